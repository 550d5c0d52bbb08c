//! "Your account": what the AWS account has set in each source Region the plan's workloads call
//! from. Today that is the data retention mode, which the engine weighs for every workload
//! there; a change goes up as an intent and is saved and shared with the plan.

use crate::state::CatalogRef;
use atlas_core::catalog::cite::Cite;
use atlas_core::catalog::ids::RegionCode;
use atlas_core::catalog::retention::AccountMode;
use atlas_core::plan::Account;
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Properties of [`AccountSection`].
#[derive(Properties, PartialEq)]
pub struct AccountSectionProps {
    /// The catalog, for Region names.
    pub catalog: CatalogRef,
    /// The source Regions the workloads call from, sorted.
    pub regions: Rc<[RegionCode]>,
    /// What the plan knows of the account.
    pub account: Account,
    /// Whether the plan may not be changed now.
    #[prop_or_default]
    pub disabled: bool,
    /// Sets a Region's mode (`None`: unknown).
    pub on_set: Callback<(RegionCode, Option<AccountMode>)>,
}

/// The section.
#[component]
pub fn AccountSection(props: &AccountSectionProps) -> Html {
    let row = |region: &RegionCode| {
        let id = format!("account-mode-{region}");
        let current = props.account.retention_mode(region);
        let onchange = {
            let region = region.clone();
            props.on_set.reform(move |e: Event| {
                let value = e.target_unchecked_into::<HtmlSelectElement>().value();
                (region.clone(), AccountMode::parse(&value))
            })
        };
        let name = props.catalog.region(region).map_or("", |r| r.name.as_str());
        html! {
            <div class="field">
                <label for={id.clone()}>{ format!("Data retention mode in {region} ({name})") }</label>
                <select id={id.clone()} data-testid={id} {onchange} disabled={props.disabled}>
                    <option value="" selected={current.is_none()}>{ "unknown" }</option>
                    { for AccountMode::ALL.iter().map(|m| html! {
                        <option value={m.key()} selected={current == Some(*m)}>{ m.key() }</option>
                    }) }
                </select>
            </div>
        }
    };
    html! {
        <section class="account no-print" aria-labelledby="account-title" data-testid="account">
            <h2 id="account-title">{ "Your account" }</h2>
            <p>
                { "The data retention mode is set per Region of the account, for every model called there; unknown, the recommendation says what the call needs. On bedrock-mantle a project's mode overrides the account's. " }
                <a class="cite" href={Cite::DataRetention.href()} rel="noopener">{ format!("[{}]", Cite::DataRetention.title()) }</a>
            </p>
            <div class="field-row">
                { for props.regions.iter().map(row) }
            </div>
            <p class="hint">{ "Customer-managed retention storage (the …DataRetentionStorage APIs) is out of scope here." }</p>
        </section>
    }
}

//! "Your account": what the AWS account has set in each source Region the plan's workloads call
//! from. Today that is the data retention mode, which the engine weighs for every workload
//! there; a change goes up as an intent and is saved and shared with the plan.

use crate::state::CatalogRef;
use atlas_core::catalog::cite::Cite;
use atlas_core::catalog::ids::RegionCode;
use atlas_core::catalog::retention::AccountMode;
use atlas_core::output::capacity::QuotaField;
use atlas_core::plan::Account;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
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
    /// The applied quota values to offer (the pools the plan's peaks draw on).
    #[prop_or_default]
    pub quotas: Rc<[QuotaField]>,
    /// Sets a quota's applied value (`None`: unknown).
    #[prop_or_default]
    pub on_quota: Callback<(RegionCode, String, Option<u64>)>,
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
            if !props.quotas.is_empty() {
                <h3 id="account-quotas-title">{ "Applied quota values" }</h3>
                <p>
                    { "Service Quotas' applied values win over the published defaults, which an account's applied value can be below. Empty: unknown, the published default is used where there is one. Read a value with aws service-quotas get-service-quota (see Capacity at the peak). " }
                    <a class="cite" href={Cite::Quotas.href()} rel="noopener">{ format!("[{}]", Cite::Quotas.title()) }</a>
                </p>
                <div class="field-row" data-testid="account-quotas">
                    { for props.quotas.iter().map(|q| quota_row(q, props)) }
                </div>
            }
            <p class="hint">{ "Customer-managed retention storage (the …DataRetentionStorage APIs) is out of scope here." }</p>
        </section>
    }
}

/// One applied value: a number field, empty for unknown; anything but a whole number is not sent.
fn quota_row(q: &QuotaField, props: &AccountSectionProps) -> Html {
    let id = format!("account-quota-{}-{}", q.region, q.code);
    let onchange = {
        let (region, code) = (q.region.clone(), q.code.clone());
        props.on_quota.reform(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            (
                region.clone(),
                code.clone(),
                value.trim().parse::<u64>().ok(),
            )
        })
    };
    html! {
        <div class="field">
            <label for={id.clone()}>{ &q.label }</label>
            <input id={id.clone()} data-testid={id} type="number" min="0" step="1" inputmode="numeric"
                   value={q.applied.map(|v| v.to_string()).unwrap_or_default()} {onchange} disabled={props.disabled} />
        </div>
    }
}

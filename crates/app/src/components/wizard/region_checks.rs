//! A checkbox per Region of the catalog, for the Regions an obligation or an SCP allows.

use crate::state::CatalogRef;
use atlas_core::catalog::ids::RegionCode;
use yew::prelude::*;

/// Properties of [`RegionChecks`].
#[derive(Properties, PartialEq)]
pub struct RegionChecksProps {
    /// The catalog.
    pub catalog: CatalogRef,
    /// The ID prefix, such as `wz-region`.
    pub prefix: &'static str,
    /// The Regions checked.
    pub chosen: Vec<RegionCode>,
    /// Called with the Region whose box changed.
    pub on_toggle: Callback<RegionCode>,
}

/// The checkboxes.
#[component]
pub fn RegionChecks(props: &RegionChecksProps) -> Html {
    html! {
        <ul class="region-checks">
            { for props.catalog.regions.iter().map(|r| {
                let id = format!("{}-{}", props.prefix, r.code);
                let code = r.code.clone();
                html! {
                    <li>
                        <input type="checkbox" id={id.clone()} data-testid={id.clone()}
                               checked={props.chosen.contains(&r.code)}
                               onchange={props.on_toggle.reform(move |_: Event| code.clone())} />
                        <label for={id}>{ format!("{} · {}", r.code, r.name) }</label>
                    </li>
                }
            }) }
        </ul>
    }
}

//! Step 5 (optional): what the organisation's SCPs allow: global inference, and which Regions.

use super::field_error::FieldError;
use super::region_checks::RegionChecks;
use super::{answer, StepProps};
use atlas_core::plan::wizard::{Answer, Field};
use web_sys::HtmlInputElement;
use yew::prelude::*;

fn checked(e: &Event) -> bool {
    e.target_unchecked_into::<HtmlInputElement>().checked()
}

/// The organisation-policy step.
#[component]
pub fn PolicyStep(props: &StepProps) -> Html {
    let draft = &props.draft;
    let on_action = &props.on_action;
    let open = draft.restrict_regions || !draft.allows_global;
    html! {
        <details open={open} class="policy">
            <summary>{ "Organisation policy (optional): what your SCPs allow" }</summary>
            <div class="field field-check">
                <input id="wz-allows-global" type="checkbox" checked={draft.allows_global} data-testid="wz-allows-global"
                       onchange={answer(on_action, |e: Event| Answer::AllowsGlobal(checked(&e)))} />
                <label for="wz-allows-global">{ "SCPs allow global cross-Region inference (aws:RequestedRegion \"unspecified\")" }</label>
            </div>
            <div class="field field-check">
                <input id="wz-restrict" type="checkbox" checked={draft.restrict_regions} data-testid="wz-restrict"
                       onchange={answer(on_action, |e: Event| Answer::RestrictRegions(checked(&e)))} />
                <label for="wz-restrict">{ "SCPs allow only some Regions" }</label>
            </div>
            if draft.restrict_regions {
                <fieldset>
                    <legend>{ "Regions your SCPs allow" }</legend>
                    <RegionChecks catalog={props.catalog} prefix="wz-allowed" chosen={draft.allowed_regions.clone()}
                        on_toggle={answer(on_action, Answer::ToggleAllowedRegion)} />
                </fieldset>
            }
            <FieldError problems={props.problems.clone()} field={Field::AllowedRegions} />
        </details>
    }
}

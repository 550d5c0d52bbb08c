//! Step 6: every answer in words (the domain's [`Draft::summary`]), each with a button back to
//! the step that asks it.
//!
//! [`Draft::summary`]: atlas_core::plan::wizard::Draft::summary

use super::StepProps;
use atlas_core::plan::wizard::WizardAction;
use yew::prelude::*;

/// The review step.
#[component]
pub fn ReviewStep(props: &StepProps) -> Html {
    let rows = props.draft.summary(&props.catalog);
    html! {
        <dl class="review" data-testid="wz-review">
            { for rows.into_iter().map(|(label, value, step)| html! {
                <div>
                    <dt>{ label }</dt>
                    <dd>{ value }{ " " }
                        <button type="button" class="link-button"
                                onclick={props.on_action.reform(move |_: MouseEvent| WizardAction::GoTo(step))}
                                aria-label={format!("Edit {}", label.to_lowercase())}>{ "Edit" }</button>
                    </dd>
                </div>
            }) }
        </dl>
    }
}

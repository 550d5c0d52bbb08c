//! Step 3: the traffic shape, and optionally the expected tokens a month, which turns every
//! option's price into a monthly estimate.

use super::field_error::FieldError;
use super::{answer, ask, error_id, problem_for, StepProps, TRAFFIC};
use atlas_core::plan::wizard::{Answer, Field};
use web_sys::HtmlInputElement;
use yew::prelude::*;

fn value(e: &InputEvent) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

/// The traffic step.
#[component]
pub fn TrafficStep(props: &StepProps) -> Html {
    let draft = &props.draft;
    let invalid = problem_for(&props.problems, Field::Tokens).is_some();
    let described = invalid.then(|| error_id(Field::Tokens));
    html! {
        <>
            { ask(&TRAFFIC, draft.traffic, props) }
            <fieldset class="tokens" aria-describedby="wz-tokens-hint">
                <legend>{ "Expected tokens a month (optional, for a cost estimate)" }</legend>
                <p class="hint" id="wz-tokens-hint">
                    { "For example a support chat with 10,000 conversations a month of 2,000 tokens in and 500 out: 20M input, 5M output. Write 20000000, 20,000,000 or 20M." }
                </p>
                <div class="field-row">
                    <div class="field">
                        <label for="wz-tokens-in">{ "Input tokens a month" }</label>
                        <input id="wz-tokens-in" type="text" inputmode="numeric" autocomplete="off"
                               value={draft.tokens_input.clone()} data-testid="wz-tokens-in"
                               aria-invalid={invalid.then_some("true")} aria-describedby={described}
                               oninput={answer(&props.on_action, |e: InputEvent| Answer::TokensInput(value(&e)))} />
                    </div>
                    <div class="field">
                        <label for="wz-tokens-out">{ "Output tokens a month" }</label>
                        <input id="wz-tokens-out" type="text" inputmode="numeric" autocomplete="off"
                               value={draft.tokens_output.clone()} data-testid="wz-tokens-out"
                               aria-invalid={invalid.then_some("true")} aria-describedby={described}
                               oninput={answer(&props.on_action, |e: InputEvent| Answer::TokensOutput(value(&e)))} />
                    </div>
                </div>
                <FieldError problems={props.problems.clone()} field={Field::Tokens} />
            </fieldset>
        </>
    }
}

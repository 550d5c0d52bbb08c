//! Step 3: the traffic shape, and optionally the expected tokens a month, which turns every
//! option's price into a monthly estimate, and the peak minute, which checks every option's
//! quota pool.

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
            { peak(props) }
        </>
    }
}

/// The peak minute's boxes: (label, test ID, value, answer).
type PeakBox = (&'static str, &'static str, String, fn(String) -> Answer);

/// The optional peak minute: requests, tokens per request and max_tokens, with a worked example
/// and what max_tokens does to the quota.
fn peak(props: &StepProps) -> Html {
    let draft = &props.draft;
    let invalid = problem_for(&props.problems, Field::Peak).is_some();
    let described = if invalid {
        "wz-peak-hint wz-peak-error"
    } else {
        "wz-peak-hint"
    };
    let boxes: [PeakBox; 4] = [
        (
            "Requests in the peak minute",
            "wz-peak-requests",
            draft.peak_requests.clone(),
            Answer::PeakRequests,
        ),
        (
            "Input tokens per request",
            "wz-peak-input",
            draft.peak_input.clone(),
            Answer::PeakInput,
        ),
        (
            "Output tokens per request",
            "wz-peak-output",
            draft.peak_output.clone(),
            Answer::PeakOutput,
        ),
        (
            "max_tokens each request sets (empty: not set)",
            "wz-peak-max",
            draft.peak_max_tokens.clone(),
            Answer::PeakMaxTokens,
        ),
    ];
    html! {
        <fieldset class="tokens" data-testid="wz-peak">
            <legend>{ "Peak minute (optional, to check the quotas)" }</legend>
            <p class="hint" id="wz-peak-hint">
                { "For example 300 requests a minute with 6,000-token prompts and 800-token answers, max_tokens 1,000. Each request reserves its input plus max_tokens of the quota when it starts and settles at input plus output × the model's burndown when it ends, so a max_tokens far above the answers throttles sooner; without max_tokens the model's maximum output is reserved." }
            </p>
            <div class="field-row">
                { for boxes.into_iter().map(|(label, id, current, make)| html! {
                    <div class="field">
                        <label for={id}>{ label }</label>
                        <input id={id} type="text" inputmode="numeric" autocomplete="off"
                               value={current} data-testid={id}
                               aria-invalid={invalid.then_some("true")} aria-describedby={described}
                               oninput={answer(&props.on_action, move |e: InputEvent| make(value(&e)))} />
                    </div>
                }) }
            </div>
            <FieldError problems={props.problems.clone()} field={Field::Peak} />
        </fieldset>
    }
}

//! The workload wizard's view: one component per step, the step list, and the form that moves
//! between steps. Every transition is the domain wizard's ([`Wizard::apply`]); these components
//! only render it and send [`WizardAction`]s up.

pub mod field_error;
pub mod policy_step;
pub mod radio_group;
pub mod region_checks;
pub mod residency_step;
pub mod review_step;
pub mod traffic_step;
pub mod workload_step;

use crate::state::CatalogRef;
use atlas_core::plan::wizard::{Answer, Draft, Field, Problem, Step, Wizard, WizardAction};
use atlas_core::plan::{Sla, Traffic, Turnaround};
use policy_step::PolicyStep;
use radio_group::{Choice, RadioGroup};
use residency_step::ResidencyStep;
use review_step::ReviewStep;
use std::rc::Rc;
use traffic_step::TrafficStep;
use workload_step::WorkloadStep;
use yew::prelude::*;

/// Properties every step takes.
#[derive(Properties, PartialEq, Clone)]
pub struct StepProps {
    /// The catalog, for pickers.
    pub catalog: CatalogRef,
    /// The answers so far.
    pub draft: Draft,
    /// Problems shown for this step.
    pub problems: Rc<[Problem]>,
    /// Sends an action up.
    pub on_action: Callback<WizardAction>,
}

/// The problem shown for `field`, if any.
pub fn problem_for(problems: &[Problem], field: Field) -> Option<&Problem> {
    problems.iter().find(|p| p.field == field)
}

/// The ID of the message that describes a field's problem (for `aria-describedby`).
pub fn error_id(field: Field) -> &'static str {
    match field {
        Field::Name => "wz-name-error",
        Field::Model => "wz-model-error",
        Field::SourceRegion => "wz-source-error",
        Field::Residency => "wz-residency-error",
        Field::Traffic => "wz-traffic-error",
        Field::Sla => "wz-sla-error",
        Field::Turnaround => "wz-turnaround-error",
        Field::Tokens => "wz-tokens-error",
        Field::Peak => "wz-peak-error",
        Field::AllowedRegions => "wz-allowed-error",
    }
}

/// A callback that answers a question with what `make` reads from the event.
pub fn answer<E: 'static>(
    on_action: &Callback<WizardAction>,
    make: impl Fn(E) -> Answer + 'static,
) -> Callback<E> {
    on_action.reform(move |e| WizardAction::Answer(make(e)))
}

/// Properties of [`WizardPanel`].
#[derive(Properties, PartialEq)]
pub struct WizardPanelProps {
    /// The catalog, for pickers.
    pub catalog: CatalogRef,
    /// The wizard's state.
    pub wizard: Wizard,
    /// Whether it edits an existing workload.
    pub editing: bool,
    /// Sends an action up.
    pub on_action: Callback<WizardAction>,
}

/// A question answered by picking one of a fixed set of values.
pub struct Question<T: 'static> {
    name: &'static str,
    legend: &'static str,
    values: &'static [T],
    key: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
    answer: fn(T) -> Answer,
    field: Field,
}

/// The traffic question (the traffic step adds the optional monthly volume).
pub const TRAFFIC: Question<Traffic> = Question {
    name: "wz-traffic",
    legend: "What does the traffic look like?",
    values: &Traffic::ALL,
    key: Traffic::key,
    label: Traffic::label,
    answer: Answer::Traffic,
    field: Field::Traffic,
};

const SLA: Question<Sla> = Question {
    name: "wz-sla",
    legend: "What service level does it need?",
    values: &Sla::ALL,
    key: Sla::key,
    label: Sla::label,
    answer: Answer::Sla,
    field: Field::Sla,
};

const TURNAROUND: Question<Turnaround> = Question {
    name: "wz-turnaround",
    legend: "How soon is each answer needed?",
    values: &Turnaround::ALL,
    key: Turnaround::key,
    label: Turnaround::label,
    answer: Answer::Turnaround,
    field: Field::Turnaround,
};

/// The radio group asking `question`, with `current` checked.
pub fn ask<T: Copy + PartialEq>(
    question: &Question<T>,
    current: Option<T>,
    step: &StepProps,
) -> Html {
    let choices: Rc<[Choice]> = question
        .values
        .iter()
        .map(|v| Choice::new((question.key)(*v), (question.label)(*v), None))
        .collect();
    let current = current.and_then(|c| question.values.iter().position(|v| *v == c));
    let (values, answer) = (question.values, question.answer);
    html! {
        <RadioGroup name={question.name} legend={question.legend} {choices} {current}
            on_pick={step.on_action.reform(move |i: usize| WizardAction::Answer(answer(values[i.min(values.len() - 1)])))}
            error={Some(question.field)} problems={step.problems.clone()} />
    }
}

/// The wizard panel.
#[component]
pub fn WizardPanel(props: &WizardPanelProps) -> Html {
    let wizard = &props.wizard;
    let step = wizard.step;
    let on_action = &props.on_action;
    // A new step (and the wizard opening) moves focus to the step's heading, so keyboard and
    // screen-reader users start at the new question instead of on <body>.
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with(step, move |_| {
            if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    let send = |action: WizardAction| on_action.reform(move |_: MouseEvent| action.clone());
    let step_props = StepProps {
        catalog: props.catalog,
        draft: wizard.draft.clone(),
        problems: wizard.shown_problems.iter().cloned().collect(),
        on_action: on_action.clone(),
    };
    let body = match step {
        Step::Workload => html! { <WorkloadStep ..step_props /> },
        Step::Residency => html! { <ResidencyStep ..step_props /> },
        Step::Traffic => html! { <TrafficStep ..step_props /> },
        Step::Sla => html! {
            <>
                { ask(&SLA, step_props.draft.sla, &step_props) }
                { ask(&TURNAROUND, Some(step_props.draft.turnaround), &step_props) }
                <p class="hint">{ "Work that can wait is cheaper: minutes suit the Flex tier, a day suits batch jobs (both about half the Standard price where offered). A guaranteed or latency-sensitive workload is interactive." }</p>
            </>
        },
        Step::Policy => html! { <PolicyStep ..step_props /> },
        Step::Review => html! { <ReviewStep ..step_props /> },
    };
    // Enter moves on from anywhere in the step: the form submits it from text fields and
    // radios itself; on a list, a checkbox or the step's heading it does not, so do it here.
    let onkeydown = {
        let on_action = on_action.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() != "Enter" {
                return;
            }
            let Some(target) = e.target_dyn_into::<web_sys::Element>() else {
                return;
            };
            let checkbox = target.get_attribute("type").as_deref() == Some("checkbox");
            if matches!(target.tag_name().as_str(), "SELECT" | "H3") || checkbox {
                e.prevent_default();
                on_action.emit(if step == Step::Review {
                    WizardAction::Save
                } else {
                    WizardAction::Next
                });
            }
        })
    };
    let onsubmit = on_action.reform(move |e: SubmitEvent| {
        e.prevent_default();
        if step == Step::Review {
            WizardAction::Save
        } else {
            WizardAction::Next
        }
    });
    html! {
        <section class="wizard" aria-labelledby="wizard-title" data-testid="wizard">
            <h2 id="wizard-title">{ if props.editing { "Edit workload" } else { "Add a workload" } }</h2>
            <ol class="steps">
                { for Step::ALL.iter().map(|s| html! {
                    <li aria-current={(*s == step).then_some("step")} class={classes!((*s < step).then_some("done"))}>
                        { s.title() }
                    </li>
                }) }
            </ol>
            <form {onsubmit} {onkeydown} novalidate=true>
                <h3 data-testid="wz-step" ref={heading} tabindex="-1">{ format!("Step {} of {}: {}", step.number(), Step::ALL.len(), step.title()) }</h3>
                if !wizard.shown_problems.is_empty() {
                    <p class="field-error" role="alert">{ "Fix the problems below to continue." }</p>
                }
                { body }
                <div class="wizard-actions">
                    <button type="button" onclick={send(WizardAction::Back)} disabled={step == Step::Workload} data-testid="wz-back">{ "Back" }</button>
                    if step == Step::Review {
                        <button type="submit" class="primary" data-testid="wz-save">{ if props.editing { "Save changes" } else { "Add to plan" } }</button>
                    } else {
                        <button type="submit" class="primary" data-testid="wz-next">{ "Next" }</button>
                    }
                    <button type="button" onclick={send(WizardAction::Cancel)} data-testid="wz-cancel">{ "Cancel" }</button>
                </div>
            </form>
        </section>
    }
}

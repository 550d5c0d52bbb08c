//! A group of radio buttons with a legend, each choice with an optional hint, and the group's
//! problem message. Each button's ID names its value (`wz-traffic-spiky`).

use super::field_error::FieldError;
use super::{error_id, problem_for};
use atlas_core::plan::wizard::{Field, Problem};
use std::rc::Rc;
use yew::prelude::*;

/// One choice: the value's key (for IDs), its label and an optional hint.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    key: &'static str,
    label: &'static str,
    hint: Option<&'static str>,
}

impl Choice {
    /// A choice.
    pub fn new(key: &'static str, label: &'static str, hint: Option<&'static str>) -> Choice {
        Choice { key, label, hint }
    }
}

/// Properties of [`RadioGroup`].
#[derive(Properties, PartialEq)]
pub struct RadioGroupProps {
    /// The group's name and ID prefix, such as `wz-traffic`.
    pub name: &'static str,
    /// The question.
    pub legend: &'static str,
    /// The choices, in order.
    pub choices: Rc<[Choice]>,
    /// The position of the chosen one.
    pub current: Option<usize>,
    /// Called with the position of the choice picked.
    pub on_pick: Callback<usize>,
    /// The field whose problem the group shows.
    #[prop_or_default]
    pub error: Option<Field>,
    /// The problems shown for the step.
    pub problems: Rc<[Problem]>,
    /// What follows the legend before the choices: a hint, a link to what the choices mean.
    #[prop_or_default]
    pub children: Html,
}

/// The radio group.
#[component]
pub fn RadioGroup(props: &RadioGroupProps) -> Html {
    let invalid = props
        .error
        .is_some_and(|f| problem_for(&props.problems, f).is_some());
    let name = props.name;
    html! {
        <fieldset class="choices" aria-invalid={invalid.then_some("true")}
                  aria-describedby={props.error.filter(|_| invalid).map(error_id)}>
            <legend>{ props.legend }</legend>
            { props.children.clone() }
            { for props.choices.iter().enumerate().map(|(i, choice)| {
                let id = format!("{name}-{}", choice.key);
                html! {
                    <div class="choice">
                        <input type="radio" {name} id={id.clone()} checked={props.current == Some(i)}
                               data-testid={id.clone()}
                               onchange={props.on_pick.reform(move |_: Event| i)} />
                        <label for={id}>
                            { choice.label }
                            if let Some(hint) = choice.hint {
                                <span class="hint">{ hint }</span>
                            }
                        </label>
                    </div>
                }
            }) }
            if let Some(field) = props.error {
                <FieldError problems={props.problems.clone()} {field} />
            }
        </fieldset>
    }
}

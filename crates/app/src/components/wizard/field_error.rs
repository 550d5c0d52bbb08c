//! The message under a wizard field that has a problem, referenced by the field's
//! `aria-describedby`.

use super::{error_id, problem_for};
use atlas_core::plan::wizard::{Field, Problem};
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`FieldError`].
#[derive(Properties, PartialEq)]
pub struct FieldErrorProps {
    /// The problems shown for the step.
    pub problems: Rc<[Problem]>,
    /// The field this message is for.
    pub field: Field,
}

/// The field's problem, or nothing.
#[component]
pub fn FieldError(props: &FieldErrorProps) -> Html {
    match problem_for(&props.problems, props.field) {
        Some(p) => html! {
            <p class="field-error" id={error_id(props.field)} data-testid={error_id(props.field)}>{ &p.message }</p>
        },
        None => Html::default(),
    }
}

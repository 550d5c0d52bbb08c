//! The one renderer for errors: a titled panel with the message and what to do next.

use yew::prelude::*;

/// Properties of [`ErrorPanel`].
#[derive(Properties, PartialEq)]
pub struct ErrorPanelProps {
    /// What failed, in a few words.
    pub title: AttrValue,
    /// The error's own message.
    pub message: AttrValue,
    /// What the user can do about it.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
}

/// An error, announced to screen readers as an alert.
#[component]
pub fn ErrorPanel(props: &ErrorPanelProps) -> Html {
    html! {
        <section class="error-panel" role="alert" data-testid="error-panel">
            <h2>{ props.title.clone() }</h2>
            <p class="error-message">{ props.message.clone() }</p>
            if let Some(hint) = &props.hint {
                <p>{ hint.clone() }</p>
            }
        </section>
    }
}

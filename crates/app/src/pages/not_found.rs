//! The page for a URL the app does not know.

use yew::prelude::*;

/// Properties of [`NotFound`].
#[derive(Properties, PartialEq)]
pub struct NotFoundProps {
    /// The path that was asked for.
    pub path: AttrValue,
}

/// Not found.
#[component]
pub fn NotFound(props: &NotFoundProps) -> Html {
    html! {
        <>
            <h1>{ "Page not found" }</h1>
            <p data-testid="not-found">
                { "Nothing lives at " }<code>{ props.path.clone() }</code>{ ". " }
                <a href="./">{ "Go to the home page" }</a>{ " or " }
                <a href="explore/">{ "explore the catalog" }</a>{ "." }
            </p>
        </>
    }
}

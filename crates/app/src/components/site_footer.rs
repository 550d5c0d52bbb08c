//! The footer: the catalog's as-of date and where the data comes from.

use yew::prelude::*;

/// Properties of [`SiteFooter`].
#[derive(Properties, PartialEq)]
pub struct SiteFooterProps {
    /// The catalog's as-of date.
    pub as_of: AttrValue,
}

/// The page footer.
#[component]
pub fn SiteFooter(props: &SiteFooterProps) -> Html {
    html! {
        <footer class="site-footer">
            <p>
                { "Catalog as of " }
                <time datetime={props.as_of.clone()} data-testid="footer-as-of">{ props.as_of.clone() }</time>
                { ". Everything runs in your browser; nothing you type leaves this page. " }
                <a href="data/">{ "Data sources" }</a>
            </p>
        </footer>
    }
}

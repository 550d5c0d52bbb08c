//! The header: the product name and the main navigation, marking the current page.

use crate::route::Route;
use atlas_core::browse::explore::Query;
use yew::prelude::*;

/// Properties of [`SiteHeader`].
#[derive(Properties, PartialEq)]
pub struct SiteHeaderProps {
    /// The current route, to mark the current link.
    pub route: Route,
}

/// The page header with navigation.
#[component]
pub fn SiteHeader(props: &SiteHeaderProps) -> Html {
    let links = [
        (Route::Home, "Home"),
        (Route::Explore(Query::default()), "Explore"),
        (Route::Plan, "Plan"),
        (Route::Errors, "Errors"),
        (Route::Concepts(None), "Concepts"),
        (Route::Data, "Data sources"),
    ];
    // The plan's report belongs to the plan.
    let route = match &props.route {
        Route::PlanReport => &Route::Plan,
        other => other,
    };
    let current = |target: &Route| std::mem::discriminant(target) == std::mem::discriminant(route);
    html! {
        <header class="site-header">
            <a class="brand" href="./">{ "CRIS Atlas" }</a>
            <nav aria-label="Main">
                <ul>
                    { for links.iter().map(|(target, label)| html! {
                        <li>
                            <a href={target.href()}
                               aria-current={current(target).then_some("page")}>
                                { *label }
                            </a>
                        </li>
                    }) }
                </ul>
            </nav>
        </header>
    }
}

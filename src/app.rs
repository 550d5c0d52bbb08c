//! What a page is made of. Every page is prerendered into its own HTML file (see `site`); the
//! WebAssembly then hydrates only the part that responds to the user, the island: the explorer's
//! search, a profile's source Region and map, the plan. Static pages (home, concepts, data
//! sources, model and Region pages) are complete as prerendered; their links are plain links.
//!
//! The island is hydrated with the route it was prerendered with ([`Route::prerendered`]), so
//! the first render matches the HTML exactly; the URL's query and the browser's storage are
//! applied after that.

use crate::components::error_panel::ErrorPanel;
use crate::pages::explore::Explore;
use crate::pages::plan::PlanPage;
use crate::pages::plan_report::PlanReport;
use crate::pages::profile::ProfilePage;
use crate::route::Route;
use crate::state::{CatalogRef, Navigate};
use yew::prelude::*;

/// Whether a route's page has an island the WebAssembly hydrates.
pub fn is_island(route: &Route) -> bool {
    match route {
        Route::Explore(_)
        | Route::Profile { .. }
        | Route::Plan
        | Route::PlanReport
        | Route::Errors => true,
        #[cfg(feature = "bench")]
        Route::ExploreBench { .. } => true,
        _ => false,
    }
}

/// Properties of [`Island`].
#[derive(Properties, PartialEq)]
pub struct IslandProps {
    /// The validated catalog.
    pub catalog: CatalogRef,
    /// The route the page was prerendered with.
    pub route: Route,
}

/// The interactive part of a page: the page component for its route, following the URL's
/// query once mounted (Back and Forward included).
#[component]
pub fn Island(props: &IslandProps) -> Html {
    let route = use_state_eq(|| props.route.clone());
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            // After hydration: the URL may ask for more than the prerendered page shows, and a
            // search typed before the module arrived is kept.
            let mut current = crate::browser::current_route();
            if let Route::Explore(query) = &mut current {
                let typed = crate::browser::input_value("q");
                if query.text.is_empty() && !typed.is_empty() {
                    query.text = typed;
                    crate::browser::set_url(&current.href(), true);
                }
            }
            route.set(current);
            crate::browser::mark_ready();
            let listener = crate::browser::on_history_change(move || {
                route.set(crate::browser::current_route())
            });
            move || drop(listener)
        });
    }
    let on_navigate = {
        let route = route.clone();
        Callback::from(move |nav: Navigate| {
            if nav.route.file() != route.file() {
                // Another page: a real navigation to its prerendered file.
                crate::browser::go_to(&nav.route.href());
                return;
            }
            crate::browser::set_url(&nav.route.href(), nav.replace);
            route.set(nav.route);
        })
    };
    let catalog = props.catalog;
    match &*route {
        Route::Explore(query) => html! {
            <Explore {catalog} query={query.clone()} {on_navigate} />
        },
        #[cfg(feature = "bench")]
        Route::ExploreBench { factor, query } => html! {
            <crate::pages::explore_bench::ExploreBench {catalog} factor={*factor} query={query.clone()} {on_navigate} />
        },
        Route::Profile { id, from } => html! {
            <ProfilePage {catalog} id={id.clone()} from={from.clone()} {on_navigate} />
        },
        Route::Plan => html! { <PlanPage {catalog} /> },
        Route::PlanReport => html! { <PlanReport {catalog} /> },
        Route::Errors => html! { <crate::pages::errors::ErrorsPage {catalog} /> },
        other => html! {
            <ErrorPanel title="This page has nothing to run"
                message={AttrValue::from(format!("{} is a static page.", other.href()))} />
        },
    }
}

/// Properties of [`CatalogError`].
#[derive(Properties, PartialEq)]
pub struct CatalogErrorProps {
    /// What went wrong.
    pub message: AttrValue,
}

/// Shown instead of a page's content when the embedded catalog fails to load.
#[component]
pub fn CatalogError(props: &CatalogErrorProps) -> Html {
    html! {
        <ErrorPanel
            title="The catalog could not be loaded"
            message={props.message.clone()}
            hint="This build is broken; nothing you entered is lost. Report the message above to whoever hosts this page."
        />
    }
}

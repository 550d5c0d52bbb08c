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

/// Which pages a module can draw: the full module every island, the lite one the explorer's.
pub trait Pages: 'static {
    /// The page component for `route`.
    fn page(catalog: CatalogRef, route: &Route, on_navigate: Callback<Navigate>) -> Html;
}

/// Every island: the module of the plan, report, profile and errors pages.
pub struct AllPages;

/// The explorer's island only: the lite module, which the explorer and every static page load
/// (a static page needs the module only for its copy buttons and the offline cache). Without
/// the plan's and profile's code it is less than half the size, so the explorer's search works
/// sooner on a slow network.
pub struct LitePages;

/// Whether `route`'s page needs the full module (an island the lite module cannot draw).
pub fn needs_full_module(route: &Route) -> bool {
    is_island(route) && !matches!(route, Route::Explore(_))
}

/// The interactive part of a page: the page component for its route, following the URL's
/// query once mounted (Back and Forward included). `P` says which pages the module draws.
#[component]
pub fn IslandOf<P: Pages>(props: &IslandProps) -> Html {
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
    P::page(props.catalog, &route, on_navigate)
}

/// The explorer (and its benchmark aid), or `None` for any other route.
fn explore_page(
    catalog: CatalogRef,
    route: &Route,
    on_navigate: &Callback<Navigate>,
) -> Option<Html> {
    let on_navigate = on_navigate.clone();
    match route {
        Route::Explore(query) => Some(html! {
            <Explore {catalog} query={query.clone()} {on_navigate} />
        }),
        #[cfg(feature = "bench")]
        Route::ExploreBench { factor, query } => Some(html! {
            <crate::pages::explore_bench::ExploreBench {catalog} factor={*factor} query={query.clone()} {on_navigate} />
        }),
        _ => None,
    }
}

/// What a module shows for a route it has no page for (a static page has no island).
fn nothing_to_run(route: &Route) -> Html {
    html! {
        <ErrorPanel title="This page has nothing to run"
            message={AttrValue::from(format!("{} is a static page.", route.href()))} />
    }
}

impl Pages for LitePages {
    fn page(catalog: CatalogRef, route: &Route, on_navigate: Callback<Navigate>) -> Html {
        explore_page(catalog, route, &on_navigate).unwrap_or_else(|| nothing_to_run(route))
    }
}

impl Pages for AllPages {
    fn page(catalog: CatalogRef, route: &Route, on_navigate: Callback<Navigate>) -> Html {
        if let Some(page) = explore_page(catalog, route, &on_navigate) {
            return page;
        }
        match route {
            Route::Profile { id, from } => html! {
                <ProfilePage {catalog} id={id.clone()} from={from.clone()} {on_navigate} />
            },
            Route::Plan => html! { <PlanPage {catalog} /> },
            Route::PlanReport => html! { <PlanReport {catalog} /> },
            Route::Errors => html! { <crate::pages::errors::ErrorsPage {catalog} /> },
            other => nothing_to_run(other),
        }
    }
}

/// The island of the full module.
pub type Island = IslandOf<AllPages>;

/// The island of the lite module.
pub type LiteIsland = IslandOf<LitePages>;

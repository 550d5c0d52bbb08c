//! The router and layout shell: header navigation, the current page, the footer. The browser
//! adapter keeps the route in sync with `location.hash`; everything below it takes the route as a
//! prop, so pages render the same natively (tests) and in the browser.

use crate::components::error_panel::ErrorPanel;
use crate::components::site_footer::SiteFooter;
use crate::components::site_header::SiteHeader;
use crate::pages::model::ModelPage;
use crate::pages::plan::PlanPage;
use crate::pages::profile::ProfilePage;
use crate::pages::region::RegionPage;
use crate::pages::sources::Sources;
use crate::pages::{concepts::Concepts, explore::Explore, home::Home, not_found::NotFound};
use crate::route::Route;
use crate::state::{CatalogRef, Navigate};
use yew::prelude::*;

/// Properties of [`Layout`].
#[derive(Properties, PartialEq)]
pub struct LayoutProps {
    /// The validated catalog.
    pub catalog: CatalogRef,
    /// The page to show.
    pub route: Route,
    /// Called when a page asks to go elsewhere.
    pub on_navigate: Callback<Navigate>,
}

/// The page frame around the current route.
#[component]
pub fn Layout(props: &LayoutProps) -> Html {
    let catalog = props.catalog;
    let page = match &props.route {
        Route::Home => html! { <Home {catalog} /> },
        Route::Explore(query) => html! {
            <Explore {catalog} query={query.clone()} on_navigate={props.on_navigate.clone()} />
        },
        Route::Concepts(_) => html! { <Concepts /> },
        Route::Data => html! { <Sources {catalog} /> },
        Route::Plan => html! { <PlanPage {catalog} /> },
        #[cfg(feature = "bench")]
        Route::ExploreBench { factor, query } => html! {
            <crate::pages::explore_bench::ExploreBench {catalog} factor={*factor} query={query.clone()} on_navigate={props.on_navigate.clone()} />
        },
        Route::Model(id) => html! { <ModelPage {catalog} id={id.clone()} /> },
        Route::Profile { id, from } => html! {
            <ProfilePage {catalog} id={id.clone()} from={from.clone()} on_navigate={props.on_navigate.clone()} />
        },
        Route::Region(code) => html! { <RegionPage {catalog} code={code.clone()} /> },
        Route::NotFound(path) => html! { <NotFound path={AttrValue::from(path.clone())} /> },
    };
    html! {
        <>
            <a class="skip-link" href="#main" onclick={skip_to_main()}>{ "Skip to content" }</a>
            <SiteHeader route={props.route.clone()} />
            <main id="main" tabindex="-1" data-testid="app">{ page }</main>
            <SiteFooter as_of={AttrValue::from(catalog.meta.as_of.clone())} />
        </>
    }
}

/// The skip link must not change the hash route, so it focuses `<main>` itself.
fn skip_to_main() -> Callback<MouseEvent> {
    Callback::from(|event: MouseEvent| {
        event.prevent_default();
        crate::browser::focus_main();
    })
}

/// Properties of [`CatalogError`].
#[derive(Properties, PartialEq)]
pub struct CatalogErrorProps {
    /// What went wrong.
    pub message: AttrValue,
}

/// Shown instead of the app when the embedded catalog fails to load.
#[component]
pub fn CatalogError(props: &CatalogErrorProps) -> Html {
    html! {
        <main id="main" data-testid="app">
            <ErrorPanel
                title="The catalog could not be loaded"
                message={props.message.clone()}
                hint="This build is broken; nothing you entered is lost. Report the message above to whoever hosts this page."
            />
        </main>
    }
}

/// The whole app, reading and writing `location.hash`.
#[component]
pub fn App() -> Html {
    match crate::data::catalog() {
        Err(error) => html! { <CatalogError message={AttrValue::from(error.to_string())} /> },
        Ok(catalog) => html! { <HashRouter catalog={CatalogRef(catalog)} /> },
    }
}

/// Properties of [`HashRouter`].
#[derive(Properties, PartialEq)]
pub struct HashRouterProps {
    /// The validated catalog.
    pub catalog: CatalogRef,
}

/// Keeps the route in sync with `location.hash` and renders the layout.
#[component]
pub fn HashRouter(props: &HashRouterProps) -> Html {
    let route = use_state(|| Route::from_hash(&crate::browser::current_hash()));
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener = crate::browser::on_hash_change(move |hash| {
                route.set(Route::from_hash(&hash));
            });
            move || drop(listener)
        });
    }
    // Only a change of page (title or section) moves focus, never typing in a search box.
    let first_render = use_mut_ref(|| true);
    use_effect_with(
        (route.title(), route_anchor(&route)),
        move |(title, anchor)| {
            let first = std::mem::replace(&mut *first_render.borrow_mut(), false);
            crate::browser::page_changed(title, anchor.as_deref(), !first);
        },
    );
    let on_navigate = {
        let route = route.clone();
        Callback::from(move |nav: Navigate| {
            if nav.replace {
                crate::browser::replace_hash(&nav.route.to_hash());
                route.set(nav.route);
            } else {
                crate::browser::push_hash(&nav.route.to_hash());
            }
        })
    };
    html! { <Layout catalog={props.catalog} route={(*route).clone()} {on_navigate} /> }
}

/// The element to scroll to for a route, such as a Concepts section.
fn route_anchor(route: &Route) -> Option<String> {
    match route {
        Route::Concepts(Some(section)) => Some(section.clone()),
        _ => None,
    }
}

//! CRIS Atlas: decide how to call foundation models on Amazon Bedrock (global or geographic
//! cross-Region inference profiles, in one Region on demand, or Provisioned Throughput) with a
//! catalog of real routes per source Region.
//!
//! The app's dependency direction is `pages -> components -> state -> atlas_core`: the core
//! (crates/core) decides and is shared with the command line; views only render what it computed.

pub mod deflate;
pub mod route;
pub mod state;

pub mod app;
pub mod browser;
pub mod clock;
pub mod components;
pub mod pages;

#[cfg(target_arch = "wasm32")]
/// The full module's start, on the pages whose island only it draws (plan, report, profile,
/// errors); see [`start_with`].
pub fn start() {
    start_with::<app::AllPages>();
}

#[cfg(target_arch = "wasm32")]
/// The lite module's start, on the explorer and every static page; see [`start_with`].
pub fn start_lite() {
    start_with::<app::LitePages>();
}

#[cfg(target_arch = "wasm32")]
/// Runs on every page once the module has loaded: follows a link of the first version to its
/// page, then on a page with an island fetches the catalog and hydrates the island with the
/// pages `P` draws; a static page (complete as prerendered) gets its copy buttons.
fn start_with<P: app::Pages>() {
    let relative = browser::relative_url();
    if let Some(target) = route::share_redirect(&relative, &browser::current_hash()) {
        browser::redirect(&target);
        return;
    }
    if let Some(target) = route::legacy_redirect(&relative, &browser::current_hash()) {
        browser::redirect(&target);
        return;
    }
    browser::mark_running();
    browser::register_service_worker();
    let route = browser::current_route();
    if !app::is_island(&route) {
        browser::enhance_copy_buttons();
        browser::mark_ready();
        return;
    }
    let (Some(main), Some(status)) = (
        browser::main_element(),
        browser::element_before_main("catalog-status"),
    ) else {
        return;
    };
    // The island hydrates once the catalog is in: its first render then matches the HTML the
    // site build rendered with the same catalog.
    let on_loaded = yew::Callback::from(move |catalog: state::CatalogRef| {
        let props = app::IslandProps {
            catalog,
            route: route.prerendered(),
        };
        yew::Renderer::<app::IslandOf<P>>::with_root_and_props(main.clone(), props).hydrate();
    });
    yew::Renderer::<components::catalog_loader::CatalogLoader>::with_root_and_props(
        status,
        components::catalog_loader::CatalogLoaderProps { on_loaded },
    )
    .render();
}

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
/// page, then hydrates the page's island with the pages `P` draws, or makes a static page's
/// copy buttons work.
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
    let Some(main) = browser::main_element() else {
        return;
    };
    match atlas_core::catalog::data::catalog() {
        Err(error) => {
            let message = yew::AttrValue::from(error.to_string());
            yew::Renderer::<app::CatalogError>::with_root_and_props(
                main,
                app::CatalogErrorProps { message },
            )
            .render();
        }
        Ok(catalog) if app::is_island(&route) => {
            let props = app::IslandProps {
                catalog: state::CatalogRef(catalog),
                route: route.prerendered(),
            };
            yew::Renderer::<app::IslandOf<P>>::with_root_and_props(main, props).hydrate();
        }
        Ok(_) => {
            browser::enhance_copy_buttons();
            browser::mark_ready();
        }
    }
}

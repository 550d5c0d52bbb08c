//! The catalog's arrival on a page with an island: the page's data file fetched, read and
//! installed as the app's catalog, then handed on. Until then the prerendered page reads as it
//! is; if the file cannot be had or read, a panel says why and offers a retry (the service
//! worker answers from its cache when offline, once the site was visited).

use crate::components::error_panel::ErrorPanel;
use crate::state::CatalogRef;
use atlas_core::catalog::{data, Catalog};
use yew::prelude::*;

/// Properties of [`CatalogLoader`].
#[derive(Properties, PartialEq)]
pub struct CatalogLoaderProps {
    /// Called once, with the installed catalog.
    pub on_loaded: Callback<CatalogRef>,
}

/// Where the load stands: under way (nothing to show), or failed with the reason.
#[derive(Clone, PartialEq)]
enum Load {
    Pending,
    Failed(AttrValue),
}

/// The catalog installed as the app's, from the page's data file (or the one installed before).
async fn load() -> Result<&'static Catalog, String> {
    if let Ok(catalog) = data::catalog() {
        return Ok(catalog);
    }
    let href = crate::browser::catalog_href().ok_or("this page names no catalog file")?;
    let bytes = crate::browser::fetch_bytes(&href).await?;
    // Timed on the page's timeline (`catalog-read`: decode, index, validate) for `make bench`.
    crate::browser::mark("catalog-read-start");
    let catalog = Catalog::from_bundle(&bytes).map_err(|e| format!("{href}: {e}"))?;
    crate::browser::measure_since("catalog-read", "catalog-read-start");
    data::install(catalog).map_err(|e| e.to_string())
}

/// Fetches the catalog on mount and on every retry; renders nothing while it loads or once it
/// has, and the reason with a Retry button when it failed.
#[component]
pub fn CatalogLoader(props: &CatalogLoaderProps) -> Html {
    let load_state = use_state_eq(|| Load::Pending);
    let attempt = use_state_eq(|| 0_u32);
    {
        let load_state = load_state.clone();
        let on_loaded = props.on_loaded.clone();
        use_effect_with(*attempt, move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                match load().await {
                    Ok(catalog) => on_loaded.emit(CatalogRef(catalog)),
                    Err(message) => load_state.set(Load::Failed(message.into())),
                }
            });
        });
    }
    let on_retry = {
        let load_state = load_state.clone();
        let attempt = attempt.clone();
        Callback::from(move |_: MouseEvent| {
            load_state.set(Load::Pending);
            attempt.set(*attempt + 1);
        })
    };
    match &*load_state {
        Load::Pending => html! {},
        Load::Failed(message) => html! {
            <div class="catalog-status" data-testid="catalog-status">
                <ErrorPanel
                    title="The catalog could not be loaded"
                    message={message.clone()}
                    hint="This page shows what it was built with, but cannot respond until the catalog arrives. Nothing you entered is lost."
                />
                <button type="button" data-testid="catalog-retry" onclick={on_retry}>{ "Retry" }</button>
            </div>
        },
    }
}

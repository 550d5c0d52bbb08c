//! Helpers for native render tests: a page rendered to HTML through the app's layout with the
//! embedded catalog, and counting what it shows.
// Each render test crate includes this module and may use a subset of it.
#![allow(dead_code)]

use cris_atlas::app::{Layout, LayoutProps};
use cris_atlas::data;
use cris_atlas::route::Route;
use cris_atlas::state::CatalogRef;
use yew::{Callback, LocalServerRenderer};

/// The HTML of `route`'s page, in the layout, with the embedded catalog.
pub async fn render(route: Route) -> String {
    let catalog = CatalogRef(data::catalog().expect("catalog"));
    LocalServerRenderer::<Layout>::with_props(LayoutProps {
        catalog,
        route,
        on_navigate: Callback::noop(),
    })
    .hydratable(false)
    .render()
    .await
}

/// How many times `needle` occurs in `haystack`.
pub fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

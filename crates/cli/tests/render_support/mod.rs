//! Helpers for native render tests: a page's body (header, main, footer) rendered to HTML with
//! the embedded catalog, exactly as the site generator renders it, and counting what it shows.
// Each render test crate includes this module and may use a subset of it.
#![allow(dead_code)]

use atlas_core::catalog::data;
use cris_atlas::route::Route;

/// The HTML of `route`'s page body, with the embedded catalog. Unlike a page file, which holds
/// the route as prerendered, the query is applied (as the module applies it after hydration).
pub async fn render(route: Route) -> String {
    atlas_cli::prerender::body_html(data::catalog().expect("catalog"), &route)
}

/// How many times `needle` occurs in `haystack`.
pub fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

//! A benchmark aid, built only with the `bench` cargo feature (`make bench` does): the explorer
//! over the catalog replicated `factor` times with synthetic IDs (`explore/?bench=10`), to time
//! the search at ten times the real size. Release builds have no such route.

use crate::pages::explore::Explore;
use crate::route::Route;
use crate::state::{CatalogRef, Navigate};
use atlas_core::browse::explore::Query;
use atlas_core::catalog::bench::{replicate, MAX_FACTOR};
use atlas_core::catalog::load::CatalogError;
use atlas_core::catalog::Catalog;
use std::sync::OnceLock;
use yew::prelude::*;

/// One replica per factor, built on first use and kept for the page's life: the explorer's rows
/// borrow from the catalog they show.
static REPLICAS: [OnceLock<Result<Catalog, CatalogError>>; MAX_FACTOR as usize + 1] =
    [const { OnceLock::new() }; MAX_FACTOR as usize + 1];

/// Properties of [`ExploreBench`].
#[derive(Properties, PartialEq)]
pub struct ExploreBenchProps {
    /// The real catalog.
    pub catalog: CatalogRef,
    /// How many times to replicate it.
    pub factor: u8,
    /// The query from the URL.
    pub query: Query,
    /// Asks for a new URL when the query changes.
    pub on_navigate: Callback<Navigate>,
}

/// The explorer over a replicated catalog.
#[component]
pub fn ExploreBench(props: &ExploreBenchProps) -> Html {
    let factor = props.factor.min(MAX_FACTOR);
    let replica = REPLICAS[usize::from(factor)].get_or_init(|| replicate(props.catalog.0, factor));
    let (catalog, note) = match replica {
        Ok(copy) => (
            CatalogRef(copy),
            format!("Benchmark aid: searching the catalog replicated {factor} times ({} models, synthetic IDs). Not real data.", copy.models.len()),
        ),
        Err(e) => (
            props.catalog,
            format!("Benchmark aid: the catalog could not be replicated ({e}); searching the real one."),
        ),
    };
    let route_of = Callback::from(move |query| Route::ExploreBench { factor, query });
    html! {
        <Explore {catalog} query={props.query.clone()} on_navigate={props.on_navigate.clone()}
                 {route_of} note={AttrValue::from(note)} />
    }
}

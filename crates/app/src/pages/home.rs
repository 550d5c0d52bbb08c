//! The home page: what the app answers, where to start, and how fresh the catalog is.

use crate::route::Route;
use crate::state::CatalogRef;
use atlas_core::browse::explore::Query;
use yew::prelude::*;

/// Properties of [`Home`].
#[derive(Properties, PartialEq)]
pub struct HomeProps {
    /// The catalog.
    pub catalog: CatalogRef,
}

/// The home page.
#[component]
pub fn Home(props: &HomeProps) -> Html {
    let catalog = props.catalog;
    let geographic = catalog
        .profiles
        .iter()
        .filter(|p| !p.scope.is_global())
        .count();
    let global = catalog.profiles.len() - geographic;
    html! {
        <>
            <h1>{ "CRIS Atlas" }</h1>
            <p class="lede">
                { "Decide how to call a foundation model on Amazon Bedrock: through a global or geographic cross-Region inference profile, on demand in one Region, or on Provisioned Throughput. Per source Region, see exactly where a prompt may be processed and whether that meets your data-residency obligation." }
            </p>
            <div class="entry-points">
                <a class="entry" href={Route::Explore(Query::default()).href()} data-testid="entry-explore">
                    <strong>{ "Explore profiles and models" }</strong>
                    <span>{ "Search every model, see each profile's destinations per source Region." }</span>
                </a>
                <a class="entry" href={Route::Plan.href()} data-testid="entry-plan">
                    <strong>{ "Plan workloads" }</strong>
                    <span>{ "Describe each workload and get a recommendation you can defend, with every option compared." }</span>
                </a>
                <a class="entry" href={Route::Concepts(None).href()}>
                    <strong>{ "Learn the concepts" }</strong>
                    <span>{ "Source and destination Regions, geographic and global profiles, residency." }</span>
                </a>
            </div>
            <h2>{ "In the catalog" }</h2>
            <dl class="stats" data-testid="catalog-stats">
                <div><dt>{ "Models" }</dt><dd>{ catalog.models.len() }</dd></div>
                <div><dt>{ "Geographic profiles" }</dt><dd>{ geographic }</dd></div>
                <div><dt>{ "Global profiles" }</dt><dd>{ global }</dd></div>
                <div><dt>{ "Regions" }</dt><dd>{ catalog.regions.len() }</dd></div>
                <div><dt>{ "As of" }</dt><dd><time datetime={catalog.meta.as_of.clone()}>{ &catalog.meta.as_of }</time></dd></div>
            </dl>
            <p>
                { "Every fact carries its source and date; see " }
                <a href={Route::Data.href()}>{ "data sources" }</a>
                { " for what is known to be missing and where sources disagree." }
            </p>
        </>
    }
}

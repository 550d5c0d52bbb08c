//! One model in the explorer's list: its name linking to its page, provider, lifecycle, ID and
//! the ways to call it that pass the filters, each profile linking to its page. Its props compare
//! by identity, so typing in the search box never re-renders a row whose content is unchanged.

use crate::route::Route;
use crate::state::CatalogRef;
use atlas_core::browse::explore::{Prepared, Way};
use atlas_core::catalog::describe::count;
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`ModelResult`].
#[derive(Properties)]
pub struct ModelResultProps {
    /// The catalog the results come from.
    pub catalog: CatalogRef,
    /// The filtered results the row belongs to.
    pub results: Rc<Prepared<'static>>,
    /// The row's position in `results.hits`.
    pub index: usize,
}

impl PartialEq for ModelResultProps {
    fn eq(&self, other: &Self) -> bool {
        self.catalog == other.catalog
            && Rc::ptr_eq(&self.results, &other.results)
            && self.index == other.index
    }
}

/// One result row's content (the list item around it belongs to the list).
#[component]
pub fn ModelResult(props: &ModelResultProps) -> Html {
    let Some(hit) = props.results.hits.get(props.index) else {
        return Html::default();
    };
    let model = hit.model;
    let from = props.results.filters.callable_from.as_ref();
    let lifecycle = model.lifecycle.badge().map_or_else(Html::default, |badge| {
        html! {
            <span class="badge badge-legacy">{ badge }</span>
        }
    });
    html! {
        <>
            <div class="result-head">
                <h2 class="result-name">
                    <a href={Route::Model(model.id.clone()).href()} data-testid="model-link">{ &model.name }</a>
                </h2>
                <span class="provider">{ &model.provider }</span>
                { lifecycle }
            </div>
            <code class="model-id">{ model.id.as_str() }</code>
            <ul class="ways" aria-label={format!("Ways to call {}", model.name)}>
                { for hit.ways.iter().map(|way| match way {
                    Way::InRegion => {
                        let detail = match from {
                            Some(source) => format!("in {source}"),
                            None => format!("in {}", count(model.in_region.len(), "Region", "Regions")),
                        };
                        html! {
                            <li class="way way-in-region" data-testid="way" data-way="in-region">
                                <span class="way-kind">{ "In-Region" }</span>{ " " }
                                if let Some(source) = from {
                                    <a href={Route::Region(source.clone()).href()}>{ detail }</a>
                                } else {
                                    { detail }
                                }
                            </li>
                        }
                    }
                    Way::Profile(profile) => {
                        let detail = match from.and_then(|s| profile.destinations_from(s)) {
                            Some(dest) => {
                                let countries: BTreeSet<&str> = dest
                                    .iter()
                                    .map(|d| props.catalog.country_name_of(d))
                                    .collect();
                                format!(
                                    "→ {} in {}",
                                    count(dest.len(), "Region", "Regions"),
                                    countries.into_iter().collect::<Vec<_>>().join(", ")
                                )
                            }
                            None => format!("from {}", count(profile.sources().len(), "source Region", "source Regions")),
                        };
                        let href = Route::Profile { id: profile.id.clone(), from: from.cloned() }.href();
                        html! {
                            <li class={classes!("way", if profile.scope.is_global() { "way-global" } else { "way-geo" })}
                                data-testid="way" data-way={profile.scope.to_string()}>
                                <span class="way-kind">{ profile.scope.label() }</span>{ " " }
                                <a {href} data-testid="profile-link"><code>{ profile.id.as_str() }</code></a>{ " " }
                                <span class="way-detail">{ detail }</span>
                            </li>
                        }
                    }
                }) }
            </ul>
        </>
    }
}

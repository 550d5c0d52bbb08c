//! The explorer: instant search and filters over every model and the ways to call it, each
//! result linking to its model and profile pages, and the filtered list as a CSV download. The
//! query lives in the URL, so a link reopens the same view and Back and Forward work.
//!
//! Typing must update the list within a frame, so the filters other than the text are applied
//! once per change of filter, every row they keep stays mounted, and a keystroke only shows or
//! hides rows (hidden rows carry no `model-row` test ID). Rows compare their props by identity
//! and never re-render while typing.

use crate::components::error_panel::ErrorPanel;
use crate::components::model_result::ModelResult;
use crate::route::Route;
use crate::state::{CatalogRef, Navigate};
use atlas_core::browse::dead_end::dead_end;
use atlas_core::browse::explore::{
    area_to_param, Filter, LifecycleFilter, OptionFilter, Query, RetentionFilter,
};
use atlas_core::browse::results_csv::results_csv;
use atlas_core::catalog::residency::Residency;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Properties of [`Explore`].
#[derive(Properties, PartialEq)]
pub struct ExploreProps {
    /// The catalog searched.
    pub catalog: CatalogRef,
    /// The query from the URL.
    pub query: Query,
    /// Asks for a new URL when the query changes.
    pub on_navigate: Callback<Navigate>,
    /// The route of a query (the benchmark aid keeps its factor in it).
    #[prop_or(Callback::from(Route::Explore))]
    pub route_of: Callback<Query, Route>,
    /// A note above the filters (the benchmark aid says its data is synthetic).
    #[prop_or_default]
    pub note: Option<AttrValue>,
}

/// The most rows shown at once until the user asks for all: more than a person scans, and a
/// bound on what one keystroke changes, so typing stays within a frame on large catalogs. The
/// real catalog is smaller, so it always lists in full.
const PAGE: usize = 200;

/// Choices of a select: (value, label) pairs, in optional named groups.
type Choices = Vec<(Option<&'static str>, Vec<(String, String)>)>;

/// A select bound to one query field.
fn filter_select(props: &ExploreProps, filter: Filter, groups: Choices) -> Html {
    let id = filter.key();
    let label = filter.label();
    let current = props.query.get(filter);
    let onchange = {
        let query = props.query.clone();
        let on_navigate = props.on_navigate.clone();
        let route_of = props.route_of.clone();
        Callback::from(move |e: Event| {
            let mut query = query.clone();
            query.set(
                filter,
                &e.target_unchecked_into::<HtmlSelectElement>().value(),
            );
            on_navigate.emit(Navigate {
                route: route_of.emit(query),
                replace: false,
            });
        })
    };
    let option = |(value, text): &(String, String)| {
        html! { <option value={value.clone()} selected={*value == current}>{ text }</option> }
    };
    html! {
        <div class="field">
            <label for={id}>{ label }</label>
            <select {id} {onchange} data-testid={id}>
                <option value="" selected={current.is_empty()}>{ "Any" }</option>
                { for groups.iter().map(|(name, items)| match name {
                    Some(name) => html! { <optgroup label={*name}>{ for items.iter().map(option) }</optgroup> },
                    None => items.iter().map(option).collect::<Html>(),
                }) }
            </select>
        </div>
    }
}

/// The explorer page.
#[component]
pub fn Explore(props: &ExploreProps) -> Html {
    let catalog = props.catalog;
    let searched = catalog;
    // Every filter but the text runs when a filter changes; typing only scans folded strings,
    // and every row stays mounted, shown or hidden, so a keystroke touches no row's content.
    let filters = Query {
        text: String::new(),
        ..props.query.clone()
    };
    let prepared = use_memo((filters, searched), |(filters, searched)| {
        filters.prepare(searched.0)
    });
    let matching = prepared.matching(&props.query.text);
    let count = matching.iter().filter(|m| **m).count();
    let show_all = use_state_eq(|| false);
    let limit = if *show_all { usize::MAX } else { PAGE };
    let shown: Vec<bool> = matching
        .iter()
        .scan(0usize, |rank, &m| {
            *rank += usize::from(m);
            Some(m && *rank <= limit)
        })
        .collect();
    let dead_end = (count == 0)
        .then(|| dead_end(searched.0, &props.query))
        .flatten();
    let emptied_by = match &dead_end {
        Some(d) => d
            .filter
            .map(|f| f.name())
            .or_else(|| props.query.run(searched.0).emptied_by),
        None => None,
    };
    let download_error = use_state_eq(|| None::<String>);
    let ondownload = {
        let query = props.query.clone();
        let download_error = download_error.clone();
        Callback::from(move |_: MouseEvent| {
            let results = query.run(searched.0);
            let csv = results_csv(searched.0, &query, &results.hits);
            download_error.set(
                crate::browser::download_text("cris-atlas-models.csv", "text/csv", &csv).err(),
            );
        })
    };
    let oninput = {
        let query = props.query.clone();
        let on_navigate = props.on_navigate.clone();
        let route_of = props.route_of.clone();
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            on_navigate.emit(Navigate {
                route: route_of.emit(Query {
                    text,
                    ..query.clone()
                }),
                replace: true,
            });
        })
    };
    let pairs = |items: Vec<(String, String)>| vec![(None, items)];
    let providers = catalog
        .providers()
        .into_iter()
        .map(|p| (p.to_owned(), p.to_owned()))
        .collect();
    let option_types = std::iter::once(OptionFilter::InRegion)
        .chain(
            catalog
                .scopes()
                .into_iter()
                .map(|s| OptionFilter::Scope(s.clone())),
        )
        .map(|o| (o.param(), o.label()))
        .collect();
    let regions: Vec<(String, String)> = catalog
        .regions
        .iter()
        .map(|r| (r.code.to_string(), format!("{} · {}", r.code, r.name)))
        .collect();
    let hosting: std::collections::BTreeSet<_> =
        catalog.regions.iter().map(|r| &r.country).collect();
    let within = vec![
        (
            Some("Geographies"),
            catalog
                .geographies
                .iter()
                .map(|g| {
                    (
                        area_to_param(&Residency::Geography { name: g.id.clone() }),
                        g.name.clone(),
                    )
                })
                .collect(),
        ),
        (
            Some("Countries"),
            catalog
                .countries
                .iter()
                .filter(|c| hosting.contains(&c.code))
                .map(|c| {
                    (
                        area_to_param(&Residency::Country {
                            code: c.code.clone(),
                        }),
                        c.name.clone(),
                    )
                })
                .collect(),
        ),
        (
            Some("Regions"),
            catalog
                .regions
                .iter()
                .map(|r| {
                    let area = Residency::Regions {
                        codes: vec![r.code.clone()],
                    };
                    (area_to_param(&area), format!("{} · {}", r.code, r.name))
                })
                .collect(),
        ),
    ];
    let modalities: std::collections::BTreeSet<&str> = catalog
        .models
        .iter()
        .flat_map(|m| m.input_modalities.iter().chain(&m.output_modalities))
        .map(String::as_str)
        .collect();
    let clear = props.route_of.emit(Query::default()).href();
    // On a phone the filters fold behind a button that counts the active ones.
    let filters_open = use_state_eq(|| false);
    let active = Filter::ALL
        .iter()
        .filter(|f| !props.query.get(**f).is_empty())
        .count();
    let toggle_filters = {
        let filters_open = filters_open.clone();
        Callback::from(move |_: MouseEvent| filters_open.set(!*filters_open))
    };
    html! {
        <>
            <h1>{ "Explore models and profiles" }</h1>
            if let Some(note) = &props.note {
                <p class="bench-note" data-testid="bench-note">{ note }</p>
            }
            <form class="filters" role="search" aria-label="Filter models" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <div class="field field-wide">
                    <label for="q">{ "Search name, provider or any ID" }</label>
                    <input id="q" type="search" value={props.query.text.clone()} {oninput}
                           autocomplete="off" spellcheck="false" data-testid="search"
                           placeholder="e.g. sonnet 4.5, eu.anthropic, cohere" />
                </div>
                <button type="button" class="filters-toggle" aria-expanded={filters_open.to_string()}
                        aria-controls="filter-group" onclick={toggle_filters} data-testid="filters-toggle">
                    { format!("Filters ({active} active)") }
                </button>
                <div id="filter-group" class={classes!("filter-group", filters_open.then_some("open"))}>
                { filter_select(props, Filter::Provider, pairs(providers)) }
                { filter_select(props, Filter::Option, pairs(option_types)) }
                { filter_select(props, Filter::From, pairs(regions)) }
                { filter_select(props, Filter::Within, within) }
                { filter_select(props, Filter::Lifecycle, pairs(
                    LifecycleFilter::ALL.iter().map(|l| (l.param().to_owned(), l.label().to_owned())).collect()
                )) }
                { filter_select(props, Filter::Modality, pairs(
                    modalities.iter().map(|m| (m.to_string(), m.to_lowercase())).collect()
                )) }
                { filter_select(props, Filter::Retention, pairs(
                    RetentionFilter::ALL.iter().map(|r| (r.param().to_owned(), r.label().to_owned())).collect()
                )) }
                </div>
            </form>
            <p class="result-count" role="status" aria-live="polite" data-testid="result-count">
                { match (count, emptied_by) {
                    (0, Some(filter)) => format!("No models match: the {filter} filter removed the last results."),
                    (1, _) => "1 model".to_owned(),
                    (n, _) => format!("{n} models"),
                } }
                if count > limit {
                    { format!(", showing the first {limit}") }
                }
                if !props.query.is_empty() {
                    { " " }<a href={clear}>{ "Clear filters" }</a>
                }
            </p>
            if let Some(d) = &dead_end {
                <div class="dead-end" data-testid="dead-end">
                    <p>{ &d.explanation }</p>
                    <ul>
                        if let Some((label, query)) = &d.suggestion {
                            <li><a href={props.route_of.emit(query.clone()).href()} data-testid="dead-end-suggestion">{ format!("Try: {label}") }</a></li>
                        }
                        if let Some(region) = &d.region {
                            <li><a href={Route::Region(region.clone()).href()} data-testid="dead-end-region">{ format!("What can be called from {region}") }</a></li>
                        }
                    </ul>
                </div>
            }
            <div class="result-actions">
                <button type="button" onclick={ondownload} data-testid="download-csv" disabled={count == 0}>
                    { "Download CSV" }
                </button>
                <span class="hint">{ "The filtered list, one row per model and way to call it." }</span>
            </div>
            if let Some(error) = &*download_error {
                <ErrorPanel title="The CSV could not be downloaded" message={AttrValue::from(error.clone())}
                            hint="Nothing was lost; try again, or copy the rows from the page." />
            }
            <ul class="results" data-testid="results">
                { for prepared.hits.iter().zip(&shown).enumerate().map(|(index, (hit, &show))| html! {
                    <li class="result" key={hit.model.id.as_str()} hidden={!show}
                        data-testid={show.then_some("model-row")} data-model-id={hit.model.id.to_string()}>
                        <ModelResult catalog={searched} results={prepared.clone()} {index} />
                    </li>
                }) }
            </ul>
            if count > limit {
                <p>
                    <button type="button" data-testid="show-all" onclick={
                        let show_all = show_all.clone();
                        Callback::from(move |_: MouseEvent| show_all.set(true))
                    }>{ format!("Show all {count} models") }</button>
                </p>
            }
        </>
    }
}

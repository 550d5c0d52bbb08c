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
use crate::domain::bench::replicate;
use crate::domain::detail::results_csv;
use crate::domain::explore::{
    area_from_param, area_to_param, LifecycleFilter, OptionFilter, Query,
};
use crate::domain::ids::{RegionCode, Scope};
use crate::route::Route;
use crate::state::{CatalogRef, Navigate};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Properties of [`Explore`].
#[derive(Properties, PartialEq)]
pub struct ExploreProps {
    /// The catalog.
    pub catalog: CatalogRef,
    /// The query from the URL.
    pub query: Query,
    /// Asks for a new URL when the query changes.
    pub on_navigate: Callback<Navigate>,
    /// A benchmark aid: search a catalog replicated this many times (`#/explore?bench=10`).
    #[prop_or_default]
    pub bench: Option<u8>,
}

/// The explorer's route for `query`, keeping the benchmark aid's factor when one is set.
fn explore_route(bench: Option<u8>, query: Query) -> Route {
    match bench {
        Some(factor) => Route::ExploreBench { factor, query },
        None => Route::Explore(query),
    }
}

/// The most rows shown at once until the user asks for all: more than a person scans, and a
/// bound on what one keystroke changes, so typing stays within a frame on large catalogs. The
/// real catalog is smaller, so it always lists in full.
const PAGE: usize = 200;

/// Which query field a select edits.
#[derive(Clone, Copy, PartialEq)]
enum Field {
    Provider,
    Option,
    From,
    Within,
    Lifecycle,
    Modality,
}

fn with_field(mut query: Query, field: Field, value: String) -> Query {
    let value = (!value.is_empty()).then_some(value);
    match field {
        Field::Provider => query.provider = value,
        Field::Option => {
            query.option = value.map(|v| match v.as_str() {
                "in-region" => OptionFilter::InRegion,
                _ => OptionFilter::Scope(Scope::new(v)),
            })
        }
        Field::From => query.callable_from = value.map(RegionCode::new),
        Field::Within => query.within = value.as_deref().and_then(area_from_param),
        Field::Lifecycle => {
            query.lifecycle = value.and_then(|v| match v.as_str() {
                "active" => Some(LifecycleFilter::Active),
                "legacy" => Some(LifecycleFilter::Legacy),
                _ => None,
            })
        }
        Field::Modality => query.modality = value,
    }
    query
}

fn field_value(query: &Query, field: Field) -> String {
    match field {
        Field::Provider => query.provider.clone().unwrap_or_default(),
        Field::Option => match &query.option {
            None => String::new(),
            Some(OptionFilter::InRegion) => "in-region".into(),
            Some(OptionFilter::Scope(s)) => s.to_string(),
        },
        Field::From => query
            .callable_from
            .as_ref()
            .map(|r| r.to_string())
            .unwrap_or_default(),
        Field::Within => query.within.as_ref().map(area_to_param).unwrap_or_default(),
        Field::Lifecycle => match query.lifecycle {
            None => String::new(),
            Some(LifecycleFilter::Active) => "active".into(),
            Some(LifecycleFilter::Legacy) => "legacy".into(),
        },
        Field::Modality => query.modality.clone().unwrap_or_default(),
    }
}

/// Choices of a select: (value, label) pairs, in optional named groups.
type Choices = Vec<(Option<&'static str>, Vec<(String, String)>)>;

/// A select bound to one query field.
fn filter_select(
    props: &ExploreProps,
    field: Field,
    id: &'static str,
    label: &'static str,
    groups: Choices,
) -> Html {
    let current = field_value(&props.query, field);
    let onchange = {
        let query = props.query.clone();
        let on_navigate = props.on_navigate.clone();
        let bench = props.bench;
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            on_navigate.emit(Navigate {
                route: explore_route(bench, with_field(query.clone(), field, value)),
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
    // The benchmark aid's catalog is built once per factor and kept for the page's life (it is
    // leaked on purpose: the rows borrow from it as they borrow from the embedded catalog).
    let replicated = use_memo(props.bench, |bench| {
        bench.map(|factor| replicate(catalog.0, factor).map(|c| &*Box::leak(Box::new(c))))
    });
    let searched = match &*replicated {
        Some(Ok(copy)) => CatalogRef(copy),
        _ => catalog,
    };
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
    let emptied_by = if count == 0 {
        props.query.run(searched.0).emptied_by
    } else {
        None
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
        let bench = props.bench;
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            on_navigate.emit(Navigate {
                route: explore_route(
                    bench,
                    Query {
                        text,
                        ..query.clone()
                    },
                ),
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
    let mut option_types = vec![(
        "in-region".to_owned(),
        "In-Region (bare model ID)".to_owned(),
    )];
    option_types.extend(
        catalog
            .scopes()
            .into_iter()
            .map(|s| (s.to_string(), format!("{} profile ({}.)", s.label(), s))),
    );
    let regions: Vec<(String, String)> = catalog
        .regions
        .iter()
        .map(|r| (r.code.to_string(), format!("{} · {}", r.code, r.name)))
        .collect();
    let hosting: std::collections::BTreeSet<&str> =
        catalog.regions.iter().map(|r| r.country.as_str()).collect();
    let within = vec![
        (
            Some("Geographies"),
            catalog
                .geographies
                .iter()
                .map(|g| (format!("geo:{}", g.id), g.name.clone()))
                .collect(),
        ),
        (
            Some("Countries"),
            catalog
                .countries
                .iter()
                .filter(|c| hosting.contains(c.code.as_str()))
                .map(|c| (format!("country:{}", c.code), c.name.clone()))
                .collect(),
        ),
        (
            Some("Regions"),
            regions
                .iter()
                .map(|(code, label)| (format!("region:{code}"), label.clone()))
                .collect(),
        ),
    ];
    let modalities: std::collections::BTreeSet<&str> = catalog
        .models
        .iter()
        .flat_map(|m| m.input_modalities.iter().chain(&m.output_modalities))
        .map(String::as_str)
        .collect();
    let clear = explore_route(props.bench, Query::default()).to_hash();
    html! {
        <>
            <h1>{ "Explore models and profiles" }</h1>
            if let Some(factor) = props.bench {
                <p class="bench-note" data-testid="bench-note">
                    { match &*replicated {
                        Some(Err(e)) => format!("Benchmark aid: the catalog could not be replicated ({e}); searching the real one."),
                        _ => format!("Benchmark aid: searching the catalog replicated {factor} times ({} models, synthetic IDs). Not real data.", searched.models.len()),
                    } }
                </p>
            }
            <form class="filters" role="search" aria-label="Filter models" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <div class="field field-wide">
                    <label for="q">{ "Search name, provider or any ID" }</label>
                    <input id="q" type="search" value={props.query.text.clone()} {oninput}
                           autocomplete="off" spellcheck="false" data-testid="search"
                           placeholder="e.g. sonnet 4.5, eu.anthropic, cohere" />
                </div>
                { filter_select(props, Field::Provider, "provider", "Provider", pairs(providers)) }
                { filter_select(props, Field::Option, "option", "Option type", pairs(option_types)) }
                { filter_select(props, Field::From, "from", "Callable from Region", pairs(regions)) }
                { filter_select(props, Field::Within, "within", "Processes only within", within) }
                { filter_select(props, Field::Lifecycle, "lifecycle", "Lifecycle", pairs(vec![
                    ("active".into(), "Active".into()),
                    ("legacy".into(), "Legacy".into()),
                ])) }
                { filter_select(props, Field::Modality, "modality", "Modality", pairs(
                    modalities.iter().map(|m| (m.to_string(), m.to_lowercase())).collect()
                )) }
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

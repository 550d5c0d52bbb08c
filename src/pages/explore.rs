//! The explorer: instant search and filters over every model and the ways to call it. The query
//! lives in the URL, so a link reopens the same view and Back and Forward work.

use crate::domain::explore::{
    area_from_param, area_to_param, Hit, LifecycleFilter, OptionFilter, Query, Way,
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
}

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
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            on_navigate.emit(Navigate {
                route: Route::Explore(with_field(query.clone(), field, value)),
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
    let results = props.query.run(&catalog);
    let oninput = {
        let query = props.query.clone();
        let on_navigate = props.on_navigate.clone();
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            on_navigate.emit(Navigate {
                route: Route::Explore(Query {
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
    let count = results.hits.len();
    let clear = Route::Explore(Query::default()).to_hash();
    html! {
        <>
            <h1>{ "Explore models and profiles" }</h1>
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
                { match (count, results.emptied_by) {
                    (0, Some(filter)) => format!("No models match: the {filter} filter removed the last results."),
                    (1, _) => "1 model".to_owned(),
                    (n, _) => format!("{n} models"),
                } }
                if !props.query.is_empty() {
                    { " " }<a href={clear}>{ "Clear filters" }</a>
                }
            </p>
            <ul class="results" data-testid="results">
                { for results.hits.iter().map(|hit| result_row(&catalog, hit, &props.query)) }
            </ul>
        </>
    }
}

fn result_row(catalog: &CatalogRef, hit: &Hit<'_>, query: &Query) -> Html {
    let model = hit.model;
    let lifecycle = match &model.lifecycle {
        crate::domain::catalog::Lifecycle::Active => Html::default(),
        crate::domain::catalog::Lifecycle::Legacy { end_of_life } => html! {
            <span class="badge badge-legacy">
                { match end_of_life { Some(d) => format!("Legacy · EOL {d}"), None => "Legacy".into() } }
            </span>
        },
    };
    html! {
        <li class="result" data-testid="model-row" data-model-id={model.id.to_string()}>
            <div class="result-head">
                <h2 class="result-name">{ &model.name }</h2>
                <span class="provider">{ &model.provider }</span>
                { lifecycle }
            </div>
            <code class="model-id">{ model.id.as_str() }</code>
            <ul class="ways" aria-label={format!("Ways to call {}", model.name)}>
                { for hit.ways.iter().map(|way| way_chip(catalog, model, *way, query)) }
            </ul>
        </li>
    }
}

fn way_chip(
    catalog: &CatalogRef,
    model: &crate::domain::catalog::Model,
    way: Way<'_>,
    query: &Query,
) -> Html {
    match way {
        Way::InRegion => {
            let detail = match &query.callable_from {
                Some(source) => format!("in {source}"),
                None => match model.in_region.len() {
                    1 => "in 1 Region".to_owned(),
                    n => format!("in {n} Regions"),
                },
            };
            html! {
                <li class="way way-in-region" data-testid="way" data-way="in-region">
                    <span class="way-kind">{ "In-Region" }</span>{ " " }{ detail }
                </li>
            }
        }
        Way::Profile(profile) => {
            let detail = match query
                .callable_from
                .as_ref()
                .and_then(|s| profile.destinations_from(s.as_str()))
            {
                Some(dest) => {
                    let countries: std::collections::BTreeSet<&str> = dest
                        .iter()
                        .map(|d| catalog.country_name_of(d.as_str()))
                        .collect();
                    format!(
                        "→ {} Regions in {}",
                        dest.len(),
                        countries.into_iter().collect::<Vec<_>>().join(", ")
                    )
                }
                None => format!("from {} source Regions", profile.sources().len()),
            };
            html! {
                <li class={classes!("way", if profile.scope.is_global() { "way-global" } else { "way-geo" })}
                    data-testid="way" data-way={profile.scope.to_string()}>
                    <span class="way-kind">{ profile.scope.label() }</span>{ " " }
                    <code>{ profile.id.as_str() }</code>{ " " }
                    <span class="way-detail">{ detail }</span>
                </li>
            }
        }
    }
}

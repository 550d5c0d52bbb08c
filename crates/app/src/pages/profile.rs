//! The profile page (`#/profile/<id>?from=<region>`): the ID to copy, the routing per source
//! Region with names, countries and opt-in status, the traps it sets, the IAM resources a caller
//! must allow, and the map of routes from the chosen source Region.

use crate::components::copy_button::CopyButton;
use crate::components::error_panel::ErrorPanel;
use crate::components::route_map::RouteMap;
use crate::route::Route;
use crate::state::{CatalogRef, Navigate};
use atlas_core::browse::profile_page::{
    default_source, profile_detail, routing_markdown, Destination, ProfileDetail, Selected,
    SourceRouting, Trap,
};
use atlas_core::catalog::cite::Cite;
use atlas_core::catalog::ids::{ProfileId, RegionCode};
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Properties of [`ProfilePage`].
#[derive(Properties, PartialEq)]
pub struct ProfilePageProps {
    /// The catalog.
    pub catalog: CatalogRef,
    /// The profile, from the URL.
    pub id: ProfileId,
    /// The source Region shown in detail, from the URL.
    #[prop_or_default]
    pub from: Option<RegionCode>,
    /// Asks for a new URL when another source Region is chosen.
    pub on_navigate: Callback<Navigate>,
}

/// The profile page.
#[component]
pub fn ProfilePage(props: &ProfilePageProps) -> Html {
    let catalog = props.catalog;
    let Some(profile) = catalog.0.profile(&props.id) else {
        return html! {
            <>
                <h1>{ "Profile not found" }</h1>
                <ErrorPanel title="No such inference profile in the catalog"
                    message={AttrValue::from(format!("The catalog has no profile with the ID {}.", props.id))}
                    hint="Search for the model in the explorer to see the profiles it has." />
                <p><a href="explore/">{ "Explore every model" }</a></p>
            </>
        };
    };
    // Without a source in the URL, the page shows the profile's default source (the one it
    // is prerendered with).
    let from = props.from.as_ref().or_else(|| default_source(profile));
    let detail = profile_detail(catalog.0, profile, from);
    let model_name = detail
        .model
        .map_or(profile.model.as_str(), |m| m.name.as_str());
    let kind = profile.scope.option_label();
    let onchange = {
        let id = props.id.clone();
        let on_navigate = props.on_navigate.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            on_navigate.emit(Navigate {
                route: Route::Profile {
                    id: id.clone(),
                    from: (!value.is_empty()).then(|| RegionCode::new(value)),
                },
                replace: false,
            });
        })
    };
    let chosen = match &detail.selected {
        Selected::Source(routing) => Some(routing.source.code.clone()),
        _ => None,
    };
    let (map_source, map_destinations, map_title): (Option<RegionCode>, Rc<[RegionCode]>, String) =
        match &detail.selected {
            Selected::Source(routing) => (
                Some(routing.source.code.clone()),
                routing
                    .destinations
                    .iter()
                    .map(|d| d.region.code.clone())
                    .collect(),
                format!("Routes of {} from {}", profile.id, routing.source.code),
            ),
            _ => (
                None,
                profile.all_destinations().into_iter().cloned().collect(),
                format!(
                    "Every destination of {}, from any source Region",
                    profile.id
                ),
            ),
        };
    let markdown = routing_markdown(catalog.0, profile);
    let scope_cite = if profile.scope.is_global() {
        Cite::GlobalCris
    } else {
        Cite::GeographicCris
    };
    html! {
        <>
            <nav aria-label="Breadcrumb" class="breadcrumb">
                <a href="explore/">{ "Explore" }</a>{ " › " }
                <a href={Route::Model(profile.model.clone()).href()}>{ model_name }</a>{ " › " }
                <span aria-current="page">{ kind.clone() }</span>
            </nav>
            <h1>{ format!("{model_name}: {kind}") }</h1>
            <p class="id-line">
                <code data-testid="profile-id">{ profile.id.as_str() }</code>{ " " }
                <CopyButton text={AttrValue::from(profile.id.to_string())} label="Copy ID" testid="copy-id" />
            </p>
            <dl class="facts">
                <div><dt>{ "Model" }</dt><dd><a href={Route::Model(profile.model.clone()).href()}>{ model_name }</a></dd></div>
                <div><dt>{ "Source Regions" }</dt><dd>{ detail.sources.len() }</dd></div>
                <div><dt>{ "May process in" }</dt><dd data-testid="profile-countries">{ detail.countries.join(", ") }</dd></div>
                <div>
                    <dt>{ "Data" }</dt>
                    <dd>
                        { match catalog.source(&profile.source) {
                            Some(s) => html! { <><a href={s.url.clone()} rel="noopener">{ &s.title }</a>{ format!(", as of {}", profile.as_of) }</> },
                            None => html! { { format!("{}, as of {}", profile.source, profile.as_of) } },
                        } }
                    </dd>
                </div>
            </dl>
            { warnings(&detail.traps, "profile-warnings", "About this profile") }

            <section class="source-panel" aria-labelledby="source-heading">
                <h2 id="source-heading">{ "Call it from a source Region" }</h2>
                <div class="field source-field">
                    <label for="source">{ "Source Region (where your application calls Bedrock)" }</label>
                    <select id="source" data-testid="source-select" {onchange}>
                        { for detail.sources.iter().map(|r| html! {
                            <option value={r.code.to_string()} selected={chosen.as_ref() == Some(&r.code)}>
                                { format!("{} · {}", r.code, r.name) }
                            </option>
                        }) }
                    </select>
                </div>
                if props.from.is_none() {
                    if let Some(code) = from {
                        <p class="hint" data-testid="default-source">
                            { format!("Showing {code}, the source Region most of its routes share; choose another to see its routes.") }
                        </p>
                    }
                }
                { match &detail.selected {
                    Selected::Nothing => html! {
                        <p data-testid="choose-source">{ "Choose a source Region to see where a prompt may go from there, its warnings and the IAM resources to allow, and to draw its routes on the map." }</p>
                    },
                    Selected::NotASource(code) => html! {
                        <ErrorPanel title="Not a source Region of this profile"
                            message={AttrValue::from(format!("{} cannot be called from {code}.", profile.id))}
                            hint={AttrValue::from(format!("Choose one of its {} source Regions above.", detail.sources.len()))} />
                    },
                    Selected::Source(routing) => source_routes(routing),
                } }
                <RouteMap catalog={catalog} source={map_source} destinations={map_destinations}
                          title={AttrValue::from(map_title)} id="profile-map" />
                if let Selected::Source(routing) = &detail.selected {
                    { source_iam(routing, &detail) }
                }
            </section>

            <h2 id="routing">{ "Routing table" }</h2>
            <p>{ "Source Regions that share destinations are grouped. Opt-in Regions are marked." }</p>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="routing">
                <table class="routing" data-testid="routing-table">
                    <thead><tr>
                        <th scope="col">{ "Source Regions" }</th>
                        <th scope="col">{ "Destination Regions" }</th>
                        <th scope="col">{ "Countries" }</th>
                    </tr></thead>
                    <tbody>
                        { for detail.groups.iter().map(|g| html! {
                            <tr>
                                <th scope="row">
                                    <ul class="plain inline-list">
                                        { for g.sources.iter().map(|s| html! {
                                            <li><a href={Route::Profile { id: profile.id.clone(), from: Some(s.code.clone()) }.href()}
                                                   aria-label={format!("{} ({}): show routes", s.code, s.name)}>{ s.code.as_str() }</a></li>
                                        }) }
                                    </ul>
                                </th>
                                <td>
                                    <ul class="plain inline-list">
                                        { for g.destinations.iter().map(destination_code) }
                                    </ul>
                                </td>
                                <td>{ g.countries.join(", ") }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <p class="no-print">
                <CopyButton text={AttrValue::from(markdown)} label="Copy routing table as Markdown" testid="copy-markdown" />
            </p>
            <p class="cites">
                { "Sources: " }
                <a class="cite" href={Cite::ProfilesSupport.href()} rel="noopener">{ Cite::ProfilesSupport.title() }</a>{ "; " }
                <a class="cite" href={scope_cite.href()} rel="noopener">{ scope_cite.title() }</a>{ "; " }
                <a class="cite" href={Cite::ConceptSourceDestination.href()}>{ Cite::ConceptSourceDestination.title() }</a>
            </p>
        </>
    }
}

/// A destination's code, marked when it is an opt-in Region.
fn destination_code(d: &Destination<'_>) -> Html {
    html! {
        <li>
            <a href={Route::Region(d.region.code.clone()).href()}>{ d.region.code.as_str() }</a>
            if d.region.opt_in { { " (opt-in)" } }
        </li>
    }
}

/// A list of traps, each with the document behind it.
fn warnings(traps: &[Trap], testid: &'static str, heading: &'static str) -> Html {
    if traps.is_empty() {
        return Html::default();
    }
    html! {
        <section class="warnings" aria-label={heading} data-testid={testid}>
            <ul>
                { for traps.iter().map(|t| html! {
                    <li class="warning" data-trap={t.kind()}>
                        <strong>{ "Warning: " }</strong>{ t.to_string() }{ " " }
                        <a class="cite" href={t.cite().href()} rel="noopener">{ t.cite().title() }</a>
                    </li>
                }) }
            </ul>
        </section>
    }
}

/// The chosen source Region: its traps, countries and destinations.
fn source_routes(routing: &SourceRouting<'_>) -> Html {
    let source = routing.source;
    html! {
        <div class="source-detail" data-testid="source-detail">
            <h3>{ format!("From {} ({}, {})", source.code, source.name, routing.source_country) }</h3>
            if !routing.traps.is_empty() {
                { warnings(&routing.traps, "source-warnings", "Warnings for this source Region") }
            } else {
                <p class="all-clear" data-testid="source-warnings">
                    { format!("Every destination is in {} and none is an opt-in Region.", routing.source_country) }
                </p>
            }
            <p data-testid="source-countries">
                <strong>{ "A prompt may be processed in: " }</strong>{ routing.countries.join(", ") }
            </p>
            <div class="table-scroll" tabindex="0" role="region" aria-label={format!("Destinations from {}", source.code)}>
                <table data-testid="destinations-table">
                    <caption>{ format!("{} destination Regions from {}", routing.destinations.len(), source.code) }</caption>
                    <thead><tr>
                        <th scope="col">{ "Region" }</th>
                        <th scope="col">{ "Name" }</th>
                        <th scope="col">{ "Country" }</th>
                        <th scope="col">{ "Opt-in Region" }</th>
                    </tr></thead>
                    <tbody>
                        { for routing.destinations.iter().map(|d| html! {
                            <tr data-testid="destination-row">
                                <th scope="row"><a href={Route::Region(d.region.code.clone()).href()}>{ d.region.code.as_str() }</a></th>
                                <td>{ &d.region.name }</td>
                                <td>{ d.country }</td>
                                <td>{ if d.region.opt_in { "Yes: used even if your account has not opted in" } else { "No" } }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </div>
    }
}

/// The chosen source Region's IAM resources and SCP requirement.
fn source_iam(routing: &SourceRouting<'_>, detail: &ProfileDetail<'_>) -> Html {
    let iam_json = serde_json::to_string_pretty(&routing.iam).unwrap_or_default();
    let source = routing.source;
    html! {
        <div class="source-iam" data-testid="source-iam">
            <h3 id="iam">{ "IAM resources to allow" }</h3>
            <p>
                { format!("Allow bedrock:InvokeModel (and bedrock:InvokeModelWithResponseStream for streaming) on these {} resources when calling from {}:", routing.iam.len(), source.code) }
            </p>
            <ul class="iam" data-testid="iam-resources">
                { for routing.iam.iter().map(|arn| html! { <li><code>{ arn }</code></li> }) }
            </ul>
            <p class="no-print">
                <CopyButton text={AttrValue::from(iam_json)} label="Copy as a JSON list" testid="copy-iam" />
            </p>
            <p data-testid="scp-note"><strong>{ "Service control policies: " }</strong>{ &routing.scp }</p>
            if detail.profile.scope.is_global() {
                <p class="hint">{ "The Region-less foundation-model ARN is how global routing is authorised; requests reach other Regions with aws:RequestedRegion set to \"unspecified\"." }</p>
            }
        </div>
    }
}

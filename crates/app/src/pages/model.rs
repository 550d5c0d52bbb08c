//! The model page (`#/model/<id>`): every way to call one model as a matrix, source Regions down
//! and ways across, with its provider, lifecycle, modalities, data retention facts and where its
//! data comes from.

use crate::components::copy_button::CopyButton;
use crate::components::error_panel::ErrorPanel;
use crate::route::Route;
use crate::state::CatalogRef;
use atlas_core::browse::explore::Way;
use atlas_core::browse::model_page::{
    model_matrix, retention_basis, retention_rows, Cell, ModelMatrix,
};
use atlas_core::catalog::cite::Cite;
use atlas_core::catalog::ids::{ModelId, RegionCode};
use atlas_core::catalog::schema::{Endpoint, InRegion, Model};
use yew::prelude::*;

/// Destination lists longer than this are folded in a cell, so the table stays readable.
const INLINE_DESTINATIONS: usize = 6;

/// Properties of [`ModelPage`].
#[derive(Properties, PartialEq)]
pub struct ModelPageProps {
    /// The catalog.
    pub catalog: CatalogRef,
    /// The model, from the URL.
    pub id: ModelId,
}

/// The model page.
#[component]
pub fn ModelPage(props: &ModelPageProps) -> Html {
    let catalog = props.catalog;
    let Some(model) = catalog.0.model(&props.id) else {
        return html! {
            <>
                <h1>{ "Model not found" }</h1>
                <ErrorPanel title="No such model in the catalog"
                    message={AttrValue::from(format!("The catalog has no model with the ID {}.", props.id))}
                    hint="Search for it in the explorer: IDs change between model versions." />
                <p><a href="explore/">{ "Explore every model" }</a></p>
            </>
        };
    };
    let matrix = model_matrix(catalog.0, model);
    let source = catalog.source(&model.source);
    html! {
        <>
            <nav aria-label="Breadcrumb" class="breadcrumb">
                <a href="explore/">{ "Explore" }</a>{ " › " }<span aria-current="page">{ &model.name }</span>
            </nav>
            <h1>{ &model.name }</h1>
            <p class="id-line">
                <code data-testid="model-id">{ model.id.as_str() }</code>{ " " }
                <CopyButton text={AttrValue::from(model.id.to_string())} label="Copy model ID" />
            </p>
            <dl class="facts" data-testid="model-facts">
                <div><dt>{ "Provider" }</dt><dd>{ &model.provider }</dd></div>
                <div><dt>{ "Lifecycle" }</dt><dd data-testid="lifecycle">{ model.lifecycle.describe() }</dd></div>
                <div><dt>{ "Input" }</dt><dd>{ modalities(&model.input_modalities) }</dd></div>
                <div><dt>{ "Output" }</dt><dd>{ modalities(&model.output_modalities) }</dd></div>
                <div><dt>{ "Streaming" }</dt><dd>{ if model.streaming { "Yes" } else { "No" } }</dd></div>
                <div><dt>{ "Provisioned Throughput listed by AWS" }</dt><dd>{ units(model) }</dd></div>
                <div>
                    <dt>{ "Data" }</dt>
                    <dd data-testid="model-source">
                        { match source {
                            Some(s) => html! { <><a href={s.url.clone()} rel="noopener">{ &s.title }</a>{ format!(", as of {}", model.as_of) }</> },
                            None => html! { { format!("{}, as of {}", model.source, model.as_of) } },
                        } }
                    </dd>
                </div>
            </dl>
            <h2 id="retention">{ "Data retention" }</h2>
            { match catalog.retention_of(&model.id) {
                Some(facts) => html! {
                    <>
                        <dl class="facts" data-testid="retention-facts">
                            { for retention_rows(facts).into_iter().map(|(label, value)| html! {
                                <div><dt>{ label }</dt><dd>{ value }</dd></div>
                            }) }
                        </dl>
                        <p data-testid="retention-basis">
                            { retention_basis(facts) }{ " " }
                            <a class="cite" href={Cite::DataRetention.href()} rel="noopener">{ format!("[{}]", Cite::DataRetention.title()) }</a>{ " " }
                            <a class="cite" href={Cite::AbuseDetection.href()} rel="noopener">{ format!("[{}]", Cite::AbuseDetection.title()) }</a>
                        </p>
                    </>
                },
                None => html! { <p data-testid="retention-basis">{ "This catalog has no data retention facts." }</p> },
            } }
            <h2 id="ways">{ "Every way to call it" }</h2>
            <p>
                { "Each row is a source Region: where your application sends the request. Each column is a way to call the model; a cell lists the Regions where the prompt may be processed, or says the way is not offered from that Region." }
            </p>
            { matrix_table(&matrix) }
            <p class="cites">
                { "Sources: " }
                <a class="cite" href={Cite::ProfilesSupport.href()} rel="noopener">{ Cite::ProfilesSupport.title() }</a>{ "; " }
                <a class="cite" href={Cite::RegionalAvailability.href()} rel="noopener">{ Cite::RegionalAvailability.title() }</a>
            </p>
        </>
    }
}

fn modalities(list: &[String]) -> String {
    let words: Vec<String> = list.iter().map(|m| m.to_lowercase()).collect();
    if words.is_empty() {
        "none listed".into()
    } else {
        words.join(", ")
    }
}

fn region_list(regions: &[RegionCode]) -> Html {
    if regions.is_empty() {
        return html! { { "none in the catalog" } };
    }
    html! {
        <>
            { for regions.iter().enumerate().map(|(i, r)| html! {
                <>
                    if i > 0 { { ", " } }
                    <a href={Route::Region(r.clone()).href()}>{ r.as_str() }</a>
                </>
            }) }
        </>
    }
}

fn matrix_table(matrix: &ModelMatrix<'_>) -> Html {
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="ways">
            <table class="matrix" data-testid="model-matrix">
                <thead>
                    <tr>
                        <th scope="col">{ "Source Region" }</th>
                        { for matrix.columns.iter().map(|c| html! {
                            <th scope="col">
                                { c.label() }
                                if let Way::Profile(p) = c {
                                    <br />
                                    <a class="column-id" href={Route::Profile { id: p.id.clone(), from: None }.href()}>
                                        <code>{ format!("{}.", p.scope) }</code>
                                    </a>
                                }
                            </th>
                        }) }
                    </tr>
                </thead>
                <tbody>
                    { for matrix.rows.iter().map(|row| html! {
                        <tr data-testid="matrix-row" data-source={row.source.code.to_string()}>
                            <th scope="row">
                                <a href={Route::Region(row.source.code.clone()).href()}>{ row.source.code.as_str() }</a>
                                <span class="region-name">{ &row.source.name }</span>
                            </th>
                            { for row.cells.iter().zip(&matrix.columns).map(|(cell, column)| matrix_cell(cell, column, &row.source.code)) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

fn matrix_cell(cell: &Cell<'_>, column: &Way<'_>, source: &RegionCode) -> Html {
    let destinations = match cell {
        Cell::NotOffered => return html! { <td class="not-offered">{ "not offered" }</td> },
        Cell::InRegion(offer) => return in_region_cell(offer),
        Cell::Offered(destinations) => destinations,
    };
    let count = match destinations.len() {
        1 => "1 Region".to_owned(),
        n => format!("{n} Regions"),
    };
    let codes: Vec<&str> = destinations.iter().map(RegionCode::as_str).collect();
    let head = match column {
        Way::InRegion => html! { <span class="cell-count">{ "in this Region" }</span> },
        Way::Profile(p) => html! {
            <a class="cell-count" href={Route::Profile { id: p.id.clone(), from: Some(source.clone()) }.href()}
               aria-label={format!("{count}: {} called from {source}", p.id)}>
                { count.clone() }
            </a>
        },
    };
    html! {
        <td class="offered">
            { head }
            if codes.len() <= INLINE_DESTINATIONS {
                <span class="codes">{ code_list(&codes) }</span>
            } else {
                <details class="codes">
                    <summary>{ "List" }</summary>
                    { code_list(&codes) }
                </details>
            }
        </td>
    }
}

/// Region codes, each kept on one line.
fn code_list(codes: &[&str]) -> Html {
    html! {
        <>
            { for codes.iter().enumerate().map(|(i, c)| html! {
                <>
                    if i > 0 { { ", " } }
                    <span class="code">{ *c }</span>
                </>
            }) }
        </>
    }
}

/// The bare ID on demand in the row's Region: which endpoint, which APIs, the price.
fn in_region_cell(offer: &InRegion) -> Html {
    html! {
        <td class="offered" data-endpoint={offer.endpoint.name()}>
            <span class="cell-count">{ "in this Region" }</span>
            <span class="endpoint">{ offer.endpoint.name() }</span>
            if !offer.mantle_apis.is_empty() && offer.endpoint == Endpoint::Mantle {
                <span class="hint">{ format!("APIs: {}", offer.mantle_apis.join(", ")) }</span>
            }
        </td>
    }
}

/// The model units AWS lists for Provisioned Throughput, with their Regions.
fn units(model: &Model) -> Html {
    if model.provisioned.is_empty() {
        return Html::from("not listed by AWS");
    }
    html! {
        <ul class="plain">
            { for model.provisioned.iter().map(|u| html! {
                <li><code>{ &u.unit }</code>{ " in " }{ region_list(&u.regions) }</li>
            }) }
        </ul>
    }
}

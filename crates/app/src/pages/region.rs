//! The Region page (`#/region/<code>`): from this Region, what can be called in-Region, through
//! which geographic profiles and globally, and which models cannot be called from here at all.

use crate::components::error_panel::ErrorPanel;
use crate::route::Route;
use crate::state::CatalogRef;
use atlas_core::browse::region_page::{region_summary, Reach};
use atlas_core::catalog::cite::Cite;
use atlas_core::catalog::ids::RegionCode;
use atlas_core::catalog::schema::{Model, Partition};
use yew::prelude::*;

/// Properties of [`RegionPage`].
#[derive(Properties, PartialEq)]
pub struct RegionPageProps {
    /// The catalog.
    pub catalog: CatalogRef,
    /// The Region, from the URL.
    pub code: RegionCode,
}

/// The Region page.
#[component]
pub fn RegionPage(props: &RegionPageProps) -> Html {
    let catalog = props.catalog;
    let Some(region) = catalog.0.region(&props.code) else {
        return html! {
            <>
                <h1>{ "Region not found" }</h1>
                <ErrorPanel title="No such Region in the catalog"
                    message={AttrValue::from(format!("The catalog has no Region with the code {}.", props.code))}
                    hint="Region codes look like eu-central-1; the explorer's Callable from filter lists them all." />
                <p><a href="explore/">{ "Explore every model" }</a></p>
            </>
        };
    };
    let summary = region_summary(catalog.0, region);
    let partition = match region.partition {
        Partition::Commercial => "Commercial (aws)",
        Partition::GovCloud => "AWS GovCloud (US) (aws-us-gov)",
    };
    html! {
        <>
            <nav aria-label="Breadcrumb" class="breadcrumb">
                <a href="explore/">{ "Explore" }</a>{ " › " }<span aria-current="page">{ region.code.as_str() }</span>
            </nav>
            <h1>{ format!("{} · {}", region.name, region.code) }</h1>
            <dl class="facts" data-testid="region-facts">
                <div><dt>{ "Country" }</dt><dd>{ summary.country }</dd></div>
                <div><dt>{ "Partition" }</dt><dd>{ partition }</dd></div>
                <div><dt>{ "Opt-in Region" }</dt><dd>{ if region.opt_in { "Yes: enable it in your account before calling from it" } else { "No" } }</dd></div>
                <div><dt>{ "In-Region" }</dt><dd data-testid="count-in-region">{ summary.in_region.len() }</dd></div>
                <div><dt>{ "Geographic profiles" }</dt><dd data-testid="count-geographic">{ summary.geographic.len() }</dd></div>
                <div><dt>{ "Global profiles" }</dt><dd data-testid="count-global">{ summary.global.len() }</dd></div>
                <div><dt>{ "Not callable" }</dt><dd data-testid="count-unreachable">{ summary.unreachable.len() }</dd></div>
            </dl>
            <p>
                <a href={Route::Explore(atlas_core::browse::explore::Query { callable_from: Some(region.code.clone()), ..Default::default() }).href()}>
                    { format!("Search and filter what can be called from {}", region.code) }
                </a>
            </p>

            <h2 id="in-region">{ "In-Region: the bare model ID, processed here" }</h2>
            { model_list(&summary.in_region, "in-region-list", "No model can be called on demand in this Region with its bare ID.") }

            <h2 id="geographic">{ "Through geographic profiles" }</h2>
            { reach_table(&summary.geographic, &region.code, summary.country, "geographic", "No geographic profile can be called from this Region.") }

            <h2 id="global">{ "Through global profiles" }</h2>
            { reach_table(&summary.global, &region.code, summary.country, "global", "No global profile can be called from this Region.") }

            if !summary.provisioned_only.is_empty() {
                <h2 id="provisioned">{ "Only with Provisioned Throughput" }</h2>
                <p>{ "No on-demand way from here, but the catalog confirms Provisioned Throughput in this Region." }</p>
                { model_list(&summary.provisioned_only, "provisioned-list", "") }
            }

            <h2 id="unreachable">{ "Cannot be called from here" }</h2>
            <p>{ "Neither in-Region nor through any profile with this Region as its source." }</p>
            { model_list(&summary.unreachable, "unreachable-list", "Every model in the catalog can be called from this Region.") }

            <p class="cites">
                { "Sources: " }
                <a class="cite" href={Cite::ProfilesSupport.href()} rel="noopener">{ Cite::ProfilesSupport.title() }</a>{ "; " }
                <a class="cite" href={Cite::RegionalAvailability.href()} rel="noopener">{ Cite::RegionalAvailability.title() }</a>{ "; " }
                <a class="cite" href={Cite::AwsRegions.href()} rel="noopener">{ Cite::AwsRegions.title() }</a>
            </p>
        </>
    }
}

fn model_list(models: &[&Model], testid: &'static str, empty: &'static str) -> Html {
    if models.is_empty() {
        return html! { <p data-testid={testid}>{ empty }</p> };
    }
    html! {
        <ul class="model-list" data-testid={testid}>
            { for models.iter().map(|m| html! {
                <li>
                    <a href={Route::Model(m.id.clone()).href()}>{ &m.name }</a>
                    { " " }<span class="provider">{ &m.provider }</span>
                    if m.lifecycle.is_legacy() { { " " }<span class="badge badge-legacy">{ "Legacy" }</span> }
                </li>
            }) }
        </ul>
    }
}

fn reach_table(
    reaches: &[Reach<'_>],
    source: &RegionCode,
    country: &str,
    testid: &'static str,
    empty: &'static str,
) -> Html {
    if reaches.is_empty() {
        return html! { <p data-testid={format!("{testid}-table")}>{ empty }</p> };
    }
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby={testid}>
            <table data-testid={format!("{testid}-table")}>
                <thead><tr>
                    <th scope="col">{ "Model" }</th>
                    <th scope="col">{ "Profile ID" }</th>
                    <th scope="col">{ "Destinations from here" }</th>
                    <th scope="col">{ "Countries" }</th>
                </tr></thead>
                <tbody>
                    { for reaches.iter().map(|r| html! {
                        <tr data-testid="reach-row" data-profile={r.profile.id.to_string()}>
                            <th scope="row"><a href={Route::Model(r.model.id.clone()).href()}>{ &r.model.name }</a></th>
                            <td><a href={Route::Profile { id: r.profile.id.clone(), from: Some(source.clone()) }.href()}><code>{ r.profile.id.as_str() }</code></a></td>
                            <td>{ match r.destinations.len() { 1 => "1 Region".to_owned(), n => format!("{n} Regions") } }</td>
                            <td>
                                { r.countries.join(", ") }
                                if r.leaves_country {
                                    <span class="badge badge-leaves">{ format!("leaves {country}") }</span>
                                }
                            </td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

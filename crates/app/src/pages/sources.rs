//! The data sources page: every source with its as-of date and licence, the hand-transcribed
//! tables with the date of the copy read and the date last checked (flagged past 60 days), what
//! the latest refresh changed with a link to the change feed, recorded disagreements, known gaps.

use crate::components::change_summary::ChangeSummaryView;
use crate::state::CatalogRef;
use atlas_core::catalog::calendar::Day;
use atlas_core::catalog::change_log::summaries;
use atlas_core::catalog::source_tables::{TableDates, STALE_AFTER_DAYS};
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`Sources`].
#[derive(Properties, PartialEq)]
pub struct SourcesProps {
    /// The catalog.
    pub catalog: CatalogRef,
    /// The hand-transcribed tables of `data/sources/` with their dates.
    #[prop_or_default]
    pub tables: Rc<[TableDates]>,
    /// The day the page is built, against which a table's last check is judged.
    #[prop_or_default]
    pub today: Option<Day>,
    /// Whether the build publishes the Atom feed (`changes.xml`, with an absolute base URL).
    #[prop_or_default]
    pub atom: bool,
}

/// The hand-transcribed tables: the page, the copy's date and the last check, flagged when
/// older than [`STALE_AFTER_DAYS`] on the day of the build.
fn hand_tables(tables: &[TableDates], today: Option<Day>) -> Html {
    if tables.is_empty() {
        return Html::default();
    }
    html! {
        <>
            <h2 id="tables">{ "Tables transcribed by hand" }</h2>
            <p>{ format!("No package or API gives these facts, so no refresh can update them: each table in data/sources/ was read by hand from an AWS page. It carries the date of the copy read and, separately, the date it was last checked against the newest copy to be found; a table last checked more than {STALE_AFTER_DAYS} days before this build is flagged (the scheduled refresh opens an issue for it).") }</p>
            <div class="table-scroll">
                <table data-testid="hand-tables">
                    <thead><tr>
                        <th scope="col">{ "Page" }</th>
                        <th scope="col">{ "File" }</th>
                        <th scope="col">{ "Copy dated (at the earliest)" }</th>
                        <th scope="col">{ "Last checked" }</th>
                    </tr></thead>
                    <tbody>
                        { for tables.iter().map(|t| {
                            let stale = today.is_some_and(|d| t.is_stale(d));
                            html! {
                                <tr>
                                    <th scope="row"><a href={t.url.clone()} rel="noopener">{ &t.title }</a></th>
                                    <td><code>{ format!("sources/{}", t.file) }</code></td>
                                    <td><time datetime={t.copy_date.clone()}>{ &t.copy_date }</time></td>
                                    <td>
                                        <time datetime={t.checked.clone()}>{ &t.checked }</time>
                                        if stale {
                                            <strong class="stale" data-testid="table-stale">{ format!(" more than {STALE_AFTER_DAYS} days ago: check it") }</strong>
                                        }
                                    </td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
        </>
    }
}

/// The data sources page.
#[component]
pub fn Sources(props: &SourcesProps) -> Html {
    let meta = &props.catalog.meta;
    let changes = summaries(&props.catalog);
    html! {
        <>
            <h1>{ "Data sources" }</h1>
            <p>
                { "The catalog is as of " }<time datetime={meta.as_of.clone()}>{ &meta.as_of }</time>
                { ". It comes with the site as one file, fetched once and kept for offline use; nothing you enter is sent anywhere. Geographic profiles' destination lists never change (AWS adds new profiles instead); global profiles' lists grow as AWS adds Regions." }
            </p>
            <h2>{ "Sources" }</h2>
            <div class="table-scroll">
                <table data-testid="sources-table">
                    <thead><tr>
                        <th scope="col">{ "Source" }</th>
                        <th scope="col">{ "As of" }</th>
                        <th scope="col">{ "Version" }</th>
                        <th scope="col">{ "What it provides, licence and attribution" }</th>
                    </tr></thead>
                    <tbody>
                        { for meta.sources.iter().map(|s| html! {
                            <tr id={format!("source-{}", s.id)}>
                                <th scope="row"><a href={s.url.clone()} rel="noopener">{ &s.title }</a></th>
                                <td><time datetime={s.as_of.clone()}>{ &s.as_of }</time></td>
                                <td>{ s.commit.as_deref().map_or(Html::from("—"), |c| html! { <code>{ c }</code> }) }</td>
                                <td>{ &s.covers }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            { hand_tables(&props.tables, props.today) }
            { retention_pages(&props.catalog) }
            { tier_pages(&props.catalog) }
            { quota_sources(&props.catalog) }
            <h2 id="changes">{ "Changes" }</h2>
            <p data-testid="feed-links">
                { format!("Every refresh is kept: {} recorded. The change feed lists each change that can alter a decision (a destination and the country it adds, profiles, models, Legacy dates, in-Region offers, prices, retention and tier tables) with the page it concerns: ", changes.len()) }
                <a href="changes.json">{ "changes.json" }</a>
                if props.atom {
                    { ", or as Atom: " }<a href="changes.xml" type="application/atom+xml">{ "changes.xml" }</a>
                }
                { ". A plan marked reviewed lists on its page the changes since that touch it." }
            </p>
            if let Some(latest) = changes.into_iter().next() {
                <p>{ "What the latest refresh changed:" }</p>
                <ChangeSummaryView summary={Rc::new(latest)} index={0} />
            } else {
                <p>{ "No refresh is recorded yet." }</p>
            }
            { retention_history(&props.catalog) }
            <h2>{ "Where sources disagree" }</h2>
            if meta.disagreements.is_empty() {
                <p>{ "No disagreements recorded." }</p>
            } else {
                <div class="table-scroll">
                    <table data-testid="disagreements-table">
                        <thead><tr>
                            <th scope="col">{ "Subject" }</th>
                            <th scope="col">{ "Sources" }</th>
                            <th scope="col">{ "What they say" }</th>
                            <th scope="col">{ "What the catalog uses" }</th>
                        </tr></thead>
                        <tbody>
                            { for meta.disagreements.iter().map(|d| html! {
                                <tr>
                                    <th scope="row"><code>{ &d.subject }</code></th>
                                    <td>
                                        <ul class="plain">
                                            { for d.sources.iter().map(|id| html! {
                                                <li>{ props.catalog.source(id).map_or(id.as_str(), |s| s.title.as_str()) }</li>
                                            }) }
                                        </ul>
                                    </td>
                                    <td>{ &d.detail }</td>
                                    <td>{ &d.resolution }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
            <h2>{ "Known gaps" }</h2>
            <ul data-testid="gaps">
                { for meta.gaps.iter().map(|g| html! { <li>{ g }</li> }) }
            </ul>
        </>
    }
}

/// The transcribed copies read: each source with the copy, its earliest date and the last check.
fn copies_table(
    sources: &[atlas_core::catalog::retention_pages::PageSource],
    testid: &'static str,
    first: &'static str,
) -> Html {
    html! {
        <div class="table-scroll">
            <table data-testid={testid}>
                <thead><tr>
                    <th scope="col">{ first }</th>
                    <th scope="col">{ "Copy read" }</th>
                    <th scope="col">{ "Copy dated (at the earliest)" }</th>
                    <th scope="col">{ "Last checked" }</th>
                </tr></thead>
                <tbody>
                    { for sources.iter().map(|s| html! {
                        <tr>
                            <th scope="row"><a href={s.url.clone()} rel="noopener">{ &s.title }</a></th>
                            <td><code>{ &s.copy }</code></td>
                            <td><time datetime={s.copy_date.clone()}>{ &s.copy_date }</time></td>
                            <td><time datetime={s.checked.clone()}>{ &s.checked }</time></td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// The quota sources transcribed by hand into `data/sources/`, and what they leave unknown.
fn quota_sources(catalog: &atlas_core::catalog::Catalog) -> Html {
    if catalog.quotas.is_empty() {
        return html! {
            <>
                <h2 id="quotas">{ "Quotas" }</h2>
                <p>{ "This catalog has no quota facts: whether traffic fits a quota is unknown." }</p>
            </>
        };
    }
    let unknown = atlas_core::catalog::quota::unknowns(catalog);
    html! {
        <>
            <h2 id="quotas">{ "Quotas: sources transcribed by hand" }</h2>
            <p>{ "The token-per-minute quota pools (codes per model and kind), their published defaults, the output burndown and each model's maximum output come from these sources. A pool whose limit is not in them is unknown, and shown as unknown." }</p>
            { copies_table(&catalog.quotas.sources, "quota-sources-table", "Source") }
            <p data-testid="quota-unknowns">
                { format!(
                    "Unknown pools: {} catalog models the quota index does not list; {} in-Region offers served on bedrock-mantle (its own input and output quotas, not computed); {} GovCloud profiles (the index lists no GovCloud quotas); {} index quota codes with no published default ({}).",
                    unknown.models_not_in_index.len(),
                    unknown.mantle_offers,
                    unknown.govcloud_profiles,
                    unknown.codes_without_default.len(),
                    unknown.codes_without_default.join(", ")
                ) }
            </p>
            <details>
                <summary>{ format!("The {} models the quota index does not list", unknown.models_not_in_index.len()) }</summary>
                <p>{ unknown.models_not_in_index.iter().map(|m| m.as_str()).collect::<Vec<_>>().join(", ") }</p>
            </details>
        </>
    }
}

/// The AWS pages transcribed by hand into `data/sources/` for data retention: the copy read, its
/// date and when it was last checked; the models the newest copy leaves out; how the pages
/// changed.
fn retention_pages(catalog: &atlas_core::catalog::Catalog) -> Html {
    let table = &catalog.retention;
    if !table.is_known() {
        return html! {
            <>
                <h2 id="retention">{ "Data retention" }</h2>
                <p>{ "This catalog has no data retention facts: whether a model keeps prompts is unknown." }</p>
            </>
        };
    }
    html! {
        <>
            <h2 id="retention">{ "Data retention: pages transcribed by hand" }</h2>
            <p>{ "Which models keep prompts comes from two AWS pages, read by hand and transcribed into data/sources/ (facts adapted from Amazon Web Services documentation, CC BY-SA 4.0). Models the pages do not name follow the abuse detection page's general rule: by default, Amazon Bedrock does not store model inputs or outputs." }</p>
            { copies_table(&table.sources, "retention-sources-table", "Page") }
            if !table.not_named.is_empty() {
                <p data-testid="retention-not-named">
                    { "Where the copies disagree with what one might expect: the newest abuse detection copy lists OpenAI models by name, with no clause for every OpenAI model but the gpt-oss family; these catalog models are not named and so follow the general rule (nothing kept): " }
                    { for table.not_named.iter().enumerate().map(|(i, id)| html! {
                        <>{ if i > 0 { ", " } else { "" } }<code>{ id.as_str() }</code></>
                    }) }
                    { ". Check the page before relying on it." }
                </p>
            }
        </>
    }
}

/// The AWS pages transcribed by hand for service tiers and batch jobs, and how many models each
/// tier lists.
fn tier_pages(catalog: &atlas_core::catalog::Catalog) -> Html {
    let table = &catalog.tiers;
    if !table.is_known() {
        return html! {
            <>
                <h2 id="tiers">{ "Service tiers" }</h2>
                <p>{ "This catalog has no service-tier facts: every route is shown with Standard only." }</p>
            </>
        };
    }
    html! {
        <>
            <h2 id="tiers">{ "Service tiers and batch: pages transcribed by hand" }</h2>
            <p>{ "Which routes can be bought at the Reserved, Priority or Flex tier, and which run batch jobs, comes from two AWS pages transcribed into data/sources/ (facts adapted from Amazon Web Services documentation, CC BY-SA 4.0). The newest tiers page lists no models per tier (it points to each model's card), so the model lists come from the last copy that had them; a model in no list gets Standard only. Tier prices are LiteLLM's Priority, Flex and batch fields; Reserved is priced by the AWS account team." }</p>
            { copies_table(&table.sources, "tier-sources-table", "Page") }
            <p data-testid="tier-counts">
                { "Models per tier: " }
                { for table.counts().iter().enumerate().map(|(i, (tier, n))| html! {
                    <>{ if i > 0 { ", " } else { "" } }{ format!("{} {n}", tier.name()) }</>
                }) }
                { "." }
            </p>
        </>
    }
}

/// How the transcribed data retention pages changed between the copies read (the June 2026
/// launch wording, September's, the newest), oldest first: changes a refresh cannot see, since
/// the pages are read by hand.
fn retention_history(catalog: &atlas_core::catalog::Catalog) -> Html {
    let history = &catalog.retention.history;
    if history.is_empty() {
        return Html::default();
    }
    html! {
        <>
            <h3 id="retention-changes">{ "Data retention pages: how they changed" }</h3>
            <p>{ "Read by hand from stored copies of the AWS pages, oldest first." }</p>
            <ul data-testid="retention-history">
                { for history.iter().map(|(page, state, copy)| html! {
                    <li><strong>{ page }</strong>{ format!(": {state} (copy: {copy})") }</li>
                }) }
            </ul>
        </>
    }
}

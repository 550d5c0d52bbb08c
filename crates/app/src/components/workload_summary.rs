//! A plan's workloads as one read-only table, its columns [`SummaryColumn::ALL`]: name, model,
//! source Region, obligation, the recommended option, the ID to call, the residency verdict,
//! price and warnings. A linked plan shows it before it is taken; the report opens with it. The
//! plan page's own summary renders the same cells ([`summary_cells`]) and adds each row's
//! actions.

use crate::state::CatalogRef;
use atlas_core::output::evaluation::{SummaryColumn, WorkloadEvaluation};
use std::rc::Rc;
use yew::prelude::*;

/// A workload's summary cells after its name, one per [`SummaryColumn`], in order. On a phone
/// each cell shows its column's heading as a label (`data-label`, the style sheet's
/// `.card-table`). Every summary table of workloads renders its rows' cells here; the cells that
/// tests read are named `<testid>-option`, `-verdict`, `-price` and `-warnings`.
pub fn summary_cells(catalog: CatalogRef, e: &WorkloadEvaluation<'static>, testid: &str) -> Html {
    let named = |what: &str| format!("{testid}-{what}");
    let line = &e.summary;
    let spec = e.workload.spec();
    let cells = SummaryColumn::ALL[1..].iter().map(|&column| {
        let label = column.label();
        match column {
            SummaryColumn::Workload => Html::default(),
            SummaryColumn::Model => html! {
                <td data-label={label}>{ &e.workload.model().name }{ if spec.custom_model { " (custom)" } else { "" } }</td>
            },
            SummaryColumn::Source => html! { <td data-label={label}>{ spec.source_region.as_str() }</td> },
            SummaryColumn::Obligation => html! { <td data-label={label}>{ spec.residency.describe(&catalog) }</td> },
            SummaryColumn::Recommended => html! {
                <td data-label={label} data-testid={named("option")} class={classes!((!line.compliant).then_some("verdict-no"))}>
                    { if line.compliant { "" } else { "✗ " } }{ &line.option }
                </td>
            },
            SummaryColumn::CallId => html! {
                <td data-label={label}>{ line.call_id.as_ref().map_or(Html::from("—"), |id| html! { <code>{ id }</code> }) }</td>
            },
            SummaryColumn::Residency => html! {
                <td data-label={label} data-testid={named("verdict")} class={line.verdict_class()}>
                    { format!("{} ", line.mark()) }{ &line.verdict }
                </td>
            },
            SummaryColumn::Price => html! {
                <td data-label={label} data-testid={named("price")}>{ line.price.clone().unwrap_or_else(|| "—".to_owned()) }</td>
            },
            SummaryColumn::Warnings => html! {
                <td data-label={label} data-testid={named("warnings")}>
                    <span class={classes!((line.urgent > 0).then_some("warning-count-urgent"))}>{ line.warnings }</span>
                    if line.urgent > 0 {
                        <span class="hint">{ format!(" ({} urgent)", line.urgent) }</span>
                    }
                </td>
            },
        }
    });
    html! { <>{ for cells }</> }
}

/// The table. `row_testid` names each row for tests; with `link_to`, each name links where it
/// says for the row's position from 1 (a report's workload section).
pub fn workload_summary(
    catalog: CatalogRef,
    rows: &[Rc<WorkloadEvaluation<'static>>],
    caption: String,
    row_testid: &'static str,
    link_to: Option<fn(usize) -> String>,
) -> Html {
    let rows = rows.iter().enumerate().map(|(i, e)| {
        let spec = e.workload.spec();
        html! {
            <tr class={classes!((!e.summary.compliant).then_some("row-problem"))} data-testid={row_testid}>
                <th scope="row">
                    if let Some(link_to) = link_to {
                        <a href={link_to(i + 1)}>{ &spec.name }</a>
                    } else {
                        { &spec.name }
                    }
                </th>
                { summary_cells(catalog, e, row_testid) }
            </tr>
        }
    });
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label={caption.clone()}>
            <table class="card-table">
                <caption>{ caption }</caption>
                <thead><tr>
                    { for SummaryColumn::ALL.iter().map(|c| html! { <th scope="col">{ c.label() }</th> }) }
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}

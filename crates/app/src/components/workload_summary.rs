//! A plan's workloads as one read-only table: name, model, source Region, obligation, the
//! recommended option, the ID to call, the residency verdict, price and warnings. A linked plan
//! shows it before it is taken; the report opens with it. (The plan page's own summary adds
//! the actions on each row.)

use crate::state::CatalogRef;
use atlas_core::output::evaluation::{WorkloadEvaluation, SUMMARY_COLUMNS};
use atlas_core::plan::Workload;
use std::rc::Rc;
use yew::prelude::*;

/// The column headings after the workload's name; on a phone each cell shows its heading as a
/// label (`data-label`, the style sheet's `.card-table`).
const COLUMNS: &[&str] = SUMMARY_COLUMNS.split_at(1).1;

/// The table. `row_testid` names each row for tests; with `link_to`, each name links where it
/// says for the row's position from 1 (a report's workload section).
pub fn workload_summary<'a>(
    catalog: CatalogRef,
    rows: impl Iterator<Item = (&'a Workload<'static>, &'a Rc<WorkloadEvaluation>)>,
    caption: String,
    row_testid: &'static str,
    link_to: Option<fn(usize) -> String>,
) -> Html {
    let rows = rows.enumerate().map(|(i, (w, e))| {
        let spec = w.spec();
        let line = e.summary(&catalog, w);
        let verdict = if line.compliant { "verdict-yes" } else { "verdict-no" };
        html! {
            <tr class={classes!((!line.compliant).then_some("row-problem"))} data-testid={row_testid}>
                <th scope="row">
                    if let Some(link_to) = link_to {
                        <a href={link_to(i + 1)}>{ &spec.name }</a>
                    } else {
                        { &spec.name }
                    }
                </th>
                <td data-label={COLUMNS[0]}>{ &w.model().name }{ if spec.custom_model { " (custom)" } else { "" } }</td>
                <td data-label={COLUMNS[1]}>{ spec.source_region.as_str() }</td>
                <td data-label={COLUMNS[2]}>{ spec.residency.describe(&catalog) }</td>
                <td data-label={COLUMNS[3]} class={classes!((!line.compliant).then_some("verdict-no"))}>{ &line.option }</td>
                <td data-label={COLUMNS[4]}>{ line.call_id.as_ref().map_or(Html::from("—"), |id| html! { <code>{ id }</code> }) }</td>
                <td data-label={COLUMNS[5]} class={verdict}>{ if line.compliant { "✓ " } else { "✗ " } }{ &line.verdict }</td>
                <td data-label={COLUMNS[6]}>{ line.price.clone().unwrap_or_else(|| "—".to_owned()) }</td>
                <td data-label={COLUMNS[7]}>{ line.warnings }</td>
            </tr>
        }
    });
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label={caption.clone()}>
            <table class="card-table">
                <caption>{ caption }</caption>
                <thead><tr>
                    <th scope="col">{ SUMMARY_COLUMNS[0] }</th>
                    { for COLUMNS.iter().map(|c| html! { <th scope="col">{ *c }</th> }) }
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}

//! A plan's workloads as one read-only table: name, model, source Region, obligation, the
//! recommended option, the ID to call, the residency verdict, price and warnings. A linked plan
//! shows it before it is taken; the report opens with it. (The plan page's own summary adds
//! the actions on each row.)

use crate::domain::evaluation::WorkloadEvaluation;
use crate::domain::plan::Workload;
use crate::state::CatalogRef;
use std::rc::Rc;
use yew::prelude::*;

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
                <td>{ &w.model().name }{ if spec.custom_model { " (custom)" } else { "" } }</td>
                <td>{ spec.source_region.as_str() }</td>
                <td>{ spec.residency.describe(&catalog) }</td>
                <td class={classes!((!line.compliant).then_some("verdict-no"))}>{ &line.option }</td>
                <td>{ line.call_id.as_ref().map_or(Html::from("—"), |id| html! { <code>{ id }</code> }) }</td>
                <td class={verdict}>{ if line.compliant { "✓ " } else { "✗ " } }{ &line.verdict }</td>
                <td>{ line.price.clone().unwrap_or_else(|| "—".to_owned()) }</td>
                <td>{ line.warnings }</td>
            </tr>
        }
    });
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label={caption.clone()}>
            <table>
                <caption>{ caption }</caption>
                <thead><tr>
                    <th scope="col">{ "Workload" }</th>
                    <th scope="col">{ "Model" }</th>
                    <th scope="col">{ "Source Region" }</th>
                    <th scope="col">{ "Obligation" }</th>
                    <th scope="col">{ "Recommended" }</th>
                    <th scope="col">{ "ID to call" }</th>
                    <th scope="col">{ "Residency" }</th>
                    <th scope="col">{ "Price" }</th>
                    <th scope="col">{ "Warnings" }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}

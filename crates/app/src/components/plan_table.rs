//! The plan summary: every workload with its recommended option, ID to call, residency verdict,
//! price where known and warning count, from the plan's evaluation, each linking to its detail
//! (selecting it shows its card and comparison below), with the actions on each row. A row with
//! nothing recommended reads as a problem. On a phone the style sheet shows each row as a card
//! whose cells carry their column's heading as a label.

use crate::components::workload_summary::summary_cells;
use crate::state::{CatalogRef, PlanHandle};
use atlas_core::output::evaluation::{PlanEvaluation, SummaryColumn};
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`PlanTable`].
#[derive(Properties, PartialEq)]
pub struct PlanTableProps {
    /// The catalog, for names.
    pub catalog: CatalogRef,
    /// The plan and its intents.
    pub plan: PlanHandle,
    /// The plan's evaluation, one entry per workload in order.
    pub evaluation: Rc<PlanEvaluation<'static>>,
}

/// The plan table.
#[component]
pub fn PlanTable(props: &PlanTableProps) -> Html {
    let plan = &props.plan;
    let state = plan.state();
    let entries = &state.planner.entries;
    let count = entries.len();
    let catalog = props.catalog;
    // The page shows the selected workload's detail only while the wizard is closed; a name
    // controls it only when it is there (aria-controls must name an element on the page).
    let detail_shown = state.planner.wizard.is_none()
        && entries.iter().any(|e| Some(e.id) == state.planner.selected);
    let rows = entries.iter().zip(&props.evaluation.workloads).enumerate().map(|(i, (entry, e))| {
        let name = &e.workload.spec().name;
        let selected = state.planner.selected == Some(entry.id);
        let id = entry.id;
        let compliant = e.summary.compliant;
        let row_class = classes!(selected.then_some("selected"), (!compliant).then_some("row-problem"));
        html! {
            <tr class={row_class} data-testid="plan-row" aria-selected={selected.to_string()}
                data-compliant={compliant.to_string()}>
                <th scope="row">
                    <button type="button" class="link-button print-text" onclick={plan.select(id)}
                            aria-pressed={selected.to_string()} aria-controls={detail_shown.then_some("workload-detail")}
                            data-testid="plan-select">{ name }</button>
                </th>
                { summary_cells(catalog, e, "plan") }
                <td class="row-actions no-print">
                    <button type="button" onclick={plan.edit(id)} aria-label={format!("Edit {name}")} data-testid="plan-edit">{ "Edit" }</button>
                    <button type="button" onclick={plan.duplicate(id)} aria-label={format!("Duplicate {name}")} data-testid="plan-duplicate">{ "Duplicate" }</button>
                    <button type="button" onclick={plan.delete(id)} aria-label={format!("Delete {name}")} data-testid="plan-delete">{ "Delete" }</button>
                    <button type="button" class="row-move" onclick={plan.move_up(id)} disabled={i == 0} aria-label={format!("Move {name} up")}>{ "↑" }</button>
                    <button type="button" class="row-move" onclick={plan.move_down(id)} disabled={i + 1 == count} aria-label={format!("Move {name} down")}>{ "↓" }</button>
                </td>
            </tr>
        }
    });
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label="Plan summary">
            <table class="card-table" data-testid="plan-table">
                <caption>{ format!("Plan summary: {count} workload{}{}", if count == 1 { "" } else { "s" }, problems(&props.evaluation)) }</caption>
                <thead><tr>
                    { for SummaryColumn::ALL.iter().map(|c| html! { <th scope="col">{ c.label() }</th> }) }
                    <th scope="col" class="no-print">{ "Actions" }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}

/// `; 1 without a recommendation`, or nothing.
fn problems(evaluation: &PlanEvaluation<'_>) -> String {
    let none = evaluation
        .workloads
        .iter()
        .filter(|e| e.chosen().is_none())
        .count();
    if none == 0 {
        String::new()
    } else {
        format!("; {none} without a recommendation")
    }
}

//! The plan's workloads as a table: each with its recommended option, ID to call, processing
//! Regions and warning count, from the plan's evaluation, with the actions on each row.

use crate::domain::evaluation::PlanEvaluation;
use crate::state::{CatalogRef, PlanHandle};
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
    pub evaluation: Rc<PlanEvaluation>,
}

/// The plan table.
#[component]
pub fn PlanTable(props: &PlanTableProps) -> Html {
    let plan = &props.plan;
    let state = plan.state();
    let entries = &state.planner.entries;
    let count = entries.len();
    let catalog = props.catalog;
    let rows = entries.iter().zip(&props.evaluation.workloads).enumerate().map(|(i, (entry, e))| {
        let w = entry.workload.spec();
        let name = &w.name;
        let selected = state.planner.selected == Some(entry.id);
        let id = entry.id;
        html! {
            <tr class={classes!(selected.then_some("selected"))} data-testid="plan-row" aria-selected={selected.to_string()}>
                <th scope="row">
                    <button type="button" class="link-button" onclick={plan.select(id)}
                            aria-pressed={selected.to_string()} data-testid="plan-select">{ name }</button>
                </th>
                <td>{ &entry.workload.model().name }{ if w.custom_model { " (custom)" } else { "" } }</td>
                <td>{ w.source_region.as_str() }</td>
                <td>{ w.residency.describe(&catalog) }</td>
                <td data-testid="plan-option">{ e.choice_label() }</td>
                <td>{ e.chosen().map_or(Html::from("—"), |o| html! { <code>{ &o.call_id }</code> }) }</td>
                <td>{ e.processing_list() }</td>
                <td>{ e.recommendation.warnings.len() }</td>
                <td class="row-actions no-print">
                    <button type="button" onclick={plan.edit(id)} aria-label={format!("Edit {name}")} data-testid="plan-edit">{ "Edit" }</button>
                    <button type="button" onclick={plan.duplicate(id)} aria-label={format!("Duplicate {name}")} data-testid="plan-duplicate">{ "Duplicate" }</button>
                    <button type="button" onclick={plan.delete(id)} aria-label={format!("Delete {name}")} data-testid="plan-delete">{ "Delete" }</button>
                    <button type="button" onclick={plan.move_up(id)} disabled={i == 0} aria-label={format!("Move {name} up")}>{ "↑" }</button>
                    <button type="button" onclick={plan.move_down(id)} disabled={i + 1 == count} aria-label={format!("Move {name} down")}>{ "↓" }</button>
                </td>
            </tr>
        }
    });
    html! {
        <div class="table-scroll">
            <table data-testid="plan-table">
                <caption>{ format!("{count} workload{}", if count == 1 { "" } else { "s" }) }</caption>
                <thead><tr>
                    <th scope="col">{ "Workload" }</th>
                    <th scope="col">{ "Model" }</th>
                    <th scope="col">{ "Source Region" }</th>
                    <th scope="col">{ "Obligation" }</th>
                    <th scope="col">{ "Recommended" }</th>
                    <th scope="col">{ "ID to call" }</th>
                    <th scope="col">{ "Processing Regions" }</th>
                    <th scope="col">{ "Warnings" }</th>
                    <th scope="col" class="no-print">{ "Actions" }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}

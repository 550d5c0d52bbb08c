//! The plan page: the workloads as a table with their recommendations, the wizard to add or edit
//! one, the selected workload's recommendation card and comparison table, and import/export of
//! the plan file. The plan survives a reload through browser storage.

use crate::components::comparison_table::ComparisonTable;
use crate::components::error_panel::ErrorPanel;
use crate::components::recommendation_card::RecommendationCard;
use crate::components::wizard_panel::WizardPanel;
use crate::domain::compare::compare;
use crate::domain::engine::{recommend, OptionKind};
use crate::domain::plan::{Plan, Workload};
use crate::domain::planner::{Action, Editing, Entry};
use crate::state::{use_plan, CatalogRef, PlanHandle};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Properties of [`PlanPage`].
#[derive(Properties, PartialEq)]
pub struct PlanPageProps {
    /// The catalog.
    pub catalog: CatalogRef,
}

fn result_view(catalog: CatalogRef, workload: &Workload, heading: &'static str) -> Html {
    let rec = recommend(&catalog, workload);
    let comparison = compare(
        &catalog,
        &rec,
        workload.source_region.as_str(),
        workload.model_id.as_str(),
    );
    html! {
        <div class="result-view">
            <p class="visually-hidden">{ heading }</p>
            <RecommendationCard {catalog} workload={workload.clone()} recommendation={rec} />
            <ComparisonTable {comparison} name={AttrValue::from(workload.name.clone())} />
        </div>
    }
}

fn plan_table(catalog: CatalogRef, plan: &PlanHandle) -> Html {
    let state = plan.state();
    let entries = &state.planner.entries;
    let count = entries.len();
    let row = |(i, entry): (usize, &Entry)| {
        let w = &entry.workload;
        let rec = recommend(&catalog, w);
        let chosen = rec.chosen_option();
        let selected = state.planner.selected == Some(entry.id);
        let id = entry.id;
        let model = catalog
            .model(w.model_id.as_str())
            .map_or(w.model_id.as_str(), |m| m.name.as_str());
        html! {
            <tr class={classes!(selected.then_some("selected"))} data-testid="plan-row" aria-selected={selected.to_string()}>
                <th scope="row">
                    <button type="button" class="link-button" onclick={plan.on(Action::Select(id))}
                            aria-pressed={selected.to_string()} data-testid="plan-select">{ &w.name }</button>
                </th>
                <td>{ model }{ if w.custom_model { " (custom)" } else { "" } }</td>
                <td>{ w.source_region.as_str() }</td>
                <td>{ w.residency.describe(&catalog) }</td>
                <td data-testid="plan-option">{ chosen.map_or(OptionKind::None.label().to_owned(), |o| o.label()) }</td>
                <td>{ chosen.map_or(Html::from("—"), |o| html! { <code>{ &o.call_id }</code> }) }</td>
                <td>{ chosen.map_or(String::new(), |o| o.processing_regions.iter().map(|r| r.as_str()).collect::<Vec<_>>().join(", ")) }</td>
                <td>{ rec.warnings.len() }</td>
                <td class="row-actions no-print">
                    <button type="button" onclick={plan.on(Action::StartEdit(id))} aria-label={format!("Edit {}", w.name)} data-testid="plan-edit">{ "Edit" }</button>
                    <button type="button" onclick={plan.on(Action::Duplicate(id))} aria-label={format!("Duplicate {}", w.name)} data-testid="plan-duplicate">{ "Duplicate" }</button>
                    <button type="button" onclick={plan.on(Action::Delete(id))} aria-label={format!("Delete {}", w.name)} data-testid="plan-delete">{ "Delete" }</button>
                    <button type="button" onclick={plan.on(Action::MoveUp(id))} disabled={i == 0} aria-label={format!("Move {} up", w.name)}>{ "↑" }</button>
                    <button type="button" onclick={plan.on(Action::MoveDown(id))} disabled={i + 1 == count} aria-label={format!("Move {} down", w.name)}>{ "↓" }</button>
                </td>
            </tr>
        }
    };
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
                <tbody>{ for entries.iter().enumerate().map(row) }</tbody>
            </table>
        </div>
    }
}

/// Import and export of the plan file.
#[component]
fn ImportExport(props: &PlanIoProps) -> Html {
    let text = use_state(String::new);
    let problem = use_state(|| None::<String>);
    let plan = props.plan.clone();
    let catalog = props.catalog;
    let import_text = {
        let text = text.clone();
        let problem = problem.clone();
        let plan = plan.clone();
        move |raw: String| match Plan::parse(&raw, &catalog) {
            Ok(parsed) => {
                plan.import(parsed);
                problem.set(None);
                text.set(String::new());
            }
            Err(e) => {
                // The text stays in the box so nothing pasted is lost.
                text.set(raw);
                problem.set(Some(e.to_string()));
            }
        }
    };
    let on_paste_import = {
        let text = text.clone();
        let import_text = import_text.clone();
        Callback::from(move |_: MouseEvent| import_text((*text).clone()))
    };
    let on_text = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            text.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let on_file = {
        let problem = problem.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let problem = problem.clone();
            let import_text = import_text.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match crate::browser::read_chosen_file(&input).await {
                    Ok(raw) => import_text(raw),
                    Err(e) => problem.set(Some(e)),
                }
            });
        })
    };
    let on_download = {
        let plan = plan.clone();
        let problem = problem.clone();
        Callback::from(move |_: MouseEvent| {
            let json = plan.state().planner.plan().to_json();
            if let Err(e) =
                crate::browser::download_text("cris-atlas-plan.json", "application/json", &json)
            {
                problem.set(Some(e));
            }
        })
    };
    html! {
        <details class="import-export no-print">
            <summary>{ "Import or export the plan file" }</summary>
            <p>{ "The plan file is the same JSON the atlas command line reads. Importing replaces the workloads on this page." }</p>
            <p><button type="button" onclick={on_download} data-testid="plan-download">{ "Download plan (JSON)" }</button></p>
            <div class="field">
                <label for="plan-file">{ "Import a plan file" }</label>
                <input id="plan-file" type="file" accept="application/json,.json" onchange={on_file} />
            </div>
            <div class="field">
                <label for="plan-paste">{ "Or paste plan JSON" }</label>
                <textarea id="plan-paste" rows="6" value={(*text).clone()} oninput={on_text} data-testid="plan-paste" />
                <p><button type="button" onclick={on_paste_import} data-testid="plan-import">{ "Import pasted plan" }</button></p>
            </div>
            if let Some(message) = &*problem {
                <ErrorPanel title="The plan could not be imported" message={AttrValue::from(message.clone())}
                    hint="Nothing was changed. Fix the JSON and import again." />
            }
        </details>
    }
}

/// Properties of the import/export section.
#[derive(Properties, Clone)]
struct PlanIoProps {
    catalog: CatalogRef,
    plan: PlanHandle,
}

impl PartialEq for PlanIoProps {
    fn eq(&self, other: &Self) -> bool {
        self.catalog == other.catalog && self.plan.state() == other.plan.state()
    }
}

/// The plan page.
#[component]
pub fn PlanPage(props: &PlanPageProps) -> Html {
    let catalog = props.catalog;
    let plan = use_plan(catalog);
    let state = plan.state();
    let planner = &state.planner;
    let on_action = {
        let plan = plan.clone();
        Callback::from(move |action: Action| plan.act(action))
    };
    let wizard = planner.wizard.as_ref().map(|(editing, wizard)| {
        let live = wizard
            .draft
            .complete(&catalog)
            .ok()
            .map(|w| result_view(catalog, &w, "Result for the answers so far"));
        html! {
            <div class="wizard-layout">
                <WizardPanel {catalog} wizard={wizard.clone()} editing={matches!(editing, Editing::Existing(_))}
                             on_action={on_action.clone()} />
                if let Some(live) = live {
                    <section class="live-result" aria-live="polite" aria-label="Result for the answers so far" data-testid="live-result">
                        <h2>{ "Result so far" }</h2>
                        { live }
                    </section>
                }
            </div>
        }
    });
    html! {
        <>
            <h1>{ "Plan workloads" }</h1>
            <p class="lede">{ "Describe each workload: which model, called from where, under which residency obligation, with what traffic and service level. Each gets a recommendation you can defend, and every option side by side." }</p>
            if let Some(problem) = &state.storage_problem {
                <ErrorPanel title="Browser storage" message={AttrValue::from(problem.clone())} />
            }
            <div class="toolbar no-print">
                <button type="button" class="primary" onclick={plan.on(Action::StartAdd)} data-testid="plan-add"
                        disabled={planner.wizard.is_some()}>{ "Add workload" }</button>
            </div>
            if let Some((_, removed)) = &planner.removed {
                <p class="undo-bar" role="status" data-testid="undo-bar">
                    { format!("Deleted \"{}\". ", removed.workload.name) }
                    <button type="button" onclick={plan.on(Action::Undo)} data-testid="plan-undo">{ "Undo" }</button>
                </p>
            }
            { wizard.unwrap_or_default() }
            if planner.entries.is_empty() {
                if planner.wizard.is_none() {
                    <p data-testid="plan-empty">{ "No workloads yet. Add one to get a recommendation, or import a plan file." }</p>
                }
            } else {
                { plan_table(catalog, &plan) }
            }
            if let Some(entry) = planner.selected_entry().filter(|_| planner.wizard.is_none()) {
                { result_view(catalog, &entry.workload, "Selected workload") }
            }
            <ImportExport {catalog} plan={plan.clone()} />
        </>
    }
}

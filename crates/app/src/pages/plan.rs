//! The plan page: the workloads as a table with their recommendations, the wizard to add or edit
//! one with the result of the answers so far, the selected workload's recommendation card and
//! comparison table, what changed in the catalog since the plan's review, and import/export of
//! the plan file. The plan is evaluated once per change (memoised); every part renders from that
//! evaluation. The plan survives a reload through browser storage.

use crate::components::account_section::AccountSection;
use crate::components::capacity_section::CapacitySection;
use crate::components::comparison_table::ComparisonTable;
use crate::components::error_decoder::ErrorDecoder;
use crate::components::plan_exports::PlanExports;
use crate::components::plan_file::PlanFile;
use crate::components::plan_table::PlanTable;
use crate::components::policy_panel::PolicyPanel;
use crate::components::recommendation_card::RecommendationCard;
use crate::components::review_status::ReviewStatus;
use crate::components::share_link::ShareLink;
use crate::components::shared_plan::SharedPlan;
use crate::components::storage_notice::StorageNotice;
use crate::components::wizard::WizardPanel;
use crate::state::{use_plan, CatalogRef};
use atlas_core::output::evaluation::{PlanEvaluation, WorkloadEvaluation};
use atlas_core::plan::planner::Editing;
use atlas_core::plan::planner::Planner;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`PlanPage`].
#[derive(Properties, PartialEq)]
pub struct PlanPageProps {
    /// The catalog.
    pub catalog: CatalogRef,
}

fn result_view(
    catalog: CatalogRef,
    evaluation: &Rc<WorkloadEvaluation<'static>>,
    heading: &'static str,
) -> Html {
    let workload = &evaluation.workload;
    html! {
        <div class="result-view">
            <p class="visually-hidden">{ heading }</p>
            <RecommendationCard {catalog} evaluation={evaluation.clone()} />
            <ComparisonTable comparison={evaluation.comparison.clone()} name={AttrValue::from(workload.name().to_owned())} />
        </div>
    }
}

/// The position of the workload the wizard edits, if it edits one.
fn editing_index(planner: &Planner<'_>) -> Option<usize> {
    match planner.wizard {
        Some((Editing::Existing(id), _)) => planner.entries.iter().position(|e| e.id == id),
        _ => None,
    }
}

/// The plan page.
#[component]
pub fn PlanPage(props: &PlanPageProps) -> Html {
    let catalog = props.catalog;
    let plan = use_plan(catalog);
    let state = plan.state();
    let planner = &state.planner;
    let today = *use_memo((), |_| crate::clock::today());
    let evaluation = use_memo(planner.plan(), move |plan| {
        PlanEvaluation::of(catalog.0, plan, today)
    });
    // The answers so far, evaluated as they would be in the plan (its account, the other
    // workloads in the same Region), so the preview never contradicts the saved result.
    let draft = planner
        .wizard
        .as_ref()
        .and_then(|(_, wizard)| wizard.draft.complete(catalog.0).ok());
    let live = use_memo(
        (draft, planner.plan(), editing_index(planner)),
        move |(draft, plan, replacing)| {
            draft.as_ref().map(|w| {
                Rc::new(PlanEvaluation::preview(
                    catalog.0, plan, w, *replacing, today,
                ))
            })
        },
    );
    let regions: Rc<[_]> = planner.source_regions().into();
    let quotas: Rc<[_]> = atlas_core::output::capacity::quota_fields(&evaluation).into();
    let wizard = planner.wizard.as_ref().map(|(editing, wizard)| {
        html! {
            <div class="wizard-layout">
                <WizardPanel {catalog} wizard={wizard.clone()} editing={matches!(editing, Editing::Existing(_))}
                             on_action={plan.wizard()} />
                if let Some(evaluation) = &*live {
                    <section class="live-result" aria-label="Result for the answers so far" data-testid="live-result">
                        <h2>{ "Result so far" }</h2>
                        { result_view(catalog, evaluation, "Result for the answers so far") }
                    </section>
                }
            </div>
        }
    });
    let selected = planner
        .wizard
        .is_none()
        .then(|| {
            let i = planner
                .entries
                .iter()
                .position(|e| Some(e.id) == planner.selected)?;
            evaluation.workloads.get(i)
        })
        .flatten();
    // After "Add to plan", "Save changes" or choosing a workload in the summary, focus moves to
    // that workload's detail (not on the first load: focus stays where the page put it).
    let detail = use_node_ref();
    let focus_key = (planner.wizard.is_some(), planner.selected);
    let previous = use_mut_ref(|| focus_key);
    {
        let detail = detail.clone();
        use_effect_with(focus_key, move |key| {
            let (wizard_open, selected) = *key;
            let (was_open, was_selected) = *previous.borrow();
            // Loading the saved plan selects its first workload: that is no move of the user's.
            let moved = was_open || was_selected.is_some() && was_selected != selected;
            if !wizard_open && moved {
                if let Some(element) = detail.cast::<web_sys::HtmlElement>() {
                    let _ = element.focus();
                }
            }
            *previous.borrow_mut() = *key;
        });
    }
    let announcement = match (&planner.wizard, selected) {
        (Some((_, wizard)), _) => format!(
            "Step {} of {}: {}",
            wizard.step.number(),
            atlas_core::plan::wizard::Step::ALL.len(),
            wizard.step.title()
        ),
        (None, Some(e)) => {
            let line = &e.summary;
            format!(
                "{}: {}; {} warning{}",
                e.workload.name(),
                line.option,
                line.warnings,
                if line.warnings == 1 { "" } else { "s" }
            )
        }
        (None, None) => String::new(),
    };
    html! {
        <>
            <h1>{ "Plan workloads" }</h1>
            if let Some(name) = planner.header.name.clone() {
                <p class="plan-name" data-testid="plan-name">{ name }</p>
            }
            <p class="lede">{ "Describe each workload: which model, called from where, under which residency obligation, with what traffic and service level. Each gets a recommendation you can defend, and every option side by side." }</p>
            <StorageNotice plan={plan.clone()} />
            <SharedPlan {catalog} plan={plan.clone()} />
            <div class="toolbar no-print">
                <button type="button" class="primary" onclick={plan.add_workload()} data-testid="plan-add"
                        disabled={planner.wizard.is_some() || plan.read_only()}>{ "Add workload" }</button>
                <ShareLink plan={plan.clone()} />
            </div>
            if let Some((_, removed)) = &planner.removed {
                <p class="undo-bar" role="status" data-testid="undo-bar">
                    { format!("Deleted \"{}\". ", removed.workload.name()) }
                    <button type="button" onclick={plan.undo()} data-testid="plan-undo">{ "Undo" }</button>
                </p>
            }
            { wizard.unwrap_or_default() }
            if planner.entries.is_empty() {
                if planner.wizard.is_none() {
                    <p data-testid="plan-empty">{ "No workloads yet. Add one to get a recommendation, or import a plan file." }</p>
                }
            } else {
                <PlanTable {catalog} plan={plan.clone()} evaluation={evaluation.clone()} />
                <p class="print-only">{ "This prints the summary and the selected workload. The report (plan/report/) prints every workload, each from a new page." }</p>
                <PlanExports {catalog} evaluation={evaluation.clone()} />
                <CapacitySection {catalog} evaluation={evaluation.clone()} />
                <AccountSection {catalog} {regions} account={planner.header.account.clone()}
                                disabled={plan.read_only()} on_set={plan.set_retention_mode()}
                                {quotas} on_quota={plan.set_quota()} />
                <ReviewStatus {catalog} plan={plan.clone()} />
            }
            <p class="visually-hidden" role="status" data-testid="plan-status">{ announcement }</p>
            if let Some(evaluation) = selected {
                <section id="workload-detail" class="workload-detail" ref={detail} tabindex="-1"
                         aria-label={format!("Detail of {}", evaluation.workload.name())} data-testid="workload-detail">
                    { result_view(catalog, evaluation, "Selected workload") }
                    <PolicyPanel evaluation={evaluation.clone()} />
                </section>
            }
            <details class="decoder-box no-print" data-testid="plan-decoder">
                <summary>{ "Decode an error from calling it" }</summary>
                <ErrorDecoder {catalog} id="plan-error-text" />
            </details>
            <PlanFile {catalog} plan={plan.clone()} />
        </>
    }
}

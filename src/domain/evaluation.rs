//! A plan evaluated once: every workload's recommendation, comparison table and summary row.
//! The app memoises it per plan change and renders its table, cards and comparisons from it;
//! the command line prints it as JSON or Markdown ([`super::report`]). This is the one place
//! that runs the engine.

use super::catalog::Catalog;
use super::compare::{compare, Comparison, ENDPOINT, MONTHLY, PRICE};
use super::engine::{recommend, Recommendation};
use super::options::{OptionEval, NO_ELIGIBLE_OPTION};
use super::plan::{Plan, Workload};
use std::rc::Rc;

/// The comparison rows a recommendation repeats beside its ID to call.
const SUMMARY_ROWS: [&str; 3] = [ENDPOINT, PRICE, MONTHLY];

/// One workload, evaluated.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkloadEvaluation {
    /// What the engine decided.
    pub recommendation: Recommendation,
    /// Every option side by side.
    pub comparison: Comparison,
}

impl WorkloadEvaluation {
    /// Evaluates one workload (a plan's, or the wizard's answers so far).
    pub fn of(catalog: &Catalog, workload: &Workload<'_>) -> WorkloadEvaluation {
        let recommendation = recommend(catalog, workload);
        let comparison = compare(catalog, workload, &recommendation);
        WorkloadEvaluation {
            recommendation,
            comparison,
        }
    }

    /// The chosen option, if any.
    pub fn chosen(&self) -> Option<&OptionEval> {
        self.recommendation.chosen_option()
    }

    /// The chosen option's label, or [`NO_ELIGIBLE_OPTION`].
    pub fn choice_label(&self) -> String {
        self.chosen()
            .map_or_else(|| NO_ELIGIBLE_OPTION.to_owned(), OptionEval::label)
    }

    /// The comparison's cells for the chosen option on the rows a summary repeats (endpoint,
    /// price, monthly estimate), as (row label, lines).
    pub fn chosen_facts(&self) -> Vec<(&'static str, &[String])> {
        let Some(column) = self.recommendation.chosen else {
            return Vec::new();
        };
        self.comparison
            .rows
            .iter()
            .filter(|row| SUMMARY_ROWS.contains(&row.label))
            .filter_map(|row| Some((row.label, row.cells.get(column)?.lines.as_slice())))
            .collect()
    }

    /// The processing Regions of the chosen option, comma-separated.
    pub fn processing_list(&self) -> String {
        self.chosen()
            .map(|o| {
                o.processing_regions
                    .iter()
                    .map(|r| r.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default()
    }
}

/// A whole plan, evaluated: one entry per workload, in plan order.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanEvaluation {
    /// The workloads' evaluations, shared with the views that render them.
    pub workloads: Vec<Rc<WorkloadEvaluation>>,
}

impl PlanEvaluation {
    /// Evaluates every workload of `plan`.
    pub fn of(catalog: &Catalog, plan: &Plan<'_>) -> PlanEvaluation {
        PlanEvaluation {
            workloads: plan
                .workloads
                .iter()
                .map(|w| Rc::new(WorkloadEvaluation::of(catalog, w)))
                .collect(),
        }
    }
}

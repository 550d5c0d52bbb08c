//! A plan evaluated once: every workload's recommendation, comparison table and summary row.
//! The app memoises it per plan change and renders its table, cards and comparisons from it;
//! the command line prints it as JSON or Markdown ([`crate::output::report`]). This is the one place
//! that runs the engine.

use crate::catalog::calendar::Day;
use crate::catalog::residency::Residency;
use crate::catalog::Catalog;
use crate::engine::options::{OptionEval, OptionKind, NO_ELIGIBLE_OPTION};
use crate::engine::{recommend, Recommendation};
use crate::output::compare::{compare, regions_in_countries, Comparison, ENDPOINT, MONTHLY, PRICE};
use crate::plan::money::per_million;
use crate::plan::{Plan, Workload};
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
    /// Evaluates one workload (a plan's, or the wizard's answers so far) on `today`.
    pub fn of(catalog: &Catalog, workload: &Workload<'_>, today: Day) -> WorkloadEvaluation {
        let recommendation = recommend(catalog, workload, today);
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
}

/// The columns of a read-only summary of workloads (the report page, a linked plan, `atlas
/// report --format html`): the workload's name, then what its [`SummaryLine`] and spec give.
pub const SUMMARY_COLUMNS: [&str; 9] = [
    "Workload",
    "Model",
    "Source Region",
    "Obligation",
    "Recommended",
    "ID to call",
    "Residency",
    "Price",
    "Warnings",
];

/// One workload's line in the plan summary: what the table of workloads and the Markdown
/// summary show, so they cannot disagree with the card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryLine {
    /// The chosen option's label, or [`NO_ELIGIBLE_OPTION`].
    pub option: String,
    /// The ID to call, when something is recommended.
    pub call_id: Option<String>,
    /// Whether something inside the obligation is recommended.
    pub compliant: bool,
    /// The residency verdict in words: `Inside the obligation: 6 Regions in 6 countries`, or
    /// `No obligation: 3 Regions in 1 country`.
    pub verdict: String,
    /// The chosen option's price per million tokens, when the price list has one, or how it is
    /// billed (Provisioned Throughput).
    pub price: Option<String>,
    /// How many warnings (nothing recommended counts as one).
    pub warnings: usize,
    /// How many of them are urgent.
    pub urgent: usize,
}

impl WorkloadEvaluation {
    /// The workload's line in the plan summary.
    pub fn summary(&self, catalog: &Catalog, workload: &Workload<'_>) -> SummaryLine {
        let chosen = self.chosen();
        let rec = &self.recommendation;
        SummaryLine {
            option: self.choice_label(),
            call_id: chosen.and_then(|o| o.call_id()).map(str::to_owned),
            compliant: chosen.is_some(),
            verdict: match chosen {
                Some(o) => format!(
                    "{}: {}",
                    if workload.spec().residency == Residency::None {
                        "No obligation"
                    } else {
                        "Inside the obligation"
                    },
                    regions_in_countries(catalog, &o.processing_regions)
                ),
                None => "No option inside the obligation".to_owned(),
            },
            price: chosen.and_then(|o| match (&o.price, o.kind) {
                (Some(p), _) => Some(per_million(p)),
                (None, OptionKind::Provisioned) => Some("Hourly per model unit".to_owned()),
                (None, _) => None,
            }),
            warnings: rec.warnings.len(),
            urgent: rec.urgent_count(),
        }
    }
}

/// A whole plan, evaluated: one entry per workload, in plan order.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanEvaluation {
    /// The workloads' evaluations, shared with the views that render them.
    pub workloads: Vec<Rc<WorkloadEvaluation>>,
}

impl PlanEvaluation {
    /// Evaluates every workload of `plan` on `today`.
    pub fn of(catalog: &Catalog, plan: &Plan<'_>, today: Day) -> PlanEvaluation {
        PlanEvaluation {
            workloads: plan
                .workloads
                .iter()
                .map(|w| Rc::new(WorkloadEvaluation::of(catalog, w, today)))
                .collect(),
        }
    }
}

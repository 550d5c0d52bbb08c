//! A plan evaluated once: the view model. It owns what it was computed from (the plan's header
//! and each workload) and every row it renders (each workload's recommendation, comparison and
//! summary line), so no view pairs a plan with its evaluation by position. The app memoises it
//! per plan change and hands it to its views by `Rc`; the command line prints it as JSON,
//! Markdown, CSV or HTML ([`crate::output::report`]). This is the one place that runs the engine.

use crate::catalog::calendar::Day;
use crate::catalog::residency::Residency;
use crate::catalog::tiers::Tier;
use crate::catalog::Catalog;
use crate::engine::capacity::{daily_loads, plan_pools, DailyLoad, PoolLoad};
use crate::engine::options::{OptionEval, OptionKind, NO_ELIGIBLE_OPTION};
use crate::engine::{recommend_in, retention, Recommendation, Setting};
use crate::output::compare::{
    compare, regions_in_countries, Comparison, ENDPOINT, HOW_TO_BUY, MONTHLY, PRICE, PROCESSING,
    RETENTION,
};
use crate::plan::money::per_million;
use crate::plan::{Plan, PlanHeader, Workload};
use std::rc::Rc;

/// The comparison rows a recommendation repeats beside its ID to call.
const SUMMARY_ROWS: [&str; 5] = [ENDPOINT, RETENTION, PRICE, MONTHLY, HOW_TO_BUY];

/// One workload, evaluated.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkloadEvaluation<'c> {
    /// The workload evaluated.
    pub workload: Workload<'c>,
    /// What the engine decided.
    pub recommendation: Recommendation,
    /// Every option side by side.
    pub comparison: Comparison,
    /// Its line in every summary of the plan.
    pub summary: SummaryLine,
}

impl<'c> WorkloadEvaluation<'c> {
    /// Evaluates one workload (a plan's, or the wizard's answers so far) on `today`, knowing
    /// nothing of the account.
    pub fn of(catalog: &Catalog, workload: &Workload<'c>, today: Day) -> WorkloadEvaluation<'c> {
        WorkloadEvaluation::in_setting(catalog, workload, &Setting::default(), today)
    }

    /// Evaluates one workload of a plan in its `setting` (the account, conflicts), on `today`.
    pub fn in_setting(
        catalog: &Catalog,
        workload: &Workload<'c>,
        setting: &Setting<'_>,
        today: Day,
    ) -> WorkloadEvaluation<'c> {
        let recommendation = recommend_in(catalog, workload, setting, today);
        let comparison = compare(catalog, workload, &recommendation);
        let summary = SummaryLine::of(catalog, workload, &recommendation);
        WorkloadEvaluation {
            workload: workload.clone(),
            recommendation,
            comparison,
            summary,
        }
    }

    /// The chosen option, if any.
    pub fn chosen(&self) -> Option<&OptionEval> {
        self.recommendation.chosen_option()
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

/// A column of a plan's summary. Every summary lists [`SummaryColumn::ALL`] in this order under
/// these labels: the plan page's table, a linked plan's and the report's, the Markdown and the
/// HTML report; each renders a column's cell in its own markup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SummaryColumn {
    /// The workload's name.
    Workload,
    /// The model.
    Model,
    /// The source Region.
    Source,
    /// The residency obligation.
    Obligation,
    /// The recommended option.
    Recommended,
    /// The ID to call.
    CallId,
    /// The residency verdict.
    Residency,
    /// The price per million tokens, or how it is billed.
    Price,
    /// How many warnings.
    Warnings,
}

impl SummaryColumn {
    /// Every column, in order.
    pub const ALL: [SummaryColumn; 9] = [
        SummaryColumn::Workload,
        SummaryColumn::Model,
        SummaryColumn::Source,
        SummaryColumn::Obligation,
        SummaryColumn::Recommended,
        SummaryColumn::CallId,
        SummaryColumn::Residency,
        SummaryColumn::Price,
        SummaryColumn::Warnings,
    ];

    /// The column's heading, and on a phone each cell's label.
    pub fn label(self) -> &'static str {
        match self {
            SummaryColumn::Workload => "Workload",
            SummaryColumn::Model => "Model",
            SummaryColumn::Source => "Source Region",
            SummaryColumn::Obligation => "Obligation",
            SummaryColumn::Recommended => "Recommended",
            SummaryColumn::CallId => "ID to call",
            SummaryColumn::Residency => "Residency",
            SummaryColumn::Price => "Price per million tokens",
            SummaryColumn::Warnings => "Warnings",
        }
    }
}

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
    /// Whether something is recommended but an urgent warning is open (a stated requirement
    /// unmet, or a call that will fail as planned): never shown as a plain pass.
    pub attention: bool,
    /// The residency verdict in words, covering storage as well as processing: `Inside the
    /// obligation: processed only in 6 Regions in 6 countries; nothing kept`, or `No obligation:
    /// processed, and where retained stored, in 3 Regions in 1 country`.
    pub verdict: String,
    /// The chosen option's price per million tokens, when the price list has one, or how it is
    /// billed (Provisioned Throughput).
    pub price: Option<String>,
    /// How many warnings (nothing recommended counts as one).
    pub warnings: usize,
    /// How many of them are urgent.
    pub urgent: usize,
}

impl SummaryLine {
    /// The mark every summary puts before the verdict: `✓` (recommended, nothing urgent), `⚠`
    /// (recommended, something urgent to read first) or `✗` (nothing recommended).
    pub fn mark(&self) -> &'static str {
        match (self.compliant, self.attention) {
            (true, false) => "✓",
            (true, true) => "⚠",
            (false, _) => "✗",
        }
    }

    /// The verdict's style: `verdict-yes`, `verdict-warn` or `verdict-no`, as [`Self::mark`].
    pub fn verdict_class(&self) -> &'static str {
        match (self.compliant, self.attention) {
            (true, false) => "verdict-yes",
            (true, true) => "verdict-warn",
            (false, _) => "verdict-no",
        }
    }

    /// The warnings column: `4`, or `4 (1 urgent)`.
    pub fn warnings_label(&self) -> String {
        match self.urgent {
            0 => self.warnings.to_string(),
            urgent => format!("{} ({urgent} urgent)", self.warnings),
        }
    }

    /// The line of `workload`, for which the engine recommended `rec`.
    fn of(catalog: &Catalog, workload: &Workload<'_>, rec: &Recommendation) -> SummaryLine {
        let chosen = rec.chosen_option();
        SummaryLine {
            option: chosen.map_or_else(
                || NO_ELIGIBLE_OPTION.to_owned(),
                |o| match rec.tier {
                    Some(tier) => format!("{}, {} tier", o.label(), tier.name()),
                    None => o.label(),
                },
            ),
            call_id: chosen.and_then(|o| o.call_id()).map(str::to_owned),
            compliant: chosen.is_some(),
            attention: chosen.is_some() && rec.urgent_count() > 0,
            verdict: match chosen {
                Some(o) => {
                    let obligation = workload.spec().residency != Residency::None;
                    let regions = regions_in_countries(catalog, &o.processing_regions);
                    let only = if obligation { " only" } else { "" };
                    let scope = match catalog.retention_of(&workload.model().id) {
                        Some(f) if f.keeps_prompts() => {
                            format!("processed, and where retained stored,{only} in {regions}")
                        }
                        Some(_) => format!("processed{only} in {regions}; nothing kept"),
                        None => format!("processed{only} in {regions}; retention unknown"),
                    };
                    let head = if obligation {
                        "Inside the obligation"
                    } else {
                        "No obligation"
                    };
                    format!("{head}: {scope}")
                }
                None => "No option inside the obligation".to_owned(),
            },
            price: chosen.and_then(|o| match (rec.tier, o.kind) {
                (_, OptionKind::Provisioned) => Some("Hourly per model unit".to_owned()),
                (Some(Tier::Reserved), _) => Some("Priced by the AWS account team".to_owned()),
                (Some(tier), _) => o.tier(tier).and_then(|t| t.price.as_ref()).map(per_million),
                (None, _) => o.price.as_ref().map(per_million),
            }),
            warnings: rec.warnings.len(),
            urgent: rec.urgent_count(),
        }
    }
}

/// A whole plan, evaluated: its header and one entry per workload, in plan order.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanEvaluation<'c> {
    /// The plan's name and review date.
    pub header: PlanHeader,
    /// The workloads' evaluations, shared with the views that render them.
    pub workloads: Vec<Rc<WorkloadEvaluation<'c>>>,
    /// The day it was evaluated on (dates such as a program's end are judged against it).
    pub today: Day,
    /// The quota pools the chosen options draw on at the peak, summed over workloads.
    pub pools: Vec<PoolLoad>,
    /// The daily tokens per source Region against the cross-model daily quota.
    pub daily: Vec<DailyLoad>,
}

/// A long Region list the comparisons summarise, printed once at the end of a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegionList {
    /// The IDs (or option labels, where there is no ID) whose list it is, in plan order.
    pub owners: Vec<String>,
    /// The Regions, each with its country: `eu-west-1 (Ireland)`.
    pub regions: Vec<String>,
}

impl<'c> PlanEvaluation<'c> {
    /// Every long list of where an option may process the prompt, once each (the global profile
    /// of several models shares one), in order of first appearance.
    pub fn region_lists(&self) -> Vec<RegionList> {
        let mut lists: Vec<RegionList> = Vec::new();
        for e in &self.workloads {
            let Some(row) = e.comparison.rows.iter().find(|r| r.label == PROCESSING) else {
                continue;
            };
            for (cell, column) in row.cells.iter().zip(&e.comparison.columns) {
                if cell.more.is_empty() {
                    continue;
                }
                let owner = column
                    .call_id
                    .clone()
                    .unwrap_or_else(|| column.label.clone());
                match lists.iter_mut().find(|l| l.regions == cell.more) {
                    Some(list) if list.owners.contains(&owner) => {}
                    Some(list) => list.owners.push(owner),
                    None => lists.push(RegionList {
                        owners: vec![owner],
                        regions: cell.more.clone(),
                    }),
                }
            }
        }
        lists
    }

    /// Evaluates every workload of `plan` on `today`, then the checks that span workloads: two
    /// workloads in one source Region that need different data retention modes are told so, and
    /// neither is offered an account change.
    pub fn of(catalog: &Catalog, plan: &Plan<'c>, today: Day) -> PlanEvaluation<'c> {
        let account = &plan.header.account;
        let workloads: Vec<&Workload<'c>> = plan.workloads.iter().collect();
        let conflicts = retention::conflicts(catalog, &workloads);
        let evaluated: Vec<Rc<WorkloadEvaluation<'c>>> = workloads
            .into_iter()
            .zip(conflicts)
            .map(|(w, conflict)| {
                let setting = Setting { account, conflict };
                Rc::new(WorkloadEvaluation::in_setting(catalog, w, &setting, today))
            })
            .collect();
        let pools = plan_pools(
            catalog,
            account,
            evaluated
                .iter()
                .filter_map(|e| Some((&e.workload, e.chosen()?))),
        );
        PlanEvaluation {
            today,
            header: plan.header.clone(),
            pools,
            daily: daily_loads(catalog, plan.workloads.iter()),
            workloads: evaluated,
        }
    }

    /// One workload evaluated as it would be in `plan`: in place of the workload at `replacing`,
    /// or added after the others; with the plan's account and the conflict check against the
    /// others. The wizard's result so far uses it, so it says what the plan will say once the
    /// workload is saved.
    pub fn preview(
        catalog: &Catalog,
        plan: &Plan<'c>,
        workload: &Workload<'c>,
        replacing: Option<usize>,
        today: Day,
    ) -> WorkloadEvaluation<'c> {
        let mut workloads: Vec<&Workload<'c>> = plan.workloads.iter().collect();
        let at = match replacing.filter(|&i| i < workloads.len()) {
            Some(i) => {
                workloads[i] = workload;
                i
            }
            None => {
                workloads.push(workload);
                workloads.len() - 1
            }
        };
        let conflict = retention::conflicts(catalog, &workloads)
            .into_iter()
            .nth(at)
            .flatten();
        let setting = Setting {
            account: &plan.header.account,
            conflict,
        };
        WorkloadEvaluation::in_setting(catalog, workload, &setting, today)
    }
}

/// The insurer plan (`tests/fixtures/plans/insurer.json`) on the real catalog, evaluated on the
/// day the fixtures are recorded: the output tests' common case.
#[cfg(test)]
pub(crate) fn insurer() -> PlanEvaluation<'static> {
    let catalog = crate::catalog::data::catalog().expect("catalog");
    let text = include_str!("../../../../tests/fixtures/plans/insurer.json");
    let plan = Plan::parse(text, catalog).expect("plan");
    PlanEvaluation::of(catalog, &plan, Day::parse("2026-12-02").expect("day"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_region_lists_are_listed_once_for_the_whole_plan() {
        let lists = insurer().region_lists();
        // The global profiles of four models go to the same 31 Regions (gpt-oss has none); the
        // EU profiles of Sonnet 4.5 and Opus 5.5 to the same 6; Japan's 2 and the US's 3
        // Regions are short enough to list in place.
        let shapes: Vec<(usize, usize)> = lists
            .iter()
            .map(|l| (l.owners.len(), l.regions.len()))
            .collect();
        assert_eq!(shapes, [(4, 31), (2, 6)], "{lists:?}");
        assert_eq!(
            lists[0].owners[0],
            "global.anthropic.claude-sonnet-4-5-20250929-v1:0"
        );
        assert_eq!(
            lists[1].owners,
            [
                "eu.anthropic.claude-sonnet-4-5-20250929-v1:0",
                "eu.anthropic.claude-opus-5-5"
            ]
        );
        assert_eq!(lists[1].regions[0], "eu-central-1 (Germany)");
    }
}

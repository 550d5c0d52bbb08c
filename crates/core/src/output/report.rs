//! A plan's evaluation as a report: the JSON the command line prints (its shape is documented in
//! the README) and the Markdown summary and comparison tables for pasting into a proposal. Both
//! render a [`PlanEvaluation`]; nothing here decides.

use crate::catalog::ids::{ModelId, ProfileId, RegionCode};
use crate::catalog::schema::{Endpoint, Price};
use crate::catalog::Catalog;
use crate::engine::options::{OptionKind, Violation};
use crate::engine::suggest::Alternative;
use crate::engine::{Reason, Warning};
use crate::output::evaluation::{PlanEvaluation, SummaryColumn, WorkloadEvaluation};
use crate::output::markdown::{self, cell};
use serde::Serialize;

/// The whole report.
#[derive(Debug, Serialize)]
pub struct Report {
    /// The catalog's as-of date.
    pub catalog_as_of: String,
    /// One entry per workload, in plan order.
    pub workloads: Vec<WorkloadReport>,
}

/// One workload's result.
#[derive(Debug, Serialize)]
pub struct WorkloadReport {
    /// The workload's name.
    pub name: String,
    /// What to call.
    pub recommendation: Chosen,
    /// Every option evaluated.
    pub options: Vec<OptionReport>,
    /// Why, with sources.
    pub reasons: Vec<Reason>,
    /// What to watch out for, urgent ones first.
    pub warnings: Vec<Warning>,
    /// Suggestions when nothing is eligible.
    pub alternatives: Vec<Alternative>,
}

/// The chosen option.
#[derive(Debug, Serialize)]
pub struct Chosen {
    /// Which kind, `none` when nothing is eligible.
    #[serde(serialize_with = "kind_or_none")]
    pub option: Option<OptionKind>,
    /// The model.
    pub model_id: ModelId,
    /// The profile to call, if the option is a profile.
    pub profile_id: Option<ProfileId>,
    /// Where the call is made from.
    pub source_region: RegionCode,
    /// Where the prompt may be processed, sorted.
    pub processing_regions: Vec<RegionCode>,
}

/// One option's evaluation.
#[derive(Debug, Serialize)]
pub struct OptionReport {
    /// Which kind.
    pub option: OptionKind,
    /// The profile, for profile options.
    pub profile_id: Option<ProfileId>,
    /// Offered from this source.
    pub available: bool,
    /// Where the prompt may be processed, sorted.
    pub processing_regions: Vec<RegionCode>,
    /// Every processing Region allowed by the obligation.
    pub residency_ok: bool,
    /// The processing Regions outside it, with countries.
    pub violations: Vec<Violation>,
    /// Allowed by the organisation policy.
    pub org_policy_ok: bool,
    /// Available and both fits hold.
    pub eligible: bool,
    /// `bedrock-runtime` or `bedrock-mantle`; `null` for Provisioned Throughput.
    pub endpoint: Option<Endpoint>,
    /// The bedrock-mantle APIs that serve the ID there (empty when none).
    pub mantle_apis: Vec<String>,
    /// The per-token price, when the price list has one.
    pub price: Option<PriceReport>,
    /// The monthly estimate in USD, when the workload gives tokens a month (`null` without a
    /// price); absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub monthly_usd: Option<Option<f64>>,
}

/// A per-token price as the report prints it.
#[derive(Debug, Serialize)]
pub struct PriceReport {
    /// USD per million input tokens.
    pub input_per_mtok: f64,
    /// USD per million output tokens.
    pub output_per_mtok: f64,
    /// Always `USD`.
    pub currency: &'static str,
    /// The price list and the key the figure comes from.
    pub source: String,
    /// The price list's as-of date.
    pub as_of: String,
}

impl PriceReport {
    fn of(price: &Price) -> PriceReport {
        PriceReport {
            input_per_mtok: price.input as f64 / 1e6,
            output_per_mtok: price.output as f64 / 1e6,
            currency: "USD",
            source: format!("{}: {}", price.source, price.key),
            as_of: price.as_of.clone(),
        }
    }
}

fn kind_or_none<S: serde::Serializer>(kind: &Option<OptionKind>, s: S) -> Result<S::Ok, S::Error> {
    match kind {
        Some(kind) => kind.serialize(s),
        None => s.serialize_str("none"),
    }
}

fn workload_report(evaluation: &WorkloadEvaluation<'_>) -> WorkloadReport {
    let workload = &evaluation.workload;
    let rec = &evaluation.recommendation;
    let chosen = rec.chosen_option();
    let spec = workload.spec();
    WorkloadReport {
        name: spec.name.clone(),
        recommendation: Chosen {
            option: rec.kind(),
            model_id: spec.model_id.clone(),
            profile_id: chosen.and_then(|o| o.profile_id().cloned()),
            source_region: spec.source_region.clone(),
            processing_regions: chosen
                .map(|o| o.processing_regions.clone())
                .unwrap_or_default(),
        },
        options: rec
            .options
            .iter()
            .map(|o| OptionReport {
                option: o.kind,
                profile_id: o.profile_id().cloned(),
                available: o.eligibility.is_offered(),
                processing_regions: o.processing_regions.clone(),
                residency_ok: o.eligibility.violations().is_empty(),
                violations: o.eligibility.violations().to_vec(),
                org_policy_ok: o.eligibility.policy_problem().is_none(),
                eligible: o.is_eligible(),
                endpoint: o.endpoint,
                mantle_apis: o.mantle_apis.clone(),
                price: o.price.as_ref().map(PriceReport::of),
                monthly_usd: spec.tokens_per_month.map(|tokens| {
                    o.price
                        .as_ref()
                        .map(|p| (tokens.cost(p) as f64 / 1e4).round() / 100.0)
                }),
            })
            .collect(),
        reasons: rec.reasons.clone(),
        warnings: rec.warnings.clone(),
        alternatives: rec.alternatives.clone(),
    }
}

/// The report of an evaluated plan.
pub fn report(catalog: &Catalog, evaluation: &PlanEvaluation<'_>) -> Report {
    Report {
        catalog_as_of: catalog.meta.as_of.clone(),
        workloads: evaluation
            .workloads
            .iter()
            .map(|e| workload_report(e))
            .collect(),
    }
}

/// The report as pretty JSON.
pub fn to_json(report: &Report) -> String {
    serde_json::to_string_pretty(report).unwrap_or_default()
}

/// The plan summary and each workload's comparison table, in Markdown.
pub fn to_markdown(catalog: &Catalog, evaluation: &PlanEvaluation<'_>) -> String {
    let mut out = format!(
        "# {}\n\nCatalog as of {}.\n\n",
        markdown::text(evaluation.header.title()),
        catalog.meta.as_of
    );
    let labels: Vec<&str> = SummaryColumn::ALL.iter().map(|c| c.label()).collect();
    out.push_str(&format!("| {} |\n", labels.join(" | ")));
    out.push_str(&format!("|{}\n", "---|".repeat(labels.len())));
    for e in &evaluation.workloads {
        let cells: Vec<String> = SummaryColumn::ALL
            .iter()
            .map(|c| summary_cell(catalog, e, *c))
            .collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    for e in &evaluation.workloads {
        out.push_str(&format!("\n## {}\n\n", cell(e.workload.name())));
        workload_markdown(&mut out, e);
    }
    out
}

/// A workload's cell of the summary in Markdown.
fn summary_cell(catalog: &Catalog, e: &WorkloadEvaluation<'_>, column: SummaryColumn) -> String {
    let spec = e.workload.spec();
    let line = &e.summary;
    match column {
        SummaryColumn::Workload => cell(&spec.name),
        SummaryColumn::Model => cell(spec.model_id.as_str()),
        SummaryColumn::Source => spec.source_region.to_string(),
        SummaryColumn::Obligation => cell(&spec.residency.describe(catalog)),
        SummaryColumn::Recommended => line.option.clone(),
        SummaryColumn::CallId => line
            .call_id
            .as_ref()
            .map_or("—".to_owned(), |id| format!("`{id}`")),
        SummaryColumn::Residency => line.verdict.clone(),
        SummaryColumn::Price => line.price.clone().unwrap_or_else(|| "—".to_owned()),
        SummaryColumn::Warnings => line.warnings.to_string(),
    }
}

/// One workload's comparison table, reasons and warnings.
fn workload_markdown(out: &mut String, evaluation: &WorkloadEvaluation<'_>) {
    let table = &evaluation.comparison;
    out.push_str("| |");
    for c in &table.columns {
        let mark = if c.recommended { " (recommended)" } else { "" };
        out.push_str(&format!(" {}{mark} |", cell(&c.label)));
    }
    out.push_str("\n|---|");
    out.push_str(&"---|".repeat(table.columns.len()));
    out.push('\n');
    for row in &table.rows {
        out.push_str(&format!("| {} |", row.label));
        for c in &row.cells {
            // Markdown has no disclosure: the full list follows its summary.
            let lines: Vec<String> = c.lines.iter().chain(&c.more).cloned().collect();
            out.push_str(&format!(" {} |", markdown::lines(&lines)));
        }
        out.push('\n');
    }
    let rec = &evaluation.recommendation;
    if !rec.reasons.is_empty() {
        out.push_str("\nWhy:\n\n");
        for r in &rec.reasons {
            out.push_str(&format!("- {} ([source]({}))\n", r.text, r.source.href()));
        }
    }
    if !rec.warnings.is_empty() {
        out.push_str("\nWarnings:\n\n");
        for warning in &rec.warnings {
            out.push_str(&format!("- {warning}\n"));
        }
    }
}

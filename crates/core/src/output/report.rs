//! A plan's evaluation as a report: the JSON the command line prints (its shape is documented in
//! the README) and the Markdown summary and comparison tables for pasting into a proposal. Both
//! render a [`PlanEvaluation`]; nothing here decides.

use crate::catalog::calendar::Day;
use crate::catalog::ids::{ModelId, ProfileId, RegionCode};
use crate::catalog::retention::{Basis, Retained, RetentionFacts, RetentionMode};
use crate::catalog::schema::{Endpoint, Price};
use crate::catalog::Catalog;
use crate::engine::capacity::{Capacity, PoolLoad};
use crate::engine::options::{OptionEval, OptionKind, Violation};
use crate::engine::retention::AccountChange;
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
    /// The quota pools the chosen options draw on at the peak, each with its workloads.
    pub pools: Vec<PoolLoad>,
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
    /// The account setting the call needs, if any.
    pub account_change: Option<AccountChange>,
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
    /// The model keeps no more than the retention obligation accepts (true when none is
    /// stated).
    pub retention_ok: bool,
    /// What the model keeps through this option, and where; `null` when the catalog has no
    /// retention facts.
    pub data_retention: Option<RetentionReport>,
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
    /// The peak against the option's on-demand quota pool, when the workload gives a peak
    /// (`null` for an option not offered); absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capacity: Option<Option<Capacity>>,
}

/// An option's data retention facts as the report prints them.
#[derive(Debug, Serialize)]
pub struct RetentionReport {
    /// The lowest mode the model runs at.
    pub minimum_mode: RetentionMode,
    /// `all`, `flagged` or `nothing`.
    pub retained: Retained,
    /// For how long at most, in days; `null` when nothing is kept or no term is stated.
    pub retention_days: Option<u32>,
    /// Whether AWS staff may review flagged traffic.
    pub human_review: bool,
    /// Whether it is shared with the model provider.
    pub shared_with_provider: bool,
    /// Where retained data would be stored: the option's processing Regions when something is
    /// kept, else none.
    pub storage_regions: Vec<RegionCode>,
    /// How to get zero retention, on the report's day.
    pub zero_retention: ZeroRetentionReport,
    /// `named` (the pages name the model) or `general_rule` (they do not: "by default, Amazon
    /// Bedrock does not store model inputs or outputs").
    pub basis: &'static str,
}

/// The zero-retention route.
#[derive(Debug, Serialize)]
pub struct ZeroRetentionReport {
    /// `available`, `on_request`, `program` or `unavailable`.
    pub route: &'static str,
    /// A program's last day.
    pub until: Option<String>,
}

impl RetentionReport {
    fn of(facts: &RetentionFacts, option: &OptionEval, today: Day) -> RetentionReport {
        let route = facts.zero_retention.on(today);
        RetentionReport {
            minimum_mode: facts.minimum,
            retained: facts.retained,
            retention_days: facts.days.filter(|_| facts.keeps_prompts()),
            human_review: facts.human_review,
            shared_with_provider: facts.shared_with_provider,
            storage_regions: if facts.keeps_prompts() {
                option.processing_regions.clone()
            } else {
                Vec::new()
            },
            zero_retention: ZeroRetentionReport {
                route: route.key(),
                until: route.until().map(str::to_owned),
            },
            basis: match facts.basis {
                Basis::Named => "named",
                Basis::GeneralRule => "general_rule",
            },
        }
    }
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

fn workload_report(
    catalog: &Catalog,
    evaluation: &WorkloadEvaluation<'_>,
    today: Day,
) -> WorkloadReport {
    let workload = &evaluation.workload;
    let facts = catalog.retention_of(&workload.model().id);
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
            account_change: rec.account_change.clone(),
        },
        options: rec
            .options
            .iter()
            .enumerate()
            .map(|(i, o)| OptionReport {
                option: o.kind,
                profile_id: o.profile_id().cloned(),
                available: o.eligibility.is_offered(),
                processing_regions: o.processing_regions.clone(),
                residency_ok: o.eligibility.violations().is_empty(),
                violations: o.eligibility.violations().to_vec(),
                org_policy_ok: o.eligibility.policy_problem().is_none(),
                retention_ok: o.eligibility.retention_problem().is_none(),
                data_retention: facts.map(|f| RetentionReport::of(f, o, today)),
                eligible: o.is_eligible(),
                endpoint: o.endpoint,
                mantle_apis: o.mantle_apis.clone(),
                price: o.price.as_ref().map(PriceReport::of),
                monthly_usd: spec.tokens_per_month.map(|tokens| {
                    o.price
                        .as_ref()
                        .map(|p| (tokens.cost(p) as f64 / 1e4).round() / 100.0)
                }),
                capacity: spec.peak.map(|_| rec.capacity_of(i).cloned()),
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
            .map(|e| workload_report(catalog, e, evaluation.today))
            .collect(),
        pools: evaluation.pools.clone(),
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
    if !evaluation.pools.is_empty() {
        out.push_str("\n## Capacity at the peak\n\nTokens a minute each quota pool must hold at the workloads' peaks (`atlas capacity` prints the Service Quotas commands).\n\n");
        out.push_str(&crate::output::capacity::pools_table(&evaluation.pools));
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
        SummaryColumn::Recommended => {
            format!("{}{}", if line.compliant { "" } else { "✗ " }, line.option)
        }
        SummaryColumn::CallId => line
            .call_id
            .as_ref()
            .map_or("—".to_owned(), |id| format!("`{id}`")),
        SummaryColumn::Residency => format!("{} {}", line.mark(), line.verdict),
        SummaryColumn::Price => line.price.clone().unwrap_or_else(|| "—".to_owned()),
        SummaryColumn::Warnings => line.warnings_label(),
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
            let mark = if warning.urgent { "**Urgent:** " } else { "" };
            out.push_str(&format!("- {mark}{warning}\n"));
        }
    }
}

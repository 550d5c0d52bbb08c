//! A plan's evaluation as a report: the JSON the command line prints (its shape is documented in
//! the README) and the Markdown summary and comparison tables for pasting into a proposal.

use super::catalog::Catalog;
use super::compare::compare;
use super::engine::{recommend, Alternative, OptionKind, Reason, Recommendation, Violation};
use super::ids::{ModelId, ProfileId, RegionCode};
use super::plan::{Plan, Workload};
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
    /// What to watch out for.
    pub warnings: Vec<String>,
    /// Suggestions when nothing is eligible.
    pub alternatives: Vec<Alternative>,
}

/// The chosen option.
#[derive(Debug, Serialize)]
pub struct Chosen {
    /// Which kind, `none` when nothing is eligible.
    pub option: OptionKind,
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
}

fn workload_report(workload: &Workload, rec: Recommendation) -> WorkloadReport {
    let chosen = rec.chosen_option();
    WorkloadReport {
        name: workload.name.clone(),
        recommendation: Chosen {
            option: rec.kind(),
            model_id: workload.model_id.clone(),
            profile_id: chosen.and_then(|o| o.profile_id.clone()),
            source_region: workload.source_region.clone(),
            processing_regions: chosen
                .map(|o| o.processing_regions.clone())
                .unwrap_or_default(),
        },
        options: rec
            .options
            .iter()
            .map(|o| OptionReport {
                option: o.option,
                profile_id: o.profile_id.clone(),
                available: o.available,
                processing_regions: o.processing_regions.clone(),
                residency_ok: o.residency_ok,
                violations: o.violations.clone(),
                org_policy_ok: o.org_policy_ok,
                eligible: o.eligible,
            })
            .collect(),
        reasons: rec.reasons,
        warnings: rec.warnings,
        alternatives: rec.alternatives,
    }
}

/// Evaluates every workload of a plan.
pub fn report(catalog: &Catalog, plan: &Plan) -> Report {
    Report {
        catalog_as_of: catalog.meta.as_of.clone(),
        workloads: plan
            .workloads
            .iter()
            .map(|w| workload_report(w, recommend(catalog, w)))
            .collect(),
    }
}

/// The report as pretty JSON.
pub fn to_json(report: &Report) -> String {
    serde_json::to_string_pretty(report).unwrap_or_default()
}

/// Escapes a table cell: pipes and line breaks would break the Markdown table.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// The plan summary and each workload's comparison table, in Markdown.
pub fn to_markdown(catalog: &Catalog, plan: &Plan) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "# Bedrock inference plan\n\nCatalog as of {}.\n\n",
        catalog.meta.as_of
    ));
    out.push_str("| Workload | Model | Source Region | Obligation | Recommended | ID to call | Processing Regions | Warnings |\n");
    out.push_str("|---|---|---|---|---|---|---|---|\n");
    let recs: Vec<Recommendation> = plan
        .workloads
        .iter()
        .map(|w| recommend(catalog, w))
        .collect();
    for (w, rec) in plan.workloads.iter().zip(&recs) {
        let chosen = rec.chosen_option();
        let regions: Vec<&str> = chosen
            .map(|o| o.processing_regions.iter().map(|r| r.as_str()).collect())
            .unwrap_or_default();
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} | {} |\n",
            cell(&w.name),
            cell(w.model_id.as_str()),
            w.source_region,
            cell(&w.residency.describe(catalog)),
            chosen.map_or(OptionKind::None.label().to_owned(), |o| o.label()),
            chosen.map_or("—".to_owned(), |o| format!("`{}`", o.call_id)),
            regions.join(", "),
            rec.warnings.len()
        ));
    }
    for (w, rec) in plan.workloads.iter().zip(&recs) {
        out.push_str(&format!("\n## {}\n\n", cell(&w.name)));
        let table = compare(catalog, rec, w.source_region.as_str(), w.model_id.as_str());
        out.push_str("| |");
        for c in &table.columns {
            let mark = if c.recommended { " (recommended)" } else { "" };
            out.push_str(&format!(" {}{mark} |", cell(&c.label)));
        }
        out.push_str("\n|---|");
        out.push_str(&"---|".repeat(table.columns.len()));
        out.push('\n');
        out.push_str("| Eligible |");
        for c in &table.columns {
            let text = match &c.why_not {
                None => "Yes".to_owned(),
                Some(why) => format!("No: {why}"),
            };
            out.push_str(&format!(" {} |", cell(&text)));
        }
        out.push('\n');
        for row in &table.rows {
            out.push_str(&format!("| {} |", row.label));
            for lines in &row.cells {
                out.push_str(&format!(" {} |", cell(&lines.join("<br>"))));
            }
            out.push('\n');
        }
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
    out
}

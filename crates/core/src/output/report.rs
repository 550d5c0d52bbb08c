//! A plan's evaluation as a report: the JSON the command line prints (its shape is documented in
//! the README) and the Markdown summary and comparison tables for pasting into a proposal. Both
//! render a [`PlanEvaluation`]; nothing here decides.

use crate::catalog::calendar::Day;
use crate::catalog::ids::{ModelId, ProfileId, RegionCode};
use crate::catalog::retention::{Basis, Retained, RetentionFacts, RetentionMode};
use crate::catalog::schema::{Endpoint, Price};
use crate::catalog::tiers::Tier;
use crate::catalog::Catalog;
use crate::engine::capacity::{not_per_minute, reserved_capacity, Capacity, Load, PoolLoad};
use crate::engine::options::{OptionEval, OptionKind, Violation};
use crate::engine::retention::AccountChange;
use crate::engine::suggest::Alternative;
use crate::engine::{Reason, Warning};
use crate::output::evaluation::{PlanEvaluation, SummaryColumn, WorkloadEvaluation};
use crate::output::markdown::{self, cell};
use crate::plan::Account;
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
    /// How to buy it: the API's tier value (`reserved`, `priority`, `default`, `flex`) or
    /// `batch`; `null` for Provisioned Throughput and when nothing is eligible.
    pub tier: Option<Tier>,
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
    /// How the route can be bought; `price` and `monthly_usd` above are Standard's.
    pub tiers: Vec<TierReport>,
}

/// One tier of an option.
#[derive(Debug, Serialize)]
pub struct TierReport {
    /// The API's value, or `batch`.
    pub tier: Tier,
    /// Its per-token price; `null` where no price list has one (Reserved: the AWS account team
    /// prices it).
    pub price: Option<PriceReport>,
    /// The monthly estimate in USD at this tier's price; `null` without tokens a month or a
    /// price.
    pub monthly_usd: Option<f64>,
    /// The peak against this tier's capacity, when the workload gives a peak: Priority,
    /// Standard and Flex share the option's on-demand pool; Reserved is the plan's
    /// reservation (unknown without one); batch jobs have no per-minute pool (null pool, with
    /// the reason). Absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capacity: Option<Capacity>,
}

/// The peak against `tier` of the option at `i`, when the workload gives a peak.
fn tier_capacity(
    catalog: &Catalog,
    evaluation: &WorkloadEvaluation<'_>,
    account: &Account,
    (i, option): (usize, &OptionEval),
    tier: Tier,
) -> Option<Capacity> {
    let workload = &evaluation.workload;
    let peak = workload.spec().peak.as_ref()?;
    match tier {
        Tier::Reserved => Some(reserved_capacity(
            account,
            &workload.source().code,
            option.profile_id()?,
            peak,
        )),
        Tier::Batch => Some(not_per_minute(
            &Load::of(catalog, &workload.model().id, peak),
            "batch jobs have no per-minute pool: a job's records run within 24 hours".to_owned(),
        )),
        _ => evaluation.recommendation.capacity_of(i).cloned(),
    }
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
    account: &Account,
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
            tier: rec.tier,
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
                monthly_usd: spec
                    .tokens_per_month
                    .map(|tokens| o.price.as_ref().map(|p| usd(tokens.cost(p)))),
                capacity: spec.peak.map(|_| rec.capacity_of(i).cloned()),
                tiers: o
                    .tiers
                    .iter()
                    .map(|t| TierReport {
                        tier: t.tier,
                        price: t.price.as_ref().map(PriceReport::of),
                        monthly_usd: spec
                            .tokens_per_month
                            .zip(t.price.as_ref())
                            .map(|(tokens, p)| usd(tokens.cost(p))),
                        capacity: tier_capacity(catalog, evaluation, account, (i, o), t.tier),
                    })
                    .collect(),
            })
            .collect(),
        reasons: rec.reasons.clone(),
        warnings: rec.warnings.clone(),
        alternatives: rec.alternatives.clone(),
    }
}

/// Micro-USD as dollars, to the cent.
fn usd(micro_usd: u64) -> f64 {
    (micro_usd as f64 / 1e4).round() / 100.0
}

/// The report of an evaluated plan.
pub fn report(catalog: &Catalog, evaluation: &PlanEvaluation<'_>) -> Report {
    Report {
        catalog_as_of: catalog.meta.as_of.clone(),
        workloads: evaluation
            .workloads
            .iter()
            .map(|e| workload_report(catalog, e, &evaluation.header.account, evaluation.today))
            .collect(),
        pools: evaluation.pools.clone(),
    }
}

/// The report as pretty JSON.
pub fn to_json(report: &Report) -> String {
    serde_json::to_string_pretty(report).unwrap_or_default()
}

/// The plan summary and each workload's comparison table, in Markdown, this site's pages named
/// in words (see [`to_markdown_at`]).
pub fn to_markdown(catalog: &Catalog, evaluation: &PlanEvaluation<'_>) -> String {
    to_markdown_at(catalog, evaluation, None)
}

/// A site base URL for Markdown links (`atlas report --base`): `http://` or `https://`, with
/// nothing that would end a link's destination (spaces, parentheses, angle brackets, controls).
pub fn site_base(text: &str) -> Result<String, String> {
    let scheme = text.starts_with("https://") || text.starts_with("http://");
    let clean = !text
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || "()<>`".contains(c));
    if scheme && clean {
        Ok(format!("{}/", text.trim_end_matches('/')))
    } else {
        Err(format!(
            "--base {text:?}: expected an http:// or https:// URL without spaces, parentheses or angle brackets"
        ))
    }
}

/// A reason's source in Markdown: an AWS page as a link as it is; one of this site's pages as a
/// link under `base` (from [`site_base`]), or without one by its title in words (a relative link
/// breaks outside the site).
fn source(cite: crate::catalog::cite::Cite, base: Option<&str>) -> String {
    let href = cite.href();
    match base {
        _ if href.starts_with("https://") => format!("[source]({href})"),
        Some(base) => format!("[source]({base}{href})"),
        None => format!("source: this site's page \"{}\"", cite.title()),
    }
}

/// A suggestion when nothing is eligible, in words (the card's list item, as text).
fn alternative_text(catalog: &Catalog, alt: &Alternative) -> String {
    match alt {
        Alternative::SourceRegion {
            region,
            option,
            call_id,
        } => format!(
            "Call from {region} ({}): {} `{call_id}`",
            catalog.region(region).map_or("", |r| r.name.as_str()),
            option.label()
        ),
        Alternative::Model {
            model_id,
            option,
            call_id,
            why,
        } => format!(
            "Use {} instead: {} `{call_id}` ({why})",
            catalog
                .model(model_id)
                .map_or(model_id.as_str(), |m| m.name.as_str()),
            option.label()
        ),
        Alternative::ProvisionIn { regions } if regions.is_empty() => {
            "No Region that the obligation allows offers this model for Provisioned Throughput."
                .to_owned()
        }
        Alternative::ProvisionIn { regions } => {
            let list: Vec<&str> = regions.iter().map(|r| r.as_str()).collect();
            format!(
                "Buy Provisioned Throughput in a Region the obligation allows: {}",
                list.join(", ")
            )
        }
    }
}

/// [`to_markdown`] with this site's pages linked under `base` (from [`site_base`]), or named in
/// words without one.
pub fn to_markdown_at(
    catalog: &Catalog,
    evaluation: &PlanEvaluation<'_>,
    base: Option<&str>,
) -> String {
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
        workload_markdown(&mut out, catalog, e, base);
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
fn workload_markdown(
    out: &mut String,
    catalog: &Catalog,
    evaluation: &WorkloadEvaluation<'_>,
    base: Option<&str>,
) {
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
            out.push_str(&format!("- {} ({})\n", r.text, source(r.source, base)));
        }
    }
    if !rec.warnings.is_empty() {
        out.push_str("\nWarnings:\n\n");
        for warning in &rec.warnings {
            let mark = if warning.urgent { "**Urgent:** " } else { "" };
            out.push_str(&format!("- {mark}{warning}\n"));
        }
    }
    // The warning that nothing is recommended points here.
    if !rec.alternatives.is_empty() {
        out.push_str("\nWhat you could do instead:\n\n");
        for alt in &rec.alternatives {
            out.push_str(&format!("- {}\n", alternative_text(catalog, alt)));
        }
    }
}

#[cfg(test)]
mod markdown_links {
    use super::*;
    use crate::catalog::cite::Cite;

    #[test]
    fn sources_link_absolutely_or_are_named_in_words() {
        // cite, base, Markdown
        let aws =
            "https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html";
        let cases = [
            (Cite::ProfilesSupport, None, format!("[source]({aws})")),
            (
                Cite::ProfilesSupport,
                Some("https://atlas.example/"),
                format!("[source]({aws})"),
            ),
            (
                Cite::ConceptChoice,
                Some("https://atlas.example/"),
                "[source](https://atlas.example/concepts/choice/)".to_owned(),
            ),
            (
                Cite::ConceptChoice,
                None,
                "source: this site's page \"Concepts: how the recommendation is chosen\""
                    .to_owned(),
            ),
        ];
        for (cite, base, expected) in cases {
            assert_eq!(source(cite, base), expected, "{cite:?} {base:?}");
        }
    }

    #[test]
    fn a_base_is_an_http_url_a_link_can_hold() {
        assert_eq!(
            site_base("https://atlas.example").as_deref(),
            Ok("https://atlas.example/")
        );
        assert_eq!(
            site_base("http://127.0.0.1:8080/atlas/").as_deref(),
            Ok("http://127.0.0.1:8080/atlas/")
        );
        for bad in [
            "atlas.example",
            "javascript:alert(1)",
            "https://a.example/x)y",
            "https://a b",
            "https://a/<x>",
        ] {
            assert!(site_base(bad).is_err(), "{bad}");
        }
    }
}

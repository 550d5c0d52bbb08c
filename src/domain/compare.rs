//! The side-by-side comparison of every option for one workload, as rows of plain text that the
//! app renders as a table and the command line prints as Markdown. Also the IAM resources each
//! option needs.

use super::catalog::{Catalog, Partition};
use super::engine::{OptionEval, OptionKind, Recommendation};
use super::geo::fixed;
use super::ids::RegionCode;
use std::collections::BTreeSet;

/// The placeholder for the caller's account ID in ARNs.
pub const ACCOUNT: &str = "<account-id>";

/// One column: an option.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// Heading, such as `Geographic (EU)`.
    pub label: String,
    /// The ID to call.
    pub call_id: String,
    /// The engine chose it.
    pub recommended: bool,
    /// It is eligible.
    pub eligible: bool,
    /// Why it is not eligible.
    pub why_not: Option<String>,
}

/// One row: an aspect, with one cell per column.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// What the row compares.
    pub label: &'static str,
    /// One cell per column; a cell may hold several lines.
    pub cells: Vec<Vec<String>>,
}

/// The comparison table of one workload.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The options.
    pub columns: Vec<Column>,
    /// The aspects.
    pub rows: Vec<Row>,
}

fn arn_partition(catalog: &Catalog, region: &str) -> &'static str {
    match catalog.region(region).map(|r| r.partition) {
        Some(Partition::GovCloud) => "aws-us-gov",
        _ => "aws",
    }
}

/// The resources an IAM policy must allow `bedrock:InvokeModel*` on for this option, called from
/// `source` (AWS: geographic and global cross-Region inference IAM pages).
pub fn iam_resources(
    catalog: &Catalog,
    option: &OptionEval,
    source: &str,
    model: &str,
) -> Vec<String> {
    invoke_resources(
        catalog,
        option.option,
        &option.call_id,
        source,
        model,
        &option.processing_regions,
    )
}

/// The resources to allow `bedrock:InvokeModel*` on to call `call_id` (a profile or model ID)
/// of kind `kind` from `source`, where `processing` are the Regions that may process the prompt.
/// Geographic profiles need the profile in the source and the foundation model in the source and
/// every destination; global ones the profile and model in the source plus the Region-less
/// foundation-model ARN (AWS: geographic and global cross-Region inference IAM pages).
pub fn invoke_resources(
    catalog: &Catalog,
    kind: OptionKind,
    call_id: &str,
    source: &str,
    model: &str,
    processing: &[RegionCode],
) -> Vec<String> {
    let p = arn_partition(catalog, source);
    let fm = |region: &str| format!("arn:{p}:bedrock:{region}::foundation-model/{model}");
    let profile = || format!("arn:{p}:bedrock:{source}:{ACCOUNT}:inference-profile/{call_id}");
    match kind {
        OptionKind::Global => vec![
            profile(),
            fm(source),
            format!("arn:{p}:bedrock:::foundation-model/{model}"),
        ],
        OptionKind::Geographic => {
            let mut regions: BTreeSet<&str> = processing.iter().map(RegionCode::as_str).collect();
            regions.insert(source);
            let mut list = vec![profile()];
            list.extend(regions.into_iter().map(fm));
            list
        }
        OptionKind::InRegion => vec![fm(source)],
        OptionKind::Provisioned => vec![format!(
            "arn:{p}:bedrock:{source}:{ACCOUNT}:provisioned-model/<provisioned-model-id>"
        )],
        OptionKind::None => Vec::new(),
    }
}

fn yes_no(ok: bool, detail: Option<String>) -> Vec<String> {
    match (ok, detail) {
        (true, _) => vec!["Yes".into()],
        (false, Some(d)) => vec![format!("No: {d}")],
        (false, None) => vec!["No".into()],
    }
}

fn per_kind(kind: OptionKind, texts: [&str; 4]) -> Vec<String> {
    let i = match kind {
        OptionKind::Global => 0,
        OptionKind::Geographic => 1,
        OptionKind::InRegion => 2,
        _ => 3,
    };
    vec![texts[i].to_owned()]
}

/// Builds the comparison table for a recommendation.
pub fn compare(catalog: &Catalog, rec: &Recommendation, source: &str, model: &str) -> Comparison {
    let options = &rec.options;
    let columns = options
        .iter()
        .enumerate()
        .map(|(i, o)| Column {
            label: o.label(),
            call_id: o.call_id.clone(),
            recommended: rec.chosen == Some(i),
            eligible: o.eligible,
            why_not: o.ineligible_because(),
        })
        .collect();
    let row = |label: &'static str, cell: &dyn Fn(&OptionEval) -> Vec<String>| Row {
        label,
        cells: options.iter().map(cell).collect(),
    };
    let not_offered = |o: &OptionEval, f: &dyn Fn(&OptionEval) -> Vec<String>| {
        if o.available {
            f(o)
        } else {
            vec!["Not offered".into()]
        }
    };
    let rows = vec![
        row("ID to call", &|o| {
            not_offered(o, &|o| vec![o.call_id.clone()])
        }),
        row("Where the prompt may be processed", &|o| {
            not_offered(o, &|o| {
                o.processing_regions
                    .iter()
                    .map(|r| format!("{r} ({})", catalog.country_name_of(r.as_str())))
                    .collect()
            })
        }),
        row("Residency fit", &|o| {
            not_offered(o, &|o| {
                let detail = (!o.violations.is_empty()).then(|| {
                    let list: Vec<String> = o
                        .violations
                        .iter()
                        .map(|v| format!("{} ({})", v.region, v.country))
                        .collect();
                    format!("processes in {}", list.join(", "))
                });
                yes_no(o.residency_ok, detail)
            })
        }),
        row("Organisation policy fit", &|o| {
            yes_no(o.org_policy_ok, o.org_policy_problem.clone())
        }),
        row("Effective throughput", &|o| {
            let pool = match o.processing_regions.len() {
                1 => "1 Region".to_owned(),
                n => format!("{n} Regions"),
            };
            match o.option {
                OptionKind::Global => vec![format!("Largest: on-demand capacity of every commercial Region ({pool} listed), global cross-Region quotas")],
                OptionKind::Geographic => vec![format!("Pooled across {pool} of the geography, cross-Region quotas")],
                OptionKind::InRegion => vec!["One Region's on-demand quota".into()],
                _ => vec!["Fixed: the model units you buy".into()],
            }
        }),
        row("Resilience under load", &|o| {
            per_kind(
                o.option,
                [
                    "Highest: load moves to any commercial Region",
                    "Load moves between the geography's Regions",
                    "None beyond the source Region",
                    "Reserved capacity in one Region; no failover",
                ],
            )
        }),
        row("Throttling at spikes", &|o| {
            per_kind(
                o.option,
                [
                    "Least likely",
                    "Less likely than in one Region",
                    "Most likely: spikes hit one Region's quota",
                    "None within purchased model units; beyond them, requests throttle",
                ],
            )
        }),
        row("Per-token cost", &|o| {
            per_kind(o.option, [
                "Source Region's on-demand rate, no routing surcharge; lower than geographic for some models",
                "Source Region's on-demand rate, no routing surcharge",
                "Source Region's on-demand rate",
                "Hourly per model unit: no commitment, 1-month or 6-month term; billed until deleted",
            ])
        }),
        row("Extra network round trip (estimate)", &|o| {
            not_offered(o, &|o| {
                vec![format!(
                    "≥ {} ms to the farthest Region (great-circle, light in fibre)",
                    fixed(o.extra_round_trip_ms(), 0)
                )]
            })
        }),
        row("Setup (IAM resources)", &|o| {
            not_offered(o, &|o| {
                let mut lines = iam_resources(catalog, o, source, model);
                match o.option {
                    OptionKind::Global => {
                        lines.push("SCPs: allow aws:RequestedRegion \"unspecified\"".into())
                    }
                    OptionKind::Geographic => {
                        lines.push("SCPs: allow every destination Region".into())
                    }
                    OptionKind::Provisioned => {
                        lines.push("Request model units through AWS Support first".into())
                    }
                    _ => {}
                }
                lines
            })
        }),
        row("Best for", &|o| {
            per_kind(
                o.option,
                [
                    "Bursty or high-volume traffic without a residency obligation",
                    "Bursts under a regional residency obligation",
                    "Steady traffic, or a workload pinned to one Region",
                    "Guaranteed capacity, customized models",
                ],
            )
        }),
    ];
    Comparison { columns, rows }
}

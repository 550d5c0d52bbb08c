//! The side-by-side comparison of every option for one workload, as rows of plain text that the
//! app renders as a table and the command line prints as Markdown: first whether each option is
//! eligible, then one row per aspect.

use super::catalog::Catalog;
use super::engine::Recommendation;
use super::geo::fixed;
use super::iam::{invoke_resources, Call};
use super::money::{group_digits, monthly, per_million};
use super::options::{regions_with_countries, OptionEval, OptionKind};
use super::plan::Workload;
use super::schema::Endpoint;

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
}

/// One cell: its lines, and for yes/no aspects, which it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// One or more lines of text.
    pub lines: Vec<String>,
    /// `Some(true)` for a yes, `Some(false)` for a no, `None` for a description.
    pub verdict: Option<bool>,
}

impl Cell {
    fn text(lines: Vec<String>) -> Cell {
        Cell {
            lines,
            verdict: None,
        }
    }

    fn line(text: &str) -> Cell {
        Cell::text(vec![text.to_owned()])
    }

    /// `Yes`, or `No` with the reason.
    fn yes_no(ok: bool, detail: Option<String>) -> Cell {
        let line = match (ok, detail) {
            (true, _) => "Yes".to_owned(),
            (false, Some(d)) => format!("No: {d}"),
            (false, None) => "No".to_owned(),
        };
        Cell {
            lines: vec![line],
            verdict: Some(ok),
        }
    }
}

/// One row: an aspect, with one cell per column.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// What the row compares.
    pub label: &'static str,
    /// One cell per column.
    pub cells: Vec<Cell>,
}

/// The comparison table of one workload.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The options.
    pub columns: Vec<Column>,
    /// The aspects, `Eligible` first.
    pub rows: Vec<Row>,
}

/// The row label of the first row.
pub const ELIGIBLE: &str = "Eligible";
/// The label of the row naming the endpoint and its APIs.
pub const ENDPOINT: &str = "Endpoint and API";
/// The label of the row of per-token prices.
pub const PRICE: &str = "Price per million tokens";
/// The label of the row of monthly estimates (present when the workload gives tokens).
pub const MONTHLY: &str = "Monthly estimate";

/// The same text for every option of a kind: global, geographic, in-Region, provisioned.
fn per_kind(kind: OptionKind, texts: [&str; 4]) -> Cell {
    Cell::line(match kind {
        OptionKind::Global => texts[0],
        OptionKind::Geographic => texts[1],
        OptionKind::InRegion => texts[2],
        OptionKind::Provisioned => texts[3],
    })
}

/// `cell(o)` for an offered option, "Not offered" otherwise.
fn offered(o: &OptionEval, cell: impl Fn(&OptionEval) -> Cell) -> Cell {
    if o.eligibility.is_offered() {
        cell(o)
    } else {
        Cell::line("Not offered")
    }
}

fn processing(catalog: &Catalog, o: &OptionEval) -> Cell {
    Cell::text(
        o.processing_regions
            .iter()
            .map(|r| format!("{r} ({})", catalog.country_name_of(r)))
            .collect(),
    )
}

fn residency_fit(o: &OptionEval) -> Cell {
    let violations = o.eligibility.violations();
    let detail = (!violations.is_empty())
        .then(|| format!("processes in {}", regions_with_countries(violations)));
    Cell::yes_no(violations.is_empty(), detail)
}

fn throughput(o: &OptionEval) -> Cell {
    let pool = match o.processing_regions.len() {
        1 => "1 Region".to_owned(),
        n => format!("{n} Regions"),
    };
    match o.kind {
        OptionKind::Global => Cell::text(vec![format!("Largest: on-demand capacity of every commercial Region ({pool} listed), global cross-Region quotas")]),
        OptionKind::Geographic => Cell::text(vec![format!("Pooled across {pool} of the geography, cross-Region quotas")]),
        OptionKind::InRegion => Cell::line("One Region's on-demand quota"),
        OptionKind::Provisioned => Cell::line("Fixed: the model units you buy"),
    }
}

fn endpoint(o: &OptionEval) -> Cell {
    match o.endpoint {
        Some(Endpoint::Mantle) => Cell::text(vec![
            "bedrock-mantle (OpenAI-compatible)".into(),
            format!("APIs: {}", o.mantle_apis.join(", ")),
        ]),
        Some(Endpoint::Runtime) => Cell::line("bedrock-runtime: Converse, InvokeModel"),
        None => Cell::line("bedrock-runtime, with the provisioned model's ARN"),
    }
}

fn price(workload: &Workload<'_>, o: &OptionEval) -> Cell {
    match &o.price {
        Some(p) if !p.regional && o.kind == OptionKind::InRegion => Cell::text(vec![
            per_million(p),
            format!(
                "base price: the list has no {} entry",
                workload.source().code
            ),
        ]),
        Some(p) => Cell::line(&per_million(p)),
        None if o.kind == OptionKind::Provisioned => {
            Cell::line("Hourly per model unit: not in the price list")
        }
        None => Cell::line("No per-token price in the price list"),
    }
}

fn monthly_estimate(workload: &Workload<'_>, o: &OptionEval) -> Cell {
    match (&o.price, workload.spec().tokens_per_month) {
        (Some(p), Some(tokens)) => Cell::text(vec![
            monthly(p, tokens),
            format!(
                "{} input and {} output tokens",
                group_digits(tokens.input),
                group_digits(tokens.output)
            ),
        ]),
        _ => Cell::line("—"),
    }
}

fn setup(workload: &Workload<'_>, o: &OptionEval) -> Cell {
    let mut lines = invoke_resources(&Call {
        kind: o.kind,
        call_id: &o.call_id,
        model: &workload.model().id,
        source: workload.source(),
        processing: &o.processing_regions,
    });
    match o.kind {
        OptionKind::Global => lines.push("SCPs: allow aws:RequestedRegion \"unspecified\"".into()),
        OptionKind::Geographic => lines.push("SCPs: allow every destination Region".into()),
        OptionKind::Provisioned => {
            if !o.units.is_empty() {
                lines.push(format!(
                    "Model units AWS lists here: {}",
                    o.units.join(", ")
                ));
            }
            lines.push("Request model units through AWS Support first".into())
        }
        OptionKind::InRegion => {}
    }
    Cell::text(lines)
}

/// The aspects compared after `Eligible`, in row order.
#[derive(Debug, Clone, Copy)]
enum Aspect {
    CallId,
    Endpoint,
    Processing,
    Residency,
    Policy,
    Throughput,
    Resilience,
    Throttling,
    Price,
    Monthly,
    Cost,
    RoundTrip,
    Setup,
    BestFor,
}

const ASPECTS: [Aspect; 14] = [
    Aspect::CallId,
    Aspect::Endpoint,
    Aspect::Processing,
    Aspect::Residency,
    Aspect::Policy,
    Aspect::Throughput,
    Aspect::Resilience,
    Aspect::Throttling,
    Aspect::Price,
    Aspect::Monthly,
    Aspect::Cost,
    Aspect::RoundTrip,
    Aspect::Setup,
    Aspect::BestFor,
];

const RESILIENCE: [&str; 4] = [
    "Highest: load moves to any commercial Region",
    "Load moves between the geography's Regions",
    "None beyond the source Region",
    "Reserved capacity in one Region; no failover",
];

const THROTTLING: [&str; 4] = [
    "Least likely",
    "Less likely than in one Region",
    "Most likely: spikes hit one Region's quota",
    "None within purchased model units; beyond them, requests throttle",
];

const PRICING_RULE: [&str; 4] = [
    "Source Region's on-demand rate, no routing surcharge; lower than geographic for some models",
    "Source Region's on-demand rate, no routing surcharge",
    "Source Region's on-demand rate",
    "Hourly per model unit: no commitment, 1-month or 6-month term; billed until deleted",
];

const BEST_FOR: [&str; 4] = [
    "Bursty or high-volume traffic without a residency obligation",
    "Bursts under a regional residency obligation",
    "Steady traffic, or a workload pinned to one Region",
    "Guaranteed capacity, customized models",
];

impl Aspect {
    fn label(self) -> &'static str {
        match self {
            Aspect::CallId => "ID to call",
            Aspect::Endpoint => ENDPOINT,
            Aspect::Processing => "Where the prompt may be processed",
            Aspect::Residency => "Residency fit",
            Aspect::Policy => "Organisation policy fit",
            Aspect::Throughput => "Effective throughput",
            Aspect::Resilience => "Resilience under load",
            Aspect::Throttling => "Throttling at spikes",
            Aspect::Price => PRICE,
            Aspect::Monthly => MONTHLY,
            Aspect::Cost => "How it is billed",
            Aspect::RoundTrip => "Extra network round trip (estimate)",
            Aspect::Setup => "Setup (IAM resources)",
            Aspect::BestFor => "Best for",
        }
    }

    fn cell(self, catalog: &Catalog, workload: &Workload<'_>, o: &OptionEval) -> Cell {
        match self {
            Aspect::CallId => offered(o, |o| Cell::line(&o.call_id)),
            Aspect::Endpoint => offered(o, endpoint),
            Aspect::Processing => offered(o, |o| processing(catalog, o)),
            Aspect::Residency => offered(o, residency_fit),
            Aspect::Policy => {
                let problem = o.eligibility.policy_problem();
                Cell::yes_no(problem.is_none(), problem.map(str::to_owned))
            }
            Aspect::Throughput => throughput(o),
            Aspect::Resilience => per_kind(o.kind, RESILIENCE),
            Aspect::Throttling => per_kind(o.kind, THROTTLING),
            Aspect::Price => offered(o, |o| price(workload, o)),
            Aspect::Monthly => offered(o, |o| monthly_estimate(workload, o)),
            Aspect::Cost => per_kind(o.kind, PRICING_RULE),
            Aspect::RoundTrip => offered(o, |o| {
                Cell::text(vec![format!(
                    "≥ {} ms to the farthest Region (great-circle, light in fibre)",
                    fixed(o.extra_round_trip_ms(), 0)
                )])
            }),
            Aspect::Setup => offered(o, |o| setup(workload, o)),
            Aspect::BestFor => per_kind(o.kind, BEST_FOR),
        }
    }
}

/// Builds the comparison table of a workload's recommendation.
pub fn compare(catalog: &Catalog, workload: &Workload<'_>, rec: &Recommendation) -> Comparison {
    let options = &rec.options;
    let columns = options
        .iter()
        .enumerate()
        .map(|(i, o)| Column {
            label: o.label(),
            call_id: o.call_id.clone(),
            recommended: rec.chosen == Some(i),
            eligible: o.is_eligible(),
        })
        .collect();
    let eligible = Row {
        label: ELIGIBLE,
        cells: options
            .iter()
            .map(|o| {
                let why = o.eligibility.why_not();
                Cell::yes_no(why.is_none(), why)
            })
            .collect(),
    };
    let mut rows = vec![eligible];
    let estimated = workload.spec().tokens_per_month.is_some();
    let shown = ASPECTS
        .iter()
        .filter(|a| estimated || !matches!(a, Aspect::Monthly));
    rows.extend(shown.map(|aspect| {
        Row {
            label: aspect.label(),
            cells: options
                .iter()
                .map(|o| aspect.cell(catalog, workload, o))
                .collect(),
        }
    }));
    Comparison { columns, rows }
}

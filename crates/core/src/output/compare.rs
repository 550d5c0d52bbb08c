//! The side-by-side comparison of every option for one workload, as rows of plain text that the
//! app renders as a table and the command line prints as Markdown: first whether each option is
//! eligible, then one row per aspect.

use crate::catalog::describe::count;
use crate::catalog::geo::fixed;
use crate::catalog::ids::RegionCode;
use crate::catalog::order;
use crate::catalog::retention::{Basis, RetentionMode};
use crate::catalog::schema::Endpoint;
use crate::catalog::tiers::Tier;
use crate::catalog::Catalog;
use crate::engine::capacity::Capacity;
use crate::engine::options::{
    describe_terms, regions_with_countries, OptionEval, OptionKind, Term,
};
use crate::engine::Recommendation;
use crate::output::iam::{grant_lines, option_permissions};
use crate::plan::money::{group_digits, monthly, per_million, relative};
use crate::plan::Workload;

/// One column: an option.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// Heading, such as `Geographic (EU)`.
    pub label: String,
    /// The ID to call; `None` when there is nothing to call.
    pub call_id: Option<String>,
    /// The engine chose it.
    pub recommended: bool,
    /// It is eligible.
    pub eligible: bool,
}

/// One cell: its lines, and for yes/no aspects, which it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// One or more lines of text: the cell as shown.
    pub lines: Vec<String>,
    /// The full list that `lines` summarises (a long list of Regions), one click away; empty when
    /// `lines` says everything.
    pub more: Vec<String>,
    /// `Some(true)` for a yes, `Some(false)` for a no, `None` for a description.
    pub verdict: Option<bool>,
}

/// What a cell of an option the catalog does not offer says, in every row but `Eligible`.
pub const NOT_OFFERED: &str = "Not offered";

/// Beyond this many Regions a cell summarises them by country, with the full list in `more`.
const MAX_LISTED_REGIONS: usize = 4;

impl Cell {
    fn text(lines: Vec<String>) -> Cell {
        Cell {
            lines,
            more: Vec::new(),
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
            more: Vec::new(),
            verdict: Some(ok),
        }
    }
}

/// `31 Regions in 20 countries`.
pub fn regions_in_countries(catalog: &Catalog, regions: &[RegionCode]) -> String {
    let mut countries: Vec<&str> = regions.iter().map(|r| catalog.country_name_of(r)).collect();
    order::sort(&mut countries);
    countries.dedup();
    format!(
        "{} in {}",
        count(regions.len(), "Region", "Regions"),
        count(countries.len(), "country", "countries")
    )
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
/// The label of the row of where each option may process the prompt.
pub const PROCESSING: &str = "Where the prompt may be processed";
/// The label of the row of whether each option keeps to the obligation.
pub const RESIDENCY_FIT: &str = "Residency fit";
/// The label of the row of what the model keeps.
pub const RETENTION: &str = "Data retention";
/// The label of the row of per-token prices.
pub const PRICE: &str = "Price per million tokens";
/// The label of the row of monthly estimates (present when the workload gives tokens).
pub const MONTHLY: &str = "Monthly estimate";
/// The label of the row of service tiers and batch jobs, with their prices.
pub const HOW_TO_BUY: &str = "How to buy";

/// The same text for every option of a kind: global, geographic, in-Region, provisioned.
fn per_kind(kind: OptionKind, texts: [&str; 4]) -> Cell {
    Cell::line(match kind {
        OptionKind::Global => texts[0],
        OptionKind::Geographic => texts[1],
        OptionKind::InRegion => texts[2],
        OptionKind::Provisioned => texts[3],
    })
}

/// `cell(o)` for an offered option, [`NOT_OFFERED`] otherwise.
fn offered(o: &OptionEval, cell: impl Fn(&OptionEval) -> Cell) -> Cell {
    if o.eligibility.is_offered() {
        cell(o)
    } else {
        Cell::line(NOT_OFFERED)
    }
}

fn processing(catalog: &Catalog, o: &OptionEval) -> Cell {
    let regions = &o.processing_regions;
    let listed: Vec<String> = regions
        .iter()
        .map(|r| format!("{r} ({})", catalog.country_name_of(r)))
        .collect();
    if regions.len() <= MAX_LISTED_REGIONS {
        return Cell::text(listed);
    }
    let mut lines = vec![regions_in_countries(catalog, regions)];
    let outside: Vec<RegionCode> = o
        .eligibility
        .violations()
        .iter()
        .map(|v| v.region.clone())
        .collect();
    if !outside.is_empty() {
        lines.push(format!(
            "outside the obligation: {}",
            regions_in_countries(catalog, &outside)
        ));
    }
    Cell {
        more: listed,
        ..Cell::text(lines)
    }
}

fn residency_fit(catalog: &Catalog, o: &OptionEval) -> Cell {
    let violations = o.eligibility.violations();
    if violations.len() > MAX_LISTED_REGIONS {
        let outside: Vec<RegionCode> = violations.iter().map(|v| v.region.clone()).collect();
        return Cell {
            more: violations
                .iter()
                .map(|v| format!("{} ({})", v.region, v.country))
                .collect(),
            ..Cell::yes_no(
                false,
                Some(format!(
                    "processes in {} outside the obligation",
                    regions_in_countries(catalog, &outside)
                )),
            )
        };
    }
    let detail = (!violations.is_empty())
        .then(|| format!("processes in {}", regions_with_countries(violations)));
    Cell::yes_no(violations.is_empty(), detail)
}

/// What the model keeps through this option and where it would be stored; with a stated
/// obligation, whether it fits.
fn retention(catalog: &Catalog, workload: &Workload<'_>, o: &OptionEval) -> Cell {
    let Some(facts) = catalog.retention_of(&workload.model().id) else {
        return Cell::line("Unknown: this catalog has no data retention facts");
    };
    let mut lines = Vec::new();
    if facts.keeps_prompts() {
        let mut kept = facts.summary();
        if let Some(first) = kept.get(..1) {
            kept = format!("Keeps {}{}", first.to_lowercase(), &kept[1..]);
        }
        lines.push(kept);
        lines.push(format!(
            "Stored where processed: {}",
            regions_in_countries(catalog, &o.processing_regions)
        ));
    } else {
        lines.push(match facts.basis {
            Basis::Named => "Keeps nothing".to_owned(),
            Basis::GeneralRule => {
                "Keeps nothing (the abuse detection page's general rule)".to_owned()
            }
        });
    }
    if facts.minimum > RetentionMode::None {
        lines.push(format!(
            "Needs the account's mode `{}` or higher",
            facts.minimum.key()
        ));
    }
    let verdict = workload
        .spec()
        .data_retention
        .map(|accepted| o.eligibility.retention_problem().is_none() && facts.minimum <= accepted);
    if let Some(ok) = verdict {
        lines.insert(
            0,
            if ok {
                "Fits".to_owned()
            } else {
                "No: keeps more than the obligation accepts".to_owned()
            },
        );
    }
    Cell {
        lines,
        more: Vec::new(),
        verdict,
    }
}

/// How an option is billed; for Provisioned Throughput only the terms that end before the
/// model's end of life.
fn billing(o: &OptionEval, options: &[OptionEval]) -> Cell {
    if o.kind != OptionKind::Provisioned {
        let mut lines = vec![per_kind(o.kind, PRICING_RULE).lines.remove(0)];
        // What the price list shows against the other on-demand options' prices.
        if let Some(price) = &o.price {
            lines.extend(
                options
                    .iter()
                    .filter(|x| {
                        x.kind != o.kind
                            && x.kind != OptionKind::Provisioned
                            && x.eligibility.is_offered()
                    })
                    .filter_map(|x| {
                        let theirs = x.price.as_ref()?;
                        Some(format!("{} {}", relative(price, theirs), x.label()))
                    }),
            );
        }
        return Cell::text(lines);
    }
    let mut line = format!(
        "Hourly per model unit: {}; billed until deleted",
        describe_terms(o.terms())
    );
    if o.terms().len() < Term::ALL.len() {
        line.push_str(" (a longer term would end after the model's end of life)");
    }
    Cell::text(vec![line])
}

fn throughput(o: &OptionEval, capacity: Option<&Capacity>) -> Cell {
    let pool = match o.processing_regions.len() {
        1 => "1 Region".to_owned(),
        n => format!("{n} Regions"),
    };
    let general = match o.kind {
        OptionKind::Global => format!("Largest: on-demand capacity of every commercial Region ({pool} listed), global cross-Region quotas"),
        OptionKind::Geographic => format!("Pooled across {pool} of the geography, cross-Region quotas"),
        OptionKind::InRegion => "One Region's on-demand quota".to_owned(),
        OptionKind::Provisioned => "Fixed: the model units you buy".to_owned(),
    };
    // With a peak, the numbers first: the load against this option's own pool.
    let at_peak = capacity.map(|c| format!("At the peak: {}", c.line()));
    Cell::text(at_peak.into_iter().chain([general]).collect())
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

/// Each tier the route supports, its price per million tokens and, with tokens a month, its
/// monthly estimate; the recommended tier marked.
fn how_to_buy(workload: &Workload<'_>, o: &OptionEval, recommended: Option<Tier>) -> Cell {
    if o.kind == OptionKind::Provisioned {
        return Cell::line("Model units, hourly: no service tier");
    }
    if o.tiers.is_empty() {
        return Cell::line("Standard: the tiers of this route are not known");
    }
    let tokens = workload.spec().tokens_per_month;
    let lines = o
        .tiers
        .iter()
        .map(|t| {
            let price = match (&t.price, t.tier) {
                (_, Tier::Reserved) => "priced by the AWS account team".to_owned(),
                (Some(p), _) => {
                    let mut text = per_million(p);
                    if let (Some(tokens), true) = (tokens, t.tier != Tier::Default) {
                        text.push_str(&format!(", {}", monthly(p, tokens)));
                    }
                    text
                }
                (None, _) => "no price in the price list".to_owned(),
            };
            let mark = if recommended == Some(t.tier) {
                " (recommended)"
            } else {
                ""
            };
            format!("{}{mark}: {price}", t.tier.name())
        })
        .collect();
    Cell::text(lines)
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

/// Beyond this many lines the setup cell summarises the grants, with the full list in `more`.
const MAX_SETUP_LINES: usize = 8;

fn setup(workload: &Workload<'_>, o: &OptionEval) -> Cell {
    let grants = option_permissions(workload, o);
    let all = grant_lines(&grants);
    let mut more = Vec::new();
    let mut lines = if all.len() < MAX_SETUP_LINES {
        all
    } else {
        // A geographic profile with many destinations: the action line, the profile and a
        // count of the model ARNs; every line one click away.
        let mut short: Vec<String> = all.iter().take(2).cloned().collect();
        short.push(format!(
            "and the foundation model in {} Regions (full list)",
            all.len() - 2
        ));
        more = all;
        short
    };
    match o.kind {
        OptionKind::Global => lines.push("SCPs: allow aws:RequestedRegion \"unspecified\"".into()),
        OptionKind::Geographic => lines.push("SCPs: allow every destination Region".into()),
        OptionKind::Provisioned => {
            if !o.units().is_empty() {
                lines.push(format!(
                    "Model units AWS lists here: {}",
                    o.units().join(", ")
                ));
            }
            lines.push("Request model units through AWS Support first".into())
        }
        OptionKind::InRegion => {}
    }
    Cell {
        more,
        ..Cell::text(lines)
    }
}

/// The aspects compared after `Eligible`, in row order.
#[derive(Debug, Clone, Copy)]
enum Aspect {
    CallId,
    Endpoint,
    Processing,
    Residency,
    Retention,
    Policy,
    Throughput,
    Resilience,
    Throttling,
    Price,
    Monthly,
    HowToBuy,
    Cost,
    RoundTrip,
    Setup,
    BestFor,
}

const ASPECTS: [Aspect; 16] = [
    Aspect::CallId,
    Aspect::Endpoint,
    Aspect::Processing,
    Aspect::Residency,
    Aspect::Retention,
    Aspect::Policy,
    Aspect::Throughput,
    Aspect::Resilience,
    Aspect::Throttling,
    Aspect::Price,
    Aspect::Monthly,
    Aspect::HowToBuy,
    Aspect::Cost,
    Aspect::RoundTrip,
    Aspect::Setup,
    Aspect::BestFor,
];

const RESILIENCE: [&str; 4] = [
    "Highest: load moves to any commercial Region",
    "Load moves between the geography's Regions",
    "None beyond the source Region",
    "Dedicated model units in one Region; no failover",
];

const THROTTLING: [&str; 4] = [
    "Least likely",
    "Less likely than in one Region",
    "Most likely: spikes hit one Region's quota",
    "None within purchased model units; beyond them, requests throttle",
];

const PRICING_RULE: [&str; 4] = [
    "On demand, per token: the price list's entry for the global profile",
    "On demand, per token: the price list's entry for this profile",
    "On demand, per token: the source Region's rate",
    "Hourly per model unit",
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
            Aspect::Processing => PROCESSING,
            Aspect::Residency => RESIDENCY_FIT,
            Aspect::Retention => RETENTION,
            Aspect::Policy => "Organisation policy fit",
            Aspect::Throughput => "Effective throughput",
            Aspect::Resilience => "Resilience under load",
            Aspect::Throttling => "Throttling at spikes",
            Aspect::Price => PRICE,
            Aspect::Monthly => MONTHLY,
            Aspect::HowToBuy => HOW_TO_BUY,
            Aspect::Cost => "How it is billed",
            Aspect::RoundTrip => "Extra network round trip (estimate)",
            Aspect::Setup => "Setup (IAM resources)",
            Aspect::BestFor => "Best for",
        }
    }

    fn cell(
        self,
        catalog: &Catalog,
        workload: &Workload<'_>,
        (options, capacity): (&[OptionEval], Option<&Capacity>),
        o: &OptionEval,
        tier: Option<Tier>,
    ) -> Cell {
        match self {
            Aspect::CallId => offered(o, |o| Cell::line(o.call_id().unwrap_or_default())),
            Aspect::Endpoint => offered(o, endpoint),
            Aspect::Processing => offered(o, |o| processing(catalog, o)),
            Aspect::Residency => offered(o, |o| residency_fit(catalog, o)),
            Aspect::Retention => offered(o, |o| retention(catalog, workload, o)),
            Aspect::Policy => offered(o, |o| {
                let problem = o.eligibility.policy_problem();
                Cell::yes_no(problem.is_none(), problem.map(str::to_owned))
            }),
            Aspect::Throughput => offered(o, |o| throughput(o, capacity)),
            Aspect::Resilience => offered(o, |o| per_kind(o.kind, RESILIENCE)),
            Aspect::Throttling => offered(o, |o| per_kind(o.kind, THROTTLING)),
            Aspect::Price => offered(o, |o| price(workload, o)),
            Aspect::Monthly => offered(o, |o| monthly_estimate(workload, o)),
            Aspect::HowToBuy => offered(o, |o| how_to_buy(workload, o, tier)),
            Aspect::Cost => offered(o, |o| billing(o, options)),
            Aspect::RoundTrip => offered(o, |o| {
                Cell::text(vec![format!(
                    "≥ {} ms to the farthest Region (great-circle, light in fibre)",
                    fixed(o.extra_round_trip_ms(), 0)
                )])
            }),
            Aspect::Setup => offered(o, |o| setup(workload, o)),
            Aspect::BestFor => offered(o, |o| per_kind(o.kind, BEST_FOR)),
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
            call_id: o.call_id().map(str::to_owned),
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
                .enumerate()
                .map(|(i, o)| {
                    let tier = rec.tier.filter(|_| rec.chosen == Some(i));
                    aspect.cell(catalog, workload, (options, rec.capacity_of(i)), o, tier)
                })
                .collect(),
        }
    }));
    Comparison { columns, rows }
}

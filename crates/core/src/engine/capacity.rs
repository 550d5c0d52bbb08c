//! Will the traffic fit? A workload's peak minute against the token-per-minute quota pool an
//! option draws on, by the formulas of the AWS page "How tokens are counted in Amazon Bedrock"
//! (`data/sources/quotas-token-burndown.json`, [`Cite::TokenBurndown`]):
//!
//! - **settled** (charged when a request ends) = requests × (input + cache write + output ×
//!   burndown); cache reads do not count;
//! - **admission** (reserved when a request starts) = requests × (input + cache write +
//!   `max_tokens`); the page's worked examples leave cache reads out of it too, and a request
//!   without `max_tokens` reserves the model's maximum output.
//!
//! A pool is a (quota code, source Region) pair ([`crate::catalog::quota`]); its limit is the
//! account's applied value when the plan gives it, else the published default, else unknown.
//! The three building blocks the service tiers reuse: [`on_demand_pool`] (the pool an option draws
//! on), [`capacity`] (a [`Capacity`] from a pool, a load and the account) and
//! [`reserved_capacity`] (a Reserved-tier reservation); [`not_per_minute`] says why a tier has
//! no pool.

use crate::catalog::cite::Cite;
use crate::catalog::ids::{ModelId, ProfileId, RegionCode};
use crate::catalog::quota::PoolKind;
use crate::catalog::schema::Endpoint;
use crate::catalog::Catalog;
use crate::engine::options::{OptionEval, Target};
use crate::plan::money::group_digits;
use crate::plan::{Account, Peak, Workload};
use serde::Serialize;

/// The page the formulas come from.
pub const FORMULAS: Cite = Cite::TokenBurndown;

/// A token-per-minute pool: a quota code in a source Region. The code is `None` where the
/// catalog's sources give none (bedrock-mantle, GovCloud, a model the index lacks).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Pool {
    /// `L-F4DDD3EB`.
    pub code: Option<String>,
    /// The quota's name in Service Quotas.
    pub name: Option<String>,
    /// In-Region, geographic, global or bedrock-mantle.
    pub kind: PoolKind,
    /// The Region whose quota it is: the source Region.
    pub region: RegionCode,
}

impl Pool {
    /// `cross-Region quota L-F4DDD3EB in eu-central-1`, or `bedrock-mantle quota in …` without a
    /// code.
    pub fn describe(&self) -> String {
        match &self.code {
            Some(code) => format!("{} {code} in {}", self.kind.label(), self.region),
            None => format!("{} in {} (code unknown)", self.kind.label(), self.region),
        }
    }
}

/// Where a limit comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LimitSource {
    /// The account's applied value, from the plan.
    Applied,
    /// The General Reference table's published default.
    Published,
    /// Neither.
    Unknown,
}

/// Whether the load fits the limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Settled and admission both within the limit.
    Fits,
    /// Settled fits, admission does not: calls are throttled at their start.
    AtRisk,
    /// Settled exceeds the limit.
    DoesNotFit,
    /// The limit or the load is unknown.
    Unknown,
}

impl Verdict {
    /// The JSON value.
    pub fn key(self) -> &'static str {
        match self {
            Verdict::Fits => "fits",
            Verdict::AtRisk => "at_risk",
            Verdict::DoesNotFit => "does_not_fit",
            Verdict::Unknown => "unknown",
        }
    }

    /// Whether a warning about it is urgent (`does_not_fit`, `at_risk`).
    pub fn urgent(self) -> bool {
        matches!(self, Verdict::AtRisk | Verdict::DoesNotFit)
    }
}

/// A load against a pool: the JSON shape.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Capacity {
    /// The pool drawn on; `null` for what has no per-minute pool.
    pub pool: Option<Pool>,
    /// Tokens a minute charged when the requests end; `null` when the burndown is unknown.
    pub settled_tpm: Option<u64>,
    /// Tokens a minute reserved when they start; `null` when `max_tokens` is not set and the
    /// model's maximum output is unknown.
    pub admission_tpm: Option<u64>,
    /// The pool's limit, tokens a minute.
    pub limit: Option<u64>,
    /// Where the limit comes from.
    pub limit_source: LimitSource,
    /// Whether it fits.
    pub verdict: Verdict,
    /// (limit − max(settled, admission)) / limit × 100, one decimal; `null` when unknown.
    pub headroom_pct: Option<f64>,
    /// Why the verdict is unknown or there is no pool; `null` otherwise.
    pub reason: Option<String>,
    /// The output burndown used (not printed: the sentences say it).
    #[serde(skip)]
    pub burndown: Option<u32>,
}

impl Capacity {
    /// The value to ask Service Quotas for: max(settled, admission), when both are known.
    pub fn needed(&self) -> Option<u64> {
        Some(self.settled_tpm?.max(self.admission_tpm?))
    }

    /// The verdict in words: `fits`, `fits the published default; check your applied value`,
    /// `at risk: …`, `does not fit`, `unknown`.
    pub fn verdict_words(&self) -> String {
        match (self.verdict, self.limit_source) {
            (Verdict::Fits, LimitSource::Published) => {
                "fits the published default; check your applied value".into()
            }
            (Verdict::Fits, _) => "fits".into(),
            (Verdict::AtRisk, _) => {
                "at risk: the tokens reserved at the start of each request (max_tokens) exceed it, so calls are throttled at the start".into()
            }
            (Verdict::DoesNotFit, _) => "does not fit".into(),
            (Verdict::Unknown, _) => "unknown".into(),
        }
    }

    /// The rank the on-demand preference gives it: fits (applied) 0, fits the published default
    /// 1, unknown 2, at risk 3, does not fit 4.
    pub fn rank(&self) -> u8 {
        match (self.verdict, self.limit_source) {
            (Verdict::Fits, LimitSource::Published) => 1,
            (Verdict::Fits, _) => 0,
            (Verdict::Unknown, _) => 2,
            (Verdict::AtRisk, _) => 3,
            (Verdict::DoesNotFit, _) => 4,
        }
    }

    /// One line for the comparison: `needs 3,000,000 tokens a minute with 5× output burndown;
    /// cross-Region quota L-F4DDD3EB in eu-central-1, applied 2,500,000: does not fit — raise to
    /// at least 3,000,000`.
    pub fn line(&self) -> String {
        let needs = match (self.settled_tpm, self.burndown) {
            (Some(s), Some(rate)) => format!(
                "needs {} tokens a minute with {rate}× output burndown",
                group_digits(s)
            ),
            (Some(s), None) => format!("needs {} tokens a minute", group_digits(s)),
            (None, _) => "needs an unknown number of tokens a minute".into(),
        };
        let admission = self
            .admission_tpm
            .filter(|a| Some(*a) > self.settled_tpm)
            .map(|a| format!(" ({} reserved at admission)", group_digits(a)))
            .unwrap_or_default();
        let Some(pool) = &self.pool else {
            return format!(
                "{needs}{admission}; {}",
                self.reason.as_deref().unwrap_or("no per-minute pool")
            );
        };
        let limit = match (self.limit, self.limit_source) {
            (Some(v), LimitSource::Applied) => format!("applied {}", group_digits(v)),
            (Some(v), _) => format!("published default {}", group_digits(v)),
            (None, _) => "limit unknown".into(),
        };
        let mut out = format!(
            "{needs}{admission}; {}, {limit}: {}",
            pool.describe(),
            self.verdict_words()
        );
        if self.verdict.urgent() {
            if let Some(n) = self.needed() {
                out.push_str(&format!(" — raise to at least {}", group_digits(n)));
            }
        }
        if let Some(why) = self
            .reason
            .as_deref()
            .filter(|_| self.verdict == Verdict::Unknown)
        {
            out.push_str(&format!(" ({why})"));
        }
        out
    }
}

/// A peak minute's load in tokens: settled and admission, each `None` when unknown, with why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Load {
    /// Charged at the end of the requests.
    pub settled: Option<u64>,
    /// Reserved at their start.
    pub admission: Option<u64>,
    /// The burndown rate used.
    pub burndown: Option<u32>,
    /// Why a figure is unknown.
    pub unknown: Option<String>,
}

impl Load {
    /// `model`'s load at `peak` on bedrock-runtime.
    pub fn of(catalog: &Catalog, model: &ModelId, peak: &Peak) -> Load {
        let quotas = &catalog.quotas;
        let burndown = quotas.burndown_of(model).map(|b| b.rate);
        let max = peak.max_tokens.or_else(|| quotas.max_output_of(model));
        let requests = u128::from(peak.requests_per_minute);
        let input =
            u128::from(peak.input_tokens) + u128::from(peak.cache_write_tokens.unwrap_or(0));
        let per_minute = |tokens: u128| u64::try_from(requests * tokens).unwrap_or(u64::MAX);
        let settled = burndown
            .map(|rate| per_minute(input + u128::from(peak.output_tokens) * u128::from(rate)));
        let admission = max.map(|m| per_minute(input + u128::from(m)));
        let unknown = match (burndown, max) {
            (None, _) => Some(format!(
                "the burndown page gives no output burndown for {model}"
            )),
            (_, None) => Some(format!(
                "requests set no max_tokens and no source gives {model}'s maximum output, so what each request reserves at its start is unknown"
            )),
            _ => None,
        };
        Load {
            settled,
            admission,
            burndown,
            unknown,
        }
    }

    /// The load on a pool of `kind`: on bedrock-mantle no burndown applies and input and output
    /// have quotas of their own, so only the tokens themselves are known (settled, 1:1).
    pub fn on(self, kind: PoolKind, peak: &Peak) -> Load {
        if kind != PoolKind::Mantle {
            return self;
        }
        let tokens = u128::from(peak.input_tokens)
            + u128::from(peak.cache_write_tokens.unwrap_or(0))
            + u128::from(peak.output_tokens);
        Load {
            settled: u64::try_from(u128::from(peak.requests_per_minute) * tokens).ok(),
            admission: None,
            burndown: None,
            unknown: None,
        }
    }

    /// The sum of two loads on one pool (unknown if either is).
    pub fn plus(&self, other: &Load) -> Load {
        let add = |a: Option<u64>, b: Option<u64>| Some(a?.saturating_add(b?));
        Load {
            settled: add(self.settled, other.settled),
            admission: add(self.admission, other.admission),
            burndown: (self.burndown == other.burndown)
                .then_some(self.burndown)
                .flatten(),
            unknown: self.unknown.clone().or_else(|| other.unknown.clone()),
        }
    }
}

/// The pool an on-demand option draws on from `source`, or why it has none (Provisioned
/// Throughput, nothing to call). A pool without a code says why in the second value.
pub fn on_demand_pool(
    catalog: &Catalog,
    model: &ModelId,
    source: &RegionCode,
    option: &OptionEval,
) -> Result<(Pool, Option<String>), String> {
    let kind = match (&option.target, option.endpoint) {
        (Target::Provisioned { .. }, _) => return Err(
            "Provisioned Throughput is bought in model units, not drawn from a per-minute quota"
                .into(),
        ),
        (Target::Nothing, _) => return Err("nothing to call".into()),
        (_, Some(Endpoint::Mantle)) => PoolKind::Mantle,
        (Target::Model(_), _) => PoolKind::InRegion,
        (Target::Profile { scope, .. }, _) if scope.is_global() => PoolKind::Global,
        (Target::Profile { .. }, _) => PoolKind::Geographic,
    };
    let bare = |why: String| {
        Ok((
            Pool {
                code: None,
                name: None,
                kind,
                region: source.clone(),
            },
            Some(why),
        ))
    };
    if kind == PoolKind::Mantle {
        return bare("bedrock-mantle has its own input and output token quotas and no burndown; the catalog does not compute them".into());
    }
    if catalog.quotas.is_empty() {
        return bare("the catalog was built without the quota sources".into());
    }
    if catalog
        .region(source)
        .is_some_and(|r| r.partition == crate::catalog::schema::Partition::GovCloud)
    {
        return bare("the quota index lists no GovCloud quotas".into());
    }
    let Some(pools) = catalog.quotas.pools_of(model) else {
        return bare(format!("the quota index does not list {model}"));
    };
    match pools.code(kind) {
        Some(code) => Ok((
            Pool {
                code: Some(code.code.clone()),
                name: Some(code.name.clone()),
                kind,
                region: source.clone(),
            },
            None,
        )),
        None => bare(format!(
            "the quota index lists no {} for {model}",
            kind.label()
        )),
    }
}

/// The limit of `pool`: the account's applied value, else the published default, else unknown.
pub fn limit_of(catalog: &Catalog, pool: &Pool, account: &Account) -> (Option<u64>, LimitSource) {
    let Some(code) = &pool.code else {
        return (None, LimitSource::Unknown);
    };
    if let Some(v) = account.applied(&pool.region, code) {
        return (Some(v), LimitSource::Applied);
    }
    match catalog.quotas.default_of(code, &pool.region) {
        Some(v) => (Some(v), LimitSource::Published),
        None => (None, LimitSource::Unknown),
    }
}

/// The capacity of `load` on `pool` (or on none, with why), with the account's applied values.
pub fn capacity(
    catalog: &Catalog,
    pool: Result<(Pool, Option<String>), String>,
    load: &Load,
    account: &Account,
) -> Capacity {
    let (pool, why) = match pool {
        Ok((pool, why)) => (pool, why),
        Err(why) => return not_per_minute(load, why),
    };
    let (limit, limit_source) = limit_of(catalog, &pool, account);
    let (verdict, reason) = match (limit, load.settled, load.admission) {
        (None, ..) => (
            Verdict::Unknown,
            Some(why.unwrap_or_else(|| {
                "no applied value in the plan and no published default: read it with get-service-quota".into()
            })),
        ),
        (_, None, _) => (Verdict::Unknown, load.unknown.clone()),
        (Some(l), Some(s), _) if s > l => (Verdict::DoesNotFit, None),
        (_, _, None) => (Verdict::Unknown, load.unknown.clone()),
        (Some(l), _, Some(a)) if a > l => (Verdict::AtRisk, None),
        _ => (Verdict::Fits, None),
    };
    let headroom_pct = match (limit, load.settled, load.admission) {
        (Some(l), Some(s), Some(a)) if l > 0 => {
            Some(((l as f64 - s.max(a) as f64) / l as f64 * 1000.0).round() / 10.0)
        }
        _ => None,
    };
    Capacity {
        pool: Some(pool),
        settled_tpm: load.settled,
        admission_tpm: load.admission,
        limit,
        limit_source,
        verdict,
        headroom_pct,
        reason,
        burndown: load.burndown,
    }
}

/// A capacity with no per-minute pool (Batch, Provisioned Throughput), with why.
pub fn not_per_minute(load: &Load, why: String) -> Capacity {
    Capacity {
        pool: None,
        settled_tpm: load.settled,
        admission_tpm: load.admission,
        limit: None,
        limit_source: LimitSource::Unknown,
        verdict: Verdict::Unknown,
        headroom_pct: None,
        reason: Some(why),
        burndown: load.burndown,
    }
}

/// The Reserved tier's capacity for `profile` called from `source`: the reservation the plan's
/// account holds, input and output each against their own reserved tokens a minute (no burndown
/// is stated for a reservation, so output counts as generated); unknown without one.
pub fn reserved_capacity(
    account: &Account,
    source: &RegionCode,
    profile: &ProfileId,
    peak: &Peak,
) -> Capacity {
    let requests = u128::from(peak.requests_per_minute);
    let per_minute = |t: u64| u64::try_from(requests * u128::from(t)).unwrap_or(u64::MAX);
    let input = per_minute(peak.input_tokens + peak.cache_write_tokens.unwrap_or(0));
    let output = per_minute(peak.output_tokens);
    let Some(r) = account.reservation(source, profile) else {
        return Capacity {
            pool: None,
            settled_tpm: Some(input.saturating_add(output)),
            admission_tpm: None,
            limit: None,
            limit_source: LimitSource::Unknown,
            verdict: Verdict::Unknown,
            headroom_pct: None,
            reason: Some(format!(
                "the plan holds no Reserved-tier reservation for {profile} from {source}"
            )),
            burndown: None,
        };
    };
    let fits = input <= r.input_tpm && output <= r.output_tpm;
    Capacity {
        pool: None,
        settled_tpm: Some(input.saturating_add(output)),
        admission_tpm: None,
        limit: Some(r.input_tpm.saturating_add(r.output_tpm)),
        limit_source: LimitSource::Applied,
        verdict: if fits {
            Verdict::Fits
        } else {
            Verdict::DoesNotFit
        },
        headroom_pct: None,
        reason: Some(format!(
            "a Reserved-tier reservation of {} input and {} output tokens a minute; the peak needs {} input and {} output",
            group_digits(r.input_tpm),
            group_digits(r.output_tpm),
            group_digits(input),
            group_digits(output)
        )),
        burndown: None,
    }
}

/// The capacity of an offered on-demand or provisioned option for a workload with a peak;
/// `None` without a peak or for an option that is not offered.
pub fn of_option(
    catalog: &Catalog,
    workload: &Workload<'_>,
    option: &OptionEval,
    account: &Account,
) -> Option<Capacity> {
    let peak = workload.spec().peak.as_ref()?;
    if !option.eligibility.is_offered() {
        return None;
    }
    let model = &workload.model().id;
    let pool = on_demand_pool(catalog, model, &workload.source().code, option);
    let mut load = Load::of(catalog, model, peak);
    if let Ok((p, _)) = &pool {
        load = load.on(p.kind, peak);
    }
    Some(capacity(catalog, pool, &load, account))
}

/// One pool the plan draws on, with every workload whose chosen option draws on it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PoolLoad {
    /// The pool.
    pub pool: Pool,
    /// The workloads' settled loads summed; `null` when one is unknown.
    pub settled_tpm: Option<u64>,
    /// Their admission loads summed; `null` when one is unknown.
    pub admission_tpm: Option<u64>,
    /// The pool's limit.
    pub limit: Option<u64>,
    /// Where the limit comes from.
    pub limit_source: LimitSource,
    /// Whether the sum fits.
    pub verdict: Verdict,
    /// The workloads, in plan order.
    pub workloads: Vec<String>,
    /// The summed capacity, for the sentences and the commands.
    #[serde(skip)]
    pub capacity: Capacity,
}

/// The pools a plan's chosen options draw on, each with the sum of its workloads' peaks, in the
/// order the plan first uses them. `chosen` holds each workload's name, model, source and
/// chosen option. Workloads without a peak, or whose choice has no per-minute pool, are left
/// out. Two workloads on one pool add up: the account's quota is per code and Region.
pub fn plan_pools<'a>(
    catalog: &Catalog,
    account: &Account,
    chosen: impl IntoIterator<Item = (&'a Workload<'a>, &'a OptionEval)>,
) -> Vec<PoolLoad> {
    let mut pools: Vec<(Pool, Load, Option<String>, Vec<String>)> = Vec::new();
    for (workload, option) in chosen {
        let Some(peak) = workload.spec().peak.as_ref() else {
            continue;
        };
        let model = &workload.model().id;
        let Ok((pool, why)) = on_demand_pool(catalog, model, &workload.source().code, option)
        else {
            continue;
        };
        let load = Load::of(catalog, model, peak).on(pool.kind, peak);
        // A pool without a code is the model's own unknown pool: never shared by name.
        let same = |p: &Pool| p == &pool && pool.code.is_some();
        match pools.iter_mut().find(|(p, ..)| same(p)) {
            Some((_, sum, _, names)) => {
                *sum = sum.plus(&load);
                names.push(workload.name().to_owned());
            }
            None => pools.push((pool, load, why, vec![workload.name().to_owned()])),
        }
    }
    pools
        .into_iter()
        .map(|(pool, load, why, workloads)| {
            let c = capacity(catalog, Ok((pool.clone(), why)), &load, account);
            PoolLoad {
                pool,
                settled_tpm: c.settled_tpm,
                admission_tpm: c.admission_tpm,
                limit: c.limit,
                limit_source: c.limit_source,
                verdict: c.verdict,
                workloads,
                capacity: c,
            }
        })
        .collect()
}

/// The Service Quotas command that reads a pool's applied value; `None` without a code.
pub fn get_command(pool: &Pool) -> Option<String> {
    Some(format!(
        "aws service-quotas get-service-quota --service-code bedrock --quota-code {} --region {}",
        pool.code.as_deref()?,
        pool.region
    ))
}

/// The command that asks for enough to hold the pool's load, when it does not fit; `None`
/// when it fits, is unknown, or has no code.
pub fn increase_command(pool: &PoolLoad) -> Option<String> {
    if !pool.verdict.urgent() {
        return None;
    }
    Some(format!(
        "aws service-quotas request-service-quota-increase --service-code bedrock --quota-code {} --region {} --desired-value {}",
        pool.pool.code.as_deref()?,
        pool.pool.region,
        pool.capacity.needed()?
    ))
}

/// What to tell everyone who asks for an increase.
pub const INCREASE_NOTES: [&str; 3] = [
    "Service Quotas refuses a request at or below the published default; an account's applied value can be below it (account age, usage, payment history).",
    "One request for a model's cross-Region quota lets AWS Support offer the in-Region and daily increases too.",
    "The Cross-Model Max Tokens Per Day quota (one per account and Region, since 2026-09-21) cannot be raised in Service Quotas: open an AWS Support case.",
];

/// Daily tokens per source Region against the cross-model daily quota.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DailyLoad {
    /// The source Region.
    pub region: RegionCode,
    /// Tokens a day, from the workloads' `tokens_per_month` / 30.
    pub tokens_per_day: u64,
    /// The published Cross-Model Max Tokens Per Day default, if known.
    pub limit: Option<u64>,
    /// Where the limit comes from (`published` or `unknown`).
    pub limit_source: LimitSource,
    /// Whether the day fits (`fits`, `does_not_fit` or `unknown`).
    pub verdict: Verdict,
    /// The workloads, in plan order.
    pub workloads: Vec<String>,
}

/// The plan's daily tokens per source Region (workloads with `tokens_per_month`), against the
/// published cross-model daily default. AWS counts that quota in estimated billed tokens, so this
/// is an estimate.
pub fn daily_loads<'a>(
    catalog: &Catalog,
    workloads: impl IntoIterator<Item = &'a Workload<'a>>,
) -> Vec<DailyLoad> {
    let mut days: Vec<DailyLoad> = Vec::new();
    for w in workloads {
        let Some(t) = w.spec().tokens_per_month else {
            continue;
        };
        let per_day = t.input.saturating_add(t.output).div_ceil(30);
        let region = &w.source().code;
        match days.iter_mut().find(|d| &d.region == region) {
            Some(d) => {
                d.tokens_per_day = d.tokens_per_day.saturating_add(per_day);
                d.workloads.push(w.name().to_owned());
            }
            None => days.push(DailyLoad {
                region: region.clone(),
                tokens_per_day: per_day,
                limit: catalog.quotas.daily_cap,
                limit_source: if catalog.quotas.daily_cap.is_some() {
                    LimitSource::Published
                } else {
                    LimitSource::Unknown
                },
                verdict: Verdict::Unknown,
                workloads: vec![w.name().to_owned()],
            }),
        }
    }
    for d in &mut days {
        d.verdict = match d.limit {
            Some(l) if d.tokens_per_day > l => Verdict::DoesNotFit,
            Some(_) => Verdict::Fits,
            None => Verdict::Unknown,
        };
    }
    days
}

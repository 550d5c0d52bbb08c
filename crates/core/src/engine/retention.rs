//! Data retention in the decision: who keeps the prompts, where, for how long, and what the
//! account must set for the call to work.
//!
//! - Eligibility: a model whose minimum mode is above the most retention the obligation accepts
//!   is ruled out on every option ([`objection`], one of the engine's checks).
//! - After the route ([`step`]): what the chosen option keeps and in which Regions it would be
//!   stored, and whether the account's mode in the source Region lets the call through
//!   (an urgent warning and an [`AccountChange`] when it does not or may not).
//! - Per plan ([`conflicts`]): the mode belongs to the Region, not the workload; when one
//!   workload needs a higher mode than another workload there accepts, both are told to use
//!   separate accounts (or bedrock-mantle projects) instead of an account change.
//!
//! Severity: urgent when a stated requirement is unmet or the call as planned will fail; a
//! notice for information and unknown limits.

use crate::catalog::calendar::Day;
use crate::catalog::cite::Cite;
use crate::catalog::ids::RegionCode;
use crate::catalog::retention::{AccountMode, RetentionFacts, RetentionMode};
use crate::catalog::schema::Endpoint;
use crate::catalog::Catalog;
use crate::engine::{Setting, Warning};
use crate::plan::Workload;
use serde::Serialize;

/// The account setting the recommendation needs: raise the data retention mode in `region`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AccountChange {
    /// The source Region, where the mode applies.
    pub region: RegionCode,
    /// The mode set there now; `None` when the plan does not say.
    pub from: Option<AccountMode>,
    /// The mode to set.
    pub to: RetentionMode,
    /// The AWS CLI command that sets it.
    pub command: String,
}

/// The AWS CLI command that sets the account's data retention mode in `region`
/// (`PutAccountDataRetention`, botocore's `bedrock` service).
pub fn set_mode_command(region: &RegionCode, mode: RetentionMode) -> String {
    format!(
        "aws bedrock put-account-data-retention --mode {} --region {region}",
        mode.key()
    )
}

/// Why the model is ruled out by the retention obligation, in one clause; `None` when the
/// obligation states nothing, the catalog has no facts, or the model runs at an accepted mode.
pub fn objection(catalog: &Catalog, workload: &Workload<'_>, today: Day) -> Option<String> {
    let accepted = workload.spec().data_retention?;
    let facts = catalog.retention_of(&workload.model().id)?;
    (facts.minimum > accepted).then(|| {
        format!(
            "ruled out by the retention obligation: {} needs data retention mode `{}` or higher and keeps {}; the obligation accepts at most `{}` ({})",
            workload.model().name,
            facts.minimum.key(),
            facts.summary(),
            accepted.key(),
            facts.zero_retention.on(today).words()
        )
    })
}

/// What the chosen option (processing in `processing`, called on `endpoint`) means for
/// retention: warnings in the order read, and the account change the call needs, if any.
pub fn step(
    catalog: &Catalog,
    workload: &Workload<'_>,
    setting: &Setting<'_>,
    (processing, endpoint): (&[RegionCode], Option<Endpoint>),
) -> (Vec<Warning>, Option<AccountChange>) {
    let model = workload.model();
    let Some(facts) = catalog.retention_of(&model.id) else {
        return (
            vec![Warning {
                source: Some(Cite::DataRetention),
                ..Warning::plain("This catalog has no data retention facts: whether the model keeps prompts is unknown. Check the AWS data retention and abuse detection pages.")
            }],
            None,
        );
    };
    let mut warnings = Vec::new();
    if facts.keeps_prompts() {
        warnings.push(Warning {
            source: Some(Cite::AbuseDetection),
            ..Warning::plain(format!(
                "{} keeps {}. Retained data is stored in the Region that processed the request: {}.",
                model.name,
                facts.summary(),
                storage(catalog, processing)
            ))
        });
    }
    let source = &workload.source().code;
    let mut change = None;
    if let Some(conflict) = &setting.conflict {
        warnings.push(conflict.clone());
    } else {
        let mode = setting.account.retention_mode(source);
        let (warning, needed) = account_check(source, mode, facts, &model.name);
        warnings.extend(warning);
        change = needed;
    }
    if endpoint == Some(Endpoint::Mantle) && facts.minimum > RetentionMode::None {
        warnings.push(Warning {
            source: Some(Cite::DataRetention),
            ..Warning::plain(format!(
                "On bedrock-mantle a project's data retention mode overrides the account's: the project that calls {} needs `{}` or higher too (or `inherit`).",
                model.name,
                facts.minimum.key()
            ))
        });
    }
    (warnings, change)
}

/// `us-east-1, us-east-2 (United States)`: Regions grouped by country.
fn storage(catalog: &Catalog, regions: &[RegionCode]) -> String {
    let mut groups: Vec<(&str, Vec<&str>)> = Vec::new();
    for region in regions {
        let country = catalog.country_name_of(region);
        match groups.iter_mut().find(|(c, _)| *c == country) {
            Some((_, list)) => list.push(region.as_str()),
            None => groups.push((country, vec![region.as_str()])),
        }
    }
    let parts: Vec<String> = groups
        .into_iter()
        .map(|(country, list)| format!("{} ({country})", list.join(", ")))
        .collect();
    parts.join("; ")
}

/// Whether the account's mode in `source` lets a model with `facts` run.
fn account_check(
    source: &RegionCode,
    mode: Option<AccountMode>,
    facts: &RetentionFacts,
    model: &str,
) -> (Option<Warning>, Option<AccountChange>) {
    let needed = facts.minimum;
    if needed == RetentionMode::None {
        return (None, None);
    }
    let command = set_mode_command(source, needed);
    let change = |from| AccountChange {
        region: source.clone(),
        from,
        to: needed,
        command: command.clone(),
    };
    let cite = |w: Warning| Warning {
        source: Some(Cite::DataRetention),
        ..w
    };
    match mode {
        Some(set) if set.effective() >= needed => (None, None),
        Some(set) => (
            Some(cite(Warning::urgent(format!(
                "{model} will be refused in {source} until the account's data retention mode there is raised from `{}` to `{}` or higher: {command}",
                set.key(),
                needed.key()
            )))),
            Some(change(Some(set))),
        ),
        None if needed > RetentionMode::Default => (
            Some(cite(Warning::urgent(format!(
                "{model} is refused unless the account's data retention mode in {source} is `{}` or higher (a Region left at `inherit` or `default` refuses it): {command}",
                needed.key()
            )))),
            Some(change(None)),
        ),
        None => (
            Some(cite(Warning::plain(format!(
                "{model} is refused where the account's data retention mode is `none` (zero data retention); the account's mode in {source} is not given: check it with aws bedrock get-account-data-retention --region {source}."
            )))),
            None,
        ),
    }
}

/// The plan-level check, per source Region: a workload whose model needs a higher mode than
/// another workload there accepts (and that model keeps prompts, so the higher mode lets it keep
/// more than its obligation accepts). Returns, per workload of `workloads` (same order), the
/// urgent warning it gets; both sides of a conflict get one, and neither is offered an account
/// change.
pub fn conflicts(catalog: &Catalog, workloads: &[&Workload<'_>]) -> Vec<Option<Warning>> {
    let mut out: Vec<Option<Warning>> = vec![None; workloads.len()];
    let needs = |w: &Workload<'_>| {
        catalog
            .retention_of(&w.model().id)
            .map_or(RetentionMode::None, |f| f.minimum)
    };
    let keeps = |w: &Workload<'_>| {
        catalog
            .retention_of(&w.model().id)
            .is_some_and(RetentionFacts::keeps_prompts)
    };
    for (i, a) in workloads.iter().enumerate() {
        let others: Vec<&str> = workloads
            .iter()
            .enumerate()
            .filter(|(j, b)| {
                *j != i && b.source().code == a.source().code && {
                    let over = |x: &Workload<'_>, y: &Workload<'_>| {
                        y.spec().data_retention.is_some_and(|accepted| {
                            needs(x) > accepted && keeps(y) && needs(x) > needs(y)
                        })
                    };
                    over(a, b) || over(b, a)
                }
            })
            .map(|(_, b)| b.name())
            .collect();
        if !others.is_empty() {
            out[i] = Some(Warning {
                source: Some(Cite::DataRetention),
                ..Warning::urgent(format!(
                    "The data retention mode is set per account and Region: in {} this workload and {} need different modes (one model needs a higher mode than the other's obligation accepts). Use separate accounts (or bedrock-mantle projects) for these workloads instead of changing the account's mode.",
                    a.source().code,
                    others
                        .iter()
                        .map(|n| format!("\"{n}\""))
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
            });
        }
    }
    out
}

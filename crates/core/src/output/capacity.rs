//! `atlas capacity`: the quota pools a plan draws on at its peak, what each holds, and the
//! Service Quotas commands that read the applied value and ask for more. JSON for tools,
//! Markdown for a proposal; both render the [`PlanEvaluation`]'s pools, nothing here decides.

use crate::catalog::Catalog;
use crate::engine::capacity::{
    get_command, increase_command, DailyLoad, PoolLoad, FORMULAS, INCREASE_NOTES,
};
use crate::output::evaluation::PlanEvaluation;
use crate::output::markdown::{self, cell};
use crate::plan::money::group_digits;
use serde::Serialize;

/// The whole capacity report.
#[derive(Debug, Serialize)]
pub struct CapacityReport {
    /// The catalog's as-of date.
    pub catalog_as_of: String,
    /// The page the formulas come from.
    pub formulas: &'static str,
    /// Each pool the chosen options draw on, with its commands.
    pub pools: Vec<PoolReport>,
    /// Daily tokens per source Region against the cross-model daily quota.
    pub daily: Vec<DailyLoad>,
    /// What to know before asking for an increase.
    pub notes: [&'static str; 3],
}

/// One pool with what to do about it.
#[derive(Debug, Serialize)]
pub struct PoolReport {
    /// The pool and its summed load.
    #[serde(flatten)]
    pub load: PoolLoad,
    /// (limit − max(settled, admission)) / limit × 100; `null` when unknown.
    pub headroom_pct: Option<f64>,
    /// Why the verdict is unknown, if it is.
    pub reason: Option<String>,
    /// The command that reads the applied value; `null` without a code.
    pub get_command: Option<String>,
    /// The command that asks for max(settled, admission); `null` unless the pool is at risk
    /// or does not fit.
    pub increase_command: Option<String>,
}

/// The capacity report of an evaluated plan.
pub fn capacity_report(catalog: &Catalog, evaluation: &PlanEvaluation<'_>) -> CapacityReport {
    CapacityReport {
        catalog_as_of: catalog.meta.as_of.clone(),
        formulas: FORMULAS.href(),
        pools: evaluation
            .pools
            .iter()
            .map(|p| PoolReport {
                headroom_pct: p.capacity.headroom_pct,
                reason: p.capacity.reason.clone(),
                get_command: get_command(&p.pool),
                increase_command: increase_command(p),
                load: p.clone(),
            })
            .collect(),
        daily: evaluation.daily.clone(),
        notes: INCREASE_NOTES,
    }
}

/// The report as pretty JSON.
pub fn to_json(report: &CapacityReport) -> String {
    serde_json::to_string_pretty(report).unwrap_or_default()
}

fn figure(n: Option<u64>) -> String {
    n.map_or_else(|| "unknown".to_owned(), group_digits)
}

/// The report in Markdown: a table of the pools, then per pool the commands.
pub fn to_markdown(report: &CapacityReport, evaluation: &PlanEvaluation<'_>) -> String {
    let mut out = format!(
        "# Capacity: {}\n\nCatalog as of {}. Tokens a minute at the peak: settled = requests × (input + cache write + output × burndown); admission = requests × (input + cache write + max_tokens) ([source]({})).\n\n",
        markdown::text(evaluation.header.title()),
        report.catalog_as_of,
        report.formulas
    );
    if report.pools.is_empty() {
        out.push_str("No workload gives a peak, so no pool is computed.\n");
    } else {
        let loads: Vec<PoolLoad> = report.pools.iter().map(|p| p.load.clone()).collect();
        out.push_str(&pools_table(&loads));
        out.push_str("\n## What to do\n");
        for p in &report.pools {
            out.push_str(&format!("\n### {}\n\n", cell(&p.load.pool.describe())));
            if let Some(why) = &p.reason {
                out.push_str(&format!("Unknown: {}.\n\n", markdown::text(why)));
            }
            let commands: Vec<&String> = [&p.get_command, &p.increase_command]
                .into_iter()
                .flatten()
                .collect();
            if !commands.is_empty() {
                out.push_str("```sh\n");
                for c in commands {
                    out.push_str(&format!("{c}\n"));
                }
                out.push_str("```\n");
            }
        }
    }
    if !report.daily.is_empty() {
        out.push_str("\n## Tokens a day per source Region\n\n| Region | Workloads | Tokens a day | Cross-model daily quota | Verdict |\n|---|---|---|---|---|\n");
        for d in &report.daily {
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} |\n",
                d.region,
                cell(&d.workloads.join(", ")),
                group_digits(d.tokens_per_day),
                d.limit.map_or("unknown".to_owned(), |l| format!(
                    "{} (published)",
                    group_digits(l)
                )),
                d.verdict.key()
            ));
        }
    }
    out.push_str("\nNotes:\n\n");
    for n in report.notes {
        out.push_str(&format!("- {n}\n"));
    }
    out
}

/// The pools as a Markdown table: pool, Region, workloads, settled, admission, limit (with its
/// source) and verdict; the report and `atlas capacity` print the same table.
pub fn pools_table(pools: &[PoolLoad]) -> String {
    let mut out = String::from(
        "| Pool | Region | Workloads | Settled | Admission | Limit | Verdict |\n|---|---|---|---|---|---|---|\n",
    );
    for p in pools {
        let c = &p.capacity;
        let limit = match c.limit {
            Some(v) => format!("{} ({})", group_digits(v), source_word(c)),
            None => "unknown".to_owned(),
        };
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} |\n",
            cell(&format!(
                "{} {}",
                p.pool.kind.label(),
                p.pool.code.as_deref().unwrap_or("(code unknown)")
            )),
            p.pool.region,
            cell(&p.workloads.join(", ")),
            figure(c.settled_tpm),
            figure(c.admission_tpm),
            limit,
            cell(&c.verdict_words())
        ));
    }
    out
}

fn source_word(c: &crate::engine::capacity::Capacity) -> &'static str {
    match c.limit_source {
        crate::engine::capacity::LimitSource::Applied => "applied",
        crate::engine::capacity::LimitSource::Published => "published default",
        crate::engine::capacity::LimitSource::Unknown => "unknown",
    }
}

/// One applied value "Your account" offers to set: a pool the plan draws on, or a value the plan
/// already gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotaField {
    /// The Region.
    pub region: crate::catalog::ids::RegionCode,
    /// The quota code.
    pub code: String,
    /// `Applied value of L-F4DDD3EB (cross-Region quota) in eu-central-1`.
    pub label: String,
    /// The applied value the plan gives, if any.
    pub applied: Option<u64>,
}

/// The applied values "Your account" offers: each pool with a code the plan's peaks draw on,
/// then each value the plan gives for another pool, in that order.
pub fn quota_fields(evaluation: &PlanEvaluation<'_>) -> Vec<QuotaField> {
    let account = &evaluation.header.account;
    let mut fields: Vec<QuotaField> = evaluation
        .pools
        .iter()
        .filter_map(|p| {
            let code = p.pool.code.clone()?;
            Some(QuotaField {
                label: format!(
                    "Applied value of {code} ({}) in {}",
                    p.pool.kind.label(),
                    p.pool.region
                ),
                applied: account.applied(&p.pool.region, &code),
                region: p.pool.region.clone(),
                code,
            })
        })
        .collect();
    for q in &account.quotas {
        if !fields
            .iter()
            .any(|f| f.region == q.region && f.code == q.code)
        {
            fields.push(QuotaField {
                label: format!("Applied value of {} in {}", q.code, q.region),
                region: q.region.clone(),
                code: q.code.clone(),
                applied: Some(q.value),
            });
        }
    }
    fields
}

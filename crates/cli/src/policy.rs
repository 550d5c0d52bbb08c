//! `atlas policy` and `atlas explain-error`: the IAM and SCP policies, Terraform and
//! CloudFormation of each workload's recommended option, and the error decoder, on the same
//! domain code as the app's policy panel and decoder page.

use atlas_core::catalog::data;
use atlas_core::catalog::Catalog;
use atlas_core::output::decode::{
    decode, Decoded, Diagnosis, Link, CHECKLIST, MAX_INPUT, TRUNCATED_NOTE,
};
use atlas_core::output::evaluation::{PlanEvaluation, WorkloadEvaluation};
use atlas_core::output::policy::{
    identifier, identity_policy_at, terraform_file, to_cloudformation, unique, Account,
    IdentityPolicy, ManagedPolicy, PolicyDocument,
};
use atlas_core::output::scp::{self, deny_global, Blocked};
use atlas_core::plan::{Limits, Workload};
use clap::{Args, ValueEnum};
use serde::Serialize;
use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

/// The arguments of `atlas policy`.
#[derive(Args)]
pub struct PolicyArgs {
    /// The plan file (JSON, the format the app imports and exports).
    plan: PathBuf,
    /// One workload, by name or by 1-based position; every workload when omitted.
    #[arg(long)]
    workload: Option<String>,
    /// The 12-digit AWS account ID to put in the ARNs (a placeholder otherwise).
    #[arg(long)]
    account: Option<String>,
    /// What to print.
    #[arg(long, value_enum, default_value_t = PolicyFormat::Iam)]
    format: PolicyFormat,
}

/// What `atlas policy` prints.
#[derive(Clone, Copy, ValueEnum)]
enum PolicyFormat {
    /// The IAM identity policy (JSON).
    Iam,
    /// The SCP check and patch (JSON).
    Scp,
    /// A Terraform aws_iam_policy_document data source.
    Terraform,
    /// A CloudFormation template with an AWS::IAM::ManagedPolicy (JSON).
    Cloudformation,
}

/// One workload and its evaluation.
type Entry<'p, 'c> = (&'p Workload<'c>, &'p WorkloadEvaluation<'c>);

/// The workloads `--workload` selects: the one named or numbered, or all.
fn select<'p, 'c>(
    evaluation: &'p PlanEvaluation<'c>,
    which: Option<&str>,
) -> Result<Vec<Entry<'p, 'c>>, String> {
    let all: Vec<Entry<'p, 'c>> = evaluation
        .workloads
        .iter()
        .map(|e| (&e.workload, &**e))
        .collect();
    let Some(which) = which else {
        return Ok(all);
    };
    let by_position = which
        .trim()
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_sub(1))
        .and_then(|i| all.get(i).copied());
    by_position
        .or_else(|| {
            all.iter()
                .copied()
                .find(|(w, _)| atlas_core::plan::same_name(w.name(), which))
        })
        .map(|entry| vec![entry])
        .ok_or_else(|| {
            let names: Vec<String> = all
                .iter()
                .enumerate()
                .map(|(i, (w, _))| format!("{} {:?}", i + 1, w.name()))
                .collect();
            format!(
                "no workload {which:?} in the plan; it has: {}",
                names.join(", ")
            )
        })
}

fn no_recommendation(workload: &Workload<'_>) -> String {
    format!(
        "workload {:?} has no recommended option (no option is eligible), so there is no policy",
        workload.name()
    )
}

/// `atlas policy`.
pub fn policy(args: &PolicyArgs) -> Result<String, String> {
    let catalog = data::catalog().map_err(|e| e.to_string())?;
    let account = Account::parse(args.account.as_deref().unwrap_or_default())
        .map_err(|e| format!("--account: {e}"))?;
    // Read as `atlas recommend` reads it, with its default limits, judged today (UTC).
    let plan = crate::files::read_plan(&args.plan, catalog, Limits::CLI)?;
    let day = crate::files::judged_on(None)?;
    let evaluation = PlanEvaluation::of(catalog, &plan, day);
    let entries = select(&evaluation, args.workload.as_deref())?;
    let single = args.workload.is_some();
    if single && !matches!(args.format, PolicyFormat::Scp) {
        if let Some((w, e)) = entries.first() {
            if e.chosen().is_none() {
                return Err(no_recommendation(w));
            }
        }
    }
    match args.format {
        PolicyFormat::Iam => iam(&entries, &account, single),
        PolicyFormat::Scp => Ok(scp_report(&entries, single)),
        PolicyFormat::Terraform => terraform(&entries, &account),
        PolicyFormat::Cloudformation => cloudformation(&entries, &account),
    }
}

fn pretty<T: Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default() + "\n"
}

/// One workload's entry in the list `atlas policy` prints without `--workload`.
#[derive(Serialize)]
struct IamEntry<'a> {
    workload: &'a str,
    option: Option<&'a str>,
    policy: Option<PolicyDocument>,
}

fn iam(entries: &[Entry<'_, '_>], account: &Account, single: bool) -> Result<String, String> {
    let mut list = Vec::new();
    for (workload, evaluation) in entries {
        let chosen = evaluation.chosen();
        let policy = chosen
            .map(|chosen| {
                identity_policy_at(workload, chosen, account, evaluation.recommendation.tier)
            })
            .transpose()?
            .map(|p| p.document);
        if let (true, Some(policy)) = (single, &policy) {
            return Ok(policy.to_json() + "\n");
        }
        list.push(IamEntry {
            workload: workload.name(),
            option: chosen.and_then(|o| o.call_id()),
            policy,
        });
    }
    Ok(pretty(&list))
}

/// One workload's SCP check as `atlas policy --format scp` prints it.
#[derive(Serialize)]
struct ScpReport<'a> {
    workload: &'a str,
    option: Option<&'a str>,
    /// The option the patch allows: `option`, or else the first only the SCP blocks.
    patch_for: Option<String>,
    blocked: Vec<Blocked>,
    needed: Vec<String>,
    requested_regions: Option<Vec<String>>,
    statement: Option<PolicyDocument>,
    summary: String,
    deny_global_scp: PolicyDocument,
    /// With a stated retention obligation: the statement that keeps the mode within it.
    #[serde(skip_serializing_if = "Option::is_none")]
    data_retention_scp: Option<RetentionScp>,
    /// The command that sets the account's mode the recommendation needs.
    #[serde(skip_serializing_if = "Option::is_none")]
    account_change: Option<String>,
    sources: Vec<&'static str>,
}

#[derive(Serialize)]
struct RetentionScp {
    summary: String,
    statement: PolicyDocument,
}

fn scp_report(entries: &[Entry<'_, '_>], single: bool) -> String {
    let reports: Vec<ScpReport<'_>> = entries
        .iter()
        .map(|(workload, evaluation)| {
            let options = &evaluation.recommendation.options;
            let check = scp::check(workload, options, evaluation.chosen());
            ScpReport {
                workload: workload.name(),
                option: evaluation.chosen().and_then(|o| o.call_id()),
                patch_for: check.target,
                blocked: check.blocked,
                needed: check.needed,
                requested_regions: check.requested_regions,
                statement: check.statement,
                summary: check.summary,
                deny_global_scp: deny_global(),
                data_retention_scp: check.retention.map(|g| RetentionScp {
                    summary: g.summary,
                    statement: g.statement,
                }),
                account_change: evaluation
                    .recommendation
                    .account_change
                    .as_ref()
                    .map(|c| c.command.clone()),
                sources: check.cites.iter().map(|c| c.href()).collect(),
            }
        })
        .collect();
    match (single, reports.as_slice()) {
        (true, [one]) => pretty(one),
        _ => pretty(&reports),
    }
}

/// The policies of the entries that have a recommendation, with the workload's name.
fn policies<'p>(
    entries: &[Entry<'p, '_>],
    account: &Account,
) -> Result<Vec<(&'p str, String, IdentityPolicy)>, String> {
    entries
        .iter()
        .filter_map(|(w, e)| e.chosen().map(|chosen| (w, e, chosen)))
        .map(|(w, e, chosen)| {
            let policy = identity_policy_at(w, chosen, account, e.recommendation.tier)?;
            let description = format!(
                "Invoke {} from {}",
                chosen.call_id().unwrap_or_default(),
                w.source().code
            );
            Ok((w.name(), description, policy))
        })
        .collect()
}

fn terraform(entries: &[Entry<'_, '_>], account: &Account) -> Result<String, String> {
    let policies = policies(entries, account)?;
    let mut names: Vec<String> = Vec::new();
    let mut parts = Vec::new();
    for (name, description, policy) in &policies {
        let base = identifier(name, "_", "bedrock");
        let unique_name = unique(base, |n| names.iter().any(|m| m == n));
        names.push(unique_name.clone());
        parts.push((description.clone(), &policy.document, unique_name));
    }
    Ok(terraform_file(&parts))
}

fn cloudformation(entries: &[Entry<'_, '_>], account: &Account) -> Result<String, String> {
    let policies = policies(entries, account)?;
    let managed: Vec<ManagedPolicy<'_>> = policies
        .iter()
        .map(|(name, description, policy)| ManagedPolicy {
            name,
            description: description.clone(),
            document: &policy.document,
        })
        .collect();
    Ok(to_cloudformation(&managed))
}

fn link_line(link: &Link) -> Option<String> {
    match link {
        Link::Cite(cite) if cite.href().starts_with("https://") => {
            Some(format!("{}: {}", cite.title(), cite.href()))
        }
        Link::Plan => Some(
            "The exact policy for a plan: atlas policy PLAN.json --format iam (or scp)".to_owned(),
        ),
        _ => None,
    }
}

/// The diagnosis as plain text.
pub fn diagnosis_text(catalog: &Catalog, d: &Diagnosis, truncated: bool) -> String {
    let mut out = format!("Recognised: {}\n", d.kind.title());
    if truncated {
        out.push_str(&format!("({TRUNCATED_NOTE})\n"));
    }
    if let Some(model) = d.model.as_ref().and_then(|m| catalog.model(m)) {
        out.push_str(&format!("Model: {} ({})\n", model.name, model.id));
    }
    if let Some(region) = &d.region {
        out.push_str(&format!("Region: {region}\n"));
    }
    out.push_str(&format!("\nCause: {}\n\nFix:\n", d.cause));
    for fix in &d.fixes {
        out.push_str(&format!("  - {fix}\n"));
    }
    if !d.profiles.is_empty() {
        out.push_str("\nProfile IDs per geography:\n");
        for (scope, id) in &d.profiles {
            out.push_str(&format!("  {scope}: {id}\n"));
        }
    }
    let links: Vec<String> = d.links.iter().filter_map(link_line).collect();
    if !links.is_empty() {
        out.push_str("\nRead more:\n");
        for link in links {
            out.push_str(&format!("  - {link}\n"));
        }
    }
    out
}

/// `atlas explain-error`: 0 when the message on stdin is recognised, 2 when not, 1 on failure.
pub fn explain_error() -> ExitCode {
    let catalog = match data::catalog() {
        Ok(catalog) => catalog,
        Err(e) => {
            eprintln!("atlas: {e}");
            return ExitCode::FAILURE;
        }
    };
    // One byte past what is decoded, so the decoder knows the paste was cut.
    let mut bytes = Vec::new();
    if let Err(e) = std::io::stdin()
        .take(MAX_INPUT as u64 + 1)
        .read_to_end(&mut bytes)
    {
        eprintln!("atlas: reading the message from standard input: {e}");
        return ExitCode::FAILURE;
    }
    let text = String::from_utf8_lossy(&bytes);
    let decoded = decode(catalog, &text);
    let cut = matches!(decoded, Decoded::Unrecognised { truncated: true });
    match decoded {
        Decoded::Recognised {
            diagnosis,
            truncated,
        } => {
            print!("{}", diagnosis_text(catalog, &diagnosis, truncated));
            ExitCode::SUCCESS
        }
        Decoded::Empty | Decoded::Unrecognised { .. } => {
            let mut out = if text.trim().is_empty() {
                "No message on standard input: paste a Bedrock error message or stack trace.\n"
                    .to_owned()
            } else {
                "Not recognised: this is not a Bedrock error this tool knows.\n".to_owned()
            };
            if cut {
                out.push_str(&format!("({TRUNCATED_NOTE})\n"));
            }
            out.push_str("\nChecklist:\n");
            for item in CHECKLIST {
                out.push_str(&format!("  - {item}\n"));
            }
            print!("{out}");
            ExitCode::from(2)
        }
    }
}

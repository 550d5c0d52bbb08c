//! The organisation's Region-deny SCP against a workload's options: which options it blocks and
//! which `aws:RequestedRegion` values they need that it denies; the list (and the statement)
//! that would allow the recommended option; and the SCP AWS documents to deny global inference
//! organisation-wide. A geographic profile needs every destination Region for its source
//! allowed; a global profile `"unspecified"` and the source; in-Region and Provisioned
//! Throughput the source (AWS: inference profiles support, geographic and global cross-Region
//! inference).

use crate::catalog::cite::Cite;
use crate::catalog::order;
use crate::catalog::retention::RetentionMode;
use crate::catalog::schema::Endpoint;
use crate::engine::options::{OptionEval, OptionKind};
use crate::output::policy::{Condition, Effect, PolicyDocument, Statement};
use crate::plan::{OrgPolicy, Workload};
use serde::Serialize;

/// The `aws:RequestedRegion` value of calls that global profiles route outside any Region.
pub const UNSPECIFIED: &str = "unspecified";

/// An option the organisation policy blocks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Blocked {
    /// The option's label, `Geographic (EU)`.
    pub option: String,
    /// The ID it calls.
    pub id: String,
    /// The `aws:RequestedRegion` values it needs that the policy denies.
    pub denied: Vec<String>,
    /// Why, in plain words.
    pub reason: String,
}

/// The SCP check of one workload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScpCheck {
    /// The offered options the policy blocks, in column order.
    pub blocked: Vec<Blocked>,
    /// The option the patch is for: the recommended one, or else the first that only the
    /// organisation policy blocks.
    pub target: Option<String>,
    /// The `aws:RequestedRegion` values the target option needs, sorted.
    pub needed: Vec<String>,
    /// The allowed list that would let the recommended option through: the policy's list plus
    /// what it lacks; `None` when the policy restricts no Region.
    pub requested_regions: Option<Vec<String>>,
    /// The statement that denies Bedrock outside that list; `None` without a list.
    pub statement: Option<PolicyDocument>,
    /// What to change, in plain words.
    pub summary: String,
    /// The pages these rules come from.
    pub cites: Vec<Cite>,
    /// With a stated retention obligation: the statement that keeps the account's data
    /// retention mode within it, for the target option's endpoint.
    pub retention: Option<RetentionGuard>,
}

/// An SCP statement that keeps the data retention mode within what an obligation accepts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetentionGuard {
    /// What it does, in plain words.
    pub summary: String,
    /// The statement.
    pub statement: PolicyDocument,
}

/// The modes an account or project may be set to under an obligation that accepts at most
/// `accepted`: every mode up to it, and `inherit` when the model's default (`default`) is
/// accepted.
pub fn modes_within(accepted: RetentionMode) -> Vec<String> {
    let mut modes: Vec<String> = RetentionMode::ALL
        .into_iter()
        .filter(|m| *m <= accepted)
        .map(|m| m.key().to_owned())
        .collect();
    if accepted >= RetentionMode::Default {
        modes.push("inherit".to_owned());
    }
    modes
}

/// The service prefix, actions and condition key that set a data retention mode on the
/// endpoint a route calls: bedrock-runtime routes (and Provisioned Throughput) are governed by
/// the `bedrock` control plane's account setting; bedrock-mantle routes by its account setting
/// and its projects. One function, so every statement about an endpoint's permissions agrees.
pub fn retention_permissions(endpoint: Option<Endpoint>) -> (Vec<&'static str>, &'static str) {
    match endpoint {
        Some(Endpoint::Mantle) => (
            vec![
                "bedrock-mantle:PutAccountDataRetention",
                "bedrock-mantle:CreateProject",
                "bedrock-mantle:UpdateProject",
            ],
            "bedrock-mantle:DataRetentionMode",
        ),
        Some(Endpoint::Runtime) | None => (
            vec!["bedrock:PutAccountDataRetention"],
            "bedrock:DataRetentionMode",
        ),
    }
}

/// The SCP statement that denies setting a data retention mode above `accepted` through the
/// endpoint a route calls (a project created without a mode inherits the account's, which the
/// statement also guards).
pub fn retention_guard(endpoint: Option<Endpoint>, accepted: RetentionMode) -> RetentionGuard {
    let (actions, key) = retention_permissions(endpoint);
    let allowed = modes_within(accepted);
    RetentionGuard {
        summary: format!(
            "The obligation accepts at most `{}` (\"{}\"): this statement denies {} with any {key} but {}.",
            accepted.key(),
            accepted.effect(),
            actions.join(", "),
            allowed.join(", ")
        ),
        statement: PolicyDocument {
            statements: vec![Statement {
                sid: "DenyDataRetentionAboveObligation",
                effect: Effect::Deny,
                actions,
                resources: vec!["*".to_owned()],
                conditions: vec![Condition {
                    operator: "StringNotEqualsIfExists",
                    keys: vec![(key, allowed)],
                }],
            }],
        },
    }
}

/// The `aws:RequestedRegion` values an option's calls carry, sorted.
pub fn needed_values(option: &OptionEval, workload: &Workload<'_>) -> Vec<String> {
    let source = workload.source().code.to_string();
    let mut values = match option.kind {
        OptionKind::Global => vec![source, UNSPECIFIED.to_owned()],
        OptionKind::Geographic => {
            let mut v: Vec<String> = option
                .processing_regions
                .iter()
                .map(|r| r.to_string())
                .collect();
            v.push(source);
            v
        }
        OptionKind::InRegion | OptionKind::Provisioned => vec![source],
    };
    order::sort(&mut values);
    values.dedup();
    values
}

/// Whether the policy lets calls carrying `value` through.
fn allows(policy: &OrgPolicy, value: &str) -> bool {
    if value == UNSPECIFIED {
        return policy.allows_global;
    }
    policy
        .allowed_regions
        .as_ref()
        .is_none_or(|list| list.iter().any(|r| r.as_str() == value))
}

fn reason(kind: OptionKind, denied: &[String]) -> String {
    let regions: Vec<&str> = denied
        .iter()
        .map(String::as_str)
        .filter(|v| *v != UNSPECIFIED)
        .collect();
    let mut parts = Vec::new();
    if denied.iter().any(|v| v == UNSPECIFIED) {
        parts.push("it denies aws:RequestedRegion \"unspecified\", which every global-profile call carries".to_owned());
    }
    if !regions.is_empty() {
        let what = match kind {
            OptionKind::Geographic => "destination Regions of the profile for this source",
            _ => "the source Region",
        };
        parts.push(format!("it denies {what}: {}", regions.join(", ")));
    }
    parts.join("; ")
}

/// The actions a Region-deny SCP must name to govern a route on `endpoint`: `bedrock:*`, and
/// `bedrock-mantle:*` for a route served by bedrock-mantle (a deny on `bedrock:*` alone does not
/// cover bedrock-mantle's actions).
pub fn governing_actions(endpoint: Option<Endpoint>) -> Vec<&'static str> {
    match endpoint {
        Some(Endpoint::Mantle) => vec!["bedrock:*", "bedrock-mantle:*"],
        _ => vec!["bedrock:*"],
    }
}

/// The statement of a Region-deny SCP that allows exactly `list`, for a route on `endpoint`.
pub fn deny_outside(list: &[String], endpoint: Option<Endpoint>) -> PolicyDocument {
    PolicyDocument {
        statements: vec![Statement {
            sid: "DenyBedrockOutsideAllowedRegions",
            effect: Effect::Deny,
            actions: governing_actions(endpoint),
            resources: vec!["*".to_owned()],
            conditions: vec![Condition {
                operator: "StringNotEquals",
                keys: vec![("aws:RequestedRegion", list.to_vec())],
            }],
        }],
    }
}

/// The SCP AWS documents to deny global cross-Region inference organisation-wide.
pub fn deny_global() -> PolicyDocument {
    PolicyDocument {
        statements: vec![Statement {
            sid: "DenyGlobalCrossRegionInference",
            effect: Effect::Deny,
            actions: vec!["bedrock:*"],
            resources: vec!["*".to_owned()],
            conditions: vec![
                Condition {
                    operator: "StringEquals",
                    keys: vec![("aws:RequestedRegion", vec![UNSPECIFIED.to_owned()])],
                },
                Condition {
                    operator: "ArnLike",
                    keys: vec![(
                        "bedrock:InferenceProfileArn",
                        vec!["arn:aws:bedrock:*:*:inference-profile/global.*".to_owned()],
                    )],
                },
            ],
        }],
    }
}

/// Checks the workload's organisation policy against its `options` (offered ones only) and
/// patches it for `recommended`, or, when nothing is recommended, for the first option that
/// only the organisation policy blocks.
pub fn check(
    workload: &Workload<'_>,
    options: &[OptionEval],
    recommended: Option<&OptionEval>,
) -> ScpCheck {
    let policy = workload.policy();
    let recommended = recommended.or_else(|| {
        options
            .iter()
            .find(|o| o.eligibility.blocked_only_by_policy())
    });
    let blocked = options
        .iter()
        .filter(|o| o.eligibility.is_offered())
        .filter_map(|o| {
            let id = o.call_id()?;
            let denied: Vec<String> = needed_values(o, workload)
                .into_iter()
                .filter(|v| !allows(&policy, v))
                .collect();
            (!denied.is_empty()).then(|| Blocked {
                option: o.label(),
                id: id.to_owned(),
                reason: reason(o.kind, &denied),
                denied,
            })
        })
        .collect();
    let needed = recommended
        .map(|o| needed_values(o, workload))
        .unwrap_or_default();
    let requested_regions = policy.allowed_regions.as_ref().map(|list| {
        let mut values: Vec<String> = list.iter().map(|r| r.to_string()).collect();
        if policy.allows_global {
            values.push(UNSPECIFIED.to_owned());
        }
        values.extend(needed.iter().cloned());
        order::sort(&mut values);
        values.dedup();
        values
    });
    let lacking: Vec<&String> = needed.iter().filter(|v| !allows(&policy, v)).collect();
    let summary = match (recommended, lacking.as_slice()) {
        (None, _) => "No option is recommended, so there is nothing to allow.".to_owned(),
        (Some(o), []) => format!("The organisation policy already allows {}.", o.label()),
        (Some(o), lacking) => {
            let list: Vec<&str> = lacking.iter().map(|v| v.as_str()).collect();
            format!(
                "To allow {}, the SCP must also allow aws:RequestedRegion {}.",
                o.label(),
                list.join(", ")
            )
        }
    };
    let summary = if recommended.and_then(|o| o.endpoint) == Some(Endpoint::Mantle) {
        format!("{summary} The route is served by bedrock-mantle, whose actions are bedrock-mantle:*: a Region-deny SCP that names only bedrock:* does not govern it, so the statement names both.")
    } else {
        summary
    };
    ScpCheck {
        target: recommended.and_then(|o| o.call_id()).map(str::to_owned),
        blocked,
        statement: requested_regions
            .as_deref()
            .map(|list| deny_outside(list, recommended.and_then(|o| o.endpoint))),
        requested_regions,
        needed,
        summary,
        cites: vec![
            Cite::ProfilesSupport,
            Cite::GeographicCris,
            Cite::GlobalCris,
        ],
        retention: workload
            .spec()
            .data_retention
            .map(|accepted| retention_guard(recommended.and_then(|o| o.endpoint), accepted)),
    }
}

//! The IAM identity policy that lets a role call one option, exact to its route, and the same
//! policy as a Terraform `aws_iam_policy_document` and a CloudFormation
//! `AWS::IAM::ManagedPolicy`. Geographic profiles: the profile in the source Region and the
//! foundation model in the source and every destination, the model statement limited to calls
//! through the profile (AWS: geographic cross-Region inference). Global profiles: the three
//! statements of AWS's "three-part IAM policy", the last on the Region-less model ARN with
//! `aws:RequestedRegion` `"unspecified"` (AWS: global cross-Region inference). In-Region: the
//! model in the source; Provisioned Throughput: the provisioned model. The bedrock-mantle
//! endpoint: the permissions AWS lists for it (AWS: making inference requests).

use crate::catalog::arn::{Arns, ACCOUNT};
use crate::catalog::cite::Cite;
use crate::catalog::order;
use crate::catalog::schema::Endpoint;
use crate::catalog::tiers::Tier;
use crate::engine::options::{OptionEval, OptionKind};
use crate::output::iam::{option_permissions, INVOKE_ACTIONS, MANTLE_ACTIONS};
use crate::plan::Workload;
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use std::fmt;

/// The account whose ARNs a policy names: a checked 12-digit ID, or the placeholder.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Account {
    /// No account given: ARNs carry [`ACCOUNT`].
    #[default]
    Placeholder,
    /// A 12-digit AWS account ID.
    Id(String),
}

/// Why an account ID was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountError {
    /// What was typed, shortened and with control characters escaped, for the message.
    shown: String,
}

impl fmt::Display for AccountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "an AWS account ID is exactly 12 digits (0-9), such as 123456789012; got {}",
            self.shown
        )
    }
}

impl Account {
    /// Reads what the user typed: blank means the placeholder; spaces around are ignored.
    pub fn parse(raw: &str) -> Result<Account, AccountError> {
        let id = raw.trim();
        if id.is_empty() {
            return Ok(Account::Placeholder);
        }
        if id.len() == 12 && id.bytes().all(|b| b.is_ascii_digit()) {
            return Ok(Account::Id(id.to_owned()));
        }
        let head: String = id.chars().take(20).collect();
        let more = if id.chars().count() > 20 { "…" } else { "" };
        Err(AccountError {
            shown: format!("{:?}{more}", head),
        })
    }

    /// The account field of an ARN.
    pub fn as_str(&self) -> &str {
        match self {
            Account::Placeholder => ACCOUNT,
            Account::Id(id) => id,
        }
    }
}

/// Allow or Deny.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Allow.
    Allow,
    /// Deny.
    Deny,
}

impl Effect {
    /// As IAM writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Effect::Allow => "Allow",
            Effect::Deny => "Deny",
        }
    }
}

/// One condition operator and its keys: `"StringEquals": {"aws:RequestedRegion": "eu-west-1"}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Condition {
    /// `StringEquals`, `StringNotEquals`, `ArnLike`.
    pub operator: &'static str,
    /// Each key with its values, in the order written.
    pub keys: Vec<(&'static str, Vec<String>)>,
}

/// One policy statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// The statement ID.
    pub sid: &'static str,
    /// Allow or Deny.
    pub effect: Effect,
    /// The actions.
    pub actions: Vec<&'static str>,
    /// The resources.
    pub resources: Vec<String>,
    /// The conditions; empty for none.
    pub conditions: Vec<Condition>,
}

/// An IAM or SCP policy document (`Version` 2012-10-17).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyDocument {
    /// The statements, in order.
    pub statements: Vec<Statement>,
}

/// IAM writes a one-element list as the element alone; the AWS examples do too.
struct OneOrMany<'a, T: Serialize>(&'a [T]);

impl<T: Serialize> Serialize for OneOrMany<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            [one] => one.serialize(s),
            many => many.serialize(s),
        }
    }
}

struct Conditions<'a>(&'a [Condition]);

impl Serialize for Conditions<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for condition in self.0 {
            map.serialize_entry(condition.operator, &Keys(&condition.keys))?;
        }
        map.end()
    }
}

struct Keys<'a>(&'a [(&'static str, Vec<String>)]);

impl Serialize for Keys<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (key, values) in self.0 {
            map.serialize_entry(key, &OneOrMany(values))?;
        }
        map.end()
    }
}

impl Serialize for Statement {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("Sid", self.sid)?;
        map.serialize_entry("Effect", self.effect.as_str())?;
        map.serialize_entry("Action", &OneOrMany(&self.actions))?;
        map.serialize_entry("Resource", &OneOrMany(&self.resources))?;
        if !self.conditions.is_empty() {
            map.serialize_entry("Condition", &Conditions(&self.conditions))?;
        }
        map.end()
    }
}

impl Serialize for PolicyDocument {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(2))?;
        map.serialize_entry("Version", "2012-10-17")?;
        map.serialize_entry("Statement", &self.statements)?;
        map.end()
    }
}

impl PolicyDocument {
    /// The document as pretty-printed JSON.
    pub fn to_json(&self) -> String {
        // Serializing plain strings and lists cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Every resource the document names, in order, without repeats.
    pub fn resources(&self) -> Vec<&str> {
        let mut seen: Vec<&str> = Vec::new();
        for r in self.statements.iter().flat_map(|s| &s.resources) {
            if !seen.contains(&r.as_str()) {
                seen.push(r);
            }
        }
        seen
    }
}

/// An identity policy for one option, with the pages it follows and what to know about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdentityPolicy {
    /// The policy.
    pub document: PolicyDocument,
    /// The AWS pages the policy follows.
    pub cites: Vec<Cite>,
    /// What the policy does not cover, in plain words.
    pub notes: Vec<String>,
}

fn allow(sid: &'static str, resources: Vec<String>, conditions: Vec<Condition>) -> Statement {
    Statement {
        sid,
        effect: Effect::Allow,
        actions: INVOKE_ACTIONS.to_vec(),
        resources,
        conditions,
    }
}

fn string_equals(keys: Vec<(&'static str, Vec<String>)>) -> Condition {
    Condition {
        operator: "StringEquals",
        keys,
    }
}

const PROFILE_ARN: &str = "bedrock:InferenceProfileArn";
const REQUESTED_REGION: &str = "aws:RequestedRegion";

/// The statements for a geographic profile: the profile in the source, the model in the source
/// and every destination through the profile.
fn geographic(arns: &Arns<'_>, option: &OptionEval, workload: &Workload<'_>) -> Vec<Statement> {
    let model = &workload.model().id;
    let profile = arns.profile(option.call_id().unwrap_or_default());
    let mut regions: Vec<&str> = option
        .processing_regions
        .iter()
        .map(|r| r.as_str())
        .collect();
    regions.push(workload.source().code.as_str());
    order::sort(&mut regions);
    regions.dedup();
    vec![
        allow("InvokeGeographicProfile", vec![profile.clone()], Vec::new()),
        allow(
            "InvokeModelThroughProfile",
            regions
                .into_iter()
                .map(|r| arns.foundation_model(r, model))
                .collect(),
            vec![string_equals(vec![(PROFILE_ARN, vec![profile])])],
        ),
    ]
}

/// The three statements AWS gives for a global profile.
fn global(arns: &Arns<'_>, option: &OptionEval, workload: &Workload<'_>) -> Vec<Statement> {
    let model = &workload.model().id;
    let source = workload.source().code.to_string();
    let profile = arns.profile(option.call_id().unwrap_or_default());
    vec![
        allow(
            "InvokeGlobalProfile",
            vec![profile.clone()],
            vec![string_equals(vec![(
                REQUESTED_REGION,
                vec![source.clone()],
            )])],
        ),
        allow(
            "InvokeModelInSourceRegion",
            vec![arns.foundation_model(&source, model)],
            vec![string_equals(vec![
                (REQUESTED_REGION, vec![source]),
                (PROFILE_ARN, vec![profile.clone()]),
            ])],
        ),
        allow(
            "InvokeModelGlobally",
            vec![arns.regionless_model(model)],
            vec![string_equals(vec![
                (REQUESTED_REGION, vec!["unspecified".to_owned()]),
                (PROFILE_ARN, vec![profile]),
            ])],
        ),
    ]
}

/// The identity policy that allows calling `option` of `workload` as `account`; an error in
/// plain words when the option is not offered, so there is nothing to call.
pub fn identity_policy(
    workload: &Workload<'_>,
    option: &OptionEval,
    account: &Account,
) -> Result<IdentityPolicy, String> {
    if !option.eligibility.is_offered() || option.call_id().is_none() {
        return Err(format!(
            "{} is not offered for {} from {}, so there is no policy to write",
            option.label(),
            workload.model().name,
            workload.source().code
        ));
    }
    let arns = Arns::new(workload.source(), account.as_str());
    let source = workload.source().code.as_str();
    let model = &workload.model().id;
    let mut notes = Vec::new();
    let (statements, cites) = match (option.kind, option.endpoint) {
        (OptionKind::InRegion, Some(Endpoint::Mantle)) => {
            notes.push("bedrock-mantle scopes inference permissions to projects, not models: these grants cover every model the Region's projects serve".to_owned());
            let statements = option_permissions(workload, option)
                .into_iter()
                .zip(["MantleInference", "MantleApiKey"])
                .map(|(grant, sid)| Statement {
                    sid,
                    effect: Effect::Allow,
                    actions: grant.actions,
                    resources: grant
                        .resources
                        .into_iter()
                        .map(|r| r.replace(ACCOUNT, account.as_str()))
                        .collect(),
                    conditions: Vec::new(),
                })
                .collect();
            (statements, vec![Cite::InferencePermissions, Cite::Mantle])
        }
        (OptionKind::Geographic, _) => (
            geographic(&arns, option, workload),
            vec![Cite::GeographicCris, Cite::ProfilesSupport],
        ),
        (OptionKind::Global, _) => (global(&arns, option, workload), vec![Cite::GlobalCris]),
        (OptionKind::InRegion, _) => (
            vec![allow(
                "InvokeModelInRegion",
                vec![arns.foundation_model(source, model)],
                Vec::new(),
            )],
            vec![Cite::InferencePermissions],
        ),
        (OptionKind::Provisioned, _) => {
            notes.push("the provisioned model's ID is known after purchase: replace <provisioned-model-id>".to_owned());
            (
                vec![allow(
                    "InvokeProvisionedModel",
                    vec![arns.provisioned_model()],
                    Vec::new(),
                )],
                vec![Cite::ProvisionedThroughput],
            )
        }
    };
    if *account == Account::Placeholder {
        notes.push(format!("replace {ACCOUNT} with your 12-digit account ID"));
    }
    if workload.model().provider.eq_ignore_ascii_case("anthropic") {
        notes.push("Anthropic models are sold through AWS Marketplace: the first call in an account also needs aws-marketplace:ViewSubscriptions and aws-marketplace:Subscribe (or an administrator's subscription)".to_owned());
    }
    Ok(IdentityPolicy {
        document: PolicyDocument { statements },
        cites,
        notes,
    })
}

/// The identity policy for `option` bought at `tier` (the recommended tier of the recommended
/// option): [`identity_policy`] with a statement that denies the service tiers the workload
/// does not use, as AWS's example for `bedrock:ServiceTier` does (`bedrock-mantle:ServiceTier`
/// on a bedrock-mantle route). Standard (`default`) always stays allowed: it is where Reserved
/// overflow goes and what a request without a tier gets. Batch jobs and Provisioned Throughput
/// take no tier, so get no such statement.
pub fn identity_policy_at(
    workload: &Workload<'_>,
    option: &OptionEval,
    account: &Account,
    tier: Option<Tier>,
) -> Result<IdentityPolicy, String> {
    let mut policy = identity_policy(workload, option, account)?;
    let Some(tier) = tier.filter(|t| *t != Tier::Batch && option.kind != OptionKind::Provisioned)
    else {
        return Ok(policy);
    };
    let denied: Vec<String> = [Tier::Reserved, Tier::Priority, Tier::Flex]
        .into_iter()
        .filter(|t| *t != tier)
        .map(|t| t.api().to_owned())
        .collect();
    let (key, actions) = match option.endpoint {
        Some(Endpoint::Mantle) => ("bedrock-mantle:ServiceTier", vec![MANTLE_ACTIONS[0]]),
        _ => ("bedrock:ServiceTier", INVOKE_ACTIONS.to_vec()),
    };
    policy.document.statements.push(Statement {
        sid: "DenyOtherServiceTiers",
        effect: Effect::Deny,
        actions,
        resources: vec!["*".to_owned()],
        conditions: vec![string_equals(vec![(key, denied.clone())])],
    });
    let allowed = match tier {
        Tier::Default => "Standard stays allowed".to_owned(),
        other => format!("{} and Standard stay allowed", other.name()),
    };
    policy.notes.push(format!(
        "the last statement denies the {} service tiers, which this workload does not use ({allowed}); remove it to let callers choose a tier",
        denied.join(", ")
    ));
    policy.cites.push(Cite::ServiceTiers);
    Ok(policy)
}

/// A Terraform or CloudFormation name from a workload name: letters and digits, words joined by
/// `sep`, starting with a letter; `fallback` when nothing is left.
pub fn identifier(name: &str, sep: &str, fallback: &str) -> String {
    let words: Vec<String> = name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .map(str::to_owned)
        .collect();
    let joined = if sep.is_empty() {
        words
            .iter()
            .map(|w| {
                let mut chars = w.chars();
                chars.next().map_or_else(String::new, |c| {
                    c.to_ascii_uppercase().to_string() + chars.as_str()
                })
            })
            .collect::<String>()
    } else {
        words.join(sep).to_ascii_lowercase()
    };
    match joined.chars().next() {
        Some(c) if c.is_ascii_alphabetic() => joined,
        Some(_) => format!("{fallback}{sep}{joined}"),
        None => fallback.to_owned(),
    }
}

/// An HCL string literal. The account placeholder becomes the caller's account ID
/// (`data.aws_caller_identity.current`, which [`terraform_file`] declares).
fn hcl(value: &str) -> String {
    let escaped = value
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace("${", "$${")
        .replace("%{", "%%{")
        .replace('\n', "\\n")
        .replace(ACCOUNT, TERRAFORM_ACCOUNT);
    format!("\"{escaped}\"")
}

/// The caller's account ID in Terraform, in place of the placeholder.
const TERRAFORM_ACCOUNT: &str = "${data.aws_caller_identity.current.account_id}";

/// A Terraform file of the documents, each under its comment and name, with the
/// `aws_caller_identity` data source once when an ARN needs the account ID.
pub fn terraform_file(parts: &[(String, &PolicyDocument, String)]) -> String {
    let mut out = String::new();
    if parts.iter().any(|(_, d, _)| d.to_json().contains(ACCOUNT)) {
        out.push_str("data \"aws_caller_identity\" \"current\" {}\n");
    }
    for (comment, document, name) in parts {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&format!("# {comment}\n"));
        out.push_str(&to_terraform(document, name));
    }
    out
}

fn hcl_list<T: AsRef<str>>(values: &[T]) -> String {
    let items: Vec<String> = values.iter().map(|v| hcl(v.as_ref())).collect();
    if items.len() == 1 {
        format!("[{}]", items[0])
    } else {
        format!("[\n      {},\n    ]", items.join(",\n      "))
    }
}

/// The document as a Terraform `aws_iam_policy_document` data source named after `name`.
pub fn to_terraform(document: &PolicyDocument, name: &str) -> String {
    let mut out = format!(
        "data \"aws_iam_policy_document\" \"{}\" {{\n",
        identifier(name, "_", "bedrock")
    );
    for s in &document.statements {
        out.push_str("  statement {\n");
        attributes(
            &mut out,
            "    ",
            &[
                ("sid", hcl(s.sid)),
                ("effect", hcl(s.effect.as_str())),
                ("actions", hcl_list(&s.actions)),
                ("resources", hcl_list(&s.resources)),
            ],
        );
        for c in &s.conditions {
            for (key, values) in &c.keys {
                out.push_str("\n    condition {\n");
                attributes(
                    &mut out,
                    "      ",
                    &[
                        ("test", hcl(c.operator)),
                        ("variable", hcl(key)),
                        ("values", hcl_list(values).replace("\n    ", "\n      ")),
                    ],
                );
                out.push_str("    }\n");
            }
        }
        out.push_str("  }\n");
    }
    out.push_str("}\n");
    out
}

/// Attributes as `terraform fmt` writes them: the `=` of consecutive one-line attributes
/// aligned; an attribute whose value spans lines stands alone.
fn attributes(out: &mut String, indent: &str, list: &[(&str, String)]) {
    let mut i = 0;
    while i < list.len() {
        let run = list[i..]
            .iter()
            .take_while(|(_, v)| !v.contains('\n'))
            .count()
            .max(1);
        let width = list[i..i + run]
            .iter()
            .map(|(n, _)| n.len())
            .max()
            .unwrap_or(0);
        for (name, value) in &list[i..i + run] {
            let width = if value.contains('\n') {
                name.len()
            } else {
                width
            };
            out.push_str(&format!("{indent}{name:width$} = {value}\n"));
        }
        i += run;
    }
}

/// One managed policy of a CloudFormation template.
pub struct ManagedPolicy<'a> {
    /// The workload's name, made into the logical ID.
    pub name: &'a str,
    /// The policy's description.
    pub description: String,
    /// The policy.
    pub document: &'a PolicyDocument,
}

/// Policies as one CloudFormation template (JSON), one `AWS::IAM::ManagedPolicy` each, their
/// logical IDs made unique.
pub fn to_cloudformation(policies: &[ManagedPolicy<'_>]) -> String {
    #[derive(Serialize)]
    struct Template<'a> {
        #[serde(rename = "AWSTemplateFormatVersion")]
        version: &'static str,
        #[serde(rename = "Resources")]
        resources: std::collections::BTreeMap<String, Resource<'a>>,
    }
    #[derive(Serialize)]
    struct Resource<'a> {
        #[serde(rename = "Type")]
        kind: &'static str,
        #[serde(rename = "Properties")]
        properties: Properties<'a>,
    }
    #[derive(Serialize)]
    struct Properties<'a> {
        #[serde(rename = "Description")]
        description: String,
        #[serde(rename = "PolicyDocument")]
        document: &'a PolicyDocument,
    }
    let mut resources = std::collections::BTreeMap::new();
    for policy in policies {
        let base = identifier(policy.name, "", "Bedrock") + "InvokePolicy";
        let logical = unique(base, |id| resources.contains_key(id));
        // ManagedPolicy descriptions are at most 1,000 characters.
        let description = policy.description.chars().take(1000).collect();
        resources.insert(
            logical,
            Resource {
                kind: "AWS::IAM::ManagedPolicy",
                properties: Properties {
                    description,
                    document: policy.document,
                },
            },
        );
    }
    let template = Template {
        version: "2010-09-09",
        resources,
    };
    let mut value = serde_json::to_value(&template).unwrap_or_default();
    substitute_account(&mut value);
    serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
}

/// Every string holding the account placeholder becomes `{"Fn::Sub": …}` with
/// `${AWS::AccountId}`, so the template deploys in any account as it is.
fn substitute_account(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::String(s) if s.contains(ACCOUNT) => {
            let sub = s.replace("${", "${!").replace(ACCOUNT, "${AWS::AccountId}");
            *value = serde_json::json!({ "Fn::Sub": sub });
        }
        Value::Array(items) => items.iter_mut().for_each(substitute_account),
        Value::Object(fields) => fields.values_mut().for_each(substitute_account),
        _ => {}
    }
}

/// `base`, or `base2`, `base3`, … : the first that `taken` says is free.
pub fn unique(base: String, taken: impl Fn(&str) -> bool) -> String {
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}{n}"))
        .find(|id| !taken(id))
        .unwrap_or(base)
}

//! The plan file: workloads as a user describes them, one JSON format for the app and the command
//! line. A [`WorkloadSpec`] is what the file says; [`WorkloadSpec::check`] resolves it against the
//! catalog into a [`Workload`], the only form the engine takes. Parsing names the workload and
//! field of any problem.

pub mod money;
pub mod planner;
pub mod share;
pub mod stored;
pub mod version;
pub mod wizard;

use crate::catalog::describe::{prefix, QUOTED_CHARS};
use crate::catalog::ids::{ModelId, RegionCode};
use crate::catalog::index::RegionSet;
use crate::catalog::residency::{Allowed, Residency};
use crate::catalog::retention::{AccountMode, RetentionMode};
use crate::catalog::schema::{Model, Region};
use crate::catalog::Catalog;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::collections::BTreeMap;
use std::fmt;

pub use version::PLAN_VERSION;

/// The shape of the traffic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Traffic {
    /// Low and predictable.
    Steady,
    /// Bursts: launches, events.
    Spiky,
    /// Sustained high volume.
    HighVolume,
}

impl Traffic {
    /// Every value, in wizard order.
    pub const ALL: [Traffic; 3] = [Traffic::Steady, Traffic::Spiky, Traffic::HighVolume];

    /// The value as plan files write it, also used in element IDs.
    pub fn key(self) -> &'static str {
        match self {
            Traffic::Steady => "steady",
            Traffic::Spiky => "spiky",
            Traffic::HighVolume => "high_volume",
        }
    }

    /// Plain-words label.
    pub fn label(self) -> &'static str {
        match self {
            Traffic::Steady => "Steady (low and predictable)",
            Traffic::Spiky => "Spiky (bursts, launches, events)",
            Traffic::HighVolume => "High volume",
        }
    }
}

/// The service level the workload needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sla {
    /// Occasional throttling is acceptable.
    BestEffort,
    /// Response time matters.
    LatencySensitive,
    /// A hard capacity guarantee: must not throttle.
    Guaranteed,
}

impl Sla {
    /// Every value, in wizard order.
    pub const ALL: [Sla; 3] = [Sla::BestEffort, Sla::LatencySensitive, Sla::Guaranteed];

    /// The value as plan files write it, also used in element IDs.
    pub fn key(self) -> &'static str {
        match self {
            Sla::BestEffort => "best_effort",
            Sla::LatencySensitive => "latency_sensitive",
            Sla::Guaranteed => "guaranteed",
        }
    }

    /// Plain-words label.
    pub fn label(self) -> &'static str {
        match self {
            Sla::BestEffort => "Best effort (retries on throttling are fine)",
            Sla::LatencySensitive => "Latency-sensitive (users wait for the answer)",
            Sla::Guaranteed => "Guaranteed capacity (must not throttle)",
        }
    }
}

/// How soon the answer is needed (version 2): it decides whether work can wait for a cheaper tier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Turnaround {
    /// A caller waits for the answer (the default).
    #[serde(rename = "interactive")]
    Interactive,
    /// Minutes are fine: the Flex tier can serve it.
    #[serde(rename = "minutes")]
    Minutes,
    /// Within a day: batch jobs can serve it.
    #[serde(rename = "within_24h")]
    Within24h,
}

impl Turnaround {
    /// Every value, in wizard order.
    pub const ALL: [Turnaround; 3] = [
        Turnaround::Interactive,
        Turnaround::Minutes,
        Turnaround::Within24h,
    ];

    /// The value as plan files write it, also used in element IDs.
    pub fn key(self) -> &'static str {
        match self {
            Turnaround::Interactive => "interactive",
            Turnaround::Minutes => "minutes",
            Turnaround::Within24h => "within_24h",
        }
    }

    /// Plain-words label.
    pub fn label(self) -> &'static str {
        match self {
            Turnaround::Interactive => "Interactive (someone waits for each answer)",
            Turnaround::Minutes => "Within minutes (the work can wait a little)",
            Turnaround::Within24h => "Within 24 hours (jobs of many requests)",
        }
    }
}

/// What the organisation's service control policies allow.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrgPolicy {
    /// Regions the SCPs allow; `None` means no Region restriction.
    pub allowed_regions: Option<Vec<RegionCode>>,
    /// Whether `aws:RequestedRegion = "unspecified"` is allowed (needed by global profiles).
    pub allows_global: bool,
}

impl Default for OrgPolicy {
    fn default() -> Self {
        OrgPolicy {
            allowed_regions: None,
            allows_global: true,
        }
    }
}

impl OrgPolicy {
    /// Whether the SCPs allow `region`.
    pub fn allows_region(&self, region: &RegionCode) -> bool {
        self.allowed_regions
            .as_ref()
            .is_none_or(|list| list.contains(region))
    }

    /// The Regions the policy allows, as a set of `catalog`'s Regions.
    pub fn allowed_set(&self, catalog: &Catalog) -> RegionSet {
        self.allowed_regions
            .as_ref()
            .map_or(RegionSet::ALL, |list| catalog.region_set(list))
    }
}

/// A workload as a plan file states it: IDs not yet checked against the catalog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkloadSpec {
    /// A name the user recognises.
    pub name: String,
    /// The base model.
    pub model_id: ModelId,
    /// A fine-tuned or imported model built on `model_id`.
    #[serde(default)]
    pub custom_model: bool,
    /// Where the application calls Bedrock from.
    pub source_region: RegionCode,
    /// Where prompts may be processed.
    pub residency: Residency,
    /// Traffic shape.
    pub traffic: Traffic,
    /// Service level.
    pub sla: Sla,
    /// Organisation policy; absent means no restriction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org_policy: Option<OrgPolicy>,
    /// Expected tokens a month, for a cost estimate; absent means no estimate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tokens_per_month: Option<TokensPerMonth>,
    /// The most data retention the obligation accepts (version 2); absent means not stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_retention: Option<RetentionMode>,
    /// How soon the answer is needed (version 2); absent means interactive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub turnaround: Option<Turnaround>,
    /// The traffic at its peak minute (version 2); absent means not stated, and no capacity is
    /// computed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub peak: Option<Peak>,
}

impl WorkloadSpec {
    /// How soon the answer is needed: interactive unless the plan says otherwise.
    pub fn turnaround(&self) -> Turnaround {
        self.turnaround.unwrap_or(Turnaround::Interactive)
    }

    /// The version-2 fields this workload uses, in the order the format lists them.
    pub fn newer_fields(&self) -> Vec<&'static str> {
        let mut fields = Vec::new();
        if self.data_retention.is_some() {
            fields.push("data_retention");
        }
        if self.turnaround.is_some() {
            fields.push("turnaround");
        }
        if self.peak.is_some() {
            fields.push("peak");
        }
        fields
    }
}

/// A workload's peak minute: how many requests, and their average tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Peak {
    /// Requests in the peak minute.
    pub requests_per_minute: u64,
    /// Input tokens per request, cache tokens not included.
    pub input_tokens: u64,
    /// Output tokens per request.
    pub output_tokens: u64,
    /// The `max_tokens` each request sets; `null` when it sets none, so the model's maximum
    /// output applies.
    #[serde(default)]
    pub max_tokens: Option<u64>,
    /// Tokens read from the prompt cache per request.
    #[serde(default)]
    pub cache_read_tokens: Option<u64>,
    /// Tokens written to the prompt cache per request.
    #[serde(default)]
    pub cache_write_tokens: Option<u64>,
}

/// The most tokens a peak's figure may hold: far above any real traffic, low enough that the
/// products the capacity computes stay exact.
pub const MAX_PEAK_FIGURE: u64 = 1_000_000_000;

impl Peak {
    /// Why the peak cannot be used, as (field below `peak`, message), if it cannot.
    pub fn check(&self) -> Result<(), (String, String)> {
        if self.requests_per_minute == 0 {
            return Err((
                "requests_per_minute".into(),
                "a peak needs at least one request a minute; leave `peak` out instead".into(),
            ));
        }
        if self.max_tokens == Some(0) {
            return Err((
                "max_tokens".into(),
                "`max_tokens` 0 lets no output through; write null when requests do not set it"
                    .into(),
            ));
        }
        let figures = [
            ("requests_per_minute", Some(self.requests_per_minute)),
            ("input_tokens", Some(self.input_tokens)),
            ("output_tokens", Some(self.output_tokens)),
            ("max_tokens", self.max_tokens),
            ("cache_read_tokens", self.cache_read_tokens),
            ("cache_write_tokens", self.cache_write_tokens),
        ];
        for (field, value) in figures {
            if value.is_some_and(|v| v > MAX_PEAK_FIGURE) {
                return Err((
                    field.into(),
                    format!("at most {MAX_PEAK_FIGURE} (a figure per request or per minute)"),
                ));
            }
        }
        Ok(())
    }
}

/// What the plan knows of the AWS account it runs in (version 2): per Region, what is set there;
/// the quota values Service Quotas applies; the Reserved-tier reservations it holds.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Account {
    /// Settings per source Region.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub regions: BTreeMap<RegionCode, RegionAccount>,
    /// Applied quota values, which win over published defaults.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quotas: Vec<AppliedQuota>,
    /// Reserved-tier reservations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reservations: Vec<Reservation>,
}

/// A quota's applied value in one Region, as Service Quotas reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AppliedQuota {
    /// The Region.
    pub region: RegionCode,
    /// The quota code (`L-F4DDD3EB`).
    pub code: String,
    /// The applied value, tokens per minute.
    pub value: u64,
}

/// A Reserved-tier reservation for one profile, called from one Region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reservation {
    /// The Region it is called from.
    pub region: RegionCode,
    /// The inference profile it reserves.
    pub profile_id: crate::catalog::ids::ProfileId,
    /// Reserved input tokens per minute.
    pub input_tpm: u64,
    /// Reserved output tokens per minute.
    pub output_tpm: u64,
}

/// Whether `code` is written as Service Quotas writes quota codes: `L-` and eight capitals or
/// digits.
pub fn is_quota_code(code: &str) -> bool {
    code.strip_prefix("L-").is_some_and(|hex| {
        hex.len() == 8
            && hex
                .chars()
                .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
    })
}

/// What is set in one Region of the account.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionAccount {
    /// The account's data retention mode there; absent means unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_retention_mode: Option<AccountMode>,
}

impl Account {
    /// Whether the plan says nothing about the account.
    pub fn is_empty(&self) -> bool {
        self.regions
            .values()
            .all(|r| *r == RegionAccount::default())
            && self.quotas.is_empty()
            && self.reservations.is_empty()
    }

    /// The account with quota `code`'s applied value in `region` set (`None` forgets it).
    pub fn with_quota(&self, region: &RegionCode, code: &str, value: Option<u64>) -> Account {
        let mut account = self.clone();
        account
            .quotas
            .retain(|q| !(&q.region == region && q.code == code));
        if let Some(value) = value {
            account.quotas.push(AppliedQuota {
                region: region.clone(),
                code: code.to_owned(),
                value,
            });
        }
        account
    }

    /// The applied value of quota `code` in `region`, if the plan gives it.
    pub fn applied(&self, region: &RegionCode, code: &str) -> Option<u64> {
        self.quotas
            .iter()
            .find(|q| &q.region == region && q.code == code)
            .map(|q| q.value)
    }

    /// The reservation for `profile` called from `region`, if the plan gives one.
    pub fn reservation(
        &self,
        region: &RegionCode,
        profile: &crate::catalog::ids::ProfileId,
    ) -> Option<&Reservation> {
        self.reservations
            .iter()
            .find(|r| &r.region == region && &r.profile_id == profile)
    }

    /// The account's data retention mode in `region`, if the plan gives it.
    pub fn retention_mode(&self, region: &RegionCode) -> Option<AccountMode> {
        self.regions.get(region).and_then(|r| r.data_retention_mode)
    }

    /// The account with `region`'s mode set (`None` forgets it).
    pub fn with_retention_mode(&self, region: &RegionCode, mode: Option<AccountMode>) -> Account {
        let mut account = self.clone();
        account
            .regions
            .entry(region.clone())
            .or_default()
            .data_retention_mode = mode;
        account
            .regions
            .retain(|_, r| *r != RegionAccount::default());
        account
    }
}

/// Expected monthly volume, in tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TokensPerMonth {
    /// Input (prompt) tokens a month.
    pub input: u64,
    /// Output (completion) tokens a month.
    pub output: u64,
}

impl TokensPerMonth {
    /// The monthly cost at `price`, in micro-USD (prices are micro-USD per million tokens).
    pub fn cost(self, price: &crate::catalog::schema::Price) -> u64 {
        let micro = (u128::from(self.input) * u128::from(price.input)
            + u128::from(self.output) * u128::from(price.output))
            / 1_000_000;
        u64::try_from(micro).unwrap_or(u64::MAX)
    }
}

/// A workload whose model, source Region and obligation the catalog resolved: the only form
/// the engine takes, so it never meets a reference it cannot follow.
#[derive(Debug, Clone)]
pub struct Workload<'c> {
    spec: WorkloadSpec,
    model: &'c Model,
    source: &'c Region,
    allowed: Allowed,
    /// `allowed` as a set of the catalog's Regions, resolved once: every evaluation uses it.
    allowed_set: RegionSet,
}

impl PartialEq for Workload<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.spec == other.spec
    }
}

impl Eq for Workload<'_> {}

impl<'c> Workload<'c> {
    /// What the plan file says.
    pub fn spec(&self) -> &WorkloadSpec {
        &self.spec
    }

    /// The workload's name.
    pub fn name(&self) -> &str {
        &self.spec.name
    }

    /// The model.
    pub fn model(&self) -> &'c Model {
        self.model
    }

    /// The source Region.
    pub fn source(&self) -> &'c Region {
        self.source
    }

    /// Where processing is allowed.
    pub fn allowed(&self) -> &Allowed {
        &self.allowed
    }

    /// Where processing is allowed, as a set of the catalog's Regions.
    pub fn allowed_set(&self) -> RegionSet {
        self.allowed_set
    }

    /// The organisation policy in force (none given = no restriction).
    pub fn policy(&self) -> OrgPolicy {
        self.spec.org_policy.clone().unwrap_or_default()
    }

    /// The same workload under another name.
    pub fn renamed(&self, name: String) -> Workload<'c> {
        Workload {
            spec: WorkloadSpec {
                name,
                ..self.spec.clone()
            },
            ..self.clone()
        }
    }
}

/// What a plan says about itself (plan format version 2; see [`version`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PlanHeader {
    /// The plan's title, shown on the plan page, the report and the slides; absent, they say
    /// "Bedrock inference plan".
    pub name: Option<String>,
    /// The catalog date (`YYYY-MM-DD`) the plan was last reviewed against: set only by an
    /// explicit "mark reviewed", kept as it is on import; absent, not reviewed yet.
    pub reviewed_against: Option<String>,
    /// What the plan knows of the account: each Region's data retention mode.
    pub account: Account,
}

/// The title of a plan without a name.
pub const UNTITLED: &str = "Bedrock inference plan";

impl PlanHeader {
    /// The plan's title: its name, or [`UNTITLED`].
    pub fn title(&self) -> &str {
        self.name.as_deref().unwrap_or(UNTITLED)
    }

    /// The lowest plan format version that holds these fields.
    fn version(&self) -> u32 {
        if self.name.is_some() || self.reviewed_against.is_some() || !self.account.is_empty() {
            version::VERSION_WITH_HEADER
        } else {
            1
        }
    }
}

/// A plan: what it says about itself and the workloads, checked against the catalog, in the
/// user's order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Plan<'c> {
    /// The plan's name and review date.
    pub header: PlanHeader,
    /// The workloads.
    pub workloads: Vec<Workload<'c>>,
}

/// The plan file's shape, as written.
#[derive(Serialize)]
struct PlanFile<'p> {
    version: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'p str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reviewed_against: Option<&'p str>,
    #[serde(skip_serializing_if = "Account::is_empty")]
    account: &'p Account,
    workloads: Vec<&'p WorkloadSpec>,
}

/// Limits a plan file must stay within, checked before its workloads are read: far above any
/// real plan, low enough that a hostile file cannot exhaust the page or the machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The file's size, in bytes.
    pub max_bytes: usize,
    /// The number of workloads.
    pub max_workloads: usize,
}

impl Limits {
    /// The app's import: 1,000 workloads, 1 MB.
    pub const APP: Limits = Limits {
        max_bytes: 1_000_000,
        max_workloads: 1_000,
    };
    /// The command line's defaults (`atlas recommend --max-workloads --max-bytes` raise them):
    /// 10,000 workloads, 16 MB.
    pub const CLI: Limits = Limits {
        max_bytes: 16_000_000,
        max_workloads: 10_000,
    };
}

/// Where in the file a problem is: 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// The line.
    pub line: usize,
    /// The column.
    pub column: usize,
}

/// Why a plan cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanError {
    /// Which workload (1-based position and name), when the problem is inside one.
    pub workload: Option<(usize, String)>,
    /// Which field, such as `model_id` or `residency.codes`.
    pub field: String,
    /// What is wrong.
    pub message: String,
    /// Where in the file, when the file could be read as text.
    pub at: Option<Position>,
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.workload {
            Some((n, name)) if name.is_empty() => write!(f, "workload {n}, ")?,
            Some((n, name)) => write!(f, "workload {n} (\"{}\"), ", prefix(name))?,
            None => {}
        }
        write!(f, "{}: {}", self.field, self.message)?;
        if let Some(at) = self.at {
            write!(f, " (line {}, column {})", at.line, at.column)?;
        }
        Ok(())
    }
}

impl std::error::Error for PlanError {}

/// A serde message with every quoted value (between `"` or `` ` ``) cut to a short prefix and
/// the position serde appends removed (the error carries the file's own).
fn shorten(message: &str) -> String {
    let message = match message.rfind(" at line ") {
        Some(i) => &message[..i],
        None => message,
    };
    let mut out = String::new();
    let mut open: Option<char> = None;
    let mut quoted = 0;
    for c in message.chars() {
        match open {
            Some(q) if c == q => {
                if quoted > QUOTED_CHARS {
                    out.push('…');
                }
                out.push(c);
                open = None;
            }
            Some(_) => {
                quoted += 1;
                if quoted <= QUOTED_CHARS {
                    out.push(c);
                }
            }
            None => {
                if c == '"' || c == '`' {
                    open = Some(c);
                    quoted = 0;
                }
                out.push(c);
            }
        }
    }
    out
}

/// The plan's outer shape; each workload is kept as raw text so an error can name it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlan<'a> {
    // Required, so a file without it is refused; its value is read by `declared_version`.
    #[allow(dead_code)]
    #[serde(borrow)]
    version: &'a RawValue,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    reviewed_against: Option<String>,
    #[serde(default, borrow)]
    account: Option<&'a RawValue>,
    #[serde(borrow)]
    workloads: Vec<&'a RawValue>,
}

/// Just the version of a plan file, read first: a newer build's file is refused as such before
/// any field it may hold is.
#[derive(Deserialize)]
struct Versioned<'a> {
    #[serde(borrow)]
    version: Option<&'a RawValue>,
}

/// Just the name of a workload, read before the rest so errors can say which one.
#[derive(Deserialize)]
struct Named {
    name: Option<String>,
}

/// Where `part` (a slice of `whole`) starts in `whole`.
fn offset_in(whole: &str, part: &str) -> usize {
    (part.as_ptr() as usize).saturating_sub(whole.as_ptr() as usize)
}

/// The byte offset of serde_json's error position (1-based line, bytes into the line) in `text`.
fn serde_offset(text: &str, e: &serde_json::Error) -> Option<usize> {
    if e.line() == 0 {
        return None;
    }
    let line_start = if e.line() == 1 {
        0
    } else {
        text.match_indices('\n').nth(e.line() - 2)?.0 + 1
    };
    Some((line_start + e.column()).min(text.len()))
}

/// The 1-based line and column (in characters) of byte `offset` of `text`.
fn position(text: &str, offset: usize) -> Position {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Position {
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
    }
}

/// The members of a JSON object or array, each with its path segment (`name`, `[2]`).
fn members(json: &str) -> Vec<(String, &str)> {
    if let Ok(map) = serde_json::from_str::<std::collections::BTreeMap<String, &RawValue>>(json) {
        return map.into_iter().map(|(k, v)| (k, v.get())).collect();
    }
    if let Ok(list) = serde_json::from_str::<Vec<&RawValue>>(json) {
        return list
            .into_iter()
            .enumerate()
            .map(|(i, v)| (format!("[{i}]"), v.get()))
            .collect();
    }
    Vec::new()
}

/// Appends a path segment: `residency` + `codes` = `residency.codes`, + `[1]` = `…codes[1]`.
fn join(path: &mut String, segment: &str) {
    if !path.is_empty() && !segment.starts_with('[') {
        path.push('.');
    }
    path.push_str(segment);
}

/// The path of the innermost value of `json` whose text holds byte `offset`, and that value.
fn path_at(json: &str, offset: usize) -> (String, &str) {
    let mut path = String::new();
    let mut current = json;
    while let Some((segment, value)) = members(current).into_iter().find(|(_, v)| {
        let start = offset_in(json, v);
        start <= offset && offset <= start + v.len()
    }) {
        join(&mut path, &segment);
        current = value;
    }
    (path, current)
}

/// The byte offset in `json` of the value at `path` (`residency.codes`), or of the deepest part
/// of it that exists.
fn offset_of_path(json: &str, path: &str) -> usize {
    let mut current = json;
    let path = path.replace('[', ".[");
    for segment in path.split('.').filter(|s| !s.is_empty()) {
        match members(current).into_iter().find(|(k, _)| k == segment) {
            Some((_, value)) => current = value,
            None => break,
        }
    }
    offset_in(json, current)
}

/// The field a serde error in `json` is about: the path of the value at its position, and the
/// field its message names (`unknown field `x``, `missing field `x``), or the `kind` of an
/// obligation whose kind is unknown.
fn field_of(json: &str, offset: Option<usize>, message: &str) -> String {
    let (mut path, value) = offset.map_or((String::new(), json), |o| path_at(json, o));
    let named = message.split('`').nth(1).filter(|_| {
        ["unknown field", "missing field", "duplicate field"]
            .iter()
            .any(|m| message.starts_with(m))
    });
    if let Some(name) = named {
        join(&mut path, name);
    } else if message.starts_with("unknown variant") && value.trim_start().starts_with('{') {
        join(&mut path, "kind");
    }
    if path.is_empty() {
        "workload".to_owned()
    } else {
        path
    }
}

/// Why a file of this size is refused, if it is.
fn check_size(len: usize, limits: Limits) -> Result<(), PlanError> {
    if len > limits.max_bytes {
        return Err(PlanError {
            workload: None,
            field: "plan".into(),
            message: format!(
                "the file is {len} bytes, over the limit of {} bytes",
                limits.max_bytes
            ),
            at: None,
        });
    }
    Ok(())
}

/// The text of a plan file: UTF-8, with or without a byte order mark. Anything else (UTF-16,
/// Latin-1, Windows-1252, ...) is refused rather than silently altered.
pub fn decode(bytes: &[u8]) -> Result<&str, PlanError> {
    let refuse = |message: String, at: Option<Position>| PlanError {
        workload: None,
        field: "plan".into(),
        message,
        at,
    };
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(refuse("the file is UTF-16; save it as UTF-8".into(), None));
    }
    let body = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    if body.iter().take(4).any(|&b| b == 0) {
        return Err(refuse(
            "the file is UTF-16 or UTF-32; save it as UTF-8".into(),
            None,
        ));
    }
    std::str::from_utf8(body).map_err(|e| {
        let valid = e.valid_up_to();
        // Up to `valid` the bytes are UTF-8, so the position is counted in characters.
        let text = std::str::from_utf8(&body[..valid]).unwrap_or_default();
        refuse(
            format!(
                "the file is not UTF-8 (byte 0x{:02X}; Latin-1 or Windows-1252?); save it as UTF-8",
                body[valid]
            ),
            Some(position(text, valid)),
        )
    })
}

/// Reads the `n`th workload, `json`, which starts at byte `start` of the file's `text`; `names`
/// holds the names read so far, with their workload's position.
fn read_workload<'c>(
    text: &str,
    (start, n, version): (usize, usize, u32),
    json: &str,
    catalog: &'c Catalog,
    names: &mut std::collections::HashMap<String, usize>,
) -> Result<Workload<'c>, PlanError> {
    let name = serde_json::from_str::<Named>(json)
        .ok()
        .and_then(|n| n.name)
        .unwrap_or_default();
    let error = |field: String, message: String, offset: usize| PlanError {
        workload: Some((n, name.clone())),
        field,
        message,
        at: Some(position(text, start + offset)),
    };
    if let Some((field, offset)) = list_for_object(json) {
        let what = if field == "workload" {
            "a workload".to_owned()
        } else {
            format!("`{field}`")
        };
        return Err(error(field, LIST_FOR_OBJECT.replace("{}", &what), offset));
    }
    let spec: WorkloadSpec = serde_json::from_str(json).map_err(|e| {
        let offset = serde_offset(json, &e);
        let message = shorten(&e.to_string());
        let field = field_of(json, offset, &message);
        error(
            field,
            version::explain(message, version),
            offset.unwrap_or(0),
        )
    })?;
    if let Some(field) = spec
        .newer_fields()
        .first()
        .filter(|_| version < version::VERSION_WITH_HEADER)
    {
        return Err(error(
            (*field).into(),
            format!(
                "`{field}` came with plan version {}; this file says version {version}",
                version::VERSION_WITH_HEADER
            ),
            offset_of_path(json, field),
        ));
    }
    let workload = spec.check(catalog).map_err(|(field, message)| {
        let offset = offset_of_path(json, &field);
        error(field, message, offset)
    })?;
    if let Some(first) = names.insert(name_key(workload.name()), n) {
        return Err(error(
            "name".into(),
            format!("workload {first} has the same name; each workload needs its own"),
            offset_of_path(json, "name"),
        ));
    }
    Ok(workload)
}

/// The version a plan file declares (1 when it declares none), read before anything else: a
/// list is refused as no plan, and a newer build's file as such, whatever fields it holds.
/// `body` is `text` without its byte order mark.
fn declared_version(text: &str, body: &str) -> Result<u32, PlanError> {
    let at = |part: &str| Some(position(text, offset_in(text, part)));
    if is_list(body) {
        return Err(PlanError {
            workload: None,
            field: "plan".into(),
            message: LIST_FOR_OBJECT.replace("{}", "a plan file"),
            at: at(body),
        });
    }
    let declared = serde_json::from_str::<Versioned>(body)
        .ok()
        .and_then(|v| v.version);
    declared.map_or(Ok(1), |raw| {
        version::check(raw.get()).map_err(|message| PlanError {
            workload: None,
            field: "version".into(),
            message,
            at: at(raw.get()),
        })
    })
}

/// serde reads a list of a struct's fields, in order, as the struct; a plan never means that.
const LIST_FOR_OBJECT: &str = "{} is an object (`{…}`), not a list";

/// Whether a JSON value's text is a list.
fn is_list(json: &str) -> bool {
    json.trim_start().starts_with('[')
}

/// The first place in a workload's `json` where a list stands for an object: the workload itself
/// or one of its object fields, as (field, offset in `json`).
fn list_for_object(json: &str) -> Option<(String, usize)> {
    if is_list(json) {
        return Some(("workload".into(), 0));
    }
    members(json)
        .into_iter()
        .find(|(key, value)| OBJECT_FIELDS.contains(&key.as_str()) && is_list(value))
        .map(|(key, value)| (key, offset_in(json, value)))
}

/// The fields of a workload whose value is an object.
const OBJECT_FIELDS: [&str; 4] = ["residency", "org_policy", "tokens_per_month", "peak"];

/// A workload name as names are compared: without the white space around it, so `X` and `X `
/// are one name (they look the same, and a plan holds each name once).
pub fn name_key(name: &str) -> String {
    name.trim().to_owned()
}

/// Whether two workload names are the same name (see [`name_key`]).
pub fn same_name(a: &str, b: &str) -> bool {
    name_key(a) == name_key(b)
}

/// `name`, or `name (2)`, `name (3)`, ... (trimmed): the first that `taken` says no workload
/// has.
pub fn unused_name(name: &str, taken: impl Fn(&str) -> bool) -> String {
    let name = name.trim();
    (1..)
        .map(|n| match n {
            1 => name.to_owned(),
            n => format!("{name} ({n})"),
        })
        .find(|n| !taken(n))
        .unwrap_or_else(|| name.to_owned())
}

impl<'c> Plan<'c> {
    /// An empty plan.
    pub fn empty() -> Plan<'c> {
        Plan::default()
    }

    /// This plan with `other`'s workloads after its own; a name already taken becomes
    /// `name (2)`, `name (3)`, ..., since names are unique within a plan. Refused when the sum
    /// would pass `limits.max_workloads`: a plan its own download could not read back.
    pub fn with_added(&self, other: &Plan<'c>, limits: Limits) -> Result<Plan<'c>, String> {
        let total = self.workloads.len() + other.workloads.len();
        if total > limits.max_workloads {
            return Err(format!(
                "the plan would have {total} workloads, over the limit of {}",
                limits.max_workloads
            ));
        }
        let mut both = self.clone();
        for workload in &other.workloads {
            let name = unused_name(workload.name(), |n| {
                both.workloads.iter().any(|w| same_name(w.name(), n))
            });
            both.workloads.push(workload.renamed(name));
        }
        Ok(both)
    }

    /// Parses a plan within the app's [`Limits::APP`] and checks it against the catalog.
    pub fn parse(text: &str, catalog: &'c Catalog) -> Result<Plan<'c>, PlanError> {
        Plan::parse_within(text, catalog, Limits::APP)
    }

    /// Reads a plan file's bytes (UTF-8, with or without a byte order mark) within `limits`.
    pub fn from_bytes(
        bytes: &[u8],
        catalog: &'c Catalog,
        limits: Limits,
    ) -> Result<Plan<'c>, PlanError> {
        check_size(bytes.len(), limits)?;
        Plan::parse_within(decode(bytes)?, catalog, limits)
    }

    /// Parses a plan within `limits` (checked before any workload is read) and checks it against
    /// the catalog. Every error names the workload, the field and the line and column in `text`.
    pub fn parse_within(
        text: &str,
        catalog: &'c Catalog,
        limits: Limits,
    ) -> Result<Plan<'c>, PlanError> {
        check_size(text.len(), limits)?;
        let body = text.strip_prefix('\u{feff}').unwrap_or(text);
        let at = |part_offset: usize| Some(position(text, offset_in(text, body) + part_offset));
        let version = declared_version(text, body)?;
        let raw: RawPlan = serde_json::from_str(body).map_err(|e| {
            let offset = serde_offset(body, &e);
            let message = shorten(&e.to_string());
            let field = match field_of(body, offset, &message).as_str() {
                // A file that is not JSON has no fields.
                "workload" => "plan".to_owned(),
                field => field.to_owned(),
            };
            PlanError {
                workload: None,
                field,
                message: version::explain(message, version),
                at: offset.and_then(at),
            }
        })?;
        let header = read_header(&raw, version, catalog).map_err(|(field, message)| PlanError {
            workload: None,
            at: at(offset_of_path(body, &field)),
            field,
            message,
        })?;
        if raw.workloads.len() > limits.max_workloads {
            return Err(PlanError {
                workload: None,
                field: "workloads".into(),
                message: format!(
                    "the plan has {} workloads, over the limit of {}",
                    raw.workloads.len(),
                    limits.max_workloads
                ),
                at: None,
            });
        }
        let mut names = std::collections::HashMap::new();
        let workloads = raw
            .workloads
            .into_iter()
            .enumerate()
            .map(|(i, value)| {
                let start = offset_in(text, value.get());
                read_workload(
                    text,
                    (start, i + 1, version),
                    value.get(),
                    catalog,
                    &mut names,
                )
            })
            .collect::<Result<_, _>>()?;
        Ok(Plan { header, workloads })
    }

    /// The plan as pretty JSON, the plan file format, at the lowest version that holds its
    /// fields (a plan without a name or review date is a version-1 file).
    pub fn to_json(&self) -> String {
        let stated = self
            .workloads
            .iter()
            .any(|w| !w.spec.newer_fields().is_empty());
        let file = PlanFile {
            version: if stated {
                version::VERSION_WITH_HEADER
            } else {
                self.header.version()
            },
            name: self.header.name.as_deref(),
            reviewed_against: self.header.reviewed_against.as_deref(),
            account: &self.header.account,
            workloads: self.workloads.iter().map(|w| &w.spec).collect(),
        };
        serde_json::to_string_pretty(&file).unwrap_or_default()
    }
}

/// The plan-level fields of version 2, checked: a version-1 file may not hold them, a name is
/// not blank, a review date is a real date. The error is (field, message).
fn read_header(
    raw: &RawPlan,
    version: u32,
    catalog: &Catalog,
) -> Result<PlanHeader, (String, String)> {
    for (field, present) in [
        ("name", raw.name.is_some()),
        ("reviewed_against", raw.reviewed_against.is_some()),
        ("account", raw.account.is_some()),
    ] {
        if present && version < version::VERSION_WITH_HEADER {
            return Err((
                field.into(),
                format!(
                    "`{field}` came with plan version {}; this file says version {version}",
                    version::VERSION_WITH_HEADER
                ),
            ));
        }
    }
    if raw.name.as_deref().is_some_and(|n| n.trim().is_empty()) {
        return Err((
            "name".into(),
            "a plan's name may not be blank; leave it out".into(),
        ));
    }
    if let Some(date) = raw.reviewed_against.as_deref() {
        if !crate::catalog::calendar::is_date(date) {
            return Err((
                "reviewed_against".into(),
                format!("\"{}\" is not a date written YYYY-MM-DD", prefix(date)),
            ));
        }
    }
    Ok(PlanHeader {
        name: raw.name.clone(),
        reviewed_against: raw.reviewed_against.clone(),
        account: raw
            .account
            .map(|json| read_account(json.get(), catalog))
            .transpose()?
            .unwrap_or_default(),
    })
}

/// The plan-level `account`, checked: objects where objects belong, known modes and Regions.
/// The error is (field, message).
fn read_account(json: &str, catalog: &Catalog) -> Result<Account, (String, String)> {
    let list = |field: &str| {
        (
            field.to_owned(),
            LIST_FOR_OBJECT.replace("{}", &format!("`{field}`")),
        )
    };
    if is_list(json) {
        return Err(list("account"));
    }
    for (key, value) in members(json) {
        if key == "regions" && is_list(value) {
            return Err(list("account.regions"));
        }
        if matches!(key.as_str(), "quotas" | "reservations") {
            if value.trim_start().starts_with('{') {
                return Err((
                    format!("account.{key}"),
                    format!("`account.{key}` is a list (`[…]`), not an object"),
                ));
            }
            for (i, entry) in members(value) {
                if is_list(entry) {
                    return Err(list(&format!("account.{key}{i}")));
                }
            }
        }
        for (region, settings) in members(value).into_iter().filter(|_| key == "regions") {
            if is_list(settings) {
                return Err(list(&format!("account.regions.{region}")));
            }
        }
    }
    let account: Account = serde_json::from_str(json).map_err(|e| {
        let message = shorten(&e.to_string());
        let offset = serde_offset(json, &e);
        let field = match field_of(json, offset, &message).as_str() {
            "workload" => "account".to_owned(),
            field => format!("account.{field}"),
        };
        (field, message)
    })?;
    if let Some(bad) = account.regions.keys().find(|r| catalog.region(r).is_none()) {
        return Err((
            format!("account.regions.{}", prefix(bad.as_str())),
            format!("unknown Region \"{}\"", prefix(bad.as_str())),
        ));
    }
    check_quotas(&account, catalog)?;
    Ok(account)
}

/// The account's applied quotas and reservations, checked: known Regions and profiles, codes
/// written as Service Quotas writes them, each (Region, code) and (Region, profile) once, a
/// reservation that reserves something. The error is (field, message).
fn check_quotas(account: &Account, catalog: &Catalog) -> Result<(), (String, String)> {
    let region = |field: String, r: &RegionCode| {
        if catalog.region(r).is_some() {
            Ok(())
        } else {
            Err((field, format!("unknown Region \"{}\"", prefix(r.as_str()))))
        }
    };
    for (i, q) in account.quotas.iter().enumerate() {
        region(format!("account.quotas[{i}].region"), &q.region)?;
        if !is_quota_code(&q.code) {
            return Err((
                format!("account.quotas[{i}].code"),
                format!(
                    "\"{}\" is not a quota code (written L- and eight letters or digits, as Service Quotas shows it)",
                    prefix(&q.code)
                ),
            ));
        }
        if let Some(first) = account.quotas[..i]
            .iter()
            .position(|o| o.region == q.region && o.code == q.code)
        {
            return Err((
                format!("account.quotas[{i}]"),
                format!(
                    "account.quotas[{first}] already gives {} in {}",
                    q.code, q.region
                ),
            ));
        }
    }
    for (i, r) in account.reservations.iter().enumerate() {
        region(format!("account.reservations[{i}].region"), &r.region)?;
        if catalog.profile(&r.profile_id).is_none() {
            return Err((
                format!("account.reservations[{i}].profile_id"),
                format!("unknown profile \"{}\"", prefix(r.profile_id.as_str())),
            ));
        }
        if r.input_tpm == 0 && r.output_tpm == 0 {
            return Err((
                format!("account.reservations[{i}]"),
                "a reservation reserves input or output tokens a minute; both are 0".into(),
            ));
        }
        if let Some(first) = account.reservations[..i]
            .iter()
            .position(|o| o.region == r.region && o.profile_id == r.profile_id)
        {
            return Err((
                format!("account.reservations[{i}]"),
                format!(
                    "account.reservations[{first}] already reserves {} from {}",
                    r.profile_id, r.region
                ),
            ));
        }
    }
    Ok(())
}

impl WorkloadSpec {
    /// Resolves every reference against the catalog; the error is (field, message).
    pub fn check<'c>(self, catalog: &'c Catalog) -> Result<Workload<'c>, (String, String)> {
        if self.name.trim().is_empty() {
            return Err(("name".into(), "a workload needs a name".into()));
        }
        if self.sla != Sla::BestEffort && self.turnaround() != Turnaround::Interactive {
            return Err((
                "turnaround".into(),
                format!(
                    "a {} workload is interactive: \"{}\" turnaround takes the best-effort service level",
                    match self.sla {
                        Sla::Guaranteed => "guaranteed-capacity",
                        _ => "latency-sensitive",
                    },
                    self.turnaround().key()
                ),
            ));
        }
        let Some(model) = catalog.model(&self.model_id) else {
            return Err((
                "model_id".into(),
                format!("unknown model \"{}\"", prefix(self.model_id.as_str())),
            ));
        };
        let Some(source) = catalog.region(&self.source_region) else {
            return Err((
                "source_region".into(),
                format!("unknown Region \"{}\"", prefix(self.source_region.as_str())),
            ));
        };
        let allowed = self.residency.allowed(catalog).map_err(|e| {
            let field = match self.residency {
                Residency::None => "residency",
                Residency::Geography { .. } => "residency.name",
                Residency::Country { .. } => "residency.code",
                Residency::Regions { .. } => "residency.codes",
            };
            (field.to_owned(), e.to_string())
        })?;
        if let Some(list) = self
            .org_policy
            .as_ref()
            .and_then(|p| p.allowed_regions.as_ref())
        {
            if let Some(bad) = list.iter().find(|r| catalog.region(r).is_none()) {
                return Err((
                    "org_policy.allowed_regions".into(),
                    format!("unknown Region \"{}\"", prefix(bad.as_str())),
                ));
            }
        }
        if let Some(peak) = &self.peak {
            peak.check()
                .map_err(|(field, message)| (format!("peak.{field}"), message))?;
        }
        Ok(Workload {
            allowed_set: allowed.set(catalog),
            spec: self,
            model,
            source,
            allowed,
        })
    }
}

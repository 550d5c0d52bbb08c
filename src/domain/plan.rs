//! The plan file: workloads as a user describes them, one JSON format for the app and the command
//! line. A [`WorkloadSpec`] is what the file says; [`WorkloadSpec::check`] resolves it against the
//! catalog into a [`Workload`], the only form the engine takes. Parsing names the workload and
//! field of any problem.

use super::catalog::Catalog;
use super::ids::{ModelId, RegionCode};
use super::residency::{Allowed, Residency};
use super::schema::{Model, Region};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::fmt;

/// The plan format version this build reads and writes.
pub const PLAN_VERSION: u32 = 1;

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
    pub fn cost(self, price: &super::schema::Price) -> u64 {
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

/// A plan: the workloads, checked against the catalog, in the user's order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Plan<'c> {
    /// The workloads.
    pub workloads: Vec<Workload<'c>>,
}

/// The plan file's shape.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PlanFile {
    version: u32,
    workloads: Vec<WorkloadSpec>,
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
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.workload {
            Some((n, name)) if name.is_empty() => write!(f, "workload {n}, ")?,
            Some((n, name)) => write!(f, "workload {n} (\"{name}\"), ")?,
            None => {}
        }
        write!(f, "{}: {}", self.field, self.message)
    }
}

impl std::error::Error for PlanError {}

/// The plan's outer shape; each workload is kept as raw text so an error can name it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlan<'a> {
    #[serde(borrow)]
    version: &'a RawValue,
    #[serde(borrow)]
    workloads: Vec<&'a RawValue>,
}

/// Just the name of a workload, read before the rest so errors can say which one.
#[derive(Deserialize)]
struct Named {
    name: Option<String>,
}

fn plan_error(field: &str, message: impl Into<String>) -> PlanError {
    PlanError {
        workload: None,
        field: field.into(),
        message: message.into(),
    }
}

/// Guesses the field a serde message is about (`unknown field `x``, `missing field `x``).
fn field_of(message: &str) -> String {
    message
        .split('`')
        .nth(1)
        .filter(|_| message.contains("field"))
        .unwrap_or("workload")
        .to_owned()
}

impl<'c> Plan<'c> {
    /// An empty plan.
    pub fn empty() -> Plan<'c> {
        Plan::default()
    }

    /// Parses a plan and checks it against the catalog.
    pub fn parse(text: &str, catalog: &'c Catalog) -> Result<Plan<'c>, PlanError> {
        let raw: RawPlan =
            serde_json::from_str(text).map_err(|e| plan_error("plan", e.to_string()))?;
        if serde_json::from_str::<u32>(raw.version.get()).ok() != Some(PLAN_VERSION) {
            return Err(plan_error(
                "version",
                format!(
                    "this build reads plan version {PLAN_VERSION}, not {}",
                    raw.version.get()
                ),
            ));
        }
        let mut workloads = Vec::with_capacity(raw.workloads.len());
        for (i, value) in raw.workloads.into_iter().enumerate() {
            let name = serde_json::from_str::<Named>(value.get())
                .ok()
                .and_then(|n| n.name)
                .unwrap_or_default();
            let spec: WorkloadSpec = serde_json::from_str(value.get()).map_err(|e| {
                let message = e.to_string();
                PlanError {
                    workload: Some((i + 1, name.clone())),
                    field: field_of(&message),
                    message,
                }
            })?;
            let workload = spec.check(catalog).map_err(|(field, message)| PlanError {
                workload: Some((i + 1, name)),
                field,
                message,
            })?;
            workloads.push(workload);
        }
        Ok(Plan { workloads })
    }

    /// The plan as pretty JSON, the plan file format.
    pub fn to_json(&self) -> String {
        let file = PlanFile {
            version: PLAN_VERSION,
            workloads: self.workloads.iter().map(|w| w.spec.clone()).collect(),
        };
        serde_json::to_string_pretty(&file).unwrap_or_default()
    }
}

impl WorkloadSpec {
    /// Resolves every reference against the catalog; the error is (field, message).
    pub fn check<'c>(self, catalog: &'c Catalog) -> Result<Workload<'c>, (String, String)> {
        if self.name.trim().is_empty() {
            return Err(("name".into(), "a workload needs a name".into()));
        }
        let Some(model) = catalog.model(&self.model_id) else {
            return Err((
                "model_id".into(),
                format!("unknown model \"{}\"", self.model_id),
            ));
        };
        let Some(source) = catalog.region(&self.source_region) else {
            return Err((
                "source_region".into(),
                format!("unknown Region \"{}\"", self.source_region),
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
                    format!("unknown Region \"{bad}\""),
                ));
            }
        }
        Ok(Workload {
            spec: self,
            model,
            source,
            allowed,
        })
    }
}

//! The decision engine: for one workload, evaluate every way to call the model from its source
//! Region, then choose one by the documented rules, with reasons, sources and warnings.
//!
//! The one invariant: a recommendation never processes a prompt in a Region the residency
//! obligation forbids. Only eligible options are ever chosen, and eligibility requires every
//! processing Region to be allowed.

use super::catalog::{Catalog, Lifecycle, Model, Partition, Profile, RegionSet};
use super::cite::Cite;
use super::geo::{farthest_km, round_trip_ms};
use super::ids::{ModelId, ProfileId, RegionCode, Scope};
use super::plan::{OrgPolicy, Sla, Traffic, Workload};
use super::residency::Allowed;
use serde::Serialize;

/// The kinds of option, and `None` when nothing is eligible.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OptionKind {
    /// A global cross-Region inference profile.
    Global,
    /// A geographic cross-Region inference profile.
    Geographic,
    /// The bare model ID on demand in the source Region.
    InRegion,
    /// Provisioned Throughput in the source Region.
    Provisioned,
    /// Nothing eligible.
    None,
}

impl OptionKind {
    /// Plain-words label.
    pub fn label(self) -> &'static str {
        match self {
            OptionKind::Global => "Global profile",
            OptionKind::Geographic => "Geographic profile",
            OptionKind::InRegion => "In-Region",
            OptionKind::Provisioned => "Provisioned Throughput",
            OptionKind::None => "No eligible option",
        }
    }
}

/// A processing Region outside the allowed set, with its country.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Violation {
    /// The Region.
    pub region: RegionCode,
    /// Its country's name.
    pub country: String,
}

/// One option evaluated for one workload.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OptionEval {
    /// The kind.
    pub option: OptionKind,
    /// The profile, for global and geographic options.
    pub profile_id: Option<ProfileId>,
    /// The profile's scope, for global and geographic options.
    #[serde(skip)]
    pub scope: Option<Scope>,
    /// The ID to call: the profile ID, or the model ID.
    pub call_id: String,
    /// Whether the catalog offers this option for this model from this source.
    pub available: bool,
    /// Why it is not available.
    pub unavailable_reason: Option<String>,
    /// Regions where a prompt may be processed, sorted.
    pub processing_regions: Vec<RegionCode>,
    /// Every processing Region inside the allowed set.
    pub residency_ok: bool,
    /// The processing Regions outside it.
    pub violations: Vec<Violation>,
    /// The organisation policy allows it.
    pub org_policy_ok: bool,
    /// Why the organisation policy blocks it.
    pub org_policy_problem: Option<String>,
    /// Available and both fits hold.
    pub eligible: bool,
    /// For Provisioned Throughput: whether the catalog confirms it in this Region.
    #[serde(skip)]
    pub confirmed: bool,
    /// Great-circle distance from the source to the farthest processing Region, in km.
    #[serde(skip)]
    pub farthest_km: f64,
}

impl OptionEval {
    /// A label such as `Geographic profile (EU)`.
    pub fn label(&self) -> String {
        match (&self.option, &self.scope) {
            (OptionKind::Geographic, Some(scope)) => format!("Geographic ({})", scope.label()),
            (kind, _) => kind.label().to_owned(),
        }
    }

    /// The estimated extra round trip to the farthest processing Region, in milliseconds.
    pub fn extra_round_trip_ms(&self) -> f64 {
        round_trip_ms(self.farthest_km)
    }

    /// Why this option is not eligible, in one sentence; `None` if it is.
    pub fn ineligible_because(&self) -> Option<String> {
        if !self.available {
            return self.unavailable_reason.clone();
        }
        let mut why = Vec::new();
        if !self.residency_ok {
            why.push(if self.violations.len() <= MAX_LISTED_VIOLATIONS {
                let list: Vec<String> = self
                    .violations
                    .iter()
                    .map(|v| format!("{} ({})", v.region, v.country))
                    .collect();
                format!(
                    "it may process prompts outside the allowed Regions: {}",
                    list.join(", ")
                )
            } else {
                // Many Regions (a global profile): name the countries; the full list of
                // Regions is in `violations`.
                let mut countries: Vec<&str> =
                    self.violations.iter().map(|v| v.country.as_str()).collect();
                countries.sort_unstable();
                countries.dedup();
                format!(
                    "it may process prompts in {} Regions outside the allowed ones, in {}",
                    self.violations.len(),
                    countries.join(", ")
                )
            });
        }
        if let Some(problem) = &self.org_policy_problem {
            why.push(problem.clone());
        }
        (!why.is_empty()).then(|| why.join("; "))
    }
}

/// Beyond this many violating Regions, an explanation names their countries instead.
const MAX_LISTED_VIOLATIONS: usize = 4;

/// One sentence of explanation with its source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    /// The sentence.
    pub text: String,
    /// Where the rule is stated.
    #[serde(serialize_with = "serialize_cite")]
    pub source: Cite,
}

fn serialize_cite<S: serde::Serializer>(cite: &Cite, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(cite.href())
}

/// Something worth trying when nothing is eligible.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Alternative {
    /// Call from another source Region.
    SourceRegion {
        /// The Region.
        region: RegionCode,
        /// The option that would be eligible there.
        option: OptionKind,
        /// The ID to call there.
        call_id: String,
    },
    /// Use another model from the same source Region.
    Model {
        /// The model.
        model_id: ModelId,
        /// The option that would be eligible.
        option: OptionKind,
        /// The ID to call.
        call_id: String,
    },
    /// Buy Provisioned Throughput in a Region the obligation allows.
    ProvisionIn {
        /// The Regions.
        regions: Vec<RegionCode>,
    },
}

/// The engine's answer for one workload.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recommendation {
    /// Every option evaluated, in column order: global, geographic by ID, in-Region, provisioned.
    pub options: Vec<OptionEval>,
    /// Index into `options` of the chosen one; `None` when nothing is eligible.
    pub chosen: Option<usize>,
    /// Why, with sources.
    pub reasons: Vec<Reason>,
    /// What to watch out for.
    pub warnings: Vec<String>,
    /// Suggestions when nothing is eligible.
    pub alternatives: Vec<Alternative>,
}

impl Recommendation {
    /// The chosen option, if any.
    pub fn chosen_option(&self) -> Option<&OptionEval> {
        self.chosen.map(|i| &self.options[i])
    }

    /// The chosen kind, `None` when nothing is eligible.
    pub fn kind(&self) -> OptionKind {
        self.chosen_option().map_or(OptionKind::None, |o| o.option)
    }
}

#[derive(Clone, Copy)]
struct Context<'a> {
    catalog: &'a Catalog,
    model: &'a Model,
    source: &'a str,
    allowed: &'a Allowed,
    policy: &'a OrgPolicy,
    /// `allowed` as a set, for the quick checks behind suggestions.
    allowed_set: RegionSet,
    /// The Regions the policy allows, as a set.
    policy_set: RegionSet,
}

impl Context<'_> {
    fn violations(&self, regions: &[RegionCode]) -> Vec<Violation> {
        self.allowed
            .violations(regions)
            .into_iter()
            .map(|r| Violation {
                region: r.clone(),
                country: self.catalog.country_name_of(r.as_str()).to_owned(),
            })
            .collect()
    }

    /// Whether the organisation policy allows an option of `kind` processing in `processing`.
    /// Global profiles need aws:RequestedRegion "unspecified" and the source Region; geographic
    /// ones need every destination; in-Region and provisioned need the source (AWS: SCPs).
    fn policy_allows(&self, kind: OptionKind, processing: &[RegionCode]) -> bool {
        match kind {
            OptionKind::Global => {
                self.policy.allows_global && self.policy.allows_region(self.source)
            }
            OptionKind::Geographic => processing
                .iter()
                .all(|r| self.policy.allows_region(r.as_str())),
            _ => self.policy.allows_region(self.source),
        }
    }

    /// Why the organisation policy blocks an option, `None` if it allows it.
    fn policy_problem(&self, kind: OptionKind, processing: &[RegionCode]) -> Option<String> {
        if self.policy_allows(kind, processing) {
            return None;
        }
        Some(
            if kind == OptionKind::Global && !self.policy.allows_global {
                "the organisation policy denies aws:RequestedRegion \"unspecified\", which global profiles need".to_owned()
            } else if kind == OptionKind::Geographic {
                let blocked: Vec<&str> = processing
                    .iter()
                    .filter(|r| !self.policy.allows_region(r.as_str()))
                    .map(|r| r.as_str())
                    .collect();
                format!(
                    "the organisation policy blocks destination Regions {}",
                    blocked.join(", ")
                )
            } else {
                format!(
                    "the organisation policy blocks the source Region {}",
                    self.source
                )
            },
        )
    }

    fn finish(&self, mut eval: OptionEval, org_policy_problem: Option<String>) -> OptionEval {
        eval.violations = self.violations(&eval.processing_regions);
        eval.residency_ok = eval.violations.is_empty();
        eval.org_policy_ok = org_policy_problem.is_none();
        eval.org_policy_problem = org_policy_problem;
        eval.eligible = eval.available && eval.residency_ok && eval.org_policy_ok;
        eval.farthest_km = farthest_km(self.catalog, self.source, &eval.processing_regions);
        eval
    }

    fn blank(&self, option: OptionKind, call_id: String) -> OptionEval {
        OptionEval {
            option,
            profile_id: None,
            scope: None,
            call_id,
            available: false,
            unavailable_reason: None,
            processing_regions: Vec::new(),
            residency_ok: false,
            violations: Vec::new(),
            org_policy_ok: false,
            org_policy_problem: None,
            eligible: false,
            confirmed: false,
            farthest_km: 0.0,
        }
    }

    fn profile_option(&self, profile: &Profile) -> OptionEval {
        let kind = if profile.scope.is_global() {
            OptionKind::Global
        } else {
            OptionKind::Geographic
        };
        let mut eval = self.blank(kind, profile.id.to_string());
        eval.profile_id = Some(profile.id.clone());
        eval.scope = Some(profile.scope.clone());
        match profile.destinations_from(self.source) {
            Some(destinations) => {
                eval.available = true;
                let mut regions = destinations.to_vec();
                regions.sort();
                eval.processing_regions = regions;
            }
            None => {
                eval.unavailable_reason = Some(format!(
                    "{} cannot be called from {}",
                    profile.id, self.source
                ));
            }
        }
        let problem = self.policy_problem(kind, &eval.processing_regions);
        self.finish(eval, problem)
    }

    fn source_only(&self, kind: OptionKind, available: bool, why_not: String) -> OptionEval {
        let mut eval = self.blank(kind, self.model.id.to_string());
        eval.available = available;
        if available {
            eval.processing_regions = vec![RegionCode::new(self.source)];
        } else {
            eval.unavailable_reason = Some(why_not);
        }
        let problem = self.policy_problem(kind, &eval.processing_regions);
        self.finish(eval, problem)
    }

    fn in_region_option(&self) -> OptionEval {
        self.source_only(
            OptionKind::InRegion,
            self.model.callable_in_region(self.source),
            format!(
                "{} cannot be called on demand in {}; it needs an inference profile there",
                self.model.name, self.source
            ),
        )
    }

    fn provisioned_option(&self) -> OptionEval {
        // The catalog never states that a model cannot be provisioned somewhere, so Provisioned
        // Throughput is treated as available and flagged when the catalog cannot confirm it.
        let mut eval = self.source_only(OptionKind::Provisioned, true, String::new());
        eval.confirmed = self
            .model
            .provisioned
            .iter()
            .any(|r| r.as_str() == self.source);
        eval
    }
}

/// Evaluates every option for a workload. The workload must have passed [`Workload::check`];
/// otherwise the result has no options.
pub fn evaluate(catalog: &Catalog, workload: &Workload) -> Vec<OptionEval> {
    let policy = workload.policy();
    let (Some(model), Ok(allowed)) = (
        catalog.model(workload.model_id.as_str()),
        workload.residency.allowed(catalog),
    ) else {
        return Vec::new();
    };
    options(&Context {
        catalog,
        model,
        source: workload.source_region.as_str(),
        allowed: &allowed,
        policy: &policy,
        allowed_set: allowed.set(catalog),
        policy_set: policy_set(catalog, &policy),
    })
}

fn options(ctx: &Context<'_>) -> Vec<OptionEval> {
    let profiles: Vec<&Profile> = ctx.catalog.profiles_for(ctx.model.id.as_str()).collect();
    let mut options = Vec::new();
    match profiles.iter().find(|p| p.scope.is_global()) {
        Some(global) => options.push(ctx.profile_option(global)),
        None => {
            let mut eval = ctx.blank(OptionKind::Global, String::new());
            eval.unavailable_reason = Some(format!("{} has no global profile", ctx.model.name));
            options.push(ctx.finish(eval, None));
        }
    }
    // Geographic profiles not callable from this source are left out: they are not options here.
    options.extend(
        profiles
            .iter()
            .filter(|p| !p.scope.is_global() && p.destinations_from(ctx.source).is_some())
            .map(|p| ctx.profile_option(p)),
    );
    options.push(ctx.in_region_option());
    options.push(ctx.provisioned_option());
    options
}

fn pick(options: &[OptionEval], kind: OptionKind) -> impl Iterator<Item = (usize, &OptionEval)> {
    options
        .iter()
        .enumerate()
        .filter(move |(_, o)| o.option == kind && o.eligible)
}

/// The eligible geographic profile whose farthest destination is nearest; ties: fewer
/// destinations, then ID.
fn nearest_geographic(options: &[OptionEval]) -> Option<usize> {
    pick(options, OptionKind::Geographic)
        .min_by(|(_, a), (_, b)| {
            a.farthest_km
                .total_cmp(&b.farthest_km)
                .then(a.processing_regions.len().cmp(&b.processing_regions.len()))
                .then(a.call_id.cmp(&b.call_id))
        })
        .map(|(i, _)| i)
}

/// The eligible geographic profile with the most destinations; ties: nearest, then ID.
fn widest_geographic(options: &[OptionEval]) -> Option<usize> {
    pick(options, OptionKind::Geographic)
        .min_by(|(_, a), (_, b)| {
            b.processing_regions
                .len()
                .cmp(&a.processing_regions.len())
                .then(a.farthest_km.total_cmp(&b.farthest_km))
                .then(a.call_id.cmp(&b.call_id))
        })
        .map(|(i, _)| i)
}

fn first_of(options: &[OptionEval], kind: OptionKind) -> Option<usize> {
    pick(options, kind).map(|(i, _)| i).next()
}

/// Recommends how to call the model for one workload. The workload must have passed
/// [`Workload::check`]; otherwise nothing is eligible.
pub fn recommend(catalog: &Catalog, workload: &Workload) -> Recommendation {
    let policy = workload.policy();
    let (Some(model), Ok(allowed)) = (
        catalog.model(workload.model_id.as_str()),
        workload.residency.allowed(catalog),
    ) else {
        return Recommendation {
            options: Vec::new(),
            chosen: None,
            reasons: vec![Reason {
                text: "The workload refers to something the catalog does not know.".into(),
                source: Cite::ConceptChoice,
            }],
            warnings: Vec::new(),
            alternatives: Vec::new(),
        };
    };
    let ctx = Context {
        catalog,
        model,
        source: workload.source_region.as_str(),
        allowed: &allowed,
        policy: &policy,
        allowed_set: allowed.set(catalog),
        policy_set: policy_set(catalog, &policy),
    };
    let options = options(&ctx);
    let mut reasons = Vec::new();
    let mut warnings = Vec::new();
    let provisioned = options
        .iter()
        .position(|o| o.option == OptionKind::Provisioned)
        .unwrap_or(options.len() - 1);

    // Rule 1: customized models are served on Provisioned Throughput.
    if workload.custom_model {
        reasons.push(Reason {
            text: "A customized model is served on Provisioned Throughput in the Region where it was created; inference profiles do not serve it.".into(),
            source: Cite::ProvisionedThroughput,
        });
        let chosen = options[provisioned].eligible.then_some(provisioned);
        let alternatives = if chosen.is_none() {
            let why = options[provisioned]
                .ineligible_because()
                .unwrap_or_default();
            reasons.push(Reason {
                text: format!(
                    "Provisioned Throughput in {} is not possible: {why}.",
                    ctx.source
                ),
                source: Cite::ConceptResidency,
            });
            vec![provision_in(&ctx)]
        } else {
            Vec::new()
        };
        return finish(&ctx, options, chosen, reasons, warnings, alternatives);
    }

    // Rule 2: a hard capacity SLA needs reserved capacity.
    if workload.sla == Sla::Guaranteed {
        if options[provisioned].eligible {
            reasons.push(Reason {
                text: "A guaranteed-capacity SLA needs reserved capacity: Provisioned Throughput, billed hourly per model unit. Inference profiles do not support Provisioned Throughput.".into(),
                source: Cite::ProvisionedThroughput,
            });
            reasons.push(Reason {
                text: "Cross-Region inference can still serve the non-critical part of the traffic on demand.".into(),
                source: Cite::CrossRegionInference,
            });
            return finish(
                &ctx,
                options,
                Some(provisioned),
                reasons,
                warnings,
                Vec::new(),
            );
        }
        warnings.push(format!(
            "No eligible option guarantees capacity: Provisioned Throughput in {} is ruled out ({}). The on-demand choice below can throttle.",
            ctx.source,
            options[provisioned].ineligible_because().unwrap_or_default()
        ));
    }

    // Rule 3: choose among the eligible on-demand options.
    let bursty = matches!(workload.traffic, Traffic::Spiky | Traffic::HighVolume);
    let (order, why): (Vec<Option<usize>>, &str) = if bursty
        && workload.sla == Sla::LatencySensitive
    {
        (
            vec![
                nearest_geographic(&options),
                first_of(&options, OptionKind::InRegion),
                first_of(&options, OptionKind::Global),
            ],
            "Bursty, latency-sensitive traffic: spread load over a nearby geography first (the geographic profile whose farthest destination is nearest), then the source Region alone, then the global pool.",
        )
    } else if bursty {
        (
            vec![
                first_of(&options, OptionKind::Global),
                widest_geographic(&options),
                first_of(&options, OptionKind::InRegion),
            ],
            "Bursty or high-volume traffic: prefer the largest pool of capacity (global, then the geographic profile with the most destinations, then the source Region alone).",
        )
    } else {
        (
            vec![
                first_of(&options, OptionKind::InRegion),
                nearest_geographic(&options),
                first_of(&options, OptionKind::Global),
            ],
            "Steady traffic: keep processing in the source Region when possible, then the nearest geography, then the global pool.",
        )
    };
    let chosen = order.into_iter().flatten().next();
    let alternatives = match chosen {
        Some(i) => {
            reasons.push(Reason {
                text: why.to_owned(),
                source: Cite::ConceptChoice,
            });
            explain_choice(&ctx, workload, &options[i], &mut reasons, &mut warnings);
            // Options the user might expect, offered here but ruled out: say why.
            for o in options
                .iter()
                .filter(|o| o.available && o.option != OptionKind::Provisioned)
            {
                if let Some(why) = o.ineligible_because() {
                    reasons.push(Reason {
                        text: format!("{} ({}) ruled out: {why}.", o.label(), o.call_id),
                        source: Cite::ConceptResidency,
                    });
                }
            }
            Vec::new()
        }
        None => {
            // Rule 4: nothing eligible; say what ruled out each option.
            for o in &options {
                if let Some(why) = o.ineligible_because() {
                    reasons.push(Reason {
                        text: format!("{}: {why}.", o.label()),
                        source: if o.available {
                            Cite::ConceptResidency
                        } else {
                            Cite::ProfilesSupport
                        },
                    });
                }
            }
            alternatives(&ctx)
        }
    };
    finish(&ctx, options, chosen, reasons, warnings, alternatives)
}

/// Assembles the recommendation and adds the warnings every choice gets.
fn finish(
    ctx: &Context<'_>,
    options: Vec<OptionEval>,
    chosen: Option<usize>,
    reasons: Vec<Reason>,
    warnings: Vec<String>,
    alternatives: Vec<Alternative>,
) -> Recommendation {
    let mut rec = Recommendation {
        options,
        chosen,
        reasons,
        warnings,
        alternatives,
    };
    add_common_warnings(ctx, &mut rec);
    rec
}

fn explain_choice(
    ctx: &Context<'_>,
    workload: &Workload,
    chosen: &OptionEval,
    reasons: &mut Vec<Reason>,
    warnings: &mut Vec<String>,
) {
    let regions: Vec<&str> = chosen
        .processing_regions
        .iter()
        .map(|r| r.as_str())
        .collect();
    let residency = workload.residency.describe(ctx.catalog);
    reasons.push(Reason {
        text: format!(
            "Called from {}, {} may process the prompt in {}: all inside the obligation ({residency}).",
            ctx.source,
            chosen.call_id,
            regions.join(", ")
        ),
        source: match chosen.option {
            OptionKind::Global | OptionKind::Geographic => Cite::ProfilesSupport,
            _ => Cite::ConceptResidency,
        },
    });
    match chosen.option {
        OptionKind::Global => {
            reasons.push(Reason {
                text: "Global profiles route to any commercial Region, the largest pool of capacity; for some models they cost less per token than geographic ones. IAM needs the Region-less foundation-model ARN and SCPs must allow aws:RequestedRegion \"unspecified\".".into(),
                source: Cite::GlobalCris,
            });
        }
        OptionKind::Geographic => {
            reasons.push(Reason {
                text: "A geographic profile keeps processing inside its geography's destination Regions at the source Region's price, with no routing surcharge. IAM and SCPs must allow the foundation model in every destination Region.".into(),
                source: Cite::GeographicCris,
            });
        }
        OptionKind::InRegion => {
            reasons.push(Reason {
                text: "The bare model ID keeps processing in the source Region only.".into(),
                source: Cite::RegionalAvailability,
            });
            if matches!(workload.traffic, Traffic::Spiky | Traffic::HighVolume) {
                warnings.push(format!(
                    "Spikes may throttle: on-demand quotas apply to {} alone, with no other Region to absorb bursts.",
                    ctx.source
                ));
            }
        }
        OptionKind::Provisioned | OptionKind::None => {}
    }
}

fn add_common_warnings(ctx: &Context<'_>, rec: &mut Recommendation) {
    if let Lifecycle::Legacy { end_of_life } = &ctx.model.lifecycle {
        rec.warnings.push(match end_of_life {
            Some(date) => format!("{} is legacy; end of life {date}.", ctx.model.name),
            None => format!("{} is legacy; plan a migration.", ctx.model.name),
        });
    }
    let Some(chosen) = rec.chosen_option().cloned() else {
        return;
    };
    let mut extra = Vec::new();
    if chosen.option == OptionKind::Provisioned {
        if !chosen.confirmed {
            extra.push(format!(
                "The catalog cannot confirm Provisioned Throughput for {} in {}: verify it in the console before you buy. Model units must first be requested through AWS Support.",
                ctx.model.name, ctx.source
            ));
        }
        rec.reasons.push(Reason {
            text: "Provisioned Throughput is billed hourly per model unit: no commitment, or a 1-month or 6-month term.".into(),
            source: Cite::ProvisionedThroughput,
        });
    }
    let opt_in: Vec<&str> = chosen
        .processing_regions
        .iter()
        .filter(|r| r.as_str() != ctx.source)
        .filter(|r| ctx.catalog.region(r.as_str()).is_some_and(|x| x.opt_in))
        .map(|r| r.as_str())
        .collect();
    if !opt_in.is_empty() {
        extra.push(format!(
            "Requests may be routed to opt-in Regions ({}) even if your account has not opted in, and prompts may be stored there for abuse detection.",
            opt_in.join(", ")
        ));
    }
    if let Some(source_country) = ctx.catalog.region(ctx.source).map(|r| &r.country) {
        let abroad: Vec<&str> = chosen
            .processing_regions
            .iter()
            .filter(|r| {
                ctx.catalog
                    .region(r.as_str())
                    .is_some_and(|x| &x.country != source_country)
            })
            .map(|r| r.as_str())
            .collect();
        if !abroad.is_empty() && chosen.option != OptionKind::Global {
            extra.push(format!(
                "Prompts may leave {} ({}): processing can happen in {}.",
                ctx.catalog.country_name_of(ctx.source),
                ctx.source,
                abroad.join(", ")
            ));
        }
    }
    if ctx.catalog.region(ctx.source).map(|r| r.partition) == Some(Partition::GovCloud)
        && chosen.option == OptionKind::Geographic
    {
        extra.push(
            "GovCloud: accept the model's EULA in the linked commercial account first.".into(),
        );
    }
    rec.warnings.extend(extra);
}

/// Regions the obligation and the organisation policy allow and the model is offered in.
fn provision_in(ctx: &Context<'_>) -> Alternative {
    let regions = ctx
        .model
        .offered_in
        .iter()
        .filter(|r| ctx.allowed.contains(r.as_str()) && ctx.policy.allows_region(r.as_str()))
        .cloned()
        .collect();
    Alternative::ProvisionIn { regions }
}

/// Up to this many suggestions of each kind.
const MAX_SUGGESTIONS: usize = 5;

fn policy_set(catalog: &Catalog, policy: &OrgPolicy) -> RegionSet {
    match &policy.allowed_regions {
        None => RegionSet::ALL,
        Some(list) => catalog.region_set(list.iter().map(RegionCode::as_str)),
    }
}

/// The first eligible on-demand option (in-Region, then profiles by ID) of the model at
/// `position` called from `source`, by set operations: the same eligibility as
/// [`Context::profile_option`] and [`Context::in_region_option`], without building the full
/// evaluation, since suggestions scan many models and Regions.
fn first_eligible_on_demand(
    ctx: &Context<'_>,
    position: usize,
    src: RegionSet,
) -> Option<(OptionKind, String)> {
    let catalog = ctx.catalog;
    let model = catalog.models.get(position)?;
    let source_fits = src.is_subset(ctx.allowed_set) && src.is_subset(ctx.policy_set);
    if source_fits && catalog.in_region_set(position).intersects(src) {
        return Some((OptionKind::InRegion, model.id.to_string()));
    }
    catalog.profile_positions(position).iter().find_map(|&p| {
        let profile = &catalog.profiles[p];
        let (_, to) = catalog
            .route_sets(p)
            .iter()
            .find(|(from, _)| from.intersects(src))?;
        let global = profile.scope.is_global();
        let policy_ok = if global {
            ctx.policy.allows_global && src.is_subset(ctx.policy_set)
        } else {
            to.is_subset(ctx.policy_set)
        };
        let kind = if global {
            OptionKind::Global
        } else {
            OptionKind::Geographic
        };
        (to.is_subset(ctx.allowed_set) && policy_ok).then(|| (kind, profile.id.to_string()))
    })
}

fn alternatives(ctx: &Context<'_>) -> Vec<Alternative> {
    let mut found = Vec::new();
    let catalog = ctx.catalog;
    let own = catalog
        .model_position(ctx.model.id.as_str())
        .unwrap_or(usize::MAX);
    let source = catalog.region_position(ctx.source).unwrap_or(usize::MAX);
    // Other source Regions, nearest first.
    for &region in catalog.nearest_regions(source) {
        if let Some((option, call_id)) = first_eligible_on_demand(ctx, own, RegionSet(1 << region))
        {
            found.push(Alternative::SourceRegion {
                region: catalog.regions[region].code.clone(),
                option,
                call_id,
            });
            if found.len() == MAX_SUGGESTIONS {
                break;
            }
        }
    }
    // Other models from this source: same provider first (the closest substitute for the model
    // the user chose), then the others, each by ID.
    let src = catalog.region_bit(ctx.source);
    let positions = 0..catalog.models.len();
    let candidates = positions
        .clone()
        .filter(|&p| catalog.same_provider(p, own))
        .chain(positions.filter(|&p| !catalog.same_provider(p, own)))
        .filter(|&p| p != own && !catalog.models[p].lifecycle.is_legacy());
    let mut models = 0;
    for position in candidates {
        if let Some((option, call_id)) = first_eligible_on_demand(ctx, position, src) {
            found.push(Alternative::Model {
                model_id: catalog.models[position].id.clone(),
                option,
                call_id,
            });
            models += 1;
            if models == MAX_SUGGESTIONS {
                break;
            }
        }
    }
    found.push(provision_in(ctx));
    found
}

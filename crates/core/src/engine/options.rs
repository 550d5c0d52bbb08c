//! Every way to call a workload's model from its source Region, evaluated: the ID to call, the
//! Regions that may process the prompt, and whether the option is eligible, with the reasons
//! when it is not. Choosing among them is [`crate::engine`]'s job.

use crate::catalog::arn::provisioned_model;
use crate::catalog::calendar::Day;
use crate::catalog::cite::Cite;
use crate::catalog::ids::{ModelId, ProfileId, RegionCode, Scope};
use crate::catalog::index::RegionSet;
use crate::catalog::order;
use crate::catalog::schema::{Endpoint, Lifecycle, Price};
use crate::catalog::Catalog;
use crate::plan::{OrgPolicy, Workload};
use serde::Serialize;

/// The kinds of option.
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
}

/// What a recommendation says when no option is eligible.
pub const NO_ELIGIBLE_OPTION: &str = "No eligible option";

impl OptionKind {
    /// Plain-words label.
    pub fn label(self) -> &'static str {
        match self {
            OptionKind::Global => "Global profile",
            OptionKind::Geographic => "Geographic profile",
            OptionKind::InRegion => "In-Region",
            OptionKind::Provisioned => "Provisioned Throughput",
        }
    }

    /// The kind of a profile of `scope`.
    pub fn of_scope(scope: &Scope) -> OptionKind {
        if scope.is_global() {
            OptionKind::Global
        } else {
            OptionKind::Geographic
        }
    }

    /// The page that documents this kind of option.
    pub fn cite(self) -> Cite {
        match self {
            OptionKind::Global => Cite::GlobalCris,
            OptionKind::Geographic => Cite::GeographicCris,
            OptionKind::InRegion => Cite::RegionalAvailability,
            OptionKind::Provisioned => Cite::ProvisionedThroughput,
        }
    }
}

/// A Provisioned Throughput commitment term (AWS: no commitment, 1 month or 6 months).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Term {
    /// Hourly, deleted at any time.
    NoCommitment,
    /// A 1-month commitment.
    OneMonth,
    /// A 6-month commitment.
    SixMonths,
}

impl Term {
    /// Every term, shortest first.
    pub const ALL: [Term; 3] = [Term::NoCommitment, Term::OneMonth, Term::SixMonths];

    /// Plain words.
    pub fn label(self) -> &'static str {
        match self {
            Term::NoCommitment => "no commitment",
            Term::OneMonth => "a 1-month term",
            Term::SixMonths => "a 6-month term",
        }
    }

    /// The longest the term can last, in days (31-day months), so a term that might end after
    /// a date is never offered before it.
    fn days(self) -> i64 {
        match self {
            Term::NoCommitment => 0,
            Term::OneMonth => 31,
            Term::SixMonths => 184,
        }
    }

    /// The terms bought on `today` that end before `end_of_life` (every term when there is none).
    pub fn ending_before(today: Day, end_of_life: Option<Day>) -> Vec<Term> {
        Term::ALL
            .into_iter()
            .filter(|t| end_of_life.is_none_or(|eol| today.plus(t.days()) < eol))
            .collect()
    }
}

/// `no commitment, a 1-month term or a 6-month term`; `no term` when the list is empty.
pub fn describe_terms(terms: &[Term]) -> String {
    match terms {
        [] => "no term".to_owned(),
        [one] => one.label().to_owned(),
        [init @ .., last] => {
            let init: Vec<&str> = init.iter().map(|t| t.label()).collect();
            format!("{} or {}", init.join(", "), last.label())
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

/// Why an offered option fails one of the checks that make it eligible ([`CHECKS`]).
#[derive(Debug, Clone, PartialEq)]
pub enum Objection {
    /// It may process prompts outside the allowed Regions; never empty.
    Residency(Vec<Violation>),
    /// The organisation policy blocks it, in one clause.
    OrgPolicy(String),
    /// The model keeps more than the retention obligation accepts, in one clause.
    Retention(String),
}

impl Objection {
    /// The objection in one clause.
    fn clause(&self) -> String {
        match self {
            Objection::Residency(violations) if violations.len() > MAX_LISTED_VIOLATIONS => {
                // Many Regions (a global profile): name the countries; the full list of Regions
                // is in the violations.
                let mut countries: Vec<&str> =
                    violations.iter().map(|v| v.country.as_str()).collect();
                order::sort(&mut countries);
                countries.dedup();
                format!(
                    "it may process prompts in {} Regions outside the allowed ones, in {}",
                    violations.len(),
                    countries.join(", ")
                )
            }
            Objection::Residency(violations) => format!(
                "it may process prompts outside the allowed Regions: {}",
                regions_with_countries(violations)
            ),
            Objection::OrgPolicy(problem) | Objection::Retention(problem) => problem.clone(),
        }
    }
}

/// Whether an option may be chosen, and if not, every reason why.
#[derive(Debug, Clone, PartialEq)]
pub enum Eligibility {
    /// Offered, and every check passes.
    Eligible,
    /// The catalog does not offer it for this model from this source.
    NotOffered {
        /// Why, in one clause.
        why: String,
        /// The checks that would fail as well (the organisation policy can object to an option
        /// that is not offered).
        objections: Vec<Objection>,
    },
    /// Offered, but one or more checks fail; never empty, in the order of [`CHECKS`].
    RuledOut(Vec<Objection>),
}

/// Beyond this many violating Regions, an explanation names their countries instead.
const MAX_LISTED_VIOLATIONS: usize = 4;

impl Eligibility {
    fn judge(offer: Result<(), String>, mut objections: Vec<Objection>) -> Self {
        match (offer, objections.is_empty()) {
            (Err(why), _) => {
                // Where nothing is offered nothing is processed: only the organisation policy,
                // which objects to the kind of call itself, still has a say.
                objections.retain(|o| matches!(o, Objection::OrgPolicy(_)));
                Eligibility::NotOffered { why, objections }
            }
            (Ok(()), false) => Eligibility::RuledOut(objections),
            (Ok(()), true) => Eligibility::Eligible,
        }
    }

    /// Whether the option may be chosen.
    pub fn is_eligible(&self) -> bool {
        matches!(self, Eligibility::Eligible)
    }

    /// Whether the catalog offers the option.
    pub fn is_offered(&self) -> bool {
        !matches!(self, Eligibility::NotOffered { .. })
    }

    /// Every check that fails, offered or not.
    pub fn objections(&self) -> &[Objection] {
        match self {
            Eligibility::Eligible => &[],
            Eligibility::NotOffered { objections, .. } | Eligibility::RuledOut(objections) => {
                objections
            }
        }
    }

    /// The processing Regions outside the obligation.
    pub fn violations(&self) -> &[Violation] {
        self.objections()
            .iter()
            .find_map(|o| match o {
                Objection::Residency(violations) => Some(violations.as_slice()),
                _ => None,
            })
            .unwrap_or(&[])
    }

    /// The organisation policy's objection.
    pub fn policy_problem(&self) -> Option<&str> {
        self.objections().iter().find_map(|o| match o {
            Objection::OrgPolicy(problem) => Some(problem.as_str()),
            _ => None,
        })
    }

    /// Whether the option is offered and only the organisation policy rules it out.
    pub fn blocked_only_by_policy(&self) -> bool {
        matches!(self, Eligibility::RuledOut(objections)
            if objections.iter().all(|o| matches!(o, Objection::OrgPolicy(_))))
    }

    /// Why the option is not eligible, in one sentence; `None` if it is.
    pub fn why_not(&self) -> Option<String> {
        if let Eligibility::NotOffered { why, .. } = self {
            return Some(why.clone());
        }
        let why: Vec<String> = self.objections().iter().map(Objection::clause).collect();
        (!why.is_empty()).then(|| why.join("; "))
    }
}

/// `eu-west-2 (United Kingdom), us-east-1 (United States)`.
pub fn regions_with_countries(violations: &[Violation]) -> String {
    let list: Vec<String> = violations
        .iter()
        .map(|v| format!("{} ({})", v.region, v.country))
        .collect();
    list.join(", ")
}

/// What an option calls, with what only that kind of option has.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    /// A cross-Region inference profile, global or geographic.
    Profile {
        /// The profile to call.
        id: ProfileId,
        /// Its scope.
        scope: Scope,
    },
    /// The bare model ID, on demand in the source Region.
    Model(ModelId),
    /// Provisioned Throughput in the source Region.
    Provisioned {
        /// The provisioned model's ARN, known after purchase, shown with placeholders.
        arn: String,
        /// The model units AWS lists in the source Region, to buy.
        units: Vec<String>,
        /// The terms that end before the model's end of life.
        terms: Vec<Term>,
        /// Whether the catalog confirms Provisioned Throughput in this Region.
        confirmed: bool,
    },
    /// Nothing to call: the model has no profile of this kind (a global option without a global
    /// profile).
    Nothing,
}

/// One option evaluated for one workload.
#[derive(Debug, Clone, PartialEq)]
pub struct OptionEval {
    /// The kind.
    pub kind: OptionKind,
    /// What it calls.
    pub target: Target,
    /// The endpoint that serves `call_id` from the source; `None` for Provisioned Throughput.
    pub endpoint: Option<Endpoint>,
    /// The bedrock-mantle APIs that serve the ID there (empty when none).
    pub mantle_apis: Vec<String>,
    /// The per-token price, when the price list has one.
    pub price: Option<Price>,
    /// Regions where a prompt may be processed, sorted; empty when not offered.
    pub processing_regions: Vec<RegionCode>,
    /// Whether it may be chosen, and why not.
    pub eligibility: Eligibility,
    /// Great-circle distance from the source to the farthest processing Region, in km.
    pub farthest_km: f64,
}

impl OptionEval {
    /// A label such as `Geographic (EU)`.
    pub fn label(&self) -> String {
        match &self.target {
            Target::Profile { scope, .. } => scope.option_label(),
            _ => self.kind.label().to_owned(),
        }
    }

    /// The ID to call: the profile ID, the model ID, or for Provisioned Throughput the
    /// provisioned model's ARN; `None` when there is nothing to call.
    pub fn call_id(&self) -> Option<&str> {
        match &self.target {
            Target::Profile { id, .. } => Some(id.as_str()),
            Target::Model(id) => Some(id.as_str()),
            Target::Provisioned { arn, .. } => Some(arn),
            Target::Nothing => None,
        }
    }

    /// The profile, for global and geographic options.
    pub fn profile_id(&self) -> Option<&ProfileId> {
        match &self.target {
            Target::Profile { id, .. } => Some(id),
            _ => None,
        }
    }

    /// For Provisioned Throughput: the model units to buy (none for other options).
    pub fn units(&self) -> &[String] {
        match &self.target {
            Target::Provisioned { units, .. } => units,
            _ => &[],
        }
    }

    /// For Provisioned Throughput: the terms that end before the model's end of life.
    pub fn terms(&self) -> &[Term] {
        match &self.target {
            Target::Provisioned { terms, .. } => terms,
            _ => &[],
        }
    }

    /// For Provisioned Throughput: whether the catalog confirms it in this Region.
    pub fn confirmed(&self) -> bool {
        matches!(
            self.target,
            Target::Provisioned {
                confirmed: true,
                ..
            }
        )
    }

    /// Whether it may be chosen.
    pub fn is_eligible(&self) -> bool {
        self.eligibility.is_eligible()
    }

    /// The estimated extra round trip to the farthest processing Region, in milliseconds.
    pub fn extra_round_trip_ms(&self) -> f64 {
        crate::catalog::geo::round_trip_ms(self.farthest_km)
    }
}

/// A check an offered option must pass to be eligible: `None` when it passes. A new obligation
/// adds one here, and its objection to [`Objection`].
type Check = fn(&Judge<'_, '_>, OptionKind, RegionSet) -> Option<Objection>;

/// The checks, in the order their objections are stated: residency, the organisation policy,
/// then data retention.
const CHECKS: [Check; 3] = [residency_check, org_policy_check, retention_check];

/// What every option of one workload is judged against. Regions are handled as sets of the
/// catalog's positions ([`RegionSet`]): a workload is judged against every option, for every
/// workload of a plan, so no check compares Region codes as text.
struct Judge<'a, 'c> {
    catalog: &'c Catalog,
    workload: &'a Workload<'c>,
    policy: OrgPolicy,
    today: Day,
    /// The source Region's position and its set.
    source: (Option<usize>, RegionSet),
    /// Where the residency obligation allows processing.
    allowed: RegionSet,
    /// Where the organisation policy allows processing.
    policy_allows: RegionSet,
}

impl Judge<'_, '_> {
    fn source(&self) -> &RegionCode {
        &self.workload.source().code
    }

    /// The codes of the Regions in `set`, sorted.
    fn codes(&self, set: RegionSet) -> impl Iterator<Item = &'_ RegionCode> {
        set.positions()
            .filter_map(|i| self.catalog.regions.get(i).map(|r| &r.code))
    }

    /// Why the organisation policy blocks an option of `kind` processing in `processing`;
    /// `None` if it allows it. Global profiles need aws:RequestedRegion "unspecified" and the
    /// source Region; geographic ones every destination; in-Region and provisioned the source
    /// (AWS: SCPs and cross-Region inference).
    fn policy_problem(&self, kind: OptionKind, processing: RegionSet) -> Option<String> {
        let policy = &self.policy;
        match kind {
            OptionKind::Global if !policy.allows_global => Some(
                "the organisation policy denies aws:RequestedRegion \"unspecified\", which global profiles need".to_owned(),
            ),
            OptionKind::Geographic => {
                let blocked = processing.minus(self.policy_allows);
                (!blocked.is_empty()).then(|| {
                    let blocked: Vec<&str> = self.codes(blocked).map(RegionCode::as_str).collect();
                    format!(
                        "the organisation policy blocks destination Regions {}",
                        blocked.join(", ")
                    )
                })
            }
            _ => (!self.source.1.is_subset(self.policy_allows)).then(|| {
                format!(
                    "the organisation policy blocks the source Region {}",
                    self.source()
                )
            }),
        }
    }

    /// What every check says of an option of `kind` processing in `processing`.
    fn objections(&self, kind: OptionKind, processing: RegionSet) -> Vec<Objection> {
        CHECKS
            .iter()
            .filter_map(|check| check(self, kind, processing))
            .collect()
    }

    /// Distance in km from the source to the farthest Region of `set`.
    fn farthest_km(&self, set: RegionSet) -> f64 {
        let Some(source) = self.source.0 else {
            return 0.0;
        };
        set.positions()
            .map(|i| self.catalog.index.distance_km(source, i).unwrap_or(0.0))
            .fold(0.0, f64::max)
    }

    /// An option of `kind` calling `target`, offered (processing in the Regions of the set) or
    /// not.
    fn option(
        &self,
        kind: OptionKind,
        target: Target,
        offer: Result<RegionSet, String>,
    ) -> OptionEval {
        let processing = offer.as_ref().copied().unwrap_or_default();
        let retired = self.workload.model().lifecycle.retired_on().map(|date| {
            format!(
                "{} was retired: AWS no longer lists it (since {date})",
                self.workload.model().name
            )
        });
        let offer = match retired {
            Some(why) => Err(why),
            None => offer.map(drop),
        };
        OptionEval {
            kind,
            target,
            endpoint: None,
            mantle_apis: Vec::new(),
            price: None,
            farthest_km: self.farthest_km(processing),
            eligibility: Eligibility::judge(offer, self.objections(kind, processing)),
            processing_regions: self.codes(processing).cloned().collect(),
        }
    }

    /// The profile at `position` of the catalog's profiles.
    fn profile(&self, position: usize) -> OptionEval {
        let profile = &self.catalog.profiles[position];
        let route = self
            .catalog
            .index
            .route_sets(position)
            .iter()
            .find(|(from, _)| from.intersects(self.source.1));
        let offer = match route {
            Some(&(_, to)) => Ok(to),
            None => Err(format!(
                "{} cannot be called from {}",
                profile.id,
                self.source()
            )),
        };
        let target = Target::Profile {
            id: profile.id.clone(),
            scope: profile.scope.clone(),
        };
        OptionEval {
            endpoint: Some(Endpoint::Runtime),
            price: profile.price.clone(),
            ..self.option(OptionKind::of_scope(&profile.scope), target, offer)
        }
    }

    fn in_region(&self) -> OptionEval {
        let model = self.workload.model();
        let Some(offer) = model.in_region_at(self.source()) else {
            let why = format!(
                "{} cannot be called on demand in {}; it needs an inference profile there",
                model.name,
                self.source()
            );
            return self.option(
                OptionKind::InRegion,
                Target::Model(model.id.clone()),
                Err(why),
            );
        };
        OptionEval {
            endpoint: Some(offer.endpoint),
            mantle_apis: offer.mantle_apis.clone(),
            price: offer.price.clone(),
            ..self.option(
                OptionKind::InRegion,
                Target::Model(model.id.clone()),
                Ok(self.source.1),
            )
        }
    }

    /// Provisioned Throughput in the source Region: offered where AWS lists the model there.
    /// A custom model is served on Provisioned Throughput where it was created, so it is taken
    /// as offered there, unconfirmed (the public data lists no customization support). Only terms
    /// that end before the model's end of life are offered; past it, none is.
    fn provisioned(&self) -> OptionEval {
        let model = self.workload.model();
        let source = self.workload.source();
        let units: Vec<String> = model
            .units_in(&source.code)
            .map(|u| u.unit.clone())
            .collect();
        let listed = !units.is_empty();
        let end_of_life = match &model.lifecycle {
            Lifecycle::Legacy { end_of_life } => end_of_life.as_deref().and_then(Day::parse),
            _ => None,
        };
        let terms = Term::ending_before(self.today, end_of_life);
        let offer = if let (Some(date), []) = (end_of_life, terms.as_slice()) {
            Err(format!(
                "{} reached its end of life on {date}: no Provisioned Throughput term can be bought",
                model.name
            ))
        } else if listed || self.workload.spec().custom_model {
            Ok(self.source.1)
        } else {
            Err(format!(
                "Provisioned Throughput for {} in {} is not listed by AWS",
                model.name, source.code
            ))
        };
        let target = Target::Provisioned {
            arn: provisioned_model(source),
            units,
            terms,
            confirmed: listed,
        };
        self.option(OptionKind::Provisioned, target, offer)
    }
}

/// Check: every processing Region is inside the residency obligation.
fn residency_check(
    judge: &Judge<'_, '_>,
    _: OptionKind,
    processing: RegionSet,
) -> Option<Objection> {
    let outside = processing.minus(judge.allowed);
    (!outside.is_empty()).then(|| {
        let catalog = judge.catalog;
        let violations = judge
            .codes(outside)
            .map(|r| Violation {
                region: r.clone(),
                country: catalog.country_name_of(r).to_owned(),
            })
            .collect();
        Objection::Residency(violations)
    })
}

/// Check: the organisation policy allows the option.
fn org_policy_check(
    judge: &Judge<'_, '_>,
    kind: OptionKind,
    processing: RegionSet,
) -> Option<Objection> {
    judge
        .policy_problem(kind, processing)
        .map(Objection::OrgPolicy)
}

/// Check: the model keeps no more than the retention obligation accepts.
fn retention_check(judge: &Judge<'_, '_>, _: OptionKind, _: RegionSet) -> Option<Objection> {
    crate::engine::retention::objection(judge.catalog, judge.workload, judge.today)
        .map(Objection::Retention)
}

/// Whether the retention obligation rules the option out.
impl Eligibility {
    /// The retention obligation's objection.
    pub fn retention_problem(&self) -> Option<&str> {
        self.objections().iter().find_map(|o| match o {
            Objection::Retention(problem) => Some(problem.as_str()),
            _ => None,
        })
    }
}

/// Evaluates every option for a workload on `today`, in column order: global, geographic
/// profiles callable from the source by ID, in-Region, provisioned.
pub fn evaluate_options(catalog: &Catalog, workload: &Workload<'_>, today: Day) -> Vec<OptionEval> {
    let policy = workload.policy();
    let source = catalog.region_position(&workload.source().code);
    let judge = Judge {
        catalog,
        workload,
        policy_allows: policy.allowed_set(catalog),
        policy,
        today,
        source: (
            source,
            source.map_or_else(RegionSet::default, RegionSet::at),
        ),
        allowed: workload.allowed_set(),
    };
    let model = workload.model();
    let profiles: &[usize] = catalog
        .model_position(&model.id)
        .map_or(&[], |m| catalog.index.profile_positions(m));
    let callable = |p: usize| {
        catalog
            .index
            .route_sets(p)
            .iter()
            .any(|(from, _)| from.intersects(judge.source.1))
    };
    let mut options = Vec::with_capacity(profiles.len() + 3);
    options.push(
        match profiles
            .iter()
            .find(|&&p| catalog.profiles[p].scope.is_global())
        {
            Some(&global) => judge.profile(global),
            // No profile to call, so no policy to check.
            None => OptionEval {
                eligibility: Eligibility::NotOffered {
                    why: format!("{} has no global profile", model.name),
                    objections: Vec::new(),
                },
                ..judge.option(
                    OptionKind::Global,
                    Target::Nothing,
                    Ok(RegionSet::default()),
                )
            },
        },
    );
    // Geographic profiles not callable from this source are left out: they are not options here.
    options.extend(
        profiles
            .iter()
            .filter(|&&p| !catalog.profiles[p].scope.is_global() && callable(p))
            .map(|&p| judge.profile(p)),
    );
    options.push(judge.in_region());
    options.push(judge.provisioned());
    options
}

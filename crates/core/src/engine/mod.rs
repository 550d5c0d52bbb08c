//! The decision engine: for one checked workload, choose among the evaluated options
//! ([`crate::engine::options`]) by the documented rules, with reasons, sources and warnings.
//!
//! The rules are [`RULES`], applied in order; each either decides or passes to the next, and
//! the README lists them in the same order. The one invariant: a recommendation never processes
//! a prompt in a Region the residency obligation forbids. Only eligible options are ever chosen,
//! and eligibility requires every processing Region to be allowed.

pub mod capacity;
pub mod options;
pub mod retention;
pub mod suggest;
pub mod tiers;

use crate::catalog::calendar::Day;
use crate::catalog::cite::Cite;
use crate::catalog::order;
use crate::catalog::schema::{Endpoint, Lifecycle, Partition};
use crate::catalog::tiers::Tier;
use crate::catalog::Catalog;
use crate::engine::options::{describe_terms, evaluate_options, OptionEval, OptionKind};
use crate::engine::retention::AccountChange;
use crate::engine::suggest::{alternatives, provision_in, Alternative};
use crate::plan::money::{per_million, relative};
use crate::plan::{Account, Sla, Traffic, Workload};
use serde::Serialize;

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

fn reason(text: impl Into<String>, source: Cite) -> Reason {
    Reason {
        text: text.into(),
        source,
    }
}

/// Something to watch out for; an urgent one is shown before everything else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The sentence.
    pub text: String,
    /// Whether it must be read before acting on the recommendation: nothing is recommended, or
    /// the model is at or near its end of life.
    pub urgent: bool,
    /// Where to check it, when a page says more.
    pub source: Option<Cite>,
}

impl Warning {
    fn plain(text: impl Into<String>) -> Warning {
        Warning {
            text: text.into(),
            urgent: false,
            source: None,
        }
    }

    fn urgent(text: impl Into<String>) -> Warning {
        Warning {
            urgent: true,
            ..Warning::plain(text)
        }
    }
}

impl Warning {
    /// `urgent` or `notice`.
    pub fn severity(&self) -> &'static str {
        if self.urgent {
            "urgent"
        } else {
            "notice"
        }
    }
}

/// Reports print a warning as its severity and sentence.
impl Serialize for Warning {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = s.serialize_struct("Warning", 2)?;
        out.serialize_field("severity", self.severity())?;
        out.serialize_field("text", &self.text)?;
        out.end()
    }
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

/// Within this many days of its end of life a model's warning is urgent.
pub const END_OF_LIFE_URGENT_DAYS: i64 = 90;

/// The engine's answer for one workload.
#[derive(Debug, Clone, PartialEq)]
pub struct Recommendation {
    /// Every option evaluated, in column order: global, geographic by ID, in-Region, provisioned.
    pub options: Vec<OptionEval>,
    /// Per option, the workload's peak against its quota pool; `None` without a peak or for an
    /// option not offered ([`capacity`]).
    pub capacities: Vec<Option<capacity::Capacity>>,
    /// Index into `options` of the chosen one; `None` when nothing is eligible.
    pub chosen: Option<usize>,
    /// Why, with sources.
    pub reasons: Vec<Reason>,
    /// What to watch out for, urgent ones first. Nothing recommended is itself a warning.
    pub warnings: Vec<Warning>,
    /// Suggestions when nothing is eligible.
    pub alternatives: Vec<Alternative>,
    /// The account setting the call needs in the source Region, if any.
    pub account_change: Option<AccountChange>,
    /// How to buy the chosen route; `None` for Provisioned Throughput (bought per model unit)
    /// and when nothing is chosen.
    pub tier: Option<Tier>,
}

impl Recommendation {
    /// How many urgent warnings come first.
    pub fn urgent_count(&self) -> usize {
        self.warnings.iter().filter(|w| w.urgent).count()
    }

    /// The chosen option, if any.
    pub fn chosen_option(&self) -> Option<&OptionEval> {
        self.chosen.and_then(|i| self.options.get(i))
    }

    /// The capacity of the option at `i`, if computed.
    pub fn capacity_of(&self, i: usize) -> Option<&capacity::Capacity> {
        self.capacities.get(i).and_then(Option::as_ref)
    }

    /// The chosen kind, `None` when nothing is eligible.
    pub fn kind(&self) -> Option<OptionKind> {
        self.chosen_option().map(|o| o.kind)
    }
}

/// What a rule looks at.
struct Context<'a, 'c> {
    catalog: &'c Catalog,
    workload: &'a Workload<'c>,
    setting: &'a Setting<'a>,
    options: &'a [OptionEval],
    capacities: &'a [Option<capacity::Capacity>],
    today: Day,
}

impl Context<'_, '_> {
    fn source(&self) -> &str {
        self.workload.source().code.as_str()
    }

    /// The Provisioned Throughput option (always evaluated, always last).
    fn provisioned(&self) -> Option<(usize, &OptionEval)> {
        self.options
            .iter()
            .enumerate()
            .rfind(|(_, o)| o.kind == OptionKind::Provisioned)
    }
}

/// The decision so far: rules add reasons and warnings and may choose.
#[derive(Default)]
struct Decision {
    chosen: Option<usize>,
    reasons: Vec<Reason>,
    warnings: Vec<Warning>,
    alternatives: Vec<Alternative>,
    account_change: Option<AccountChange>,
    tier: Option<Tier>,
}

impl Decision {
    fn warn(&mut self, text: impl Into<String>) {
        self.warnings.push(Warning::plain(text));
    }
}

/// What a rule did.
enum Outcome {
    /// The decision is made; no later rule applies.
    Decided,
    /// The next rule decides.
    Pass,
}

/// A decision rule.
type Rule = fn(&Context<'_, '_>, &mut Decision) -> Outcome;

/// The rules, in the order they apply (README: "How the recommendation is chosen").
const RULES: [Rule; 7] = [
    retired_rule,
    custom_model_rule,
    guaranteed_capacity_rule,
    batch_rule,
    on_demand_rule,
    provisioned_fallback_rule,
    nothing_eligible_rule,
];

/// A step after the route is chosen: what the chosen option means beyond where the prompt is
/// processed (what is kept, what the account must set, how to buy it). A step adds reasons,
/// warnings and account changes about the chosen option; it never changes the route.
type AfterRoute = fn(&Context<'_, '_>, &mut Decision);

/// The steps after the route, in order (README: "Where the next dimensions go").
const AFTER_ROUTE: [AfterRoute; 3] = [retention_step, tiers::tier_step, capacity_step];

/// After the route: what the chosen option keeps, where, and what the account must set.
fn retention_step(ctx: &Context<'_, '_>, decision: &mut Decision) {
    let Some(chosen) = decision.chosen.and_then(|i| ctx.options.get(i)) else {
        return;
    };
    let chosen = (chosen.processing_regions.as_slice(), chosen.endpoint);
    let (warnings, change) = retention::step(ctx.catalog, ctx.workload, ctx.setting, chosen);
    decision.warnings.extend(warnings);
    decision.account_change = change;
}

/// After the route: whether the chosen option's quota pool holds the workload's peak, and what to
/// ask for when it does not. `does_not_fit` and `at_risk` are urgent, `unknown` a notice.
fn capacity_step(ctx: &Context<'_, '_>, decision: &mut Decision) {
    let Some(i) = decision.chosen else {
        return;
    };
    let (Some(chosen), Some(Some(c))) = (ctx.options.get(i), ctx.capacities.get(i)) else {
        return;
    };
    let at_peak = format!(
        "At the peak, {} ({}) {}",
        chosen.label(),
        chosen.call_id().unwrap_or_default(),
        c.line()
    );
    let warning = match c.verdict {
        capacity::Verdict::DoesNotFit | capacity::Verdict::AtRisk => Warning {
            source: Some(capacity::FORMULAS),
            ..Warning::urgent(format!(
                "{at_peak}. Request the increase before launch (`atlas capacity` prints the commands); Service Quotas refuses a request at or below the default."
            ))
        },
        capacity::Verdict::Unknown => Warning {
            source: Some(capacity::FORMULAS),
            ..Warning::plain(format!(
                "{at_peak}. Read the applied value in Service Quotas before launch."
            ))
        },
        capacity::Verdict::Fits => return,
    };
    decision.warnings.push(warning);
}

/// What the plan around a workload says that the engine needs: the account's settings, and
/// the data retention conflict with other workloads in the same source Region, if any
/// ([`retention::conflicts`]).
#[derive(Debug, Clone)]
pub struct Setting<'a> {
    /// The account's settings (empty: nothing known).
    pub account: &'a Account,
    /// The urgent warning of a conflict between workloads; with it, no account change is
    /// offered.
    pub conflict: Option<Warning>,
}

/// Nothing known of the account.
static NO_ACCOUNT: Account = Account {
    regions: std::collections::BTreeMap::new(),
    quotas: Vec::new(),
    reservations: Vec::new(),
};

impl Default for Setting<'_> {
    fn default() -> Self {
        Setting {
            account: &NO_ACCOUNT,
            conflict: None,
        }
    }
}

/// An input to the on-demand preference: it may reorder the candidates the traffic order
/// proposes (rule 3) and must then say why in the preference's sentence.
type PreferenceInput = fn(&Context<'_, '_>, &mut Preference);

/// The inputs to the on-demand preference, applied in order after the traffic order.
const PREFERENCE_INPUTS: [PreferenceInput; 1] = [capacity_preference];

/// With a peak, the candidates are ranked by their quota pool's verdict (fits > fits the
/// published default > unknown > at risk > does not fit), the traffic order breaking ties; when
/// that changes the first choice the sentence says why. Without a peak nothing changes.
fn capacity_preference(ctx: &Context<'_, '_>, preference: &mut Preference) {
    if ctx.workload.spec().peak.is_none() {
        return;
    }
    let capacity_of = |i: usize| ctx.capacities.get(i).and_then(Option::as_ref);
    let rank = |i: &Option<usize>| i.and_then(capacity_of).map_or(2, capacity::Capacity::rank);
    let before = preference.order.iter().flatten().next().copied();
    // Stable: equal verdicts keep the traffic order; an empty slot stays last.
    preference.order.sort_by_key(|i| (i.is_none(), rank(i)));
    let after = preference.order.iter().flatten().next().copied();
    if let (Some(before), Some(after)) = (before, after) {
        if before != after {
            let words = |i: usize| {
                let verdict = capacity_of(i)
                    .map_or_else(|| "unknown".to_owned(), capacity::Capacity::verdict_words);
                format!("{} ({verdict})", ctx.options[i].label())
            };
            preference.why.push_str(&format!(
                " At the peak, the quota pools decide first: {} is chosen before {}, which the traffic order puts first.",
                words(after),
                words(before)
            ));
        }
    }
}

/// Rule 0: a retired model is never recommended; say so, and suggest what to use instead.
fn retired_rule(ctx: &Context<'_, '_>, decision: &mut Decision) -> Outcome {
    let model = ctx.workload.model();
    let Some(date) = model.lifecycle.retired_on() else {
        return Outcome::Pass;
    };
    decision.reasons.push(reason(
        format!("{} was retired: AWS no longer lists it (since {date}). The workload is kept so the plan still explains itself, but nothing is recommended for it.", model.name),
        Cite::RegionalAvailability,
    ));
    decision.alternatives = alternatives(ctx.catalog, ctx.workload);
    Outcome::Decided
}

/// Recommends how to call the model for one workload, on `today` (end-of-life dates are
/// judged against it), knowing nothing of the account.
pub fn recommend(catalog: &Catalog, workload: &Workload<'_>, today: Day) -> Recommendation {
    recommend_in(catalog, workload, &Setting::default(), today)
}

/// Recommends how to call the model for one workload of a plan, in its `setting`, on `today`.
pub fn recommend_in(
    catalog: &Catalog,
    workload: &Workload<'_>,
    setting: &Setting<'_>,
    today: Day,
) -> Recommendation {
    let options = evaluate_options(catalog, workload, today);
    let capacities: Vec<Option<capacity::Capacity>> = options
        .iter()
        .map(|o| capacity::of_option(catalog, workload, o, setting.account))
        .collect();
    let ctx = Context {
        catalog,
        workload,
        setting,
        options: &options,
        capacities: &capacities,
        today,
    };
    let mut decision = Decision::default();
    for rule in RULES {
        if let Outcome::Decided = rule(&ctx, &mut decision) {
            break;
        }
    }
    if decision.chosen.is_some() {
        for step in AFTER_ROUTE {
            step(&ctx, &mut decision);
        }
    }
    add_common_warnings(&ctx, &mut decision);
    // Urgent first; the sort is stable, so each group keeps the rules' order.
    order::sort_by_key(&mut decision.warnings, |w| !w.urgent);
    Recommendation {
        options,
        capacities,
        chosen: decision.chosen,
        reasons: decision.reasons,
        warnings: decision.warnings,
        alternatives: decision.alternatives,
        account_change: decision.account_change,
        tier: decision.tier,
    }
}

/// Rule 1: a customized model is served on Provisioned Throughput, in its source Region or not
/// at all.
fn custom_model_rule(ctx: &Context<'_, '_>, decision: &mut Decision) -> Outcome {
    if !ctx.workload.spec().custom_model {
        return Outcome::Pass;
    }
    decision.reasons.push(reason(
        "A customized model is served on Provisioned Throughput in the Region where it was created; inference profiles do not serve it.",
        Cite::ProvisionedThroughput,
    ));
    decision.warnings.push(Warning {
        source: Some(Cite::Customization),
        ..Warning::plain(format!(
            "Unverified: the public data lists customization support for no model, so it is not known whether {} can be customized in {}. Check the AWS page on customized models before you plan on it.",
            ctx.workload.model().name,
            ctx.source()
        ))
    });
    match ctx.provisioned() {
        Some((i, o)) if o.is_eligible() => decision.chosen = Some(i),
        provisioned => {
            let why = provisioned
                .and_then(|(_, o)| o.eligibility.why_not())
                .unwrap_or_default();
            decision.reasons.push(reason(
                format!(
                    "Provisioned Throughput in {} is not possible: {why}.",
                    ctx.source()
                ),
                Cite::ConceptResidency,
            ));
            decision.alternatives = vec![provision_in(ctx.catalog, ctx.workload)];
        }
    }
    Outcome::Decided
}

/// Rule 2: a hard capacity guarantee needs capacity set aside: the Reserved tier on an eligible
/// route that has it, else Provisioned Throughput; without either, warn and fall through to the
/// on-demand rules.
fn guaranteed_capacity_rule(ctx: &Context<'_, '_>, decision: &mut Decision) -> Outcome {
    if ctx.workload.spec().sla != Sla::Guaranteed {
        return Outcome::Pass;
    }
    if tiers::reserved_choice(ctx, decision) {
        return Outcome::Decided;
    }
    match ctx.provisioned() {
        Some((i, o)) if o.is_eligible() => {
            decision.reasons.push(reason(
                format!(
                    "A guaranteed-capacity SLA needs capacity set aside: the Reserved tier is not offered for {} on an eligible route, so Provisioned Throughput, dedicated model units billed hourly. Inference profiles do not support Provisioned Throughput.",
                    ctx.workload.model().name
                ),
                Cite::ProvisionedThroughput,
            ));
            decision.reasons.push(reason(
                "Cross-Region inference can still serve the non-critical part of the traffic on demand.",
                Cite::CrossRegionInference,
            ));
            decision.chosen = Some(i);
            Outcome::Decided
        }
        provisioned => {
            // The workload states a requirement the plan cannot meet: urgent.
            let why = provisioned
                .and_then(|(_, o)| o.eligibility.why_not())
                .unwrap_or_default();
            decision.warnings.push(tiers::nothing_guaranteed(ctx, &why));
            Outcome::Pass
        }
    }
}

/// Rule 2b: best-effort work that can wait a day runs as batch jobs where an eligible route
/// runs them ([`tiers::batch_choice`]).
fn batch_rule(ctx: &Context<'_, '_>, decision: &mut Decision) -> Outcome {
    if tiers::batch_choice(ctx, decision) {
        Outcome::Decided
    } else {
        Outcome::Pass
    }
}

/// A preference among on-demand options: candidates in order, and the sentence that says why.
struct Preference {
    order: [Option<usize>; 3],
    why: String,
}

/// Rule 3's order for the workload's traffic and service level.
fn preference(ctx: &Context<'_, '_>) -> Preference {
    let options = ctx.options;
    let spec = ctx.workload.spec();
    let bursty = matches!(spec.traffic, Traffic::Spiky | Traffic::HighVolume);
    if bursty && spec.sla == Sla::LatencySensitive {
        Preference {
            order: [
                nearest_geographic(options),
                first_of(options, OptionKind::InRegion),
                first_of(options, OptionKind::Global),
            ],
            why: "Bursty, latency-sensitive traffic: spread load over a nearby geography first (the geographic profile whose farthest destination is nearest), then the source Region alone, then the global pool.".into(),
        }
    } else if bursty {
        Preference {
            order: [
                first_of(options, OptionKind::Global),
                widest_geographic(options),
                first_of(options, OptionKind::InRegion),
            ],
            why: "Bursty or high-volume traffic: prefer the largest pool of capacity (global, then the geographic profile with the most destinations, then the source Region alone).".into(),
        }
    } else {
        Preference {
            order: [
                first_of(options, OptionKind::InRegion),
                nearest_geographic(options),
                first_of(options, OptionKind::Global),
            ],
            why: "Steady traffic: keep processing in the source Region when possible, then the nearest geography, then the global pool.".into(),
        }
    }
}

/// Rule 3: choose among the eligible on-demand options by traffic and service level, and say
/// why offered options were ruled out.
fn on_demand_rule(ctx: &Context<'_, '_>, decision: &mut Decision) -> Outcome {
    let mut preference = preference(ctx);
    for input in PREFERENCE_INPUTS {
        input(ctx, &mut preference);
    }
    let Some(i) = preference.order.into_iter().flatten().next() else {
        return Outcome::Pass;
    };
    decision.chosen = Some(i);
    decision
        .reasons
        .push(reason(preference.why, Cite::ConceptChoice));
    explain_choice(ctx, &ctx.options[i], decision);
    rule_out_offered(ctx, decision);
    Outcome::Decided
}

/// Options the user might expect, offered here but ruled out: say why.
fn rule_out_offered(ctx: &Context<'_, '_>, decision: &mut Decision) {
    for o in ctx
        .options
        .iter()
        .filter(|o| o.eligibility.is_offered() && o.kind != OptionKind::Provisioned)
    {
        if let Some(why) = o.eligibility.why_not() {
            decision.reasons.push(reason(
                format!(
                    "{} ({}) ruled out: {why}.",
                    o.label(),
                    o.call_id().unwrap_or_default()
                ),
                Cite::ConceptResidency,
            ));
        }
    }
}

/// Rule 4: no on-demand option is eligible but Provisioned Throughput is: dedicated capacity in
/// the source Region is the way to call the model there.
fn provisioned_fallback_rule(ctx: &Context<'_, '_>, decision: &mut Decision) -> Outcome {
    let Some((i, _)) = ctx.provisioned().filter(|(_, o)| o.is_eligible()) else {
        return Outcome::Pass;
    };
    decision.reasons.push(reason(
        format!(
            "No on-demand option is eligible from {}; Provisioned Throughput there is: dedicated capacity in the source Region, within the obligation.",
            ctx.source()
        ),
        Cite::ProvisionedThroughput,
    ));
    for o in ctx
        .options
        .iter()
        .filter(|o| o.kind != OptionKind::Provisioned)
    {
        if let Some(why) = o.eligibility.why_not() {
            decision.reasons.push(reason(
                format!("{}: {why}.", o.label()),
                Cite::ConceptResidency,
            ));
        }
    }
    decision.chosen = Some(i);
    Outcome::Decided
}

/// Rule 5: nothing is eligible; say what ruled out each option and what could be done instead.
fn nothing_eligible_rule(ctx: &Context<'_, '_>, decision: &mut Decision) -> Outcome {
    for o in ctx.options {
        if let Some(why) = o.eligibility.why_not() {
            let source = if o.eligibility.is_offered() {
                Cite::ConceptResidency
            } else {
                Cite::ProfilesSupport
            };
            decision
                .reasons
                .push(reason(format!("{}: {why}.", o.label()), source));
        }
    }
    decision.alternatives = alternatives(ctx.catalog, ctx.workload);
    Outcome::Decided
}

fn pick(options: &[OptionEval], kind: OptionKind) -> impl Iterator<Item = (usize, &OptionEval)> {
    options
        .iter()
        .enumerate()
        .filter(move |(_, o)| o.kind == kind && o.is_eligible())
}

/// The eligible geographic profile whose farthest destination is nearest; ties: fewer
/// destinations, then ID.
fn nearest_geographic(options: &[OptionEval]) -> Option<usize> {
    pick(options, OptionKind::Geographic)
        .min_by(|(_, a), (_, b)| {
            a.farthest_km
                .total_cmp(&b.farthest_km)
                .then(a.processing_regions.len().cmp(&b.processing_regions.len()))
                .then(a.call_id().cmp(&b.call_id()))
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
                .then(a.call_id().cmp(&b.call_id()))
        })
        .map(|(i, _)| i)
}

fn first_of(options: &[OptionEval], kind: OptionKind) -> Option<usize> {
    pick(options, kind).map(|(i, _)| i).next()
}

/// The reasons that belong to the chosen kind of option.
fn explain_choice(ctx: &Context<'_, '_>, chosen: &OptionEval, decision: &mut Decision) {
    let regions: Vec<&str> = chosen
        .processing_regions
        .iter()
        .map(|r| r.as_str())
        .collect();
    let residency = ctx.workload.spec().residency.describe(ctx.catalog);
    decision.reasons.push(reason(
        format!(
            "Called from {}, {} may process the prompt in {}: all inside the obligation ({residency}).",
            ctx.source(),
            chosen.call_id().unwrap_or_default(),
            regions.join(", ")
        ),
        match chosen.kind {
            OptionKind::Global | OptionKind::Geographic => Cite::ProfilesSupport,
            _ => Cite::ConceptResidency,
        },
    ));
    match chosen.kind {
        OptionKind::Global => decision.reasons.push(reason(
            format!(
                "Global profiles route to any commercial Region, the largest pool of capacity.{} IAM needs the Region-less foundation-model ARN and SCPs must allow aws:RequestedRegion \"unspecified\".",
                price_against(chosen, ctx.options, OptionKind::Geographic)
            ),
            Cite::GlobalCris,
        )),
        OptionKind::Geographic => decision.reasons.push(reason(
            format!(
                "A geographic profile keeps processing inside its geography's destination Regions.{} IAM and SCPs must allow the foundation model in every destination Region.",
                price_against(chosen, ctx.options, OptionKind::Global)
            ),
            Cite::GeographicCris,
        )),
        OptionKind::InRegion => {
            decision.reasons.push(reason(
                "The bare model ID keeps processing in the source Region only.",
                Cite::RegionalAvailability,
            ));
            if chosen.endpoint == Some(Endpoint::Mantle) {
                decision.reasons.push(reason(
                    format!(
                        "Here it is served by the bedrock-mantle endpoint (OpenAI-compatible, APIs: {}), not by bedrock-runtime: call https://bedrock-mantle.{}.api.aws with the OpenAI or Anthropic SDK, not Converse or InvokeModel.",
                        chosen.mantle_apis.join(", "),
                        ctx.source()
                    ),
                    Cite::Mantle,
                ));
            }
            if matches!(
                ctx.workload.spec().traffic,
                Traffic::Spiky | Traffic::HighVolume
            ) {
                decision.warn(format!(
                    "Spikes may throttle: on-demand quotas apply to {} alone, with no other Region to absorb bursts.",
                    ctx.source()
                ));
            }
        }
        OptionKind::Provisioned => {}
    }
}

/// The chosen option's price beside the first priced option of `other` kind, as the price
/// list gives them (` Its price, $3.30 in / $16.50 out per million, is 10% above the global
/// profile's ($3.00 in / $15.00 out).`); empty without prices to compare.
fn price_against(chosen: &OptionEval, options: &[OptionEval], other: OptionKind) -> String {
    let Some(price) = &chosen.price else {
        return String::new();
    };
    let theirs = options
        .iter()
        .filter(|o| o.kind == other && o.eligibility.is_offered())
        .find_map(|o| o.price.as_ref().map(|p| (o, p)));
    match theirs {
        Some((o, p)) => format!(
            " Its price, {} per million tokens, is {} the {} price ({}).",
            per_million(price),
            relative(price, p),
            o.label(),
            per_million(p)
        ),
        None => format!(" Its price: {} per million tokens.", per_million(price)),
    }
}

/// The warning about the model's end of life: urgent within [`END_OF_LIFE_URGENT_DAYS`] of it
/// or past it. For Provisioned Throughput it names the terms that still end before it.
fn end_of_life_warning(ctx: &Context<'_, '_>, chosen: Option<&OptionEval>) -> Option<Warning> {
    let model = ctx.workload.model();
    let Lifecycle::Legacy { end_of_life } = &model.lifecycle else {
        return None;
    };
    let Some(date) = end_of_life.as_deref().and_then(Day::parse) else {
        return Some(Warning::plain(match end_of_life {
            Some(date) => format!("{} is legacy; end of life {date}.", model.name),
            None => format!("{} is legacy; plan a migration.", model.name),
        }));
    };
    let days = ctx.today.days_until(date);
    if days > END_OF_LIFE_URGENT_DAYS {
        return Some(Warning::plain(format!(
            "{} is legacy; end of life {date}.",
            model.name
        )));
    }
    let mut text = if days <= 0 {
        format!(
            "{} reached its end of life on {date}: calls may fail; migrate to another model now.",
            model.name
        )
    } else {
        format!(
            "{} reaches its end of life on {date}, in {days} day{}: plan the migration now.",
            model.name,
            if days == 1 { "" } else { "s" }
        )
    };
    if let Some(o) = chosen.filter(|o| o.kind == OptionKind::Provisioned) {
        text.push_str(&format!(
            " Provisioned Throughput: buy {}; no longer term ends before then.",
            describe_terms(o.terms())
        ));
    }
    Some(Warning::urgent(text))
}

/// The warnings every choice gets: nothing recommended, lifecycle, unconfirmed Provisioned
/// Throughput, opt-in destinations, prompts leaving the source country, GovCloud's linked
/// account.
fn add_common_warnings(ctx: &Context<'_, '_>, decision: &mut Decision) {
    let model = ctx.workload.model();
    let chosen = decision.chosen.and_then(|i| ctx.options.get(i));
    if chosen.is_none() {
        decision.warnings.push(Warning::urgent(
            "Nothing is recommended: no way to call this model from this source Region meets the obligation and the organisation policy. See why each option is ruled out and what you could do instead.",
        ));
    }
    decision.warnings.extend(end_of_life_warning(ctx, chosen));
    let Some(chosen) = chosen else {
        return;
    };
    if chosen.kind == OptionKind::Provisioned {
        if !chosen.confirmed() {
            decision.warn(format!(
                "The catalog cannot confirm Provisioned Throughput for {} in {}: verify it in the console before you buy. Model units must first be requested through AWS Support.",
                model.name,
                ctx.source()
            ));
        }
        decision.reasons.push(reason(
            format!(
                "Provisioned Throughput is billed hourly per model unit: {}.",
                describe_terms(chosen.terms())
            ),
            Cite::ProvisionedThroughput,
        ));
    }
    let source = ctx.workload.source();
    let elsewhere = chosen
        .processing_regions
        .iter()
        .filter(|r| **r != source.code)
        .filter_map(|r| ctx.catalog.region(r));
    let opt_in: Vec<&str> = elsewhere
        .clone()
        .filter(|r| r.opt_in)
        .map(|r| r.code.as_str())
        .collect();
    if !opt_in.is_empty() {
        decision.warn(format!(
            "Requests may be routed to opt-in Regions ({}) even if your account has not opted in{}.",
            opt_in.join(", "),
            if ctx.catalog.retention_of(&model.id).is_some_and(|f| f.keeps_prompts()) {
                ", and what the model retains is stored there"
            } else {
                ""
            }
        ));
    }
    let abroad: Vec<&str> = elsewhere
        .filter(|r| r.country != source.country)
        .map(|r| r.code.as_str())
        .collect();
    if !abroad.is_empty() && chosen.kind != OptionKind::Global {
        decision.warn(format!(
            "Prompts may leave {} ({}): processing can happen in {}.",
            ctx.catalog.country_name_of(&source.code),
            source.code,
            abroad.join(", ")
        ));
    }
    if source.partition == Partition::GovCloud && chosen.kind == OptionKind::Geographic {
        decision.warn("GovCloud: accept the model's EULA in the linked commercial account first.");
    }
}

//! How to buy the chosen route: the service tier (Reserved, Priority, Standard, Flex) or batch
//! jobs. The route decides where a prompt is processed; the tier decides its capacity and price
//! and never changes where it is processed.
//!
//! Two decisions choose a route for its tier, because the tier is what the workload needs: a
//! guaranteed-capacity workload takes the Reserved tier on any eligible route that has it
//! ([`reserved_choice`]), and work that can wait a day takes batch jobs on an eligible route
//! that runs them ([`batch_choice`]). Otherwise the tier follows the chosen route
//! ([`tier_step`]).

use super::{explain_choice, preference, reason, rule_out_offered, Context, Decision, Warning};
use crate::catalog::cite::Cite;
use crate::catalog::tiers::Tier;
use crate::engine::options::{OptionEval, OptionKind};
use crate::plan::money::{group_digits, per_million, relative};
use crate::plan::{Sla, Turnaround};

/// Minutes in the 30-day month a monthly volume is spread over.
const MINUTES_A_MONTH: u64 = 30 * 24 * 60;

/// The eligible on-demand options supporting `tier`, the traffic rule's order first, then the
/// others in column order, geographic and global profiles before the source Region.
fn candidates(ctx: &Context<'_, '_>, tier: Tier) -> Vec<usize> {
    let preferred = preference(ctx).order.into_iter().flatten();
    let profiles = ctx
        .options
        .iter()
        .enumerate()
        .filter(|(_, o)| matches!(o.kind, OptionKind::Global | OptionKind::Geographic))
        .map(|(i, _)| i);
    let in_region = ctx
        .options
        .iter()
        .enumerate()
        .filter(|(_, o)| o.kind == OptionKind::InRegion)
        .map(|(i, _)| i);
    let mut out: Vec<usize> = Vec::new();
    for i in preferred.chain(profiles).chain(in_region) {
        let o = &ctx.options[i];
        if o.is_eligible() && o.supports(tier) && !out.contains(&i) {
            out.push(i);
        }
    }
    out
}

/// Rule 2, first half: a guaranteed-capacity workload takes the Reserved tier on an eligible
/// route that has it, even where the traffic rule would prefer another route. `true` when it
/// chose.
pub(super) fn reserved_choice(ctx: &Context<'_, '_>, decision: &mut Decision) -> bool {
    let Some(&i) = candidates(ctx, Tier::Reserved).first() else {
        return false;
    };
    let chosen = &ctx.options[i];
    let terms = &ctx.catalog.tiers.reserved_terms;
    let months: Vec<String> = terms.terms_months.iter().map(u32::to_string).collect();
    decision.reasons.push(reason(
        format!(
            "A guaranteed-capacity SLA needs capacity set aside for the workload: the Reserved tier reserves input and output tokens a minute on {} for a {}-month term, with a {}% uptime target; traffic above the reservation is served at Standard. It is bought through the AWS account team, which sets its price (no public price list has it).",
            chosen.call_id().unwrap_or_default(),
            months.join(" or "),
            terms.uptime_target_percent
        ),
        Cite::ServiceTiers,
    ));
    decision
        .reasons
        .push(reason(reserved_minimum(ctx, terms), Cite::ServiceTiers));
    let preferred = preference(ctx).order.into_iter().flatten().next();
    if let Some(p) = preferred.filter(|p| *p != i) {
        decision.reasons.push(reason(
            format!(
                "On demand the traffic rule would choose {} ({}); the Reserved tier is not offered there, so {} is chosen for its reservation.",
                ctx.options[p].label(),
                ctx.options[p].call_id().unwrap_or_default(),
                chosen.label()
            ),
            Cite::ConceptChoice,
        ));
    }
    explain_choice(ctx, chosen, decision);
    rule_out_offered(ctx, decision);
    decision.chosen = Some(i);
    decision.tier = Some(Tier::Reserved);
    true
}

/// The Reserved tier's minimum, and where the workload's average volume stands against it.
fn reserved_minimum(ctx: &Context<'_, '_>, terms: &crate::catalog::tiers::ReservedTerms) -> String {
    let minimum = format!(
        "A reservation is at least {} input and {} output tokens a minute.",
        group_digits(terms.minimum_input_tpm),
        group_digits(terms.minimum_output_tpm)
    );
    let Some(tokens) = ctx.workload.spec().tokens_per_month else {
        return format!("{minimum} Give the workload's monthly tokens to see how it compares.");
    };
    let (input, output) = (
        tokens.input.div_ceil(MINUTES_A_MONTH),
        tokens.output.div_ceil(MINUTES_A_MONTH),
    );
    let below = input < terms.minimum_input_tpm || output < terms.minimum_output_tpm;
    format!(
        "{minimum} This workload averages about {} input and {} output tokens a minute (its monthly volume over 30 days): {}",
        group_digits(input),
        group_digits(output),
        if below {
            "below the minimum, so most of a reservation would sit idle unless its peaks are far above its average."
        } else {
            "at or above the minimum."
        }
    )
}

/// The urgent warning when no guaranteed option exists: what is missing, by name.
pub(super) fn nothing_guaranteed(ctx: &Context<'_, '_>, provisioned_why: &str) -> Warning {
    let model = &ctx.workload.model().name;
    let reserved = if !ctx.catalog.tiers.is_known() {
        "the catalog has no service-tier data, so the Reserved tier is unknown".to_owned()
    } else if ctx.options.iter().any(|o| o.supports(Tier::Reserved)) {
        format!("the Reserved tier runs for {model} only through profiles that are ruled out here")
    } else {
        format!(
            "the Reserved tier is not offered for {model} from {} (the tiers page lists it for {} models)",
            ctx.source(),
            ctx.catalog.tiers.reserved.len()
        )
    };
    Warning {
        source: Some(Cite::ServiceTiers),
        ..Warning::urgent(format!(
            "The guaranteed capacity this workload requires is not met: {reserved}, and Provisioned Throughput in {} is ruled out ({provisioned_why}). An on-demand option, if one is recommended, can throttle.",
            ctx.source()
        ))
    }
}

/// Work that can wait a day, best effort: batch jobs on an eligible route that runs them,
/// through a profile where the batch page lists it, else in the source Region. `true` when it
/// chose.
pub(super) fn batch_choice(ctx: &Context<'_, '_>, decision: &mut Decision) -> bool {
    let spec = ctx.workload.spec();
    if spec.sla != Sla::BestEffort || spec.turnaround() != Turnaround::Within24h {
        return false;
    }
    let Some(&i) = candidates(ctx, Tier::Batch).first() else {
        return false;
    };
    let chosen = &ctx.options[i];
    let how = if chosen.kind == OptionKind::InRegion {
        format!("by model ID in {}", ctx.source())
    } else {
        format!(
            "through {} from {}",
            chosen.call_id().unwrap_or_default(),
            ctx.source()
        )
    };
    decision.reasons.push(reason(
        format!(
            "Work that can wait up to 24 hours runs as batch jobs (CreateModelInvocationJob: records in from S3, results out to S3), which the batch page lists for {} {how}.{} A job needs at least 100 records, and its results come within 24 hours.",
            ctx.workload.model().name,
            priced_against_standard(chosen, Tier::Batch)
        ),
        Cite::BatchInference,
    ));
    explain_choice(ctx, chosen, decision);
    rule_out_offered(ctx, decision);
    decision.chosen = Some(i);
    decision.tier = Some(Tier::Batch);
    true
}

/// ` Its price, $0.40 in / $1.60 out per million tokens, is 50% below Standard's ($0.80 in /
/// $3.20 out).`, or what is not known.
fn priced_against_standard(option: &OptionEval, tier: Tier) -> String {
    let price = option.tier(tier).and_then(|t| t.price.as_ref());
    match (price, &option.price) {
        (Some(p), Some(standard)) => format!(
            " Its price, {} per million tokens, is {} Standard's ({}).",
            per_million(p),
            relative(p, standard),
            per_million(standard)
        ),
        (Some(p), None) => format!(" Its price: {} per million tokens.", per_million(p)),
        (None, _) => format!(
            " The price list has no {} price for this route.",
            tier.name()
        ),
    }
}

/// After the route: the tier, when no rule chose one. Provisioned Throughput has none.
pub(super) fn tier_step(ctx: &Context<'_, '_>, decision: &mut Decision) {
    if decision.tier.is_some() {
        return;
    }
    let Some(chosen) = decision.chosen.and_then(|i| ctx.options.get(i)) else {
        return;
    };
    if chosen.kind == OptionKind::Provisioned {
        return;
    }
    let spec = ctx.workload.spec();
    let (wanted, why) = match (spec.sla, spec.turnaround()) {
        (Sla::LatencySensitive, _) => (
            Tier::Priority,
            "Latency-sensitive traffic can buy the Priority tier: its requests are served ahead of Standard and Flex, with up to 25% more output tokens a second, at a premium.",
        ),
        (Sla::BestEffort, Turnaround::Minutes) => (
            Tier::Flex,
            "Work that can wait minutes can use the Flex tier: it yields to other traffic under load, at a discount.",
        ),
        (Sla::BestEffort, Turnaround::Within24h) => (
            Tier::Flex,
            "Batch jobs are not listed for this model on any eligible route from here; the Flex tier serves work that can wait, at a discount.",
        ),
        _ => {
            decision.tier = Some(Tier::Default);
            return;
        }
    };
    if chosen.supports(wanted) {
        decision.reasons.push(reason(
            format!("{why}{}", priced_against_standard(chosen, wanted)),
            Cite::ServiceTiers,
        ));
        decision.tier = Some(wanted);
        return;
    }
    decision.tier = Some(Tier::Default);
    let model = &ctx.workload.model().name;
    let missing = if wanted == Tier::Flex && spec.turnaround() == Turnaround::Within24h {
        format!("neither batch jobs nor the Flex tier is offered for {model} on an eligible route from {}", ctx.source())
    } else {
        format!(
            "the {} tier is not offered for {model} on {} from {}",
            wanted.name(),
            chosen.label(),
            ctx.source()
        )
    };
    let known = if ctx.catalog.tiers.is_known() {
        format!(
            "the tiers page lists Priority and Flex for {} models, by in-Region ID only",
            ctx.catalog.tiers.priority_flex.len()
        )
    } else {
        "the catalog has no service-tier data".to_owned()
    };
    let text = format!("Standard tier: {missing} ({known}).");
    decision.warnings.push(Warning {
        source: Some(Cite::ServiceTiers),
        ..Warning::plain(text)
    });
}

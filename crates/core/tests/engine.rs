//! The decision engine: each documented rule on a small fixture catalog (so a data refresh
//! cannot change a rule test), the known residency traps on the real catalog, and the invariant
//! that no recommendation ever processes a prompt outside the allowed Regions, exhaustively and
//! on generated workloads.
#![cfg(not(target_arch = "wasm32"))]

mod fixture;

use atlas_core::catalog::calendar::Day;
use atlas_core::catalog::data;
use atlas_core::catalog::ids::{CountryCode, GeographyId, ModelId, RegionCode};
use atlas_core::catalog::residency::Residency;
use atlas_core::catalog::Catalog;
use atlas_core::engine::options::{self, OptionEval, OptionKind};
use atlas_core::engine::suggest::Alternative;
use atlas_core::engine::{self, Recommendation};
use atlas_core::plan::{OrgPolicy, Sla, Traffic, Workload, WorkloadSpec};
use proptest::prelude::*;

const SONNET_45: &str = "anthropic.claude-sonnet-4-5-20250929-v1:0";

/// The day the tests evaluate on: end-of-life warnings depend on it.
fn today() -> Day {
    Day::parse("2026-12-02").expect("a date")
}

fn recommend(catalog: &Catalog, workload: &Workload<'_>) -> Recommendation {
    engine::recommend(catalog, workload, today())
}

fn evaluate_options(catalog: &Catalog, workload: &Workload<'_>) -> Vec<OptionEval> {
    options::evaluate_options(catalog, workload, today())
}

fn real() -> &'static Catalog {
    data::catalog().expect("catalog")
}

fn geography(name: &str) -> Residency {
    Residency::Geography {
        name: GeographyId::new(name),
    }
}

fn country(code: &str) -> Residency {
    Residency::Country {
        code: CountryCode::new(code),
    }
}

fn pinned(code: &str) -> Residency {
    Residency::Regions {
        codes: vec![RegionCode::new(code)],
    }
}

fn spec(
    model: &str,
    source: &str,
    residency: Residency,
    traffic: Traffic,
    sla: Sla,
) -> WorkloadSpec {
    WorkloadSpec {
        name: "test".into(),
        model_id: ModelId::new(model),
        custom_model: false,
        source_region: RegionCode::new(source),
        residency,
        traffic,
        sla,
        org_policy: None,
        tokens_per_month: None,
        data_retention: None,
        turnaround: None,
        peak: None,
    }
}

fn check(catalog: &Catalog, spec: WorkloadSpec) -> Workload<'_> {
    spec.check(catalog).expect("a valid workload")
}

fn chosen_id(rec: &Recommendation) -> String {
    rec.chosen_option()
        .map(|o| o.call_id().unwrap_or_default().to_owned())
        .unwrap_or_default()
}

fn deny_global() -> Option<OrgPolicy> {
    Some(OrgPolicy {
        allowed_regions: None,
        allows_global: false,
    })
}

fn allow_only(regions: &[&str]) -> Option<OrgPolicy> {
    Some(OrgPolicy {
        allowed_regions: Some(regions.iter().map(|r| RegionCode::new(*r)).collect()),
        allows_global: true,
    })
}

/// Case, workload, expected option (`None`: nothing eligible), expected ID to call.
type Row = (&'static str, WorkloadSpec, Option<OptionKind>, String);

#[test]
fn rules_choose_as_documented() {
    use fixture::{BIG, CHAT, OLD, OTHER, SMALL};
    use Sla::*;
    use Traffic::*;
    let c = fixture::catalog();
    let custom = |mut s: WorkloadSpec| {
        s.custom_model = true;
        s
    };
    let policy = |mut s: WorkloadSpec, p: Option<OrgPolicy>| {
        s.org_policy = p;
        s
    };
    let pt = |region: &str| {
        format!("arn:aws:bedrock:{region}:<account-id>:provisioned-model/<provisioned-model-id>")
    };
    // Columns: case, workload, expected option, expected ID to call.
    let rows: Vec<Row> = vec![
        (
            "rule 0: a retired model gets nothing",
            spec(OLD, "us-east-1", Residency::None, Steady, BestEffort),
            None,
            String::new(),
        ),
        (
            "rule 1: a custom model goes to Provisioned Throughput",
            custom(spec(CHAT, "us-east-1", Residency::None, Spiky, BestEffort)),
            Some(OptionKind::Provisioned),
            pt("us-east-1"),
        ),
        (
            "rule 1: a custom model is provisioned where it was made, listed or not",
            custom(spec(
                SMALL,
                "eu-west-3",
                Residency::None,
                Steady,
                BestEffort,
            )),
            Some(OptionKind::Provisioned),
            pt("eu-west-3"),
        ),
        (
            "rule 1: a custom model outside the obligation gets nothing",
            custom(spec(CHAT, "us-east-1", geography("EU"), Steady, BestEffort)),
            None,
            String::new(),
        ),
        (
            "rule 2: a guaranteed SLA goes to Provisioned Throughput where AWS lists it",
            spec(CHAT, "us-east-1", Residency::None, Steady, Guaranteed),
            Some(OptionKind::Provisioned),
            pt("us-east-1"),
        ),
        (
            "rule 2: guaranteed where it is not listed: the on-demand rules",
            spec(SMALL, "eu-west-3", Residency::None, Steady, Guaranteed),
            Some(OptionKind::InRegion),
            SMALL.into(),
        ),
        (
            "rule 2: guaranteed, provisioned outside the obligation, nothing on demand",
            spec(CHAT, "us-east-1", pinned("us-east-2"), Steady, Guaranteed),
            None,
            String::new(),
        ),
        (
            "rule 3, steady: in-Region first",
            spec(CHAT, "us-east-1", Residency::None, Steady, BestEffort),
            Some(OptionKind::InRegion),
            CHAT.into(),
        ),
        (
            "rule 3, steady without on-demand in the source: nearest geography",
            spec(CHAT, "eu-central-1", Residency::None, Steady, BestEffort),
            Some(OptionKind::Geographic),
            format!("eu.{CHAT}"),
        ),
        (
            "rule 3, steady under Japan: the jp. profile",
            spec(CHAT, "ap-northeast-1", country("JP"), Steady, BestEffort),
            Some(OptionKind::Geographic),
            format!("jp.{CHAT}"),
        ),
        (
            "rule 3, spiky without an obligation: global",
            spec(CHAT, "eu-central-1", Residency::None, Spiky, BestEffort),
            Some(OptionKind::Global),
            format!("global.{CHAT}"),
        ),
        (
            "rule 3, spiky under the EU: the widest EU profile",
            spec(CHAT, "eu-central-1", geography("EU"), Spiky, BestEffort),
            Some(OptionKind::Geographic),
            format!("eu.{CHAT}"),
        ),
        (
            "rule 3, high volume from London under Europe (UK allowed)",
            spec(
                CHAT,
                "eu-west-2",
                geography("Europe"),
                HighVolume,
                BestEffort,
            ),
            Some(OptionKind::Geographic),
            format!("eu.{CHAT}"),
        ),
        (
            "rule 3, spiky and latency-sensitive: nearest geography before in-Region",
            spec(CHAT, "us-east-1", Residency::None, Spiky, LatencySensitive),
            Some(OptionKind::Geographic),
            format!("us.{CHAT}"),
        ),
        (
            "rule 3, pinned to one Region with on-demand there",
            spec(SMALL, "eu-west-3", pinned("eu-west-3"), Spiky, BestEffort),
            Some(OptionKind::InRegion),
            SMALL.into(),
        ),
        (
            "rule 3, in-Region on bedrock-mantle is in-Region for residency",
            spec(
                OTHER,
                "eu-central-1",
                pinned("eu-central-1"),
                Steady,
                BestEffort,
            ),
            Some(OptionKind::InRegion),
            OTHER.into(),
        ),
        (
            "rule 3, only a global profile",
            spec(BIG, "us-west-2", Residency::None, Steady, BestEffort),
            Some(OptionKind::Global),
            format!("global.{BIG}"),
        ),
        (
            "rule 3, the policy denies global: geographic",
            policy(
                spec(CHAT, "eu-central-1", Residency::None, Spiky, BestEffort),
                deny_global(),
            ),
            Some(OptionKind::Geographic),
            format!("eu.{CHAT}"),
        ),
        (
            "rule 3, an SCP allow-list blocks eu. destinations: global",
            policy(
                spec(CHAT, "eu-central-1", Residency::None, Steady, BestEffort),
                allow_only(&["eu-central-1", "eu-west-1"]),
            ),
            Some(OptionKind::Global),
            format!("global.{CHAT}"),
        ),
        (
            "rule 4: nothing on demand inside the obligation, Provisioned Throughput is",
            spec(
                CHAT,
                "eu-central-1",
                pinned("eu-central-1"),
                Steady,
                BestEffort,
            ),
            Some(OptionKind::Provisioned),
            pt("eu-central-1"),
        ),
        (
            "rule 5, eu. from London under the EU: nothing",
            spec(CHAT, "eu-west-2", geography("EU"), Spiky, BestEffort),
            None,
            String::new(),
        ),
        (
            "rule 5, us. from Canada under Canada: nothing",
            spec(CHAT, "ca-central-1", country("CA"), Steady, BestEffort),
            None,
            String::new(),
        ),
    ];
    for (case, spec, option, id) in rows {
        let rec = recommend(c, &check(c, spec));
        assert_eq!(rec.kind(), option, "{case}: {:?}", rec.reasons);
        assert_eq!(chosen_id(&rec), id, "{case}");
        assert!(!rec.reasons.is_empty(), "{case}: no reasons");
    }
}

#[test]
fn warnings_name_what_to_watch() {
    use fixture::{CHAT, SMALL};
    let c = fixture::catalog();
    let warnings = |s: WorkloadSpec| {
        recommend(c, &check(c, s))
            .warnings
            .iter()
            .map(|w| w.text.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    };
    // Columns: workload, a phrase one warning must hold.
    let rows = [
        (
            spec(
                SMALL,
                "eu-west-3",
                pinned("eu-west-3"),
                Traffic::Spiky,
                Sla::BestEffort,
            ),
            "Spikes may throttle",
        ),
        (
            spec(
                CHAT,
                "ca-central-1",
                Residency::None,
                Traffic::Steady,
                Sla::BestEffort,
            ),
            "Prompts may leave Canada (ca-central-1)",
        ),
        (
            spec(
                CHAT,
                "us-east-1",
                pinned("us-east-2"),
                Traffic::Steady,
                Sla::Guaranteed,
            ),
            "The guaranteed capacity this workload requires is not met",
        ),
        (
            spec(
                SMALL,
                "eu-west-3",
                Residency::None,
                Traffic::Steady,
                Sla::Guaranteed,
            ),
            "is not listed by AWS",
        ),
        (
            WorkloadSpec {
                custom_model: true,
                ..spec(
                    SMALL,
                    "eu-west-3",
                    Residency::None,
                    Traffic::Steady,
                    Sla::BestEffort,
                )
            },
            "cannot confirm Provisioned Throughput",
        ),
        (
            WorkloadSpec {
                custom_model: true,
                ..spec(
                    SMALL,
                    "eu-west-3",
                    Residency::None,
                    Traffic::Steady,
                    Sla::BestEffort,
                )
            },
            "lists customization support for no model",
        ),
    ];
    for (spec, phrase) in rows {
        let all = warnings(spec.clone());
        assert!(all.contains(phrase), "{spec:?}: {all}");
    }
}

#[test]
fn nothing_eligible_suggests_sources_models_and_provisioning() {
    let c = fixture::catalog();
    let rec = recommend(
        c,
        &check(
            c,
            spec(
                fixture::CHAT,
                "eu-west-2",
                geography("EU"),
                Traffic::Spiky,
                Sla::BestEffort,
            ),
        ),
    );
    assert_eq!(rec.kind(), None);
    // Calling the same eu. profile from an EU source is compliant.
    assert!(rec.alternatives.iter().any(|a| matches!(a,
        Alternative::SourceRegion { option: OptionKind::Geographic, call_id, .. } if call_id.starts_with("eu."))));
    // Another model on demand in an EU Region... but not from London: none from this source.
    let provision = rec.alternatives.iter().find_map(|a| match a {
        Alternative::ProvisionIn { regions } => Some(regions),
        _ => None,
    });
    let provision: Vec<&str> = provision
        .expect("where to provision")
        .iter()
        .map(RegionCode::as_str)
        .collect();
    // Only where AWS lists model units (the fixture lists them in eu-central-1), as the
    // Provisioned Throughput option itself says: not every EU Region that offers the model.
    assert_eq!(provision, ["eu-central-1"]);
}

// ---- traps on the real catalog ----

#[test]
fn us_profile_from_canada_under_a_canada_obligation_is_not_compliant() {
    let c = real();
    let rec = recommend(
        c,
        &check(
            c,
            spec(
                SONNET_45,
                "ca-central-1",
                country("CA"),
                Traffic::Spiky,
                Sla::BestEffort,
            ),
        ),
    );
    let us = rec
        .options
        .iter()
        .find(|o| o.call_id() == Some(format!("us.{SONNET_45}").as_str()))
        .expect("the us. profile is an option from ca-central-1");
    assert!(us.eligibility.is_offered() && !us.is_eligible());
    let violations = us.eligibility.violations();
    let violating: Vec<&str> = violations.iter().map(|v| v.region.as_str()).collect();
    assert_eq!(violating, ["us-east-1", "us-east-2", "us-west-2"]);
    assert!(violations
        .iter()
        .all(|v| v.country.contains("United States")));
    let in_region = rec
        .options
        .iter()
        .find(|o| o.kind == OptionKind::InRegion)
        .unwrap();
    assert!(!in_region.eligibility.is_offered());
    assert!(in_region
        .eligibility
        .why_not()
        .unwrap()
        .contains("needs an inference profile"));
}

#[test]
fn eu_profile_from_london_under_an_eu_obligation_is_not_compliant() {
    let c = real();
    let rec = recommend(
        c,
        &check(
            c,
            spec(
                SONNET_45,
                "eu-west-2",
                geography("EU"),
                Traffic::Spiky,
                Sla::BestEffort,
            ),
        ),
    );
    let eu = rec
        .options
        .iter()
        .find(|o| o.call_id() == Some(format!("eu.{SONNET_45}").as_str()))
        .unwrap();
    let violations = eu.eligibility.violations();
    assert_eq!(violations.len(), 1);
    assert_eq!(violations[0].region.as_str(), "eu-west-2");
    assert_eq!(violations[0].country, "United Kingdom");
    assert!(rec.alternatives.iter().any(|a| matches!(a,
        Alternative::SourceRegion { option: OptionKind::Geographic, call_id, .. } if call_id.starts_with("eu."))));
}

#[test]
fn many_violations_are_summarised_by_country() {
    let c = real();
    let rec = recommend(
        c,
        &check(
            c,
            spec(
                SONNET_45,
                "eu-central-1",
                geography("EU"),
                Traffic::Spiky,
                Sla::BestEffort,
            ),
        ),
    );
    let global = rec
        .options
        .iter()
        .find(|o| o.kind == OptionKind::Global)
        .unwrap();
    let why = global.eligibility.why_not().unwrap();
    let count = global.eligibility.violations().len();
    assert!(count > 4);
    assert!(
        why.contains(&format!("in {count} Regions outside the allowed ones")),
        "{why}"
    );
    assert_eq!(why.matches("United States of America").count(), 1, "{why}");
    assert!(why.contains("United Kingdom") && why.contains("Switzerland"));
}

// ---- the residency invariant ----

fn obligations(catalog: &Catalog) -> Vec<Residency> {
    let mut all = vec![Residency::None];
    all.extend(
        catalog
            .geographies
            .iter()
            .map(|g| Residency::Geography { name: g.id.clone() }),
    );
    let countries: std::collections::BTreeSet<&CountryCode> =
        catalog.regions.iter().map(|r| &r.country).collect();
    all.extend(
        countries
            .into_iter()
            .map(|c| Residency::Country { code: c.clone() }),
    );
    all.extend(catalog.regions.iter().map(|r| Residency::Regions {
        codes: vec![r.code.clone()],
    }));
    all
}

/// The Regions an obligation allows, computed from the Regions' countries without the code
/// under test.
fn allowed_regions(catalog: &Catalog, residency: &Residency) -> Vec<RegionCode> {
    let in_countries = |countries: &[CountryCode]| {
        catalog
            .regions
            .iter()
            .filter(|r| countries.contains(&r.country))
            .map(|r| r.code.clone())
            .collect()
    };
    match residency {
        Residency::None => catalog.regions.iter().map(|r| r.code.clone()).collect(),
        Residency::Geography { name } => in_countries(
            &catalog
                .geographies
                .iter()
                .find(|g| &g.id == name)
                .unwrap()
                .countries,
        ),
        Residency::Country { code } => in_countries(std::slice::from_ref(code)),
        Residency::Regions { codes } => codes.clone(),
    }
}

fn assert_never_outside(catalog: &Catalog, w: &Workload<'_>, rec: &Recommendation) {
    let allowed = allowed_regions(catalog, &w.spec().residency);
    if let Some(chosen) = rec.chosen_option() {
        assert!(chosen.is_eligible());
        assert!(!chosen.processing_regions.is_empty());
        for region in &chosen.processing_regions {
            assert!(
                allowed.contains(region),
                "{:?} processes in {region}",
                w.spec()
            );
            assert!(w.policy().allows_region(region) || chosen.kind == OptionKind::Global);
        }
    }
    for alt in &rec.alternatives {
        if let Alternative::ProvisionIn { regions } = alt {
            assert!(regions.iter().all(|r| allowed.contains(r)));
        }
    }
}

/// Every model × every source Region × every obligation, on the real catalog.
#[test]
fn no_recommendation_processes_outside_the_allowed_regions() {
    let catalog = real();
    let obligations = obligations(catalog);
    let shapes = [
        (Traffic::Steady, Sla::BestEffort),
        (Traffic::Spiky, Sla::BestEffort),
        (Traffic::HighVolume, Sla::LatencySensitive),
        (Traffic::Spiky, Sla::Guaranteed),
    ];
    let mut evaluated = 0usize;
    let mut chosen = 0usize;
    for (mi, model) in catalog.models.iter().enumerate() {
        for (ri, region) in catalog.regions.iter().enumerate() {
            for (oi, residency) in obligations.iter().enumerate() {
                let (traffic, sla) = shapes[(mi + ri + oi) % shapes.len()];
                let mut s = spec(
                    model.id.as_str(),
                    region.code.as_str(),
                    residency.clone(),
                    traffic,
                    sla,
                );
                s.custom_model = (mi + oi) % 7 == 0;
                let w = check(catalog, s);
                let rec = recommend(catalog, &w);
                assert_never_outside(catalog, &w, &rec);
                evaluated += 1;
                chosen += usize::from(rec.chosen.is_some());
            }
        }
    }
    // Most obligations are single Regions or countries unrelated to the source, so most
    // combinations have no eligible option; a few percent must still succeed.
    assert!(
        chosen * 100 > evaluated * 2,
        "too few recommendations: {chosen} of {evaluated}"
    );
    println!("{evaluated} workloads, {chosen} with a recommendation");
}

fn arb_workload() -> impl Strategy<Value = WorkloadSpec> {
    let c = real();
    let models = c.models.len();
    let regions = c.regions.len();
    let obligation_count = obligations(c).len();
    (
        0..models,
        0..regions,
        0..obligation_count,
        0..3usize,
        0..3usize,
        any::<bool>(),
        proptest::option::of((proptest::collection::vec(0..regions, 0..6), any::<bool>())),
    )
        .prop_map(move |(m, r, o, t, s, custom, policy)| {
            let c = real();
            let mut w = spec(
                c.models[m].id.as_str(),
                c.regions[r].code.as_str(),
                obligations(c).swap_remove(o),
                Traffic::ALL[t],
                Sla::ALL[s],
            );
            w.custom_model = custom;
            w.org_policy = policy.map(|(list, allows_global)| OrgPolicy {
                allowed_regions: (!list.is_empty())
                    .then(|| list.iter().map(|&i| c.regions[i].code.clone()).collect()),
                allows_global,
            });
            w
        })
}

/// Whether the organisation policy lets an option of `kind` process in `processing`, computed
/// from the SCP rules (global: "unspecified" and the source; geographic: every destination;
/// otherwise the source) independently of the engine.
fn policy_allows(w: &Workload<'_>, kind: OptionKind, processing: &[RegionCode]) -> bool {
    let policy = w.policy();
    let source = &w.spec().source_region;
    match kind {
        OptionKind::Global => policy.allows_global && policy.allows_region(source),
        OptionKind::Geographic => processing.iter().all(|r| policy.allows_region(r)),
        _ => policy.allows_region(source),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn generated_workloads_respect_residency_and_policy(s in arb_workload()) {
        let c = real();
        let w = check(c, s.clone());
        let rec = recommend(c, &w);
        assert_never_outside(c, &w, &rec);
        // The choice is deterministic.
        prop_assert_eq!(recommend(c, &w), rec.clone());
        // An option is eligible exactly when it is offered, processes only inside the
        // obligation, and the organisation policy allows it, each recomputed here.
        let allowed = allowed_regions(c, &s.residency);
        for o in &rec.options {
            let inside = o.processing_regions.iter().all(|r| allowed.contains(r));
            let expected = o.eligibility.is_offered()
                && inside
                && policy_allows(&w, o.kind, &o.processing_regions);
            prop_assert_eq!(o.is_eligible(), expected, "{:?}", o);
            prop_assert_eq!(o.eligibility.violations().is_empty(), inside || !o.eligibility.is_offered());
        }
        if rec.chosen.is_none() {
            prop_assert!(!rec.reasons.is_empty());
        }
        // Every suggestion really is eligible when followed: the quick checks behind
        // suggestions agree with the full evaluation.
        for alt in &rec.alternatives {
            let (followed, call_id) = match alt {
                Alternative::SourceRegion { region, call_id, .. } => {
                    (WorkloadSpec { source_region: region.clone(), custom_model: false, sla: Sla::BestEffort, ..s.clone() }, call_id)
                }
                Alternative::Model { model_id, call_id, .. } => {
                    (WorkloadSpec { model_id: model_id.clone(), custom_model: false, sla: Sla::BestEffort, ..s.clone() }, call_id)
                }
                Alternative::ProvisionIn { .. } => continue,
            };
            let followed = check(c, followed);
            let options = evaluate_options(c, &followed);
            prop_assert!(
                options.iter().any(|o| o.is_eligible() && o.call_id() == Some(call_id.as_str())),
                "suggestion {} is not eligible for {:?}", call_id, followed.spec()
            );
        }
    }
}

#[test]
fn choices_explain_their_endpoint_and_a_retired_model_explains_itself() {
    let c = fixture::catalog();
    let reasons = |s: WorkloadSpec| {
        recommend(c, &check(c, s))
            .reasons
            .iter()
            .map(|r| r.text.clone())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let mantle = reasons(spec(
        fixture::OTHER,
        "eu-central-1",
        pinned("eu-central-1"),
        Traffic::Steady,
        Sla::BestEffort,
    ));
    assert!(
        mantle.contains("served by the bedrock-mantle endpoint"),
        "{mantle}"
    );
    assert!(
        mantle.contains("https://bedrock-mantle.eu-central-1.api.aws"),
        "{mantle}"
    );
    let runtime = reasons(spec(
        fixture::SMALL,
        "eu-west-3",
        pinned("eu-west-3"),
        Traffic::Steady,
        Sla::BestEffort,
    ));
    assert!(!runtime.contains("bedrock-mantle"), "{runtime}");
    let retired = reasons(spec(
        fixture::OLD,
        "us-east-1",
        Residency::None,
        Traffic::Steady,
        Sla::BestEffort,
    ));
    assert!(
        retired.contains("Old was retired") && retired.contains("2026-06-01"),
        "{retired}"
    );
}

#[test]
fn the_comparison_prices_every_option_and_estimates_a_month() {
    use atlas_core::output::evaluation::WorkloadEvaluation;
    use atlas_core::plan::TokensPerMonth;
    let c = fixture::catalog();
    let mut s = spec(
        fixture::CHAT,
        "us-east-1",
        Residency::None,
        Traffic::Steady,
        Sla::BestEffort,
    );
    let row = |e: &WorkloadEvaluation, label: &str| -> Vec<String> {
        e.comparison
            .rows
            .iter()
            .find(|r| r.label == label)
            .map(|r| r.cells.iter().map(|c| c.lines.join(" | ")).collect())
            .unwrap_or_default()
    };
    let plain = WorkloadEvaluation::of(c, &check(c, s.clone()), today());
    assert!(
        row(&plain, "Monthly estimate").is_empty(),
        "no estimate without tokens"
    );
    // Columns: global, us., in-Region, provisioned (fixture prices: 2.70/13.50, 3.30/16.50, 3.00/15.00).
    assert_eq!(
        row(&plain, "Price per million tokens"),
        [
            "$2.70 in / $13.50 out",
            "$3.30 in / $16.50 out",
            "$3.00 in / $15.00 out | base price: the list has no us-east-1 entry",
            "Hourly per model unit: not in the price list",
        ]
    );
    s.tokens_per_month = Some(TokensPerMonth {
        input: 20_000_000,
        output: 5_000_000,
    });
    let estimated = WorkloadEvaluation::of(c, &check(c, s), today());
    // 20M × 2.70 + 5M × 13.50 = 54 + 67.50 = 121.50; 20M × 3.30 + 5M × 16.50 = 66 + 82.50.
    let monthly = row(&estimated, "Monthly estimate");
    assert!(monthly[0].starts_with("$121.50 |"), "{monthly:?}");
    assert!(monthly[1].starts_with("$148.50 |"), "{monthly:?}");
    assert!(monthly[2].starts_with("$135.00 |"), "{monthly:?}");
    assert_eq!(monthly[3], "—");
}

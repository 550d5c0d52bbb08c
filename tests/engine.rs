//! The decision engine on the real catalog: each rule, the known residency traps, and the
//! invariant that no recommendation ever processes a prompt outside the allowed Regions.
#![cfg(not(target_arch = "wasm32"))]

use cris_atlas::data;
use cris_atlas::domain::catalog::Catalog;
use cris_atlas::domain::engine::{recommend, Alternative, OptionKind, Recommendation};
use cris_atlas::domain::ids::{CountryCode, GeographyId, ModelId, RegionCode};
use cris_atlas::domain::plan::{OrgPolicy, Sla, Traffic, Workload};
use cris_atlas::domain::residency::Residency;
use proptest::prelude::*;

const SONNET_45: &str = "anthropic.claude-sonnet-4-5-20250929-v1:0";
const HAIKU_3: &str = "anthropic.claude-3-haiku-20240307-v1:0";
const NOVA_LITE: &str = "amazon.nova-lite-v1:0";

fn catalog() -> &'static Catalog {
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

fn workload(
    model: &str,
    source: &str,
    residency: Residency,
    traffic: Traffic,
    sla: Sla,
) -> Workload {
    Workload {
        name: "test".into(),
        model_id: ModelId::new(model),
        custom_model: false,
        source_region: RegionCode::new(source),
        residency,
        traffic,
        sla,
        org_policy: None,
    }
}

fn chosen_id(rec: &Recommendation) -> String {
    rec.chosen_option()
        .map(|o| o.call_id.clone())
        .unwrap_or_default()
}

/// Case, model, source, residency, traffic, SLA, expected option, expected ID to call.
type Row = (
    &'static str,
    &'static str,
    &'static str,
    Residency,
    Traffic,
    Sla,
    OptionKind,
    String,
);

#[test]
fn rules_choose_as_documented() {
    use Sla::*;
    use Traffic::*;
    // Columns: case, model, source, residency, traffic, SLA, expected option, expected ID to call.
    let rows: Vec<Row> = vec![
        (
            "jp. under a Japan obligation",
            SONNET_45,
            "ap-northeast-1",
            country("JP"),
            Steady,
            BestEffort,
            OptionKind::Geographic,
            format!("jp.{SONNET_45}"),
        ),
        (
            "spiky, no obligation: global",
            SONNET_45,
            "eu-central-1",
            Residency::None,
            Spiky,
            BestEffort,
            OptionKind::Global,
            format!("global.{SONNET_45}"),
        ),
        (
            "spiky under EU: widest EU profile",
            SONNET_45,
            "eu-central-1",
            geography("EU"),
            Spiky,
            BestEffort,
            OptionKind::Geographic,
            format!("eu.{SONNET_45}"),
        ),
        (
            "eu. from London under Europe (UK allowed)",
            SONNET_45,
            "eu-west-2",
            geography("Europe"),
            HighVolume,
            BestEffort,
            OptionKind::Geographic,
            format!("eu.{SONNET_45}"),
        ),
        (
            "steady with on-demand in the source Region",
            NOVA_LITE,
            "us-east-1",
            Residency::None,
            Steady,
            BestEffort,
            OptionKind::InRegion,
            NOVA_LITE.to_owned(),
        ),
        (
            "spiky and latency-sensitive: nearest geography",
            NOVA_LITE,
            "us-east-1",
            Residency::None,
            Spiky,
            LatencySensitive,
            OptionKind::Geographic,
            format!("us.{NOVA_LITE}"),
        ),
        (
            "steady, no on-demand in source: nearest geography",
            NOVA_LITE,
            "eu-central-1",
            Residency::None,
            Steady,
            BestEffort,
            OptionKind::Geographic,
            format!("eu.{NOVA_LITE}"),
        ),
        (
            "guaranteed SLA: Provisioned Throughput",
            NOVA_LITE,
            "us-east-1",
            Residency::None,
            Steady,
            Guaranteed,
            OptionKind::Provisioned,
            NOVA_LITE.to_owned(),
        ),
        (
            "pinned to one Region with on-demand",
            HAIKU_3,
            "eu-west-3",
            Residency::Regions {
                codes: vec![RegionCode::new("eu-west-3")],
            },
            Spiky,
            BestEffort,
            OptionKind::InRegion,
            HAIKU_3.to_owned(),
        ),
        (
            "ca. profile keeps Canadian data in Canada",
            NOVA_LITE,
            "ca-central-1",
            country("CA"),
            Spiky,
            BestEffort,
            OptionKind::Geographic,
            format!("ca.{NOVA_LITE}"),
        ),
    ];
    for (case, model, source, residency, traffic, sla, option, id) in rows {
        let rec = recommend(catalog(), &workload(model, source, residency, traffic, sla));
        assert_eq!(rec.kind(), option, "{case}: {:?}", rec.reasons);
        assert_eq!(chosen_id(&rec), id, "{case}");
        assert!(!rec.reasons.is_empty(), "{case}: no reasons");
    }
}

#[test]
fn us_profile_from_canada_under_a_canada_obligation_is_not_compliant() {
    let rec = recommend(
        catalog(),
        &workload(
            SONNET_45,
            "ca-central-1",
            country("CA"),
            Traffic::Spiky,
            Sla::BestEffort,
        ),
    );
    let us = rec
        .options
        .iter()
        .find(|o| o.call_id == format!("us.{SONNET_45}"))
        .expect("the us. profile is an option from ca-central-1");
    assert!(us.available && !us.residency_ok && !us.eligible);
    let violating: Vec<&str> = us.violations.iter().map(|v| v.region.as_str()).collect();
    assert_eq!(violating, ["us-east-1", "us-east-2", "us-west-2"]);
    assert!(us
        .violations
        .iter()
        .all(|v| v.country.contains("United States")));
    // Sonnet 4.5 has no on-demand use anywhere and every profile leaves Canada: nothing fits.
    assert_eq!(rec.kind(), OptionKind::None);
    let in_region = rec
        .options
        .iter()
        .find(|o| o.option == OptionKind::InRegion)
        .unwrap();
    assert!(!in_region.available);
    assert!(in_region
        .unavailable_reason
        .as_deref()
        .unwrap()
        .contains("needs an inference profile"));
    assert!(rec.alternatives.iter().any(|a| matches!(a,
        Alternative::ProvisionIn { regions } if regions.iter().any(|r| r.as_str() == "ca-central-1"))));
    assert!(rec
        .alternatives
        .iter()
        .any(|a| matches!(a, Alternative::Model { .. })));
}

#[test]
fn eu_profile_from_london_under_an_eu_obligation_is_not_compliant() {
    let rec = recommend(
        catalog(),
        &workload(
            SONNET_45,
            "eu-west-2",
            geography("EU"),
            Traffic::Spiky,
            Sla::BestEffort,
        ),
    );
    let eu = rec
        .options
        .iter()
        .find(|o| o.call_id == format!("eu.{SONNET_45}"))
        .unwrap();
    assert!(!eu.residency_ok);
    assert_eq!(eu.violations.len(), 1);
    assert_eq!(eu.violations[0].region.as_str(), "eu-west-2");
    assert_eq!(eu.violations[0].country, "United Kingdom");
    assert_eq!(rec.kind(), OptionKind::None);
    // Calling the same profile from an EU source Region is compliant.
    assert!(rec.alternatives.iter().any(|a| matches!(a,
        Alternative::SourceRegion { option: OptionKind::Geographic, call_id, .. } if call_id.starts_with("eu."))));
}

#[test]
fn denying_global_in_the_org_policy_falls_back_to_geographic() {
    let mut w = workload(
        SONNET_45,
        "eu-central-1",
        Residency::None,
        Traffic::Spiky,
        Sla::BestEffort,
    );
    w.org_policy = Some(OrgPolicy {
        allowed_regions: None,
        allows_global: false,
    });
    let rec = recommend(catalog(), &w);
    let global = rec
        .options
        .iter()
        .find(|o| o.option == OptionKind::Global)
        .unwrap();
    assert!(global.available && global.residency_ok && !global.org_policy_ok);
    assert!(global
        .org_policy_problem
        .as_deref()
        .unwrap()
        .contains("unspecified"));
    assert_eq!(rec.kind(), OptionKind::Geographic);
}

#[test]
fn scp_region_allow_list_blocks_a_profile_with_a_blocked_destination() {
    let mut w = workload(
        SONNET_45,
        "eu-central-1",
        Residency::None,
        Traffic::Steady,
        Sla::BestEffort,
    );
    w.org_policy = Some(OrgPolicy {
        allowed_regions: Some(vec![
            RegionCode::new("eu-central-1"),
            RegionCode::new("eu-west-1"),
        ]),
        allows_global: true,
    });
    let rec = recommend(catalog(), &w);
    let eu = rec
        .options
        .iter()
        .find(|o| o.option == OptionKind::Geographic)
        .unwrap();
    assert!(!eu.org_policy_ok, "eu. routes to Regions the SCP blocks");
    // Global needs only the source Region and "unspecified".
    assert_eq!(rec.kind(), OptionKind::Global);
}

#[test]
fn custom_models_go_to_provisioned_throughput_or_nowhere() {
    let mut w = workload(
        NOVA_LITE,
        "us-east-1",
        Residency::None,
        Traffic::Spiky,
        Sla::BestEffort,
    );
    w.custom_model = true;
    let rec = recommend(catalog(), &w);
    assert_eq!(rec.kind(), OptionKind::Provisioned);
    assert!(rec
        .warnings
        .iter()
        .any(|w| w.contains("cannot confirm Provisioned Throughput")));

    w.residency = geography("EU");
    let rec = recommend(catalog(), &w);
    assert_eq!(rec.kind(), OptionKind::None);
    let regions = rec
        .alternatives
        .iter()
        .find_map(|a| match a {
            Alternative::ProvisionIn { regions } => Some(regions.clone()),
            _ => None,
        })
        .expect("suggests where to provision");
    assert!(regions.iter().any(|r| r.as_str() == "eu-north-1"));
    assert!(regions.iter().all(|r| r.as_str().starts_with("eu-")));
}

#[test]
fn guaranteed_sla_outside_residency_warns_and_falls_back() {
    let w = workload(
        SONNET_45,
        "eu-west-2",
        geography("EU"),
        Traffic::Steady,
        Sla::Guaranteed,
    );
    let rec = recommend(catalog(), &w);
    assert!(rec
        .warnings
        .iter()
        .any(|w| w.contains("No eligible option guarantees capacity")));
    assert_ne!(rec.kind(), OptionKind::Provisioned);
}

#[test]
fn spiky_traffic_in_one_region_warns_about_throttling() {
    let w = workload(
        HAIKU_3,
        "eu-west-3",
        Residency::Regions {
            codes: vec![RegionCode::new("eu-west-3")],
        },
        Traffic::Spiky,
        Sla::BestEffort,
    );
    let rec = recommend(catalog(), &w);
    assert_eq!(rec.kind(), OptionKind::InRegion);
    assert!(rec
        .warnings
        .iter()
        .any(|w| w.contains("Spikes may throttle")));
    assert!(rec.warnings.iter().any(|w| w.contains("legacy")));
}

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

fn assert_never_outside(catalog: &Catalog, w: &Workload, rec: &Recommendation) {
    let allowed = w.residency.allowed(catalog).expect("obligation resolves");
    if let Some(chosen) = rec.chosen_option() {
        assert!(chosen.eligible);
        assert!(!chosen.processing_regions.is_empty());
        for region in &chosen.processing_regions {
            assert!(
                allowed.contains(region.as_str()),
                "{w:?} processes in {region}"
            );
            assert!(
                w.policy().allows_region(region.as_str()) || chosen.option == OptionKind::Global
            );
        }
    }
    for alt in &rec.alternatives {
        if let Alternative::ProvisionIn { regions } = alt {
            assert!(regions.iter().all(|r| allowed.contains(r.as_str())));
        }
    }
}

/// Every model × every source Region × every obligation, on the real catalog.
#[test]
fn no_recommendation_processes_outside_the_allowed_regions() {
    let catalog = catalog();
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
                let mut w = workload(
                    model.id.as_str(),
                    region.code.as_str(),
                    residency.clone(),
                    traffic,
                    sla,
                );
                w.custom_model = (mi + oi) % 7 == 0;
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

fn arb_workload() -> impl Strategy<Value = Workload> {
    let c = catalog();
    let models = c.models.len();
    let regions = c.regions.len();
    let obligations = obligations(c).len();
    (
        0..models,
        0..regions,
        0..obligations,
        0..3usize,
        0..3usize,
        any::<bool>(),
        proptest::option::of((proptest::collection::vec(0..regions, 0..6), any::<bool>())),
    )
        .prop_map(move |(m, r, o, t, s, custom, policy)| {
            let c = catalog();
            let mut w = workload(
                c.models[m].id.as_str(),
                c.regions[r].code.as_str(),
                obligations_at(c, o),
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

fn obligations_at(catalog: &Catalog, i: usize) -> Residency {
    obligations(catalog).swap_remove(i)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn generated_workloads_respect_residency_and_policy(w in arb_workload()) {
        let c = catalog();
        let rec = recommend(c, &w);
        assert_never_outside(c, &w, &rec);
        // The choice is deterministic.
        prop_assert_eq!(recommend(c, &w), rec.clone());
        // Every eligible option really fits, and every fit option with both checks is eligible.
        let allowed = w.residency.allowed(c).unwrap();
        for o in &rec.options {
            let fits = o.processing_regions.iter().all(|r| allowed.contains(r.as_str()));
            prop_assert_eq!(o.residency_ok, fits);
            prop_assert_eq!(o.eligible, o.available && o.residency_ok && o.org_policy_ok);
        }
        if rec.chosen.is_none() {
            prop_assert!(!rec.reasons.is_empty());
        }
        // Every suggestion really is eligible when followed: the quick checks behind
        // suggestions agree with the full evaluation.
        for alt in &rec.alternatives {
            let (followed, call_id) = match alt {
                Alternative::SourceRegion { region, call_id, .. } => {
                    (Workload { source_region: region.clone(), custom_model: false, sla: Sla::BestEffort, ..w.clone() }, call_id)
                }
                Alternative::Model { model_id, call_id, .. } => {
                    (Workload { model_id: model_id.clone(), custom_model: false, sla: Sla::BestEffort, ..w.clone() }, call_id)
                }
                Alternative::ProvisionIn { .. } => continue,
            };
            let options = cris_atlas::domain::engine::evaluate(c, &followed);
            prop_assert!(
                options.iter().any(|o| o.eligible && &o.call_id == call_id),
                "suggestion {call_id} is not eligible for {followed:?}"
            );
        }
    }
}

#[test]
fn many_violations_are_summarised_by_country() {
    let rec = recommend(
        catalog(),
        &workload(
            SONNET_45,
            "eu-central-1",
            geography("EU"),
            Traffic::Spiky,
            Sla::BestEffort,
        ),
    );
    let global = rec
        .options
        .iter()
        .find(|o| o.option == OptionKind::Global)
        .unwrap();
    let why = global.ineligible_because().unwrap();
    assert!(global.violations.len() > 4);
    assert!(
        why.contains(&format!(
            "in {} Regions outside the allowed ones",
            global.violations.len()
        )),
        "{why}"
    );
    assert_eq!(why.matches("United States of America").count(), 1, "{why}");
    assert!(why.contains("United Kingdom") && why.contains("Switzerland"));
}

//! How to buy the chosen route: the tier step on the real catalog, each case named after what
//! the transcribed tiers and batch pages say, and the tables counted against the pages' files.
#![cfg(not(target_arch = "wasm32"))]

use atlas_core::catalog::calendar::Day;
use atlas_core::catalog::data;
use atlas_core::catalog::ids::{GeographyId, ModelId, RegionCode};
use atlas_core::catalog::residency::Residency;
use atlas_core::catalog::tiers::Tier;
use atlas_core::catalog::Catalog;
use atlas_core::engine::options::OptionKind;
use atlas_core::engine::{self, Recommendation};
use atlas_core::plan::{Plan, Sla, TokensPerMonth, Traffic, Turnaround, WorkloadSpec};
use serde_json::Value;

fn real() -> &'static Catalog {
    data::catalog().expect("catalog")
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

fn eu() -> Residency {
    Residency::Geography {
        name: GeographyId::new("EU"),
    }
}

fn recommend(spec: WorkloadSpec) -> Recommendation {
    let catalog = real();
    let workload = spec.check(catalog).expect("a valid workload");
    engine::recommend(catalog, &workload, Day::parse("2026-12-02").expect("a day"))
}

fn chosen_id(rec: &Recommendation) -> &str {
    rec.chosen_option()
        .and_then(|o| o.call_id())
        .unwrap_or_default()
}

/// The chosen tier's price as (input, output) micro-USD per million tokens.
fn tier_price(rec: &Recommendation, tier: Tier) -> Option<(u64, u64)> {
    let offer = rec.chosen_option()?.tier(tier)?;
    offer.price.as_ref().map(|p| (p.input, p.output))
}

const SONNET_45: &str = "anthropic.claude-sonnet-4-5-20250929-v1:0";

#[test]
fn guaranteed_sonnet_45_in_the_eu_takes_the_reserved_tier_through_the_eu_profile() {
    // The tiers page lists Reserved for Claude Sonnet 4.5 through global., us., eu. and us-gov.;
    // an EU obligation leaves eu. (global routes outside the EU). The earlier engine chose
    // nothing guaranteed here and warned that no guaranteed option exists.
    let mut s = spec(
        SONNET_45,
        "eu-central-1",
        eu(),
        Traffic::Spiky,
        Sla::Guaranteed,
    );
    s.tokens_per_month = Some(TokensPerMonth {
        input: 400_000_000,
        output: 80_000_000,
    });
    let rec = recommend(s);
    assert_eq!(
        chosen_id(&rec),
        "eu.anthropic.claude-sonnet-4-5-20250929-v1:0"
    );
    assert_eq!(rec.tier, Some(Tier::Reserved));
    assert_eq!(rec.urgent_count(), 0, "{:?}", rec.warnings);
    let text: String = rec.reasons.iter().map(|r| r.text.as_str()).collect();
    assert!(
        text.contains("100,000 input and 10,000 output tokens a minute"),
        "{text}"
    );
    // 400,000,000 / 43,200 minutes = 9,259.3, rounded up to 9,260; 80,000,000 / 43,200 → 1,852.
    assert!(
        text.contains("about 9,260 input and 1,852 output tokens a minute"),
        "{text}"
    );
    assert!(text.contains("below the minimum"), "{text}");
    assert!(text.contains("account team"), "{text}");
    // Reserved is priced by the account team: no price, no monthly figure.
    assert_eq!(tier_price(&rec, Tier::Reserved), None);
}

#[test]
fn guaranteed_without_reserved_or_provisioned_names_what_is_missing() {
    // Claude Opus 5.5: in no Reserved list and no Provisioned Throughput row.
    let rec = recommend(spec(
        "anthropic.claude-opus-5-5",
        "eu-central-1",
        eu(),
        Traffic::Steady,
        Sla::Guaranteed,
    ));
    let urgent: Vec<&str> = rec
        .warnings
        .iter()
        .filter(|w| w.urgent)
        .map(|w| w.text.as_str())
        .collect();
    assert!(
        urgent.iter().any(
            |w| w.contains("the Reserved tier is not offered for Claude Opus 5.5")
                && w.contains("Provisioned Throughput in eu-central-1 is ruled out")
        ),
        "{urgent:?}"
    );
    assert_ne!(rec.tier, Some(Tier::Reserved));
}

#[test]
fn nova_pro_that_can_wait_minutes_takes_flex_at_half_price() {
    let mut s = spec(
        "amazon.nova-pro-v1:0",
        "us-east-1",
        Residency::None,
        Traffic::Steady,
        Sla::BestEffort,
    );
    s.turnaround = Some(Turnaround::Minutes);
    let rec = recommend(s);
    assert_eq!(rec.kind(), Some(OptionKind::InRegion));
    assert_eq!(rec.tier, Some(Tier::Flex));
    // LiteLLM's amazon.nova-pro-v1:0: 4e-07 and 1.6e-06 USD a token = $0.40 / $1.60 a million.
    assert_eq!(tier_price(&rec, Tier::Flex), Some((400_000, 1_600_000)));
    let text: String = rec.reasons.iter().map(|r| r.text.as_str()).collect();
    assert!(text.contains("$0.40 in / $1.60 out"), "{text}");
}

#[test]
fn latency_sensitive_gpt_oss_takes_priority() {
    let rec = recommend(spec(
        "openai.gpt-oss-120b-1:0",
        "us-east-1",
        Residency::None,
        Traffic::Steady,
        Sla::LatencySensitive,
    ));
    assert_eq!(rec.tier, Some(Tier::Priority));
    // LiteLLM: 2.625e-07 and 1.05e-06 USD a token.
    assert_eq!(tier_price(&rec, Tier::Priority), Some((262_500, 1_050_000)));
}

#[test]
fn claude_haiku_that_can_wait_a_day_runs_as_batch_jobs_through_the_eu_profile() {
    // The batch page lists Claude Haiku 4.5 with no in-Region batch and with eu-central-1 among
    // the Regions that run batch jobs through a cross-Region inference profile.
    let mut s = spec(
        "anthropic.claude-haiku-4-5-20251001-v1:0",
        "eu-central-1",
        eu(),
        Traffic::Steady,
        Sla::BestEffort,
    );
    s.turnaround = Some(Turnaround::Within24h);
    let rec = recommend(s);
    assert_eq!(
        chosen_id(&rec),
        "eu.anthropic.claude-haiku-4-5-20251001-v1:0"
    );
    assert_eq!(rec.tier, Some(Tier::Batch));
    let text: String = rec.reasons.iter().map(|r| r.text.as_str()).collect();
    assert!(text.contains("at least 100 records"), "{text}");
    assert!(text.contains("within 24 hours"), "{text}");
}

#[test]
fn a_model_without_tier_data_gets_standard_and_nothing_invented() {
    // Claude Fable 5.1 is in no tiers list and no batch row.
    let rec = recommend(spec(
        "anthropic.claude-fable-5-1",
        "us-west-2",
        Residency::None,
        Traffic::Spiky,
        Sla::LatencySensitive,
    ));
    assert_eq!(rec.tier, Some(Tier::Default));
    for o in &rec.options {
        assert!(
            o.tiers.iter().all(|t| t.tier == Tier::Default),
            "{}: {:?}",
            o.label(),
            o.tiers
        );
    }
    assert!(rec.warnings.iter().any(|w| w
        .text
        .contains("the Priority tier is not offered for Claude Fable 5.1")));
}

#[test]
fn guaranteed_work_that_can_wait_is_refused_naming_the_field() {
    let text = r#"{"version": 2, "workloads": [{"name": "A", "model_id": "amazon.nova-pro-v1:0",
        "source_region": "us-east-1", "residency": {"kind": "none"}, "traffic": "steady",
        "sla": "guaranteed", "turnaround": "minutes"}]}"#;
    let err = Plan::parse(text, real()).expect_err("refused");
    assert_eq!(err.field, "turnaround", "{err}");
    assert!(err.message.contains("best-effort"), "{err}");
    let v1 = text
        .replace("\"version\": 2", "\"version\": 1")
        .replace("guaranteed", "best_effort");
    let err = Plan::parse(&v1, real()).expect_err("a version-2 field");
    assert_eq!(err.field, "turnaround", "{err}");
}

#[test]
fn provisioned_throughput_has_no_tier() {
    // A customized model runs on Provisioned Throughput only: the tier is null.
    let mut s = spec(
        "amazon.nova-pro-v1:0",
        "us-east-1",
        Residency::None,
        Traffic::Steady,
        Sla::BestEffort,
    );
    s.custom_model = true;
    let rec = recommend(s);
    assert_eq!(rec.kind(), Some(OptionKind::Provisioned));
    assert_eq!(rec.tier, None);
}

/// The catalog IDs a page's list names (rows without one are models the catalog lacks).
fn listed(rows: &Value) -> Vec<String> {
    rows.as_array()
        .expect("a list")
        .iter()
        .filter_map(|r| r["catalog_id"].as_str().map(str::to_owned))
        .collect()
}

#[test]
fn each_tier_covers_every_model_its_page_lists() {
    let tiers: Value =
        serde_json::from_str(include_str!("../../../data/sources/service-tiers.json")).unwrap();
    let batch: Value =
        serde_json::from_str(include_str!("../../../data/sources/batch-inference.json")).unwrap();
    let reserved = listed(&tiers["tiers"]["reserved"]["models"]);
    let fast = listed(&tiers["tiers"]["priority"]["models"]);
    let batch_ids: Vec<String> = batch["models"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| {
            r["in_region"]["supported"] == true || r["through_profile"]["supported"] == true
        })
        .filter_map(|r| r["catalog_id"].as_str().map(str::to_owned))
        .collect();
    let table = &real().tiers;
    let counts = table.counts();
    for (tier, expected) in [
        (Tier::Reserved, reserved.len()),
        (Tier::Priority, fast.len()),
        (Tier::Flex, fast.len()),
        (Tier::Batch, batch_ids.len()),
    ] {
        let (_, n) = counts.iter().find(|(t, _)| *t == tier).unwrap();
        assert!(expected > 0, "{tier}: the page's list is empty");
        assert_eq!(*n, expected, "{tier}");
    }
    // Every listed model and Region is one the lookup answers for.
    for id in &reserved {
        let row = table
            .reserved
            .iter()
            .find(|r| r.model.as_str() == id)
            .unwrap();
        assert!(!row.regions.is_empty() && !row.scopes.is_empty(), "{id}");
    }
}

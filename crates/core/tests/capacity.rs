//! Will the traffic fit, on the real catalog: the peak of `tests/fixtures/plans/capacity.json`
//! against its quota pools, with every figure worked out by hand from the formulas of "How tokens
//! are counted in Amazon Bedrock"; each option's pool code against the quota index; the counts of
//! what stays unknown.
#![cfg(not(target_arch = "wasm32"))]

use atlas_core::catalog::calendar::Day;
use atlas_core::catalog::data;
use atlas_core::catalog::quota::{unknowns, PoolKind};
use atlas_core::catalog::schema::Partition;
use atlas_core::catalog::Catalog;
use atlas_core::engine::capacity::on_demand_pool;
use atlas_core::engine::options::{evaluate_options, OptionKind};
use atlas_core::output::evaluation::PlanEvaluation;
use atlas_core::output::report::{report, to_json};
use atlas_core::plan::Plan;
use serde_json::Value;
use std::collections::BTreeMap;

const FIXTURE: &str = include_str!("../../../tests/fixtures/plans/capacity.json");
const INDEX: &str = include_str!("../../../data/sources/quota-index.json");
const SONNET_45_GEO: &str = "L-F4DDD3EB";
const SONNET_45_GLOBAL: &str = "L-27C57EE8";

fn catalog() -> &'static Catalog {
    data::catalog().expect("catalog")
}

fn today() -> Day {
    Day::parse("2026-12-02").expect("a date")
}

fn evaluate(text: &str) -> Value {
    let catalog = catalog();
    let plan = Plan::parse(text, catalog).expect("plan");
    let evaluation = PlanEvaluation::of(catalog, &plan, today());
    serde_json::from_str(&to_json(&report(catalog, &evaluation))).expect("json")
}

fn workload<'v>(report: &'v Value, name: &str) -> &'v Value {
    report["workloads"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["name"] == name)
        .unwrap_or_else(|| panic!("no workload {name}"))
}

fn option<'v>(w: &'v Value, kind: &str) -> &'v Value {
    w["options"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["option"] == kind)
        .unwrap_or_else(|| panic!("no {kind} option"))
}

#[test]
fn the_fixtures_peaks_against_their_pools() {
    let report = evaluate(FIXTURE);
    // 300 requests × (6,000 input + 800 output × 5 burndown) = 3,000,000 settled;
    // 300 × (6,000 + 1,000 max_tokens) = 2,100,000 at admission; applied 2,500,000.
    let assistant = workload(&report, "Claims assistant");
    assert_eq!(assistant["recommendation"]["option"], "geographic");
    let geo = &option(assistant, "geographic")["capacity"];
    assert_eq!(geo["pool"]["code"], SONNET_45_GEO);
    assert_eq!(geo["pool"]["kind"], "geographic");
    assert_eq!(geo["pool"]["region"], "eu-central-1");
    assert_eq!(geo["settled_tpm"], 3_000_000);
    assert_eq!(geo["admission_tpm"], 2_100_000);
    assert_eq!(geo["limit"], 2_500_000);
    assert_eq!(geo["limit_source"], "applied");
    assert_eq!(geo["verdict"], "does_not_fit");
    // (2,500,000 − 3,000,000) / 2,500,000 = −20 %.
    assert_eq!(geo["headroom_pct"], -20.0);
    let urgent = &assistant["warnings"][0];
    assert_eq!(urgent["severity"], "urgent");
    let text = urgent["text"].as_str().unwrap();
    assert!(text.contains("does not fit"), "{text}");
    assert!(text.contains("raise to at least 3,000,000"), "{text}");

    // max_tokens 8,000: 300 × (6,000 + 8,000) = 4,200,000 at admission against 3,500,000.
    let letters = workload(&report, "Claims letters");
    let geo = &option(letters, "geographic")["capacity"];
    assert_eq!(geo["pool"]["region"], "eu-west-1");
    assert_eq!(geo["settled_tpm"], 3_000_000);
    assert_eq!(geo["admission_tpm"], 4_200_000);
    assert_eq!(geo["limit"], 3_500_000);
    assert_eq!(geo["verdict"], "at_risk");

    // The global option draws on its own pool, whose default the General Reference table
    // publishes (5,000,000): a number the plan did not apply.
    let global = &option(assistant, "global")["capacity"];
    assert_eq!(global["pool"]["code"], SONNET_45_GLOBAL);
    assert_eq!(global["pool"]["kind"], "global");
    assert_eq!(global["limit"], 5_000_000);
    assert_eq!(global["limit_source"], "published");
    assert_eq!(global["verdict"], "fits");

    // bedrock-mantle only: the pool has no code, the verdict is unknown and says why.
    let mantle = &option(workload(&report, "Open-weight summaries"), "in_region")["capacity"];
    assert_eq!(mantle["pool"]["kind"], "mantle");
    assert!(mantle["pool"]["code"].is_null());
    assert!(mantle["limit"].is_null());
    assert_eq!(mantle["verdict"], "unknown");
    assert!(mantle["reason"]
        .as_str()
        .unwrap()
        .contains("bedrock-mantle"));
    // 60 × (2,000 + 300), no burndown on bedrock-mantle.
    assert_eq!(mantle["settled_tpm"], 138_000);

    // Two workloads on one pool add up: 6,000,000 settled, 4,200,000 at admission.
    let pools = report["pools"].as_array().unwrap();
    let frankfurt = pools
        .iter()
        .find(|p| p["pool"]["code"] == SONNET_45_GEO && p["pool"]["region"] == "eu-central-1")
        .expect("the eu-central-1 pool");
    assert_eq!(frankfurt["settled_tpm"], 6_000_000);
    assert_eq!(frankfurt["admission_tpm"], 4_200_000);
    assert_eq!(frankfurt["verdict"], "does_not_fit");
    assert_eq!(
        frankfurt["workloads"],
        serde_json::json!(["Claims assistant", "Claims triage"])
    );
    assert_eq!(pools.len(), 3);
}

#[test]
fn without_a_peak_nothing_is_computed_and_the_traffic_order_stands() {
    let plan: Value = serde_json::from_str(FIXTURE).unwrap();
    let mut plan = plan;
    for w in plan["workloads"].as_array_mut().unwrap() {
        w.as_object_mut().unwrap().remove("peak");
    }
    let report = evaluate(&plan.to_string());
    assert_eq!(report["pools"], serde_json::json!([]));
    let w = workload(&report, "Claims assistant");
    assert!(option(w, "geographic").get("capacity").is_none());
    assert!(!w["warnings"].to_string().contains("At the peak"));
}

#[test]
fn the_pool_verdict_ranks_routes_before_the_traffic_order_and_says_why() {
    // No obligation: the global profile is eligible too. Steady traffic would take the nearest
    // geography first; its applied 2,500,000 does not hold 3,000,000, the global default does.
    let text = FIXTURE.replace(
        r#""residency": { "kind": "geography", "name": "EU" },
      "traffic": "steady",
      "sla": "best_effort",
      "peak": { "requests_per_minute": 300, "input_tokens": 6000, "output_tokens": 800, "max_tokens": 1000"#,
        r#""residency": { "kind": "none" },
      "traffic": "steady",
      "sla": "best_effort",
      "peak": { "requests_per_minute": 300, "input_tokens": 6000, "output_tokens": 800, "max_tokens": 1000"#,
    );
    assert_ne!(text, FIXTURE);
    let report = evaluate(&text);
    let w = workload(&report, "Claims assistant");
    assert_eq!(w["recommendation"]["option"], "global");
    let why = w["reasons"][0]["text"].as_str().unwrap();
    assert!(why.starts_with("Steady traffic"), "{why}");
    assert!(
        why.contains("Global profile (fits the published default; check your applied value) is chosen before Geographic (EU) (does not fit)"),
        "{why}"
    );
    // Without the peak, the traffic order: the geography.
    let mut plan: Value = serde_json::from_str(&text).unwrap();
    for w in plan["workloads"].as_array_mut().unwrap() {
        w.as_object_mut().unwrap().remove("peak");
    }
    let report = evaluate(&plan.to_string());
    assert_eq!(
        workload(&report, "Claims assistant")["recommendation"]["option"],
        "geographic"
    );
}

/// The index's code per (model, kind), read from the transcribed rows.
fn index_codes() -> BTreeMap<(String, PoolKind), String> {
    let index: Value = serde_json::from_str(INDEX).unwrap();
    let mut codes = BTreeMap::new();
    for row in index["rows"].as_array().unwrap() {
        let kind = match row["endpoint"].as_str().unwrap() {
            "custom" => continue,
            "base" => PoolKind::InRegion,
            "global" => PoolKind::Global,
            _ => PoolKind::Geographic,
        };
        let key = (row["model_id"].as_str().unwrap().to_owned(), kind);
        let code = row["quota_code"].as_str().unwrap().to_owned();
        let previous = codes.insert(key.clone(), code.clone());
        assert!(previous.is_none_or(|p| p == code), "{key:?}");
    }
    codes
}

#[test]
fn every_options_pool_is_the_index_code_for_its_model_and_kind() {
    let catalog = catalog();
    let codes = index_codes();
    let mut checked = 0;
    let mut unknown_defaults = 0;
    for model in &catalog.models {
        if !codes.keys().any(|(m, _)| m == model.id.as_str()) {
            continue;
        }
        // Every source Region any option of the model is offered from.
        let mut sources: Vec<String> = model
            .in_region
            .iter()
            .map(|o| o.region.to_string())
            .collect();
        for p in catalog.profiles_for(&model.id) {
            for route in &p.routes {
                sources.extend(route.from.iter().map(|r| r.to_string()));
            }
        }
        sources.sort();
        sources.dedup();
        for source in sources {
            let text = format!(
                r#"{{"version": 2, "workloads": [{{"name": "w", "model_id": "{}", "source_region": "{source}",
                "residency": {{"kind": "none"}}, "traffic": "steady", "sla": "best_effort",
                "peak": {{"requests_per_minute": 1, "input_tokens": 1, "output_tokens": 1, "max_tokens": 1}}}}]}}"#,
                model.id
            );
            let plan = Plan::parse(&text, catalog).expect("plan");
            let w = &plan.workloads[0];
            for o in evaluate_options(catalog, w, today()) {
                if !o.eligibility.is_offered() || o.kind == OptionKind::Provisioned {
                    continue;
                }
                let Ok((pool, _)) = on_demand_pool(catalog, &model.id, &w.source().code, &o) else {
                    panic!("{} from {source}: an offered option has no pool", model.id);
                };
                let govcloud = w.source().partition == Partition::GovCloud;
                if pool.kind == PoolKind::Mantle || govcloud {
                    assert_eq!(pool.code, None, "{} {source}", model.id);
                    continue;
                }
                let expected = codes.get(&(model.id.to_string(), pool.kind));
                assert_eq!(
                    pool.code.as_ref(),
                    expected,
                    "{} from {source}, {:?}",
                    model.id,
                    o.kind
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 500, "only {checked} options checked");
    // Every capacity the plan's evaluation shows: an unknown limit is never a number.
    for model in [
        "anthropic.claude-sonnet-5-5",
        "xai.grok-4.7",
        "openai.gpt-6.1-sol",
    ] {
        let Some(m) = catalog.model(&atlas_core::catalog::ids::ModelId::new(model)) else {
            continue;
        };
        for p in catalog.profiles_for(&m.id) {
            let source = &p.routes[0].from[0];
            let text = format!(
                r#"{{"version": 2, "workloads": [{{"name": "w", "model_id": "{model}", "source_region": "{source}",
                "residency": {{"kind": "none"}}, "traffic": "steady", "sla": "best_effort",
                "peak": {{"requests_per_minute": 1, "input_tokens": 1, "output_tokens": 1, "max_tokens": 1}}}}]}}"#
            );
            let report = evaluate(&text);
            for o in report["workloads"][0]["options"].as_array().unwrap() {
                let c = &o["capacity"];
                if c["limit_source"] == "unknown" {
                    assert!(c["limit"].is_null(), "{model} {c}");
                    assert!(c["headroom_pct"].is_null(), "{model} {c}");
                    assert_eq!(c["verdict"], "unknown", "{model} {c}");
                    unknown_defaults += 1;
                }
            }
        }
    }
    assert!(unknown_defaults > 0, "no unknown default was met");
}

#[test]
fn what_stays_unknown_is_counted() {
    let u = unknowns(catalog());
    // 151 catalog models, 94 of them in the index's tpm rows (custom rows aside).
    assert_eq!(u.models_not_in_index.len(), 57);
    assert_eq!(u.govcloud_profiles, 4);
    assert_eq!(u.mantle_offers, 377);
    // The General Reference copy publishes no default for these index codes (Claude Opus 5
    // and Sonnet 5 in-Region, Sonnet 5.5, GPT-6.1 Sol, Grok 4.7).
    assert_eq!(
        u.codes_without_default,
        [
            "L-2EFDF21F",
            "L-31AB82D0",
            "L-5DAEA81C",
            "L-8C5F762B",
            "L-94A31E46",
            "L-A4F73742",
            "L-B46CFAB8",
            "L-B5C023CA"
        ]
    );
    let c = catalog();
    let sonnet = |id: &str| {
        c.quotas
            .burndown_of(&atlas_core::catalog::ids::ModelId::new(id))
    };
    assert_eq!(
        sonnet("anthropic.claude-sonnet-4-5-20250929-v1:0").map(|b| b.rate),
        Some(5)
    );
    assert_eq!(
        sonnet("anthropic.claude-opus-4-8").map(|b| b.rate),
        Some(15)
    );
    assert_eq!(
        sonnet("anthropic.claude-sonnet-5").map(|b| b.rate),
        Some(10)
    );
    assert_eq!(sonnet("anthropic.claude-fable-5"), None);
    assert_eq!(sonnet("anthropic.claude-sonnet-5-5"), None);
    assert_eq!(sonnet("amazon.nova-pro-v1:0").map(|b| b.rate), Some(1));
    assert_eq!(c.quotas.daily_cap, Some(700_000_000));
}

#[test]
fn the_plan_fields_errors_name_the_field() {
    let catalog = catalog();
    let rows = [
        (
            FIXTURE.replacen(
                r#""requests_per_minute": 300"#,
                r#""requests_per_minute": 0"#,
                1,
            ),
            "peak.requests_per_minute",
        ),
        (
            FIXTURE.replacen(r#""max_tokens": 1000"#, r#""max_tokens": -1"#, 1),
            "peak.max_tokens",
        ),
        (
            FIXTURE.replacen(r#""output_tokens": 800"#, r#""output_tokns": 800"#, 1),
            "peak.output_tokns",
        ),
        (
            FIXTURE.replacen(r#""code": "L-F4DDD3EB""#, r#""code": "F4DDD3EB""#, 1),
            "account.quotas[0].code",
        ),
        (
            FIXTURE.replacen(r#""region": "eu-west-1""#, r#""region": "eu-west-9""#, 1),
            "account.quotas[1].region",
        ),
        (
            FIXTURE.replacen(r#""version": 2"#, r#""version": 1"#, 1),
            "name",
        ),
    ];
    for (text, field) in rows {
        assert_ne!(text, FIXTURE, "{field}");
        let e = Plan::parse(&text, catalog).expect_err(field);
        assert_eq!(e.field, field, "{e}");
    }
    let reservation = FIXTURE.replacen(
        r#""quotas": ["#,
        r#""reservations": [{ "region": "eu-central-1", "profile_id": "eu.nothing", "input_tpm": 1, "output_tpm": 1 }], "quotas": ["#,
        1,
    );
    let e = Plan::parse(&reservation, catalog).expect_err("unknown profile");
    assert_eq!(e.field, "account.reservations[0].profile_id", "{e}");
    // A peak in a version-1 file is refused as newer than the file.
    let v1 = r#"{"version": 1, "workloads": [{"name": "w", "model_id": "amazon.nova-pro-v1:0", "source_region": "us-east-1",
        "residency": {"kind": "none"}, "traffic": "steady", "sla": "best_effort",
        "peak": {"requests_per_minute": 1, "input_tokens": 1, "output_tokens": 1}}]}"#;
    let e = Plan::parse(v1, catalog).expect_err("version 1");
    assert_eq!(e.field, "peak", "{e}");
    // Round trip: the written plan reads back the same.
    let plan = Plan::parse(FIXTURE, catalog).unwrap();
    let again = Plan::parse(&plan.to_json(), catalog).unwrap();
    assert_eq!(again, plan);
}

/// "Your account" sets an applied value: the pool's verdict follows, the value is saved with the
/// plan, and forgetting it falls back to the published default.
#[test]
fn the_planner_sets_an_applied_value_and_the_verdict_follows() {
    use atlas_core::catalog::ids::RegionCode;
    use atlas_core::plan::planner::{Action, Planner};
    let catalog = catalog();
    let mut planner = Planner::from_plan(Plan::parse(FIXTURE, catalog).expect("plan"));
    let frankfurt = RegionCode::new("eu-central-1");
    let verdict = |planner: &Planner<'static>| {
        PlanEvaluation::of(catalog, &planner.plan(), today()).pools[0]
            .verdict
            .key()
    };
    assert_eq!(verdict(&planner), "does_not_fit");
    // 6,000,000 settled fits an applied 6,000,000.
    let set = Action::SetQuota(frankfurt.clone(), SONNET_45_GEO.into(), Some(6_000_000));
    assert!(planner.apply(set.clone(), catalog));
    assert!(
        !planner.apply(set, catalog),
        "the same value again changes nothing"
    );
    assert_eq!(verdict(&planner), "fits");
    let reread = Plan::parse(&planner.plan().to_json(), catalog).expect("reads back");
    assert_eq!(reread.header.account, planner.header.account);
    // Forgotten: the published default, 5,000,000, is below 6,000,000.
    assert!(planner.apply(
        Action::SetQuota(frankfurt.clone(), SONNET_45_GEO.into(), None),
        catalog
    ));
    let pool = &PlanEvaluation::of(catalog, &planner.plan(), today()).pools[0];
    assert_eq!(
        (pool.limit, pool.verdict.key()),
        (Some(5_000_000), "does_not_fit")
    );
    // Not a code: ignored.
    assert!(!planner.apply(
        Action::SetQuota(frankfurt, "nonsense".into(), Some(1)),
        catalog
    ));
}

/// The wizard's peak boxes: empty is no peak; requests, input and output are needed once one is
/// filled; max_tokens may stay empty (not set); an edited workload keeps its peak, cache figures
/// included.
#[test]
fn the_wizard_reads_the_peak_boxes() {
    use atlas_core::plan::wizard::{Draft, Field};
    let catalog = catalog();
    let plan = Plan::parse(FIXTURE, catalog).expect("plan");
    let draft = Draft::from_workload(&plan.workloads[0]);
    assert_eq!(
        (
            draft.peak_requests.as_str(),
            draft.peak_input.as_str(),
            draft.peak_output.as_str(),
            draft.peak_max_tokens.as_str()
        ),
        ("300", "6000", "800", "1000")
    );
    let again = draft.complete(catalog).expect("complete");
    assert_eq!(again.spec().peak, plan.workloads[0].spec().peak);

    let mut typed = draft.clone();
    typed.peak_input = "6k".into();
    typed.peak_max_tokens = String::new();
    let peak = typed.peak().expect("readable").expect("a peak");
    assert_eq!((peak.input_tokens, peak.max_tokens), (6000, None));

    let mut partial = draft.clone();
    partial.peak_output = String::new();
    let problems = partial.complete(catalog).expect_err("output missing");
    assert!(problems
        .iter()
        .any(|p| p.field == Field::Peak && p.message.contains("output tokens per request")));

    let mut zero = draft.clone();
    zero.peak_requests = "0".into();
    assert!(zero.peak().is_err());

    let mut none = draft;
    for b in [
        &mut none.peak_requests,
        &mut none.peak_input,
        &mut none.peak_output,
        &mut none.peak_max_tokens,
    ] {
        b.clear();
    }
    assert_eq!(none.peak(), Ok(None));
    assert_eq!(none.complete(catalog).expect("complete").spec().peak, None);
}

/// The Reserved tier's capacity: the plan's reservation, input and output each against its own
/// reserved tokens a minute; without one, unknown with the reason.
#[test]
fn a_reservation_holds_the_peak_or_says_it_is_unknown() {
    use atlas_core::catalog::ids::{ProfileId, RegionCode};
    use atlas_core::engine::capacity::{reserved_capacity, LimitSource, Verdict};
    let catalog = catalog();
    let text = FIXTURE.replacen(
        r#""quotas": ["#,
        r#""reservations": [{ "region": "eu-central-1", "profile_id": "eu.anthropic.claude-sonnet-4-5-20250929-v1:0", "input_tpm": 2000000, "output_tpm": 200000 }], "quotas": ["#,
        1,
    );
    let plan = Plan::parse(&text, catalog).expect("plan");
    let account = &plan.header.account;
    let peak = plan.workloads[0].spec().peak.expect("a peak");
    let profile = ProfileId::new("eu.anthropic.claude-sonnet-4-5-20250929-v1:0");
    // 300 × 6,000 = 1,800,000 input ≤ 2,000,000; 300 × 800 = 240,000 output > 200,000.
    let c = reserved_capacity(account, &RegionCode::new("eu-central-1"), &profile, &peak);
    assert_eq!(c.verdict, Verdict::DoesNotFit);
    assert_eq!(c.limit_source, LimitSource::Applied);
    assert_eq!(c.settled_tpm, Some(2_040_000));
    assert!(c
        .reason
        .unwrap()
        .contains("1,800,000 input and 240,000 output"));
    let none = reserved_capacity(account, &RegionCode::new("eu-west-1"), &profile, &peak);
    assert_eq!((none.verdict, none.limit), (Verdict::Unknown, None));
    assert!(none
        .reason
        .unwrap()
        .contains("no Reserved-tier reservation"));
}

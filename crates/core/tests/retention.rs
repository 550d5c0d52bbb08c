//! Data retention in the decision, on the real catalog: which models keep prompts (from the two
//! transcribed AWS pages), eligibility against the most retention an obligation accepts, the
//! warnings about what is kept and where, the account change the call needs, and the conflict
//! between two workloads that need different modes in one Region.
#![cfg(not(target_arch = "wasm32"))]

use atlas_core::catalog::calendar::Day;
use atlas_core::catalog::data;
use atlas_core::catalog::ids::ModelId;
use atlas_core::catalog::retention::{RetentionMode, ZeroRetention};
use atlas_core::catalog::Catalog;
use atlas_core::output::evaluation::PlanEvaluation;
use atlas_core::output::report::{report, to_json};
use atlas_core::plan::Plan;
use serde_json::Value;

const FABLE: &str = "anthropic.claude-fable-5-1";

fn catalog() -> &'static Catalog {
    data::catalog().expect("catalog")
}

fn day(text: &str) -> Day {
    Day::parse(text).expect("a date")
}

/// The JSON report (as `atlas recommend` prints it) of a plan, on `today`.
fn evaluate(plan: &str, today: &str) -> Value {
    let catalog = catalog();
    let plan = Plan::parse(plan, catalog).expect("plan");
    let evaluation = PlanEvaluation::of(catalog, &plan, day(today));
    serde_json::from_str(&to_json(&report(catalog, &evaluation))).expect("json")
}

/// A version-2 plan of one workload; `retention` is the `data_retention` field's JSON (or
/// empty), `account` the plan-level `account` field's JSON (or empty).
fn one(model: &str, source: &str, residency: &str, retention: &str, account: &str) -> String {
    let retention = if retention.is_empty() {
        String::new()
    } else {
        format!(r#", "data_retention": {retention}"#)
    };
    let account = if account.is_empty() {
        String::new()
    } else {
        format!(r#""account": {account}, "#)
    };
    format!(
        r#"{{"version": 2, {account}"workloads": [{{"name": "w", "model_id": "{model}", "source_region": "{source}",
        "residency": {residency}, "traffic": "spiky", "sla": "best_effort"{retention}}}]}}"#
    )
}

const US: &str = r#"{"kind": "country", "code": "US"}"#;
const NONE: &str = r#"{"kind": "none"}"#;

fn workload(report: &Value) -> &Value {
    &report["workloads"][0]
}

fn chosen_call(report: &Value) -> Option<String> {
    let rec = &workload(report)["recommendation"];
    rec["profile_id"].as_str().map(str::to_owned).or_else(|| {
        (rec["option"] != "none").then(|| rec["model_id"].as_str().unwrap_or("").to_owned())
    })
}

fn warnings(report: &Value, severity: &str) -> Vec<String> {
    workload(report)["warnings"]
        .as_array()
        .expect("warnings")
        .iter()
        .filter(|w| w["severity"] == severity)
        .map(|w| w["text"].as_str().expect("text").to_owned())
        .collect()
}

#[test]
fn the_models_that_keep_prompts_are_exactly_the_ones_the_pages_name() {
    let catalog = catalog();
    let keeping: Vec<&str> = catalog
        .models
        .iter()
        .filter(|m| catalog.retention_of(&m.id).expect("facts").keeps_prompts())
        .map(|m| m.id.as_str())
        .collect();
    // The newest abuse-detection copy read names GPT-6 Sol and GPT-6 Luna among the OpenAI
    // models, one by one; it has no clause for every OpenAI model but gpt-oss, so GPT-6.1 Sol and
    // Terra follow the page's general rule (and the data page records that).
    assert_eq!(
        keeping,
        [
            "anthropic.claude-fable-5",
            "anthropic.claude-fable-5-1",
            "openai.gpt-5.4",
            "openai.gpt-5.4-2026-03-05",
            "openai.gpt-5.5",
            "openai.gpt-5.5-2026-04-23",
            "openai.gpt-5.6-luna",
            "openai.gpt-5.6-sol",
            "openai.gpt-5.6-terra",
            "openai.gpt-6-astra",
            "openai.gpt-6-luna",
            "openai.gpt-6-sol",
        ]
    );
    let not_named: Vec<&str> = catalog
        .retention
        .not_named
        .iter()
        .map(ModelId::as_str)
        .collect();
    assert_eq!(not_named, ["openai.gpt-6.1-sol", "openai.gpt-6.1-terra"]);
    for id in not_named {
        assert!(
            catalog.model(&ModelId::new(id)).is_some(),
            "{id} in the catalog"
        );
    }
    // Every ID of one model gets the same facts.
    assert_eq!(
        catalog.retention_of(&ModelId::new("openai.gpt-5.5")),
        catalog.retention_of(&ModelId::new("openai.gpt-5.5-2026-04-23"))
    );
    let fable = catalog.retention_of(&ModelId::new(FABLE)).expect("facts");
    assert_eq!(fable.minimum, RetentionMode::AwsReview);
    assert_eq!(fable.days, Some(30));
    assert!(fable.human_review && !fable.shared_with_provider);
    assert_eq!(fable.zero_retention.on(day("2026-12-31")).key(), "program");
    assert_eq!(
        fable.zero_retention.on(day("2027-01-01")),
        ZeroRetention::Unavailable
    );
    let gpt = catalog
        .retention_of(&ModelId::new("openai.gpt-5.5"))
        .expect("facts");
    assert_eq!(gpt.minimum, RetentionMode::Default);
    assert_eq!(gpt.zero_retention, ZeroRetention::OnRequest);
}

#[test]
fn fable_with_nothing_stated_is_a_notice_and_an_urgent_refusal_with_the_command() {
    let out = evaluate(&one(FABLE, "us-west-2", US, "", ""), "2026-12-07");
    assert_eq!(
        chosen_call(&out).as_deref(),
        Some("us.anthropic.claude-fable-5-1")
    );
    let notices = warnings(&out, "notice");
    let kept = notices
        .iter()
        .find(|w| w.contains("Retained data is stored"))
        .expect("a notice about what is kept");
    for needle in [
        "30 days",
        "AWS staff may review",
        "us-east-1, us-east-2, us-west-2 (United States of America)",
    ] {
        assert!(kept.contains(needle), "{needle} in {kept}");
    }
    let urgent = warnings(&out, "urgent");
    assert_eq!(urgent.len(), 1, "{urgent:?}");
    assert!(urgent[0].contains(
        "refused unless the account's data retention mode in us-west-2 is `aws_review` or higher"
    ));
    assert!(urgent[0]
        .contains("aws bedrock put-account-data-retention --mode aws_review --region us-west-2"));
    let change = &workload(&out)["recommendation"]["account_change"];
    assert_eq!(change["region"], "us-west-2");
    assert_eq!(change["from"], Value::Null);
    assert_eq!(change["to"], "aws_review");
    // Urgent first.
    assert_eq!(workload(&out)["warnings"][0]["severity"], "urgent");
    let option = &workload(&out)["options"]
        .as_array()
        .expect("options")
        .iter()
        .find(|o| o["profile_id"] == "us.anthropic.claude-fable-5-1")
        .expect("the us. option")["data_retention"];
    assert_eq!(option["minimum_mode"], "aws_review");
    assert_eq!(option["retained"], "all");
    assert_eq!(option["retention_days"], 30);
    assert_eq!(option["human_review"], true);
    assert_eq!(option["shared_with_provider"], false);
    assert_eq!(
        option["storage_regions"],
        serde_json::json!(["us-east-1", "us-east-2", "us-west-2"])
    );
    assert_eq!(
        option["zero_retention"],
        serde_json::json!({"route": "program", "until": "2026-12-31"})
    );
}

#[test]
fn fable_accepting_default_is_ruled_out_and_a_claude_model_that_keeps_nothing_is_suggested() {
    let out = evaluate(
        &one(FABLE, "us-west-2", US, r#""default""#, ""),
        "2026-12-07",
    );
    assert_eq!(chosen_call(&out), None);
    for option in workload(&out)["options"].as_array().expect("options") {
        assert_eq!(option["eligible"], false);
        if option["available"] == true {
            assert_eq!(option["retention_ok"], false, "{option}");
        }
    }
    let reasons = workload(&out)["reasons"].to_string();
    assert!(
        reasons.contains("ruled out by the retention obligation"),
        "{reasons}"
    );
    let suggested: Vec<&str> = workload(&out)["alternatives"]
        .as_array()
        .expect("alternatives")
        .iter()
        .filter(|a| a["kind"] == "model")
        .map(|a| a["model_id"].as_str().expect("id"))
        .collect();
    assert!(!suggested.is_empty());
    assert!(
        suggested[0].starts_with("anthropic.claude-"),
        "{suggested:?}"
    );
    for id in &suggested {
        let facts = catalog().retention_of(&ModelId::new(*id)).expect("facts");
        assert!(facts.minimum <= RetentionMode::Default, "{id}");
    }
    // No other source Region and no Provisioned Throughput can help: retention is the model's.
    assert!(!workload(&out)["alternatives"]
        .to_string()
        .contains("source_region\""));
}

#[test]
fn fable_accepting_aws_review_in_an_account_at_none_needs_the_mode_raised() {
    let account = r#"{"regions": {"us-west-2": {"data_retention_mode": "none"}}}"#;
    let out = evaluate(
        &one(FABLE, "us-west-2", US, r#""aws_review""#, account),
        "2026-12-07",
    );
    assert_eq!(
        chosen_call(&out).as_deref(),
        Some("us.anthropic.claude-fable-5-1")
    );
    let change = &workload(&out)["recommendation"]["account_change"];
    assert_eq!(change["from"], "none");
    assert_eq!(change["to"], "aws_review");
    assert_eq!(
        change["command"],
        "aws bedrock put-account-data-retention --mode aws_review --region us-west-2"
    );
    let urgent = warnings(&out, "urgent");
    assert!(
        urgent[0].contains("will be refused in us-west-2 until"),
        "{urgent:?}"
    );
    // Already at aws_review: nothing to change, nothing urgent.
    let account = r#"{"regions": {"us-west-2": {"data_retention_mode": "aws_review"}}}"#;
    let out = evaluate(
        &one(FABLE, "us-west-2", US, r#""aws_review""#, account),
        "2026-12-07",
    );
    assert_eq!(
        workload(&out)["recommendation"]["account_change"],
        Value::Null
    );
    assert!(warnings(&out, "urgent").is_empty());
}

#[test]
fn zero_retention_rules_gpt_5_5_out_and_keeps_gpt_oss_and_sonnet() {
    let out = evaluate(
        &one("openai.gpt-5.5", "us-east-1", NONE, r#""none""#, ""),
        "2026-12-07",
    );
    assert_eq!(chosen_call(&out), None);
    let option = &workload(&out)["options"][0]["data_retention"];
    assert_eq!(option["zero_retention"]["route"], "on_request");
    assert!(workload(&out)["reasons"].to_string().contains("on request"));

    let out = evaluate(
        &one(
            "openai.gpt-oss-120b-1:0",
            "us-east-1",
            NONE,
            r#""none""#,
            "",
        ),
        "2026-12-07",
    );
    assert!(chosen_call(&out).is_some());
    let chosen = workload(&out)["options"]
        .as_array()
        .expect("options")
        .iter()
        .find(|o| o["eligible"] == true)
        .expect("an eligible option");
    assert_eq!(chosen["data_retention"]["retained"], "nothing");
    assert_eq!(
        chosen["data_retention"]["storage_regions"],
        serde_json::json!([])
    );
    assert_eq!(chosen["data_retention"]["basis"], "general_rule");
    assert!(!workload(&out)["warnings"]
        .to_string()
        .contains("Retained data is stored"));

    let sonnet = "anthropic.claude-sonnet-4-5-20250929-v1:0";
    let out = evaluate(
        &one(sonnet, "eu-central-1", NONE, r#""none""#, ""),
        "2026-12-07",
    );
    assert!(chosen_call(&out).is_some());
    assert_eq!(
        workload(&out)["recommendation"]["account_change"],
        Value::Null
    );
}

#[test]
fn the_program_route_reads_unavailable_after_it_ends() {
    let out = evaluate(&one(FABLE, "us-west-2", US, "", ""), "2027-01-01");
    let option = &workload(&out)["options"][0]["data_retention"];
    assert_eq!(
        option["zero_retention"],
        serde_json::json!({"route": "unavailable", "until": null})
    );
}

#[test]
fn no_option_is_eligible_below_its_models_minimum() {
    let catalog = catalog();
    let mut ruled_out = 0;
    for model in &catalog.models {
        let facts = catalog.retention_of(&model.id).expect("facts");
        let Some(source) = model.offered_in.first().or_else(|| {
            catalog
                .profiles_for(&model.id)
                .next()
                .and_then(|p| p.routes.first())
                .and_then(|r| r.from.first())
        }) else {
            continue;
        };
        for accepted in RetentionMode::ALL {
            let plan = one(
                model.id.as_str(),
                source.as_str(),
                NONE,
                &format!("\"{}\"", accepted.key()),
                "",
            );
            let out = evaluate(&plan, "2026-12-07");
            let any_eligible = workload(&out)["options"]
                .as_array()
                .expect("options")
                .iter()
                .any(|o| o["eligible"] == true);
            if accepted < facts.minimum {
                ruled_out += 1;
                assert!(!any_eligible, "{} at {}", model.id, accepted.key());
            }
        }
    }
    // Fable 5 and 5.1 at none and default; each OpenAI model that keeps prompts at none.
    assert!(ruled_out >= 14, "{ruled_out}");
}

#[test]
fn two_workloads_needing_different_modes_in_one_region_are_told_to_separate() {
    let plan = r#"{"version": 2, "workloads": [
      {"name": "Frontier", "model_id": "anthropic.claude-fable-5-1", "source_region": "us-west-2",
       "residency": {"kind": "country", "code": "US"}, "traffic": "spiky", "sla": "best_effort",
       "data_retention": "aws_review"},
      {"name": "Chat", "model_id": "openai.gpt-5.5", "source_region": "us-west-2",
       "residency": {"kind": "none"}, "traffic": "spiky", "sla": "best_effort",
       "data_retention": "default"}]}"#;
    let out = evaluate(plan, "2026-12-07");
    for w in out["workloads"].as_array().expect("workloads") {
        let first = &w["warnings"][0];
        assert_eq!(first["severity"], "urgent");
        assert!(
            first["text"]
                .as_str()
                .expect("text")
                .contains("Use separate accounts (or bedrock-mantle projects)"),
            "{first}"
        );
        assert_eq!(w["recommendation"]["account_change"], Value::Null);
        assert!(!w["warnings"]
            .to_string()
            .contains("put-account-data-retention"));
    }
    // Not a conflict: a model that keeps nothing, whatever the mode.
    let plan = plan
        .replace(
            "openai.gpt-5.5",
            "anthropic.claude-sonnet-4-5-20250929-v1:0",
        )
        .replace("\"default\"", "\"none\"");
    let out = evaluate(&plan, "2026-12-07");
    assert!(!out.to_string().contains("separate accounts"));
}

#[test]
fn a_storage_warning_never_stands_beside_nothing_retained() {
    let catalog = catalog();
    for model in catalog
        .models
        .iter()
        .filter(|m| m.lifecycle.retired_on().is_none())
    {
        let Some(source) = model.offered_in.first() else {
            continue;
        };
        let out = evaluate(
            &one(model.id.as_str(), source.as_str(), NONE, "", ""),
            "2026-12-07",
        );
        let w = workload(&out);
        let stored = w["warnings"]
            .to_string()
            .contains("Retained data is stored");
        for o in w["options"]
            .as_array()
            .expect("options")
            .iter()
            .filter(|o| o["eligible"] == true)
        {
            let keeps = o["data_retention"]["retained"] != "nothing";
            if stored {
                assert!(keeps, "{}: storage warning but nothing retained", model.id);
            }
        }
    }
}

#[test]
fn version_1_plans_may_not_state_retention_and_lists_are_refused() {
    let catalog = catalog();
    let v1 =
        one(FABLE, "us-west-2", US, r#""none""#, "").replace("\"version\": 2", "\"version\": 1");
    let error = Plan::parse(&v1, catalog).expect_err("refused");
    assert_eq!(error.field, "data_retention");
    let bad = one(FABLE, "us-west-2", US, r#""nothing""#, "");
    assert_eq!(
        Plan::parse(&bad, catalog).expect_err("refused").field,
        "data_retention"
    );
    let list = one(
        FABLE,
        "us-west-2",
        US,
        "",
        r#"{"regions": [["us-west-2", "none"]]}"#,
    );
    let error = Plan::parse(&list, catalog).expect_err("refused");
    assert_eq!(error.field, "account.regions");
    let unknown = one(
        FABLE,
        "us-west-2",
        US,
        "",
        r#"{"regions": {"xx-nowhere-1": {"data_retention_mode": "none"}}}"#,
    );
    assert!(Plan::parse(&unknown, catalog)
        .expect_err("refused")
        .message
        .contains("unknown Region"));
    // Round trip: the account and the field survive writing and reading.
    let plan = one(
        FABLE,
        "us-west-2",
        US,
        r#""aws_review""#,
        r#"{"regions": {"us-west-2": {"data_retention_mode": "inherit"}}}"#,
    );
    let parsed = Plan::parse(&plan, catalog).expect("plan");
    let again = Plan::parse(&parsed.to_json(), catalog).expect("again");
    assert_eq!(parsed, again);
    assert!(parsed
        .to_json()
        .contains("\"data_retention_mode\": \"inherit\""));
}

#[test]
fn the_retention_scp_uses_the_condition_key_of_the_routes_endpoint() {
    use atlas_core::catalog::schema::Endpoint;
    use atlas_core::output::scp;
    let catalog = catalog();
    // A model served in some Region by bedrock-mantle only, and one by bedrock-runtime.
    let mantle = catalog
        .models
        .iter()
        .find_map(|m| {
            m.offered_in
                .iter()
                .find(|r| {
                    m.in_region_at(r)
                        .is_some_and(|o| o.endpoint == Endpoint::Mantle)
                })
                .map(|r| (m.id.as_str(), r.as_str()))
        })
        .expect("a bedrock-mantle in-Region route");
    let cases = [
        (
            mantle,
            "bedrock-mantle:DataRetentionMode",
            "bedrock-mantle:PutAccountDataRetention",
        ),
        (
            ("amazon.nova-lite-v1:0", "us-east-1"),
            "bedrock:DataRetentionMode",
            "bedrock:PutAccountDataRetention",
        ),
    ];
    for ((model, region), key, action) in cases {
        let plan = one(
            model,
            region,
            r#"{"kind": "regions", "codes": ["REGION"]}"#.replace("REGION", region).as_str(),
            r#""none""#,
            "",
        );
        let plan = Plan::parse(&plan, catalog).expect("plan");
        let evaluation = PlanEvaluation::of(catalog, &plan, day("2026-12-07"));
        let e = &evaluation.workloads[0];
        let chosen = e.chosen().expect("recommended");
        let guard = scp::check(&e.workload, &e.recommendation.options, Some(chosen))
            .retention
            .expect("a statement for a stated obligation");
        let json = guard.statement.to_json();
        assert!(
            json.contains(key) && json.contains(action),
            "{model} {region}: {json}"
        );
        assert!(json.contains("\"none\""), "{json}");
        assert!(!json.contains("aws_review"), "{json}");
    }
    assert_eq!(
        scp::modes_within(RetentionMode::Default),
        ["none", "default", "inherit"]
    );
    assert_eq!(scp::modes_within(RetentionMode::None), ["none"]);
}

/// The plan page's "Your account" section: setting a Region's mode through the planner changes
/// the plan file and the plan's verdict; the same action again is a no-op; `None` forgets it.
#[test]
fn the_planner_sets_a_regions_mode_and_the_urgent_refusal_goes() {
    use atlas_core::catalog::ids::RegionCode;
    use atlas_core::catalog::retention::AccountMode;
    use atlas_core::plan::planner::{Action, Planner};
    let catalog = catalog();
    let plan = Plan::parse(&one(FABLE, "us-west-2", US, "", ""), catalog).expect("plan");
    let mut planner = Planner::from_plan(plan);
    let west = RegionCode::new("us-west-2");
    assert_eq!(planner.source_regions(), vec![west.clone()]);
    let urgent = |planner: &Planner<'static>| {
        PlanEvaluation::of(catalog, &planner.plan(), day("2026-12-07")).workloads[0]
            .recommendation
            .urgent_count()
    };
    assert_eq!(urgent(&planner), 1, "unknown mode: refused unless raised");
    let set = Action::SetRetentionMode(west.clone(), Some(AccountMode::AwsReview));
    assert!(planner.apply(set.clone(), catalog));
    assert!(
        !planner.apply(set, catalog),
        "the same mode again changes nothing"
    );
    assert_eq!(urgent(&planner), 0);
    let json = planner.plan().to_json();
    assert!(
        json.contains(r#""data_retention_mode": "aws_review""#),
        "{json}"
    );
    let reread = Plan::parse(&json, catalog).expect("the saved plan reads back");
    assert_eq!(reread.header.account, planner.header.account);
    assert!(planner.apply(Action::SetRetentionMode(west, None), catalog));
    assert!(planner.header.account.is_empty());
    assert_eq!(urgent(&planner), 1);
}

/// The wizard's result so far says what the plan will say once the workload is saved: the
/// plan's account and the conflict with the other workloads count, for a new workload and for
/// one being edited.
#[test]
fn the_wizard_preview_agrees_with_the_plan_evaluation() {
    use atlas_core::output::evaluation::WorkloadEvaluation;
    let catalog = catalog();
    let today = day("2026-12-07");
    let account = r#"{"regions": {"us-west-2": {"data_retention_mode": "aws_review"}}}"#;
    let plan = Plan::parse(&one(FABLE, "us-west-2", US, "", account), catalog).expect("plan");
    let whole = PlanEvaluation::of(catalog, &plan, today);
    let edited = PlanEvaluation::preview(catalog, &plan, &plan.workloads[0], Some(0), today);
    assert_eq!(edited, *whole.workloads[0]);
    assert_eq!(edited.recommendation.urgent_count(), 0);
    // Without the plan's account the same workload would read as refused.
    let alone = WorkloadEvaluation::of(catalog, &plan.workloads[0], today);
    assert_eq!(alone.recommendation.urgent_count(), 1);

    // A new GPT-5.5 workload accepting `default` beside Fable accepting `aws_review`: the
    // conflict shows before it is saved.
    let two = r#"{"version": 2, "workloads": [
        {"name": "fable", "model_id": "anthropic.claude-fable-5-1", "source_region": "us-west-2",
         "residency": {"kind": "none"}, "traffic": "spiky", "sla": "best_effort", "data_retention": "aws_review"},
        {"name": "gpt", "model_id": "openai.gpt-5.5", "source_region": "us-west-2",
         "residency": {"kind": "none"}, "traffic": "spiky", "sla": "best_effort", "data_retention": "default"}]}"#;
    let both = Plan::parse(two, catalog).expect("plan");
    let first = Plan {
        header: both.header.clone(),
        workloads: vec![both.workloads[0].clone()],
    };
    let added = PlanEvaluation::preview(catalog, &first, &both.workloads[1], None, today);
    let saved = PlanEvaluation::of(catalog, &both, today);
    assert_eq!(added, *saved.workloads[1]);
    assert!(added
        .recommendation
        .warnings
        .iter()
        .any(|w| w.urgent && w.text.contains("separate accounts")));
}

/// The explorer's "keeps no prompts" filter keeps exactly the models whose facts keep nothing,
/// and round-trips through its URL parameter.
#[test]
fn the_explorer_filter_keeps_only_models_that_keep_nothing() {
    use atlas_core::browse::explore::{Filter, Query};
    let catalog = catalog();
    let query = Query::from_query_string("retention=none");
    assert_eq!(query.get(Filter::Retention), "none");
    assert_eq!(query.to_query_string(), "retention=none");
    let kept: Vec<&str> = query
        .run(catalog)
        .hits
        .iter()
        .map(|h| h.model.id.as_str())
        .collect();
    let expected: Vec<&str> = catalog
        .models
        .iter()
        .filter(|m| {
            catalog
                .retention_of(&m.id)
                .is_some_and(|f| !f.keeps_prompts())
        })
        .map(|m| m.id.as_str())
        .collect();
    assert_eq!(kept.len(), expected.len());
    assert!(kept.iter().all(|id| expected.contains(id)));
    assert!(!kept.contains(&FABLE) && !kept.contains(&"openai.gpt-5.5"));
    assert!(kept.iter().any(|id| id.starts_with("openai.gpt-oss")));
    assert!(kept.len() < catalog.models.len() && !kept.is_empty());
    // Fable alone keeps prompts: the filter is named as the one that emptied the list.
    let fable = Query::from_query_string("q=fable%205.1&retention=none");
    let results = fable.run(catalog);
    assert!(results.hits.is_empty());
    assert_eq!(results.emptied_by, Some("data retention"));
}

//! Browser tests of the plan page in headless Chromium: the wizard walked for several workloads,
//! the recommendation and comparison table in the DOM, validation, undo, reload and storage
//! failures.
#![cfg(target_arch = "wasm32")]

mod browser_support;

use browser_support::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SONNET_45: &str = "anthropic.claude-sonnet-4-5-20250929-v1:0";
const NOVA_LITE: &str = "amazon.nova-lite-v1:0";

struct Answers<'a> {
    name: &'a str,
    filter: &'a str,
    model: &'a str,
    source: &'a str,
    /// The residency kind: none, geography, country or regions.
    residency: &'a str,
    /// (select test ID, value) for geography or country; empty for none.
    residency_value: Option<(&'a str, &'a str)>,
    /// The traffic shape as plan files write it.
    traffic: &'a str,
    /// The service level as plan files write it.
    sla: &'a str,
}

async fn walk_wizard(a: &Answers<'_>) {
    click("plan-add").await;
    assert!(text("wz-step").contains("Step 1 of 6"));
    type_into("wz-name", a.name).await;
    type_into("wz-model-filter", a.filter).await;
    select_value("wz-model", a.model).await;
    select_value("wz-source", a.source).await;
    click("wz-next").await;
    assert!(
        text("wz-step").contains("Step 2 of 6"),
        "{}",
        text("wz-step")
    );
    click(&format!("wz-residency-{}", a.residency)).await;
    if let Some((select, value)) = a.residency_value {
        select_value(select, value).await;
    }
    click("wz-next").await;
    click(&format!("wz-traffic-{}", a.traffic)).await;
    click("wz-next").await;
    click(&format!("wz-sla-{}", a.sla)).await;
    click("wz-next").await;
    assert!(text("wz-step").contains("Organisation policy"));
    click("wz-next").await;
    assert!(text("wz-review").contains(a.name));
    click("wz-save").await;
    assert!(try_find("wizard").is_none(), "the wizard closes on save");
}

#[wasm_bindgen_test]
async fn three_workloads_get_their_recommendations_and_comparisons() {
    clear_storage();
    mount("plan/").await;
    assert!(try_find("plan-empty").is_some());

    walk_wizard(&Answers {
        name: "Support chat",
        filter: "sonnet 4.5",
        model: SONNET_45,
        source: "eu-central-1",
        residency: "geography",
        residency_value: Some(("wz-geography", "EU")),
        traffic: "spiky",
        sla: "best_effort",
    })
    .await;
    assert_count("plan-row", 1);
    assert_eq!(text("plan-option"), "Geographic (EU), Standard tier");
    assert_eq!(text("call-id"), format!("eu.{SONNET_45}"));
    // One column per option: global, the eu. profile, in-Region, provisioned; eu. is marked.
    let columns = find_all("comparison-column");
    assert_eq!(columns.len(), 4);
    let marked: Vec<String> = columns
        .iter()
        .filter(|c| c.get_attribute("data-recommended").as_deref() == Some("true"))
        .map(|c| c.text_content().unwrap_or_default())
        .collect();
    assert_eq!(marked.len(), 1);
    assert!(marked[0].starts_with("Geographic (EU)"));
    assert!(text("comparison").contains("arn:aws:bedrock:::foundation-model/"));

    walk_wizard(&Answers {
        name: "Canada claims",
        filter: SONNET_45,
        model: SONNET_45,
        source: "ca-central-1",
        residency: "country",
        residency_value: Some(("wz-country", "CA")),
        traffic: "steady",
        sla: "best_effort",
    })
    .await;
    assert_count("plan-row", 2);
    assert!(text("recommended-option").starts_with("No eligible option"));
    assert!(
        text("reasons").contains("us-east-1"),
        "the us. profile is ruled out for leaving Canada"
    );
    assert!(text("alternatives").contains("Provisioned Throughput"));

    walk_wizard(&Answers {
        name: "Batch summaries",
        filter: "nova lite",
        model: NOVA_LITE,
        source: "us-east-1",
        residency: "none",
        residency_value: None,
        traffic: "steady",
        sla: "guaranteed",
    })
    .await;
    assert_count("plan-row", 3);
    // AWS lists Provisioned Throughput for Nova Lite in us-east-1 (model units :24k and :300k):
    // guaranteed capacity is bought, the units to buy are named, and nothing warns that it cannot
    // be confirmed.
    assert_eq!(
        text("recommended-option").split(" · ").next(),
        Some("Provisioned Throughput")
    );
    assert!(text("model-units").contains("24k"));
    assert!(try_find("warnings").is_none_or(|w| !w
        .text_content()
        .unwrap_or_default()
        .contains("cannot confirm Provisioned Throughput")));
    let options: Vec<String> = find_all("plan-option")
        .iter()
        .map(|e| e.text_content().unwrap_or_default())
        .collect();
    assert_eq!(
        options,
        [
            "Geographic (EU), Standard tier",
            "✗ No eligible option",
            "Provisioned Throughput"
        ]
    );

    // The plan survives a reload.
    mount("plan/").await;
    assert_count("plan-row", 3);
}

#[wasm_bindgen_test]
async fn a_step_with_problems_cannot_be_left_and_back_keeps_answers() {
    clear_storage();
    mount("plan/").await;
    click("plan-add").await;
    click("wz-next").await;
    assert!(text("wz-step").contains("Step 1 of 6"));
    assert!(text("wz-name-error").contains("name"));
    assert!(try_find("wz-model-error").is_some());
    type_into("wz-name", "Kept").await;
    assert!(
        try_find("wz-name-error").is_none(),
        "the problem clears once fixed"
    );
    select_value("wz-model", NOVA_LITE).await;
    select_value("wz-source", "us-east-1").await;
    click("wz-next").await;
    assert!(text("wz-step").contains("Step 2 of 6"));
    click("wz-back").await;
    let name: web_sys::HtmlInputElement = wasm_bindgen::JsCast::dyn_into(find("wz-name")).unwrap();
    assert_eq!(name.value(), "Kept");
}

#[wasm_bindgen_test]
async fn the_result_updates_live_while_editing() {
    clear_storage();
    mount("plan/").await;
    walk_wizard(&Answers {
        name: "Live",
        filter: "nova lite",
        model: NOVA_LITE,
        source: "us-east-1",
        residency: "none",
        residency_value: None,
        traffic: "steady",
        sla: "best_effort",
    })
    .await;
    assert_eq!(text("plan-option"), "In-Region, Standard tier");
    click("plan-edit").await;
    assert!(text("live-result").contains("In-Region"));
    click("wz-next").await;
    click("wz-next").await;
    click("wz-traffic-spiky").await;
    // Spiky, best effort: Nova Lite has no global profile, so the widest geographic one.
    assert!(
        text("recommended-option").starts_with("Geographic (US)"),
        "{}",
        text("recommended-option")
    );
    click("wz-cancel").await;
    assert_eq!(
        text("plan-option"),
        "In-Region, Standard tier",
        "cancel keeps the saved answers"
    );
}

#[wasm_bindgen_test]
async fn delete_can_be_undone_and_duplicate_copies() {
    clear_storage();
    put_storage(
        cris_atlas::state::PLAN_KEY,
        r#"{"version":1,"workloads":[{"name":"One","model_id":"amazon.nova-lite-v1:0","source_region":"us-east-1","residency":{"kind":"none"},"traffic":"steady","sla":"best_effort"}]}"#,
    );
    mount("plan/").await;
    assert_count("plan-row", 1);
    click("plan-duplicate").await;
    assert_count("plan-row", 2);
    assert!(text("plan-table").contains("One (copy)"));
    click("plan-delete").await;
    assert_count("plan-row", 1);
    assert!(text("undo-bar").contains("Deleted"));
    click("plan-undo").await;
    assert_count("plan-row", 2);
}

#[wasm_bindgen_test]
async fn an_unreadable_saved_plan_is_reported_and_left_as_it_is() {
    clear_storage();
    put_storage(cris_atlas::state::PLAN_KEY, "{ this is not a plan");
    mount("plan/").await;
    assert!(text("storage-notice").contains("could not be read"));
    assert_eq!(
        get_storage(cris_atlas::state::PLAN_KEY).as_deref(),
        Some("{ this is not a plan")
    );
    assert!(try_find("plan-empty").is_some());
}

#[wasm_bindgen_test]
async fn a_pasted_plan_with_an_error_names_the_field_and_keeps_the_text() {
    clear_storage();
    mount("plan/").await;
    let bad = r#"{"version":1,"workloads":[{"name":"X","model_id":"acme.none","source_region":"us-east-1","residency":{"kind":"none"},"traffic":"steady","sla":"best_effort"}]}"#;
    type_into("plan-paste", bad).await;
    click("plan-import").await;
    assert!(text("error-panel").contains("model_id"));
    let area: web_sys::HtmlTextAreaElement =
        wasm_bindgen::JsCast::dyn_into(find("plan-paste")).unwrap();
    assert_eq!(area.value(), bad);
    assert!(try_find("plan-empty").is_some());
}

/// The test ID of the focused element.
fn focused() -> Option<String> {
    web_sys::window()?
        .document()?
        .active_element()?
        .get_attribute("data-testid")
}

#[wasm_bindgen_test]
async fn a_canada_only_workload_tells_one_story_and_focus_follows() {
    clear_storage();
    mount("plan/").await;
    click("plan-add").await;
    assert_eq!(
        focused().as_deref(),
        Some("wz-step"),
        "the step heading is focused"
    );
    click("wz-cancel").await;
    walk_wizard(&Answers {
        name: "Canada claims triage",
        filter: "sonnet 4.5",
        model: SONNET_45,
        source: "ca-central-1",
        residency: "country",
        residency_value: Some(("wz-country", "CA")),
        traffic: "steady",
        sla: "latency_sensitive",
    })
    .await;
    assert_eq!(focused().as_deref(), Some("workload-detail"));
    // The row, the card and the comparison: nothing recommended, nothing eligible.
    assert_eq!(text("plan-option"), "✗ No eligible option");
    let row = find("plan-row");
    assert_eq!(
        row.get_attribute("data-compliant").as_deref(),
        Some("false")
    );
    assert!(row.class_name().contains("row-problem"));
    assert!(
        text("plan-warnings").starts_with('2'),
        "{}",
        text("plan-warnings")
    );
    assert!(text("recommended-option").starts_with("No eligible option"));
    assert!(text("urgent-warnings").contains("Nothing is recommended"));
    assert!(find_all("comparison-column")
        .iter()
        .all(|c| c.get_attribute("data-recommended").as_deref() == Some("false")));
    // The Eligible row (up to the next row, "ID to call") has no yes.
    let comparison = text("comparison");
    let eligible_row = comparison
        .split_once("Eligible")
        .and_then(|(_, rest)| rest.split_once("ID to call"))
        .map(|(row, _)| row.to_owned())
        .unwrap_or_default();
    assert!(
        eligible_row.contains('✗') && !eligible_row.contains('✓'),
        "{eligible_row}"
    );
    // Suggestions do the same job: chat models, no embeddings or rerankers.
    let alternatives = text("alternatives");
    assert!(alternatives.contains("text and chat"), "{alternatives}");
    assert!(!alternatives.contains("Rerank") && !alternatives.contains("Embed"));
    assert!(text("plan-status").contains("Canada claims triage: No eligible option"));
}

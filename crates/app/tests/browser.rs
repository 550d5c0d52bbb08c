//! Browser tests in headless Chromium: the explorer's island prerendered, hydrated on a fresh
//! root per test, and driven through real DOM events. Static pages are tested natively and
//! end to end.
#![cfg(target_arch = "wasm32")]

mod browser_support;

use browser_support::*;
use wasm_bindgen_test::*;

/// How many models the embedded catalog holds.
fn model_count() -> usize {
    catalog().models.len()
}

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn the_explorer_hydrates_its_prerendered_list_and_lists_every_model() {
    mount("explore/").await;
    assert_count("model-row", model_count());
    assert_eq!(
        text("result-count").trim(),
        format!("{} models", model_count())
    );
}

#[wasm_bindgen_test]
async fn a_query_in_the_url_is_applied_after_hydration() {
    mount("explore/?q=claude-sonnet-4-5-2025").await;
    assert_count("model-row", 1);
    assert_eq!(value_of("search"), "claude-sonnet-4-5-2025");
}

#[wasm_bindgen_test]
async fn search_narrows_to_one_model_and_keeps_the_url() {
    mount("explore/").await;
    type_into("search", "claude-sonnet-4-5-2025").await;
    assert_count("model-row", 1);
    assert!(text("result-count").starts_with("1 model"));
    assert!(text("results").contains("eu.anthropic.claude-sonnet-4-5-20250929-v1:0"));
    assert_eq!(url(), "explore/?q=claude-sonnet-4-5-2025");
}

#[wasm_bindgen_test]
async fn filters_live_in_the_url_and_back_restores_them() {
    mount("explore/").await;
    choose("provider", "Anthropic").await;
    assert_eq!(url(), "explore/?provider=Anthropic");
    let anthropic = find_all("model-row").len();
    assert!(anthropic > 5 && anthropic < model_count());
    choose("option", "jp").await;
    assert_eq!(url(), "explore/?provider=Anthropic&option=jp");
    let ways = find_all("way");
    assert!(!ways.is_empty());
    assert!(ways
        .iter()
        .all(|w| w.get_attribute("data-way").as_deref() == Some("jp")));
    back().await;
    assert_eq!(url(), "explore/?provider=Anthropic");
    assert_count("model-row", anthropic);
}

#[wasm_bindgen_test]
async fn an_emptied_search_says_why() {
    mount("explore/?q=zzzz-no-model").await;
    assert_count("model-row", 0);
    assert!(text("result-count").contains("search text"));
}

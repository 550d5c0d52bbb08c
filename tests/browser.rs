//! Browser tests in headless Chromium: the app mounted on a fresh root per test, driven through
//! real DOM events.
#![cfg(target_arch = "wasm32")]

mod browser_support;

use browser_support::*;
use wasm_bindgen_test::*;

/// How many models the embedded catalog holds.
fn model_count() -> usize {
    cris_atlas::data::catalog().expect("catalog").models.len()
}

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn home_page_shows_the_catalog() {
    mount("#/").await;
    let stats = text("catalog-stats");
    assert!(stats.contains(&model_count().to_string()), "{stats}");
    assert!(!text("footer-as-of").is_empty());
    assert!(try_find("entry-explore").is_some());
}

#[wasm_bindgen_test]
async fn navigating_to_the_explorer_lists_every_model() {
    mount("#/").await;
    go("#/explore").await;
    assert_count("model-row", model_count());
    assert_eq!(
        text("result-count").trim(),
        format!("{} models", model_count())
    );
}

#[wasm_bindgen_test]
async fn search_narrows_to_one_model_and_keeps_the_url() {
    mount("#/explore").await;
    type_into("search", "claude-sonnet-4-5-2025").await;
    assert_count("model-row", 1);
    assert!(text("result-count").starts_with("1 model"));
    assert!(text("results").contains("eu.anthropic.claude-sonnet-4-5-20250929-v1:0"));
    assert_eq!(hash(), "#/explore?q=claude-sonnet-4-5-2025");
}

#[wasm_bindgen_test]
async fn filters_live_in_the_url_and_back_restores_them() {
    mount("#/explore").await;
    choose("provider", "Anthropic").await;
    assert_eq!(hash(), "#/explore?provider=Anthropic");
    let anthropic = find_all("model-row").len();
    assert!(anthropic > 5 && anthropic < model_count());
    choose("option", "jp").await;
    assert_eq!(hash(), "#/explore?provider=Anthropic&option=jp");
    let ways = find_all("way");
    assert!(!ways.is_empty());
    assert!(ways
        .iter()
        .all(|w| w.get_attribute("data-way").as_deref() == Some("jp")));
    back().await;
    assert_eq!(hash(), "#/explore?provider=Anthropic");
    assert_count("model-row", anthropic);
}

#[wasm_bindgen_test]
async fn an_emptied_search_says_why() {
    mount("#/explore?q=zzzz-no-model").await;
    assert_count("model-row", 0);
    assert!(text("result-count").contains("search text"));
}

#[wasm_bindgen_test]
async fn unknown_routes_show_not_found() {
    mount("#/nowhere/at/all").await;
    assert!(text("not-found").contains("/nowhere/at/all"));
}

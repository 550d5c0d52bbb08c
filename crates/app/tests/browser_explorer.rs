//! Browser tests of the explorer in headless Chromium: search, the residency filter, the profile
//! page's warnings and route map, the URL round trip of every filter, copy and CSV download, and
//! the benchmark aid. Each test opens a page as a visitor does (prerendered, then hydrated) and
//! drives it through real DOM events.
#![cfg(target_arch = "wasm32")]

mod browser_support;

use browser_support::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const US_SONNET: &str = "profile/us.anthropic.claude-sonnet-4-5-20250929-v1~0/";

fn ways() -> Vec<String> {
    find_all("way")
        .iter()
        .filter_map(|w| w.get_attribute("data-way"))
        .collect()
}

#[wasm_bindgen_test]
async fn search_narrows_to_one_model_which_links_to_its_page() {
    mount("explore/").await;
    type_into("search", "sonnet 4.5 anthropic.claude-sonnet-4-5-2025").await;
    assert_count("model-row", 1);
    assert_eq!(
        find("model-row").get_attribute("data-model-id").as_deref(),
        Some("anthropic.claude-sonnet-4-5-20250929-v1:0")
    );
    // The row links to the model's own page (a static page, tested end to end).
    let link = find("model-row")
        .query_selector("[data-testid=\"model-link\"]")
        .ok()
        .flatten()
        .and_then(|a| a.get_attribute("href"))
        .unwrap_or_default();
    assert_eq!(link, "model/anthropic.claude-sonnet-4-5-20250929-v1~0/");
}

#[wasm_bindgen_test]
async fn processes_only_within_japan_shows_jp_profiles_and_no_global_one() {
    mount("explore/").await;
    choose("within", "country:JP").await;
    assert_eq!(url(), "explore/?within=country:JP");
    let ways = ways();
    assert!(ways.iter().any(|w| w == "jp"), "{ways:?}");
    assert!(!ways.iter().any(|w| w == "global"), "{ways:?}");
    assert!(!ways.iter().any(|w| w == "apac"), "{ways:?}");
}

#[wasm_bindgen_test]
async fn the_us_profile_called_from_ca_central_1_warns_that_data_leaves_canada() {
    mount(US_SONNET).await;
    // The page starts from the profile's usual source, us-east-1.
    assert!(text("default-source").contains("us-east-1"));
    assert_count("route-line", 3);
    choose("source-select", "ca-central-1").await;
    assert_eq!(url(), format!("{US_SONNET}?from=ca-central-1"));
    let warnings = text("source-warnings");
    assert!(warnings.contains("data leaves Canada"), "{warnings}");
    assert!(text("source-countries").contains("United States of America"));
    assert!(text("iam-resources").contains("arn:aws:bedrock:us-west-2::foundation-model/"));
}

#[wasm_bindgen_test]
async fn the_map_draws_one_route_line_per_destination() {
    mount(&format!("{US_SONNET}?from=ca-central-1")).await;
    let rows = find_all("destination-row").len();
    assert_eq!(rows, 4);
    assert_count("route-line", rows);
    let drawn: Vec<String> = find_all("route-line")
        .iter()
        .filter_map(|l| l.get_attribute("data-to"))
        .collect();
    assert_eq!(
        drawn,
        ["ca-central-1", "us-east-1", "us-east-2", "us-west-2"]
    );
    let source = find_all("map-region")
        .into_iter()
        .find(|m| m.get_attribute("data-region").as_deref() == Some("ca-central-1"))
        .expect("a marker for the source");
    assert_eq!(
        source.get_attribute("data-role").as_deref(),
        Some("source and destination")
    );
    // Another source from the keyboard-operable select redraws the map.
    choose("source-select", "us-east-1").await;
    assert_count("route-line", 3);
    assert_count("destination-row", 3);
    assert!(text("source-warnings").contains("Every destination is in United States"));
}

#[wasm_bindgen_test]
async fn every_filter_survives_the_url_round_trip() {
    let address = "explore/?q=claude&provider=Anthropic&option=us&from=ca-central-1&within=geo:EU&lifecycle=active&modality=IMAGE";
    mount(address).await;
    // Rows: select, value read back from the URL.
    let rows = [
        ("provider", "Anthropic"),
        ("option", "us"),
        ("from", "ca-central-1"),
        ("within", "geo:EU"),
        ("lifecycle", "active"),
        ("modality", "IMAGE"),
    ];
    for (testid, value) in rows {
        assert_eq!(value_of(testid), value, "{testid}");
    }
    assert_eq!(value_of("search"), "claude");
    // us. from ca-central-1 reaches the US, so nothing stays in the EU.
    assert_count("model-row", 0);
    assert!(text("result-count").contains("filter"));
    choose("within", "").await;
    assert_eq!(
        self::url(),
        "explore/?q=claude&provider=Anthropic&option=us&from=ca-central-1&lifecycle=active&modality=IMAGE"
    );
    assert!(!find_all("model-row").is_empty());
    back().await;
    assert_eq!(url(), address);
    assert_eq!(value_of("within"), "geo:EU");
}

#[wasm_bindgen_test]
async fn copying_an_id_reports_the_outcome_without_failing() {
    mount(&format!("{US_SONNET}?from=ca-central-1")).await;
    click("copy-id").await;
    // Headless Chromium may refuse clipboard access; either outcome is announced.
    let status = text_when_filled("copy-id-status").await;
    assert!(
        status == "Copied" || status.starts_with("Not copied: "),
        "{status}"
    );
}

#[wasm_bindgen_test]
async fn downloading_the_csv_shows_no_error() {
    mount("explore/?q=nova").await;
    click("download-csv").await;
    assert!(try_find("error-panel").is_none());
}

#[wasm_bindgen_test]
async fn the_benchmark_aid_keeps_its_factor_while_typing() {
    mount("explore/?bench=10").await;
    assert!(try_find("bench-note").is_some());
    // Ten times the catalog is more than one page of rows.
    assert_count("model-row", 200);
    assert!(text("result-count").contains("showing the first 200"));
    click("show-all").await;
    let models = catalog().models.len();
    assert_count("model-row", models * 10);
    type_into("search", "claude-sonnet-4-5-2025").await;
    assert_count("model-row", 10);
    assert_eq!(url(), "explore/?bench=10&q=claude-sonnet-4-5-2025");
}

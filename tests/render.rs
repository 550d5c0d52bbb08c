//! Native render tests: pages rendered to HTML with Yew's server renderer, asserting on what a
//! user would see.
#![cfg(not(target_arch = "wasm32"))]

use cris_atlas::app::{CatalogError, CatalogErrorProps, Layout, LayoutProps};
use cris_atlas::data;
use cris_atlas::domain::explore::Query;
use cris_atlas::route::Route;
use cris_atlas::state::CatalogRef;
use yew::{Callback, LocalServerRenderer};

async fn render(route: Route) -> String {
    let catalog = CatalogRef(data::catalog().expect("catalog"));
    LocalServerRenderer::<Layout>::with_props(LayoutProps {
        catalog,
        route,
        on_navigate: Callback::noop(),
    })
    .hydratable(false)
    .render()
    .await
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

#[tokio::test]
async fn home_explains_the_app_and_shows_the_catalog_date() {
    let html = render(Route::Home).await;
    let catalog = data::catalog().unwrap();
    assert!(html.contains("<h1>CRIS Atlas</h1>"));
    assert!(html.contains("Explore profiles and models"));
    assert!(html.contains(&format!("<dd>{}</dd>", catalog.models.len())));
    assert!(
        count(&html, &catalog.meta.as_of) >= 2,
        "as-of date on the page and in the footer"
    );
    assert!(html.contains(r#"aria-current="page""#));
    assert!(!html.contains("TODO") && !html.contains("Coming soon"));
}

#[tokio::test]
async fn explore_lists_every_model_without_a_query() {
    let html = render(Route::Explore(Query::default())).await;
    let models = data::catalog().unwrap().models.len();
    assert_eq!(count(&html, r#"data-testid="model-row""#), models);
    assert!(html.contains(&format!("{models} models")));
    assert!(html.contains(r#"role="status""#));
    assert!(html.contains(r#"<label for="q">"#));
}

#[tokio::test]
async fn explore_search_shows_one_model_with_its_profiles() {
    let query = Query {
        text: "claude-sonnet-4-5-20250929".into(),
        ..Query::default()
    };
    let html = render(Route::Explore(query)).await;
    assert_eq!(count(&html, r#"data-testid="model-row""#), 1);
    assert!(html.contains("1 model"));
    assert!(html.contains("eu.anthropic.claude-sonnet-4-5-20250929-v1:0"));
    assert!(html.contains("global.anthropic.claude-sonnet-4-5-20250929-v1:0"));
    assert!(html.contains("Clear filters"));
}

#[tokio::test]
async fn explore_says_which_filter_emptied_the_list() {
    let query = Query {
        text: "zzzz-no-model".into(),
        ..Query::default()
    };
    let html = render(Route::Explore(query)).await;
    assert_eq!(count(&html, r#"data-testid="model-row""#), 0);
    assert!(html.contains("the search text filter removed the last results"));
}

#[tokio::test]
async fn concepts_cite_the_aws_documentation() {
    let html = render(Route::Concepts(None)).await;
    for id in ["source-destination", "options", "residency", "choice"] {
        assert!(html.contains(&format!(r#"id="{id}""#)), "section {id}");
    }
    assert!(html.contains("https://docs.aws.amazon.com/bedrock/latest/userguide/geographic-cross-region-inference.html"));
    assert!(html.contains(
        "https://docs.aws.amazon.com/bedrock/latest/userguide/global-cross-region-inference.html"
    ));
    assert!(
        html.contains("https://docs.aws.amazon.com/bedrock/latest/userguide/prov-throughput.html")
    );
    assert!(html.contains("A prefix is not a country"));
}

#[tokio::test]
async fn data_page_lists_sources_disagreements_and_gaps() {
    let html = render(Route::Data).await;
    let meta = &data::catalog().unwrap().meta;
    for source in &meta.sources {
        let title = source.title.replace('&', "&amp;");
        assert!(html.contains(&title), "source {}", source.id);
    }
    assert_eq!(count(&html, r#"<tr id="source-"#), meta.sources.len());
    // Header rows: one per table.
    assert_eq!(count(&html, "<tr>"), 2 + meta.disagreements.len());
    assert!(html.contains(r#"data-testid="gaps""#));
}

#[tokio::test]
async fn unknown_routes_render_the_not_found_page() {
    let html = render(Route::from_hash("#/no/such/page")).await;
    assert!(html.contains("Page not found"));
    assert!(html.contains("/no/such/page"));
}

#[tokio::test]
async fn a_broken_catalog_shows_an_error_panel() {
    let html = LocalServerRenderer::<CatalogError>::with_props(CatalogErrorProps {
        message: "models.json: expected value at line 1 column 1".into(),
    })
    .hydratable(false)
    .render()
    .await;
    assert!(html.contains(r#"role="alert""#));
    assert!(html.contains("The catalog could not be loaded"));
    assert!(html.contains("models.json: expected value"));
}

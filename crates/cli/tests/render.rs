//! Native render tests: pages rendered to HTML with Yew's server renderer, asserting on what a
//! user would see.
#![cfg(not(target_arch = "wasm32"))]

mod render_support;

use atlas_core::output::evaluation::WorkloadEvaluation;
use render_support::{count, render};

#[path = "../../core/tests/fixture/mod.rs"]
mod fixture;

use atlas_core::browse::explore::Query;
use atlas_core::catalog::change_log::summaries;
use atlas_core::catalog::data;
use atlas_core::catalog::ids::{CountryCode, ModelId, ProfileId, RegionCode};
use atlas_core::catalog::schema::{
    AddedDestination, AddedProfile, Change, InRegionChanges, Retirement,
};
use atlas_core::catalog::Catalog;
use cris_atlas::pages::sources::{Sources, SourcesProps};
use cris_atlas::route::Route;
use cris_atlas::state::CatalogRef;
use std::sync::OnceLock;
use yew::{Callback, LocalServerRenderer};

#[tokio::test]
async fn home_explains_the_app_and_shows_the_catalog_date() {
    let html = render(Route::Home).await;
    let catalog = data::catalog().unwrap();
    assert!(html.contains("<h1>CRIS Atlas</h1>"));
    assert!(html.contains("Explore profiles and models"));
    assert!(html.contains("Plan workloads"));
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
    // Rows: a header per table, each disagreement, and each refresh's tables.
    let changes: usize = summaries(data::catalog().unwrap())
        .iter()
        .map(|s| {
            let table = |rows: usize| if rows == 0 { 0 } else { 1 + rows };
            1 + s.rows.len() + table(s.countries.len()) + table(s.destinations.len())
        })
        .sum();
    // The retention pages' and the tier pages' tables, the quota sources' table (five
    // sources) and the hand tables': a header and one row per page or file each.
    let catalog = data::catalog().unwrap();
    let transcribed = 2 + catalog.retention.sources.len() + catalog.tiers.sources.len();
    let quotas = 1 + catalog.quotas.sources.len();
    assert_eq!(quotas, 6);
    let hand = 1 + data::SOURCE_TABLES.len();
    assert_eq!(
        count(&html, "<tr>"),
        2 + meta.disagreements.len() + changes + transcribed + quotas + hand
    );
    assert_eq!(count(&html, r#"data-testid="change""#), meta.changes.len());
    assert!(html.contains(r#"data-testid="gaps""#));
    // A source adapted under CC BY-SA shows its attribution.
    for source in meta
        .sources
        .iter()
        .filter(|s| s.covers.contains("CC BY-SA"))
    {
        assert!(
            html.contains(&source.covers.replace('&', "&amp;")),
            "{}",
            source.id
        );
    }
}

/// The fixture catalog with one recorded refresh.
fn with_a_change() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        let mut catalog = fixture::catalog().clone();
        catalog.meta.changes = vec![Change {
            as_of: "2026-10-27".into(),
            previous_as_of: "2026-08-22".into(),
            from: "test inputs".into(),
            models_added: vec![ModelId::new(fixture::SMALL)],
            models_retired: vec![Retirement {
                model: ModelId::new("acme.gone-v1"),
                retired_on: "2026-09-01".into(),
            }],
            models_legacy: Vec::new(),
            profiles_added: vec![AddedProfile {
                profile: ProfileId::new(format!("us.{}", fixture::SMALL)),
                countries: vec![CountryCode::new("US")],
            }],
            profiles_withdrawn: vec![ProfileId::new("us.acme.gone-v1")],
            destinations_added: vec![AddedDestination {
                profile: ProfileId::new(format!("eu.{}", fixture::CHAT)),
                source: RegionCode::new("eu-west-2"),
                region: RegionCode::new("eu-west-2"),
                adds_country: true,
            }],
            in_region: InRegionChanges {
                added: 3,
                removed: 1,
                endpoint_changed: 2,
            },
            offers: Vec::new(),
            prices: Vec::new(),
            tables: Vec::new(),
        }];
        catalog
    })
}

#[tokio::test]
async fn data_page_shows_what_each_refresh_changed() {
    let html = LocalServerRenderer::<Sources>::with_props(SourcesProps {
        catalog: CatalogRef(with_a_change()),
        tables: std::rc::Rc::from([]),
        today: None,
        atom: false,
    })
    .hydratable(false)
    .render()
    .await;
    assert!(html.contains(r#"<h2 id="changes">Changes</h2>"#));
    // The feed is linked; the Atom feed only when the build publishes it.
    assert!(html.contains("Every refresh is kept: 1 recorded."));
    assert!(html.contains(r#"<a href="changes.json">changes.json</a>"#));
    assert!(!html.contains("changes.xml"));
    assert!(
        html.contains(r#"<h3 id="change-0">"#) && html.contains(r#"aria-labelledby="change-0""#)
    );
    assert_eq!(count(&html, r#"data-testid="changes-table""#), 1);
    assert_eq!(count(&html, r#"<th scope="col">"#), 4 + 3 + 2 + 4);
    // Rows: what changed and how many.
    for (what, n) in [
        ("Models added", 1),
        ("Models retired", 1),
        ("Models moved to Legacy", 0),
        ("Profiles added", 1),
        ("Profiles withdrawn", 1),
        ("Destinations added to existing profiles", 1),
        ("In-Region offers added", 3),
        ("In-Region offers removed", 1),
        ("In-Region offers moved to another endpoint", 2),
    ] {
        assert!(
            html.contains(&format!(r#"<th scope="row">{what}</th><td>{n}</td>"#)),
            "{what}: {n}"
        );
    }
    // Models and profiles the catalog has link to their pages; gone ones are plain IDs.
    assert!(html.contains(r#"<a href="model/acme.small-v1/"><code>acme.small-v1</code></a>"#));
    assert!(html.contains("<li><code>acme.gone-v1</code> (retired 2026-09-01)</li>"));
    assert!(html.contains("<li><code>us.acme.gone-v1</code></li>"));
    assert!(html.contains(r#"<th scope="row">United States</th>"#));
    assert!(html.contains("<td>eu-west-2</td><td>United Kingdom</td>"));
}

/// The hand-transcribed tables with both dates; one last checked 61 days before the build is
/// flagged, one checked 60 days before is not; the Atom feed is linked when published.
#[tokio::test]
async fn data_page_shows_each_hand_table_s_dates_and_flags_an_old_check() {
    use atlas_core::catalog::calendar::Day;
    use atlas_core::catalog::source_tables::TableDates;
    let table = |file: &str, checked: &str| TableDates {
        file: file.into(),
        title: format!("Page of {file}"),
        url: "https://docs.aws.amazon.com/bedrock/latest/userguide/x.html".into(),
        copy_date: "2026-07-24".into(),
        checked: checked.into(),
    };
    // 2026-12-07 is 60 days after 2026-10-08 and 61 after 2026-10-07.
    let tables = [
        table("service-tiers.json", "2026-10-08"),
        table("quota-defaults.json", "2026-10-07"),
    ];
    let html = LocalServerRenderer::<Sources>::with_props(SourcesProps {
        catalog: CatalogRef(with_a_change()),
        tables: std::rc::Rc::from(tables),
        today: Day::parse("2026-12-07"),
        atom: true,
    })
    .hydratable(false)
    .render()
    .await;
    assert_eq!(count(&html, r#"data-testid="hand-tables""#), 1);
    assert!(html.contains("<td><code>sources/service-tiers.json</code></td><td><time datetime=\"2026-07-24\">2026-07-24</time></td><td><time datetime=\"2026-10-08\">2026-10-08</time></td>"));
    assert_eq!(count(&html, r#"data-testid="table-stale""#), 1);
    let flagged = html
        .split("sources/quota-defaults.json")
        .nth(1)
        .unwrap_or_default();
    let row = flagged.split("</tr>").next().unwrap_or_default();
    assert!(
        row.contains(r#"data-testid="table-stale""#)
            && row.contains("> more than 60 days ago: check it</strong>"),
        "{row}"
    );
    assert!(html.contains(r#"<a href="changes.xml" type="application/atom+xml">changes.xml</a>"#));
}

#[tokio::test]
async fn unknown_routes_render_the_not_found_page() {
    let html = render(Route::from_path("no/such/page/", "")).await;
    assert!(html.contains("Page not found"));
    assert!(html.contains("no/such/page/"));
}

fn workload(text: &str) -> atlas_core::plan::Workload<'static> {
    let plan = format!(r#"{{"version":1,"workloads":[{text}]}}"#);
    let catalog = data::catalog().unwrap();
    atlas_core::plan::Plan::parse(&plan, catalog)
        .expect("plan")
        .workloads
        .remove(0)
}

#[tokio::test]
async fn the_recommendation_card_shows_the_id_reasons_and_sources() {
    use cris_atlas::components::recommendation_card::{
        RecommendationCard, RecommendationCardProps,
    };
    let catalog = data::catalog().unwrap();
    let w = workload(
        r#"{"name":"Support chat","model_id":"anthropic.claude-sonnet-4-5-20250929-v1:0","source_region":"eu-central-1","residency":{"kind":"geography","name":"EU"},"traffic":"spiky","sla":"best_effort"}"#,
    );
    let evaluation = std::rc::Rc::new(WorkloadEvaluation::of(
        catalog,
        &w,
        atlas_core::catalog::calendar::Day::from_epoch_days(20_789),
    ));
    let html = LocalServerRenderer::<RecommendationCard>::with_props(RecommendationCardProps {
        catalog: CatalogRef(catalog),
        evaluation,
        heading_id: "recommendation-title".into(),
    })
    .hydratable(false)
    .render()
    .await;
    assert!(html.contains("Recommendation for Support chat"));
    assert!(html.contains("<strong>Geographic (EU), Standard tier</strong>"));
    assert!(html.contains(
        r#"<code data-testid="call-id">eu.anthropic.claude-sonnet-4-5-20250929-v1:0</code>"#
    ));
    assert!(html.contains("eu-west-3 (France)"));
    assert!(html.contains("https://docs.aws.amazon.com/bedrock/latest/userguide/geographic-cross-region-inference.html"));
    assert!(html.contains("concepts/choice/"));
    assert!(html
        .contains("Global profile (global.anthropic.claude-sonnet-4-5-20250929-v1:0) ruled out"));
    assert!(html.contains("Copy ID"));
}

#[tokio::test]
async fn the_comparison_table_has_headers_and_marks_the_recommendation() {
    use cris_atlas::components::comparison_table::{ComparisonTable, ComparisonTableProps};
    let catalog = data::catalog().unwrap();
    let w = workload(
        r#"{"name":"Claims","model_id":"anthropic.claude-sonnet-4-5-20250929-v1:0","source_region":"ca-central-1","residency":{"kind":"country","code":"CA"},"traffic":"steady","sla":"best_effort"}"#,
    );
    let comparison = WorkloadEvaluation::of(
        catalog,
        &w,
        atlas_core::catalog::calendar::Day::from_epoch_days(20_789),
    )
    .comparison;
    let html = LocalServerRenderer::<ComparisonTable>::with_props(ComparisonTableProps {
        comparison,
        name: "Claims".into(),
        appendix: false,
    })
    .hydratable(false)
    .render()
    .await;
    // Global, the us. profile callable from Canada, in-Region, provisioned; nothing recommended.
    assert_eq!(count(&html, r#"<th scope="col""#), 4);
    assert_eq!(count(&html, r#"data-recommended="true""#), 0);
    assert!(html.contains("Geographic (US)"));
    assert!(html.contains("us-east-1 (United States of America)"));
    assert!(html.contains("✗ No: it may process prompts outside the allowed Regions"));
    // The first row says whether each option is eligible.
    assert!(html.contains(r#"<th scope="row">Eligible</th>"#));
    for row in [
        "ID to call",
        "Where the prompt may be processed",
        "Residency fit",
        "Organisation policy fit",
        "Effective throughput",
        "Resilience under load",
        "Throttling at spikes",
        "Price per million tokens",
        "How it is billed",
        "Endpoint and API",
        "Extra network round trip (estimate)",
        "Setup (IAM resources)",
        "Best for",
    ] {
        assert!(
            html.contains(&format!(r#"<th scope="row">{row}</th>"#)),
            "row {row}"
        );
    }
}

#[tokio::test]
async fn the_wizard_shows_problems_per_field() {
    use atlas_core::plan::wizard::{Wizard, WizardAction};
    use cris_atlas::components::wizard::{WizardPanel, WizardPanelProps};
    let catalog = data::catalog().unwrap();
    let mut wizard = Wizard::new();
    wizard.apply(WizardAction::Next, catalog);
    assert!(!wizard.shown_problems.is_empty());
    let html = LocalServerRenderer::<WizardPanel>::with_props(WizardPanelProps {
        catalog: CatalogRef(catalog),
        wizard,
        editing: false,
        on_action: Callback::noop(),
    })
    .hydratable(false)
    .render()
    .await;
    assert!(html.contains("Step 1 of 6: Workload"));
    assert!(html.contains(r#"id="wz-name-error""#));
    assert!(html.contains(r#"aria-describedby="wz-name-error""#));
    assert!(html.contains(r#"aria-invalid="true""#));
    // The picker lists text and chat models first (grouped by provider), after its task
    // choices ("Any" and one per task), then the Regions after "Choose a Region".
    use atlas_core::browse::picker::model_groups;
    use atlas_core::catalog::task::Task;
    let text_models: usize = model_groups(catalog, "", Some(Task::Text), None)
        .iter()
        .map(|g| g.models.len())
        .sum();
    assert!(html.contains(r#"<optgroup label="Anthropic">"#));
    assert_eq!(
        count(&html, "<option value=\""),
        1 + Task::ALL.len() + text_models + catalog.regions.len() + 1
    );
}

/// The data retention pages' history (June launch, September, newest) is in the Changes section.
#[tokio::test]
async fn the_data_pages_changes_section_holds_the_retention_pages_history() {
    let html = render(Route::Data).await;
    let changes = html
        .find(r#"<h2 id="changes">"#)
        .expect("a Changes section");
    let next = html[changes..]
        .find("Where sources disagree")
        .expect("the next section")
        + changes;
    let section = &html[changes..next];
    assert!(section.contains(r#"data-testid="retention-history""#));
    assert!(section.contains("June 2026 launch"));
    assert!(section.contains("September 2026"));
}

#[tokio::test]
async fn the_data_page_counts_the_unknown_quota_pools() {
    let html = render(Route::Data).await;
    let start = html
        .find(r#"data-testid="quota-unknowns""#)
        .expect("the quota section");
    let text = &html[start..start + 600];
    // Counted by hand from data/models.json, data/profiles.json and the transcribed sources:
    // 151 models, 94 in the index's tpm rows; 377 bedrock-mantle offers; 4 us-gov profiles; 8
    // index codes the General Reference copy gives no default for.
    assert!(text.contains("Unknown pools: 57 catalog models"), "{text}");
    assert!(
        text.contains("377 in-Region offers served on bedrock-mantle"),
        "{text}"
    );
    assert!(text.contains("4 GovCloud profiles"), "{text}");
    assert!(
        text.contains("8 index quota codes with no published default (L-2EFDF21F"),
        "{text}"
    );
    assert!(html.contains("bedrock-usage-analyzer 0.7.0b0"));
}

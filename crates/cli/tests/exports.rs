//! What the app and the command line export for other programs shows user text as text: Markdown
//! (plan reports, routing tables) escapes line breaks, table pipes, HTML and link syntax; CSV
//! (the explorer's list) neutralises cells a spreadsheet would run as formulas.
#![cfg(not(target_arch = "wasm32"))]

use atlas_core::catalog::data;
use atlas_core::output::csv::csv_field;
use atlas_core::output::evaluation::PlanEvaluation;
use atlas_core::output::markdown;
use atlas_core::output::report;
use atlas_core::plan::Plan;

/// Rows: raw text, Markdown.
#[test]
fn markdown_text_shows_as_text() {
    let rows = [
        ("plain name", "plain name"),
        ("a|b", "a\\|b"),
        ("one\r\ntwo\rthree\nfour", "one  two three four"),
        (
            "<script>alert(1)</script>",
            "&lt;script&gt;alert(1)&lt;/script&gt;",
        ),
        (
            "<img src=x onerror=alert(1)>",
            "&lt;img src=x onerror=alert(1)&gt;",
        ),
        (
            "[click](javascript:alert(1))",
            "\\[click\\](javascript\\:alert(1))",
        ),
        ("JavaScript:alert(1)", "JavaScript\\:alert(1)"),
        ("see data:text/html,x", "see data\\:text/html,x"),
        ("metadata:kept", "metadata:kept"),
        ("amazon.nova-lite-v1:0", "amazon.nova-lite-v1:0"),
        ("`code`", "\\`code\\`"),
        ("R&D", "R&amp;D"),
        ("&lt;b&gt;", "&amp;lt;b&amp;gt;"),
        ("*bold* _em_", "\\*bold\\* \\_em\\_"),
        ("~~gone~~", "\\~\\~gone\\~\\~"),
    ];
    for (raw, expected) in rows {
        assert_eq!(markdown::text(raw), expected, "{raw:?}");
    }
}

#[test]
fn a_hostile_workload_name_stays_in_its_cell_and_heading() {
    let catalog = data::catalog().expect("catalog");
    let name = "Evil\r| x | <script>alert(1)</script>\n## [x](javascript:alert(1)) <img src=x onerror=alert(1)>";
    let text = serde_json::json!({"version": 1, "workloads": [{
        "name": name, "model_id": "amazon.nova-lite-v1:0", "source_region": "us-east-1",
        "residency": {"kind": "none"}, "traffic": "steady", "sla": "best_effort"}]})
    .to_string();
    let plan = Plan::parse(&text, catalog).expect("plan");
    let day = atlas_core::catalog::calendar::Day::parse("2026-12-02").expect("a real date");
    let md = report::to_markdown(catalog, &PlanEvaluation::of(catalog, &plan, day));
    assert!(!md.contains("<script") && !md.contains("<img") && !md.contains("](javascript:"));
    // The summary table's row is one line with its nine columns (name, model, source,
    // obligation, option, ID, residency, price, warnings).
    let row = md
        .lines()
        .find(|l| l.starts_with("| Evil"))
        .expect("the workload's row");
    let pipes = row.matches('|').count() - row.matches("\\|").count();
    assert_eq!(pipes, 10, "{row}");
    // The heading is one line; no second heading came from the name.
    assert_eq!(md.matches("\n## ").count(), 1);
}

/// Rows: raw field, CSV field.
#[test]
fn csv_cells_that_spreadsheets_would_run_are_neutralised() {
    let rows = [
        (
            "=HYPERLINK(\"http://x\",\"y\")",
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"",
        ),
        ("=1+2", "'=1+2"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "\"'\tx\""),
        ("\rx", "\"'\rx\""),
        ("a=b", "a=b"),
        ("us-east-1", "us-east-1"),
    ];
    for (raw, expected) in rows {
        assert_eq!(csv_field(raw), expected, "{raw:?}");
    }
    // Terminal control sequences lose their control characters, in CSV and HTML alike.
    let rows = [
        ("\u{1b}[31mred\u{1b}[0m", "[31mred[0m"),
        ("\u{9b}2Jx", "2Jx"),
        ("a\u{7}b\tc", "\"ab\tc\""),
    ];
    for (raw, expected) in rows {
        assert_eq!(csv_field(raw), expected, "{raw:?}");
        let html = atlas_core::output::plan_html::escape(raw);
        assert!(!html.contains(['\u{1b}', '\u{9b}', '\u{7}']), "{html:?}");
    }
}

#[test]
fn the_plan_report_is_a_prerendered_page_of_its_own() {
    use cris_atlas::route::Route;
    let catalog = data::catalog().expect("the embedded catalog");
    assert_eq!(Route::from_path("plan/report/", ""), Route::PlanReport);
    assert_eq!(Route::from_path("plan/report", ""), Route::PlanReport);
    assert_eq!(Route::PlanReport.href(), "plan/report/");
    assert_eq!(Route::PlanReport.file(), "plan/report/index.html");
    assert!(atlas_cli::prerender::routes(catalog).contains(&Route::PlanReport));
    // Prerendered, the page cannot know the plan (it lives in the browser's storage): it says
    // so, with the catalog's date and the line that it is not legal advice.
    let html = atlas_cli::prerender::main_html(catalog, &Route::PlanReport);
    assert!(html.contains("Bedrock inference plan"), "{html}");
    assert!(html.contains("data-testid=\"report-empty\""), "{html}");
    assert!(html.contains(&format!("Catalog as of {}", catalog.meta.as_of)));
    assert!(html.contains("not legal advice"));
}

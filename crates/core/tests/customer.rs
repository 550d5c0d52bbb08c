//! The plan in front of a customer, natively: the card, the comparison, the summary row and the
//! command line's report tell one story; suggestions do the same job as the model they replace;
//! customization is called unverified; end of life is judged against the day given; the
//! comparison summarises long Region lists by country; the model picker groups and tells apart.
#![cfg(not(target_arch = "wasm32"))]

use atlas_core::browse::picker::{model_groups, ModelChoice};
use atlas_core::catalog::calendar::Day;
use atlas_core::catalog::cite::Cite;
use atlas_core::catalog::data;
use atlas_core::catalog::task::Task;
use atlas_core::catalog::Catalog;
use atlas_core::engine::options::{OptionKind, Term, NO_ELIGIBLE_OPTION};
use atlas_core::engine::suggest::Alternative;
use atlas_core::output::compare::{ELIGIBLE, NOT_OFFERED};
use atlas_core::output::evaluation::{PlanEvaluation, WorkloadEvaluation};
use atlas_core::output::report::{report, to_markdown};
use atlas_core::plan::{Plan, Workload};

const SONNET_45: &str = "anthropic.claude-sonnet-4-5-20250929-v1:0";

fn real() -> &'static Catalog {
    data::catalog().expect("the embedded catalog")
}

fn day(text: &str) -> Day {
    Day::parse(text).expect("a date")
}

/// The four workloads of the walk: EU support chat, Canada-only claims triage, batch summaries,
/// a fine-tuned classifier with a guaranteed SLA.
const WALK: &str = r#"{"version":1,"workloads":[
 {"name":"EU support chat","model_id":"anthropic.claude-sonnet-4-5-20250929-v1:0","source_region":"eu-central-1",
  "residency":{"kind":"geography","name":"EU"},"traffic":"spiky","sla":"best_effort"},
 {"name":"Canada claims triage","model_id":"anthropic.claude-sonnet-4-5-20250929-v1:0","source_region":"ca-central-1",
  "residency":{"kind":"country","code":"CA"},"traffic":"steady","sla":"latency_sensitive"},
 {"name":"Batch summaries","model_id":"amazon.nova-pro-v1:0","source_region":"us-east-1",
  "residency":{"kind":"none"},"traffic":"high_volume","sla":"best_effort"},
 {"name":"Fine-tuned classifier","model_id":"amazon.nova-pro-v1:0","custom_model":true,"source_region":"us-west-2",
  "residency":{"kind":"none"},"traffic":"steady","sla":"guaranteed"}]}"#;

fn one(text: &str, today: Day) -> (Workload<'static>, WorkloadEvaluation<'static>) {
    let plan = format!(r#"{{"version":1,"workloads":[{text}]}}"#);
    let w = Plan::parse(&plan, real())
        .expect("plan")
        .workloads
        .remove(0);
    let e = WorkloadEvaluation::of(real(), &w, today);
    (w, e)
}

/// Card (recommendation), comparison (recommended column, Eligible row), summary line and both
/// report formats agree, for each workload of the walk.
#[test]
fn card_comparison_summary_and_report_tell_one_story() {
    let catalog = real();
    let plan = Plan::parse(WALK, catalog).expect("the walk's plan");
    let evaluation = PlanEvaluation::of(catalog, &plan, day("2026-12-02"));
    let json = report(catalog, &evaluation);
    let markdown = to_markdown(catalog, &evaluation);
    assert_eq!(evaluation.workloads.len(), plan.workloads.len());
    for (e, r) in evaluation.workloads.iter().zip(&json.workloads) {
        let w = &e.workload;
        let rec = &e.recommendation;
        let line = &e.summary;
        let eligible_row = e
            .comparison
            .rows
            .iter()
            .find(|row| row.label == ELIGIBLE)
            .expect("an Eligible row");
        let marked: Vec<usize> = (0..e.comparison.columns.len())
            .filter(|&i| e.comparison.columns[i].recommended)
            .collect();
        let yes: Vec<usize> = (0..eligible_row.cells.len())
            .filter(|&i| eligible_row.cells[i].verdict == Some(true))
            .collect();
        assert_eq!(
            marked,
            rec.chosen.into_iter().collect::<Vec<_>>(),
            "{}",
            w.name()
        );
        assert_eq!(
            yes.is_empty(),
            rec.chosen.is_none(),
            "{}: {yes:?}",
            w.name()
        );
        assert_eq!(line.compliant, rec.chosen.is_some());
        assert_eq!(line.warnings, rec.warnings.len());
        assert_eq!(r.warnings.len(), rec.warnings.len());
        assert_eq!(r.recommendation.option, rec.kind());
        let row = markdown
            .lines()
            .find(|l| l.starts_with(&format!("| {} |", w.name())))
            .expect("a summary row");
        assert!(
            row.contains(&line.option) && row.ends_with(&format!("| {} |", line.warnings_label()))
        );
        assert!(
            row.contains(&format!("| {} {} |", line.mark(), line.verdict)),
            "{row}"
        );
        // Never a plain pass with something urgent open.
        assert_eq!(
            line.mark() == "✓",
            rec.chosen.is_some() && rec.urgent_count() == 0
        );
        if rec.chosen.is_none() {
            // Nothing recommended is a warning, an urgent one, and the row says so.
            assert_eq!(line.option, NO_ELIGIBLE_OPTION);
            assert!(rec.warnings[0].urgent && rec.warnings[0].text.starts_with("Nothing"));
            assert!(line.warnings >= 1);
        }
    }
    let canada = &evaluation.workloads[1];
    assert_eq!(canada.chosen(), None);
    let provisioned = canada
        .recommendation
        .options
        .iter()
        .find(|o| o.kind == OptionKind::Provisioned)
        .expect("Provisioned Throughput is always evaluated");
    assert!(!provisioned.is_eligible());
    // What it suggests is what the comparison allows: no Region to provision Sonnet 4.5 in.
    for alt in &canada.recommendation.alternatives {
        if let Alternative::ProvisionIn { regions } = alt {
            assert!(regions.is_empty(), "{regions:?}");
        }
    }
}

/// Alternatives to a chat model are chat models that accept its inputs, each with why;
/// never embeddings or rerankers. Same provider and family first.
#[test]
fn alternatives_do_the_same_job_nearest_first() {
    let catalog = real();
    let cases = [
        // (workload, expected first provider)
        (
            r#"{"name":"Canada","model_id":"anthropic.claude-sonnet-4-5-20250929-v1:0","source_region":"ca-central-1","residency":{"kind":"country","code":"CA"},"traffic":"steady","sla":"best_effort"}"#,
            None,
        ),
        (
            r#"{"name":"Pinned","model_id":"anthropic.claude-sonnet-4-5-20250929-v1:0","source_region":"us-east-1","residency":{"kind":"regions","codes":["us-east-1"]},"traffic":"steady","sla":"best_effort"}"#,
            Some("Anthropic"),
        ),
    ];
    let mut suggested = 0;
    for (text, first_provider) in cases {
        let (w, e) = one(text, day("2026-12-02"));
        let model = w.model();
        let models: Vec<(&str, &str)> = e
            .recommendation
            .alternatives
            .iter()
            .filter_map(|a| match a {
                Alternative::Model { model_id, why, .. } => Some((model_id.as_str(), why.as_str())),
                _ => None,
            })
            .collect();
        for (id, why) in &models {
            let m = catalog
                .model(&atlas_core::catalog::ids::ModelId::new(*id))
                .unwrap();
            assert_eq!(Task::of(m), Task::of(model), "{id}");
            assert!(
                model
                    .input_modalities
                    .iter()
                    .all(|i| m.input_modalities.contains(i)),
                "{id}"
            );
            assert!(!id.contains("embed") && !id.contains("rerank"), "{id}");
            assert!(why.contains("text and chat"), "{why}");
            suggested += 1;
        }
        if let (Some(provider), Some((id, why))) = (first_provider, models.first()) {
            assert!(id.starts_with("anthropic."), "{id}");
            assert!(why.starts_with(&format!("{provider} Claude")), "{why}");
        }
    }
    assert!(suggested > 0, "no model suggested at all");
}

/// A custom model is called unverified, with the AWS page on customized models.
#[test]
fn customization_is_unverified_and_linked() {
    let (_, e) = one(
        r#"{"name":"Tuned","model_id":"anthropic.claude-sonnet-4-5-20250929-v1:0","custom_model":true,"source_region":"us-east-1","residency":{"kind":"none"},"traffic":"steady","sla":"best_effort"}"#,
        day("2026-12-02"),
    );
    let warning = e
        .recommendation
        .warnings
        .iter()
        .find(|w| w.text.starts_with("Unverified"))
        .expect("the customization warning");
    assert_eq!(warning.source, Some(Cite::Customization));
    assert!(Cite::Customization
        .href()
        .ends_with("model-customization-use.html"));
}

/// Provisioned Throughput near and past end of life: urgent warning, no term past the date.
#[test]
fn provisioned_terms_never_run_past_end_of_life() {
    // Claude 3 Haiku: Legacy, end of life 2026-09-10, model units listed in ap-south-1.
    let text = r#"{"name":"Old","model_id":"anthropic.claude-3-haiku-20240307-v1:0","source_region":"ap-south-1","residency":{"kind":"none"},"traffic":"steady","sla":"guaranteed"}"#;
    // (today, terms offered, Provisioned Throughput chosen)
    let table = [
        (
            "2026-01-01",
            vec![Term::NoCommitment, Term::OneMonth, Term::SixMonths],
            true,
        ),
        ("2026-06-01", vec![Term::NoCommitment, Term::OneMonth], true),
        ("2026-08-22", vec![Term::NoCommitment], true),
        ("2026-09-10", vec![], false),
        ("2026-12-02", vec![], false),
    ];
    for (today, terms, chosen) in table {
        let (_, e) = one(text, day(today));
        let provisioned = e
            .recommendation
            .options
            .iter()
            .find(|o| o.kind == OptionKind::Provisioned)
            .unwrap();
        assert_eq!(provisioned.terms(), terms, "{today}");
        assert_eq!(
            e.recommendation.kind() == Some(OptionKind::Provisioned),
            chosen,
            "{today}"
        );
        let eol = e
            .recommendation
            .warnings
            .iter()
            .find(|w| w.text.contains("end of life"))
            .expect("an end-of-life warning");
        // Within 90 days of it, or past it, the warning is urgent and comes first.
        let urgent = day(today).days_until(day("2026-09-10")) <= 90;
        assert_eq!(eol.urgent, urgent, "{today}: {}", eol.text);
        if urgent {
            assert!(e.recommendation.warnings[0].urgent);
        }
        let billing = e
            .comparison
            .rows
            .iter()
            .find(|r| r.label == "How it is billed")
            .unwrap();
        let cell = billing.cells.last().unwrap().lines.join(" ");
        if !terms.contains(&Term::SixMonths) {
            assert!(!cell.contains("6-month"), "{today}: {cell}");
        }
    }
    // 19 days before end of life: no commitment only, and the warning says so.
    let (_, e) = one(text, day("2026-08-22"));
    let first = &e.recommendation.warnings[0];
    assert!(
        first.urgent && first.text.contains("in 19 days"),
        "{}",
        first.text
    );
    assert!(first.text.contains("buy no commitment"), "{}", first.text);
}

/// The global column is summarised by country with the full list one click away; options not
/// offered say so in every row.
#[test]
fn long_region_lists_are_summarised_and_not_offered_says_so() {
    let (_, e) = one(
        r#"{"name":"EU","model_id":"anthropic.claude-sonnet-4-5-20250929-v1:0","source_region":"eu-central-1","residency":{"kind":"geography","name":"EU"},"traffic":"spiky","sla":"best_effort"}"#,
        day("2026-12-02"),
    );
    let columns = &e.comparison.columns;
    let global = columns
        .iter()
        .position(|c| c.label == "Global profile")
        .unwrap();
    let processing = e
        .comparison
        .rows
        .iter()
        .find(|r| r.label == "Where the prompt may be processed")
        .unwrap();
    let cell = &processing.cells[global];
    // The catalog of 2026-10-27: 31 global destinations in 24 countries, of which 25 Regions in
    // 18 countries lie outside the EU.
    assert_eq!(
        cell.lines,
        [
            "31 Regions in 24 countries",
            "outside the obligation: 25 Regions in 18 countries"
        ]
    );
    assert_eq!(cell.more.len(), 31);
    let tallest = e
        .comparison
        .rows
        .iter()
        .flat_map(|r| &r.cells)
        .map(|c| c.lines.len())
        .max()
        .unwrap();
    assert!(tallest <= 8, "a cell of {tallest} lines");
    // Nova Pro has no global profile: every row but Eligible says "Not offered".
    let (_, e) = one(
        r#"{"name":"Batch","model_id":"amazon.nova-pro-v1:0","source_region":"us-east-1","residency":{"kind":"none"},"traffic":"high_volume","sla":"best_effort"}"#,
        day("2026-12-02"),
    );
    for row in e.comparison.rows.iter().skip(1) {
        assert_eq!(row.cells[0].lines, [NOT_OFFERED], "{}", row.label);
    }
}

/// The picker groups by provider, filters by what models do, tells same-named models apart and
/// marks Legacy.
#[test]
fn the_model_picker_groups_filters_and_tells_apart() {
    let catalog = real();
    let groups = model_groups(catalog, "claude haiku 4.5", Some(Task::Text), None);
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0].provider, "Anthropic");
    let labels: Vec<&str> = groups[0].models.iter().map(|m| m.label.as_str()).collect();
    assert_eq!(labels.len(), 2, "{labels:?}");
    assert_ne!(labels[0], labels[1]);
    assert!(labels.iter().all(|l| l.contains("accepts")), "{labels:?}");
    let text = model_groups(catalog, "", Some(Task::Text), None);
    let all: Vec<&ModelChoice> = text.iter().flat_map(|g| &g.models).collect();
    assert!(all.len() > 50);
    assert!(all
        .iter()
        .all(|m| !m.id.as_str().contains("embed") && !m.id.as_str().contains("rerank")));
    let providers: Vec<&str> = text.iter().map(|g| g.provider.as_str()).collect();
    let mut sorted = providers.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(providers, sorted, "one group per provider, in order");
    let embeddings = model_groups(catalog, "", Some(Task::Embeddings), None);
    assert!(embeddings
        .iter()
        .flat_map(|g| &g.models)
        .all(|m| m.id.as_str().contains("embed")));
    let legacy = model_groups(catalog, "sonnet 4.5", None, None);
    assert!(legacy[0].models[0].label.contains("Legacy"));
    // The chosen model stays listed whatever the filter.
    let kept = model_groups(
        catalog,
        "nova",
        None,
        Some(&atlas_core::catalog::ids::ModelId::new(SONNET_45)),
    );
    assert!(kept
        .iter()
        .flat_map(|g| &g.models)
        .any(|m| m.id.as_str() == SONNET_45));
}

/// "Processes only within EU" from eu-west-2: the area filter empties the list, because London
/// is in the United Kingdom; Europe has results; the Region page is offered.
#[test]
fn an_explorer_dead_end_names_its_filter_and_the_way_out() {
    use atlas_core::browse::dead_end::dead_end;
    use atlas_core::browse::explore::{Filter, Query};
    let catalog = real();
    let query = Query::from_query_string("from=eu-west-2&within=geo:EU");
    assert!(query.run(catalog).hits.is_empty());
    let end = dead_end(catalog, &query).expect("a dead end");
    assert_eq!(end.filter, Some(Filter::Within));
    assert!(
        end.explanation.contains("United Kingdom"),
        "{}",
        end.explanation
    );
    assert!(
        end.explanation.contains("outside European Union"),
        "{}",
        end.explanation
    );
    let (label, better) = end.suggestion.expect("a query with results");
    assert_eq!(label, "Processes only within Europe");
    assert!(!better.run(catalog).hits.is_empty());
    assert_eq!(end.region.as_ref().map(|r| r.as_str()), Some("eu-west-2"));
    // A query with results is no dead end.
    assert!(dead_end(catalog, &Query::from_query_string("from=eu-west-2")).is_none());
}

/// The insurer's five workloads (tests/fixtures/plans/insurer.json): a workload whose stated
/// requirement is unmet (guaranteed capacity without a guaranteed option) or whose call will fail
/// as planned (Fable 5.1 with the account's retention mode unknown) is never a green row, in the
/// Markdown summary, the HTML report or the JSON's warnings.
#[test]
fn the_insurer_plan_gives_no_green_row_for_an_unmet_requirement() {
    let catalog = real();
    let text = include_str!("../../../tests/fixtures/plans/insurer.json");
    let plan = Plan::parse(text, catalog).expect("plan");
    let evaluation = PlanEvaluation::of(catalog, &plan, day("2026-12-07"));
    let markdown = to_markdown(catalog, &evaluation);
    let html = atlas_core::output::plan_html::plan_html(catalog, &evaluation);
    let marks: Vec<(&str, &str)> = evaluation
        .workloads
        .iter()
        .map(|e| (e.workload.name(), e.summary.mark()))
        .collect();
    assert_eq!(
        marks,
        [
            ("Claims triage EU", "✓"),
            ("Underwriting Germany only", "✗"),
            ("Japan subsidiary chat", "✓"),
            ("US analytics batch", "⚠"),
            ("Frontier research assistant", "⚠"),
        ]
    );
    let batch = &evaluation.workloads[3];
    let urgent: Vec<&str> = batch
        .recommendation
        .warnings
        .iter()
        .filter(|w| w.urgent)
        .map(|w| w.text.as_str())
        .collect();
    assert!(urgent[0].contains("guaranteed capacity this workload requires is not met"));
    assert!(!urgent[0].contains("below"));
    for e in &evaluation.workloads {
        let row = markdown
            .lines()
            .find(|l| l.starts_with(&format!("| {} |", e.workload.name())))
            .expect("a row");
        assert!(row.contains(&format!("| {} ", e.summary.mark())), "{row}");
        assert!(
            html.contains(&format!("<td>{} ", e.summary.mark())),
            "{}",
            e.workload.name()
        );
    }
}

//! The plan's documents as downloads: Markdown (the same text as `atlas recommend --format
//! markdown`, one renderer in `output::report`) and CSV (one row per workload,
//! `output::plan_csv`, comma- or semicolon-separated), rendered from the page's evaluation when
//! asked for.

use crate::components::error_panel::ErrorPanel;
use crate::route::Route;
use crate::state::CatalogRef;
use atlas_core::catalog::Catalog;
use atlas_core::output::evaluation::PlanEvaluation;
use atlas_core::output::{plan_csv, report};
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`PlanExports`].
#[derive(Properties, PartialEq)]
pub struct PlanExportsProps {
    /// The catalog, for names and its as-of date.
    pub catalog: CatalogRef,
    /// The plan's evaluation: its workloads, in order, each with its recommendation.
    pub evaluation: Rc<PlanEvaluation<'static>>,
}

/// A document renderer: the plan's evaluation to text.
type Render = fn(&Catalog, &PlanEvaluation<'_>) -> String;

/// The export buttons.
#[component]
pub fn PlanExports(props: &PlanExportsProps) -> Html {
    let problem = use_state_eq(|| None::<String>);
    let download = |render: Render, filename: &'static str, mime: &'static str| {
        let (catalog, evaluation, problem) =
            (props.catalog, props.evaluation.clone(), problem.clone());
        Callback::from(move |_: MouseEvent| {
            let text = render(catalog.0, &evaluation);
            problem.set(crate::browser::download_text(filename, mime, &text).err());
        })
    };
    let markdown = download(report::to_markdown, "cris-atlas-plan.md", "text/markdown");
    let csv = download(plan_csv::plan_csv, "cris-atlas-plan.csv", "text/csv");
    let semicolon = download(
        plan_csv::plan_csv_semicolon,
        "cris-atlas-plan-semicolon.csv",
        "text/csv",
    );
    html! {
        <div class="toolbar no-print">
            <a class="button" href={Route::PlanReport.href()} data-testid="open-report">{ "Report: print or present" }</a>
            <button type="button" onclick={markdown} data-testid="export-markdown">{ "Download Markdown" }</button>
            <button type="button" onclick={csv} data-testid="export-csv">{ "Download CSV" }</button>
            <button type="button" onclick={semicolon} data-testid="export-csv-semicolon">{ "CSV with semicolons" }</button>
            if let Some(message) = &*problem {
                <ErrorPanel title="The file could not be downloaded" message={AttrValue::from(message.clone())} />
            }
        </div>
    }
}

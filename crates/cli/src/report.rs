//! `atlas report PLAN.json --format markdown|csv|csv-semicolon|html [--today DAY] [--base URL]`: the plan's
//! documents, rendered by the
//! domain code the app's export buttons use (Markdown, CSV), printed to stdout.

use atlas_core::output::evaluation::PlanEvaluation;
use atlas_core::output::{capacity, plan_csv, plan_html, report};
use atlas_core::plan::Limits;
use clap::{Args, ValueEnum};
use std::path::PathBuf;

/// `atlas report PLAN.json --format …`.
#[derive(Args)]
pub struct ReportArgs {
    /// The plan file (JSON, the format the app imports and exports).
    plan: PathBuf,
    /// The document.
    #[arg(long, value_enum)]
    format: ReportFormat,
    /// The day to judge end of life on (YYYY-MM-DD), as for `atlas recommend`. Today (UTC)
    /// when omitted.
    #[arg(long)]
    today: Option<String>,
    /// Where the site is published (`https://…/`): Markdown links this site's pages under it.
    /// Without it they are named in words (a relative link breaks outside the site).
    #[arg(long)]
    base: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
enum ReportFormat {
    /// The summary, each workload's comparison, reasons and warnings (as `atlas recommend
    /// --format markdown`).
    Markdown,
    /// One row per workload, for a spreadsheet.
    Csv,
    /// The same CSV with semicolons between fields (for spreadsheets set to decimal commas).
    CsvSemicolon,
    /// One self-contained HTML file to attach or print: inline CSS, no script.
    Html,
}

/// Runs `atlas report`.
pub fn run(args: &ReportArgs) -> Result<String, String> {
    let catalog = atlas_core::catalog::data::catalog().map_err(|e| e.to_string())?;
    let day = crate::files::judged_on(args.today.as_deref())?;
    let base = args.base.as_deref().map(report::site_base).transpose()?;
    let plan = crate::files::read_plan(&args.plan, catalog, Limits::CLI)?;
    let evaluation = PlanEvaluation::of(catalog, &plan, day);
    Ok(match args.format {
        ReportFormat::Markdown => report::to_markdown_at(catalog, &evaluation, base.as_deref()),
        ReportFormat::Csv => plan_csv::plan_csv(catalog, &evaluation),
        ReportFormat::CsvSemicolon => plan_csv::plan_csv_semicolon(catalog, &evaluation),
        ReportFormat::Html => plan_html::plan_html(catalog, &evaluation),
    })
}

/// `atlas capacity PLAN.json [--format json|markdown]`.
#[derive(Args)]
pub struct CapacityArgs {
    /// The plan file (JSON, the format the app imports and exports).
    plan: PathBuf,
    /// The output's format: JSON (the default) or Markdown.
    #[arg(long, value_enum, default_value_t = CapacityFormat::Json)]
    format: CapacityFormat,
    /// The day to judge end of life on (YYYY-MM-DD), as for `atlas recommend`. Today (UTC)
    /// when omitted.
    #[arg(long)]
    today: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
enum CapacityFormat {
    /// JSON, for tools.
    Json,
    /// Markdown, for a proposal.
    Markdown,
}

/// Runs `atlas capacity`: the pools the plan's peaks draw on and the Service Quotas commands.
pub fn capacity(args: &CapacityArgs) -> Result<String, String> {
    let catalog = atlas_core::catalog::data::catalog().map_err(|e| e.to_string())?;
    let day = crate::files::judged_on(args.today.as_deref())?;
    let plan = crate::files::read_plan(&args.plan, catalog, Limits::CLI)?;
    let evaluation = PlanEvaluation::of(catalog, &plan, day);
    let report = capacity::capacity_report(catalog, &evaluation);
    Ok(match args.format {
        CapacityFormat::Json => format!("{}\n", capacity::to_json(&report)),
        CapacityFormat::Markdown => capacity::to_markdown(&report, &evaluation),
    })
}

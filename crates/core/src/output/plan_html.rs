//! The plan as one self-contained HTML document to attach or print (`atlas report --format
//! html`): inline CSS, no script, nothing fetched. The content of the app's report page
//! (`plan/report/`) without its map: the summary (the same line per workload), then per
//! workload the comparison, reasons with sources, warnings and IAM resources, with the
//! catalog's as-of date and sources, and the line that it is decision support, not legal
//! advice. Print styles start each workload on a page and never split a table row.

use crate::catalog::Catalog;
use crate::output::evaluation::{PlanEvaluation, SummaryColumn, WorkloadEvaluation};
use crate::output::iam::option_permissions;

/// The line every copy of the report carries.
pub const NOT_LEGAL_ADVICE: &str = "Decision support, not legal advice: check the obligation's wording and the AWS documentation cited before relying on it.";

const STYLE: &str = "body{font:14px/1.45 system-ui,sans-serif;color:#1f2328;max-width:60rem;margin:1.5rem auto;padding:0 1rem}\
table{border-collapse:collapse;width:100%;margin:.75rem 0}th,td{border:1px solid #d0d7de;padding:.3rem .45rem;text-align:left;vertical-align:top}\
thead th{background:#f6f8fa}code{font-size:.9em;overflow-wrap:anywhere}.recommended{background:#e6f4ea}.note{color:#57606a}\
@page{margin:14mm}@media print{body{margin:0;max-width:none;font-size:11px}section.workload{break-before:page}tr,li{break-inside:avoid}thead{display:table-header-group}h2,h3{break-after:avoid}}";

/// Text as HTML: control characters dropped (see `csv::without_controls`), `&`, `<`, `>` and
/// quotes escaped.
pub fn escape(text: &str) -> String {
    crate::output::csv::without_controls(text)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// The report as one HTML file.
pub fn plan_html(catalog: &Catalog, evaluation: &PlanEvaluation<'_>) -> String {
    let as_of = escape(&catalog.meta.as_of);
    let title = escape(evaluation.header.title());
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <h1>{title}</h1>\n<p class=\"note\">Catalog as of {as_of}. {}</p>\n",
        escape(NOT_LEGAL_ADVICE)
    );
    let headings: String = SummaryColumn::ALL
        .iter()
        .map(|c| format!("<th>{}</th>", c.label()))
        .collect();
    out.push_str(&format!(
        "<table>\n<thead><tr>{headings}</tr></thead>\n<tbody>\n"
    ));
    for e in &evaluation.workloads {
        let cells: String = SummaryColumn::ALL
            .iter()
            .map(|c| summary_cell(catalog, e, *c))
            .collect();
        out.push_str(&format!("<tr>{cells}</tr>\n"));
    }
    out.push_str("</tbody>\n</table>\n");
    for (i, e) in evaluation.workloads.iter().enumerate() {
        out.push_str(&format!(
            "<section class=\"workload\">\n<h2>{}. {}</h2>\n",
            i + 1,
            escape(e.workload.name())
        ));
        workload_html(&mut out, e);
        out.push_str(&format!(
            "<p class=\"note\">Catalog as of {as_of}. {}</p>\n</section>\n",
            escape(NOT_LEGAL_ADVICE)
        ));
    }
    out.push_str("<section>\n<h2>Sources</h2>\n<ul>\n");
    for source in &catalog.meta.sources {
        out.push_str(&format!(
            "<li>{} ({}, as of {})</li>\n",
            escape(&source.title),
            escape(&source.url),
            escape(&source.as_of)
        ));
    }
    out.push_str("</ul>\n</section>\n</body>\n</html>\n");
    out
}

/// A workload's cell of the summary in HTML, its name as the row's heading.
fn summary_cell(catalog: &Catalog, e: &WorkloadEvaluation<'_>, column: SummaryColumn) -> String {
    let spec = e.workload.spec();
    let line = &e.summary;
    let text = match column {
        SummaryColumn::Workload => return format!("<th>{}</th>", escape(&spec.name)),
        SummaryColumn::Model => escape(&e.workload.model().name),
        SummaryColumn::Source => escape(spec.source_region.as_str()),
        SummaryColumn::Obligation => escape(&spec.residency.describe(catalog)),
        SummaryColumn::Recommended => format!(
            "{}{}",
            if line.compliant { "" } else { "✗ " },
            escape(&line.option)
        ),
        SummaryColumn::CallId => line.call_id.as_ref().map_or("—".to_owned(), |id| {
            format!("<code>{}</code>", escape(id))
        }),
        SummaryColumn::Residency => format!("{} {}", line.mark(), escape(&line.verdict)),
        SummaryColumn::Price => escape(line.price.as_deref().unwrap_or("—")),
        SummaryColumn::Warnings => escape(&line.warnings_label()),
    };
    format!("<td>{text}</td>")
}

/// One workload's comparison table, reasons, warnings and IAM resources.
fn workload_html(out: &mut String, evaluation: &WorkloadEvaluation<'_>) {
    let workload = &evaluation.workload;
    let table = &evaluation.comparison;
    out.push_str("<table>\n<thead><tr><th></th>");
    for c in &table.columns {
        let mark = if c.recommended { " (recommended)" } else { "" };
        out.push_str(&format!("<th>{}{mark}</th>", escape(&c.label)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &table.rows {
        out.push_str(&format!("<tr><th>{}</th>", escape(row.label)));
        for (i, c) in row.cells.iter().enumerate() {
            let class = if table.columns.get(i).is_some_and(|c| c.recommended) {
                " class=\"recommended\""
            } else {
                ""
            };
            let lines: Vec<String> = c.lines.iter().map(|l| escape(l)).collect();
            out.push_str(&format!("<td{class}>{}</td>", lines.join("<br>")));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    let rec = &evaluation.recommendation;
    if !rec.reasons.is_empty() {
        out.push_str("<h3>Why</h3>\n<ul>\n");
        for r in &rec.reasons {
            out.push_str(&format!(
                "<li>{} (source: {})</li>\n",
                escape(&r.text),
                escape(r.source.href())
            ));
        }
        out.push_str("</ul>\n");
    }
    if !rec.warnings.is_empty() {
        out.push_str("<h3>Warnings</h3>\n<ul>\n");
        for warning in &rec.warnings {
            let mark = if warning.urgent {
                "<strong>Urgent:</strong> "
            } else {
                ""
            };
            out.push_str(&format!("<li>{mark}{}</li>\n", escape(&warning.text)));
        }
        out.push_str("</ul>\n");
    }
    if let Some(chosen) = evaluation.chosen() {
        out.push_str("<h3>IAM permissions for the recommended option</h3>\n");
        for grant in option_permissions(workload, chosen) {
            out.push_str(&format!(
                "<p class=\"note\">Allow {} on ({}):</p>\n<ul class=\"resources\">\n",
                escape(&grant.actions.join(", ")),
                grant.purpose
            ));
            for resource in &grant.resources {
                out.push_str(&format!("<li><code>{}</code></li>\n", escape(resource)));
            }
            out.push_str("</ul>\n");
        }
    }
}

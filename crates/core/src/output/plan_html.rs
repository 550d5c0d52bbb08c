//! The plan as one self-contained HTML document to attach or print (`atlas report --format
//! html`): inline CSS, no script, nothing fetched. The content of the app's report page
//! (`plan/report/`) without its map: the summary (the same line per workload), then per
//! workload the comparison, reasons with sources, warnings and IAM resources, with the
//! catalog's as-of date and sources, and the line that it is decision support, not legal
//! advice. Print styles start each workload on a page and never split a table row.

use crate::catalog::Catalog;
use crate::output::evaluation::{PlanEvaluation, SummaryColumn, WorkloadEvaluation};
use crate::output::iam::option_permissions;
use crate::plan::PlanHeader;

/// The line every copy of the report carries.
pub const NOT_LEGAL_ADVICE: &str = "Decision support, not legal advice: check the obligation's wording and the AWS documentation cited before relying on it.";

const STYLE: &str = "body{font:14px/1.45 system-ui,sans-serif;color:#1f2328;max-width:60rem;margin:1.5rem auto;padding:0 1rem}\
table{border-collapse:collapse;width:100%;margin:.75rem 0}th,td{border:1px solid #d0d7de;padding:.3rem .45rem;text-align:left;vertical-align:top}\
thead th{background:#f6f8fa}code{font-size:.9em;overflow-wrap:anywhere}.recommended{background:#e6f4ea}.note{color:#57606a}\
@media print{body{margin:0;max-width:none;font-size:11px}table{table-layout:fixed}th,td,code{overflow-wrap:anywhere}section.workload{break-before:page}tr,li{break-inside:avoid}thead{display:table-header-group}h2,h3{break-after:avoid}}";

/// The cover's line of where the facts stand: `Catalog as of 2026-10-27; the plan was
/// reviewed against the catalog of 2026-09-01` or `…; the plan was not reviewed yet`.
pub fn review_line(catalog: &Catalog, header: &PlanHeader) -> String {
    let as_of = &catalog.meta.as_of;
    match &header.reviewed_against {
        Some(day) => {
            format!("Catalog as of {as_of}; the plan was reviewed against the catalog of {day}")
        }
        None => format!("Catalog as of {as_of}; the plan was not reviewed yet"),
    }
}

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
    let names: Vec<&str> = evaluation
        .workloads
        .iter()
        .map(|e| e.workload.name())
        .collect();
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>{STYLE}\n{}</style>\n</head>\n<body>\n\
         <h1>{title}</h1>\n<p class=\"note\">{}. {}</p>\n",
        page_rules(evaluation.header.title(), &catalog.meta.as_of, &names),
        escape(&review_line(catalog, &evaluation.header)),
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
        let n = i + 1;
        out.push_str(&format!(
            "<section class=\"workload\" data-page=\"workload-{n}\">\n<h2>{n}. {}</h2>\n",
            escape(e.workload.name())
        ));
        workload_html(&mut out, e);
        out.push_str(&format!(
            "<p class=\"note\">Catalog as of {as_of}. {}</p>\n</section>\n",
            escape(NOT_LEGAL_ADVICE)
        ));
    }
    out.push_str("<section data-page=\"sources\">\n<h2>Sources</h2>\n<ul>\n");
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

/// `text` as a CSS string: quoted, `\` and `"` escaped, control characters as spaces, and `<` as
/// an escape so no `</style>` can end the style element that holds it.
fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            c if c.is_control() => out.push(' '),
            '\\' | '"' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("\\3c "),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The running header and footer of a printed plan, as CSS page rules: at the top of every page
/// the plan's title and the catalog's date, at the foot the part of the plan (`Summary`, the
/// workload's name, `Appendix`, `Sources`) and `page N of M`. Each part is a named page (`page:` on the
/// element with `data-page="…"`), so a workload also starts a new page. Chromium (131 and later)
/// prints these page-margin boxes; a browser without them prints the pages without header and
/// footer.
pub fn page_rules(title: &str, as_of: &str, workloads: &[&str]) -> String {
    let small = "font:8pt system-ui,sans-serif;color:#57606a";
    let mut out = format!(
        "@page{{margin:16mm 12mm;\
         @top-left{{content:{};{small}}}\
         @top-right{{content:{};{small}}}\
         @bottom-left{{content:\"Summary\";{small}}}\
         @bottom-right{{content:\"page \" counter(page) \" of \" counter(pages);{small}}}}}\n",
        css_string(title),
        css_string(&format!("Catalog as of {as_of}")),
    );
    let parts = workloads
        .iter()
        .enumerate()
        .map(|(i, name)| (format!("workload-{}", i + 1), *name))
        .chain([
            ("appendix".to_owned(), "Appendix"),
            ("sources".to_owned(), "Sources"),
        ]);
    for (page, name) in parts {
        out.push_str(&format!(
            "@page {page}{{@bottom-left{{content:{};{small}}}}}\n\
             @media print{{[data-page=\"{page}\"]{{page:{page}}}}}\n",
            css_string(name)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_css_strings_that_cannot_escape() {
        // text, CSS string
        let cases = [
            ("Claims triage EU", r#""Claims triage EU""#),
            (r#"a "quoted" \ name"#, r#""a \"quoted\" \\ name""#),
            ("</style><script>", r#""\3c /style>\3c script>""#),
            ("two\nlines", r#""two lines""#),
        ];
        for (text, css) in cases {
            assert_eq!(css_string(text), css, "{text}");
        }
    }

    #[test]
    fn every_part_of_the_plan_is_a_named_page_with_its_footer() {
        let rules = page_rules("Insurer", "2026-10-27", &["Claims", "Japan"]);
        assert!(rules.starts_with("@page{margin:16mm 12mm;@top-left{content:\"Insurer\";"));
        assert!(rules.contains("@top-right{content:\"Catalog as of 2026-10-27\";"));
        assert!(rules
            .contains("@bottom-right{content:\"page \" counter(page) \" of \" counter(pages);"));
        for (page, name) in [
            ("workload-1", "Claims"),
            ("workload-2", "Japan"),
            ("sources", "Sources"),
        ] {
            assert!(
                rules.contains(&format!("@page {page}{{@bottom-left{{content:\"{name}\";")),
                "{page}"
            );
            assert!(
                rules.contains(&format!("[data-page=\"{page}\"]{{page:{page}}}")),
                "{page}"
            );
        }
        assert_eq!(rules.matches("@page ").count(), 4);
    }
}

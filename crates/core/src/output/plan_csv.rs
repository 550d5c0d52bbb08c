//! The plan as CSV for a spreadsheet: one row per workload and option, with the residency
//! verdict, whether it is eligible and recommended, the processing Regions, and the price and
//! monthly estimate where the catalog has them. Workload names are user text, so every cell
//! that a spreadsheet would run as a formula is neutralised.

use crate::catalog::Catalog;
use crate::engine::options::{regions_with_countries, Eligibility, OptionEval};
use crate::engine::Warning;
use crate::output::csv::csv_field;
use crate::output::evaluation::PlanEvaluation;
use crate::plan::money::{monthly, usd};
use crate::plan::Workload;

/// The header row's columns.
pub const COLUMNS: [&str; 17] = [
    "Workload",
    "Model",
    "Source Region",
    "Obligation",
    "Option",
    "ID to call",
    "Recommended",
    "Eligible",
    "Residency",
    "Organisation policy",
    "Processing Regions",
    "Input USD per million tokens",
    "Output USD per million tokens",
    "Monthly estimate USD",
    "Data retention",
    "Capacity at the peak",
    "Warnings",
];

/// A cell a spreadsheet reads as text: one that starts with `=`, `+`, `-`, `@`, a tab or a
/// carriage return would run as a formula, so it gets a leading `'` (OWASP, CSV injection).
pub fn spreadsheet_cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        csv_field(&format!("'{text}"))
    } else {
        csv_field(text)
    }
}

fn row(cells: &[String]) -> String {
    let cells: Vec<String> = cells.iter().map(|c| spreadsheet_cell(c)).collect();
    format!("{}\r\n", cells.join(","))
}

/// Where an option may process prompts, against the obligation.
fn residency_verdict(eligibility: &Eligibility) -> String {
    if !eligibility.is_offered() {
        return "not offered from the source Region".into();
    }
    match eligibility.violations() {
        [] => "within the obligation".into(),
        violations => format!(
            "outside the obligation: {}",
            regions_with_countries(violations)
        ),
    }
}

/// The plan's CSV: a header, then every option of every workload in plan order.
pub fn plan_csv(catalog: &Catalog, evaluation: &PlanEvaluation<'_>) -> String {
    let header: Vec<String> = COLUMNS.iter().map(|c| (*c).to_owned()).collect();
    let mut out = row(&header);
    for e in &evaluation.workloads {
        let spec = e.workload.spec();
        let chosen = e.recommendation.chosen;
        for (i, option) in e.recommendation.options.iter().enumerate() {
            let price = option.price.as_ref();
            let cost = price.zip(spec.tokens_per_month).map(|(p, t)| monthly(p, t));
            out.push_str(&row(&[
                spec.name.clone(),
                spec.model_id.to_string(),
                spec.source_region.to_string(),
                spec.residency.describe(catalog),
                option.label(),
                option.call_id().unwrap_or_default().to_owned(),
                if chosen == Some(i) { "yes" } else { "no" }.into(),
                option
                    .eligibility
                    .why_not()
                    .map_or_else(|| "yes".into(), |why| format!("no: {why}")),
                residency_verdict(&option.eligibility),
                option
                    .eligibility
                    .policy_problem()
                    .map_or_else(|| "allows it".into(), str::to_owned),
                option
                    .processing_regions
                    .iter()
                    .map(|r| r.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
                price.map(|p| plain(usd(p.input))).unwrap_or_default(),
                price.map(|p| plain(usd(p.output))).unwrap_or_default(),
                cost.map(plain).unwrap_or_default(),
                retention(catalog, &e.workload, option),
                match (spec.peak, e.recommendation.capacity_of(i)) {
                    (None, _) => "no peak given".into(),
                    (Some(_), Some(c)) => c.line(),
                    (Some(_), None) => String::new(),
                },
                if chosen == Some(i) || (chosen.is_none() && i == 0) {
                    warnings(&e.recommendation.warnings)
                } else {
                    String::new()
                },
            ]));
        }
    }
    out
}

/// What the model keeps through `option`, and where it would be stored.
fn retention(catalog: &Catalog, workload: &Workload<'_>, option: &OptionEval) -> String {
    if !option.eligibility.is_offered() {
        return String::new();
    }
    match catalog.retention_of(&workload.model().id) {
        None => "unknown: no data retention facts in this catalog".into(),
        Some(f) if !f.keeps_prompts() => "keeps nothing".into(),
        Some(f) => format!(
            "{}; stored where processed; needs mode {} or higher",
            f.summary(),
            f.minimum.key()
        ),
    }
}

/// The workload's warnings, urgent first, each with its severity: `urgent: …; notice: …`.
fn warnings(list: &[Warning]) -> String {
    list.iter()
        .map(|w| format!("{}: {}", w.severity(), w.text))
        .collect::<Vec<_>>()
        .join(" | ")
}

/// `$1,234.50` as `1234.50`, a number a spreadsheet reads.
fn plain(dollars: String) -> String {
    dollars.replace(['$', ','], "")
}

#[cfg(test)]
mod tests {
    use super::spreadsheet_cell;

    #[test]
    fn formulas_are_neutralised_and_fields_quoted() {
        // Columns: cell text, as written.
        let cases = [
            ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
            ("+1", "'+1"),
            ("-2", "'-2"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "\"'\tx\""),
            ("\rx", "\"'\rx\""),
            ("a, b", "\"a, b\""),
            ("Support chat", "Support chat"),
            ("a=b", "a=b"),
        ];
        for (text, written) in cases {
            assert_eq!(spreadsheet_cell(text), written, "{text:?}");
        }
    }
}

//! The plan as CSV for a spreadsheet: one row per workload, the recommendation as every other
//! view tells it (the option, the ID to call and its endpoint, the residency verdict, data
//! retention, prices and the monthly estimate, urgent warnings and notices), comma-separated or,
//! for spreadsheets whose locale writes decimal commas, semicolon-separated. Workload names are
//! user text, so every cell that a spreadsheet would run as a formula is neutralised.

use crate::catalog::tiers::Tier;
use crate::catalog::Catalog;
use crate::engine::options::{OptionEval, NO_ELIGIBLE_OPTION};
use crate::engine::Warning;
use crate::output::compare::ENDPOINT;
use crate::output::csv::field;
use crate::output::evaluation::PlanEvaluation;
use crate::plan::money::{monthly, usd};
use crate::plan::Workload;

/// The header row's columns.
pub const COLUMNS: [&str; 16] = [
    "Workload",
    "Model",
    "Source Region",
    "Obligation",
    "Recommended option",
    "Tier",
    "ID to call",
    "Endpoint",
    "Residency verdict",
    "Data retention",
    "Input USD per million tokens",
    "Output USD per million tokens",
    "Monthly estimate USD",
    "Capacity verdict",
    "Urgent warnings",
    "Notices",
];

/// A cell a spreadsheet reads as text: one that starts with `=`, `+`, `-`, `@`, a tab or a
/// carriage return would run as a formula, so it gets a leading `'` (OWASP, CSV injection).
pub fn spreadsheet_cell(text: &str) -> String {
    field(text, ',')
}

fn row(cells: &[String], separator: char) -> String {
    let cells: Vec<String> = cells.iter().map(|c| field(c, separator)).collect();
    format!("{}\r\n", cells.join(&separator.to_string()))
}

/// The plan's CSV, comma-separated: a header, then every workload in plan order.
pub fn plan_csv(catalog: &Catalog, evaluation: &PlanEvaluation<'_>) -> String {
    plan_csv_separated(catalog, evaluation, ',')
}

/// The plan's CSV with semicolons between fields (and decimal points kept, as numbers are
/// written everywhere else).
pub fn plan_csv_semicolon(catalog: &Catalog, evaluation: &PlanEvaluation<'_>) -> String {
    plan_csv_separated(catalog, evaluation, ';')
}

fn plan_csv_separated(catalog: &Catalog, evaluation: &PlanEvaluation<'_>, sep: char) -> String {
    let header: Vec<String> = COLUMNS.iter().map(|c| (*c).to_owned()).collect();
    let mut out = row(&header, sep);
    for e in &evaluation.workloads {
        let spec = e.workload.spec();
        let chosen = e.chosen();
        let tier = e.recommendation.tier;
        // The price of the tier recommended (Standard's is the option's own; Reserved has none).
        let price = chosen.and_then(|o| match tier {
            Some(Tier::Default) | None => o.price.as_ref(),
            Some(t) => o.tier(t).and_then(|t| t.price.as_ref()),
        });
        let cost = price.zip(spec.tokens_per_month).map(|(p, t)| monthly(p, t));
        let endpoint = e
            .chosen_facts()
            .into_iter()
            .find(|(label, _)| *label == ENDPOINT)
            .map(|(_, lines)| lines.join("; "))
            .unwrap_or_default();
        let warnings = &e.recommendation.warnings;
        // The chosen option's on-demand pool at the peak.
        let capacity = match (spec.peak, e.recommendation.chosen) {
            (None, _) => "no peak given".to_owned(),
            (Some(_), Some(i)) => e
                .recommendation
                .capacity_of(i)
                .map(|c| c.line())
                .unwrap_or_default(),
            (Some(_), None) => String::new(),
        };
        out.push_str(&row(
            &[
                spec.name.clone(),
                spec.model_id.to_string(),
                spec.source_region.to_string(),
                spec.residency.describe(catalog),
                chosen.map_or_else(|| NO_ELIGIBLE_OPTION.to_owned(), OptionEval::label),
                tier.map_or_else(String::new, |t| t.name().to_owned()),
                e.summary.call_id.clone().unwrap_or_default(),
                endpoint,
                e.summary.verdict.clone(),
                chosen.map_or_else(String::new, |o| retention(catalog, &e.workload, o)),
                price.map(|p| plain(usd(p.input))).unwrap_or_default(),
                price.map(|p| plain(usd(p.output))).unwrap_or_default(),
                cost.map(plain).unwrap_or_default(),
                capacity,
                texts(warnings.iter().filter(|w| w.urgent)),
                texts(warnings.iter().filter(|w| !w.urgent)),
            ],
            sep,
        ));
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

/// Warnings' texts, joined by ` | `.
fn texts<'a>(list: impl Iterator<Item = &'a Warning>) -> String {
    list.map(|w| w.text.as_str())
        .collect::<Vec<_>>()
        .join(" | ")
}

/// `$1,234.50` as `1234.50`, a number a spreadsheet reads.
fn plain(dollars: String) -> String {
    dollars.replace(['$', ','], "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_row_per_workload_comma_or_semicolon() {
        let catalog = crate::catalog::data::catalog().expect("catalog");
        let evaluation = crate::output::evaluation::insurer();
        let comma = plan_csv(catalog, &evaluation);
        let semicolon = plan_csv_semicolon(catalog, &evaluation);
        let rows: Vec<&str> = comma.split_terminator("\r\n").collect();
        assert_eq!(rows.len(), 6);
        assert_eq!(rows[0], COLUMNS.join(","));
        // The endpoint holds a comma, the verdict a semicolon: each is quoted where it is the
        // separator.
        assert!(rows[1].starts_with(
            "Claims triage EU,anthropic.claude-sonnet-4-5-20250929-v1:0,eu-central-1,\
             stay in European Union,Geographic (EU),Standard,eu.anthropic.claude-sonnet-4-5-20250929-v1:0,\
             \"bedrock-runtime: Converse, InvokeModel\",\
             Inside the obligation: processed only in 6 Regions in 6 countries; nothing kept,\
             keeps nothing,3.30,16.50,2640.00,no peak given,,\"Claude Sonnet 4.5 is legacy; end of life 2027-04-08. | "
        ), "{}", rows[1]);
        let rows: Vec<&str> = semicolon.split_terminator("\r\n").collect();
        assert_eq!(rows[0], COLUMNS.join(";"));
        assert!(rows[1].starts_with(
            "Claims triage EU;anthropic.claude-sonnet-4-5-20250929-v1:0;eu-central-1;\
             stay in European Union;Geographic (EU);Standard;eu.anthropic.claude-sonnet-4-5-20250929-v1:0;\
             bedrock-runtime: Converse, InvokeModel;\
             \"Inside the obligation: processed only in 6 Regions in 6 countries; nothing kept\";\
             keeps nothing;3.30;16.50;2640.00;no peak given;;\"Claude Sonnet 4.5 is legacy; end of life 2027-04-08. | "
        ), "{}", rows[1]);
        // Nothing recommended: no ID, the urgent warning in its column.
        let underwriting = comma.split("\r\n").nth(2).expect("row");
        assert!(
            underwriting.starts_with(
                "Underwriting Germany only,anthropic.claude-opus-5-5,eu-central-1,stay in Germany,\
             No eligible option,,,,No option inside the obligation,,,,,no peak given,Nothing is recommended"
            ),
            "{underwriting}"
        );
    }

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

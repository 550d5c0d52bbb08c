//! CSV for spreadsheets: RFC 4180 quoting, and the explorer's filtered list as one row per
//! model and way to call it.

use super::catalog::Catalog;
use super::explore::{Hit, Query, Way};
use super::ids::RegionCode;
use std::collections::BTreeSet;

/// Quotes a CSV field when it holds a comma, a quote or a line break (RFC 4180). A field that
/// a spreadsheet would take for a formula (starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return) gets a leading `'`, so `=HYPERLINK(…)` shows as text instead of running.
pub fn csv_field(text: &str) -> String {
    let neutral;
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        neutral = format!("'{text}");
        neutral.as_str()
    } else {
        text
    };
    if text.contains([',', '"', '\n', '\r', '\t']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

fn csv_row(fields: &[&str]) -> String {
    let cells: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
    format!("{}\r\n", cells.join(","))
}

/// The explorer's results as CSV: one row per model and way to call it, with the source Regions
/// that pass the filters and the Regions they may send the prompt to.
pub fn results_csv(catalog: &Catalog, query: &Query, hits: &[Hit<'_>]) -> String {
    let allowed = query.allowed(catalog);
    let mut out = csv_row(&[
        "provider",
        "model_name",
        "model_id",
        "lifecycle",
        "end_of_life",
        "option",
        "id_to_call",
        "source_regions",
        "destination_regions",
        "countries",
    ]);
    for hit in hits {
        let m = hit.model;
        let (lifecycle, eol) = (
            m.lifecycle.key(),
            m.lifecycle
                .end_of_life()
                .or(m.lifecycle.retired_on())
                .unwrap_or(""),
        );
        let base = [
            m.provider.as_str(),
            m.name.as_str(),
            m.id.as_str(),
            lifecycle,
            eol,
        ];
        if hit.ways.is_empty() {
            let mut row = base.to_vec();
            row.extend(["", "", "", "", ""]);
            out.push_str(&csv_row(&row));
        }
        for &way in &hit.ways {
            let option = way.label();
            let call_id = match way {
                Way::InRegion => m.id.as_str(),
                Way::Profile(p) => p.id.as_str(),
            };
            let routes = query.passing_routes(m, way, &allowed);
            let sources: Vec<&str> = routes.iter().map(|(s, _)| s.as_str()).collect();
            let dests: BTreeSet<&RegionCode> = routes.iter().flat_map(|(_, to)| *to).collect();
            let countries: BTreeSet<&str> =
                dests.iter().map(|d| catalog.country_name_of(d)).collect();
            let dests: Vec<&str> = dests.into_iter().map(RegionCode::as_str).collect();
            let countries: Vec<&str> = countries.into_iter().collect();
            let (sources, dests, countries) =
                (sources.join("; "), dests.join("; "), countries.join("; "));
            let mut row = base.to_vec();
            row.extend([
                option.as_str(),
                call_id,
                sources.as_str(),
                dests.as_str(),
                countries.as_str(),
            ]);
            out.push_str(&csv_row(&row));
        }
    }
    out
}

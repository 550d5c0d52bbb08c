//! The explorer's filtered list as CSV: one row per model and way to call it.

use crate::browse::explore::{Hit, Query, Way};
use crate::catalog::ids::RegionCode;
use crate::catalog::Catalog;
use crate::output::csv::csv_row;
use std::collections::BTreeSet;

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

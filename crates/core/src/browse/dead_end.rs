//! When the explorer's filters leave nothing: the filter that really empties the list (the one
//! whose removal alone brings results back), why, and the nearest query that has results. A
//! source Region outside the "processes only within" area is the common case: every way to
//! call a model from eu-west-2 processes at least in London, which is in the United Kingdom,
//! outside the EU; the nearest area that holds London and has results is Europe.

use crate::browse::explore::{Filter, Query};
use crate::catalog::ids::RegionCode;
use crate::catalog::order;
use crate::catalog::residency::Residency;
use crate::catalog::Catalog;

/// Why a query found nothing, and where to go instead.
#[derive(Debug, Clone, PartialEq)]
pub struct DeadEnd {
    /// The filter that empties the list: without it alone, there are results.
    pub filter: Option<Filter>,
    /// Why, in a sentence.
    pub explanation: String,
    /// The nearest query with results, and what it changes.
    pub suggestion: Option<(String, Query)>,
    /// The source Region of the "callable from" filter, whose page lists what it can call.
    pub region: Option<RegionCode>,
}

fn without(query: &Query, filter: Filter) -> Query {
    let mut q = query.clone();
    q.set(filter, "");
    q
}

fn has_results(catalog: &Catalog, query: &Query) -> bool {
    !query.run(catalog).hits.is_empty()
}

/// Why `query` (which found nothing) is a dead end; `None` if it has results.
pub fn dead_end(catalog: &Catalog, query: &Query) -> Option<DeadEnd> {
    if has_results(catalog, query) {
        return None;
    }
    // Area first: it is the filter a user most often sets too narrow.
    let order = [
        Filter::Within,
        Filter::From,
        Filter::Option,
        Filter::Provider,
        Filter::Lifecycle,
        Filter::Modality,
        Filter::Retention,
    ];
    let filter = order
        .into_iter()
        .filter(|f| !query.get(*f).is_empty())
        .find(|f| has_results(catalog, &without(query, *f)));
    let region = query.callable_from.clone();
    let source = region.as_ref().and_then(|r| catalog.region(r));
    let area = query.within.as_ref();
    let source_outside = match (source, area) {
        (Some(s), Some(a)) => a
            .allowed(catalog)
            .is_ok_and(|allowed| !allowed.contains(&s.code)),
        _ => false,
    };
    let explanation = match (source, area) {
        (Some(s), Some(a)) if source_outside => format!(
            "{} ({}) is in {}, outside {}: every way to call a model from it processes at least in {}, so nothing called from there processes only within {}.",
            s.code,
            s.name,
            catalog.country_name_of(&s.code),
            area_name(catalog, a),
            s.code,
            area_name(catalog, a)
        ),
        _ => match filter {
            Some(f) => format!("Without the {} filter there are results.", f.name()),
            None => "No single filter empties the list: several together do.".to_owned(),
        },
    };
    let suggestion = source
        .filter(|_| source_outside)
        .and_then(|s| nearest_area(catalog, query, &s.code));
    Some(DeadEnd {
        filter,
        explanation,
        suggestion,
        region,
    })
}

fn area_name(catalog: &Catalog, area: &Residency) -> String {
    area.describe(catalog)
        .strip_prefix("stay in ")
        .map(str::to_owned)
        .unwrap_or_else(|| area.describe(catalog))
}

/// The smallest geography holding the source Region's country with which the query has
/// results, as (`Processes only within Europe`, the query).
fn nearest_area(catalog: &Catalog, query: &Query, source: &RegionCode) -> Option<(String, Query)> {
    let country = &catalog.region(source)?.country;
    let mut areas: Vec<_> = catalog
        .geographies
        .iter()
        .filter(|g| g.countries.contains(country))
        .collect();
    order::sort_by_key(&mut areas, |g| (g.countries.len(), g.id.clone()));
    areas.into_iter().find_map(|g| {
        let mut q = query.clone();
        q.within = Some(Residency::Geography { name: g.id.clone() });
        has_results(catalog, &q).then(|| (format!("{} {}", Filter::Within.label(), g.name), q))
    })
}

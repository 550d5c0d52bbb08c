//! Every way the catalog can contradict itself: IDs listed twice, dangling Region, country,
//! model or source references, malformed profile IDs, impossible routes, and offers of retired
//! models. Each problem is one sentence naming what is wrong; an empty list means the catalog
//! can be trusted.

use crate::catalog::ids::SourceId;
use crate::catalog::index::{MAX_INPUT_MODALITIES, MAX_REGIONS};
use crate::catalog::order;
use crate::catalog::schema::Partition;
use crate::catalog::Catalog;
use std::collections::BTreeSet;
use std::fmt::Display;

/// Every inconsistency in `catalog`.
pub fn problems(catalog: &Catalog) -> Vec<String> {
    let mut problems = Vec::new();
    duplicates(
        &mut problems,
        "Region",
        catalog.regions.iter().map(|r| &r.code),
    );
    duplicates(
        &mut problems,
        "country",
        catalog.countries.iter().map(|c| &c.code),
    );
    duplicates(&mut problems, "model", catalog.models.iter().map(|m| &m.id));
    duplicates(
        &mut problems,
        "profile",
        catalog.profiles.iter().map(|p| &p.id),
    );
    duplicates(
        &mut problems,
        "geography",
        catalog.geographies.iter().map(|g| &g.id),
    );
    let mut modalities: Vec<&String> = catalog
        .models
        .iter()
        .flat_map(|m| &m.input_modalities)
        .collect();
    order::sort(&mut modalities);
    modalities.dedup();
    if modalities.len() > MAX_INPUT_MODALITIES {
        problems.push(format!(
            "{} input modalities: the catalog holds at most {MAX_INPUT_MODALITIES}",
            modalities.len()
        ));
    }
    if catalog.regions.len() > MAX_REGIONS {
        problems.push(format!(
            "{} Regions: the catalog holds at most {MAX_REGIONS}",
            catalog.regions.len()
        ));
    }
    regions_and_geographies(catalog, &mut problems);
    models(catalog, &mut problems);
    profiles(catalog, &mut problems);
    problems
}

/// IDs that appear more than once.
fn duplicates<'a, K: Ord + Display + 'a>(
    problems: &mut Vec<String>,
    what: &str,
    keys: impl Iterator<Item = &'a K>,
) {
    let mut seen = BTreeSet::new();
    for key in keys {
        if !seen.insert(key) {
            problems.push(format!("{what} {key} is listed twice"));
        }
    }
}

fn cites_unknown(catalog: &Catalog, source: &SourceId) -> bool {
    catalog.source(source).is_none()
}

fn regions_and_geographies(catalog: &Catalog, problems: &mut Vec<String>) {
    if cites_unknown(catalog, &catalog.regions_source) {
        problems.push(format!(
            "the Region table cites unknown source {}",
            catalog.regions_source
        ));
    }
    for r in &catalog.regions {
        if catalog.country(&r.country).is_none() {
            problems.push(format!(
                "Region {} is in unknown country {}",
                r.code, r.country
            ));
        }
        if !(-90.0..=90.0).contains(&r.lat) || !(-180.0..=180.0).contains(&r.lon) {
            problems.push(format!("Region {} has impossible coordinates", r.code));
        }
    }
    for g in &catalog.geographies {
        for c in &g.countries {
            if catalog.country(c).is_none() {
                problems.push(format!("geography {} names unknown country {c}", g.id));
            }
        }
    }
}

fn models(catalog: &Catalog, problems: &mut Vec<String>) {
    for m in &catalog.models {
        let cited = std::iter::once(&m.source)
            .chain(m.in_region.iter().flat_map(|o| &o.sources))
            .chain(
                m.in_region
                    .iter()
                    .filter_map(|o| o.price.as_ref().map(|p| &p.source)),
            )
            .chain(m.provisioned.iter().map(|u| &u.source));
        for source in cited {
            if cites_unknown(catalog, source) {
                problems.push(format!("model {} cites unknown source {source}", m.id));
            }
        }
        let offers = m.in_region.len() + m.provisioned.len() + m.offered_in.len();
        if m.is_retired() && offers > 0 {
            problems.push(format!("model {} is retired but still offered", m.id));
        }
        let units = m.provisioned.iter().flat_map(|u| &u.regions);
        for r in m.offered_in.iter().chain(m.in_region_codes()).chain(units) {
            if catalog.region(r).is_none() {
                problems.push(format!("model {} names unknown Region {r}", m.id));
            }
        }
    }
}

fn profiles(catalog: &Catalog, problems: &mut Vec<String>) {
    for p in &catalog.profiles {
        if cites_unknown(catalog, &p.source) {
            problems.push(format!(
                "profile {} cites unknown source {}",
                p.id, p.source
            ));
        }
        match catalog.model(&p.model) {
            None => problems.push(format!("profile {} serves unknown model {}", p.id, p.model)),
            Some(m) if m.is_retired() => {
                problems.push(format!("profile {} serves retired model {}", p.id, p.model))
            }
            Some(_) => {}
        }
        if let Some(price) = p
            .price
            .as_ref()
            .filter(|x| cites_unknown(catalog, &x.source))
        {
            problems.push(format!(
                "profile {} cites unknown source {}",
                p.id, price.source
            ));
        }
        if p.id.as_str() != format!("{}.{}", p.scope, p.model) {
            problems.push(format!(
                "profile {} is not named <scope>.<model> ({}.{})",
                p.id, p.scope, p.model
            ));
        }
        if p.routes.is_empty() {
            problems.push(format!("profile {} has no routes", p.id));
        }
        let mut seen = BTreeSet::new();
        for route in &p.routes {
            if route.from.is_empty() || route.to.is_empty() {
                problems.push(format!("profile {} has an empty route", p.id));
            }
            for s in &route.from {
                if !seen.insert(s) {
                    problems.push(format!("profile {} lists source {s} twice", p.id));
                }
            }
            for r in route.from.iter().chain(&route.to) {
                match catalog.region(r) {
                    None => problems.push(format!("profile {} names unknown Region {r}", p.id)),
                    Some(region)
                        if p.scope.is_global() && region.partition != Partition::Commercial =>
                    {
                        problems.push(format!(
                            "global profile {} routes to non-commercial Region {r}",
                            p.id
                        ))
                    }
                    Some(_) => {}
                }
            }
        }
    }
}

//! The profile page's data: a profile's routing per source Region with the traps it sets (data
//! leaving the caller's country, opt-in destinations, routes that vary by source), the IAM
//! resources and SCP Regions a route needs, and the routing as Markdown.

use crate::catalog::cite::Cite;
use crate::catalog::describe::{and_list, country_names, with_countries};
use crate::catalog::ids::RegionCode;
use crate::catalog::order;
use crate::catalog::schema::{Model, Profile, Region};
use crate::catalog::Catalog;
use crate::engine::options::OptionKind;
use crate::output::iam::{invoke_resources, Call};
use crate::output::markdown;
use std::collections::BTreeSet;
use std::fmt;

/// A trap a caller can fall into with a profile: computed from the routes, never from the prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trap {
    /// Called from `source`, some destinations lie outside the source Region's country.
    LeavesCountry {
        /// The source Region.
        source: RegionCode,
        /// The source Region's country.
        country: String,
        /// The destinations outside it, each as `code (country)`.
        outside: Vec<String>,
    },
    /// Some destinations are opt-in Regions, used even when the account has not opted in.
    OptInDestinations {
        /// Each as `code (country)`.
        regions: Vec<String>,
    },
    /// The source is an opt-in Region, which the account must enable to call from it.
    OptInSource {
        /// The source Region.
        source: RegionCode,
    },
    /// The destinations, over all source Regions, lie in several countries.
    SpansCountries {
        /// Their names, sorted.
        countries: Vec<String>,
    },
    /// Different source Regions route to different destinations.
    VariesBySource {
        /// How many different destination lists there are.
        routings: usize,
    },
}

impl Trap {
    /// The document that states the rule behind the warning.
    pub fn cite(&self) -> Cite {
        match self {
            Trap::LeavesCountry { .. } => Cite::GeographicCris,
            Trap::OptInDestinations { .. } | Trap::VariesBySource { .. } => Cite::ProfilesSupport,
            Trap::OptInSource { .. } => Cite::AwsRegions,
            Trap::SpansCountries { .. } => Cite::ProfilesSupport,
        }
    }

    /// A short machine name, such as `leaves-country`.
    pub fn kind(&self) -> &'static str {
        match self {
            Trap::LeavesCountry { .. } => "leaves-country",
            Trap::OptInDestinations { .. } => "opt-in-destinations",
            Trap::OptInSource { .. } => "opt-in-source",
            Trap::SpansCountries { .. } => "spans-countries",
            Trap::VariesBySource { .. } => "varies-by-source",
        }
    }
}

impl fmt::Display for Trap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Trap::LeavesCountry {
                source,
                country,
                outside,
            } => write!(
                f,
                "Called from {source}, data leaves {country}: prompts may be processed in {}.",
                and_list(outside)
            ),
            Trap::OptInDestinations { regions } => {
                write!(
                f,
                "Routes to the opt-in {} {} even if your account has not opted in; a model that \
                 keeps prompts (its model page says whether it does) stores them there.",
                if regions.len() == 1 { "Region" } else { "Regions" },
                and_list(regions)
            )
            }
            Trap::OptInSource { source } => write!(
                f,
                "{source} is an opt-in Region: enable it in your account before calling from it."
            ),
            Trap::SpansCountries { countries } => write!(
                f,
                "Spans {} countries: {}. A prefix is not a country.",
                countries.len(),
                and_list(countries)
            ),
            Trap::VariesBySource { routings } => write!(
                f,
                "Destinations depend on the source Region ({routings} different routings): check \
                 the source you will call from, never the prefix alone."
            ),
        }
    }
}

/// A destination Region with what a caller needs to know about it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Destination<'a> {
    /// The Region.
    pub region: &'a Region,
    /// Its country's name.
    pub country: &'a str,
}

/// Source Regions that share one list of destinations.
#[derive(Debug, Clone, PartialEq)]
pub struct RouteGroup<'a> {
    /// The source Regions, sorted.
    pub sources: Vec<&'a Region>,
    /// The destinations, in catalog order.
    pub destinations: Vec<Destination<'a>>,
    /// The destinations' countries, sorted.
    pub countries: Vec<&'a str>,
}

/// The profile called from one source Region.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceRouting<'a> {
    /// The source Region.
    pub source: &'a Region,
    /// Its country's name.
    pub source_country: &'a str,
    /// Where a prompt may be processed.
    pub destinations: Vec<Destination<'a>>,
    /// The destinations' country names, sorted.
    pub countries: Vec<&'a str>,
    /// The traps of calling from here.
    pub traps: Vec<Trap>,
    /// The resources to allow `bedrock:InvokeModel*` on.
    pub iam: Vec<String>,
    /// What service control policies must allow.
    pub scp: String,
}

/// Which source Region the page shows in detail.
#[derive(Debug, Clone, PartialEq)]
pub enum Selected<'a> {
    /// None chosen yet.
    Nothing,
    /// This one.
    Source(Box<SourceRouting<'a>>),
    /// The URL names a Region the profile cannot be called from.
    NotASource(RegionCode),
}

/// Everything the profile page shows.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileDetail<'a> {
    /// The profile.
    pub profile: &'a Profile,
    /// Its model.
    pub model: Option<&'a Model>,
    /// Every source Region, sorted by code.
    pub sources: Vec<&'a Region>,
    /// The routing, grouped by shared destinations, in the catalog's order.
    pub groups: Vec<RouteGroup<'a>>,
    /// Every country a prompt may be processed in, from any source, sorted.
    pub countries: Vec<&'a str>,
    /// Traps of the profile as a whole.
    pub traps: Vec<Trap>,
    /// The source Region shown in detail.
    pub selected: Selected<'a>,
}

fn destinations<'a>(catalog: &'a Catalog, regions: &'a [RegionCode]) -> Vec<Destination<'a>> {
    regions
        .iter()
        .filter_map(|r| catalog.region(r))
        .map(|region| Destination {
            region,
            country: catalog.country_name_of(&region.code),
        })
        .collect()
}

/// The profile seen from `source`, or `None` if it cannot be called from there.
pub fn source_routing<'a>(
    catalog: &'a Catalog,
    profile: &'a Profile,
    source: &RegionCode,
) -> Option<SourceRouting<'a>> {
    let to = profile.destinations_from(source)?;
    let source = catalog.region(source)?;
    let source_country = catalog.country_name_of(&source.code);
    let mut traps = Vec::new();
    if source.opt_in {
        traps.push(Trap::OptInSource {
            source: source.code.clone(),
        });
    }
    let outside: Vec<&RegionCode> = to
        .iter()
        .filter(|d| catalog.region(d).map(|r| &r.country) != Some(&source.country))
        .collect();
    if !outside.is_empty() {
        traps.push(Trap::LeavesCountry {
            source: source.code.clone(),
            country: source_country.to_owned(),
            outside: with_countries(catalog, &outside),
        });
    }
    let opt_in: Vec<&RegionCode> = to
        .iter()
        .filter(|d| catalog.region(d).is_some_and(|r| r.opt_in))
        .collect();
    if !opt_in.is_empty() {
        traps.push(Trap::OptInDestinations {
            regions: with_countries(catalog, &opt_in),
        });
    }
    let iam = invoke_resources(&Call {
        kind: OptionKind::of_scope(&profile.scope),
        call_id: profile.id.as_str(),
        model: &profile.model,
        source,
        processing: to,
    });
    let scp = if profile.scope.is_global() {
        format!(
            "Allow aws:RequestedRegion \"unspecified\" and {} (global routing is not checked \
             Region by Region).",
            source.code
        )
    } else {
        let mut regions: BTreeSet<&str> = to.iter().map(RegionCode::as_str).collect();
        regions.insert(source.code.as_str());
        let list: Vec<String> = regions.into_iter().map(str::to_owned).collect();
        format!(
            "Allow every destination Region in aws:RequestedRegion: {}. If one is denied, \
             requests fail.",
            and_list(&list)
        )
    };
    Some(SourceRouting {
        source,
        source_country,
        destinations: destinations(catalog, to),
        countries: country_names(catalog, to),
        traps,
        iam,
        scp,
    })
}

/// Builds the profile page's data, with `source` (from the URL) shown in detail.
pub fn profile_detail<'a>(
    catalog: &'a Catalog,
    profile: &'a Profile,
    source: Option<&RegionCode>,
) -> ProfileDetail<'a> {
    let sources: Vec<&'a Region> = profile
        .sources()
        .into_iter()
        .filter_map(|s| catalog.region(s))
        .collect();
    let groups: Vec<RouteGroup<'a>> = profile
        .routes
        .iter()
        .map(|route| {
            let mut from: Vec<&'a Region> = route
                .from
                .iter()
                .filter_map(|s| catalog.region(s))
                .collect();
            order::sort_by(&mut from, |a, b| a.code.cmp(&b.code));
            RouteGroup {
                sources: from,
                destinations: destinations(catalog, &route.to),
                countries: country_names(catalog, &route.to),
            }
        })
        .collect();
    let all: BTreeSet<&'a str> = profile
        .all_destinations()
        .into_iter()
        .map(|r| catalog.country_name_of(r))
        .collect();
    let countries: Vec<&'a str> = all.into_iter().collect();
    let mut traps = Vec::new();
    if countries.len() > 1 {
        traps.push(Trap::SpansCountries {
            countries: countries.iter().map(|c| (*c).to_owned()).collect(),
        });
    }
    let routings: BTreeSet<&[RegionCode]> =
        profile.routes.iter().map(|r| r.to.as_slice()).collect();
    if routings.len() > 1 {
        traps.push(Trap::VariesBySource {
            routings: routings.len(),
        });
    }
    let selected = match source {
        None => Selected::Nothing,
        Some(s) => match source_routing(catalog, profile, s) {
            Some(routing) => Selected::Source(Box::new(routing)),
            None => Selected::NotASource(s.clone()),
        },
    };
    ProfileDetail {
        profile,
        model: catalog.model(&profile.model),
        sources,
        groups,
        countries,
        traps,
        selected,
    }
}

/// The profile's routing as a Markdown table, one row per group of source Regions that share
/// destinations; opt-in destinations are marked.
pub fn routing_markdown(catalog: &Catalog, profile: &Profile) -> String {
    let detail = profile_detail(catalog, profile, None);
    let mut out = format!(
        "Routing of `{}` per source Region (CRIS Atlas catalog as of {}).\n\n\
         | Source Regions | Destination Regions | Countries |\n| --- | --- | --- |\n",
        profile.id, catalog.meta.as_of
    );
    for group in &detail.groups {
        let sources: Vec<&str> = group.sources.iter().map(|r| r.code.as_str()).collect();
        let destinations: Vec<String> = group
            .destinations
            .iter()
            .map(|d| {
                if d.region.opt_in {
                    format!("{} (opt-in)", d.region.code)
                } else {
                    d.region.code.to_string()
                }
            })
            .collect();
        out.push_str(&format!(
            "| {} | {} | {} |\n",
            markdown::cell(&sources.join(", ")),
            markdown::cell(&destinations.join(", ")),
            markdown::cell(&group.countries.join(", "))
        ));
    }
    out
}

/// The source Region a profile's page shows first: the first, by code, of the sources that
/// share the most common destination list (the profile's usual routing, not an exception such
/// as `us.` called from Canada).
pub fn default_source(profile: &Profile) -> Option<&RegionCode> {
    profile
        .routes
        .iter()
        .max_by(|a, b| a.from.len().cmp(&b.from.len()).then(b.from.cmp(&a.from)))
        .and_then(|route| route.from.iter().min())
}

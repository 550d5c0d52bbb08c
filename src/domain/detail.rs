//! The explorer's detail views as plain data: a model's matrix of every way to call it per source
//! Region, a profile's routing per source Region with the traps it sets and the IAM resources it
//! needs, what one Region can call, and the exports (a profile's routing as Markdown, the
//! filtered list as CSV). The pages only render what these functions return.

use super::catalog::{Catalog, Lifecycle, Model, Profile, Region};
use super::cite::Cite;
use super::compare::invoke_resources;
use super::engine::OptionKind;
use super::explore::{Hit, Query, Way};
use super::ids::RegionCode;
use std::collections::BTreeSet;
use std::fmt;

/// Sorted, unique country names of `regions`.
fn country_names<'a>(catalog: &'a Catalog, regions: &'a [RegionCode]) -> Vec<&'a str> {
    let set: BTreeSet<&str> = regions
        .iter()
        .map(|r| catalog.country_name_of(r.as_str()))
        .collect();
    set.into_iter().collect()
}

/// `a, b and c`.
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// `eu-west-1 (Ireland)` for each Region.
fn with_countries(catalog: &Catalog, regions: &[&RegionCode]) -> Vec<String> {
    regions
        .iter()
        .map(|r| format!("{r} ({})", catalog.country_name_of(r.as_str())))
        .collect()
}

// ---- Model matrix ----

/// One cell: where a prompt may be processed when calling this way from this source.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell<'a> {
    /// This way cannot be called from this source Region.
    NotOffered,
    /// The destination Regions, in catalog order.
    Offered(&'a [RegionCode]),
}

/// One row of a model's matrix: a source Region.
#[derive(Debug, Clone, PartialEq)]
pub struct MatrixRow<'a> {
    /// The source Region.
    pub source: &'a Region,
    /// One cell per column.
    pub cells: Vec<Cell<'a>>,
}

/// Every way to call a model, per source Region.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelMatrix<'a> {
    /// In-Region first, then geographic profiles by scope, then global.
    pub columns: Vec<Way<'a>>,
    /// Every Region from which some way exists, sorted by code.
    pub rows: Vec<MatrixRow<'a>>,
}

/// Builds the matrix of `model`: source Regions down, ways across.
pub fn model_matrix<'a>(catalog: &'a Catalog, model: &'a Model) -> ModelMatrix<'a> {
    let mut profiles: Vec<&'a Profile> = catalog.profiles_for(model.id.as_str()).collect();
    profiles.sort_by_key(|p| (p.scope.is_global(), p.scope.as_str()));
    let mut columns = vec![Way::InRegion];
    columns.extend(profiles.iter().map(|&p| Way::Profile(p)));
    let mut sources: BTreeSet<&str> = model.in_region.iter().map(RegionCode::as_str).collect();
    for p in &profiles {
        sources.extend(p.sources().into_iter().map(RegionCode::as_str));
    }
    let rows = sources
        .into_iter()
        .filter_map(|code| catalog.region(code))
        .map(|source| MatrixRow {
            source,
            cells: columns
                .iter()
                .map(|column| match column {
                    Way::InRegion => model
                        .in_region
                        .iter()
                        .find(|r| *r == &source.code)
                        .map_or(Cell::NotOffered, |r| Cell::Offered(std::slice::from_ref(r))),
                    Way::Profile(p) => p
                        .destinations_from(source.code.as_str())
                        .map_or(Cell::NotOffered, Cell::Offered),
                })
                .collect(),
        })
        .collect();
    ModelMatrix { columns, rows }
}

// ---- Profile detail ----

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
                "Routes to the opt-in {} {} even if your account has not opted in; prompts and \
                 results may be stored there for abuse detection.",
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
        .filter_map(|r| catalog.region(r.as_str()))
        .map(|region| Destination {
            region,
            country: catalog.country_name_of(region.code.as_str()),
        })
        .collect()
}

/// The profile seen from `source`, or `None` if it cannot be called from there.
pub fn source_routing<'a>(
    catalog: &'a Catalog,
    profile: &'a Profile,
    source: &str,
) -> Option<SourceRouting<'a>> {
    let to = profile.destinations_from(source)?;
    let source = catalog.region(source)?;
    let source_country = catalog.country_name_of(source.code.as_str());
    let mut traps = Vec::new();
    if source.opt_in {
        traps.push(Trap::OptInSource {
            source: source.code.clone(),
        });
    }
    let outside: Vec<&RegionCode> = to
        .iter()
        .filter(|d| catalog.region(d.as_str()).map(|r| &r.country) != Some(&source.country))
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
        .filter(|d| catalog.region(d.as_str()).is_some_and(|r| r.opt_in))
        .collect();
    if !opt_in.is_empty() {
        traps.push(Trap::OptInDestinations {
            regions: with_countries(catalog, &opt_in),
        });
    }
    let kind = if profile.scope.is_global() {
        OptionKind::Global
    } else {
        OptionKind::Geographic
    };
    let iam = invoke_resources(
        catalog,
        kind,
        profile.id.as_str(),
        source.code.as_str(),
        profile.model.as_str(),
        to,
    );
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
    source: Option<&str>,
) -> ProfileDetail<'a> {
    let sources: Vec<&'a Region> = profile
        .sources()
        .into_iter()
        .filter_map(|s| catalog.region(s.as_str()))
        .collect();
    let groups: Vec<RouteGroup<'a>> = profile
        .routes
        .iter()
        .map(|route| {
            let mut from: Vec<&'a Region> = route
                .from
                .iter()
                .filter_map(|s| catalog.region(s.as_str()))
                .collect();
            from.sort_by(|a, b| a.code.cmp(&b.code));
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
        .map(|r| catalog.country_name_of(r.as_str()))
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
            None => Selected::NotASource(RegionCode::new(s)),
        },
    };
    ProfileDetail {
        profile,
        model: catalog.model(profile.model.as_str()),
        sources,
        groups,
        countries,
        traps,
        selected,
    }
}

/// Escapes a Markdown table cell.
fn md_cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
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
            md_cell(&sources.join(", ")),
            md_cell(&destinations.join(", ")),
            md_cell(&group.countries.join(", "))
        ));
    }
    out
}

// ---- Region summary ----

/// A profile callable from a Region, with where it sends the prompt from there.
#[derive(Debug, Clone, PartialEq)]
pub struct Reach<'a> {
    /// The profile.
    pub profile: &'a Profile,
    /// Its model.
    pub model: &'a Model,
    /// The destinations from this Region.
    pub destinations: &'a [RegionCode],
    /// Their countries, sorted.
    pub countries: Vec<&'a str>,
    /// Some destination lies outside this Region's country.
    pub leaves_country: bool,
}

/// What can be called from one Region.
#[derive(Debug, Clone, PartialEq)]
pub struct RegionSummary<'a> {
    /// The Region.
    pub region: &'a Region,
    /// Its country's name.
    pub country: &'a str,
    /// Models callable on demand with the bare ID here, by provider and name.
    pub in_region: Vec<&'a Model>,
    /// Geographic profiles callable from here, by scope, then provider and name.
    pub geographic: Vec<Reach<'a>>,
    /// Global profiles callable from here, by provider and name.
    pub global: Vec<Reach<'a>>,
    /// Models with no on-demand way from here but Provisioned Throughput confirmed here.
    pub provisioned_only: Vec<&'a Model>,
    /// Models that cannot be called from here at all.
    pub unreachable: Vec<&'a Model>,
}

fn model_order(a: &Model, b: &Model) -> std::cmp::Ordering {
    (a.provider.as_str(), a.name.as_str(), a.id.as_str()).cmp(&(
        b.provider.as_str(),
        b.name.as_str(),
        b.id.as_str(),
    ))
}

/// Builds the Region page's data.
pub fn region_summary<'a>(catalog: &'a Catalog, region: &'a Region) -> RegionSummary<'a> {
    let code = region.code.as_str();
    let mut in_region = Vec::new();
    let mut geographic = Vec::new();
    let mut global = Vec::new();
    let mut provisioned_only = Vec::new();
    let mut unreachable = Vec::new();
    for model in &catalog.models {
        let here = model.callable_in_region(code);
        if here {
            in_region.push(model);
        }
        let mut any_profile = false;
        for profile in catalog.profiles_for(model.id.as_str()) {
            let Some(destinations) = profile.destinations_from(code) else {
                continue;
            };
            any_profile = true;
            let reach = Reach {
                profile,
                model,
                destinations,
                countries: country_names(catalog, destinations),
                leaves_country: destinations.iter().any(|d| {
                    catalog.region(d.as_str()).map(|r| &r.country) != Some(&region.country)
                }),
            };
            if profile.scope.is_global() {
                global.push(reach);
            } else {
                geographic.push(reach);
            }
        }
        if !here && !any_profile {
            if model.provisioned.iter().any(|r| r.as_str() == code) {
                provisioned_only.push(model);
            } else {
                unreachable.push(model);
            }
        }
    }
    in_region.sort_by(|a, b| model_order(a, b));
    provisioned_only.sort_by(|a, b| model_order(a, b));
    unreachable.sort_by(|a, b| model_order(a, b));
    geographic.sort_by(|a, b| {
        a.profile
            .scope
            .cmp(&b.profile.scope)
            .then_with(|| model_order(a.model, b.model))
    });
    global.sort_by(|a, b| model_order(a.model, b.model));
    RegionSummary {
        region,
        country: catalog.country_name_of(code),
        in_region,
        geographic,
        global,
        provisioned_only,
        unreachable,
    }
}

// ---- CSV of the filtered list ----

/// Quotes a CSV field when it holds a comma, a quote or a line break (RFC 4180).
pub fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
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
        let (lifecycle, eol) = match &m.lifecycle {
            Lifecycle::Active => ("active", ""),
            Lifecycle::Legacy { end_of_life } => ("legacy", end_of_life.as_deref().unwrap_or("")),
        };
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
            let (option, call_id) = match way {
                Way::InRegion => ("In-Region".to_owned(), m.id.as_str()),
                Way::Profile(p) if p.scope.is_global() => ("Global".to_owned(), p.id.as_str()),
                Way::Profile(p) => (format!("{} geographic", p.scope.label()), p.id.as_str()),
            };
            let routes = query.passing_routes(m, way, &allowed);
            let sources: Vec<&str> = routes.iter().map(|(s, _)| s.as_str()).collect();
            let dests: BTreeSet<&RegionCode> = routes.iter().flat_map(|(_, to)| *to).collect();
            let countries: BTreeSet<&str> = dests
                .iter()
                .map(|d| catalog.country_name_of(d.as_str()))
                .collect();
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

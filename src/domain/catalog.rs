//! The catalog of Regions, countries, geographies, models and inference profiles: its types, its
//! parsing from the JSON files in `data/`, and the validation that keeps every reference honest.

use super::ids::{CountryCode, GeographyId, ModelId, ProfileId, RegionCode, Scope, SourceId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

/// An AWS partition. Global profiles only ever route within the commercial one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Partition {
    /// The commercial partition.
    #[serde(rename = "aws")]
    Commercial,
    /// AWS GovCloud (US).
    #[serde(rename = "aws-us-gov")]
    GovCloud,
}

/// One AWS Region.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    /// The Region code.
    pub code: RegionCode,
    /// The AWS name, such as `Europe (Frankfurt)`.
    pub name: String,
    /// The partition it belongs to.
    pub partition: Partition,
    /// The country (or territory) it is in.
    pub country: CountryCode,
    /// Whether an account must opt in before using it directly.
    pub opt_in: bool,
    /// Approximate latitude of the Region's metro area, in degrees.
    pub lat: f64,
    /// Approximate longitude of the Region's metro area, in degrees.
    pub lon: f64,
}

/// A country or territory that hosts a Region or belongs to a geography.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code.
    pub code: CountryCode,
    /// English short name.
    pub name: String,
}

/// A named group of countries that a residency obligation can refer to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Geography {
    /// Identifier used in plan files, such as `EU`.
    pub id: GeographyId,
    /// Display name.
    pub name: String,
    /// One sentence on what it contains.
    pub description: String,
    /// Member countries.
    pub countries: Vec<CountryCode>,
    /// Where the membership comes from (URL).
    pub source: String,
}

/// Where a model stands in its lifecycle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "lowercase", deny_unknown_fields)]
pub enum Lifecycle {
    /// Fully supported.
    Active,
    /// Still callable for now; AWS has announced or will announce its end of life.
    Legacy {
        /// End-of-life date (`YYYY-MM-DD`) when known.
        end_of_life: Option<String>,
    },
}

impl Lifecycle {
    /// Whether the model is legacy.
    pub fn is_legacy(&self) -> bool {
        matches!(self, Lifecycle::Legacy { .. })
    }
}

/// A foundation model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Model {
    /// The bare model ID.
    pub id: ModelId,
    /// Display name, such as `Claude Sonnet 4.5`.
    pub name: String,
    /// Provider display name, such as `Anthropic`.
    pub provider: String,
    /// Lifecycle status.
    pub lifecycle: Lifecycle,
    /// Input modalities (`TEXT`, `IMAGE`, ...).
    pub input_modalities: Vec<String>,
    /// Output modalities.
    pub output_modalities: Vec<String>,
    /// Every Region where the model is listed, whichever way it is called.
    pub offered_in: Vec<RegionCode>,
    /// Regions where the bare model ID can be called on demand.
    pub in_region: Vec<RegionCode>,
    /// Regions where the catalog confirms Provisioned Throughput.
    pub provisioned: Vec<RegionCode>,
    /// Customization methods the model supports.
    pub customizations: Vec<String>,
    /// Whether response streaming is supported.
    pub streaming: bool,
    /// Provenance source.
    pub source: SourceId,
    /// Date the source last changed this entry.
    pub as_of: String,
}

impl Model {
    /// Whether the bare ID can be called on demand in `region`.
    pub fn callable_in_region(&self, region: &str) -> bool {
        self.in_region.iter().any(|r| r.as_str() == region)
    }
}

/// A set of source Regions that share one list of destination Regions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Route {
    /// Source Regions: where the caller sends the request.
    pub from: Vec<RegionCode>,
    /// Destination Regions: where Bedrock may process it.
    pub to: Vec<RegionCode>,
}

/// A system-defined cross-Region inference profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// `<scope>.<model id>`.
    pub id: ProfileId,
    /// `global` or the geographic prefix.
    pub scope: Scope,
    /// The model it serves.
    pub model: ModelId,
    /// Routing per source Region.
    pub routes: Vec<Route>,
    /// Provenance source.
    pub source: SourceId,
    /// Date the source last changed this entry.
    pub as_of: String,
}

impl Profile {
    /// The destinations when called from `source`, or `None` if it cannot be called from there.
    pub fn destinations_from(&self, source: &str) -> Option<&[RegionCode]> {
        self.routes
            .iter()
            .find(|r| r.from.iter().any(|s| s.as_str() == source))
            .map(|r| r.to.as_slice())
    }

    /// Every source Region, sorted.
    pub fn sources(&self) -> Vec<&RegionCode> {
        let mut all: Vec<&RegionCode> = self.routes.iter().flat_map(|r| &r.from).collect();
        all.sort();
        all
    }

    /// Every destination Region from any source, sorted and unique.
    pub fn all_destinations(&self) -> BTreeSet<&RegionCode> {
        self.routes.iter().flat_map(|r| &r.to).collect()
    }
}

/// A source of facts, cited by models and profiles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Identifier cited by entries.
    pub id: SourceId,
    /// Title.
    pub title: String,
    /// Where to read it.
    pub url: String,
    /// Commit, for repositories.
    pub commit: Option<String>,
    /// As-of date of the copy used.
    pub as_of: String,
    /// What facts come from it.
    pub covers: String,
}

/// Two sources that say different things, and what the catalog uses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Disagreement {
    /// What they disagree on (a model, profile or Region).
    pub subject: String,
    /// The sources involved.
    pub sources: Vec<SourceId>,
    /// What each says.
    pub detail: String,
    /// What the catalog uses and why.
    pub resolution: String,
}

/// Catalog-wide provenance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// As-of date of the catalog as a whole.
    pub as_of: String,
    /// Every source used.
    pub sources: Vec<Source>,
    /// Recorded disagreements between sources.
    pub disagreements: Vec<Disagreement>,
    /// Facts known to be missing.
    pub gaps: Vec<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RegionsFile {
    source: SourceId,
    regions: Vec<Region>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct GeographiesFile {
    countries: Vec<Country>,
    geographies: Vec<Geography>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ModelsFile {
    models: Vec<Model>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProfilesFile {
    profiles: Vec<Profile>,
}

/// The catalog written back as the text of its files, pretty-printed and sorted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnedCatalogFiles {
    /// `data/meta.json`.
    pub meta: String,
    /// `data/regions.json`.
    pub regions: String,
    /// `data/geographies.json`.
    pub geographies: String,
    /// `data/models.json`.
    pub models: String,
    /// `data/profiles.json`.
    pub profiles: String,
}

fn pretty<T: Serialize>(value: &T) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

/// FNV-1a: lookups by short ID strings are on the engine's hot path, and SipHash's protection
/// against hostile keys buys nothing for a catalog embedded in the build.
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for byte in bytes {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}

/// A set of the catalog's Regions as bits, by position in the sorted Region list: the engine's
/// eligibility checks become a few bit operations. The catalog holds at most 128 Regions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RegionSet(pub u128);

impl RegionSet {
    /// Every Region.
    pub const ALL: RegionSet = RegionSet(u128::MAX);

    /// Whether every member of `self` is in `other`.
    pub fn is_subset(self, other: RegionSet) -> bool {
        self.0 & !other.0 == 0
    }

    /// Whether the two sets share a Region.
    pub fn intersects(self, other: RegionSet) -> bool {
        self.0 & other.0 != 0
    }
}

/// The most Regions a catalog may hold (the width of [`RegionSet`]).
pub const MAX_REGIONS: usize = 128;

/// A hash map keyed by catalog IDs.
pub type HashMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<Fnv>>;

/// The raw text of the catalog's files.
#[derive(Debug, Clone, Copy)]
pub struct CatalogFiles<'a> {
    /// `data/meta.json`.
    pub meta: &'a str,
    /// `data/regions.json`.
    pub regions: &'a str,
    /// `data/geographies.json`.
    pub geographies: &'a str,
    /// `data/models.json`.
    pub models: &'a str,
    /// `data/profiles.json`.
    pub profiles: &'a str,
}

/// Why the catalog could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CatalogError {
    /// A file is not valid JSON of the expected shape.
    Parse {
        /// Which file.
        file: &'static str,
        /// The parser's message, with line and column.
        message: String,
    },
    /// The files parse but contradict each other.
    Invalid(Vec<String>),
}

impl fmt::Display for CatalogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CatalogError::Parse { file, message } => write!(f, "{file}: {message}"),
            CatalogError::Invalid(problems) => {
                write!(f, "the catalog is inconsistent: {}", problems.join("; "))
            }
        }
    }
}

impl std::error::Error for CatalogError {}

/// The whole catalog, validated, with lookups by ID.
#[derive(Debug, Clone)]
pub struct Catalog {
    /// Provenance.
    pub meta: Meta,
    /// Source of the Region table.
    pub regions_source: SourceId,
    /// Regions, sorted by code.
    pub regions: Vec<Region>,
    /// Countries, sorted by code.
    pub countries: Vec<Country>,
    /// Geographies.
    pub geographies: Vec<Geography>,
    /// Models, sorted by ID.
    pub models: Vec<Model>,
    /// Profiles, sorted by ID.
    pub profiles: Vec<Profile>,
    region_index: HashMap<RegionCode, usize>,
    country_index: HashMap<CountryCode, usize>,
    model_index: HashMap<ModelId, usize>,
    profile_index: HashMap<ProfileId, usize>,
    profiles_by_model: HashMap<ModelId, Vec<usize>>,
    in_region_sets: Vec<RegionSet>,
    model_profiles: Vec<Vec<usize>>,
    model_providers: Vec<usize>,
    nearest: Vec<Vec<usize>>,
    route_sets: Vec<Vec<(RegionSet, RegionSet)>>,
    distances_km: Vec<f64>,
}

fn parse<'de, T: Deserialize<'de>>(file: &'static str, text: &'de str) -> Result<T, CatalogError> {
    serde_json::from_str(text).map_err(|e| CatalogError::Parse {
        file,
        message: e.to_string(),
    })
}

fn index_by<T, K: std::hash::Hash + Eq + Clone + fmt::Display>(
    items: &[T],
    key: impl Fn(&T) -> &K,
    what: &str,
    problems: &mut Vec<String>,
) -> HashMap<K, usize> {
    let mut index = HashMap::with_capacity_and_hasher(items.len(), Default::default());
    for (i, item) in items.iter().enumerate() {
        if index.insert(key(item).clone(), i).is_some() {
            problems.push(format!("{what} {} is listed twice", key(item)));
        }
    }
    index
}

impl Catalog {
    /// Parses and validates the catalog files.
    pub fn from_files(files: CatalogFiles<'_>) -> Result<Catalog, CatalogError> {
        let meta: Meta = parse("meta.json", files.meta)?;
        let regions: RegionsFile = parse("regions.json", files.regions)?;
        let geographies: GeographiesFile = parse("geographies.json", files.geographies)?;
        let models: ModelsFile = parse("models.json", files.models)?;
        let profiles: ProfilesFile = parse("profiles.json", files.profiles)?;
        Catalog::new(
            meta,
            regions.source,
            regions.regions,
            geographies.countries,
            geographies.geographies,
            models.models,
            profiles.profiles,
        )
    }

    /// Builds a catalog from its parts, sorting and indexing them, and validates it.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        meta: Meta,
        regions_source: SourceId,
        mut regions: Vec<Region>,
        mut countries: Vec<Country>,
        geographies: Vec<Geography>,
        mut models: Vec<Model>,
        mut profiles: Vec<Profile>,
    ) -> Result<Catalog, CatalogError> {
        regions.sort_by(|a, b| a.code.cmp(&b.code));
        countries.sort_by(|a, b| a.code.cmp(&b.code));
        models.sort_by(|a, b| a.id.cmp(&b.id));
        profiles.sort_by(|a, b| a.id.cmp(&b.id));
        let mut problems = Vec::new();
        let region_index = index_by(&regions, |r| &r.code, "Region", &mut problems);
        let country_index = index_by(&countries, |c| &c.code, "country", &mut problems);
        let model_index = index_by(&models, |m| &m.id, "model", &mut problems);
        let profile_index = index_by(&profiles, |p| &p.id, "profile", &mut problems);
        let mut profiles_by_model: HashMap<ModelId, Vec<usize>> = HashMap::default();
        for (i, p) in profiles.iter().enumerate() {
            profiles_by_model
                .entry(p.model.clone())
                .or_default()
                .push(i);
        }
        if regions.len() > MAX_REGIONS {
            problems.push(format!(
                "{} Regions: the catalog holds at most {MAX_REGIONS}",
                regions.len()
            ));
        }
        let mut catalog = Catalog {
            meta,
            regions_source,
            regions,
            countries,
            geographies,
            models,
            profiles,
            region_index,
            country_index,
            model_index,
            profile_index,
            profiles_by_model,
            in_region_sets: Vec::new(),
            model_profiles: Vec::new(),
            model_providers: Vec::new(),
            nearest: Vec::new(),
            route_sets: Vec::new(),
            distances_km: Vec::new(),
        };
        catalog.in_region_sets = catalog
            .models
            .iter()
            .map(|m| catalog.region_set(m.in_region.iter().map(RegionCode::as_str)))
            .collect();
        catalog.model_profiles = catalog
            .models
            .iter()
            .map(|m| {
                catalog
                    .profiles_by_model
                    .get(&m.id)
                    .cloned()
                    .unwrap_or_default()
            })
            .collect();
        catalog.route_sets = catalog
            .profiles
            .iter()
            .map(|p| {
                p.routes
                    .iter()
                    .map(|r| {
                        (
                            catalog.region_set(r.from.iter().map(RegionCode::as_str)),
                            catalog.region_set(r.to.iter().map(RegionCode::as_str)),
                        )
                    })
                    .collect()
            })
            .collect();
        catalog.distances_km = catalog
            .regions
            .iter()
            .flat_map(|a| {
                catalog
                    .regions
                    .iter()
                    .map(move |b| super::geo::great_circle_km(a.lat, a.lon, b.lat, b.lon))
            })
            .collect();
        let providers = catalog.providers();
        catalog.model_providers = catalog
            .models
            .iter()
            .map(|m| providers.iter().position(|p| *p == m.provider).unwrap_or(0))
            .collect();
        let n = catalog.regions.len();
        catalog.nearest = (0..n)
            .map(|from| {
                let mut order: Vec<usize> = (0..n).filter(|&to| to != from).collect();
                order.sort_by(|&a, &b| {
                    catalog.distances_km[from * n + a]
                        .total_cmp(&catalog.distances_km[from * n + b])
                });
                order
            })
            .collect();
        problems.extend(catalog.problems());
        if problems.is_empty() {
            Ok(catalog)
        } else {
            Err(CatalogError::Invalid(problems))
        }
    }

    /// Every inconsistency: dangling references, malformed IDs, impossible routes.
    fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let sources: BTreeSet<&str> = self.meta.sources.iter().map(|s| s.id.as_str()).collect();
        let cite = |what: &str, source: &SourceId, problems: &mut Vec<String>| {
            if !sources.contains(source.as_str()) {
                problems.push(format!("{what} cites unknown source {source}"));
            }
        };
        cite("the Region table", &self.regions_source, &mut problems);
        for r in &self.regions {
            if self.country(r.country.as_str()).is_none() {
                problems.push(format!(
                    "Region {} is in unknown country {}",
                    r.code, r.country
                ));
            }
            if !(-90.0..=90.0).contains(&r.lat) || !(-180.0..=180.0).contains(&r.lon) {
                problems.push(format!("Region {} has impossible coordinates", r.code));
            }
        }
        let mut geo_ids = BTreeSet::new();
        for g in &self.geographies {
            if !geo_ids.insert(g.id.as_str()) {
                problems.push(format!("geography {} is listed twice", g.id));
            }
            for c in &g.countries {
                if self.country(c.as_str()).is_none() {
                    problems.push(format!("geography {} names unknown country {c}", g.id));
                }
            }
        }
        for m in &self.models {
            cite(&format!("model {}", m.id), &m.source, &mut problems);
            for r in m
                .offered_in
                .iter()
                .chain(&m.in_region)
                .chain(&m.provisioned)
            {
                if self.region(r.as_str()).is_none() {
                    problems.push(format!("model {} names unknown Region {r}", m.id));
                }
            }
        }
        for p in &self.profiles {
            cite(&format!("profile {}", p.id), &p.source, &mut problems);
            if self.model(p.model.as_str()).is_none() {
                problems.push(format!("profile {} serves unknown model {}", p.id, p.model));
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
                    if !seen.insert(s.as_str()) {
                        problems.push(format!("profile {} lists source {s} twice", p.id));
                    }
                }
                for r in route.from.iter().chain(&route.to) {
                    match self.region(r.as_str()) {
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
        problems
    }

    /// The catalog as the text of its files, for the maintainers' refresh path.
    pub fn to_files(&self) -> OwnedCatalogFiles {
        OwnedCatalogFiles {
            meta: pretty(&self.meta),
            regions: pretty(&RegionsFile {
                source: self.regions_source.clone(),
                regions: self.regions.clone(),
            }),
            geographies: pretty(&GeographiesFile {
                countries: self.countries.clone(),
                geographies: self.geographies.clone(),
            }),
            models: pretty(&ModelsFile {
                models: self.models.clone(),
            }),
            profiles: pretty(&ProfilesFile {
                profiles: self.profiles.clone(),
            }),
        }
    }

    /// The set holding one Region; empty for an unknown code or past [`MAX_REGIONS`].
    pub fn region_bit(&self, code: &str) -> RegionSet {
        match self.region_index.get(code) {
            Some(&i) if i < MAX_REGIONS => RegionSet(1 << i),
            _ => RegionSet::default(),
        }
    }

    /// The set of the given Regions (unknown codes are left out).
    pub fn region_set<'a>(&self, codes: impl IntoIterator<Item = &'a str>) -> RegionSet {
        RegionSet(
            codes
                .into_iter()
                .fold(0, |set, c| set | self.region_bit(c).0),
        )
    }

    /// A Region's position in [`Catalog::regions`].
    pub fn region_position(&self, code: &str) -> Option<usize> {
        self.region_index.get(code).copied()
    }

    /// The positions of the other Regions, nearest first (ties by code), from the Region at
    /// `position`.
    pub fn nearest_regions(&self, position: usize) -> &[usize] {
        self.nearest.get(position).map_or(&[], Vec::as_slice)
    }

    /// Whether the models at two positions have the same provider.
    pub fn same_provider(&self, a: usize, b: usize) -> bool {
        self.model_providers.get(a).is_some()
            && self.model_providers.get(a) == self.model_providers.get(b)
    }

    /// A model's position in [`Catalog::models`].
    pub fn model_position(&self, id: &str) -> Option<usize> {
        self.model_index.get(id).copied()
    }

    /// Where the model at `position` can be called on demand, as a set.
    pub fn in_region_set(&self, position: usize) -> RegionSet {
        self.in_region_sets
            .get(position)
            .copied()
            .unwrap_or_default()
    }

    /// The positions in [`Catalog::profiles`] of the profiles serving the model at `position`.
    pub fn profile_positions(&self, position: usize) -> &[usize] {
        self.model_profiles.get(position).map_or(&[], Vec::as_slice)
    }

    /// The routes of the profile at `position`, as (sources, destinations) sets.
    pub fn route_sets(&self, position: usize) -> &[(RegionSet, RegionSet)] {
        self.route_sets.get(position).map_or(&[], Vec::as_slice)
    }

    /// Great-circle distance in km between two Regions; `None` if either is unknown.
    pub fn distance_km(&self, a: &str, b: &str) -> Option<f64> {
        let (i, j) = (*self.region_index.get(a)?, *self.region_index.get(b)?);
        self.distances_km.get(i * self.regions.len() + j).copied()
    }

    /// A Region by code.
    pub fn region(&self, code: &str) -> Option<&Region> {
        self.region_index.get(code).map(|&i| &self.regions[i])
    }

    /// A country by code.
    pub fn country(&self, code: &str) -> Option<&Country> {
        self.country_index.get(code).map(|&i| &self.countries[i])
    }

    /// A geography by ID.
    pub fn geography(&self, id: &str) -> Option<&Geography> {
        self.geographies.iter().find(|g| g.id.as_str() == id)
    }

    /// A model by ID.
    pub fn model(&self, id: &str) -> Option<&Model> {
        self.model_index.get(id).map(|&i| &self.models[i])
    }

    /// A profile by ID.
    pub fn profile(&self, id: &str) -> Option<&Profile> {
        self.profile_index.get(id).map(|&i| &self.profiles[i])
    }

    /// Every profile serving `model`, sorted by ID.
    pub fn profiles_for(&self, model: &str) -> impl Iterator<Item = &Profile> {
        self.profiles_by_model
            .get(model)
            .into_iter()
            .flatten()
            .map(|&i| &self.profiles[i])
    }

    /// A source by ID.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.meta.sources.iter().find(|s| s.id.as_str() == id)
    }

    /// The country name of a Region, or its code when unknown.
    pub fn country_name_of<'a>(&'a self, region: &'a str) -> &'a str {
        self.region(region)
            .and_then(|r| self.country(r.country.as_str()))
            .map_or(region, |c| c.name.as_str())
    }

    /// Providers, sorted and unique.
    pub fn providers(&self) -> Vec<&str> {
        let set: BTreeSet<&str> = self.models.iter().map(|m| m.provider.as_str()).collect();
        set.into_iter().collect()
    }

    /// Profile scopes present, global first, then alphabetical.
    pub fn scopes(&self) -> Vec<&Scope> {
        let set: BTreeSet<&Scope> = self.profiles.iter().map(|p| &p.scope).collect();
        let mut scopes: Vec<&Scope> = set.into_iter().collect();
        scopes.sort_by_key(|s| (!s.is_global(), s.as_str()));
        scopes
    }
}

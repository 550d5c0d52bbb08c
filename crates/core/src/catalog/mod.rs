//! The validated catalog and its lookups by ID. Its lists are sorted by ID, so a lookup is a
//! binary search; the engine's precomputed views are in [`crate::catalog::index`]. A `Catalog` is only
//! ever built by [`crate::catalog::load`], which validates it first: from the files of `data/`,
//! or from the site's one data file, which is this struct serialized (every field but the index,
//! which is rebuilt at load), so a field added here or to a schema type travels with it.

pub mod arn;
#[cfg(feature = "bench")]
pub mod bench;
pub mod calendar;
pub mod change_log;
pub mod cite;
pub mod data;
pub mod describe;
pub mod geo;
pub mod ids;
pub mod index;
pub mod load;
pub mod order;
pub mod quota;
pub mod residency;
pub mod retention;
pub mod retention_pages;
pub mod schema;
pub mod source_tables;
pub mod task;
pub mod tiers;
pub mod validate;

use crate::catalog::ids::{
    CountryCode, GeographyId, ModelId, ProfileId, RegionCode, Scope, SourceId,
};
use crate::catalog::index::{region_position, Index, RegionSet};
use crate::catalog::load::CatalogError;
use crate::catalog::quota::QuotaTable;
use crate::catalog::retention::{RetentionFacts, RetentionTable};
use crate::catalog::retention_pages::PageFacts;
use crate::catalog::schema::{Country, Geography, Meta, Model, Profile, Region, Source};
use crate::catalog::tiers::TierTable;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The whole catalog, validated, with lookups by ID.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
    /// The engine's precomputed views, derived from the lists above (never serialized).
    #[serde(skip)]
    pub index: Index,
    /// Who keeps the prompts, per model (empty, so unknown, until attached).
    pub retention: RetentionTable,
    /// How each model can be bought: tiers and batch (empty, so Standard only, until attached).
    pub tiers: TierTable,
    /// The token-per-minute quota pools, burndown and defaults (empty, so unknown, until
    /// attached).
    pub quotas: QuotaTable,
}

impl Catalog {
    /// Sorts the parts and indexes them. Validation is [`crate::catalog::load`]'s job.
    pub(super) fn assemble(
        meta: Meta,
        regions_source: SourceId,
        regions: Vec<Region>,
        countries: Vec<Country>,
        geographies: Vec<Geography>,
        models: Vec<Model>,
        profiles: Vec<Profile>,
    ) -> Catalog {
        Catalog {
            meta,
            regions_source,
            regions,
            countries,
            geographies,
            models,
            profiles,
            index: Index::default(),
            retention: RetentionTable::default(),
            tiers: TierTable::default(),
            quotas: QuotaTable::default(),
        }
        .indexed()
    }

    /// The same catalog with its lists sorted and its index built from them.
    pub(super) fn indexed(mut self) -> Catalog {
        order::sort_by(&mut self.regions, |a, b| a.code.cmp(&b.code));
        order::sort_by(&mut self.countries, |a, b| a.code.cmp(&b.code));
        order::sort_by(&mut self.models, |a, b| a.id.cmp(&b.id));
        order::sort_by(&mut self.profiles, |a, b| a.id.cmp(&b.id));
        self.index = Index::build(&self.regions, &self.models, &self.profiles);
        self
    }

    /// This catalog with the retention facts read from the two transcribed pages.
    pub fn with_retention(mut self, pages: PageFacts) -> Result<Catalog, CatalogError> {
        self.retention = RetentionTable::from_pages(pages).map_err(|e| CatalogError::Parse {
            file: "sources/data-retention.json",
            message: e,
        })?;
        Ok(self)
    }

    /// This catalog with the service tiers and batch support read from the two transcribed
    /// pages ([`TierTable::read`]).
    pub fn with_tiers(mut self, tiers: TierTable) -> Catalog {
        self.tiers = tiers;
        self
    }

    /// This catalog with the quota facts read from the transcribed sources.
    pub fn with_quotas(mut self, quotas: QuotaTable) -> Catalog {
        self.quotas = quotas;
        self
    }

    /// A model's retention facts; `None` when the catalog has none at all.
    pub fn retention_of(&self, model: &ModelId) -> Option<&RetentionFacts> {
        self.retention.of(model)
    }

    /// A Region by code.
    pub fn region(&self, code: &RegionCode) -> Option<&Region> {
        self.region_position(code).map(|i| &self.regions[i])
    }

    /// A Region's position in [`Catalog::regions`].
    pub fn region_position(&self, code: &RegionCode) -> Option<usize> {
        region_position(&self.regions, code)
    }

    /// The set holding one Region; empty for an unknown code.
    pub fn region_bit(&self, code: &RegionCode) -> RegionSet {
        self.region_position(code)
            .map_or_else(RegionSet::default, RegionSet::at)
    }

    /// The set of the given Regions (unknown codes are left out).
    pub fn region_set<'a>(&self, codes: impl IntoIterator<Item = &'a RegionCode>) -> RegionSet {
        crate::catalog::index::region_set(&self.regions, codes)
    }

    /// A country by code.
    pub fn country(&self, code: &CountryCode) -> Option<&Country> {
        self.countries
            .binary_search_by(|c| c.code.cmp(code))
            .ok()
            .map(|i| &self.countries[i])
    }

    /// A geography by ID.
    pub fn geography(&self, id: &GeographyId) -> Option<&Geography> {
        self.geographies.iter().find(|g| &g.id == id)
    }

    /// A model by ID.
    pub fn model(&self, id: &ModelId) -> Option<&Model> {
        self.model_position(id).map(|i| &self.models[i])
    }

    /// A model's position in [`Catalog::models`].
    pub fn model_position(&self, id: &ModelId) -> Option<usize> {
        self.models.binary_search_by(|m| m.id.cmp(id)).ok()
    }

    /// A profile by ID.
    pub fn profile(&self, id: &ProfileId) -> Option<&Profile> {
        self.profiles
            .binary_search_by(|p| p.id.cmp(id))
            .ok()
            .map(|i| &self.profiles[i])
    }

    /// Every profile serving `model`, sorted by ID.
    pub fn profiles_for(&self, model: &ModelId) -> impl Iterator<Item = &Profile> {
        let positions = self
            .model_position(model)
            .map_or(&[][..], |m| self.index.profile_positions(m));
        positions.iter().map(|&p| &self.profiles[p])
    }

    /// A source by ID.
    pub fn source(&self, id: &SourceId) -> Option<&Source> {
        self.meta.sources.iter().find(|s| &s.id == id)
    }

    /// The country name of a Region, or its code when unknown.
    pub fn country_name_of<'a>(&'a self, region: &'a RegionCode) -> &'a str {
        self.region(region)
            .and_then(|r| self.country(&r.country))
            .map_or(region.as_str(), |c| c.name.as_str())
    }

    /// Great-circle distance in km between two Regions; `None` if either is unknown.
    pub fn distance_km(&self, a: &RegionCode, b: &RegionCode) -> Option<f64> {
        self.index
            .distance_km(self.region_position(a)?, self.region_position(b)?)
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
        order::sort_by_key(&mut scopes, |s| (!s.is_global(), s.as_str()));
        scopes
    }
}

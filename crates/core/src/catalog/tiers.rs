//! How inference can be bought: the service tiers (Reserved, Priority, Standard, Flex) and batch
//! jobs, per model and route, read from two transcribed AWS pages ("Service tiers for optimizing
//! performance and cost" and "Supported Regions and models for batch inference",
//! `data/sources/service-tiers.json` and `batch-inference.json`). A tier never changes where a
//! prompt is processed: the route decides that; the tier decides capacity and price.
//!
//! The table travels in the site's data file with the rest of the catalog; the pages are read
//! only natively ([`TierTable::read`]).

use crate::catalog::ids::{ModelId, RegionCode, Scope};
use crate::catalog::retention_pages::PageSource;
pub use crate::catalog::schema::{Tier, TierPrice};
use serde::{Deserialize, Serialize};

/// The Reserved tier's terms, as the tiers page states them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ReservedTerms {
    /// The smallest reservation: input tokens per minute.
    pub minimum_input_tpm: u64,
    /// The smallest reservation: output tokens per minute.
    pub minimum_output_tpm: u64,
    /// The uptime target, as the page writes it ("99.5").
    pub uptime_target_percent: String,
    /// The terms offered, in months.
    pub terms_months: Vec<u32>,
}

/// One model's Reserved tier: the profiles (by scope) it runs through, from which Regions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReservedModel {
    /// The model.
    pub model: ModelId,
    /// The profile prefixes (`global`, `us`, `eu`, `us-gov`).
    pub scopes: Vec<String>,
    /// The source Regions the page lists.
    pub regions: Vec<RegionCode>,
}

/// One model's Priority and Flex tiers (the page lists one list for both): in-Region IDs only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OnDemandTiers {
    /// The model.
    pub model: ModelId,
    /// The Regions.
    pub regions: Vec<RegionCode>,
}

/// One model's batch jobs: by model ID in a Region, and through a geographic profile from a
/// source Region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchModel {
    /// The model.
    pub model: ModelId,
    /// Regions that take batch jobs by model ID.
    pub in_region: Vec<RegionCode>,
    /// Source Regions that take batch jobs through a geographic inference profile.
    pub through_profile: Vec<RegionCode>,
}

/// The tiers and batch support of every model the pages name. Empty (so unknown) until
/// attached: then every model the pages do not name has Standard only.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct TierTable {
    /// The pages read: the tiers page (newest copy), the copy its model lists come from, the
    /// batch page. Empty when the catalog was built without them.
    pub sources: Vec<PageSource>,
    /// The Reserved tier's terms.
    pub reserved_terms: ReservedTerms,
    /// Reserved, per model, sorted by ID.
    pub reserved: Vec<ReservedModel>,
    /// Priority and Flex, per model, sorted by ID.
    pub priority_flex: Vec<OnDemandTiers>,
    /// Batch, per model, sorted by ID.
    pub batch: Vec<BatchModel>,
}

/// The route a tier question is asked about.
#[derive(Debug, Clone, Copy)]
pub enum TierRoute<'a> {
    /// A cross-Region profile of `scope` called from `source`.
    Profile {
        /// The profile's scope.
        scope: &'a Scope,
        /// The source Region.
        source: &'a RegionCode,
    },
    /// The model ID in one Region.
    InRegion(&'a RegionCode),
    /// Provisioned Throughput: bought per model unit, no tier.
    Provisioned,
}

impl TierTable {
    /// Whether the pages were read (without them nothing is known beyond Standard).
    pub fn is_known(&self) -> bool {
        !self.sources.is_empty()
    }

    /// The tiers a route of `model` supports, in [`Tier::ALL`] order. Standard on every
    /// on-demand route; none on Provisioned Throughput.
    pub fn supported(&self, model: &ModelId, route: TierRoute<'_>) -> Vec<Tier> {
        let reserved = entry(&self.reserved, model, |e| &e.model);
        let fast = entry(&self.priority_flex, model, |e| &e.model);
        let batch = entry(&self.batch, model, |e| &e.model);
        let mut tiers = Vec::new();
        match route {
            TierRoute::Provisioned => return tiers,
            TierRoute::Profile { scope, source } => {
                if reserved.is_some_and(|r| {
                    r.scopes.iter().any(|s| s == scope.as_str()) && r.regions.contains(source)
                }) {
                    tiers.push(Tier::Reserved);
                }
                tiers.push(Tier::Default);
                if !scope.is_global() && batch.is_some_and(|b| b.through_profile.contains(source)) {
                    tiers.push(Tier::Batch);
                }
            }
            TierRoute::InRegion(region) => {
                let fast = fast.is_some_and(|f| f.regions.contains(region));
                if fast {
                    tiers.push(Tier::Priority);
                }
                tiers.push(Tier::Default);
                if fast {
                    tiers.push(Tier::Flex);
                }
                if batch.is_some_and(|b| b.in_region.contains(region)) {
                    tiers.push(Tier::Batch);
                }
            }
        }
        tiers
    }

    /// How many models each tier lists: Reserved, Priority, Flex, Batch.
    pub fn counts(&self) -> [(Tier, usize); 4] {
        [
            (Tier::Reserved, self.reserved.len()),
            (Tier::Priority, self.priority_flex.len()),
            (Tier::Flex, self.priority_flex.len()),
            (Tier::Batch, self.batch.len()),
        ]
    }

    /// Reads the two pages' files (`service-tiers.json`, `batch-inference.json`). Rows the
    /// pages give without a catalog ID are left out (the catalog has no such model).
    pub fn read(tiers: &str, batch: &str) -> Result<TierTable, String> {
        let tiers: TiersPage = serde_json::from_str(tiers)
            .map_err(|e| format!("data/sources/service-tiers.json: {e}"))?;
        let batch: BatchPage = serde_json::from_str(batch)
            .map_err(|e| format!("data/sources/batch-inference.json: {e}"))?;
        let reserved_page = tiers.tiers.reserved;
        let reserved = sorted(reserved_page.models.into_iter().filter_map(|m| {
            Some(ReservedModel {
                model: ModelId::new(m.catalog_id?),
                scopes: m.profile_kinds,
                regions: regions(m.regions),
            })
        }))
        .map_err(|id| format!("the Reserved list names {id} twice"))?;
        let priority_flex = sorted(tiers.tiers.priority.models.into_iter().filter_map(|m| {
            Some(OnDemandTiers {
                model: ModelId::new(m.catalog_id?),
                regions: regions(m.regions),
            })
        }))
        .map_err(|id| format!("the Priority list names {id} twice"))?;
        let batch_models = sorted(batch.models.into_iter().filter_map(BatchModel::of))
            .map_err(|id| format!("the batch page names {id} twice"))?;
        let models_from = PageSource {
            title: format!("{} (model lists)", tiers.source.title),
            url: tiers.source.url.clone(),
            copy: tiers.models_from.copy,
            copy_date: tiers.models_from.copy_date,
            checked: tiers.source.checked.clone(),
        };
        Ok(TierTable {
            sources: vec![tiers.source, models_from, batch.source],
            reserved_terms: ReservedTerms {
                minimum_input_tpm: reserved_page.minimum_input_tpm,
                minimum_output_tpm: reserved_page.minimum_output_tpm,
                uptime_target_percent: reserved_page.uptime_target_percent.to_string(),
                terms_months: reserved_page.terms_months,
            },
            reserved,
            priority_flex,
            batch: batch_models,
        })
    }
}

/// A list keyed by model, sorted by it; the error is a model listed twice.
trait ByModel {
    fn model(&self) -> &ModelId;
}

impl ByModel for ReservedModel {
    fn model(&self) -> &ModelId {
        &self.model
    }
}

impl ByModel for OnDemandTiers {
    fn model(&self) -> &ModelId {
        &self.model
    }
}

impl ByModel for BatchModel {
    fn model(&self) -> &ModelId {
        &self.model
    }
}

fn sorted<T: ByModel>(rows: impl Iterator<Item = T>) -> Result<Vec<T>, ModelId> {
    let mut list: Vec<T> = rows.collect();
    list.sort_by(|a, b| a.model().cmp(b.model()));
    match list.windows(2).find(|w| w[0].model() == w[1].model()) {
        Some(w) => Err(w[0].model().clone()),
        None => Ok(list),
    }
}

impl BatchModel {
    /// A row of the batch page with a catalog ID and some Region; `None` otherwise.
    fn of(row: BatchRow) -> Option<BatchModel> {
        let listed = |c: BatchCell| {
            if c.supported == Some(true) {
                regions(c.regions)
            } else {
                Vec::new()
            }
        };
        let model = BatchModel {
            model: ModelId::new(row.catalog_id?),
            in_region: listed(row.in_region),
            through_profile: listed(row.through_profile),
        };
        (!model.in_region.is_empty() || !model.through_profile.is_empty()).then_some(model)
    }
}

/// The entry of `model` in a list sorted by model.
fn entry<'a, T>(list: &'a [T], model: &ModelId, key: fn(&T) -> &ModelId) -> Option<&'a T> {
    list.binary_search_by(|e| key(e).cmp(model))
        .ok()
        .map(|i| &list[i])
}

fn regions(codes: Vec<String>) -> Vec<RegionCode> {
    codes.into_iter().map(RegionCode::new).collect()
}

#[derive(Deserialize)]
struct TiersPage {
    source: PageSource,
    models_from: ModelsFrom,
    tiers: TierLists,
}

#[derive(Deserialize)]
struct ModelsFrom {
    copy: String,
    copy_date: String,
}

#[derive(Deserialize)]
struct TierLists {
    reserved: ReservedPage,
    priority: PriorityPage,
}

#[derive(Deserialize)]
struct ReservedPage {
    uptime_target_percent: f64,
    terms_months: Vec<u32>,
    minimum_input_tpm: u64,
    minimum_output_tpm: u64,
    models: Vec<ReservedRow>,
}

#[derive(Deserialize)]
struct ReservedRow {
    catalog_id: Option<String>,
    profile_kinds: Vec<String>,
    regions: Vec<String>,
}

#[derive(Deserialize)]
struct PriorityPage {
    models: Vec<PriorityRow>,
}

#[derive(Deserialize)]
struct PriorityRow {
    catalog_id: Option<String>,
    regions: Vec<String>,
}

#[derive(Deserialize)]
struct BatchPage {
    source: PageSource,
    models: Vec<BatchRow>,
}

#[derive(Deserialize)]
struct BatchRow {
    catalog_id: Option<String>,
    in_region: BatchCell,
    through_profile: BatchCell,
}

#[derive(Deserialize)]
struct BatchCell {
    supported: Option<bool>,
    regions: Vec<String>,
}

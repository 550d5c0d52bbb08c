//! The catalog's schema: Regions, countries, geographies, models, inference profiles and their
//! provenance, exactly as the files in `data/` hold them. Plain data; lookups live in
//! [`crate::catalog`], validation in [`crate::catalog::validate`]. Declared once: the same serde
//! derives read `data/` and write and read the site's data file.

use super::ids::{CountryCode, GeographyId, ModelId, ProfileId, RegionCode, Scope, SourceId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

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

/// Where a model stands in its lifecycle. The files write the status as a tag beside its date
/// (`{"status": "legacy", "end_of_life": …}`); the site's data file, a binary encoding that
/// cannot look ahead for a tag, writes the variant first (see the impls below).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lifecycle {
    /// Fully supported.
    Active,
    /// Still callable for now; AWS has announced or will announce its end of life.
    Legacy {
        /// End-of-life date (`YYYY-MM-DD`) when known.
        end_of_life: Option<String>,
    },
    /// No longer listed by AWS: kept so that plans naming it still explain themselves, never
    /// recommended.
    Retired {
        /// The date the public data stopped listing it (`YYYY-MM-DD`).
        retired_on: String,
    },
}

/// The two serde forms of [`Lifecycle`], derived through serde's `remote` (the compiler checks
/// each against the enum): `Tagged` for the files (human-readable formats), `Plain` for the data
/// file (binary formats).
mod lifecycle_forms {
    use super::Lifecycle;
    use serde::{Deserialize, Serialize};

    #[derive(Serialize, Deserialize)]
    #[serde(
        remote = "Lifecycle",
        tag = "status",
        rename_all = "lowercase",
        deny_unknown_fields
    )]
    pub(super) enum Tagged {
        Active,
        Legacy { end_of_life: Option<String> },
        Retired { retired_on: String },
    }

    #[derive(Serialize, Deserialize)]
    #[serde(remote = "Lifecycle")]
    pub(super) enum Plain {
        Active,
        Legacy { end_of_life: Option<String> },
        Retired { retired_on: String },
    }
}

impl Serialize for Lifecycle {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            lifecycle_forms::Tagged::serialize(self, serializer)
        } else {
            lifecycle_forms::Plain::serialize(self, serializer)
        }
    }
}

impl<'de> Deserialize<'de> for Lifecycle {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if deserializer.is_human_readable() {
            lifecycle_forms::Tagged::deserialize(deserializer)
        } else {
            lifecycle_forms::Plain::deserialize(deserializer)
        }
    }
}

impl Lifecycle {
    /// Whether the model is legacy.
    pub fn is_legacy(&self) -> bool {
        matches!(self, Lifecycle::Legacy { .. })
    }

    /// The date the model was retired, if it was.
    pub fn retired_on(&self) -> Option<&str> {
        match self {
            Lifecycle::Retired { retired_on } => Some(retired_on),
            _ => None,
        }
    }

    /// The status in plain words: `Active`, `Legacy, end of life 2026-11-26`, `Retired on …`.
    pub fn describe(&self) -> String {
        match self {
            Lifecycle::Active => "Active".into(),
            Lifecycle::Legacy {
                end_of_life: Some(date),
            } => format!("Legacy, end of life {date}"),
            Lifecycle::Legacy { end_of_life: None } => "Legacy, end of life not announced".into(),
            Lifecycle::Retired { retired_on } => {
                format!("Retired: no longer listed since {retired_on}")
            }
        }
    }

    /// A short badge, or `None` for an active model: `Legacy · EOL 2026-11-26`, `Retired`.
    pub fn badge(&self) -> Option<String> {
        match self {
            Lifecycle::Active => None,
            Lifecycle::Legacy {
                end_of_life: Some(d),
            } => Some(format!("Legacy · EOL {d}")),
            Lifecycle::Legacy { end_of_life: None } => Some("Legacy".into()),
            Lifecycle::Retired { retired_on } => Some(format!("Retired {retired_on}")),
        }
    }

    /// The status as CSV and URL parameters write it: `active`, `legacy`, `retired`.
    pub fn key(&self) -> &'static str {
        match self {
            Lifecycle::Active => "active",
            Lifecycle::Legacy { .. } => "legacy",
            Lifecycle::Retired { .. } => "retired",
        }
    }

    /// The end-of-life date, for a legacy model that has one.
    pub fn end_of_life(&self) -> Option<&str> {
        match self {
            Lifecycle::Legacy { end_of_life } => end_of_life.as_deref(),
            _ => None,
        }
    }
}

/// The endpoint that serves a model ID in a Region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Endpoint {
    /// `bedrock-runtime`: InvokeModel and Converse (and inference profiles).
    #[serde(rename = "bedrock-runtime")]
    Runtime,
    /// `bedrock-mantle`: the OpenAI-compatible endpoint (its own APIs, no inference profiles).
    #[serde(rename = "bedrock-mantle")]
    Mantle,
}

impl Endpoint {
    /// The endpoint's name, as AWS writes it.
    pub fn name(self) -> &'static str {
        match self {
            Endpoint::Runtime => "bedrock-runtime",
            Endpoint::Mantle => "bedrock-mantle",
        }
    }
}

/// A per-token price, in millionths of a US dollar per million tokens (so 3.00 USD per million
/// tokens is 3,000,000): whole numbers, so prices add and compare exactly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Price {
    /// Input tokens: micro-USD per million.
    pub input: u64,
    /// Output tokens: micro-USD per million.
    pub output: u64,
    /// The price list's key for this figure, such as `eu.anthropic.claude-…` or
    /// `bedrock/eu-west-2/meta.llama3-…`.
    pub key: String,
    /// Whether the key is the Region's own; otherwise the base price is shown for the Region.
    pub regional: bool,
    /// Provenance source.
    pub source: SourceId,
    /// As-of date of the price list.
    pub as_of: String,
}

/// A way to buy inference, named by the value the API takes (`service_tier`), with `batch` for
/// batch jobs (`CreateModelInvocationJob`), which take no tier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// Reserved tokens per minute for a term, through the AWS account team.
    Reserved,
    /// Served ahead of Standard and Flex, at a premium.
    Priority,
    /// Standard: the on-demand default.
    Default,
    /// Lower priority for work that can wait, at a discount.
    Flex,
    /// Asynchronous batch jobs, results within 24 hours.
    Batch,
}

impl Tier {
    /// Every tier, in the order views list them.
    pub const ALL: [Tier; 5] = [
        Tier::Reserved,
        Tier::Priority,
        Tier::Default,
        Tier::Flex,
        Tier::Batch,
    ];

    /// The API's value (`default` for Standard; `batch` for batch jobs).
    pub fn api(self) -> &'static str {
        match self {
            Tier::Reserved => "reserved",
            Tier::Priority => "priority",
            Tier::Default => "default",
            Tier::Flex => "flex",
            Tier::Batch => "batch",
        }
    }

    /// The name views use: "Standard" for `default`.
    pub fn name(self) -> &'static str {
        match self {
            Tier::Reserved => "Reserved",
            Tier::Priority => "Priority",
            Tier::Default => "Standard",
            Tier::Flex => "Flex",
            Tier::Batch => "Batch",
        }
    }

    /// The tier from its API value.
    pub fn from_api(value: &str) -> Option<Tier> {
        Tier::ALL.into_iter().find(|t| t.api() == value)
    }

    /// The `service_tier` a request passes, if any: Standard is the default and needs none;
    /// batch jobs are a different call.
    pub fn request_value(self) -> Option<&'static str> {
        match self {
            Tier::Default | Tier::Batch => None,
            other => Some(other.api()),
        }
    }
}

impl std::fmt::Display for Tier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A tier's per-token price, under the price list's key for it (the same key order as the
/// Standard price).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TierPrice {
    /// Priority, Flex or Batch (the price list prices no other).
    pub tier: Tier,
    /// The price.
    pub price: Price,
}

/// The model ID on demand in one Region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InRegion {
    /// The Region.
    pub region: RegionCode,
    /// The endpoint that serves the bare ID there.
    pub endpoint: Endpoint,
    /// The bedrock-mantle APIs that serve the ID there (`completions`, `responses`,
    /// `messages`); empty when bedrock-mantle does not.
    pub mantle_apis: Vec<String>,
    /// The sources that say so.
    pub sources: Vec<SourceId>,
    /// The per-token price there, when the price list has one.
    pub price: Option<Price>,
    /// The Priority, Flex and Batch prices there, where the price list has them.
    #[serde(default)]
    pub tier_prices: Vec<TierPrice>,
}

/// A Provisioned Throughput model unit AWS lists for a model.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelUnit {
    /// The model-unit ID to buy, such as `amazon.nova-pro-v1:0:300k` (a context-length variant).
    pub unit: String,
    /// The Regions where it can be bought.
    pub regions: Vec<RegionCode>,
    /// Provenance source.
    pub source: SourceId,
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
    /// Where the bare model ID can be called on demand, by Region, with the endpoint.
    pub in_region: Vec<InRegion>,
    /// Provisioned Throughput model units AWS lists.
    pub provisioned: Vec<ModelUnit>,
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
    /// The on-demand offer of the bare ID in `region`, on either endpoint.
    pub fn in_region_at(&self, region: &RegionCode) -> Option<&InRegion> {
        self.in_region.iter().find(|o| &o.region == region)
    }

    /// Whether the bare ID can be called on demand in `region`, on either endpoint.
    pub fn callable_in_region(&self, region: &RegionCode) -> bool {
        self.in_region_at(region).is_some()
    }

    /// The Regions where the bare ID can be called on demand.
    pub fn in_region_codes(&self) -> impl Iterator<Item = &RegionCode> {
        self.in_region.iter().map(|o| &o.region)
    }

    /// The Provisioned Throughput model units AWS lists in `region`.
    pub fn units_in<'a>(&'a self, region: &'a RegionCode) -> impl Iterator<Item = &'a ModelUnit> {
        self.provisioned
            .iter()
            .filter(move |u| u.regions.contains(region))
    }

    /// Whether AWS lists Provisioned Throughput for the model in `region`.
    pub fn provisioned_in(&self, region: &RegionCode) -> bool {
        self.units_in(region).next().is_some()
    }

    /// Whether the model is retired (no longer listed).
    pub fn is_retired(&self) -> bool {
        self.lifecycle.retired_on().is_some()
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
    /// The per-token price of the profile ID, when the price list has one (profiles are priced
    /// at the source Region's rate; the list gives one figure per profile).
    pub price: Option<Price>,
    /// The Priority, Flex and Batch prices of the profile ID, where the price list has them.
    #[serde(default)]
    pub tier_prices: Vec<TierPrice>,
    /// Provenance source.
    pub source: SourceId,
    /// Date the source last changed this entry.
    pub as_of: String,
}

impl Profile {
    /// The destinations when called from `source`, or `None` if it cannot be called from there.
    pub fn destinations_from(&self, source: &RegionCode) -> Option<&[RegionCode]> {
        self.routes
            .iter()
            .find(|r| r.from.contains(source))
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
    /// What every import changed, newest first (all of them: the change feed is built from it).
    pub changes: Vec<Change>,
}

/// What one import changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    /// The catalog's as-of date after the import.
    pub as_of: String,
    /// The catalog's as-of date before it.
    pub previous_as_of: String,
    /// What was imported, in a few words.
    pub from: String,
    /// Models added.
    pub models_added: Vec<ModelId>,
    /// Models retired (no longer listed), with the date.
    pub models_retired: Vec<Retirement>,
    /// Models moved to Legacy.
    pub models_legacy: Vec<ModelId>,
    /// Profiles added, each with the countries it may process in.
    pub profiles_added: Vec<AddedProfile>,
    /// Profiles no longer listed.
    pub profiles_withdrawn: Vec<ProfileId>,
    /// Destinations added to profiles that existed before.
    pub destinations_added: Vec<AddedDestination>,
    /// In-Region offers added, removed, or moved to another endpoint.
    pub in_region: InRegionChanges,
    /// The same in-Region changes one by one (imports before the change feed recorded counts
    /// only, so this may be empty while the counts are not).
    #[serde(default)]
    pub offers: Vec<OfferChange>,
    /// Per-token prices that moved by more than 5% (input or output).
    #[serde(default)]
    pub prices: Vec<PriceChange>,
    /// Hand-transcribed tables of `data/sources/` that changed since the previous import, per
    /// file and model (a change to a table's general rules names no model).
    #[serde(default)]
    pub tables: Vec<TableChange>,
}

/// One in-Region offer added, removed or moved between endpoints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfferChange {
    /// The model.
    pub model: ModelId,
    /// The Region.
    pub region: RegionCode,
    /// The endpoint before (`None`: the offer is new).
    pub before: Option<Endpoint>,
    /// The endpoint after (`None`: the offer is gone).
    pub after: Option<Endpoint>,
}

/// A per-token price that moved by more than 5%.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriceChange {
    /// The model the price is for (through the profile, when there is one).
    pub model: ModelId,
    /// The profile, for a profile's price; `None` for an in-Region price.
    pub profile: Option<ProfileId>,
    /// The Region, for an in-Region price.
    pub region: Option<RegionCode>,
    /// Input and output prices before, micro-USD per million tokens.
    pub before: (u64, u64),
    /// Input and output prices after.
    pub after: (u64, u64),
}

/// A hand-transcribed table that changed for one model, or in its general rules.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableChange {
    /// The file under `data/sources/`, such as `service-tiers.json`.
    pub file: String,
    /// The model whose entries changed; `None` for what applies to every model.
    pub model: Option<ModelId>,
}

/// A model the public data stopped listing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Retirement {
    /// The model.
    pub model: ModelId,
    /// When it stopped being listed.
    pub retired_on: String,
}

/// A profile new in an import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AddedProfile {
    /// The profile.
    pub profile: ProfileId,
    /// Every country it may process a prompt in, from any source.
    pub countries: Vec<CountryCode>,
}

/// A destination new to an existing profile's route from one source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AddedDestination {
    /// The profile.
    pub profile: ProfileId,
    /// The source Region.
    pub source: RegionCode,
    /// The new destination.
    pub region: RegionCode,
    /// Whether its country is new to the profile's processing set from that source.
    pub adds_country: bool,
}

/// Counts of in-Region changes, by (model, Region).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InRegionChanges {
    /// Offers added.
    pub added: usize,
    /// Offers removed.
    pub removed: usize,
    /// Offers whose endpoint changed.
    pub endpoint_changed: usize,
}

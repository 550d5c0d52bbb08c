//! The catalog's schema: Regions, countries, geographies, models, inference profiles and their
//! provenance, exactly as the files in `data/` hold them. Plain data; lookups live in
//! [`super::catalog`], validation in [`super::validate`].

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
    pub fn callable_in_region(&self, region: &RegionCode) -> bool {
        self.in_region.contains(region)
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
}

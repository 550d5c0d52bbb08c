//! What caps the traffic: the token-per-minute quota pools of each model, from the transcribed
//! sources of `data/sources/`: the quota index of the AWS package bedrock-usage-analyzer (its
//! `tpm` rows, `quota-index.json`), the published defaults of the General Reference table
//! (`quota-defaults.json`), the burndown rates of "How tokens are counted in Amazon Bedrock"
//! (`quotas-token-burndown.json`) and the maximum output tokens LiteLLM lists
//! (`max-output-tokens.json`). A pool is a (quota code, source Region) pair; what is not in these
//! sources (bedrock-mantle pools, GovCloud, models the index lacks, a default the table does not
//! give) is unknown, and stays unknown: no number is made up for it.
//! [`crate::engine::capacity`] computes the load against them.

use crate::catalog::ids::{ModelId, RegionCode};
use crate::catalog::retention_pages::PageSource;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The kind of a token-per-minute pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PoolKind {
    /// On-demand in the source Region (the index's `base`).
    InRegion,
    /// A geographic cross-Region profile (`us.`, `eu.`, ...): one code per model.
    Geographic,
    /// A global cross-Region profile.
    Global,
    /// The bedrock-mantle endpoint (separate input and output quotas; not modelled).
    Mantle,
}

impl PoolKind {
    /// Plain words: `cross-Region quota`.
    pub fn label(self) -> &'static str {
        match self {
            PoolKind::InRegion => "in-Region quota",
            PoolKind::Geographic => "cross-Region quota",
            PoolKind::Global => "global quota",
            PoolKind::Mantle => "bedrock-mantle quota",
        }
    }
}

/// A quota code and the name Service Quotas gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuotaCode {
    /// `L-F4DDD3EB`.
    pub code: String,
    /// `Cross-region model inference tokens per minute for Anthropic Claude Sonnet 4.5 V1`.
    pub name: String,
}

/// A published default: per listed Region, else for every other (supported) Region.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PublishedDefault {
    /// Regions the table lists with their own value.
    pub regions: Vec<(RegionCode, u64)>,
    /// The value of each other supported Region.
    pub elsewhere: Option<u64>,
}

impl PublishedDefault {
    /// The default in `region`, if the table gives one.
    pub fn in_region(&self, region: &RegionCode) -> Option<u64> {
        self.regions
            .iter()
            .find(|(r, _)| r == region)
            .map(|(_, v)| *v)
            .or(self.elsewhere)
    }
}

/// How output tokens count against a token-per-minute quota.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Burndown {
    /// Each output token counts this many times.
    pub rate: u32,
    /// The page's rule that gives it.
    pub rule: String,
}

/// One model's pools, as the index lists them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModelQuotas {
    /// The model.
    pub model: ModelId,
    /// The in-Region (on-demand) token-per-minute quota, if the index lists one.
    pub in_region: Option<QuotaCode>,
    /// The geographic profiles' shared quota.
    pub geographic: Option<QuotaCode>,
    /// The global profile's quota.
    pub global: Option<QuotaCode>,
}

impl ModelQuotas {
    /// The quota of `kind`, if known.
    pub fn code(&self, kind: PoolKind) -> Option<&QuotaCode> {
        match kind {
            PoolKind::InRegion => self.in_region.as_ref(),
            PoolKind::Geographic => self.geographic.as_ref(),
            PoolKind::Global => self.global.as_ref(),
            PoolKind::Mantle => None,
        }
    }
}

/// Every quota fact the catalog keeps; empty (everything unknown) until attached.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct QuotaTable {
    /// The sources read: the index, the defaults table, the burndown page, the runtime quota
    /// page, the maximum output list.
    pub sources: Vec<PageSource>,
    /// Per model the index lists, sorted by ID.
    pub models: Vec<ModelQuotas>,
    /// The burndown page's rates, in its order.
    pub rates: Vec<Rate>,
    /// Models the page names in none of its rules (their IDs open these sentences).
    pub not_named: Vec<String>,
    /// The most output tokens a request can ask for, per model, sorted by ID.
    pub max_output: Vec<(ModelId, u64)>,
    /// Published defaults by quota code, sorted by code.
    pub defaults: Vec<(String, PublishedDefault)>,
    /// The Cross-Model Max Tokens Per Day default per account and Region, if published.
    pub daily_cap: Option<u64>,
}

/// The sources' texts, in the order [`QuotaTable::read`] takes them.
#[derive(Debug, Clone, Copy)]
pub struct QuotaTexts<'a> {
    /// `quota-index.json`.
    pub index: &'a str,
    /// `quota-defaults.json`.
    pub defaults: &'a str,
    /// `quotas-token-burndown.json`.
    pub burndown: &'a str,
    /// `quotas-runtime.json`.
    pub runtime: &'a str,
    /// `max-output-tokens.json`.
    pub max_output: &'a str,
}

impl QuotaTexts<'_> {
    /// The files' names under `data/sources/`, in field order.
    pub const FILES: [&'static str; 5] = [
        "quota-index.json",
        "quota-defaults.json",
        "quotas-token-burndown.json",
        "quotas-runtime.json",
        "max-output-tokens.json",
    ];
}

#[derive(Deserialize)]
struct Sourced {
    source: PageSourceIn,
}

#[derive(Deserialize)]
struct PageSourceIn {
    title: String,
    url: String,
    copy: String,
    copy_date: String,
    checked: String,
}

#[derive(Deserialize)]
struct IndexFile {
    rows: Vec<IndexRow>,
}

#[derive(Deserialize)]
struct IndexRow {
    model_id: String,
    endpoint: String,
    quota_code: String,
    quota_name: String,
    partition: String,
}

#[derive(Deserialize)]
struct DefaultsFile {
    quotas: Vec<DefaultRow>,
    cross_model_tokens_per_day: DailyCap,
}

#[derive(Deserialize)]
struct DefaultRow {
    pool: String,
    default: DefaultIn,
    quota_code: Option<String>,
    #[serde(default)]
    variant: Option<String>,
}

#[derive(Deserialize)]
struct DefaultIn {
    each_region: Option<u64>,
    #[serde(default)]
    regions: BTreeMap<String, u64>,
    each_other_region: Option<u64>,
}

#[derive(Deserialize)]
struct DailyCap {
    default: DefaultIn,
}

#[derive(Deserialize)]
struct BurndownFile {
    burndown_rates: Vec<Rate>,
    not_named_on_page: Vec<String>,
}

/// One rate of the burndown page: the models it names, or none for a rule in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rate {
    /// Each output token counts this many times.
    pub rate: u32,
    /// The page's rule.
    pub rule: String,
    /// The models it names; empty for a rule in words.
    #[serde(default)]
    pub model_ids: Vec<String>,
}

#[derive(Deserialize)]
struct MaxOutputFile {
    models: Vec<MaxOutput>,
}

#[derive(Deserialize)]
struct MaxOutput {
    model_id: String,
    max_output_tokens: u64,
}

/// The highest Anthropic version the page's 5× rule covers ("version 4.7 and below").
const FIVE_X_UP_TO: (u32, u32) = (4, 7);

/// An Anthropic model's version from its ID (`anthropic.claude-sonnet-4-5-…` 4.5,
/// `anthropic.claude-3-5-sonnet-…` 3.5, `anthropic.claude-opus-4-6-v1` 4.6); `None` when the
/// ID carries none.
pub fn anthropic_version(id: &str) -> Option<(u32, u32)> {
    let rest = id.strip_prefix("anthropic.claude-")?;
    let numbers: Vec<u32> = rest
        .split('-')
        .skip_while(|t| t.parse::<u32>().is_err())
        .take_while(|t| t.len() <= 2)
        .map_while(|t| t.parse().ok())
        .collect();
    match numbers.as_slice() {
        [] => None,
        [major] => Some((*major, 0)),
        [major, minor, ..] => Some((*major, *minor)),
    }
}

fn parse<'a, T: Deserialize<'a>>(file: &str, text: &'a str) -> Result<T, String> {
    serde_json::from_str(text).map_err(|e| format!("data/sources/{file}: {e}"))
}

impl QuotaTable {
    /// Reads the five sources. A geographic code that differs between a model's prefixes is
    /// refused: the index is read as one code per model and kind.
    pub fn read(texts: QuotaTexts<'_>) -> Result<QuotaTable, String> {
        let [f_index, f_defaults, f_burndown, f_runtime, f_max] = QuotaTexts::FILES;
        let mut sources = Vec::new();
        for (file, text) in [
            (f_index, texts.index),
            (f_defaults, texts.defaults),
            (f_burndown, texts.burndown),
            (f_runtime, texts.runtime),
            (f_max, texts.max_output),
        ] {
            let s = parse::<Sourced>(file, text)?.source;
            sources.push(PageSource {
                title: s.title,
                url: s.url,
                copy: s.copy,
                copy_date: s.copy_date,
                checked: s.checked,
            });
        }
        let index: IndexFile = parse(f_index, texts.index)?;
        let defaults: DefaultsFile = parse(f_defaults, texts.defaults)?;
        let burndown: BurndownFile = parse(f_burndown, texts.burndown)?;
        let max: MaxOutputFile = parse(f_max, texts.max_output)?;
        let max_output: BTreeMap<ModelId, u64> = max
            .models
            .into_iter()
            .map(|m| (ModelId::new(m.model_id), m.max_output_tokens))
            .collect();
        let models = read_index(&index.rows)?;
        let table_defaults: BTreeMap<String, PublishedDefault> = defaults
            .quotas
            .iter()
            .filter(|q| q.variant.is_none())
            .filter(|q| matches!(q.pool.as_str(), "in_region" | "cross_region" | "global"))
            .filter_map(|q| Some((q.quota_code.clone()?, published(&q.default))))
            .collect();
        Ok(QuotaTable {
            sources,
            models,
            rates: burndown.burndown_rates,
            not_named: burndown.not_named_on_page,
            max_output: max_output.into_iter().collect(),
            defaults: table_defaults.into_iter().collect(),
            daily_cap: published(&defaults.cross_model_tokens_per_day.default).elsewhere,
        })
    }

    fn model_position(&self, id: &str) -> Option<usize> {
        self.models
            .binary_search_by(|m| m.model.as_str().cmp(id))
            .ok()
    }

    /// The pools the index lists for `model`; `None` when it lists none.
    pub fn pools_of(&self, model: &ModelId) -> Option<&ModelQuotas> {
        self.model_position(model.as_str()).map(|i| &self.models[i])
    }

    /// The most output tokens a request to `model` can ask for, if a source gives it.
    pub fn max_output_of(&self, model: &ModelId) -> Option<u64> {
        self.max_output
            .binary_search_by(|(m, _)| m.cmp(model))
            .ok()
            .map(|i| self.max_output[i].1)
    }

    /// The output burndown of `model` on bedrock-runtime: a rate that names it; for any other
    /// Anthropic model of version 4.7 or below, the 5× rule; for a model of another provider,
    /// 1:1. An Anthropic model the page does not name and whose version is above 4.7 (or
    /// unreadable) is unknown, as is every model without the page.
    pub fn burndown_of(&self, model: &ModelId) -> Option<Burndown> {
        let id = model.as_str();
        let rule = |r: &Rate| Burndown {
            rate: r.rate,
            rule: r.rule.clone(),
        };
        if let Some(r) = self
            .rates
            .iter()
            .find(|r| r.model_ids.iter().any(|m| m == id))
        {
            return Some(rule(r));
        }
        if self.not_named.iter().any(|n| n.starts_with(id)) {
            return None;
        }
        let in_words = |rate: u32, text: &str| {
            self.rates
                .iter()
                .find(|r| r.rate == rate && r.model_ids.is_empty() && r.rule.contains(text))
                .map(rule)
        };
        if id.starts_with("anthropic.") {
            return anthropic_version(id)
                .filter(|v| *v <= FIVE_X_UP_TO)
                .and_then(|_| in_words(5, "Anthropic"));
        }
        in_words(1, "every other model")
    }

    /// The published default of `code` in `region`, if the table gives one.
    pub fn default_of(&self, code: &str, region: &RegionCode) -> Option<u64> {
        self.defaults
            .binary_search_by(|(c, _)| c.as_str().cmp(code))
            .ok()
            .and_then(|i| self.defaults[i].1.in_region(region))
    }

    /// Whether the catalog holds quota facts at all.
    pub fn is_empty(&self) -> bool {
        self.sources.is_empty()
    }
}

/// The index's pools per model, sorted by model: one code per model and kind (a geographic code
/// that differs between a model's prefixes is refused).
fn read_index(rows: &[IndexRow]) -> Result<Vec<ModelQuotas>, String> {
    let f_index = QuotaTexts::FILES[0];
    let mut models: BTreeMap<String, ModelQuotas> = BTreeMap::new();
    for row in rows.iter().filter(|r| r.partition == "aws") {
        let kind = match row.endpoint.as_str() {
            "custom" => continue,
            "base" => PoolKind::InRegion,
            "global" => PoolKind::Global,
            _ => PoolKind::Geographic,
        };
        let entry = models
            .entry(row.model_id.clone())
            .or_insert_with(|| ModelQuotas {
                model: ModelId::new(row.model_id.as_str()),
                in_region: None,
                geographic: None,
                global: None,
            });
        let code = QuotaCode {
            code: row.quota_code.clone(),
            name: row.quota_name.clone(),
        };
        let slot = match kind {
            PoolKind::InRegion => &mut entry.in_region,
            PoolKind::Global => &mut entry.global,
            _ => &mut entry.geographic,
        };
        match slot {
            Some(existing) if existing.code != code.code => {
                return Err(format!(
                    "data/sources/{f_index}: {} has two {} codes, {} and {}",
                    row.model_id,
                    kind.label(),
                    existing.code,
                    code.code
                ))
            }
            _ => *slot = Some(code),
        }
    }
    Ok(models.into_values().collect())
}

fn published(d: &DefaultIn) -> PublishedDefault {
    PublishedDefault {
        regions: d
            .regions
            .iter()
            .map(|(r, v)| (RegionCode::new(r.as_str()), *v))
            .collect(),
        elsewhere: d.each_region.or(d.each_other_region),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anthropic_versions_read_from_both_id_shapes() {
        let rows = [
            ("anthropic.claude-sonnet-4-5-20250929-v1:0", Some((4, 5))),
            ("anthropic.claude-3-5-sonnet-20240620-v1:0", Some((3, 5))),
            ("anthropic.claude-3-haiku-20240307-v1:0", Some((3, 0))),
            ("anthropic.claude-opus-4-6-v1", Some((4, 6))),
            ("anthropic.claude-sonnet-4-20250514-v1:0", Some((4, 0))),
            ("anthropic.claude-fable-5", Some((5, 0))),
            ("anthropic.claude-mulberry-trn2-208k-20251001", None),
            ("amazon.nova-pro-v1:0", None),
        ];
        for (id, version) in rows {
            assert_eq!(anthropic_version(id), version, "{id}");
        }
    }
}

/// What the quota facts leave unknown, for the data page.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Unknowns {
    /// Catalog models the index lists no token-per-minute quota for, sorted.
    pub models_not_in_index: Vec<ModelId>,
    /// (model, Region) pairs served on bedrock-mantle, whose quotas are not computed.
    pub mantle_offers: usize,
    /// GovCloud profiles (the index lists no GovCloud quotas).
    pub govcloud_profiles: usize,
    /// Index codes with no published default, sorted and unique.
    pub codes_without_default: Vec<String>,
}

/// What `catalog`'s quota facts leave unknown.
pub fn unknowns(catalog: &crate::catalog::Catalog) -> Unknowns {
    let q = &catalog.quotas;
    let mut codes: Vec<String> = q
        .models
        .iter()
        .flat_map(|m| [&m.in_region, &m.geographic, &m.global])
        .flatten()
        .filter(|c| {
            q.defaults
                .binary_search_by(|(d, _)| d.cmp(&c.code))
                .is_err()
        })
        .map(|c| c.code.clone())
        .collect();
    codes.sort();
    codes.dedup();
    Unknowns {
        models_not_in_index: catalog
            .models
            .iter()
            .filter(|m| q.pools_of(&m.id).is_none())
            .map(|m| m.id.clone())
            .collect(),
        mantle_offers: catalog
            .models
            .iter()
            .flat_map(|m| &m.in_region)
            .filter(|o| o.endpoint == crate::catalog::schema::Endpoint::Mantle)
            .count(),
        govcloud_profiles: catalog
            .profiles
            .iter()
            .filter(|p| p.scope.as_str() == "us-gov")
            .count(),
        codes_without_default: codes,
    }
}

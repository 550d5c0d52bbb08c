//! LiteLLM's price list (`model_prices_and_context_window.json`): per-token prices of Bedrock
//! model IDs, profile IDs and Region-specific keys, and the key that prices each way to call a
//! model. Only Bedrock entries are read; `alias_of` entries name another key and are skipped.

use crate::input::micro_usd_per_million;
use crate::input::{date, non_negative, object, parse_json, string, At, InputError};
use atlas_core::catalog::ids::{ModelId, RegionCode};
use atlas_core::catalog::schema::Endpoint;
use atlas_core::catalog::tiers::Tier;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// LiteLLM providers whose entries are Amazon Bedrock's.
const BEDROCK_PROVIDERS: [&str; 3] = ["bedrock", "bedrock_converse", "bedrock_mantle"];

/// Fields that price something other than tokens (per query, image or second).
const OTHER_UNITS: [&str; 8] = [
    "input_cost_per_query",
    "input_cost_per_image",
    "output_cost_per_image",
    "input_cost_per_second",
    "output_cost_per_second",
    "cost_per_second",
    "input_cost_per_video_per_second",
    "input_cost_per_audio_per_second",
];

/// One Bedrock entry of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PriceEntry {
    /// Input and output tokens, micro-USD per million, when both are priced per token (and the
    /// entry is not a zero placeholder beside a per-query or per-image price).
    pub per_token: Option<(u64, u64)>,
    /// Whether the entry prices queries, images or seconds.
    pub other_units: bool,
    /// `deprecation_date`.
    pub deprecation_date: Option<String>,
    /// Per-token prices of the tiers the list prices ([`PRICED_TIERS`], same order), from its
    /// `input_cost_per_token_<suffix>` and `output_cost_per_token_<suffix>` fields.
    pub tiers: [Option<(u64, u64)>; 3],
}

/// The tiers the price list prices, and the suffix of their fields: Priority `_priority`, Flex
/// `_flex`, batch jobs `_batches`. Reserved is priced by the AWS account team, in no list.
pub const PRICED_TIERS: [Tier; 3] = [Tier::Priority, Tier::Flex, Tier::Batch];
const TIER_SUFFIXES: [&str; 3] = ["priority", "flex", "batches"];

/// The Bedrock part of the price list, by key.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PriceList {
    entries: BTreeMap<String, PriceEntry>,
}

/// The key that priced an option and its per-token figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The price list's key.
    pub key: String,
    /// Whether the key names the Region.
    pub regional: bool,
    /// Input micro-USD per million tokens.
    pub input: u64,
    /// Output micro-USD per million tokens.
    pub output: u64,
}

impl PriceList {
    /// Parses the list, checking every Bedrock entry's prices.
    pub fn parse(file: &str, text: &str) -> Result<PriceList, InputError> {
        let top = At::file(file);
        let value = parse_json(file, text)?;
        let mut entries = BTreeMap::new();
        for (key, entry) in object(&value, &top)? {
            let at = top.field(key);
            let fields = object(entry, &at)?;
            if fields.contains_key("alias_of") {
                continue;
            }
            let provider = match fields.get("litellm_provider") {
                Some(p) => string(p, &at.field("litellm_provider"))?,
                None => continue,
            };
            if BEDROCK_PROVIDERS.contains(&provider) {
                entries.insert(key.clone(), entry_of(fields, &at)?);
            }
        }
        Ok(PriceList { entries })
    }

    /// The entry under `key`.
    pub fn entry(&self, key: &str) -> Option<&PriceEntry> {
        self.entries.get(key)
    }

    /// Every key.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.entries.keys().map(String::as_str)
    }

    /// The first of `keys` with a per-token price: Standard's, or `tier`'s.
    pub fn first_priced(
        &self,
        keys: &[String],
        region: Option<&RegionCode>,
        tier: Option<Tier>,
    ) -> Option<Found> {
        keys.iter().find_map(|key| {
            let entry = self.entries.get(key)?;
            let (input, output) = match tier {
                None => entry.per_token?,
                Some(tier) => {
                    let slot = PRICED_TIERS.iter().position(|t| *t == tier)?;
                    entry.tiers[slot]?
                }
            };
            let regional = region.is_some_and(|r| key.split('/').any(|part| part == r.as_str()));
            Some(Found {
                key: key.clone(),
                regional,
                input,
                output,
            })
        })
    }

    /// LiteLLM's deprecation date for a model ID (`<id>`, else `bedrock/<id>`).
    pub fn deprecation_date(&self, id: &ModelId) -> Option<&str> {
        [id.to_string(), format!("bedrock/{id}")]
            .iter()
            .find_map(|k| self.entries.get(k)?.deprecation_date.as_deref())
    }
}

/// The input and output prices under `input_cost_per_token<suffix>` and
/// `output_cost_per_token<suffix>`, each when present.
fn token_prices(
    fields: &Map<String, Value>,
    suffix: &str,
    at: &At,
) -> Result<[Option<u64>; 2], InputError> {
    let mut prices = [None, None];
    for (slot, side) in ["input", "output"].iter().enumerate() {
        let name = format!("{side}_cost_per_token{suffix}");
        if let Some(v) = fields.get(&name) {
            let here = at.field(&name);
            prices[slot] = Some(micro_usd_per_million(non_negative(v, &here)?, &here)?);
        }
    }
    Ok(prices)
}

fn entry_of(fields: &Map<String, Value>, at: &At) -> Result<PriceEntry, InputError> {
    let per_token = token_prices(fields, "", at)?;
    let mut tiers = [None; 3];
    for (slot, suffix) in TIER_SUFFIXES.iter().enumerate() {
        if let [Some(input), Some(output)] = token_prices(fields, &format!("_{suffix}"), at)? {
            tiers[slot] = Some((input, output));
        }
    }
    let mut other_units = false;
    for name in OTHER_UNITS {
        if let Some(v) = fields.get(name) {
            non_negative(v, &at.field(name))?;
            other_units = true;
        }
    }
    let deprecation_date = match fields.get("deprecation_date") {
        Some(v) => Some(date(v, &at.field("deprecation_date"))?.to_owned()),
        None => None,
    };
    let per_token = match per_token {
        // A zero token price beside a per-query or per-image price is a placeholder.
        [Some(0), Some(0)] if other_units => None,
        [Some(input), Some(output)] => Some((input, output)),
        _ => None,
    };
    Ok(PriceEntry {
        per_token,
        other_units,
        deprecation_date,
        tiers,
    })
}

/// The keys that price a profile: its ID.
pub fn profile_keys(profile: &str) -> Vec<String> {
    vec![profile.to_owned()]
}

/// The keys that price the bare ID in `region` on `endpoint`, most specific first:
/// bedrock-runtime `bedrock/<region>/<id>`, `<id>`, `bedrock/<id>`; bedrock-mantle
/// `bedrock_mantle/<region>/<id>`, `bedrock_mantle/<id>`, then the runtime keys.
pub fn in_region_keys(id: &ModelId, region: &RegionCode, endpoint: Endpoint) -> Vec<String> {
    let runtime = [
        format!("bedrock/{region}/{id}"),
        id.to_string(),
        format!("bedrock/{id}"),
    ];
    match endpoint {
        Endpoint::Runtime => runtime.to_vec(),
        Endpoint::Mantle => [
            format!("bedrock_mantle/{region}/{id}"),
            format!("bedrock_mantle/{id}"),
        ]
        .into_iter()
        .chain(runtime)
        .collect(),
    }
}

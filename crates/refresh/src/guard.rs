//! The checks a new catalog passes before it replaces the old one: every model and profile ID
//! is one Bedrock accepts, and no Region loses all (or too large a share) of its facts at once,
//! which an empty or truncated AWS listing would otherwise do silently.

use atlas_core::catalog::ids::RegionCode;
use atlas_core::catalog::Catalog;
use regex_lite::Regex;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// botocore's `BedrockModelId` (service model `bedrock` 2023-04-20), matched whole: the
/// identifier `InvokeModel` and `Converse` accept for a model or inference profile.
pub const BEDROCK_MODEL_ID: &str = r"[a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}([a-z0-9-]{1,63}[.]){0,2}[a-z0-9-]{1,63}([:][a-z0-9-]{1,63}){0,2}(/[a-z0-9]{12}|)";

/// The same shape's length limit.
const MAX_ID_LENGTH: usize = 140;

/// Whether `id` is a model or profile ID Bedrock accepts. `~` (the app's path encoding of `:`)
/// and `/` outside the pattern's suffix are thereby refused too.
pub fn is_bedrock_model_id(id: &str) -> bool {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    let pattern = PATTERN.get_or_init(|| {
        Regex::new(&format!("^(?:{BEDROCK_MODEL_ID})$")).expect("botocore's pattern compiles")
    });
    id.len() <= MAX_ID_LENGTH && pattern.is_match(id)
}

/// Refuses a catalog with an ID that is not a Bedrock model ID, naming it (quoted, at most 40
/// characters).
pub fn check_ids(catalog: &Catalog) -> Result<(), String> {
    let ids = catalog
        .models
        .iter()
        .map(|m| ("model", m.id.as_str()))
        .chain(catalog.profiles.iter().map(|p| ("profile", p.id.as_str())))
        .chain(
            catalog
                .profiles
                .iter()
                .map(|p| ("profile's model", p.model.as_str())),
        );
    for (what, id) in ids {
        if !is_bedrock_model_id(id) {
            let shown: String = id.chars().take(40).collect();
            return Err(format!(
                "{what} ID {shown:?} is not a Bedrock model ID (botocore's BedrockModelId \
                 pattern: lowercase letters, digits, `-`, `.` and `:` only)"
            ));
        }
    }
    Ok(())
}

/// The share of a Region's facts a refresh or import may drop at once, in percent.
pub const MAX_DROPPED_PERCENT: usize = 25;

/// What the catalog states about each Region: the models offered there, their in-Region offers
/// and Provisioned Throughput units, and each profile's destinations from it.
pub fn facts_per_region(catalog: &Catalog) -> BTreeMap<&RegionCode, usize> {
    let mut facts: BTreeMap<&RegionCode, usize> = BTreeMap::new();
    for model in &catalog.models {
        let regions = model
            .offered_in
            .iter()
            .chain(model.in_region.iter().map(|o| &o.region))
            .chain(model.provisioned.iter().flat_map(|u| &u.regions));
        for region in regions {
            *facts.entry(region).or_default() += 1;
        }
    }
    for profile in &catalog.profiles {
        for route in &profile.routes {
            for source in &route.from {
                *facts.entry(source).or_default() += route.to.len();
            }
        }
    }
    facts
}

/// Refuses `next` when it drops a Region of `previous` entirely, or more than
/// [`MAX_DROPPED_PERCENT`] of a Region's facts; the error names every such Region.
pub fn check_drops(previous: &Catalog, next: &Catalog) -> Result<(), String> {
    let after = facts_per_region(next);
    let mut problems = Vec::new();
    for (region, before) in facts_per_region(previous) {
        let now = after.get(region).copied().unwrap_or(0);
        let dropped = before.saturating_sub(now);
        if now == 0 {
            problems.push(format!("{region} (all {before} facts)"));
        } else if dropped * 100 > before * MAX_DROPPED_PERCENT {
            problems.push(format!("{region} ({dropped} of {before} facts)"));
        }
    }
    if problems.is_empty() {
        return Ok(());
    }
    Err(format!(
        "the new catalog would drop {}: more than {MAX_DROPPED_PERCENT}% of a Region's facts at \
         once is more often a failed or empty listing than a change; nothing was written \
         (--allow-drop writes it)",
        problems.join(", ")
    ))
}

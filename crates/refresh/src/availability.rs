//! The AWS documentation page "Regional availability" (models-region-compatibility.html) as the
//! scrape `bedrock-availability.yaml` holds it: display names, providers, end-of-life dates and
//! per-Region In-Region, Geo and Global cells, used to name models and to cross-check the API.
//! The page names no model IDs, so a model joins the page's rows by provider and display name.

use crate::input::{identifier, is_date, At, InputError};
use atlas_core::catalog::ids::{ModelId, RegionCode};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

/// The scrape's file: the page URL and, per provider, one row per model display name.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AvailabilityPage {
    /// The page scraped.
    pub source_url: String,
    /// Rows per provider display name.
    pub providers: BTreeMap<String, Vec<PageRow>>,
}

/// One model row of the page.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageRow {
    /// Display name.
    pub name: String,
    /// The model card page, such as `model-card-anthropic-claude-sonnet-4-5.html`.
    #[serde(default)]
    pub model_card: Option<String>,
    /// One cell per Region the row lists.
    pub regions: Vec<PageCell>,
}

/// The row's cells for one Region.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageCell {
    /// Region code.
    pub region: String,
    /// The page's location label.
    #[serde(default)]
    pub location: Option<String>,
    /// In-Region (the bare ID on demand).
    pub in_region: Cell,
    /// Geographic cross-Region inference.
    pub geo: Cell,
    /// Global cross-Region inference.
    pub global: Cell,
}

/// A cell as scraped: `true`, `false` or `Legacy (EOL: YYYY-MM-DD)`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum Cell {
    /// Supported or not.
    Flag(bool),
    /// A legacy marker.
    Text(String),
}

/// What a cell says. Ordered so that merging two rows keeps the strongest claim.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Says {
    /// Not supported.
    No,
    /// Supported until the end-of-life date.
    Legacy(String),
    /// Supported.
    Yes,
}

impl Says {
    /// Whether the cell offers the model on `date`: supported, or legacy and not past its end
    /// of life.
    pub fn offered_on(&self, date: &str) -> bool {
        match self {
            Says::Yes => true,
            Says::Legacy(end_of_life) => end_of_life.as_str() >= date,
            Says::No => false,
        }
    }
}

impl Cell {
    /// What the cell says, or `None` for text the scrape should not contain.
    pub fn says(&self) -> Option<Says> {
        match self {
            Cell::Flag(true) => Some(Says::Yes),
            Cell::Flag(false) => Some(Says::No),
            Cell::Text(text) => text
                .strip_prefix("Legacy (EOL: ")
                .and_then(|rest| rest.strip_suffix(')'))
                .filter(|date| is_date(date))
                .map(|date| Says::Legacy(date.to_owned())),
        }
    }
}

/// What the page says of one model, merged over the rows joined to it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageFacts {
    /// The In-Region cell per Region.
    pub in_region: BTreeMap<RegionCode, Says>,
    /// Per Region, the strongest claim of its three cells (In-Region, Geo, Global).
    pub listed: BTreeMap<RegionCode, Says>,
    /// The latest end-of-life date in any cell.
    pub end_of_life: Option<String>,
}

/// The page, checked and indexed by (provider, display name).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    rows: BTreeMap<(String, String), PageFacts>,
    cards: BTreeMap<(String, String), Vec<String>>,
}

impl Page {
    /// Checks every cell of the scrape and merges rows that share a provider and name.
    pub fn read(page: &AvailabilityPage, file: &str) -> Result<Page, InputError> {
        let mut out = Page::default();
        for (provider, rows) in &page.providers {
            for (i, row) in rows.iter().enumerate() {
                let at = At::file(file).field("providers").field(provider).index(i);
                let key = (provider.clone(), row.name.clone());
                let facts = out.rows.entry(key.clone()).or_default();
                for (j, cell) in row.regions.iter().enumerate() {
                    merge_cell(facts, cell, &at.field("regions").index(j))?;
                }
                let cards = out.cards.entry(key).or_default();
                cards.extend(row.model_card.iter().map(|c| card_core(provider, c)));
            }
        }
        Ok(out)
    }

    /// The facts of the rows named `name` under `provider`.
    pub fn facts(&self, provider: &str, name: &str) -> Option<&PageFacts> {
        self.rows.get(&(provider.to_owned(), name.to_owned()))
    }

    /// Every (provider, name) row.
    pub fn names(&self) -> impl Iterator<Item = &(String, String)> {
        self.rows.keys()
    }

    /// A row for a model the catalog has not named yet: the only row of `provider` whose name
    /// or model card matches the ID once dates and versions are dropped, and that no other
    /// model has joined. A suggestion from the ID, so it is reported as such.
    pub fn suggest(
        &self,
        id: &ModelId,
        provider: &str,
        taken: &BTreeSet<(String, String)>,
    ) -> Option<(String, String)> {
        let core = normalise(&id_core(id.as_str()));
        let provider_word = normalise(provider);
        let matches: Vec<&(String, String)> = self
            .cards
            .iter()
            .filter(|((p, _), _)| p == provider)
            .filter(|(key, cards)| {
                let mut names: Vec<String> = cards.iter().map(|c| normalise(c)).collect();
                names.push(normalise(&key.1));
                names
                    .iter()
                    .any(|n| *n == core || n.replacen(&provider_word, "", 1) == core)
            })
            .map(|(key, _)| key)
            .collect();
        match matches.as_slice() {
            [one] if !taken.contains(*one) => Some((*one).clone()),
            _ => None,
        }
    }
}

fn merge_cell(facts: &mut PageFacts, cell: &PageCell, at: &At) -> Result<(), InputError> {
    let region = RegionCode::new(identifier(&cell.region, &at.field("region"))?);
    let mut says = Vec::new();
    for (name, value) in [
        ("in_region", &cell.in_region),
        ("geo", &cell.geo),
        ("global", &cell.global),
    ] {
        let s = value
            .says()
            .ok_or_else(|| at.field(name).error(format!("unexpected cell {value:?}")))?;
        says.push(s);
    }
    for s in &says {
        if let Says::Legacy(date) = s {
            if facts.end_of_life.as_deref() < Some(date.as_str()) {
                facts.end_of_life = Some(date.clone());
            }
        }
    }
    if let Some(strongest) = says.iter().max() {
        let listed = facts.listed.entry(region.clone()).or_insert(Says::No);
        if strongest > listed {
            *listed = strongest.clone();
        }
    }
    let in_region = says.swap_remove(0);
    let merged = facts.in_region.entry(region).or_insert(Says::No);
    if in_region > *merged {
        *merged = in_region;
    }
    Ok(())
}

/// `model-card-anthropic-claude-sonnet-4-5.html` -> `claude-sonnet-4-5`.
fn card_core(provider: &str, card: &str) -> String {
    let core = card.strip_suffix(".html").unwrap_or(card);
    let core = core.strip_prefix("model-card-").unwrap_or(core);
    let slug = provider.to_lowercase().replace(' ', "-").replace('.', "");
    core.strip_prefix(&format!("{slug}-"))
        .unwrap_or(core)
        .to_owned()
}

fn normalise(text: &str) -> String {
    text.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The ID without provider, date snapshot and version: `anthropic.claude-sonnet-4-20250514-v1:0`
/// -> `claude-sonnet-4`.
pub fn id_core(id: &str) -> String {
    let mut core = id.split_once('.').map_or(id, |(_, rest)| rest).to_owned();
    // A trailing `-YYYY-MM-DD` snapshot date.
    if core.len() > 11 && is_date(&core[core.len() - 10..]) {
        core.truncate(core.len() - 11);
    }
    // `:N` then `-vN`.
    for sep in [':', '-'] {
        if let Some((head, tail)) = core.rsplit_once(sep) {
            let digits = tail.strip_prefix('v').unwrap_or(tail);
            let versioned = sep == ':' || tail.starts_with('v');
            if versioned && !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
                core = head.to_owned();
            }
        }
    }
    // An eight-digit date anywhere (`-20250514`).
    core.split('-')
        .filter(|part| !(part.len() == 8 && part.chars().all(|c| c.is_ascii_digit())))
        .collect::<Vec<_>>()
        .join("-")
}

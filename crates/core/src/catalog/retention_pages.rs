//! The two transcribed AWS pages that say who keeps prompts ("Data retention" and "Amazon Bedrock
//! abuse detection", `data/sources/data-retention.json` and `abuse-detection.json`), read into
//! the few facts the catalog keeps: per named model, what is retained, for how long, who may see
//! it and how to get zero retention.
//! [`crate::catalog::retention`] turns them into typed facts, which travel in the site's data
//! file with the rest of the catalog.

use serde::{Deserialize, Serialize};

/// What the two pages say, as read; modes and kinds are still text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PageFacts {
    /// The two pages: data retention first, abuse detection second.
    pub sources: Vec<PageSource>,
    /// Every model either page names, with its catalog IDs.
    pub models: Vec<NamedModel>,
    /// Catalog IDs of the provider whose clause lists models by name that the clause leaves out
    /// (the page says nothing of them).
    pub not_named: Vec<String>,
    /// How the pages' wording changed, oldest first: (page title, what changed, copy read).
    pub history: Vec<(String, String, String)>,
}

/// One transcribed page.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PageSource {
    /// The page's title.
    pub title: String,
    /// The page.
    pub url: String,
    /// The stored copy read.
    pub copy: String,
    /// The earliest date the copy can have.
    pub copy_date: String,
    /// When the copies were last compared.
    pub checked: String,
}

/// One model as the pages name it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NamedModel {
    /// The page's name for it.
    pub page_name: String,
    /// Every catalog ID of the model.
    pub ids: Vec<String>,
    /// The lowest mode it runs at (`none`, `default`, `aws_review`, `provider_data_share`).
    pub minimum: String,
    /// What is retained: `all`, `flagged` or `nothing`.
    pub retained: String,
    /// For how long at most, in days.
    pub days: Option<u32>,
    /// Whether AWS staff may review flagged traffic.
    pub human_review: bool,
    /// Whether it is shared with the model provider.
    pub shared_with_provider: bool,
    /// The zero-retention route: `available`, `on_request` or `program`.
    pub zero_route: String,
    /// The program's name, for a `program` route.
    pub program: Option<String>,
    /// The program's last day, for a `program` route.
    pub until: Option<String>,
}

#[derive(Deserialize)]
struct RetentionPage {
    source: PageSource,
    models: Vec<RetentionModel>,
    #[serde(default)]
    history: Vec<HistoryEntry>,
}

#[derive(Deserialize)]
struct RetentionModel {
    page_name: String,
    catalog_ids: Vec<Option<String>>,
    minimum_mode: String,
}

#[derive(Deserialize)]
struct AbusePage {
    source: PageSource,
    models: Vec<AbuseModel>,
    openai_clause: Clause,
    #[serde(default)]
    history: Vec<HistoryEntry>,
}

#[derive(Deserialize)]
struct Clause {
    #[serde(default)]
    catalog_openai_not_named: Vec<String>,
}

#[derive(Deserialize)]
struct AbuseModel {
    page_name: String,
    catalog_ids: Vec<Option<String>>,
    retained: String,
    how_long_days_max: Option<u32>,
    human_review_by_aws: String,
    shared_with_provider: bool,
    zero_retention_route: Route,
}

#[derive(Deserialize)]
struct Route {
    kind: String,
    program: Option<String>,
    until: Option<String>,
}

#[derive(Deserialize)]
struct HistoryEntry {
    state: String,
    #[serde(default)]
    copy: Option<String>,
    #[serde(default)]
    copies: Vec<String>,
}

impl PageFacts {
    /// Reads the two pages' files. A model the abuse-detection page names takes its retention
    /// from there; its minimum mode from the data-retention page where that names it, else
    /// `default` when something is retained (zero retention needs an approval) and `none` when
    /// nothing is. A model only the data-retention page names keeps nothing.
    pub fn read(retention: &str, abuse: &str) -> Result<PageFacts, String> {
        let retention: RetentionPage = serde_json::from_str(retention)
            .map_err(|e| format!("data/sources/data-retention.json: {e}"))?;
        let abuse: AbusePage = serde_json::from_str(abuse)
            .map_err(|e| format!("data/sources/abuse-detection.json: {e}"))?;
        let ids = |list: &[Option<String>]| list.iter().flatten().cloned().collect::<Vec<_>>();
        let minimum_of = |ids: &[String]| {
            retention
                .models
                .iter()
                .find(|m| {
                    ids.iter()
                        .any(|id| m.catalog_ids.contains(&Some(id.clone())))
                })
                .map(|m| m.minimum_mode.clone())
        };
        let mut models: Vec<NamedModel> = abuse
            .models
            .iter()
            .map(|m| {
                let ids = ids(&m.catalog_ids);
                let fallback = if m.retained == "nothing" {
                    "none"
                } else {
                    "default"
                };
                NamedModel {
                    page_name: m.page_name.clone(),
                    minimum: minimum_of(&ids).unwrap_or_else(|| fallback.to_owned()),
                    ids,
                    retained: m.retained.clone(),
                    days: m.how_long_days_max,
                    human_review: m.human_review_by_aws != "none",
                    shared_with_provider: m.shared_with_provider,
                    zero_route: m.zero_retention_route.kind.clone(),
                    program: m.zero_retention_route.program.clone(),
                    until: m.zero_retention_route.until.clone(),
                }
            })
            .filter(|m| !m.ids.is_empty())
            .collect();
        for m in &retention.models {
            let ids = ids(&m.catalog_ids);
            if ids.is_empty() || models.iter().any(|n| n.ids.iter().any(|i| ids.contains(i))) {
                continue;
            }
            models.push(NamedModel {
                page_name: m.page_name.clone(),
                ids,
                minimum: m.minimum_mode.clone(),
                retained: "nothing".into(),
                zero_route: "available".into(),
                ..NamedModel::default()
            });
        }
        let history = |title: &str, entries: &[HistoryEntry]| {
            entries
                .iter()
                .map(|h| {
                    let copy = h.copy.clone().unwrap_or_else(|| h.copies.join(", "));
                    (title.to_owned(), h.state.clone(), copy)
                })
                .collect::<Vec<_>>()
        };
        let mut all_history = history(&retention.source.title, &retention.history);
        all_history.extend(history(&abuse.source.title, &abuse.history));
        Ok(PageFacts {
            sources: vec![retention.source, abuse.source],
            models,
            not_named: abuse.openai_clause.catalog_openai_not_named,
            history: all_history,
        })
    }
}

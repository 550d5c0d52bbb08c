//! Who keeps the prompts: each model's data retention facts, from the two transcribed AWS pages
//! ([`crate::catalog::retention_pages`]). A model the pages name has its own facts; any other
//! follows the abuse-detection page's general rule ("by default, Amazon Bedrock does not store
//! model inputs or outputs"), and the facts say they come from that rule. A catalog built
//! without the pages knows nothing about retention, and says so rather than claim nothing is
//! kept.

use crate::catalog::calendar::Day;
use crate::catalog::ids::ModelId;
use crate::catalog::retention_pages::{NamedModel, PageFacts, PageSource};
use serde::{Deserialize, Serialize};

/// A data retention mode, in AWS's order from least to most retention. The derived order is
/// that order: a model runs where the effective mode is at or above its minimum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RetentionMode {
    /// Zero data retention.
    None,
    /// The model's own retention policy.
    Default,
    /// AWS may retain inputs and outputs and review them.
    AwsReview,
    /// Legacy: handled like `aws_review` today.
    ProviderDataShare,
}

impl RetentionMode {
    /// Every mode, in order.
    pub const ALL: [RetentionMode; 4] = [
        RetentionMode::None,
        RetentionMode::Default,
        RetentionMode::AwsReview,
        RetentionMode::ProviderDataShare,
    ];

    /// The API's value.
    pub fn key(self) -> &'static str {
        match self {
            RetentionMode::None => "none",
            RetentionMode::Default => "default",
            RetentionMode::AwsReview => "aws_review",
            RetentionMode::ProviderDataShare => "provider_data_share",
        }
    }

    /// Parses the API's value.
    pub fn parse(key: &str) -> Option<RetentionMode> {
        RetentionMode::ALL.into_iter().find(|m| m.key() == key)
    }

    /// What accepting at most this mode means, in words of effect (the wizard's choices).
    pub fn effect(self) -> &'static str {
        match self {
            RetentionMode::None => "Nothing may be kept (zero data retention)",
            RetentionMode::Default => "AWS may keep flagged prompts for automated abuse checks",
            RetentionMode::AwsReview => "AWS may keep all prompts and review flagged ones",
            RetentionMode::ProviderDataShare => "The model provider may receive prompts",
        }
    }
}

/// A Region's mode as the account sets it: a mode, or `inherit` (the default of a new account:
/// each model's own default applies, which is `default`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AccountMode {
    /// No mode set at this scope.
    Inherit,
    /// Zero data retention.
    None,
    /// The model's own policy.
    Default,
    /// AWS review.
    AwsReview,
    /// Legacy provider data share.
    ProviderDataShare,
}

impl AccountMode {
    /// Every value, as the account section lists them.
    pub const ALL: [AccountMode; 5] = [
        AccountMode::Inherit,
        AccountMode::None,
        AccountMode::Default,
        AccountMode::AwsReview,
        AccountMode::ProviderDataShare,
    ];

    /// The mode in effect: `inherit` falls back to each model's default, `default`.
    pub fn effective(self) -> RetentionMode {
        match self {
            AccountMode::Inherit | AccountMode::Default => RetentionMode::Default,
            AccountMode::None => RetentionMode::None,
            AccountMode::AwsReview => RetentionMode::AwsReview,
            AccountMode::ProviderDataShare => RetentionMode::ProviderDataShare,
        }
    }

    /// The API's value.
    pub fn key(self) -> &'static str {
        match self {
            AccountMode::Inherit => "inherit",
            AccountMode::None => "none",
            AccountMode::Default => "default",
            AccountMode::AwsReview => "aws_review",
            AccountMode::ProviderDataShare => "provider_data_share",
        }
    }

    /// Parses the API's value.
    pub fn parse(key: &str) -> Option<AccountMode> {
        AccountMode::ALL.into_iter().find(|m| m.key() == key)
    }
}

/// What a model's traffic leaves behind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Retained {
    /// Every prompt and completion.
    All,
    /// Traffic an abuse classifier flags.
    Flagged,
    /// Nothing.
    Nothing,
}

impl Retained {
    /// In words: `all traffic`, `classifier-flagged traffic`, `nothing`.
    pub fn words(self) -> &'static str {
        match self {
            Retained::All => "all traffic (prompts and completions)",
            Retained::Flagged => "classifier-flagged traffic",
            Retained::Nothing => "nothing",
        }
    }
}

/// How to get zero data retention for a model.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ZeroRetention {
    /// It runs at `none`.
    Available,
    /// Through the AWS account team, per account.
    OnRequest,
    /// Through a program that ends.
    Program {
        /// The program.
        name: String,
        /// Its last day, `YYYY-MM-DD`.
        until: String,
    },
    /// Not offered.
    Unavailable,
}

impl ZeroRetention {
    /// The route on `today`: a program after its last day is unavailable.
    pub fn on(&self, today: Day) -> ZeroRetention {
        match self {
            ZeroRetention::Program { until, .. }
                if Day::parse(until).is_some_and(|last| today > last) =>
            {
                ZeroRetention::Unavailable
            }
            other => other.clone(),
        }
    }

    /// The CLI's value: `available`, `on_request`, `program`, `unavailable`.
    pub fn key(&self) -> &'static str {
        match self {
            ZeroRetention::Available => "available",
            ZeroRetention::OnRequest => "on_request",
            ZeroRetention::Program { .. } => "program",
            ZeroRetention::Unavailable => "unavailable",
        }
    }

    /// The program's last day, for a program route.
    pub fn until(&self) -> Option<&str> {
        match self {
            ZeroRetention::Program { until, .. } => Some(until),
            _ => None,
        }
    }

    /// In words.
    pub fn words(&self) -> String {
        match self {
            ZeroRetention::Available => "zero retention available".into(),
            ZeroRetention::OnRequest => {
                "zero retention only on request, through the AWS account team".into()
            }
            ZeroRetention::Program { name, until } => {
                format!("zero retention only through the {name} program, until {until}")
            }
            ZeroRetention::Unavailable => "no zero-retention route".into(),
        }
    }
}

/// Where a model's facts come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Basis {
    /// The pages name the model.
    Named,
    /// The abuse-detection page's general rule: it does not name the model.
    GeneralRule,
}

/// One model's retention facts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetentionFacts {
    /// The lowest mode it runs at.
    pub minimum: RetentionMode,
    /// What is retained at or above the minimum.
    pub retained: Retained,
    /// For how long at most, in days.
    pub days: Option<u32>,
    /// Whether AWS staff may review flagged traffic.
    pub human_review: bool,
    /// Whether it is shared with the model provider.
    pub shared_with_provider: bool,
    /// How to get zero retention.
    pub zero_retention: ZeroRetention,
    /// Named by the pages, or their general rule.
    pub basis: Basis,
}

impl RetentionFacts {
    /// The general rule: nothing stored, runs at `none`.
    pub const GENERAL_RULE: RetentionFacts = RetentionFacts {
        minimum: RetentionMode::None,
        retained: Retained::Nothing,
        days: None,
        human_review: false,
        shared_with_provider: false,
        zero_retention: ZeroRetention::Available,
        basis: Basis::GeneralRule,
    };

    /// Whether anything is kept.
    pub fn keeps_prompts(&self) -> bool {
        self.retained != Retained::Nothing
    }

    /// What is kept, for how long and who may see it, in one clause: `all traffic (prompts and
    /// completions) for up to 30 days; AWS staff may review flagged traffic; not shared with the
    /// model provider`.
    pub fn summary(&self) -> String {
        if !self.keeps_prompts() {
            return "nothing is kept".into();
        }
        let mut out = self.retained.words().to_owned();
        if let Some(days) = self.days {
            out.push_str(&format!(" for up to {days} days"));
        } else {
            out.push_str(" (for how long is not stated)");
        }
        out.push_str(if self.human_review {
            "; AWS staff may review flagged traffic"
        } else {
            "; reviewed by automated checks only"
        });
        out.push_str(if self.shared_with_provider {
            "; shared with the model provider"
        } else {
            "; not shared with the model provider"
        });
        out
    }
}

/// One model's page facts, resolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Entry {
    id: ModelId,
    page_name: String,
    facts: RetentionFacts,
}

/// Every model's retention facts, with the pages they come from.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RetentionTable {
    /// The pages read; empty when the catalog was built without them (nothing is known).
    pub sources: Vec<PageSource>,
    /// Named models, sorted by ID.
    entries: Vec<Entry>,
    /// Catalog IDs the provider's named list leaves out.
    pub not_named: Vec<ModelId>,
    /// How the pages changed: (page, what changed, copy read), oldest first.
    pub history: Vec<(String, String, String)>,
}

impl RetentionTable {
    /// The facts read from the pages, checked: every mode, kind and date is one this build knows.
    pub fn from_pages(pages: PageFacts) -> Result<RetentionTable, String> {
        let mut entries = Vec::new();
        for model in &pages.models {
            let facts = facts_of(model)?;
            for id in &model.ids {
                entries.push(Entry {
                    id: ModelId::new(id.as_str()),
                    page_name: model.page_name.clone(),
                    facts: facts.clone(),
                });
            }
        }
        crate::catalog::order::sort_by(&mut entries, |a, b| a.id.cmp(&b.id));
        if let Some(pair) = entries.windows(2).find(|w| w[0].id == w[1].id) {
            return Err(format!(
                "{} is named twice on the retention pages",
                pair[0].id
            ));
        }
        Ok(RetentionTable {
            sources: pages.sources,
            entries,
            not_named: pages
                .not_named
                .iter()
                .map(|i| ModelId::new(i.as_str()))
                .collect(),
            history: pages.history,
        })
    }

    /// Whether the catalog has the pages at all.
    pub fn is_known(&self) -> bool {
        !self.sources.is_empty()
    }

    /// A model's facts: its own where the pages name it, else the general rule; `None` when the
    /// catalog has no retention facts at all.
    pub fn of(&self, model: &ModelId) -> Option<&RetentionFacts> {
        if !self.is_known() {
            return None;
        }
        Some(
            self.entries
                .binary_search_by(|e| e.id.cmp(model))
                .map_or(&RetentionFacts::GENERAL_RULE, |i| &self.entries[i].facts),
        )
    }

    /// The page's name for a named model.
    pub fn page_name(&self, model: &ModelId) -> Option<&str> {
        self.entries
            .binary_search_by(|e| e.id.cmp(model))
            .ok()
            .map(|i| self.entries[i].page_name.as_str())
    }

    /// Every named model ID, sorted.
    pub fn named_ids(&self) -> impl Iterator<Item = &ModelId> {
        self.entries.iter().map(|e| &e.id)
    }
}

/// A named model's typed facts.
fn facts_of(model: &NamedModel) -> Result<RetentionFacts, String> {
    let what = &model.page_name;
    let minimum = RetentionMode::parse(&model.minimum)
        .ok_or_else(|| format!("{what}: unknown minimum mode \"{}\"", model.minimum))?;
    let retained = match model.retained.as_str() {
        "all" => Retained::All,
        "flagged" => Retained::Flagged,
        "nothing" => Retained::Nothing,
        other => return Err(format!("{what}: unknown retention \"{other}\"")),
    };
    let zero_retention = match (model.zero_route.as_str(), &model.program, &model.until) {
        ("available", _, _) => ZeroRetention::Available,
        ("on_request", _, _) => ZeroRetention::OnRequest,
        ("program", Some(name), Some(until)) if Day::parse(until).is_some() => {
            ZeroRetention::Program {
                name: name.clone(),
                until: until.clone(),
            }
        }
        (other, _, _) => return Err(format!("{what}: unknown zero-retention route \"{other}\"")),
    };
    Ok(RetentionFacts {
        minimum,
        retained,
        days: model.days,
        human_review: model.human_review,
        shared_with_provider: model.shared_with_provider,
        zero_retention,
        basis: Basis::Named,
    })
}

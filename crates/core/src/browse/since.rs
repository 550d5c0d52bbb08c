//! What changed since a plan's review: the change feed's entries of imports after the catalog
//! date the plan was reviewed against (`reviewed_against`, or a date given instead) that touch
//! one of its workloads: an entry about the workload's model, from its source Region when the
//! entry names one, or an entry that concerns every workload. The plan page and `atlas diff`
//! both say this.

use crate::browse::feed::{entries, Entry, Scope};
use crate::catalog::Catalog;
use crate::plan::Plan;

/// A change since the review and the workloads it touches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Touch {
    /// The change.
    pub entry: Entry,
    /// The names of the workloads it touches, in the plan's order.
    pub workloads: Vec<String>,
}

/// What a plan's review says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SinceReview {
    /// No catalog date to compare with: the plan was never marked reviewed (and none was given).
    NotReviewed,
    /// The changes after `since` that touch the plan (none: nothing to look at again).
    Since {
        /// The catalog date compared with.
        since: String,
        /// The catalog's date now.
        now: String,
        /// Every change after `since` that touches a workload, newest first.
        touches: Vec<Touch>,
    },
}

fn touches(entry: &Entry, plan: &Plan<'_>) -> Vec<String> {
    plan.workloads
        .iter()
        .filter(|w| match &entry.scope {
            Scope::Every => true,
            Scope::Model { model, regions } => {
                &w.model().id == model && (regions.is_empty() || regions.contains(&w.source().code))
            }
        })
        .map(|w| w.name().to_owned())
        .collect()
}

/// The changes since `since` (a catalog date, `YYYY-MM-DD`), or since the plan's
/// `reviewed_against` when `since` is `None`, that touch the plan.
pub fn since_review(catalog: &Catalog, plan: &Plan<'_>, since: Option<&str>) -> SinceReview {
    let Some(since) = since.or(plan.header.reviewed_against.as_deref()) else {
        return SinceReview::NotReviewed;
    };
    let touches = entries(catalog)
        .into_iter()
        .filter(|e| e.date.as_str() > since)
        .filter_map(|entry| {
            let workloads = touches(&entry, plan);
            (!workloads.is_empty()).then_some(Touch { entry, workloads })
        })
        .collect();
    SinceReview::Since {
        since: since.to_owned(),
        now: catalog.meta.as_of.clone(),
        touches,
    }
}

impl SinceReview {
    /// The review's state in one sentence, as the plan page and `atlas diff` say it.
    pub fn headline(&self) -> String {
        match self {
            SinceReview::NotReviewed => "Not reviewed against any catalog yet.".to_owned(),
            SinceReview::Since { since, touches, .. } => {
                let count = match touches.len() {
                    0 => "no change since touches this plan".to_owned(),
                    1 => "1 change since touches this plan".to_owned(),
                    n => format!("{n} changes since touch this plan"),
                };
                format!("Reviewed against the catalog of {since}; {count}.")
            }
        }
    }
}

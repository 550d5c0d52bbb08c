//! The plan as browser storage keeps it, and the rules that keep it from being lost: the page
//! writes only over the text it last read or wrote (so a newer plan saved by another tab is never
//! overwritten unannounced), a plan that cannot be read is never written over until the user
//! chooses what becomes of it, and backups go under time-named keys so one never replaces
//! another. Pure: the page's adapter (`state.rs`) does the reading and writing and reports back
//! here with [`Event`]s.

use crate::catalog::Catalog;
use crate::plan::planner::{Action, Planner};
use crate::plan::{Limits, Plan};

/// The storage key of the saved plan; the plan file inside carries its format version.
pub const PLAN_KEY: &str = "cris-atlas.plan";
/// The prefix of backup keys: an unreadable plan the user chose to keep is stored under this
/// prefix followed by the time it was kept (`cris-atlas.plan.backup.2026-12-02T00:48:25.123Z`).
pub const BACKUP_PREFIX: &str = "cris-atlas.plan.backup.";

/// What the page knows about the stored plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sync {
    /// Storage has not been read yet (the prerendered page): nothing is saved.
    NotRead,
    /// Storage holds `seen` (`None`: no plan), the text this page last read or wrote, and
    /// `saved` is that plan as this build writes it. A save goes ahead only while storage still
    /// holds `seen`.
    Synced {
        /// The stored text as last read or written.
        seen: Option<String>,
        /// The plan file of the stored plan, to tell whether the page has anything new.
        saved: String,
    },
    /// The user chose to go on without browser storage: nothing is read or written.
    Detached,
    /// Storage could not be read. Nothing is written and the plan is read-only until the user
    /// tries again or goes on without storage.
    ReadFailed {
        /// Why.
        error: String,
    },
    /// Storage holds a plan this build cannot read. It is left as it is and the plan is
    /// read-only until the user keeps a backup or (after downloading it) discards it.
    Unreadable {
        /// The stored text, exactly.
        text: String,
        /// Why it cannot be read.
        error: String,
        /// The user has been offered the text as a download.
        downloaded: bool,
        /// Why the backup was refused (browser storage full), when it was.
        backup_refused: Option<String>,
    },
    /// Another tab saved a different plan over the one this page read: nothing is saved from
    /// this page until the user picks one of the two.
    Conflict {
        /// What storage holds now.
        theirs: Option<String>,
    },
}

/// The plan page's persisted state: the workflow plus what storage holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Persisted<'c> {
    /// The workflow state.
    pub planner: Planner<'c>,
    /// What storage holds, as far as this page knows.
    pub sync: Sync,
    /// The last save failed (storage full or disabled): why.
    pub save_problem: Option<String>,
    /// Something done to storage that the user should know about (where a backup went).
    pub note: Option<String>,
}

impl Default for Persisted<'_> {
    fn default() -> Self {
        Persisted {
            planner: Planner::default(),
            sync: Sync::NotRead,
            save_problem: None,
            note: None,
        }
    }
}

/// What happened: a user intent, or what the adapter found in storage.
#[derive(Debug, Clone)]
pub enum Event<'c> {
    /// A planner action.
    Act(Action<'c>),
    /// Storage was read (at start, or again on the user's request).
    Read(Result<Option<String>, String>),
    /// Another tab changed storage (the browser's `storage` event); what it holds now.
    Changed(Result<Option<String>, String>),
    /// This plan file was written.
    Saved(String),
    /// Writing was refused: why.
    SaveFailed(String),
    /// Before writing, storage was found to hold something other than what this page saw.
    Conflicted(Option<String>),
    /// The user chose the other tab's plan.
    TakeTheirs,
    /// The user chose to go on without browser storage.
    Detach,
    /// The unreadable text was offered as a download.
    Downloaded,
    /// The unreadable text was kept under this backup key and the saved plan removed.
    BackedUp(String),
    /// The backup could not be written: why.
    BackupRefused(String),
    /// The user discarded the unreadable plan (after downloading it): storage holds no plan.
    Discarded,
}

/// The limits a stored plan is read with: the command line's, since the page itself wrote it.
const STORED: Limits = Limits::CLI;

impl<'c> Persisted<'c> {
    /// Whether the plan may not be changed now (storage is unreadable and the user has not
    /// chosen what to do).
    pub fn read_only(&self) -> bool {
        matches!(self.sync, Sync::ReadFailed { .. } | Sync::Unreadable { .. })
    }

    /// What to save: the text storage must still hold (`None`: nothing) and the plan file to
    /// write over it. `None` when nothing is to be written.
    pub fn to_save(&self) -> Option<(Option<&str>, String)> {
        let Sync::Synced { seen, saved } = &self.sync else {
            return None;
        };
        let json = self.planner.plan().to_json();
        (json != *saved).then_some((seen.as_deref(), json))
    }

    /// Applies an event; `false` when nothing changed.
    pub fn apply(&mut self, event: Event<'c>, catalog: &'c Catalog) -> bool {
        let before = self.clone();
        match event {
            Event::Act(action) => {
                if !self.read_only() {
                    self.planner.apply(action, catalog);
                }
            }
            Event::Read(found) => self.adopt(found, catalog),
            Event::Changed(found) => self.changed(found, catalog),
            Event::Saved(json) => {
                self.sync = Sync::Synced {
                    seen: Some(json.clone()),
                    saved: json,
                };
                self.save_problem = None;
            }
            Event::SaveFailed(problem) => self.save_problem = Some(problem),
            Event::Conflicted(theirs) => self.sync = Sync::Conflict { theirs },
            Event::TakeTheirs => {
                if let Sync::Conflict { theirs } = &self.sync {
                    let theirs = theirs.clone();
                    self.adopt(Ok(theirs), catalog);
                }
            }
            Event::Detach => {
                self.sync = Sync::Detached;
                self.save_problem = None;
            }
            Event::Downloaded => {
                if let Sync::Unreadable { downloaded, .. } = &mut self.sync {
                    *downloaded = true;
                }
            }
            Event::BackedUp(key) => {
                self.note = Some(format!(
                    "The unreadable plan is kept in this browser's storage under \"{key}\"."
                ));
                self.adopt(Ok(None), catalog);
            }
            Event::BackupRefused(why) => {
                if let Sync::Unreadable { backup_refused, .. } = &mut self.sync {
                    *backup_refused = Some(why);
                }
            }
            Event::Discarded => self.adopt(Ok(None), catalog),
        }
        *self != before
    }

    /// Shows what storage holds: its plan, or why it cannot be shown.
    fn adopt(&mut self, found: Result<Option<String>, String>, catalog: &'c Catalog) {
        self.save_problem = None;
        match found {
            Err(error) => self.sync = Sync::ReadFailed { error },
            Ok(None) => {
                self.replace_plan(Plan::empty(), catalog);
                self.sync = Sync::Synced {
                    seen: None,
                    saved: Plan::empty().to_json(),
                };
            }
            Ok(Some(text)) => match Plan::parse_within(&text, catalog, STORED) {
                Ok(plan) => {
                    let saved = plan.to_json();
                    self.replace_plan(plan, catalog);
                    self.sync = Sync::Synced {
                        seen: Some(text),
                        saved,
                    };
                }
                Err(e) => {
                    self.replace_plan(Plan::empty(), catalog);
                    self.sync = Sync::Unreadable {
                        text,
                        error: e.to_string(),
                        downloaded: false,
                        backup_refused: None,
                    };
                }
            },
        }
    }

    fn replace_plan(&mut self, plan: Plan<'c>, catalog: &'c Catalog) {
        if self.planner.plan() != plan || self.planner.wizard.is_some() {
            self.planner.apply(Action::Replace(plan), catalog);
        }
    }

    /// Another tab changed storage. A page with nothing unsaved shows the new plan; a page with
    /// unsaved work (an open wizard, a change not yet written) is told of the conflict instead.
    fn changed(&mut self, found: Result<Option<String>, String>, catalog: &'c Catalog) {
        match &self.sync {
            Sync::NotRead | Sync::Detached => {}
            Sync::ReadFailed { .. } | Sync::Unreadable { .. } => self.adopt(found, catalog),
            Sync::Conflict { .. } => {
                if let Ok(theirs) = found {
                    self.sync = Sync::Conflict { theirs };
                }
            }
            Sync::Synced { seen, .. } => match found {
                Ok(now) if now == *seen => {}
                Ok(now) => {
                    if self.to_save().is_none() && self.planner.wizard.is_none() {
                        self.adopt(Ok(now), catalog);
                    } else {
                        self.sync = Sync::Conflict { theirs: now };
                    }
                }
                // This page's copy stays; the next save finds out whether storage works.
                Err(_) => {}
            },
        }
    }
}

/// A backup key for an unreadable plan kept at `now` (an ISO 8601 time): the first of
/// `<prefix><now>`, `<prefix><now>-2`, ... that is not `taken`, so no backup replaces another.
pub fn backup_key(now: &str, taken: impl Fn(&str) -> bool) -> String {
    let base = format!("{BACKUP_PREFIX}{now}");
    (1..)
        .map(|n| {
            if n == 1 {
                base.clone()
            } else {
                format!("{base}-{n}")
            }
        })
        .find(|key| !taken(key))
        .unwrap_or(base)
}

//! The plan page's workflow as a plain type: the workloads with stable IDs, the selection, the
//! wizard being walked, and the last deletion kept for undo. Every user intent is an [`Action`];
//! [`Planner::apply`] says whether anything changed, so the view can skip a re-render.

use crate::catalog::ids::RegionCode;
use crate::catalog::retention::AccountMode;
use crate::catalog::Catalog;
use crate::plan::wizard::{Draft, Field, Problem, Wizard, WizardAction, WizardOutcome};
use crate::plan::{self, Plan, PlanHeader, Workload};

/// A workload's identity on the page (not stored in the plan file).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct WorkloadId(pub u32);

/// One workload with its identity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry<'c> {
    /// Identity.
    pub id: WorkloadId,
    /// The workload.
    pub workload: Workload<'c>,
}

/// What the wizard is editing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Editing {
    /// A workload to add.
    New,
    /// An existing workload.
    Existing(WorkloadId),
}

/// A user intent on the plan page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action<'c> {
    /// Open the wizard for a new workload.
    StartAdd,
    /// Open the wizard on an existing workload.
    StartEdit(WorkloadId),
    /// Act in the open wizard.
    Wizard(WizardAction),
    /// Show a workload's recommendation.
    Select(WorkloadId),
    /// Copy a workload below itself.
    Duplicate(WorkloadId),
    /// Remove a workload (undoable).
    Delete(WorkloadId),
    /// Restore the last deleted workload.
    Undo,
    /// Move a workload up one place.
    MoveUp(WorkloadId),
    /// Move a workload down one place.
    MoveDown(WorkloadId),
    /// Replace the plan with an imported one.
    Replace(Plan<'c>),
    /// Set (or, with `None`, forget) the account's data retention mode in a Region.
    SetRetentionMode(RegionCode, Option<AccountMode>),
    /// Record that the plan was reviewed against the catalog of this date (`YYYY-MM-DD`): the
    /// only way `reviewed_against` is set.
    MarkReviewed(String),
    /// Set (or, with `None`, forget) a quota's applied value in a Region; a code that is not
    /// written as Service Quotas writes codes is ignored.
    SetQuota(RegionCode, String, Option<u64>),
}

/// The plan page's state.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Planner<'c> {
    /// Workloads in the user's order.
    pub entries: Vec<Entry<'c>>,
    /// The workload whose recommendation is shown.
    pub selected: Option<WorkloadId>,
    /// The wizard, when open.
    pub wizard: Option<(Editing, Wizard)>,
    /// The last deleted workload and where it was, for undo.
    pub removed: Option<(usize, Entry<'c>)>,
    /// The plan's name and review date, kept as the plan file gave them.
    pub header: PlanHeader,
    next_id: u32,
}

impl<'c> Planner<'c> {
    /// A planner holding a plan's workloads, the first one selected.
    pub fn from_plan(plan: Plan<'c>) -> Planner<'c> {
        let mut planner = Planner {
            header: plan.header,
            ..Planner::default()
        };
        for workload in plan.workloads {
            let id = planner.fresh_id();
            planner.entries.push(Entry { id, workload });
        }
        planner.selected = planner.entries.first().map(|e| e.id);
        planner
    }

    /// The plan file of the current workloads.
    pub fn plan(&self) -> Plan<'c> {
        Plan {
            header: self.header.clone(),
            workloads: self.entries.iter().map(|e| e.workload.clone()).collect(),
        }
    }

    fn fresh_id(&mut self) -> WorkloadId {
        self.next_id += 1;
        WorkloadId(self.next_id)
    }

    fn index(&self, id: WorkloadId) -> Option<usize> {
        self.entries.iter().position(|e| e.id == id)
    }

    /// The selected entry.
    pub fn selected_entry(&self) -> Option<&Entry<'c>> {
        self.selected
            .and_then(|id| self.index(id))
            .map(|i| &self.entries[i])
    }

    /// The source Regions the workloads call from, sorted, each once: where the account's
    /// settings matter to this plan.
    pub fn source_regions(&self) -> Vec<RegionCode> {
        let regions: std::collections::BTreeSet<&RegionCode> = self
            .entries
            .iter()
            .map(|e| &e.workload.source().code)
            .collect();
        regions.into_iter().cloned().collect()
    }

    /// Applies an action; returns whether anything changed.
    pub fn apply(&mut self, action: Action<'c>, catalog: &'c Catalog) -> bool {
        let before = self.clone();
        match action {
            Action::StartAdd => self.wizard = Some((Editing::New, Wizard::new())),
            Action::StartEdit(id) => {
                if let Some(i) = self.index(id) {
                    let draft = Draft::from_workload(&self.entries[i].workload);
                    self.wizard = Some((Editing::Existing(id), Wizard::with_draft(draft)));
                    self.selected = Some(id);
                }
            }
            Action::Wizard(action) => self.act_in_wizard(action, catalog),
            Action::Select(id) => {
                if self.index(id).is_some() {
                    self.selected = Some(id);
                }
            }
            Action::Duplicate(id) => {
                if let Some(i) = self.index(id) {
                    let original = &self.entries[i].workload;
                    let workload =
                        original.renamed(self.unused_name(&format!("{} (copy)", original.name())));
                    let id = self.fresh_id();
                    self.entries.insert(i + 1, Entry { id, workload });
                    self.selected = Some(id);
                }
            }
            Action::Delete(id) => {
                if let Some(i) = self.index(id) {
                    let entry = self.entries.remove(i);
                    if self.selected == Some(id) {
                        self.selected = self
                            .entries
                            .get(i)
                            .or_else(|| self.entries.last())
                            .map(|e| e.id);
                    }
                    if matches!(self.wizard, Some((Editing::Existing(w), _)) if w == id) {
                        self.wizard = None;
                    }
                    self.removed = Some((i, entry));
                }
            }
            Action::Undo => {
                if let Some((i, entry)) = self.removed.take() {
                    let id = entry.id;
                    self.entries.insert(i.min(self.entries.len()), entry);
                    self.selected = Some(id);
                }
            }
            Action::MoveUp(id) => {
                if let Some(i) = self.index(id).filter(|&i| i > 0) {
                    self.entries.swap(i - 1, i);
                }
            }
            Action::MoveDown(id) => {
                if let Some(i) = self.index(id).filter(|&i| i + 1 < self.entries.len()) {
                    self.entries.swap(i, i + 1);
                }
            }
            Action::Replace(plan) => {
                let next_id = self.next_id;
                *self = Planner::from_plan(plan);
                // IDs keep growing so a stale reference never names a new workload.
                for entry in &mut self.entries {
                    entry.id = WorkloadId(entry.id.0 + next_id);
                }
                self.next_id += next_id;
                self.selected = self.entries.first().map(|e| e.id);
            }
            Action::SetRetentionMode(region, mode) => {
                self.header.account = self.header.account.with_retention_mode(&region, mode);
            }
            Action::MarkReviewed(date) => self.header.reviewed_against = Some(date),
            Action::SetQuota(region, code, value) => self.set_quota(&region, &code, value),
        }
        *self != before
    }

    /// Sets a quota's applied value in the account; a code not written as Service Quotas writes
    /// codes is ignored.
    fn set_quota(&mut self, region: &RegionCode, code: &str, value: Option<u64>) {
        if plan::is_quota_code(code) {
            self.header.account = self.header.account.with_quota(region, code, value);
        }
    }

    /// `name`, or `name (2)`, `name (3)`, ...: the first no workload has.
    fn unused_name(&self, name: &str) -> String {
        plan::unused_name(name, |n| {
            self.entries
                .iter()
                .any(|e| plan::same_name(e.workload.name(), n))
        })
    }

    fn act_in_wizard(&mut self, action: WizardAction, catalog: &'c Catalog) {
        let Some((editing, wizard)) = &mut self.wizard else {
            return;
        };
        match wizard.apply(action, catalog) {
            WizardOutcome::Open => {}
            WizardOutcome::Cancelled => self.wizard = None,
            WizardOutcome::Done(workload) => {
                let workload = *workload;
                let editing = *editing;
                let existing = match editing {
                    Editing::Existing(id) => self.index(id).map(|i| (i, id)),
                    Editing::New => None,
                };
                // Names are unique within a plan (a plan file with two alike is refused).
                let taken = self.entries.iter().any(|e| {
                    Some(e.id) != existing.map(|(_, id)| id)
                        && plan::same_name(e.workload.name(), workload.name())
                });
                if taken {
                    if let Some((_, wizard)) = &mut self.wizard {
                        wizard.step = Field::Name.step();
                        wizard.shown_problems = vec![Problem {
                            field: Field::Name,
                            message:
                                "Another workload already has this name; give this one its own."
                                    .into(),
                        }];
                    }
                    return;
                }
                let id = match existing {
                    Some((i, id)) => {
                        self.entries[i].workload = workload;
                        id
                    }
                    None => {
                        let id = self.fresh_id();
                        self.entries.push(Entry { id, workload });
                        id
                    }
                };
                self.selected = Some(id);
                self.wizard = None;
            }
        }
    }
}

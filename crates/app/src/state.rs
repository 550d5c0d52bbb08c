//! Thin adapters between Yew and the domain: a comparable handle on the catalog, the navigation
//! intent that pages send up, and the plan's reducer with its browser-storage persistence. The
//! plan's hook hands out intents ([`PlanHandle::add_workload`], [`PlanHandle::delete`], ...),
//! never the planner's raw action type.

use crate::route::Route;
use atlas_core::catalog::ids::RegionCode;
use atlas_core::catalog::retention::AccountMode;
use atlas_core::catalog::Catalog;
use atlas_core::plan::planner::{Action, WorkloadId};
use atlas_core::plan::stored::{backup_key, Event, Persisted, Sync};
use atlas_core::plan::wizard::WizardAction;
use atlas_core::plan::Plan;
use std::ops::Deref;
use std::rc::Rc;
use yew::prelude::*;

/// The catalog as a prop: cheap to copy, compared by identity.
#[derive(Debug, Clone, Copy)]
pub struct CatalogRef(pub &'static Catalog);

impl PartialEq for CatalogRef {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl Deref for CatalogRef {
    type Target = Catalog;
    fn deref(&self) -> &Catalog {
        self.0
    }
}

/// A request to show another route.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Navigate {
    /// Where to go.
    pub route: Route,
    /// Replace the current history entry (typing in a search box) instead of adding one.
    pub replace: bool,
}

pub use atlas_core::plan::stored::{BACKUP_PREFIX, PLAN_KEY};

/// The plan page's state: the domain planner plus what storage holds ([`Persisted`]).
#[derive(Debug, Clone, PartialEq)]
pub struct PlanState {
    persisted: Persisted<'static>,
    catalog: CatalogRef,
}

impl Deref for PlanState {
    type Target = Persisted<'static>;
    fn deref(&self) -> &Persisted<'static> {
        &self.persisted
    }
}

impl Reducible for PlanState {
    type Action = Event<'static>;

    fn reduce(self: Rc<Self>, event: Event<'static>) -> Rc<Self> {
        let mut next = (*self).clone();
        if next.persisted.apply(event, self.catalog.0) {
            Rc::new(next)
        } else {
            self
        }
    }
}

/// What browser storage holds under [`PLAN_KEY`] now.
fn read_stored() -> Result<Option<String>, String> {
    crate::browser::storage_get(PLAN_KEY)
}

/// Saves `json` unless storage no longer holds `expected` (another tab saved since): the
/// event to apply.
fn save(expected: Option<&str>, json: String) -> Event<'static> {
    match read_stored() {
        Err(e) => Event::Read(Err(e)),
        Ok(now) if now.as_deref() != expected => Event::Conflicted(now),
        Ok(_) => write(json),
    }
}

/// Writes `json` as the saved plan.
fn write(json: String) -> Event<'static> {
    match crate::browser::storage_set(PLAN_KEY, &json) {
        Ok(()) => Event::Saved(json),
        Err(e) => Event::SaveFailed(format!(
            "The plan could not be saved: {e}. It will be lost on reload; download it to keep it."
        )),
    }
}

/// Keeps the unreadable `text` under a new time-named backup key, then removes the saved plan.
fn back_up(text: &str) -> Event<'static> {
    let key = backup_key(&crate::browser::now_iso(), |k| {
        crate::browser::storage_get(k).is_ok_and(|v| v.is_some())
    });
    match crate::browser::storage_set(&key, text) {
        Err(e) => Event::BackupRefused(e),
        Ok(()) => match crate::browser::storage_remove(PLAN_KEY) {
            Ok(()) => Event::BackedUp(key),
            Err(e) => Event::BackupRefused(e),
        },
    }
}

/// The plan and the intents the plan page can express.
#[derive(Clone)]
pub struct PlanHandle {
    state: UseReducerHandle<PlanState>,
}

impl PartialEq for PlanHandle {
    fn eq(&self, other: &Self) -> bool {
        self.state == other.state
    }
}

impl PlanHandle {
    /// The current state.
    pub fn state(&self) -> &PlanState {
        &self.state
    }

    fn send<E>(&self, action: Action<'static>) -> Callback<E> {
        let state = self.state.clone();
        Callback::from(move |_| state.dispatch(Event::Act(action.clone())))
    }

    /// Whether the plan may not be changed now (storage unreadable, no choice made yet).
    pub fn read_only(&self) -> bool {
        self.state.read_only()
    }

    /// Opens the wizard for a new workload.
    pub fn add_workload<E>(&self) -> Callback<E> {
        self.send(Action::StartAdd)
    }

    /// Opens the wizard on a workload.
    pub fn edit<E>(&self, id: WorkloadId) -> Callback<E> {
        self.send(Action::StartEdit(id))
    }

    /// Shows a workload's recommendation.
    pub fn select<E>(&self, id: WorkloadId) -> Callback<E> {
        self.send(Action::Select(id))
    }

    /// Copies a workload below itself.
    pub fn duplicate<E>(&self, id: WorkloadId) -> Callback<E> {
        self.send(Action::Duplicate(id))
    }

    /// Removes a workload, keeping it for undo.
    pub fn delete<E>(&self, id: WorkloadId) -> Callback<E> {
        self.send(Action::Delete(id))
    }

    /// Restores the last deleted workload.
    pub fn undo<E>(&self) -> Callback<E> {
        self.send(Action::Undo)
    }

    /// Moves a workload up one place.
    pub fn move_up<E>(&self, id: WorkloadId) -> Callback<E> {
        self.send(Action::MoveUp(id))
    }

    /// Moves a workload down one place.
    pub fn move_down<E>(&self, id: WorkloadId) -> Callback<E> {
        self.send(Action::MoveDown(id))
    }

    /// Sets the account's data retention mode in a Region (`None`: unknown).
    pub fn set_retention_mode(&self) -> Callback<(RegionCode, Option<AccountMode>)> {
        let state = self.state.clone();
        Callback::from(move |(region, mode)| {
            state.dispatch(Event::Act(Action::SetRetentionMode(region, mode)))
        })
    }

    /// Records that the plan was reviewed against the catalog of `date`.
    pub fn mark_reviewed<E>(&self, date: String) -> Callback<E> {
        self.send(Action::MarkReviewed(date))
    }

    /// Sets a quota's applied value in a Region (`None`: unknown).
    pub fn set_quota(&self) -> Callback<(RegionCode, String, Option<u64>)> {
        let state = self.state.clone();
        Callback::from(move |(region, code, value)| {
            state.dispatch(Event::Act(Action::SetQuota(region, code, value)))
        })
    }

    /// What the wizard's controls ask for.
    pub fn wizard(&self) -> Callback<WizardAction> {
        let state = self.state.clone();
        Callback::from(move |action| state.dispatch(Event::Act(Action::Wizard(action))))
    }

    /// Replaces the plan with an imported one; refused while the plan is read-only.
    pub fn import(&self, plan: Plan<'static>) -> Result<(), String> {
        if self.read_only() {
            return Err("the saved plan in this browser could not be read: choose what becomes of it (above) before importing".into());
        }
        self.state.dispatch(Event::Act(Action::Replace(plan)));
        Ok(())
    }

    /// Reads storage again (after it could not be read).
    pub fn retry<E>(&self) -> Callback<E> {
        let state = self.state.clone();
        Callback::from(move |_| state.dispatch(Event::Read(read_stored())))
    }

    /// Goes on without browser storage: nothing is read or written.
    pub fn detach<E>(&self) -> Callback<E> {
        let state = self.state.clone();
        Callback::from(move |_| state.dispatch(Event::Detach))
    }

    /// Offers the unreadable stored text as a file.
    pub fn download_unreadable<E>(&self) -> Callback<E> {
        let state = self.state.clone();
        Callback::from(move |_| {
            if let Sync::Unreadable { text, .. } = &state.sync {
                let event = match crate::browser::download_text(
                    "cris-atlas-unreadable-plan.json",
                    "application/json",
                    text,
                ) {
                    Ok(()) => Event::Downloaded,
                    Err(e) => Event::BackupRefused(e),
                };
                state.dispatch(event);
            }
        })
    }

    /// Keeps the unreadable stored text under a time-named backup key and starts empty.
    pub fn back_up<E>(&self) -> Callback<E> {
        let state = self.state.clone();
        Callback::from(move |_| {
            if let Sync::Unreadable { text, .. } = &state.sync {
                state.dispatch(back_up(text));
            }
        })
    }

    /// Removes the unreadable stored plan (once downloaded) and starts empty.
    pub fn discard<E>(&self) -> Callback<E> {
        let state = self.state.clone();
        Callback::from(move |_| {
            if let Sync::Unreadable {
                downloaded: true, ..
            } = &state.sync
            {
                state.dispatch(match crate::browser::storage_remove(PLAN_KEY) {
                    Ok(()) => Event::Discarded,
                    Err(e) => Event::BackupRefused(e),
                });
            }
        })
    }

    /// Shows the plan another tab saved, dropping this page's unsaved change.
    pub fn take_theirs<E>(&self) -> Callback<E> {
        let state = self.state.clone();
        Callback::from(move |_| state.dispatch(Event::TakeTheirs))
    }

    /// Saves this page's plan over the one another tab saved.
    pub fn keep_mine<E>(&self) -> Callback<E> {
        let state = self.state.clone();
        Callback::from(move |_| {
            if matches!(state.sync, Sync::Conflict { .. }) {
                state.dispatch(write(state.planner.plan().to_json()));
            }
        })
    }
}

/// The plan, loaded from and saved to browser storage. The first render is the empty plan the
/// page was prerendered with; storage is read once the page is hydrated.
#[hook]
pub fn use_plan(catalog: CatalogRef) -> PlanHandle {
    let state = use_reducer(move || PlanState {
        persisted: Persisted::default(),
        catalog,
    });
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            state.dispatch(Event::Read(read_stored()));
            // Another tab's save: show it, or say that the two pages disagree.
            let listener = crate::browser::on_storage_change(PLAN_KEY, move || {
                state.dispatch(Event::Changed(read_stored()))
            });
            move || drop(listener)
        });
    }
    {
        let state = state.clone();
        // Saves whenever the plan file would change, not on selection or wizard moves; only
        // over the text this page last read or wrote.
        use_effect_with((state.planner.plan(), state.sync.clone()), move |_| {
            if let Some((expected, json)) = state.to_save() {
                state.dispatch(save(expected, json));
            }
        });
    }
    PlanHandle { state }
}

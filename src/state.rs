//! Thin adapters between Yew and the domain: a comparable handle on the catalog, the navigation
//! intent that pages send up, and the plan's reducer with its browser-storage persistence. The
//! plan's hook hands out intents ([`PlanHandle::add_workload`], [`PlanHandle::delete`], ...),
//! never the planner's raw action type.

use crate::domain::catalog::Catalog;
use crate::domain::plan::Plan;
use crate::domain::planner::{Action, Planner, WorkloadId};
use crate::domain::wizard::WizardAction;
use crate::route::Route;
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

/// The `localStorage` key of the saved plan; the plan file inside carries its format version.
pub const PLAN_KEY: &str = "cris-atlas.plan";
/// Where an unreadable saved plan is moved, so nothing the user had is lost.
pub const UNREADABLE_KEY: &str = "cris-atlas.plan.unreadable";

/// The plan page's state: the domain planner plus what storage said.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanState {
    /// The workflow state.
    pub planner: Planner<'static>,
    /// A storage problem to show, if any.
    pub storage_problem: Option<String>,
    /// The saved plan could not be read: it stays in storage until the user saves a workload.
    unreadable: bool,
    /// Storage has been read: before that the page shows the empty plan it was prerendered
    /// with, and nothing is saved.
    loaded: bool,
    catalog: CatalogRef,
}

/// What the reducer receives: a planner action, or a storage report.
#[derive(Debug, Clone)]
pub enum PlanMsg {
    /// A user intent.
    Act(Action<'static>),
    /// The outcome of saving.
    Stored(Option<String>),
    /// What storage held when the page started.
    Loaded(Box<PlanState>),
}

impl Reducible for PlanState {
    type Action = PlanMsg;

    fn reduce(self: Rc<Self>, msg: PlanMsg) -> Rc<Self> {
        match msg {
            PlanMsg::Act(action) => {
                let mut next = (*self).clone();
                if next.planner.apply(action, self.catalog.0) {
                    Rc::new(next)
                } else {
                    self
                }
            }
            // A save happened, so the unreadable plan is no longer what storage holds.
            PlanMsg::Stored(problem) if problem != self.storage_problem || self.unreadable => {
                Rc::new(PlanState {
                    storage_problem: problem,
                    unreadable: false,
                    ..(*self).clone()
                })
            }
            PlanMsg::Stored(_) => self,
            PlanMsg::Loaded(state) => Rc::new(*state),
        }
    }
}

/// Loads the saved plan. An unreadable one is kept under [`UNREADABLE_KEY`] and reported.
fn load(catalog: CatalogRef) -> PlanState {
    let mut unreadable = false;
    let (planner, storage_problem) = match crate::browser::storage_get(PLAN_KEY) {
        Ok(None) => (Planner::default(), None),
        Ok(Some(text)) => match Plan::parse(&text, catalog.0) {
            Ok(plan) => (Planner::from_plan(plan), None),
            Err(e) => {
                unreadable = true;
                let kept = crate::browser::storage_set(UNREADABLE_KEY, &text).is_ok();
                let where_kept = if kept {
                    format!(" It is kept in browser storage under \"{UNREADABLE_KEY}\".")
                } else {
                    " It is left in browser storage.".to_owned()
                };
                (
                    Planner::default(),
                    Some(format!(
                        "The saved plan could not be read: {e}.{where_kept}"
                    )),
                )
            }
        },
        Err(e) => (
            Planner::default(),
            Some(format!(
                "The saved plan could not be loaded: {e}. Changes will not survive a reload."
            )),
        ),
    };
    PlanState {
        planner,
        storage_problem,
        unreadable,
        loaded: true,
        catalog,
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
        Callback::from(move |_| state.dispatch(PlanMsg::Act(action.clone())))
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

    /// What the wizard's controls ask for.
    pub fn wizard(&self) -> Callback<WizardAction> {
        let state = self.state.clone();
        Callback::from(move |action| state.dispatch(PlanMsg::Act(Action::Wizard(action))))
    }

    /// Replaces the plan with an imported one.
    pub fn import(&self, plan: Plan<'static>) {
        self.state.dispatch(PlanMsg::Act(Action::Replace(plan)));
    }
}

/// The plan, loaded from and saved to browser storage. The first render is the empty plan the
/// page was prerendered with; storage is read once the page is hydrated.
#[hook]
pub fn use_plan(catalog: CatalogRef) -> PlanHandle {
    let state = use_reducer(move || PlanState {
        planner: Planner::default(),
        storage_problem: None,
        unreadable: false,
        loaded: false,
        catalog,
    });
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            state.dispatch(PlanMsg::Loaded(Box::new(load(catalog))))
        });
    }
    {
        let state = state.clone();
        // Saves whenever the plan file would change, not on selection or wizard moves.
        use_effect_with(
            (state.planner.plan(), state.loaded),
            move |(plan, loaded)| {
                if !*loaded || state.unreadable && plan.workloads.is_empty() {
                    // Nothing read yet; or the unreadable plan and its report stay until the user
                    // saves a workload.
                    return;
                }
                let problem = crate::browser::storage_set(PLAN_KEY, &plan.to_json())
                .err()
                .map(|e| format!("The plan could not be saved: {e}. It will be lost on reload; download it to keep it."));
                state.dispatch(PlanMsg::Stored(problem));
            },
        );
    }
    PlanHandle { state }
}

//! A plan opened from a share link (`plan/#/plan/open/v1.…`): shown read-only first, with its
//! recommendations, and taken only by a choice: "Replace my plan" or "Add these workloads to my
//! plan", each undoable (the plan before is kept). A link that cannot be read shows what is
//! wrong with it, and the current plan is not touched.

use crate::components::error_panel::ErrorPanel;
use crate::components::workload_summary::workload_summary;
use crate::route::Route;
use crate::state::{CatalogRef, PlanHandle};
use atlas_core::output::evaluation::PlanEvaluation;
use atlas_core::plan::share::{self, MAX_PLAN_BYTES};
use atlas_core::plan::Limits;
use atlas_core::plan::Plan;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`SharedPlan`].
#[derive(Properties, PartialEq)]
pub struct SharedPlanProps {
    /// The catalog, to check the linked plan.
    pub catalog: CatalogRef,
    /// The user's own plan.
    pub plan: PlanHandle,
}

/// Where opening a link stands.
#[derive(Clone, PartialEq)]
enum Opened {
    /// No link in the URL, or it was dismissed.
    Nothing,
    /// The link's plan is being decompressed.
    Opening,
    /// The link cannot be read: why.
    Failed(String),
    /// The linked plan, not yet taken.
    Shown(Rc<Plan<'static>>, Rc<PlanEvaluation<'static>>),
    /// The linked plan was taken; the plan before is kept for undo.
    Taken {
        /// What was done, for the status line.
        what: String,
        /// The plan before.
        before: Rc<Plan<'static>>,
    },
}

/// The shared plan's panel; renders nothing when the URL holds no link.
#[component]
pub fn SharedPlan(props: &SharedPlanProps) -> Html {
    let catalog = props.catalog;
    let opened = use_state(|| Opened::Nothing);
    {
        let opened = opened.clone();
        use_effect_with((), move |_| {
            let open = move || {
                let hash = crate::browser::current_hash();
                if !share::is_share_fragment(&hash) {
                    return;
                }
                opened.set(Opened::Opening);
                let opened = opened.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let result = match share::payload(&hash) {
                        Ok(deflated) => share::open(
                            crate::deflate::decompress(&deflated, MAX_PLAN_BYTES).await,
                            catalog.0,
                        ),
                        Err(e) => Err(e),
                    };
                    opened.set(match result {
                        Ok(shared) => {
                            let evaluation =
                                PlanEvaluation::of(catalog.0, &shared.plan, crate::clock::today());
                            Opened::Shown(Rc::new(shared.plan), Rc::new(evaluation))
                        }
                        Err(e) => Opened::Failed(e.to_string()),
                    });
                });
            };
            open();
            // A link pasted into the address bar while this page is open changes only the
            // fragment: the page is not loaded again, so the change is the cue.
            let listener = crate::browser::on_hash_change(open);
            move || drop(listener)
        });
    }
    // Any choice ends the link's visit: the fragment goes, so a reload shows the own plan.
    let finish = {
        let opened = opened.clone();
        move |next: Opened| {
            crate::browser::set_url(&Route::Plan.href(), true);
            opened.set(next);
        }
    };
    let dismiss = {
        let finish = finish.clone();
        Callback::from(move |_: MouseEvent| finish(Opened::Nothing))
    };
    match &*opened {
        Opened::Nothing => Html::default(),
        Opened::Opening => html! {
            <p role="status" data-testid="shared-opening">{ "Opening the linked plan…" }</p>
        },
        Opened::Failed(message) => html! {
            <div data-testid="shared-failed">
                <ErrorPanel title="The linked plan could not be opened" message={AttrValue::from(message.clone())}
                    hint="Your own plan below was not changed. Ask for the link again, copied whole." />
                <p class="no-print"><button type="button" onclick={dismiss} data-testid="shared-dismiss">{ "Dismiss" }</button></p>
            </div>
        },
        Opened::Taken { what, before } => {
            let undo = {
                let plan = props.plan.clone();
                let before = before.clone();
                let opened = opened.clone();
                Callback::from(move |_: MouseEvent| {
                    opened.set(match plan.import((*before).clone()) {
                        Ok(()) => Opened::Nothing,
                        Err(e) => Opened::Failed(format!("Your plan could not be put back: {e}")),
                    });
                })
            };
            html! {
                <p class="undo-bar" role="status" data-testid="shared-taken">
                    { format!("{what} ") }
                    <button type="button" onclick={undo} data-testid="shared-undo">{ "Undo" }</button>
                </p>
            }
        }
        Opened::Shown(shared, evaluation) => {
            let own = props.plan.state().planner.plan();
            let count = shared.workloads.len();
            let workloads = if count == 1 { "workload" } else { "workloads" };
            let replace = {
                let (plan, shared, own, finish) = (
                    props.plan.clone(),
                    shared.clone(),
                    own.clone(),
                    finish.clone(),
                );
                Callback::from(move |_: MouseEvent| {
                    finish(match plan.import((*shared).clone()) {
                        Ok(()) => Opened::Taken {
                            what: format!(
                                "Your plan was replaced by the linked plan ({count} {workloads})."
                            ),
                            before: Rc::new(own.clone()),
                        },
                        Err(e) => Opened::Failed(format!("Your plan was not changed: {e}")),
                    });
                })
            };
            let add = {
                let (plan, shared, finish) = (props.plan.clone(), shared.clone(), finish.clone());
                Callback::from(move |_: MouseEvent| {
                    let added = own.with_added(&shared, Limits::APP);
                    finish(match added.and_then(|both| plan.import(both)) {
                        Ok(()) => Opened::Taken {
                            what: format!(
                                "{count} {workloads} from the link were added to your plan."
                            ),
                            before: Rc::new(own.clone()),
                        },
                        Err(e) => Opened::Failed(format!("Your plan was not changed: {e}")),
                    });
                })
            };
            html! {
                <section class="shared-plan" aria-labelledby="shared-plan-title" data-testid="shared-plan">
                    <h2 id="shared-plan-title">{ format!("A linked plan: {count} {workloads}") }</h2>
                    <p>{ "This plan came in the link you opened. It is shown read-only; your own plan below stays as it is unless you choose." }</p>
                    { workload_summary(
                        catalog,
                        &evaluation.workloads,
                        "The linked plan's workloads and their recommendations".to_owned(),
                        "shared-row",
                        None,
                    ) }
                    <div class="toolbar no-print">
                        <button type="button" class="primary" onclick={replace} data-testid="shared-replace">{ "Replace my plan" }</button>
                        <button type="button" onclick={add} data-testid="shared-add">{ "Add these workloads to my plan" }</button>
                        <button type="button" onclick={dismiss} data-testid="shared-dismiss">{ "Keep my plan only" }</button>
                    </div>
                </section>
            }
        }
    }
}

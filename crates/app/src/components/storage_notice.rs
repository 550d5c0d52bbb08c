//! What the plan page says about browser storage, with the choices the user has: a saved plan
//! that could not be read (download it, keep a backup, discard it once downloaded), storage that
//! could not be read (try again, go on without saving), another tab's newer plan (show it, or
//! keep this page's), a save that failed, and where a backup went.

use crate::state::PlanHandle;
use atlas_core::plan::stored::Sync;
use yew::prelude::*;

/// Properties of [`StorageNotice`].
#[derive(Properties, PartialEq)]
pub struct StorageNoticeProps {
    /// The plan.
    pub plan: PlanHandle,
}

fn panel(title: &str, message: String, choices: Html) -> Html {
    html! {
        <section class="error-panel" role="alert" data-testid="storage-notice">
            <h2>{ title.to_owned() }</h2>
            <p class="error-message">{ message }</p>
            <p class="toolbar">{ choices }</p>
        </section>
    }
}

/// The notice; nothing when storage holds this page's plan.
#[component]
pub fn StorageNotice(props: &StorageNoticeProps) -> Html {
    let plan = &props.plan;
    let state = plan.state();
    let choice = match &state.sync {
        Sync::ReadFailed { error } => panel(
            "The saved plan could not be read",
            format!("Browser storage could not be read: {error}. Whatever it holds is left as it is: this page changes nothing there until you choose."),
            html! {
                <>
                    <button type="button" onclick={plan.retry()} data-testid="storage-retry">{ "Try again" }</button>
                    { " " }
                    <button type="button" onclick={plan.detach()} data-testid="storage-detach">{ "Go on without saving" }</button>
                </>
            },
        ),
        Sync::Unreadable {
            error,
            downloaded,
            backup_refused,
            ..
        } => {
            let mut message = format!("The plan saved in this browser could not be read: {error}. It is left in browser storage as it is, and the plan is read-only until you choose what becomes of it.");
            if let Some(why) = backup_refused {
                message.push_str(&format!(" It could not be kept as a backup ({why}): download it first, then discard it."));
            }
            panel(
                "The saved plan could not be read",
                message,
                html! {
                    <>
                        <button type="button" onclick={plan.download_unreadable()} data-testid="storage-download">{ "Download the unreadable plan" }</button>
                        { " " }
                        <button type="button" onclick={plan.back_up()} data-testid="storage-backup"
                                disabled={backup_refused.is_some()}>{ "Keep it as a backup and start empty" }</button>
                        { " " }
                        <button type="button" onclick={plan.discard()} data-testid="storage-discard"
                                disabled={!downloaded}>{ "Discard it and start empty (after downloading)" }</button>
                    </>
                },
            )
        }
        Sync::Conflict { .. } => panel(
            "Another tab changed this plan",
            "The plan was saved from another tab or window after this page read it. This page saves nothing until you choose which plan to keep.".to_owned(),
            html! {
                <>
                    <button type="button" onclick={plan.take_theirs()} data-testid="storage-theirs">{ "Show the other tab's plan" }</button>
                    { " " }
                    <button type="button" onclick={plan.keep_mine()} data-testid="storage-mine">{ "Keep this page's plan (replaces the other)" }</button>
                </>
            },
        ),
        Sync::Detached => html! {
            <p role="status" data-testid="storage-detached">{ "This page is not saving the plan in this browser: download the plan file to keep it." }</p>
        },
        Sync::NotRead | Sync::Synced { .. } => Html::default(),
    };
    html! {
        <>
            { choice }
            if let Some(problem) = &state.save_problem {
                <section class="error-panel" role="alert" data-testid="storage-save-problem">
                    <h2>{ "Browser storage" }</h2>
                    <p class="error-message">{ problem.clone() }</p>
                </section>
            }
            if let Some(note) = &state.note {
                <p role="status" data-testid="storage-note">{ note.clone() }</p>
            }
        </>
    }
}

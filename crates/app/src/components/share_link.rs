//! "Copy link": the whole plan in a link's fragment (`domain::share`), compressed by the
//! browser, copied to the clipboard and shown in a field to select by hand where copying is
//! refused. Nothing is sent anywhere: the fragment never leaves the browser.

use crate::state::PlanHandle;
use atlas_core::plan::share::{self, MAX_PAYLOAD_CHARS};
use yew::prelude::*;

/// Properties of [`ShareLink`].
#[derive(Properties, PartialEq)]
pub struct ShareLinkProps {
    /// The plan to share.
    pub plan: PlanHandle,
}

/// The button, its status and the link it made.
#[component]
pub fn ShareLink(props: &ShareLinkProps) -> Html {
    let link = use_state_eq(String::new);
    let status = use_state_eq(String::new);
    let plan_file = props.plan.state().planner.plan().to_json();
    let empty = props.plan.state().planner.entries.is_empty();
    {
        // A changed plan makes an earlier link stale.
        let link = link.clone();
        let status = status.clone();
        use_effect_with(plan_file.clone(), move |_| {
            link.set(String::new());
            status.set(String::new());
        });
    }
    let onclick = {
        let link = link.clone();
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let link = link.clone();
            let status = status.clone();
            let plan_file = plan_file.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let made = match crate::deflate::compress(plan_file.as_bytes()).await {
                    Ok(deflated) => share::fragment(&deflated),
                    Err(e) => return status.set(format!("No link: {e}")),
                };
                if made.len() > MAX_PAYLOAD_CHARS {
                    return status.set("No link: the plan is too large for one".into());
                }
                let url = format!("{}{made}", crate::browser::page_url());
                let said = match crate::browser::copy_text(&url).await {
                    Ok(()) => "Link copied. It holds the whole plan; anyone with it can read it."
                        .to_owned(),
                    Err(e) => format!("Not copied: {e}"),
                };
                link.set(url);
                status.set(said);
            });
        })
    };
    html! {
        <div class="share-link no-print">
            <button type="button" {onclick} disabled={empty} data-testid="share-copy">{ "Copy link" }</button>
            <span class="copy-status" role="status" aria-live="polite" data-testid="share-status">{ (*status).clone() }</span>
            if !link.is_empty() {
                <label for="share-link-text">{ "Link to this plan" }</label>
                <input id="share-link-text" type="text" readonly=true value={(*link).clone()} data-testid="share-link" />
            }
        </div>
    }
}

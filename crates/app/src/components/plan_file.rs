//! Import and export of the plan file: download the plan as JSON, upload or paste one. A plan
//! that cannot be read is reported and the pasted text kept, so nothing typed is lost.

use crate::components::error_panel::ErrorPanel;
use crate::state::{CatalogRef, PlanHandle};
use atlas_core::plan::{Limits, Plan};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Properties of [`PlanFile`].
#[derive(Properties, PartialEq)]
pub struct PlanFileProps {
    /// The catalog, to check imported plans.
    pub catalog: CatalogRef,
    /// The plan.
    pub plan: PlanHandle,
}

/// The import and export section.
#[component]
pub fn PlanFile(props: &PlanFileProps) -> Html {
    let text = use_state(String::new);
    let problem = use_state(|| None::<String>);
    let plan = props.plan.clone();
    let catalog = props.catalog;
    let import_text = {
        let text = text.clone();
        let problem = problem.clone();
        let plan = plan.clone();
        move |raw: String| match Plan::parse_within(&raw, catalog.0, Limits::APP)
            .map_err(|e| e.to_string())
            .and_then(|parsed| plan.import(parsed))
        {
            Ok(()) => {
                problem.set(None);
                text.set(String::new());
            }
            Err(e) => {
                // The text stays in the box so nothing pasted is lost.
                text.set(raw);
                problem.set(Some(e));
            }
        }
    };
    let on_paste_import = {
        let text = text.clone();
        let import_text = import_text.clone();
        Callback::from(move |_: MouseEvent| import_text((*text).clone()))
    };
    let on_text = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            text.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let on_file = {
        let problem = problem.clone();
        let plan = plan.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let problem = problem.clone();
            let plan = plan.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let limit = Limits::APP.max_bytes;
                let imported = match crate::browser::read_chosen_file(&input, limit).await {
                    Ok((name, bytes)) => Plan::from_bytes(&bytes, catalog.0, Limits::APP)
                        .map_err(|e| format!("{name}: {e}"))
                        .and_then(|parsed| plan.import(parsed)),
                    Err(e) => Err(e),
                };
                problem.set(imported.err());
            });
        })
    };
    let on_download = {
        let problem = problem.clone();
        Callback::from(move |_: MouseEvent| {
            let json = plan.state().planner.plan().to_json();
            if let Err(e) =
                crate::browser::download_text("cris-atlas-plan.json", "application/json", &json)
            {
                problem.set(Some(e));
            }
        })
    };
    html! {
        <details class="import-export no-print">
            <summary>{ "Import or export the plan file" }</summary>
            <p>{ "The plan file is the same JSON the atlas command line reads. Importing replaces the workloads on this page." }</p>
            <p><button type="button" onclick={on_download} data-testid="plan-download">{ "Download plan (JSON)" }</button></p>
            <div class="field">
                <label for="plan-file">{ "Import a plan file" }</label>
                <input id="plan-file" type="file" accept="application/json,.json" onchange={on_file} />
            </div>
            <div class="field">
                <label for="plan-paste">{ "Or paste plan JSON" }</label>
                <textarea id="plan-paste" rows="6" value={(*text).clone()} oninput={on_text} data-testid="plan-paste" />
                <p><button type="button" onclick={on_paste_import} data-testid="plan-import">{ "Import pasted plan" }</button></p>
            </div>
            if let Some(message) = &*problem {
                <ErrorPanel title="The plan could not be imported" message={AttrValue::from(message.clone())}
                    hint="Nothing was changed. Fix the JSON and import again." />
            }
        </details>
    }
}

//! The error decoder box: paste a Bedrock error or a whole stack trace; read its cause for the
//! model and Region it names and the fix, with links; an unknown error shows the checklist. The
//! domain's decoder does the work (linear time, so a 1 MB paste does not freeze the page).

use crate::route::Route;
use crate::state::CatalogRef;
use atlas_core::output::decode::{decode, Decoded, Diagnosis, Link, CHECKLIST, TRUNCATED_NOTE};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// Properties of [`ErrorDecoder`].
#[derive(Properties, PartialEq)]
pub struct ErrorDecoderProps {
    /// The catalog, for models, Regions and profiles.
    pub catalog: CatalogRef,
    /// The textarea's ID (two boxes may share a page).
    #[prop_or(AttrValue::Static("error-text"))]
    pub id: AttrValue,
}

fn link(catalog: &CatalogRef, l: &Link) -> Html {
    let (href, text) = match l {
        Link::Model(id) => (
            Route::Model(id.clone()).href(),
            format!(
                "Model page: {}",
                catalog.model(id).map_or(id.as_str(), |m| m.name.as_str())
            ),
        ),
        Link::Profile(id, from) => (
            Route::Profile {
                id: id.clone(),
                from: from.clone(),
            }
            .href(),
            format!(
                "Profile {id}{}",
                from.as_ref()
                    .map(|f| format!(" from {f}"))
                    .unwrap_or_default()
            ),
        ),
        Link::Plan => (
            Route::Plan.href(),
            "The plan's policy panel (IAM and SCP)".to_owned(),
        ),
        Link::Cite(c) => (c.href().to_owned(), c.title().to_owned()),
    };
    html! { <li><a {href}>{ text }</a></li> }
}

fn diagnosis(catalog: &CatalogRef, d: &Diagnosis, truncated: bool) -> Html {
    let model = d.model.as_ref().and_then(|m| catalog.model(m));
    html! {
        <div class="decoded" data-testid="decoded" data-kind={d.kind.code()}>
            <h2>{ d.kind.title() }</h2>
            if truncated {
                <p>{ TRUNCATED_NOTE }</p>
            }
            if model.is_some() || d.region.is_some() {
                <p class="decoded-names">
                    if let Some(m) = model { { format!("Model: {} ({}). ", m.name, m.id) } }
                    if let Some(r) = &d.region { { format!("Region: {r}.") } }
                </p>
            }
            <p data-testid="decoded-cause"><strong>{ "Cause: " }</strong>{ &d.cause }</p>
            <h3>{ "Fix" }</h3>
            <ul>{ for d.fixes.iter().map(|f| html! { <li>{ f }</li> }) }</ul>
            if !d.profiles.is_empty() {
                <h3>{ "Profile IDs per geography" }</h3>
                <ul data-testid="decoded-profiles">
                    { for d.profiles.iter().map(|(scope, id)| html! { <li>{ format!("{scope}: ") }<code>{ id.to_string() }</code></li> }) }
                </ul>
            }
            <h3>{ "Read more" }</h3>
            <ul>{ for d.links.iter().map(|l| link(catalog, l)) }</ul>
        </div>
    }
}

/// The decoder box. The textarea is left to the browser (no `value` written back): writing a
/// 1 MB paste back into it would lay it out a second time.
#[component]
pub fn ErrorDecoder(props: &ErrorDecoderProps) -> Html {
    let text = use_state_eq(String::new);
    let catalog = props.catalog;
    let decoded = use_memo((*text).clone(), move |text| decode(catalog.0, text));
    let oninput = {
        let text = text.clone();
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            text.set(area.value());
        })
    };
    let id = props.id.clone();
    html! {
        <div class="error-decoder" data-testid="error-decoder">
            <label for={id.clone()}>{ "Paste an error message or a whole stack trace" }</label>
            <textarea id={id} rows="6" spellcheck="false" {oninput} data-testid="error-input" />
            <div aria-live="polite" data-testid="decoder-result">
                { match &*decoded {
                    Decoded::Empty => html! { <p class="hint">{ "Nothing is sent anywhere: the message is decoded in this page." }</p> },
                    Decoded::Recognised { diagnosis: d, truncated } => diagnosis(&catalog, d, *truncated),
                    Decoded::Unrecognised { truncated } => html! {
                        <div class="decoded" data-testid="decoded-unknown">
                            <h2>{ "Not recognised" }</h2>
                            if *truncated {
                                <p data-testid="decoded-truncated">{ TRUNCATED_NOTE }</p>
                            }
                            <p>{ "This is not a Bedrock error the decoder knows. Check these:" }</p>
                            <ul>{ for CHECKLIST.iter().map(|c| html! { <li>{ *c }</li> }) }</ul>
                        </div>
                    },
                } }
            </div>
        </div>
    }
}

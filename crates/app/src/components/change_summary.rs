//! One recorded import on the data sources page: a table of what changed (models and profiles added,
//! retired, withdrawn, moved to Legacy; in-Region counts), the countries the new profiles may
//! process in, and destinations new to existing profiles with the countries they bring.

use crate::route::Route;
use atlas_core::catalog::change_log::{ChangeSummary, Entry, Subject};
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`ChangeSummaryView`].
#[derive(Properties, PartialEq)]
pub struct ChangeSummaryViewProps {
    /// The import, as the domain summarised it.
    pub summary: Rc<ChangeSummary>,
    /// Its position in the list, for unique heading IDs.
    pub index: usize,
}

/// A model or profile ID, linking to its page while the catalog has one.
fn entry(e: &Entry) -> Html {
    let (text, route) = match &e.subject {
        Subject::Model(id) => (id.to_string(), Route::Model(id.clone())),
        Subject::Profile(id) => (
            id.to_string(),
            Route::Profile {
                id: id.clone(),
                from: None,
            },
        ),
    };
    let id = if e.in_catalog {
        html! { <a href={route.href()}><code>{ text }</code></a> }
    } else {
        html! { <code>{ text }</code> }
    };
    match &e.note {
        Some(note) => html! { <li>{ id }{ format!(" ({note})") }</li> },
        None => html! { <li>{ id }</li> },
    }
}

fn entries(list: &[Entry]) -> Html {
    if list.is_empty() {
        return Html::default();
    }
    html! { <ul class="plain inline-list">{ for list.iter().map(entry) }</ul> }
}

/// One import.
#[component]
pub fn ChangeSummaryView(props: &ChangeSummaryViewProps) -> Html {
    let s = &props.summary;
    let heading = format!("change-{}", props.index);
    html! {
        <section aria-labelledby={heading.clone()} data-testid="change">
            <h3 id={heading}>
                { "Refresh to " }<time datetime={s.as_of.clone()}>{ &s.as_of }</time>
                { " (from " }<time datetime={s.previous_as_of.clone()}>{ &s.previous_as_of }</time>{ ")" }
            </h3>
            <p>{ "Read from " }{ &s.from }{ "." }</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label="What changed">
                <table data-testid="changes-table">
                    <thead><tr>
                        <th scope="col">{ "What changed" }</th>
                        <th scope="col">{ "How many" }</th>
                        <th scope="col">{ "Which" }</th>
                    </tr></thead>
                    <tbody>
                        { for s.rows.iter().map(|r| html! {
                            <tr>
                                <th scope="row">{ r.what }</th>
                                <td>{ r.count }</td>
                                <td>{ entries(&r.entries) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            if !s.countries.is_empty() {
                <div class="table-scroll" tabindex="0" role="region" aria-label="Countries of the new profiles">
                    <table data-testid="new-countries-table">
                        <caption>{ "Where the new profiles may process a prompt" }</caption>
                        <thead><tr>
                            <th scope="col">{ "Countries" }</th>
                            <th scope="col">{ "Profiles" }</th>
                        </tr></thead>
                        <tbody>
                            { for s.countries.iter().map(|g| html! {
                                <tr>
                                    <th scope="row">{ &g.countries }</th>
                                    <td>{ entries(&g.profiles) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
            if s.destinations.is_empty() {
                <p>{ "No existing profile gained a destination, so no existing profile may now process a prompt in a new country." }</p>
            } else {
                <div class="table-scroll" tabindex="0" role="region" aria-label="New destinations">
                    <table data-testid="new-destinations-table">
                        <caption>{ "Destinations new to existing profiles" }</caption>
                        <thead><tr>
                            <th scope="col">{ "Profile" }</th>
                            <th scope="col">{ "From" }</th>
                            <th scope="col">{ "New destination" }</th>
                            <th scope="col">{ "New country" }</th>
                        </tr></thead>
                        <tbody>
                            { for s.destinations.iter().map(|d| html! {
                                <tr>
                                    <th scope="row"><ul class="plain">{ entry(&d.profile) }</ul></th>
                                    <td>{ &d.source }</td>
                                    <td>{ &d.region }</td>
                                    <td>{ d.new_country.clone().unwrap_or_else(|| "No".into()) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        </section>
    }
}

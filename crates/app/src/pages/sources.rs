//! The data sources page: every source with its as-of date and licence, what each refresh
//! changed, recorded disagreements, known gaps.

use crate::components::change_summary::ChangeSummaryView;
use crate::state::CatalogRef;
use atlas_core::catalog::change_log::summaries;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`Sources`].
#[derive(Properties, PartialEq)]
pub struct SourcesProps {
    /// The catalog.
    pub catalog: CatalogRef,
}

/// The data sources page.
#[component]
pub fn Sources(props: &SourcesProps) -> Html {
    let meta = &props.catalog.meta;
    let changes = summaries(&props.catalog);
    html! {
        <>
            <h1>{ "Data sources" }</h1>
            <p>
                { "The catalog is as of " }<time datetime={meta.as_of.clone()}>{ &meta.as_of }</time>
                { ". It comes with the site as one file, fetched once and kept for offline use; nothing you enter is sent anywhere. Geographic profiles' destination lists never change (AWS adds new profiles instead); global profiles' lists grow as AWS adds Regions." }
            </p>
            <h2>{ "Sources" }</h2>
            <div class="table-scroll">
                <table data-testid="sources-table">
                    <thead><tr>
                        <th scope="col">{ "Source" }</th>
                        <th scope="col">{ "As of" }</th>
                        <th scope="col">{ "Version" }</th>
                        <th scope="col">{ "What it provides, licence and attribution" }</th>
                    </tr></thead>
                    <tbody>
                        { for meta.sources.iter().map(|s| html! {
                            <tr id={format!("source-{}", s.id)}>
                                <th scope="row"><a href={s.url.clone()} rel="noopener">{ &s.title }</a></th>
                                <td><time datetime={s.as_of.clone()}>{ &s.as_of }</time></td>
                                <td>{ s.commit.as_deref().map_or(Html::from("—"), |c| html! { <code>{ c }</code> }) }</td>
                                <td>{ &s.covers }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <h2 id="changes">{ "Changes" }</h2>
            if changes.is_empty() {
                <p>{ "No refresh is recorded yet." }</p>
            } else {
                <p>{ "What each refresh of the catalog changed, newest first (the last five refreshes are kept)." }</p>
                { for changes.into_iter().enumerate().map(|(index, summary)| html! {
                    <ChangeSummaryView summary={Rc::new(summary)} {index} />
                }) }
            }
            <h2>{ "Where sources disagree" }</h2>
            if meta.disagreements.is_empty() {
                <p>{ "No disagreements recorded." }</p>
            } else {
                <div class="table-scroll">
                    <table data-testid="disagreements-table">
                        <thead><tr>
                            <th scope="col">{ "Subject" }</th>
                            <th scope="col">{ "Sources" }</th>
                            <th scope="col">{ "What they say" }</th>
                            <th scope="col">{ "What the catalog uses" }</th>
                        </tr></thead>
                        <tbody>
                            { for meta.disagreements.iter().map(|d| html! {
                                <tr>
                                    <th scope="row"><code>{ &d.subject }</code></th>
                                    <td>
                                        <ul class="plain">
                                            { for d.sources.iter().map(|id| html! {
                                                <li>{ props.catalog.source(id).map_or(id.as_str(), |s| s.title.as_str()) }</li>
                                            }) }
                                        </ul>
                                    </td>
                                    <td>{ &d.detail }</td>
                                    <td>{ &d.resolution }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
            <h2>{ "Known gaps" }</h2>
            <ul data-testid="gaps">
                { for meta.gaps.iter().map(|g| html! { <li>{ g }</li> }) }
            </ul>
        </>
    }
}

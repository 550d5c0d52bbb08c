//! The plan as a report (`plan/report/`), made to be printed, projected or presented: the
//! summary of every workload, then per workload its recommendation with reasons and sources,
//! the processing map, the comparison and the IAM permissions, with the catalog's as-of date and
//! the line that it is decision support, not legal advice. Printed, each workload starts a page
//! (A4 or US Letter, the printer's choice). Presented, it shows one slide at a time in large
//! type: the summary, then each workload; the arrow keys move, Escape ends.
//!
//! It renders the same `PlanEvaluation` as the plan page, from the plan in browser storage.

use crate::components::comparison_table::ComparisonTable;
use crate::components::recommendation_card::RecommendationCard;
use crate::components::route_map::RouteMap;
use crate::components::workload_summary::workload_summary;
use crate::route::Route;
use crate::state::{use_plan, CatalogRef};
use atlas_core::output::evaluation::{PlanEvaluation, WorkloadEvaluation};
use atlas_core::output::iam::option_permissions;
use atlas_core::output::plan_html::NOT_LEGAL_ADVICE;
use atlas_core::output::slides::{Deck, Move};
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`PlanReport`].
#[derive(Properties, PartialEq)]
pub struct PlanReportProps {
    /// The catalog.
    pub catalog: CatalogRef,
}

/// The as-of line every section ends with (printed, every workload's pages carry it).
fn as_of_line(catalog: &CatalogRef) -> Html {
    html! {
        <p class="report-as-of">
            { format!("Catalog as of {}; sources listed at the end. {NOT_LEGAL_ADVICE}", catalog.meta.as_of) }
        </p>
    }
}

fn workload_section(
    catalog: CatalogRef,
    number: usize,
    evaluation: &Rc<WorkloadEvaluation<'static>>,
    class: Classes,
) -> Html {
    let workload = &evaluation.workload;
    let id = slide_id(number);
    let chosen = evaluation.chosen();
    let grants = chosen
        .map(|o| option_permissions(workload, o))
        .unwrap_or_default();
    let destinations: Rc<[_]> = chosen
        .map_or_else(Vec::new, |o| o.processing_regions.clone())
        .into();
    html! {
        <section {id} class={classes!("report-workload", "slide", class)} aria-labelledby={format!("workload-{number}-title")}
                 data-testid="report-workload" tabindex="-1">
            <h2 id={format!("workload-{number}-title")} class="report-workload-title">
                { format!("{number}. {}", workload.name()) }
            </h2>
            <div class="report-columns">
                <RecommendationCard {catalog} evaluation={evaluation.clone()}
                                    heading_id={AttrValue::from(format!("workload-{number}-recommendation"))} />
                if chosen.is_some() {
                    <RouteMap {catalog} source={Some(workload.spec().source_region.clone())} {destinations}
                              title={AttrValue::from(format!("Where {} may be processed", workload.name()))}
                              id={AttrValue::from(format!("workload-{number}-map"))} />
                }
            </div>
            <ComparisonTable comparison={evaluation.comparison.clone()} name={AttrValue::from(workload.name().to_owned())} />
            if !grants.is_empty() {
                <h3>{ "IAM permissions for the recommended option" }</h3>
                { for grants.iter().map(|g| html! {
                    <>
                        <p class="hint">{ format!("Allow {} on ({}):", g.actions.join(", "), g.purpose) }</p>
                        <ul class="resources" data-testid="report-resources">
                            { for g.resources.iter().map(|r| html! { <li><code>{ r }</code></li> }) }
                        </ul>
                    </>
                }) }
            }
            { as_of_line(&catalog) }
        </section>
    }
}

/// The element ID of slide `n`: the summary, then each workload (`workload-1`, ...), also the
/// summary's links to each workload.
fn slide_id(n: usize) -> String {
    match n {
        0 => "summary".to_owned(),
        n => format!("workload-{n}"),
    }
}

/// The link to slide `n` from the summary (relative to the site root, as every link is).
fn slide_href(n: usize) -> String {
    format!("{}#{}", Route::PlanReport.href(), slide_id(n))
}

/// The report page.
#[component]
pub fn PlanReport(props: &PlanReportProps) -> Html {
    let catalog = props.catalog;
    let plan = use_plan(catalog);
    let state = plan.state();
    let today = *use_memo((), |_| crate::clock::today());
    let evaluation = use_memo(state.planner.plan(), move |plan| {
        PlanEvaluation::of(catalog.0, plan, today)
    });
    let workloads = &evaluation.workloads;
    let deck = use_state_eq(|| None::<Deck>);
    let slides = workloads.len() + 1;
    let go = {
        let deck = deck.clone();
        Callback::from(move |m: Move| deck.set(Deck::apply(*deck, m, slides)))
    };
    // While presenting: the keys move between slides, and the page shows nothing else.
    {
        let go = go.clone();
        use_effect_with(deck.is_some(), move |presenting| {
            crate::browser::set_body_class("presenting", *presenting);
            let listener = presenting.then(|| {
                crate::browser::on_key(move |key| Move::for_key(key).map(|m| go.emit(m)).is_some())
            });
            move || {
                drop(listener);
                crate::browser::set_body_class("presenting", false);
            }
        });
    }
    // A new slide takes focus, so a screen reader reads it and the keys keep working, and
    // starts at the top of the screen, below the slide controls (focus alone would scroll its
    // heading under them when they wrap on a narrow screen).
    use_effect_with(*deck, |deck| {
        if let Some(deck) = deck {
            crate::browser::focus_id(&slide_id(deck.slide));
            crate::browser::scroll_to_top();
        }
    });
    let current = deck.map(|d| d.slide);
    let class_of = |i: usize| match current {
        Some(c) if c == i => classes!("current"),
        _ => classes!(),
    };
    let on_present = go.reform(|_: MouseEvent| Move::Start);
    let on_end = go.reform(|_: MouseEvent| Move::End);
    let on_prev = go.reform(|_: MouseEvent| Move::Previous);
    let on_next = go.reform(|_: MouseEvent| Move::Next);
    let on_print = Callback::from(|_: MouseEvent| crate::browser::print());
    let empty = workloads.is_empty();
    let status = deck.map(|d| {
        let title = match d.slide {
            0 => "Summary".to_owned(),
            n => workloads
                .get(n - 1)
                .map_or(String::new(), |e| e.workload.name().to_owned()),
        };
        format!("Slide {} of {slides}: {title}", d.slide + 1)
    });
    html! {
        <article class={classes!("report", deck.is_some().then_some("presenting"))} data-testid="report">
            <header class="report-head">
                <h1 data-testid="report-title">{ state.planner.header.title().to_owned() }</h1>
                <p class="report-as-of">{ format!("Catalog as of {}. {NOT_LEGAL_ADVICE}", catalog.meta.as_of) }</p>
                <div class="toolbar no-print">
                    <a class="button" href={Route::Plan.href()}>{ "Back to the plan" }</a>
                    if !empty {
                        <button type="button" onclick={on_print} data-testid="report-print">{ "Print" }</button>
                        <button type="button" class="primary" onclick={on_present} data-testid="report-present"
                                disabled={deck.is_some()}>{ "Present" }</button>
                    }
                </div>
            </header>
            if let Some(status) = &status {
                <nav class="slide-controls no-print" aria-label="Slides">
                    <button type="button" onclick={on_prev} disabled={current == Some(0)} data-testid="slide-previous">{ "← Previous" }</button>
                    <span data-testid="slide-position">{ status }</span>
                    <button type="button" onclick={on_next} disabled={current == Some(slides - 1)} data-testid="slide-next">{ "Next →" }</button>
                    <button type="button" onclick={on_end} data-testid="slide-end">{ "End (Esc)" }</button>
                </nav>
            }
            <p class="visually-hidden" role="status">{ status.clone().unwrap_or_default() }</p>
            if empty {
                <p data-testid="report-empty">
                    { "Your plan has no workloads yet, so there is nothing to report. " }
                    <a href={Route::Plan.href()}>{ "Plan a workload" }</a>
                    { " (plans stay in this browser), or open a plan someone shared with you as a link." }
                </p>
            } else {
                <section id={slide_id(0)} class={classes!("report-summary", "slide", class_of(0))}
                         aria-labelledby="report-summary-title" tabindex="-1">
                    <h2 id="report-summary-title">{ format!("Summary: {} workload{}", workloads.len(), if workloads.len() == 1 { "" } else { "s" }) }</h2>
                    { workload_summary(
                        catalog,
                        workloads,
                        "Every workload: its recommendation and residency verdict".to_owned(),
                        "report-row",
                        Some(slide_href),
                    ) }
                </section>
                { for workloads.iter().enumerate().map(|(i, e)| {
                    workload_section(catalog, i + 1, e, class_of(i + 1))
                }) }
                <section class="report-sources" aria-labelledby="report-sources-title">
                    <h2 id="report-sources-title">{ "Sources" }</h2>
                    <ul>
                        { for catalog.meta.sources.iter().map(|s| html! {
                            <li><a href={s.url.clone()} rel="noopener">{ &s.title }</a>{ format!(" (as of {})", s.as_of) }</li>
                        }) }
                    </ul>
                    { as_of_line(&catalog) }
                </section>
            }
        </article>
    }
}

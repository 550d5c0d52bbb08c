//! The plan as a report (`plan/report/`), made to be printed, projected or presented: the
//! summary of every workload, then per workload its recommendation with reasons and sources,
//! the processing map, the comparison and the IAM permissions, with the catalog's as-of date and
//! the line that it is decision support, not legal advice. Printed, each workload starts a page
//! (A4 or US Letter, the printer's choice). Presented, it shows one slide at a time in large
//! type, each fitting the screen: the summary, then per workload its decision, the map, its
//! options in short and its notes ([`atlas_core::output::slides::deck`]); the arrow keys and a
//! presenter's remote (Page Up, Page Down) move, Escape ends.
//!
//! It renders the same `PlanEvaluation` as the plan page, from the plan in browser storage.

use crate::components::comparison_table::ComparisonTable;
use crate::components::recommendation_card::{alternative, reason, warning, RecommendationCard};
use crate::components::route_map::RouteMap;
use crate::components::workload_summary::workload_summary;
use crate::route::Route;
use crate::state::{use_plan, CatalogRef};
use atlas_core::output::evaluation::{PlanEvaluation, WorkloadEvaluation};
use atlas_core::output::iam::option_permissions;
use atlas_core::output::plan_html::{page_rules, review_line, NOT_LEGAL_ADVICE};
use atlas_core::output::slides::{decision_facts, deck, option_lines, Deck, Move, Note, Slide};
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
) -> Html {
    let workload = &evaluation.workload;
    let id = section_id(number);
    let chosen = evaluation.chosen();
    let grants = chosen
        .map(|o| option_permissions(workload, o))
        .unwrap_or_default();
    let destinations: Rc<[_]> = chosen
        .map_or_else(Vec::new, |o| o.processing_regions.clone())
        .into();
    html! {
        <section {id} class="report-workload" data-page={section_id(number)} aria-labelledby={format!("workload-{number}-title")}
                 data-testid="report-workload">
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
            <ComparisonTable comparison={evaluation.comparison.clone()} name={AttrValue::from(workload.name().to_owned())} appendix=true />
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

/// The element ID of workload `n`'s section (from 1), the summary's links' target.
fn section_id(n: usize) -> String {
    format!("workload-{n}")
}

/// The link to workload `n`'s section from the summary (relative to the site root, as every
/// link is).
fn section_href(n: usize) -> String {
    format!("{}#{}", Route::PlanReport.href(), section_id(n))
}

/// The element ID of slide `n` (from 1).
fn slide_id(n: usize) -> String {
    format!("slide-{n}")
}

/// A slide's title: `Summary`, or the workload's number and name and what the slide shows.
fn slide_title(plan: &PlanEvaluation<'static>, slide: &Slide) -> String {
    match (slide, slide.workload()) {
        (Slide::Summary(range), _) if range.start == 0 && range.end == plan.workloads.len() => {
            let n = plan.workloads.len();
            format!("Summary: {n} workload{}", if n == 1 { "" } else { "s" })
        }
        (Slide::Summary(range), _) => format!(
            "Summary: workloads {} to {} of {}",
            range.start + 1,
            range.end,
            plan.workloads.len()
        ),
        (Slide::Decision { .. }, Some(w)) => plan.workloads.get(w).map_or(String::new(), |e| {
            format!("{}. {}", w + 1, e.workload.name())
        }),
        (_, Some(w)) => plan.workloads.get(w).map_or(String::new(), |e| {
            format!("{}. {}: {}", w + 1, e.workload.name(), slide.part())
        }),
        (_, None) => String::new(),
    }
}

/// A note of a notes slide, as a list item.
fn note(catalog: &CatalogRef, e: &WorkloadEvaluation<'static>, n: Note) -> Html {
    let rec = &e.recommendation;
    match n {
        Note::Warning(i) => rec.warnings.get(i).map_or_else(Html::default, warning),
        Note::Reason(i) => rec.reasons.get(i).map_or_else(Html::default, reason),
        Note::Alternative(i) => rec
            .alternatives
            .get(i)
            .map_or_else(Html::default, |a| alternative(catalog, a)),
    }
}

/// A slide's table under these column headings, scrolling sideways on a narrow screen (a
/// phone; it fits a laptop's or projector's).
fn slide_table(label: &'static str, testid: &'static str, headings: [&str; 4], rows: Html) -> Html {
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label={label}>
            <table class="slide-table" data-testid={testid}>
                <thead><tr>{ for headings.iter().map(|h| html! { <th scope="col">{ *h }</th> }) }</tr></thead>
                <tbody>{ rows }</tbody>
            </table>
        </div>
    }
}

/// The body of one slide (its heading is the caller's).
fn slide_body(catalog: CatalogRef, plan: &PlanEvaluation<'static>, slide: &Slide) -> Html {
    let workload = slide.workload().and_then(|w| plan.workloads.get(w));
    match (slide, workload) {
        (Slide::Summary(range), _) => slide_table(
            "Every workload, in short",
            "slide-summary",
            [
                "Workload",
                "Recommended",
                "Residency",
                "Price per million tokens",
            ],
            html! {
                { for plan.workloads.get(range.clone()).unwrap_or_default().iter().map(|e| html! {
                    <tr>
                        <th scope="row">{ e.workload.name() }</th>
                        <td>{ &e.summary.option }</td>
                        <td class={e.summary.verdict_class()}>{ format!("{} {}", e.summary.mark(), e.summary.verdict) }</td>
                        <td>{ e.summary.price.clone().unwrap_or_else(|| "—".to_owned()) }</td>
                    </tr>
                }) }
            },
        ),
        (Slide::Decision { urgent, .. }, Some(e)) => {
            let spec = e.workload.spec();
            html! {
                <>
                    <p class="slide-lead">
                        { format!("{} from {} · {}", e.workload.model().name, spec.source_region, spec.residency.describe(&catalog)) }
                    </p>
                    if *urgent > 0 {
                        <div class="alert" data-testid="urgent-warnings">
                            <p class="alert-title"><strong>{ "Read this first" }</strong></p>
                            <ul>{ for e.recommendation.warnings.iter().filter(|w| w.urgent).take(*urgent).map(warning) }</ul>
                        </div>
                    }
                    <dl class="slide-facts" data-testid="slide-facts">
                        { for decision_facts(e).into_iter().map(|f| html! {
                            <div>
                                <dt>{ f.label }</dt>
                                <dd>if f.code { <code>{ f.text }</code> } else { { f.text } }</dd>
                            </div>
                        }) }
                    </dl>
                </>
            }
        }
        (Slide::Map(w), Some(e)) => {
            let destinations: Rc<[_]> = e
                .chosen()
                .map_or_else(Vec::new, |o| o.processing_regions.clone())
                .into();
            html! {
                <RouteMap {catalog} source={Some(e.workload.spec().source_region.clone())} {destinations}
                          title={AttrValue::from(format!("Where {} may be processed", e.workload.name()))}
                          id={AttrValue::from(format!("slide-map-{}", w + 1))} />
            }
        }
        (Slide::Comparison(_), Some(e)) => html! {
            <>
                { slide_table(
                    "Every option, in short",
                    "slide-options",
                    ["Option", "Eligible", "Where the prompt may be processed", "Price per million tokens"],
                    html! {
                        { for option_lines(&e.comparison).into_iter().map(|o| {
                            let (class, mark) = match o.eligible.verdict {
                                Some(true) => (Some("fit-yes"), "✓ "),
                                Some(false) => (Some("fit-no"), "✗ "),
                                None => (None, ""),
                            };
                            html! {
                                <tr class={classes!(o.recommended.then_some("recommended"))}>
                                    <th scope="row">
                                        { o.label }
                                        if o.recommended { <span class="badge badge-recommended">{ "Recommended" }</span> }
                                    </th>
                                    <td class={classes!(class)}>{ mark }{ o.eligible.lines.join(" ") }</td>
                                    <td>{ o.processing }</td>
                                    <td>{ o.price }</td>
                                </tr>
                            }
                        }) }
                    },
                ) }
                <p class="hint">{ "Every aspect of every option, with the full Region lists, is in the printed report." }</p>
            </>
        },
        (Slide::Notes { notes, .. }, Some(e)) => {
            // One list per run of notes of a group, under the group's heading.
            let mut groups: Vec<(&'static str, Vec<Note>)> = Vec::new();
            for &n in notes {
                match groups.last_mut() {
                    Some((group, list)) if *group == n.group() => list.push(n),
                    _ => groups.push((n.group(), vec![n])),
                }
            }
            html! {
                { for groups.into_iter().map(|(group, list)| html! {
                    <>
                        <h3>{ group }</h3>
                        <ul class="slide-notes">{ for list.into_iter().map(|n| note(&catalog, e, n)) }</ul>
                    </>
                }) }
            }
        }
        (_, None) => Html::default(),
    }
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
    let lists = evaluation.region_lists();
    // Printed, every page carries the plan's title, the part's name, the page number and the
    // catalog's date (page-margin rules computed from the plan).
    use_effect_with(evaluation.clone(), move |evaluation| {
        let names: Vec<&str> = evaluation
            .workloads
            .iter()
            .map(|e| e.workload.name())
            .collect();
        let sheet = crate::browser::adopt_style(&page_rules(
            evaluation.header.title(),
            &catalog.meta.as_of,
            &names,
        ));
        move || drop(sheet)
    });
    let deck = use_state_eq(|| None::<Deck>);
    let slide_list = use_memo(evaluation.clone(), |e| self::deck(e));
    let slides = slide_list.len();
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
            crate::browser::focus_id(&slide_id(deck.slide + 1));
            crate::browser::scroll_to_top();
        }
    });
    let current = deck.map(|d| d.slide);
    let shown = current.and_then(|c| Some((c, slide_list.get(c)?)));
    let on_present = go.reform(|_: MouseEvent| Move::Start);
    let on_end = go.reform(|_: MouseEvent| Move::End);
    let on_prev = go.reform(|_: MouseEvent| Move::Previous);
    let on_next = go.reform(|_: MouseEvent| Move::Next);
    let on_print = Callback::from(|_: MouseEvent| crate::browser::print());
    let empty = workloads.is_empty();
    let status = shown.map(|(c, slide)| {
        format!(
            "Slide {} of {slides}: {}",
            c + 1,
            slide_title(&evaluation, slide)
        )
    });
    html! {
        <article class={classes!("report", deck.is_some().then_some("presenting"))} data-testid="report">
            <header class="report-head">
                <h1 data-testid="report-title">{ state.planner.header.title().to_owned() }</h1>
                <p class="report-as-of" data-testid="report-review">
                    { format!("{}. {NOT_LEGAL_ADVICE}", review_line(&catalog, &evaluation.header)) }
                </p>
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
                    <button type="button" onclick={on_next} disabled={current == Some(slides.saturating_sub(1))} data-testid="slide-next">{ "Next →" }</button>
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
            } else if let Some((c, slide)) = shown {
                <section id={slide_id(c + 1)} class="slide" aria-labelledby="slide-title" tabindex="-1"
                         data-testid="slide" data-kind={slide.part()}>
                    <h2 id="slide-title">{ slide_title(&evaluation, slide) }</h2>
                    { slide_body(catalog, &evaluation, slide) }
                </section>
            } else {
                <section id="summary" class="report-summary" aria-labelledby="report-summary-title">
                    <h2 id="report-summary-title">{ format!("Summary: {} workload{}", workloads.len(), if workloads.len() == 1 { "" } else { "s" }) }</h2>
                    { workload_summary(
                        catalog,
                        workloads,
                        "Every workload: its recommendation and residency verdict".to_owned(),
                        "report-row",
                        Some(section_href),
                    ) }
                </section>
                { for workloads.iter().enumerate().map(|(i, e)| {
                    workload_section(catalog, i + 1, e)
                }) }
                if !lists.is_empty() {
                    <section class="report-appendix" data-page="appendix" aria-labelledby="report-appendix-title"
                             data-testid="report-appendix">
                        <h2 id="report-appendix-title">{ "Appendix: every Region of the long lists" }</h2>
                        <p class="hint">{ "The comparisons count these Regions by country; here is each list once, with the IDs that may process the prompt in them." }</p>
                        { for lists.iter().map(|l| html! {
                            <>
                                <h3>{ format!("{} ({} Regions)", l.owners.join(", "), l.regions.len()) }</h3>
                                <ul class="region-columns">{ for l.regions.iter().map(|r| html! { <li>{ r }</li> }) }</ul>
                            </>
                        }) }
                    </section>
                }
                <section class="report-sources" data-page="sources" aria-labelledby="report-sources-title">
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

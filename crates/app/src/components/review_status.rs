//! The plan page's "Changes since review": the catalog the plan was last reviewed against and
//! the changes since that touch its workloads (each linking the page it concerns), or that it
//! was not reviewed yet; and the button that marks it reviewed against the current catalog.
//! `atlas diff` says the same (`browse::since`).

use crate::state::{CatalogRef, PlanHandle};
use atlas_core::browse::since::{since_review, SinceReview};
use yew::prelude::*;

/// Properties of [`ReviewStatus`].
#[derive(Properties, PartialEq)]
pub struct ReviewStatusProps {
    /// The catalog.
    pub catalog: CatalogRef,
    /// The plan.
    pub plan: PlanHandle,
}

/// The section.
#[component]
pub fn ReviewStatus(props: &ReviewStatusProps) -> Html {
    let catalog = props.catalog;
    let plan = &props.plan;
    let current = plan.state().planner.plan();
    let review = use_memo(current, move |p| since_review(catalog.0, p, None));
    let as_of = catalog.0.meta.as_of.clone();
    let up_to_date = matches!(&*review, SinceReview::Since { since, .. } if *since == as_of);
    let changes = match &*review {
        SinceReview::Since { touches, .. } if !touches.is_empty() => html! {
            <ul class="review-changes" data-testid="review-changes">
                { for touches.iter().map(|t| html! {
                    <li>
                        <a href={t.entry.link.clone()}>{ &t.entry.title }</a>
                        <span class="review-meta">{ format!(" ({}; touches {})", t.entry.date, t.workloads.join(", ")) }</span>
                    </li>
                }) }
            </ul>
        },
        _ => Html::default(),
    };
    html! {
        <section class="review-status" aria-labelledby="review-heading" data-testid="review-status">
            <h2 id="review-heading">{ "Changes since review" }</h2>
            <p data-testid="review-headline">{ review.headline() }</p>
            { changes }
            <p class="toolbar no-print">
                <button type="button" onclick={plan.mark_reviewed(as_of.clone())}
                        disabled={plan.read_only() || up_to_date} data-testid="plan-mark-reviewed">
                    { format!("Mark reviewed against the catalog of {as_of}") }
                </button>
                { " " }
                <a href="changes.json">{ "Every catalog change (JSON feed)" }</a>
            </p>
        </section>
    }
}

//! The recommendation for one workload: the option, the ID to call with a copy button, where the
//! prompt may be processed, the account change the call needs with its command, the reasons with
//! their sources, warnings, and suggestions when nothing is eligible.

use crate::components::copy_button::CopyButton;
use crate::state::CatalogRef;
use atlas_core::engine::suggest::Alternative;
use atlas_core::engine::{Reason, Warning};
use atlas_core::output::evaluation::WorkloadEvaluation;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`RecommendationCard`].
#[derive(Properties, PartialEq)]
pub struct RecommendationCardProps {
    /// The catalog, for names.
    pub catalog: CatalogRef,
    /// What the engine decided.
    pub evaluation: Rc<WorkloadEvaluation<'static>>,
    /// The heading's ID, unique on the page (a report shows one card per workload).
    #[prop_or(AttrValue::Static("recommendation-title"))]
    pub heading_id: AttrValue,
}

/// A suggestion when nothing is eligible, as a list item (the card's and the slides').
pub fn alternative(catalog: &CatalogRef, alt: &Alternative) -> Html {
    match alt {
        Alternative::SourceRegion {
            region,
            option,
            call_id,
        } => html! {
            <li>{ format!("Call from {region} ({}): {} ", catalog.region(region).map_or("", |r| r.name.as_str()), option.label()) }<code>{ call_id }</code></li>
        },
        Alternative::Model {
            model_id,
            option,
            call_id,
            why,
        } => html! {
            <li>
                { format!("Use {} instead: {} ", catalog.model(model_id).map_or(model_id.as_str(), |m| m.name.as_str()), option.label()) }<code>{ call_id }</code>
                <span class="alternative-why">{ format!(" ({why})") }</span>
            </li>
        },
        Alternative::ProvisionIn { regions } if regions.is_empty() => html! {
            <li>{ "No Region that the obligation allows offers this model for Provisioned Throughput." }</li>
        },
        Alternative::ProvisionIn { regions } => {
            let list: Vec<&str> = regions.iter().map(|r| r.as_str()).collect();
            html! { <li>{ format!("Buy Provisioned Throughput in a Region the obligation allows: {}", list.join(", ")) }</li> }
        }
    }
}

/// A warning with its source, as a list item (the card's and the slides').
pub fn warning(w: &Warning) -> Html {
    html! {
        <li>
            { &w.text }
            if let Some(source) = w.source {
                { " " }<a class="cite" href={source.href()} rel="noopener">{ format!("[{}]", source.title()) }</a>
            }
        </li>
    }
}

/// A reason with its source, as a list item (the card's and the slides').
pub fn reason(r: &Reason) -> Html {
    html! {
        <li>{ &r.text }{ " " }<a class="cite" href={r.source.href()} rel="noopener">{ format!("[{}]", r.source.title()) }</a></li>
    }
}

/// The recommendation card.
#[component]
pub fn RecommendationCard(props: &RecommendationCardProps) -> Html {
    let rec = &props.evaluation.recommendation;
    let w = props.evaluation.workload.spec();
    let catalog = props.catalog;
    let chosen = rec.chosen_option();
    html! {
        <section class={classes!("recommendation", chosen.is_none().then_some("recommendation-none"))}
                 aria-labelledby={props.heading_id.clone()} data-testid="recommendation">
            <h2 id={props.heading_id.clone()}>
                { format!("Recommendation for {}", w.name) }
            </h2>
            <p class="recommended-option" data-testid="recommended-option">
                <strong>{ &props.evaluation.summary.option }</strong>
                { format!(" · {} from {} · {}", props.evaluation.workload.model().name, w.source_region, w.residency.describe(&catalog)) }
            </p>
            if rec.urgent_count() > 0 {
                <div class="alert" data-testid="urgent-warnings">
                    <p class="alert-title"><strong>{ "Read this first" }</strong></p>
                    <ul>{ for rec.warnings.iter().filter(|w| w.urgent).map(warning) }</ul>
                </div>
            }
            if let Some(o) = chosen {
                <div class="call-id">
                    <span>{ "ID to call: " }</span>
                    <code data-testid="call-id">{ o.call_id().unwrap_or_default() }</code>
                    <CopyButton text={AttrValue::from(o.call_id().unwrap_or_default().to_owned())} label="Copy ID" />
                </div>
                <p data-testid="processing">
                    { "The prompt may be processed in: " }
                    { o.processing_regions.iter().map(|r| format!("{r} ({})", catalog.country_name_of(r))).collect::<Vec<_>>().join(", ") }
                </p>
                if !o.units().is_empty() {
                    <p data-testid="model-units">{ format!("Model units to buy: {}", o.units().join(", ")) }</p>
                }
                if let Some(change) = &rec.account_change {
                    <div class="account-change" data-testid="account-change">
                        <p>
                            { format!("Account change: set the data retention mode in {} to `{}` (now {}).", change.region, change.to.key(), change.from.map_or("unknown", |m| m.key())) }
                        </p>
                        <code data-testid="account-change-command">{ &change.command }</code>
                        <CopyButton text={AttrValue::from(change.command.clone())} label="Copy command" testid="copy-account-command" />
                    </div>
                }
                <dl class="facts" data-testid="chosen-facts">
                    { for props.evaluation.chosen_facts().into_iter().map(|(label, lines)| html! {
                        <div><dt>{ label }</dt><dd>{ lines.join(" · ") }</dd></div>
                    }) }
                </dl>
            }
            <h3>{ "Why" }</h3>
            <ul class="reasons" data-testid="reasons">
                { for rec.reasons.iter().map(reason) }
            </ul>
            if rec.warnings.len() > rec.urgent_count() {
                <h3>{ "Warnings" }</h3>
                <ul class="warnings" data-testid="warnings">
                    { for rec.warnings.iter().filter(|w| !w.urgent).map(warning) }
                </ul>
            }
            if !rec.alternatives.is_empty() {
                <h3>{ "What you could do instead" }</h3>
                <ul data-testid="alternatives">
                    { for rec.alternatives.iter().map(|a| alternative(&catalog, a)) }
                </ul>
            }
        </section>
    }
}

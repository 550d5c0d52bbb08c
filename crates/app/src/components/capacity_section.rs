//! "Capacity at the peak": the quota pools the plan's chosen options draw on, each with the sum
//! of its workloads' peaks, its limit and verdict, and the Service Quotas commands that read the
//! applied value and ask for more. The core computes every figure
//! ([`atlas_core::output::capacity`]); this only lays it out.

use crate::components::copy_button::CopyButton;
use crate::state::CatalogRef;
use atlas_core::catalog::cite::Cite;
use atlas_core::output::capacity::capacity_report;
use atlas_core::output::evaluation::PlanEvaluation;
use atlas_core::plan::money::group_digits;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`CapacitySection`].
#[derive(Properties, PartialEq)]
pub struct CapacitySectionProps {
    /// The catalog, for its as-of date.
    pub catalog: CatalogRef,
    /// The evaluated plan.
    pub evaluation: Rc<PlanEvaluation<'static>>,
}

fn figure(n: Option<u64>) -> String {
    n.map_or_else(|| "unknown".to_owned(), group_digits)
}

/// The section; nothing when no workload gives a peak.
#[component]
pub fn CapacitySection(props: &CapacitySectionProps) -> Html {
    if props.evaluation.pools.is_empty() {
        return Html::default();
    }
    let report = capacity_report(&props.catalog, &props.evaluation);
    html! {
        <section class="capacity" aria-labelledby="capacity-title" data-testid="capacity">
            <h2 id="capacity-title">{ "Capacity at the peak" }</h2>
            <p>
                { "Tokens a minute each quota pool must hold at the workloads' peaks: settled = requests × (input + cache write + output × burndown), admission = requests × (input + cache write + max_tokens). Workloads whose chosen options share a pool add up. " }
                <a class="cite" href={Cite::TokenBurndown.href()} rel="noopener">{ format!("[{}]", Cite::TokenBurndown.title()) }</a>
            </p>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Quota pools at the peak">
                <table data-testid="capacity-table">
                    <thead><tr>
                        <th scope="col">{ "Pool" }</th>
                        <th scope="col">{ "Workloads" }</th>
                        <th scope="col">{ "Settled" }</th>
                        <th scope="col">{ "Admission" }</th>
                        <th scope="col">{ "Limit" }</th>
                        <th scope="col">{ "Verdict" }</th>
                    </tr></thead>
                    <tbody>
                        { for report.pools.iter().map(|p| {
                            let c = &p.load.capacity;
                            let limit = match (c.limit, c.limit_source) {
                                (Some(v), atlas_core::engine::capacity::LimitSource::Applied) => format!("{} (applied)", group_digits(v)),
                                (Some(v), _) => format!("{} (published default)", group_digits(v)),
                                (None, _) => "unknown".to_owned(),
                            };
                            html! {
                                <tr data-testid="capacity-row">
                                    <th scope="row">{ p.load.pool.describe() }</th>
                                    <td>{ p.load.workloads.join(", ") }</td>
                                    <td>{ figure(c.settled_tpm) }</td>
                                    <td>{ figure(c.admission_tpm) }</td>
                                    <td>{ limit }</td>
                                    <td data-testid="capacity-verdict">{ c.verdict_words() }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            <h3>{ "What to do" }</h3>
            <ul class="capacity-commands">
                { for report.pools.iter().enumerate().map(|(i, p)| html! {
                    <li>
                        <p>{ p.load.pool.describe() }{ p.reason.as_deref().map(|r| format!(": unknown, {r}")).unwrap_or_default() }</p>
                        { for [("Read the applied value", &p.get_command, "get"), ("Ask for the increase", &p.increase_command, "increase")]
                            .into_iter()
                            .filter_map(|(label, command, kind)| Some((label, command.as_ref()?, kind)))
                            .map(|(label, command, kind)| html! {
                                <div class="command">
                                    <p>{ label }</p>
                                    <code data-testid={format!("capacity-{kind}-{i}")}>{ command }</code>
                                    <CopyButton text={AttrValue::from(command.clone())} label={AttrValue::from(format!("Copy: {label}"))}
                                                testid={AttrValue::from(format!("copy-capacity-{kind}-{i}"))} />
                                </div>
                            }) }
                    </li>
                }) }
            </ul>
            <ul class="hint">
                { for report.notes.iter().map(|n| html! { <li>{ *n }</li> }) }
            </ul>
        </section>
    }
}

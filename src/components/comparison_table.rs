//! The side-by-side comparison of every option for one workload: a real table with row and
//! column headers, the recommended column marked, ineligible columns saying why.

use crate::domain::compare::Comparison;
use yew::prelude::*;

/// Properties of [`ComparisonTable`].
#[derive(Properties, PartialEq)]
pub struct ComparisonTableProps {
    /// The comparison the domain computed.
    pub comparison: Comparison,
    /// The workload's name, for the caption.
    pub name: AttrValue,
}

/// The comparison table.
#[component]
pub fn ComparisonTable(props: &ComparisonTableProps) -> Html {
    let table = &props.comparison;
    html! {
        <div class="table-scroll comparison" data-testid="comparison">
            <table>
                <caption>{ format!("Every option for {}, side by side", props.name) }</caption>
                <thead>
                    <tr>
                        <td></td>
                        { for table.columns.iter().map(|c| html! {
                            <th scope="col" class={classes!(c.recommended.then_some("recommended"), (!c.eligible).then_some("ineligible"))}
                                data-testid="comparison-column" data-recommended={c.recommended.to_string()}>
                                { &c.label }
                                if c.recommended {
                                    <span class="badge badge-recommended">{ "Recommended" }</span>
                                }
                            </th>
                        }) }
                    </tr>
                </thead>
                <tbody>
                    <tr>
                        <th scope="row">{ "Eligible" }</th>
                        { for table.columns.iter().map(|c| match &c.why_not {
                            None => html! { <td class="fit-yes">{ "✓ Yes" }</td> },
                            Some(why) => html! { <td class="fit-no">{ format!("✗ No: {why}") }</td> },
                        }) }
                    </tr>
                    { for table.rows.iter().map(|row| html! {
                        <tr>
                            <th scope="row">{ row.label }</th>
                            { for row.cells.iter().zip(&table.columns).map(|(lines, c)| html! {
                                <td class={classes!(c.recommended.then_some("recommended"))}>
                                    if lines.len() == 1 {
                                        { &lines[0] }
                                    } else {
                                        <ul class="plain">{ for lines.iter().map(|l| html! { <li>{ l }</li> }) }</ul>
                                    }
                                </td>
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

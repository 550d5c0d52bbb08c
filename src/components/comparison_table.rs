//! The side-by-side comparison of every option for one workload: a real table with row and
//! column headers, the recommended column marked, yes/no cells marked so colour is not the only
//! sign.

use crate::domain::compare::{Cell, Comparison};
use yew::prelude::*;

/// Properties of [`ComparisonTable`].
#[derive(Properties, PartialEq)]
pub struct ComparisonTableProps {
    /// The comparison the domain computed.
    pub comparison: Comparison,
    /// The workload's name, for the caption.
    pub name: AttrValue,
}

fn cell(cell: &Cell, recommended: bool) -> Html {
    let (class, mark) = match cell.verdict {
        Some(true) => (Some("fit-yes"), "✓ "),
        Some(false) => (Some("fit-no"), "✗ "),
        None => (None, ""),
    };
    html! {
        <td class={classes!(class, recommended.then_some("recommended"))}>
            if let [line] = cell.lines.as_slice() {
                { mark }{ line }
            } else {
                <ul class="plain">{ for cell.lines.iter().map(|l| html! { <li>{ l }</li> }) }</ul>
            }
        </td>
    }
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
                    { for table.rows.iter().map(|row| html! {
                        <tr>
                            <th scope="row">{ row.label }</th>
                            { for row.cells.iter().zip(&table.columns).map(|(c, column)| cell(c, column.recommended)) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

//! The side-by-side comparison of every option for one workload: a real table with row and
//! column headers, the recommended column marked, yes/no cells marked so colour is not the only
//! sign. Long Region lists show their summary by country with the full list one click away (and
//! in print). On a phone the same cells read as one card per option instead of a table.

use atlas_core::output::compare::{Cell, Column, Comparison};
use yew::prelude::*;

/// Properties of [`ComparisonTable`].
#[derive(Properties, PartialEq)]
pub struct ComparisonTableProps {
    /// The comparison the domain computed.
    pub comparison: Comparison,
    /// The workload's name, for the caption.
    pub name: AttrValue,
    /// Printed, a long Region list is left to the document's appendix (the report's) instead of
    /// following its summary.
    #[prop_or_default]
    pub appendix: bool,
}

fn mark(cell: &Cell) -> (Option<&'static str>, &'static str) {
    match cell.verdict {
        Some(true) => (Some("fit-yes"), "✓ "),
        Some(false) => (Some("fit-no"), "✗ "),
        None => (None, ""),
    }
}

/// A cell's content: its lines, then the full list it summarises behind a disclosure (and, for
/// print, where a closed disclosure would hide it, as a plain list).
fn content(cell: &Cell, appendix: bool) -> Html {
    let (_, mark) = mark(cell);
    let lines = if let [line] = cell.lines.as_slice() {
        html! { <>{ mark }{ line }</> }
    } else {
        html! {
            <ul class="plain">
                { for cell.lines.iter().enumerate().map(|(i, l)| html! {
                    <li>{ if i == 0 { mark } else { "" } }{ l }</li>
                }) }
            </ul>
        }
    };
    if cell.more.is_empty() {
        return lines;
    }
    let list =
        html! { <ul class="plain">{ for cell.more.iter().map(|l| html! { <li>{ l }</li> }) }</ul> };
    html! {
        <>
            { lines }
            <details class="more no-print">
                <summary>{ format!("Every Region ({})", cell.more.len()) }</summary>
                { list.clone() }
            </details>
            <div class="print-only">
                if appendix { { "Every Region: see the appendix." } } else { { list } }
            </div>
        </>
    }
}

fn cell(cell: &Cell, recommended: bool, appendix: bool) -> Html {
    let (class, _) = mark(cell);
    html! {
        <td class={classes!(class, recommended.then_some("recommended"))}>{ content(cell, appendix) }</td>
    }
}

/// One option as a card: its heading, then each aspect with its cell.
fn option_card(table: &Comparison, index: usize, column: &Column, appendix: bool) -> Html {
    html! {
        <li class={classes!("option-card", column.recommended.then_some("recommended"), (!column.eligible).then_some("ineligible"))}
            data-testid="option-card" data-recommended={column.recommended.to_string()}>
            <h3>
                { &column.label }
                if column.recommended {
                    <span class="badge badge-recommended">{ "Recommended" }</span>
                }
            </h3>
            <dl>
                { for table.rows.iter().filter_map(|row| {
                    let c = row.cells.get(index)?;
                    let (class, _) = mark(c);
                    Some(html! {
                        <div><dt>{ row.label }</dt><dd class={classes!(class)}>{ content(c, appendix) }</dd></div>
                    })
                }) }
            </dl>
        </li>
    }
}

/// The comparison table, and the same comparison as cards for narrow screens (CSS shows one).
#[component]
pub fn ComparisonTable(props: &ComparisonTableProps) -> Html {
    let table = &props.comparison;
    let caption = format!("Every option for {}, side by side", props.name);
    html! {
        <div class="comparison-block">
            <div class="table-scroll comparison" data-testid="comparison" tabindex="0" role="region" aria-label={caption.clone()}>
                <table>
                    <caption>{ caption.clone() }</caption>
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
                                { for row.cells.iter().zip(&table.columns).map(|(c, column)| cell(c, column.recommended, props.appendix)) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <section class="comparison-cards" aria-label={caption} data-testid="comparison-cards">
                <ul class="plain">
                    { for table.columns.iter().enumerate().map(|(i, c)| option_card(table, i, c, props.appendix)) }
                </ul>
            </section>
        </div>
    }
}

//! Markdown for documents people paste into proposals and tickets: table cells that keep their
//! columns whatever the text holds.

/// Escapes a table cell: pipes and line breaks would break the Markdown table.
pub fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

//! CSV for spreadsheets: RFC 4180 quoting with formula cells neutralised, one rule for every
//! CSV the product writes.

/// `text` without control characters other than tab, line feed and carriage return: an escape
/// (ESC, or the C1 introducer U+009B) would start a terminal control sequence when the output is
/// printed, and no other control character means anything in a document.
pub fn without_controls(text: &str) -> std::borrow::Cow<'_, str> {
    let kept = |c: char| !c.is_control() || matches!(c, '\t' | '\n' | '\r');
    if text.chars().all(kept) {
        text.into()
    } else {
        text.chars().filter(|c| kept(*c)).collect::<String>().into()
    }
}

/// Quotes a CSV field when it holds a comma, a quote or a line break (RFC 4180). A field that
/// a spreadsheet would take for a formula (starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return) gets a leading `'`, so `=HYPERLINK(…)` shows as text instead of running.
/// Control characters that would reach a terminal are dropped ([`without_controls`]).
pub fn csv_field(text: &str) -> String {
    field(text, ',')
}

/// [`csv_field`] for a file whose fields are separated by `separator` (`;` where a spreadsheet's
/// locale writes decimal commas): a field holding the separator is quoted too.
pub fn field(text: &str, separator: char) -> String {
    let text = without_controls(text);
    let text = text.as_ref();
    let neutral;
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        neutral = format!("'{text}");
        neutral.as_str()
    } else {
        text
    };
    if text.contains([separator, '"', '\n', '\r', '\t']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// One CSV record of `fields`, each quoted by [`csv_field`], ended by CRLF (RFC 4180).
pub fn csv_row(fields: &[&str]) -> String {
    let cells: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
    format!("{}\r\n", cells.join(","))
}

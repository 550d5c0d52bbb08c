//! Markdown for documents people paste into proposals, tickets and wikis: text that shows as
//! text whatever it holds. A name with a line break, a `|`, HTML (`<script>`, `<img onerror>`)
//! or link syntax (`[x](javascript:…)`) must neither break the table nor become markup.

/// Escapes text for a heading, a list item or a table cell: line breaks and other control
/// characters become spaces; `|`, `[`, `]`, `\`, `` ` ``, `*`, `_` and `~` are
/// backslash-escaped (no emphasis or strike-through); `&`, `<` and `>` become entities (so no
/// HTML or entity passes: `&lt;` shows as written); the colon of a `javascript:`, `vbscript:` or
/// `data:` scheme is escaped so no autolinker takes it for a link.
pub fn text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '|' | '[' | ']' | '\\' | '`' | '*' | '_' | '~' => {
                out.push('\\');
                out.push(c);
            }
            ':' if ["javascript", "vbscript", "data"]
                .iter()
                .any(|scheme| ends_with_word(&out, scheme)) =>
            {
                out.push_str("\\:");
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Whether `out` ends with `word` (any case) not preceded by a letter.
fn ends_with_word(out: &str, word: &str) -> bool {
    let Some(start) = out.len().checked_sub(word.len()) else {
        return false;
    };
    out.is_char_boundary(start)
        && out[start..].eq_ignore_ascii_case(word)
        && !out[..start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric())
}

/// Escapes a table cell: see [`text`].
pub fn cell(text: &str) -> String {
    self::text(text)
}

/// A cell of several lines, each escaped, joined by `<br>`.
pub fn lines(lines: &[String]) -> String {
    lines
        .iter()
        .map(|l| text(l))
        .collect::<Vec<_>>()
        .join("<br>")
}

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

/// A line of a cell: an ARN (`arn:aws:…:<account-id>:…`) as code, where its angle brackets
/// need no escape; anything else escaped ([`text`]).
pub fn line(line: &str) -> String {
    let arn = line.starts_with("arn:")
        && !line.contains('`')
        && !line.chars().any(|c| c.is_control() || c == '|');
    if arn {
        format!("`{line}`")
    } else {
        text(line)
    }
}

/// A cell of several lines, each as [`line`] makes it, joined by `<br>`.
pub fn lines(lines: &[String]) -> String {
    lines
        .iter()
        .map(|l| line(l))
        .collect::<Vec<_>>()
        .join("<br>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arns_are_code_other_lines_text() {
        // line, Markdown
        let cases = [
            (
                "arn:aws:bedrock:eu-central-1:<account-id>:inference-profile/eu.x",
                "`arn:aws:bedrock:eu-central-1:<account-id>:inference-profile/eu.x`",
            ),
            ("arn:with`tick", "arn:with\\`tick"),
            ("arn:a|b", "arn:a\\|b"),
            ("<account-id>", "&lt;account-id&gt;"),
        ];
        for (text, md) in cases {
            assert_eq!(line(text), md, "{text}");
        }
    }
}

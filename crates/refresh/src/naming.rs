//! Display names derived from a model ID, for models no page names yet:
//! `anthropic.claude-haiku-5-5` -> `Claude Haiku 5.5`, `openai.gpt-6.1-sol` -> `GPT-6.1 Sol`,
//! `twelvelabs.pegasus-1-5-v1:0` -> `Pegasus 1.5`. The catalog lists every derived name as a gap.

/// Words written in capitals.
const UPPER: [&str; 5] = ["gpt", "glm", "oss", "vl", "ai"];

/// The display name derived from `id`.
pub fn derive_name(id: &str) -> String {
    let rest = id.split_once('.').map_or(id, |(_, rest)| rest);
    let words = version_words(&strip_snapshot(rest));
    let mut name: Vec<String> = words.iter().map(|w| word(w)).collect();
    // `GPT 6.1` -> `GPT-6.1`, as OpenAI writes it.
    let mut i = 0;
    while i + 1 < name.len() {
        if name[i] == "GPT" && name[i + 1].starts_with(|c: char| c.is_ascii_digit()) {
            let next = name.remove(i + 1);
            name[i] = format!("GPT-{next}");
        }
        i += 1;
    }
    name.join(" ")
}

/// Drops a `-vN:M` or `-vN` version when it is 1, and a date snapshot (`-20251001`,
/// `-2026-03-05`).
fn strip_snapshot(rest: &str) -> String {
    let mut parts: Vec<&str> = rest.split('-').collect();
    if let Some(last) = parts.last_mut() {
        if let Some((version, _)) = last.split_once(':') {
            *last = version;
        }
    }
    if parts.len() > 3 {
        let tail = &parts[parts.len() - 3..];
        let date = [4, 2, 2]
            .iter()
            .zip(tail)
            .all(|(n, p)| p.len() == *n && p.chars().all(|c| c.is_ascii_digit()));
        if date {
            parts.truncate(parts.len() - 3);
        }
    }
    parts.retain(|p| !(p.len() == 8 && p.chars().all(|c| c.is_ascii_digit())));
    if parts.len() > 1 && parts.last() == Some(&"v1") {
        parts.pop();
    }
    parts.join("-")
}

/// Splits on `-`, joining two single digits that follow a word into a version: `haiku-5-5`
/// -> `haiku`, `5.5`.
fn version_words(text: &str) -> Vec<String> {
    let parts: Vec<&str> = text.split('-').collect();
    let digit = |p: &str| p.len() == 1 && p.chars().all(|c| c.is_ascii_digit());
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < parts.len() {
        let after_word = i > 0 && parts[i - 1].ends_with(|c: char| !c.is_ascii_digit());
        if after_word && digit(parts[i]) && i + 1 < parts.len() && digit(parts[i + 1]) {
            out.push(format!("{}.{}", parts[i], parts[i + 1]));
            i += 2;
        } else {
            out.push(parts[i].to_owned());
            i += 1;
        }
    }
    out
}

fn word(w: &str) -> String {
    if UPPER.contains(&w) {
        return w.to_uppercase();
    }
    if let Some(rest) = w.strip_prefix("gpt") {
        return format!("GPT{rest}");
    }
    let digits_after = |prefix: char| {
        w.strip_prefix(prefix)
            .is_some_and(|r| !r.is_empty() && r.chars().all(|c| c.is_ascii_digit() || c == '.'))
    };
    if digits_after('k') {
        return w.to_uppercase();
    }
    if w.len() > 1 && w.ends_with('b') && w[..w.len() - 1].chars().all(|c| c.is_ascii_digit()) {
        return w.to_uppercase();
    }
    let mut chars = w.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

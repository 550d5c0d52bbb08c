//! How the plan format grows. Every level of a plan file refuses fields it does not know, so a
//! mistyped field is never silently dropped; versions say which fields a file may hold:
//!
//! - version 1: `workloads` only;
//! - version 2: adds optional plan-level `name` and `reviewed_against`; later features add
//!   further optional version-2 fields.
//!
//! A plan is written at the lowest version that holds its fields, so a version-1 file without
//! new fields stays byte-identical. A file of a version above [`PLAN_VERSION`] is refused as made
//! by a newer build; in a version-2 file a field this build does not know reads as written by a
//! newer build, with the closest field this build knows, so a typo still reads as a typo.

/// The newest plan format version this build reads and writes.
pub const PLAN_VERSION: u32 = 2;

/// The version that introduced plan-level `name` and `reviewed_against`.
pub const VERSION_WITH_HEADER: u32 = 2;

/// Why a file's `version` cannot be read, if it cannot; `raw` is the value's JSON text.
pub fn check(raw: &str) -> Result<u32, String> {
    match serde_json::from_str::<u64>(raw) {
        Ok(v) if v > u64::from(PLAN_VERSION) => Err(format!(
            "made by a newer version of CRIS Atlas (version {v}); this one reads up to {PLAN_VERSION}"
        )),
        Ok(v) if v >= 1 => Ok(v as u32),
        _ => Err(format!(
            "this build reads plan versions 1 to {PLAN_VERSION}, not {}",
            crate::catalog::describe::prefix(raw)
        )),
    }
}

/// serde's message for a field a type does not know, in the words of the version rule: in a
/// file of `version` 2 or later an unknown field was written by a newer build (or is a typo of the
/// closest known field, which the message names). Other messages, and any message about a
/// version-1 file, whose fields never change, are returned as they are.
pub fn explain(message: String, version: u32) -> String {
    if version < VERSION_WITH_HEADER {
        return message;
    }
    let Some(rest) = message.strip_prefix("unknown field `") else {
        return message;
    };
    let Some((field, expected)) = rest.split_once('`') else {
        return message;
    };
    let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    let mut out = format!("this plan uses `{field}`, which a newer version of CRIS Atlas writes");
    if let Some(close) = closest(field, &known) {
        out.push_str(&format!(" (or a typo: this version knows `{close}`)"));
    }
    out
}

/// The known name nearest to `field`, if it is near enough to be a typo of it: at most a third of
/// its letters (and at least one) changed, added or removed.
fn closest<'k>(field: &str, known: &[&'k str]) -> Option<&'k str> {
    let most = (field.chars().count() / 3).max(1);
    known
        .iter()
        .map(|k| (edit_distance(field, k), *k))
        .filter(|(d, _)| *d <= most)
        .min()
        .map(|(_, k)| k)
}

/// Edits between `a` and `b` in characters: a letter changed, added or removed, or two
/// neighbours swapped (the optimal string alignment distance), so `nmae` is one edit from `name`.
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let change = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + change);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows: serde's message, the file's version, the message the user reads.
    #[test]
    fn unknown_fields_read_as_newer_in_version_2_and_as_typos_when_close() {
        let rows = [
            (
                "unknown field `nmae`, expected one of `version`, `name`, `workloads`",
                2,
                "this plan uses `nmae`, which a newer version of CRIS Atlas writes (or a typo: this version knows `name`)",
            ),
            (
                "unknown field `data_retention`, expected one of `name`, `model_id`",
                2,
                "this plan uses `data_retention`, which a newer version of CRIS Atlas writes",
            ),
            (
                "unknown field `nmae`, expected one of `version`, `name`, `workloads`",
                1,
                "unknown field `nmae`, expected one of `version`, `name`, `workloads`",
            ),
            ("missing field `sla`", 2, "missing field `sla`"),
        ];
        for (serde, version, expected) in rows {
            assert_eq!(explain(serde.into(), version), expected, "{serde}");
        }
    }

    #[test]
    fn versions_above_this_build_are_refused_as_newer() {
        assert_eq!(check("1"), Ok(1));
        assert_eq!(check("2"), Ok(2));
        assert_eq!(
            check("3"),
            Err("made by a newer version of CRIS Atlas (version 3); this one reads up to 2".into())
        );
        assert!(check("0").unwrap_err().contains("versions 1 to 2, not 0"));
        assert!(check("\"2\"").unwrap_err().contains("not \"2\""));
    }

    #[test]
    fn edit_distance_counts_changes() {
        assert_eq!(edit_distance("name", "name"), 0);
        assert_eq!(edit_distance("nmae", "name"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("nam", "name"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}

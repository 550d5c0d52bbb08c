//! The hand-transcribed tables of `data/sources/`, as the data page and the refresh see them:
//! each table's page, the date of the copy read and the date it was last checked against the
//! newest copy to be found; a table last checked more than 60 days ago is flagged (a machine
//! cannot refresh these tables, so their age is the one thing it can watch).

use crate::catalog::calendar::Day;
use serde_json::Value;

/// A table last checked longer ago than this many days is flagged.
pub const STALE_AFTER_DAYS: i64 = 60;

/// A table's page and its two dates, from its `source` object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableDates {
    /// The file under `data/sources/`.
    pub file: String,
    /// The AWS page's title.
    pub title: String,
    /// The AWS page's address.
    pub url: String,
    /// The date of the copy read (`source.copy_date`).
    pub copy_date: String,
    /// The date it was last checked against the newest copy found (`source.checked`).
    pub checked: String,
}

impl TableDates {
    /// Whether it was last checked more than [`STALE_AFTER_DAYS`] before `today`.
    pub fn is_stale(&self, today: Day) -> bool {
        Day::parse(&self.checked).is_none_or(|d| d.days_until(today) > STALE_AFTER_DAYS)
    }
}

/// Each table's page and dates, from `(file name, text)` pairs; the error names a table that
/// does not parse or lacks one of them.
pub fn dates<N: AsRef<str>, T: AsRef<str>>(tables: &[(N, T)]) -> Result<Vec<TableDates>, String> {
    tables
        .iter()
        .map(|(file, text)| {
            let file = file.as_ref();
            let table: Value =
                serde_json::from_str(text.as_ref()).map_err(|e| format!("sources/{file}: {e}"))?;
            let field = |key: &str| {
                table["source"][key]
                    .as_str()
                    .map(str::to_owned)
                    .ok_or_else(|| format!("sources/{file}: source.{key} is missing"))
            };
            Ok(TableDates {
                file: file.to_owned(),
                title: field("title")?,
                url: field("url")?,
                copy_date: field("copy_date")?,
                checked: field("checked")?,
            })
        })
        .collect()
}

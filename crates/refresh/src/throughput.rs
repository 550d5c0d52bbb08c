//! The Provisioned Throughput table (`provisioned-throughput.tsv`), transcribed from the AWS page
//! "Supported Region and models for Provisioned Throughput": one row per model unit with the
//! Regions where it can be bought. A model unit is a model ID, optionally followed by `:` and a
//! context-length variant (`amazon.nova-pro-v1:0:300k`, `amazon.titan-embed-text-v1:2:8k`).

use crate::input::{identifier, At, InputError};
use atlas_core::catalog::ids::{ModelId, RegionCode};

/// The header line the table must have.
pub const HEADER: &str = "provider\tmodel\tpt_model_id\tregions";

/// One row: a model unit and its Regions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitRow {
    /// Line number in the file, for messages.
    pub line: usize,
    /// Provider as the page names it.
    pub provider: String,
    /// Model as the page names it.
    pub model: String,
    /// The model-unit ID to buy.
    pub unit: String,
    /// Regions where it can be bought.
    pub regions: Vec<RegionCode>,
}

/// The table: its comment lines (the transcription's provenance) and its rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitTable {
    /// Lines starting with `#`, without the `#`.
    pub comments: Vec<String>,
    /// Data rows.
    pub rows: Vec<UnitRow>,
}

/// Parses the table: `#` comment lines, then [`HEADER`], then four tab-separated fields per
/// row, Regions separated by spaces.
pub fn parse(file: &str, text: &str) -> Result<UnitTable, InputError> {
    let mut comments = Vec::new();
    let mut rows = Vec::new();
    let mut header_seen = false;
    for (i, line) in text.lines().enumerate() {
        let at = At::place(file, format!("line {}", i + 1));
        if let Some(comment) = line.strip_prefix('#') {
            comments.push(comment.trim().to_owned());
        } else if line.trim().is_empty() {
            continue;
        } else if !header_seen {
            if line != HEADER {
                return Err(at.error(format!("expected the header {HEADER:?}")));
            }
            header_seen = true;
        } else {
            rows.push(row(line, i + 1, &at)?);
        }
    }
    if !header_seen {
        return Err(At::file(file).error(format!("no header line {HEADER:?}")));
    }
    if rows.is_empty() {
        return Err(At::file(file).error("no rows"));
    }
    Ok(UnitTable { comments, rows })
}

fn row(line: &str, number: usize, at: &At) -> Result<UnitRow, InputError> {
    let fields: Vec<&str> = line.split('\t').collect();
    let [provider, model, unit, regions] = fields.as_slice() else {
        return Err(at.error(format!(
            "expected 4 tab-separated fields, found {}",
            fields.len()
        )));
    };
    for (name, value) in [("provider", provider), ("model", model)] {
        if value.trim().is_empty() || value.chars().any(char::is_control) {
            return Err(at.error(format!("{name}: empty or not printable: {value:?}")));
        }
    }
    let unit = identifier(unit, &at_field(at, "pt_model_id"))?;
    let regions: Vec<RegionCode> = regions
        .split(' ')
        .map(|r| identifier(r, &at_field(at, "regions")).map(RegionCode::new))
        .collect::<Result<_, _>>()?;
    Ok(UnitRow {
        line: number,
        provider: provider.to_string(),
        model: model.to_string(),
        unit: unit.to_owned(),
        regions,
    })
}

fn at_field(at: &At, name: &str) -> At {
    at.field(name)
}

/// The model a unit belongs to: the longest of `known` that equals the unit or is followed in
/// it by `:` (so `amazon.titan-embed-text-v1:2:8k` is `amazon.titan-embed-text-v1`).
pub fn base_model<'a>(
    unit: &str,
    known: impl IntoIterator<Item = &'a ModelId>,
) -> Option<&'a ModelId> {
    known
        .into_iter()
        .filter(|id| {
            unit.strip_prefix(id.as_str())
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(':'))
        })
        .max_by_key(|id| id.as_str().len())
}

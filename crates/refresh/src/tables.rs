//! The hand-transcribed tables of `data/sources/` between two catalog generations: which files
//! changed for which model, found generically (any table, present or to come, such as the
//! service tiers or the quotas), and which tables were last checked too long ago.
//!
//! A table entry belongs to a model when it names a catalog model ID: an object in a list whose
//! own fields hold the ID (`catalog_id`, `catalog_ids`, `model_id`, ...), or the ID itself in a
//! list of IDs. What names no model (a table's general rules) is compared as one. The `source`
//! object (the copy read and its dates) and the `history` list (what earlier copies said) are
//! not facts of the current table and are left out.

use atlas_core::catalog::schema::TableChange;
pub use atlas_core::catalog::source_tables::{dates, TableDates, STALE_AFTER_DAYS};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// Top-level keys that are not the table's current facts.
const NOT_FACTS: [&str; 2] = ["source", "history"];

/// One table's facts: each model's entries (as compact JSON), and the rest.
#[derive(Debug, Default, PartialEq, Eq)]
struct Facts {
    per_model: BTreeMap<String, BTreeSet<String>>,
    rest: String,
}

/// The model IDs a list element's own fields name.
fn named(element: &Value, ids: &BTreeSet<&str>) -> Vec<String> {
    let Value::Object(fields) = element else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for value in fields.values() {
        match value {
            Value::String(s) if ids.contains(s.as_str()) => out.push(s.clone()),
            Value::Array(items) => out.extend(
                items
                    .iter()
                    .filter_map(Value::as_str)
                    .filter(|s| ids.contains(s))
                    .map(str::to_owned),
            ),
            _ => {}
        }
    }
    out
}

/// `value` with every model's entries taken out into `facts`, at `path`.
fn split(value: &Value, path: &str, ids: &BTreeSet<&str>, facts: &mut Facts) -> Value {
    match value {
        Value::Array(items) => Value::Array(
            items
                .iter()
                .filter_map(|item| {
                    let models = match item {
                        Value::String(s) if ids.contains(s.as_str()) => {
                            vec![s.clone()]
                        }
                        _ => named(item, ids),
                    };
                    if models.is_empty() {
                        return Some(split(item, path, ids, facts));
                    }
                    let entry = format!("{path}: {item}");
                    for model in models {
                        facts
                            .per_model
                            .entry(model)
                            .or_default()
                            .insert(entry.clone());
                    }
                    None
                })
                .collect(),
        ),
        Value::Object(fields) => Value::Object(
            fields
                .iter()
                .map(|(k, v)| (k.clone(), split(v, &format!("{path}.{k}"), ids, facts)))
                .collect(),
        ),
        other => other.clone(),
    }
}

fn facts(table: &Value, ids: &BTreeSet<&str>) -> Facts {
    let mut facts = Facts::default();
    let mut current = table.clone();
    if let Value::Object(fields) = &mut current {
        fields.retain(|k, _| !NOT_FACTS.contains(&k.as_str()));
    }
    facts.rest = split(&current, "", ids, &mut facts).to_string();
    facts
}

/// Parses each `(file name, text)`; the error names the file.
fn parse(tables: &[(String, String)]) -> Result<BTreeMap<&str, Value>, String> {
    tables
        .iter()
        .map(|(name, text)| {
            serde_json::from_str(text)
                .map(|v| (name.as_str(), v))
                .map_err(|e| format!("sources/{name}: {e}"))
        })
        .collect()
}

/// What changed from the `before` tables to the `after` tables (each `(file name, text)`),
/// per file and model; `models` are the catalog's model IDs. A file new or gone changes every
/// model it names and its general rules.
pub fn changes(
    before: &[(String, String)],
    after: &[(String, String)],
    models: &BTreeSet<&str>,
) -> Result<Vec<TableChange>, String> {
    let (before, after) = (parse(before)?, parse(after)?);
    let files: BTreeSet<&str> = before.keys().chain(after.keys()).copied().collect();
    let mut out = Vec::new();
    for file in files {
        let old = before.get(file).map(|t| facts(t, models));
        let new = after.get(file).map(|t| facts(t, models));
        if old == new {
            continue;
        }
        let (old, new) = (old.unwrap_or_default(), new.unwrap_or_default());
        let keys: BTreeSet<&String> = old.per_model.keys().chain(new.per_model.keys()).collect();
        let change = |model: Option<&str>| TableChange {
            file: file.to_owned(),
            model: model.map(atlas_core::catalog::ids::ModelId::new),
        };
        if old.rest != new.rest {
            out.push(change(None));
        }
        for model in keys {
            if old.per_model.get(model) != new.per_model.get(model) {
                out.push(change(Some(model)));
            }
        }
    }
    Ok(out)
}

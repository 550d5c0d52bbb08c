//! The hand-transcribed tables between two generations: changes found per file and model,
//! whatever the table's shape, and the 60-day flag on a table's `checked` date.

use atlas_core::catalog::calendar::Day;
use atlas_core::catalog::data::SOURCE_TABLES;
use atlas_core::catalog::ids::ModelId;
use atlas_core::catalog::schema::TableChange;
use atlas_refresh::tables::{changes, dates};
use std::collections::BTreeSet;

fn table(name: &str, text: &str) -> (String, String) {
    (name.to_owned(), text.to_owned())
}

fn change(file: &str, model: Option<&str>) -> TableChange {
    TableChange {
        file: file.to_owned(),
        model: model.map(ModelId::new),
    }
}

const TIERS: &str = r#"{"source": {"title": "Service tiers", "url": "https://example.com/tiers",
             "copy_date": "2026-07-24", "checked": "2026-12-01"},
  "tiers": {"flex": {"models": [{"catalog_id": "acme.a", "discount": 50},
                                {"catalog_id": "acme.b", "discount": 50}]}},
  "rule": "flex shares the on-demand quota",
  "history": [{"copy": "old", "models": ["acme.a"]}]}"#;

#[test]
fn a_table_change_is_named_by_file_and_model() {
    let models: BTreeSet<&str> = ["acme.a", "acme.b", "acme.c"].into();
    // Rows: what the new table is, the changes expected.
    let rows: [(&str, Vec<TableChange>); 6] = [
        // Only the copy's dates and the history changed: no fact changed.
        (
            &TIERS
                .replace("2026-12-01", "2027-01-05")
                .replace("\"old\"", "\"older\""),
            vec![],
        ),
        // One model's entry changed.
        (
            &TIERS.replacen("\"discount\": 50", "\"discount\": 40", 1),
            vec![change("tiers.json", Some("acme.a"))],
        ),
        // A model gained an entry (a list of IDs counts as entries too).
        (
            &TIERS.replace(
                "\"rule\"",
                "\"priority_ids\": [\"acme.c\", \"not-a-model\"], \"rule\"",
            ),
            vec![
                change("tiers.json", None),
                change("tiers.json", Some("acme.c")),
            ],
        ),
        // The general rule changed: it names no model.
        (
            &TIERS.replace("shares", "does not share"),
            vec![change("tiers.json", None)],
        ),
        // A model's entry went.
        (
            &TIERS.replace(
                r#",
                                {"catalog_id": "acme.b", "discount": 50}"#,
                "",
            ),
            vec![change("tiers.json", Some("acme.b"))],
        ),
        // Unchanged.
        (TIERS, vec![]),
    ];
    for (after, expected) in rows {
        let found = changes(
            &[table("tiers.json", TIERS)],
            &[table("tiers.json", after)],
            &models,
        )
        .unwrap();
        assert_eq!(found, expected, "{after}");
    }
}

#[test]
fn a_new_table_changes_every_model_it_names() {
    let models: BTreeSet<&str> = ["acme.a", "acme.b"].into();
    let found = changes(&[], &[table("tiers.json", TIERS)], &models).unwrap();
    assert_eq!(
        found,
        vec![
            change("tiers.json", None),
            change("tiers.json", Some("acme.a")),
            change("tiers.json", Some("acme.b")),
        ]
    );
}

#[test]
fn a_table_that_does_not_parse_is_named() {
    let error = changes(&[], &[table("quotas.json", "{")], &BTreeSet::new()).unwrap_err();
    assert!(error.starts_with("sources/quotas.json: "), "{error}");
}

#[test]
fn a_table_checked_more_than_60_days_ago_is_stale() {
    let read = dates(&[table("tiers.json", TIERS)]).unwrap();
    assert_eq!(read[0].copy_date, "2026-07-24");
    assert_eq!(read[0].checked, "2026-12-01");
    // 2026-12-01 + 60 days is 2027-01-30.
    let day = |s| Day::parse(s).unwrap();
    assert!(!read[0].is_stale(day("2027-01-30")));
    assert!(read[0].is_stale(day("2027-01-31")));
    let missing = dates(&[table(
        "x.json",
        r#"{"source": {"title": "t", "url": "u", "copy_date": "2026-01-01"}}"#,
    )]);
    assert_eq!(
        missing.unwrap_err(),
        "sources/x.json: source.checked is missing"
    );
}

#[test]
fn the_data_page_reads_every_table_and_each_has_its_dates() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/sources");
    let mut on_disk: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    on_disk.sort();
    let embedded: Vec<&str> = SOURCE_TABLES.iter().map(|(name, _)| *name).collect();
    assert_eq!(
        embedded, on_disk,
        "catalog::data::SOURCE_TABLES lists every file"
    );
    let read = dates(&SOURCE_TABLES).unwrap();
    assert!(read.iter().all(|t| t.copy_date <= t.checked), "{read:?}");
}

//! The hand-transcribed AWS tables (`data/sources/`): every file parses as JSON and opens with a
//! `source` that names the page (title and https URL), the copy read, the copy's date and the
//! date it was checked (real calendar dates, the copy no later than the check) and the licence.
#![cfg(not(target_arch = "wasm32"))]

use atlas_refresh::input::is_date;
use std::path::Path;

#[test]
fn every_source_file_names_its_page_copy_dates_and_licence() {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/sources"));
    let mut read = 0;
    for entry in std::fs::read_dir(dir).expect("data/sources") {
        let path = entry.expect("an entry").path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let shown = path.display();
        let text = std::fs::read_to_string(&path).expect("readable");
        let file: serde_json::Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{shown}: {e}"));
        let source = &file["source"];
        let field = |key: &str| -> &str {
            source[key]
                .as_str()
                .filter(|v| !v.trim().is_empty())
                .unwrap_or_else(|| panic!("{shown}: source.{key} is missing or empty"))
        };
        field("title");
        assert!(field("url").starts_with("https://"), "{shown}: source.url");
        field("copy");
        field("licence");
        let (copied, checked) = (field("copy_date"), field("checked"));
        assert!(
            is_date(copied) && is_date(checked),
            "{shown}: dates {copied}, {checked}"
        );
        assert!(
            copied <= checked,
            "{shown}: copied {copied} after it was checked {checked}"
        );
        read += 1;
    }
    assert!(read >= 8, "only {read} source files in data/sources");
}

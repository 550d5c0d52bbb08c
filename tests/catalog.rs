//! The embedded catalog parses, validates, and holds the facts the product relies on.

use cris_atlas::data;

#[test]
fn embedded_catalog_loads_and_validates() {
    let catalog = data::catalog().unwrap_or_else(|e| panic!("catalog failed: {e}"));
    assert_eq!(catalog.models.len(), 136);
}

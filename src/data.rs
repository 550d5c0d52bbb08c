//! The catalog embedded in the build: the files of `data/`, parsed and validated once. This is the
//! crate's only global.

use crate::domain::catalog::Catalog;

use crate::domain::load::{CatalogError, CatalogFiles};
use std::sync::OnceLock;

/// The raw catalog files, embedded at compile time.
pub const FILES: CatalogFiles<'static> = CatalogFiles {
    meta: include_str!("../data/meta.json"),
    regions: include_str!("../data/regions.json"),
    geographies: include_str!("../data/geographies.json"),
    models: include_str!("../data/models.json"),
    profiles: include_str!("../data/profiles.json"),
};

static CATALOG: OnceLock<Result<Catalog, CatalogError>> = OnceLock::new();

/// The embedded catalog, parsed on first use.
pub fn catalog() -> Result<&'static Catalog, &'static CatalogError> {
    CATALOG.get_or_init(|| Catalog::from_files(FILES)).as_ref()
}

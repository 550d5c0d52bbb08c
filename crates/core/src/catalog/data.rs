//! The catalog embedded in the build, converted and validated once: the crate's only global. The
//! build carries it as the compact tables `build.rs` compiles from `data/*.json`
//! ([`crate::catalog::embedded`]); native builds also keep the files' text, which the tests compare with.

use crate::catalog::load::CatalogError;
#[cfg(not(target_arch = "wasm32"))]
use crate::catalog::load::CatalogFiles;
use crate::catalog::Catalog;
use std::sync::OnceLock;

/// The raw catalog files, embedded at compile time in native builds only (the WebAssembly module
/// carries the tables instead).
#[cfg(not(target_arch = "wasm32"))]
pub const FILES: CatalogFiles<'static> = CatalogFiles {
    meta: include_str!("../../../../data/meta.json"),
    regions: include_str!("../../../../data/regions.json"),
    geographies: include_str!("../../../../data/geographies.json"),
    models: include_str!("../../../../data/models.json"),
    profiles: include_str!("../../../../data/profiles.json"),
};

/// The two transcribed retention pages, embedded in native builds only.
#[cfg(not(target_arch = "wasm32"))]
pub const RETENTION_PAGES: (&str, &str) = (
    include_str!("../../../../data/sources/data-retention.json"),
    include_str!("../../../../data/sources/abuse-detection.json"),
);

static CATALOG: OnceLock<Result<Catalog, CatalogError>> = OnceLock::new();

/// The embedded catalog, built from the tables and validated on first use.
pub fn catalog() -> Result<&'static Catalog, &'static CatalogError> {
    CATALOG
        .get_or_init(crate::catalog::embedded::catalog)
        .as_ref()
}

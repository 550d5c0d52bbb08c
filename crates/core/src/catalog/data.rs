//! The catalog as the program holds it, validated once: the crate's only global. Native builds
//! parse the files of `data/`, embedded at compile time; in the browser the page fetches the
//! site's data file and hands it to [`install`] before anything asks for the catalog.

use crate::catalog::load::{CatalogError, CatalogFiles};
use crate::catalog::Catalog;
use std::sync::OnceLock;

/// The raw catalog files, embedded at compile time. Only what uses them carries them: the
/// command line, the tests and the site build, never the browser modules.
pub const FILES: CatalogFiles<'static> = CatalogFiles {
    meta: include_str!("../../../../data/meta.json"),
    regions: include_str!("../../../../data/regions.json"),
    geographies: include_str!("../../../../data/geographies.json"),
    models: include_str!("../../../../data/models.json"),
    profiles: include_str!("../../../../data/profiles.json"),
};

/// The two transcribed retention pages (`data/sources/`), embedded like the files.
pub const RETENTION_PAGES: (&str, &str) = (
    include_str!("../../../../data/sources/data-retention.json"),
    include_str!("../../../../data/sources/abuse-detection.json"),
);

/// The two transcribed pages on service tiers and batch jobs (`data/sources/`), embedded like
/// the files.
pub const TIER_PAGES: (&str, &str) = (
    include_str!("../../../../data/sources/service-tiers.json"),
    include_str!("../../../../data/sources/batch-inference.json"),
);

/// Every hand-transcribed table of `data/sources/` (file name, text), for the data page's
/// dates; a native test checks the list names every file there.
pub const SOURCE_TABLES: [(&str, &str); 9] = [
    (
        "abuse-detection.json",
        include_str!("../../../../data/sources/abuse-detection.json"),
    ),
    (
        "batch-inference.json",
        include_str!("../../../../data/sources/batch-inference.json"),
    ),
    (
        "data-retention.json",
        include_str!("../../../../data/sources/data-retention.json"),
    ),
    (
        "max-output-tokens.json",
        include_str!("../../../../data/sources/max-output-tokens.json"),
    ),
    (
        "quota-defaults.json",
        include_str!("../../../../data/sources/quota-defaults.json"),
    ),
    (
        "quota-index.json",
        include_str!("../../../../data/sources/quota-index.json"),
    ),
    (
        "quotas-runtime.json",
        include_str!("../../../../data/sources/quotas-runtime.json"),
    ),
    (
        "quotas-token-burndown.json",
        include_str!("../../../../data/sources/quotas-token-burndown.json"),
    ),
    (
        "service-tiers.json",
        include_str!("../../../../data/sources/service-tiers.json"),
    ),
];

/// The transcribed quota sources (`data/sources/`), embedded like the files.
pub const QUOTA_SOURCES: crate::catalog::quota::QuotaTexts<'static> =
    crate::catalog::quota::QuotaTexts {
        index: include_str!("../../../../data/sources/quota-index.json"),
        defaults: include_str!("../../../../data/sources/quota-defaults.json"),
        burndown: include_str!("../../../../data/sources/quotas-token-burndown.json"),
        runtime: include_str!("../../../../data/sources/quotas-runtime.json"),
        max_output: include_str!("../../../../data/sources/max-output-tokens.json"),
    };

static CATALOG: OnceLock<Result<Catalog, CatalogError>> = OnceLock::new();

#[cfg(target_arch = "wasm32")]
static NOT_LOADED: CatalogError = CatalogError::NotLoaded;

/// The catalog: natively the files of `data/`, parsed and validated on first use; in the
/// browser the one [`install`]ed, or [`CatalogError::NotLoaded`] before that.
pub fn catalog() -> Result<&'static Catalog, &'static CatalogError> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        CATALOG.get_or_init(native).as_ref()
    }
    #[cfg(target_arch = "wasm32")]
    {
        CATALOG.get().map_or(Err(&NOT_LOADED), Result::as_ref)
    }
}

/// The files of `data/` with the retention facts, tiers, batch support and quota facts of
/// `data/sources/`.
#[cfg(not(target_arch = "wasm32"))]
fn native() -> Result<Catalog, CatalogError> {
    let (retention, abuse) = RETENTION_PAGES;
    let pages =
        crate::catalog::retention_pages::PageFacts::read(retention, abuse).map_err(|message| {
            CatalogError::Parse {
                file: "sources/data-retention.json",
                message,
            }
        })?;
    let (tiers, batch) = TIER_PAGES;
    let tiers = crate::catalog::tiers::TierTable::read(tiers, batch).map_err(|message| {
        CatalogError::Parse {
            file: "sources/service-tiers.json",
            message,
        }
    })?;
    let quotas = crate::catalog::quota::QuotaTable::read(QUOTA_SOURCES).map_err(|message| {
        CatalogError::Parse {
            file: "sources/quota-index.json",
            message,
        }
    })?;
    Ok(Catalog::from_files(FILES)?
        .with_retention(pages)?
        .with_tiers(tiers)
        .with_quotas(quotas))
}

/// Makes `catalog` the program's catalog, unless one is already in place (the first stays), and
/// returns the one in place. A failed load installs nothing, so it can be tried again.
pub fn install(catalog: Catalog) -> Result<&'static Catalog, &'static CatalogError> {
    CATALOG.get_or_init(|| Ok(catalog)).as_ref()
}

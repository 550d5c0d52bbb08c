//! The command line's file system side: reading files with their path in every error, loading
//! the catalog folder and writing its next generation.

use atlas_core::catalog::calendar::Day;
use atlas_core::catalog::load::CatalogFiles;
use atlas_core::catalog::quota::{QuotaTable, QuotaTexts};
use atlas_core::catalog::retention_pages::PageFacts;
use atlas_core::catalog::tiers::TierTable;
use atlas_core::catalog::Catalog;
use atlas_core::plan::{Limits, Plan};
use std::io::Read;
use std::path::Path;

// The generated files are listed in the order `CatalogFiles` takes them.
use crate::generation::GENERATED;

/// The most bytes read from an input file that has no limit of its own (the refresh's inputs,
/// the catalog files): far above any of them, far below what exhausts memory.
pub const MAX_INPUT_BYTES: usize = 256 * 1024 * 1024;

/// A file's text, if it is at most [`MAX_INPUT_BYTES`] long; the error names the file.
pub fn read(path: &Path) -> Result<String, String> {
    let bytes = read_bytes_within(path, MAX_INPUT_BYTES, "")?;
    String::from_utf8(bytes).map_err(|e| format!("{}: {e}", path.display()))
}

/// A file's bytes, if it is at most `max_bytes` long (a larger one is not read); the error
/// names the file.
pub fn read_bytes(path: &Path, max_bytes: usize) -> Result<Vec<u8>, String> {
    read_bytes_within(path, max_bytes, " (--max-bytes raises it)")
}

/// A file's bytes, at most `max_bytes` of them. A regular file's size is known before it is
/// read; a pipe, a device or a file that grows is read up to one byte past the limit, so an
/// endless input is refused after `max_bytes + 1` bytes.
fn read_bytes_within(path: &Path, max_bytes: usize, raise: &str) -> Result<Vec<u8>, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let meta = file
        .metadata()
        .map_err(|e| format!("{}: {e}", path.display()))?;
    if meta.is_file() && meta.len() > max_bytes as u64 {
        return Err(format!(
            "{}: the file is {} bytes, over the limit of {max_bytes} bytes{raise}",
            path.display(),
            meta.len()
        ));
    }
    let mut bytes = Vec::new();
    file.take(max_bytes as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    if bytes.len() > max_bytes {
        return Err(format!(
            "{}: more than {max_bytes} bytes, over the limit{raise}; read no further",
            path.display()
        ));
    }
    Ok(bytes)
}

/// The catalog in `dir`, one generation (its manifest checked), parsed and validated, with the
/// retention facts, the service tiers and the quota facts of `dir/sources/` when the folder
/// has them (without them the catalog says retention and quotas are unknown and offers
/// Standard only). `sources/` holds hand-transcribed pages, outside the manifest.
pub fn load_catalog(dir: &Path) -> Result<Catalog, String> {
    crate::generation::verify(dir)?;
    let mut catalog = parse_catalog(dir)?;
    let pages = dir.join("sources");
    if let Some([retention, abuse]) =
        read_pair(&pages, ["data-retention.json", "abuse-detection.json"])?
    {
        let facts = PageFacts::read(&retention, &abuse)?;
        catalog = catalog
            .with_retention(facts)
            .map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    if let Some([tiers, batch]) = read_pair(&pages, ["service-tiers.json", "batch-inference.json"])?
    {
        catalog = catalog.with_tiers(TierTable::read(&tiers, &batch)?);
    }
    let files = QuotaTexts::FILES.map(|f| pages.join(f));
    if files.iter().all(|f| !f.exists()) {
        return Ok(catalog);
    }
    let [index, defaults, burndown, runtime, max_output] = files
        .iter()
        .map(|f| read(f))
        .collect::<Result<Vec<_>, _>>()?
        .try_into()
        .map_err(|_| "five quota sources".to_owned())?;
    let quotas = QuotaTable::read(QuotaTexts {
        index: &index,
        defaults: &defaults,
        burndown: &burndown,
        runtime: &runtime,
        max_output: &max_output,
    })?;
    Ok(catalog.with_quotas(quotas))
}

/// Two transcribed pages of `dir`, read; `None` when neither is there (one without the other
/// is an error).
fn read_pair(dir: &Path, names: [&str; 2]) -> Result<Option<[String; 2]>, String> {
    let [a, b] = names.map(|n| dir.join(n));
    if !a.exists() && !b.exists() {
        return Ok(None);
    }
    Ok(Some([read(&a)?, read(&b)?]))
}

/// The catalog in `dir`, parsed and validated, whatever its manifest says.
pub fn parse_catalog(dir: &Path) -> Result<Catalog, String> {
    let texts: Vec<String> = GENERATED
        .iter()
        .map(|name| read(&dir.join(name)))
        .collect::<Result<_, _>>()?;
    Catalog::from_files(CatalogFiles {
        meta: &texts[0],
        regions: &texts[1],
        geographies: &texts[2],
        models: &texts[3],
        profiles: &texts[4],
    })
    .map_err(|e| format!("{}: {e}", dir.display()))
}

/// Writes `catalog` into `dir` as its next generation (see `generation.rs`): `dir` is entirely
/// the old catalog until it is entirely the new one.
pub fn write_catalog(dir: &Path, catalog: &Catalog) -> Result<(), String> {
    let files = catalog.to_files();
    let texts = [
        &files.meta,
        &files.regions,
        &files.geographies,
        &files.models,
        &files.profiles,
    ];
    let named: Vec<(&str, &str)> = GENERATED
        .iter()
        .zip(texts)
        .map(|(name, text)| (*name, text.as_str()))
        .collect();
    crate::generation::replace(dir, &named)
}

/// Today's date in UTC, from the system clock.
pub fn today() -> Result<String, String> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_err(|e| e.to_string())?
        .as_secs();
    Ok(Day::from_epoch_days((secs / 86_400) as i64).to_string())
}

/// A plan file, read within `limits` and checked against the catalog; the error names the file.
pub fn read_plan(
    path: &Path,
    catalog: &'static Catalog,
    limits: Limits,
) -> Result<Plan<'static>, String> {
    let bytes = read_bytes(path, limits.max_bytes)?;
    Plan::from_bytes(&bytes, catalog, limits).map_err(|e| format!("{}: {e}", path.display()))
}

/// The day a plan is judged on: `--today` when given (YYYY-MM-DD), else today in UTC.
pub fn judged_on(given: Option<&str>) -> Result<Day, String> {
    let text = match given {
        Some(text) => text.to_owned(),
        None => today()?,
    };
    Day::parse(&text)
        .ok_or_else(|| format!("--today {text}: expected a real date written YYYY-MM-DD"))
}

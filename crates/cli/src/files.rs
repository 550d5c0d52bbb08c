//! The command line's file system side: reading files with their path in every error, loading
//! the catalog folder, and writing the five catalog files all or nothing.

use atlas_core::catalog::calendar::Day;
use atlas_core::catalog::load::CatalogFiles;
use atlas_core::catalog::retention_pages::PageFacts;
use atlas_core::catalog::Catalog;
use atlas_core::plan::{Limits, Plan};
use std::path::{Path, PathBuf};

/// The catalog's files, in the order [`CatalogFiles`] lists them.
const FILES: [&str; 5] = ["meta", "regions", "geographies", "models", "profiles"];

/// A file's text; the error names the file.
pub fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// A file's bytes, if it is at most `max_bytes` long (a larger one is not read); the error
/// names the file.
pub fn read_bytes(path: &Path, max_bytes: usize) -> Result<Vec<u8>, String> {
    let size = std::fs::metadata(path)
        .map_err(|e| format!("{}: {e}", path.display()))?
        .len();
    if size > max_bytes as u64 {
        return Err(format!(
            "{}: the file is {size} bytes, over the limit of {max_bytes} bytes (--max-bytes raises it)",
            path.display()
        ));
    }
    std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// The catalog in `dir`, parsed and validated, with the retention facts of `dir/sources/` when
/// the folder has them (without them the catalog says retention is unknown).
pub fn load_catalog(dir: &Path) -> Result<Catalog, String> {
    let catalog = load_catalog_files(dir)?;
    let pages = dir.join("sources");
    let (retention, abuse) = (
        pages.join("data-retention.json"),
        pages.join("abuse-detection.json"),
    );
    if !retention.exists() && !abuse.exists() {
        return Ok(catalog);
    }
    let facts = PageFacts::read(&read(&retention)?, &read(&abuse)?)?;
    catalog
        .with_retention(facts)
        .map_err(|e| format!("{}: {e}", dir.display()))
}

/// The five catalog files in `dir`, parsed and validated.
fn load_catalog_files(dir: &Path) -> Result<Catalog, String> {
    let texts: Vec<String> = FILES
        .iter()
        .map(|name| read(&dir.join(format!("{name}.json"))))
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

/// The temporary name of a catalog file while it is written: beside it, hidden.
pub fn temporary(dir: &Path, name: &str) -> PathBuf {
    dir.join(format!(".{name}.json.tmp"))
}

/// Writes `catalog` into `dir`, all five files or none: each goes to a temporary name in the
/// same folder first, and only when all are written are they renamed over the originals (a
/// rename within one folder replaces the file in one step). On failure the temporary files are
/// removed and the folder is as it was.
pub fn write_catalog(dir: &Path, catalog: &Catalog) -> Result<(), String> {
    let files = catalog.to_files();
    let texts = [
        &files.meta,
        &files.regions,
        &files.geographies,
        &files.models,
        &files.profiles,
    ];
    let mut written: Vec<(PathBuf, PathBuf)> = Vec::new();
    for (name, text) in FILES.iter().zip(texts) {
        let temp = temporary(dir, name);
        if let Err(e) = std::fs::write(&temp, text) {
            remove(&written);
            return Err(format!("{}: {e}; nothing was written", temp.display()));
        }
        written.push((temp, dir.join(format!("{name}.json"))));
    }
    for (i, (temp, target)) in written.iter().enumerate() {
        if let Err(e) = std::fs::rename(temp, target) {
            remove(&written[i..]);
            return Err(format!(
                "{}: {e}; {i} of {} files were replaced",
                target.display(),
                FILES.len()
            ));
        }
    }
    Ok(())
}

fn remove(written: &[(PathBuf, PathBuf)]) {
    for (temp, _) in written {
        // Best effort: the error that got us here is the one to report.
        let _ = std::fs::remove_file(temp);
    }
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

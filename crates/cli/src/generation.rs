//! The catalog folder as one generation at a time: a new catalog is written whole into a staging
//! folder beside the catalog folder and the two folders are exchanged in one step, so the folder
//! is at every moment entirely the old catalog or entirely the new one, also when the writer is
//! killed. A manifest (`SHA256SUMS`, in the format `sha256sum --check` reads) names every
//! generated file with its hash, so a folder that mixes generations, or a generated file edited
//! by hand and not sealed, is refused.

use sha2::{Digest, Sha256};
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The manifest's file name inside the catalog folder.
pub const MANIFEST: &str = "SHA256SUMS";

/// The generated files, each written by every import and refresh; everything else in the
/// folder (`sources/`, hand-edited inputs) is carried over to each new generation unchanged.
pub const GENERATED: [&str; 5] = [
    "meta.json",
    "regions.json",
    "geographies.json",
    "models.json",
    "profiles.json",
];

fn hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The manifest of `files` (name, contents), one `<sha256>  <name>` line each, by name.
fn manifest(files: &[(&str, &[u8])]) -> String {
    let mut lines: Vec<String> = files
        .iter()
        .map(|(name, bytes)| format!("{}  {name}\n", hex(bytes)))
        .collect();
    lines.sort_by(|a, b| a[66..].cmp(&b[66..]));
    lines.concat()
}

fn io_error(path: &Path, e: impl std::fmt::Display) -> String {
    format!("{}: {e}", path.display())
}

/// Checks that every generated file in `dir` is the one its manifest names: the folder is one
/// generation. The error names the first file that differs.
pub fn verify(dir: &Path) -> Result<(), String> {
    let manifest_path = dir.join(MANIFEST);
    let text = std::fs::read_to_string(&manifest_path).map_err(|e| {
        format!(
            "{}: {e}: without it a catalog mixed from two generations cannot be told from a \
             whole one (`atlas catalog seal` writes it)",
            manifest_path.display()
        )
    })?;
    let mut listed: Vec<(&str, &str)> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let entry = line
            .split_once("  ")
            .filter(|(hash, name)| hash.len() == 64 && GENERATED.contains(name));
        match entry {
            Some((hash, name)) if !listed.iter().any(|(_, n)| *n == name) => {
                listed.push((hash, name));
            }
            _ => {
                return Err(format!(
                    "{} line {}: expected `<sha256>  <name>` for one of {}, each once",
                    manifest_path.display(),
                    i + 1,
                    GENERATED.join(", ")
                ))
            }
        }
    }
    for name in GENERATED {
        let path = dir.join(name);
        let Some((hash, _)) = listed.iter().find(|(_, n)| *n == name) else {
            return Err(format!("{}: {name} is not listed", manifest_path.display()));
        };
        let bytes = std::fs::read(&path).map_err(|e| io_error(&path, e))?;
        if hex(&bytes) != *hash {
            return Err(format!(
                "{}: does not match {MANIFEST}: the folder mixes two catalog generations, or the \
                 file was edited by hand (`atlas catalog seal` records a hand edit)",
                path.display()
            ));
        }
    }
    Ok(())
}

/// Records the generated files in `dir` as they are now in its manifest (after a hand edit).
pub fn seal(dir: &Path) -> Result<(), String> {
    let contents: Vec<(&str, Vec<u8>)> = GENERATED
        .iter()
        .map(|name| {
            let path = dir.join(name);
            std::fs::read(&path)
                .map(|bytes| (*name, bytes))
                .map_err(|e| io_error(&path, e))
        })
        .collect::<Result<_, _>>()?;
    let files: Vec<(&str, &[u8])> = contents.iter().map(|(n, b)| (*n, b.as_slice())).collect();
    // One file replaced by a rename in its own folder: entirely old or entirely new.
    let temp = dir.join(format!(".{MANIFEST}.tmp"));
    write_synced(&temp, manifest(&files).as_bytes())?;
    std::fs::rename(&temp, dir.join(MANIFEST)).map_err(|e| io_error(&dir.join(MANIFEST), e))?;
    sync_dir(dir)
}

/// The staging folder of the catalog folder `dir`: hidden, beside it (same file system).
fn staging(dir: &Path) -> Result<PathBuf, String> {
    let dir = std::fs::canonicalize(dir).map_err(|e| io_error(dir, e))?;
    match (dir.parent(), dir.file_name()) {
        (Some(parent), Some(name)) => Ok(parent.join(format!(".{}.next", name.to_string_lossy()))),
        _ => Err(format!(
            "{}: the catalog folder cannot be the root folder",
            dir.display()
        )),
    }
}

/// Removes what a killed writer left beside `dir`: a staging folder, either a new generation
/// that was never swapped in or the old one after the swap. The folder itself is whole in
/// both cases, since the swap is one step. Returns whether anything was removed.
pub fn recover(dir: &Path) -> Result<bool, String> {
    let staging = staging(dir)?;
    match std::fs::symlink_metadata(&staging) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(io_error(&staging, e)),
        Ok(meta) if meta.is_dir() => {
            std::fs::remove_dir_all(&staging).map_err(|e| io_error(&staging, e))?;
            Ok(true)
        }
        Ok(_) => Err(format!(
            "{}: in the way of the catalog's staging folder (not a folder); nothing was written",
            staging.display()
        )),
    }
}

fn write_synced(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let mut file = File::create(path).map_err(|e| io_error(path, e))?;
    file.write_all(bytes).map_err(|e| io_error(path, e))?;
    file.sync_all().map_err(|e| io_error(path, e))
}

fn sync_dir(dir: &Path) -> Result<(), String> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| io_error(dir, e))
}

/// Copies `from` into the new folder `to`: folders, files and symbolic links.
fn copy_tree(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::create_dir(to).map_err(|e| io_error(to, e))?;
    for entry in std::fs::read_dir(from).map_err(|e| io_error(from, e))? {
        let entry = entry.map_err(|e| io_error(from, e))?;
        let (source, target) = (entry.path(), to.join(entry.file_name()));
        let kind = entry.file_type().map_err(|e| io_error(&source, e))?;
        if kind.is_dir() {
            copy_tree(&source, &target)?;
        } else if kind.is_symlink() {
            let link = std::fs::read_link(&source).map_err(|e| io_error(&source, e))?;
            std::os::unix::fs::symlink(link, &target).map_err(|e| io_error(&target, e))?;
        } else if kind.is_file() {
            std::fs::copy(&source, &target).map_err(|e| io_error(&source, e))?;
        } else {
            return Err(format!(
                "{}: neither a file, a folder nor a link",
                source.display()
            ));
        }
    }
    Ok(())
}

/// Exchanges the folders `a` and `b` in one step.
fn exchange(a: &Path, b: &Path) -> Result<(), String> {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(|e| {
        format!(
            "exchanging {} and {}: {e} (the file system must support renameat2 with \
             RENAME_EXCHANGE)",
            a.display(),
            b.display()
        )
    })
}

/// Makes `files` (name, contents; exactly [`GENERATED`]) the catalog in `dir`: a staging
/// folder beside it receives `dir`'s other entries, the files and their manifest, each synced
/// to disk, then the two folders are exchanged in one step and the old generation is removed.
/// Until the exchange `dir` is untouched; a failure before it leaves `dir` as it was.
pub fn replace(dir: &Path, files: &[(&str, &str)]) -> Result<(), String> {
    recover(dir)?;
    let staging = staging(dir)?;
    let staged = stage(dir, &staging, files);
    if let Err(e) = staged {
        // Best effort: the error that got us here is the one to report; a folder left behind
        // is removed by the next run's recovery.
        let _ = std::fs::remove_dir_all(&staging);
        return Err(format!("{e}; nothing was written"));
    }
    exchange(&staging, dir).map_err(|e| format!("{e}; nothing was written"))?;
    if let Some(parent) = staging.parent() {
        sync_dir(parent)?;
    }
    // The old generation: what is left if this fails, the next run's recovery removes.
    let _ = std::fs::remove_dir_all(&staging);
    Ok(())
}

fn stage(dir: &Path, staging: &Path, files: &[(&str, &str)]) -> Result<(), String> {
    std::fs::create_dir(staging).map_err(|e| io_error(staging, e))?;
    for entry in std::fs::read_dir(dir).map_err(|e| io_error(dir, e))? {
        let entry = entry.map_err(|e| io_error(dir, e))?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if GENERATED.contains(&name.as_ref()) || name == MANIFEST {
            continue;
        }
        let kind = entry.file_type().map_err(|e| io_error(&entry.path(), e))?;
        if kind.is_dir() {
            copy_tree(&entry.path(), &staging.join(entry.file_name()))?;
        } else {
            std::fs::copy(entry.path(), staging.join(entry.file_name()))
                .map_err(|e| io_error(&entry.path(), e))?;
        }
    }
    for (name, text) in files {
        write_synced(&staging.join(name), text.as_bytes())?;
    }
    let listed: Vec<(&str, &[u8])> = files.iter().map(|(n, t)| (*n, t.as_bytes())).collect();
    write_synced(&staging.join(MANIFEST), manifest(&listed).as_bytes())?;
    sync_dir(staging)
}

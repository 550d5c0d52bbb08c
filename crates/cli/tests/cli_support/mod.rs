//! Helpers for tests of the `atlas` binary from outside: running it in the project's folder,
//! its output as text, and a fresh temporary folder.
// Each test crate that runs the binary includes this module and may use a subset of it.
#![allow(dead_code)]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// Runs `atlas` with `args` in the project's folder; its standard input is empty.
pub fn atlas(args: &[&str]) -> Output {
    atlas_with_stdin(args, None)
}

/// Runs `atlas` with `args` in the project's folder, writing `stdin` (if any) to its input.
pub fn atlas_with_stdin(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_atlas"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("atlas runs");
    let mut input = child.stdin.take().expect("atlas's input");
    input
        .write_all(stdin.unwrap_or_default().as_bytes())
        .expect("atlas reads its input");
    drop(input);
    child.wait_with_output().expect("atlas ends")
}

/// Bytes as text, invalid UTF-8 replaced.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// What a run printed on standard output.
pub fn stdout(out: &Output) -> String {
    text(&out.stdout)
}

/// What a run printed on standard error.
pub fn stderr(out: &Output) -> String {
    text(&out.stderr)
}

/// What a run that must succeed printed on standard output; fails with its standard error
/// otherwise.
pub fn success(out: &Output) -> String {
    assert!(out.status.success(), "{}", stderr(out));
    stdout(out)
}

/// An empty folder of its own for one test, `name` telling it apart.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("atlas-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Copies the catalog files of `from` (the five generated files and their manifest) into `to`.
pub fn copy_catalog(from: &std::path::Path, to: &std::path::Path) {
    for name in [
        "meta.json",
        "regions.json",
        "geographies.json",
        "models.json",
        "profiles.json",
        "SHA256SUMS",
    ] {
        std::fs::copy(from.join(name), to.join(name)).expect("a catalog file");
    }
}

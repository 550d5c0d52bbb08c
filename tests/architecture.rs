//! The architecture's rules, checked on the source: the domain is pure (no web crate), its
//! modules import each other without cycles, no domain function runs over 80 lines, nothing
//! leaks memory on purpose, and the engine runs from one place only (the plan evaluation).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.rs` file under `dir`, recursively, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("a source folder") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

fn domain_files() -> Vec<(String, String)> {
    let files = rust_files(&root().join("src/domain"));
    assert!(
        files.len() > 10,
        "src/domain has only {} files",
        files.len()
    );
    files
        .into_iter()
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).expect("source"))
        })
        .collect()
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric() && c != '_')
}

#[test]
fn the_domain_names_no_web_crate() {
    for (name, text) in domain_files() {
        for word in ["yew", "web_sys", "gloo", "wasm_bindgen", "js_sys"] {
            assert!(
                !words(&text).any(|w| w == word),
                "src/domain/{name}.rs names {word}"
            );
        }
    }
}

/// The domain modules each module names through `super::<module>` in code (comments and doc
/// links are not imports).
fn imports(text: &str) -> BTreeSet<String> {
    let code: String = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    code.match_indices("super::")
        .map(|(i, _)| {
            code[i + "super::".len()..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect::<String>()
        })
        .filter(|m| !m.is_empty())
        .collect()
}

/// A cycle in `graph` reachable from `start`, as the path that closes it.
fn cycle_from(
    graph: &BTreeMap<String, BTreeSet<String>>,
    start: &str,
    path: &mut Vec<String>,
    done: &mut BTreeSet<String>,
) -> Option<Vec<String>> {
    if let Some(i) = path.iter().position(|m| m == start) {
        let mut cycle = path[i..].to_vec();
        cycle.push(start.to_owned());
        return Some(cycle);
    }
    if !done.insert(start.to_owned()) {
        return None;
    }
    path.push(start.to_owned());
    for next in graph.get(start).into_iter().flatten() {
        if let Some(cycle) = cycle_from(graph, next, path, done) {
            return Some(cycle);
        }
    }
    path.pop();
    None
}

#[test]
fn domain_modules_import_each_other_without_cycles() {
    let modules = domain_files();
    let names: BTreeSet<String> = modules.iter().map(|(n, _)| n.clone()).collect();
    let graph: BTreeMap<String, BTreeSet<String>> = modules
        .iter()
        .map(|(name, text)| {
            let deps = imports(text)
                .into_iter()
                .filter(|m| names.contains(m) && m != name)
                .collect();
            (name.clone(), deps)
        })
        .collect();
    let edges: usize = graph.values().map(BTreeSet::len).sum();
    assert!(edges > 30, "only {edges} imports found: the scan is broken");
    for name in graph.keys() {
        if let Some(cycle) = cycle_from(&graph, name, &mut Vec::new(), &mut BTreeSet::new()) {
            panic!("import cycle: {}", cycle.join(" -> "));
        }
    }
}

/// Each function's name and length in lines, from `fn` to its closing brace at the same
/// indentation.
fn function_lengths(text: &str) -> Vec<(String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut found = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let is_fn = [
            "fn ",
            "pub fn ",
            "pub(crate) fn ",
            "pub(super) fn ",
            "const fn ",
            "pub const fn ",
        ]
        .iter()
        .any(|p| trimmed.starts_with(p));
        if !is_fn || trimmed.ends_with(';') {
            continue;
        }
        let end = lines[i..].iter().position(|l| {
            let t = l.trim_start();
            l.len() - t.len() == indent && t.starts_with('}')
        });
        if let Some(end) = end {
            let name = trimmed.split('(').next().unwrap_or(trimmed).to_owned();
            found.push((name, end + 1));
        }
    }
    found
}

#[test]
fn no_domain_function_is_over_80_lines() {
    let mut measured = 0;
    for (name, text) in domain_files() {
        for (function, length) in function_lengths(&text) {
            measured += 1;
            assert!(
                length <= 80,
                "src/domain/{name}.rs: {function} is {length} lines"
            );
        }
    }
    assert!(
        measured > 100,
        "only {measured} functions measured: the scan is broken"
    );
}

#[test]
fn the_scan_measures_a_known_function() {
    let text =
        "fn short() {\n    one();\n}\n\n    pub fn nested(x: u8) -> u8 {\n        x\n    }\n";
    assert_eq!(
        function_lengths(text),
        [("fn short".to_owned(), 3), ("pub fn nested".to_owned(), 3)]
    );
}

#[test]
fn nothing_leaks_memory_on_purpose_and_the_engine_runs_from_one_place() {
    let mut callers = Vec::new();
    for path in rust_files(&root().join("src")) {
        let text = std::fs::read_to_string(&path).expect("source");
        let shown = path.strip_prefix(root()).unwrap().display().to_string();
        assert!(!text.contains("Box::leak"), "{shown} leaks with Box::leak");
        // A caller names the engine's function: `engine::recommend` in a path, or `recommend`
        // in a `use` of the engine.
        let imports_it = text
            .lines()
            .filter(|l| l.trim_start().starts_with("use ") && l.contains("engine::"))
            .any(|l| words(l).any(|w| w == "recommend"));
        if imports_it || text.contains("engine::recommend(") {
            callers.push(shown);
        }
    }
    assert_eq!(callers, ["src/domain/evaluation.rs"]);
}

//! The architecture's rules, checked on the source: the core names no web crate, its modules
//! import each other without cycles and its folders in one direction (`catalog <- plan <- engine
//! <- output <- browse`), no core function runs over 80 lines, nothing leaks memory on purpose,
//! and the engine runs from one place only (the plan evaluation).
// This test reads the core's own source files; the core it measures may not (clippy.toml).
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]
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

/// The core's modules, by path (`catalog`, `catalog::ids`, `output::report`; `lib` for the
/// crate root), with their text.
fn core_files() -> Vec<(String, String)> {
    let src = root().join("src");
    let files = rust_files(&src);
    assert!(
        files.len() > 40,
        "crates/core/src has only {} files",
        files.len()
    );
    files
        .into_iter()
        .map(|p| {
            let relative = p.strip_prefix(&src).unwrap().with_extension("");
            let mut parts: Vec<String> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if parts.last().is_some_and(|l| l == "mod") && parts.len() > 1 {
                parts.pop();
            }
            (
                parts.join("::"),
                std::fs::read_to_string(&p).expect("source"),
            )
        })
        .collect()
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric() && c != '_')
}

#[test]
fn the_core_names_no_web_crate() {
    for (name, text) in core_files() {
        for word in ["yew", "web_sys", "gloo", "wasm_bindgen", "js_sys"] {
            assert!(
                !words(&text).any(|w| w == word),
                "core module {name} names {word}"
            );
        }
    }
}

/// The core's modules that `module` names in code (comments and doc links are not imports):
/// `crate::a::b::Item` names the longest known module path (`a::b`), and `super::x` names a
/// sibling of the file's own folder module.
fn imports(module: &str, text: &str, known: &BTreeSet<String>) -> BTreeSet<String> {
    let code: String = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let parent = module.rsplit_once("::").map_or("", |(p, _)| p);
    let mut found = BTreeSet::new();
    for (prefix, base) in [("crate::", String::new()), ("super::", parent.to_owned())] {
        for (i, _) in code.match_indices(prefix) {
            let tail: String = code[i + prefix.len()..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            let mut path = base.clone();
            let mut longest = None;
            for part in tail.split("::").filter(|p| !p.is_empty()) {
                path = if path.is_empty() {
                    part.to_owned()
                } else {
                    format!("{path}::{part}")
                };
                if known.contains(&path) {
                    longest = Some(path.clone());
                }
            }
            found.extend(longest);
        }
    }
    found
}

/// The core's folders in the one direction they may depend on each other: a module imports
/// only from its own folder or one listed before it.
const LAYERS: [&str; 5] = ["catalog", "plan", "engine", "output", "browse"];

fn layer(module: &str) -> Option<usize> {
    let folder = module.split("::").next()?;
    LAYERS.iter().position(|l| *l == folder)
}

fn import_graph() -> BTreeMap<String, BTreeSet<String>> {
    let modules = core_files();
    let names: BTreeSet<String> = modules.iter().map(|(n, _)| n.clone()).collect();
    modules
        .iter()
        .map(|(name, text)| {
            let deps = imports(name, text, &names)
                .into_iter()
                .filter(|m| m != name && !(name == "lib" || name.starts_with(&format!("{m}::"))))
                .collect();
            (name.clone(), deps)
        })
        .collect()
}

#[test]
fn every_core_module_is_in_a_layer_and_imports_none_above_it() {
    let graph = import_graph();
    let mut checked = 0;
    for (module, deps) in &graph {
        if module == "lib" {
            continue;
        }
        let own = layer(module).unwrap_or_else(|| panic!("{module} is in no folder of {LAYERS:?}"));
        for dep in deps {
            let theirs = layer(dep).expect("a layer");
            assert!(
                theirs <= own,
                "{module} ({}) imports {dep} ({}), a folder above it",
                LAYERS[own],
                LAYERS[theirs]
            );
            checked += 1;
        }
    }
    assert!(
        checked > 100,
        "only {checked} imports checked: the scan is broken"
    );
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
fn core_modules_import_each_other_without_cycles() {
    let graph = import_graph();
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
fn no_core_function_is_over_80_lines() {
    let mut measured = 0;
    for (name, text) in core_files() {
        for (function, length) in function_lengths(&text) {
            measured += 1;
            assert!(
                length <= 80,
                "core module {name}: {function} is {length} lines"
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
    let workspace = root().join("../..");
    for path in rust_files(&workspace.join("crates")) {
        let text = std::fs::read_to_string(&path).expect("source");
        let shown = path.strip_prefix(&workspace).unwrap().display().to_string();
        if shown.contains("/tests/") || shown.contains("/examples/") {
            continue;
        }
        assert!(!text.contains("Box::leak"), "{shown} leaks with Box::leak");
        // A caller names the engine's function: `engine::recommend` in a path, or `recommend`
        // in a `use` of the engine.
        let imports_it = text
            .lines()
            .filter(|l| l.trim_start().starts_with("use ") && l.contains("engine::"))
            .any(|l| words(l).any(|w| w == "recommend" || w == "recommend_in"));
        if imports_it
            || text.contains("engine::recommend(")
            || text.contains("engine::recommend_in(")
        {
            callers.push(shown);
        }
    }
    assert_eq!(callers, ["crates/core/src/output/evaluation.rs"]);
}

//! Mutation fuzzing of every path untrusted input takes: plan files (the command line's reading
//! and the app's import, one domain parser with two limits), URL routes, the stored plan with
//! the storage events around it, and catalog import from AWS CLI output. Valid inputs are
//! mutated (bytes flipped, ranges cut or repeated, JSON tokens and hostile values spliced in)
//! by a seeded generator, so a run is reproducible: `make test` runs a bounded count with a
//! fixed seed; `make fuzz` runs many more (`FUZZ_SCALE` multiplies the counts, `FUZZ_SEED`
//! changes the seed). A failure prints the seed, the case and the input. The catalog writer is
//! killed at random moments and the catalog folder found whole, old or new.
#![cfg(not(target_arch = "wasm32"))]

use atlas_core::catalog::data;
use atlas_core::catalog::ids::RegionCode;
use atlas_core::catalog::load::CatalogFiles;
use atlas_core::catalog::Catalog;
use atlas_core::plan::planner::{Action, WorkloadId};
use atlas_core::plan::stored::{Event, Persisted, Sync};
use atlas_core::plan::{Limits, Plan};
use atlas_refresh::import::{import, FoundationModels, InferenceProfiles, RegionSnapshot};
use cris_atlas::route::{legacy_redirect, Route};
use std::panic::{catch_unwind, AssertUnwindSafe};

mod rng_support;

use rng_support::Rng;

fn seed() -> u64 {
    std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x00C0_FFEE)
}

/// `base` cases times `FUZZ_SCALE` (1 unless set).
fn cases(base: usize) -> usize {
    let scale: usize = std::env::var("FUZZ_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    base * scale.max(1)
}

/// Tokens spliced into JSON inputs: structure, edge values, hostile text, other encodings.
const JSON_TOKENS: &[&[u8]] = &[
    b"\"",
    b"{",
    b"}",
    b"[",
    b"]",
    b",",
    b":",
    b"null",
    b"true",
    b"-1",
    b"1e999",
    b"18446744073709551616",
    b"\"\\u0000\"",
    b"\\",
    b"\"\\ud800\"",
    b"{\"kind\":\"none\",\"name\":\"EU\"}",
    b"\"name\":\"x\",",
    b"\"residency\":",
    b"\"workloads\":[",
    b"\"version\":1,",
    b"\xEF\xBB\xBF",
    b"\xFF\xFE",
    b"\xE9",
    b"\xC3",
    b"\x00",
    b"\r\n",
    b"<script>alert(1)</script>",
    b"=HYPERLINK(1)",
    b"\"modelId\":\"\",",
    b"\"inferenceProfileId\":\"eu.\\n\",",
    b"\"modelArn\":\"arn:aws:bedrock:::\"",
];

/// Tokens spliced into URLs.
const URL_TOKENS: &[&[u8]] = &[
    b"/",
    b"?",
    b"&",
    b"=",
    b"#",
    b"%",
    b"%2",
    b"%ZZ",
    b"%00",
    b"%C3%A9",
    b"%FF",
    b"~",
    b"..",
    b"./",
    b"index.html",
    b"model/",
    b"profile/",
    b"region/",
    b"explore/",
    b"concepts/",
    b"plan/",
    b"?from=",
    b"q=",
    b"provider=",
    b"within=",
    b"bench=99999999999",
    b"\xE9",
    b"javascript:",
];

/// One to four mutations of `input`.
fn mutate(rng: &mut Rng, input: &[u8], tokens: &[&[u8]]) -> Vec<u8> {
    let mut out = input.to_vec();
    let n = if rng.below(2) == 0 {
        1
    } else {
        1 + rng.below(4)
    };
    for _ in 0..n {
        let at = rng.below(out.len() + 1);
        match rng.below(7) {
            0 if !out.is_empty() => {
                let i = at.min(out.len() - 1);
                out[i] ^= 1 << rng.below(8);
            }
            1 if !out.is_empty() => {
                let end = (at + rng.below(32)).min(out.len());
                out.drain(at.min(end)..end);
            }
            2 if !out.is_empty() => {
                let end = (at + rng.below(64)).min(out.len());
                let copy = out[at.min(end)..end].to_vec();
                let to = rng.below(out.len() + 1);
                out.splice(to..to, copy);
            }
            3 => out.truncate(at),
            4 => {
                let long = vec![b'x'; 1 << rng.below(16)];
                out.splice(at..at, long);
            }
            _ => {
                let token = rng.pick(tokens).to_vec();
                out.splice(at..at, token);
            }
        }
    }
    out
}

/// Runs `check` on `count` mutations of the `seeds`, reporting the case that fails.
fn fuzz(
    name: &str,
    count: usize,
    seeds: &[Vec<u8>],
    tokens: &[&[u8]],
    mut check: impl FnMut(&[u8]) -> bool,
) {
    let seed = seed();
    let mut rng = Rng(seed
        ^ name
            .bytes()
            .fold(0u64, |h, b| h.wrapping_mul(31) + u64::from(b)));
    let mut accepted = 0;
    for case in 0..count {
        let base = rng_pick_seed(&mut rng, seeds);
        let input = mutate(&mut rng, base, tokens);
        match catch_unwind(AssertUnwindSafe(|| check(&input))) {
            Ok(ok) => accepted += usize::from(ok),
            Err(e) => {
                let shown: String = String::from_utf8_lossy(&input)
                    .chars()
                    .take(2_000)
                    .collect();
                panic!("{name}: seed {seed}, case {case} failed ({e:?}) on input:\n{shown:?}");
            }
        }
    }
    eprintln!("{name}: {count} cases ({accepted} accepted, the rest refused), seed {seed}");
}

fn rng_pick_seed<'a>(rng: &mut Rng, seeds: &'a [Vec<u8>]) -> &'a [u8] {
    rng.pick(seeds).as_slice()
}

fn catalog() -> &'static Catalog {
    data::catalog().expect("catalog")
}

/// The fixture plans: every field and kind of obligation occurs in them.
fn plan_seeds() -> Vec<Vec<u8>> {
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .join("tests/fixtures/plans");
    let mut seeds: Vec<Vec<u8>> = std::fs::read_dir(dir)
        .expect("plans")
        .map(|e| std::fs::read(e.expect("entry").path()).expect("plan"))
        .collect();
    seeds.sort();
    seeds
}

/// What holds for any plan file: it is read or refused with a short, located message, and a
/// plan that is read writes back to a file that reads the same. Whether it was read.
fn check_plan(bytes: &[u8], limits: Limits) -> bool {
    let catalog = catalog();
    match Plan::from_bytes(bytes, catalog, limits) {
        Ok(plan) => {
            let again = Plan::parse_within(&plan.to_json(), catalog, Limits::CLI);
            assert_eq!(again.as_ref(), Ok(&plan), "a plan read back differs");
            assert!(plan.workloads.len() <= limits.max_workloads);
            true
        }
        Err(e) => {
            let shown = e.to_string();
            assert!(shown.len() < 1_000, "a long message: {shown}");
            if let Some(at) = e.at {
                let lines = bytes.iter().filter(|&&b| b == b'\n').count() + 1;
                assert!(
                    at.line >= 1 && at.line <= lines,
                    "line {} of {lines}",
                    at.line
                );
                assert!(at.column >= 1);
            }
            false
        }
    }
}

#[test]
fn plan_files_as_the_command_line_reads_them() {
    fuzz(
        "plan (CLI)",
        cases(5_000),
        &plan_seeds(),
        JSON_TOKENS,
        |b| check_plan(b, Limits::CLI),
    );
}

/// Plan files as the plan page reads them, pasted or imported (one parser, the app's limits):
/// as many as the share links' bad-link test has links.
#[test]
fn plan_files_as_the_app_imports_them() {
    fuzz(
        "plan (app import)",
        cases(10_000),
        &plan_seeds(),
        JSON_TOKENS,
        |b| check_plan(b, Limits::APP),
    );
}

#[test]
fn url_routes() {
    let seeds: Vec<Vec<u8>> = [
        "",
        "explore/?q=claude&provider=Anthropic&option=geo&from=eu-west-1&within=EU",
        "model/anthropic.claude-sonnet-4-5-20250929-v1~0/",
        "profile/eu.anthropic.claude-sonnet-4-5-20250929-v1~0/?from=eu-central-1",
        "region/eu-west-3/",
        "concepts/residency/",
        "data/",
        "plan/",
        "#/explore?q=nova%3Alite",
    ]
    .iter()
    .map(|s| s.as_bytes().to_vec())
    .collect();
    fuzz("routes", cases(10_000), &seeds, URL_TOKENS, |bytes| {
        let url = String::from_utf8_lossy(bytes);
        let (path, query) = url.split_once('?').unwrap_or((&url, ""));
        let route = Route::from_path(path, query);
        let (_, _, _) = (route.title(), route.file(), route.prerendered());
        let href = route.href();
        let (path2, query2) = href.split_once('?').unwrap_or((&href, ""));
        if !matches!(route, Route::NotFound(_)) {
            assert_eq!(Route::from_path(path2, query2), route, "{href}");
        }
        let _ = Route::from_hash(&url);
        let _ = legacy_redirect(&url, &url);
        !matches!(route, Route::NotFound(_))
    });
}

/// The stored plan and the events around it, in any order: the page never saves while the
/// stored plan is unreadable or unread, never changes a read-only plan, and never saves over
/// anything but the text it last saw.
#[test]
fn stored_plans_and_storage_events() {
    let seeds = plan_seeds();
    let seed = seed();
    let mut rng = Rng(seed ^ 0x0057_03ED);
    let catalog = catalog();
    let count = cases(2_000);
    for case in 0..count {
        let mut state = Persisted::default();
        let mut log = Vec::new();
        for _ in 0..8 {
            let text = |rng: &mut Rng| {
                let seed = rng_pick_seed(rng, &seeds).to_vec();
                let bytes = if rng.below(3) == 0 {
                    seed
                } else {
                    mutate(rng, &seed, JSON_TOKENS)
                };
                String::from_utf8_lossy(&bytes).into_owned()
            };
            let found = |rng: &mut Rng| match rng.below(6) {
                0 => Err("blocked".to_owned()),
                1 => Ok(None),
                _ => Ok(Some(text(rng))),
            };
            let id = WorkloadId(rng.below(8) as u32);
            let event = match rng.below(14) {
                0 => Event::Read(found(&mut rng)),
                1 => Event::Changed(found(&mut rng)),
                2 => Event::Act(Action::Duplicate(id)),
                3 => Event::Act(Action::Delete(id)),
                4 => Event::Act(Action::Undo),
                5 => Event::Act(Action::StartAdd),
                6 => Event::Saved(state.planner.plan().to_json()),
                7 => Event::SaveFailed("full".into()),
                8 => Event::Conflicted(found(&mut rng).ok().flatten()),
                9 => Event::TakeTheirs,
                10 => Event::Downloaded,
                11 => Event::BackedUp("cris-atlas.plan.backup.t".into()),
                12 => Event::Discarded,
                _ => Event::Act(Action::MoveUp(id)),
            };
            log.push(format!("{event:?}").chars().take(200).collect::<String>());
            let before = state.clone();
            let outcome = catch_unwind(AssertUnwindSafe(|| {
                let mut next = state.clone();
                next.apply(event.clone(), catalog);
                next
            }));
            let Ok(next) = outcome else {
                panic!("stored plan: seed {seed}, case {case} panicked after {log:#?}");
            };
            state = next;
            let context = || format!("seed {seed}, case {case}: {log:#?}");
            if before.read_only() && matches!(event, Event::Act(_)) {
                assert_eq!(state.planner, before.planner, "{}", context());
            }
            if state.read_only() || matches!(state.sync, Sync::NotRead | Sync::Conflict { .. }) {
                assert!(state.to_save().is_none(), "{}", context());
            }
            if let (Some((expected, _)), Sync::Synced { seen, .. }) = (state.to_save(), &state.sync)
            {
                assert_eq!(expected, seen.as_deref(), "{}", context());
            }
            if let Sync::Unreadable { .. } = state.sync {
                assert!(state.planner.entries.is_empty(), "{}", context());
            }
        }
    }
    eprintln!("stored plan: {count} cases of 8 events, seed {seed}");
}

#[test]
fn catalog_import_from_aws_cli_output() {
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .join("tests/fixtures/import");
    let models = std::fs::read(dir.join("eu-west-2.foundation-models.json")).expect("fixture");
    let profiles = std::fs::read(dir.join("eu-west-2.inference-profiles.json")).expect("fixture");
    let catalog = catalog();
    let seeds = vec![models.clone(), profiles.clone()];
    let mut rng = Rng(seed() ^ 0x0001_3900);
    fuzz("catalog import", cases(300), &seeds, JSON_TOKENS, |bytes| {
        // The mutated file stands in for one of the two; the other stays valid.
        let (m, p) = if rng_ok(&mut rng) {
            (bytes, profiles.as_slice())
        } else {
            (models.as_slice(), bytes)
        };
        let (Ok(m), Ok(p)) = (std::str::from_utf8(m), std::str::from_utf8(p)) else {
            return false;
        };
        let (Ok(models), Ok(profiles)) = (
            serde_json::from_str::<FoundationModels>(m),
            serde_json::from_str::<InferenceProfiles>(p),
        ) else {
            return false;
        };
        let snapshot = RegionSnapshot {
            region: RegionCode::new("eu-west-2"),
            models,
            profiles,
        };
        if let Ok(merged) = import(catalog, &[snapshot], "2026-11-20") {
            // What an import accepts is a catalog that writes and reads back the same.
            let files = merged.to_files();
            let again = Catalog::from_files(CatalogFiles {
                meta: &files.meta,
                regions: &files.regions,
                geographies: &files.geographies,
                models: &files.models,
                profiles: &files.profiles,
            })
            .expect("the written catalog reads");
            assert_eq!(again.models.len(), merged.models.len());
            for m in &merged.models {
                assert!(!m.id.as_str().is_empty() && !m.id.as_str().chars().any(char::is_control));
            }
            return true;
        }
        false
    });
}

fn rng_ok(rng: &mut Rng) -> bool {
    rng.below(2) == 0
}

/// The catalog files of a folder and what else it holds (`sources/`), by relative path.
fn tree(dir: &std::path::Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut files = std::collections::BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in std::fs::read_dir(&folder).expect("a folder") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let name = path
                    .strip_prefix(dir)
                    .expect("inside")
                    .display()
                    .to_string();
                files.insert(name, std::fs::read(&path).expect("a file"));
            }
        }
    }
    files
}

/// A fresh copy of the repository's catalog folder (generated files, manifest, `sources/`).
fn fresh_catalog(to: &std::path::Path) {
    let data = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data"));
    let _ = std::fs::remove_dir_all(to);
    std::fs::create_dir_all(to.join("sources")).expect("a folder");
    for (name, bytes) in tree(data) {
        std::fs::write(to.join(name), bytes).expect("a copy");
    }
}

/// Runs the writer (`atlas catalog import` of the fixture into `data`) and kills it once
/// `deadline` has passed, unless it ended before. Returns whether it was killed.
fn import_killed_after(data: &std::path::Path, deadline: std::time::Duration) -> bool {
    use rustix::process::{waitid, Pid, WaitId, WaitIdOptions};
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_atlas"))
        .args(["catalog", "import", "tests/fixtures/import", "--as-of"])
        .args(["2026-11-20", "--allow-drop", "--data"])
        .arg(data)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("atlas runs");
    let pid = Pid::from_raw(child.id() as i32).expect("a process ID");
    let (ended, ends) = std::sync::mpsc::channel();
    // Waits for the end without reaping, so the process ID stays the writer's until the
    // `wait` below.
    let watcher = std::thread::spawn(move || {
        let _ = waitid(
            WaitId::Pid(pid),
            WaitIdOptions::EXITED | WaitIdOptions::NOWAIT,
        );
        let _ = ended.send(());
    });
    let killed = ends.recv_timeout(deadline).is_err();
    if killed {
        child.kill().expect("the writer is killed");
    }
    child.wait().expect("the writer ends");
    watcher.join().expect("the watcher ends");
    killed
}

/// `atlas catalog import` killed at random moments of its run (a few hundred times in
/// `make test`, bounded in time): the catalog folder is always entirely the old generation or
/// entirely the new one, and the next run removes what the killed one left and writes the new.
#[test]
fn catalog_writer_killed_at_random_moments() {
    let root = std::env::temp_dir().join(format!("atlas-kill-{}", std::process::id()));
    let data = root.join("data");
    let staging = root.join(".data.next");
    fresh_catalog(&data);
    let old = tree(&data);
    let mut run_time = std::time::Duration::ZERO;
    for _ in 0..3 {
        fresh_catalog(&data);
        let started = std::time::Instant::now();
        assert!(!import_killed_after(
            &data,
            std::time::Duration::from_secs(60)
        ));
        run_time = run_time.max(started.elapsed());
    }
    let new = tree(&data);
    assert_ne!(old, new, "the import changes nothing");
    assert!(
        new.contains_key("sources/README.md"),
        "sources/ was not carried over"
    );

    let mut rng = Rng(seed() ^ 0x00C1_A55E);
    let budget = std::time::Duration::from_secs(20 * cases(1).min(10) as u64);
    let started = std::time::Instant::now();
    let (mut kills, mut olds, mut news, mut mid_write, mut recovered) = (0, 0, 0, 0, 0);
    while kills < cases(300) && started.elapsed() < budget {
        fresh_catalog(&data);
        let _ = std::fs::remove_dir_all(&staging);
        let moment = run_time.mul_f64(rng.below(1001) as f64 / 1000.0);
        if !import_killed_after(&data, moment) {
            continue;
        }
        kills += 1;
        let found = tree(&data);
        match (found == old, found == new) {
            (true, _) => olds += 1,
            (_, true) => news += 1,
            _ => {
                let differ: Vec<_> = found
                    .keys()
                    .filter(|k| old.get(*k) != found.get(*k) && new.get(*k) != found.get(*k))
                    .collect();
                let newer: Vec<_> = found
                    .keys()
                    .filter(|k| old.get(*k) != found.get(*k))
                    .collect();
                panic!(
                    "kill {kills} at {moment:?} (seed {}): data/ is neither generation: {differ:?} \
                     match neither, {newer:?} differ from the old",
                    seed()
                );
            }
        }
        if staging.exists() {
            mid_write += 1;
            // The next run removes the leftover and writes the new generation.
            if recovered < 5 {
                assert!(!import_killed_after(
                    &data,
                    std::time::Duration::from_secs(60)
                ));
                assert!(!staging.exists(), "the leftover staging folder stayed");
                assert!(
                    tree(&data) == new,
                    "the run after a kill did not write the new catalog"
                );
                recovered += 1;
            }
        }
    }
    eprintln!(
        "catalog writer: {kills} kills in {:?} (runs of {run_time:?}): {olds} left the old \
         catalog, {news} the new one; {mid_write} mid-write",
        started.elapsed()
    );
    assert!(kills >= 50, "only {kills} kills within {budget:?}");
    assert!(
        mid_write > 0,
        "no kill landed while the catalog was written"
    );
    let _ = std::fs::remove_dir_all(&root);
}

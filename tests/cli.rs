//! The `atlas` binary from outside: plan evaluation as JSON and Markdown, clear errors for bad
//! plans, and the catalog refresh from AWS CLI output (fixtures in the API's documented shape).
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn atlas(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_atlas"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("atlas runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("atlas-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn recommend_prints_the_documented_json() {
    let out = atlas(&["recommend", "tests/fixtures/plans/example.json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let report: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(report["catalog_as_of"].as_str().map(str::len), Some(10));
    let support = &report["workloads"][0];
    assert_eq!(support["name"], "Support chat");
    let rec = &support["recommendation"];
    assert_eq!(rec["option"], "geographic");
    assert_eq!(
        rec["profile_id"],
        "eu.anthropic.claude-sonnet-4-5-20250929-v1:0"
    );
    assert_eq!(rec["source_region"], "eu-central-1");
    let regions: Vec<&str> = rec["processing_regions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect();
    let mut sorted = regions.clone();
    sorted.sort();
    assert_eq!(regions, sorted);
    assert!(regions
        .iter()
        .all(|r| r.starts_with("eu-") && *r != "eu-west-2" && *r != "eu-central-2"));
    let global = &support["options"][0];
    assert_eq!(global["option"], "global");
    assert_eq!(global["residency_ok"], false);
    assert_eq!(global["eligible"], false);
    assert!(global["violations"]
        .as_array()
        .unwrap()
        .iter()
        .any(|v| v["region"] == "us-east-1"));
    for key in [
        "option",
        "profile_id",
        "available",
        "processing_regions",
        "residency_ok",
        "violations",
        "org_policy_ok",
        "eligible",
    ] {
        assert!(global.get(key).is_some(), "option field {key}");
    }
    assert!(support["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["source"]
            .as_str()
            .is_some_and(|s| s.starts_with("https://") || s.starts_with("concepts/"))));
    let canada = &report["workloads"][1];
    assert_eq!(canada["recommendation"]["option"], "none");
    assert_eq!(canada["recommendation"]["profile_id"], Value::Null);
}

#[test]
fn recommend_prints_markdown_tables() {
    let out = atlas(&[
        "recommend",
        "tests/fixtures/plans/example.json",
        "--format",
        "markdown",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let md = stdout(&out);
    assert!(md.contains("| Support chat | anthropic.claude-sonnet-4-5-20250929-v1:0 | eu-central-1 | stay in European Union | Geographic (EU) |"));
    assert!(md.contains("## Canada claims"));
    assert!(md.contains("Geographic (EU) (recommended)"));
    assert!(md.contains("| Residency fit |"));
    assert!(
        md.contains("arn:aws:bedrock:::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0")
    );
}

#[test]
fn invalid_plans_exit_non_zero_naming_workload_and_field() {
    let dir = temp_dir("invalid");
    let workload = r#"{"name":"Chat","model_id":"anthropic.claude-sonnet-4-5-20250929-v1:0","source_region":"eu-central-1","residency":{"kind":"none"},"traffic":"spiky","sla":"best_effort"}"#;
    // Rows: plan text, phrases the error must contain.
    let rows: Vec<(String, Vec<&str>)> = vec![
        (
            r#"{"version":2,"workloads":[]}"#.into(),
            vec!["version", "2"],
        ),
        (
            format!(
                r#"{{"version":1,"workloads":[{}]}}"#,
                workload.replace("eu-central-1", "mars-1")
            ),
            vec!["workload 1 (\"Chat\")", "source_region", "mars-1"],
        ),
        (
            format!(
                r#"{{"version":1,"workloads":[{}]}}"#,
                workload.replace("anthropic.claude-sonnet-4-5-20250929-v1:0", "acme.nope")
            ),
            vec!["model_id", "acme.nope"],
        ),
        (
            format!(
                r#"{{"version":1,"workloads":[{},{}]}}"#,
                workload,
                workload.replace("\"sla\"", "\"colour\":1,\"sla\"")
            ),
            vec!["workload 2", "colour"],
        ),
        (
            format!(
                r#"{{"version":1,"workloads":[{}]}}"#,
                workload.replace(
                    r#"{"kind":"none"}"#,
                    r#"{"kind":"geography","name":"Atlantis"}"#
                )
            ),
            vec!["residency.name", "Atlantis"],
        ),
        (
            format!(
                r#"{{"version":1,"workloads":[{}]}}"#,
                workload.replace("spiky", "bursty")
            ),
            vec!["workload 1", "bursty"],
        ),
        ("not json".into(), vec!["plan"]),
    ];
    for (i, (text, phrases)) in rows.iter().enumerate() {
        let path = dir.join(format!("plan{i}.json"));
        std::fs::write(&path, text).unwrap();
        let out = atlas(&["recommend", path.to_str().unwrap()]);
        assert!(!out.status.success(), "row {i} should fail");
        assert!(stdout(&out).is_empty());
        let err = stderr(&out);
        for phrase in phrases {
            assert!(err.contains(phrase), "row {i}: {err:?} lacks {phrase:?}");
        }
    }
    let out = atlas(&["recommend"]);
    assert!(!out.status.success() && stderr(&out).contains("usage"));
}

fn copy_data(to: &Path) {
    for name in ["meta", "regions", "geographies", "models", "profiles"] {
        let from = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("data/{name}.json"));
        std::fs::copy(from, to.join(format!("{name}.json"))).unwrap();
    }
}

#[test]
fn catalog_import_merges_aws_cli_output() {
    let data = temp_dir("import");
    copy_data(&data);
    let out = atlas(&[
        "catalog",
        "import",
        "tests/fixtures/import",
        "--data",
        data.to_str().unwrap(),
        "--as-of",
        "2026-11-20",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("imported 1 Regions (eu-west-2)"));
    let check = atlas(&["catalog", "check", "--data", data.to_str().unwrap()]);
    assert!(check.status.success(), "{}", stderr(&check));

    let read = |name: &str| -> Value {
        serde_json::from_str(&std::fs::read_to_string(data.join(format!("{name}.json"))).unwrap())
            .unwrap()
    };
    let meta = read("meta");
    assert_eq!(meta["as_of"], "2026-11-20");
    assert!(meta["sources"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["id"] == "aws-api"));
    let profiles = read("profiles");
    let profile = |id: &str| {
        profiles["profiles"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == id)
            .cloned()
    };
    // The eu. route from eu-west-2 is replaced by what the API listed; other sources are kept.
    let eu = profile("eu.anthropic.claude-sonnet-4-5-20250929-v1:0").expect("eu profile");
    let from_london = eu["routes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| {
            r["from"]
                .as_array()
                .unwrap()
                .iter()
                .any(|s| s == "eu-west-2")
        })
        .unwrap();
    assert_eq!(
        from_london["to"],
        serde_json::json!(["eu-central-1", "eu-west-1", "eu-west-2"])
    );
    assert_eq!(from_london["from"], serde_json::json!(["eu-west-2"]));
    assert!(eu["routes"].as_array().unwrap().iter().any(|r| r["from"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s == "eu-central-1")));
    assert_eq!(eu["source"], "aws-api");
    // A new model and its profile appear; the application profile does not.
    let new = profile("eu.example.new-model-v1:0").expect("new profile");
    assert_eq!(
        new["routes"][0]["to"],
        serde_json::json!(["eu-west-1", "eu-west-2"])
    );
    assert!(profile("abc123").is_none());
    let models = read("models");
    let model = models["models"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == "example.new-model-v1:0")
        .unwrap();
    assert_eq!(
        model["in_region"],
        serde_json::json!([{"region": "eu-west-2", "endpoint": "bedrock-runtime", "mantle_apis": [], "sources": ["aws-api"], "price": null}])
    );
    assert_eq!(
        model["provisioned"],
        serde_json::json!([{"unit": "example.new-model-v1:0", "regions": ["eu-west-2"], "source": "aws-api"}])
    );
    // Models not listed from eu-west-2 no longer claim it.
    let haiku = models["models"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == "anthropic.claude-3-haiku-20240307-v1:0")
        .unwrap();
    assert!(!haiku["in_region"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["region"] == "eu-west-2"));
    // Global destinations are kept: the list response has only a Region-less ARN.
    let global = profile("global.anthropic.claude-sonnet-4-5-20250929-v1:0").unwrap();
    assert!(global["routes"][0]["to"].as_array().unwrap().len() > 20);
}

#[test]
fn catalog_import_rejects_bad_input_and_leaves_files_alone() {
    let data = temp_dir("import-bad");
    copy_data(&data);
    let input = temp_dir("import-bad-input");
    std::fs::write(
        input.join("eu-west-2.foundation-models.json"),
        r#"{"modelSummaries": []}"#,
    )
    .unwrap();
    std::fs::write(input.join("eu-west-2.inference-profiles.json"), r#"{"inferenceProfileSummaries": [{"inferenceProfileId": "eu.x", "type": "SYSTEM_DEFINED", "models": [{"modelArn": "not-an-arn"}]}]}"#).unwrap();
    let before = std::fs::read_to_string(data.join("profiles.json")).unwrap();
    let out = atlas(&[
        "catalog",
        "import",
        input.to_str().unwrap(),
        "--data",
        data.to_str().unwrap(),
        "--as-of",
        "2026-11-20",
    ]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("not-an-arn"), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(data.join("profiles.json")).unwrap(),
        before
    );
    let out = atlas(&[
        "catalog",
        "import",
        input.to_str().unwrap(),
        "--as-of",
        "26-11-20",
    ]);
    assert!(!out.status.success() && stderr(&out).contains("YYYY-MM-DD"));
}

/// The report for every plan in `tests/fixtures/plans/` is exactly what `tests/fixtures/expected/`
/// holds (JSON and Markdown): refactoring the engine must not change a byte of either.
#[test]
fn recommend_output_matches_the_recorded_reports() {
    let plans = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/plans");
    let mut compared = 0;
    for entry in std::fs::read_dir(&plans).expect("plans folder") {
        let path = entry.expect("entry").path();
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let plan = format!("tests/fixtures/plans/{stem}.json");
        for (format, ext) in [("json", "json"), ("markdown", "md")] {
            let out = atlas(&["recommend", &plan, "--format", format]);
            assert!(out.status.success(), "{plan}: {}", stderr(&out));
            let expected = std::fs::read_to_string(format!(
                "{}/tests/fixtures/expected/{stem}.{ext}",
                env!("CARGO_MANIFEST_DIR")
            ))
            .expect("a recorded report for every fixture plan");
            assert!(
                stdout(&out) == expected,
                "{plan} --format {format} differs from tests/fixtures/expected/{stem}.{ext}"
            );
            compared += 1;
        }
    }
    assert!(compared >= 8, "only {compared} reports compared");
}

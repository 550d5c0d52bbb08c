//! The `atlas` binary given hostile or unusual input: plan files in other encodings, over the
//! limits, with unknown fields; catalog imports with impossible dates and empty or
//! control-character IDs, which leave `data/` byte for byte as it was.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Output;

mod cli_support;

use cli_support::{atlas, copy_catalog, stderr, temp_dir};

const PLAN: &str = r#"{
  "version": 1,
  "workloads": [
    {
      "name": "Café",
      "model_id": "amazon.nova-lite-v1:0",
      "source_region": "us-east-1",
      "residency": { "kind": "none" },
      "traffic": "steady",
      "sla": "best_effort"
    }
  ]
}
"#;

/// Runs `atlas recommend` on these bytes.
fn recommend(name: &str, bytes: &[u8], extra: &[&str]) -> Output {
    let path = temp_dir(name).join("plan.json");
    std::fs::write(&path, bytes).unwrap();
    let mut args = vec!["recommend", path.to_str().unwrap()];
    args.extend(extra);
    atlas(&args)
}

#[test]
fn utf8_with_a_byte_order_mark_is_read_and_latin1_and_utf16_are_refused() {
    let out = recommend("bom", &[b"\xEF\xBB\xBF", PLAN.as_bytes()].concat(), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Café"));

    let latin1 = PLAN.replace('é', "\u{0}").into_bytes();
    let latin1: Vec<u8> = latin1
        .into_iter()
        .map(|b| if b == 0 { 0xE9 } else { b })
        .collect();
    let out = recommend("latin1", &latin1, &[]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("not UTF-8") && stderr(&out).contains("line 5, column 19"),
        "{}",
        stderr(&out)
    );

    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(PLAN.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let out = recommend("utf16", &utf16, &[]);
    assert!(!out.status.success() && stderr(&out).contains("UTF-16"));
}

#[test]
fn unknown_fields_are_refused_with_workload_field_and_file_position() {
    let text = PLAN.replace(
        r#"{ "kind": "none" }"#,
        r#"{ "kind": "none", "name": "EU" }"#,
    );
    let out = recommend("unknown", text.as_bytes(), &[]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("workload 1 (\"Café\"), residency.name: unknown field `name`")
            && err.contains("(line 8, column"),
        "{err}"
    );
}

#[test]
fn limits_refuse_large_plans_and_a_flag_raises_them() {
    let workload = PLAN
        .split_once("[\n")
        .unwrap()
        .1
        .rsplit_once("\n  ]")
        .unwrap()
        .0;
    let many: Vec<String> = (0..10_001)
        .map(|i| workload.replace("Café", &format!("W{i}")))
        .collect();
    let text = format!("{{\"version\":1,\"workloads\":[{}]}}", many.join(","));
    let out = recommend("many", text.as_bytes(), &[]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("10001 workloads, over the limit of 10000"),
        "{}",
        stderr(&out)
    );
    let out = recommend(
        "many-raised",
        text.as_bytes(),
        &["--max-workloads", "20000"],
    );
    assert!(out.status.success(), "{}", stderr(&out));

    let out = recommend("bytes", PLAN.as_bytes(), &["--max-bytes", "100"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("over the limit of 100 bytes")
            && stderr(&out).contains("--max-bytes"),
        "{}",
        stderr(&out)
    );
}

fn copy_data(to: &Path) {
    copy_catalog(
        &Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("data"),
        to,
    );
}

/// Every file in `dir` with its bytes.
fn contents(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect()
}

/// A JSON string of the fixture replaced by another: (from, to).
type Replace = Option<(String, String)>;

/// Rows: the fixture's text replaced (from, to), or a changed `--as-of`; what the error says.
#[test]
fn catalog_import_refuses_bad_dates_and_ids_and_leaves_data_as_it_was() {
    let fixture =
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("tests/fixtures/import");
    let models = std::fs::read_to_string(fixture.join("eu-west-2.foundation-models.json")).unwrap();
    let first_id = models
        .split("\"modelId\"")
        .nth(1)
        .and_then(|rest| rest.split('"').nth(1))
        .unwrap()
        .to_owned();
    let rows: Vec<(&str, Replace, &str)> = vec![
        ("2026-99-99", None, "expected a real date"),
        ("2999-01-01", None, "in the future"),
        (
            "2026-11-20",
            Some((first_id.clone(), String::new())),
            "model ID \"\"",
        ),
        (
            "2026-11-20",
            Some((first_id.clone(), format!("{first_id}\\n"))),
            "control characters",
        ),
        (
            "2026-11-20",
            Some((first_id.clone(), "acme/../../x".into())),
            "\"acme/../../x\" is not a Bedrock model ID",
        ),
        (
            "2026-11-20",
            Some((first_id.clone(), "acme.a~b".into())),
            "\"acme.a~b\" is not a Bedrock model ID",
        ),
    ];
    for (i, (as_of, replace, expected)) in rows.into_iter().enumerate() {
        let input = temp_dir(&format!("import-input-{i}"));
        for name in [
            "eu-west-2.foundation-models.json",
            "eu-west-2.inference-profiles.json",
        ] {
            let mut text = std::fs::read_to_string(fixture.join(name)).unwrap();
            if let Some((from, to)) = &replace {
                text = text.replace(&format!("\"{from}\""), &format!("\"{to}\""));
            }
            std::fs::write(input.join(name), text).unwrap();
        }
        let data = temp_dir(&format!("import-data-{i}"));
        copy_data(&data);
        let before = contents(&data);
        let out = atlas(&[
            "catalog",
            "import",
            input.to_str().unwrap(),
            "--data",
            data.to_str().unwrap(),
            "--as-of",
            as_of,
        ]);
        assert!(!out.status.success(), "row {i} should fail");
        assert!(stderr(&out).contains(expected), "row {i}: {}", stderr(&out));
        assert_eq!(contents(&data), before, "row {i}: data/ changed");
    }
}

/// `--max-bytes` holds for inputs whose size is not known before they are read: an endless
/// device is refused after the limit, and a pipe is read no further than one byte past it (the
/// writer of 50 MB finds the pipe closed).
#[test]
fn max_bytes_applies_to_devices_and_pipes() {
    let out = atlas(&["recommend", "/dev/zero", "--max-bytes", "1000"]);
    assert!(!out.status.success(), "the endless device was accepted");
    assert!(
        stderr(&out).contains("more than 1000 bytes") && stderr(&out).contains("--max-bytes"),
        "{}",
        stderr(&out)
    );

    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_atlas"))
        .args(["recommend", "/dev/stdin", "--max-bytes", "1000"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("atlas runs");
    let mut input = child.stdin.take().expect("atlas's input");
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        let chunk = vec![b' '; 1 << 20];
        (0..50).try_for_each(|_| input.write_all(&chunk))
    });
    let out = child.wait_with_output().expect("atlas ends");
    let written = writer.join().expect("the writer ends");
    assert!(!out.status.success(), "50 MB through a pipe were accepted");
    assert!(
        stderr(&out).contains("more than 1000 bytes"),
        "{}",
        stderr(&out)
    );
    let err = written.expect_err("atlas read all 50 MB");
    assert_eq!(err.kind(), std::io::ErrorKind::BrokenPipe);
}

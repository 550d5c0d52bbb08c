//! Reading plan files as the command line and the app's import read them (one domain parser):
//! unknown fields and duplicate names refused, every error naming the workload, the field and
//! the line and column in the file, encodings, size limits, and short quotes of bad values.
// This test reads the fixture plans from disk; the core it tests may not (clippy.toml).
#![allow(clippy::disallowed_methods)]
#![cfg(not(target_arch = "wasm32"))]

use atlas_core::catalog::data;
use atlas_core::catalog::Catalog;
use atlas_core::plan::{Limits, Plan, PlanError, Position};

fn catalog() -> &'static Catalog {
    data::catalog().expect("catalog")
}

const CHAT: &str = r#"{"name":"Chat","model_id":"anthropic.claude-sonnet-4-5-20250929-v1:0","source_region":"eu-central-1","residency":{"kind":"geography","name":"EU"},"traffic":"spiky","sla":"best_effort"}"#;

/// A pretty plan file with these workloads, one field per line as people write them.
fn file(workloads: &[String]) -> String {
    let values: Vec<serde_json::Value> = workloads
        .iter()
        .map(|w| serde_json::from_str(w).expect("test workload"))
        .collect();
    serde_json::to_string_pretty(&serde_json::json!({"version": 1, "workloads": values}))
        .expect("json")
}

fn error(text: &str) -> PlanError {
    Plan::parse(text, catalog()).expect_err("the plan should be refused")
}

/// The 1-based line and character column where `needle` starts in `text`.
fn where_is(text: &str, needle: &str) -> Position {
    let offset = text.find(needle).expect("needle in text");
    let before = &text[..offset];
    Position {
        line: before.matches('\n').count() + 1,
        column: before[before.rfind('\n').map_or(0, |i| i + 1)..]
            .chars()
            .count()
            + 1,
    }
}

#[test]
fn an_obligation_of_kind_none_with_a_name_is_refused() {
    let text = file(&[CHAT.replace(
        r#"{"kind":"geography","name":"EU"}"#,
        r#"{"kind":"none","name":"EU"}"#,
    )]);
    let e = error(&text);
    assert_eq!(e.workload, Some((1, "Chat".into())));
    assert_eq!(e.field, "residency.name");
    assert!(e.message.contains("unknown field"), "{e}");
    // Without the stray field it is still read.
    let fine = file(&[CHAT.replace(r#"{"kind":"geography","name":"EU"}"#, r#"{"kind":"none"}"#)]);
    assert!(Plan::parse(&fine, catalog()).is_ok());
}

/// Rows: the first workload's name, the second's; each pair is one name once trimmed, so the
/// second is refused.
#[test]
fn duplicate_workload_names_are_refused() {
    for (first, second) in [("Chat", "Chat"), ("X", "X "), (" X", "X"), ("X\u{a0}", "X")] {
        let named = |name: &str, traffic: &str| {
            let json = serde_json::to_string(name).expect("a JSON string");
            CHAT.replace(r#""Chat""#, &json).replace("spiky", traffic)
        };
        let text = file(&[named(first, "spiky"), named(second, "steady")]);
        let e = error(&text);
        assert_eq!(e.workload, Some((2, second.into())), "{first:?} {second:?}");
        assert_eq!(e.field, "name");
        assert!(e.message.contains("workload 1"), "{e}");
    }
}

/// Rows: how the second workload is broken, the field the error names, the text whose position
/// the error gives (its first occurrence after the first workload).
#[test]
fn errors_name_workload_field_and_the_line_and_column_in_the_file() {
    let rows: [(String, &str, &str); 9] = [
        (CHAT.replace("spiky", "bursty"), "traffic", "\"bursty\""),
        (
            CHAT.replace("\"sla\"", "\"colour\":1,\"sla\""),
            "colour",
            "\"colour\"",
        ),
        (CHAT.replace(",\"sla\":\"best_effort\"", ""), "sla", "\n    }"),
        (
            CHAT.replace("eu-central-1", "mars-1"),
            "source_region",
            "\"mars-1\"",
        ),
        (
            CHAT.replace("anthropic.claude-sonnet-4-5-20250929-v1:0", "acme.nope"),
            "model_id",
            "\"acme.nope\"",
        ),
        (
            CHAT.replace("\"name\":\"EU\"", "\"name\":\"Atlantis\""),
            "residency.name",
            "\"Atlantis\"",
        ),
        (
            CHAT.replace("\"sla\"", "\"tokens_per_month\":{\"input\":\"many\",\"output\":1},\"sla\""),
            "tokens_per_month.input",
            "\"many\"",
        ),
        (
            CHAT.replace("\"sla\"", "\"org_policy\":{\"allows_global\":true,\"allowed_regions\":[\"eu-west-1\",7]},\"sla\""),
            "org_policy.allowed_regions[1]",
            "7",
        ),
        (
            CHAT.replace("\"geography\"", "\"planet\""),
            "residency.kind",
            "\"planet\"",
        ),
    ];
    for (i, (broken, field, at)) in rows.iter().enumerate() {
        let other = CHAT.replace("Chat", "Other");
        let text = file(&[other, broken.replace("Chat", "Broken")]);
        let e = error(&text);
        assert_eq!(e.workload, Some((2, "Broken".into())), "row {i}: {e}");
        assert_eq!(e.field, *field, "row {i}: {e}");
        // The position is in the file, inside the second workload (pretty-printed, keys in
        // order): on the line of the text named (the end of the object for a missing field or
        // an unknown kind).
        let second = text.rfind("\n    {").unwrap();
        let found = second + text[second..].find(at).unwrap() + at.len()
            - at.trim_start_matches('\n').len();
        let got = e.at.expect("a position");
        let line = text[..found].matches('\n').count() + 1;
        assert_eq!(got.line, line, "row {i}: {e}");
        assert!(
            e.to_string()
                .contains(&format!("line {}, column {}", got.line, got.column)),
            "row {i}: {e}"
        );
        assert!(
            got.line > 10,
            "row {i}: counted from the file, not the workload: {e}"
        );
    }
}

#[test]
fn a_syntax_error_gives_its_line_and_column_in_the_file() {
    let text = file(&[CHAT.into()]).replace("\"spiky\"", "spiky");
    let e = error(&text);
    assert_eq!(e.field, "plan");
    assert_eq!(e.at.unwrap().line, where_is(&text, "spiky").line, "{e}");
}

#[test]
fn utf8_with_or_without_a_byte_order_mark_is_read_and_other_encodings_are_refused() {
    let text = file(&[CHAT.replace("Chat", "Café")]);
    let plain = Plan::from_bytes(text.as_bytes(), catalog(), Limits::CLI).expect("UTF-8");
    assert_eq!(plain.workloads[0].name(), "Café");
    let with_bom = [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat();
    assert_eq!(
        Plan::from_bytes(&with_bom, catalog(), Limits::CLI).expect("UTF-8 with a BOM"),
        plain
    );
    // Pasted text may start with the mark too.
    assert!(Plan::parse(&format!("\u{feff}{text}"), catalog()).is_ok());

    let latin1: Vec<u8> = text
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap())
        .collect();
    let e = Plan::from_bytes(&latin1, catalog(), Limits::CLI).expect_err("Latin-1");
    assert!(
        e.message.contains("not UTF-8") && e.message.contains("0xE9"),
        "{e}"
    );
    assert_eq!(e.at.unwrap().line, where_is(&text, "Café").line, "{e}");

    for bom in [[0xFF, 0xFE], [0xFE, 0xFF]] {
        let utf16: Vec<u8> = bom
            .into_iter()
            .chain(text.encode_utf16().flat_map(|u| {
                if bom[0] == 0xFF {
                    u.to_le_bytes()
                } else {
                    u.to_be_bytes()
                }
            }))
            .collect();
        let e = Plan::from_bytes(&utf16, catalog(), Limits::CLI).expect_err("UTF-16");
        assert!(e.message.contains("UTF-16"), "{e}");
    }
    let no_bom: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let e = Plan::from_bytes(&no_bom, catalog(), Limits::CLI).expect_err("UTF-16 without BOM");
    assert!(e.message.contains("UTF-16"), "{e}");
}

#[test]
fn limits_are_checked_before_the_workloads_are_read() {
    let many: Vec<String> = (0..1_001)
        .map(|i| CHAT.replace("Chat", &format!("Chat {i}")))
        .collect();
    let text = file(&many);
    assert!(text.len() < Limits::APP.max_bytes);
    let e = error(&text);
    assert_eq!(e.field, "workloads");
    assert!(
        e.message.contains("1001 workloads") && e.message.contains("1000"),
        "{e}"
    );
    assert!(Plan::parse_within(&text, catalog(), Limits::CLI).is_ok());
    let raised = Limits {
        max_workloads: 1_000,
        max_bytes: 100,
    };
    let e = Plan::parse_within(&text, catalog(), raised).expect_err("too large");
    assert!(e.message.contains("over the limit of 100 bytes"), "{e}");
}

#[test]
fn a_huge_bad_value_is_quoted_by_a_short_prefix() {
    let huge = "x".repeat(1_000_000);
    for broken in [
        CHAT.replace("anthropic.claude-sonnet-4-5-20250929-v1:0", &huge),
        CHAT.replace("spiky", &huge),
        CHAT.replace("\"sla\"", &format!("\"{huge}\":1,\"sla\"")),
    ] {
        let e = Plan::parse_within(&file(&[broken]), catalog(), Limits::CLI).unwrap_err();
        assert!(e.to_string().len() < 400, "{}", &e.to_string()[..400]);
        assert!(e.to_string().contains("xxxx…"), "{e}");
    }
}

#[test]
fn adding_a_linked_plan_keeps_names_unique() {
    let own = Plan::parse(&file(&[CHAT.to_owned()]), catalog()).expect("own plan");
    let other = CHAT.replace(r#""name":"Chat""#, r#""name":"Other""#);
    let linked = Plan::parse(&file(&[CHAT.to_owned(), other]), catalog()).expect("linked plan");
    let both = own
        .with_added(&linked, Limits::APP)
        .and_then(|p| p.with_added(&linked, Limits::APP))
        .expect("within the limit");
    let names: Vec<&str> = both.workloads.iter().map(|w| w.name()).collect();
    assert_eq!(
        names,
        ["Chat", "Chat (2)", "Other", "Chat (3)", "Other (2)"]
    );
    // A name that differs only in the space around it is the same name.
    let decomposed = CHAT.replace(r#""name":"Chat""#, r#""name":"Cafe\u0301 ""#);
    let cafe = Plan::parse(&file(&[CHAT.replace("Chat", "Cafe\u{301}")]), catalog()).unwrap();
    let linked = Plan::parse(&file(&[decomposed]), catalog()).expect("linked plan");
    let names: Vec<String> = cafe
        .with_added(&linked, Limits::APP)
        .expect("within the limit")
        .workloads
        .iter()
        .map(|w| w.name().to_owned())
        .collect();
    assert_eq!(names, ["Cafe\u{301}", "Cafe\u{301} (2)"]);
    // What was added reads back as a plan file: no duplicate name is refused.
    let text = both.to_json();
    assert_eq!(
        Plan::parse(&text, catalog())
            .expect("reads back")
            .workloads
            .len(),
        5
    );
}

/// "Add these workloads" stops at the app's workload limit: 600 and 400 make a plan, 600 and
/// 600 would make one its own download could not read back, so the plan stays as it was.
#[test]
fn adding_a_linked_plan_stays_within_the_workload_limit() {
    let plan = |prefix: &str, n: usize| {
        let workloads: Vec<String> = (0..n)
            .map(|i| CHAT.replace(r#""name":"Chat""#, &format!(r#""name":"{prefix} {i}""#)))
            .collect();
        Plan::parse(&file(&workloads), catalog()).expect("a plan within the limit")
    };
    let own = plan("Own", 600);
    let both = own
        .with_added(&plan("Linked", 400), Limits::APP)
        .expect("1,000 fit");
    assert_eq!(both.workloads.len(), 1_000);
    let err = own
        .with_added(&plan("Linked", 600), Limits::APP)
        .expect_err("1,200");
    assert!(
        err.contains("1200 workloads, over the limit of 1000"),
        "{err}"
    );
}

/// A plan file of `version` whose plan-level members are `extra` (JSON members, with a trailing
/// comma) before one workload.
fn versioned(version: &str, extra: &str) -> String {
    format!("{{\"version\": {version}, {extra}\"workloads\": [{CHAT}]}}")
}

#[test]
fn a_version_3_file_is_refused_as_made_by_a_newer_version() {
    // Whatever fields it holds: the version is read first.
    for extra in ["", "\"quotas_v3\": [], "] {
        let text = versioned("3", extra);
        let e = error(&text);
        assert_eq!(e.field, "version", "{e}");
        assert_eq!(
            e.message,
            "made by a newer version of CRIS Atlas (version 3); this one reads up to 2"
        );
        assert_eq!(e.at, Some(where_is(&text, "3")));
    }
}

#[test]
fn version_2_adds_a_name_and_a_review_date_and_keeps_them() {
    let text = versioned(
        "2",
        "\"name\": \"Insurer, EU\", \"reviewed_against\": \"2026-10-27\", ",
    );
    let plan = Plan::parse(&text, catalog()).expect("a version-2 plan");
    assert_eq!(plan.header.name.as_deref(), Some("Insurer, EU"));
    assert_eq!(plan.header.reviewed_against.as_deref(), Some("2026-10-27"));
    let written = plan.to_json();
    assert!(written.starts_with("{\n  \"version\": 2,\n  \"name\": \"Insurer, EU\",\n  \"reviewed_against\": \"2026-10-27\",\n  \"workloads\""), "{written}");
    assert_eq!(Plan::parse(&written, catalog()).expect("reads back"), plan);
}

#[test]
fn a_plan_is_written_at_the_lowest_version_that_holds_its_fields() {
    // A version-2 file without version-2 fields is written as version 1.
    let plan = Plan::parse(&versioned("2", ""), catalog()).expect("plan");
    assert!(plan.to_json().starts_with("{\n  \"version\": 1,"));
    // Every version-1 fixture is written as version 1, with nothing above its workloads, and
    // reads back as the same plan. (The recorded share link of example.json, which carries the
    // written file, shows the bytes are the ones earlier builds wrote: tests/share.rs.)
    let dir = std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/plans"
    ));
    let mut read = 0;
    for entry in std::fs::read_dir(dir).expect("fixture plans") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("fixture");
        // A fixture with version-2 fields (retention.json) is written as version 2.
        let version = if text.contains("\"version\": 2") {
            2
        } else {
            1
        };
        let plan = Plan::parse_within(&text, catalog(), Limits::CLI).expect("fixture plan");
        let written = plan.to_json();
        assert!(
            written.starts_with(&format!("{{\n  \"version\": {version},\n"))
                && (version == 2
                    || written.starts_with("{\n  \"version\": 1,\n  \"workloads\": [")),
            "{}: {written}",
            path.display()
        );
        let again = Plan::parse_within(&written, catalog(), Limits::CLI).expect("reads back");
        assert_eq!(again, plan, "{}", path.display());
        read += 1;
    }
    assert!(read >= 5, "only {read} fixture plans");
}

/// Rows: plan-level members, the field the error names, words its message holds.
#[test]
fn version_2_fields_are_checked() {
    let rows = [
        ("\"name\": \"  \", ", "2", "name", "may not be blank"),
        (
            "\"reviewed_against\": \"2026-02-30\", ",
            "2",
            "reviewed_against",
            "not a date",
        ),
        (
            "\"name\": \"Plan\", ",
            "1",
            "name",
            "came with plan version 2; this file says version 1",
        ),
        (
            "\"nmae\": \"Plan\", ",
            "2",
            "nmae",
            "which a newer version of CRIS Atlas writes (or a typo: this version knows `name`)",
        ),
    ];
    for (extra, version, field, words) in rows {
        let e = error(&versioned(version, extra));
        assert_eq!(e.field, field, "{extra}: {e}");
        assert!(e.message.contains(words), "{extra}: {e}");
    }
    // Inside a workload of a version-2 file, an unknown field reads the same way.
    let text = versioned("2", "").replace("\"sla\"", "\"burst_budget\":\"minutes\",\"sla\"");
    let e = error(&text);
    assert_eq!(e.field, "burst_budget");
    assert_eq!(
        e.message,
        "this plan uses `burst_budget`, which a newer version of CRIS Atlas writes"
    );
}

/// Rows: a plan whose object is written as a list (serde reads a list of the fields in order
/// as the struct), the field the error names. Each was read as a valid plan before.
#[test]
fn lists_where_objects_belong_are_refused_with_the_field() {
    let workload = r#"["Chat","anthropic.claude-sonnet-4-5-20250929-v1:0",false,"eu-central-1",{"kind":"none"},"spiky","best_effort"]"#;
    let rows: [(String, &str); 4] = [
        (format!("[1,[{}]]", CHAT), "plan"),
        (
            format!("{{\"version\":1,\"workloads\":[{workload}]}}"),
            "workload",
        ),
        (
            file(&[CHAT.replace(
                "\"sla\":\"best_effort\"",
                "\"sla\":\"best_effort\",\"tokens_per_month\":[5,6]",
            )]),
            "tokens_per_month",
        ),
        (
            file(&[CHAT.replace(
                r#""residency":{"kind":"geography","name":"EU"}"#,
                r#""residency":["geography","EU"]"#,
            )]),
            "residency",
        ),
    ];
    for (text, field) in rows {
        let e = error(&text);
        assert_eq!(e.field, field, "{text}: {e}");
        assert!(e.message.contains("not a list"), "{text}: {e}");
    }
}

//! The plan's documents from the command line: `atlas report --format markdown` is the same text
//! as `atlas recommend --format markdown` (one renderer, which the app's download uses too), and
//! the CSV has one row per workload and option with formulas neutralised.
#![cfg(not(target_arch = "wasm32"))]

mod cli_support;

use cli_support::{atlas, success as stdout};

const FIXTURES: [&str; 7] = [
    "example",
    "costs",
    "org-policy",
    "rules",
    "traps",
    "retention",
    "capacity",
];

#[test]
fn report_markdown_is_the_recorded_recommend_markdown() {
    for name in FIXTURES {
        let plan = format!("tests/fixtures/plans/{name}.json");
        let day = ["--today", "2026-12-02"];
        let report = stdout(&atlas(
            &[&["report", &plan, "--format", "markdown"][..], &day].concat(),
        ));
        let recommend = stdout(&atlas(
            &[&["recommend", &plan, "--format", "markdown"][..], &day].concat(),
        ));
        assert_eq!(report, recommend, "{name}");
        let recorded = std::fs::read_to_string(format!(
            "{}/../../tests/fixtures/expected/{name}.md",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        assert_eq!(report, recorded, "{name}");
    }
}

/// Every link a Markdown report holds works outside the site: AWS pages as they are, this
/// site's pages under `--base` or, without one, named in words; ARNs read as code, with no HTML
/// entity; the warning that nothing is recommended has the suggestions it points to below it.
#[test]
fn markdown_links_are_absolute_or_words() {
    let links = |md: &str| -> Vec<String> {
        md.split("](")
            .skip(1)
            .map(|rest| rest.split(')').next().unwrap_or_default().to_owned())
            .collect()
    };
    let day = ["--today", "2026-12-02"];
    for name in FIXTURES.iter().chain(&["insurer", "insurer-v2"]) {
        let plan = format!("tests/fixtures/plans/{name}.json");
        let words = stdout(&atlas(
            &[&["report", &plan, "--format", "markdown"][..], &day].concat(),
        ));
        let based = stdout(&atlas(
            &[
                &[
                    "report",
                    &plan,
                    "--format",
                    "markdown",
                    "--base",
                    "https://atlas.example/x",
                ][..],
                &day,
            ]
            .concat(),
        ));
        assert!(!words.contains("&lt;") && !words.contains("&gt;"), "{name}");
        for link in links(&words) {
            assert!(
                link.starts_with("https://docs.aws.amazon.com/"),
                "{name}: {link}"
            );
        }
        let own: Vec<String> = links(&based)
            .into_iter()
            .filter(|l| !l.starts_with("https://docs.aws.amazon.com/"))
            .collect();
        for link in &own {
            assert!(
                link.starts_with("https://atlas.example/x/"),
                "{name}: {link}"
            );
        }
        // Without a base, each of those is named in words instead.
        assert_eq!(
            words.matches("(source: this site's page \"").count(),
            own.len(),
            "{name}"
        );
    }
    let insurer = stdout(&atlas(
        &[
            &[
                "report",
                "tests/fixtures/plans/insurer.json",
                "--format",
                "markdown",
            ][..],
            &day,
        ]
        .concat(),
    ));
    assert!(insurer.contains("`arn:aws:bedrock:eu-central-1:<account-id>:inference-profile/eu.anthropic.claude-sonnet-4-5-20250929-v1:0`"));
    assert!(insurer.contains("[source](https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html)"));
    assert!(insurer
        .contains("(source: this site's page \"Concepts: how the recommendation is chosen\")"));
    // Underwriting Germany only: nothing recommended, "what you could do instead" follows.
    let underwriting = insurer
        .split("## Underwriting Germany only")
        .nth(1)
        .unwrap();
    let underwriting = underwriting.split("\n## ").next().unwrap();
    assert!(underwriting.contains("what you could do instead"));
    assert!(
        underwriting.contains("\nWhat you could do instead:\n\n- "),
        "{underwriting}"
    );
    let refused = atlas(&[
        "report",
        "tests/fixtures/plans/insurer.json",
        "--format",
        "markdown",
        "--base",
        "javascript:alert(1)",
    ]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--base"));
}

/// The example plan with its first workload named `name` (JSON string contents), in a folder
/// of its own named after `test`; returns the folder and the plan file.
fn example_named(test: &str, name: &str) -> (std::path::PathBuf, std::path::PathBuf) {
    let dir = std::env::temp_dir().join(format!("atlas-{test}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let plan = dir.join("plan.json");
    let example = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/plans/example.json"
    ))
    .unwrap();
    std::fs::write(&plan, example.replace("Support chat", name)).unwrap();
    (dir, plan)
}

#[test]
fn csv_has_a_row_per_workload_and_neutralises_formulas() {
    let (dir, plan) = example_named("exports", "=HYPERLINK(\\\"x\\\")|`a`");
    let report = |format| {
        stdout(&atlas(&[
            "report",
            plan.to_str().unwrap(),
            "--format",
            format,
        ]))
    };
    let csv = report("csv");
    let lines: Vec<&str> = csv.split_terminator("\r\n").collect();
    // The example plan's two workloads.
    assert_eq!(lines.len(), 1 + 2, "{csv}");
    assert_eq!(
        lines[0],
        "Workload,Model,Source Region,Obligation,Recommended option,Tier,ID to call,Endpoint,\
         Residency verdict,Data retention,Input USD per million tokens,\
         Output USD per million tokens,Monthly estimate USD,Capacity verdict,Urgent warnings,Notices"
    );
    assert!(
        lines[1].starts_with("\"'=HYPERLINK(\"\"x\"\")|`a`\","),
        "{}",
        lines[1]
    );
    // The first workload's recommendation is its geographic profile, within the obligation.
    assert!(
        lines[1]
            .contains(",Geographic (EU),Standard,eu.anthropic.claude-sonnet-4-5-20250929-v1:0,"),
        "{}",
        lines[1]
    );
    let semicolon = report("csv-semicolon");
    let lines: Vec<&str> = semicolon.split_terminator("\r\n").collect();
    assert_eq!(lines.len(), 1 + 2, "{semicolon}");
    assert!(lines[0].starts_with("Workload;Model;Source Region;Obligation;"));
    assert!(
        lines[1]
            .contains(";Geographic (EU);Standard;eu.anthropic.claude-sonnet-4-5-20250929-v1:0;"),
        "{}",
        lines[1]
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn html_is_one_self_contained_file_with_every_workload_escaped() {
    let dir = std::env::temp_dir().join(format!("atlas-html-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let plan = dir.join("plan.json");
    let rules = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/plans/rules.json"
    ))
    .unwrap();
    let file: serde_json::Value = serde_json::from_str(&rules).unwrap();
    let first = file["workloads"][0]["name"].as_str().unwrap().to_owned();
    std::fs::write(
        &plan,
        rules.replacen(&first, "<script>alert(1)</script> & co", 1),
    )
    .unwrap();
    let html = stdout(&atlas(&[
        "report",
        plan.to_str().unwrap(),
        "--format",
        "html",
    ]));
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(!html.contains("<script"), "no script, and names escaped");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
    assert!(
        !html.contains(" src=") && !html.contains("<link"),
        "nothing fetched"
    );
    assert!(html.contains("<style>") && html.contains("break-before:page"));
    assert!(html.contains("Decision support, not legal advice"));
    let workloads = file["workloads"].as_array().unwrap().len();
    assert_eq!(
        html.matches("<section class=\"workload\" data-page=\"workload-")
            .count(),
        workloads
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// One story in every export: the CSV and the HTML report say what the Markdown and the JSON
/// say about retention, with the same severity.
#[test]
fn exports_carry_retention_and_the_warnings_severity() {
    let plan = "tests/fixtures/plans/retention.json";
    let day = ["--today", "2026-12-02"];
    let csv = stdout(&atlas(
        &[&["report", plan, "--format", "csv"][..], &day].concat(),
    ));
    let header = csv.lines().next().unwrap();
    assert!(
        header.ends_with(",Capacity verdict,Urgent warnings,Notices"),
        "{header}"
    );
    let fable = csv
        .split("\r\n")
        .find(|l| l.starts_with("Frontier assistant,"))
        .expect("the workload's row");
    assert!(
        fable.contains("all traffic (prompts and completions) for up to 30 days"),
        "{fable}"
    );
    // Prices, no monthly estimate (no tokens given), the urgent warning, then the notices.
    assert!(
        fable.contains(",11.00,55.00,,no peak given,Claude Fable 5.1 is refused unless"),
        "{fable}"
    );
    assert!(fable.contains("Claude Fable 5.1 keeps"), "{fable}");
    let open = csv
        .split("\r\n")
        .find(|l| l.starts_with("Open weights,"))
        .expect("the workload's row");
    assert!(open.contains(",keeps nothing,"), "{open}");
    assert!(open.contains(",no peak given,"), "{open}");
    let html = stdout(&atlas(
        &[&["report", plan, "--format", "html"][..], &day].concat(),
    ));
    assert!(html.contains("<li><strong>Urgent:</strong> Claude Fable 5.1 is refused unless"));
    assert!(html.contains("2 (1 urgent)"));
    let md = stdout(&atlas(
        &[&["report", plan, "--format", "markdown"][..], &day].concat(),
    ));
    assert!(md.contains("- **Urgent:** Claude Fable 5.1 is refused unless"));
    assert!(md.contains("| 2 (1 urgent) |"));
}

/// A workload name holding terminal control sequences (clear the screen, set the window title,
/// the C1 introducer) reaches no terminal through `atlas report`: CSV and HTML drop the control
/// characters, Markdown turns them into spaces.
#[test]
fn reports_pass_no_terminal_escape_sequences() {
    let hostile = "Support\\u001b[2J\\u001b]0;owned\\u0007\\u009b31mchat";
    let (dir, plan) = example_named("escapes", hostile);
    for format in ["csv", "html", "markdown"] {
        let out = stdout(&atlas(&[
            "report",
            plan.to_str().unwrap(),
            "--format",
            format,
        ]));
        assert!(
            !out.contains(['\u{1b}', '\u{7}', '\u{9b}']),
            "{format}: {:?}",
            out.lines().find(|l| l.contains("Support"))
        );
        assert!(out.contains("Support"), "{format}: the name is gone");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `atlas capacity`: JSON by default, with the pools the fixture's peaks draw on and the Service
/// Quotas commands; the increases are max(settled, admission), worked out by hand: in
/// eu-central-1 two workloads of 300 × (6,000 + 800 × 5) = 3,000,000 settled each, 6,000,000; in
/// eu-west-1 300 × (6,000 + 8,000 max_tokens) = 4,200,000 at admission.
#[test]
fn capacity_prints_the_pools_and_the_increase_commands() {
    let plan = "tests/fixtures/plans/capacity.json";
    let out = stdout(&atlas(&["capacity", plan, "--today", "2026-12-02"]));
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON by default");
    let pools = json["pools"].as_array().unwrap();
    let increase = |region: &str| {
        pools
            .iter()
            .find(|p| p["pool"]["region"] == region && p["pool"]["code"] == "L-F4DDD3EB")
            .and_then(|p| p["increase_command"].as_str())
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(
        increase("eu-west-1"),
        "aws service-quotas request-service-quota-increase --service-code bedrock --quota-code L-F4DDD3EB --region eu-west-1 --desired-value 4200000"
    );
    assert!(increase("eu-central-1").ends_with("--region eu-central-1 --desired-value 6000000"));
    let frankfurt = pools
        .iter()
        .find(|p| p["pool"]["region"] == "eu-central-1" && p["pool"]["code"] == "L-F4DDD3EB")
        .unwrap();
    assert_eq!(
        frankfurt["get_command"],
        "aws service-quotas get-service-quota --service-code bedrock --quota-code L-F4DDD3EB --region eu-central-1"
    );
    assert_eq!(frankfurt["settled_tpm"], 6_000_000);
    // The bedrock-mantle pool has no code: no command, the reason instead.
    let mantle = pools
        .iter()
        .find(|p| p["pool"]["kind"] == "mantle")
        .unwrap();
    assert!(mantle["get_command"].is_null() && mantle["increase_command"].is_null());
    assert!(mantle["reason"]
        .as_str()
        .unwrap()
        .contains("bedrock-mantle"));
    assert!(json["notes"].to_string().contains("at or below"));
    let md = stdout(&atlas(&[
        "capacity",
        plan,
        "--format",
        "markdown",
        "--today",
        "2026-12-02",
    ]));
    assert!(
        md.contains("--quota-code L-F4DDD3EB --region eu-west-1 --desired-value 4200000"),
        "{md}"
    );
    assert!(md.contains("| cross-Region quota L-F4DDD3EB | eu-central-1 | Claims assistant, Claims triage | 6,000,000 | 4,200,000 | 2,500,000 (applied) | does not fit |"), "{md}");
}

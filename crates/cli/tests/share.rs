//! Share links: the CLI's two directions round-trip, a 20-workload plan fits a short link, and
//! 10,000 generated bad links (truncated, bit-flipped, of another version, valid compression of
//! invalid plans, 1 MB payloads, payloads that inflate without end) each give a message naming
//! the problem, never a panic.
#![cfg(not(target_arch = "wasm32"))]

use atlas_core::catalog::data;
use atlas_core::plan::share::{self, ShareError, MAX_PLAN_BYTES};
use atlas_core::plan::Plan;
use cris_atlas::deflate::{deflate, inflate};
use serde_json::json;
use std::collections::BTreeMap;

mod cli_support;
mod rng_support;

use cli_support::{atlas, text};
use rng_support::Rng;

const FIXTURES: [&str; 5] = ["example", "costs", "org-policy", "rules", "traps"];

#[test]
fn link_and_decode_round_trip_every_fixture_plan_exactly() {
    for name in FIXTURES {
        let path = format!(
            "{}/../../tests/fixtures/plans/{name}.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let out = atlas(&["link", &path]);
        assert!(out.status.success(), "{name}: {}", text(&out.stderr));
        let link = text(&out.stdout);
        assert!(link.starts_with("#/plan/open/v2."), "{link}");
        let decoded = atlas(&["link", "--decode", link.trim_end()]);
        assert!(
            decoded.status.success(),
            "{name}: {}",
            text(&decoded.stderr)
        );
        let file = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text(&decoded.stdout), file, "{name}");
    }
}

#[test]
fn base_makes_a_whole_url_and_decode_reads_it() {
    let out = atlas(&[
        "link",
        "tests/fixtures/plans/example.json",
        "--base",
        "https://example.com/atlas/model/x/#/old",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let link = text(&out.stdout);
    assert!(
        link.starts_with("https://example.com/atlas/model/x/#/plan/open/v2."),
        "{link}"
    );
    let decoded = atlas(&["link", "--decode", link.trim_end()]);
    assert!(decoded.status.success(), "{}", text(&decoded.stderr));
}

#[test]
fn the_recorded_cli_link_is_what_the_cli_writes() {
    // The browser test opens this file's link, so it must be the CLI's own output.
    let out = atlas(&["link", "tests/fixtures/plans/example.json"]);
    let recorded = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/expected/example.link"
    ))
    .unwrap();
    assert_eq!(text(&out.stdout), recorded);
}

#[test]
fn bad_links_and_bad_plans_exit_1_with_the_problem_on_stderr() {
    // Columns: arguments, what stderr must say.
    let cases: [(&[&str], &str); 5] = [
        (
            &["link", "--decode", "#/plan/open/v3.AAAA"],
            "version \"v3\"",
        ),
        (&["link", "--decode", "#/plan/open/v1.AAAAA"], "truncated"),
        (
            &["link", "--decode", "#/plan/open/v1.AAAA"],
            "does not decompress",
        ),
        (
            &["link", "--decode", "https://example.com/plan/"],
            "not a plan link",
        ),
        (&["link", "Cargo.toml"], "Cargo.toml"),
    ];
    for (args, says) in cases {
        let out = atlas(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let stderr = text(&out.stderr);
        assert!(stderr.contains(says), "{args:?}: {stderr}");
    }
}

/// A realistic 20-workload plan: distinct names, models, source Regions and obligations.
fn twenty_workloads() -> String {
    let catalog = data::catalog().unwrap();
    let names = [
        "Support chat",
        "Claims triage",
        "Contract review",
        "Fraud signals",
        "Call summaries",
        "Product search",
        "Code assistant",
        "HR policy Q&A",
        "Invoice extraction",
        "Marketing copy",
        "Churn analysis",
        "Translation",
        "Legal research",
        "Ticket routing",
        "Knowledge base",
        "Sales emails",
        "Medical notes",
        "Risk reports",
        "Onboarding bot",
        "Voice of customer",
    ];
    let residencies = [
        json!({ "kind": "geography", "name": "EU" }),
        json!({ "kind": "none" }),
        json!({ "kind": "country", "code": "US" }),
        json!({ "kind": "geography", "name": "APAC" }),
    ];
    let traffic = ["steady", "spiky", "high_volume"];
    let sla = ["best_effort", "latency_sensitive", "guaranteed"];
    let models: Vec<_> = catalog
        .models
        .iter()
        .filter(|m| !m.in_region.is_empty())
        .collect();
    let workloads: Vec<_> = names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let model = models[i * models.len() / names.len()];
            let source = &model.in_region[i % model.in_region.len()].region;
            let mut w = json!({
                "name": name,
                "model_id": model.id.as_str(),
                "source_region": source.as_str(),
                "residency": residencies[i % residencies.len()],
                "traffic": traffic[i % 3],
                "sla": sla[i / 3 % 3],
            });
            if i % 4 == 0 {
                w["org_policy"] = json!({ "allowed_regions": null, "allows_global": i % 8 == 0 });
            }
            if i % 5 == 0 {
                w["tokens_per_month"] = json!({ "input": 40_000_000 * i, "output": 9_000_000 });
            }
            w
        })
        .collect();
    let file = json!({ "version": 1, "workloads": workloads }).to_string();
    // The app links the plan as it saves it: the pretty plan file.
    Plan::parse(&file, catalog).expect("valid plan").to_json()
}

#[test]
fn a_twenty_workload_plan_links_in_under_2000_characters() {
    let plan = twenty_workloads();
    let link = format!(
        "https://example.com/atlas/plan/{}",
        share::fragment(&deflate(plan.as_bytes()))
    );
    println!(
        "20 workloads: plan file {} bytes, link {} characters",
        plan.len(),
        link.len()
    );
    assert!(link.len() < 2000, "{} characters", link.len());
    let catalog = data::catalog().unwrap();
    let opened = share::read(&link, catalog, inflate).expect("opens");
    assert_eq!(opened.text, plan);
    assert_eq!(opened.plan.workloads.len(), 20);
}

/// A plan file made invalid in one of eight ways, each sure to break it, as bytes.
fn broken_plan(rng: &mut Rng, good: &str) -> Vec<u8> {
    let mut bytes = good.as_bytes().to_vec();
    // Columns: what the plan file says, what it is made to say (each key is in every workload).
    let swaps = [
        ("\"version\": 1", "\"version\": 7"),
        ("\"source_region\": \"", "\"source_region\": \"xx-nowhere-9"),
        ("\"model_id\": \"", "\"model_id\": \"nobody."),
        ("\"traffic\": \"", "\"traffic\": \"bursty_"),
        ("\"kind\": \"", "\"kind\": \"planet_"),
        ("\"sla\"", "\"sla_level\""),
    ];
    match rng.below(8) {
        // The pretty plan file ends in `}`: cutting anywhere before leaves it unclosed.
        0 => bytes.truncate(rng.below(bytes.len() - 1)),
        // A control character is invalid JSON inside a string and outside.
        1 => {
            let at = rng.below(bytes.len());
            bytes[at] = 0x01;
        }
        2 => {
            let at = rng.below(bytes.len());
            bytes.insert(at, 0xff);
        }
        n => {
            let (from, to) = swaps[n - 3 + rng.below(2) * (n == 7) as usize];
            let workload = rng.below(20);
            let at = good.match_indices(from).nth(workload).map_or(0, |(i, _)| i);
            let mut text = good.to_owned();
            text.replace_range(at..at + from.len(), to);
            return text.into_bytes();
        }
    }
    bytes
}

/// `link` with one character of its checksum or payload replaced by another a link may hold,
/// or two neighbours swapped, or its payload re-cased: damage on the way.
fn damaged(rng: &mut Rng, link: &str) -> String {
    const LINK_CHARS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let start = share::LINK_PREFIX.len() + share::LINK_VERSION.len() + 1;
    let mut bytes = link.as_bytes().to_vec();
    loop {
        let at = start + rng.below(bytes.len() - start - 1);
        match rng.below(3) {
            0 => bytes[at] = LINK_CHARS[rng.below(LINK_CHARS.len())],
            1 => bytes.swap(at, at + 1),
            _ => bytes[start..].make_ascii_uppercase(),
        }
        if bytes != link.as_bytes() {
            return String::from_utf8(bytes).expect("ASCII");
        }
    }
}

/// Links damaged on the way (one character changed, two swapped, re-cased) are refused as
/// damaged, every one: none opens as another plan.
#[test]
fn damaged_links_never_open_as_another_plan() {
    let catalog = data::catalog().unwrap();
    let link = share::fragment(&deflate(twenty_workloads().as_bytes()));
    let mut rng = Rng(0x5eed_2026_1207_0024);
    for _ in 0..2_000 {
        let bad = damaged(&mut rng, &link);
        let err = share::read(&bad, catalog, inflate).expect_err(&bad);
        assert!(
            err.to_string().starts_with("this link is damaged"),
            "{bad}: {err}"
        );
    }
}

/// A link percent-encoded on the way, or with its prefix re-cased, opens as the plan it holds;
/// version 1 links (no checksum) still open.
#[test]
fn encoded_recased_and_version_1_links_open() {
    let catalog = data::catalog().unwrap();
    let plan = twenty_workloads();
    let link = share::fragment(&deflate(plan.as_bytes()));
    let v1 = format!(
        "{}{}.{}",
        share::LINK_PREFIX,
        share::OLD_LINK_VERSION,
        share::base64url(&deflate(plan.as_bytes()))
    );
    let rows = [
        link.replace('#', "%23").replace('/', "%2F"),
        link.replace('/', "%2f").replace('.', "%2E"),
        format!(
            "https://example.com/atlas/{}",
            link.replace("/plan/open/v2", "/PLAN/Open/V2")
        ),
        v1.clone(),
        v1.replace('/', "%2F"),
    ];
    for row in rows {
        assert!(
            share::is_share_fragment(&row) || row.starts_with("https:"),
            "{row}"
        );
        let opened = share::read(&row, catalog, inflate).unwrap_or_else(|e| panic!("{row}: {e}"));
        assert_eq!(opened.text, plan, "{row}");
    }
    let err = share::read("#/plan/open/v2.%ZZ", catalog, inflate).expect_err("a bad escape");
    assert!(err.to_string().contains("this link is damaged"), "{err}");
}

#[test]
fn ten_thousand_bad_links_each_name_their_problem() {
    let catalog = data::catalog().unwrap();
    let good = twenty_workloads();
    let good_deflated = deflate(good.as_bytes());
    let good_link = share::fragment(&good_deflated);
    let bomb = deflate(&vec![b' '; 4 * MAX_PLAN_BYTES]);
    let mut rng = Rng(0x5eed_2026_1202_0009);
    let mut counts: BTreeMap<(&str, String), usize> = BTreeMap::new();
    for i in 0..10_000 {
        let (kind, link) = match i % 5 {
            0 => (
                "truncated",
                good_link[..rng.below(good_link.len())].to_owned(),
            ),
            1 => ("damaged", damaged(&mut rng, &good_link)),
            2 => {
                let version = ["v0", "v3", "V11", "v1x", "", "v10", "1"][rng.below(7)];
                let rest = &good_link[share::LINK_PREFIX.len() + 2..];
                (
                    "wrong version",
                    format!("{}{version}{rest}", share::LINK_PREFIX),
                )
            }
            3 => (
                "invalid plan",
                share::fragment(&deflate(&broken_plan(&mut rng, &good))),
            ),
            _ if rng.below(2) == 0 => (
                "1 MB payload",
                format!("#/plan/open/v1.{}", "QUFB".repeat(1 << 18)),
            ),
            _ => ("inflates past 1 MB", share::fragment(&bomb)),
        };
        match share::read(&link, catalog, inflate) {
            Ok(_) => panic!("{kind}: opened {link}"),
            Err(e) => {
                let message = e.to_string();
                assert!(message.len() > 20, "{kind}: {message}");
                let expected = match kind {
                    "wrong version" => matches!(e, ShareError::UnknownVersion(_)),
                    "1 MB payload" => matches!(e, ShareError::TooLong(_)),
                    "inflates past 1 MB" => e == ShareError::TooLarge,
                    "invalid plan" => matches!(e, ShareError::Plan(_) | ShareError::NotText),
                    "damaged" => e == ShareError::Damaged,
                    _ => true,
                };
                assert!(expected, "{kind}: {message}");
                let variant = format!("{e:?}");
                let variant = variant
                    .split(['(', ' '])
                    .next()
                    .unwrap_or_default()
                    .to_owned();
                *counts.entry((kind, variant)).or_default() += 1;
            }
        }
    }
    for ((kind, variant), n) in &counts {
        println!("{kind}: {variant} {n}");
    }
    assert_eq!(counts.values().sum::<usize>(), 10_000);
}

#[test]
fn share_links_open_on_the_plan_page_with_the_fragment_kept() {
    use cris_atlas::route::share_redirect;
    let link = "#/plan/open/v1.q1YqSy0qzszPU7JSMtQzUqoFAA";
    // Rows: URL relative to the site root, fragment, where it opens (None: stay).
    let rows = [
        ("", link, Some(format!("plan/{link}"))),
        ("index.html", link, Some(format!("plan/{link}"))),
        (
            "model/amazon.nova-lite-v1~0/",
            link,
            Some(format!("plan/{link}")),
        ),
        (
            "explore/?q=nova",
            "#/plan/open/v9.x",
            Some("plan/#/plan/open/v9.x".into()),
        ),
        (
            "",
            "#%2Fplan%2Fopen%2Fv2.x",
            Some("plan/#%2Fplan%2Fopen%2Fv2.x".into()),
        ),
        ("", "#/PLAN/Open/v2.x", Some("plan/#/PLAN/Open/v2.x".into())),
        ("plan/", link, None),
        ("plan/index.html", link, None),
        ("", "#/explore?q=nova", None),
        ("", "#/plan", None),
    ];
    for (url, hash, expected) in rows {
        assert_eq!(share_redirect(url, hash), expected, "{url}{hash}");
    }
}

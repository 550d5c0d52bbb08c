//! The explorer's query over the real catalog, and routes' round trip through the URL.
#![cfg(not(target_arch = "wasm32"))]

use atlas_core::browse::explore::{LifecycleFilter, OptionFilter, Query, RetentionFilter, Way};
use atlas_core::catalog::data;
use atlas_core::catalog::ids::{CountryCode, GeographyId, RegionCode, Scope};
use atlas_core::catalog::residency::Residency;
use atlas_core::catalog::Catalog;
use cris_atlas::route::Route;

fn catalog() -> &'static Catalog {
    data::catalog().expect("catalog")
}

fn profile_ids(query: &Query) -> Vec<String> {
    query
        .run(catalog())
        .hits
        .iter()
        .flat_map(|h| h.ways.iter())
        .filter_map(|w| match w {
            Way::Profile(p) => Some(p.id.to_string()),
            Way::InRegion => None,
        })
        .collect()
}

#[test]
fn the_empty_query_lists_every_model() {
    let results = Query::default().run(catalog());
    assert_eq!(results.hits.len(), catalog().models.len());
    assert_eq!(results.emptied_by, None);
}

#[test]
fn search_narrows_to_one_model_by_profile_id() {
    let query = Query {
        text: "eu.anthropic.claude-sonnet-4-5".into(),
        ..Query::default()
    };
    let results = query.run(catalog());
    assert_eq!(results.hits.len(), 1);
    assert_eq!(results.hits[0].model.name, "Claude Sonnet 4.5");
}

#[test]
fn search_words_all_have_to_match() {
    let query = Query {
        text: "anthropic haiku".into(),
        ..Query::default()
    };
    let hits = query.run(catalog()).hits;
    assert!(!hits.is_empty());
    assert!(hits
        .iter()
        .all(|h| h.model.provider == "Anthropic" && h.model.name.contains("Haiku")));
}

#[test]
fn within_japan_keeps_jp_profiles_and_drops_global_ones() {
    let query = Query {
        within: Some(Residency::Country {
            code: CountryCode::new("JP"),
        }),
        ..Query::default()
    };
    let ids = profile_ids(&query);
    assert!(ids.iter().any(|id| id.starts_with("jp.")), "{ids:?}");
    assert!(!ids.iter().any(|id| id.starts_with("global.")), "{ids:?}");
    assert!(
        !ids.iter().any(|id| id.starts_with("apac.")),
        "apac. spans several countries"
    );
}

#[test]
fn within_the_eu_from_london_excludes_eu_profiles_that_process_in_london() {
    let query = Query {
        within: Some(Residency::Geography {
            name: GeographyId::new("EU"),
        }),
        callable_from: Some(RegionCode::new("eu-west-2")),
        ..Query::default()
    };
    let ids = profile_ids(&query);
    assert!(
        !ids.contains(&"eu.anthropic.claude-sonnet-4-5-20250929-v1:0".to_owned()),
        "{ids:?}"
    );
}

#[test]
fn option_filter_keeps_only_that_scope() {
    let query = Query {
        option: Some(OptionFilter::Scope(Scope::new("au"))),
        ..Query::default()
    };
    let ids = profile_ids(&query);
    assert!(!ids.is_empty());
    assert!(ids.iter().all(|id| id.starts_with("au.")));
}

#[test]
fn an_empty_result_names_the_filter_that_emptied_it() {
    // Rows: query, expected filter name.
    let rows = [
        (
            Query {
                text: "no-such-model-xyz".into(),
                ..Query::default()
            },
            "search text",
        ),
        (
            Query {
                provider: Some("AI21 Labs".into()),
                option: Some(OptionFilter::Scope(Scope::new("global"))),
                ..Query::default()
            },
            "option type",
        ),
        (
            Query {
                provider: Some("No Such Provider".into()),
                ..Query::default()
            },
            "provider",
        ),
        (
            Query {
                text: "fable".into(),
                retention: Some(RetentionFilter::KeepsNothing),
                ..Query::default()
            },
            "data retention",
        ),
    ];
    for (query, filter) in rows {
        let results = query.run(catalog());
        assert!(results.hits.is_empty(), "{query:?}");
        assert_eq!(results.emptied_by, Some(filter));
    }
}

#[test]
fn every_filter_round_trips_through_the_url() {
    let query = Query {
        text: "claude sonnet & co".into(),
        provider: Some("Anthropic".into()),
        option: Some(OptionFilter::Scope(Scope::new("us-gov"))),
        callable_from: Some(RegionCode::new("ca-central-1")),
        within: Some(Residency::Regions {
            codes: vec![RegionCode::new("eu-west-1"), RegionCode::new("eu-west-3")],
        }),
        lifecycle: Some(LifecycleFilter::Legacy),
        modality: Some("IMAGE".into()),
        retention: Some(RetentionFilter::KeepsNothing),
    };
    let route = Route::Explore(query);
    let href = route.href();
    assert!(
        href.starts_with("explore/?q=claude%20sonnet%20%26%20co&"),
        "{href}"
    );
    let (path, query) = href.split_once('?').unwrap();
    assert_eq!(Route::from_path(path, query), route);
}

#[test]
fn routes_parse_from_hashes() {
    // Rows: hash, expected route.
    let rows = [
        ("", Route::Home),
        ("#/", Route::Home),
        ("#/explore", Route::Explore(Query::default())),
        ("#/explore/", Route::Explore(Query::default())),
        ("#/concepts", Route::Concepts(None)),
        (
            "#/concepts/residency",
            Route::Concepts(Some("residency".into())),
        ),
        ("#/data", Route::Data),
        ("#/nowhere", Route::NotFound("nowhere".into())),
        (
            "#/model/amazon.nova-lite-v1%3A0",
            Route::Model(atlas_core::catalog::ids::ModelId::new(
                "amazon.nova-lite-v1:0",
            )),
        ),
        (
            "#/profile/eu.amazon.nova-lite-v1:0?from=eu-west-3",
            Route::Profile {
                id: atlas_core::catalog::ids::ProfileId::new("eu.amazon.nova-lite-v1:0"),
                from: Some(RegionCode::new("eu-west-3")),
            },
        ),
        (
            "#/region/eu-west-3/",
            Route::Region(RegionCode::new("eu-west-3")),
        ),
        (
            "#/explore?bench=10",
            Route::ExploreBench {
                factor: 10,
                query: Query::default(),
            },
        ),
        (
            "#/explore?q=%E2%9C%93&bogus=1&lifecycle=zzz",
            Route::Explore(Query {
                text: "✓".into(),
                ..Query::default()
            }),
        ),
        (
            "#/explore?q=%zz",
            Route::Explore(Query {
                text: "%zz".into(),
                ..Query::default()
            }),
        ),
    ];
    for (hash, expected) in rows {
        assert_eq!(Route::from_hash(hash), expected, "{hash}");
    }
}

#[test]
fn fixed_point_formatting_matches_rounding() {
    use atlas_core::catalog::geo::fixed;
    // Rows: value, decimals, expected.
    let rows = [
        (0.0, 1, "0.0"),
        (12.34, 1, "12.3"),
        (12.35, 1, "12.4"),
        (-0.04, 1, "0.0"),
        (-3.26, 2, "-3.26"),
        (181.6, 0, "182"),
        (7.0, 2, "7.00"),
        (f64::NAN, 1, "0"),
    ];
    for (value, decimals, expected) in rows {
        assert_eq!(fixed(value, decimals), expected, "{value} with {decimals}");
    }
}

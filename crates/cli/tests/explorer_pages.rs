//! The explorer's detail views on the real catalog: the model matrix, profile traps and IAM
//! resources, the Region summary, the Markdown and CSV exports, the map's geometry, the benchmark
//! catalog, the new routes, and the three pages rendered with Yew's server renderer.
#![cfg(not(target_arch = "wasm32"))]

mod render_support;

use render_support::{count, render};

use atlas_core::browse::explore::{Query, Way};
use atlas_core::browse::model_page::{model_matrix, Cell};
use atlas_core::browse::profile_page::{
    profile_detail, routing_markdown, Selected, SourceRouting, Trap,
};
use atlas_core::browse::region_page::region_summary;
use atlas_core::browse::results_csv::results_csv;
#[cfg(feature = "bench")]
use atlas_core::catalog::bench::{replicate, MAX_FACTOR};
use atlas_core::catalog::data;
use atlas_core::catalog::ids::{ModelId, ProfileId, RegionCode};
use atlas_core::catalog::Catalog;
use atlas_core::output::csv::csv_field;
use atlas_core::output::map::{self, project, route_map, Role, Shade, ViewBox};
use cris_atlas::route::Route;

const SONNET: &str = "anthropic.claude-sonnet-4-5-20250929-v1:0";
const WORLD: &str = include_str!("../../../static/world.svg");

fn catalog() -> &'static Catalog {
    data::catalog().expect("catalog")
}

fn routing(profile: &str, source: &str) -> SourceRouting<'static> {
    let profile = catalog().profile(&ProfileId::new(profile)).expect(profile);
    match profile_detail(catalog(), profile, Some(&RegionCode::new(source))).selected {
        Selected::Source(r) => *r,
        other => panic!("{} from {source}: {other:?}", profile.id),
    }
}

fn codes(regions: &[RegionCode]) -> Vec<&str> {
    regions.iter().map(RegionCode::as_str).collect()
}

// ---- model matrix ----

#[test]
fn the_model_matrix_has_every_way_across_and_every_source_down() {
    let model = catalog().model(&ModelId::new(SONNET)).unwrap();
    let matrix = model_matrix(catalog(), model);
    let labels: Vec<String> = matrix.columns.iter().map(Way::label).collect();
    assert_eq!(labels.first().map(String::as_str), Some("In-Region"));
    assert_eq!(labels.last().map(String::as_str), Some("Global profile"));
    assert!(
        labels.contains(&"Geographic (Japan)".to_owned()),
        "{labels:?}"
    );
    // Every row offers at least one way, and every source of every way has a row.
    assert!(matrix
        .rows
        .iter()
        .all(|r| r.cells.iter().any(|c| !matches!(c, Cell::NotOffered))));
    let rows: Vec<&str> = matrix.rows.iter().map(|r| r.source.code.as_str()).collect();
    for p in catalog().profiles_for(&ModelId::new(SONNET)) {
        for s in p.sources() {
            assert!(rows.contains(&s.as_str()), "{} source {s}", p.id);
        }
    }
    let mut sorted = rows.clone();
    sorted.sort();
    assert_eq!(rows, sorted, "rows sorted by Region code");
}

#[test]
fn matrix_cells_hold_the_destinations_per_source() {
    // Rows: model, source Region, column label, expected destinations (None: not offered).
    let rows: [(&str, &str, &str, Option<&[&str]>); 6] = [
        (
            SONNET,
            "ca-central-1",
            "Geographic (US)",
            Some(&["ca-central-1", "us-east-1", "us-east-2", "us-west-2"]),
        ),
        (
            SONNET,
            "ap-northeast-1",
            "Geographic (Japan)",
            Some(&["ap-northeast-1", "ap-northeast-3"]),
        ),
        (SONNET, "ap-northeast-1", "Geographic (US)", None),
        (SONNET, "ca-central-1", "In-Region", None),
        (
            "anthropic.claude-3-haiku-20240307-v1:0",
            "ca-central-1",
            "In-Region",
            Some(&["ca-central-1"]),
        ),
        (
            "anthropic.claude-3-haiku-20240307-v1:0",
            "us-gov-east-1",
            "Geographic (US GovCloud)",
            Some(&["us-gov-east-1", "us-gov-west-1"]),
        ),
    ];
    for (model, source, column, expected) in rows {
        let model = catalog().model(&ModelId::new(model)).unwrap();
        let matrix = model_matrix(catalog(), model);
        let col = matrix
            .columns
            .iter()
            .position(|c| c.label() == column)
            .unwrap_or_else(|| panic!("{} has no column {column}", model.id));
        let row = matrix
            .rows
            .iter()
            .find(|r| r.source.code.as_str() == source)
            .unwrap_or_else(|| panic!("{} has no row {source}", model.id));
        let got = match &row.cells[col] {
            Cell::NotOffered => None,
            Cell::Offered(d) => Some(codes(d)),
            Cell::InRegion(offer) => Some(vec![offer.region.as_str()]),
        };
        assert_eq!(
            got.as_deref(),
            expected,
            "{} from {source}, {column}",
            model.id
        );
    }
}

// ---- profile traps and IAM ----

#[test]
fn traps_are_computed_from_the_routes_per_source() {
    // Rows: profile, source, country the data leaves (None: stays), opt-in destinations warned.
    let rows = [
        (
            "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
            "ca-central-1",
            Some("Canada"),
            false,
        ),
        (
            "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
            "us-east-1",
            None,
            false,
        ),
        (
            "jp.anthropic.claude-sonnet-4-5-20250929-v1:0",
            "ap-northeast-1",
            None,
            false,
        ),
        (
            "eu.anthropic.claude-sonnet-4-5-20250929-v1:0",
            "eu-central-1",
            Some("Germany"),
            true,
        ),
        (
            "au.anthropic.claude-sonnet-4-5-20250929-v1:0",
            "ap-southeast-2",
            None,
            true,
        ),
        // ca. reaches the opt-in ca-west-1.
        ("ca.amazon.nova-lite-v1:0", "ca-central-1", None, true),
    ];
    for (profile, source, leaves, opt_in) in rows {
        let r = routing(profile, source);
        let leaving = r.traps.iter().find_map(|t| match t {
            Trap::LeavesCountry { country, .. } => Some(country.as_str()),
            _ => None,
        });
        assert_eq!(leaving, leaves, "{profile} from {source}");
        let warned = r
            .traps
            .iter()
            .any(|t| matches!(t, Trap::OptInDestinations { .. }));
        assert_eq!(warned, opt_in, "{profile} from {source}: opt-in");
    }
}

#[test]
fn the_us_profile_from_ca_central_1_warns_that_data_leaves_canada() {
    let r = routing(
        "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
        "ca-central-1",
    );
    let text: Vec<String> = r.traps.iter().map(Trap::to_string).collect();
    assert!(
        text.iter().any(|t| t.contains("data leaves Canada")
            && t.contains("us-east-1 (United States of America)")),
        "{text:?}"
    );
    assert_eq!(r.countries, ["Canada", "United States of America"]);
}

#[test]
fn the_jp_profile_stays_in_japan() {
    let profile = catalog()
        .profile(&ProfileId::new(
            "jp.anthropic.claude-sonnet-4-5-20250929-v1:0",
        ))
        .unwrap();
    let detail = profile_detail(catalog(), profile, None);
    assert_eq!(detail.countries, ["Japan"]);
    assert!(detail.traps.is_empty(), "{:?}", detail.traps);
    for source in ["ap-northeast-1", "ap-northeast-3"] {
        let r = routing(profile.id.as_str(), source);
        assert!(r.traps.is_empty(), "{source}: {:?}", r.traps);
        assert_eq!(r.countries, ["Japan"]);
    }
}

#[test]
fn a_profile_spanning_countries_says_so_and_an_unknown_source_is_reported() {
    let profile = catalog()
        .profile(&ProfileId::new(
            "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
        ))
        .unwrap();
    let detail = profile_detail(catalog(), profile, Some(&RegionCode::new("eu-west-1")));
    assert_eq!(
        detail.selected,
        Selected::NotASource(RegionCode::new("eu-west-1"))
    );
    assert!(detail.traps.contains(&Trap::SpansCountries {
        countries: vec!["Canada".into(), "United States of America".into()]
    }));
    assert!(detail
        .traps
        .iter()
        .any(|t| matches!(t, Trap::VariesBySource { routings: 3 })));
    assert_eq!(
        profile_detail(catalog(), profile, None).selected,
        Selected::Nothing
    );
}

#[test]
fn iam_resources_cover_the_profile_and_the_model_in_every_destination() {
    let r = routing(
        "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
        "ca-central-1",
    );
    assert_eq!(
        r.iam,
        [
            format!("arn:aws:bedrock:ca-central-1:<account-id>:inference-profile/us.{SONNET}"),
            format!("arn:aws:bedrock:ca-central-1::foundation-model/{SONNET}"),
            format!("arn:aws:bedrock:us-east-1::foundation-model/{SONNET}"),
            format!("arn:aws:bedrock:us-east-2::foundation-model/{SONNET}"),
            format!("arn:aws:bedrock:us-west-2::foundation-model/{SONNET}"),
        ]
    );
    assert!(r
        .scp
        .contains("ca-central-1, us-east-1, us-east-2 and us-west-2"));

    let global = routing(&format!("global.{SONNET}"), "eu-west-1");
    assert_eq!(
        global.iam,
        [
            format!("arn:aws:bedrock:eu-west-1:<account-id>:inference-profile/global.{SONNET}"),
            format!("arn:aws:bedrock:eu-west-1::foundation-model/{SONNET}"),
            format!("arn:aws:bedrock:::foundation-model/{SONNET}"),
        ]
    );
    assert!(global.scp.contains("\"unspecified\""));

    let gov = routing(
        "us-gov.anthropic.claude-3-haiku-20240307-v1:0",
        "us-gov-east-1",
    );
    assert!(
        gov.iam.iter().all(|a| a.starts_with("arn:aws-us-gov:")),
        "{:?}",
        gov.iam
    );
}

// ---- Markdown routing table ----

#[test]
fn the_routing_table_in_markdown_has_one_row_per_group() {
    let profile = catalog()
        .profile(&ProfileId::new(
            "eu.anthropic.claude-sonnet-4-5-20250929-v1:0",
        ))
        .unwrap();
    let md = routing_markdown(catalog(), profile);
    let table: Vec<&str> = md.lines().filter(|l| l.starts_with('|')).collect();
    assert_eq!(table.len(), 2 + profile.routes.len(), "{md}");
    assert_eq!(
        table[0],
        "| Source Regions | Destination Regions | Countries |"
    );
    assert_eq!(table[1], "| --- | --- | --- |");
    assert!(table
        .iter()
        .all(|l| l.ends_with(" |") && l.matches(" | ").count() == 2));
    assert!(md.contains("| eu-west-2 | "), "{md}");
    assert!(md.contains("eu-south-1 (opt-in)"), "{md}");
    assert!(md.contains(&catalog().meta.as_of));
}

// ---- Region summary ----

#[test]
fn the_region_summary_sorts_every_model_into_one_place() {
    let region = catalog().region(&RegionCode::new("ca-central-1")).unwrap();
    let s = region_summary(catalog(), region);
    let us = s
        .geographic
        .iter()
        .find(|r| r.profile.id.as_str() == format!("us.{SONNET}"))
        .expect("us. Sonnet 4.5 from ca-central-1");
    assert!(us.leaves_country);
    let ca = s
        .geographic
        .iter()
        .find(|r| r.profile.id.as_str() == "ca.amazon.nova-lite-v1:0")
        .expect("ca. Nova Lite");
    assert!(!ca.leaves_country);
    assert!(s
        .global
        .iter()
        .any(|r| r.profile.id.as_str() == format!("global.{SONNET}")));
    assert!(s
        .in_region
        .iter()
        .all(|m| m.callable_in_region(&RegionCode::new("ca-central-1"))));
    // A model is unreachable exactly when it has no way from here.
    for m in &catalog().models {
        let reachable = m.callable_in_region(&RegionCode::new("ca-central-1"))
            || catalog().profiles_for(&m.id).any(|p| {
                p.destinations_from(&RegionCode::new("ca-central-1"))
                    .is_some()
            })
            || s.provisioned_only.contains(&m);
        assert_eq!(!reachable, s.unreachable.contains(&m), "{}", m.id);
    }
    assert!(!s.unreachable.is_empty());
}

// ---- CSV ----

#[test]
fn csv_fields_are_quoted_only_when_needed() {
    // Rows: raw field, CSV field.
    let rows = [
        ("plain", "plain"),
        ("", ""),
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("two\nlines", "\"two\nlines\""),
        ("cr\rhere", "\"cr\rhere\""),
        ("us-east-1; us-west-2", "us-east-1; us-west-2"),
    ];
    for (raw, quoted) in rows {
        assert_eq!(csv_field(raw), quoted, "{raw:?}");
    }
}

/// A minimal RFC 4180 reader, to check that what the export writes reads back the same.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let (mut row, mut field) = (Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    rows
}

#[test]
fn the_csv_export_round_trips_awkward_names_and_lists_passing_sources() {
    // A copy of the catalog with a model name that needs quoting.
    let real = catalog();
    let mut models = real.models.clone();
    let sonnet = models.iter_mut().find(|m| m.id.as_str() == SONNET).unwrap();
    sonnet.name = "Claude \"Sonnet\", 4.5".into();
    let awkward = Catalog::new(
        real.meta.clone(),
        real.regions_source.clone(),
        real.regions.clone(),
        real.countries.clone(),
        real.geographies.clone(),
        models,
        real.profiles.clone(),
    )
    .unwrap();
    let query = Query {
        text: "claude-sonnet-4-5-2025".into(),
        callable_from: Some(RegionCode::new("ca-central-1")),
        ..Query::default()
    };
    let results = query.run(&awkward);
    let csv = results_csv(&awkward, &query, &results.hits);
    assert!(csv.ends_with("\r\n"));
    let rows = parse_csv(&csv);
    assert_eq!(rows[0][0], "provider");
    assert!(rows.iter().all(|r| r.len() == 10), "{rows:?}");
    let ways: usize = results.hits.iter().map(|h| h.ways.len()).sum();
    assert_eq!(rows.len(), 1 + ways);
    let us = rows
        .iter()
        .find(|r| r[6] == format!("us.{SONNET}"))
        .expect("the us. profile row");
    assert_eq!(us[1], "Claude \"Sonnet\", 4.5");
    assert_eq!(us[5], "Geographic (US)");
    assert_eq!(
        us[7], "ca-central-1",
        "only the source that passes the filter"
    );
    assert_eq!(us[8], "ca-central-1; us-east-1; us-east-2; us-west-2");
    assert_eq!(us[9], "Canada; United States of America");
}

// ---- map ----

#[test]
fn the_projection_maps_the_drawn_band_onto_the_map() {
    // Rows: latitude, longitude, expected x, expected y.
    let rows = [
        (map::LAT_TOP, -180.0, 0.0, 0.0),
        (map::LAT_BOTTOM, 180.0, map::WIDTH, map::HEIGHT),
        (
            0.0,
            0.0,
            map::WIDTH / 2.0,
            map::LAT_TOP * map::UNITS_PER_DEGREE,
        ),
        (90.0, -200.0, 0.0, 0.0),
        (-90.0, 200.0, map::WIDTH, map::HEIGHT),
    ];
    for (lat, lon, x, y) in rows {
        let p = project(lat, lon);
        assert!(
            (p.x - x).abs() < 1e-9 && (p.y - y).abs() < 1e-9,
            "{lat},{lon}: {p:?}"
        );
    }
    for r in &catalog().regions {
        let p = project(r.lat, r.lon);
        assert!(
            (0.0..=map::WIDTH).contains(&p.x) && (0.0..=map::HEIGHT).contains(&p.y),
            "{}",
            r.code
        );
    }
}

#[test]
fn the_world_outline_is_small_keyed_by_country_and_in_the_same_projection() {
    assert!(WORLD.len() < 45_000, "world.svg is {} bytes", WORLD.len());
    assert!(WORLD.contains(&format!("viewBox=\"0 0 {} {}\"", map::WIDTH, map::HEIGHT)));
    assert!(WORLD.contains("Natural Earth") && WORLD.contains("world-atlas@"));
    // The app draws `#land`, then `#c-XX` for each shaded country.
    let land = WORLD
        .split("<g id=\"land\">")
        .nth(1)
        .expect("a group with id land");
    let paths: Vec<&str> = land.lines().filter(|l| l.starts_with("<path ")).collect();
    assert!(paths.len() > 170, "{}", paths.len());
    assert!(paths
        .iter()
        .all(|p| p.contains("vector-effect=\"non-scaling-stroke\"")
            && p.contains(" d=\"M")
            && p.ends_with("z\"/>")));
    // Every country that hosts a Region in a profile's route can be shaded (a few host
    // countries are too small for the 1:110m outline and are named in the text instead).
    for country in [
        "US", "CA", "DE", "JP", "AU", "BR", "IN", "ZA", "GB", "FR", "IE", "KR",
    ] {
        assert!(WORLD.contains(&format!("id=\"c-{country}\"")), "{country}");
    }
}

#[test]
fn the_route_map_draws_one_line_per_destination() {
    let profile = catalog()
        .profile(&ProfileId::new(format!("us.{SONNET}")))
        .unwrap();
    let to = profile
        .destinations_from(&RegionCode::new("ca-central-1"))
        .unwrap();
    let view = route_map(catalog(), Some(&RegionCode::new("ca-central-1")), to);
    assert_eq!(view.routes.len(), to.len());
    let drawn: Vec<&str> = view.routes.iter().map(|r| r.to.code.as_str()).collect();
    assert_eq!(drawn, codes(to));
    // The source is one of its own destinations: drawn as a loop without an arrowhead.
    let own = &view.routes[0];
    assert_eq!(own.to.code.as_str(), "ca-central-1");
    assert!(own.arrow.is_empty() && own.km == 0.0);
    assert!(view.routes[1..].iter().all(|r| !r.arrow.is_empty()));
    let role = |code: &str| {
        view.markers
            .iter()
            .find(|m| m.region.code.as_str() == code)
            .unwrap()
            .role
    };
    assert_eq!(role("ca-central-1"), Role::SourceAndDestination);
    assert_eq!(role("us-east-1"), Role::Destination);
    assert_eq!(role("eu-west-1"), Role::Other);
    assert_eq!(view.markers.len(), catalog().regions.len());
    assert_eq!(view.shaded.get("CA"), Some(&Shade::SourceAndDestination));
    assert_eq!(view.shaded.get("US"), Some(&Shade::Destination));
    assert_eq!(view.shaded.len(), 2);
    let vb = view.view_box;
    assert!(vb.width < map::WIDTH, "zoomed to North America: {vb}");
    assert!(vb.x >= 0.0 && vb.y >= 0.0);
    assert!(vb.x + vb.width <= map::WIDTH && vb.y + vb.height <= map::HEIGHT);
    assert!(view
        .summary()
        .starts_with("Routes from the source Region ca-central-1"));
}

#[test]
fn every_involved_region_gets_a_visible_label() {
    // Rows: profile, source.
    let rows = [
        (format!("eu.{SONNET}"), "eu-central-1"),
        (format!("global.{SONNET}"), "us-east-1"),
        (format!("us.{SONNET}"), "ca-central-1"),
    ];
    for (profile, source) in rows {
        let to = catalog()
            .profile(&ProfileId::new(profile.as_str()))
            .unwrap()
            .destinations_from(&RegionCode::new(source))
            .unwrap();
        let view = route_map(catalog(), Some(&RegionCode::new(source)), to);
        for m in view.markers.iter().filter(|m| m.role != Role::Other) {
            assert!(
                m.label.is_some(),
                "{profile} from {source}: {} unlabelled",
                m.region.code
            );
        }
    }
}

#[test]
fn a_route_across_the_date_line_leaves_one_edge_and_enters_the_other() {
    let to = [RegionCode::new("ap-northeast-1")];
    let view = route_map(catalog(), Some(&RegionCode::new("us-west-2")), &to);
    assert_eq!(view.view_box, ViewBox::WORLD);
    assert_eq!(view.routes[0].path.matches('M').count(), 2);
    let near = route_map(
        catalog(),
        Some(&RegionCode::new("us-east-1")),
        &[RegionCode::new("us-west-2")],
    );
    assert_eq!(near.routes[0].path.matches('M').count(), 1);
}

#[test]
fn without_a_source_the_map_marks_destinations_and_draws_no_line() {
    let to = [RegionCode::new("eu-west-1"), RegionCode::new("nowhere-1")];
    let view = route_map(catalog(), None, &to);
    assert!(view.routes.is_empty());
    assert_eq!(
        view.markers
            .iter()
            .filter(|m| m.role == Role::Destination)
            .count(),
        1
    );
    assert_eq!(view.shaded.get("IE"), Some(&Shade::Destination));
    assert_eq!(map::format_km(9120.4), "9,120 km");
    assert_eq!(map::format_km(12.0), "12 km");
}

// ---- benchmark aid ----

#[test]
fn the_benchmark_catalog_replicates_models_and_profiles_with_valid_ids() {
    let real = catalog();
    let big = replicate(real, 10).expect("a valid catalog");
    assert_eq!(big.models.len(), real.models.len() * 10);
    assert_eq!(big.profiles.len(), real.profiles.len() * 10);
    assert_eq!(big.regions.len(), real.regions.len());
    let copy = format!("{SONNET}-bench7");
    assert_eq!(
        big.model(&ModelId::new(copy.as_str())).unwrap().name,
        "Claude Sonnet 4.5 (copy 7)"
    );
    assert!(big.profile(&ProfileId::new(format!("eu.{copy}"))).is_some());
    let query = Query {
        text: "claude-sonnet-4-5-2025".into(),
        ..Query::default()
    };
    assert_eq!(query.run(&big).hits.len(), 10 * query.run(real).hits.len());
    // Rows: asked factor, models per real model.
    for (factor, times) in [(0, 1), (1, 1), (MAX_FACTOR, 20), (255, 20)] {
        let models = replicate(real, factor).unwrap().models.len();
        assert_eq!(models, real.models.len() * times, "factor {factor}");
    }
}

// ---- routes ----

/// The route of a URL relative to the site root.
fn parse(href: &str) -> Route {
    let (path, query) = href.split_once('?').unwrap_or((href, ""));
    Route::from_path(path, query)
}

#[test]
fn page_urls_round_trip_with_ids_as_file_names() {
    // Rows: route, its URL relative to the site root, its file.
    let rows = [
        (
            Route::Model(ModelId::new(SONNET)),
            "model/anthropic.claude-sonnet-4-5-20250929-v1~0/",
            "model/anthropic.claude-sonnet-4-5-20250929-v1~0/index.html",
        ),
        (
            Route::Profile {
                id: ProfileId::new(format!("us.{SONNET}")),
                from: Some(RegionCode::new("ca-central-1")),
            },
            "profile/us.anthropic.claude-sonnet-4-5-20250929-v1~0/?from=ca-central-1",
            "profile/us.anthropic.claude-sonnet-4-5-20250929-v1~0/index.html",
        ),
        (
            Route::Profile {
                id: ProfileId::new("jp.x"),
                from: None,
            },
            "profile/jp.x/",
            "profile/jp.x/index.html",
        ),
        (
            Route::Region(RegionCode::new("eu-central-1")),
            "region/eu-central-1/",
            "region/eu-central-1/index.html",
        ),
        (Route::Home, "./", "index.html"),
        (
            Route::Concepts(Some("residency".into())),
            "concepts/residency/",
            "concepts/residency/index.html",
        ),
        #[cfg(feature = "bench")]
        (
            Route::ExploreBench {
                factor: 10,
                query: Query {
                    text: "nova".into(),
                    ..Query::default()
                },
            },
            "explore/?bench=10&q=nova",
            "explore/index.html",
        ),
    ];
    for (route, href, file) in rows {
        assert_eq!(route.href(), href);
        assert_eq!(route.file(), file);
        assert_eq!(parse(href), route, "{href}");
    }
    // Out-of-range benchmark factors are ignored, as any unknown parameter.
    for href in ["explore/?bench=1", "explore/?bench=99", "explore/?bench=x"] {
        assert_eq!(parse(href), Route::Explore(Query::default()));
    }
}

#[test]
fn links_of_the_first_version_redirect_to_their_pages() {
    use cris_atlas::route::legacy_redirect;
    // Rows: URL relative to the site root, fragment, where it now lives (None: stay).
    let rows = [
        ("", "#/explore?q=nova", Some("explore/?q=nova")),
        (
            "index.html",
            "#/model/amazon.nova-lite-v1%3A0",
            Some("model/amazon.nova-lite-v1~0/"),
        ),
        (
            "",
            "#/profile/us.amazon.nova-lite-v1:0?from=us-east-1",
            Some("profile/us.amazon.nova-lite-v1~0/?from=us-east-1"),
        ),
        ("", "#/concepts/residency", Some("concepts/residency/")),
        ("", "#/", None),
        ("", "#main", None),
        ("", "", None),
        ("explore/", "#/plan", None),
    ];
    for (url, hash, expected) in rows {
        assert_eq!(
            legacy_redirect(url, hash).as_deref(),
            expected,
            "{url}{hash}"
        );
    }
}

// ---- render ----

#[tokio::test]
async fn the_model_page_renders_the_matrix_as_a_real_table() {
    let html = render(Route::Model(ModelId::new(SONNET))).await;
    let model = catalog().model(&ModelId::new(SONNET)).unwrap();
    let matrix = model_matrix(catalog(), model);
    assert!(html.contains("<h1>Claude Sonnet 4.5</h1>"));
    assert_eq!(
        count(&html, r#"data-testid="matrix-row""#),
        matrix.rows.len()
    );
    assert_eq!(
        count(&html, r#"<th scope="col">"#),
        matrix.columns.len() + 1
    );
    assert_eq!(count(&html, r#"<th scope="row">"#), matrix.rows.len());
    assert!(html.contains("not offered"));
    // Its lifecycle as the catalog says it (Claude Sonnet 4.5 is legacy since 2026-10).
    assert!(html.contains(&model.lifecycle.describe()));
    let source = catalog().source(&model.source).unwrap();
    assert!(html.contains(&source.url));
    assert!(html.contains(&format!("as of {}", model.as_of)));
    assert!(html.contains(
        "href=\"profile/us.anthropic.claude-sonnet-4-5-20250929-v1~0/?from=ca-central-1\""
    ));
    assert!(html.contains(r#"tabindex="0" role="region""#));
}

#[tokio::test]
async fn the_profile_page_warns_draws_and_lists_iam_for_the_chosen_source() {
    let html = render(Route::Profile {
        id: ProfileId::new(format!("us.{SONNET}")),
        from: Some(RegionCode::new("ca-central-1")),
    })
    .await;
    assert!(html.contains("data leaves Canada"));
    assert_eq!(count(&html, r#"data-testid="route-line""#), 4);
    assert_eq!(count(&html, r#"data-testid="destination-row""#), 4);
    assert_eq!(
        count(&html, r#"data-testid="map-region""#),
        catalog().regions.len()
    );
    assert!(html.contains(r#"role="img""#) && html.contains("<title id=\"profile-map-title\">"));
    assert!(
        html.contains("<desc id=\"profile-map-desc\">Routes from the source Region ca-central-1")
    );
    assert!(html.contains(r#"<option value="ca-central-1" selected"#));
    assert!(html.contains(&format!(
        "arn:aws:bedrock:us-west-2::foundation-model/{SONNET}"
    )));
    assert!(html.contains("Copy routing table as Markdown"));
    assert!(html.contains(r#"data-testid="copy-id""#));
    for cite in [
        "inference-profiles-support.html",
        "geographic-cross-region-inference.html",
    ] {
        assert!(html.contains(cite), "{cite}");
    }
}

#[tokio::test]
async fn the_profile_page_without_a_source_shows_its_usual_source() {
    let html = render(Route::Profile {
        id: ProfileId::new(format!("jp.{SONNET}")),
        from: None,
    })
    .await;
    assert!(html.contains("Showing ap-northeast-1, the source Region most of its routes share"));
    assert_eq!(count(&html, r#"data-testid="route-line""#), 2);
    assert!(!html.contains("data leaves"));
    // us. from Canada is the exception, not the usual route: the page starts from us-east-1.
    let us = render(Route::Profile {
        id: ProfileId::new(format!("us.{SONNET}")),
        from: None,
    })
    .await;
    assert!(us.contains("Showing us-east-1,"), "the usual route");
    let jp = render(Route::Profile {
        id: ProfileId::new(format!("jp.{SONNET}")),
        from: Some(RegionCode::new("ap-northeast-3")),
    })
    .await;
    assert!(jp.contains("Every destination is in Japan and none is an opt-in Region."));
    let global = render(Route::Profile {
        id: ProfileId::new(format!("global.{SONNET}")),
        from: Some(RegionCode::new("eu-west-1")),
    })
    .await;
    assert!(global.contains(&format!("arn:aws:bedrock:::foundation-model/{SONNET}")));
    assert!(global.contains("global-cross-region-inference.html"));
}

#[tokio::test]
async fn unknown_ids_and_sources_show_an_error_panel() {
    // Rows: route, expected heading.
    let rows = [
        (
            Route::Profile {
                id: ProfileId::new(format!("us.{SONNET}")),
                from: Some(RegionCode::new("eu-west-1")),
            },
            "Not a source Region of this profile",
        ),
        (
            Route::Profile {
                id: ProfileId::new("xx.nothing"),
                from: None,
            },
            "No such inference profile in the catalog",
        ),
        (
            Route::Model(ModelId::new("nothing")),
            "No such model in the catalog",
        ),
        (
            Route::Region(RegionCode::new("mars-1")),
            "No such Region in the catalog",
        ),
    ];
    for (route, heading) in rows {
        let html = render(route.clone()).await;
        assert!(html.contains(r#"role="alert""#), "{route:?}");
        assert!(html.contains(heading), "{route:?}");
    }
}

#[tokio::test]
async fn the_region_page_lists_what_can_and_cannot_be_called() {
    let html = render(Route::Region(RegionCode::new("ca-central-1"))).await;
    let region = catalog().region(&RegionCode::new("ca-central-1")).unwrap();
    let s = region_summary(catalog(), region);
    assert!(html.contains("Canada (Central) · ca-central-1"));
    assert_eq!(
        count(&html, r#"data-testid="reach-row""#),
        s.geographic.len() + s.global.len()
    );
    assert!(html.contains("leaves Canada"));
    assert!(html.contains(r#"data-testid="unreachable-list""#));
    assert!(html.contains(
        "href=\"profile/global.anthropic.claude-sonnet-4-5-20250929-v1~0/?from=ca-central-1\""
    ));
    assert!(html.contains("href=\"explore/?from=ca-central-1\""));
}

#[tokio::test]
async fn explore_links_results_and_offers_the_csv() {
    let query = Query {
        text: "claude-sonnet-4-5-2025".into(),
        callable_from: Some(RegionCode::new("ca-central-1")),
        ..Query::default()
    };
    let html = render(Route::Explore(query)).await;
    assert!(html.contains("href=\"model/anthropic.claude-sonnet-4-5-20250929-v1~0/\""));
    assert!(html.contains(
        "href=\"profile/us.anthropic.claude-sonnet-4-5-20250929-v1~0/?from=ca-central-1\""
    ));
    assert!(html.contains(r#"data-testid="download-csv""#));
}

#[tokio::test]
async fn the_benchmark_aid_searches_a_catalog_ten_times_larger() {
    let html = render(Route::ExploreBench {
        factor: 10,
        query: Query {
            text: "claude-sonnet-4-5-2025".into(),
            ..Query::default()
        },
    })
    .await;
    assert!(html.contains(r#"data-testid="bench-note""#));
    assert_eq!(count(&html, r#"data-testid="model-row""#), 10);
    assert!(html.contains("10 models"));
}

#[test]
fn prepared_matching_agrees_with_running_the_whole_query() {
    // Rows: search text, over the same filters (unfiltered, then ca-central-1 within Canada).
    let texts = [
        "",
        "c",
        "claude",
        "CLAUDE  Sonnet",
        "eu.anthropic",
        "anthropic haiku",
        "v1:0",
        "zzz",
        "cohere embed",
    ];
    let filter_sets = [
        Query::default(),
        Query {
            callable_from: Some(RegionCode::new("ca-central-1")),
            within: Some(atlas_core::catalog::residency::Residency::Country {
                code: atlas_core::catalog::ids::CountryCode::new("CA"),
            }),
            ..Query::default()
        },
    ];
    for filters in &filter_sets {
        let prepared = filters.prepare(catalog());
        for text in texts {
            let query = Query {
                text: text.into(),
                ..filters.clone()
            };
            let expected: Vec<&str> = query
                .run(catalog())
                .hits
                .iter()
                .map(|h| h.model.id.as_str())
                .collect();
            let got: Vec<&str> = prepared
                .hits
                .iter()
                .zip(prepared.matching(text))
                .filter(|(_, shown)| *shown)
                .map(|(h, _)| h.model.id.as_str())
                .collect();
            assert_eq!(got, expected, "{text:?} with {filters:?}");
        }
    }
}

#[tokio::test]
async fn explore_keeps_hidden_rows_out_of_the_count_and_the_test_ids() {
    let html = render(Route::Explore(Query {
        text: "claude-sonnet-4-5-2025".into(),
        ..Query::default()
    }))
    .await;
    assert_eq!(count(&html, r#"data-testid="model-row""#), 1);
    let rows = count(&html, "data-model-id=");
    assert_eq!(rows, catalog().models.len(), "every row stays mounted");
    assert_eq!(
        rows - count(&html, r#"hidden="hidden""#),
        1,
        "one shown row, the rest hidden"
    );
}

#[test]
fn a_count_of_one_reads_in_the_singular() {
    let html = atlas_cli::prerender::main_html(catalog(), &Route::Explore(Query::default()));
    // Profiles called from one source Region, models in one Region: the catalog has both.
    assert!(
        html.contains("from 1 source Region<"),
        "no single-source profile"
    );
    assert!(!html.contains("from 1 source Regions"));
    assert!(!html.contains("in 1 Regions") && !html.contains("→ 1 Regions"));
}

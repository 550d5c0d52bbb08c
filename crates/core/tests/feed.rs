//! The change feed: one entry per change that can alter a decision, a new destination naming
//! the country it adds, every import kept; the Atom feed carries RFC 4287's required elements
//! with absolute IDs and links; a plan hears of the changes since its review that touch it.
#![cfg(not(target_arch = "wasm32"))]

use atlas_core::browse::feed::{entries, to_atom, to_json, Scope};
use atlas_core::browse::since::{since_review, SinceReview};
use atlas_core::catalog::data;
use atlas_core::catalog::ids::{ModelId, ProfileId, RegionCode};
use atlas_core::catalog::schema::{
    AddedDestination, Change, Endpoint, InRegionChanges, OfferChange, PriceChange, TableChange,
};
use atlas_core::catalog::Catalog;
use atlas_core::plan::Plan;

const SONNET_45: &str = "anthropic.claude-sonnet-4-5-20250929-v1:0";
const EU_SONNET_45: &str = "eu.anthropic.claude-sonnet-4-5-20250929-v1:0";
const BASE: &str = "https://example.com/atlas/";

/// The embedded catalog with one more import on 2026-11-15: `eu-central-1`'s route of the EU
/// Sonnet 4.5 profile gains `ap-south-1` (India, a new country), Nova Pro's in-Region offer in
/// `us-east-1` moves to bedrock-mantle, a price moves from $3.00 to $3.30, and the data retention
/// table changes for Sonnet 4.5 and in its general rules.
fn with_import() -> Catalog {
    let mut catalog = data::catalog().expect("the embedded catalog").clone();
    let change = Change {
        as_of: "2026-11-15".into(),
        previous_as_of: catalog.meta.as_of.clone(),
        from: "test import".into(),
        models_added: vec![],
        models_retired: vec![],
        models_legacy: vec![],
        profiles_added: vec![],
        profiles_withdrawn: vec![],
        destinations_added: vec![AddedDestination {
            profile: ProfileId::new(EU_SONNET_45),
            source: RegionCode::new("eu-central-1"),
            region: RegionCode::new("ap-south-1"),
            adds_country: true,
        }],
        in_region: InRegionChanges {
            added: 0,
            removed: 0,
            endpoint_changed: 1,
        },
        offers: vec![OfferChange {
            model: ModelId::new("amazon.nova-pro-v1:0"),
            region: RegionCode::new("us-east-1"),
            before: Some(Endpoint::Runtime),
            after: Some(Endpoint::Mantle),
        }],
        prices: vec![PriceChange {
            model: ModelId::new(SONNET_45),
            profile: Some(ProfileId::new(EU_SONNET_45)),
            region: None,
            before: (3_000_000, 15_000_000),
            after: (3_300_000, 15_000_000),
        }],
        tables: vec![
            TableChange {
                file: "data-retention.json".into(),
                model: None,
            },
            TableChange {
                file: "service-tiers.json".into(),
                model: Some(ModelId::new(SONNET_45)),
            },
        ],
    };
    catalog.meta.changes.insert(0, change);
    catalog.meta.as_of = "2026-11-15".into();
    catalog
}

#[test]
fn a_new_destination_names_the_country_it_adds() {
    let catalog = with_import();
    let all = entries(&catalog);
    let first = &all[0];
    assert_eq!(first.kind, "destination_added");
    assert_eq!(first.adds_country.as_deref(), Some("India"));
    assert_eq!(
        first.title,
        "eu.anthropic.claude-sonnet-4-5-20250929-v1:0: ap-south-1 added as a destination from \
         eu-central-1 (adds a country: India)"
    );
    assert_eq!(
        first.link,
        "profile/eu.anthropic.claude-sonnet-4-5-20250929-v1~0/?from=eu-central-1"
    );
    assert_eq!(first.id, "import-2-1");
    assert_eq!(
        first.scope,
        Scope::Model {
            model: ModelId::new(SONNET_45),
            regions: vec![RegionCode::new("eu-central-1")],
        }
    );
    // Rows: kind, title of the new import's other entries, in order.
    let rows = [
        (
            "in_region_moved",
            "amazon.nova-pro-v1:0: in-Region offer moved from bedrock-runtime to bedrock-mantle \
             in us-east-1",
        ),
        (
            "price_changed",
            "eu.anthropic.claude-sonnet-4-5-20250929-v1:0: price per million tokens moved from \
             $3.00 in / $15.00 out to $3.30 in / $15.00 out",
        ),
        (
            "table_changed",
            "data-retention.json: what it says for every model changed",
        ),
        (
            "table_changed",
            "anthropic.claude-sonnet-4-5-20250929-v1:0: its entries in the hand-transcribed \
             table service-tiers.json changed",
        ),
    ];
    for (entry, (kind, title)) in all[1..5].iter().zip(rows) {
        assert_eq!((entry.kind, entry.title.as_str()), (kind, title));
    }
    // The recorded import of 2026-10-27 follows, in full: 15 models added, 5 retired, 9 moved
    // to Legacy, its in-Region counts as one entry, and its profiles.
    let older: Vec<_> = all.iter().filter(|e| e.date == "2026-10-27").collect();
    let count = |kind: &str| older.iter().filter(|e| e.kind == kind).count();
    assert_eq!(
        (
            count("model_added"),
            count("model_retired"),
            count("model_legacy"),
            count("in_region_changed")
        ),
        (15, 5, 9, 1)
    );
    assert!(older.iter().all(|e| e.id.starts_with("import-1-")));
}

#[test]
fn json_links_are_absolute_with_a_base_url_and_relative_without() {
    let catalog = with_import();
    let absolute: serde_json::Value = serde_json::from_str(&to_json(&catalog, Some(BASE))).unwrap();
    let relative: serde_json::Value = serde_json::from_str(&to_json(&catalog, None)).unwrap();
    assert_eq!(absolute["catalog_as_of"], "2026-11-15");
    assert_eq!(
        absolute["entries"][0]["link"],
        "https://example.com/atlas/profile/eu.anthropic.claude-sonnet-4-5-20250929-v1~0/?from=eu-central-1"
    );
    assert_eq!(
        relative["entries"][0]["link"],
        "profile/eu.anthropic.claude-sonnet-4-5-20250929-v1~0/?from=eu-central-1"
    );
    assert_eq!(relative["entries"][0]["adds_country"], "India");
}

/// The text of every `<tag>...</tag>` directly in `xml` (no nesting of the same tag).
fn elements<'a>(xml: &'a str, tag: &str) -> Vec<&'a str> {
    let (open, close) = (format!("<{tag}>"), format!("</{tag}>"));
    xml.split(&open)
        .skip(1)
        .filter_map(|rest| rest.split_once(&close).map(|(inner, _)| inner))
        .collect()
}

/// Whether `text` is an RFC 3339 date-time as the feed writes it: `YYYY-MM-DDThh:mm:ssZ`.
fn is_timestamp(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 20
        && text.char_indices().all(|(i, c)| match i {
            4 | 7 => c == '-',
            10 => c == 'T',
            13 | 16 => c == ':',
            19 => c == 'Z',
            _ => c.is_ascii_digit(),
        })
}

#[test]
fn the_atom_feed_has_rfc_4287_required_elements_and_absolute_links() {
    let catalog = with_import();
    let atom = to_atom(&catalog, BASE);
    assert!(atom.starts_with(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"
    ));
    assert!(atom.trim_end().ends_with("</feed>"));
    let (head, _) = atom.split_once("<entry>").unwrap();
    // atom:feed: exactly one id, title and updated; an author (no entry has its own); a self link.
    assert_eq!(
        elements(head, "id"),
        vec!["https://example.com/atlas/changes.xml"]
    );
    assert_eq!(elements(head, "title").len(), 1);
    assert_eq!(elements(head, "updated"), vec!["2026-11-15T00:00:00Z"]);
    assert_eq!(elements(head, "name"), vec!["CRIS Atlas"]);
    assert!(head.contains(
        "rel=\"self\" type=\"application/atom+xml\" href=\"https://example.com/atlas/changes.xml\""
    ));
    let bodies = elements(&atom, "entry");
    assert_eq!(bodies.len(), entries(&catalog).len());
    let mut ids = std::collections::BTreeSet::new();
    for body in &bodies {
        let id = elements(body, "id");
        assert_eq!(id.len(), 1, "{body}");
        assert!(id[0].starts_with(BASE), "{body}");
        assert!(ids.insert(id[0]), "duplicate id {}", id[0]);
        assert_eq!(elements(body, "title").len(), 1, "{body}");
        assert!(!elements(body, "title")[0].is_empty());
        let updated = elements(body, "updated");
        assert!(updated.len() == 1 && is_timestamp(updated[0]), "{body}");
        // Every link absolute; an entry without content has an alternate link (4.1.1.1).
        let hrefs: Vec<&str> = body
            .split("href=\"")
            .skip(1)
            .map(|r| r.split('"').next().unwrap())
            .collect();
        assert!(!hrefs.is_empty(), "{body}");
        assert!(hrefs.iter().all(|h| h.starts_with("https://")), "{body}");
        assert!(body.contains("rel=\"alternate\""), "{body}");
    }
    // Markup in a title is escaped, and no raw `&` is left in the document.
    assert!(!atom
        .replace("&amp;", "")
        .replace("&lt;", "")
        .replace("&gt;", "")
        .replace("&quot;", "")
        .contains('&'));
}

/// A plan with an EU workload of Sonnet 4.5 from eu-central-1, one from eu-west-1, and a
/// Nova Lite one, reviewed against the catalog of 2026-10-27.
fn plan<'c>(catalog: &'c Catalog, reviewed: Option<&str>) -> Plan<'c> {
    let header = reviewed.map_or(String::new(), |d| format!("\"reviewed_against\":\"{d}\","));
    let text = format!(
        r#"{{"version":2,{header}"workloads":[
 {{"name":"EU chat","model_id":"{SONNET_45}","source_region":"eu-central-1",
  "residency":{{"kind":"geography","name":"EU"}},"traffic":"steady","sla":"best_effort"}},
 {{"name":"Dublin chat","model_id":"{SONNET_45}","source_region":"eu-west-1",
  "residency":{{"kind":"geography","name":"EU"}},"traffic":"steady","sla":"best_effort"}},
 {{"name":"Lite","model_id":"amazon.nova-lite-v1:0","source_region":"us-east-1",
  "residency":{{"kind":"none"}},"traffic":"steady","sla":"best_effort"}}]}}"#
    );
    Plan::parse(&text, catalog).expect("the plan")
}

#[test]
fn a_plan_hears_of_the_changes_since_its_review_that_touch_it() {
    let catalog = with_import();
    let review = since_review(&catalog, &plan(&catalog, Some("2026-10-27")), None);
    let SinceReview::Since {
        since,
        now,
        touches,
    } = &review
    else {
        panic!("{review:?}");
    };
    assert_eq!((since.as_str(), now.as_str()), ("2026-10-27", "2026-11-15"));
    // Rows: entry kind, workloads touched. The new destination is on eu-central-1's route only;
    // the profile's price and the tier table concern the model from any Region; the retention
    // table's general rules every workload; Nova Pro's offer none of them.
    let found: Vec<(&str, Vec<&str>)> = touches
        .iter()
        .map(|t| {
            (
                t.entry.kind,
                t.workloads.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        found,
        vec![
            ("destination_added", vec!["EU chat"]),
            ("price_changed", vec!["EU chat", "Dublin chat"]),
            ("table_changed", vec!["EU chat", "Dublin chat", "Lite"]),
            ("table_changed", vec!["EU chat", "Dublin chat"]),
        ]
    );
    assert_eq!(
        review.headline(),
        "Reviewed against the catalog of 2026-10-27; 4 changes since touch this plan."
    );
    // Reviewed against the newest catalog: nothing since.
    let current = since_review(&catalog, &plan(&catalog, Some("2026-11-15")), None);
    assert_eq!(
        current.headline(),
        "Reviewed against the catalog of 2026-11-15; no change since touches this plan."
    );
    // Never reviewed, unless a date is given.
    let unreviewed = plan(&catalog, None);
    assert_eq!(
        since_review(&catalog, &unreviewed, None),
        SinceReview::NotReviewed
    );
    assert_eq!(
        since_review(&catalog, &unreviewed, None).headline(),
        "Not reviewed against any catalog yet."
    );
    let given = since_review(&catalog, &unreviewed, Some("2026-11-14"));
    assert!(
        given.headline().contains("; 4 changes since"),
        "{}",
        given.headline()
    );
}

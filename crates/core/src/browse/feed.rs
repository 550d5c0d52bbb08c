//! The change feed: every recorded import's changes that can alter a decision, one entry each,
//! with the page it concerns. A destination added to a profile says whether it adds a country
//! (which); a model moved to Legacy carries its end-of-life date when published; in-Region
//! offers added, removed or moved between endpoints, prices that moved by more than 5% and the
//! hand-transcribed tables (retention facts, service tiers, quotas) that changed for a model are
//! entries too. The site writes it as `changes.json` and, with an absolute base URL, as the Atom
//! feed `changes.xml` (RFC 4287).

use crate::browse::explore::percent_encode;
use crate::catalog::ids::{ModelId, ProfileId, RegionCode};
use crate::catalog::schema::{Change, Endpoint, Lifecycle, OfferChange, PriceChange};
use crate::catalog::Catalog;
use crate::plan::money::usd;
use serde::Serialize;
use std::collections::BTreeMap;

/// Who an entry can concern: the workloads it may touch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// Workloads of this model; from these source Regions only, when any are named.
    Model {
        /// The model.
        model: ModelId,
        /// The source Regions the change applies to (empty: any).
        regions: Vec<RegionCode>,
    },
    /// Every workload (a rule for every model, or a change whose detail was not recorded).
    Every,
}

/// One change that can alter a decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// Unique and stable within the feed: `import-<n>-<k>`, the import's number counted from
    /// the oldest kept and the entry's place in it.
    pub id: String,
    /// The catalog's date after the import (`YYYY-MM-DD`).
    pub date: String,
    /// What kind of change, such as `destination_added`.
    pub kind: &'static str,
    /// The change in one line.
    pub title: String,
    /// The page it concerns, relative to the site root (such as `model/amazon.nova-lite-v1~0/`).
    pub link: String,
    /// The country a new destination adds to the profile's route, when it adds one.
    pub adds_country: Option<String>,
    /// Which workloads it can concern.
    pub scope: Scope,
}

fn model_link(id: &str) -> String {
    format!("model/{}/", segment(id))
}

/// An ID as one path segment, as the app's routes write it.
fn segment(id: &str) -> String {
    percent_encode(id).replace(':', "~").replace(',', "%2C")
}

fn model_scope(model: &ModelId, region: Option<&RegionCode>) -> Scope {
    Scope::Model {
        model: model.clone(),
        regions: region.into_iter().cloned().collect(),
    }
}

/// The model a profile ID names: the ID without its scope prefix (`eu.`, `global.`, ...).
fn profile_model(id: &str) -> ModelId {
    ModelId::new(id.split_once('.').map_or(id, |(_, rest)| rest))
}

/// Every entry of every recorded import, newest first.
pub fn entries(catalog: &Catalog) -> Vec<Entry> {
    let count = catalog.meta.changes.len();
    catalog
        .meta
        .changes
        .iter()
        .enumerate()
        .flat_map(|(i, change)| import_entries(catalog, change, count - i))
        .collect()
}

/// An entry before its number is known.
struct Draft {
    kind: &'static str,
    title: String,
    link: String,
    adds_country: Option<String>,
    scope: Scope,
}

fn draft(kind: &'static str, title: String, link: String, scope: Scope) -> Draft {
    Draft {
        kind,
        title,
        link,
        adds_country: None,
        scope,
    }
}

fn import_entries(catalog: &Catalog, change: &Change, number: usize) -> Vec<Entry> {
    let mut drafts = destinations(catalog, change);
    drafts.extend(profiles(change));
    drafts.extend(models(catalog, change));
    drafts.extend(offers(change));
    drafts.extend(change.prices.iter().map(price));
    drafts.extend(change.tables.iter().map(|t| match &t.model {
        Some(model) => draft(
            "table_changed",
            format!(
                "{model}: its entries in the hand-transcribed table {} changed",
                t.file
            ),
            model_link(model.as_str()),
            model_scope(model, None),
        ),
        None => draft(
            "table_changed",
            format!("{}: what it says for every model changed", t.file),
            "data/".to_owned(),
            Scope::Every,
        ),
    }));
    drafts
        .into_iter()
        .enumerate()
        .map(|(k, d)| Entry {
            id: format!("import-{number}-{}", k + 1),
            date: change.as_of.clone(),
            kind: d.kind,
            title: d.title,
            link: d.link,
            adds_country: d.adds_country,
            scope: d.scope,
        })
        .collect()
}

/// New destinations, one entry per profile, destination and whether it adds a country, naming
/// the sources it was added from.
fn destinations(catalog: &Catalog, change: &Change) -> Vec<Draft> {
    let mut groups: BTreeMap<(&ProfileId, &RegionCode, bool), Vec<RegionCode>> = BTreeMap::new();
    for d in &change.destinations_added {
        groups
            .entry((&d.profile, &d.region, d.adds_country))
            .or_default()
            .push(d.source.clone());
    }
    groups
        .into_iter()
        .map(|((profile, region, adds), sources)| {
            let country = adds.then(|| catalog.country_name_of(region).to_owned());
            let adds = country.as_ref().map_or_else(
                || "no new country".to_owned(),
                |c| format!("adds a country: {c}"),
            );
            let from = match sources.as_slice() {
                [one] => one.to_string(),
                many => format!("{} source Regions", many.len()),
            };
            Draft {
                adds_country: country,
                ..draft(
                    "destination_added",
                    format!("{profile}: {region} added as a destination from {from} ({adds})"),
                    format!("profile/{}/?from={}", segment(profile.as_str()), sources[0]),
                    Scope::Model {
                        model: profile_model(profile.as_str()),
                        regions: sources,
                    },
                )
            }
        })
        .collect()
}

fn profiles(change: &Change) -> Vec<Draft> {
    let added = change.profiles_added.iter().map(|p| {
        let codes: Vec<&str> = p.countries.iter().map(|c| c.as_str()).collect();
        draft(
            "profile_added",
            format!(
                "{}: profile added (may process prompts in {})",
                p.profile,
                codes.join(", ")
            ),
            format!("profile/{}/", segment(p.profile.as_str())),
            model_scope(&profile_model(p.profile.as_str()), None),
        )
    });
    let withdrawn = change.profiles_withdrawn.iter().map(|p| {
        let model = profile_model(p.as_str());
        draft(
            "profile_withdrawn",
            format!("{p}: profile withdrawn"),
            model_link(model.as_str()),
            model_scope(&model, None),
        )
    });
    added.chain(withdrawn).collect()
}

fn models(catalog: &Catalog, change: &Change) -> Vec<Draft> {
    let added = change.models_added.iter().map(|m| {
        draft(
            "model_added",
            format!("{m}: model added"),
            model_link(m.as_str()),
            model_scope(m, None),
        )
    });
    let legacy = change.models_legacy.iter().map(|m| {
        let date = match catalog.model(m).map(|x| &x.lifecycle) {
            Some(Lifecycle::Legacy {
                end_of_life: Some(date),
            }) => format!("end of life {date}"),
            _ => "no end-of-life date published".to_owned(),
        };
        draft(
            "model_legacy",
            format!("{m}: moved to Legacy ({date})"),
            model_link(m.as_str()),
            model_scope(m, None),
        )
    });
    let retired = change.models_retired.iter().map(|r| {
        draft(
            "model_retired",
            format!("{}: retired on {}", r.model, r.retired_on),
            model_link(r.model.as_str()),
            model_scope(&r.model, None),
        )
    });
    added.chain(legacy).chain(retired).collect()
}

fn endpoint(e: Option<Endpoint>) -> &'static str {
    e.map_or("none", Endpoint::name)
}

fn offers(change: &Change) -> Vec<Draft> {
    let counts = &change.in_region;
    let total = counts.added + counts.removed + counts.endpoint_changed;
    if change.offers.is_empty() && total > 0 {
        // Imports before the feed recorded counts only.
        return vec![draft(
            "in_region_changed",
            format!(
                "{} in-Region offers added, {} removed, {} moved to another endpoint (not \
                 recorded one by one in this import)",
                counts.added, counts.removed, counts.endpoint_changed
            ),
            "data/".to_owned(),
            Scope::Every,
        )];
    }
    change.offers.iter().map(offer).collect()
}

fn offer(o: &OfferChange) -> Draft {
    let (kind, what) = match (o.before, o.after) {
        (None, after) => (
            "in_region_added",
            format!("in-Region offer added on {}", endpoint(after)),
        ),
        (before, None) => (
            "in_region_removed",
            format!("in-Region offer on {} removed", endpoint(before)),
        ),
        (before, after) => (
            "in_region_moved",
            format!(
                "in-Region offer moved from {} to {}",
                endpoint(before),
                endpoint(after)
            ),
        ),
    };
    draft(
        kind,
        format!("{}: {what} in {}", o.model, o.region),
        model_link(o.model.as_str()),
        model_scope(&o.model, Some(&o.region)),
    )
}

fn price(p: &PriceChange) -> Draft {
    let (subject, link) = match (&p.profile, &p.region) {
        (Some(profile), _) => (
            profile.to_string(),
            format!("profile/{}/", segment(profile.as_str())),
        ),
        (None, Some(region)) => (
            format!("{} in {region}", p.model),
            model_link(p.model.as_str()),
        ),
        (None, None) => (p.model.to_string(), model_link(p.model.as_str())),
    };
    draft(
        "price_changed",
        format!(
            "{subject}: price per million tokens moved from {} in / {} out to {} in / {} out",
            usd(p.before.0),
            usd(p.before.1),
            usd(p.after.0),
            usd(p.after.1)
        ),
        link,
        model_scope(&p.model, p.region.as_ref()),
    )
}

/// The feed as `changes.json`: the catalog's date and every entry, links absolute when
/// `base_url` (ending in `/`) is given, else relative to the site root.
pub fn to_json(catalog: &Catalog, base_url: Option<&str>) -> String {
    #[derive(Serialize)]
    struct Feed<'a> {
        title: &'static str,
        catalog_as_of: &'a str,
        entries: Vec<Entry>,
    }
    let base = base_url.unwrap_or("");
    let entries = entries(catalog)
        .into_iter()
        .map(|e| Entry {
            link: format!("{base}{}", e.link),
            ..e
        })
        .collect();
    let feed = Feed {
        title: TITLE,
        catalog_as_of: &catalog.meta.as_of,
        entries,
    };
    serde_json::to_string_pretty(&feed).unwrap_or_default() + "\n"
}

/// The feed's title.
pub const TITLE: &str = "CRIS Atlas: catalog changes that can alter a decision";

fn xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A date as an RFC 3339 timestamp (the catalog dates days, not times: midnight UTC).
fn timestamp(date: &str) -> String {
    format!("{date}T00:00:00Z")
}

/// The feed as Atom (RFC 4287) for the site at `base_url` (absolute, ending in `/`): the feed's
/// and every entry's `id` and links absolute.
pub fn to_atom(catalog: &Catalog, base_url: &str) -> String {
    let entries = entries(catalog);
    let updated = entries
        .first()
        .map_or(catalog.meta.as_of.as_str(), |e| e.date.as_str());
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n\
         <feed xmlns=\"http://www.w3.org/2005/Atom\">\n\
         \x20 <id>{base}changes.xml</id>\n\
         \x20 <title>{title}</title>\n\
         \x20 <updated>{updated}</updated>\n\
         \x20 <author><name>CRIS Atlas</name></author>\n\
         \x20 <link rel=\"self\" type=\"application/atom+xml\" href=\"{base}changes.xml\"/>\n\
         \x20 <link rel=\"alternate\" type=\"text/html\" href=\"{base}data/\"/>\n",
        base = xml(base_url),
        title = xml(TITLE),
        updated = timestamp(updated),
    );
    for e in &entries {
        out.push_str(&format!(
            "  <entry>\n\
             \x20   <id>{base}changes.xml#{id}</id>\n\
             \x20   <title>{title}</title>\n\
             \x20   <updated>{updated}</updated>\n\
             \x20   <link rel=\"alternate\" type=\"text/html\" href=\"{base}{link}\"/>\n\
             \x20   <category term=\"{kind}\"/>\n\
             \x20 </entry>\n",
            base = xml(base_url),
            id = e.id,
            title = xml(&e.title),
            updated = timestamp(&e.date),
            link = xml(&e.link),
            kind = e.kind,
        ));
    }
    out.push_str("</feed>\n");
    out
}

//! The app's routes and their hash-URL form (`#/explore?q=claude`), so any static host serves
//! deep links without rewrites. Pure: parsing never fails, an unknown path is a route too.

#[cfg(feature = "bench")]
use crate::domain::bench::MAX_FACTOR;
use crate::domain::explore::{percent_decode, percent_encode, Query};
use crate::domain::ids::{ModelId, ProfileId, RegionCode};

/// A page of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// `#/`: what the app does and where to start.
    Home,
    /// `#/explore?…`: the list of models and profiles, with the query in the URL.
    Explore(Query),
    /// `#/concepts` or `#/concepts/<section>`.
    Concepts(Option<String>),
    /// `#/data`: sources, as-of dates and disagreements.
    Data,
    /// `#/plan`: workloads, recommendations and comparisons.
    Plan,
    /// `#/model/<id>`: every way to call one model, per source Region.
    Model(ModelId),
    /// `#/profile/<id>?from=<region>`: one profile's routing, with a source Region in detail.
    Profile {
        /// The profile.
        id: ProfileId,
        /// The source Region shown in detail and drawn on the map.
        from: Option<RegionCode>,
    },
    /// `#/region/<code>`: what can be called from one Region.
    Region(RegionCode),
    /// `#/explore?bench=<n>&…` (with the `bench` feature only): a benchmark aid, the explorer over the catalog replicated `n`
    /// times (2 to 20) with synthetic IDs, to time the search at ten times the real size.
    #[cfg(feature = "bench")]
    ExploreBench {
        /// How many times the catalog is replicated.
        factor: u8,
        /// The query, as for [`Route::Explore`].
        query: Query,
    },
    /// Anything else; keeps the path to show it.
    NotFound(String),
}

impl Route {
    /// Reads a route from `location.hash` (with or without the leading `#`).
    pub fn from_hash(hash: &str) -> Route {
        let raw = hash.strip_prefix('#').unwrap_or(hash);
        let (path, query) = raw.split_once('?').unwrap_or((raw, ""));
        let path = path.trim_end_matches('/');
        let segments: Vec<String> = path
            .split('/')
            .filter(|s| !s.is_empty())
            .map(percent_decode)
            .collect();
        match segments
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .as_slice()
        {
            [] => Route::Home,
            #[cfg(feature = "bench")]
            ["explore"] if bench_factor(query).is_some() => Route::ExploreBench {
                factor: bench_factor(query).unwrap_or(MAX_FACTOR),
                query: Query::from_query_string(query),
            },
            ["explore"] => Route::Explore(Query::from_query_string(query)),
            ["model", id] => Route::Model(ModelId::new(*id)),
            ["profile", id] => Route::Profile {
                id: ProfileId::new(*id),
                from: param(query, "from").map(RegionCode::new),
            },
            ["region", code] => Route::Region(RegionCode::new(*code)),
            ["concepts"] => Route::Concepts(None),
            ["concepts", section] => Route::Concepts(Some((*section).to_owned())),
            ["data"] => Route::Data,
            ["plan"] => Route::Plan,
            _ => Route::NotFound(raw.to_owned()),
        }
    }

    /// The hash URL of this route, starting with `#/`.
    pub fn to_hash(&self) -> String {
        match self {
            Route::Home => "#/".into(),
            Route::Explore(query) => {
                let qs = query.to_query_string();
                if qs.is_empty() {
                    "#/explore".into()
                } else {
                    format!("#/explore?{qs}")
                }
            }
            Route::Concepts(None) => "#/concepts".into(),
            Route::Concepts(Some(section)) => format!("#/concepts/{}", percent_encode(section)),
            Route::Data => "#/data".into(),
            Route::Plan => "#/plan".into(),
            Route::Model(id) => format!("#/model/{}", segment(id.as_str())),
            Route::Profile { id, from: None } => format!("#/profile/{}", segment(id.as_str())),
            Route::Profile {
                id,
                from: Some(from),
            } => format!(
                "#/profile/{}?from={}",
                segment(id.as_str()),
                percent_encode(from.as_str())
            ),
            Route::Region(code) => format!("#/region/{}", segment(code.as_str())),
            #[cfg(feature = "bench")]
            Route::ExploreBench { factor, query } => {
                let qs = query.to_query_string();
                if qs.is_empty() {
                    format!("#/explore?bench={factor}")
                } else {
                    format!("#/explore?bench={factor}&{qs}")
                }
            }
            Route::NotFound(path) => format!("#{path}"),
        }
    }

    /// The document title for this route.
    pub fn title(&self) -> String {
        let page = match self {
            Route::Home => return "CRIS Atlas".into(),
            Route::Explore(_) => "Explore",
            Route::Concepts(_) => "Concepts",
            Route::Data => "Data sources",
            Route::Plan => "Plan",
            Route::Model(id) => return format!("Model {id} · CRIS Atlas"),
            Route::Profile { id, .. } => return format!("Profile {id} · CRIS Atlas"),
            Route::Region(code) => return format!("Region {code} · CRIS Atlas"),
            #[cfg(feature = "bench")]
            Route::ExploreBench { .. } => "Explore (benchmark)",
            Route::NotFound(_) => "Not found",
        };
        format!("{page} · CRIS Atlas")
    }
}

/// An ID as one path segment: percent-encoded, `:` included, so IDs such as
/// `anthropic.claude-sonnet-4-5-20250929-v1:0` survive any URL handling.
fn segment(id: &str) -> String {
    percent_encode(id).replace(':', "%3A").replace(',', "%2C")
}

/// The decoded value of `key` in a query string, if present and not empty.
fn param(query: &str, key: &str) -> Option<String> {
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == key)
        .map(|(_, v)| percent_decode(v))
        .filter(|v| !v.is_empty())
}

/// The benchmark aid's replication factor, when the explorer's URL asks for one in range.
#[cfg(feature = "bench")]
fn bench_factor(query: &str) -> Option<u8> {
    param(query, "bench")
        .and_then(|v| v.parse::<u8>().ok())
        .filter(|f| (2..=MAX_FACTOR).contains(f))
}

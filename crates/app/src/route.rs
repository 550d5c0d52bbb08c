//! The app's pages and their URLs. Every page is a real file under the site root (`explore/`,
//! `model/<id>/`, ...), prerendered at build time, so any static host serves it and links work
//! without JavaScript. Links are written relative to the site root; each page's `<base href>`
//! makes that work at any depth and under any sub-path. Pure: parsing never fails, an unknown
//! path is a route too.
//!
//! IDs become one path segment each, with `:` written as `~` (file names on some systems and
//! hosts refuse `:`; catalog IDs never hold `~`): `model/amazon.nova-lite-v1~0/`.
//!
//! Links of the first version (`#/explore?q=…`) still parse ([`Route::from_hash`]), so the site
//! root can redirect them.

use atlas_core::browse::explore::{percent_decode, percent_encode, Query};
#[cfg(feature = "bench")]
use atlas_core::catalog::bench::MAX_FACTOR;
use atlas_core::catalog::ids::{ModelId, ProfileId, RegionCode};

/// A page of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// `./`: what the app does and where to start.
    Home,
    /// `explore/?…`: the list of models and profiles, with the query in the URL.
    Explore(Query),
    /// `concepts/` or `concepts/<section>/`.
    Concepts(Option<String>),
    /// `data/`: sources, as-of dates, disagreements and what changed.
    Data,
    /// `plan/`: workloads, recommendations and comparisons.
    Plan,
    /// `plan/report/`: the plan as a report to print, project or present, one workload a page.
    PlanReport,
    /// `errors/`: the error decoder.
    Errors,
    /// `model/<id>/`: every way to call one model, per source Region.
    Model(ModelId),
    /// `profile/<id>/?from=<region>`: one profile's routing, with a source Region in detail.
    Profile {
        /// The profile.
        id: ProfileId,
        /// The source Region shown in detail and drawn on the map.
        from: Option<RegionCode>,
    },
    /// `region/<code>/`: what can be called from one Region.
    Region(RegionCode),
    /// `explore/?bench=<n>&…` (with the `bench` feature only): a benchmark aid, the explorer
    /// over the catalog replicated `n` times (2 to 20) with synthetic IDs, to time the search at
    /// ten times the real size.
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

/// An ID as one path segment: `:` as `~`, anything outside the unreserved set percent-encoded.
pub fn segment(id: &str) -> String {
    percent_encode(id).replace(':', "~").replace(',', "%2C")
}

/// Reads a segment written by [`segment`].
fn from_segment(raw: &str) -> String {
    percent_decode(raw).replace('~', ":")
}

impl Route {
    /// Reads a route from a path relative to the site root (`explore/`, `model/x~0`) and its
    /// query string (without `?`).
    pub fn from_path(path: &str, query: &str) -> Route {
        let segments: Vec<String> = path
            .split('/')
            .filter(|s| !s.is_empty() && *s != "." && *s != "index.html")
            .map(from_segment)
            .collect();
        let refs: Vec<&str> = segments.iter().map(String::as_str).collect();
        match refs.as_slice() {
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
            ["plan", "report"] => Route::PlanReport,
            ["errors"] => Route::Errors,
            _ => Route::NotFound(path.to_owned()),
        }
    }

    /// Reads a link of the first version, `#/explore?q=…` (with or without the leading `#`).
    pub fn from_hash(hash: &str) -> Route {
        let raw = hash.strip_prefix('#').unwrap_or(hash);
        let raw = raw.strip_prefix('/').unwrap_or(raw);
        let (path, query) = raw.split_once('?').unwrap_or((raw, ""));
        // The first version percent-encoded `:` in IDs; `~` never occurred.
        Route::from_path(path, query)
    }

    /// The page's URL relative to the site root: `./`, `explore/?q=claude`, `model/x~0/`.
    pub fn href(&self) -> String {
        let with_query = |path: &str, query: String| {
            if query.is_empty() {
                path.to_owned()
            } else {
                format!("{path}?{query}")
            }
        };
        match self {
            Route::Home => "./".into(),
            Route::Explore(query) => with_query("explore/", query.to_query_string()),
            Route::Concepts(None) => "concepts/".into(),
            Route::Concepts(Some(section)) => format!("concepts/{}/", segment(section)),
            Route::Data => "data/".into(),
            Route::Plan => "plan/".into(),
            Route::PlanReport => "plan/report/".into(),
            Route::Errors => "errors/".into(),
            Route::Model(id) => format!("model/{}/", segment(id.as_str())),
            Route::Profile { id, from } => with_query(
                &format!("profile/{}/", segment(id.as_str())),
                from.as_ref()
                    .map(|f| format!("from={}", percent_encode(f.as_str())))
                    .unwrap_or_default(),
            ),
            Route::Region(code) => format!("region/{}/", segment(code.as_str())),
            #[cfg(feature = "bench")]
            Route::ExploreBench { factor, query } => {
                let qs = query.to_query_string();
                let sep = if qs.is_empty() { "" } else { "&" };
                format!("explore/?bench={factor}{sep}{qs}")
            }
            Route::NotFound(path) => path.clone(),
        }
    }

    /// The file that holds this page, relative to the site root (`model/x~0/index.html`);
    /// query parameters are not part of it.
    pub fn file(&self) -> String {
        let href = self.href();
        let path = href.split('?').next().unwrap_or_default();
        match path {
            "./" => "index.html".into(),
            path => format!("{path}index.html"),
        }
    }

    /// How many folders deep the page's file is: 0 for the home page, 2 for `model/x/`.
    pub fn depth(&self) -> usize {
        self.file().matches('/').count()
    }

    /// The same page as it is prerendered: what the page shows before its URL's query and the
    /// browser's storage are applied (an empty search, the profile's default source).
    pub fn prerendered(&self) -> Route {
        match self {
            Route::Explore(_) => Route::Explore(Query::default()),
            Route::Profile { id, .. } => Route::Profile {
                id: id.clone(),
                from: None,
            },
            other => other.clone(),
        }
    }

    /// The document title for this route.
    pub fn title(&self) -> String {
        let page = match self {
            Route::Home => return "CRIS Atlas: Amazon Bedrock cross-Region inference".into(),
            Route::Explore(_) => "Explore models and profiles",
            Route::Concepts(_) => "Concepts",
            Route::Data => "Data sources",
            Route::Plan => "Plan workloads",
            Route::PlanReport => "Plan report",
            Route::Errors => "Decode a Bedrock error",
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

/// The decoded value of `key` in a query string, if present and not empty.
pub fn param(query: &str, key: &str) -> Option<String> {
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

/// Where a link of the first version (`#/explore?q=…` on the site root) now lives, relative to
/// the site root; `None` when the URL is not such a link.
pub fn legacy_redirect(relative_url: &str, hash: &str) -> Option<String> {
    let on_root = matches!(relative_url, "" | "index.html");
    let path = hash.strip_prefix("#/")?;
    (on_root && !path.is_empty()).then(|| Route::from_hash(hash).href())
}

/// Where a share link (`<any page>#/plan/open/…`) opens: the plan page, with the fragment kept
/// as it is, so the plan in it never reaches a server. `None` on the plan page itself and for
/// any other fragment.
pub fn share_redirect(relative_url: &str, hash: &str) -> Option<String> {
    let (path, query) = relative_url.split_once('?').unwrap_or((relative_url, ""));
    let elsewhere = Route::from_path(path, query) != Route::Plan;
    (elsewhere && atlas_core::plan::share::is_share_fragment(hash))
        .then(|| format!("{}{hash}", Route::Plan.href()))
}

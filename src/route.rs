//! The app's routes and their hash-URL form (`#/explore?q=claude`), so any static host serves
//! deep links without rewrites. Pure: parsing never fails, an unknown path is a route too.

use crate::domain::explore::{percent_decode, percent_encode, Query};

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
            ["explore"] => Route::Explore(Query::from_query_string(query)),
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
            Route::NotFound(_) => "Not found",
        };
        format!("{page} · CRIS Atlas")
    }
}

//! The explorer's search: text and filters over models and their ways to be called, evaluated per
//! source Region, and the query's round trip through a URL. Each filter ([`Filter`]) owns its URL
//! parameter, its values' encoding and its name in messages; the page reads and writes the query
//! through [`Query::get`] and [`Query::set`] only.

use crate::catalog::order;
use crate::catalog::Catalog;

use crate::catalog::ids::{CountryCode, GeographyId, RegionCode, Scope};
use crate::catalog::residency::{Allowed, Residency};
use crate::catalog::schema::{Lifecycle, Model, Profile};

/// One way to call a model: the bare ID in one Region, or a profile.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Way<'a> {
    /// The bare model ID on demand.
    InRegion,
    /// A cross-Region inference profile.
    Profile(&'a Profile),
}

impl Way<'_> {
    /// A heading for the way, such as `In-Region`, `Geographic (EU)` or `Global profile`.
    pub fn label(&self) -> String {
        match self {
            Way::InRegion => "In-Region".into(),
            Way::Profile(p) => p.scope.option_label(),
        }
    }
}

/// Which kind of option a filter asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OptionFilter {
    /// The bare model ID on demand in some Region.
    InRegion,
    /// A profile of this scope (`global`, `eu`, ...).
    Scope(Scope),
}

/// Lifecycle filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LifecycleFilter {
    /// Active models only.
    Active,
    /// Legacy models only.
    Legacy,
}

/// Data retention filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetentionFilter {
    /// Models whose retention facts say nothing is kept.
    KeepsNothing,
}

/// Everything the explorer can filter on. The default matches every model.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    /// Free text over model name, provider and every ID.
    pub text: String,
    /// Provider display name.
    pub provider: Option<String>,
    /// Option type.
    pub option: Option<OptionFilter>,
    /// Only what can be called from this source Region.
    pub callable_from: Option<RegionCode>,
    /// Only ways whose every destination lies inside this area, per source Region.
    pub within: Option<Residency>,
    /// Lifecycle.
    pub lifecycle: Option<LifecycleFilter>,
    /// An input or output modality, such as `IMAGE`.
    pub modality: Option<String>,
    /// Data retention.
    pub retention: Option<RetentionFilter>,
}

/// A matching model and the ways to call it that pass the filters.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit<'a> {
    /// The model.
    pub model: &'a Model,
    /// The ways that pass every filter, in-Region first, then profiles by ID.
    pub ways: Vec<Way<'a>>,
}

/// The outcome of a search.
#[derive(Debug, Clone, PartialEq)]
pub struct Results<'a> {
    /// Matching models, sorted by provider then name.
    pub hits: Vec<Hit<'a>>,
    /// When nothing matches: the first filter, in evaluation order, after which nothing was left.
    pub emptied_by: Option<&'static str>,
}

fn contains_folded(haystack: &str, needle: &str) -> bool {
    haystack.to_lowercase().contains(needle)
}

impl Query {
    /// Whether the query filters anything.
    pub fn is_empty(&self) -> bool {
        *self == Query::default()
    }

    fn text_matches(&self, catalog: &Catalog, model: &Model) -> bool {
        let needle = self.text.trim().to_lowercase();
        needle.is_empty()
            || needle.split_whitespace().all(|word| {
                contains_folded(&model.name, word)
                    || contains_folded(&model.provider, word)
                    || contains_folded(model.id.as_str(), word)
                    || catalog
                        .profiles_for(&model.id)
                        .any(|p| contains_folded(p.id.as_str(), word))
            })
    }

    fn model_matches(&self, catalog: &Catalog, model: &Model) -> bool {
        let provider_ok = self.provider.as_deref().is_none_or(|p| model.provider == p);
        let lifecycle_ok = match self.lifecycle {
            None => true,
            Some(LifecycleFilter::Active) => model.lifecycle == Lifecycle::Active,
            Some(LifecycleFilter::Legacy) => model.lifecycle.is_legacy(),
        };
        let modality_ok = self.modality.as_deref().is_none_or(|m| {
            model
                .input_modalities
                .iter()
                .chain(&model.output_modalities)
                .any(|x| x == m)
        });
        // A catalog without retention facts cannot say a model keeps nothing.
        let retention_ok = match self.retention {
            None => true,
            Some(RetentionFilter::KeepsNothing) => catalog
                .retention_of(&model.id)
                .is_some_and(|f| !f.keeps_prompts()),
        };
        provider_ok && lifecycle_ok && modality_ok && retention_ok
    }

    fn option_matches(&self, way: Way<'_>) -> bool {
        match (&self.option, way) {
            (None, _) => true,
            (Some(OptionFilter::InRegion), Way::InRegion) => true,
            (Some(OptionFilter::Scope(s)), Way::Profile(p)) => &p.scope == s,
            _ => false,
        }
    }

    /// Where the "processes only within" filter allows processing: anywhere when it is unset or
    /// names an area the catalog does not know (a hand-edited link must still open the list).
    pub fn allowed(&self, catalog: &Catalog) -> Allowed {
        self.within
            .as_ref()
            .and_then(|w| w.allowed(catalog).ok())
            .unwrap_or(Allowed::Anywhere)
    }

    /// Whether calling from `source` with these destinations passes the "callable from" and
    /// "processes only within" filters.
    pub fn source_passes(
        &self,
        source: &RegionCode,
        destinations: &[RegionCode],
        allowed: &Allowed,
    ) -> bool {
        self.callable_from.as_ref().is_none_or(|r| r == source)
            && destinations.iter().all(|d| allowed.contains(d))
    }

    /// The source Regions of a way that pass the filters, each with its destinations, sorted by
    /// source. In-Region, a Region is its own only destination.
    pub fn passing_routes<'a>(
        &self,
        model: &'a Model,
        way: Way<'a>,
        allowed: &Allowed,
    ) -> Vec<(&'a RegionCode, &'a [RegionCode])> {
        let mut routes: Vec<(&'a RegionCode, &'a [RegionCode])> = match way {
            Way::InRegion => model
                .in_region
                .iter()
                .map(|o| (&o.region, std::slice::from_ref(&o.region)))
                .collect(),
            Way::Profile(p) => p
                .routes
                .iter()
                .flat_map(|route| route.from.iter().map(|s| (s, route.to.as_slice())))
                .collect(),
        };
        routes.retain(|(s, to)| self.source_passes(s, to, allowed));
        order::sort_by(&mut routes, |a, b| a.0.cmp(b.0));
        routes
    }

    /// Whether some source Region of a way passes the source filter with every destination
    /// inside the area.
    fn way_passes(&self, model: &Model, way: Way<'_>, allowed: &Allowed) -> bool {
        match way {
            Way::InRegion => model
                .in_region_codes()
                .any(|r| self.source_passes(r, std::slice::from_ref(r), allowed)),
            Way::Profile(p) => p.routes.iter().any(|route| {
                route
                    .from
                    .iter()
                    .any(|s| self.source_passes(s, &route.to, allowed))
            }),
        }
    }

    /// Runs the query over the catalog.
    pub fn run<'a>(&self, catalog: &'a Catalog) -> Results<'a> {
        let allowed = self.allowed(catalog);
        let mut counts = [0usize; 3];
        let mut hits: Vec<Hit<'a>> = Vec::new();
        for model in &catalog.models {
            if !self.text_matches(catalog, model) {
                continue;
            }
            counts[0] += 1;
            if !self.model_matches(catalog, model) {
                continue;
            }
            counts[1] += 1;
            let ways: Vec<Way<'a>> = model_ways(catalog, model)
                .into_iter()
                .filter(|&w| self.option_matches(w) && self.way_passes(model, w, &allowed))
                .collect();
            let ways_filtered =
                self.option.is_some() || self.callable_from.is_some() || self.within.is_some();
            if ways.is_empty() && ways_filtered {
                continue;
            }
            counts[2] += 1;
            hits.push(Hit { model, ways });
        }
        order::sort_by(&mut hits, |a, b| {
            (
                a.model.provider.as_str(),
                a.model.name.as_str(),
                a.model.id.as_str(),
            )
                .cmp(&(
                    b.model.provider.as_str(),
                    b.model.name.as_str(),
                    b.model.id.as_str(),
                ))
        });
        let emptied_by = if !hits.is_empty() {
            None
        } else if counts[0] == 0 {
            Some("search text")
        } else if counts[1] == 0 {
            Some(self.model_filter_name())
        } else {
            Some(self.way_filter_name())
        };
        Results { hits, emptied_by }
    }

    fn model_filter_name(&self) -> &'static str {
        let set = [
            Filter::Provider,
            Filter::Lifecycle,
            Filter::Modality,
            Filter::Retention,
        ]
        .into_iter()
        .filter(|f| !self.get(*f).is_empty());
        match set.collect::<Vec<_>>().as_slice() {
            [one] => one.name(),
            _ => "provider, lifecycle, modality and data retention together",
        }
    }

    fn way_filter_name(&self) -> &'static str {
        match (&self.option, &self.callable_from, &self.within) {
            (Some(_), None, None) => Filter::Option.name(),
            (None, Some(_), None) => Filter::From.name(),
            (None, None, Some(_)) => Filter::Within.name(),
            _ => "option type, callable from and processes only within together",
        }
    }

    /// The query as URL query parameters (`q=claude&provider=Anthropic`), empty for no filter.
    pub fn to_query_string(&self) -> String {
        let text = (!self.text.is_empty()).then(|| ("q", self.text.clone()));
        let filters = Filter::ALL
            .iter()
            .map(|f| (f.key(), self.get(*f)))
            .filter(|(_, v)| !v.is_empty());
        text.into_iter()
            .chain(filters)
            .map(|(k, v)| format!("{k}={}", percent_encode(&v)))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// Reads a query from URL parameters. Unknown or malformed parameters are ignored, since a
    /// hand-edited link must still open the explorer.
    pub fn from_query_string(raw: &str) -> Query {
        let mut query = Query::default();
        for pair in raw.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = percent_decode(value);
            if key == "q" {
                query.text = value;
            } else if let Some(filter) = Filter::ALL.iter().find(|f| f.key() == key) {
                query.set(*filter, &value);
            }
        }
        query
    }

    /// One filter's value as its URL parameter and select value write it; empty when unset.
    pub fn get(&self, filter: Filter) -> String {
        match filter {
            Filter::Provider => self.provider.clone().unwrap_or_default(),
            Filter::Option => self
                .option
                .as_ref()
                .map(OptionFilter::param)
                .unwrap_or_default(),
            Filter::From => self
                .callable_from
                .as_ref()
                .map(RegionCode::to_string)
                .unwrap_or_default(),
            Filter::Within => self.within.as_ref().map(area_to_param).unwrap_or_default(),
            Filter::Lifecycle => self
                .lifecycle
                .map(|l| l.param().to_owned())
                .unwrap_or_default(),
            Filter::Modality => self.modality.clone().unwrap_or_default(),
            Filter::Retention => self
                .retention
                .map(|r| r.param().to_owned())
                .unwrap_or_default(),
        }
    }

    /// Sets one filter from the value [`Query::get`] writes; empty or unreadable clears it.
    pub fn set(&mut self, filter: Filter, value: &str) {
        let value = (!value.is_empty()).then_some(value);
        match filter {
            Filter::Provider => self.provider = value.map(str::to_owned),
            Filter::Option => self.option = value.map(OptionFilter::from_param),
            Filter::From => self.callable_from = value.map(RegionCode::new),
            Filter::Within => self.within = value.and_then(area_from_param),
            Filter::Lifecycle => self.lifecycle = value.and_then(LifecycleFilter::from_param),
            Filter::Modality => self.modality = value.map(str::to_owned),
            Filter::Retention => self.retention = value.and_then(RetentionFilter::from_param),
        }
    }
}

/// The explorer's filters besides the search text, in the order the page shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    /// Provider.
    Provider,
    /// Option type.
    Option,
    /// Callable from a source Region.
    From,
    /// Processes only within an area.
    Within,
    /// Lifecycle.
    Lifecycle,
    /// Modality.
    Modality,
    /// Data retention.
    Retention,
}

impl Filter {
    /// Every filter, in URL and page order.
    pub const ALL: [Filter; 7] = [
        Filter::Provider,
        Filter::Option,
        Filter::From,
        Filter::Within,
        Filter::Lifecycle,
        Filter::Modality,
        Filter::Retention,
    ];

    /// The URL parameter.
    pub fn key(self) -> &'static str {
        match self {
            Filter::Provider => "provider",
            Filter::Option => "option",
            Filter::From => "from",
            Filter::Within => "within",
            Filter::Lifecycle => "lifecycle",
            Filter::Modality => "modality",
            Filter::Retention => "retention",
        }
    }

    /// The filter's label on its control: `Processes only within`; every view that names the
    /// filter as a control (the explorer's form, a dead end's way out) uses it.
    pub fn label(self) -> &'static str {
        match self {
            Filter::Provider => "Provider",
            Filter::Option => "Option type",
            Filter::From => "Callable from Region",
            Filter::Within => "Processes only within",
            Filter::Lifecycle => "Lifecycle",
            Filter::Modality => "Modality",
            Filter::Retention => "Data retention",
        }
    }

    /// What the filter is called where a message names it.
    pub fn name(self) -> &'static str {
        match self {
            Filter::Provider => "provider",
            Filter::Option => "option type",
            Filter::From => "callable from",
            Filter::Within => "processes only within",
            Filter::Lifecycle => "lifecycle",
            Filter::Modality => "modality",
            Filter::Retention => "data retention",
        }
    }
}

impl OptionFilter {
    /// The URL and select value: `in-region` or the scope (`eu`, `global`).
    pub fn param(&self) -> String {
        match self {
            OptionFilter::InRegion => "in-region".to_owned(),
            OptionFilter::Scope(s) => s.to_string(),
        }
    }

    /// Reads [`OptionFilter::param`].
    pub fn from_param(value: &str) -> OptionFilter {
        match value {
            "in-region" => OptionFilter::InRegion,
            scope => OptionFilter::Scope(Scope::new(scope)),
        }
    }

    /// The choice's label: `In-Region (bare model ID)` or the scope's option label.
    pub fn label(&self) -> String {
        match self {
            OptionFilter::InRegion => "In-Region (bare model ID)".to_owned(),
            OptionFilter::Scope(s) => format!("{} ({}.)", s.option_label(), s),
        }
    }
}

impl LifecycleFilter {
    /// Every value.
    pub const ALL: [LifecycleFilter; 2] = [LifecycleFilter::Active, LifecycleFilter::Legacy];

    /// The URL and select value.
    pub fn param(self) -> &'static str {
        match self {
            LifecycleFilter::Active => "active",
            LifecycleFilter::Legacy => "legacy",
        }
    }

    /// Reads [`LifecycleFilter::param`].
    pub fn from_param(value: &str) -> Option<LifecycleFilter> {
        LifecycleFilter::ALL
            .into_iter()
            .find(|l| l.param() == value)
    }

    /// The choice's label.
    pub fn label(self) -> &'static str {
        match self {
            LifecycleFilter::Active => "Active",
            LifecycleFilter::Legacy => "Legacy",
        }
    }
}

impl RetentionFilter {
    /// Every value.
    pub const ALL: [RetentionFilter; 1] = [RetentionFilter::KeepsNothing];

    /// The URL and select value: `none`, as in zero data retention.
    pub fn param(self) -> &'static str {
        match self {
            RetentionFilter::KeepsNothing => "none",
        }
    }

    /// Reads [`RetentionFilter::param`].
    pub fn from_param(value: &str) -> Option<RetentionFilter> {
        RetentionFilter::ALL
            .into_iter()
            .find(|r| r.param() == value)
    }

    /// The choice's label.
    pub fn label(self) -> &'static str {
        match self {
            RetentionFilter::KeepsNothing => "Keeps no prompts",
        }
    }
}

/// A query's results before its search text: the models the other filters keep, with their
/// ways, and each model's searchable text folded once. The explorer prepares this when a filter
/// changes and only scans the folded strings while the user types.
#[derive(Debug, Clone, PartialEq)]
pub struct Prepared<'a> {
    /// The query without its text.
    pub filters: Query,
    /// What the filters keep, in the order [`Query::run`] sorts them.
    pub hits: Vec<Hit<'a>>,
    /// Per hit: name, provider, model ID and every profile ID, lowercase, one per line.
    haystacks: Vec<String>,
}

impl Query {
    /// Runs every filter but the text, for [`Prepared::matching`] to finish per keystroke.
    pub fn prepare<'a>(&self, catalog: &'a Catalog) -> Prepared<'a> {
        let filters = Query {
            text: String::new(),
            ..self.clone()
        };
        let hits = filters.run(catalog).hits;
        let haystacks = hits
            .iter()
            .map(|hit| {
                let m = hit.model;
                let mut text = format!("{}\n{}\n{}", m.name, m.provider, m.id);
                for p in catalog.profiles_for(&m.id) {
                    text.push('\n');
                    text.push_str(p.id.as_str());
                }
                text.to_lowercase()
            })
            .collect();
        Prepared {
            filters,
            hits,
            haystacks,
        }
    }
}

impl Prepared<'_> {
    /// Per hit, whether it matches `text`: every word must appear in the name, the provider or
    /// an ID, exactly as in [`Query::run`]. A word never holds a line break, so it cannot match
    /// across two of them.
    pub fn matching(&self, text: &str) -> Vec<bool> {
        let needle = text.trim().to_lowercase();
        let words: Vec<&str> = needle.split_whitespace().collect();
        self.haystacks
            .iter()
            .map(|h| words.iter().all(|w| h.contains(w)))
            .collect()
    }
}

/// Every way to call a model: in-Region if offered anywhere, then its profiles by ID.
pub fn model_ways<'a>(catalog: &'a Catalog, model: &Model) -> Vec<Way<'a>> {
    let mut ways = Vec::new();
    if !model.in_region.is_empty() {
        ways.push(Way::InRegion);
    }
    ways.extend(catalog.profiles_for(&model.id).map(Way::Profile));
    ways
}

/// An area as one URL parameter value: `geo:EU`, `country:JP` or `region:eu-central-1`.
pub fn area_to_param(area: &Residency) -> String {
    match area {
        Residency::None => String::new(),
        Residency::Geography { name } => format!("geo:{name}"),
        Residency::Country { code } => format!("country:{code}"),
        Residency::Regions { codes } => {
            let list: Vec<&str> = codes.iter().map(|c| c.as_str()).collect();
            format!("region:{}", list.join(","))
        }
    }
}

/// Reads an area written by [`area_to_param`].
pub fn area_from_param(value: &str) -> Option<Residency> {
    let (kind, rest) = value.split_once(':')?;
    if rest.is_empty() {
        return None;
    }
    match kind {
        "geo" => Some(Residency::Geography {
            name: GeographyId::new(rest),
        }),
        "country" => Some(Residency::Country {
            code: CountryCode::new(rest),
        }),
        "region" => Some(Residency::Regions {
            codes: rest.split(',').map(RegionCode::new).collect(),
        }),
        _ => None,
    }
}

/// Percent-encodes everything but unreserved characters (RFC 3986).
pub fn percent_encode(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for byte in raw.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b':' | b',' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// Decodes percent-escapes and `+` as space; malformed escapes are kept as written.
pub fn percent_decode(raw: &str) -> String {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

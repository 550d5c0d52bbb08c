//! The error decoder: a pasted Bedrock error (or a whole stack trace) recognised, its cause said
//! in plain words for the model and Region it names, from the catalog, with the fix and where to
//! read more. One pass to normalise the text (lower case, typographic apostrophes made
//! straight), one pass to pick out the Regions, models and profiles it names, then fixed-string
//! searches: linear in the input's length, so a 1 MB paste decodes at once.

use crate::catalog::cite::Cite;
use crate::catalog::ids::{ModelId, ProfileId, RegionCode};
use crate::catalog::order;
use crate::catalog::retention::{AccountMode, RetentionMode};
use crate::catalog::schema::{Endpoint, Model, Profile};
use crate::catalog::Catalog;
use crate::engine::retention::set_mode_command;

/// Beyond this many bytes a paste is cut (at a character boundary) and the result says so.
pub const MAX_INPUT: usize = 2 * 1024 * 1024;

/// What the decoder says of a paste longer than [`MAX_INPUT`], recognised or not: an error
/// after the cut was not seen.
pub const TRUNCATED_NOTE: &str =
    "The paste was long: only its first 2 MiB were read, so an error after them was not seen.";

/// The errors the decoder knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The bare model ID called on demand where it has no in-Region offer.
    OnDemandNotSupported,
    /// The ID does not exist for the source Region (often the wrong prefix).
    InvalidModelIdentifier,
    /// The OpenAI-compatible bedrock-mantle endpoint given a profile ID.
    MantleRejectsProfile,
    /// An organisation SCP denies the call.
    ScpDenied,
    /// Model access or its Marketplace subscription is missing.
    ModelAccess,
    /// The role's identity policy does not allow a resource the route needs.
    AccessDenied,
    /// A service quota is used up.
    QuotaExceeded,
    /// Requests or tokens per minute above the quota.
    Throttling,
    /// The model needs a higher data retention mode than the Region's account (or project) has.
    DataRetention,
}

impl ErrorKind {
    /// A short title.
    pub fn title(self) -> &'static str {
        match self {
            ErrorKind::OnDemandNotSupported => "On-demand throughput isn't supported",
            ErrorKind::InvalidModelIdentifier => "The provided model identifier is invalid",
            ErrorKind::MantleRejectsProfile => "bedrock-mantle does not take inference profile IDs",
            ErrorKind::ScpDenied => "Denied by a service control policy (SCP)",
            ErrorKind::ModelAccess => "No access to the model",
            ErrorKind::AccessDenied => "Access denied by the role's IAM policy",
            ErrorKind::QuotaExceeded => "Service quota exceeded",
            ErrorKind::Throttling => "Throttled: too many requests or tokens",
            ErrorKind::DataRetention => "The data retention mode is too low for this model",
        }
    }

    /// A stable name for tools (`on_demand_not_supported`).
    pub fn code(self) -> &'static str {
        match self {
            ErrorKind::OnDemandNotSupported => "on_demand_not_supported",
            ErrorKind::InvalidModelIdentifier => "invalid_model_identifier",
            ErrorKind::MantleRejectsProfile => "mantle_rejects_profile",
            ErrorKind::ScpDenied => "scp_denied",
            ErrorKind::ModelAccess => "model_access",
            ErrorKind::AccessDenied => "access_denied",
            ErrorKind::QuotaExceeded => "quota_exceeded",
            ErrorKind::Throttling => "throttling",
            ErrorKind::DataRetention => "data_retention_mode",
        }
    }
}

/// The signatures of each error in normalised text, in precedence order: the first kind with a
/// matching signature wins (an SCP denial is also an AccessDeniedException, a stack trace of
/// retries may also say "throttling").
const SIGNATURES: [(ErrorKind, &[&str]); 9] = [
    (
        // bedrock-runtime's message as users report it (AWS documents only "ValidationException"),
        // and bedrock-mantle's status reason as the Data retention page shows it.
        ErrorKind::DataRetention,
        &[
            "is not available for this model",
            "not available under data retention mode",
        ],
    ),
    (
        ErrorKind::OnDemandNotSupported,
        &[
            "on-demand throughput isn't supported",
            "on-demand throughput is not supported",
            "doesn't support on-demand throughput",
            "does not support on-demand throughput",
        ],
    ),
    (
        ErrorKind::MantleRejectsProfile,
        &["bedrock-mantle", "model_not_found"],
    ),
    (
        ErrorKind::InvalidModelIdentifier,
        &["model identifier is invalid", "invalid model identifier"],
    ),
    (
        ErrorKind::ScpDenied,
        &[
            "service control policy",
            "explicit deny in a service control",
        ],
    ),
    (
        ErrorKind::ModelAccess,
        &[
            "don't have access to the model",
            "do not have access to the model",
            "aws-marketplace:",
            "model access",
        ],
    ),
    (
        ErrorKind::AccessDenied,
        &[
            "not authorized to perform: bedrock:",
            "no identity-based policy allows",
            "accessdeniedexception",
            "accessdenied",
        ],
    ),
    (
        ErrorKind::QuotaExceeded,
        &[
            "servicequotaexceededexception",
            "quota exceeded",
            "exceeded your quota",
            "exceeds the quota",
            "tokens per day",
        ],
    ),
    (
        ErrorKind::Throttling,
        &[
            "throttlingexception",
            "too many requests",
            "too many tokens",
            "rate exceeded",
            "status code: 429",
            "error code: 429",
            "statuscode: 429",
        ],
    ),
];

/// Where a fix can be read or made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Link {
    /// The model's page.
    Model(ModelId),
    /// A profile's page, from a source Region.
    Profile(ProfileId, Option<RegionCode>),
    /// The plan page, where the policy panel writes the IAM and SCP policies.
    Plan,
    /// An AWS page or a Concepts section.
    Cite(Cite),
}

/// A recognised error, explained.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnosis {
    /// Which error.
    pub kind: ErrorKind,
    /// The model the message names, if the catalog knows it.
    pub model: Option<ModelId>,
    /// The Region the message names (the first), if any.
    pub region: Option<RegionCode>,
    /// The cause in plain words, for that model and Region.
    pub cause: String,
    /// What to do, most direct first.
    pub fixes: Vec<String>,
    /// When the message names a model but no Region: its profiles, as (scope label, ID).
    pub profiles: Vec<(String, ProfileId)>,
    /// Where to read or make the fix.
    pub links: Vec<Link>,
}

/// What the decoder made of a paste.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decoded {
    /// Nothing pasted.
    Empty,
    /// A known error.
    Recognised {
        /// The explanation.
        diagnosis: Diagnosis,
        /// Whether the paste was longer than [`MAX_INPUT`] and only its start was read.
        truncated: bool,
    },
    /// Not an error the decoder knows.
    Unrecognised {
        /// Whether the paste was cut.
        truncated: bool,
    },
}

/// What to check when the decoder does not recognise an error.
pub const CHECKLIST: [&str; 6] = [
    "The ID: a profile ID (eu., us., global., …) whose prefix fits the Region your client calls from, or a bare model ID only where the model has an in-Region offer.",
    "The Region: the client's Region is the source Region; the profile must list it as a source.",
    "The IAM policy: the profile ARN in the source Region and the model ARN in every destination Region (global profiles: also the Region-less model ARN).",
    "The SCPs: every destination Region allowed; for global profiles aws:RequestedRegion \"unspecified\" too.",
    "Model access and, for Anthropic and other Marketplace models, the subscription.",
    "The endpoint: bedrock-runtime for Converse and InvokeModel; bedrock-mantle (OpenAI-compatible) takes model IDs only.",
];

/// The text in lower case with typographic apostrophes and quotes straightened, and the cut.
fn normalise(text: &str) -> (String, bool) {
    let mut end = text.len().min(MAX_INPUT);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let normal = text[..end]
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{02bc}' | '\u{2032}' | '`' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            '\u{00a0}' | '\n' | '\r' | '\t' => ' ',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    (normal, end < text.len())
}

/// The Regions, models and profiles a text names, first mention first (at most a few each).
#[derive(Default)]
struct Named<'c> {
    regions: Vec<RegionCode>,
    models: Vec<&'c Model>,
    profiles: Vec<&'c Profile>,
    regionless_arn: bool,
}

const MAX_NAMED: usize = 6;

/// The prefixes of profile IDs.
const SCOPES: [&str; 9] = [
    "global", "us", "eu", "apac", "jp", "au", "ca", "in", "us-gov",
];

impl<'c> Named<'c> {
    fn add_region(&mut self, catalog: &Catalog, part: &str) -> bool {
        if part.len() < 9 || part.len() > 16 || self.regions.len() >= MAX_NAMED {
            return false;
        }
        let code = RegionCode::new(part);
        let known = catalog.region(&code).is_some();
        if known && !self.regions.contains(&code) {
            self.regions.push(code);
        }
        known
    }

    fn add_token(&mut self, catalog: &'c Catalog, token: &str) {
        let token = token.trim_end_matches(['.', ':', ',', '-']);
        if token.len() < 4 || token.len() > 120 || self.add_region(catalog, token) {
            return;
        }
        if token.contains('.') && self.profiles.len() < MAX_NAMED && self.models.len() < MAX_NAMED {
            if let Some(p) = catalog.profile(&ProfileId::new(token)) {
                if !self.profiles.iter().any(|q| q.id == p.id) {
                    self.profiles.push(p);
                }
                return;
            }
            // A bare model ID, or a profile ID the catalog does not list (withdrawn, or not
            // yet captured): its model still explains the error.
            let bare = match token.split_once('.') {
                Some((scope, rest)) if SCOPES.contains(&scope) => rest,
                _ => token,
            };
            if let Some(m) = catalog.model(&ModelId::new(bare)) {
                if !self.models.iter().any(|n| n.id == m.id) {
                    self.models.push(m);
                }
                return;
            }
        }
        if token.contains(['.', ':']) {
            for part in token.split(['.', ':']) {
                self.add_region(catalog, part);
            }
        }
    }

    /// Reads the names out of normalised text in one pass.
    fn of(catalog: &'c Catalog, text: &str) -> Named<'c> {
        let mut named = Named {
            regionless_arn: text.contains("bedrock:::foundation-model"),
            ..Named::default()
        };
        let is_token = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | ':');
        for token in text.split(|c: char| !is_token(c)).filter(|t| !t.is_empty()) {
            named.add_token(catalog, token);
        }
        named
    }

    /// The model named directly, or through the first profile named.
    fn model(&self, catalog: &'c Catalog) -> Option<&'c Model> {
        self.models
            .first()
            .copied()
            .or_else(|| self.profiles.first().and_then(|p| catalog.model(&p.model)))
    }
}

/// Decodes a pasted error message or stack trace.
pub fn decode(catalog: &Catalog, text: &str) -> Decoded {
    if text.trim().is_empty() {
        return Decoded::Empty;
    }
    let (normal, truncated) = normalise(text);
    let Some(kind) = SIGNATURES
        .iter()
        .find(|(kind, signs)| matches(*kind, &normal, signs))
        .map(|(kind, _)| *kind)
    else {
        return Decoded::Unrecognised { truncated };
    };
    let named = Named::of(catalog, &normal);
    Decoded::Recognised {
        diagnosis: explain(catalog, kind, &named, &normal),
        truncated,
    }
}

fn matches(kind: ErrorKind, text: &str, signs: &[&str]) -> bool {
    let any = signs.iter().any(|s| text.contains(s));
    match kind {
        // "model_not_found" is any OpenAI-compatible server's error; it is this one only when
        // the text also speaks of bedrock-mantle or a profile prefix.
        ErrorKind::MantleRejectsProfile => {
            any && text.contains("mantle")
                && (text.contains("not found")
                    || text.contains("model_not_found")
                    || text.contains("does not exist")
                    || text.contains("not supported")
                    || text.contains("invalid model"))
        }
        ErrorKind::DataRetention => any && text.contains("data retention mode"),
        _ => any,
    }
}

/// Profiles of `model` callable from `region`, geographic first.
fn callable_from<'c>(
    catalog: &'c Catalog,
    model: &ModelId,
    region: &RegionCode,
) -> Vec<&'c Profile> {
    let mut list: Vec<&Profile> = catalog
        .profiles_for(model)
        .filter(|p| p.destinations_from(region).is_some())
        .collect();
    order::sort_by_key(&mut list, |p| p.scope.is_global());
    list
}

fn ids(profiles: &[&Profile]) -> String {
    let list: Vec<String> = profiles.iter().map(|p| format!("`{}`", p.id)).collect();
    list.join(" or ")
}

/// The model's profiles per geography, for a message that names no Region.
fn per_geography(catalog: &Catalog, model: &ModelId) -> Vec<(String, ProfileId)> {
    catalog
        .profiles_for(model)
        .map(|p| (p.scope.label(), p.id.clone()))
        .collect()
}

/// What to call instead of the bare ID from `region`: the profiles, or why there is none.
fn instead(catalog: &Catalog, model: &Model, region: &RegionCode) -> String {
    let profiles = callable_from(catalog, &model.id, region);
    if profiles.is_empty() {
        format!(
            "no profile of {} can be called from {region} either: call it from a Region where it is offered ({})",
            model.name,
            short_list(&model.offered_in)
        )
    } else {
        format!("call {} from {region} instead", ids(&profiles))
    }
}

fn short_list<R: std::fmt::Display>(regions: &[R]) -> String {
    let mut list: Vec<String> = regions.iter().take(8).map(R::to_string).collect();
    if regions.len() > 8 {
        list.push("…".to_owned());
    }
    list.join(", ")
}

fn explain(catalog: &Catalog, kind: ErrorKind, named: &Named<'_>, text: &str) -> Diagnosis {
    let model = named.model(catalog);
    let region = named.regions.first().cloned();
    let mut d = Diagnosis {
        kind,
        model: model.map(|m| m.id.clone()),
        region: region.clone(),
        cause: String::new(),
        fixes: Vec::new(),
        profiles: match (model, &region) {
            (Some(m), None) => per_geography(catalog, &m.id),
            _ => Vec::new(),
        },
        links: Vec::new(),
    };
    match kind {
        ErrorKind::OnDemandNotSupported => on_demand(catalog, &mut d, model, region.as_ref()),
        ErrorKind::InvalidModelIdentifier => invalid_id(catalog, &mut d, named, region.as_ref()),
        ErrorKind::MantleRejectsProfile => mantle(&mut d, model),
        ErrorKind::ScpDenied => scp(catalog, &mut d, named, region.as_ref()),
        ErrorKind::ModelAccess => model_access(&mut d, model),
        ErrorKind::AccessDenied => access_denied(catalog, &mut d, named, region.as_ref()),
        ErrorKind::QuotaExceeded | ErrorKind::Throttling => {
            throttled(&mut d, model, region.as_ref())
        }
        ErrorKind::DataRetention => retention(catalog, &mut d, model, region.as_ref(), text),
    }
    if let Some(m) = model {
        d.links.push(Link::Model(m.id.clone()));
    }
    d
}

/// The mode a retention refusal names (`mode 'default'`), if it names a known one.
fn named_mode(text: &str) -> Option<AccountMode> {
    let after = text.split("retention mode").nth(1)?.trim_start();
    let quoted = after.trim_start_matches(['\'', '"', '`']);
    let end = quoted.find(['\'', '"', '`'])?;
    AccountMode::parse(&quoted[..end])
}

fn retention(
    catalog: &Catalog,
    d: &mut Diagnosis,
    model: Option<&Model>,
    region: Option<&RegionCode>,
    text: &str,
) {
    d.links.push(Link::Cite(Cite::DataRetention));
    d.links.push(Link::Cite(Cite::AbuseDetection));
    let set = named_mode(text)
        .map(|m| format!(" (`{}`)", m.key()))
        .unwrap_or_default();
    let here = region.map_or_else(|| "the Region you call from".to_owned(), |r| r.to_string());
    let facts = model.and_then(|m| catalog.retention_of(&m.id).map(|f| (m, f)));
    match facts {
        Some((m, f)) if f.minimum > RetentionMode::None => {
            d.cause = format!(
                "{} needs the data retention mode `{}` or higher, and the mode in effect in {here}{set} is below it, so Bedrock refuses the call. At `{}`: {}. {} keeps {}.",
                m.name,
                f.minimum.key(),
                f.minimum.key(),
                f.minimum.effect(),
                m.name,
                f.summary()
            );
            let command = region.map_or_else(
                || {
                    format!(
                        "aws bedrock put-account-data-retention --mode {} --region <source Region>",
                        f.minimum.key()
                    )
                },
                |r| set_mode_command(r, f.minimum),
            );
            d.fixes = vec![
                format!("If the obligation accepts it, raise the account's mode in {here}: {command}"),
                "On bedrock-mantle, a project's mode overrides the account's: set the project's mode (or `inherit`).".to_owned(),
                "If the obligation does not accept it, choose a model that keeps nothing (the plan suggests some).".to_owned(),
            ];
        }
        Some((m, _)) => {
            d.cause = format!("The message says the data retention mode in effect is too low, but the AWS pages read for this catalog say {} runs at any mode: check the model's allowed modes (bedrock-mantle: GET /v1/models/{{id}}).", m.name);
        }
        None => {
            d.cause = format!("The model called needs a higher data retention mode than the one in effect in {here}{set}: Claude Fable 5 and 5.1 need `aws_review` or higher; OpenAI GPT-5.4 and later models named on the abuse detection page need `default` or higher.");
        }
    }
    if d.fixes.is_empty() {
        d.fixes = vec![format!(
            "Read the mode in effect: aws bedrock get-account-data-retention --region {}",
            region.map_or("<source Region>", |r| r.as_str())
        )];
    }
    d.links.push(Link::Plan);
}

fn on_demand(
    catalog: &Catalog,
    d: &mut Diagnosis,
    model: Option<&Model>,
    region: Option<&RegionCode>,
) {
    d.links.push(Link::Cite(Cite::RegionalAvailability));
    d.links.push(Link::Cite(Cite::ConceptOptions));
    match (model, region) {
        (Some(m), Some(r)) => {
            let mantle = m
                .in_region_at(r)
                .is_some_and(|o| o.endpoint == Endpoint::Mantle);
            let where_ = if mantle {
                format!("its in-Region offer in {r} is on the bedrock-mantle endpoint only, not bedrock-runtime")
            } else {
                format!("this model has no on-demand in-Region offer in {r}")
            };
            d.cause = format!(
                "{} ({}) was called by its bare ID on demand, but {where_}; {}.",
                m.name,
                m.id,
                instead(catalog, m, r)
            );
            d.links.extend(
                callable_from(catalog, &m.id, r)
                    .into_iter()
                    .map(|p| Link::Profile(p.id.clone(), Some(r.clone()))),
            );
        }
        (Some(m), None) => {
            d.cause = format!("{} ({}) was called by its bare ID on demand in a Region where it has no in-Region offer; it must be called through an inference profile whose prefix fits your source Region (listed below).", m.name, m.id);
        }
        _ => {
            d.cause = "The bare model ID was called on demand in a Region where the model has no in-Region offer; call an inference profile that contains the model (its ID with a us., eu., apac., jp., au., ca., us-gov. or global. prefix).".to_owned();
        }
    }
    d.fixes = vec![
        "Send the profile ID (or its ARN) as modelId instead of the bare model ID.".to_owned(),
        "Allow the profile and the model in every destination Region in the IAM policy.".to_owned(),
    ];
    d.links.push(Link::Plan);
}

fn invalid_id(
    catalog: &Catalog,
    d: &mut Diagnosis,
    named: &Named<'_>,
    region: Option<&RegionCode>,
) {
    d.links.push(Link::Cite(Cite::ProfilesSupport));
    let profile = named.profiles.first();
    d.cause = match (profile, region, named.model(catalog)) {
        (Some(p), Some(r), Some(m)) if p.destinations_from(r).is_none() => format!(
            "`{}` cannot be called from {r}: the {} prefix is for other source Regions ({}); {}.",
            p.id,
            p.scope,
            short_list(&p.sources()),
            instead(catalog, m, r)
        ),
        (Some(p), Some(r), _) => format!(
            "`{}` can be called from {r} according to the catalog: check the ID for typos, that your client really calls from {r}, and that the model is enabled in your account.",
            p.id
        ),
        (None, Some(r), Some(m)) if !m.callable_in_region(r) => format!(
            "{} ({}) cannot be called by its bare ID in {r}; {}.",
            m.name,
            m.id,
            instead(catalog, m, r)
        ),
        (_, None, Some(m)) => format!(
            "The ID is not valid in the Region your client calls from; most often the prefix does not fit the source Region (an eu. profile called from a US Region). The profiles of {} are listed below with their geography.",
            m.name
        ),
        _ => "The ID does not exist in the Region your client calls from: most often the profile's prefix does not fit the source Region (an eu. profile called from a US Region), a typo, or a model not offered there.".to_owned(),
    };
    d.fixes = vec![
        "Use the profile whose prefix matches your source Region (the Model page lists them per source Region).".to_owned(),
        "Check the Region the client is configured with (AWS_REGION, region_name).".to_owned(),
    ];
    if let (Some(p), Some(r)) = (profile, region) {
        d.links.push(Link::Profile(p.id.clone(), Some(r.clone())));
    }
}

fn mantle(d: &mut Diagnosis, model: Option<&Model>) {
    d.links.push(Link::Cite(Cite::Mantle));
    let mantle_regions: Vec<RegionCode> = model
        .map(|m| {
            m.in_region
                .iter()
                .filter(|o| o.endpoint == Endpoint::Mantle || !o.mantle_apis.is_empty())
                .map(|o| o.region.clone())
                .collect()
        })
        .unwrap_or_default();
    d.cause = match model {
        Some(m) if mantle_regions.is_empty() => format!("The OpenAI-compatible bedrock-mantle endpoint takes model IDs, never inference profile IDs, and the catalog lists no bedrock-mantle offer of {} ({}): call its profile on bedrock-runtime (Converse) instead.", m.name, m.id),
        Some(m) => format!("The OpenAI-compatible bedrock-mantle endpoint takes model IDs, never inference profile IDs: send `{}` to bedrock-mantle in one of {}, or call the profile on bedrock-runtime (Converse).", m.id, short_list(&mantle_regions)),
        None => "The OpenAI-compatible bedrock-mantle endpoint takes model IDs, never inference profile IDs (global., us., eu., …): send the bare model ID there, or call the profile on bedrock-runtime (Converse).".to_owned(),
    };
    d.fixes = vec![
        "Drop the profile prefix when calling bedrock-mantle, in a Region where it serves the model.".to_owned(),
        "Or keep the profile and call bedrock-runtime's Converse API instead of the OpenAI-compatible one.".to_owned(),
    ];
}

fn scp(catalog: &Catalog, d: &mut Diagnosis, named: &Named<'_>, region: Option<&RegionCode>) {
    d.links.extend([
        Link::Cite(Cite::ProfilesSupport),
        Link::Cite(Cite::GlobalCris),
        Link::Plan,
    ]);
    let global = named.regionless_arn || named.profiles.iter().any(|p| p.scope.is_global());
    d.cause = if global {
        "An organisation SCP denies the call: global profiles send aws:RequestedRegion \"unspecified\", which a Region allow-list denies unless it lists \"unspecified\".".to_owned()
    } else {
        let dests = match (named.profiles.first(), region) {
            (Some(p), Some(r)) => p
                .destinations_from(r)
                .map(|d| format!(" (from {r}, `{}` may process in {})", p.id, short_list(d))),
            _ => None,
        };
        let _ = catalog;
        format!(
            "An organisation SCP denies the call: if any destination Region of the profile is denied, the request fails even when others are allowed{}.{}",
            dests.unwrap_or_default(),
            region.map(|r| format!(" The message names {r}.")).unwrap_or_default()
        )
    };
    d.fixes = vec![
        "Add every destination Region of the profile for your source Region (and \"unspecified\" for a global profile) to the SCP's aws:RequestedRegion list; the plan's SCP check writes the list.".to_owned(),
        "Or call an option whose Regions the SCP already allows.".to_owned(),
    ];
}

fn model_access(d: &mut Diagnosis, model: Option<&Model>) {
    d.links.push(Link::Cite(Cite::InferencePermissions));
    let marketplace = model.is_some_and(|m| m.provider.eq_ignore_ascii_case("anthropic"));
    d.cause = format!(
        "The account has no access to {}: model access is not enabled or its AWS Marketplace subscription is missing{}.",
        model.map_or_else(|| "the model".to_owned(), |m| format!("{} ({})", m.name, m.id)),
        if marketplace { " (Anthropic models are sold through AWS Marketplace)" } else { "" }
    );
    d.fixes = vec![
        "Enable access to the model in the Bedrock console, or let the first call subscribe: allow aws-marketplace:ViewSubscriptions and aws-marketplace:Subscribe.".to_owned(),
    ];
}

fn access_denied(
    catalog: &Catalog,
    d: &mut Diagnosis,
    named: &Named<'_>,
    region: Option<&RegionCode>,
) {
    d.links.extend([
        Link::Plan,
        Link::Cite(Cite::GeographicCris),
        Link::Cite(Cite::GlobalCris),
    ]);
    let model = named.model(catalog);
    d.cause = if named.regionless_arn {
        "The role's policy does not allow the Region-less foundation-model ARN (arn:aws:bedrock:::foundation-model/…) that global profiles need, with aws:RequestedRegion \"unspecified\".".to_owned()
    } else {
        let destination = match (model, region) {
            (Some(m), Some(r)) => catalog
                .profiles_for(&m.id)
                .find(|p| p.routes.iter().any(|route| route.to.contains(r)))
                .map(|p| format!(" {r} is a destination Region of `{}`: a geographic profile needs the model allowed in every destination, not only the source.", p.id)),
            _ => None,
        };
        format!(
            "The role's identity policy does not allow bedrock:InvokeModel on a resource the route needs{}.{}",
            region.map(|r| format!(" (the message names {r})")).unwrap_or_default(),
            destination.unwrap_or_default()
        )
    };
    d.fixes = vec![
        "Allow the profile ARN in the source Region and the foundation-model ARN in the source and every destination Region; the plan's policy panel writes the exact policy.".to_owned(),
    ];
}

fn throttled(d: &mut Diagnosis, model: Option<&Model>, region: Option<&RegionCode>) {
    d.links.push(Link::Cite(Cite::Quotas));
    let what = match d.kind {
        ErrorKind::QuotaExceeded => "A service quota is used up",
        _ => "Requests or tokens per minute went above the quota",
    };
    d.cause = format!(
        "{what} for {} from {}: quotas are per source Region, per model and per inference type (in-Region, cross-Region, global).",
        model.map_or_else(|| "the model".to_owned(), |m| m.name.clone()),
        region.map_or_else(|| "your source Region".to_owned(), |r| r.to_string())
    );
    d.fixes = vec![
        "Retry with exponential backoff and jitter (the SDKs' adaptive retry mode).".to_owned(),
        "Request a higher quota in Service Quotas in the source Region (\"Cross-Region InvokeModel tokens per minute\" for profiles, \"On-demand InvokeModel tokens per minute\" in-Region).".to_owned(),
        "Spread the load with a cross-Region or global profile, or buy Provisioned Throughput for steady traffic.".to_owned(),
    ];
}

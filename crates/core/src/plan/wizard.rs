//! The workload wizard: draft answers collected step by step, checked per step, and turned into a
//! typed [`Workload`] only by [`Draft::complete`]. Each step cannot be left forward while it has
//! problems; Back keeps every answer.

use crate::catalog::ids::{CountryCode, GeographyId, ModelId, RegionCode};
use crate::catalog::order;
use crate::catalog::residency::Residency;
use crate::catalog::retention::RetentionMode;
use crate::catalog::Catalog;
use crate::plan::money::group_digits;
use crate::plan::{
    OrgPolicy, Peak, Sla, TokensPerMonth, Traffic, Turnaround, Workload, WorkloadSpec,
};

/// The wizard's steps, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Step {
    /// Name, model, custom-model switch, source Region.
    Workload,
    /// The residency obligation.
    Residency,
    /// Traffic shape.
    Traffic,
    /// Service level.
    Sla,
    /// Organisation policy (optional).
    Policy,
    /// Everything, before the result.
    Review,
}

impl Step {
    /// Every step, in order.
    pub const ALL: [Step; 6] = [
        Step::Workload,
        Step::Residency,
        Step::Traffic,
        Step::Sla,
        Step::Policy,
        Step::Review,
    ];

    /// Title shown to the user.
    pub fn title(self) -> &'static str {
        match self {
            Step::Workload => "Workload",
            Step::Residency => "Data residency",
            Step::Traffic => "Traffic",
            Step::Sla => "Service level",
            Step::Policy => "Organisation policy",
            Step::Review => "Review",
        }
    }

    /// 1-based position.
    pub fn number(self) -> usize {
        Step::ALL
            .iter()
            .position(|s| *s == self)
            .map_or(0, |i| i + 1)
    }

    fn next(self) -> Step {
        Step::ALL
            .get(self.number())
            .copied()
            .unwrap_or(Step::Review)
    }

    fn previous(self) -> Step {
        match self.number() {
            0 | 1 => Step::Workload,
            n => Step::ALL[n - 2],
        }
    }
}

/// The kind of residency obligation chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ResidencyKind {
    /// No obligation.
    None,
    /// A named group of countries.
    Geography,
    /// One country.
    Country,
    /// A list of Regions.
    Regions,
}

impl ResidencyKind {
    /// Every kind, in wizard order.
    pub const ALL: [ResidencyKind; 4] = [
        ResidencyKind::None,
        ResidencyKind::Geography,
        ResidencyKind::Country,
        ResidencyKind::Regions,
    ];

    /// The kind as plan files write it, also used in element IDs.
    pub fn key(self) -> &'static str {
        match self {
            ResidencyKind::None => "none",
            ResidencyKind::Geography => "geography",
            ResidencyKind::Country => "country",
            ResidencyKind::Regions => "regions",
        }
    }

    /// The choice in plain words, with an example.
    pub fn label(self) -> (&'static str, &'static str) {
        match self {
            ResidencyKind::None => ("No obligation", "Prompts may be processed in any Region."),
            ResidencyKind::Geography => ("Stay in a group of countries", "A geography such as the EU: GDPR-style \"stay in the EU\" is this kind."),
            ResidencyKind::Country => ("Stay in one country", "For example \"data stays in Japan\" or \"in Canada\"."),
            ResidencyKind::Regions => ("Stay in these Regions", "Named Regions; one Region pins processing there: \"must remain in Frankfurt\" is eu-central-1."),
        }
    }
}

/// A field of the draft, for problems and focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// Workload name.
    Name,
    /// Model.
    Model,
    /// Source Region.
    SourceRegion,
    /// Residency choice and its value.
    Residency,
    /// Traffic shape.
    Traffic,
    /// Service level.
    Sla,
    /// How soon the answer is needed.
    Turnaround,
    /// Expected tokens a month (optional).
    Tokens,
    /// The peak minute (optional).
    Peak,
    /// Allowed Regions of the organisation policy.
    AllowedRegions,
}

impl Field {
    /// The step a field belongs to.
    pub fn step(self) -> Step {
        match self {
            Field::Name | Field::Model | Field::SourceRegion => Step::Workload,
            Field::Residency => Step::Residency,
            Field::Traffic | Field::Tokens | Field::Peak => Step::Traffic,
            Field::Sla | Field::Turnaround => Step::Sla,
            Field::AllowedRegions => Step::Policy,
        }
    }
}

/// One problem with an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Which field.
    pub field: Field,
    /// What is wrong, in plain words.
    pub message: String,
}

/// The answers so far; any of them may be missing or wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// Workload name.
    pub name: String,
    /// Model.
    pub model_id: Option<ModelId>,
    /// Fine-tuned or imported model.
    pub custom_model: bool,
    /// Source Region.
    pub source_region: Option<RegionCode>,
    /// Kind of residency obligation.
    pub residency: ResidencyKind,
    /// Geography, for [`ResidencyKind::Geography`].
    pub geography: Option<GeographyId>,
    /// Country, for [`ResidencyKind::Country`].
    pub country: Option<CountryCode>,
    /// Regions, for [`ResidencyKind::Regions`], sorted.
    pub regions: Vec<RegionCode>,
    /// Traffic shape.
    pub traffic: Option<Traffic>,
    /// Service level.
    pub sla: Option<Sla>,
    /// Whether the SCPs restrict Regions.
    pub restrict_regions: bool,
    /// The Regions the SCPs allow, when restricted, sorted.
    pub allowed_regions: Vec<RegionCode>,
    /// Whether the SCPs allow global profiles.
    pub allows_global: bool,
    /// Expected input tokens a month, as typed (optional).
    pub tokens_input: String,
    /// Expected output tokens a month, as typed (optional).
    pub tokens_output: String,
    /// The most data retention the obligation accepts; `None` = not stated.
    pub data_retention: Option<RetentionMode>,
    /// How soon the answer is needed.
    pub turnaround: Turnaround,
    /// The peak minute's requests, as typed (optional).
    pub peak_requests: String,
    /// Its input tokens per request, as typed.
    pub peak_input: String,
    /// Its output tokens per request, as typed.
    pub peak_output: String,
    /// The `max_tokens` each request sets, as typed (empty: not set).
    pub peak_max_tokens: String,
    /// Cache reads and writes per request, kept as the plan states them (the wizard does not
    /// ask).
    pub peak_cache: (Option<u64>, Option<u64>),
}

impl Default for Draft {
    fn default() -> Self {
        Draft {
            name: String::new(),
            model_id: None,
            custom_model: false,
            source_region: None,
            residency: ResidencyKind::None,
            geography: None,
            country: None,
            regions: Vec::new(),
            traffic: None,
            sla: None,
            restrict_regions: false,
            allowed_regions: Vec::new(),
            allows_global: true,
            tokens_input: String::new(),
            tokens_output: String::new(),
            data_retention: None,
            turnaround: Turnaround::Interactive,
            peak_requests: String::new(),
            peak_input: String::new(),
            peak_output: String::new(),
            peak_max_tokens: String::new(),
            peak_cache: (None, None),
        }
    }
}

/// One answer, as the wizard's inputs send it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// Workload name.
    Name(String),
    /// Model.
    Model(ModelId),
    /// Custom-model switch.
    CustomModel(bool),
    /// Source Region (`None`: not chosen).
    SourceRegion(Option<RegionCode>),
    /// Kind of obligation.
    ResidencyKind(ResidencyKind),
    /// Geography (`None`: not chosen).
    Geography(Option<GeographyId>),
    /// Country (`None`: not chosen).
    Country(Option<CountryCode>),
    /// Adds or removes one Region of the obligation.
    ToggleRegion(RegionCode),
    /// Traffic shape.
    Traffic(Traffic),
    /// Service level.
    Sla(Sla),
    /// Whether SCPs restrict Regions.
    RestrictRegions(bool),
    /// Adds or removes one allowed Region.
    ToggleAllowedRegion(RegionCode),
    /// Whether SCPs allow global profiles.
    AllowsGlobal(bool),
    /// Expected input tokens a month, as typed.
    TokensInput(String),
    /// Expected output tokens a month, as typed.
    TokensOutput(String),
    /// The peak minute's requests, as typed.
    PeakRequests(String),
    /// Its input tokens per request, as typed.
    PeakInput(String),
    /// Its output tokens per request, as typed.
    PeakOutput(String),
    /// The `max_tokens` each request sets, as typed.
    PeakMaxTokens(String),
    /// The most retention the obligation accepts (`None`: not stated).
    DataRetention(Option<RetentionMode>),
    /// How soon the answer is needed.
    Turnaround(Turnaround),
}

/// Reads a token count as people write it: `20000000`, `20,000,000`, `20 000 000`, `20M`,
/// `1.5B`, `500k`. `None` when it is not a whole number of tokens.
pub fn parse_tokens(text: &str) -> Option<u64> {
    let compact: String = text
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | ' ' | '\u{a0}'))
        .collect();
    let (number, scale) = match compact.char_indices().last()? {
        (i, 'k' | 'K') => (&compact[..i], 1_000),
        (i, 'm' | 'M') => (&compact[..i], 1_000_000),
        (i, 'b' | 'B') => (&compact[..i], 1_000_000_000),
        _ => (compact.as_str(), 1),
    };
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    if whole.is_empty() && fraction.is_empty()
        || !whole
            .bytes()
            .chain(fraction.bytes())
            .all(|b| b.is_ascii_digit())
        || fraction.len() > 9
    {
        return None;
    }
    let whole: u64 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let digits: u64 = if fraction.is_empty() {
        0
    } else {
        fraction.parse().ok()?
    };
    let fraction_scaled = u128::from(digits) * scale as u128 / 10u128.pow(fraction.len() as u32);
    if fraction_scaled * 10u128.pow(fraction.len() as u32) != u128::from(digits) * scale as u128 {
        return None;
    }
    whole
        .checked_mul(scale)?
        .checked_add(u64::try_from(fraction_scaled).ok()?)
}

fn toggle(list: &mut Vec<RegionCode>, item: RegionCode) {
    match list.iter().position(|x| *x == item) {
        Some(i) => {
            list.remove(i);
        }
        None => {
            list.push(item);
            order::sort(list);
        }
    }
}

impl Draft {
    /// A draft holding a workload's answers, for editing it.
    pub fn from_workload(w: &Workload<'_>) -> Draft {
        let spec = w.spec();
        let mut draft = Draft {
            name: spec.name.clone(),
            model_id: Some(spec.model_id.clone()),
            custom_model: spec.custom_model,
            source_region: Some(spec.source_region.clone()),
            traffic: Some(spec.traffic),
            sla: Some(spec.sla),
            data_retention: spec.data_retention,
            turnaround: spec.turnaround(),
            ..Draft::default()
        };
        match &spec.residency {
            Residency::None => {}
            Residency::Geography { name } => {
                draft.residency = ResidencyKind::Geography;
                draft.geography = Some(name.clone());
            }
            Residency::Country { code } => {
                draft.residency = ResidencyKind::Country;
                draft.country = Some(code.clone());
            }
            Residency::Regions { codes } => {
                draft.residency = ResidencyKind::Regions;
                draft.regions = codes.clone();
            }
        }
        if let Some(peak) = spec.peak {
            draft.peak_requests = peak.requests_per_minute.to_string();
            draft.peak_input = peak.input_tokens.to_string();
            draft.peak_output = peak.output_tokens.to_string();
            draft.peak_max_tokens = peak.max_tokens.map(|m| m.to_string()).unwrap_or_default();
            draft.peak_cache = (peak.cache_read_tokens, peak.cache_write_tokens);
        }
        if let Some(tokens) = spec.tokens_per_month {
            draft.tokens_input = tokens.input.to_string();
            draft.tokens_output = tokens.output.to_string();
        }
        if let Some(policy) = &spec.org_policy {
            draft.allows_global = policy.allows_global;
            if let Some(list) = &policy.allowed_regions {
                draft.restrict_regions = true;
                draft.allowed_regions = list.clone();
            }
        }
        draft
    }

    /// Applies one answer.
    pub fn answer(&mut self, answer: Answer) {
        match answer {
            Answer::Name(v) => self.name = v,
            Answer::Model(v) => self.model_id = Some(v),
            Answer::CustomModel(v) => self.custom_model = v,
            Answer::SourceRegion(v) => self.source_region = v,
            Answer::ResidencyKind(v) => self.residency = v,
            Answer::Geography(v) => self.geography = v,
            Answer::Country(v) => self.country = v,
            Answer::ToggleRegion(v) => toggle(&mut self.regions, v),
            Answer::Traffic(v) => self.traffic = Some(v),
            Answer::Sla(v) => self.sla = Some(v),
            Answer::RestrictRegions(v) => self.restrict_regions = v,
            Answer::ToggleAllowedRegion(v) => toggle(&mut self.allowed_regions, v),
            Answer::AllowsGlobal(v) => self.allows_global = v,
            Answer::TokensInput(v) => self.tokens_input = v,
            Answer::TokensOutput(v) => self.tokens_output = v,
            Answer::PeakRequests(v) => self.peak_requests = v,
            Answer::PeakInput(v) => self.peak_input = v,
            Answer::PeakOutput(v) => self.peak_output = v,
            Answer::PeakMaxTokens(v) => self.peak_max_tokens = v,
            Answer::DataRetention(v) => self.data_retention = v,
            Answer::Turnaround(v) => self.turnaround = v,
        }
    }

    /// Every problem of the whole draft, in step order.
    pub fn problems(&self, catalog: &Catalog) -> Vec<Problem> {
        let mut problems = Vec::new();
        let mut add = |field, message: String| problems.push(Problem { field, message });
        if self.name.trim().is_empty() {
            add(Field::Name, "Give the workload a name.".into());
        }
        match &self.model_id {
            None => add(Field::Model, "Choose a model.".into()),
            Some(id) if catalog.model(id).is_none() => add(
                Field::Model,
                format!("\"{id}\" is not a model in the catalog."),
            ),
            Some(_) => {}
        }
        match &self.source_region {
            None => add(
                Field::SourceRegion,
                "Choose the Region your application calls from.".into(),
            ),
            Some(code) if catalog.region(code).is_none() => add(
                Field::SourceRegion,
                format!("\"{code}\" is not a Region in the catalog."),
            ),
            Some(_) => {}
        }
        if let Some(message) = self.residency_problem(catalog) {
            add(Field::Residency, message);
        }
        if self.traffic.is_none() {
            add(Field::Traffic, "Choose the traffic shape.".into());
        }
        if self.sla.is_none() {
            add(Field::Sla, "Choose the service level.".into());
        }
        if self.turnaround != Turnaround::Interactive
            && self.sla.is_some_and(|s| s != Sla::BestEffort)
        {
            add(
                Field::Turnaround,
                "Work that can wait takes the best-effort service level: choose Interactive, or best effort.".into(),
            );
        }
        if let Err(message) = self.tokens() {
            add(Field::Tokens, message);
        }
        if let Err(message) = self.peak() {
            add(Field::Peak, message);
        }
        if self.restrict_regions && self.allowed_regions.is_empty() {
            add(
                Field::AllowedRegions,
                "Choose the Regions your SCPs allow, or lift the restriction.".into(),
            );
        }
        problems
    }

    fn residency_problem(&self, catalog: &Catalog) -> Option<String> {
        match self.residency {
            ResidencyKind::None => None,
            ResidencyKind::Geography => self
                .geography
                .as_ref()
                .and_then(|g| catalog.geography(g))
                .is_none()
                .then(|| "Choose a geography.".into()),
            ResidencyKind::Country => self
                .country
                .as_ref()
                .and_then(|c| catalog.country(c))
                .is_none()
                .then(|| "Choose a country.".into()),
            ResidencyKind::Regions if self.regions.is_empty() => {
                Some("Choose at least one Region.".into())
            }
            ResidencyKind::Regions => self
                .regions
                .iter()
                .find(|r| catalog.region(r).is_none())
                .map(|bad| format!("\"{bad}\" is not a Region in the catalog.")),
        }
    }

    /// The monthly volume typed: `None` when both boxes are empty (an empty box counts as 0
    /// when the other is filled), or why it cannot be read.
    pub fn tokens(&self) -> Result<Option<TokensPerMonth>, String> {
        let read = |text: &str, what: &str| -> Result<u64, String> {
            if text.trim().is_empty() {
                return Ok(0);
            }
            parse_tokens(text).ok_or_else(|| {
                format!("{what} tokens: write a whole number such as 20000000, 20,000,000 or 20M.")
            })
        };
        if self.tokens_input.trim().is_empty() && self.tokens_output.trim().is_empty() {
            return Ok(None);
        }
        Ok(Some(TokensPerMonth {
            input: read(&self.tokens_input, "Input")?,
            output: read(&self.tokens_output, "Output")?,
        }))
    }

    /// The peak typed: `None` when its boxes are empty; requests, input and output are needed
    /// once one is filled, `max_tokens` stays optional (empty: requests do not set it).
    pub fn peak(&self) -> Result<Option<Peak>, String> {
        let boxes = [
            &self.peak_requests,
            &self.peak_input,
            &self.peak_output,
            &self.peak_max_tokens,
        ];
        if boxes.iter().all(|b| b.trim().is_empty()) {
            return Ok(None);
        }
        let read = |text: &str, what: &str| -> Result<u64, String> {
            if text.trim().is_empty() {
                return Err(format!(
                    "Peak: give the {what} too, or empty every peak box."
                ));
            }
            parse_tokens(text).ok_or_else(|| {
                format!("Peak {what}: write a whole number such as 6000, 6,000 or 6k.")
            })
        };
        let max_tokens = match self.peak_max_tokens.trim() {
            "" => None,
            text => Some(read(text, "max_tokens")?),
        };
        let peak = Peak {
            requests_per_minute: read(&self.peak_requests, "requests a minute")?,
            input_tokens: read(&self.peak_input, "input tokens per request")?,
            output_tokens: read(&self.peak_output, "output tokens per request")?,
            max_tokens,
            cache_read_tokens: self.peak_cache.0,
            cache_write_tokens: self.peak_cache.1,
        };
        peak.check()
            .map_err(|(field, message)| format!("Peak {}: {message}.", field.replace('_', " ")))?;
        Ok(Some(peak))
    }

    fn peak_summary(&self) -> String {
        match self.peak() {
            Ok(Some(p)) => format!(
                "{} requests a minute, {} input and {} output tokens each, max_tokens {}",
                group_digits(p.requests_per_minute),
                group_digits(p.input_tokens),
                group_digits(p.output_tokens),
                p.max_tokens
                    .map_or("not set (the model's maximum)".to_owned(), group_digits)
            ),
            Ok(None) => "not given (no capacity check)".into(),
            Err(message) => message,
        }
    }

    /// The obligation the answers describe, when complete.
    fn obligation(&self) -> Option<Residency> {
        Some(match self.residency {
            ResidencyKind::None => Residency::None,
            ResidencyKind::Geography => Residency::Geography {
                name: self.geography.clone()?,
            },
            ResidencyKind::Country => Residency::Country {
                code: self.country.clone()?,
            },
            ResidencyKind::Regions => Residency::Regions {
                codes: self.regions.clone(),
            },
        })
    }

    /// The problems of one step.
    pub fn problems_at(&self, step: Step, catalog: &Catalog) -> Vec<Problem> {
        self.problems(catalog)
            .into_iter()
            .filter(|p| p.field.step() == step)
            .collect()
    }

    /// The checked workload, or every problem keyed by field.
    pub fn complete<'c>(&self, catalog: &'c Catalog) -> Result<Workload<'c>, Vec<Problem>> {
        let problems = self.problems(catalog);
        let (true, Some(model_id), Some(source_region), Some(residency), Some(traffic), Some(sla)) = (
            problems.is_empty(),
            self.model_id.clone(),
            self.source_region.clone(),
            self.obligation(),
            self.traffic,
            self.sla,
        ) else {
            return Err(problems);
        };
        let org_policy = (self.restrict_regions || !self.allows_global).then(|| OrgPolicy {
            allowed_regions: self.restrict_regions.then(|| self.allowed_regions.clone()),
            allows_global: self.allows_global,
        });
        WorkloadSpec {
            name: self.name.trim().to_owned(),
            model_id,
            custom_model: self.custom_model,
            source_region,
            residency,
            traffic,
            sla,
            org_policy,
            tokens_per_month: self.tokens().ok().flatten(),
            data_retention: self.data_retention,
            turnaround: (self.turnaround != Turnaround::Interactive).then_some(self.turnaround),
            peak: self.peak().ok().flatten(),
        }
        .check(catalog)
        .map_err(|(_, message)| {
            vec![Problem {
                field: Field::Name,
                message,
            }]
        })
    }

    fn tokens_summary(&self) -> String {
        match self.tokens() {
            Ok(Some(t)) => format!(
                "{} input, {} output",
                group_digits(t.input),
                group_digits(t.output)
            ),
            Ok(None) => "not given (no cost estimate)".into(),
            Err(_) => "incomplete".into(),
        }
    }

    /// The answers as the review step lists them: what, the answer in words, and the step that
    /// asks it.
    pub fn summary(&self, catalog: &Catalog) -> Vec<(&'static str, String, Step)> {
        let model = self.model_id.as_ref().map_or_else(String::new, |id| {
            catalog
                .model(id)
                .map_or(id.to_string(), |m| format!("{} ({})", m.name, m.id))
        });
        let custom = if self.custom_model {
            ", custom model"
        } else {
            ""
        };
        let source = self
            .source_region
            .as_ref()
            .map_or_else(String::new, |code| {
                catalog
                    .region(code)
                    .map_or(code.to_string(), |r| format!("{} · {}", r.code, r.name))
            });
        let residency = match (self.residency_problem(catalog), self.obligation()) {
            (None, Some(obligation)) => obligation.describe(catalog),
            _ => "incomplete".into(),
        };
        let mut policy = String::new();
        if self.restrict_regions {
            let list: Vec<&str> = self
                .allowed_regions
                .iter()
                .map(RegionCode::as_str)
                .collect();
            policy = format!("Regions: {}. ", list.join(", "));
        }
        policy.push_str(match (self.restrict_regions, self.allows_global) {
            (false, true) => "No restriction",
            (_, true) => "Global allowed.",
            (_, false) => "Global denied.",
        });
        vec![
            ("Name", self.name.clone(), Step::Workload),
            ("Model", format!("{model}{custom}"), Step::Workload),
            ("Source Region", source, Step::Workload),
            ("Residency", residency, Step::Residency),
            (
                "Data retention",
                self.data_retention
                    .map_or("Not stated".into(), |m| m.effect().to_owned()),
                Step::Residency,
            ),
            (
                "Traffic",
                self.traffic.map_or("—".into(), |t| t.label().to_owned()),
                Step::Traffic,
            ),
            (
                "Service level",
                self.sla.map_or("—".into(), |s| s.label().to_owned()),
                Step::Sla,
            ),
            ("Turnaround", self.turnaround.label().to_owned(), Step::Sla),
            ("Tokens a month", self.tokens_summary(), Step::Traffic),
            ("Peak minute", self.peak_summary(), Step::Traffic),
            ("Organisation policy", policy, Step::Policy),
        ]
    }
}

/// The wizard: a step and a draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wizard {
    /// The step shown.
    pub step: Step,
    /// The answers.
    pub draft: Draft,
    /// Problems found when the user last tried to go forward from this step.
    pub shown_problems: Vec<Problem>,
}

impl Wizard {
    /// A wizard for a new workload.
    pub fn new() -> Wizard {
        Wizard::with_draft(Draft::default())
    }

    /// A wizard starting from existing answers.
    pub fn with_draft(draft: Draft) -> Wizard {
        Wizard {
            step: Step::Workload,
            draft,
            shown_problems: Vec::new(),
        }
    }

    /// Applies one action; returns what it means for the plan.
    pub fn apply<'c>(&mut self, action: WizardAction, catalog: &'c Catalog) -> WizardOutcome<'c> {
        match action {
            WizardAction::Answer(answer) => self.answer(answer, catalog),
            WizardAction::Next => {
                self.next(catalog);
            }
            WizardAction::Back => self.back(),
            WizardAction::GoTo(step) => {
                self.go_to(step, catalog);
            }
            WizardAction::Cancel => return WizardOutcome::Cancelled,
            WizardAction::Save => return self.save(catalog),
        }
        WizardOutcome::Open
    }

    /// Applies an answer; problems already shown for that step are re-checked so they clear as
    /// soon as the answer is fixed.
    fn answer(&mut self, answer: Answer, catalog: &Catalog) {
        self.draft.answer(answer);
        if !self.shown_problems.is_empty() {
            self.shown_problems = self.draft.problems_at(self.step, catalog);
        }
    }

    /// Goes to the next step if this one has no problems; otherwise shows them.
    fn next(&mut self, catalog: &Catalog) {
        let problems = self.draft.problems_at(self.step, catalog);
        if problems.is_empty() {
            self.step = self.step.next();
            self.shown_problems.clear();
        } else {
            self.shown_problems = problems;
        }
    }

    /// Goes back one step, keeping every answer.
    fn back(&mut self) {
        self.step = self.step.previous();
        self.shown_problems.clear();
    }

    /// Jumps to `step` if every step before it is valid (from the review, to edit one answer).
    fn go_to(&mut self, step: Step, catalog: &Catalog) {
        let blocked = Step::ALL
            .iter()
            .take_while(|s| **s < step)
            .any(|s| !self.draft.problems_at(*s, catalog).is_empty());
        if !blocked {
            self.step = step;
            self.shown_problems.clear();
        }
    }

    /// The finished workload, or the first step with problems, showing them.
    fn save<'c>(&mut self, catalog: &'c Catalog) -> WizardOutcome<'c> {
        match self.draft.complete(catalog) {
            Ok(workload) => WizardOutcome::Done(Box::new(workload)),
            Err(problems) => {
                if let Some(first) = problems.first() {
                    let step = first.field.step();
                    self.step = step;
                    self.shown_problems = problems
                        .into_iter()
                        .filter(|p| p.field.step() == step)
                        .collect();
                }
                WizardOutcome::Open
            }
        }
    }
}

/// What the wizard's controls ask for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WizardAction {
    /// Answer a question.
    Answer(Answer),
    /// Next step.
    Next,
    /// Previous step.
    Back,
    /// Jump to a step (from the review).
    GoTo(Step),
    /// Close without saving.
    Cancel,
    /// Finish: add the workload to the plan, or save the edit.
    Save,
}

/// What an action means for the plan holding the wizard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WizardOutcome<'c> {
    /// The wizard stays open.
    Open,
    /// The user closed it without saving.
    Cancelled,
    /// The answers are complete: this is the workload.
    Done(Box<Workload<'c>>),
}

impl Default for Wizard {
    fn default() -> Self {
        Wizard::new()
    }
}

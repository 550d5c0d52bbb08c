//! The workload wizard: draft answers collected step by step, checked per step, and turned into a
//! typed [`Workload`] only by [`Draft::complete`]. Each step cannot be left forward while it has
//! problems; Back keeps every answer.

use super::catalog::Catalog;
use super::ids::{CountryCode, GeographyId, ModelId, RegionCode};
use super::plan::{OrgPolicy, Sla, Traffic, Workload};
use super::residency::Residency;

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
    /// Allowed Regions of the organisation policy.
    AllowedRegions,
}

impl Field {
    /// The step a field belongs to.
    pub fn step(self) -> Step {
        match self {
            Field::Name | Field::Model | Field::SourceRegion => Step::Workload,
            Field::Residency => Step::Residency,
            Field::Traffic => Step::Traffic,
            Field::Sla => Step::Sla,
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
    /// Model ID.
    pub model_id: String,
    /// Fine-tuned or imported model.
    pub custom_model: bool,
    /// Source Region code.
    pub source_region: String,
    /// Kind of residency obligation.
    pub residency: ResidencyKind,
    /// Geography ID, for [`ResidencyKind::Geography`].
    pub geography: String,
    /// Country code, for [`ResidencyKind::Country`].
    pub country: String,
    /// Region codes, for [`ResidencyKind::Regions`].
    pub regions: Vec<String>,
    /// Traffic shape.
    pub traffic: Option<Traffic>,
    /// Service level.
    pub sla: Option<Sla>,
    /// Whether the SCPs restrict Regions.
    pub restrict_regions: bool,
    /// The Regions the SCPs allow, when restricted.
    pub allowed_regions: Vec<String>,
    /// Whether the SCPs allow global profiles.
    pub allows_global: bool,
}

impl Default for Draft {
    fn default() -> Self {
        Draft {
            name: String::new(),
            model_id: String::new(),
            custom_model: false,
            source_region: String::new(),
            residency: ResidencyKind::None,
            geography: String::new(),
            country: String::new(),
            regions: Vec::new(),
            traffic: None,
            sla: None,
            restrict_regions: false,
            allowed_regions: Vec::new(),
            allows_global: true,
        }
    }
}

/// One answer, as the wizard's inputs send it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// Workload name.
    Name(String),
    /// Model ID.
    Model(String),
    /// Custom-model switch.
    CustomModel(bool),
    /// Source Region.
    SourceRegion(String),
    /// Kind of obligation.
    ResidencyKind(ResidencyKind),
    /// Geography.
    Geography(String),
    /// Country.
    Country(String),
    /// Adds or removes one Region of the obligation.
    ToggleRegion(String),
    /// Traffic shape.
    Traffic(Traffic),
    /// Service level.
    Sla(Sla),
    /// Whether SCPs restrict Regions.
    RestrictRegions(bool),
    /// Adds or removes one allowed Region.
    ToggleAllowedRegion(String),
    /// Whether SCPs allow global profiles.
    AllowsGlobal(bool),
}

fn toggle(list: &mut Vec<String>, item: String) {
    match list.iter().position(|x| *x == item) {
        Some(i) => {
            list.remove(i);
        }
        None => {
            list.push(item);
            list.sort();
        }
    }
}

impl Draft {
    /// A draft holding a workload's answers, for editing it.
    pub fn from_workload(w: &Workload) -> Draft {
        let mut draft = Draft {
            name: w.name.clone(),
            model_id: w.model_id.to_string(),
            custom_model: w.custom_model,
            source_region: w.source_region.to_string(),
            traffic: Some(w.traffic),
            sla: Some(w.sla),
            ..Draft::default()
        };
        match &w.residency {
            Residency::None => {}
            Residency::Geography { name } => {
                draft.residency = ResidencyKind::Geography;
                draft.geography = name.to_string();
            }
            Residency::Country { code } => {
                draft.residency = ResidencyKind::Country;
                draft.country = code.to_string();
            }
            Residency::Regions { codes } => {
                draft.residency = ResidencyKind::Regions;
                draft.regions = codes.iter().map(|c| c.to_string()).collect();
            }
        }
        if let Some(policy) = &w.org_policy {
            draft.allows_global = policy.allows_global;
            if let Some(list) = &policy.allowed_regions {
                draft.restrict_regions = true;
                draft.allowed_regions = list.iter().map(|c| c.to_string()).collect();
            }
        }
        draft
    }

    /// Applies one answer.
    pub fn answer(&mut self, answer: Answer) {
        match answer {
            Answer::Name(v) => self.name = v,
            Answer::Model(v) => self.model_id = v,
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
        }
    }

    /// Every problem of the whole draft, in step order.
    pub fn problems(&self, catalog: &Catalog) -> Vec<Problem> {
        let mut problems = Vec::new();
        let mut add = |field, message: String| problems.push(Problem { field, message });
        if self.name.trim().is_empty() {
            add(Field::Name, "Give the workload a name.".into());
        }
        if self.model_id.is_empty() {
            add(Field::Model, "Choose a model.".into());
        } else if catalog.model(&self.model_id).is_none() {
            add(
                Field::Model,
                format!("\"{}\" is not a model in the catalog.", self.model_id),
            );
        }
        if self.source_region.is_empty() {
            add(
                Field::SourceRegion,
                "Choose the Region your application calls from.".into(),
            );
        } else if catalog.region(&self.source_region).is_none() {
            add(
                Field::SourceRegion,
                format!("\"{}\" is not a Region in the catalog.", self.source_region),
            );
        }
        match self.residency {
            ResidencyKind::None => {}
            ResidencyKind::Geography if catalog.geography(&self.geography).is_none() => {
                add(Field::Residency, "Choose a geography.".into())
            }
            ResidencyKind::Country if catalog.country(&self.country).is_none() => {
                add(Field::Residency, "Choose a country.".into())
            }
            ResidencyKind::Regions if self.regions.is_empty() => {
                add(Field::Residency, "Choose at least one Region.".into())
            }
            ResidencyKind::Regions => {
                if let Some(bad) = self.regions.iter().find(|r| catalog.region(r).is_none()) {
                    add(
                        Field::Residency,
                        format!("\"{bad}\" is not a Region in the catalog."),
                    );
                }
            }
            _ => {}
        }
        if self.traffic.is_none() {
            add(Field::Traffic, "Choose the traffic shape.".into());
        }
        if self.sla.is_none() {
            add(Field::Sla, "Choose the service level.".into());
        }
        if self.restrict_regions && self.allowed_regions.is_empty() {
            add(
                Field::AllowedRegions,
                "Choose the Regions your SCPs allow, or lift the restriction.".into(),
            );
        }
        problems
    }

    /// The problems of one step.
    pub fn problems_at(&self, step: Step, catalog: &Catalog) -> Vec<Problem> {
        self.problems(catalog)
            .into_iter()
            .filter(|p| p.field.step() == step)
            .collect()
    }

    /// The typed workload, or every problem keyed by field.
    pub fn complete(&self, catalog: &Catalog) -> Result<Workload, Vec<Problem>> {
        let problems = self.problems(catalog);
        if !problems.is_empty() {
            return Err(problems);
        }
        let residency = match self.residency {
            ResidencyKind::None => Residency::None,
            ResidencyKind::Geography => Residency::Geography {
                name: GeographyId::new(self.geography.as_str()),
            },
            ResidencyKind::Country => Residency::Country {
                code: CountryCode::new(self.country.as_str()),
            },
            ResidencyKind::Regions => Residency::Regions {
                codes: self
                    .regions
                    .iter()
                    .map(|r| RegionCode::new(r.as_str()))
                    .collect(),
            },
        };
        let org_policy = (self.restrict_regions || !self.allows_global).then(|| OrgPolicy {
            allowed_regions: self.restrict_regions.then(|| {
                self.allowed_regions
                    .iter()
                    .map(|r| RegionCode::new(r.as_str()))
                    .collect()
            }),
            allows_global: self.allows_global,
        });
        let (Some(traffic), Some(sla)) = (self.traffic, self.sla) else {
            return Err(self.problems(catalog));
        };
        Ok(Workload {
            name: self.name.trim().to_owned(),
            model_id: ModelId::new(self.model_id.as_str()),
            custom_model: self.custom_model,
            source_region: RegionCode::new(self.source_region.as_str()),
            residency,
            traffic,
            sla,
            org_policy,
        })
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

    /// Applies an answer; problems already shown for that step are re-checked so they clear as
    /// soon as the answer is fixed.
    pub fn answer(&mut self, answer: Answer, catalog: &Catalog) {
        self.draft.answer(answer);
        if !self.shown_problems.is_empty() {
            self.shown_problems = self.draft.problems_at(self.step, catalog);
        }
    }

    /// Goes to the next step if this one has no problems; otherwise shows them. Returns whether
    /// it moved.
    pub fn next(&mut self, catalog: &Catalog) -> bool {
        let problems = self.draft.problems_at(self.step, catalog);
        if problems.is_empty() {
            self.step = self.step.next();
            self.shown_problems.clear();
            true
        } else {
            self.shown_problems = problems;
            false
        }
    }

    /// Goes back one step, keeping every answer.
    pub fn back(&mut self) {
        self.step = self.step.previous();
        self.shown_problems.clear();
    }

    /// Jumps to `step` if every step before it is valid (from the review, to edit one answer).
    pub fn go_to(&mut self, step: Step, catalog: &Catalog) -> bool {
        let blocked = Step::ALL
            .iter()
            .take_while(|s| **s < step)
            .any(|s| !self.draft.problems_at(*s, catalog).is_empty());
        if blocked {
            return false;
        }
        self.step = step;
        self.shown_problems.clear();
        true
    }
}

impl Default for Wizard {
    fn default() -> Self {
        Wizard::new()
    }
}

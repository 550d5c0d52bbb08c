//! The "Changes" section of the data sources page (`data/`): what each recorded import changed, as rows a table
//! shows (models and profiles added, retired, withdrawn or moved to Legacy; in-Region counts),
//! the countries the new profiles may process in, and destinations new to existing profiles.

use crate::catalog::ids::{CountryCode, ModelId, ProfileId};
use crate::catalog::schema::Change;
use crate::catalog::Catalog;
use std::collections::BTreeMap;

/// What a table entry names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// A model.
    Model(ModelId),
    /// A profile.
    Profile(ProfileId),
}

/// One model or profile in a row, with whether the catalog still has a page for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The model or profile.
    pub subject: Subject,
    /// Whether the catalog has it (a withdrawn profile does not).
    pub in_catalog: bool,
    /// A detail, such as the retirement date.
    pub note: Option<String>,
}

/// One row of an import's table: what changed, how many, and which.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// What changed, such as `Models added`.
    pub what: &'static str,
    /// How many.
    pub count: usize,
    /// Which (empty for in-Region counts).
    pub entries: Vec<Entry>,
}

/// New profiles that may process prompts in the same countries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryGroup {
    /// The countries' names, joined.
    pub countries: String,
    /// The profiles.
    pub profiles: Vec<Entry>,
}

/// A destination new to an existing profile's route from one source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDestination {
    /// The profile.
    pub profile: Entry,
    /// The source Region.
    pub source: String,
    /// The new destination.
    pub region: String,
    /// The destination's country, when it is new to the route.
    pub new_country: Option<String>,
}

/// One import, ready to render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeSummary {
    /// The catalog's date after the import.
    pub as_of: String,
    /// Its date before.
    pub previous_as_of: String,
    /// What was imported.
    pub from: String,
    /// Counts and entries.
    pub rows: Vec<Row>,
    /// The new profiles grouped by the countries they may process in.
    pub countries: Vec<CountryGroup>,
    /// Destinations new to existing profiles.
    pub destinations: Vec<NewDestination>,
}

fn model(catalog: &Catalog, id: &ModelId, note: Option<String>) -> Entry {
    Entry {
        subject: Subject::Model(id.clone()),
        in_catalog: catalog.model(id).is_some(),
        note,
    }
}

fn profile(catalog: &Catalog, id: &ProfileId) -> Entry {
    Entry {
        subject: Subject::Profile(id.clone()),
        in_catalog: catalog.profile(id).is_some(),
        note: None,
    }
}

fn row(what: &'static str, entries: Vec<Entry>) -> Row {
    Row {
        what,
        count: entries.len(),
        entries,
    }
}

fn country_names(catalog: &Catalog, codes: &[CountryCode]) -> String {
    let names: Vec<&str> = codes
        .iter()
        .map(|c| catalog.country(c).map_or(c.as_str(), |x| x.name.as_str()))
        .collect();
    names.join(", ")
}

/// Every recorded import, newest first.
pub fn summaries(catalog: &Catalog) -> Vec<ChangeSummary> {
    catalog
        .meta
        .changes
        .iter()
        .map(|c| summary(catalog, c))
        .collect()
}

fn summary(catalog: &Catalog, change: &Change) -> ChangeSummary {
    let models = |ids: &[ModelId]| ids.iter().map(|id| model(catalog, id, None)).collect();
    let profiles = |ids: &mut dyn Iterator<Item = &ProfileId>| {
        ids.map(|id| profile(catalog, id)).collect::<Vec<_>>()
    };
    let retired = change
        .models_retired
        .iter()
        .map(|r| model(catalog, &r.model, Some(format!("retired {}", r.retired_on))))
        .collect();
    let count = |what, count| Row {
        what,
        count,
        entries: Vec::new(),
    };
    let rows = vec![
        row("Models added", models(&change.models_added)),
        row("Models retired", retired),
        row("Models moved to Legacy", models(&change.models_legacy)),
        row(
            "Profiles added",
            profiles(&mut change.profiles_added.iter().map(|p| &p.profile)),
        ),
        row(
            "Profiles withdrawn",
            profiles(&mut change.profiles_withdrawn.iter()),
        ),
        count(
            "Destinations added to existing profiles",
            change.destinations_added.len(),
        ),
        count("In-Region offers added", change.in_region.added),
        count("In-Region offers removed", change.in_region.removed),
        count(
            "In-Region offers moved to another endpoint",
            change.in_region.endpoint_changed,
        ),
    ];
    ChangeSummary {
        as_of: change.as_of.clone(),
        previous_as_of: change.previous_as_of.clone(),
        from: change.from.clone(),
        rows,
        countries: country_groups(catalog, change),
        destinations: change
            .destinations_added
            .iter()
            .map(|d| NewDestination {
                profile: profile(catalog, &d.profile),
                source: d.source.to_string(),
                region: d.region.to_string(),
                new_country: d
                    .adds_country
                    .then(|| catalog.country_name_of(&d.region).to_owned()),
            })
            .collect(),
    }
}

/// The new profiles grouped by their set of countries, largest set first.
fn country_groups(catalog: &Catalog, change: &Change) -> Vec<CountryGroup> {
    let mut groups: BTreeMap<&[CountryCode], Vec<Entry>> = BTreeMap::new();
    for p in &change.profiles_added {
        groups
            .entry(p.countries.as_slice())
            .or_default()
            .push(profile(catalog, &p.profile));
    }
    let mut out: Vec<(usize, CountryGroup)> = groups
        .into_iter()
        .map(|(codes, profiles)| {
            let group = CountryGroup {
                countries: country_names(catalog, codes),
                profiles,
            };
            (codes.len(), group)
        })
        .collect();
    out.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then_with(|| a.1.countries.cmp(&b.1.countries))
    });
    out.into_iter().map(|(_, g)| g).collect()
}

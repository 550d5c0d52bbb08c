//! The model page's data: a matrix of every way to call one model, source Regions down and ways
//! across, each cell where a prompt may be processed; and the model's data retention facts.

use crate::browse::explore::Way;
use crate::catalog::ids::RegionCode;
use crate::catalog::order;
use crate::catalog::retention::{Basis, RetentionFacts};
use crate::catalog::schema::{InRegion, Model, Profile, Region};
use crate::catalog::Catalog;
use std::collections::BTreeSet;

/// One cell: what calling this way from this source Region does.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell<'a> {
    /// This way cannot be called from this source Region.
    NotOffered,
    /// A profile: the destination Regions, in catalog order.
    Offered(&'a [RegionCode]),
    /// The bare ID on demand in the source Region, with the endpoint that serves it.
    InRegion(&'a InRegion),
}

/// One row of a model's matrix: a source Region.
#[derive(Debug, Clone, PartialEq)]
pub struct MatrixRow<'a> {
    /// The source Region.
    pub source: &'a Region,
    /// One cell per column.
    pub cells: Vec<Cell<'a>>,
}

/// Every way to call a model, per source Region.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelMatrix<'a> {
    /// In-Region first, then geographic profiles by scope, then global.
    pub columns: Vec<Way<'a>>,
    /// Every Region from which some way exists, sorted by code.
    pub rows: Vec<MatrixRow<'a>>,
}

/// A model's data retention facts as (label, value) rows, in the order the page lists them.
pub fn retention_rows(facts: &RetentionFacts) -> Vec<(&'static str, String)> {
    let yes_no = |b: bool| if b { "Yes" } else { "No" }.to_owned();
    let how_long = match (facts.keeps_prompts(), facts.days) {
        (false, _) => "Nothing is kept".to_owned(),
        (true, Some(days)) => format!("Up to {days} days"),
        (true, None) => "Not stated".to_owned(),
    };
    vec![
        ("What is kept", facts.retained.words().to_owned()),
        ("For how long", how_long),
        ("Human review by AWS staff", yes_no(facts.human_review)),
        (
            "Shared with the model provider",
            yes_no(facts.shared_with_provider),
        ),
        ("Lowest data retention mode", facts.minimum.key().to_owned()),
        ("Zero data retention", facts.zero_retention.words()),
    ]
}

/// Where a model's retention facts come from, in a sentence.
pub fn retention_basis(facts: &RetentionFacts) -> &'static str {
    match facts.basis {
        Basis::Named => "As the AWS pages state for this model.",
        Basis::GeneralRule => "From the page's general rule: the AWS pages do not name this model, and by default Amazon Bedrock does not store model inputs or outputs.",
    }
}

/// Builds the matrix of `model`: source Regions down, ways across.
pub fn model_matrix<'a>(catalog: &'a Catalog, model: &'a Model) -> ModelMatrix<'a> {
    let mut profiles: Vec<&'a Profile> = catalog.profiles_for(&model.id).collect();
    order::sort_by_key(&mut profiles, |p| (p.scope.is_global(), p.scope.as_str()));
    let mut columns = vec![Way::InRegion];
    columns.extend(profiles.iter().map(|&p| Way::Profile(p)));
    let mut sources: BTreeSet<&RegionCode> = model.in_region_codes().collect();
    for p in &profiles {
        sources.extend(p.sources());
    }
    let rows = sources
        .into_iter()
        .filter_map(|code| catalog.region(code))
        .map(|source| MatrixRow {
            source,
            cells: columns
                .iter()
                .map(|column| match column {
                    Way::InRegion => model
                        .in_region_at(&source.code)
                        .map_or(Cell::NotOffered, Cell::InRegion),
                    Way::Profile(p) => p
                        .destinations_from(&source.code)
                        .map_or(Cell::NotOffered, Cell::Offered),
                })
                .collect(),
        })
        .collect();
    ModelMatrix { columns, rows }
}

//! The model page's data: a matrix of every way to call one model, source Regions down and ways
//! across, each cell where a prompt may be processed.

use crate::browse::explore::Way;
use crate::catalog::ids::RegionCode;
use crate::catalog::order;
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

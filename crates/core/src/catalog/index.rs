//! The engine's precomputed views of the catalog: Regions as bit sets, each model's in-Region
//! set and profiles by position, each profile's routes as sets, distances between Regions and
//! every Region's neighbours by distance. Built once with the catalog, so that scanning many
//! models and Regions for suggestions costs a few bit operations each.

use crate::catalog::geo::great_circle_km;
use crate::catalog::ids::RegionCode;
use crate::catalog::order;
use crate::catalog::schema::{Model, Profile, Region};
use crate::catalog::task::{family, Task};

/// A set of the catalog's Regions as bits, by position in the sorted Region list: the engine's
/// eligibility checks become a few bit operations. The catalog holds at most [`MAX_REGIONS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RegionSet(pub u128);

impl RegionSet {
    /// Every Region.
    pub const ALL: RegionSet = RegionSet(u128::MAX);

    /// The set holding the Region at `position`; empty past [`MAX_REGIONS`].
    pub fn at(position: usize) -> RegionSet {
        if position < MAX_REGIONS {
            RegionSet(1 << position)
        } else {
            RegionSet::default()
        }
    }

    /// Whether every member of `self` is in `other`.
    pub fn is_subset(self, other: RegionSet) -> bool {
        self.0 & !other.0 == 0
    }

    /// Whether the two sets share a Region.
    pub fn intersects(self, other: RegionSet) -> bool {
        self.0 & other.0 != 0
    }

    /// The members of `self` that are not in `other`.
    pub fn minus(self, other: RegionSet) -> RegionSet {
        RegionSet(self.0 & !other.0)
    }

    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The positions of the members, ascending (so in the order of Region codes).
    pub fn positions(self) -> impl Iterator<Item = usize> {
        let mut bits = self.0;
        std::iter::from_fn(move || {
            (bits != 0).then(|| {
                let position = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                position
            })
        })
    }
}

/// The most Regions a catalog may hold (the width of [`RegionSet`]).
pub const MAX_REGIONS: usize = 128;

/// The most distinct input modalities a catalog may hold (the width of [`ModelTraits::inputs`]).
pub const MAX_INPUT_MODALITIES: usize = 64;

/// What the suggestions compare models by, interned, so that comparing two models is comparing
/// integers rather than strings (it runs for every model, for every workload without a
/// recommendation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ModelTraits {
    provider: usize,
    family: usize,
    task: Task,
    /// One bit per input modality, by position in the catalog's sorted list of them.
    inputs: u64,
}

impl ModelTraits {
    fn of_all(models: &[Model]) -> Vec<ModelTraits> {
        let interned = |key: fn(&Model) -> &str| {
            let mut all: Vec<&str> = models.iter().map(key).collect();
            order::sort(&mut all);
            all.dedup();
            all
        };
        let providers = interned(|m| m.provider.as_str());
        let families = interned(family);
        let mut modalities: Vec<&str> = models
            .iter()
            .flat_map(|m| m.input_modalities.iter().map(String::as_str))
            .collect();
        order::sort(&mut modalities);
        modalities.dedup();
        let position = |list: &[&str], key: &str| list.binary_search(&key).unwrap_or(0);
        models
            .iter()
            .map(|m| ModelTraits {
                provider: position(&providers, &m.provider),
                family: position(&families, family(m)),
                task: Task::of(m),
                inputs: m
                    .input_modalities
                    .iter()
                    .map(|i| position(&modalities, i))
                    .filter(|&b| b < MAX_INPUT_MODALITIES)
                    .fold(0, |bits, b| bits | 1 << b),
            })
            .collect()
    }
}

/// The precomputed views, by position in the catalog's sorted lists.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Index {
    in_region_sets: Vec<RegionSet>,
    model_profiles: Vec<Vec<usize>>,
    model_traits: Vec<ModelTraits>,
    nearest: Vec<Vec<usize>>,
    route_sets: Vec<Vec<(RegionSet, RegionSet)>>,
    distances_km: Vec<f64>,
    regions: usize,
}

/// The position of `code` in `regions` (sorted by code).
pub fn region_position(regions: &[Region], code: &RegionCode) -> Option<usize> {
    regions.binary_search_by(|r| r.code.cmp(code)).ok()
}

/// The set of the given Regions of `regions` (unknown codes are left out).
pub fn region_set<'a>(
    regions: &[Region],
    codes: impl IntoIterator<Item = &'a RegionCode>,
) -> RegionSet {
    RegionSet(
        codes
            .into_iter()
            .filter_map(|c| region_position(regions, c))
            .fold(0, |set, i| set | RegionSet::at(i).0),
    )
}

impl Index {
    /// Builds the views of sorted `regions`, `models` and `profiles`.
    pub fn build(regions: &[Region], models: &[Model], profiles: &[Profile]) -> Index {
        let n = regions.len();
        let distances_km: Vec<f64> = regions
            .iter()
            .flat_map(|a| {
                regions
                    .iter()
                    .map(move |b| great_circle_km(a.lat, a.lon, b.lat, b.lon))
            })
            .collect();
        let nearest = (0..n)
            .map(|from| {
                let mut order: Vec<usize> = (0..n).filter(|&to| to != from).collect();
                order::sort_by(&mut order, |&a, &b| {
                    distances_km[from * n + a].total_cmp(&distances_km[from * n + b])
                });
                order
            })
            .collect();
        Index {
            in_region_sets: models
                .iter()
                .map(|m| region_set(regions, m.in_region_codes()))
                .collect(),
            model_profiles: models
                .iter()
                .map(|m| {
                    profiles
                        .iter()
                        .enumerate()
                        .filter(|(_, p)| p.model == m.id)
                        .map(|(i, _)| i)
                        .collect()
                })
                .collect(),
            model_traits: ModelTraits::of_all(models),
            nearest,
            route_sets: profiles
                .iter()
                .map(|p| {
                    p.routes
                        .iter()
                        .map(|r| (region_set(regions, &r.from), region_set(regions, &r.to)))
                        .collect()
                })
                .collect(),
            distances_km,
            regions: n,
        }
    }

    /// The positions of the other Regions, nearest first (ties by code), from the Region at
    /// `position`.
    pub fn nearest_regions(&self, position: usize) -> &[usize] {
        self.nearest.get(position).map_or(&[], Vec::as_slice)
    }

    /// Whether the models at two positions have the same provider.
    pub fn same_provider(&self, a: usize, b: usize) -> bool {
        self.traits_of(a, b)
            .is_some_and(|(a, b)| a.provider == b.provider)
    }

    /// Whether the models at two positions are of the same family ([`family`]).
    pub fn same_family(&self, a: usize, b: usize) -> bool {
        self.traits_of(a, b)
            .is_some_and(|(a, b)| a.family == b.family)
    }

    /// What the model at `position` does.
    pub fn task(&self, position: usize) -> Option<Task> {
        self.model_traits.get(position).map(|t| t.task)
    }

    /// Whether the model at `candidate` accepts every input (`TEXT`, `IMAGE`, ...) the model at
    /// `model` accepts.
    pub fn accepts_inputs_of(&self, candidate: usize, model: usize) -> bool {
        self.traits_of(candidate, model)
            .is_some_and(|(c, m)| m.inputs & !c.inputs == 0)
    }

    fn traits_of(&self, a: usize, b: usize) -> Option<(ModelTraits, ModelTraits)> {
        Some((*self.model_traits.get(a)?, *self.model_traits.get(b)?))
    }

    /// Where the model at `position` can be called on demand, as a set.
    pub fn in_region_set(&self, position: usize) -> RegionSet {
        self.in_region_sets
            .get(position)
            .copied()
            .unwrap_or_default()
    }

    /// The positions of the profiles serving the model at `position`, sorted by profile ID.
    pub fn profile_positions(&self, position: usize) -> &[usize] {
        self.model_profiles.get(position).map_or(&[], Vec::as_slice)
    }

    /// The routes of the profile at `position`, as (sources, destinations) sets.
    pub fn route_sets(&self, position: usize) -> &[(RegionSet, RegionSet)] {
        self.route_sets.get(position).map_or(&[], Vec::as_slice)
    }

    /// Great-circle distance in km between the Regions at two positions.
    pub fn distance_km(&self, a: usize, b: usize) -> Option<f64> {
        (a < self.regions && b < self.regions)
            .then(|| self.distances_km.get(a * self.regions + b).copied())
            .flatten()
    }
}

//! What to try when nothing is eligible: calling from another source Region, another model from
//! the same source (one that does the same job and accepts the same inputs, nearest first, each
//! with why it fits), or Provisioned Throughput where the obligation allows it. Scanning every
//! Region and model this way runs on the catalog's precomputed Region sets
//! ([`crate::catalog::index`]), so it stays cheap.

use crate::catalog::ids::{ModelId, RegionCode};
use crate::catalog::index::RegionSet;
use crate::catalog::order;
use crate::catalog::retention::RetentionMode;
use crate::catalog::schema::Model;
use crate::catalog::task::{family, inputs_phrase, Task};
use crate::catalog::Catalog;
use crate::engine::options::OptionKind;
use crate::plan::{OrgPolicy, Workload};
use serde::Serialize;

/// Something worth trying when nothing is eligible.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Alternative {
    /// Call from another source Region.
    SourceRegion {
        /// The Region.
        region: RegionCode,
        /// The option that would be eligible there.
        option: OptionKind,
        /// The ID to call there.
        call_id: String,
    },
    /// Use another model from the same source Region.
    Model {
        /// The model.
        model_id: ModelId,
        /// The option that would be eligible.
        option: OptionKind,
        /// The ID to call.
        call_id: String,
        /// Why it can stand in: what it shares with the workload's model.
        why: String,
    },
    /// Buy Provisioned Throughput in a Region the obligation allows.
    ProvisionIn {
        /// The Regions.
        regions: Vec<RegionCode>,
    },
}

/// Up to this many suggestions of each kind.
const MAX_SUGGESTIONS: usize = 5;

/// The workload's constraints as Region sets.
struct Fit<'a, 'c> {
    catalog: &'c Catalog,
    policy: &'a OrgPolicy,
    allowed: RegionSet,
    policy_allows: RegionSet,
    /// The most data retention the obligation accepts, if stated.
    retention: Option<RetentionMode>,
}

impl Fit<'_, '_> {
    /// The first eligible on-demand option (in-Region, then profiles by ID) of the model at
    /// `position` called from `src`: the same eligibility as [`crate::engine::options`] computes, by set
    /// operations instead of a full evaluation.
    fn first_eligible_on_demand(
        &self,
        position: usize,
        src: RegionSet,
    ) -> Option<(OptionKind, String)> {
        let catalog = self.catalog;
        let model = catalog.models.get(position)?;
        if !retention_accepts(catalog, model, self.retention) {
            return None;
        }
        let source_fits = src.is_subset(self.allowed) && src.is_subset(self.policy_allows);
        if source_fits && catalog.index.in_region_set(position).intersects(src) {
            return Some((OptionKind::InRegion, model.id.to_string()));
        }
        catalog
            .index
            .profile_positions(position)
            .iter()
            .find_map(|&p| {
                let profile = &catalog.profiles[p];
                let (_, to) = catalog
                    .index
                    .route_sets(p)
                    .iter()
                    .find(|(from, _)| from.intersects(src))?;
                let kind = OptionKind::of_scope(&profile.scope);
                let policy_ok = match kind {
                    OptionKind::Global => {
                        self.policy.allows_global && src.is_subset(self.policy_allows)
                    }
                    _ => to.is_subset(self.policy_allows),
                };
                (to.is_subset(self.allowed) && policy_ok).then(|| (kind, profile.id.to_string()))
            })
    }
}

/// Regions the obligation and the organisation policy allow where Provisioned Throughput can
/// be bought: where AWS lists model units for the model, or for a custom model (whose support
/// the public data cannot tell) wherever the model is offered. The same rule as the
/// Provisioned Throughput option ([`crate::engine::options`]), so the suggestion never names a Region
/// the comparison calls "not listed".
/// Whether the model keeps no more than the obligation accepts (true when none is stated or the
/// catalog has no retention facts).
fn retention_accepts(catalog: &Catalog, model: &Model, accepted: Option<RetentionMode>) -> bool {
    match (accepted, catalog.retention_of(&model.id)) {
        (Some(accepted), Some(facts)) => facts.minimum <= accepted,
        _ => true,
    }
}

pub fn provision_in(catalog: &Catalog, workload: &Workload<'_>) -> Alternative {
    let policy = workload.policy();
    let model = workload.model();
    if !retention_accepts(catalog, model, workload.spec().data_retention) {
        return Alternative::ProvisionIn {
            regions: Vec::new(),
        };
    }
    let custom = workload.spec().custom_model;
    let regions = model
        .offered_in
        .iter()
        .filter(|r| custom || model.units_in(r).next().is_some())
        .filter(|r| workload.allowed().contains(r) && policy.allows_region(r))
        .cloned()
        .collect();
    Alternative::ProvisionIn { regions }
}

/// Other source Regions (nearest first), other models from this source (same provider first),
/// and where to provision.
pub fn alternatives(catalog: &Catalog, workload: &Workload<'_>) -> Vec<Alternative> {
    let policy = workload.policy();
    let fit = Fit {
        catalog,
        policy: &policy,
        allowed: workload.allowed_set(),
        policy_allows: policy.allowed_set(catalog),
        retention: workload.spec().data_retention,
    };
    let model = workload.model();
    let own = catalog.model_position(&model.id).unwrap_or(usize::MAX);
    let source = catalog
        .region_position(&workload.source().code)
        .unwrap_or(usize::MAX);
    let mut found: Vec<Alternative> = catalog
        .index
        .nearest_regions(source)
        .iter()
        .filter_map(|&region| {
            let (option, call_id) = fit.first_eligible_on_demand(own, RegionSet::at(region))?;
            Some(Alternative::SourceRegion {
                region: catalog.regions[region].code.clone(),
                option,
                call_id,
            })
        })
        .take(MAX_SUGGESTIONS)
        .collect();
    let src = catalog.region_bit(&workload.source().code);
    // Only the suggestions kept are worded: most candidates are not eligible from this source.
    found.extend(
        substitutes(catalog, model)
            .into_iter()
            .filter_map(|(nearness, position)| {
                let (option, call_id) = fit.first_eligible_on_demand(position, src)?;
                Some(Alternative::Model {
                    model_id: catalog.models[position].id.clone(),
                    option,
                    call_id,
                    why: why_substitute(catalog, model, nearness, position),
                })
            })
            .take(MAX_SUGGESTIONS),
    );
    found.push(provision_in(catalog, workload));
    found
}

/// How near a substitute is: the same provider and family, then the same provider, then others.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Nearness {
    SameFamily,
    SameProvider,
    Other,
}

/// Models that could stand in for `model`, nearest first: they do the same job ([`Task`]),
/// accept every input `model` accepts, and are neither legacy nor retired. Within a tier the
/// catalog's order (by ID) keeps the list stable.
fn substitutes(catalog: &Catalog, model: &Model) -> Vec<(Nearness, usize)> {
    let Some(own) = catalog.model_position(&model.id) else {
        return Vec::new();
    };
    let index = &catalog.index;
    let task = index.task(own);
    let mut found: Vec<(Nearness, usize)> = catalog
        .models
        .iter()
        .enumerate()
        .filter(|(p, m)| {
            *p != own && matches!(m.lifecycle, crate::catalog::schema::Lifecycle::Active)
        })
        .filter(|(p, _)| index.task(*p) == task && index.accepts_inputs_of(*p, own))
        .map(|(p, _)| {
            let nearness = match (index.same_provider(p, own), index.same_family(p, own)) {
                (true, true) => Nearness::SameFamily,
                (true, false) => Nearness::SameProvider,
                _ => Nearness::Other,
            };
            (nearness, p)
        })
        .collect();
    order::sort(&mut found);
    found
}

/// Why the model at `position`, `nearness` from `model`, can stand in for it.
fn why_substitute(catalog: &Catalog, model: &Model, nearness: Nearness, position: usize) -> String {
    let m = &catalog.models[position];
    let kin = match nearness {
        Nearness::SameFamily => format!("{} {}", m.provider, family(m)),
        Nearness::SameProvider => format!("{}, another family", m.provider),
        Nearness::Other => format!("another provider ({})", m.provider),
    };
    format!(
        "{kin}; {} like {}; accepts {}",
        Task::of(model).label().to_lowercase(),
        model.name,
        inputs_phrase(model)
    )
}

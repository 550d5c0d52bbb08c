//! The Region page's data: what can be called from one Region: on demand with the bare ID,
//! through which geographic and global profiles, only on Provisioned Throughput, and not at all.

use crate::catalog::describe::{by_provider_and_name, country_names};
use crate::catalog::ids::RegionCode;
use crate::catalog::order;
use crate::catalog::schema::{Model, Profile, Region};
use crate::catalog::Catalog;

/// A profile callable from a Region, with where it sends the prompt from there.
#[derive(Debug, Clone, PartialEq)]
pub struct Reach<'a> {
    /// The profile.
    pub profile: &'a Profile,
    /// Its model.
    pub model: &'a Model,
    /// The destinations from this Region.
    pub destinations: &'a [RegionCode],
    /// Their countries, sorted.
    pub countries: Vec<&'a str>,
    /// Some destination lies outside this Region's country.
    pub leaves_country: bool,
}

/// What can be called from one Region.
#[derive(Debug, Clone, PartialEq)]
pub struct RegionSummary<'a> {
    /// The Region.
    pub region: &'a Region,
    /// Its country's name.
    pub country: &'a str,
    /// Models callable on demand with the bare ID here, by provider and name.
    pub in_region: Vec<&'a Model>,
    /// Geographic profiles callable from here, by scope, then provider and name.
    pub geographic: Vec<Reach<'a>>,
    /// Global profiles callable from here, by provider and name.
    pub global: Vec<Reach<'a>>,
    /// Models with no on-demand way from here but Provisioned Throughput confirmed here.
    pub provisioned_only: Vec<&'a Model>,
    /// Models that cannot be called from here at all.
    pub unreachable: Vec<&'a Model>,
}

/// Builds the Region page's data.
pub fn region_summary<'a>(catalog: &'a Catalog, region: &'a Region) -> RegionSummary<'a> {
    let code = &region.code;
    let mut in_region = Vec::new();
    let mut geographic = Vec::new();
    let mut global = Vec::new();
    let mut provisioned_only = Vec::new();
    let mut unreachable = Vec::new();
    for model in &catalog.models {
        let here = model.callable_in_region(code);
        if here {
            in_region.push(model);
        }
        let mut any_profile = false;
        for profile in catalog.profiles_for(&model.id) {
            let Some(destinations) = profile.destinations_from(code) else {
                continue;
            };
            any_profile = true;
            let reach = Reach {
                profile,
                model,
                destinations,
                countries: country_names(catalog, destinations),
                leaves_country: destinations
                    .iter()
                    .any(|d| catalog.region(d).map(|r| &r.country) != Some(&region.country)),
            };
            if profile.scope.is_global() {
                global.push(reach);
            } else {
                geographic.push(reach);
            }
        }
        if !here && !any_profile {
            if model.provisioned_in(code) {
                provisioned_only.push(model);
            } else {
                unreachable.push(model);
            }
        }
    }
    order::sort_by(&mut in_region, |a, b| by_provider_and_name(a, b));
    order::sort_by(&mut provisioned_only, |a, b| by_provider_and_name(a, b));
    order::sort_by(&mut unreachable, |a, b| by_provider_and_name(a, b));
    order::sort_by(&mut geographic, |a, b| {
        a.profile
            .scope
            .cmp(&b.profile.scope)
            .then_with(|| by_provider_and_name(a.model, b.model))
    });
    order::sort_by(&mut global, |a, b| by_provider_and_name(a.model, b.model));
    RegionSummary {
        region,
        country: catalog.country_name_of(code),
        in_region,
        geographic,
        global,
        provisioned_only,
        unreachable,
    }
}

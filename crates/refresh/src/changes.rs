//! What an import changed, for the data sources page (`data/`)'s "Changes": models added, retired and moved to Legacy,
//! profiles added (with the countries they may process in) and withdrawn, destinations new to
//! a profile's route (and whether they bring a country), and in-Region offers added, removed
//! or moved to another endpoint.

use atlas_core::catalog::ids::{CountryCode, ModelId, RegionCode};
use atlas_core::catalog::schema::{
    AddedDestination, AddedProfile, Change, Endpoint, InRegionChanges, Lifecycle, Model, Profile,
    Retirement,
};
use atlas_core::catalog::Catalog;
use std::collections::{BTreeMap, BTreeSet};

/// How many imports `meta.changes` keeps.
pub const KEPT: usize = 5;

/// The change from `prev` to the new `models` and `profiles`.
pub fn diff(
    prev: &Catalog,
    models: &[Model],
    profiles: &[Profile],
    as_of: &str,
    from: &str,
) -> Change {
    let country = |r: &RegionCode| prev.region(r).map(|x| x.country.clone());
    Change {
        as_of: as_of.to_owned(),
        previous_as_of: prev.meta.as_of.clone(),
        from: from.to_owned(),
        models_added: sorted(
            models
                .iter()
                .filter(|m| !m.is_retired() && prev.model(&m.id).is_none())
                .map(|m| m.id.clone()),
        ),
        models_retired: retired(prev, models),
        models_legacy: sorted(
            models
                .iter()
                .filter(|m| m.lifecycle.is_legacy())
                .filter(|m| {
                    prev.model(&m.id)
                        .is_some_and(|p| p.lifecycle == Lifecycle::Active)
                })
                .map(|m| m.id.clone()),
        ),
        profiles_added: profiles
            .iter()
            .filter(|p| prev.profile(&p.id).is_none())
            .map(|p| AddedProfile {
                profile: p.id.clone(),
                countries: p
                    .all_destinations()
                    .into_iter()
                    .filter_map(country)
                    .collect::<BTreeSet<_>>()
                    .into_iter()
                    .collect(),
            })
            .collect(),
        profiles_withdrawn: {
            let now: BTreeSet<_> = profiles.iter().map(|p| &p.id).collect();
            prev.profiles
                .iter()
                .filter(|p| !now.contains(&p.id))
                .map(|p| p.id.clone())
                .collect()
        },
        destinations_added: destinations_added(prev, profiles),
        in_region: in_region(prev, models),
    }
}

fn sorted(ids: impl Iterator<Item = ModelId>) -> Vec<ModelId> {
    let set: BTreeSet<ModelId> = ids.collect();
    set.into_iter().collect()
}

fn retired(prev: &Catalog, models: &[Model]) -> Vec<Retirement> {
    let mut out: Vec<Retirement> = models
        .iter()
        .filter(|m| prev.model(&m.id).is_some_and(|p| !p.is_retired()))
        .filter_map(|m| {
            Some(Retirement {
                model: m.id.clone(),
                retired_on: m.lifecycle.retired_on()?.to_owned(),
            })
        })
        .collect();
    out.sort_by(|a, b| a.model.cmp(&b.model));
    out
}

/// Destinations new to a profile that existed before, per source Region; a source new to the
/// profile brings all its destinations.
fn destinations_added(prev: &Catalog, profiles: &[Profile]) -> Vec<AddedDestination> {
    let countries = |regions: &[RegionCode]| -> BTreeSet<CountryCode> {
        regions
            .iter()
            .filter_map(|r| prev.region(r).map(|x| x.country.clone()))
            .collect()
    };
    let mut out = Vec::new();
    for profile in profiles {
        let Some(before) = prev.profile(&profile.id) else {
            continue;
        };
        for source in profile.sources() {
            let old = before.destinations_from(source).unwrap_or_default();
            let old_countries = countries(old);
            for region in profile.destinations_from(source).unwrap_or_default() {
                if old.contains(region) {
                    continue;
                }
                let country = prev.region(region).map(|r| &r.country);
                out.push(AddedDestination {
                    profile: profile.id.clone(),
                    source: source.clone(),
                    region: region.clone(),
                    adds_country: country.is_some_and(|c| !old_countries.contains(c)),
                });
            }
        }
    }
    out
}

fn offers(models: &[Model]) -> BTreeMap<(&ModelId, &RegionCode), Endpoint> {
    models
        .iter()
        .flat_map(|m| {
            m.in_region
                .iter()
                .map(move |o| ((&m.id, &o.region), o.endpoint))
        })
        .collect()
}

fn in_region(prev: &Catalog, models: &[Model]) -> InRegionChanges {
    let before = offers(&prev.models);
    let after = offers(models);
    InRegionChanges {
        added: after.keys().filter(|k| !before.contains_key(*k)).count(),
        removed: before.keys().filter(|k| !after.contains_key(*k)).count(),
        endpoint_changed: after
            .iter()
            .filter(|(k, e)| before.get(*k).is_some_and(|b| b != *e))
            .count(),
    }
}

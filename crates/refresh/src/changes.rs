//! What an import changed, for the data sources page (`data/`)'s "Changes": models added, retired and moved to Legacy,
//! profiles added (with the countries they may process in) and withdrawn, destinations new to
//! a profile's route (and whether they bring a country), and in-Region offers added, removed
//! or moved to another endpoint (each one named), prices that moved by more than 5%, and the
//! hand-transcribed tables that changed (given by the caller, see `tables.rs`).

use atlas_core::catalog::ids::{CountryCode, ModelId, RegionCode};
use atlas_core::catalog::schema::{
    AddedDestination, AddedProfile, Change, Endpoint, InRegionChanges, Lifecycle, Model,
    OfferChange, Price, PriceChange, Profile, Retirement, TableChange,
};
use atlas_core::catalog::Catalog;
use std::collections::{BTreeMap, BTreeSet};

/// A price change larger than this, in percent of the old price, is recorded.
pub const PRICE_CHANGE_PERCENT: u64 = 5;

/// The change from `prev` to the new `models` and `profiles`; `tables` are the hand-transcribed
/// tables that changed since `prev`.
pub fn diff(
    prev: &Catalog,
    (models, profiles): (&[Model], &[Profile]),
    as_of: &str,
    from: &str,
    tables: &[TableChange],
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
        offers: offer_changes(prev, models),
        prices: price_changes(prev, models, profiles),
        tables: tables.to_vec(),
    }
}

/// Whether `change` records nothing at all.
pub fn is_empty(change: &Change) -> bool {
    change.models_added.is_empty()
        && change.models_retired.is_empty()
        && change.models_legacy.is_empty()
        && change.profiles_added.is_empty()
        && change.profiles_withdrawn.is_empty()
        && change.destinations_added.is_empty()
        && change.in_region == InRegionChanges::default()
        && change.offers.is_empty()
        && change.prices.is_empty()
        && change.tables.is_empty()
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

/// Every in-Region offer added, removed or moved, by model and Region.
fn offer_changes(prev: &Catalog, models: &[Model]) -> Vec<OfferChange> {
    let before = offers(&prev.models);
    let after = offers(models);
    let keys: BTreeSet<_> = before.keys().chain(after.keys()).collect();
    keys.into_iter()
        .filter_map(|key| {
            let (b, a) = (before.get(key).copied(), after.get(key).copied());
            (b != a).then(|| OfferChange {
                model: key.0.clone(),
                region: key.1.clone(),
                before: b,
                after: a,
            })
        })
        .collect()
}

/// Whether one price moved from `before` to `after` by more than [`PRICE_CHANGE_PERCENT`].
fn moved(before: u64, after: u64) -> bool {
    before.abs_diff(after) * 100 > before * PRICE_CHANGE_PERCENT
}

fn price_change(before: Option<&Price>, after: Option<&Price>) -> Option<((u64, u64), (u64, u64))> {
    let (b, a) = (before?, after?);
    (moved(b.input, a.input) || moved(b.output, a.output))
        .then_some(((b.input, b.output), (a.input, a.output)))
}

/// The in-Region and profile prices that moved by more than [`PRICE_CHANGE_PERCENT`].
fn price_changes(prev: &Catalog, models: &[Model], profiles: &[Profile]) -> Vec<PriceChange> {
    let mut out = Vec::new();
    for model in models {
        let Some(old) = prev.model(&model.id) else {
            continue;
        };
        for offer in &model.in_region {
            let before = old.in_region.iter().find(|o| o.region == offer.region);
            let found = price_change(before.and_then(|o| o.price.as_ref()), offer.price.as_ref());
            if let Some((before, after)) = found {
                out.push(PriceChange {
                    model: model.id.clone(),
                    profile: None,
                    region: Some(offer.region.clone()),
                    before,
                    after,
                });
            }
        }
    }
    for profile in profiles {
        let old = prev.profile(&profile.id).and_then(|p| p.price.as_ref());
        if let Some((before, after)) = price_change(old, profile.price.as_ref()) {
            out.push(PriceChange {
                model: profile.model.clone(),
                profile: Some(profile.id.clone()),
                region: None,
                before,
                after,
            });
        }
    }
    out
}

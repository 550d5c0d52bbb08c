//! A benchmark aid, not a feature: the catalog replicated several times with suffixed IDs, so the
//! explorer's search can be timed at a catalog ten times the real size (`explore/?bench=10`).
//! The copies are synthetic; nothing else in the app ever sees them.

use crate::catalog::Catalog;

use crate::catalog::schema::Profile;

use crate::catalog::ids::{ModelId, ProfileId};
use crate::catalog::load::CatalogError;

/// The largest replication factor a URL may ask for, so a hand-edited link cannot exhaust memory.
pub const MAX_FACTOR: u8 = 20;

/// The catalog with every model and profile present `factor` times: the originals plus copies
/// whose IDs end in `-bench<n>` and whose names end in `(copy <n>)`. Regions, countries and
/// geographies are shared. A factor of 0 or 1 returns an unchanged copy; the factor is capped at
/// [`MAX_FACTOR`].
pub fn replicate(catalog: &Catalog, factor: u8) -> Result<Catalog, CatalogError> {
    let factor = factor.clamp(1, MAX_FACTOR);
    let mut models = catalog.models.clone();
    let mut profiles = catalog.profiles.clone();
    for n in 2..=factor {
        for m in &catalog.models {
            let mut copy = m.clone();
            copy.id = ModelId::new(format!("{}-bench{n}", m.id));
            copy.name = format!("{} (copy {n})", m.name);
            models.push(copy);
        }
        for p in &catalog.profiles {
            let model = ModelId::new(format!("{}-bench{n}", p.model));
            profiles.push(Profile {
                id: ProfileId::new(format!("{}.{model}", p.scope)),
                model,
                ..p.clone()
            });
        }
    }
    Catalog::new(
        catalog.meta.clone(),
        catalog.regions_source.clone(),
        catalog.regions.clone(),
        catalog.countries.clone(),
        catalog.geographies.clone(),
        models,
        profiles,
    )
}

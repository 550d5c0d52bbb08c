//! Where processing is allowed: an obligation (a geography, a country, a list of Regions) resolved
//! through the catalog's Region → country table into a set of Regions.

use crate::catalog::Catalog;

use crate::catalog::describe::prefix;
use crate::catalog::ids::{CountryCode, GeographyId, RegionCode};
use crate::catalog::index::RegionSet;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;

/// A data-residency obligation, as written in a plan file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "kind",
    rename_all = "snake_case",
    deny_unknown_fields,
    from = "ResidencyFile"
)]
pub enum Residency {
    /// No restriction on where prompts are processed.
    None,
    /// Processing must stay in a named group of countries, such as `EU`.
    Geography {
        /// The geography's ID in the catalog.
        name: GeographyId,
    },
    /// Processing must stay in one country.
    Country {
        /// ISO 3166-1 alpha-2 code.
        code: CountryCode,
    },
    /// Processing must stay in these Regions; one code pins it to one Region.
    Regions {
        /// Region codes.
        codes: Vec<RegionCode>,
    },
}

/// [`Residency`] as it is read: `none` is a variant without fields rather than a unit variant,
/// so that `{"kind": "none", "name": "EU"}` is refused like any other unknown field instead of
/// silently dropping the obligation the writer meant.
#[derive(Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
enum ResidencyFile {
    None {},
    Geography { name: GeographyId },
    Country { code: CountryCode },
    Regions { codes: Vec<RegionCode> },
}

impl From<ResidencyFile> for Residency {
    fn from(file: ResidencyFile) -> Residency {
        match file {
            ResidencyFile::None {} => Residency::None,
            ResidencyFile::Geography { name } => Residency::Geography { name },
            ResidencyFile::Country { code } => Residency::Country { code },
            ResidencyFile::Regions { codes } => Residency::Regions { codes },
        }
    }
}

/// Why an obligation cannot be resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResidencyError {
    /// The geography is not in the catalog.
    UnknownGeography(String),
    /// The country is not in the catalog.
    UnknownCountry(String),
    /// A Region is not in the catalog.
    UnknownRegion(String),
    /// A Region list with no Regions.
    EmptyRegions,
}

impl fmt::Display for ResidencyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ResidencyError::UnknownGeography(g) => {
                write!(f, "unknown geography \"{}\"", prefix(g))
            }
            ResidencyError::UnknownCountry(c) => {
                write!(f, "unknown country code \"{}\"", prefix(c))
            }
            ResidencyError::UnknownRegion(r) => write!(f, "unknown Region \"{}\"", prefix(r)),
            ResidencyError::EmptyRegions => f.write_str("the list of Regions is empty"),
        }
    }
}

/// The Regions where processing is allowed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Allowed {
    /// Anywhere.
    Anywhere,
    /// Only these Regions.
    Only(BTreeSet<RegionCode>),
}

impl Allowed {
    /// Whether `region` is allowed.
    pub fn contains(&self, region: &RegionCode) -> bool {
        match self {
            Allowed::Anywhere => true,
            Allowed::Only(set) => set.contains(region),
        }
    }

    /// The allowed Regions as a set over the catalog.
    pub fn set(&self, catalog: &Catalog) -> RegionSet {
        match self {
            Allowed::Anywhere => RegionSet::ALL,
            Allowed::Only(set) => catalog.region_set(set),
        }
    }
}

impl Residency {
    /// Resolves the obligation to the set of Regions in the catalog where processing is allowed.
    pub fn allowed(&self, catalog: &Catalog) -> Result<Allowed, ResidencyError> {
        let in_countries = |countries: &[&str]| -> BTreeSet<RegionCode> {
            let countries: BTreeSet<&str> = countries.iter().copied().collect();
            catalog
                .regions
                .iter()
                .filter(|r| countries.contains(r.country.as_str()))
                .map(|r| r.code.clone())
                .collect()
        };
        match self {
            Residency::None => Ok(Allowed::Anywhere),
            Residency::Geography { name } => {
                let geo = catalog
                    .geography(name)
                    .ok_or_else(|| ResidencyError::UnknownGeography(name.to_string()))?;
                let countries: Vec<&str> = geo.countries.iter().map(|c| c.as_str()).collect();
                Ok(Allowed::Only(in_countries(&countries)))
            }
            Residency::Country { code } => {
                catalog
                    .country(code)
                    .ok_or_else(|| ResidencyError::UnknownCountry(code.to_string()))?;
                Ok(Allowed::Only(in_countries(&[code.as_str()])))
            }
            Residency::Regions { codes } => {
                if codes.is_empty() {
                    return Err(ResidencyError::EmptyRegions);
                }
                for c in codes {
                    if catalog.region(c).is_none() {
                        return Err(ResidencyError::UnknownRegion(c.to_string()));
                    }
                }
                Ok(Allowed::Only(codes.iter().cloned().collect()))
            }
        }
    }

    /// A plain-words description, such as `stay in European Union` or `stay in Japan`.
    pub fn describe(&self, catalog: &Catalog) -> String {
        match self {
            Residency::None => "no residency obligation".into(),
            Residency::Geography { name } => match catalog.geography(name) {
                Some(g) => format!("stay in {}", g.name),
                None => format!("stay in {name}"),
            },
            Residency::Country { code } => match catalog.country(code) {
                Some(c) => format!("stay in {}", c.name),
                None => format!("stay in {code}"),
            },
            Residency::Regions { codes } if codes.len() == 1 => format!("pinned to {}", codes[0]),
            Residency::Regions { codes } => {
                let list: Vec<&str> = codes.iter().map(|c| c.as_str()).collect();
                format!("stay in {}", list.join(", "))
            }
        }
    }
}

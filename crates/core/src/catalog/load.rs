//! The catalog's files: parsing the five JSON files of `data/`, validating what they say, and
//! writing a catalog back as the same files, pretty-printed and sorted so a refresh diffs cleanly;
//! and the site's one data file (the bundle), the whole catalog in a compact binary encoding,
//! which the browser fetches and validates the same way.

use crate::catalog::ids::SourceId;
use crate::catalog::schema::{Country, Geography, Meta, Model, Profile, Region};
use crate::catalog::validate::problems;
use crate::catalog::Catalog;
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RegionsFile {
    source: SourceId,
    regions: Vec<Region>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct GeographiesFile {
    countries: Vec<Country>,
    geographies: Vec<Geography>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ModelsFile {
    models: Vec<Model>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProfilesFile {
    profiles: Vec<Profile>,
}

/// What a bundle is called in errors.
const BUNDLE: &str = "the catalog's data file";

/// The raw text of the catalog's files.
#[derive(Debug, Clone, Copy)]
pub struct CatalogFiles<'a> {
    /// `data/meta.json`.
    pub meta: &'a str,
    /// `data/regions.json`.
    pub regions: &'a str,
    /// `data/geographies.json`.
    pub geographies: &'a str,
    /// `data/models.json`.
    pub models: &'a str,
    /// `data/profiles.json`.
    pub profiles: &'a str,
}

/// The catalog written back as the text of its files, pretty-printed and sorted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnedCatalogFiles {
    /// `data/meta.json`.
    pub meta: String,
    /// `data/regions.json`.
    pub regions: String,
    /// `data/geographies.json`.
    pub geographies: String,
    /// `data/models.json`.
    pub models: String,
    /// `data/profiles.json`.
    pub profiles: String,
}

/// Why the catalog could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CatalogError {
    /// A file is not valid JSON of the expected shape.
    Parse {
        /// Which file.
        file: &'static str,
        /// The parser's message, with line and column.
        message: String,
    },
    /// The files parse but contradict each other.
    Invalid(Vec<String>),
    /// Nothing has been loaded yet (in the browser, the data file has not arrived).
    NotLoaded,
}

impl fmt::Display for CatalogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CatalogError::Parse { file, message } => write!(f, "{file}: {message}"),
            CatalogError::Invalid(problems) => {
                write!(f, "the catalog is inconsistent: {}", problems.join("; "))
            }
            CatalogError::NotLoaded => write!(f, "the catalog has not been loaded"),
        }
    }
}

impl std::error::Error for CatalogError {}

fn parse<'de, T: Deserialize<'de>>(file: &'static str, text: &'de str) -> Result<T, CatalogError> {
    serde_json::from_str(text).map_err(|e| CatalogError::Parse {
        file,
        message: e.to_string(),
    })
}

fn pretty<T: Serialize>(value: &T) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

impl Catalog {
    /// Parses and validates the catalog files.
    pub fn from_files(files: CatalogFiles<'_>) -> Result<Catalog, CatalogError> {
        let meta: Meta = parse("meta.json", files.meta)?;
        let regions: RegionsFile = parse("regions.json", files.regions)?;
        let geographies: GeographiesFile = parse("geographies.json", files.geographies)?;
        let models: ModelsFile = parse("models.json", files.models)?;
        let profiles: ProfilesFile = parse("profiles.json", files.profiles)?;
        Catalog::new(
            meta,
            regions.source,
            regions.regions,
            geographies.countries,
            geographies.geographies,
            models.models,
            profiles.profiles,
        )
    }

    /// Builds a catalog from its parts, sorting and indexing them, and validates it.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        meta: Meta,
        regions_source: SourceId,
        regions: Vec<Region>,
        countries: Vec<Country>,
        geographies: Vec<Geography>,
        models: Vec<Model>,
        profiles: Vec<Profile>,
    ) -> Result<Catalog, CatalogError> {
        Catalog::assemble(
            meta,
            regions_source,
            regions,
            countries,
            geographies,
            models,
            profiles,
        )
        .validated()
    }

    /// The catalog itself, or every problem found in it.
    fn validated(self) -> Result<Catalog, CatalogError> {
        let problems = problems(&self);
        if problems.is_empty() {
            Ok(self)
        } else {
            Err(CatalogError::Invalid(problems))
        }
    }

    /// The site's data file: the whole catalog in postcard, a compact binary encoding of the
    /// same serde derives, the index left out (it is derived). Every field of [`Catalog`] and of
    /// the schema's types is in it, in declaration order.
    pub fn to_bundle(&self) -> Vec<u8> {
        postcard::to_allocvec(self).unwrap_or_default()
    }

    /// Reads the site's data file ([`Catalog::to_bundle`]), rebuilds the index and validates
    /// the result as [`Catalog::from_files`] does; a file cut short, with bytes left over or
    /// altered is an error.
    pub fn from_bundle(bytes: &[u8]) -> Result<Catalog, CatalogError> {
        let error = |message: String| CatalogError::Parse {
            file: BUNDLE,
            message,
        };
        let (catalog, rest): (Catalog, &[u8]) =
            postcard::take_from_bytes(bytes).map_err(|e| error(e.to_string()))?;
        if !rest.is_empty() {
            return Err(error(format!("{} bytes after the catalog", rest.len())));
        }
        catalog.indexed().validated()
    }

    /// The catalog as the text of its files, for the maintainers' refresh path.
    pub fn to_files(&self) -> OwnedCatalogFiles {
        OwnedCatalogFiles {
            meta: pretty(&self.meta),
            regions: pretty(&RegionsFile {
                source: self.regions_source.clone(),
                regions: self.regions.clone(),
            }),
            geographies: pretty(&GeographiesFile {
                countries: self.countries.clone(),
                geographies: self.geographies.clone(),
            }),
            models: pretty(&ModelsFile {
                models: self.models.clone(),
            }),
            profiles: pretty(&ProfilesFile {
                profiles: self.profiles.clone(),
            }),
        }
    }
}

//! The catalog as the build embeds it: compact tables that `build.rs` compiles from `data/*.json`
//! (strings as `&'static str`, references to Regions, countries, models and sources as indices
//! into their tables, coordinates in whole millionths of a degree), turned here into the
//! schema's owned types and handed to [`Catalog::new`], which validates them as it does parsed
//! files. The WebAssembly module so carries neither the files' text nor the code that parses
//! them. A native test proves the result equals the catalog parsed from the files.

use crate::catalog::ids::{
    CountryCode, GeographyId, ModelId, ProfileId, RegionCode, Scope, SourceId,
};
use crate::catalog::load::CatalogError;
use crate::catalog::schema::{
    AddedDestination, AddedProfile, Change, Country, Disagreement, Endpoint, Geography, InRegion,
    InRegionChanges, Lifecycle, Meta, Model, ModelUnit, Partition, Price, Profile, Region,
    Retirement, Route, Source,
};
use crate::catalog::Catalog;

include!(concat!(env!("OUT_DIR"), "/catalog_tables.rs"));

/// The facts `build.rs` read from the transcribed retention pages.
fn retention_pages() -> crate::catalog::retention_pages::PageFacts {
    use crate::catalog::retention_pages::{NamedModel, PageFacts, PageSource};
    include!(concat!(env!("OUT_DIR"), "/retention_facts.rs"))
}

/// The embedded catalog, converted and validated, with its retention facts.
pub fn catalog() -> Result<Catalog, CatalogError> {
    TABLES.catalog()?.with_retention(retention_pages())
}

/// Every table; the rows mirror [`crate::catalog::schema`], field for field.
struct Tables {
    meta: MetaRow,
    /// Index into `meta.sources`.
    regions_source: u8,
    regions: &'static [RegionRow],
    countries: &'static [CountryRow],
    geographies: &'static [GeographyRow],
    models: &'static [ModelRow],
    profiles: &'static [ProfileRow],
}

struct MetaRow {
    as_of: &'static str,
    sources: &'static [SourceRow],
    disagreements: &'static [DisagreementRow],
    gaps: &'static [&'static str],
    changes: &'static [ChangeRow],
}

struct SourceRow {
    id: &'static str,
    title: &'static str,
    url: &'static str,
    commit: Option<&'static str>,
    as_of: &'static str,
    covers: &'static str,
}

struct DisagreementRow {
    subject: &'static str,
    sources: &'static [u8],
    detail: &'static str,
    resolution: &'static str,
}

/// A change keeps its IDs as text: it may name what the catalog no longer lists.
struct ChangeRow {
    as_of: &'static str,
    previous_as_of: &'static str,
    from: &'static str,
    models_added: &'static [&'static str],
    models_retired: &'static [RetirementRow],
    models_legacy: &'static [&'static str],
    profiles_added: &'static [AddedProfileRow],
    profiles_withdrawn: &'static [&'static str],
    destinations_added: &'static [AddedDestinationRow],
    in_region: InRegionChanges,
}

struct RetirementRow {
    model: &'static str,
    retired_on: &'static str,
}

struct AddedProfileRow {
    profile: &'static str,
    countries: &'static [&'static str],
}

struct AddedDestinationRow {
    profile: &'static str,
    source: &'static str,
    region: &'static str,
    adds_country: bool,
}

struct RegionRow {
    code: &'static str,
    name: &'static str,
    partition: Partition,
    country: u8,
    opt_in: bool,
    /// Whole multiples of `1 / COORDINATE_SCALE` degree.
    lat: i32,
    lon: i32,
}

struct CountryRow {
    code: &'static str,
    name: &'static str,
}

struct GeographyRow {
    id: &'static str,
    name: &'static str,
    description: &'static str,
    countries: &'static [u8],
    source: &'static str,
}

enum LifecycleRow {
    Active,
    Legacy(Option<&'static str>),
    #[allow(dead_code, reason = "only built when the data holds a retired model")]
    Retired(&'static str),
}

struct ModelRow {
    id: &'static str,
    name: &'static str,
    provider: &'static str,
    lifecycle: LifecycleRow,
    input_modalities: &'static [&'static str],
    output_modalities: &'static [&'static str],
    offered_in: &'static [u8],
    in_region: &'static [InRegionRow],
    provisioned: &'static [ModelUnitRow],
    customizations: &'static [&'static str],
    streaming: bool,
    source: u8,
    as_of: &'static str,
}

struct InRegionRow {
    region: u8,
    endpoint: Endpoint,
    mantle_apis: &'static [&'static str],
    sources: &'static [u8],
    price: Option<&'static PriceRow>,
}

struct PriceRow {
    input: u64,
    output: u64,
    key: &'static str,
    regional: bool,
    source: u8,
    as_of: &'static str,
}

struct ModelUnitRow {
    unit: &'static str,
    regions: &'static [u8],
    source: u8,
}

struct ProfileRow {
    id: &'static str,
    scope: &'static str,
    model: u16,
    routes: &'static [RouteRow],
    price: Option<&'static PriceRow>,
    source: u8,
    as_of: &'static str,
}

struct RouteRow {
    from: &'static [u8],
    to: &'static [u8],
}

/// Owned strings of a table's string list.
fn owned(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

/// IDs of a table's string list.
fn ids<'a, T: From<&'a str>>(list: &[&'a str]) -> Vec<T> {
    list.iter().map(|&s| T::from(s)).collect()
}

impl Tables {
    fn catalog(&self) -> Result<Catalog, CatalogError> {
        let meta = self.meta.convert(&self.refs("meta.json"))?;
        let refs = self.refs("regions.json");
        let regions_source = refs.source(self.regions_source)?;
        let regions = refs.all(self.regions, RegionRow::convert)?;
        let refs = self.refs("geographies.json");
        let countries = self.countries.iter().map(CountryRow::convert).collect();
        let geographies = refs.all(self.geographies, GeographyRow::convert)?;
        let models = self
            .refs("models.json")
            .all(self.models, ModelRow::convert)?;
        let profiles = self
            .refs("profiles.json")
            .all(self.profiles, ProfileRow::convert)?;
        Catalog::new(
            meta,
            regions_source,
            regions,
            countries,
            geographies,
            models,
            profiles,
        )
    }

    fn refs(&self, file: &'static str) -> Refs<'_> {
        Refs { tables: self, file }
    }
}

/// Resolves the indices in the tables of one file; an index past its table's end is an error
/// naming the file (never a panic: the page shows the error instead).
struct Refs<'t> {
    tables: &'t Tables,
    file: &'static str,
}

impl Refs<'_> {
    fn pick<'a, T>(&self, table: &'a [T], index: usize, what: &str) -> Result<&'a T, CatalogError> {
        table.get(index).ok_or_else(|| CatalogError::Parse {
            file: self.file,
            message: format!(
                "the embedded table names {what} #{index}, past the {} listed",
                table.len()
            ),
        })
    }

    /// Every row converted, or the first bad index.
    fn all<R, T>(
        &self,
        rows: &[R],
        convert: impl Fn(&R, &Self) -> Result<T, CatalogError>,
    ) -> Result<Vec<T>, CatalogError> {
        rows.iter().map(|row| convert(row, self)).collect()
    }

    fn source(&self, index: u8) -> Result<SourceId, CatalogError> {
        let sources = self.tables.meta.sources;
        self.pick(sources, index.into(), "source")
            .map(|s| SourceId::new(s.id))
    }

    fn sources(&self, indices: &[u8]) -> Result<Vec<SourceId>, CatalogError> {
        indices.iter().map(|&i| self.source(i)).collect()
    }

    fn region(&self, index: u8) -> Result<RegionCode, CatalogError> {
        self.pick(self.tables.regions, index.into(), "Region")
            .map(|r| RegionCode::new(r.code))
    }

    fn regions(&self, indices: &[u8]) -> Result<Vec<RegionCode>, CatalogError> {
        indices.iter().map(|&i| self.region(i)).collect()
    }

    fn country(&self, index: u8) -> Result<CountryCode, CatalogError> {
        self.pick(self.tables.countries, index.into(), "country")
            .map(|c| CountryCode::new(c.code))
    }

    fn model(&self, index: u16) -> Result<ModelId, CatalogError> {
        self.pick(self.tables.models, index.into(), "model")
            .map(|m| ModelId::new(m.id))
    }

    fn price(&self, price: Option<&PriceRow>) -> Result<Option<Price>, CatalogError> {
        price
            .map(|p| {
                Ok(Price {
                    input: p.input,
                    output: p.output,
                    key: p.key.to_owned(),
                    regional: p.regional,
                    source: self.source(p.source)?,
                    as_of: p.as_of.to_owned(),
                })
            })
            .transpose()
    }
}

impl MetaRow {
    fn convert(&self, refs: &Refs<'_>) -> Result<Meta, CatalogError> {
        Ok(Meta {
            as_of: self.as_of.to_owned(),
            sources: self.sources.iter().map(SourceRow::convert).collect(),
            disagreements: refs.all(self.disagreements, DisagreementRow::convert)?,
            gaps: owned(self.gaps),
            changes: self.changes.iter().map(ChangeRow::convert).collect(),
        })
    }
}

impl SourceRow {
    fn convert(&self) -> Source {
        Source {
            id: SourceId::new(self.id),
            title: self.title.to_owned(),
            url: self.url.to_owned(),
            commit: self.commit.map(str::to_owned),
            as_of: self.as_of.to_owned(),
            covers: self.covers.to_owned(),
        }
    }
}

impl DisagreementRow {
    fn convert(&self, refs: &Refs<'_>) -> Result<Disagreement, CatalogError> {
        Ok(Disagreement {
            subject: self.subject.to_owned(),
            sources: refs.sources(self.sources)?,
            detail: self.detail.to_owned(),
            resolution: self.resolution.to_owned(),
        })
    }
}

impl ChangeRow {
    fn convert(&self) -> Change {
        Change {
            as_of: self.as_of.to_owned(),
            previous_as_of: self.previous_as_of.to_owned(),
            from: self.from.to_owned(),
            models_added: ids(self.models_added),
            models_retired: self
                .models_retired
                .iter()
                .map(|r| Retirement {
                    model: ModelId::new(r.model),
                    retired_on: r.retired_on.to_owned(),
                })
                .collect(),
            models_legacy: ids(self.models_legacy),
            profiles_added: self
                .profiles_added
                .iter()
                .map(|a| AddedProfile {
                    profile: ProfileId::new(a.profile),
                    countries: ids(a.countries),
                })
                .collect(),
            profiles_withdrawn: ids(self.profiles_withdrawn),
            destinations_added: self
                .destinations_added
                .iter()
                .map(|d| AddedDestination {
                    profile: ProfileId::new(d.profile),
                    source: RegionCode::new(d.source),
                    region: RegionCode::new(d.region),
                    adds_country: d.adds_country,
                })
                .collect(),
            in_region: self.in_region.clone(),
        }
    }
}

impl RegionRow {
    fn convert(&self, refs: &Refs<'_>) -> Result<Region, CatalogError> {
        Ok(Region {
            code: RegionCode::new(self.code),
            name: self.name.to_owned(),
            partition: self.partition,
            country: refs.country(self.country)?,
            opt_in: self.opt_in,
            lat: f64::from(self.lat) / COORDINATE_SCALE,
            lon: f64::from(self.lon) / COORDINATE_SCALE,
        })
    }
}

impl CountryRow {
    fn convert(&self) -> Country {
        Country {
            code: CountryCode::new(self.code),
            name: self.name.to_owned(),
        }
    }
}

impl GeographyRow {
    fn convert(&self, refs: &Refs<'_>) -> Result<Geography, CatalogError> {
        Ok(Geography {
            id: GeographyId::new(self.id),
            name: self.name.to_owned(),
            description: self.description.to_owned(),
            countries: self
                .countries
                .iter()
                .map(|&c| refs.country(c))
                .collect::<Result<_, _>>()?,
            source: self.source.to_owned(),
        })
    }
}

impl LifecycleRow {
    fn convert(&self) -> Lifecycle {
        match self {
            LifecycleRow::Active => Lifecycle::Active,
            LifecycleRow::Legacy(end_of_life) => Lifecycle::Legacy {
                end_of_life: end_of_life.map(str::to_owned),
            },
            LifecycleRow::Retired(retired_on) => Lifecycle::Retired {
                retired_on: (*retired_on).to_owned(),
            },
        }
    }
}

impl ModelRow {
    fn convert(&self, refs: &Refs<'_>) -> Result<Model, CatalogError> {
        Ok(Model {
            id: ModelId::new(self.id),
            name: self.name.to_owned(),
            provider: self.provider.to_owned(),
            lifecycle: self.lifecycle.convert(),
            input_modalities: owned(self.input_modalities),
            output_modalities: owned(self.output_modalities),
            offered_in: refs.regions(self.offered_in)?,
            in_region: refs.all(self.in_region, InRegionRow::convert)?,
            provisioned: refs.all(self.provisioned, ModelUnitRow::convert)?,
            customizations: owned(self.customizations),
            streaming: self.streaming,
            source: refs.source(self.source)?,
            as_of: self.as_of.to_owned(),
        })
    }
}

impl InRegionRow {
    fn convert(&self, refs: &Refs<'_>) -> Result<InRegion, CatalogError> {
        Ok(InRegion {
            region: refs.region(self.region)?,
            endpoint: self.endpoint,
            mantle_apis: owned(self.mantle_apis),
            sources: refs.sources(self.sources)?,
            price: refs.price(self.price)?,
        })
    }
}

impl ModelUnitRow {
    fn convert(&self, refs: &Refs<'_>) -> Result<ModelUnit, CatalogError> {
        Ok(ModelUnit {
            unit: self.unit.to_owned(),
            regions: refs.regions(self.regions)?,
            source: refs.source(self.source)?,
        })
    }
}

impl ProfileRow {
    fn convert(&self, refs: &Refs<'_>) -> Result<Profile, CatalogError> {
        Ok(Profile {
            id: ProfileId::new(self.id),
            scope: Scope::new(self.scope),
            model: refs.model(self.model)?,
            routes: self
                .routes
                .iter()
                .map(|r| {
                    Ok(Route {
                        from: refs.regions(r.from)?,
                        to: refs.regions(r.to)?,
                    })
                })
                .collect::<Result<_, CatalogError>>()?,
            price: refs.price(self.price)?,
            source: refs.source(self.source)?,
            as_of: self.as_of.to_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const REGION: RegionRow = RegionRow {
        code: "eu-central-1",
        name: "Europe (Frankfurt)",
        partition: Partition::Commercial,
        country: 0,
        opt_in: false,
        lat: 50_110_000,
        lon: 8_680_000,
    };

    const MODEL: ModelRow = ModelRow {
        id: "m.one-v1:0",
        name: "One",
        provider: "P",
        lifecycle: LifecycleRow::Legacy(Some("2027-01-02")),
        input_modalities: &["TEXT"],
        output_modalities: &["TEXT"],
        offered_in: &[0],
        in_region: &[],
        provisioned: &[],
        customizations: &[],
        streaming: true,
        source: 0,
        as_of: "2026-01-01",
    };

    /// Retired: no offers and no profile, as validation requires.
    const RETIRED: ModelRow = ModelRow {
        id: "m.old-v1:0",
        lifecycle: LifecycleRow::Retired("2026-01-02"),
        offered_in: &[],
        ..MODEL
    };

    const PROFILE: ProfileRow = ProfileRow {
        id: "eu.m.one-v1:0",
        scope: "eu",
        model: 0,
        routes: &[RouteRow {
            from: &[0],
            to: &[0],
        }],
        price: None,
        source: 0,
        as_of: "2026-01-01",
    };

    /// One of everything, consistent.
    const TINY: Tables = Tables {
        meta: MetaRow {
            as_of: "2026-01-01",
            sources: &[SourceRow {
                id: "s",
                title: "S",
                url: "https://example.com",
                commit: None,
                as_of: "2026-01-01",
                covers: "everything",
            }],
            disagreements: &[],
            gaps: &[],
            changes: &[],
        },
        regions_source: 0,
        regions: &[REGION],
        countries: &[CountryRow {
            code: "DE",
            name: "Germany",
        }],
        geographies: &[],
        models: &[MODEL, RETIRED],
        profiles: &[PROFILE],
    };

    #[test]
    fn consistent_tables_convert_and_validate() {
        let catalog = TINY.catalog().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(catalog.regions[0].lat, 50.11);
        let lifecycle = |id: &str| {
            &catalog
                .models
                .iter()
                .find(|m| m.id.as_str() == id)
                .unwrap()
                .lifecycle
        };
        assert_eq!(lifecycle("m.one-v1:0").end_of_life(), Some("2027-01-02"));
        assert_eq!(lifecycle("m.old-v1:0").retired_on(), Some("2026-01-02"));
        assert_eq!(catalog.profiles[0].model.as_str(), "m.one-v1:0");
    }

    #[test]
    fn a_bad_index_is_an_error_naming_the_file() {
        // Rows: tables with one index past its table's end, the file named, words of the message.
        let cases: [(Tables, &str, &str); 5] = [
            (
                Tables {
                    regions_source: 3,
                    ..TINY
                },
                "regions.json",
                "source #3",
            ),
            (
                Tables {
                    regions: &[RegionRow {
                        country: 9,
                        ..REGION
                    }],
                    ..TINY
                },
                "regions.json",
                "country #9",
            ),
            (
                Tables {
                    models: &[ModelRow {
                        offered_in: &[0, 200],
                        ..MODEL
                    }],
                    ..TINY
                },
                "models.json",
                "Region #200",
            ),
            (
                Tables {
                    profiles: &[ProfileRow {
                        model: 7,
                        ..PROFILE
                    }],
                    ..TINY
                },
                "profiles.json",
                "model #7",
            ),
            (
                Tables {
                    profiles: &[ProfileRow {
                        routes: &[RouteRow {
                            from: &[0],
                            to: &[1],
                        }],
                        ..PROFILE
                    }],
                    ..TINY
                },
                "profiles.json",
                "Region #1",
            ),
        ];
        for (tables, file, words) in cases {
            match tables.catalog() {
                Err(CatalogError::Parse {
                    file: named,
                    message,
                }) => {
                    assert_eq!(named, file, "{message}");
                    assert!(message.contains(words), "{message}");
                }
                other => panic!("expected an error naming {file}, got {other:?}"),
            }
        }
    }

    #[test]
    fn converted_tables_are_validated() {
        let misnamed = Tables {
            profiles: &[ProfileRow {
                id: "us.m.one-v1:0",
                ..PROFILE
            }],
            ..TINY
        };
        assert!(matches!(
            misnamed.catalog(),
            Err(CatalogError::Invalid(problems)) if problems.iter().any(|p| p.contains("not named"))
        ));
    }
}

//! Compiles the catalog (`data/*.json`) into compact Rust tables for the WebAssembly module:
//! `$OUT_DIR/catalog_tables.rs`, included by `src/catalog/embedded.rs`. Strings stay `&'static str`;
//! references to Regions, countries, models and sources become indices into their tables;
//! coordinates become whole millionths of a degree, checked to divide back to the identical
//! `f64`. So the module carries neither the files' text nor a JSON parser for the catalog's types.
//!
//! The files are read with the app's own schema (`src/catalog/schema.rs` and `ids.rs`, compiled in
//! here as well), so the build accepts exactly the shapes the app and `atlas catalog check`
//! accept, and fails on any other with the file, the parser's message and the offending line.
//! A reference to a Region, country, model or source that is not in its table fails it too.

// The build script runs at compile time on the build machine: reading data/ and writing the
// tables is its job. The library it builds for may not (clippy.toml).
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

use serde::de::DeserializeOwned;
use serde::Deserialize;
use std::collections::HashMap;
use std::fmt::Debug;
use std::path::{Path, PathBuf};

#[allow(dead_code)]
#[path = "src/catalog/ids.rs"]
mod ids;
#[allow(dead_code)]
#[path = "src/catalog/retention_pages.rs"]
mod retention_pages;
#[allow(dead_code)]
#[path = "src/catalog/schema.rs"]
mod schema;

use ids::{CountryCode, ModelId, ProfileId, RegionCode, SourceId};
use schema::{
    Change, Country, Disagreement, Geography, InRegion, Lifecycle, Meta, Model, ModelUnit, Price,
    Profile, Region, Route, Source,
};

/// The catalog's files, as `src/catalog/data.rs` and `atlas catalog` name them.
const FILES: [&str; 5] = [
    "meta.json",
    "regions.json",
    "geographies.json",
    "models.json",
    "profiles.json",
];

/// The transcribed pages the retention facts come from, in `data/sources/`.
const RETENTION_PAGES: [&str; 2] = ["data-retention.json", "abuse-detection.json"];

/// The retention facts as a Rust expression; the module leaves out the pages' history, which
/// only the prerendered data sources page shows.
fn retention_facts(root: &Path, without_prose: bool) -> Result<String, String> {
    let read = |file: &str| {
        let path = root.join("data/sources").join(file);
        std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
    };
    let mut facts =
        retention_pages::PageFacts::read(&read(RETENTION_PAGES[0])?, &read(RETENTION_PAGES[1])?)?;
    if without_prose {
        facts.history.clear();
    }
    Ok(facts.to_rust())
}

/// Coordinates are stored as whole multiples of one millionth of a degree.
const COORDINATE_SCALE: f64 = 1e6;

// The files' top-level objects, as `src/catalog/load.rs` reads them.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RegionsFile {
    source: SourceId,
    regions: Vec<Region>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GeographiesFile {
    countries: Vec<Country>,
    geographies: Vec<Geography>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ModelsFile {
    models: Vec<Model>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProfilesFile {
    profiles: Vec<Profile>,
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/catalog/ids.rs");
    println!("cargo:rerun-if-changed=src/catalog/schema.rs");
    for file in FILES {
        println!("cargo:rerun-if-changed=../../data/{file}");
    }
    println!("cargo:rerun-if-changed=src/catalog/retention_pages.rs");
    for file in RETENTION_PAGES {
        println!("cargo:rerun-if-changed=../../data/sources/{file}");
    }
    // The catalog lives at the workspace root, two folders above this crate.
    let root =
        PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default()).join("../..");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    // The module hydrates only the explore, profile and plan pages; the data sources page, the
    // only reader of the catalog's prose about itself (what each source covers, disagreements,
    // gaps, the change log), is prerendered natively. Leaving that prose out of the module's
    // tables saves about 6 KB brotli.
    let for_module = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    let written = tables(&root, for_module).and_then(|code| {
        let path = out.join("catalog_tables.rs");
        std::fs::write(&path, code).map_err(|e| format!("{}: {e}", path.display()))
    });
    let written = written.and_then(|()| {
        let code = retention_facts(&root, for_module)?;
        let path = out.join("retention_facts.rs");
        std::fs::write(&path, code).map_err(|e| format!("{}: {e}", path.display()))
    });
    if let Err(message) = written {
        eprintln!("error: the catalog cannot be compiled into tables: {message}");
        std::process::exit(1);
    }
}

/// The generated Rust source of the tables; `without_prose` leaves out the meta prose the module
/// never shows.
fn tables(root: &Path, without_prose: bool) -> Result<String, String> {
    let mut meta: Meta = parse(root, "meta.json")?;
    if without_prose {
        meta.disagreements.clear();
        meta.gaps.clear();
        meta.changes.clear();
        for source in &mut meta.sources {
            source.covers.clear();
        }
    }
    let regions: RegionsFile = parse(root, "regions.json")?;
    let geographies: GeographiesFile = parse(root, "geographies.json")?;
    let models: ModelsFile = parse(root, "models.json")?;
    let profiles: ProfilesFile = parse(root, "profiles.json")?;
    let refs = Refs {
        sources: Positions::of(
            "source",
            "meta.json",
            meta.sources.iter().map(|s| s.id.as_str()),
            usize::from(u8::MAX),
        )?,
        countries: Positions::of(
            "country",
            "geographies.json",
            geographies.countries.iter().map(|c| c.code.as_str()),
            usize::from(u8::MAX),
        )?,
        regions: Positions::of(
            "Region",
            "regions.json",
            regions.regions.iter().map(|r| r.code.as_str()),
            usize::from(u8::MAX),
        )?,
        models: Positions::of(
            "model",
            "models.json",
            models.models.iter().map(|m| m.id.as_str()),
            usize::from(u16::MAX),
        )?,
    };
    let regions_source = refs.source(&regions.source, "data/regions.json: source")?;
    Ok(format!(
        "// Generated by build.rs from data/*.json: edit the files (through `atlas catalog`), not this.\n\n\
         /// Coordinates are stored as whole multiples of `1 / COORDINATE_SCALE` degree.\n\
         const COORDINATE_SCALE: f64 = {COORDINATE_SCALE:e};\n\n\
         /// The catalog's tables.\n\
         static TABLES: Tables = Tables {{\n\
         meta: {meta},\n\
         regions_source: {regions_source},\n\
         regions: &[\n{regions}],\n\
         countries: &[\n{countries}],\n\
         geographies: &[\n{geographies}],\n\
         models: &[\n{models}],\n\
         profiles: &[\n{profiles}],\n\
         }};\n",
        meta = refs.meta(&meta)?,
        regions = rows(regions.regions.iter().map(|r| refs.region(r)))?,
        countries = rows(geographies.countries.iter().map(|c| Ok(country(c))))?,
        geographies = rows(geographies.geographies.iter().map(|g| refs.geography(g)))?,
        models = rows(models.models.iter().map(|m| refs.model(m)))?,
        profiles = rows(profiles.profiles.iter().map(|p| refs.profile(p)))?,
    ))
}

/// A file of `data/`, parsed with the schema; an error names the file and quotes the line.
fn parse<T: DeserializeOwned>(root: &Path, file: &str) -> Result<T, String> {
    let path = format!("data/{file}");
    let text = std::fs::read_to_string(root.join(&path)).map_err(|e| format!("{path}: {e}"))?;
    serde_json::from_str(&text).map_err(|e| {
        let line = text.lines().nth(e.line().saturating_sub(1)).unwrap_or("");
        format!("{path}: {e}\n  {}: {}", e.line(), line.trim())
    })
}

/// One row per line, each followed by a comma.
fn rows(items: impl Iterator<Item = Result<String, String>>) -> Result<String, String> {
    items.map(|row| row.map(|r| format!("{r},\n"))).collect()
}

/// A Rust string literal (`Debug` escapes are Rust's).
fn text(s: &str) -> String {
    format!("{s:?}")
}

/// A Rust slice of string literals.
fn texts<'a>(list: impl Iterator<Item = &'a str>) -> String {
    slice(list.map(text))
}

/// A Rust `Option` of a string literal.
fn optional_text(s: Option<&str>) -> String {
    s.map_or_else(|| "None".to_owned(), |s| format!("Some({})", text(s)))
}

/// A Rust slice expression of the given element expressions.
fn slice(items: impl Iterator<Item = String>) -> String {
    format!("&[{}]", items.collect::<Vec<_>>().join(", "))
}

/// A domain enum's variant path, by its `Debug` name (the variant's own).
fn variant(enum_name: &str, value: &impl Debug) -> String {
    format!("{enum_name}::{value:?}")
}

fn country(c: &Country) -> String {
    format!(
        "CountryRow {{ code: {}, name: {} }}",
        text(c.code.as_str()),
        text(&c.name)
    )
}

/// `degrees` as whole millionths of a degree, when they divide back to exactly `degrees`.
fn fixed_point(degrees: f64, whose: &str) -> Result<i32, String> {
    let scaled = (degrees * COORDINATE_SCALE).round();
    let fits = scaled.abs() <= f64::from(i32::MAX);
    let whole = scaled as i32;
    if fits && (f64::from(whole) / COORDINATE_SCALE).to_bits() == degrees.to_bits() {
        Ok(whole)
    } else {
        Err(format!(
            "{whose}: {degrees} is not a whole number of millionths of a degree"
        ))
    }
}

/// The position of each ID in its table, for references written as indices.
struct Positions {
    what: &'static str,
    file: &'static str,
    of: HashMap<String, usize>,
}

impl Positions {
    /// The positions of `ids`, of which there may be at most `most`.
    fn of<'a>(
        what: &'static str,
        file: &'static str,
        ids: impl ExactSizeIterator<Item = &'a str>,
        most: usize,
    ) -> Result<Positions, String> {
        if ids.len() > most {
            return Err(format!(
                "data/{file}: {} {what} entries, the tables hold at most {most}",
                ids.len()
            ));
        }
        let of = ids.enumerate().map(|(i, id)| (id.to_owned(), i)).collect();
        Ok(Positions { what, file, of })
    }

    /// The index of `id`; `whose` says where the reference is, for the error.
    fn index(&self, id: &str, whose: &str) -> Result<usize, String> {
        self.of.get(id).copied().ok_or_else(|| {
            format!(
                "{whose}: unknown {} {id} (not in data/{})",
                self.what, self.file
            )
        })
    }
}

/// The tables' positions, to write every reference as an index.
struct Refs {
    sources: Positions,
    countries: Positions,
    regions: Positions,
    models: Positions,
}

impl Refs {
    fn source(&self, id: &SourceId, whose: &str) -> Result<usize, String> {
        self.sources.index(id.as_str(), whose)
    }

    fn sources(&self, ids: &[SourceId], whose: &str) -> Result<String, String> {
        let list: Vec<usize> = ids
            .iter()
            .map(|id| self.source(id, whose))
            .collect::<Result<_, _>>()?;
        Ok(slice(list.iter().map(usize::to_string)))
    }

    fn country(&self, code: &CountryCode, whose: &str) -> Result<usize, String> {
        self.countries.index(code.as_str(), whose)
    }

    fn region_index(&self, code: &RegionCode, whose: &str) -> Result<usize, String> {
        self.regions.index(code.as_str(), whose)
    }

    fn regions(&self, codes: &[RegionCode], whose: &str) -> Result<String, String> {
        let list: Vec<usize> = codes
            .iter()
            .map(|code| self.region_index(code, whose))
            .collect::<Result<_, _>>()?;
        Ok(slice(list.iter().map(usize::to_string)))
    }

    fn model_index(&self, id: &ModelId, whose: &str) -> Result<usize, String> {
        self.models.index(id.as_str(), whose)
    }

    fn meta(&self, m: &Meta) -> Result<String, String> {
        Ok(format!(
            "MetaRow {{ as_of: {}, sources: &[\n{}], disagreements: &[\n{}], gaps: {}, changes: &[\n{}] }}",
            text(&m.as_of),
            rows(m.sources.iter().map(|s| Ok(source(s))))?,
            rows(m.disagreements.iter().map(|d| self.disagreement(d)))?,
            texts(m.gaps.iter().map(String::as_str)),
            rows(m.changes.iter().map(|c| Ok(change(c))))?,
        ))
    }

    fn disagreement(&self, d: &Disagreement) -> Result<String, String> {
        let whose = format!("data/meta.json: disagreement on {}: sources", d.subject);
        Ok(format!(
            "DisagreementRow {{ subject: {}, sources: {}, detail: {}, resolution: {} }}",
            text(&d.subject),
            self.sources(&d.sources, &whose)?,
            text(&d.detail),
            text(&d.resolution),
        ))
    }

    fn region(&self, r: &Region) -> Result<String, String> {
        let whose = |key: &str| format!("data/regions.json: Region {}: {key}", r.code);
        Ok(format!(
            "RegionRow {{ code: {}, name: {}, partition: {}, country: {}, opt_in: {}, lat: {}, lon: {} }}",
            text(r.code.as_str()),
            text(&r.name),
            variant("Partition", &r.partition),
            self.country(&r.country, &whose("country"))?,
            r.opt_in,
            fixed_point(r.lat, &whose("lat"))?,
            fixed_point(r.lon, &whose("lon"))?,
        ))
    }

    fn geography(&self, g: &Geography) -> Result<String, String> {
        let whose = format!("data/geographies.json: geography {}: countries", g.id);
        let countries: Vec<usize> = g
            .countries
            .iter()
            .map(|c| self.country(c, &whose))
            .collect::<Result<_, _>>()?;
        Ok(format!(
            "GeographyRow {{ id: {}, name: {}, description: {}, countries: {}, source: {} }}",
            text(g.id.as_str()),
            text(&g.name),
            text(&g.description),
            slice(countries.iter().map(usize::to_string)),
            text(&g.source),
        ))
    }

    fn model(&self, m: &Model) -> Result<String, String> {
        let whose = |key: &str| format!("data/models.json: model {}: {key}", m.id);
        let in_region = rows(
            m.in_region
                .iter()
                .map(|o| self.in_region(o, &whose("in_region"))),
        )?;
        let provisioned = rows(
            m.provisioned
                .iter()
                .map(|u| self.unit(u, &whose("provisioned"))),
        )?;
        Ok(format!(
            "ModelRow {{ id: {}, name: {}, provider: {}, lifecycle: {}, input_modalities: {}, \
             output_modalities: {}, offered_in: {}, in_region: &[\n{in_region}], \
             provisioned: &[\n{provisioned}], customizations: {}, streaming: {}, source: {}, \
             as_of: {} }}",
            text(m.id.as_str()),
            text(&m.name),
            text(&m.provider),
            lifecycle(&m.lifecycle),
            texts(m.input_modalities.iter().map(String::as_str)),
            texts(m.output_modalities.iter().map(String::as_str)),
            self.regions(&m.offered_in, &whose("offered_in"))?,
            texts(m.customizations.iter().map(String::as_str)),
            m.streaming,
            self.source(&m.source, &whose("source"))?,
            text(&m.as_of),
        ))
    }

    fn in_region(&self, o: &InRegion, whose: &str) -> Result<String, String> {
        Ok(format!(
            "InRegionRow {{ region: {}, endpoint: {}, mantle_apis: {}, sources: {}, price: {} }}",
            self.region_index(&o.region, whose)?,
            variant("Endpoint", &o.endpoint),
            texts(o.mantle_apis.iter().map(String::as_str)),
            self.sources(&o.sources, whose)?,
            self.price(o.price.as_ref(), whose)?,
        ))
    }

    fn unit(&self, u: &ModelUnit, whose: &str) -> Result<String, String> {
        Ok(format!(
            "ModelUnitRow {{ unit: {}, regions: {}, source: {} }}",
            text(&u.unit),
            self.regions(&u.regions, whose)?,
            self.source(&u.source, whose)?,
        ))
    }

    fn price(&self, price: Option<&Price>, whose: &str) -> Result<String, String> {
        let Some(p) = price else {
            return Ok("None".to_owned());
        };
        Ok(format!(
            "Some(&PriceRow {{ input: {}, output: {}, key: {}, regional: {}, source: {}, as_of: {} }})",
            p.input,
            p.output,
            text(&p.key),
            p.regional,
            self.source(&p.source, &format!("{whose}: price"))?,
            text(&p.as_of),
        ))
    }

    fn profile(&self, p: &Profile) -> Result<String, String> {
        let whose = |key: &str| format!("data/profiles.json: profile {}: {key}", p.id);
        let routes = rows(p.routes.iter().map(|r| self.route(r, &whose("routes"))))?;
        Ok(format!(
            "ProfileRow {{ id: {}, scope: {}, model: {}, routes: &[\n{routes}], price: {}, \
             source: {}, as_of: {} }}",
            text(p.id.as_str()),
            text(p.scope.as_str()),
            self.model_index(&p.model, &whose("model"))?,
            self.price(p.price.as_ref(), &whose("price"))?,
            self.source(&p.source, &whose("source"))?,
            text(&p.as_of),
        ))
    }

    fn route(&self, r: &Route, whose: &str) -> Result<String, String> {
        Ok(format!(
            "RouteRow {{ from: {}, to: {} }}",
            self.regions(&r.from, whose)?,
            self.regions(&r.to, whose)?,
        ))
    }
}

fn source(s: &Source) -> String {
    format!(
        "SourceRow {{ id: {}, title: {}, url: {}, commit: {}, as_of: {}, covers: {} }}",
        text(s.id.as_str()),
        text(&s.title),
        text(&s.url),
        optional_text(s.commit.as_deref()),
        text(&s.as_of),
        text(&s.covers),
    )
}

fn lifecycle(l: &Lifecycle) -> String {
    match l {
        Lifecycle::Active => "LifecycleRow::Active".to_owned(),
        Lifecycle::Legacy { end_of_life } => {
            format!(
                "LifecycleRow::Legacy({})",
                optional_text(end_of_life.as_deref())
            )
        }
        Lifecycle::Retired { retired_on } => format!("LifecycleRow::Retired({})", text(retired_on)),
    }
}

/// A change record keeps its IDs as text: it may name a model or profile the catalog no longer
/// lists.
fn change(c: &Change) -> String {
    let retired = c.models_retired.iter().map(|r| {
        format!(
            "RetirementRow {{ model: {}, retired_on: {} }}",
            text(r.model.as_str()),
            text(&r.retired_on)
        )
    });
    let profiles_added = c.profiles_added.iter().map(|a| {
        format!(
            "AddedProfileRow {{ profile: {}, countries: {} }}",
            text(a.profile.as_str()),
            texts(a.countries.iter().map(CountryCode::as_str))
        )
    });
    let destinations_added = c.destinations_added.iter().map(|d| {
        format!(
            "AddedDestinationRow {{ profile: {}, source: {}, region: {}, adds_country: {} }}",
            text(d.profile.as_str()),
            text(d.source.as_str()),
            text(d.region.as_str()),
            d.adds_country
        )
    });
    format!(
        "ChangeRow {{ as_of: {}, previous_as_of: {}, from: {}, models_added: {}, \
         models_retired: {}, models_legacy: {}, profiles_added: {}, profiles_withdrawn: {}, \
         destinations_added: {}, in_region: InRegionChanges {{ added: {}, removed: {}, \
         endpoint_changed: {} }} }}",
        text(&c.as_of),
        text(&c.previous_as_of),
        text(&c.from),
        texts(c.models_added.iter().map(ModelId::as_str)),
        slice(retired),
        texts(c.models_legacy.iter().map(ModelId::as_str)),
        slice(profiles_added),
        texts(c.profiles_withdrawn.iter().map(ProfileId::as_str)),
        slice(destinations_added),
        c.in_region.added,
        c.in_region.removed,
        c.in_region.endpoint_changed,
    )
}

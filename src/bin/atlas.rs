//! `atlas`: the command-line side of CRIS Atlas, on the same domain code as the app.
//!
//! - `atlas recommend PLAN.json [--format json|markdown]`: evaluate a plan file.
//! - `atlas catalog import DIR [--data DIR] [--as-of YYYY-MM-DD]`: merge AWS CLI output into
//!   the catalog files.
//! - `atlas catalog check [--data DIR]`: parse and validate catalog files.

use cris_atlas::data;
use cris_atlas::domain::catalog::Catalog;
use cris_atlas::domain::evaluation::PlanEvaluation;
use cris_atlas::domain::ids::RegionCode;
use cris_atlas::domain::import::{import, FoundationModels, InferenceProfiles, RegionSnapshot};
use cris_atlas::domain::load::CatalogFiles;
use cris_atlas::domain::plan::Plan;
use cris_atlas::domain::report;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage:
  atlas recommend PLAN.json [--format json|markdown]
  atlas catalog import DIR [--data DIR] [--as-of YYYY-MM-DD]
  atlas catalog check [--data DIR]

catalog import reads, for each source Region, DIR/<region>.foundation-models.json
(aws bedrock list-foundation-models) and DIR/<region>.inference-profiles.json
(aws bedrock list-inference-profiles --type-equals SYSTEM_DEFINED).";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(output) => {
            print!("{output}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("atlas: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Takes `--name value` out of `args`.
fn option(args: &mut Vec<String>, name: &str) -> Result<Option<String>, String> {
    match args.iter().position(|a| a == name) {
        None => Ok(None),
        Some(i) if i + 1 < args.len() => {
            let value = args.remove(i + 1);
            args.remove(i);
            Ok(Some(value))
        }
        Some(_) => Err(format!("{name} needs a value")),
    }
}

fn one_path(args: &[String]) -> Result<&str, String> {
    match args {
        [path] => Ok(path),
        _ => Err(USAGE.to_owned()),
    }
}

fn run(args: &[String]) -> Result<String, String> {
    let mut rest: Vec<String> = args.to_vec();
    let command: Vec<String> = rest.drain(..rest.len().min(2)).collect();
    match command
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["recommend", plan] => {
            let format = option(&mut rest, "--format")?.unwrap_or_else(|| "json".into());
            if !rest.is_empty() {
                return Err(USAGE.to_owned());
            }
            recommend(Path::new(plan), &format)
        }
        ["catalog", "import"] => {
            let data_dir = option(&mut rest, "--data")?.unwrap_or_else(|| "data".into());
            let as_of = match option(&mut rest, "--as-of")? {
                Some(date) => date,
                None => today()?,
            };
            catalog_import(Path::new(one_path(&rest)?), Path::new(&data_dir), &as_of)
        }
        ["catalog", "check"] => {
            let data_dir = option(&mut rest, "--data")?.unwrap_or_else(|| "data".into());
            if !rest.is_empty() {
                return Err(USAGE.to_owned());
            }
            let catalog = load_catalog(Path::new(&data_dir))?;
            Ok(format!(
                "catalog as of {}: {} Regions, {} models, {} profiles: valid\n",
                catalog.meta.as_of,
                catalog.regions.len(),
                catalog.models.len(),
                catalog.profiles.len()
            ))
        }
        ["help" | "--help" | "-h", ..] => Ok(format!("{USAGE}\n")),
        _ => Err(USAGE.to_owned()),
    }
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn recommend(plan_path: &Path, format: &str) -> Result<String, String> {
    let catalog = data::catalog().map_err(|e| e.to_string())?;
    let text = read(plan_path)?;
    let plan = Plan::parse(&text, catalog).map_err(|e| format!("{}: {e}", plan_path.display()))?;
    match format {
        "json" => {
            let evaluation = PlanEvaluation::of(catalog, &plan);
            Ok(report::to_json(&report::report(catalog, &plan, &evaluation)) + "\n")
        }
        "markdown" => Ok(report::to_markdown(
            catalog,
            &plan,
            &PlanEvaluation::of(catalog, &plan),
        )),
        other => Err(format!("unknown format {other}: use json or markdown")),
    }
}

const FILES: [&str; 5] = ["meta", "regions", "geographies", "models", "profiles"];

fn load_catalog(dir: &Path) -> Result<Catalog, String> {
    let texts: Vec<String> = FILES
        .iter()
        .map(|name| read(&dir.join(format!("{name}.json"))))
        .collect::<Result<_, _>>()?;
    Catalog::from_files(CatalogFiles {
        meta: &texts[0],
        regions: &texts[1],
        geographies: &texts[2],
        models: &texts[3],
        profiles: &texts[4],
    })
    .map_err(|e| e.to_string())
}

fn catalog_import(input: &Path, data_dir: &Path, as_of: &str) -> Result<String, String> {
    let valid_date = as_of.len() == 10
        && as_of.char_indices().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        });
    if !valid_date {
        return Err(format!("--as-of {as_of}: expected YYYY-MM-DD"));
    }
    let catalog = load_catalog(data_dir)?;
    let mut regions: Vec<String> = std::fs::read_dir(input)
        .map_err(|e| format!("{}: {e}", input.display()))?
        .filter_map(|entry| entry.ok())
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            name.strip_suffix(".foundation-models.json")
                .map(str::to_owned)
        })
        .collect();
    regions.sort();
    if regions.is_empty() {
        return Err(format!(
            "{}: no <region>.foundation-models.json files",
            input.display()
        ));
    }
    let mut snapshots = Vec::new();
    for region in &regions {
        let models_path: PathBuf = input.join(format!("{region}.foundation-models.json"));
        let profiles_path: PathBuf = input.join(format!("{region}.inference-profiles.json"));
        let models: FoundationModels = serde_json::from_str(&read(&models_path)?)
            .map_err(|e| format!("{}: {e}", models_path.display()))?;
        let profiles: InferenceProfiles = serde_json::from_str(&read(&profiles_path)?)
            .map_err(|e| format!("{}: {e}", profiles_path.display()))?;
        snapshots.push(RegionSnapshot {
            region: RegionCode::new(region.as_str()),
            models,
            profiles,
        });
    }
    let merged = import(&catalog, &snapshots, as_of).map_err(|e| e.to_string())?;
    let files = merged.to_files();
    let texts = [
        &files.meta,
        &files.regions,
        &files.geographies,
        &files.models,
        &files.profiles,
    ];
    for (name, text) in FILES.iter().zip(texts) {
        let path = data_dir.join(format!("{name}.json"));
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(format!(
        "imported {} Regions ({}): {} models, {} profiles; catalog as of {}\n",
        regions.len(),
        regions.join(", "),
        merged.models.len(),
        merged.profiles.len(),
        merged.meta.as_of
    ))
}

/// Today's date in UTC, from the system clock.
fn today() -> Result<String, String> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_err(|e| e.to_string())?
        .as_secs();
    let days = (secs / 86_400) as i64;
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Ok(format!("{year:04}-{month:02}-{day:02}"))
}

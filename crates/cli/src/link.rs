//! `atlas link`: a plan file as a share link the app opens, and a link back to the plan file it
//! carries. The link's format and every check on it are the domain's (`domain::share`); this
//! file only reads, compresses and prints.

use crate::files::read;
use atlas_core::plan::share::{self, MAX_PAYLOAD_CHARS};
use atlas_core::plan::Plan;
use clap::Args;
use cris_atlas::deflate::{deflate, inflate};
use std::path::PathBuf;

/// `atlas link PLAN.json [--base URL]`, or `atlas link --decode LINK`.
#[derive(Args)]
pub struct LinkArgs {
    /// The plan file to put in a link (JSON, the format `atlas recommend` reads).
    #[arg(required_unless_present = "decode", conflicts_with = "decode")]
    plan: Option<PathBuf>,
    /// The address of any page of the site, such as https://example.com/atlas/; without it,
    /// only the fragment (#/plan/open/v1.…) is printed.
    #[arg(long, value_name = "URL", conflicts_with = "decode")]
    base: Option<String>,
    /// Print the plan file a link carries, exactly as it was encoded.
    #[arg(long, value_name = "LINK")]
    decode: Option<String>,
}

/// Runs `atlas link`.
pub fn run(args: &LinkArgs) -> Result<String, String> {
    let catalog = atlas_core::catalog::data::catalog().map_err(|e| e.to_string())?;
    if let Some(link) = &args.decode {
        return share::read(link, catalog, inflate)
            .map(|shared| shared.text)
            .map_err(|e| e.to_string());
    }
    let Some(path) = &args.plan else {
        return Err("give a plan file, or --decode LINK".into());
    };
    let text = read(path)?;
    Plan::parse(&text, catalog).map_err(|e| format!("{}: {e}", path.display()))?;
    let fragment = share::fragment(&deflate(text.as_bytes()));
    let payload_chars =
        fragment.len() - share::LINK_PREFIX.len() - share::LINK_VERSION.len() - share::CHECK_CHARS;
    if payload_chars > MAX_PAYLOAD_CHARS {
        return Err(format!(
            "{}: the plan is too large for a link ({payload_chars} characters; at most {MAX_PAYLOAD_CHARS} are read)",
            path.display()
        ));
    }
    let base = args.base.as_deref().unwrap_or_default();
    let base = base.split('#').next().unwrap_or_default();
    Ok(format!("{base}{fragment}\n"))
}

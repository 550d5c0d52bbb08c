//! `atlas site`: prerender every page into a Trunk build, and serve the result for `make serve`
//! (the server: `serve.rs`).

use atlas_cli::prerender::{build, Options};
use clap::Subcommand;
use std::path::{Path, PathBuf};

#[derive(Subcommand)]
pub enum SiteCommand {
    /// Prerender every page into DIST (Trunk's output): one HTML file per page, 404.html,
    /// sitemap.xml and the service worker.
    Build {
        /// The folder Trunk built (it holds index.html, the template).
        dist: PathBuf,
        /// The site root's absolute URL, for canonical and Open Graph URLs and the sitemap;
        /// without it they are relative.
        #[arg(long)]
        base_url: Option<String>,
        /// The folder of Trunk's build of the lite module (`lite.html`): the explorer and the
        /// static pages load it; without it every page loads the full module.
        #[arg(long)]
        lite: Option<PathBuf>,
    },
    /// Serve DIST on a loopback address, as a static host would.
    Serve {
        /// The built site.
        dist: PathBuf,
        /// The port to listen on (0: any free port, printed on start).
        #[arg(long, default_value_t = 8080)]
        port: u16,
    },
}

/// Runs a `site` command; `serve` runs until the process is stopped.
pub fn run(command: SiteCommand) -> Result<String, String> {
    match command {
        SiteCommand::Build {
            dist,
            base_url,
            lite,
        } => prerender(&dist, base_url, lite),
        SiteCommand::Serve { dist, port } => crate::serve::serve(&dist, port),
    }
}

fn prerender(
    dist: &Path,
    base_url: Option<String>,
    lite: Option<PathBuf>,
) -> Result<String, String> {
    let base_url = base_url.map(|url| {
        if url.ends_with('/') {
            url
        } else {
            format!("{url}/")
        }
    });
    let catalog = atlas_core::catalog::data::catalog().map_err(|e| e.to_string())?;
    let built = build(catalog, dist, &Options { base_url, lite })?;
    Ok(format!(
        "site: {} pages ({} bytes of HTML) and a service worker caching {} files, version {}, in {}\n",
        built.pages,
        built.bytes,
        built.cached,
        built.version,
        dist.display()
    ))
}

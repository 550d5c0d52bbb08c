//! `site`: prerenders every page of CRIS Atlas into a Trunk build.
//!
//! `site DIST [--base-url URL]` reads `DIST/index.html` (Trunk's output) as the template and
//! writes one HTML file per page, `404.html` and `sitemap.xml` into `DIST`. With `--base-url`
//! (the site root's absolute URL), canonical and Open Graph URLs are absolute.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use cris_atlas::site::{build, Options};
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (dist, base_url) = match args.as_slice() {
        [dist] => (dist, None),
        [dist, flag, url] if flag == "--base-url" => {
            let url = if url.ends_with('/') {
                url.clone()
            } else {
                format!("{url}/")
            };
            (dist, Some(url))
        }
        _ => {
            eprintln!("usage: site DIST [--base-url URL]");
            return std::process::ExitCode::from(2);
        }
    };
    let result = cris_atlas::data::catalog()
        .map_err(|e| e.to_string())
        .and_then(|catalog| build(catalog, std::path::Path::new(dist), &Options { base_url }));
    match result {
        Ok(built) => {
            println!(
                "site: {} pages ({} bytes of HTML) and a service worker caching {} files, version {}, in {dist}",
                built.pages, built.bytes, built.cached, built.version
            );
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("site: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

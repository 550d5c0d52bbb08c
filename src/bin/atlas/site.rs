//! `atlas site`: prerender every page into a Trunk build, and serve the result for `make serve`.
//!
//! The server is for looking at the app on this machine, not for production: it binds to a
//! loopback address, answers GET and HEAD for files under the folder, serves a folder's
//! `index.html`, redirects a folder named without its trailing slash (pages link relative to
//! their own folder), and answers anything else with `404.html` and status 404, as static hosts
//! do. Paths are percent-decoded and never leave the folder.

use clap::Subcommand;
use cris_atlas::site::{build, Options};
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};

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
        SiteCommand::Serve { dist, port } => serve(&dist, port),
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
    let catalog = cris_atlas::data::catalog().map_err(|e| e.to_string())?;
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

fn serve(dist: &Path, port: u16) -> Result<String, String> {
    if !dist.join("index.html").is_file() {
        return Err(format!(
            "{}: no index.html (run `make dist` first)",
            dist.display()
        ));
    }
    let listener =
        TcpListener::bind(("127.0.0.1", port)).map_err(|e| format!("127.0.0.1:{port}: {e}"))?;
    // Port 0 asks the system for a free port: print the one bound.
    let port = listener.local_addr().map_or(port, |a| a.port());
    println!(
        "serving {} on http://127.0.0.1:{port}/ (Ctrl-C stops)",
        dist.display()
    );
    for stream in listener.incoming().flatten() {
        // One request per connection, answered in turn: enough for one person's browser.
        if let Err(e) = answer(dist, stream) {
            eprintln!("atlas site serve: {e}");
        }
    }
    Ok(String::new())
}

/// What to send for a request path.
#[derive(Debug, PartialEq)]
enum Reply {
    File(PathBuf),
    Redirect(String),
    NotFound,
}

/// Resolves a request target (`/explore/?q=x`) against the site folder.
fn resolve(dist: &Path, target: &str) -> Reply {
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let Some(decoded) = percent_decode(path) else {
        return Reply::NotFound;
    };
    let relative = Path::new(decoded.trim_start_matches('/'));
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return Reply::NotFound;
    }
    let full = dist.join(relative);
    if full.is_dir() {
        if !path.ends_with('/') {
            let query = &target[path.len()..];
            return Reply::Redirect(format!("{path}/{query}"));
        }
        let index = full.join("index.html");
        return if index.is_file() {
            Reply::File(index)
        } else {
            Reply::NotFound
        };
    }
    if full.is_file() {
        Reply::File(full)
    } else {
        Reply::NotFound
    }
}

fn percent_decode(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("svg") => "image/svg+xml",
        Some("json") => "application/json",
        Some("webmanifest") => "application/manifest+json",
        Some("xml") => "application/xml",
        Some("txt") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn answer(dist: &Path, mut stream: TcpStream) -> Result<(), String> {
    let mut request_line = String::new();
    BufReader::new(&stream)
        .read_line(&mut request_line)
        .map_err(|e| e.to_string())?;
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let head = method == "HEAD";
    let (status, headers, body) = if method != "GET" && !head {
        (
            "405 Method Not Allowed",
            vec![("Allow", "GET, HEAD".to_owned())],
            Vec::new(),
        )
    } else {
        match resolve(dist, target) {
            Reply::File(path) => {
                let body = std::fs::read(&path).map_err(|e| e.to_string())?;
                let kind = content_type(&path).to_owned();
                ("200 OK", vec![("Content-Type", kind)], body)
            }
            Reply::Redirect(location) => (
                "301 Moved Permanently",
                vec![("Location", location)],
                Vec::new(),
            ),
            Reply::NotFound => {
                let body = std::fs::read(dist.join("404.html")).unwrap_or_default();
                let kind = "text/html; charset=utf-8".to_owned();
                ("404 Not Found", vec![("Content-Type", kind)], body)
            }
        }
    };
    let mut response = format!("HTTP/1.1 {status}\r\nContent-Length: {}\r\n", body.len());
    for (name, value) in headers {
        response.push_str(&format!("{name}: {value}\r\n"));
    }
    response.push_str("Cache-Control: no-store\r\nConnection: close\r\n\r\n");
    stream
        .write_all(response.as_bytes())
        .and_then(|()| {
            if head {
                Ok(())
            } else {
                stream.write_all(&body)
            }
        })
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> PathBuf {
        let dir = std::env::temp_dir().join(format!("atlas-serve-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("model/a~b")).unwrap();
        std::fs::write(dir.join("index.html"), "home").unwrap();
        std::fs::write(dir.join("model/a~b/index.html"), "model").unwrap();
        dir
    }

    #[test]
    fn paths_resolve_as_a_static_host_resolves_them() {
        let dist = site();
        assert_eq!(resolve(&dist, "/"), Reply::File(dist.join("index.html")));
        assert_eq!(
            resolve(&dist, "/model/a%7Eb/?from=x"),
            Reply::File(dist.join("model/a~b/index.html"))
        );
        assert_eq!(
            resolve(&dist, "/model/a~b?from=x"),
            Reply::Redirect("/model/a~b/?from=x".into())
        );
        for outside in [
            "/../etc/passwd",
            "/model/%2e%2e/%2e%2e/x",
            "/%zz",
            "/nothing/",
        ] {
            assert_eq!(resolve(&dist, outside), Reply::NotFound, "{outside}");
        }
    }
}

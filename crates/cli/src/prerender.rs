//! The static site: every page of the app rendered to its own HTML file at build time, so the
//! content reads before the WebAssembly arrives (and without it), crawlers and link previews
//! see real pages, and any static host serves them. Native only.
//!
//! Trunk builds `dist/index.html` with the stylesheet, the module and their integrity hashes;
//! [`build`] takes its head as the template, renders each page with Yew's server renderer (the
//! island of an interactive page with hydration markers, static pages without), and writes
//! `<route>/index.html` with the page's own title, description, canonical URL, Open Graph tags
//! and Content-Security-Policy, plus `404.html` and `sitemap.xml`. With a second Trunk build of
//! the lite module (`lite.html`, [`Options::lite`]), the explorer and the static pages take their
//! bootstrap from that build ([`Template::lite`]) and the others keep the full module's.

use atlas_core::browse::explore::Query;
use atlas_core::browse::feed;
use atlas_core::catalog::calendar::Day;
use atlas_core::catalog::cite::Cite;
use atlas_core::catalog::Catalog;
use atlas_core::catalog::{data, source_tables};
use cris_atlas::app::{is_island, needs_full_module, Island, IslandProps};
use cris_atlas::components::site_footer::{SiteFooter, SiteFooterProps};
use cris_atlas::components::site_header::{SiteHeader, SiteHeaderProps};
use cris_atlas::pages::concepts::Concepts;
use cris_atlas::pages::home::Home;
use cris_atlas::pages::model::ModelPage;
use cris_atlas::pages::not_found::NotFound;
use cris_atlas::pages::region::RegionPage;
use cris_atlas::pages::sources::Sources;
use cris_atlas::route::Route;
use cris_atlas::state::CatalogRef;
use std::future::Future;
use std::path::Path;
use std::pin::pin;
use std::task::{Context, Poll, Waker};
use yew::prelude::*;
use yew::LocalServerRenderer;

/// Properties of [`StaticPage`].
#[derive(Properties, PartialEq)]
pub struct StaticPageProps {
    /// The catalog.
    pub catalog: CatalogRef,
    /// The page.
    pub route: Route,
    /// The day of the build (the data page judges its hand tables' last check against it).
    #[prop_or_default]
    pub today: Option<Day>,
    /// Whether the build publishes the Atom feed.
    #[prop_or_default]
    pub atom: bool,
}

/// The content of a page without an island.
#[component]
pub fn StaticPage(props: &StaticPageProps) -> Html {
    let catalog = props.catalog;
    match &props.route {
        Route::Home => html! { <Home {catalog} /> },
        Route::Concepts(section) => html! {
            <Concepts section={section.clone().map(AttrValue::from)} />
        },
        Route::Data => {
            let tables: std::rc::Rc<[_]> = source_tables::dates(&data::SOURCE_TABLES)
                .unwrap_or_default()
                .into();
            html! { <Sources {catalog} {tables} today={props.today} atom={props.atom} /> }
        }
        Route::Model(id) => html! { <ModelPage {catalog} id={id.clone()} /> },
        Route::Region(code) => html! { <RegionPage {catalog} code={code.clone()} /> },
        other => html! { <NotFound path={AttrValue::from(other.href())} /> },
    }
}

/// Runs a future that never waits (Yew's server renderer without suspense) to completion.
fn complete<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let mut context = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut context) {
            return output;
        }
    }
}

/// The HTML inside a page's `<main>` for `route` as given: the island with hydration markers,
/// or the static page. A page file holds it for [`Route::prerendered`]; tests render any route.
pub fn main_html(catalog: &'static Catalog, route: &Route) -> String {
    main_html_in(catalog, route, BuildContext::default())
}

/// What a page knows of the build it is part of.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BuildContext {
    /// The day of the build.
    pub today: Option<Day>,
    /// Whether the build publishes the Atom feed.
    pub atom: bool,
}

/// The day of the build, from the system clock (UTC).
fn build_day() -> Option<Day> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_secs();
    Some(Day::from_epoch_days((secs / 86_400) as i64))
}

/// [`main_html`] for a page of a build described by `build`.
pub fn main_html_in(catalog: &'static Catalog, route: &Route, build: BuildContext) -> String {
    let catalog = CatalogRef(catalog);
    if is_island(route) {
        let props = IslandProps {
            catalog,
            route: route.clone(),
        };
        complete(LocalServerRenderer::<Island>::with_props(props).render())
    } else {
        let props = StaticPageProps {
            catalog,
            route: route.clone(),
            today: build.today,
            atom: build.atom,
        };
        complete(
            LocalServerRenderer::<StaticPage>::with_props(props)
                .hydratable(false)
                .render(),
        )
    }
}

/// Every page of the site, in a stable order.
pub fn routes(catalog: &Catalog) -> Vec<Route> {
    let mut routes = vec![
        Route::Home,
        Route::Explore(Query::default()),
        Route::Plan,
        Route::PlanReport,
        Route::Errors,
        Route::Concepts(None),
        Route::Data,
    ];
    routes.extend(
        Cite::CONCEPTS
            .iter()
            .filter_map(|c| c.concept_id())
            .map(|id| Route::Concepts(Some(id.to_owned()))),
    );
    routes.extend(catalog.models.iter().map(|m| Route::Model(m.id.clone())));
    routes.extend(catalog.profiles.iter().map(|p| Route::Profile {
        id: p.id.clone(),
        from: None,
    }));
    routes.extend(
        catalog
            .regions
            .iter()
            .map(|r| Route::Region(r.code.clone())),
    );
    routes
}

/// What the built template (Trunk's `index.html`) holds for every page's head: the stylesheet,
/// the module's files and their integrity hashes, and the preload links.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    /// The `<link rel="stylesheet" …>` element, or after [`Template::inline_stylesheet`] the
    /// `<style>` element that holds the style sheet.
    pub stylesheet: String,
    /// The inline style sheet's text, allowed by its hash in the Content-Security-Policy.
    pub style: Option<String>,
    /// The body of the inline `<script type="module">` that starts the module: it imports the
    /// JavaScript glue (preloaded with its integrity hash) and fetches the WebAssembly with its
    /// integrity hash, so both are checked (Subresource Integrity).
    pub bootstrap: String,
    /// The `<link rel="modulepreload">` and `<link rel="preload">` elements.
    pub preloads: String,
}

/// The value of `attribute` in the first tag of `tags` that contains `marker`.
fn attribute<'a>(tags: &'a str, marker: &str, attribute: &str) -> Option<&'a str> {
    let tag = tags.split('<').find(|t| t.contains(marker))?;
    between(tag, &format!("{attribute}=\""), "\"").map(|(value, _)| value)
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<(&'a str, &'a str)> {
    let (_, rest) = text.split_once(start)?;
    let (inside, after) = rest.split_once(end)?;
    Some((inside, after))
}

impl Template {
    /// Reads the pieces out of Trunk's `index.html`.
    pub fn parse(index: &str) -> Result<Template, String> {
        // Trunk's link, or the style sheet a previous site build inlined into the home page.
        let (stylesheet, style) = match index.lines().find(|l| l.contains("rel=\"stylesheet\"")) {
            Some(link) => (link.trim().to_owned(), None),
            None => {
                let (css, _) = between(index, "<style>", "</style>")
                    .ok_or("index.html has no stylesheet link or style sheet")?;
                (format!("<style>{css}</style>"), Some(css.to_owned()))
            }
        };
        let (_, after) = between(index, "<script type=\"module\">", "</script>")
            .ok_or("index.html has no inline module script")?;
        let preloads = after
            .split("</head>")
            .next()
            .unwrap_or_default()
            .trim()
            .to_owned();
        let glue = attribute(&preloads, "rel=\"modulepreload\"", "href")
            .ok_or("index.html has no modulepreload link")?;
        let wasm = attribute(&preloads, "type=\"application/wasm\"", "href")
            .ok_or("index.html has no preload of the module")?;
        let integrity = attribute(&preloads, "type=\"application/wasm\"", "integrity")
            .ok_or("the module's preload has no integrity hash")?;
        let bootstrap = format!(
            "import init from '{glue}';\nawait init({{ module_or_path: fetch('{wasm}', {{ integrity: '{integrity}' }}) }});\n"
        );
        // Chromium ignores integrity on a preload of the module and says so on the console;
        // the bootstrap's fetch checks it.
        let preloads = preloads.replace(
            &format!(" integrity=\"{integrity}\" as=\"fetch\""),
            " as=\"fetch\"",
        );
        Ok(Template {
            stylesheet,
            style,
            bootstrap,
            preloads,
        })
    }

    /// The template of the lite module built by Trunk into `dir` (from `lite.html`): this
    /// template's style sheet with the lite module's bootstrap and preloads. Copies the lite
    /// module's JavaScript glue and WebAssembly into `dist`.
    pub fn lite(&self, dir: &Path, dist: &Path) -> Result<Template, String> {
        let index = dir.join("index.html");
        let text =
            std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
        let lite = Template::parse(&text)?;
        for marker in ["rel=\"modulepreload\"", "type=\"application/wasm\""] {
            let href = attribute(&lite.preloads, marker, "href")
                .ok_or_else(|| format!("{}: no {marker} link", index.display()))?;
            let name = href.trim_start_matches("./");
            std::fs::copy(dir.join(name), dist.join(name))
                .map_err(|e| format!("{}: {e}", dir.join(name).display()))?;
        }
        Ok(Template {
            bootstrap: lite.bootstrap,
            preloads: lite.preloads,
            ..self.clone()
        })
    }

    /// Puts the style sheet Trunk built into every page (`<style>`, allowed by its hash) and
    /// removes the file: a page then needs no request before its first paint, which on a slow
    /// network is a round trip or more while the module's preload competes for the bandwidth.
    pub fn inline_stylesheet(&mut self, dist: &Path) -> Result<(), String> {
        if self.style.is_some() {
            return Ok(());
        }
        let href = attribute(&self.stylesheet, "rel=\"stylesheet\"", "href")
            .ok_or("the stylesheet link has no href")?;
        let path = dist.join(href.trim_start_matches("./").trim_start_matches('/'));
        let css = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        if css.contains("</") {
            return Err(format!(
                "{}: a style sheet cannot be inlined with \"</\" in it",
                path.display()
            ));
        }
        std::fs::remove_file(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        self.stylesheet = format!("<style>{css}</style>");
        self.style = Some(css);
        Ok(())
    }
}

/// Where the site is published, for absolute canonical and Open Graph URLs; without it they
/// are relative to the site root.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// The site root's absolute URL, ending with `/` (`https://example.com/atlas/`).
    pub base_url: Option<String>,
    /// The folder of Trunk's build of the lite module, whose `index.html` names its files; the
    /// pages that do not need the full module load it ([`cris_atlas::app::needs_full_module`]).
    pub lite: Option<std::path::PathBuf>,
}

/// What a page says about itself in its head.
pub fn description(catalog: &Catalog, route: &Route) -> String {
    match route {
        Route::Home => format!("Decide how to call foundation models on Amazon Bedrock: cross-Region inference profiles, in-Region or Provisioned Throughput, with routes per source Region for {} models. Catalog as of {}.", catalog.models.len(), catalog.meta.as_of),
        Route::Explore(_) => "Search every Amazon Bedrock model and inference profile; filter by provider, option, source Region and where a prompt may be processed.".into(),
        Route::PlanReport => "Your plan as a report: every workload's recommendation, comparison, processing map and IAM resources, to print on A4 or US Letter or to present.".into(),
        Route::Plan => "Describe each workload and get a recommendation you can defend, with every option compared: residency, price, IAM and SCP.".into(),
        Route::Concepts(_) => "Source and destination Regions, geographic and global inference profiles, data residency, and how a recommendation is chosen.".into(),
        Route::Errors => "Paste an Amazon Bedrock error (AccessDenied, on-demand throughput isn't supported, invalid model identifier, throttling) and read its cause and fix for that model and Region.".into(),
        Route::Data => "Where the catalog's facts come from, as of when, where sources disagree, and what changed.".into(),
        Route::Model(id) => match catalog.model(id) {
            Some(m) => format!("Every way to call {} ({}) on Amazon Bedrock, per source Region: in-Region and through each cross-Region inference profile.", m.name, m.id),
            None => format!("{id} is not in the catalog."),
        },
        Route::Profile { id, .. } => format!("Where {id} sends a prompt from each source Region, the countries involved, and the IAM and SCP changes it needs."),
        Route::Region(code) => format!("What can be called from {code} on Amazon Bedrock: in-Region, through which inference profiles, and globally."),
        _ => "CRIS Atlas".into(),
    }
}

/// `&`, `<`, `>` and `"` escaped, for text in attributes and elements.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The base64 SHA-256 of `text`, as a CSP source expression (`'sha256-…'`).
pub fn csp_hash(text: &str) -> String {
    format!("'sha256-{}'", sha256_base64(text.as_bytes()))
}

/// The Content-Security-Policy of every page: nothing inline but the bootstrap script and the
/// style sheet (each by its hash), WebAssembly compiled from the site's own module, nothing
/// fetched from elsewhere.
pub fn csp(template: &Template) -> String {
    policy(&[template], &[])
}

/// The policy that allows the bootstrap of each of `templates`, the style sheet and the inline
/// `styles` (a header serves every page, the 404 page too).
fn policy(templates: &[&Template], styles: &[&str]) -> String {
    let styles: Vec<String> = templates
        .first()
        .and_then(|t| t.style.as_deref())
        .into_iter()
        .chain(styles.iter().copied())
        .map(csp_hash)
        .collect();
    let scripts: Vec<String> = templates.iter().map(|t| csp_hash(&t.bootstrap)).collect();
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {}; style-src 'self' {}; \
         img-src 'self'; font-src 'self'; connect-src 'self'; manifest-src 'self'; \
         worker-src 'self'; base-uri 'self'; form-action 'none'; object-src 'none'",
        scripts.join(" "),
        styles.join(" ")
    )
}

/// A path of `depth` parent steps: `./`, `../`, `../../`.
fn up(depth: usize) -> String {
    if depth == 0 {
        "./".into()
    } else {
        "../".repeat(depth)
    }
}

/// The whole HTML document of `route`'s page.
pub fn document(
    catalog: &'static Catalog,
    route: &Route,
    template: &Template,
    options: &Options,
    data_file: &str,
) -> String {
    let title = escape(&route.title());
    let description = escape(&description(catalog, route));
    let url = format!(
        "{}{}",
        options.base_url.as_deref().unwrap_or_default(),
        route.href()
    );
    let page = if is_island(route) { "island" } else { "static" };
    // Only an island needs the catalog, and it needs it before it can hydrate: fetched early,
    // beside the module (the same mode as the module's fetch, so the preload is reused).
    let data_preload = if is_island(route) {
        format!("\n<link rel=\"preload\" id=\"catalog-file\" href=\"{}\" as=\"fetch\" crossorigin=\"anonymous\">", escape(data_file))
    } else {
        String::new()
    };
    let build = BuildContext {
        today: build_day(),
        atom: options.base_url.is_some(),
    };
    let body = body_html_in(catalog, &route.prerendered(), build);
    format!(
        r##"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<base href="{base}">
<title>{title}</title>
<meta name="description" content="{description}">
<link rel="canonical" href="{url}">
<meta property="og:type" content="website">
<meta property="og:site_name" content="CRIS Atlas">
<meta property="og:title" content="{title}">
<meta property="og:description" content="{description}">
<meta property="og:url" content="{url}">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="theme-color" content="#1d4ed8">
<link rel="icon" href="icon.svg" type="image/svg+xml">
<link rel="manifest" href="manifest.webmanifest">
{stylesheet}
<script type="module">{bootstrap}</script>
{preloads}{data_preload}
</head>
<body data-page="{page}">
{body}
</body>
</html>
"##,
        base = up(route.depth()),
        csp = escape(&csp(template)),
        stylesheet = template.stylesheet,
        bootstrap = template.bootstrap,
        preloads = template.preloads,
    )
}

/// The body of `route`'s page: the skip link, the header, the update banner, `<main>` and the
/// footer.
pub fn body_html(catalog: &'static Catalog, route: &Route) -> String {
    body_html_in(catalog, route, BuildContext::default())
}

/// [`body_html`] for a page of a build described by `build`.
pub fn body_html_in(catalog: &'static Catalog, route: &Route, build: BuildContext) -> String {
    let header = complete(
        LocalServerRenderer::<SiteHeader>::with_props(SiteHeaderProps {
            route: route.clone(),
        })
        .hydratable(false)
        .render(),
    );
    let footer = complete(
        LocalServerRenderer::<SiteFooter>::with_props(SiteFooterProps {
            as_of: AttrValue::from(catalog.meta.as_of.clone()),
        })
        .hydratable(false)
        .render(),
    );
    let main = main_html_in(catalog, route, build);
    format!(
        r##"<a class="skip-link" href="{self_href}#main">Skip to content</a>
{header}
<div id="update" class="update-banner" role="status" hidden><p><span id="update-text"></span> <button type="button" id="update-reload">Reload</button></p></div>
<main id="main" tabindex="-1" data-testid="app">{main}</main>
{footer}"##,
        self_href = escape(route.href().split('?').next().unwrap_or_default()),
    )
}

/// Writes the catalog's data file ([`Catalog::to_bundle`]) into `dist` under a name that
/// carries its content hash, `catalog-<16 hex digits>.bin`, so hosts and the service worker may
/// keep it as long as the name lives; removes a data file an earlier build left. Returns the name.
pub fn write_data_file(catalog: &Catalog, dist: &Path) -> Result<String, String> {
    use sha2::Digest;
    let bundle = catalog.to_bundle();
    let digest = sha2::Sha256::digest(&bundle);
    let hash: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    let name = format!("catalog-{hash}.bin");
    let entries = std::fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        let old = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if old.starts_with("catalog-") && old.ends_with(".bin") && is_hashed(old) {
            std::fs::remove_file(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    let path = dist.join(&name);
    std::fs::write(&path, &bundle).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(name)
}

/// What [`build`] wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Built {
    /// Pages written (404.html included).
    pub pages: usize,
    /// Bytes of HTML written.
    pub bytes: usize,
    /// Files the service worker caches.
    pub cached: usize,
    /// The build's version (the service worker's cache name).
    pub version: String,
}

fn write(dist: &Path, file: &str, text: &str) -> Result<(), String> {
    let path = dist.join(file);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Prerenders every page into `dist`, using Trunk's `dist/index.html` as the template (it is
/// replaced by the home page), and writes `404.html` and `sitemap.xml`.
pub fn build(catalog: &'static Catalog, dist: &Path, options: &Options) -> Result<Built, String> {
    let index = dist.join("index.html");
    let mut template = std::fs::read_to_string(&index)
        .map_err(|e| format!("{}: {e}", index.display()))
        .and_then(|text| Template::parse(&text))?;
    template.inline_stylesheet(dist)?;
    let lite = match &options.lite {
        Some(dir) => Some(template.lite(dir, dist)?),
        None => None,
    };
    let mut built = Built::default();
    let data_file = write_data_file(catalog, dist)?;
    let routes = routes(catalog);
    for route in &routes {
        let module = match &lite {
            Some(lite) if !needs_full_module(route) => lite,
            _ => &template,
        };
        let html = document(catalog, route, module, options, &data_file);
        write(dist, &route.file(), &html)?;
        built.pages += 1;
        built.bytes += html.len();
    }
    let missing = not_found_page(catalog, options);
    write(dist, "404.html", &missing)?;
    built.pages += 1;
    built.bytes += missing.len();
    write(dist, "sitemap.xml", &sitemap(&routes, options))?;
    write_feeds(catalog, dist, options)?;
    let files = cached_files(dist)?;
    let version = build_version(dist, &files)?;
    write(
        dist,
        "sw.js",
        &service_worker(&version, &catalog.meta.as_of, &files),
    )?;
    built.cached = files.len();
    built.version = version;
    // After the service worker's list: the headers file is for the host, not the cache.
    let templates: Vec<&Template> = std::iter::once(&template).chain(&lite).collect();
    write(dist, "_headers", &headers(&templates, &files))?;
    Ok(built)
}

/// The change feed: `changes.json` always (links relative to the site root without a base URL),
/// and the Atom feed `changes.xml` with a base URL only (Atom's IDs and links must be absolute);
/// a `changes.xml` an earlier build left is removed without one.
fn write_feeds(catalog: &Catalog, dist: &Path, options: &Options) -> Result<(), String> {
    let base = options.base_url.as_deref();
    write(dist, FEED_JSON, &feed::to_json(catalog, base))?;
    let atom = dist.join(FEED_ATOM);
    match base {
        Some(base) => write(dist, FEED_ATOM, &feed::to_atom(catalog, base)),
        None if atom.exists() => {
            std::fs::remove_file(&atom).map_err(|e| format!("{}: {e}", atom.display()))
        }
        None => Ok(()),
    }
}

/// The change feed's file names in the build.
pub const FEED_JSON: &str = "changes.json";
/// The Atom feed's.
pub const FEED_ATOM: &str = "changes.xml";

/// The response headers a host should send, in the `_headers` format that Netlify and
/// Cloudflare Pages read (other hosts: the README's deploying section). Every response gets the
/// Content-Security-Policy as a header too (a `<meta>` cannot set `frame-ancestors`); files
/// whose names carry their content hash (Trunk's `cris-atlas-<hash>_bg.wasm`, `.js`, `.css`, the
/// catalog's `catalog-<hash>.bin`) are cached for a year as immutable. Pages keep those hosts'
/// default, revalidated on every visit.
/// The policy is sent with the 404 page too, at any URL: it allows that page's inline style.
pub fn headers(templates: &[&Template], files: &[String]) -> String {
    let mut text = format!(
        "/*\n  Content-Security-Policy: {}; frame-ancestors 'none'\n  \
         X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n",
        policy(templates, &[NOT_FOUND_STYLE])
    );
    for file in files.iter().filter(|f| is_hashed(f)) {
        text.push_str(&format!(
            "\n/{file}\n  Cache-Control: public, max-age=31536000, immutable\n"
        ));
    }
    text
}

/// Whether a built file's name carries a content hash: `name-<16 hex digits>[_bg].ext`.
pub fn is_hashed(file: &str) -> bool {
    let name = file.rsplit('/').next().unwrap_or(file);
    let stem = name.split('.').next().unwrap_or(name);
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-')
        .is_some_and(|(_, hash)| hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The sitemap: every page's URL, absolute with a base URL, else relative to the site root.
pub fn sitemap(routes: &[Route], options: &Options) -> String {
    let base = options.base_url.as_deref().unwrap_or_default();
    let urls: String = routes
        .iter()
        .map(|r| {
            format!(
                "<url><loc>{}</loc></url>\n",
                escape(&format!("{base}{}", r.href()))
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n{urls}</urlset>\n"
    )
}

/// The stylesheet of the 404 page, inline (it is served at any depth, so it links nothing).
const NOT_FOUND_STYLE: &str = "body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1f2937;background:#fff}a{color:#1d4ed8}@media (prefers-color-scheme:dark){body{color:#e5e7eb;background:#111827}a{color:#93c5fd}}";

/// The page static hosts serve for a URL nothing lives at. It is served at any depth, so it
/// stands on its own: its style inline (allowed by its hash), no script, and a link to the
/// site's home by its absolute URL when the build was given one.
pub fn not_found_page(catalog: &Catalog, options: &Options) -> String {
    let home = options.base_url.as_deref().unwrap_or("/");
    format!(
        r##"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Page not found · CRIS Atlas</title>
<meta name="robots" content="noindex">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src {style_hash}; base-uri 'none'; form-action 'none'">
<style>{NOT_FOUND_STYLE}</style>
</head>
<body>
<main id="main">
<h1>Page not found</h1>
<p data-testid="not-found">Nothing lives at this address in CRIS Atlas, the catalog of Amazon Bedrock cross-Region inference (as of {as_of}).</p>
<p><a href="{home}">Go to the CRIS Atlas home page</a>. If the site is published under a folder of its host, use that folder's address.</p>
</main>
</body>
</html>
"##,
        style_hash = csp_hash(NOT_FOUND_STYLE),
        as_of = escape(&catalog.meta.as_of),
        home = escape(home),
    )
}

fn sha256_base64(bytes: &[u8]) -> String {
    use base64::Engine;
    use sha2::Digest;
    base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(bytes))
}

/// The service worker: it keeps every file of this build in a cache named after the build, so
/// after one visit the whole app works offline. Pages are fetched from the network first
/// (always the newest when online) and from the cache without it; the other files are
/// content-hashed or tiny, so the cache answers first. A new build installs a new cache,
/// deletes the old ones and tells the open pages, which offer a reload. On install, a file whose
/// name carries its content hash may come from the HTTP cache (the page that registered the
/// worker has just downloaded its module and the catalog); the others are fetched anew.
/// (Service workers can only be JavaScript; this one is written here so the file list and
/// version come from the build.)
pub fn service_worker(version: &str, catalog_as_of: &str, files: &[String]) -> String {
    let list: Vec<String> = files.iter().map(|f| format!("  {f:?}")).collect();
    let hashed: Vec<String> = files
        .iter()
        .filter(|f| is_hashed(f))
        .map(|f| format!("{f:?}"))
        .collect();
    format!(
        r#"// CRIS Atlas service worker, written by the site build (src/site.rs); do not edit.
const VERSION = {version:?};
const CATALOG = {catalog_as_of:?};
const FILES = [
{files}
];
const HASHED = new Set([{hashed}]);

self.addEventListener('install', (event) => {{
  event.waitUntil((async () => {{
    const cache = await caches.open(VERSION);
    await cache.addAll(FILES.map((file) => new Request(file, {{ cache: HASHED.has(file) ? 'default' : 'reload' }})));
    await self.skipWaiting();
  }})());
}});

self.addEventListener('activate', (event) => {{
  event.waitUntil((async () => {{
    for (const key of await caches.keys()) {{
      if (key !== VERSION) await caches.delete(key);
    }}
    await self.clients.claim();
    for (const client of await self.clients.matchAll({{ type: 'window' }})) {{
      client.postMessage({{ type: 'cris-atlas-updated', version: VERSION, catalog: CATALOG }});
    }}
  }})());
}});

self.addEventListener('fetch', (event) => {{
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {{
    const cache = await caches.open(VERSION);
    if (request.mode === 'navigate') {{
      try {{
        return await fetch(request);
      }} catch (offline) {{
        const page = await cache.match(request, {{ ignoreSearch: true }});
        return page ?? (await cache.match('404.html')) ?? Response.error();
      }}
    }}
    return (await cache.match(request)) ?? fetch(request);
  }})());
}});
"#,
        files = list.join(",\n"),
        hashed = hashed.join(", "),
    )
}

/// Every file of the build as the service worker caches it: pages by their folder URL
/// (`explore/`), other files by name; `sw.js` itself is left out.
pub fn cached_files(dist: &Path) -> Result<Vec<String>, String> {
    fn walk(dir: &Path, root: &Path, out: &mut Vec<String>) -> Result<(), String> {
        let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for entry in entries {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_dir() {
                walk(&path, root, out)?;
                continue;
            }
            let relative = path
                .strip_prefix(root)
                .map_err(|e| e.to_string())?
                .to_string_lossy()
                .replace('\\', "/");
            match relative.as_str() {
                "sw.js" | "_headers" => {}
                "index.html" => out.push("./".into()),
                other => out.push(match other.strip_suffix("index.html") {
                    Some(folder) => folder.to_owned(),
                    None => other.to_owned(),
                }),
            }
        }
        Ok(())
    }
    let mut files = Vec::new();
    walk(dist, dist, &mut files)?;
    files.sort();
    Ok(files)
}

/// A version that changes whenever any cached file does: the SHA-256 of their names and
/// contents, shortened.
pub fn build_version(dist: &Path, files: &[String]) -> Result<String, String> {
    use sha2::Digest;
    let mut hasher = sha2::Sha256::new();
    for file in files {
        let path = match file.as_str() {
            "./" => dist.join("index.html"),
            f if f.ends_with('/') => dist.join(f).join("index.html"),
            f => dist.join(f),
        };
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        hasher.update(file.as_bytes());
        hasher.update(&bytes);
    }
    let digest = hasher.finalize();
    Ok(digest.iter().take(8).map(|b| format!("{b:02x}")).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_content_hashed_files_are_cached_as_immutable() {
        assert!(is_hashed("cris-atlas-0123456789abcdef_bg.wasm"));
        assert!(is_hashed("cris-atlas-0123456789abcdef.js"));
        assert!(is_hashed("app-fedcba9876543210.css"));
        assert!(is_hashed("catalog-fedcba9876543210.bin"));
        // Names without a hash, or with something else after the last hyphen, are revalidated.
        for name in [
            "world.svg",
            "sw.js",
            "explore/",
            "icon.svg",
            "manifest.webmanifest",
        ] {
            assert!(!is_hashed(name), "{name}");
        }
        assert!(!is_hashed("cris-atlas-0123456789abcde.js"), "15 digits");
        assert!(!is_hashed("cris-atlas-0123456789abcdeg.js"), "not hex");
        let template = Template {
            stylesheet: String::new(),
            style: None,
            bootstrap: "import x from './x.js';".into(),
            preloads: String::new(),
        };
        let files = [
            "./".to_owned(),
            "cris-atlas-0123456789abcdef_bg.wasm".to_owned(),
        ];
        let text = headers(&[&template], &files);
        assert!(text.starts_with("/*\n  Content-Security-Policy: default-src 'self';"));
        assert!(text.contains(&csp_hash(&template.bootstrap)));
        assert!(text.contains(
            "\n/cris-atlas-0123456789abcdef_bg.wasm\n  Cache-Control: public, max-age=31536000, immutable\n"
        ));
        assert_eq!(text.matches("immutable").count(), 1, "{text}");
    }

    #[test]
    fn the_header_allows_both_modules_and_a_page_only_its_own() {
        let full = Template {
            stylesheet: String::new(),
            style: Some("p{}".into()),
            bootstrap: "import init from './full.js';".into(),
            preloads: String::new(),
        };
        let lite = Template {
            bootstrap: "import init from './lite.js';".into(),
            ..full.clone()
        };
        let header = headers(&[&full, &lite], &[]);
        for t in [&full, &lite] {
            assert!(header.contains(&csp_hash(&t.bootstrap)), "{header}");
            assert!(csp(t).contains(&csp_hash(&t.bootstrap)));
        }
        assert!(!csp(&full).contains(&csp_hash(&lite.bootstrap)));
        assert!(header.contains(&format!("style-src 'self' {}", csp_hash("p{}"))));
    }

    /// The bodies of `html`'s inline `<tag>` elements (those without a `src`).
    fn inline(html: &str, tag: &str) -> Vec<String> {
        let open = format!("<{tag}");
        let close = format!("</{tag}>");
        html.split(&open)
            .skip(1)
            .filter_map(|rest| {
                let (attributes, rest) = rest.split_once('>')?;
                let (body, _) = rest.split_once(&close)?;
                (!attributes.contains("src=")).then(|| body.to_owned())
            })
            .collect()
    }

    /// The sources a policy's `directive` allows.
    fn directive<'a>(policy: &'a str, directive: &str) -> Vec<&'a str> {
        policy
            .split(';')
            .map(str::trim)
            .find_map(|d| d.strip_prefix(directive)?.strip_prefix(' '))
            .map(|sources| sources.split_whitespace().collect())
            .unwrap_or_default()
    }

    #[test]
    fn the_header_policy_allows_what_the_404_page_has_inline() {
        let template = Template {
            stylesheet: String::new(),
            style: Some("main{}".into()),
            bootstrap: "import init from './full.js';".into(),
            preloads: String::new(),
        };
        let text = headers(&[&template], &[]);
        let policy = text
            .lines()
            .skip_while(|line| *line != "/*")
            .find_map(|line| line.trim().strip_prefix("Content-Security-Policy: "))
            .expect("a policy for /*");
        let catalog = atlas_core::catalog::data::catalog().expect("the embedded catalog");
        for base_url in [None, Some("https://example.com/atlas/".to_owned())] {
            let options = Options {
                base_url,
                lite: None,
            };
            let page = not_found_page(catalog, &options);
            let styles = inline(&page, "style");
            assert!(!styles.is_empty(), "{page}");
            for style in &styles {
                assert!(
                    directive(policy, "style-src").contains(&csp_hash(style).as_str()),
                    "{policy}"
                );
            }
            for script in inline(&page, "script") {
                assert!(
                    directive(policy, "script-src").contains(&csp_hash(&script).as_str()),
                    "{policy}"
                );
            }
        }
        // The pages keep their own style only.
        assert!(!csp(&template).contains(&csp_hash(NOT_FOUND_STYLE)));
    }

    #[test]
    fn only_pages_with_the_plan_a_profile_or_the_decoder_need_the_full_module() {
        use atlas_core::browse::explore::Query;
        use atlas_core::catalog::ids::{ProfileId, RegionCode};
        for route in [
            Route::Plan,
            Route::PlanReport,
            Route::Errors,
            Route::Profile {
                id: ProfileId::new("eu.x"),
                from: None,
            },
        ] {
            assert!(needs_full_module(&route), "{route:?}");
        }
        for route in [
            Route::Home,
            Route::Explore(Query::default()),
            Route::Data,
            Route::Concepts(None),
            Route::Region(RegionCode::new("eu-west-1")),
        ] {
            assert!(!needs_full_module(&route), "{route:?}");
        }
    }
}

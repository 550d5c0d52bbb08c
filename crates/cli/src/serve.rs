//! `atlas site serve`: the built site on a loopback address, as a static host serves it.
//!
//! The server is for looking at a build on this machine before deploying it, not for
//! production. It answers GET and HEAD for files under the folder, serves a folder's
//! `index.html`, redirects a folder named without its trailing slash to the same origin (pages
//! link relative to their own folder), and answers anything else with `404.html` and status 404,
//! as static hosts do. Paths are percent-decoded, repeated slashes count as one, and nothing
//! outside the folder is served, through a symbolic link or otherwise; nor is `_headers`.
//!
//! Every response carries the headers that `_headers` (read once, at start) gives its path, the
//! way Netlify and Cloudflare Pages apply that file, so a Content-Security-Policy problem shows
//! here before a deploy.
//!
//! Connections are served concurrently (up to [`MAX_CONNECTIONS`] at once) on HTTP/1.1, with
//! bounds: a request's head must arrive within [`HEAD_TIMEOUT`], a connection that moves no
//! byte either way for [`STALL_TIMEOUT`] is closed, a URL over [`MAX_URL`] bytes gets 414 and
//! request headers over [`MAX_HEADERS`] bytes get 431 (a head beyond [`MAX_HEAD`] is not read
//! further: 431 and the connection closes).

use hyper::body::{Body, Bytes, Frame, Incoming, SizeHint};
use hyper::header::{self, HeaderName, HeaderValue};
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use std::convert::Infallible;
use std::future::Future;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::pin::Pin;
use std::sync::Arc;
use std::task::{ready, Context, Poll};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::time::{Instant, Sleep};

/// The longest URL (path and query) answered; longer ones get 414 URI Too Long.
pub const MAX_URL: usize = 8 * 1024;
/// The most bytes of request headers answered (names, values and their separators); more get
/// 431 Request Header Fields Too Large.
pub const MAX_HEADERS: usize = 8 * 1024;
/// The most bytes of a request's head read at all: past it the server answers 431 and closes the
/// connection, so a huge request costs no more memory than this.
pub const MAX_HEAD: usize = 128 * 1024;
/// How long a request's head may take to arrive, counted from the end of the previous response
/// on a kept-alive connection: idle connections are closed after it.
pub const HEAD_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a connection may move no byte in either direction (a client that stops reading a
/// response, say) before it is closed.
pub const STALL_TIMEOUT: Duration = Duration::from_secs(30);
/// Connections served at once; more wait their turn in the listening queue.
pub const MAX_CONNECTIONS: usize = 512;
/// A file's body is read and sent in pieces of this size.
const CHUNK: usize = 64 * 1024;

/// Serves `dist` on 127.0.0.1:`port` (0: any free port) until the process is stopped. The first
/// line printed says where.
pub fn serve(dist: &Path, port: u16) -> Result<String, String> {
    if !dist.join("index.html").is_file() {
        return Err(format!(
            "{}: no index.html (run `make dist` first)",
            dist.display()
        ));
    }
    let root = dist
        .canonicalize()
        .map_err(|e| format!("{}: {e}", dist.display()))?;
    let headers = match std::fs::read_to_string(root.join("_headers")) {
        Ok(text) => HeaderRules::parse(&text, &mut |warning| {
            eprintln!("atlas site serve: _headers: {warning}")
        }),
        Err(e) if e.kind() == io::ErrorKind::NotFound => HeaderRules::default(),
        Err(e) => return Err(format!("{}: {e}", root.join("_headers").display())),
    };
    let listener = std::net::TcpListener::bind(("127.0.0.1", port))
        .map_err(|e| format!("127.0.0.1:{port}: {e}"))?;
    // Port 0 asks the system for a free port: print the one bound.
    let port = listener.local_addr().map_or(port, |a| a.port());
    listener
        .set_nonblocking(true)
        .map_err(|e| format!("127.0.0.1:{port}: {e}"))?;
    println!(
        "serving {} on http://127.0.0.1:{port}/ (Ctrl-C stops)",
        dist.display()
    );
    let site = Arc::new(Site { root, headers });
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?
        .block_on(accept(listener, site))
}

/// Accepts connections for ever, each served by a task of its own.
async fn accept(listener: std::net::TcpListener, site: Arc<Site>) -> Result<String, String> {
    let listener = tokio::net::TcpListener::from_std(listener).map_err(|e| e.to_string())?;
    let slots = Arc::new(tokio::sync::Semaphore::new(MAX_CONNECTIONS));
    loop {
        let Ok(slot) = slots.clone().acquire_owned().await else {
            return Ok(String::new());
        };
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(e) => {
                // Out of file descriptors, say: wait a little rather than spin.
                eprintln!("atlas site serve: {e}");
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        let site = site.clone();
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |request| {
                let site = site.clone();
                async move { Ok::<_, Infallible>(site.respond(&request).await) }
            });
            let connection = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(HEAD_TIMEOUT)
                .max_buf_size(MAX_HEAD)
                .serve_connection(TokioIo::new(Stalls::new(stream)), service);
            // A client that goes away or times out ends its connection; nothing to report.
            let _ = connection.await;
            drop(slot);
        });
    }
}

/// The folder served (its real path) and the rules of its `_headers`.
struct Site {
    root: PathBuf,
    headers: HeaderRules,
}

impl Site {
    async fn respond(&self, request: &Request<Incoming>) -> Response<Content> {
        let target = request.uri().path_and_query().map_or("/", |p| p.as_str());
        let (status, content, kind, extra) = if target.len() > MAX_URL {
            (StatusCode::URI_TOO_LONG, Content::empty(), None, None)
        } else if header_bytes(request) > MAX_HEADERS {
            let status = StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE;
            (status, Content::empty(), None, None)
        } else if request.method() != Method::GET && request.method() != Method::HEAD {
            let allow = (header::ALLOW, HeaderValue::from_static("GET, HEAD"));
            (
                StatusCode::METHOD_NOT_ALLOWED,
                Content::empty(),
                None,
                Some(allow),
            )
        } else {
            match resolve(&self.root, target) {
                Reply::File(path) => match Content::file(&path).await {
                    Ok(content) => (StatusCode::OK, content, Some(content_type(&path)), None),
                    Err(_) => self.not_found().await,
                },
                Reply::Redirect(location) => match HeaderValue::from_str(&location) {
                    Ok(value) => (
                        StatusCode::MOVED_PERMANENTLY,
                        Content::empty(),
                        None,
                        Some((header::LOCATION, value)),
                    ),
                    Err(_) => self.not_found().await,
                },
                Reply::NotFound => self.not_found().await,
            }
        };
        let mut response = Response::new(content);
        *response.status_mut() = status;
        let headers = response.headers_mut();
        if let Some(kind) = kind {
            headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
        }
        if let Some((name, value)) = extra {
            headers.insert(name, value);
        }
        // Every build shows at once, unless `_headers` says otherwise (the hashed files).
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        self.headers.apply(&request_path(target), headers);
        response
    }

    async fn not_found(
        &self,
    ) -> (
        StatusCode,
        Content,
        Option<&'static str>,
        Option<(HeaderName, HeaderValue)>,
    ) {
        let page = tokio::fs::read(self.root.join("404.html"))
            .await
            .unwrap_or_default();
        let kind = Some("text/html; charset=utf-8");
        (StatusCode::NOT_FOUND, Content::bytes(page), kind, None)
    }
}

/// The bytes of a request's headers, as sent: each `Name: value` and its line end.
fn header_bytes<B>(request: &Request<B>) -> usize {
    request
        .headers()
        .iter()
        .map(|(name, value)| name.as_str().len() + value.len() + 4)
        .sum()
}

/// What to send for a request path.
#[derive(Debug, PartialEq)]
enum Reply {
    File(PathBuf),
    Redirect(String),
    NotFound,
}

/// Files of the folder that are instructions for the host, not part of the site.
const HOST_FILES: [&str; 2] = ["_headers", "_redirects"];

/// Resolves a request target (`/explore/?q=x`) against the site folder `root` (a real path: no
/// symbolic link in it). A path that leads outside the folder, through `..` or a symbolic link,
/// is not found.
fn resolve(root: &Path, target: &str) -> Reply {
    let (path, query) = match target.find(['?', '#']) {
        Some(at) => target.split_at(at),
        None => (target, ""),
    };
    // A backslash reads as a slash to a browser: `/\host` would leave the origin.
    if path.contains('\\') {
        return Reply::NotFound;
    }
    let path = collapse_slashes(path);
    let Some(decoded) = percent_decode(&path) else {
        return Reply::NotFound;
    };
    let relative = Path::new(decoded.trim_start_matches('/'));
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
        || HOST_FILES.iter().any(|file| relative == Path::new(file))
    {
        return Reply::NotFound;
    }
    let Some(full) = inside(root, &root.join(relative)) else {
        return Reply::NotFound;
    };
    if full.is_dir() {
        if !path.ends_with('/') {
            // `path` starts with one slash and is not `/`: the same origin.
            let query = query.split('#').next().unwrap_or_default();
            return Reply::Redirect(format!("{path}/{query}"));
        }
        return match inside(root, &full.join("index.html")) {
            Some(index) if index.is_file() => Reply::File(index),
            _ => Reply::NotFound,
        };
    }
    if full.is_file() {
        Reply::File(full)
    } else {
        Reply::NotFound
    }
}

/// `path`'s real path if it exists and lies inside `root` once symbolic links are followed.
fn inside(root: &Path, path: &Path) -> Option<PathBuf> {
    path.canonicalize()
        .ok()
        .filter(|real| real.starts_with(root))
}

/// `path` with every run of slashes made one: `//explore` is `/explore`, never another host.
fn collapse_slashes(path: &str) -> String {
    let mut out = String::with_capacity(path.len() + 1);
    for c in path.chars() {
        if !(c == '/' && out.ends_with('/')) {
            out.push(c);
        }
    }
    if !out.starts_with('/') {
        out.insert(0, '/');
    }
    out
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

/// The path `_headers` rules are matched against: decoded, repeated slashes made one (an
/// undecodable path is matched as sent).
fn request_path(target: &str) -> String {
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let path = collapse_slashes(path);
    percent_decode(&path).unwrap_or(path)
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

/// The rules of a `_headers` file, in the format Netlify and Cloudflare Pages read: a URL
/// pattern on a line of its own, then its headers indented, `Name: value`, one a line. `*` in a
/// pattern matches anything (slashes included), `:name` one path segment. A request gets the
/// headers of every rule its path matches, in the file's order; a header that several give has
/// their values joined by commas; `! Name` (Cloudflare) removes a header earlier rules gave.
/// Rules for an absolute URL (another host) never match here.
#[derive(Debug, Default)]
struct HeaderRules {
    rules: Vec<HeaderRule>,
}

#[derive(Debug)]
struct HeaderRule {
    pattern: Vec<Piece>,
    actions: Vec<Action>,
}

#[derive(Debug, PartialEq)]
enum Piece {
    Text(String),
    /// `*`: any run of characters.
    Splat,
    /// `:name`: one path segment, not empty.
    Segment,
    /// An absolute URL's rule: for its host only.
    Never,
}

#[derive(Debug)]
enum Action {
    Set(HeaderName, String),
    Detach(HeaderName),
}

impl HeaderRules {
    /// Parses `text`; lines that are not understood are skipped, each reported to `warn`.
    fn parse(text: &str, warn: &mut dyn FnMut(String)) -> HeaderRules {
        let mut rules: Vec<HeaderRule> = Vec::new();
        for (number, line) in text.lines().enumerate() {
            let number = number + 1;
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            if !line.starts_with([' ', '\t']) {
                rules.push(HeaderRule {
                    pattern: pattern(trimmed),
                    actions: Vec::new(),
                });
                continue;
            }
            let Some(rule) = rules.last_mut() else {
                warn(format!("line {number}: a header before any URL"));
                continue;
            };
            let action = if let Some(name) = trimmed.strip_prefix('!') {
                HeaderName::from_bytes(name.trim().as_bytes())
                    .ok()
                    .map(Action::Detach)
            } else {
                trimmed.split_once(':').and_then(|(name, value)| {
                    let name = HeaderName::from_bytes(name.trim().as_bytes()).ok()?;
                    let value = value.trim();
                    HeaderValue::from_str(value).ok()?;
                    Some(Action::Set(name, value.to_owned()))
                })
            };
            match action {
                Some(action) => rule.actions.push(action),
                None => warn(format!("line {number}: not a header: {trimmed}")),
            }
        }
        HeaderRules { rules }
    }

    /// The headers for `path`: (name, value) in the order first given, and the names removed.
    fn for_path(&self, path: &str) -> (Vec<(HeaderName, String)>, Vec<HeaderName>) {
        let mut set: Vec<(HeaderName, String)> = Vec::new();
        let mut removed = Vec::new();
        for rule in self.rules.iter().filter(|r| matches(&r.pattern, path)) {
            for action in &rule.actions {
                match action {
                    Action::Set(name, value) => {
                        match set.iter_mut().find(|(n, _)| n == name) {
                            Some((_, values)) => {
                                values.push_str(", ");
                                values.push_str(value);
                            }
                            None => set.push((name.clone(), value.clone())),
                        }
                        removed.retain(|n| n != name);
                    }
                    Action::Detach(name) => {
                        set.retain(|(n, _)| n != name);
                        removed.push(name.clone());
                    }
                }
            }
        }
        (set, removed)
    }

    /// Puts the headers for `path` in `headers`, over the server's own.
    fn apply(&self, path: &str, headers: &mut hyper::HeaderMap) {
        let (set, removed) = self.for_path(path);
        for name in removed {
            headers.remove(name);
        }
        for (name, value) in set {
            if let Ok(value) = HeaderValue::from_str(&value) {
                headers.insert(name, value);
            }
        }
    }
}

/// A `_headers` URL pattern as pieces.
fn pattern(text: &str) -> Vec<Piece> {
    if !text.starts_with('/') {
        return vec![Piece::Never];
    }
    let mut pieces = Vec::new();
    let mut literal = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let placeholder = c == ':'
            && literal.ends_with('/')
            && chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '_');
        if c == '*' || placeholder {
            if !literal.is_empty() {
                pieces.push(Piece::Text(std::mem::take(&mut literal)));
            }
            if c == '*' {
                pieces.push(Piece::Splat);
            } else {
                while chars
                    .next_if(|n| n.is_ascii_alphanumeric() || *n == '_')
                    .is_some()
                {}
                pieces.push(Piece::Segment);
            }
        } else {
            literal.push(c);
        }
    }
    if !literal.is_empty() {
        pieces.push(Piece::Text(literal));
    }
    pieces
}

/// Whether `path` matches `pattern` whole: one pass per piece over the positions reachable so
/// far, so the time is bounded by pieces × path length whatever the pattern.
fn matches(pattern: &[Piece], path: &str) -> bool {
    let path = path.as_bytes();
    let n = path.len();
    let mut reach = vec![false; n + 1];
    reach[0] = true;
    for piece in pattern {
        let mut next = vec![false; n + 1];
        match piece {
            Piece::Text(text) => {
                let text = text.as_bytes();
                for i in (0..=n).filter(|&i| reach[i]) {
                    if path[i..].starts_with(text) {
                        next[i + text.len()] = true;
                    }
                }
            }
            Piece::Splat => {
                let mut any = false;
                for i in 0..=n {
                    any |= reach[i];
                    next[i] = any;
                }
            }
            Piece::Segment => {
                let mut open = false;
                for j in 1..=n {
                    if path[j - 1] == b'/' {
                        open = false;
                    } else {
                        open |= reach[j - 1];
                    }
                    next[j] = open;
                }
            }
            Piece::Never => return false,
        }
        reach = next;
    }
    reach[n]
}

/// A response's body: bytes in memory, or a file read a piece at a time (a large file costs
/// [`CHUNK`] bytes of memory per connection, not its size).
pub enum Content {
    Bytes(Option<Bytes>),
    File { file: tokio::fs::File, left: u64 },
}

impl Content {
    fn empty() -> Content {
        Content::Bytes(None)
    }

    fn bytes(bytes: Vec<u8>) -> Content {
        Content::Bytes(Some(Bytes::from(bytes)))
    }

    async fn file(path: &Path) -> io::Result<Content> {
        let file = tokio::fs::File::open(path).await?;
        let left = file.metadata().await?.len();
        Ok(Content::File { file, left })
    }
}

impl Body for Content {
    type Data = Bytes;
    type Error = io::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, io::Error>>> {
        match self.get_mut() {
            Content::Bytes(bytes) => Poll::Ready(bytes.take().map(|b| Ok(Frame::data(b)))),
            Content::File { file, left } => {
                if *left == 0 {
                    return Poll::Ready(None);
                }
                let mut chunk = vec![0; CHUNK.min(usize::try_from(*left).unwrap_or(CHUNK))];
                let mut buf = ReadBuf::new(&mut chunk);
                ready!(Pin::new(file).poll_read(cx, &mut buf))?;
                let read = buf.filled().len();
                if read == 0 {
                    // The file shrank since it was opened: the response cannot be completed.
                    return Poll::Ready(Some(Err(io::ErrorKind::UnexpectedEof.into())));
                }
                *left -= read as u64;
                chunk.truncate(read);
                Poll::Ready(Some(Ok(Frame::data(Bytes::from(chunk)))))
            }
        }
    }

    fn is_end_stream(&self) -> bool {
        match self {
            Content::Bytes(bytes) => bytes.is_none(),
            Content::File { left, .. } => *left == 0,
        }
    }

    fn size_hint(&self) -> SizeHint {
        SizeHint::with_exact(match self {
            Content::Bytes(bytes) => bytes.as_ref().map_or(0, |b| b.len() as u64),
            Content::File { left, .. } => *left,
        })
    }
}

/// A connection that fails with `TimedOut` once it has moved no byte, in or out, for
/// [`STALL_TIMEOUT`] while something waits on it: the read and write timeouts.
struct Stalls<S> {
    inner: S,
    deadline: Pin<Box<Sleep>>,
    armed: bool,
}

impl<S> Stalls<S> {
    fn new(inner: S) -> Stalls<S> {
        Stalls {
            inner,
            deadline: Box::pin(tokio::time::sleep(STALL_TIMEOUT)),
            armed: false,
        }
    }

    /// Passes on a ready result (the connection moved: the clock stops), or waits with the
    /// clock running.
    fn watch<T>(&mut self, cx: &mut Context<'_>, poll: Poll<io::Result<T>>) -> Poll<io::Result<T>> {
        if poll.is_ready() {
            self.armed = false;
            return poll;
        }
        if !self.armed {
            self.armed = true;
            self.deadline.as_mut().reset(Instant::now() + STALL_TIMEOUT);
        }
        match self.deadline.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(Err(io::ErrorKind::TimedOut.into())),
            Poll::Pending => Poll::Pending,
        }
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for Stalls<S> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let poll = Pin::new(&mut this.inner).poll_read(cx, buf);
        this.watch(cx, poll)
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Stalls<S> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let poll = Pin::new(&mut this.inner).poll_write(cx, buf);
        this.watch(cx, poll)
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let poll = Pin::new(&mut this.inner).poll_flush(cx);
        this.watch(cx, poll)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let poll = Pin::new(&mut this.inner).poll_shutdown(cx);
        this.watch(cx, poll)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> PathBuf {
        let dir = std::env::temp_dir().join(format!("atlas-serve-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("model/a~b")).unwrap();
        std::fs::write(dir.join("index.html"), "home").unwrap();
        std::fs::write(dir.join("model/a~b/index.html"), "model").unwrap();
        std::fs::write(dir.join("_headers"), "/*\n  X: y\n").unwrap();
        dir.canonicalize().unwrap()
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
        // Repeated slashes are one: the redirect stays on this origin.
        assert_eq!(
            resolve(&dist, "//model//a~b"),
            Reply::Redirect("/model/a~b/".into())
        );
        assert_eq!(
            resolve(&dist, "///model/a~b/"),
            Reply::File(dist.join("model/a~b/index.html"))
        );
        for outside in [
            "/../etc/passwd",
            "/model/%2e%2e/%2e%2e/x",
            "/%zz",
            "/nothing/",
            "/_headers",
            "//_headers",
            "/%5Fheaders",
            "/\\model",
        ] {
            assert_eq!(resolve(&dist, outside), Reply::NotFound, "{outside}");
        }
    }

    #[test]
    fn header_rules_match_and_combine_as_netlify_and_cloudflare_apply_them() {
        let text = "# comment\n/*\n  A: 1\n  B: x\n\n/explore/*\n  A: 2\n  ! B\n\
                    /model/:id/\n  C: c\n/*.wasm\n  D: d\nhttps://example.com/*\n  E: e\n  \
                    bad header\n";
        let mut warnings = Vec::new();
        let rules = HeaderRules::parse(text, &mut |w| warnings.push(w));
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        let names = |path: &str| -> Vec<String> {
            let (set, _) = rules.for_path(path);
            set.iter().map(|(n, v)| format!("{n}={v}")).collect()
        };
        assert_eq!(names("/"), ["a=1", "b=x"]);
        assert_eq!(names("/explore/"), ["a=1, 2"]);
        assert_eq!(names("/explore"), ["a=1", "b=x"]);
        assert_eq!(names("/model/a~b/"), ["a=1", "b=x", "c=c"]);
        assert_eq!(names("/model/a/b/"), ["a=1", "b=x"]);
        assert_eq!(names("/model//"), ["a=1", "b=x"]);
        assert_eq!(names("/x/y_bg.wasm"), ["a=1", "b=x", "d=d"]);
        assert!(!matches(&pattern("/a*b*c*d"), &"a".repeat(5000)));
        assert!(matches(&pattern("/a*b*c*d"), "/aXbYYcd"));
    }
}

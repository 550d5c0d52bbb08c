//! `atlas site serve` from outside, over real sockets on 127.0.0.1: idle and half-sent requests
//! hold up no one, oversized requests get a complete 431 or 414, large files arrive whole however
//! the request's headers arrive, many clients at once are all served, every response carries the
//! headers `_headers` gives its path, and nothing outside the folder (nor `_headers`) is served.
//!
//! Each test builds its own small site in a temporary folder and starts its own server on a free
//! port (it prints the port); every socket has timeouts, so a server that hangs fails the test
//! instead of stalling it.
#![cfg(not(target_arch = "wasm32"))]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

mod cli_support;

use cli_support::temp_dir;

/// The content-hashed module's name, so `_headers` gives it the year's caching.
const WASM: &str = "app-0123456789abcdef_bg.wasm";
const WASM_BYTES: usize = 1 << 20;

const HEADERS: &str = "# Written for this test, in the format of the site build.
/*
  Content-Security-Policy: default-src 'self'; style-src 'self' 'sha256-AAAA'; frame-ancestors 'none'
  X-Content-Type-Options: nosniff
  Referrer-Policy: no-referrer

/app-0123456789abcdef_bg.wasm
  Cache-Control: public, max-age=31536000, immutable

/explore/*
  X-Frame-Options: DENY
  Referrer-Policy: same-origin
";

const CSP: &str = "default-src 'self'; style-src 'self' 'sha256-AAAA'; frame-ancestors 'none'";

/// The module's bytes: not all alike, so a shifted or truncated copy is told apart.
fn wasm() -> Vec<u8> {
    (0..WASM_BYTES)
        .map(|i| (i.wrapping_mul(31) ^ (i >> 9)) as u8)
        .collect()
}

/// A small built site in a folder of its own, and a secret file beside it that a symbolic link
/// inside points to.
fn site(name: &str) -> PathBuf {
    let root = temp_dir(name);
    let dist = root.join("dist");
    std::fs::create_dir_all(dist.join("explore")).unwrap();
    std::fs::write(dist.join("index.html"), "<p>home</p>").unwrap();
    std::fs::write(dist.join("explore/index.html"), "<p>explore</p>").unwrap();
    std::fs::write(dist.join("404.html"), "<p>not found</p>").unwrap();
    std::fs::write(dist.join("_headers"), HEADERS).unwrap();
    std::fs::write(dist.join(WASM), wasm()).unwrap();
    std::fs::write(root.join("secret.txt"), "the secret").unwrap();
    std::os::unix::fs::symlink(root.join("secret.txt"), dist.join("leak.txt")).unwrap();
    std::os::unix::fs::symlink(root.join("secret.txt"), dist.join("explore/leak.html")).unwrap();
    dist
}

/// A running `atlas site serve`, stopped (and its site deleted) when dropped.
struct Server {
    child: Child,
    port: u16,
    site: PathBuf,
}

impl Server {
    fn start(dist: &Path) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_atlas"))
            .args(["site", "serve"])
            .arg(dist)
            .args(["--port", "0"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("atlas runs");
        let stdout = child.stdout.take().expect("atlas's output");
        let (send, receive) = mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = send.send(line);
        });
        let line = receive
            .recv_timeout(Duration::from_secs(20))
            .expect("the server says where it listens");
        let port = line
            .split("http://127.0.0.1:")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .and_then(|port| port.parse().ok())
            .unwrap_or_else(|| panic!("no port in {line:?}"));
        let site = dist.parent().expect("the site's folder").to_owned();
        Server { child, port, site }
    }

    fn connect(&self) -> TcpStream {
        let stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        stream
            .set_write_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        stream
    }

    /// Sends `request` whole and reads the response to its end.
    fn send(&self, request: &[u8]) -> Result<Response, String> {
        let mut stream = self.connect();
        stream
            .write_all(request)
            .map_err(|e| format!("writing the request: {e}"))?;
        read_response(&mut stream)
    }

    fn get(&self, path: &str) -> Result<Response, String> {
        self.send(
            format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                .as_bytes(),
        )
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.site);
    }
}

#[derive(Debug)]
struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Response {
    /// Every value of the header `name`, joined as HTTP joins them.
    fn header(&self, name: &str) -> Option<String> {
        let values: Vec<&str> = self
            .headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .collect();
        (!values.is_empty()).then(|| values.join(", "))
    }
}

/// Reads a whole response (the server closes the connection after it): a reset, a timeout or a
/// body shorter than its Content-Length is an error that says how much had arrived.
fn read_response(stream: &mut TcpStream) -> Result<Response, String> {
    read_whole(stream, false)
}

/// [`read_response`]; the response to a HEAD request has no body whatever its Content-Length.
fn read_whole(stream: &mut TcpStream, head: bool) -> Result<Response, String> {
    let mut bytes = Vec::new();
    let mut chunk = [0; 65536];
    loop {
        match stream.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => bytes.extend_from_slice(&chunk[..n]),
            Err(e) => return Err(format!("{e} after {} bytes of the response", bytes.len())),
        }
    }
    let end = bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| format!("no complete head in {} bytes", bytes.len()))?;
    let text = String::from_utf8_lossy(&bytes[..end]).into_owned();
    let mut lines = text.split("\r\n");
    let status = lines
        .next()
        .and_then(|line| line.split(' ').nth(1))
        .and_then(|code| code.parse().ok())
        .ok_or_else(|| format!("no status in {text:?}"))?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned()))
        .collect();
    let response = Response {
        status,
        headers,
        body: bytes[end + 4..].to_vec(),
    };
    if let Some(length) = response.header("content-length").filter(|_| !head) {
        let length: usize = length.parse().map_err(|_| "bad Content-Length")?;
        if response.body.len() != length {
            return Err(format!(
                "status {status}: {} of {length} bytes of the body",
                response.body.len()
            ));
        }
    }
    Ok(response)
}

#[test]
fn idle_and_half_sent_requests_hold_up_no_one() {
    let server = Server::start(&site("serve-idle"));
    let idle: Vec<TcpStream> = (0..3).map(|_| server.connect()).collect();
    let mut half = server.connect();
    half.write_all(b"GET /explo").unwrap();
    half.flush().unwrap();
    let start = Instant::now();
    let mut stream = server.connect();
    stream
        .set_read_timeout(Some(Duration::from_secs(1)))
        .unwrap();
    stream
        .write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        .unwrap();
    let response = read_response(&mut stream).expect("served beside idle connections");
    assert_eq!(response.status, 200);
    assert_eq!(response.body, b"<p>home</p>");
    assert!(
        start.elapsed() < Duration::from_secs(1),
        "{:?}",
        start.elapsed()
    );
    drop((idle, half));
}

#[test]
fn oversized_requests_get_a_complete_431_or_414() {
    let server = Server::start(&site("serve-limits"));
    let cookie = "c".repeat(12 * 1024);
    let response = server
        .send(format!("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: a={cookie}\r\nConnection: close\r\n\r\n").as_bytes())
        .expect("a complete answer to 12 KB of headers");
    assert_eq!(response.status, 431);
    let path = format!("/{}", "p".repeat(100 * 1024));
    let response = server
        .get(&path)
        .expect("a complete answer to a 100 KB URL");
    assert_eq!(response.status, 414);
    // Still serving.
    assert_eq!(server.get("/").map(|r| r.status), Ok(200));
}

#[test]
fn a_large_file_arrives_whole_however_the_headers_arrive() {
    let server = Server::start(&site("serve-large"));
    // Headers after the request line, in a second write once the server has had time to answer.
    let mut stream = server.connect();
    stream
        .write_all(format!("GET /{WASM} HTTP/1.1\r\n").as_bytes())
        .unwrap();
    stream.flush().unwrap();
    stream
        .set_read_timeout(Some(Duration::from_millis(300)))
        .unwrap();
    let waited = stream.peek(&mut [0; 1]);
    assert!(
        waited.is_err(),
        "the server answered before the request's headers arrived"
    );
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let _ = stream.write_all(b"Host: 127.0.0.1\r\nAccept: */*\r\nConnection: close\r\n\r\n");
    let response = read_response(&mut stream).expect("the file after a pause in the request");
    assert_eq!(response.status, 200);
    assert!(response.body == wasm(), "{} bytes", response.body.len());
    // Large cookies, under the limit, in one write.
    let cookie = "c".repeat(6 * 1024);
    let response = server
        .send(format!("GET /{WASM} HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: a={cookie}\r\nConnection: close\r\n\r\n").as_bytes())
        .expect("the file with 6 KB of cookies");
    assert_eq!(response.status, 200);
    assert!(response.body == wasm(), "{} bytes", response.body.len());
}

#[test]
fn two_hundred_clients_at_once_are_all_served() {
    let server = Server::start(&site("serve-many"));
    let barrier = std::sync::Barrier::new(200);
    let start = Instant::now();
    let failures: Vec<String> = std::thread::scope(|scope| {
        let threads: Vec<_> = (0..200)
            .map(|i| {
                let (server, barrier) = (&server, &barrier);
                scope.spawn(move || {
                    barrier.wait();
                    let (path, body) = match i % 4 {
                        0 => (format!("/{WASM}"), wasm()),
                        1 => ("/explore/".to_owned(), b"<p>explore</p>".to_vec()),
                        _ => ("/".to_owned(), b"<p>home</p>".to_vec()),
                    };
                    match server.get(&path) {
                        Ok(r) if r.status == 200 && r.body == body => None,
                        Ok(r) => Some(format!(
                            "{path}: status {}, {} bytes",
                            r.status,
                            r.body.len()
                        )),
                        Err(e) => Some(format!("{path}: {e}")),
                    }
                })
            })
            .collect();
        threads
            .into_iter()
            .filter_map(|t| t.join().unwrap())
            .collect()
    });
    assert!(
        failures.is_empty(),
        "{} of 200 failed in {:?}, first: {:?}",
        failures.len(),
        start.elapsed(),
        failures.first()
    );
    assert!(
        start.elapsed() < Duration::from_secs(20),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn responses_carry_the_headers_of_headers_for_their_path() {
    let server = Server::start(&site("serve-headers"));
    let home = server.get("/").unwrap();
    assert_eq!(home.status, 200);
    assert_eq!(
        home.header("content-type").as_deref(),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(home.header("content-security-policy").as_deref(), Some(CSP));
    assert_eq!(
        home.header("x-content-type-options").as_deref(),
        Some("nosniff")
    );
    assert_eq!(
        home.header("referrer-policy").as_deref(),
        Some("no-referrer")
    );
    assert_eq!(home.header("x-frame-options"), None);

    // Two rules match: both apply, and a header both give has both values.
    let explore = server.get("/explore/").unwrap();
    assert_eq!(explore.status, 200);
    assert_eq!(
        explore.header("content-security-policy").as_deref(),
        Some(CSP)
    );
    assert_eq!(explore.header("x-frame-options").as_deref(), Some("DENY"));
    assert_eq!(
        explore.header("referrer-policy").as_deref(),
        Some("no-referrer, same-origin")
    );

    let module = server.get(&format!("/{WASM}")).unwrap();
    assert_eq!(module.status, 200);
    assert_eq!(
        module.header("content-type").as_deref(),
        Some("application/wasm")
    );
    assert_eq!(
        module.header("cache-control").as_deref(),
        Some("public, max-age=31536000, immutable")
    );
    assert_eq!(
        module.header("content-security-policy").as_deref(),
        Some(CSP)
    );

    // The 404 page is served under the policy of the path asked for.
    let missing = server.get("/nothing/here").unwrap();
    assert_eq!(missing.status, 404);
    assert_eq!(missing.body, b"<p>not found</p>");
    assert_eq!(
        missing.header("content-security-policy").as_deref(),
        Some(CSP)
    );
    assert_eq!(
        missing.header("x-content-type-options").as_deref(),
        Some("nosniff")
    );

    // HEAD: the same head, no body.
    let mut stream = server.connect();
    stream
        .write_all(
            format!("HEAD /{WASM} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                .as_bytes(),
        )
        .unwrap();
    let head = read_whole(&mut stream, true).unwrap();
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    assert_eq!(head.header("content-length"), Some(WASM_BYTES.to_string()));
    assert_eq!(head.header("content-security-policy").as_deref(), Some(CSP));
}

#[test]
fn nothing_outside_the_folder_nor_the_headers_file_is_served() {
    let server = Server::start(&site("serve-outside"));
    for path in [
        "/leak.txt",
        "/explore/leak.html",
        "/_headers",
        "/%5Fheaders",
    ] {
        let response = server.get(path).unwrap();
        assert_eq!(response.status, 404, "{path}");
        assert_eq!(response.body, b"<p>not found</p>", "{path}");
    }
    let response = server.get("/explore?q=1").unwrap();
    assert_eq!(response.status, 301);
    assert_eq!(
        response.header("location").as_deref(),
        Some("/explore/?q=1")
    );
    for path in ["//explore", "///explore", "//explore?q=1"] {
        let response = server.get(path).unwrap();
        let location = response.header("location").unwrap_or_default();
        assert!(
            !location.starts_with("//") && !location.starts_with("/\\"),
            "{path}: status {}, Location: {location}",
            response.status
        );
        assert!(
            matches!(response.status, 301 | 404),
            "{path}: status {}",
            response.status
        );
    }
    let response = server.get("/../secret.txt").unwrap();
    assert_eq!(response.status, 404);
}

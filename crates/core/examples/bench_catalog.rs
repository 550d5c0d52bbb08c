//! Native benchmark of the catalog's data file: the bundle (postcard) read back 30 times, beside
//! the same `Catalog` as compact JSON and as bincode, the candidates it was chosen from; prints
//! sizes and the median and p95 of each read. Run with
//! `cargo run --profile native --example bench_catalog` (part of `make bench`);
//! `-- postcard`, `-- json` or `-- bincode` writes that encoding to standard output instead, to
//! compress it.
// A benchmark times itself; the core it measures may not (clippy.toml).
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

use atlas_core::catalog::{data, Catalog};
use std::hint::black_box;
use std::io::Write;
use std::time::Instant;

const ROUNDS: usize = 30;

/// Median and p95 of `ROUNDS` runs of `f`, in milliseconds.
fn time(mut f: impl FnMut()) -> String {
    let mut times: Vec<f64> = (0..ROUNDS)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let at = |p: f64| times[((p / 100.0 * ROUNDS as f64).ceil() as usize).clamp(1, ROUNDS) - 1];
    format!("median {:.2} ms, p95 {:.2} ms", at(50.0), at(95.0))
}

fn main() {
    let catalog = data::catalog().expect("the catalog loads");
    let postcard = catalog.to_bundle();
    let json = serde_json::to_vec(catalog).expect("JSON writes the catalog");
    let bincode = bincode::serialize(catalog).expect("bincode writes the catalog");
    let emit = |bytes: &[u8]| std::io::stdout().write_all(bytes).expect("stdout");
    match std::env::args().nth(1).as_deref() {
        Some("postcard") => return emit(&postcard),
        Some("json") => return emit(&json),
        Some("bincode") => return emit(&bincode),
        _ => {}
    }
    println!(
        "data file (postcard): {} bytes; read + index + validate: {}",
        postcard.len(),
        time(|| {
            black_box(Catalog::from_bundle(black_box(&postcard)).expect("reads back"));
        })
    );
    println!(
        "  decoding alone: {}",
        time(|| {
            black_box(postcard::from_bytes::<Catalog>(black_box(&postcard)).expect("decodes"));
        })
    );
    println!(
        "compact JSON: {} bytes; parsing alone: {}",
        json.len(),
        time(|| {
            black_box(serde_json::from_slice::<Catalog>(black_box(&json)).expect("parses"));
        })
    );
    println!(
        "bincode: {} bytes; decoding alone: {}",
        bincode.len(),
        time(|| {
            black_box(bincode::deserialize::<Catalog>(black_box(&bincode)).expect("decodes"));
        })
    );
}

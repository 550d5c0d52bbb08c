//! Native benchmark of the error decoder: a 1 MB paste (a long stack trace full of Region
//! codes, model-like words and typographic apostrophes, the error at its end), decoded 30 times;
//! prints the median and p95 against the 100 ms target. Run with
//! `cargo run --profile native --example bench_decode` (part of `make bench`).
// A benchmark times itself; the core it measures may not (clippy.toml).
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

use atlas_core::catalog::data;
use atlas_core::output::decode::{decode, Decoded};
use std::hint::black_box;
use std::time::Instant;

const ROUNDS: usize = 30;
const TARGET_MS: f64 = 100.0;

/// About 1 MB of stack trace that names Regions, IDs and ARNs on every line.
fn paste() -> String {
    let line = "    at Handler.invoke (handler.js:42:7) arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0 eu.anthropic.claude-sonnet-4-5-20250929-v1:0 isn’t retrying us-east-1\n";
    let mut text = line.repeat(1_048_576 / line.len() + 1);
    text.push_str("ValidationException: Invocation of model ID anthropic.claude-sonnet-4-5-20250929-v1:0 with on-demand throughput isn’t supported.");
    text
}

fn main() {
    let catalog = data::catalog().expect("the embedded catalog loads");
    let text = paste();
    let mut times = Vec::with_capacity(ROUNDS);
    let mut recognised = false;
    for _ in 0..ROUNDS {
        let start = Instant::now();
        let decoded = black_box(decode(catalog, black_box(&text)));
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        recognised = matches!(decoded, Decoded::Recognised { .. });
    }
    times.sort_by(f64::total_cmp);
    let at = |p: f64| times[((p / 100.0 * ROUNDS as f64).ceil() as usize).clamp(1, ROUNDS) - 1];
    println!(
        "decoder: a {:.2} MB paste, {ROUNDS} rounds, recognised: {recognised}",
        text.len() as f64 / 1_048_576.0
    );
    println!(
        "  median {:.1} ms   p95 {:.1} ms   (target < {TARGET_MS} ms)",
        at(50.0),
        at(95.0)
    );
    assert!(
        recognised,
        "the error at the end of the paste is recognised"
    );
}

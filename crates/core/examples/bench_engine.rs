//! Native benchmark of the decision engine: evaluate 10,000 generated workloads on the real
//! catalog, 20 times, and print the median and p95 of the whole batch and of one workload.
//! Run with `cargo run --release --example bench_engine` (part of `make bench`).
// A benchmark times itself; the core it measures may not (clippy.toml).
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

use atlas_core::catalog::calendar::Day;
use atlas_core::catalog::data;
use atlas_core::catalog::ids::CountryCode;
use atlas_core::catalog::residency::Residency;
use atlas_core::catalog::Catalog;
use atlas_core::engine;
use atlas_core::plan::{OrgPolicy, Sla, Traffic, Workload, WorkloadSpec};
use std::hint::black_box;
use std::time::Instant;

/// The day the benchmark evaluates on (2026-12-02).
const TODAY: Day = Day::from_epoch_days(20_789);

const WORKLOADS: usize = 10_000;
const ROUNDS: usize = 20;

/// A small deterministic generator (64-bit LCG), so every run evaluates the same workloads.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n
    }
}

fn generate(catalog: &Catalog, count: usize) -> Vec<Workload<'_>> {
    let mut rng = Lcg(42);
    let countries: Vec<&CountryCode> = catalog.regions.iter().map(|r| &r.country).collect();
    (0..count)
        .map(|i| {
            let model = &catalog.models[rng.below(catalog.models.len())];
            // Sources where the model can be called most of the time, any Region otherwise.
            let source = if rng.below(4) > 0 && !model.offered_in.is_empty() {
                model.offered_in[rng.below(model.offered_in.len())].clone()
            } else {
                catalog.regions[rng.below(catalog.regions.len())]
                    .code
                    .clone()
            };
            let residency = match rng.below(4) {
                0 => Residency::None,
                1 => Residency::Geography {
                    name: catalog.geographies[rng.below(catalog.geographies.len())]
                        .id
                        .clone(),
                },
                2 => Residency::Country {
                    code: countries[rng.below(countries.len())].clone(),
                },
                _ => Residency::Regions {
                    codes: vec![source.clone()],
                },
            };
            WorkloadSpec {
                name: format!("w{i}"),
                model_id: model.id.clone(),
                custom_model: rng.below(10) == 0,
                source_region: source,
                residency,
                traffic: Traffic::ALL[rng.below(3)],
                sla: Sla::ALL[rng.below(3)],
                org_policy: (rng.below(5) == 0).then_some(OrgPolicy {
                    allowed_regions: None,
                    allows_global: false,
                }),
                tokens_per_month: None,
                data_retention: None,
                turnaround: None,
                peak: None,
            }
            .check(catalog)
            .expect("generated from the catalog")
        })
        .collect()
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn main() {
    let catalog = data::catalog().expect("the embedded catalog loads");
    let workloads = generate(catalog, WORKLOADS);
    let mut batch_ms = Vec::with_capacity(ROUNDS);
    let mut chosen = 0;
    for _ in 0..ROUNDS {
        let start = Instant::now();
        chosen = workloads
            .iter()
            .map(|w| black_box(engine::recommend(catalog, black_box(w), TODAY)))
            .filter(|r| r.chosen.is_some())
            .count();
        batch_ms.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    batch_ms.sort_by(f64::total_cmp);
    let median = percentile(&batch_ms, 50.0);
    println!(
        "engine: {WORKLOADS} generated workloads ({chosen} with a recommendation), {ROUNDS} rounds"
    );
    println!(
        "  batch   median {median:.1} ms   p95 {:.1} ms   (target < 50 ms)",
        percentile(&batch_ms, 95.0)
    );
    println!(
        "  per workload  median {:.2} µs",
        median * 1000.0 / WORKLOADS as f64
    );
    // Where the time goes: workloads with a recommendation vs those that need suggestions.
    let (with, without): (Vec<&Workload<'_>>, Vec<&Workload<'_>>) = workloads
        .iter()
        .partition(|w| engine::recommend(catalog, w, TODAY).chosen.is_some());
    for (label, set) in [
        ("with a recommendation", &with),
        ("with suggestions", &without),
    ] {
        let start = Instant::now();
        for w in set.iter() {
            black_box(engine::recommend(catalog, black_box(w), TODAY));
        }
        let us = start.elapsed().as_secs_f64() * 1e6 / set.len().max(1) as f64;
        println!("  {label}: {} workloads, {us:.2} µs each", set.len());
    }
}

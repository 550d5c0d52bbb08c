//! One file per route.

pub mod concepts;
pub mod errors;
pub mod explore;
#[cfg(feature = "bench")]
pub mod explore_bench;
pub mod home;
pub mod model;
pub mod not_found;
pub mod plan;
pub mod plan_report;
pub mod profile;
pub mod region;
pub mod sources;

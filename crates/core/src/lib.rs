//! The pure core of CRIS Atlas: everything that decides, and nothing that reads a file, opens a
//! socket, starts a process, reads the environment or the clock (`clippy.toml` forbids those
//! APIs and `make test` lints with `-D warnings`). The app and the command line share it.
//!
//! The folders depend in one direction: `catalog <- plan <- engine <- output <- browse`.
//! - [`catalog`]: the catalog's schema, the global copy and the site's data file, validation and lookups, residency.
//! - [`plan`]: the plan file, its storage rules, the wizard and the plan page's workflow.
//! - [`engine`]: every option of a workload evaluated, the rules that choose, the suggestions.
//! - [`output`]: the evaluation as the view model and everything rendered from it.
//! - [`browse`]: the explorer and the catalog's pages.

pub mod browse;
pub mod catalog;
pub mod engine;
pub mod output;
pub mod plan;

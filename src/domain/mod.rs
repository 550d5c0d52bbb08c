//! Pure domain logic: the catalog, residency, the explorer's search, the plan format and the
//! decision engine. Only std, serde and serde_json: no web crate, so everything here runs and is
//! tested natively, and the command-line tool shares it with the app.

pub mod bench;
pub mod catalog;
pub mod cite;
pub mod compare;
pub mod detail;
pub mod engine;
pub mod explore;
pub mod geo;
pub mod ids;
pub mod import;
pub mod map;
pub mod plan;
pub mod planner;
pub mod report;
pub mod residency;
pub mod wizard;

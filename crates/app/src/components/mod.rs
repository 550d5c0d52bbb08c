//! Reusable view pieces, one exported component per file.

pub mod account_section;
pub mod capacity_section;
pub mod catalog_loader;
pub mod change_summary;
pub mod comparison_table;
pub mod copy_button;
pub mod error_decoder;
pub mod error_panel;
pub mod model_result;
pub mod plan_exports;
pub mod plan_file;
pub mod plan_table;
pub mod policy_panel;
pub mod recommendation_card;
pub mod review_status;
pub mod route_map;
pub mod share_link;
pub mod shared_plan;
pub mod site_footer;
pub mod site_header;
pub mod storage_notice;
pub mod wizard;
pub mod workload_summary;

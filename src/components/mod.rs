//! Reusable view pieces, one exported component per file.

pub mod error_panel;
pub mod site_footer;
pub mod site_header;

//! The catalog as people browse it: the explorer's search and filters, the wizard's model
//! picker, and the data behind the model, profile and Region pages.

pub mod dead_end;
pub mod explore;
pub mod model_page;
pub mod picker;
pub mod profile_page;
pub mod region_page;
pub mod results_csv;
pub mod search;

//! The catalog as people browse it: the explorer's search and filters, the wizard's model
//! picker, the data behind the model, profile and Region pages, the change feed and what
//! changed since a plan's review.

pub mod dead_end;
pub mod explore;
pub mod feed;
pub mod model_page;
pub mod picker;
pub mod profile_page;
pub mod region_page;
pub mod results_csv;
pub mod search;
pub mod since;

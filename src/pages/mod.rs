//! One file per route.

pub mod concepts;
pub mod explore;
pub mod home;
pub mod model;
pub mod not_found;
pub mod plan;
pub mod profile;
pub mod region;
pub mod sources;

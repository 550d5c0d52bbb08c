//! CRIS Atlas: decide how to call foundation models on Amazon Bedrock (global or geographic
//! cross-Region inference profiles, in one Region on demand, or Provisioned Throughput) with a
//! catalog of real routes per source Region.
//!
//! The dependency direction is `pages -> components -> state -> domain <- data`: `domain` is pure
//! and shared with the command-line tool; views only render what it computed.

pub mod domain;

pub mod data;
mod embedded;
pub mod route;
pub mod state;

pub mod app;
pub mod browser;
pub mod components;
pub mod pages;

/// Mounts the app on the page body.
pub fn start() {
    yew::Renderer::<app::App>::new().render();
}

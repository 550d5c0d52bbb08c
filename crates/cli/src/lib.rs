//! The command line's library side: prerendering the site into a Trunk build, shared by
//! `atlas site build` and the tests that render pages.

pub mod prerender;

//! Browser entry point of the lite module: the explorer and every static page (natively,
//! nothing to do). The full module (`src/main.rs`) serves the pages with the plan, the report,
//! a profile's map or the error decoder.
fn main() {
    #[cfg(target_arch = "wasm32")]
    cris_atlas::start_lite();
}

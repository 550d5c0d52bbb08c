//! Browser entry point: the WebAssembly module's start on every page (natively, nothing to do).
fn main() {
    #[cfg(target_arch = "wasm32")]
    cris_atlas::start();
}

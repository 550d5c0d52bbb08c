//! Browser entry point: mounts the app on the page body.
fn main() {
    cris_atlas::start();
}

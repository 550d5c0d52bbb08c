//! The few browser calls the app makes, wrapped so that a missing window or a refused call is a
//! no-op instead of a panic.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The current `location.hash`, empty when unavailable.
pub fn current_hash() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Calls `on_change` with the new hash whenever it changes; dropping the listener stops it.
pub fn on_hash_change(on_change: impl Fn(String) + 'static) -> Option<EventListener> {
    let window = window()?;
    Some(EventListener::new(&window, "hashchange", move |_| {
        on_change(current_hash())
    }))
}

/// Navigates to `hash`, adding a history entry (the `hashchange` listener updates the route).
pub fn push_hash(hash: &str) {
    if let Some(w) = window() {
        let _ = w.location().set_hash(hash);
    }
}

/// Replaces the current history entry's URL with `hash`, without a `hashchange` event.
pub fn replace_hash(hash: &str) {
    if let Some(history) = window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash));
    }
}

/// After a page change: sets the title, scrolls to `anchor` if given, and when `focus` is set
/// moves focus to the new page's main element so screen readers announce it.
pub fn page_changed(title: &str, anchor: Option<&str>, focus: bool) {
    let Some(document) = window().and_then(|w| w.document()) else {
        return;
    };
    document.set_title(title);
    if let Some(target) = anchor.and_then(|id| document.get_element_by_id(id)) {
        target.scroll_into_view();
        if let Ok(el) = target.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    } else if focus {
        focus_main();
    }
}

/// Moves focus to `<main>`.
pub fn focus_main() {
    let main = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("main"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(main) = main {
        let _ = main.focus();
    }
}

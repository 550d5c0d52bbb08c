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

/// `localStorage`, or why it cannot be used.
fn local_storage() -> Result<web_sys::Storage, String> {
    window()
        .ok_or("no window")?
        .local_storage()
        .map_err(|_| "browser storage is blocked".to_owned())?
        .ok_or_else(|| "browser storage is unavailable".to_owned())
}

/// Reads a key from `localStorage`; an unavailable store is an error, a missing key is `None`.
pub fn storage_get(key: &str) -> Result<Option<String>, String> {
    local_storage()?
        .get_item(key)
        .map_err(|_| "browser storage could not be read".to_owned())
}

/// Writes a key to `localStorage`.
pub fn storage_set(key: &str, value: &str) -> Result<(), String> {
    local_storage()?
        .set_item(key, value)
        .map_err(|_| "browser storage refused the write (full or disabled)".to_owned())
}

/// Copies `text` to the clipboard; the error says why it could not.
pub async fn copy_text(text: &str) -> Result<(), String> {
    let navigator = window().ok_or("no window")?.navigator();
    // Pages not served over HTTPS or from localhost have no `navigator.clipboard`; calling it
    // there would throw, so check first.
    let present = js_sys::Reflect::get(&navigator, &wasm_bindgen::JsValue::from_str("clipboard"))
        .is_ok_and(|c| !c.is_undefined() && !c.is_null());
    if !present {
        return Err(
            "this page has no clipboard access (it needs HTTPS); select the text and copy it"
                .to_owned(),
        );
    }
    let clipboard = navigator.clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| {
            "the browser refused access to the clipboard; select the text and copy it".to_owned()
        })
}

/// Offers `text` as a file download named `filename`.
pub fn download_text(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    let document = window().and_then(|w| w.document()).ok_or("no document")?;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "the browser could not create the file".to_owned())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| "the browser could not create a download link".to_owned())?;
    let anchor = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .ok_or("the browser could not create a download link")?;
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// The text of the first file chosen in a file input.
pub async fn read_chosen_file(input: &web_sys::HtmlInputElement) -> Result<String, String> {
    let file = input
        .files()
        .and_then(|files| files.get(0))
        .ok_or("no file was chosen")?;
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(|_| format!("{} could not be read", file.name()))?;
    text.as_string()
        .ok_or_else(|| format!("{} is not text", file.name()))
}

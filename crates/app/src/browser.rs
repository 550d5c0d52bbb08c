//! The few browser calls the app makes, wrapped so that a missing window or a refused call is a
//! no-op instead of a panic.

use gloo::events::{EventListener, EventListenerOptions};
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

/// The site root's URL: the document's base URL (each page's `<base href>` points there).
fn base_url() -> String {
    window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default()
}

/// The page's URL relative to the site root, without the fragment: `explore/?q=claude`.
pub fn relative_url() -> String {
    let href = window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let href = href.split('#').next().unwrap_or_default();
    href.strip_prefix(&base_url()).unwrap_or(href).to_owned()
}

/// The route of the current URL.
pub fn current_route() -> crate::route::Route {
    let relative = relative_url();
    let (path, query) = relative.split_once('?').unwrap_or((&relative, ""));
    crate::route::Route::from_path(path, query)
}

/// Calls `on_change` whenever Back or Forward changes the URL; dropping the listener stops it.
pub fn on_history_change(on_change: impl Fn() + 'static) -> Option<EventListener> {
    let window = window()?;
    Some(EventListener::new(&window, "popstate", move |_| {
        on_change()
    }))
}

/// Calls `on_change` whenever the URL's fragment changes without a page load (a link pasted
/// into the address bar that differs only after `#`); dropping the listener stops it.
pub fn on_hash_change(on_change: impl Fn() + 'static) -> Option<EventListener> {
    let window = window()?;
    Some(EventListener::new(&window, "hashchange", move |_| {
        on_change()
    }))
}

/// Shows `href` (relative to the site root) in the address bar without loading it, adding a
/// history entry unless `replace`.
pub fn set_url(href: &str, replace: bool) {
    if let Some(history) = window().and_then(|w| w.history().ok()) {
        let null = wasm_bindgen::JsValue::NULL;
        let _ = if replace {
            history.replace_state_with_url(&null, "", Some(href))
        } else {
            history.push_state_with_url(&null, "", Some(href))
        };
    }
}

/// Loads the page at `href` (relative to the site root).
pub fn go_to(href: &str) {
    if let Some(w) = window() {
        let _ = w.location().assign(href);
    }
}

/// Replaces the current page with the one at `href` (relative to the site root), leaving no
/// history entry for the current URL.
pub fn redirect(href: &str) {
    if let Some(w) = window() {
        let _ = w.location().replace(href);
    }
}

/// Adds or removes a class on `<body>` (a page mode that also changes the header and footer).
pub fn set_body_class(class: &str, on: bool) {
    if let Some(body) = window().and_then(|w| w.document()).and_then(|d| d.body()) {
        let _ = body.class_list().toggle_with_force(class, on);
    }
}

/// Calls `on_key` with each key pressed on the page (`KeyboardEvent.key`) without Alt, Control
/// or Meta (those belong to the browser: Alt+Left is Back); when it returns true, the key's
/// default action is prevented. Dropping the listener stops it.
pub fn on_key(on_key: impl Fn(&str) -> bool + 'static) -> Option<EventListener> {
    let document = window()?.document()?;
    let options = EventListenerOptions::enable_prevent_default();
    Some(EventListener::new_with_options(
        &document,
        "keydown",
        options,
        move |event| {
            let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                return;
            };
            if !(event.alt_key() || event.ctrl_key() || event.meta_key()) && on_key(&event.key()) {
                event.prevent_default();
            }
        },
    ))
}

/// Moves focus to the element with `id`, if there is one that can take it.
pub fn focus_id(id: &str) {
    let element = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// Scrolls the page to its top.
pub fn scroll_to_top() {
    if let Some(w) = window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Opens the browser's print dialog.
pub fn print() {
    if let Some(w) = window() {
        let _ = w.print();
    }
}

/// Moves focus to `<main>`.
pub fn focus_main() {
    focus_id("main");
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

/// Removes a key from `localStorage`.
pub fn storage_remove(key: &str) -> Result<(), String> {
    local_storage()?
        .remove_item(key)
        .map_err(|_| "browser storage refused the change".to_owned())
}

/// Calls `on_change` when another tab changes `key` in `localStorage` (or clears it); dropping
/// the listener stops it.
pub fn on_storage_change(
    key: &'static str,
    on_change: impl Fn() + 'static,
) -> Option<EventListener> {
    let window = window()?;
    Some(EventListener::new(&window, "storage", move |event| {
        // A `StorageEvent`'s key; `null` when storage was cleared. Other events count as a change.
        let changed = js_sys::Reflect::get(event, &wasm_bindgen::JsValue::from_str("key"))
            .ok()
            .and_then(|k| k.as_string());
        if changed.as_deref().is_none_or(|k| k == key) {
            on_change();
        }
    }))
}

/// The current time as ISO 8601 in UTC, to the millisecond (`2026-12-02T00:48:25.123Z`).
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
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

/// The bytes of the first file chosen in a file input, if it is at most `max_bytes` long (a
/// larger one is not read), with its name. Bytes, not text: the browser's text decoding would
/// silently replace what is not UTF-8.
pub async fn read_chosen_file(
    input: &web_sys::HtmlInputElement,
    max_bytes: usize,
) -> Result<(String, Vec<u8>), String> {
    let file = input
        .files()
        .and_then(|files| files.get(0))
        .ok_or("no file was chosen")?;
    let name = file.name();
    if file.size() > max_bytes as f64 {
        return Err(format!(
            "{name} is {} bytes, over the limit of {max_bytes} bytes",
            file.size()
        ));
    }
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| format!("{name} could not be read"))?;
    Ok((name, js_sys::Uint8Array::new(&buffer).to_vec()))
}

/// On a page without an island, makes every prerendered copy button (`button[data-copy]`)
/// copy its text and report it in the status beside it. The listeners live as long as the page.
pub fn enhance_copy_buttons() {
    let Some(document) = window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(buttons) = document.query_selector_all("button[data-copy]") else {
        return;
    };
    for i in 0..buttons.length() {
        let Some(button) = buttons
            .get(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let target = button.clone();
        EventListener::new(&button, "click", move |_| {
            let text = target.get_attribute("data-copy").unwrap_or_default();
            let status = target.next_element_sibling();
            wasm_bindgen_futures::spawn_local(async move {
                let said = match copy_text(&text).await {
                    Ok(()) => "Copied".to_owned(),
                    Err(e) => format!("Not copied: {e}"),
                };
                if let Some(status) = status {
                    status.set_text_content(Some(&said));
                }
            });
        })
        .forget();
    }
}

/// Marks the document as running the module (`html.js`), so the stylesheet can show what only
/// works with it.
pub fn mark_running() {
    if let Some(root) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.class_list().add_1("js");
    }
}

/// Says the page is running (`html[data-ready]`): its island is hydrated and live, or a static
/// page is enhanced. Tests wait for it.
pub fn mark_ready() {
    if let Some(root) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("data-ready", "");
    }
}

/// The value of the input with this `id`, empty when there is none.
pub fn input_value(id: &str) -> String {
    window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|input| input.value())
        .unwrap_or_default()
}

/// The page's `<main>` element.
pub fn main_element() -> Option<web_sys::Element> {
    window()?.document()?.get_element_by_id("main")
}

/// Registers the service worker that keeps the site for offline use, and when a newer build
/// takes over an open page, says so in the page's update banner with a Reload button.
pub fn register_service_worker() {
    let Some(window) = window() else {
        return;
    };
    let navigator = window.navigator();
    let supported = js_sys::Reflect::has(
        &navigator,
        &wasm_bindgen::JsValue::from_str("serviceWorker"),
    )
    .unwrap_or(false);
    if !supported {
        return;
    }
    let container = navigator.service_worker();
    // On a first visit nothing controlled the page: the worker's "updated" is no news.
    let had_worker = container.controller().is_some();
    let _ = container.register("sw.js");
    if !had_worker {
        return;
    }
    EventListener::new(&container, "message", |event| {
        let Some(event) = event.dyn_ref::<web_sys::MessageEvent>() else {
            return;
        };
        let field = |name: &str| {
            js_sys::Reflect::get(&event.data(), &wasm_bindgen::JsValue::from_str(name))
                .ok()
                .and_then(|v| v.as_string())
        };
        if field("type").as_deref() == Some("cris-atlas-updated") {
            show_update(&field("catalog").unwrap_or_default());
        }
    })
    .forget();
}

/// Shows the prerendered update banner: a newer build (and catalog) is ready.
fn show_update(catalog_as_of: &str) {
    let Some(document) = window().and_then(|w| w.document()) else {
        return;
    };
    let (Some(banner), Some(text), Some(reload)) = (
        document.get_element_by_id("update"),
        document.get_element_by_id("update-text"),
        document.get_element_by_id("update-reload"),
    ) else {
        return;
    };
    text.set_text_content(Some(&format!(
        "A newer version of CRIS Atlas is available, with the catalog as of {catalog_as_of}."
    )));
    let _ = banner.remove_attribute("hidden");
    EventListener::new(&reload, "click", |_| {
        if let Some(w) = window() {
            let _ = w.location().reload();
        }
    })
    .forget();
}

/// The current page's address without its fragment, empty when unavailable.
pub fn page_url() -> String {
    let href = window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_owned()
}

/// The address of the catalog's data file, as the page's preload link names it (relative to the
/// page's base); `None` on a page that names none.
pub fn catalog_href() -> Option<String> {
    window()?
        .document()?
        .get_element_by_id("catalog-file")?
        .get_attribute("href")
}

/// The bytes at `href`, or why they could not be had: no connection, or an HTTP error status.
pub async fn fetch_bytes(href: &str) -> Result<Vec<u8>, String> {
    use wasm_bindgen_futures::JsFuture;
    let window = window().ok_or("no window to fetch with")?;
    let unreachable = || {
        format!(
            "{href} could not be fetched: the network is unreachable or the request was refused"
        )
    };
    let response = JsFuture::from(window.fetch_with_str(href))
        .await
        .map_err(|_| unreachable())?
        .dyn_into::<web_sys::Response>()
        .map_err(|_| unreachable())?;
    if !response.ok() {
        return Err(format!(
            "{href}: the server answered {} {}",
            response.status(),
            response.status_text()
        ));
    }
    let body = response.array_buffer().map_err(|_| unreachable())?;
    let buffer = JsFuture::from(body).await.map_err(|_| unreachable())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// A new element right before the page's `<main>`, for what a page says outside its island.
pub fn element_before_main(id: &str) -> Option<web_sys::Element> {
    let document = window()?.document()?;
    let main = document.get_element_by_id("main")?;
    let element = document.create_element("div").ok()?;
    element.set_id(id);
    main.before_with_node_1(&element).ok()?;
    Some(element)
}

/// Marks a moment on the page's performance timeline (User Timing), where benchmarks read it.
pub fn mark(name: &str) {
    if let Some(performance) = window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// Records on the page's performance timeline the time since the mark `start` as `name`.
pub fn measure_since(name: &str, start: &str) {
    if let Some(performance) = window().and_then(|w| w.performance()) {
        let _ = performance.measure_with_start_mark(name, start);
    }
}

/// A style sheet added to the page's own (`document.adoptedStyleSheets`); dropping it takes it
/// away. The site's Content-Security-Policy admits no inline `<style>`; a constructed sheet is
/// not inline markup, so rules computed at run time (the printed report's running header and
/// footer) go here.
pub struct AdoptedStyle {
    sheet: wasm_bindgen::JsValue,
}

/// Adds `css` to the page as a constructed style sheet (`None` where the browser has none).
pub fn adopt_style(css: &str) -> Option<AdoptedStyle> {
    use js_sys::{Array, Function, Reflect};
    let window = window()?;
    let document = window.document()?;
    let class: Function = Reflect::get(&window, &"CSSStyleSheet".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let sheet = Reflect::construct(&class, &Array::new()).ok()?;
    let replace: Function = Reflect::get(&sheet, &"replaceSync".into())
        .ok()?
        .dyn_into()
        .ok()?;
    replace.call1(&sheet, &css.into()).ok()?;
    let adopted = Array::from(&Reflect::get(&document, &"adoptedStyleSheets".into()).ok()?);
    adopted.push(&sheet);
    Reflect::set(&document, &"adoptedStyleSheets".into(), &adopted).ok()?;
    Some(AdoptedStyle { sheet })
}

impl Drop for AdoptedStyle {
    fn drop(&mut self) {
        let Some(document) = window().and_then(|w| w.document()) else {
            return;
        };
        if let Ok(adopted) = js_sys::Reflect::get(&document, &"adoptedStyleSheets".into()) {
            let kept: js_sys::Array = js_sys::Array::from(&adopted)
                .iter()
                .filter(|s| s != &self.sheet)
                .collect();
            let _ = js_sys::Reflect::set(&document, &"adoptedStyleSheets".into(), &kept);
        }
    }
}

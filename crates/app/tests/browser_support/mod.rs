//! Helpers for browser tests, split into find / act / check. Elements are found by
//! `data-testid` (or a label's `for`), never by walking the DOM; waiting is on events, never on
//! timers.
// Each browser test crate includes this module and uses a subset of it.
#![allow(dead_code)]

use cris_atlas::app::{is_island, Island, IslandProps};
use cris_atlas::state::CatalogRef;
use std::cell::RefCell;
use wasm_bindgen::{closure::Closure, JsCast};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};
use yew::AppHandle;

thread_local! {
    static APP: RefCell<Option<AppHandle<Island>>> = const { RefCell::new(None) };
}

/// The app's catalog, installed from the files of `data/` as a page installs its data file.
pub fn catalog() -> &'static atlas_core::catalog::Catalog {
    use atlas_core::catalog::{data, Catalog};
    data::catalog()
        .or_else(|_| data::install(Catalog::from_files(data::FILES).expect("data/ loads")))
        .expect("catalog")
}

fn window() -> web_sys::Window {
    web_sys::window().expect("a window")
}

fn document() -> web_sys::Document {
    window().document().expect("a document")
}

/// The site root the tests pretend to be served from: a folder of the test server's origin,
/// set as the document's `<base href>` exactly as every prerendered page sets it.
const ROOT: &str = "/cris-atlas-test/";

fn ensure_base() {
    if document().query_selector("base").ok().flatten().is_none() {
        let base = document().create_element("base").expect("base");
        base.set_attribute("href", ROOT).expect("href");
        document()
            .head()
            .expect("head")
            .append_child(&base)
            .expect("append");
    }
}

/// Opens the page at `url` (relative to the site root, such as `explore/?q=nova`): its island
/// is mounted on a fresh root with the page's prerendered route, as the module hydrates it, and
/// then applies the URL. (Hydration of the prerendered HTML itself is tested end to end, on the
/// built site.)
pub async fn mount(url: &str) {
    if let Some(old) = APP.with(|app| app.borrow_mut().take()) {
        old.destroy();
    }
    if let Some(old) = document().get_element_by_id("test-root") {
        old.remove();
    }
    ensure_base();
    window()
        .history()
        .expect("history")
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url))
        .expect("replaceState");
    let route = cris_atlas::browser::current_route();
    assert!(
        is_island(&route),
        "{url} is a static page: test it natively or end to end"
    );
    let catalog = CatalogRef(catalog());
    let props = || IslandProps {
        catalog,
        route: route.prerendered(),
    };
    // The island applies the URL once mounted.
    let root = document().create_element("div").expect("div");
    root.set_id("test-root");
    document()
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    let handle = yew::Renderer::<Island>::with_root_and_props(root, props()).render();
    APP.with(|app| *app.borrow_mut() = Some(handle));
    yew::scheduler::flush().await;
}

// ---- find ----

/// The one element with this `data-testid`; panics with the ID if absent.
pub fn find(testid: &str) -> Element {
    try_find(testid).unwrap_or_else(|| panic!("no element with data-testid={testid}"))
}

/// The element with this `data-testid`, if any.
pub fn try_find(testid: &str) -> Option<Element> {
    document()
        .query_selector(&format!("[data-testid=\"{testid}\"]"))
        .ok()
        .flatten()
}

/// Every element with this `data-testid`.
pub fn find_all(testid: &str) -> Vec<Element> {
    let list = document()
        .query_selector_all(&format!("[data-testid=\"{testid}\"]"))
        .expect("selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

/// The text of the element with this `data-testid`.
pub fn text(testid: &str) -> String {
    find(testid).text_content().unwrap_or_default()
}

/// The page's URL relative to the site root, such as `explore/?q=nova`.
pub fn url() -> String {
    cris_atlas::browser::relative_url()
}

// ---- act ----

fn dispatch(target: &Element, event: &web_sys::Event) {
    target.dispatch_event(event).expect("dispatch");
}

/// Resolves when the window's next `popstate` event (Back or Forward) fires.
fn next_history_change() -> JsFuture {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let once = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        });
        let options = web_sys::AddEventListenerOptions::new();
        options.set_once(true);
        window()
            .add_event_listener_with_callback_and_add_event_listener_options(
                "popstate",
                once.unchecked_ref(),
                &options,
            )
            .expect("listen");
    });
    JsFuture::from(promise)
}

/// Types `value` into the input or textarea with this `data-testid`, as one input event.
pub async fn type_into(testid: &str, value: &str) {
    let element = find(testid);
    match element.dyn_ref::<HtmlInputElement>() {
        Some(input) => input.set_value(value),
        None => element
            .dyn_ref::<web_sys::HtmlTextAreaElement>()
            .expect("an input or a textarea")
            .set_value(value),
    }
    let event = web_sys::InputEvent::new("input").expect("event");
    dispatch(&element, &event);
    yew::scheduler::flush().await;
}

/// Chooses `value` in the select with this `data-testid` (the page updates its URL at once).
pub async fn choose(testid: &str, value: &str) {
    let select: HtmlSelectElement = find(testid).dyn_into().expect("a select");
    select.set_value(value);
    assert_eq!(select.value(), value, "{testid} has no option {value}");
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict("change", &init).expect("event");
    dispatch(&select, &event);
    yew::scheduler::flush().await;
}

/// Chooses `value` in the select with this `data-testid` (one that does not navigate).
pub async fn select_value(testid: &str, value: &str) {
    let select: HtmlSelectElement = find(testid).dyn_into().expect("a select");
    select.set_value(value);
    assert_eq!(select.value(), value, "{testid} has no option {value}");
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict("change", &init).expect("event");
    dispatch(&select, &event);
    yew::scheduler::flush().await;
}

/// Clicks the element with this `data-testid` (a button, a radio, a checkbox).
pub async fn click(testid: &str) {
    let el: HtmlElement = find(testid).dyn_into().expect("an HTML element");
    el.click();
    yew::scheduler::flush().await;
}

/// Empties browser storage, so a test starts with no saved plan.
pub fn clear_storage() {
    if let Ok(Some(storage)) = window().local_storage() {
        storage.clear().expect("clear storage");
    }
}

/// Writes a raw value into browser storage.
pub fn put_storage(key: &str, value: &str) {
    let storage = window().local_storage().expect("storage").expect("storage");
    storage.set_item(key, value).expect("set item");
}

/// Reads a raw value from browser storage.
pub fn get_storage(key: &str) -> Option<String> {
    window()
        .local_storage()
        .ok()
        .flatten()?
        .get_item(key)
        .ok()
        .flatten()
}

/// Presses the browser's Back button and waits for the app to follow.
pub async fn back() {
    let changed = next_history_change();
    window().history().expect("history").back().expect("back");
    changed.await.expect("popstate");
    yew::scheduler::flush().await;
}

// ---- check ----

/// Asserts the number of elements with this `data-testid`.
pub fn assert_count(testid: &str, expected: usize) {
    let found = find_all(testid).len();
    assert_eq!(found, expected, "elements with data-testid={testid}");
}

/// Resolves with the text of the element with this `data-testid` once it is not empty, waiting
/// on DOM mutations (for results that arrive with a browser promise, such as a clipboard write).
pub async fn text_when_filled(testid: &str) -> String {
    let target = find(testid);
    if !target.text_content().unwrap_or_default().is_empty() {
        return target.text_content().unwrap_or_default();
    }
    let watched = target.clone();
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let seen = watched.clone();
        let callback = Closure::<dyn FnMut(js_sys::Array, web_sys::MutationObserver)>::new(
            move |_: js_sys::Array, observer: web_sys::MutationObserver| {
                if !seen.text_content().unwrap_or_default().is_empty() {
                    observer.disconnect();
                    let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
                }
            },
        );
        let observer =
            web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()).expect("observer");
        callback.forget();
        let options = web_sys::MutationObserverInit::new();
        options.set_child_list(true);
        options.set_character_data(true);
        options.set_subtree(true);
        observer
            .observe_with_options(&watched, &options)
            .expect("observe");
    });
    JsFuture::from(promise).await.expect("text appears");
    target.text_content().unwrap_or_default()
}

/// The current value of the input, select or textarea with this `data-testid`.
pub fn value_of(testid: &str) -> String {
    let element = find(testid);
    if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
        return input.value();
    }
    if let Some(select) = element.dyn_ref::<HtmlSelectElement>() {
        return select.value();
    }
    element
        .dyn_ref::<web_sys::HtmlTextAreaElement>()
        .map(|t| t.value())
        .unwrap_or_else(|| panic!("data-testid={testid} has no value"))
}

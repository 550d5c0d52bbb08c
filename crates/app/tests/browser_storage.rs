//! Browser tests of the saved plan in headless Chromium: each of the ways a plan used to be lost
//! (a failed read saving an empty plan over it, the failure's message disappearing, an unreadable
//! plan that storage has no room to back up, that plan overwritten by the next save, a second
//! unreadable plan replacing the first one's backup, two tabs saving over each other), and another
//! tab's save shown through the `storage` event. Storage failures are made by replacing the
//! browser's own `Storage` methods for the length of a test.
#![cfg(target_arch = "wasm32")]

mod browser_support;

use browser_support::*;
use cris_atlas::state::{BACKUP_PREFIX, PLAN_KEY};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const ONE: &str = r#"{"version":1,"workloads":[{"name":"One","model_id":"amazon.nova-lite-v1:0","source_region":"us-east-1","residency":{"kind":"none"},"traffic":"steady","sla":"best_effort"}]}"#;
const TWO: &str = r#"{"version":1,"workloads":[{"name":"A","model_id":"amazon.nova-lite-v1:0","source_region":"us-east-1","residency":{"kind":"none"},"traffic":"steady","sla":"best_effort"},{"name":"B","model_id":"amazon.nova-lite-v1:0","source_region":"us-east-1","residency":{"kind":"none"},"traffic":"spiky","sla":"best_effort"}]}"#;
const UNREADABLE: &str = r#"{"version":1,"workloads":[{"name":"Kept","model_id":"acme.gone"}]}"#;

fn run_js(body: &str) {
    js_sys::Function::new_no_args(body)
        .call0(&wasm_bindgen::JsValue::NULL)
        .expect("script runs");
}

/// While alive, the browser's storage misbehaves as set up; dropping it restores it.
struct Broken;

impl Broken {
    /// Every `localStorage.getItem` throws, as when storage is blocked or corrupt.
    fn reads() -> Broken {
        run_js(
            "window.__atlasGet = Storage.prototype.getItem;
             Storage.prototype.getItem = function () { throw new DOMException('denied', 'SecurityError'); };",
        );
        Broken
    }

    /// Writes of backups are refused as over quota, as for a large plan in full storage.
    fn backup_writes() -> Broken {
        run_js(&format!(
            "window.__atlasSet = Storage.prototype.setItem;
             Storage.prototype.setItem = function (k, v) {{
               if (String(k).startsWith('{BACKUP_PREFIX}')) throw new DOMException('full', 'QuotaExceededError');
               return window.__atlasSet.call(this, k, v);
             }};"
        ));
        Broken
    }
}

impl Drop for Broken {
    fn drop(&mut self) {
        run_js(
            "if (window.__atlasGet) { Storage.prototype.getItem = window.__atlasGet; delete window.__atlasGet; }
             if (window.__atlasSet) { Storage.prototype.setItem = window.__atlasSet; delete window.__atlasSet; }",
        );
    }
}

/// Every backup kept in storage: (key, text), oldest first.
fn backups() -> Vec<(String, String)> {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let mut found: Vec<(String, String)> = (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(BACKUP_PREFIX))
        .map(|k| {
            let v = storage.get_item(&k).unwrap().unwrap_or_default();
            (k, v)
        })
        .collect();
    found.sort();
    found
}

fn disabled(testid: &str) -> bool {
    find(testid).has_attribute("disabled")
}

/// Tries to change the plan every way the page offers: add, and import a pasted plan.
async fn try_to_change_the_plan() {
    if !disabled("plan-add") {
        click("plan-add").await;
    }
    type_into("plan-paste", TWO).await;
    click("plan-import").await;
}

/// Another tab's save: storage changes and the browser fires `storage` in this one.
async fn other_tab_saves(text: &str) {
    put_storage(PLAN_KEY, text);
    let event = web_sys::Event::new("storage").expect("event");
    web_sys::window()
        .unwrap()
        .dispatch_event(&event)
        .expect("dispatch");
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn a_failed_read_never_saves_over_the_stored_plan() {
    clear_storage();
    put_storage(PLAN_KEY, ONE);
    {
        let _broken = Broken::reads();
        mount("plan/").await;
        assert!(disabled("plan-add"), "read-only until storage is read");
        try_to_change_the_plan().await;
    }
    assert_eq!(get_storage(PLAN_KEY).as_deref(), Some(ONE));
    // Once storage reads again, the plan is there.
    click("storage-retry").await;
    assert_count("plan-row", 1);
    assert!(try_find("storage-notice").is_none());
}

#[wasm_bindgen_test]
async fn a_failed_read_stays_reported_until_the_user_chooses() {
    clear_storage();
    put_storage(PLAN_KEY, ONE);
    let _broken = Broken::reads();
    mount("plan/").await;
    yew::scheduler::flush().await;
    try_to_change_the_plan().await;
    assert!(
        text("storage-notice").contains("could not be read"),
        "the message stays"
    );
    assert!(text("error-panel").contains("choose what becomes of it"));
    // Going on without storage is a choice: the page then works and says it is not saving.
    click("storage-detach").await;
    assert!(try_find("storage-notice").is_none());
    assert!(try_find("storage-detached").is_some());
    assert!(!disabled("plan-add"));
}

#[wasm_bindgen_test]
async fn an_unreadable_plan_that_cannot_be_backed_up_is_downloaded_before_it_can_go() {
    clear_storage();
    put_storage(PLAN_KEY, UNREADABLE);
    let _broken = Broken::backup_writes();
    mount("plan/").await;
    click("storage-backup").await;
    assert!(
        text("storage-notice").contains("download it first"),
        "{}",
        text("storage-notice")
    );
    assert!(
        disabled("storage-discard"),
        "not discarded before a download"
    );
    assert!(backups().is_empty());
    assert_eq!(get_storage(PLAN_KEY).as_deref(), Some(UNREADABLE));
    click("storage-download").await;
    click("storage-discard").await;
    assert_eq!(get_storage(PLAN_KEY), None);
    assert!(try_find("storage-notice").is_none());
    assert!(!disabled("plan-add"));
}

#[wasm_bindgen_test]
async fn an_unreadable_plan_is_not_overwritten_by_the_next_save() {
    clear_storage();
    put_storage(PLAN_KEY, UNREADABLE);
    let _broken = Broken::backup_writes();
    mount("plan/").await;
    try_to_change_the_plan().await;
    assert_eq!(get_storage(PLAN_KEY).as_deref(), Some(UNREADABLE));
    assert!(text("error-panel").contains("choose what becomes of it"));
    assert!(try_find("plan-empty").is_some());
}

#[wasm_bindgen_test]
async fn a_second_unreadable_plan_keeps_the_first_ones_backup() {
    clear_storage();
    let second = UNREADABLE.replace("Kept", "Also kept");
    for text in [UNREADABLE, second.as_str()] {
        put_storage(PLAN_KEY, text);
        mount("plan/").await;
        click("storage-backup").await;
        assert!(
            find("storage-note")
                .text_content()
                .unwrap_or_default()
                .contains(BACKUP_PREFIX),
            "the note names the key"
        );
        assert_eq!(get_storage(PLAN_KEY), None);
    }
    let kept: Vec<String> = backups().into_iter().map(|(_, v)| v).collect();
    assert_eq!(kept, [UNREADABLE.to_owned(), second]);
}

#[wasm_bindgen_test]
async fn a_save_never_overwrites_another_tabs_newer_plan_unannounced() {
    clear_storage();
    put_storage(PLAN_KEY, ONE);
    mount("plan/").await;
    assert_count("plan-row", 1);
    // Another tab saves; this page has not heard of it yet when the user changes the plan.
    put_storage(PLAN_KEY, TWO);
    click("plan-duplicate").await;
    assert_eq!(get_storage(PLAN_KEY).as_deref(), Some(TWO));
    assert!(text("storage-notice").contains("another tab"));
    click("storage-theirs").await;
    assert_count("plan-row", 2);
    assert!(try_find("storage-notice").is_none());

    // Or the user keeps this page's plan, knowingly.
    put_storage(PLAN_KEY, ONE);
    click("plan-duplicate").await;
    assert!(try_find("storage-notice").is_some());
    click("storage-mine").await;
    assert!(try_find("storage-notice").is_none());
    assert_count("plan-row", 3);
    let saved = get_storage(PLAN_KEY).unwrap_or_default();
    assert_eq!(saved.matches("\"name\"").count(), 3, "{saved}");
}

#[wasm_bindgen_test]
async fn another_tabs_save_is_shown_here() {
    clear_storage();
    put_storage(PLAN_KEY, ONE);
    mount("plan/").await;
    assert_count("plan-row", 1);
    other_tab_saves(TWO).await;
    assert_count("plan-row", 2);
    assert!(try_find("storage-notice").is_none());
    // And this page's next change is saved over it, since this page has seen it.
    click("plan-duplicate").await;
    assert_count("plan-row", 3);
    let saved = get_storage(PLAN_KEY).unwrap_or_default();
    assert_eq!(saved.matches("\"name\"").count(), 3, "{saved}");
}

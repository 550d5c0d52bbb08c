//! The stored plan's rules as plain domain types: what the page shows and may save after each
//! storage outcome and user choice, and unique workload names in the planner.
#![cfg(not(target_arch = "wasm32"))]

use atlas_core::catalog::data;
use atlas_core::catalog::Catalog;
use atlas_core::plan::planner::{Action, Planner};
use atlas_core::plan::stored::{backup_key, Event, Persisted, Sync, BACKUP_PREFIX};
use atlas_core::plan::wizard::{Answer, Field, WizardAction};
use atlas_core::plan::Plan;

fn catalog() -> &'static Catalog {
    data::catalog().expect("catalog")
}

const ONE: &str = r#"{"version":1,"workloads":[{"name":"One","model_id":"amazon.nova-lite-v1:0","source_region":"us-east-1","residency":{"kind":"none"},"traffic":"steady","sla":"best_effort"}]}"#;

fn read(text: Option<&str>) -> Persisted<'static> {
    let mut state = Persisted::default();
    state.apply(Event::Read(Ok(text.map(str::to_owned))), catalog());
    state
}

fn first_id(state: &Persisted<'_>) -> atlas_core::plan::planner::WorkloadId {
    state.planner.entries[0].id
}

#[test]
fn nothing_is_saved_before_storage_is_read() {
    let mut state = Persisted::default();
    state.apply(Event::Act(Action::StartAdd), catalog());
    assert_eq!(state.to_save(), None);
}

#[test]
fn a_read_plan_is_saved_only_when_it_changes_and_only_over_what_was_read() {
    let mut state = read(Some(ONE));
    assert_eq!(state.planner.entries.len(), 1);
    assert_eq!(state.to_save(), None, "reading saves nothing");
    let id = first_id(&state);
    state.apply(Event::Act(Action::Duplicate(id)), catalog());
    let (expected, json) = state.to_save().expect("a change to save");
    assert_eq!(expected, Some(ONE));
    state.apply(Event::Saved(json.clone()), catalog());
    assert_eq!(state.to_save(), None);
    assert_eq!(
        state.sync,
        Sync::Synced {
            seen: Some(json.clone()),
            saved: json
        }
    );
}

#[test]
fn a_failed_read_makes_the_plan_read_only_until_a_choice() {
    let mut state = Persisted::default();
    state.apply(Event::Read(Err("blocked".into())), catalog());
    assert!(state.read_only());
    assert!(!state.apply(Event::Act(Action::StartAdd), catalog()));
    assert_eq!(state.to_save(), None);
    // Saving failing afterwards does not clear the report.
    state.apply(Event::Read(Ok(Some(ONE.into()))), catalog());
    assert!(!state.read_only());
    assert_eq!(state.planner.entries.len(), 1);

    let mut detached = Persisted::default();
    detached.apply(Event::Read(Err("blocked".into())), catalog());
    detached.apply(Event::Detach, catalog());
    assert!(detached.apply(Event::Act(Action::StartAdd), catalog()));
    assert_eq!(detached.to_save(), None, "nothing is written once detached");
}

#[test]
fn an_unreadable_plan_is_kept_until_backed_up_or_downloaded_and_discarded() {
    let mut state = read(Some("{ not a plan"));
    let Sync::Unreadable { text, .. } = &state.sync else {
        panic!("{:?}", state.sync)
    };
    assert_eq!(text, "{ not a plan");
    assert!(state.read_only() && state.to_save().is_none());
    state.apply(Event::BackupRefused("full".into()), catalog());
    assert!(state.read_only(), "a refused backup changes nothing");
    state.apply(Event::Downloaded, catalog());
    assert!(matches!(
        state.sync,
        Sync::Unreadable {
            downloaded: true,
            ..
        }
    ));
    state.apply(Event::Discarded, catalog());
    assert!(!state.read_only());

    let mut backed_up = read(Some("{ not a plan"));
    backed_up.apply(Event::BackedUp(format!("{BACKUP_PREFIX}t")), catalog());
    assert!(!backed_up.read_only());
    assert!(backed_up
        .note
        .as_deref()
        .unwrap_or("")
        .contains(BACKUP_PREFIX));
}

#[test]
fn another_tabs_save_is_shown_unless_this_page_has_unsaved_work() {
    let other = ONE.replace("One", "Other");
    let mut idle = read(Some(ONE));
    idle.apply(Event::Changed(Ok(Some(other.clone()))), catalog());
    assert_eq!(idle.planner.entries[0].workload.name(), "Other");
    assert_eq!(idle.to_save(), None, "what was read is not written back");

    let mut editing = read(Some(ONE));
    editing.apply(Event::Act(Action::StartAdd), catalog());
    editing.apply(Event::Changed(Ok(Some(other.clone()))), catalog());
    assert_eq!(
        editing.sync,
        Sync::Conflict {
            theirs: Some(other)
        }
    );
    assert_eq!(editing.planner.entries[0].workload.name(), "One");
    assert_eq!(editing.to_save(), None, "nothing saved in a conflict");
    editing.apply(Event::TakeTheirs, catalog());
    assert_eq!(editing.planner.entries[0].workload.name(), "Other");
}

#[test]
fn backup_keys_are_named_by_time_and_never_reused() {
    let taken = [format!("{BACKUP_PREFIX}T"), format!("{BACKUP_PREFIX}T-2")];
    assert_eq!(
        backup_key("T", |k| taken.iter().any(|t| t == k)),
        format!("{BACKUP_PREFIX}T-3")
    );
    assert_eq!(backup_key("U", |_| false), format!("{BACKUP_PREFIX}U"));
}

#[test]
fn the_planner_keeps_workload_names_unique() {
    let c = catalog();
    let mut planner = Planner::from_plan(Plan::parse(ONE, c).expect("plan"));
    let id = planner.entries[0].id;
    planner.apply(Action::Duplicate(id), c);
    planner.apply(Action::Duplicate(id), c);
    let names: Vec<&str> = planner.entries.iter().map(|e| e.workload.name()).collect();
    assert_eq!(names, ["One", "One (copy) (2)", "One (copy)"]);
    // Editing the copy to the original's name is refused in the wizard, on the name's step.
    let copy = planner.entries[1].id;
    planner.apply(Action::StartEdit(copy), c);
    planner.apply(
        Action::Wizard(WizardAction::Answer(Answer::Name("One".into()))),
        c,
    );
    planner.apply(Action::Wizard(WizardAction::Save), c);
    let (_, wizard) = planner.wizard.as_ref().expect("the wizard stays open");
    assert_eq!(wizard.shown_problems[0].field, Field::Name);
    assert_eq!(planner.entries[1].workload.name(), "One (copy) (2)");
    // And the saved plan reads back.
    assert!(Plan::parse(&planner.plan().to_json(), c).is_ok());
}

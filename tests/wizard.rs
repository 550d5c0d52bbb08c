//! The wizard and the plan workflow as plain domain types: transitions, validation per field,
//! completion into a typed workload, and the planner's add, edit, duplicate, delete, undo and
//! reorder.
#![cfg(not(target_arch = "wasm32"))]

use cris_atlas::data;
use cris_atlas::domain::catalog::Catalog;
use cris_atlas::domain::plan::{Plan, Sla, Traffic};
use cris_atlas::domain::planner::{Action, Planner};
use cris_atlas::domain::residency::Residency;
use cris_atlas::domain::wizard::{Answer, Field, ResidencyKind, Step, Wizard};

fn catalog() -> &'static Catalog {
    data::catalog().expect("catalog")
}

fn answer_all(w: &mut Wizard) {
    let c = catalog();
    w.answer(Answer::Name("Chat".into()), c);
    w.answer(Answer::Model("amazon.nova-lite-v1:0".into()), c);
    w.answer(Answer::SourceRegion("eu-west-3".into()), c);
}

#[test]
fn each_step_blocks_until_its_fields_are_valid() {
    let c = catalog();
    let mut w = Wizard::new();
    assert!(!w.next(c));
    assert_eq!(w.step, Step::Workload);
    let fields: Vec<Field> = w.shown_problems.iter().map(|p| p.field).collect();
    assert_eq!(fields, [Field::Name, Field::Model, Field::SourceRegion]);
    // Fixing a field clears its problem at once.
    w.answer(Answer::Name("Chat".into()), c);
    assert!(!w.shown_problems.iter().any(|p| p.field == Field::Name));
    w.answer(Answer::Model("acme.missing".into()), c);
    assert!(w
        .shown_problems
        .iter()
        .any(|p| p.field == Field::Model && p.message.contains("acme.missing")));
    answer_all(&mut w);
    assert!(w.next(c));
    assert_eq!(w.step, Step::Residency);
    // Residency: a chosen kind needs its value.
    w.answer(Answer::ResidencyKind(ResidencyKind::Country), c);
    assert!(!w.next(c));
    assert_eq!(w.shown_problems[0].field, Field::Residency);
    w.answer(Answer::Country("FR".into()), c);
    assert!(w.next(c));
    assert!(!w.next(c), "traffic must be chosen");
    w.answer(Answer::Traffic(Traffic::Spiky), c);
    assert!(w.next(c));
    w.answer(Answer::Sla(Sla::BestEffort), c);
    assert!(w.next(c));
    assert_eq!(w.step, Step::Policy);
    w.answer(Answer::RestrictRegions(true), c);
    assert!(!w.next(c), "a restriction needs Regions");
    w.answer(Answer::ToggleAllowedRegion("eu-west-3".into()), c);
    assert!(w.next(c));
    assert_eq!(w.step, Step::Review);
    assert!(w.next(c), "the review is the last step");
    assert_eq!(w.step, Step::Review);
}

#[test]
fn back_keeps_answers_and_go_to_needs_valid_earlier_steps() {
    let c = catalog();
    let mut w = Wizard::new();
    answer_all(&mut w);
    assert!(w.next(c));
    w.back();
    assert_eq!(w.step, Step::Workload);
    assert_eq!(w.draft.name, "Chat");
    w.back();
    assert_eq!(w.step, Step::Workload);
    assert!(!w.go_to(Step::Review, c), "traffic and SLA are missing");
    assert!(w.go_to(Step::Traffic, c));
    assert_eq!(w.step, Step::Traffic);
}

#[test]
fn complete_builds_the_typed_workload() {
    let c = catalog();
    let mut w = Wizard::new();
    answer_all(&mut w);
    let problems = w.draft.complete(c).unwrap_err();
    assert_eq!(
        problems.iter().map(|p| p.field).collect::<Vec<_>>(),
        [Field::Traffic, Field::Sla]
    );
    w.answer(Answer::Traffic(Traffic::Steady), c);
    w.answer(Answer::Sla(Sla::Guaranteed), c);
    w.answer(Answer::ResidencyKind(ResidencyKind::Regions), c);
    w.answer(Answer::ToggleRegion("eu-west-3".into()), c);
    w.answer(Answer::ToggleRegion("eu-west-1".into()), c);
    w.answer(Answer::ToggleRegion("eu-west-1".into()), c);
    w.answer(Answer::AllowsGlobal(false), c);
    let workload = w.draft.complete(c).expect("complete");
    assert_eq!(workload.name, "Chat");
    assert_eq!(
        workload.residency,
        Residency::Regions {
            codes: vec!["eu-west-3".into()]
        }
    );
    let policy = workload.org_policy.clone().expect("policy");
    assert!(!policy.allows_global);
    assert_eq!(policy.allowed_regions, None);
    // A draft made from the workload gives the same workload back.
    let again = cris_atlas::domain::wizard::Draft::from_workload(&workload)
        .complete(c)
        .unwrap();
    assert_eq!(again, workload);
}

fn planner_with(names: &[&str]) -> Planner {
    let workloads: Vec<String> = names
        .iter()
        .map(|n| format!(r#"{{"name":"{n}","model_id":"amazon.nova-lite-v1:0","source_region":"us-east-1","residency":{{"kind":"none"}},"traffic":"steady","sla":"best_effort"}}"#))
        .collect();
    let text = format!(r#"{{"version":1,"workloads":[{}]}}"#, workloads.join(","));
    Planner::from_plan(Plan::parse(&text, catalog()).expect("plan"))
}

fn names(p: &Planner) -> Vec<String> {
    p.entries.iter().map(|e| e.workload.name.clone()).collect()
}

#[test]
fn planner_adds_edits_and_reorders() {
    let c = catalog();
    let mut p = planner_with(&["A", "B"]);
    assert!(p.apply(Action::StartAdd, c));
    for a in [
        Answer::Name("C".into()),
        Answer::Model("amazon.nova-lite-v1:0".into()),
        Answer::SourceRegion("us-west-2".into()),
        Answer::Traffic(Traffic::Spiky),
        Answer::Sla(Sla::BestEffort),
    ] {
        p.apply(Action::Answer(a), c);
    }
    assert!(p.apply(Action::Save, c));
    assert!(p.wizard.is_none());
    assert_eq!(names(&p), ["A", "B", "C"]);
    assert_eq!(
        p.selected_entry().map(|e| e.workload.name.as_str()),
        Some("C")
    );
    let c_id = p.entries[2].id;
    assert!(p.apply(Action::MoveUp(c_id), c));
    assert_eq!(names(&p), ["A", "C", "B"]);
    assert!(p.apply(Action::MoveUp(c_id), c));
    assert!(
        !p.apply(Action::MoveUp(c_id), c),
        "already first: nothing changes"
    );
    p.apply(Action::StartEdit(c_id), c);
    p.apply(Action::Answer(Answer::Name("C2".into())), c);
    p.apply(Action::Save, c);
    assert_eq!(names(&p), ["C2", "A", "B"]);
}

#[test]
fn saving_an_incomplete_draft_shows_the_first_step_with_problems() {
    let c = catalog();
    let mut p = planner_with(&[]);
    p.apply(Action::StartAdd, c);
    p.apply(Action::Answer(Answer::Name("X".into())), c);
    p.apply(Action::Save, c);
    let (_, w) = p.wizard.as_ref().expect("still open");
    assert_eq!(w.step, Step::Workload);
    assert!(w.shown_problems.iter().any(|pr| pr.field == Field::Model));
    assert!(p.entries.is_empty());
}

#[test]
fn delete_is_undoable_and_duplicate_inserts_a_copy() {
    let c = catalog();
    let mut p = planner_with(&["A", "B", "C"]);
    let b = p.entries[1].id;
    p.apply(Action::Duplicate(b), c);
    assert_eq!(names(&p), ["A", "B", "B (copy)", "C"]);
    p.apply(Action::Select(b), c);
    p.apply(Action::Delete(b), c);
    assert_eq!(names(&p), ["A", "B (copy)", "C"]);
    assert_eq!(
        p.selected_entry().map(|e| e.workload.name.as_str()),
        Some("B (copy)")
    );
    assert!(p.apply(Action::Undo, c));
    assert_eq!(names(&p), ["A", "B", "B (copy)", "C"]);
    assert!(!p.apply(Action::Undo, c), "one undo per deletion");
    assert_eq!(p.plan().workloads.len(), 4);
}

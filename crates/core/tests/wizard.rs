//! The wizard and the plan workflow as plain domain types: transitions, validation per field,
//! completion into a typed workload, and the planner's add, edit, duplicate, delete, undo and
//! reorder.
#![cfg(not(target_arch = "wasm32"))]

use atlas_core::catalog::data;
use atlas_core::catalog::ids::{CountryCode, ModelId, RegionCode};
use atlas_core::catalog::residency::Residency;
use atlas_core::catalog::Catalog;
use atlas_core::plan::planner::{Action, Planner};
use atlas_core::plan::wizard::{
    Answer, Field, ResidencyKind, Step, Wizard, WizardAction, WizardOutcome,
};
use atlas_core::plan::{Plan, Sla, Traffic};

fn catalog() -> &'static Catalog {
    data::catalog().expect("catalog")
}

/// Answers one question.
fn answer(w: &mut Wizard, answer: Answer, c: &'static Catalog) {
    assert_eq!(
        w.apply(WizardAction::Answer(answer), c),
        WizardOutcome::Open
    );
}

/// Presses Next; whether the step changed.
fn next(w: &mut Wizard, c: &'static Catalog) -> bool {
    let before = w.step;
    assert_eq!(w.apply(WizardAction::Next, c), WizardOutcome::Open);
    w.step != before
}

/// Jumps to a step; whether the wizard is there now.
fn go_to(w: &mut Wizard, step: Step, c: &'static Catalog) -> bool {
    w.apply(WizardAction::GoTo(step), c);
    w.step == step
}

fn region(code: &str) -> RegionCode {
    RegionCode::new(code)
}

fn answer_all(w: &mut Wizard) {
    let c = catalog();
    answer(w, Answer::Name("Chat".into()), c);
    answer(w, Answer::Model(ModelId::new("amazon.nova-lite-v1:0")), c);
    answer(w, Answer::SourceRegion(Some(region("eu-west-3"))), c);
}

#[test]
fn each_step_blocks_until_its_fields_are_valid() {
    let c = catalog();
    let mut w = Wizard::new();
    assert!(!next(&mut w, c));
    assert_eq!(w.step, Step::Workload);
    let fields: Vec<Field> = w.shown_problems.iter().map(|p| p.field).collect();
    assert_eq!(fields, [Field::Name, Field::Model, Field::SourceRegion]);
    // Fixing a field clears its problem at once.
    answer(&mut w, Answer::Name("Chat".into()), c);
    assert!(!w.shown_problems.iter().any(|p| p.field == Field::Name));
    answer(&mut w, Answer::Model(ModelId::new("acme.missing")), c);
    assert!(w
        .shown_problems
        .iter()
        .any(|p| p.field == Field::Model && p.message.contains("acme.missing")));
    answer_all(&mut w);
    assert!(next(&mut w, c));
    assert_eq!(w.step, Step::Residency);
    // Residency: a chosen kind needs its value.
    answer(&mut w, Answer::ResidencyKind(ResidencyKind::Country), c);
    assert!(!next(&mut w, c));
    assert_eq!(w.shown_problems[0].field, Field::Residency);
    answer(&mut w, Answer::Country(Some(CountryCode::new("FR"))), c);
    assert!(next(&mut w, c));
    assert!(!next(&mut w, c), "traffic must be chosen");
    answer(&mut w, Answer::Traffic(Traffic::Spiky), c);
    assert!(next(&mut w, c));
    answer(&mut w, Answer::Sla(Sla::BestEffort), c);
    assert!(next(&mut w, c));
    assert_eq!(w.step, Step::Policy);
    answer(&mut w, Answer::RestrictRegions(true), c);
    assert!(!next(&mut w, c), "a restriction needs Regions");
    answer(&mut w, Answer::ToggleAllowedRegion(region("eu-west-3")), c);
    assert!(next(&mut w, c));
    assert_eq!(w.step, Step::Review);
    assert!(!next(&mut w, c), "the review is the last step");
    assert_eq!(w.step, Step::Review);
    assert!(
        w.shown_problems.is_empty(),
        "a complete review has nothing to show"
    );
}

#[test]
fn back_keeps_answers_and_go_to_needs_valid_earlier_steps() {
    let c = catalog();
    let mut w = Wizard::new();
    answer_all(&mut w);
    assert!(next(&mut w, c));
    w.apply(WizardAction::Back, c);
    assert_eq!(w.step, Step::Workload);
    assert_eq!(w.draft.name, "Chat");
    w.apply(WizardAction::Back, c);
    assert_eq!(w.step, Step::Workload);
    assert!(
        !go_to(&mut w, Step::Review, c),
        "traffic and SLA are missing"
    );
    assert!(go_to(&mut w, Step::Traffic, c));
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
    answer(&mut w, Answer::Traffic(Traffic::Steady), c);
    answer(&mut w, Answer::Sla(Sla::Guaranteed), c);
    answer(&mut w, Answer::ResidencyKind(ResidencyKind::Regions), c);
    answer(&mut w, Answer::ToggleRegion(region("eu-west-3")), c);
    answer(&mut w, Answer::ToggleRegion(region("eu-west-1")), c);
    answer(&mut w, Answer::ToggleRegion(region("eu-west-1")), c);
    answer(&mut w, Answer::AllowsGlobal(false), c);
    let workload = w.draft.complete(c).expect("complete");
    assert_eq!(workload.name(), "Chat");
    assert_eq!(
        workload.spec().residency,
        Residency::Regions {
            codes: vec![region("eu-west-3")]
        }
    );
    let policy = workload.spec().org_policy.clone().expect("policy");
    assert!(!policy.allows_global);
    assert_eq!(policy.allowed_regions, None);
    // A draft made from the workload gives the same workload back.
    let again = atlas_core::plan::wizard::Draft::from_workload(&workload)
        .complete(c)
        .unwrap();
    assert_eq!(again, workload);
}

fn planner_with(names: &[&str]) -> Planner<'static> {
    let workloads: Vec<String> = names
        .iter()
        .map(|n| format!(r#"{{"name":"{n}","model_id":"amazon.nova-lite-v1:0","source_region":"us-east-1","residency":{{"kind":"none"}},"traffic":"steady","sla":"best_effort"}}"#))
        .collect();
    let text = format!(r#"{{"version":1,"workloads":[{}]}}"#, workloads.join(","));
    Planner::from_plan(Plan::parse(&text, catalog()).expect("plan"))
}

fn names(p: &Planner<'_>) -> Vec<String> {
    p.entries
        .iter()
        .map(|e| e.workload.name().to_owned())
        .collect()
}

fn wizard(p: &mut Planner<'static>, action: WizardAction, c: &'static Catalog) -> bool {
    p.apply(Action::Wizard(action), c)
}

#[test]
fn planner_adds_edits_and_reorders() {
    let c = catalog();
    let mut p = planner_with(&["A", "B"]);
    assert!(p.apply(Action::StartAdd, c));
    for a in [
        Answer::Name("C".into()),
        Answer::Model(ModelId::new("amazon.nova-lite-v1:0")),
        Answer::SourceRegion(Some(region("us-west-2"))),
        Answer::Traffic(Traffic::Spiky),
        Answer::Sla(Sla::BestEffort),
    ] {
        wizard(&mut p, WizardAction::Answer(a), c);
    }
    assert!(wizard(&mut p, WizardAction::Save, c));
    assert!(p.wizard.is_none());
    assert_eq!(names(&p), ["A", "B", "C"]);
    assert_eq!(p.selected_entry().map(|e| e.workload.name()), Some("C"));
    let c_id = p.entries[2].id;
    assert!(p.apply(Action::MoveUp(c_id), c));
    assert_eq!(names(&p), ["A", "C", "B"]);
    assert!(p.apply(Action::MoveUp(c_id), c));
    assert!(
        !p.apply(Action::MoveUp(c_id), c),
        "already first: nothing changes"
    );
    p.apply(Action::StartEdit(c_id), c);
    wizard(&mut p, WizardAction::Answer(Answer::Name("C2".into())), c);
    wizard(&mut p, WizardAction::Save, c);
    assert_eq!(names(&p), ["C2", "A", "B"]);
}

#[test]
fn saving_an_incomplete_draft_shows_the_first_step_with_problems() {
    let c = catalog();
    let mut p = planner_with(&[]);
    p.apply(Action::StartAdd, c);
    wizard(&mut p, WizardAction::Answer(Answer::Name("X".into())), c);
    wizard(&mut p, WizardAction::Save, c);
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
        p.selected_entry().map(|e| e.workload.name()),
        Some("B (copy)")
    );
    assert!(p.apply(Action::Undo, c));
    assert_eq!(names(&p), ["A", "B", "B (copy)", "C"]);
    assert!(!p.apply(Action::Undo, c), "one undo per deletion");
    assert_eq!(p.plan().workloads.len(), 4);
}

#[test]
fn token_counts_read_as_people_write_them() {
    use atlas_core::plan::money::{usd, usd_cents};
    use atlas_core::plan::wizard::parse_tokens;
    // Columns: text, tokens (None: not a whole number of tokens).
    let rows: [(&str, Option<u64>); 12] = [
        ("20000000", Some(20_000_000)),
        ("20,000,000", Some(20_000_000)),
        ("20 000 000", Some(20_000_000)),
        ("20M", Some(20_000_000)),
        ("1.5B", Some(1_500_000_000)),
        ("500k", Some(500_000)),
        ("0.5k", Some(500)),
        ("1.0005k", None),
        ("", None),
        ("M", None),
        ("twenty", None),
        ("99999999999999999999", None),
    ];
    for (text, tokens) in rows {
        assert_eq!(parse_tokens(text), tokens, "{text:?}");
    }
    // Columns: micro-USD, as a price, to the cent.
    for (micro, price, cents) in [
        (3_000_000, "$3.00", "$3.00"),
        (35_000, "$0.035", "$0.04"),
        (1_234_567_890_000, "$1,234,567.89", "$1,234,567.89"),
        (0, "$0.00", "$0.00"),
    ] {
        assert_eq!(usd(micro), price);
        assert_eq!(usd_cents(micro), cents);
    }
}

#[test]
fn the_wizard_takes_optional_tokens_and_refuses_unreadable_ones() {
    let c = catalog();
    let mut w = Wizard::new();
    answer_all(&mut w);
    answer(&mut w, Answer::Traffic(Traffic::Steady), c);
    answer(&mut w, Answer::Sla(Sla::BestEffort), c);
    assert_eq!(w.draft.complete(c).unwrap().spec().tokens_per_month, None);
    answer(&mut w, Answer::TokensInput("20M".into()), c);
    let tokens = w
        .draft
        .complete(c)
        .unwrap()
        .spec()
        .tokens_per_month
        .unwrap();
    assert_eq!((tokens.input, tokens.output), (20_000_000, 0));
    answer(&mut w, Answer::TokensOutput("lots".into()), c);
    let problems = w.draft.complete(c).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].field, Field::Tokens);
    assert!(
        problems[0].message.contains("Output tokens"),
        "{}",
        problems[0].message
    );
}

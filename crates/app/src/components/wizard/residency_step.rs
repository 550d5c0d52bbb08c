//! Step 2: the data-residency obligation in plain words (none, a group of countries, one
//! country, named Regions) and its value, and optionally the most data retention it accepts,
//! in words of effect.

use super::field_error::FieldError;
use super::radio_group::{Choice, RadioGroup};
use super::region_checks::RegionChecks;
use super::{answer, StepProps};
use atlas_core::catalog::cite::Cite;
use atlas_core::catalog::ids::{CountryCode, GeographyId};
use atlas_core::catalog::retention::RetentionMode;
use atlas_core::plan::wizard::{Answer, Field, ResidencyKind};
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

fn chosen(e: &Event) -> Option<String> {
    let value = e.target_unchecked_into::<HtmlSelectElement>().value();
    (!value.is_empty()).then_some(value)
}

/// The second step.
#[component]
pub fn ResidencyStep(props: &StepProps) -> Html {
    let draft = &props.draft;
    let catalog = props.catalog;
    let on_action = &props.on_action;
    let choices: Rc<[Choice]> = ResidencyKind::ALL
        .iter()
        .map(|k| {
            let (label, hint) = k.label();
            Choice::new(k.key(), label, Some(hint))
        })
        .collect();
    let current = ResidencyKind::ALL
        .iter()
        .position(|k| *k == draft.residency);
    let hosting: std::collections::BTreeSet<_> =
        catalog.regions.iter().map(|r| &r.country).collect();
    let value = match draft.residency {
        ResidencyKind::None => Html::default(),
        ResidencyKind::Geography => html! {
            <div class="field">
                <label for="wz-geography">{ "Geography" }</label>
                <select id="wz-geography" data-testid="wz-geography"
                        onchange={answer(on_action, |e: Event| Answer::Geography(chosen(&e).map(GeographyId::new)))}>
                    <option value="" selected={draft.geography.is_none()}>{ "Choose a geography" }</option>
                    { for catalog.geographies.iter().map(|g| html! {
                        <option value={g.id.to_string()} selected={Some(&g.id) == draft.geography.as_ref()}>
                            { format!("{}: {}", g.name, g.description) }
                        </option>
                    }) }
                </select>
            </div>
        },
        ResidencyKind::Country => html! {
            <div class="field">
                <label for="wz-country">{ "Country" }</label>
                <select id="wz-country" data-testid="wz-country"
                        onchange={answer(on_action, |e: Event| Answer::Country(chosen(&e).map(CountryCode::new)))}>
                    <option value="" selected={draft.country.is_none()}>{ "Choose a country" }</option>
                    { for catalog.countries.iter().filter(|c| hosting.contains(&c.code)).map(|c| html! {
                        <option value={c.code.to_string()} selected={Some(&c.code) == draft.country.as_ref()}>
                            { format!("{} ({})", c.name, c.code) }
                        </option>
                    }) }
                </select>
            </div>
        },
        ResidencyKind::Regions => html! {
            <fieldset>
                <legend>{ "Allowed Regions" }</legend>
                <RegionChecks {catalog} prefix="wz-region" chosen={draft.regions.clone()}
                    on_toggle={answer(on_action, Answer::ToggleRegion)} />
            </fieldset>
        },
    };
    html! {
        <>
            <RadioGroup name="wz-residency" legend="Where may prompts be processed?" {choices} {current}
                on_pick={answer(on_action, |i: usize| Answer::ResidencyKind(ResidencyKind::ALL[i.min(3)]))}
                problems={props.problems.clone()} />
            { value }
            <FieldError problems={props.problems.clone()} field={Field::Residency} />
            { retention(props) }
        </>
    }
}

/// The optional retention question: "Not stated", then each mode in AWS's order.
fn retention(props: &StepProps) -> Html {
    let choices: Rc<[Choice]> = std::iter::once(Choice::new("unstated", "Not stated", None))
        .chain(
            RetentionMode::ALL
                .iter()
                .map(|m| Choice::new(m.key(), m.effect(), None)),
        )
        .collect();
    let current = Some(props.draft.data_retention.map_or(0, |m| {
        1 + RetentionMode::ALL
            .iter()
            .position(|x| *x == m)
            .unwrap_or_default()
    }));
    html! {
        <RadioGroup name="wz-retention" legend="How much data retention does the obligation accept?"
            {choices} {current} problems={props.problems.clone()}
            on_pick={answer(&props.on_action, |i: usize| Answer::DataRetention(i.checked_sub(1).and_then(|i| RetentionMode::ALL.get(i).copied())))}>
            <p class="hint">
                { "Optional. Some models run only where AWS keeps prompts (up to 30 days, some with human review); a model that keeps more than the obligation accepts is ruled out. " }
                <a href={Cite::DataRetention.href()} rel="noopener">{ Cite::DataRetention.title() }</a>
            </p>
        </RadioGroup>
    }
}

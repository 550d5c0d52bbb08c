//! Step 2: the data-residency obligation in plain words (none, a group of countries, one
//! country, named Regions) and its value.

use super::field_error::FieldError;
use super::radio_group::{Choice, RadioGroup};
use super::region_checks::RegionChecks;
use super::{answer, StepProps};
use atlas_core::catalog::ids::{CountryCode, GeographyId};
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
        </>
    }
}

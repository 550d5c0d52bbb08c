//! The workload wizard's view: one step at a time, problems shown per field, Back keeping every
//! answer, a review before saving. All transitions are the domain wizard's; this only renders it
//! and sends answers up.

use crate::domain::plan::{Sla, Traffic};
use crate::domain::planner::Action;
use crate::domain::wizard::{Answer, Draft, Field, Problem, ResidencyKind, Step, Wizard};
use crate::state::CatalogRef;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Properties of [`WizardPanel`].
#[derive(Properties, PartialEq)]
pub struct WizardPanelProps {
    /// The catalog, for pickers.
    pub catalog: CatalogRef,
    /// The wizard's state.
    pub wizard: Wizard,
    /// Whether it edits an existing workload.
    pub editing: bool,
    /// Sends an intent up.
    pub on_action: Callback<Action>,
}

fn problem_for(problems: &[Problem], field: Field) -> Option<&Problem> {
    problems.iter().find(|p| p.field == field)
}

fn error_id(field: Field) -> &'static str {
    match field {
        Field::Name => "wz-name-error",
        Field::Model => "wz-model-error",
        Field::SourceRegion => "wz-source-error",
        Field::Residency => "wz-residency-error",
        Field::Traffic => "wz-traffic-error",
        Field::Sla => "wz-sla-error",
        Field::AllowedRegions => "wz-allowed-error",
    }
}

fn field_error(problems: &[Problem], field: Field) -> Html {
    match problem_for(problems, field) {
        Some(p) => html! {
            <p class="field-error" id={error_id(field)} data-testid={error_id(field)}>{ &p.message }</p>
        },
        None => Html::default(),
    }
}

fn answer_on_input(
    on_action: &Callback<Action>,
    make: fn(String) -> Answer,
) -> Callback<InputEvent> {
    let on_action = on_action.clone();
    Callback::from(move |e: InputEvent| {
        let value = e.target_unchecked_into::<HtmlInputElement>().value();
        on_action.emit(Action::Answer(make(value)));
    })
}

fn answer_on_select(on_action: &Callback<Action>, make: fn(String) -> Answer) -> Callback<Event> {
    let on_action = on_action.clone();
    Callback::from(move |e: Event| {
        let value = e.target_unchecked_into::<HtmlSelectElement>().value();
        on_action.emit(Action::Answer(make(value)));
    })
}

fn answer_on_click(on_action: &Callback<Action>, answer: Answer) -> Callback<Event> {
    let on_action = on_action.clone();
    Callback::from(move |_: Event| on_action.emit(Action::Answer(answer.clone())))
}

fn answer_on_check(on_action: &Callback<Action>, make: fn(bool) -> Answer) -> Callback<Event> {
    let on_action = on_action.clone();
    Callback::from(move |e: Event| {
        let checked = e.target_unchecked_into::<HtmlInputElement>().checked();
        on_action.emit(Action::Answer(make(checked)));
    })
}

/// A radio group whose choices are (value, label, hint).
struct RadioGroup<T> {
    name: &'static str,
    legend: &'static str,
    choices: Vec<(T, String, Option<String>)>,
    current: Option<T>,
    answer: fn(T) -> Answer,
    error: Option<Field>,
}

impl<T: Copy + PartialEq + 'static> RadioGroup<T> {
    fn render(self, on_action: &Callback<Action>, problems: &[Problem]) -> Html {
        let invalid = self
            .error
            .is_some_and(|f| problem_for(problems, f).is_some());
        let name = self.name;
        html! {
            <fieldset class="choices" aria-invalid={invalid.then_some("true")}
                      aria-describedby={self.error.filter(|_| invalid).map(error_id)}>
                <legend>{ self.legend }</legend>
                { for self.choices.into_iter().enumerate().map(|(i, (value, label, hint))| {
                    let id = format!("{name}-{i}");
                    html! {
                        <div class="choice">
                            <input type="radio" {name} id={id.clone()} checked={self.current == Some(value)}
                                   data-testid={id.clone()}
                                   onchange={answer_on_click(on_action, (self.answer)(value))} />
                            <label for={id}>
                                { label }
                                if let Some(hint) = hint {
                                    <span class="hint">{ hint }</span>
                                }
                            </label>
                        </div>
                    }
                }) }
                { self.error.map(|f| field_error(problems, f)).unwrap_or_default() }
            </fieldset>
        }
    }
}

/// A list of Region checkboxes.
fn region_checkboxes(
    catalog: &CatalogRef,
    prefix: &'static str,
    chosen: &[String],
    toggle: fn(String) -> Answer,
    on_action: &Callback<Action>,
) -> Html {
    html! {
        <ul class="region-checks">
            { for catalog.regions.iter().map(|r| {
                let id = format!("{prefix}-{}", r.code);
                html! {
                    <li>
                        <input type="checkbox" id={id.clone()} data-testid={id.clone()}
                               checked={chosen.iter().any(|c| c == r.code.as_str())}
                               onchange={answer_on_click(on_action, toggle(r.code.to_string()))} />
                        <label for={id}>{ format!("{} · {}", r.code, r.name) }</label>
                    </li>
                }
            }) }
        </ul>
    }
}

fn workload_step(props: &WizardPanelProps, model_filter: &UseStateHandle<String>) -> Html {
    let draft = &props.wizard.draft;
    let problems = &props.wizard.shown_problems;
    let catalog = props.catalog;
    let on_action = &props.on_action;
    let needle = model_filter.to_lowercase();
    let models: Vec<_> = catalog
        .models
        .iter()
        .filter(|m| {
            needle.split_whitespace().all(|w| {
                m.name.to_lowercase().contains(w)
                    || m.provider.to_lowercase().contains(w)
                    || m.id.as_str().to_lowercase().contains(w)
            }) || m.id.as_str() == draft.model_id
        })
        .collect();
    let on_filter = {
        let model_filter = model_filter.clone();
        Callback::from(move |e: InputEvent| {
            model_filter.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let invalid = |f: Field| problem_for(problems, f).is_some().then_some("true");
    let described = |f: Field| problem_for(problems, f).map(|_| error_id(f));
    html! {
        <>
            <div class="field">
                <label for="wz-name">{ "Workload name" }</label>
                <input id="wz-name" type="text" value={draft.name.clone()} data-testid="wz-name"
                       aria-invalid={invalid(Field::Name)} aria-describedby={described(Field::Name)}
                       oninput={answer_on_input(on_action, Answer::Name)} placeholder="e.g. Support chat" />
                { field_error(problems, Field::Name) }
            </div>
            <div class="field">
                <label for="wz-model-filter">{ "Find a model by name, provider or ID" }</label>
                <input id="wz-model-filter" type="search" value={(**model_filter).clone()} data-testid="wz-model-filter"
                       oninput={on_filter} autocomplete="off" aria-controls="wz-model" />
                <label for="wz-model">{ format!("Model ({} shown)", models.len()) }</label>
                <select id="wz-model" size="8" data-testid="wz-model"
                        aria-invalid={invalid(Field::Model)} aria-describedby={described(Field::Model)}
                        onchange={answer_on_select(on_action, Answer::Model)}>
                    { for models.iter().map(|m| html! {
                        <option value={m.id.to_string()} selected={m.id.as_str() == draft.model_id}>
                            { format!("{} · {} · {}", m.name, m.provider, m.id) }
                        </option>
                    }) }
                </select>
                { field_error(problems, Field::Model) }
            </div>
            <div class="field field-check">
                <input id="wz-custom" type="checkbox" checked={draft.custom_model} data-testid="wz-custom"
                       onchange={answer_on_check(on_action, Answer::CustomModel)} />
                <label for="wz-custom">{ "A custom model (fine-tuned or imported) built on this model" }</label>
            </div>
            <div class="field">
                <label for="wz-source">{ "Source Region: where your application calls Bedrock from" }</label>
                <select id="wz-source" data-testid="wz-source"
                        aria-invalid={invalid(Field::SourceRegion)} aria-describedby={described(Field::SourceRegion)}
                        onchange={answer_on_select(on_action, Answer::SourceRegion)}>
                    <option value="" selected={draft.source_region.is_empty()}>{ "Choose a Region" }</option>
                    { for catalog.regions.iter().map(|r| html! {
                        <option value={r.code.to_string()} selected={r.code.as_str() == draft.source_region}>
                            { format!("{} · {}", r.code, r.name) }
                        </option>
                    }) }
                </select>
                { field_error(problems, Field::SourceRegion) }
            </div>
        </>
    }
}

fn residency_step(props: &WizardPanelProps) -> Html {
    let draft = &props.wizard.draft;
    let problems = &props.wizard.shown_problems;
    let catalog = props.catalog;
    let on_action = &props.on_action;
    let kinds = vec![
        (ResidencyKind::None, "No obligation".to_owned(), Some("Prompts may be processed in any Region.".to_owned())),
        (ResidencyKind::Geography, "Stay in a group of countries".to_owned(), Some("A geography such as the EU: GDPR-style \"stay in the EU\" is this kind.".to_owned())),
        (ResidencyKind::Country, "Stay in one country".to_owned(), Some("For example \"data stays in Japan\" or \"in Canada\".".to_owned())),
        (ResidencyKind::Regions, "Stay in these Regions".to_owned(), Some("Named Regions; one Region pins processing there: \"must remain in Frankfurt\" is eu-central-1.".to_owned())),
    ];
    let hosting: std::collections::BTreeSet<&str> =
        catalog.regions.iter().map(|r| r.country.as_str()).collect();
    html! {
        <>
            { RadioGroup {
                name: "wz-residency",
                legend: "Where may prompts be processed?",
                choices: kinds,
                current: Some(draft.residency),
                answer: Answer::ResidencyKind,
                error: None,
            }.render(on_action, problems) }
            { match draft.residency {
                ResidencyKind::None => Html::default(),
                ResidencyKind::Geography => html! {
                    <div class="field">
                        <label for="wz-geography">{ "Geography" }</label>
                        <select id="wz-geography" data-testid="wz-geography" onchange={answer_on_select(on_action, Answer::Geography)}>
                            <option value="" selected={draft.geography.is_empty()}>{ "Choose a geography" }</option>
                            { for catalog.geographies.iter().map(|g| html! {
                                <option value={g.id.to_string()} selected={g.id.as_str() == draft.geography}>
                                    { format!("{}: {}", g.name, g.description) }
                                </option>
                            }) }
                        </select>
                    </div>
                },
                ResidencyKind::Country => html! {
                    <div class="field">
                        <label for="wz-country">{ "Country" }</label>
                        <select id="wz-country" data-testid="wz-country" onchange={answer_on_select(on_action, Answer::Country)}>
                            <option value="" selected={draft.country.is_empty()}>{ "Choose a country" }</option>
                            { for catalog.countries.iter().filter(|c| hosting.contains(c.code.as_str())).map(|c| html! {
                                <option value={c.code.to_string()} selected={c.code.as_str() == draft.country}>
                                    { format!("{} ({})", c.name, c.code) }
                                </option>
                            }) }
                        </select>
                    </div>
                },
                ResidencyKind::Regions => html! {
                    <fieldset>
                        <legend>{ "Allowed Regions" }</legend>
                        { region_checkboxes(&catalog, "wz-region", &draft.regions, Answer::ToggleRegion, on_action) }
                    </fieldset>
                },
            } }
            { field_error(problems, Field::Residency) }
        </>
    }
}

fn policy_step(props: &WizardPanelProps) -> Html {
    let draft = &props.wizard.draft;
    let problems = &props.wizard.shown_problems;
    let on_action = &props.on_action;
    let open = draft.restrict_regions || !draft.allows_global;
    html! {
        <details open={open} class="policy">
            <summary>{ "Organisation policy (optional): what your SCPs allow" }</summary>
            <div class="field field-check">
                <input id="wz-allows-global" type="checkbox" checked={draft.allows_global} data-testid="wz-allows-global"
                       onchange={answer_on_check(on_action, Answer::AllowsGlobal)} />
                <label for="wz-allows-global">{ "SCPs allow global cross-Region inference (aws:RequestedRegion \"unspecified\")" }</label>
            </div>
            <div class="field field-check">
                <input id="wz-restrict" type="checkbox" checked={draft.restrict_regions} data-testid="wz-restrict"
                       onchange={answer_on_check(on_action, Answer::RestrictRegions)} />
                <label for="wz-restrict">{ "SCPs allow only some Regions" }</label>
            </div>
            if draft.restrict_regions {
                <fieldset>
                    <legend>{ "Regions your SCPs allow" }</legend>
                    { region_checkboxes(&props.catalog, "wz-allowed", &draft.allowed_regions, Answer::ToggleAllowedRegion, on_action) }
                </fieldset>
            }
            { field_error(problems, Field::AllowedRegions) }
        </details>
    }
}

fn review_step(props: &WizardPanelProps) -> Html {
    let catalog = props.catalog;
    let d: &Draft = &props.wizard.draft;
    let go = |step: Step| {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(Action::GoTo(step)))
    };
    let model = catalog
        .model(&d.model_id)
        .map_or(d.model_id.clone(), |m| format!("{} ({})", m.name, m.id));
    let source = catalog
        .region(&d.source_region)
        .map_or(d.source_region.clone(), |r| {
            format!("{} · {}", r.code, r.name)
        });
    let residency = match d.complete(&catalog) {
        Ok(w) => w.residency.describe(&catalog),
        Err(_) => "incomplete".into(),
    };
    let policy = match (d.restrict_regions, d.allows_global) {
        (false, true) => "No restriction".to_owned(),
        (restrict, global) => format!(
            "{}{}",
            if restrict {
                format!("Regions: {}. ", d.allowed_regions.join(", "))
            } else {
                String::new()
            },
            if global {
                "Global allowed."
            } else {
                "Global denied."
            }
        ),
    };
    let rows: Vec<(&str, String, Step)> = vec![
        ("Name", d.name.clone(), Step::Workload),
        (
            "Model",
            format!(
                "{model}{}",
                if d.custom_model { ", custom model" } else { "" }
            ),
            Step::Workload,
        ),
        ("Source Region", source, Step::Workload),
        ("Residency", residency, Step::Residency),
        (
            "Traffic",
            d.traffic.map_or("—".into(), |t| t.label().to_owned()),
            Step::Traffic,
        ),
        (
            "Service level",
            d.sla.map_or("—".into(), |s| s.label().to_owned()),
            Step::Sla,
        ),
        ("Organisation policy", policy, Step::Policy),
    ];
    html! {
        <dl class="review" data-testid="wz-review">
            { for rows.into_iter().map(|(label, value, step)| html! {
                <div>
                    <dt>{ label }</dt>
                    <dd>{ value }{ " " }
                        <button type="button" class="link-button" onclick={go(step)}
                                aria-label={format!("Edit {}", label.to_lowercase())}>{ "Edit" }</button>
                    </dd>
                </div>
            }) }
        </dl>
    }
}

/// The wizard panel.
#[component]
pub fn WizardPanel(props: &WizardPanelProps) -> Html {
    let model_filter = use_state(String::new);
    let wizard = &props.wizard;
    let step = wizard.step;
    let on_action = &props.on_action;
    let send = |action: Action| {
        let on_action = on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(action.clone()))
    };
    let body = match step {
        Step::Workload => workload_step(props, &model_filter),
        Step::Residency => residency_step(props),
        Step::Traffic => RadioGroup {
            name: "wz-traffic",
            legend: "What does the traffic look like?",
            choices: Traffic::ALL
                .iter()
                .map(|t| (*t, t.label().to_owned(), None))
                .collect(),
            current: wizard.draft.traffic,
            answer: Answer::Traffic,
            error: Some(Field::Traffic),
        }
        .render(on_action, &wizard.shown_problems),
        Step::Sla => RadioGroup {
            name: "wz-sla",
            legend: "What service level does it need?",
            choices: Sla::ALL
                .iter()
                .map(|s| (*s, s.label().to_owned(), None))
                .collect(),
            current: wizard.draft.sla,
            answer: Answer::Sla,
            error: Some(Field::Sla),
        }
        .render(on_action, &wizard.shown_problems),
        Step::Policy => policy_step(props),
        Step::Review => review_step(props),
    };
    let onsubmit = {
        let on_action = on_action.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            on_action.emit(if step == Step::Review {
                Action::Save
            } else {
                Action::Next
            });
        })
    };
    html! {
        <section class="wizard" aria-labelledby="wizard-title" data-testid="wizard">
            <h2 id="wizard-title">{ if props.editing { "Edit workload" } else { "Add a workload" } }</h2>
            <ol class="steps">
                { for Step::ALL.iter().map(|s| html! {
                    <li aria-current={(*s == step).then_some("step")} class={classes!((*s < step).then_some("done"))}>
                        { s.title() }
                    </li>
                }) }
            </ol>
            <form {onsubmit} novalidate=true>
                <h3 data-testid="wz-step">{ format!("Step {} of {}: {}", step.number(), Step::ALL.len(), step.title()) }</h3>
                if !wizard.shown_problems.is_empty() {
                    <p class="field-error" role="alert">{ "Fix the problems below to continue." }</p>
                }
                { body }
                <div class="wizard-actions">
                    <button type="button" onclick={send(Action::Back)} disabled={step == Step::Workload} data-testid="wz-back">{ "Back" }</button>
                    if step == Step::Review {
                        <button type="submit" class="primary" data-testid="wz-save">{ if props.editing { "Save changes" } else { "Add to plan" } }</button>
                    } else {
                        <button type="submit" class="primary" data-testid="wz-next">{ "Next" }</button>
                    }
                    <button type="button" onclick={send(Action::Cancel)} data-testid="wz-cancel">{ "Cancel" }</button>
                </div>
            </form>
        </section>
    }
}

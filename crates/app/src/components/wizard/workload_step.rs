//! Step 1: the workload's name, its model (found by name, provider or ID with the explorer's
//! matcher, narrowed to what it does, grouped by provider), whether it is a custom model, and the
//! source Region.

use super::field_error::FieldError;
use super::{answer, error_id, problem_for, StepProps};
use atlas_core::browse::picker::model_groups;
use atlas_core::catalog::ids::{ModelId, RegionCode};
use atlas_core::catalog::task::Task;
use atlas_core::plan::wizard::{Answer, Field};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

fn input_value(e: &InputEvent) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

fn select_value(e: &Event) -> String {
    e.target_unchecked_into::<HtmlSelectElement>().value()
}

/// The first step.
#[component]
pub fn WorkloadStep(props: &StepProps) -> Html {
    let model_filter = use_state(String::new);
    // Chat models first: most workloads want one; "Any" lists every model.
    let task = use_state(|| Some(Task::Text));
    let draft = &props.draft;
    let problems = &props.problems;
    let catalog = props.catalog;
    let chosen_model = draft.model_id.as_ref();
    let groups = model_groups(&catalog, &model_filter, *task, chosen_model);
    let shown: usize = groups.iter().map(|g| g.models.len()).sum();
    let on_filter = {
        let model_filter = model_filter.clone();
        Callback::from(move |e: InputEvent| model_filter.set(input_value(&e)))
    };
    let on_task = {
        let task = task.clone();
        Callback::from(move |e: Event| task.set(Task::from_key(&select_value(&e))))
    };
    let invalid = |f: Field| problem_for(problems, f).is_some().then_some("true");
    let described = |f: Field| problem_for(problems, f).map(|_| error_id(f));
    html! {
        <>
            <div class="field">
                <label for="wz-name">{ "Workload name" }</label>
                <input id="wz-name" type="text" value={draft.name.clone()} data-testid="wz-name"
                       aria-invalid={invalid(Field::Name)} aria-describedby={described(Field::Name)}
                       oninput={answer(&props.on_action, |e: InputEvent| Answer::Name(input_value(&e)))}
                       placeholder="e.g. Support chat" />
                <FieldError problems={problems.clone()} field={Field::Name} />
            </div>
            <div class="field">
                <label for="wz-model-filter">{ "Find a model by name, provider or ID" }</label>
                <input id="wz-model-filter" type="search" value={(*model_filter).clone()} data-testid="wz-model-filter"
                       oninput={on_filter} autocomplete="off" aria-controls="wz-model" />
                <label for="wz-task">{ "What the model does" }</label>
                <select id="wz-task" data-testid="wz-task" onchange={on_task}>
                    <option value="" selected={task.is_none()}>{ "Any" }</option>
                    { for Task::ALL.iter().map(|t| html! {
                        <option value={t.key()} selected={*task == Some(*t)}>{ t.label() }</option>
                    }) }
                </select>
                <label for="wz-model">{ format!("Model ({shown} shown, by provider)") }</label>
                <select id="wz-model" size="8" data-testid="wz-model"
                        aria-invalid={invalid(Field::Model)} aria-describedby={described(Field::Model)}
                        onchange={answer(&props.on_action, |e: Event| Answer::Model(ModelId::new(select_value(&e))))}>
                    { for groups.iter().map(|g| html! {
                        <optgroup label={g.provider.clone()}>
                            { for g.models.iter().map(|m| html! {
                                <option value={m.id.to_string()} selected={Some(&m.id) == chosen_model}>{ &m.label }</option>
                            }) }
                        </optgroup>
                    }) }
                </select>
                if let Some(id) = chosen_model {
                    <p class="chosen-model" data-testid="wz-model-chosen">{ "Chosen: " }<code>{ id.as_str() }</code></p>
                }
                <FieldError problems={problems.clone()} field={Field::Model} />
            </div>
            <div class="field">
                <label for="wz-source">{ "Source Region: where your application calls Bedrock from" }</label>
                <select id="wz-source" data-testid="wz-source"
                        aria-invalid={invalid(Field::SourceRegion)} aria-describedby={described(Field::SourceRegion)}
                        onchange={answer(&props.on_action, |e: Event| {
                            let value = select_value(&e);
                            Answer::SourceRegion((!value.is_empty()).then(|| RegionCode::new(value)))
                        })}>
                    <option value="" selected={draft.source_region.is_none()}>{ "Choose a Region" }</option>
                    { for catalog.regions.iter().map(|r| html! {
                        <option value={r.code.to_string()} selected={Some(&r.code) == draft.source_region.as_ref()}>
                            { format!("{} · {}", r.code, r.name) }
                        </option>
                    }) }
                </select>
                <FieldError problems={problems.clone()} field={Field::SourceRegion} />
            </div>
            <div class="field field-check">
                <input id="wz-custom" type="checkbox" checked={draft.custom_model} data-testid="wz-custom"
                       onchange={answer(&props.on_action, |e: Event| Answer::CustomModel(e.target_unchecked_into::<HtmlInputElement>().checked()))} />
                <label for="wz-custom">
                    { "A custom model (fine-tuned or imported) built on this model" }
                    <span class="hint">
                        { "Unverified: the public data lists customization support for no model. " }
                        <a href={atlas_core::catalog::cite::Cite::Customization.href()} rel="noopener">{ "AWS: use a customized model" }</a>
                    </span>
                </label>
            </div>
        </>
    }
}

//! The wizard's model picker: the models a filter finds, narrowed to what they do ([`Task`]),
//! grouped by provider, each labelled so that no two read the same (same-named models are told
//! apart by what they accept), with Legacy and newly listed models marked.

use crate::browse::search;
use crate::catalog::ids::ModelId;
use crate::catalog::order;
use crate::catalog::schema::Model;
use crate::catalog::task::{inputs_phrase, Task};
use crate::catalog::Catalog;

/// One model in the picker.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelChoice {
    /// The model.
    pub id: ModelId,
    /// What the option says: `Claude Haiku 4.5 · text and images · Legacy · anthropic.…`.
    pub label: String,
}

/// One provider's models, in the catalog's order.
#[derive(Debug, Clone, PartialEq)]
pub struct ProviderGroup {
    /// The provider's name.
    pub provider: String,
    /// Its models that match.
    pub models: Vec<ModelChoice>,
}

/// The models matching `text` that do `task` (any task when `None`), by provider (providers in
/// alphabetical order). `keep` is listed even when it does not match, so the chosen model
/// never disappears from the picker.
pub fn model_groups(
    catalog: &Catalog,
    text: &str,
    task: Option<Task>,
    keep: Option<&ModelId>,
) -> Vec<ProviderGroup> {
    let newest: &[ModelId] = catalog
        .meta
        .changes
        .first()
        .map_or(&[], |c| c.models_added.as_slice());
    let mut found: Vec<&Model> = search::models(catalog, text)
        .into_iter()
        .filter(|m| task.is_none_or(|t| Task::of(m) == t))
        .filter(|m| m.lifecycle.retired_on().is_none())
        .collect();
    if let Some(model) = keep.and_then(|id| catalog.model(id)) {
        if !found.iter().any(|m| m.id == model.id) {
            found.push(model);
        }
    }
    order::sort_by(&mut found, |a, b| {
        a.provider.cmp(&b.provider).then(a.name.cmp(&b.name))
    });
    let mut groups: Vec<ProviderGroup> = Vec::new();
    for model in &found {
        let twins = catalog
            .models
            .iter()
            .filter(|m| m.name == model.name)
            .count();
        let mut parts = vec![model.name.clone()];
        if twins > 1 {
            parts.push(format!("accepts {}", inputs_phrase(model)));
        }
        if model.lifecycle.is_legacy() {
            parts.push("Legacy".to_owned());
        }
        if newest.contains(&model.id) {
            parts.push("New".to_owned());
        }
        parts.push(model.id.to_string());
        let choice = ModelChoice {
            id: model.id.clone(),
            label: parts.join(" · "),
        };
        match groups.last_mut() {
            Some(group) if group.provider == model.provider => group.models.push(choice),
            _ => groups.push(ProviderGroup {
                provider: model.provider.clone(),
                models: vec![choice],
            }),
        }
    }
    groups
}

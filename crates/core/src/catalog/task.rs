//! What a model does, in the words a user picks a model by: text and chat, embeddings, images,
//! video, speech or reranking. Derived from the catalog's modalities (and, for rerankers, which
//! the modalities cannot tell from chat models, the ID), so the wizard's model picker can filter
//! by it and the suggestions never offer an embedding model in place of a chat model.

use crate::catalog::order;
use crate::catalog::schema::Model;

/// What a model produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Task {
    /// Text generation and chat.
    Text,
    /// Vector embeddings.
    Embeddings,
    /// Image generation or editing.
    Images,
    /// Video generation.
    Video,
    /// Speech in and out.
    Speech,
    /// Reranking search results (text in, relevance scores out).
    Rerank,
}

impl Task {
    /// Every task, in the order a picker lists them.
    pub const ALL: [Task; 6] = [
        Task::Text,
        Task::Embeddings,
        Task::Images,
        Task::Video,
        Task::Speech,
        Task::Rerank,
    ];

    /// What the model at hand does.
    pub fn of(model: &Model) -> Task {
        let outputs = |m: &str| model.output_modalities.iter().any(|o| o == m);
        if model.id.as_str().contains("rerank") {
            Task::Rerank
        } else if outputs("EMBEDDING") {
            Task::Embeddings
        } else if outputs("VIDEO") {
            Task::Video
        } else if outputs("IMAGE") {
            Task::Images
        } else if outputs("SPEECH") {
            Task::Speech
        } else {
            Task::Text
        }
    }

    /// Plain words: `Text and chat`.
    pub fn label(self) -> &'static str {
        match self {
            Task::Text => "Text and chat",
            Task::Embeddings => "Embeddings",
            Task::Images => "Images",
            Task::Video => "Video",
            Task::Speech => "Speech",
            Task::Rerank => "Rerank",
        }
    }

    /// The value a form or URL uses: `text`.
    pub fn key(self) -> &'static str {
        match self {
            Task::Text => "text",
            Task::Embeddings => "embeddings",
            Task::Images => "images",
            Task::Video => "video",
            Task::Speech => "speech",
            Task::Rerank => "rerank",
        }
    }

    /// The task written as [`Task::key`] writes it.
    pub fn from_key(key: &str) -> Option<Task> {
        Task::ALL.into_iter().find(|t| t.key() == key)
    }
}

/// The model's family: the first word of its name (`Claude`, `Nova`, `Llama`).
pub fn family(model: &Model) -> &str {
    model.name.split_whitespace().next().unwrap_or_default()
}

/// `text and images`: the inputs a model accepts, in lower case.
pub fn inputs_phrase(model: &Model) -> String {
    // Text first: it is what most models take.
    let mut modalities: Vec<&String> = model.input_modalities.iter().collect();
    order::sort_by_key(&mut modalities, |m| m.as_str() != "TEXT");
    let words: Vec<String> = modalities
        .into_iter()
        .map(|m| match m.as_str() {
            "IMAGE" => "images".to_owned(),
            other => other.to_lowercase(),
        })
        .collect();
    match words.as_slice() {
        [] => "nothing listed".to_owned(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

//! Text search over models, one matcher for the explorer and the wizard's model picker: every
//! word of the query must appear, case-folded, in the model's name, its provider, its ID or the
//! ID of one of its profiles.

use crate::catalog::schema::Model;
use crate::catalog::Catalog;

/// A query's words, case-folded.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Needle {
    words: Vec<String>,
}

impl Needle {
    /// The words of `text`.
    pub fn new(text: &str) -> Needle {
        Needle {
            words: text.split_whitespace().map(str::to_lowercase).collect(),
        }
    }

    /// Whether the query has no words (it matches everything).
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether every word appears in `haystack`, a [`haystack`] result. A word never holds a
    /// line break, so it cannot match across two fields.
    pub fn matches(&self, haystack: &str) -> bool {
        self.words.iter().all(|w| haystack.contains(w.as_str()))
    }
}

/// A model's searchable text: name, provider, model ID and every profile ID, case-folded, one
/// per line.
pub fn haystack(catalog: &Catalog, model: &Model) -> String {
    let mut text = format!("{}\n{}\n{}", model.name, model.provider, model.id);
    for p in catalog.profiles_for(&model.id) {
        text.push('\n');
        text.push_str(p.id.as_str());
    }
    text.to_lowercase()
}

/// The models matching `text`, in catalog order.
pub fn models<'c>(catalog: &'c Catalog, text: &str) -> Vec<&'c Model> {
    let needle = Needle::new(text);
    catalog
        .models
        .iter()
        .filter(|m| needle.is_empty() || needle.matches(&haystack(catalog, m)))
        .collect()
}

//! Catalog facts in words, shared by every view and report: Regions with their countries,
//! country lists, `a, b and c` lists, and the display order of models.

use crate::catalog::ids::RegionCode;
use crate::catalog::schema::Model;
use crate::catalog::Catalog;
use std::collections::BTreeSet;

/// The most of a value an error message quotes: a file may hold megabytes in one string.
pub const QUOTED_CHARS: usize = 40;

/// At most the first [`QUOTED_CHARS`] characters of `value`, with `…` when cut.
pub fn prefix(value: &str) -> String {
    match value.char_indices().nth(QUOTED_CHARS) {
        Some((cut, _)) => format!("{}…", &value[..cut]),
        None => value.to_owned(),
    }
}

/// `n` with the word for one or many: `1 Region`, `3 Regions`.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Sorted, unique country names of `regions`.
pub fn country_names<'a>(catalog: &'a Catalog, regions: &'a [RegionCode]) -> Vec<&'a str> {
    let set: BTreeSet<&str> = regions.iter().map(|r| catalog.country_name_of(r)).collect();
    set.into_iter().collect()
}

/// `a, b and c`.
pub fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// `eu-west-1 (Ireland)` for each Region.
pub fn with_countries(catalog: &Catalog, regions: &[&RegionCode]) -> Vec<String> {
    regions
        .iter()
        .map(|r| format!("{r} ({})", catalog.country_name_of(r)))
        .collect()
}

// ---- Model matrix ----

/// Models in display order: by provider, then name, then ID.
pub fn by_provider_and_name(a: &Model, b: &Model) -> std::cmp::Ordering {
    (a.provider.as_str(), a.name.as_str(), a.id.as_str()).cmp(&(
        b.provider.as_str(),
        b.name.as_str(),
        b.id.as_str(),
    ))
}

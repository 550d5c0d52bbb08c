//! One stable sort for the whole crate. In the WebAssembly module every `slice::sort_by` with its
//! own comparator is its own copy of the standard library's sort (several kilobytes each), so
//! there the lists are ordered through a single sort of positions with the comparator behind a
//! `dyn`, then rearranged in place. Natively (the CLI, the tests) the standard sort is used.
//! Both are stable: equal items keep their order.

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`.
pub fn sort_by<T>(items: &mut [T], compare: impl FnMut(&T, &T) -> Ordering) {
    #[cfg(target_arch = "wasm32")]
    sort_by_positions(items, compare);
    #[cfg(not(target_arch = "wasm32"))]
    items.sort_by(compare);
}

/// Sorts `items` stably by the key `key` gives.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` stably in their natural order.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The module's sort: the positions `0..n` sorted by comparing the items there (one copy of the
/// standard sort, for `u32`), then the items moved to their sorted places, one cycle at a time.
pub fn sort_by_positions<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let Ok(len) = u32::try_from(items.len()) else {
        // More than 4 billion items never occur; sort them the standard way if they do.
        items.sort_by(compare);
        return;
    };
    let mut order: Vec<u32> = (0..len).collect();
    sort_positions(&mut order, &mut |a, b| compare(&items[a], &items[b]));
    // `order[i]` is the position whose item belongs at `i`. Follow each cycle of that
    // permutation, swapping along it; a visited position is marked by `order[i] == i`.
    for start in 0..order.len() {
        let mut at = start;
        loop {
            let from = order[at] as usize;
            order[at] = at as u32;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

/// The one instance of the standard sort: positions, compared through `compare`.
#[inline(never)]
fn sort_positions(order: &mut [u32], compare: &mut dyn FnMut(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| compare(a as usize, b as usize));
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Sorting positions then moving the items equals the standard stable sort, including
        /// the order of equal keys (the second field tells equal keys apart).
        #[test]
        fn sorting_positions_is_the_standard_stable_sort(keys in proptest::collection::vec(0u8..8, 0..200)) {
            let items: Vec<(u8, usize)> = keys.iter().copied().zip(0..).collect();
            let mut expected = items.clone();
            expected.sort_by_key(|a| a.0);
            let mut actual = items;
            sort_by_positions(&mut actual, |a, b| a.0.cmp(&b.0));
            prop_assert_eq!(actual, expected);
        }
    }

    #[test]
    fn sorts_owned_values_without_losing_any() {
        let mut names: Vec<String> = ["eu", "us", "apac", "global", "ca", "us"]
            .map(String::from)
            .to_vec();
        sort_by_positions(&mut names, |a, b| b.cmp(a));
        assert_eq!(names, ["us", "us", "global", "eu", "ca", "apac"]);
    }
}

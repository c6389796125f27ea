//! One stable sort for the whole library, instantiated once.
//!
//! The standard library's sorts are generic over the element type and the
//! comparator, and each instance is several kilobytes of code; a dozen of
//! them made about 60 KB of the WebAssembly module (twiggy, slim build).
//! Here std's stable `sort_by` runs on the indices `0..n` through a `dyn`
//! comparator (`sorted_indices`, not generic), so it is instantiated once;
//! what is generic per element type is only the final permutation, a few
//! swaps. The hot paths (the calendar's and the clocks' interval lists) keep
//! `sort_unstable` on `(i64, i64)`.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, stably (equal elements keep their order), in
/// O(n log n) comparisons.
pub(crate) fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let order = {
        let v: &[T] = v;
        sorted_indices(v.len(), &mut |a, b| match (v.get(a), v.get(b)) {
            (Some(x), Some(y)) => cmp(x, y),
            _ => Ordering::Equal,
        })
    };
    // `order[k]` is the index of the element that belongs at `k`; `dest` is
    // its inverse: where the element now at `i` belongs
    let mut dest = vec![0usize; order.len()];
    for (k, &i) in order.iter().enumerate() {
        if let Some(d) = dest.get_mut(i) {
            *d = k;
        }
    }
    for i in 0..v.len() {
        // each swap puts one element where it belongs: at most n swaps in all
        while let Some(&j) = dest.get(i).filter(|&&j| j != i && j < v.len()) {
            v.swap(i, j);
            dest.swap(i, j);
        }
    }
}

/// Sorts `v` by the key `f`, stably.
pub(crate) fn sort_by_key<T, K: Ord>(v: &mut [T], mut f: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| f(a).cmp(&f(b)));
}

/// Sorts `v` in its natural order, stably.
pub(crate) fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// The indices `0..n` in the order `cmp` gives them, stably: std's stable
/// sort (driftsort), instantiated here once for the whole library.
#[inline(never)]
fn sorted_indices(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_as_the_standard_stable_sort(v in proptest::collection::vec((0u8..8, any::<u16>()), 0..200)) {
            // sorting by the first field only: equal keys must keep their order
            let mut ours = v.clone();
            sort_by_key(&mut ours, |p| p.0);
            let mut std = v.clone();
            std.sort_by_key(|p| p.0);
            prop_assert_eq!(ours, std);
            let mut ours = v.clone();
            sort(&mut ours);
            let mut std = v;
            std.sort();
            prop_assert_eq!(ours, std);
        }
    }

    #[test]
    fn a_reversed_order_and_the_empty_list() {
        let mut v: Vec<i32> = (0..1000).collect();
        sort_by(&mut v, |a, b| b.cmp(a));
        assert!(v.windows(2).all(|w| w[0] > w[1]));
        let mut e: Vec<i32> = Vec::new();
        sort(&mut e);
        assert!(e.is_empty());
    }
}

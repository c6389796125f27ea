//! The arithmetic of a report's figures: percentages to one decimal and
//! the summary of working times (mean, nearest-rank median and p90, max).

use serde::Serialize;

/// `part / whole` in percent, rounded half up to one decimal; `None` for
/// `whole == 0`. Computed in integers, so `2/3` is exactly `66.7`.
///
/// # Example
/// ```
/// use reglament::report::period::percent;
/// assert_eq!(percent(2, 3), Some(66.7));
/// assert_eq!(percent(1, 8), Some(12.5));
/// assert_eq!(percent(0, 0), None);
/// ```
pub fn percent(part: u64, whole: u64) -> Option<f64> {
    if whole == 0 {
        return None;
    }
    // tenths of a percent, rounded half up: floor((2000·part + whole) / (2·whole))
    let tenths = (u128::from(part) * 2000 + u128::from(whole)) / (2 * u128::from(whole));
    Some(tenths as f64 / 10.0)
}

/// Working seconds to meet, over the clocks met in one row.
///
/// # Example
/// ```
/// use reglament::report::period::Durations;
/// let d = Durations::of(&mut vec![600, 60, 120, 1800]).unwrap();
/// assert_eq!((d.count, d.mean, d.median, d.p90, d.max), (4, 645, 120, 1800, 1800));
/// assert!(Durations::of(&mut vec![]).is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Durations {
    /// How many met clocks.
    pub count: u64,
    /// The mean, rounded half up to whole seconds.
    pub mean: i64,
    /// The median by nearest rank (the value at rank ⌈n/2⌉ in increasing
    /// order: the lower middle for an even count).
    pub median: i64,
    /// The 90th percentile by nearest rank (rank ⌈0.9·n⌉).
    pub p90: i64,
    /// The longest.
    pub max: i64,
}

/// The value at nearest rank `⌈p·n/100⌉` (1-based) of a sorted list.
fn nearest_rank(sorted: &[i64], p: u64) -> i64 {
    let n = sorted.len() as u64;
    let rank = (p * n).div_ceil(100).max(1);
    sorted
        .get(usize::try_from(rank - 1).unwrap_or(usize::MAX))
        .or(sorted.last())
        .copied()
        .unwrap_or(0)
}

impl Durations {
    /// The summary of `values` (sorted in place); `None` when empty.
    ///
    /// # Example
    /// ```
    /// use reglament::report::period::Durations;
    /// let d = Durations::of(&mut (1..=10).collect::<Vec<i64>>()).unwrap();
    /// assert_eq!((d.median, d.p90, d.mean), (5, 9, 6)); // mean 5.5 rounds half up
    /// ```
    pub fn of(values: &mut [i64]) -> Option<Durations> {
        if values.is_empty() {
            return None;
        }
        values.sort_unstable();
        let n = values.len() as i128;
        let sum: i128 = values.iter().map(|&v| i128::from(v)).sum();
        // rounded half up (towards +∞ at .5), also for negative sums
        let mean = (2 * sum + n).div_euclid(2 * n);
        Some(Durations {
            count: values.len() as u64,
            mean: i64::try_from(mean).unwrap_or(i64::MAX),
            median: nearest_rank(values, 50),
            p90: nearest_rank(values, 90),
            max: values.last().copied().unwrap_or(0),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_rounds_half_up_in_tenths() {
        assert_eq!(percent(1, 3), Some(33.3));
        assert_eq!(percent(1, 6), Some(16.7));
        assert_eq!(percent(1, 16), Some(6.3)); // 6.25
        assert_eq!(percent(5, 5), Some(100.0));
        assert_eq!(percent(0, 7), Some(0.0));
    }

    #[test]
    fn nearest_ranks() {
        let one = Durations::of(&mut [42]).unwrap();
        assert_eq!((one.median, one.p90, one.max, one.mean), (42, 42, 42, 42));
        let d = Durations::of(&mut [5, 1, 4, 2, 3]).unwrap();
        assert_eq!((d.median, d.p90), (3, 5));
        let d = Durations::of(&mut (1..=20).collect::<Vec<_>>()).unwrap();
        assert_eq!((d.median, d.p90), (10, 18));
    }
}

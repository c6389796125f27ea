//! Whole numbers in JSON documents.
//!
//! JSON has one number type, and hosts write whole numbers with a fraction
//! (`3600.0`: Python's `timedelta.total_seconds()`, JavaScript after
//! arithmetic). Every face reads them the same way: a number whose value is
//! whole is that integer, wherever an integer is expected (seconds,
//! amounts, thresholds, years); a fractional one is refused as
//! `invalid_value` naming the field.

use serde_json::{Number, Value};

/// The integer a JSON number stands for: `3600`, `3600.0` and `3.6e3` are
/// 3600; `3600.5` and numbers beyond ±2^53 written with a fraction or an
/// exponent are `None` (a float cannot hold them exactly).
///
/// # Example
/// ```
/// use reglament::number::whole;
/// let n = |s: &str| serde_json::from_str::<serde_json::Number>(s).unwrap();
/// assert_eq!(whole(&n("3600")), Some(3600));
/// assert_eq!(whole(&n("3600.0")), Some(3600));
/// assert_eq!(whole(&n("-1e3")), Some(-1000));
/// assert_eq!(whole(&n("3600.5")), None);
/// ```
pub fn whole(n: &Number) -> Option<i64> {
    if let Some(i) = n.as_i64() {
        return Some(i);
    }
    if n.is_u64() {
        return None; // beyond i64
    }
    let f = n.as_f64()?;
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
    (f.fract() == 0.0 && f.abs() <= EXACT).then_some(f as i64)
}

/// `v` with a whole number written with a fraction replaced by its integer
/// (anything else unchanged), for typed reading.
pub(crate) fn normalized(v: &Value) -> Option<Value> {
    match v {
        Value::Number(n) if !n.is_i64() && !n.is_u64() => whole(n).map(Value::from),
        _ => None,
    }
}

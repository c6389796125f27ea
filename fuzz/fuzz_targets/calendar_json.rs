//! The calendar file parser: `Calendar::from_json` on arbitrary text. A file
//! that parses round-trips through `CalendarSpec::to_value`, and a few
//! operations at the edges of its supported range answer without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reglament::calendar::CalendarSpec;
use reglament::Calendar;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let cal = match Calendar::from_json(text) {
        Ok(c) => c,
        Err(e) => {
            assert!(!e.message().is_empty());
            // the spec parser alone gives the same verdict on a bad file
            // unless only compilation failed
            let _ = CalendarSpec::from_json(text);
            return;
        }
    };
    let spec = cal.spec().clone();
    let back = CalendarSpec::from_value(&spec.to_value())
        .unwrap_or_else(|e| panic!("to_value does not parse back: {e}"));
    assert_eq!(back, spec, "calendar spec does not round-trip");
    let (lo, hi) = cal.supported_range();
    assert!(lo <= hi);
    for t in [lo, hi] {
        let _ = cal.is_working(t);
        let _ = cal.next_working(t);
        let _ = cal.add(t, 3600);
        let _ = cal.sub(t, 3600);
        let _ = cal.add_working_days(t, 2);
        let _ = cal.work_index(t);
        let _ = cal.local_date(t);
    }
    let _ = cal.elapsed(lo, hi);
    let d = cal.local_date(lo);
    let _ = cal.day_off(d);
    let _ = cal.is_working_day(d);
});

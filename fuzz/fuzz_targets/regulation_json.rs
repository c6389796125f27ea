//! The regulation file parser: `Regulation::from_json` on arbitrary text,
//! and `Regulation::with_overrides` on any JSON value. A file that parses
//! must print back to the same regulation, describe itself in both
//! languages and compute its day-count rules without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reglament::{i18n::Lang, Regulation};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match Regulation::from_json(text) {
        Ok(reg) => {
            let back = Regulation::from_json(&reg.to_json())
                .unwrap_or_else(|e| panic!("to_json does not parse back: {e}"));
            assert_eq!(back, reg, "to_json does not round-trip");
            let _ = reglament::describe::describe(&reg, Lang::Uk);
            let _ = reglament::describe::describe(&reg, Lang::En);
            let (lo, hi) = reg.calendar().supported_range();
            for t in [lo, hi] {
                let _ = reglament::rules::archive_due(&reg, t);
                let _ = reglament::rules::contact_change_notice_due(&reg, t);
            }
        }
        Err(e) => {
            assert!(!e.message().is_empty(), "an error without a message");
            let _ = e.to_string();
        }
    }
    // The same text as overrides onto the default.
    if let Ok(v) = serde_json::from_str::<serde_json::Value>(text) {
        if let Ok(reg) = Regulation::with_overrides(&v) {
            let back = Regulation::from_json(&reg.to_json())
                .unwrap_or_else(|e| panic!("overridden to_json does not parse back: {e}"));
            assert_eq!(back, reg);
        }
    }
});

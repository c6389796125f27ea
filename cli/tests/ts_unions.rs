//! The npm package's TypeScript unions (`bindings/js/index.d.ts`) are the
//! core's vocabularies: a code added to (or removed from) the core without
//! the types, or the other way round, fails here.

use std::collections::BTreeSet;

use reglament::holidays::HolidayPreset;
use reglament::i18n::Lang;
use reglament::model::{
    Category, Channel, DayUnit, Metric, PauseReason, Priority, Reason, Role, Service, Status,
};
use reglament::regulation::PriorityChangeRule;
use reglament::sla::ClockState;
use reglament::ticket::{EventKind, RefusalCode, WarningCode};
use reglament::ErrorKind;

/// The string literals of `export type NAME = 'a' | 'b' ...;`.
fn union(dts: &str, name: &str) -> BTreeSet<String> {
    let head = format!("export type {name} =");
    let start = dts
        .find(&head)
        .unwrap_or_else(|| panic!("index.d.ts declares no type {name}"));
    let body = &dts[start + head.len()..];
    let body = &body[..body.find(';').expect("the union ends with ';'")];
    body.split('|')
        .map(|s| s.trim().trim_matches(|c| c == '\'' || c == '"').to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

fn codes<T>(all: &[T], code: impl Fn(&T) -> &'static str) -> BTreeSet<String> {
    all.iter().map(|x| code(x).to_string()).collect()
}

#[test]
fn every_union_equals_the_core_vocabulary() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../bindings/js/index.d.ts");
    let dts = std::fs::read_to_string(path).unwrap();
    let expected: Vec<(&str, BTreeSet<String>)> = vec![
        ("Role", codes(Role::ALL, |x| x.code())),
        ("Channel", codes(Channel::ALL, |x| x.code())),
        ("Reason", codes(Reason::ALL, |x| x.code())),
        ("Category", codes(Category::ALL, |x| x.code())),
        ("Priority", codes(Priority::ALL, |x| x.code())),
        ("Status", codes(Status::ALL, |x| x.code())),
        ("Metric", codes(Metric::ALL, |x| x.code())),
        ("PauseReason", codes(PauseReason::ALL, |x| x.code())),
        ("Service", codes(Service::ALL, |x| x.code())),
        ("DayUnit", codes(DayUnit::ALL, |x| x.code())),
        ("ClockState", codes(ClockState::ALL, |x| x.code())),
        (
            "PriorityChangeRule",
            codes(PriorityChangeRule::ALL, |x| x.code()),
        ),
        ("EventKind", codes(EventKind::ALL, |x| x.code())),
        ("RefusalCode", codes(RefusalCode::ALL, |x| x.code())),
        ("WarningCode", codes(WarningCode::ALL, |x| x.code())),
        (
            "HolidayMode",
            codes(&[HolidayPreset::Ua, HolidayPreset::UaStatutory], |x| {
                x.name()
            }),
        ),
        ("Lang", codes(&[Lang::Uk, Lang::En], |x| x.code())),
    ];
    let mut drift = Vec::new();
    for (name, core) in &expected {
        let ts = union(&dts, name);
        if &ts != core {
            drift.push(format!(
                "{name}: only in the core {:?}, only in index.d.ts {:?}",
                core.difference(&ts).collect::<Vec<_>>(),
                ts.difference(core).collect::<Vec<_>>()
            ));
        }
    }
    // the thrown errors: the core's kinds plus the faces' own codes
    let ts = union(&dts, "ErrorCode");
    let mut core = codes(ErrorKind::ALL, |x| x.code());
    core.extend(["invalid_argument", "panic", "wasm_load_failed"].map(String::from));
    if ts != core {
        drift.push(format!(
            "ErrorCode: only in the core {:?}, only in index.d.ts {:?}",
            core.difference(&ts).collect::<Vec<_>>(),
            ts.difference(&core).collect::<Vec<_>>()
        ));
    }
    assert!(
        drift.is_empty(),
        "index.d.ts drifted from the core:\n{}",
        drift.join("\n")
    );
}

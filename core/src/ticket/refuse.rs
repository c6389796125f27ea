//! Building refusals and warnings: the clause, the code, the field and the
//! sentence's arguments, rendered from the one catalogue (`i18n::Text`).

use chrono::{DateTime, Utc};

use super::{Arg, EventKind, Refusal, RefusalCode, Warning, WarningCode};
use crate::i18n::Text;
use crate::model::{Role, Status};
use crate::regulation::Regulation;

/// Builds a refusal: its sentence's key and typed arguments, rendered in a
/// language only when asked ([`Refusal::message`]).
pub(super) struct Refuse {
    kind: EventKind,
    role: Role,
    status: Option<Status>,
    args: Vec<(&'static str, Arg)>,
}

impl Refuse {
    /// A refusal of `kind` by `role` in `status`, its arguments to come.
    pub(super) fn new(kind: EventKind, role: Role, status: Option<Status>) -> Refuse {
        Refuse {
            kind,
            role,
            status,
            args: Vec::new(),
        }
    }

    /// A placeholder with the same words in both languages.
    pub(super) fn arg(mut self, k: &'static str, v: impl Into<String>) -> Self {
        // a value may be the caller's input (an action name): never repeat it at full length
        self.args.push((k, Arg::Text(crate::error::cap(v.into()))));
        self
    }

    /// A placeholder whose value is a label in each language.
    pub(super) fn label(mut self, k: &'static str, uk: &str, en: &str) -> Self {
        self.args.push((
            k,
            Arg::Label {
                uk: uk.to_string(),
                en: en.to_string(),
            },
        ));
        self
    }

    /// A placeholder holding an instant (RFC 3339).
    pub(super) fn instant(mut self, k: &'static str, t: DateTime<Utc>) -> Self {
        self.args.push((k, Arg::Instant(t)));
        self
    }

    /// A placeholder holding `t` as the regulation's local wall-clock time.
    pub(super) fn local(mut self, k: &'static str, reg: &Regulation, t: DateTime<Utc>) -> Self {
        self.args.push((k, local(reg, t)));
        self
    }

    /// A placeholder holding any typed argument.
    pub(super) fn with_arg(mut self, k: &'static str, a: Arg) -> Self {
        self.args.push((k, a));
        self
    }

    pub(super) fn with(
        self,
        clause: &'static str,
        code: RefusalCode,
        field: Option<&'static str>,
        text: Text,
    ) -> Refusal {
        Refusal::new(
            (clause, code, self.kind, self.role, self.status),
            field,
            text,
            self.args,
        )
    }
}

/// `t` as the regulation's local wall-clock time (`2026-03-07 11:00, Sat`
/// once rendered).
pub(super) fn local(reg: &Regulation, t: DateTime<Utc>) -> Arg {
    Arg::Local(reg.calendar().local_datetime(t))
}

pub(super) fn no_change(uk: &str, en: &str) -> Warning {
    Warning::with_args(
        WarningCode::NoChange,
        "3.3",
        Text::NoChange,
        vec![(
            "value",
            Arg::Label {
                uk: uk.to_string(),
                en: en.to_string(),
            },
        )],
    )
}

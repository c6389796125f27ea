//! Building refusals and warnings: the clause, the code, the field and the
//! sentence's arguments, rendered from the one catalogue (`i18n::Text`).

use chrono::{DateTime, Utc};

use super::{EventKind, Refusal, RefusalCode, Warning, WarningCode};
use crate::i18n::{Lang, Text};
use crate::model::{Role, Status};
use crate::regulation::Regulation;

/// Builds a refusal whose sentence comes from the table.
pub(super) struct Refuse {
    kind: EventKind,
    role: Role,
    status: Option<Status>,
    /// (placeholder, Ukrainian value, English value)
    args: Vec<(&'static str, String, String)>,
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

    /// A placeholder with the same value in both languages.
    pub(super) fn arg(mut self, k: &'static str, v: impl Into<String>) -> Self {
        // a value may be the caller's input (an action name): never repeat it at full length
        let v = crate::error::cap(v.into());
        self.args.push((k, v.clone(), v));
        self
    }

    /// A placeholder whose value is a label in each language.
    pub(super) fn label(mut self, k: &'static str, uk: &str, en: &str) -> Self {
        self.args.push((k, uk.to_string(), en.to_string()));
        self
    }

    pub(super) fn with(
        self,
        clause: &'static str,
        code: RefusalCode,
        field: Option<&'static str>,
        text: Text,
    ) -> Refusal {
        let uk: Vec<(&str, &str)> = self.args.iter().map(|(k, v, _)| (*k, v.as_str())).collect();
        let en: Vec<(&str, &str)> = self.args.iter().map(|(k, _, v)| (*k, v.as_str())).collect();
        Refusal {
            clause,
            code,
            kind: self.kind,
            role: self.role,
            status: self.status,
            field,
            message_uk: text.render(Lang::Uk, &uk),
            message_en: text.render(Lang::En, &en),
        }
    }
}

/// Local wall-clock time of `t` in the calendar's zone, for sentences in `lang`
/// (`2026-03-07 11:00, Sat`).
pub(super) fn local(reg: &Regulation, t: DateTime<Utc>, lang: Lang) -> String {
    use chrono::Datelike;
    let l = reg.calendar().local_datetime(t);
    let day = Text::Weekdays
        .template(lang)
        .split_whitespace()
        .nth(l.weekday().num_days_from_monday() as usize)
        .unwrap_or("");
    format!("{}, {day}", crate::instant::format_minutes(l))
}

/// Labels as a list a sentence can hold: "a, b або c" / "a, b or c", each
/// label quoted when `quoted` (status names contain «або» themselves).
pub(super) fn list_labels<T: Copy>(
    items: impl IntoIterator<Item = T>,
    label: impl Fn(T, Lang) -> &'static str,
    lang: Lang,
    quoted: bool,
) -> String {
    let (open, close, or) = match lang {
        Lang::Uk => ("«", "»", " або "),
        Lang::En => ("“", "”", " or "),
    };
    let words: Vec<String> = items
        .into_iter()
        .map(|x| {
            if quoted {
                format!("{open}{}{close}", label(x, lang))
            } else {
                label(x, lang).to_string()
            }
        })
        .collect();
    match words.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{}{or}{last}", rest.join(", ")),
    }
}

pub(super) fn no_change(uk: &str, en: &str) -> Warning {
    Warning {
        code: WarningCode::NoChange,
        clause: "3.3",
        message_uk: Text::NoChange.render(Lang::Uk, &[("value", uk)]),
        message_en: Text::NoChange.render(Lang::En, &[("value", en)]),
    }
}

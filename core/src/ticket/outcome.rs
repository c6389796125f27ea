//! What applying an event gives: accepted (with warnings) or refused (with
//! the clause, a stable code and a sentence in Ukrainian and English).

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use chrono::{DateTime, NaiveDateTime, Utc};

use super::EventKind;
use crate::i18n::{Lang, Text};
use crate::model::{vocabulary, DayUnit, Role, Status};

vocabulary! {
    /// Why an event was refused: a stable code, the same on every face.
    ///
    /// # Example
    /// ```
    /// use reglament::ticket::RefusalCode;
    /// assert_eq!(RefusalCode::ArchiveTooEarly.code(), "archive_too_early");
    /// ```
    pub enum RefusalCode in "reglament::ticket" {
        /// Customer Service is read-only apart from approvals and extensions (1.3).
        ReadOnly = "read_only", "лише перегляд", "read-only access";
        /// The role may not perform this kind of event.
        RoleNotAllowed = "role_not_allowed", "роль не має права", "role not allowed";
        /// The role may perform it, but not in this status.
        WrongStatus = "wrong_status", "недозволений статус", "not in this status";
        /// The request is archived or rejected.
        TerminalStatus = "terminal_status", "кінцевий статус", "final status";
        /// The first event must be the registration.
        NotRegistered = "not_registered", "заявку не зареєстровано", "not registered";
        /// A second registration.
        AlreadyRegistered = "already_registered", "заявку вже зареєстровано", "already registered";
        /// The event is dated before the previous one.
        TimeWentBackwards = "time_went_backwards", "час пішов назад", "time went backwards";
        /// The calendar cannot place the instant.
        InstantOutOfRange = "instant_out_of_range", "момент поза календарем", "instant out of range";
        /// A field the rule requires is absent or blank.
        MissingField = "missing_field", "бракує поля", "missing field";
        /// Registration through a channel not meant for requests (e-mail).
        ChannelNotForRequests = "channel_not_for_requests", "канал не для заявок", "channel not for requests";
        /// A phone or messenger request registered by someone other than the operator.
        ChannelRequiresOperator = "channel_requires_operator", "реєструє оператор", "operator registers";
        /// A registration without appeal by someone other than the operator.
        OwnInitiativeRequiresOperator = "own_initiative_requires_operator", "лише оператор з власної ініціативи", "only an operator on own initiative";
        /// Submitted after it was registered.
        SubmittedAfterRegistration = "submitted_after_registration", "подано після реєстрації", "submitted after registration";
        /// An answer when no question waits.
        NoQuestionPending = "no_question_pending", "немає запитання", "no question pending";
        /// `pause` or `resume` naming a reason the regulation does not declare (DESIGN §7).
        UnknownPauseReason = "unknown_pause_reason", "невідома причина призупинення", "unknown pause reason";
        /// `pause` for a declared reason already holding.
        PauseAlreadyActive = "pause_already_active", "причина вже діє", "pause already active";
        /// `resume` for a declared reason not holding.
        PauseNotActive = "pause_not_active", "причина не діє", "pause not active";
        /// A gated action with no approval requested.
        ApprovalRequired = "approval_required", "потрібен дозвіл", "approval required";
        /// A gated action while the approval is pending.
        ApprovalPending = "approval_pending", "дозвіл очікується", "approval pending";
        /// A refused approval stays refused.
        ApprovalRefused = "approval_refused", "у дозволі відмовлено", "approval refused";
        /// A decision on an approval nobody requested.
        ApprovalNotRequested = "approval_not_requested", "дозволу не запитували", "approval not requested";
        /// The approval was already granted.
        ApprovalAlreadyGranted = "approval_already_granted", "дозвіл уже надано", "approval already granted";
        /// A decision without `action` while several approvals are pending.
        ApprovalAmbiguous = "approval_ambiguous", "незрозуміло, який дозвіл", "which approval is ambiguous";
        /// The approval was already requested.
        ApprovalAlreadyPending = "approval_already_pending", "дозвіл уже запитано", "approval already requested";
        /// An approval not given by e-mail.
        ApprovalNotByEmail = "approval_not_by_email", "дозвіл не електронною поштою", "approval not by e-mail";
        /// An action the regulation does not define.
        UnknownAction = "unknown_action", "невідома дія", "unknown action";
        /// An extension with neither or both forms, or a non-positive amount.
        InvalidExtension = "invalid_extension", "некоректне продовження", "invalid extension";
        /// An extension to an instant not after the agreement.
        ExtensionNotInFuture = "extension_not_in_future", "новий строк у минулому", "extension not in the future";
        /// A `new_due` at or before the due in force: an extension only extends (3.5.1).
        ExtensionNotLater = "extension_not_later", "новий строк не пізніший за чинний", "extension not later than the due in force";
        /// A `new_due` while the clock is paused and its due unknown (DESIGN §5).
        ClockPaused = "clock_paused", "відлік призупинено", "clock paused";
        /// An event judged under a regulation other than the one recorded at registration (DESIGN §5).
        RegulationMismatch = "regulation_mismatch", "інша версія регламенту", "another regulation version";
        /// Archive before the delay without the user's acceptance.
        ArchiveTooEarly = "archive_too_early", "зарано архівувати", "too early to archive";
        /// Reopen to a status other than Sprint or In progress.
        InvalidReopenTarget = "invalid_reopen_target", "недозволений статус відновлення", "invalid reopen target";
    }
}

vocabulary! {
    /// A warning attached to an accepted event.
    ///
    /// # Example
    /// ```
    /// use reglament::ticket::WarningCode;
    /// assert_eq!(WarningCode::OutsideWorkingHours.code(), "outside_working_hours");
    /// ```
    pub enum WarningCode in "reglament::ticket" {
        /// Staff acted outside working hours (accepted, DESIGN §2).
        OutsideWorkingHours = "outside_working_hours", "поза робочим часом", "outside working hours";
        /// A phone or messenger request registered outside registration hours (3.3).
        OutsideRegistrationHours = "outside_registration_hours", "поза часом реєстрації", "outside registration hours";
        /// Solved during the contact, and not a critical or high incident: registration was optional (3.4).
        RegistrationOptional = "registration_optional", "реєстрація не обов'язкова", "registration optional";
        /// The value was already set.
        NoChange = "no_change", "без змін", "no change";
        /// Work starts on a request with no category (3.3).
        Unclassified = "unclassified", "без категорії", "unclassified";
    }
}

/// One argument of a refusal's or a warning's sentence, kept as the value
/// it is (an instant, a count of days, a list of roles) and put into words
/// only when a sentence is asked for, in the language asked for.
///
/// # Example
/// ```
/// use reglament::{i18n::Lang, model::DayUnit, ticket::Arg};
/// assert_eq!(Arg::Days(1, DayUnit::CalendarDays).render(Lang::En), "1 calendar day");
/// assert_eq!(Arg::Days(3, DayUnit::WorkingDays).render(Lang::Uk), "3 робочі дні");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Arg {
    /// Words the same in every language (an action name, a clause number).
    Text(String),
    /// A label in each language (a channel, a metric, a status).
    Label {
        /// In Ukrainian.
        uk: String,
        /// In English.
        en: String,
    },
    /// An instant, written in RFC 3339 (UTC).
    Instant(DateTime<Utc>),
    /// A local wall-clock time in the regulation's zone, written with its
    /// weekday (`2026-03-07 11:00, Sat`).
    Local(NaiveDateTime),
    /// A count of days, with the plural form the count takes.
    Days(u32, DayUnit),
    /// Roles, as a list joined by "or" (`Оператор СТП або Консультант СТП`).
    Roles(Vec<Role>),
    /// Statuses, each quoted, joined by "or" (their names contain «або»).
    Statuses(Vec<Status>),
}

impl Arg {
    /// The argument in words.
    ///
    /// # Example
    /// ```
    /// use reglament::{i18n::Lang, model::Role, ticket::Arg};
    /// let a = Arg::Roles(vec![Role::Operator, Role::Consultant]);
    /// assert_eq!(a.render(Lang::Uk), "Оператор СТП або Консультант СТП");
    /// ```
    pub fn render(&self, lang: Lang) -> String {
        match self {
            Arg::Text(t) => t.clone(),
            Arg::Label { uk, en } => match lang {
                Lang::Uk => uk.clone(),
                Lang::En => en.clone(),
            },
            Arg::Instant(t) => crate::instant::format(*t),
            Arg::Local(l) => {
                use chrono::Datelike;
                let day = Text::Weekdays
                    .template(lang)
                    .split_whitespace()
                    .nth(l.weekday().num_days_from_monday() as usize)
                    .unwrap_or("");
                format!("{}, {day}", crate::instant::format_minutes(*l))
            }
            Arg::Days(n, unit) => crate::i18n::days(lang, *n, *unit),
            Arg::Roles(roles) => or_list(roles.iter().map(|r| r.label(lang).to_string()), lang),
            Arg::Statuses(statuses) => {
                let (open, close) = match lang {
                    Lang::Uk => ("«", "»"),
                    Lang::En => ("“", "”"),
                };
                or_list(
                    statuses
                        .iter()
                        .map(|s| format!("{open}{}{close}", s.label(lang))),
                    lang,
                )
            }
        }
    }
}

/// "a, b або c" / "a, b or c".
fn or_list(words: impl Iterator<Item = String>, lang: Lang) -> String {
    let words: Vec<String> = words.collect();
    let or = match lang {
        Lang::Uk => " або ",
        Lang::En => " or ",
    };
    match words.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{}{or}{last}", rest.join(", ")),
    }
}

/// The sentence `text` with its typed arguments, in `lang`.
fn sentence(text: Text, args: &[(&'static str, Arg)], lang: Lang) -> String {
    let words: Vec<(&str, String)> = args.iter().map(|(k, a)| (*k, a.render(lang))).collect();
    let pairs: Vec<(&str, &str)> = words.iter().map(|(k, v)| (*k, v.as_str())).collect();
    text.render(lang, &pairs)
}

/// A refused event: the clause that forbids it, a stable code, the actor's
/// role, the request's status, the field at fault when there is one, and
/// the sentence that explains it — kept as a key of the catalogue with
/// typed arguments, put into words in the language asked for
/// ([`message`](Refusal::message)). As JSON it carries both sentences
/// (`message_uk`, `message_en`).
///
/// # Example
/// ```
/// use reglament::{i18n::Lang, Regulation, ticket::{Event, Ticket}};
/// let mut t = Ticket::new("T-1");
/// let e = Event::from_json(r#"{"kind":"start_work","at":"2026-03-27T10:00:00+02:00",
///                              "actor":{"id":"c","role":"consultant"}}"#).unwrap();
/// let r = t.apply(&Regulation::default(), e).refusal().cloned().unwrap();
/// assert_eq!((r.clause, r.code.code()), ("3.2", "not_registered"));
/// assert!(r.message(Lang::En).contains("not registered"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Refusal {
    /// The clause of the seed (`"3.6"`), or `"§2"`/`"§3"` for DESIGN's own rules.
    pub clause: &'static str,
    /// The stable code.
    pub code: RefusalCode,
    /// The kind of the refused event.
    pub kind: EventKind,
    /// The actor's role.
    pub role: Role,
    /// The request's status when the event came (`None` before registration).
    pub status: Option<Status>,
    /// The event's field at fault, when there is one (`null` in JSON when
    /// there is none: every face writes the key).
    pub field: Option<&'static str>,
    text: Text,
    args: Vec<(&'static str, Arg)>,
}

impl Refusal {
    pub(crate) fn new(
        head: (&'static str, RefusalCode, EventKind, Role, Option<Status>),
        field: Option<&'static str>,
        text: Text,
        args: Vec<(&'static str, Arg)>,
    ) -> Refusal {
        let (clause, code, kind, role, status) = head;
        Refusal {
            clause,
            code,
            kind,
            role,
            status,
            field,
            text,
            args,
        }
    }

    /// The explanation in `lang`.
    ///
    /// # Example
    /// ```
    /// use reglament::{i18n::Lang, ticket::{Event, Ticket}, Regulation};
    /// let e = Event::from_json(r#"{"kind":"accept","at":"2026-03-02T10:00:00Z","actor":{"id":"u","role":"user"}}"#).unwrap();
    /// let out = Ticket::new("T").try_apply(&Regulation::default(), &e);
    /// assert!(out.refusal().unwrap().message(Lang::En).contains("not registered"));
    /// ```
    pub fn message(&self, lang: Lang) -> String {
        sentence(self.text, &self.args, lang)
    }

    /// The explanation in Ukrainian.
    ///
    /// # Example
    /// ```
    /// use reglament::{ticket::{Event, Ticket}, Regulation};
    /// let e = Event::from_json(r#"{"kind":"accept","at":"2026-03-02T10:00:00Z","actor":{"id":"u","role":"user"}}"#).unwrap();
    /// let out = Ticket::new("T").try_apply(&Regulation::default(), &e);
    /// assert!(out.refusal().unwrap().message_uk().contains("не зареєстровано"));
    /// ```
    pub fn message_uk(&self) -> String {
        self.message(Lang::Uk)
    }

    /// The explanation in English.
    ///
    /// # Example
    /// ```
    /// use reglament::{ticket::{Event, Ticket}, Regulation};
    /// let e = Event::from_json(r#"{"kind":"accept","at":"2026-03-02T10:00:00Z","actor":{"id":"u","role":"user"}}"#).unwrap();
    /// let out = Ticket::new("T").try_apply(&Regulation::default(), &e);
    /// assert!(out.refusal().unwrap().message_en().contains("not registered"));
    /// ```
    pub fn message_en(&self) -> String {
        self.message(Lang::En)
    }

    /// The sentence's key in the catalogue and its typed arguments.
    ///
    /// # Example
    /// ```
    /// use reglament::{i18n::Text, ticket::{Arg, Event, Ticket}, Regulation};
    /// let e = Event::from_json(r#"{"kind":"accept","at":"2026-03-02T10:00:00Z","actor":{"id":"u","role":"user"}}"#).unwrap();
    /// let out = Ticket::new("T").try_apply(&Regulation::default(), &e);
    /// let (text, _args) = out.refusal().unwrap().sentence();
    /// assert_eq!(text, Text::NotRegistered);
    /// ```
    pub fn sentence(&self) -> (Text, &[(&'static str, Arg)]) {
        (self.text, &self.args)
    }
}

impl Serialize for Refusal {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(8))?;
        m.serialize_entry("clause", self.clause)?;
        m.serialize_entry("code", &self.code)?;
        m.serialize_entry("kind", &self.kind)?;
        m.serialize_entry("role", &self.role)?;
        m.serialize_entry("status", &self.status)?;
        m.serialize_entry("field", &self.field)?;
        m.serialize_entry("message_uk", &self.message(Lang::Uk))?;
        m.serialize_entry("message_en", &self.message(Lang::En))?;
        m.end()
    }
}

/// A warning on an accepted event: a code, the clause, and its sentence
/// (a catalogue key with typed arguments, put into words on demand; as
/// JSON `message_uk` and `message_en`).
///
/// # Example
/// ```
/// use reglament::ticket::{Warning, WarningCode};
/// use reglament::i18n::Text;
/// let w = Warning::new(WarningCode::NoChange, "3.3", Text::NoChange, &[("value", "high")]);
/// assert!(w.message_en().contains("high"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Warning {
    /// The stable code.
    pub code: WarningCode,
    /// The clause it refers to.
    pub clause: &'static str,
    text: Text,
    args: Vec<(&'static str, Arg)>,
}

impl Warning {
    /// A warning whose sentence comes from the catalogue, its arguments
    /// words the same in both languages.
    ///
    /// # Example
    /// ```
    /// use reglament::{i18n::Text, ticket::{Warning, WarningCode}};
    /// let w = Warning::new(WarningCode::Unclassified, "3.3", Text::Unclassified, &[]);
    /// assert!(w.message_uk().contains("категорі"));
    /// ```
    pub fn new(
        code: WarningCode,
        clause: &'static str,
        text: Text,
        args: &[(&'static str, &str)],
    ) -> Warning {
        Warning::with_args(
            code,
            clause,
            text,
            args.iter()
                .map(|(k, v)| (*k, Arg::Text((*v).to_string())))
                .collect(),
        )
    }

    /// A warning with typed arguments.
    ///
    /// # Example
    /// ```
    /// use reglament::{i18n::Text, ticket::{Arg, Warning, WarningCode}};
    /// let w = Warning::with_args(WarningCode::NoChange, "3.3", Text::NoChange,
    ///     vec![("value", Arg::Label { uk: "високий".into(), en: "high".into() })]);
    /// assert!(w.message_uk().contains("високий") && w.message_en().contains("high"));
    /// ```
    pub fn with_args(
        code: WarningCode,
        clause: &'static str,
        text: Text,
        args: Vec<(&'static str, Arg)>,
    ) -> Warning {
        Warning {
            code,
            clause,
            text,
            args,
        }
    }

    /// The sentence in `lang`.
    ///
    /// # Example
    /// ```
    /// use reglament::{i18n::{Lang, Text}, ticket::{Warning, WarningCode}};
    /// let w = Warning::new(WarningCode::Unclassified, "3.3", Text::Unclassified, &[]);
    /// assert!(w.message(Lang::En).contains("category"));
    /// ```
    pub fn message(&self, lang: Lang) -> String {
        sentence(self.text, &self.args, lang)
    }

    /// The sentence in Ukrainian.
    ///
    /// # Example
    /// ```
    /// use reglament::{i18n::Text, ticket::{Warning, WarningCode}};
    /// assert!(!Warning::new(WarningCode::Unclassified, "3.3", Text::Unclassified, &[]).message_uk().is_empty());
    /// ```
    pub fn message_uk(&self) -> String {
        self.message(Lang::Uk)
    }

    /// The sentence in English.
    ///
    /// # Example
    /// ```
    /// use reglament::{i18n::Text, ticket::{Warning, WarningCode}};
    /// assert!(!Warning::new(WarningCode::Unclassified, "3.3", Text::Unclassified, &[]).message_en().is_empty());
    /// ```
    pub fn message_en(&self) -> String {
        self.message(Lang::En)
    }
}

impl Serialize for Warning {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(4))?;
        m.serialize_entry("code", &self.code)?;
        m.serialize_entry("clause", self.clause)?;
        m.serialize_entry("message_uk", &self.message(Lang::Uk))?;
        m.serialize_entry("message_en", &self.message(Lang::En))?;
        m.end()
    }
}

/// The result of [`Ticket::apply`](super::Ticket::apply).
///
/// As JSON: `{"accepted": true, "warnings": [...]}` or
/// `{"accepted": false, "refusal": {...}}`.
///
/// # Example
/// ```
/// use reglament::ticket::Outcome;
/// let o = Outcome::Accepted { warnings: vec![] };
/// assert!(o.is_accepted());
/// assert_eq!(serde_json::to_string(&o).unwrap(), r#"{"accepted":true,"warnings":[]}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use = "a refused event changed nothing: look at the outcome"]
pub enum Outcome {
    /// The event is part of the request's history now.
    Accepted {
        /// Things worth knowing (e.g. staff acting outside working hours).
        warnings: Vec<Warning>,
    },
    /// The regulation forbids the event; the request did not change.
    Refused(Refusal),
}

impl Outcome {
    /// True when accepted.
    ///
    /// # Example
    /// ```
    /// use reglament::ticket::Outcome;
    /// assert!(Outcome::Accepted { warnings: vec![] }.is_accepted());
    /// ```
    pub fn is_accepted(&self) -> bool {
        matches!(self, Outcome::Accepted { .. })
    }

    /// The refusal, when refused.
    ///
    /// # Example
    /// ```
    /// use reglament::{ticket::{Event, Ticket}, Regulation};
    /// let e = Event::from_json(r#"{"kind":"accept","at":"2026-03-02T10:00:00Z","actor":{"id":"u","role":"user"}}"#).unwrap();
    /// let out = Ticket::new("T").try_apply(&Regulation::default(), &e);
    /// assert_eq!(out.refusal().unwrap().clause, "3.2");
    /// ```
    pub fn refusal(&self) -> Option<&Refusal> {
        match self {
            Outcome::Refused(r) => Some(r),
            Outcome::Accepted { .. } => None,
        }
    }

    /// The warnings (empty when refused).
    ///
    /// # Example
    /// ```
    /// use reglament::{ticket::{Event, Ticket}, Regulation};
    /// let e = Event::from_json(r#"{"kind":"register","at":"2026-03-07T10:00:00+02:00","actor":{"id":"o","role":"operator"},
    ///     "channel":"tracker","description":"d","conditions":"c","priority":"low"}"#).unwrap();
    /// let out = Ticket::new("T").try_apply(&Regulation::default(), &e);
    /// assert_eq!(out.warnings()[0].code.code(), "outside_working_hours");
    /// ```
    pub fn warnings(&self) -> &[Warning] {
        match self {
            Outcome::Accepted { warnings } => warnings,
            Outcome::Refused(_) => &[],
        }
    }
}

impl Serialize for Outcome {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(2))?;
        match self {
            Outcome::Accepted { warnings } => {
                m.serialize_entry("accepted", &true)?;
                m.serialize_entry("warnings", warnings)?;
            }
            Outcome::Refused(r) => {
                m.serialize_entry("accepted", &false)?;
                m.serialize_entry("refusal", r)?;
            }
        }
        m.end()
    }
}

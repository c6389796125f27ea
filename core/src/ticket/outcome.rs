//! What applying an event gives: accepted (with warnings) or refused (with
//! the clause, a stable code and a sentence in Ukrainian and English).

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use super::EventKind;
use crate::i18n::{Lang, Text};
use crate::model::{vocabulary, Role, Status};

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

/// A refused event: the clause that forbids it, a stable code, the actor's
/// role, the request's status, the field at fault when there is one, and
/// a sentence in Ukrainian and in English.
///
/// # Example
/// ```
/// use reglament::{Regulation, ticket::{Event, Ticket}};
/// let mut t = Ticket::new("T-1");
/// let e = Event::from_json(r#"{"kind":"start_work","at":"2026-03-27T10:00:00+02:00",
///                              "actor":{"id":"c","role":"consultant"}}"#).unwrap();
/// let r = t.apply(&Regulation::default(), e).refusal().cloned().unwrap();
/// assert_eq!((r.clause, r.code.code()), ("3.2", "not_registered"));
/// assert!(r.message_en.contains("not registered"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
    /// The explanation in Ukrainian.
    pub message_uk: String,
    /// The explanation in English.
    pub message_en: String,
}

impl Refusal {
    /// The explanation in `lang`.
    ///
    /// # Example
    /// ```
    /// use reglament::{i18n::Lang, ticket::{Event, Ticket}, Regulation};
    /// let e = Event::from_json(r#"{"kind":"accept","at":"2026-03-02T10:00:00Z","actor":{"id":"u","role":"user"}}"#).unwrap();
    /// let out = Ticket::new("T").try_apply(&Regulation::default(), &e);
    /// assert!(out.refusal().unwrap().message(Lang::En).contains("not registered"));
    /// ```
    pub fn message(&self, lang: Lang) -> &str {
        match lang {
            Lang::Uk => &self.message_uk,
            Lang::En => &self.message_en,
        }
    }
}

/// A warning on an accepted event.
///
/// # Example
/// ```
/// use reglament::ticket::{Warning, WarningCode};
/// use reglament::i18n::Text;
/// let w = Warning::new(WarningCode::NoChange, "3.3", Text::NoChange, &[("value", "high")]);
/// assert!(w.message_en.contains("high"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// The stable code.
    pub code: WarningCode,
    /// The clause it refers to.
    pub clause: &'static str,
    /// The sentence in Ukrainian.
    pub message_uk: String,
    /// The sentence in English.
    pub message_en: String,
}

impl Warning {
    /// A warning whose sentences come from the table.
    ///
    /// # Example
    /// ```
    /// use reglament::{i18n::Text, ticket::{Warning, WarningCode}};
    /// let w = Warning::new(WarningCode::Unclassified, "3.3", Text::Unclassified, &[]);
    /// assert!(w.message_uk.contains("категорі"));
    /// ```
    pub fn new(
        code: WarningCode,
        clause: &'static str,
        text: Text,
        args: &[(&str, &str)],
    ) -> Warning {
        Warning {
            code,
            clause,
            message_uk: text.render(Lang::Uk, args),
            message_en: text.render(Lang::En, args),
        }
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

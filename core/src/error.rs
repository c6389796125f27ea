//! The one error type of the crate.
//!
//! Every fallible operation of `reglament` returns [`Error`]. An error carries
//! a stable machine-readable [`ErrorKind`] (its [`code`](Error::code) is the
//! same string in Rust, C, JavaScript and the CLI), the input field it is
//! about (a JSON path such as `calendar.week.mon[0][1]`) when there is one,
//! and an English sentence that names the rule that was broken.
//!
//! A refusal by the regulation (an event a role may not perform) is *not* an
//! error: it is an outcome of applying an event, see the ticket module.

use std::fmt;

/// What went wrong, as a closed set of stable codes.
///
/// # Example
/// ```
/// use reglament::{Calendar, ErrorKind};
/// let err = Calendar::from_json(r#"{"timezone":"Mars/Olympus","week":{}}"#).unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::UnknownTimeZone);
/// assert_eq!(err.kind().code(), "unknown_timezone");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is not well-formed JSON, or has the wrong shape.
    InvalidJson,
    /// An object carries a key the format does not define.
    UnknownField,
    /// A required key is absent.
    MissingField,
    /// A value has the right type but breaks a rule (a time `25:00`, an empty list, ...).
    InvalidValue,
    /// A time zone name that is not in the IANA database shipped with this build.
    UnknownTimeZone,
    /// An instant that is not valid RFC 3339.
    InvalidInstant,
    /// An instant, a date or a duration outside the supported range.
    OutOfRange,
    /// The calendar has no working time where the operation needs some.
    NoWorkingTime,
    /// Two parts of the input contradict each other.
    Conflict,
}

impl ErrorKind {
    /// Every kind, in declaration order.
    ///
    /// # Example
    /// ```
    /// use reglament::ErrorKind;
    /// assert!(ErrorKind::ALL.iter().any(|k| k.code() == "conflict"));
    /// ```
    pub const ALL: &'static [ErrorKind] = &[
        ErrorKind::InvalidJson,
        ErrorKind::UnknownField,
        ErrorKind::MissingField,
        ErrorKind::InvalidValue,
        ErrorKind::UnknownTimeZone,
        ErrorKind::InvalidInstant,
        ErrorKind::OutOfRange,
        ErrorKind::NoWorkingTime,
        ErrorKind::Conflict,
    ];

    /// The stable code of this kind, identical on every face (Rust, C, JS, CLI).
    ///
    /// # Example
    /// ```
    /// assert_eq!(reglament::ErrorKind::OutOfRange.code(), "out_of_range");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            ErrorKind::InvalidJson => "invalid_json",
            ErrorKind::UnknownField => "unknown_field",
            ErrorKind::MissingField => "missing_field",
            ErrorKind::InvalidValue => "invalid_value",
            ErrorKind::UnknownTimeZone => "unknown_timezone",
            ErrorKind::InvalidInstant => "invalid_instant",
            ErrorKind::OutOfRange => "out_of_range",
            ErrorKind::NoWorkingTime => "no_working_time",
            ErrorKind::Conflict => "conflict",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The error of every fallible `reglament` operation.
///
/// # Example
/// ```
/// use reglament::Calendar;
/// let err = Calendar::from_json(
///     r#"{"timezone":"Europe/Kyiv","week":{"mon":[["09:00","25:00"]]}}"#,
/// ).unwrap_err();
/// assert!(err.is_invalid_input());
/// assert_eq!(err.field(), Some("week.mon[0][1]"));
/// assert!(err.to_string().contains("25:00"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    field: Option<String>,
    message: String,
}

impl Error {
    /// A new error of `kind` with an English `message`.
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            field: None,
            message: cap_quoted(message.into()),
        }
    }

    /// The same error, about the input `field` (a JSON path).
    pub(crate) fn at(mut self, field: impl Into<String>) -> Error {
        self.field = Some(cap(field.into()));
        self
    }

    /// The same error with `prefix` put in front of its field path
    /// (`calendar` + `week.mon` gives `calendar.week.mon`): for formats that
    /// embed another one.
    ///
    /// # Example
    /// ```
    /// let err = reglament::Calendar::from_json(r#"{"timezone":"UTC","week":{"mon":[["9","18:00"]]}}"#)
    ///     .unwrap_err()
    ///     .within("calendar");
    /// assert_eq!(err.field(), Some("calendar.week.mon[0][0]"));
    /// ```
    pub fn within(mut self, prefix: &str) -> Error {
        self.field = Some(match self.field.take() {
            None => prefix.to_string(),
            Some(f) if f.starts_with('[') => format!("{prefix}{f}"),
            Some(f) => format!("{prefix}.{f}"),
        });
        self
    }

    /// The error as the JSON every face writes: `{"code", "field", "message"}`
    /// (`field` is `null` when the error is about no one field).
    ///
    /// # Example
    /// ```
    /// let err = reglament::Calendar::from_json("{").unwrap_err();
    /// let v = err.to_value();
    /// assert_eq!((v["code"].as_str(), v["field"].is_null()), (Some("invalid_json"), true));
    /// ```
    pub fn to_value(&self) -> serde_json::Value {
        serde_json::json!({
            "code": self.code(),
            "field": self.field,
            "message": self.message,
        })
    }

    /// Shorthand for an [`ErrorKind::InvalidValue`] about `field`.
    pub(crate) fn invalid(field: impl Into<String>, message: impl Into<String>) -> Error {
        Error::new(ErrorKind::InvalidValue, message).at(field)
    }

    /// Shorthand for an [`ErrorKind::OutOfRange`] error.
    pub(crate) fn out_of_range(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::OutOfRange, message)
    }

    /// What kind of error this is.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The stable code of the kind (`"invalid_value"`, `"out_of_range"`, ...).
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }

    /// The input field the error is about, as a JSON path, when there is one.
    pub fn field(&self) -> Option<&str> {
        self.field.as_deref()
    }

    /// The English sentence, without the field prefix.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// True when the caller's input was malformed or broke a format rule
    /// (everything except range and working-time exhaustion).
    pub fn is_invalid_input(&self) -> bool {
        !matches!(self.kind, ErrorKind::OutOfRange | ErrorKind::NoWorkingTime)
    }

    /// True when an instant, date or duration fell outside the supported range.
    pub fn is_out_of_range(&self) -> bool {
        self.kind == ErrorKind::OutOfRange
    }

    /// True when the calendar has no working time where it was needed.
    pub fn is_no_working_time(&self) -> bool {
        self.kind == ErrorKind::NoWorkingTime
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.field {
            Some(field) => write!(f, "{field}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for Error {}

/// The most characters of one piece of the caller's input that a message
/// repeats: a longer piece keeps its first `INPUT_LIMIT` characters and is
/// marked as cut, so a 10 MB zone name does not make a 10 MB message.
pub const INPUT_LIMIT: usize = 200;

/// `text` when it has at most [`INPUT_LIMIT`] characters; otherwise its
/// first `INPUT_LIMIT` characters followed by `…[N more characters cut]`.
/// Every error message and field path, and every value a refusal quotes,
/// goes through this (directly or through [`cap_quoted`]), on every face.
///
/// # Example
/// ```
/// use reglament::error::{cap, INPUT_LIMIT};
/// assert_eq!(cap("Europe/Kyiv".to_string()), "Europe/Kyiv");
/// let long = cap("x".repeat(1000));
/// assert!(long.starts_with(&"x".repeat(INPUT_LIMIT)));
/// assert!(long.ends_with("x…[800 more characters cut]"));
/// ```
pub fn cap(text: String) -> String {
    match text.char_indices().nth(INPUT_LIMIT) {
        None => text,
        Some((end, _)) => {
            let (kept, rest) = text.split_at(end);
            format!("{kept}…[{} more characters cut]", rest.chars().count())
        }
    }
}

/// `message` with every quoted part (`"…"` as `{:?}` writes it, with its
/// escapes, or `` `…` `` as serde writes names) longer than [`INPUT_LIMIT`]
/// characters cut by [`cap`]: messages quote the caller's input that way.
///
/// # Example
/// ```
/// use reglament::error::cap_quoted;
/// let m = cap_quoted(format!("unknown time zone {:?}: expected an IANA name", "Z".repeat(300)));
/// assert!(m.contains("…[100 more characters cut]\": expected an IANA name"));
/// assert_eq!(cap_quoted(m.clone()), m); // cutting twice changes nothing
/// assert_eq!(cap_quoted("a \"short\" one".to_string()), "a \"short\" one");
/// ```
pub fn cap_quoted(message: String) -> String {
    if message.len() <= INPUT_LIMIT {
        return message;
    }
    let mut out = String::with_capacity(message.len().min(4 * INPUT_LIMIT));
    let mut chars = message.chars();
    while let Some(quote) = chars.next() {
        out.push(quote);
        if quote != '"' && quote != '`' {
            continue;
        }
        // the quoted part: up to the next quote not escaped by a backslash
        let mut inner = String::new();
        let mut escaped = false;
        let mut closed = false;
        for c in chars.by_ref() {
            if c == quote && !escaped {
                closed = true;
                break;
            }
            escaped = quote == '"' && c == '\\' && !escaped;
            inner.push(c);
        }
        out.push_str(&cut_quoted(inner, quote == '"'));
        if closed {
            out.push(quote);
        }
    }
    out
}

/// One quoted part cut by [`cap`] (unless cut already), never keeping half
/// of an escape sequence when `escapes`.
fn cut_quoted(inner: String, escapes: bool) -> String {
    if inner.ends_with(" more characters cut]") {
        return inner;
    }
    let mut kept: String = inner.chars().take(INPUT_LIMIT).collect();
    if kept.len() == inner.len() {
        return inner;
    }
    if escapes && kept.chars().rev().take_while(|&c| c == '\\').count() % 2 == 1 {
        kept.pop();
    }
    let more = inner.chars().count() - kept.chars().count();
    format!("{kept}…[{more} more characters cut]")
}

/// Shorthand for `Result<T, reglament::Error>`.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_keeps_whole_escapes_and_the_closing_quote() {
        // 199 characters then an escaped quote: the cut must not keep half of it
        let input = format!("{}\"{}", "a".repeat(199), "b".repeat(500));
        let m = cap_quoted(format!("bad {input:?} here"));
        assert!(
            m.starts_with(&format!("bad \"{}…[", "a".repeat(199))),
            "{m}"
        );
        assert!(m.ends_with(" more characters cut]\" here"), "{m}");
        // a backtick name, as serde quotes it
        let m = cap_quoted(format!("unknown variant `{}`, expected x", "v".repeat(250)));
        assert!(
            m.ends_with("v…[50 more characters cut]`, expected x"),
            "{m}"
        );
        // an unclosed quote is cut too
        assert!(
            cap_quoted(format!("x \"{}", "q".repeat(300))).ends_with("[100 more characters cut]")
        );
        // characters, not bytes
        assert_eq!(cap("ї".repeat(200)), "ї".repeat(200));
    }
}

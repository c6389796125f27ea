//! How `reglament` talks to the shell: exit statuses, standard output that
//! never panics on a closed pipe, colours and progress only on a terminal,
//! and `-` for standard input.
//!
//! Every command writes through [`Out`] (or [`emit`]) and [`say`], never
//! `println!`/`eprintln!` (the crate denies `clippy::print_stdout` and
//! `clippy::print_stderr`): those panic when the reader of a pipe has gone
//! (`reglament holidays --year 2026 | head -1`).

use std::fmt;
use std::io::{self, BufWriter, IsTerminal, Read, StdoutLock, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use clap::builder::styling::{AnsiColor, Style};

/// The exit statuses, the same for every command (README, *Exit status*).
pub mod status {
    /// Success; for a command that judges, the verdict is "yes".
    pub const OK: u8 = 0;
    /// The command judged and the answer is "no": `check` or `calendar
    /// check` found the file invalid, `replay --strict` saw refused events.
    pub const VERDICT: u8 = 1;
    /// Usage error: unknown option, missing or malformed argument (clap's own status).
    pub const USAGE: u8 = 2;
    /// Bad input: a file or standard input that cannot be read, or data the
    /// command needs (a calendar, a regulation, an event, an instant) that is invalid.
    pub const INPUT: u8 = 3;
    /// Standard output could not be written (a full disk, an I/O error);
    /// a closed pipe is not an error.
    pub const OUTPUT: u8 = 4;
}

/// Why a command ended before its work was done.
#[derive(Debug)]
pub enum Failure {
    /// The verdict is "no" (status 1); the sentence says why.
    Verdict(String),
    /// A usage error found after parsing (status 2), e.g. `-` given twice.
    Usage(String),
    /// Bad input (status 3).
    Input(String),
    /// Standard output failed (status 4).
    Output(String),
    /// The reader of standard output has gone: stop quietly (status 0).
    Closed,
}

impl Failure {
    /// The exit status of this failure.
    pub fn status(&self) -> u8 {
        match self {
            Failure::Verdict(_) => status::VERDICT,
            Failure::Usage(_) => status::USAGE,
            Failure::Input(_) => status::INPUT,
            Failure::Output(_) => status::OUTPUT,
            Failure::Closed => status::OK,
        }
    }

    /// The sentence for standard error, if any.
    pub fn message(&self) -> Option<&str> {
        match self {
            Failure::Verdict(m) | Failure::Usage(m) | Failure::Input(m) | Failure::Output(m) => {
                Some(m)
            }
            Failure::Closed => None,
        }
    }
}

/// A plain message is bad input: what most helpers report (a file that
/// cannot be read, an invalid calendar, an instant that does not parse).
impl From<String> for Failure {
    fn from(message: String) -> Failure {
        Failure::Input(message)
    }
}

impl From<&str> for Failure {
    fn from(message: &str) -> Failure {
        Failure::Input(message.to_string())
    }
}

/// A write to standard output that failed: a closed pipe ends the command
/// quietly, anything else is an output error.
pub fn write_failure(e: io::Error) -> Failure {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Failure::Closed
    } else {
        Failure::Output(format!("standard output: {e}"))
    }
}

/// What a command returns.
pub type Done = Result<(), Failure>;

/// `--color`: when to colour refusals and breaches: `auto` on a terminal
/// unless NO_COLOR is set (to anything but ""), `always` (even in a pipe or
/// with NO_COLOR), `never`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

struct Settings {
    color_out: bool,
    color_err: bool,
    progress: bool,
}

static SETTINGS: OnceLock<Settings> = OnceLock::new();

fn no_color_env() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// Decides colours and progress once, from the global options, the
/// environment and whether stdout / stderr are terminals.
pub fn init(color: ColorWhen, quiet: bool) {
    let auto = |terminal: bool| match color {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => terminal && !no_color_env(),
    };
    let _ = SETTINGS.set(Settings {
        color_out: auto(io::stdout().is_terminal()),
        color_err: auto(io::stderr().is_terminal()),
        progress: !quiet && io::stderr().is_terminal(),
    });
}

fn settings() -> &'static Settings {
    SETTINGS.get_or_init(|| Settings {
        color_out: false,
        color_err: false,
        progress: false,
    })
}

/// Styles of the things worth seeing at a glance.
#[derive(Clone, Copy)]
pub enum Tone {
    /// A refused event, a breached clock, a clock met late, an error.
    Bad,
    /// A warning (staff outside working hours, a threshold crossed).
    Warn,
}

impl Tone {
    fn style(self) -> Style {
        match self {
            Tone::Bad => Style::new().bold().fg_color(Some(AnsiColor::Red.into())),
            Tone::Warn => Style::new().fg_color(Some(AnsiColor::Yellow.into())),
        }
    }
}

fn paint_if(on: bool, tone: Tone, text: &str) -> String {
    if on {
        let s = tone.style();
        format!("{s}{text}{s:#}")
    } else {
        text.to_string()
    }
}

/// `text` in `tone` when standard output is to be coloured.
pub fn paint(tone: Tone, text: &str) -> String {
    paint_if(settings().color_out, tone, text)
}

/// Standard output, buffered, for commands that print as they go.
pub struct Out {
    inner: BufWriter<StdoutLock<'static>>,
}

impl Out {
    /// Locks standard output.
    pub fn new() -> Out {
        Out {
            inner: BufWriter::with_capacity(1 << 16, io::stdout().lock()),
        }
    }

    /// Writes `args` and a newline.
    pub fn line(&mut self, args: fmt::Arguments<'_>) -> Done {
        self.inner.write_fmt(args).map_err(write_failure)?;
        self.inner.write_all(b"\n").map_err(write_failure)
    }

    /// Flushes; call at the end (a drop flushes too, but silently).
    pub fn finish(mut self) -> Done {
        self.inner.flush().map_err(write_failure)
    }
}

/// `outln!(out, "format", args...)`: one line through [`Out::line`], `?`-ready.
#[macro_export]
macro_rules! outln {
    ($out:expr) => { $out.line(format_args!("")) };
    ($out:expr, $($arg:tt)*) => { $out.line(format_args!($($arg)*)) };
}

/// Writes `text` to standard output at once and flushes.
pub fn emit(text: &str) -> Done {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(write_failure)
}

/// A line on standard error (`reglament: ...`), red on a terminal; never
/// panics (a closed standard error loses the message, nothing else).
pub fn say(tone: Option<Tone>, message: &str) {
    let text = format!("reglament: {message}");
    let text = match tone {
        Some(t) => paint_if(settings().color_err, t, &text),
        None => text,
    };
    let mut err = io::stderr().lock();
    let _ = writeln!(err, "{text}");
}

static STDIN_TAKEN: AtomicBool = AtomicBool::new(false);

/// Whether `path` names standard input.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// How to name `path` in a message.
pub fn display(path: &Path) -> String {
    if is_stdin(path) {
        "standard input".into()
    } else {
        path.display().to_string()
    }
}

/// A usage error when more than one of `paths` is `-` (standard input can
/// be read once); call it before reading any of them.
pub fn stdin_once<'a>(paths: impl IntoIterator<Item = &'a Path>) -> Done {
    if paths.into_iter().filter(|p| is_stdin(p)).count() > 1 {
        return Err(Failure::Usage(
            "standard input (`-`) can be read once; give the other inputs as files".into(),
        ));
    }
    Ok(())
}

/// Claims standard input for `what`; a second claim is a usage error
/// (standard input can be read once).
pub fn claim_stdin(what: &str) -> Done {
    if STDIN_TAKEN.swap(true, Ordering::SeqCst) {
        Err(Failure::Usage(format!(
            "{what}: standard input (`-`) is already read by another argument; give a file"
        )))
    } else {
        Ok(())
    }
}

/// The bytes of a file, or of standard input for `-`; one that cannot be
/// read is bad input.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, Failure> {
    if is_stdin(path) {
        claim_stdin("-")?;
        let mut bytes = Vec::new();
        io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map_err(|e| Failure::Input(format!("standard input: {e}")))?;
        Ok(bytes)
    } else {
        std::fs::read(path).map_err(|e| Failure::Input(format!("{}: {e}", display(path))))
    }
}

/// `bytes` as text, or the sentence saying they are not UTF-8.
pub fn utf8(path: &Path, bytes: Vec<u8>) -> Result<String, String> {
    String::from_utf8(bytes)
        .map_err(|_| format!("{}: stream did not contain valid UTF-8", display(path)))
}

/// The text of a file, or of standard input for `-`. A file that cannot be
/// read is bad input; so is text that is not UTF-8.
pub fn read_text(path: &Path) -> Result<String, Failure> {
    Ok(utf8(path, read_bytes(path)?)?)
}

/// A one-line progress report on standard error, drawn only when standard
/// error is a terminal and `--quiet` is not given: first at once, then at
/// most ten times a second; [`Progress::done`] erases it.
pub struct Progress {
    on: bool,
    what: &'static str,
    last: Option<Instant>,
    drawn: bool,
}

impl Progress {
    /// A report about `what` (e.g. "compliance"); `extra` must also hold
    /// for it to be shown (e.g. batch: standard input is not a terminal).
    pub fn new(what: &'static str, extra: bool) -> Progress {
        Progress {
            on: extra && settings().progress,
            what,
            last: None,
            drawn: false,
        }
    }

    /// Whether anything will be drawn.
    pub fn is_on(&self) -> bool {
        self.on
    }

    /// `done` items of `total` (if known); `unit` says what is counted ("answered", "files read").
    pub fn show(&mut self, done: u64, total: Option<u64>, unit: &str) {
        if !self.on {
            return;
        }
        let now = Instant::now();
        if self
            .last
            .is_some_and(|t| now.duration_since(t) < Duration::from_millis(100))
        {
            return;
        }
        self.last = Some(now);
        self.drawn = true;
        let text = match total {
            Some(t) => format!("{}: {done}/{t} {unit}", self.what),
            None => format!("{}: {done} {unit}", self.what),
        };
        let mut err = io::stderr().lock();
        let _ = write!(err, "\r\x1b[K{text}");
        let _ = err.flush();
    }
}

/// Erases the line when the work ends (or fails).
impl Drop for Progress {
    fn drop(&mut self) {
        if self.drawn {
            let mut err = io::stderr().lock();
            let _ = write!(err, "\r\x1b[K");
            let _ = err.flush();
        }
    }
}

/// Whether standard input is a terminal (a person typing).
pub fn stdin_is_terminal() -> bool {
    io::stdin().is_terminal()
}

/// Whether standard output is a terminal.
pub fn stdout_is_terminal() -> bool {
    io::stdout().is_terminal()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closed_pipe_is_quiet_and_other_write_errors_are_output_errors() {
        let closed = write_failure(io::Error::from(io::ErrorKind::BrokenPipe));
        assert!(matches!(closed, Failure::Closed));
        assert_eq!(closed.status(), 0);
        assert_eq!(closed.message(), None);
        let full = write_failure(io::Error::from_raw_os_error(28)); // ENOSPC
        assert_eq!(full.status(), status::OUTPUT);
        assert!(full.message().unwrap().starts_with("standard output: "));
    }

    #[test]
    fn plain_messages_are_bad_input() {
        let f: Failure = String::from("x.json: no such file").into();
        assert_eq!(f.status(), status::INPUT);
        assert_eq!(Failure::Verdict("no".into()).status(), status::VERDICT);
        assert_eq!(Failure::Usage("no".into()).status(), status::USAGE);
    }

    #[test]
    fn standard_input_can_be_named_once() {
        let (a, dash) = (Path::new("a.json"), Path::new("-"));
        assert!(stdin_once([a, dash]).is_ok());
        assert!(stdin_once([a, a]).is_ok());
        let twice = stdin_once([dash, a, dash]).unwrap_err();
        assert_eq!(twice.status(), status::USAGE);
        assert_eq!(display(dash), "standard input");
    }
}

//! Parsed calendars and regulations, cached per backend by content.
//!
//! Building a calendar costs milliseconds (the default one, with its
//! Ukrainian holidays, about 3 ms); a query over a million rows passes the
//! same `jsonb` a million times. Each backend (one thread) keeps the last
//! [`CAPACITY`] distinct documents of each kind, keyed by the bytes of their
//! binary jsonb form (canonical: equal documents have equal bytes, whatever
//! their key order or spacing), most recently used first. A `NULL` document
//! is the embedded default, built once per backend.

use std::cell::RefCell;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::rc::Rc;

use reglament::{Calendar, Regulation};

use crate::convert::JsonbArg;
use crate::error::{raise, OrRaise};

/// How many distinct documents of each kind a backend keeps.
pub(crate) const CAPACITY: usize = 16;

/// A small most-recently-used list keyed by a document's bytes.
struct Lru<T> {
    entries: Vec<(u64, Vec<u8>, Rc<T>)>,
    default: Option<Rc<T>>,
}

impl<T> Lru<T> {
    const fn new() -> Lru<T> {
        Lru {
            entries: Vec::new(),
            default: None,
        }
    }

    fn get_or_build(&mut self, bytes: &[u8], build: impl FnOnce() -> T) -> Rc<T> {
        let mut h = DefaultHasher::new();
        bytes.hash(&mut h);
        let key = h.finish();
        if let Some(i) = self
            .entries
            .iter()
            .position(|(k, b, _)| *k == key && b.as_slice() == bytes)
        {
            if i != 0 {
                let e = self.entries.remove(i);
                self.entries.insert(0, e);
            }
            return Rc::clone(&self.entries[0].2);
        }
        let value = Rc::new(build());
        self.entries.truncate(CAPACITY - 1);
        self.entries
            .insert(0, (key, bytes.to_vec(), Rc::clone(&value)));
        value
    }

    fn default_or(&mut self, build: impl FnOnce() -> T) -> Rc<T> {
        Rc::clone(self.default.get_or_insert_with(|| Rc::new(build())))
    }
}

thread_local! {
    static CALENDARS: RefCell<Lru<Calendar>> = const { RefCell::new(Lru::new()) };
    static REGULATIONS: RefCell<Lru<Regulation>> = const { RefCell::new(Lru::new()) };
}

/// The calendar of a `jsonb` argument (`NULL`: the embedded default).
/// A malformed calendar raises the core's error, its field under `calendar`.
pub(crate) fn calendar(arg: Option<&JsonbArg>) -> Rc<Calendar> {
    CALENDARS.with(|c| {
        let mut c = c.borrow_mut();
        match arg {
            None => c.default_or(Calendar::default_kyiv),
            Some(a) => c.get_or_build(a.bytes(), || {
                let v = a.value("calendar");
                let spec = reglament::calendar::CalendarSpec::from_value(&v)
                    .unwrap_or_else(|e| raise(&e.within("calendar")));
                Calendar::from_spec(&spec).unwrap_or_else(|e| raise(&e.within("calendar")))
            }),
        }
    })
}

/// The regulation of a `jsonb` argument: a complete regulation file (as
/// `reglament.regulation()` or `reglament init` prints it); `NULL`: the
/// embedded default.
pub(crate) fn regulation(arg: Option<&JsonbArg>) -> Rc<Regulation> {
    REGULATIONS.with(|c| {
        let mut c = c.borrow_mut();
        match arg {
            None => c.default_or(Regulation::default),
            Some(a) => c.get_or_build(a.bytes(), || {
                Regulation::from_value(&a.value("regulation"))
                    .unwrap_or_else(|e| raise(&e.within("regulation")))
            }),
        }
    })
}

/// The regulation of a JSON text (the trigger's argument), cached the same way.
pub(crate) fn regulation_text(text: &str) -> Rc<Regulation> {
    REGULATIONS.with(|c| {
        c.borrow_mut().get_or_build(text.as_bytes(), || {
            let v: serde_json::Value = serde_json::from_str(text)
                .or_raise_kind(reglament::ErrorKind::InvalidJson, "regulation");
            Regulation::from_value(&v).unwrap_or_else(|e| raise(&e.within("regulation")))
        })
    })
}

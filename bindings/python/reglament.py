"""ctypes binding of the reglament C library (libreglament.so): no compiler needed.

A Python ERP (Odoo-style) loads the shared library and enforces the
technical-support regulation with it::

    import reglament
    reg = reglament.Regulation.default()
    t = reglament.Ticket("T-1")
    t.apply(reg, {"kind": "register", "at": "2026-03-02T10:00:00+02:00", ...})
    try:
        t.apply(reg, {"kind": "archive", ...})
    except reglament.Refused as r:
        print(r.clause, r.code, r.message_uk)

The library is found through ``$REGLAMENT_LIB`` (a path), else by the name
``libreglament.so.0`` / ``libreglament.so`` on the loader's search path.
Instants are ``datetime`` (aware) or Unix seconds; durations are seconds.
Every string crosses as UTF-8; strings the library returns are copied and
freed at once, so nothing here leaks or needs closing by hand (handles are
freed when their Python object goes away, or explicitly with ``close()``).
"""

from __future__ import annotations

import ctypes
import json
import os
from ctypes import POINTER, byref, c_bool, c_char_p, c_int32, c_int64, c_size_t, c_void_p
from datetime import datetime, timezone
from typing import Any, Iterable, Optional, Sequence, Union

__all__ = [
    "Calendar",
    "Error",
    "InvalidArgument",
    "InvalidInput",
    "NoWorkingTime",
    "OutOfRange",
    "Refused",
    "Regulation",
    "Ticket",
    "chain",
    "chain_head",
    "compliance",
    "library_version",
    "merkle_root",
    "verify",
    "must_register",
    "queue",
    "what_if",
]

OK, INVALID_ARGUMENT, INVALID_INPUT, OUT_OF_RANGE, NO_WORKING_TIME, REFUSED, PANIC = range(7)


def _load() -> ctypes.CDLL:
    path = os.environ.get("REGLAMENT_LIB")
    if path:
        return ctypes.CDLL(path)
    last: Optional[OSError] = None
    for name in ("libreglament.so.0", "libreglament.so"):
        try:
            return ctypes.CDLL(name)
        except OSError as e:  # try the next name
            last = e
    raise OSError(f"libreglament not found (set REGLAMENT_LIB): {last}")


_lib = _load()

_ERR = POINTER(c_void_p)  # reglament_error **
_STR_OUT = POINTER(c_void_p)  # char ** (kept as c_void_p so it can be freed)


def _fn(name: str, restype: Any, *argtypes: Any) -> Any:
    f = getattr(_lib, name)
    f.restype = restype
    f.argtypes = list(argtypes)
    return f


_version = _fn("reglament_version", c_char_p)
_string_free = _fn("reglament_string_free", None, c_void_p)
_error_status = _fn("reglament_error_status", c_int32, c_void_p)
_error_code = _fn("reglament_error_code", c_char_p, c_void_p)
_error_message = _fn("reglament_error_message", c_char_p, c_void_p)
_error_message_uk = _fn("reglament_error_message_uk", c_char_p, c_void_p)
_error_field = _fn("reglament_error_field", c_char_p, c_void_p)
_error_clause = _fn("reglament_error_clause", c_char_p, c_void_p)
_error_json = _fn("reglament_error_json", c_char_p, c_void_p)
_error_free = _fn("reglament_error_free", None, c_void_p)

_cal_from_json = _fn("reglament_calendar_from_json", c_int32, c_char_p, c_size_t, POINTER(c_void_p), _ERR)
_cal_default = _fn("reglament_calendar_default_kyiv", c_int32, POINTER(c_void_p), _ERR)
_cal_free = _fn("reglament_calendar_free", None, c_void_p)
_cal_add = _fn("reglament_calendar_add", c_int32, c_void_p, c_int64, c_int64, POINTER(c_int64), _ERR)
_cal_sub = _fn("reglament_calendar_sub", c_int32, c_void_p, c_int64, c_int64, POINTER(c_int64), _ERR)
_cal_elapsed = _fn("reglament_calendar_elapsed", c_int32, c_void_p, c_int64, c_int64, POINTER(c_int64), _ERR)
_cal_is_working = _fn("reglament_calendar_is_working", c_int32, c_void_p, c_int64, POINTER(c_bool), _ERR)
_cal_next_working = _fn("reglament_calendar_next_working", c_int32, c_void_p, c_int64, POINTER(c_int64), _ERR)
_cal_add_days = _fn(
    "reglament_calendar_add_working_days", c_int32, c_void_p, c_int64, ctypes.c_uint32, POINTER(c_int64), _ERR
)
_cal_to_json = _fn("reglament_calendar_to_json", c_int32, c_void_p, _STR_OUT, _ERR)

_reg_from_json = _fn("reglament_regulation_from_json", c_int32, c_char_p, c_size_t, POINTER(c_void_p), _ERR)
_reg_default = _fn("reglament_regulation_default", c_int32, POINTER(c_void_p), _ERR)
_reg_overrides = _fn("reglament_regulation_with_overrides", c_int32, c_char_p, c_size_t, POINTER(c_void_p), _ERR)
_reg_free = _fn("reglament_regulation_free", None, c_void_p)
_reg_to_json = _fn("reglament_regulation_to_json", c_int32, c_void_p, _STR_OUT, _ERR)
_reg_calendar = _fn("reglament_regulation_calendar", c_int32, c_void_p, POINTER(c_void_p), _ERR)
_reg_archive_due = _fn("reglament_regulation_archive_due", c_int32, c_void_p, c_int64, POINTER(c_int64), _ERR)
_reg_notice_due = _fn(
    "reglament_regulation_contact_change_notice_due", c_int32, c_void_p, c_int64, POINTER(c_int64), _ERR
)
_must_register = _fn(
    "reglament_must_register", c_int32, c_char_p, c_size_t, c_char_p, c_size_t, c_bool, POINTER(c_bool), _ERR
)

_reg_fingerprint = _fn("reglament_regulation_fingerprint", c_int32, c_void_p, _STR_OUT, _ERR)
_reg_complete = _fn("reglament_regulation_complete_json", c_int32, c_void_p, _STR_OUT, _ERR)
_chain_json = _fn("reglament_chain_json", c_int32, c_void_p, c_char_p, c_size_t, c_char_p, c_size_t, _STR_OUT, _ERR)
_chain_head = _fn("reglament_chain_head", c_int32, c_void_p, c_char_p, c_size_t, c_char_p, c_size_t, _STR_OUT, _ERR)
_verify_json = _fn("reglament_verify_json", c_int32, c_void_p, c_char_p, c_size_t, c_char_p, c_size_t, _STR_OUT, _ERR)
_merkle_root = _fn("reglament_merkle_root", c_int32, c_char_p, c_size_t, _STR_OUT, _ERR)
_ticket_new = _fn("reglament_ticket_new", c_int32, c_char_p, c_size_t, POINTER(c_void_p), _ERR)
_ticket_free = _fn("reglament_ticket_free", None, c_void_p)
_ticket_clone = _fn("reglament_ticket_clone", c_int32, c_void_p, POINTER(c_void_p), _ERR)
_ticket_apply = _fn("reglament_ticket_apply", c_int32, c_void_p, c_void_p, c_char_p, c_size_t, _STR_OUT, _ERR)
_ticket_check = _fn("reglament_ticket_check", c_int32, c_void_p, c_void_p, c_char_p, c_size_t, _STR_OUT, _ERR)
_ticket_replay = _fn(
    "reglament_ticket_replay",
    c_int32,
    c_void_p,
    c_char_p,
    c_size_t,
    c_char_p,
    c_size_t,
    POINTER(c_void_p),
    _STR_OUT,
    _ERR,
)
_ticket_to_json = _fn("reglament_ticket_to_json", c_int32, c_void_p, POINTER(c_int64), _STR_OUT, _ERR)
_ticket_clocks = _fn("reglament_ticket_clocks_json", c_int32, c_void_p, c_void_p, c_int64, _STR_OUT, _ERR)
_ticket_next = _fn(
    "reglament_ticket_next_change", c_int32, c_void_p, c_void_p, c_int64, POINTER(c_bool), POINTER(c_int64), _ERR
)
_ticket_plan = _fn("reglament_ticket_clock_plan", c_int32, c_void_p, c_void_p, POINTER(c_void_p), _ERR)
_plan_free = _fn("reglament_clock_plan_free", None, c_void_p)
_plan_from = _fn("reglament_clock_plan_valid_from", c_int32, c_void_p, POINTER(c_int64), _ERR)
_plan_clocks = _fn("reglament_clock_plan_clocks_json", c_int32, c_void_p, c_int64, _STR_OUT, _ERR)
_plan_summary = _fn("reglament_clock_plan_summary_json", c_int32, c_void_p, c_int64, _STR_OUT, _ERR)
_plan_next = _fn("reglament_clock_plan_next_change", c_int32, c_void_p, c_int64, POINTER(c_bool), POINTER(c_int64), _ERR)
_ticket_explain = _fn(
    "reglament_ticket_explain_json", c_int32, c_void_p, c_void_p, c_char_p, c_size_t, c_int64, _STR_OUT, _ERR
)
_what_if = _fn(
    "reglament_what_if_json",
    c_int32,
    c_void_p,
    c_void_p,
    c_char_p,
    c_size_t,
    c_char_p,
    c_size_t,
    POINTER(c_int64),
    _STR_OUT,
    _ERR,
)
_queue = _fn("reglament_queue", c_int32, POINTER(c_void_p), c_size_t, POINTER(c_size_t), POINTER(c_size_t), _ERR)
_compliance = _fn(
    "reglament_compliance_json",
    c_int32,
    c_void_p,
    POINTER(c_void_p),
    c_size_t,
    POINTER(c_int64),
    POINTER(c_int64),
    c_int64,
    _STR_OUT,
    _ERR,
)



class _Clock(ctypes.Structure):
    """reglament_clock (reglament.h): plain values, `has_` flags for absent ones."""

    _fields_ = [
        ("present", c_bool),
        ("metric", ctypes.c_int),
        ("state", ctypes.c_int),
        ("started_at", c_int64),
        ("has_target", c_bool),
        ("target", c_int64),
        ("added_seconds", c_int64),
        ("consumed", c_int64),
        ("has_remaining", c_bool),
        ("remaining", c_int64),
        ("has_due", c_bool),
        ("due_at", c_int64),
        ("has_original_due", c_bool),
        ("original_due_at", c_int64),
        ("has_met", c_bool),
        ("met_at", c_int64),
        ("has_on_time", c_bool),
        ("on_time", c_bool),
        ("has_breached", c_bool),
        ("breached_at", c_int64),
        ("has_original_breached", c_bool),
        ("original_breached_at", c_int64),
        ("paused", c_bool),
        ("paused_since", c_int64),
        ("has_stopped", c_bool),
        ("stopped_at", c_int64),
    ]


class _Clocks(ctypes.Structure):
    """reglament_clocks (reglament.h)."""

    _fields_ = [
        ("now", c_int64),
        ("status", ctypes.c_int),
        ("response", _Clock),
        ("resolution", _Clock),
        ("update_interval", _Clock),
        ("has_next_change", c_bool),
        ("next_change_at", c_int64),
    ]


_ticket_status = _fn("reglament_ticket_status", c_int32, c_void_p, POINTER(ctypes.c_int), _ERR)
_ticket_clocks_typed = _fn("reglament_ticket_clocks", c_int32, c_void_p, c_void_p, c_int64, POINTER(_Clocks), _ERR)
_status_name = _fn("reglament_request_status_name", c_char_p, c_int32)
_metric_name = _fn("reglament_metric_name", c_char_p, c_int32)
_state_name = _fn("reglament_clock_state_name", c_char_p, c_int32)


def _clock_dict(c: _Clock) -> Optional[dict]:
    if not c.present:
        return None

    def opt(has: bool, v: int, instant: bool = True) -> Any:
        return (_dt(v) if instant else v) if has else None

    return {
        "metric": _text(_metric_name(c.metric)),
        "state": _text(_state_name(c.state)),
        "started_at": _dt(c.started_at),
        "target": opt(c.has_target, c.target, False),
        "added_seconds": c.added_seconds,
        "consumed": c.consumed,
        "remaining": opt(c.has_remaining, c.remaining, False),
        "due_at": opt(c.has_due, c.due_at),
        "original_due_at": opt(c.has_original_due, c.original_due_at),
        "met_at": opt(c.has_met, c.met_at),
        "on_time": c.on_time if c.has_on_time else None,
        "breached_at": opt(c.has_breached, c.breached_at),
        "original_breached_at": opt(c.has_original_breached, c.original_breached_at),
        "paused_since": opt(c.paused, c.paused_since),
        "stopped_at": opt(c.has_stopped, c.stopped_at),
    }


class Error(Exception):
    """A failed call: ``status`` (int), ``code`` (stable string), ``field``
    (JSON path or parameter, or None) and the English message."""

    def __init__(self, status: int, code: str, message: str, field: Optional[str]):
        super().__init__(message)
        self.status, self.code, self.message, self.field = status, code, message, field


class InvalidArgument(Error):
    """The calling convention was broken (a bug of the binding or its caller)."""


class InvalidInput(Error):
    """A document or value is malformed (invalid JSON, unknown field, ...)."""


class OutOfRange(Error):
    """An instant or duration outside the supported range."""


class NoWorkingTime(Error):
    """The calendar has no working time where it is needed."""


class Refused(Error):
    """The regulation refused the event: ``clause``, ``code``, ``message``
    (English), ``message_uk`` and ``refusal`` (the whole refusal as a dict)."""

    def __init__(self, status: int, code: str, message: str, field: Optional[str], clause: str, message_uk: str,
                 refusal: dict):
        super().__init__(status, code, message, field)
        self.clause, self.message_uk, self.refusal = clause, message_uk, refusal


_CLASSES = {INVALID_ARGUMENT: InvalidArgument, INVALID_INPUT: InvalidInput, OUT_OF_RANGE: OutOfRange,
            NO_WORKING_TIME: NoWorkingTime}


def _text(b: Optional[bytes]) -> Optional[str]:
    return None if b is None else b.decode("utf-8")


def _raise(status: int, err: c_void_p) -> None:
    """Turns a failed status and its error object into an exception (and frees it)."""
    if not err.value:
        raise Error(status, "unknown", f"reglament call failed with status {status}", None)
    try:
        code = _text(_error_code(err)) or "unknown"
        message = _text(_error_message(err)) or ""
        field = _text(_error_field(err))
        if status == REFUSED:
            detail = json.loads(_text(_error_json(err)) or "{}")
            raise Refused(status, code, message, field, _text(_error_clause(err)) or "",
                          _text(_error_message_uk(err)) or "", detail.get("refusal", {}))
        raise _CLASSES.get(status, Error)(status, code, message, field)
    finally:
        _error_free(err)


def _call(f: Any, *args: Any) -> None:
    err = c_void_p()
    status = f(*args, byref(err))
    if status != OK:
        _raise(status, err)


def _take_string(p: c_void_p) -> Optional[str]:
    """Copies a library-owned string and frees it."""
    if not p.value:
        return None
    try:
        return ctypes.string_at(p.value).decode("utf-8")
    finally:
        _string_free(p)


def _utf8(s: str) -> bytes:
    return s.encode("utf-8")


def _json_bytes(doc: Union[str, bytes, dict, list]) -> bytes:
    if isinstance(doc, bytes):
        return doc
    if isinstance(doc, str):
        return doc.encode("utf-8")
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


def _secs(t: Union[int, datetime]) -> int:
    if isinstance(t, datetime):
        if t.tzinfo is None:
            raise ValueError("naive datetime: give a time zone (instants are absolute)")
        return int(t.timestamp() // 1)
    return int(t)


def _dt(secs: int) -> datetime:
    return datetime.fromtimestamp(secs, tz=timezone.utc)


def library_version() -> str:
    """The version of the loaded libreglament."""
    return _version().decode("ascii")


class _Handle:
    _free: Any = None

    def __init__(self, ptr: c_void_p):
        self._ptr = ptr

    def close(self) -> None:
        """Frees the handle now (idempotent)."""
        if self._ptr is not None and self._ptr.value:
            type(self)._free(self._ptr)
        self._ptr = None

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # interpreter shutdown
            pass

    def __enter__(self):
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    @property
    def _as_parameter_(self) -> c_void_p:
        if self._ptr is None:
            raise ValueError(f"{type(self).__name__} is closed")
        return self._ptr


class Calendar(_Handle):
    """A working-time calendar (immutable, shareable between threads)."""

    _free = staticmethod(_cal_free)

    @classmethod
    def from_json(cls, doc: Union[str, bytes, dict]) -> "Calendar":
        data, out = _json_bytes(doc), c_void_p()
        _call(_cal_from_json, data, len(data), byref(out))
        return cls(out)

    @classmethod
    def default_kyiv(cls) -> "Calendar":
        out = c_void_p()
        _call(_cal_default, byref(out))
        return cls(out)

    def _instant(self, f: Any, *args: Any) -> datetime:
        out = c_int64()
        _call(f, self, *args, byref(out))
        return _dt(out.value)

    def add(self, t: Union[int, datetime], seconds: int) -> datetime:
        """The earliest instant when ``seconds`` of working time have passed since ``t``."""
        return self._instant(_cal_add, _secs(t), seconds)

    def sub(self, t: Union[int, datetime], seconds: int) -> datetime:
        """The latest instant from which ``seconds`` of working time reach ``t``."""
        return self._instant(_cal_sub, _secs(t), seconds)

    def elapsed(self, start: Union[int, datetime], end: Union[int, datetime]) -> int:
        """Working seconds in ``[start, end)`` (negative when ``end < start``)."""
        out = c_int64()
        _call(_cal_elapsed, self, _secs(start), _secs(end), byref(out))
        return out.value

    def is_working(self, t: Union[int, datetime]) -> bool:
        out = c_bool()
        _call(_cal_is_working, self, _secs(t), byref(out))
        return out.value

    def next_working(self, t: Union[int, datetime]) -> datetime:
        return self._instant(_cal_next_working, _secs(t))

    def add_working_days(self, t: Union[int, datetime], days: int) -> datetime:
        """The closing instant of the ``days``-th working day after the local date of ``t`` (clause 5)."""
        return self._instant(_cal_add_days, _secs(t), days)

    def to_json(self) -> dict:
        out = c_void_p()
        _call(_cal_to_json, self, byref(out))
        return json.loads(_take_string(out) or "null")


class Regulation(_Handle):
    """A validated regulation file (immutable, shareable between threads)."""

    _free = staticmethod(_reg_free)

    @classmethod
    def default(cls) -> "Regulation":
        out = c_void_p()
        _call(_reg_default, byref(out))
        return cls(out)

    @classmethod
    def from_json(cls, doc: Union[str, bytes, dict]) -> "Regulation":
        data, out = _json_bytes(doc), c_void_p()
        _call(_reg_from_json, data, len(data), byref(out))
        return cls(out)

    @classmethod
    def with_overrides(cls, over: Union[str, bytes, dict]) -> "Regulation":
        """The default regulation with ``over`` merged onto it."""
        data, out = _json_bytes(over), c_void_p()
        _call(_reg_overrides, data, len(data), byref(out))
        return cls(out)

    def to_json(self) -> dict:
        out = c_void_p()
        _call(_reg_to_json, self, byref(out))
        return json.loads(_take_string(out) or "null")

    def fingerprint(self) -> str:
        """`sha256:<64 hex>` of the complete regulation's RFC 8785 form (DESIGN §5)."""
        out = c_void_p()
        _call(_reg_fingerprint, self, byref(out))
        return _take_string(out) or ""

    def complete(self) -> dict:
        """The complete regulation: every default filled in, every set in one order."""
        out = c_void_p()
        _call(_reg_complete, self, byref(out))
        return json.loads(_take_string(out) or "null")

    def calendar(self) -> Calendar:
        out = c_void_p()
        _call(_reg_calendar, self, byref(out))
        return Calendar(out)

    def archive_due(self, released_at: Union[int, datetime]) -> datetime:
        out = c_int64()
        _call(_reg_archive_due, self, _secs(released_at), byref(out))
        return _dt(out.value)

    def contact_change_notice_due(self, at: Union[int, datetime]) -> datetime:
        out = c_int64()
        _call(_reg_notice_due, self, _secs(at), byref(out))
        return _dt(out.value)


class Ticket(_Handle):
    """One request: apply events, read its state and SLA clocks. Not for
    concurrent use from several threads."""

    _free = staticmethod(_ticket_free)

    def __init__(self, ticket_id: Union[str, c_void_p]):
        if isinstance(ticket_id, c_void_p):
            super().__init__(ticket_id)
            return
        data, out = _utf8(ticket_id), c_void_p()
        _call(_ticket_new, data, len(data), byref(out))
        super().__init__(out)

    @classmethod
    def replay(cls, regulation: Regulation, ticket_id: str, events: Union[str, bytes, list]) -> tuple:
        """A new ticket from a stored history; returns (ticket, replay dict with every step)."""
        tid, data, out, steps = _utf8(ticket_id), _json_bytes(events), c_void_p(), c_void_p()
        _call(_ticket_replay, regulation, tid, len(tid), data, len(data), byref(out), byref(steps))
        return cls(out), json.loads(_take_string(steps) or "null")

    def _apply(self, f: Any, regulation: Regulation, event: Union[str, bytes, dict]) -> dict:
        data, out, err = _json_bytes(event), c_void_p(), c_void_p()
        status = f(self, regulation, data, len(data), byref(out), byref(err))
        outcome = _take_string(out)
        if status != OK:
            _raise(status, err)
        return json.loads(outcome or "null")

    def apply(self, regulation: Regulation, event: Union[str, bytes, dict]) -> dict:
        """Applies an event; returns the outcome (with warnings) or raises
        :class:`Refused` (the ticket did not change) or :class:`InvalidInput`."""
        return self._apply(_ticket_apply, regulation, event)

    def check(self, regulation: Regulation, event: Union[str, bytes, dict]) -> dict:
        """Like :meth:`apply` without changing the ticket."""
        return self._apply(_ticket_check, regulation, event)

    def clone(self) -> "Ticket":
        out = c_void_p()
        _call(_ticket_clone, self, byref(out))
        return Ticket(out)

    def state(self, now: Union[None, int, datetime] = None) -> dict:
        out = c_void_p()
        now_p = None if now is None else byref(c_int64(_secs(now)))
        _call(_ticket_to_json, self, now_p, byref(out))
        return json.loads(_take_string(out) or "null")

    def clocks(self, regulation: Regulation, now: Union[int, datetime]) -> dict:
        out = c_void_p()
        _call(_ticket_clocks, self, regulation, _secs(now), byref(out))
        return json.loads(_take_string(out) or "null")

    def status(self) -> Optional[str]:
        """The status (``"backlog"``, ...), None before registration (typed call, no JSON)."""
        out = ctypes.c_int()
        _call(_ticket_status, self, byref(out))
        name = _text(_status_name(out.value))
        return None if name == "none" else name

    def deadlines(self, regulation: Regulation, now: Union[int, datetime]) -> dict:
        """The clocks at `now` through the typed C call (``reglament_ticket_clocks``):
        instants as aware datetimes, durations in seconds, absent values None."""
        c = _Clocks()
        _call(_ticket_clocks_typed, self, regulation, _secs(now), byref(c))
        status = _text(_status_name(c.status))
        return {
            "now": _dt(c.now),
            "status": None if status == "none" else status,
            "response": _clock_dict(c.response),
            "resolution": _clock_dict(c.resolution),
            "update_interval": _clock_dict(c.update_interval),
            "next_change_at": _dt(c.next_change_at) if c.has_next_change else None,
        }

    def explain(self, regulation: Regulation, metric: str, now: Union[int, datetime]) -> Optional[dict]:
        """One clock explained (counted intervals, pauses, skipped days, sentences); None if absent."""
        m, out = _utf8(metric), c_void_p()
        _call(_ticket_explain, self, regulation, m, len(m), _secs(now), byref(out))
        return json.loads(_take_string(out) or "null")

    def next_change(self, regulation: Regulation, now: Union[int, datetime]) -> Optional[datetime]:
        found, at = c_bool(), c_int64()
        _call(_ticket_next, self, regulation, _secs(now), byref(found), byref(at))
        return _dt(at.value) if found.value else None

    def clock_plan(self, regulation: Regulation) -> "ClockPlan":
        """The clocks computed once for every `now` from the last event on (a snapshot)."""
        out = c_void_p()
        _call(_ticket_plan, self, regulation, byref(out))
        return ClockPlan(out)


class ClockPlan(_Handle):
    """A ticket's clocks from its last event on, re-read at any later `now` for
    one calendar lookup and a copy; an earlier `now` raises (code `conflict`,
    field `now`). Immutable: may be read from several threads."""

    _free = staticmethod(_plan_free)

    @property
    def valid_from(self) -> datetime:
        t = c_int64()
        _call(_plan_from, self, byref(t))
        return _dt(t.value)

    def clocks(self, now: Union[int, datetime]) -> dict:
        out = c_void_p()
        _call(_plan_clocks, self, _secs(now), byref(out))
        return json.loads(_take_string(out) or "null")

    def summary(self, now: Union[int, datetime]) -> dict:
        """The clocks without thresholds, due history, extensions and pauses."""
        out = c_void_p()
        _call(_plan_summary, self, _secs(now), byref(out))
        return json.loads(_take_string(out) or "null")

    def next_change(self, now: Union[int, datetime]) -> Optional[datetime]:
        found, at = c_bool(), c_int64()
        _call(_plan_next, self, _secs(now), byref(found), byref(at))
        return _dt(at.value) if found.value else None


def _ticket_array(tickets: Sequence[Ticket]) -> Any:
    arr = (c_void_p * max(1, len(tickets)))()
    for i, t in enumerate(tickets):
        arr[i] = t._as_parameter_.value
    return arr


def queue(tickets: Sequence[Ticket]) -> list:
    """The waiting tickets in the order of clause 3.3 (priority, submission time, id)."""
    tickets = list(tickets)
    arr = _ticket_array(tickets)
    order = (c_size_t * max(1, len(tickets)))()
    n = c_size_t()
    _call(_queue, arr, len(tickets), order, byref(n))
    return [tickets[order[i]] for i in range(n.value)]


def compliance(regulation: Regulation, tickets: Iterable[Ticket], now: Union[int, datetime],
               start: Union[None, int, datetime] = None, end: Union[None, int, datetime] = None) -> dict:
    """SLA compliance of the tickets registered in ``[start, end)``, read at ``now``."""
    tickets = list(tickets)
    arr = _ticket_array(tickets)
    out = c_void_p()
    f = None if start is None else byref(c_int64(_secs(start)))
    t = None if end is None else byref(c_int64(_secs(end)))
    _call(_compliance, regulation, arr, len(tickets), f, t, _secs(now), byref(out))
    return json.loads(_take_string(out) or "null")


def what_if(a: Regulation, b: Regulation, events: Union[str, bytes, list], now: Union[None, int, datetime] = None,
            ticket_id: str = "T") -> dict:
    """The same history under regulations ``a`` and ``b``: what differs."""
    tid, data, out = _utf8(ticket_id), _json_bytes(events), c_void_p()
    n = None if now is None else byref(c_int64(_secs(now)))
    _call(_what_if, a, b, tid, len(tid), data, len(data), n, byref(out))
    return json.loads(_take_string(out) or "null")


def must_register(category: Optional[str], priority: str, solved_during_contact: bool) -> bool:
    """Whether a request must be registered (clause 3.4)."""
    c = _utf8(category) if category else None
    p = _utf8(priority)
    out = c_bool()
    _call(_must_register, c, len(c) if c else 0, p, len(p), solved_during_contact, byref(out))
    return out.value


def chain(regulation: Regulation, request_id: str, events: Union[str, bytes, list]) -> list:
    """A request's events as a hash chain: one {seq, prev, hash, event} per event (DESIGN §5)."""
    i, e = _utf8(request_id), _json_bytes(events)
    out = c_void_p()
    _call(_chain_json, regulation, i, len(i), e, len(e), byref(out))
    return [json.loads(line) for line in (_take_string(out) or "").splitlines()]


def chain_head(regulation: Regulation, request_id: str, events: Union[str, bytes, list]) -> str:
    """The head of the request's chain (its genesis hash for no events)."""
    i, e = _utf8(request_id), _json_bytes(events)
    out = c_void_p()
    _call(_chain_head, regulation, i, len(i), e, len(e), byref(out))
    return _take_string(out) or ""


def verify(regulation: Regulation, request_id: str, chained: Union[str, bytes, list]) -> dict:
    """Verifies a chained history (its JSON Lines text, or a list of entries):
    {ok, entries, head, first_bad, reason, field}."""
    if isinstance(chained, list):
        # each entry in its one form: seq, prev, hash, event, no spaces
        chained = "".join(
            json.dumps({k: x[k] for k in ("seq", "prev", "hash", "event")} if isinstance(x, dict) and
                       set(x) == {"seq", "prev", "hash", "event"} else x,
                       separators=(",", ":"), ensure_ascii=False) + "\n"
            for x in chained)
    i = _utf8(request_id)
    c = chained if isinstance(chained, bytes) else _utf8(chained)
    out = c_void_p()
    _call(_verify_json, regulation, i, len(i), c, len(c), byref(out))
    return json.loads(_take_string(out) or "null")


def merkle_root(heads: list) -> str:
    """The RFC 6962 Merkle root over [{request, head}] (any order)."""
    h = _json_bytes(heads)
    out = c_void_p()
    _call(_merkle_root, h, len(h), byref(out))
    return _take_string(out) or ""

"""An independent, deliberately naive reference for reglament's working-time calendar.

Written from DESIGN.md section 3 and issue 2 only (not from the Rust code).
Python 3.11 standard library only.

A calendar is an IANA time zone, a weekly schedule (per weekday a list of
local intervals [start, end); "24:00" allowed as an end; an interval whose
end is not after its start runs overnight and belongs to the day it starts),
holiday dates (no shift *starts* on one; a shift begun the day before runs
on) and extra working dates (worked with `extra_working_day_hours`, default
Monday's intervals, instead of the date's weekday schedule).

Local boundaries map to instants with "compatible" disambiguation. Python's
PEP 495 `fold=0` is exactly that: in a fold it picks the earlier instant, in
a gap it uses the offset from before the transition, which moves the time
forward by the size of the gap (checked by `self_check()`).

Working time is the union of the instant intervals of all shifts. Everything
is computed day by day from that union: no week templates, no prefix sums,
no cleverness. Instants are integer Unix seconds throughout.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

DAY = 86_400
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
EPOCH_DATE = dt.date(1970, 1, 1)

# The range reglament supports for a calendar without a holiday preset:
# 1970-01-01T00:00:00Z ..= 2100-01-01T00:00:00Z. Instants and results outside
# it are "out_of_range"; the search for working time that never comes stops
# there with "no_working_time".
RANGE_LO = 0
RANGE_HI = 4_102_444_800


class OracleError(Exception):
    """An operation that has no answer; `code` is the expected error code."""

    def __init__(self, code: str, message: str = ""):
        super().__init__(f"{code}: {message}")
        self.code = code


def parse_hms(text: str) -> int:
    """"HH:MM" or "HH:MM:SS" -> seconds after midnight, 0..86400."""
    parts = text.split(":")
    if len(parts) not in (2, 3) or any(len(p) != 2 or not p.isdigit() for p in parts):
        raise ValueError(f"bad time of day {text!r}")
    h, m = int(parts[0]), int(parts[1])
    s = int(parts[2]) if len(parts) == 3 else 0
    if m > 59 or s > 59:
        raise ValueError(f"bad time of day {text!r}")
    total = h * 3600 + m * 60 + s
    if total > DAY:
        raise ValueError(f"bad time of day {text!r}")
    return total


def parse_instant(text: str) -> int:
    """An RFC 3339 instant with an offset -> Unix seconds (whole seconds only)."""
    t = dt.datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    if t.tzinfo is None:
        raise ValueError(f"no offset in {text!r}")
    return int(t.timestamp())


def format_instant(ts: int) -> str:
    """Unix seconds -> "YYYY-MM-DDTHH:MM:SSZ"."""
    return (dt.datetime(1970, 1, 1) + dt.timedelta(seconds=ts)).strftime("%Y-%m-%dT%H:%M:%SZ")


def utc_date(ts: int) -> dt.date:
    return EPOCH_DATE + dt.timedelta(days=ts // DAY)


def utc_midnight(d: dt.date) -> int:
    return (d - EPOCH_DATE).days * DAY


class Calendar:
    def __init__(self, spec: dict):
        self.tz = zoneinfo.ZoneInfo(spec["timezone"])
        week = spec["week"]
        self.week = [[self._shift(p) for p in week.get(k, [])] for k in WEEKDAYS]
        self.holidays = {dt.date.fromisoformat(d) for d in spec.get("holidays", [])}
        self.extra_days = {dt.date.fromisoformat(d) for d in spec.get("extra_working_days", [])}
        if spec.get("extra_working_day_hours") is not None:
            self.extra_hours = [self._shift(p) for p in spec["extra_working_day_hours"]]
        else:
            self.extra_hours = self.week[0]
        if self.holidays & self.extra_days:
            raise OracleError("conflict", "a date is both a holiday and an extra working day")
        self._days: dict[dt.date, list[tuple[int, int]]] = {}
        # Coverage counters for the checker: shifts whose instant length differs
        # from their wall-clock length (a DST change inside), and shifts that
        # map to an empty interval (wholly swallowed by a gap).
        self.dst_shifts = 0
        self.empty_shifts = 0
        # Working time exists only up to / from some date when the week is empty.
        self.week_empty = not any(self.week)
        if self.week_empty:
            worked = [d for d in self.extra_days if self.extra_hours]
            self.first_work_date = min(worked) if worked else None
            self.last_work_date = max(worked) if worked else None

    @staticmethod
    def _shift(pair) -> tuple[int, int]:
        start, end = parse_hms(pair[0]), parse_hms(pair[1])
        if start >= DAY:
            raise ValueError("a shift cannot start at 24:00")
        if end <= start:  # overnight: ends on the next day
            end += DAY
        return start, end

    # -- local time -> instant ------------------------------------------------

    def local_to_instant(self, date: dt.date, seconds: int) -> int:
        """Local wall time `seconds` after midnight of `date` (may pass 24:00) -> Unix seconds.

        fold=0 is the "compatible" disambiguation: earlier instant in a fold,
        forward by the gap in a gap.
        """
        naive = dt.datetime(date.year, date.month, date.day) + dt.timedelta(seconds=seconds)
        return int(naive.replace(tzinfo=self.tz, fold=0).timestamp())

    def local_date(self, ts: int) -> dt.date:
        return dt.datetime.fromtimestamp(ts, self.tz).date()

    # -- one day ----------------------------------------------------------------

    def shifts_of(self, date: dt.date) -> list[tuple[int, int]]:
        """The local shifts that start on `date`."""
        if date in self.extra_days:
            return self.extra_hours
        if date in self.holidays:
            return []
        return self.week[date.weekday()]

    def day_intervals(self, date: dt.date) -> list[tuple[int, int]]:
        """The non-empty instant intervals of the shifts starting on `date`."""
        got = self._days.get(date)
        if got is None:
            got = []
            for start, end in self.shifts_of(date):
                a = self.local_to_instant(date, start)
                b = self.local_to_instant(date, end)
                if a < b:
                    got.append((a, b))
                else:
                    self.empty_shifts += 1
                if b - a != end - start:
                    self.dst_shifts += 1
            self._days[date] = got
        return got

    def union(self, first: dt.date, last: dt.date) -> list[tuple[int, int]]:
        """The merged working intervals of the shifts starting on first..last (inclusive).

        Every shift of a date D lies within local [D 00:00, D+2 00:00] (plus at
        most a DST gap), so within UTC [D - 1 day, D + 3 days]. Hence the
        result equals the true union on [utc(first) + 3 days, utc(last + 1) - 1 day].
        """
        ivals = []
        d = first
        while d <= last:
            ivals.extend(self.day_intervals(d))
            d += dt.timedelta(days=1)
        ivals.sort()
        merged: list[list[int]] = []
        for a, b in ivals:
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        return [(a, b) for a, b in merged]

    def _no_more_after(self, ts: int) -> bool:
        """True when no working time can exist at or after ts (or the range is exhausted)."""
        if ts >= RANGE_HI:
            return True
        if self.week_empty:
            return self.last_work_date is None or utc_midnight(self.last_work_date) + 3 * DAY <= ts
        return False

    def _no_more_before(self, ts: int) -> bool:
        if ts <= RANGE_LO:
            return True
        if self.week_empty:
            return self.first_work_date is None or utc_midnight(self.first_work_date) - DAY >= ts
        return False

    # -- operations -------------------------------------------------------------

    def elapsed(self, a: int, b: int) -> int:
        if b < a:
            return -self.elapsed(b, a)
        total = 0
        for s, e in self.union(utc_date(a) - dt.timedelta(days=4), utc_date(b) + dt.timedelta(days=2)):
            lo, hi = max(s, a), min(e, b)
            if lo < hi:
                total += hi - lo
        return total

    def add(self, t: int, d: int) -> int:
        if d < 0:
            return self.sub(t, -d)
        if d == 0:
            return t
        span = 8
        while True:
            first = utc_date(t) - dt.timedelta(days=4)
            last = utc_date(t) + dt.timedelta(days=span)
            valid_until = utc_midnight(last + dt.timedelta(days=1)) - DAY
            left = d
            for s, e in self.union(first, last):
                lo = max(s, t)
                if lo >= e:
                    continue
                if e - lo >= left:
                    u = lo + left
                    if u <= valid_until:
                        return u
                    break
                left -= e - lo
            if self._no_more_after(valid_until):
                raise OracleError("no_working_time", "ran out of working time")
            span *= 2

    def sub(self, t: int, d: int) -> int:
        if d < 0:
            return self.add(t, -d)
        if d == 0:
            return t
        span = 8
        while True:
            first = utc_date(t) - dt.timedelta(days=span)
            last = utc_date(t) + dt.timedelta(days=2)
            valid_from = utc_midnight(first) + 3 * DAY
            left = d
            for s, e in reversed(self.union(first, last)):
                hi = min(e, t)
                if hi <= s:
                    continue
                if hi - s >= left:
                    u = hi - left
                    if u >= valid_from:
                        return u
                    break
                left -= hi - s
            if self._no_more_before(valid_from):
                raise OracleError("no_working_time", "ran out of working time")
            span *= 2

    def is_working(self, t: int) -> bool:
        day = utc_date(t)
        return any(s <= t < e for s, e in self.union(day - dt.timedelta(days=4), day + dt.timedelta(days=2)))

    def next_working(self, t: int) -> int:
        span = 8
        while True:
            first = utc_date(t) - dt.timedelta(days=4)
            last = utc_date(t) + dt.timedelta(days=span)
            valid_until = utc_midnight(last + dt.timedelta(days=1)) - DAY
            for s, e in self.union(first, last):
                if e > t:
                    u = max(s, t)
                    if u <= valid_until:
                        return u
                    break
            if self._no_more_after(valid_until):
                raise OracleError("no_working_time", "no working time after this instant")
            span *= 2

    def add_working_days(self, t: int, n: int) -> int:
        if n < 1:
            raise OracleError("invalid_value", "days must be at least 1")
        date = self.local_date(t)
        while True:
            date += dt.timedelta(days=1)
            if self._no_more_after(utc_midnight(date) - DAY):
                raise OracleError("no_working_time", "no more working days")
            ivals = self.day_intervals(date)
            if ivals:
                n -= 1
                if n == 0:
                    return max(e for _, e in ivals)


def answer(line: dict, stats: dict | None = None) -> dict:
    """The expected answer object for one request object (ids copied, no message).

    `stats`, when given, counts coverage: "dst" (a shift with a DST change
    inside was used) and "empty" (a shift swallowed by a gap was seen).
    """
    out = {}
    cal = None
    if "id" in line:
        out["id"] = line["id"]
    def instant(key: str) -> int:
        t = parse_instant(line[key])
        if not RANGE_LO <= t <= RANGE_HI:
            raise OracleError("out_of_range", f"{key} outside the supported range")
        return t

    def result(t: int) -> str:
        if not RANGE_LO <= t <= RANGE_HI:
            raise OracleError("out_of_range", "the result is outside the supported range")
        return format_instant(t)

    try:
        cal = Calendar(line["calendar"])
        op = line["op"]
        if op == "add":
            out["at"] = result(cal.add(instant("at"), line["seconds"]))
        elif op == "sub":
            out["at"] = result(cal.sub(instant("at"), line["seconds"]))
        elif op == "elapsed":
            out["seconds"] = cal.elapsed(instant("from"), instant("to"))
        elif op == "is_working":
            out["working"] = cal.is_working(instant("at"))
        elif op == "next_working":
            out["at"] = result(cal.next_working(instant("at")))
        elif op == "add_working_days":
            out["at"] = result(cal.add_working_days(instant("at"), line["days"]))
        else:
            raise OracleError("invalid_value", f"unknown op {op!r}")
    except OracleError as e:
        out["error"] = {"code": e.code}
    if stats is not None and cal is not None:
        stats["dst"] = stats.get("dst", 0) + (cal.dst_shifts > 0)
        stats["empty"] = stats.get("empty", 0) + (cal.empty_shifts > 0)
    return out


def self_check() -> None:
    """PEP 495 fold=0 is "compatible" disambiguation, on Europe/Kyiv."""
    kyiv = Calendar({"timezone": "Europe/Kyiv", "week": {"mon": [["09:00", "18:00"]]}})
    gap = kyiv.local_to_instant(dt.date(2026, 3, 29), 3 * 3600 + 1800)  # 03:30 does not exist
    fold = kyiv.local_to_instant(dt.date(2026, 10, 25), 3 * 3600 + 1800)  # 03:30 happens twice
    assert format_instant(gap) == "2026-03-29T01:30:00Z", format_instant(gap)
    assert format_instant(fold) == "2026-10-25T00:30:00Z", format_instant(fold)


if __name__ == "__main__":
    self_check()
    print("oracle self-check ok")

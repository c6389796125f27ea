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

Issue 16 added, written from DESIGN.md section 7 and docs/holidays.md section
4 (not from the Rust code):

* `date_hours`: a date's own list of shifts starting on it, over everything
  else (precedence: date_hours > extra working days > listed holidays >
  preset > week);
* `holiday_preset` ("UA", "UA-statutory") with `martial_law_end` and
  `shortened_eves`, for dates from 2024-01-01 only: the art. 73 list as it
  stands since the 2023 reform, Orthodox Easter and Trinity, the weekend
  carry-over of art. 67 part 3 (no Cabinet transfers exist after 2022),
  the martial-law suspension from 2022-03-24 to `martial_law_end`, and the
  shortened eve of art. 53 (the calendar day before a holiday in force, not a
  day off itself, loses the last hour of its shifts). A question that needs
  an earlier date raises `Unsupported`: the checker then skips the case.
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


class Unsupported(Exception):
    """The oracle does not know the answer (a preset date before 2024)."""


SUSPENSION_START = dt.date(2022, 3, 24)
UA_KNOWN_FROM = dt.date(2024, 1, 1)
# Art. 73 since Law 3258-IX (in force 30.07.2023; fully from 2024): fixed dates.
UA_FIXED = [(1, 1), (3, 8), (5, 1), (5, 8), (6, 28), (7, 15), (8, 24), (10, 1), (12, 25)]


def orthodox_easter(year: int) -> dt.date:
    """Gauss's formula for the Julian Easter, + 13 days (valid 1900-2099)."""
    a, b, c = year % 19, year % 4, year % 7
    d = (19 * a + 15) % 30
    e = (2 * b + 4 * c + 6 * d + 6) % 7
    julian_march_day = 22 + d + e  # day of March, Julian calendar (may exceed 31)
    return dt.date(year, 3, 1) + dt.timedelta(days=julian_march_day - 1 + 13)


class UkrainePreset:
    """Statutory Ukrainian days off and shortened eves, from 2024 on."""

    def __init__(self, mode: str, martial_law_end: str | None):
        if mode not in ("UA", "UA-statutory"):
            raise OracleError("invalid_value", f"unknown preset {mode!r}")
        self.mode = mode
        self.end = dt.date.fromisoformat(martial_law_end) if martial_law_end else None
        self._years: dict[int, set[dt.date]] = {}

    def suspended(self, d: dt.date) -> bool:
        return d >= SUSPENSION_START and (self.end is None or d <= self.end)

    def named(self, year: int) -> set[dt.date]:
        got = {dt.date(year, m, d) for m, d in UA_FIXED}
        easter = orthodox_easter(year)
        return got | {easter, easter + dt.timedelta(days=49)}

    def is_holiday(self, d: dt.date) -> bool:
        if d < UA_KNOWN_FROM:
            raise Unsupported(str(d))
        return d in self.named(d.year)

    def carried(self, year: int) -> set[dt.date]:
        """Art. 67 part 3: each weekend holiday date gives the first free weekday after it."""
        if year not in self._years:
            # 2023's holidays are all under the suspension (martial law ends
            # after 2024 began, in every case the checker draws): they carry
            # nothing over, whatever their list
            if year < UA_KNOWN_FROM.year or (self.end is not None and self.end < UA_KNOWN_FROM):
                raise Unsupported(str(year))
            hol = sorted(self.named(year - 1) | self.named(year) | self.named(year + 1))
            taken: set[dt.date] = set()
            for h in hol:
                if h.weekday() < 5 or self.suspended(h):
                    continue
                d = h + dt.timedelta(days=1)
                while d.weekday() >= 5 or (d in hol and not self.suspended(d)) or d in taken:
                    d += dt.timedelta(days=1)
                taken.add(d)
            self._years[year] = {d for d in taken if not self.suspended(d)}
        return self._years[year]

    def statutory_off(self, d: dt.date) -> bool:
        if self.suspended(d):
            return False
        return self.is_holiday(d) or d in self.carried(d.year)

    def day_off(self, d: dt.date) -> bool:
        if self.mode == "UA" and self.suspended(d):
            return self.is_holiday(d)
        return self.statutory_off(d)

    def shortened(self, d: dt.date) -> bool:
        nxt = d + dt.timedelta(days=1)
        if self.suspended(d) or self.suspended(nxt):
            return False
        return self.is_holiday(nxt) and not self.statutory_off(d)


def cut_last_hour(shifts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The shifts without the last 3600 s of their union (local seconds)."""
    def after(c: int) -> int:  # covered seconds at or after c (union)
        pieces = sorted((max(a, c), b) for a, b in shifts if b > c)
        total, reach = 0, -1
        for a, b in pieces:
            a = max(a, reach)
            if b > a:
                total += b - a
                reach = b
        return total
    lo, hi = -1, 2 * DAY + 1  # after(lo) >= 3600 unless the day is too short
    if after(0) <= 3600:
        return []
    while hi - lo > 1:  # the largest c with after(c) >= 3600
        mid = (lo + hi) // 2
        if after(mid) >= 3600:
            lo = mid
        else:
            hi = mid
    return [(a, min(b, lo)) for a, b in shifts if min(b, lo) > a]


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
        self.date_hours = {
            dt.date.fromisoformat(d): [self._shift(p) for p in v]
            for d, v in (spec.get("date_hours") or {}).items()
        }
        self.preset = None
        if spec.get("holiday_preset") is not None:
            self.preset = UkrainePreset(spec["holiday_preset"], spec.get("martial_law_end"))
        self.shorten = spec.get("shortened_eves", True) is not False
        self._days: dict[dt.date, list[tuple[int, int]]] = {}
        # Coverage counters for the checker: shifts whose instant length differs
        # from their wall-clock length (a DST change inside), and shifts that
        # map to an empty interval (wholly swallowed by a gap).
        self.dst_shifts = 0
        self.empty_shifts = 0
        self.eves = 0  # shortened eves met
        # Working time exists only up to / from some date when the week is empty.
        self.week_empty = not any(self.week)
        if self.week_empty:
            worked = [d for d in self.extra_days if self.extra_hours]
            worked += [d for d, v in self.date_hours.items() if v]
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
        if date in self.date_hours:
            return self.date_hours[date]
        if date in self.extra_days:
            shifts = self.extra_hours
        elif date in self.holidays:
            return []
        elif self.preset is not None and self.preset.day_off(date):
            return []
        else:
            shifts = self.week[date.weekday()]
        if self.preset is not None and self.shorten and shifts and self.preset.shortened(date):
            self.eves += 1
            return cut_last_hour(shifts)
        return shifts

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
        if self.week_empty and self.preset is not None:
            # the preset's transferred working Saturdays (to 2022) are worked
            # with the extra hours: before 2024 the oracle does not know them
            raise Unsupported("an empty week with a preset, searched backwards")
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
    # Unsupported propagates: the caller skips the case
    if stats is not None and cal is not None:
        stats["dst"] = stats.get("dst", 0) + (cal.dst_shifts > 0)
        stats["empty"] = stats.get("empty", 0) + (cal.empty_shifts > 0)
        stats["eves"] = stats.get("eves", 0) + (cal.eves > 0)
    return out


def self_check() -> None:
    """PEP 495 fold=0 is "compatible" disambiguation, on Europe/Kyiv."""
    kyiv = Calendar({"timezone": "Europe/Kyiv", "week": {"mon": [["09:00", "18:00"]]}})
    gap = kyiv.local_to_instant(dt.date(2026, 3, 29), 3 * 3600 + 1800)  # 03:30 does not exist
    fold = kyiv.local_to_instant(dt.date(2026, 10, 25), 3 * 3600 + 1800)  # 03:30 happens twice
    assert format_instant(gap) == "2026-03-29T01:30:00Z", format_instant(gap)
    assert format_instant(fold) == "2026-10-25T00:30:00Z", format_instant(fold)
    # Orthodox Easter: published dates
    for y, m, d in [(2024, 5, 5), (2025, 4, 20), (2026, 4, 12), (2027, 5, 2), (2035, 4, 29)]:
        assert orthodox_easter(y) == dt.date(y, m, d), y
    assert cut_last_hour([(9 * 3600, 18 * 3600)]) == [(9 * 3600, 17 * 3600)]
    assert cut_last_hour([(9 * 3600, 13 * 3600), (12 * 3600, 17 * 3600 + 1800), (17 * 3600, 17 * 3600 + 1800)]) == [
        (9 * 3600, 13 * 3600), (12 * 3600, 16 * 3600 + 1800), (17 * 3600, 16 * 3600 + 1800)][:2]


if __name__ == "__main__":
    self_check()
    print("oracle self-check ok")

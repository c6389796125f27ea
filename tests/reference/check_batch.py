#!/usr/bin/env python3
"""Checks `reglament batch` against the independent oracle in oracle.py.

1. Hand-written fixed cases whose expected answers are written out below
   (the oracle must agree with them too, so both are checked).
2. Error cases: a bad line gets {"error": {"code": ...}} and the batch goes on.
3. N random cases (fixed seed) across many zones, schedules, holidays, extra
   days, instants near DST transitions and shift boundaries, every operation;
   each line carries its own "calendar", compared exactly with the oracle.

Python 3.11 standard library only. Exit status 0 only when every answer agrees.

    python3 tests/reference/check_batch.py [--cases 3000] [--seed 20260327] [--bin target/release/reglament]
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import functools
import json
import os
import random
import subprocess
import sys
import time
import zoneinfo

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import oracle  # noqa: E402
from oracle import DAY, Calendar, format_instant  # noqa: E402

# Zones: the required ones first, then a few more with unusual rules.
ZONES = [
    "Europe/Kyiv",  # EET/EEST, transitions at 03:00/04:00 local
    "America/New_York",  # 02:00 gap / 01:00-02:00 fold
    "Australia/Lord_Howe",  # 30-minute DST
    "Europe/London",  # UTC+0/+1
    "America/Sao_Paulo",  # midnight transitions until 2019, none after
    "Asia/Kolkata",  # +05:30, no DST
    "Pacific/Chatham",  # +12:45/+13:45
    "America/St_Johns",  # -03:30/-02:30
    "Africa/Casablanca",  # Ramadan DST reversal, -1 h during Ramadan
    "Asia/Tehran",  # midnight transitions until 2022
    "UTC",
    "America/Santiago",  # transitions at 24:00 (local midnight gaps)
    "America/Havana",  # midnight transitions
    "Asia/Beirut",  # midnight transitions
    "Antarctica/Troll",  # 2-hour DST
    "Asia/Kathmandu",  # +05:45
    "Pacific/Kiritimati",  # +14
    "America/Caracas",  # 2016: -04:30 -> -04:00
    "Asia/Pyongyang",  # 2015 and 2018 half-hour shifts
    "Europe/Volgograd",  # 2018 and 2020 standard-offset changes
    "Africa/Cairo",  # DST resumed in 2023, midnight transitions
    "America/Asuncion",  # permanent -03 from 2024
    "Pacific/Apia",  # DST until 2021
]
# tzdata: Python reads /usr/share/zoneinfo, chrono-tz embeds its own copy.
# Both are 2025b on the machine this was written on (checked `tzdata.zi` and
# chrono-tz's tz/NEWS), so no zone or period is excluded. If a future tzdata
# update splits them, exclude the affected zone/period here with a comment.
# Format: {"Zone/Name": [(first_year, last_year), ...]}: no random instant of
# that zone falls in those years.
EXCLUDED: dict[str, list[tuple[int, int]]] = {}

YEAR_LO, YEAR_HI = 2015, 2035
# Random cases with a holiday preset start here (the oracle's preset knows 2024 on).
PRESET_LO = int(dt.datetime(2024, 3, 1, tzinfo=dt.timezone.utc).timestamp())
T_LO = int(dt.datetime(YEAR_LO, 1, 1, tzinfo=dt.timezone.utc).timestamp())
T_HI = int(dt.datetime(YEAR_HI, 12, 31, tzinfo=dt.timezone.utc).timestamp())

KYIV_OFFICE = {
    "timezone": "Europe/Kyiv",
    "week": {d: [["09:00", "18:00"]] for d in ("mon", "tue", "wed", "thu", "fri")} | {"sat": [], "sun": []},
}


def cal(tz: str, week: dict, **extra) -> dict:
    return {"timezone": tz, "week": week, **extra}


# ---------------------------------------------------------------- fixed cases
# (request without id, expected answer without id). Worked out by hand.
FIXED = [
    # DESIGN §3 / issue 2 worked example: Fri 17:00 Kyiv + 2 h = Mon 10:00 EEST (after the DST switch).
    ({"op": "add", "at": "2026-03-27T15:00:00Z", "seconds": 7200, "calendar": KYIV_OFFICE}, {"at": "2026-03-30T07:00:00Z"}),
    ({"op": "add", "at": "2026-03-27T17:00:00+02:00", "seconds": 7200, "calendar": KYIV_OFFICE}, {"at": "2026-03-30T07:00:00Z"}),
    ({"op": "add", "at": "2026-03-27T10:00:00-05:00", "seconds": 7200, "calendar": KYIV_OFFICE}, {"at": "2026-03-30T07:00:00Z"}),
    # A budget that runs out exactly at closing gives 18:00 that day, not 09:00 next working day.
    ({"op": "add", "at": "2026-03-27T07:00:00Z", "seconds": 9 * 3600, "calendar": KYIV_OFFICE}, {"at": "2026-03-27T16:00:00Z"}),
    ({"op": "add", "at": "2026-03-27T07:00:00Z", "seconds": 9 * 3600 + 1, "calendar": KYIV_OFFICE}, {"at": "2026-03-30T06:00:01Z"}),
    # add(t, 0) = t even outside working time.
    ({"op": "add", "at": "2026-03-28T10:00:00Z", "seconds": 0, "calendar": KYIV_OFFICE}, {"at": "2026-03-28T10:00:00Z"}),
    ({"op": "sub", "at": "2026-03-28T10:00:00Z", "seconds": 0, "calendar": KYIV_OFFICE}, {"at": "2026-03-28T10:00:00Z"}),
    # add from a non-working instant, 1 s: the first working second ends at opening + 1.
    ({"op": "add", "at": "2026-03-28T10:00:00Z", "seconds": 1, "calendar": KYIV_OFFICE}, {"at": "2026-03-30T06:00:01Z"}),
    ({"op": "sub", "at": "2026-03-30T07:00:00Z", "seconds": 7200, "calendar": KYIV_OFFICE}, {"at": "2026-03-27T15:00:00Z"}),
    ({"op": "add", "at": "2026-03-30T07:00:00Z", "seconds": -7200, "calendar": KYIV_OFFICE}, {"at": "2026-03-27T15:00:00Z"}),
    ({"op": "sub", "at": "2026-03-27T15:00:00Z", "seconds": -7200, "calendar": KYIV_OFFICE}, {"at": "2026-03-30T07:00:00Z"}),
    # sub that runs out exactly at opening gives 09:00 that day.
    ({"op": "sub", "at": "2026-03-27T16:00:00Z", "seconds": 9 * 3600, "calendar": KYIV_OFFICE}, {"at": "2026-03-27T07:00:00Z"}),
    ({"op": "sub", "at": "2026-03-30T06:00:00Z", "seconds": 1, "calendar": KYIV_OFFICE}, {"at": "2026-03-27T15:59:59Z"}),
    ({"op": "elapsed", "from": "2026-03-27T15:00:00Z", "to": "2026-03-30T07:00:00Z", "calendar": KYIV_OFFICE}, {"seconds": 7200}),
    ({"op": "elapsed", "from": "2026-03-30T07:00:00Z", "to": "2026-03-27T15:00:00Z", "calendar": KYIV_OFFICE}, {"seconds": -7200}),
    ({"op": "elapsed", "from": "2026-03-30T07:00:00Z", "to": "2026-03-30T07:00:00Z", "calendar": KYIV_OFFICE}, {"seconds": 0}),
    ({"op": "is_working", "at": "2026-03-27T07:00:00Z", "calendar": KYIV_OFFICE}, {"working": True}),
    ({"op": "is_working", "at": "2026-03-27T15:59:59Z", "calendar": KYIV_OFFICE}, {"working": True}),
    ({"op": "is_working", "at": "2026-03-27T16:00:00Z", "calendar": KYIV_OFFICE}, {"working": False}),
    ({"op": "is_working", "at": "2026-03-27T06:59:59Z", "calendar": KYIV_OFFICE}, {"working": False}),
    ({"op": "next_working", "at": "2026-03-28T10:00:00Z", "calendar": KYIV_OFFICE}, {"at": "2026-03-30T06:00:00Z"}),
    ({"op": "next_working", "at": "2026-03-27T12:34:56Z", "calendar": KYIV_OFFICE}, {"at": "2026-03-27T12:34:56Z"}),
    ({"op": "next_working", "at": "2026-03-27T16:00:00Z", "calendar": KYIV_OFFICE}, {"at": "2026-03-30T06:00:00Z"}),
    # add_working_days: Friday noon + 2 = Tuesday 18:00 EEST.
    ({"op": "add_working_days", "at": "2026-03-27T12:00:00Z", "days": 2, "calendar": KYIV_OFFICE}, {"at": "2026-03-31T15:00:00Z"}),
    # Mon 23:00 EEST is still Monday locally: +1 = Tuesday; 00:30 Tuesday locally: +1 = Wednesday.
    ({"op": "add_working_days", "at": "2026-03-30T20:00:00Z", "days": 1, "calendar": KYIV_OFFICE}, {"at": "2026-03-31T15:00:00Z"}),
    ({"op": "add_working_days", "at": "2026-03-30T21:30:00Z", "days": 1, "calendar": KYIV_OFFICE}, {"at": "2026-04-01T15:00:00Z"}),
    # Holiday on Monday 2026-03-30.
    ({"op": "add", "at": "2026-03-27T15:00:00Z", "seconds": 7200, "calendar": KYIV_OFFICE | {"holidays": ["2026-03-30"]}}, {"at": "2026-03-31T07:00:00Z"}),
    ({"op": "add_working_days", "at": "2026-03-27T12:00:00Z", "days": 1, "calendar": KYIV_OFFICE | {"holidays": ["2026-03-30"]}}, {"at": "2026-03-31T15:00:00Z"}),
    # Extra working Saturday 2026-03-28 (still EET), Monday's hours by default, or its own hours.
    ({"op": "add", "at": "2026-03-27T15:00:00Z", "seconds": 7200, "calendar": KYIV_OFFICE | {"extra_working_days": ["2026-03-28"]}}, {"at": "2026-03-28T08:00:00Z"}),
    (
        {"op": "add", "at": "2026-03-27T15:00:00Z", "seconds": 7200,
         "calendar": KYIV_OFFICE | {"extra_working_days": ["2026-03-28"], "extra_working_day_hours": [["10:00", "14:00"]]}},
        {"at": "2026-03-28T09:00:00Z"},
    ),
    # An extra day replaces the weekday's own schedule (Friday worked 10:00-11:00 only).
    (
        {"op": "elapsed", "from": "2026-03-27T00:00:00Z", "to": "2026-03-28T00:00:00Z",
         "calendar": KYIV_OFFICE | {"extra_working_days": ["2026-03-27"], "extra_working_day_hours": [["10:00", "11:00"]]}},
        {"seconds": 3600},
    ),
    # Overnight Monday shift running into a holiday Tuesday runs on; a holiday Monday cancels it.
    ({"op": "is_working", "at": "2026-03-31T05:00:00Z", "calendar": cal("UTC", {"mon": [["22:00", "06:00"]]}, holidays=["2026-03-31"])}, {"working": True}),
    ({"op": "is_working", "at": "2026-03-31T05:00:00Z", "calendar": cal("UTC", {"mon": [["22:00", "06:00"]]}, holidays=["2026-03-30"])}, {"working": False}),
    ({"op": "elapsed", "from": "2026-03-30T00:00:00Z", "to": "2026-04-06T00:00:00Z", "calendar": cal("UTC", {"mon": [["22:00", "06:00"]]})}, {"seconds": 8 * 3600}),
    ({"op": "add_working_days", "at": "2026-03-29T12:00:00Z", "days": 1, "calendar": cal("UTC", {"mon": [["22:00", "06:00"]]})}, {"at": "2026-03-31T06:00:00Z"}),
    # 24:00 ends joined with a 00:00 start of the next day.
    ({"op": "add", "at": "2026-03-27T23:00:00Z", "seconds": 7200, "calendar": cal("UTC", {"fri": [["20:00", "24:00"]], "sat": [["00:00", "02:00"]]})}, {"at": "2026-03-28T01:00:00Z"}),
    ({"op": "add_working_days", "at": "2026-03-26T12:00:00Z", "days": 1, "calendar": cal("UTC", {"fri": [["20:00", "24:00"]], "sat": [["00:00", "02:00"]]})}, {"at": "2026-03-28T00:00:00Z"}),
    ({"op": "add_working_days", "at": "2026-03-26T12:00:00Z", "days": 2, "calendar": cal("UTC", {"fri": [["20:00", "24:00"]], "sat": [["00:00", "02:00"]]})}, {"at": "2026-03-28T02:00:00Z"}),
    # Overlapping intervals count once.
    ({"op": "elapsed", "from": "2026-03-30T00:00:00Z", "to": "2026-03-31T00:00:00Z", "calendar": cal("UTC", {"mon": [["09:00", "17:00"], ["12:00", "18:00"]]})}, {"seconds": 9 * 3600}),
    # start == end is a 24-hour shift; 00:00-24:00 is a whole day.
    ({"op": "elapsed", "from": "2026-03-30T00:00:00Z", "to": "2026-04-06T00:00:00Z", "calendar": cal("UTC", {"mon": [["09:00", "09:00"]]})}, {"seconds": DAY}),
    ({"op": "elapsed", "from": "2026-03-30T00:00:00Z", "to": "2026-04-06T00:00:00Z", "calendar": cal("UTC", {"mon": [["00:00", "24:00"]], "tue": [["00:00", "00:00"]]})}, {"seconds": 2 * DAY}),
    # Seconds in shift boundaries.
    ({"op": "add", "at": "2026-03-30T09:00:00Z", "seconds": 15, "calendar": cal("UTC", {"mon": [["09:00:30", "09:00:45"]]})}, {"at": "2026-03-30T09:00:45Z"}),
    # Kyiv DST gap (03:00 -> 04:00 on 2026-03-29) and fold (04:00 -> 03:00 on 2026-10-25) inside a shift.
    ({"op": "elapsed", "from": "2026-03-29T00:00:00Z", "to": "2026-03-30T00:00:00Z", "calendar": cal("Europe/Kyiv", {"sun": [["02:00", "05:00"]]})}, {"seconds": 7200}),
    ({"op": "elapsed", "from": "2026-10-24T12:00:00Z", "to": "2026-10-26T00:00:00Z", "calendar": cal("Europe/Kyiv", {"sun": [["02:00", "05:00"]]})}, {"seconds": 14400}),
    # A shift starting in the gap starts forward by the gap; ending in the fold ends at the earlier instant.
    ({"op": "next_working", "at": "2026-03-29T00:00:00Z", "calendar": cal("Europe/Kyiv", {"sun": [["03:30", "06:00"]]})}, {"at": "2026-03-29T01:30:00Z"}),
    ({"op": "elapsed", "from": "2026-03-29T00:00:00Z", "to": "2026-03-30T00:00:00Z", "calendar": cal("Europe/Kyiv", {"sun": [["03:30", "06:00"]]})}, {"seconds": 5400}),
    ({"op": "elapsed", "from": "2026-10-24T12:00:00Z", "to": "2026-10-26T00:00:00Z", "calendar": cal("Europe/Kyiv", {"sun": [["00:00", "03:30"]]})}, {"seconds": 12600}),
    # 03:30-04:00 maps to [01:30Z, 01:00Z): empty, so that Sunday is no working day and has no working time.
    (
        {"op": "add_working_days", "at": "2026-03-28T12:00:00Z", "days": 1,
         "calendar": cal("Europe/Kyiv", {"sun": [["03:30", "04:00"]], "mon": [["09:00", "18:00"]]})},
        {"at": "2026-03-30T15:00:00Z"},
    ),
    ({"op": "elapsed", "from": "2026-03-28T00:00:00Z", "to": "2026-03-30T00:00:00Z", "calendar": cal("Europe/Kyiv", {"sun": [["03:30", "04:00"]], "mon": [["09:00", "18:00"]]})}, {"seconds": 0}),
    # A shift wholly inside the gap keeps its length (both ends move forward by the gap).
    ({"op": "elapsed", "from": "2026-03-28T00:00:00Z", "to": "2026-03-30T00:00:00Z", "calendar": cal("Europe/Kyiv", {"sun": [["03:10", "03:50"]]})}, {"seconds": 2400}),
    # New York: gap 02:00 -> 03:00 on 2026-03-08, fold 01:00-02:00 on 2026-11-01.
    ({"op": "elapsed", "from": "2026-03-08T00:00:00Z", "to": "2026-03-09T00:00:00Z", "calendar": cal("America/New_York", {"sun": [["01:00", "04:00"]]})}, {"seconds": 7200}),
    ({"op": "add", "at": "2026-11-01T04:00:00Z", "seconds": 3600, "calendar": cal("America/New_York", {"sun": [["00:30", "01:30"]]})}, {"at": "2026-11-01T05:30:00Z"}),
    # Lord Howe: 02:00 -> 02:30 on 2026-10-04, 02:00 -> 01:30 on 2026-04-05.
    ({"op": "elapsed", "from": "2026-10-03T00:00:00Z", "to": "2026-10-05T00:00:00Z", "calendar": cal("Australia/Lord_Howe", {"sun": [["01:00", "03:00"]]})}, {"seconds": 5400}),
    ({"op": "elapsed", "from": "2026-04-04T00:00:00Z", "to": "2026-04-06T00:00:00Z", "calendar": cal("Australia/Lord_Howe", {"sun": [["01:00", "03:00"]]})}, {"seconds": 9000}),
    ({"op": "next_working", "at": "2026-10-03T00:00:00Z", "calendar": cal("Australia/Lord_Howe", {"sun": [["02:15", "03:00"]]})}, {"at": "2026-10-03T15:45:00Z"}),
    ({"op": "elapsed", "from": "2026-04-04T00:00:00Z", "to": "2026-04-06T00:00:00Z", "calendar": cal("Australia/Lord_Howe", {"sun": [["01:45", "02:00"]]})}, {"seconds": 2700}),
    # Kolkata +05:30, instants with other offsets.
    ({"op": "add", "at": "2026-03-27T17:00:00+05:30", "seconds": 3600, "calendar": cal("Asia/Kolkata", {"fri": [["09:00", "17:30"]], "mon": [["09:00", "17:30"]]})}, {"at": "2026-03-30T04:00:00Z"}),
    # The whole supported range, around the clock; and an add that ends exactly at its end / just past it.
    ({"op": "elapsed", "from": "1970-01-01T00:00:00Z", "to": "2100-01-01T00:00:00Z", "calendar": cal("UTC", {k: [["00:00", "24:00"]] for k in oracle.WEEKDAYS})}, {"seconds": 4_102_444_800}),
    ({"op": "add", "at": "1970-01-01T00:00:00Z", "seconds": 4_102_444_800, "calendar": cal("UTC", {k: [["00:00", "24:00"]] for k in oracle.WEEKDAYS})}, {"at": "2100-01-01T00:00:00Z"}),
    ({"op": "add", "at": "1970-01-01T00:00:00Z", "seconds": 4_102_444_801, "calendar": cal("UTC", {k: [["00:00", "24:00"]] for k in oracle.WEEKDAYS})}, {"error": {"code": "out_of_range"}}),
    # Only extra days, no weekly time: working time runs out.
    ({"op": "add", "at": "2026-03-28T11:00:00Z", "seconds": 3600, "calendar": cal("UTC", {}, extra_working_days=["2026-03-28"], extra_working_day_hours=[["10:00", "12:00"]])}, {"at": "2026-03-28T12:00:00Z"}),
    ({"op": "add", "at": "2026-03-28T11:00:00Z", "seconds": 3601, "calendar": cal("UTC", {}, extra_working_days=["2026-03-28"], extra_working_day_hours=[["10:00", "12:00"]])}, {"error": {"code": "no_working_time"}}),
    ({"op": "sub", "at": "2026-03-28T11:00:00Z", "seconds": 3601, "calendar": cal("UTC", {}, extra_working_days=["2026-03-28"], extra_working_day_hours=[["10:00", "12:00"]])}, {"error": {"code": "no_working_time"}}),
    ({"op": "next_working", "at": "2026-03-28T12:00:00Z", "calendar": cal("UTC", {}, extra_working_days=["2026-03-28"], extra_working_day_hours=[["10:00", "12:00"]])}, {"error": {"code": "no_working_time"}}),
    ({"op": "add_working_days", "at": "2026-03-20T12:00:00Z", "days": 2, "calendar": cal("UTC", {}, extra_working_days=["2026-03-28"], extra_working_day_hours=[["10:00", "12:00"]])}, {"error": {"code": "no_working_time"}}),
    ({"op": "elapsed", "from": "2020-01-01T00:00:00Z", "to": "2030-01-01T00:00:00Z", "calendar": cal("UTC", {}, extra_working_days=["2026-03-28"], extra_working_day_hours=[["10:00", "12:00"]])}, {"seconds": 7200}),
    # Issue 16, per-date hours: Thursday 31 December 2026 09:00-16:00, Wednesday 30 December off.
    ({"op": "add", "at": "2026-12-31T12:00:00Z", "seconds": 7200, "calendar": KYIV_OFFICE | {"date_hours": {"2026-12-31": [["09:00", "16:00"]]}}}, {"at": "2026-12-31T14:00:00Z"}),
    ({"op": "add", "at": "2026-12-31T12:00:00Z", "seconds": 7201, "calendar": KYIV_OFFICE | {"date_hours": {"2026-12-31": [["09:00", "16:00"]]}}}, {"at": "2027-01-01T07:00:01Z"}),
    ({"op": "add_working_days", "at": "2026-12-29T10:00:00Z", "days": 1, "calendar": KYIV_OFFICE | {"date_hours": {"2026-12-30": []}}}, {"at": "2026-12-31T16:00:00Z"}),
    # date_hours over a listed holiday and over an extra working day; an overnight shift runs into an empty date.
    ({"op": "elapsed", "from": "2026-03-30T00:00:00Z", "to": "2026-03-31T00:00:00Z", "calendar": KYIV_OFFICE | {"holidays": ["2026-03-30"], "date_hours": {"2026-03-30": [["10:00", "11:00"]]}}}, {"seconds": 3600}),
    ({"op": "elapsed", "from": "2026-03-28T00:00:00Z", "to": "2026-03-29T00:00:00Z", "calendar": KYIV_OFFICE | {"extra_working_days": ["2026-03-28"], "date_hours": {"2026-03-28": [["10:00", "10:30"]]}}}, {"seconds": 1800}),
    ({"op": "is_working", "at": "2026-03-31T05:00:00Z", "calendar": cal("UTC", {"mon": [["22:00", "06:00"]]}, date_hours={"2026-03-31": []})}, {"working": True}),
    ({"op": "is_working", "at": "2026-03-31T05:00:00Z", "calendar": cal("UTC", {"mon": [["22:00", "06:00"]]}, date_hours={"2026-03-30": []})}, {"working": False}),
    ({"op": "add", "at": "2026-01-01T00:00:00Z", "seconds": 3600, "calendar": cal("UTC", {}, date_hours={"2026-05-05": [["10:00", "12:00"]]})}, {"at": "2026-05-05T11:00:00Z"}),
    ({"op": "add", "at": "2026-05-05T11:00:00Z", "seconds": 3601, "calendar": cal("UTC", {}, date_hours={"2026-05-05": [["10:00", "12:00"]]})}, {"error": {"code": "no_working_time"}}),
    # Shortened eves (art. 53) after martial law (ended 2025-12-31): Tuesday 14 July 2026 closes at 17:00 EEST.
    ({"op": "add", "at": "2026-07-14T12:00:00Z", "seconds": 7200, "calendar": KYIV_OFFICE | {"holiday_preset": "UA-statutory", "martial_law_end": "2025-12-31"}}, {"at": "2026-07-14T14:00:00Z"}),
    ({"op": "add", "at": "2026-07-14T12:00:00Z", "seconds": 7201, "calendar": KYIV_OFFICE | {"holiday_preset": "UA-statutory", "martial_law_end": "2025-12-31"}}, {"at": "2026-07-16T06:00:01Z"}),
    ({"op": "add", "at": "2026-07-14T12:00:00Z", "seconds": 7201, "calendar": KYIV_OFFICE | {"holiday_preset": "UA", "martial_law_end": "2025-12-31", "shortened_eves": False}}, {"at": "2026-07-14T14:00:01Z"}),
    ({"op": "elapsed", "from": "2026-12-23T22:00:00Z", "to": "2026-12-24T22:00:00Z", "calendar": KYIV_OFFICE | {"holiday_preset": "UA", "martial_law_end": "2025-12-31"}}, {"seconds": 8 * 3600}),
    # Independence Day on Monday 24 August 2026: Friday 21 August is not an eve.
    ({"op": "elapsed", "from": "2026-08-20T21:00:00Z", "to": "2026-08-21T21:00:00Z", "calendar": KYIV_OFFICE | {"holiday_preset": "UA", "martial_law_end": "2025-12-31"}}, {"seconds": 9 * 3600}),
    # Martial law still on (no end): the default's eves stay whole, in both presets.
    ({"op": "elapsed", "from": "2026-12-23T22:00:00Z", "to": "2026-12-24T22:00:00Z", "calendar": KYIV_OFFICE | {"holiday_preset": "UA"}}, {"seconds": 9 * 3600}),
    ({"op": "elapsed", "from": "2026-12-23T22:00:00Z", "to": "2026-12-24T22:00:00Z", "calendar": KYIV_OFFICE | {"holiday_preset": "UA-statutory"}}, {"seconds": 9 * 3600}),
    # A date_hours entry on an eve wins; an extra working day on an eve is shortened.
    ({"op": "elapsed", "from": "2026-12-30T22:00:00Z", "to": "2026-12-31T22:00:00Z", "calendar": KYIV_OFFICE | {"holiday_preset": "UA", "martial_law_end": "2025-12-31", "date_hours": {"2026-12-31": [["09:00", "18:00"]]}}}, {"seconds": 9 * 3600}),
    ({"op": "elapsed", "from": "2026-12-23T22:00:00Z", "to": "2026-12-24T22:00:00Z", "calendar": KYIV_OFFICE | {"holiday_preset": "UA", "martial_law_end": "2025-12-31", "extra_working_days": ["2026-12-24"], "extra_working_day_hours": [["10:00", "14:00"], ["15:00", "15:30"]]}}, {"seconds": 3 * 3600 + 1800}),
]

# Cases before 2024 the oracle does not know (its preset starts in 2024):
# checked against the written answers only. Transferred working Saturdays
# carry the shortened eve they replace (КМУ 995-р): 28.12.2019 and 11.01.2020.
FIXED_BATCH_ONLY = [
    ({"op": "elapsed", "from": "2019-12-27T22:00:00Z", "to": "2019-12-28T22:00:00Z", "calendar": KYIV_OFFICE | {"holiday_preset": "UA-statutory"}}, {"seconds": 8 * 3600}),
    ({"op": "elapsed", "from": "2020-01-10T22:00:00Z", "to": "2020-01-11T22:00:00Z", "calendar": KYIV_OFFICE | {"holiday_preset": "UA-statutory"}}, {"seconds": 8 * 3600}),
    ({"op": "elapsed", "from": "2019-12-20T22:00:00Z", "to": "2019-12-21T22:00:00Z", "calendar": KYIV_OFFICE | {"holiday_preset": "UA"}}, {"seconds": 9 * 3600}),
    # 2019: Friday 23 August (before Saturday 24 August) short, Friday 4 January (before Monday 7 January) whole.
    ({"op": "elapsed", "from": "2019-08-22T21:00:00Z", "to": "2019-08-23T21:00:00Z", "calendar": KYIV_OFFICE | {"holiday_preset": "UA"}}, {"seconds": 8 * 3600}),
    ({"op": "elapsed", "from": "2019-01-03T22:00:00Z", "to": "2019-01-04T22:00:00Z", "calendar": KYIV_OFFICE | {"holiday_preset": "UA"}}, {"seconds": 9 * 3600}),
]

# ---------------------------------------------------------------- error cases
# (raw line, expected code, expected id or None). Each is followed by a good line to show the batch goes on.
GOOD_UTC = {"timezone": "UTC", "week": {"mon": [["09:00", "17:00"]]}}
ERRORS = [
    ("this is not json", "invalid_json", None),
    ('{"id": 1, "op": "add"', "invalid_json", None),
    ("[1, 2, 3]", "invalid_json", None),
    ('"add"', "invalid_json", None),
    ("", "invalid_json", None),
    (json.dumps({"id": 2, "op": "add", "seconds": 5, "calendar": GOOD_UTC}), "missing_field", 2),
    (json.dumps({"id": 3, "op": "add", "at": "2026-03-30T09:00:00Z", "calendar": GOOD_UTC}), "missing_field", 3),
    (json.dumps({"id": 4, "at": "2026-03-30T09:00:00Z", "seconds": 5, "calendar": GOOD_UTC}), "missing_field", 4),
    (json.dumps({"id": 5, "op": "elapsed", "from": "2026-03-30T09:00:00Z", "calendar": GOOD_UTC}), "missing_field", 5),
    (json.dumps({"id": 6, "op": "add_working_days", "at": "2026-03-30T09:00:00Z", "calendar": GOOD_UTC}), "missing_field", 6),
    (json.dumps({"id": 7, "op": "mul", "at": "2026-03-30T09:00:00Z", "calendar": GOOD_UTC}), "invalid_value", 7),
    (json.dumps({"id": 8, "op": "add", "at": "2026-03-30T09:00:00Z", "seconds": "5", "calendar": GOOD_UTC}), "invalid_value", 8),
    (json.dumps({"id": 9, "op": "add", "at": "2026-03-30T09:00:00Z", "seconds": 1.5, "calendar": GOOD_UTC}), "invalid_value", 9),
    (json.dumps({"id": 10, "op": "add_working_days", "at": "2026-03-30T09:00:00Z", "days": 0, "calendar": GOOD_UTC}), "invalid_value", 10),
    (json.dumps({"id": 11, "op": "add_working_days", "at": "2026-03-30T09:00:00Z", "days": -1, "calendar": GOOD_UTC}), "invalid_value", 11),
    (json.dumps({"id": 12, "op": 7, "at": "2026-03-30T09:00:00Z", "calendar": GOOD_UTC}), "invalid_value", 12),
    (json.dumps({"id": 13, "op": "add", "at": "2026-13-01T00:00:00Z", "seconds": 5, "calendar": GOOD_UTC}), "invalid_instant", 13),
    (json.dumps({"id": 14, "op": "add", "at": "yesterday", "seconds": 5, "calendar": GOOD_UTC}), "invalid_instant", 14),
    (json.dumps({"id": 15, "op": "add", "at": "2026-03-30T09:00:00", "seconds": 5, "calendar": GOOD_UTC}), "invalid_instant", 15),
    (json.dumps({"id": 16, "op": "is_working", "at": 1774861200, "calendar": GOOD_UTC}), "invalid_instant", 16),
    (json.dumps({"id": 17, "op": "elapsed", "from": "2026-03-30T09:00:00Z", "to": "2026-02-30T09:00:00Z", "calendar": GOOD_UTC}), "invalid_instant", 17),
    (json.dumps({"id": 18, "op": "is_working", "at": "2026-03-30T09:00:00Z", "calendar": {"timezone": "Mars/Olympus", "week": {"mon": [["09:00", "17:00"]]}}}), "unknown_timezone", 18),
    (json.dumps({"id": 19, "op": "is_working", "at": "2026-03-30T09:00:00Z", "calendar": {"timezone": "europe/kyiv", "week": {"mon": [["09:00", "17:00"]]}}}), "unknown_timezone", 19),
    (json.dumps({"id": "s", "op": "is_working", "at": "2026-03-30T09:00:00Z", "calendar": {"timezone": "", "week": {"mon": [["09:00", "17:00"]]}}}), "unknown_timezone", "s"),
    (json.dumps({"id": 20, "op": "is_working", "at": "2026-03-30T09:00:00Z", "calendar": {"timezone": "UTC", "week": {"mon": [["09:00", "25:00"]]}}}), "invalid_value", 20),
    (json.dumps({"id": 21, "op": "is_working", "at": "2026-03-30T09:00:00Z", "calendar": {"timezone": "UTC", "week": {"mon": [["24:00", "01:00"]]}}}), "invalid_value", 21),
    (json.dumps({"id": 22, "op": "is_working", "at": "2026-03-30T09:00:00Z", "calendar": GOOD_UTC | {"holidays": ["2026-02-30"]}}), "invalid_value", 22),
    (json.dumps({"id": 23, "op": "is_working", "at": "2026-03-30T09:00:00Z", "calendar": {"timezone": "UTC"}}), "missing_field", 23),
    (json.dumps({"id": 24, "op": "is_working", "at": "2026-03-30T09:00:00Z", "calendar": GOOD_UTC | {"colour": "red"}}), "unknown_field", 24),
    (json.dumps({"id": 25, "op": "is_working", "at": "2026-03-30T09:00:00Z", "calendar": {"timezone": "UTC", "week": {}}}), "no_working_time", 25),
    (json.dumps({"id": 26, "op": "is_working", "at": "2026-03-30T09:00:00Z",
                 "calendar": GOOD_UTC | {"holidays": ["2026-03-30"], "extra_working_days": ["2026-03-30"]}}), "conflict", 26),
    (json.dumps({"id": 27, "op": "is_working", "at": "2026-03-30T09:00:00Z", "calendar": "UTC"}), "invalid_json", 27),
    ('{"id":28,"op":"add","at":"2026-03-30T09:00:00Z","seconds":9223372036854775808,"calendar":%s}' % json.dumps(GOOD_UTC), "invalid_value", 28),
    (json.dumps({"id": 29, "op": "add_working_days", "at": "2026-03-30T09:00:00Z", "days": 4294967296, "calendar": GOOD_UTC}), "invalid_value", 29),
    (json.dumps({"id": 30, "op": "add", "at": "2026-03-30T09:00:00Z", "seconds": 2**63 - 1, "calendar": GOOD_UTC}), "out_of_range", 30),
    (json.dumps({"id": 31, "op": "sub", "at": "2026-03-30T09:00:00Z", "seconds": -(2**63), "calendar": GOOD_UTC}), "out_of_range", 31),
    (json.dumps({"id": 32, "op": "is_working", "at": "1969-12-31T23:59:59Z", "calendar": GOOD_UTC}), "out_of_range", 32),
    (json.dumps({"id": 33, "op": "elapsed", "from": "2026-03-30T09:00:00Z", "to": "2100-01-01T00:00:01Z", "calendar": GOOD_UTC}), "out_of_range", 33),
    (json.dumps({"id": {"nested": [1]}, "op": "next_working", "at": "2026-03-30T09:00:00", "calendar": GOOD_UTC}), "invalid_instant", {"nested": [1]}),
    (json.dumps({"id": 34, "op": "is_working", "at": "2026-03-30T09:00:00Z", "calendar": GOOD_UTC | {"date_hours": {"2026-02-30": []}}}), "invalid_value", 34),
    (json.dumps({"id": 35, "op": "is_working", "at": "2026-03-30T09:00:00Z", "calendar": GOOD_UTC | {"date_hours": {"2026-03-30": [["09:00", "16:70"]]}}}), "invalid_value", 35),
    (json.dumps({"id": 36, "op": "is_working", "at": "2026-03-30T09:00:00Z", "calendar": GOOD_UTC | {"date_hours": ["2026-03-30"]}}), "invalid_value", 36),
    (json.dumps({"id": 37, "op": "is_working", "at": "2026-03-30T09:00:00Z", "calendar": GOOD_UTC | {"shortened_eves": "no"}}), "invalid_value", 37),
    (json.dumps({"id": 38, "op": "is_working", "at": "2026-03-30T09:00:00Z", "calendar": {"timezone": "UTC", "week": {}, "date_hours": {"2026-03-30": []}}}), "no_working_time", 38),
]
AFTER_ERROR = {"op": "add", "at": "2026-03-30T09:00:00Z", "seconds": 3600, "calendar": GOOD_UTC}
AFTER_ERROR_ANSWER = {"at": "2026-03-30T10:00:00Z"}


# ---------------------------------------------------------------- random cases

@functools.cache
def transitions(zone: str) -> list[int]:
    """UTC instants of the offset changes of `zone` in YEAR_LO..YEAR_HI (from Python's tzdata)."""
    tz = zoneinfo.ZoneInfo(zone)

    def off(ts: int):
        return dt.datetime.fromtimestamp(ts, tz).utcoffset()

    out = []
    step = 6 * 3600
    t = T_LO
    prev = off(t)
    while t < T_HI:
        nxt = off(t + step)
        if nxt != prev:
            lo, hi = t, t + step  # off(lo) == prev, off(hi) != prev
            while hi - lo > 1:
                mid = (lo + hi) // 2
                if off(mid) == prev:
                    lo = mid
                else:
                    hi = mid
            out.append(hi)
        prev = nxt
        t += step
    return out


@functools.cache
def transition_wall_times(zone: str) -> list[int]:
    """Local wall-clock seconds-of-day around the zone's transitions (both sides), for shift boundaries."""
    tz = zoneinfo.ZoneInfo(zone)
    out = set()
    for t in transitions(zone):
        for side in (t - 1, t):
            local = dt.datetime.fromtimestamp(side, tz)
            s = local.hour * 3600 + local.minute * 60 + local.second + (1 if side == t - 1 else 0)
            out.add(s % DAY)
    return sorted(out)


def hms(s: int, rng: random.Random) -> str:
    h, m, sec = s // 3600, s // 60 % 60, s % 60
    if sec or rng.random() < 0.05:
        return f"{h:02d}:{m:02d}:{sec:02d}"
    return f"{h:02d}:{m:02d}"


class Gen:
    def __init__(self, rng: random.Random):
        self.rng = rng

    def time_of_day(self, zone: str, lo: int = 0, hi: int = DAY - 1) -> int:
        r = self.rng
        x = r.random()
        walls = transition_wall_times(zone)
        if walls and x < 0.25:
            s = r.choice(walls) + r.choice([0, 0, 0, -1800, 1800, -3600, 3600, -900, 900, -60, 60, -1, 1])
        elif x < 0.75:
            s = r.randrange(0, 48) * 1800
        elif x < 0.93:
            s = r.randrange(0, 1440) * 60
        else:
            s = r.randrange(0, DAY)
        return min(max(s, lo), hi)

    def shift(self, zone: str) -> list[str]:
        r = self.rng
        kind = r.random()
        if kind < 0.35:  # ordinary day shift
            a = self.time_of_day(zone, 0, DAY - 3600)
            b = min(a + r.choice([1800, 3600, 4 * 3600, 8 * 3600, 9 * 3600, r.randrange(60, 12 * 3600)]), DAY)
            return [hms(a, r), "24:00" if b == DAY else hms(b, r)]
        if kind < 0.5:  # overnight
            a = self.time_of_day(zone, 12 * 3600, DAY - 1)
            b = self.time_of_day(zone, 0, a)
            return [hms(a, r), hms(b, r)]
        if kind < 0.6:  # until 24:00
            return [hms(self.time_of_day(zone, 0, DAY - 60), r), "24:00"]
        if kind < 0.67:
            return ["00:00", "24:00"]
        if kind < 0.72:  # 24-hour shift, start == end
            a = self.time_of_day(zone)
            return [hms(a, r), hms(a, r)]
        # anything at all (possibly overnight)
        return [hms(self.time_of_day(zone), r), hms(self.time_of_day(zone), r)]

    def day(self, zone: str) -> list[list[str]]:
        r = self.rng
        x = r.random()
        if x < 0.2:
            return []
        if x < 0.6:
            return [self.shift(zone)]
        if x < 0.85:  # split shift, possibly overlapping
            return [self.shift(zone), self.shift(zone)]
        return [self.shift(zone) for _ in range(r.randrange(3, 5))]

    def week(self, zone: str) -> dict:
        r = self.rng
        style = r.random()
        keys = oracle.WEEKDAYS
        if style < 0.3:  # office: the same hours Mon-Fri (maybe split)
            d = self.day(zone) or [["09:00", "18:00"]]
            w = {k: d for k in keys[:5]} | {"sat": [], "sun": []}
        elif style < 0.4:  # 24/7 in some spelling
            whole = r.choice([[["00:00", "24:00"]], [["00:00", "00:00"]], [["08:00", "08:00"]], [["00:00", "12:00"], ["12:00", "24:00"]]])
            w = {k: whole for k in keys}
        elif style < 0.5:  # nights
            n = [self.shift(zone)]
            n[0] = [n[0][0], n[0][0]] if r.random() < 0.2 else ["22:00", "06:00"]
            w = {k: n for k in keys if r.random() < 0.8}
        elif style < 0.58:  # sparse: one or two days
            w = {k: self.day(zone) or [self.shift(zone)] for k in r.sample(keys, r.randrange(1, 3))}
        elif style < 0.62:  # no weekly time at all (only extra days)
            w = {}
        else:  # every day its own
            w = {k: self.day(zone) for k in keys if r.random() < 0.9}
        if r.random() < 0.3:  # omit empty days / keep them, both spellings
            w = {k: v for k, v in w.items() if v}
        return w

    def instant_near(self, zone: str, center: int | None = None) -> int:
        """An instant, often near a DST transition of the zone."""
        r = self.rng
        tr = transitions(zone)
        if center is None:
            if tr and r.random() < 0.6:
                center = r.choice(tr)
            else:
                center = r.randrange(T_LO, T_HI)
        spread = r.choice([0, 1, 60, 1800, 3600, 4 * 3600, DAY, 3 * DAY, 10 * DAY])
        return center + (r.randint(-spread, spread) if spread else 0)

    def calendar(self, zone: str, near: int) -> dict:
        r = self.rng
        c = {"timezone": zone, "week": self.week(zone)}
        near_date = oracle.utc_date(near)
        dates = set()
        for _ in range(r.choice([0, 0, 1, 2, 4, 8])):
            dates.add(near_date + dt.timedelta(days=r.randint(-6, 14)))
        dates = sorted(dates)
        r.shuffle(dates)
        k = r.randint(0, len(dates))
        hol, extra = dates[:k], dates[k:]
        if hol:
            c["holidays"] = [d.isoformat() for d in hol]
        if extra or r.random() < 0.1:
            c["extra_working_days"] = [d.isoformat() for d in extra]
        if r.random() < 0.5:
            c["extra_working_day_hours"] = self.day(zone)
        if r.random() < 0.3:  # per-date hours near the instant, possibly on a holiday or extra day
            pool = dates + [near_date + dt.timedelta(days=r.randint(-6, 14)) for _ in range(4)]
            c["date_hours"] = {d.isoformat(): self.day(zone) for d in r.sample(pool, r.randint(1, min(4, len(pool))))}
        week_has = any(c["week"].values())
        hours = c.get("extra_working_day_hours")
        if hours is None:
            hours = c["week"].get("mon", [])
        dated = any(c.get("date_hours", {}).values())
        if not week_has and not dated and not (c.get("extra_working_days") and hours):
            # no working time at all: make it valid with an extra day.
            c["extra_working_days"] = c.get("extra_working_days") or [near_date.isoformat()]
            c["holidays"] = [d for d in c.get("holidays", []) if d not in c["extra_working_days"]]
            if not c["holidays"]:
                c.pop("holidays")
            c["extra_working_day_hours"] = [self.shift(zone)]
        return c

    def render(self, t: int) -> str:
        r = self.rng
        if r.random() < 0.75:
            return format_instant(t)
        minutes = r.choice([0, 60, 120, 330, 345, -180, -210, -300, 840, -720, 765, 30])
        tz = dt.timezone(dt.timedelta(minutes=minutes))
        text = dt.datetime.fromtimestamp(t, tz).isoformat()
        if minutes == 0 and r.random() < 0.5:
            text = text.replace("+00:00", "Z")
        return text

    def boundary_near(self, c: Calendar, t: int, forward: bool) -> int | None:
        """A working-interval boundary a few intervals away from t."""
        d = oracle.utc_date(t)
        ivals = c.union(d - dt.timedelta(days=25), d + dt.timedelta(days=25))
        ivals = [(a, b) for a, b in ivals if d - dt.timedelta(days=20) <= oracle.utc_date(a) <= d + dt.timedelta(days=20)]
        edges = [x for iv in ivals for x in iv]
        if not edges:
            return None
        i = bisect.bisect_left(edges, t)
        k = self.rng.choice([0, 0, 1, 2, 3, 5, 9])
        j = i + k if forward else i - 1 - k
        if 0 <= j < len(edges):
            return edges[j]
        return None

    def weekly_seconds(self, spec: dict) -> int:
        total = 0
        for day in spec["week"].values():
            for a, b in day:
                s, e = oracle.parse_hms(a), oracle.parse_hms(b)
                total += e - s if e > s else e + DAY - s
        return total

    def case(self) -> dict:
        """A random case the oracle can answer (a preset case it cannot is drawn again)."""
        while True:
            try:
                line = self.draw()
                oracle.answer(line)
            except oracle.Unsupported:
                continue
            return line

    def draw(self) -> dict:
        r = self.rng
        zone = r.choice(ZONES)
        preset = r.random() < 0.15
        t = self.instant_near(zone)
        while any(lo <= oracle.utc_date(t).year <= hi for lo, hi in EXCLUDED.get(zone, [])) or (preset and t < PRESET_LO):
            t = self.instant_near(zone)
        spec = self.calendar(zone, t)
        if preset:  # the Ukrainian holidays after martial law (or still under it), eves on or off
            spec["holiday_preset"] = r.choice(["UA", "UA-statutory"])
            end = r.choice([None, "2024-05-31", "2025-12-31", "2026-06-27", "2026-07-14", "2027-04-30", "2029-12-31"])
            if end is not None:
                spec["martial_law_end"] = end
            x = r.random()
            if x < 0.2:
                spec["shortened_eves"] = False
            elif x < 0.3:
                spec["shortened_eves"] = True
            if r.random() < 0.5 and zone == "Europe/Kyiv":
                spec["week"] = KYIV_OFFICE["week"]
        c = Calendar(spec)
        x = r.random()
        if x < 0.4:  # move t onto/next to a shift boundary
            b = self.boundary_near(c, t, r.random() < 0.5)
            if b is not None:
                t = b + r.choice([0, 0, 0, -1, 1, -60, 60])
        op = r.choice(["add", "add", "add", "sub", "sub", "elapsed", "elapsed", "is_working", "next_working", "add_working_days"])
        line = {"op": op}
        weekly = self.weekly_seconds(spec)
        if weekly == 0:  # only extra days: keep things near them
            max_d = 20 * 3600
        else:
            max_d = min(2000 * 3600, weekly * 120)  # at most ~2.3 years of calendar time
        if op in ("add", "sub"):
            y = r.random()
            if y < 0.08:
                d = 0
            elif y < 0.15:
                d = r.choice([1, 2, 59, 60, 3599, 3600])
            elif y < 0.5:  # exact budget to a boundary (and +-1)
                b = self.boundary_near(c, t, op == "add")
                d = abs(c.elapsed(t, b)) if b is not None else r.randrange(0, 3600 * 10)
                d += r.choice([0, 0, 0, -1, 1])
                d = max(d, 0)
            elif y < 0.8:
                d = r.randrange(0, 48) * 1800
            else:
                d = r.randrange(0, max_d + 1)
            if weekly == 0 and r.random() < 0.7:
                d = min(d, 4 * 3600)
            if r.random() < 0.08:
                d = -d
            line |= {"at": self.render(t), "seconds": d}
        elif op == "elapsed":
            if r.random() < 0.5:
                u = self.boundary_near(c, t, r.random() < 0.5)
                u = (u if u is not None else t) + r.choice([0, 0, -1, 1])
            elif r.random() < 0.2:
                u = t
            else:
                span = min(max_d, 700 * DAY) if weekly else 40 * DAY
                u = t + r.randint(-span, span) // r.choice([1, 10, 100])
            line |= {"from": self.render(t), "to": self.render(u)}
        elif op in ("is_working", "next_working"):
            line |= {"at": self.render(t)}
        else:
            shifts_per_week = sum(1 for day in spec["week"].values() if day)
            cap = 400 if shifts_per_week else 6
            line |= {"at": self.render(t), "days": r.choice([1, 1, 2, 3, 5, 10, r.randint(1, cap)])}
        line["calendar"] = spec
        return line


# ---------------------------------------------------------------- running

def run_batch(binary: str, lines: list[str]) -> list[str]:
    proc = subprocess.run([binary, "batch"], input="\n".join(lines) + "\n", capture_output=True, text=True, timeout=600)
    if proc.returncode != 0:
        sys.exit(f"`{binary} batch` exited with {proc.returncode}: {proc.stderr.strip()}")
    out = proc.stdout.split("\n")
    if out and out[-1] == "":
        out.pop()
    if len(out) != len(lines):
        sys.exit(f"`{binary} batch` answered {len(out)} lines for {len(lines)} input lines")
    return out


def normalize(answer: dict) -> dict:
    """Error answers compare by code only (messages are free text but must be there)."""
    if isinstance(answer.get("error"), dict):
        err = answer["error"]
        ok_msg = isinstance(err.get("message"), str) and err["message"] != ""
        return {k: v for k, v in answer.items() if k != "error"} | {"error": {"code": err.get("code"), "message?": ok_msg}}
    return answer


def expect(answer: dict) -> dict:
    """An expected answer in the form `normalize` gives: errors must carry a message."""
    if "error" in answer:
        return answer | {"error": {"code": answer["error"]["code"], "message?": True}}
    return answer


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", type=int, default=3000, help="number of random cases (default 3000)")
    ap.add_argument("--seed", type=int, default=20260327, help="random seed (default 20260327)")
    ap.add_argument("--bin", default=None, help="the reglament binary (default: target/release/reglament)")
    ap.add_argument("--show", type=int, default=20, help="print at most this many mismatches in full")
    args = ap.parse_args()
    binary = args.bin or os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "target", "release", "reglament")
    if not os.path.exists(binary):
        sys.exit(f"no binary at {binary}: build it with `cargo build --release -p reglament-cli` or pass --bin")
    started = time.monotonic()
    oracle.self_check()

    lines: list[str] = []
    expected: list[dict] = []
    kinds: list[str] = []
    problems: list[str] = []

    # fixed cases: the written-out answer must match the oracle too
    for i, (req, want) in enumerate(FIXED):
        req = {"id": f"fixed-{i}"} | req
        got = oracle.answer(req)
        want = {"id": req["id"]} | want
        if got != want:
            problems.append(f"ORACLE disagrees with fixed case {req['id']}: {json.dumps(req)}\n  written: {json.dumps(want)}\n  oracle:  {json.dumps(got)}")
        lines.append(json.dumps(req))
        expected.append(expect(want))
        kinds.append("fixed:" + req["op"])

    for i, (req, want) in enumerate(FIXED_BATCH_ONLY):
        req = {"id": f"fixed-batch-only-{i}"} | req
        lines.append(json.dumps(req))
        expected.append(expect({"id": req["id"]} | want))
        kinds.append("fixed:" + req["op"])

    # error cases, each followed by a good line
    for i, (raw, code, ident) in enumerate(ERRORS):
        lines.append(raw)
        want = ({"id": ident} if ident is not None else {}) | {"error": {"code": code, "message?": True}}
        expected.append(want)
        kinds.append("error:" + code)
        good = {"id": f"after-error-{i}"} | AFTER_ERROR
        lines.append(json.dumps(good))
        expected.append({"id": good["id"]} | AFTER_ERROR_ANSWER)
        kinds.append("fixed:add")

    # random cases
    rng = random.Random(args.seed)
    gen = Gen(rng)
    stats: dict[str, int] = {}
    for i in range(args.cases):
        req = {"id": i} | gen.case()
        lines.append(json.dumps(req, separators=(",", ":")))
        expected.append(expect(oracle.answer(req, stats)))
        kinds.append(req["op"] + (":error" if "error" in expected[-1] else ""))
        stats["preset"] = stats.get("preset", 0) + ("holiday_preset" in req["calendar"])
        stats["dated"] = stats.get("dated", 0) + ("date_hours" in req["calendar"])
    oracle_done = time.monotonic()

    answers = run_batch(binary, lines)
    batch_done = time.monotonic()

    mismatches = []
    for line, want, raw, kind in zip(lines, expected, answers, kinds):
        try:
            got = normalize(json.loads(raw))
        except json.JSONDecodeError:
            got = {"unparseable": raw}
        if got != want:
            mismatches.append((kind, line, want, raw))

    counts: dict[str, int] = {}
    for k in kinds:
        counts[k] = counts.get(k, 0) + 1
    print(f"reglament batch vs oracle: {len(lines)} lines ({len(FIXED)} fixed, {len(ERRORS)} error + {len(ERRORS)} follow-up, {args.cases} random, seed {args.seed})")
    for k in sorted(counts):
        print(f"  {k:28s} {counts[k]}")
    print(f"  random cases that used a shift with a DST change inside: {stats.get('dst', 0)}; that met a shift swallowed by a gap: {stats.get('empty', 0)}")
    print(f"  random cases with a UA preset (2024 on): {stats.get('preset', 0)}; with date_hours: {stats.get('dated', 0)}; that met a shortened eve: {stats.get('eves', 0)}")
    print(f"  zones: {len(ZONES)}; time: oracle {oracle_done - started:.1f}s, batch {batch_done - oracle_done:.2f}s")
    for p in problems:
        print(p)
    for kind, line, want, raw in mismatches[: args.show]:
        print(f"MISMATCH [{kind}]\n  input:    {line}\n  expected: {json.dumps(want)}\n  got:      {raw}")
    if len(mismatches) > args.show:
        print(f"... and {len(mismatches) - args.show} more mismatches")
    bad = len(mismatches) + len(problems)
    print(f"{len(mismatches)} mismatches, {len(problems)} oracle/fixed disagreements on {len(lines)} lines")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Writes the JSON Schemas of reglament's documents (schemas/*.schema.json)
and, from those files, the reference pages docs/regulation-file.md and
docs/events.md.

    python3 scripts/gen-schemas.py          # write schemas and pages
    python3 scripts/gen-schemas.py --check  # exit 1 when a committed file is stale

The schemas are built here, once, from the parsers of core/src (read them:
calendar/spec.rs, regulation.rs, ticket/event.rs, record/versions.rs,
record/chain.rs, cli/src/batch.rs). The vocabularies below must equal the
core's (cli/tests/schemas.rs fails when they drift), and every document of
the repository is checked by schema and core alike (same test).

schemas/report.schema.json is hand-written and not touched here.
"""

import copy
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DRAFT = "https://json-schema.org/draft/2020-12/schema"

# --- vocabularies: (code, uk label, en label), the core's order -------------
# Each equals `<Type>::ALL` of the core (codes, label_uk, label_en).
VOCAB = {
    "role": ("reglament::model::Role", "Who acts on a request (clause 1.3).", [
        ("user", "Користувач", "User"),
        ("customer_service", "Служба Замовника", "Customer Service"),
        ("operator", "Оператор СТП", "Operator"),
        ("consultant", "Консультант СТП", "Consultant"),
    ]),
    "channel": ("reglament::model::Channel", "How a request comes in (clause 3.1); `email` is no request channel, only the way approvals come (3.4).", [
        ("phone", "телефон", "phone"),
        ("skype", "Skype", "Skype"),
        ("whatsapp", "WhatsApp", "WhatsApp"),
        ("viber", "Viber", "Viber"),
        ("telegram", "Telegram", "Telegram"),
        ("tracker", "безпосередньо у СТП (Trello)", "the tracker directly (Trello)"),
        ("email", "електронна пошта", "e-mail"),
    ]),
    "reason": ("reglament::model::Reason", "Why the user applies (clause 3.1).", [
        ("software_failure", "збій в роботі ПЗ", "software failure"),
        ("business_process_problem", "проблеми в роботі БП", "business-process problem"),
        ("question", "питання, пов'язані з роботою ПЗ", "question about the software"),
        ("remark", "зауваження по роботі ПЗ", "remark on the software"),
        ("suggestion", "побажання і пропозиції", "wish or suggestion"),
    ]),
    "category": ("reglament::model::Category", "The request's category (clause 3.3).", [
        ("incident", "Інцидент", "Incident"),
        ("change_request", "Пропозиція (запит на зміну)", "Change request"),
        ("consultation", "Консультація (запит інформації)", "Consultation"),
        ("documentation_request", "Запит документації", "Documentation request"),
    ]),
    "priority": ("reglament::model::Priority", "The request's priority, highest first (DESIGN §2).", [
        ("critical", "Критичний", "Critical"),
        ("high", "Високий", "High"),
        ("medium", "Середній", "Medium"),
        ("low", "Низький", "Low"),
    ]),
    "status": ("reglament::model::Status", "The request's status (clause 3.2; Rejected 3.3, Archived 3.6).", [
        ("backlog", "Список завдань або Беклог", "Backlog"),
        ("sprint", "План розробки або Спрінт", "Sprint"),
        ("in_progress", "В процесі", "In progress"),
        ("done", "Виконана", "Done"),
        ("release", "Реліз", "Release"),
        ("rejected", "Відхилена", "Rejected"),
        ("archived", "Архівована", "Archived"),
    ]),
    "metric": ("reglament::model::Metric", "An SLA metric (DESIGN §2).", [
        ("response", "час реакції", "response"),
        ("resolution", "час вирішення", "resolution"),
        ("update_interval", "інтервал інформування", "update interval"),
    ]),
    "service": ("reglament::model::Service", "A service of clause 4.", [
        ("consultation", "Консультаційне обслуговування", "Consultation service"),
        ("recovery", "Усунення наслідків збоїв Системи", "Recovery after system failures"),
        ("administration", "Адміністрування Системи", "System administration"),
    ]),
    "day_unit": ("reglament::model::DayUnit", "How days are counted.", [
        ("calendar_days", "календарних днів", "calendar days"),
        ("working_days", "робочих днів", "working days"),
    ]),
    "priority_change": ("reglament::regulation::PriorityChangeRule", "What a priority change does to a running clock (DESIGN §2).", [
        ("keep_consumed", "спожитий робочий час зберігається, строк перераховується за новою ціллю", "working time consumed stays consumed, the due instant follows the new target"),
        ("recompute_from_registration", "строк перераховується від реєстрації за новою ціллю", "the due instant is recomputed from registration with the new target"),
        ("keep_old_due", "чинний строк не змінюється", "the due instant in force stays"),
        ("earlier_of_both", "діє раніший із чинного та перерахованого строків", "the earlier of the old and the recomputed due instant"),
    ]),
    "event_kind": ("reglament::ticket::EventKind", "What happened: the key of the permission table.", [
        ("register", "зареєструвати заявку", "register the request"),
        ("classify", "встановити категорію заявки", "set the request's category"),
        ("change_priority", "змінити пріоритет заявки", "change the request's priority"),
        ("reject", "відхилити заявку", "reject the request"),
        ("ask_user", "поставити запитання Користувачеві", "ask the user a question"),
        ("user_answer", "записати відповідь Користувача", "record the user's answer"),
        ("reply", "відповісти Користувачеві", "reply to the user"),
        ("plan_sprint", "взяти заявку в план розробки (Спрінт)", "plan the request into the sprint"),
        ("start_work", "перевести заявку в роботу («В процесі»)", "start work on the request (In progress)"),
        ("request_approval", "запитати дозвіл Служби Замовника", "request Customer Service's approval"),
        ("approve", "надати дозвіл", "grant an approval"),
        ("refuse_approval", "відмовити в дозволі", "refuse an approval"),
        ("perform_action", "виконати дію за заявкою", "perform an action on the request"),
        ("extend_deadline", "продовжити строк виконання", "extend the deadline"),
        ("complete", "позначити роботу виконаною", "mark the work done"),
        ("release", "перевести заявку в «Реліз»", "release the request"),
        ("reopen", "відновити роботу над заявкою", "reopen the request"),
        ("accept", "підтвердити, що рішення задовольняє", "accept the solution"),
        ("archive", "архівувати заявку", "archive the request"),
        ("comment", "додати коментар", "add a comment"),
        # DESIGN §7
        ("pause", "призупинити відлік з причини", "pause the clocks for a declared reason"),
        ("resume", "відновити відлік після причини", "resume the clocks after a declared reason"),
    ]),
    "clock_state": ("reglament::sla::ClockState", "A clock's state at `now`.", [
        ("running", "триває", "running"),
        ("paused", "призупинено", "paused"),
        ("met", "виконано", "met"),
        ("breached", "порушено", "breached"),
        ("unclassified", "без категорії", "unclassified"),
        ("stopped", "зупинено", "stopped"),
    ]),
    "due_cause": ("reglament::sla::DueCause", "Why a due instant was set.", [
        ("registration", "реєстрація", "registration"),
        ("classification", "встановлення категорії", "classification"),
        ("priority_change", "зміна пріоритету", "priority change"),
        ("category_change", "зміна категорії", "category change"),
        ("extension", "продовження строку", "extension"),
        ("period_start", "новий період інформування", "new update period"),
    ]),
    "stop_reason": ("reglament::sla::StopReason", "Why a clock stood still.", [
        ("approval_pending", "очікування дозволу Служби Замовника", "customer approval pending"),
        ("awaiting_user", "очікування відповіді Користувача", "waiting for the user's answer"),
        ("release", "заявка у статусі «Реліз»", "the request is in Release"),
        ("declared", "заявлена причина", "a declared reason"),
    ]),
    "approval_state": ("reglament::ticket::ApprovalState", "Where an approval stands.", [
        ("pending", "очікується", "pending"),
        ("granted", "надано", "granted"),
        ("refused", "відмовлено", "refused"),
    ]),
    "refusal_code": ("reglament::ticket::RefusalCode", "Why the regulation refused an event.", [
        ("read_only", "лише перегляд", "read-only access"),
        ("role_not_allowed", "роль не має права", "role not allowed"),
        ("wrong_status", "недозволений статус", "not in this status"),
        ("terminal_status", "кінцевий статус", "final status"),
        ("not_registered", "заявку не зареєстровано", "not registered"),
        ("already_registered", "заявку вже зареєстровано", "already registered"),
        ("time_went_backwards", "час пішов назад", "time went backwards"),
        ("instant_out_of_range", "момент поза календарем", "instant out of range"),
        ("missing_field", "бракує поля", "missing field"),
        ("channel_not_for_requests", "канал не для заявок", "channel not for requests"),
        ("channel_requires_operator", "реєструє оператор", "operator registers"),
        ("own_initiative_requires_operator", "лише оператор з власної ініціативи", "only an operator on own initiative"),
        ("submitted_after_registration", "подано після реєстрації", "submitted after registration"),
        ("no_question_pending", "немає запитання", "no question pending"),
        ("unknown_pause_reason", "невідома причина призупинення", "unknown pause reason"),
        ("pause_already_active", "причина вже діє", "pause already active"),
        ("pause_not_active", "причина не діє", "pause not active"),
        ("approval_required", "потрібен дозвіл", "approval required"),
        ("approval_pending", "дозвіл очікується", "approval pending"),
        ("approval_refused", "у дозволі відмовлено", "approval refused"),
        ("approval_not_requested", "дозволу не запитували", "approval not requested"),
        ("approval_already_granted", "дозвіл уже надано", "approval already granted"),
        ("approval_ambiguous", "незрозуміло, який дозвіл", "which approval is ambiguous"),
        ("approval_already_pending", "дозвіл уже запитано", "approval already requested"),
        ("approval_not_by_email", "дозвіл не електронною поштою", "approval not by e-mail"),
        ("unknown_action", "невідома дія", "unknown action"),
        ("invalid_extension", "некоректне продовження", "invalid extension"),
        ("extension_not_in_future", "новий строк у минулому", "extension not in the future"),
        ("extension_not_later", "новий строк не пізніший за чинний", "extension not later than the due in force"),
        ("clock_paused", "відлік призупинено", "clock paused"),
        ("regulation_mismatch", "інша версія регламенту", "another regulation version"),
        ("archive_too_early", "зарано архівувати", "too early to archive"),
        ("invalid_reopen_target", "недозволений статус відновлення", "invalid reopen target"),
    ]),
    "warning_code": ("reglament::ticket::WarningCode", "A warning on an accepted event.", [
        ("outside_working_hours", "поза робочим часом", "outside working hours"),
        ("outside_registration_hours", "поза часом реєстрації", "outside registration hours"),
        ("registration_optional", "реєстрація не обов'язкова", "registration optional"),
        ("no_change", "без змін", "no change"),
        ("unclassified", "без категорії", "unclassified"),
    ]),
}

# Codes the schemas already accept and the core does not yet (DESIGN §7, this
# wave). cli/tests/schemas.rs allows them as temporary exceptions.
PENDING_EVENT_KINDS = []

MAX_SECONDS = 4_102_444_800  # core: regulation::MAX_SECONDS (1970..2100)
I64_MAX = 9_223_372_036_854_775_807
I64_MIN = -9_223_372_036_854_775_808
U32_MAX = 4_294_967_295


def urn(name):
    return f"urn:reglament:schema:{name}:1"


def vocab(name, include=None):
    path, about, values = VOCAB[name]
    if include is not None:
        values = [v for v in values if v[0] in include]
    return {
        "title": name,
        "description": f"{about} Codes of `{path}`; each value's title is its Ukrainian label, its description the English one.",
        "oneOf": [{"const": c, "title": uk, "description": en} for c, uk, en in values],
    }


# --- string shapes ----------------------------------------------------------
Y = "[0-9]{4}"
# an existing Gregorian date YYYY-MM-DD, years 0000..9999 (leap years by rule)
DATE_RE = (
    "(?:[0-9]{4}-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)"
    "|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)"
)
TIME_RE = "(?:[01][0-9]|2[0-3]):[0-5][0-9]:(?:[0-5][0-9]|60)(?:\\.[0-9]+)?"
OFFSET_RE = "(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])"
INSTANT_RE = f"^{DATE_RE}[Tt ]{TIME_RE}{OFFSET_RE}$"
UTC_RE = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$"
HHMM_START_RE = "^(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?$"
HHMM_RE = "^(?:(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?|24:00(?::00)?)$"
NONBLANK_RE = "\\S"
SNAKE_RE = "^[a-z0-9_]{1,64}$"
HASH_RE = "^sha256:[0-9a-f]{64}$"

COMMON_DEFS = {
    "date": {
        "title": "date",
        "description": "A calendar date `YYYY-MM-DD` that exists (four-digit year, leap years by the Gregorian rule).",
        "type": "string", "pattern": f"^{DATE_RE}$", "format": "date",
    },
    "instant": {
        "title": "instant",
        "description": "An RFC 3339 instant with any offset (`2026-03-27T10:00:00+02:00`, `...Z`); `t` or a space may stand for `T`, `z` for `Z`; a fraction of a second is dropped. Years 0000 to 9999 in UTC.",
        "type": "string", "pattern": INSTANT_RE,
    },
    "utc_instant": {
        "title": "UTC instant",
        "description": "An instant as the engine writes it: RFC 3339 in UTC, whole seconds, `Z`.",
        "type": "string", "pattern": UTC_RE,
    },
    "hash": {
        "title": "hash",
        "description": "`sha256:` and 64 lowercase hex digits.",
        "type": "string", "pattern": HASH_RE,
    },
    "shift": {
        "title": "shift",
        "description": "One working interval `[start, end)` in local time, `\"HH:MM\"` or `\"HH:MM:SS\"`; `\"24:00\"` only as an end. An end not after the start is an overnight shift belonging to the day it starts (DESIGN §3).",
        "type": "array", "minItems": 2, "maxItems": 2,
        "prefixItems": [
            {"description": "Start (local time, not 24:00).", "type": "string", "pattern": HHMM_START_RE},
            {"description": "End (local time, 24:00 allowed).", "type": "string", "pattern": HHMM_RE},
        ],
    },
    "shifts": {
        "title": "shifts",
        "description": "A list of shifts (may be empty; shifts may overlap: working time is their union).",
        "type": "array", "items": {"$ref": "#/$defs/shift"},
    },
}


def opt(schema):
    """An optional key: the core reads `null` as absent."""
    s = copy.deepcopy(schema)
    # integers: anyOf, not a type list (the jsonschema crate 0.33 refuses a
    # whole number written with a fraction, 3600.0, against ["integer", "null"])
    if "$ref" in s or "oneOf" in s or "anyOf" in s or s.get("type") == "integer":
        return {"anyOf": [s, {"type": "null"}]}
    t = s.get("type")
    s["type"] = [t, "null"] if isinstance(t, str) else list(t) + ["null"]
    return s


def d(description, schema, **extra):
    s = copy.deepcopy(schema)
    if "$ref" in s and len(s) == 1:
        s = {"$ref": s["$ref"]}
    s["description"] = description
    s.update(extra)
    return s


def ref(name):
    return {"$ref": f"#/$defs/{name}"}


# --- calendar ---------------------------------------------------------------
WEEKDAYS = [("mon", "Monday", "понеділок"), ("tue", "Tuesday", "вівторок"), ("wed", "Wednesday", "середа"),
            ("thu", "Thursday", "четвер"), ("fri", "Friday", "п'ятниця"), ("sat", "Saturday", "субота"),
            ("sun", "Sunday", "неділя")]

CALENDAR = {
    "title": "calendar",
    "description": "A working-time calendar (DESIGN §3; clauses 3.3, 3.4, 3.5.1: Mon–Fri 09:00–18:00, public holidays off). Cross-field rules the schema leaves to the core: some working time must exist (`no_working_time`), no date both a holiday and an extra working day (`conflict`), the time zone must be one of the IANA database (`unknown_time_zone`).",
    "type": "object",
    "required": ["timezone", "week"],
    "additionalProperties": False,
    "properties": {
        "timezone": {"description": "IANA time zone name, exact case (`Europe/Kyiv`, `UTC`).", "type": "string",
                     "pattern": "^[A-Za-z0-9_+\\-]+(?:/[A-Za-z0-9_+\\-]+)*$", "x-default": None, "x-clause": "3.3"},
        "week": {
            "description": "Per weekday the shifts that start on it; an absent weekday has no working time.",
            "type": "object", "additionalProperties": False, "x-clause": "3.4",
            "properties": {k: d(f"Shifts of {en} ({uk}).", ref("shifts")) for k, en, uk in WEEKDAYS},
        },
        "holidays": d("Dates on which no shift starts, besides the preset's days off (an overnight shift begun the day before runs on).",
                      opt({"type": "array", "items": ref("date")}), **{"x-default": [], "x-clause": "3.3"}),
        "extra_working_days": d("Dates worked with `extra_working_day_hours`, whatever their weekday or the preset say.",
                                opt({"type": "array", "items": ref("date")}), **{"x-default": []}),
        "extra_working_day_hours": d("Shifts of an extra working day; absent or null: Monday's shifts.", opt(ref("shifts")),
                                     **{"x-default": "Monday's shifts"}),
        "holiday_preset": d("Public holidays computed by rule: `UA` (every named Ukrainian holiday non-working, the contract's reading) or `UA-statutory` (the statutory days off, none under martial law); null: none.",
                            {"enum": ["UA", "UA-statutory", None]}, **{"x-default": None}),
        "martial_law_end": d("For the UA presets: the last day of martial law; absent while it lasts.", opt(ref("date")),
                             **{"x-default": None}),
        "date_hours": d("Per date the shifts that *start* on it (an empty list: none start). Precedence: `date_hours` > extra working days > listed holidays > preset > week (DESIGN §7).",
                        opt({"type": "object", "propertyNames": {"pattern": f"^{DATE_RE}$"},
                             "additionalProperties": ref("shifts")}), **{"x-default": {}}),
        "shortened_eves": d("Labour Code art. 53: where art. 73 holidays are legally in force, the working day before one is an hour shorter (DESIGN §7); false turns it off.",
                            opt({"type": "boolean"}), **{"x-default": True}),
    },
}

# --- regulation ---------------------------------------------------------------
SECONDS = {"type": "integer", "minimum": 1, "maximum": MAX_SECONDS}
DAY_COUNT = {
    "type": "object", "required": ["amount", "unit"], "additionalProperties": False,
    "properties": {
        "amount": {"description": "How many days, 1 to 3650.", "type": "integer", "minimum": 1, "maximum": 3650},
        "unit": d("Calendar or working days.", ref("day_unit")),
    },
}
PAUSE_SET = {
    "type": "object", "required": ["approval_pending", "awaiting_user"], "additionalProperties": False,
    "properties": {
        "approval_pending": {"description": "The clock stops while Customer Service's approval is pending (3.4, 3.5.1).", "type": "boolean"},
        "awaiting_user": {"description": "The clock stops while support waits for the user's answer (3.3, 3.5.1).", "type": "boolean"},
    },
}
CATS = [c for c, _, _ in VOCAB["category"][2]]
PRIS = [p for p, _, _ in VOCAB["priority"][2]]
GATEABLE = ["classify", "change_priority", "reject", "plan_sprint", "start_work", "complete", "release", "reopen", "archive"]
CORE_KINDS = [k for k, _, _ in VOCAB["event_kind"][2] if k not in PENDING_EVENT_KINDS]


def every_pair_once():
    out = []
    for c in CATS:
        for p in PRIS:
            out.append({"contains": {"type": "object", "required": ["category", "priority"],
                                     "properties": {"category": {"const": c}, "priority": {"const": p}}},
                        "minContains": 1, "maxContains": 1})
    return out


SLA_TARGET = {
    "type": "object",
    "required": ["category", "priority", "response", "resolution"],
    "additionalProperties": False,
    "properties": {
        "category": d("The request category.", ref("category")),
        "priority": d("The request priority.", ref("priority")),
        "response": d(f"Working seconds to the first reaction of support (1 to {MAX_SECONDS}).", SECONDS),
        "resolution": d("Working seconds to Release; not shorter than `response` (checked by the core).", SECONDS),
        "update_interval": d("Working seconds between two updates to the user; absent or null: none.", opt(SECONDS)),
        "calendar": d("The name of a calendar of `calendars` this row counts on (DESIGN §7); absent: the regulation's `calendar`.",
                      {"type": "string", "minLength": 1}),
    },
}
THRESHOLD = {
    "description": "A percentage of the target, 1 to 1000 (beyond 100: an escalation level), or the same with a name (DESIGN §7).",
    "anyOf": [
        {"type": "integer", "minimum": 1, "maximum": 1000},
        {"type": "object", "required": ["percent"], "additionalProperties": False,
         "properties": {"percent": {"description": "Percent of the target, 1 to 1000.", "type": "integer", "minimum": 1, "maximum": 1000},
                        "name": {"description": "The level's name (e.g. `escalation`), not blank.", "type": "string", "pattern": NONBLANK_RE}}},
    ],
}
PAUSE_REASON = {
    "type": "object", "required": ["id", "uk", "en", "pauses"], "additionalProperties": False,
    "properties": {
        "id": {"description": "The reason's code, snake_case (`awaiting_vendor`), named by `pause`/`resume` events.", "type": "string", "pattern": SNAKE_RE},
        "uk": {"description": "Its Ukrainian name.", "type": "string", "pattern": NONBLANK_RE},
        "en": {"description": "Its English name.", "type": "string", "pattern": NONBLANK_RE},
        "pauses": {"description": "The metrics whose clocks it stops (non-empty, each once).", "type": "array", "minItems": 1,
                   "uniqueItems": True, "items": ref("metric")},
    },
}

REG_PROPS = {
    "id": d("The regulation's identifier (e.g. the contract number and annex): part of its identity (DESIGN §5); non-blank.",
            opt({"type": "string", "pattern": NONBLANK_RE}), **{"x-default": None}),
    "version": d("This version's label (an amendment); non-blank.", opt({"type": "string", "pattern": NONBLANK_RE}),
                 **{"x-default": None}),
    "effective_from": d("The local date (in the calendar's zone) from whose 00:00 this version is in force; required in a contract file (DESIGN §5).",
                        opt(ref("date")), **{"x-default": None}),
    "contract": d("The contract the regulation is annexed to: the seed's blanks.", {
        "type": "object", "additionalProperties": False,
        "required": ["number", "date", "customer", "contractor", "system_name", "software_name", "business_process_name"],
        "properties": {
            "number": {"description": "Contract number («№ Договору»).", "type": "string"},
            "date": d("Contract date («Дата Договору»).", ref("date")),
            "customer": {"description": "The customer's full name («Замовник»).", "type": "string"},
            "contractor": {"description": "The contractor's full name («Виконавець»).", "type": "string"},
            "system_name": {"description": "The system's name («Назва системи»).", "type": "string"},
            "software_name": {"description": "The software's name («Назва ПЗ»).", "type": "string"},
            "business_process_name": {"description": "The business process's name («Назва БП»).", "type": "string"},
        }}, **{"x-clause": "annex heading, 1.1"}),
    "calendar": d("Working time of support (clauses 3.3, 3.4, 3.5.1): a calendar.", ref("calendar"), **{"x-clause": "3.4"}),
    "registration_calendar": d("Registration hours of phone and messenger requests (clause 3.3); null: the same as `calendar`. The key is required.",
                               opt(ref("calendar")), **{"x-clause": "3.3"}),
    "calendars": d("Named calendars an SLA row may count on (e.g. a 24×7 one for critical incidents; DESIGN §7).",
                   {"type": "object", "propertyNames": {"pattern": NONBLANK_RE}, "additionalProperties": ref("calendar")},
                   **{"x-default": {}, "x-replace": True}),
    "sla": d("The SLA table (a separate agreement the seed refers to; the default is an example and says so).", {
        "type": "object", "required": ["example", "targets"], "additionalProperties": False,
        "properties": {
            "example": {"description": "True when the table is an example, not an agreed SLA.", "type": "boolean"},
            "note": d("A free note about where the table comes from.", opt({"type": "string"}), **{"x-default": ""}),
            "targets": {"description": "One row per (category, priority), each pair exactly once (16 rows).", "type": "array",
                        "items": ref("sla_target"), "allOf": every_pair_once(), "x-replace": True},
        }}, **{"x-clause": "§2"}),
    "pauses": d("The pause matrix: per metric, which pauses stop its clock (DESIGN §2).", {
        "type": "object", "required": ["response", "resolution", "update_interval"], "additionalProperties": False,
        "properties": {
            "response": d("Pauses of the response clock.", ref("pause_set")),
            "resolution": d("Pauses of the resolution clock.", ref("pause_set")),
            "update_interval": d("Pauses of the update-interval clock.", ref("pause_set")),
        }}, **{"x-clause": "§2"}),
    "pause_reasons": d("Declared pause reasons besides the two built-in ones, recorded by `pause`/`resume` events (DESIGN §7).",
                       {"type": "array", "items": ref("pause_reason")}, **{"x-default": []}),
    "priority_change": d("What a priority change does to a running clock.", ref("priority_change"), **{"x-clause": "3.3"}),
    "actions": d("The action kinds of clause 4 that a request's work may include. Names are unique and not event kinds (checked by the core).", {
        "type": "array", "items": {
            "type": "object", "required": ["name", "service"], "additionalProperties": False,
            "properties": {
                "name": {"description": "snake_case name (letters a-z, digits, `_`; at most 64), not an event kind.", "type": "string",
                         "pattern": SNAKE_RE, "not": {"enum": CORE_KINDS + PENDING_EVENT_KINDS}},
                "service": d("The service of clause 4 it provides.", ref("service")),
            }}}, **{"x-clause": "4"}),
    "approval_required_for": d(f"Action names (of `actions`) and event kinds that need Customer Service's written approval first; each once. Gateable kinds: {', '.join(GATEABLE)}.",
                               {"type": "array", "uniqueItems": True, "items": {"type": "string"}}, **{"x-clause": "3.4"}),
    "archive_after": d("The archive delay after Release (10 calendar days in the seed).", ref("day_count"), **{"x-clause": "3.6"}),
    "contact_change_notice": d("The contact-change notice period (2 working days in the seed).", ref("day_count"), **{"x-clause": "5"}),
    "warning_thresholds": d("SLA warning thresholds in percent of the target, increasing (checked by the core), each a number or `{percent, name}`.",
                            {"type": "array", "uniqueItems": True, "items": ref("threshold")}, **{"x-clause": "§2"}),
}
REG_REQUIRED = ["contract", "calendar", "registration_calendar", "sla", "pauses", "priority_change", "actions",
                "approval_required_for", "archive_after", "contact_change_notice", "warning_thresholds"]


def partial(schema, defs):
    """The schema of an `extends` overlay of `schema`: objects merge key by
    key (so nothing is required inside them), other values replace."""
    s = copy.deepcopy(schema)
    if "$ref" in s and s["$ref"] in ("#/$defs/calendar", "#/$defs/pause_set", "#/$defs/day_count"):
        name = s.pop("$ref").split("/")[-1]
        s.update(partial(defs[name], defs))
        return s
    if s.get("type") == "object" and "properties" in s and not s.get("x-replace"):
        s.pop("required", None)
        s["properties"] = {k: partial(v, defs) for k, v in s["properties"].items()}
    return s


def regulation_schema(defs):
    complete = {"type": "object", "required": REG_REQUIRED, "additionalProperties": False,
                "properties": copy.deepcopy(REG_PROPS)}
    over_props = {k: partial(v, defs) for k, v in REG_PROPS.items()}
    # a merged key whose default is an object cannot be null
    over_props["extends"] = {"description": "Only `\"default\"`: this file gives what differs from the embedded default regulation (`reglament init`); objects merge key by key, lists and other values replace.", "const": "default"}
    over = {"type": "object", "required": ["extends"], "additionalProperties": False, "properties": over_props}
    return {"$schema": DRAFT, "$id": urn("regulation"), "title": "reglament regulation file",
            "description": "A regulation file (DESIGN §1, §2): the seed's blanks as parameters, the calendar, the SLA table and the configurable rules. Either complete (every key of the default, see `reglament init`) or partial: `{\"extends\": \"default\", ...}` laid over the embedded default. Durations are working seconds. Unknown keys are refused.",
            "oneOf": [
                dict(complete, title="complete regulation", description="Every key given."),
                dict(over, title="partial regulation", description="`extends: default` and only the keys that differ."),
            ],
            "$defs": defs}


def reg_defs():
    defs = {k: copy.deepcopy(v) for k, v in COMMON_DEFS.items()}
    for v in ["category", "priority", "metric", "service", "day_unit", "priority_change"]:
        defs[v] = vocab(v)
    defs.update({"calendar": copy.deepcopy(CALENDAR), "sla_target": SLA_TARGET, "pause_set": PAUSE_SET,
                 "day_count": DAY_COUNT, "threshold": THRESHOLD, "pause_reason": PAUSE_REASON})
    defs["sla_target"]["description"] = "The SLA targets of one (category, priority) pair, in working seconds."
    defs["pause_set"]["description"] = "Which pauses stop one metric's clock."
    defs["day_count"]["description"] = "A delay counted in days."
    defs["pause_reason"]["description"] = "A declared pause reason (DESIGN §7)."
    return defs


# --- events -------------------------------------------------------------------
ACTION = {"type": "string", "pattern": NONBLANK_RE}
TEXT = opt({"type": "string"})
COMMON_EVENT = {
    "kind": d("What happened.", ref("event_kind")),
    "at": d("When it happened: RFC 3339, any offset; kept to the whole second, written back in UTC `Z`.", ref("instant")),
    "actor": {"description": "Who did it.", "type": "object", "required": ["id", "role"], "additionalProperties": False,
              "properties": {"id": {"description": "The host's identifier of the person (non-blank).", "type": "string", "pattern": NONBLANK_RE},
                             "role": d("The role the person acts in (clause 1.3).", ref("role"))}},
    "text": d("Free text: the question, the answer, the reply, the comment... (blank counts as absent).", TEXT),
    "id": d("The host's identifier of the event, kept as given (blank counts as absent).", TEXT),
}
# kind -> (own keys {name: schema}, required own keys, clause)
KIND_KEYS = {
    "register": ({
        "channel": d("How the request came in (3.1); `email` parses but is refused (`channel_not_for_requests`).", opt(ref("channel"))),
        "reason": d("Why the user applies (3.1).", opt(ref("reason"))),
        "description": d("A detailed description of the question or problem; missing or blank is refused (3.1 `missing_field`).", TEXT),
        "conditions": d("Conditions and manifestations: user actions, data entered, system messages; missing or blank is refused (3.1).", TEXT),
        "attachments": d("Files or screenshots: names or links.", opt({"type": "array", "items": {"type": "string"}}), **{"x-default": []}),
        "priority": d("The priority; missing is refused (3.1).", opt(ref("priority"))),
        "category": d("The category, when already known (3.3).", opt(ref("category"))),
        "own_initiative": d("Registered by the operator with no user appeal (3.3).", opt({"type": "boolean"}), **{"x-default": False}),
        "solved_during_contact": d("Solved during the contact itself (3.4).", opt({"type": "boolean"}), **{"x-default": False}),
        "submitted_at": d("When the user submitted it, if earlier than the registration (queue order, 3.3).", opt(ref("instant"))),
    }, [], "3.1"),
    "classify": ({"category": d("The new category.", ref("category"))}, ["category"], "3.3"),
    "change_priority": ({"priority": d("The new priority.", ref("priority"))}, ["priority"], "3.3"),
    "reject": ({"reason": d("The explanation given to the user; missing is refused (3.3).", TEXT)}, [], "3.3"),
    "ask_user": ({}, [], "3.3"),
    "user_answer": ({}, [], "3.3"),
    "reply": ({}, [], "3.4"),
    "plan_sprint": ({"sprint": d("The sprint's name or number.", TEXT)}, [], "3.2"),
    "start_work": ({}, [], "3.5.1"),
    "request_approval": ({"action": d("What needs permission: an action of the regulation or a gated event kind (non-blank).", ACTION)}, ["action"], "3.4"),
    "approve": ({
        "action": d("What is permitted (non-blank); absent or null: the one approval pending.", opt(ACTION)),
        "evidence": d("The e-mail's Message-ID or another reference; missing is refused.", TEXT),
        "channel": d("How the decision came; anything but `email` is refused (3.4).", opt(ref("channel")), **{"x-default": "email"}),
    }, [], "3.4"),
    "perform_action": ({"action": d("The action of clause 4 (non-blank).", ACTION)}, ["action"], "4"),
    "extend_deadline": ({
        "metric": d("The clock extended.", opt(ref("metric")), **{"x-default": "resolution"}),
        "new_due": d("The agreed new due instant (exactly one of `new_due`, `add_seconds`: else refused `invalid_extension`).", opt(ref("instant"))),
        "add_seconds": d("The agreed working seconds added to the target (> 0, else refused).", opt({"type": "integer", "minimum": I64_MIN, "maximum": I64_MAX})),
        "evidence": d("Customer Service's agreement (e-mail Message-ID); missing is refused.", TEXT),
    }, [], "3.5.1"),
    "complete": ({}, [], "3.2"),
    "release": ({}, [], "3.6"),
    "reopen": ({"to": d("The status work resumes in: `sprint` or `in_progress`; any other status parses and is refused.", opt(ref("status")), **{"x-default": "in_progress"})}, [], "3.6"),
    "accept": ({}, [], "3.6"),
    "archive": ({}, [], "3.6"),
    "comment": ({}, ["text"], "—"),
    "pause": ({"reason": d("A declared pause reason (`pause_reasons` of the regulation; DESIGN §7).", {"type": "string", "pattern": NONBLANK_RE})}, ["reason"], "§7"),
    "resume": ({"reason": d("The pause reason that no longer holds (DESIGN §7).", {"type": "string", "pattern": NONBLANK_RE})}, ["reason"], "§7"),
}
KIND_KEYS["refuse_approval"] = KIND_KEYS["approve"]


def event_defs():
    defs = {k: copy.deepcopy(COMMON_DEFS[k]) for k in ["instant"]}
    for v in ["event_kind", "role", "channel", "reason", "category", "priority", "metric", "status"]:
        defs[v] = vocab(v)
    branches = []
    for kind, _, _ in VOCAB["event_kind"][2]:
        own, req, clause = KIND_KEYS[kind]
        then = {"propertyNames": {"enum": list(COMMON_EVENT) + list(own)}}
        if own:
            then["properties"] = own
        if req:
            then["required"] = req
        if kind == "comment":
            then["properties"] = {"text": {"type": "string", "pattern": NONBLANK_RE}}
        branches.append({"if": {"properties": {"kind": {"const": kind}}}, "then": then, "x-clause": clause})
    defs["event"] = {
        "title": "event", "type": "object", "required": ["kind", "at", "actor"],
        "description": "One event of a request's life, tagged by `kind`; besides the common keys each kind takes only its own. This is the shape that parses: whether the regulation accepts the event (who, in which status, with which fields filled) is the engine's answer (a refusal with its clause), not the schema's.",
        "properties": COMMON_EVENT, "allOf": branches,
    }
    return defs


def event_schema():
    defs = event_defs()
    return {"$schema": DRAFT, "$id": urn("event"), "title": "reglament event",
            "description": defs["event"]["description"], "$ref": "#/$defs/event", "$defs": defs}


def events_schema():
    return {"$schema": DRAFT, "$id": urn("events"), "title": "reglament event list",
            "description": "A request's history as one JSON array of events, oldest first. The same history may be written as JSON Lines (one event per non-blank line, each valid against urn:reglament:schema:event:1) or as a chained file (one chain entry per line, urn:reglament:schema:chain-entry:1).",
            "type": "array", "items": ref("event"), "$defs": event_defs()}


def chain_entry_schema():
    defs = event_defs()
    defs["hash"] = copy.deepcopy(COMMON_DEFS["hash"])
    return {"$schema": DRAFT, "$id": urn("chain-entry"), "title": "reglament chain entry",
            "description": "One line of a chained history (`reglament chain`; DESIGN §5): `{\"seq\",\"prev\",\"hash\",\"event\"}` in that order, no spaces, the event in its canonical form. What a schema cannot check (the `verify` command does): `seq` counting from 0, `prev` the previous entry's `hash` (genesis for the first), `hash` the entry's SHA-256, the event canonical, the line in its one form.",
            "type": "object", "required": ["seq", "prev", "hash", "event"], "additionalProperties": False,
            "properties": {
                "seq": {"description": "The entry's position, from 0.", "type": "integer", "minimum": 0},
                "prev": d("The previous entry's hash; for entry 0 the genesis hash of (regulation fingerprint, request id).", ref("hash")),
                "hash": d("SHA-256 of JCS `{\"event\", \"prev\", \"seq\"}`.", ref("hash")),
                "event": d("The event, canonical: instants in UTC `Z`, defaults filled.", ref("event")),
            }, "$defs": defs}


def calendar_schema():
    defs = {k: copy.deepcopy(COMMON_DEFS[k]) for k in ["date", "shift", "shifts"]}
    s = copy.deepcopy(CALENDAR)
    return dict({"$schema": DRAFT, "$id": urn("calendar"), "title": "reglament calendar file"},
                **{k: v for k, v in s.items() if k != "title"}, **{"$defs": defs})


def contract_schema():
    reg = regulation_schema(reg_defs())
    defs = reg["$defs"]
    defs["regulation"] = {k: v for k, v in reg.items() if k not in ("$schema", "$id", "$defs")}
    defs["regulation"]["title"] = "regulation"
    return {"$schema": DRAFT, "$id": urn("contract"), "title": "reglament contract file",
            "description": "A contract as its regulation versions (amendments; DESIGN §5): each a regulation file (complete or partial) with `effective_from` set. Left to the core: dates strictly increasing (`invalid_value` at `versions[i].effective_from`), one time zone for all versions.",
            "type": "object", "required": ["versions"], "additionalProperties": False,
            "properties": {"versions": {
                "description": "The versions, oldest first.", "type": "array", "minItems": 1,
                "items": {"allOf": [ref("regulation"),
                                    {"required": ["effective_from"],
                                     "properties": {"effective_from": ref("date")}}]}}},
            "$defs": defs}


# --- batch ----------------------------------------------------------------------
def batch_request_schema():
    defs = {k: copy.deepcopy(COMMON_DEFS[k]) for k in ["date", "shift", "shifts"]}
    defs["calendar"] = copy.deepcopy(CALENDAR)
    inst = {"type": "string", "pattern": f"^{DATE_RE}[Tt ]{TIME_RE}{OFFSET_RE}$"}
    ops = {
        "add": (["at", "seconds"], "the earliest instant with `seconds` working seconds after `at`"),
        "sub": (["at", "seconds"], "the latest instant with `seconds` working seconds before `at`"),
        "elapsed": (["from", "to"], "the working seconds in [from, to)"),
        "is_working": (["at"], "whether `at` is working time"),
        "next_working": (["at"], "the first working instant at or after `at`"),
        "add_working_days": (["at", "days"], "`days` working days after `at`"),
    }
    return {"$schema": DRAFT, "$id": urn("batch-request"), "title": "reglament batch request line",
            "description": "One line of `reglament batch` input (JSON Lines): calendar arithmetic. Keys other than these are ignored. Ops: " + "; ".join(f"`{k}`: {v[1]}" for k, v in ops.items()) + ".",
            "type": "object", "required": ["op"],
            "properties": {
                "id": {"description": "Any JSON value, echoed first in the answer line."},
                "op": {"description": "The operation.", "enum": list(ops)},
                "calendar": d("The line's own calendar; absent or null: `--calendar` or the embedded one.", opt(ref("calendar"))),
                "at": d("An RFC 3339 instant.", inst),
                "from": d("An RFC 3339 instant.", inst),
                "to": d("An RFC 3339 instant.", inst),
                "seconds": {"description": "Working seconds (may be negative), a whole number in the signed 64-bit range.", "type": "integer", "minimum": I64_MIN, "maximum": I64_MAX},
                "days": {"description": "Working days, 0 to 4294967295.", "type": "integer", "minimum": 0, "maximum": U32_MAX},
            },
            "allOf": [{"if": {"properties": {"op": {"const": k}}, "required": ["op"]}, "then": {"required": v[0]}} for k, v in ops.items()],
            "$defs": defs}


def batch_answer_schema():
    return {"$schema": DRAFT, "$id": urn("batch-answer"), "title": "reglament batch answer line",
            "description": "One line of `reglament batch` output, in the order of the requests: the request's `id` (when it had one) and exactly one of `at`, `seconds`, `working` or `error`.",
            "type": "object", "additionalProperties": False, "minProperties": 1, "maxProperties": 2,
            "properties": {
                "id": {"description": "The request's `id`, as given."},
                "at": d("The answer of add, sub, next_working, add_working_days.", ref("utc_instant")),
                "seconds": {"description": "The answer of elapsed: working seconds.", "type": "integer"},
                "working": {"description": "The answer of is_working.", "type": "boolean"},
                "error": ref("error"),
            },
            "oneOf": [{"required": [k]} for k in ["at", "seconds", "working", "error"]],
            "$defs": {"utc_instant": copy.deepcopy(COMMON_DEFS["utc_instant"]), "error": copy.deepcopy(ERROR)}}


ERROR = {"title": "error", "description": "Why the input was not read: a stable code, the field (a JSON path, null when none) and a sentence.",
         "type": "object", "required": ["code", "message"], "additionalProperties": False,
         "properties": {"code": {"description": "Stable snake_case code (`invalid_value`, `missing_field`, `out_of_range`, ...).", "type": "string", "pattern": "^[a-z0-9_]+$"},
                        "field": {"description": "JSON path of the field, or null.", "type": ["string", "null"]},
                        "message": {"description": "What is wrong, in a sentence.", "type": "string"}}}


# --- outputs: clocks and replay --------------------------------------------------
def nullable(s):
    return opt(s)


UTC = ref("utc_instant")
UTCN = nullable(UTC)
ACTOR = {"type": "object", "required": ["id", "role"], "additionalProperties": False,
         "properties": {"id": {"type": "string", "description": "The actor's id."}, "role": d("The actor's role.", ref("role"))},
         "description": "Who acted."}


def clock(extra_props=None):
    props = {
        "metric": d("The metric.", ref("metric")),
        "state": d("The state at `now`.", ref("clock_state")),
        "started_at": d("Registration; for the update interval the current period's start.", UTCN),
        "target": d("Working seconds from the SLA row in force (null while unclassified).", nullable({"type": "integer"})),
        "added_seconds": {"description": "Working seconds added by extensions.", "type": "integer"},
        "consumed": {"description": "Working seconds counted from `started_at` to `counted_until`.", "type": "integer"},
        "counted_until": d("The meeting instant, the stop, or `now`.", UTCN),
        "remaining": d("Working seconds left until the due instant, negative past it.", nullable({"type": "integer"})),
        "due_at": d("Due instant with extensions; null while a pause keeps it unknown.", UTCN),
        "original_due_at": d("Due instant without extensions.", UTCN),
        "met_at": d("When met.", UTCN),
        "on_time": d("met_at <= due_at.", nullable({"type": "boolean"})),
        "on_time_original": d("met_at <= original_due_at.", nullable({"type": "boolean"})),
        "breached_at": d("The due instant, once passed unmet (or met late).", UTCN),
        "original_breached_at": d("The same without extensions.", UTCN),
        "paused_since": d("For the state `paused`.", UTCN),
        "stopped_at": d("For the state `stopped`.", UTCN),
        "thresholds": {"description": "One per warning threshold.", "type": "array", "items": {
            "type": "object", "required": ["percent", "level", "at", "crossed"],
            "properties": {"percent": {"type": "integer", "description": "Percent of the target."},
                           "level": {"type": "integer", "description": "Consumed working seconds at which it is crossed."},
                           "at": d("When it is (or was) crossed; null when unknown.", UTCN),
                           "crossed": {"type": "boolean", "description": "Crossed at or before `now`."},
                           "name": {"type": ["string", "null"], "description": "The level's name (DESIGN §7)."}}}},
        "due_history": {"description": "Every due instant that ever held.", "type": "array", "items": {
            "type": "object", "required": ["at", "cause", "due_at", "original_due_at"],
            "properties": {"at": d("When.", UTC), "cause": d("Why.", ref("due_cause")),
                           "category": d("Category then.", nullable(ref("category"))), "priority": d("Priority then.", nullable(ref("priority"))),
                           "target": d("Target then.", nullable({"type": "integer"})),
                           "due_at": d("Due then.", UTCN), "original_due_at": d("Due without extensions.", UTCN)}}},
        "extensions": {"description": "The agreed extensions.", "type": "array", "items": {"type": "object", "properties": {
            "at": d("When agreed.", UTC), "by": ACTOR, "metric": ref("metric"),
            "new_due": d("The agreed due.", UTCN), "add_seconds": d("The seconds added.", nullable({"type": "integer"})),
            "evidence": d("The evidence.", nullable({"type": "string"}))}}},
        "pauses": {"description": "The pauses that stop this clock.", "type": "array", "items": {
            "type": "object", "required": ["reason", "from", "to"],
            "properties": {"reason": d("Why: `approval_pending`, `awaiting_user`, `release`, or a declared reason's id (DESIGN §7).", {"type": "string"}),
                           "from": d("From.", UTC), "to": d("To; null while it lasts.", UTCN),
                           "action": {"type": "string", "description": "The action awaiting approval."}}}},
        "calendar": d("The named calendar (`calendars`) the clock counts on (DESIGN §7); absent for the regulation's own.", {"type": "string"}),
    }
    if extra_props:
        props.update(extra_props)
    return {"type": "object", "required": ["metric", "state", "target", "consumed", "due_at"], "properties": props,
            "description": "One SLA clock (tests/vectors/README.md, SLA clocks)."}


def clocks_defs():
    defs = {"utc_instant": copy.deepcopy(COMMON_DEFS["utc_instant"])}
    for v in ["metric", "clock_state", "due_cause", "category", "priority", "status", "role"]:
        defs[v] = vocab(v)
    defs["clock"] = clock()
    ui = clock({
        "periods": {"type": "integer", "description": "Update periods, the current one included."},
        "periods_on_time": {"type": "integer", "description": "Ended periods met by their due."},
        "breaches": {"type": "array", "description": "Breached periods.", "items": {"type": "object"}},
        "breaches_original": {"type": "integer", "minimum": 0, "description": "How many periods breached their original due (without extensions)."},
    })
    ui["description"] = "The update-interval clock: a clock and its periods."
    defs["update_clock"] = ui
    defs["clocks"] = {
        "title": "clocks", "type": "object", "description": "The SLA clocks of one request at `now` (Rust `Clocks::to_value`, `reglament clocks`, the `clocks` of `reglament replay`).",
        "required": ["ticket", "now", "status", "next_change_at", "response", "resolution", "update_interval"],
        "properties": {
            "ticket": {"type": "string", "description": "The request's id."},
            "now": d("The instant read at.", UTC),
            "status": d("The request's status at `now` (null before registration).", nullable(ref("status"))),
            "next_change_at": d("The next instant at which anything changes; null when nothing is scheduled.", UTCN),
            "response": d("The response clock.", ref("clock")),
            "resolution": d("The resolution clock.", ref("clock")),
            "update_interval": d("The update-interval clock; null when the SLA row sets no interval.", nullable(ref("update_clock"))),
            "explain": {"description": "With --explain: the clocks in words.", "type": ["object", "string", "array"]},
        }}
    return defs


def clocks_schema():
    defs = clocks_defs()
    return {"$schema": DRAFT, "$id": urn("clocks"), "title": "reglament SLA clocks",
            "description": defs["clocks"]["description"], "$ref": "#/$defs/clocks", "$defs": defs}


def replay_schema():
    defs = clocks_defs()
    for v in ["refusal_code", "warning_code", "event_kind", "approval_state"]:
        defs[v] = vocab(v)
    defs["error"] = copy.deepcopy(ERROR)
    step = {
        "type": "object", "description": "The answer to one event (or one unreadable item).", "required": ["index"],
        "properties": {
            "index": {"type": "integer", "minimum": 0, "description": "The item's index among the non-blank items."},
            "line": {"type": "integer", "minimum": 1, "description": "Its line in a JSON Lines file."},
            "kind": d("The event's kind.", ref("event_kind")),
            "at": d("The event's instant.", UTC),
            "accepted": {"type": "boolean", "description": "Accepted by the regulation."},
            "status": d("The status after the step.", nullable(ref("status"))),
            "warnings": {"type": "array", "description": "The warnings, in order.", "items": {
                "type": "object", "required": ["code"], "description": "A warning: its code, clause and sentences.",
                "properties": {"code": ref("warning_code"), "clause": {"type": "string", "description": "The clause."},
                               "message_uk": {"type": "string", "description": "Українською."},
                               "message_en": {"type": "string", "description": "In English."}}}},
            "refusal": {"type": "object", "description": "Why the regulation refused it: clause, code, field, role, status and sentences.",
                        "properties": {"code": ref("refusal_code"), "clause": {"type": "string"}}},
            "error": d("Why the item is not an event.", ref("error")),
        },
    }
    defs["step"] = step
    return {"$schema": DRAFT, "$id": urn("replay"), "title": "reglament replay output",
            "description": "The output of `reglament replay EVENTS [--now T]`: each item's answer, the refusals, the request's state and its clocks.",
            "type": "object", "required": ["steps", "refused", "ticket", "clocks"], "additionalProperties": False,
            "properties": {
                "steps": {"type": "array", "items": ref("step"), "description": "One per non-blank item, in order."},
                "refused": {"type": "array", "items": ref("step"), "description": "The steps the regulation refused (each with its `refusal`)."},
                "ticket": {"type": "object", "description": "The request's state at `now` (Rust `Ticket::to_value`).",
                           "required": ["id", "status", "events_accepted"],
                           "properties": {"id": {"type": "string", "description": "The request's id."},
                                          "status": d("Its status.", nullable(ref("status"))),
                                          "category": d("Its category.", nullable(ref("category"))),
                                          "priority": d("Its priority.", nullable(ref("priority"))),
                                          "events_accepted": {"type": "integer", "minimum": 0, "description": "Accepted events."},
                                          "registered_at": d("Registration instant.", UTCN),
                                          "approvals": {"type": "array", "description": "The approvals asked for, with their state (3.4).",
                                                        "items": {"type": "object", "required": ["action", "state"],
                                                                  "properties": {"action": {"type": "string", "description": "What needs permission."},
                                                                                 "state": d("Where it stands.", ref("approval_state"))}}},
                                          "archive_due_at": d("When it may be archived.", UTCN),
                                          "now": d("The instant of the state.", UTCN)}},
                "clocks": {"description": "The SLA clocks at `now`, or why there are none (`{\"error\"}`: not registered, an item not an event).",
                           "anyOf": [ref("clocks"), {"type": "object", "required": ["error"], "additionalProperties": False,
                                                      "properties": {"error": ref("error")}}]},
            }, "$defs": defs}


# --- all ---------------------------------------------------------------------
def schemas():
    return {
        "calendar": calendar_schema(),
        "regulation": regulation_schema(reg_defs()),
        "contract": contract_schema(),
        "event": event_schema(),
        "events": events_schema(),
        "chain-entry": chain_entry_schema(),
        "batch-request": batch_request_schema(),
        "batch-answer": batch_answer_schema(),
        "clocks": clocks_schema(),
        "replay": replay_schema(),
    }


def dump(v):
    return json.dumps(v, ensure_ascii=False, indent=2) + "\n"


# --- reference pages, from the written schema files --------------------------
def resolve(s, root):
    while isinstance(s, dict) and "$ref" in s and s["$ref"].startswith("#/$defs/"):
        extra = {k: v for k, v in s.items() if k != "$ref"}
        s = dict(root["$defs"][s["$ref"].split("/")[-1]], **extra)
    return s


def type_of(s, root):
    if "const" in s:
        return f"`{json.dumps(s['const'], ensure_ascii=False)}`"
    if "$ref" in s:
        name = s["$ref"].split("/")[-1]
        return f"[{name}](#{name.replace('_', '-')})" if name in LINKED else name.replace("_", " ")
    for key in ("anyOf", "oneOf"):
        if key in s and all("const" not in b for b in s[key]):
            return " or ".join(type_of(b, root) for b in s[key])
    if "oneOf" in s:
        return "one of " + ", ".join(f"`{b['const']}`" for b in s["oneOf"])
    if "enum" in s:
        return "one of " + ", ".join(f"`{json.dumps(e, ensure_ascii=False)}`" for e in s["enum"])
    t = s.get("type", "any")
    ts = t if isinstance(t, list) else [t]
    out = []
    for x in ts:
        if x == "array":
            out.append("list of " + (type_of(s["items"], root) if "items" in s else "any"))
        elif x == "integer" and ("minimum" in s or "maximum" in s):
            out.append(f"integer {s.get('minimum', '')}..{s.get('maximum', '')}")
        elif x == "object" and "additionalProperties" in s and isinstance(s["additionalProperties"], dict):
            out.append("map to " + type_of(s["additionalProperties"], root))
        else:
            out.append(x)
    return " or ".join(out)


LINKED = {"calendar", "sla_target", "pause_set", "day_count", "threshold", "pause_reason", "shift", "shifts", "date", "instant",
          "category", "priority", "metric", "service", "day_unit", "priority_change", "event_kind", "role", "channel",
          "reason", "status", "event"}


def table(obj, root, prefix=""):
    rows = []
    req = set(obj.get("required", []))
    for k, v in obj.get("properties", {}).items():
        r = resolve(v, root) if set(v) <= {"$ref", "description"} else v
        default = "—" if k in req else ("`" + json.dumps(v.get("x-default"), ensure_ascii=False) + "`" if "x-default" in v else "absent")
        if k in req:
            default = "required"
        clause = v.get("x-clause", "")
        note = " *(DESIGN §7: coming in this wave; the core does not read it yet)*" if v.get("x-pending") else ""
        desc = (v.get("description") or r.get("description", "")).replace("\n", " ").replace("|", "\\|")
        rows.append(f"| `{prefix}{k}` | {type_of(v, root)} | {default} | {clause} | {desc}{note} |")
    return "| key | type | default | clause | meaning |\n|---|---|---|---|---|\n" + "\n".join(rows) + "\n"


def vocab_table(s):
    rows = [f"| `{b['const']}` | {b['title']} | {b['description']} |" for b in s["oneOf"]]
    return "| code | українською | English |\n|---|---|---|\n" + "\n".join(rows) + "\n"


HEADER = "<!-- Generated by scripts/gen-schemas.py from schemas/*.schema.json: edit the script, not this page. -->\n"


def example(path):
    with open(os.path.join(ROOT, path), encoding="utf-8") as f:
        return f.read().strip()


def regulation_page(reg, cal):
    complete = reg["oneOf"][0]
    out = [HEADER, "# The regulation file\n",
           f"Schema: [`schemas/regulation.schema.json`](../schemas/regulation.schema.json) (`{reg['$id']}`); "
           f"the calendar alone: [`schemas/calendar.schema.json`](../schemas/calendar.schema.json); a contract "
           f"(amendments): [`schemas/contract.schema.json`](../schemas/contract.schema.json).\n",
           reg["description"] + "\n",
           "`reglament init` prints the complete default; `reglament check FILE` checks a file. "
           "A key that may be absent may also be `null` (read as absent); `registration_calendar` must be present, `null` or a calendar. "
           "The clause column cites the seed regulation (`1.3`...`5`) or DESIGN (§2, §7).\n",
           "## Partial files\n",
           "```json\n" + example("docs/examples/regulation-partial.json") + "\n```\n",
           reg["oneOf"][1]["description"] + " Objects (`contract`, `calendar`, `sla`, `pauses`, `archive_after`, ...) merge key by key; "
           "lists (`sla.targets`, `actions`, `warning_thresholds`, ...) and `registration_calendar` replace the default's whole.\n",
           "## Keys\n", table(complete, reg)]
    for name in ["contract", "sla", "pauses"]:
        out += [f"### `{name}`\n", table(resolve(complete["properties"][name], reg), reg, name + ".")]
    for name, title in [("sla_target", "SLA row (`sla.targets[i]`)"), ("pause_set", "pause set"), ("day_count", "day count"),
                        ("pause_reason", "pause reason (`pause_reasons[i]`)")]:
        out += [f"### {title}\n", f'<a id="{name.replace("_", "-")}"></a>\n', reg["$defs"][name]["description"] + "\n",
                table(reg["$defs"][name], reg)]
    out += ['### threshold\n<a id="threshold"></a>\n', reg["$defs"]["threshold"]["description"] + "\n"]
    out += ['## The calendar\n<a id="calendar"></a>\n', cal["description"] + "\n", table(cal, cal)]
    out += ["```json\n" + example("docs/examples/calendar.json") + "\n```\n"]
    for name in ["shift", "date"]:
        out += [f'### {name}\n<a id="{name}"></a>\n', cal["$defs"][name]["description"] + "\n"]
    out += ["## Vocabularies\n"]
    for name in ["category", "priority", "metric", "service", "day_unit", "priority_change"]:
        s = reg["$defs"][name]
        out += [f'### {name}\n<a id="{name.replace("_", "-")}"></a>\n', s["description"] + "\n", vocab_table(s)]
    return "\n".join(out)


def events_page(ev, evs, chain):
    e = ev["$defs"]["event"]
    out = [HEADER, "# Events\n",
           f"Schemas: [`schemas/event.schema.json`](../schemas/event.schema.json) (`{ev['$id']}`), "
           f"a list: [`schemas/events.schema.json`](../schemas/events.schema.json), a chained line: "
           f"[`schemas/chain-entry.schema.json`](../schemas/chain-entry.schema.json).\n",
           e["description"] + " Unknown keys are an error (`unknown_field`); a key that may be absent may also be `null`.\n",
           "```json\n" + example("docs/examples/event-register.json") + "\n```\n",
           "## Common keys\n", table(e, ev), "## Kinds\n",
           "| kind | українською | own keys | clause |\n|---|---|---|---|"]
    labels = {b["const"]: b for b in ev["$defs"]["event_kind"]["oneOf"]}
    for br in e["allOf"]:
        k = br["if"]["properties"]["kind"]["const"]
        own = [x for x in br["then"]["propertyNames"]["enum"] if x not in e["properties"]]
        req = set(br["then"].get("required", []))
        keys = ", ".join(f"`{x}`" + ("\\*" if x in req else "") for x in own) or ("`text`\\*" if "text" in req else "—")
        pend = " *(DESIGN §7, coming)*" if k in PENDING_EVENT_KINDS else ""
        out.append(f"| `{k}`{pend} | {labels[k]['title']} | {keys} | {br.get('x-clause', '')} |")
    out.append("\n\\* required to parse.\n")
    for br in e["allOf"]:
        k = br["if"]["properties"]["kind"]["const"]
        props = br["then"].get("properties")
        if props and k != "comment" and k != "refuse_approval":
            title = "approve, refuse_approval" if k == "approve" else k
            out += [f"### `{title}`\n", table({"properties": props, "required": br["then"].get("required", [])}, ev)]
    out += ["## Lists and chained files\n", evs["description"] + "\n", chain["description"] + "\n", table(chain, chain)]
    out += ["## Vocabularies\n"]
    for name in ["event_kind", "role", "channel", "reason", "category", "priority", "metric", "status"]:
        s = ev["$defs"][name]
        out += [f'### {name}\n<a id="{name.replace("_", "-")}"></a>\n', s["description"] + "\n", vocab_table(s)]
    out += ['### instant\n<a id="instant"></a>\n', ev["$defs"]["instant"]["description"] + "\n"]
    return "\n".join(out)


def main():
    check = "--check" in sys.argv[1:]
    outputs = {}
    written = {}
    for name, s in schemas().items():
        text = dump(s)
        outputs[f"schemas/{name}.schema.json"] = text
        written[name] = json.loads(text)
    outputs["docs/regulation-file.md"] = regulation_page(written["regulation"], written["calendar"])
    outputs["docs/events.md"] = events_page(written["event"], written["events"], written["chain-entry"])
    stale = []
    for path, text in outputs.items():
        full = os.path.join(ROOT, path)
        old = open(full, encoding="utf-8").read() if os.path.exists(full) else None
        if old != text:
            stale.append(path)
            if not check:
                with open(full, "w", encoding="utf-8") as f:
                    f.write(text)
    if check and stale:
        print("stale (run python3 scripts/gen-schemas.py):", ", ".join(stale))
        sys.exit(1)
    print(("checked " if check else "wrote ") + f"{len(outputs)} files" + (f", {len(stale)} changed" if stale and not check else ""))


if __name__ == "__main__":
    main()

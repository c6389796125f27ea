/* The typed results: a ticket's status and clocks as plain structs, equal
 * to what the JSON functions give (read here with the tests' JSON reader),
 * from a ticket and from its clock plan; next_change_at; RFC 3339 text for
 * instants, both ways; the names of the enums. */
#include <stdint.h>
#include <stdlib.h>

#include "check.h"
#include "json.h"

#define ACTOR_OP "\"actor\":{\"id\":\"op-1\",\"role\":\"operator\"}"
#define ACTOR_CONS "\"actor\":{\"id\":\"c-1\",\"role\":\"consultant\"}"
#define ACTOR_USER "\"actor\":{\"id\":\"u-1\",\"role\":\"user\"}"

static reglament_regulation *reg;

/* An optional instant of the JSON against a has_/value pair. */
static void check_instant(const json_value *clock, const char *key, bool has, int64_t value, int line) {
    const json_value *v = json_get(clock, key);
    int64_t t = 0;
    int ok;
    if (v == NULL || v->type == JSON_NULL) {
        ok = !has && value == 0;
    } else {
        ok = has && json_parse_instant(json_string(v), &t) == 0 && t == value;
    }
    if (ok) {
        check_passed++;
    } else {
        check_failed++;
        fprintf(stderr, "%s:%d: %s: typed %d/%lld, JSON %.*s\n", __FILE__, line, key, (int)has, (long long)value,
                v ? (int)v->raw_len : 4, v ? v->raw : "none");
    }
}

static void check_number(const json_value *clock, const char *key, bool has, int64_t value, int line) {
    const json_value *v = json_get(clock, key);
    int ok = (v == NULL || v->type == JSON_NULL) ? (!has && value == 0)
                                                 : (has && v->type == JSON_NUMBER && (int64_t)v->number == value);
    if (ok) {
        check_passed++;
    } else {
        check_failed++;
        fprintf(stderr, "%s:%d: %s: typed %d/%lld\n", __FILE__, line, key, (int)has, (long long)value);
    }
}

/* One typed clock against its JSON object. */
static void same_clock(const reglament_clock *c, const json_value *j) {
    if (j == NULL || j->type == JSON_NULL) {
        CHECK(!c->present);
        return;
    }
    CHECK(c->present);
    CHECK_STR(reglament_metric_name(c->metric), json_string(json_get(j, "metric")));
    CHECK_STR(reglament_clock_state_name(c->state), json_string(json_get(j, "state")));
    check_instant(j, "started_at", true, c->started_at, __LINE__);
    check_number(j, "target", c->has_target, c->target, __LINE__);
    check_number(j, "added_seconds", true, c->added_seconds, __LINE__);
    check_number(j, "consumed", true, c->consumed, __LINE__);
    check_number(j, "remaining", c->has_remaining, c->remaining, __LINE__);
    check_instant(j, "due_at", c->has_due, c->due_at, __LINE__);
    check_instant(j, "original_due_at", c->has_original_due, c->original_due_at, __LINE__);
    check_instant(j, "met_at", c->has_met, c->met_at, __LINE__);
    check_instant(j, "breached_at", c->has_breached, c->breached_at, __LINE__);
    check_instant(j, "original_breached_at", c->has_original_breached, c->original_breached_at, __LINE__);
    check_instant(j, "paused_since", c->paused_since != 0, c->paused_since, __LINE__);
    check_instant(j, "stopped_at", c->has_stopped, c->stopped_at, __LINE__);
    CHECK(c->paused == (c->state == REGLAMENT_CLOCK_STATE_PAUSED));
    {
        const json_value *on_time = json_get(j, "on_time");
        CHECK(c->has_on_time == (on_time != NULL && on_time->type == JSON_BOOL));
        CHECK(!c->has_on_time || c->on_time == (bool)on_time->boolean);
    }
}

/* The typed clocks against the JSON of the same read. */
static void same_as_json(const reglament_clocks *c, const char *text) {
    char error[200];
    json_value *j = json_parse(text, strlen(text), error, sizeof error);
    CHECK(j != NULL);
    if (j == NULL) {
        return;
    }
    {
        const char *status = json_string(json_get(j, "status"));
        CHECK_STR(reglament_request_status_name(c->status), status ? status : "none");
    }
    check_instant(j, "now", true, c->now, __LINE__);
    check_instant(j, "next_change_at", c->has_next_change, c->next_change_at, __LINE__);
    same_clock(&c->response, json_get(j, "response"));
    same_clock(&c->resolution, json_get(j, "resolution"));
    same_clock(&c->update_interval, json_get(j, "update_interval"));
    CHECK(c->response.metric == REGLAMENT_METRIC_RESPONSE);
    CHECK(c->resolution.metric == REGLAMENT_METRIC_RESOLUTION);
    CHECK(c->update_interval.metric == REGLAMENT_METRIC_UPDATE_INTERVAL);
    json_free(j);
}

/* Reads the clocks every way at `now` and compares. */
static void read_at(const reglament_ticket *t, const char *when) {
    int64_t now = 0;
    reglament_clocks typed, planned;
    char *json = NULL;
    reglament_clock_plan *plan = NULL;
    reglament_error *err = NULL;
    CHECK_STATUS(reglament_instant_parse(when, strlen(when), &now, &err), err, REGLAMENT_STATUS_OK);
    memset(&typed, 0xA5, sizeof typed);
    CHECK_STATUS(reglament_ticket_clocks(t, reg, now, &typed, &err), err, REGLAMENT_STATUS_OK);
    CHECK_STATUS(reglament_ticket_clocks_json(t, reg, now, &json, &err), err, REGLAMENT_STATUS_OK);
    same_as_json(&typed, json);
    reglament_string_free(json);
    CHECK_STATUS(reglament_ticket_clock_plan(t, reg, &plan, &err), err, REGLAMENT_STATUS_OK);
    CHECK_STATUS(reglament_clock_plan_clocks(plan, now, &planned, &err), err, REGLAMENT_STATUS_OK);
    CHECK_I64(planned.response.due_at, typed.response.due_at);
    CHECK_I64(planned.resolution.due_at, typed.resolution.due_at);
    CHECK_I64(planned.resolution.consumed, typed.resolution.consumed);
    CHECK(planned.status == typed.status && planned.has_next_change == typed.has_next_change);
    CHECK_I64(planned.next_change_at, typed.next_change_at);
    {
        bool found = false;
        int64_t at = 0;
        CHECK_STATUS(reglament_ticket_next_change(t, reg, now, &found, &at, &err), err, REGLAMENT_STATUS_OK);
        CHECK(found == typed.has_next_change);
        CHECK_I64(at, typed.next_change_at);
    }
    reglament_clock_plan_free(plan);
}

static void apply(reglament_ticket *t, const char *event) {
    reglament_error *err = NULL;
    CHECK_STATUS(reglament_ticket_apply(t, reg, event, strlen(event), NULL, &err), err, REGLAMENT_STATUS_OK);
}

static void a_life(void) {
    reglament_ticket *t = NULL;
    reglament_request_status s = REGLAMENT_REQUEST_STATUS_DONE;
    reglament_clocks c;
    reglament_error *err = NULL;
    int64_t now = 0;
    CHECK_STATUS(reglament_ticket_new("T-9", 3, &t, &err), err, REGLAMENT_STATUS_OK);
    CHECK_STATUS(reglament_ticket_status(t, &s, &err), err, REGLAMENT_STATUS_OK);
    CHECK(s == REGLAMENT_REQUEST_STATUS_NONE);
    /* no clocks before registration; out untouched */
    memset(&c, 0, sizeof c);
    c.now = 77;
    CHECK_STATUS(reglament_ticket_clocks(t, reg, 1772438400, &c, &err), err, REGLAMENT_STATUS_INVALID_INPUT);
    CHECK_STR(reglament_error_code(err), "conflict");
    reglament_error_free(err);
    err = NULL;
    CHECK_I64(c.now, 77);

    apply(t, "{\"kind\":\"register\",\"at\":\"2026-03-02T10:00:00+02:00\"," ACTOR_OP ",\"channel\":\"phone\","
             "\"reason\":\"software_failure\",\"description\":\"d\",\"conditions\":\"c\",\"priority\":\"high\","
             "\"category\":\"incident\"}");
    CHECK_STATUS(reglament_ticket_status(t, &s, &err), err, REGLAMENT_STATUS_OK);
    CHECK(s == REGLAMENT_REQUEST_STATUS_BACKLOG);
    /* DESIGN's example: response due 09:00Z, 1800 s consumed at 10:30 Kyiv */
    CHECK_STATUS(reglament_instant_parse("2026-03-02T10:30:00+02:00", 25, &now, &err), err, REGLAMENT_STATUS_OK);
    CHECK_STATUS(reglament_ticket_clocks(t, reg, now, &c, &err), err, REGLAMENT_STATUS_OK);
    CHECK(c.response.present && c.response.state == REGLAMENT_CLOCK_STATE_RUNNING);
    CHECK(c.response.has_due);
    CHECK_I64(c.response.due_at, 1772442000); /* 2026-03-02T09:00:00Z */
    CHECK_I64(c.response.consumed, 1800);
    CHECK(c.status == REGLAMENT_REQUEST_STATUS_BACKLOG);
    read_at(t, "2026-03-02T10:30:00+02:00");
    read_at(t, "2026-03-05T10:30:00+02:00"); /* response breached */

    apply(t, "{\"kind\":\"start_work\",\"at\":\"2026-03-05T11:00:00+02:00\"," ACTOR_CONS "}");
    apply(t, "{\"kind\":\"ask_user\",\"at\":\"2026-03-05T11:10:00+02:00\"," ACTOR_CONS ",\"text\":\"which?\"}");
    read_at(t, "2026-03-05T12:00:00+02:00"); /* paused: awaiting the user */
    CHECK_STATUS(reglament_ticket_clocks(t, reg, now + 3 * 86400, &c, &err), err, REGLAMENT_STATUS_OK);
    apply(t, "{\"kind\":\"user_answer\",\"at\":\"2026-03-05T13:00:00+02:00\"," ACTOR_USER ",\"text\":\"INV-7\"}");
    apply(t, "{\"kind\":\"complete\",\"at\":\"2026-03-06T15:00:00+02:00\"," ACTOR_CONS "}");
    apply(t, "{\"kind\":\"release\",\"at\":\"2026-03-06T16:00:00+02:00\"," ACTOR_OP "}");
    read_at(t, "2026-03-09T12:00:00+02:00");
    CHECK_STATUS(reglament_instant_parse("2026-03-09T12:00:00+02:00", 25, &now, &err), err, REGLAMENT_STATUS_OK);
    CHECK_STATUS(reglament_ticket_clocks(t, reg, now, &c, &err), err, REGLAMENT_STATUS_OK);
    CHECK(c.status == REGLAMENT_REQUEST_STATUS_RELEASE);
    CHECK(c.resolution.state == REGLAMENT_CLOCK_STATE_MET && c.resolution.has_met);
    apply(t, "{\"kind\":\"accept\",\"at\":\"2026-03-09T12:30:00+02:00\"," ACTOR_USER "}");
    read_at(t, "2026-03-20T12:00:00+02:00");
    reglament_ticket_free(t);
}

static void instants_as_text(void) {
    char buf[REGLAMENT_INSTANT_TEXT_SIZE];
    char small[REGLAMENT_INSTANT_TEXT_SIZE - 1];
    reglament_error *err = NULL;
    int64_t t = 0;
    CHECK_STATUS(reglament_instant_format(1774594800, buf, sizeof buf, &err), err, REGLAMENT_STATUS_OK);
    CHECK_STR(buf, "2026-03-27T07:00:00Z");
    CHECK_STATUS(reglament_instant_parse(buf, strlen(buf), &t, &err), err, REGLAMENT_STATUS_OK);
    CHECK_I64(t, 1774594800);
    CHECK_STATUS(reglament_instant_parse("2026-03-27T10:00:00+03:00", 25, &t, &err), err, REGLAMENT_STATUS_OK);
    CHECK_I64(t, 1774594800);
    CHECK_STATUS(reglament_instant_format(0, buf, sizeof buf, &err), err, REGLAMENT_STATUS_OK);
    CHECK_STR(buf, "1970-01-01T00:00:00Z");
    CHECK_STATUS(reglament_instant_format(-62167219200LL, buf, sizeof buf, &err), err, REGLAMENT_STATUS_OK);
    CHECK_STR(buf, "0000-01-01T00:00:00Z");
    CHECK_STATUS(reglament_instant_format(253402300799LL, buf, sizeof buf, &err), err, REGLAMENT_STATUS_OK);
    CHECK_STR(buf, "9999-12-31T23:59:59Z");

    memset(small, 'x', sizeof small);
    CHECK_STATUS(reglament_instant_format(0, small, sizeof small, &err), err, REGLAMENT_STATUS_INVALID_ARGUMENT);
    CHECK_STR(reglament_error_code(err), "buffer_too_small");
    reglament_error_free(err);
    CHECK(small[0] == 'x');
    CHECK_STATUS(reglament_instant_format(253402300800LL, buf, sizeof buf, &err), err, REGLAMENT_STATUS_OUT_OF_RANGE);
    reglament_error_free(err);
    CHECK_STATUS(reglament_instant_format(INT64_MIN, buf, sizeof buf, &err), err, REGLAMENT_STATUS_OUT_OF_RANGE);
    reglament_error_free(err);
    CHECK_STATUS(reglament_instant_format(0, NULL, 64, &err), err, REGLAMENT_STATUS_INVALID_ARGUMENT);
    reglament_error_free(err);

    t = 5;
    CHECK_STATUS(reglament_instant_parse("2026-02-30T10:00:00Z", 20, &t, &err), err, REGLAMENT_STATUS_INVALID_INPUT);
    CHECK_STR(reglament_error_code(err), "invalid_instant");
    reglament_error_free(err);
    CHECK_STATUS(reglament_instant_parse("\xff", 1, &t, &err), err, REGLAMENT_STATUS_INVALID_ARGUMENT);
    CHECK_STR(reglament_error_code(err), "invalid_utf8");
    reglament_error_free(err);
    CHECK_STATUS(reglament_instant_parse(NULL, 3, &t, &err), err, REGLAMENT_STATUS_INVALID_ARGUMENT);
    reglament_error_free(err);
    CHECK_STATUS(reglament_instant_parse("2026-03-27T07:00:00Z", 20, NULL, &err), err,
                 REGLAMENT_STATUS_INVALID_ARGUMENT);
    reglament_error_free(err);
    CHECK_I64(t, 5);
}

static void names(void) {
    CHECK_STR(reglament_request_status_name(REGLAMENT_REQUEST_STATUS_IN_PROGRESS), "in_progress");
    CHECK_STR(reglament_request_status_name(99), "unknown");
    CHECK_STR(reglament_metric_name(REGLAMENT_METRIC_UPDATE_INTERVAL), "update_interval");
    CHECK_STR(reglament_clock_state_name(REGLAMENT_CLOCK_STATE_BREACHED), "breached");
    CHECK_STR(reglament_clock_state_name(-1), "unknown");
}

static void bad_arguments(void) {
    reglament_ticket *t = NULL;
    reglament_clock_plan *plan = NULL;
    reglament_clocks c;
    reglament_request_status s;
    reglament_error *err = NULL;
    CHECK_STATUS(reglament_ticket_new("T", 1, &t, NULL), NULL, REGLAMENT_STATUS_OK);
    CHECK_STATUS(reglament_ticket_status(NULL, &s, &err), err, REGLAMENT_STATUS_INVALID_ARGUMENT);
    CHECK_STR(reglament_error_field(err), "ticket");
    reglament_error_free(err);
    CHECK_STATUS(reglament_ticket_status(t, NULL, &err), err, REGLAMENT_STATUS_INVALID_ARGUMENT);
    reglament_error_free(err);
    CHECK_STATUS(reglament_ticket_clocks(t, reg, 0, NULL, &err), err, REGLAMENT_STATUS_INVALID_ARGUMENT);
    reglament_error_free(err);
    CHECK_STATUS(reglament_ticket_clocks(t, NULL, 0, &c, &err), err, REGLAMENT_STATUS_INVALID_ARGUMENT);
    reglament_error_free(err);
    /* a ticket is not a plan */
    CHECK_STATUS(reglament_clock_plan_clocks((const reglament_clock_plan *)(const void *)t, 0, &c, &err), err,
                 REGLAMENT_STATUS_INVALID_ARGUMENT);
    reglament_error_free(err);
    CHECK_STATUS(reglament_clock_plan_clocks(plan, 0, &c, &err), err, REGLAMENT_STATUS_INVALID_ARGUMENT);
    reglament_error_free(err);
    {
        /* misaligned struct output */
        union {
            reglament_clocks c;
            char bytes[sizeof(reglament_clocks) + 8];
        } room;
        CHECK_STATUS(reglament_ticket_clocks(t, reg, 0, (reglament_clocks *)(void *)(room.bytes + 1), &err), err,
                     REGLAMENT_STATUS_INVALID_ARGUMENT);
        reglament_error_free(err);
    }
    reglament_ticket_free(t);
}

int main(void) {
    CHECK_STATUS(reglament_regulation_default(&reg, NULL), NULL, REGLAMENT_STATUS_OK);
    a_life();
    instants_as_text();
    names();
    bad_arguments();
    reglament_regulation_free(reg);
    return check_summary("test_typed");
}

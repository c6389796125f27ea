/* A hostile caller: every entry point with NULL handles, NULL outputs,
 * NULL buffers with a non-zero length, invalid UTF-8, malformed JSON,
 * handles of the wrong type, misaligned pointers, and a NULL error
 * out-parameter. Every call must return an error status with a message and
 * never crash or leak (valgrind and ASan run this file too). */
#include <stdint.h>
#include <stdlib.h>

#include "check.h"

/* Checks that `err` describes an INVALID_ARGUMENT failure with `code`
 * about the parameter `field`, then frees it. */
static void expect_argument(reglament_status st, reglament_error *err, const char *code, const char *field,
                            int line) {
    if (st != REGLAMENT_STATUS_INVALID_ARGUMENT || err == NULL || !str_eq(reglament_error_code(err), code) ||
        !str_eq(reglament_error_field(err), field) || reglament_error_message(err) == NULL ||
        reglament_error_status(err) != st || reglament_error_clause(err) != NULL) {
        check_failed++;
        fprintf(stderr, "%s:%d: expected invalid_argument/%s about %s, got %s/%s about %s: %s\n", __FILE__, line,
                code, field, reglament_status_name(st), err ? reglament_error_code(err) : "(no error)",
                err ? reglament_error_field(err) : "-", err ? reglament_error_message(err) : "-");
    } else {
        check_passed++;
    }
    reglament_error_free(err);
}

#define EXPECT_ARG(call, code, field)                                                   \
    do {                                                                                \
        reglament_error *e_ = (reglament_error *)(uintptr_t)1; /* must be overwritten */ \
        reglament_status s_ = (call);                                                   \
        expect_argument(s_, e_, code, field, __LINE__);                                 \
    } while (0)

/* the same call with a NULL error out-parameter must still fail cleanly */
#define EXPECT_STATUS_NO_ERR(call, expected) CHECK_STATUS((call), NULL, expected)

static void null_handles(void) {
    int64_t u = 0;
    bool w = false;
    char *s = NULL;
    reglament_calendar *c = NULL;

    EXPECT_ARG(reglament_calendar_add(NULL, 0, 0, &u, &e_), "null_argument", "calendar");
    EXPECT_ARG(reglament_calendar_sub(NULL, 0, 0, &u, &e_), "null_argument", "calendar");
    EXPECT_ARG(reglament_calendar_elapsed(NULL, 0, 0, &u, &e_), "null_argument", "calendar");
    EXPECT_ARG(reglament_calendar_is_working(NULL, 0, &w, &e_), "null_argument", "calendar");
    EXPECT_ARG(reglament_calendar_next_working(NULL, 0, &u, &e_), "null_argument", "calendar");
    EXPECT_ARG(reglament_calendar_add_working_days(NULL, 0, 1, &u, &e_), "null_argument", "calendar");
    EXPECT_ARG(reglament_calendar_supported_range(NULL, &u, &u, &e_), "null_argument", "calendar");
    EXPECT_ARG(reglament_calendar_to_json(NULL, &s, &e_), "null_argument", "calendar");
    EXPECT_ARG(reglament_regulation_to_json(NULL, &s, &e_), "null_argument", "regulation");
    EXPECT_ARG(reglament_regulation_calendar(NULL, &c, &e_), "null_argument", "regulation");
    EXPECT_ARG(reglament_regulation_registration_calendar(NULL, &c, &e_), "null_argument", "regulation");
    CHECK(s == NULL && c == NULL && u == 0);

    EXPECT_STATUS_NO_ERR(reglament_calendar_add(NULL, 0, 0, &u, NULL), REGLAMENT_STATUS_INVALID_ARGUMENT);
    EXPECT_STATUS_NO_ERR(reglament_regulation_to_json(NULL, &s, NULL), REGLAMENT_STATUS_INVALID_ARGUMENT);

    /* frees accept NULL */
    reglament_calendar_free(NULL);
    reglament_regulation_free(NULL);
    reglament_error_free(NULL);
    reglament_string_free(NULL);

    /* error accessors accept NULL */
    CHECK(reglament_error_status(NULL) == REGLAMENT_STATUS_INVALID_ARGUMENT);
    CHECK(reglament_error_code(NULL) == NULL);
    CHECK(reglament_error_message(NULL) == NULL);
    CHECK(reglament_error_message_uk(NULL) == NULL);
    CHECK(reglament_error_field(NULL) == NULL);
    CHECK(reglament_error_clause(NULL) == NULL);
    CHECK(reglament_error_json(NULL) == NULL);
    CHECK_STR(reglament_status_name(REGLAMENT_STATUS_REFUSED), "refused");
    CHECK_STR(reglament_status_name(-1), "unknown");
    CHECK_STR(reglament_status_name(INT32_MAX), "unknown");
}

static void null_outputs(reglament_calendar *cal, reglament_regulation *reg) {
    int64_t u = 0;
    const char *json = "{}";
    EXPECT_ARG(reglament_calendar_add(cal, 0, 0, NULL, &e_), "null_argument", "out");
    EXPECT_ARG(reglament_calendar_sub(cal, 0, 0, NULL, &e_), "null_argument", "out");
    EXPECT_ARG(reglament_calendar_elapsed(cal, 0, 0, NULL, &e_), "null_argument", "out");
    EXPECT_ARG(reglament_calendar_is_working(cal, 0, NULL, &e_), "null_argument", "out");
    EXPECT_ARG(reglament_calendar_next_working(cal, 0, NULL, &e_), "null_argument", "out");
    EXPECT_ARG(reglament_calendar_add_working_days(cal, 0, 1, NULL, &e_), "null_argument", "out");
    EXPECT_ARG(reglament_calendar_supported_range(cal, NULL, &u, &e_), "null_argument", "first");
    EXPECT_ARG(reglament_calendar_supported_range(cal, &u, NULL, &e_), "null_argument", "last");
    EXPECT_ARG(reglament_calendar_to_json(cal, NULL, &e_), "null_argument", "out");
    EXPECT_ARG(reglament_calendar_from_json(json, 2, NULL, &e_), "null_argument", "out");
    EXPECT_ARG(reglament_calendar_default_kyiv(NULL, &e_), "null_argument", "out");
    EXPECT_ARG(reglament_regulation_from_json(json, 2, NULL, &e_), "null_argument", "out");
    EXPECT_ARG(reglament_regulation_default(NULL, &e_), "null_argument", "out");
    EXPECT_ARG(reglament_regulation_to_json(reg, NULL, &e_), "null_argument", "out");
    EXPECT_ARG(reglament_regulation_calendar(reg, NULL, &e_), "null_argument", "out");
    EXPECT_ARG(reglament_regulation_registration_calendar(reg, NULL, &e_), "null_argument", "out");
    EXPECT_STATUS_NO_ERR(reglament_calendar_default_kyiv(NULL, NULL), REGLAMENT_STATUS_INVALID_ARGUMENT);
}

static void bad_text(void) {
    reglament_calendar *c = NULL;
    reglament_regulation *r = NULL;
    reglament_error *err = NULL;

    /* NULL buffer with a non-zero length */
    EXPECT_ARG(reglament_calendar_from_json(NULL, 10, &c, &e_), "null_argument", "json");
    EXPECT_ARG(reglament_regulation_from_json(NULL, 10, &r, &e_), "null_argument", "json");
    /* a length no buffer has */
    EXPECT_ARG(reglament_calendar_from_json("{}", SIZE_MAX, &c, &e_), "invalid_argument", "json");
    EXPECT_ARG(reglament_regulation_from_json("{}", SIZE_MAX, &r, &e_), "invalid_argument", "json");
    /* invalid UTF-8: a lone continuation byte, an overlong encoding, a surrogate */
    const char *bad_utf8[] = {"{\"timezone\":\"\x80\"}", "{\"timezone\":\"\xc0\xaf\"}",
                              "{\"timezone\":\"\xed\xa0\x80\"}", "\xff"};
    for (size_t i = 0; i < sizeof bad_utf8 / sizeof bad_utf8[0]; i++) {
        EXPECT_ARG(reglament_calendar_from_json(bad_utf8[i], strlen(bad_utf8[i]), &c, &e_), "invalid_utf8", "json");
        EXPECT_ARG(reglament_regulation_from_json(bad_utf8[i], strlen(bad_utf8[i]), &r, &e_), "invalid_utf8",
                   "json");
    }
    CHECK(c == NULL && r == NULL);

    /* NULL with length 0 is the empty text: malformed JSON, not a bad argument */
    CHECK_STATUS(reglament_calendar_from_json(NULL, 0, &c, &err), err, REGLAMENT_STATUS_INVALID_INPUT);
    CHECK_STR(reglament_error_code(err), "invalid_json");
    reglament_error_free(err);
    CHECK_STATUS(reglament_regulation_from_json(NULL, 0, &r, &err), err, REGLAMENT_STATUS_INVALID_INPUT);
    CHECK_STR(reglament_error_code(err), "invalid_json");
    reglament_error_free(err);

    /* malformed JSON, wrong shapes, unknown and missing fields, bad values */
    const char *bad_docs[] = {
        "{", "[]", "null", "42", "\"text\"", "{\"timezone\":", "{\"timezone\":\"UTC\",\"week\":{}} trailing",
        "{\"timezone\":\"UTC\",\"week\":{},\"bogus\":1}", "{\"week\":{}}",
        "{\"timezone\":\"Mars/Olympus\",\"week\":{}}", "{\"timezone\":\"UTC\",\"week\":{\"mon\":[[\"09:00\",\"25:00\"]]}}",
        "{\"timezone\":\"UTC\",\"week\":{\"mon\":[[\"9\",\"18:00\"]]}}",
        "{\"timezone\":\"UTC\",\"week\":{\"someday\":[]}}", "{\"timezone\":\"UTC\",\"week\":{\"mon\":\"all day\"}}",
        "{\"timezone\":\"UTC\",\"week\":{},\"holidays\":[\"2026-02-30\"]}",
        "{\"timezone\":\"UTC\\u0000\",\"week\":{}}",
    };
    for (size_t i = 0; i < sizeof bad_docs / sizeof bad_docs[0]; i++) {
        reglament_status st = reglament_calendar_from_json(bad_docs[i], strlen(bad_docs[i]), &c, &err);
        if (st != REGLAMENT_STATUS_INVALID_INPUT || err == NULL || reglament_error_code(err) == NULL ||
            strlen(reglament_error_message(err)) == 0 || c != NULL) {
            check_failed++;
            fprintf(stderr, "calendar document %zu (%s): status %s\n", i, bad_docs[i], reglament_status_name(st));
        } else {
            check_passed++;
        }
        reglament_error_free(err);
        err = NULL;
        st = reglament_regulation_from_json(bad_docs[i], strlen(bad_docs[i]), &r, &err);
        if (st != REGLAMENT_STATUS_INVALID_INPUT || err == NULL || r != NULL) {
            check_failed++;
            fprintf(stderr, "regulation document %zu (%s): status %s\n", i, bad_docs[i], reglament_status_name(st));
        } else {
            check_passed++;
        }
        reglament_error_free(err);
        err = NULL;
    }

    /* the error names the field at fault as a JSON path */
    const char *bad_hour = "{\"timezone\":\"UTC\",\"week\":{\"mon\":[[\"09:00\",\"25:00\"]]}}";
    CHECK_STATUS(reglament_calendar_from_json(bad_hour, strlen(bad_hour), &c, &err), err,
                 REGLAMENT_STATUS_INVALID_INPUT);
    CHECK_STR(reglament_error_code(err), "invalid_value");
    CHECK_STR(reglament_error_field(err), "week.mon[0][1]");
    CHECK(str_contains(reglament_error_message(err), "25:00"));
    CHECK(str_contains(reglament_error_json(err), "\"status\":\"invalid_input\""));
    reglament_error_free(err);
    const char *bad_tz = "{\"timezone\":\"Mars/Olympus\",\"week\":{}}";
    CHECK_STATUS(reglament_calendar_from_json(bad_tz, strlen(bad_tz), &c, &err), err, REGLAMENT_STATUS_INVALID_INPUT);
    CHECK_STR(reglament_error_code(err), "unknown_timezone");
    reglament_error_free(err);

    /* an embedded NUL inside the buffer is just a byte of the text */
    const char with_nul[] = "{\"timezone\":\"UTC\0\",\"week\":{}}";
    CHECK_STATUS(reglament_calendar_from_json(with_nul, sizeof with_nul - 1, &c, &err), err,
                 REGLAMENT_STATUS_INVALID_INPUT);
    CHECK(reglament_error_message(err) != NULL);
    reglament_error_free(err);
    CHECK(c == NULL);
}

/* pointers that are not handles of the expected type */
static void wrong_handles(reglament_calendar *cal, reglament_regulation *reg) {
    int64_t u = 0;
    char *s = NULL;
    reglament_calendar *c = NULL;
    EXPECT_ARG(reglament_calendar_add((const reglament_calendar *)(const void *)reg, 0, 0, &u, &e_),
               "invalid_argument", "calendar");
    EXPECT_ARG(reglament_regulation_to_json((const reglament_regulation *)(const void *)cal, &s, &e_),
               "invalid_argument", "regulation");
    /* an aligned buffer of zeros is no handle */
    uint64_t zeros[8] = {0};
    EXPECT_ARG(reglament_calendar_add((const reglament_calendar *)(const void *)zeros, 0, 0, &u, &e_),
               "invalid_argument", "calendar");
    EXPECT_ARG(reglament_regulation_calendar((const reglament_regulation *)(const void *)zeros, &c, &e_),
               "invalid_argument", "regulation");
    /* a misaligned handle and a misaligned output */
    EXPECT_ARG(reglament_calendar_add((const reglament_calendar *)(const void *)((const char *)zeros + 1), 0, 0,
                                      &u, &e_),
               "invalid_argument", "calendar");
    EXPECT_ARG(reglament_calendar_add(cal, 1774594800LL, 60, (int64_t *)(void *)((char *)zeros + 1), &e_),
               "invalid_argument", "out");
    /* freeing something that is not a live handle of that type is ignored */
    reglament_calendar_free((reglament_calendar *)(void *)zeros);
    reglament_regulation_free((reglament_regulation *)(void *)cal);
    reglament_calendar_free((reglament_calendar *)(void *)reg);
    CHECK(s == NULL && c == NULL);
    /* both handles still work */
    CHECK_STATUS(reglament_calendar_add(cal, 1774594800LL, 60, &u, NULL), NULL, REGLAMENT_STATUS_OK);
    CHECK_STATUS(reglament_regulation_to_json(reg, &s, NULL), NULL, REGLAMENT_STATUS_OK);
    reglament_string_free(s);
}

#define REGISTER_EVENT                                                                              \
    "{\"kind\":\"register\",\"at\":\"2026-03-02T10:00:00+02:00\",\"actor\":{\"id\":\"op-1\","       \
    "\"role\":\"operator\"},\"channel\":\"phone\",\"reason\":\"software_failure\",\"description\":" \
    "\"d\",\"conditions\":\"c\",\"priority\":\"high\",\"category\":\"incident\"}"

/* every ticket entry point with hostile input */
static void tickets(reglament_regulation *reg) {
    reglament_ticket *t = NULL, *copy = NULL;
    reglament_error *err = NULL;
    char *s = NULL;
    int64_t u = 0, now = 1772438400LL; /* 2026-03-02T08:00:00Z */
    bool found = false;
    size_t order[4], order_len = 99;
    const char *ev = REGISTER_EVENT;

    EXPECT_ARG(reglament_ticket_new("T", 1, NULL, &e_), "null_argument", "out");
    EXPECT_ARG(reglament_ticket_new(NULL, 5, &t, &e_), "null_argument", "id");
    EXPECT_ARG(reglament_ticket_new("\xc3\x28", 2, &t, &e_), "invalid_utf8", "id");
    CHECK_STATUS(reglament_ticket_new(NULL, 0, &t, &err), err, REGLAMENT_STATUS_OK); /* the empty id */
    reglament_ticket_free(t);
    CHECK_STATUS(reglament_ticket_new("T", 1, &t, &err), err, REGLAMENT_STATUS_OK);

    /* NULL handles */
    EXPECT_ARG(reglament_ticket_apply(NULL, reg, ev, strlen(ev), NULL, &e_), "null_argument", "ticket");
    EXPECT_ARG(reglament_ticket_apply(t, NULL, ev, strlen(ev), NULL, &e_), "null_argument", "regulation");
    EXPECT_ARG(reglament_ticket_check(NULL, reg, ev, strlen(ev), NULL, &e_), "null_argument", "ticket");
    EXPECT_ARG(reglament_ticket_check(t, NULL, ev, strlen(ev), NULL, &e_), "null_argument", "regulation");
    EXPECT_ARG(reglament_ticket_clone(NULL, &copy, &e_), "null_argument", "ticket");
    EXPECT_ARG(reglament_ticket_clone(t, NULL, &e_), "null_argument", "out");
    EXPECT_ARG(reglament_ticket_to_json(NULL, NULL, &s, &e_), "null_argument", "ticket");
    EXPECT_ARG(reglament_ticket_to_json(t, NULL, NULL, &e_), "null_argument", "out");
    EXPECT_ARG(reglament_ticket_clocks_json(NULL, reg, now, &s, &e_), "null_argument", "ticket");
    EXPECT_ARG(reglament_ticket_clocks_json(t, NULL, now, &s, &e_), "null_argument", "regulation");
    EXPECT_ARG(reglament_ticket_clocks_json(t, reg, now, NULL, &e_), "null_argument", "out");
    EXPECT_ARG(reglament_ticket_next_change(NULL, reg, now, &found, &u, &e_), "null_argument", "ticket");
    EXPECT_ARG(reglament_ticket_next_change(t, NULL, now, &found, &u, &e_), "null_argument", "regulation");
    EXPECT_ARG(reglament_ticket_next_change(t, reg, now, NULL, &u, &e_), "null_argument", "found");
    EXPECT_ARG(reglament_ticket_next_change(t, reg, now, &found, NULL, &e_), "null_argument", "at");
    EXPECT_ARG(reglament_ticket_replay(NULL, "T", 1, "[]", 2, &t, NULL, &e_), "null_argument", "regulation");
    EXPECT_ARG(reglament_ticket_replay(reg, "T", 1, "[]", 2, NULL, NULL, &e_), "null_argument", "out");
    EXPECT_ARG(reglament_ticket_replay(reg, "T", 1, NULL, 2, &copy, NULL, &e_), "null_argument", "events_json");
    EXPECT_ARG(reglament_ticket_replay(reg, NULL, 1, "[]", 2, &copy, NULL, &e_), "null_argument", "id");
    EXPECT_ARG(reglament_regulation_archive_due(NULL, now, &u, &e_), "null_argument", "regulation");
    EXPECT_ARG(reglament_regulation_archive_due(reg, now, NULL, &e_), "null_argument", "out");
    EXPECT_ARG(reglament_regulation_contact_change_notice_due(NULL, now, &u, &e_), "null_argument", "regulation");
    EXPECT_ARG(reglament_regulation_contact_change_notice_due(reg, now, NULL, &e_), "null_argument", "out");
    EXPECT_ARG(reglament_regulation_with_overrides(NULL, 3, &reg, &e_), "null_argument", "json");
    EXPECT_ARG(reglament_regulation_with_overrides("{}", 2, NULL, &e_), "null_argument", "out");
    EXPECT_ARG(reglament_must_register(NULL, 0, "high", 4, false, NULL, &e_), "null_argument", "out");
    EXPECT_ARG(reglament_must_register(NULL, 3, "high", 4, false, &found, &e_), "null_argument", "category");
    EXPECT_ARG(reglament_must_register("incident", 8, "\xff", 1, false, &found, &e_), "invalid_utf8", "priority");
    CHECK(copy == NULL && s == NULL);

    /* event text: NULL with a length, invalid UTF-8, malformed JSON, unknown kinds and keys */
    EXPECT_ARG(reglament_ticket_apply(t, reg, NULL, 10, &s, &e_), "null_argument", "event_json");
    EXPECT_ARG(reglament_ticket_apply(t, reg, "{\"kind\":\"\xfe\"}", 11, &s, &e_), "invalid_utf8", "event_json");
    EXPECT_ARG(reglament_ticket_apply(t, reg, ev, SIZE_MAX, &s, &e_), "invalid_argument", "event_json");
    const char *bad_events[] = {
        "", "{", "[]", "null", "{\"kind\":\"promote\",\"at\":\"2026-03-02T10:00:00Z\",\"actor\":{\"id\":\"a\",\"role\":\"operator\"}}",
        "{\"kind\":\"comment\",\"at\":\"yesterday\",\"actor\":{\"id\":\"a\",\"role\":\"operator\"},\"text\":\"x\"}",
        "{\"kind\":\"comment\",\"at\":\"2026-03-02T10:00:00Z\",\"actor\":{\"id\":\"a\",\"role\":\"boss\"},\"text\":\"x\"}",
        "{\"kind\":\"start_work\",\"at\":\"2026-03-02T10:00:00Z\",\"actor\":{\"id\":\"a\",\"role\":\"consultant\"},\"colour\":\"red\"}",
        "{\"kind\":\"start_work\",\"actor\":{\"id\":\"a\",\"role\":\"consultant\"}}",
        "{\"kind\":42}",
    };
    for (size_t i = 0; i < sizeof bad_events / sizeof bad_events[0]; i++) {
        reglament_status st = reglament_ticket_apply(t, reg, bad_events[i], strlen(bad_events[i]), &s, &err);
        if (st != REGLAMENT_STATUS_INVALID_INPUT || err == NULL || reglament_error_code(err) == NULL ||
            strlen(reglament_error_message(err)) == 0 || s != NULL) {
            check_failed++;
            fprintf(stderr, "event %zu (%s): %s\n", i, bad_events[i], reglament_status_name(st));
        } else {
            check_passed++;
        }
        reglament_error_free(err);
        err = NULL;
    }
    /* instants the calendar cannot place: a refusal (3: instant_out_of_range), not a crash */
    const char *far = "{\"kind\":\"register\",\"at\":\"2300-01-01T10:00:00Z\",\"actor\":{\"id\":\"op-1\","
                      "\"role\":\"operator\"},\"channel\":\"phone\",\"reason\":\"question\",\"description\":"
                      "\"d\",\"conditions\":\"c\",\"priority\":\"low\"}";
    CHECK_STATUS(reglament_ticket_apply(t, reg, far, strlen(far), NULL, &err), err, REGLAMENT_STATUS_REFUSED);
    CHECK_STR(reglament_error_code(err), "instant_out_of_range");
    reglament_error_free(err);
    const char *ancient = "{\"kind\":\"comment\",\"at\":\"0001-01-01T00:00:00Z\",\"actor\":{\"id\":\"a\","
                          "\"role\":\"operator\"},\"text\":\"x\"}";
    reglament_status st = reglament_ticket_apply(t, reg, ancient, strlen(ancient), NULL, &err);
    CHECK(st == REGLAMENT_STATUS_REFUSED || st == REGLAMENT_STATUS_INVALID_INPUT || st == REGLAMENT_STATUS_OUT_OF_RANGE);
    reglament_error_free(err);
    err = NULL;

    /* out-of-range instants given as numbers */
    CHECK_STATUS(reglament_ticket_apply(t, reg, ev, strlen(ev), NULL, &err), err, REGLAMENT_STATUS_OK);
    const int64_t bad_now[] = {INT64_MIN, INT64_MAX};
    for (size_t i = 0; i < 2; i++) {
        CHECK_STATUS(reglament_ticket_clocks_json(t, reg, bad_now[i], &s, &err), err, REGLAMENT_STATUS_OUT_OF_RANGE);
        reglament_error_free(err);
        CHECK_STATUS(reglament_ticket_next_change(t, reg, bad_now[i], &found, &u, &err), err,
                     REGLAMENT_STATUS_OUT_OF_RANGE);
        reglament_error_free(err);
        CHECK_STATUS(reglament_regulation_archive_due(reg, bad_now[i], &u, &err), err, REGLAMENT_STATUS_OUT_OF_RANGE);
        reglament_error_free(err);
        CHECK_STATUS(reglament_regulation_contact_change_notice_due(reg, bad_now[i], &u, &err), err,
                     REGLAMENT_STATUS_OUT_OF_RANGE);
        reglament_error_free(err);
    }
    /* a `now` before the registration is bad input */
    CHECK_STATUS(reglament_ticket_clocks_json(t, reg, -1, &s, &err), err, REGLAMENT_STATUS_INVALID_INPUT);
    reglament_error_free(err);
    CHECK_STATUS(reglament_ticket_next_change(t, reg, -1, &found, &u, &err), err, REGLAMENT_STATUS_INVALID_INPUT);
    reglament_error_free(err);
    CHECK_STATUS(reglament_regulation_contact_change_notice_due(reg, -1, &u, &err), err,
                 REGLAMENT_STATUS_OUT_OF_RANGE);
    reglament_error_free(err);
    CHECK_STATUS(reglament_ticket_to_json(t, &bad_now[1], &s, &err), err, REGLAMENT_STATUS_OUT_OF_RANGE);
    reglament_error_free(err);
    err = NULL;
    CHECK(s == NULL);

    /* replay: text that starts as an array but is not JSON fails and stores
       nothing; an item that is not an event is an error step named by its
       index, and the replay goes on (the one behaviour of every face) */
    EXPECT_ARG(reglament_ticket_replay(reg, "T", 1, "[\xff]", 3, &copy, NULL, &e_), "invalid_utf8", "events_json");
    CHECK_STATUS(reglament_ticket_replay(reg, "T", 1, "[", 1, &copy, &s, &err), err, REGLAMENT_STATUS_INVALID_INPUT);
    reglament_error_free(err);
    err = NULL;
    CHECK(copy == NULL && s == NULL);
    const char *not_events[] = {"{}", "[1]", "[{\"kind\":\"nope\"}]", "{\"kind\":\n"};
    const char *codes[] = {"\"code\":\"missing_field\"", "\"code\":\"invalid_json\"",
                           "\"code\":\"invalid_value\"", "\"code\":\"invalid_json\""};
    for (size_t i = 0; i < 4; i++) {
        CHECK_STATUS(reglament_ticket_replay(reg, "T", 1, not_events[i], strlen(not_events[i]), &copy, &s, &err), err,
                     REGLAMENT_STATUS_OK);
        CHECK(s != NULL && str_contains(s, "\"steps\":[{\"error\":{") && str_contains(s, codes[i]) &&
              str_contains(s, "\"field\":\"events[0]"));
        reglament_string_free(s);
        reglament_ticket_free(copy);
        s = NULL;
        copy = NULL;
    }

    /* overrides and vocabulary codes */
    reglament_regulation *other = NULL;
    const char *bad_over[] = {"{", "[]", "{\"archive_after\":{\"amount\":-1}}", "{\"no_such_key\":1}"};
    for (size_t i = 0; i < 4; i++) {
        CHECK_STATUS(reglament_regulation_with_overrides(bad_over[i], strlen(bad_over[i]), &other, &err), err,
                     REGLAMENT_STATUS_INVALID_INPUT);
        reglament_error_free(err);
        err = NULL;
    }
    CHECK(other == NULL);
    CHECK_STATUS(reglament_must_register("bug", 3, "high", 4, false, &found, &err), err, REGLAMENT_STATUS_INVALID_INPUT);
    CHECK_STR(reglament_error_field(err), "category");
    reglament_error_free(err);
    CHECK_STATUS(reglament_must_register(NULL, 0, NULL, 0, false, &found, &err), err, REGLAMENT_STATUS_INVALID_INPUT);
    CHECK_STR(reglament_error_field(err), "priority");
    reglament_error_free(err);
    err = NULL;

    /* queue and compliance: NULL arrays with a count, NULL entries, wrong handle types */
    const reglament_ticket *list[3] = {t, NULL, t};
    EXPECT_ARG(reglament_queue(NULL, 2, order, &order_len, &e_), "null_argument", "tickets");
    EXPECT_ARG(reglament_queue(list, 3, order, &order_len, &e_), "null_argument", "tickets[1]");
    EXPECT_ARG(reglament_queue(list, 1, order, NULL, &e_), "null_argument", "order_len");
    EXPECT_ARG(reglament_queue(list, 1, NULL, &order_len, &e_), "null_argument", "order");
    list[1] = (const reglament_ticket *)(const void *)reg;
    EXPECT_ARG(reglament_queue(list, 3, order, &order_len, &e_), "invalid_argument", "tickets[1]");
    CHECK(order_len == 99);
    CHECK_STATUS(reglament_queue(NULL, 0, NULL, &order_len, &err), err, REGLAMENT_STATUS_OK);
    CHECK(order_len == 0);
    EXPECT_ARG(reglament_compliance_json(NULL, list, 1, NULL, NULL, now, &s, &e_), "null_argument", "regulation");
    EXPECT_ARG(reglament_compliance_json(reg, NULL, 1, NULL, NULL, now, &s, &e_), "null_argument", "tickets");
    EXPECT_ARG(reglament_compliance_json(reg, list, 3, NULL, NULL, now, &s, &e_), "invalid_argument", "tickets[1]");
    EXPECT_ARG(reglament_compliance_json(reg, list, 1, NULL, NULL, now, NULL, &e_), "null_argument", "out");
    CHECK_STATUS(reglament_compliance_json(reg, list, 1, &bad_now[0], NULL, now, &s, &err), err,
                 REGLAMENT_STATUS_OUT_OF_RANGE);
    reglament_error_free(err);
    CHECK_STATUS(reglament_compliance_json(reg, list, 1, NULL, NULL, INT64_MAX, &s, &err), err,
                 REGLAMENT_STATUS_OUT_OF_RANGE);
    reglament_error_free(err);
    CHECK(s == NULL);

    /* explanations and what-if */
    EXPECT_ARG(reglament_ticket_explain_json(NULL, reg, "response", 8, now, &s, &e_), "null_argument", "ticket");
    EXPECT_ARG(reglament_ticket_explain_json(t, NULL, "response", 8, now, &s, &e_), "null_argument", "regulation");
    EXPECT_ARG(reglament_ticket_explain_json(t, reg, "response", 8, now, NULL, &e_), "null_argument", "out");
    EXPECT_ARG(reglament_ticket_explain_json(t, reg, NULL, 8, now, &s, &e_), "null_argument", "metric");
    EXPECT_ARG(reglament_ticket_explain_json(t, reg, "\xe2\x82", 2, now, &s, &e_), "invalid_utf8", "metric");
    CHECK_STATUS(reglament_ticket_explain_json(t, reg, "speed", 5, now, &s, &err), err, REGLAMENT_STATUS_INVALID_INPUT);
    CHECK_STR(reglament_error_field(err), "metric");
    reglament_error_free(err);
    CHECK_STATUS(reglament_ticket_explain_json(t, reg, "response", 8, INT64_MAX, &s, &err), err,
                 REGLAMENT_STATUS_OUT_OF_RANGE);
    reglament_error_free(err);
    err = NULL;
    EXPECT_ARG(reglament_what_if_json(NULL, reg, "T", 1, "[]", 2, NULL, &s, &e_), "null_argument", "a");
    EXPECT_ARG(reglament_what_if_json(reg, NULL, "T", 1, "[]", 2, NULL, &s, &e_), "null_argument", "b");
    EXPECT_ARG(reglament_what_if_json(reg, reg, "T", 1, "[]", 2, NULL, NULL, &e_), "null_argument", "out");
    EXPECT_ARG(reglament_what_if_json(reg, reg, "T", 1, NULL, 2, NULL, &s, &e_), "null_argument", "events_json");
    EXPECT_ARG(reglament_what_if_json(reg, reg, "T", 1, "[\"\xff\"]", 5, NULL, &s, &e_), "invalid_utf8",
               "events_json");
    EXPECT_ARG(reglament_what_if_json(reg, (const reglament_regulation *)(const void *)t, "T", 1, "[]", 2, NULL, &s,
                                      &e_),
               "invalid_argument", "b");
    /* a what-if computes from a whole history: a list with an item that is
       not an event is refused, naming it */
    const char *not_list[] = {"{}", "[", "[1]", "[{\"kind\":\"nope\"}]"};
    for (size_t i = 0; i < 4; i++) {
        CHECK_STATUS(reglament_what_if_json(reg, reg, "T", 1, not_list[i], strlen(not_list[i]), NULL, &s, &err), err,
                     REGLAMENT_STATUS_INVALID_INPUT);
        reglament_error_free(err);
        err = NULL;
    }
    CHECK_STATUS(reglament_what_if_json(reg, reg, "T", 1, "[]", 2, &bad_now[1], &s, &err), err,
                 REGLAMENT_STATUS_OUT_OF_RANGE);
    reglament_error_free(err);
    err = NULL;
    CHECK(s == NULL);

    /* a ticket is not a calendar, a regulation is not a ticket; frees of the wrong type are ignored */
    EXPECT_ARG(reglament_ticket_to_json((const reglament_ticket *)(const void *)reg, NULL, &s, &e_),
               "invalid_argument", "ticket");
    EXPECT_ARG(reglament_ticket_apply(t, (const reglament_regulation *)(const void *)t, ev, strlen(ev), NULL, &e_),
               "invalid_argument", "regulation");
    reglament_ticket_free((reglament_ticket *)(void *)reg);
    reglament_regulation_free((reglament_regulation *)(void *)t);
    reglament_ticket_free(NULL);

    /* clock plans: NULL and foreign handles, NULL outputs, bad instants */
    reglament_clock_plan *plan = NULL;
    EXPECT_ARG(reglament_ticket_clock_plan(NULL, reg, &plan, &e_), "null_argument", "ticket");
    EXPECT_ARG(reglament_ticket_clock_plan(t, NULL, &plan, &e_), "null_argument", "regulation");
    EXPECT_ARG(reglament_ticket_clock_plan(t, reg, NULL, &e_), "null_argument", "out");
    EXPECT_ARG(reglament_clock_plan_valid_from(NULL, &u, &e_), "null_argument", "plan");
    EXPECT_ARG(reglament_clock_plan_clocks_json(NULL, now, &s, &e_), "null_argument", "plan");
    EXPECT_ARG(reglament_clock_plan_summary_json(NULL, now, &s, &e_), "null_argument", "plan");
    EXPECT_ARG(reglament_clock_plan_next_change(NULL, now, &found, &u, &e_), "null_argument", "plan");
    EXPECT_ARG(reglament_clock_plan_clocks_json((const reglament_clock_plan *)(const void *)t, now, &s, &e_),
               "invalid_argument", "plan");
    CHECK_STATUS(reglament_ticket_clock_plan(t, reg, &plan, &err), err, REGLAMENT_STATUS_OK);
    EXPECT_ARG(reglament_clock_plan_valid_from(plan, NULL, &e_), "null_argument", "from");
    EXPECT_ARG(reglament_clock_plan_clocks_json(plan, now, NULL, &e_), "null_argument", "out");
    EXPECT_ARG(reglament_clock_plan_summary_json(plan, now, NULL, &e_), "null_argument", "out");
    EXPECT_ARG(reglament_clock_plan_next_change(plan, now, NULL, &u, &e_), "null_argument", "found");
    EXPECT_ARG(reglament_clock_plan_next_change(plan, now, &found, NULL, &e_), "null_argument", "at");
    EXPECT_ARG(reglament_ticket_to_json((const reglament_ticket *)(const void *)plan, NULL, &s, &e_),
               "invalid_argument", "ticket");
    for (size_t i = 0; i < sizeof bad_now / sizeof bad_now[0]; i++) {
        s = NULL;
        reglament_status st = reglament_clock_plan_clocks_json(plan, bad_now[i], &s, &err);
        CHECK(st == REGLAMENT_STATUS_OUT_OF_RANGE || st == REGLAMENT_STATUS_INVALID_INPUT);
        CHECK(s == NULL && err != NULL);
        reglament_error_free(err);
        err = NULL;
    }
    reglament_ticket_free((reglament_ticket *)(void *)plan);
    reglament_clock_plan_free((reglament_clock_plan *)(void *)t);
    reglament_clock_plan_free(plan);
    CHECK_STATUS(reglament_ticket_to_json(t, NULL, &s, NULL), NULL, REGLAMENT_STATUS_OK);
    reglament_string_free(s);
    reglament_ticket_free(t);
}

/* the error out-parameter is reset on success */
static void error_reset(reglament_calendar *cal) {
    reglament_error *err = NULL;
    int64_t u = 0;
    CHECK_STATUS(reglament_calendar_add(cal, 0, 60, &u, &err), err, REGLAMENT_STATUS_OUT_OF_RANGE);
    reglament_error *first = err;
    CHECK(first != NULL);
    reglament_error_free(first);
    CHECK_STATUS(reglament_calendar_add(cal, 1774594800LL, 60, &u, &err), err, REGLAMENT_STATUS_OK);
    CHECK(err == NULL);
}

int main(void) {
    reglament_calendar *cal = NULL;
    reglament_regulation *reg = NULL;
    CHECK_STATUS(reglament_calendar_default_kyiv(&cal, NULL), NULL, REGLAMENT_STATUS_OK);
    CHECK_STATUS(reglament_regulation_default(&reg, NULL), NULL, REGLAMENT_STATUS_OK);
    null_handles();
    null_outputs(cal, reg);
    bad_text();
    wrong_handles(cal, reg);
    error_reset(cal);
    tickets(reg);
    reglament_calendar_free(cal);
    reglament_regulation_free(reg);
    return check_summary("test_bad_input");
}

/* The defects a hostile C host found (issue 18), one function each. The
 * checks of 1, 2, 3 (a ticket listed many times), 4, 6 and 7 fail on the
 * library before the fix; 5 pins the status its documentation now lists.
 *
 *  1. an error return means nothing changed (apply with a misaligned
 *     outcome pointer used to apply the event anyway);
 *  2. reglament_queue with a ticket listed twice gives both indices;
 *  3. reglament_queue on 100,000 tickets: one sort (the time is measured by
 *     the criterion bench, not here; this checks the order at that size);
 *  4. a misaligned err pointer is INVALID_ARGUMENT, and nothing happens;
 *  5. reglament_calendar_from_json on a calendar without working time
 *     returns the documented NO_WORKING_TIME, with its code;
 *  6. a refusal's messages start with its field path; the outcome JSON and
 *     the error JSON both carry "field" (null when none); replay steps have
 *     the documented keys;
 *  7. a 10 MB zone name, event kind, action name or key gives a short
 *     message, the cut marked;
 *  8. the header: test_header.c, compiled as C89/C99/C11/C2x and C++. */
#include <stdint.h>
#include <stdlib.h>

#include "check.h"

#define ACTOR_OP "\"actor\":{\"id\":\"op-1\",\"role\":\"operator\"}"
#define REGISTER(at, priority)                                                          \
    "{\"kind\":\"register\",\"at\":\"" at "\"," ACTOR_OP ",\"channel\":\"phone\","     \
    "\"reason\":\"software_failure\",\"description\":\"Invoice form hangs\","          \
    "\"conditions\":\"Save with 300 lines\",\"priority\":\"" priority "\",\"category\":\"incident\"}"

static reglament_regulation *reg;

static reglament_status apply(reglament_ticket *t, const char *event, char **outcome, reglament_error **err) {
    return reglament_ticket_apply(t, reg, event, strlen(event), outcome, err);
}

static reglament_request_status status_of(const reglament_ticket *t) {
    reglament_request_status s = REGLAMENT_REQUEST_STATUS_ARCHIVED;
    CHECK_STATUS(reglament_ticket_status(t, &s, NULL), NULL, REGLAMENT_STATUS_OK);
    return s;
}

/* 1 */
static void an_error_return_changes_nothing(void) {
    reglament_ticket *t = NULL;
    reglament_error *err = NULL;
    char *slots[2] = {NULL, NULL};
    char **misaligned = (char **)(void *)((char *)slots + 1);
    CHECK_STATUS(reglament_ticket_new("T-1", 3, &t, NULL), NULL, REGLAMENT_STATUS_OK);
    CHECK_STATUS(apply(t, REGISTER("2026-03-02T10:00:00+02:00", "high"), misaligned, &err), err,
                 REGLAMENT_STATUS_INVALID_ARGUMENT);
    CHECK_STR(reglament_error_field(err), "outcome");
    reglament_error_free(err);
    CHECK(status_of(t) == REGLAMENT_REQUEST_STATUS_NONE);
    CHECK(slots[0] == NULL && slots[1] == NULL);
    /* the same call with a good pointer is accepted: the first one did nothing */
    CHECK_STATUS(apply(t, REGISTER("2026-03-02T10:00:00+02:00", "high"), NULL, &err), err, REGLAMENT_STATUS_OK);
    CHECK(status_of(t) == REGLAMENT_REQUEST_STATUS_BACKLOG);

    /* replay with a misaligned steps pointer: no ticket is made */
    reglament_ticket *out = NULL;
    const char *events = "[]";
    CHECK_STATUS(reglament_ticket_replay(reg, "R", 1, events, 2, &out, misaligned, &err), err,
                 REGLAMENT_STATUS_INVALID_ARGUMENT);
    CHECK_STR(reglament_error_field(err), "steps");
    reglament_error_free(err);
    CHECK(out == NULL);
    reglament_ticket_free(t);
}

/* 2 */
static void queue_with_a_ticket_listed_twice(void) {
    reglament_ticket *a = NULL, *b = NULL;
    CHECK_STATUS(reglament_ticket_new("A", 1, &a, NULL), NULL, REGLAMENT_STATUS_OK);
    CHECK_STATUS(reglament_ticket_new("B", 1, &b, NULL), NULL, REGLAMENT_STATUS_OK);
    CHECK_STATUS(apply(a, REGISTER("2026-03-02T10:00:00+02:00", "low"), NULL, NULL), NULL, REGLAMENT_STATUS_OK);
    CHECK_STATUS(apply(b, REGISTER("2026-03-02T11:00:00+02:00", "critical"), NULL, NULL), NULL, REGLAMENT_STATUS_OK);
    const reglament_ticket *list[3] = {a, b, a};
    size_t order[3] = {9, 9, 9}, n = 0;
    CHECK_STATUS(reglament_queue(list, 3, order, &n, NULL), NULL, REGLAMENT_STATUS_OK);
    CHECK_I64(n, 3);
    CHECK_I64(order[0], 1); /* B: critical */
    CHECK_I64(order[1], 0); /* A, first listing */
    CHECK_I64(order[2], 2); /* A, second listing */

    /* a NULL order with tickets to order is refused before anything */
    n = 7;
    CHECK_STATUS(reglament_queue(list, 3, NULL, &n, NULL), NULL, REGLAMENT_STATUS_INVALID_ARGUMENT);
    CHECK_I64(n, 7);
    /* a bad element is named by its index */
    reglament_error *err = NULL;
    const reglament_ticket *bad[3] = {a, NULL, b};
    CHECK_STATUS(reglament_queue(bad, 3, order, &n, &err), err, REGLAMENT_STATUS_INVALID_ARGUMENT);
    CHECK_STR(reglament_error_field(err), "tickets[1]");
    CHECK(str_contains(reglament_error_message(err), "tickets[1]: "));
    reglament_error_free(err);
    reglament_ticket_free(a);
    reglament_ticket_free(b);
}

/* 3 */
static void queue_of_many_tickets(void) {
    enum { DISTINCT = 64, COUNT = 100000 };
    static const char *const priorities[4] = {"low", "medium", "high", "critical"};
    reglament_ticket *distinct[DISTINCT];
    const reglament_ticket **list = malloc(COUNT * sizeof *list);
    size_t *order = malloc(COUNT * sizeof *order);
    size_t n = 0, i;
    char id[16], event[512];
    CHECK(list != NULL && order != NULL);
    if (list == NULL || order == NULL) {
        free(list);
        free(order);
        return;
    }
    for (i = 0; i < DISTINCT; i++) {
        snprintf(id, sizeof id, "Q-%02u", (unsigned)i);
        snprintf(event, sizeof event,
                 "{\"kind\":\"register\",\"at\":\"2026-03-02T10:%02u:00+02:00\"," ACTOR_OP
                 ",\"channel\":\"phone\",\"reason\":\"question\",\"description\":\"d\",\"conditions\":\"c\","
                 "\"priority\":\"%s\",\"category\":\"consultation\"}",
                 (unsigned)(59 - i % 60), priorities[i % 4]);
        distinct[i] = NULL;
        CHECK_STATUS(reglament_ticket_new(id, strlen(id), &distinct[i], NULL), NULL, REGLAMENT_STATUS_OK);
        CHECK_STATUS(apply(distinct[i], event, NULL, NULL), NULL, REGLAMENT_STATUS_OK);
    }
    for (i = 0; i < COUNT; i++) {
        list[i] = distinct[(i * 7) % DISTINCT];
    }
    CHECK_STATUS(reglament_queue(list, COUNT, order, &n, NULL), NULL, REGLAMENT_STATUS_OK);
    CHECK_I64(n, COUNT);
    /* every index once; the listings of one ticket adjacent, by index */
    {
        unsigned char *seen = calloc(COUNT, 1);
        int each_once = seen != NULL, by_index = 1;
        size_t changes = 0;
        for (i = 0; seen != NULL && i < n; i++) {
            if (order[i] >= COUNT || seen[order[i]]) {
                each_once = 0;
                break;
            }
            seen[order[i]] = 1;
            if (i > 0 && list[order[i]] != list[order[i - 1]]) {
                changes++;
            } else if (i > 0 && order[i] < order[i - 1]) {
                by_index = 0;
            }
        }
        CHECK(each_once);
        CHECK(by_index);
        CHECK_I64(changes, DISTINCT - 1);
        free(seen);
    }
    /* the first is a critical one, the last a low one */
    {
        char *json = NULL;
        CHECK_STATUS(reglament_ticket_to_json(list[order[0]], NULL, &json, NULL), NULL, REGLAMENT_STATUS_OK);
        CHECK(str_contains(json, "\"priority\":\"critical\""));
        reglament_string_free(json);
        CHECK_STATUS(reglament_ticket_to_json(list[order[n - 1]], NULL, &json, NULL), NULL, REGLAMENT_STATUS_OK);
        CHECK(str_contains(json, "\"priority\":\"low\""));
        reglament_string_free(json);
    }
    for (i = 0; i < DISTINCT; i++) {
        reglament_ticket_free(distinct[i]);
    }
    free(list);
    free(order);
}

/* 4 */
static void a_misaligned_err_pointer(void) {
    reglament_calendar *cal = NULL;
    reglament_error *slots[2] = {NULL, NULL};
    reglament_error **misaligned = (reglament_error **)(void *)((char *)slots + 1);
    int64_t out = 42;
    CHECK_STATUS(reglament_calendar_default_kyiv(&cal, NULL), NULL, REGLAMENT_STATUS_OK);
    /* a valid call: refused, and nothing written */
    CHECK_STATUS(reglament_calendar_add(cal, 1774594800, 3600, &out, misaligned), NULL,
                 REGLAMENT_STATUS_INVALID_ARGUMENT);
    CHECK_I64(out, 42);
    CHECK(slots[0] == NULL && slots[1] == NULL);
    /* an apply: refused before the event is looked at */
    {
        reglament_ticket *t = NULL;
        CHECK_STATUS(reglament_ticket_new("T", 1, &t, NULL), NULL, REGLAMENT_STATUS_OK);
        CHECK_STATUS(apply(t, REGISTER("2026-03-02T10:00:00+02:00", "high"), NULL, misaligned), NULL,
                     REGLAMENT_STATUS_INVALID_ARGUMENT);
        CHECK(status_of(t) == REGLAMENT_REQUEST_STATUS_NONE);
        reglament_ticket_free(t);
    }
    reglament_calendar_free(cal);
}

/* 5 */
static void a_calendar_without_working_time(void) {
    const char *json = "{\"timezone\":\"UTC\",\"week\":{}}";
    reglament_calendar *cal = NULL;
    reglament_error *err = NULL;
    reglament_status st = reglament_calendar_from_json(json, strlen(json), &cal, &err);
    /* the documented statuses of reglament_calendar_from_json */
    switch (st) {
    case REGLAMENT_STATUS_INVALID_ARGUMENT:
    case REGLAMENT_STATUS_INVALID_INPUT:
    case REGLAMENT_STATUS_NO_WORKING_TIME:
        check_passed++;
        break;
    case REGLAMENT_STATUS_OK:
    case REGLAMENT_STATUS_OUT_OF_RANGE:
    case REGLAMENT_STATUS_REFUSED:
    case REGLAMENT_STATUS_PANIC:
    default:
        check_failed++;
        fprintf(stderr, "%s:%d: undocumented status %s\n", __FILE__, __LINE__, reglament_status_name(st));
    }
    CHECK(st == REGLAMENT_STATUS_NO_WORKING_TIME);
    CHECK_STR(reglament_error_code(err), "no_working_time");
    CHECK(cal == NULL);
    reglament_error_free(err);
}

/* 6 */
static void refusals_name_their_field(void) {
    reglament_ticket *t = NULL;
    reglament_error *err = NULL;
    char *outcome = NULL, *steps = NULL;
    const char *teleport = "{\"kind\":\"perform_action\",\"at\":\"2026-03-02T10:06:00+02:00\"," ACTOR_OP
                           ",\"action\":\"teleport\"}";
    const char *archive = "{\"kind\":\"archive\",\"at\":\"2026-03-02T10:20:00+02:00\"," ACTOR_OP "}";
    CHECK_STATUS(reglament_ticket_new("T", 1, &t, NULL), NULL, REGLAMENT_STATUS_OK);
    CHECK_STATUS(apply(t, REGISTER("2026-03-02T10:00:00+02:00", "high"), NULL, NULL), NULL, REGLAMENT_STATUS_OK);

    CHECK_STATUS(apply(t, teleport, &outcome, &err), err, REGLAMENT_STATUS_REFUSED);
    CHECK_STR(reglament_error_field(err), "action");
    CHECK(strncmp(reglament_error_message(err), "action: ", 8) == 0);
    CHECK(strncmp(reglament_error_message_uk(err), "action: ", 8) == 0);
    CHECK(str_contains(outcome, "\"field\":\"action\""));
    CHECK(str_contains(reglament_error_json(err), "\"field\":\"action\""));
    reglament_string_free(outcome);
    reglament_error_free(err);

    /* no field: null in both JSON documents, no prefix */
    CHECK_STATUS(apply(t, archive, &outcome, &err), err, REGLAMENT_STATUS_REFUSED);
    CHECK(reglament_error_field(err) == NULL);
    CHECK(str_contains(outcome, "\"field\":null"));
    CHECK(str_contains(reglament_error_json(err), "\"field\":null"));
    CHECK(!str_contains(reglament_error_message(err), "null: ") && reglament_error_message(err)[0] != ':');
    reglament_string_free(outcome);
    reglament_error_free(err);

    /* replay steps: the documented keys */
    {
        char events[1024];
        reglament_ticket *r = NULL;
        snprintf(events, sizeof events, "[%s,%s]", REGISTER("2026-03-02T10:00:00+02:00", "high"), archive);
        CHECK_STATUS(reglament_ticket_replay(reg, "R", 1, events, strlen(events), &r, &steps, &err), err,
                     REGLAMENT_STATUS_OK);
        /* keys as documented: index, kind, at, accepted, status, and warnings or refusal */
        CHECK(str_contains(steps, "\"index\":0,") && str_contains(steps, "\"index\":1,"));
        CHECK(str_contains(steps, "\"kind\":\"register\"") && str_contains(steps, "\"kind\":\"archive\""));
        CHECK(str_contains(steps, "\"at\":\"2026-03-02T08:20:00Z\""));
        CHECK(str_contains(steps, "\"accepted\":true") && str_contains(steps, "\"accepted\":false"));
        CHECK(str_contains(steps, "\"status\":\"backlog\""));
        CHECK(str_contains(steps, "\"warnings\":[]") && str_contains(steps, "\"refusal\":{"));
        CHECK(str_contains(steps, "\"field\":null"));
        CHECK(!str_contains(steps, "\"outcome\""));
        reglament_string_free(steps);
        reglament_ticket_free(r);
    }
    reglament_ticket_free(t);
}

/* 7: a 10 MB piece of input is quoted at most ~200 characters, the cut marked */
static char *filled(const char *before, size_t n, const char *after) {
    size_t lb = strlen(before), la = strlen(after);
    char *s = malloc(lb + n + la + 1);
    if (s != NULL) {
        memcpy(s, before, lb);
        memset(s + lb, 'Z', n);
        memcpy(s + lb + n, after, la + 1);
    }
    return s;
}

static void expect_short(reglament_status st, reglament_error *err, reglament_status expected, int line) {
    const char *m = err ? reglament_error_message(err) : NULL;
    const char *j = err ? reglament_error_json(err) : NULL;
    if (st != expected || m == NULL || strlen(m) > 1000 || j == NULL || strlen(j) > 3000 ||
        !str_contains(m, "more characters cut]")) {
        check_failed++;
        fprintf(stderr, "%s:%d: status %s, message of %zu bytes: %.300s\n", __FILE__, line, reglament_status_name(st),
                m ? strlen(m) : 0, m ? m : "(none)");
    } else {
        check_passed++;
    }
    reglament_error_free(err);
}

/* the call first, then the error it stored */
#define EXPECT_SHORT(call, expected)                                                    \
    do {                                                                                \
        reglament_status st_ = (call);                                                  \
        expect_short(st_, err, expected, __LINE__);                                     \
    } while (0)

static void untrusted_input_is_cut(void) {
    enum { HUGE = 10 * 1000 * 1000 };
    reglament_error *err = NULL;
    char *s;
    /* a zone name */
    s = filled("{\"timezone\":\"", HUGE, "\",\"week\":{\"mon\":[[\"09:00\",\"18:00\"]]}}");
    if (s != NULL) {
        reglament_calendar *cal = NULL;
        EXPECT_SHORT(reglament_calendar_from_json(s, strlen(s), &cal, &err), REGLAMENT_STATUS_INVALID_INPUT);
        free(s);
    }
    /* an unknown key (in the message and the field path) */
    s = filled("{\"timezone\":\"UTC\",\"", HUGE, "\":1}");
    if (s != NULL) {
        reglament_calendar *cal = NULL;
        reglament_status st = reglament_calendar_from_json(s, strlen(s), &cal, &err);
        CHECK(err != NULL && strlen(reglament_error_field(err)) < 400);
        expect_short(st, err, REGLAMENT_STATUS_INVALID_INPUT, __LINE__);
        free(s);
    }
    /* an event kind, and an instant */
    s = filled("{\"kind\":\"", HUGE, "\",\"at\":\"2026-03-02T10:00:00Z\"," ACTOR_OP "}");
    if (s != NULL) {
        reglament_ticket *t = NULL;
        CHECK_STATUS(reglament_ticket_new("T", 1, &t, NULL), NULL, REGLAMENT_STATUS_OK);
        EXPECT_SHORT(apply(t, s, NULL, &err), REGLAMENT_STATUS_INVALID_INPUT);
        reglament_ticket_free(t);
        free(s);
    }
    s = filled("", HUGE, "");
    if (s != NULL) {
        int64_t out = 0;
        EXPECT_SHORT(reglament_instant_parse(s, strlen(s), &out, &err), REGLAMENT_STATUS_INVALID_INPUT);
        free(s);
    }
    /* an action name in a refusal, both languages and the outcome */
    s = filled("{\"kind\":\"perform_action\",\"at\":\"2026-03-02T10:06:00+02:00\"," ACTOR_OP ",\"action\":\"", HUGE,
               "\"}");
    if (s != NULL) {
        reglament_ticket *t = NULL;
        char *outcome = NULL;
        reglament_status st;
        CHECK_STATUS(reglament_ticket_new("T", 1, &t, NULL), NULL, REGLAMENT_STATUS_OK);
        CHECK_STATUS(apply(t, REGISTER("2026-03-02T10:00:00+02:00", "high"), NULL, NULL), NULL, REGLAMENT_STATUS_OK);
        st = apply(t, s, &outcome, &err);
        CHECK(outcome != NULL && strlen(outcome) < 4000);
        CHECK(err != NULL && strlen(reglament_error_message_uk(err)) < 1500);
        expect_short(st, err, REGLAMENT_STATUS_REFUSED, __LINE__);
        reglament_string_free(outcome);
        reglament_ticket_free(t);
        free(s);
    }
}

int main(void) {
    CHECK_STATUS(reglament_regulation_default(&reg, NULL), NULL, REGLAMENT_STATUS_OK);
    an_error_return_changes_nothing();
    queue_with_a_ticket_listed_twice();
    queue_of_many_tickets();
    a_misaligned_err_pointer();
    a_calendar_without_working_time();
    refusals_name_their_field();
    untrusted_input_is_cut();
    reglament_regulation_free(reg);
    return check_summary("test_defects");
}

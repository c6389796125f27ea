/* Tickets through the C API: apply (accepted, refused, malformed), check,
 * clone, replay, state at `now`, SLA clocks and the next change, clock
 * plans, the queue,
 * compliance, the rule queries, and one regulation shared by threads that
 * each drive their own ticket. (Every conformance vector runs in
 * test_vectors.c.) */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>

#include "check.h"

#define ACTOR_OP "\"actor\":{\"id\":\"op-1\",\"role\":\"operator\"}"
#define ACTOR_CONS "\"actor\":{\"id\":\"c-1\",\"role\":\"consultant\"}"
#define REGISTER(at, priority)                                                          \
    "{\"kind\":\"register\",\"at\":\"" at "\"," ACTOR_OP ",\"channel\":\"phone\","     \
    "\"reason\":\"software_failure\",\"description\":\"Invoice form hangs\","          \
    "\"conditions\":\"Save with 300 lines\",\"priority\":\"" priority "\",\"category\":\"incident\"}"

static reglament_regulation *reg;

static reglament_status apply(reglament_ticket *t, const char *event, char **outcome, reglament_error **err) {
    return reglament_ticket_apply(t, reg, event, strlen(event), outcome, err);
}

static void apply_and_refuse(void) {
    reglament_ticket *t = NULL;
    reglament_error *err = NULL;
    char *outcome = NULL, *state = NULL;
    CHECK_STATUS(reglament_ticket_new("T-1", 3, &t, &err), err, REGLAMENT_STATUS_OK);

    /* before registration: refused, 3.2 not_registered */
    const char *start = "{\"kind\":\"start_work\",\"at\":\"2026-03-02T10:10:00+02:00\"," ACTOR_CONS "}";
    CHECK_STATUS(apply(t, start, &outcome, &err), err, REGLAMENT_STATUS_REFUSED);
    CHECK_STR(reglament_error_clause(err), "3.2");
    CHECK_STR(reglament_error_code(err), "not_registered");
    CHECK(reglament_error_status(err) == REGLAMENT_STATUS_REFUSED);
    CHECK(str_contains(outcome, "\"accepted\":false"));
    CHECK(str_contains(reglament_error_json(err), "\"refusal\":{"));
    reglament_string_free(outcome);
    reglament_error_free(err);

    CHECK_STATUS(apply(t, REGISTER("2026-03-02T10:00:00+02:00", "high"), &outcome, &err), err, REGLAMENT_STATUS_OK);
    CHECK(err == NULL);
    CHECK_STR(outcome, "{\"accepted\":true,\"warnings\":[]}");
    reglament_string_free(outcome);

    /* check: would be accepted, the ticket does not change */
    CHECK_STATUS(reglament_ticket_check(t, reg, start, strlen(start), &outcome, &err), err, REGLAMENT_STATUS_OK);
    reglament_string_free(outcome);
    CHECK_STATUS(reglament_ticket_to_json(t, NULL, &state, &err), err, REGLAMENT_STATUS_OK);
    CHECK(str_contains(state, "\"status\":\"backlog\""));
    reglament_string_free(state);

    /* a clone is independent */
    reglament_ticket *copy = NULL;
    CHECK_STATUS(reglament_ticket_clone(t, &copy, &err), err, REGLAMENT_STATUS_OK);
    CHECK_STATUS(apply(copy, start, NULL, &err), err, REGLAMENT_STATUS_OK);
    CHECK_STATUS(reglament_ticket_to_json(copy, NULL, &state, &err), err, REGLAMENT_STATUS_OK);
    CHECK(str_contains(state, "\"status\":\"in_progress\""));
    reglament_string_free(state);
    CHECK_STATUS(reglament_ticket_to_json(t, NULL, &state, &err), err, REGLAMENT_STATUS_OK);
    CHECK(str_contains(state, "\"status\":\"backlog\""));
    reglament_string_free(state);
    reglament_ticket_free(copy);

    /* an illegal transition: archive from Backlog, clause 3.6 */
    const char *archive = "{\"kind\":\"archive\",\"at\":\"2026-03-02T10:20:00+02:00\"," ACTOR_OP "}";
    CHECK_STATUS(apply(t, archive, NULL, &err), err, REGLAMENT_STATUS_REFUSED);
    CHECK_STR(reglament_error_clause(err), "3.6");
    CHECK_STR(reglament_error_code(err), "wrong_status");
    CHECK(reglament_error_message_uk(err) != NULL && !str_eq(reglament_error_message_uk(err), reglament_error_message(err)));
    reglament_error_free(err);

    /* staff acting on Saturday: accepted with a warning */
    const char *comment = "{\"kind\":\"comment\",\"at\":\"2026-03-07T11:00:00+02:00\"," ACTOR_OP ",\"text\":\"x\"}";
    CHECK_STATUS(apply(t, comment, &outcome, &err), err, REGLAMENT_STATUS_OK);
    CHECK(str_contains(outcome, "\"code\":\"outside_working_hours\""));
    reglament_string_free(outcome);

    /* time never goes backwards (§2) */
    CHECK_STATUS(apply(t, start, NULL, &err), err, REGLAMENT_STATUS_REFUSED);
    CHECK_STR(reglament_error_code(err), "time_went_backwards");
    CHECK_STR(reglament_error_clause(err), "§2");
    reglament_error_free(err);

    /* the state at `now` says whether the ticket is archivable */
    int64_t now = 1772445600LL; /* 2026-03-02T10:00:00Z */
    CHECK_STATUS(reglament_ticket_to_json(t, &now, &state, &err), err, REGLAMENT_STATUS_OK);
    CHECK(str_contains(state, "\"archivable\":false"));
    CHECK(str_contains(state, "\"id\":\"T-1\""));
    reglament_string_free(state);
    reglament_ticket_free(t);
}

static void clocks_and_next_change(void) {
    reglament_ticket *t = NULL;
    reglament_error *err = NULL;
    char *clocks = NULL;
    CHECK_STATUS(reglament_ticket_new("T-2", 3, &t, &err), err, REGLAMENT_STATUS_OK);
    /* a critical incident at Monday 10:00 Kyiv: response 30 working minutes */
    CHECK_STATUS(apply(t, REGISTER("2026-03-02T10:00:00+02:00", "critical"), NULL, &err), err, REGLAMENT_STATUS_OK);
    int64_t now = 1772438400LL; /* 2026-03-02T08:00:00Z = 10:00 Kyiv */
    CHECK_STATUS(reglament_ticket_clocks_json(t, reg, now, &clocks, &err), err, REGLAMENT_STATUS_OK);
    CHECK(str_contains(clocks, "\"response\":{"));
    CHECK(str_contains(clocks, "\"state\":\"running\""));
    CHECK(str_contains(clocks, "\"due_at\":\"2026-03-02T08:30:00Z\""));
    reglament_string_free(clocks);
    char *x = NULL;
    /* half an hour later: the explanation counts exactly the consumed time */
    CHECK_STATUS(reglament_ticket_explain_json(t, reg, "response", 8, now + 1800, &x, &err), err, REGLAMENT_STATUS_OK);
    CHECK(str_contains(x, "\"counted\":[{"));
    CHECK(str_contains(x, "\"consumed\":1800"));
    CHECK(str_contains(x, "\"uk\":["));
    reglament_string_free(x);
    bool found = false;
    int64_t at = 0;
    CHECK_STATUS(reglament_ticket_next_change(t, reg, now, &found, &at, &err), err, REGLAMENT_STATUS_OK);
    CHECK(found);
    CHECK_I64(at, now + 1350); /* 75 % of 30 minutes: 10:22:30 Kyiv */
    reglament_ticket_free(t);

    /* an unregistered ticket has nothing scheduled, or says why not */
    CHECK_STATUS(reglament_ticket_new("T-3", 3, &t, &err), err, REGLAMENT_STATUS_OK);
    at = 42;
    reglament_status st = reglament_ticket_next_change(t, reg, now, &found, &at, &err);
    CHECK(st == REGLAMENT_STATUS_OK ? (!found && at == 42) : err != NULL);
    reglament_error_free(err);
    reglament_ticket_free(t);
}

/* A clock plan reads what the ticket gives from its last event on, refuses
 * earlier instants, and outlives the ticket it was made from. */
static void clock_plan(void) {
    reglament_ticket *t = NULL;
    reglament_clock_plan *plan = NULL;
    reglament_error *err = NULL;
    CHECK_STATUS(reglament_ticket_new("T-P", 3, &t, &err), err, REGLAMENT_STATUS_OK);
    CHECK_STATUS(apply(t, REGISTER("2026-03-02T10:00:00+02:00", "critical"), NULL, &err), err, REGLAMENT_STATUS_OK);
    CHECK_STATUS(reglament_ticket_clock_plan(t, reg, &plan, &err), err, REGLAMENT_STATUS_OK);
    int64_t from = 0;
    CHECK_STATUS(reglament_clock_plan_valid_from(plan, &from, &err), err, REGLAMENT_STATUS_OK);
    CHECK_I64(from, 1772438400LL); /* the registration: 10:00 Kyiv */
    /* at the registration, the thresholds, the due instant, the breach, a week later */
    const int64_t offsets[] = {0, 1349, 1350, 1351, 1620, 1800, 1801, 7 * 86400};
    for (size_t i = 0; i < sizeof offsets / sizeof offsets[0]; i++) {
        int64_t now = from + offsets[i];
        char *a = NULL, *b = NULL;
        CHECK_STATUS(reglament_clock_plan_clocks_json(plan, now, &a, &err), err, REGLAMENT_STATUS_OK);
        CHECK_STATUS(reglament_ticket_clocks_json(t, reg, now, &b, &err), err, REGLAMENT_STATUS_OK);
        CHECK(a && b && strcmp(a, b) == 0);
        reglament_string_free(a);
        reglament_string_free(b);
        bool f1 = false, f2 = false;
        int64_t at1 = -1, at2 = -1;
        CHECK_STATUS(reglament_clock_plan_next_change(plan, now, &f1, &at1, &err), err, REGLAMENT_STATUS_OK);
        CHECK_STATUS(reglament_ticket_next_change(t, reg, now, &f2, &at2, &err), err, REGLAMENT_STATUS_OK);
        CHECK(f1 == f2 && at1 == at2);
    }
    char *summary = NULL;
    CHECK_STATUS(reglament_clock_plan_summary_json(plan, from + 1801, &summary, &err), err, REGLAMENT_STATUS_OK);
    CHECK(str_contains(summary, "\"state\":\"breached\""));
    CHECK(str_contains(summary, "\"thresholds\":[]"));
    reglament_string_free(summary);
    /* before the last event: refused, naming `now` */
    char *early = NULL;
    CHECK_STATUS(reglament_clock_plan_clocks_json(plan, from - 1, &early, &err), err, REGLAMENT_STATUS_INVALID_INPUT);
    CHECK_STR(reglament_error_code(err), "conflict");
    CHECK_STR(reglament_error_field(err), "now");
    CHECK(early == NULL);
    reglament_error_free(err);
    err = NULL;
    /* the plan holds no pointer to the ticket */
    reglament_ticket_free(t);
    bool found = false;
    int64_t at = 0;
    CHECK_STATUS(reglament_clock_plan_next_change(plan, from, &found, &at, &err), err, REGLAMENT_STATUS_OK);
    CHECK(found);
    CHECK_I64(at, from + 1350);
    reglament_clock_plan_free(plan);
    reglament_clock_plan_free(NULL);

    /* an unregistered ticket has no plan */
    CHECK_STATUS(reglament_ticket_new("T-Q", 3, &t, &err), err, REGLAMENT_STATUS_OK);
    plan = NULL;
    CHECK_STATUS(reglament_ticket_clock_plan(t, reg, &plan, &err), err, REGLAMENT_STATUS_INVALID_INPUT);
    CHECK_STR(reglament_error_code(err), "conflict");
    CHECK(plan == NULL);
    reglament_error_free(err);
    reglament_ticket_free(t);
}

static void replay_queue_compliance(void) {
    reglament_error *err = NULL;
    char *steps = NULL;
    reglament_ticket *a = NULL, *b = NULL, *c = NULL;
    const char *history_a = "[" REGISTER("2026-03-02T10:00:00+02:00", "low") "]";
    const char *history_b = "[" REGISTER("2026-03-02T11:00:00+02:00", "critical") "]";
    const char *history_c = "[" REGISTER("2026-03-02T09:00:00+02:00", "high") ","
                            "{\"kind\":\"release\",\"at\":\"2026-03-02T12:00:00+02:00\"," ACTOR_OP "},"
                            "{\"kind\":\"archive\",\"at\":\"2026-03-02T12:01:00+02:00\"," ACTOR_OP "}]";
    CHECK_STATUS(reglament_ticket_replay(reg, "A", 1, history_a, strlen(history_a), &a, NULL, &err), err,
                 REGLAMENT_STATUS_OK);
    CHECK_STATUS(reglament_ticket_replay(reg, "B", 1, history_b, strlen(history_b), &b, NULL, &err), err,
                 REGLAMENT_STATUS_OK);
    /* a refused event is part of the replay, not a failure */
    CHECK_STATUS(reglament_ticket_replay(reg, "C", 1, history_c, strlen(history_c), &c, &steps, &err), err,
                 REGLAMENT_STATUS_OK);
    CHECK(str_contains(steps, "\"archive_too_early\""));
    CHECK(str_contains(steps, "\"steps\":["));
    reglament_string_free(steps);

    const reglament_ticket *all[3] = {a, b, c};
    size_t order[3] = {9, 9, 9}, n = 0;
    CHECK_STATUS(reglament_queue(all, 3, order, &n, &err), err, REGLAMENT_STATUS_OK);
    CHECK(n == 2); /* C is released: not waiting */
    CHECK(order[0] == 1 && order[1] == 0);

    char *report = NULL;
    int64_t now = 1772467200LL; /* 2026-03-02T16:00:00Z */
    int64_t from = 1772402400LL; /* 2026-03-01T22:00:00Z */
    CHECK_STATUS(reglament_compliance_json(reg, all, 3, &from, NULL, now, &report, &err), err, REGLAMENT_STATUS_OK);
    CHECK(str_contains(report, "\"tickets\":3"));
    CHECK(str_contains(report, "\"rows\":["));
    reglament_string_free(report);
    CHECK_STATUS(reglament_compliance_json(reg, NULL, 0, NULL, NULL, now, &report, &err), err, REGLAMENT_STATUS_OK);
    CHECK(str_contains(report, "\"tickets\":0"));
    reglament_string_free(report);

    reglament_ticket_free(a);
    reglament_ticket_free(b);
    reglament_ticket_free(c);
}

static void what_if(void) {
    reglament_error *err = NULL;
    reglament_regulation *long_days = NULL;
    char *report = NULL;
    const char *over = "{\"calendar\":{\"week\":{\"mon\":[[\"08:00\",\"20:00\"]]}}}";
    const char *history = "[" REGISTER("2026-03-02T10:00:00+02:00", "high") "]";
    int64_t now = 1772445600LL; /* 2026-03-02T10:00:00Z = 12:00 Kyiv */
    CHECK_STATUS(reglament_regulation_with_overrides(over, strlen(over), &long_days, &err), err, REGLAMENT_STATUS_OK);
    CHECK_STATUS(reglament_what_if_json(reg, long_days, "T", 1, history, strlen(history), &now, &report, &err), err,
                 REGLAMENT_STATUS_OK);
    CHECK(str_contains(report, "\"field\":\"due_at\""));
    reglament_string_free(report);
    reglament_regulation_free(long_days);
}

static void rule_queries(void) {
    reglament_error *err = NULL;
    int64_t due = 0;
    /* released Tuesday 2026-10-20 12:00 Kyiv (summer): archived 10 calendar days later, 12:00 Kyiv (winter) */
    CHECK_STATUS(reglament_regulation_archive_due(reg, 1792486800LL, &due, &err), err, REGLAMENT_STATUS_OK);
    CHECK_I64(due, 1793354400LL);
    /* a contact replaced Friday 14:00 Kyiv: notify by Tuesday 18:00 */
    CHECK_STATUS(reglament_regulation_contact_change_notice_due(reg, 1774612800LL, &due, &err), err,
                 REGLAMENT_STATUS_OK);
    CHECK_I64(due, 1774969200LL);
    bool must = false;
    CHECK_STATUS(reglament_must_register("incident", 8, "high", 4, true, &must, &err), err, REGLAMENT_STATUS_OK);
    CHECK(must);
    CHECK_STATUS(reglament_must_register(NULL, 0, "medium", 6, true, &must, &err), err, REGLAMENT_STATUS_OK);
    CHECK(!must);

    /* what if the archive delay were one day */
    reglament_regulation *short_delay = NULL;
    const char *over = "{\"archive_after\":{\"amount\":1}}";
    CHECK_STATUS(reglament_regulation_with_overrides(over, strlen(over), &short_delay, &err), err, REGLAMENT_STATUS_OK);
    CHECK_STATUS(reglament_regulation_archive_due(short_delay, 1792486800LL, &due, &err), err, REGLAMENT_STATUS_OK);
    CHECK_I64(due, 1792486800LL + 86400);
    reglament_regulation_free(short_delay);
}

struct worker {
    int index;
    int failures;
};

/* each thread drives its own ticket; the regulation is shared */
static void *worker_run(void *arg) {
    struct worker *w = arg;
    char id[16];
    snprintf(id, sizeof id, "W-%d", w->index);
    for (int round = 0; round < 20; round++) {
        reglament_ticket *t = NULL;
        if (reglament_ticket_new(id, strlen(id), &t, NULL) != REGLAMENT_STATUS_OK) {
            w->failures++;
            continue;
        }
        const char *events[] = {
            REGISTER("2026-03-02T10:00:00+02:00", "high"),
            "{\"kind\":\"start_work\",\"at\":\"2026-03-02T10:10:00+02:00\"," ACTOR_CONS "}",
            "{\"kind\":\"complete\",\"at\":\"2026-03-02T12:00:00+02:00\"," ACTOR_CONS "}",
            "{\"kind\":\"release\",\"at\":\"2026-03-02T13:00:00+02:00\"," ACTOR_CONS "}",
        };
        for (size_t i = 0; i < 4; i++) {
            if (apply(t, events[i], NULL, NULL) != REGLAMENT_STATUS_OK) {
                w->failures++;
            }
        }
        char *clocks = NULL;
        if (reglament_ticket_clocks_json(t, reg, 1772456400LL, &clocks, NULL) != REGLAMENT_STATUS_OK ||
            !str_contains(clocks, "\"status\":\"release\"")) {
            w->failures++;
        }
        reglament_string_free(clocks);
        reglament_ticket_free(t);
    }
    return NULL;
}

static void threads(void) {
    enum { N = 4 };
    pthread_t th[N];
    struct worker w[N];
    for (int i = 0; i < N; i++) {
        w[i].index = i;
        w[i].failures = 0;
        CHECK(pthread_create(&th[i], NULL, worker_run, &w[i]) == 0);
    }
    for (int i = 0; i < N; i++) {
        CHECK(pthread_join(th[i], NULL) == 0);
        CHECK(w[i].failures == 0);
    }
}

int main(void) {
    reglament_error *err = NULL;
    CHECK_STATUS(reglament_regulation_default(&reg, &err), err, REGLAMENT_STATUS_OK);
    if (reg == NULL) {
        return check_summary("test_ticket");
    }
    apply_and_refuse();
    clocks_and_next_change();
    clock_plan();
    replay_queue_compliance();
    rule_queries();
    what_if();
    threads();
    reglament_regulation_free(reg);
    return check_summary("test_ticket");
}

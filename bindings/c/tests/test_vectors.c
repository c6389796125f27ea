/* Runs conformance vectors (the JSON files of tests/vectors, format in its README)
 * through the C API only: the regulation, every event, the final state, the
 * queries. Usage: test_vectors FILE.json...
 * The JSON reader (json.c) only reads the vector files and the library's
 * JSON answers; every rule is the library's. */
#define _POSIX_C_SOURCE 200809L

#include <stdint.h>
#include <stdlib.h>

#include "check.h"
#include "json.h"

static char diff[2048];
static int vector_failures;

#define VFAIL(...)                                                                      \
    do {                                                                                \
        vector_failures++;                                                              \
        fprintf(stderr, "  " __VA_ARGS__);                                              \
        fputc('\n', stderr);                                                            \
    } while (0)

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return NULL;
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf != NULL) {
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (n < cap) {
            break;
        }
        char *bigger = realloc(buf, cap * 2);
        if (bigger == NULL) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = bigger;
        cap *= 2;
    }
    fclose(f);
    *len = n;
    return buf;
}

/* Parses a JSON answer of the library (and frees the string). */
static json_value *answer(char *text) {
    if (text == NULL) {
        return NULL;
    }
    char error[128];
    json_value *v = json_parse(text, strlen(text), error, sizeof error);
    if (v == NULL) {
        VFAIL("the library answered invalid JSON (%s): %.200s", error, text);
    }
    /* the spans point into `text`: keep it alive as long as the value */
    return v;
}

static const char *status_of(reglament_ticket *t) {
    static char status[64];
    char *text = NULL;
    status[0] = '\0';
    if (reglament_ticket_to_json(t, NULL, &text, NULL) != REGLAMENT_STATUS_OK) {
        return "(to_json failed)";
    }
    json_value *v = answer(text);
    const json_value *s = json_get(v, "status");
    if (s == NULL || s->type == JSON_NULL) {
        snprintf(status, sizeof status, "null");
    } else if (s->type == JSON_STRING) {
        snprintf(status, sizeof status, "%s", s->string);
    }
    json_free(v);
    reglament_string_free(text);
    return status;
}

static void check_step(size_t i, const json_value *exp, reglament_ticket *t, reglament_status st,
                       reglament_error *err, char *outcome) {
    const json_value *want_error = json_get(exp, "error");
    if (want_error != NULL) {
        if (st != REGLAMENT_STATUS_INVALID_INPUT || !str_eq(reglament_error_code(err), json_string(want_error))) {
            VFAIL("steps[%zu]: expected the input error %s, got %s/%s", i, json_string(want_error),
                  reglament_status_name(st), err ? reglament_error_code(err) : "-");
        }
        return;
    }
    const json_value *accepted = json_get(exp, "accepted");
    if (accepted == NULL || accepted->type != JSON_BOOL) {
        VFAIL("steps[%zu]: \"accepted\" must be a boolean", i);
        return;
    }
    if (st != REGLAMENT_STATUS_OK && st != REGLAMENT_STATUS_REFUSED) {
        VFAIL("steps[%zu]: status %s: %s", i, reglament_status_name(st), err ? reglament_error_message(err) : "-");
        return;
    }
    if (accepted->boolean != (st == REGLAMENT_STATUS_OK)) {
        VFAIL("steps[%zu]: expected accepted=%d, got %s (%s)", i, accepted->boolean, reglament_status_name(st),
              err ? reglament_error_message(err) : "");
        return;
    }
    const json_value *status = json_get(exp, "status");
    if (status != NULL) {
        const char *got = status_of(t);
        const char *want = status->type == JSON_NULL ? "null" : json_string(status);
        if (!str_eq(got, want)) {
            VFAIL("steps[%zu]: expected status %s, got %s", i, want, got);
        }
    }
    json_value *o = answer(outcome);
    if (o == NULL) {
        VFAIL("steps[%zu]: no outcome JSON", i);
        return;
    }
    if (st == REGLAMENT_STATUS_OK) {
        const json_value *want = json_get(exp, "warnings");
        const json_value *got = json_get(o, "warnings");
        if (want != NULL && want->type == JSON_ARRAY) {
            int same = got != NULL && got->type == JSON_ARRAY && got->len == want->len;
            for (size_t k = 0; same && k < want->len; k++) {
                same = str_eq(json_string(json_get(&got->items[k], "code")), json_string(&want->items[k]));
            }
            if (!same) {
                VFAIL("steps[%zu]: expected warnings %.*s, got %.*s", i, (int)want->raw_len, want->raw,
                      got ? (int)got->raw_len : 4, got ? got->raw : "null");
            }
        }
        for (size_t k = 0; got != NULL && k < got->len; k++) {
            const char *uk = json_string(json_get(&got->items[k], "message_uk"));
            const char *en = json_string(json_get(&got->items[k], "message_en"));
            if (uk == NULL || en == NULL || !*uk || !*en) {
                VFAIL("steps[%zu]: a warning without its sentences", i);
            }
        }
    } else {
        /* a refusal: the error object carries what the step names */
        const char *keys[] = {"clause", "code", "field"};
        const char *got[] = {reglament_error_clause(err), reglament_error_code(err), reglament_error_field(err)};
        for (int k = 0; k < 3; k++) {
            const json_value *want = json_get(exp, keys[k]);
            if (want == NULL) {
                continue;
            }
            const char *w = want->type == JSON_NULL ? NULL : json_string(want);
            if (!str_eq(got[k], w)) {
                VFAIL("steps[%zu]: expected %s %s, got %s (%s)", i, keys[k], w ? w : "null",
                      got[k] ? got[k] : "null", reglament_error_message(err));
            }
        }
        const char *uk = reglament_error_message_uk(err), *en = reglament_error_message(err);
        if (uk == NULL || en == NULL || !*uk || !*en || strcmp(uk, en) == 0) {
            VFAIL("steps[%zu]: a refusal needs distinct Ukrainian and English sentences", i);
        }
        /* the outcome JSON says the same */
        const json_value *r = json_get(o, "refusal");
        if (!str_eq(json_string(json_get(r, "code")), reglament_error_code(err)) ||
            !str_eq(json_string(json_get(r, "clause")), reglament_error_clause(err))) {
            VFAIL("steps[%zu]: the outcome JSON and the error disagree", i);
        }
    }
    json_free(o);
}

static int64_t instant_of(const json_value *q, const char *key) {
    int64_t t = 0;
    if (json_parse_instant(json_string(json_get(q, key)), &t) != 0) {
        VFAIL("query: %s is not an instant", key);
    }
    return t;
}

static void compare_instant(const char *op, int64_t got, const json_value *expected) {
    int64_t want = 0;
    if (json_parse_instant(json_string(expected), &want) != 0 || want != got) {
        VFAIL("query %s: expected %s, got %lld", op, json_string(expected) ? json_string(expected) : "?",
              (long long)got);
    }
}

static void run_query(const reglament_regulation *reg, const json_value *q) {
    const char *op = json_string(json_get(q, "op"));
    const json_value *expected = json_get(q, "expected");
    reglament_error *err = NULL;
    if (op == NULL || expected == NULL) {
        VFAIL("query without op or expected");
        return;
    }
    if (strcmp(op, "archive_due") == 0 || strcmp(op, "contact_change_notice_due") == 0) {
        int64_t got = 0;
        reglament_status st = op[0] == 'a'
                                  ? reglament_regulation_archive_due(reg, instant_of(q, "released_at"), &got, &err)
                                  : reglament_regulation_contact_change_notice_due(reg, instant_of(q, "at"), &got, &err);
        if (st != REGLAMENT_STATUS_OK) {
            VFAIL("query %s: %s", op, reglament_error_message(err));
        } else {
            compare_instant(op, got, expected);
        }
    } else if (strcmp(op, "must_register") == 0) {
        const char *category = json_string(json_get(q, "category"));
        const char *priority = json_string(json_get(q, "priority"));
        const json_value *solved = json_get(q, "solved_during_contact");
        bool got = false;
        reglament_status st = reglament_must_register(category, category ? strlen(category) : 0, priority,
                                                      priority ? strlen(priority) : 0,
                                                      solved != NULL && solved->boolean, &got, &err);
        if (st != REGLAMENT_STATUS_OK || expected->type != JSON_BOOL || expected->boolean != (int)got) {
            VFAIL("query must_register: expected %.*s, got %d (%s)", (int)expected->raw_len, expected->raw, got,
                  reglament_status_name(st));
        }
    } else if (strcmp(op, "queue") == 0) {
        const json_value *list = json_get(q, "tickets");
        size_t n = list != NULL && list->type == JSON_ARRAY ? list->len : 0;
        reglament_ticket **tickets = calloc(n + 1, sizeof *tickets);
        size_t *order = calloc(n + 1, sizeof *order);
        size_t order_len = 0;
        int ok = tickets != NULL && order != NULL;
        for (size_t i = 0; ok && i < n; i++) {
            const char *id = json_string(json_get(&list->items[i], "id"));
            const json_value *events = json_get(&list->items[i], "events");
            if (id == NULL || events == NULL ||
                reglament_ticket_replay(reg, id, strlen(id), events->raw, events->raw_len, &tickets[i], NULL, &err) !=
                    REGLAMENT_STATUS_OK) {
                VFAIL("query queue: ticket %zu does not replay: %s", i, err ? reglament_error_message(err) : "-");
                ok = 0;
            }
        }
        if (ok && reglament_queue((const reglament_ticket *const *)tickets, n, order, &order_len, &err) !=
                      REGLAMENT_STATUS_OK) {
            VFAIL("query queue: %s", reglament_error_message(err));
            ok = 0;
        }
        if (ok) {
            int same = expected->type == JSON_ARRAY && expected->len == order_len;
            for (size_t k = 0; same && k < order_len; k++) {
                same = order[k] < n &&
                       str_eq(json_string(json_get(&list->items[order[k]], "id")), json_string(&expected->items[k]));
            }
            if (!same) {
                fprintf(stderr, "  got:");
                for (size_t k = 0; k < order_len; k++) {
                    fprintf(stderr, " %s", json_string(json_get(&list->items[order[k]], "id")));
                }
                fputc('\n', stderr);
                VFAIL("query queue: expected %.*s", (int)expected->raw_len, expected->raw);
            }
        }
        for (size_t i = 0; tickets != NULL && i < n; i++) {
            reglament_ticket_free(tickets[i]);
        }
        free(tickets);
        free(order);
    } else if (strcmp(op, "what_if") == 0) {
        const json_value *against = json_get(q, "against");
        const json_value *events = json_get(q, "events");
        reglament_regulation *b = NULL;
        int64_t now = 0;
        int has_now = json_get(q, "now") != NULL;
        if (has_now) {
            now = instant_of(q, "now");
        }
        char *report = NULL;
        if (against == NULL || events == NULL ||
            reglament_regulation_with_overrides(against->raw, against->raw_len, &b, &err) != REGLAMENT_STATUS_OK) {
            VFAIL("query what_if: against: %s", err ? reglament_error_message(err) : "missing");
        } else if (reglament_what_if_json(reg, b, "T", 1, events->raw, events->raw_len, has_now ? &now : NULL,
                                          &report, &err) != REGLAMENT_STATUS_OK) {
            VFAIL("query what_if: %s", reglament_error_message(err));
        } else {
            json_value *a = answer(report);
            if (a != NULL && !json_subset(expected, a, "query what_if", diff, sizeof diff)) {
                VFAIL("%s", diff);
            }
            json_free(a);
        }
        reglament_string_free(report);
        reglament_regulation_free(b);
    } else if (strcmp(op, "compliance") == 0) {
        const json_value *list = json_get(q, "tickets");
        size_t n = list != NULL && list->type == JSON_ARRAY ? list->len : 0;
        reglament_ticket **tickets = calloc(n + 1, sizeof *tickets);
        int ok = tickets != NULL;
        for (size_t i = 0; ok && i < n; i++) {
            const char *id = json_string(json_get(&list->items[i], "id"));
            const json_value *events = json_get(&list->items[i], "events");
            if (id == NULL || events == NULL ||
                reglament_ticket_replay(reg, id, strlen(id), events->raw, events->raw_len, &tickets[i], NULL, &err) !=
                    REGLAMENT_STATUS_OK) {
                VFAIL("query compliance: ticket %zu does not replay: %s", i, err ? reglament_error_message(err) : "-");
                ok = 0;
            }
        }
        int64_t from = 0, to = 0, now = instant_of(q, "now");
        int has_from = json_get(q, "from") != NULL, has_to = json_get(q, "to") != NULL;
        if (has_from) {
            from = instant_of(q, "from");
        }
        if (has_to) {
            to = instant_of(q, "to");
        }
        char *report = NULL;
        if (ok && reglament_compliance_json(reg, (const reglament_ticket *const *)tickets, n, has_from ? &from : NULL,
                                            has_to ? &to : NULL, now, &report, &err) != REGLAMENT_STATUS_OK) {
            VFAIL("query compliance: %s", reglament_error_message(err));
        } else if (ok) {
            json_value *a = answer(report);
            if (a != NULL && !json_subset(expected, a, "query compliance", diff, sizeof diff)) {
                VFAIL("%s", diff);
            }
            json_free(a);
        }
        reglament_string_free(report);
        for (size_t i = 0; tickets != NULL && i < n; i++) {
            reglament_ticket_free(tickets[i]);
        }
        free(tickets);
    } else {
        VFAIL("unknown query op %s", op);
    }
    reglament_error_free(err);
}

/* Compares the clocks at `at` with `expected` (a subset), and checks that
 * every clock's explanation counts exactly its consumed time. */
static void check_clocks(reglament_ticket *t, const reglament_regulation *reg, int64_t at,
                         const json_value *expected, const char *here) {
    reglament_error *err = NULL;
    char *c = NULL;
    if (reglament_ticket_clocks_json(t, reg, at, &c, &err) != REGLAMENT_STATUS_OK) {
        VFAIL("%s: %s", here, reglament_error_message(err));
        reglament_error_free(err);
        return;
    }
    json_value *a = answer(c);
    if (a != NULL && expected != NULL && !json_subset(expected, a, here, diff, sizeof diff)) {
        VFAIL("%s", diff);
    }
    json_free(a);
    reglament_string_free(c);
    const char *metrics[] = {"response", "resolution", "update_interval"};
    for (int m = 0; m < 3; m++) {
        char *x = NULL;
        if (reglament_ticket_explain_json(t, reg, metrics[m], strlen(metrics[m]), at, &x, &err) !=
            REGLAMENT_STATUS_OK) {
            VFAIL("%s: explain %s: %s", here, metrics[m], reglament_error_message(err));
            reglament_error_free(err);
            err = NULL;
            continue;
        }
        json_value *e = answer(x);
        if (e != NULL && e->type == JSON_OBJECT) {
            const json_value *counted = json_get(e, "counted");
            const json_value *consumed = json_get(json_get(e, "clock"), "consumed");
            double sum = 0;
            for (size_t i = 0; counted != NULL && i < counted->len; i++) {
                const json_value *sec = json_get(&counted->items[i], "seconds");
                sum += sec != NULL ? sec->number : 0;
            }
            if (consumed == NULL || consumed->number != sum) {
                VFAIL("%s: %s: the counted intervals add up to %.0f s, consumed is %.0f s", here, metrics[m], sum,
                      consumed ? consumed->number : -1.0);
            }
        }
        json_free(e);
        reglament_string_free(x);
    }
}

/* Runs one vector file; returns 1 when it passes. */
static int run_vector(const char *path) {
    size_t len = 0;
    char *text = read_file(path, &len);
    char error[256];
    vector_failures = 0;
    if (text == NULL) {
        fprintf(stderr, "%s: cannot read\n", path);
        return 0;
    }
    json_value *v = json_parse(text, len, error, sizeof error);
    if (v == NULL) {
        fprintf(stderr, "%s: %s\n", path, error);
        free(text);
        return 0;
    }
    const char *name = json_string(json_get(v, "name"));
    fprintf(stderr, "%s\n", name ? name : path);

    reglament_regulation *reg = NULL;
    reglament_error *err = NULL;
    const json_value *over = json_get(v, "regulation");
    reglament_status st = over == NULL || over->type == JSON_NULL
                              ? reglament_regulation_default(&reg, &err)
                              : reglament_regulation_with_overrides(over->raw, over->raw_len, &reg, &err);
    if (st != REGLAMENT_STATUS_OK) {
        VFAIL("regulation: %s", reglament_error_message(err));
    }
    reglament_error_free(err);
    err = NULL;

    int64_t now = 0;
    const json_value *now_v = json_get(v, "now");
    int has_now = now_v != NULL && now_v->type == JSON_STRING && json_parse_instant(now_v->string, &now) == 0;
    const json_value *events = json_get(v, "events");
    const json_value *expected = json_get(v, "expected");
    const json_value *steps = json_get(expected, "steps");
    reglament_ticket *t = NULL;
    if (reg != NULL && reglament_ticket_new("T", 1, &t, NULL) == REGLAMENT_STATUS_OK && events != NULL &&
        steps != NULL) {
        if (events->len != steps->len) {
            VFAIL("%zu events but %zu expected steps", events->len, steps->len);
        }
        for (size_t i = 0; i < events->len && i < steps->len; i++) {
            char *outcome = NULL;
            const json_value *e = &events->items[i];
            st = reglament_ticket_apply(t, reg, e->raw, e->raw_len, &outcome, &err);
            check_step(i, &steps->items[i], t, st, err, outcome);
            reglament_string_free(outcome);
            reglament_error_free(err);
            err = NULL;
        }
        /* DESIGN §5: the head of the chain of the events (request "T");
           vectors with a head have events that all parse */
        const json_value *head = json_get(expected, "head");
        if (head != NULL && head->type == JSON_STRING) {
            size_t cap = 2;
            for (size_t i = 0; i < events->len; i++) cap += events->items[i].raw_len + 1;
            char *list = malloc(cap + 1), *w = list;
            if (list != NULL) {
                *w++ = '[';
                for (size_t i = 0; i < events->len; i++) {
                    if (i > 0) *w++ = ',';
                    memcpy(w, events->items[i].raw, events->items[i].raw_len);
                    w += events->items[i].raw_len;
                }
                *w++ = ']';
                char *got = NULL;
                if (reglament_chain_head(reg, "T", 1, list, (size_t)(w - list), &got, &err) != REGLAMENT_STATUS_OK) {
                    VFAIL("head: %s", reglament_error_message(err));
                } else if (!str_eq(got, head->string)) {
                    VFAIL("head: expected %s, got %s", head->string, got);
                }
                reglament_string_free(got);
                reglament_error_free(err);
                err = NULL;
                free(list);
            }
        }
        const json_value *fin = json_get(expected, "final");
        if (fin != NULL) {
            char *state = NULL;
            if (reglament_ticket_to_json(t, has_now ? &now : NULL, &state, &err) != REGLAMENT_STATUS_OK) {
                VFAIL("final: %s", reglament_error_message(err));
            } else {
                json_value *a = answer(state);
                if (a != NULL && !json_subset(fin, a, "final", diff, sizeof diff)) {
                    VFAIL("%s", diff);
                }
                json_free(a);
            }
            reglament_string_free(state);
            reglament_error_free(err);
            err = NULL;
        }
        /* SLA clocks at `now` and at the instants of `clocks_at`, explanations */
        const json_value *clocks = json_get(expected, "clocks");
        if (clocks != NULL) {
            if (!has_now) {
                VFAIL("a vector with expected.clocks needs \"now\"");
            } else {
                check_clocks(t, reg, now, clocks, "clocks");
            }
        }
        const json_value *clocks_at = json_get(expected, "clocks_at");
        for (size_t i = 0; clocks_at != NULL && i < clocks_at->len; i++) {
            int64_t at = 0;
            char here[32];
            snprintf(here, sizeof here, "clocks_at[%zu]", i);
            if (json_parse_instant(json_string(json_get(&clocks_at->items[i], "now")), &at) != 0) {
                VFAIL("%s: now is not an instant", here);
                continue;
            }
            check_clocks(t, reg, at, json_get(&clocks_at->items[i], "clocks"), here);
        }
        const json_value *explain = json_get(expected, "explain");
        for (size_t i = 0; explain != NULL && explain->type == JSON_OBJECT && i < explain->len; i++) {
            const char *metric = explain->keys[i];
            char here[64], *x = NULL;
            snprintf(here, sizeof here, "explain.%s", metric);
            if (!has_now) {
                VFAIL("a vector with expected.explain needs \"now\"");
                break;
            }
            if (reglament_ticket_explain_json(t, reg, metric, strlen(metric), now, &x, &err) != REGLAMENT_STATUS_OK) {
                VFAIL("%s: %s", here, reglament_error_message(err));
            } else {
                json_value *a = answer(x);
                if (a != NULL && a->type == JSON_NULL) {
                    VFAIL("%s: the clock is absent", here);
                } else if (a != NULL && !json_subset(&explain->items[i], a, here, diff, sizeof diff)) {
                    VFAIL("%s", diff);
                }
                json_free(a);
            }
            reglament_string_free(x);
            reglament_error_free(err);
            err = NULL;
        }
    } else if (reg != NULL) {
        VFAIL("a vector needs events and expected.steps");
    }
    const json_value *queries = json_get(v, "queries");
    for (size_t i = 0; reg != NULL && queries != NULL && i < queries->len; i++) {
        run_query(reg, &queries->items[i]);
    }
    reglament_ticket_free(t);
    reglament_regulation_free(reg);
    json_free(v);
    free(text);
    return vector_failures == 0;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s VECTOR.json...\n", argv[0]);
        return 2;
    }
    int vectors_passed = 0, vectors_failed = 0;
    for (int i = 1; i < argc; i++) {
        if (run_vector(argv[i])) {
            vectors_passed++;
        } else {
            vectors_failed++;
            fprintf(stderr, "FAILED: %s\n", argv[i]);
        }
    }
    check_passed = vectors_passed;
    check_failed = vectors_failed;
    return check_summary("test_vectors");
}

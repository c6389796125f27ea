/* An ERP host enforcing the technical-support regulation through libreglament:
 * register a request, compute its deadlines, and refuse an illegal
 * transition with the clause that forbids it.
 *
 * Build (shared):  cc -std=c11 erp_example.c $(pkg-config --cflags --libs reglament)
 * Build (static):  see bindings/c/README.md, "Linking".
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "reglament.h"

/* Prints the failure of a call and frees its error object. */
static int report(const char *what, reglament_status status, reglament_error *err) {
    fprintf(stderr, "%s failed: %s (%s): %s\n", what, reglament_status_name(status),
            err ? reglament_error_code(err) : "?", err ? reglament_error_message(err) : "");
    reglament_error_free(err);
    return 1;
}

/* The value of the first "key":"..." after `from` in a JSON text (enough for
 * this example; an ERP would use its JSON library). */
static void json_field(const char *json, const char *from, const char *key, char *out, size_t size) {
    char pattern[64];
    snprintf(pattern, sizeof pattern, "\"%s\":\"", key);
    const char *at = json ? strstr(json, from) : NULL;
    at = at ? strstr(at, pattern) : NULL;
    if (at == NULL) {
        snprintf(out, size, "-");
        return;
    }
    at += strlen(pattern);
    size_t n = strcspn(at, "\"");
    snprintf(out, size, "%.*s", (int)(n < size ? n : size - 1), at);
}

static void print_instant(const char *label, int64_t t) {
    char buf[32];
    time_t tt = (time_t)t;
    struct tm tm;
    gmtime_r(&tt, &tm);
    strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    printf("%-28s %s\n", label, buf);
}

int main(void) {
    reglament_regulation *reg = NULL;
    reglament_ticket *ticket = NULL;
    reglament_error *err = NULL;
    reglament_status st;
    int rc = 0;

    printf("libreglament %s (header %s)\n", reglament_version(), REGLAMENT_VERSION);

    /* 1. The regulation: the embedded default (an ERP would load its own file
     *    with reglament_regulation_from_json). */
    if ((st = reglament_regulation_default(&reg, &err)) != REGLAMENT_STATUS_OK) {
        return report("loading the regulation", st, err);
    }

    /* 2. An operator registers a phone call: a high-priority incident, Friday 16:30 Kyiv. */
    const char *registration =
        "{\"kind\":\"register\",\"at\":\"2026-03-27T16:30:00+02:00\","
        "\"actor\":{\"id\":\"op-1\",\"role\":\"operator\"},\"channel\":\"phone\","
        "\"reason\":\"software_failure\",\"description\":\"The invoice form hangs when saving\","
        "\"conditions\":\"Sales > Invoices, 300 lines, press Save\",\"priority\":\"high\","
        "\"category\":\"incident\"}";
    if ((st = reglament_ticket_new("ERP-1042", strlen("ERP-1042"), &ticket, &err)) != REGLAMENT_STATUS_OK) {
        rc = report("creating the ticket", st, err);
        goto done;
    }
    char *outcome = NULL;
    st = reglament_ticket_apply(ticket, reg, registration, strlen(registration), &outcome, &err);
    if (st != REGLAMENT_STATUS_OK) {
        rc = report("registering", st, err);
        goto done;
    }
    printf("registered ERP-1042: %s\n", outcome);
    reglament_string_free(outcome);

    /* 3. Its deadlines, read at 17:00 Kyiv: working time only (Mon-Fri
     *    09:00-18:00, holidays off), so they run into Monday. */
    int64_t now = 1774623600; /* 2026-03-27T15:00:00Z = 17:00 Kyiv */
    char *clocks = NULL;
    if ((st = reglament_ticket_clocks_json(ticket, reg, now, &clocks, &err)) != REGLAMENT_STATUS_OK) {
        rc = report("reading the clocks", st, err);
        goto done;
    }
    char response_due[40], resolution_due[40], state[20];
    json_field(clocks, "\"response\":{", "due_at", response_due, sizeof response_due);
    json_field(clocks, "\"response\":{", "state", state, sizeof state);
    json_field(clocks, "\"resolution\":{", "due_at", resolution_due, sizeof resolution_due);
    printf("%-28s %s (%s)\n", "first response due", response_due, state);
    printf("%-28s %s\n", "resolution (Release) due", resolution_due);
    reglament_string_free(clocks);
    bool found = false;
    int64_t next = 0;
    if ((st = reglament_ticket_next_change(ticket, reg, now, &found, &next, &err)) != REGLAMENT_STATUS_OK) {
        rc = report("asking for the next change", st, err);
        goto done;
    }
    if (found) {
        print_instant("wake me up at", next); /* the host's only timer */
    }

    /* 4. An illegal transition: the operator tries to archive a request that
     *    was never released. The regulation refuses and names the clause. */
    const char *archive = "{\"kind\":\"archive\",\"at\":\"2026-03-27T17:05:00+02:00\","
                          "\"actor\":{\"id\":\"op-1\",\"role\":\"operator\"}}";
    st = reglament_ticket_apply(ticket, reg, archive, strlen(archive), NULL, &err);
    if (st == REGLAMENT_STATUS_REFUSED) {
        printf("archive refused by clause %s (%s)\n  en: %s\n  uk: %s\n", reglament_error_clause(err),
               reglament_error_code(err), reglament_error_message(err), reglament_error_message_uk(err));
        reglament_error_free(err);
        err = NULL;
    } else {
        rc = report("the illegal archive was not refused", st, err);
        goto done;
    }

    /* 5. Bad input is not a refusal: it has its own status. */
    st = reglament_ticket_apply(ticket, reg, "{\"kind\":\"promote\"}", 18, NULL, &err);
    printf("malformed event: %s (%s)\n", reglament_status_name(st), reglament_error_code(err));
    reglament_error_free(err);
    err = NULL;

done:
    reglament_ticket_free(ticket);
    reglament_regulation_free(reg);
    return rc;
}

/* An ERP host enforcing the technical-support regulation through libreglament:
 * register a request, read its deadlines as typed values (no JSON parsing),
 * and refuse an illegal transition with the clause that forbids it.
 *
 * Build (shared):  cc -std=c11 erp_example.c $(pkg-config --cflags --libs reglament)
 * Build (static):  see bindings/c/README.md, "Linking".
 */
#include <stdio.h>
#include <string.h>

#include "reglament.h"

/* Prints the failure of a call and frees its error object. */
static int report(const char *what, reglament_status status, reglament_error *err) {
    fprintf(stderr, "%s failed: %s (%s): %s\n", what, reglament_status_name(status),
            err ? reglament_error_code(err) : "?", err ? reglament_error_message(err) : "");
    reglament_error_free(err);
    return 1;
}

/* Prints an instant as RFC 3339 text. */
static void print_instant(const char *label, int64_t t) {
    char buf[REGLAMENT_INSTANT_TEXT_SIZE];
    if (reglament_instant_format(t, buf, sizeof buf, NULL) == REGLAMENT_STATUS_OK) {
        printf("%-28s %s\n", label, buf);
    }
}

/* Prints one SLA clock from the typed result: no JSON parsing. */
static void print_clock(const char *label, const reglament_clock *c) {
    if (!c->present) {
        printf("%-28s (none for this SLA row)\n", label);
        return;
    }
    printf("%-28s %s, %lld s of working time consumed", label, reglament_clock_state_name(c->state),
           (long long)c->consumed);
    if (c->has_remaining) {
        printf(", %lld s left", (long long)c->remaining);
    }
    printf("\n");
    if (c->has_due) {
        print_instant("  due", c->due_at);
    }
    if (c->has_original_due && (!c->has_due || c->original_due_at != c->due_at)) {
        print_instant("  due before extensions", c->original_due_at);
    }
    if (c->has_met) {
        print_instant("  met at", c->met_at);
    }
    if (c->has_breached) {
        print_instant("  breached at", c->breached_at);
    }
    if (c->paused) {
        print_instant("  paused since", c->paused_since);
    }
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
    st = reglament_ticket_apply(ticket, reg, registration, strlen(registration), NULL, &err);
    if (st != REGLAMENT_STATUS_OK) {
        rc = report("registering", st, err);
        goto done;
    }
    printf("registered ERP-1042\n");

    /* 3. Its deadlines, read at 17:00 Kyiv: working time only (Mon-Fri
     *    09:00-18:00, holidays off), so they run into Monday. */
    int64_t now = 0;
    const char *now_text = "2026-03-27T17:00:00+02:00";
    if ((st = reglament_instant_parse(now_text, strlen(now_text), &now, &err)) != REGLAMENT_STATUS_OK) {
        rc = report("reading the instant", st, err);
        goto done;
    }
    reglament_clocks clocks;
    if ((st = reglament_ticket_clocks(ticket, reg, now, &clocks, &err)) != REGLAMENT_STATUS_OK) {
        rc = report("reading the clocks", st, err);
        goto done;
    }
    printf("%-28s %s\n", "status", reglament_request_status_name(clocks.status));
    print_clock("first response", &clocks.response);
    print_clock("resolution (Release)", &clocks.resolution);
    print_clock("updates to the user", &clocks.update_interval);
    if (clocks.has_next_change) {
        print_instant("wake me up at", clocks.next_change_at); /* the host's only timer */
    }

    /* The host decides on typed values: escalate when the response is late. */
    switch (clocks.response.state) {
    case REGLAMENT_CLOCK_STATE_BREACHED:
        printf("escalate: the first response is late\n");
        break;
    case REGLAMENT_CLOCK_STATE_RUNNING:
    case REGLAMENT_CLOCK_STATE_PAUSED:
    case REGLAMENT_CLOCK_STATE_UNCLASSIFIED:
        printf("response pending\n");
        break;
    case REGLAMENT_CLOCK_STATE_MET:
    case REGLAMENT_CLOCK_STATE_STOPPED:
        printf("response done\n");
        break;
    }

    /* 4. An illegal transition: the operator tries to archive a request that
     *    was never released. The regulation refuses and names the clause;
     *    the error object carries the refusal's clause, code, field and
     *    messages as strings. */
    const char *archive = "{\"kind\":\"archive\",\"at\":\"2026-03-27T17:05:00+02:00\","
                          "\"actor\":{\"id\":\"op-1\",\"role\":\"operator\"}}";
    st = reglament_ticket_apply(ticket, reg, archive, strlen(archive), NULL, &err);
    if (st == REGLAMENT_STATUS_REFUSED) {
        const char *field = reglament_error_field(err);
        printf("archive refused by clause %s (%s%s%s)\n  en: %s\n  uk: %s\n", reglament_error_clause(err),
               reglament_error_code(err), field ? ", field " : "", field ? field : "", reglament_error_message(err),
               reglament_error_message_uk(err));
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

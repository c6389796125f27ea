/* The header alone, compiled by run-tests.sh as C89, C99, C11 and C2x with
 * -pedantic -Wundef -Wc++-compat -Wswitch-enum -Werror, and as C++; with
 * -DREGLAMENT_TEST_MISSING_CASE it must NOT compile (-Werror=switch): the
 * status is an enum type a compiler checks in a switch. */
#include <stdio.h>

#include "reglament.h"

static const char *kind_of(reglament_status s) {
    switch (s) {
    case REGLAMENT_STATUS_OK:
        return "ok";
    case REGLAMENT_STATUS_INVALID_ARGUMENT:
    case REGLAMENT_STATUS_INVALID_INPUT:
    case REGLAMENT_STATUS_OUT_OF_RANGE:
    case REGLAMENT_STATUS_NO_WORKING_TIME:
        return "bad input";
    case REGLAMENT_STATUS_REFUSED:
        return "refused";
#ifndef REGLAMENT_TEST_MISSING_CASE
    case REGLAMENT_STATUS_PANIC:
        return "defect";
#endif
    }
    return "unknown";
}

static const char *clock_word(reglament_clock_state s) {
    switch (s) {
    case REGLAMENT_CLOCK_STATE_RUNNING:
    case REGLAMENT_CLOCK_STATE_PAUSED:
    case REGLAMENT_CLOCK_STATE_UNCLASSIFIED:
        return "open";
    case REGLAMENT_CLOCK_STATE_MET:
    case REGLAMENT_CLOCK_STATE_BREACHED:
    case REGLAMENT_CLOCK_STATE_STOPPED:
        return "closed";
    }
    return "unknown";
}

int main(void) {
    reglament_status st;
    reglament_calendar *cal = NULL;
    int failed = 0;
    st = reglament_calendar_default_kyiv(&cal, NULL);
    if (st != REGLAMENT_STATUS_OK || cal == NULL) {
        failed++;
    }
    reglament_calendar_free(cal);
    if (sizeof(reglament_status) != 4) {
        failed++;
    }
    if (kind_of(REGLAMENT_STATUS_REFUSED)[0] != 'r' || clock_word(REGLAMENT_CLOCK_STATE_MET)[0] != 'c') {
        failed++;
    }
    printf("test_header: %d passed, %d failed\n", 3 - failed, failed);
    return failed == 0 ? 0 : 1;
}

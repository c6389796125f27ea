/* Working-time calendars through the C API: the examples of DESIGN §3, the
 * laws add/sub/elapsed obey, DST, holidays, custom calendars, the edges of
 * the supported range, and several threads sharing one calendar. */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>

#include "check.h"

/* Instants used below (Unix seconds, UTC). */
#define FRI_0900_KYIV 1774594800LL   /* 2026-03-27T07:00:00Z */
#define FRI_1400_KYIV 1774612800LL   /* 2026-03-27T12:00:00Z */
#define FRI_1700_KYIV 1774623600LL   /* 2026-03-27T15:00:00Z */
#define FRI_1800_KYIV 1774627200LL   /* 2026-03-27T16:00:00Z */
#define SAT_1200_KYIV 1774692000LL   /* 2026-03-28T10:00:00Z */
#define MON_0900_KYIV 1774850400LL   /* 2026-03-30T06:00:00Z (summer time) */
#define MON_1000_KYIV 1774854000LL   /* 2026-03-30T07:00:00Z */
#define TUE_1800_KYIV 1774969200LL   /* 2026-03-31T15:00:00Z */
#define NEW_YEAR_1000_KYIV 1767254400LL /* 2026-01-01T08:00:00Z, a holiday */
#define JAN_2_0900_KYIV 1767337200LL /* 2026-01-02T07:00:00Z, Friday */
#define RANGE_FIRST_1991 662688000LL /* 1991-01-01T00:00:00Z */
#define RANGE_LAST 4102444800LL      /* 2100-01-01T00:00:00Z */

static reglament_calendar *kyiv;

static void design_examples(void) {
    int64_t u = 0;
    reglament_error *err = NULL;

    /* Friday 17:00 + 2 working hours = Monday 10:00, after the switch to summer time */
    CHECK_STATUS(reglament_calendar_add(kyiv, FRI_1700_KYIV, 2 * 3600, &u, &err), err, REGLAMENT_STATUS_OK);
    CHECK(err == NULL);
    CHECK_I64(u, MON_1000_KYIV);
    CHECK_STATUS(reglament_calendar_elapsed(kyiv, FRI_1700_KYIV, MON_1000_KYIV, &u, &err), err,
                 REGLAMENT_STATUS_OK);
    CHECK_I64(u, 7200);
    CHECK_STATUS(reglament_calendar_elapsed(kyiv, MON_1000_KYIV, FRI_1700_KYIV, &u, &err), err,
                 REGLAMENT_STATUS_OK);
    CHECK_I64(u, -7200);
    CHECK_STATUS(reglament_calendar_sub(kyiv, MON_1000_KYIV, 2 * 3600, &u, &err), err, REGLAMENT_STATUS_OK);
    CHECK_I64(u, FRI_1700_KYIV);

    /* a budget that runs out at closing time gives 18:00, not 09:00 the next working day */
    CHECK_STATUS(reglament_calendar_add(kyiv, FRI_0900_KYIV, 9 * 3600, &u, &err), err, REGLAMENT_STATUS_OK);
    CHECK_I64(u, FRI_1800_KYIV);
    /* add(t, 0) == t, also outside working time */
    CHECK_STATUS(reglament_calendar_add(kyiv, SAT_1200_KYIV, 0, &u, &err), err, REGLAMENT_STATUS_OK);
    CHECK_I64(u, SAT_1200_KYIV);
    /* a negative duration subtracts */
    CHECK_STATUS(reglament_calendar_add(kyiv, MON_1000_KYIV, -2 * 3600, &u, &err), err, REGLAMENT_STATUS_OK);
    CHECK_I64(u, FRI_1700_KYIV);

    bool working = false;
    CHECK_STATUS(reglament_calendar_is_working(kyiv, FRI_0900_KYIV, &working, &err), err, REGLAMENT_STATUS_OK);
    CHECK(working);
    CHECK_STATUS(reglament_calendar_is_working(kyiv, FRI_1800_KYIV, &working, &err), err, REGLAMENT_STATUS_OK);
    CHECK(!working);
    CHECK_STATUS(reglament_calendar_is_working(kyiv, FRI_1800_KYIV - 1, &working, &err), err,
                 REGLAMENT_STATUS_OK);
    CHECK(working);
    CHECK_STATUS(reglament_calendar_is_working(kyiv, NEW_YEAR_1000_KYIV, &working, &err), err,
                 REGLAMENT_STATUS_OK);
    CHECK(!working);

    CHECK_STATUS(reglament_calendar_next_working(kyiv, SAT_1200_KYIV, &u, &err), err, REGLAMENT_STATUS_OK);
    CHECK_I64(u, MON_0900_KYIV);
    CHECK_STATUS(reglament_calendar_next_working(kyiv, FRI_0900_KYIV, &u, &err), err, REGLAMENT_STATUS_OK);
    CHECK_I64(u, FRI_0900_KYIV);
    CHECK_STATUS(reglament_calendar_next_working(kyiv, NEW_YEAR_1000_KYIV, &u, &err), err,
                 REGLAMENT_STATUS_OK);
    CHECK_I64(u, JAN_2_0900_KYIV);

    /* clause 5: within 2 working days of Friday = Tuesday 18:00 */
    CHECK_STATUS(reglament_calendar_add_working_days(kyiv, FRI_1400_KYIV, 2, &u, &err), err,
                 REGLAMENT_STATUS_OK);
    CHECK_I64(u, TUE_1800_KYIV);
    CHECK(err == NULL);
}

/* elapsed(t, add(t, d)) == d, add(t, a + b) == add(add(t, a), b), sub inverts add */
static void laws(void) {
    uint64_t x = 12345;
    int failures = 0;
    for (int i = 0; i < 300; i++) {
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        int64_t t = 1767225600LL + (int64_t)((x >> 33) % (10LL * 365 * 86400)); /* 2026..2035 */
        int64_t a = (int64_t)((x >> 13) % (200 * 3600)) + 1;
        int64_t b = (int64_t)((x >> 3) % (50 * 3600)) + 1;
        int64_t u = 0, v = 0, w = 0, d = 0, s = 0;
        reglament_status st = reglament_calendar_add(kyiv, t, a, &u, NULL);
        st |= reglament_calendar_elapsed(kyiv, t, u, &d, NULL);
        st |= reglament_calendar_add(kyiv, u, b, &v, NULL);
        st |= reglament_calendar_add(kyiv, t, a + b, &w, NULL);
        st |= reglament_calendar_sub(kyiv, u, a, &s, NULL);
        int64_t back = 0;
        st |= reglament_calendar_elapsed(kyiv, s, u, &back, NULL);
        /* sub(u, a) is the latest s with elapsed(s, u) >= a: never before t */
        if (st != REGLAMENT_STATUS_OK || d != a || v != w || u < t || s < t || back != a) {
            failures++;
            fprintf(stderr, "law broken at t=%lld a=%lld b=%lld: u=%lld d=%lld v=%lld w=%lld s=%lld\n",
                    (long long)t, (long long)a, (long long)b, (long long)u, (long long)d, (long long)v,
                    (long long)w, (long long)s);
        }
    }
    CHECK(failures == 0);
}

static void custom_calendars(void) {
    reglament_calendar *ny = NULL;
    reglament_error *err = NULL;
    const char *ny_json =
        "{\"timezone\":\"America/New_York\","
        "\"week\":{\"mon\":[[\"09:00\",\"17:00\"]],\"tue\":[[\"09:00\",\"17:00\"]]}}";
    CHECK_STATUS(reglament_calendar_from_json(ny_json, strlen(ny_json), &ny, &err), err, REGLAMENT_STATUS_OK);
    int64_t u = 0;
    /* Monday 2026-11-02 09:00 EST + 8 h = 17:00 EST */
    CHECK_STATUS(reglament_calendar_add(ny, 1793628000LL, 8 * 3600, &u, &err), err, REGLAMENT_STATUS_OK);
    CHECK_I64(u, 1793656800LL);
    /* one hour more rolls to Tuesday 09:00 + 1 h */
    CHECK_STATUS(reglament_calendar_add(ny, 1793628000LL, 9 * 3600, &u, &err), err, REGLAMENT_STATUS_OK);
    CHECK_I64(u, 1793656800LL + 16 * 3600 + 3600);
    reglament_calendar_free(ny);

    /* an overnight shift belongs to the day it starts; 24:00 is allowed */
    reglament_calendar *night = NULL;
    const char *night_json =
        "{\"timezone\":\"UTC\",\"week\":{\"mon\":[[\"22:00\",\"06:00\"]],\"tue\":[[\"18:00\",\"24:00\"]]}}";
    CHECK_STATUS(reglament_calendar_from_json(night_json, strlen(night_json), &night, &err), err,
                 REGLAMENT_STATUS_OK);
    /* Monday 2026-03-30 22:00Z + 8 h = Tuesday 06:00Z */
    int64_t mon22 = 1774850400LL + 16 * 3600;
    CHECK_STATUS(reglament_calendar_add(night, mon22, 8 * 3600, &u, &err), err, REGLAMENT_STATUS_OK);
    CHECK_I64(u, mon22 + 8 * 3600);
    /* + 1 h more: Tuesday 19:00Z */
    CHECK_STATUS(reglament_calendar_add(night, mon22, 9 * 3600, &u, &err), err, REGLAMENT_STATUS_OK);
    CHECK_I64(u, mon22 + 21 * 3600);
    /* 6 h on Tuesday end at 24:00 = Wednesday 00:00Z */
    CHECK_STATUS(reglament_calendar_add(night, mon22, 14 * 3600, &u, &err), err, REGLAMENT_STATUS_OK);
    CHECK_I64(u, mon22 + 26 * 3600);
    reglament_calendar_free(night);

    /* holidays and extra working days of the file override the week */
    reglament_calendar *h = NULL;
    const char *h_json =
        "{\"timezone\":\"Europe/Kyiv\",\"week\":{\"fri\":[[\"09:00\",\"18:00\"]]},"
        "\"holidays\":[\"2026-03-27\"],\"extra_working_days\":[\"2026-03-28\"],"
        "\"extra_working_day_hours\":[[\"10:00\",\"12:00\"]]}";
    reglament_status st = reglament_calendar_from_json(h_json, strlen(h_json), &h, &err);
    CHECK_STATUS(st, err, REGLAMENT_STATUS_OK);
    if (st == REGLAMENT_STATUS_OK) {
        bool working = true;
        CHECK_STATUS(reglament_calendar_is_working(h, FRI_1400_KYIV, &working, &err), err, REGLAMENT_STATUS_OK);
        CHECK(!working);
        CHECK_STATUS(reglament_calendar_next_working(h, FRI_1400_KYIV, &u, &err), err, REGLAMENT_STATUS_OK);
        CHECK_I64(u, SAT_1200_KYIV - 2 * 3600); /* Saturday 10:00 Kyiv = 08:00Z */
    }
    reglament_error_free(err);
    err = NULL;
    reglament_calendar_free(h);

    /* a calendar without any working time */
    reglament_calendar *none = NULL;
    const char *none_json = "{\"timezone\":\"UTC\",\"week\":{}}";
    st = reglament_calendar_from_json(none_json, strlen(none_json), &none, &err);
    if (st == REGLAMENT_STATUS_OK) {
        CHECK_STATUS(reglament_calendar_add(none, FRI_0900_KYIV, 60, &u, &err), err,
                     REGLAMENT_STATUS_NO_WORKING_TIME);
        CHECK_STR(reglament_error_code(err), "no_working_time");
        reglament_error_free(err);
        err = NULL;
        CHECK_STATUS(reglament_calendar_next_working(none, FRI_0900_KYIV, &u, &err), err,
                     REGLAMENT_STATUS_NO_WORKING_TIME);
        reglament_error_free(err);
        err = NULL;
        CHECK_STATUS(reglament_calendar_elapsed(none, FRI_0900_KYIV, MON_1000_KYIV, &u, &err), err,
                     REGLAMENT_STATUS_OK);
        CHECK_I64(u, 0);
    } else {
        /* the core refuses such a file outright */
        CHECK_STATUS(st, err, REGLAMENT_STATUS_NO_WORKING_TIME);
        CHECK_STR(reglament_error_code(err), "no_working_time");
        CHECK_STR(reglament_error_field(err), "week");
        reglament_error_free(err);
        err = NULL;
    }
    reglament_calendar_free(none);
}

static void range_edges(void) {
    int64_t first = 0, last = 0, u = 0;
    reglament_error *err = NULL;
    CHECK_STATUS(reglament_calendar_supported_range(kyiv, &first, &last, &err), err, REGLAMENT_STATUS_OK);
    /* local midnight of 1991-01-01 in Kyiv (the preset's first year) */
    CHECK(first >= RANGE_FIRST_1991 - 4 * 3600 && first <= RANGE_FIRST_1991);
    CHECK_I64(last, RANGE_LAST);

    const int64_t bad_instants[] = {INT64_MIN, -1, 0, first - 1, last + 1, INT64_MAX};
    for (size_t i = 0; i < sizeof bad_instants / sizeof bad_instants[0]; i++) {
        int64_t t = bad_instants[i];
        bool w = false;
        CHECK_STATUS(reglament_calendar_add(kyiv, t, 60, &u, &err), err, REGLAMENT_STATUS_OUT_OF_RANGE);
        CHECK_STR(reglament_error_code(err), "out_of_range");
        CHECK(reglament_error_message(err) != NULL && strlen(reglament_error_message(err)) > 0);
        reglament_error_free(err);
        CHECK_STATUS(reglament_calendar_sub(kyiv, t, 60, &u, &err), err, REGLAMENT_STATUS_OUT_OF_RANGE);
        reglament_error_free(err);
        CHECK_STATUS(reglament_calendar_elapsed(kyiv, t, FRI_0900_KYIV, &u, &err), err,
                     REGLAMENT_STATUS_OUT_OF_RANGE);
        reglament_error_free(err);
        CHECK_STATUS(reglament_calendar_elapsed(kyiv, FRI_0900_KYIV, t, &u, &err), err,
                     REGLAMENT_STATUS_OUT_OF_RANGE);
        reglament_error_free(err);
        CHECK_STATUS(reglament_calendar_is_working(kyiv, t, &w, &err), err, REGLAMENT_STATUS_OUT_OF_RANGE);
        reglament_error_free(err);
        CHECK_STATUS(reglament_calendar_next_working(kyiv, t, &u, &err), err, REGLAMENT_STATUS_OUT_OF_RANGE);
        reglament_error_free(err);
        CHECK_STATUS(reglament_calendar_add_working_days(kyiv, t, 2, &u, &err), err,
                     REGLAMENT_STATUS_OUT_OF_RANGE);
        reglament_error_free(err);
    }
    err = NULL;

    /* durations that run past the end of the range */
    const int64_t huge[] = {INT64_MAX, INT64_MIN, INT64_MAX / 2, 200LL * 365 * 86400};
    for (size_t i = 0; i < sizeof huge / sizeof huge[0]; i++) {
        CHECK_STATUS(reglament_calendar_add(kyiv, FRI_0900_KYIV, huge[i], &u, &err), err,
                     REGLAMENT_STATUS_OUT_OF_RANGE);
        reglament_error_free(err);
        CHECK_STATUS(reglament_calendar_sub(kyiv, FRI_0900_KYIV, huge[i], &u, &err), err,
                     REGLAMENT_STATUS_OUT_OF_RANGE);
        reglament_error_free(err);
    }
    CHECK_STATUS(reglament_calendar_add_working_days(kyiv, FRI_0900_KYIV, UINT32_MAX, &u, &err), err,
                 REGLAMENT_STATUS_OUT_OF_RANGE);
    reglament_error_free(err);
    err = NULL;

    /* the first instant of the range works; the day count must be positive */
    CHECK_STATUS(reglament_calendar_add(kyiv, first, 60, &u, &err), err, REGLAMENT_STATUS_OK);
    CHECK_STATUS(reglament_calendar_add_working_days(kyiv, FRI_0900_KYIV, 0, &u, &err), err,
                 REGLAMENT_STATUS_INVALID_INPUT);
    CHECK_STR(reglament_error_code(err), "invalid_value");
    CHECK_STR(reglament_error_field(err), "days");
    reglament_error_free(err);
}

static void json_round_trip(void) {
    char *json = NULL;
    reglament_error *err = NULL;
    CHECK_STATUS(reglament_calendar_to_json(kyiv, &json, &err), err, REGLAMENT_STATUS_OK);
    CHECK(str_contains(json, "Europe/Kyiv"));
    reglament_calendar *back = NULL;
    CHECK_STATUS(reglament_calendar_from_json(json, json ? strlen(json) : 0, &back, &err), err,
                 REGLAMENT_STATUS_OK);
    int64_t u = 0;
    CHECK_STATUS(reglament_calendar_add(back, FRI_1700_KYIV, 7200, &u, &err), err, REGLAMENT_STATUS_OK);
    CHECK_I64(u, MON_1000_KYIV);
    reglament_calendar_free(back);
    reglament_string_free(json);

    /* the text need not be NUL-terminated: only len bytes are read */
    const char padded[] = "{\"timezone\":\"UTC\",\"week\":{\"mon\":[[\"09:00\",\"17:00\"]]}}GARBAGE";
    reglament_calendar *c = NULL;
    CHECK_STATUS(reglament_calendar_from_json(padded, strlen(padded) - 7, &c, &err), err, REGLAMENT_STATUS_OK);
    reglament_calendar_free(c);
}

static void from_regulation(void) {
    reglament_regulation *reg = NULL;
    reglament_calendar *cal = NULL, *reg_cal = NULL;
    reglament_error *err = NULL;
    CHECK_STATUS(reglament_regulation_default(&reg, &err), err, REGLAMENT_STATUS_OK);
    CHECK_STATUS(reglament_regulation_calendar(reg, &cal, &err), err, REGLAMENT_STATUS_OK);
    CHECK_STATUS(reglament_regulation_registration_calendar(reg, &reg_cal, &err), err, REGLAMENT_STATUS_OK);
    /* the calendar handles outlive the regulation */
    reglament_regulation_free(reg);
    int64_t u = 0;
    CHECK_STATUS(reglament_calendar_add(cal, FRI_1700_KYIV, 7200, &u, &err), err, REGLAMENT_STATUS_OK);
    CHECK_I64(u, MON_1000_KYIV);
    CHECK_STATUS(reglament_calendar_add(reg_cal, FRI_1700_KYIV, 7200, &u, &err), err, REGLAMENT_STATUS_OK);
    CHECK_I64(u, MON_1000_KYIV);
    reglament_calendar_free(cal);
    reglament_calendar_free(reg_cal);
}

struct worker {
    int64_t start;
    int mismatches;
};

static void *worker_run(void *arg) {
    struct worker *w = arg;
    for (int i = 0; i < 2000; i++) {
        int64_t t = w->start + (int64_t)i * 3607, u = 0, d = 0;
        if (reglament_calendar_add(kyiv, t, 3 * 3600 + i, &u, NULL) != REGLAMENT_STATUS_OK ||
            reglament_calendar_elapsed(kyiv, t, u, &d, NULL) != REGLAMENT_STATUS_OK || d != 3 * 3600 + i) {
            w->mismatches++;
        }
    }
    return NULL;
}

/* one calendar handle shared by several threads at once */
static void threads(void) {
    enum { N = 4 };
    pthread_t th[N];
    struct worker w[N];
    for (int i = 0; i < N; i++) {
        w[i].start = FRI_0900_KYIV + i * 86400LL * 17;
        w[i].mismatches = 0;
        CHECK(pthread_create(&th[i], NULL, worker_run, &w[i]) == 0);
    }
    for (int i = 0; i < N; i++) {
        CHECK(pthread_join(th[i], NULL) == 0);
        CHECK(w[i].mismatches == 0);
    }
}

int main(void) {
    CHECK_STR(reglament_version(), REGLAMENT_VERSION);
    reglament_error *err = NULL;
    CHECK_STATUS(reglament_calendar_default_kyiv(&kyiv, &err), err, REGLAMENT_STATUS_OK);
    if (kyiv == NULL) {
        return check_summary("test_calendar");
    }
    design_examples();
    laws();
    custom_calendars();
    range_edges();
    json_round_trip();
    from_regulation();
    threads();
    reglament_calendar_free(kyiv);
    return check_summary("test_calendar");
}

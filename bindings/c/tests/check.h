/* A tiny test harness for the C tests: CHECK counts, failures are printed
 * with file and line, check_summary prints "NAME: N passed, N failed" and
 * gives the exit code. */
#ifndef REGLAMENT_TEST_CHECK_H
#define REGLAMENT_TEST_CHECK_H

#include <stdio.h>
#include <string.h>

#include "reglament.h"

static int check_passed = 0;
static int check_failed = 0;

#define CHECK(cond)                                                                     \
    do {                                                                                \
        if (cond) {                                                                     \
            check_passed++;                                                             \
        } else {                                                                        \
            check_failed++;                                                             \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);    \
        }                                                                               \
    } while (0)

/* Compares two strings, either of which may be NULL. */
static inline int str_eq(const char *a, const char *b) {
    if (a == NULL || b == NULL) {
        return a == b;
    }
    return strcmp(a, b) == 0;
}

static inline int str_contains(const char *haystack, const char *needle) {
    return haystack != NULL && needle != NULL && strstr(haystack, needle) != NULL;
}

#define CHECK_STR(actual, expected)                                                     \
    do {                                                                                \
        const char *check_a_ = (actual);                                                \
        const char *check_e_ = (expected);                                              \
        if (str_eq(check_a_, check_e_)) {                                               \
            check_passed++;                                                             \
        } else {                                                                        \
            check_failed++;                                                             \
            fprintf(stderr, "%s:%d: %s is \"%s\", expected \"%s\"\n", __FILE__, __LINE__, \
                    #actual, check_a_ ? check_a_ : "(null)", check_e_ ? check_e_ : "(null)"); \
        }                                                                               \
    } while (0)

#define CHECK_I64(actual, expected)                                                     \
    do {                                                                                \
        long long check_a_ = (long long)(actual);                                       \
        long long check_e_ = (long long)(expected);                                     \
        if (check_a_ == check_e_) {                                                     \
            check_passed++;                                                             \
        } else {                                                                        \
            check_failed++;                                                             \
            fprintf(stderr, "%s:%d: %s is %lld, expected %lld\n", __FILE__, __LINE__,   \
                    #actual, check_a_, check_e_);                                       \
        }                                                                               \
    } while (0)

/* Checks the status of a call, prints the error when it is not the
 * expected one. */
#define CHECK_STATUS(status, err, expected)                                             \
    do {                                                                                \
        reglament_status check_s_ = (status);                                           \
        if (check_s_ == (expected)) {                                                   \
            check_passed++;                                                             \
        } else {                                                                        \
            check_failed++;                                                             \
            fprintf(stderr, "%s:%d: status %s, expected %s (%s)\n", __FILE__, __LINE__, \
                    reglament_status_name(check_s_), reglament_status_name(expected),   \
                    (err) ? reglament_error_message(err) : "no error object");          \
        }                                                                               \
    } while (0)

static inline int check_summary(const char *name) {
    printf("%s: %d passed, %d failed\n", name, check_passed, check_failed);
    return check_failed == 0 ? 0 : 1;
}

#endif

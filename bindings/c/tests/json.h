/* A small JSON reader for the C tests (RFC 8259, UTF-8 input). It keeps
 * the source span of every value, so that a sub-document (an event, a
 * regulation) can be handed to the C API as pointer + length without
 * re-serialising it. Not part of the library. */
#ifndef REGLAMENT_TEST_JSON_H
#define REGLAMENT_TEST_JSON_H

#include <stddef.h>
#include <stdint.h>

typedef enum { JSON_NULL, JSON_BOOL, JSON_NUMBER, JSON_STRING, JSON_ARRAY, JSON_OBJECT } json_type;

typedef struct json_value {
    json_type type;
    const char *raw; /* the value's text in the source */
    size_t raw_len;
    int boolean;
    double number;
    char *string;              /* JSON_STRING: decoded, NUL-terminated UTF-8 */
    size_t len;                /* JSON_ARRAY, JSON_OBJECT: number of items */
    struct json_value *items;  /* JSON_ARRAY, JSON_OBJECT: the values */
    char **keys;               /* JSON_OBJECT: the keys, decoded */
} json_value;

/* Parses `len` bytes of `text` (which must outlive the result). Returns NULL
 * and writes a message into `error` (of `error_size` bytes) when the text
 * is not one JSON value. */
json_value *json_parse(const char *text, size_t len, char *error, size_t error_size);

/* Frees a value returned by json_parse. NULL is ignored. */
void json_free(json_value *v);

/* The member `key` of an object, or NULL (also when `v` is not an object). */
const json_value *json_get(const json_value *v, const char *key);

/* The decoded string of `v`, or NULL when `v` is NULL or not a string. */
const char *json_string(const json_value *v);

/* Parses an RFC 3339 instant ("2026-03-02T10:00:00+02:00", "...Z", an
 * optional fraction of a second is dropped) into Unix seconds. Returns 0 on
 * success, -1 when the text is not such an instant. */
int json_parse_instant(const char *text, int64_t *out);

/* Whether `expected` is a subset of `actual` (the rule of
 * tests/vectors/README.md): objects key by key (an absent key matches
 * null), arrays element by element with equal length, strings that are both
 * RFC 3339 instants compare as instants, anything else by equality.
 * Describes the first difference in `diff` and returns 0 when it is not. */
int json_subset(const json_value *expected, const json_value *actual, const char *path, char *diff,
                size_t diff_size);

#endif

/* A small JSON reader for the C tests; see json.h. */
#include "json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define JSON_MAX_DEPTH 64

typedef struct {
    const char *p;
    const char *end;
    const char *start;
    char *error;
    size_t error_size;
    int failed;
} parser;

static void fail(parser *ps, const char *what) {
    if (!ps->failed) {
        snprintf(ps->error, ps->error_size, "%s at byte %ld", what, (long)(ps->p - ps->start));
        ps->failed = 1;
    }
}

static void skip_ws(parser *ps) {
    while (ps->p < ps->end && (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' || *ps->p == '\r')) {
        ps->p++;
    }
}

static int hex4(parser *ps, unsigned *out) {
    if (ps->end - ps->p < 4) {
        return -1;
    }
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        char c = ps->p[i];
        v <<= 4;
        if (c >= '0' && c <= '9') {
            v |= (unsigned)(c - '0');
        } else if (c >= 'a' && c <= 'f') {
            v |= (unsigned)(c - 'a' + 10);
        } else if (c >= 'A' && c <= 'F') {
            v |= (unsigned)(c - 'A' + 10);
        } else {
            return -1;
        }
    }
    ps->p += 4;
    *out = v;
    return 0;
}

static size_t put_utf8(char *dst, unsigned cp) {
    if (cp < 0x80) {
        dst[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        dst[0] = (char)(0xC0 | (cp >> 6));
        dst[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        dst[0] = (char)(0xE0 | (cp >> 12));
        dst[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        dst[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    dst[0] = (char)(0xF0 | (cp >> 18));
    dst[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    dst[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    dst[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Parses a string at ps->p (which is at the opening quote); returns a new
 * decoded string or NULL. */
static char *parse_string(parser *ps) {
    ps->p++; /* opening quote */
    /* decoded text is never longer than the source */
    char *out = malloc((size_t)(ps->end - ps->p) + 1);
    if (out == NULL) {
        fail(ps, "out of memory");
        return NULL;
    }
    size_t n = 0;
    while (ps->p < ps->end) {
        unsigned char c = (unsigned char)*ps->p;
        if (c == '"') {
            ps->p++;
            out[n] = '\0';
            return out;
        }
        if (c < 0x20) {
            break;
        }
        if (c != '\\') {
            out[n++] = (char)c;
            ps->p++;
            continue;
        }
        ps->p++;
        if (ps->p >= ps->end) {
            break;
        }
        char e = *ps->p++;
        switch (e) {
        case '"': out[n++] = '"'; break;
        case '\\': out[n++] = '\\'; break;
        case '/': out[n++] = '/'; break;
        case 'b': out[n++] = '\b'; break;
        case 'f': out[n++] = '\f'; break;
        case 'n': out[n++] = '\n'; break;
        case 'r': out[n++] = '\r'; break;
        case 't': out[n++] = '\t'; break;
        case 'u': {
            unsigned cp = 0, lo = 0;
            if (hex4(ps, &cp) != 0) {
                goto bad;
            }
            if (cp >= 0xD800 && cp < 0xDC00) {
                if (ps->end - ps->p < 6 || ps->p[0] != '\\' || ps->p[1] != 'u') {
                    goto bad;
                }
                ps->p += 2;
                if (hex4(ps, &lo) != 0 || lo < 0xDC00 || lo > 0xDFFF) {
                    goto bad;
                }
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            } else if (cp >= 0xDC00 && cp < 0xE000) {
                goto bad;
            }
            n += put_utf8(out + n, cp);
            break;
        }
        default:
            goto bad;
        }
    }
bad:
    free(out);
    fail(ps, "invalid string");
    return NULL;
}

static int parse_value(parser *ps, json_value *v, int depth);

static int push(parser *ps, json_value *v, size_t *cap) {
    if (v->len == *cap) {
        size_t ncap = *cap ? *cap * 2 : 4;
        json_value *items = realloc(v->items, ncap * sizeof *items);
        if (items == NULL) {
            fail(ps, "out of memory");
            return -1;
        }
        v->items = items;
        if (v->type == JSON_OBJECT) {
            char **keys = realloc(v->keys, ncap * sizeof *keys);
            if (keys == NULL) {
                fail(ps, "out of memory");
                return -1;
            }
            v->keys = keys;
        }
        *cap = ncap;
    }
    memset(&v->items[v->len], 0, sizeof v->items[0]);
    if (v->type == JSON_OBJECT) {
        v->keys[v->len] = NULL;
    }
    v->len++;
    return 0;
}

static int parse_container(parser *ps, json_value *v, int depth) {
    char close = v->type == JSON_ARRAY ? ']' : '}';
    size_t cap = 0;
    ps->p++;
    skip_ws(ps);
    if (ps->p < ps->end && *ps->p == close) {
        ps->p++;
        return 0;
    }
    for (;;) {
        skip_ws(ps);
        if (push(ps, v, &cap) != 0) {
            return -1;
        }
        if (v->type == JSON_OBJECT) {
            if (ps->p >= ps->end || *ps->p != '"') {
                fail(ps, "expected a key");
                return -1;
            }
            v->keys[v->len - 1] = parse_string(ps);
            if (v->keys[v->len - 1] == NULL) {
                return -1;
            }
            skip_ws(ps);
            if (ps->p >= ps->end || *ps->p != ':') {
                fail(ps, "expected ':'");
                return -1;
            }
            ps->p++;
        }
        if (parse_value(ps, &v->items[v->len - 1], depth + 1) != 0) {
            return -1;
        }
        skip_ws(ps);
        if (ps->p < ps->end && *ps->p == ',') {
            ps->p++;
            continue;
        }
        if (ps->p < ps->end && *ps->p == close) {
            ps->p++;
            return 0;
        }
        fail(ps, "expected ',' or the end of a container");
        return -1;
    }
}

static int literal(parser *ps, const char *word) {
    size_t n = strlen(word);
    if ((size_t)(ps->end - ps->p) < n || memcmp(ps->p, word, n) != 0) {
        fail(ps, "invalid literal");
        return -1;
    }
    ps->p += n;
    return 0;
}

static int parse_number(parser *ps, json_value *v) {
    const char *s = ps->p;
    if (ps->p < ps->end && *ps->p == '-') {
        ps->p++;
    }
    while (ps->p < ps->end && ((*ps->p >= '0' && *ps->p <= '9') || *ps->p == '.' || *ps->p == 'e' ||
                               *ps->p == 'E' || *ps->p == '+' || *ps->p == '-')) {
        ps->p++;
    }
    size_t n = (size_t)(ps->p - s);
    char buf[64];
    if (n == 0 || n >= sizeof buf) {
        fail(ps, "invalid number");
        return -1;
    }
    memcpy(buf, s, n);
    buf[n] = '\0';
    char *end = NULL;
    v->number = strtod(buf, &end);
    if (end != buf + n) {
        fail(ps, "invalid number");
        return -1;
    }
    return 0;
}

static int parse_value(parser *ps, json_value *v, int depth) {
    if (depth > JSON_MAX_DEPTH) {
        fail(ps, "nested too deeply");
        return -1;
    }
    skip_ws(ps);
    if (ps->p >= ps->end) {
        fail(ps, "unexpected end");
        return -1;
    }
    v->raw = ps->p;
    int rc = 0;
    switch (*ps->p) {
    case '{': v->type = JSON_OBJECT; rc = parse_container(ps, v, depth); break;
    case '[': v->type = JSON_ARRAY; rc = parse_container(ps, v, depth); break;
    case '"':
        v->type = JSON_STRING;
        v->string = parse_string(ps);
        rc = v->string ? 0 : -1;
        break;
    case 't': v->type = JSON_BOOL; v->boolean = 1; rc = literal(ps, "true"); break;
    case 'f': v->type = JSON_BOOL; v->boolean = 0; rc = literal(ps, "false"); break;
    case 'n': v->type = JSON_NULL; rc = literal(ps, "null"); break;
    default: v->type = JSON_NUMBER; rc = parse_number(ps, v); break;
    }
    v->raw_len = (size_t)(ps->p - v->raw);
    return rc;
}

static void free_inner(json_value *v) {
    for (size_t i = 0; i < v->len; i++) {
        free_inner(&v->items[i]);
        if (v->type == JSON_OBJECT) {
            free(v->keys[i]);
        }
    }
    free(v->items);
    free(v->keys);
    free(v->string);
}

json_value *json_parse(const char *text, size_t len, char *error, size_t error_size) {
    parser ps = {text, text + len, text, error, error_size, 0};
    json_value *v = calloc(1, sizeof *v);
    if (v == NULL) {
        snprintf(error, error_size, "out of memory");
        return NULL;
    }
    if (parse_value(&ps, v, 0) == 0) {
        skip_ws(&ps);
        if (ps.p == ps.end) {
            return v;
        }
        fail(&ps, "trailing characters");
    }
    free_inner(v);
    free(v);
    return NULL;
}

void json_free(json_value *v) {
    if (v != NULL) {
        free_inner(v);
        free(v);
    }
}

const json_value *json_get(const json_value *v, const char *key) {
    if (v == NULL || v->type != JSON_OBJECT) {
        return NULL;
    }
    for (size_t i = 0; i < v->len; i++) {
        if (strcmp(v->keys[i], key) == 0) {
            return &v->items[i];
        }
    }
    return NULL;
}

const char *json_string(const json_value *v) {
    return v != NULL && v->type == JSON_STRING ? v->string : NULL;
}

static int digits(const char *s, int n, int *out) {
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return -1;
        }
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 0;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
static int64_t days_from_civil(int64_t y, int m, int d) {
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

int json_parse_instant(const char *s, int64_t *out) {
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int y, mo, d, h, mi, se;
    if (s == NULL || strlen(s) < 20 || digits(s, 4, &y) || s[4] != '-' || digits(s + 5, 2, &mo) || s[7] != '-' ||
        digits(s + 8, 2, &d) || (s[10] != 'T' && s[10] != 't') || digits(s + 11, 2, &h) || s[13] != ':' ||
        digits(s + 14, 2, &mi) || s[16] != ':' || digits(s + 17, 2, &se)) {
        return -1;
    }
    if (mo < 1 || mo > 12 || d < 1 || d > mdays[mo - 1] || h > 23 || mi > 59 || se > 60) {
        return -1;
    }
    const char *p = s + 19;
    if (*p == '.') {
        p++;
        if (*p < '0' || *p > '9') {
            return -1;
        }
        while (*p >= '0' && *p <= '9') {
            p++;
        }
    }
    int64_t offset = 0;
    if (*p == 'Z' || *p == 'z') {
        p++;
    } else if (*p == '+' || *p == '-') {
        int oh, om;
        if (digits(p + 1, 2, &oh) || p[3] != ':' || digits(p + 4, 2, &om) || oh > 23 || om > 59) {
            return -1;
        }
        offset = (oh * 3600 + om * 60) * (*p == '-' ? -1 : 1);
        p += 6;
    } else {
        return -1;
    }
    if (*p != '\0') {
        return -1;
    }
    *out = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + se - offset;
    return 0;
}

int json_subset(const json_value *e, const json_value *a, const char *path, char *diff, size_t diff_size) {
    static const json_value null_value = {JSON_NULL, "null", 4, 0, 0, NULL, 0, NULL, NULL};
    if (a == NULL) {
        a = &null_value;
    }
    if (e->type == JSON_OBJECT && a->type == JSON_OBJECT) {
        for (size_t i = 0; i < e->len; i++) {
            char sub[512];
            snprintf(sub, sizeof sub, "%s.%s", path, e->keys[i]);
            if (!json_subset(&e->items[i], json_get(a, e->keys[i]), sub, diff, diff_size)) {
                return 0;
            }
        }
        return 1;
    }
    if (e->type == JSON_ARRAY && a->type == JSON_ARRAY) {
        if (e->len != a->len) {
            snprintf(diff, diff_size, "%s: expected %zu items, got %zu: %.*s", path, e->len, a->len,
                     (int)(a->raw_len > 300 ? 300 : a->raw_len), a->raw);
            return 0;
        }
        for (size_t i = 0; i < e->len; i++) {
            char sub[512];
            snprintf(sub, sizeof sub, "%s[%zu]", path, i);
            if (!json_subset(&e->items[i], &a->items[i], sub, diff, diff_size)) {
                return 0;
            }
        }
        return 1;
    }
    int same = 0;
    if (e->type == a->type) {
        switch (e->type) {
        case JSON_NULL: same = 1; break;
        case JSON_BOOL: same = e->boolean == a->boolean; break;
        case JSON_NUMBER: same = e->number == a->number; break;
        case JSON_STRING: {
            int64_t x = 0, y = 0;
            same = strcmp(e->string, a->string) == 0 ||
                   (json_parse_instant(e->string, &x) == 0 && json_parse_instant(a->string, &y) == 0 && x == y);
            break;
        }
        default: break;
        }
    }
    if (!same) {
        snprintf(diff, diff_size, "%s: expected %.*s, got %.*s", path, (int)(e->raw_len > 200 ? 200 : e->raw_len),
                 e->raw, (int)(a->raw_len > 200 ? 200 : a->raw_len), a->raw);
    }
    return same;
}

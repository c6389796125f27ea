/* The report vectors of tests/reports/ through reglament_report_json: each
 * set's report must contain the expected JSON (a subset, the rule of
 * tests/vectors/README.md). Also the errors of bad options. */
#include <stdint.h>
#include <stdlib.h>

#include "check.h"
#include "json.h"

static char diff[512];

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap + 1);
    while (buf != NULL) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap) break;
        char *bigger = realloc(buf, cap * 2 + 1);
        if (bigger == NULL) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = bigger;
        cap *= 2;
    }
    fclose(f);
    if (buf != NULL) buf[n] = '\0';
    *len = n;
    return buf;
}

/* A span of the vector as a NUL-terminated string (or "null"). */
static char *span(const json_value *v) {
    if (v == NULL) return NULL;
    char *s = malloc(v->raw_len + 1);
    if (s != NULL) {
        memcpy(s, v->raw, v->raw_len);
        s[v->raw_len] = '\0';
    }
    return s;
}

static int run_set(const char *path) {
    size_t len = 0;
    char *text = read_file(path, &len), error[256];
    if (text == NULL) {
        fprintf(stderr, "%s: cannot read\n", path);
        return 0;
    }
    json_value *v = json_parse(text, len, error, sizeof error);
    int ok = 1;
    if (v == NULL) {
        fprintf(stderr, "%s: %s\n", path, error);
        free(text);
        return 0;
    }
    reglament_regulation *reg = NULL;
    reglament_error *err = NULL;
    const json_value *over = json_get(v, "regulation");
    reglament_status st = over == NULL || over->type == JSON_NULL
                              ? reglament_regulation_default(&reg, &err)
                              : reglament_regulation_with_overrides(over->raw, over->raw_len, &reg, &err);
    if (st != REGLAMENT_STATUS_OK) {
        fprintf(stderr, "%s: regulation: %s\n", path, reglament_error_message(err));
        ok = 0;
    }
    reglament_error_free(err);
    err = NULL;
    /* options: from, to, now, by (and the contract when the set has one) */
    char *from = span(json_get(v, "from")), *to = span(json_get(v, "to")), *now = span(json_get(v, "now")),
         *by = span(json_get(v, "by")), *contract = span(json_get(v, "contract"));
    size_t olen = 64 + strlen(from ? from : "") + strlen(to ? to : "") + strlen(now ? now : "") +
                  strlen(by ? by : "") + strlen(contract ? contract : "");
    char *options = malloc(olen);
    if (options != NULL) {
        snprintf(options, olen, "{\"from\":%s,\"to\":%s,\"now\":%s,\"by\":%s%s%s}", from, to, now,
                 by ? by : "\"month\"", contract ? ",\"contract\":" : "", contract ? contract : "");
    }
    const json_value *requests = json_get(v, "requests");
    char *out = NULL;
    if (ok && options != NULL && requests != NULL) {
        if (reglament_report_json(reg, requests->raw, requests->raw_len, options, strlen(options), &out, &err) !=
            REGLAMENT_STATUS_OK) {
            fprintf(stderr, "%s: %s\n", path, reglament_error_message(err));
            ok = 0;
        } else {
            json_value *a = json_parse(out, strlen(out), error, sizeof error);
            if (a == NULL || !json_subset(json_get(v, "expected"), a, "report", diff, sizeof diff)) {
                fprintf(stderr, "%s: %s\n", path, a == NULL ? error : diff);
                ok = 0;
            }
            json_free(a);
        }
    }
    reglament_string_free(out);
    reglament_error_free(err);
    reglament_regulation_free(reg);
    free(from);
    free(to);
    free(now);
    free(by);
    free(contract);
    free(options);
    json_free(v);
    free(text);
    return ok;
}

static void bad_options(void) {
    reglament_regulation *reg = NULL;
    CHECK_STATUS(reglament_regulation_default(&reg, NULL), NULL, REGLAMENT_STATUS_OK);
    const char *cases[][2] = {
        {"{\"to\":\"2026-12-01\",\"now\":\"2026-12-01T00:00:00Z\"}", "options.from"},
        {"{\"from\":\"2026-11-01\",\"to\":\"2026-12-01\",\"now\":\"2026-12-01T00:00:00Z\",\"by\":\"day\"}", "options.by"},
        {"{\"from\":\"2026-11-01\",\"to\":\"2026-12-01\",\"now\":\"yesterday\"}", "options.now"},
        {"[", "options"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *out = NULL;
        reglament_error *err = NULL;
        CHECK_STATUS(reglament_report_json(reg, "[]", 2, cases[i][0], strlen(cases[i][0]), &out, &err), err,
                     REGLAMENT_STATUS_INVALID_INPUT);
        CHECK(out == NULL && err != NULL && str_eq(reglament_error_field(err), cases[i][1]));
        reglament_error_free(err);
    }
    /* a request whose events do not parse names it */
    const char *req = "[{\"id\":\"T\",\"events\":[{\"kind\":\"nope\"}]}]";
    const char *opt = "{\"from\":\"2026-11-01\",\"to\":\"2026-12-01\",\"now\":\"2026-12-01T00:00:00Z\"}";
    char *out = NULL;
    reglament_error *err = NULL;
    CHECK_STATUS(reglament_report_json(reg, req, strlen(req), opt, strlen(opt), &out, &err), err,
                 REGLAMENT_STATUS_INVALID_INPUT);
    CHECK(str_eq(reglament_error_field(err), "requests[0].events[0].kind"));
    reglament_error_free(err);
    reglament_regulation_free(reg);
}

int main(int argc, char **argv) {
    bad_options();
    for (int i = 1; i < argc; i++) {
        CHECK(run_set(argv[i]));
    }
    CHECK(argc > 1);
    return check_summary("test_reports");
}

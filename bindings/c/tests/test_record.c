/* The contract record through the C API (DESIGN §5): the regulation's
 * fingerprint, hash chains, their verification, the Merkle root; and
 * replay's one behaviour for items that are not events. */
#include <stdint.h>
#include <stdlib.h>

#include "check.h"

#define ACTOR_OP "\"actor\":{\"id\":\"op-1\",\"role\":\"operator\"}"
static const char *HISTORY =
    "[{\"kind\":\"register\",\"at\":\"2026-03-02T10:00:00+02:00\"," ACTOR_OP ",\"channel\":\"phone\","
    "\"description\":\"d\",\"conditions\":\"c\",\"priority\":\"high\",\"category\":\"incident\"},"
    "{\"kind\":\"start_work\",\"at\":\"2026-03-02T10:15:00+02:00\",\"actor\":{\"id\":\"c-1\",\"role\":\"consultant\"}},"
    "{\"kind\":\"comment\",\"at\":\"2026-03-02T10:20:00+02:00\"," ACTOR_OP ",\"text\":\"calling back\"}]";

static reglament_regulation *reg;

static void fingerprints_follow_meaning(void) {
    char *fp = NULL, *complete = NULL, *fp2 = NULL;
    reglament_regulation *again = NULL, *other = NULL;
    CHECK_STATUS(reglament_regulation_fingerprint(reg, &fp, NULL), NULL, REGLAMENT_STATUS_OK);
    CHECK(fp != NULL && strlen(fp) == 71 && strncmp(fp, "sha256:", 7) == 0);
    /* the complete form reads back to the same fingerprint */
    CHECK_STATUS(reglament_regulation_complete_json(reg, &complete, NULL), NULL, REGLAMENT_STATUS_OK);
    CHECK_STATUS(reglament_regulation_from_json(complete, strlen(complete), &again, NULL), NULL, REGLAMENT_STATUS_OK);
    CHECK_STATUS(reglament_regulation_fingerprint(again, &fp2, NULL), NULL, REGLAMENT_STATUS_OK);
    CHECK_STR(fp2, fp);
    reglament_string_free(fp2);
    fp2 = NULL;
    /* another value, another fingerprint */
    const char *over = "{\"archive_after\":{\"amount\":9}}";
    CHECK_STATUS(reglament_regulation_with_overrides(over, strlen(over), &other, NULL), NULL, REGLAMENT_STATUS_OK);
    CHECK_STATUS(reglament_regulation_fingerprint(other, &fp2, NULL), NULL, REGLAMENT_STATUS_OK);
    CHECK(fp2 != NULL && strcmp(fp2, fp) != 0);
    /* NULL out: an argument error, nothing written */
    reglament_error *err = NULL;
    CHECK_STATUS(reglament_regulation_fingerprint(reg, NULL, &err), err, REGLAMENT_STATUS_INVALID_ARGUMENT);
    reglament_error_free(err);
    reglament_string_free(fp);
    reglament_string_free(fp2);
    reglament_string_free(complete);
    reglament_regulation_free(again);
    reglament_regulation_free(other);
}

static void chains_verify_and_report_edits(void) {
    char *chain = NULL, *head = NULL, *v = NULL;
    reglament_error *err = NULL;
    CHECK_STATUS(reglament_chain_json(reg, "T-1", 3, HISTORY, strlen(HISTORY), &chain, NULL), NULL,
                 REGLAMENT_STATUS_OK);
    CHECK_STATUS(reglament_chain_head(reg, "T-1", 3, HISTORY, strlen(HISTORY), &head, NULL), NULL,
                 REGLAMENT_STATUS_OK);
    CHECK(chain != NULL && head != NULL && strstr(chain, head) != NULL);
    /* three lines, the last one's hash is the head */
    int lines = 0;
    for (const char *p = chain; *p; p++) lines += *p == '\n';
    CHECK(lines == 3);
    CHECK_STATUS(reglament_verify_json(reg, "T-1", 3, chain, strlen(chain), &v, NULL), NULL, REGLAMENT_STATUS_OK);
    CHECK(v != NULL && str_contains(v, "\"ok\":true") && str_contains(v, "\"entries\":3") && str_contains(v, head));
    reglament_string_free(v);
    v = NULL;
    /* every single-byte change of the chained text is reported */
    size_t n = strlen(chain), missed = 0;
    char *edited = malloc(n + 1);
    for (size_t i = 0; edited != NULL && i < n; i++) {
        memcpy(edited, chain, n + 1);
        edited[i] = edited[i] == '0' ? '1' : '0';
        if (reglament_verify_json(reg, "T-1", 3, edited, n, &v, NULL) != REGLAMENT_STATUS_OK ||
            !str_contains(v, "\"ok\":false")) {
            missed++;
        }
        reglament_string_free(v);
        v = NULL;
    }
    CHECK(missed == 0);
    free(edited);
    /* another request: the first entry does not hold, field prev */
    CHECK_STATUS(reglament_verify_json(reg, "T-2", 3, chain, strlen(chain), &v, NULL), NULL, REGLAMENT_STATUS_OK);
    CHECK(str_contains(v, "\"ok\":false") && str_contains(v, "\"first_bad\":0") && str_contains(v, "\"field\":\"prev\""));
    reglament_string_free(v);
    v = NULL;
    /* a list with an item that is not an event cannot be chained */
    const char *bad = "[{\"kind\":\"comment\",\"at\":\"2026-03-02T08:00:00Z\"," ACTOR_OP ",\"text\":\"x\"},{\"kind\":\"nope\"}]";
    char *none = NULL;
    CHECK_STATUS(reglament_chain_json(reg, "T", 1, bad, strlen(bad), &none, &err), err, REGLAMENT_STATUS_INVALID_INPUT);
    CHECK(none == NULL && err != NULL && str_eq(reglament_error_field(err), "events[1].kind"));
    reglament_error_free(err);
    err = NULL;
    /* the Merkle root: any order, changed by any head */
    char heads[512], swapped[512], *r1 = NULL, *r2 = NULL, *r3 = NULL;
    snprintf(heads, sizeof heads, "[{\"request\":\"T-1\",\"head\":\"%s\"},{\"request\":\"T-2\",\"head\":\"%s\"}]",
             head, "sha256:0000000000000000000000000000000000000000000000000000000000000000");
    snprintf(swapped, sizeof swapped, "[{\"request\":\"T-2\",\"head\":\"%s\"},{\"request\":\"T-1\",\"head\":\"%s\"}]",
             "sha256:0000000000000000000000000000000000000000000000000000000000000000", head);
    CHECK_STATUS(reglament_merkle_root(heads, strlen(heads), &r1, NULL), NULL, REGLAMENT_STATUS_OK);
    CHECK_STATUS(reglament_merkle_root(swapped, strlen(swapped), &r2, NULL), NULL, REGLAMENT_STATUS_OK);
    CHECK(r1 != NULL && r2 != NULL && strcmp(r1, r2) == 0);
    CHECK_STATUS(reglament_merkle_root("[]", 2, &r3, NULL), NULL, REGLAMENT_STATUS_OK);
    CHECK_STR(r3, "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    char *r4 = NULL;
    CHECK_STATUS(reglament_merkle_root("[{\"request\":\"T\"}]", 17, &r4, &err), err, REGLAMENT_STATUS_INVALID_INPUT);
    CHECK(r4 == NULL && str_eq(reglament_error_field(err), "heads[0].head"));
    reglament_error_free(err);
    reglament_string_free(r1);
    reglament_string_free(r2);
    reglament_string_free(r3);
    reglament_string_free(chain);
    reglament_string_free(head);
}

static void replay_goes_on_past_an_item_that_is_not_an_event(void) {
    const char *lines = "{\"kind\":\"register\",\"at\":\"2026-03-02T10:00:00+02:00\"," ACTOR_OP
                        ",\"channel\":\"phone\",\"description\":\"d\",\"conditions\":\"c\",\"priority\":\"high\"}\n"
                        "{\"kind\":\"start_work\",\"at\":\"2026-03-02T10:02:00+02:00\","
                        "\"actor\":{\"id\":\"c-1\",\"role\":\"consultant\"},\"colour\":\"red\"}\n"
                        "{\"kind\":\"start_work\",\"at\":\"2026-03-02T10:03:00+02:00\","
                        "\"actor\":{\"id\":\"c-1\",\"role\":\"consultant\"}}\n";
    reglament_ticket *t = NULL;
    char *steps = NULL;
    CHECK_STATUS(reglament_ticket_replay(reg, "T", 1, lines, strlen(lines), &t, &steps, NULL), NULL,
                 REGLAMENT_STATUS_OK);
    CHECK(steps != NULL && str_contains(steps, "{\"error\":{\"code\":\"unknown_field\",\"field\":\"events[1].colour\""));
    CHECK(str_contains(steps, "\"index\":2,\"kind\":\"start_work\",\"status\":\"in_progress\""));
    reglament_string_free(steps);
    reglament_ticket_free(t);
}

int main(void) {
    CHECK_STATUS(reglament_regulation_default(&reg, NULL), NULL, REGLAMENT_STATUS_OK);
    fingerprints_follow_meaning();
    chains_verify_and_report_edits();
    replay_goes_on_past_an_item_that_is_not_an_event();
    reglament_regulation_free(reg);
    return check_summary("test_record");
}

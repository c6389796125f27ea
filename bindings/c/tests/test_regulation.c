/* Regulation files through the C API: the embedded default, its JSON round
 * trip, and errors that name the field at fault. */
#include <stdlib.h>

#include "check.h"

/* Replaces the first occurrence of `from` in `text` by `to` (new string). */
static char *replace(const char *text, const char *from, const char *to) {
    const char *at = strstr(text, from);
    if (at == NULL) {
        return NULL;
    }
    size_t head = (size_t)(at - text), n = strlen(text) - strlen(from) + strlen(to) + 1;
    char *out = malloc(n);
    if (out == NULL) {
        return NULL;
    }
    memcpy(out, text, head);
    strcpy(out + head, to);
    strcat(out, at + strlen(from));
    return out;
}

int main(void) {
    reglament_regulation *reg = NULL, *back = NULL, *broken = NULL;
    reglament_error *err = NULL;
    char *json = NULL, *json2 = NULL;

    CHECK_STATUS(reglament_regulation_default(&reg, &err), err, REGLAMENT_STATUS_OK);
    CHECK_STATUS(reglament_regulation_to_json(reg, &json, &err), err, REGLAMENT_STATUS_OK);
    CHECK(str_contains(json, "\"example\": true"));
    CHECK(str_contains(json, "Europe/Kyiv"));
    CHECK(str_contains(json, "archive_after"));

    /* the file parses back to the same regulation */
    CHECK_STATUS(reglament_regulation_from_json(json, json ? strlen(json) : 0, &back, &err), err,
                 REGLAMENT_STATUS_OK);
    CHECK_STATUS(reglament_regulation_to_json(back, &json2, &err), err, REGLAMENT_STATUS_OK);
    CHECK_STR(json2, json);

    /* every key is required: a missing one is named */
    CHECK_STATUS(reglament_regulation_from_json("{\"contract\":{}}", 15, &broken, &err), err,
                 REGLAMENT_STATUS_INVALID_INPUT);
    CHECK_STR(reglament_error_code(err), "missing_field");
    CHECK_STR(reglament_error_field(err), "contract.number");
    CHECK(reglament_error_clause(err) == NULL);
    CHECK(reglament_error_message_uk(err) == NULL);
    reglament_error_free(err);
    err = NULL;

    /* an invalid calendar inside the regulation: the path goes through "calendar" */
    if (json != NULL) {
        char *bad = replace(json, "\"Europe/Kyiv\"", "\"Europe/Atlantis\"");
        CHECK(bad != NULL);
        if (bad != NULL) {
            CHECK_STATUS(reglament_regulation_from_json(bad, strlen(bad), &broken, &err), err,
                         REGLAMENT_STATUS_INVALID_INPUT);
            CHECK_STR(reglament_error_code(err), "unknown_timezone");
            CHECK_STR(reglament_error_field(err), "calendar.timezone");
            reglament_error_free(err);
            err = NULL;
            free(bad);
        }
        char *unknown = replace(json, "{", "{\"surprise\": 1, ");
        if (unknown != NULL) {
            CHECK_STATUS(reglament_regulation_from_json(unknown, strlen(unknown), &broken, &err), err,
                         REGLAMENT_STATUS_INVALID_INPUT);
            CHECK_STR(reglament_error_code(err), "unknown_field");
            reglament_error_free(err);
            err = NULL;
            free(unknown);
        }
    }
    CHECK(broken == NULL);

    reglament_string_free(json);
    reglament_string_free(json2);
    reglament_regulation_free(reg);
    reglament_regulation_free(back);
    return check_summary("test_regulation");
}

/*
 * json_out.h: building JSON output with cJSON. Numbers go out as their
 * exact decimal text (cJSON_CreateRaw), never through a double. put and
 * push take ownership of the item: on failure they free it and return 0,
 * so a writer can chain them with && and stop at the first failure.
 */
#ifndef DK_JSON_OUT_H
#define DK_JSON_OUT_H

#include <cjson/cJSON.h>
#include <stdint.h>

int dk_json_put(cJSON *obj, const char *key, cJSON *item);
int dk_json_push(cJSON *arr, cJSON *item);

/* A scaled integer (v / 10^decimals) as a JSON number, trailing zeros cut. */
cJSON *dk_json_scaled(int64_t v, int decimals);

#endif

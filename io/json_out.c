/*
 * json_out.c: cJSON building helpers (see json_out.h).
 */
#include "io/json_out.h"

#include "models/numtext.h"

int dk_json_put(cJSON *obj, const char *key, cJSON *item)
{
	if (!item)
		return 0;
	if (!cJSON_AddItemToObject(obj, key, item)) {
		cJSON_Delete(item);
		return 0;
	}
	return 1;
}

int dk_json_push(cJSON *arr, cJSON *item)
{
	if (!item)
		return 0;
	if (!cJSON_AddItemToArray(arr, item)) {
		cJSON_Delete(item);
		return 0;
	}
	return 1;
}

cJSON *dk_json_scaled(int64_t v, int decimals)
{
	char buf[48];
	dk_scaled_plain(v, decimals, buf, sizeof buf);
	return cJSON_CreateRaw(buf);
}

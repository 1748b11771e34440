/*
 * json_out.h: building JSON output with cJSON. Numbers go out as their
 * exact decimal text (cJSON_CreateRaw), never through a double. put and
 * push take ownership of the item: on failure they free it and return 0,
 * so a writer can chain them with && and stop at the first failure.
 */
#ifndef DK_JSON_OUT_H
#define DK_JSON_OUT_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stdint.h>

#include "io/strbuf.h"

int dk_json_put(cJSON *obj, const char *key, cJSON *item);
int dk_json_push(cJSON *arr, cJSON *item);

/* An integer as a JSON number, its digits written without snprintf (a
 * large recommendation has millions). */
cJSON *dk_json_int(int64_t v);

/* A scaled integer (v / 10^decimals) as a JSON number, trailing zeros cut. */
cJSON *dk_json_scaled(int64_t v, int decimals);

/* An object written once for two ends: into a cJSON tree (a part of a
 * larger document) or as text straight into a buffer, byte for byte in
 * cJSON_Print's layout (tabs, "key":<tab>value, one member a line), so a
 * large document need not be a tree first. Objects only (the parts that
 * repeat per network have no arrays); numbers as their exact text. A
 * failure is remembered (failed) and what follows is skipped. */
#define DK_JW_DEPTH 16
typedef struct {
	dk_strbuf *b;             /* text: here; NULL for a tree */
	cJSON *tree[DK_JW_DEPTH]; /* tree: the open objects, [1] the first */
	int depth;                /* the open objects' level (text: cJSON's
				       depth, the tabs before a member) */
	bool more[DK_JW_DEPTH];   /* a member is written at that level */
	bool failed;
} dk_jw;

/* A writer of text at cJSON's depth (0 for a document's root object; 2 for
 * an object in an array that is a member of the root), or of a tree. */
void dk_jw_text(dk_jw *w, dk_strbuf *b, int depth);
void dk_jw_tree(dk_jw *w);
/* The tree's root object (the caller owns it), or NULL after a failure. */
cJSON *dk_jw_tree_done(dk_jw *w);

/* Opens an object: a member named key, or the root (key NULL). */
void dk_jw_open(dk_jw *w, const char *key);
void dk_jw_close(dk_jw *w);
void dk_jw_raw(dk_jw *w, const char *key, const char *number);
void dk_jw_int(dk_jw *w, const char *key, int64_t v);
void dk_jw_scaled(dk_jw *w, const char *key, int64_t v, int decimals);
void dk_jw_string(dk_jw *w, const char *key, const char *s);
void dk_jw_null(dk_jw *w, const char *key);

#endif

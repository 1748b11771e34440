/*
 * json_doc.h: a cJSON tree with the position of every key and value.
 *
 * cJSON parses well but keeps no positions, and a diagnostic must name a
 * line and column. After cJSON has accepted a text, a small scanner walks
 * the same text in document order and records where each value (and each
 * member's key) starts; a pre-order walk of the cJSON tree meets the nodes in
 * the same order, which pairs them. The scanner also keeps the raw text of
 * every number, so numbers are read exactly (dk_json_number) rather than
 * through cJSON's double.
 */
#ifndef DK_JSON_DOC_H
#define DK_JSON_DOC_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stdint.h>

#include "models/error.h"
#include "models/money.h"

struct dk_json_ref {
	const cJSON *node;
	size_t index; /* pre-order */
};

typedef struct {
	const char *name;            /* file name for diagnostics (borrowed) */
	const char *text;            /* the UTF-8 text (borrowed) */
	cJSON *root;                 /* owned */
	const cJSON **nodes;         /* pre-order */
	size_t *key_off;             /* byte offset of the member's key, or SIZE_MAX */
	size_t *val_off;             /* byte offset of the value */
	struct dk_json_ref *by_addr; /* the nodes sorted by address */
	size_t *lines;               /* byte offset where each line starts */
	size_t n_lines;
	size_t n;
} dk_json_doc;

/* Deepest nesting of arrays and objects read (RULES: a limit with a clear
 * error, never "out of memory"). */
#define DK_JSON_DEPTH_MAX 64

/* Parses text; a syntax error is reported at its position (DK_EINPUT).
 * Stricter than cJSON where RFC 8259 is: a control character between
 * tokens or inside a string is bad input at its position. */
dk_status dk_json_doc_parse(dk_json_doc *doc, const char *name, const char *text,
			    size_t len, dk_error *d);
void dk_json_doc_release(dk_json_doc *doc);

/* Position of a node's value, or of its key when `key` is true and the
 * node is an object member. */
void dk_json_pos(const dk_json_doc *doc, const cJSON *node, bool key, int *line,
		 int *col);

/* Records a diagnostic at a node (its value; its key if `key`). */
void dk_json_error(const dk_json_doc *doc, dk_error *d, const cJSON *node, bool key,
		   const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Reads a number node exactly, scaled by 10^spec->decimals; the result
 * codes are those of dk_decimal_parse (DK_NUM_SYNTAX when it is not a
 * number). */
dk_num_result dk_json_number(const dk_json_doc *doc, const cJSON *node,
			     const dk_num_spec *spec, int64_t *out);

/* The raw text of a node's value (first line, up to `size` - 1 bytes), for
 * messages. */
void dk_json_raw(const dk_json_doc *doc, const cJSON *node, char *buf, size_t size);

/* Checks that every member name of `obj` is in `allowed` (NULL-terminated)
 * and appears once; reports each unknown or repeated key at the key (with
 * the allowed key it is near, for a typo). `what` names the object in
 * messages ("plan", "frame"), in the program's language. Returns the
 * number of problems. */
int dk_json_keys(const dk_json_doc *doc, dk_error *d, const cJSON *obj, const char *what,
		 const char *const *allowed);

/* The type of a node in words, for messages ("a string", "an object"),
 * in the program's language. */
const char *dk_json_type(const cJSON *node);

#endif

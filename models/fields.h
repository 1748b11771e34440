/*
 * fields.h: the one table of the plan's fields and the one of the price
 * template's fields: every value a file holds, with its path, type,
 * decimals, range, default, meaning, and the scenario target that reads
 * and writes it in the models (as models/columns is for the networks'
 * columns).
 *
 * A field's path is a JSON Pointer below the file's root ("/frame/prorata",
 * "/roles/∗/hourly_cost"), where "∗" stands for one segment: an entry of a
 * list (counted from 0) or a key of an object (an institution id, an
 * activity's name, a check id). The table lists the leaves of the file in
 * the order their keys are listed in messages, so the keys of every object
 * come from it too (dk_fields_keys): an object's keys are the distinct
 * segments below it, in table order. The checks' own parameters and
 * severities belong to the checks' table (models/finding); this one has
 * only what every check takes in the same way (/checks/∗/off).
 *
 * Numbers are scaled integers like the models' fields: value × 10^decimals
 * (0 kroner, 2 øre, 4 ten-thousandths, 6 millionths). A bool is 0 or 1, an
 * enum the index of its name, which is also the model's enum value.
 *
 * Who uses it: the plan and template readers (keys, decimals, ranges,
 * enum names, the per-entry defaults of the template), the scenario
 * reader (paths to targets), `dekom help plan` and `dekom help pricing`,
 * which docs/formats.md and docs/pricing.md show verbatim.
 */
#ifndef DK_FIELDS_H
#define DK_FIELDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "models/scenario.h"

typedef enum { DK_FILE_PLAN, DK_FILE_PRICING } dk_field_file;

typedef enum {
	DK_FIELD_NUMBER, /* a scaled integer */
	DK_FIELD_BOOL,   /* true or false: 1 or 0 */
	DK_FIELD_ENUM,   /* one of `names`: its index */
	DK_FIELD_TEXT    /* a string: a name, an id, a term */
} dk_field_type;

typedef enum {
	DK_DEFAULT_VALUE,   /* `def` when the file is silent */
	DK_DEFAULT_NONE,    /* optional, and then not given */
	DK_DEFAULT_REQUIRED /* required (in its object, when that is given) */
} dk_field_default;

typedef struct {
	const char *path; /* JSON Pointer below the root, "*" one segment */
	dk_field_type type;
	const char *const *names; /* DK_FIELD_ENUM: NULL-terminated, in enum order */
	int decimals;             /* DK_FIELD_NUMBER: of the scaled integer */
	int64_t min, max;         /* scaled; 0..1 for a bool, 0..n-1 for an enum */
	const char *unit;         /* "kr", "hours", "days", or NULL */
	dk_field_default dflt;
	int64_t def;          /* DK_DEFAULT_VALUE: scaled, or the enum index */
	const char *def_text; /* when the default is not a value: "T − D − ΣC − R" */
	dk_target_kind target; /* DK_T_NONE: a scenario cannot set it */
	const char *meaning;   /* for help and docs */
} dk_field;

/* The file's table, *n entries. */
const dk_field *dk_fields(dk_field_file file, size_t *n);

/* The entry whose path is exactly `pattern` (with its "*"), or NULL. */
const dk_field *dk_field_get(dk_field_file file, const char *pattern);

/* The entry a concrete path names: n unescaped segments below the root,
 * "*" of the table matching any one segment; NULL when none. */
const dk_field *dk_field_match(dk_field_file file, const char *const *seg, size_t n);

/* The entry whose values target kind reads and writes, or NULL (networks'
 * columns and checks' parameters have their own tables); *file is set to
 * its table when file is not NULL. */
const dk_field *dk_field_of_target(dk_target_kind kind, dk_field_file *file);

/* A check's numeric parameter of kind `kind` (DK_PARAM_AMOUNT, _RATIO,
 * _PP) as a field: its decimals and range, target DK_T_CHECK_PARAM; NULL
 * for the other kinds. Its name and default are the checks' table's. */
const dk_field *dk_field_of_param(dk_param_kind kind);

/* The last segment of the field's path: its key in its object ("prorata",
 * "hourly_cost"; "*" for an entry of a map such as /day/∗). */
const char *dk_field_key(const dk_field *f);

/* The keys of the object at `object` ("" for the root, "/frame/direct",
 * "/roles/∗" written with an asterisk), in table order, NULL-terminated, as dk_json_keys takes them. */
#define DK_FIELD_KEYS_MAX 16
typedef struct {
	const char *key[DK_FIELD_KEYS_MAX + 1];
	char text[512];
} dk_field_keys;
void dk_fields_keys(dk_field_file file, const char *object, dk_field_keys *out);

/* An enum's names as a list in words, "prorata, need or status_quo", or
 * quoted, "\"prorata\", \"need\" or \"status_quo\"". */
void dk_field_choices(const dk_field *f, bool quoted, char *buf, size_t size);

/* The target of field f; index is the list entry its "*" stands for. The
 * target's path is NULL (the scenario reader sets it). */
void dk_field_target(const dk_field *f, int index, dk_target *t);

#endif

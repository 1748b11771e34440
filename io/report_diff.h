/*
 * report_diff.h: writing what `dekom diff` found, as a table for people
 * (Norwegian or English) or as JSON. NULL when out of memory.
 */
#ifndef DK_REPORT_DIFF_H
#define DK_REPORT_DIFF_H

#include <stdbool.h>

#include "models/diff.h"

typedef struct {
	const char *old_name, *new_name; /* the files, as given */
	const dk_rec_file *old, *new;
	const dk_diff *diff;
	bool english;
} dk_diff_report;

char *dk_diff_json(const dk_diff_report *r);
char *dk_diff_table(const dk_diff_report *r);
/* The same as a cJSON tree (NULL when out of memory). */
struct cJSON *dk_diff_cjson(const dk_diff_report *r);

/* Two combined recommendations (recommend -c): a diff per scheme, matched
 * by id; a scheme in one file only has old or new NULL. JSON: {"engine",
 * "old", "new", "schemes": [{"scheme", "in": "both"|"new"|"old", "diff":
 * <as above, or null>}]}; the table: each scheme's under its id. */
typedef struct {
	const char *id;
	dk_diff_report report;
} dk_diff_scheme;

typedef struct {
	const char *old_name, *new_name;
	const dk_diff_scheme *schemes;
	size_t n;
	bool english;
} dk_diff_sets;

char *dk_diff_sets_json(const dk_diff_sets *r);
char *dk_diff_sets_table(const dk_diff_sets *r);

#endif

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

#endif

/*
 * xlsx_init.h: the workbook `dekom init` writes for a new year (CLI.md,
 * "Workbooks (XLSX and ODS)"): `Veiledning` (what to fill in), `Budsjett`
 * (one row per network under the columns' Norwegian labels, with
 * drop-down lists for ja/nei/delvis, amounts as kroner and a totals row
 * of SUM formulas; every canonical column but the three the forum's own
 * sheet states, stated_own_pct, stated_uh_pct and stated_recommended,
 * which are the forum's figures and not a network's budget) and `Plan` (every parameter with its default, a
 * drop-down list for each choice, and the blocks of institutions, common
 * measures, checks and decisions), which `dekom recommend -i` reads back.
 */
#ifndef DK_XLSX_INIT_H
#define DK_XLSX_INIT_H

#include <stdbool.h>

#include "models/diff.h"
#include "models/error.h"
#include "models/plan.h"

typedef struct {
	int year;                /* the plan year */
	const dk_plan *plan;     /* the institutions, with their names */
	const dk_rec_file *from; /* last year's recommendation, or NULL */
	bool english;            /* labels and notes in English */
} dk_init_book;

/* Empty rows the Budsjett sheet has for networks without --from. */
#define DK_INIT_ROWS 15

/* Writes the workbook to the file `path`; `name` is the target as the
 * user named it, for messages. */
dk_status dk_init_workbook_write(const dk_init_book *o, const char *path,
				 const char *name, dk_error *d);

#endif

/*
 * plan_sheet.h: the plan from the `Plan` sheet of a workbook (CLI.md,
 * "Workbooks (XLSX and ODS)"), as `dekom init` writes it.
 *
 * The sheet has a header row `Parameter | Verdi` (rows above it, such as a
 * title, are skipped; columns to the right of Verdi are notes). Each row
 * below names one plan value by its label (Norwegian or English, as
 * dk_plan_params lists them) or by its JSON path (`frame.prorata`,
 * `checks.row-sum.tolerance`, `institutions.0.id`), with the value beside
 * it; an empty value is a value not given. A row whose first cell is a
 * block's title (`Institusjoner`, `Felles tiltak`, `Kontroller`, `Vedtak`)
 * starts a block: its next row is the block's header, each row after it an
 * entry, up to the first empty row or the next block's title.
 *
 * The sheet is read into the JSON text the same plan would have, and that
 * text into the plan by the JSON plan reader, so the two agree on every
 * rule and message; each diagnostic is then moved to the sheet's cell and
 * named by it ("cell B7: frame.prorata: ..."). Numbers are read exactly
 * as the networks reader reads a cell (a number cell as the shortest
 * decimal that gives back its double, a text cell as Norwegian
 * spreadsheets write numbers); a percentage (25 %, or 0.25 in a cell
 * formatted as a percentage) is a share of 0.25, except for a check's
 * percentage points, where 10 % is 10 points.
 */
#ifndef DK_PLAN_SHEET_H
#define DK_PLAN_SHEET_H

#include <stdbool.h>
#include <stddef.h>

#include "io/text.h"
#include "models/money.h"
#include "models/plan.h"

/* The sheet's name. */
#define DK_PLAN_SHEET "Plan"

/* A plan value with a row of its own: the field's path (models/fields.c)
 * and its label, an English message id (the sheet's label is its
 * translation, "Pro rata-ramme"). */
typedef struct {
	const char *path;
	const char *label;
} dk_plan_param;

const dk_plan_param *dk_plan_params(size_t *n);

/* The blocks, and their columns' labels (English message ids). */
typedef enum {
	DK_PLAN_INSTITUTIONS,
	DK_PLAN_MEASURES,
	DK_PLAN_CHECKS,
	DK_PLAN_DECISIONS,
	DK_PLAN_BLOCKS
} dk_plan_block;

#define DK_PLAN_BLOCK_COLS 5
typedef struct {
	const char *title;                        /* "Checks" */
	const char *cols[DK_PLAN_BLOCK_COLS + 1]; /* NULL-terminated */
} dk_plan_block_def;

const dk_plan_block_def *dk_plan_block_get(dk_plan_block b);

/* The headers of the key-value rows: "Parameter", "Value", "Note". */
extern const char *const dk_plan_sheet_head[3];

/* A check's own rows: its switch and its severity, by these names (English
 * message ids, "Off", "Severity"). */
extern const char *const dk_plan_check_off;
extern const char *const dk_plan_check_severity;

/* Reads the plan from the `Plan` sheet of the workbook in in->raw into p
 * (initialised here); text cells' numbers are read in `mode`. */
dk_status dk_plan_sheet_read(const dk_input *in, dk_decimal_mode mode, dk_plan *p,
			     dk_error *d);

#endif

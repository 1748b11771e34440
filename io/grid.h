/*
 * grid.h: the recommendation as one typed grid, from which every tabular
 * writer (terminal table, Markdown, CSV, the workbook, the HTML report)
 * takes its rows, so that they all show the same columns in the same order.
 *
 * Row 0 is the header, rows 1..n the networks in input order, row n+1 the
 * totals. Each column says what it holds (dk_grid_col), so that a writer
 * can, for instance, put a SUM formula under an amount column or a
 * percentage format on the UH share. Cells keep their exact values (kroner,
 * FTE in hundredths, a share as a fraction); formatting is the writer's.
 * Cell and header texts are owned by the grid or static, or point into the
 * networks table, which must outlive the grid.
 */
#ifndef DK_GRID_H
#define DK_GRID_H

#include <stdbool.h>
#include <stddef.h>

#include "io/report.h"

typedef enum {
	DK_GC_NAME,
	DK_GC_PREVIOUS,
	DK_GC_NEED,
	DK_GC_FTE,
	DK_GC_RECOMMENDED,
	DK_GC_METHOD_AMOUNT, /* only when the plan has decisions */
	DK_GC_STATE,
	DK_GC_OWN,
	DK_GC_COORDINATOR,
	DK_GC_UP2, /* one per institution of the plan */
	DK_GC_UH_OTHER,
	DK_GC_UNSPECIFIED,
	DK_GC_UH_SHARE, /* (Σ UP2 + other) ÷ recommended */
	DK_GC_FINDINGS  /* the check ids of the row's findings */
} dk_grid_col;

typedef enum {
	DK_CELL_EMPTY,
	DK_CELL_TEXT,
	DK_CELL_KR,   /* v in kroner */
	DK_CELL_FTE,  /* v in hundredths */
	DK_CELL_SHARE /* num / den, den > 0 */
} dk_cell_kind;

typedef struct {
	dk_cell_kind kind;
	const char *text;
	int64_t v;
	dk_i128 num, den;
} dk_cell;

typedef enum {
	DK_GRID_NB,       /* Norwegian headers and words */
	DK_GRID_EN,       /* English */
	DK_GRID_CANONICAL /* the canonical column names, for CSV */
} dk_grid_names;

typedef struct {
	dk_grid_names names;
	bool findings;   /* add the findings column */
	bool drop_empty; /* leave out FTE when not read, and unspecified
				when no network has it */
} dk_grid_opts;

typedef struct {
	size_t ncols, nrows;
	dk_grid_col *col; /* per column */
	size_t *inst;     /* per column: the institution of a DK_GC_UP2 */
	dk_cell *cells;   /* row-major */
	char **owned;     /* texts to free */
	size_t n_owned, cap_owned;
} dk_grid;

/* DK_OK or DK_ENOMEM (the grid is then released). */
dk_status dk_grid_build(dk_grid *g, const dk_report *r, const dk_grid_opts *o);
void dk_grid_release(dk_grid *g);

static inline const dk_cell *dk_grid_at(const dk_grid *g, size_t row, size_t col)
{
	return &g->cells[row * g->ncols + col];
}

/* The criteria sheet (RULES.md section 4) for people: 7 columns, the
 * network, the three judged criteria as read (ja / nei / delvis, "" when
 * not given) and the three computed ones (ja / nei, "" when not judged). */
#define DK_CRITERIA_COLS 7
const char *const *dk_criteria_heads(bool english);
void dk_criteria_row(const dk_report *r, size_t k, const char *cells[DK_CRITERIA_COLS]);

/* True for the columns a person reads right-aligned (numbers). */
bool dk_grid_col_numeric(dk_grid_col c);

#endif

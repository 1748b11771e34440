/*
 * table.h: aligned text tables for the terminal (`-f table`).
 *
 * A table is a grid of cells (strings, copied into one buffer: a cell
 * costs its text, not an allocation); columns are as wide as
 * their widest cell in characters (not bytes, so "Trøndelag" aligns), text
 * left-aligned and numbers right-aligned as the column says. Control
 * characters, tabs and line breaks in a cell are copied as visible escapes
 * (`\x1b`, see io/escape.h): a cell is one line of plain text.
 */
#ifndef DK_TABLE_H
#define DK_TABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "io/strbuf.h"
#include "models/error.h"

typedef struct {
	size_t ncols;
	bool *right;       /* per column: right-aligned */
	dk_strbuf text;    /* every cell as shown, each ended by '\0' */
	size_t *at;        /* row-major: where each cell starts in text */
	size_t nrows, cap; /* rows, including the header row */
} dk_table;

dk_status dk_table_init(dk_table *t, size_t ncols);
void dk_table_release(dk_table *t);

/* Appends a row of ncols cells (NULL is an empty cell). */
dk_status dk_table_row(dk_table *t, const char *const *cells);

/* The cell in row r, column c, as stored (as shown). */
static inline const char *dk_table_cell(const dk_table *t, size_t r, size_t c)
{
	return t->text.data + t->at[r * t->ncols + c];
}

/* Renders with a rule under the first row; returns a malloc'd string. */
char *dk_table_render(const dk_table *t);

#endif

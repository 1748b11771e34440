/*
 * workbook.h: one sheet of an XLSX or ODS workbook as rows of cell texts
 * (CLI.md, "Workbooks (XLSX and ODS)"), for the networks reader, which then
 * applies the CSV reader's rules unchanged.
 *
 * The zip is opened with minizip over the bytes in memory and its XML
 * parsed with expat, under limits that keep a hostile file harmless (io/
 * limits.h and below): a DOCTYPE or an entity declaration, a member larger
 * than DK_WB_MEMBER_MAX once inflated, a ratio of inflated to compressed
 * size above DK_WB_RATIO_MAX, too deep XML, or more rows, cells or bytes in
 * a cell than a sheet can hold are each an error, never out of memory.
 *
 * A cell's text is what a CSV of the sheet would hold: a string as it is;
 * a number as the shortest decimal that gives back the stored double
 * (3309141, 0.1, 235050.00000000003), with a point; a boolean as TRUE or
 * FALSE; a formula by its cached value. A date, an error value (#DIV/0!)
 * and a formula without a cached value are marked, so that the reader can
 * refuse them at their cell.
 */
#ifndef DK_WORKBOOK_H
#define DK_WORKBOOK_H

#include <stdbool.h>
#include <stddef.h>

#include "io/text.h"
#include "models/error.h"

#define DK_WB_MEMBER_MAX ((size_t)256 << 20) /* bytes of one inflated member */
#define DK_WB_RATIO_MAX 200                  /* inflated ÷ compressed, above 1 MiB */
#define DK_WB_DEPTH_MAX 64                   /* XML nesting */

typedef enum {
	DK_WB_TEXT,    /* a string, or a boolean as TRUE/FALSE */
	DK_WB_NUMBER,  /* a number: text is its shortest decimal */
	DK_WB_DATE,    /* a date or time: text is as stored */
	DK_WB_ERROR,   /* an error value: text is it (#DIV/0!) */
	DK_WB_NO_VALUE /* a formula without a cached value */
} dk_wb_kind;

typedef struct {
	int col; /* 0-based */
	dk_wb_kind kind;
	char *text;
} dk_wb_cell;

typedef struct {
	int row; /* 1-based row of the sheet */
	dk_wb_cell *cells;
	size_t n, cap;
} dk_wb_row;

typedef struct {
	char *name;      /* the sheet's name */
	dk_wb_row *rows; /* rows with at least one cell, in order */
	size_t n, cap;
	int width; /* 1 + the last column holding a cell */
} dk_wb_sheet;

/* True when the bytes are a zip archive (XLSX and ODS are). */
bool dk_is_workbook(const dk_input *in);

/* Reads the sheet `name` of the workbook in in->raw, or when name is NULL
 * the sheet "Budsjett", else the only visible sheet; errors (with the
 * file's name) go to d. */
dk_status dk_workbook_sheet(const dk_input *in, const char *name, dk_wb_sheet *out,
			    dk_error *d);
void dk_wb_sheet_release(dk_wb_sheet *s);

/* The spreadsheet's name of the cell in 0-based column `col` of sheet row
 * `row`: column letters A, B, ..., Z, AA, ... and the row, "C5". */
void dk_wb_cell_name(size_t col, int row, char *buf, size_t size);

#endif

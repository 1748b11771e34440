/*
 * xlsx_book.h: what the workbook's sheets share (io/report_xlsx.c and
 * io/xlsx_calc.c): the libxlsxwriter workbook with its first error, the
 * cell formats, the writers of one cell, and the page set-up for print.
 *
 * A cell writer never fails visibly: the first libxlsxwriter error is kept
 * in b->err and reported when the workbook is closed. Texts a spreadsheet
 * would take for a formula get a leading single quote (io/escape.h).
 * Numbers are doubles only here, at the cell: whole kroner are exact below
 * 2^53, and a formula is always stored with dekom's own exact value.
 */
#ifndef DK_XLSX_BOOK_H
#define DK_XLSX_BOOK_H

#include <stdbool.h>
#include <xlsxwriter.h>

#include "models/exact.h"
#include "io/report.h"

#define DK_BOOK_SLOTS 24

typedef struct {
	lxw_workbook *wb;
	lxw_error err;
	bool en;
	char header[300]; /* the page header: the plan's title, or the document's */
	lxw_format *bold, *title, *head, *head_num, *kr, *kr_bold, *kr2, *fte, *fte_bold,
		*pct, *pct_bold, *wrap, *dec2, *dec6, *lambda, *note, *center, *top,
		*kr_top, *dec2_top, *dec6_top, *ratio, *kr2_bold, *dec4;
	/* a scheme's id, when the workbook holds several recommendations (a
	 * case): its sheets are named "ID Name" and its defined names ID_Name */
	const char *part;
	char names[DK_BOOK_SLOTS][64]; /* the names handed out, by slot */
} dk_book;

/* The sheets' and defined names' slots in dk_book.names: a name is built
 * once per slot, so that names used together stay valid. */
enum {
	DK_SLOT_RECOMMENDATION,
	DK_SLOT_CALCULATION,
	DK_SLOT_PARAMETERS,
	DK_SLOT_BUDGET,
	DK_SLOT_CHECKS,
	DK_SLOT_INSTITUTIONS,
	DK_SLOT_CRITERIA,
	DK_SLOT_FINDINGS,
	DK_SLOT_MANIFEST,
	DK_SLOT_FRAME,
	DK_SLOT_DIRECT,
	DK_SLOT_BASE,
	DK_SLOT_BASE_SHARE,
	DK_SLOT_NETWORKS,
	DK_SLOT_FLOOR_SHARE,
	DK_SLOT_UNIT,
	DK_SLOT_LAMBDA,
	DK_SLOT_THRESHOLD /* + 0..5: the checks' thresholds */
};

/* A sheet's name (`name` in the workbook's language), with the scheme's
 * id before it in a case's workbook; a defined name likewise, as
 * ID_Name. */
const char *dk_book_sheet_name(dk_book *b, int slot, const char *name);
const char *dk_book_defined_name(dk_book *b, int slot, const char *name);

/* The longest scheme id a case's workbook can put before its sheets'
 * names (a sheet's name has at most 31 characters). */
#define DK_BOOK_PART_MAX 15

/* Creates the workbook at `path` with its formats and document properties
 * (the title; created 1 January of `year`, so equal inputs give equal
 * files); false when the file cannot be created. */
bool dk_book_open(dk_book *b, const char *path, const char *title, int year);
/* Closes (writes) the workbook: DK_OK, DK_ENOMEM, or DK_EIO with one
 * diagnostic on `name`, the target as the user named it (libxlsxwriter's
 * own messages are not shown). */
dk_status dk_book_close(dk_book *b, const char *name, dk_error *d);

/* The sheets' names, in the workbook's language. */
const char *dk_book_sheet_recommendation(dk_book *b);
const char *dk_book_sheet_calculation(dk_book *b);
const char *dk_book_sheet_parameters(dk_book *b);

void dk_book_note(dk_book *b, lxw_error e);
void dk_book_str(dk_book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s,
		 lxw_format *f);
void dk_book_num(dk_book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, double v,
		 lxw_format *f);
/* A formula (English function names, commas between arguments, as the
 * file format has them) stored with dekom's value. */
void dk_book_formula(dk_book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
		     const char *formula, double value, lxw_format *f);
/* A comment on a cell (the "why" of a value a formula cannot give). */
void dk_book_comment(dk_book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
		     const char *text);
/* A cell's address: "$C$7" when abs, else "C7". */
void dk_book_cell(char *buf, lxw_row_t r, lxw_col_t c, bool abs);

/* How many lines `text` takes wrapped in a column `width` characters
 * wide, roughly (at least 1). LibreOffice and Excel do not grow a row for
 * wrapped text they did not lay out themselves, so the writer sets the
 * row's height: dk_book_row_height(lines). */
int dk_book_lines(const char *text, double width);
double dk_book_row_height(int lines);

/* True when a spreadsheet holds both whole numbers exactly (below 2^53 in
 * magnitude), so a formula comparing them gives dekom's answer. */
bool dk_book_exact(dk_i128 a, dk_i128 b);

/* Widens column c, if needed, so that the longest word of its header
 * fits on a line (a header wraps between words, never inside one); the
 * width is at least `width`. */
void dk_book_head_width(lxw_worksheet *ws, lxw_col_t c, const char *header, double width,
			lxw_format *f);

/* True when a spreadsheet's INT(num/den) is floor(num/den): num and den
 * are held exactly (num·4 below 2^53), and the quotient is not within
 * 10^-(14-D) below a whole number (D its digits), where LibreOffice, which
 * rounds to 15 significant digits before INT, would round it up. */
bool dk_book_int_safe(dk_i128 num, dk_i128 den);

double dk_book_ratio(dk_i128 num, dk_i128 den);

/* A4 with the title in the page header and "Side N av M" in the footer;
 * landscape when wide; one page wide, as many long as it takes; rows
 * first..last repeated at the top of every page (last < first: none). */
void dk_book_print(dk_book *b, lxw_worksheet *ws, bool landscape, int first, int last);

/* The sheets of xlsx_calc.c. Where the recommendation sheet stands, which
 * the calculation refers to: the row of the first network and the columns
 * of previous, need and FTE (-1 when absent). */
typedef struct {
	lxw_row_t first_row;
	int col_previous, col_need, col_fte;
} dk_book_inputs;

/* The row of network k on the calculation sheet, and the column of its
 * recommended amount, for the recommendation sheet to refer to. */
lxw_row_t dk_calc_row(size_t k);
lxw_col_t dk_calc_col_recommended(void);

/* The defined name of the pro-rata frame F on the parameters sheet. */
const char *dk_book_frame_name(dk_book *b);
/* ... and of the direct transfer D. */
const char *dk_book_direct_name(dk_book *b);

void dk_xlsx_parameters(dk_book *b, const dk_report *r);

/* The Budget sheet (xlsx_checks.c): the networks' cells as read, one row
 * per network from row 1; the columns, -1 when not shown. */
typedef struct {
	bool en;
	const char *sheet; /* the Budget sheet's name */
	int col_previous, col_need, col_fte, col_own, col_coordinator, col_up2_first,
		col_other, col_sum, col_self_financing, col_stated, ncols;
} dk_book_budget;

const char *dk_book_sheet_budget(dk_book *b);
const char *dk_book_sheet_checks(dk_book *b);
/* The defined name of a check's threshold on the Parameters sheet (row-sum
 * tolerance, coordinator-share max, self-financing min, year-change max,
 * uh-share min (param 0) and max (1)), NULL for other checks. */
const char *dk_book_threshold_name(dk_book *b, dk_check_id c, int param);
/* "'Budsjett'!E5": the cell of column `col` of network k. */
void dk_book_budget_ref(const dk_book_budget *L, int col, size_t k, char *buf,
			size_t size);
/* Where the Budget sheet will put each column, before any sheet is
 * written (the recommendation sheet refers to it). */
void dk_book_budget_layout(dk_book *b, const dk_report *r, dk_book_budget *L);
void dk_xlsx_budget(dk_book *b, const dk_report *r, const dk_book_budget *L);
void dk_xlsx_checks(dk_book *b, const dk_report *r, const dk_book_budget *L);
void dk_xlsx_calculation(dk_book *b, const dk_report *r, const dk_book_inputs *in);

/* Every sheet of one recommendation's workbook (io/report_xlsx.c), into an
 * open book: dk_report_xlsx writes one; a case's workbook one per scheme,
 * with b->part set. */
dk_status dk_report_xlsx_sheets(dk_book *b, const dk_report *r);

#endif

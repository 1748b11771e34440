/*
 * xlsx_book.c: the cells and the page set-up every sheet of the workbook
 * uses (io/xlsx_book.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io/escape.h"
#include "io/i18n.h"
#include "io/outfile.h"
#include "io/text.h"
#include "io/xlsx_book.h"

const char *dk_book_sheet_name(dk_book *b, int slot, const char *name)
{
	if (!b->part)
		return name;
	/* at most 31 characters for a sheet (the id is at most
	 * DK_BOOK_PART_MAX): cut on a character, never inside one */
	int n = snprintf(b->names[slot], sizeof b->names[slot], "%s %s", b->part, name);
	if (n < 0 || (size_t)n >= sizeof b->names[slot])
		b->names[slot][sizeof b->names[slot] - 1] = '\0';
	dk_utf8_trim(b->names[slot]);
	return b->names[slot];
}

const char *dk_book_defined_name(dk_book *b, int slot, const char *name)
{
	if (!b->part)
		return name;
	/* a name is letters, digits and '_', and starts with a letter or '_' */
	char id[64];
	size_t n = 0;
	if (b->part[0] >= '0' && b->part[0] <= '9')
		id[n++] = '_';
	for (const char *c = b->part; *c && n + 1 < sizeof id; c++)
		id[n++] = *c == '-' ? '_' : *c;
	id[n] = '\0';
	int w = snprintf(b->names[slot], sizeof b->names[slot], "%s_%s", id, name);
	if (w < 0 || (size_t)w >= sizeof b->names[slot])
		b->names[slot][sizeof b->names[slot] - 1] = '\0';
	return b->names[slot];
}

const char *dk_book_sheet_recommendation(dk_book *b)
{
	return dk_book_sheet_name(b, DK_SLOT_RECOMMENDATION,
				  dk_tr(b->en, "Recommendation"));
}

const char *dk_book_sheet_calculation(dk_book *b)
{
	return dk_book_sheet_name(b, DK_SLOT_CALCULATION,
				  dk_trc(b->en, "sheet", "Calculation"));
}

const char *dk_book_sheet_parameters(dk_book *b)
{
	return dk_book_sheet_name(b, DK_SLOT_PARAMETERS,
				  dk_trc(b->en, "sheet", "Parameters"));
}

const char *dk_book_sheet_budget(dk_book *b)
{
	return dk_book_sheet_name(b, DK_SLOT_BUDGET, dk_trc(b->en, "sheet", "Budget"));
}

const char *dk_book_sheet_checks(dk_book *b)
{
	return dk_book_sheet_name(b, DK_SLOT_CHECKS, dk_trc(b->en, "sheet", "Checks"));
}

const char *dk_book_threshold_name(dk_book *b, dk_check_id c, int param)
{
	bool en = b->en;
	const char *name;
	int k;
	switch (c) {
	case DK_CHECK_ROW_SUM:
		name = dk_trc(en, "defined name", "RowSumTolerance"), k = 0;
		break;
	case DK_CHECK_COORDINATOR_SHARE:
		name = dk_trc(en, "defined name", "CoordinatorMax"), k = 1;
		break;
	case DK_CHECK_SELF_FINANCING:
		name = dk_trc(en, "defined name", "SelfFinancingMin"), k = 2;
		break;
	case DK_CHECK_YEAR_CHANGE:
		name = dk_trc(en, "defined name", "ChangeMax"), k = 3;
		break;
	case DK_CHECK_UH_SHARE:
		name = param == 0 ? dk_trc(en, "defined name", "UHShareMin")
				  : dk_trc(en, "defined name", "UHShareMax");
		k = 4 + (param != 0);
		break;
	default: return NULL;
	}
	return dk_book_defined_name(b, DK_SLOT_THRESHOLD + k, name);
}

void dk_book_note(dk_book *b, lxw_error e)
{
	if (e != LXW_NO_ERROR && b->err == LXW_NO_ERROR)
		b->err = e;
}

void dk_book_str(dk_book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s,
		 lxw_format *f)
{
	if (!s || !*s)
		return;
	if (!dk_formula_lead(s)) {
		dk_book_note(b, worksheet_write_string(ws, r, c, s, f));
		return;
	}
	size_t n = strlen(s);
	char *q = malloc(n + 2);
	if (!q) {
		dk_book_note(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	q[0] = '\'';
	memcpy(q + 1, s, n + 1);
	dk_book_note(b, worksheet_write_string(ws, r, c, q, f));
	free(q);
}

void dk_book_num(dk_book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, double v,
		 lxw_format *f)
{
	dk_book_note(b, worksheet_write_number(ws, r, c, v, f));
}

void dk_book_formula(dk_book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
		     const char *formula, double value, lxw_format *f)
{
	dk_book_note(b, worksheet_write_formula_num(ws, r, c, formula, f, value));
}

void dk_book_comment(dk_book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
		     const char *text)
{
	lxw_comment_options o = {.width = 320, .height = 110, .author = (char *)"dekom"};
	dk_book_note(b, worksheet_write_comment_opt(ws, r, c, text, &o));
}

void dk_book_cell(char *buf, lxw_row_t r, lxw_col_t c, bool abs)
{
	if (abs)
		lxw_rowcol_to_cell_abs(buf, r, c, 1, 1);
	else
		lxw_rowcol_to_cell(buf, r, c);
}

bool dk_book_exact(dk_i128 a, dk_i128 b)
{
	const dk_i128 limit = (dk_i128)1 << 53;
	return a > -limit && a < limit && b > -limit && b < limit;
}

bool dk_book_int_safe(dk_i128 num, dk_i128 den)
{
	if (num < 0 || den <= 0 || !dk_book_exact(num * 4, den))
		return false;
	dk_i128 q = num / den, rem = num % den, scale = 1;
	int digits = 1;
	for (dk_i128 t = q; t >= 10; t /= 10)
		digits++;
	if (digits > 13)
		return false;
	for (int k = 0; k < 14 - digits; k++)
		scale *= 10;
	return rem == 0 || (den - rem) * scale > den;
}

double dk_book_ratio(dk_i128 num, dk_i128 den)
{
	return (double)num / (double)den;
}

void dk_book_print(dk_book *b, lxw_worksheet *ws, bool landscape, int first, int last)
{
	worksheet_set_paper(ws, 9); /* A4 */
	if (landscape)
		worksheet_set_landscape(ws);
	else
		worksheet_set_portrait(ws);
	worksheet_set_margins(ws, 0.5, 0.5, 0.75, 0.75);
	worksheet_fit_to_pages(ws, 1, 0);
	if (first >= 0 && last >= first)
		dk_book_note(
			b, worksheet_repeat_rows(ws, (lxw_row_t)first, (lxw_row_t)last));
	char h[700], f[120];
	/* the header's text: & doubled, as the header codes use it */
	size_t k = 0;
	k += (size_t)snprintf(h, sizeof h, "&L&\"-,Bold\"");
	for (const char *s = b->header; *s; s++) {
		/* at most about 250 bytes, cut before a character */
		if (((unsigned char)*s & 0xC0) != 0x80 && k + 6 > 250)
			break;
		if (*s == '&')
			h[k++] = '&';
		h[k++] = *s;
	}
	h[k] = '\0';
	snprintf(f, sizeof f, "&C%s", dk_tr(b->en, "Page &P of &N"));
	dk_book_note(b, worksheet_set_header(ws, h));
	dk_book_note(b, worksheet_set_footer(ws, f));
}

int dk_book_lines(const char *text, double width)
{
	/* characters of a proportional font per unit of column width, a
	 * little under the digits the width is measured in; a line breaks
	 * between words, so each line loses part of a word on average */
	double per_line = width * 1.2 - 2;
	if (per_line < 4)
		per_line = 4;
	int lines = 0;
	double chars = 0;
	for (const char *s = text ? text : "";; s++) {
		if (*s == '\n' || !*s) {
			lines += 1 + (int)(chars / per_line);
			chars = 0;
			if (!*s)
				break;
		} else if (((unsigned char)*s & 0xC0) != 0x80) {
			chars++;
		}
	}
	return lines;
}

double dk_book_row_height(int lines)
{
	return 15.0 * (lines < 1 ? 1 : lines);
}

void dk_book_head_width(lxw_worksheet *ws, lxw_col_t c, const char *header, double width,
			lxw_format *f)
{
	double word = 0, longest = 0;
	for (const char *s = header ? header : "";; s++) {
		if (*s == ' ' || *s == '\n' || !*s) {
			if (word > longest)
				longest = word;
			word = 0;
			if (!*s)
				break;
		} else if (((unsigned char)*s & 0xC0) != 0x80) {
			word++;
		}
	}
	/* bold letters are wider than the digits a width counts */
	double need = longest * 1.15 + 1.5;
	worksheet_set_column(ws, c, c, need > width ? need : width, f);
}

/* 1 January of year y, 00:00 UTC, in seconds since 1970 (days counted
 * by the Gregorian leap rule, so no time zone or clock is consulted). */
static time_t jan1(int y)
{
	long days = 0;
	for (int k = 1970; k < y; k++)
		days += 365 + ((k % 4 == 0 && k % 100 != 0) || k % 400 == 0);
	return (time_t)days * 86400;
}

/* libxlsxwriter reports a failed write itself, on standard error, naming
 * the temporary file it was given ("[ERROR] workbook_close(): Zip ZIP_ERRNO
 * error while creating xlsx file '.dekom-…'"). dekom reports the failure
 * once, naming the target, so standard error points at /dev/null while the
 * workbook is closed (libxlsxwriter has no switch for its messages); errno
 * as the library left it is kept in *why for the reason. */
static lxw_error close_quietly(lxw_workbook *wb, int *why)
{
	fflush(stderr);
	int saved = dup(STDERR_FILENO);
	int null = open("/dev/null", O_WRONLY);
	if (saved >= 0 && null >= 0)
		dup2(null, STDERR_FILENO);
	if (null >= 0)
		close(null);
	errno = 0;
	lxw_error e = workbook_close(wb);
	*why = errno;
	fflush(stderr);
	if (saved >= 0) {
		dup2(saved, STDERR_FILENO);
		close(saved);
	}
	return e;
}

static lxw_format *new_format(dk_book *b, const char *num, bool bold)
{
	lxw_format *f = workbook_add_format(b->wb);
	if (num)
		format_set_num_format(f, num);
	if (bold)
		format_set_bold(f);
	return f;
}

bool dk_book_open(dk_book *b, const char *path, const char *title, int year)
{
	lxw_workbook_options opt = {0};
	b->wb = workbook_new_opt(path, &opt);
	if (!b->wb)
		return false;
	lxw_doc_properties props = {
		.title = (char *)title,
		.comments = (char *)"dekom " DEKOM_VERSION,
		.created = jan1(year),
	};
	dk_book_note(b, workbook_set_properties(b->wb, &props));
	b->bold = new_format(b, NULL, true);
	b->title = new_format(b, NULL, true);
	format_set_font_size(b->title, 14);
	b->head = new_format(b, NULL, true);
	format_set_bottom(b->head, LXW_BORDER_THIN);
	format_set_text_wrap(b->head);
	format_set_align(b->head, LXW_ALIGN_VERTICAL_TOP);
	b->head_num = new_format(b, NULL, true);
	format_set_bottom(b->head_num, LXW_BORDER_THIN);
	format_set_text_wrap(b->head_num);
	format_set_align(b->head_num, LXW_ALIGN_VERTICAL_TOP);
	format_set_align(b->head_num, LXW_ALIGN_RIGHT);
	b->kr = new_format(b, "#,##0", false);
	b->kr_bold = new_format(b, "#,##0", true);
	b->kr2 = new_format(b, "#,##0.00", false);
	b->kr2_bold = new_format(b, "#,##0.00", true);
	b->fte = new_format(b, "#,##0.00", false);
	b->fte_bold = new_format(b, "#,##0.00", true);
	b->pct = new_format(b, "0.0%", false);
	b->pct_bold = new_format(b, "0.0%", true);
	b->ratio = new_format(b, "0.0###%", false);
	b->dec2 = new_format(b, "0.00", false);
	b->dec4 = new_format(b, "0.####", false);
	b->dec6 = new_format(b, "0.000000", false);
	b->lambda = new_format(b, "#,##0.000000", false);
	b->wrap = new_format(b, NULL, false);
	format_set_text_wrap(b->wrap);
	format_set_align(b->wrap, LXW_ALIGN_VERTICAL_TOP);
	b->top = new_format(b, NULL, false);
	b->kr_top = new_format(b, "#,##0", false);
	b->dec2_top = new_format(b, "0.00", false);
	b->dec6_top = new_format(b, "0.000000", false);
	lxw_format *tops[] = {b->top, b->kr_top, b->dec2_top, b->dec6_top};
	for (size_t k = 0; k < 4; k++)
		format_set_align(tops[k], LXW_ALIGN_VERTICAL_TOP);
	b->center = new_format(b, NULL, false);
	format_set_align(b->center, LXW_ALIGN_CENTER);
	b->note = new_format(b, NULL, false);
	format_set_italic(b->note);
	return true;
}

dk_status dk_book_close(dk_book *b, const char *name, dk_error *d)
{
	int why = 0;
	lxw_error e = close_quietly(b->wb, &why);
	dk_book_note(b, e);
	if (b->err == LXW_ERROR_MEMORY_MALLOC_FAILED)
		return DK_ENOMEM;
	if (b->err != LXW_NO_ERROR) {
		/* the system's reason when the library failed on a file */
		char reason[160];
		if (e != LXW_NO_ERROR && why != 0)
			dk_output_reason(why, reason, sizeof reason);
		else
			snprintf(reason, sizeof reason, "%s", lxw_strerror(b->err));
		dk_error_add(d, name, 0, 0, _("cannot write the workbook: %s"), reason);
		return DK_EIO;
	}
	return DK_OK;
}

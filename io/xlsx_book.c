/*
 * xlsx_book.c: the cells and the page set-up every sheet of the workbook
 * uses (io/xlsx_book.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/escape.h"
#include "io/i18n.h"
#include "io/xlsx_book.h"

const char *dk_book_sheet_recommendation(bool en)
{
	return dk_tr(en, "Recommendation");
}

const char *dk_book_sheet_calculation(bool en)
{
	return dk_trc(en, "sheet", "Calculation");
}

const char *dk_book_sheet_parameters(bool en)
{
	return dk_trc(en, "sheet", "Parameters");
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

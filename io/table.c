/*
 * table.c: aligned text tables (see table.h).
 *
 * A cell is stored as it will be shown: control characters, tabs and line
 * breaks from the input become visible escapes (io/escape.h) when the row
 * is added, so that widths are counted on what the terminal prints and a
 * name cannot break a row or reach the terminal as a control sequence.
 */
#include "io/table.h"

#include <stdlib.h>
#include <string.h>

#include "io/escape.h"
#include "io/strbuf.h"

dk_status dk_table_init(dk_table *t, size_t ncols)
{
	memset(t, 0, sizeof *t);
	t->ncols = ncols;
	t->right = calloc(ncols ? ncols : 1, sizeof *t->right);
	return t->right ? DK_OK : DK_ENOMEM;
}

void dk_table_release(dk_table *t)
{
	free(t->text.data);
	free(t->at);
	free(t->right);
	memset(t, 0, sizeof *t);
}

dk_status dk_table_row(dk_table *t, const char *const *cells)
{
	if (t->nrows == t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 16;
		size_t *p = realloc(t->at, cap * t->ncols * sizeof *p);
		if (!p)
			return DK_ENOMEM;
		t->at = p;
		t->cap = cap;
	}
	size_t *row = t->at + t->nrows * t->ncols;
	for (size_t c = 0; c < t->ncols; c++) {
		row[c] = t->text.len;
		dk_term_put(&t->text, cells[c] ? cells[c] : "", true);
		dk_strbuf_add(&t->text, "", 1); /* the cell's '\0' */
	}
	if (t->text.oom)
		return DK_ENOMEM;
	t->nrows++;
	return DK_OK;
}

static size_t width(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

char *dk_table_render(const dk_table *t)
{
	size_t *w = calloc(t->ncols ? t->ncols : 1, sizeof *w);
	if (!w)
		return NULL;
	size_t bytes = 1, line = 0;
	for (size_t r = 0; r < t->nrows; r++)
		for (size_t c = 0; c < t->ncols; c++) {
			const char *s = dk_table_cell(t, r, c);
			size_t k = width(s);
			if (k > w[c])
				w[c] = k;
			bytes += strlen(s) + 2;
		}
	for (size_t c = 0; c < t->ncols; c++)
		line += w[c] + 2;
	bytes += (t->nrows + 1) * (line + 1) * 2;
	char *out = malloc(bytes);
	if (!out) {
		free(w);
		return NULL;
	}
	size_t o = 0;
	for (size_t r = 0; r < t->nrows; r++) {
		size_t end = 0; /* trailing spaces are cut */
		for (size_t c = 0; c < t->ncols; c++) {
			const char *s = dk_table_cell(t, r, c);
			size_t pad = w[c] - width(s);
			if (c > 0)
				out[o++] = ' ', out[o++] = ' ';
			if (t->right[c])
				for (; pad; pad--)
					out[o++] = ' ';
			memcpy(out + o, s, strlen(s));
			o += strlen(s);
			end = o;
			if (!t->right[c])
				for (; pad; pad--)
					out[o++] = ' ';
		}
		o = end;
		out[o++] = '\n';
		if (r == 0) {
			size_t total = line >= 2 ? line - 2 : 0;
			for (size_t k = 0; k < total; k++)
				out[o++] = '-';
			out[o++] = '\n';
		}
	}
	out[o] = '\0';
	free(w);
	return out;
}

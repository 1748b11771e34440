/*
 * error.c: the diagnostics list. Messages are formatted once, when recorded,
 * into heap strings the list owns. Past DK_DIAG_LIMIT problems are counted
 * but not stored, so a file with a million bad cells costs no memory.
 */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void dk_error_init(dk_error *d)
{
	memset(d, 0, sizeof *d);
}

void dk_error_release(dk_error *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n; i++) {
		free(d->items[i].file);
		free(d->items[i].message);
	}
	free(d->items);
	memset(d, 0, sizeof *d);
}

static char *dup_str(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = malloc(n);
	if (p)
		memcpy(p, s, n);
	return p;
}

void dk_error_add(dk_error *d, const char *file, int line, int col, const char *fmt, ...)
{
	if (d->n >= DK_DIAG_LIMIT) {
		d->dropped++;
		return;
	}
	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 8;
		dk_diag *items = realloc(d->items, cap * sizeof *items);
		if (!items) {
			d->oom = 1;
			return;
		}
		d->items = items;
		d->cap = cap;
	}
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	dk_diag *g = &d->items[d->n];
	g->file = dup_str(file ? file : "");
	g->message = dup_str(buf);
	g->line = line;
	g->col = col;
	if (!g->file || !g->message) {
		free(g->file);
		free(g->message);
		d->oom = 1;
		return;
	}
	d->n++;
}

dk_status dk_error_status(const dk_error *d)
{
	if (d->oom)
		return DK_ENOMEM;
	return (d->n || d->dropped) ? DK_EINPUT : DK_OK;
}

void dk_diag_format(const dk_diag *g, char *buf, size_t size)
{
	if (g->line > 0)
		snprintf(buf, size, "%s:%d:%d: error: %s", g->file, g->line,
			 g->col > 0 ? g->col : 1, g->message);
	else
		snprintf(buf, size, "%s: error: %s", g->file, g->message);
}

void dk_quote(const char *text, char *buf, size_t size)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t o = 0, chars = 0;
	if (size < 4) {
		if (size)
			buf[0] = '\0';
		return;
	}
	while (*s) {
		size_t want = *s >= 0xF0 ? 4 : *s >= 0xE0 ? 3 : *s >= 0xC0 ? 2 : 1;
		size_t len = 1;
		while (len < want && (s[len] & 0xC0) == 0x80)
			len++;
		if (chars == 60 || o + len + 4 > size) {
			memcpy(buf + o, "...", 3);
			o += 3;
			break;
		}
		for (size_t k = 0; k < len; k++) {
			unsigned char c = s[k];
			buf[o++] = (c < 0x20 || c == 0x7F) ? '?' : (char)c;
		}
		s += len;
		chars++;
	}
	buf[o] = '\0';
}

typedef struct {
	dk_diag g;
	size_t file_rank, seq;
} ranked;

static int ranked_cmp(const void *a, const void *b)
{
	const ranked *x = a, *y = b;
	if (x->file_rank != y->file_rank)
		return x->file_rank < y->file_rank ? -1 : 1;
	if (x->g.line != y->g.line)
		return x->g.line < y->g.line ? -1 : 1;
	if (x->g.col != y->g.col)
		return x->g.col < y->g.col ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void dk_error_sort(dk_error *d)
{
	ranked *r = malloc((d->n ? d->n : 1) * sizeof *r);
	if (!r)
		return; /* unsorted is still every problem */
	for (size_t i = 0; i < d->n; i++) {
		r[i].g = d->items[i];
		r[i].seq = i;
		r[i].file_rank = i;
		for (size_t k = 0; k < i; k++)
			if (strcmp(d->items[k].file, d->items[i].file) == 0) {
				r[i].file_rank = r[k].file_rank;
				break;
			}
	}
	qsort(r, d->n, sizeof *r, ranked_cmp);
	for (size_t i = 0; i < d->n; i++)
		d->items[i] = r[i].g;
	free(r);
}

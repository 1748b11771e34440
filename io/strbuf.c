/*
 * strbuf.c: the writers' text buffer (see strbuf.h).
 */
#include "io/strbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int grow(dk_strbuf *b, size_t extra)
{
	if (b->oom)
		return -1;
	if (b->len + extra + 1 <= b->cap)
		return 0;
	size_t cap = b->cap ? b->cap : 1024;
	while (b->len + extra + 1 > cap)
		cap *= 2;
	char *p = realloc(b->data, cap);
	if (!p) {
		b->oom = 1;
		return -1;
	}
	b->data = p;
	b->cap = cap;
	return 0;
}

int dk_strbuf_flush(dk_strbuf *b)
{
	if (b->oom)
		return -1;
	if (b->flush && b->len > 0 && b->flush(b->flush_ctx, b->data, b->len) != 0) {
		b->oom = 1;
		return -1;
	}
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
	return 0;
}

void dk_strbuf_add_slow(dk_strbuf *b, const char *s, size_t n)
{
	if (grow(b, n) != 0)
		return;
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
	if (b->flush && b->len >= DK_STRBUF_FLUSH_AT)
		dk_strbuf_flush(b);
}

void dk_strbuf_puts(dk_strbuf *b, const char *s)
{
	dk_strbuf_add(b, s, strlen(s));
}

void dk_strbuf_printf(dk_strbuf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || grow(b, (size_t)n) != 0)
		return;
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	if (b->flush && b->len >= DK_STRBUF_FLUSH_AT)
		dk_strbuf_flush(b);
}

char *dk_strbuf_done(dk_strbuf *b)
{
	if (!b->oom && !b->data)
		dk_strbuf_add(b, "", 0);
	if (b->oom) {
		free(b->data);
		b->data = NULL;
	}
	return b->data;
}

void dk_csv_field(dk_strbuf *b, const char *s, char delim)
{
	if (!strchr(s, delim) && !strpbrk(s, "\"\r\n")) {
		dk_strbuf_puts(b, s);
		return;
	}
	dk_strbuf_puts(b, "\"");
	for (; *s; s++) {
		if (*s == '"')
			dk_strbuf_puts(b, "\"");
		dk_strbuf_add(b, s, 1);
	}
	dk_strbuf_puts(b, "\"");
}

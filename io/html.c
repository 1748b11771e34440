/*
 * html.c: what every HTML page dekom writes uses (io/html.h): text
 * escaped for HTML, kroner with non-breaking digit groups, and shares as
 * percentages, so that the report (io/report_html.c), its charts and
 * network pages (io/html_pages.c) and the price page (io/html_price.c)
 * write numbers the same way.
 */
#include "io/html.h"

#include <stdio.h>

#include "models/numtext.h"

#define NBSP "\xC2\xA0"

void dk_html_esc(dk_strbuf *b, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&': dk_strbuf_puts(b, "&amp;"); break;
		case '<': dk_strbuf_puts(b, "&lt;"); break;
		case '>': dk_strbuf_puts(b, "&gt;"); break;
		case '"': dk_strbuf_puts(b, "&quot;"); break;
		default: dk_strbuf_add(b, s, 1); break;
		}
	}
}

void dk_html_kr(dk_strbuf *b, dk_kr v)
{
	char buf[64];
	dk_decimal_format(v, 0, NBSP, ",", buf, sizeof buf);
	dk_strbuf_puts(b, buf);
}

void dk_html_share(dk_strbuf *b, bool english, dk_i128 num, dk_i128 den)
{
	char buf[64];
	dk_ratio_str(num * 100, den, 1, buf, sizeof buf);
	if (!english)
		for (char *p = buf; *p; p++)
			if (*p == '.')
				*p = ',';
	dk_strbuf_printf(b, "%s" NBSP "%%", buf);
}

/*
 * html.h: what the HTML report's parts share (io/report_html.c, the
 * document and its tables; io/html_pages.c, the charts and a page per
 * network): escaping, numbers as people read them, and the parts.
 */
#ifndef DK_HTML_H
#define DK_HTML_H

#include <stdbool.h>

#include "io/report.h"
#include "io/strbuf.h"
#include "models/exact.h"

/* Text as HTML (& < > " escaped). */
void dk_html_esc(dk_strbuf *b, const char *s);
/* Whole kroner with non-breaking spaces between digit groups. */
void dk_html_kr(dk_strbuf *b, dk_kr v);
/* num/den as a percentage with one decimal ("49,8 %"). */
void dk_html_share(dk_strbuf *b, bool english, dk_i128 num, dk_i128 den);

/* The charts (previous, need and recommended per network; money to each
 * institution), each an inline SVG with a title and a text alternative. */
void dk_html_charts(dk_strbuf *b, const dk_report *r);
/* One page per network: its amount and how it came about, its budget
 * lines, its criteria, its findings and what the forum may ask it. */
void dk_html_network_pages(dk_strbuf *b, const dk_report *r);

#endif

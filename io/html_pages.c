/*
 * html_pages.c: the report's charts and its page per network.
 *
 * A chart is inline SVG with role="img", a <title> and a <desc> that says
 * every figure it draws in words, so that a screen reader (and a printout
 * read by a machine) has the same content as the picture; every bar is
 * labelled with its value and the amounts have an axis. The bars' lengths
 * are the one place where amounts become floating point, for drawing only.
 *
 * A network's page starts on a new sheet of paper (break-before: page)
 * and holds what the forum reads about that network: the amount and how
 * it came about (the text of `dekom explain`), its budget lines planned
 * and recommended, its criteria, its own findings, and the questions those
 * findings raise.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/grid.h"
#include "io/html.h"
#include "io/i18n.h"
#include "models/numtext.h"

#define NBSP "\xC2\xA0"

/* An axis step of 1, 2 or 5 times a power of ten, about a fifth of top. */
static dk_kr axis_step(dk_kr top)
{
	dk_kr raw = top / 5 > 0 ? top / 5 : 1, p = 1;
	while (p <= raw / 10)
		p *= 10;
	return raw >= 5 * p ? 5 * p : raw >= 2 * p ? 2 * p : p;
}

/* Ticks and their labels under a chart whose bars start at x0 and are
 * `width` long for `top` kroner; the axis line at y. */
static void axis(dk_strbuf *b, int x0, int width, int y, dk_kr top)
{
	dk_kr step = axis_step(top);
	dk_strbuf_printf(
		b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>\n",
		x0, y, x0 + width, y);
	for (dk_kr v = 0; v <= top; v += step) {
		double x = x0 + (double)v / (double)top * width;
		dk_strbuf_printf(b,
				 "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" "
				 "stroke=\"#333\"/><text x=\"%.1f\" y=\"%d\" "
				 "text-anchor=\"middle\">",
				 x, y, x, y + 4, x, y + 14);
		dk_html_kr(b, v);
		dk_strbuf_puts(b, "</text>\n");
	}
}

static void legend(dk_strbuf *b, int x, int y, const char *colour, const char *text)
{
	dk_strbuf_printf(
		b,
		"<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"10\" fill=\"%s\"/>"
		"<text x=\"%d\" y=\"%d\">",
		x, y, colour, x + 16, y + 9);
	dk_html_esc(b, text);
	dk_strbuf_puts(b, "</text>\n");
}

static void kr_text(char *buf, size_t size, dk_kr v)
{
	dk_decimal_format(v, 0, " ", ",", buf, size);
}

/* Previous, need and recommended per network, three bars each. */
static void chart_networks(dk_strbuf *b, const dk_report *r)
{
	const dk_recommendation *rec = r->rec;
	bool en = r->english, prev = (r->nets->columns >> DK_COL_PREVIOUS) & 1u;
	dk_kr top = 1;
	for (size_t k = 0; k < rec->n; k++) {
		const dk_network *n = &r->nets->items[k];
		dk_kr v[3] = {prev ? n->v[DK_COL_PREVIOUS] : 0, n->v[DK_COL_NEED],
			      rec->rows[k].amount};
		for (int j = 0; j < 3; j++)
			if (v[j] > top)
				top = v[j];
	}
	top = (top + axis_step(top) - 1) / axis_step(top) * axis_step(top);
	const int label = 170, width = 480, bar = 9, gap = 8;
	int nbars = prev ? 3 : 2, row = nbars * bar + gap;
	int plot = (int)rec->n * row;
	int height = plot + 60;
	const char *title =
		dk_tr(en, "Last year, need and recommended amount per network");
	dk_strbuf_printf(
		b,
		"<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
		"height=\"%d\" role=\"img\" aria-labelledby=\"chart1-title "
		"chart1-desc\">\n<title id=\"chart1-title\">",
		label + width + 110, height);
	dk_html_esc(b, title);
	dk_strbuf_puts(b, "</title>\n<desc id=\"chart1-desc\">");
	for (size_t k = 0; k < rec->n; k++) {
		const dk_network *n = &r->nets->items[k];
		char a[40], c[40], d[40];
		kr_text(a, sizeof a, n->v[DK_COL_PREVIOUS]);
		kr_text(c, sizeof c, n->v[DK_COL_NEED]);
		kr_text(d, sizeof d, rec->rows[k].amount);
		dk_html_esc(b, n->name);
		if (prev)
			dk_strbuf_printf(b, ": %s %s kr, %s %s kr, %s %s kr. ",
					 dk_tr(en, "last year"), a, dk_tr(en, "need"), c,
					 dk_tr(en, "recommended"), d);
		else
			dk_strbuf_printf(b, ": %s %s kr, %s %s kr. ", dk_tr(en, "need"),
					 c, dk_tr(en, "recommended"), d);
	}
	dk_strbuf_puts(b, "</desc>\n");
	static const char *const colour[3] = {"#9e9e9e", "#9cb4d8", "#1f3d6e"};
	for (size_t k = 0; k < rec->n; k++) {
		const dk_network *n = &r->nets->items[k];
		dk_kr v[3] = {n->v[DK_COL_PREVIOUS], n->v[DK_COL_NEED],
			      rec->rows[k].amount};
		int y = (int)k * row;
		dk_strbuf_printf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">",
				 label - 6, y + nbars * bar / 2 + 4);
		dk_html_esc(b, n->name);
		dk_strbuf_puts(b, "</text>\n");
		for (int j = prev ? 0 : 1, s = 0; j < 3; j++, s++) {
			double w = (double)v[j] / (double)top * width;
			dk_strbuf_printf(
				b,
				"<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
				"fill=\"%s\"/><text x=\"%.1f\" y=\"%d\" "
				"class=\"value\">",
				label, y + s * bar, w, bar - 1, colour[j], label + w + 3,
				y + s * bar + bar - 1);
			dk_html_kr(b, v[j]);
			dk_strbuf_puts(b, "</text>\n");
		}
	}
	axis(b, label, width, plot + 2, top);
	int ly = plot + 26;
	int x = label;
	if (prev) {
		legend(b, x, ly, colour[0], dk_tr(en, "last year"));
		x += 110;
	}
	legend(b, x, ly, colour[1], dk_tr(en, "need"));
	legend(b, x + 110, ly, colour[2], dk_tr(en, "recommended"));
	dk_strbuf_puts(b, "</svg>\n<figcaption>");
	dk_html_esc(b, title);
	dk_strbuf_puts(b, "</figcaption>\n</figure>\n");
}

/* Direct transfer and UP2 per institution, stacked, and other/uncertain. */
static void chart_institutions(dk_strbuf *b, const dk_report *r)
{
	const dk_recommendation *rec = r->rec;
	const dk_plan *p = r->plan;
	bool en = r->english;
	size_t n = p->n_institutions;
	if (n == 0)
		return;
	dk_kr top = rec->total_other > 0 ? rec->total_other : 1;
	for (size_t i = 0; i < n; i++)
		if (rec->inst_direct[i] + rec->inst_up2[i] > top)
			top = rec->inst_direct[i] + rec->inst_up2[i];
	top = (top + axis_step(top) - 1) / axis_step(top) * axis_step(top);
	const int label = 170, width = 480, row = 22;
	size_t rows = n + (rec->total_other > 0 ? 1 : 0);
	int plot = (int)rows * row;
	const char *title =
		dk_tr(en, "Money to each institution: direct transfer and UP2");
	dk_strbuf_printf(
		b,
		"<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
		"height=\"%d\" role=\"img\" aria-labelledby=\"chart2-title "
		"chart2-desc\">\n<title id=\"chart2-title\">",
		label + width + 130, plot + 60);
	dk_html_esc(b, title);
	dk_strbuf_puts(b, "</title>\n<desc id=\"chart2-desc\">");
	for (size_t i = 0; i < n; i++) {
		char a[40], c[40], d[40];
		kr_text(a, sizeof a, rec->inst_direct[i]);
		kr_text(c, sizeof c, rec->inst_up2[i]);
		kr_text(d, sizeof d, rec->inst_direct[i] + rec->inst_up2[i]);
		dk_html_esc(b,
			    p->institutions[i].name ? p->institutions[i].name
						    : p->institutions[i].id);
		dk_strbuf_printf(b, ": %s %s kr + UP2 %s kr = %s kr. ",
				 dk_tr(en, "direct transfer"), a, c, d);
	}
	if (rec->total_other > 0) {
		char a[40];
		kr_text(a, sizeof a, rec->total_other);
		dk_strbuf_printf(b, "%s: %s kr.", dk_tr(en, "Other/uncertain"), a);
	}
	dk_strbuf_puts(b, "</desc>\n");
	for (size_t i = 0; i < rows; i++) {
		bool other = i == n;
		dk_kr d = other ? 0 : rec->inst_direct[i];
		dk_kr u = other ? rec->total_other : rec->inst_up2[i];
		int y = (int)i * row;
		double wd = (double)d / (double)top * width,
		       wu = (double)u / (double)top * width;
		dk_strbuf_printf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">",
				 label - 6, y + 13);
		dk_html_esc(b,
			    other ? dk_tr(en, "Other/uncertain") : p->institutions[i].id);
		dk_strbuf_printf(
			b,
			"</text>\n<rect x=\"%d\" y=\"%d\" width=\"%.1f\" "
			"height=\"16\" fill=\"#1f3d6e\"/><rect x=\"%.1f\" y=\"%d\" "
			"width=\"%.1f\" height=\"16\" fill=\"#9cb4d8\"/>"
			"<text x=\"%.1f\" y=\"%d\" class=\"value\">",
			label, y, wd, label + wd, y, wu, label + wd + wu + 3, y + 12);
		dk_html_kr(b, d + u);
		dk_strbuf_puts(b, "</text>\n");
	}
	axis(b, label, width, plot + 2, top);
	legend(b, label, plot + 26, "#1f3d6e", dk_tr(en, "direct transfer (UP1)"));
	legend(b, label + 170, plot + 26, "#9cb4d8", "UP2");
	dk_strbuf_puts(b, "</svg>\n<figcaption>");
	dk_html_esc(b, title);
	dk_strbuf_puts(b, "</figcaption>\n</figure>\n");
}

void dk_html_charts(dk_strbuf *b, const dk_report *r)
{
	if (!r->rec->produced || r->rec->n == 0)
		return;
	dk_strbuf_printf(b, "<section id=\"diagram\">\n<h2>%s</h2>\n",
			 dk_tr(r->english, "Charts"));
	chart_networks(b, r);
	chart_institutions(b, r);
	dk_strbuf_puts(b, "</section>\n");
}

/* What the forum may ask a network about a finding of check c. */
static const char *question(dk_check_id c, bool en)
{
	switch (c) {
	case DK_CHECK_ROW_SUM:
		return dk_tr(en,
			     "Which is right: the reported need or the sum of the "
			     "budget lines?");
	case DK_CHECK_STATED_SHARE:
		return dk_tr(en, "Which is right: the stated percentage or the amounts?");
	case DK_CHECK_STATED_RECOMMENDATION:
		return dk_tr(en,
			     "Where does the recommended amount in the sheet come "
			     "from?");
	case DK_CHECK_OVER_NEED:
		return dk_tr(en,
			     "Why should the network get more than it reported "
			     "needing?");
	case DK_CHECK_SELF_FINANCING:
		return dk_tr(en,
			     "How will the network meet its own share of the "
			     "costs?");
	case DK_CHECK_COORDINATOR_SHARE:
		return dk_tr(en,
			     "What does the coordinator do, and could more of the "
			     "money reach the schools?");
	case DK_CHECK_UH_UNIDENTIFIED:
		return dk_tr(en,
			     "Which university will the UP2 money go to, and when "
			     "is that decided?");
	case DK_CHECK_UH_SHARE:
		return dk_tr(en,
			     "Is the split between the university and the network "
			     "what the network intends?");
	case DK_CHECK_YEAR_CHANGE:
		return dk_tr(en, "What explains the change from last year?");
	case DK_CHECK_UP1_ASSIGNMENT:
		return dk_tr(en, "Which university is the network's UP1 partner?");
	case DK_CHECK_TOTALS_LIKE_ROW:
		return dk_tr(en, "Is this row a network, or a sum of the others?");
	case DK_CHECK_CRITERIA:
		return dk_tr(en,
			     "How will the network meet the criteria answered no or "
			     "partly?");
	default: return NULL;
	}
}

/* `dekom explain`'s text for network k as paragraphs and a table, without
 * its first line (the name, which is the page's heading) and its last part
 * (the budget lines, which the page shows as a table). */
static void explanation(dk_strbuf *b, const dk_report *r, size_t k)
{
	char *t = dk_explain_text(r, k);
	if (!t)
		return;
	char stop[120];
	snprintf(stop, sizeof stop, "%s",
		 dk_tr(r->english, "\nSplit over its planned budget lines:\n") + 1);
	stop[strcspn(stop, "\n")] = '\0';
	bool table = false;
	char *line = strchr(t, '\n');
	line = line ? line + 1 : t + strlen(t);
	while (*line) {
		char *end = strchr(line, '\n');
		if (end)
			*end = '\0';
		if (strcmp(line, stop) == 0)
			break;
		if (line[0] == ' ' && line[1] == ' ' && strchr(line, ':')) {
			char *colon = strchr(line, ':');
			char *value = colon + 1;
			while (*value == ' ')
				value++;
			*colon = '\0';
			if (!table)
				dk_strbuf_printf(
					b,
					"<table class=\"kv\">\n<caption>%s</caption>\n",
					dk_tr(r->english, "The method's terms"));
			table = true;
			dk_strbuf_puts(b, "<tr><th scope=\"row\">");
			dk_html_esc(b, line + 2);
			dk_strbuf_puts(b, "</th><td class=\"n\">");
			dk_html_esc(b, value);
			dk_strbuf_puts(b, "</td></tr>\n");
		} else {
			if (table)
				dk_strbuf_puts(b, "</table>\n");
			table = false;
			if (*line) {
				dk_strbuf_puts(b, "<p>");
				dk_html_esc(b, line);
				dk_strbuf_puts(b, "</p>\n");
			}
		}
		if (!end)
			break;
		line = end + 1;
	}
	if (table)
		dk_strbuf_puts(b, "</table>\n");
	free(t);
}

/* The planned lines beside the recommended amount's split over them. */
static void budget_lines(dk_strbuf *b, const dk_report *r, size_t k)
{
	const dk_network *n = &r->nets->items[k];
	const dk_rec_row *row = &r->rec->rows[k];
	const dk_plan *p = r->plan;
	bool en = r->english;
	dk_strbuf_printf(b,
			 "<table>\n<caption>%s</caption>\n<thead><tr><th scope=\"col\">%s"
			 "</th><th scope=\"col\" class=\"n\">%s</th>",
			 r->rec->produced ? dk_tr(en,
						  "Budget lines: planned, and the "
						  "recommended amount split over them")
					  : dk_tr(en, "Budget lines as planned"),
			 dk_tr(en, "Line"), dk_tr(en, "Planned"));
	if (r->rec->produced)
		dk_strbuf_printf(b, "<th scope=\"col\" class=\"n\">%s</th>",
				 dk_tr(en, "Recommended"));
	dk_strbuf_puts(b, "</tr></thead>\n<tbody>\n");
	size_t nl = p->n_institutions + 3;
	for (size_t j = 0; j < nl + 1; j++) {
		char lbl[300];
		dk_kr plan, got;
		if (j == 0) {
			snprintf(lbl, sizeof lbl, "%s", dk_tr(en, "own"));
			plan = n->v[DK_COL_OWN], got = row->own;
		} else if (j == 1) {
			snprintf(lbl, sizeof lbl, "%s", dk_tr(en, "coordinator"));
			plan = n->v[DK_COL_COORDINATOR], got = row->coordinator;
		} else if (j < nl - 1) {
			const dk_institution *in = &p->institutions[j - 2];
			snprintf(lbl, sizeof lbl, "UP2 %s", in->id);
			dk_utf8_trim(lbl);
			plan = n->uh[j - 2], got = row->uh[j - 2];
		} else if (j == nl - 1) {
			snprintf(lbl, sizeof lbl, "%s", dk_tr(en, "other/uncertain"));
			plan = n->v[DK_COL_UH_OTHER], got = row->uh_other;
		} else {
			if (row->unspecified == 0)
				continue;
			snprintf(lbl, sizeof lbl, "%s", dk_tr(en, "unspecified"));
			plan = 0, got = row->unspecified;
		}
		dk_strbuf_puts(b, "<tr><td>");
		dk_html_esc(b, lbl);
		dk_strbuf_puts(b, "</td><td class=\"n\">");
		dk_html_kr(b, plan);
		if (r->rec->produced) {
			dk_strbuf_puts(b, "</td><td class=\"n\">");
			dk_html_kr(b, got);
		}
		dk_strbuf_puts(b, "</td></tr>\n");
	}
	dk_strbuf_puts(b, "</tbody>\n</table>\n");
}

static void criteria(dk_strbuf *b, const dk_report *r, size_t k)
{
	const char *const *head = dk_criteria_heads(r->english);
	const char *cells[DK_CRITERIA_COLS];
	dk_criteria_row(r, k, cells);
	dk_strbuf_printf(b,
			 "<table class=\"kv\">\n<caption>%s</caption>\n<thead><tr><th "
			 "scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead>\n"
			 "<tbody>\n",
			 dk_tr(r->english, "Criteria"), dk_tr(r->english, "Criterion"),
			 dk_tr(r->english, "Answer"));
	for (size_t c = 1; c < DK_CRITERIA_COLS; c++) {
		dk_strbuf_printf(b, "<tr><td>%s</td><td class=\"answer %s\">", head[c],
				 cells[c]);
		dk_html_esc(b, cells[c]);
		dk_strbuf_puts(b, "</td></tr>\n");
	}
	dk_strbuf_puts(b, "</tbody>\n</table>\n");
}

/* The network's own findings, and the questions they raise. */
static void findings(dk_strbuf *b, const dk_report *r, size_t k, const size_t *at,
		     const size_t *order)
{
	const dk_findings *f = &r->rec->findings;
	bool en = r->english, any = false;
	uint32_t asked = 0;
	dk_strbuf_printf(b, "<h3>%s</h3>\n", dk_tr(en, "Findings"));
	for (size_t i = at[k]; i < at[k + 1]; i++) {
		const dk_finding *x = &f->items[order[i]];
		if (!any)
			dk_strbuf_puts(b, "<ul class=\"findings\">\n");
		any = true;
		dk_strbuf_printf(b, "<li><span class=\"%s\">%s</span>, %s: ",
				 dk_severity_name(x->severity),
				 dk_severity_label(x->severity, en),
				 dk_check_title(x->check, en));
		dk_html_esc(b, dk_finding_message(x, en));
		dk_strbuf_puts(b, "</li>\n");
		if (question(x->check, en))
			asked |= 1u << x->check;
	}
	if (any)
		dk_strbuf_puts(b, "</ul>\n");
	else
		dk_strbuf_printf(b, "<p>%s</p>\n", dk_tr(en, "No findings."));
	dk_strbuf_printf(b, "<h3>%s</h3>\n", dk_tr(en, "What the forum may ask"));
	if (!asked) {
		dk_strbuf_printf(b, "<p>%s</p>\n",
				 dk_tr(en, "Nothing in the sheet calls for a question."));
		return;
	}
	dk_strbuf_puts(b, "<ul>\n");
	for (int c = 0; c < DK_CHECK_COUNT; c++)
		if ((asked >> c) & 1u)
			dk_strbuf_printf(b, "<li>%s</li>\n",
					 question((dk_check_id)c, en));
	dk_strbuf_puts(b, "</ul>\n");
}

void dk_html_network_pages(dk_strbuf *b, const dk_report *r)
{
	const dk_recommendation *rec = r->rec;
	bool en = r->english;
	bool stated = (r->nets->columns >> DK_COL_STATED_RECOMMENDED) & 1u;
	size_t *at, *order;
	if (dk_findings_by_network(&rec->findings, rec->n, &at, &order) != DK_OK) {
		b->oom = 1;
		return;
	}
	for (size_t k = 0; k < rec->n; k++) {
		const dk_network *n = &r->nets->items[k];
		const dk_rec_row *row = &rec->rows[k];
		dk_strbuf_printf(
			b,
			"<section class=\"network\" aria-labelledby=\"net-%zu\">\n"
			"<h2 id=\"net-%zu\">",
			k, k);
		dk_html_esc(b, n->name);
		dk_strbuf_puts(b, "</h2>\n<p class=\"lead\">");
		if (rec->produced) {
			dk_strbuf_printf(b, "%s: <strong>", dk_tr(en, "Recommended"));
			dk_html_kr(b, row->amount);
			dk_strbuf_printf(b, NBSP "kr</strong> (%s). %s: ",
					 dk_state_label(row->state, en),
					 dk_tr(en, "Need"));
		} else {
			dk_strbuf_printf(
				b, "%s %s: ", dk_tr(en, "No amounts were computed."),
				dk_tr(en, "Need"));
		}
		dk_html_kr(b, n->v[DK_COL_NEED]);
		dk_strbuf_puts(b, NBSP "kr");
		if ((r->nets->columns >> DK_COL_PREVIOUS) & 1u) {
			dk_strbuf_printf(b, ". %s: ", dk_tr(en, "Last year"));
			dk_html_kr(b, n->v[DK_COL_PREVIOUS]);
			dk_strbuf_puts(b, NBSP "kr");
		}
		if (stated) {
			dk_strbuf_printf(
				b, ". %s: ", dk_tr(en, "The sheet's own recommendation"));
			dk_html_kr(b, n->v[DK_COL_STATED_RECOMMENDED]);
			dk_strbuf_puts(b, NBSP "kr");
		}
		dk_strbuf_puts(b, ".</p>\n");
		/* two columns, so that a network fits on its page */
		dk_strbuf_printf(b, "<div class=\"cols\">\n<div>\n<h3>%s</h3>\n",
				 dk_tr(en, "How the amount came about"));
		explanation(b, r, k);
		dk_strbuf_puts(b, "</div>\n<div>\n");
		budget_lines(b, r, k);
		criteria(b, r, k);
		findings(b, r, k, at, order);
		dk_strbuf_puts(b, "</div>\n</div>\n</section>\n");
	}
	free(at);
	free(order);
}

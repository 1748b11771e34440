/*
 * report_html.c: the recommendation as one self-contained HTML file
 * (`-f html`), the printable report for the forum meeting.
 *
 * Everything is in the file: the style sheet is inline, the chart is inline
 * SVG, and nothing is fetched, so the file can be mailed, archived and
 * printed as it is. The sections follow the meeting's order: the frame,
 * the recommendation (the grid of io/grid.h), a chart of recommended amount
 * against need, the institutions, the criteria sheet, the findings, and the
 * manifest. A print style sheet sets A4 landscape and keeps table rows and
 * headings from splitting across pages. Numbers use Norwegian digit groups
 * with non-breaking spaces so they never wrap. The chart's bar lengths are
 * the one place where amounts become floating point, for drawing only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/exact.h"
#include "io/grid.h"
#include "io/i18n.h"
#include "io/report.h"
#include "io/strbuf.h"
#include "models/numtext.h"

#define NBSP "\xC2\xA0"

static void esc(dk_strbuf *b, const char *s)
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

static void kr(dk_strbuf *b, dk_kr v)
{
	char buf[64];
	dk_decimal_format(v, 0, NBSP, ",", buf, sizeof buf);
	dk_strbuf_puts(b, buf);
}

static void share(dk_strbuf *b, const dk_report *r, dk_i128 num, dk_i128 den)
{
	char buf[64];
	dk_ratio_str(num * 100, den, 1, buf, sizeof buf);
	if (!r->english)
		for (char *p = buf; *p; p++)
			if (*p == '.')
				*p = ',';
	dk_strbuf_printf(b, "%s" NBSP "%%", buf);
}

static void cell(dk_strbuf *b, const dk_report *r, const dk_cell *x)
{
	char buf[64];
	switch (x->kind) {
	case DK_CELL_TEXT: esc(b, x->text); break;
	case DK_CELL_KR: kr(b, x->v); break;
	case DK_CELL_FTE:
		dk_decimal_format(x->v, 2, NBSP, r->english ? "." : ",", buf, sizeof buf);
		dk_strbuf_puts(b, buf);
		break;
	case DK_CELL_SHARE: share(b, r, x->num, x->den); break;
	case DK_CELL_EMPTY: break;
	}
}

static const char style[] =
	"body{font-family:\"DejaVu Sans\",Arial,sans-serif;font-size:10pt;"
	"color:#111;margin:2em;max-width:80em}\n"
	"h1{font-size:16pt;margin:0 0 .2em}h2{font-size:12pt;margin:1.6em 0 .5em;"
	"border-bottom:1px solid #888;break-after:avoid}\n"
	".sub{color:#444;margin:0}\n"
	"table{border-collapse:collapse;margin:.3em 0}\n"
	"th,td{padding:.15em .5em;vertical-align:top}\n"
	"th{text-align:left;border-bottom:1px solid #333;font-weight:bold}\n"
	"td.n,th.n{text-align:right;white-space:nowrap}\n"
	"tr.sum td{border-top:1px solid #333;font-weight:bold}\n"
	"table.grid{font-size:9pt}table.grid tbody tr:nth-child(even){background:#f2f2f2}\n"
	"tr{break-inside:avoid}\n"
	".error{color:#a00;font-weight:bold}.warning{color:#8a5a00}.info{color:#555}\n"
	"td.msg{max-width:45em}\n"
	"svg text{font-size:9px;font-family:inherit}\n"
	".mono{font-family:\"DejaVu Sans Mono\",monospace;font-size:8pt}\n"
	"@page{size:A4 landscape;margin:12mm}\n"
	"@media print{body{margin:0;max-width:none}section{break-inside:auto}}\n";

static void frame_section(dk_strbuf *b, const dk_report *r)
{
	const dk_recommendation *rec = r->rec;
	bool en = r->english;
	dk_strbuf_printf(b,
			 "<section id=\"ramme\">\n<h2>%s</h2>\n<table class=\"frame\">\n",
			 dk_tr(en, "Frame"));
	struct {
		const char *label;
		dk_kr v;
		bool show;
	} rows[] = {
		{dk_trc(en, "frame", "Total"), rec->total, rec->has_total},
		{dk_tr(en, "Pro-rata frame to the networks"), rec->prorata, true},
		{dk_tr(en, "Direct transfer to the universities (UP1)"), rec->direct,
		 true},
		{dk_tr(en, "Common measures"), rec->measures, true},
		{dk_tr(en, "Reserve"), rec->reserve, true},
		{dk_tr(en, "Not allocated"), rec->unused + rec->reserve_cut,
		 rec->produced},
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		if (!rows[i].show)
			continue;
		dk_strbuf_printf(b, "<tr><td>%s</td><td class=\"n\">", rows[i].label);
		kr(b, rows[i].v);
		dk_strbuf_puts(b, "</td></tr>\n");
	}
	if (rec->produced) {
		dk_lambda_text l;
		dk_lambda_format(rec->lambda_num, rec->lambda_den, rec->lambda_scale,
				 true, r->english, &l);
		dk_strbuf_printf(
			b, "<tr><td>λ</td><td class=\"n\">%s %s (%s/%s)</td></tr>\n",
			l.decimal, l.unit, l.num, l.den);
	}
	dk_strbuf_puts(b, "</table>\n");
	if (!rec->produced)
		dk_strbuf_printf(b, "<p class=\"error\">%s</p>\n",
				 dk_tr(r->english,
				       "No amounts were computed: see the findings."));
	dk_strbuf_puts(b, "</section>\n");
}

static void grid_section(dk_strbuf *b, const dk_report *r, const dk_grid *g)
{
	dk_strbuf_printf(
		b, "<section id=\"innstilling\">\n<h2>%s</h2>\n<table class=\"grid\">\n",
		dk_tr(r->english, "Recommendation per network"));
	for (size_t i = 0; i < g->nrows; i++) {
		bool head = i == 0, sum = i == g->nrows - 1;
		if (head)
			dk_strbuf_puts(b, "<thead>");
		if (i == 1)
			dk_strbuf_puts(b, "<tbody>\n");
		if (sum)
			dk_strbuf_puts(b, "</tbody>\n<tfoot>");
		dk_strbuf_puts(b, sum ? "<tr class=\"sum\">" : "<tr>");
		for (size_t c = 0; c < g->ncols; c++) {
			bool num = dk_grid_col_numeric(g->col[c]);
			dk_strbuf_printf(b, "<%s%s>", head ? "th" : "td",
					 num ? " class=\"n\"" : "");
			cell(b, r, dk_grid_at(g, i, c));
			dk_strbuf_printf(b, "</%s>", head ? "th" : "td");
		}
		dk_strbuf_puts(b, "</tr>");
		if (head)
			dk_strbuf_puts(b, "</thead>");
		if (sum)
			dk_strbuf_puts(b, "</tfoot>");
		dk_strbuf_puts(b, "\n");
	}
	dk_strbuf_puts(b, "</table>\n</section>\n");
}

/* Bars of need (light) and recommended amount (dark) per network, to the
 * scale of the largest need or amount. */
static void chart_section(dk_strbuf *b, const dk_report *r)
{
	const dk_recommendation *rec = r->rec;
	if (!rec->produced || rec->n == 0)
		return;
	dk_kr top = 1;
	for (size_t k = 0; k < rec->n; k++) {
		if (r->nets->items[k].v[DK_COL_NEED] > top)
			top = r->nets->items[k].v[DK_COL_NEED];
		if (rec->rows[k].amount > top)
			top = rec->rows[k].amount;
	}
	const int label = 170, width = 460, row = 18;
	int height = (int)rec->n * row + 24;
	dk_strbuf_printf(b, "<section id=\"diagram\">\n<h2>%s</h2>\n",
			 dk_tr(r->english, "Recommended amount and need"));
	dk_strbuf_printf(b,
			 "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
			 "height=\"%d\" role=\"img\">\n",
			 label + width + 90, height);
	for (size_t k = 0; k < rec->n; k++) {
		double need = (double)r->nets->items[k].v[DK_COL_NEED] / (double)top;
		double amt = (double)rec->rows[k].amount / (double)top;
		int y = (int)k * row;
		dk_strbuf_printf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">",
				 label - 6, y + 12);
		esc(b, r->nets->items[k].name);
		dk_strbuf_printf(
			b,
			"</text><rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"14\" "
			"fill=\"#c8d4e3\"/><rect x=\"%d\" y=\"%d\" width=\"%.1f\" "
			"height=\"8\" fill=\"#2b4c7e\"/><text x=\"%.1f\" y=\"%d\">",
			label, y + 1, need * width, label, y + 4, amt * width,
			label + (need > amt ? need : amt) * width + 4, y + 12);
		kr(b, rec->rows[k].amount);
		dk_strbuf_puts(b, "</text>\n");
	}
	int y = (int)rec->n * row + 8;
	dk_strbuf_printf(
		b,
		"<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"10\" fill=\"#2b4c7e\"/>"
		"<text x=\"%d\" y=\"%d\">%s</text>"
		"<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"10\" fill=\"#c8d4e3\"/>"
		"<text x=\"%d\" y=\"%d\">%s</text>\n</svg>\n</section>\n",
		label, y, label + 16, y + 9, dk_tr(r->english, "recommended"),
		label + 110, y, label + 126, y + 9, dk_tr(r->english, "need"));
}

static void institutions_section(dk_strbuf *b, const dk_report *r)
{
	const dk_recommendation *rec = r->rec;
	const dk_plan *p = r->plan;
	dk_strbuf_printf(
		b,
		"<section id=\"institusjoner\">\n<h2>%s</h2>\n<table>\n"
		"<thead><tr><th>%s</th><th class=\"n\">%s</th><th class=\"n\">UP2</th>"
		"<th class=\"n\">%s</th></tr></thead>\n<tbody>\n",
		dk_tr(r->english, "Institutions"), dk_tr(r->english, "Institution"),
		dk_tr(r->english, "Direct (UP1)"), dk_tr(r->english, "Total"));
	dk_kr up2 = rec->total_other, rsum = 0;
	for (size_t k = 0; k < rec->n; k++)
		rsum += rec->rows[k].amount;
	for (size_t i = 0; i < p->n_institutions; i++) {
		dk_strbuf_puts(b, "<tr><td>");
		esc(b, p->institutions[i].id);
		dk_strbuf_puts(b, "</td><td class=\"n\">");
		kr(b, rec->inst_direct[i]);
		dk_strbuf_puts(b, "</td><td class=\"n\">");
		if (rec->produced)
			kr(b, rec->inst_up2[i]);
		dk_strbuf_puts(b, "</td><td class=\"n\">");
		if (rec->produced)
			kr(b, rec->inst_direct[i] + rec->inst_up2[i]);
		dk_strbuf_puts(b, "</td></tr>\n");
		up2 += rec->inst_up2[i];
	}
	if (rec->produced) {
		dk_strbuf_printf(b,
				 "<tr><td>%s</td><td class=\"n\"></td><td class=\"n\">",
				 dk_tr(r->english, "Other/uncertain"));
		kr(b, rec->total_other);
		dk_strbuf_puts(b, "</td><td class=\"n\">");
		kr(b, rec->total_other);
		dk_strbuf_printf(
			b,
			"</td></tr>\n</tbody>\n<tfoot><tr class=\"sum\"><td>%s</td>"
			"<td class=\"n\">",
			dk_tr(r->english, "Total"));
		kr(b, rec->direct);
		dk_strbuf_puts(b, "</td><td class=\"n\">");
		kr(b, up2);
		dk_strbuf_puts(b, "</td><td class=\"n\">");
		kr(b, rec->direct + up2);
		dk_strbuf_puts(b, "</td></tr></tfoot>\n</table>\n");
		if (rec->direct + rsum > 0) {
			dk_strbuf_printf(
				b, "<p>%s ",
				dk_tr(r->english,
				      "UH share in all (direct transfer, UP2 and "
				      "other/uncertain of direct transfer and "
				      "recommended):"));
			share(b, r, (dk_i128)rec->direct + up2,
			      (dk_i128)rec->direct + rsum);
			dk_strbuf_puts(b, "</p>\n");
		}
	} else {
		dk_strbuf_puts(b, "</tbody>\n</table>\n");
	}
	dk_strbuf_puts(b, "</section>\n");
}

static void criteria_section(dk_strbuf *b, const dk_report *r)
{
	const char *const *head = dk_criteria_heads(r->english);
	dk_strbuf_printf(b,
			 "<section id=\"kriterier\">\n<h2>%s</h2>\n<table>\n<thead><tr>",
			 dk_tr(r->english, "Criteria"));
	for (size_t c = 0; c < DK_CRITERIA_COLS; c++)
		dk_strbuf_printf(b, "<th>%s</th>", head[c]);
	dk_strbuf_puts(b, "</tr></thead>\n<tbody>\n");
	for (size_t k = 0; k < r->rec->n; k++) {
		const char *cells[DK_CRITERIA_COLS];
		dk_criteria_row(r, k, cells);
		dk_strbuf_puts(b, "<tr>");
		for (size_t c = 0; c < DK_CRITERIA_COLS; c++) {
			dk_strbuf_puts(b, "<td>");
			esc(b, cells[c]);
			dk_strbuf_puts(b, "</td>");
		}
		dk_strbuf_puts(b, "</tr>\n");
	}
	dk_strbuf_puts(b, "</tbody>\n</table>\n</section>\n");
}

/* The checks that are on but could not run: said, never skipped silently. */
static void not_checked(dk_strbuf *b, const dk_report *r)
{
	if (!r->rec->not_checked)
		return;
	dk_strbuf_printf(b, "<p>%s</p>\n<ul>\n",
			 dk_tr(r->english,
			       "Not checked (the check is on, but its column is "
			       "absent):"));
	for (int c = 0; c < DK_CHECK_COUNT; c++)
		if ((r->rec->not_checked >> c) & 1u)
			dk_strbuf_printf(b, "<li>%s: %s</li>\n",
					 dk_check_title((dk_check_id)c, r->english),
					 dk_not_checked_reason((dk_check_id)c,
							       r->english));
	dk_strbuf_puts(b, "</ul>\n");
}

/* The forum's decisions: the decided amount beside the method's, and why. */
static void decisions_section(dk_strbuf *b, const dk_report *r)
{
	const dk_plan *p = r->plan;
	if (p->n_decisions == 0)
		return;
	dk_strbuf_printf(b,
			 "<section id=\"vedtak\">\n<h2>%s</h2>\n<table>\n<thead><tr>"
			 "<th>%s</th><th class=\"n\">%s</th><th class=\"n\">%s</th>"
			 "<th>%s</th></tr></thead>\n<tbody>\n",
			 dk_tr(r->english, "The forum's decisions"),
			 dk_tr(r->english, "Network"), dk_tr(r->english, "Decided"),
			 dk_tr(r->english, "Method amount"), dk_tr(r->english, "Reason"));
	for (size_t d = 0; d < p->n_decisions; d++) {
		const dk_decision *x = &p->decisions[d];
		dk_kr m = x->index >= 0 ? r->rec->rows[x->index].method_amount : -1;
		dk_strbuf_puts(b, "<tr><td>");
		esc(b, x->index >= 0 ? r->nets->items[x->index].name : x->network);
		dk_strbuf_puts(b, "</td><td class=\"n\">");
		kr(b, x->amount);
		dk_strbuf_puts(b, "</td><td class=\"n\">");
		if (m >= 0)
			kr(b, m);
		dk_strbuf_puts(b, "</td><td class=\"msg\">");
		esc(b, x->reason);
		dk_strbuf_puts(b, "</td></tr>\n");
	}
	dk_strbuf_puts(b, "</tbody>\n</table>\n</section>\n");
}

static void findings_section(dk_strbuf *b, const dk_report *r)
{
	const dk_findings *f = &r->rec->findings;
	dk_strbuf_printf(b, "<section id=\"funn\">\n<h2>%s</h2>\n<p>",
			 dk_tr(r->english, "Findings"));
	dk_findings_count_text(b, f, r->english);
	dk_strbuf_puts(b, ".</p>\n");
	if (f->n == 0) {
		not_checked(b, r);
		dk_strbuf_puts(b, "</section>\n");
		return;
	}
	dk_strbuf_printf(
		b,
		"<table>\n<thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th>"
		"</tr></thead>\n<tbody>\n",
		dk_tr(r->english, "Severity"), dk_tr(r->english, "Check"),
		dk_tr(r->english, "Network"), dk_tr(r->english, "What, and what to do"));
	for (size_t i = 0; i < f->n; i++) {
		const dk_finding *x = &f->items[i];
		const char *sev = dk_severity_name(x->severity);
		dk_strbuf_printf(b, "<tr><td class=\"%s\">%s</td><td>%s</td><td>", sev,
				 dk_severity_label(x->severity, r->english),
				 dk_check_title(x->check, r->english));
		if (x->network >= 0)
			esc(b, r->nets->items[x->network].name);
		dk_strbuf_puts(b, "</td><td class=\"msg\">");
		esc(b, dk_finding_message(x, r->english));
		dk_strbuf_puts(b, "</td></tr>\n");
	}
	dk_strbuf_puts(b, "</tbody>\n</table>\n");
	not_checked(b, r);
	dk_strbuf_puts(b, "</section>\n");
}

static void manifest_section(dk_strbuf *b, const dk_report *r)
{
	dk_strbuf_printf(
		b,
		"<section id=\"grunnlag\">\n<h2>%s</h2>\n<p>%s dekom " DEKOM_VERSION
		", %s <code>%s</code>.</p>\n<table>\n<thead><tr><th>%s</th><th>%s</th>"
		"<th>SHA-256</th></tr></thead>\n<tbody>\n",
		dk_tr(r->english, "Manifest"), dk_tr(r->english, "Computed by"),
		dk_tr(r->english, "method"), dk_method_label(r->plan->method, r->english),
		dk_tr(r->english, "Input"), dk_tr(r->english, "Path"));
	for (size_t i = 0; i < r->n_inputs; i++) {
		char hex[65];
		dk_input_sha256(r->inputs[i].in, hex);
		dk_strbuf_printf(b, "<tr><td>%s</td><td>", r->inputs[i].role);
		esc(b, r->inputs[i].in->name);
		dk_strbuf_printf(b, "</td><td class=\"mono\">%s</td></tr>\n", hex);
	}
	dk_strbuf_puts(b, "</tbody>\n</table>\n</section>\n");
}

char *dk_report_html(const dk_report *r)
{
	dk_grid_opts go = {r->english ? DK_GRID_EN : DK_GRID_NB, false, true};
	dk_grid g;
	if (dk_grid_build(&g, r, &go) != DK_OK)
		return NULL;
	dk_strbuf b = {0};
	char title[128];
	const char *word = dk_tr(r->english, "Recommendation");
	if (r->rec->year)
		snprintf(title, sizeof title, "%s %d", word, r->rec->year);
	else
		snprintf(title, sizeof title, "%s", word);
	dk_strbuf_printf(
		&b,
		"<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
		"<title>%s</title>\n<style>\n%s</style>\n</head>\n<body>\n"
		"<header>\n<h1>%s</h1>\n<p class=\"sub\">%s <code>%s</code> · dekom " DEKOM_VERSION
		"</p>\n</header>\n",
		r->english ? "en" : "nb", title, style, title,
		dk_tr(r->english, "Method"),
		dk_method_label(r->plan->method, r->english));
	frame_section(&b, r);
	grid_section(&b, r, &g);
	decisions_section(&b, r);
	chart_section(&b, r);
	institutions_section(&b, r);
	criteria_section(&b, r);
	findings_section(&b, r);
	manifest_section(&b, r);
	dk_strbuf_puts(&b, "</body>\n</html>\n");
	dk_grid_release(&g);
	return dk_strbuf_done(&b);
}

/*
 * report_html.c: the recommendation as one self-contained HTML file
 * (`-f html`), the printed document the forum is handed at its meeting.
 *
 * Everything is in the file: the style sheet is inline, the charts are
 * inline SVG, and nothing is fetched, so the file can be mailed, archived
 * and printed as it is. The order is the meeting's: a title block from the
 * plan's title (forum, case, meeting, "Utkast" while a draft), the method
 * in words, the frame with its named measures, the recommendation per
 * network, the forum's decisions, the sheet's own recommendation beside
 * dekom's, the charts, the institutions by their full names, the criteria,
 * the findings, a page per network (io/html_pages.c) and the manifest.
 * The print style sets A4 landscape and numbers the pages itself (@page
 * margin boxes: "Side 1 av 9"), so no browser header is needed. It is
 * written to be read by everyone: a <main> landmark, headings in order,
 * a caption on every table, a title and a text alternative on every chart
 * (checked by axe-core in the tests). Numbers use Norwegian digit groups
 * with non-breaking spaces so they never wrap.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/exact.h"
#include "io/grid.h"
#include "io/i18n.h"
#include "io/report.h"
#include "io/html.h"
#include "io/strbuf.h"
#include "models/numtext.h"

#define NBSP "\xC2\xA0"

static void cell(dk_strbuf *b, const dk_report *r, const dk_cell *x)
{
	char buf[64];
	switch (x->kind) {
	case DK_CELL_TEXT: dk_html_esc(b, x->text); break;
	case DK_CELL_KR: dk_html_kr(b, x->v); break;
	case DK_CELL_FTE:
		dk_decimal_format(x->v, 2, NBSP, r->english ? "." : ",", buf, sizeof buf);
		dk_strbuf_puts(b, buf);
		break;
	case DK_CELL_SHARE: dk_html_share(b, r->english, x->num, x->den); break;
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
	"caption{text-align:left;font-weight:bold;padding:.2em 0}\n"
	"header.title{border-bottom:2px solid #1f3d6e;padding-bottom:.4em}\n"
	"header.title .kind{font-size:10pt;color:#444;margin:0;text-transform:uppercase;"
	"letter-spacing:.05em}\n"
	".draft{display:inline-block;border:2px solid #a00;color:#a00;font-weight:bold;"
	"padding:0 .4em;margin:.3em 0}\n"
	"figure{margin:.5em 0}figcaption{font-size:9pt;color:#444}\n"
	"svg text.value{font-size:8px}\n"
	"table.kv th{border-bottom:none;font-weight:normal;color:#333}\n"
	"td.answer.nei{background:#f8cbad}td.answer.delvis{background:#ffe699}\n"
	"section.network,section#grunnlag{break-before:page}\n"
	"p.lead{font-size:11pt}\n"
	".cols{display:grid;grid-template-columns:3fr 2fr;gap:2em}\n"
	".cols h3:first-child{margin-top:0}.cols table{margin-bottom:.8em}\n"
	"h3{font-size:10.5pt;margin:1em 0 .3em}\n"
	"@media print{body{margin:0;max-width:none}section{break-inside:auto}}\n";

static void frame_section(dk_strbuf *b, const dk_report *r)
{
	const dk_recommendation *rec = r->rec;
	bool en = r->english;
	dk_strbuf_printf(b,
			 "<section id=\"ramme\">\n<h2>%s</h2>\n<table class=\"frame\">\n"
			 "<caption>%s</caption>\n",
			 dk_tr(en, "Frame"),
			 dk_tr(en, "The frame and its parts, in kroner"));
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
		dk_html_kr(b, rows[i].v);
		dk_strbuf_puts(b, "</td></tr>\n");
		/* the common measures by name, under their sum */
		for (size_t m = 0; i == 3 && m < r->plan->n_measures; m++) {
			dk_strbuf_puts(b, "<tr><td class=\"sub-row\">– ");
			dk_html_esc(b, r->plan->measures[m].name);
			dk_strbuf_puts(b, "</td><td class=\"n\">");
			dk_html_kr(b, r->plan->measures[m].amount);
			dk_strbuf_puts(b, "</td></tr>\n");
		}
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
		b,
		"<section id=\"innstilling\">\n<h2>%s</h2>\n<table class=\"grid\">\n"
		"<caption>%s</caption>\n",
		dk_tr(r->english, "Recommendation per network"),
		dk_tr(r->english,
		      "Per network: last year, need, the recommended "
		      "amount and its split over the budget lines, in "
		      "kroner"));
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
			dk_strbuf_printf(b, "<%s%s%s>", head ? "th" : "td",
					 head ? " scope=\"col\"" : "",
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

static void institutions_section(dk_strbuf *b, const dk_report *r)
{
	const dk_recommendation *rec = r->rec;
	const dk_plan *p = r->plan;
	dk_strbuf_printf(
		b,
		"<section id=\"institusjoner\">\n<h2>%s</h2>\n<table>\n<caption>%s</caption>\n"
		"<thead><tr><th scope=\"col\">%s</th><th scope=\"col\" class=\"n\">%s</th><th scope=\"col\" class=\"n\">UP2</th>"
		"<th scope=\"col\" class=\"n\">%s</th></tr></thead>\n<tbody>\n",
		dk_tr(r->english, "Institutions"),
		dk_tr(r->english, "What each university receives, in kroner"),
		dk_tr(r->english, "Institution"), dk_tr(r->english, "Direct (UP1)"),
		dk_tr(r->english, "Total"));
	dk_kr up2 = rec->total_other, rsum = 0;
	for (size_t k = 0; k < rec->n; k++)
		rsum += rec->rows[k].amount;
	for (size_t i = 0; i < p->n_institutions; i++) {
		/* the full name, and the id the sheets use */
		dk_strbuf_puts(b, "<tr><td>");
		if (p->institutions[i].name) {
			dk_html_esc(b, p->institutions[i].name);
			dk_strbuf_puts(b, " (");
			dk_html_esc(b, p->institutions[i].id);
			dk_strbuf_puts(b, ")");
		} else {
			dk_html_esc(b, p->institutions[i].id);
		}
		dk_strbuf_puts(b, "</td><td class=\"n\">");
		dk_html_kr(b, rec->inst_direct[i]);
		dk_strbuf_puts(b, "</td><td class=\"n\">");
		if (rec->produced)
			dk_html_kr(b, rec->inst_up2[i]);
		dk_strbuf_puts(b, "</td><td class=\"n\">");
		if (rec->produced)
			dk_html_kr(b, rec->inst_direct[i] + rec->inst_up2[i]);
		dk_strbuf_puts(b, "</td></tr>\n");
		up2 += rec->inst_up2[i];
	}
	if (rec->produced) {
		dk_strbuf_printf(b,
				 "<tr><td>%s</td><td class=\"n\"></td><td class=\"n\">",
				 dk_tr(r->english, "Other/uncertain"));
		dk_html_kr(b, rec->total_other);
		dk_strbuf_puts(b, "</td><td class=\"n\">");
		dk_html_kr(b, rec->total_other);
		dk_strbuf_printf(
			b,
			"</td></tr>\n</tbody>\n<tfoot><tr class=\"sum\"><td>%s</td>"
			"<td class=\"n\">",
			dk_tr(r->english, "Total"));
		dk_html_kr(b, rec->direct);
		dk_strbuf_puts(b, "</td><td class=\"n\">");
		dk_html_kr(b, up2);
		dk_strbuf_puts(b, "</td><td class=\"n\">");
		dk_html_kr(b, rec->direct + up2);
		dk_strbuf_puts(b, "</td></tr></tfoot>\n</table>\n");
		if (rec->direct + rsum > 0) {
			dk_strbuf_printf(
				b, "<p>%s ",
				dk_tr(r->english,
				      "UH share in all (direct transfer, UP2 and "
				      "other/uncertain of direct transfer and "
				      "recommended):"));
			dk_html_share(b, r->english, (dk_i128)rec->direct + up2,
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
			 "<section id=\"kriterier\">\n<h2>%s</h2>\n<table>\n"
			 "<caption>%s</caption>\n<thead><tr>",
			 dk_tr(r->english, "Criteria"),
			 dk_tr(r->english,
			       "The criteria sheet: judged in the networks' "
			       "sheets and computed from their budgets"));
	for (size_t c = 0; c < DK_CRITERIA_COLS; c++)
		dk_strbuf_printf(b, "<th scope=\"col\">%s</th>", head[c]);
	dk_strbuf_puts(b, "</tr></thead>\n<tbody>\n");
	for (size_t k = 0; k < r->rec->n; k++) {
		const char *cells[DK_CRITERIA_COLS];
		dk_criteria_row(r, k, cells);
		dk_strbuf_puts(b, "<tr>");
		for (size_t c = 0; c < DK_CRITERIA_COLS; c++) {
			dk_strbuf_puts(b, "<td>");
			dk_html_esc(b, cells[c]);
			dk_strbuf_puts(b, "</td>");
		}
		dk_strbuf_puts(b, "</tr>\n");
	}
	dk_strbuf_puts(b, "</tbody>\n</table>\n");
	/* why a computed column is blank throughout (RULES.md section 4) */
	char notes[2][300];
	size_t nn = dk_criteria_notes(r, notes);
	for (size_t k = 0; k < nn; k++) {
		dk_strbuf_puts(b, "<p>");
		dk_html_esc(b, notes[k]);
		dk_strbuf_puts(b, "</p>\n");
	}
	dk_strbuf_puts(b, "</section>\n");
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
	dk_strbuf_printf(
		b,
		"<section id=\"vedtak\">\n<h2>%s</h2>\n<table>\n<caption>%s</caption>\n"
		"<thead><tr>"
		"<th scope=\"col\">%s</th><th scope=\"col\" class=\"n\">%s</th><th scope=\"col\" class=\"n\">%s</th>"
		"<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
		dk_tr(r->english, "The forum's decisions"),
		dk_tr(r->english,
		      "The forum's own amounts beside what the method "
		      "gives, with the reasons"),
		dk_tr(r->english, "Network"), dk_tr(r->english, "Decided"),
		dk_tr(r->english, "Method amount"), dk_tr(r->english, "Reason"));
	for (size_t d = 0; d < p->n_decisions; d++) {
		const dk_decision *x = &p->decisions[d];
		dk_kr m = x->index >= 0 ? r->rec->rows[x->index].method_amount : -1;
		dk_strbuf_puts(b, "<tr><td>");
		dk_html_esc(b,
			    x->index >= 0 ? r->nets->items[x->index].name : x->network);
		dk_strbuf_puts(b, "</td><td class=\"n\">");
		dk_html_kr(b, x->amount);
		dk_strbuf_puts(b, "</td><td class=\"n\">");
		if (m >= 0)
			dk_html_kr(b, m);
		dk_strbuf_puts(b, "</td><td class=\"msg\">");
		dk_html_esc(b, x->reason);
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
		"<table>\n<caption>%s</caption>\n<thead><tr><th scope=\"col\">%s</th>"
		"<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		"</tr></thead>\n<tbody>\n",
		dk_tr(r->english, "Every finding, errors first"),
		dk_tr(r->english, "Severity"), dk_tr(r->english, "Check"),
		dk_tr(r->english, "Network"), dk_tr(r->english, "What, and what to do"));
	for (size_t i = 0; i < f->n; i++) {
		const dk_finding *x = &f->items[i];
		const char *sev = dk_severity_name(x->severity);
		dk_strbuf_printf(b, "<tr><td class=\"%s\">%s</td><td>%s</td><td>", sev,
				 dk_severity_label(x->severity, r->english),
				 dk_check_title(x->check, r->english));
		if (x->network >= 0)
			dk_html_esc(b, r->nets->items[x->network].name);
		dk_strbuf_puts(b, "</td><td class=\"msg\">");
		dk_html_esc(b, dk_finding_message(x, r->english));
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
		", %s <code>%s</code>.</p>\n<table>\n<caption>%s</caption>\n<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		"<th scope=\"col\">SHA-256</th></tr></thead>\n<tbody>\n",
		dk_tr(r->english, "Manifest"), dk_tr(r->english, "Computed by"),
		dk_tr(r->english, "method"), dk_method_label(r->plan->method, r->english),
		dk_tr(r->english, "The inputs, each with its SHA-256 checksum"),
		dk_tr(r->english, "Input"), dk_tr(r->english, "Path"));
	for (size_t i = 0; i < r->n_inputs; i++) {
		char hex[65];
		dk_input_sha256(r->inputs[i].in, hex);
		dk_strbuf_printf(b, "<tr><td>%s</td><td>", r->inputs[i].role);
		dk_html_esc(b, r->inputs[i].in->name);
		dk_strbuf_printf(b, "</td><td class=\"mono\">%s</td></tr>\n", hex);
	}
	dk_strbuf_puts(b, "</tbody>\n</table>\n</section>\n");
}

/* A text inside a CSS string: quotes, backslashes, control characters
 * and '<' (so that nothing can close the style element) as CSS escapes. */
static void css_string(dk_strbuf *b, const char *s)
{
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\' || c == '<' || c < 0x20)
			dk_strbuf_printf(b, "\\%x ", c);
		else
			dk_strbuf_add(b, s, 1);
	}
}

/* The page's own header and footer, in the margins: the document's
 * heading, and "Side N av M" from the catalogue's "Page &P of &N". */
static void page_style(dk_strbuf *b, const dk_report *r, const char *heading)
{
	dk_strbuf_puts(b,
		       "<style>\n@page{size:A4 landscape;margin:14mm 12mm 16mm;"
		       "@top-left{content:\"");
	css_string(b, heading);
	dk_strbuf_puts(b, "\";font-size:8pt;color:#444}@bottom-right{content:\"");
	for (const char *s = dk_tr(r->english, "Page &P of &N"); *s; s++) {
		if (s[0] == '&' && (s[1] == 'P' || s[1] == 'N')) {
			dk_strbuf_puts(b,
				       s[1] == 'P' ? "\" counter(page) \""
						   : "\" counter(pages) \"");
			s++;
		} else {
			char one[2] = {*s, 0};
			css_string(b, one);
		}
	}
	dk_strbuf_puts(b, "\";font-size:8pt;color:#444}}\n</style>\n");
}

static void title_block(dk_strbuf *b, const dk_report *r, const char *heading,
			const char *kind)
{
	const dk_title *t = &r->plan->title;
	bool en = r->english;
	dk_strbuf_puts(b, "<header class=\"title\">\n<p class=\"kind\">");
	dk_html_esc(b, kind);
	dk_strbuf_puts(b, "</p>\n<h1>");
	dk_html_esc(b, t->forum && *t->forum ? t->forum : heading);
	dk_strbuf_puts(b, "</h1>\n");
	if ((t->case_no && *t->case_no) || (t->meeting && *t->meeting)) {
		dk_strbuf_puts(b, "<p class=\"sub\">");
		if (t->case_no && *t->case_no)
			dk_html_esc(b, t->case_no);
		if (t->case_no && *t->case_no && t->meeting && *t->meeting)
			dk_strbuf_puts(b, " · ");
		if (t->meeting && *t->meeting) {
			dk_strbuf_printf(b, "%s ", dk_tr(en, "Meeting"));
			dk_html_esc(b, t->meeting);
		}
		dk_strbuf_puts(b, "</p>\n");
	}
	if (t->draft)
		dk_strbuf_printf(b, "<p class=\"draft\">%s</p>\n", dk_tr(en, "Draft"));
	dk_strbuf_printf(b, "<p class=\"sub\">%s <strong>", dk_tr(en, "Method"));
	dk_html_esc(b, dk_method_label(r->plan->method, en));
	dk_strbuf_puts(b, "</strong> · dekom " DEKOM_VERSION "</p>\n</header>\n");
}

/* The method in words: RULES.md §3's rule for the method used, with λ. */
static void method_section(dk_strbuf *b, const dk_report *r)
{
	const dk_plan *p = r->plan;
	const dk_recommendation *rec = r->rec;
	bool en = r->english;
	char lam[160] = "", a[40], c[40];
	dk_strbuf_printf(b, "<section id=\"metode\">\n<h2>%s</h2>\n<p>",
			 dk_tr(en, "The method"));
	if (!rec->produced) {
		dk_strbuf_printf(b, "%s</p>\n</section>\n",
				 dk_tr(en,
				       "No amounts were computed: the bases and floors "
				       "alone exceed the frame (see the findings)."));
		return;
	}
	dk_lambda_text l;
	dk_lambda_format(rec->lambda_num, rec->lambda_den, rec->lambda_scale, true, en,
			 &l);
	snprintf(lam, sizeof lam, "%s %s", l.decimal, l.unit);
	dk_decimal_format(rec->prorata, 0, NBSP, ",", a, sizeof a);
	switch (p->method) {
	case DK_METHOD_PRORATA:
		dk_decimal_format(rec->n ? rec->rows[0].base : 0, 0, NBSP, ",", c,
				  sizeof c);
		dk_strbuf_printf(b,
				 dk_tr(en,
				       "Each network receives a base grant of %s kr plus "
				       "the same amount for each teacher FTE, λ = %s."),
				 c, lam);
		if (p->cap_at_need)
			dk_strbuf_printf(b, " %s",
					 dk_tr(en,
					       "No network receives more than "
					       "its reported need."));
		if (p->floor_previous > 0) {
			char fp[40];
			dk_ratio_str((dk_i128)p->floor_previous * 100, DK_RATIO_ONE, 1,
				     fp, sizeof fp);
			if (!en)
				for (char *q = fp; *q; q++)
					if (*q == '.')
						*q = ',';
			dk_strbuf_printf(b, " ");
			dk_strbuf_printf(
				b,
				p->cap_at_need
					? dk_tr(en,
						"No network receives less than %s %% "
						"of last year's amount, unless that "
						"is more than its need.")
					: dk_tr(en,
						"No network receives less than %s %% "
						"of last year's amount."),
				fp);
		}
		break;
	case DK_METHOD_NEED:
		dk_strbuf_printf(
			b,
			dk_tr(en,
			      "The frame is shared in proportion to the "
			      "reported need: each network receives the same "
			      "share of its need, λ = %s, and never more than the "
			      "need."),
			lam);
		break;
	case DK_METHOD_STATUS_QUO:
		dk_strbuf_printf(
			b,
			dk_tr(en,
			      "Each network keeps last year's amount, but never "
			      "more than its reported need; if the frame does not "
			      "cover that, each receives the same share of it, "
			      "λ = %s."),
			lam);
		break;
	}
	/* what λ does with the frame, as the outcome was */
	dk_kr decided = 0;
	for (size_t k = 0; k < rec->n; k++)
		if (rec->rows[k].state == DK_STATE_DECIDED)
			decided += rec->rows[k].amount;
	dk_strbuf_puts(b, " ");
	if (rec->outcome == 1) { /* saturated */
		dk_decimal_format(rec->unused + rec->reserve_cut, 0, NBSP, ",", c,
				  sizeof c);
		dk_strbuf_printf(
			b,
			decided > 0 ? dk_tr(en,
					    "The pro-rata frame of %s kr is more than "
					    "the networks' caps and the forum's "
					    "decisions together: each other network "
					    "receives its cap, and %s kr is not "
					    "allocated.")
				    : dk_tr(en,
					    "The pro-rata frame of %s kr is more than "
					    "the networks' caps together: each "
					    "receives its cap, and %s kr is not "
					    "allocated."),
			a, c);
	} else if (p->surplus_reserve) {
		dk_strbuf_printf(
			b,
			dk_tr(en,
			      "λ is found as if no network had a cap, so that "
			      "the amounts fill the pro-rata frame of %s kr; what "
			      "the caps then cut is held back, not given to the "
			      "others."),
			a);
	} else if (decided > 0) {
		dk_decimal_format(rec->prorata - decided, 0, NBSP, ",", c, sizeof c);
		dk_strbuf_printf(
			b,
			dk_tr(en,
			      "λ is the one figure that makes the other "
			      "networks' amounts fill what the forum's decisions "
			      "leave of the pro-rata frame of %s kr, %s kr."),
			a, c);
	} else {
		dk_strbuf_printf(b,
				 dk_tr(en,
				       "λ is the one figure that makes the amounts fill "
				       "the pro-rata frame of %s kr."),
				 a);
	}
	if (p->rounding > 1) {
		dk_decimal_format(p->rounding, 0, NBSP, ",", c, sizeof c);
		dk_strbuf_printf(b, " ");
		dk_strbuf_printf(
			b,
			dk_tr(en,
			      "Amounts are whole multiples of %s kr; the units "
			      "left by rounding down go one at a time to the largest "
			      "remainders."),
			c);
	}
	dk_strbuf_puts(b, "</p>\n</section>\n");
}

/* The sheet's own recommended amounts beside dekom's, where it has them. */
static void stated_section(dk_strbuf *b, const dk_report *r)
{
	bool en = r->english;
	if (!((r->nets->columns >> DK_COL_STATED_RECOMMENDED) & 1u) || !r->rec->produced)
		return;
	dk_strbuf_printf(b,
			 "<section id=\"arkets-innstilling\">\n<h2>%s</h2>\n<table>\n"
			 "<caption>%s</caption>\n<thead><tr><th scope=\"col\">%s</th>"
			 "<th scope=\"col\" class=\"n\">%s</th><th scope=\"col\" "
			 "class=\"n\">%s</th><th scope=\"col\" class=\"n\">%s</th></tr>"
			 "</thead>\n<tbody>\n",
			 dk_tr(en, "The sheet's own recommendation"),
			 dk_tr(en,
			       "The recommended amounts the sheet states, beside "
			       "dekom's, in kroner"),
			 dk_tr(en, "Network"), dk_tr(en, "In the sheet"), "dekom",
			 dk_tr(en, "Difference"));
	for (size_t k = 0; k < r->rec->n; k++) {
		const dk_network *n = &r->nets->items[k];
		dk_kr s = n->v[DK_COL_STATED_RECOMMENDED], x = r->rec->rows[k].amount;
		dk_strbuf_puts(b, "<tr><td>");
		dk_html_esc(b, n->name);
		dk_strbuf_puts(b, "</td><td class=\"n\">");
		dk_html_kr(b, s);
		dk_strbuf_puts(b, "</td><td class=\"n\">");
		dk_html_kr(b, x);
		dk_strbuf_puts(b, "</td><td class=\"n\">");
		if (s != x)
			dk_html_kr(b, s - x);
		dk_strbuf_puts(b, "</td></tr>\n");
	}
	dk_strbuf_puts(b, "</tbody>\n</table>\n</section>\n");
}

int dk_report_html_into(const dk_report *r, dk_strbuf *b)
{
	dk_grid_opts go = {r->english ? DK_GRID_EN : DK_GRID_NB, false, true};
	dk_grid g;
	if (dk_grid_build(&g, r, &go) != DK_OK)
		return -1;
	char heading[300], kind[128];
	dk_report_heading(r, heading, sizeof heading);
	const char *word = dk_tr(r->english, "Recommendation");
	if (r->rec->year)
		snprintf(kind, sizeof kind, "%s %d", word, r->rec->year);
	else
		snprintf(kind, sizeof kind, "%s", word);
	dk_strbuf_printf(b,
			 "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta "
			 "charset=\"utf-8\">\n<title>",
			 r->english ? "en" : "nb");
	dk_html_esc(b, heading);
	dk_strbuf_printf(b, "</title>\n<style>\n%s</style>\n", style);
	page_style(b, r, heading);
	dk_strbuf_puts(b, "</head>\n<body>\n");
	title_block(b, r, heading, kind);
	dk_strbuf_puts(b, "<main>\n");
	method_section(b, r);
	frame_section(b, r);
	grid_section(b, r, &g);
	decisions_section(b, r);
	stated_section(b, r);
	dk_html_charts(b, r);
	institutions_section(b, r);
	criteria_section(b, r);
	findings_section(b, r);
	dk_html_network_pages(b, r);
	manifest_section(b, r);
	dk_strbuf_puts(b, "</main>\n</body>\n</html>\n");
	dk_grid_release(&g);
	return b->oom ? -1 : 0;
}

char *dk_report_html(const dk_report *r)
{
	dk_strbuf b = {0};
	if (dk_report_html_into(r, &b) != 0)
		b.oom = 1; /* dk_strbuf_done frees it and returns NULL */
	return dk_strbuf_done(&b);
}

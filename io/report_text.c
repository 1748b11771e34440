/*
 * report_text.c: the recommendation as a terminal table, Markdown and CSV.
 *
 * All three are built from the same grid (grid_of, each cell's text by
 * cell_text): one header row, one row per network, a totals row. The
 * table and Markdown add the frame, λ, the institutions and the findings
 * around it; CSV is the grid alone, so a spreadsheet can open it as one
 * table.
 *
 * Text from the input goes out through io/escape.h: in CSV a text cell
 * that a spreadsheet would take for a formula gets a leading quote (number
 * cells never do), in Markdown every text is escaped, and the table is
 * cleaned of control characters as a whole.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/exact.h"
#include "io/escape.h"
#include "io/grid.h"
#include "io/i18n.h"
#include "io/report.h"
#include "io/strbuf.h"
#include "io/table.h"
#include "models/numtext.h"

typedef enum { STYLE_TABLE, STYLE_MD, STYLE_CSV, STYLE_CSV_NB } style;

/* Number formatting per style: grouped with spaces for people, plain for
 * CSV; decimals with a comma in Norwegian and excel-nb. */
static void fmt_kr(dk_kr v, style s, char *buf, size_t size)
{
	if (s == STYLE_CSV || s == STYLE_CSV_NB)
		snprintf(buf, size, "%lld", (long long)v);
	else
		dk_kr_format(v, buf, size);
}

static void fmt_dec(int64_t v, int decimals, style s, bool english, char *buf,
		    size_t size)
{
	const char *point = (s == STYLE_CSV || (english && s != STYLE_CSV_NB)) ? "."
									       : ",";
	const char *group = (s == STYLE_CSV || s == STYLE_CSV_NB) ? "" : " ";
	dk_decimal_format(v, decimals, group, point, buf, size);
}

static void fmt_share(dk_i128 num, dk_i128 den, style s, bool english, char buf[64],
		      size_t size)
{
	if (den <= 0) {
		buf[0] = '\0';
		return;
	}
	if (s == STYLE_CSV || s == STYLE_CSV_NB) {
		dk_share_str(num, den, buf, size);
		if (s == STYLE_CSV_NB)
			for (char *p = buf; *p; p++)
				if (*p == '.')
					*p = ',';
		return;
	}
	/* people read percent with one decimal */
	char tmp[48];
	dk_ratio_str(num * 100, den, 1, tmp, sizeof tmp);
	if (!english)
		for (char *p = tmp; *p; p++)
			if (*p == '.')
				*p = ',';
	snprintf(buf, size, "%s %%", tmp);
}

/* The grid of a recommendation in one style. */
static dk_status grid_of(const dk_report *r, style s, dk_grid *g)
{
	bool csv = s == STYLE_CSV || s == STYLE_CSV_NB;
	/* RFC 4180 CSV keeps the canonical names; Excel's dialect and every
	 * table for people use the language's labels */
	dk_grid_opts o = {s == STYLE_CSV       ? DK_GRID_CANONICAL
				  : r->english ? DK_GRID_EN
					       : DK_GRID_NB,
			  csv, !csv};
	return dk_grid_build(g, r, &o);
}

/* A cell's text in a style: its own text (then *is_text), or its number
 * formatted into buf. */
static const char *cell_text(const dk_cell *x, style s, bool en, char *buf, size_t size,
			     bool *is_text)
{
	buf[0] = '\0';
	*is_text = x->kind == DK_CELL_TEXT;
	switch (x->kind) {
	case DK_CELL_TEXT: return x->text;
	case DK_CELL_KR: fmt_kr(x->v, s, buf, size); break;
	case DK_CELL_FTE: fmt_dec(x->v, 2, s, en, buf, size); break;
	case DK_CELL_SHARE: fmt_share(x->num, x->den, s, en, buf, size); break;
	case DK_CELL_EMPTY: break;
	}
	return buf;
}

int dk_report_csv_into(const dk_report *r, bool excel_nb, dk_strbuf *b)
{
	style s = excel_nb ? STYLE_CSV_NB : STYLE_CSV;
	char delim = excel_nb ? ';' : ',';
	dk_grid g;
	if (grid_of(r, s, &g) != DK_OK)
		return -1;
	if (excel_nb)
		dk_strbuf_puts(b, "\xEF\xBB\xBF");
	for (size_t i = 0; i < g.nrows; i++) {
		for (size_t c = 0; c < g.ncols; c++) {
			char buf[64];
			bool is_text;
			const char *t = cell_text(&g.cells[i * g.ncols + c], s,
						  r->english, buf, sizeof buf, &is_text);
			if (c)
				dk_strbuf_add(b, &delim, 1);
			if (is_text)
				dk_csv_text(b, t, delim);
			else
				dk_csv_field(b, t, delim);
		}
		dk_strbuf_puts(b, "\r\n");
	}
	dk_grid_release(&g);
	return b->oom ? -1 : 0;
}

char *dk_report_csv(const dk_report *r, bool excel_nb)
{
	dk_strbuf b = {0};
	if (dk_report_csv_into(r, excel_nb, &b) != 0)
		b.oom = 1; /* dk_strbuf_done frees it and returns NULL */
	return dk_strbuf_done(&b);
}

static void frame_lines(dk_strbuf *b, const dk_report *r, const char *bullet)
{
	const dk_recommendation *rec = r->rec;
	bool en = r->english;
	char t[40], f[40], d[40], c[40], res[40], u[40];
	dk_kr_format(rec->total, t, sizeof t);
	dk_kr_format(rec->prorata, f, sizeof f);
	dk_kr_format(rec->direct, d, sizeof d);
	dk_kr_format(rec->measures, c, sizeof c);
	dk_kr_format(rec->reserve, res, sizeof res);
	dk_kr_format(rec->unused + rec->reserve_cut, u, sizeof u);
	if (rec->has_total)
		dk_strbuf_printf(b, "%s%s: %s\n", bullet, dk_trc(en, "frame", "Total"),
				 t);
	dk_strbuf_printf(b, "%s%s: %s\n", bullet, dk_tr(en, "Pro-rata frame"), f);
	dk_strbuf_printf(b, "%s%s: %s\n", bullet,
			 dk_tr(en, "Direct transfer to the universities (UP1)"), d);
	dk_strbuf_printf(b, "%s%s: %s\n", bullet, dk_tr(en, "Common measures"), c);
	dk_strbuf_printf(b, "%s%s: %s\n", bullet, dk_tr(en, "Reserve"), res);
	if (rec->produced) {
		dk_strbuf_printf(b, "%s%s: %s\n", bullet, dk_tr(en, "Not allocated"), u);
		dk_lambda_text l;
		dk_lambda_format(rec->lambda_num, rec->lambda_den, rec->lambda_scale,
				 true, en, &l);
		dk_strbuf_printf(b, "%sλ = %s %s (%s/%s)\n", bullet, l.decimal, l.unit,
				 l.num, l.den);
	} else {
		dk_strbuf_printf(b, "%s%s\n", bullet,
				 dk_tr(en, "No amounts: see the findings"));
	}
}

/* A text from the input: escaped in Markdown, as it is otherwise (the
 * table is cleaned as a whole). */
static void put_text(dk_strbuf *b, const char *s, bool md)
{
	if (md)
		dk_md_text(b, s);
	else
		dk_strbuf_puts(b, s);
}

static void institution_lines(dk_strbuf *b, const dk_report *r, const char *bullet,
			      bool md)
{
	const dk_recommendation *rec = r->rec;
	for (size_t i = 0; i < r->plan->n_institutions; i++) {
		char d[40], u[40], t[40];
		dk_kr_format(rec->inst_direct[i], d, sizeof d);
		dk_kr_format(rec->inst_up2[i], u, sizeof u);
		dk_kr_format(rec->inst_direct[i] + rec->inst_up2[i], t, sizeof t);
		dk_strbuf_puts(b, bullet);
		put_text(b, r->plan->institutions[i].id, md);
		if (rec->produced)
			dk_strbuf_printf(b, ": %s %s + UP2 %s = %s\n",
					 dk_tr(r->english, "direct"), d, u, t);
		else
			dk_strbuf_printf(b, ": %s %s\n", dk_tr(r->english, "direct"), d);
	}
}

void dk_findings_count_text(dk_strbuf *b, const dk_findings *f, bool english)
{
	size_t e = f->counts[DK_SEV_ERROR], w = f->counts[DK_SEV_WARNING],
	       i = f->counts[DK_SEV_INFO];
	/* one count per severity, each in its plural form (po/nb.po's
	 * Plural-Forms), joined by commas */
	dk_strbuf_printf(b, dk_ntr(english, "%zu error", "%zu errors", e), e);
	dk_strbuf_puts(b, ", ");
	dk_strbuf_printf(b, dk_ntr(english, "%zu warning", "%zu warnings", w), w);
	dk_strbuf_puts(b, ", ");
	dk_strbuf_printf(b, dk_ntr(english, "%zu info", "%zu info", i), i);
}

void dk_not_checked_lines(dk_strbuf *b, const dk_recommendation *rec, bool english,
			  const char *bullet)
{
	if (!rec->not_checked)
		return;
	dk_strbuf_printf(b, "%s\n",
			 dk_tr(english,
			       "Not checked (the check is on, but its "
			       "column is absent):"));
	for (int c = 0; c < DK_CHECK_COUNT; c++)
		if ((rec->not_checked >> c) & 1u)
			dk_strbuf_printf(b, "%s%s: %s\n", bullet,
					 dk_check_title((dk_check_id)c, english),
					 dk_not_checked_reason((dk_check_id)c, english));
}

void dk_finding_lines(dk_strbuf *b, const dk_findings *f, const dk_networks *nets,
		      bool english, const char *bullet, bool md)
{
	if (f->n == 0)
		dk_strbuf_printf(b, "%s%s\n", bullet, dk_tr(english, "none"));
	for (size_t i = 0; i < f->n; i++) {
		const dk_finding *x = &f->items[i];
		bool named = x->network >= 0 && nets;
		dk_strbuf_printf(b, "%s%s %s", bullet,
				 dk_severity_label(x->severity, english),
				 dk_check_title(x->check, english));
		if (named) {
			dk_strbuf_puts(b, ", ");
			put_text(b, nets->items[x->network].name, md);
		}
		dk_strbuf_puts(b, ": ");
		put_text(b, dk_finding_message(x, english), md);
		dk_strbuf_puts(b, "\n");
	}
}

static void finding_lines(dk_strbuf *b, const dk_report *r, const char *bullet, bool md)
{
	dk_finding_lines(b, &r->rec->findings, r->nets, r->english, bullet, md);
}

static void not_checked(dk_strbuf *b, const dk_report *r, const char *before,
			const char *bullet)
{
	if (r->rec->not_checked)
		dk_strbuf_puts(b, before);
	dk_not_checked_lines(b, r->rec, r->english, bullet);
}

/* The forum's decisions: the method's amount beside the decided one, and
 * the reason (RULES.md section 9). */
static void decision_lines(dk_strbuf *b, const dk_report *r, const char *bullet, bool md)
{
	const dk_plan *p = r->plan;
	bool en = r->english;
	if (p->n_decisions == 0)
		return;
	dk_strbuf_printf(b, "\n%s\n", dk_tr(en, "The forum's decisions:"));
	for (size_t d = 0; d < p->n_decisions; d++) {
		const dk_decision *x = &p->decisions[d];
		dk_kr m = x->index >= 0 ? r->rec->rows[x->index].method_amount : -1;
		char a[40], mm[40];
		dk_kr_format(x->amount, a, sizeof a);
		if (m >= 0)
			dk_kr_format(m, mm, sizeof mm);
		else
			snprintf(mm, sizeof mm, "%s", dk_tr(en, "no amount"));
		dk_strbuf_puts(b, bullet);
		put_text(b, x->index >= 0 ? r->nets->items[x->index].name : x->network,
			 md);
		dk_strbuf_puts(b, ": ");
		dk_strbuf_printf(b, dk_tr(en, "decided %s, the method gives %s"), a, mm);
		dk_strbuf_puts(b, " (");
		put_text(b, x->reason, md);
		dk_strbuf_puts(b, ")\n");
	}
}

static void title(dk_strbuf *b, const dk_report *r, const char *prefix)
{
	bool en = r->english;
	dk_strbuf_printf(b, "%s%s", prefix, dk_tr(en, "Recommendation"));
	if (r->rec->year)
		dk_strbuf_printf(b, " %d", r->rec->year);
	dk_strbuf_printf(b, " (%s %s)\n", dk_tr(en, "method"),
			 dk_method_label(r->plan->method, r->english));
}

/* The grid in the table's style as an aligned text table, or NULL. */
static char *grid_table(const dk_report *r)
{
	dk_grid g;
	if (grid_of(r, STYLE_TABLE, &g) != DK_OK)
		return NULL;
	dk_table t;
	char *tab = NULL;
	char(*bufs)[64] = malloc((g.ncols ? g.ncols : 1) * sizeof *bufs);
	const char **row = malloc((g.ncols ? g.ncols : 1) * sizeof *row);
	if (bufs && row && dk_table_init(&t, g.ncols) == DK_OK) {
		bool ok = true, is_text;
		for (size_t c = 0; c < g.ncols; c++)
			t.right[c] = dk_grid_col_numeric(g.col[c]);
		for (size_t i = 0; ok && i < g.nrows; i++) {
			for (size_t c = 0; c < g.ncols; c++)
				row[c] = cell_text(&g.cells[i * g.ncols + c], STYLE_TABLE,
						   r->english, bufs[c], sizeof bufs[c],
						   &is_text);
			ok = dk_table_row(&t, row) == DK_OK;
		}
		if (ok)
			tab = dk_table_render(&t);
		dk_table_release(&t);
	}
	free(bufs);
	free(row);
	dk_grid_release(&g);
	return tab;
}

char *dk_report_table(const dk_report *r)
{
	dk_strbuf b = {0};
	char *tab = grid_table(r);
	if (!tab)
		return NULL;
	bool en = r->english;
	title(&b, r, "");
	dk_strbuf_puts(&b, "\n");
	frame_lines(&b, r, "  ");
	dk_strbuf_puts(&b, "\n");
	dk_strbuf_puts(&b, tab);
	free(tab);
	dk_strbuf_printf(&b, "\n%s\n", dk_tr(en, "Institutions:"));
	institution_lines(&b, r, "  ", false);
	decision_lines(&b, r, "  ", false);
	dk_strbuf_printf(&b, "\n%s\n", dk_tr(en, "Findings:"));
	finding_lines(&b, r, "  ", false);
	not_checked(&b, r, "\n", "  ");
	return dk_term_clean(dk_strbuf_done(&b));
}

int dk_report_md_into(const dk_report *r, dk_strbuf *b)
{
	dk_grid g;
	if (grid_of(r, STYLE_MD, &g) != DK_OK)
		return -1;
	bool en = r->english;
	title(b, r, "# ");
	dk_strbuf_puts(b, "\n");
	frame_lines(b, r, "- ");
	dk_strbuf_puts(b, "\n");
	for (size_t i = 0; i < g.nrows; i++) {
		dk_strbuf_puts(b, "|");
		for (size_t c = 0; c < g.ncols; c++) {
			char buf[64];
			bool is_text;
			const char *t = cell_text(&g.cells[i * g.ncols + c], STYLE_MD, en,
						  buf, sizeof buf, &is_text);
			dk_strbuf_puts(b, " ");
			if (is_text)
				dk_md_text(b, t);
			else
				dk_strbuf_puts(b, t);
			dk_strbuf_puts(b, " |");
		}
		dk_strbuf_puts(b, "\n");
		if (i == 0) {
			dk_strbuf_puts(b, "|");
			for (size_t c = 0; c < g.ncols; c++)
				dk_strbuf_puts(b,
					       dk_grid_col_numeric(g.col[c]) ? "---:|"
									     : "---|");
			dk_strbuf_puts(b, "\n");
		}
	}
	dk_grid_release(&g);
	dk_strbuf_printf(b, "\n## %s\n\n", dk_tr(en, "Institutions"));
	institution_lines(b, r, "- ", true);
	decision_lines(b, r, "- ", true);
	dk_strbuf_printf(b, "\n## %s\n\n", dk_tr(en, "Findings"));
	finding_lines(b, r, "- ", true);
	not_checked(b, r, "\n", "- ");
	return b->oom ? -1 : 0;
}

char *dk_report_md(const dk_report *r)
{
	dk_strbuf b = {0};
	if (dk_report_md_into(r, &b) != 0)
		b.oom = 1; /* dk_strbuf_done frees it and returns NULL */
	return dk_strbuf_done(&b);
}

char *dk_findings_csv(const dk_report *r, bool excel_nb)
{
	dk_strbuf b = {0};
	char delim = excel_nb ? ';' : ',';
	static const char *const canonical[] = {"check",      "severity", "network",
						"field",      "expected", "actual",
						"difference", "message"};
	/* Excel's dialect is for people: headers, titles and labels in the
	 * language, as the workbook's Funn sheet has them */
	static const char *const people[] = {N_("Check"),      N_("Severity"),
					     N_("Network"),    N_("Field"),
					     N_("Expected"),   N_("Actual"),
					     N_("Difference"), N_("Message")};
	if (excel_nb)
		dk_strbuf_puts(&b, "\xEF\xBB\xBF");
	for (size_t c = 0; c < 8; c++) {
		if (c)
			dk_strbuf_add(&b, &delim, 1);
		dk_strbuf_puts(&b,
			       excel_nb ? dk_tr(r->english, people[c]) : canonical[c]);
	}
	dk_strbuf_puts(&b, "\r\n");
	const dk_findings *f = &r->rec->findings;
	for (size_t i = 0; i < f->n; i++) {
		const dk_finding *x = &f->items[i];
		char num[3][48];
		int64_t v[3] = {x->expected, x->actual, x->difference};
		for (int k = 0; k < 3; k++) {
			num[k][0] = '\0';
			if (x->has_numbers)
				dk_decimal_format(v[k], x->scale, "",
						  excel_nb ? "," : ".", num[k],
						  sizeof num[k]);
		}
		const char *cells[8] = {
			excel_nb ? dk_check_title(x->check, r->english)
				 : dk_checks()[x->check].name,
			excel_nb ? dk_severity_label(x->severity, r->english)
				 : dk_severity_name(x->severity),
			x->network >= 0 ? r->nets->items[x->network].name : "",
			excel_nb           ? dk_field_label(x->field, r->english)
				: x->field ? x->field
					   : "",
			num[0],
			num[1],
			num[2],
			dk_finding_message(x, r->english)};
		for (size_t c = 0; c < 8; c++) {
			if (c)
				dk_strbuf_add(&b, &delim, 1);
			if (c >= 4 && c <= 6)
				dk_csv_field(&b, cells[c], delim);
			else
				dk_csv_text(&b, cells[c], delim);
		}
		dk_strbuf_puts(&b, "\r\n");
	}
	return dk_strbuf_done(&b);
}

char *dk_findings_table(const dk_report *r)
{
	dk_strbuf b = {0};
	dk_findings_count_text(&b, &r->rec->findings, r->english);
	dk_strbuf_puts(&b, "\n\n");
	finding_lines(&b, r, "  ", false);
	not_checked(&b, r, "\n", "  ");
	return dk_term_clean(dk_strbuf_done(&b));
}

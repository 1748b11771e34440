/*
 * report_text.c: the recommendation as a terminal table, Markdown and CSV.
 *
 * All three are built from the same grid (grid_build): one header row, one
 * row per network, a totals row. The table and Markdown add the frame, λ,
 * the institutions and the findings around it; CSV is the grid alone, so a
 * spreadsheet can open it as one table.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/exact.h"
#include "io/report.h"
#include "io/strbuf.h"
#include "io/table.h"

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
	const char *point = (s == STYLE_CSV || (english && s != STYLE_CSV_NB)) ? "." : ",";
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

static const char *state_word(dk_state st, bool english)
{
	static const char *const nb[] = {"fri", "tak", "gulv"};
	return english ? dk_state_name(st) : nb[st];
}

typedef struct {
	size_t ncols;
	char **cells;   /* rows × ncols, owned */
	bool *right;
	size_t nrows;
} grid;

static void grid_free(grid *g)
{
	for (size_t i = 0; g->cells && i < g->nrows * g->ncols; i++)
		free(g->cells[i]);
	free(g->cells);
	free(g->right);
}

/* The ids of a network's findings (or the plan's, for -1), space-separated,
 * for the findings column of the recommendation's CSV. */
static char *finding_ids(const dk_report *r, long network)
{
	dk_strbuf b = {0};
	const dk_findings *f = &r->rec->findings;
	for (size_t i = 0; i < f->n; i++) {
		if (f->items[i].network != network)
			continue;
		if (b.len)
			dk_strbuf_puts(&b, " ");
		dk_strbuf_puts(&b, dk_checks()[f->items[i].check].name);
	}
	return dk_strbuf_done(&b);
}

static void drop_column(grid *g, size_t col)
{
	size_t nc = g->ncols, o = 0;
	for (size_t i = 0; i < g->nrows * nc; i++) {
		if (i % nc == col)
			free(g->cells[i]);
		else
			g->cells[o++] = g->cells[i];
	}
	memmove(g->right + col, g->right + col + 1, (nc - col - 1) * sizeof *g->right);
	g->ncols = nc - 1;
}

static int grid_build(const dk_report *r, style s, grid *g)
{
	const dk_plan *p = r->plan;
	const dk_recommendation *rec = r->rec;
	bool en = r->english;
	bool csv = s == STYLE_CSV || s == STYLE_CSV_NB;
	size_t ni = p->n_institutions;
	size_t nc = 9 + ni + 2 + (csv ? 1 : 0);
	/* people's formats leave out columns with nothing in them */
	bool show_fte = csv || ((r->nets->columns >> DK_COL_FTE) & 1u);
	bool show_unspec = csv;
	for (size_t k = 0; k < rec->n && rec->produced; k++)
		if (rec->rows[k].unspecified)
			show_unspec = true;
	memset(g, 0, sizeof *g);
	g->ncols = nc;
	g->nrows = rec->n + 2;
	g->cells = calloc(g->nrows * nc, sizeof *g->cells);
	g->right = calloc(nc, sizeof *g->right);
	if (!g->cells || !g->right)
		return -1;
	/* header */
	const char *h_csv[] = {"network", "previous", "need", "fte", "recommended",
			       "state", "own", "coordinator"};
	const char *h_nb[] = {"Nettverk", "Forrige år", "Meldt behov", "Lærerårsverk",
			      "Anbefalt", "Status", "Nettverk (egen)", "Koordinator"};
	const char *h_en[] = {"Network", "Previous", "Need", "FTE", "Recommended",
			      "State", "Own", "Coordinator"};
	const char **h = csv ? h_csv : en ? h_en : h_nb;
	char **row = g->cells;
	size_t c = 0;
	for (; c < 8; c++)
		row[c] = strdup(h[c]);
	for (size_t i = 0; i < ni; i++) {
		char tmp[160];
		snprintf(tmp, sizeof tmp, csv ? "uh_%s" : "%s", p->institutions[i].id);
		row[c++] = strdup(tmp);
	}
	row[c++] = strdup(csv ? "uh_other" : en ? "Other/uncertain" : "Andre/usikker");
	row[c++] = strdup(csv ? "unspecified" : en ? "Unspecified" : "Uspesifisert");
	row[c++] = strdup(csv ? "uh_share" : en ? "UH share" : "UH-andel");
	if (csv)
		row[c++] = strdup("findings");
	for (size_t k = 1; k < nc; k++)
		g->right[k] = k != 5;
	dk_kr tot[16 + DK_INSTITUTIONS_MAX];
	memset(tot, 0, sizeof tot);
	int64_t fte_tot = 0;
	for (size_t k = 0; k < rec->n; k++) {
		const dk_network *n = &r->nets->items[k];
		const dk_rec_row *rr = &rec->rows[k];
		char buf[64];
		row = g->cells + (k + 1) * nc;
		c = 0;
		row[c++] = strdup(n->name);
		fmt_kr(n->v[DK_COL_PREVIOUS], s, buf, sizeof buf);
		row[c++] = strdup(buf);
		fmt_kr(n->v[DK_COL_NEED], s, buf, sizeof buf);
		row[c++] = strdup(buf);
		fmt_dec(n->v[DK_COL_FTE], 2, s, en, buf, sizeof buf);
		row[c++] = strdup(buf);
		fte_tot += n->v[DK_COL_FTE];
		tot[0] += n->v[DK_COL_PREVIOUS];
		tot[1] += n->v[DK_COL_NEED];
		if (!rec->produced) {
			for (; c < nc; c++)
				row[c] = strdup("");
			if (csv) {
				free(row[nc - 1]);
				row[nc - 1] = finding_ids(r, (long)k);
			}
			continue;
		}
		fmt_kr(rr->amount, s, buf, sizeof buf);
		row[c++] = strdup(buf);
		tot[2] += rr->amount;
		row[c++] = strdup(csv ? dk_state_name(rr->state) : state_word(rr->state, en));
		dk_kr parts[3 + DK_INSTITUTIONS_MAX];
		size_t np = 0;
		parts[np++] = rr->own;
		parts[np++] = rr->coordinator;
		for (size_t i = 0; i < ni; i++)
			parts[np++] = rr->uh[i];
		parts[np++] = rr->uh_other;
		parts[np++] = rr->unspecified;
		for (size_t j = 0; j < np; j++) {
			fmt_kr(parts[j], s, buf, sizeof buf);
			row[c++] = strdup(buf);
			tot[3 + j] += parts[j];
		}
		dk_i128 uh = rr->uh_other;
		for (size_t i = 0; i < ni; i++)
			uh += rr->uh[i];
		fmt_share(uh, rr->amount, s, en, buf, sizeof buf);
		row[c++] = strdup(buf);
		if (csv)
			row[c++] = finding_ids(r, (long)k);
	}
	/* totals */
	row = g->cells + (rec->n + 1) * nc;
	char buf[64];
	c = 0;
	row[c++] = strdup(csv ? "Sum" : en ? "Total" : "Sum");
	fmt_kr(tot[0], s, buf, sizeof buf);
	row[c++] = strdup(buf);
	fmt_kr(tot[1], s, buf, sizeof buf);
	row[c++] = strdup(buf);
	fmt_dec(fte_tot, 2, s, en, buf, sizeof buf);
	row[c++] = strdup(buf);
	if (rec->produced) {
		fmt_kr(tot[2], s, buf, sizeof buf);
		row[c++] = strdup(buf);
		row[c++] = strdup("");
		for (size_t j = 0; j < ni + 4; j++) {
			fmt_kr(tot[3 + j], s, buf, sizeof buf);
			row[c++] = strdup(buf);
		}
		dk_i128 uh = 0;
		for (size_t j = 2; j < ni + 3; j++)
			uh += tot[3 + j];
		fmt_share(uh, tot[2], s, en, buf, sizeof buf);
		row[c++] = strdup(buf);
	}
	for (; c < nc; c++)
		row[c] = strdup("");
	if (csv) {
		free(row[nc - 1]);
		row[nc - 1] = finding_ids(r, -1);
	}
	for (size_t i = 0; i < g->nrows * nc; i++)
		if (!g->cells[i])
			return -1;
	if (!show_fte)
		drop_column(g, 3);
	if (!show_unspec)
		drop_column(g, g->ncols - 2);
	return 0;
}

char *dk_report_csv(const dk_report *r, bool excel_nb)
{
	grid g;
	dk_strbuf b = {0};
	char delim = excel_nb ? ';' : ',';
	if (grid_build(r, excel_nb ? STYLE_CSV_NB : STYLE_CSV, &g) != 0) {
		grid_free(&g);
		return NULL;
	}
	if (excel_nb)
		dk_strbuf_puts(&b, "\xEF\xBB\xBF");
	for (size_t i = 0; i < g.nrows; i++) {
		for (size_t c = 0; c < g.ncols; c++) {
			if (c)
				dk_strbuf_add(&b, &delim, 1);
			dk_csv_field(&b, g.cells[i * g.ncols + c], delim);
		}
		dk_strbuf_puts(&b, "\r\n");
	}
	grid_free(&g);
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
		dk_strbuf_printf(b, "%s%s: %s\n", bullet, en ? "Total" : "Totalramme", t);
	dk_strbuf_printf(b, "%s%s: %s\n", bullet, en ? "Pro-rata frame" : "Pro rata-ramme", f);
	dk_strbuf_printf(b, "%s%s: %s\n", bullet,
		  en ? "Direct transfer to the universities (UP1)"
		     : "Direkte overføring til UH (UP1)", d);
	dk_strbuf_printf(b, "%s%s: %s\n", bullet, en ? "Common measures" : "Felles tiltak", c);
	dk_strbuf_printf(b, "%s%s: %s\n", bullet, en ? "Reserve" : "Reserve", res);
	if (rec->produced) {
		dk_strbuf_printf(b, "%s%s: %s\n", bullet, en ? "Not allocated" : "Ikke fordelt", u);
		char dec[64], num[48], den[48];
		dk_i128 ln = rec->lambda_num * rec->lambda_scale, ld = rec->lambda_den;
		dk_i128 g = dk_gcd(ln, ld);
		if (g > 1)
			ln /= g, ld /= g;
		dk_share_str(ln, ld, dec, sizeof dec);
		if (!en)
			for (char *q = dec; *q; q++)
				if (*q == '.')
					*q = ',';
		dk_i128_str(ln, num, sizeof num);
		dk_i128_str(ld, den, sizeof den);
		dk_strbuf_printf(b, "%sλ = %s (%s/%s)\n", bullet, dec, num, den);
	} else {
		dk_strbuf_printf(b, "%s%s\n", bullet,
			  en ? "No amounts: see the findings"
			     : "Ingen beløp: se funnene");
	}
}

static void institution_lines(dk_strbuf *b, const dk_report *r, const char *bullet)
{
	const dk_recommendation *rec = r->rec;
	for (size_t i = 0; i < r->plan->n_institutions; i++) {
		char d[40], u[40], t[40];
		dk_kr_format(rec->inst_direct[i], d, sizeof d);
		dk_kr_format(rec->inst_up2[i], u, sizeof u);
		dk_kr_format(rec->inst_direct[i] + rec->inst_up2[i], t, sizeof t);
		if (rec->produced)
			dk_strbuf_printf(b, "%s%s: %s %s + UP2 %s = %s\n", bullet,
				  r->plan->institutions[i].id,
				  r->english ? "direct" : "direkte", d, u, t);
		else
			dk_strbuf_printf(b, "%s%s: %s %s\n", bullet, r->plan->institutions[i].id,
				  r->english ? "direct" : "direkte", d);
	}
}

static void finding_lines(dk_strbuf *b, const dk_report *r, const char *bullet)
{
	const dk_findings *f = &r->rec->findings;
	if (f->n == 0)
		dk_strbuf_printf(b, "%s%s\n", bullet, r->english ? "none" : "ingen");
	for (size_t i = 0; i < f->n; i++) {
		const dk_finding *x = &f->items[i];
		dk_strbuf_printf(b, "%s%s %s%s%s: %s\n", bullet, dk_severity_name(x->severity),
			  dk_checks()[x->check].name, x->network >= 0 ? ", " : "",
			  x->network >= 0 ? r->nets->items[x->network].name : "",
			  x->message);
	}
}

static void title(dk_strbuf *b, const dk_report *r, const char *prefix)
{
	bool en = r->english;
	dk_strbuf_printf(b, "%s%s", prefix, en ? "Recommendation" : "Innstilling");
	if (r->rec->year)
		dk_strbuf_printf(b, " %d", r->rec->year);
	dk_strbuf_printf(b, " (%s %s)\n", en ? "method" : "metode",
		  dk_method_name(r->plan->method));
}

char *dk_report_table(const dk_report *r)
{
	grid g;
	dk_strbuf b = {0};
	if (grid_build(r, STYLE_TABLE, &g) != 0) {
		grid_free(&g);
		return NULL;
	}
	dk_table t;
	char *tab = NULL;
	if (dk_table_init(&t, g.ncols) == DK_OK) {
		memcpy(t.right, g.right, g.ncols * sizeof *t.right);
		int ok = 1;
		for (size_t i = 0; ok && i < g.nrows; i++)
			ok = dk_table_row(&t, (const char *const *)(g.cells + i * g.ncols)) == DK_OK;
		if (ok)
			tab = dk_table_render(&t);
		dk_table_release(&t);
	}
	grid_free(&g);
	if (!tab)
		return NULL;
	bool en = r->english;
	title(&b, r, "");
	dk_strbuf_puts(&b, "\n");
	frame_lines(&b, r, "  ");
	dk_strbuf_puts(&b, "\n");
	dk_strbuf_puts(&b, tab);
	free(tab);
	dk_strbuf_printf(&b, "\n%s\n", en ? "Institutions:" : "Institusjoner:");
	institution_lines(&b, r, "  ");
	dk_strbuf_printf(&b, "\n%s\n", en ? "Findings:" : "Funn:");
	finding_lines(&b, r, "  ");
	return dk_strbuf_done(&b);
}

static void md_cell(dk_strbuf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == '|')
			dk_strbuf_puts(b, "\\");
		dk_strbuf_add(b, s, 1);
	}
}

char *dk_report_md(const dk_report *r)
{
	grid g;
	dk_strbuf b = {0};
	if (grid_build(r, STYLE_MD, &g) != 0) {
		grid_free(&g);
		return NULL;
	}
	bool en = r->english;
	title(&b, r, "# ");
	dk_strbuf_puts(&b, "\n");
	frame_lines(&b, r, "- ");
	dk_strbuf_puts(&b, "\n");
	for (size_t i = 0; i < g.nrows; i++) {
		dk_strbuf_puts(&b, "|");
		for (size_t c = 0; c < g.ncols; c++) {
			dk_strbuf_puts(&b, " ");
			md_cell(&b, g.cells[i * g.ncols + c]);
			dk_strbuf_puts(&b, " |");
		}
		dk_strbuf_puts(&b, "\n");
		if (i == 0) {
			dk_strbuf_puts(&b, "|");
			for (size_t c = 0; c < g.ncols; c++)
				dk_strbuf_puts(&b, g.right[c] ? "---:|" : "---|");
			dk_strbuf_puts(&b, "\n");
		}
	}
	grid_free(&g);
	dk_strbuf_printf(&b, "\n## %s\n\n", en ? "Institutions" : "Institusjoner");
	institution_lines(&b, r, "- ");
	dk_strbuf_printf(&b, "\n## %s\n\n", en ? "Findings" : "Funn");
	finding_lines(&b, r, "- ");
	return dk_strbuf_done(&b);
}

char *dk_findings_csv(const dk_report *r, bool excel_nb)
{
	dk_strbuf b = {0};
	char delim = excel_nb ? ';' : ',';
	static const char *const head[] = {"check", "severity", "network", "field",
					   "expected", "actual", "difference",
					   "message"};
	if (excel_nb)
		dk_strbuf_puts(&b, "\xEF\xBB\xBF");
	for (size_t c = 0; c < 8; c++) {
		if (c)
			dk_strbuf_add(&b, &delim, 1);
		dk_strbuf_puts(&b, head[c]);
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
				dk_decimal_format(v[k], x->scale, "", excel_nb ? "," : ".",
						  num[k], sizeof num[k]);
		}
		const char *cells[8] = {
			dk_checks()[x->check].name, dk_severity_name(x->severity),
			x->network >= 0 ? r->nets->items[x->network].name : "",
			x->field ? x->field : "", num[0], num[1], num[2], x->message};
		for (size_t c = 0; c < 8; c++) {
			if (c)
				dk_strbuf_add(&b, &delim, 1);
			dk_csv_field(&b, cells[c], delim);
		}
		dk_strbuf_puts(&b, "\r\n");
	}
	return dk_strbuf_done(&b);
}

char *dk_findings_table(const dk_report *r)
{
	dk_strbuf b = {0};
	const dk_findings *f = &r->rec->findings;
	size_t count[3] = {0, 0, 0};
	for (size_t i = 0; i < f->n; i++)
		count[f->items[i].severity]++;
	bool en = r->english;
	dk_strbuf_printf(&b, en ? "%zu errors, %zu warnings, %zu info\n\n"
			 : "%zu feil, %zu advarsler, %zu til orientering\n\n",
		  count[DK_SEV_ERROR], count[DK_SEV_WARNING], count[DK_SEV_INFO]);
	finding_lines(&b, r, "  ");
	return dk_strbuf_done(&b);
}

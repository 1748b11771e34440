/*
 * report_cases.c: the combined recommendation (see report_cases.h). The
 * summary is sums of what each scheme's recommendation already holds; no
 * amount is computed here that a single recommendation does not have.
 */
#include "io/report_cases.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/escape.h"
#include "io/html.h"
#include "io/xlsx_book.h"
#include "io/i18n.h"
#include "io/json_out.h"
#include "io/strbuf.h"
#include "io/table.h"
#include "models/columns.h"
#include "models/numtext.h"

/* An institution or network of the summary: its name as first given, and
 * its index in each scheme (-1: not in that scheme). */
typedef struct {
	char key[256];
	const char *name;
	const char *full; /* an institution's full name, or NULL */
	long at[DK_SCHEMES_MAX];
} entry;

typedef struct {
	entry *inst, *nets;
	size_t n_inst, n_nets;
	bool complete; /* every scheme has amounts */
} summary;

static long find(const entry *e, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(e[i].key, key) == 0)
			return (long)i;
	return -1;
}

static entry *add(entry **e, size_t *n, const char *name, size_t scheme, long at)
{
	char key[256];
	dk_header_norm(name, key, sizeof key);
	long i = find(*e, *n, key);
	if (i < 0) {
		entry *g = realloc(*e, (*n + 1) * sizeof **e);
		if (!g)
			return NULL;
		*e = g;
		i = (long)(*n)++;
		memset(&g[i], 0, sizeof g[i]);
		snprintf(g[i].key, sizeof g[i].key, "%s", key);
		g[i].name = name;
		for (size_t k = 0; k < DK_SCHEMES_MAX; k++)
			g[i].at[k] = -1;
	}
	(*e)[i].at[scheme] = at;
	return &(*e)[i];
}

static bool summarise(const dk_cases_report *r, summary *s)
{
	memset(s, 0, sizeof *s);
	s->complete = true;
	for (size_t k = 0; k < r->n; k++) {
		const dk_report *p = &r->parts[k];
		s->complete &= p->rec->produced;
		for (size_t i = 0; i < p->plan->n_institutions; i++) {
			const dk_institution *in = &p->plan->institutions[i];
			entry *e = add(&s->inst, &s->n_inst, in->id, k, (long)i);
			if (!e)
				return false;
			if (!e->full)
				e->full = in->name;
		}
		for (size_t j = 0; j < p->nets->n; j++)
			if (!add(&s->nets, &s->n_nets, p->nets->items[j].name, k,
				 (long)j))
				return false;
	}
	return true;
}

static dk_kr sum_amounts(const dk_recommendation *rec)
{
	dk_kr t = 0;
	for (size_t j = 0; j < rec->n; j++)
		t += rec->rows[j].amount;
	return t;
}

static dk_kr sum_up2(const dk_report *p)
{
	dk_kr t = 0;
	for (size_t i = 0; i < p->plan->n_institutions; i++)
		t += p->rec->inst_up2[i];
	return t;
}

/* The totals of scheme k, or of all of them (k == r->n): what the
 * per-scheme row of every output shows. */
typedef struct {
	bool have; /* amounts exist (in every scheme, for all) */
	dk_kr recommended, direct, up2, unused;
	dk_i128 uh_num, uh_den; /* (D + Σ UP2 + Σ other) ÷ (D + Σ recommended) */
	size_t counts[3];       /* findings per severity */
} totals;

static void totals_of(const dk_cases_report *r, const summary *s, size_t k, totals *t)
{
	bool all = k == r->n;
	memset(t, 0, sizeof *t);
	t->have = all ? s->complete : r->parts[k].rec->produced;
	for (size_t i = all ? 0 : k; i < (all ? r->n : k + 1); i++) {
		const dk_recommendation *rec = r->parts[i].rec;
		dk_kr a = sum_amounts(rec), u = sum_up2(&r->parts[i]);
		t->recommended += a, t->direct += rec->direct, t->up2 += u;
		t->unused += rec->unused + rec->reserve_cut;
		t->uh_num += (dk_i128)rec->direct + u + rec->total_other;
		t->uh_den += (dk_i128)rec->direct + a;
		for (int v = 0; v < 3; v++)
			t->counts[v] += rec->findings.counts[v];
	}
}

static cJSON *kr(bool have, dk_kr v)
{
	return have ? dk_json_scaled(v, 0) : cJSON_CreateNull();
}

static cJSON *summary_json(const dk_cases_report *r, const summary *s)
{
	cJSON *o = cJSON_CreateObject(), *insts = cJSON_CreateArray(),
	      *nets = cJSON_CreateArray(), *tot = cJSON_CreateObject(),
	      *per = cJSON_CreateArray();
	int ok = o && dk_json_put(o, "institutions", insts) &&
		dk_json_put(o, "networks", nets) && dk_json_put(o, "totals", tot);
	for (size_t i = 0; ok && i < s->n_inst; i++) {
		const entry *e = &s->inst[i];
		cJSON *x = cJSON_CreateObject(), *sch = cJSON_CreateArray();
		dk_kr direct = 0, up2 = 0;
		ok = dk_json_push(insts, x) &&
			dk_json_put(x, "id", cJSON_CreateString(e->name)) &&
			dk_json_put(x, "name",
				    e->full ? cJSON_CreateString(e->full)
					    : cJSON_CreateNull()) &&
			dk_json_put(x, "schemes", sch);
		for (size_t k = 0; ok && k < r->n; k++) {
			if (e->at[k] < 0)
				continue;
			const dk_recommendation *rec = r->parts[k].rec;
			dk_kr d = rec->inst_direct[e->at[k]], u = rec->inst_up2[e->at[k]];
			cJSON *y = cJSON_CreateObject();
			ok = dk_json_push(sch, y) &&
				dk_json_put(y, "scheme",
					    cJSON_CreateString(r->file->schemes[k].id)) &&
				dk_json_put(y, "direct", dk_json_scaled(d, 0)) &&
				dk_json_put(y, "up2", kr(rec->produced, u)) &&
				dk_json_put(y, "total", kr(rec->produced, d + u));
			direct += d, up2 += u;
		}
		ok = ok && dk_json_put(x, "direct", dk_json_scaled(direct, 0)) &&
			dk_json_put(x, "up2", kr(s->complete, up2)) &&
			dk_json_put(x, "total", kr(s->complete, direct + up2));
	}
	for (size_t i = 0; ok && i < s->n_nets; i++) {
		const entry *e = &s->nets[i];
		cJSON *x = cJSON_CreateObject(), *sch = cJSON_CreateArray();
		dk_kr total = 0;
		ok = dk_json_push(nets, x) &&
			dk_json_put(x, "network", cJSON_CreateString(e->name)) &&
			dk_json_put(x, "schemes", sch);
		for (size_t k = 0; ok && k < r->n; k++) {
			if (e->at[k] < 0)
				continue;
			const dk_recommendation *rec = r->parts[k].rec;
			dk_kr a = rec->produced ? rec->rows[e->at[k]].amount : 0;
			cJSON *y = cJSON_CreateObject();
			ok = dk_json_push(sch, y) &&
				dk_json_put(y, "scheme",
					    cJSON_CreateString(r->file->schemes[k].id)) &&
				dk_json_put(y, "recommended", kr(rec->produced, a));
			total += a;
		}
		ok = ok && dk_json_put(x, "total", kr(s->complete, total));
	}
	ok = ok && dk_json_put(tot, "schemes", per);
	for (size_t k = 0; ok && k <= r->n; k++) {
		totals t;
		totals_of(r, s, k, &t);
		char share[48];
		if (t.have && t.uh_den > 0)
			dk_share_str(t.uh_num, t.uh_den, share, sizeof share);
		cJSON *y = tot, *fc = NULL;
		if (k < r->n) { /* a scheme's entry; all of them go in totals */
			y = cJSON_CreateObject(), fc = cJSON_CreateObject();
			ok = dk_json_push(per, y) &&
				dk_json_put(y, "scheme",
					    cJSON_CreateString(r->file->schemes[k].id));
		}
		ok = ok && dk_json_put(y, "recommended", kr(t.have, t.recommended)) &&
			dk_json_put(y, "direct", dk_json_scaled(t.direct, 0)) &&
			dk_json_put(y, "up2", kr(t.have, t.up2)) &&
			dk_json_put(y, "unused", kr(t.have, t.unused)) &&
			dk_json_put(y, "uh_share",
				    t.have && t.uh_den > 0 ? cJSON_CreateRaw(share)
							   : cJSON_CreateNull());
		if (ok && fc)
			ok = dk_json_put(y, "findings", fc) &&
				dk_json_put(
					fc, "error",
					dk_json_scaled((int64_t)t.counts[DK_SEV_ERROR],
						       0)) &&
				dk_json_put(
					fc, "warning",
					dk_json_scaled((int64_t)t.counts[DK_SEV_WARNING],
						       0)) &&
				dk_json_put(fc, "info",
					    dk_json_scaled((int64_t)t.counts[DK_SEV_INFO],
							   0));
	}
	if (!ok) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

static cJSON *title_json(const dk_title *t)
{
	cJSON *o = cJSON_CreateObject();
	const char *keys[] = {"forum", "meeting", "case"};
	const char *vals[] = {t->forum, t->meeting, t->case_no};
	int ok = o != NULL;
	for (int k = 0; ok && k < 3; k++)
		if (vals[k])
			ok = dk_json_put(o, keys[k], cJSON_CreateString(vals[k]));
	ok = ok && dk_json_put(o, "draft", cJSON_CreateBool(t->draft));
	if (!ok) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

char *dk_cases_json(const dk_cases_report *r)
{
	summary s;
	char *out = NULL;
	cJSON *root = cJSON_CreateObject(), *schemes = cJSON_CreateArray();
	int ok = summarise(r, &s) && root &&
		dk_json_put(root, "title", title_json(&r->file->title)) &&
		dk_json_put(root, "schemes", schemes);
	for (size_t k = 0; ok && k < r->n; k++) {
		const dk_scheme_ref *sr = &r->file->schemes[k];
		cJSON *part = dk_report_cjson(&r->parts[k]);
		ok = dk_json_push(schemes, part) &&
			dk_json_put(part, "scheme", cJSON_CreateString(sr->id)) &&
			dk_json_put(part, "name",
				    sr->name ? cJSON_CreateString(sr->name)
					     : cJSON_CreateNull());
	}
	ok = ok && dk_json_put(root, "summary", summary_json(r, &s));
	if (ok)
		out = cJSON_Print(root);
	cJSON_Delete(root);
	free(s.inst);
	free(s.nets);
	return out;
}

/* A whole amount for people, or "–" where there is none. */
static void amount(bool have, dk_kr v, char *buf, size_t size)
{
	if (have)
		dk_kr_format(v, buf, size);
	else
		snprintf(buf, size, "%s", "\xE2\x80\x93");
}

/* A table as Markdown: every cell escaped (io/escape.h), numbers
 * right-aligned. */
static char *md_render(const dk_table *t)
{
	dk_strbuf b = {0};
	for (size_t i = 0; i < t->nrows; i++) {
		dk_strbuf_puts(&b, "|");
		for (size_t c = 0; c < t->ncols; c++) {
			dk_strbuf_puts(&b, " ");
			dk_md_text(&b, dk_table_cell(t, i, c));
			dk_strbuf_puts(&b, " |");
		}
		dk_strbuf_puts(&b, "\n");
		if (i == 0) {
			dk_strbuf_puts(&b, "|");
			for (size_t c = 0; c < t->ncols; c++)
				dk_strbuf_puts(&b, t->right[c] ? "---:|" : "---|");
			dk_strbuf_puts(&b, "\n");
		}
	}
	return dk_strbuf_done(&b);
}

/* The summary's three tables (per institution, per network, per scheme),
 * as the text, Markdown and HTML outputs show them; the caller releases
 * them (each initialised, whatever is returned). */
static dk_status summary_tables(const dk_cases_report *r, const summary *s, dk_table t[3])
{
	bool en = r->english;
	dk_status st = DK_OK;
	memset(t, 0, 3 * sizeof *t);
	if (st == DK_OK && dk_table_init(&t[0], 5) == DK_OK) {
		const char *head[] = {dk_tr(en, "Institution"), dk_tr(en, "Scheme"),
				      dk_tr(en, "Direct"), "UP2", dk_tr(en, "Total")};
		t[0].right[2] = t[0].right[3] = t[0].right[4] = true;
		if (dk_table_row(&t[0], head) != DK_OK)
			st = DK_ENOMEM;
		for (size_t i = 0; i < s->n_inst; i++) {
			const entry *e = &s->inst[i];
			dk_kr direct = 0, up2 = 0;
			for (size_t k = 0; k < r->n; k++) {
				if (e->at[k] < 0)
					continue;
				const dk_recommendation *rec = r->parts[k].rec;
				dk_kr d = rec->inst_direct[e->at[k]],
				      u = rec->inst_up2[e->at[k]];
				char a[40], c[40], tt[40];
				amount(true, d, a, sizeof a);
				amount(rec->produced, u, c, sizeof c);
				amount(rec->produced, d + u, tt, sizeof tt);
				const char *row[] = {e->name, r->file->schemes[k].id, a,
						     c, tt};
				if (dk_table_row(&t[0], row) != DK_OK)
					st = DK_ENOMEM;
				direct += d, up2 += u;
			}
			char a[40], c[40], tt[40];
			amount(true, direct, a, sizeof a);
			amount(s->complete, up2, c, sizeof c);
			amount(s->complete, direct + up2, tt, sizeof tt);
			const char *row[] = {e->name, dk_tr(en, "in all"), a, c, tt};
			if (dk_table_row(&t[0], row) != DK_OK)
				st = DK_ENOMEM;
		}
	} else {
		st = DK_ENOMEM;
	}
	if (st == DK_OK && dk_table_init(&t[1], r->n + 2) == DK_OK) {
		const char *head[DK_SCHEMES_MAX + 2];
		head[0] = dk_tr(en, "Network");
		for (size_t k = 0; k < r->n; k++) {
			head[k + 1] = r->file->schemes[k].id;
			t[1].right[k + 1] = true;
		}
		head[r->n + 1] = dk_tr(en, "Total");
		t[1].right[r->n + 1] = true;
		if (dk_table_row(&t[1], head) != DK_OK)
			st = DK_ENOMEM;
		char cells[DK_SCHEMES_MAX + 1][40];
		for (size_t i = 0; i < s->n_nets; i++) {
			const entry *e = &s->nets[i];
			const char *row[DK_SCHEMES_MAX + 2];
			dk_kr total = 0;
			row[0] = e->name;
			for (size_t k = 0; k < r->n; k++) {
				const dk_recommendation *rec = r->parts[k].rec;
				if (e->at[k] < 0) {
					snprintf(cells[k], sizeof cells[k], "%s", "");
				} else {
					dk_kr a = rec->produced
						? rec->rows[e->at[k]].amount
						: 0;
					amount(rec->produced, a, cells[k],
					       sizeof cells[k]);
					total += a;
				}
				row[k + 1] = cells[k];
			}
			amount(s->complete, total, cells[r->n], sizeof cells[r->n]);
			row[r->n + 1] = cells[r->n];
			if (dk_table_row(&t[1], row) != DK_OK)
				st = DK_ENOMEM;
		}
	} else {
		st = DK_ENOMEM;
	}
	if (st == DK_OK && dk_table_init(&t[2], 9) == DK_OK) {
		const char *head[] = {dk_tr(en, "Scheme"), dk_tr(en, "Recommended"),
				      dk_tr(en, "Direct"), "UP2",
				      dk_tr(en, "Unused"), dk_tr(en, "UH share"),
				      dk_tr(en, "Errors"), dk_tr(en, "Warnings"),
				      dk_tr(en, "Info")};
		for (int c = 1; c < 9; c++)
			t[2].right[c] = true;
		if (dk_table_row(&t[2], head) != DK_OK)
			st = DK_ENOMEM;
		char cells[8][40];
		const dk_numfmt people = DK_NUMFMT_PEOPLE(en, 0);
		for (size_t k = 0; k <= r->n; k++) {
			bool all = k == r->n;
			totals tt;
			totals_of(r, s, k, &tt);
			bool have = tt.have;
			const size_t *c3 = tt.counts;
			amount(have, tt.recommended, cells[0], sizeof cells[0]);
			amount(true, tt.direct, cells[1], sizeof cells[1]);
			amount(have, tt.up2, cells[2], sizeof cells[2]);
			amount(have, tt.unused, cells[3], sizeof cells[3]);
			cells[4][0] = '\0';
			if (have && tt.uh_den > 0) { /* a percentage with one decimal */
				size_t len = dk_numtext_ratio(tt.uh_num * 100, tt.uh_den,
							      1, &people, cells[4],
							      sizeof cells[4]);
				snprintf(cells[4] + len, sizeof cells[4] - len, " %%");
			}
			snprintf(cells[5], sizeof cells[5], "%zu", c3[DK_SEV_ERROR]);
			snprintf(cells[6], sizeof cells[6], "%zu", c3[DK_SEV_WARNING]);
			snprintf(cells[7], sizeof cells[7], "%zu", c3[DK_SEV_INFO]);
			const char *row[] = {all ? dk_tr(en, "in all")
						 : r->file->schemes[k].id,
					     cells[0],
					     cells[1],
					     cells[2],
					     cells[3],
					     cells[4],
					     cells[5],
					     cells[6],
					     cells[7]};
			if (dk_table_row(&t[2], row) != DK_OK)
				st = DK_ENOMEM;
		}
	} else {
		st = DK_ENOMEM;
	}
	return st;
}

/* The summary's tables and each scheme's recommendation, as text or
 * Markdown. */
static char *cases_text(const dk_cases_report *r, bool md)
{
	static const char *const caps[3] = {N_("Per institution, from every scheme"),
					    N_("Per network, from every scheme"),
					    N_("Per scheme")};
	bool en = r->english;
	summary s;
	dk_strbuf b = {0};
	dk_table t[3];
	if (!summarise(r, &s)) {
		free(s.inst), free(s.nets);
		return NULL;
	}
	const dk_title *ti = &r->file->title;
	dk_strbuf_printf(&b, "%s%s\n", md ? "# " : "",
			 dk_tr(en, "Combined recommendation"));
	if (ti->forum || ti->meeting || ti->case_no)
		dk_strbuf_printf(&b, "%s%s%s%s%s\n", ti->forum ? ti->forum : "",
				 ti->forum && (ti->meeting || ti->case_no) ? ", " : "",
				 ti->case_no ? ti->case_no : "",
				 ti->case_no && ti->meeting ? ", " : "",
				 ti->meeting ? ti->meeting : "");
	if (summary_tables(r, &s, t) != DK_OK)
		b.oom = 1;
	for (int k = 0; k < 3; k++) {
		dk_strbuf_printf(&b, "\n%s%s\n\n", md ? "## " : "", dk_tr(en, caps[k]));
		char *txt = b.oom ? NULL : md ? md_render(&t[k]) : dk_table_render(&t[k]);
		if (txt)
			dk_strbuf_puts(&b, txt);
		else
			b.oom = 1;
		free(txt);
		dk_table_release(&t[k]);
	}
	/* each scheme as its own recommendation */
	for (size_t k = 0; k < r->n; k++) {
		const dk_scheme_ref *sr = &r->file->schemes[k];
		char *part = md ? dk_report_md(&r->parts[k])
				: dk_report_table(&r->parts[k]);
		dk_strbuf_printf(&b, "\n%s%s %s%s%s\n\n", md ? "## " : "",
				 dk_tr(en, "Scheme"), sr->id, sr->name ? ": " : "",
				 sr->name ? sr->name : "");
		if (part)
			dk_strbuf_puts(&b, part);
		else
			b.oom = 1;
		free(part);
	}
	free(s.inst);
	free(s.nets);
	return dk_strbuf_done(&b);
}

char *dk_cases_table(const dk_cases_report *r)
{
	return cases_text(r, false);
}

char *dk_cases_md(const dk_cases_report *r)
{
	return cases_text(r, true);
}

char *dk_cases_findings_json(const dk_cases_report *r)
{
	char *out = NULL;
	cJSON *root = cJSON_CreateObject(), *schemes = cJSON_CreateArray();
	int ok = root && dk_json_put(root, "title", title_json(&r->file->title)) &&
		dk_json_put(root, "schemes", schemes);
	for (size_t k = 0; ok && k < r->n; k++) {
		const dk_scheme_ref *sr = &r->file->schemes[k];
		const dk_report *p = &r->parts[k];
		cJSON *part = cJSON_CreateObject();
		ok = dk_json_push(schemes, part) &&
			dk_json_put(part, "scheme", cJSON_CreateString(sr->id)) &&
			dk_json_put(part, "name",
				    sr->name ? cJSON_CreateString(sr->name)
					     : cJSON_CreateNull()) &&
			dk_json_put(part, "findings",
				    dk_findings_cjson(&p->rec->findings, p->nets, -1,
						      NULL)) &&
			dk_json_put(part, "not_checked", dk_not_checked_cjson(p->rec));
	}
	if (ok)
		out = cJSON_Print(root);
	cJSON_Delete(root);
	return out;
}

/* Each scheme's text under its heading; `each` writes one scheme's (NULL
 * when out of memory), or returns "" to leave the scheme out. */
static char *per_scheme(const dk_cases_report *r,
			char *(*each)(const dk_report *, const void *), const void *ctx,
			size_t *shown)
{
	dk_strbuf b = {0};
	*shown = 0;
	for (size_t k = 0; k < r->n; k++) {
		const dk_scheme_ref *sr = &r->file->schemes[k];
		char *part = each(&r->parts[k], ctx);
		if (part && part[0]) {
			dk_strbuf_printf(&b, "%s%s %s%s%s\n\n", *shown ? "\n" : "",
					 dk_tr(r->english, "Scheme"), sr->id,
					 sr->name ? ": " : "", sr->name ? sr->name : "");
			dk_strbuf_puts(&b, part);
			(*shown)++;
		} else if (!part) {
			b.oom = 1;
		}
		free(part);
	}
	return dk_strbuf_done(&b);
}

static char *findings_of(const dk_report *p, const void *ctx)
{
	(void)ctx;
	return dk_findings_table(p);
}

char *dk_cases_findings_table(const dk_cases_report *r)
{
	size_t shown;
	return per_scheme(r, findings_of, NULL, &shown);
}

static char *explain_of(const dk_report *p, const void *ctx)
{
	long k = dk_networks_find(p->nets, ctx);
	return k < 0 ? strdup("") : dk_explain_text(p, (size_t)k);
}

char *dk_cases_explain(const dk_cases_report *r, const char *network, size_t *shown)
{
	return per_scheme(r, explain_of, network, shown);
}

/* A whole amount into a cell of 48 bytes, or nothing when there is none. */
static void put_kr(char *cell, bool have, dk_kr x)
{
	if (have)
		snprintf(cell, 48, "%lld", (long long)x);
}

/* One row of the long CSV: kind, scheme, name, then the numbers (NULL or
 * "" for none). */
static void csv_row(dk_strbuf *b, char delim, const char *kind, const char *scheme,
		    const char *name, const char *const *num)
{
	const char *text[3] = {kind, scheme, name};
	for (int c = 0; c < 3; c++) {
		if (c)
			dk_strbuf_add(b, &delim, 1);
		dk_csv_text(b, text[c] ? text[c] : "", delim);
	}
	for (int c = 0; c < 9; c++) {
		dk_strbuf_add(b, &delim, 1);
		dk_csv_field(b, num[c] ? num[c] : "", delim);
	}
	dk_strbuf_puts(b, "\r\n");
}

char *dk_cases_csv(const dk_cases_report *r, bool excel_nb)
{
	static const char *const head[] = {"kind",   "scheme",   "name",
					   "direct", "up2",      "recommended",
					   "total",  "unused",   "uh_share",
					   "errors", "warnings", "info"};
	char delim = excel_nb ? ';' : ',';
	summary s;
	dk_strbuf b = {0};
	if (!summarise(r, &s)) {
		free(s.inst), free(s.nets);
		return NULL;
	}
	if (excel_nb)
		dk_strbuf_puts(&b, "\xEF\xBB\xBF");
	for (size_t c = 0; c < sizeof head / sizeof head[0]; c++) {
		if (c)
			dk_strbuf_add(&b, &delim, 1);
		dk_csv_field(&b, head[c], delim);
	}
	dk_strbuf_puts(&b, "\r\n");
	char v[9][48];
	const char *num[9];
	for (int c = 0; c < 9; c++)
		num[c] = v[c];
	for (size_t i = 0; i < s.n_inst; i++) {
		const entry *e = &s.inst[i];
		dk_kr direct = 0, up2 = 0;
		for (size_t k = 0; k < r->n; k++) {
			if (e->at[k] < 0)
				continue;
			const dk_recommendation *rec = r->parts[k].rec;
			dk_kr d = rec->inst_direct[e->at[k]], u = rec->inst_up2[e->at[k]];
			memset(v, 0, sizeof v);
			put_kr(v[0], true, d);
			put_kr(v[1], rec->produced, u);
			put_kr(v[3], rec->produced, d + u);
			csv_row(&b, delim, "institution", r->file->schemes[k].id, e->name,
				num);
			direct += d, up2 += u;
		}
		memset(v, 0, sizeof v);
		put_kr(v[0], true, direct);
		put_kr(v[1], s.complete, up2);
		put_kr(v[3], s.complete, direct + up2);
		csv_row(&b, delim, "institution", "", e->name, num);
	}
	for (size_t i = 0; i < s.n_nets; i++) {
		const entry *e = &s.nets[i];
		dk_kr total = 0;
		for (size_t k = 0; k < r->n; k++) {
			if (e->at[k] < 0)
				continue;
			const dk_recommendation *rec = r->parts[k].rec;
			dk_kr a = rec->produced ? rec->rows[e->at[k]].amount : 0;
			memset(v, 0, sizeof v);
			put_kr(v[2], rec->produced, a);
			put_kr(v[3], rec->produced, a);
			csv_row(&b, delim, "network", r->file->schemes[k].id, e->name,
				num);
			total += a;
		}
		memset(v, 0, sizeof v);
		put_kr(v[3], s.complete, total);
		csv_row(&b, delim, "network", "", e->name, num);
	}
	for (size_t k = 0; k <= r->n; k++) {
		bool all = k == r->n;
		totals tt;
		totals_of(r, &s, k, &tt);
		bool have = tt.have;
		dk_kr a = tt.recommended, d = tt.direct, u = tt.up2, un = tt.unused;
		dk_i128 num_ = tt.uh_num, den_ = tt.uh_den;
		const size_t *c3 = tt.counts;
		memset(v, 0, sizeof v);
		put_kr(v[0], true, d);
		put_kr(v[1], have, u);
		put_kr(v[2], have, a);
		put_kr(v[4], have, un);
		if (have && den_ > 0) {
			dk_share_str(num_, den_, v[5], sizeof v[5]);
			for (char *q = v[5]; excel_nb && *q; q++)
				if (*q == '.')
					*q = ',';
		}
		snprintf(v[6], sizeof v[6], "%zu", c3[DK_SEV_ERROR]);
		snprintf(v[7], sizeof v[7], "%zu", c3[DK_SEV_WARNING]);
		snprintf(v[8], sizeof v[8], "%zu", c3[DK_SEV_INFO]);
		csv_row(&b, delim, "scheme", all ? "" : r->file->schemes[k].id, "", num);
	}
	free(s.inst);
	free(s.nets);
	return dk_strbuf_done(&b);
}

/* A summary table as HTML: a caption, column headers, numbers right. */
static void html_table(dk_strbuf *b, const dk_table *t, const char *caption)
{
	dk_strbuf_puts(b, "<table>\n<caption>");
	dk_html_esc(b, caption);
	dk_strbuf_puts(b, "</caption>\n");
	for (size_t i = 0; i < t->nrows; i++) {
		dk_strbuf_puts(b, i == 0 ? "<thead><tr>" : "<tr>");
		for (size_t c = 0; c < t->ncols; c++) {
			const char *v = dk_table_cell(t, i, c);
			const char *num = t->right[c] ? " class=\"n\"" : "";
			if (i == 0)
				dk_strbuf_printf(b, "<th scope=\"col\"%s>", num);
			else
				dk_strbuf_printf(b, "<td%s>", num);
			dk_html_esc(b, v);
			dk_strbuf_puts(b, i == 0 ? "</th>" : "</td>");
		}
		dk_strbuf_puts(b, i == 0 ? "</tr></thead>\n<tbody>\n" : "</tr>\n");
	}
	dk_strbuf_puts(b, "</tbody>\n</table>\n");
}

/* The text between `from` and `to` in s (both found), or NULL. */
static const char *between(const char *s, const char *from, const char *to, size_t *len)
{
	const char *a = s ? strstr(s, from) : NULL;
	const char *z = a ? strstr(a + strlen(from), to) : NULL;
	if (!z)
		return NULL;
	a += strlen(from);
	*len = (size_t)(z - a);
	return a;
}

/* A scheme's report body for the combined document: every id, and every
 * reference to one, gets the scheme's prefix, so that the parts' ids stay
 * unique; an element labelled by ids is also labelled by the scheme's
 * heading (<prefix>scheme), so that a network's page in two schemes has two
 * names; and the part's own banner and main landmarks become plain
 * blocks, the document having one of each. dekom's own markup is the only
 * place these strings occur: a text's quotes and brackets are escaped
 * (dk_html_esc). */
static void prefixed(dk_strbuf *b, const char *s, size_t len, const char *prefix)
{
	static const char *const marks[] = {" id=\"",
					    " aria-labelledby=\"",
					    "<header class=\"title\">",
					    "</header>",
					    "<main>",
					    "</main>"};
	static const char *const plain[] = {
		NULL,    NULL, "<div class=\"title\">", "</div>", "<div class=\"part\">",
		"</div>"};
	const char *end = s + len;
	while (s < end) {
		const char *next = end;
		size_t which = 0;
		for (size_t k = 0; k < sizeof marks / sizeof marks[0]; k++) {
			const char *x = strstr(s, marks[k]);
			if (x && x < next)
				next = x, which = k;
		}
		if (next >= end) {
			dk_strbuf_add(b, s, (size_t)(end - s));
			break;
		}
		dk_strbuf_add(b, s, (size_t)(next - s));
		if (plain[which]) {
			dk_strbuf_puts(b, plain[which]);
			s = next + strlen(marks[which]);
			continue;
		}
		dk_strbuf_puts(b, marks[which]);
		next += strlen(marks[which]);
		/* each space-separated id of the value */
		const char *q = strchr(next, '"');
		if (!q || q > end)
			q = end;
		bool start = true;
		for (const char *c = next; c < q; c++) {
			if (start && *c != ' ')
				dk_strbuf_puts(b, prefix);
			start = *c == ' ';
			dk_strbuf_add(b, c, 1);
		}
		if (which == 1)
			dk_strbuf_printf(b, " %sscheme", prefix);
		s = q;
	}
}

char *dk_cases_html(const dk_cases_report *r)
{
	bool en = r->english;
	summary s;
	if (!summarise(r, &s)) {
		free(s.inst), free(s.nets);
		return NULL;
	}
	char *parts[DK_SCHEMES_MAX] = {NULL};
	bool ok = true;
	for (size_t k = 0; k < r->n && ok; k++)
		ok = (parts[k] = dk_report_html(&r->parts[k])) != NULL;
	dk_strbuf b = {0};
	const dk_title *ti = &r->file->title;
	char heading[400];
	snprintf(heading, sizeof heading, "%s%s%s", dk_tr(en, "Combined recommendation"),
		 ti->case_no ? " · " : "", ti->case_no ? ti->case_no : "");
	size_t len = 0;
	const char *styles = ok ? between(parts[0], "</title>\n", "</head>", &len) : NULL;
	if (!styles)
		ok = false;
	if (ok) {
		dk_strbuf_printf(&b,
				 "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta "
				 "charset=\"utf-8\">\n<title>",
				 en ? "en" : "nb");
		dk_html_esc(&b, heading);
		dk_strbuf_puts(&b, "</title>\n");
		dk_strbuf_add(&b, styles, len);
		/* each scheme starts a page; the running head is the case's */
		dk_strbuf_puts(
			&b,
			"<style>\nsection.scheme{break-before:page}\n"
			"div.title{border-bottom:2px solid #1f3d6e;padding-bottom:.4em}\n"
			"div.title .kind{font-size:10pt;color:#444;margin:0;"
			"text-transform:uppercase;letter-spacing:.05em}\n"
			"h2.scheme{font-size:11pt;border:none;color:#1f3d6e;margin:0 0 .5em}\n"
			"@page{@top-left{content:\"");
		for (const char *c = heading; *c; c++) {
			if (*c == '"' || *c == '\\')
				dk_strbuf_puts(&b, "\\");
			dk_strbuf_add(&b, c, 1);
		}
		dk_strbuf_puts(
			&b,
			"\"}}\n</style>\n</head>\n<body>\n<header class=\"title\">\n<p class=\"kind\">");
		dk_html_esc(&b, dk_tr(en, "Combined recommendation"));
		dk_strbuf_puts(&b, "</p>\n<h1>");
		dk_html_esc(&b,
			    ti->forum ? ti->forum : dk_tr(en, "Combined recommendation"));
		dk_strbuf_puts(&b, "</h1>\n");
		if (ti->case_no || ti->meeting) {
			dk_strbuf_puts(&b, "<p class=\"sub\">");
			dk_html_esc(&b, ti->case_no ? ti->case_no : "");
			if (ti->case_no && ti->meeting)
				dk_strbuf_puts(&b, " · ");
			if (ti->meeting) {
				dk_strbuf_printf(&b, "%s ", dk_tr(en, "Meeting"));
				dk_html_esc(&b, ti->meeting);
			}
			dk_strbuf_puts(&b, "</p>\n");
		}
		if (ti->draft)
			dk_strbuf_printf(&b, "<p class=\"draft\">%s</p>\n",
					 dk_tr(en, "Draft"));
		dk_strbuf_puts(&b, "</header>\n<main>\n<section id=\"samlet\">\n<h2>");
		dk_html_esc(&b, dk_tr(en, "The schemes together"));
		dk_strbuf_puts(&b, "</h2>\n");
		/* the summary's tables, as the text table has them */
		dk_table t[3];
		static const char *const caps[3] = {
			N_("Per institution, from every scheme"),
			N_("Per network, from every scheme"), N_("Per scheme")};
		if (summary_tables(r, &s, t) != DK_OK)
			b.oom = 1;
		for (int k = 0; k < 3; k++) {
			if (!b.oom)
				html_table(&b, &t[k], dk_tr(en, caps[k]));
			dk_table_release(&t[k]);
		}
		dk_strbuf_puts(&b, "</section>\n");
		/* each scheme: a region named by its heading */
		for (size_t k = 0; k < r->n; k++) {
			const dk_scheme_ref *sr = &r->file->schemes[k];
			size_t blen;
			const char *body =
				between(parts[k], "<body>\n", "</body>", &blen);
			char prefix[64];
			snprintf(prefix, sizeof prefix, "%s-", sr->id);
			dk_strbuf_printf(
				&b,
				"<section class=\"scheme\" aria-labelledby=\"%sscheme\">\n"
				"<h2 class=\"scheme\" id=\"%sscheme\">%s ",
				prefix, prefix, dk_tr(en, "Scheme"));
			dk_html_esc(&b, sr->id);
			if (sr->name) {
				dk_strbuf_puts(&b, ": ");
				dk_html_esc(&b, sr->name);
			}
			dk_strbuf_puts(&b, "</h2>\n");
			if (body)
				prefixed(&b, body, blen, prefix);
			else
				b.oom = 1;
			dk_strbuf_puts(&b, "</section>\n");
		}
		dk_strbuf_puts(&b, "</main>\n</body>\n</html>\n");
	} else {
		b.oom = 1;
	}
	for (size_t k = 0; k < r->n; k++)
		free(parts[k]);
	free(s.inst);
	free(s.nets);
	return dk_strbuf_done(&b);
}

/* The summary sheet of a case's workbook: the three tables of the text
 * report, with numbers as numbers. */
static void summary_sheet(dk_book *b, const dk_cases_report *r, const summary *s)
{
	bool en = r->english;
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, dk_trc(en, "sheet", "Summary"));
	const dk_title *ti = &r->file->title;
	char t[400];
	snprintf(t, sizeof t, "%s%s%s", dk_tr(en, "Combined recommendation"),
		 ti->forum ? ": " : "", ti->forum ? ti->forum : "");
	dk_utf8_trim(t);
	dk_book_str(b, ws, 0, 0, t, b->title);
	lxw_row_t row = 2;
	/* per institution */
	dk_book_str(b, ws, row++, 0, dk_tr(en, "Per institution, from every scheme"),
		    b->bold);
	const char *h1[] = {dk_tr(en, "Institution"), dk_tr(en, "Scheme"),
			    dk_tr(en, "Direct"), "UP2", dk_tr(en, "Total")};
	for (lxw_col_t c = 0; c < 5; c++)
		dk_book_str(b, ws, row, c, h1[c], c >= 2 ? b->head_num : b->head);
	row++;
	for (size_t i = 0; i < s->n_inst; i++) {
		const entry *e = &s->inst[i];
		dk_kr direct = 0, up2 = 0;
		for (size_t k = 0; k <= r->n; k++) {
			bool all = k == r->n;
			if (!all && e->at[k] < 0)
				continue;
			dk_kr d = direct, u = up2;
			bool have = s->complete;
			if (!all) {
				const dk_recommendation *rec = r->parts[k].rec;
				d = rec->inst_direct[e->at[k]],
				u = rec->inst_up2[e->at[k]];
				have = rec->produced;
				direct += d, up2 += u;
			}
			dk_book_str(b, ws, row, 0, e->name, all ? b->bold : NULL);
			dk_book_str(b, ws, row, 1,
				    all ? dk_tr(en, "in all") : r->file->schemes[k].id,
				    all ? b->bold : NULL);
			dk_book_num(b, ws, row, 2, (double)d, all ? b->kr_bold : b->kr);
			if (have) {
				dk_book_num(b, ws, row, 3, (double)u,
					    all ? b->kr_bold : b->kr);
				dk_book_num(b, ws, row, 4, (double)(d + u),
					    all ? b->kr_bold : b->kr);
			}
			row++;
		}
	}
	/* per network */
	row++;
	dk_book_str(b, ws, row++, 0, dk_tr(en, "Per network, from every scheme"),
		    b->bold);
	dk_book_str(b, ws, row, 0, dk_tr(en, "Network"), b->head);
	for (size_t k = 0; k < r->n; k++)
		dk_book_str(b, ws, row, (lxw_col_t)(k + 1), r->file->schemes[k].id,
			    b->head_num);
	dk_book_str(b, ws, row, (lxw_col_t)(r->n + 1), dk_tr(en, "Total"), b->head_num);
	row++;
	for (size_t i = 0; i < s->n_nets; i++) {
		const entry *e = &s->nets[i];
		dk_kr total = 0;
		dk_book_str(b, ws, row, 0, e->name, NULL);
		for (size_t k = 0; k < r->n; k++) {
			const dk_recommendation *rec = r->parts[k].rec;
			if (e->at[k] < 0 || !rec->produced)
				continue;
			dk_kr a = rec->rows[e->at[k]].amount;
			dk_book_num(b, ws, row, (lxw_col_t)(k + 1), (double)a, b->kr);
			total += a;
		}
		if (s->complete)
			dk_book_num(b, ws, row, (lxw_col_t)(r->n + 1), (double)total,
				    b->kr_bold);
		row++;
	}
	/* per scheme */
	row++;
	dk_book_str(b, ws, row++, 0, dk_tr(en, "Per scheme"), b->bold);
	const char *h3[] = {dk_tr(en, "Scheme"), dk_tr(en, "Recommended"),
			    dk_tr(en, "Direct"), "UP2",
			    dk_tr(en, "Unused"), dk_tr(en, "UH share"),
			    dk_tr(en, "Errors"), dk_tr(en, "Warnings"),
			    dk_tr(en, "Info")};
	for (lxw_col_t c = 0; c < 9; c++)
		dk_book_str(b, ws, row, c, h3[c], c ? b->head_num : b->head);
	row++;
	for (size_t k = 0; k <= r->n; k++) {
		bool all = k == r->n;
		totals tt;
		totals_of(r, s, k, &tt);
		bool have = tt.have;
		dk_kr a = tt.recommended, d = tt.direct, u = tt.up2, un = tt.unused;
		dk_i128 num = tt.uh_num, den = tt.uh_den;
		const size_t *c3 = tt.counts;
		lxw_format *f = all ? b->kr_bold : b->kr;
		dk_book_str(b, ws, row, 0,
			    all ? dk_tr(en, "in all") : r->file->schemes[k].id,
			    all ? b->bold : NULL);
		dk_book_num(b, ws, row, 2, (double)d, f);
		if (have) {
			dk_book_num(b, ws, row, 1, (double)a, f);
			dk_book_num(b, ws, row, 3, (double)u, f);
			dk_book_num(b, ws, row, 4, (double)un, f);
			if (den > 0)
				dk_book_num(b, ws, row, 5, dk_book_ratio(num, den),
					    b->pct);
		}
		for (int x = 0; x < 3; x++) {
			static const int level[] = {DK_SEV_ERROR, DK_SEV_WARNING,
						    DK_SEV_INFO};
			dk_book_num(b, ws, row, (lxw_col_t)(6 + x), (double)c3[level[x]],
				    NULL);
		}
		row++;
	}
	worksheet_set_column(ws, 0, 0, 28, NULL);
	worksheet_set_column(ws, 1, 9, 14, NULL);
	dk_book_print(b, ws, true, -1, -2);
}

dk_status dk_cases_xlsx(const dk_cases_report *r, const char *path, const char *name,
			dk_error *d)
{
	for (size_t k = 0; k < r->n; k++)
		if (strlen(r->file->schemes[k].id) > DK_BOOK_PART_MAX) {
			dk_error_add(
				d, name, 0, 0,
				_("the scheme id '%s' is longer than %d characters, too "
				  "long to name a workbook's sheets; shorten it in the "
				  "case file"),
				r->file->schemes[k].id, DK_BOOK_PART_MAX);
			return DK_EINPUT;
		}
	summary s;
	if (!summarise(r, &s)) {
		free(s.inst), free(s.nets);
		return DK_ENOMEM;
	}
	dk_book b = {0};
	b.en = r->english;
	int year = r->n ? r->parts[0].rec->year : 0;
	if (!dk_book_open(&b, path, dk_tr(b.en, "Combined recommendation"),
			  year ? year : 2000)) {
		free(s.inst), free(s.nets);
		dk_error_add(d, name, 0, 0, "%s", _("cannot create the workbook"));
		return DK_EIO;
	}
	snprintf(b.header, sizeof b.header, "%s", dk_tr(b.en, "Combined recommendation"));
	summary_sheet(&b, r, &s);
	dk_status st = DK_OK;
	for (size_t k = 0; k < r->n && st == DK_OK; k++) {
		b.part = r->file->schemes[k].id;
		st = dk_report_xlsx_sheets(&b, &r->parts[k]);
	}
	b.part = NULL;
	free(s.inst);
	free(s.nets);
	dk_status cl = dk_book_close(&b, name, d);
	return st != DK_OK ? st : cl;
}

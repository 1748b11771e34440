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
	dk_kr rsum = 0, dsum = 0, usum = 0, unused = 0;
	dk_i128 all_num = 0, all_den = 0;
	ok = ok && dk_json_put(tot, "schemes", per);
	for (size_t k = 0; ok && k < r->n; k++) {
		const dk_report *p = &r->parts[k];
		const dk_recommendation *rec = p->rec;
		int count[3] = {0, 0, 0};
		for (size_t f = 0; f < rec->findings.n; f++)
			count[rec->findings.items[f].severity]++;
		dk_kr a = sum_amounts(rec), u = sum_up2(p),
		      un = rec->unused + rec->reserve_cut;
		/* the UH share: (D + Σ UP2 + Σ other) ÷ (D + Σ recommended) */
		dk_i128 num = (dk_i128)rec->direct + u + rec->total_other,
			den = (dk_i128)rec->direct + a;
		char share[48];
		if (rec->produced && den > 0)
			dk_share_str(num, den, share, sizeof share);
		cJSON *y = cJSON_CreateObject(), *fc = cJSON_CreateObject();
		ok = dk_json_push(per, y) &&
			dk_json_put(y, "scheme",
				    cJSON_CreateString(r->file->schemes[k].id)) &&
			dk_json_put(y, "recommended", kr(rec->produced, a)) &&
			dk_json_put(y, "direct", dk_json_scaled(rec->direct, 0)) &&
			dk_json_put(y, "up2", kr(rec->produced, u)) &&
			dk_json_put(y, "unused", kr(rec->produced, un)) &&
			dk_json_put(y, "uh_share",
				    rec->produced && den > 0 ? cJSON_CreateRaw(share)
							     : cJSON_CreateNull()) &&
			dk_json_put(y, "findings", fc) &&
			dk_json_put(fc, "error",
				    dk_json_scaled(count[DK_SEV_ERROR], 0)) &&
			dk_json_put(fc, "warning",
				    dk_json_scaled(count[DK_SEV_WARNING], 0)) &&
			dk_json_put(fc, "info", dk_json_scaled(count[DK_SEV_INFO], 0));
		rsum += a, dsum += rec->direct, usum += u, unused += un;
		all_num += num, all_den += den;
	}
	char all_share[48];
	if (s->complete && all_den > 0)
		dk_share_str(all_num, all_den, all_share, sizeof all_share);
	ok = ok &&
		dk_json_put(tot, "uh_share",
			    s->complete && all_den > 0 ? cJSON_CreateRaw(all_share)
						       : cJSON_CreateNull()) &&
		dk_json_put(tot, "recommended", kr(s->complete, rsum)) &&
		dk_json_put(tot, "direct", dk_json_scaled(dsum, 0)) &&
		dk_json_put(tot, "up2", kr(s->complete, usum)) &&
		dk_json_put(tot, "unused", kr(s->complete, unused));
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
			dk_md_text(&b,
				   t->cells[i * t->ncols + c] ? t->cells[i * t->ncols + c]
							      : "");
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

static char *cases_text(const dk_cases_report *r, bool md)
{
	bool en = r->english;
	summary s;
	dk_strbuf b = {0};
	dk_table t;
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
	/* per institution and scheme: direct, UP2, total */
	dk_strbuf_printf(&b, "\n%s%s\n\n", md ? "## " : "",
			 dk_tr(en, "Per institution, from every scheme"));
	if (dk_table_init(&t, 5) == DK_OK) {
		const char *head[] = {dk_tr(en, "Institution"), dk_tr(en, "Scheme"),
				      dk_tr(en, "Direct"), "UP2", dk_tr(en, "Total")};
		t.right[2] = t.right[3] = t.right[4] = true;
		if (dk_table_row(&t, head) != DK_OK)
			b.oom = 1;
		for (size_t i = 0; i < s.n_inst; i++) {
			const entry *e = &s.inst[i];
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
				if (dk_table_row(&t, row) != DK_OK)
					b.oom = 1;
				direct += d, up2 += u;
			}
			char a[40], c[40], tt[40];
			amount(true, direct, a, sizeof a);
			amount(s.complete, up2, c, sizeof c);
			amount(s.complete, direct + up2, tt, sizeof tt);
			const char *row[] = {e->name, dk_tr(en, "in all"), a, c, tt};
			if (dk_table_row(&t, row) != DK_OK)
				b.oom = 1;
		}
		char *txt = md ? md_render(&t) : dk_table_render(&t);
		if (txt)
			dk_strbuf_puts(&b, txt);
		else
			b.oom = 1;
		free(txt);
		dk_table_release(&t);
	}
	/* per network: its amount per scheme and in total */
	dk_strbuf_printf(&b, "\n%s%s\n\n", md ? "## " : "",
			 dk_tr(en, "Per network, from every scheme"));
	if (dk_table_init(&t, r->n + 2) == DK_OK) {
		const char *head[DK_SCHEMES_MAX + 2];
		head[0] = dk_tr(en, "Network");
		for (size_t k = 0; k < r->n; k++) {
			head[k + 1] = r->file->schemes[k].id;
			t.right[k + 1] = true;
		}
		head[r->n + 1] = dk_tr(en, "Total");
		t.right[r->n + 1] = true;
		if (dk_table_row(&t, head) != DK_OK)
			b.oom = 1;
		char cells[DK_SCHEMES_MAX + 1][40];
		for (size_t i = 0; i < s.n_nets; i++) {
			const entry *e = &s.nets[i];
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
			amount(s.complete, total, cells[r->n], sizeof cells[r->n]);
			row[r->n + 1] = cells[r->n];
			if (dk_table_row(&t, row) != DK_OK)
				b.oom = 1;
		}
		char *txt = md ? md_render(&t) : dk_table_render(&t);
		if (txt)
			dk_strbuf_puts(&b, txt);
		else
			b.oom = 1;
		free(txt);
		dk_table_release(&t);
	}
	/* per scheme: its totals and findings */
	dk_strbuf_printf(&b, "\n%s%s\n\n", md ? "## " : "", dk_tr(en, "Per scheme"));
	if (dk_table_init(&t, 8) == DK_OK) {
		const char *head[] = {dk_tr(en, "Scheme"),   dk_tr(en, "Recommended"),
				      dk_tr(en, "Direct"),   "UP2",
				      dk_tr(en, "Unused"),   dk_tr(en, "Errors"),
				      dk_tr(en, "Warnings"), dk_tr(en, "Info")};
		for (int c = 1; c < 8; c++)
			t.right[c] = true;
		if (dk_table_row(&t, head) != DK_OK)
			b.oom = 1;
		dk_kr rsum = 0, dsum = 0, usum = 0, unused = 0;
		size_t counts[3] = {0, 0, 0};
		char cells[7][40];
		for (size_t k = 0; k <= r->n; k++) {
			bool all = k == r->n,
			     have = all ? s.complete : r->parts[k].rec->produced;
			dk_kr a = rsum, d = dsum, u = usum, un = unused;
			size_t c3[3] = {counts[0], counts[1], counts[2]};
			if (!all) {
				const dk_recommendation *rec = r->parts[k].rec;
				a = sum_amounts(rec), d = rec->direct,
				u = sum_up2(&r->parts[k]);
				un = rec->unused + rec->reserve_cut;
				for (int v = 0; v < 3; v++)
					c3[v] = rec->findings.counts[v],
					counts[v] += c3[v];
				rsum += a, dsum += d, usum += u, unused += un;
			}
			amount(have, a, cells[0], sizeof cells[0]);
			amount(true, d, cells[1], sizeof cells[1]);
			amount(have, u, cells[2], sizeof cells[2]);
			amount(have, un, cells[3], sizeof cells[3]);
			snprintf(cells[4], sizeof cells[4], "%zu", c3[DK_SEV_ERROR]);
			snprintf(cells[5], sizeof cells[5], "%zu", c3[DK_SEV_WARNING]);
			snprintf(cells[6], sizeof cells[6], "%zu", c3[DK_SEV_INFO]);
			const char *row[] = {all ? dk_tr(en, "in all")
						 : r->file->schemes[k].id,
					     cells[0],
					     cells[1],
					     cells[2],
					     cells[3],
					     cells[4],
					     cells[5],
					     cells[6]};
			if (dk_table_row(&t, row) != DK_OK)
				b.oom = 1;
		}
		char *txt = md ? md_render(&t) : dk_table_render(&t);
		if (txt)
			dk_strbuf_puts(&b, txt);
		else
			b.oom = 1;
		free(txt);
		dk_table_release(&t);
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
	dk_kr rsum = 0, dsum = 0, usum = 0, unused = 0;
	dk_i128 all_num = 0, all_den = 0;
	size_t counts[3] = {0, 0, 0};
	for (size_t k = 0; k <= r->n; k++) {
		bool all = k == r->n, have = all ? s.complete : r->parts[k].rec->produced;
		dk_kr a = rsum, d = dsum, u = usum, un = unused;
		dk_i128 num_ = all_num, den_ = all_den;
		size_t c3[3] = {counts[0], counts[1], counts[2]};
		if (!all) {
			const dk_recommendation *rec = r->parts[k].rec;
			a = sum_amounts(rec), d = rec->direct, u = sum_up2(&r->parts[k]);
			un = rec->unused + rec->reserve_cut;
			num_ = (dk_i128)d + u + rec->total_other, den_ = (dk_i128)d + a;
			for (int x = 0; x < 3; x++)
				c3[x] = rec->findings.counts[x], counts[x] += c3[x];
			rsum += a, dsum += d, usum += u, unused += un;
			all_num += num_, all_den += den_;
		}
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

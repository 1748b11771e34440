/*
 * report_price.c: `dekom price` in JSON (the fields of CLI.md), a table or
 * Markdown for people, and CSV (one row per package, then one per
 * network's budget). Money is written in NOK with two decimals at most.
 * Names from the template and the networks go out through io/escape.h:
 * escaped in Markdown, a formula lead quoted in CSV, and the table cleaned
 * of control characters as a whole.
 */
#include "io/report_price.h"

#include <cjson/cJSON.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/canonical.h"
#include "io/escape.h"
#include "io/i18n.h"
#include "io/json_out.h"
#include "io/report.h"
#include "io/strbuf.h"
#include "io/table.h"
#include "models/numtext.h"

static cJSON *nok(int64_t ore)
{
	return dk_json_scaled(ore, 2);
}

static cJSON *e4num(int64_t v)
{
	return dk_json_scaled(v, 4);
}

char *dk_price_json(const dk_price_report *r)
{
	const dk_pricing *t = r->tpl;
	const dk_quotation *q = r->q;
	cJSON *root = cJSON_CreateObject(), *eng = cJSON_CreateObject();
	int ok = root && dk_json_put(root, "engine", eng) &&
		dk_json_put(eng, "name", cJSON_CreateString("dekom")) &&
		dk_json_put(eng, "version", cJSON_CreateString(DEKOM_VERSION)) &&
		dk_json_put(root, "institution", cJSON_CreateString(t->institution)) &&
		dk_json_put(root, "project_type",
			    cJSON_CreateString(t->type == DK_OPPDRAG ? "oppdrag"
								     : "bidrag"));
	cJSON *roles = cJSON_CreateArray();
	ok = ok && dk_json_put(root, "roles", roles);
	for (size_t i = 0; ok && i < t->n_roles; i++) {
		cJSON *o = cJSON_CreateObject();
		ok = dk_json_push(roles, o) &&
			dk_json_put(o, "name", cJSON_CreateString(t->roles[i].name)) &&
			dk_json_put(o, "hourly_cost", nok(q->hourly_ore[i]));
	}
	cJSON *pk = cJSON_CreateArray();
	ok = ok && dk_json_put(root, "packages", pk);
	for (size_t i = 0; ok && i < q->n; i++) {
		const dk_quote_package *k = &q->pkgs[i];
		char buf[64];
		cJSON *o = cJSON_CreateObject(), *inv = cJSON_CreateArray(),
		      *br = cJSON_CreateObject(), *brr = cJSON_CreateObject();
		/* exact: the denominator divides 10^16 */
		dk_ratio_plain(k->work_hours.num, k->work_hours.den, 16, buf, sizeof buf);
		ok = dk_json_push(pk, o) &&
			dk_json_put(o, "name", cJSON_CreateString(t->packages[i].name)) &&
			dk_json_put(o, "days", e4num(t->packages[i].days));
		char dh[48];
		dk_scaled_plain(k->delivered_e8, 8, dh, sizeof dh);
		ok = ok && dk_json_put(o, "delivered_hours", cJSON_CreateRaw(dh)) &&
			dk_json_put(o, "work_hours", cJSON_CreateRaw(buf)) &&
			dk_json_put(o, "cost", nok(k->cost)) &&
			dk_json_put(o, "full_cost", nok(k->full_cost)) &&
			dk_json_put(o, "price", nok(k->price)) &&
			dk_json_put(o, "price_per_day", nok(k->price_per_day)) &&
			dk_json_put(o, "invoices", inv);
		for (int s = 0; ok && s < k->n_invoices; s++) {
			char term[16];
			cJSON *e = cJSON_CreateObject();
			dk_term_name(t, s, term, sizeof term);
			ok = dk_json_push(inv, e) &&
				dk_json_put(e, "term", cJSON_CreateString(term)) &&
				dk_json_put(e, "amount", nok(k->invoices[s]));
		}
		ok = ok && dk_json_put(o, "breakdown", br) &&
			dk_json_put(br, "roles", brr);
		for (size_t j = 0; ok && j < t->n_roles; j++)
			ok = dk_json_put(brr, t->roles[j].name, nok(k->role_cost[j]));
		ok = ok && dk_json_put(br, "travel", nok(k->travel)) &&
			dk_json_put(br, "margin", nok(k->margin)) &&
			dk_json_put(br, "rounding", nok(k->rounding));
		/* the package's own findings (price-below-cost, addon-per-day) */
		ok = ok &&
			dk_json_put(o, "findings",
				    dk_findings_cjson(&q->findings, NULL, (long)i,
						      t->packages[i].name));
	}
	/* the template's own findings (margin-low, factor-range), and only those */
	ok = ok &&
		dk_json_put(root, "findings",
			    dk_findings_cjson(&q->findings, NULL, -1, NULL));
	if (ok && r->buys) {
		cJSON *b = cJSON_CreateArray();
		ok = dk_json_put(root, "budgets", b);
		for (size_t n = 0; ok && n < r->nets->n; n++) {
			const dk_purchase *p = &r->buys[n];
			cJSON *o = cJSON_CreateObject(), *ad = cJSON_CreateObject();
			ok = dk_json_push(b, o) &&
				dk_json_put(o, "network",
					    cJSON_CreateString(r->nets->items[n].name)) &&
				dk_json_put(o, "budget", nok(p->budget)) &&
				dk_json_put(o, "basic",
					    cJSON_CreateNumber((double)p->basic));
			ok = ok && dk_json_put(o, "addons", ad);
			for (size_t j = 0; ok && j < t->n_packages; j++) {
				if (!t->packages[j].addon)
					continue;
				char c[32];
				snprintf(c, sizeof c, "%lld", (long long)p->addons[j]);
				ok = dk_json_put(ad, t->packages[j].name,
						 cJSON_CreateRaw(c));
			}
			ok = ok && dk_json_put(o, "days", e4num(p->days)) &&
				dk_json_put(o, "spent", nok(p->spent)) &&
				dk_json_put(o, "left", nok(p->left));
		}
	}
	char *out = ok ? cJSON_Print(root) : NULL;
	cJSON_Delete(root);
	return out;
}

static const char *money(int64_t ore, char *buf)
{
	dk_decimal_format(ore, 2, " ", ",", buf, 48);
	return buf;
}

static const char *num4(int64_t v, char *buf, bool en)
{
	dk_decimal_format(v, 4, "", en ? "." : ",", buf, 48);
	size_t n = strlen(buf);
	while (n && buf[n - 1] == '0')
		buf[--n] = '\0';
	if (n && (buf[n - 1] == ',' || buf[n - 1] == '.'))
		buf[--n] = '\0';
	return buf;
}

/* A text from the input: escaped in Markdown, as it is for the terminal
 * (the whole text is cleaned at the end). */
static void put_text(dk_strbuf *b, const char *s, bool md)
{
	if (md)
		dk_md_text(b, s);
	else
		dk_strbuf_puts(b, s);
}

/* A rendered table from rows of cells; right-aligned but the first column,
 * which (and the header row) is text, the others numbers. */
static char *grid(const char *const *cells, size_t ncols, size_t nrows, bool md)
{
	if (md) {
		dk_strbuf b = {0};
		for (size_t i = 0; i < nrows; i++) {
			dk_strbuf_printf(&b, "|");
			for (size_t c = 0; c < ncols; c++) {
				dk_strbuf_puts(&b, " ");
				if (i == 0 || c == 0)
					dk_md_text(&b, cells[i * ncols + c]);
				else
					dk_strbuf_puts(&b, cells[i * ncols + c]);
				dk_strbuf_puts(&b, " |");
			}
			dk_strbuf_printf(&b, "\n");
			if (i == 0) {
				dk_strbuf_printf(&b, "|");
				for (size_t c = 0; c < ncols; c++)
					dk_strbuf_printf(&b, "%s", c ? "---:|" : "---|");
				dk_strbuf_printf(&b, "\n");
			}
		}
		return dk_strbuf_done(&b);
	}
	dk_table t;
	char *s = NULL;
	if (dk_table_init(&t, ncols) != DK_OK)
		return NULL;
	for (size_t c = 1; c < ncols; c++)
		t.right[c] = true;
	int ok = 1;
	for (size_t i = 0; ok && i < nrows; i++)
		ok = dk_table_row(&t, cells + i * ncols) == DK_OK;
	if (ok)
		s = dk_table_render(&t);
	dk_table_release(&t);
	return s;
}

char *dk_price_text(const dk_price_report *r, bool md)
{
	const dk_pricing *t = r->tpl;
	const dk_quotation *q = r->q;
	bool en = r->english;
	dk_strbuf b = {0};
	char m[8][48];
	const char *h1 = md ? "# " : "", *h2 = md ? "## " : "";
	dk_strbuf_printf(&b, "%s%s ", h1, dk_tr(en, "Template prices,"));
	put_text(&b, t->institution, md);
	dk_strbuf_printf(&b, " (%s)\n\n", t->type == DK_OPPDRAG ? "oppdrag" : "bidrag");
	dk_strbuf_printf(&b, "%s%s\n\n", h2, dk_tr(en, "Hourly full cost"));
	for (size_t i = 0; i < t->n_roles; i++) {
		dk_strbuf_puts(&b, md ? "- " : "  ");
		put_text(&b, t->roles[i].name, md);
		dk_strbuf_puts(&b, ": ");
		dk_strbuf_printf(&b, dk_tr(en, "%s kr/hour"),
				 money(q->hourly_ore[i], m[0]));
		dk_strbuf_puts(&b, "\n");
	}
	dk_strbuf_printf(&b, "\n%s%s\n\n", h2, dk_tr(en, "Packages"));
	size_t nc = 8, nr = q->n + 1;
	const char **cells = calloc(nc * nr, sizeof *cells);
	char(*store)[96] = calloc(nc * nr, sizeof *store);
	if (!cells || !store) {
		free(cells);
		free(store);
		free(b.data);
		return NULL;
	}
	static const char *const head[] = {N_("Package"),         N_("Days"),
					   N_("Delivered hours"), N_("Cost"),
					   N_("Full cost"),       N_("Price"),
					   N_("Price per day"),   N_("Invoices")};
	for (size_t c = 0; c < nc; c++)
		cells[c] = dk_tr(en, head[c]);
	for (size_t i = 0; i < q->n; i++) {
		const dk_quote_package *k = &q->pkgs[i];
		const char **row = cells + (i + 1) * nc;
		char(*st)[96] = store + (i + 1) * nc;
		row[0] = t->packages[i].name;
		row[1] = num4(t->packages[i].days, st[1], en);
		dk_decimal_format(k->delivered_e8 / 10000, 4, "", en ? "." : ",", st[2],
				  48);
		row[2] = num4(k->delivered_e8 / 10000, st[2], en);
		row[3] = money(k->cost, st[3]);
		row[4] = money(k->full_cost, st[4]);
		row[5] = money(k->price, st[5]);
		row[6] = money(k->price_per_day, st[6]);
		snprintf(st[7], 96, "%d × %s", k->n_invoices,
			 money(k->invoices[0], m[1]));
		row[7] = st[7];
	}
	char *tab = grid(cells, nc, nr, md);
	free(cells);
	free(store);
	if (!tab) {
		free(b.data);
		return NULL;
	}
	dk_strbuf_printf(&b, "%s", tab);
	free(tab);
	/* the basic package, step by step */
	size_t bi = dk_pricing_basic(t);
	const dk_quote_package *k = &q->pkgs[bi];
	dk_strbuf_printf(&b, "\n%s%s: ", h2, dk_tr(en, "Breakdown of the basic package"));
	put_text(&b, t->packages[bi].name, md);
	dk_strbuf_puts(&b, "\n\n");
	for (size_t j = 0; j < t->n_roles; j++) {
		dk_strbuf_puts(&b, md ? "- " : "  ");
		put_text(&b, t->roles[j].name, md);
		dk_strbuf_printf(&b, ": %s\n", money(k->role_cost[j], m[0]));
	}
	const struct {
		const char *label;
		int64_t ore;
	} parts[] = {
		{N_("travel"), k->travel}, {N_("cost"), k->cost},
		{N_("margin"), k->margin}, {N_("rounding"), k->rounding},
		{N_("price"), k->price},
	};
	for (size_t j = 0; j < sizeof parts / sizeof parts[0]; j++)
		dk_strbuf_printf(&b, "%s%s: %s\n", md ? "- " : "  ",
				 dk_tr(en, parts[j].label), money(parts[j].ore, m[0]));
	for (int s = 0; s < k->n_invoices; s++) {
		char term[16];
		dk_term_name(t, s, term, sizeof term);
		dk_strbuf_printf(&b, "%s%s %s: %s\n", md ? "- " : "  ",
				 dk_tr(en, "invoice"), term, money(k->invoices[s], m[0]));
	}
	if (r->buys) {
		dk_strbuf_printf(&b, "\n%s%s\n\n", h2,
				 dk_tr(en, "What each network's UP2 money buys"));
		for (size_t n = 0; n < r->nets->n; n++) {
			const dk_purchase *p = &r->buys[n];
			dk_strbuf_puts(&b, md ? "- " : "  ");
			put_text(&b, r->nets->items[n].name, md);
			dk_strbuf_printf(&b, ": %s kr: %lld %s", money(p->budget, m[0]),
					 (long long)p->basic,
					 dk_ntr(en, "basic package", "basic packages",
						(unsigned long)p->basic));
			for (size_t j = 0; j < t->n_packages; j++)
				if (t->packages[j].addon && p->addons[j]) {
					dk_strbuf_printf(&b, " + %lld ",
							 (long long)p->addons[j]);
					put_text(&b, t->packages[j].name, md);
				}
			dk_strbuf_puts(&b, ", ");
			dk_strbuf_printf(&b, dk_tr(en, "%s days, left %s"),
					 num4(p->days, m[1], en), money(p->left, m[2]));
			dk_strbuf_puts(&b, "\n");
		}
	}
	dk_strbuf_printf(&b, "\n%s%s\n\n", h2, dk_tr(en, "Findings"));
	dk_finding_lines(&b, &q->findings, NULL, en, md ? "- " : "  ", md);
	char *out = dk_strbuf_done(&b);
	return md ? out : dk_term_clean(out);
}

char *dk_price_csv(const dk_price_report *r, bool excel_nb)
{
	const dk_pricing *t = r->tpl;
	const dk_quotation *q = r->q;
	dk_strbuf b = {0};
	char d = excel_nb ? ';' : ',';
	const char *pt = excel_nb ? "," : ".";
	if (excel_nb)
		dk_strbuf_printf(&b, "\xEF\xBB\xBF");
	dk_strbuf_printf(
		&b,
		"package%cdays%cdelivered_hours%ccost%cfull_cost%cprice%cprice_per_day\r\n",
		d, d, d, d, d, d);
	for (size_t i = 0; i < q->n; i++) {
		const dk_quote_package *k = &q->pkgs[i];
		char v[6][48];
		dk_decimal_format(t->packages[i].days, 4, "", pt, v[0], 48);
		dk_decimal_format(k->delivered_e8 / 10000, 4, "", pt, v[1], 48);
		dk_decimal_format(k->cost, 2, "", pt, v[2], 48);
		dk_decimal_format(k->full_cost, 2, "", pt, v[3], 48);
		dk_decimal_format(k->price, 2, "", pt, v[4], 48);
		dk_decimal_format(k->price_per_day, 2, "", pt, v[5], 48);
		dk_csv_text(&b, t->packages[i].name, d);
		for (int c = 0; c < 6; c++)
			dk_strbuf_printf(&b, "%c%s", d, v[c]);
		dk_strbuf_printf(&b, "\r\n");
	}
	return dk_strbuf_done(&b);
}

/*
 * report_calibrate.c: `dekom calibrate` as a table, Markdown, CSV or JSON.
 *
 * The fit's figures are statistics (doubles from GSL), written with fixed
 * decimals: kroner with 2, λ (kroner per FTE) with 2, R² with 6,
 * standardised residuals with 2. Network names go out through
 * io/escape.h (a formula lead quoted in CSV, escaped in Markdown, control
 * characters made visible in the table).
 */
#include "io/report_calibrate.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/escape.h"
#include "io/i18n.h"
#include "io/json_out.h"
#include "io/table.h"
#include "models/numtext.h"

static void fixed(double v, int digits, bool comma, char *buf, size_t size)
{
	snprintf(buf, size, "%.*f", digits, v);
	if (strncmp(buf, "-0.", 3) == 0 && strspn(buf + 3, "0") == strlen(buf + 3))
		memmove(buf, buf + 1, strlen(buf));
	if (comma)
		for (char *p = buf; *p; p++)
			if (*p == '.')
				*p = ',';
}

/* Kroner rounded to whole, with digit groups, for people. */
static void kr_round(double v, char *buf, size_t size)
{
	dk_kr_format((dk_kr)llround(v), buf, size);
}

static cJSON *raw_fixed(double v, int digits)
{
	char buf[64];
	fixed(v, digits, false, buf, sizeof buf);
	return cJSON_CreateRaw(buf);
}

char *dk_calibration_json(const dk_calibration_report *r)
{
	const dk_calibration *c = r->calib;
	cJSON *root = cJSON_CreateObject(), *eng = cJSON_CreateObject(),
	      *fit = cJSON_CreateObject(), *arr = cJSON_CreateArray();
	int ok = root && dk_json_put(root, "engine", eng) &&
		dk_json_put(eng, "name", cJSON_CreateString("dekom")) &&
		dk_json_put(eng, "version", cJSON_CreateString(DEKOM_VERSION)) &&
		dk_json_put(root, "manifest", dk_manifest_cjson(r->report)) &&
		dk_json_put(root, "fit", fit) &&
		dk_json_put(fit, "base", raw_fixed(c->base, 2)) &&
		dk_json_put(fit, "lambda", raw_fixed(c->lambda, 4)) &&
		dk_json_put(fit, "se_base", raw_fixed(c->se_base, 2)) &&
		dk_json_put(fit, "se_lambda", raw_fixed(c->se_lambda, 4)) &&
		dk_json_put(fit, "r2", raw_fixed(c->r2, 6)) &&
		dk_json_put(fit, "sd", raw_fixed(c->sd, 2)) &&
		dk_json_put(fit, "networks_used", cJSON_CreateNumber((double)c->used)) &&
		dk_json_put(fit, "k", raw_fixed(c->k, 6)) &&
		dk_json_put(root, "networks", arr);
	for (size_t k = 0; ok && k < r->nets->n; k++) {
		const dk_network *n = &r->nets->items[k];
		cJSON *o = cJSON_CreateObject();
		ok = dk_json_push(arr, o) &&
			dk_json_put(o, "network", cJSON_CreateString(n->name)) &&
			dk_json_put(o, "previous",
				    dk_json_scaled(n->v[DK_COL_PREVIOUS], 0)) &&
			dk_json_put(o, "fte", dk_json_scaled(n->v[DK_COL_FTE], 2)) &&
			dk_json_put(o, "in_fit", cJSON_CreateBool(c->in_fit[k])) &&
			dk_json_put(o, "fitted", raw_fixed(c->fitted[k], 2)) &&
			dk_json_put(o, "residual", raw_fixed(c->residual[k], 2)) &&
			dk_json_put(o, "z", raw_fixed(c->residual[k] / c->sd, 2));
	}
	ok = ok &&
		dk_json_put(root, "findings",
			    dk_findings_cjson(&c->findings, r->nets, -1, NULL));
	char *out = ok ? cJSON_Print(root) : NULL;
	cJSON_Delete(root);
	return out;
}

char *dk_calibration_csv(const dk_calibration_report *r, bool excel_nb)
{
	const dk_calibration *c = r->calib;
	char delim = excel_nb ? ';' : ',';
	dk_strbuf b = {0};
	if (excel_nb)
		dk_strbuf_puts(&b, "\xEF\xBB\xBF");
	static const char *const head[] = {"network", "previous", "fte", "in_fit",
					   "fitted",  "residual", "z"};
	for (size_t i = 0; i < 7; i++) {
		if (i)
			dk_strbuf_add(&b, &delim, 1);
		dk_strbuf_puts(&b, head[i]);
	}
	dk_strbuf_puts(&b, "\r\n");
	for (size_t k = 0; k < r->nets->n; k++) {
		const dk_network *n = &r->nets->items[k];
		char prev[32], fte[32], fit[48], res[48], z[48];
		snprintf(prev, sizeof prev, "%lld", (long long)n->v[DK_COL_PREVIOUS]);
		dk_decimal_format(n->v[DK_COL_FTE], 2, "", excel_nb ? "," : ".", fte,
				  sizeof fte);
		fixed(c->fitted[k], 2, excel_nb, fit, sizeof fit);
		fixed(c->residual[k], 2, excel_nb, res, sizeof res);
		fixed(c->residual[k] / c->sd, 2, excel_nb, z, sizeof z);
		const char *cells[7] = {
			n->name, prev, fte, c->in_fit[k] ? "true" : "false", fit, res, z};
		for (size_t i = 0; i < 7; i++) {
			if (i)
				dk_strbuf_add(&b, &delim, 1);
			if (i == 0 || i == 3)
				dk_csv_text(&b, cells[i], delim);
			else
				dk_csv_field(&b, cells[i], delim);
		}
		dk_strbuf_puts(&b, "\r\n");
	}
	return dk_strbuf_done(&b);
}

/* The table and Markdown: the fit in words, the networks, the findings. */
char *dk_calibration_text(const dk_calibration_report *r, bool md)
{
	const dk_calibration *c = r->calib;
	bool en = r->report->english;
	const char *bullet = md ? "- " : "  ";
	dk_strbuf b = {0};
	char t1[48], t2[48], t3[48], t4[48];
	dk_strbuf_printf(&b, "%s%s\n\n", md ? "# " : "",
			 dk_tr(en, "Calibration: last year ≈ B + λ · teacher FTE"));
	kr_round(c->base, t1, sizeof t1);
	kr_round(c->se_base, t2, sizeof t2);
	dk_strbuf_printf(&b, "%sB = %s kr (%s %s)\n", bullet, t1,
			 dk_tr(en, "standard error"), t2);
	fixed(c->lambda, 2, !en, t1, sizeof t1);
	fixed(c->se_lambda, 2, !en, t2, sizeof t2);
	dk_strbuf_printf(&b, "%sλ = %s kr %s (%s %s)\n", bullet, t1, dk_tr(en, "per FTE"),
			 dk_tr(en, "standard error"), t2);
	fixed(c->r2, 4, !en, t1, sizeof t1);
	dk_strbuf_printf(&b, "%sR² = %s\n", bullet, t1);
	kr_round(c->sd, t1, sizeof t1);
	fixed(c->k, 1, !en, t2, sizeof t2);
	dk_strbuf_puts(&b, bullet);
	dk_strbuf_printf(&b,
			 dk_tr(en,
			       "residual standard deviation %s kr; %zu of %zu networks "
			       "fitted; a deviation above %s sd is a finding"),
			 t1, c->used, c->n, t2);
	dk_strbuf_puts(&b, "\n");
	dk_strbuf_puts(&b, "\n");
	static const char *const head[] = {N_("Network"),   N_("Previous"),
					   N_("FTE"),       N_("Key"),
					   N_("Deviation"), N_("Deviation in sd")};
	const char *h[6];
	for (size_t i = 0; i < 6; i++)
		h[i] = dk_tr(en, head[i]);
	dk_table tab;
	bool ok = dk_table_init(&tab, 6) == DK_OK;
	for (size_t i = 1; ok && i < 6; i++)
		tab.right[i] = true;
	if (md) {
		dk_strbuf_puts(&b, "|");
		for (size_t i = 0; i < 6; i++)
			dk_strbuf_printf(&b, " %s |", h[i]);
		dk_strbuf_puts(&b, "\n|---|---:|---:|---:|---:|---:|\n");
	} else if (ok) {
		ok = dk_table_row(&tab, h) == DK_OK;
	}
	for (size_t k = 0; ok && k < r->nets->n; k++) {
		const dk_network *n = &r->nets->items[k];
		dk_kr_format(n->v[DK_COL_PREVIOUS], t1, sizeof t1);
		dk_decimal_format(n->v[DK_COL_FTE], 2, " ", en ? "." : ",", t2,
				  sizeof t2);
		kr_round(c->fitted[k], t3, sizeof t3);
		kr_round(c->residual[k], t4, sizeof t4);
		char z[48];
		if (c->in_fit[k])
			fixed(c->residual[k] / c->sd, 2, !en, z, sizeof z);
		else
			snprintf(z, sizeof z, "%s", dk_tr(en, "(not fitted)"));
		const char *cells[6] = {n->name, t1, t2, t3, t4, z};
		if (md) {
			dk_strbuf_puts(&b, "| ");
			dk_md_text(&b, cells[0]);
			for (size_t i = 1; i < 6; i++)
				dk_strbuf_printf(&b, " | %s", cells[i]);
			dk_strbuf_puts(&b, " |\n");
		} else {
			ok = dk_table_row(&tab, cells) == DK_OK;
		}
	}
	if (ok && !md) {
		char *s = dk_table_render(&tab);
		if (s)
			dk_strbuf_puts(&b, s);
		else
			b.oom = 1;
		free(s);
	}
	if (!ok)
		b.oom = 1;
	dk_table_release(&tab);
	if (md)
		dk_strbuf_printf(&b, "\n## %s\n\n", dk_tr(en, "Findings"));
	else
		dk_strbuf_printf(&b, "\n%s\n", dk_tr(en, "Findings:"));
	dk_finding_lines(&b, &c->findings, r->nets, en, bullet, md);
	char *out = dk_strbuf_done(&b);
	return md ? out : dk_term_clean(out);
}

/*
 * report_diff.c: `dekom diff` as JSON or as a table (see report_diff.h).
 * Changes in percent are exact (two decimals, rounded half away from zero)
 * and null where the old amount is 0 or missing. The table shows names and
 * messages read from the two files, so it is cleaned of control characters
 * as a whole (io/escape.h) before it reaches a terminal.
 */
#include "io/report_diff.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/exact.h"
#include "io/escape.h"
#include "io/i18n.h"
#include "io/json_out.h"
#include "io/report.h"
#include "io/strbuf.h"
#include "io/table.h"
#include "models/columns.h"
#include "models/finding.h"
#include "models/recommendation.h"
#include "models/numtext.h"

static const char *change(const char *before, const char *after)
{
	if (!before || !after || strcmp(before, after) == 0)
		return "";
	if (strcmp(after, "capped") == 0)
		return "newly capped";
	if (strcmp(after, "floored") == 0)
		return "newly floored";
	return strcmp(before, "capped") == 0 ? "no longer capped" : "no longer floored";
}

static cJSON *amount_or_null(bool has, dk_kr v)
{
	return has ? dk_json_scaled(v, 0) : cJSON_CreateNull();
}

static cJSON *pair(bool has_old, dk_kr old, bool has_new, dk_kr new)
{
	cJSON *o = cJSON_CreateObject();
	if (o && dk_json_put(o, "old", amount_or_null(has_old, old)) &&
	    dk_json_put(o, "new", amount_or_null(has_new, new)) &&
	    dk_json_put(o, "delta", amount_or_null(has_old && has_new, new - old)))
		return o;
	cJSON_Delete(o);
	return NULL;
}

static cJSON *side(const char *name, const dk_rec_file *f)
{
	cJSON *o = cJSON_CreateObject();
	if (o && dk_json_put(o, "path", cJSON_CreateString(name)) &&
	    dk_json_put(o, "version",
			f->version ? cJSON_CreateString(f->version)
				   : cJSON_CreateNull()) &&
	    dk_json_put(o, "method",
			f->method ? cJSON_CreateString(f->method) : cJSON_CreateNull()))
		return o;
	cJSON_Delete(o);
	return NULL;
}

static cJSON *findings(const dk_rec_file *f, const long *idx, size_t n)
{
	cJSON *arr = cJSON_CreateArray();
	for (size_t i = 0; arr && i < n; i++) {
		const dk_rec_finding *x = &f->findings[idx[i]];
		cJSON *o = cJSON_CreateObject();
		if (!dk_json_push(arr, o) ||
		    !dk_json_put(o, "check", cJSON_CreateString(x->check)) ||
		    !dk_json_put(o, "severity", cJSON_CreateString(x->severity)) ||
		    !dk_json_put(o, "network", cJSON_CreateString(x->network)) ||
		    !dk_json_put(o, "field",
				 x->field ? cJSON_CreateString(x->field)
					  : cJSON_CreateNull()) ||
		    !dk_json_put(o, "message", cJSON_CreateString(x->message)) ||
		    (x->message_nb &&
		     !dk_json_put(o, "message_nb", cJSON_CreateString(x->message_nb)))) {
			cJSON_Delete(arr);
			return NULL;
		}
	}
	return arr;
}

static void pct(const dk_rec_network *o, const dk_rec_network *n, char *buf, size_t size)
{
	buf[0] = '\0';
	if (o && n && o->has_recommended && n->has_recommended && o->recommended > 0)
		dk_ratio_str((dk_i128)(n->recommended - o->recommended) * 100,
			     o->recommended, 2, buf, size);
}

char *dk_diff_json(const dk_diff_report *r)
{
	cJSON *root = dk_diff_cjson(r);
	char *out = root ? cJSON_Print(root) : NULL;
	cJSON_Delete(root);
	return out;
}

cJSON *dk_diff_cjson(const dk_diff_report *r)
{
	const dk_rec_file *a = r->old, *b = r->new;
	const dk_diff *d = r->diff;
	cJSON *root = cJSON_CreateObject(), *eng = cJSON_CreateObject(),
	      *fr = cJSON_CreateObject(), *nets = cJSON_CreateArray(),
	      *inputs = cJSON_CreateArray();
	int ok = root && dk_json_put(root, "engine", eng) &&
		dk_json_put(eng, "name", cJSON_CreateString("dekom")) &&
		dk_json_put(eng, "version", cJSON_CreateString(DEKOM_VERSION)) &&
		dk_json_put(root, "old", side(r->old_name, a)) &&
		dk_json_put(root, "new", side(r->new_name, b)) &&
		dk_json_put(root, "method_changed",
			    cJSON_CreateBool(d->method_changed)) &&
		dk_json_put(root, "inputs_changed", inputs);
	for (size_t i = 0; ok && i < d->n_inputs_changed; i++) {
		const dk_rec_input *in = &a->inputs[d->inputs_changed[i]];
		cJSON *o = cJSON_CreateObject();
		ok = dk_json_push(inputs, o) &&
			dk_json_put(o, "role", cJSON_CreateString(in->role)) &&
			dk_json_put(o, "path", cJSON_CreateString(in->path));
	}
	ok = ok && dk_json_put(root, "frame", fr) &&
		dk_json_put(fr, "total",
			    pair(a->has_total, a->total, b->has_total, b->total)) &&
		dk_json_put(fr, "prorata", pair(true, a->prorata, true, b->prorata)) &&
		dk_json_put(fr, "direct", pair(true, a->direct, true, b->direct)) &&
		dk_json_put(fr, "unused",
			    pair(a->has_unused, a->unused, b->has_unused, b->unused)) &&
		dk_json_put(root, "networks", nets);
	size_t line = 0;
	for (size_t i = 0; ok && i < d->n_networks; i++) {
		const dk_rec_network *o =
			d->networks[i].old >= 0 ? &a->networks[d->networks[i].old] : NULL;
		const dk_rec_network *n =
			d->networks[i].new >= 0 ? &b->networks[d->networks[i].new] : NULL;
		bool ho = o && o->has_recommended, hn = n && n->has_recommended;
		char p[48];
		pct(o, n, p, sizeof p);
		cJSON *e = cJSON_CreateObject();
		ok = dk_json_push(nets, e) &&
			dk_json_put(e, "network",
				    cJSON_CreateString(n ? n->name : o->name)) &&
			dk_json_put(e, "in",
				    cJSON_CreateString(o && n      ? "both"
							       : n ? "new"
								   : "old")) &&
			dk_json_put(e, "old",
				    amount_or_null(ho, ho ? o->recommended : 0)) &&
			dk_json_put(e, "new",
				    amount_or_null(hn, hn ? n->recommended : 0)) &&
			dk_json_put(
				e, "delta",
				amount_or_null(ho && hn,
					       hn && ho ? n->recommended - o->recommended
							: 0)) &&
			dk_json_put(e, "delta_pct",
				    p[0] ? cJSON_CreateRaw(p) : cJSON_CreateNull()) &&
			dk_json_put(e, "old_state",
				    o && o->state ? cJSON_CreateString(o->state)
						  : cJSON_CreateNull()) &&
			dk_json_put(e, "new_state",
				    n && n->state ? cJSON_CreateString(n->state)
						  : cJSON_CreateNull()) &&
			dk_json_put(e, "change",
				    cJSON_CreateString(change(o ? o->state : NULL,
							      n ? n->state : NULL))) &&
			dk_json_put(e, "need",
				    pair(o != NULL, o ? o->need : 0, n != NULL,
					 n ? n->need : 0)) &&
			dk_json_put(e, "previous",
				    pair(o != NULL, o ? o->previous : 0, n != NULL,
					 n ? n->previous : 0));
		/* the budget lines that changed (files with budget lines) */
		cJSON *lines = cJSON_CreateArray();
		ok = ok && dk_json_put(e, "budget_changes", lines);
		/* the lines are in the networks' order: one pass over them */
		for (; ok && line < d->n_lines && d->lines[line].network <= i; line++) {
			const dk_diff_line *l = &d->lines[line];
			if (l->network != i)
				continue;
			cJSON *x = cJSON_CreateObject();
			ok = dk_json_push(lines, x) &&
				dk_json_put(x, "line", cJSON_CreateString(l->line)) &&
				dk_json_put(x, "old",
					    amount_or_null(l->has_old, l->old)) &&
				dk_json_put(x, "new",
					    amount_or_null(l->has_new, l->new)) &&
				dk_json_put(x, "delta",
					    dk_json_scaled(l->new - l->old, 0));
		}
	}
	ok = ok &&
		dk_json_put(root, "findings_added", findings(b, d->added, d->n_added)) &&
		dk_json_put(root, "findings_resolved",
			    findings(a, d->resolved, d->n_resolved));
	if (!ok) {
		cJSON_Delete(root);
		return NULL;
	}
	return root;
}

/* The schemes of two combined recommendations: new's order, then those
 * only in old; each pair's diff when both have it. */
char *dk_diff_sets_json(const dk_diff_sets *r)
{
	cJSON *root = cJSON_CreateObject(), *eng = cJSON_CreateObject(),
	      *arr = cJSON_CreateArray();
	int ok = root && dk_json_put(root, "engine", eng) &&
		dk_json_put(eng, "name", cJSON_CreateString("dekom")) &&
		dk_json_put(eng, "version", cJSON_CreateString(DEKOM_VERSION)) &&
		dk_json_put(root, "old", cJSON_CreateString(r->old_name)) &&
		dk_json_put(root, "new", cJSON_CreateString(r->new_name)) &&
		dk_json_put(root, "schemes", arr);
	for (size_t k = 0; ok && k < r->n; k++) {
		const dk_diff_scheme *x = &r->schemes[k];
		cJSON *e = cJSON_CreateObject();
		ok = dk_json_push(arr, e) &&
			dk_json_put(e, "scheme", cJSON_CreateString(x->id)) &&
			dk_json_put(
				e, "in",
				cJSON_CreateString(x->report.old && x->report.new ? "both"
							   : x->report.new        ? "new"
									   : "old")) &&
			dk_json_put(e, "diff",
				    x->report.old && x->report.new
					    ? dk_diff_cjson(&x->report)
					    : cJSON_CreateNull());
	}
	char *out = ok ? cJSON_Print(root) : NULL;
	cJSON_Delete(root);
	return out;
}

char *dk_diff_sets_table(const dk_diff_sets *r)
{
	bool en = r->english;
	dk_strbuf s = {0};
	for (size_t k = 0; k < r->n; k++) {
		const dk_diff_scheme *x = &r->schemes[k];
		dk_strbuf_printf(&s, "%s%s %s\n\n", k ? "\n" : "", dk_tr(en, "Scheme"),
				 x->id);
		if (x->report.old && x->report.new) {
			char *t = dk_diff_table(&x->report);
			if (!t) {
				s.oom = 1;
				break;
			}
			dk_strbuf_puts(&s, t);
			free(t);
		} else {
			dk_strbuf_printf(&s, "  %s\n",
					 x->report.new
						 ? dk_tr(en, "only in the new file")
						 : dk_tr(en, "only in the old file"));
		}
	}
	return dk_term_clean(dk_strbuf_done(&s));
}

/* A budget line's name for people: the column's label ("Koordinator"),
 * or the institution's id for "uh:NTNU". */
static const char *line_label(const char *line, bool en)
{
	if (strncmp(line, "uh:", 3) == 0)
		return line + 3;
	const dk_column_def *cols = dk_columns();
	for (int c = 0; c < DK_COL_COUNT; c++)
		if (strcmp(cols[c].name, line) == 0)
			return en ? cols[c].label_en : cols[c].label_nb;
	return line;
}

static void kr_or_dash(bool has, dk_kr v, char *buf, size_t size);
static void signed_kr(dk_kr v, char *buf, size_t size);

/* "Budget lines changed:" and a line per change, "Fosen, Koordinator: 0 ->
 * 750 000 (+750 000)"; nothing when none changed. */
static void budget_lines(dk_strbuf *s, const dk_rec_file *b, const dk_diff *d, bool en)
{
	if (d->n_lines == 0)
		return;
	dk_strbuf_printf(s, "\n%s\n", dk_tr(en, "Budget lines changed:"));
	for (size_t k = 0; k < d->n_lines; k++) {
		const dk_diff_line *l = &d->lines[k];
		const dk_diff_pair *p = &d->networks[l->network];
		const char *name = b->networks[p->new].name;
		char o[40], n[40], dd[48];
		kr_or_dash(l->has_old, l->old, o, sizeof o);
		kr_or_dash(l->has_new, l->new, n, sizeof n);
		signed_kr(l->new - l->old, dd, sizeof dd);
		dk_strbuf_printf(s, "  %s, %s: %s -> %s (%s)\n", name,
				 line_label(l->line, en), o, n, dd);
	}
}

static void kr_or_dash(bool has, dk_kr v, char *buf, size_t size)
{
	if (has)
		dk_kr_format(v, buf, size);
	else
		snprintf(buf, size, "-");
}

static void signed_kr(dk_kr v, char *buf, size_t size)
{
	char t[32];
	dk_kr_format(v < 0 ? -v : v, t, sizeof t);
	snprintf(buf, size, "%s%s", v > 0 ? "+" : v < 0 ? "-" : "", t);
}

/* A state as read ("capped") in words for people ("tak"). */
static const char *state_word(const char *state, bool en)
{
	dk_state s;
	if (!state)
		return "";
	return dk_state_parse(state, &s) ? dk_state_label(s, en) : state;
}

static void finding_list(dk_strbuf *b, const dk_rec_file *f, const long *idx, size_t n,
			 bool en)
{
	if (n == 0)
		dk_strbuf_printf(b, "  %s\n", dk_tr(en, "none"));
	for (size_t i = 0; i < n; i++) {
		const dk_rec_finding *x = &f->findings[idx[i]];
		dk_severity sv;
		const char *s = dk_severity_parse(x->severity, &sv)
			? dk_severity_label(sv, en)
			: x->severity;
		/* a check this dekom knows by its title; one from a newer dekom
		 * by its id */
		int c = dk_check_find(x->check);
		const char *title = c >= 0 ? dk_check_title((dk_check_id)c, en)
					   : x->check;
		dk_strbuf_printf(b, "  %s %s%s%s: %s\n", s, title,
				 x->network[0] ? ", " : "", x->network,
				 !en && x->message_nb ? x->message_nb : x->message);
	}
}

char *dk_diff_table(const dk_diff_report *r)
{
	const dk_rec_file *a = r->old, *b = r->new;
	const dk_diff *d = r->diff;
	bool en = r->english;
	dk_strbuf s = {0};
	dk_strbuf_printf(&s, dk_tr(en, "From %s to %s"), r->old_name, r->new_name);
	dk_strbuf_puts(&s, "\n\n");
	if (d->method_changed)
		dk_strbuf_printf(&s, "  %s: %s -> %s\n", dk_tr(en, "method"),
				 a->method ? a->method : "-",
				 b->method ? b->method : "-");
	for (size_t i = 0; i < d->n_inputs_changed; i++) {
		dk_strbuf_puts(&s, "  ");
		dk_strbuf_printf(&s, dk_tr(en, "input changed: %s (%s)"),
				 a->inputs[d->inputs_changed[i]].role,
				 a->inputs[d->inputs_changed[i]].path);
		dk_strbuf_puts(&s, "\n");
	}
	struct {
		const char *label;
		bool ho, hn;
		dk_kr o, n;
	} rows[] = {
		{dk_trc(en, "frame", "Total"), a->has_total, b->has_total, a->total,
		 b->total},
		{dk_tr(en, "Pro-rata frame"), true, true, a->prorata, b->prorata},
		{dk_tr(en, "Direct transfer"), true, true, a->direct, b->direct},
		{dk_tr(en, "Not allocated"), a->has_unused, b->has_unused, a->unused,
		 b->unused},
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		char o[40], n[40], dd[48] = "";
		kr_or_dash(rows[i].ho, rows[i].o, o, sizeof o);
		kr_or_dash(rows[i].hn, rows[i].n, n, sizeof n);
		if (rows[i].ho && rows[i].hn && rows[i].n != rows[i].o) {
			char t[36];
			signed_kr(rows[i].n - rows[i].o, t, sizeof t);
			snprintf(dd, sizeof dd, " (%s)", t);
		}
		dk_strbuf_printf(&s, "  %s: %s -> %s%s\n", rows[i].label, o, n, dd);
	}
	dk_strbuf_puts(&s, "\n");
	static const char *const head[] = {N_("Network"),  N_("Need before"),
					   N_("Need now"), N_("Before"),
					   N_("Now"),      N_("Change"),
					   N_("Change %"), N_("State")};
	const char *h[8];
	for (size_t c = 0; c < 8; c++)
		h[c] = dk_tr(en, head[c]);
	dk_table t;
	int ok = dk_table_init(&t, 8) == DK_OK;
	for (size_t c = 1; ok && c < 7; c++)
		t.right[c] = true;
	ok = ok && dk_table_row(&t, h) == DK_OK;
	for (size_t i = 0; ok && i < d->n_networks; i++) {
		const dk_rec_network *o =
			d->networks[i].old >= 0 ? &a->networks[d->networks[i].old] : NULL;
		const dk_rec_network *n =
			d->networks[i].new >= 0 ? &b->networks[d->networks[i].new] : NULL;
		bool ho = o && o->has_recommended, hn = n && n->has_recommended;
		char no[40], nn[40], ro[40], rn[40], dd[48] = "", p[48] = "", st[80];
		kr_or_dash(o != NULL, o ? o->need : 0, no, sizeof no);
		kr_or_dash(n != NULL, n ? n->need : 0, nn, sizeof nn);
		kr_or_dash(ho, ho ? o->recommended : 0, ro, sizeof ro);
		kr_or_dash(hn, hn ? n->recommended : 0, rn, sizeof rn);
		if (ho && hn)
			signed_kr(n->recommended - o->recommended, dd, sizeof dd);
		pct(o, n, p, sizeof p);
		if (p[0] && !en)
			for (char *q = p; *q; q++)
				if (*q == '.')
					*q = ',';
		const char *so = state_word(o ? o->state : NULL, en);
		const char *sn = state_word(n ? n->state : NULL, en);
		if (!o || !n)
			snprintf(st, sizeof st, "%s",
				 !o ? dk_tr(en, "only new") : dk_tr(en, "only old"));
		else if (strcmp(so, sn) != 0)
			snprintf(st, sizeof st, "%s -> %s", so, sn);
		else
			snprintf(st, sizeof st, "%s", sn);
		const char *cells[8] = {n ? n->name : o->name, no, nn, ro, rn, dd, p, st};
		ok = dk_table_row(&t, cells) == DK_OK;
	}
	char *tab = ok ? dk_table_render(&t) : NULL;
	dk_table_release(&t);
	if (!tab) {
		free(dk_strbuf_done(&s));
		return NULL;
	}
	dk_strbuf_puts(&s, tab);
	free(tab);
	dk_strbuf_printf(&s, "\n%s\n", dk_tr(en, "New findings:"));
	finding_list(&s, b, d->added, d->n_added, en);
	dk_strbuf_printf(&s, "\n%s\n", dk_tr(en, "Findings no longer there:"));
	finding_list(&s, a, d->resolved, d->n_resolved, en);
	budget_lines(&s, b, d, en);
	return dk_term_clean(dk_strbuf_done(&s));
}

/*
 * report_json.c: `recommend -f json` and `check -f json` (CLI.md, "JSON
 * output of recommend"). Numbers go out as exact decimal text through
 * cJSON_CreateRaw. Nothing here reads a clock: equal inputs give
 * byte-identical output.
 */
#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/exact.h"
#include "io/canonical.h"
#include "io/finding_text.h"
#include "io/json_out.h"
#include "io/report.h"
#include "io/strbuf.h"
#include "models/numtext.h"

cJSON *dk_lambda_cjson(dk_i128 num, dk_i128 den, int64_t scale)
{
	dk_lambda_text t;
	dk_lambda_format(num, den, scale, false, true, &t);
	cJSON *l = cJSON_CreateObject();
	if (l && dk_json_put(l, "decimal", cJSON_CreateString(t.decimal)) &&
	    dk_json_put(l, "numerator", cJSON_CreateString(t.num)) &&
	    dk_json_put(l, "denominator", cJSON_CreateString(t.den)))
		return l;
	cJSON_Delete(l);
	return NULL;
}

static cJSON *raw_share(dk_i128 num, dk_i128 den)
{
	char buf[64];
	if (den == 0)
		return cJSON_CreateNull();
	dk_share_str(num, den, buf, sizeof buf);
	return cJSON_CreateRaw(buf);
}

static cJSON *findings_array(const dk_report *r)
{
	return dk_findings_cjson(&r->rec->findings, r->nets, -1, NULL);
}

/* One finding as a JSON object (with its package's name when package ≥ 0). */
/* One finding as an object (with its package's name when package ≥ 0). */
static void finding_jw(dk_jw *w, const char *key, const dk_finding *x,
		       const dk_networks *nets, long package, const char *package_name)
{
	dk_jw_open(w, key);
	dk_jw_string(w, "check", dk_checks()[x->check].name);
	dk_jw_string(w, "severity", dk_severity_name(x->severity));
	dk_jw_string(w, "network",
		     x->network >= 0 && nets ? nets->items[x->network].name : "");
	if (x->field)
		dk_jw_string(w, "field", x->field);
	else
		dk_jw_null(w, "field");
	static const char *const keys[] = {"expected", "actual", "difference"};
	const int64_t nums[] = {x->expected, x->actual, x->difference};
	for (int i = 0; i < 3; i++) {
		if (x->has_numbers)
			dk_jw_scaled(w, keys[i], nums[i], x->scale);
		else
			dk_jw_null(w, keys[i]);
	}
	/* rendered here when the findings were not rendered before (a
	 * streamed recommendation keeps no sentences) */
	char text[DK_FINDING_TEXT_MAX];
	dk_jw_string(w, "message", dk_finding_sentence(x, true, text));
	dk_jw_string(w, "message_nb", dk_finding_sentence(x, false, text));
	if (package >= 0)
		dk_jw_string(w, "package", package_name);
	dk_jw_close(w);
}

static cJSON *finding_cjson(const dk_finding *x, const dk_networks *nets, long package,
			    const char *package_name)
{
	dk_jw w;
	dk_jw_tree(&w);
	finding_jw(&w, NULL, x, nets, package, package_name);
	return dk_jw_tree_done(&w);
}

cJSON *dk_findings_cjson(const dk_findings *f, const dk_networks *nets, long package,
			 const char *package_name)
{
	cJSON *arr = cJSON_CreateArray();
	for (size_t i = 0; arr && i < f->n; i++) {
		const dk_finding *x = &f->items[i];
		if (x->package != package)
			continue;
		if (!dk_json_push(arr, finding_cjson(x, nets, package, package_name))) {
			cJSON_Delete(arr);
			return NULL;
		}
	}
	return arr;
}

cJSON *dk_manifest_cjson(const dk_report *r)
{
	const dk_plan *p = r->plan;
	cJSON *m = cJSON_CreateObject(), *inputs = cJSON_CreateArray();
	if (!dk_json_put(m, "inputs", inputs))
		goto fail;
	for (size_t i = 0; i < r->n_inputs; i++) {
		char hex[65];
		cJSON *o = cJSON_CreateObject();
		dk_input_sha256(r->inputs[i].in, hex);
		if (!dk_json_push(inputs, o) ||
		    !dk_json_put(o, "role", cJSON_CreateString(r->inputs[i].role)) ||
		    !dk_json_put(o, "path", cJSON_CreateString(r->inputs[i].in->name)) ||
		    !dk_json_put(o, "sha256", cJSON_CreateString(hex)))
			goto fail;
	}
	cJSON *par = cJSON_CreateObject();
	if (!dk_json_put(m, "method", cJSON_CreateString(dk_method_name(p->method))) ||
	    !dk_json_put(m, "parameters", par))
		goto fail;
	int ok = 1;
	if (p->method == DK_METHOD_PRORATA) {
		if (p->has_base_share)
			ok &= dk_json_put(par, "base_share",
					  dk_json_scaled(p->base_share, 6));
		else
			ok &= dk_json_put(par, "base_grant",
					  dk_json_int(p->has_base_grant ? p->base_grant
									: 0));
		ok &= dk_json_put(par, "floor_previous",
				  dk_json_scaled(p->floor_previous, 6));
		ok &= dk_json_put(par, "cap_at_need", cJSON_CreateBool(p->cap_at_need));
	}
	ok &= dk_json_put(par, "surplus",
			  cJSON_CreateString(p->surplus_reserve ? "reserve"
								: "redistribute"));
	ok &= dk_json_put(par, "rounding", dk_json_int(p->rounding));
	ok &= dk_json_put(par, "direct_split",
			  cJSON_CreateString(dk_split_name(p->split)));
	if (p->split == DK_SPLIT_BY_UP1)
		ok &= dk_json_put(par, "direct_weight",
				  cJSON_CreateString(p->up1_weight == DK_UP1_WEIGHT_FTE
							     ? "fte"
							     : "network"));
	if (!ok)
		goto fail;
	return m;
fail:
	cJSON_Delete(m);
	return NULL;
}

static void criteria(dk_jw *w, const dk_report *r, size_t k)
{
	static const dk_column judged[] = {DK_COL_LOCALLY_ANCHORED,
					   DK_COL_COLLECTIVE_LEARNING,
					   DK_COL_UH_PARTNERSHIP};
	const dk_network *n = &r->nets->items[k];
	const dk_rec_row *row = &r->rec->rows[k];
	dk_jw_open(w, "criteria");
	for (size_t j = 0; j < 3; j++) {
		dk_column c = judged[j];
		if (dk_network_has(n, c))
			dk_jw_string(w, dk_column_get(c)->name,
				     dk_judgement_name((dk_judgement)n->v[c]));
		else
			dk_jw_null(w, dk_column_get(c)->name);
	}
	/* computed by the engine: UH identified, reasonable UH share,
	 * limited coordinator */
	static const char *const computed[] = {"uh_identified", "reasonable_uh_share",
					       "limited_coordinator"};
	const int v[] = {row->uh_identified, row->reasonable_uh_share,
			 row->limited_coordinator};
	for (size_t j = 0; j < 3; j++) {
		if (v[j] == DK_JUDGE_BLANK)
			dk_jw_null(w, computed[j]);
		else
			dk_jw_string(w, computed[j],
				     dk_judgement_name((dk_judgement)v[j]));
	}
	dk_jw_close(w);
}

/* The network's budget lines as reported (the inputs, not the recommended
 * amount's split): self-financing, own share, coordinator, each
 * university's UP2 and UP2 not yet given to one. `dekom diff` compares
 * them. */
static void budget(dk_jw *w, const dk_report *r, size_t k)
{
	const dk_network *n = &r->nets->items[k];
	const dk_plan *p = r->plan;
	dk_jw_open(w, "budget");
	dk_jw_int(w, "self_financing", n->v[DK_COL_SELF_FINANCING]);
	dk_jw_int(w, "own", n->v[DK_COL_OWN]);
	dk_jw_int(w, "coordinator", n->v[DK_COL_COORDINATOR]);
	dk_jw_open(w, "uh");
	for (size_t i = 0; i < p->n_institutions; i++)
		dk_jw_int(w, p->institutions[i].id, n->uh[i]);
	dk_jw_close(w);
	dk_jw_int(w, "uh_other", n->v[DK_COL_UH_OTHER]);
	dk_jw_close(w);
}

/* Network k as an object: a member named key, or an array's item (NULL). */
static void network_jw(dk_jw *w, const char *key, const dk_report *r, size_t k)
{
	const dk_network *n = &r->nets->items[k];
	const dk_rec_row *row = &r->rec->rows[k];
	const dk_plan *p = r->plan;
	bool produced = r->rec->produced;
	dk_jw_open(w, key);
	dk_jw_string(w, "network", n->name);
	dk_jw_int(w, "previous", n->v[DK_COL_PREVIOUS]);
	dk_jw_int(w, "need", n->v[DK_COL_NEED]);
	dk_jw_scaled(w, "fte", n->v[DK_COL_FTE], 2);
	budget(w, r, k);
	if (produced) {
		dk_jw_int(w, "recommended", row->amount);
		dk_jw_string(w, "state", dk_state_name(row->state));
		dk_jw_open(w, "components");
		dk_jw_int(w, "own", row->own);
		dk_jw_int(w, "coordinator", row->coordinator);
		dk_jw_open(w, "uh");
		for (size_t i = 0; i < p->n_institutions; i++)
			dk_jw_int(w, p->institutions[i].id, row->uh[i]);
		dk_jw_close(w);
		dk_jw_int(w, "uh_other", row->uh_other);
		dk_jw_int(w, "unspecified", row->unspecified);
		dk_jw_close(w);
		dk_i128 uhs = row->uh_other;
		for (size_t i = 0; i < p->n_institutions; i++)
			uhs += row->uh[i];
		if (row->amount > 0) {
			char buf[64];
			dk_share_str(uhs, row->amount, buf, sizeof buf);
			dk_jw_raw(w, "uh_share", buf);
		} else {
			dk_jw_null(w, "uh_share");
		}
	} else {
		dk_jw_null(w, "recommended");
		dk_jw_null(w, "state");
		dk_jw_null(w, "components");
		dk_jw_null(w, "uh_share");
	}
	if (p->n_decisions > 0) {
		if (row->method_amount >= 0)
			dk_jw_int(w, "method_amount", row->method_amount);
		else
			dk_jw_null(w, "method_amount");
		if (row->decision >= 0) {
			const dk_decision *x = &p->decisions[row->decision];
			dk_jw_open(w, "decision");
			dk_jw_int(w, "amount", x->amount);
			dk_jw_string(w, "reason", x->reason);
			dk_jw_close(w);
		} else {
			dk_jw_null(w, "decision");
		}
	}
	criteria(w, r, k);
	dk_jw_close(w);
}

static cJSON *network(const dk_report *r, size_t k)
{
	dk_jw w;
	dk_jw_tree(&w);
	network_jw(&w, NULL, r, k);
	return dk_jw_tree_done(&w);
}

/* Where the networks and the findings go in the printed skeleton: raw
 * values, which cJSON prints as they are. A name or a message holding
 * either byte is printed escaped (\u0001), so they appear nowhere else. */
#define NETWORKS_SLOT "\x01"
#define FINDINGS_SLOT "\x02"

static cJSON *report_root(const dk_report *r, bool slots);

/* Appends the networks (or the findings) as the items of an array that is
 * a member of the root, written straight as text in cJSON_Print's layout
 * (dk_jw at depth 2, ", " between items): the bytes cJSON_Print of the
 * whole tree gives, without a tree. */
static int put_items(dk_strbuf *b, const dk_report *r, bool findings)
{
	const dk_findings *f = &r->rec->findings;
	size_t n = findings ? f->n : r->rec->n, put = 0;
	for (size_t k = 0; k < n; k++) {
		if (b->oom)
			return 0; /* the output failed: stop building */
		if (findings && f->items[k].package != -1)
			continue;
		if (put++)
			dk_strbuf_add(b, ", ", 2);
		dk_jw w;
		dk_jw_text(&w, b, 2);
		if (findings)
			finding_jw(&w, NULL, &f->items[k], r->nets, -1, NULL);
		else
			network_jw(&w, NULL, r, k);
		if (w.failed)
			return 0;
	}
	return 1;
}

/* The recommendation as JSON, the same bytes as cJSON_Print of
 * dk_report_cjson: the parts that grow with the networks are printed one
 * network and one finding at a time into the skeleton of the rest. */
int dk_report_json_into(const dk_report *r, dk_strbuf *b)
{
	cJSON *root = report_root(r, true);
	char *skel = root ? cJSON_Print(root) : NULL;
	cJSON_Delete(root);
	if (!skel)
		return -1;
	int ok = 1;
	const char *p = skel;
	for (const char *slot; ok && (slot = strpbrk(p, NETWORKS_SLOT FINDINGS_SLOT));
	     p = slot + 1) {
		dk_strbuf_add(b, p, (size_t)(slot - p));
		ok = put_items(b, r, *slot == FINDINGS_SLOT[0]);
	}
	if (ok) /* after a failure, nothing more: no rest of the skeleton */
		dk_strbuf_puts(b, p);
	free(skel);
	return ok && !b->oom ? 0 : -1;
}

char *dk_report_json(const dk_report *r)
{
	dk_strbuf b = {0};
	if (dk_report_json_into(r, &b) != 0)
		b.oom = 1; /* dk_strbuf_done frees it and returns NULL */
	return dk_strbuf_done(&b);
}

cJSON *dk_report_cjson(const dk_report *r)
{
	return report_root(r, false);
}

/* The recommendation's tree; with slots, the networks and the findings are
 * each one raw placeholder (none when there are none). */
static cJSON *report_root(const dk_report *r, bool slots)
{
	const dk_recommendation *rec = r->rec;
	const dk_plan *p = r->plan;
	cJSON *root = cJSON_CreateObject();
	cJSON *eng = cJSON_CreateObject();
	int ok = root && dk_json_put(root, "engine", eng) &&
		dk_json_put(eng, "name", cJSON_CreateString("dekom")) &&
		dk_json_put(eng, "version", cJSON_CreateString(DEKOM_VERSION)) &&
		dk_json_put(root, "manifest", dk_manifest_cjson(r)) &&
		dk_json_put(root, "year",
			    rec->year ? dk_json_int(rec->year) : cJSON_CreateNull());
	cJSON *fr = cJSON_CreateObject();
	ok = ok && dk_json_put(root, "frame", fr) &&
		dk_json_put(fr, "total",
			    rec->has_total ? dk_json_int(rec->total)
					   : cJSON_CreateNull()) &&
		dk_json_put(fr, "prorata", dk_json_int(rec->prorata)) &&
		dk_json_put(fr, "direct", dk_json_int(rec->direct)) &&
		dk_json_put(fr, "common_measures", dk_json_int(rec->measures)) &&
		dk_json_put(fr, "reserve", dk_json_int(rec->reserve)) &&
		dk_json_put(fr, "unused",
			    rec->produced ? dk_json_int(rec->unused + rec->reserve_cut)
					  : cJSON_CreateNull()) &&
		dk_json_put(fr, "reserve_cuts",
			    rec->produced ? dk_json_int(rec->reserve_cut)
					  : cJSON_CreateNull());
	if (ok && rec->produced) {
		ok = dk_json_put(root, "lambda",
				 dk_lambda_cjson(rec->lambda_num, rec->lambda_den,
						 rec->lambda_scale));
	} else if (ok) {
		ok = dk_json_put(root, "lambda", cJSON_CreateNull());
	}
	cJSON *nets = cJSON_CreateArray();
	ok = ok && dk_json_put(root, "networks", nets);
	if (slots && rec->n > 0)
		ok = ok && dk_json_push(nets, cJSON_CreateRaw(NETWORKS_SLOT));
	for (size_t k = 0; ok && !slots && k < rec->n; k++)
		ok = dk_json_push(nets, network(r, k));
	cJSON *insts = cJSON_CreateArray();
	ok = ok && dk_json_put(root, "institutions", insts);
	for (size_t i = 0; ok && i < p->n_institutions; i++) {
		cJSON *o = cJSON_CreateObject();
		ok = dk_json_push(insts, o) &&
			dk_json_put(o, "id", cJSON_CreateString(p->institutions[i].id)) &&
			dk_json_put(o, "direct", dk_json_int(rec->inst_direct[i])) &&
			dk_json_put(o, "up2",
				    rec->produced ? dk_json_int(rec->inst_up2[i])
						  : cJSON_CreateNull()) &&
			dk_json_put(o, "total",
				    rec->produced ? dk_json_int(rec->inst_direct[i] +
								rec->inst_up2[i])
						  : cJSON_CreateNull());
	}
	dk_kr prev = 0, need = 0, rsum = 0;
	for (size_t k = 0; k < rec->n; k++) {
		prev += r->nets->items[k].v[DK_COL_PREVIOUS];
		need += r->nets->items[k].v[DK_COL_NEED];
		rsum += rec->rows[k].amount;
	}
	cJSON *tot = cJSON_CreateObject();
	ok = ok && dk_json_put(root, "totals", tot) &&
		dk_json_put(tot, "previous", dk_json_int(prev)) &&
		dk_json_put(tot, "need", dk_json_int(need)) &&
		dk_json_put(tot, "recommended",
			    rec->produced ? dk_json_int(rsum) : cJSON_CreateNull()) &&
		dk_json_put(tot, "uh_other",
			    rec->produced ? dk_json_int(rec->total_other)
					  : cJSON_CreateNull());
	if (ok) {
		/* (D + Σ UP2 + Σ other) ÷ (D + Σ recommended) */
		dk_i128 up = rec->direct + rec->total_other;
		for (size_t i = 0; i < p->n_institutions; i++)
			up += rec->inst_up2[i];
		dk_i128 den = (dk_i128)rec->direct + rsum;
		ok = dk_json_put(tot, "uh_share",
				 rec->produced && den > 0 ? raw_share(up, den)
							  : cJSON_CreateNull());
	}
	if (slots) {
		bool any = false;
		for (size_t i = 0; i < rec->findings.n && !any; i++)
			any = rec->findings.items[i].package == -1;
		cJSON *fs = cJSON_CreateArray();
		ok = ok && dk_json_put(root, "findings", fs) &&
			(!any || dk_json_push(fs, cJSON_CreateRaw(FINDINGS_SLOT)));
	} else {
		ok = ok && dk_json_put(root, "findings", findings_array(r));
	}
	ok = ok && dk_json_put(root, "not_checked", dk_not_checked_cjson(rec));
	if (!ok) {
		cJSON_Delete(root);
		return NULL;
	}
	return root;
}

cJSON *dk_not_checked_cjson(const dk_recommendation *rec)
{
	cJSON *arr = cJSON_CreateArray();
	for (int c = 0; arr && c < DK_CHECK_COUNT; c++) {
		if (!((rec->not_checked >> c) & 1u))
			continue;
		cJSON *o = cJSON_CreateObject();
		if (!dk_json_push(arr, o) ||
		    !dk_json_put(o, "check", cJSON_CreateString(dk_checks()[c].name)) ||
		    !dk_json_put(o, "reason",
				 cJSON_CreateString(
					 dk_not_checked_reason((dk_check_id)c, true)))) {
			cJSON_Delete(arr);
			return NULL;
		}
	}
	return arr;
}

char *dk_findings_json(const dk_report *r)
{
	cJSON *root = cJSON_CreateObject();
	char *out = NULL;
	if (root && dk_json_put(root, "findings", findings_array(r)) &&
	    dk_json_put(root, "not_checked", dk_not_checked_cjson(r->rec)))
		out = cJSON_Print(root);
	cJSON_Delete(root);
	return out;
}

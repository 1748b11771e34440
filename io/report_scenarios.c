/*
 * report_scenarios.c: `scenarios -f json` and `-f csv` (docs/scenarios.md).
 *
 * Each named scenario and each sweep point is compared with the baseline,
 * network by network: the baseline and scenario amounts, Δ in kroner and in
 * percent of the baseline (exact, two decimals, rounded half away from
 * zero; null when the baseline is 0), both states and the change of state.
 * The Monte Carlo summary is statistics (floating point), written with two
 * decimals for kroner and six for the share of runs at the cap. In CSV
 * the text columns (case, network, states, change) go out through
 * dk_csv_text, so a scenario or network name that a spreadsheet would take
 * for a formula is quoted; the number columns never are, so Δ −5 stays -5.
 */
#include "io/report_scenarios.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/exact.h"
#include "io/escape.h"
#include "io/json_out.h"
#include "io/strbuf.h"
#include "models/numtext.h"

static cJSON *raw_fixed(double v, int digits)
{
	char buf[64];
	snprintf(buf, sizeof buf, "%.*f", digits, v);
	if (strcmp(buf, "-0.00") == 0)
		snprintf(buf, sizeof buf, "0.00");
	return cJSON_CreateRaw(buf);
}

/* "newly capped", "newly floored", "no longer capped", "no longer
 * floored", or "" */
static const char *change(int before, int after)
{
	if (before == after)
		return "";
	if (after == DK_STATE_CAPPED)
		return "newly capped";
	if (after == DK_STATE_FLOORED)
		return "newly floored";
	return before == DK_STATE_CAPPED ? "no longer capped" : "no longer floored";
}

static void delta_pct(dk_kr base, dk_kr x, char *buf, size_t size)
{
	if (base == 0) {
		buf[0] = '\0';
		return;
	}
	dk_ratio_str((dk_i128)(x - base) * 100, base, 2, buf, size);
}

/* With a price template: the packages' prices in the case, in kroner. */
static int put_prices(const dk_scenario_report *r, cJSON *o, const dk_run *run)
{
	if (!r->pricing || !run->priced)
		return 1;
	cJSON *arr = cJSON_CreateArray();
	int ok = dk_json_put(o, "packages", arr);
	for (size_t k = 0; ok && k < r->pricing->n_packages; k++) {
		cJSON *e = cJSON_CreateObject();
		ok = dk_json_push(arr, e) &&
			dk_json_put(e, "name",
				    cJSON_CreateString(r->pricing->packages[k].name)) &&
			dk_json_put(e, "price", dk_json_scaled(run->price[k], 2));
	}
	return ok;
}

static cJSON *days_or_null(const dk_run *run, size_t k)
{
	return run->priced ? dk_json_scaled(run->days[k], 4) : cJSON_CreateNull();
}

/* The frame-level outcome analysts compare (docs/scenarios.md): the UH
 * share of it all and, per institution, its direct transfer and UP2. */
static int put_outcome(const dk_scenario_report *r, cJSON *o, const dk_run *run)
{
	const dk_plan *p = r->report->plan;
	char share[48];
	cJSON *insts = cJSON_CreateArray();
	if (run->produced && run->uh_den > 0)
		dk_share_str(run->uh_num, run->uh_den, share, sizeof share);
	int ok = dk_json_put(o, "uh_share",
			     run->produced && run->uh_den > 0 ? cJSON_CreateRaw(share)
							      : cJSON_CreateNull()) &&
		dk_json_put(o, "institutions", insts);
	for (size_t i = 0; ok && i < run->n_institutions && i < p->n_institutions; i++) {
		cJSON *e = cJSON_CreateObject();
		dk_kr d = run->inst_direct[i], u = run->inst_up2[i];
		ok = dk_json_push(insts, e) &&
			dk_json_put(e, "id", cJSON_CreateString(p->institutions[i].id)) &&
			dk_json_put(e, "direct", dk_json_int(d)) &&
			dk_json_put(e, "up2",
				    run->produced ? dk_json_int(u)
						  : cJSON_CreateNull()) &&
			dk_json_put(e, "total",
				    run->produced ? dk_json_int(d + u)
						  : cJSON_CreateNull());
	}
	return ok;
}

static int put_findings(cJSON *o, const dk_run *run)
{
	cJSON *f = cJSON_CreateObject();
	return dk_json_put(o, "findings", f) &&
		dk_json_put(f, "error",
			    dk_json_int((int64_t)run->findings[DK_SEV_ERROR])) &&
		dk_json_put(f, "warning",
			    dk_json_int((int64_t)run->findings[DK_SEV_WARNING])) &&
		dk_json_put(f, "info", dk_json_int((int64_t)run->findings[DK_SEV_INFO]));
}

static cJSON *compare(const dk_scenario_report *r, const dk_run *run)
{
	const dk_run *b = &r->res->baseline;
	cJSON *o = cJSON_CreateObject(), *arr = cJSON_CreateArray();
	int ok = o && dk_json_put(o, "name", cJSON_CreateString(run->label)) &&
		dk_json_put(o, "produced", cJSON_CreateBool(run->produced)) &&
		dk_json_put(o, "unused",
			    run->produced ? dk_json_int(run->unused)
					  : cJSON_CreateNull());
	if (ok && run->produced) {
		ok = dk_json_put(o, "lambda",
				 dk_lambda_cjson(run->lambda_num, run->lambda_den,
						 run->lambda_scale));
	} else if (ok) {
		ok = dk_json_put(o, "lambda", cJSON_CreateNull());
	}
	ok = ok && put_prices(r, o, run) && put_findings(o, run) &&
		put_outcome(r, o, run) && dk_json_put(o, "networks", arr);
	for (size_t k = 0; ok && k < r->nets->n; k++) {
		cJSON *e = cJSON_CreateObject();
		bool both = b->produced && run->produced;
		char pct[48];
		delta_pct(b->amount[k], run->amount[k], pct, sizeof pct);
		ok = dk_json_push(arr, e) &&
			dk_json_put(e, "network",
				    cJSON_CreateString(r->nets->items[k].name)) &&
			dk_json_put(e, "baseline",
				    b->produced ? dk_json_int(b->amount[k])
						: cJSON_CreateNull()) &&
			dk_json_put(e, "scenario",
				    run->produced ? dk_json_int(run->amount[k])
						  : cJSON_CreateNull()) &&
			dk_json_put(e, "delta",
				    both ? dk_json_int(run->amount[k] - b->amount[k])
					 : cJSON_CreateNull()) &&
			dk_json_put(e, "delta_pct",
				    both && pct[0] ? cJSON_CreateRaw(pct)
						   : cJSON_CreateNull()) &&
			dk_json_put(e, "baseline_state",
				    b->produced ? cJSON_CreateString(dk_state_name(
							  (dk_state)b->state[k]))
						: cJSON_CreateNull()) &&
			dk_json_put(e, "state",
				    run->produced ? cJSON_CreateString(dk_state_name(
							    (dk_state)run->state[k]))
						  : cJSON_CreateNull()) &&
			dk_json_put(e, "change",
				    both ? cJSON_CreateString(
						   change(b->state[k], run->state[k]))
					 : cJSON_CreateNull());
		if (ok && r->pricing)
			ok = dk_json_put(e, "days_baseline", days_or_null(b, k)) &&
				dk_json_put(e, "days", days_or_null(run, k));
	}
	if (!ok) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

/* mean, sd and the quantiles of one summary into o (null without runs). */
static int summary_fields(cJSON *o, const dk_mc_summary *m, bool have)
{
	static const char *const qn[5] = {"p5", "p25", "p50", "p75", "p95"};
	if (!have)
		return dk_json_put(o, "mean", cJSON_CreateNull());
	int ok = dk_json_put(o, "mean", raw_fixed(m->mean, 2)) &&
		dk_json_put(o, "sd", raw_fixed(m->sd, 2));
	for (int q = 0; ok && q < 5; q++)
		ok = dk_json_put(o, qn[q], raw_fixed(m->q[q], 2));
	return ok;
}

static cJSON *montecarlo(const dk_scenario_report *r)
{
	const dk_scenario_results *res = r->res;
	static const char *const qn[5] = {"p5", "p25", "p50", "p75", "p95"};
	cJSON *o = cJSON_CreateObject(), *arr = cJSON_CreateArray();
	int ok = o && dk_json_put(o, "runs", dk_json_int(res->mc_runs)) &&
		dk_json_put(o, "seed", dk_json_int((int64_t)r->file->mc.seed)) &&
		dk_json_put(o, "runs_with_amounts", dk_json_int(res->mc_produced)) &&
		dk_json_put(o, "networks", arr);
	for (size_t k = 0; ok && k < r->nets->n; k++) {
		const dk_mc_summary *m = &res->mc[k];
		cJSON *e = cJSON_CreateObject();
		ok = dk_json_push(arr, e) &&
			dk_json_put(e, "network",
				    cJSON_CreateString(r->nets->items[k].name));
		if (ok && res->mc_produced == 0) {
			ok = dk_json_put(e, "mean", cJSON_CreateNull());
			continue;
		}
		ok = ok && dk_json_put(e, "mean", raw_fixed(m->mean, 2)) &&
			dk_json_put(e, "sd", raw_fixed(m->sd, 2));
		for (int q = 0; ok && q < 5; q++)
			ok = dk_json_put(e, qn[q], raw_fixed(m->q[q], 2));
		ok = ok &&
			dk_json_put(
				e, "p_capped",
				raw_fixed((double)m->capped / (double)res->mc_produced,
					  6));
		if (ok && res->mc_priced) {
			/* days bought by the network's UP2 to the template's
			 * institution */
			cJSON *d = cJSON_CreateObject();
			ok = dk_json_put(e, "days", d) &&
				dk_json_put(d, "mean", raw_fixed(m->days_mean, 2)) &&
				dk_json_put(d, "sd", raw_fixed(m->days_sd, 2));
			for (int q = 0; ok && q < 5; q++)
				ok = dk_json_put(d, qn[q], raw_fixed(m->days_q[q], 2));
		}
	}
	/* the frame-level outcome over the runs */
	const dk_plan *p = r->report->plan;
	cJSON *un = cJSON_CreateObject(), *insts = cJSON_CreateArray();
	ok = ok && dk_json_put(o, "unused", un) && dk_json_put(o, "institutions", insts);
	ok = ok && summary_fields(un, &res->mc_unused, res->mc_produced > 0);
	for (size_t i = 0; ok && i < res->n_institutions && i < p->n_institutions; i++) {
		cJSON *e = cJSON_CreateObject();
		ok = dk_json_push(insts, e) &&
			dk_json_put(e, "id", cJSON_CreateString(p->institutions[i].id)) &&
			summary_fields(e, &res->mc_inst[i], res->mc_produced > 0);
	}
	if (!ok) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

char *dk_scenarios_json(const dk_scenario_report *r)
{
	const dk_scenario_results *res = r->res;
	const dk_scenario_file *f = r->file;
	cJSON *root = cJSON_CreateObject(), *eng = cJSON_CreateObject();
	char *out = NULL;
	int ok = root && dk_json_put(root, "engine", eng) &&
		dk_json_put(eng, "name", cJSON_CreateString("dekom")) &&
		dk_json_put(eng, "version", cJSON_CreateString(DEKOM_VERSION)) &&
		dk_json_put(root, "manifest", dk_manifest_cjson(r->report));
	cJSON *base = cJSON_CreateObject(), *barr = cJSON_CreateArray();
	ok = ok && dk_json_put(root, "baseline", base) &&
		dk_json_put(base, "produced", cJSON_CreateBool(res->baseline.produced)) &&
		dk_json_put(base, "unused",
			    res->baseline.produced ? dk_json_int(res->baseline.unused)
						   : cJSON_CreateNull()) &&
		put_prices(r, base, &res->baseline) &&
		put_findings(base, &res->baseline) &&
		put_outcome(r, base, &res->baseline) &&
		dk_json_put(base, "networks", barr);
	for (size_t k = 0; ok && k < r->nets->n; k++) {
		cJSON *e = cJSON_CreateObject();
		const dk_run *b = &res->baseline;
		ok = dk_json_push(barr, e) &&
			dk_json_put(e, "network",
				    cJSON_CreateString(r->nets->items[k].name)) &&
			dk_json_put(e, "recommended",
				    b->produced ? dk_json_int(b->amount[k])
						: cJSON_CreateNull()) &&
			dk_json_put(e, "state",
				    b->produced ? cJSON_CreateString(dk_state_name(
							  (dk_state)b->state[k]))
						: cJSON_CreateNull());
		if (ok && r->pricing)
			ok = dk_json_put(e, "days", days_or_null(b, k));
	}
	cJSON *named = cJSON_CreateArray();
	ok = ok && dk_json_put(root, "scenarios", named);
	size_t i = 0;
	for (; ok && i < f->n_scenarios; i++)
		ok = dk_json_push(named, compare(r, &res->runs[i]));
	if (ok && f->has_sweep) {
		cJSON *sw = cJSON_CreateObject(), *pts = cJSON_CreateArray();
		ok = dk_json_put(root, "sweep", sw) &&
			dk_json_put(sw, "path",
				    cJSON_CreateString(f->sweep.target.path)) &&
			dk_json_put(sw, "points", pts);
		for (; ok && i < res->n_runs; i++) {
			cJSON *pt = compare(r, &res->runs[i]);
			ok = dk_json_push(pts, pt) &&
				dk_json_put(pt, "value",
					    dk_json_scaled(res->runs[i].value,
							   f->sweep.target.decimals));
		}
	}
	if (ok && res->has_mc)
		ok = dk_json_put(root, "montecarlo", montecarlo(r));
	if (ok)
		out = cJSON_Print(root);
	cJSON_Delete(root);
	return out;
}

/* "2.5000" -> "2.5", "4.0000" -> "4" (either decimal sign). */
static void trim_zeros(char *s)
{
	if (!strchr(s, '.') && !strchr(s, ','))
		return;
	size_t n = strlen(s);
	while (n && s[n - 1] == '0')
		s[--n] = '\0';
	if (n && (s[n - 1] == '.' || s[n - 1] == ','))
		s[--n] = '\0';
}

/* The columns of dk_scenarios_csv that hold text: case, network,
 * baseline_state, state, change, outcome (bit k for column k). */
#define TEXT_COLUMNS \
	((1u << 0) | (1u << 2) | (1u << 7) | (1u << 8) | (1u << 9) | (1u << 24))

static void row(dk_strbuf *b, const char *const *cells, size_t n, char delim)
{
	for (size_t c = 0; c < n; c++) {
		if (c)
			dk_strbuf_add(b, &delim, 1);
		if ((TEXT_COLUMNS >> c) & 1u)
			dk_csv_text(b, cells[c] ? cells[c] : "", delim);
		else
			dk_csv_field(b, cells[c] ? cells[c] : "", delim);
	}
	dk_strbuf_puts(b, "\r\n");
}

/* A case's frame-level outcome as rows of the CSV, network empty: unused,
 * the UH share, the findings by severity, and each institution's total
 * ("total:NTNU", direct + UP2), beside the baseline's. */
static void outcome_rows(dk_strbuf *b, const dk_scenario_report *r, const dk_run *base,
			 const dk_run *run, const char *value, char delim,
			 const char *point)
{
	const dk_plan *p = r->report->plan;
	bool both = base->produced && run->produced;
	size_t ni = run->n_institutions < p->n_institutions ? run->n_institutions
							    : p->n_institutions;
	for (size_t o = 0; o < 5 + ni; o++) {
		char name[300], bs[48] = "", am[48] = "", d[48] = "";
		int64_t x = 0, y = 0;
		bool have_b = base->produced, have_r = run->produced, number = true;
		switch (o) {
		case 0:
			snprintf(name, sizeof name, "unused");
			x = base->unused, y = run->unused;
			break;
		case 1:
			snprintf(name, sizeof name, "uh_share");
			number = false;
			if (have_b && base->uh_den > 0)
				dk_share_str(base->uh_num, base->uh_den, bs, sizeof bs);
			if (have_r && run->uh_den > 0)
				dk_share_str(run->uh_num, run->uh_den, am, sizeof am);
			break;
		case 2:
		case 3:
		case 4: {
			static const char *const sev[] = {"errors", "warnings", "info"};
			static const int level[] = {DK_SEV_ERROR, DK_SEV_WARNING,
						    DK_SEV_INFO};
			snprintf(name, sizeof name, "%s", sev[o - 2]);
			x = (int64_t)base->findings[level[o - 2]];
			y = (int64_t)run->findings[level[o - 2]];
			have_b = have_r = true;
			break;
		}
		default:
			snprintf(name, sizeof name, "total:%s",
				 p->institutions[o - 5].id);
			x = base->inst_direct[o - 5] + base->inst_up2[o - 5];
			y = run->inst_direct[o - 5] + run->inst_up2[o - 5];
			break;
		}
		if (number) {
			if (have_b)
				snprintf(bs, sizeof bs, "%lld", (long long)x);
			if (have_r)
				snprintf(am, sizeof am, "%lld", (long long)y);
			if (have_b && have_r && (both || o >= 2))
				snprintf(d, sizeof d, "%lld", (long long)(y - x));
		} else if (point[0] == ',') {
			for (char *q = bs; *q; q++)
				if (*q == '.')
					*q = ',';
			for (char *q = am; *q; q++)
				if (*q == '.')
					*q = ',';
		}
		const char *cells[25] = {run->label, value, "", bs, am, d,  "",  "", "",
					 "",         "",    "", "", "", "", "",  "", "",
					 "",         "",    "", "", "", "", name};
		row(b, cells, 25, delim);
	}
}

char *dk_scenarios_csv(const dk_scenario_report *r, bool excel_nb)
{
	static const char *const head[] = {"case",
					   "value",
					   "network",
					   "baseline",
					   "amount",
					   "delta",
					   "delta_pct",
					   "baseline_state",
					   "state",
					   "change",
					   "days_baseline",
					   "days",
					   "mean",
					   "sd",
					   "p5",
					   "p25",
					   "p50",
					   "p75",
					   "p95",
					   "p_capped",
					   "days_mean",
					   "days_p5",
					   "days_p50",
					   "days_p95",
					   "outcome"};
	enum { NC = sizeof head / sizeof head[0] };
	const dk_scenario_results *res = r->res;
	char delim = excel_nb ? ';' : ',';
	const char *point = excel_nb ? "," : ".";
	dk_strbuf b = {0};
	if (excel_nb)
		dk_strbuf_puts(&b, "\xEF\xBB\xBF");
	row(&b, head, NC, delim);
	const dk_run *base = &res->baseline;
	for (size_t i = 0; i < res->n_runs; i++) {
		const dk_run *run = &res->runs[i];
		bool both = base->produced && run->produced;
		for (size_t k = 0; k < r->nets->n; k++) {
			char v[48] = "", bs[32] = "", am[32] = "", d[32] = "",
			     pct[48] = "";
			if (run->has_value)
				dk_decimal_format(run->value,
						  r->file->sweep.target.decimals, "",
						  point, v, sizeof v);
			if (base->produced)
				snprintf(bs, sizeof bs, "%lld",
					 (long long)base->amount[k]);
			if (run->produced)
				snprintf(am, sizeof am, "%lld",
					 (long long)run->amount[k]);
			if (both) {
				snprintf(d, sizeof d, "%lld",
					 (long long)(run->amount[k] - base->amount[k]));
				delta_pct(base->amount[k], run->amount[k], pct,
					  sizeof pct);
				if (excel_nb)
					for (char *q = pct; *q; q++)
						if (*q == '.')
							*q = ',';
			}
			char db[48] = "", dn[48] = "";
			if (base->priced)
				dk_decimal_format(base->days[k], 4, "", point, db,
						  sizeof db);
			if (run->priced)
				dk_decimal_format(run->days[k], 4, "", point, dn,
						  sizeof dn);
			trim_zeros(db);
			trim_zeros(dn);
			const char *cells[NC] = {
				run->label,
				v,
				r->nets->items[k].name,
				bs,
				am,
				d,
				pct,
				base->produced ? dk_state_name((dk_state)base->state[k])
					       : "",
				run->produced ? dk_state_name((dk_state)run->state[k])
					      : "",
				both ? change(base->state[k], run->state[k]) : "",
				db,
				dn};
			row(&b, cells, NC, delim);
		}
		/* the frame-level outcome, a row each, network empty */
		char v[48] = "";
		if (run->has_value)
			dk_decimal_format(run->value, r->file->sweep.target.decimals, "",
					  point, v, sizeof v);
		outcome_rows(&b, r, base, run, v, delim, point);
	}
	for (size_t k = 0; res->has_mc && res->mc_produced > 0 && k < r->nets->n; k++) {
		const dk_mc_summary *m = &res->mc[k];
		char s[12][48];
		double vals[7] = {m->mean, m->sd,   m->q[0], m->q[1],
				  m->q[2], m->q[3], m->q[4]};
		double dv[4] = {m->days_mean, m->days_q[0], m->days_q[2], m->days_q[4]};
		for (int j = 0; j < 7; j++)
			snprintf(s[j], sizeof s[j], "%.2f", vals[j]);
		snprintf(s[7], sizeof s[7], "%.6f",
			 (double)m->capped / (double)res->mc_produced);
		for (int j = 0; j < 4; j++) {
			s[8 + j][0] = '\0';
			if (res->mc_priced)
				snprintf(s[8 + j], sizeof s[8 + j], "%.2f", dv[j]);
		}
		for (int j = 0; excel_nb && j < 12; j++)
			for (char *q = s[j]; *q; q++)
				if (*q == '.')
					*q = ',';
		const char *cells[NC] = {"montecarlo", "",    r->nets->items[k].name,
					 "",           "",    "",
					 "",           "",    "",
					 "",           "",    "",
					 s[0],         s[1],  s[2],
					 s[3],         s[4],  s[5],
					 s[6],         s[7],  s[8],
					 s[9],         s[10], s[11]};
		row(&b, cells, NC, delim);
	}
	if (res->has_mc && res->mc_produced > 0) {
		const dk_plan *p = r->report->plan;
		for (size_t i = 0; i <= res->n_institutions && i <= p->n_institutions;
		     i++) {
			const dk_mc_summary *m = i == 0 ? &res->mc_unused
							: &res->mc_inst[i - 1];
			char s[7][48], name[300];
			double vals[7] = {m->mean, m->sd,   m->q[0], m->q[1],
					  m->q[2], m->q[3], m->q[4]};
			for (int j = 0; j < 7; j++) {
				snprintf(s[j], sizeof s[j], "%.2f", vals[j]);
				for (char *q = s[j]; excel_nb && *q; q++)
					if (*q == '.')
						*q = ',';
			}
			if (i == 0)
				snprintf(name, sizeof name, "unused");
			else
				snprintf(name, sizeof name, "total:%s",
					 p->institutions[i - 1].id);
			const char *cells[NC] = {"montecarlo", "",   "",   "",   "",
						 "",           "",   "",   "",   "",
						 "",           "",   s[0], s[1], s[2],
						 s[3],         s[4], s[5], s[6], "",
						 "",           "",   "",   "",   name};
			row(&b, cells, NC, delim);
		}
	}
	return dk_strbuf_done(&b);
}

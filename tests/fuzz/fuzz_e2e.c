/*
 * fuzz_e2e.c: libFuzzer target for the whole of `dekom recommend` on two
 * files: a networks file (CSV or JSON, by its content) and a plan.
 *
 * The input is split at its first NUL byte: the bytes before it are the
 * networks file, the bytes after it the plan. Without a NUL the plan is
 * the built-in 2022 plan. (A NUL in the networks file is bad input, which
 * fuzz_networks_csv covers.) As in cli/case.c: the plan is read, the
 * networks are read against it, what the method needs is checked, the
 * decisions are resolved; then dk_recommend runs, its amounts are checked
 * (none negative, components that add up to each), the findings are
 * sorted, and the recommendation is written as JSON (twice: a second
 * dk_recommend must give the same text), as HTML (in English) and as
 * `dekom explain` of the first network (in Norwegian), all into memory.
 */
#include <stdlib.h>
#include <string.h>

#include "engine/recommend.h"
#include "io/json_plan.h"
#include "io/networks.h"
#include "io/report.h"
#include "tests/fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The recommendation's JSON. */
static char *json_of(const dk_plan *p, const dk_networks *t, const dk_recommendation *rec,
		     const dk_report_input *inputs)
{
	dk_report r;
	memset(&r, 0, sizeof r);
	r.plan = p;
	r.nets = t;
	r.rec = rec;
	r.inputs = inputs;
	r.n_inputs = 2;
	char *text = dk_report_json(&r);
	dk_fuzz_assert(text != NULL);
	return text;
}

/* Writes the recommendation out as the command line would, freeing each
 * text. The JSON must come out the same from a second dk_recommend on the
 * same models: nothing may depend on memory left uninitialised. */
static void write_all(const dk_plan *p, const dk_networks *t,
		      const dk_recommendation *rec, const dk_input *plan_in,
		      const dk_input *net_in)
{
	dk_report_input inputs[] = {{"plan", plan_in}, {"networks", net_in}};
	char *text = json_of(p, t, rec, inputs);
	dk_recommendation again;
	memset(&again, 0, sizeof again);
	dk_fuzz_assert(dk_recommend(p, t, &again) == DK_OK);
	dk_findings_sort(&again.findings);
	char *text2 = json_of(p, t, &again, inputs);
	dk_fuzz_assert(strcmp(text, text2) == 0);
	free(text2);
	free(text);
	dk_recommendation_release(&again);

	dk_report r;
	memset(&r, 0, sizeof r);
	r.plan = p;
	r.nets = t;
	r.rec = rec;
	r.inputs = inputs;
	r.n_inputs = 2;
	if (t->n > 0) {
		text = dk_explain_text(&r, 0);
		dk_fuzz_assert(text != NULL);
		free(text);
	}
	r.english = true;
	text = dk_report_html(&r);
	dk_fuzz_assert(text != NULL);
	free(text);
}

/* What holds of every recommendation: a row per network, and when there
 * are amounts, none negative, each split into its components without a
 * krone lost or added. */
static void check_amounts(const dk_plan *p, const dk_networks *t,
			  const dk_recommendation *rec)
{
	dk_fuzz_assert(rec->n == t->n && rec->n_institutions == p->n_institutions);
	if (!rec->produced)
		return;
	for (size_t k = 0; k < rec->n; k++) {
		const dk_rec_row *row = &rec->rows[k];
		dk_i128 sum = (dk_i128)row->own + row->coordinator + row->uh_other +
			row->unspecified;
		for (size_t i = 0; i < rec->n_institutions; i++)
			sum += row->uh[i];
		dk_fuzz_assert(row->amount >= 0 && sum == row->amount);
	}
}

/* Everything after the plan has read. */
static void run(dk_plan *p, const dk_input *plan_in, const dk_input *net_in, dk_error *d)
{
	dk_networks t;
	int header_line = 1;
	dk_read_opts o = {p, NULL, DK_DEC_AUTO, false, NULL};
	dk_status st = dk_networks_read_at(net_in, &o, &t, &header_line, d);
	dk_fuzz_check_diags(st, d, 0);
	if (st == DK_OK) {
		st = dk_networks_check_plan(p, &t, net_in, header_line, d);
		dk_fuzz_check_diags(st, d, 0);
	}
	if (st == DK_OK) {
		st = dk_plan_resolve_decisions(p, &t, plan_in->name, d);
		dk_fuzz_check_diags(st, d, 0);
	}
	if (st == DK_OK) {
		dk_recommendation rec;
		memset(&rec, 0, sizeof rec);
		st = dk_recommend(p, &t, &rec);
		dk_fuzz_assert(st == DK_OK || st == DK_ERANGE);
		if (st == DK_OK) {
			check_amounts(p, &t, &rec);
			dk_findings_sort(&rec.findings);
			write_all(p, &t, &rec, plan_in, net_in);
		}
		dk_recommendation_release(&rec);
	}
	dk_networks_release(&t);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const dk_fuzz_case *c = dk_fuzz_builtin();
	const uint8_t *nul = memchr(data, 0, size);
	size_t net_size = nul ? (size_t)(nul - data) : size;
	dk_error d;
	dk_input net_in, plan_in;
	dk_plan p;
	dk_error_init(&d);
	dk_plan_init(&p);
	dk_input_init(&plan_in);
	dk_status st = dk_fuzz_input(&net_in, "networks", data, net_size, &d);
	dk_fuzz_check_diags(st, &d, 0);
	if (st == DK_OK && nul)
		st = dk_fuzz_input(&plan_in, "plan.json", nul + 1, size - net_size - 1,
				   &d);
	else if (st == DK_OK)
		st = dk_fuzz_input(&plan_in, c->plan_in.name, c->plan_in.raw,
				   c->plan_in.raw_len, &d);
	dk_fuzz_check_diags(st, &d, 0);
	if (st == DK_OK) {
		st = dk_plan_read(&plan_in, &p, &d);
		dk_fuzz_check_diags(st, &d, 0);
	}
	if (st == DK_OK)
		run(&p, &plan_in, &net_in, &d);
	dk_plan_release(&p);
	dk_input_release(&plan_in);
	dk_input_release(&net_in);
	dk_error_release(&d);
	return 0;
}

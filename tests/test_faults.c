/*
 * test_faults.c: allocation failure, injected (STYLE.md, after Lua's
 * Memcontrol and sqlite3FaultSim).
 *
 * The test is linked with -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,
 * so every allocation dekom's own code makes goes through the wrappers
 * below (allocations inside shared libraries, cJSON's among them, do not).
 * A clean run of the whole pipeline on the built-in 2022 case (read the
 * plan, the column map and the networks, recommend, write every text
 * format, quote the illustrative price template, run scenarios with a
 * price, a sweep and Monte Carlo draws) counts its allocations; then the pipeline
 * runs again once for each allocation, with exactly that one failing.
 * Each run must end in DK_OK or DK_ENOMEM (never "bad input", never a
 * crash), and under AddressSanitizer (the sanitizer build runs this test
 * too) must leave no leak and touch no freed memory.
 */
#include <check.h>
#include <gsl/gsl_errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/price.h"
#include "engine/recommend.h"
#include "engine/scenario.h"
#include "io/finding_text.h"
#include "io/builtin.h"
#include "io/json_plan.h"
#include "io/json_pricing.h"
#include "io/json_scenarios.h"
#include "io/networks.h"
#include "io/report.h"

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t n);

static long fail_at = -1; /* the allocation to fail, counting from 0 */
static long seen;         /* allocations so far in this run */

static int fail_now(void)
{
	return fail_at >= 0 && seen++ == fail_at;
}

void *__wrap_malloc(size_t n)
{
	if (fail_at < 0)
		seen++;
	return fail_now() ? NULL : __real_malloc(n);
}

void *__wrap_calloc(size_t n, size_t size)
{
	if (fail_at < 0)
		seen++;
	return fail_now() ? NULL : __real_calloc(n, size);
}

void *__wrap_realloc(void *p, size_t n)
{
	if (fail_at < 0)
		seen++;
	return fail_now() ? NULL : __real_realloc(p, n);
}

static const char scenarios_text[] =
	"{\"scenarios\": [{\"name\": \"frame\", \"set\": {\"/plan/frame/prorata\": 13000000,\n"
	"   \"/pricing/roles/0/hourly_cost\": 1500}}],\n"
	" \"sweep\": {\"path\": \"/networks/*/need\", \"from\": 500000, \"to\": 600000, \"step\": 50000},\n"
	" \"montecarlo\": {\"runs\": 3, \"seed\": 1, \"draws\": [\n"
	"   {\"path\": \"/networks/Fosen/need\", \"normal\": {\"relative_sd\": 0.1}}]}}\n";

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	ck_assert_ptr_nonnull(f);
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *s = __real_malloc((size_t)n + 1);
	ck_assert_uint_eq(fread(s, 1, (size_t)n, f), (size_t)n);
	s[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return s;
}

static dk_status text_step(char *text)
{
	if (!text)
		return DK_ENOMEM;
	free(text);
	return DK_OK;
}

/* The whole pipeline; returns the first status that is not DK_OK. */
static dk_status pipeline(const char *template_text, size_t template_len)
{
	dk_input plan_in, map_in, net_in, sc_in, tpl_in;
	dk_plan plan;
	dk_colmap map;
	dk_networks nets;
	dk_recommendation rec;
	dk_scenario_file sf;
	dk_scenario_results res;
	dk_pricing tpl;
	dk_quotation q;
	dk_error d;
	memset(&rec, 0, sizeof rec);
	memset(&res, 0, sizeof res);
	memset(&q, 0, sizeof q);
	dk_input_init(&plan_in);
	dk_input_init(&map_in);
	dk_input_init(&net_in);
	dk_input_init(&sc_in);
	dk_input_init(&tpl_in);
	dk_plan_init(&plan);
	dk_colmap_init(&map);
	dk_networks_init(&nets, 0);
	dk_scenario_file_init(&sf);
	dk_pricing_init(&tpl);
	dk_error_init(&d);
	bool have_rec = false;
	dk_status st = dk_builtin_plan_input(&plan_in);
	if (st == DK_OK)
		st = dk_input_decode(&plan_in, &d);
	if (st == DK_OK) {
		dk_plan_release(&plan);
		st = dk_plan_read(&plan_in, &plan, &d);
	}
	if (st == DK_OK)
		st = dk_builtin_columns_input(&map_in);
	if (st == DK_OK)
		st = dk_input_decode(&map_in, &d);
	if (st == DK_OK)
		st = dk_colmap_parse(&map, &map_in, &d);
	if (st == DK_OK)
		st = dk_builtin_networks_input(&net_in);
	if (st == DK_OK)
		st = dk_input_decode(&net_in, &d);
	if (st == DK_OK) {
		dk_read_opts ro = {&plan, &map, DK_DEC_AUTO, false, NULL};
		dk_networks_release(&nets);
		st = dk_networks_read(&net_in, &ro, &nets, &d);
	}
	if (st == DK_OK) {
		st = dk_recommend(&plan, &nets, &rec);
		have_rec = true;
	}
	if (st == DK_OK)
		st = dk_findings_render(&rec.findings);
	if (st == DK_OK) {
		dk_findings_sort(&rec.findings);
		dk_report_input inputs[] = {{"plan", &plan_in}, {"networks", &net_in}};
		dk_report r = {&plan, &nets, &rec, inputs, 2, false};
		st = text_step(dk_report_json(&r));
		if (st == DK_OK)
			st = text_step(dk_report_table(&r));
		if (st == DK_OK)
			st = text_step(dk_report_md(&r));
		if (st == DK_OK)
			st = text_step(dk_report_csv(&r, true));
		if (st == DK_OK)
			st = text_step(dk_report_html(&r));
		if (st == DK_OK)
			st = text_step(dk_findings_csv(&r, false));
		if (st == DK_OK)
			st = text_step(dk_explain_text(&r, 3));
	}
	if (st == DK_OK)
		st = dk_input_builtin(&tpl_in, "ilu.json",
				      (const unsigned char *)template_text, template_len);
	if (st == DK_OK)
		st = dk_input_decode(&tpl_in, &d);
	if (st == DK_OK) {
		dk_pricing_release(&tpl);
		st = dk_pricing_read(&tpl_in, &tpl, &d);
	}
	if (st == DK_OK)
		st = dk_input_builtin(&sc_in, "s.json",
				      (const unsigned char *)scenarios_text,
				      strlen(scenarios_text));
	if (st == DK_OK)
		st = dk_input_decode(&sc_in, &d);
	if (st == DK_OK)
		st = dk_scenarios_read(&sc_in, &plan, &nets, &tpl, &sf, &d);
	sf.mc.threads = 2; /* the workers' copies fail too */
	if (st == DK_OK) {
		dk_models m = {&plan, &nets, &tpl};
		st = dk_scenarios_run(&sf, &m, &res);
	}
	if (st == DK_OK)
		st = dk_price_quote(&tpl, &q);
	if (st == DK_OK)
		st = dk_findings_render(&q.findings);
	dk_quote_release(&q);
	dk_pricing_release(&tpl);
	dk_scenario_results_release(&res);
	dk_scenario_file_release(&sf);
	if (have_rec)
		dk_recommendation_release(&rec);
	dk_networks_release(&nets);
	dk_colmap_release(&map);
	dk_plan_release(&plan);
	dk_input_release(&plan_in);
	dk_input_release(&map_in);
	dk_input_release(&net_in);
	dk_input_release(&sc_in);
	dk_input_release(&tpl_in);
	/* a failed allocation may also have been reported as a diagnostic */
	if (st == DK_EINPUT && d.n == 0)
		st = DK_ENOMEM;
	dk_error_release(&d);
	return st;
}

START_TEST(every_allocation_fails_once)
{
	size_t len;
	char *tpl = slurp(DK_SOURCE_DIR "/fixtures/pricing/ilu-illustrative.json", &len);
	fail_at = -1;
	seen = 0;
	dk_status st = pipeline(tpl, len);
	long total = seen;
	ck_assert_int_eq(st, DK_OK);
	ck_assert_int_gt(total, 100);
	long failed = 0;
	for (long k = 0; k < total; k++) {
		fail_at = k;
		seen = 0;
		st = pipeline(tpl, len);
		fail_at = -1; /* Check allocates too */
		ck_assert_msg(
			st == DK_ENOMEM || st == DK_OK,
			"allocation %ld of %ld failing gave status %d, not out of memory",
			k, total, (int)st);
		failed += st == DK_ENOMEM;
	}
	fail_at = -1;
	/* almost every failure is noticed; the rest are allocations whose
	 * failure has a fallback */
	ck_assert_int_gt(failed, total / 2);
	free(tpl);
}
END_TEST

int main(void)
{
	gsl_set_error_handler_off();
	Suite *s = suite_create("faults");
	TCase *tc = tcase_create("faults");
	tcase_set_timeout(tc, 600);
	tcase_add_test(tc, every_allocation_fails_once);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_set_fork_status(sr, CK_NOFORK);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

/*
 * test_scenario.c: scenarios, sweeps and Monte Carlo runs (RULES.md
 * section 7) on a case small enough to follow by hand.
 *
 * The case: method `need`, frame 1 000, two networks A (need 600) and B
 * (need 900). Their needs sum to 1 500, so λ = 1 000 / 1 500 = 2/3: A gets
 * 400 and B 600, both free. With a frame of 1 500 or more both are capped
 * at their needs.
 */
#include <check.h>
#include <gsl/gsl_errno.h>
#include <stdlib.h>
#include <string.h>

#include "engine/recommend.h"
#include "engine/scenario.h"
#include "input.h"
#include "io/json_plan.h"
#include "io/json_pricing.h"
#include "io/json_scenarios.h"
#include "models/recommendation.h"
#include "io/networks.h"

static const char plan_text[] =
	"{\"year\": 2023, \"institutions\": [{\"id\": \"NTNU\"}],\n"
	" \"frame\": {\"prorata\": 1000},\n"
	" \"allocation\": {\"method\": \"need\"}}\n";
static const char nets_text[] =
	"{\"networks\": [{\"network\": \"A\", \"need\": 600, \"previous\": 500},\n"
	"               {\"network\": \"B/C\", \"need\": 900, \"previous\": 700}]}\n";

typedef struct {
	dk_input plan_in, net_in, sc_in;
	dk_plan plan;
	dk_networks nets;
	dk_scenario_file file;
	dk_scenario_results res;
	dk_error d;
} fx;

/* Reads the case and the scenario text; returns the reader's status. */
static dk_status fx_load(fx *f, const char *scenarios)
{
	memset(f, 0, sizeof *f);
	dk_error_init(&f->d);
	dk_test_input(&f->plan_in, "plan.json", plan_text);
	dk_test_input(&f->net_in, "nets.json", nets_text);
	dk_test_input(&f->sc_in, "s.json", scenarios);
	ck_assert_int_eq(dk_plan_read(&f->plan_in, &f->plan, &f->d), DK_OK);
	dk_read_opts ro = {&f->plan, NULL, DK_DEC_AUTO, false, NULL};
	ck_assert_int_eq(dk_networks_read(&f->net_in, &ro, &f->nets, &f->d), DK_OK);
	return dk_scenarios_read(&f->sc_in, &f->plan, &f->nets, NULL, &f->file, &f->d);
}

static dk_status run(fx *f)
{
	dk_models m = {&f->plan, &f->nets, NULL};
	return dk_scenarios_run(&f->file, &m, &f->res);
}

static void fx_run(fx *f, const char *scenarios)
{
	ck_assert_int_eq(fx_load(f, scenarios), DK_OK);
	ck_assert_int_eq(run(f), DK_OK);
}

static void fx_release(fx *f)
{
	dk_scenario_results_release(&f->res);
	dk_scenario_file_release(&f->file);
	dk_networks_release(&f->nets);
	dk_plan_release(&f->plan);
	dk_input_release(&f->plan_in);
	dk_input_release(&f->net_in);
	dk_input_release(&f->sc_in);
	dk_error_release(&f->d);
}

START_TEST(named)
{
	fx f;
	fx_run(&f,
	       "{\"scenarios\": ["
	       "{\"name\": \"frame 1500\", \"set\": {\"/plan/frame/prorata\": 1500}},"
	       "{\"name\": \"A needs 100\", \"set\": {\"/networks/A/need\": 100}},"
	       "{\"name\": \"status quo\", \"set\": {\"/plan/allocation/method\": \"status_quo\"}},"
	       "{\"name\": \"B/C by name\", \"set\": {\"/networks/b~1c/need\": 400}}]}");
	const dk_scenario_results *r = &f.res;
	ck_assert(r->baseline.produced);
	ck_assert_int_eq(r->baseline.amount[0], 400);
	ck_assert_int_eq(r->baseline.amount[1], 600);
	ck_assert_int_eq(r->baseline.state[0], DK_STATE_FREE);
	ck_assert_uint_eq(r->n_runs, 4);
	/* a frame of 1 500 meets both needs: both capped */
	ck_assert_str_eq(r->runs[0].label, "frame 1500");
	ck_assert_int_eq(r->runs[0].amount[0], 600);
	ck_assert_int_eq(r->runs[0].amount[1], 900);
	ck_assert_int_eq(r->runs[0].state[0], DK_STATE_CAPPED);
	/* A needs 100: capped at 100, B gets the rest up to its need, 900 */
	ck_assert_int_eq(r->runs[1].amount[0], 100);
	ck_assert_int_eq(r->runs[1].amount[1], 900);
	ck_assert_int_eq(r->runs[1].unused, 0);
	/* status quo: weights min(previous, need) = 500 and 700, caps the same,
	 * 1 000 of 1 200: λ = 5/6, 416.67 and 583.33, rounded 417 and 583 */
	ck_assert_int_eq(r->runs[2].amount[0], 417);
	ck_assert_int_eq(r->runs[2].amount[1], 583);
	/* a name with '/' is written ~1 and matched case-insensitively: needs
	 * 600 and 400, λ = 1 000 / 1 000 = 1, both at their needs */
	ck_assert_int_eq(r->runs[3].amount[0], 600);
	ck_assert_int_eq(r->runs[3].amount[1], 400);
	/* counted findings are the findings: the baseline has none above
	 * info, as a full run of the same case shows; with A at 100 both
	 * networks move more than 25 % from last year (100 against 500, 900
	 * against 700): two year-change warnings */
	dk_recommendation full;
	ck_assert_int_eq(dk_recommend(&f.plan, &f.nets, &full), DK_OK);
	size_t counts[3] = {0, 0, 0};
	for (size_t i = 0; i < full.findings.n; i++)
		counts[full.findings.items[i].severity]++;
	for (int s = 0; s < 3; s++) {
		ck_assert_uint_eq(r->baseline.findings[s], counts[s]);
		ck_assert_uint_eq(full.findings.counts[s], counts[s]);
	}
	ck_assert_uint_eq(r->runs[1].findings[DK_SEV_WARNING], 2);
	dk_recommendation_release(&full);
	/* the models are as they were */
	ck_assert_int_eq(f.plan.prorata, 1000);
	ck_assert_int_eq(f.plan.method, DK_METHOD_NEED);
	ck_assert_int_eq(f.nets.items[0].v[DK_COL_NEED], 600);
	ck_assert_int_eq(f.nets.items[1].v[DK_COL_NEED], 900);
	fx_release(&f);
}
END_TEST

START_TEST(sweep)
{
	fx f;
	fx_run(&f,
	       "{\"sweep\": {\"path\": \"/plan/frame/prorata\", \"from\": 0, "
	       "\"to\": 1500, \"step\": 500}}");
	const dk_scenario_results *r = &f.res;
	ck_assert_uint_eq(r->n_runs, 4);
	/* 0, 500, 1 000, 1 500: A gets 2/5 of each frame up to its need */
	static const int64_t a[] = {0, 200, 400, 600}, b[] = {0, 300, 600, 900};
	for (size_t i = 0; i < 4; i++) {
		ck_assert(r->runs[i].has_value);
		ck_assert_int_eq(r->runs[i].value, (int64_t)i * 500);
		ck_assert_int_eq(r->runs[i].amount[0], a[i]);
		ck_assert_int_eq(r->runs[i].amount[1], b[i]);
	}
	ck_assert_str_eq(r->runs[1].label, "/plan/frame/prorata = 500");
	fx_release(&f);
}
END_TEST

START_TEST(sweep_is_monotone)
{
	/* the frame swept from 0 to 1 596 in steps of 7: raising it never
	 * lowers a network by more than one rounding unit (RULES.md section
	 * 3), and the amounts always sum to the frame less what is not
	 * allocated */
	fx f;
	fx_run(&f,
	       "{\"sweep\": {\"path\": \"/plan/frame/prorata\", \"from\": 0, "
	       "\"to\": 1600, \"step\": 7}}");
	const dk_scenario_results *r = &f.res;
	for (size_t i = 0; i < r->n_runs; i++) {
		dk_kr sum = 0;
		for (size_t k = 0; k < 2; k++) {
			sum += r->runs[i].amount[k];
			if (i > 0)
				ck_assert_int_ge(r->runs[i].amount[k] + 1,
						 r->runs[i - 1].amount[k]);
		}
		ck_assert_int_eq(sum + r->runs[i].unused, r->runs[i].value);
	}
	/* past 1 500 both are at their needs and the rest is not allocated */
	const dk_run *last = &r->runs[r->n_runs - 1];
	ck_assert_int_eq(last->value, 1596);
	ck_assert_int_eq(last->amount[0], 600);
	ck_assert_int_eq(last->amount[1], 900);
	ck_assert_int_eq(last->unused, 96);
	fx_release(&f);
}
END_TEST

START_TEST(montecarlo_fixed)
{
	/* draws that cannot vary: a uniform from 1 500 to 1 500 and a
	 * triangle of width 0 give the frame-1 500 case in every run */
	fx f;
	fx_run(&f,
	       "{\"montecarlo\": {\"runs\": 50, \"seed\": 7, \"draws\": ["
	       "{\"path\": \"/plan/frame/prorata\", \"uniform\": {\"min\": 1500, \"max\": 1500}},"
	       "{\"path\": \"/networks/A/need\", \"triangular\": {\"min\": 600, \"mode\": 600, \"max\": 600}}]}}");
	const dk_scenario_results *r = &f.res;
	ck_assert(r->has_mc);
	ck_assert_int_eq(r->mc_runs, 50);
	ck_assert_int_eq(r->mc_produced, 50);
	ck_assert_double_eq(r->mc[0].mean, 600);
	ck_assert_double_eq(r->mc[0].sd, 0);
	ck_assert_double_eq(r->mc[1].q[0], 900);
	ck_assert_double_eq(r->mc[1].q[4], 900);
	ck_assert_int_eq(r->mc[0].capped, 50);
	fx_release(&f);
}
END_TEST

START_TEST(montecarlo_repeatable)
{
	/* needs drawn around their values: the same seed gives the same
	 * summary, another seed another; a draw below 0 is 0 and every
	 * amount stays within [0, need] */
	static const char text[] =
		"{\"montecarlo\": {\"runs\": 400, \"seed\": 11, \"draws\": ["
		"{\"path\": \"/networks/*/need\", \"normal\": {\"relative_sd\": 0.8}}]}}";
	fx f, g;
	fx_run(&f, text);
	fx_run(&g, text);
	for (size_t k = 0; k < 2; k++) {
		ck_assert_double_eq(f.res.mc[k].mean, g.res.mc[k].mean);
		ck_assert_double_eq(f.res.mc[k].sd, g.res.mc[k].sd);
		for (int q = 0; q < 5; q++)
			ck_assert_double_eq(f.res.mc[k].q[q], g.res.mc[k].q[q]);
		ck_assert(f.res.mc[k].q[0] >= 0);
		ck_assert(f.res.mc[k].sd > 0);
	}
	/* quantiles are in order */
	for (int q = 0; q < 4; q++)
		ck_assert(f.res.mc[1].q[q] <= f.res.mc[1].q[q + 1]);
	fx_release(&g);
	static const char other[] =
		"{\"montecarlo\": {\"runs\": 400, \"seed\": 12, \"draws\": ["
		"{\"path\": \"/networks/*/need\", \"normal\": {\"relative_sd\": 0.8}}]}}";
	fx_run(&g, other);
	ck_assert(f.res.mc[0].mean != g.res.mc[0].mean);
	/* and the baseline needs are back */
	ck_assert_int_eq(f.nets.items[0].v[DK_COL_NEED], 600);
	fx_release(&f);
	fx_release(&g);
}
END_TEST

START_TEST(montecarlo_threads)
{
	/* the same summary from 1, 2 and 7 threads: run k draws from the
	 * stream of (seed, k) wherever it runs */
	static const char text[] =
		"{\"montecarlo\": {\"runs\": 301, \"seed\": 5, \"draws\": ["
		"{\"path\": \"/networks/*/need\", \"normal\": {\"relative_sd\": 0.3}},"
		"{\"path\": \"/plan/frame/prorata\", \"uniform\": {\"min\": 500, \"max\": 1600}}]}}";
	fx one;
	ck_assert_int_eq(fx_load(&one, text), DK_OK);
	one.file.mc.threads = 1;
	ck_assert_int_eq(run(&one), DK_OK);
	static const int counts[] = {2, 7};
	for (size_t c = 0; c < 2; c++) {
		fx many;
		ck_assert_int_eq(fx_load(&many, text), DK_OK);
		many.file.mc.threads = counts[c];
		ck_assert_int_eq(run(&many), DK_OK);
		ck_assert_int_eq(many.res.mc_produced, one.res.mc_produced);
		for (size_t k = 0; k < 2; k++) {
			ck_assert_double_eq(many.res.mc[k].mean, one.res.mc[k].mean);
			ck_assert_double_eq(many.res.mc[k].sd, one.res.mc[k].sd);
			ck_assert_int_eq(many.res.mc[k].capped, one.res.mc[k].capped);
			for (int q = 0; q < 5; q++)
				ck_assert_double_eq(many.res.mc[k].q[q],
						    one.res.mc[k].q[q]);
		}
		/* and the caller's models are untouched */
		ck_assert_int_eq(many.plan.prorata, 1000);
		ck_assert_int_eq(many.nets.items[1].v[DK_COL_NEED], 900);
		fx_release(&many);
	}
	fx_release(&one);
}
END_TEST

START_TEST(days_bought)
{
	/* with the illustrative template (basic package 79 700 kr for 4 days,
	 * add-ons 29 900 for 1.5 and 20 000 for 1): A's 600 000 of UP2 buys 6
	 * basic packages and 4 add-ons of 1.5 days, 30 days for 597 800 (5
	 * basic packages and 6 + 1 add-ons also give 30, for 100 kr more);
	 * B's 900 000 buys 11 packages and a 1-day add-on, 45 days. The Monte
	 * Carlo runs, with a frame that cannot vary, give the same days. */
	static const char plan[] =
		"{\"year\": 2023, \"institutions\": [{\"id\": \"NTNU\"}],"
		" \"frame\": {\"prorata\": 1500000}, \"allocation\": {\"method\": \"need\"}}";
	static const char nets[] =
		"{\"networks\": [{\"network\": \"A\", \"need\": 600000, \"uh\": {\"NTNU\": 600000}},"
		" {\"network\": \"B\", \"need\": 900000, \"uh\": {\"NTNU\": 900000}}]}";
	static const char sc[] =
		"{\"scenarios\": [{\"name\": \"dearer\", \"set\": {\"/pricing/margin\": 0.1}}],"
		" \"montecarlo\": {\"runs\": 9, \"seed\": 3, \"draws\": [{\"path\": "
		"\"/plan/frame/prorata\", \"uniform\": {\"min\": 1500000, \"max\": 1500000}}]}}";
	dk_input pi, ni, si, ti;
	dk_plan p;
	dk_networks t;
	dk_pricing pr;
	dk_scenario_file file;
	dk_scenario_results res;
	dk_error d;
	dk_error_init(&d);
	dk_test_input(&pi, "plan.json", plan);
	dk_test_input(&ni, "nets.json", nets);
	dk_test_input(&si, "s.json", sc);
	dk_input_init(&ti);
	ck_assert_int_eq(
		dk_input_read(
			&ti, DK_SOURCE_DIR "/fixtures/pricing/ilu-illustrative.json", &d),
		DK_OK);
	ck_assert_int_eq(dk_input_decode(&ti, &d), DK_OK);
	ck_assert_int_eq(dk_pricing_read(&ti, &pr, &d), DK_OK);
	ck_assert_int_eq(dk_plan_read(&pi, &p, &d), DK_OK);
	dk_read_opts ro = {&p, NULL, DK_DEC_AUTO, false, NULL};
	ck_assert_int_eq(dk_networks_read(&ni, &ro, &t, &d), DK_OK);
	ck_assert_int_eq(dk_scenarios_read(&si, &p, &t, &pr, &file, &d), DK_OK);
	file.mc.threads = 2;
	dk_models m = {&p, &t, &pr};
	ck_assert_int_eq(dk_scenarios_run(&file, &m, &res), DK_OK);
	ck_assert(res.baseline.priced);
	ck_assert_int_eq(res.baseline.price[0], 7970000); /* øre */
	ck_assert_int_eq(res.baseline.days[0], 30 * DK_E4);
	ck_assert_int_eq(res.baseline.days[1], 45 * DK_E4);
	/* a margin of 10 %: the basic package costs 87 700, fewer days */
	ck_assert_int_eq(res.runs[0].price[0], 8770000);
	ck_assert_int_lt(res.runs[0].days[0], 30 * DK_E4);
	ck_assert(res.mc_priced);
	ck_assert_double_eq(res.mc[0].days_mean, 30);
	ck_assert_double_eq(res.mc[1].days_mean, 45);
	ck_assert_double_eq(res.mc[1].days_sd, 0);
	/* and the template is as it was */
	ck_assert_int_eq(pr.margin, 0);
	dk_scenario_results_release(&res);
	dk_scenario_file_release(&file);
	dk_pricing_release(&pr);
	dk_networks_release(&t);
	dk_plan_release(&p);
	dk_input_release(&pi);
	dk_input_release(&ni);
	dk_input_release(&si);
	dk_input_release(&ti);
	dk_error_release(&d);
}
END_TEST

START_TEST(bad_paths)
{
	static const struct {
		const char *text;
		const char *message;
	} cases[] = {
		{"{\"scenarios\": [{\"name\": \"x\", \"set\": {\"/networks/Z/need\": 1}}]}",
		 "s.json:1:38: error: path '/networks/Z/need': no network named 'Z' (a '/' "
		 "in a name is written ~1)"},
		{"{\"scenarios\": [{\"name\": \"x\", \"set\": {\"/plan/frame/prorata\": 1.5}}]}",
		 "s.json:1:61: error: /plan/frame/prorata: 1.5 has decimals; "
		 "/plan/frame/prorata takes a whole number"},
		{"{\"sweep\": {\"path\": \"/plan/allocation/method\", \"from\": 0, \"to\": 1, "
		 "\"step\": 1}}",
		 "s.json:1:20: error: sweep: /plan/allocation/method is not a number; a "
		 "sweep steps a number from one value to another"},
		{"{\"montecarlo\": {\"runs\": 0, \"seed\": 1, \"draws\": [{\"path\": "
		 "\"/networks/*/need\", \"uniform\": {\"min\": 1, \"max\": 2}}]}}",
		 "s.json:1:25: error: montecarlo: expected \"runs\", a whole number from 1 "
		 "to 1000000"},
		{"{\"scenarios\": [{\"name\": \"x\"}]}",
		 "s.json:1:16: error: scenario: no \"set\"; expected the values it changes, "
		 "such as {\"/plan/frame/prorata\": 15900000}"},
		{"{\"scenarios\": [{\"name\": \"x\", \"set\": {\"/pricing/margin\": 1}}]}",
		 "s.json:1:38: error: path '/pricing/margin': a price template path, but no "
		 "template; give one with -P PRICING.json"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		fx f;
		ck_assert_int_eq(fx_load(&f, cases[i].text), DK_EINPUT);
		ck_assert_uint_ge(f.d.n, 1);
		char line[600];
		dk_diag_format(&f.d.items[0], line, sizeof line);
		ck_assert_str_eq(line, cases[i].message);
		fx_release(&f);
	}
}
END_TEST

int main(void)
{
	gsl_set_error_handler_off();
	Suite *s = suite_create("scenario");
	TCase *tc = tcase_create("scenario");
	tcase_add_test(tc, named);
	tcase_add_test(tc, sweep);
	tcase_add_test(tc, sweep_is_monotone);
	tcase_add_test(tc, montecarlo_fixed);
	tcase_add_test(tc, montecarlo_repeatable);
	tcase_add_test(tc, montecarlo_threads);
	tcase_add_test(tc, days_bought);
	tcase_add_test(tc, bad_paths);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

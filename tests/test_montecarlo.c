/*
 * test_montecarlo.c: the Monte Carlo path (engine/scenario.c, with its lazy
 * generator, reused arrays and workers) gives, run by run, the amounts of
 * the plain recommendation on the same drawn inputs.
 *
 * For generated cases (methods, frames, floors, caps, rounding units and
 * surplus rules drawn from a fixed seed), each Monte Carlo run's amounts are
 * taken from the engine through mc.each_run; the check then redoes run k
 * from scratch: the case read afresh, GSL's own MT19937 (not dekom's)
 * seeded from (seed, k) by SplitMix64's finaliser as RULES.md section 7
 * says, the draws made in their order and put in the fields, and
 * dk_recommend (with findings, not only counted) run on that. Every run's
 * every amount must agree, and the runs without amounts must be the same.
 *
 * The arrays a worker keeps from run to run (dk_rec_work) are checked on
 * their own too: one work through every generated case, sizes changing and
 * decisions coming and going, gives each run what a recommendation made
 * afresh gives, field by field.
 */
#include <check.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/recommend.h"
#include "engine/scenario.h"
#include "input.h"
#include "io/json_plan.h"
#include "io/json_scenarios.h"
#include "io/networks.h"
#include "models/recommendation.h"

#define CASES 24
#define RUNS 300
#define MAXN 12

typedef struct {
	char plan[1024], nets[8192], mc[1024];
	size_t n;
} gen_case;

typedef struct {
	dk_input plan_in, net_in, sc_in;
	dk_plan plan;
	dk_networks nets;
	dk_scenario_file file;
	dk_error d;
} loaded;

static long pick(gsl_rng *r, long lo, long hi)
{
	return lo + (long)gsl_rng_uniform_int(r, (unsigned long)(hi - lo + 1));
}

static void generate(gsl_rng *r, int c, gen_case *g)
{
	static const char *const methods[] = {"prorata", "need", "status_quo"};
	static const long units[] = {1, 1, 100, 1000};
	const char *method = methods[c % 3];
	g->n = (size_t)pick(r, 2, MAXN);
	long sum_need = 0;
	int at = snprintf(g->nets, sizeof g->nets, "{\"networks\": [");
	for (size_t k = 0; k < g->n; k++) {
		long need = pick(r, 100, 4000) * 1000, prev = pick(r, 0, 3000) * 1000;
		long own = pick(r, 0, need / 2), coord = pick(r, 0, need / 4);
		sum_need += need;
		at += snprintf(
			g->nets + at, sizeof g->nets - (size_t)at,
			"%s{\"network\": \"N%zu\", \"need\": %ld, \"previous\": %ld,"
			" \"fte\": %ld.%02ld, \"own\": %ld, \"coordinator\": %ld,"
			" \"uh_other\": %ld, \"uh\": {\"A\": %ld, \"B\": %ld}}",
			k ? ", " : "", k, need, prev, pick(r, 1, 400), pick(r, 0, 99),
			own, coord, pick(r, 0, need / 5), pick(r, 0, need / 3),
			pick(r, 0, need / 6));
	}
	snprintf(g->nets + at, sizeof g->nets - (size_t)at, "]}");
	/* a frame somewhere from well below the needs to above them */
	long frame = sum_need / 100 * pick(r, 40, 130);
	char extra[200] = "";
	if (c % 3 == 0)
		snprintf(
			extra, sizeof extra,
			", \"base_grant\": %ld, \"cap_at_need\": %s, \"floor_previous\": 0.%ld",
			pick(r, 0, 300) * 1000, pick(r, 0, 1) ? "true" : "false",
			pick(r, 0, 9));
	snprintf(
		g->plan, sizeof g->plan,
		"{\"year\": 2023, \"institutions\": [{\"id\": \"A\"}, {\"id\": \"B\"}],"
		" \"frame\": {\"prorata\": %ld, \"direct\": {\"amount\": %ld, \"split\": \"equal\"}},"
		" \"allocation\": {\"method\": \"%s\", \"rounding\": %ld, \"surplus\": \"%s\"%s}}",
		frame, pick(r, 0, 5000) * 1000, method, units[pick(r, 0, 3)],
		pick(r, 0, 1) ? "reserve" : "redistribute", extra);
	snprintf(
		g->mc, sizeof g->mc,
		"{\"montecarlo\": {\"runs\": %d, \"seed\": %ld, \"draws\": ["
		"{\"path\": \"/networks/*/need\", \"normal\": {\"relative_sd\": 0.%02ld}},"
		"{\"path\": \"/networks/N0/previous\", \"triangular\": {\"min\": 0, \"mode\": 1000000, \"max\": 3000000}},"
		"{\"path\": \"/plan/frame/prorata\", \"uniform\": {\"min\": %ld, \"max\": %ld}}]}}",
		RUNS, pick(r, 0, 1000000), pick(r, 1, 40), frame / 10 * 7,
		frame / 10 * 12);
}

static void load(loaded *l, const gen_case *g)
{
	memset(l, 0, sizeof *l);
	dk_error_init(&l->d);
	dk_test_input(&l->plan_in, "plan.json", g->plan);
	dk_test_input(&l->net_in, "nets.json", g->nets);
	dk_test_input(&l->sc_in, "mc.json", g->mc);
	ck_assert_msg(dk_plan_read(&l->plan_in, &l->plan, &l->d) == DK_OK, "%s", g->plan);
	dk_read_opts ro = {&l->plan, NULL, DK_DEC_AUTO, false, NULL};
	ck_assert_msg(dk_networks_read(&l->net_in, &ro, &l->nets, &l->d) == DK_OK, "%s",
		      g->nets);
	ck_assert_msg(dk_plan_resolve_decisions(&l->plan, &l->nets, "plan.json", &l->d) ==
			      DK_OK,
		      "%s", g->plan);
	ck_assert_msg(dk_scenarios_read(&l->sc_in, &l->plan, &l->nets, NULL, &l->file,
					&l->d) == DK_OK,
		      "%s", g->mc);
}

static void unload(loaded *l)
{
	dk_scenario_file_release(&l->file);
	dk_networks_release(&l->nets);
	dk_plan_release(&l->plan);
	dk_input_release(&l->plan_in);
	dk_input_release(&l->net_in);
	dk_input_release(&l->sc_in);
	dk_error_release(&l->d);
}

/* What the engine reported: amounts per run, or none. */
typedef struct {
	size_t n;
	dk_kr amount[RUNS][MAXN];
	bool produced[RUNS], seen[RUNS];
} per_run;

static void each_run(void *ctx, long k, const dk_kr *amount, size_t n)
{
	per_run *p = ctx; /* run k is told once, by one worker: its own slot */
	p->seen[k] = true;
	p->produced[k] = amount != NULL;
	for (size_t i = 0; amount && i < n; i++)
		p->amount[k][i] = amount[i];
}

/* RULES.md section 7: run k's generator is seeded from (seed, k) by
 * SplitMix64's finaliser. Written out here from the rule. */
static unsigned long seed_of(unsigned long seed, long k)
{
	uint64_t z = ((uint64_t)seed << 32) ^ (uint64_t)k;
	z += UINT64_C(0x9E3779B97F4A7C15);
	z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
	return (unsigned long)(z ^ (z >> 31));
}

/* Draws run k into the fields of l, with GSL's own generator. */
static void draw_run(loaded *l, gsl_rng *rng, unsigned long seed, long k)
{
	dk_models m = {&l->plan, &l->nets, NULL};
	gsl_rng_set(rng, seed_of(seed, k));
	for (size_t j = 0; j < l->file.mc.n_draws; j++) {
		const dk_draw *d = &l->file.mc.draws[j];
		const dk_target *t = &d->target;
		double unit = pow(10, t->decimals);
		bool every = t->network < 0 && t->kind == DK_T_NET_COLUMN;
		size_t from = every ? 0 : t->network >= 0 ? (size_t)t->network : 0;
		size_t to = every ? l->nets.n : from + 1;
		for (size_t i = from; i < to; i++) {
			double cur = (double)dk_target_get(t, &m, i) / unit, x;
			if (d->kind == DK_DIST_UNIFORM)
				x = d->a == d->b ? d->a : gsl_ran_flat(rng, d->a, d->b);
			else if (d->kind == DK_DIST_NORMAL)
				x = cur + gsl_ran_gaussian(rng, d->b * fabs(cur));
			else {
				double lo = d->a, mode = d->b, hi = d->c;
				double u = gsl_rng_uniform(rng),
				       fc = (mode - lo) / (hi - lo);
				x = u < fc ? lo + sqrt(u * (hi - lo) * (mode - lo))
					   : hi - sqrt((1 - u) * (hi - lo) * (hi - mode));
			}
			double s = round(x * unit);
			int64_t v = !(s >= (double)t->min) ? t->min
				: s >= (double)t->max      ? t->max
							   : (int64_t)s;
			dk_target_set(t, &m, i, v);
		}
	}
}

START_TEST(runs_equal_plain_recommendations)
{
	gsl_rng *gen = gsl_rng_alloc(gsl_rng_mt19937);
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
	gsl_rng_set(gen, 20261201);
	static per_run got;
	long produced = 0, empty = 0;
	for (int c = 0; c < CASES; c++) {
		gen_case g;
		generate(gen, c, &g);
		loaded l;
		load(&l, &g);
		memset(&got, 0, sizeof got);
		l.file.mc.threads = 1 + c % 3;
		l.file.mc.each_run = each_run;
		l.file.mc.each_run_ctx = &got;
		dk_models m = {&l.plan, &l.nets, NULL};
		dk_scenario_results res;
		ck_assert_int_eq(dk_scenarios_run(&l.file, &m, &res), DK_OK);
		unsigned long seed = l.file.mc.seed;
		dk_scenario_results_release(&res);
		unload(&l);
		for (long k = 0; k < RUNS; k++) {
			ck_assert_msg(got.seen[k], "case %d: run %ld not reported", c, k);
			loaded fresh;
			load(&fresh, &g);
			draw_run(&fresh, rng, seed, k);
			dk_recommendation rec;
			ck_assert_int_eq(dk_recommend(&fresh.plan, &fresh.nets, &rec),
					 DK_OK);
			ck_assert_msg(rec.produced == got.produced[k],
				      "case %d run %ld: amounts %d, expected %d", c, k,
				      got.produced[k], rec.produced);
			for (size_t i = 0; rec.produced && i < fresh.nets.n; i++)
				ck_assert_msg(
					rec.rows[i].amount == got.amount[k][i],
					"case %d run %ld network %zu: %lld, expected %lld",
					c, k, i, (long long)got.amount[k][i],
					(long long)rec.rows[i].amount);
			produced += rec.produced;
			empty += !rec.produced;
			dk_recommendation_release(&rec);
			unload(&fresh);
		}
	}
	/* the generated cases reach both: runs with amounts and without */
	ck_assert_int_gt(produced, CASES * RUNS / 2);
	ck_assert_int_gt(empty, 0);
	gsl_rng_free(gen);
	gsl_rng_free(rng);
}
END_TEST

/* The generated plan with a decision for network N1 (the plan's JSON ends
 * with the two braces of "allocation" and of the plan). */
static void with_decision(gen_case *g, long amount)
{
	size_t len = strlen(g->plan);
	ck_assert(len > 2);
	snprintf(g->plan + len - 1, sizeof g->plan - len + 1,
		 ", \"decisions\": [{\"network\": \"N1\", \"amount\": %ld,"
		 " \"reason\": \"test\"}]}",
		 amount);
}

static void same_recommendation(const dk_recommendation *a, const dk_recommendation *b,
				int c, long k)
{
	ck_assert_msg(a->produced == b->produced, "case %d run %ld: produced", c, k);
	ck_assert_msg(a->outcome == b->outcome && a->unused == b->unused &&
			      a->reserve_cut == b->reserve_cut &&
			      a->shortfall == b->shortfall && a->prorata == b->prorata &&
			      a->lambda_num == b->lambda_num &&
			      a->lambda_den == b->lambda_den &&
			      a->total_other == b->total_other,
		      "case %d run %ld: the frame's outcome", c, k);
	ck_assert_msg(memcmp(a->findings.counts, b->findings.counts,
			     sizeof a->findings.counts) == 0,
		      "case %d run %ld: findings counted", c, k);
	for (size_t i = 0; i < a->n_institutions; i++)
		ck_assert_msg(a->inst_direct[i] == b->inst_direct[i] &&
				      a->inst_up2[i] == b->inst_up2[i],
			      "case %d run %ld institution %zu", c, k, i);
	for (size_t i = 0; i < a->n; i++) {
		const dk_rec_row *x = &a->rows[i], *y = &b->rows[i];
		ck_assert_msg(x->amount == y->amount && x->state == y->state &&
				      x->lo == y->lo && x->hi == y->hi &&
				      x->x_num == y->x_num && x->rank == y->rank &&
				      x->got_unit == y->got_unit &&
				      x->method_amount == y->method_amount &&
				      x->decision == y->decision && x->own == y->own &&
				      x->coordinator == y->coordinator &&
				      x->uh_other == y->uh_other &&
				      x->unspecified == y->unspecified &&
				      x->base == y->base && x->weight == y->weight,
			      "case %d run %ld network %zu: %lld, expected %lld", c, k, i,
			      (long long)x->amount, (long long)y->amount);
		for (size_t j = 0; j < a->n_institutions; j++)
			ck_assert_msg(x->uh[j] == y->uh[j], "case %d run %ld network %zu",
				      c, k, i);
	}
}

START_TEST(work_kept_between_runs_changes_nothing)
{
	gsl_rng *gen = gsl_rng_alloc(gsl_rng_mt19937);
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
	gsl_rng_set(gen, 20261202);
	dk_rec_work w;
	memset(&w, 0, sizeof w);
	long decided = 0, produced = 0;
	for (int c = 0; c < CASES; c++) {
		gen_case g;
		generate(gen, c, &g);
		/* every fourth case with a decision, small or above the frame */
		if (c % 4 == 1)
			with_decision(&g, c % 8 == 1 ? 50000 : 900000000);
		decided += c % 4 == 1;
		loaded l;
		load(&l, &g);
		for (long k = 0; k < 40; k++) {
			draw_run(&l, rng, (unsigned long)c, k);
			dk_recommendation fresh;
			dk_status st_ = dk_recommend_again(&l.plan, &l.nets, &w);
			ck_assert_msg(st_ == DK_OK, "case %d run %ld: %d", c, k,
				      (int)st_);
			ck_assert_int_eq(dk_recommend_counted(&l.plan, &l.nets, &fresh),
					 DK_OK);
			same_recommendation(&w.rec, &fresh, c, k);
			produced += fresh.produced;
			dk_recommendation_release(&fresh);
		}
		unload(&l);
	}
	dk_rec_work_release(&w);
	ck_assert_int_gt(decided, 0);
	ck_assert_int_gt(produced, CASES * 40 / 2);
	gsl_rng_free(gen);
	gsl_rng_free(rng);
}
END_TEST

int main(void)
{
	gsl_set_error_handler_off();
	Suite *s = suite_create("montecarlo");
	TCase *tc = tcase_create("montecarlo");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, runs_equal_plain_recommendations);
	tcase_add_test(tc, work_kept_between_runs_changes_nothing);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

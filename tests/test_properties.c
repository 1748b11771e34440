/*
 * test_properties.c: properties of the water-filling engine over 10 000
 * generated cases (GSL's Mersenne Twister, fixed seed, so a failure
 * repeats):
 *
 *   - Σ recommended + unused + reserve cuts = F exactly;
 *   - nobody above its cap or below its floor, every amount a multiple of
 *     the unit;
 *   - permuting the rows permutes the output and changes no amount, except
 *     between rows whose exact amounts are equal (there the earlier row
 *     wins a unit, by the tie order);
 *   - raising F never lowers an exact amount, and lowers no rounded amount
 *     by more than one unit.
 *
 * Each failure message gives the case number, to rerun it alone.
 */
#include <check.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_rng.h>
#include <stdlib.h>
#include <string.h>

#include "engine/allocate.h"
#include "engine/apportion.h"
#include "models/exact.h"

#define CASES 10000
#define MAXN 12

typedef struct {
	dk_wf_item it[MAXN];
	size_t n;
	int64_t frame, unit;
	bool reserve;
} gen_case;

static int64_t pick(gsl_rng *r, int64_t max)
{
	return (int64_t)gsl_rng_uniform_int(r, (unsigned long)max + 1);
}

static void generate(gsl_rng *r, gen_case *c)
{
	static const int64_t units[] = {1, 1, 1, 10, 100};
	c->n = 1 + (size_t)pick(r, MAXN - 1);
	for (size_t i = 0; i < c->n; i++) {
		dk_wf_item *x = &c->it[i];
		x->base = pick(r, 4) == 0 ? pick(r, 1000) : 0;
		x->weight = pick(r, 4) == 0 ? 0 : pick(r, 100000);
		x->lo = pick(r, 3) == 0 ? pick(r, 800) : 0;
		x->hi = pick(r, 3) == 0 ? -1 : pick(r, 5000);
		if (x->hi >= 0 && x->lo > x->hi)
			x->lo = x->hi;
	}
	c->frame = pick(r, 30000);
	c->unit = units[pick(r, 4)];
	c->reserve = pick(r, 4) == 0;
}

static void run(const gen_case *c, int64_t frame, dk_wf_out *out)
{
	dk_wf_in in = {c->it, c->n, frame, c->unit, c->reserve};
	ck_assert_int_eq(dk_wf_run(&in, out), DK_OK);
}

START_TEST(water_filling_properties)
{
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
	gsl_rng_set(r, 20221);
	size_t solved = 0, saturated = 0, infeasible = 0;
	for (int k = 0; k < CASES; k++) {
		gen_case c;
		generate(r, &c);
		dk_wf_out a;
		run(&c, c.frame, &a);
		if (a.outcome == DK_WF_INFEASIBLE) {
			infeasible++;
			dk_wf_release(&a);
			continue;
		}
		a.outcome == DK_WF_SATURATED ? saturated++ : solved++;
		/* sums to F */
		int64_t sum = 0;
		for (size_t i = 0; i < c.n; i++)
			sum += a.amount[i];
		ck_assert_msg(sum + a.unused + a.reserve_cut == c.frame,
			      "case %d: %lld + %lld + %lld != %lld", k, (long long)sum,
			      (long long)a.unused, (long long)a.reserve_cut,
			      (long long)c.frame);
		ck_assert_msg(a.unused >= 0 && a.reserve_cut >= 0,
			      "case %d: negative rest", k);
		/* bounds and units */
		for (size_t i = 0; i < c.n; i++) {
			ck_assert_msg(a.hi[i] < 0 || a.amount[i] <= a.hi[i],
				      "case %d: row %zu above its cap", k, i);
			ck_assert_msg(a.amount[i] >= a.lo[i],
				      "case %d: row %zu below its floor", k, i);
			ck_assert_msg(a.amount[i] % c.unit == 0,
				      "case %d: row %zu not a multiple of the unit", k,
				      i);
		}
		/* permutation */
		gen_case p = c;
		size_t perm[MAXN];
		for (size_t i = 0; i < c.n; i++)
			perm[i] = i;
		for (size_t i = c.n; i > 1; i--) {
			size_t j = (size_t)pick(r, (int64_t)i - 1);
			size_t t = perm[i - 1];
			perm[i - 1] = perm[j];
			perm[j] = t;
		}
		for (size_t i = 0; i < c.n; i++)
			p.it[i] = c.it[perm[i]];
		dk_wf_out b;
		run(&p, c.frame, &b);
		ck_assert_msg(b.lambda_num == a.lambda_num &&
				      b.lambda_den == a.lambda_den,
			      "case %d: λ changed under permutation", k);
		for (size_t i = 0; i < c.n; i++) {
			size_t o = perm[i];
			if (b.amount[i] == a.amount[o])
				continue;
			/* only a tie decided by position may differ */
			int tied = 0;
			for (size_t j = 0; j < c.n; j++)
				if (j != o && a.x_num[j] == a.x_num[o] &&
				    a.state[j] == DK_STATE_FREE)
					tied = 1;
			ck_assert_msg(tied,
				      "case %d: row %zu changed under permutation "
				      "without a tie",
				      k, o);
		}
		dk_wf_release(&b);
		/* monotone in F */
		int64_t more = c.frame + 1 + pick(r, 2000);
		dk_wf_out m;
		run(&c, more, &m);
		ck_assert_msg(m.outcome != DK_WF_INFEASIBLE,
			      "case %d: more frame, infeasible", k);
		for (size_t i = 0; i < c.n; i++) {
			ck_assert_msg(dk_ratcmp(m.x_num[i], m.lambda_den, a.x_num[i],
						a.lambda_den) >= 0,
				      "case %d: row %zu's exact amount fell when F rose",
				      k, i);
			ck_assert_msg(m.amount[i] >= a.amount[i] - c.unit,
				      "case %d: row %zu fell by more than a unit when F "
				      "rose (%lld to %lld)",
				      k, i, (long long)a.amount[i],
				      (long long)m.amount[i]);
		}
		dk_wf_release(&m);
		dk_wf_release(&a);
	}
	/* the generator reaches every outcome */
	ck_assert_uint_gt(solved, 1000);
	ck_assert_uint_gt(saturated, 100);
	ck_assert_uint_gt(infeasible, 100);
	gsl_rng_free(r);
}
END_TEST

/* λ* as RULES.md section 3 defines it: the smallest λ ≥ 0 with
 * Σ xᵢ(λ) = F. For a solved case that is: the sum at λ* is F exactly, and
 * just below λ* some item with a weight is free (lo < b + λw < hi for λ
 * a little smaller), so the sum is smaller there. Both checked in exact
 * arithmetic, from the items alone. */
static void assert_smallest_lambda(const dk_wf_item *it, size_t n, int64_t frame,
				   const dk_wf_out *o, int k)
{
	dk_i128 p = o->lambda_num, q = o->lambda_den, sum = 0;
	bool rising = false;
	for (size_t i = 0; i < n; i++) {
		dk_i128 lo = o->lo[i], hi = o->hi[i], b = it[i].base, w = it[i].weight;
		dk_i128 v = b * q + p * w;
		if (hi >= 0 && v > hi * q)
			v = hi * q;
		if (v < lo * q)
			v = lo * q;
		sum += v;
		/* free just below λ*: (lo − b)/w < λ* ≤ (hi − b)/w */
		if (w > 0 && (lo - b) * q < p * w && (hi < 0 || p * w <= (hi - b) * q))
			rising = true;
	}
	ck_assert_msg(sum == (dk_i128)frame * q, "case %d: Σ x(λ*) is not F", k);
	ck_assert_msg(p == 0 || rising, "case %d: a smaller λ gives F too", k);
}

/* Tables too large for the insertion sort, whose breakpoints are sorted
 * on floating-point keys first: with breakpoints far apart, with many
 * equal, and with many different but closer than a double can tell
 * ((2⁵² + j) / (2⁵² + j − 1) for several j share their key), and with
 * numbers past 2⁵³, which have no key. */
START_TEST(many_items_sorted_on_keys)
{
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
	gsl_rng_set(r, 20261201);
	enum { BIG = 400 };
	static dk_wf_item it[BIG];
	const int64_t two52 = INT64_C(1) << 52;
	size_t solved[4] = {0};
	for (int k = 0; k < 600; k++) {
		size_t n = 33 + (size_t)pick(r, BIG - 33);
		int mode = k % 4;
		int64_t sum_lo = 0, sum_hi = 0;
		for (size_t i = 0; i < n; i++) {
			dk_wf_item *x = &it[i];
			if (mode == 0) { /* far apart */
				x->base = pick(r, 1000);
				x->weight = 1 + pick(r, 100000);
				x->lo = pick(r, 2) ? pick(r, 5000) : 0;
				x->hi = pick(r, 4) ? x->lo + pick(r, 50000) : -1;
			} else if (mode == 1) { /* many equal */
				x->base = 0;
				x->weight = 1 + pick(r, 3);
				x->lo = x->weight * (1 + pick(r, 2)) * 1000;
				x->hi = x->weight * (3 + pick(r, 2)) * 1000;
			} else if (mode == 2) { /* closer than a double */
				int64_t j = 1 + pick(r, 40);
				x->base = 0;
				x->weight = two52 + j - 1;
				x->lo = 0;
				x->hi = pick(r, 3) ? two52 + j : two52 + j + 1;
			} else { /* past 2⁵³: no keys */
				x->base = pick(r, 1000);
				x->weight = (INT64_C(1) << 40) + pick(r, 1000);
				x->lo = 0;
				x->hi = (INT64_C(1) << 54) + pick(r, INT64_C(1) << 40);
			}
			sum_lo += x->lo;
			sum_hi += x->hi < 0 ? x->lo : x->hi / 2 + x->lo / 2;
		}
		/* a frame between the floors and about half the caps (pick
		 * draws below 2³²); for the close breakpoints, one that the
		 * sum crosses among them (at λ just above 1, where each item
		 * reaches w and then its cap, 1 or 2 above) */
		int64_t frame = sum_lo + (sum_hi - sum_lo) / 1000 * pick(r, 1000);
		if (mode == 2) {
			int64_t w = 0, room = 0;
			for (size_t i = 0; i < n; i++) {
				w += it[i].weight;
				room += it[i].hi - it[i].weight;
			}
			frame = w + 1 + pick(r, room - 2);
		}
		dk_wf_in in = {it, n, frame, 1, false};
		dk_wf_out o;
		ck_assert_int_eq(dk_wf_run(&in, &o), DK_OK);
		if (o.outcome == DK_WF_SOLVED) {
			assert_smallest_lambda(it, n, frame, &o, k);
			solved[mode]++;
		}
		dk_wf_release(&o);
	}
	for (int m = 0; m < 4; m++) /* every kind of table is solved often */
		ck_assert_msg(solved[m] > 60, "kind %d solved %zu times", m, solved[m]);
	gsl_rng_free(r);
}
END_TEST

START_TEST(apportion_sums_to_total)
{
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
	gsl_rng_set(r, 4180);
	for (int k = 0; k < CASES; k++) {
		size_t n = 1 + (size_t)pick(r, MAXN - 1);
		int64_t w[MAXN], out[MAXN], left;
		int64_t any = 0;
		for (size_t i = 0; i < n; i++)
			any |= w[i] = pick(r, 3) == 0 ? 0 : pick(r, 1000000);
		int64_t unit = pick(r, 1) ? 1 : 100;
		int64_t total = pick(r, 10000000) / unit * unit;
		dk_status st = dk_apportion64(total, w, n, unit, 0, out, &left);
		ck_assert_int_eq(st, DK_OK);
		int64_t sum = 0;
		for (size_t i = 0; i < n; i++) {
			sum += out[i];
			if (any && w[i] == 0)
				ck_assert_int_eq(out[i], 0);
		}
		ck_assert_msg(sum == total && left == 0, "case %d", k);
	}
	gsl_rng_free(r);
}
END_TEST

int main(void)
{
	gsl_set_error_handler_off();
	Suite *s = suite_create("properties");
	TCase *tc = tcase_create("generated");
	tcase_set_timeout(tc, 600);
	tcase_add_test(tc, water_filling_properties);
	tcase_add_test(tc, many_items_sorted_on_keys);
	tcase_add_test(tc, apportion_sums_to_total);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

/*
 * test_apportion.c: the one apportionment primitive, on cases small enough
 * to check with pencil and paper. Quotas are total·w/Σw; each case says
 * what they are.
 */
#include <check.h>
#include <stdlib.h>

#include "engine/apportion.h"

static void split(int64_t total, const int64_t *w, size_t n, int64_t unit,
		  const int64_t *caps, int64_t *out, size_t *rank, bool *got,
		  int64_t *left)
{
	dk_i128 ww[16];
	for (size_t i = 0; i < n; i++)
		ww[i] = w[i];
	dk_apportion_in in = {total, ww, n, unit, caps, -1, 0};
	dk_apportion_out o = {out, rank, got, 0};
	ck_assert_int_eq(dk_apportion(&in, &o), DK_OK);
	if (left)
		*left = o.left_over;
}

START_TEST(exact_quotas)
{
	/* 100 by 1:2:3:4 is 10, 20, 30, 40 with nothing left */
	int64_t w[] = {1, 2, 3, 4}, out[4], left;
	split(100, w, 4, 1, NULL, out, NULL, NULL, &left);
	ck_assert_int_eq(out[0], 10);
	ck_assert_int_eq(out[1], 20);
	ck_assert_int_eq(out[2], 30);
	ck_assert_int_eq(out[3], 40);
	ck_assert_int_eq(left, 0);
}
END_TEST

START_TEST(largest_remainder)
{
	/* 7 by 1:2: quotas 2 1/3 and 4 2/3; floors 2 + 4, the one krone left
	 * goes to the larger remainder (2/3) */
	int64_t w[] = {1, 2}, out[2];
	split(7, w, 2, 1, NULL, out, NULL, NULL, NULL);
	ck_assert_int_eq(out[0], 2);
	ck_assert_int_eq(out[1], 5);
}
END_TEST

START_TEST(tie_on_remainder_larger_weight_wins)
{
	/* 3 by 1:5: quotas 0.5 and 2.5, equal remainders; the larger weight
	 * takes the unit */
	int64_t w[] = {1, 5}, out[2];
	size_t rank[2];
	bool got[2];
	split(3, w, 2, 1, NULL, out, rank, got, NULL);
	ck_assert_int_eq(out[0], 0);
	ck_assert_int_eq(out[1], 3);
	ck_assert_uint_eq(rank[1], 1);
	ck_assert_uint_eq(rank[0], 2);
	ck_assert(got[1] && !got[0]);
}
END_TEST

START_TEST(tie_on_everything_earlier_wins)
{
	/* 10 by 1:1:1: quotas 3 1/3 each; the one krone left goes to the
	 * first row */
	int64_t w[] = {1, 1, 1}, out[3];
	size_t rank[3];
	bool got[3];
	split(10, w, 3, 1, NULL, out, rank, got, NULL);
	ck_assert_int_eq(out[0], 4);
	ck_assert_int_eq(out[1], 3);
	ck_assert_int_eq(out[2], 3);
	ck_assert_uint_eq(rank[0], 1);
	ck_assert_uint_eq(rank[1], 2);
	ck_assert_uint_eq(rank[2], 3);
	ck_assert(got[0] && !got[1] && !got[2]);
}
END_TEST

START_TEST(zero_weights)
{
	/* a zero weight gets nothing, also not a left-over unit */
	int64_t w[] = {0, 1, 1}, out[3];
	split(11, w, 3, 1, NULL, out, NULL, NULL, NULL);
	ck_assert_int_eq(out[0], 0);
	ck_assert_int_eq(out[1], 6);
	ck_assert_int_eq(out[2], 5);
	/* all zero: the fallback item takes all, or it is an error */
	int64_t z[] = {0, 0};
	ck_assert_int_eq(dk_apportion64(10, z, 2, 1, 1, out, NULL), DK_OK);
	ck_assert_int_eq(out[0], 0);
	ck_assert_int_eq(out[1], 10);
	ck_assert_int_eq(dk_apportion64(10, z, 2, 1, -1, out, NULL), DK_EINPUT);
}
END_TEST

START_TEST(units)
{
	/* 1 000 by 1:1:1 in hundreds: 333.3 each, floors 300 each, one
	 * hundred left for the first row */
	int64_t w[] = {1, 1, 1}, out[3], left;
	split(1000, w, 3, 100, NULL, out, NULL, NULL, &left);
	ck_assert_int_eq(out[0], 400);
	ck_assert_int_eq(out[1], 300);
	ck_assert_int_eq(out[2], 300);
	ck_assert_int_eq(left, 0);
	/* 1 050 in hundreds: 525 each, floors 500; the 50 is not a unit */
	int64_t w2[] = {1, 1};
	split(1050, w2, 2, 100, NULL, out, NULL, NULL, &left);
	ck_assert_int_eq(out[0], 500);
	ck_assert_int_eq(out[1], 500);
	ck_assert_int_eq(left, 50);
}
END_TEST

START_TEST(caps)
{
	/* 10 by 1:1:1 with the first capped at 2: it keeps 2 and takes no
	 * unit; floors 2 + 3 + 3, the two kroner left go to rows 2 and 3 */
	int64_t w[] = {1, 1, 1}, cap[] = {2, -1, -1}, out[3], left;
	split(10, w, 3, 1, cap, out, NULL, NULL, &left);
	ck_assert_int_eq(out[0], 2);
	ck_assert_int_eq(out[1], 4);
	ck_assert_int_eq(out[2], 4);
	ck_assert_int_eq(left, 0);
	/* caps everywhere: what does not fit is left over */
	int64_t all[] = {3, 3, 3};
	split(10, w, 3, 1, all, out, NULL, NULL, &left);
	ck_assert_int_eq(out[0] + out[1] + out[2], 9);
	ck_assert_int_eq(left, 1);
}
END_TEST

START_TEST(large_weights_stay_exact)
{
	/* weights near 10^30 (numerators of exact amounts): 10^12 split 1:2
	 * gives 333 333 333 333 and 666 666 666 667 */
	dk_i128 big = (dk_i128)1000000000000000LL * 1000000000000000LL;
	dk_i128 w[] = {big, 2 * big};
	int64_t out[2];
	dk_apportion_in in = {1000000000000LL, w, 2, 1, NULL, -1, 0};
	dk_apportion_out o = {out, NULL, NULL, 0};
	ck_assert_int_eq(dk_apportion(&in, &o), DK_OK);
	ck_assert_int_eq(out[0], 333333333333LL);
	ck_assert_int_eq(out[1], 666666666667LL);
}
END_TEST

/* Quotas whose products fill 64 bits (the apportionment divides them by a
 * reciprocal): each amount is its quota's floor, computed here by plain
 * 128-bit division, or one unit more, and the units placed are exactly
 * those the floors leave, going to the largest remainders. */
START_TEST(quotas_at_64_bits)
{
	uint64_t z = 88172645463325252u; /* xorshift64, a fixed sequence */
	for (int c = 0; c < 20000; c++) {
		int64_t w[6], out[6], left;
		size_t n = 2 + (size_t)(c % 5);
		z ^= z << 13, z ^= z >> 7, z ^= z << 17;
		/* totals up to 2^40, weights up to 2^23: products up to 2^63 */
		int64_t total = (int64_t)(z >> 24);
		dk_i128 W = 0;
		for (size_t i = 0; i < n; i++) {
			z ^= z << 13, z ^= z >> 7, z ^= z << 17;
			w[i] = (int64_t)(z >> 41) + (c % 7 == 0 ? 0 : 1);
			W += w[i];
		}
		if (W == 0)
			continue;
		ck_assert_int_eq(dk_apportion64(total, w, n, 1, -1, out, &left), DK_OK);
		int64_t sum = 0;
		for (size_t i = 0; i < n; i++) {
			int64_t q = (int64_t)((dk_i128)total * w[i] / W);
			ck_assert_msg(out[i] == q || out[i] == q + 1,
				      "case %d item %zu: %lld, quota floor %lld", c, i,
				      (long long)out[i], (long long)q);
			sum += out[i];
		}
		ck_assert_int_eq(sum, total);
		ck_assert_int_eq(left, 0);
		/* a unit more only where the remainder is at least as large as
		 * every remainder that got none */
		for (size_t i = 0; i < n; i++)
			for (size_t j = 0; j < n; j++) {
				dk_i128 ri = (dk_i128)total * w[i] % W,
					rj = (dk_i128)total * w[j] % W;
				int64_t qi = (int64_t)((dk_i128)total * w[i] / W);
				int64_t qj = (int64_t)((dk_i128)total * w[j] / W);
				if (out[i] > qi && out[j] == qj)
					ck_assert(ri >= rj);
			}
	}
}
END_TEST

/* dk_apportion64 splits what fits 64 bits on its own: the same amounts and
 * left-over as dk_apportion on every split, from small ones with ties to
 * products at the edge of 64 bits (where it hands over to dk_apportion),
 * with units, zero weights and a fallback. */
START_TEST(narrow_path_is_the_general_one)
{
	uint64_t z = 0x9e3779b97f4a7c15u;
	for (int c = 0; c < 200000; c++) {
		int64_t w[8], out[8], left;
		dk_i128 w128[8];
		int64_t ref[8];
		size_t n = (size_t)(c % 8) + 1;
		int bits = 3 + c % 61; /* the size of the numbers */
		z ^= z << 13, z ^= z >> 7, z ^= z << 17;
		int64_t total = (int64_t)(z >> (64 - bits + (bits > 62 ? 1 : 0)));
		int64_t unit = c % 3 == 0 ? 1 : c % 3 == 1 ? 1000 : (int64_t)(z % 7) + 1;
		for (size_t i = 0; i < n; i++) {
			z ^= z << 13, z ^= z >> 7, z ^= z << 17;
			w[i] = c % 5 == 0 ? (int64_t)(z % 3)
					  : (int64_t)(z >> (64 - bits / 2 - 1));
			w128[i] = w[i];
		}
		dk_apportion_in in = {total, w128, n, unit, NULL, (long)(c % 9) - 1, 0};
		dk_apportion_out o = {ref, NULL, NULL, 0};
		dk_status a = dk_apportion(&in, &o);
		dk_status b =
			dk_apportion64(total, w, n, unit, (long)(c % 9) - 1, out, &left);
		ck_assert_int_eq(a, b);
		if (a != DK_OK)
			continue;
		ck_assert_int_eq(left, o.left_over);
		for (size_t i = 0; i < n; i++)
			ck_assert_msg(out[i] == ref[i],
				      "case %d item %zu: %lld, not %lld", c, i,
				      (long long)out[i], (long long)ref[i]);
	}
}
END_TEST

int main(void)
{
	Suite *s = suite_create("apportion");
	TCase *tc = tcase_create("hand-checked");
	tcase_add_test(tc, exact_quotas);
	tcase_add_test(tc, largest_remainder);
	tcase_add_test(tc, tie_on_remainder_larger_weight_wins);
	tcase_add_test(tc, tie_on_everything_earlier_wins);
	tcase_add_test(tc, zero_weights);
	tcase_add_test(tc, units);
	tcase_add_test(tc, caps);
	tcase_add_test(tc, large_weights_stay_exact);
	tcase_add_test(tc, quotas_at_64_bits);
	tcase_add_test(tc, narrow_path_is_the_general_one);
	/* 200 000 splits: seconds under the sanitizers on a busy machine,
	 * past Check's default of 4 */
	tcase_set_timeout(tc, 120);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

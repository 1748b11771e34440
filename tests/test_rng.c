/*
 * test_rng.c: dk_rng_mt19937 gives the numbers of GSL's own MT19937, draw
 * for draw, for every seed: the Monte Carlo runs use it in its place, and
 * their output must not change by a digit.
 */
#include <check.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <stdint.h>
#include <stdlib.h>

#include "engine/rng.h"

/* seeds as the runs make them (64-bit, from SplitMix64), and the edges:
 * 0 (GSL's default seed), a zero low word, the largest */
static const unsigned long seeds[] = {0UL,
				      1UL,
				      4357UL,
				      5489UL,
				      0xffffffffUL,
				      0x100000000UL,
				      0xffffffffffffffffUL,
				      0x9e3779b97f4a7c15UL,
				      0xdeadbeef00000000UL};

START_TEST(same_words)
{
	gsl_rng *a = gsl_rng_alloc(gsl_rng_mt19937), *b = gsl_rng_alloc(dk_rng_mt19937);
	ck_assert_ptr_nonnull(a);
	ck_assert_ptr_nonnull(b);
	/* every count of draws up to three blocks: the first block worked
	 * out word by word, then whole blocks */
	for (size_t s = 0; s < sizeof seeds / sizeof *seeds; s++) {
		gsl_rng_set(a, seeds[s]);
		gsl_rng_set(b, seeds[s]);
		for (int k = 0; k < 3 * 624 + 5; k++)
			ck_assert_uint_eq(gsl_rng_get(a), gsl_rng_get(b));
	}
	ck_assert_uint_eq(gsl_rng_max(b), gsl_rng_max(a));
	ck_assert_uint_eq(gsl_rng_min(b), gsl_rng_min(a));
	gsl_rng_free(a);
	gsl_rng_free(b);
}
END_TEST

/* Reseeded after a few draws, as a worker does run after run: nothing of
 * the previous run's state leaks into the next. */
START_TEST(reseeded)
{
	gsl_rng *a = gsl_rng_alloc(gsl_rng_mt19937), *b = gsl_rng_alloc(dk_rng_mt19937);
	uint64_t z = 1;
	for (int run = 0; run < 2000; run++) {
		z = z * 6364136223846793005ULL + 1442695040888963407ULL;
		unsigned long seed = (unsigned long)(z >> 1);
		gsl_rng_set(a, seed);
		gsl_rng_set(b, seed);
		int draws = (int)(z >> 40) % 700; /* across the first block's end */
		for (int k = 0; k < draws; k++)
			ck_assert_uint_eq(gsl_rng_get(a), gsl_rng_get(b));
	}
	gsl_rng_free(a);
	gsl_rng_free(b);
}
END_TEST

/* The distributions the runs draw from, through the same generator. */
START_TEST(same_draws)
{
	gsl_rng *a = gsl_rng_alloc(gsl_rng_mt19937), *b = gsl_rng_alloc(dk_rng_mt19937);
	for (unsigned long seed = 1; seed < 200; seed++) {
		gsl_rng_set(a, seed * 2654435761UL);
		gsl_rng_set(b, seed * 2654435761UL);
		for (int k = 0; k < 40; k++) {
			ck_assert(gsl_ran_gaussian(a, 1000.0) ==
				  gsl_ran_gaussian(b, 1000.0));
			ck_assert(gsl_ran_flat(a, 13e6, 15e6) ==
				  gsl_ran_flat(b, 13e6, 15e6));
			ck_assert(gsl_rng_uniform(a) == gsl_rng_uniform(b));
		}
	}
	gsl_rng_free(a);
	gsl_rng_free(b);
}
END_TEST

/* GSL's own generator and a batch of dekom's, for the batch tests. */
static void batch_alloc(gsl_rng **ref, gsl_rng *b[DK_RNG_BATCH])
{
	*ref = gsl_rng_alloc(gsl_rng_mt19937);
	ck_assert_ptr_nonnull(*ref);
	for (size_t j = 0; j < DK_RNG_BATCH; j++) {
		b[j] = gsl_rng_alloc(dk_rng_mt19937);
		ck_assert_ptr_nonnull(b[j]);
	}
}

static void batch_free(gsl_rng *ref, gsl_rng *b[DK_RNG_BATCH])
{
	for (size_t j = 0; j < DK_RNG_BATCH; j++)
		gsl_rng_free(b[j]);
	gsl_rng_free(ref);
}

/* Seeded together, eight at a time or fewer, worked out ahead by any
 * amount: each generator then gives GSL's numbers for its own seed, past
 * the words worked out ahead and across the first block's end. */
START_TEST(seeded_together)
{
	gsl_rng *ref, *b[DK_RNG_BATCH];
	batch_alloc(&ref, b);
	uint64_t z = 7;
	for (int round = 0; round < 300; round++) {
		unsigned long batch_seeds[DK_RNG_BATCH];
		size_t n = (size_t)round % DK_RNG_BATCH + 1;
		for (size_t j = 0; j < n; j++) {
			z = z * 6364136223846793005ULL + 1442695040888963407ULL;
			batch_seeds[j] = round % 50 == 0 && j == 0 ? 0 : (unsigned long)z;
		}
		int upto = (int)(z >> 33) % 700 - 5; /* below 1 and above 624 too */
		dk_rng_seed_batch(b, batch_seeds, n, upto);
		for (size_t j = 0; j < n; j++) {
			gsl_rng_set(ref, batch_seeds[j]);
			int draws = (int)((z >> (j + 3)) % 700);
			for (int k = 0; k < draws; k++)
				ck_assert_uint_eq(gsl_rng_get(ref), gsl_rng_get(b[j]));
		}
	}
	batch_free(ref, b);
}
END_TEST

/* The edge of the words left unwritten when seeded together: for every
 * depth that leaves some (upto from 398 to 624, a run of d = upto - 397
 * draws), runs of d - 1 to d + 2 draws and then a whole block more, so
 * that the first word past the foreseen draws and the last word before
 * the unwritten ones are both read. */
START_TEST(unwritten_words_at_their_edge)
{
	gsl_rng *ref, *b[DK_RNG_BATCH];
	batch_alloc(&ref, b);
	for (int upto = 398; upto <= 624; upto++) {
		int d = upto - 397;
		unsigned long s[DK_RNG_BATCH];
		for (size_t j = 0; j < DK_RNG_BATCH; j++)
			s[j] = (unsigned long)upto * 7919UL + j;
		dk_rng_seed_batch(b, s, DK_RNG_BATCH, upto);
		for (size_t j = 0; j < 4; j++) {
			int draws = d - 1 + (int)j;
			gsl_rng_set(ref, s[j]);
			for (int k = 0; k < draws; k++)
				ck_assert_uint_eq(gsl_rng_get(ref), gsl_rng_get(b[j]));
		}
		/* the same generators drawn on, across the first block's end */
		for (size_t j = 0; j < 4; j++) {
			gsl_rng_set(ref, s[j]);
			for (int k = 0; k < d - 1 + (int)j; k++)
				gsl_rng_get(ref);
			for (int k = 0; k < 700; k++)
				ck_assert_uint_eq(gsl_rng_get(ref), gsl_rng_get(b[j]));
		}
	}
	batch_free(ref, b);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("rng");
	TCase *tc = tcase_create("rng");
	tcase_add_test(tc, same_words);
	tcase_add_test(tc, reseeded);
	tcase_add_test(tc, same_draws);
	tcase_add_test(tc, seeded_together);
	tcase_add_test(tc, unwritten_words_at_their_edge);
	/* millions of words compared with GSL's: seconds under the
	 * sanitizers, near Check's default of 4 */
	tcase_set_timeout(tc, 120);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

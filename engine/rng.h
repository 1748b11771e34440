/*
 * rng.h: GSL's MT19937, for generators seeded anew for every run.
 *
 * A Monte Carlo run seeds its own generator (RULES.md section 7, see
 * engine/scenario.c) and then draws a few dozen numbers. gsl_rng_mt19937
 * fills all 624 words of its state when seeded and regenerates all 624 at
 * the first draw: most of a run's cost. dk_rng_mt19937 is a gsl_rng_type
 * that returns exactly the numbers gsl_rng_mt19937 returns for the same
 * seed (tests/test_rng.c compares them draw by draw), but works out the
 * state only as far as the draws so far need it. The gsl_ran_* functions
 * take it like any other generator.
 */
#ifndef DK_RNG_H
#define DK_RNG_H

#include <gsl/gsl_rng.h>

extern const gsl_rng_type *dk_rng_mt19937;

/* At most this many generators are seeded together. */
#define DK_RNG_BATCH 8

/* Seeds n ≤ DK_RNG_BATCH generators of type dk_rng_mt19937, r[j] with
 * seeds[j] (as gsl_rng_set), and works out their seeded states as far as
 * word `upto` (at most 624) side by side: seeding one is a chain of
 * dependent multiplications, and a few chains run at once in about the
 * time of one. Of the words worked out, those a run of upto - 397 draws
 * does not read (from upto - 396 to 396) are not written; a run that
 * draws more fills them in first. Their numbers are those of gsl_rng_set
 * and draws. */
void dk_rng_seed_batch(gsl_rng *const *r, const unsigned long *seeds, size_t n, int upto);

#endif

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

#endif

/*
 * rng.c: MT19937 with its state worked out on demand (see rng.h).
 *
 * Seeding sets word 0; word i of the seeded state is
 * 1812433253 · (wᵢ₋₁ ⊕ (wᵢ₋₁ ≫ 30)) + i, each from the one before. The
 * first block of output regenerates word k from words k and k + 1 and word
 * k + 397 (k < 227) or the regenerated word k − 227: in place and in order,
 * so word k can be regenerated as soon as the seeded state reaches k + 397,
 * and a run that draws d numbers (d < 227) computes 397 + d seeded words and
 * regenerates d, not 624 and 624. From the second block on, it is
 * MT19937 as GSL writes it.
 */
#include "engine/rng.h"

#include <stdint.h>

enum { N = 624, M = 397 };

#define UPPER 0x80000000u
#define LOWER 0x7fffffffu
#define MAGIC(y) (((y)&1u) ? 0x9908b0dfu : 0u)

typedef struct {
	uint32_t mt[N];
	int seeded; /* words [0, seeded) of the seeded state are worked out */
	/* but words [gap_from, gap_to) of them are not written yet (seeded
	 * together: see dk_rng_seed_batch) */
	int gap_from, gap_to;
	int regen; /* words [0, regen) of the first block are regenerated */
	int mti;   /* the next word to return */
} lazy_mt;

static void lazy_set(void *vs, unsigned long s)
{
	lazy_mt *st = vs;
	if (s == 0)
		s = 4357; /* as GSL: seed 0 is its default seed */
	st->mt[0] = (uint32_t)(s & 0xffffffffUL);
	st->seeded = 1;
	st->gap_from = st->gap_to = 0;
	st->regen = 0;
	st->mti = 0;
}

/* The seeded state as far as word `upto` - 1. Words below st->regen are
 * already regenerated, but extending never needs them: word k is
 * regenerated only once the state reaches k + 397. */
static void seed_to(lazy_mt *st, int upto)
{
	uint32_t *mt = st->mt;
	for (int i = st->seeded; i < upto; i++)
		mt[i] = 1812433253u * (mt[i - 1] ^ (mt[i - 1] >> 30)) + (uint32_t)i;
	if (upto > st->seeded)
		st->seeded = upto;
}

/* Writes the words of the gap from the word before it, which still holds
 * its seeded value: the gap is filled before word gap_from is read, and
 * so before word gap_from - 1 is regenerated. */
static void fill_gap(lazy_mt *st)
{
	uint32_t *mt = st->mt;
	for (int i = st->gap_from; i < st->gap_to; i++)
		mt[i] = 1812433253u * (mt[i - 1] ^ (mt[i - 1] >> 30)) + (uint32_t)i;
	st->gap_from = st->gap_to = 0;
}

/* Regenerates word k of the first block. */
static void regen_one(lazy_mt *st, int k)
{
	uint32_t *mt = st->mt, y;
	if (st->gap_from < st->gap_to && k + 1 >= st->gap_from)
		fill_gap(st);
	if (k < N - M) {
		seed_to(st, k + M + 1);
		y = (mt[k] & UPPER) | (mt[k + 1] & LOWER);
		mt[k] = mt[k + M] ^ (y >> 1) ^ MAGIC(y);
	} else if (k < N - 1) {
		seed_to(st, N);
		y = (mt[k] & UPPER) | (mt[k + 1] & LOWER);
		mt[k] = mt[k + (M - N)] ^ (y >> 1) ^ MAGIC(y);
	} else {
		y = (mt[N - 1] & UPPER) | (mt[0] & LOWER);
		mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ MAGIC(y);
	}
	st->regen = k + 1;
}

/* Every block after the first, as GSL generates them. */
static void regen_all(uint32_t *mt)
{
	int k;
	uint32_t y;
	for (k = 0; k < N - M; k++) {
		y = (mt[k] & UPPER) | (mt[k + 1] & LOWER);
		mt[k] = mt[k + M] ^ (y >> 1) ^ MAGIC(y);
	}
	for (; k < N - 1; k++) {
		y = (mt[k] & UPPER) | (mt[k + 1] & LOWER);
		mt[k] = mt[k + (M - N)] ^ (y >> 1) ^ MAGIC(y);
	}
	y = (mt[N - 1] & UPPER) | (mt[0] & LOWER);
	mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ MAGIC(y);
}

static unsigned long lazy_get(void *vs)
{
	lazy_mt *st = vs;
	if (st->mti >= N) {
		regen_all(st->mt);
		st->mti = 0;
	} else if (st->mti == st->regen) {
		regen_one(st, st->mti);
	}
	uint32_t k = st->mt[st->mti++];
	k ^= k >> 11;
	k ^= (k << 7) & 0x9d2c5680u;
	k ^= (k << 15) & 0xefc60000u;
	k ^= k >> 18;
	return k;
}

static double lazy_get_double(void *vs)
{
	return (double)lazy_get(vs) / 4294967296.0;
}

static const gsl_rng_type lazy_type = {"dk-mt19937",    0xffffffffUL, 0,
				       sizeof(lazy_mt), lazy_set,     lazy_get,
				       lazy_get_double};

const gsl_rng_type *dk_rng_mt19937 = &lazy_type;

/* One step of the seeding chain in every lane. */
static inline void step(uint32_t *w, int i)
{
	for (size_t j = 0; j < DK_RNG_BATCH; j++)
		w[j] = 1812433253u * (w[j] ^ (w[j] >> 30)) + (uint32_t)i;
}

static void keep(lazy_mt *const *st, size_t n, const uint32_t *w, int i)
{
	for (size_t j = 0; j < n; j++)
		st[j]->mt[i] = w[j];
}

void dk_rng_seed_batch(gsl_rng *const *r, const unsigned long *seeds, size_t n, int upto)
{
	lazy_mt *st[DK_RNG_BATCH];
	uint32_t w[DK_RNG_BATCH] = {0};
	if (n > DK_RNG_BATCH)
		n = DK_RNG_BATCH;
	if (upto > N)
		upto = N;
	for (size_t j = 0; j < n; j++) {
		gsl_rng_set(r[j], seeds[j]);
		st[j] = r[j]->state;
		w[j] = st[j]->mt[0];
	}
	/* A run that draws d = upto - 397 words reads words [0, d] and
	 * [397, upto) of the seeded state: the words between are worked out
	 * (each needs the one before) but written only if a run draws more
	 * than that after all (fill_gap). Every lane steps, the unused ones
	 * on zeros, so that the inner loop has a fixed length. */
	int gap_from = upto > M ? upto - M + 1 : upto, gap_to = upto > M ? M : upto;
	if (gap_from > gap_to)
		gap_from = gap_to;
	int i = 1;
	for (; i < gap_from; i++) {
		step(w, i);
		keep(st, n, w, i);
	}
	for (; i < gap_to; i++)
		step(w, i);
	for (; i < upto; i++) {
		step(w, i);
		keep(st, n, w, i);
	}
	for (size_t j = 0; j < n && upto > 1; j++) {
		st[j]->seeded = upto;
		st[j]->gap_from = gap_from;
		st[j]->gap_to = gap_to;
	}
}

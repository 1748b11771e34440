/*
 * allocate.h: the one water-filling engine of RULES.md section 3.
 *
 * Each item i has a base bᵢ, a weight wᵢ ≥ 0, a floor loᵢ and a cap hiᵢ
 * (or none). Its unrounded amount is xᵢ(λ) = clamp(bᵢ + λ·wᵢ, loᵢ, hiᵢ),
 * and λ* is the smallest λ ≥ 0 with Σ xᵢ(λ) = F, found exactly: λ* is a
 * fraction of 128-bit integers and every xᵢ shares its denominator. The
 * methods (prorata, need, status_quo) only choose b, w, lo and hi; see
 * engine/recommend.c.
 */
#ifndef DK_ALLOCATE_H
#define DK_ALLOCATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "models/exact.h"
#include "models/error.h"
#include "models/recommendation.h"

typedef struct {
	int64_t base;
	int64_t weight; /* ≥ 0 */
	int64_t lo;     /* ≥ 0 */
	int64_t hi;     /* < 0: no cap */
} dk_wf_item;

typedef enum {
	DK_WF_SOLVED,    /* Σ x(λ*) = F */
	DK_WF_SATURATED, /* Σ x(∞) < F: everyone at x(∞), the rest unused */
	DK_WF_INFEASIBLE /* Σ x(0) > F: no amounts */
} dk_wf_outcome;

typedef struct {
	const dk_wf_item *items;
	size_t n;
	int64_t frame;     /* F ≥ 0 */
	int64_t unit;      /* rounding unit u ≥ 1 */
	bool reserve_mode; /* surplus: reserve */
} dk_wf_in;

typedef struct {
	dk_wf_outcome outcome;
	dk_i128 lambda_num, lambda_den; /* λ*, in lowest terms, den > 0 */
	/* per item (arrays of n, allocated by dk_wf_run, freed by
	 * dk_wf_release): */
	dk_i128 *x_num;   /* exact xᵢ = x_num / lambda_den */
	int64_t *lo, *hi; /* after rounding to the unit */
	dk_state *state;
	int64_t *amount;     /* recommended, a multiple of the unit */
	size_t *rank;        /* place in the rounding tie order, 0: none */
	bool *got_unit;      /* took a remaining unit in rounding */
	int64_t unused;      /* F − Σ amount − reserve_cut */
	int64_t reserve_cut; /* surplus: reserve: cut by caps and rounding */
	int64_t shortfall;   /* infeasible: Σ x(0) − F */
} dk_wf_out;

dk_status dk_wf_run(const dk_wf_in *in, dk_wf_out *out);
void dk_wf_release(dk_wf_out *out);

/* dk_wf_run into arrays `out` already has, made by dk_wf_alloc for in->n
 * items and kept from run to run (a caller that solves again and again);
 * they are zeroed first, and stay the caller's, also after a failure. */
dk_status dk_wf_run_into(const dk_wf_in *in, dk_wf_out *out);

/* Allocates the per-item arrays of `out` for n items, zeroed (for a caller
 * that assembles an output from several runs); DK_ENOMEM. */
dk_status dk_wf_alloc(dk_wf_out *out, size_t n);

#endif

/*
 * apportion.h: the one apportionment primitive of RULES.md section 1.
 *
 * apportion(total, w[], unit) gives item i floor(total·wᵢ/Σw / unit)·unit,
 * computed exactly, then hands the remaining units out one each in the tie
 * order: (1) largest exact remainder, (2) larger weight, (3) earlier
 * position. Only items with a positive remainder, and room below their cap
 * where caps are given, take a unit. The result sums to `total` whenever
 * total is a multiple of unit and the caps leave room; what cannot be placed
 * is returned as left over (rounded down to whole kroner when the total is
 * a fraction). Every split in dekom goes through here.
 */
#ifndef DK_APPORTION_H
#define DK_APPORTION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "models/exact.h"
#include "models/error.h"

typedef struct {
	int64_t total;          /* ≥ 0 */
	const dk_i128 *weights; /* n weights ≥ 0 */
	size_t n;
	int64_t unit;        /* ≥ 1 */
	const int64_t *caps; /* NULL, or per item (< 0: no cap) */
	long fallback;       /* all weights zero: the item that takes the
				   total, or -1: DK_EINPUT */
	dk_i128 total_den;   /* 0 or 1: the total is `total`; above 1: the
				   total is the fraction Σweights / total_den
				   and `total` is ignored (the allocation's
				   free networks share their own exact sum,
				   which may be a fraction: RULES.md §3) */
} dk_apportion_in;

typedef struct {
	int64_t *amounts;  /* n, caller-allocated */
	size_t *rank;      /* NULL, or n: 1-based place in the tie order
				   among items with a positive remainder, 0
				   for none */
	bool *got_unit;    /* NULL, or n: took one of the remaining units */
	int64_t left_over; /* what could not be placed */
} dk_apportion_out;

/* DK_OK, DK_EINPUT (all weights zero without a fallback, or a negative
 * input), DK_ENOMEM, or DK_ERANGE when a quotient would not fit. */
dk_status dk_apportion(const dk_apportion_in *in, dk_apportion_out *out);

/* Shorthand for int64 weights without caps or ranks. */
dk_status dk_apportion64(int64_t total, const int64_t *weights, size_t n, int64_t unit,
			 long fallback, int64_t *amounts, int64_t *left_over);

#endif

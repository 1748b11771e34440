/*
 * exact.h: exact integer arithmetic beyond 64 bits.
 *
 * Amounts are int64; products of an amount and a weight, and sums of such
 * products, are 128-bit (dk_i128, GCC's __int128). The one operation that
 * can outgrow 128 bits is a·b/c with a and b both large (apportionment of
 * a total by weights that are themselves exact rationals' numerators):
 * dk_muldiv computes it exactly through a 256-bit intermediate.
 */
#ifndef DK_EXACT_H
#define DK_EXACT_H

#include <stddef.h>
#include <stdint.h>

#include "models/money.h"

#define DK_I128_MAX ((dk_i128)(((dk_u128)1 << 127) - 1))

/* q = floor(a·b / c), r = a·b − q·c, for a, b ≥ 0 and c > 0. Returns -1 if
 * q does not fit in 127 bits (then q and r are unset), else 0. */
int dk_muldiv(dk_i128 a, dk_i128 b, dk_i128 c, dk_i128 *q, dk_i128 *r);

dk_i128 dk_gcd(dk_i128 a, dk_i128 b);

/* Compares a/b with c/d for b, d > 0 (via 256-bit products): -1, 0, 1. */
int dk_ratcmp(dk_i128 a, dk_i128 b, dk_i128 c, dk_i128 d);

/* An exact fraction num/den, den > 0, kept in lowest terms. The
 * operations return -1 when a result would not fit in 128 bits (the
 * caller reports that the figures are too fine to compute exactly). */
typedef struct {
	dk_i128 num, den;
} dk_rat;

dk_rat dk_rat_of(dk_i128 num, dk_i128 den);
int dk_rat_add(dk_rat a, dk_rat b, dk_rat *out);
int dk_rat_mul(dk_rat a, dk_rat b, dk_rat *out);
/* Rounded half up (for num ≥ 0) to an integer. */
dk_i128 dk_rat_round(dk_rat a);

#endif

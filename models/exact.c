/*
 * exact.c: 128-bit helpers (see exact.h). The 256-bit product is kept as
 * two unsigned 128-bit halves; division is schoolbook, one bit at a time,
 * which is plenty for the few divisions per network the engine makes.
 */
#include "models/exact.h"

#include <string.h>

typedef struct {
	dk_u128 hi, lo;
} u256;

static u256 mul128(dk_u128 a, dk_u128 b)
{
	const dk_u128 mask = ((dk_u128)1 << 64) - 1;
	dk_u128 a0 = a & mask, a1 = a >> 64, b0 = b & mask, b1 = b >> 64;
	dk_u128 p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
	dk_u128 mid = (p00 >> 64) + (p01 & mask) + (p10 & mask);
	u256 r;
	r.lo = (p00 & mask) | (mid << 64);
	r.hi = p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);
	return r;
}

static int cmp256(u256 a, u256 b)
{
	if (a.hi != b.hi)
		return a.hi < b.hi ? -1 : 1;
	if (a.lo != b.lo)
		return a.lo < b.lo ? -1 : 1;
	return 0;
}

int dk_muldiv(dk_i128 a, dk_i128 b, dk_i128 c, dk_i128 *q, dk_i128 *r)
{
	dk_i128 p;
	if (!__builtin_mul_overflow(a, b, &p)) {
		if (p >= 0 && c > 0 && p <= UINT64_MAX && c <= UINT64_MAX) {
			/* the common case, kroner times a weight: a 64-bit
			 * division, several times faster than a 128-bit one */
			uint64_t pp = (uint64_t)p, cc = (uint64_t)c;
			*q = pp / cc;
			*r = pp % cc;
			return 0;
		}
		*q = p / c;
		*r = p % c;
		return 0;
	}
	u256 n = mul128((dk_u128)a, (dk_u128)b);
	dk_u128 d = (dk_u128)c, rem = 0, quo = 0;
	for (int bit = 255; bit >= 0; bit--) {
		int top = (rem >> 127) & 1;
		rem <<= 1;
		dk_u128 word = bit >= 128 ? n.hi : n.lo;
		rem |= (word >> (bit & 127)) & 1;
		if (top || rem >= d) {
			rem -= d;
			if (bit >= 127)
				return -1; /* quotient needs more than 127 bits */
			quo |= (dk_u128)1 << bit;
		}
	}
	*q = (dk_i128)quo;
	*r = (dk_i128)rem;
	return 0;
}

dk_i128 dk_gcd(dk_i128 a, dk_i128 b)
{
	if (a < 0)
		a = -a;
	if (b < 0)
		b = -b;
	while (b) {
		dk_i128 t = a % b;
		a = b;
		b = t;
	}
	return a;
}

int dk_ratcmp(dk_i128 a, dk_i128 b, dk_i128 c, dk_i128 d)
{
	/* compare a·d with c·b, signs first */
	int sa = (a > 0) - (a < 0), sc = (c > 0) - (c < 0);
	if (sa != sc)
		return sa < sc ? -1 : 1;
	if (sa == 0)
		return 0;
	const dk_i128 lim = (dk_i128)1 << 62;
	if (a < lim && a > -lim && c < lim && c > -lim && b > 0 && b < lim && d > 0 &&
	    d < lim) {
		/* the usual case: both products fit in 128 bits */
		dk_i128 l = a * d, r = c * b;
		return (l > r) - (l < r);
	}
	u256 l = mul128((dk_u128)(sa < 0 ? -a : a), (dk_u128)d);
	u256 r = mul128((dk_u128)(sc < 0 ? -c : c), (dk_u128)b);
	int k = cmp256(l, r);
	return sa < 0 ? -k : k;
}

dk_rat dk_rat_of(dk_i128 num, dk_i128 den)
{
	dk_rat r = {num, den};
	if (r.den < 0)
		r.num = -r.num, r.den = -r.den;
	dk_i128 g = dk_gcd(r.num, r.den);
	if (g > 1)
		r.num /= g, r.den /= g;
	return r;
}

int dk_rat_add(dk_rat a, dk_rat b, dk_rat *out)
{
	dk_i128 g = dk_gcd(a.den, b.den), x, y, n, d;
	if (__builtin_mul_overflow(a.num, b.den / g, &x) ||
	    __builtin_mul_overflow(b.num, a.den / g, &y) ||
	    __builtin_add_overflow(x, y, &n) ||
	    __builtin_mul_overflow(a.den / g, b.den, &d))
		return -1;
	*out = dk_rat_of(n, d);
	return 0;
}

int dk_rat_mul(dk_rat a, dk_rat b, dk_rat *out)
{
	/* cross-reduce first so that the products stay small */
	dk_i128 g1 = dk_gcd(a.num, b.den), g2 = dk_gcd(b.num, a.den), n, d;
	if (g1 == 0)
		g1 = 1;
	if (g2 == 0)
		g2 = 1;
	if (__builtin_mul_overflow(a.num / g1, b.num / g2, &n) ||
	    __builtin_mul_overflow(a.den / g2, b.den / g1, &d))
		return -1;
	*out = dk_rat_of(n, d);
	return 0;
}

dk_i128 dk_rat_round(dk_rat a)
{
	dk_i128 q = a.num / a.den, r = a.num % a.den;
	if (r < 0) {
		q--;
		r += a.den;
	}
	if (2 * r >= a.den)
		q++;
	return q;
}

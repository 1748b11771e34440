/*
 * apportion.c: largest-remainder apportionment, exact (see apportion.h).
 *
 * With W = Σw and U = unit, item i's exact quota in units is
 * total·wᵢ / (W·U) = qᵢ + rᵢ/(W·U): qᵢ whole units first, then the remaining
 * units by largest rᵢ. All remainders share the denominator W·U, so they
 * compare as integers. total·wᵢ can exceed 128 bits when the weights are
 * themselves large numerators; dk_muldiv keeps it exact.
 *
 * A fractional total (total_den > 1) is always Σw / total_den: the
 * allocation passes the free networks' exact amounts as numerators over a
 * common denominator, and their exact sum as the total. Then item i's quota
 * is wᵢ / total_den exactly, and the remainders share the denominator
 * total_den·U. Nothing is rounded before the quotas are taken.
 */
#include "engine/apportion.h"

#include <stdlib.h>

/* splits of up to this many items keep their scratch on the stack */
#define DK_APPORTION_SMALL 32

typedef struct {
	size_t i;
	dk_i128 rem;
	dk_i128 w;
} cand;

static int cand_cmp(const void *a, const void *b)
{
	const cand *x = a, *y = b;
	if (x->rem != y->rem)
		return x->rem > y->rem ? -1 : 1;
	if (x->w != y->w)
		return x->w > y->w ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

dk_status dk_apportion(const dk_apportion_in *in, dk_apportion_out *out)
{
	size_t n = in->n;
	int64_t unit = in->unit;
	bool frac = in->total_den > 1;
	dk_i128 W = 0;
	if ((!frac && in->total < 0) || unit < 1 || in->total_den < 0)
		return DK_EINPUT;
	for (size_t i = 0; i < n; i++) {
		if (in->weights[i] < 0)
			return DK_EINPUT;
		if (__builtin_add_overflow(W, in->weights[i], &W))
			return DK_ERANGE;
		out->amounts[i] = 0;
		if (out->rank)
			out->rank[i] = 0;
		if (out->got_unit)
			out->got_unit[i] = false;
	}
	/* the total as tn / td, and the quota of item i as
	 * (qn·wᵢ) / qd units with the remainder over qd */
	dk_i128 tn = frac ? W : in->total, td = frac ? in->total_den : 1;
	/* the whole total: a 128-bit division only for a fraction (the
	 * common split of kroner divides nothing) */
	int64_t whole = (int64_t)(frac ? tn / td : tn);
	out->left_over = whole;
	if (W == 0) {
		if (in->fallback < 0 || (size_t)in->fallback >= n)
			return n == 0 && tn == 0 ? DK_OK : DK_EINPUT;
		size_t f = (size_t)in->fallback;
		int64_t give = whole / unit * unit;
		if (in->caps && in->caps[f] >= 0 && give > in->caps[f])
			give = in->caps[f] / unit * unit;
		out->amounts[f] = give;
		out->left_over = whole - give;
		return DK_OK;
	}
	dk_i128 qn, qd;
	if (frac) {
		qn = 1;
		if (__builtin_mul_overflow(td, (dk_i128)unit, &qd))
			return DK_ERANGE;
	} else {
		qn = tn;
		if (__builtin_mul_overflow(W, (dk_i128)unit, &qd))
			return DK_ERANGE;
	}
	/* the candidates: on the stack for the small splits a recommendation
	 * makes per network (its lines), on the heap beyond */
	cand small[DK_APPORTION_SMALL];
	cand *c = n <= DK_APPORTION_SMALL ? small : malloc(n * sizeof *c);
	if (!c)
		return DK_ENOMEM;
	int64_t placed = 0;
	size_t nc = 0;
	/* quotas in 64 bits where they fit (kroner over a network's lines),
	 * in 128 or 256 bits where they do not */
	bool narrow = qn >= 0 && qn <= INT64_MAX && qd > 0 && qd <= INT64_MAX;
	/* every quota divides by the same qd: by its reciprocal
	 * inv = ⌊(2⁶⁴ − 1) / qd⌋, p·inv / 2⁶⁴ is at most two below p / qd and
	 * never above it, so a product and at most two subtractions give the
	 * exact quotient and remainder (one division a split, not one an
	 * item) */
	uint64_t d64 = narrow ? (uint64_t)qd : 1, inv = UINT64_MAX / d64;
	for (size_t i = 0; i < n; i++) {
		dk_i128 q, r;
		uint64_t p64;
		if (narrow && in->weights[i] <= INT64_MAX &&
		    !__builtin_mul_overflow((uint64_t)qn, (uint64_t)in->weights[i],
					    &p64)) {
			uint64_t q64 = (uint64_t)(((dk_u128)p64 * inv) >> 64);
			uint64_t r64 = p64 - q64 * d64;
			while (r64 >= d64) {
				r64 -= d64;
				q64++;
			}
			q = q64;
			r = r64;
		} else if (dk_muldiv(qn, in->weights[i], qd, &q, &r) != 0) {
			if (c != small)
				free(c);
			return DK_ERANGE;
		}
		int64_t a = (int64_t)q * unit; /* q ≤ total / unit */
		if (in->caps && in->caps[i] >= 0 && a > in->caps[i]) {
			a = in->caps[i] / unit * unit;
			r = 0; /* at its cap: takes no further unit */
		}
		out->amounts[i] = a;
		placed += a;
		if (r > 0) {
			c[nc].i = i;
			c[nc].rem = r;
			c[nc].w = in->weights[i];
			nc++;
		}
	}
	/* cand_cmp orders every pair (the index decides the last tie), so
	 * any sort gives the one order: insertion for a few, qsort beyond */
	if (nc <= DK_APPORTION_SMALL) {
		for (size_t k = 1; k < nc; k++) {
			cand x = c[k];
			size_t j = k;
			for (; j > 0 && cand_cmp(&c[j - 1], &x) > 0; j--)
				c[j] = c[j - 1];
			c[j] = x;
		}
	} else {
		qsort(c, nc, sizeof *c, cand_cmp);
	}
	/* whole units left: floor((total − placed) / unit) */
	int64_t units = frac ? (int64_t)((tn - (dk_i128)placed * td) / qd)
			     : (whole - placed) / unit;
	for (size_t k = 0; k < nc; k++) {
		size_t i = c[k].i;
		if (out->rank)
			out->rank[i] = k + 1;
		if (units == 0)
			continue;
		if (in->caps && in->caps[i] >= 0 && out->amounts[i] + unit > in->caps[i])
			continue;
		out->amounts[i] += unit;
		placed += unit;
		units--;
		if (out->got_unit)
			out->got_unit[i] = true;
	}
	out->left_over = whole - placed;
	if (c != small)
		free(c);
	return DK_OK;
}

/* dk_apportion's rule for a split whose every number fits 64 bits (no
 * caps, a whole total, W·U and each total·wᵢ below 2⁶³): the same quotas,
 * remainders and order, in 64-bit arithmetic. False when the split does not
 * fit, and nothing is written. */
typedef struct {
	uint64_t rem;
	int64_t w;
	size_t i;
} cand64;

static bool cand64_before(const cand64 *x, const cand64 *y)
{
	if (x->rem != y->rem)
		return x->rem > y->rem;
	if (x->w != y->w)
		return x->w > y->w;
	return x->i < y->i;
}

static bool apportion_narrow(int64_t total, const int64_t *weights, size_t n,
			     int64_t unit, int64_t *amounts, int64_t *left_over)
{
	int64_t W = 0, qd;
	if (n > DK_APPORTION_SMALL || total < 0 || unit < 1)
		return false;
	for (size_t i = 0; i < n; i++)
		if (weights[i] < 0 || __builtin_add_overflow(W, weights[i], &W))
			return false;
	if (W == 0 || __builtin_mul_overflow(W, unit, &qd))
		return false;
	cand64 c[DK_APPORTION_SMALL];
	int64_t q[DK_APPORTION_SMALL];
	uint64_t r[DK_APPORTION_SMALL];
	for (size_t i = 0; i < n; i++) {
		int64_t p;
		if (__builtin_mul_overflow(total, weights[i], &p))
			return false;
		q[i] = p / qd;
		r[i] = (uint64_t)(p % qd);
	}
	int64_t placed = 0;
	size_t nc = 0;
	for (size_t i = 0; i < n; i++) {
		amounts[i] = q[i] * unit;
		placed += amounts[i];
		if (r[i] > 0) {
			cand64 x = {r[i], weights[i], i};
			size_t j = nc++;
			for (; j > 0 && cand64_before(&x, &c[j - 1]); j--)
				c[j] = c[j - 1];
			c[j] = x;
		}
	}
	int64_t units = (total - placed) / unit;
	for (size_t k = 0; k < nc && units > 0; k++, units--) {
		amounts[c[k].i] += unit;
		placed += unit;
	}
	*left_over = total - placed;
	return true;
}

dk_status dk_apportion64(int64_t total, const int64_t *weights, size_t n, int64_t unit,
			 long fallback, int64_t *amounts, int64_t *left_over)
{
	int64_t left;
	if (apportion_narrow(total, weights, n, unit, amounts, &left)) {
		if (left_over)
			*left_over = left;
		return DK_OK;
	}
	dk_i128 small[DK_APPORTION_SMALL];
	dk_i128 *w = n <= DK_APPORTION_SMALL ? small : malloc(n * sizeof *w);
	if (!w)
		return DK_ENOMEM;
	for (size_t i = 0; i < n; i++)
		w[i] = weights[i];
	dk_apportion_in in = {total, w, n, unit, NULL, fallback, 0};
	dk_apportion_out out = {amounts, NULL, NULL, 0};
	dk_status st = dk_apportion(&in, &out);
	if (w != small)
		free(w);
	if (left_over)
		*left_over = out.left_over;
	return st;
}

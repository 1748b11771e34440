/*
 * apportion.c: largest-remainder apportionment, exact (see apportion.h).
 *
 * With W = Σw and U = unit, item i's exact quota in units is
 * total·wᵢ / (W·U) = qᵢ + rᵢ/(W·U): qᵢ whole units first, then the remaining
 * units by largest rᵢ. All remainders share the denominator W·U, so they
 * compare as integers. total·wᵢ can exceed 128 bits when the weights are
 * themselves large numerators; dk_muldiv keeps it exact.
 */
#include "engine/apportion.h"

#include <stdlib.h>

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
	dk_i128 W = 0;
	if (in->total < 0 || unit < 1)
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
	out->left_over = in->total;
	if (W == 0) {
		if (in->fallback < 0 || (size_t)in->fallback >= n)
			return n == 0 && in->total == 0 ? DK_OK : DK_EINPUT;
		size_t f = (size_t)in->fallback;
		int64_t give = in->total / unit * unit;
		if (in->caps && in->caps[f] >= 0 && give > in->caps[f])
			give = in->caps[f] / unit * unit;
		out->amounts[f] = give;
		out->left_over = in->total - give;
		return DK_OK;
	}
	cand *c = malloc((n ? n : 1) * sizeof *c);
	if (!c)
		return DK_ENOMEM;
	dk_i128 WU;
	if (__builtin_mul_overflow(W, (dk_i128)unit, &WU)) {
		free(c);
		return DK_ERANGE;
	}
	int64_t placed = 0;
	size_t nc = 0;
	for (size_t i = 0; i < n; i++) {
		dk_i128 q, r;
		if (dk_muldiv(in->total, in->weights[i], WU, &q, &r) != 0) {
			free(c);
			return DK_ERANGE;
		}
		int64_t a = (int64_t)q * unit;  /* q ≤ total / unit */
		if (in->caps && in->caps[i] >= 0 && a > in->caps[i]) {
			a = in->caps[i] / unit * unit;
			r = 0;  /* at its cap: takes no further unit */
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
	qsort(c, nc, sizeof *c, cand_cmp);
	int64_t units = (in->total - placed) / unit;
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
	out->left_over = in->total - placed;
	free(c);
	return DK_OK;
}

dk_status dk_apportion64(int64_t total, const int64_t *weights, size_t n,
			 int64_t unit, long fallback, int64_t *amounts,
			 int64_t *left_over)
{
	dk_i128 *w = malloc((n ? n : 1) * sizeof *w);
	if (!w)
		return DK_ENOMEM;
	for (size_t i = 0; i < n; i++)
		w[i] = weights[i];
	dk_apportion_in in = {total, w, n, unit, NULL, fallback};
	dk_apportion_out out = {amounts, NULL, NULL, 0};
	dk_status st = dk_apportion(&in, &out);
	free(w);
	if (left_over)
		*left_over = out.left_over;
	return st;
}

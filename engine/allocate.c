/*
 * allocate.c: water-filling with an exact λ (see allocate.h).
 *
 * Σ xᵢ(λ) is continuous, piecewise linear and non-decreasing. Its
 * breakpoints are (loᵢ − bᵢ)/wᵢ and (hiᵢ − bᵢ)/wᵢ. We sort the breakpoints
 * at or above 0 (with 0 itself), find by bisection the first one where the
 * sum reaches F, and solve the linear piece just before it: on that piece
 * the free items are those whose floor breakpoint lies at or before the
 * piece and whose cap breakpoint lies at or after it, so
 *
 *     λ* = (F − Σ clamped values − Σ free bases) / Σ free weights.
 *
 * Breakpoints compare as fractions through 256-bit products (dk_ratcmp);
 * sums are 128-bit. Then the rounding: items at their cap or floor get it
 * exactly; the free ones share their own exact sum (a fraction in reserve
 * mode) through dk_apportion with their exact amounts as weights and their
 * caps as caps, so each free amount lands within one unit of its exact
 * value.
 */
#include "engine/allocate.h"

#include <stdlib.h>
#include <string.h>

#include "engine/apportion.h"

/* up to this many items, a run keeps its scratch on the stack */
#define WF_SMALL 32

typedef struct {
	dk_i128 num, den; /* den > 0 */
	double key;       /* for a sort of many: num / den in floating point
			     where both are whole doubles (below 2⁵³), else
			     -1 (frac_key) */
} frac;

static frac frac_of(dk_i128 num, dk_i128 den)
{
	return (frac){num, den, -1};
}

/* Gives f its key, for a sort of many. */
static void frac_key(frac *f)
{
	const dk_i128 exact = (dk_i128)1 << 53;
	if (f->num >= 0 && f->num < exact && f->den > 0 && f->den < exact)
		f->key = (double)f->num / (double)f->den;
}

/* The breakpoints' order. Where both have a key, each key is num / den
 * correctly rounded (num and den are exact doubles), and rounding never
 * reverses an order: different keys order the fractions as they are, and
 * only equal keys need the exact comparison. A large table sorts millions
 * of breakpoints, mostly on their keys. */
static int frac_cmp(const void *a, const void *b)
{
	const frac *x = a, *y = b;
	if (x->key >= 0 && y->key >= 0 && x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return dk_ratcmp(x->num, x->den, y->num, y->den);
}

static int64_t clamp64(int64_t v, int64_t lo, int64_t hi)
{
	if (hi >= 0 && v > hi)
		v = hi;
	if (v < lo)
		v = lo;
	return v;
}

/* Σ xᵢ(t) − F, times t.den, as a sign: -1, 0, 1. */
static int sum_vs_frame(const dk_wf_item *it, const int64_t *lo, const int64_t *hi,
			size_t n, frac t, int64_t frame)
{
	dk_i128 s = 0;
	for (size_t i = 0; i < n; i++) {
		dk_i128 v;
		if (it[i].weight == 0) {
			v = (dk_i128)clamp64(it[i].base, lo[i], hi[i]) * t.den;
		} else {
			v = (dk_i128)it[i].base * t.den + t.num * it[i].weight;
			if (hi[i] >= 0 && v > (dk_i128)hi[i] * t.den)
				v = (dk_i128)hi[i] * t.den;
			if (v < (dk_i128)lo[i] * t.den)
				v = (dk_i128)lo[i] * t.den;
		}
		s += v;
	}
	dk_i128 f = (dk_i128)frame * t.den;
	return (s > f) - (s < f);
}

/* The per-item arrays live in one block, x_num first (the widest type):
 * one allocation for the seven, and none for a caller that keeps them
 * from run to run (dk_wf_run_into). */
#define WF_PER_ITEM                                                                  \
	(sizeof(dk_i128) + 3 * sizeof(int64_t) + sizeof(size_t) + sizeof(dk_state) + \
	 sizeof(bool))

void dk_wf_release(dk_wf_out *out)
{
	free(out->x_num);
	memset(out, 0, sizeof *out);
}

dk_status dk_wf_alloc(dk_wf_out *out, size_t n)
{
	size_t k = n ? n : 1;
	memset(out, 0, sizeof *out);
	char *b = calloc(k, WF_PER_ITEM);
	if (!b)
		return DK_ENOMEM;
	out->x_num = (dk_i128 *)(void *)b;
	out->lo = (int64_t *)(void *)(b + k * sizeof *out->x_num);
	out->hi = out->lo + k;
	out->amount = out->hi + k;
	out->rank = (size_t *)(void *)(out->amount + k);
	out->state = (dk_state *)(void *)(out->rank + k);
	out->got_unit = (bool *)(out->state + k);
	return DK_OK;
}

/* Solves for λ* with the given caps (hi may be all "none" in reserve mode).
 * Sets outcome, λ and x_num. */
static dk_status solve(const dk_wf_in *in, const int64_t *lo, const int64_t *hi,
		       dk_wf_out *out)
{
	const dk_wf_item *it = in->items;
	size_t n = in->n;
	/* Σ x(0) and Σ x(∞) */
	dk_i128 s0 = 0, sinf = 0;
	bool unbounded = false;
	dk_i128 max_hi_num = 0, max_hi_den = 1; /* saturation point */
	for (size_t i = 0; i < n; i++) {
		s0 += clamp64(it[i].base, lo[i], hi[i]);
		if (it[i].weight == 0) {
			sinf += clamp64(it[i].base, lo[i], hi[i]);
		} else if (hi[i] < 0) {
			unbounded = true;
		} else {
			sinf += hi[i];
			/* where x reaches its cap; a network whose floor is its
			 * cap is there from λ = 0 */
			dk_i128 num = (dk_i128)hi[i] - it[i].base;
			if (num > 0 && hi[i] > lo[i] &&
			    dk_ratcmp(num, it[i].weight, max_hi_num, max_hi_den) > 0) {
				max_hi_num = num;
				max_hi_den = it[i].weight;
			}
		}
	}
	if (s0 > in->frame) {
		out->outcome = DK_WF_INFEASIBLE;
		out->shortfall = (int64_t)(s0 - in->frame);
		out->lambda_num = 0;
		out->lambda_den = 1;
		return DK_OK;
	}
	if (!unbounded && sinf < in->frame) {
		out->outcome = DK_WF_SATURATED;
		dk_i128 g = dk_gcd(max_hi_num, max_hi_den);
		out->lambda_num = max_hi_num / (g ? g : 1);
		out->lambda_den = max_hi_den / (g ? g : 1);
		for (size_t i = 0; i < n; i++) {
			int64_t v = it[i].weight == 0 ? clamp64(it[i].base, lo[i], hi[i])
						      : hi[i];
			out->x_num[i] = (dk_i128)v * out->lambda_den;
		}
		return DK_OK;
	}
	/* breakpoints ≥ 0, with 0: on the stack for a county's networks */
	frac small[2 * WF_SMALL + 1];
	frac *bp = n <= WF_SMALL ? small : malloc((2 * n + 1) * sizeof *bp);
	if (!bp)
		return DK_ENOMEM;
	size_t nb = 0;
	bp[nb++] = frac_of(0, 1);
	for (size_t i = 0; i < n; i++) {
		if (it[i].weight == 0)
			continue;
		dk_i128 a = (dk_i128)lo[i] - it[i].base;
		if (a > 0)
			bp[nb++] = frac_of(a, it[i].weight);
		if (hi[i] >= 0) {
			dk_i128 b = (dk_i128)hi[i] - it[i].base;
			if (b > 0)
				bp[nb++] = frac_of(b, it[i].weight);
		}
	}
	/* equal breakpoints are equal values: any sort will do, insertion
	 * for a county's few, qsort beyond (mostly on the keys) */
	if (nb <= 2 * WF_SMALL + 1) {
		for (size_t k = 1; k < nb; k++) {
			frac x = bp[k];
			size_t j = k;
			for (; j > 0 && frac_cmp(&bp[j - 1], &x) > 0; j--)
				bp[j] = bp[j - 1];
			bp[j] = x;
		}
	} else {
		for (size_t k = 0; k < nb; k++)
			frac_key(&bp[k]);
		qsort(bp, nb, sizeof *bp, frac_cmp);
	}
	/* first breakpoint k where Σ x ≥ F (nb: beyond the last) */
	size_t lo_k = 0, hi_k = nb;
	while (lo_k < hi_k) {
		size_t mid = lo_k + (hi_k - lo_k) / 2;
		if (sum_vs_frame(it, lo, hi, n, bp[mid], in->frame) >= 0)
			hi_k = mid;
		else
			lo_k = mid + 1;
	}
	size_t k = lo_k;
	out->outcome = DK_WF_SOLVED;
	if (k == 0) { /* Σ x(0) = F */
		out->lambda_num = 0;
		out->lambda_den = 1;
	} else {
		frac left = bp[k - 1];
		dk_i128 c = 0, fb = 0, fw = 0;
		for (size_t i = 0; i < n; i++) {
			if (it[i].weight == 0) {
				c += clamp64(it[i].base, lo[i], hi[i]);
				continue;
			}
			dk_i128 a = (dk_i128)lo[i] - it[i].base;
			/* clamped at the floor on the piece: floor breakpoint
			 * after its left end */
			if (dk_ratcmp(a, it[i].weight, left.num, left.den) > 0) {
				c += lo[i];
				continue;
			}
			if (hi[i] >= 0) {
				dk_i128 b = (dk_i128)hi[i] - it[i].base;
				if (dk_ratcmp(b, it[i].weight, left.num, left.den) <= 0) {
					c += hi[i];
					continue;
				}
			}
			fb += it[i].base;
			fw += it[i].weight;
		}
		dk_i128 p = (dk_i128)in->frame - c - fb;
		dk_i128 g = dk_gcd(p, fw);
		out->lambda_num = p / g;
		out->lambda_den = fw / g;
	}
	if (bp != small)
		free(bp);
	for (size_t i = 0; i < n; i++) {
		dk_i128 den = out->lambda_den;
		dk_i128 v = (dk_i128)it[i].base * den + out->lambda_num * it[i].weight;
		if (hi[i] >= 0 && v > (dk_i128)hi[i] * den)
			v = (dk_i128)hi[i] * den;
		if (v < (dk_i128)lo[i] * den)
			v = (dk_i128)lo[i] * den;
		out->x_num[i] = v;
	}
	return DK_OK;
}

dk_status dk_wf_run(const dk_wf_in *in, dk_wf_out *out)
{
	dk_status st = dk_wf_alloc(out, in->n);
	if (st == DK_OK && (st = dk_wf_run_into(in, out)) != DK_OK)
		dk_wf_release(out);
	return st;
}

dk_status dk_wf_run_into(const dk_wf_in *in, dk_wf_out *out)
{
	size_t n = in->n, k = n ? n : 1;
	int64_t u = in->unit < 1 ? 1 : in->unit;
	dk_status st;
	/* as dk_wf_alloc left them: every array zero, the scalars too */
	dk_wf_out keep = *out;
	memset(keep.x_num, 0, k * WF_PER_ITEM);
	memset(out, 0, sizeof *out);
	out->x_num = keep.x_num;
	out->lo = keep.lo;
	out->hi = keep.hi;
	out->amount = keep.amount;
	out->rank = keep.rank;
	out->state = keep.state;
	out->got_unit = keep.got_unit;
	/* caps down and floors up to the unit; a floor above its cap is the
	 * cap */
	for (size_t i = 0; i < n; i++) {
		int64_t hi = in->items[i].hi, lo = in->items[i].lo;
		if (hi >= 0)
			hi = hi / u * u;
		lo = (lo + u - 1) / u * u;
		if (hi >= 0 && lo > hi)
			lo = hi;
		out->lo[i] = lo;
		out->hi[i] = hi;
	}
	int64_t *nocap = NULL, nocap_small[WF_SMALL];
	if (in->reserve_mode) {
		nocap = n <= WF_SMALL ? nocap_small : malloc(n * sizeof *nocap);
		if (!nocap)
			return DK_ENOMEM;
		for (size_t i = 0; i < n; i++)
			nocap[i] = -1;
	}
	st = solve(in, out->lo, nocap ? nocap : out->hi, out);
	if (nocap != nocap_small)
		free(nocap);
	if (st != DK_OK || out->outcome == DK_WF_INFEASIBLE)
		return st;
	dk_i128 den = out->lambda_den;
	/* reserve mode: caps applied after solving */
	dk_i128 cut_num = 0;
	if (in->reserve_mode)
		for (size_t i = 0; i < n; i++)
			if (out->hi[i] >= 0 &&
			    out->x_num[i] > (dk_i128)out->hi[i] * den) {
				cut_num += out->x_num[i] - (dk_i128)out->hi[i] * den;
				out->x_num[i] = (dk_i128)out->hi[i] * den;
			}
	/* states and the fixed amounts */
	dk_i128 free_sum = 0;
	size_t nfree = 0;
	for (size_t i = 0; i < n; i++) {
		if (out->hi[i] >= 0 && out->x_num[i] == (dk_i128)out->hi[i] * den) {
			out->state[i] = DK_STATE_CAPPED;
			out->amount[i] = out->hi[i];
		} else if (out->lo[i] > 0 && out->x_num[i] == (dk_i128)out->lo[i] * den) {
			out->state[i] = DK_STATE_FLOORED;
			out->amount[i] = out->lo[i];
		} else {
			out->state[i] = DK_STATE_FREE;
			free_sum += out->x_num[i];
			nfree++;
		}
	}
	(void)cut_num;
	if (nfree > 0) {
		dk_i128 w_small[WF_SMALL];
		int64_t caps_small[WF_SMALL], amt_small[WF_SMALL];
		bool small = n <= WF_SMALL;
		dk_i128 *w = small ? w_small : malloc(n * sizeof *w);
		int64_t *caps = small ? caps_small : malloc(n * sizeof *caps);
		int64_t *amt = small ? amt_small : malloc(n * sizeof *amt);
		st = w && caps && amt ? DK_OK : DK_ENOMEM;
		for (size_t i = 0; i < n && st == DK_OK; i++) {
			w[i] = out->state[i] == DK_STATE_FREE ? out->x_num[i] : 0;
			caps[i] = out->state[i] == DK_STATE_FREE ? out->hi[i] : 0;
		}
		/* the free items share their exact sum, never rounded first:
		 * each one's quota is its own exact amount (RULES.md §3) */
		dk_apportion_in ai = {(int64_t)(free_sum / den), w, n, u, caps, -1, den};
		dk_apportion_out ao = {amt, out->rank, out->got_unit, 0};
		if (st == DK_OK && free_sum > 0)
			st = dk_apportion(&ai, &ao);
		if (st == DK_OK)
			for (size_t i = 0; i < n; i++)
				if (out->state[i] == DK_STATE_FREE)
					out->amount[i] = free_sum > 0 ? amt[i] : 0;
		if (!small) {
			free(w);
			free(caps);
			free(amt);
		}
		if (st != DK_OK)
			return st;
	}
	int64_t given = 0;
	for (size_t i = 0; i < n; i++)
		given += out->amount[i];
	int64_t rest = in->frame - given;
	if (in->reserve_mode) {
		/* what saturation leaves is unused; the rest was cut */
		int64_t sat = 0;
		if (out->outcome == DK_WF_SATURATED) {
			dk_i128 s = 0;
			for (size_t i = 0; i < n; i++)
				s += out->x_num[i];
			sat = in->frame - (int64_t)((s + cut_num) / den);
		}
		out->unused = sat;
		out->reserve_cut = rest - sat;
	} else {
		out->unused = rest;
	}
	return DK_OK;
}

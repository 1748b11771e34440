/*
 * test_reference.c: the recommendation (dk_recommend) against a second,
 * deliberately simple implementation of RULES.md sections 1 (apportion),
 * 3 (water-filling) and 9 (decisions), written here from the text of the
 * rules and sharing no code with engine/: only the models' types are used,
 * to build the inputs and to read the outputs.
 *
 * The reference is meant to be obviously right rather than fast:
 *
 *   - numbers are exact fractions of two __int128 kept in lowest terms;
 *     every product and sum is checked for overflow, and a case whose
 *     reference overflowed fails (the generator keeps amounts below 2·10⁷
 *     and weights below 10⁶, so products stay far below 10³⁸);
 *   - λ* is found by collecting every breakpoint (loᵢ − bᵢ)/wᵢ and
 *     (hiᵢ − bᵢ)/wᵢ at or above 0, sorting them, evaluating Σ xᵢ(λ) at each,
 *     and solving the one linear piece that crosses the frame (O(n²));
 *   - rounding is apportion as section 1 words it: each free network's
 *     quota is its own exact xᵢ, floored to the unit, and the whole units
 *     left go one each in the order (remainder desc, weight desc, position
 *     asc) to those with a positive remainder and room below their cap;
 *   - decisions: the decided networks get their amounts and the method runs
 *     over the others on F − Σ decided; the method amounts are a second run
 *     with no decision at all. Where that second run is infeasible but the
 *     first is not (a decision below a network's floor), section 9 does not
 *     say what the method amount is, so it is not compared there.
 *
 * The 12 000 generated cases (GSL's Mersenne Twister, fixed seed) cover
 * every method, units 1, 100 and 1000, both surplus modes, floor_previous
 * 0, 0.5, 0.9 and 1, cap_at_need on and off, base_grant and base_share,
 * networks with no weight, saturated and infeasible frames, and zero to two
 * decisions (also more than the frame); a third are in round numbers, so
 * that remainders and weights tie exactly. The test also counts what the
 * cases covered and fails if a kind of case becomes rare. For every case:
 * produced or not, and when produced each network's amount, state and
 * method amount, and the unused total (unused + reserve_cut = F − Σ
 * amounts = the reference's). Every disagreement is counted; the first few are
 * printed in full (case number, inputs, reference and engine), and
 * DK_REFERENCE_CASE=k reruns case k alone. A few hand-checked cases, the
 * worked example of section 3 among them, pin both implementations to values
 * a person can verify.
 */
#include <check.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_rng.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/recommend.h"
#include "models/columns.h"
#include "models/network.h"
#include "models/plan.h"
#include "models/recommendation.h"

#define CASES 12000
#define MAXN 8
#define NOCAP (-1)
#define SHOWN 5 /* disagreements printed in full */

/* ---------------------------------------------------------------------
 * Exact fractions. An operation that would overflow sets *ovf and gives 0;
 * the caller checks *ovf once the case is done.
 */

typedef struct {
	dk_i128 n, d; /* d > 0, gcd(n, d) = 1 */
} frac;

static dk_i128 gcd128(dk_i128 a, dk_i128 b)
{
	if (a < 0)
		a = -a;
	if (b < 0)
		b = -b;
	while (b != 0) {
		dk_i128 t = a % b;
		a = b;
		b = t;
	}
	return a;
}

static dk_i128 mul(bool *ovf, dk_i128 a, dk_i128 b)
{
	dk_i128 v;
	if (__builtin_mul_overflow(a, b, &v)) {
		*ovf = true;
		return 0;
	}
	return v;
}

static dk_i128 add(bool *ovf, dk_i128 a, dk_i128 b)
{
	dk_i128 v;
	if (__builtin_add_overflow(a, b, &v)) {
		*ovf = true;
		return 0;
	}
	return v;
}

static frac fr(bool *ovf, dk_i128 n, dk_i128 d)
{
	if (d == 0) {
		*ovf = true;
		return (frac){0, 1};
	}
	if (d < 0) {
		n = -n;
		d = -d;
	}
	dk_i128 g = gcd128(n, d);
	if (g > 1) {
		n /= g;
		d /= g;
	}
	return (frac){n, d};
}

static frac fint(int64_t v)
{
	return (frac){v, 1};
}

static frac fadd(bool *ovf, frac a, frac b)
{
	return fr(ovf, add(ovf, mul(ovf, a.n, b.d), mul(ovf, b.n, a.d)),
		  mul(ovf, a.d, b.d));
}

static frac fsub(bool *ovf, frac a, frac b)
{
	return fadd(ovf, a, (frac){-b.n, b.d});
}

static frac fmul(bool *ovf, frac a, frac b)
{
	return fr(ovf, mul(ovf, a.n, b.n), mul(ovf, a.d, b.d));
}

static frac fdiv(bool *ovf, frac a, frac b)
{
	return fr(ovf, mul(ovf, a.n, b.d), mul(ovf, a.d, b.n));
}

static int fcmp(bool *ovf, frac a, frac b)
{
	dk_i128 l = mul(ovf, a.n, b.d), r = mul(ovf, b.n, a.d);
	return (l > r) - (l < r);
}

static bool feq(frac a, int64_t v)
{
	return a.d == 1 && a.n == v;
}

/* The largest integer not above a. */
static int64_t ffloor(frac a)
{
	dk_i128 q = a.n / a.d;
	if (a.n % a.d != 0 && a.n < 0)
		q--;
	return (int64_t)q;
}

/* ---------------------------------------------------------------------
 * A case: the plan's parameters and the networks' cells.
 */

enum { BASE_NONE, BASE_GRANT, BASE_SHARE };

typedef struct {
	int n;
	int64_t need[MAXN], prev[MAXN], fte[MAXN]; /* fte in hundredths */
	dk_method method;
	int64_t F, unit;
	bool reserve, cap_at_need;
	int64_t floor_previous; /* millionths */
	int base_kind;
	int64_t base; /* kroner or millionths */
	int nd;       /* decisions, 0 to 2 */
	int dnet[2];
	int64_t damt[2];
} gcase;

static const char *method_text(dk_method m)
{
	return m == DK_METHOD_PRORATA ? "prorata"
		: m == DK_METHOD_NEED ? "need"
				      : "status_quo";
}

static const char *state_text(dk_state s)
{
	static const char *names[] = {"free", "capped", "floored", "decided"};
	return (unsigned)s < 4 ? names[s] : "?";
}

/* The inputs in one paragraph, enough to rebuild the case by hand. */
static void case_text(const gcase *c, char *buf, size_t size)
{
	size_t k = 0;
#define PUT(...)                                                                  \
	do {                                                                      \
		int w_ = snprintf(buf + k, k < size ? size - k : 0, __VA_ARGS__); \
		if (w_ > 0)                                                       \
			k += (size_t)w_;                                          \
	} while (0)
	PUT("method %s, F %lld, rounding %lld, surplus %s, cap_at_need %s, "
	    "floor_previous %lld/1000000",
	    method_text(c->method), (long long)c->F, (long long)c->unit,
	    c->reserve ? "reserve" : "redistribute", c->cap_at_need ? "true" : "false",
	    (long long)c->floor_previous);
	if (c->base_kind == BASE_GRANT)
		PUT(", base_grant %lld", (long long)c->base);
	else if (c->base_kind == BASE_SHARE)
		PUT(", base_share %lld/1000000", (long long)c->base);
	PUT("\n  networks (need, previous, fte in hundredths):");
	for (int i = 0; i < c->n; i++)
		PUT(" N%d(%lld, %lld, %lld)", i, (long long)c->need[i],
		    (long long)c->prev[i], (long long)c->fte[i]);
	if (c->nd > 0) {
		PUT("\n  decisions:");
		for (int d = 0; d < c->nd; d++)
			PUT(" N%d = %lld", c->dnet[d], (long long)c->damt[d]);
	}
#undef PUT
}

/* ---------------------------------------------------------------------
 * The reference.
 */

enum { REF_SOLVED, REF_SATURATED, REF_INFEASIBLE };

typedef struct {
	int64_t b, w, lo, hi; /* hi NOCAP: no cap */
} item;

typedef struct {
	bool feasible;
	int outcome;
	int64_t amount[MAXN];
	dk_state state[MAXN];
	int64_t unused; /* F − Σ amounts */
	bool overflow;
} ref_out;

/* Section 3's table, then lo := min(lo, hi), then the unit: caps down,
 * floors up, a floor above its cap becomes the cap. */
static void ref_items(const gcase *c, item *it, bool *ovf)
{
	int64_t B = 0;
	if (c->method == DK_METHOD_PRORATA) {
		if (c->base_kind == BASE_GRANT)
			B = c->base;
		else if (c->base_kind == BASE_SHARE) /* floor(s·F/n), all n */
			B = ffloor(fdiv(ovf,
					fmul(ovf, fr(ovf, c->base, DK_RATIO_ONE),
					     fint(c->F)),
					fint(c->n)));
	}
	for (int i = 0; i < c->n; i++) {
		item *x = &it[i];
		int64_t sq = c->prev[i] < c->need[i] ? c->prev[i] : c->need[i];
		switch (c->method) {
		case DK_METHOD_PRORATA:
			x->b = B;
			x->w = c->fte[i];
			x->lo = ffloor(fmul(ovf, fr(ovf, c->floor_previous, DK_RATIO_ONE),
					    fint(c->prev[i])));
			x->hi = c->cap_at_need ? c->need[i] : NOCAP;
			break;
		case DK_METHOD_NEED: *x = (item){0, c->need[i], 0, c->need[i]}; break;
		case DK_METHOD_STATUS_QUO: *x = (item){0, sq, 0, sq}; break;
		}
		if (x->hi != NOCAP && x->lo > x->hi)
			x->lo = x->hi;
		if (x->hi != NOCAP)
			x->hi = x->hi / c->unit * c->unit;
		x->lo = (x->lo + c->unit - 1) / c->unit * c->unit;
		if (x->hi != NOCAP && x->lo > x->hi)
			x->lo = x->hi;
	}
}

/* clamp(b + λw, lo, cap), cap NOCAP for none. */
static frac x_at(bool *ovf, const item *x, int64_t cap, frac lam)
{
	frac v = fadd(ovf, fint(x->b), fmul(ovf, lam, fint(x->w)));
	if (cap != NOCAP && fcmp(ovf, v, fint(cap)) > 0)
		v = fint(cap);
	if (fcmp(ovf, v, fint(x->lo)) < 0)
		v = fint(x->lo);
	return v;
}

static frac sum_at(bool *ovf, const item *it, const int64_t *cap, const bool *on, int n,
		   frac lam)
{
	frac s = fint(0);
	for (int i = 0; i < n; i++)
		if (on[i])
			s = fadd(ovf, s, x_at(ovf, &it[i], cap[i], lam));
	return s;
}

/* The water-filling of the networks in `on` over the frame G, the caps in
 * `cap` (none at all in reserve mode): fills x, returns the outcome. */
static int water_fill(bool *ovf, const item *it, const int64_t *cap, const bool *on,
		      int n, int64_t G, frac *x)
{
	frac zero = fint(0);
	if (fcmp(ovf, sum_at(ovf, it, cap, on, n, zero), fint(G)) > 0)
		return REF_INFEASIBLE;

	/* x(∞): the cap for a weight, the clamped base without one */
	bool bounded = true;
	frac top = zero;
	for (int i = 0; i < n; i++) {
		if (!on[i])
			continue;
		if (it[i].w > 0 && cap[i] == NOCAP)
			bounded = false;
		else if (it[i].w > 0)
			top = fadd(ovf, top, fint(cap[i]));
		else
			top = fadd(ovf, top, x_at(ovf, &it[i], cap[i], zero));
	}
	if (bounded && fcmp(ovf, top, fint(G)) <= 0) {
		for (int i = 0; i < n; i++)
			if (on[i])
				x[i] = it[i].w > 0 ? fint(cap[i])
						   : x_at(ovf, &it[i], cap[i], zero);
		return REF_SATURATED;
	}

	/* every breakpoint ≥ 0, with 0 itself, sorted by insertion */
	frac bp[2 * MAXN + 1];
	int nb = 0;
	bp[nb++] = zero;
	for (int i = 0; i < n; i++) {
		if (!on[i] || it[i].w == 0)
			continue;
		frac c[2] = {fr(ovf, it[i].lo - it[i].b, it[i].w),
			     fr(ovf, cap[i] - it[i].b, it[i].w)};
		for (int k = 0; k < (cap[i] == NOCAP ? 1 : 2); k++)
			if (fcmp(ovf, c[k], zero) >= 0)
				bp[nb++] = c[k];
	}
	for (int a = 1; a < nb; a++)
		for (int b = a; b > 0 && fcmp(ovf, bp[b - 1], bp[b]) > 0; b--) {
			frac t = bp[b];
			bp[b] = bp[b - 1];
			bp[b - 1] = t;
		}

	frac lam = zero, F = fint(G);
	int k = 0;
	while (k < nb && fcmp(ovf, sum_at(ovf, it, cap, on, n, bp[k]), F) < 0)
		k++;
	if (k < nb && fcmp(ovf, sum_at(ovf, it, cap, on, n, bp[k]), F) == 0) {
		lam = bp[k];
	} else {
		/* the piece from bp[k−1] to bp[k] (or on past the last one)
		 * crosses F: S(p) + (λ − p)·slope = F */
		frac p = bp[k - 1];
		frac q = k < nb ? bp[k] : fadd(ovf, p, fint(1));
		frac sp = sum_at(ovf, it, cap, on, n, p);
		frac sq = sum_at(ovf, it, cap, on, n, q);
		frac slope = fdiv(ovf, fsub(ovf, sq, sp), fsub(ovf, q, p));
		ck_assert_msg(fcmp(ovf, slope, zero) > 0, "reference: flat last piece");
		lam = fadd(ovf, p, fdiv(ovf, fsub(ovf, F, sp), slope));
	}
	for (int i = 0; i < n; i++)
		if (on[i])
			x[i] = x_at(ovf, &it[i], cap[i], lam);
	return REF_SOLVED;
}

/* Sections 3 and 9 for one case; with decisions false, as if the plan had
 * none (the method amounts). */
static void reference(const gcase *c, bool decisions, ref_out *o)
{
	bool ovf = false;
	item it[MAXN];
	memset(o, 0, sizeof *o);
	ref_items(c, it, &ovf);

	bool on[MAXN];
	int64_t G = c->F;
	for (int i = 0; i < c->n; i++)
		on[i] = true;
	if (decisions)
		for (int d = 0; d < c->nd; d++) {
			on[c->dnet[d]] = false;
			G -= c->damt[d];
		}
	if (G < 0) {
		o->outcome = REF_INFEASIBLE;
		return;
	}

	int64_t solve_cap[MAXN];
	for (int i = 0; i < c->n; i++)
		solve_cap[i] = c->reserve ? NOCAP : it[i].hi;
	frac x[MAXN];
	o->outcome = water_fill(&ovf, it, solve_cap, on, c->n, G, x);
	o->overflow = ovf;
	if (o->outcome == REF_INFEASIBLE)
		return;
	o->feasible = true;

	/* reserve mode: the caps now, what they cut is unused */
	for (int i = 0; i < c->n; i++)
		if (on[i] && it[i].hi != NOCAP && fcmp(&ovf, x[i], fint(it[i].hi)) > 0)
			x[i] = fint(it[i].hi);

	/* state on the exact amount; capped and floored get hi and lo */
	frac T = fint(0), rem[MAXN];
	for (int i = 0; i < c->n; i++) {
		if (!on[i]) {
			o->state[i] = DK_STATE_DECIDED;
			for (int d = 0; d < c->nd; d++)
				if (c->dnet[d] == i)
					o->amount[i] = c->damt[d];
		} else if (it[i].hi != NOCAP && feq(x[i], it[i].hi)) {
			o->state[i] = DK_STATE_CAPPED;
			o->amount[i] = it[i].hi;
		} else if (it[i].lo > 0 && feq(x[i], it[i].lo)) {
			o->state[i] = DK_STATE_FLOORED;
			o->amount[i] = it[i].lo;
		} else {
			o->state[i] = DK_STATE_FREE;
			T = fadd(&ovf, T, x[i]);
		}
	}

	/* apportion(T, free xᵢ, u, caps): since T = Σ weights each quota is
	 * xᵢ itself; floor it to the unit, then hand out the whole units left */
	int order[MAXN], nf = 0;
	frac placed = fint(0);
	for (int i = 0; i < c->n; i++) {
		if (o->state[i] != DK_STATE_FREE)
			continue;
		o->amount[i] = ffloor(fdiv(&ovf, x[i], fint(c->unit))) * c->unit;
		rem[i] = fsub(&ovf, x[i], fint(o->amount[i]));
		placed = fadd(&ovf, placed, fint(o->amount[i]));
		order[nf++] = i;
	}
	int64_t units = ffloor(fdiv(&ovf, fsub(&ovf, T, placed), fint(c->unit)));
	for (int a = 1; a < nf; a++)
		for (int b = a; b > 0; b--) {
			int i = order[b - 1], j = order[b];
			int r = fcmp(&ovf, rem[j], rem[i]);
			if (r == 0)
				r = fcmp(&ovf, x[j], x[i]);
			if (r <= 0) /* stable: the earlier position stays first */
				break;
			order[b - 1] = j;
			order[b] = i;
		}
	for (int k = 0; k < nf && units > 0; k++) {
		int i = order[k];
		if (rem[i].n <= 0)
			continue;
		if (it[i].hi != NOCAP && o->amount[i] + c->unit > it[i].hi)
			continue;
		o->amount[i] += c->unit;
		units--;
	}

	o->unused = c->F;
	for (int i = 0; i < c->n; i++)
		o->unused -= o->amount[i];
	o->overflow = ovf;
}

/* ---------------------------------------------------------------------
 * The engine, on the same case.
 */

static void engine(const gcase *c, dk_recommendation *r)
{
	dk_plan p;
	dk_plan_init(&p);
	p.has_prorata = true;
	p.prorata = c->F;
	p.method = c->method;
	p.rounding = c->unit;
	p.surplus_reserve = c->reserve;
	p.cap_at_need = c->cap_at_need;
	p.floor_previous = c->floor_previous;
	if (c->base_kind == BASE_GRANT) {
		p.has_base_grant = true;
		p.base_grant = c->base;
	} else if (c->base_kind == BASE_SHARE) {
		p.has_base_share = true;
		p.base_share = c->base;
	}
	if (c->nd > 0) {
		p.decisions = calloc((size_t)c->nd, sizeof *p.decisions);
		ck_assert_ptr_nonnull(p.decisions);
		p.n_decisions = (size_t)c->nd;
	}
	char name[16];
	for (int d = 0; d < c->nd; d++) {
		dk_decision *x = &p.decisions[d];
		snprintf(name, sizeof name, "N%d", c->dnet[d]);
		x->network = strdup(name);
		x->index = c->dnet[d];
		x->amount = c->damt[d];
		x->reason = strdup("the forum says so");
		ck_assert(x->network && x->reason);
	}

	dk_networks t;
	dk_networks_init(&t, 0);
	t.columns = 1u << DK_COL_NETWORK | 1u << DK_COL_NEED | 1u << DK_COL_PREVIOUS |
		1u << DK_COL_FTE;
	for (int i = 0; i < c->n; i++) {
		dk_network *n;
		snprintf(name, sizeof name, "N%d", i);
		ck_assert_int_eq(dk_networks_add(&t, name, i + 2, &n), DK_OK);
		n->v[DK_COL_NEED] = c->need[i];
		n->v[DK_COL_PREVIOUS] = c->prev[i];
		n->v[DK_COL_FTE] = c->fte[i];
		n->present |= 1u << DK_COL_NETWORK | 1u << DK_COL_NEED |
			1u << DK_COL_PREVIOUS | 1u << DK_COL_FTE;
	}
	ck_assert_int_eq(dk_recommend(&p, &t, r), DK_OK);
	dk_networks_release(&t);
	dk_plan_release(&p);
}

/* ---------------------------------------------------------------------
 * Comparison.
 */

typedef struct {
	ref_out ref;         /* with the decisions */
	ref_out plain;       /* with none: the method amounts */
	bool method_defined; /* the plain run is feasible */
} expected;

static void expect(const gcase *c, expected *e)
{
	reference(c, true, &e->ref);
	if (c->nd > 0)
		reference(c, false, &e->plain);
	else
		e->plain = e->ref;
	e->method_defined = e->plain.feasible;
}

/* Writes the first disagreement into msg; false when there is none. */
static bool disagree(const gcase *c, const expected *e, const dk_recommendation *r,
		     char *msg, size_t size)
{
	if (e->ref.overflow || e->plain.overflow) {
		snprintf(msg, size, "the reference overflowed");
		return true;
	}
	if (r->prorata != c->F) {
		snprintf(msg, size, "prorata %lld, expected %lld", (long long)r->prorata,
			 (long long)c->F);
		return true;
	}
	if (r->produced != e->ref.feasible) {
		snprintf(msg, size, "produced %d, expected %d (%s)", r->produced,
			 e->ref.feasible,
			 e->ref.outcome == REF_INFEASIBLE ? "infeasible" : "feasible");
		return true;
	}
	if (!r->produced)
		return false;
	int64_t sum = 0;
	for (int i = 0; i < c->n; i++) {
		const dk_rec_row *row = &r->rows[i];
		sum += row->amount;
		if (row->amount != e->ref.amount[i] || row->state != e->ref.state[i]) {
			snprintf(msg, size, "N%d: %lld %s, expected %lld %s", i,
				 (long long)row->amount, state_text(row->state),
				 (long long)e->ref.amount[i],
				 state_text(e->ref.state[i]));
			return true;
		}
		if (e->method_defined && row->method_amount != e->plain.amount[i]) {
			snprintf(msg, size, "N%d: method_amount %lld, expected %lld", i,
				 (long long)row->method_amount,
				 (long long)e->plain.amount[i]);
			return true;
		}
	}
	if (r->unused + r->reserve_cut != c->F - sum ||
	    r->unused + r->reserve_cut != e->ref.unused) {
		snprintf(msg, size,
			 "unused %lld + reserve_cut %lld, F − Σ amounts %lld, "
			 "expected %lld",
			 (long long)r->unused, (long long)r->reserve_cut,
			 (long long)(c->F - sum), (long long)e->ref.unused);
		return true;
	}
	return false;
}

static void show(int k, const gcase *c, const expected *e, const dk_recommendation *r,
		 const char *msg)
{
	char text[2048];
	case_text(c, text, sizeof text);
	fprintf(stderr, "case %d: %s\n  %s\n  reference:", k, msg, text);
	if (!e->ref.feasible)
		fprintf(stderr, " infeasible");
	else
		for (int i = 0; i < c->n; i++)
			fprintf(stderr, " %lld %s (method %lld)",
				(long long)e->ref.amount[i], state_text(e->ref.state[i]),
				e->method_defined ? (long long)e->plain.amount[i] : -1LL);
	if (e->ref.feasible)
		fprintf(stderr, ", unused %lld", (long long)e->ref.unused);
	fprintf(stderr, "\n  engine:   ");
	if (!r->produced)
		fprintf(stderr, " not produced");
	else
		for (int i = 0; i < c->n; i++)
			fprintf(stderr, " %lld %s (method %lld)",
				(long long)r->rows[i].amount,
				state_text(r->rows[i].state),
				(long long)r->rows[i].method_amount);
	if (r->produced)
		fprintf(stderr, ", unused %lld + reserve_cut %lld", (long long)r->unused,
			(long long)r->reserve_cut);
	fprintf(stderr, "\n");
}

/* ---------------------------------------------------------------------
 * The generator.
 */

static int64_t pick(gsl_rng *g, int64_t max)
{
	return (int64_t)gsl_rng_uniform_int(g, (unsigned long)max + 1);
}

static void generate(gsl_rng *g, gcase *c)
{
	static const int64_t units[] = {1, 100, 1000};
	static const int64_t floors[] = {0, 500000, 900000, 1000000};
	static const dk_method methods[] = {DK_METHOD_PRORATA, DK_METHOD_PRORATA,
					    DK_METHOD_NEED, DK_METHOD_STATUS_QUO};
	memset(c, 0, sizeof *c);
	c->n = 1 + (int)pick(g, MAXN - 1);
	c->method = methods[pick(g, 3)];
	c->unit = units[pick(g, 2)];
	c->reserve = pick(g, 3) == 0;
	c->cap_at_need = pick(g, 3) != 0;
	c->floor_previous = floors[pick(g, 3)];
	c->base_kind = (int)pick(g, 2);
	if (c->base_kind == BASE_GRANT)
		c->base = pick(g, 1) ? pick(g, 100) * 1000 : pick(g, 150000);
	else if (c->base_kind == BASE_SHARE)
		c->base = pick(g, 400000);

	/* a third of the cases in round numbers, where exact ties between
	 * remainders (and between weights) are common */
	bool tidy = pick(g, 2) == 0;
	if (tidy && c->base_kind == BASE_GRANT)
		c->base = pick(g, 8) * 250;
	int64_t needs = 0;
	for (int i = 0; i < c->n; i++) {
		if (pick(g, 6) == 0) /* no weight under any method */
			continue;
		if (tidy) {
			c->need[i] = pick(g, 24) * 250;
			c->prev[i] = pick(g, 3) == 0 ? 0 : pick(g, 24) * 250;
			c->fte[i] = pick(g, 8) * 25;
			needs += c->need[i];
			continue;
		}
		c->need[i] = pick(g, 7) == 0 ? 0
			: pick(g, 2) == 0    ? pick(g, 1000) * 1000
					     : pick(g, 1000000);
		switch (pick(g, 3)) {
		case 0: c->prev[i] = 0; break;
		case 1:
			c->prev[i] = c->need[i] + pick(g, 200000) - 100000;
			if (c->prev[i] < 0)
				c->prev[i] = 0;
			break;
		default: c->prev[i] = pick(g, 1000000);
		}
		c->fte[i] = pick(g, 4) == 0 ? 0 : pick(g, 3000);
		needs += c->need[i];
	}

	switch (tidy ? 4 : pick(g, 4)) {
	case 4: c->F = pick(g, needs / 250 + 8) * 250; break;
	case 0: c->F = pick(g, needs); break;
	case 1: /* above the needs: saturated when capped */
		c->F = needs + pick(g, needs);
		break;
	case 2: /* small: infeasible with bases or floors */
		c->F = pick(g, needs / 5);
		break;
	default: c->F = pick(g, needs / 1000 + 1000) * 1000;
	}

	int64_t nd = pick(g, 3);
	c->nd = nd <= 1 ? 0 : (int)nd - 1;
	if (c->nd > c->n)
		c->nd = c->n;
	for (int d = 0; d < c->nd; d++) {
		do
			c->dnet[d] = (int)pick(g, c->n - 1);
		while (d == 1 && c->dnet[1] == c->dnet[0]);
		switch (pick(g, 3)) {
		case 0:
			c->damt[d] = tidy ? pick(g, 24) * 250
					  : pick(g, c->need[c->dnet[d]] * 3 / 2);
			break;
		case 1: c->damt[d] = pick(g, c->F); break;
		case 2: /* with two, often more than the frame */
			c->damt[d] = c->F / 2 + pick(g, c->F / 4 + 1000);
			break;
		default: c->damt[d] = pick(g, 1000) * 1000;
		}
	}
}

/* What the generated cases covered, so that a change to the generator that
 * loses a kind of case fails. */
typedef struct {
	size_t method[3], unit1, unit100, unit1000, reserve, floors[4], uncapped;
	size_t base_grant, base_share, zero_weight, solved, saturated, infeasible,
		decided[3], decided_over, method_undefined;
} coverage;

static void count(const gcase *c, const expected *e, coverage *v)
{
	v->method[c->method]++;
	v->unit1 += c->unit == 1;
	v->unit100 += c->unit == 100;
	v->unit1000 += c->unit == 1000;
	v->reserve += c->reserve;
	static const int64_t floors[] = {0, 500000, 900000, 1000000};
	for (int f = 0; f < 4; f++)
		v->floors[f] += c->floor_previous == floors[f];
	v->uncapped += !c->cap_at_need;
	v->base_grant += c->base_kind == BASE_GRANT;
	v->base_share += c->base_kind == BASE_SHARE;
	for (int i = 0; i < c->n; i++)
		if (c->need[i] == 0 && c->prev[i] == 0 && c->fte[i] == 0) {
			v->zero_weight++;
			break;
		}
	v->solved += e->ref.outcome == REF_SOLVED;
	v->saturated += e->ref.outcome == REF_SATURATED;
	v->infeasible += e->ref.outcome == REF_INFEASIBLE;
	v->decided[c->nd]++;
	int64_t sum = 0;
	for (int d = 0; d < c->nd; d++)
		sum += c->damt[d];
	v->decided_over += sum > c->F;
	v->method_undefined += e->ref.feasible && !e->method_defined;
}

START_TEST(engine_agrees_with_reference)
{
	gsl_rng *g = gsl_rng_alloc(gsl_rng_mt19937);
	ck_assert_ptr_nonnull(g);
	gsl_rng_set(g, 19052022);
	const char *only = getenv("DK_REFERENCE_CASE");
	int one = only ? (int)strtol(only, NULL, 10) : -1;
	coverage v;
	memset(&v, 0, sizeof v);
	int bad = 0, first = -1;
	char first_msg[512] = "";
	for (int k = 0; k < CASES; k++) {
		gcase c;
		generate(g, &c);
		if (one >= 0 && k != one)
			continue;
		expected e;
		expect(&c, &e);
		count(&c, &e, &v);
		dk_recommendation r;
		engine(&c, &r);
		char msg[512] = "";
		if (disagree(&c, &e, &r, msg, sizeof msg)) {
			if (bad < SHOWN)
				show(k, &c, &e, &r, msg);
			if (bad++ == 0) {
				first = k;
				snprintf(first_msg, sizeof first_msg, "%s", msg);
			}
		} else if (one >= 0) {
			show(k, &c, &e, &r, "agrees");
		}
		dk_recommendation_release(&r);
	}
	gsl_rng_free(g);
	ck_assert_msg(bad == 0,
		      "%d of %d cases disagree with the reference; first: case "
		      "%d: %s (rerun one with DK_REFERENCE_CASE=k)",
		      bad, one >= 0 ? 1 : CASES, first, first_msg);
	if (one >= 0)
		return;
	for (int m = 0; m < 3; m++)
		ck_assert_uint_gt(v.method[m], 1000);
	for (int f = 0; f < 4; f++)
		ck_assert_uint_gt(v.floors[f], 1000);
	ck_assert_uint_gt(v.unit1, 1000);
	ck_assert_uint_gt(v.unit100, 1000);
	ck_assert_uint_gt(v.unit1000, 1000);
	ck_assert_uint_gt(v.reserve, 1000);
	ck_assert_uint_gt(v.uncapped, 1000);
	ck_assert_uint_gt(v.base_grant, 1000);
	ck_assert_uint_gt(v.base_share, 1000);
	ck_assert_uint_gt(v.zero_weight, 1000);
	ck_assert_uint_gt(v.solved, 1000);
	ck_assert_uint_gt(v.saturated, 500);
	ck_assert_uint_gt(v.infeasible, 500);
	ck_assert_uint_gt(v.decided[1], 1000);
	ck_assert_uint_gt(v.decided[2], 1000);
	ck_assert_uint_gt(v.decided_over, 200);
}
END_TEST

/* ---------------------------------------------------------------------
 * Cases by hand: each is checked against the engine and the reference.
 */

static void hand(const gcase *c, bool produced, const int64_t *amount,
		 const dk_state *state, const int64_t *method_amount, int64_t unused)
{
	expected e;
	expect(c, &e);
	ck_assert(!e.ref.overflow && !e.plain.overflow);
	ck_assert_int_eq(e.ref.feasible, produced);
	dk_recommendation r;
	engine(c, &r);
	ck_assert_int_eq(r.produced, produced);
	for (int i = 0; produced && i < c->n; i++) {
		const int64_t ma = method_amount ? method_amount[i] : amount[i];
		ck_assert_int_eq(e.ref.amount[i], amount[i]);
		ck_assert_int_eq(e.ref.state[i], state[i]);
		ck_assert_int_eq(e.plain.amount[i], ma);
		ck_assert_msg(r.rows[i].amount == amount[i],
			      "N%d: amount %lld, expected %lld", i,
			      (long long)r.rows[i].amount, (long long)amount[i]);
		ck_assert_msg(r.rows[i].state == state[i], "N%d: state %s, expected %s",
			      i, state_text(r.rows[i].state), state_text(state[i]));
		ck_assert_msg(r.rows[i].method_amount == ma,
			      "N%d: method_amount %lld, expected %lld", i,
			      (long long)r.rows[i].method_amount, (long long)ma);
	}
	if (produced) {
		ck_assert_int_eq(e.ref.unused, unused);
		ck_assert_int_eq(r.unused + r.reserve_cut, unused);
	}
	dk_recommendation_release(&r);
}

#define FREE DK_STATE_FREE
#define CAPPED DK_STATE_CAPPED
#define FLOORED DK_STATE_FLOORED
#define DECIDED DK_STATE_DECIDED

START_TEST(worked_example)
{
	/* RULES.md section 3: x = 3 500 · (1 000, 4 000) / 5 000 = (700,
	 * 2 800); floored to the unit 0 and 2 000; 1 500 is left, one unit
	 * placed on the larger remainder (800 > 700): 0 and 3 000, 500 unused */
	gcase c = {.n = 2,
		   .need = {1000, 4000},
		   .method = DK_METHOD_NEED,
		   .F = 3500,
		   .unit = 1000,
		   .cap_at_need = true};
	hand(&c, true, (int64_t[]){0, 3000}, (dk_state[]){FREE, FREE}, NULL, 500);
}
END_TEST

START_TEST(base_grant_and_fte)
{
	/* B = 100, FTE 1 and 3, F = 1 000, no caps: 200 + 400λ = 1 000, λ = 2
	 * per hundredth: 300 and 700 */
	gcase c = {.n = 2,
		   .need = {5000, 5000},
		   .fte = {100, 300},
		   .method = DK_METHOD_PRORATA,
		   .F = 1000,
		   .unit = 1,
		   .base_kind = BASE_GRANT,
		   .base = 100};
	hand(&c, true, (int64_t[]){300, 700}, (dk_state[]){FREE, FREE}, NULL, 0);
}
END_TEST

START_TEST(saturated_and_caps_to_the_unit)
{
	/* need, u = 1 000, needs 1 500 and 2 999: caps 1 000 and 2 000, both
	 * reached under F = 10 000; 7 000 unused */
	gcase c = {.n = 2,
		   .need = {1500, 2999},
		   .method = DK_METHOD_NEED,
		   .F = 10000,
		   .unit = 1000,
		   .cap_at_need = true};
	hand(&c, true, (int64_t[]){1000, 2000}, (dk_state[]){CAPPED, CAPPED}, NULL, 7000);
}
END_TEST

START_TEST(floor_up_to_the_unit)
{
	/* floor_previous 0.5 of 250 is 125, up to the unit 100: 200. A (FTE
	 * 0.01) sits on it, B (FTE 1) takes the rest: 200 + 100λ = 1 000 */
	gcase c = {.n = 2,
		   .prev = {250, 0},
		   .fte = {1, 100},
		   .method = DK_METHOD_PRORATA,
		   .F = 1000,
		   .unit = 100,
		   .floor_previous = 500000};
	hand(&c, true, (int64_t[]){200, 800}, (dk_state[]){FLOORED, FREE}, NULL, 0);
}
END_TEST

START_TEST(floors_exceed_the_frame)
{
	/* floors 600 + 600 > 1 000: no amounts */
	gcase c = {.n = 2,
		   .need = {1000, 1000},
		   .prev = {600, 600},
		   .fte = {100, 100},
		   .method = DK_METHOD_PRORATA,
		   .F = 1000,
		   .unit = 1,
		   .cap_at_need = true,
		   .floor_previous = 1000000};
	hand(&c, false, NULL, NULL, NULL, 0);
}
END_TEST

START_TEST(reserve_holds_back_cuts_and_fractions)
{
	/* FTE 1 each, no caps while solving: 333 1/3 each; A's cap 100 cuts
	 * 233 1/3; B and C share 666 2/3: 333 each, the 2/3 held back:
	 * 100 + 333 + 333, 234 unused */
	gcase c = {.n = 3,
		   .need = {100, 5000, 5000},
		   .fte = {100, 100, 100},
		   .method = DK_METHOD_PRORATA,
		   .F = 1000,
		   .unit = 1,
		   .reserve = true,
		   .cap_at_need = true};
	hand(&c, true, (int64_t[]){100, 333, 333}, (dk_state[]){CAPPED, FREE, FREE}, NULL,
	     234);
}
END_TEST

START_TEST(decision_and_method_amounts)
{
	/* needs 600 each, F = 1 000. Without decisions 333 1/3 each, the
	 * krone left to the earliest: 334, 333, 333. The forum decides 700 for
	 * A: B and C share 300, 150 each */
	gcase c = {.n = 3,
		   .need = {600, 600, 600},
		   .method = DK_METHOD_NEED,
		   .F = 1000,
		   .unit = 1,
		   .cap_at_need = true,
		   .nd = 1,
		   .dnet = {0},
		   .damt = {700}};
	hand(&c, true, (int64_t[]){700, 150, 150}, (dk_state[]){DECIDED, FREE, FREE},
	     (int64_t[]){334, 333, 333}, 0);
}
END_TEST

START_TEST(decisions_above_the_frame)
{
	/* 600 + 500 decided > F = 1 000: infeasible */
	gcase c = {.n = 3,
		   .need = {600, 600, 600},
		   .method = DK_METHOD_NEED,
		   .F = 1000,
		   .unit = 1,
		   .cap_at_need = true,
		   .nd = 2,
		   .dnet = {0, 1},
		   .damt = {600, 500}};
	hand(&c, false, NULL, NULL, NULL, 0);
}
END_TEST

START_TEST(base_share_of_the_whole_frame)
{
	/* base_share 0.3 of F = 1 000 over all 3 networks: B = 100. A decided
	 * 400; B (FTE 1) and C (FTE 3) share 600: 200 + 400λ = 600, λ = 1:
	 * 200 and 400. Without decisions 300 + 500λ = 1 000, λ = 1.4: 240, 240,
	 * 520 */
	gcase c = {.n = 3,
		   .need = {5000, 5000, 5000},
		   .fte = {100, 100, 300},
		   .method = DK_METHOD_PRORATA,
		   .F = 1000,
		   .unit = 1,
		   .base_kind = BASE_SHARE,
		   .base = 300000,
		   .nd = 1,
		   .dnet = {0},
		   .damt = {400}};
	hand(&c, true, (int64_t[]){400, 200, 400}, (dk_state[]){DECIDED, FREE, FREE},
	     (int64_t[]){240, 240, 520}, 0);
}
END_TEST

START_TEST(status_quo_zero_previous)
{
	/* status_quo: weights min(previous, need) = 300, 0, 100; F = 200:
	 * λ = 1/2: 150, 0 (capped at 0), 50 */
	gcase c = {.n = 3,
		   .need = {1000, 1000, 100},
		   .prev = {300, 0, 500},
		   .method = DK_METHOD_STATUS_QUO,
		   .F = 200,
		   .unit = 1,
		   .cap_at_need = true};
	hand(&c, true, (int64_t[]){150, 0, 50}, (dk_state[]){FREE, CAPPED, FREE}, NULL,
	     0);
}
END_TEST

START_TEST(tie_to_the_larger_weight)
{
	/* needs 3 000 and 5 000, F = 4 000, u = 1 000: x = 1 500 and 2 500,
	 * equal remainders of 500; the one unit left goes to the larger
	 * weight: 1 000 and 3 000 */
	gcase c = {.n = 2,
		   .need = {3000, 5000},
		   .method = DK_METHOD_NEED,
		   .F = 4000,
		   .unit = 1000,
		   .cap_at_need = true};
	hand(&c, true, (int64_t[]){1000, 3000}, (dk_state[]){FREE, FREE}, NULL, 0);
}
END_TEST

START_TEST(reserve_rounds_the_exact_sum)
{
	/* reserve mode, u = 1 000, FTE 1, 4 and 1, F = 4 201: without caps
	 * λ = 4 201/600 per FTE, x = 700 1/6, 2 800 2/3, 700 1/6; A's cap is
	 * 0. B and C are rounded over their exact sum 3 500 5/6: floors 2 000
	 * and 0, one unit left, to B (remainder 800 2/3 > 700 1/6): 0, 3 000,
	 * 0 and 1 201 unused. (Rounding the sum to 3 000 first would give
	 * 2 000 and 1 000.) */
	gcase c = {.n = 3,
		   .need = {0, 100000, 100000},
		   .fte = {100, 400, 100},
		   .method = DK_METHOD_PRORATA,
		   .F = 4201,
		   .unit = 1000,
		   .reserve = true,
		   .cap_at_need = true};
	hand(&c, true, (int64_t[]){0, 3000, 0}, (dk_state[]){CAPPED, FREE, FREE}, NULL,
	     1201);
}
END_TEST

int main(void)
{
	gsl_set_error_handler_off();
	Suite *s = suite_create("reference");
	TCase *hc = tcase_create("by hand");
	tcase_add_test(hc, worked_example);
	tcase_add_test(hc, base_grant_and_fte);
	tcase_add_test(hc, saturated_and_caps_to_the_unit);
	tcase_add_test(hc, floor_up_to_the_unit);
	tcase_add_test(hc, floors_exceed_the_frame);
	tcase_add_test(hc, reserve_holds_back_cuts_and_fractions);
	tcase_add_test(hc, decision_and_method_amounts);
	tcase_add_test(hc, decisions_above_the_frame);
	tcase_add_test(hc, base_share_of_the_whole_frame);
	tcase_add_test(hc, status_quo_zero_previous);
	tcase_add_test(hc, tie_to_the_larger_weight);
	tcase_add_test(hc, reserve_rounds_the_exact_sum);
	suite_add_tcase(s, hc);
	TCase *gc = tcase_create("generated");
	tcase_set_timeout(gc, 600);
	tcase_add_test(gc, engine_agrees_with_reference);
	suite_add_tcase(s, gc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

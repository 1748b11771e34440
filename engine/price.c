/*
 * price.c: template prices (see price.h).
 *
 * hourly = (salary × (1 + social cost rate) + indirect per FTE-year)
 *          ÷ productive hours, or given;
 * work hours per person-day W = Σ hours × factor over the day;
 * cost per day = Σ staffing persons × charged share × hourly × W + travel;
 * cost = days × cost per day, rounded half up to øre; full cost the same
 * with every share 1; price = cost × (1 + margin) rounded up to round_to.
 */
#include "engine/price.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/apportion.h"

/* Σ hours × factor over a day, in 10^-8 work hours per person-day. */
static dk_i128 work_per_day(const dk_pricing *p, const dk_day *d)
{
	dk_i128 s = 0;
	for (size_t i = 0; i < d->n; i++)
		s += (dk_i128)d->parts[i].hours *
			p->activities[d->parts[i].activity].factor;
	return s;
}

/* a·b/c rounded half up, for a, b ≥ 0 and c > 0. */
static int round_muldiv(dk_i128 a, dk_i128 b, dk_i128 c, int64_t *out)
{
	dk_i128 q, r;
	if (dk_muldiv(a, b, c, &q, &r))
		return -1;
	if (r >= c - r)
		q++;
	*out = (int64_t)q;
	return 0;
}

/*
 * The cost of a package, exactly, rounded half up to øre once:
 *
 *   cost = d·M/10²⁰ · Σᵣ Kᵣ·Nᵣ/Dᵣ + d·travel/10⁴
 *
 * with d the days (10⁻⁴), M the work hours of a person-day (10⁻⁸), Kᵣ the
 * persons × charged shares of role r (10⁻⁸) and Nᵣ/Dᵣ its hourly cost in
 * øre. S = Σᵣ Kᵣ·Nᵣ/Dᵣ is one fraction S_num/S_den; the two terms are split
 * into whole øre and remainders with 256-bit products (dk_muldiv), and the
 * remainders are compared with ½ exactly (dk_ratcmp). `parts` gets each
 * role's exact share rounded half up, and `travel` the travel, for the
 * breakdown.
 */
static int package_cost(const dk_pricing *p, const dk_rat *hourly, const dk_package *k,
			bool full, int64_t *parts, int64_t *travel, int64_t *cost,
			bool *near)
{
	const dk_i128 E20 = (dk_i128)10000000000LL * 10000000000LL;
	dk_i128 d = k->days, M = work_per_day(p, k->own_day ? &k->day : &p->day);
	dk_rat S = {0, 1};
	for (size_t r = 0; r < p->n_roles; r++) {
		dk_i128 K = 0;
		for (size_t s = 0; s < p->n_staff; s++)
			if (p->staff[s].role == r)
				K += (dk_i128)p->staff[s].persons *
					(full ? DK_E4 : p->staff[s].charged_share);
		dk_rat term;
		if (dk_rat_mul(dk_rat_of(K, 1), hourly[r], &term) ||
		    dk_rat_add(S, term, &S))
			return -1;
		if (parts) {
			dk_i128 c;
			if (__builtin_mul_overflow(E20, term.den, &c) ||
			    round_muldiv(d * M, term.num, c, &parts[r]))
				return -1;
		}
	}
	dk_i128 c1, q1, r1, q2, r2;
	if (__builtin_mul_overflow(E20, S.den, &c1) ||
	    dk_muldiv(d * M, S.num, c1, &q1, &r1))
		return -1;
	q2 = d * p->travel_per_day / DK_E4;
	r2 = d * p->travel_per_day % DK_E4;
	/* fraction f = r1/c1 + r2/10⁴ < 2: carry one when f ≥ 1, then round
	 * half up */
	dk_i128 whole = q1 + q2;
	if (dk_ratcmp(r1, c1, DK_E4 - r2, DK_E4) >= 0) {
		whole++;
		r2 -= DK_E4;
	}
	/* within 10⁻⁴ øre of a half: a spreadsheet's double arithmetic may
	 * round the other way (io/xlsx_price.c writes the value then) */
	const dk_i128 T = 100000000; /* 10⁻⁸ of an øre: r2 is in 10⁻⁴ */
	*near = dk_ratcmp(r1, c1, (T / 2 - T / 10000) - r2 * (T / DK_E4), T) >= 0 &&
		dk_ratcmp(r1, c1, (T / 2 + T / 10000) - r2 * (T / DK_E4), T) <= 0;
	if (dk_ratcmp(r1, c1, DK_E4 / 2 - r2, DK_E4) >= 0)
		whole++;
	*cost = (int64_t)whole;
	if (travel)
		*travel = (int64_t)((2 * d * p->travel_per_day + DK_E4) / (2 * DK_E4));
	return 0;
}

static dk_status checks(const dk_pricing *p, dk_quotation *q)
{
	dk_check_conf conf[DK_CHECK_COUNT];
	dk_check_conf_defaults(conf);
	dk_status st = DK_OK;
	for (size_t i = 0; i < p->n_activities && st == DK_OK; i++) {
		int64_t f = p->activities[i].factor;
		if (f >= DK_E4 && f <= 8 * DK_E4)
			continue;
		int64_t nums[2] = {f < DK_E4 ? DK_E4 : 8 * DK_E4, f};
		st = dk_findings_add(&q->findings, conf, DK_CHECK_FACTOR_RANGE, -1, -1,
				     "factor", nums, 4, DK_MSG_FACTOR_RANGE,
				     (dk_arg[]){dk_arg_text(p->activities[i].name),
						dk_arg_dec(f, 4, 0)},
				     2);
	}
	if (st == DK_OK && p->type == DK_OPPDRAG && p->margin < p->min_margin) {
		int64_t nums[2] = {p->min_margin, p->margin};
		st = dk_findings_add(&q->findings, conf, DK_CHECK_MARGIN_LOW, -1, -1,
				     "margin", nums, 4, DK_MSG_MARGIN_LOW,
				     (dk_arg[]){dk_arg_dec(p->margin * 100, 4, 1),
						dk_arg_dec(p->min_margin * 100, 4, 1)},
				     2);
	}
	for (size_t i = 0; i < q->n && st == DK_OK; i++) {
		const dk_quote_package *k = &q->pkgs[i];
		if (k->price >= k->full_cost)
			continue;
		size_t before = q->findings.n;
		int64_t nums[2] = {k->full_cost, k->price};
		dk_arg args[4] = {dk_arg_text(p->packages[i].name),
				  dk_arg_dec(k->price, 2, 2),
				  dk_arg_dec(k->full_cost, 2, 2),
				  dk_arg_dec(k->full_cost - k->price, 2, 2)};
		if (p->type == DK_OPPDRAG)
			st = dk_findings_add(&q->findings, conf,
					     DK_CHECK_PRICE_BELOW_COST, DK_SEV_ERROR, -1,
					     "price", nums, 2,
					     DK_MSG_PRICE_BELOW_COST_OPPDRAG, args, 3);
		else
			st = dk_findings_add(&q->findings, conf,
					     DK_CHECK_PRICE_BELOW_COST, DK_SEV_INFO, -1,
					     "price", nums, 2,
					     DK_MSG_PRICE_BELOW_COST_BIDRAG, args, 4);
		if (q->findings.n > before)
			q->findings.items[before].package = (long)i;
	}
	size_t bi = dk_pricing_basic(p);
	for (size_t i = 0; i < q->n && st == DK_OK; i++) {
		if (!p->packages[i].addon)
			continue;
		const dk_quote_package *k = &q->pkgs[i], *basic = &q->pkgs[bi];
		if (k->price_per_day >= basic->price_per_day)
			continue;
		int64_t nums[2] = {basic->price_per_day, k->price_per_day};
		size_t before = q->findings.n;
		st = dk_findings_add(&q->findings, conf, DK_CHECK_ADDON_PER_DAY, -1, -1,
				     "price_per_day", nums, 2, DK_MSG_ADDON_PER_DAY,
				     (dk_arg[]){dk_arg_text(p->packages[i].name),
						dk_arg_dec(k->price_per_day, 2, 2),
						dk_arg_dec(basic->price_per_day, 2, 2)},
				     3);
		if (q->findings.n > before)
			q->findings.items[before].package = (long)i;
	}
	return st;
}

dk_status dk_price_budgets(const dk_pricing *p, const dk_quotation *q, int inst,
			   const dk_recommendation *rec, dk_purchase *out)
{
	dk_status st = DK_OK;
	memset(out, 0, rec->n * sizeof *out);
	for (size_t k = 0; st == DK_OK && k < rec->n; k++)
		st = dk_price_buy(p, q, rec->rows[k].uh[inst] * 100, &out[k]);
	return st;
}

dk_status dk_price_quote(const dk_pricing *p, dk_quotation *q)
{
	memset(q, 0, sizeof *q);
	dk_findings_init(&q->findings);
	q->n_roles = p->n_roles;
	q->n = p->n_packages;
	q->hourly = calloc(p->n_roles ? p->n_roles : 1, sizeof *q->hourly);
	q->hourly_ore = calloc(p->n_roles ? p->n_roles : 1, sizeof *q->hourly_ore);
	q->pkgs = calloc(p->n_packages ? p->n_packages : 1, sizeof *q->pkgs);
	dk_i128 *w = calloc(p->n_roles + 1, sizeof *w);
	dk_status st = DK_OK;
	if (!q->hourly || !q->hourly_ore || !q->pkgs || !w) {
		st = DK_ENOMEM;
		goto done;
	}
	for (size_t r = 0; r < p->n_roles; r++) {
		const dk_role *ro = &p->roles[r];
		if (ro->direct)
			q->hourly[r] = dk_rat_of(ro->hourly_cost, 1);
		else /* (salary × (10⁴ + rate) + indirect × 10⁴) / hours_e4 */
			q->hourly[r] =
				dk_rat_of((dk_i128)ro->annual_salary *
							  (DK_E4 + ro->social_cost_rate) +
						  (dk_i128)ro->indirect * DK_E4,
					  ro->productive_hours);
		q->hourly_ore[r] = (int64_t)dk_rat_round(q->hourly[r]);
	}
	for (size_t i = 0; i < p->n_packages; i++) {
		const dk_package *k = &p->packages[i];
		dk_quote_package *o = &q->pkgs[i];
		int64_t *exact = calloc(p->n_roles + 1, sizeof *exact);
		o->role_cost = calloc(p->n_roles + 1, sizeof *o->role_cost);
		o->invoices = calloc((size_t)k->semesters, sizeof *o->invoices);
		if (!exact || !o->role_cost || !o->invoices) {
			free(exact);
			st = DK_ENOMEM;
			goto done;
		}
		if (package_cost(p, q->hourly, k, false, exact, &exact[p->n_roles],
				 &o->cost, &o->cost_near_half) ||
		    package_cost(p, q->hourly, k, true, NULL, NULL, &o->full_cost,
				 &o->full_near_half)) {
			free(exact);
			st = DK_ERANGE;
			goto done;
		}
		/* price: cost × (1 + margin), up to a multiple of round_to */
		dk_i128 m = (dk_i128)o->cost * (DK_E4 + p->margin);
		dk_i128 unit = (dk_i128)DK_E4 * p->round_to;
		o->price = (int64_t)((m + unit - 1) / unit * p->round_to);
		o->margin = (int64_t)dk_rat_round(
			dk_rat_of((dk_i128)o->cost * p->margin, DK_E4));
		o->rounding = o->price - o->cost - o->margin;
		o->price_per_day = (int64_t)dk_rat_round(
			dk_rat_of((dk_i128)o->price * DK_E4, k->days));
		const dk_day *d = k->own_day ? &k->day : &p->day;
		int64_t hours = 0, persons = 0;
		for (size_t j = 0; j < d->n; j++)
			hours += d->parts[j].hours;
		o->delivered_e8 = k->days * hours;
		for (size_t s = 0; s < p->n_staff; s++)
			persons += p->staff[s].persons;
		/* days × work hours of a person-day × every person on the day */
		o->work_hours = dk_rat_of((dk_i128)k->days * work_per_day(p, d) * persons,
					  (dk_i128)DK_E4 * 100000000 * DK_E4);
		/* the breakdown: the rounded cost split over the roles and the
		 * travel in proportion to their own amounts (each rounded to
		 * øre), so that the parts add up to the cost exactly */
		for (size_t r = 0; r <= p->n_roles; r++)
			w[r] = exact[r];
		free(exact);
		dk_apportion_in ai = {o->cost,          w, p->n_roles + 1, 1, NULL,
				      (long)p->n_roles, 0};
		dk_apportion_out ao = {o->role_cost, NULL, NULL, 0};
		st = dk_apportion(&ai, &ao);
		if (st != DK_OK)
			goto done;
		o->travel = o->role_cost[p->n_roles];
		/* invoices: the price in øre, equal parts per semester */
		int64_t ones[64];
		for (int s = 0; s < k->semesters && s < 64; s++)
			ones[s] = 1;
		o->n_invoices = k->semesters;
		st = dk_apportion64(o->price, ones, (size_t)k->semesters, 1, -1,
				    o->invoices, NULL);
		if (st != DK_OK)
			goto done;
	}
	st = checks(p, q);
done:
	free(w);
	return st;
}

typedef struct {
	const dk_pricing *p;
	const dk_quotation *q;
	size_t *addon; /* indices of the add-on packages */
	size_t na;
	int64_t *cur, *best;
	int64_t best_days, best_spent, best_basic;
	bool found;
} search;

/* Is (days, spent, basic, cur) better than the best so far? */
static bool better(search *s, int64_t days, int64_t spent, int64_t basic)
{
	if (!s->found)
		return true;
	if (days != s->best_days)
		return days > s->best_days;
	if (spent != s->best_spent)
		return spent < s->best_spent;
	if (basic != s->best_basic)
		return basic > s->best_basic;
	for (size_t j = 0; j < s->na; j++)
		if (s->cur[j] != s->best[j])
			return s->cur[j] > s->best[j];
	return false;
}

static void try_addons(search *s, size_t j, int64_t left, int64_t days, int64_t spent,
		       int64_t basic)
{
	if (j == s->na) {
		if (better(s, days, spent, basic)) {
			s->found = true;
			s->best_days = days;
			s->best_spent = spent;
			s->best_basic = basic;
			memcpy(s->best, s->cur, s->na * sizeof *s->cur);
		}
		return;
	}
	const dk_quote_package *k = &s->q->pkgs[s->addon[j]];
	int64_t d = s->p->packages[s->addon[j]].days;
	int64_t max = basic > 0 && k->price > 0 ? left / k->price : 0;
	for (int64_t c = max; c >= 0; c--) {
		s->cur[j] = c;
		try_addons(s, j + 1, left - c * k->price, days + c * d,
			   spent + c * k->price, basic);
	}
	s->cur[j] = 0;
}

dk_status dk_price_buy(const dk_pricing *p, const dk_quotation *q, int64_t budget,
		       dk_purchase *out)
{
	memset(out, 0, sizeof *out);
	out->budget = budget;
	out->addons = calloc(p->n_packages ? p->n_packages : 1, sizeof *out->addons);
	search s = {p, q, NULL, 0, NULL, NULL, 0, 0, 0, false};
	s.addon = calloc(p->n_packages ? p->n_packages : 1, sizeof *s.addon);
	s.cur = calloc(p->n_packages ? p->n_packages : 1, sizeof *s.cur);
	s.best = calloc(p->n_packages ? p->n_packages : 1, sizeof *s.best);
	if (!out->addons || !s.addon || !s.cur || !s.best) {
		free(s.addon);
		free(s.cur);
		free(s.best);
		return DK_ENOMEM;
	}
	for (size_t i = 0; i < p->n_packages; i++)
		if (p->packages[i].addon)
			s.addon[s.na++] = i;
	size_t bi = dk_pricing_basic(p);
	int64_t bp = q->pkgs[bi].price, bd = p->packages[bi].days;
	int64_t max_basic = bp > 0 ? budget / bp : 0;
	/* the search tries every count of every package: refuse (DK_ERANGE)
	 * rather than run for hours when prices are tiny against the budget
	 * (found by fuzzing) */
	double steps = (double)max_basic + 1;
	for (size_t j = 0; j < s.na; j++) {
		int64_t price = q->pkgs[s.addon[j]].price;
		steps *= price > 0 ? (double)(budget / price) + 1 : 1;
	}
	if (steps > DK_BUY_MAX_STEPS) {
		free(s.addon);
		free(s.cur);
		free(s.best);
		return DK_ERANGE;
	}
	for (int64_t b = max_basic; b >= 0; b--)
		try_addons(&s, 0, budget - b * bp, b * bd, b * bp, b);
	out->basic = s.best_basic;
	for (size_t j = 0; j < s.na; j++)
		out->addons[s.addon[j]] = s.best[j];
	out->days = s.best_days;
	out->spent = s.best_spent;
	out->left = budget - s.best_spent;
	free(s.addon);
	free(s.cur);
	free(s.best);
	return DK_OK;
}

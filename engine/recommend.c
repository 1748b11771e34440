/*
 * recommend.c: the recommendation (see recommend.h).
 *
 * The method table of RULES.md section 3 lives in method_items(): it is the
 * only place that knows what prorata, need and status_quo mean; everything
 * else is the one water-filling engine (allocate.c) and the one
 * apportionment (apportion.c).
 */
#include "engine/recommend.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/allocate.h"
#include "engine/apportion.h"
#include "engine/checks.h"

static void kr(dk_kr v, char *buf, size_t size)
{
	dk_kr_format(v, buf, size);
}

int dk_up1_valid(const dk_network *n)
{
	if (!dk_network_has(n, DK_COL_UP1) || n->n_up1 == 0)
		return 0;
	int64_t sum = 0;
	for (size_t k = 0; k < n->n_up1; k++) {
		if (n->up1[k].index < 0)
			return 0;
		sum += n->up1[k].share;
	}
	return sum == DK_RATIO_ONE;
}

/* The frame: F from the plan, and the frame-sum finding. Returns 0 when F
 * is usable, -1 when no amounts can be produced. */
static int frame(const dk_plan *p, dk_recommendation *r, dk_status *st)
{
	char a[40], b[40], c[40];
	r->has_total = p->has_total;
	r->total = p->total;
	r->direct = p->direct;
	r->reserve = p->reserve;
	r->measures = 0;
	for (size_t k = 0; k < p->n_measures; k++)
		r->measures += p->measures[k].amount;
	dk_kr parts = r->direct + r->measures + r->reserve;
	if (p->has_prorata) {
		r->prorata = p->prorata;
		if (p->has_total && p->prorata + parts != p->total) {
			int64_t nums[2] = {p->total, p->prorata + parts};
			kr(p->prorata + parts, a, sizeof a);
			kr(p->total, b, sizeof b);
			kr(p->prorata + parts - p->total, c, sizeof c);
			*st = dk_findings_add(&r->findings, p->checks, DK_CHECK_FRAME_SUM,
					      -1, -1, "frame", nums, 0,
					      dk_msgf("the frame's parts sum to %s but the "
						      "total is %s (difference %s); the "
						      "pro-rata frame as given is allocated: "
						      "correct the total or a part",
						      a, b, c),
					      dk_msgf("rammens deler summerer til %s, men "
						      "totalen er %s (differanse %s); pro "
						      "rata-rammen fordeles slik den er "
						      "oppgitt: rett totalen eller en del",
						      a, b, c));
		}
		return 0;
	}
	dk_kr f = p->total - parts;
	if (f < 0) {
		int64_t nums[2] = {p->total, parts};
		kr(parts, a, sizeof a);
		kr(p->total, b, sizeof b);
		*st = dk_findings_add(&r->findings, p->checks, DK_CHECK_FRAME_SUM, -1,
				      -1, "frame", nums, 0,
				      dk_msgf("the direct transfer, common measures "
					      "and reserve (%s) exceed the total (%s): "
					      "the pro-rata frame would be negative, "
					      "so no amounts are produced",
					      a, b),
				      dk_msgf("direkte overføring, felles tiltak og "
					      "reserve (%s) overstiger totalen (%s): "
					      "pro rata-rammen ville blitt negativ, så "
					      "ingen beløp beregnes",
					      a, b));
		r->prorata = f;
		return -1;
	}
	r->prorata = f;
	return 0;
}

/* The direct transfer per institution. */
static dk_status direct_split(const dk_plan *p, const dk_networks *t,
			      dk_recommendation *r)
{
	size_t ni = p->n_institutions;
	dk_status st = DK_OK;
	if (ni == 0)
		return DK_OK;
	if (p->split == DK_SPLIT_AMOUNTS) {
		memcpy(r->inst_direct, p->amounts, ni * sizeof *p->amounts);
		return DK_OK;
	}
	dk_i128 *w = calloc(ni, sizeof *w);
	if (!w)
		return DK_ENOMEM;
	dk_i128 sum = 0;
	if (p->split == DK_SPLIT_SHARES) {
		for (size_t i = 0; i < ni; i++)
			w[i] = p->shares[i];
		sum = 1;
	} else if (p->split == DK_SPLIT_BY_UP1) {
		for (size_t k = 0; k < t->n; k++) {
			const dk_network *n = &t->items[k];
			if (!dk_up1_valid(n))
				continue;  /* up1-assignment reports it */
			int64_t per = p->up1_weight == DK_UP1_WEIGHT_FTE
				? n->v[DK_COL_FTE] : 1;
			for (size_t u = 0; u < n->n_up1; u++)
				w[n->up1[u].index] += (dk_i128)n->up1[u].share * per;
		}
		for (size_t i = 0; i < ni; i++)
			sum += w[i];
	}
	if (sum == 0)  /* equal, or by_up1 with no weight left */
		for (size_t i = 0; i < ni; i++)
			w[i] = 1;
	dk_apportion_in in = {r->direct, w, ni, 1, NULL, -1};
	dk_apportion_out out = {r->inst_direct, NULL, NULL, 0};
	st = dk_apportion(&in, &out);
	free(w);
	return st;
}

/* The up1-assignment finding for every network whose UP1 cell is given but
 * not valid, and under by_up1 also for an empty cell. */
static dk_status up1_findings(const dk_plan *p, const dk_networks *t,
			      dk_recommendation *r)
{
	dk_status st = DK_OK;
	for (size_t k = 0; k < t->n && st == DK_OK; k++) {
		const dk_network *n = &t->items[k];
		if (!dk_network_has(n, DK_COL_UP1)) {
			if (p->split == DK_SPLIT_BY_UP1 && p->direct > 0)
				st = dk_findings_add(&r->findings, p->checks,
						     DK_CHECK_UP1_ASSIGNMENT, -1, (long)k,
						     "up1", NULL, 0,
						     dk_msgf("no UP1 assignment, so the "
							     "network is left out of the "
							     "by_up1 split of the direct "
							     "transfer: fill in its up1 cell "
							     "(such as 'NTNU')"),
						     dk_msgf("ingen UP1-tilordning, så "
							     "nettverket holdes utenfor "
							     "by_up1-fordelingen av direkte "
							     "overføring: fyll ut up1-cellen "
							     "(for eksempel 'NTNU')"));
			continue;
		}
		int64_t sum = 0;
		const char *unknown = NULL;
		for (size_t u = 0; u < n->n_up1; u++) {
			sum += n->up1[u].share;
			if (n->up1[u].index < 0 && !unknown)
				unknown = n->up1[u].institution;
		}
		if (unknown) {
			st = dk_findings_add(&r->findings, p->checks,
					     DK_CHECK_UP1_ASSIGNMENT, -1, (long)k, "up1",
					     NULL, 0,
					     dk_msgf("UP1 names '%s', which is not an "
						     "institution of the plan: use one "
						     "of the plan's ids or aliases",
						     unknown),
					     dk_msgf("UP1 nevner '%s', som ikke er en "
						     "institusjon i planen: bruk en av "
						     "planens id-er eller alias",
						     unknown));
		} else if (sum != DK_RATIO_ONE) {
			int64_t nums[2] = {DK_RATIO_ONE, sum};
			char s[40];
			dk_decimal_format(sum, 6, "", ".", s, sizeof s);
			st = dk_findings_add(&r->findings, p->checks,
					     DK_CHECK_UP1_ASSIGNMENT, -1, (long)k, "up1",
					     nums, 6,
					     dk_msgf("UP1 shares sum to %s, not 1: "
						     "correct the shares so that they "
						     "add up",
						     s),
					     dk_msgf("UP1-andelene summerer til %s, "
						     "ikke 1: rett andelene så de går "
						     "opp",
						     s));
		}
	}
	return st;
}

/* RULES.md section 3, the method table: base, weight, floor and cap. */
static void method_items(const dk_plan *p, const dk_networks *t, dk_kr F,
			 dk_wf_item *it)
{
	int64_t base = 0;
	if (p->method == DK_METHOD_PRORATA) {
		if (p->has_base_grant)
			base = p->base_grant;
		else if (p->has_base_share && t->n > 0 && F > 0)
			base = (int64_t)((dk_i128)p->base_share * F /
					 ((dk_i128)DK_RATIO_ONE * (dk_i128)t->n));
	}
	for (size_t k = 0; k < t->n; k++) {
		const dk_network *n = &t->items[k];
		int64_t prev = n->v[DK_COL_PREVIOUS], need = n->v[DK_COL_NEED];
		dk_wf_item *x = &it[k];
		switch (p->method) {
		case DK_METHOD_PRORATA:
			x->base = base;
			x->weight = n->v[DK_COL_FTE];
			x->lo = (int64_t)((dk_i128)p->floor_previous * prev /
					  DK_RATIO_ONE);
			x->hi = p->cap_at_need ? need : -1;
			break;
		case DK_METHOD_NEED:
			x->base = 0;
			x->weight = need;
			x->lo = 0;
			x->hi = need;
			break;
		case DK_METHOD_STATUS_QUO:
			x->base = 0;
			x->weight = prev < need ? prev : need;
			x->lo = 0;
			x->hi = x->weight;
			break;
		}
		if (x->hi >= 0 && x->lo > x->hi)
			x->lo = x->hi;
	}
}

/* Section 4: each amount over its planned lines. */
static dk_status components(const dk_plan *p, const dk_networks *t,
			    dk_recommendation *r)
{
	size_t ni = p->n_institutions, nl = ni + 3;
	int64_t *lines = malloc(nl * sizeof *lines);
	int64_t *parts = malloc(nl * sizeof *parts);
	dk_status st = lines && parts ? DK_OK : DK_ENOMEM;
	for (size_t k = 0; k < t->n && st == DK_OK; k++) {
		const dk_network *n = &t->items[k];
		dk_rec_row *row = &r->rows[k];
		size_t l = 0;
		lines[l++] = n->v[DK_COL_OWN];
		lines[l++] = n->v[DK_COL_COORDINATOR];
		for (size_t i = 0; i < ni; i++)
			lines[l++] = n->uh[i];
		lines[l++] = n->v[DK_COL_UH_OTHER];
		int64_t any = 0;
		for (size_t i = 0; i < l; i++)
			any |= lines[i];
		if (!any) {
			row->unspecified = row->amount;
			continue;
		}
		int64_t left;
		st = dk_apportion64(row->amount, lines, l, 1, -1, parts, &left);
		if (st != DK_OK)
			break;
		l = 0;
		row->own = parts[l++];
		row->coordinator = parts[l++];
		for (size_t i = 0; i < ni; i++) {
			row->uh[i] = parts[l++];
			r->inst_up2[i] += row->uh[i];
		}
		row->uh_other = parts[l++];
		r->total_other += row->uh_other;
	}
	free(lines);
	free(parts);
	return st;
}

static dk_status compute(const dk_plan *p, const dk_networks *t,
			 dk_recommendation *r, bool count_only)
{
	size_t n = t->n, ni = p->n_institutions;
	dk_status st = DK_OK;
	memset(r, 0, sizeof *r);
	dk_findings_init(&r->findings);
	r->findings.count_only = count_only;
	r->year = p->year;
	r->n = n;
	r->n_institutions = ni;
	r->lambda_den = 1;
	r->lambda_scale = p->method == DK_METHOD_PRORATA ? 100 : 1;
	r->rows = calloc(n ? n : 1, sizeof *r->rows);
	r->inst_direct = calloc(ni ? ni : 1, sizeof *r->inst_direct);
	r->inst_up2 = calloc(ni ? ni : 1, sizeof *r->inst_up2);
	if (!r->rows || !r->inst_direct || !r->inst_up2)
		return DK_ENOMEM;
	for (size_t k = 0; k < n; k++) {
		r->rows[k].uh = calloc(ni ? ni : 1, sizeof *r->rows[k].uh);
		if (!r->rows[k].uh)
			return DK_ENOMEM;
	}
	int usable = frame(p, r, &st) == 0;
	if (st == DK_OK)
		st = up1_findings(p, t, r);
	if (st == DK_OK)
		st = direct_split(p, t, r);
	if (st != DK_OK || !usable)
		return st;

	dk_wf_item *items = calloc(n ? n : 1, sizeof *items);
	if (!items)
		return DK_ENOMEM;
	method_items(p, t, r->prorata, items);
	dk_wf_in in = {items, n, r->prorata, p->rounding, p->surplus_reserve};
	dk_wf_out out;
	st = dk_wf_run(&in, &out);
	if (st != DK_OK) {
		free(items);
		return st;
	}
	r->outcome = (int)out.outcome;
	r->lambda_num = out.lambda_num;
	r->lambda_den = out.lambda_den;
	char a[40], b[40];
	if (out.outcome == DK_WF_INFEASIBLE) {
		int64_t nums[2] = {r->prorata, r->prorata + out.shortfall};
		kr(out.shortfall, a, sizeof a);
		kr(r->prorata, b, sizeof b);
		r->shortfall = out.shortfall;
		st = dk_findings_add(&r->findings, p->checks,
				     DK_CHECK_FRAME_INFEASIBLE, -1, -1, "frame", nums,
				     0,
				     dk_msgf("the bases and floors alone exceed the "
					     "pro-rata frame of %s by %s, so no amounts "
					     "are produced: lower the base grant or "
					     "floor_previous, or raise the frame",
					     b, a),
				     dk_msgf("grunntilskudd og gulv alene overstiger "
					     "pro rata-rammen på %s med %s, så ingen "
					     "beløp beregnes: senk grunntilskuddet eller "
					     "floor_previous, eller øk rammen",
					     b, a));
		for (size_t k = 0; k < n; k++) {
			r->rows[k].base = items[k].base;
			r->rows[k].weight = items[k].weight;
			r->rows[k].lo = out.lo[k];
			r->rows[k].hi = out.hi[k];
		}
		dk_wf_release(&out);
		free(items);
		return st;
	}
	r->produced = true;
	for (size_t k = 0; k < n; k++) {
		dk_rec_row *row = &r->rows[k];
		row->base = items[k].base;
		row->weight = items[k].weight;
		row->lo = out.lo[k];
		row->hi = out.hi[k];
		row->x_num = out.x_num[k];
		row->state = out.state[k];
		row->amount = out.amount[k];
		row->rank = out.rank[k];
		row->got_unit = out.got_unit[k];
	}
	r->unused = out.unused;
	r->reserve_cut = out.reserve_cut;
	dk_wf_release(&out);
	free(items);
	dk_kr left = r->unused + r->reserve_cut;
	if (left > 0) {
		int64_t nums[2] = {r->prorata, r->prorata - left};
		kr(left, a, sizeof a);
		kr(r->prorata, b, sizeof b);
		const char *why = r->outcome == DK_WF_SATURATED
			? "every network is at its cap"
			: r->reserve_cut > 0 ? "caps and rounding cut it to the reserve"
					     : "rounding leaves it";
		const char *why_nb = r->outcome == DK_WF_SATURATED
			? "alle nettverk har nådd taket"
			: r->reserve_cut > 0 ? "tak og avrunding fører det til reserven"
					     : "avrundingen etterlater det";
		st = dk_findings_add(&r->findings, p->checks, DK_CHECK_FRAME_UNUSED,
				     -1, -1, "frame", nums, 0,
				     dk_msgf("%s of the pro-rata frame of %s is not "
					     "allocated (%s): it goes to the reserve "
					     "unless the forum decides otherwise",
					     a, b, why),
				     dk_msgf("%s av pro rata-rammen på %s er ikke "
					     "fordelt (%s): det går til reserven med "
					     "mindre forumet bestemmer noe annet",
					     a, b, why_nb));
	}
	if (st == DK_OK)
		st = components(p, t, r);
	return st;
}

static dk_status run(const dk_plan *p, const dk_networks *t, dk_recommendation *r,
		     bool count_only)
{
	dk_status st = compute(p, t, r, count_only);
	if (st == DK_OK && r->rows)
		st = dk_checks_run(p, t, r);
	return st;
}

dk_status dk_recommend(const dk_plan *p, const dk_networks *t,
		       dk_recommendation *r)
{
	return run(p, t, r, false);
}

dk_status dk_recommend_counted(const dk_plan *p, const dk_networks *t,
			       dk_recommendation *r)
{
	return run(p, t, r, true);
}

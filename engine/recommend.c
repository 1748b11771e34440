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

/* up to this many institutions or lines, scratch stays on the stack */
#define SMALL 16

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
			*st = dk_findings_add(
				&r->findings, p->checks, DK_CHECK_FRAME_SUM, -1, -1,
				"frame", nums, 0, DK_MSG_FRAME_SUM,
				(dk_arg[]){dk_arg_kr(p->prorata + parts),
					   dk_arg_kr(p->total),
					   dk_arg_kr(p->prorata + parts - p->total)},
				3);
		}
		return 0;
	}
	dk_kr f = p->total - parts;
	if (f < 0) {
		int64_t nums[2] = {p->total, parts};
		*st = dk_findings_add(&r->findings, p->checks, DK_CHECK_FRAME_SUM, -1, -1,
				      "frame", nums, 0, DK_MSG_FRAME_NEGATIVE,
				      (dk_arg[]){dk_arg_kr(parts), dk_arg_kr(p->total)},
				      2);
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
	dk_i128 w_small[SMALL] = {0};
	dk_i128 *w = ni <= SMALL ? w_small : calloc(ni, sizeof *w);
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
				continue; /* up1-assignment reports it */
			int64_t per =
				p->up1_weight == DK_UP1_WEIGHT_FTE ? n->v[DK_COL_FTE] : 1;
			for (size_t u = 0; u < n->n_up1; u++)
				w[n->up1[u].index] += (dk_i128)n->up1[u].share * per;
		}
		for (size_t i = 0; i < ni; i++)
			sum += w[i];
	}
	if (sum == 0) /* equal, or by_up1 with no weight left */
		for (size_t i = 0; i < ni; i++)
			w[i] = 1;
	dk_apportion_in in = {r->direct, w, ni, 1, NULL, -1, 0};
	dk_apportion_out out = {r->inst_direct, NULL, NULL, 0};
	st = dk_apportion(&in, &out);
	if (w != w_small)
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
			if (p->split == DK_SPLIT_BY_UP1)
				st = dk_findings_add(&r->findings, p->checks,
						     DK_CHECK_UP1_ASSIGNMENT, -1, (long)k,
						     "up1", NULL, 0, DK_MSG_UP1_MISSING,
						     NULL, 0);
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
					     NULL, 0, DK_MSG_UP1_UNKNOWN,
					     (dk_arg[]){dk_arg_text(unknown)}, 1);
		} else if (sum != DK_RATIO_ONE) {
			int64_t nums[2] = {DK_RATIO_ONE, sum};
			st = dk_findings_add(&r->findings, p->checks,
					     DK_CHECK_UP1_ASSIGNMENT, -1, (long)k, "up1",
					     nums, 6, DK_MSG_UP1_SUM,
					     (dk_arg[]){dk_arg_dec(sum, 6, 1)}, 1);
		}
	}
	return st;
}

/* RULES.md section 3, the method table: base, weight, floor and cap. */
static void method_items(const dk_plan *p, const dk_networks *t, dk_kr F, dk_wf_item *it)
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
static dk_status components(const dk_plan *p, const dk_networks *t, dk_recommendation *r)
{
	size_t ni = p->n_institutions, nl = ni + 3;
	int64_t lines_small[SMALL], parts_small[SMALL];
	bool small = nl <= SMALL;
	int64_t *lines = small ? lines_small : malloc(nl * sizeof *lines);
	int64_t *parts = small ? parts_small : malloc(nl * sizeof *parts);
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
	if (!small) {
		free(lines);
		free(parts);
	}
	return st;
}

/* Section 9: what the method gives with no decision at all, for every
 * network's method_amount (-1 where the method alone is infeasible). */
static dk_status method_alone(const dk_plan *p, const dk_wf_item *items,
			      dk_recommendation *r)
{
	dk_wf_in in = {items, r->n, r->prorata, p->rounding, p->surplus_reserve};
	dk_wf_out out;
	dk_status st = dk_wf_run(&in, &out);
	if (st != DK_OK)
		return st;
	if (out.outcome != DK_WF_INFEASIBLE)
		for (size_t k = 0; k < r->n; k++)
			r->rows[k].method_amount = out.amount[k];
	dk_wf_release(&out);
	return DK_OK;
}

/* Section 9: the decided networks get their amounts; the method allocates
 * F − Σ decided over the others with the same bases, weights, floors and
 * caps. `out` is filled for all n networks as if by one dk_wf_run, the
 * decided ones in state DK_STATE_DECIDED. */
static dk_status decided_run(const dk_plan *p, const dk_wf_item *items,
			     dk_recommendation *r, dk_wf_out *out)
{
	size_t n = r->n, m = 0;
	dk_kr decided = 0;
	for (size_t d = 0; d < p->n_decisions; d++) {
		long k = p->decisions[d].index;
		if (k < 0 || (size_t)k >= n)
			return DK_EINPUT; /* the reader resolves every decision */
		r->rows[k].decision = (long)d;
		decided += p->decisions[d].amount;
	}
	dk_wf_item *sub = calloc(n ? n : 1, sizeof *sub);
	size_t *map = calloc(n ? n : 1, sizeof *map);
	dk_status st = sub && map ? DK_OK : DK_ENOMEM;
	for (size_t k = 0; k < n && st == DK_OK; k++)
		if (r->rows[k].decision < 0) {
			map[m] = k;
			sub[m++] = items[k];
		}
	dk_wf_out so;
	memset(&so, 0, sizeof so);
	bool over = decided > r->prorata;
	if (st == DK_OK) {
		/* Σ decided > F: infeasible, with the others' bases and floors
		 * counted in the shortfall too */
		dk_wf_in in = {sub, m, over ? 0 : r->prorata - decided, p->rounding,
			       p->surplus_reserve};
		st = dk_wf_run(&in, &so);
	}
	if (st == DK_OK)
		st = dk_wf_alloc(out, n);
	if (st == DK_OK) {
		out->outcome = so.outcome;
		out->lambda_num = so.lambda_num;
		out->lambda_den = so.lambda_den;
		if (over) {
			int64_t floors = so.outcome == DK_WF_INFEASIBLE ? so.shortfall
									: 0;
			out->outcome = DK_WF_INFEASIBLE;
			out->shortfall = decided - r->prorata + floors;
			out->lambda_num = 0;
			out->lambda_den = 1;
		} else {
			out->shortfall = so.shortfall;
		}
		for (size_t j = 0; j < m; j++) {
			size_t k = map[j];
			out->lo[k] = so.lo[j];
			out->hi[k] = so.hi[j];
			if (out->outcome == DK_WF_INFEASIBLE)
				continue;
			out->x_num[k] = so.x_num[j];
			out->state[k] = so.state[j];
			out->amount[k] = so.amount[j];
			out->rank[k] = so.rank[j];
			out->got_unit[k] = so.got_unit[j];
		}
		for (size_t k = 0; k < n; k++) {
			long d = r->rows[k].decision;
			if (d < 0)
				continue;
			dk_kr a = p->decisions[d].amount;
			int64_t u = p->rounding < 1 ? 1 : p->rounding;
			out->lo[k] = (items[k].lo + u - 1) / u * u;
			out->hi[k] = items[k].hi < 0 ? -1 : items[k].hi / u * u;
			if (out->hi[k] >= 0 && out->lo[k] > out->hi[k])
				out->lo[k] = out->hi[k];
			out->state[k] = DK_STATE_DECIDED;
			out->amount[k] = a;
			out->x_num[k] = (dk_i128)a * out->lambda_den;
		}
		/* F − Σ decided − Σ the others: what the method's run left */
		out->unused = so.unused;
		out->reserve_cut = so.reserve_cut;
	}
	if (so.x_num)
		dk_wf_release(&so);
	free(sub);
	free(map);
	return st;
}

/* One `decision` finding per decision of the plan: the forum's amount
 * against the method's, with the reason. */
static dk_status decision_findings(const dk_plan *p, dk_recommendation *r)
{
	dk_status st = DK_OK;
	for (size_t d = 0; d < p->n_decisions && st == DK_OK; d++) {
		const dk_decision *x = &p->decisions[d];
		long k = x->index;
		dk_kr m = r->rows[k].method_amount;
		if (m < 0) {
			st = dk_findings_add(
				&r->findings, p->checks, DK_CHECK_DECISION, -1, k,
				"recommended", NULL, 0, DK_MSG_DECISION_NO_METHOD,
				(dk_arg[]){dk_arg_kr(x->amount), dk_arg_text(x->reason)},
				2);
			continue;
		}
		int64_t nums[2] = {m, x->amount};
		st = dk_findings_add(&r->findings, p->checks, DK_CHECK_DECISION, -1, k,
				     "recommended", nums, 0, DK_MSG_DECISION,
				     (dk_arg[]){dk_arg_kr(m), dk_arg_kr(x->amount),
						dk_arg_text(x->reason)},
				     3);
	}
	return st;
}

/* The rows, the institutions' totals and the rows' UP2 lines: one block,
 * owned by r->rows, zeroed. With w, the block of w's last run when it has
 * the size (w->n and w->n_institutions say so), and the water-filling's
 * items and arrays made for n items too. */
static char *rows_block(size_t n, size_t ni, dk_rec_work *w)
{
	size_t nr = n ? n : 1, nu = ni ? ni : 1, lines, bytes;
	if (__builtin_mul_overflow(2 + nr, nu * sizeof(dk_kr), &lines) ||
	    __builtin_add_overflow(nr * sizeof(dk_rec_row), lines, &bytes)) {
		if (w) /* the caller zeroes w->rec: nothing of it may be lost */
			dk_rec_work_release(w);
		return NULL;
	}
	if (w && w->rec.rows && w->n == n && w->n_institutions == ni)
		return memset(w->rec.rows, 0, bytes);
	if (w) {
		dk_rec_work_release(w);
		w->items = calloc(nr, sizeof *w->items);
		if (!w->items || dk_wf_alloc(&w->out, n) != DK_OK)
			return NULL;
		w->n = n;
		w->n_institutions = ni;
	}
	return calloc(1, bytes);
}

void dk_rec_work_release(dk_rec_work *w)
{
	dk_recommendation_release(&w->rec);
	free(w->items);
	if (w->out.x_num)
		dk_wf_release(&w->out);
	memset(w, 0, sizeof *w);
}

static dk_status compute(const dk_plan *p, const dk_networks *t, dk_recommendation *r,
			 bool count_only, dk_rec_work *w)
{
	size_t n = t->n, ni = p->n_institutions;
	dk_status st = DK_OK;
	char *b = rows_block(n, ni, w);
	memset(r, 0, sizeof *r);
	dk_findings_init(&r->findings);
	r->findings.count_only = count_only;
	r->year = p->year;
	r->n = n;
	r->n_institutions = ni;
	r->lambda_den = 1;
	r->lambda_scale = p->method == DK_METHOD_PRORATA ? 100 : 1;
	if (!b)
		return DK_ENOMEM;
	size_t nr = n ? n : 1, nu = ni ? ni : 1;
	r->rows = (dk_rec_row *)(void *)b;
	r->inst_direct = (dk_kr *)(void *)(b + nr * sizeof *r->rows);
	r->inst_up2 = r->inst_direct + nu;
	dk_kr *uh = r->inst_up2 + nu;
	for (size_t k = 0; k < n; k++) {
		r->rows[k].uh = uh + k * nu;
		r->rows[k].decision = -1;
		r->rows[k].method_amount = -1;
	}
	int usable = frame(p, r, &st) == 0;
	if (st == DK_OK)
		st = up1_findings(p, t, r);
	if (st == DK_OK)
		st = direct_split(p, t, r);
	if (st != DK_OK || !usable)
		return st;

	dk_wf_item *items = w ? w->items : calloc(n ? n : 1, sizeof *items);
	if (!items)
		return DK_ENOMEM;
	method_items(p, t, r->prorata, items);
	for (size_t k = 0; k < n; k++) {
		r->rows[k].base = items[k].base;
		r->rows[k].weight = items[k].weight;
	}
	/* the water-filling's arrays: w's, or made here and released below */
	dk_wf_out made, *o = w && p->n_decisions == 0 ? &w->out : &made;
	if (p->n_decisions > 0) {
		st = method_alone(p, items, r);
		if (st == DK_OK)
			st = decided_run(p, items, r, &made);
	} else {
		dk_wf_in in = {items, n, r->prorata, p->rounding, p->surplus_reserve};
		st = o == &made ? dk_wf_run(&in, o) : dk_wf_run_into(&in, o);
	}
	if (!w)
		free(items);
	if (st != DK_OK)
		return st;
	dk_wf_out out = *o;
	r->outcome = (int)out.outcome;
	r->lambda_num = out.lambda_num;
	r->lambda_den = out.lambda_den;
	if (out.outcome == DK_WF_INFEASIBLE) {
		int64_t nums[2] = {r->prorata, r->prorata + out.shortfall};
		r->shortfall = out.shortfall;
		bool dec = p->n_decisions > 0;
		st = dk_findings_add(
			&r->findings, p->checks, DK_CHECK_FRAME_INFEASIBLE, -1, -1,
			"frame", nums, 0,
			dec ? DK_MSG_FRAME_INFEASIBLE_DECIDED : DK_MSG_FRAME_INFEASIBLE,
			(dk_arg[]){dk_arg_kr(r->prorata), dk_arg_kr(out.shortfall)}, 2);
		for (size_t k = 0; k < n; k++) {
			r->rows[k].lo = out.lo[k];
			r->rows[k].hi = out.hi[k];
		}
		if (o == &made)
			dk_wf_release(&made);
		return st == DK_OK ? decision_findings(p, r) : st;
	}
	r->produced = true;
	for (size_t k = 0; k < n; k++) {
		dk_rec_row *row = &r->rows[k];
		row->lo = out.lo[k];
		row->hi = out.hi[k];
		row->x_num = out.x_num[k];
		row->state = out.state[k];
		row->amount = out.amount[k];
		row->rank = out.rank[k];
		row->got_unit = out.got_unit[k];
		if (p->n_decisions == 0)
			row->method_amount = row->amount;
	}
	r->unused = out.unused;
	r->reserve_cut = out.reserve_cut;
	if (o == &made)
		dk_wf_release(&made);
	dk_kr left = r->unused + r->reserve_cut;
	if (left > 0) {
		int64_t nums[2] = {r->prorata, r->prorata - left};
		const char *why = r->outcome == DK_WF_SATURATED
			? (p->n_decisions > 0
				   ? N_("every network the forum did not decide is at its cap")
				   : N_("every network is at its cap"))
			: r->reserve_cut > 0
			? N_("caps and rounding cut it to the reserve")
			: N_("rounding leaves it");
		st = dk_findings_add(&r->findings, p->checks, DK_CHECK_FRAME_UNUSED, -1,
				     -1, "frame", nums, 0, DK_MSG_FRAME_UNUSED,
				     (dk_arg[]){dk_arg_kr(left), dk_arg_kr(r->prorata),
						dk_arg_word(why)},
				     3);
	}
	if (st == DK_OK)
		st = decision_findings(p, r);
	if (st == DK_OK)
		st = components(p, t, r);
	return st;
}

static dk_status run(const dk_plan *p, const dk_networks *t, dk_recommendation *r,
		     bool count_only, dk_rec_work *w)
{
	dk_status st = compute(p, t, r, count_only, w);
	if (st == DK_OK && r->rows)
		st = dk_checks_run(p, t, r);
	return st;
}

dk_status dk_recommend(const dk_plan *p, const dk_networks *t, dk_recommendation *r)
{
	return run(p, t, r, false, NULL);
}

dk_status dk_recommend_counted(const dk_plan *p, const dk_networks *t,
			       dk_recommendation *r)
{
	return run(p, t, r, true, NULL);
}

dk_status dk_recommend_again(const dk_plan *p, const dk_networks *t, dk_rec_work *w)
{
	return run(p, t, &w->rec, true, w);
}

/*
 * checks.c: the consistency checks (see checks.h). Each check is one
 * function; each finding says what is wrong, with the numbers, and what the
 * secretariat can do about it.
 *
 * Percentages are compared exactly: a stated share s (hundredths of a
 * percent) against amount a of need N passes when
 * |s·N·10⁴ − a·10⁸| ≤ tol·N, with tol in millionths of a percentage point.
 */
#include "engine/checks.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/exact.h"

typedef struct {
	const dk_plan *p;
	const dk_networks *t;
	dk_recommendation *r;
	dk_status st;
} ctx;

static const dk_check_conf *conf(const ctx *c, dk_check_id id)
{
	return &c->p->checks[id];
}

/* Whose limit a threshold is (CLI.md, Plan): the plan's when it sets the
 * parameter, dekom's default otherwise. */
static dk_arg whose(const ctx *c, dk_check_id id, int param)
{
	return dk_arg_word(conf(c, id)->by_plan[param] ? N_("the forum's limit of")
						       : N_("dekom's default limit of"));
}

/* v·ratio (millionths) in whole kroner, rounded up or down. */
static dk_kr of_ratio(dk_kr v, int64_t ratio, bool up)
{
	dk_i128 x = (dk_i128)v * ratio;
	return (dk_kr)(up ? (x + DK_RATIO_ONE - 1) / DK_RATIO_ONE : x / DK_RATIO_ONE);
}

/* A finding with its message key and arguments (at least one; the message
 * itself is written by io/finding_text). Only counted, with no arguments
 * built, when the findings are only counted (Monte Carlo runs). */
#define ADD(c, id, sev, net, field, nums, scale, msg, ...)                               \
	do {                                                                             \
		if ((c)->st == DK_OK && (c)->r->findings.count_only) {                   \
			dk_findings_count(&(c)->r->findings, (c)->p->checks, id, sev);   \
		} else if ((c)->st == DK_OK) {                                           \
			const dk_arg a_[] = {__VA_ARGS__};                               \
			(c)->st = dk_findings_add(&(c)->r->findings, (c)->p->checks, id, \
						  sev, net, field, nums, scale, msg, a_, \
						  sizeof a_ / sizeof a_[0]);             \
		}                                                                        \
	} while (0)

static dk_kr lines_sum(const ctx *c, const dk_network *n)
{
	dk_kr s = n->v[DK_COL_OWN] + n->v[DK_COL_COORDINATOR] + n->v[DK_COL_UH_OTHER];
	for (size_t i = 0; i < c->p->n_institutions; i++)
		s += n->uh[i];
	return s;
}

static dk_kr up2_sum(const ctx *c, const dk_network *n)
{
	dk_kr s = n->v[DK_COL_UH_OTHER];
	for (size_t i = 0; i < c->p->n_institutions; i++)
		s += n->uh[i];
	return s;
}

/* A network plans budget lines when one of them is above 0: a line of 0
 * and an empty one are the same (RULES.md section 5). */
static bool has_lines(const ctx *c, const dk_network *n)
{
	return lines_sum(c, n) > 0;
}

static void row_sum(ctx *c)
{
	int64_t tol = conf(c, DK_CHECK_ROW_SUM)->param[0];
	for (size_t k = 0; k < c->t->n; k++) {
		const dk_network *n = &c->t->items[k];
		if (!has_lines(c, n))
			continue;
		dk_kr need = n->v[DK_COL_NEED], sum = lines_sum(c, n);
		dk_kr diff = sum - need;
		if ((diff < 0 ? -diff : diff) <= tol)
			continue;
		/* a column whose value equals the difference */
		const char *col = NULL; /* an institution's UP2 column */
		int line_col = -1;      /* or one of the network's own */
		dk_kr ad = diff < 0 ? -diff : diff;
		static const dk_column cols[] = {DK_COL_OWN, DK_COL_COORDINATOR,
						 DK_COL_UH_OTHER};
		/* only when the lines are more: a column added without the
		 * need being changed (a column already in the sum cannot be
		 * the one that is missing); only for the message, so not
		 * when findings are only counted */
		bool look = diff > 0 && !c->r->findings.count_only;
		for (size_t j = 0; j < 3 && line_col < 0 && look; j++)
			if (dk_network_has(n, cols[j]) && n->v[cols[j]] == ad)
				line_col = (int)cols[j];
		for (size_t i = 0;
		     i < c->p->n_institutions && !col && line_col < 0 && look; i++)
			if (((n->uh_present >> i) & 1u) && n->uh[i] == ad)
				col = c->p->institutions[i].id;
		int64_t nums[2] = {need, sum};
		ADD(c, DK_CHECK_ROW_SUM, -1, (long)k, "need", nums, 0,
		    col || line_col >= 0 ? DK_MSG_ROW_SUM_COLUMN : DK_MSG_ROW_SUM,
		    dk_arg_kr(sum), dk_arg_kr(need), dk_arg_kr(ad),
		    dk_arg_word(diff > 0 ? N_("more") : N_("less")),
		    line_col >= 0 ? dk_arg_column(line_col) : dk_arg_text(col),
		    dk_arg_word(diff > 0 ? N_("added") : N_("removed")));
	}
}

/* Stated percentage s (DK_PCT_ONE per percent) of need N against amount
 * a: it passes when |s/100·N − a| ≤ tol/100·N, tol in millionths of a
 * percentage point, compared exactly as integers. Reported in kroner: the
 * amounts (expected, what the rule holds the percentage to) against the
 * stated share of the need (actual, half up to whole kroner); the message
 * gives both percentages. */
static void stated_share(ctx *c)
{
	int64_t tol = conf(c, DK_CHECK_STATED_SHARE)->param[0];
	for (size_t k = 0; k < c->t->n; k++) {
		const dk_network *n = &c->t->items[k];
		dk_kr need = n->v[DK_COL_NEED];
		if (need <= 0)
			continue;
		for (int j = 0; j < 2; j++) {
			dk_column col = j == 0 ? DK_COL_STATED_OWN_PCT
					       : DK_COL_STATED_UH_PCT;
			if (!dk_network_has(n, col))
				continue;
			dk_kr a = j == 0 ? n->v[DK_COL_OWN] + n->v[DK_COL_COORDINATOR]
					 : up2_sum(c, n);
			/* s·N·10⁶ vs a·100·DK_PCT_ONE·10⁶ and tol·N·DK_PCT_ONE */
			dk_i128 lhs = (dk_i128)n->v[col] * need * DK_RATIO_ONE -
				(dk_i128)a * 100 * DK_PCT_ONE * DK_RATIO_ONE;
			if (lhs < 0)
				lhs = -lhs;
			if (lhs <= (dk_i128)tol * need * DK_PCT_ONE)
				continue;
			/* the stated share of the need in kroner, half up (for
			 * the message: not when findings are only counted) */
			dk_i128 sd = (dk_i128)100 * DK_PCT_ONE;
			dk_kr stated = c->r->findings.count_only
				? 0
				: (dk_kr)(((dk_i128)n->v[col] * need * 2 + sd) /
					  (2 * sd));
			int64_t nums[2] = {a, stated};
			ADD(c, DK_CHECK_STATED_SHARE, -1, (long)k,
			    dk_column_get(col)->name, nums, 0,
			    j == 0 ? DK_MSG_STATED_SHARE_OWN : DK_MSG_STATED_SHARE_UH,
			    dk_arg_dec(n->v[col], DK_PCT_DECIMALS, 2), dk_arg_kr(stated),
			    dk_arg_kr(need), dk_arg_pct(a, need, 2), dk_arg_kr(a));
		}
	}
}

static void stated_total(ctx *c)
{
	const dk_networks *t = c->t;
	int64_t tol = conf(c, DK_CHECK_STATED_TOTAL)->param[0];
	if (!t->has_totals)
		return;
	const dk_network *tot = &t->totals;
	for (int col = 1; col < DK_COL_COUNT; col++) {
		const dk_column_def *def = dk_column_get((dk_column)col);
		if (!dk_network_has(tot, (dk_column)col) ||
		    (def->kind != DK_KIND_AMOUNT && def->kind != DK_KIND_FTE))
			continue;
		int64_t sum = 0;
		for (size_t k = 0; k < t->n; k++)
			sum += t->items[k].v[col];
		int64_t diff = tot->v[col] - sum;
		int64_t tl = def->kind == DK_KIND_FTE ? tol * 100 : tol;
		if ((diff < 0 ? -diff : diff) <= tl)
			continue;
		int dec = def->kind == DK_KIND_FTE ? 2 : 0;
		int64_t nums[2] = {sum, tot->v[col]};
		ADD(c, DK_CHECK_STATED_TOTAL, -1, -1, def->name, nums, dec,
		    DK_MSG_STATED_TOTAL, dk_arg_column(col),
		    dk_arg_dec(tot->v[col], dec, dec), dk_arg_dec(sum, dec, dec),
		    dk_arg_dec(diff < 0 ? -diff : diff, dec, dec),
		    dk_arg_word(diff > 0 ? N_("high") : N_("low")));
	}
	for (size_t i = 0; i < c->p->n_institutions; i++) {
		if (!((tot->uh_present >> i) & 1u))
			continue;
		int64_t sum = 0;
		for (size_t k = 0; k < t->n; k++)
			sum += t->items[k].uh[i];
		int64_t diff = tot->uh[i] - sum;
		if ((diff < 0 ? -diff : diff) <= tol)
			continue;
		int64_t nums[2] = {sum, tot->uh[i]};
		ADD(c, DK_CHECK_STATED_TOTAL, -1, -1, c->p->institutions[i].id, nums, 0,
		    DK_MSG_STATED_TOTAL_UH, dk_arg_text(c->p->institutions[i].id),
		    dk_arg_kr(tot->uh[i]), dk_arg_kr(sum));
	}
}

/* stated-recommendation, over-need and frame-overrun. In a file with the
 * stated column an empty or '-' cell states 0 (RULES.md section 5); the
 * checks compare the sheet with the final amounts, decisions included. */
static void recommendation_checks(ctx *c)
{
	const dk_networks *t = c->t;
	int64_t tol = conf(c, DK_CHECK_STATED_RECOMMENDATION)->param[0];
	bool stated_col = (t->columns >> DK_COL_STATED_RECOMMENDED) & 1u;
	dk_kr stated_sum = 0;
	for (size_t k = 0; k < t->n; k++) {
		const dk_network *n = &t->items[k];
		const dk_rec_row *row = &c->r->rows[k];
		dk_kr need = n->v[DK_COL_NEED];
		if (stated_col) {
			dk_kr s = n->v[DK_COL_STATED_RECOMMENDED];
			stated_sum += s;
			if (s > need) {
				int64_t nums[2] = {need, s};
				ADD(c, DK_CHECK_OVER_NEED, -1, (long)k,
				    "stated_recommended", nums, 0,
				    DK_MSG_OVER_NEED_STATED, dk_arg_kr(s),
				    dk_arg_kr(need), dk_arg_kr(s - need));
			}
			if (c->r->produced) {
				dk_kr x = row->amount, diff = s - x;
				bool dec = row->state == DK_STATE_DECIDED;
				if ((diff < 0 ? -diff : diff) > tol) {
					int64_t nums[2] = {x, s};
					ADD(c, DK_CHECK_STATED_RECOMMENDATION, -1,
					    (long)k, "stated_recommended", nums, 0,
					    dec ? DK_MSG_STATED_RECOMMENDATION_DECIDED
						: DK_MSG_STATED_RECOMMENDATION,
					    dk_arg_kr(s),
					    dec ? dk_arg_kr(x)
						: dk_arg_word(
							  dk_method_words(c->p->method)),
					    dec ? dk_arg_kr(diff < 0 ? -diff : diff)
						: dk_arg_kr(x),
					    dec ? dk_arg_word(diff > 0 ? N_("more")
								       : N_("less"))
						: dk_arg_kr(diff < 0 ? -diff : diff),
					    dk_arg_word(diff > 0 ? N_("more")
								 : N_("less")));
				}
			}
		}
		if (!c->r->produced || row->amount <= need)
			continue;
		dk_kr x = row->amount;
		int64_t nums[2] = {need, x};
		if (row->state == DK_STATE_DECIDED) {
			ADD(c, DK_CHECK_OVER_NEED, -1, (long)k, "recommended", nums, 0,
			    DK_MSG_OVER_NEED_DECIDED, dk_arg_kr(x), dk_arg_kr(need),
			    dk_arg_kr(x - need));
		} else if (!c->p->cap_at_need) {
			ADD(c, DK_CHECK_OVER_NEED, -1, (long)k, "recommended", nums, 0,
			    DK_MSG_OVER_NEED_COMPUTED, dk_arg_kr(x), dk_arg_kr(need),
			    dk_arg_kr(x - need));
		}
	}
	dk_kr F = c->r->prorata;
	if (c->r->produced) {
		dk_kr sum = 0;
		for (size_t k = 0; k < t->n; k++)
			sum += c->r->rows[k].amount;
		if (sum > F) {
			int64_t nums[2] = {F, sum};
			ADD(c, DK_CHECK_FRAME_OVERRUN, -1, -1, "recommended", nums, 0,
			    DK_MSG_FRAME_OVERRUN, dk_arg_kr(sum), dk_arg_kr(F),
			    dk_arg_kr(sum - F));
		}
	}
	/* the stated half runs whenever the column is there, also when no
	 * amounts are produced and when the derived frame is negative */
	if (stated_col && stated_sum > F) {
		int64_t nums[2] = {F, stated_sum};
		ADD(c, DK_CHECK_FRAME_OVERRUN, -1, -1, "stated_recommended", nums, 0,
		    DK_MSG_FRAME_OVERRUN_STATED, dk_arg_kr(stated_sum), dk_arg_kr(F),
		    dk_arg_kr(stated_sum - F));
	}
}

static void self_financing(ctx *c)
{
	const dk_check_conf *cf = conf(c, DK_CHECK_SELF_FINANCING);
	if (!((c->t->columns >> DK_COL_SELF_FINANCING) & 1u)) {
		if (!cf->off)
			c->r->not_checked |= 1u << DK_CHECK_SELF_FINANCING;
		return;
	}
	bool on_need = cf->param[1] == 1;
	if (!on_need && !c->r->produced)
		return;
	for (size_t k = 0; k < c->t->n; k++) {
		const dk_network *n = &c->t->items[k];
		dk_kr grant = on_need ? n->v[DK_COL_NEED] : c->r->rows[k].amount;
		dk_kr sf = n->v[DK_COL_SELF_FINANCING];
		if ((dk_i128)sf * DK_RATIO_ONE >= (dk_i128)cf->param[0] * grant)
			continue;
		/* the smallest whole krone amount that passes */
		dk_kr required = of_ratio(grant, cf->param[0], true);
		int64_t nums[2] = {required, sf};
		ADD(c, DK_CHECK_SELF_FINANCING, -1, (long)k, "self_financing", nums, 0,
		    DK_MSG_SELF_FINANCING, dk_arg_kr(sf),
		    whose(c, DK_CHECK_SELF_FINANCING, 0),
		    dk_arg_pct(cf->param[0], DK_RATIO_ONE, 1),
		    dk_arg_word(on_need ? N_("need") : N_("recommended grant")),
		    dk_arg_kr(grant), dk_arg_kr(required), dk_arg_kr(required - sf));
	}
}

/* Skipped where need is 0: row-sum reports lines without a need. */
static void coordinator_share(ctx *c)
{
	const dk_check_conf *cf = conf(c, DK_CHECK_COORDINATOR_SHARE);
	for (size_t k = 0; k < c->t->n; k++) {
		const dk_network *n = &c->t->items[k];
		dk_kr coord = n->v[DK_COL_COORDINATOR], need = n->v[DK_COL_NEED];
		if (need <= 0 || coord <= 0 ||
		    (dk_i128)coord * DK_RATIO_ONE <= (dk_i128)cf->param[0] * need)
			continue;
		dk_kr allowed = of_ratio(need, cf->param[0], false);
		int64_t nums[2] = {allowed, coord};
		ADD(c, DK_CHECK_COORDINATOR_SHARE, -1, (long)k, "coordinator", nums, 0,
		    DK_MSG_COORDINATOR_SHARE, dk_arg_kr(coord),
		    dk_arg_pct(coord, need, 1), whose(c, DK_CHECK_COORDINATOR_SHARE, 0),
		    dk_arg_pct(cf->param[0], DK_RATIO_ONE, 1), dk_arg_kr(allowed));
	}
}

static void uh_unidentified(ctx *c)
{
	for (size_t k = 0; k < c->t->n; k++) {
		const dk_network *n = &c->t->items[k];
		dk_kr other = n->v[DK_COL_UH_OTHER];
		if (other <= 0)
			continue;
		int64_t nums[2] = {0, other};
		ADD(c, DK_CHECK_UH_UNIDENTIFIED, -1, (long)k, "uh_other", nums, 0,
		    DK_MSG_UH_UNIDENTIFIED, dk_arg_kr(other));
	}
}

/* uh / of within the bounds that are set? 1 yes, 0 no; *limit is the
 * bound passed, in whole kroner (of·min rounded up, of·max rounded down). */
static int uh_within(const ctx *c, dk_i128 uh, dk_kr of, dk_kr *limit)
{
	const dk_check_conf *cf = conf(c, DK_CHECK_UH_SHARE);
	dk_i128 s = uh * DK_RATIO_ONE;
	if (cf->param_set[0] && s < (dk_i128)cf->param[0] * of) {
		*limit = of_ratio(of, cf->param[0], true);
		return 0;
	}
	if (cf->param_set[1] && s > (dk_i128)cf->param[1] * of) {
		*limit = of_ratio(of, cf->param[1], false);
		return 0;
	}
	return 1;
}

/* One uh-share finding: the share (num/den) of network k (or the whole
 * grant, k = -1) against the bounds that are set: "40-60 %", "at least
 * 40 %" or "at most 60 %". */
static void uh_finding(ctx *c, long k, dk_i128 num, dk_i128 den, dk_kr limit)
{
	const dk_check_conf *cf = conf(c, DK_CHECK_UH_SHARE);
	if (c->st == DK_OK && c->r->findings.count_only) {
		dk_findings_count(&c->r->findings, c->p->checks, DK_CHECK_UH_SHARE, -1);
		return;
	}
	bool both = cf->param_set[0] && cf->param_set[1], min = cf->param_set[0];
	dk_msg m = k >= 0 ? (both          ? DK_MSG_UH_SHARE
				     : min ? DK_MSG_UH_SHARE_MIN
					   : DK_MSG_UH_SHARE_MAX)
			  : (both          ? DK_MSG_UH_SHARE_TOTAL
				     : min ? DK_MSG_UH_SHARE_TOTAL_MIN
					   : DK_MSG_UH_SHARE_TOTAL_MAX);
	dk_arg lo = dk_arg_pct(cf->param[0], DK_RATIO_ONE, 1);
	dk_arg hi = dk_arg_pct(cf->param[1], DK_RATIO_ONE, 1);
	/* num and den are sums of amounts: within int64 (models/finding.h) */
	dk_arg args[6] = {dk_arg_pct((int64_t)num, (int64_t)den, 1),
			  dk_arg_kr((dk_kr)num),
			  whose(c, DK_CHECK_UH_SHARE, min ? 0 : 1),
			  both || min ? lo : hi,
			  both ? hi : dk_arg_kr(limit),
			  dk_arg_kr(limit)};
	int64_t nums[2] = {limit, (int64_t)num};
	if (c->st == DK_OK)
		c->st = dk_findings_add(&c->r->findings, c->p->checks, DK_CHECK_UH_SHARE,
					-1, k, "uh_share", nums, 0, m, args,
					both ? 6 : 5);
}

static void uh_share(ctx *c)
{
	const dk_check_conf *cf = conf(c, DK_CHECK_UH_SHARE);
	if (!c->r->produced || (!cf->param_set[0] && !cf->param_set[1]))
		return;
	for (size_t k = 0; k < c->t->n; k++) {
		const dk_rec_row *row = &c->r->rows[k];
		if (row->amount <= 0)
			continue;
		dk_kr uh = row->uh_other, limit = 0;
		for (size_t i = 0; i < c->p->n_institutions; i++)
			uh += row->uh[i];
		if (!uh_within(c, uh, row->amount, &limit))
			uh_finding(c, (long)k, uh, row->amount, limit);
	}
	/* in total: (D + Σ UP2 + Σ other) ÷ (D + Σ recommended) */
	dk_i128 up = (dk_i128)c->r->direct + c->r->total_other, den = c->r->direct;
	for (size_t i = 0; i < c->p->n_institutions; i++)
		up += c->r->inst_up2[i];
	for (size_t k = 0; k < c->t->n; k++)
		den += c->r->rows[k].amount;
	if (den <= 0)
		return;
	dk_kr limit = 0;
	if (!uh_within(c, up, (dk_kr)den, &limit))
		uh_finding(c, -1, up, den, limit);
}

static void year_change(ctx *c)
{
	const dk_check_conf *cf = conf(c, DK_CHECK_YEAR_CHANGE);
	if (!((c->t->columns >> DK_COL_PREVIOUS) & 1u)) {
		if (!cf->off)
			c->r->not_checked |= 1u << DK_CHECK_YEAR_CHANGE;
		return;
	}
	if (!c->r->produced)
		return;
	for (size_t k = 0; k < c->t->n; k++) {
		dk_kr prev = c->t->items[k].v[DK_COL_PREVIOUS], x = c->r->rows[k].amount;
		if (prev <= 0)
			continue;
		dk_kr d = x - prev, ad = d < 0 ? -d : d;
		if ((dk_i128)ad * DK_RATIO_ONE <= (dk_i128)cf->param[0] * prev)
			continue;
		/* the limit passed, in whole kroner */
		dk_kr room = of_ratio(prev, cf->param[0], false);
		dk_kr limit = d < 0 ? prev - room : prev + room;
		int64_t nums[2] = {limit, x};
		ADD(c, DK_CHECK_YEAR_CHANGE, -1, (long)k, "recommended", nums, 0,
		    DK_MSG_YEAR_CHANGE, dk_arg_kr(x), dk_arg_pct(ad, prev, 1),
		    dk_arg_word(d < 0 ? N_("below") : N_("above")), dk_arg_kr(prev),
		    whose(c, DK_CHECK_YEAR_CHANGE, 0),
		    dk_arg_pct(cf->param[0], DK_RATIO_ONE, 1));
	}
}

static void criteria(ctx *c)
{
	static const dk_column judged[] = {DK_COL_LOCALLY_ANCHORED,
					   DK_COL_COLLECTIVE_LEARNING,
					   DK_COL_UH_PARTNERSHIP};
	static const char *const words[] = {N_("locally anchored"),
					    N_("collective learning"),
					    N_("partnership with a university")};
	const dk_check_conf *cf = conf(c, DK_CHECK_CRITERIA);
	for (size_t k = 0; k < c->t->n; k++) {
		const dk_network *n = &c->t->items[k];
		for (size_t j = 0; j < 3; j++) {
			if (!dk_network_has(n, judged[j]))
				continue;
			dk_judgement a = (dk_judgement)n->v[judged[j]];
			if (a != DK_JUDGE_NEI && a != DK_JUDGE_DELVIS)
				continue;
			int sev = (int)cf->param[a == DK_JUDGE_NEI ? 0 : 1];
			ADD(c, DK_CHECK_CRITERIA, sev, (long)k,
			    dk_column_get(judged[j])->name, NULL, 0, DK_MSG_CRITERIA,
			    dk_arg_text(dk_judgement_name(a)), dk_arg_word(words[j]));
		}
	}
}

/* The three computed answers of the criteria sheet (RULES.md section 4),
 * as dk_judgement values. */
static void criteria_sheet(ctx *c)
{
	const dk_check_conf *us = conf(c, DK_CHECK_UH_SHARE);
	const dk_check_conf *cs = conf(c, DK_CHECK_COORDINATOR_SHARE);
	for (size_t k = 0; k < c->t->n; k++) {
		const dk_network *n = &c->t->items[k];
		dk_rec_row *row = &c->r->rows[k];
		dk_kr up2 = up2_sum(c, n), other = n->v[DK_COL_UH_OTHER];
		/* UH identified? blank without UH money planned */
		row->uh_identified = up2 == 0 ? DK_JUDGE_BLANK
			: other == 0          ? DK_JUDGE_JA
			: other == up2        ? DK_JUDGE_NEI
					      : DK_JUDGE_DELVIS;
		/* coordinator of limited scope? blank where the check skips */
		row->limited_coordinator = DK_JUDGE_BLANK;
		if (n->v[DK_COL_NEED] > 0 && !cs->off)
			row->limited_coordinator =
				(dk_i128)n->v[DK_COL_COORDINATOR] * DK_RATIO_ONE <=
					(dk_i128)cs->param[0] * n->v[DK_COL_NEED]
				? DK_JUDGE_JA
				: DK_JUDGE_NEI;
		/* reasonable split? blank without a bound, an amount, or when
		 * the check is off */
		row->reasonable_uh_share = DK_JUDGE_BLANK;
		if (c->r->produced && row->amount > 0 && !us->off &&
		    (us->param_set[0] || us->param_set[1])) {
			dk_kr uh = row->uh_other, limit;
			for (size_t i = 0; i < c->p->n_institutions; i++)
				uh += row->uh[i];
			row->reasonable_uh_share = uh_within(c, uh, row->amount, &limit)
				? DK_JUDGE_JA
				: DK_JUDGE_NEI;
		}
	}
}

/* A row read as a network whose need is above 0 and equals the sum of the
 * need of all the other network rows, at least two of which have a need
 * above 0: an unlabelled totals row (RULES.md section 5). */
static void totals_like_row(ctx *c)
{
	const dk_networks *t = c->t;
	dk_i128 sum = 0;
	size_t positive = 0;
	for (size_t k = 0; k < t->n; k++) {
		sum += t->items[k].v[DK_COL_NEED];
		positive += t->items[k].v[DK_COL_NEED] > 0;
	}
	for (size_t k = 0; k < t->n; k++) {
		const dk_network *n = &t->items[k];
		dk_kr need = n->v[DK_COL_NEED];
		/* the others: two with a need above 0 besides this one */
		if (need <= 0 || positive < 3 || sum - need != need)
			continue;
		int64_t nums[2] = {need, need};
		ADD(c, DK_CHECK_TOTALS_LIKE_ROW, -1, (long)k, "need", nums, 0,
		    DK_MSG_TOTALS_LIKE_ROW, dk_arg_kr(need));
	}
}

dk_status dk_checks_run(const dk_plan *p, const dk_networks *t, dk_recommendation *r)
{
	ctx c = {p, t, r, DK_OK};
	/* the criteria sheet is read by people: not worked out for runs
	 * whose findings are only counted */
	if (!r->findings.count_only)
		criteria_sheet(&c);
	totals_like_row(&c);
	row_sum(&c);
	stated_share(&c);
	stated_total(&c);
	recommendation_checks(&c);
	self_financing(&c);
	coordinator_share(&c);
	uh_unidentified(&c);
	uh_share(&c);
	year_change(&c);
	criteria(&c);
	return c.st;
}

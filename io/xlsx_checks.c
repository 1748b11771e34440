/*
 * xlsx_checks.c: the budgets as read and the checks that are pure
 * comparisons, as formulas (docs/output.md).
 *
 * The Budget sheet holds each network's cells as dekom read them (values:
 * they are the input) and the sum of its budget lines. The Checks sheet
 * puts each comparison of RULES.md §5 that needs no apportionment (row-sum,
 * coordinator-share, self-financing, year-change, over-need) in a formula
 * against the thresholds named on the Parameters sheet, so that a member
 * who changes a threshold sees the flags move. Each flag is stored with
 * what dekom found (a finding of that check for that network: "avvik",
 * else "ok"), and the tests require the recalculated flag to be the same.
 *
 * A ratio is compared as dekom compares it, in whole numbers: the
 * threshold's millionths (ROUND(t*1000000, 0)) times the amount against
 * the other amount times 1 000 000. A double holds those products exactly
 * below 2^53; where a product could be larger the flag is dekom's value
 * with a comment, never a formula that could flip.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/i18n.h"
#include "io/xlsx_book.h"
#include "models/columns.h"

void dk_book_budget_layout(dk_book *b, const dk_report *r, dk_book_budget *L)
{
	L->en = b->en;
	L->sheet = dk_book_sheet_budget(b);
	const dk_networks *t = r->nets;
	int c = 1;
	L->col_previous = ((t->columns >> DK_COL_PREVIOUS) & 1u) ? c++ : -1;
	L->col_need = c++;
	L->col_fte = ((t->columns >> DK_COL_FTE) & 1u) ? c++ : -1;
	L->col_own = c++;
	L->col_coordinator = c++;
	L->col_up2_first = c;
	c += (int)r->plan->n_institutions;
	L->col_other = c++;
	L->col_sum = c++;
	L->col_self_financing = ((t->columns >> DK_COL_SELF_FINANCING) & 1u) ? c++ : -1;
	L->col_stated = ((t->columns >> DK_COL_STATED_RECOMMENDED) & 1u) ? c++ : -1;
	L->ncols = c;
}

void dk_book_budget_ref(const dk_book_budget *L, int col, size_t k, char *buf,
			size_t size)
{
	char cell[16];
	dk_book_cell(cell, (lxw_row_t)(k + 1), (lxw_col_t)col, false);
	snprintf(buf, size, "'%s'!%s", L->sheet, cell);
}

static const char *label(dk_column c, bool en)
{
	const dk_column_def *d = dk_column_get(c);
	return en ? d->label_en : d->label_nb;
}

/* A header of the Budget sheet, its column wide enough for it. */
static void bhead(dk_book *b, lxw_worksheet *ws, lxw_col_t c, const char *text,
		  lxw_format *f)
{
	dk_book_str(b, ws, 0, c, text, f);
	dk_book_head_width(ws, c, text, 11, NULL);
}

void dk_xlsx_budget(dk_book *b, const dk_report *r, const dk_book_budget *L)
{
	const dk_networks *t = r->nets;
	const dk_plan *p = r->plan;
	bool en = b->en;
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, dk_book_sheet_budget(b));
	dk_book_str(b, ws, 0, 0, label(DK_COL_NETWORK, en), b->head);
	if (L->col_previous >= 0)
		bhead(b, ws, (lxw_col_t)L->col_previous, label(DK_COL_PREVIOUS, en),
		      b->head_num);
	bhead(b, ws, (lxw_col_t)L->col_need, label(DK_COL_NEED, en), b->head_num);
	if (L->col_fte >= 0)
		bhead(b, ws, (lxw_col_t)L->col_fte, label(DK_COL_FTE, en), b->head_num);
	bhead(b, ws, (lxw_col_t)L->col_own, label(DK_COL_OWN, en), b->head_num);
	bhead(b, ws, (lxw_col_t)L->col_coordinator, label(DK_COL_COORDINATOR, en),
	      b->head_num);
	for (size_t i = 0; i < p->n_institutions; i++) {
		char h[300];
		snprintf(h, sizeof h, "UP2 %s", p->institutions[i].id);
		dk_utf8_trim(h);
		bhead(b, ws, (lxw_col_t)(L->col_up2_first + (int)i), h, b->head_num);
	}
	bhead(b, ws, (lxw_col_t)L->col_other, label(DK_COL_UH_OTHER, en), b->head_num);
	bhead(b, ws, (lxw_col_t)L->col_sum, dk_tr(en, "Sum of the lines"), b->head_num);
	if (L->col_self_financing >= 0)
		bhead(b, ws, (lxw_col_t)L->col_self_financing,
		      label(DK_COL_SELF_FINANCING, en), b->head_num);
	if (L->col_stated >= 0)
		bhead(b, ws, (lxw_col_t)L->col_stated,
		      label(DK_COL_STATED_RECOMMENDED, en), b->head_num);
	for (size_t k = 0; k < t->n; k++) {
		const dk_network *n = &t->items[k];
		lxw_row_t rr = (lxw_row_t)(k + 1);
		dk_book_str(b, ws, rr, 0, n->name, NULL);
		if (L->col_previous >= 0)
			dk_book_num(b, ws, rr, (lxw_col_t)L->col_previous,
				    (double)n->v[DK_COL_PREVIOUS], b->kr);
		dk_book_num(b, ws, rr, (lxw_col_t)L->col_need, (double)n->v[DK_COL_NEED],
			    b->kr);
		if (L->col_fte >= 0)
			dk_book_num(b, ws, rr, (lxw_col_t)L->col_fte,
				    (double)n->v[DK_COL_FTE] / 100, b->fte);
		dk_book_num(b, ws, rr, (lxw_col_t)L->col_own, (double)n->v[DK_COL_OWN],
			    b->kr);
		dk_book_num(b, ws, rr, (lxw_col_t)L->col_coordinator,
			    (double)n->v[DK_COL_COORDINATOR], b->kr);
		dk_kr sum = n->v[DK_COL_OWN] + n->v[DK_COL_COORDINATOR] +
			n->v[DK_COL_UH_OTHER];
		for (size_t i = 0; i < p->n_institutions; i++) {
			dk_book_num(b, ws, rr, (lxw_col_t)(L->col_up2_first + (int)i),
				    (double)n->uh[i], b->kr);
			sum += n->uh[i];
		}
		dk_book_num(b, ws, rr, (lxw_col_t)L->col_other,
			    (double)n->v[DK_COL_UH_OTHER], b->kr);
		char f[80], a[16], z[16];
		dk_book_cell(a, rr, (lxw_col_t)L->col_own, false);
		dk_book_cell(z, rr, (lxw_col_t)L->col_other, false);
		snprintf(f, sizeof f, "=SUM(%s:%s)", a, z);
		dk_book_formula(b, ws, rr, (lxw_col_t)L->col_sum, f, (double)sum, b->kr);
		if (L->col_self_financing >= 0)
			dk_book_num(b, ws, rr, (lxw_col_t)L->col_self_financing,
				    (double)n->v[DK_COL_SELF_FINANCING], b->kr);
		if (L->col_stated >= 0)
			dk_book_num(b, ws, rr, (lxw_col_t)L->col_stated,
				    (double)n->v[DK_COL_STATED_RECOMMENDED], b->kr);
	}
	worksheet_set_column(ws, 0, 0, 24, NULL);
	worksheet_set_row(ws, 0, 45, NULL);
	worksheet_freeze_panes(ws, 1, 1);
	dk_book_print(b, ws, true, 0, 0);
}

typedef struct {
	dk_book *b;
	lxw_worksheet *ws;
	const dk_recommendation *rec;
	size_t *at, *order; /* the findings by network */
} sheet;

/* True when network k has a finding of check c. */
static bool found(const sheet *s, dk_check_id c, size_t k)
{
	for (size_t i = s->at[k]; i < s->at[k + 1]; i++)
		if (s->rec->findings.items[s->order[i]].check == c)
			return true;
	return false;
}

/* A flag cell: the formula `cond` ("avvik" when true), stored with
 * whether dekom found it; when `exact` is false (a product a double may
 * not hold), dekom's word with a comment. */
static void flag(sheet *s, lxw_row_t rr, lxw_col_t c, const char *cond, bool is_found,
		 bool exact)
{
	bool en = s->b->en;
	const char *yes = dk_tr(en, "deviation"), *no = dk_tr(en, "ok");
	if (!exact) {
		dk_book_str(s->b, s->ws, rr, c, is_found ? yes : no, s->b->center);
		dk_book_comment(s->b, s->ws, rr, c,
				dk_tr(en,
				      "dekom's own result: the amounts are too large "
				      "for a spreadsheet to compare exactly."));
		return;
	}
	char f[600];
	snprintf(f, sizeof f, "=IF(%s,\"%s\",\"%s\")", cond, yes, no);
	dk_book_note(s->b,
		     worksheet_write_formula_str(s->ws, rr, c, f, s->b->center,
						 is_found ? yes : no));
}

static void head(sheet *s, lxw_col_t c, const char *text, bool num)
{
	dk_book_str(s->b, s->ws, 3, c, text, num ? s->b->head_num : s->b->head);
	if (c > 0)
		dk_book_head_width(s->ws, c, text, 12, NULL);
}

void dk_xlsx_checks(dk_book *b, const dk_report *r, const dk_book_budget *L)
{
	const dk_recommendation *rec = r->rec;
	const dk_plan *p = r->plan;
	const dk_networks *t = r->nets;
	bool en = b->en;
	sheet s = {b, NULL, rec, NULL, NULL};
	if (dk_findings_by_network(&rec->findings, rec->n, &s.at, &s.order) != DK_OK) {
		dk_book_note(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, dk_book_sheet_checks(b));
	s.ws = ws;
	dk_book_str(b, ws, 0, 0, dk_book_sheet_checks(b), b->title);
	dk_book_str(b, ws, 1, 0,
		    dk_tr(en,
			  "The checks that are comparisons, as formulas against the "
			  "thresholds on the Parameters sheet: change a threshold "
			  "there and the flags follow. The findings sheet has every "
			  "finding with its message."),
		    b->note);
	const dk_check_conf *rs = &p->checks[DK_CHECK_ROW_SUM];
	const dk_check_conf *cs = &p->checks[DK_CHECK_COORDINATOR_SHARE];
	const dk_check_conf *sf = &p->checks[DK_CHECK_SELF_FINANCING];
	const dk_check_conf *yc = &p->checks[DK_CHECK_YEAR_CHANGE];
	const dk_check_conf *on = &p->checks[DK_CHECK_OVER_NEED];
	bool sf_need = sf->param[1] == 1;
	bool do_sf = !sf->off && L->col_self_financing >= 0 && (sf_need || rec->produced);
	bool do_yc = !yc->off && L->col_previous >= 0 && rec->produced;
	bool do_on = !on->off && (L->col_stated >= 0 || rec->produced);
	/* the columns, left to right */
	lxw_col_t c_need = 1, c_sum = 2, c_rs = 0, c_cs_share = 0, c_cs = 0, c_sf_req = 0,
		  c_sf = 0, c_sf_amt = 0, c_rec = 0, c_yc_ch = 0, c_yc = 0, c_on = 0;
	lxw_col_t c = 3;
	head(&s, 0, dk_tr(en, "Network"), false);
	head(&s, c_need, label(DK_COL_NEED, en), true);
	head(&s, c_sum, dk_tr(en, "Sum of the lines"), true);
	if (!rs->off) {
		c_rs = c++;
		head(&s, c_rs, dk_check_title(DK_CHECK_ROW_SUM, en), false);
	}
	if (!cs->off) {
		c_cs_share = c++;
		c_cs = c++;
		head(&s, c_cs_share, dk_tr(en, "Coordinator ÷ need"), true);
		head(&s, c_cs, dk_check_title(DK_CHECK_COORDINATOR_SHARE, en), false);
	}
	if (rec->produced) {
		c_rec = c++;
		head(&s, c_rec, dk_tr(en, "Recommended"), true);
	}
	if (do_sf) {
		c_sf_amt = c++;
		c_sf_req = c++;
		c_sf = c++;
		head(&s, c_sf_amt, label(DK_COL_SELF_FINANCING, en), true);
		head(&s, c_sf_req, dk_tr(en, "Self-financing required"), true);
		head(&s, c_sf, dk_check_title(DK_CHECK_SELF_FINANCING, en), false);
	}
	if (do_yc) {
		c_yc_ch = c++;
		c_yc = c++;
		head(&s, c_yc_ch, dk_tr(en, "Change ÷ last year"), true);
		head(&s, c_yc, dk_check_title(DK_CHECK_YEAR_CHANGE, en), false);
	}
	if (do_on) {
		c_on = c++;
		head(&s, c_on, dk_check_title(DK_CHECK_OVER_NEED, en), false);
	}
	char f[600], cond[500], need[96], sum[96], coord[96], prev[96], sfc[96],
		stated[96], recc[96], here_need[16], here_sum[16], here_rec[16];
	for (size_t k = 0; k < t->n; k++) {
		const dk_network *n = &t->items[k];
		const dk_rec_row *row = &rec->rows[k];
		lxw_row_t rr = (lxw_row_t)(4 + k);
		dk_kr nd = n->v[DK_COL_NEED];
		dk_book_str(b, ws, rr, 0, n->name, NULL);
		dk_book_budget_ref(L, L->col_need, k, need, sizeof need);
		dk_book_budget_ref(L, L->col_sum, k, sum, sizeof sum);
		dk_book_budget_ref(L, L->col_coordinator, k, coord, sizeof coord);
		dk_book_cell(here_need, rr, c_need, false);
		dk_book_cell(here_sum, rr, c_sum, false);
		snprintf(f, sizeof f, "=%s", need);
		dk_book_formula(b, ws, rr, c_need, f, (double)nd, b->kr);
		dk_kr lines = n->v[DK_COL_OWN] + n->v[DK_COL_COORDINATOR] +
			n->v[DK_COL_UH_OTHER];
		for (size_t i = 0; i < p->n_institutions; i++)
			lines += n->uh[i];
		snprintf(f, sizeof f, "=%s", sum);
		dk_book_formula(b, ws, rr, c_sum, f, (double)lines, b->kr);
		if (!rs->off) {
			snprintf(cond, sizeof cond, "AND(%s>0,ABS(%s-%s)>%s)", here_sum,
				 here_sum, here_need,
				 dk_book_threshold_name(b, DK_CHECK_ROW_SUM, 0));
			flag(&s, rr, c_rs, cond, found(&s, DK_CHECK_ROW_SUM, k), true);
		}
		if (!cs->off) {
			dk_kr co = n->v[DK_COL_COORDINATOR];
			snprintf(f, sizeof f, "=IF(%s>0,%s/%s,\"\")", here_need, coord,
				 here_need);
			if (nd > 0)
				dk_book_formula(b, ws, rr, c_cs_share, f,
						dk_book_ratio(co, nd), b->pct);
			else
				dk_book_note(b,
					     worksheet_write_formula_str(
						     ws, rr, c_cs_share, f, b->pct, ""));
			snprintf(cond, sizeof cond,
				 "AND(%s>0,%s>0,%s*1000000>ROUND(%s*1000000,0)*%s)",
				 here_need, coord, coord,
				 dk_book_threshold_name(b, DK_CHECK_COORDINATOR_SHARE, 0),
				 here_need);
			flag(&s, rr, c_cs, cond, found(&s, DK_CHECK_COORDINATOR_SHARE, k),
			     dk_book_exact((dk_i128)co * DK_RATIO_ONE,
					   (dk_i128)cs->param[0] * nd));
		}
		if (rec->produced) {
			char cr[16];
			dk_book_cell(cr, dk_calc_row(k), dk_calc_col_recommended(), true);
			snprintf(recc, sizeof recc, "'%s'!%s",
				 dk_book_sheet_calculation(b), cr);
			snprintf(f, sizeof f, "=%s", recc);
			dk_book_formula(b, ws, rr, c_rec, f, (double)row->amount, b->kr);
			dk_book_cell(here_rec, rr, c_rec, false);
		}
		if (do_sf) {
			dk_book_budget_ref(L, L->col_self_financing, k, sfc, sizeof sfc);
			snprintf(f, sizeof f, "=%s", sfc);
			dk_book_formula(b, ws, rr, c_sf_amt, f,
					(double)n->v[DK_COL_SELF_FINANCING], b->kr);
			const char *grant = sf_need ? here_need : here_rec;
			dk_kr g = sf_need ? nd : row->amount;
			dk_kr req =
				(dk_kr)(((dk_i128)g * sf->param[0] + DK_RATIO_ONE - 1) /
					DK_RATIO_ONE);
			/* the smallest whole krone that passes */
			snprintf(f, sizeof f,
				 "=ROUNDUP(ROUND(%s*1000000,0)*%s/1000000,0)",
				 dk_book_threshold_name(b, DK_CHECK_SELF_FINANCING, 0),
				 grant);
			dk_book_formula(b, ws, rr, c_sf_req, f, (double)req, b->kr);
			snprintf(cond, sizeof cond, "%s*1000000<ROUND(%s*1000000,0)*%s",
				 sfc,
				 dk_book_threshold_name(b, DK_CHECK_SELF_FINANCING, 0),
				 grant);
			flag(&s, rr, c_sf, cond, found(&s, DK_CHECK_SELF_FINANCING, k),
			     dk_book_exact((dk_i128)n->v[DK_COL_SELF_FINANCING] *
						   DK_RATIO_ONE,
					   (dk_i128)sf->param[0] * g));
		}
		if (do_yc) {
			dk_book_budget_ref(L, L->col_previous, k, prev, sizeof prev);
			dk_kr pv = n->v[DK_COL_PREVIOUS], d = row->amount - pv;
			snprintf(f, sizeof f, "=IF(%s>0,(%s-%s)/%s,\"\")", prev, here_rec,
				 prev, prev);
			if (pv > 0)
				dk_book_formula(b, ws, rr, c_yc_ch, f,
						dk_book_ratio(d, pv), b->pct);
			else
				dk_book_note(b,
					     worksheet_write_formula_str(ws, rr, c_yc_ch,
									 f, b->pct, ""));
			snprintf(cond, sizeof cond,
				 "AND(%s>0,ABS(%s-%s)*1000000>ROUND(%s*1000000,0)*%s)",
				 prev, here_rec, prev,
				 dk_book_threshold_name(b, DK_CHECK_YEAR_CHANGE, 0),
				 prev);
			flag(&s, rr, c_yc, cond, found(&s, DK_CHECK_YEAR_CHANGE, k),
			     dk_book_exact((dk_i128)(d < 0 ? -d : d) * DK_RATIO_ONE,
					   (dk_i128)yc->param[0] * pv));
		}
		if (do_on) {
			/* the sheet's stated amount above need; the computed one
			 * when nothing caps it at need, a decided one always */
			char a[200] = "", z[200] = "";
			if (L->col_stated >= 0) {
				dk_book_budget_ref(L, L->col_stated, k, stated,
						   sizeof stated);
				snprintf(a, sizeof a, "%s>%s", stated, here_need);
			}
			if (rec->produced &&
			    (row->state == DK_STATE_DECIDED || !p->cap_at_need))
				snprintf(z, sizeof z, "%s>%s", here_rec, here_need);
			if (a[0] && z[0])
				snprintf(cond, sizeof cond, "OR(%s,%s)", a, z);
			else
				snprintf(cond, sizeof cond, "%s",
					 a[0]           ? a
						 : z[0] ? z
							: "FALSE");
			flag(&s, rr, c_on, cond, found(&s, DK_CHECK_OVER_NEED, k), true);
		}
	}
	/* the flags coloured where they deviate */
	if (t->n > 0) {
		lxw_format *red = workbook_add_format(b->wb);
		format_set_bg_color(red, 0xF8CBAD);
		char word[64];
		snprintf(word, sizeof word, "\"%s\"", dk_tr(en, "deviation"));
		lxw_conditional_format cf = {
			.type = LXW_CONDITIONAL_TYPE_CELL,
			.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO,
			.value_string = word,
			.format = red,
		};
		dk_book_note(b,
			     worksheet_conditional_format_range(ws, 4, 1,
								(lxw_row_t)(3 + t->n),
								(lxw_col_t)(c - 1), &cf));
	}
	worksheet_set_column(ws, 0, 0, 24, NULL);
	worksheet_set_row(ws, 3, 45, NULL);
	worksheet_freeze_panes(ws, 4, 1);
	dk_book_print(b, ws, true, 3, 3);
	free(s.at);
	free(s.order);
}

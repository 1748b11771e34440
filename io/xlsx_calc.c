/*
 * xlsx_calc.c: the workbook's arithmetic as formulas (docs/output.md):
 * the Parameters sheet, whose named cells (the frame, the base grant, the
 * floor's share, the rounding unit, λ) the other sheets refer to, and the
 * Calculation sheet, one row per network with RULES.md §3 written out:
 *
 *     weight w, floor lo, cap hi    from the network's own cells
 *     exact x = MIN(MAX(b + λ·w, lo), hi)
 *     rounded down to the unit      FLOOR(ROUND(x, 4), u)
 *     units placed                  a value: the tie order, said in a comment
 *     recommended                   rounded + placed · u
 *
 * Every formula is stored with dekom's own exact value, so a reader that
 * does not recalculate shows dekom's figures, and one that does shows the
 * same (tests/xlsx compares the two). λ is a double in the sheet (its exact
 * fraction is in a comment), so x carries a tiny error; ROUND(x, 4) removes
 * it before the floor. Where that could still land on the wrong side of a
 * unit (an exact x within 0.00005 kr below a multiple of the unit, or a
 * floor's share of last year's amount as close to a whole krone), the cell
 * holds dekom's value and a comment says so, never a formula that gives
 * another figure. The units placed by the tie order (RULES.md §1) and a
 * decided amount (§9) are values with a comment, as no formula can give
 * them. What is a formula and what a value is listed in docs/output.md.
 */
#include <stdio.h>
#include <string.h>

#include "io/i18n.h"
#include "io/xlsx_book.h"
#include "models/numtext.h"

/* The calculation sheet: a title, a note, an empty row, the header at row
 * 3, the networks from row 4. */
enum { CALC_HEAD = 3 };
enum {
	C_NAME,
	C_BASE,
	C_WEIGHT,
	C_LO,
	C_HI,
	C_EXACT,
	C_STATE,
	C_FLOOR,
	C_PLACED,
	C_RECOMMENDED,
	C_METHOD, /* with decisions only */
	C_REASON
};

lxw_row_t dk_calc_row(size_t k)
{
	return (lxw_row_t)(CALC_HEAD + 1 + k);
}

lxw_col_t dk_calc_col_recommended(void)
{
	return C_RECOMMENDED;
}

/* The defined names, in the workbook's language (identifiers, so a
 * translator keeps them to letters). */
static const char *name_frame(dk_book *b)
{
	return dk_book_defined_name(b, DK_SLOT_FRAME,
				    dk_trc(b->en, "defined name", "Frame"));
}
const char *dk_book_direct_name(dk_book *b)
{
	return dk_book_defined_name(b, DK_SLOT_DIRECT,
				    dk_trc(b->en, "defined name", "Direct"));
}
static const char *name_base(dk_book *b)
{
	return dk_book_defined_name(b, DK_SLOT_BASE,
				    dk_trc(b->en, "defined name", "BaseGrant"));
}
static const char *name_base_share(dk_book *b)
{
	return dk_book_defined_name(b, DK_SLOT_BASE_SHARE,
				    dk_trc(b->en, "defined name", "BaseShare"));
}
static const char *name_networks(dk_book *b)
{
	return dk_book_defined_name(b, DK_SLOT_NETWORKS,
				    dk_trc(b->en, "defined name", "Networks"));
}
static const char *name_floor_share(dk_book *b)
{
	return dk_book_defined_name(b, DK_SLOT_FLOOR_SHARE,
				    dk_trc(b->en, "defined name", "FloorShare"));
}
static const char *name_unit(dk_book *b)
{
	return dk_book_defined_name(b, DK_SLOT_UNIT,
				    dk_trc(b->en, "defined name", "Unit"));
}
static const char *name_lambda(dk_book *b)
{
	return dk_book_defined_name(b, DK_SLOT_LAMBDA,
				    dk_trc(b->en, "defined name", "Lambda"));
}

const char *dk_book_frame_name(dk_book *b)
{
	return name_frame(b);
}

/* True when floor(num/den) is what FLOOR(ROUND(num/den, 4), 1) gives in a
 * spreadsheet: the fraction is not within 0.00005 below the next whole
 * number (num ≥ 0, den > 0). */
static bool floor_safe(dk_i128 num, dk_i128 den)
{
	dk_i128 r = num % den;
	return (dk_i128)20000 * r < (dk_i128)19999 * den;
}

static void define(dk_book *b, const char *name, const char *sheet, lxw_row_t r)
{
	char ref[160], cell[16];
	dk_book_cell(cell, r, 1, true);
	snprintf(ref, sizeof ref, "='%s'!%s", sheet, cell);
	dk_book_note(b, workbook_define_name(b->wb, name, ref));
}

/* One row of the parameters sheet: label, value (a number, or a formula
 * when `formula` is set), its name, and what it is. */
static void param(dk_book *b, lxw_worksheet *ws, lxw_row_t *row, const char *label,
		  double v, const char *formula, lxw_format *f, const char *name,
		  const char *what)
{
	const char *sheet = dk_book_sheet_parameters(b);
	dk_book_str(b, ws, *row, 0, label, NULL);
	if (formula)
		dk_book_formula(b, ws, *row, 1, formula, v, f);
	else
		dk_book_num(b, ws, *row, 1, v, f);
	if (name) {
		dk_book_str(b, ws, *row, 2, name, NULL);
		define(b, name, sheet, *row);
	}
	dk_book_str(b, ws, *row, 3, what, b->wrap);
	(*row)++;
}

void dk_xlsx_parameters(dk_book *b, const dk_report *r)
{
	const dk_recommendation *rec = r->rec;
	const dk_plan *p = r->plan;
	bool en = b->en;
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, dk_book_sheet_parameters(b));
	dk_book_str(b, ws, 0, 0, dk_book_sheet_parameters(b), b->title);
	dk_book_str(b, ws, 1, 0,
		    dk_tr(en,
			  "The named values the other sheets compute with. They "
			  "are dekom's; changing one shows how the formulas move, "
			  "but is not a new recommendation (run dekom again)."),
		    b->note);
	const char *head[] = {dk_tr(en, "Parameter"), dk_tr(en, "Value"),
			      dk_tr(en, "Name"), dk_tr(en, "What it is")};
	for (lxw_col_t c = 0; c < 4; c++)
		dk_book_str(b, ws, 3, c, head[c], c == 1 ? b->head_num : b->head);
	lxw_row_t row = 4;
	char f[200], t[400];
	param(b, ws, &row, dk_tr(en, "Pro-rata frame"), (double)rec->prorata, NULL, b->kr,
	      name_frame(b), dk_tr(en, "F: what the networks share (RULES.md §2)"));
	param(b, ws, &row, dk_tr(en, "Direct transfer to the universities (UP1)"),
	      (double)rec->direct, NULL, b->kr, dk_book_direct_name(b),
	      dk_tr(en, "D: paid to the universities directly, outside F"));
	dk_book_str(b, ws, row, 0, dk_tr(en, "Method"), NULL);
	dk_book_str(b, ws, row, 1, dk_method_label(p->method, en), NULL);
	row++;
	if (p->method == DK_METHOD_PRORATA) {
		dk_kr base = rec->n ? rec->rows[0].base : 0;
		if (p->has_base_share) {
			param(b, ws, &row, dk_tr(en, "Base share"),
			      (double)p->base_share / (double)DK_RATIO_ONE, NULL, b->dec6,
			      name_base_share(b),
			      dk_tr(en, "s: the share of F given as base grants"));
			param(b, ws, &row, dk_tr(en, "Number of networks"),
			      (double)rec->n, NULL, NULL, name_networks(b),
			      dk_tr(en, "n: the networks that share the base grants"));
			dk_i128 num = (dk_i128)p->base_share * rec->prorata;
			dk_i128 den =
				(dk_i128)DK_RATIO_ONE * (dk_i128)(rec->n ? rec->n : 1);
			if (rec->n && rec->prorata > 0 && floor_safe(num, den))
				snprintf(f, sizeof f, "=INT(ROUND(%s*%s/%s,4))",
					 name_base_share(b), name_frame(b),
					 name_networks(b));
			else
				f[0] = '\0';
			param(b, ws, &row, dk_tr(en, "Base grant"), (double)base,
			      f[0] ? f : NULL, b->kr, name_base(b),
			      dk_tr(en, "B = floor(s × F ÷ n), per network"));
		} else {
			param(b, ws, &row, dk_tr(en, "Base grant"), (double)base, NULL,
			      b->kr, name_base(b), dk_tr(en, "B: every network's base"));
		}
		param(b, ws, &row, dk_tr(en, "Floor: share of last year's amount"),
		      (double)p->floor_previous / (double)DK_RATIO_ONE, NULL, b->dec6,
		      name_floor_share(b),
		      dk_tr(en,
			    "a network gets at least this share of its previous "
			    "amount, in whole kroner"));
		dk_book_str(b, ws, row, 0, dk_tr(en, "Capped at need"), NULL);
		dk_book_str(b, ws, row++, 1,
			    p->cap_at_need ? dk_tr(en, "yes") : dk_tr(en, "no"), NULL);
	}
	dk_book_str(b, ws, row, 0, dk_tr(en, "Surplus"), NULL);
	dk_book_str(b, ws, row++, 1,
		    p->surplus_reserve ? dk_tr(en, "held back (reserve)")
				       : dk_tr(en, "given to the others (redistribute)"),
		    NULL);
	param(b, ws, &row, dk_tr(en, "Rounding unit"),
	      (double)(p->rounding > 0 ? p->rounding : 1), NULL, b->kr, name_unit(b),
	      dk_tr(en, "u: every amount but a decided one is a multiple of it"));
	if (rec->produced) {
		dk_i128 num = rec->lambda_num * rec->lambda_scale;
		dk_lambda_text l;
		dk_lambda_format(rec->lambda_num, rec->lambda_den, rec->lambda_scale,
				 true, en, &l);
		snprintf(t, sizeof t, "%s: %s",
			 dk_tr(en, "λ, the level the frame is shared at"), l.unit);
		lxw_row_t lr = row;
		param(b, ws, &row, "λ", dk_book_ratio(num, rec->lambda_den), NULL,
		      b->lambda, name_lambda(b), t);
		snprintf(t, sizeof t, "%s %s/%s (%s %s)",
			 dk_tr(en, "Exactly the fraction"), l.num, l.den, l.decimal,
			 l.unit);
		dk_book_comment(b, ws, lr, 1, t);
	}
	/* the thresholds of the checks the Checks and Criteria sheets compute */
	static const struct {
		dk_check_id check;
		int param;
	} th[] = {
		{DK_CHECK_ROW_SUM, 0},        {DK_CHECK_COORDINATOR_SHARE, 0},
		{DK_CHECK_SELF_FINANCING, 0}, {DK_CHECK_YEAR_CHANGE, 0},
		{DK_CHECK_UH_SHARE, 0},       {DK_CHECK_UH_SHARE, 1},
	};
	row++;
	dk_book_str(b, ws, row++, 0, dk_tr(en, "Thresholds of the checks"), b->bold);
	for (size_t k = 0; k < sizeof th / sizeof th[0]; k++) {
		const dk_check_conf *cf = &p->checks[th[k].check];
		const dk_param_def *pd = &dk_checks()[th[k].check].params[th[k].param];
		if (cf->off || !cf->param_set[th[k].param])
			continue;
		int64_t v = cf->param[th[k].param];
		bool amount = pd->kind == DK_PARAM_AMOUNT;
		snprintf(t, sizeof t, "%s: %s", dk_check_title(th[k].check, en),
			 pd->name);
		param(b, ws, &row, t,
		      amount ? (double)v : (double)v / (double)DK_RATIO_ONE, NULL,
		      amount ? b->kr : b->ratio,
		      dk_book_threshold_name(b, th[k].check, th[k].param),
		      cf->by_plan[th[k].param] ? dk_tr(en, "set by the plan")
					       : dk_tr(en, "dekom's default"));
	}
	worksheet_set_column(ws, 0, 0, 40, NULL);
	worksheet_set_column(ws, 1, 1, 16, NULL);
	worksheet_set_column(ws, 2, 2, 16, NULL);
	worksheet_set_column(ws, 3, 3, 60, b->wrap);
	dk_book_print(b, ws, false, 3, 3);
}

/* The why of a unit placed (or not) by the tie order, for a comment. */
static void placed_comment(const dk_rec_row *x, dk_i128 den, int64_t u, bool en,
			   char *buf, size_t size)
{
	dk_i128 ud = (dk_i128)u * den;
	dk_i128 rem = x->x_num % ud;
	char rt[64], ut[48];
	dk_numfmt nf = DK_NUMFMT_PEOPLE(en, 0);
	dk_numtext_ratio(rem, den, 2, &nf, rt, sizeof rt);
	dk_numtext(u, 0, &nf, ut, sizeof ut);
	if (x->rank == 0)
		snprintf(buf, size, "%s",
			 dk_tr(en,
			       "The exact amount is a whole multiple of the unit: "
			       "nothing to place."));
	else if (x->got_unit)
		snprintf(buf, size,
			 dk_tr(en,
			       "%s kr was left below a unit of %s kr. Number %zu in "
			       "the order the units are placed in (largest "
			       "remainder, then larger weight, then earlier row): "
			       "it got one unit."),
			 rt, ut, x->rank);
	else
		snprintf(buf, size,
			 dk_tr(en,
			       "%s kr was left below a unit of %s kr. Number %zu in "
			       "the order the units are placed in (largest "
			       "remainder, then larger weight, then earlier row): "
			       "no unit was left for it, or it was at its cap."),
			 rt, ut, x->rank);
}

/* The weight, floor and cap of network k as formulas over the
 * recommendation sheet's cells (RULES.md §3's table), each stored with
 * dekom's value. */
static void bounds(dk_book *b, lxw_worksheet *ws, const dk_report *r, size_t k,
		   const dk_book_inputs *in, lxw_row_t rr)
{
	const dk_plan *p = r->plan;
	const dk_rec_row *x = &r->rec->rows[k];
	const dk_network *n = &r->nets->items[k];
	bool en = b->en;
	const char *rs = dk_book_sheet_recommendation(b);
	char prev[80] = "", need[80] = "", fte[80] = "", f[300], wc[16], hc[16];
	lxw_row_t ir = (lxw_row_t)(in->first_row + k);
	char cell[16];
	if (in->col_previous >= 0) {
		dk_book_cell(cell, ir, (lxw_col_t)in->col_previous, false);
		snprintf(prev, sizeof prev, "'%s'!%s", rs, cell);
	}
	if (in->col_need >= 0) {
		dk_book_cell(cell, ir, (lxw_col_t)in->col_need, false);
		snprintf(need, sizeof need, "'%s'!%s", rs, cell);
	}
	if (in->col_fte >= 0) {
		dk_book_cell(cell, ir, (lxw_col_t)in->col_fte, false);
		snprintf(fte, sizeof fte, "'%s'!%s", rs, cell);
	}
	dk_book_cell(wc, rr, C_WEIGHT, false);
	dk_book_cell(hc, rr, C_HI, false);
	const char *u = name_unit(b);
	switch (p->method) {
	case DK_METHOD_PRORATA: {
		snprintf(f, sizeof f, "=%s", name_base(b));
		dk_book_formula(b, ws, rr, C_BASE, f, (double)x->base, b->kr);
		snprintf(f, sizeof f, "=%s", fte);
		dk_book_formula(b, ws, rr, C_WEIGHT, fte[0] ? f : "=0",
				(double)x->weight / 100, b->fte);
		if (x->hi >= 0) {
			snprintf(f, sizeof f, "=FLOOR(%s,%s)", need, u);
			dk_book_formula(b, ws, rr, C_HI, f, (double)x->hi, b->kr);
		}
		int64_t prv = n->v[DK_COL_PREVIOUS];
		dk_i128 lnum = (dk_i128)p->floor_previous * prv;
		if (p->floor_previous == 0 || !prev[0]) {
			dk_book_num(b, ws, rr, C_LO, (double)x->lo, b->kr);
		} else if (floor_safe(lnum, DK_RATIO_ONE)) {
			/* floor(share × previous), up to the unit, at most the cap */
			if (x->hi >= 0)
				snprintf(f, sizeof f,
					 "=MIN(CEILING(INT(ROUND(%s*%s,4)),%s),%s)",
					 name_floor_share(b), prev, u, hc);
			else
				snprintf(f, sizeof f, "=CEILING(INT(ROUND(%s*%s,4)),%s)",
					 name_floor_share(b), prev, u);
			dk_book_formula(b, ws, rr, C_LO, f, (double)x->lo, b->kr);
		} else {
			dk_book_num(b, ws, rr, C_LO, (double)x->lo, b->kr);
			dk_book_comment(b, ws, rr, C_LO,
					dk_tr(en,
					      "dekom's exact value: a spreadsheet's "
					      "arithmetic is too coarse to floor this "
					      "share of last year's amount."));
		}
		break;
	}
	case DK_METHOD_NEED:
		dk_book_num(b, ws, rr, C_BASE, 0, b->kr);
		snprintf(f, sizeof f, "=%s", need);
		dk_book_formula(b, ws, rr, C_WEIGHT, f, (double)x->weight, b->kr);
		dk_book_num(b, ws, rr, C_LO, 0, b->kr);
		snprintf(f, sizeof f, "=FLOOR(%s,%s)", wc, u);
		dk_book_formula(b, ws, rr, C_HI, f, (double)x->hi, b->kr);
		break;
	case DK_METHOD_STATUS_QUO:
		dk_book_num(b, ws, rr, C_BASE, 0, b->kr);
		snprintf(f, sizeof f, "=MIN(%s,%s)", prev, need);
		dk_book_formula(b, ws, rr, C_WEIGHT, f, (double)x->weight, b->kr);
		dk_book_num(b, ws, rr, C_LO, 0, b->kr);
		snprintf(f, sizeof f, "=FLOOR(%s,%s)", wc, u);
		dk_book_formula(b, ws, rr, C_HI, f, (double)x->hi, b->kr);
		break;
	}
}

/* The exact amount, the rounding step and the recommended amount of
 * network k (not decided). */
static void amounts(dk_book *b, lxw_worksheet *ws, const dk_report *r, size_t k,
		    lxw_row_t rr)
{
	const dk_recommendation *rec = r->rec;
	const dk_rec_row *x = &rec->rows[k];
	bool en = b->en;
	int64_t u = r->plan->rounding > 0 ? r->plan->rounding : 1;
	char f[300], bc[16], wc[16], lc[16], hc[16], xc[16], fc[16], pc[16], t[600];
	dk_book_cell(bc, rr, C_BASE, false);
	dk_book_cell(wc, rr, C_WEIGHT, false);
	dk_book_cell(lc, rr, C_LO, false);
	dk_book_cell(hc, rr, C_HI, false);
	dk_book_cell(xc, rr, C_EXACT, false);
	dk_book_cell(fc, rr, C_FLOOR, false);
	dk_book_cell(pc, rr, C_PLACED, false);
	if (x->hi >= 0)
		snprintf(f, sizeof f, "=MIN(MAX(%s+%s*%s,%s),%s)", bc, name_lambda(b), wc,
			 lc, hc);
	else
		snprintf(f, sizeof f, "=MAX(%s+%s*%s,%s)", bc, name_lambda(b), wc, lc);
	dk_book_formula(b, ws, rr, C_EXACT, f, dk_book_ratio(x->x_num, rec->lambda_den),
			b->kr2);
	dk_book_str(b, ws, rr, C_STATE, dk_state_label(x->state, en), b->center);
	if (x->state != DK_STATE_FREE) {
		/* exactly its cap or floor, a whole multiple of the unit */
		snprintf(f, sizeof f, "=ROUND(%s,0)", xc);
		dk_book_formula(b, ws, rr, C_FLOOR, f, (double)x->amount, b->kr);
		snprintf(f, sizeof f, "=%s", fc);
		dk_book_formula(b, ws, rr, C_RECOMMENDED, f, (double)x->amount, b->kr);
		return;
	}
	dk_i128 ud = (dk_i128)u * rec->lambda_den;
	dk_kr down = (dk_kr)(x->x_num / ud) * u;
	if (floor_safe(x->x_num, ud)) {
		snprintf(f, sizeof f, "=FLOOR(ROUND(%s,4),%s)", xc, name_unit(b));
		dk_book_formula(b, ws, rr, C_FLOOR, f, (double)down, b->kr);
	} else {
		dk_book_num(b, ws, rr, C_FLOOR, (double)down, b->kr);
		dk_book_comment(b, ws, rr, C_FLOOR,
				dk_tr(en,
				      "dekom's exact value: the exact amount is "
				      "too close below a multiple of the unit for a "
				      "spreadsheet's arithmetic."));
	}
	dk_book_num(b, ws, rr, C_PLACED, x->got_unit ? 1 : 0, NULL);
	placed_comment(x, rec->lambda_den, u, en, t, sizeof t);
	dk_book_comment(b, ws, rr, C_PLACED, t);
	if (down + (x->got_unit ? u : 0) == x->amount) {
		snprintf(f, sizeof f, "=%s+%s*%s", fc, pc, name_unit(b));
		dk_book_formula(b, ws, rr, C_RECOMMENDED, f, (double)x->amount, b->kr);
	} else {
		/* not reached: the rounding is floor plus the units placed */
		dk_book_num(b, ws, rr, C_RECOMMENDED, (double)x->amount, b->kr);
	}
}

void dk_xlsx_calculation(dk_book *b, const dk_report *r, const dk_book_inputs *in)
{
	const dk_recommendation *rec = r->rec;
	const dk_plan *p = r->plan;
	bool en = b->en, dec = p->n_decisions > 0;
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, dk_book_sheet_calculation(b));
	dk_book_str(b, ws, 0, 0, dk_book_sheet_calculation(b), b->title);
	dk_book_str(b, ws, 1, 0,
		    rec->produced
			    ? dk_tr(en,
				    "Each amount as the method computes it (RULES.md "
				    "§3): exact = MIN(MAX(b + λ·w; floor); cap), rounded "
				    "down to the unit, then the units the tie order "
				    "places. The comments say why.")
			    : dk_tr(en,
				    "No amounts: the bases and floors alone exceed "
				    "the frame (see the findings)."),
		    b->note);
	const char *head[] = {
		dk_tr(en, "Network"),
		dk_tr(en, "Base b"),
		dk_tr(en, "Weight w"),
		dk_tr(en, "Floor"),
		dk_tr(en, "Cap"),
		dk_tr(en, "Exact amount"),
		dk_tr(en, "State"),
		dk_tr(en, "Rounded down to the unit"),
		dk_tr(en, "Units placed"),
		dk_tr(en, "Recommended"),
		dk_tr(en, "Method's amount"),
		dk_tr(en, "Reason"),
	};
	int ncols = dec ? C_REASON + 1 : C_RECOMMENDED + 1;
	for (int c = 0; c < ncols; c++)
		dk_book_str(b, ws, CALC_HEAD, (lxw_col_t)c, head[c],
			    c == C_NAME || c == C_STATE || c == C_REASON ? b->head
									 : b->head_num);
	for (size_t k = 0; k < rec->n; k++) {
		const dk_rec_row *x = &rec->rows[k];
		lxw_row_t rr = dk_calc_row(k);
		dk_book_str(b, ws, rr, C_NAME, r->nets->items[k].name, NULL);
		if (x->state == DK_STATE_DECIDED && rec->produced) {
			const dk_decision *d = &p->decisions[x->decision];
			dk_book_str(b, ws, rr, C_STATE, dk_state_label(x->state, en),
				    b->center);
			dk_book_num(b, ws, rr, C_RECOMMENDED, (double)x->amount, b->kr);
			dk_book_comment(b, ws, rr, C_RECOMMENDED,
					dk_tr(en,
					      "The forum's own amount (RULES.md §9); "
					      "the method shares what is left."));
			dk_book_str(b, ws, rr, C_REASON, d->reason, b->wrap);
			worksheet_set_row(
				ws, rr, dk_book_row_height(dk_book_lines(d->reason, 40)),
				NULL);
		} else {
			bounds(b, ws, r, k, in, rr);
			if (rec->produced)
				amounts(b, ws, r, k, rr);
		}
		if (dec && rec->produced && x->method_amount >= 0)
			dk_book_num(b, ws, rr, C_METHOD, (double)x->method_amount, b->kr);
	}
	if (rec->produced && rec->n > 0) {
		lxw_row_t sr = dk_calc_row(rec->n);
		char f[80], a[16], z[16];
		dk_kr sum = 0;
		for (size_t k = 0; k < rec->n; k++)
			sum += rec->rows[k].amount;
		dk_book_str(b, ws, sr, C_NAME, dk_tr(en, "Total"), b->bold);
		dk_book_cell(a, dk_calc_row(0), C_RECOMMENDED, false);
		dk_book_cell(z, dk_calc_row(rec->n - 1), C_RECOMMENDED, false);
		snprintf(f, sizeof f, "=SUM(%s:%s)", a, z);
		dk_book_formula(b, ws, sr, C_RECOMMENDED, f, (double)sum, b->kr_bold);
	}
	worksheet_set_column(ws, C_NAME, C_NAME, 28, NULL);
	for (int c = C_BASE; c < ncols; c++)
		dk_book_head_width(ws, (lxw_col_t)c, head[c],
				   c == C_STATE || c == C_PLACED ? 9
					   : c == C_REASON       ? 40
								 : 13,
				   c == C_REASON ? b->wrap : NULL);
	worksheet_set_row(ws, CALC_HEAD, 45, NULL);
	worksheet_freeze_panes(ws, CALC_HEAD + 1, 1);
	dk_book_print(b, ws, true, CALC_HEAD, CALC_HEAD);
}

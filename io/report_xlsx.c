/*
 * report_xlsx.c: the recommendation as an Excel workbook (`-f xlsx`),
 * written with libxlsxwriter, for the forum meeting.
 *
 * Five sheets: the recommendation (the frame, then the grid of io/grid.h),
 * the institutions, the criteria sheet, the findings, and the manifest.
 * Amounts are numbers, not text, so the forum can compute with them; the
 * sums, the UH shares, "not allocated" and the institutions' totals are
 * formulas over the cells they add up, each stored with the value dekom
 * computed, so a reader that does not recalculate shows the right figure
 * and one that does shows the same (the tests recalculate with LibreOffice
 * and compare). Whole kroner are exact in a double below 2^53 (amounts are
 * at most 10^12); shares and percentages are converted once, here, since a
 * spreadsheet cell holds nothing else. The document's creation time is
 * fixed to 1 January of the plan year, so equal inputs give equal files.
 *
 * Every text goes in with worksheet_write_string, never as a formula, so
 * a network named `=HYPERLINK(…)` is stored as a string and not evaluated
 * when the workbook opens. It would become a formula if someone edited the
 * cell (F2, Enter) or saved the sheet as CSV and opened that, so a text
 * that starts with = + - @ TAB or CR gets a leading single quote, as in
 * the CSV outputs (io/escape.h): one rule for every spreadsheet dekom
 * writes. (libxlsxwriter 1.1.4 has no "quote prefix" format, which would
 * hide the quote.)
 */
#include <cjson/cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "models/exact.h"
#include "io/escape.h"
#include "io/grid.h"
#include "io/outfile.h"
#include "io/i18n.h"
#include "io/report.h"
#include "io/xlsx_book.h"

/* Where the recommendation sheet put what the other sheets refer to: the
 * totals row, and the columns of the recommended amount, of the first
 * institution's UP2 and of other/uncertain. */
typedef struct {
	lxw_row_t sum_row;
	lxw_col_t col_recommended, col_up2_first, col_other;
} layout;

/* One component of network k's recommended amount (RULES.md §4): its
 * planned line's share of the amount, rounded down, as a formula over the
 * budget, plus the krone the tie order placed there (a literal +1, said in
 * a comment); "unspecified" is the whole amount when no line is planned.
 * dekom's value where a double could not hold the product. */
static void component_cell(dk_book *b, lxw_worksheet *ws, const dk_report *r, size_t k,
			   lxw_row_t rr, lxw_col_t cc, dk_grid_col col, size_t inst,
			   dk_kr value, lxw_col_t col_recommended,
			   const dk_book_budget *bud)
{
	const dk_network *n = &r->nets->items[k];
	dk_kr a = r->rec->rows[k].amount, line = 0;
	int bc = -1;
	switch (col) {
	case DK_GC_OWN: bc = bud->col_own, line = n->v[DK_COL_OWN]; break;
	case DK_GC_COORDINATOR:
		bc = bud->col_coordinator, line = n->v[DK_COL_COORDINATOR];
		break;
	case DK_GC_UP2: bc = bud->col_up2_first + (int)inst, line = n->uh[inst]; break;
	case DK_GC_UH_OTHER: bc = bud->col_other, line = n->v[DK_COL_UH_OTHER]; break;
	default: break;
	}
	dk_kr sum = n->v[DK_COL_OWN] + n->v[DK_COL_COORDINATOR] + n->v[DK_COL_UH_OTHER];
	for (size_t i = 0; i < r->plan->n_institutions; i++)
		sum += n->uh[i];
	char f[300], ac[16], lc[96], sc[96];
	dk_book_cell(ac, rr, col_recommended, false);
	dk_book_budget_ref(bud, bud->col_sum, k, sc, sizeof sc);
	if (col == DK_GC_UNSPECIFIED) {
		snprintf(f, sizeof f, "=IF(%s=0,%s,0)", sc, ac);
		dk_book_formula(b, ws, rr, cc, f, (double)value, b->kr);
		return;
	}
	if (sum <= 0 || !dk_book_exact((dk_i128)a * sum * 4, 0) ||
	    !dk_book_int_safe((dk_i128)a * line, sum)) {
		dk_book_num(b, ws, rr, cc, (double)value, b->kr);
		return;
	}
	dk_kr down = (dk_kr)((dk_i128)a * line / sum);
	dk_book_budget_ref(bud, bc, k, lc, sizeof lc);
	snprintf(f, sizeof f, "=INT(%s*%s/%s)%s", ac, lc, sc, value > down ? "+1" : "");
	dk_book_formula(b, ws, rr, cc, f, (double)value, b->kr);
	if (value > down)
		dk_book_comment(b, ws, rr, cc,
				dk_tr(b->en,
				      "+1: the krone left when the amount was split "
				      "over the budget lines and rounded down goes "
				      "here (largest remainder first, then the "
				      "larger line, then the earlier one)."));
}

static void sheet_recommendation(dk_book *b, const dk_report *r, const dk_grid *g,
				 layout *lay, dk_book_inputs *in,
				 const dk_book_budget *bud)
{
	const dk_recommendation *rec = r->rec;
	lxw_worksheet *ws =
		workbook_add_worksheet(b->wb, dk_book_sheet_recommendation(b));
	char t[256], year[16] = "";
	if (rec->year)
		snprintf(year, sizeof year, " %d", rec->year);
	snprintf(t, sizeof t, "%s%s (%s %s)", dk_tr(b->en, "Recommendation"), year,
		 dk_tr(b->en, "method"), dk_method_label(r->plan->method, b->en));
	dk_book_str(b, ws, 0, 0, t, b->title);
	/* the plan's title (forum, case, meeting, draft) under it */
	const dk_title *pt = &r->plan->title;
	if ((pt->forum && *pt->forum) || (pt->case_no && *pt->case_no) ||
	    (pt->meeting && *pt->meeting))
		dk_book_str(b, ws, 1, 0, b->header, b->bold);
	/* the frame */
	lxw_row_t row = 2, f_row = 0;
	if (rec->has_total) {
		dk_book_str(b, ws, row, 0, dk_trc(b->en, "frame", "Total"), NULL);
		dk_book_num(b, ws, row++, 1, (double)rec->total, b->kr);
	}
	dk_book_str(b, ws, row, 0, dk_tr(b->en, "Pro-rata frame"), NULL);
	f_row = row;
	snprintf(t, sizeof t, "=%s", dk_book_frame_name(b));
	dk_book_formula(b, ws, row++, 1, t, (double)rec->prorata, b->kr);
	dk_book_str(b, ws, row, 0,
		    dk_tr(b->en, "Direct transfer to the universities (UP1)"), NULL);
	dk_book_num(b, ws, row++, 1, (double)rec->direct, b->kr);
	dk_book_str(b, ws, row, 0, dk_tr(b->en, "Common measures"), NULL);
	dk_book_num(b, ws, row++, 1, (double)rec->measures, b->kr);
	dk_book_str(b, ws, row, 0, dk_tr(b->en, "Reserve"), NULL);
	dk_book_num(b, ws, row++, 1, (double)rec->reserve, b->kr);
	lxw_row_t unused_row = row;
	if (rec->produced) {
		dk_book_str(b, ws, row++, 0, dk_tr(b->en, "Not allocated"), NULL);
		dk_lambda_text l;
		dk_lambda_format(rec->lambda_num, rec->lambda_den, rec->lambda_scale,
				 true, b->en, &l);
		dk_book_str(b, ws, row, 0, "λ", NULL);
		snprintf(t, sizeof t, "%s %s (%s/%s)", l.decimal, l.unit, l.num, l.den);
		dk_book_str(b, ws, row++, 1, t, NULL);
	} else {
		dk_book_str(b, ws, row++, 0, dk_tr(b->en, "No amounts: see the findings"),
			    b->bold);
	}
	/* the grid */
	lxw_row_t top = row + 1;
	memset(lay, 0, sizeof *lay);
	in->first_row = top + 1;
	in->col_previous = in->col_need = in->col_fte = -1;
	for (size_t c = 0; c < g->ncols; c++) {
		if (g->col[c] == DK_GC_PREVIOUS)
			in->col_previous = (int)c;
		if (g->col[c] == DK_GC_NEED)
			in->col_need = (int)c;
		if (g->col[c] == DK_GC_FTE)
			in->col_fte = (int)c;
		if (g->col[c] == DK_GC_RECOMMENDED)
			lay->col_recommended = (lxw_col_t)c;
		if (g->col[c] == DK_GC_UP2 && g->inst[c] == 0)
			lay->col_up2_first = (lxw_col_t)c;
		if (g->col[c] == DK_GC_UH_OTHER)
			lay->col_other = (lxw_col_t)c;
	}
	lay->sum_row = (lxw_row_t)(top + g->nrows - 1);
	for (size_t i = 0; i < g->nrows; i++) {
		lxw_row_t rr = (lxw_row_t)(top + i);
		bool sum = i == g->nrows - 1;
		for (size_t c = 0; c < g->ncols; c++) {
			const dk_cell *x = dk_grid_at(g, i, c);
			lxw_col_t cc = (lxw_col_t)c;
			char a[16], z[16], f[160], e[16];
			lxw_rowcol_to_cell(a, top + 1, cc);
			lxw_rowcol_to_cell(z, (lxw_row_t)(lay->sum_row - 1), cc);
			switch (x->kind) {
			case DK_CELL_TEXT: {
				lxw_format *hf = dk_grid_col_numeric(g->col[c])
					? b->head_num
					: b->head;
				dk_book_str(b, ws, rr, cc, x->text,
					    i == 0        ? hf
						    : sum ? b->bold
							  : NULL);
				break;
			}
			case DK_CELL_KR:
				if (g->col[c] == DK_GC_RECOMMENDED && !sum && i > 0 &&
				    rec->produced) {
					/* the calculation sheet's amount */
					char ref[16];
					dk_book_cell(ref, dk_calc_row(i - 1),
						     dk_calc_col_recommended(), true);
					snprintf(f, sizeof f, "='%s'!%s",
						 dk_book_sheet_calculation(b), ref);
					dk_book_formula(b, ws, rr, cc, f, (double)x->v,
							b->kr);
				} else if (!sum && i > 0 && rec->produced &&
					   (g->col[c] == DK_GC_OWN ||
					    g->col[c] == DK_GC_COORDINATOR ||
					    g->col[c] == DK_GC_UP2 ||
					    g->col[c] == DK_GC_UH_OTHER ||
					    g->col[c] == DK_GC_UNSPECIFIED)) {
					component_cell(b, ws, r, i - 1, rr, cc, g->col[c],
						       g->inst[c], x->v,
						       lay->col_recommended, bud);
				} else if (sum && g->nrows > 2) {
					snprintf(f, sizeof f, "=SUM(%s:%s)", a, z);
					dk_book_formula(b, ws, rr, cc, f, (double)x->v,
							b->kr_bold);
				} else {
					dk_book_num(b, ws, rr, cc, (double)x->v,
						    sum ? b->kr_bold : b->kr);
				}
				break;
			case DK_CELL_FTE:
				if (sum && g->nrows > 2) {
					snprintf(f, sizeof f, "=SUM(%s:%s)", a, z);
					dk_book_formula(b, ws, rr, cc, f,
							(double)x->v / 100, b->fte_bold);
				} else {
					dk_book_num(b, ws, rr, cc, (double)x->v / 100,
						    sum ? b->fte_bold : b->fte);
				}
				break;
			case DK_CELL_SHARE: {
				/* (Σ UP2 + other) ÷ recommended, from the cells */
				lxw_rowcol_to_cell(a, rr, lay->col_up2_first);
				lxw_rowcol_to_cell(z, rr, lay->col_other);
				lxw_rowcol_to_cell(e, rr, lay->col_recommended);
				if (r->plan->n_institutions == 0)
					lxw_rowcol_to_cell(a, rr, lay->col_other);
				snprintf(f, sizeof f, "=SUM(%s:%s)/%s", a, z, e);
				dk_book_formula(b, ws, rr, cc, f,
						dk_book_ratio(x->num, x->den),
						sum ? b->pct_bold : b->pct);
				break;
			}
			case DK_CELL_EMPTY: break;
			}
		}
	}
	if (rec->produced) {
		/* not allocated = F − Σ recommended */
		char fr[16], s[16], f[64];
		lxw_rowcol_to_cell(fr, f_row, 1);
		lxw_rowcol_to_cell(s, lay->sum_row, lay->col_recommended);
		snprintf(f, sizeof f, "=%s-%s", fr, s);
		dk_book_formula(b, ws, unused_row, 1, f,
				(double)(rec->unused + rec->reserve_cut), b->kr);
	}
	worksheet_set_column(ws, 0, 0, 24, NULL);
	for (size_t c = 1; c < g->ncols; c++) {
		const char *h = dk_grid_at(g, 0, c)->text;
		if (g->col[c] == DK_GC_STATE)
			dk_book_head_width(ws, (lxw_col_t)c, h, 9, b->center);
		else if (g->col[c] == DK_GC_UH_SHARE)
			dk_book_head_width(ws, (lxw_col_t)c, h, 8, NULL);
		else
			dk_book_head_width(ws, (lxw_col_t)c, h, 11, NULL);
	}
	/* the header row wraps its labels: tall enough for three lines */
	worksheet_set_row(ws, top, 45, NULL);
	worksheet_freeze_panes(ws, top + 1, 1);
	dk_book_print(b, ws, true, (int)top, (int)top);
}

/* Institution i's direct transfer (RULES.md §2) as a formula over the
 * named D where the split is one: equal, INT(Direkte/n); shares,
 * INT(Direkte*share), each plus the krone the tie order placed (a literal
 * +1 with a comment). An amount is the plan's own; a split by the
 * networks' UP1 assignments is dekom's value with a comment. */
static void direct_cell(dk_book *b, lxw_worksheet *ws, const dk_report *r, size_t i,
			lxw_row_t row)
{
	const dk_plan *p = r->plan;
	dk_kr v = r->rec->inst_direct[i], D = r->rec->direct, down = -1;
	char f[200];
	const char *dn = dk_book_direct_name(b);
	size_t n = p->n_institutions;
	if (p->split == DK_SPLIT_EQUAL && dk_book_int_safe(D, (dk_i128)n)) {
		down = D / (dk_kr)n;
		snprintf(f, sizeof f, "=INT(%s/%zu)", dn, n);
	} else if (p->split == DK_SPLIT_SHARES && p->shares &&
		   dk_book_int_safe((dk_i128)D * p->shares[i], DK_RATIO_ONE)) {
		down = (dk_kr)((dk_i128)D * p->shares[i] / DK_RATIO_ONE);
		snprintf(f, sizeof f, "=INT(%s*%lld/1000000)", dn,
			 (long long)p->shares[i]);
	}
	if (down < 0 || v - down > 1 || v < down) {
		dk_book_num(b, ws, row, 1, (double)v, b->kr);
		if (p->split == DK_SPLIT_BY_UP1)
			dk_book_comment(b, ws, row, 1,
					dk_tr(b->en,
					      "dekom's split of the direct transfer "
					      "by the networks' UP1 assignments "
					      "(RULES.md §2)."));
		return;
	}
	if (v > down) {
		size_t len = strlen(f);
		snprintf(f + len, sizeof f - len, "+1");
	}
	dk_book_formula(b, ws, row, 1, f, (double)v, b->kr);
	if (v > down)
		dk_book_comment(b, ws, row, 1,
				dk_tr(b->en,
				      "+1: the krone left when the direct transfer "
				      "was split and rounded down goes here (largest "
				      "remainder first, then the earlier "
				      "institution)."));
}

static void sheet_institutions(dk_book *b, const dk_report *r, const layout *lay)
{
	const dk_recommendation *rec = r->rec;
	const dk_plan *p = r->plan;
	lxw_worksheet *ws =
		workbook_add_worksheet(b->wb,
				       dk_book_sheet_name(b, DK_SLOT_INSTITUTIONS,
							  dk_tr(b->en, "Institutions")));
	const char *head[] = {dk_tr(b->en, "Institution"), dk_tr(b->en, "Direct (UP1)"),
			      "UP2", dk_tr(b->en, "Total")};
	for (lxw_col_t c = 0; c < 4; c++)
		dk_book_str(b, ws, 0, c, head[c], b->head);
	const char *rec_sheet = dk_book_sheet_recommendation(b);
	lxw_row_t row = 1;
	char f[160], a[16];
	for (size_t i = 0; i < p->n_institutions; i++, row++) {
		dk_book_str(b, ws, row, 0, p->institutions[i].id, NULL);
		direct_cell(b, ws, r, i, row);
		if (!rec->produced)
			continue;
		/* UP2: the institution's column in the recommendation's sums */
		lxw_rowcol_to_cell(a, lay->sum_row, (lxw_col_t)(lay->col_up2_first + i));
		snprintf(f, sizeof f, "='%s'!%s", rec_sheet, a);
		dk_book_formula(b, ws, row, 2, f, (double)rec->inst_up2[i], b->kr);
		snprintf(f, sizeof f, "=B%u+C%u", (unsigned)row + 1, (unsigned)row + 1);
		dk_book_formula(b, ws, row, 3, f,
				(double)(rec->inst_direct[i] + rec->inst_up2[i]), b->kr);
	}
	worksheet_set_column(ws, 0, 0, 34, NULL);
	worksheet_set_column(ws, 1, 3, 14, NULL);
	dk_book_print(b, ws, false, 0, 0);
	if (!rec->produced)
		return;
	dk_book_str(b, ws, row, 0, dk_tr(b->en, "Other/uncertain"), NULL);
	lxw_rowcol_to_cell(a, lay->sum_row, lay->col_other);
	snprintf(f, sizeof f, "='%s'!%s", rec_sheet, a);
	dk_book_formula(b, ws, row, 2, f, (double)rec->total_other, b->kr);
	snprintf(f, sizeof f, "=C%u", (unsigned)row + 1);
	dk_book_formula(b, ws, row, 3, f, (double)rec->total_other, b->kr);
	row++;
	dk_kr up2 = rec->total_other;
	for (size_t i = 0; i < p->n_institutions; i++)
		up2 += rec->inst_up2[i];
	dk_book_str(b, ws, row, 0, dk_tr(b->en, "Total"), b->bold);
	static const char *const cols = "BCD";
	double v[3] = {(double)rec->direct, (double)up2, (double)(rec->direct + up2)};
	for (int c = 0; c < 3; c++) {
		snprintf(f, sizeof f, "=SUM(%c2:%c%u)", cols[c], cols[c], (unsigned)row);
		dk_book_formula(b, ws, row, (lxw_col_t)(c + 1), f, v[c], b->kr_bold);
	}
	/* (D + Σ UP2 + Σ other) ÷ (D + Σ recommended) */
	lxw_row_t sum = row;
	row += 2;
	dk_kr rsum = 0;
	for (size_t k = 0; k < rec->n; k++)
		rsum += rec->rows[k].amount;
	dk_book_str(b, ws, row, 0, dk_tr(b->en, "UH share in all"), b->bold);
	lxw_rowcol_to_cell(a, lay->sum_row, lay->col_recommended);
	snprintf(f, sizeof f, "=D%u/(B%u+'%s'!%s)", (unsigned)sum + 1, (unsigned)sum + 1,
		 rec_sheet, a);
	if (rec->direct + rsum > 0)
		dk_book_formula(b, ws, row, 3, f,
				dk_book_ratio((dk_i128)rec->direct + up2,
					      (dk_i128)rec->direct + rsum),
				b->pct_bold);
}

/* Colours an answer of the forum's scale wherever it stands in the range:
 * nei light red, delvis light yellow (a member who types one in sees it
 * too). */
static void colour_answers(dk_book *b, lxw_worksheet *ws, lxw_row_t last)
{
	static const struct {
		const char *word;
		lxw_color_t fill;
	} answers[] = {{"\"nei\"", 0xF8CBAD}, {"\"delvis\"", 0xFFE699}};
	for (size_t k = 0; k < sizeof answers / sizeof answers[0]; k++) {
		lxw_format *f = workbook_add_format(b->wb);
		format_set_bg_color(f, answers[k].fill);
		lxw_conditional_format cf = {
			.type = LXW_CONDITIONAL_TYPE_CELL,
			.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO,
			.value_string = (char *)answers[k].word,
			.format = f,
		};
		dk_book_note(b,
			     worksheet_conditional_format_range(ws, 1, 1, last, 6, &cf));
	}
}

/* The computed criteria of network k (columns 4-6 of the criteria sheet)
 * as formulas over the budget (UH identified, limited coordinator) and the
 * recommendation's components (reasonable UH share), stored with dekom's
 * answers; blank and a value where dekom does not judge. */
static void criteria_formulas(dk_book *b, lxw_worksheet *ws, const dk_report *r, size_t k,
			      const char *cells[DK_CRITERIA_COLS], const layout *lay,
			      const dk_book_inputs *in, const dk_book_budget *bud)
{
	const dk_plan *p = r->plan;
	const dk_network *n = &r->nets->items[k];
	const dk_rec_row *row = &r->rec->rows[k];
	lxw_row_t rr = (lxw_row_t)(k + 1);
	char f[1200], a[96], z[96], need[96], coord[96], up2[200];
	/* UH identified? from the planned lines */
	dk_book_budget_ref(bud, bud->col_up2_first, k, a, sizeof a);
	dk_book_budget_ref(bud, bud->col_other, k, z, sizeof z);
	const char *zc = strchr(z, '!') + 1; /* the range's end, on the same sheet */
	snprintf(up2, sizeof up2, "SUM(%s:%s)", a, zc);
	snprintf(f, sizeof f,
		 "=IF(%s=0,\"\",IF(%s=0,\"ja\",IF(%s=%s,\"nei\",\"delvis\")))", up2, z, z,
		 up2);
	dk_book_note(b, worksheet_write_formula_str(ws, rr, 4, f, b->center, cells[4]));
	/* limited coordinator? by coordinator-share */
	const dk_check_conf *cs = &p->checks[DK_CHECK_COORDINATOR_SHARE];
	dk_kr nd = n->v[DK_COL_NEED], co = n->v[DK_COL_COORDINATOR];
	dk_book_budget_ref(bud, bud->col_need, k, need, sizeof need);
	dk_book_budget_ref(bud, bud->col_coordinator, k, coord, sizeof coord);
	if (cs->off) {
		dk_book_str(b, ws, rr, 6, cells[6], b->center);
	} else if (dk_book_exact((dk_i128)co * DK_RATIO_ONE,
				 (dk_i128)cs->param[0] * nd)) {
		snprintf(
			f, sizeof f,
			"=IF(%s>0,IF(%s*1000000<=ROUND(%s*1000000,0)*%s,\"ja\",\"nei\"),\"\")",
			need, coord,
			dk_book_threshold_name(b, DK_CHECK_COORDINATOR_SHARE, 0), need);
		dk_book_note(b,
			     worksheet_write_formula_str(ws, rr, 6, f, b->center,
							 cells[6]));
	} else {
		dk_book_str(b, ws, rr, 6, cells[6], b->center);
	}
	/* reasonable UH share? by the uh-share bounds that are set, on the
	 * recommended components */
	const dk_check_conf *us = &p->checks[DK_CHECK_UH_SHARE];
	if (!r->rec->produced || us->off || (!us->param_set[0] && !us->param_set[1])) {
		dk_book_str(b, ws, rr, 5, cells[5], b->center);
		return;
	}
	char uh[200], rec[96], cell[16], cell2[16], lo[400] = "", hi[400] = "";
	const char *rs = dk_book_sheet_recommendation(b);
	lxw_row_t ir = (lxw_row_t)(in->first_row + k);
	dk_book_cell(cell, ir, lay->col_up2_first, false);
	dk_book_cell(cell2, ir, lay->col_other, false);
	if (p->n_institutions == 0)
		dk_book_cell(cell, ir, lay->col_other, false);
	snprintf(uh, sizeof uh, "SUM('%s'!%s:%s)", rs, cell, cell2);
	dk_book_cell(cell, ir, lay->col_recommended, false);
	snprintf(rec, sizeof rec, "'%s'!%s", rs, cell);
	dk_kr u = row->uh_other;
	for (size_t i = 0; i < p->n_institutions; i++)
		u += row->uh[i];
	bool exact = true;
	for (int j = 0; j < 2; j++) {
		if (!us->param_set[j])
			continue;
		exact = exact &&
			dk_book_exact((dk_i128)u * DK_RATIO_ONE,
				      (dk_i128)us->param[j] * row->amount);
		snprintf(j ? hi : lo, sizeof lo, "%s*1000000%sROUND(%s*1000000,0)*%s", uh,
			 j ? "<=" : ">=", dk_book_threshold_name(b, DK_CHECK_UH_SHARE, j),
			 rec);
	}
	if (!exact) {
		dk_book_str(b, ws, rr, 5, cells[5], b->center);
		return;
	}
	snprintf(f, sizeof f, "=IF(%s>0,IF(AND(%s%s%s),\"ja\",\"nei\"),\"\")", rec, lo,
		 lo[0] && hi[0] ? "," : "", hi);
	dk_book_note(b, worksheet_write_formula_str(ws, rr, 5, f, b->center, cells[5]));
}

static void sheet_criteria(dk_book *b, const dk_report *r, const layout *lay,
			   const dk_book_inputs *in, const dk_book_budget *bud)
{
	lxw_worksheet *ws = workbook_add_worksheet(
		b->wb, dk_book_sheet_name(b, DK_SLOT_CRITERIA, dk_tr(b->en, "Criteria")));
	const char *const *head = dk_criteria_heads(b->en);
	for (lxw_col_t c = 0; c < DK_CRITERIA_COLS; c++)
		dk_book_str(b, ws, 0, c, head[c], b->head);
	worksheet_set_row(ws, 0, 30, NULL);
	for (size_t k = 0; k < r->rec->n; k++) {
		const char *cells[DK_CRITERIA_COLS];
		dk_criteria_row(r, k, cells);
		for (lxw_col_t c = 0; c < 4; c++)
			dk_book_str(b, ws, (lxw_row_t)(k + 1), c, cells[c],
				    c ? b->center : NULL);
		criteria_formulas(b, ws, r, k, cells, lay, in, bud);
	}
	lxw_row_t last = (lxw_row_t)(r->rec->n ? r->rec->n : 1);
	colour_answers(b, ws, last);
	/* why a computed column is blank throughout */
	char notes[2][300];
	size_t nn = dk_criteria_notes(r, notes);
	for (size_t k = 0; k < nn; k++)
		dk_book_str(b, ws, (lxw_row_t)(last + 2 + k), 0, notes[k], b->note);
	worksheet_set_column(ws, 0, 0, 28, NULL);
	worksheet_set_column(ws, 1, 6, 17, NULL);
	worksheet_freeze_panes(ws, 1, 1);
	dk_book_print(b, ws, true, 0, 0);
}

static void sheet_findings(dk_book *b, const dk_report *r)
{
	const dk_findings *fs = &r->rec->findings;
	lxw_worksheet *ws = workbook_add_worksheet(
		b->wb, dk_book_sheet_name(b, DK_SLOT_FINDINGS, dk_tr(b->en, "Findings")));
	const char *head[] = {
		dk_tr(b->en, "Severity"),   dk_tr(b->en, "Check"),
		dk_tr(b->en, "Network"),    dk_tr(b->en, "Field"),
		dk_tr(b->en, "Expected"),   dk_tr(b->en, "Actual"),
		dk_tr(b->en, "Difference"), dk_tr(b->en, "Message"),
	};
	for (lxw_col_t c = 0; c < 8; c++)
		dk_book_str(b, ws, 0, c, head[c], b->head);
	for (size_t i = 0; i < fs->n; i++) {
		const dk_finding *x = &fs->items[i];
		lxw_row_t rr = (lxw_row_t)(i + 1);
		dk_book_str(b, ws, rr, 0, dk_severity_label(x->severity, b->en), b->top);
		dk_book_str(b, ws, rr, 1, dk_check_title(x->check, b->en), b->top);
		if (x->network >= 0)
			dk_book_str(b, ws, rr, 2, r->nets->items[x->network].name,
				    b->top);
		dk_book_str(b, ws, rr, 3, dk_field_label(x->field, b->en), b->top);
		if (x->has_numbers) {
			int64_t v[3] = {x->expected, x->actual, x->difference};
			double scale = 1;
			for (int s = 0; s < x->scale; s++)
				scale *= 10;
			lxw_format *f = x->scale == 0 ? b->kr_top
				: x->scale == 2       ? b->dec2_top
						      : b->dec6_top;
			for (int c = 0; c < 3; c++)
				dk_book_num(b, ws, rr, (lxw_col_t)(4 + c),
					    (double)v[c] / scale, f);
		}
		const char *msg = dk_finding_message(x, b->en);
		dk_book_str(b, ws, rr, 7, msg, b->wrap);
		worksheet_set_row(ws, rr, dk_book_row_height(dk_book_lines(msg, 70)),
				  NULL);
	}
	/* the checks that could not run, said below the list */
	lxw_row_t nr = (lxw_row_t)fs->n + 2;
	if (r->rec->not_checked)
		dk_book_str(b, ws, nr++, 0,
			    dk_tr(b->en,
				  "Not checked (the check is on, but its "
				  "column is absent):"),
			    b->bold);
	for (int c = 0; c < DK_CHECK_COUNT; c++)
		if ((r->rec->not_checked >> c) & 1u) {
			dk_book_str(b, ws, nr, 1, dk_check_title((dk_check_id)c, b->en),
				    NULL);
			dk_book_str(b, ws, nr++, 7,
				    dk_not_checked_reason((dk_check_id)c, b->en),
				    b->wrap);
		}
	worksheet_set_column(ws, 0, 1, 22, NULL);
	worksheet_set_column(ws, 2, 2, 28, NULL);
	worksheet_set_column(ws, 3, 3, 18, NULL);
	worksheet_set_column(ws, 4, 6, 12, NULL);
	worksheet_set_column(ws, 7, 7, 70, NULL);
	worksheet_freeze_panes(ws, 1, 0);
	if (fs->n)
		dk_book_note(b, worksheet_autofilter(ws, 0, 0, (lxw_row_t)fs->n, 7));
	dk_book_print(b, ws, true, 0, 0);
}

/* A JSON value of the manifest's parameters as cell text. */
static void put_json_value(dk_book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
			   const cJSON *v)
{
	if (cJSON_IsString(v)) {
		dk_book_str(b, ws, r, c, v->valuestring, NULL);
	} else if (cJSON_IsRaw(v)) {
		/* a number's exact text, written by dekom: never a formula */
		dk_book_note(b, worksheet_write_string(ws, r, c, v->valuestring, NULL));
	} else if (cJSON_IsBool(v)) {
		dk_book_str(b, ws, r, c, cJSON_IsTrue(v) ? "true" : "false", NULL);
	}
}

static void sheet_manifest(dk_book *b, const dk_report *r, cJSON *m)
{
	lxw_worksheet *ws = workbook_add_worksheet(
		b->wb, dk_book_sheet_name(b, DK_SLOT_MANIFEST, dk_tr(b->en, "Manifest")));
	lxw_row_t row = 0;
	dk_book_str(b, ws, row, 0, dk_tr(b->en, "Computed by"), b->bold);
	dk_book_str(b, ws, row++, 1, "dekom " DEKOM_VERSION, NULL);
	dk_book_str(b, ws, row, 0, dk_tr(b->en, "Method"), b->bold);
	dk_book_str(b, ws, row++, 1, dk_method_name(r->plan->method), NULL);
	const cJSON *par = cJSON_GetObjectItemCaseSensitive(m, "parameters");
	for (const cJSON *v = par ? par->child : NULL; v; v = v->next) {
		dk_book_str(b, ws, row, 0, v->string, NULL);
		put_json_value(b, ws, row++, 1, v);
	}
	row++;
	const char *head[] = {dk_tr(b->en, "Input"), dk_tr(b->en, "Path"), "SHA-256"};
	for (lxw_col_t c = 0; c < 3; c++)
		dk_book_str(b, ws, row, c, head[c], b->head);
	row++;
	const cJSON *in = cJSON_GetObjectItemCaseSensitive(m, "inputs");
	for (const cJSON *v = in ? in->child : NULL; v; v = v->next, row++) {
		static const char *const keys[] = {"role", "path", "sha256"};
		for (lxw_col_t c = 0; c < 3; c++)
			put_json_value(b, ws, row, c,
				       cJSON_GetObjectItemCaseSensitive(v, keys[c]));
	}
	worksheet_set_column(ws, 0, 0, 22, NULL);
	worksheet_set_column(ws, 1, 1, 40, b->wrap);
	worksheet_set_column(ws, 2, 2, 66, NULL);
	dk_book_print(b, ws, true, -1, -1);
}

dk_status dk_report_xlsx_sheets(dk_book *b, const dk_report *r)
{
	/* the findings have their own sheet, with a network column to filter */
	dk_grid_opts go = {b->en ? DK_GRID_EN : DK_GRID_NB, false, true};
	dk_grid g;
	if (dk_grid_build(&g, r, &go) != DK_OK)
		return DK_ENOMEM;
	cJSON *m = dk_manifest_cjson(r);
	if (!m) {
		dk_grid_release(&g);
		return DK_ENOMEM;
	}
	dk_report_heading(r, b->header, sizeof b->header);
	layout lay;
	dk_book_inputs in;
	dk_book_budget bud;
	dk_book_budget_layout(b, r, &bud);
	sheet_recommendation(b, r, &g, &lay, &in, &bud);
	dk_xlsx_calculation(b, r, &in);
	dk_xlsx_budget(b, r, &bud);
	dk_xlsx_checks(b, r, &bud);
	dk_xlsx_parameters(b, r);
	sheet_institutions(b, r, &lay);
	sheet_criteria(b, r, &lay, &in, &bud);
	sheet_findings(b, r);
	sheet_manifest(b, r, m);
	cJSON_Delete(m);
	dk_grid_release(&g);
	return DK_OK;
}

dk_status dk_report_xlsx(const dk_report *r, const char *path, const char *name,
			 dk_error *d)
{
	dk_book b = {0};
	b.en = r->english;
	if (!dk_book_open(&b, path, dk_tr(b.en, "Recommendation"),
			  r->rec->year ? r->rec->year : 2000)) {
		dk_error_add(d, name, 0, 0, "%s", _("cannot create the workbook"));
		return DK_EIO;
	}
	dk_status st = dk_report_xlsx_sheets(&b, r);
	dk_status cl = dk_book_close(&b, name, d);
	return st != DK_OK ? st : cl;
}

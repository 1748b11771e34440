/*
 * xlsx_price.c: `dekom price -f xlsx`, the template's prices as a workbook
 * an economist can audit (RULES.md section 6, docs/pricing.md).
 *
 * Roles: each hourly full cost from salary, social cost rate, indirect
 * cost per FTE-year and productive hours, as a formula. Day: the
 * activities of a delivery day, their factors and hours, and the work hours
 * per person-day (Σ hours × factor). Staffing: who is on a day, charged and
 * in full, per hour. Packages: cost and full cost (days × (staff per hour ×
 * work hours + travel), rounded half up to øre), margin, price (cost × (1 +
 * margin) rounded up to the template's unit), price per day and the
 * invoice plan, all formulas; with -n/-p, Budgets: what each network's UP2
 * money buys (the search is dekom's; what it costs and leaves are
 * formulas). Every formula is stored with dekom's exact value in kroner
 * (øre / 100). A rounding the spreadsheet's doubles could take the other
 * way (an exact amount within 10⁻⁴ øre of a half, a price per day exactly
 * on a half øre) is dekom's value with a comment instead.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/i18n.h"
#include "io/xlsx_book.h"
#include "io/report_price.h"
#include "io/strbuf.h"

static double kr_of(int64_t ore)
{
	return (double)ore / 100;
}

static double e4(int64_t v)
{
	return (double)v / 10000;
}

/* Roles: row r + 1 per role; F holds its hourly cost in kroner. */
static void sheet_roles(dk_book *b, const dk_price_report *r)
{
	const dk_pricing *p = r->tpl;
	bool en = b->en;
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, dk_trc(en, "sheet", "Roles"));
	const char *head[] = {dk_tr(en, "Role"),
			      dk_tr(en, "Annual salary"),
			      dk_tr(en, "Social cost rate"),
			      dk_tr(en, "Indirect cost per FTE-year"),
			      dk_tr(en, "Productive hours"),
			      dk_tr(en, "Hourly full cost")};
	for (lxw_col_t c = 0; c < 6; c++) {
		dk_book_str(b, ws, 0, c, head[c], c ? b->head_num : b->head);
		dk_book_head_width(ws, c, head[c], c ? 14 : 24, NULL);
	}
	for (size_t i = 0; i < p->n_roles; i++) {
		const dk_role *ro = &p->roles[i];
		lxw_row_t rr = (lxw_row_t)(i + 1);
		double hourly =
			dk_book_ratio(r->q->hourly[i].num, r->q->hourly[i].den) / 100;
		dk_book_str(b, ws, rr, 0, ro->name, NULL);
		if (ro->direct) {
			dk_book_num(b, ws, rr, 5, hourly, b->kr2);
			dk_book_comment(b, ws, rr, 5,
					dk_tr(en,
					      "Given in the template as an hourly "
					      "cost."));
			continue;
		}
		dk_book_num(b, ws, rr, 1, kr_of(ro->annual_salary), b->kr2);
		dk_book_num(b, ws, rr, 2, e4(ro->social_cost_rate), b->ratio);
		dk_book_num(b, ws, rr, 3, kr_of(ro->indirect), b->kr2);
		dk_book_num(b, ws, rr, 4, e4(ro->productive_hours), b->dec4);
		char f[120];
		unsigned n = (unsigned)rr + 1;
		snprintf(f, sizeof f, "=(B%u*(1+C%u)+D%u)/E%u", n, n, n, n);
		dk_book_formula(b, ws, rr, 5, f, hourly, b->kr2);
	}
	worksheet_freeze_panes(ws, 1, 1);
	dk_book_print(b, ws, false, 0, 0);
}

/* A day's parts from row `top`, with its sum of work hours; returns the
 * row of that sum (column D). */
static lxw_row_t day_block(dk_book *b, lxw_worksheet *ws, const dk_pricing *p,
			   const dk_day *d, lxw_row_t top, const char *title)
{
	bool en = b->en;
	dk_book_str(b, ws, top, 0, title, b->bold);
	const char *head[] = {dk_tr(en, "Activity"), dk_tr(en, "Factor"),
			      dk_tr(en, "Hours of the day"), dk_tr(en, "Work hours")};
	for (lxw_col_t c = 0; c < 4; c++)
		dk_book_str(b, ws, top + 1, c, head[c], c ? b->head_num : b->head);
	lxw_row_t rr = top + 2;
	int64_t hours = 0;
	dk_i128 work = 0;
	for (size_t i = 0; i < d->n; i++, rr++) {
		const dk_activity *a = &p->activities[d->parts[i].activity];
		char f[80];
		dk_book_str(b, ws, rr, 0, a->name, NULL);
		dk_book_num(b, ws, rr, 1, e4(a->factor), b->dec4);
		dk_book_num(b, ws, rr, 2, e4(d->parts[i].hours), b->dec4);
		snprintf(f, sizeof f, "=B%u*C%u", (unsigned)rr + 1, (unsigned)rr + 1);
		dk_book_formula(b, ws, rr, 3, f,
				(double)((dk_i128)a->factor * d->parts[i].hours) / 1e8,
				b->dec4);
		hours += d->parts[i].hours;
		work += (dk_i128)a->factor * d->parts[i].hours;
	}
	char f[80];
	dk_book_str(b, ws, rr, 0, dk_tr(en, "Per person-day"), b->bold);
	snprintf(f, sizeof f, "=SUM(C%u:C%u)", (unsigned)top + 3, (unsigned)rr);
	dk_book_formula(b, ws, rr, 2, f, e4(hours), b->dec4);
	snprintf(f, sizeof f, "=SUM(D%u:D%u)", (unsigned)top + 3, (unsigned)rr);
	dk_book_formula(b, ws, rr, 3, f, (double)work / 1e8, b->dec4);
	return rr;
}

/* Where sheet_day puts each package's work hours per person-day (column
 * D), as day_block lays a day out: a title, a header, a row per part, the
 * sum; blocks one empty row apart. */
static void day_layout(const dk_pricing *p, lxw_row_t *sum_row)
{
	lxw_row_t common = (lxw_row_t)(2 + p->day.n), top = common + 2;
	for (size_t k = 0; k < p->n_packages; k++) {
		if (!p->packages[k].own_day) {
			sum_row[k] = common;
			continue;
		}
		sum_row[k] = top + 2 + (lxw_row_t)p->packages[k].day.n;
		top = sum_row[k] + 2;
	}
}

/* Day: the delivery day, and each package's own day (day_layout). */
static void sheet_day(dk_book *b, const dk_price_report *r)
{
	const dk_pricing *p = r->tpl;
	bool en = b->en;
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, dk_trc(en, "sheet", "Day"));
	lxw_row_t common = day_block(b, ws, p, &p->day, 0, dk_tr(en, "The delivery day"));
	lxw_row_t top = common + 2;
	for (size_t k = 0; k < p->n_packages; k++) {
		const dk_package *pk = &p->packages[k];
		if (!pk->own_day)
			continue;
		char t[200];
		snprintf(t, sizeof t, "%s: %s", dk_tr(en, "The day of the package"),
			 pk->name);
		top = day_block(b, ws, p, &pk->day, top, t) + 2;
	}
	worksheet_set_column(ws, 0, 0, 30, NULL);
	worksheet_set_column(ws, 1, 3, 14, NULL);
	dk_book_print(b, ws, false, -1, -1);
}

/* Staffing: per staffing row, charged and full cost per hour; their sums
 * in row n_staff + 1 (columns E and F), and the travel per day two rows
 * below (B). */
static lxw_row_t staff_sum_row(const dk_pricing *p)
{
	return (lxw_row_t)(p->n_staff + 1);
}

static void sheet_staffing(dk_book *b, const dk_price_report *r)
{
	const dk_pricing *p = r->tpl;
	bool en = b->en;
	lxw_worksheet *ws =
		workbook_add_worksheet(b->wb, dk_trc(en, "sheet", "Staffing"));
	const char *head[] = {dk_tr(en, "Role"),
			      dk_tr(en, "Persons"),
			      dk_tr(en, "Charged share"),
			      dk_tr(en, "Hourly full cost"),
			      dk_tr(en, "Charged per hour"),
			      dk_tr(en, "In full per hour")};
	for (lxw_col_t c = 0; c < 6; c++) {
		dk_book_str(b, ws, 0, c, head[c], c ? b->head_num : b->head);
		dk_book_head_width(ws, c, head[c], c ? 14 : 24, NULL);
	}
	const char *roles = dk_trc(en, "sheet", "Roles");
	double charged = 0, full = 0;
	for (size_t s = 0; s < p->n_staff; s++) {
		const dk_staff *st = &p->staff[s];
		lxw_row_t rr = (lxw_row_t)(s + 1);
		unsigned n = (unsigned)rr + 1;
		double h = dk_book_ratio(r->q->hourly[st->role].num,
					 r->q->hourly[st->role].den) /
			100;
		char f[160];
		dk_book_str(b, ws, rr, 0, p->roles[st->role].name, NULL);
		dk_book_num(b, ws, rr, 1, e4(st->persons), b->dec4);
		dk_book_num(b, ws, rr, 2, e4(st->charged_share), b->ratio);
		snprintf(f, sizeof f, "='%s'!F%u", roles, (unsigned)st->role + 2);
		dk_book_formula(b, ws, rr, 3, f, h, b->kr2);
		snprintf(f, sizeof f, "=B%u*C%u*D%u", n, n, n);
		dk_book_formula(b, ws, rr, 4, f,
				e4(st->persons) * e4(st->charged_share) * h, b->kr2);
		snprintf(f, sizeof f, "=B%u*D%u", n, n);
		dk_book_formula(b, ws, rr, 5, f, e4(st->persons) * h, b->kr2);
		charged += e4(st->persons) * e4(st->charged_share) * h;
		full += e4(st->persons) * h;
	}
	lxw_row_t sum = staff_sum_row(p), travel = sum + 2;
	char f[80];
	dk_book_str(b, ws, sum, 0, dk_tr(en, "Per hour of a delivery day"), b->bold);
	snprintf(f, sizeof f, "=SUM(E2:E%u)", (unsigned)sum);
	dk_book_formula(b, ws, sum, 4, f, charged, b->kr2_bold);
	snprintf(f, sizeof f, "=SUM(F2:F%u)", (unsigned)sum);
	dk_book_formula(b, ws, sum, 5, f, full, b->kr2_bold);
	dk_book_str(b, ws, travel, 0, dk_tr(en, "Travel per delivery day"), NULL);
	dk_book_num(b, ws, travel, 1, kr_of(p->travel_per_day), b->kr2);
	dk_book_print(b, ws, true, 0, 0);
}

/* A value in place of a formula, with why. */
static void exact_value(dk_book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, double v)
{
	dk_book_num(b, ws, r, c, v, b->kr2);
	dk_book_comment(
		b, ws, r, c,
		dk_tr(b->en,
		      "dekom's exact value: the amount lies so close to half a "
		      "hundredth of a krone that a spreadsheet's arithmetic could round it "
		      "the other way."));
}

/* Packages: the parameters on top (margin, rounding unit), then a row per
 * package; the row of package k is PKG_TOP + 1 + k. */
enum { PKG_TOP = 4 };

static void sheet_packages(dk_book *b, const dk_price_report *r, const lxw_row_t *day_sum)
{
	lxw_row_t staff_sum = staff_sum_row(r->tpl), travel = staff_sum + 2;
	const dk_pricing *p = r->tpl;
	const dk_quotation *q = r->q;
	bool en = b->en;
	lxw_worksheet *ws =
		workbook_add_worksheet(b->wb, dk_trc(en, "sheet", "Packages"));
	dk_book_str(b, ws, 0, 0, dk_tr(en, "Margin"), NULL);
	dk_book_num(b, ws, 0, 1, e4(p->margin), b->ratio);
	dk_book_str(b, ws, 1, 0, dk_tr(en, "Prices rounded up to"), NULL);
	dk_book_num(b, ws, 1, 1, kr_of(p->round_to), b->kr2);
	int maxsem = 0;
	for (size_t k = 0; k < p->n_packages; k++)
		if (p->packages[k].semesters > maxsem)
			maxsem = p->packages[k].semesters;
	const char *head[] = {dk_tr(en, "Package"),
			      dk_tr(en, "Days"),
			      dk_tr(en, "Work hours per person-day"),
			      dk_tr(en, "Cost"),
			      dk_tr(en, "Full cost"),
			      dk_tr(en, "Margin"),
			      dk_tr(en, "Price"),
			      dk_tr(en, "Price per day"),
			      dk_tr(en, "Covers full cost?")};
	for (lxw_col_t c = 0; c < 9; c++) {
		dk_book_str(b, ws, PKG_TOP, c, head[c], c ? b->head_num : b->head);
		dk_book_head_width(ws, c, head[c], c ? 13 : 24, NULL);
	}
	for (int s = 0; s < maxsem; s++) {
		char t[32];
		dk_term_name(p, s, t, sizeof t);
		dk_book_str(b, ws, PKG_TOP, (lxw_col_t)(9 + s), t, b->head_num);
		dk_book_head_width(ws, (lxw_col_t)(9 + s), t, 13, NULL);
	}
	const char *staff = dk_trc(en, "sheet", "Staffing");
	const char *day = dk_trc(en, "sheet", "Day");
	for (size_t k = 0; k < p->n_packages; k++) {
		const dk_package *pk = &p->packages[k];
		const dk_quote_package *o = &q->pkgs[k];
		lxw_row_t rr = (lxw_row_t)(PKG_TOP + 1 + k);
		unsigned n = (unsigned)rr + 1;
		char f[300];
		dk_book_str(b, ws, rr, 0, pk->name, NULL);
		dk_book_num(b, ws, rr, 1, e4(pk->days), b->dec4);
		snprintf(f, sizeof f, "='%s'!D%u", day, (unsigned)day_sum[k] + 1);
		/* the stored value of the work hours: the day's own sum */
		const dk_day *d = pk->own_day ? &pk->day : &p->day;
		dk_i128 w = 0;
		for (size_t i = 0; i < d->n; i++)
			w += (dk_i128)p->activities[d->parts[i].activity].factor *
				d->parts[i].hours;
		dk_book_formula(b, ws, rr, 2, f, (double)w / 1e8, b->dec4);
		/* cost and full cost: days × (per hour × work hours + travel) */
		if (o->cost_near_half) {
			exact_value(b, ws, rr, 3, kr_of(o->cost));
		} else {
			snprintf(f, sizeof f, "=ROUND(B%u*('%s'!E%u*C%u+'%s'!B%u),2)", n,
				 staff, (unsigned)staff_sum + 1, n, staff,
				 (unsigned)travel + 1);
			dk_book_formula(b, ws, rr, 3, f, kr_of(o->cost), b->kr2);
		}
		if (o->full_near_half) {
			exact_value(b, ws, rr, 4, kr_of(o->full_cost));
		} else {
			snprintf(f, sizeof f, "=ROUND(B%u*('%s'!F%u*C%u+'%s'!B%u),2)", n,
				 staff, (unsigned)staff_sum + 1, n, staff,
				 (unsigned)travel + 1);
			dk_book_formula(b, ws, rr, 4, f, kr_of(o->full_cost), b->kr2);
		}
		/* margin and price: cost × margin has at most 6 decimals in
		 * kroner, so ROUND(…, 6) gives it exactly before the rounding */
		snprintf(f, sizeof f, "=ROUND(ROUND(D%u*$B$1,6),2)", n);
		dk_book_formula(b, ws, rr, 5, f, kr_of(o->margin), b->kr2);
		snprintf(f, sizeof f, "=CEILING(ROUND(D%u*(1+$B$1),6),$B$2)", n);
		dk_book_formula(b, ws, rr, 6, f, kr_of(o->price), b->kr2);
		/* price per day, half up to øre; a price exactly on a half
		 * øre per day is dekom's value */
		dk_i128 num = (dk_i128)o->price * 10000, rem = num % pk->days;
		if (2 * rem == pk->days) {
			exact_value(b, ws, rr, 7, kr_of(o->price_per_day));
		} else {
			snprintf(f, sizeof f, "=ROUND(G%u/B%u,2)", n, n);
			dk_book_formula(b, ws, rr, 7, f, kr_of(o->price_per_day), b->kr2);
		}
		snprintf(f, sizeof f, "=IF(G%u>=E%u,\"%s\",\"%s\")", n, n,
			 dk_tr(en, "yes"), dk_tr(en, "no"));
		dk_book_note(b,
			     worksheet_write_formula_str(ws, rr, 8, f, b->center,
							 o->price >= o->full_cost
								 ? dk_tr(en, "yes")
								 : dk_tr(en, "no")));
		/* the invoice plan: the price in øre split equally, the øre left
		 * to the first semesters (apportion's tie order) */
		int64_t down = o->n_invoices ? o->price / o->n_invoices : 0;
		for (int s = 0; s < o->n_invoices; s++) {
			bool extra = o->invoices[s] > down;
			snprintf(f, sizeof f, "=(INT(ROUND(G%u*100,0)/%d)%s)/100", n,
				 o->n_invoices, extra ? "+1" : "");
			dk_book_formula(b, ws, rr, (lxw_col_t)(9 + s), f,
					kr_of(o->invoices[s]), b->kr2);
		}
	}
	worksheet_set_row(ws, PKG_TOP, 45, NULL);
	worksheet_freeze_panes(ws, PKG_TOP + 1, 1);
	dk_book_print(b, ws, true, PKG_TOP, PKG_TOP);
}

/* Budgets: what each network's UP2 money to the institution buys. */
static void sheet_budgets(dk_book *b, const dk_price_report *r)
{
	const dk_pricing *p = r->tpl;
	bool en = b->en;
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, dk_trc(en, "sheet", "Budgets"));
	size_t basic = dk_pricing_basic(p);
	lxw_col_t c = 0;
	dk_book_str(b, ws, 0, c++, dk_tr(en, "Network"), b->head);
	dk_book_str(b, ws, 0, c++, dk_tr(en, "UP2 budget"), b->head_num);
	dk_book_str(b, ws, 0, c++, p->packages[basic].name, b->head_num);
	for (size_t k = 0; k < p->n_packages; k++)
		if (p->packages[k].addon)
			dk_book_str(b, ws, 0, c++, p->packages[k].name, b->head_num);
	lxw_col_t c_days = c++, c_spent = c++, c_left = c++;
	dk_book_str(b, ws, 0, c_days, dk_tr(en, "Days"), b->head_num);
	dk_book_str(b, ws, 0, c_spent, dk_tr(en, "Spent"), b->head_num);
	dk_book_str(b, ws, 0, c_left, dk_tr(en, "Left"), b->head_num);
	const char *pk = dk_trc(en, "sheet", "Packages");
	for (size_t i = 0; i < r->nets->n; i++) {
		const dk_purchase *x = &r->buys[i];
		lxw_row_t rr = (lxw_row_t)(i + 1);
		unsigned n = (unsigned)rr + 1;
		char cell[16];
		dk_strbuf days = {0}, spent = {0};
		dk_book_str(b, ws, rr, 0, r->nets->items[i].name, NULL);
		dk_book_num(b, ws, rr, 1, kr_of(x->budget), b->kr2);
		dk_book_num(b, ws, rr, 2, (double)x->basic, NULL);
		dk_strbuf_printf(&days, "=C%u*'%s'!B%u", n, pk,
				 PKG_TOP + 2 + (unsigned)basic);
		dk_strbuf_printf(&spent, "=C%u*'%s'!G%u", n, pk,
				 PKG_TOP + 2 + (unsigned)basic);
		lxw_col_t cc = 3;
		for (size_t k = 0; k < p->n_packages; k++) {
			if (!p->packages[k].addon)
				continue;
			dk_book_num(b, ws, rr, cc, (double)x->addons[k], NULL);
			dk_book_cell(cell, rr, cc, false);
			dk_strbuf_printf(&days, "+%s*'%s'!B%u", cell, pk,
					 PKG_TOP + 2 + (unsigned)k);
			dk_strbuf_printf(&spent, "+%s*'%s'!G%u", cell, pk,
					 PKG_TOP + 2 + (unsigned)k);
			cc++;
		}
		char *dt = dk_strbuf_done(&days), *st = dk_strbuf_done(&spent);
		if (!dt || !st) {
			free(dt);
			free(st);
			dk_book_note(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
			return;
		}
		dk_book_formula(b, ws, rr, c_days, dt, e4(x->days), b->dec4);
		dk_book_formula(b, ws, rr, c_spent, st, kr_of(x->spent), b->kr2);
		free(dt);
		free(st);
		char f[80], sc[16];
		dk_book_cell(sc, rr, c_spent, false);
		snprintf(f, sizeof f, "=B%u-%s", n, sc);
		dk_book_formula(b, ws, rr, c_left, f, kr_of(x->left), b->kr2);
	}
	worksheet_set_column(ws, 0, 0, 24, NULL);
	worksheet_set_column(ws, 1, c_left, 13, NULL);
	worksheet_set_row(ws, 0, 45, NULL);
	worksheet_freeze_panes(ws, 1, 1);
	dk_book_print(b, ws, true, 0, 0);
}

dk_status dk_price_xlsx(const dk_price_report *r, const char *path, const char *name,
			dk_error *d)
{
	dk_book b = {0};
	b.en = r->english;
	const dk_pricing *p = r->tpl;
	if (!dk_book_open(&b, path, dk_tr(b.en, "Prices"),
			  p->start_year ? p->start_year : 2000)) {
		dk_error_add(d, name, 0, 0, "%s", _("cannot create the workbook"));
		return DK_EIO;
	}
	snprintf(b.header, sizeof b.header, "%s: %s", dk_tr(b.en, "Prices"),
		 p->institution);
	lxw_row_t *day_sum = calloc(p->n_packages ? p->n_packages : 1, sizeof *day_sum);
	if (!day_sum) {
		dk_book_close(&b, name, d);
		return DK_ENOMEM;
	}
	day_layout(p, day_sum);
	sheet_packages(&b, r, day_sum);
	if (r->buys)
		sheet_budgets(&b, r);
	sheet_roles(&b, r);
	sheet_day(&b, r);
	sheet_staffing(&b, r);
	free(day_sum);
	return dk_book_close(&b, name, d);
}

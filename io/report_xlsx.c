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

typedef struct {
	lxw_workbook *wb;
	lxw_error err;
	bool en;
	lxw_format *bold, *title, *head, *kr, *kr_bold, *fte, *fte_bold, *pct, *pct_bold,
		*wrap, *dec2, *dec6;
} book;

static void note(book *b, lxw_error e)
{
	if (e != LXW_NO_ERROR && b->err == LXW_NO_ERROR)
		b->err = e;
}

/* A text cell; one that a spreadsheet would take for a formula gets a
 * leading single quote. */
static void put_str(book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s,
		    lxw_format *f)
{
	if (!s || !*s)
		return;
	if (!dk_formula_lead(s)) {
		note(b, worksheet_write_string(ws, r, c, s, f));
		return;
	}
	size_t n = strlen(s);
	char *q = malloc(n + 2);
	if (!q) {
		note(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	q[0] = '\'';
	memcpy(q + 1, s, n + 1);
	note(b, worksheet_write_string(ws, r, c, q, f));
	free(q);
}

static void put_num(book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, double v,
		    lxw_format *f)
{
	note(b, worksheet_write_number(ws, r, c, v, f));
}

static void put_formula(book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
			const char *formula, double value, lxw_format *f)
{
	note(b, worksheet_write_formula_num(ws, r, c, formula, f, value));
}

static double share_value(dk_i128 num, dk_i128 den)
{
	return (double)num / (double)den;
}

static lxw_format *new_format(book *b, const char *num, bool bold)
{
	lxw_format *f = workbook_add_format(b->wb);
	if (num)
		format_set_num_format(f, num);
	if (bold)
		format_set_bold(f);
	return f;
}

/* Where the recommendation sheet put what the other sheets refer to: the
 * totals row, and the columns of the recommended amount, of the first
 * institution's UP2 and of other/uncertain. */
typedef struct {
	lxw_row_t sum_row;
	lxw_col_t col_recommended, col_up2_first, col_other;
} layout;

static void sheet_recommendation(book *b, const dk_report *r, const dk_grid *g,
				 layout *lay)
{
	const dk_recommendation *rec = r->rec;
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, dk_tr(b->en, "Recommendation"));
	char t[256], year[16] = "";
	if (rec->year)
		snprintf(year, sizeof year, " %d", rec->year);
	snprintf(t, sizeof t, "%s%s (%s %s)", dk_tr(b->en, "Recommendation"), year,
		 dk_tr(b->en, "method"), dk_method_label(r->plan->method, b->en));
	put_str(b, ws, 0, 0, t, b->title);
	/* the frame */
	lxw_row_t row = 2, f_row = 0;
	if (rec->has_total) {
		put_str(b, ws, row, 0, dk_trc(b->en, "frame", "Total"), NULL);
		put_num(b, ws, row++, 1, (double)rec->total, b->kr);
	}
	put_str(b, ws, row, 0, dk_tr(b->en, "Pro-rata frame"), NULL);
	f_row = row;
	put_num(b, ws, row++, 1, (double)rec->prorata, b->kr);
	put_str(b, ws, row, 0, dk_tr(b->en, "Direct transfer to the universities (UP1)"),
		NULL);
	put_num(b, ws, row++, 1, (double)rec->direct, b->kr);
	put_str(b, ws, row, 0, dk_tr(b->en, "Common measures"), NULL);
	put_num(b, ws, row++, 1, (double)rec->measures, b->kr);
	put_str(b, ws, row, 0, dk_tr(b->en, "Reserve"), NULL);
	put_num(b, ws, row++, 1, (double)rec->reserve, b->kr);
	lxw_row_t unused_row = row;
	if (rec->produced) {
		put_str(b, ws, row++, 0, dk_tr(b->en, "Not allocated"), NULL);
		dk_lambda_text l;
		dk_lambda_format(rec->lambda_num, rec->lambda_den, rec->lambda_scale,
				 true, b->en, &l);
		put_str(b, ws, row, 0, "λ", NULL);
		snprintf(t, sizeof t, "%s %s (%s/%s)", l.decimal, l.unit, l.num, l.den);
		put_str(b, ws, row++, 1, t, NULL);
	} else {
		put_str(b, ws, row++, 0, dk_tr(b->en, "No amounts: see the findings"),
			b->bold);
	}
	/* the grid */
	lxw_row_t top = row + 1;
	memset(lay, 0, sizeof *lay);
	for (size_t c = 0; c < g->ncols; c++) {
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
			case DK_CELL_TEXT:
				put_str(b, ws, rr, cc, x->text,
					i == 0        ? b->head
						: sum ? b->bold
						      : NULL);
				break;
			case DK_CELL_KR:
				if (sum && g->nrows > 2) {
					snprintf(f, sizeof f, "=SUM(%s:%s)", a, z);
					put_formula(b, ws, rr, cc, f, (double)x->v,
						    b->kr_bold);
				} else {
					put_num(b, ws, rr, cc, (double)x->v,
						sum ? b->kr_bold : b->kr);
				}
				break;
			case DK_CELL_FTE:
				if (sum && g->nrows > 2) {
					snprintf(f, sizeof f, "=SUM(%s:%s)", a, z);
					put_formula(b, ws, rr, cc, f, (double)x->v / 100,
						    b->fte_bold);
				} else {
					put_num(b, ws, rr, cc, (double)x->v / 100,
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
				put_formula(b, ws, rr, cc, f, share_value(x->num, x->den),
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
		put_formula(b, ws, unused_row, 1, f,
			    (double)(rec->unused + rec->reserve_cut), b->kr);
	}
	worksheet_set_column(ws, 0, 0, 34, NULL);
	worksheet_set_column(ws, 1, (lxw_col_t)(g->ncols - 1), 14, NULL);
	worksheet_freeze_panes(ws, top + 1, 1);
	worksheet_set_landscape(ws);
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_repeat_rows(ws, top, top);
}

static void sheet_institutions(book *b, const dk_report *r, const layout *lay)
{
	const dk_recommendation *rec = r->rec;
	const dk_plan *p = r->plan;
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, dk_tr(b->en, "Institutions"));
	const char *head[] = {dk_tr(b->en, "Institution"), dk_tr(b->en, "Direct (UP1)"),
			      "UP2", dk_tr(b->en, "Total")};
	for (lxw_col_t c = 0; c < 4; c++)
		put_str(b, ws, 0, c, head[c], b->head);
	const char *rec_sheet = dk_tr(b->en, "Recommendation");
	lxw_row_t row = 1;
	char f[160], a[16];
	for (size_t i = 0; i < p->n_institutions; i++, row++) {
		put_str(b, ws, row, 0, p->institutions[i].id, NULL);
		put_num(b, ws, row, 1, (double)rec->inst_direct[i], b->kr);
		if (!rec->produced)
			continue;
		/* UP2: the institution's column in the recommendation's sums */
		lxw_rowcol_to_cell(a, lay->sum_row, (lxw_col_t)(lay->col_up2_first + i));
		snprintf(f, sizeof f, "='%s'!%s", rec_sheet, a);
		put_formula(b, ws, row, 2, f, (double)rec->inst_up2[i], b->kr);
		snprintf(f, sizeof f, "=B%u+C%u", (unsigned)row + 1, (unsigned)row + 1);
		put_formula(b, ws, row, 3, f,
			    (double)(rec->inst_direct[i] + rec->inst_up2[i]), b->kr);
	}
	if (!rec->produced) {
		worksheet_set_column(ws, 0, 0, 30, NULL);
		worksheet_set_column(ws, 1, 3, 14, NULL);
		return;
	}
	put_str(b, ws, row, 0, dk_tr(b->en, "Other/uncertain"), NULL);
	lxw_rowcol_to_cell(a, lay->sum_row, lay->col_other);
	snprintf(f, sizeof f, "='%s'!%s", rec_sheet, a);
	put_formula(b, ws, row, 2, f, (double)rec->total_other, b->kr);
	snprintf(f, sizeof f, "=C%u", (unsigned)row + 1);
	put_formula(b, ws, row, 3, f, (double)rec->total_other, b->kr);
	row++;
	dk_kr up2 = rec->total_other;
	for (size_t i = 0; i < p->n_institutions; i++)
		up2 += rec->inst_up2[i];
	put_str(b, ws, row, 0, dk_tr(b->en, "Total"), b->bold);
	static const char *const cols = "BCD";
	double v[3] = {(double)rec->direct, (double)up2, (double)(rec->direct + up2)};
	for (int c = 0; c < 3; c++) {
		snprintf(f, sizeof f, "=SUM(%c2:%c%u)", cols[c], cols[c], (unsigned)row);
		put_formula(b, ws, row, (lxw_col_t)(c + 1), f, v[c], b->kr_bold);
	}
	/* (D + Σ UP2 + Σ other) ÷ (D + Σ recommended) */
	lxw_row_t sum = row;
	row += 2;
	dk_kr rsum = 0;
	for (size_t k = 0; k < rec->n; k++)
		rsum += rec->rows[k].amount;
	put_str(b, ws, row, 0, dk_tr(b->en, "UH share in all"), b->bold);
	lxw_rowcol_to_cell(a, lay->sum_row, lay->col_recommended);
	snprintf(f, sizeof f, "=D%u/(B%u+'%s'!%s)", (unsigned)sum + 1, (unsigned)sum + 1,
		 rec_sheet, a);
	if (rec->direct + rsum > 0)
		put_formula(b, ws, row, 3, f,
			    share_value((dk_i128)rec->direct + up2,
					(dk_i128)rec->direct + rsum),
			    b->pct_bold);
	worksheet_set_column(ws, 0, 0, 30, NULL);
	worksheet_set_column(ws, 1, 3, 14, NULL);
}

static void sheet_criteria(book *b, const dk_report *r)
{
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, dk_tr(b->en, "Criteria"));
	const char *const *head = dk_criteria_heads(b->en);
	for (lxw_col_t c = 0; c < DK_CRITERIA_COLS; c++)
		put_str(b, ws, 0, c, head[c], b->head);
	for (size_t k = 0; k < r->rec->n; k++) {
		const char *cells[DK_CRITERIA_COLS];
		dk_criteria_row(r, k, cells);
		for (lxw_col_t c = 0; c < DK_CRITERIA_COLS; c++)
			put_str(b, ws, (lxw_row_t)(k + 1), c, cells[c], NULL);
	}
	worksheet_set_column(ws, 0, 0, 30, NULL);
	worksheet_set_column(ws, 1, 6, 20, NULL);
	worksheet_freeze_panes(ws, 1, 1);
}

static void sheet_findings(book *b, const dk_report *r)
{
	const dk_findings *fs = &r->rec->findings;
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, dk_tr(b->en, "Findings"));
	const char *head[] = {
		dk_tr(b->en, "Severity"),   dk_tr(b->en, "Check"),
		dk_tr(b->en, "Network"),    dk_tr(b->en, "Field"),
		dk_tr(b->en, "Expected"),   dk_tr(b->en, "Actual"),
		dk_tr(b->en, "Difference"), dk_tr(b->en, "Message"),
	};
	for (lxw_col_t c = 0; c < 8; c++)
		put_str(b, ws, 0, c, head[c], b->head);
	for (size_t i = 0; i < fs->n; i++) {
		const dk_finding *x = &fs->items[i];
		lxw_row_t rr = (lxw_row_t)(i + 1);
		put_str(b, ws, rr, 0, dk_severity_label(x->severity, b->en), NULL);
		put_str(b, ws, rr, 1, dk_check_title(x->check, b->en), NULL);
		if (x->network >= 0)
			put_str(b, ws, rr, 2, r->nets->items[x->network].name, NULL);
		put_str(b, ws, rr, 3, dk_field_label(x->field, b->en), NULL);
		if (x->has_numbers) {
			int64_t v[3] = {x->expected, x->actual, x->difference};
			double scale = 1;
			for (int s = 0; s < x->scale; s++)
				scale *= 10;
			lxw_format *f = x->scale == 0 ? b->kr
				: x->scale == 2       ? b->dec2
						      : b->dec6;
			for (int c = 0; c < 3; c++)
				put_num(b, ws, rr, (lxw_col_t)(4 + c),
					(double)v[c] / scale, f);
		}
		put_str(b, ws, rr, 7, dk_finding_message(x, b->en), b->wrap);
	}
	/* the checks that could not run, said below the list */
	lxw_row_t nr = (lxw_row_t)fs->n + 2;
	if (r->rec->not_checked)
		put_str(b, ws, nr++, 0,
			dk_tr(b->en,
			      "Not checked (the check is on, but its "
			      "column is absent):"),
			b->bold);
	for (int c = 0; c < DK_CHECK_COUNT; c++)
		if ((r->rec->not_checked >> c) & 1u) {
			put_str(b, ws, nr, 1, dk_check_title((dk_check_id)c, b->en),
				NULL);
			put_str(b, ws, nr++, 7,
				dk_not_checked_reason((dk_check_id)c, b->en), b->wrap);
		}
	worksheet_set_column(ws, 0, 1, 22, NULL);
	worksheet_set_column(ws, 2, 2, 28, NULL);
	worksheet_set_column(ws, 3, 6, 13, NULL);
	worksheet_set_column(ws, 7, 7, 90, NULL);
	worksheet_freeze_panes(ws, 1, 0);
	if (fs->n)
		note(b, worksheet_autofilter(ws, 0, 0, (lxw_row_t)fs->n, 7));
	worksheet_set_landscape(ws);
	worksheet_fit_to_pages(ws, 1, 0);
}

/* A JSON value of the manifest's parameters as cell text. */
static void put_json_value(book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
			   const cJSON *v)
{
	if (cJSON_IsString(v)) {
		put_str(b, ws, r, c, v->valuestring, NULL);
	} else if (cJSON_IsRaw(v)) {
		/* a number's exact text, written by dekom: never a formula */
		note(b, worksheet_write_string(ws, r, c, v->valuestring, NULL));
	} else if (cJSON_IsBool(v)) {
		put_str(b, ws, r, c, cJSON_IsTrue(v) ? "true" : "false", NULL);
	}
}

static void sheet_manifest(book *b, const dk_report *r, cJSON *m)
{
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, dk_tr(b->en, "Manifest"));
	lxw_row_t row = 0;
	put_str(b, ws, row, 0, dk_tr(b->en, "Computed by"), b->bold);
	put_str(b, ws, row++, 1, "dekom " DEKOM_VERSION, NULL);
	put_str(b, ws, row, 0, dk_tr(b->en, "Method"), b->bold);
	put_str(b, ws, row++, 1, dk_method_name(r->plan->method), NULL);
	const cJSON *par = cJSON_GetObjectItemCaseSensitive(m, "parameters");
	for (const cJSON *v = par ? par->child : NULL; v; v = v->next) {
		put_str(b, ws, row, 0, v->string, NULL);
		put_json_value(b, ws, row++, 1, v);
	}
	row++;
	const char *head[] = {dk_tr(b->en, "Input"), dk_tr(b->en, "Path"), "SHA-256"};
	for (lxw_col_t c = 0; c < 3; c++)
		put_str(b, ws, row, c, head[c], b->head);
	row++;
	const cJSON *in = cJSON_GetObjectItemCaseSensitive(m, "inputs");
	for (const cJSON *v = in ? in->child : NULL; v; v = v->next, row++) {
		static const char *const keys[] = {"role", "path", "sha256"};
		for (lxw_col_t c = 0; c < 3; c++)
			put_json_value(b, ws, row, c,
				       cJSON_GetObjectItemCaseSensitive(v, keys[c]));
	}
	worksheet_set_column(ws, 0, 0, 22, NULL);
	worksheet_set_column(ws, 1, 1, 40, NULL);
	worksheet_set_column(ws, 2, 2, 66, NULL);
}

/* 1 January of year y, 00:00 UTC, in seconds since 1970 (days counted
 * by the Gregorian leap rule, so no time zone or clock is consulted). */
static time_t jan1(int y)
{
	long days = 0;
	for (int k = 1970; k < y; k++)
		days += 365 + ((k % 4 == 0 && k % 100 != 0) || k % 400 == 0);
	return (time_t)days * 86400;
}

/* libxlsxwriter reports a failed write itself, on standard error, naming
 * the temporary file it was given ("[ERROR] workbook_close(): Zip ZIP_ERRNO
 * error while creating xlsx file '.dekom-…'"). dekom reports the failure
 * once, naming the target, so standard error points at /dev/null while the
 * workbook is closed (libxlsxwriter has no switch for its messages); errno
 * as the library left it is kept in *why for the reason. */
static lxw_error close_quietly(lxw_workbook *wb, int *why)
{
	fflush(stderr);
	int saved = dup(STDERR_FILENO);
	int null = open("/dev/null", O_WRONLY);
	if (saved >= 0 && null >= 0)
		dup2(null, STDERR_FILENO);
	if (null >= 0)
		close(null);
	errno = 0;
	lxw_error e = workbook_close(wb);
	*why = errno;
	fflush(stderr);
	if (saved >= 0) {
		dup2(saved, STDERR_FILENO);
		close(saved);
	}
	return e;
}

dk_status dk_report_xlsx(const dk_report *r, const char *path, const char *name,
			 dk_error *d)
{
	book b = {0};
	b.en = r->english;
	dk_grid_opts go = {b.en ? DK_GRID_EN : DK_GRID_NB, true, true};
	dk_grid g;
	if (dk_grid_build(&g, r, &go) != DK_OK)
		return DK_ENOMEM;
	cJSON *m = dk_manifest_cjson(r);
	if (!m) {
		dk_grid_release(&g);
		return DK_ENOMEM;
	}
	lxw_workbook_options opt = {0};
	b.wb = workbook_new_opt(path, &opt);
	if (!b.wb) {
		dk_error_add(d, name, 0, 0, "%s", _("cannot create the workbook"));
		cJSON_Delete(m);
		dk_grid_release(&g);
		return DK_EIO;
	}
	lxw_doc_properties props = {
		.title = (char *)dk_tr(b.en, "Recommendation"),
		.comments = (char *)"dekom " DEKOM_VERSION,
		.created = jan1(r->rec->year ? r->rec->year : 2000),
	};
	note(&b, workbook_set_properties(b.wb, &props));
	b.bold = new_format(&b, NULL, true);
	b.title = new_format(&b, NULL, true);
	format_set_font_size(b.title, 14);
	b.head = new_format(&b, NULL, true);
	format_set_bottom(b.head, LXW_BORDER_THIN);
	format_set_text_wrap(b.head);
	format_set_align(b.head, LXW_ALIGN_VERTICAL_TOP);
	b.kr = new_format(&b, "#,##0", false);
	b.kr_bold = new_format(&b, "#,##0", true);
	b.fte = new_format(&b, "#,##0.00", false);
	b.fte_bold = new_format(&b, "#,##0.00", true);
	b.pct = new_format(&b, "0.0%", false);
	b.pct_bold = new_format(&b, "0.0%", true);
	b.dec2 = new_format(&b, "0.00", false);
	b.dec6 = new_format(&b, "0.000000", false);
	b.wrap = new_format(&b, NULL, false);
	format_set_text_wrap(b.wrap);
	layout lay;
	sheet_recommendation(&b, r, &g, &lay);
	sheet_institutions(&b, r, &lay);
	sheet_criteria(&b, r);
	sheet_findings(&b, r);
	sheet_manifest(&b, r, m);
	int why = 0;
	lxw_error e = close_quietly(b.wb, &why);
	note(&b, e);
	cJSON_Delete(m);
	dk_grid_release(&g);
	if (b.err == LXW_ERROR_MEMORY_MALLOC_FAILED)
		return DK_ENOMEM;
	if (b.err != LXW_NO_ERROR) {
		/* the system's reason when the library failed on a file */
		char reason[160];
		if (e != LXW_NO_ERROR && why != 0)
			dk_output_reason(why, reason, sizeof reason);
		else
			snprintf(reason, sizeof reason, "%s", lxw_strerror(b.err));
		dk_error_add(d, name, 0, 0, _("cannot write the workbook: %s"), reason);
		return DK_EIO;
	}
	return DK_OK;
}

/*
 * xlsx_init.c: the workbook of `dekom init` (see xlsx_init.h).
 *
 * The sheets are named `Budsjett` and `Plan` in either language, since
 * that is where `recommend -i` looks; their labels are in the workbook's
 * language, and the readers take either. A parameter's default is written
 * where giving it is the same as leaving it out (the method's switches,
 * the rounding unit, the reserve); where a value excludes another (a base
 * grant or a base share, a total frame or a pro-rata frame) or is the
 * forum's to choose (the method), the cell is left empty and its note
 * says what an empty cell means.
 */
#include "io/xlsx_init.h"

#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "io/i18n.h"
#include "io/plan_sheet.h"
#include "io/xlsx_book.h"
#include "models/columns.h"
#include "models/fields.h"
#include "models/finding.h"
#include "models/numtext.h"

#define T(s) dk_tr(o->english, s)

typedef struct {
	dk_book b;
	const dk_init_book *o;
	lxw_format *text; /* a cell that stays text ("@"): a date, a case number */
	lxw_format *share;
} book;

static const char *const yes_no[] = {"ja", "nei", NULL};
static const char *const judgements[] = {"ja", "nei", "delvis", NULL};

/* A drop-down list on cells first..last of column c. */
static void choices(book *k, lxw_worksheet *ws, lxw_row_t first, lxw_row_t last,
		    lxw_col_t c, const char *const *names, bool strict)
{
	lxw_data_validation v = {0};
	v.validate = LXW_VALIDATION_TYPE_LIST;
	v.value_list = (char **)names;
	v.error_type = strict ? LXW_VALIDATION_ERROR_TYPE_STOP
			      : LXW_VALIDATION_ERROR_TYPE_INFORMATION;
	dk_book_note(&k->b, worksheet_data_validation_range(ws, first, c, last, c, &v));
}

/* ---- Veiledning ---- */

static void guide(book *k)
{
	const dk_init_book *o = k->o;
	lxw_worksheet *ws = workbook_add_worksheet(k->b.wb, "Veiledning");
	char title[200];
	snprintf(title, sizeof title,
		 dk_tr(o->english, "dekom: the forum's workbook for %d"), o->year);
	const char *lines[] = {
		N_("Fill in this workbook, save it (as .xlsx or .ods, under any name), "
		   "and let dekom make the recommendation from it:"),
		N_("    dekom recommend -i WORKBOOK.xlsx -o innstilling.xlsx"),
		N_("dekom never writes over this workbook: the recommendation, its "
		   "criteria sheet and its list of inconsistencies go to their own "
		   "file."),
		"",
		N_("1. Budsjett: one row per network, as the network reports its "
		   "budget. Amounts are whole kroner. Each university's part of UP2 "
		   "has its own column; Andre/usikker is UP2 not yet given to a "
		   "university. The judged criteria take ja, nei or delvis. Add rows "
		   "above the totals row, so that its sums take them in."),
		N_("2. Plan: the frame, the direct transfer to the universities and "
		   "the method. Give the total frame or the pro-rata frame, and choose "
		   "the allocation method. An empty value is dekom's default, which "
		   "the note beside it names."),
		N_("3. Below the parameters, the blocks Institusjoner, Felles tiltak, "
		   "Kontroller and Vedtak take one row each, right under their "
		   "header; a block ends at its first empty row. A decision is the "
		   "forum's own amount for a network, with its reason."),
		N_("4. Keep the sheet names Budsjett and Plan, and the labels in "
		   "column A of Plan: dekom reads by them. A label it does not know "
		   "is an error, never a guess."),
		N_("5. If something does not add up, dekom says which cell, and "
		   "writes nothing until it is corrected."),
	};
	worksheet_set_column(ws, 0, 0, 100, k->b.wrap);
	dk_book_str(&k->b, ws, 0, 0, title, k->b.title);
	lxw_row_t r = 2;
	for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++, r++) {
		const char *s = lines[i][0] ? T(lines[i]) : "";
		dk_book_str(&k->b, ws, r, 0, s, k->b.wrap);
		worksheet_set_row(ws, r, dk_book_row_height(dk_book_lines(s, 100)), NULL);
	}
	dk_book_print(&k->b, ws, false, 0, -1);
}

/* ---- Budsjett ---- */

static void budget(book *k)
{
	const dk_init_book *o = k->o;
	const dk_plan *p = o->plan;
	lxw_worksheet *ws = workbook_add_worksheet(k->b.wb, "Budsjett");
	const dk_column_def *cols = dk_columns();
	char title[200];
	snprintf(title, sizeof title, dk_tr(o->english, "Budget for %d"), o->year);
	dk_book_str(&k->b, ws, 0, 0, title, k->b.title);
	size_t n = o->from ? o->from->n_networks : DK_INIT_ROWS;
	lxw_row_t head = 1, first = 2, last = (lxw_row_t)(first + (n ? n : 1) - 1);
	lxw_row_t sum = last + 1;
	lxw_col_t c = 0;
	int col_previous = -1;
	for (int i = 0; i < DK_COL_COUNT; i++) {
		const dk_column_def *def = &cols[i];
		/* the forum's statements, not a network's budget: in a file
		 * with the column, an empty recommended cell states 0 (RULES.md
		 * section 5) */
		if (def->id == DK_COL_STATED_OWN_PCT || def->id == DK_COL_STATED_UH_PCT ||
		    def->id == DK_COL_STATED_RECOMMENDED)
			continue;
		/* each university's UP2 after the coordinator */
		size_t reps = def->id == DK_COL_UH_OTHER ? p->n_institutions + 1 : 1;
		for (size_t j = 0; j < reps; j++, c++) {
			bool inst = j + 1 < reps;
			const char *label = inst ? p->institutions[j].id
				: o->english     ? def->label_en
						 : def->label_nb;
			dk_column_kind kind = inst ? DK_KIND_AMOUNT : def->kind;
			bool number = kind == DK_KIND_AMOUNT || kind == DK_KIND_FTE ||
				kind == DK_KIND_PERCENT;
			lxw_format *f = kind == DK_KIND_AMOUNT ? k->b.kr
				: kind == DK_KIND_FTE          ? k->b.fte
				: kind == DK_KIND_PERCENT      ? k->b.dec4
							       : k->text;
			dk_book_str(&k->b, ws, head, c, label,
				    number ? k->b.head_num : k->b.head);
			dk_book_head_width(ws, c, label,
					   kind == DK_KIND_NAME ? 30
						   : number     ? 13
								: 12,
					   f);
			if (!inst)
				dk_book_comment(&k->b, ws, head, c, T(def->meaning));
			if (kind == DK_KIND_JUDGEMENT)
				choices(k, ws, first, last, c, judgements, true);
			if (def->id == DK_COL_PREVIOUS && !inst)
				col_previous = (int)c;
			if (kind == DK_KIND_AMOUNT || kind == DK_KIND_FTE) {
				char from[16], to[16], fm[60];
				dk_book_cell(from, first, c, false);
				dk_book_cell(to, last, c, false);
				snprintf(fm, sizeof fm, "SUM(%s:%s)", from, to);
				double v = 0;
				if (def->id == DK_COL_PREVIOUS && !inst && o->from)
					for (size_t m = 0; m < n; m++)
						if (o->from->networks[m].has_recommended)
							v += (double)o->from->networks[m]
								     .recommended;
				dk_book_formula(&k->b, ws, sum, c, fm, v,
						kind == DK_KIND_FTE ? k->b.fte_bold
								    : k->b.kr_bold);
			}
		}
	}
	/* the totals row's name: a name the reader takes for one */
	dk_book_str(&k->b, ws, sum, 0, "Sum", k->b.bold);
	for (size_t m = 0; o->from && m < n; m++) {
		const dk_rec_network *x = &o->from->networks[m];
		dk_book_str(&k->b, ws, (lxw_row_t)(first + m), 0, x->name, NULL);
		if (x->has_recommended && col_previous >= 0)
			dk_book_num(&k->b, ws, (lxw_row_t)(first + m),
				    (lxw_col_t)col_previous, (double)x->recommended,
				    NULL);
	}
	/* headers wrap between words: two lines */
	worksheet_set_row(ws, head, dk_book_row_height(2), NULL);
	worksheet_freeze_panes(ws, first, 1);
	dk_book_print(&k->b, ws, true, (int)head, (int)head);
}

/* ---- Plan ---- */

/* A field's default in words for its note, or "" when it has none. */
static void field_default(book *k, const dk_field *f, char *buf, size_t size)
{
	const dk_init_book *o = k->o;
	char v[64];
	buf[0] = '\0';
	if (f->def_text) {
		snprintf(v, sizeof v, "%s", f->def_text);
	} else if (f->dflt != DK_DEFAULT_VALUE) {
		return;
	} else if (f->type == DK_FIELD_BOOL) {
		snprintf(v, sizeof v, "%s", f->def ? "ja" : "nei");
	} else if (f->type == DK_FIELD_ENUM) {
		snprintf(v, sizeof v, "%s", f->names[f->def]);
	} else if (f->decimals == 6) {
		dk_numfmt nf = DK_NUMFMT_PEOPLE(o->english, 0);
		size_t len = dk_numtext(f->def * 100, 6, &nf, v, sizeof v);
		snprintf(v + len, sizeof v - len, " %%");
	} else {
		size_t len = dk_kr_format(f->def, v, sizeof v);
		if (f->unit)
			snprintf(v + len, sizeof v - len, " kr");
	}
	snprintf(buf, size, dk_tr(o->english, "Default: %s."), v);
}

/* Whether writing the field's default is the same as leaving it out. */
static bool default_written(const char *path)
{
	static const char *const paths[] = {"/frame/reserve",
					    "/allocation/cap_at_need",
					    "/allocation/surplus",
					    "/allocation/rounding",
					    "/allocation/floor_previous",
					    NULL};
	for (int i = 0; paths[i]; i++)
		if (strcmp(paths[i], path) == 0)
			return true;
	return false;
}

/* A row: label, value (written by the caller), note; the note also as the
 * label's comment. */
static void plan_row(book *k, lxw_worksheet *ws, lxw_row_t r, const char *label,
		     const char *note)
{
	dk_book_str(&k->b, ws, r, 0, label, NULL);
	dk_book_str(&k->b, ws, r, 2, note, k->b.wrap);
	if (note[0])
		dk_book_comment(&k->b, ws, r, 0, note);
	worksheet_set_row(ws, r, dk_book_row_height(dk_book_lines(note, 70)), NULL);
}

/* A block's title and header (and a note column after its own). */
static lxw_row_t block_head(book *k, lxw_worksheet *ws, lxw_row_t r, dk_plan_block b)
{
	const dk_init_book *o = k->o;
	const dk_plan_block_def *def = dk_plan_block_get(b);
	dk_book_str(&k->b, ws, r++, 0, T(def->title), k->b.bold);
	int j = 0;
	for (; def->cols[j]; j++)
		dk_book_str(&k->b, ws, r, (lxw_col_t)j, T(def->cols[j]), k->b.head);
	if (b == DK_PLAN_CHECKS)
		dk_book_str(&k->b, ws, r, (lxw_col_t)j, T(dk_plan_sheet_head[2]),
			    k->b.head);
	return r + 1;
}

static void plan(book *k)
{
	const dk_init_book *o = k->o;
	const dk_plan *p = o->plan;
	lxw_worksheet *ws = workbook_add_worksheet(k->b.wb, DK_PLAN_SHEET);
	char title[200], note[600], dflt[120];
	snprintf(title, sizeof title, dk_tr(o->english, "Plan for %d"), o->year);
	dk_book_str(&k->b, ws, 0, 0, title, k->b.title);
	worksheet_set_column(ws, 0, 0, 34, NULL);
	worksheet_set_column(ws, 1, 1, 26, NULL);
	worksheet_set_column(ws, 2, 2, 70, k->b.wrap);
	worksheet_set_column(ws, 3, 4, 16, NULL);
	for (int j = 0; j < 3; j++)
		dk_book_str(&k->b, ws, 1, (lxw_col_t)j, T(dk_plan_sheet_head[j]),
			    k->b.head);
	size_t n;
	const dk_plan_param *params = dk_plan_params(&n);
	lxw_row_t r = 2;
	for (size_t i = 0; i < n; i++, r++) {
		const dk_field *f = dk_field_get(DK_FILE_PLAN, params[i].path);
		field_default(k, f, dflt, sizeof dflt);
		snprintf(note, sizeof note, "%s%s%s", T(f->meaning), dflt[0] ? ". " : "",
			 dflt);
		plan_row(k, ws, r, T(params[i].label), note);
		lxw_format *fmt = f->type != DK_FIELD_NUMBER ? k->text
			: f->decimals == 6                   ? k->share
			: f->unit                            ? k->b.kr
							     : NULL;
		if (strcmp(params[i].path, "/year") == 0)
			dk_book_num(&k->b, ws, r, 1, o->year, NULL);
		else if (!default_written(params[i].path))
			dk_book_note(&k->b, worksheet_write_blank(ws, r, 1, fmt));
		else if (f->type == DK_FIELD_BOOL)
			dk_book_str(&k->b, ws, r, 1, f->def ? "ja" : "nei", fmt);
		else if (f->type == DK_FIELD_ENUM)
			dk_book_str(&k->b, ws, r, 1, f->names[f->def], fmt);
		else if (f->decimals == 6)
			dk_book_num(&k->b, ws, r, 1, (double)f->def / 1e6, fmt);
		else
			dk_book_num(&k->b, ws, r, 1, (double)f->def, fmt);
		if (f->type == DK_FIELD_BOOL)
			choices(k, ws, r, r, 1, yes_no, true);
		if (f->type == DK_FIELD_ENUM)
			choices(k, ws, r, r, 1, f->names, true);
	}
	/* institutions */
	r = block_head(k, ws, r + 1, DK_PLAN_INSTITUTIONS);
	for (size_t i = 0; i < p->n_institutions; i++, r++) {
		const dk_institution *in = &p->institutions[i];
		char aliases[400] = "";
		for (size_t a = 0; a < in->n_aliases; a++)
			snprintf(aliases + strlen(aliases),
				 sizeof aliases - strlen(aliases), "%s%s", a ? "; " : "",
				 in->aliases[a]);
		dk_book_str(&k->b, ws, r, 0, in->id, k->text);
		dk_book_str(&k->b, ws, r, 1, in->name ? in->name : "", k->text);
		dk_book_str(&k->b, ws, r, 2, aliases, k->text);
		dk_book_note(&k->b, worksheet_write_blank(ws, r, 3, k->share));
		dk_book_note(&k->b, worksheet_write_blank(ws, r, 4, k->b.kr));
	}
	/* common measures: rows to fill in */
	r = block_head(k, ws, r + 1, DK_PLAN_MEASURES);
	for (int i = 0; i < 3; i++, r++)
		dk_book_note(&k->b, worksheet_write_blank(ws, r, 1, k->b.kr));
	/* checks: each one's switch and parameters, empty: the defaults */
	r = block_head(k, ws, r + 1, DK_PLAN_CHECKS);
	const dk_check_def *defs = dk_checks();
	for (int id = 0; id < DK_CHECK_COUNT; id++) {
		if (dk_check_is_price((dk_check_id)id))
			continue;
		const char *name = dk_check_title((dk_check_id)id, o->english);
		/* the note is in column D here: C is the value */
		snprintf(note, sizeof note, "%s. %s", T(defs[id].rule),
			 dk_tr(o->english, "ja turns the check off."));
		dk_book_str(&k->b, ws, r, 0, name, NULL);
		dk_book_comment(&k->b, ws, r, 0, note);
		dk_book_str(&k->b, ws, r, 1, T(dk_plan_check_off), NULL);
		choices(k, ws, r, r, 2, yes_no, true);
		dk_book_str(&k->b, ws, r, 3, note, NULL);
		r++;
		for (int j = 0; j < DK_CHECK_PARAMS; j++) {
			const dk_param_def *pd = &defs[id].params[j];
			char v[64] = "";
			if (!pd->name || pd->kind == DK_PARAM_SEVERITY ||
			    pd->kind == DK_PARAM_BASE)
				continue;
			dk_book_str(&k->b, ws, r, 0, name, NULL);
			dk_book_str(&k->b, ws, r, 1, pd->name, NULL);
			if (pd->unset) {
				snprintf(note, sizeof note, "%s",
					 dk_tr(o->english,
					       "not set (the check is off until set)"));
			} else {
				dk_numfmt nf = DK_NUMFMT_PEOPLE(o->english, 0);
				if (pd->kind == DK_PARAM_AMOUNT) {
					size_t len = dk_kr_format(pd->value, v, sizeof v);
					snprintf(v + len, sizeof v - len, " kr");
				} else if (pd->kind == DK_PARAM_RATIO &&
					   pd->value <= DK_RATIO_ONE) {
					size_t len = dk_numtext(pd->value * 100, 6, &nf,
								v, sizeof v);
					snprintf(v + len, sizeof v - len, " %%");
				} else if (pd->kind == DK_PARAM_PP) {
					size_t len = dk_numtext(pd->value, 6, &nf, v,
								sizeof v);
					snprintf(v + len, sizeof v - len, "%s",
						 dk_tr(o->english, " percentage points"));
				} else { /* a ratio above 1, such as k = 2 */
					dk_numtext(pd->value, 6, &nf, v, sizeof v);
				}
				snprintf(note, sizeof note,
					 dk_tr(o->english, "Default: %s."), v);
			}
			dk_book_note(&k->b,
				     worksheet_write_blank(
					     ws, r, 2,
					     pd->kind == DK_PARAM_RATIO ? k->share
						     : pd->kind == DK_PARAM_AMOUNT
						     ? k->b.kr
						     : NULL));
			dk_book_str(&k->b, ws, r, 3, note, NULL);
			r++;
		}
	}
	/* decisions: rows to fill in */
	r = block_head(k, ws, r + 1, DK_PLAN_DECISIONS);
	for (int i = 0; i < 3; i++, r++)
		dk_book_note(&k->b, worksheet_write_blank(ws, r, 1, k->b.kr));
	worksheet_freeze_panes(ws, 2, 0);
	dk_book_print(&k->b, ws, false, 1, 1);
}

dk_status dk_init_workbook_write(const dk_init_book *o, const char *path,
				 const char *name, dk_error *d)
{
	book k = {0};
	char title[200];
	k.o = o;
	k.b.en = o->english;
	snprintf(title, sizeof title,
		 dk_tr(o->english, "dekom: the forum's workbook for %d"), o->year);
	if (!dk_book_open(&k.b, path, title, o->year))
		return dk_book_close(&k.b, name, d);
	snprintf(k.b.header, sizeof k.b.header, "%s", title);
	k.text = workbook_add_format(k.b.wb);
	format_set_num_format(k.text, "@");
	format_set_align(k.text, LXW_ALIGN_VERTICAL_TOP);
	k.share = workbook_add_format(k.b.wb);
	format_set_num_format(k.share, "0.0###%");
	guide(&k);
	budget(&k);
	plan(&k);
	return dk_book_close(&k.b, name, d);
}

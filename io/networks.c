/*
 * networks.c: reading a networks file as a whole: the choice between CSV,
 * JSON (by content) and a workbook (a zip: XLSX or ODS), the merge of a second -n file, and what the plan's
 * method needs of the table once every file is merged. The rules of a cell
 * and a row are io/cells', which the format readers share.
 */
#include "io/networks.h"

#include "io/cells.h"
#include "io/workbook.h"

#include "io/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

dk_status dk_networks_read_at(const dk_input *in, const dk_read_opts *o, dk_networks *t,
			      int *header_line, dk_error *d)
{
	dk_status st;
	if (header_line)
		*header_line = 1;
	if (!in->text && dk_is_workbook(in)) { /* an XLSX or ODS file */
		st = dk_networks_read_workbook(in, o, t, header_line, d);
	} else {
		const char *s = in->text;
		while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
			s++;
		if (*s == '{' || *s == '[') /* JSON by its content (CLI.md) */
			st = dk_networks_read_json(in, o, t, header_line, d);
		else
			st = dk_networks_read_csv(in, o, t, header_line, d);
	}
	if (st == DK_OK)
		dk_networks_trim(t);
	return st;
}

dk_status dk_networks_read(const dk_input *in, const dk_read_opts *o, dk_networks *t,
			   dk_error *d)
{
	return dk_networks_read_at(in, o, t, NULL, d);
}

static dk_status copy_cells(dk_networks *t, dk_network *to, const dk_network *from,
			    uint32_t cols, uint32_t uh_cols, size_t ni)
{
	for (int c = 1; c < DK_COL_COUNT; c++) {
		if (!((cols >> c) & 1u) || c == DK_COL_UP1)
			continue;
		to->v[c] = from->v[c];
		to->present |= from->present & (1u << c);
	}
	for (size_t i = 0; i < ni; i++)
		if ((uh_cols >> i) & 1u) {
			to->uh[i] = from->uh[i];
			to->uh_present |= from->uh_present & (1u << i);
		}
	if (((cols >> DK_COL_UP1) & 1u) && from->n_up1) {
		to->up1 = dk_networks_alloc(t, from->n_up1 * sizeof *to->up1);
		if (!to->up1)
			return DK_ENOMEM;
		for (size_t k = 0; k < from->n_up1; k++) {
			to->up1[k] = from->up1[k];
			to->up1[k].institution =
				dk_networks_intern(t, from->up1[k].institution);
			if (!to->up1[k].institution)
				return DK_ENOMEM;
			to->n_up1 = k + 1;
		}
		to->present |= from->present & (1u << DK_COL_UP1);
	}
	return DK_OK;
}

dk_status dk_networks_merge(dk_networks *main, const dk_networks *supp,
			    const dk_input *supp_in, int supp_header_line,
			    const char *main_name, dk_error *d)
{
	size_t before = d->n + d->dropped;
	uint32_t cols = supp->columns & ~(1u << DK_COL_NETWORK);
	uint32_t both = cols & main->columns,
		 uh_both = supp->uh_columns & main->uh_columns;
	for (int c = 0; c < DK_COL_COUNT; c++)
		if ((both >> c) & 1u)
			dk_error_add(d, supp_in->name, 1, 1,
				     _("column '%s' is also in %s; expected each "
				       "column in one networks file only"),
				     dk_column_message_name(c), main_name);
	for (size_t i = 0; i < main->n_institutions; i++)
		if ((uh_both >> i) & 1u)
			dk_error_add(d, supp_in->name, 1, 1,
				     _("an institution's UP2 column is in both this "
				       "file and %s; expected it in one only"),
				     main_name);
	for (size_t k = 0; k < supp->n; k++)
		if (dk_networks_find(main, supp->items[k].name) < 0) {
			char q[80];
			dk_quote(supp->items[k].name, q, sizeof q);
			dk_error_add(d, supp_in->name, supp->items[k].line, 1,
				     _("network: '%s' is not in %s; expected the "
				       "names of the main networks file, and no other"),
				     q, main_name);
		}
	/* a network the supplement leaves out would silently get 0 in its
	 * columns (0 FTE under prorata) */
	for (size_t k = 0; k < main->n; k++)
		if (dk_networks_find(supp, main->items[k].name) < 0) {
			char q[80];
			dk_quote(main->items[k].name, q, sizeof q);
			dk_error_add(d, supp_in->name, supp_header_line, 1,
				     _("network: '%s' of %s is not in this file; "
				       "expected a row for every network of the main "
				       "networks file, and no other"),
				     q, main_name);
		}
	if (d->n + d->dropped > before)
		return DK_EINPUT;
	for (size_t k = 0; k < supp->n; k++) {
		long m = dk_networks_find(main, supp->items[k].name);
		dk_status st = copy_cells(main, &main->items[m], &supp->items[k], cols,
					  supp->uh_columns, main->n_institutions);
		if (st != DK_OK)
			return st;
	}
	if (supp->has_totals) {
		if (!main->has_totals) {
			dk_network *tot;
			if (dk_networks_begin_totals(main, "", 0, &tot) != DK_OK)
				return DK_ENOMEM;
		}
		dk_status st = copy_cells(main, &main->totals, &supp->totals, cols,
					  supp->uh_columns, main->n_institutions);
		if (st != DK_OK)
			return st;
	}
	main->columns |= cols;
	main->uh_columns |= supp->uh_columns;
	return DK_OK;
}

/* "no column '2021' or 'previous'": the names a person would give the
 * column, the year alias first when the plan has a year; in English the
 * canonical name and its first alias, in bokmål the Norwegian label and
 * the canonical name. */
static void column_names(const dk_plan *p, dk_column c, char *buf, size_t size)
{
	const dk_column_def *def = dk_column_get(c);
	bool en = dk_i18n_english();
	const char *first = en ? def->name : def->label_nb;
	const char *other = en ? def->aliases[0] : def->name;
	if (c == DK_COL_PREVIOUS && p->year > 0)
		snprintf(buf, size, _("'%d' or '%s'"), p->year - 1, first);
	else if (other && strcmp(other, first) != 0)
		snprintf(buf, size, _("'%s' or '%s'"), first, other);
	else
		snprintf(buf, size, _("'%s'"), first);
}

dk_status dk_networks_check_plan(const dk_plan *p, const dk_networks *t,
				 const dk_input *net_in, int header_line, dk_error *d)
{
	return dk_networks_check_plan_at(p, t, net_in->name, header_line, 1, d);
}

dk_status dk_networks_check_plan_at(const dk_plan *p, const dk_networks *t,
				    const char *file, int line, int col, dk_error *d)
{
	size_t before = d->n + d->dropped;
	char names[160];
	bool previous = (t->columns >> DK_COL_PREVIOUS) & 1u;
	bool fte = (t->columns >> DK_COL_FTE) & 1u;
	bool up1 = (t->columns >> DK_COL_UP1) & 1u;
	if (!previous && p->method == DK_METHOD_STATUS_QUO) {
		column_names(p, DK_COL_PREVIOUS, names, sizeof names);
		dk_error_add(d, file, line, col,
			     _("status_quo needs last year's amounts: no column %s; "
			       "add the column, or choose another method"),
			     names);
	} else if (!previous && p->floor_previous > 0) {
		column_names(p, DK_COL_PREVIOUS, names, sizeof names);
		dk_error_add(d, file, line, col,
			     _("floor_previous needs last year's amounts: no column "
			       "%s; add the column, or set floor_previous to 0"),
			     names);
	}
	if (!fte && p->method == DK_METHOD_PRORATA) {
		column_names(p, DK_COL_FTE, names, sizeof names);
		dk_error_add(d, file, line, col,
			     _("prorata needs teacher FTE: no column %s; add the "
			       "column, or give it in a second -n file"),
			     names);
	}
	if (p->split == DK_SPLIT_BY_UP1) {
		if (!up1)
			dk_error_add(d, file, line, col, "%s",
				     _("the direct split by_up1 needs each network's "
				       "UP1 assignment: no column 'up1'; add the "
				       "column, or choose another split"));
		if (!fte && p->up1_weight == DK_UP1_WEIGHT_FTE) {
			column_names(p, DK_COL_FTE, names, sizeof names);
			dk_error_add(d, file, line, col,
				     _("the direct split by_up1 weighted by fte needs "
				       "teacher FTE: no column %s; add the column, or "
				       "use \"weight\": \"network\""),
				     names);
		}
	}
	return d->n + d->dropped > before ? DK_EINPUT : DK_OK;
}

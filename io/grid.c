/*
 * grid.c: the recommendation as one typed grid (see grid.h).
 *
 * The columns are chosen first, then every row fills them by what they
 * hold; the totals row sums the amount and FTE columns and gives the UH
 * share of the sums. When no amounts were produced, a network's row has
 * its inputs and nothing after them.
 */
#include "io/grid.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/i18n.h"
#include "io/strbuf.h"

const char *const *dk_criteria_heads(bool english)
{
	/* the labels of models/columns.c, so that the sheet reads back */
	static _Thread_local const char *nb[DK_CRITERIA_COLS], *en[DK_CRITERIA_COLS];
	static const int in[] = {DK_COL_NETWORK, DK_COL_LOCALLY_ANCHORED,
				 DK_COL_COLLECTIVE_LEARNING, DK_COL_UH_PARTNERSHIP};
	static const dk_out_column out[] = {DK_OUT_UH_IDENTIFIED,
					    DK_OUT_REASONABLE_UH_SHARE,
					    DK_OUT_LIMITED_COORDINATOR};
	for (size_t k = 0; k < 4; k++) {
		nb[k] = dk_column_get((dk_column)in[k])->label_nb;
		en[k] = dk_column_get((dk_column)in[k])->label_en;
	}
	for (size_t k = 0; k < 3; k++) {
		nb[4 + k] = dk_out_column_get(out[k])->label_nb;
		en[4 + k] = dk_out_column_get(out[k])->label_en;
	}
	return english ? en : nb;
}

void dk_criteria_row(const dk_report *r, size_t k, const char *cells[DK_CRITERIA_COLS])
{
	static const dk_column judged[] = {DK_COL_LOCALLY_ANCHORED,
					   DK_COL_COLLECTIVE_LEARNING,
					   DK_COL_UH_PARTNERSHIP};
	const dk_network *n = &r->nets->items[k];
	const dk_rec_row *row = &r->rec->rows[k];
	cells[0] = n->name;
	for (size_t j = 0; j < 3; j++)
		cells[1 + j] = dk_network_has(n, judged[j])
			? dk_judgement_name((dk_judgement)n->v[judged[j]])
			: "";
	cells[4] = dk_judgement_name((dk_judgement)row->uh_identified);
	cells[5] = dk_judgement_name((dk_judgement)row->reasonable_uh_share);
	cells[6] = dk_judgement_name((dk_judgement)row->limited_coordinator);
}

bool dk_grid_col_numeric(dk_grid_col c)
{
	return c != DK_GC_NAME && c != DK_GC_STATE && c != DK_GC_FINDINGS;
}

static const char *own_text(dk_grid *g, char *s)
{
	if (!s)
		return NULL;
	if (g->n_owned == g->cap_owned) {
		size_t cap = g->cap_owned ? 2 * g->cap_owned : 16;
		char **o = realloc(g->owned, cap * sizeof *o);
		if (!o) {
			free(s);
			return NULL;
		}
		g->owned = o;
		g->cap_owned = cap;
	}
	g->owned[g->n_owned++] = s;
	return s;
}

/* The findings grouped by network, in their order: bucket 0 the plan's
 * (network -1), bucket k + 1 network k; finding order[start[b]] to
 * order[start[b + 1] - 1] are bucket b's. One pass, so that a findings
 * column costs no more than the findings themselves. */
typedef struct {
	size_t *start, *order;
} by_network;

static dk_status group_findings(const dk_report *r, by_network *bn)
{
	const dk_findings *f = &r->rec->findings;
	size_t nb = r->rec->n + 1;
	bn->start = calloc(nb + 1, sizeof *bn->start);
	bn->order = malloc((f->n ? f->n : 1) * sizeof *bn->order);
	if (!bn->start || !bn->order)
		return DK_ENOMEM;
	for (size_t i = 0; i < f->n; i++)
		bn->start[(size_t)(f->items[i].network + 1) + 1]++;
	for (size_t b = 0; b < nb; b++)
		bn->start[b + 1] += bn->start[b];
	size_t *fill = calloc(nb, sizeof *fill);
	if (!fill)
		return DK_ENOMEM;
	for (size_t i = 0; i < f->n; i++) {
		size_t b = (size_t)(f->items[i].network + 1);
		bn->order[bn->start[b] + fill[b]++] = i;
	}
	free(fill);
	return DK_OK;
}

/* The ids of a network's findings (or the plan's, for -1), space-separated. */
static char *finding_ids(const dk_report *r, const by_network *bn, long network,
			 dk_grid_names names)
{
	dk_strbuf b = {0};
	const dk_findings *f = &r->rec->findings;
	size_t k = (size_t)(network + 1);
	for (size_t j = bn->start[k]; j < bn->start[k + 1]; j++) {
		dk_check_id c = f->items[bn->order[j]].check;
		/* ids in a file for programs, titles for people */
		if (names == DK_GRID_CANONICAL) {
			if (b.len)
				dk_strbuf_puts(&b, " ");
			dk_strbuf_puts(&b, dk_checks()[c].name);
		} else {
			if (b.len)
				dk_strbuf_puts(&b, "; ");
			dk_strbuf_puts(&b, dk_check_title(c, names == DK_GRID_EN));
		}
	}
	return dk_strbuf_done(&b);
}

static const char *header(dk_grid *g, const dk_report *r, dk_grid_names names,
			  dk_grid_col c, size_t inst)
{
	/* the names of models/columns.c (an input column's, or a column
	 * dekom writes), so that every header reads back as its column */
	static const int in[] = {
		[DK_GC_NAME] = DK_COL_NETWORK,
		[DK_GC_PREVIOUS] = DK_COL_PREVIOUS,
		[DK_GC_NEED] = DK_COL_NEED,
		[DK_GC_FTE] = DK_COL_FTE,
		[DK_GC_RECOMMENDED] = -1,
		[DK_GC_METHOD_AMOUNT] = -1,
		[DK_GC_STATE] = -1,
		[DK_GC_OWN] = DK_COL_OWN,
		[DK_GC_COORDINATOR] = DK_COL_COORDINATOR,
		[DK_GC_UP2] = -1,
		[DK_GC_UH_OTHER] = DK_COL_UH_OTHER,
		[DK_GC_UNSPECIFIED] = -1,
		[DK_GC_UH_SHARE] = -1,
		[DK_GC_FINDINGS] = -1,
	};
	static const int out[] = {
		[DK_GC_RECOMMENDED] = DK_OUT_RECOMMENDED,
		[DK_GC_METHOD_AMOUNT] = DK_OUT_METHOD_AMOUNT,
		[DK_GC_STATE] = DK_OUT_STATE,
		[DK_GC_UNSPECIFIED] = DK_OUT_UNSPECIFIED,
		[DK_GC_UH_SHARE] = DK_OUT_UH_SHARE,
		[DK_GC_FINDINGS] = DK_OUT_FINDINGS,
	};
	if (c == DK_GC_UP2) {
		/* an institution by its id, canonically after "uh_" */
		char buf[160];
		snprintf(buf, sizeof buf, "%s%s",
			 names == DK_GRID_CANONICAL ? DK_UH_PREFIX : "",
			 r->plan->institutions[inst].id);
		return own_text(g, strdup(buf));
	}
	if (in[c] >= 0) {
		const dk_column_def *def = dk_column_get((dk_column)in[c]);
		return names == DK_GRID_CANONICAL ? def->name
			: names == DK_GRID_NB     ? def->label_nb
						  : def->label_en;
	}
	const dk_out_column_def *def = dk_out_column_get((dk_out_column)out[c]);
	return names == DK_GRID_CANONICAL ? def->name
		: names == DK_GRID_NB     ? def->label_nb
					  : def->label_en;
}

static const char *state_text(dk_state st, dk_grid_names names)
{
	return dk_state_label(st, names != DK_GRID_NB);
}

/* The totals row's name: for people the catalogue's word; in RFC 4180
 * CSV "Sum", a totals label the readers know (io/cells.h), whatever the
 * language, so that the file reads back. */
static const char *totals_name(dk_grid_names names)
{
	if (names == DK_GRID_CANONICAL)
		return "Sum";
	return dk_tr(names == DK_GRID_EN, "Total");
}

static dk_cell kr_cell(int64_t v)
{
	return (dk_cell){.kind = DK_CELL_KR, .v = v};
}

static dk_cell text_cell(const char *s)
{
	return (dk_cell){.kind = DK_CELL_TEXT, .text = s};
}

/* Fills one network row (k < n) or the totals row (k == n). */
static dk_status fill_row(dk_grid *g, const dk_report *r, const dk_grid_opts *o,
			  const by_network *bn, size_t k, dk_cell *row)
{
	const dk_recommendation *rec = r->rec;
	size_t n = rec->n, ni = r->plan->n_institutions;
	bool total = k == n;
	dk_kr parts[DK_GC_FINDINGS + 1] = {0};
	dk_kr *uh = calloc(ni ? ni : 1, sizeof *uh);
	int64_t fte = 0;
	dk_i128 uh_sum = 0;
	if (!uh)
		return DK_ENOMEM;
	for (size_t j = total ? 0 : k; j < (total ? n : k + 1); j++) {
		const dk_network *nw = &r->nets->items[j];
		const dk_rec_row *rr = &rec->rows[j];
		parts[DK_GC_PREVIOUS] += nw->v[DK_COL_PREVIOUS];
		parts[DK_GC_NEED] += nw->v[DK_COL_NEED];
		fte += nw->v[DK_COL_FTE];
		if (!rec->produced)
			continue;
		parts[DK_GC_RECOMMENDED] += rr->amount;
		parts[DK_GC_METHOD_AMOUNT] += rr->method_amount > 0 ? rr->method_amount
								    : 0;
		parts[DK_GC_OWN] += rr->own;
		parts[DK_GC_COORDINATOR] += rr->coordinator;
		parts[DK_GC_UH_OTHER] += rr->uh_other;
		parts[DK_GC_UNSPECIFIED] += rr->unspecified;
		uh_sum += rr->uh_other;
		for (size_t i = 0; i < ni; i++) {
			uh[i] += rr->uh[i];
			uh_sum += rr->uh[i];
		}
	}
	dk_status st = DK_OK;
	for (size_t c = 0; c < g->ncols; c++) {
		dk_grid_col col = g->col[c];
		dk_cell *cell = &row[c];
		*cell = (dk_cell){.kind = DK_CELL_EMPTY};
		switch (col) {
		case DK_GC_NAME:
			*cell = text_cell(total ? totals_name(o->names)
						: r->nets->items[k].name);
			break;
		case DK_GC_PREVIOUS:
		case DK_GC_NEED: *cell = kr_cell(parts[col]); break;
		case DK_GC_FTE: *cell = (dk_cell){.kind = DK_CELL_FTE, .v = fte}; break;
		case DK_GC_FINDINGS:
			*cell = text_cell(own_text(
				g, finding_ids(r, bn, total ? -1 : (long)k, o->names)));
			if (!cell->text)
				st = DK_ENOMEM;
			break;
		default:
			if (!rec->produced)
				break;
			if (col == DK_GC_METHOD_AMOUNT) {
				bool any = false;
				for (size_t j = 0; j < n; j++)
					any |= rec->rows[j].method_amount >= 0;
				if (total ? any : rec->rows[k].method_amount >= 0)
					*cell = kr_cell(parts[col]);
			} else if (col == DK_GC_STATE) {
				if (!total)
					*cell = text_cell(
						state_text(rec->rows[k].state, o->names));
			} else if (col == DK_GC_UP2) {
				*cell = kr_cell(uh[g->inst[c]]);
			} else if (col == DK_GC_UH_SHARE) {
				if (parts[DK_GC_RECOMMENDED] > 0)
					*cell = (dk_cell){
						.kind = DK_CELL_SHARE,
						.num = uh_sum,
						.den = parts[DK_GC_RECOMMENDED]};
			} else {
				*cell = kr_cell(parts[col]);
			}
			break;
		}
	}
	free(uh);
	return st;
}

dk_status dk_grid_build(dk_grid *g, const dk_report *r, const dk_grid_opts *o)
{
	const dk_recommendation *rec = r->rec;
	size_t ni = r->plan->n_institutions;
	memset(g, 0, sizeof *g);
	bool fte = !o->drop_empty || ((r->nets->columns >> DK_COL_FTE) & 1u);
	bool unspec = !o->drop_empty;
	for (size_t k = 0; k < rec->n && rec->produced; k++)
		if (rec->rows[k].unspecified)
			unspec = true;
	size_t cap = 13 + ni;
	g->col = calloc(cap, sizeof *g->col);
	g->inst = calloc(cap, sizeof *g->inst);
	if (!g->col || !g->inst)
		goto oom;
	static const dk_grid_col lead[] = {DK_GC_NAME, DK_GC_PREVIOUS,    DK_GC_NEED,
					   DK_GC_FTE,  DK_GC_RECOMMENDED, DK_GC_STATE,
					   DK_GC_OWN,  DK_GC_COORDINATOR};
	for (size_t j = 0; j < sizeof lead / sizeof lead[0]; j++) {
		if (lead[j] != DK_GC_FTE || fte)
			g->col[g->ncols++] = lead[j];
		if (lead[j] == DK_GC_RECOMMENDED && r->plan->n_decisions > 0)
			g->col[g->ncols++] = DK_GC_METHOD_AMOUNT;
	}
	for (size_t i = 0; i < ni; i++) {
		g->inst[g->ncols] = i;
		g->col[g->ncols++] = DK_GC_UP2;
	}
	g->col[g->ncols++] = DK_GC_UH_OTHER;
	if (unspec)
		g->col[g->ncols++] = DK_GC_UNSPECIFIED;
	g->col[g->ncols++] = DK_GC_UH_SHARE;
	if (o->findings)
		g->col[g->ncols++] = DK_GC_FINDINGS;
	g->nrows = rec->n + 2;
	g->cells = calloc(g->nrows * g->ncols, sizeof *g->cells);
	if (!g->cells)
		goto oom;
	for (size_t c = 0; c < g->ncols; c++) {
		g->cells[c] = text_cell(header(g, r, o->names, g->col[c], g->inst[c]));
		if (!g->cells[c].text)
			goto oom;
	}
	by_network bn = {NULL, NULL};
	if (o->findings && group_findings(r, &bn) != DK_OK)
		goto oom_bn;
	for (size_t k = 0; k <= rec->n; k++)
		if (fill_row(g, r, o, &bn, k, g->cells + (k + 1) * g->ncols) != DK_OK)
			goto oom_bn;
	free(bn.start);
	free(bn.order);
	return DK_OK;
oom_bn:
	free(bn.start);
	free(bn.order);
oom:
	dk_grid_release(g);
	return DK_ENOMEM;
}

void dk_grid_release(dk_grid *g)
{
	for (size_t i = 0; i < g->n_owned; i++)
		free(g->owned[i]);
	free(g->owned);
	free(g->col);
	free(g->inst);
	free(g->cells);
	memset(g, 0, sizeof *g);
}

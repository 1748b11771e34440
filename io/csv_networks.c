/*
 * csv_networks.c: the networks file as CSV (CLI.md, "Networks file (CSV)").
 *
 * libcsv does the quoting; it is fed one byte at a time so that every field
 * keeps the byte offset where it starts, which gives each cell its line and
 * column. libcsv trims nothing here (the space function says no), so
 * offsets are exact and trimming is done where a value is read.
 *
 * Order of work: split the text into records with the delimiter of the
 * first line that has one; find the header (the first record, or the first
 * that names known columns after title lines of at most one filled cell);
 * place every header; then read every row, reporting each bad cell. A
 * message about a cell names it as a spreadsheet does ("celle C5"): its
 * column letters from the field's index, its row the record's row in the
 * sheet (its line, less the line breaks inside quoted fields above it).
 * Headers are placed however a person separates words (spaces, '_' and '-'
 * alike, models/columns.c); every header dekom itself prints is read back
 * (an output table is a valid input), the columns it only computes are
 * read and ignored; an unknown header comes with the known name it is near,
 * or with the plan year its year alias would need. A row
 * with more or fewer cells than the header is an error (a shifted row would
 * put amounts under the wrong heading); a row with only empty cells is
 * skipped; a row with a name and no figure is a note, and an error in the
 * first networks file. What the plan needs of a cell is checked here, at
 * the cell (an empty fte cell under prorata); what it needs of the columns
 * is checked once every file is merged (dk_networks_check_plan).
 */
#include <csv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/i18n.h"
#include "io/cells.h"
#include "io/limits.h"
#include "io/workbook.h"
#include "models/arena.h"

typedef struct {
	char *text;
	uint32_t off;    /* byte offset of the field's first byte (CSV; an
			    input is at most DK_INPUT_MAX_BYTES) */
	dk_wb_kind kind; /* what a workbook's cell held; text for CSV */
} field;

typedef struct {
	field *f;
	size_t n, cap;
	int line;   /* line of the first field */
	int row;    /* row in the sheet: the line, less the line breaks
			      inside quoted fields of the records above */
	bool sheet; /* from a workbook: positions are the sheet's row and
		       column, not a line and a byte */
} record;

/* The records' fields (and a workbook's cells' texts) live in an arena
 * (models/arena.h), freed together. A CSV's cells' texts are written over
 * a copy of the text, each where its field starts: a field's text is never
 * longer than the field as written (quotes and doubled quotes make it only
 * longer), so the NUL after it falls at the latest on the delimiter or
 * line break that ends it. */
typedef struct {
	const char *text;
	char *cells;  /* CSV: a copy of text, the cells' texts written over
			 it; NULL for a workbook */
	record *rows; /* their fields (and a workbook's texts) in the arena */
	size_t n, cap;
	record cur; /* the record being read: its fields on the heap, reused */
	dk_arena arena;
	size_t start;  /* offset where the next field starts */
	size_t pos;    /* offset of the byte being parsed */
	int row_start; /* the next field is the first of a row */
	int oom;
	int limit;        /* a limit of io/limits.h was passed: 1 rows, 2
			      cells in a row, 3 bytes in a cell */
	size_t limit_off; /* where */
} splitter;

/* n bytes from sp's arena; NULL when out of memory (sp->oom is set). */
static void *arena_get(splitter *sp, size_t n)
{
	void *p = dk_arena_get(&sp->arena, n);
	if (!p)
		sp->oom = 1;
	return p;
}

static char *arena_text(splitter *sp, const char *s, size_t len)
{
	char *t = arena_get(sp, len + 1);
	if (t) {
		if (len)
			memcpy(t, s, len);
		t[len] = '\0';
	}
	return t;
}

/* Stops the split at a limit (checked by the loop that feeds libcsv). */
static void over_limit(splitter *sp, int which)
{
	sp->limit = which;
	sp->limit_off = sp->start;
}

static void on_field(void *s, size_t len, void *data)
{
	splitter *sp = data;
	if (sp->oom || sp->limit)
		return;
	if (len > DK_CELL_MAX_BYTES) {
		over_limit(sp, 3);
		return;
	}
	if (sp->cur.n >= DK_COLUMNS_MAX) {
		over_limit(sp, 2);
		return;
	}
	if (sp->row_start) {
		while (sp->text[sp->start] == '\r' || sp->text[sp->start] == '\n')
			sp->start++;
		sp->row_start = 0;
	}
	if (sp->cur.n == sp->cur.cap) {
		size_t cap = sp->cur.cap ? 2 * sp->cur.cap : 16;
		field *p = realloc(sp->cur.f, cap * sizeof *p);
		if (!p) {
			sp->oom = 1;
			return;
		}
		sp->cur.f = p;
		sp->cur.cap = cap;
	}
	/* over the copy, where the field starts (libcsv's text is in a
	 * buffer of its own) */
	char *copy = sp->cells + sp->start;
	if (len)
		memcpy(copy, s, len);
	copy[len] = '\0';
	sp->cur.f[sp->cur.n].text = copy;
	sp->cur.f[sp->cur.n].off = (uint32_t)sp->start;
	sp->cur.f[sp->cur.n].kind = DK_WB_TEXT;
	sp->cur.n++;
	sp->start = sp->pos + 1;
}

static void on_row(int c, void *data)
{
	(void)c;
	splitter *sp = data;
	if (sp->oom || sp->limit)
		return;
	if (sp->n >= DK_ROWS_MAX) {
		over_limit(sp, 1);
		return;
	}
	if (sp->n == sp->cap) {
		size_t cap = sp->cap ? 2 * sp->cap : 32;
		record *p = realloc(sp->rows, cap * sizeof *p);
		if (!p) {
			sp->oom = 1;
			return;
		}
		sp->rows = p;
		sp->cap = cap;
	}
	/* the record's fields move to the arena, as many as it has; the
	 * heap array is kept for the next */
	record *r = &sp->rows[sp->n];
	*r = sp->cur;
	r->cap = r->n;
	r->f = arena_get(sp, (r->n ? r->n : 1) * sizeof *r->f);
	if (!r->f)
		return;
	if (r->n)
		memcpy(r->f, sp->cur.f, r->n * sizeof *r->f);
	sp->n++;
	sp->cur.n = 0;
	sp->row_start = 1;
	sp->start = sp->pos + 1;
}

static int no_space(unsigned char c)
{
	(void)c;
	return 0;
}

static void splitter_release(splitter *sp)
{
	free(sp->rows);
	free(sp->cur.f); /* its texts are in cells or the arena */
	free(sp->cells);
	sp->cells = NULL;
	dk_arena_release(&sp->arena);
}

/* The delimiter: the most frequent of ';', tab and ',' outside quotes on
 * the first line that has any of them (the header, or a title line that
 * Excel padded with delimiters); ties go in that order; ';' when no line
 * has one. */
static unsigned char detect_delimiter(const char *s)
{
	while (*s) {
		size_t semi = 0, tab = 0, comma = 0;
		int quoted = 0;
		for (; *s && (quoted || (*s != '\n' && *s != '\r')); s++) {
			if (*s == '"')
				quoted = !quoted;
			else if (!quoted && *s == ';')
				semi++;
			else if (!quoted && *s == '\t')
				tab++;
			else if (!quoted && *s == ',')
				comma++;
		}
		if (semi || tab || comma) {
			if (semi >= tab && semi >= comma)
				return ';';
			return tab >= comma ? '\t' : ',';
		}
		while (*s == '\n' || *s == '\r')
			s++;
	}
	return ';';
}

static dk_status split_records(const dk_input *in, splitter *sp, dk_error *d)
{
	struct csv_parser p;
	memset(sp, 0, sizeof *sp);
	sp->text = in->text;
	sp->row_start = 1;
	sp->cells = malloc(in->len + 1);
	if (!sp->cells)
		return DK_ENOMEM;
	memcpy(sp->cells, in->text, in->len + 1);
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		return DK_ENOMEM;
	unsigned char delim = detect_delimiter(in->text);
	csv_set_delim(&p, delim);
	csv_set_space_func(&p, no_space);
	/* libcsv is fed a run of plain bytes and the delimiter, quote or line
	 * break that ends it: a field or a row can end only at that last byte,
	 * so sp->pos, the offset the callbacks record, is exact (feeding one
	 * byte at a time was a fifth of reading a large file) */
	size_t i = 0;
	/* strcspn finds the next of these bytes or the end (a decoded text
	 * has no NUL; at one, a run would end where no field ends, which
	 * changes nothing) */
	const char ends[] = {(char)delim, '"', '\r', '\n', '\0'};
	while (i < in->len && !sp->oom && !sp->limit) {
		size_t j = i + strcspn(in->text + i, ends);
		if (j > in->len - 1)
			j = in->len - 1;
		size_t n = j + 1 - i;
		sp->pos = j;
		size_t got = csv_parse(&p, in->text + i, n, on_field, on_row, sp);
		if (got != n) {
			i += got;
			break;
		}
		i += n;
	}
	sp->pos = in->len;
	int err = i < in->len ? csv_error(&p) : 0;
	if (!err && !sp->oom && csv_fini(&p, on_field, on_row, sp) != 0)
		err = csv_error(&p), i = in->len;
	csv_free(&p);
	if (sp->oom)
		return DK_ENOMEM;
	if (sp->limit) {
		int line, col;
		dk_text_position(in->text, sp->limit_off, &line, &col);
		if (sp->limit == 1)
			dk_error_add(d, in->name, line, col,
				     _("more than %d rows, the most a sheet can hold; "
				       "split the file"),
				     DK_ROWS_MAX);
		else if (sp->limit == 2)
			dk_error_add(d, in->name, line, col,
				     _("a row of more than %d cells, the most a sheet "
				       "can hold; is the delimiter right?"),
				     DK_COLUMNS_MAX);
		else
			dk_error_add(d, in->name, line, col,
				     _("a cell of more than %d bytes, more than a "
				       "spreadsheet cell holds; is a quote left open?"),
				     DK_CELL_MAX_BYTES);
		return DK_EINPUT;
	}
	if (err == CSV_ENOMEM || err == CSV_ETOOBIG)
		return DK_ENOMEM;
	if (err) {
		int line, col;
		dk_text_position(in->text, i, &line, &col);
		if (i >= in->len) {
			/* point at the opening quote of the open field */
			dk_text_position(in->text, sp->start, &line, &col);
			dk_error_add(d, in->name, line, col, "%s",
				     _("a quoted field is not closed before the end "
				       "of the file; expected a closing '\"'"));
		} else {
			dk_error_add(d, in->name, line, col,
				     _("malformed quoting at '%c': a '\"' inside a "
				       "field must be doubled, and a quoted field "
				       "must end at a delimiter"),
				     in->text[i]);
		}
		return DK_EINPUT;
	}
	/* lines of the records, in one pass: offsets only grow; a record's
	 * row is its line less the line breaks inside the quoted fields
	 * above it (a spreadsheet shows such a field in one cell) */
	size_t off = 0;
	int line = 1, inside = 0;
	/* without a CR anywhere, a line ends at each LF: memchr finds them */
	bool cr = memchr(in->text, '\r', in->len) != NULL;
	for (size_t r = 0; r < sp->n; r++) {
		record *rec = &sp->rows[r];
		size_t to = rec->n ? rec->f[0].off : off;
		const char *lf;
		while (!cr && off < to && (lf = memchr(in->text + off, '\n', to - off))) {
			line++;
			off = (size_t)(lf - in->text) + 1;
		}
		if (!cr && off < to)
			off = to; /* no line break before the record */
		for (; off < to; off++)
			line += in->text[off] == '\n' ||
				(in->text[off] == '\r' && in->text[off + 1] != '\n');
		rec->line = line;
		rec->row = line - inside;
		for (size_t k = 0; k < rec->n; k++)
			for (const char *c = strpbrk(rec->f[k].text, "\r\n"); c;
			     c = strpbrk(c + 1, "\r\n"))
				inside += *c == '\n' || c[1] != '\n';
	}
	return DK_OK;
}

/* Where a header goes. */
typedef struct {
	int col;      /* dk_column, DK_COL_INSTITUTION + i, or -1: ignored */
	char *header; /* as written, trimmed, for messages */
} placement;

static int is_blank(const char *s)
{
	return dk_text_blank(s);
}

/* Reports msg about cell h of record rec, at its line and column, and
 * naming the cell: "cell C5: need: ...". */
static void cell_error(const dk_input *in, dk_error *d, const record *rec, size_t h,
		       const char *msg)
{
	int line = 0, col = 0;
	char name[24];
	if (rec->sheet)
		line = rec->row, col = (int)h + 1;
	else if (!dk_error_full(d))
		dk_text_position(in->text, rec->f[h].off, &line, &col);
	dk_wb_cell_name(h, rec->row, name, sizeof name);
	dk_error_add(d, in->name, line, col, _("cell %s: %s"), name, msg);
}

/* Resolves a column map's target: a canonical name or an institution id. */
static int map_target(const char *target, const dk_plan *plan)
{
	char norm[256];
	dk_header_norm(target, norm, sizeof norm);
	for (int c = 0; c < DK_COL_COUNT; c++)
		if (strcmp(norm, dk_column_get((dk_column)c)->name) == 0)
			return c;
	for (size_t i = 0; i < plan->n_institutions; i++)
		if (dk_name_equal(plan->institutions[i].id, target))
			return DK_COL_INSTITUTION + (int)i;
	return -1;
}

/* A column as a message names it: an institution by its id, a column by
 * its canonical name (English) or Norwegian label (bokmål). */
static const char *target_name(int col, const dk_plan *plan)
{
	if (col >= DK_COL_INSTITUTION)
		return plan->institutions[col - DK_COL_INSTITUTION].id;
	return dk_column_message_name(col);
}

/* Places a header by the tables: a canonical name, alias, year alias or
 * label; an institution id or alias of the plan, or "uh_" and one (as
 * canonical CSV output writes it); a column dekom writes (read as its
 * `reads_as`, or ignored: *ignored is set). -1 when none. */
static int place_by_name(const char *norm, const dk_plan *plan, bool *ignored)
{
	*ignored = false;
	int col = dk_column_match(norm, plan->year);
	if (col >= 0)
		return col;
	int inst = dk_plan_institution(plan, norm);
	if (inst < 0 && strncmp(norm, DK_UH_PREFIX, strlen(DK_UH_PREFIX)) == 0)
		inst = dk_plan_institution(plan, norm + strlen(DK_UH_PREFIX));
	if (inst >= 0)
		return DK_COL_INSTITUTION + inst;
	int out = dk_out_column_match(norm);
	if (out >= 0) {
		col = dk_out_column_get((dk_out_column)out)->reads_as;
		*ignored = col < 0;
		return col;
	}
	return -1;
}

/* Keeps `cand` in *best when it is nearer to the unknown header `norm`
 * than *best, and near enough to suggest (dk_header_near). */
static void consider(const char *norm, const char *cand, const char **best,
		     size_t *best_d)
{
	char known[256], typed[256];
	if (!cand)
		return;
	dk_header_norm(cand, known, sizeof known);
	if (!dk_header_near(norm, known))
		return;
	snprintf(typed, sizeof typed, "%s", norm);
	dk_header_key(typed);
	dk_header_key(known);
	size_t d = dk_edit_distance(typed, known, 2);
	if (d < *best_d) {
		*best_d = d;
		*best = cand;
	}
}

/* The known name closest to an unknown header (normalised), when it is
 * near enough to suggest: a column's label, name, alias or year alias, a
 * written column's label or name, an institution's id or alias; the first
 * of the nearest, in that order. NULL when none is near. */
static const char *nearest_name(const char *norm, const dk_plan *plan)
{
	const char *best = NULL;
	size_t best_d = 3;
	const dk_column_def *cols = dk_columns();
	static _Thread_local char year_alias[DK_COL_COUNT][64];
	for (int c = 0; c < DK_COL_COUNT; c++) {
		if (cols[c].year_alias && plan->year > 0) {
			snprintf(year_alias[c], sizeof year_alias[c], "%s%d",
				 cols[c].year_alias, plan->year + cols[c].year_offset);
			consider(norm, year_alias[c], &best, &best_d);
		}
		consider(norm, cols[c].label_nb, &best, &best_d);
		consider(norm, cols[c].name, &best, &best_d);
		consider(norm, cols[c].label_en, &best, &best_d);
		for (int k = 0; k < 3; k++)
			consider(norm, cols[c].aliases[k], &best, &best_d);
	}
	for (int c = 0; c < DK_OUT_COUNT; c++) {
		const dk_out_column_def *oc = dk_out_column_get((dk_out_column)c);
		consider(norm, oc->label_nb, &best, &best_d);
		consider(norm, oc->name, &best, &best_d);
		consider(norm, oc->label_en, &best, &best_d);
	}
	for (size_t i = 0; i < plan->n_institutions; i++) {
		consider(norm, plan->institutions[i].id, &best, &best_d);
		for (size_t k = 0; k < plan->institutions[i].n_aliases; k++)
			consider(norm, plan->institutions[i].aliases[k], &best, &best_d);
	}
	return best;
}

typedef struct {
	const char *name; /* normalised header */
	size_t index;     /* its column */
} named_col;

/* Headers by normalised name, then position. */
static int by_name(const void *a, const void *b)
{
	const named_col *x = a, *y = b;
	int c = strcmp(x->name, y->name);
	return c ? c : (x->index > y->index) - (x->index < y->index);
}

static dk_status place_headers(const dk_input *in, const dk_read_opts *o,
			       const record *hdr, size_t first_row, const splitter *sp,
			       placement *pl, dk_error *d)
{
	const dk_plan *plan = o->plan;
	size_t nh = hdr->n;
	char **norm = calloc(nh, sizeof *norm);
	if (!norm)
		return DK_ENOMEM;
	dk_status st = DK_OK;
	for (size_t h = 0; h < nh && st == DK_OK; h++) {
		size_t cap = strlen(hdr->f[h].text) + 1;
		norm[h] = malloc(cap);
		pl[h].header = malloc(cap);
		if (!norm[h] || !pl[h].header) {
			st = DK_ENOMEM;
			break;
		}
		dk_header_norm(hdr->f[h].text, norm[h], cap);
		/* trimmed, original case */
		const char *b = hdr->f[h].text;
		while (*b == ' ' || *b == '\t')
			b++;
		size_t bl = strlen(b);
		while (bl && (b[bl - 1] == ' ' || b[bl - 1] == '\t'))
			bl--;
		memcpy(pl[h].header, b, bl);
		pl[h].header[bl] = '\0';
	}
	/* each header's occurrence (#k) and count among equal headers, from
	 * the headers sorted by name: n log n, whatever the width */
	int *occs = st == DK_OK ? calloc(nh ? 2 * nh : 1, sizeof *occs) : NULL;
	named_col *order = st == DK_OK ? malloc((nh ? nh : 1) * sizeof *order) : NULL;
	/* the first header placed on each column, for "each column once" */
	size_t ncols = DK_COL_INSTITUTION + DK_INSTITUTIONS_MAX;
	long *first_on = st == DK_OK ? malloc(ncols * sizeof *first_on) : NULL;
	if (st == DK_OK && (!occs || !order || !first_on))
		st = DK_ENOMEM;
	if (st == DK_OK) {
		for (size_t h = 0; h < nh; h++)
			order[h] = (named_col){norm[h], h};
		qsort(order, nh, sizeof *order, by_name);
		for (size_t a = 0; a < nh;) {
			size_t b = a;
			while (b < nh && strcmp(order[b].name, order[a].name) == 0)
				b++;
			for (size_t k = a; k < b; k++) {
				occs[2 * order[k].index] = (int)(k - a + 1);
				occs[2 * order[k].index + 1] = (int)(b - a);
			}
			a = b;
		}
		for (size_t c = 0; c < ncols; c++)
			first_on[c] = -1;
	}
	/* how each header was placed: by the map or not at all (0), by the
	 * tables (1), or unknown (2) */
	unsigned char *how = st == DK_OK ? calloc(nh ? nh : 1, 1) : NULL;
	if (st == DK_OK && !how)
		st = DK_ENOMEM;
	for (size_t h = 0; h < nh && st == DK_OK; h++) {
		int occ = occs[2 * h], total = occs[2 * h + 1];
		char q[80], msg[600];
		dk_quote(pl[h].header, q, sizeof q);
		const dk_colmap_entry *e = dk_colmap_find(o->map, norm[h], occ);
		pl[h].col = -1;
		if (e) {
			pl[h].col = map_target(e->target, plan);
			if (pl[h].col < 0) {
				char tq[80];
				dk_quote(e->target, tq, sizeof tq);
				dk_error_add(d, o->map->name, e->line, e->col,
					     _("column map: '%s' is neither a column "
					       "name (network, need, ...) nor an "
					       "institution of the plan"),
					     tq);
			}
		} else if (!norm[h][0]) {
			int all_empty = 1;
			for (size_t r = first_row; r < sp->n; r++)
				if (h < sp->rows[r].n && !is_blank(sp->rows[r].f[h].text))
					all_empty = 0;
			if (!all_empty) {
				snprintf(msg, sizeof msg,
					 _("column %zu has an empty header but holds "
					   "values; name it, or map it with --columns "
					   "(\"\": \"network\")"),
					 h + 1);
				cell_error(in, d, hdr, h, msg);
			}
		} else if (total > 1) {
			snprintf(msg, sizeof msg,
				 _("header '%s' appears %d times; say which column "
				   "this one is with --columns (\"%s#%d\": ...)"),
				 q, total, q, occ);
			cell_error(in, d, hdr, h, msg);
		} else if (strcmp(norm[h], DK_AMBIGUOUS_HEADER) == 0) {
			snprintf(msg, sizeof msg,
				 _("header '%s' does not say which share it is; map "
				   "it with --columns (\"%s\": \"stated_own_pct\" or "
				   "\"stated_uh_pct\")"),
				 q, q);
			cell_error(in, d, hdr, h, msg);
		} else {
			bool ignored;
			pl[h].col = place_by_name(norm[h], plan, &ignored);
			how[h] = pl[h].col >= 0 ? 1 : ignored ? 0 : 2;
		}
	}
	/* "Nettverk": the own share in the forum's sheet, but the name column
	 * in dekom's own tables, which have "Nettverk (egen)" for the own
	 * share. A header placed on a column that another header of the row
	 * has too, and that is the label of a column no header has, is that
	 * column. */
	for (size_t h = 0; h < nh && st == DK_OK; h++) {
		if (how[h] != 1 || pl[h].col >= DK_COL_INSTITUTION)
			continue;
		int other = dk_column_label_clash(norm[h], pl[h].col);
		if (other < 0)
			continue;
		bool shared = false, free_other = true;
		for (size_t k = 0; k < nh; k++) {
			shared |= k != h && pl[k].col == pl[h].col;
			free_other &= pl[k].col != other;
		}
		if (shared && free_other)
			pl[h].col = other;
	}
	for (size_t h = 0; h < nh && st == DK_OK; h++) {
		char q[80], msg[600];
		dk_quote(pl[h].header, q, sizeof q);
		if (how[h] == 2 && dk_error_full(d)) {
			dk_error_add(d, in->name, 0, 0, "%s", ""); /* counted */
		} else if (how[h] == 2) {
			/* a year alias of another plan year, when its column is
			 * not in the sheet under this year's name */
			int year = 0;
			bool other_year = false;
			for (int c = 0; c < DK_COL_COUNT && !year; c++) {
				int y = dk_column_year_of(norm[h], (dk_column)c);
				if (!y || y == plan->year)
					continue;
				other_year = true;
				bool placed = false;
				for (size_t k = 0; k < nh; k++)
					placed |= pl[k].col == c;
				if (!placed)
					year = y;
			}
			/* another year's column next to this year's is no typo */
			const char *near = other_year ? NULL
						      : nearest_name(norm[h], plan);
			if (year && plan->year > 0)
				snprintf(msg, sizeof msg,
					 _("the plan's year is %d, the sheet has '%s': "
					   "set \"year\": %d in the plan, or rename the "
					   "header"),
					 plan->year, q, year);
			else if (year)
				snprintf(msg, sizeof msg,
					 _("the plan has no year, the sheet has '%s': "
					   "set \"year\": %d in the plan, or rename the "
					   "header"),
					 q, year);
			else if (near)
				snprintf(msg, sizeof msg,
					 _("unknown header '%s'; did you mean '%s'? (see "
					   "dekom help columns)"),
					 q, near);
			else
				snprintf(msg, sizeof msg,
					 _("unknown header '%s'; expected a column "
					   "name (network, previous, need, ...), a "
					   "Norwegian alias, or an institution of the "
					   "plan (see dekom help columns)"),
					 q);
			cell_error(in, d, hdr, h, msg);
		}
		if (pl[h].col >= 0 && (size_t)pl[h].col < ncols) {
			long k = first_on[pl[h].col];
			if (k < 0) {
				first_on[pl[h].col] = (long)h;
			} else {
				char kq[80];
				dk_quote(pl[k].header, kq, sizeof kq);
				snprintf(msg, sizeof msg,
					 _("header '%s' is column '%s', and so is "
					   "column %ld ('%s'); expected each column "
					   "once"),
					 q, target_name(pl[h].col, plan), k + 1, kq);
				cell_error(in, d, hdr, h, msg);
				pl[h].col = -1;
			}
		}
	}
	free(how);
	free(occs);
	free(order);
	free(first_on);
	for (size_t h = 0; h < nh; h++)
		free(norm[h]);
	free(norm);
	return st;
}

/* True when a cell of the record is a header dekom knows (a column map
 * key, a column name or alias, 'Prosentandel', an institution); empty
 * cells do not count, though a map may name them. */
static int names_known_column(const record *rec, const dk_read_opts *o)
{
	for (size_t h = 0; h < rec->n; h++) {
		char norm[256];
		dk_header_norm(rec->f[h].text, norm, sizeof norm);
		if (!norm[0])
			continue;
		bool ignored;
		if (dk_colmap_find(o->map, norm, 1) ||
		    place_by_name(norm, o->plan, &ignored) >= 0 || ignored ||
		    strcmp(norm, DK_AMBIGUOUS_HEADER) == 0)
			return 1;
	}
	return 0;
}

static size_t filled_cells(const record *rec)
{
	size_t k = 0;
	for (size_t h = 0; h < rec->n; h++)
		k += !is_blank(rec->f[h].text);
	return k;
}

/* The header row: the first row, unless it and the rows after it hold at
 * most one filled cell each (a title such as "Budsjett 2022;;;;") until a
 * row that names known columns. Anything else above the header is not
 * skipped: the first row is then read as the header and its unknown
 * names are reported, so a shifted table is never read. */
#define TITLE_ROWS_MAX 5

static size_t header_row(const splitter *sp, const dk_read_opts *o)
{
	for (size_t r = 0; r < sp->n && r <= TITLE_ROWS_MAX; r++) {
		if (names_known_column(&sp->rows[r], o))
			return r;
		if (filled_cells(&sp->rows[r]) > 1)
			return 0;
	}
	return 0;
}

/* Reads cell h of record rec into row n (a network or the totals row);
 * counts in *figures the numeric cells that are filled ('-' included),
 * readable or not. */
static dk_status read_cell(const dk_input *in, const dk_read_opts *o, const placement *pl,
			   const record *rec, size_t h, dk_networks *t, dk_network *n,
			   int *figures, dk_error *d)
{
	char msg[700], q[80], label[80];
	const field *f = &rec->f[h];
	int col = pl->col;
	if (col == DK_COL_NETWORK || col < 0)
		return DK_OK;
	if (is_blank(f->text))
		return DK_OK;
	/* a workbook's number cell is a plain decimal with a point, never
	 * digit groups, and its own decimals are what it says */
	dk_read_opts num_opts = *o;
	if (f->kind == DK_WB_NUMBER) {
		num_opts.mode = DK_DEC_POINT;
		o = &num_opts;
	} else if (f->kind == DK_WB_DATE) {
		dk_column_text(col, o->plan, label, sizeof label);
		snprintf(msg, sizeof msg,
			 _("%s: a date where a number belongs; format the cell as "
			   "a number"),
			 label);
		cell_error(in, d, rec, h, msg);
		return DK_OK;
	}
	if (col >= DK_COL_INSTITUTION) {
		int i = col - DK_COL_INSTITUTION;
		dk_num_spec spec;
		dk_cell_spec(DK_KIND_AMOUNT, o->mode, &spec);
		int64_t v;
		++*figures;
		dk_column_text(col, o->plan, label, sizeof label);
		if (f->kind != DK_WB_NUMBER &&
		    dk_amount_implausible(f->text, label, o->mode, msg, sizeof msg)) {
			cell_error(in, d, rec, h, msg);
			return DK_OK;
		}
		dk_num_result r = dk_decimal_parse(f->text, &spec, &v);
		if (r == DK_NUM_EMPTY)
			v = 0; /* '-' or an en dash: a stated zero */
		else if (r != DK_NUM_OK) {
			dk_cell_message(r, label, f->text, &spec, msg, sizeof msg);
			cell_error(in, d, rec, h, msg);
			return DK_OK;
		}
		n->uh[i] = v;
		n->uh_present |= 1u << i;
		return DK_OK;
	}
	const dk_column_def *def = dk_column_get((dk_column)col);
	dk_column_text(col, o->plan, label, sizeof label);
	switch (def->kind) {
	case DK_KIND_AMOUNT:
	case DK_KIND_FTE:
	case DK_KIND_PERCENT: {
		dk_num_spec spec;
		dk_cell_spec(def->kind, o->mode, &spec);
		int64_t v;
		++*figures;
		if (def->kind == DK_KIND_AMOUNT && f->kind != DK_WB_NUMBER &&
		    dk_amount_implausible(f->text, label, o->mode, msg, sizeof msg)) {
			cell_error(in, d, rec, h, msg);
			return DK_OK;
		}
		dk_num_result r = dk_decimal_parse(f->text, &spec, &v);
		if (r == DK_NUM_EMPTY)
			v = 0; /* '-' or an en dash: a stated zero (RULES.md
				   section 5: a figure, which `stated-total`
				   checks) */
		else if (r != DK_NUM_OK) {
			dk_cell_message(r, label, f->text, &spec, msg, sizeof msg);
			cell_error(in, d, rec, h, msg);
			return DK_OK;
		}
		n->v[col] = v;
		n->present |= 1u << col;
		return DK_OK;
	}
	case DK_KIND_UP1: {
		dk_status st = dk_up1_parse(f->text, o->plan, t, n, msg, sizeof msg);
		if (st == DK_EINPUT)
			cell_error(in, d, rec, h, msg);
		return st == DK_ENOMEM ? st : DK_OK;
	}
	case DK_KIND_JUDGEMENT: {
		dk_judgement j;
		if (!dk_judgement_parse(f->text, &j)) {
			dk_quote(f->text, q, sizeof q);
			snprintf(msg, sizeof msg,
				 _("%s: '%s' is not an answer; expected ja, nei, "
				   "delvis or an empty cell"),
				 label, q);
			cell_error(in, d, rec, h, msg);
			return DK_OK;
		}
		n->v[col] = j;
		n->present |= 1u << col;
		return DK_OK;
	}
	default: return DK_OK;
	}
}

/* The rows of a sheet (records, CSV's or a workbook's) as networks: the
 * header, the columns, every row; takes sp. */
static dk_status read_table(const dk_input *in, const dk_read_opts *o, splitter sp,
			    dk_networks *t, int *header_line, size_t before, dk_error *d)
{
	dk_status st = DK_OK;
	if (sp.n == 0) {
		dk_error_add(d, in->name, 1, 1, "%s",
			     _("the file is empty; expected a header row and one "
			       "row per network"));
		splitter_release(&sp);
		return DK_EINPUT;
	}
	size_t first = header_row(&sp, o);
	/* a title of two or more cells above the header: say so, rather than
	 * call each of its words an unknown header */
	if (first == 0 && !names_known_column(&sp.rows[0], o))
		for (size_t r = 1; r < sp.n && r <= TITLE_ROWS_MAX; r++)
			if (names_known_column(&sp.rows[r], o)) {
				dk_error_add(d, in->name, sp.rows[0].line, 1,
					     _("line %d holds a title, not the header; "
					       "the header is on line %d: delete the "
					       "lines above it, or leave at most one "
					       "filled cell on each"),
					     sp.rows[0].line, sp.rows[r].line);
				splitter_release(&sp);
				return DK_EINPUT;
			}
	const record *hdr = &sp.rows[first];
	if (header_line)
		*header_line = hdr->line;
	placement *pl = calloc(hdr->n, sizeof *pl);
	if (!pl) {
		splitter_release(&sp);
		return DK_ENOMEM;
	}
	st = place_headers(in, o, hdr, first + 1, &sp, pl, d);
	long name_col = -1, fte_col = -1;
	for (size_t h = 0; h < hdr->n; h++) {
		if (pl[h].col == DK_COL_NETWORK)
			name_col = (long)h;
		if (pl[h].col == DK_COL_FTE)
			fte_col = (long)h;
		if (pl[h].col >= DK_COL_INSTITUTION)
			t->uh_columns |= 1u << (pl[h].col - DK_COL_INSTITUTION);
		else if (pl[h].col >= 0)
			t->columns |= 1u << pl[h].col;
	}
	int header_ok = d->n + d->dropped == before;
	if (header_ok) {
		for (int c = 0; c < DK_COL_COUNT; c++) {
			const dk_column_def *def = dk_column_get((dk_column)c);
			if (!def->required || ((t->columns >> c) & 1u) ||
			    (o->supplement && c != DK_COL_NETWORK))
				continue;
			/* English: the name and an alias; bokmål: the label
			 * and the name */
			bool en = dk_i18n_english();
			const char *name = en ? def->name : def->label_nb;
			const char *other = en ? def->aliases[0] : def->name;
			if (other)
				dk_error_add(d, in->name, hdr->line, 1,
					     _("no '%s' column; expected a header "
					       "'%s' or an alias such as %s (see "
					       "dekom help columns)"),
					     name, name, other);
			else
				dk_error_add(d, in->name, hdr->line, 1,
					     _("no '%s' column; expected a header "
					       "'%s' (see dekom help columns)"),
					     name, name);
		}
	}
	header_ok = d->n + d->dropped == before;
	for (size_t r = first + 1; header_ok && st == DK_OK && r < sp.n; r++) {
		const record *rec = &sp.rows[r];
		int blank = 1;
		for (size_t k = 0; k < rec->n; k++)
			if (!is_blank(rec->f[k].text))
				blank = 0;
		if (blank)
			continue;
		if (rec->n != hdr->n) {
			dk_error_add(d, in->name, rec->line, 1,
				     _("row has %zu cells, the header %zu; expected "
				       "one cell per column"),
				     rec->n, hdr->n);
			continue;
		}
		char *name = dk_name_trimmed(rec->f[name_col].text);
		if (!name) {
			st = DK_ENOMEM;
			break;
		}
		dk_network *n;
		dk_name_kind kind = dk_name_kind_of(name);
		if (kind == DK_NAME_TOTALS_LIKE) {
			char q[80], msg[400];
			dk_quote(name, q, sizeof q);
			snprintf(msg, sizeof msg,
				 _("network: '%s' looks like a totals or subtotal row; "
				   "name a totals row exactly Sum (or Totalt, I alt, "
				   "...), remove a subtotal, or rename the network"),
				 q);
			cell_error(in, d, rec, (size_t)name_col, msg);
			free(name);
			continue;
		}
		if (kind == DK_NAME_TOTALS) {
			if (t->has_totals) {
				cell_error(in, d, rec, (size_t)name_col,
					   _("a second totals row; expected one "
					     "totals row at most"));
				free(name);
				continue;
			}
			st = dk_networks_begin_totals(t, name, rec->line, &n);
			free(name);
			if (st != DK_OK)
				break;
		} else {
			st = dk_networks_add(t, name, rec->line, &n);
			free(name);
			if (st != DK_OK)
				break;
			char msgs[2][400];
			int np = dk_network_name_problems(t, n, msgs);
			for (int k = 0; k < np; k++)
				cell_error(in, d, rec, (size_t)name_col, msgs[k]);
		}
		int figures = 0;
		for (size_t h = 0; h < hdr->n && st == DK_OK; h++)
			st = read_cell(in, o, &pl[h], rec, h, t, n, &figures, d);
		if (st != DK_OK || n == &t->totals)
			continue;
		char q[80], msg[500]; /* the name quoted, for a message */
		if (figures == 0 && !o->supplement) {
			dk_quote(n->name, q, sizeof q);
			snprintf(msg, sizeof msg,
				 _("network: row '%s' has a name but no figures; is "
				   "it a note? remove it from the table, or fill in "
				   "its figures ('-' for 0)"),
				 q);
			cell_error(in, d, rec, (size_t)name_col, msg);
		} else if (fte_col >= 0 && o->plan->method == DK_METHOD_PRORATA &&
			   is_blank(rec->f[fte_col].text)) {
			dk_quote(n->name, q, sizeof q);
			snprintf(msg, sizeof msg,
				 _("fte: the cell of network '%s' is empty, and "
				   "prorata needs every network's teacher FTE; give "
				   "a number, or '-' for 0"),
				 q);
			cell_error(in, d, rec, (size_t)fte_col, msg);
		}
	}
	if (header_ok && st == DK_OK && t->n == 0 && d->n + d->dropped == before)
		dk_error_add(d, in->name,
			     sp.n > first + 1 ? sp.rows[sp.n - 1].line : hdr->line, 1,
			     "%s",
			     _("no network rows; expected one row per network "
			       "under the header"));
	for (size_t h = 0; h < hdr->n; h++)
		free(pl[h].header);
	free(pl);
	splitter_release(&sp);
	if (st != DK_OK)
		return st;
	return d->n + d->dropped > before ? DK_EINPUT : DK_OK;
}

dk_status dk_networks_read_csv(const dk_input *in, const dk_read_opts *o, dk_networks *t,
			       int *header_line, dk_error *d)
{
	size_t before = d->n + d->dropped;
	dk_networks_init(t, o->plan->n_institutions);
	splitter sp;
	dk_status st = split_records(in, &sp, d);
	if (st != DK_OK) {
		splitter_release(&sp);
		return st;
	}
	return read_table(in, o, sp, t, header_line, before, d);
}

/* A workbook's sheet as the records a CSV of it would give: a record per
 * row that holds a cell, each as wide as the sheet, every cell's text as
 * the sheet shows it (workbook.h). An error value or a formula without a
 * value is refused at its cell here, whatever its column. */
static dk_status sheet_records(const dk_input *in, const dk_wb_sheet *ws, splitter *sp,
			       dk_error *d)
{
	memset(sp, 0, sizeof *sp);
	sp->text = "";
	size_t width = ws->width > 0 ? (size_t)ws->width : 1;
	sp->rows = calloc(ws->n ? ws->n : 1, sizeof *sp->rows);
	if (!sp->rows)
		return DK_ENOMEM;
	sp->cap = ws->n ? ws->n : 1;
	for (size_t i = 0; i < ws->n; i++) {
		const dk_wb_row *w = &ws->rows[i];
		record *r = &sp->rows[sp->n++];
		r->line = r->row = w->row;
		r->sheet = true;
		r->f = arena_get(sp, width * sizeof *r->f);
		if (!r->f)
			return DK_ENOMEM;
		memset(r->f, 0, width * sizeof *r->f);
		r->n = r->cap = width;
		for (size_t k = 0; k < width; k++)
			r->f[k].kind = DK_WB_TEXT;
		for (size_t k = 0; k < w->n; k++) {
			const dk_wb_cell *c = &w->cells[k];
			field *f = &r->f[c->col];
			f->text = arena_text(sp, c->text, strlen(c->text));
			if (!f->text)
				return DK_ENOMEM;
			f->kind = c->kind;
			if (c->kind == DK_WB_ERROR || c->kind == DK_WB_NO_VALUE) {
				char msg[300], q[80];
				dk_quote(c->text, q, sizeof q);
				if (c->kind == DK_WB_ERROR)
					snprintf(msg, sizeof msg,
						 _("the formula's result is an error "
						   "(%s); correct the formula"),
						 q);
				else
					snprintf(msg, sizeof msg, "%s",
						 _("a formula without a stored value; "
						   "open the workbook in Excel or "
						   "LibreOffice and save it, so that "
						   "its values are stored"));
				cell_error(in, d, r, (size_t)c->col, msg);
			}
		}
		for (size_t k = 0; k < width; k++)
			if (!r->f[k].text && !(r->f[k].text = arena_text(sp, "", 0)))
				return DK_ENOMEM;
	}
	return DK_OK;
}

dk_status dk_networks_read_workbook(const dk_input *in, const dk_read_opts *o,
				    dk_networks *t, int *header_line, dk_error *d)
{
	size_t before = d->n + d->dropped;
	dk_networks_init(t, o->plan->n_institutions);
	dk_wb_sheet ws;
	dk_status st = dk_workbook_sheet(in, o->sheet, &ws, d);
	if (st != DK_OK)
		return st;
	splitter sp;
	st = sheet_records(in, &ws, &sp, d);
	dk_wb_sheet_release(&ws);
	if (st == DK_OK && d->n + d->dropped > before)
		st = DK_EINPUT;
	if (st != DK_OK) {
		splitter_release(&sp);
		return st;
	}
	return read_table(in, o, sp, t, header_line, before, d);
}

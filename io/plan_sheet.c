/*
 * plan_sheet.c: the plan from a workbook's `Plan` sheet (see plan_sheet.h).
 *
 * The rows are gathered into a tree of the plan's JSON (an object per
 * object of the plan, an array per list), each leaf with the cell its value
 * came from. The tree is written as JSON text, one value per line, with a
 * table from each line to its cell; the JSON plan reader reads that text,
 * and every diagnostic it makes is moved to the line's cell.
 */
#include "io/plan_sheet.h"

#include <cjson/cJSON.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/cells.h"
#include "io/i18n.h"
#include "io/json_plan.h"
#include "io/report.h"
#include "io/strbuf.h"
#include "io/workbook.h"
#include "models/columns.h"
#include "models/fields.h"
#include "models/finding.h"
#include "models/numtext.h"

/* clang-format off */
static const dk_plan_param params[] = {
	{"/year", N_("Plan year")},
	{"/title/forum", N_("Forum")},
	{"/title/meeting", N_("Meeting")},
	{"/title/case", N_("Case number")},
	{"/title/draft", N_("Draft")},
	{"/frame/total", N_("Total frame")},
	{"/frame/prorata", N_("Pro rata frame")},
	{"/frame/direct/amount", N_("Direct transfer")},
	{"/frame/direct/split", N_("Split of the direct transfer")},
	{"/frame/direct/weight", N_("Weight of a UP1")},
	{"/frame/reserve", N_("Reserve")},
	{"/allocation/method", N_("Allocation method")},
	{"/allocation/base_grant", N_("Base grant")},
	{"/allocation/base_share", N_("Base grant as a share")},
	{"/allocation/cap_at_need", N_("Cap at the need")},
	{"/allocation/floor_previous", N_("Floor as a share of last year")},
	{"/allocation/surplus", N_("Surplus")},
	{"/allocation/rounding", N_("Rounding unit")},
};

static const dk_plan_block_def blocks[DK_PLAN_BLOCKS] = {
	[DK_PLAN_INSTITUTIONS] = {N_("Institutions"),
		{N_("Id"), N_("Full name"), N_("Other names"), N_("Share of the direct transfer"),
		 N_("Amount of the direct transfer"), NULL}},
	[DK_PLAN_MEASURES] = {N_("Common measures"), {N_("Measure"), N_("Amount"), NULL}},
	[DK_PLAN_CHECKS] = {N_("Checks"), {N_("Check"), N_("Parameter"), N_("Value"), NULL}},
	[DK_PLAN_DECISIONS] = {N_("Decisions"),
		{N_("Network"), N_("Amount"), N_("Reason"), NULL}},
};
/* clang-format on */

const char *const dk_plan_sheet_head[3] = {N_("Parameter"), N_("Value"), N_("Note")};
const char *const dk_plan_check_off = N_("Off");
const char *const dk_plan_check_severity = N_("Severity");

const dk_plan_param *dk_plan_params(size_t *n)
{
	*n = sizeof params / sizeof params[0];
	return params;
}

const dk_plan_block_def *dk_plan_block_get(dk_plan_block b)
{
	return &blocks[b];
}

/* ---- the tree ---- */

typedef struct node {
	char *key;   /* member name, or the index of an array's entry */
	char *value; /* a leaf's JSON text; NULL for an object or array */
	bool array;
	int row, col;      /* the cell: the value's, or a container's first */
	int key_col;       /* the label's column, for a message about the key */
	const char *label; /* a row's label (a message id), or NULL */
	struct node *child, *next;
} node;

typedef struct {
	int row, col, key_col;
	size_t value_at;   /* 1-based column where the value starts on the line */
	char path[100];    /* a leaf's path with dots, "frame.prorata" */
	const char *label; /* its row's label (a message id), or NULL */
} line_pos;

typedef struct {
	const dk_input *in;
	dk_decimal_mode mode;
	dk_error *d;
	node root;
	int head_row;
	int rows[32]; /* the row of each of dk_plan_params' labels, 0: none */
	line_pos *lines;
	size_t n_lines, cap_lines;
	int oom;
} reader;

static void node_free(node *n)
{
	for (node *c = n->child, *next; c; c = next) {
		next = c->next;
		node_free(c);
		free(c);
	}
	free(n->key);
	free(n->value);
}

static bool all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

/* Whether the container at segs[0..k] (k + 1 segments) is a list. */
static bool is_list(char *const *segs, size_t k)
{
	if (k == 0)
		return strcmp(segs[0], "institutions") == 0 ||
			strcmp(segs[0], "decisions") == 0;
	if (k == 1)
		return strcmp(segs[0], "frame") == 0 &&
			strcmp(segs[1], "common_measures") == 0;
	return k == 2 && strcmp(segs[0], "institutions") == 0 &&
		strcmp(segs[2], "aliases") == 0;
}

static void cell_error(reader *r, int row, int col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void cell_error(reader *r, int row, int col, const char *fmt, ...)
{
	char msg[600], name[24];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	dk_utf8_trim(msg);
	dk_wb_cell_name((size_t)(col - 1), row, name, sizeof name);
	dk_error_add(r->d, r->in->name, row, col, _("cell %s: %s"), name, msg);
}

/* Adds the leaf segs[0..n) = value (JSON text, taken) at its cells. */
static void insert(reader *r, char *const *segs, size_t n, char *value, int row, int col,
		   int key_col, const char *label)
{
	node *at = &r->root;
	for (size_t k = 0; k < n; k++) {
		node **link = &at->child, *c;
		bool list = k > 0 && at->array;
		for (c = at->child; c; c = c->next) {
			if (strcmp(c->key, segs[k]) == 0)
				break;
			if (list && strtol(c->key, NULL, 10) < strtol(segs[k], NULL, 10))
				link = &c->next;
			else if (!list)
				link = &c->next;
		}
		if (!c) {
			c = calloc(1, sizeof *c);
			if (!c || !(c->key = strdup(segs[k]))) {
				free(c);
				r->oom = 1;
				break;
			}
			c->array = k + 1 < n && is_list(segs, k);
			c->row = row, c->col = col, c->key_col = key_col;
			c->next = *link;
			*link = c;
		} else if (k + 1 == n || c->value) {
			char path[200] = "";
			for (size_t j = 0; j <= k; j++)
				snprintf(path + strlen(path), sizeof path - strlen(path),
					 "%s%s", j ? "." : "", segs[j]);
			cell_error(r, row, col,
				   _("%s is given twice (first in row %d); expected it "
				     "once"),
				   path, c->row);
			break;
		}
		if (k + 1 == n) {
			c->value = value;
			c->label = label;
			return;
		}
		at = c;
	}
	free(value);
}

static char *json_string(const char *s)
{
	cJSON *v = cJSON_CreateString(s);
	char *out = v ? cJSON_PrintUnformatted(v) : NULL;
	cJSON_Delete(v);
	return out;
}

static void push_line(reader *r, const node *n, size_t value_at, const char *path)
{
	if (r->n_lines == r->cap_lines) {
		size_t cap = r->cap_lines ? 2 * r->cap_lines : 64;
		line_pos *l = realloc(r->lines, cap * sizeof *l);
		if (!l) {
			r->oom = 1;
			return;
		}
		r->lines = l, r->cap_lines = cap;
	}
	line_pos *l = &r->lines[r->n_lines++];
	*l = (line_pos){n->row, n->col, n->key_col, value_at, "", n->label};
	snprintf(l->path, sizeof l->path, "%s", path);
}

/* Writes n (a member when `member`, at `path`) on lines of its own. */
static void emit(reader *r, dk_strbuf *b, const node *n, const char *path, bool member,
		 bool comma)
{
	size_t start = b->len;
	char sub[100];
	if (member) {
		char *k = json_string(n->key);
		if (!k) {
			r->oom = 1;
			return;
		}
		dk_strbuf_puts(b, k);
		dk_strbuf_puts(b, ": ");
		free(k);
	}
	push_line(r, n, b->len - start + 1, path);
	if (n->value) {
		dk_strbuf_puts(b, n->value);
		dk_strbuf_puts(b, comma ? ",\n" : "\n");
		return;
	}
	dk_strbuf_puts(b, n->array ? "[\n" : "{\n");
	for (const node *c = n->child; c; c = c->next) {
		snprintf(sub, sizeof sub, "%s%s%s", path, *path ? "." : "", c->key);
		emit(r, b, c, sub, !n->array, c->next != NULL);
	}
	push_line(r, n, 1, path);
	dk_strbuf_puts(b, n->array ? "]" : "}");
	dk_strbuf_puts(b, comma ? ",\n" : "\n");
}

/* ---- cells ---- */

typedef enum { V_NUMBER, V_BOOL, V_TEXT } value_kind;

typedef struct {
	value_kind kind;
	int decimals;  /* V_NUMBER */
	int64_t max;   /* V_NUMBER, scaled */
	bool share;    /* V_NUMBER: 25 % is 0.25 (else 25) */
	bool currency; /* V_NUMBER: kr allowed */
} value_spec;

static const dk_wb_cell *cell_at(const dk_wb_row *w, int col)
{
	for (size_t k = 0; k < w->n; k++)
		if (w->cells[k].col == col)
			return &w->cells[k];
	return NULL;
}

static bool blank(const char *s)
{
	char norm[8];
	dk_header_norm(s, norm, sizeof norm);
	return norm[0] == '\0';
}

/* s without white space at either end (in place). */
static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	size_t n = strlen(s);
	while (n &&
	       (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' ||
		s[n - 1] == '\r'))
		s[--n] = '\0';
	return s;
}

/* The cell's text, or "" */
static const char *text_at(const dk_wb_row *w, int col)
{
	const dk_wb_cell *c = cell_at(w, col);
	return c ? c->text : "";
}

/* Days since 1899-12-30 (a spreadsheet's date serial) as YYYY-MM-DD
 * (H. Hinnant's civil_from_days). */
static void serial_date(long serial, char *buf, size_t size)
{
	long z = serial - 25569 + 719468; /* days since 0000-03-01 */
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153, dd = doy - (153 * mp + 2) / 5 + 1;
	long mm = mp < 10 ? mp + 3 : mp - 9;
	snprintf(buf, size, "%04ld-%02ld-%02ld", y + (mm <= 2), mm, dd);
}

/* The JSON text of cell c as a value of spec vs, named `label` in messages;
 * NULL when it is reported or not given (*given false). */
static char *cell_value(reader *r, const dk_wb_cell *c, int row, const value_spec *vs,
			const char *label, bool *given)
{
	char q[80], buf[64];
	*given = c && !blank(c->text);
	if (!*given)
		return NULL;
	dk_quote(c->text, q, sizeof q);
	int col = c->col + 1;
	if (c->kind == DK_WB_ERROR) {
		cell_error(r, row, col,
			   _("the formula's result is an error (%s); correct the "
			     "formula"),
			   q);
		return NULL;
	}
	if (c->kind == DK_WB_NO_VALUE) {
		cell_error(r, row, col, "%s",
			   _("a formula without a stored value; open the workbook in "
			     "Excel or LibreOffice and save it, so that its values "
			     "are stored"));
		return NULL;
	}
	if (c->kind == DK_WB_DATE) {
		if (vs->kind != V_TEXT) {
			cell_error(r, row, col,
				   _("%s: a date where a number belongs; format the "
				     "cell as a number"),
				   label);
			return NULL;
		}
		char *end;
		long serial = strtol(c->text, &end, 10);
		if (end != c->text && (*end == '\0' || *end == '.') && serial > 0 &&
		    serial < 2958466)
			serial_date(serial, buf, sizeof buf);
		else
			snprintf(buf, sizeof buf, "%.10s", c->text); /* ODS: ISO */
		return json_string(buf);
	}
	if (vs->kind == V_TEXT) {
		char *t = strdup(c->text), *out;
		if (!t)
			return NULL;
		out = json_string(trim(t));
		free(t);
		return out;
	}
	if (vs->kind == V_BOOL) {
		static const char *const yes[] = {"ja", "yes", "true", "sann", "1"};
		static const char *const no[] = {"nei", "no", "false", "usann", "0"};
		char norm[16];
		dk_header_norm(c->text, norm, sizeof norm);
		for (size_t k = 0; k < sizeof yes / sizeof yes[0]; k++) {
			if (strcmp(norm, yes[k]) == 0)
				return strdup("true");
			if (strcmp(norm, no[k]) == 0)
				return strdup("false");
		}
		cell_error(r, row, col,
			   _("%s: '%s' is neither ja nor nei; expected ja or nei"), label,
			   q);
		return NULL;
	}
	/* a number: a percentage is a share (25 % = 0.25) or points */
	char t[128];
	snprintf(t, sizeof t, "%s", c->text);
	size_t len = strlen(t);
	while (len && (t[len - 1] == ' '))
		t[--len] = '\0';
	bool pct = len && t[len - 1] == '%';
	if (pct)
		t[--len] = '\0';
	int dec = vs->decimals + (pct && vs->share ? 2 : 0);
	dk_num_spec spec = {dec, vs->max * (pct && vs->share ? 100 : 1), vs->currency,
			    false, c->kind == DK_WB_NUMBER ? DK_DEC_POINT : r->mode};
	int64_t v;
	dk_num_result res = dk_decimal_parse(t, &spec, &v);
	if (res == DK_NUM_EMPTY) {
		*given = false;
		return NULL;
	}
	if (res != DK_NUM_OK) {
		char msg[400];
		dk_cell_message(res, label, c->text, &spec, msg, sizeof msg);
		cell_error(r, row, col, "%s", msg);
		return NULL;
	}
	dk_scaled_plain(v, dec, buf, sizeof buf);
	return strdup(buf);
}

/* How the plan's field at path (segments) is written in a cell. */
static bool spec_of(char *const *segs, size_t n, value_spec *vs)
{
	memset(vs, 0, sizeof *vs);
	if (n == 3 && strcmp(segs[0], "checks") == 0 && strcmp(segs[2], "off") != 0) {
		int id = dk_check_find(segs[1]);
		if (id < 0 || dk_check_is_price((dk_check_id)id))
			return false;
		if (strcmp(segs[2], "severity") == 0) {
			vs->kind = V_TEXT;
			return true;
		}
		const dk_check_def *def = &dk_checks()[id];
		for (int k = 0; k < DK_CHECK_PARAMS; k++) {
			const dk_param_def *pd = &def->params[k];
			if (!pd->name || strcmp(pd->name, segs[2]) != 0)
				continue;
			const dk_field *f = dk_field_of_param(pd->kind);
			vs->kind = f ? V_NUMBER : V_TEXT;
			if (f) {
				vs->decimals = f->decimals, vs->max = f->max;
				vs->share = pd->kind == DK_PARAM_RATIO;
				vs->currency = pd->kind == DK_PARAM_AMOUNT;
			}
			return true;
		}
		return false;
	}
	const char *cs[8] = {0};
	for (size_t k = 0; k < n && k < 8; k++)
		cs[k] = segs[k];
	const dk_field *f = n <= 8 ? dk_field_match(DK_FILE_PLAN, cs, n) : NULL;
	if (!f)
		return false;
	/* an entry of a list is counted */
	for (size_t k = 1; k < n; k++)
		if (is_list(segs, k - 1) && !all_digits(segs[k]))
			return false;
	switch (f->type) {
	case DK_FIELD_NUMBER:
		vs->kind = V_NUMBER;
		vs->decimals = f->decimals, vs->max = f->max;
		vs->share = f->decimals == 6;
		vs->currency = f->unit && strcmp(f->unit, "kr") == 0;
		break;
	case DK_FIELD_BOOL: vs->kind = V_BOOL; break;
	default: vs->kind = V_TEXT; break;
	}
	return true;
}

/* Splits a dotted path ("frame.prorata", or "/frame/prorata") into at most
 * `max` segments of buf; returns their number, 0 when it is no path. */
static size_t split_path(char *buf, char **segs, size_t max)
{
	size_t n = 0;
	char *p = buf + (*buf == '/');
	while (*p && n < max) {
		segs[n++] = p;
		p += strcspn(p, "./");
		if (*p)
			*p++ = '\0';
		else
			break;
	}
	for (size_t k = 0; k < n; k++)
		if (!*segs[k])
			return 0;
	return *p ? 0 : n;
}

/* Whether the normalised text `key` is label (an English message id) in
 * either language. */
static bool is_label(const char *key, const char *label)
{
	char a[200];
	for (int en = 0; en < 2; en++) {
		dk_header_norm(dk_tr(en, label), a, sizeof a);
		dk_header_key(a);
		if (strcmp(a, key) == 0)
			return true;
	}
	return false;
}

static void key_of(const char *text, char *key, size_t size)
{
	dk_header_norm(text, key, size);
	dk_header_key(key);
}

/* Reports an unknown parameter, with the label or path it is near. */
static void unknown_param(reader *r, const dk_wb_row *w, const char *text)
{
	bool en = dk_i18n_english();
	char key[200], k2[200], q[80], near[200] = "";
	key_of(text, key, sizeof key);
	dk_quote(text, q, sizeof q);
	for (size_t i = 0; i < sizeof params / sizeof params[0] && !near[0]; i++)
		for (int l = 0; l < 2 && !near[0]; l++) {
			key_of(dk_tr(l, params[i].label), k2, sizeof k2);
			if (dk_header_near(key, k2))
				snprintf(near, sizeof near, "%s",
					 dk_tr(l, params[i].label));
		}
	for (int b = 0; b < DK_PLAN_BLOCKS && !near[0]; b++) {
		key_of(dk_tr(en, blocks[b].title), k2, sizeof k2);
		if (dk_header_near(key, k2))
			snprintf(near, sizeof near, "%s", dk_tr(en, blocks[b].title));
	}
	size_t n;
	const dk_field *f = dk_fields(DK_FILE_PLAN, &n);
	for (size_t i = 0; i < n && !near[0]; i++) {
		char dotted[80];
		if (strchr(f[i].path, '*'))
			continue;
		snprintf(dotted, sizeof dotted, "%s", f[i].path + 1);
		for (char *c = dotted; *c; c++)
			if (*c == '/')
				*c = '.';
		key_of(dotted, k2, sizeof k2);
		if (dk_header_near(key, k2))
			snprintf(near, sizeof near, "%s", dotted);
	}
	if (near[0])
		cell_error(r, w->row, 1,
			   _("'%s' is not a parameter of the plan; did you mean '%s'?"),
			   q, near);
	else
		cell_error(r, w->row, 1,
			   _("'%s' is not a parameter of the plan; expected a label of "
			     "the Plan sheet dekom init writes, or a path such as "
			     "frame.prorata (dekom help plan)"),
			   q);
}

/* One key-value row: its label or path, and its value. */
static void param_row(reader *r, const dk_wb_row *w)
{
	const char *label = text_at(w, 0);
	const dk_wb_cell *v = cell_at(w, 1);
	char key[200], path[200], *segs[8];
	key_of(label, key, sizeof key);
	if (blank(label)) {
		cell_error(r, w->row, 2, "%s",
			   _("a value without a parameter; expected the parameter's "
			     "label in column A"));
		return;
	}
	size_t at = sizeof params / sizeof params[0];
	for (size_t i = 0; i < sizeof params / sizeof params[0]; i++)
		if (is_label(key, params[i].label)) {
			at = i;
			break;
		}
	bool known = at < sizeof params / sizeof params[0];
	if (known && at < sizeof r->rows / sizeof r->rows[0])
		r->rows[at] = w->row;
	char buf[200];
	snprintf(buf, sizeof buf, "%s", known ? params[at].path : label);
	snprintf(path, sizeof path, "%s", trim(buf));
	size_t n = split_path(path, segs, 8);
	value_spec vs;
	if (n == 0 || !spec_of(segs, n, &vs)) {
		unknown_param(r, w, label);
		return;
	}
	/* named in messages as the row names it */
	char shown[200];
	snprintf(shown, sizeof shown, "%s",
		 known ? dk_tr(dk_i18n_english(), params[at].label) : label);
	bool given;
	char *json = cell_value(r, v, w->row, &vs, trim(shown), &given);
	if (json)
		insert(r, segs, n, json, w->row, 2, 1, known ? params[at].label : NULL);
}

/* Whether the tree has a value at the dotted path. */
static bool has_value(const node *root, const char *path)
{
	char buf[100], *segs[8];
	snprintf(buf, sizeof buf, "%s", path);
	size_t n = split_path(buf, segs, 8);
	const node *at = root;
	for (size_t k = 0; k < n && at; k++) {
		const node *c = at->child;
		while (c && strcmp(c->key, segs[k]) != 0)
			c = c->next;
		at = c;
	}
	return at && at->value;
}

/* The row of the label for the plan field at path, or the header's. */
static int row_of(const reader *r, const char *path)
{
	for (size_t i = 0; i < sizeof params / sizeof params[0]; i++)
		if (strcmp(params[i].path, path) == 0 && r->rows[i])
			return r->rows[i];
	return r->head_row;
}

/* What a plan must have, said at the row where it belongs: a frame (the
 * total or the pro-rata frame) and a method. */
static void required(reader *r)
{
	bool en = dk_i18n_english();
	if (!has_value(&r->root, "frame.total") && !has_value(&r->root, "frame.prorata"))
		cell_error(r, row_of(r, "/frame/total"), 2,
			   _("%s or %s: neither is given; fill in one of them"),
			   dk_tr(en, params[5].label), dk_tr(en, params[6].label));
	if (!has_value(&r->root, "allocation.method")) {
		char methods[80];
		dk_or_list(dk_field_get(DK_FILE_PLAN, "/allocation/method")->names, false,
			   methods, sizeof methods);
		cell_error(r, row_of(r, "/allocation/method"), 2,
			   _("%s: no value; choose %s"), dk_tr(en, params[11].label),
			   methods);
	}
}

/* ---- blocks ---- */

typedef struct {
	dk_plan_block b;
	int col[DK_PLAN_BLOCK_COLS]; /* the sheet's column of each, or -1 */
	int *entries;                /* the entries of its kind so far */
} block;

/* The block whose title the normalised key is, or -1. */
static int block_of(const char *key)
{
	for (int b = 0; b < DK_PLAN_BLOCKS; b++)
		if (is_label(key, blocks[b].title))
			return b;
	return -1;
}

/* Reads a block's header row; false when it is reported. */
static bool block_head(reader *r, const dk_wb_row *w, block *bk)
{
	const dk_plan_block_def *def = &blocks[bk->b];
	for (int k = 0; k < DK_PLAN_BLOCK_COLS; k++)
		bk->col[k] = -1;
	bool ok = true;
	for (size_t i = 0; i < w->n; i++) {
		const dk_wb_cell *c = &w->cells[i];
		char key[200];
		key_of(c->text, key, sizeof key);
		if (!key[0] || is_label(key, dk_plan_sheet_head[2]))
			continue; /* notes */
		int found = -1;
		for (int k = 0; def->cols[k] && found < 0; k++)
			if (is_label(key, def->cols[k]))
				found = k;
		if (found < 0 || bk->col[found] >= 0) {
			char q[80], list[300] = "";
			const char *names[DK_PLAN_BLOCK_COLS + 1];
			int k = 0;
			for (; def->cols[k]; k++)
				names[k] = dk_tr(dk_i18n_english(), def->cols[k]);
			names[k] = NULL;
			dk_or_list(names, true, list, sizeof list);
			dk_quote(c->text, q, sizeof q);
			cell_error(r, w->row, c->col + 1,
				   found < 0 ? _("%s: '%s' is not a column of the block; "
						 "expected %s")
					     : _("%s: '%s' is given twice; expected "
						 "each of %s once"),
				   dk_tr(dk_i18n_english(), def->title), q, list);
			ok = false;
			continue;
		}
		bk->col[found] = c->col;
	}
	if (ok && bk->col[0] < 0) {
		cell_error(r, w->row, 1,
			   _("%s: the header has no column '%s'; expected the block's "
			     "header in the row below its title"),
			   dk_tr(dk_i18n_english(), def->title),
			   dk_tr(dk_i18n_english(), def->cols[0]));
		ok = false;
	}
	return ok;
}

/* The value of column k of the entry row w as spec vs at segs. */
static void entry_value(reader *r, const dk_wb_row *w, const block *bk, int k,
			char *const *segs, size_t n)
{
	if (bk->col[k] < 0)
		return;
	const dk_wb_cell *c = cell_at(w, bk->col[k]);
	value_spec vs;
	if (!spec_of(segs, n, &vs))
		return;
	char label[200];
	snprintf(label, sizeof label, "%s",
		 dk_tr(dk_i18n_english(), blocks[bk->b].cols[k]));
	bool given;
	char *json = cell_value(r, c, w->row, &vs, label, &given);
	if (json)
		insert(r, segs, n, json, w->row, bk->col[k] + 1, bk->col[0] + 1, NULL);
}

/* The check a normalised key names (its id or title), or -1. */
static int check_of(const char *text)
{
	char key[200], k2[200];
	key_of(text, key, sizeof key);
	const dk_check_def *defs = dk_checks();
	for (int id = 0; id < DK_CHECK_COUNT; id++) {
		if (dk_check_is_price((dk_check_id)id))
			continue;
		key_of(defs[id].name, k2, sizeof k2);
		if (strcmp(key, k2) == 0)
			return id;
		for (int en = 0; en < 2; en++) {
			key_of(dk_check_title((dk_check_id)id, en), k2, sizeof k2);
			if (strcmp(key, k2) == 0)
				return id;
		}
	}
	return -1;
}

static void entry_row(reader *r, const dk_wb_row *w, block *bk)
{
	char idx[16], id[200], *segs[6];
	const char *first = bk->col[0] >= 0 ? text_at(w, bk->col[0]) : "";
	snprintf(idx, sizeof idx, "%d", *bk->entries);
	if (blank(first)) {
		cell_error(r, w->row, bk->col[0] + 1,
			   _("%s: a row without '%s'; expected it in every row of "
			     "the block"),
			   dk_tr(dk_i18n_english(), blocks[bk->b].title),
			   dk_tr(dk_i18n_english(), blocks[bk->b].cols[0]));
		return;
	}
	switch (bk->b) {
	case DK_PLAN_INSTITUTIONS: {
		static const char *const keys[] = {"id", "name"};
		char idbuf[200];
		snprintf(idbuf, sizeof idbuf, "%s", first);
		snprintf(id, sizeof id, "%s", trim(idbuf));
		for (int k = 0; k < 2; k++) {
			segs[0] = "institutions", segs[1] = idx,
			segs[2] = (char *)keys[k];
			entry_value(r, w, bk, k, segs, 3);
		}
		if (bk->col[2] >= 0) {
			char all[600];
			snprintf(all, sizeof all, "%s", text_at(w, bk->col[2]));
			int a = 0;
			char *save = NULL;
			for (char *s = strtok_r(all, ";", &save); s;
			     s = strtok_r(NULL, ";", &save)) {
				char ai[16];
				if (blank(s))
					continue;
				snprintf(ai, sizeof ai, "%d", a++);
				segs[0] = "institutions", segs[1] = idx;
				segs[2] = "aliases", segs[3] = ai;
				char *json = json_string(trim(s));
				if (json)
					insert(r, segs, 4, json, w->row, bk->col[2] + 1,
					       bk->col[0] + 1, NULL);
			}
		}
		segs[0] = "frame", segs[1] = "direct", segs[2] = "shares", segs[3] = id;
		entry_value(r, w, bk, 3, segs, 4);
		segs[2] = "amounts";
		entry_value(r, w, bk, 4, segs, 4);
		break;
	}
	case DK_PLAN_MEASURES:
		segs[0] = "frame", segs[1] = "common_measures", segs[2] = idx;
		segs[3] = "name";
		entry_value(r, w, bk, 0, segs, 4);
		segs[3] = "amount";
		entry_value(r, w, bk, 1, segs, 4);
		break;
	case DK_PLAN_DECISIONS: {
		static const char *const keys[] = {"network", "amount", "reason"};
		for (int k = 0; k < 3; k++) {
			segs[0] = "decisions", segs[1] = idx, segs[2] = (char *)keys[k];
			entry_value(r, w, bk, k, segs, 3);
		}
		break;
	}
	default: {
		int check = check_of(first);
		char q[80];
		dk_quote(first, q, sizeof q);
		if (check < 0) {
			cell_error(r, w->row, bk->col[0] + 1,
				   _("'%s' is not a check of the plan; expected a check "
				     "by its name or id, such as row-sum or year-change "
				     "(see dekom help checks)"),
				   q);
			return;
		}
		char pkey[200], param[200], k2[200];
		const char *ptext = bk->col[1] >= 0 ? text_at(w, bk->col[1]) : "";
		key_of(ptext, pkey, sizeof pkey);
		if (is_label(pkey, dk_plan_check_off))
			snprintf(param, sizeof param, "off");
		else if (is_label(pkey, dk_plan_check_severity))
			snprintf(param, sizeof param, "severity");
		else
			snprintf(param, sizeof param, "%s", pkey);
		for (int k = 0; k < DK_CHECK_PARAMS; k++) {
			const char *name = dk_checks()[check].params[k].name;
			if (name && (key_of(name, k2, sizeof k2), strcmp(k2, pkey) == 0))
				snprintf(param, sizeof param, "%s", name);
		}
		segs[0] = "checks", segs[1] = (char *)dk_checks()[check].name;
		segs[2] = param;
		value_spec vs;
		if (!spec_of(segs, 3, &vs)) {
			dk_quote(ptext, q, sizeof q);
			cell_error(r, w->row, bk->col[1] + 1,
				   _("'%s' is not a parameter of the check %s; see dekom "
				     "help checks"),
				   q, dk_checks()[check].name);
			return;
		}
		const dk_wb_cell *c = bk->col[2] >= 0 ? cell_at(w, bk->col[2]) : NULL;
		bool given;
		char *json = cell_value(r, c, w->row, &vs, param, &given);
		if (json && strcmp(param, "severity") == 0) {
			/* the severity by its name in words too */
			char sk[64];
			key_of(c->text, sk, sizeof sk);
			for (int s = 0; s < 3; s++)
				for (int en = 0; en < 2; en++) {
					key_of(dk_severity_label((dk_severity)s, en), k2,
					       sizeof k2);
					if (strcmp(sk, k2) == 0) {
						free(json);
						json = json_string(
							dk_severity_name((dk_severity)s));
					}
				}
		}
		if (json)
			insert(r, segs, 3, json, w->row, bk->col[2] + 1, bk->col[0] + 1,
			       NULL);
		return; /* a check's rows are not entries */
	}
	}
	(*bk->entries)++;
}

static bool row_blank(const dk_wb_row *w)
{
	for (size_t k = 0; k < w->n; k++)
		if (!blank(w->cells[k].text))
			return false;
	return true;
}

/* Moves the diagnostics from `from` on, which the JSON reader made about
 * the text, to the cells their lines came from. */
static void move_diags(reader *r, size_t from)
{
	dk_error *d = r->d;
	for (size_t i = from; i < d->n; i++) {
		dk_diag *g = &d->items[i];
		int row = r->head_row, col = 1;
		const char *text = g->message, *label = NULL;
		if (g->line >= 1 && (size_t)g->line <= r->n_lines) {
			const line_pos *l = &r->lines[g->line - 1];
			size_t pl = strlen(l->path);
			row = l->row;
			col = (size_t)g->col < l->value_at ? l->key_col : l->col;
			/* "frame.prorata: ..." as the row names it */
			if (l->label && pl && strncmp(text, l->path, pl) == 0 &&
			    text[pl] == ':') {
				label = dk_tr(dk_i18n_english(), l->label);
				text += pl;
			}
		}
		char name[24], *msg;
		dk_wb_cell_name((size_t)(col - 1), row, name, sizeof name);
		size_t len = strlen(g->message) + strlen(name) + 240;
		if (!(msg = malloc(len))) {
			d->oom = 1;
			continue;
		}
		if (label)
			snprintf(msg, len, _("cell %s: %s%s"), name, label, text);
		else
			snprintf(msg, len, _("cell %s: %s"), name, text);
		free(g->message);
		g->message = msg;
		g->line = row, g->col = col;
	}
}

dk_status dk_plan_sheet_read(const dk_input *in, dk_decimal_mode mode, dk_plan *p,
			     dk_error *d)
{
	size_t before = d->n + d->dropped;
	dk_plan_init(p);
	dk_wb_sheet ws;
	dk_status st = dk_workbook_sheet(in, DK_PLAN_SHEET, &ws, d);
	if (st != DK_OK)
		return st;
	reader r = {.in = in, .mode = mode, .d = d};
	size_t i = 0;
	for (; i < ws.n; i++) {
		char a[64], b[64];
		key_of(text_at(&ws.rows[i], 0), a, sizeof a);
		key_of(text_at(&ws.rows[i], 1), b, sizeof b);
		if (is_label(a, dk_plan_sheet_head[0]) &&
		    is_label(b, dk_plan_sheet_head[1]))
			break;
	}
	if (i == ws.n) {
		dk_error_add(d, in->name, 0, 0,
			     _("the sheet '%s' has no header row '%s' | '%s'; expected "
			       "it above the plan's rows, as dekom init writes it"),
			     DK_PLAN_SHEET, _(dk_plan_sheet_head[0]),
			     _(dk_plan_sheet_head[1]));
		dk_wb_sheet_release(&ws);
		return DK_EINPUT;
	}
	r.head_row = ws.rows[i].row;
	r.root.row = r.head_row, r.root.col = 1, r.root.key_col = 1;
	block bk = {0};
	int entries[DK_PLAN_BLOCKS] = {0};
	enum { PARAMS, HEAD, ENTRIES } state = PARAMS;
	int last_row = r.head_row;
	for (i++; i < ws.n && !r.oom && !dk_error_full(d); i++) {
		const dk_wb_row *w = &ws.rows[i];
		bool gap = w->row > last_row + 1;
		last_row = w->row;
		if (gap && state == ENTRIES)
			state = PARAMS;
		if (row_blank(w)) {
			if (state == ENTRIES)
				state = PARAMS;
			continue;
		}
		char key[200];
		key_of(text_at(w, 0), key, sizeof key);
		int b = block_of(key);
		if (b >= 0 && blank(text_at(w, 1))) {
			/* a second block of one kind goes on counting */
			bk = (block){(dk_plan_block)b, {0}, &entries[b]};
			state = HEAD;
			continue;
		}
		if (state == HEAD) {
			state = block_head(&r, w, &bk) ? ENTRIES : PARAMS;
			continue;
		}
		if (state == ENTRIES)
			entry_row(&r, w, &bk);
		else
			param_row(&r, w);
	}
	dk_wb_sheet_release(&ws);
	if (!r.oom && d->n + d->dropped == before)
		required(&r);
	if (!r.oom && d->n + d->dropped == before) {
		dk_strbuf b = {0};
		emit(&r, &b, &r.root, "", false, false);
		char *text = dk_strbuf_done(&b);
		if (!text || r.oom) {
			r.oom = 1;
		} else {
			dk_input js;
			dk_input_init(&js);
			js.name = in->name;
			js.text = text;
			js.len = strlen(text);
			size_t from = d->n;
			st = dk_plan_read(&js, p, d);
			move_diags(&r, from);
			for (size_t k = 0; k < p->n_decisions; k++) {
				int line = p->decisions[k].line;
				if (line >= 1 && (size_t)line <= r.n_lines) {
					p->decisions[k].line = r.lines[line - 1].row;
					p->decisions[k].col = r.lines[line - 1].key_col;
				}
			}
		}
		free(text);
	}
	node_free(&r.root);
	free(r.lines);
	if (r.oom)
		return DK_ENOMEM;
	return d->n + d->dropped > before ? DK_EINPUT : st;
}

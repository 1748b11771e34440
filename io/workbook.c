/*
 * workbook.c: one sheet of an XLSX or ODS workbook (see workbook.h).
 *
 * XLSX (ECMA-376): xl/workbook.xml names the sheets and xl/_rels/
 * workbook.xml.rels where each is; xl/sharedStrings.xml holds the strings
 * cells point to; xl/styles.xml says which cell styles are dates; a
 * sheet's <c> elements hold the cells (r="C5", t the type, s the style,
 * <v> the value or the cached result of the formula in <f>). ODS (ODF
 * 1.2): content.xml holds every table; a row or cell may stand for several
 * (number-rows-repeated, number-columns-repeated), which is expanded only
 * when it has content, so the million empty rows a spreadsheet writes at
 * the end cost nothing.
 *
 * minizip reads the zip from memory through its I/O callbacks, so standard
 * input works as a file does; each member is inflated with a running check
 * of its size and of its ratio to the compressed size (a zip bomb stops at
 * the limit, whatever the header claims). expat parses each member; a
 * DOCTYPE or an entity declaration stops it (neither OOXML nor ODF has
 * one, and they are how an XML bomb is built), and so does nesting deeper
 * than DK_WB_DEPTH_MAX.
 */
#include "io/workbook.h"

#include <expat.h>
#include <minizip/unzip.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/i18n.h"
#include "io/limits.h"

/* A whole number in an attribute or an exponent, clamped to [lo, hi]; dflt
 * when s is NULL or holds no number. */
static long whole(const char *s, long dflt, long lo, long hi)
{
	if (!s)
		return dflt;
	char *end;
	long v = strtol(s, &end, 10);
	if (end == s)
		return dflt;
	return v < lo ? lo : v > hi ? hi : v;
}

/* ---- the zip, from memory ---- */

typedef struct {
	const unsigned char *buf;
	size_t len, pos;
} membuf;

static voidpf mem_open(voidpf opaque, const char *name, int mode)
{
	(void)name;
	(void)mode;
	((membuf *)opaque)->pos = 0;
	return opaque;
}

static uLong mem_read(voidpf opaque, voidpf stream, void *buf, uLong size)
{
	(void)opaque;
	membuf *m = stream;
	size_t left = m->len - m->pos, n = size < left ? size : left;
	memcpy(buf, m->buf + m->pos, n);
	m->pos += n;
	return (uLong)n;
}

static uLong mem_write(voidpf opaque, voidpf stream, const void *buf, uLong size)
{
	(void)opaque;
	(void)stream;
	(void)buf;
	(void)size;
	return 0;
}

static long mem_tell(voidpf opaque, voidpf stream)
{
	(void)opaque;
	return (long)((membuf *)stream)->pos;
}

static long mem_seek(voidpf opaque, voidpf stream, uLong offset, int origin)
{
	(void)opaque;
	membuf *m = stream;
	size_t base = origin == ZLIB_FILEFUNC_SEEK_SET ? 0
		: origin == ZLIB_FILEFUNC_SEEK_CUR     ? m->pos
						       : m->len;
	if (offset > m->len - base)
		return -1;
	m->pos = base + offset;
	return 0;
}

static int mem_close(voidpf opaque, voidpf stream)
{
	(void)opaque;
	(void)stream;
	return 0;
}

static int mem_error(voidpf opaque, voidpf stream)
{
	(void)opaque;
	(void)stream;
	return 0;
}

bool dk_is_workbook(const dk_input *in)
{
	return in->raw_len >= 4 && memcmp(in->raw, "PK\3\4", 4) == 0;
}

/* Inflates member `name` into *out (NUL-terminated); DK_EINPUT with a
 * message when it is missing (only when `required`), encrypted, broken or
 * too large. *out is NULL for a missing member that is not required. */
static dk_status member(const dk_input *in, unzFile z, const char *name, bool required,
			char **out, size_t *len, dk_error *d)
{
	*out = NULL;
	*len = 0;
	if (unzLocateFile(z, name, 1) != UNZ_OK) {
		if (!required)
			return DK_OK;
		dk_error_add(d, in->name, 0, 0,
			     _("the workbook has no '%s'; it is not an XLSX or ODS "
			       "file as Excel or LibreOffice saves one"),
			     name);
		return DK_EINPUT;
	}
	unz_file_info info;
	if (unzGetCurrentFileInfo(z, &info, NULL, 0, NULL, 0, NULL, 0) != UNZ_OK)
		goto broken;
	if (info.flag & 1u) {
		dk_error_add(d, in->name, 0, 0, "%s",
			     _("the workbook is encrypted (saved with a password); "
			       "save it without a password"));
		return DK_EINPUT;
	}
	if (unzOpenCurrentFile(z) != UNZ_OK)
		goto broken;
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap);
	if (!buf) {
		unzCloseCurrentFile(z);
		return DK_ENOMEM;
	}
	for (;;) {
		if (n + 65536 + 1 > cap) {
			char *nb = cap * 2 > DK_WB_MEMBER_MAX + 65537
				? NULL
				: realloc(buf, cap * 2);
			if (!nb) {
				free(buf);
				unzCloseCurrentFile(z);
				if (cap * 2 <= DK_WB_MEMBER_MAX + 65537)
					return DK_ENOMEM;
				goto too_large;
			}
			buf = nb;
			cap *= 2;
		}
		int got = unzReadCurrentFile(z, buf + n, 65536);
		if (got < 0) {
			free(buf);
			unzCloseCurrentFile(z);
			goto broken;
		}
		if (got == 0)
			break;
		n += (size_t)got;
		if (n > DK_WB_MEMBER_MAX ||
		    (n > ((size_t)1 << 20) &&
		     n / DK_WB_RATIO_MAX > (size_t)info.compressed_size + 1)) {
			free(buf);
			unzCloseCurrentFile(z);
			goto too_large;
		}
	}
	if (unzCloseCurrentFile(z) != UNZ_OK) { /* a bad CRC */
		free(buf);
		goto broken;
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return DK_OK;
too_large:
	dk_error_add(d, in->name, 0, 0,
		     _("'%s' in the workbook inflates to more than %zu MiB, or more "
		       "than %d times its packed size; this is not a sheet dekom "
		       "reads"),
		     name, DK_WB_MEMBER_MAX >> 20, DK_WB_RATIO_MAX);
	return DK_EINPUT;
broken:
	dk_error_add(d, in->name, 0, 0,
		     _("'%s' in the workbook cannot be unpacked: the file is damaged "
		       "or cut short; save the workbook again"),
		     name);
	return DK_EINPUT;
}

/* ---- XML ---- */

typedef struct parse parse;
struct parse {
	XML_Parser p;
	int depth;
	const char *why; /* why the parse stopped, or NULL */
	void (*start)(parse *x, const char *el, const char **attr);
	void (*end)(parse *x, const char *el);
	void *user;
	/* character data being collected, when `collect` */
	bool collect;
	char *text;
	size_t tn, tcap;
	bool oom, too_long;
};

/* The local name of an element ("t" for "x:t"). */
static const char *local(const char *el)
{
	const char *c = strrchr(el, ':');
	return c ? c + 1 : el;
}

static const char *attr_of(const char **attr, const char *name)
{
	for (size_t i = 0; attr[i]; i += 2)
		if (strcmp(attr[i], name) == 0 || strcmp(local(attr[i]), name) == 0)
			return attr[i + 1];
	return NULL;
}

static void stop(parse *x, const char *why)
{
	if (!x->why)
		x->why = why;
	XML_StopParser(x->p, XML_FALSE);
}

static void on_start(void *u, const char *el, const char **attr)
{
	parse *x = u;
	if (++x->depth > DK_WB_DEPTH_MAX) {
		stop(x, N_("its XML is nested too deep"));
		return;
	}
	if (x->start)
		x->start(x, el, attr);
}

static void on_end(void *u, const char *el)
{
	parse *x = u;
	if (x->end)
		x->end(x, el);
	x->depth--;
}

static void on_text(void *u, const char *s, int len)
{
	parse *x = u;
	if (!x->collect || len <= 0)
		return;
	if (x->tn + (size_t)len > DK_CELL_MAX_BYTES * 4) {
		/* never a cut text: the parse stops and says so */
		x->too_long = true;
		stop(x, N_("a text longer than a spreadsheet's cell allows"));
		return;
	}
	if (x->tn + (size_t)len + 1 > x->tcap) {
		size_t cap = (x->tn + (size_t)len + 1) * 2;
		char *t = realloc(x->text, cap);
		if (!t) {
			x->oom = true;
			stop(x, NULL);
			return;
		}
		x->text = t;
		x->tcap = cap;
	}
	memcpy(x->text + x->tn, s, (size_t)len);
	x->tn += (size_t)len;
	x->text[x->tn] = '\0';
}

static void on_doctype(void *u, const char *name, const char *sys, const char *pub,
		       int internal)
{
	(void)name;
	(void)sys;
	(void)pub;
	(void)internal;
	stop(u, N_("it declares a DOCTYPE, which a workbook never has"));
}

static void on_entity(void *u, const char *name, int param, const char *value, int len,
		      const char *base, const char *sys, const char *pub,
		      const char *notation)
{
	(void)name, (void)param, (void)value, (void)len, (void)base, (void)sys, (void)pub,
		(void)notation;
	stop(u, N_("it declares an XML entity, which a workbook never has"));
}

static void text_reset(parse *x)
{
	x->tn = 0;
	if (x->text)
		x->text[0] = '\0';
}

/* Parses member `name` (text, len) with x's handlers. */
static dk_status run_parse(const dk_input *in, const char *name, const char *text,
			   size_t len, parse *x, dk_error *d)
{
	x->p = XML_ParserCreate(NULL);
	if (!x->p)
		return DK_ENOMEM;
	XML_SetUserData(x->p, x);
	XML_SetElementHandler(x->p, on_start, on_end);
	XML_SetCharacterDataHandler(x->p, on_text);
	XML_SetStartDoctypeDeclHandler(x->p, on_doctype);
	XML_SetEntityDeclHandler(x->p, on_entity);
	enum XML_Status s = XML_Parse(x->p, text, (int)len, XML_TRUE);
	dk_status st = DK_OK;
	if (x->oom) {
		st = DK_ENOMEM;
	} else if (x->why) {
		dk_error_add(d, in->name, 0, 0, _("'%s' in the workbook is refused: %s"),
			     name, _(x->why));
		st = DK_EINPUT;
	} else if (s != XML_STATUS_OK) {
		dk_error_add(d, in->name, 0, 0,
			     _("'%s' in the workbook is not well-formed XML (line %lu: "
			       "%s); save the workbook again"),
			     name, (unsigned long)XML_GetCurrentLineNumber(x->p),
			     XML_ErrorString(XML_GetErrorCode(x->p)));
		st = DK_EINPUT;
	}
	XML_ParserFree(x->p);
	x->p = NULL;
	return st;
}

/* ---- the sheet being built ---- */

typedef struct {
	dk_wb_sheet *s;
	const dk_input *in;
	dk_error *d;
	bool oom;
	const char *limit; /* a limit passed, or NULL */
} builder;

static dk_wb_row *row_at(builder *b, int r)
{
	dk_wb_sheet *s = b->s;
	if (s->n && s->rows[s->n - 1].row == r)
		return &s->rows[s->n - 1];
	if (s->n >= DK_ROWS_MAX) {
		b->limit = N_("more rows than a sheet can hold");
		return NULL;
	}
	if (s->n == s->cap) {
		size_t cap = s->cap ? 2 * s->cap : 64;
		dk_wb_row *rows = realloc(s->rows, cap * sizeof *rows);
		if (!rows) {
			b->oom = true;
			return NULL;
		}
		s->rows = rows;
		s->cap = cap;
	}
	dk_wb_row *w = &s->rows[s->n++];
	memset(w, 0, sizeof *w);
	w->row = r;
	return w;
}

/* Adds a cell (a copy of text) at row r, column c (0-based). */
static void add_cell(builder *b, int r, int c, dk_wb_kind kind, const char *text)
{
	if (b->oom || b->limit)
		return;
	if (c >= DK_COLUMNS_MAX) {
		b->limit = N_("more columns than a sheet can hold");
		return;
	}
	if (strlen(text) > DK_CELL_MAX_BYTES) {
		b->limit = N_("a cell longer than a spreadsheet allows");
		return;
	}
	dk_wb_row *w = row_at(b, r);
	if (!w)
		return;
	if (w->n == w->cap) {
		size_t cap = w->cap ? 2 * w->cap : 16;
		dk_wb_cell *cells = realloc(w->cells, cap * sizeof *cells);
		if (!cells) {
			b->oom = true;
			return;
		}
		w->cells = cells;
		w->cap = cap;
	}
	char *t = strdup(text);
	if (!t) {
		b->oom = true;
		return;
	}
	w->cells[w->n++] = (dk_wb_cell){c, kind, t};
	if (c + 1 > b->s->width)
		b->s->width = c + 1;
}

/* The shortest decimal that reads back as the same double, with a point
 * and without an exponent (750000, 0.0001, 235050.00000000003); a number
 * beyond 10^±20 keeps its exponent, which the reader refuses. The
 * messages' locale is the only one dekom sets, so the point is a point. */
static void shortest(const char *stored, char *buf, size_t size)
{
	char *end;
	double v = strtod(stored, &end);
	if (end == stored || *end) {
		snprintf(buf, size, "%s", stored);
		return;
	}
	for (int p = 1; p <= 17; p++) {
		snprintf(buf, size, "%.*g", p, v);
		if (strtod(buf, NULL) != v)
			continue;
		const char *e = strpbrk(buf, "eE");
		if (!e)
			return;
		int exp = (int)whole(e + 1, 0, -400, 400);
		if (exp < -20 || exp > 20)
			return;
		int decimals = p - 1 - exp;
		snprintf(buf, size, "%.*f", decimals > 0 ? decimals : 0, v);
		return;
	}
}

/* A share shown as a percentage (0.405 in a cell formatted 0.0 %) as a CSV
 * of the sheet holds it: "40.5%", the decimal point moved two places in
 * the text, so no double arithmetic touches it. */
static void percent(const char *dec, char *buf, size_t size)
{
	const char *s = dec;
	char sign[2] = "";
	if (*s == '-')
		sign[0] = '-', s++;
	if (strpbrk(s, "eE") || strlen(s) > 40) {
		snprintf(buf, size, "%s%%", dec); /* refused by the reader */
		return;
	}
	char digits[64];
	const char *dot = strchr(s, '.');
	size_t ni = dot ? (size_t)(dot - s) : strlen(s);
	const char *frac = dot ? dot + 1 : "";
	size_t nf = strlen(frac);
	/* integer part, then two digits of the fraction (padded with 0) */
	snprintf(digits, sizeof digits, "%.*s%c%c", (int)ni, s, nf > 0 ? frac[0] : '0',
		 nf > 1 ? frac[1] : '0');
	const char *rest = nf > 2 ? frac + 2 : "";
	const char *in = digits;
	while (in[0] == '0' && in[1])
		in++;
	snprintf(buf, size, "%s%s%s%s%%", sign, in, *rest ? "." : "", rest);
}

void dk_wb_sheet_release(dk_wb_sheet *s)
{
	for (size_t i = 0; i < s->n; i++) {
		for (size_t k = 0; k < s->rows[i].n; k++)
			free(s->rows[i].cells[k].text);
		free(s->rows[i].cells);
	}
	free(s->rows);
	free(s->name);
	memset(s, 0, sizeof *s);
}

void dk_wb_cell_name(size_t col, int row, char *buf, size_t size)
{
	char letters[8];
	size_t k = sizeof letters - 1, n = col + 1;
	letters[k] = '\0';
	while (n > 0 && k > 0) {
		n--;
		letters[--k] = (char)('A' + n % 26);
		n /= 26;
	}
	snprintf(buf, size, "%s%d", letters + k, row);
}

/* ---- XLSX ---- */

typedef struct {
	/* the sheets: names, relationship ids, visible */
	char **names, **rids;
	bool *visible;
	size_t n, cap;
	/* relationships: id -> target */
	char **rel_id, **rel_target;
	size_t nrel, caprel;
	/* shared strings */
	char **sst;
	size_t nsst, capsst;
	bool in_si, in_t, in_rph;
	/* styles: per xf, is it a date, a percentage */
	bool *xf_date, *xf_pct;
	size_t nxf, capxf;
	int *fmt_id;    /* custom number formats: id */
	bool *fmt_date; /* and whether the code is a date */
	bool *fmt_pct;  /* or a percentage */
	size_t nfmt, capfmt;
	bool in_xfs;
	/* the sheet */
	builder *b;
	int row, col, style;
	char type[16];
	bool in_v, in_is_t, has_v, has_f;
	char *v;
	bool oom;
} xlsx;

static bool grow(void **p, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return true;
	size_t c = *cap ? 2 * *cap : 16;
	void *q = realloc(*p, c * size);
	if (!q)
		return false;
	*p = q;
	*cap = c;
	return true;
}

static void wb_start(parse *x, const char *el, const char **attr)
{
	xlsx *w = x->user;
	if (strcmp(local(el), "sheet") == 0) {
		const char *name = attr_of(attr, "name"), *rid = attr_of(attr, "id");
		const char *state = attr_of(attr, "state");
		if (!name || !rid)
			return;
		if (!grow((void **)&w->names, &w->cap, w->n, sizeof *w->names) ||
		    !(w->rids = realloc(w->rids, w->cap * sizeof *w->rids)) ||
		    !(w->visible = realloc(w->visible, w->cap * sizeof *w->visible))) {
			w->oom = true;
			stop(x, NULL);
			return;
		}
		w->names[w->n] = strdup(name);
		w->rids[w->n] = strdup(rid);
		w->visible[w->n] = !state || strcmp(state, "visible") == 0;
		if (!w->names[w->n] || !w->rids[w->n])
			w->oom = true;
		w->n++;
	}
}

static void rels_start(parse *x, const char *el, const char **attr)
{
	xlsx *w = x->user;
	if (strcmp(local(el), "Relationship") != 0)
		return;
	const char *id = attr_of(attr, "Id"), *target = attr_of(attr, "Target");
	if (!id || !target)
		return;
	if (!grow((void **)&w->rel_id, &w->caprel, w->nrel, sizeof *w->rel_id) ||
	    !(w->rel_target =
		      realloc(w->rel_target, w->caprel * sizeof *w->rel_target))) {
		w->oom = true;
		stop(x, NULL);
		return;
	}
	w->rel_id[w->nrel] = strdup(id);
	w->rel_target[w->nrel] = strdup(target);
	if (!w->rel_id[w->nrel] || !w->rel_target[w->nrel])
		w->oom = true;
	w->nrel++;
}

static void sst_start(parse *x, const char *el, const char **attr)
{
	(void)attr;
	xlsx *w = x->user;
	const char *l = local(el);
	if (strcmp(l, "si") == 0) {
		w->in_si = true;
		text_reset(x);
	} else if (strcmp(l, "rPh") == 0) {
		w->in_rph = true; /* phonetic reading: not part of the text */
	} else if (strcmp(l, "t") == 0 && w->in_si && !w->in_rph) {
		x->collect = true;
	}
}

static void sst_end(parse *x, const char *el)
{
	xlsx *w = x->user;
	const char *l = local(el);
	if (strcmp(l, "t") == 0) {
		x->collect = false;
	} else if (strcmp(l, "rPh") == 0) {
		w->in_rph = false;
	} else if (strcmp(l, "si") == 0) {
		w->in_si = false;
		if (!grow((void **)&w->sst, &w->capsst, w->nsst, sizeof *w->sst)) {
			w->oom = true;
			stop(x, NULL);
			return;
		}
		w->sst[w->nsst] = strdup(x->text ? x->text : "");
		if (!w->sst[w->nsst])
			w->oom = true;
		w->nsst++;
	}
}

/* A number format code that shows a date or time: d, m, y, h or s outside
 * quotes, brackets and escapes ("[Red]0.00" is not; "dd.mm.yyyy" is). */
static bool date_code(const char *code)
{
	bool quote = false;
	for (const char *s = code; *s; s++) {
		if (*s == '"')
			quote = !quote;
		else if (quote)
			continue;
		else if ((*s == '\\' || *s == '_' || *s == '*') && s[1])
			s++; /* an escaped, spacing or repeated character */
		else if (*s == '[') {
			const char *e = strchr(s, ']');
			if (!e)
				break;
			s = e;
		} else if (strchr("dDmMyYhHsS", *s))
			return true;
	}
	return false;
}

/* A number format code that shows a percentage: % outside quotes. */
static bool pct_code(const char *code)
{
	bool quote = false;
	for (const char *s = code; *s; s++) {
		if (*s == '"')
			quote = !quote;
		else if (!quote && (*s == '\\' || *s == '_' || *s == '*') && s[1])
			s++;
		else if (!quote && *s == '%')
			return true;
	}
	return false;
}

/* Excel's built-in date and time formats. */
static bool builtin_date(int id)
{
	return (id >= 14 && id <= 22) || (id >= 45 && id <= 47) ||
		(id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

static void styles_start(parse *x, const char *el, const char **attr)
{
	xlsx *w = x->user;
	const char *l = local(el);
	if (strcmp(l, "numFmt") == 0) {
		const char *id = attr_of(attr, "numFmtId"),
			   *code = attr_of(attr, "formatCode");
		if (!id || !code)
			return;
		if (!grow((void **)&w->fmt_id, &w->capfmt, w->nfmt, sizeof *w->fmt_id) ||
		    !(w->fmt_date =
			      realloc(w->fmt_date, w->capfmt * sizeof *w->fmt_date)) ||
		    !(w->fmt_pct = realloc(w->fmt_pct, w->capfmt * sizeof *w->fmt_pct))) {
			w->oom = true;
			stop(x, NULL);
			return;
		}
		w->fmt_id[w->nfmt] = (int)whole(id, -1, -1, INT32_MAX);
		w->fmt_date[w->nfmt] = date_code(code);
		w->fmt_pct[w->nfmt] = pct_code(code);
		w->nfmt++;
	} else if (strcmp(l, "cellXfs") == 0) {
		w->in_xfs = true;
	} else if (strcmp(l, "xf") == 0 && w->in_xfs) {
		const char *id = attr_of(attr, "numFmtId");
		int f = (int)whole(id, 0, -1, INT32_MAX);
		bool date = builtin_date(f), pct = f == 9 || f == 10;
		for (size_t i = 0; i < w->nfmt; i++)
			if (w->fmt_id[i] == f)
				date = w->fmt_date[i], pct = w->fmt_pct[i];
		if (!grow((void **)&w->xf_date, &w->capxf, w->nxf, sizeof *w->xf_date) ||
		    !(w->xf_pct = realloc(w->xf_pct, w->capxf * sizeof *w->xf_pct))) {
			w->oom = true;
			stop(x, NULL);
			return;
		}
		w->xf_pct[w->nxf] = pct;
		w->xf_date[w->nxf++] = date;
	}
}

static void styles_end(parse *x, const char *el)
{
	xlsx *w = x->user;
	if (strcmp(local(el), "cellXfs") == 0)
		w->in_xfs = false;
}

/* "C5" to column 2 (and the row, unused: rows come from <row r>). */
static int ref_col(const char *ref)
{
	int c = 0;
	for (; *ref >= 'A' && *ref <= 'Z'; ref++) {
		c = c * 26 + (*ref - 'A' + 1);
		if (c > DK_COLUMNS_MAX)
			return DK_COLUMNS_MAX;
	}
	return c - 1;
}

static void sheet_start(parse *x, const char *el, const char **attr)
{
	xlsx *w = x->user;
	const char *l = local(el);
	if (strcmp(l, "row") == 0) {
		const char *r = attr_of(attr, "r");
		w->row = r ? (int)whole(r, w->row + 1, 1, DK_ROWS_MAX + 1) : w->row + 1;
		w->col = -1;
	} else if (strcmp(l, "c") == 0) {
		const char *r = attr_of(attr, "r"), *t = attr_of(attr, "t"),
			   *s = attr_of(attr, "s");
		w->col = r ? ref_col(r) : w->col + 1;
		snprintf(w->type, sizeof w->type, "%s", t ? t : "n");
		w->style = (int)whole(s, 0, -1, INT32_MAX);
		w->has_v = w->has_f = false;
		text_reset(x);
	} else if (strcmp(l, "v") == 0) {
		w->has_v = true;
		x->collect = true;
	} else if (strcmp(l, "f") == 0) {
		w->has_f = true;
	} else if (strcmp(l, "t") == 0 && strcmp(w->type, "inlineStr") == 0) {
		w->has_v = true;
		x->collect = true;
	}
}

static void sheet_end(parse *x, const char *el)
{
	xlsx *w = x->user;
	const char *l = local(el);
	if (strcmp(l, "v") == 0 || strcmp(l, "t") == 0) {
		x->collect = false;
		return;
	}
	if (strcmp(l, "c") != 0)
		return;
	const char *v = x->text ? x->text : "";
	builder *b = w->b;
	if (!w->has_v) {
		if (w->has_f)
			add_cell(b, w->row, w->col, DK_WB_NO_VALUE, "");
		return;
	}
	if (strcmp(w->type, "s") == 0) {
		char *end;
		unsigned long i = strtoul(v, &end, 10);
		if (end == v || *end || i >= w->nsst) {
			add_cell(b, w->row, w->col, DK_WB_ERROR, "?");
			return;
		}
		if (*w->sst[i])
			add_cell(b, w->row, w->col, DK_WB_TEXT, w->sst[i]);
	} else if (strcmp(w->type, "str") == 0 || strcmp(w->type, "inlineStr") == 0) {
		if (*v)
			add_cell(b, w->row, w->col, DK_WB_TEXT, v);
	} else if (strcmp(w->type, "b") == 0) {
		add_cell(b, w->row, w->col, DK_WB_TEXT,
			 strcmp(v, "1") == 0 ? "TRUE" : "FALSE");
	} else if (strcmp(w->type, "e") == 0) {
		add_cell(b, w->row, w->col, DK_WB_ERROR, v);
	} else if (strcmp(w->type, "d") == 0) {
		add_cell(b, w->row, w->col, DK_WB_DATE, v);
	} else {
		bool known = w->style >= 0 && (size_t)w->style < w->nxf;
		bool date = known && w->xf_date[w->style],
		     pct = known && w->xf_pct[w->style];
		char num[64], shown[80];
		shortest(v, num, sizeof num);
		if (pct && !date)
			percent(num, shown, sizeof shown);
		add_cell(b, w->row, w->col, date ? DK_WB_DATE : DK_WB_NUMBER,
			 pct && !date ? shown : num);
	}
	if (b->oom || b->limit)
		stop(x, NULL);
}

static void xlsx_release(xlsx *w)
{
	for (size_t i = 0; i < w->n; i++) {
		free(w->names[i]);
		free(w->rids[i]);
	}
	for (size_t i = 0; i < w->nrel; i++) {
		free(w->rel_id[i]);
		free(w->rel_target[i]);
	}
	for (size_t i = 0; i < w->nsst; i++)
		free(w->sst[i]);
	free(w->names), free(w->rids), free(w->visible), free(w->rel_id),
		free(w->rel_target), free(w->sst), free(w->xf_date), free(w->xf_pct),
		free(w->fmt_id), free(w->fmt_date), free(w->fmt_pct);
}

/* Which sheet: `name`, else "Budsjett", else the only visible one; the
 * index, or -1 with a message. */
static long choose(const dk_input *in, char **names, const bool *visible, size_t n,
		   const char *name, dk_error *d)
{
	const char *want = name ? name : "Budsjett";
	for (size_t i = 0; i < n; i++)
		if (strcmp(names[i], want) == 0)
			return (long)i;
	size_t shown = 0, last = 0;
	for (size_t i = 0; i < n; i++)
		if (visible[i])
			shown++, last = i;
	if (!name && shown == 1)
		return (long)last;
	char list[400] = "";
	for (size_t i = 0; i < n; i++) {
		size_t k = strlen(list);
		snprintf(list + k, sizeof list - k, "%s'%s'", i ? ", " : "", names[i]);
	}
	if (name)
		dk_error_add(d, in->name, 0, 0,
			     _("the workbook has no sheet '%s'; its sheets are %s"), name,
			     list);
	else
		dk_error_add(d, in->name, 0, 0,
			     _("the workbook has no sheet 'Budsjett' and more than one "
			       "sheet (%s); name the sheet with --sheet"),
			     list);
	return -1;
}

static dk_status read_xlsx(const dk_input *in, unzFile z, const char *name,
			   dk_wb_sheet *out, dk_error *d)
{
	xlsx w;
	memset(&w, 0, sizeof w);
	parse x;
	char *text = NULL;
	size_t len;
	dk_status st = member(in, z, "xl/workbook.xml", true, &text, &len, d);
	memset(&x, 0, sizeof x);
	x.user = &w;
	x.start = wb_start;
	if (st == DK_OK)
		st = run_parse(in, "xl/workbook.xml", text, len, &x, d);
	free(text);
	if (st == DK_OK && w.oom)
		st = DK_ENOMEM;
	if (st == DK_OK)
		st = member(in, z, "xl/_rels/workbook.xml.rels", true, &text, &len, d);
	if (st == DK_OK) {
		x.start = rels_start;
		st = run_parse(in, "xl/_rels/workbook.xml.rels", text, len, &x, d);
		free(text);
	}
	if (st == DK_OK)
		st = member(in, z, "xl/sharedStrings.xml", false, &text, &len, d);
	if (st == DK_OK && text) {
		x.start = sst_start;
		x.end = sst_end;
		st = run_parse(in, "xl/sharedStrings.xml", text, len, &x, d);
		free(text);
	}
	if (st == DK_OK)
		st = member(in, z, "xl/styles.xml", false, &text, &len, d);
	if (st == DK_OK && text) {
		x.start = styles_start;
		x.end = styles_end;
		st = run_parse(in, "xl/styles.xml", text, len, &x, d);
		free(text);
	}
	if (st == DK_OK && w.oom)
		st = DK_ENOMEM;
	long k = st == DK_OK ? choose(in, w.names, w.visible, w.n, name, d) : -1;
	if (st == DK_OK && k < 0)
		st = DK_EINPUT;
	char path[600] = "";
	for (size_t i = 0; st == DK_OK && i < w.nrel; i++)
		if (strcmp(w.rel_id[i], w.rids[k]) == 0) {
			const char *t = w.rel_target[i];
			if (t[0] == '/')
				snprintf(path, sizeof path, "%s", t + 1);
			else
				snprintf(path, sizeof path, "xl/%s", t);
		}
	if (st == DK_OK && !path[0]) {
		dk_error_add(d, in->name, 0, 0,
			     _("the workbook does not say where its sheet '%s' is; save "
			       "it again"),
			     w.names[k]);
		st = DK_EINPUT;
	}
	if (st == DK_OK)
		st = member(in, z, path, true, &text, &len, d);
	if (st == DK_OK) {
		builder b = {out, in, d, false, NULL};
		out->name = strdup(w.names[k]);
		w.b = &b;
		x.start = sheet_start;
		x.end = sheet_end;
		st = out->name ? run_parse(in, path, text, len, &x, d) : DK_ENOMEM;
		free(text);
		if (b.oom)
			st = DK_ENOMEM;
		else if (b.limit && st == DK_OK) {
			dk_error_add(d, in->name, 0, 0, _("the sheet '%s' has %s"),
				     out->name, _(b.limit));
			st = DK_EINPUT;
		}
	}
	free(x.text);
	xlsx_release(&w);
	return st;
}

/* ---- ODS ---- */

typedef struct {
	const char *want; /* the sheet asked for, or NULL */
	char **names;     /* every table, in order */
	bool *shown;      /* ... and whether it is visible */
	size_t n, cap, cap_shown;
	/* the automatic styles of tables that hide them (table:display
	 * "false"), which come before the tables */
	char **hiding;
	size_t n_hiding, cap_hiding;
	char *table_style; /* the name of the style:style of family table
			      being read, or NULL */
	long chosen;       /* index of the table being read, or -1 */
	bool in_table;     /* inside the chosen table */
	long table;        /* index of the current table */
	builder *b;
	int row, col; /* 1-based row, 0-based column of the next cell */
	long rows_rep, cols_rep;
	dk_wb_kind kind;
	char value[64]; /* office:value, for numbers */
	bool in_cell, has_value, first_p;
	bool in_note; /* inside a cell's comment (office:annotation): not its text */
	int p_depth;
	bool row_has, oom;
	/* the cells of the row being read: appended when the row ends, so a
	 * repeated row can be copied */
	size_t row_first; /* index in the builder's last row, or SIZE_MAX */
} ods;

static void ods_start(parse *x, const char *el, const char **attr)
{
	ods *o = x->user;
	if (strcmp(el, "style:style") == 0) {
		const char *family = attr_of(attr, "family");
		const char *name = attr_of(attr, "name");
		free(o->table_style);
		o->table_style = NULL;
		if (family && strcmp(family, "table") == 0 &&
		    !(o->table_style = strdup(name ? name : ""))) {
			o->oom = true;
			stop(x, NULL);
		}
		return;
	}
	if (strcmp(el, "style:table-properties") == 0 && o->table_style) {
		const char *display = attr_of(attr, "display");
		if (display && strcmp(display, "false") == 0) {
			if (!grow((void **)&o->hiding, &o->cap_hiding, o->n_hiding,
				  sizeof *o->hiding)) {
				o->oom = true;
				stop(x, NULL);
				return;
			}
			o->hiding[o->n_hiding++] = o->table_style;
			o->table_style = NULL;
		}
		return;
	}
	if (strcmp(el, "table:table") == 0) {
		const char *name = attr_of(attr, "name");
		const char *style = attr_of(attr, "style-name");
		if (!grow((void **)&o->names, &o->cap, o->n, sizeof *o->names) ||
		    !grow((void **)&o->shown, &o->cap_shown, o->n, sizeof *o->shown)) {
			o->oom = true;
			stop(x, NULL);
			return;
		}
		o->shown[o->n] = true;
		for (size_t i = 0; style && i < o->n_hiding; i++)
			if (strcmp(o->hiding[i], style) == 0)
				o->shown[o->n] = false;
		o->names[o->n] = strdup(name ? name : "");
		if (!o->names[o->n])
			o->oom = true;
		o->table = (long)o->n++;
		o->in_table = o->chosen == o->table;
		o->row = 1;
		return;
	}
	if (!o->in_table)
		return;
	if (strcmp(el, "table:table-row") == 0) {
		const char *rep = attr_of(attr, "number-rows-repeated");
		o->rows_rep = whole(rep, 1, 1, (long)DK_ROWS_MAX + 1);
		o->col = 0;
		o->row_has = false;
		o->row_first = o->b->s->n;
	} else if (strcmp(el, "table:table-cell") == 0 ||
		   strcmp(el, "table:covered-table-cell") == 0) {
		const char *rep = attr_of(attr, "number-columns-repeated");
		const char *type = attr_of(attr, "value-type");
		const char *vt = NULL;
		for (size_t i = 0; attr[i]; i += 2)
			if (strcmp(attr[i], "calcext:value-type") == 0)
				vt = attr[i + 1];
		o->cols_rep = whole(rep, 1, 1, (long)DK_COLUMNS_MAX + 1);
		o->in_cell = true;
		o->has_value = false;
		o->first_p = true;
		text_reset(x);
		o->kind = DK_WB_TEXT;
		o->value[0] = '\0';
		if (vt && strcmp(vt, "error") == 0) {
			o->kind = DK_WB_ERROR;
			o->has_value = true;
		} else if (type &&
			   (strcmp(type, "float") == 0 ||
			    strcmp(type, "percentage") == 0 ||
			    strcmp(type, "currency") == 0)) {
			const char *v = attr_of(attr, "value");
			o->kind = DK_WB_NUMBER;
			if (v) {
				char num[64];
				shortest(v, num, sizeof num);
				if (strcmp(type, "percentage") == 0)
					percent(num, o->value, sizeof o->value);
				else
					snprintf(o->value, sizeof o->value, "%s", num);
				o->has_value = true;
			}
		} else if (type &&
			   (strcmp(type, "date") == 0 || strcmp(type, "time") == 0)) {
			const char *v = attr_of(attr, "date-value");
			if (!v)
				v = attr_of(attr, "time-value");
			o->kind = DK_WB_DATE;
			snprintf(o->value, sizeof o->value, "%s", v ? v : "");
			o->has_value = true;
		} else if (type && strcmp(type, "boolean") == 0) {
			const char *v = attr_of(attr, "boolean-value");
			snprintf(o->value, sizeof o->value, "%s",
				 v && strcmp(v, "true") == 0 ? "TRUE" : "FALSE");
			o->has_value = true;
		}
	} else if (o->in_cell && strcmp(el, "office:annotation") == 0) {
		o->in_note = true;
	} else if (o->in_cell && !o->in_note && strcmp(el, "text:p") == 0) {
		if (!o->first_p) /* paragraphs of one cell, one per line */
			on_text(x, "\n", 1);
		o->first_p = false;
		x->collect = true;
		o->p_depth = x->depth;
	} else if (o->in_cell && x->collect && strcmp(el, "text:s") == 0) {
		const char *c = attr_of(attr, "c");
		for (long k = whole(c, 1, 0, 999); k > 0; k--)
			on_text(x, " ", 1);
	} else if (o->in_cell && x->collect && strcmp(el, "text:tab") == 0) {
		on_text(x, "\t", 1);
	} else if (o->in_cell && x->collect && strcmp(el, "text:line-break") == 0) {
		on_text(x, "\n", 1);
	}
}

static void ods_end(parse *x, const char *el)
{
	ods *o = x->user;
	if (strcmp(el, "table:table") == 0) {
		o->in_table = false;
		return;
	}
	if (!o->in_table)
		return;
	builder *b = o->b;
	if (strcmp(el, "office:annotation") == 0) {
		o->in_note = false;
	} else if (strcmp(el, "text:p") == 0 && x->depth == o->p_depth && x->collect) {
		x->collect = false;
	} else if (strcmp(el, "table:table-cell") == 0 ||
		   strcmp(el, "table:covered-table-cell") == 0) {
		o->in_cell = false;
		x->collect = false;
		const char *text = o->kind == DK_WB_TEXT && !o->value[0]
			? (x->text ? x->text : "")
			: o->kind == DK_WB_ERROR
			? (x->text && *x->text ? x->text : "#ERR")
			: o->value;
		bool content = *text != '\0' || o->kind == DK_WB_ERROR;
		if (content) {
			if (o->col + o->cols_rep > DK_COLUMNS_MAX) {
				b->limit = N_("more columns than a sheet can hold");
			} else {
				for (long k = 0; k < o->cols_rep; k++)
					add_cell(b, o->row, o->col + (int)k, o->kind,
						 text);
			}
			o->row_has = true;
		}
		o->col += o->cols_rep > DK_COLUMNS_MAX ? DK_COLUMNS_MAX
						       : (int)o->cols_rep;
		if (b->oom || b->limit)
			stop(x, NULL);
	} else if (strcmp(el, "table:table-row") == 0) {
		/* a repeated row with content: copies of it below */
		if (o->row_has && o->rows_rep > 1) {
			if (o->rows_rep > DK_ROWS_MAX) {
				b->limit = N_("more rows than a sheet can hold");
				stop(x, NULL);
				return;
			}
			dk_wb_row *src = &b->s->rows[b->s->n - 1];
			size_t ncells = src->n;
			for (long k = 1; k < o->rows_rep && !b->oom && !b->limit; k++)
				for (size_t c = 0; c < ncells; c++) {
					src = &b->s->rows[o->row_first];
					add_cell(b, o->row + (int)k, src->cells[c].col,
						 src->cells[c].kind, src->cells[c].text);
				}
			if (b->oom || b->limit)
				stop(x, NULL);
		}
		long next = (long)o->row + o->rows_rep;
		o->row = next > DK_ROWS_MAX + 1 ? DK_ROWS_MAX + 1 : (int)next;
	}
}

static dk_status read_ods(const dk_input *in, unzFile z, const char *name,
			  dk_wb_sheet *out, dk_error *d)
{
	char *text = NULL;
	size_t len;
	dk_status st = member(in, z, "content.xml", true, &text, &len, d);
	if (st != DK_OK)
		return st;
	/* first the tables' names, to choose one; then the chosen one */
	ods o;
	memset(&o, 0, sizeof o);
	o.chosen = -1;
	builder b = {out, in, d, false, NULL};
	o.b = &b;
	parse x;
	memset(&x, 0, sizeof x);
	x.user = &o;
	x.start = ods_start;
	x.end = ods_end;
	st = run_parse(in, "content.xml", text, len, &x, d);
	long k = -1;
	if (st == DK_OK && o.oom)
		st = DK_ENOMEM;
	if (st == DK_OK && (k = choose(in, o.names, o.shown, o.n, name, d)) < 0)
		st = DK_EINPUT;
	if (st == DK_OK) {
		for (size_t i = 0; i < o.n; i++)
			free(o.names[i]);
		o.n = 0;
		o.chosen = k;
		text_reset(&x);
		x.depth = 0;
		st = run_parse(in, "content.xml", text, len, &x, d);
		if (b.oom || o.oom)
			st = DK_ENOMEM;
		else if (st == DK_OK && k < (long)o.n &&
			 !(out->name = strdup(o.names[k])))
			st = DK_ENOMEM;
		else if (b.limit && st == DK_OK) {
			dk_error_add(d, in->name, 0, 0, _("the sheet '%s' has %s"),
				     out->name ? out->name : "", _(b.limit));
			st = DK_EINPUT;
		}
	}
	for (size_t i = 0; i < o.n; i++)
		free(o.names[i]);
	free(o.names);
	free(o.shown);
	for (size_t i = 0; i < o.n_hiding; i++)
		free(o.hiding[i]);
	free(o.hiding);
	free(o.table_style);
	free(x.text);
	free(text);
	return st;
}

dk_status dk_workbook_sheet(const dk_input *in, const char *name, dk_wb_sheet *out,
			    dk_error *d)
{
	memset(out, 0, sizeof *out);
	membuf m = {in->raw, in->raw_len, 0};
	zlib_filefunc_def io = {mem_open, mem_read,  mem_write, mem_tell,
				mem_seek, mem_close, mem_error, &m};
	unzFile z = unzOpen2("workbook", &io);
	if (!z) {
		dk_error_add(d, in->name, 0, 0, "%s",
			     _("the workbook cannot be opened: the zip is damaged or cut "
			       "short; save it again"));
		return DK_EINPUT;
	}
	dk_status st;
	if (unzLocateFile(z, "xl/workbook.xml", 1) == UNZ_OK)
		st = read_xlsx(in, z, name, out, d);
	else if (unzLocateFile(z, "content.xml", 1) == UNZ_OK)
		st = read_ods(in, z, name, out, d);
	else {
		dk_error_add(d, in->name, 0, 0, "%s",
			     _("this zip file is neither an XLSX nor an ODS workbook; "
			       "save the sheet from Excel or LibreOffice, or as CSV"));
		st = DK_EINPUT;
	}
	unzClose(z);
	if (st != DK_OK)
		dk_wb_sheet_release(out);
	return st;
}

/*
 * json_doc.c: positions for cJSON nodes (see json_doc.h).
 *
 * The scanner may trust the text's syntax, since cJSON accepted it first;
 * it only needs to find where values and keys start. cJSON nests at most
 * CJSON_NESTING_LIMIT deep, which bounds the scanner's recursion.
 */
#include "io/json_doc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/i18n.h"
#include "io/text.h"
#include "models/columns.h"

typedef struct {
	const char *s;
	size_t n, i;
	size_t *key_off, *val_off;
	size_t count, cap;
} scanner;

static void skip_ws(scanner *sc)
{
	while (sc->i < sc->n &&
	       (sc->s[sc->i] == ' ' || sc->s[sc->i] == '\t' || sc->s[sc->i] == '\n' ||
		sc->s[sc->i] == '\r'))
		sc->i++;
}

static void skip_string(scanner *sc)
{
	sc->i++; /* opening quote */
	while (sc->i < sc->n && sc->s[sc->i] != '"') {
		if (sc->s[sc->i] == '\\')
			sc->i++;
		sc->i++;
	}
	sc->i++;
}

static int record(scanner *sc, size_t key, size_t val)
{
	if (sc->count == sc->cap) {
		size_t cap = sc->cap ? 2 * sc->cap : 64;
		size_t *k = realloc(sc->key_off, cap * sizeof *k);
		if (!k)
			return -1;
		sc->key_off = k;
		size_t *v = realloc(sc->val_off, cap * sizeof *v);
		if (!v)
			return -1;
		sc->val_off = v;
		sc->cap = cap;
	}
	sc->key_off[sc->count] = key;
	sc->val_off[sc->count] = val;
	sc->count++;
	return 0;
}

static int scan_value(scanner *sc, size_t key)
{
	skip_ws(sc);
	if (record(sc, key, sc->i) < 0)
		return -1;
	char c = sc->i < sc->n ? sc->s[sc->i] : '\0';
	if (c == '{' || c == '[') {
		char close = c == '{' ? '}' : ']';
		sc->i++;
		for (;;) {
			skip_ws(sc);
			if (sc->i >= sc->n || sc->s[sc->i] == close) {
				sc->i++;
				return 0;
			}
			size_t k = SIZE_MAX;
			if (c == '{') {
				k = sc->i;
				skip_string(sc);
				skip_ws(sc);
				sc->i++; /* ':' */
			}
			if (scan_value(sc, k) < 0)
				return -1;
			skip_ws(sc);
			if (sc->i < sc->n && sc->s[sc->i] == ',')
				sc->i++;
		}
	}
	if (c == '"') {
		skip_string(sc);
		return 0;
	}
	while (sc->i < sc->n && !strchr(",]} \t\r\n", sc->s[sc->i]))
		sc->i++;
	return 0;
}

static size_t count_nodes(const cJSON *node)
{
	size_t n = 1;
	for (const cJSON *c = node->child; c; c = c->next)
		n += count_nodes(c);
	return n;
}

static void fill_nodes(const cJSON *node, const cJSON **out, size_t *k)
{
	out[(*k)++] = node;
	for (const cJSON *c = node->child; c; c = c->next)
		fill_nodes(c, out, k);
}

static int addr_cmp(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)((const struct dk_json_ref *)a)->node;
	uintptr_t y = (uintptr_t)((const struct dk_json_ref *)b)->node;
	return (x > y) - (x < y);
}

/* What RFC 8259 allows that cJSON is lenient about, checked before cJSON
 * sees the text, so that cJSON and the position scanner read the same
 * tokens: between tokens only space, tab, line feed and carriage return
 * (cJSON skips every byte up to 0x20), no raw control character inside a
 * string, and nesting at most DK_JSON_DEPTH_MAX deep (a clearer message
 * than cJSON's own limit gives). One pass; at most DK_DIAG_LIMIT problems
 * are located. */
static int prescan(const char *text, size_t len, const char *name, dk_error *d)
{
	int problems = 0, depth = 0, line = 1, col = 1;
	bool in_str = false;
	for (size_t i = 0; i < len && problems < DK_DIAG_LIMIT; i++) {
		unsigned char c = (unsigned char)text[i];
		if (in_str) {
			if (c == '\\' && i + 1 < len &&
			    (unsigned char)text[i + 1] >= 0x20) {
				i++;
				col++;
			} else if (c == '"') {
				in_str = false;
			} else if (c < 0x20) {
				dk_error_add(
					d, name, line, col,
					_("a control character (byte 0x%02X) inside a "
					  "string; JSON writes it as \\u%04X"),
					c, c);
				problems++;
			}
		} else if (c == '"') {
			in_str = true;
		} else if (c == '[' || c == '{') {
			if (++depth > DK_JSON_DEPTH_MAX) {
				dk_error_add(
					d, name, line, col,
					_("the JSON text is nested more than %d "
					  "deep; dekom's files need only a few levels"),
					DK_JSON_DEPTH_MAX);
				return problems + 1;
			}
		} else if (c == ']' || c == '}') {
			depth--;
		} else if (c < 0x20 && c != ' ' && c != '\t' && c != '\n' && c != '\r') {
			dk_error_add(d, name, line, col,
				     _("a control character (byte 0x%02X) between "
				       "values; JSON allows only spaces, tabs and line "
				       "ends there"),
				     c);
			problems++;
		}
		/* UTF-8 continuation bytes take no column */
		if (c == '\n') {
			line++;
			col = 1;
		} else if ((c & 0xC0) != 0x80) {
			col++;
		}
	}
	return problems;
}

dk_status dk_json_doc_parse(dk_json_doc *doc, const char *name, const char *text,
			    size_t len, dk_error *d)
{
	memset(doc, 0, sizeof *doc);
	doc->name = name;
	doc->text = text;
	if (prescan(text, len, name, d) > 0)
		return DK_EINPUT;
	const char *end = NULL;
	doc->root = cJSON_ParseWithLengthOpts(text, len + 1, &end, 1);
	if (!doc->root) {
		int line, col;
		size_t off = end ? (size_t)(end - text) : 0;
		/* cJSON may stop just past the offending character: point at the
		 * last one that is not a space */
		while (off > 0 && off < len && strchr(" \t\r\n", text[off]))
			off--;
		dk_text_position(text, off, &line, &col);
		if (off >= len)
			dk_error_add(d, name, line, col, "%s",
				     _("the JSON text ends too early: expected the "
				       "rest of a value, or a closing bracket"));
		else {
			char near[16], q[40];
			size_t k = 0;
			while (k + 1 < sizeof near && text[off + k] &&
			       text[off + k] != '\n' && text[off + k] != '\r')
				near[k] = text[off + k], k++;
			near[k] = '\0';
			dk_quote(near, q, sizeof q);
			dk_error_add(d, name, line, col,
				     _("invalid JSON at '%s'; expected a value, a "
				       "key in quotes, ',', ':' or a closing bracket"),
				     q);
		}
		return DK_EINPUT;
	}
	scanner sc = {.s = text, .n = len};
	if (scan_value(&sc, SIZE_MAX) < 0)
		goto oom;
	doc->n = count_nodes(doc->root);
	if (sc.count != doc->n) {
		/* cannot happen after prescan(); if it does, say so at the
		 * start rather than read values at the wrong places */
		free(sc.key_off);
		free(sc.val_off);
		cJSON_Delete(doc->root);
		doc->root = NULL;
		dk_error_add(d, name, 1, 1, "%s",
			     _("the JSON text could not be read "
			       "consistently; check it with a JSON validator"));
		return DK_EINPUT;
	}
	doc->nodes = malloc(doc->n * sizeof *doc->nodes);
	if (!doc->nodes)
		goto oom;
	size_t k = 0;
	fill_nodes(doc->root, doc->nodes, &k);
	doc->key_off = sc.key_off;
	doc->val_off = sc.val_off;
	doc->by_addr = malloc(doc->n * sizeof *doc->by_addr);
	if (!doc->by_addr) {
		dk_json_doc_release(doc);
		return DK_ENOMEM;
	}
	for (size_t i = 0; i < doc->n; i++) {
		doc->by_addr[i].node = doc->nodes[i];
		doc->by_addr[i].index = i;
	}
	qsort(doc->by_addr, doc->n, sizeof *doc->by_addr, addr_cmp);
	size_t nl = 1;
	for (size_t i = 0; i < len; i++)
		nl += text[i] == '\n';
	doc->lines = malloc(nl * sizeof *doc->lines);
	if (!doc->lines) {
		dk_json_doc_release(doc);
		return DK_ENOMEM;
	}
	doc->lines[0] = 0;
	doc->n_lines = 1;
	for (size_t i = 0; i < len; i++)
		if (text[i] == '\n')
			doc->lines[doc->n_lines++] = i + 1;
	return DK_OK;
oom:
	free(sc.key_off);
	free(sc.val_off);
	dk_json_doc_release(doc);
	return DK_ENOMEM;
}

void dk_json_doc_release(dk_json_doc *doc)
{
	cJSON_Delete(doc->root);
	free(doc->nodes);
	free(doc->key_off);
	free(doc->val_off);
	free(doc->by_addr);
	free(doc->lines);
	memset(doc, 0, sizeof *doc);
}

/* The pre-order index of a node: a binary search over the nodes sorted by
 * address, so that large documents stay fast. */
static size_t node_index(const dk_json_doc *doc, const cJSON *node)
{
	size_t lo = 0, hi = doc->n;
	uintptr_t want = (uintptr_t)node;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		uintptr_t at = (uintptr_t)doc->by_addr[mid].node;
		if (at == want)
			return doc->by_addr[mid].index;
		if (at < want)
			lo = mid + 1;
		else
			hi = mid;
	}
	return SIZE_MAX;
}

void dk_json_pos(const dk_json_doc *doc, const cJSON *node, bool key, int *line, int *col)
{
	size_t i = node_index(doc, node);
	size_t off = 0;
	if (i != SIZE_MAX)
		off = (key && doc->key_off[i] != SIZE_MAX) ? doc->key_off[i]
							   : doc->val_off[i];
	/* the line by binary search, the column by counting characters */
	size_t lo = 0, hi = doc->n_lines;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (doc->lines[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	int c;
	dk_text_position(doc->text + doc->lines[lo], off - doc->lines[lo], line, &c);
	*line = (int)lo + 1;
	*col = c;
}

void dk_json_error(const dk_json_doc *doc, dk_error *d, const cJSON *node, bool key,
		   const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	int line, col;
	dk_json_pos(doc, node, key, &line, &col);
	dk_error_add(d, doc->name, line, col, "%s", msg);
}

void dk_json_raw(const dk_json_doc *doc, const cJSON *node, char *buf, size_t size)
{
	size_t i = node_index(doc, node), o = 0;
	if (i != SIZE_MAX) {
		const char *s = doc->text + doc->val_off[i];
		int depth = 0, in_str = 0;
		for (size_t k = 0; s[k] && o + 1 < size; k++) {
			char c = s[k];
			if (!in_str && depth == 0 && k > 0 && strchr(",]}\r\n", c))
				break;
			if (c == '\n' || c == '\r')
				break;
			buf[o++] = c;
			if (in_str) {
				if (c == '\\' && s[k + 1] && o + 1 < size)
					buf[o++] = s[++k];
				else if (c == '"')
					in_str = 0;
				if (!in_str && depth == 0)
					break;
			} else if (c == '"') {
				in_str = 1;
			} else if (c == '{' || c == '[') {
				depth++;
			} else if (c == '}' || c == ']') {
				if (--depth == 0)
					break;
			}
		}
	}
	buf[o] = '\0';
}

dk_num_result dk_json_number(const dk_json_doc *doc, const cJSON *node,
			     const dk_num_spec *spec, int64_t *out)
{
	if (!cJSON_IsNumber(node))
		return DK_NUM_SYNTAX;
	size_t i = node_index(doc, node);
	if (i == SIZE_MAX)
		return DK_NUM_SYNTAX;
	const char *s = doc->text + doc->val_off[i];
	/* JSON's grammar: -?int(.frac)?([eE][+-]?digits)? */
	int neg = 0, exp = 0, exp_neg = 0;
	char digits[64];
	size_t nd = 0, point = SIZE_MAX;
	if (*s == '-')
		neg = 1, s++;
	for (; (*s >= '0' && *s <= '9') || *s == '.'; s++) {
		if (*s == '.') {
			point = nd;
			continue;
		}
		if (nd + 1 >= sizeof digits)
			return DK_NUM_RANGE;
		digits[nd++] = *s;
	}
	if (point == SIZE_MAX)
		point = nd;
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '-' || *s == '+')
			exp_neg = *s++ == '-';
		for (; *s >= '0' && *s <= '9'; s++)
			if (exp < 1000)
				exp = exp * 10 + (*s - '0');
		if (exp_neg)
			exp = -exp;
	}
	/* value = digits * 10^(exp - (nd - point)); we want it * 10^decimals */
	long shift = (long)exp - (long)(nd - point) + spec->decimals;
	int64_t v = 0;
	int nonzero = 0;
	for (size_t k = 0; k < nd; k++) {
		int dgt = digits[k] - '0';
		long pos = (long)(nd - 1 - k) + shift; /* power of ten of digit */
		if (dgt)
			nonzero = 1;
		if (pos < 0) {
			if (dgt)
				return DK_NUM_DECIMALS;
			continue;
		}
		if (v > (INT64_MAX - dgt) / 10)
			return DK_NUM_RANGE;
		v = v * 10 + dgt;
	}
	for (long k = 0; nonzero && k < shift; k++) {
		if (v > INT64_MAX / 10)
			return DK_NUM_RANGE;
		v *= 10;
	}
	if (neg && v != 0)
		return DK_NUM_NEGATIVE;
	if (v > spec->max)
		return DK_NUM_RANGE;
	*out = v;
	return DK_NUM_OK;
}

int dk_json_keys(const dk_json_doc *doc, dk_error *d, const cJSON *obj, const char *what,
		 const char *const *allowed)
{
	/* the first member seen for each allowed key: linear in the members,
	 * however often one key is repeated */
	enum { MAX_KEYS = 64 };
	const cJSON *first[MAX_KEYS] = {0};
	int problems = 0;
	for (const cJSON *m = obj->child; m; m = m->next) {
		size_t known = SIZE_MAX;
		for (size_t k = 0; allowed[k] && k < MAX_KEYS; k++)
			if (strcmp(m->string, allowed[k]) == 0) {
				known = k;
				break;
			}
		if (known != SIZE_MAX && !first[known]) {
			first[known] = m;
			continue;
		}
		problems++;
		if (dk_error_full(d)) {
			dk_error_add(d, doc->name, 0, 0, "%s", ""); /* counted */
			continue;
		}
		if (known == SIZE_MAX) {
			char q[80], list[400];
			size_t o = 0;
			list[0] = '\0';
			for (size_t k = 0; allowed[k] && o + 40 < sizeof list; k++)
				o += (size_t)snprintf(list + o, sizeof list - o, "%s%s",
						      k ? ", " : "", allowed[k]);
			dk_quote(m->string, q, sizeof q);
			/* a typo of an allowed key: at most 2 edits, and a
			 * third of the key's length */
			const char *near = NULL;
			size_t best = 3;
			for (size_t k = 0; allowed[k]; k++) {
				size_t dist = dk_edit_distance(m->string, allowed[k], 2);
				size_t len = strlen(allowed[k]);
				if (dist > 0 && dist < best && 3 * dist <= len) {
					best = dist;
					near = allowed[k];
				}
			}
			if (near)
				dk_json_error(doc, d, m, true,
					      _("%s: unknown key '%s'; did you mean "
						"'%s'? expected one of: %s"),
					      what, q, near, list);
			else
				dk_json_error(
					doc, d, m, true,
					_("%s: unknown key '%s'; expected one of: %s"),
					what, q, list);
			continue;
		}
		int line, col;
		dk_json_pos(doc, first[known], true, &line, &col);
		dk_json_error(doc, d, m, true,
			      _("%s: key '%s' given twice (first at %d:%d); expected "
				"each key once"),
			      what, m->string, line, col);
	}
	return problems;
}

const char *dk_json_type(const cJSON *node)
{
	if (cJSON_IsString(node))
		return _("a string");
	if (cJSON_IsNumber(node))
		return _("a number");
	if (cJSON_IsBool(node))
		return _("a boolean");
	if (cJSON_IsNull(node))
		return "null";
	if (cJSON_IsArray(node))
		return _("an array");
	return _("an object");
}

/*
 * json_out.c: cJSON building helpers (see json_out.h).
 */
#include "io/json_out.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "models/numtext.h"

int dk_json_put(cJSON *obj, const char *key, cJSON *item)
{
	if (!item)
		return 0;
	if (!cJSON_AddItemToObject(obj, key, item)) {
		cJSON_Delete(item);
		return 0;
	}
	return 1;
}

int dk_json_push(cJSON *arr, cJSON *item)
{
	if (!item)
		return 0;
	if (!cJSON_AddItemToArray(arr, item)) {
		cJSON_Delete(item);
		return 0;
	}
	return 1;
}

/* v's decimal digits, at the end of buf[24]; returns where they start. */
static const char *int_text(int64_t v, char buf[24])
{
	char *p = buf + 24;
	uint64_t u = v < 0 ? -(uint64_t)v : (uint64_t)v;
	*--p = '\0';
	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		*--p = '-';
	return p;
}

cJSON *dk_json_int(int64_t v)
{
	char buf[24];
	return cJSON_CreateRaw(int_text(v, buf));
}

cJSON *dk_json_scaled(int64_t v, int decimals)
{
	char buf[48];
	dk_scaled_plain(v, decimals, buf, sizeof buf);
	return cJSON_CreateRaw(buf);
}

void dk_jw_text(dk_jw *w, dk_strbuf *b, int depth)
{
	memset(w, 0, sizeof *w);
	w->b = b;
	w->depth = depth;
}

void dk_jw_tree(dk_jw *w)
{
	memset(w, 0, sizeof *w);
}

cJSON *dk_jw_tree_done(dk_jw *w)
{
	cJSON *root = w->tree[1];
	if (w->failed) {
		cJSON_Delete(root);
		return NULL;
	}
	return root;
}

static void tabs(dk_strbuf *b, int n)
{
	static const char t[] = "\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t";
	dk_strbuf_add(b, t, (size_t)(n < 16 ? n : 16));
}

/* Whether the word x may hold a '"', a '\\' or a byte below 32: never
 * false when it does (it may be true when it does not). */
static inline bool maybe_special(uint64_t x)
{
	const uint64_t ones = UINT64_C(0x0101010101010101);
	const uint64_t high = UINT64_C(0x8080808080808080);
	uint64_t q = x ^ (ones * '"'), bs = x ^ (ones * '\\');
	/* a byte below 32, a zero byte of q or of bs (q and bs have the high
	 * bits of x) */
	return (((x - ones * 32) | (q - ones) | (bs - ones)) & ~x & high) != 0;
}

/* How many bytes at the start of s[0, n) JSON writes as they are: up to
 * the first '"', '\\' or byte below 32. Eight bytes at a time (the last
 * few in a word filled up with letters): a word with none of them passes
 * whole, and the bytes of a word that may hold one are looked at one by
 * one. */
static size_t plain_prefix(const char *s, size_t n)
{
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t x;
		memcpy(&x, s + i, 8);
		if (maybe_special(x))
			break;
	}
	if (i + 8 > n && i < n) {
		uint64_t x = UINT64_C(0x6161616161616161); /* "aaaaaaaa" */
		memcpy(&x, s + i, n - i);
		if (!maybe_special(x))
			return n;
	}
	for (; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 32 || c == '"' || c == '\\')
			break;
	}
	return i;
}

/* A string as cJSON prints it: '"', '\\' and the bytes below 32 escaped
 * (the usual letters, else \u00XX), every other byte as it is. */
static void text_string(dk_strbuf *b, const char *s)
{
	size_t n = strlen(s);
	dk_strbuf_add(b, "\"", 1);
	for (;;) {
		size_t k = plain_prefix(s, n);
		dk_strbuf_add(b, s, k);
		if (k == n)
			break;
		unsigned char c = (unsigned char)s[k];
		char esc[8];
		switch (c) {
		case '"': dk_strbuf_add(b, "\\\"", 2); break;
		case '\\': dk_strbuf_add(b, "\\\\", 2); break;
		case '\b': dk_strbuf_add(b, "\\b", 2); break;
		case '\f': dk_strbuf_add(b, "\\f", 2); break;
		case '\n': dk_strbuf_add(b, "\\n", 2); break;
		case '\r': dk_strbuf_add(b, "\\r", 2); break;
		case '\t': dk_strbuf_add(b, "\\t", 2); break;
		default:
			snprintf(esc, sizeof esc, "\\u%04x", c);
			dk_strbuf_add(b, esc, 6);
		}
		s += k + 1;
		n -= k + 1;
	}
	dk_strbuf_add(b, "\"", 1);
}

/* Text: what comes before a member's value at the current level. */
static void member(dk_jw *w, const char *key)
{
	if (w->more[w->depth])
		dk_strbuf_add(w->b, ",\n", 2);
	w->more[w->depth] = true;
	tabs(w->b, w->depth);
	text_string(w->b, key);
	dk_strbuf_add(w->b, ":\t", 2);
}

/* Text: a member and its value's text (quoted: as a JSON string), made in
 * one piece where both are short and the key and a quoted value need no
 * escape (the common case: a few calls per member, not seven), else
 * piece by piece. */
static void member_value(dk_jw *w, const char *key, const char *v, size_t vn, bool quoted)
{
	char local[256];
	size_t kn = strlen(key), d = w->depth < 16 ? (size_t)w->depth : 16, at = 0;
	size_t most = kn + vn + d + 8;
	if (most > sizeof local || plain_prefix(key, kn) != kn ||
	    (quoted && plain_prefix(v, vn) != vn)) {
		member(w, key);
		if (quoted)
			text_string(w->b, v);
		else
			dk_strbuf_add(w->b, v, vn);
		return;
	}
	/* in place at the end of the text where there is room */
	char *buf = dk_strbuf_room(w->b, most);
	if (!buf)
		buf = local;
	if (w->more[w->depth]) {
		buf[at++] = ',';
		buf[at++] = '\n';
	}
	w->more[w->depth] = true;
	memset(buf + at, '\t', d);
	at += d;
	buf[at++] = '"';
	memcpy(buf + at, key, kn);
	at += kn;
	buf[at++] = '"';
	buf[at++] = ':';
	buf[at++] = '\t';
	if (quoted)
		buf[at++] = '"';
	memcpy(buf + at, v, vn);
	at += vn;
	if (quoted)
		buf[at++] = '"';
	if (buf == local)
		dk_strbuf_add(w->b, local, at);
	else
		dk_strbuf_wrote(w->b, at);
}

/* Tree: adds item as member key of the open object. */
static void add(dk_jw *w, const char *key, cJSON *item)
{
	if (!item || w->depth < 1 || !dk_json_put(w->tree[w->depth], key, item))
		w->failed = true;
}

void dk_jw_open(dk_jw *w, const char *key)
{
	if (w->failed || w->depth + 1 >= DK_JW_DEPTH) {
		w->failed = true;
		return;
	}
	if (w->b) {
		if (key)
			member_value(w, key, "{\n", 2, false);
		else
			dk_strbuf_add(w->b, "{\n", 2);
		w->more[++w->depth] = false;
		return;
	}
	cJSON *o = cJSON_CreateObject();
	if (!o) {
		w->failed = true;
		return;
	}
	if (key)
		add(w, key, o);
	else if (w->depth == 0)
		w->tree[1] = o;
	else
		cJSON_Delete(o), w->failed = true;
	w->tree[++w->depth] = o;
}

void dk_jw_close(dk_jw *w)
{
	if (w->failed)
		return;
	if (w->b) {
		if (w->more[w->depth])
			dk_strbuf_add(w->b, "\n", 1);
		tabs(w->b, w->depth - 1);
		dk_strbuf_add(w->b, "}", 1);
	}
	w->depth--;
}

/* dk_jw_raw with the number's length known. */
static void raw_n(dk_jw *w, const char *key, const char *number, size_t n)
{
	if (w->failed)
		return;
	if (w->b) {
		member_value(w, key, number, n, false);
	} else {
		add(w, key, cJSON_CreateRaw(number));
	}
}

void dk_jw_raw(dk_jw *w, const char *key, const char *number)
{
	raw_n(w, key, number, strlen(number));
}

void dk_jw_int(dk_jw *w, const char *key, int64_t v)
{
	char buf[24];
	const char *p = int_text(v, buf);
	raw_n(w, key, p, (size_t)(buf + 23 - p)); /* int_text ends at buf[23] */
}

void dk_jw_scaled(dk_jw *w, const char *key, int64_t v, int decimals)
{
	char buf[48];
	dk_scaled_plain(v, decimals, buf, sizeof buf);
	dk_jw_raw(w, key, buf);
}

void dk_jw_string(dk_jw *w, const char *key, const char *s)
{
	if (w->failed)
		return;
	if (w->b) {
		member_value(w, key, s, strlen(s), true);
	} else {
		add(w, key, cJSON_CreateString(s));
	}
}

void dk_jw_null(dk_jw *w, const char *key)
{
	if (w->failed)
		return;
	if (w->b) {
		member_value(w, key, "null", 4, false);
	} else {
		add(w, key, cJSON_CreateNull());
	}
}

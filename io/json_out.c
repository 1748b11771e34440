/*
 * json_out.c: cJSON building helpers (see json_out.h).
 */
#include "io/json_out.h"

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

/* A string as cJSON prints it: '"', '\\' and the bytes below 32 escaped
 * (the usual letters, else \u00XX), every other byte as it is. */
static void text_string(dk_strbuf *b, const char *s)
{
	dk_strbuf_add(b, "\"", 1);
	const char *run = s;
	const unsigned char *p = (const unsigned char *)s;
	for (; *p; p++) {
		if (*p >= 32 && *p != '"' && *p != '\\')
			continue;
		dk_strbuf_add(b, run, (size_t)((const char *)p - run));
		run = (const char *)p + 1;
		char esc[8];
		switch (*p) {
		case '"': dk_strbuf_add(b, "\\\"", 2); break;
		case '\\': dk_strbuf_add(b, "\\\\", 2); break;
		case '\b': dk_strbuf_add(b, "\\b", 2); break;
		case '\f': dk_strbuf_add(b, "\\f", 2); break;
		case '\n': dk_strbuf_add(b, "\\n", 2); break;
		case '\r': dk_strbuf_add(b, "\\r", 2); break;
		case '\t': dk_strbuf_add(b, "\\t", 2); break;
		default:
			snprintf(esc, sizeof esc, "\\u%04x", *p);
			dk_strbuf_add(b, esc, 6);
		}
	}
	/* the rest up to the end the scan found (no second strlen) */
	dk_strbuf_add(b, run, (size_t)((const char *)p - run));
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
			member(w, key);
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

void dk_jw_raw(dk_jw *w, const char *key, const char *number)
{
	if (w->failed)
		return;
	if (w->b) {
		member(w, key);
		dk_strbuf_puts(w->b, number);
	} else {
		add(w, key, cJSON_CreateRaw(number));
	}
}

void dk_jw_int(dk_jw *w, const char *key, int64_t v)
{
	char buf[24];
	dk_jw_raw(w, key, int_text(v, buf));
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
		member(w, key);
		text_string(w->b, s);
	} else {
		add(w, key, cJSON_CreateString(s));
	}
}

void dk_jw_null(dk_jw *w, const char *key)
{
	if (w->failed)
		return;
	if (w->b) {
		member(w, key);
		dk_strbuf_add(w->b, "null", 4);
	} else {
		add(w, key, cJSON_CreateNull());
	}
}

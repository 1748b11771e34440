/*
 * colmap.c: reading a header map (see colmap.h).
 */
#include "io/colmap.h"

#include <stdlib.h>
#include <string.h>

#include "io/i18n.h"
#include "io/json_doc.h"
#include "models/columns.h"

void dk_colmap_init(dk_colmap *m)
{
	memset(m, 0, sizeof *m);
}

void dk_colmap_release(dk_colmap *m)
{
	for (size_t i = 0; i < m->n; i++) {
		free(m->items[i].key);
		free(m->items[i].target);
	}
	free(m->items);
	free(m->name);
	memset(m, 0, sizeof *m);
}

/* Splits "Prosentandel#2" into "Prosentandel" and 2; a key without a
 * trailing "#digits" has occurrence 0. */
static int split_occurrence(char *key)
{
	char *hash = strrchr(key, '#');
	if (!hash || !hash[1])
		return 0;
	int k = 0;
	for (const char *p = hash + 1; *p; p++) {
		if (*p < '0' || *p > '9' || k > 1000)
			return 0;
		k = k * 10 + (*p - '0');
	}
	if (k == 0)
		return -1;
	*hash = '\0';
	return k;
}

dk_status dk_colmap_parse(dk_colmap *m, const dk_input *in, dk_error *d)
{
	dk_json_doc doc;
	size_t before = d->n + d->dropped;
	dk_status st = dk_json_doc_parse(&doc, in->name, in->text, in->len, d);
	if (st != DK_OK)
		return st;
	m->name = strdup(in->name);
	if (!m->name)
		goto oom;
	if (!cJSON_IsObject(doc.root)) {
		dk_json_error(&doc, d, doc.root, false,
			      _("column map: %s; expected an object from header "
				"to column, such as {\"\": \"network\"}"),
			      dk_json_type(doc.root));
		dk_json_doc_release(&doc);
		return DK_EINPUT;
	}
	size_t n = 0;
	for (const cJSON *c = doc.root->child; c; c = c->next)
		n++;
	m->items = calloc(n ? n : 1, sizeof *m->items);
	if (!m->items)
		goto oom;
	for (const cJSON *c = doc.root->child; c; c = c->next) {
		char q[80];
		dk_quote(c->string, q, sizeof q);
		if (!cJSON_IsString(c)) {
			dk_json_error(&doc, d, c, false,
				      _("column map: '%s' maps to %s; expected a "
					"column name in quotes"),
				      q, dk_json_type(c));
			continue;
		}
		char *raw = strdup(c->string);
		if (!raw)
			goto oom;
		int occ = split_occurrence(raw);
		size_t cap = strlen(raw) + 1;
		char *key = malloc(cap);
		if (!key) {
			free(raw);
			goto oom;
		}
		dk_header_norm(raw, key, cap);
		free(raw);
		if (occ < 0) {
			dk_json_error(&doc, d, c, true,
				      _("column map: '%s': occurrences count from "
					"#1"),
				      q);
			free(key);
			continue;
		}
		for (size_t i = 0; i < m->n; i++)
			if (strcmp(m->items[i].key, key) == 0 &&
			    m->items[i].occurrence == occ) {
				dk_json_error(&doc, d, c, true,
					      _("column map: '%s' is mapped twice"), q);
				break;
			}
		dk_colmap_entry *e = &m->items[m->n++];
		e->key = key;
		e->occurrence = occ;
		e->target = strdup(c->valuestring);
		if (!e->target)
			goto oom;
		dk_json_pos(&doc, c, false, &e->line, &e->col);
	}
	dk_json_doc_release(&doc);
	return d->n + d->dropped > before ? DK_EINPUT : DK_OK;
oom:
	dk_json_doc_release(&doc);
	return DK_ENOMEM;
}

const dk_colmap_entry *dk_colmap_find(const dk_colmap *m, const char *key, int occurrence)
{
	if (!m)
		return NULL;
	/* a key without #k is #1 (CLI.md): an Excel sheet's trailing empty
	 * headers are "" #2, #3, ... and stay unmapped */
	for (size_t i = 0; i < m->n; i++) {
		const dk_colmap_entry *e = &m->items[i];
		if (strcmp(e->key, key) != 0)
			continue;
		if (e->occurrence == occurrence ||
		    (e->occurrence == 0 && occurrence == 1))
			return e;
	}
	return NULL;
}

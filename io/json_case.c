/*
 * json_case.c: the case file reader (see json_case.h), on the positions of
 * io/json_doc and the title reader of the plan.
 */
#include "io/json_case.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/i18n.h"
#include "io/json_doc.h"
#include "io/json_plan.h"
#include "models/columns.h"

#define ERR(doc, d, node, key, ...) dk_json_error(doc, d, node, key, __VA_ARGS__)

static const cJSON *get(const cJSON *obj, const char *key)
{
	return cJSON_GetObjectItemCaseSensitive(obj, key);
}

static bool id_ok(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 40)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '-' || *s == '_'))
			return false;
	return true;
}

/* The path p of the case file, against dir: as given when absolute. */
static char *resolve(const char *dir, const char *p)
{
	size_t n = strlen(p) + (dir ? strlen(dir) : 0) + 2;
	char *out = malloc(n);
	if (!out)
		return NULL;
	if (p[0] == '/' || !dir || !dir[0])
		snprintf(out, n, "%s", p);
	else
		snprintf(out, n, "%s/%s", dir, p);
	return out;
}

/* A text member of scheme s: NULL when absent; reported when not a text. */
static int text(const dk_json_doc *doc, dk_error *d, const cJSON *s, const char *key,
		const char *what)
{
	const cJSON *x = get(s, key);
	if (!x)
		return 0;
	if (!cJSON_IsString(x) || !x->valuestring[0]) {
		ERR(doc, d, x, false, _("%s: %s; expected %s"), key,
		    cJSON_IsString(x) ? _("an empty text") : dk_json_type(x), what);
		return -1;
	}
	return 1;
}

static void read_scheme(const dk_json_doc *doc, dk_error *d, const cJSON *s,
			const char *dir, dk_scheme_ref *out, int *oom)
{
	static const char *const keys[] = {"id",   "name",  "networks", "columns",
					   "plan", "input", "sheet",    NULL};
	static const char *const files[] = {"networks", "columns", "plan", "input",
					    "sheet"};
	char **dst[] = {&out->networks, &out->columns, &out->plan, &out->input,
			&out->sheet};
	dk_json_pos(doc, s, false, &out->line, &out->col);
	if (!cJSON_IsObject(s)) {
		ERR(doc, d, s, false,
		    _("schemes: %s; expected an object such as {\"id\": \"dekom\", "
		      "\"networks\": \"budsjett.csv\", \"plan\": \"plan.json\"}"),
		    dk_json_type(s));
		return;
	}
	dk_json_keys(doc, d, s, _("scheme"), keys);
	const cJSON *id = get(s, "id");
	if (!id || !cJSON_IsString(id) || !id_ok(id->valuestring)) {
		char raw[80] = "";
		if (id)
			dk_json_raw(doc, id, raw, sizeof raw);
		ERR(doc, d, id ? id : s, false,
		    id ? _("id: %s is not an id; expected 1 to 40 of the letters a-z "
			   "and A-Z, digits, '-' and '_', such as \"dekom\"")
		       : _("scheme: no \"id\"%s; expected an id such as \"dekom\""),
		    raw);
	} else if (!(out->id = strdup(id->valuestring))) {
		*oom = 1;
	}
	if (text(doc, d, s, "name", _("a text")) > 0 &&
	    !(out->name = strdup(get(s, "name")->valuestring)))
		*oom = 1;
	for (size_t k = 0; k < sizeof files / sizeof files[0]; k++) {
		if (text(doc, d, s, files[k], _("a file name")) <= 0)
			continue;
		const char *v = get(s, files[k])->valuestring;
		/* a sheet is a name, not a path */
		*dst[k] = strcmp(files[k], "sheet") == 0 ? strdup(v) : resolve(dir, v);
		if (!*dst[k])
			*oom = 1;
	}
	bool input = get(s, "input"), nets = get(s, "networks"), plan = get(s, "plan");
	if (input && (nets || plan))
		ERR(doc, d, get(s, "input"), true,
		    _("scheme: \"input\" with \"networks\" or \"plan\"; expected one "
		      "workbook as \"input\", or \"networks\" and \"plan\""));
	else if (!input && !(nets && plan))
		ERR(doc, d, s, false,
		    _("scheme: no inputs; expected \"networks\" and \"plan\", or one "
		      "workbook as \"input\""));
}

dk_status dk_case_file_read(const dk_input *in, const char *dir, dk_case_file *f,
			    dk_error *d)
{
	static const char *const keys[] = {"title", "schemes", NULL};
	size_t before = d->n + d->dropped;
	memset(f, 0, sizeof *f);
	dk_json_doc doc;
	dk_status st = dk_json_doc_parse(&doc, in->name, in->text, in->len, d);
	if (st != DK_OK)
		return st;
	int oom = 0;
	const cJSON *root = doc.root, *x;
	if (!cJSON_IsObject(root)) {
		ERR(&doc, d, root, false,
		    _("case: %s; expected an object such as {\"schemes\": [...]}"),
		    dk_json_type(root));
		goto done;
	}
	dk_json_keys(&doc, d, root, _("case file"), keys);
	if ((x = get(root, "title")) && dk_title_read(&doc, x, &f->title, d) == DK_ENOMEM)
		oom = 1;
	x = get(root, "schemes");
	size_t n = x && cJSON_IsArray(x) ? (size_t)cJSON_GetArraySize(x) : 0;
	if (n == 0) {
		ERR(&doc, d, x ? x : root, false, "%s",
		    _("case: no schemes; expected \"schemes\": [{\"id\": \"dekom\", "
		      "\"networks\": …, \"plan\": …}]"));
		goto done;
	}
	if (n > DK_SCHEMES_MAX) {
		ERR(&doc, d, x, false, _("schemes: %zu schemes; expected at most %d"), n,
		    DK_SCHEMES_MAX);
		goto done;
	}
	if (!(f->schemes = calloc(n, sizeof *f->schemes))) {
		oom = 1;
		goto done;
	}
	f->n = n;
	size_t k = 0;
	for (const cJSON *s = x->child; s && !oom; s = s->next, k++) {
		read_scheme(&doc, d, s, dir, &f->schemes[k], &oom);
		for (size_t j = 0; f->schemes[k].id && j < k; j++) {
			char a[64], b[64];
			if (!f->schemes[j].id)
				continue;
			dk_header_norm(f->schemes[j].id, a, sizeof a);
			dk_header_norm(f->schemes[k].id, b, sizeof b);
			if (strcmp(a, b) == 0)
				ERR(&doc, d, get(s, "id"), false,
				    _("id: \"%s\" is given to two schemes (the first "
				      "on line %d); expected each id once"),
				    f->schemes[k].id, f->schemes[j].line);
		}
	}
done:
	dk_json_doc_release(&doc);
	if (oom)
		return DK_ENOMEM;
	return d->n + d->dropped > before ? DK_EINPUT : DK_OK;
}

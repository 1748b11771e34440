/*
 * json_recfile.c: a recommend output read back (see json_recfile.h).
 * Amounts are read exactly from their text as whole kroner.
 */
#include "io/json_recfile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/i18n.h"
#include "io/json_doc.h"

typedef struct {
	const dk_json_doc *doc;
	dk_error *d;
	int oom;
} reader;

#define ERR(r, node, ...) dk_json_error((r)->doc, (r)->d, node, false, __VA_ARGS__)

/* The member `key` of obj; reports its absence at obj. */
static const cJSON *need(reader *r, const cJSON *obj, const char *where, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
	if (!v)
		ERR(r, obj,
		    _("%s: no \"%s\"; expected the output of dekom recommend -f json"),
		    where, key);
	return v;
}

/* A string or (when nullable) null into *out (owned, NULL for null). */
static void str(reader *r, const cJSON *obj, const char *where, const char *key,
		bool nullable, char **out)
{
	const cJSON *v = need(r, obj, where, key);
	if (!v)
		return;
	if (nullable && cJSON_IsNull(v))
		return;
	if (!cJSON_IsString(v)) {
		char raw[80];
		dk_json_raw(r->doc, v, raw, sizeof raw);
		if (nullable)
			ERR(r, v, _("%s.%s: %s is %s; expected a string or null"), where,
			    key, raw, dk_json_type(v));
		else
			ERR(r, v, _("%s.%s: %s is %s; expected a string"), where, key,
			    raw, dk_json_type(v));
		return;
	}
	*out = strdup(v->valuestring);
	if (!*out)
		r->oom = 1;
}

/* A whole amount, or null when nullable (then *has is false). */
static void amount(reader *r, const cJSON *obj, const char *where, const char *key,
		   bool nullable, bool *has, dk_kr *out)
{
	const cJSON *v = need(r, obj, where, key);
	if (has)
		*has = false;
	if (!v || (nullable && cJSON_IsNull(v)))
		return;
	dk_num_spec spec = {0, DK_KR_MAX, false, false, DK_DEC_AUTO};
	int64_t x;
	if (!cJSON_IsNumber(v) || dk_json_number(r->doc, v, &spec, &x) != DK_NUM_OK) {
		char raw[80];
		dk_json_raw(r->doc, v, raw, sizeof raw);
		if (nullable)
			ERR(r, v, _("%s.%s: %s is not a whole amount in kroner or null"),
			    where, key, raw);
		else
			ERR(r, v, _("%s.%s: %s is not a whole amount in kroner"), where,
			    key, raw);
		return;
	}
	*out = x;
	if (has)
		*has = true;
}

static const cJSON *array(reader *r, const cJSON *obj, const char *key, size_t *n)
{
	const cJSON *v = need(r, obj, _("recommendation"), key);
	*n = 0;
	if (!v)
		return NULL;
	if (!cJSON_IsArray(v)) {
		ERR(r, v, _("%s: expected a list"), key);
		return NULL;
	}
	*n = (size_t)cJSON_GetArraySize(v);
	return v;
}

/* The line `key` of obj: "own", or "uh:NTNU" under `prefix` "uh". */
static void add_line(reader *r, dk_rec_network *x, const cJSON *obj, const char *at,
		     const char *key, const char *prefix)
{
	dk_rec_line *l = &x->budget[x->n_budget];
	char name[300];
	snprintf(name, sizeof name, "%s%s%s", prefix ? prefix : "", prefix ? ":" : "",
		 key);
	amount(r, obj, at, key, false, NULL, &l->value);
	if (!(l->line = strdup(name)))
		r->oom = 1;
	else
		x->n_budget++;
}

/* A network's reported budget lines ("budget": {"own": …, "uh": {"NTNU":
 * …}, …}), when the file has them (a file of an older dekom does not):
 * each whole amount as a line, an institution's as "uh:ID". */
static void read_budget(reader *r, const cJSON *e, const char *where, dk_rec_network *x)
{
	const cJSON *b = cJSON_GetObjectItemCaseSensitive(e, "budget");
	if (!b || cJSON_IsNull(b))
		return;
	if (!cJSON_IsObject(b)) {
		ERR(r, b, _("%s.budget: expected an object"), where);
		return;
	}
	size_t n = 0;
	for (const cJSON *c = b->child; c; c = c->next)
		n += cJSON_IsObject(c) ? (size_t)cJSON_GetArraySize(c) : 1;
	x->budget = calloc(n ? n : 1, sizeof *x->budget);
	if (!x->budget) {
		r->oom = 1;
		return;
	}
	char at[80];
	snprintf(at, sizeof at, "%s.budget", where);
	for (const cJSON *c = b->child; c && !r->oom; c = c->next) {
		if (!cJSON_IsObject(c)) {
			add_line(r, x, b, at, c->string, NULL);
			continue;
		}
		for (const cJSON *v = c->child; v && !r->oom; v = v->next)
			add_line(r, x, c, at, v->string, c->string);
	}
}

static void read_networks(reader *r, const cJSON *root, dk_rec_file *f)
{
	size_t n;
	const cJSON *arr = array(r, root, "networks", &n);
	if (!arr)
		return;
	f->networks = calloc(n ? n : 1, sizeof *f->networks);
	if (!f->networks) {
		r->oom = 1;
		return;
	}
	for (const cJSON *e = arr->child; e && !r->oom; e = e->next) {
		char where[40];
		snprintf(where, sizeof where, "networks[%zu]", f->n_networks);
		dk_rec_network *x = &f->networks[f->n_networks++];
		if (!cJSON_IsObject(e)) {
			ERR(r, e, _("%s: expected an object"), where);
			continue;
		}
		str(r, e, where, "network", false, &x->name);
		amount(r, e, where, "previous", false, NULL, &x->previous);
		amount(r, e, where, "need", false, NULL, &x->need);
		amount(r, e, where, "recommended", true, &x->has_recommended,
		       &x->recommended);
		str(r, e, where, "state", true, &x->state);
		read_budget(r, e, where, x);
	}
}

static void read_findings(reader *r, const cJSON *root, dk_rec_file *f)
{
	size_t n;
	const cJSON *arr = array(r, root, "findings", &n);
	if (!arr)
		return;
	f->findings = calloc(n ? n : 1, sizeof *f->findings);
	if (!f->findings) {
		r->oom = 1;
		return;
	}
	for (const cJSON *e = arr->child; e && !r->oom; e = e->next) {
		char where[40];
		snprintf(where, sizeof where, "findings[%zu]", f->n_findings);
		dk_rec_finding *x = &f->findings[f->n_findings++];
		if (!cJSON_IsObject(e)) {
			ERR(r, e, _("%s: expected an object"), where);
			continue;
		}
		str(r, e, where, "check", false, &x->check);
		str(r, e, where, "severity", false, &x->severity);
		str(r, e, where, "network", false, &x->network);
		str(r, e, where, "field", true, &x->field);
		str(r, e, where, "message", false, &x->message);
		if (cJSON_GetObjectItemCaseSensitive(e, "message_nb"))
			str(r, e, where, "message_nb", false, &x->message_nb);
	}
}

static void read_manifest(reader *r, const cJSON *root, dk_rec_file *f)
{
	const cJSON *m = need(r, root, _("recommendation"), "manifest");
	if (!m || !cJSON_IsObject(m))
		return;
	str(r, m, "manifest", "method", false, &f->method);
	size_t n;
	const cJSON *arr = array(r, m, "inputs", &n);
	if (!arr)
		return;
	f->inputs = calloc(n ? n : 1, sizeof *f->inputs);
	if (!f->inputs) {
		r->oom = 1;
		return;
	}
	for (const cJSON *e = arr->child; e && !r->oom; e = e->next) {
		dk_rec_input *x = &f->inputs[f->n_inputs++];
		if (!cJSON_IsObject(e))
			continue;
		str(r, e, "manifest.inputs", "role", false, &x->role);
		str(r, e, "manifest.inputs", "path", false, &x->path);
		str(r, e, "manifest.inputs", "sha256", false, &x->sha256);
	}
}

/* One recommendation's fields from its object (a file's root, or a
 * scheme's part of a combined recommendation). */
static void read_rec(reader *r, const cJSON *root, dk_rec_file *f)
{
	const cJSON *eng = need(r, root, _("recommendation"), "engine");
	if (eng && cJSON_IsObject(eng))
		str(r, eng, "engine", "version", false, &f->version);
	read_manifest(r, root, f);
	const cJSON *fr = need(r, root, _("recommendation"), "frame");
	if (fr && cJSON_IsObject(fr)) {
		amount(r, fr, "frame", "total", true, &f->has_total, &f->total);
		amount(r, fr, "frame", "prorata", false, NULL, &f->prorata);
		amount(r, fr, "frame", "direct", false, NULL, &f->direct);
		amount(r, fr, "frame", "unused", true, &f->has_unused, &f->unused);
	}
	if (!r->oom)
		read_networks(r, root, f);
	if (!r->oom)
		read_findings(r, root, f);
}

dk_status dk_rec_file_read(const dk_input *in, dk_rec_file *f, dk_error *d)
{
	size_t before = d->n + d->dropped;
	memset(f, 0, sizeof *f);
	dk_json_doc doc;
	dk_status st = dk_json_doc_parse(&doc, in->name, in->text, in->len, d);
	if (st != DK_OK)
		return st;
	reader r = {&doc, d, 0};
	const cJSON *root = doc.root;
	if (!cJSON_IsObject(root)) {
		ERR(&r, root,
		    _("expected the output of dekom recommend -f json, an object"));
		goto done;
	}
	if (!cJSON_GetObjectItemCaseSensitive(root, "engine") &&
	    !cJSON_GetObjectItemCaseSensitive(root, "networks")) {
		ERR(&r, root,
		    _("not a recommendation: no \"engine\" and no \"networks\"; "
		      "expected the output of dekom recommend -f json"));
		goto done;
	}
	read_rec(&r, root, f);
done:
	dk_json_doc_release(&doc);
	if (r.oom)
		return DK_ENOMEM;
	return d->n + d->dropped > before ? DK_EINPUT : DK_OK;
}

dk_status dk_rec_set_read(const dk_input *in, dk_rec_set *set, dk_error *d)
{
	size_t before = d->n + d->dropped;
	memset(set, 0, sizeof *set);
	dk_json_doc doc;
	dk_status st = dk_json_doc_parse(&doc, in->name, in->text, in->len, d);
	if (st != DK_OK)
		return st;
	reader r = {&doc, d, 0};
	const cJSON *root = doc.root;
	const cJSON *schemes = cJSON_IsObject(root)
		? cJSON_GetObjectItemCaseSensitive(root, "schemes")
		: NULL;
	if (!schemes || !cJSON_GetObjectItemCaseSensitive(root, "summary")) {
		/* a single recommendation: one part without an id */
		dk_json_doc_release(&doc);
		set->parts = calloc(1, sizeof *set->parts);
		set->ids = calloc(1, sizeof *set->ids);
		if (!set->parts || !set->ids)
			return DK_ENOMEM;
		set->n = 1;
		return dk_rec_file_read(in, &set->parts[0], d);
	}
	set->combined = true;
	size_t n = cJSON_IsArray(schemes) ? (size_t)cJSON_GetArraySize(schemes) : 0;
	if (n == 0)
		ERR(&r, schemes, "%s",
		    _("schemes: expected a list of the schemes' recommendations"));
	set->parts = calloc(n ? n : 1, sizeof *set->parts);
	set->ids = calloc(n ? n : 1, sizeof *set->ids);
	if (!set->parts || !set->ids)
		r.oom = 1;
	for (const cJSON *e = n ? schemes->child : NULL; e && !r.oom; e = e->next) {
		char where[40];
		snprintf(where, sizeof where, "schemes[%zu]", set->n);
		size_t k = set->n++;
		if (!cJSON_IsObject(e)) {
			ERR(&r, e, _("%s: expected an object"), where);
			continue;
		}
		str(&r, e, where, "scheme", false, &set->ids[k]);
		read_rec(&r, e, &set->parts[k]);
	}
	dk_json_doc_release(&doc);
	if (r.oom)
		return DK_ENOMEM;
	return d->n + d->dropped > before ? DK_EINPUT : DK_OK;
}

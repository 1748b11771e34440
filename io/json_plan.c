/*
 * json_plan.c: the plan reader (see json_plan.h). Each object has its own
 * function; its keys, and each value's decimals, range and enum names, are
 * the plan's table of fields (models/fields.c), and a value a scenario can
 * set is stored through that field's target (dk_target_set), the accessor
 * the scenarios use. Numbers are read exactly from their text
 * (dk_json_number) as whole kroner or as millionths.
 */
#include "io/json_plan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/canonical.h"
#include "io/i18n.h"
#include "io/json_doc.h"
#include "models/columns.h"
#include "models/fields.h"
#include "models/network.h"
#include "models/numtext.h"

typedef struct {
	const dk_json_doc *doc;
	dk_error *d;
	dk_plan *p;
	dk_models m; /* the plan alone, for dk_target_set */
	int oom;
} reader;

#define ERR(r, node, key, ...) dk_json_error((r)->doc, (r)->d, node, key, __VA_ARGS__)

static const cJSON *get(const cJSON *obj, const char *key)
{
	return cJSON_GetObjectItemCaseSensitive(obj, key);
}

/* The plan's field at `path`, a path of models/fields.c. */
static const dk_field *plan_field(const char *path)
{
	return dk_field_get(DK_FILE_PLAN, path);
}

/* A whole amount in kroner, 0 to f's maximum (10^12); returns 1, without
 * a message, when it is below f's minimum (the field says why in its own
 * words). */
static int read_amount(reader *r, const cJSON *v, const char *field, const dk_field *f,
		       dk_kr *out)
{
	dk_num_spec spec = {0, f->max, false, false, DK_DEC_AUTO};
	char raw[80];
	dk_json_raw(r->doc, v, raw, sizeof raw);
	if (!cJSON_IsNumber(v)) {
		ERR(r, v, false, _("%s: %s is %s; expected a whole amount in kroner"),
		    field, raw, dk_json_type(v));
		return -1;
	}
	int64_t x;
	char max[40];
	switch (dk_json_number(r->doc, v, &spec, &x)) {
	case DK_NUM_OK: *out = x; return x < f->min ? 1 : 0;
	case DK_NUM_DECIMALS:
		ERR(r, v, false, _("%s: %s has decimals; expected whole kroner"), field,
		    raw);
		return -1;
	case DK_NUM_NEGATIVE:
		ERR(r, v, false, _("%s: %s is negative; expected 0 or more"), field, raw);
		return -1;
	default:
		dk_kr_format(f->max, max, sizeof max);
		ERR(r, v, false, _("%s: %s is too large; expected at most %s"), field,
		    raw, max);
		return -1;
	}
}

/* A ratio in millionths (f's decimals), in f's range. */
static int read_ratio(reader *r, const cJSON *v, const char *field, const dk_field *f,
		      int64_t *out)
{
	dk_num_spec spec = {f->decimals, f->max, false, false, DK_DEC_AUTO};
	char raw[80];
	dk_json_raw(r->doc, v, raw, sizeof raw);
	if (!cJSON_IsNumber(v)) {
		ERR(r, v, false, _("%s: %s is %s; expected a number"), field, raw,
		    dk_json_type(v));
		return -1;
	}
	int64_t x;
	dk_num_result res = dk_json_number(r->doc, v, &spec, &x);
	if (res == DK_NUM_OK && x >= f->min) {
		*out = x;
		return 0;
	}
	char lo[40], hi[40];
	dk_scaled_plain(f->min, f->decimals, lo, sizeof lo);
	dk_scaled_plain(f->max, f->decimals, hi, sizeof hi);
	if (res == DK_NUM_DECIMALS)
		ERR(r, v, false, _("%s: %s has more than %d decimals"), field, raw,
		    f->decimals);
	else
		ERR(r, v, false,
		    _("%s: %s is out of range; expected a number from "
		      "%s to %s"),
		    field, raw, lo, hi);
	return -1;
}

static int read_bool(reader *r, const cJSON *v, const char *field, bool *out)
{
	if (!cJSON_IsBool(v)) {
		char raw[80];
		dk_json_raw(r->doc, v, raw, sizeof raw);
		ERR(r, v, false, _("%s: %s is %s; expected true or false"), field, raw,
		    dk_json_type(v));
		return -1;
	}
	*out = cJSON_IsTrue(v);
	return 0;
}

/* One of `names` (NULL-terminated); returns its index or -1. */
static int read_enum(reader *r, const cJSON *v, const char *field,
		     const char *const *names)
{
	char raw[80], list[200];
	for (int k = 0; names[k]; k++)
		if (cJSON_IsString(v) && strcmp(v->valuestring, names[k]) == 0)
			return k;
	dk_or_list(names, false, list, sizeof list);
	dk_json_raw(r->doc, v, raw, sizeof raw);
	ERR(r, v, false, _("%s: %s is not one of the choices; expected %s"), field, raw,
	    list);
	return -1;
}

/* Reads v as field f (a number in its decimals and range, a bool, one of
 * its names), named `label` in messages; returns 0 with the value in *out,
 * -1 when it is reported, 1 when it is below f's minimum (not reported). */
static int read_value(reader *r, const cJSON *v, const dk_field *f, const char *label,
		      int64_t *out)
{
	bool b = false;
	int k;
	switch (f->type) {
	case DK_FIELD_BOOL:
		if (read_bool(r, v, label, &b) != 0)
			return -1;
		*out = b;
		return 0;
	case DK_FIELD_ENUM:
		k = read_enum(r, v, label, f->names);
		*out = k;
		return k < 0 ? -1 : 0;
	case DK_FIELD_NUMBER:
		return f->decimals == 0 ? read_amount(r, v, label, f, out)
					: read_ratio(r, v, label, f, out);
	case DK_FIELD_TEXT: break;
	}
	return -1;
}

/* Reads v as the plan's field at `path` (entry `index` of its list) and
 * stores it through the field's target; `label` names it in messages
 * (NULL: the path with dots, "frame.prorata"). Returns as read_value. */
static int set_field(reader *r, const cJSON *v, const char *path, const char *label,
		     int index)
{
	const dk_field *f = plan_field(path);
	char dotted[64];
	if (!label) {
		snprintf(dotted, sizeof dotted, "%s", path + 1);
		for (char *c = dotted; *c; c++)
			if (*c == '/')
				*c = '.';
		label = dotted;
	}
	int64_t x;
	int rc = read_value(r, v, f, label, &x);
	if (rc == 0) {
		dk_target t;
		dk_field_target(f, index, &t);
		dk_target_set(&t, &r->m, SIZE_MAX, x);
	}
	return rc;
}

static int is_object(reader *r, const cJSON *v, const char *field, const char *example)
{
	if (cJSON_IsObject(v))
		return 1;
	ERR(r, v, false, _("%s: %s; expected an object such as %s"), field,
	    dk_json_type(v), example);
	return 0;
}

static char *dup_string(reader *r, const char *s)
{
	char *c = strdup(s);
	if (!c)
		r->oom = 1;
	return c;
}

static void read_institutions(reader *r, const cJSON *list)
{
	dk_field_keys keys;
	dk_fields_keys(DK_FILE_PLAN, "/institutions/*", &keys);
	dk_plan *p = r->p;
	if (!cJSON_IsArray(list)) {
		ERR(r, list, false,
		    _("institutions: %s; expected an array such as "
		      "[{\"id\": \"NTNU\"}]"),
		    dk_json_type(list));
		return;
	}
	size_t n = (size_t)cJSON_GetArraySize(list);
	if (n > DK_INSTITUTIONS_MAX) {
		ERR(r, list, false, _("institutions: %zu given; expected at most %d"), n,
		    DK_INSTITUTIONS_MAX);
		return;
	}
	p->institutions = calloc(n ? n : 1, sizeof *p->institutions);
	if (!p->institutions) {
		r->oom = 1;
		return;
	}
	for (const cJSON *e = list->child; e && !r->oom; e = e->next) {
		if (!is_object(r, e, "institutions", "{\"id\": \"NTNU\"}"))
			continue;
		dk_json_keys(r->doc, r->d, e, _("institution"), keys.key);
		const cJSON *id = get(e, "id"), *name = get(e, "name"),
			    *aliases = get(e, "aliases");
		char norm[8];
		if (!id || !cJSON_IsString(id)) {
			if (!id)
				ERR(r, e, false, "%s",
				    _("institution: the id is missing; expected a "
				      "string such as \"NTNU\""));
			else
				ERR(r, id, false,
				    _("institution: the id is %s; expected a string "
				      "such as \"NTNU\""),
				    dk_json_type(id));
			continue;
		}
		dk_header_norm(id->valuestring, norm, sizeof norm);
		if (!norm[0]) {
			ERR(r, id, false,
			    _("institution: the id is empty; expected "
			      "a name such as \"NTNU\""));
			continue;
		}
		dk_institution *in = &p->institutions[p->n_institutions++];
		in->id = dup_string(r, id->valuestring);
		if (name) {
			if (!cJSON_IsString(name))
				ERR(r, name, false,
				    _("institution name: %s; expected "
				      "a string"),
				    dk_json_type(name));
			else
				in->name = dup_string(r, name->valuestring);
		}
		if (aliases) {
			if (!cJSON_IsArray(aliases)) {
				ERR(r, aliases, false,
				    _("aliases: %s; expected an array of strings"),
				    dk_json_type(aliases));
				continue;
			}
			size_t k = (size_t)cJSON_GetArraySize(aliases);
			in->aliases = calloc(k ? k : 1, sizeof *in->aliases);
			if (!in->aliases) {
				r->oom = 1;
				return;
			}
			for (const cJSON *a = aliases->child; a; a = a->next) {
				if (!cJSON_IsString(a)) {
					ERR(r, a, false,
					    _("aliases: %s; expected a "
					      "string"),
					    dk_json_type(a));
					continue;
				}
				in->aliases[in->n_aliases++] =
					dup_string(r, a->valuestring);
			}
		}
	}
	if (r->oom)
		return;
	/* every id and alias names one institution */
	size_t k = 0;
	for (const cJSON *e = list->child; e; e = e->next) {
		const cJSON *id = cJSON_IsObject(e) ? get(e, "id") : NULL;
		if (!id || !cJSON_IsString(id))
			continue;
		for (size_t i = 0; i < k && i < p->n_institutions; i++) {
			const dk_institution *in = &p->institutions[i];
			int clash = dk_name_equal(in->id, id->valuestring);
			for (size_t a = 0; a < in->n_aliases; a++)
				clash |= in->aliases[a] &&
					dk_name_equal(in->aliases[a], id->valuestring);
			if (clash) {
				char q[80];
				dk_quote(id->valuestring, q, sizeof q);
				ERR(r, id, false,
				    _("institution: '%s' already names "
				      "institution '%s'; expected "
				      "unique ids and aliases"),
				    q, in->id);
				break;
			}
		}
		k++;
	}
}

static void read_direct(reader *r, const cJSON *v)
{
	dk_field_keys keys;
	dk_fields_keys(DK_FILE_PLAN, "/frame/direct", &keys);
	dk_plan *p = r->p;
	if (!is_object(r, v, "frame.direct",
		       "{\"amount\": 5000000, \"split\": \"equal\"}"))
		return;
	dk_json_keys(r->doc, r->d, v, "frame.direct", keys.key);
	const cJSON *amount = get(v, "amount"), *split = get(v, "split"),
		    *shares = get(v, "shares"), *amounts = get(v, "amounts"),
		    *weight = get(v, "weight");
	if (!amount)
		ERR(r, v, false,
		    _("frame.direct: no \"amount\"; expected the direct "
		      "transfer in kroner"));
	else
		set_field(r, amount, "/frame/direct/amount", NULL, 0);
	if (split)
		set_field(r, split, "/frame/direct/split", NULL, 0);
	if (weight) {
		set_field(r, weight, "/frame/direct/weight", NULL, 0);
		if (p->split != DK_SPLIT_BY_UP1)
			ERR(r, weight, true,
			    _("frame.direct.weight is given, but the "
			      "split is '%s'; expected it only "
			      "with \"split\": \"by_up1\""),
			    dk_split_name(p->split));
	}
	if (shares && p->split != DK_SPLIT_SHARES)
		ERR(r, shares, true,
		    _("frame.direct.shares is given, but the split "
		      "is '%s'; expected \"split\": \"shares\""),
		    dk_split_name(p->split));
	if (amounts && p->split != DK_SPLIT_AMOUNTS)
		ERR(r, amounts, true,
		    _("frame.direct.amounts is given, but the "
		      "split is '%s'; expected \"split\": "
		      "\"amounts\""),
		    dk_split_name(p->split));
	if (p->split == DK_SPLIT_SHARES || p->split == DK_SPLIT_AMOUNTS) {
		int is_shares = p->split == DK_SPLIT_SHARES;
		const cJSON *m = is_shares ? shares : amounts;
		const char *field = is_shares ? "frame.direct.shares"
					      : "frame.direct.amounts";
		const dk_field *each = plan_field(is_shares ? "/frame/direct/shares/*"
							    : "/frame/direct/amounts/*");
		size_t ni = p->n_institutions ? p->n_institutions : 1;
		p->shares = calloc(ni, sizeof *p->shares);
		p->amounts = calloc(ni, sizeof *p->amounts);
		if (!p->shares || !p->amounts) {
			r->oom = 1;
			return;
		}
		if (!m) {
			ERR(r, split, false,
			    _("%s: missing; the split '%s' needs "
			      "one entry per institution"),
			    field, dk_split_name(p->split));
			return;
		}
		if (!is_object(r, m, field, "{\"NTNU\": 0.5, \"Nord\": 0.5}"))
			return;
		int64_t sum = 0, bad = 0;
		for (const cJSON *e = m->child; e; e = e->next) {
			char q[80];
			dk_quote(e->string, q, sizeof q);
			int i = dk_plan_institution(p, e->string);
			if (i < 0) {
				ERR(r, e, true,
				    _("%s: '%s' is not an institution of "
				      "the plan"),
				    field, q);
				bad = 1;
				continue;
			}
			int64_t x;
			if (read_value(r, e, each, field, &x) != 0) {
				bad = 1;
				continue;
			}
			if (is_shares)
				p->shares[i] = x;
			else
				p->amounts[i] = x;
			sum += x;
		}
		if (bad)
			return;
		if (is_shares && sum != DK_RATIO_ONE) {
			char s[40];
			dk_scaled_plain(sum, 6, s, sizeof s);
			ERR(r, m, false,
			    _("frame.direct.shares sum to %s; expected "
			      "exactly 1"),
			    s);
		} else if (!is_shares && sum != p->direct) {
			char a[40], b[40];
			dk_kr_format(sum, a, sizeof a);
			dk_kr_format(p->direct, b, sizeof b);
			ERR(r, m, false,
			    _("frame.direct.amounts sum to %s; expected "
			      "the direct transfer, %s"),
			    a, b);
		}
	}
}

static void read_frame(reader *r, const cJSON *v)
{
	dk_field_keys keys, mkeys;
	dk_fields_keys(DK_FILE_PLAN, "/frame", &keys);
	dk_fields_keys(DK_FILE_PLAN, "/frame/common_measures/*", &mkeys);
	dk_plan *p = r->p;
	if (!is_object(r, v, "frame", "{\"prorata\": 15300000}"))
		return;
	dk_json_keys(r->doc, r->d, v, "frame", keys.key);
	const cJSON *x;
	if ((x = get(v, "total")))
		set_field(r, x, "/frame/total", NULL, 0);
	if ((x = get(v, "prorata")))
		set_field(r, x, "/frame/prorata", NULL, 0);
	if ((x = get(v, "reserve")))
		set_field(r, x, "/frame/reserve", NULL, 0);
	if ((x = get(v, "direct")))
		read_direct(r, x);
	if ((x = get(v, "common_measures"))) {
		if (!cJSON_IsArray(x)) {
			ERR(r, x, false,
			    _("frame.common_measures: %s; expected an "
			      "array such as [{\"name\": \"Samlinger\", "
			      "\"amount\": 400000}]"),
			    dk_json_type(x));
			return;
		}
		size_t n = (size_t)cJSON_GetArraySize(x);
		p->measures = calloc(n ? n : 1, sizeof *p->measures);
		if (!p->measures) {
			r->oom = 1;
			return;
		}
		for (const cJSON *e = x->child; e; e = e->next) {
			if (!is_object(r, e, "frame.common_measures",
				       "{\"name\": \"Samlinger\", \"amount\": 400000}"))
				continue;
			dk_json_keys(r->doc, r->d, e, _("common measure"), mkeys.key);
			const cJSON *name = get(e, "name"), *amount = get(e, "amount");
			char norm[8];
			if (!name || !cJSON_IsString(name) ||
			    (dk_header_norm(name->valuestring, norm, sizeof norm),
			     !norm[0])) {
				if (!name)
					ERR(r, e, false, "%s",
					    _("common measure: the name is missing; "
					      "expected a name such as \"Samlinger og "
					      "møter\""));
				else if (cJSON_IsString(name))
					ERR(r, name, false, "%s",
					    _("common measure: the name is empty; "
					      "expected a name such as \"Samlinger og "
					      "møter\""));
				else
					ERR(r, name, false,
					    _("common measure: the name is %s; expected "
					      "a name such as \"Samlinger og møter\""),
					    dk_json_type(name));
				continue;
			}
			dk_measure *m = &p->measures[p->n_measures++];
			m->name = dup_string(r, name->valuestring);
			if (!amount)
				ERR(r, e, false, _("common measure '%s': no \"amount\""),
				    name->valuestring);
			else
				set_field(r, amount, "/frame/common_measures/*/amount",
					  _("common measure amount"),
					  (int)(p->n_measures - 1));
		}
	}
}

static void read_allocation(reader *r, const cJSON *v)
{
	dk_field_keys keys;
	dk_fields_keys(DK_FILE_PLAN, "/allocation", &keys);
	if (!is_object(r, v, "allocation", "{\"method\": \"status_quo\"}"))
		return;
	dk_json_keys(r->doc, r->d, v, "allocation", keys.key);
	const cJSON *x;
	if (!(x = get(v, "method"))) {
		char methods[80];
		dk_or_list(plan_field("/allocation/method")->names, false, methods,
			   sizeof methods);
		ERR(r, v, false, _("allocation: no \"method\"; expected %s"), methods);
	} else {
		set_field(r, x, "/allocation/method", NULL, 0);
	}
	/* base_grant and base_share each clear the other through the
	 * target; both given is an error anyway */
	if ((x = get(v, "base_grant")))
		set_field(r, x, "/allocation/base_grant", NULL, 0);
	if ((x = get(v, "base_share"))) {
		set_field(r, x, "/allocation/base_share", NULL, 0);
		if (get(v, "base_grant"))
			ERR(r, x, true,
			    _("allocation: base_grant and base_share are "
			      "both given; expected one of them"));
	}
	if ((x = get(v, "cap_at_need")))
		set_field(r, x, "/allocation/cap_at_need", NULL, 0);
	if ((x = get(v, "floor_previous")))
		set_field(r, x, "/allocation/floor_previous", NULL, 0);
	if ((x = get(v, "surplus")))
		set_field(r, x, "/allocation/surplus", NULL, 0);
	if ((x = get(v, "rounding")) &&
	    set_field(r, x, "/allocation/rounding", NULL, 0) == 1) {
		char unit[40];
		dk_kr_format(plan_field("/allocation/rounding")->min, unit, sizeof unit);
		ERR(r, x, false,
		    _("allocation.rounding: 0; expected a unit of %s "
		      "krone or more"),
		    unit);
	}
}

static void read_checks(reader *r, const cJSON *v)
{
	const char *const severities[] = {dk_severity_name(DK_SEV_INFO),
					  dk_severity_name(DK_SEV_WARNING),
					  dk_severity_name(DK_SEV_ERROR), NULL};
	static const char *const bases[] = {"recommended", "need", NULL};
	dk_plan *p = r->p;
	if (!is_object(r, v, "checks", "{\"year-change\": {\"off\": true}}"))
		return;
	const dk_check_def *defs = dk_checks();
	for (const cJSON *c = v->child; c; c = c->next) {
		char q[80];
		dk_quote(c->string, q, sizeof q);
		int id = dk_check_find(c->string);
		for (const cJSON *b = v->child; b != c; b = b->next)
			if (strcmp(b->string, c->string) == 0) {
				ERR(r, c, true, _("checks: '%s' given twice"), q);
				break;
			}
		if (id < 0 || dk_check_is_price((dk_check_id)id)) {
			ERR(r, c, true,
			    _("checks: '%s' is not a check of the plan; expected a "
			      "check id such as row-sum or year-change "
			      "(see dekom help checks)"),
			    q);
			continue;
		}
		if (!is_object(r, c, c->string, "{\"off\": true}"))
			continue;
		const dk_check_def *def = &defs[id];
		dk_check_conf *conf = &p->checks[id];
		const char *keys[DK_CHECK_PARAMS + 3];
		size_t nk = 0;
		keys[nk++] = "severity";
		keys[nk++] = "off";
		for (int k = 0; k < DK_CHECK_PARAMS; k++)
			if (def->params[k].name)
				keys[nk++] = def->params[k].name;
		keys[nk] = NULL;
		char field[120];
		snprintf(field, sizeof field, "checks.%s", def->name);
		dk_json_keys(r->doc, r->d, c, field, keys);
		const cJSON *x;
		int64_t off;
		if ((x = get(c, "off")) &&
		    read_value(r, x, plan_field("/checks/*/off"), "off", &off) == 0)
			conf->off = off != 0;
		if ((x = get(c, "severity"))) {
			int s = read_enum(r, x, "severity", severities);
			if (s >= 0)
				conf->severity = (dk_severity)s;
		}
		for (int k = 0; k < DK_CHECK_PARAMS; k++) {
			const dk_param_def *pd = &def->params[k];
			if (!pd->name || !(x = get(c, pd->name)))
				continue;
			int64_t val = 0;
			int ok = -1;
			switch (pd->kind) {
			case DK_PARAM_AMOUNT:
			case DK_PARAM_RATIO:
			case DK_PARAM_PP:
				ok = read_value(r, x, dk_field_of_param(pd->kind),
						pd->name, &val);
				break;
			case DK_PARAM_SEVERITY:
				val = read_enum(r, x, pd->name, severities);
				ok = val >= 0 ? 0 : -1;
				break;
			case DK_PARAM_BASE:
				val = read_enum(r, x, pd->name, bases);
				ok = val >= 0 ? 0 : -1;
				break;
			}
			if (ok == 0) {
				conf->param[k] = val;
				conf->param_set[k] = true;
				conf->by_plan[k] = true;
			}
		}
	}
}

/* The plan's title (CLI.md, Plan): shown at the top of reports. */
static void read_title(reader *r, const cJSON *v)
{
	static const char *const texts[] = {"forum", "meeting", "case"};
	dk_field_keys keys;
	dk_fields_keys(DK_FILE_PLAN, "/title", &keys);
	dk_plan *p = r->p;
	if (!is_object(r, v, "title",
		       "{\"forum\": \"Samarbeidsforum …\", "
		       "\"meeting\": \"2022-03-09\"}"))
		return;
	dk_json_keys(r->doc, r->d, v, "title", keys.key);
	char **dst[] = {&p->title.forum, &p->title.meeting, &p->title.case_no};
	for (size_t k = 0; k < 3; k++) {
		const cJSON *x = get(v, texts[k]);
		if (!x)
			continue;
		if (!cJSON_IsString(x)) {
			ERR(r, x, false, _("title.%s: %s; expected a text"), texts[k],
			    dk_json_type(x));
			continue;
		}
		*dst[k] = dup_string(r, x->valuestring);
	}
	const cJSON *x = get(v, "draft");
	int64_t draft;
	if (x && read_value(r, x, plan_field("/title/draft"), "title.draft", &draft) == 0)
		p->title.draft = draft != 0;
}

dk_status dk_title_read(const dk_json_doc *doc, const cJSON *v, dk_title *out,
			dk_error *d)
{
	size_t before = d->n + d->dropped;
	dk_plan p;
	dk_plan_init(&p);
	reader r = {doc, d, &p, {&p, NULL, NULL}, 0};
	read_title(&r, v);
	*out = p.title;
	memset(&p.title, 0, sizeof p.title);
	dk_plan_release(&p);
	if (r.oom)
		return DK_ENOMEM;
	return d->n + d->dropped > before ? DK_EINPUT : DK_OK;
}

/* The forum's decisions (RULES.md section 9): a network, a whole-krone
 * amount and a reason each. Whether the network exists is settled once the
 * networks are read (dk_plan_resolve_decisions). */
static void read_decisions(reader *r, const cJSON *v)
{
	static const char *example = "{\"network\": \"Midtre Namdal\", "
				     "\"amount\": 669162, \"reason\": \"…\"}";
	dk_field_keys keys;
	dk_fields_keys(DK_FILE_PLAN, "/decisions/*", &keys);
	dk_plan *p = r->p;
	if (!cJSON_IsArray(v)) {
		ERR(r, v, false, _("decisions: %s; expected an array such as [%s]"),
		    dk_json_type(v), example);
		return;
	}
	size_t n = (size_t)cJSON_GetArraySize(v);
	p->decisions = calloc(n ? n : 1, sizeof *p->decisions);
	if (!p->decisions) {
		r->oom = 1;
		return;
	}
	for (const cJSON *e = v->child; e && !r->oom; e = e->next) {
		if (!is_object(r, e, "decisions", example))
			continue;
		dk_json_keys(r->doc, r->d, e, _("decision"), keys.key);
		const cJSON *net = get(e, "network"), *amount = get(e, "amount"),
			    *reason = get(e, "reason");
		char norm[8];
		if (!net || !cJSON_IsString(net) ||
		    (dk_header_norm(net->valuestring, norm, sizeof norm), !norm[0])) {
			if (!net)
				ERR(r, e, false, "%s",
				    _("decision: the network is missing; expected "
				      "the name of a network of the networks file"));
			else if (cJSON_IsString(net))
				ERR(r, net, false, "%s",
				    _("decision: the network is empty; expected the "
				      "name of a network of the networks file"));
			else
				ERR(r, net, false,
				    _("decision: the network is %s; expected the "
				      "name of a network of the networks file"),
				    dk_json_type(net));
			continue;
		}
		dk_decision *x = &p->decisions[p->n_decisions++];
		x->index = -1;
		x->network = dup_string(r, net->valuestring);
		dk_json_pos(r->doc, net, false, &x->line, &x->col);
		if (!amount)
			ERR(r, e, false,
			    _("decision for '%s': no \"amount\"; expected "
			      "the forum's amount in whole kroner"),
			    net->valuestring);
		else
			read_value(r, amount, plan_field("/decisions/*/amount"),
				   _("decision amount"), &x->amount);
		if (!reason || !cJSON_IsString(reason) ||
		    (dk_header_norm(reason->valuestring, norm, sizeof norm), !norm[0])) {
			if (!reason)
				ERR(r, e, false,
				    _("decision for '%s': the reason is missing; "
				      "expected why the forum departs from the method"),
				    net->valuestring);
			else if (cJSON_IsString(reason))
				ERR(r, reason, false,
				    _("decision for '%s': the reason is empty; "
				      "expected why the forum departs from the method"),
				    net->valuestring);
			else
				ERR(r, reason, false,
				    _("decision for '%s': the reason is %s; expected "
				      "why the forum departs from the method"),
				    net->valuestring, dk_json_type(reason));
		} else
			x->reason = dup_string(r, reason->valuestring);
	}
}

dk_status dk_plan_resolve_decisions(dk_plan *p, const dk_networks *t,
				    const char *plan_name, dk_error *d)
{
	size_t before = d->n + d->dropped;
	for (size_t k = 0; k < p->n_decisions; k++) {
		dk_decision *x = &p->decisions[k];
		char q[80];
		dk_quote(x->network, q, sizeof q);
		x->index = dk_networks_find(t, x->network);
		if (x->index < 0) {
			dk_error_add(d, plan_name, x->line, x->col,
				     _("decision: the network '%s' is not in the "
				       "networks file; expected one of its names"),
				     q);
			continue;
		}
		for (size_t j = 0; j < k; j++)
			if (p->decisions[j].index == x->index)
				dk_error_add(d, plan_name, x->line, x->col,
					     _("decision: a second decision for '%s' "
					       "(the first is on line %d); expected one "
					       "per network"),
					     q, p->decisions[j].line);
	}
	return d->n + d->dropped > before ? DK_EINPUT : DK_OK;
}

dk_status dk_plan_read(const dk_input *in, dk_plan *p, dk_error *d)
{
	dk_field_keys keys;
	dk_fields_keys(DK_FILE_PLAN, "", &keys);
	size_t before = d->n + d->dropped;
	dk_plan_init(p);
	dk_json_doc doc;
	dk_status st = dk_json_doc_parse(&doc, in->name, in->text, in->len, d);
	if (st != DK_OK)
		return st;
	reader r = {&doc, d, p, {p, NULL, NULL}, 0};
	if (!is_object(&r, doc.root, "plan",
		       "{\"allocation\": {\"method\": "
		       "\"status_quo\"}}"))
		goto done;
	dk_json_keys(&doc, d, doc.root, "plan", keys.key);
	const cJSON *x;
	if ((x = get(doc.root, "year"))) {
		const dk_field *f = plan_field("/year");
		dk_num_spec spec = {f->decimals, f->max, false, false, DK_DEC_AUTO};
		int64_t y;
		if (!cJSON_IsNumber(x) || dk_json_number(&doc, x, &spec, &y) ||
		    y < f->min) {
			char raw[80];
			dk_json_raw(&doc, x, raw, sizeof raw);
			ERR(&r, x, false,
			    _("year: %s is not a year; expected a "
			      "number such as 2022"),
			    raw);
		} else {
			p->year = (int)y;
		}
	}
	if ((x = get(doc.root, "institutions")))
		read_institutions(&r, x);
	if (!r.oom && (x = get(doc.root, "frame")))
		read_frame(&r, x);
	if (!r.oom) {
		char methods[80];
		dk_or_list(plan_field("/allocation/method")->names, true, methods,
			   sizeof methods);
		if ((x = get(doc.root, "allocation")))
			read_allocation(&r, x);
		else
			ERR(&r, doc.root, false,
			    _("plan: no \"allocation\"; expected {\"allocation\": "
			      "{\"method\": %s}}"),
			    methods);
	}
	if (!r.oom && (x = get(doc.root, "checks")))
		read_checks(&r, x);
	if (!r.oom && (x = get(doc.root, "title")))
		read_title(&r, x);
	if (!r.oom && (x = get(doc.root, "decisions")))
		read_decisions(&r, x);
	x = get(doc.root, "frame");
	if (!r.oom && !(x && (get(x, "prorata") || get(x, "total"))))
		ERR(&r, x ? x : doc.root, false,
		    _("%s: neither \"prorata\" nor \"total\" is given; expected "
		      "the pro-rata frame, or the total it is derived from"),
		    x ? "frame" : "plan");
	if (!r.oom && p->direct > 0 && p->n_institutions == 0 &&
	    (x = get(doc.root, "frame")))
		ERR(&r, get(x, "direct"), false,
		    _("frame.direct: a direct transfer but no institutions; "
		      "expected \"institutions\" in the plan"));
done:
	dk_json_doc_release(&doc);
	if (r.oom)
		return DK_ENOMEM;
	return d->n + d->dropped > before ? DK_EINPUT : DK_OK;
}

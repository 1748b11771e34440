/*
 * json_pricing.c: the price template reader (see json_pricing.h). The
 * keys of each object, each value's decimals, range and enum names, and
 * the defaults of a role, a staffing line and a package are the template's
 * table of fields (models/fields.c); a value a scenario can set is stored
 * through that field's target (dk_target_set), the accessor the scenarios
 * use. Money is read exactly into øre (at most 2 decimals), factors,
 * hours, days, persons, shares and rates into ten-thousandths (at most 4
 * decimals). A delivery day (the template's, or a package's own) has at
 * most 24 hours, per activity and in all (RULES.md section 6).
 */
#include "io/json_pricing.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/canonical.h"
#include "io/i18n.h"
#include "io/json_doc.h"
#include "models/columns.h"
#include "models/fields.h"
#include "models/numtext.h"

typedef struct {
	const dk_json_doc *doc;
	dk_error *d;
	dk_pricing *p;
	dk_models m; /* the template alone, for dk_target_set */
	int oom;
} reader;

#define ERR(r, node, key, ...) dk_json_error((r)->doc, (r)->d, node, key, __VA_ARGS__)

static const cJSON *get(const cJSON *o, const char *k)
{
	return cJSON_GetObjectItemCaseSensitive(o, k);
}

/* The template's field at `path`, a path of models/fields.c. */
static const dk_field *field(const char *path)
{
	return dk_field_get(DK_FILE_PRICING, path);
}

/* A number with f's decimals, named `label` in messages (NULL: the
 * field's key). Returns 0, -1 when reported, and without a message 1 when
 * it is below f's minimum and 2 when it is above f's maximum: the caller
 * says why in its own words (read_field reports the second as too
 * large). */
static int read_num(reader *r, const cJSON *v, const dk_field *f, const char *label,
		    int64_t *out)
{
	dk_num_spec spec = {f->decimals, f->max, false, false, DK_DEC_AUTO};
	char raw[80];
	if (!label)
		label = dk_field_key(f);
	dk_json_raw(r->doc, v, raw, sizeof raw);
	if (!cJSON_IsNumber(v)) {
		ERR(r, v, false, _("%s: %s is %s; expected a number"), label, raw,
		    dk_json_type(v));
		return -1;
	}
	switch (dk_json_number(r->doc, v, &spec, out)) {
	case DK_NUM_OK: return *out < f->min ? 1 : 0;
	case DK_NUM_DECIMALS:
		ERR(r, v, false, _("%s: %s has more than %d decimals"), label, raw,
		    f->decimals);
		return -1;
	case DK_NUM_NEGATIVE:
		ERR(r, v, false, _("%s: %s is negative; expected 0 or more"), label, raw);
		return -1;
	case DK_NUM_RANGE: return 2;
	default: ERR(r, v, false, _("%s: %s is too large"), label, raw); return -1;
	}
}

/* read_num, with a value above the maximum reported as too large. */
static int read_field(reader *r, const cJSON *v, const dk_field *f, const char *label,
		      int64_t *out)
{
	int rc = read_num(r, v, f, label, out);
	if (rc == 2) {
		char raw[80];
		dk_json_raw(r->doc, v, raw, sizeof raw);
		ERR(r, v, false, _("%s: %s is too large"),
		    label ? label : dk_field_key(f), raw);
		return -1;
	}
	return rc;
}

/* Reads v as the template's field at `path` (entry `index` of its list)
 * and stores it through the field's target; returns as read_field. */
static int set_field(reader *r, const cJSON *v, const char *path, int index)
{
	const dk_field *f = field(path);
	int64_t x;
	int rc = read_field(r, v, f, NULL, &x);
	if (rc == 0) {
		dk_target t;
		dk_field_target(f, index, &t);
		dk_target_set(&t, &r->m, SIZE_MAX, x);
	}
	return rc;
}

static char *string(reader *r, const cJSON *v, const char *field)
{
	char norm[8];
	if (!cJSON_IsString(v)) {
		ERR(r, v, false, _("%s: %s; expected a string"), field, dk_json_type(v));
		return NULL;
	}
	dk_header_norm(v->valuestring, norm, sizeof norm);
	if (!norm[0]) {
		ERR(r, v, false, _("%s: empty; expected a name"), field);
		return NULL;
	}
	char *s = strdup(v->valuestring);
	if (!s)
		r->oom = 1;
	return s;
}

static const cJSON *need(reader *r, const cJSON *obj, const char *key, const char *what)
{
	const cJSON *v = get(obj, key);
	if (!v)
		ERR(r, obj, false, _("%s: no \"%s\"; it is required"), what, key);
	return v;
}

static int find_name(char **names, size_t stride, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++) {
		const char *s = *(char *const *)((const char *)names + i * stride);
		if (s && strcmp(s, name) == 0)
			return (int)i;
	}
	return -1;
}

static int array_of_objects(reader *r, const cJSON *v, const char *field)
{
	if (!cJSON_IsArray(v)) {
		ERR(r, v, false, _("%s: %s; expected an array of objects"), field,
		    dk_json_type(v));
		return 0;
	}
	for (const cJSON *e = v->child; e; e = e->next)
		if (!cJSON_IsObject(e)) {
			ERR(r, e, false, _("%s: an entry is %s; expected an object"),
			    field, dk_json_type(e));
			return 0;
		}
	return 1;
}

static void read_roles(reader *r, const cJSON *v)
{
	dk_field_keys keys;
	dk_fields_keys(DK_FILE_PRICING, "/roles/*", &keys);
	dk_pricing *p = r->p;
	if (!array_of_objects(r, v, "roles"))
		return;
	p->roles = calloc((size_t)cJSON_GetArraySize(v) + 1, sizeof *p->roles);
	if (!p->roles) {
		r->oom = 1;
		return;
	}
	for (const cJSON *e = v->child; e && !r->oom; e = e->next) {
		dk_json_keys(r->doc, r->d, e, _("role"), keys.key);
		const cJSON *name = need(r, e, "name", _("role"));
		char *s = name ? string(r, name, _("role name")) : NULL;
		if (!s)
			continue;
		if (find_name(&p->roles[0].name, sizeof *p->roles, p->n_roles, s) >= 0)
			ERR(r, name, false, _("role '%s' is named twice"), s);
		int k = (int)p->n_roles;
		dk_role *ro = &p->roles[p->n_roles++];
		ro->name = s;
		const cJSON *hc = get(e, "hourly_cost"), *sal = get(e, "annual_salary");
		if (hc && sal) {
			ERR(r, sal, true,
			    _("role '%s': hourly_cost and annual_salary are "
			      "both given; expected one of them"),
			    s);
			continue;
		}
		if (!hc && !sal) {
			ERR(r, e, false,
			    _("role '%s': neither hourly_cost nor "
			      "annual_salary; expected one of them"),
			    s);
			continue;
		}
		if (hc) {
			ro->direct = true;
			set_field(r, hc, "/roles/*/hourly_cost", k);
			if (get(e, "social_cost_rate") ||
			    get(e, "indirect_per_fte_year") || get(e, "productive_hours"))
				ERR(r, e, false,
				    _("role '%s': the TDI figures are given "
				      "with hourly_cost; give one or the other"),
				    s);
			continue;
		}
		set_field(r, sal, "/roles/*/annual_salary", k);
		ro->social_cost_rate = field("/roles/*/social_cost_rate")->def;
		ro->indirect = field("/roles/*/indirect_per_fte_year")->def;
		ro->productive_hours = field("/roles/*/productive_hours")->def;
		const cJSON *x;
		if ((x = get(e, "social_cost_rate")))
			set_field(r, x, "/roles/*/social_cost_rate", k);
		if ((x = get(e, "indirect_per_fte_year")))
			set_field(r, x, "/roles/*/indirect_per_fte_year", k);
		if ((x = get(e, "productive_hours")) &&
		    set_field(r, x, "/roles/*/productive_hours", k) == 1) {
			const dk_field *f = field("/roles/*/productive_hours");
			char hours[40];
			dk_scaled_plain(f->def, f->decimals, hours, sizeof hours);
			ERR(r, x, false,
			    _("productive_hours: 0; expected the hours a "
			      "full-time person works in a year, such as %s"),
			    hours);
		}
	}
}

static void read_activities(reader *r, const cJSON *v)
{
	dk_field_keys keys;
	dk_fields_keys(DK_FILE_PRICING, "/activities/*", &keys);
	dk_pricing *p = r->p;
	if (!array_of_objects(r, v, "activities"))
		return;
	p->activities = calloc((size_t)cJSON_GetArraySize(v) + 1, sizeof *p->activities);
	if (!p->activities) {
		r->oom = 1;
		return;
	}
	for (const cJSON *e = v->child; e && !r->oom; e = e->next) {
		dk_json_keys(r->doc, r->d, e, _("activity"), keys.key);
		const cJSON *name = need(r, e, "name", _("activity"));
		const cJSON *f = need(r, e, "factor", _("activity"));
		char *s = name ? string(r, name, _("activity name")) : NULL;
		if (!s)
			continue;
		if (find_name(&p->activities[0].name, sizeof *p->activities,
			      p->n_activities, s) >= 0)
			ERR(r, name, false, _("activity '%s' is named twice"), s);
		dk_activity *a = &p->activities[p->n_activities++];
		a->name = s;
		if (f)
			set_field(r, f, "/activities/*/factor",
				  (int)(p->n_activities - 1));
	}
}

/* A delivery day, the field at `path` (the template's day or a package's
 * own): an activity's hours, at most the field's maximum (24) each and in
 * all. */
static void read_day(reader *r, const cJSON *v, const char *path, const char *label,
		     dk_day *day)
{
	dk_pricing *p = r->p;
	const dk_field *f = field(path);
	char most[40];
	dk_scaled_plain(f->max, f->decimals, most, sizeof most);
	if (!cJSON_IsObject(v)) {
		ERR(r, v, false,
		    _("%s: %s; expected an object from activity to hours, "
		      "such as {\"forelesning\": 2}"),
		    label, dk_json_type(v));
		return;
	}
	day->parts = calloc((size_t)cJSON_GetArraySize(v) + 1, sizeof *day->parts);
	if (!day->parts) {
		r->oom = 1;
		return;
	}
	int64_t total = 0; /* ten-thousandths of an hour */
	for (const cJSON *e = v->child; e; e = e->next) {
		int a = p->activities
			? find_name(&p->activities[0].name, sizeof *p->activities,
				    p->n_activities, e->string)
			: -1;
		if (a < 0) {
			char q[80];
			dk_quote(e->string, q, sizeof q);
			ERR(r, e, true, _("%s: '%s' is not an activity of the template"),
			    label, q);
			continue;
		}
		for (size_t k = 0; k < day->n; k++)
			if (day->parts[k].activity == (size_t)a)
				ERR(r, e, true, _("%s: '%s' given twice"), label,
				    e->string);
		dk_day_part *dp = &day->parts[day->n++];
		dp->activity = (size_t)a;
		int rc = read_num(r, e, f, label, &dp->hours);
		if (rc == 2) {
			char raw[80], q[80];
			dk_json_raw(r->doc, e, raw, sizeof raw);
			dk_quote(e->string, q, sizeof q);
			ERR(r, e, false,
			    _("%s: '%s' has %s hours; a delivery day has "
			      "at most %s"),
			    label, q, raw, most);
			dp->hours = 0;
			continue;
		}
		if (rc != 0)
			continue;
		total += dp->hours;
	}
	if (total > f->max) {
		char t[40];
		dk_scaled_plain(total, 4, t, sizeof t);
		ERR(r, v, false,
		    _("%s: %s hours in all; a delivery day has at most "
		      "%s hours, activities together"),
		    label, t, most);
	}
}

static void read_staffing(reader *r, const cJSON *v)
{
	dk_field_keys keys;
	dk_fields_keys(DK_FILE_PRICING, "/staffing/*", &keys);
	dk_pricing *p = r->p;
	if (!array_of_objects(r, v, "staffing"))
		return;
	p->staff = calloc((size_t)cJSON_GetArraySize(v) + 1, sizeof *p->staff);
	if (!p->staff) {
		r->oom = 1;
		return;
	}
	for (const cJSON *e = v->child; e; e = e->next) {
		dk_json_keys(r->doc, r->d, e, "staffing", keys.key);
		const cJSON *role = need(r, e, "role", "staffing");
		if (!role)
			continue;
		int k = cJSON_IsString(role) && p->roles
			? find_name(&p->roles[0].name, sizeof *p->roles, p->n_roles,
				    role->valuestring)
			: -1;
		if (k < 0) {
			char raw[80];
			dk_json_raw(r->doc, role, raw, sizeof raw);
			ERR(r, role, false,
			    _("staffing: role %s is not a role of the "
			      "template"),
			    raw);
			continue;
		}
		int i = (int)p->n_staff;
		dk_staff *s = &p->staff[p->n_staff++];
		s->role = (size_t)k;
		s->persons = field("/staffing/*/persons")->def;
		s->charged_share = field("/staffing/*/charged_share")->def;
		const cJSON *x;
		if ((x = get(e, "persons")))
			set_field(r, x, "/staffing/*/persons", i);
		if ((x = get(e, "charged_share")))
			set_field(r, x, "/staffing/*/charged_share", i);
	}
}

static void read_packages(reader *r, const cJSON *v)
{
	dk_field_keys keys;
	dk_fields_keys(DK_FILE_PRICING, "/packages/*", &keys);
	dk_pricing *p = r->p;
	if (!array_of_objects(r, v, "packages"))
		return;
	p->packages = calloc((size_t)cJSON_GetArraySize(v) + 1, sizeof *p->packages);
	if (!p->packages) {
		r->oom = 1;
		return;
	}
	int basics = 0;
	for (const cJSON *e = v->child; e && !r->oom; e = e->next) {
		dk_json_keys(r->doc, r->d, e, _("package"), keys.key);
		const cJSON *name = need(r, e, "name", _("package"));
		char *s = name ? string(r, name, _("package name")) : NULL;
		if (!s)
			continue;
		if (find_name(&p->packages[0].name, sizeof *p->packages, p->n_packages,
			      s) >= 0)
			ERR(r, name, false, _("package '%s' is named twice"), s);
		int i = (int)p->n_packages;
		dk_package *k = &p->packages[p->n_packages++];
		const dk_field *semesters = field("/packages/*/semesters");
		k->name = s;
		k->semesters = (int)semesters->def;
		const cJSON *x;
		if ((x = need(r, e, "days", _("package"))) &&
		    set_field(r, x, "/packages/*/days", i) == 1)
			ERR(r, x, false, _("package '%s': 0 days; expected more than 0"),
			    s);
		if ((x = get(e, "semesters"))) {
			int64_t sem;
			int rc = read_field(r, x, semesters, NULL, &sem);
			if (rc == 1)
				ERR(r, x, false, _("semesters: 0; expected %d to %d"),
				    (int)semesters->min, (int)semesters->max);
			if (rc >= 0)
				k->semesters = (int)(rc == 1 ? semesters->min : sem);
		}
		if ((x = get(e, "basic"))) {
			if (!cJSON_IsBool(x))
				ERR(r, x, false, _("basic: %s; expected true or false"),
				    dk_json_type(x));
			k->basic = cJSON_IsTrue(x);
		}
		if ((x = get(e, "addon"))) {
			if (!cJSON_IsBool(x))
				ERR(r, x, false, _("addon: %s; expected true or false"),
				    dk_json_type(x));
			k->addon = cJSON_IsTrue(x);
		}
		if (k->basic && k->addon)
			ERR(r, e, false,
			    _("package '%s' is both basic and an add-on; "
			      "expected one or the other"),
			    s);
		basics += k->basic;
		if ((x = get(e, "day"))) {
			k->own_day = true;
			read_day(r, x, "/packages/*/day/*", _("package day"), &k->day);
		}
	}
	if (basics != 1)
		ERR(r, v, false,
		    _("packages: %d basic packages; expected exactly one "
		      "with \"basic\": true"),
		    basics);
}

static void read_term(reader *r, const cJSON *v)
{
	const char *s = cJSON_IsString(v) ? v->valuestring : "";
	int ok = (s[0] == 'H' || s[0] == 'V') && strlen(s) == 5;
	int year = 0;
	for (int i = 1; ok && i < 5; i++) {
		if (s[i] < '0' || s[i] > '9')
			ok = 0;
		else
			year = year * 10 + (s[i] - '0');
	}
	if (!ok || year < 1900) {
		char raw[80];
		dk_json_raw(r->doc, v, raw, sizeof raw);
		ERR(r, v, false,
		    _("start_term: %s is not a term; expected H (autumn) "
		      "or V (spring) and a year, such as \"H2022\""),
		    raw);
		return;
	}
	r->p->start_autumn = s[0] == 'H';
	r->p->start_year = year;
}

dk_status dk_pricing_read(const dk_input *in, dk_pricing *p, dk_error *d)
{
	/* the lists and objects a template needs, besides its required
	 * texts and choices: whether a list must be there is not a field's */
	static const char *const required[] = {
		"institution", "project_type", "start_term", "roles", "activities",
		"day",         "staffing",     "packages",   NULL};
	dk_field_keys keys;
	dk_fields_keys(DK_FILE_PRICING, "", &keys);
	size_t before = d->n + d->dropped;
	dk_pricing_init(p);
	dk_json_doc doc;
	dk_status st = dk_json_doc_parse(&doc, in->name, in->text, in->len, d);
	if (st != DK_OK)
		return st;
	reader r = {&doc, d, p, {NULL, NULL, p}, 0};
	const cJSON *root = doc.root, *x;
	if (!cJSON_IsObject(root)) {
		ERR(&r, root, false, _("price template: %s; expected an object"),
		    dk_json_type(root));
		goto done;
	}
	dk_json_keys(&doc, d, root, _("price template"), keys.key);
	int missing = 0;
	for (size_t k = 0; required[k]; k++)
		if (!need(&r, root, required[k], _("price template")))
			missing = 1;
	if (missing)
		goto done;
	p->institution = string(&r, get(root, "institution"), "institution");
	x = get(root, "project_type");
	const dk_field *type = field("/project_type");
	int k = 0;
	while (type->names[k] &&
	       !(cJSON_IsString(x) && strcmp(x->valuestring, type->names[k]) == 0))
		k++;
	if (type->names[k]) {
		p->type = (dk_project_type)k;
	} else {
		char raw[80], choices[80];
		dk_json_raw(&doc, x, raw, sizeof raw);
		dk_or_list(type->names, true, choices, sizeof choices);
		ERR(&r, x, false, _("project_type: %s; expected %s"), raw, choices);
	}
	if ((x = get(root, "margin")))
		set_field(&r, x, "/margin", 0);
	if ((x = get(root, "min_margin")))
		read_field(&r, x, field("/min_margin"), NULL, &p->min_margin);
	if ((x = get(root, "round_to")) && set_field(&r, x, "/round_to", 0) == 1) {
		const dk_field *f = field("/round_to");
		char unit[40];
		dk_scaled_plain(f->min, f->decimals, unit, sizeof unit);
		ERR(&r, x, false, _("round_to: 0; expected a unit of at least %s"), unit);
	}
	if ((x = get(root, "travel_per_day")))
		set_field(&r, x, "/travel_per_day", 0);
	read_term(&r, get(root, "start_term"));
	read_roles(&r, get(root, "roles"));
	if (!r.oom)
		read_activities(&r, get(root, "activities"));
	if (!r.oom && p->activities)
		read_day(&r, get(root, "day"), "/day/*", "day", &p->day);
	if (!r.oom && p->roles)
		read_staffing(&r, get(root, "staffing"));
	if (!r.oom && p->activities)
		read_packages(&r, get(root, "packages"));
done:
	dk_json_doc_release(&doc);
	if (r.oom)
		return DK_ENOMEM;
	return d->n + d->dropped > before ? DK_EINPUT : DK_OK;
}

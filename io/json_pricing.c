/*
 * json_pricing.c: the price template reader (see json_pricing.h). Money
 * is read exactly into øre (at most 2 decimals), factors, hours, days,
 * persons, shares and rates into ten-thousandths (at most 4 decimals). A
 * delivery day (the template's, or a package's own) has at most 24 hours,
 * per activity and in all (RULES.md section 6).
 */
#include "io/json_pricing.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/canonical.h"
#include "io/json_doc.h"
#include "models/columns.h"

typedef struct {
	const dk_json_doc *doc;
	dk_diags *d;
	dk_pricing *p;
	int oom;
} reader;

#define ERR(r, node, key, ...) dk_json_error((r)->doc, (r)->d, node, key, __VA_ARGS__)

static const cJSON *get(const cJSON *o, const char *k)
{
	return cJSON_GetObjectItemCaseSensitive(o, k);
}

/* A number with at most `dec` decimals, from 0 to max (scaled). */
static int read_num(reader *r, const cJSON *v, const char *field, int dec,
		    int64_t max, int64_t *out)
{
	dk_num_spec spec = {dec, max, false, false, DK_DEC_AUTO};
	char raw[80];
	dk_json_raw(r->doc, v, raw, sizeof raw);
	if (!cJSON_IsNumber(v)) {
		ERR(r, v, false, "%s: %s is %s; expected a number", field, raw,
		    dk_json_type(v));
		return -1;
	}
	switch (dk_json_number(r->doc, v, &spec, out)) {
	case DK_NUM_OK:
		return 0;
	case DK_NUM_DECIMALS:
		ERR(r, v, false, "%s: %s has more than %d decimals", field, raw, dec);
		return -1;
	case DK_NUM_NEGATIVE:
		ERR(r, v, false, "%s: %s is negative; expected 0 or more", field, raw);
		return -1;
	default:
		ERR(r, v, false, "%s: %s is too large", field, raw);
		return -1;
	}
}

static int money(reader *r, const cJSON *v, const char *f, int64_t *out)
{
	return read_num(r, v, f, 2, DK_KR_MAX * 100, out);
}

static int e4(reader *r, const cJSON *v, const char *f, int64_t max, int64_t *out)
{
	return read_num(r, v, f, 4, max, out);
}

static char *string(reader *r, const cJSON *v, const char *field)
{
	char norm[8];
	if (!cJSON_IsString(v)) {
		ERR(r, v, false, "%s: %s; expected a string", field, dk_json_type(v));
		return NULL;
	}
	dk_header_norm(v->valuestring, norm, sizeof norm);
	if (!norm[0]) {
		ERR(r, v, false, "%s: empty; expected a name", field);
		return NULL;
	}
	char *s = strdup(v->valuestring);
	if (!s)
		r->oom = 1;
	return s;
}

static const cJSON *need(reader *r, const cJSON *obj, const char *key,
			 const char *what)
{
	const cJSON *v = get(obj, key);
	if (!v)
		ERR(r, obj, false, "%s: no \"%s\"; it is required", what, key);
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
		ERR(r, v, false, "%s: %s; expected an array of objects", field,
		    dk_json_type(v));
		return 0;
	}
	for (const cJSON *e = v->child; e; e = e->next)
		if (!cJSON_IsObject(e)) {
			ERR(r, e, false, "%s: an entry is %s; expected an object", field,
			    dk_json_type(e));
			return 0;
		}
	return 1;
}

static void read_roles(reader *r, const cJSON *v)
{
	static const char *const keys[] = {"name", "hourly_cost", "annual_salary",
					   "social_cost_rate", "indirect_per_fte_year",
					   "productive_hours", NULL};
	dk_pricing *p = r->p;
	if (!array_of_objects(r, v, "roles"))
		return;
	p->roles = calloc((size_t)cJSON_GetArraySize(v) + 1, sizeof *p->roles);
	if (!p->roles) {
		r->oom = 1;
		return;
	}
	for (const cJSON *e = v->child; e && !r->oom; e = e->next) {
		dk_json_keys(r->doc, r->d, e, "role", keys);
		const cJSON *name = need(r, e, "name", "role");
		char *s = name ? string(r, name, "role name") : NULL;
		if (!s)
			continue;
		if (find_name(&p->roles[0].name, sizeof *p->roles, p->n_roles, s) >= 0)
			ERR(r, name, false, "role '%s' is named twice", s);
		dk_role *ro = &p->roles[p->n_roles++];
		ro->name = s;
		const cJSON *hc = get(e, "hourly_cost"), *sal = get(e, "annual_salary");
		if (hc && sal) {
			ERR(r, sal, true, "role '%s': hourly_cost and annual_salary are "
					  "both given; expected one of them", s);
			continue;
		}
		if (!hc && !sal) {
			ERR(r, e, false, "role '%s': neither hourly_cost nor "
					 "annual_salary; expected one of them", s);
			continue;
		}
		if (hc) {
			ro->direct = true;
			money(r, hc, "hourly_cost", &ro->hourly_cost);
			if (get(e, "social_cost_rate") || get(e, "indirect_per_fte_year") ||
			    get(e, "productive_hours"))
				ERR(r, e, false, "role '%s': the TDI figures are given "
						 "with hourly_cost; give one or the other", s);
			continue;
		}
		money(r, sal, "annual_salary", &ro->annual_salary);
		const cJSON *x;
		ro->social_cost_rate = 2300;            /* 0.23 */
		ro->indirect = INT64_C(451000) * 100;   /* NOK per FTE-year */
		ro->productive_hours = 1628 * DK_E4;
		if ((x = get(e, "social_cost_rate")))
			e4(r, x, "social_cost_rate", 10 * DK_E4, &ro->social_cost_rate);
		if ((x = get(e, "indirect_per_fte_year")))
			money(r, x, "indirect_per_fte_year", &ro->indirect);
		if ((x = get(e, "productive_hours")) &&
		    e4(r, x, "productive_hours", 8784 * DK_E4, &ro->productive_hours) == 0 &&
		    ro->productive_hours == 0)
			ERR(r, x, false, "productive_hours: 0; expected the hours a "
					 "full-time person works in a year, such as 1628");
	}
}

static void read_activities(reader *r, const cJSON *v)
{
	static const char *const keys[] = {"name", "factor", NULL};
	dk_pricing *p = r->p;
	if (!array_of_objects(r, v, "activities"))
		return;
	p->activities = calloc((size_t)cJSON_GetArraySize(v) + 1, sizeof *p->activities);
	if (!p->activities) {
		r->oom = 1;
		return;
	}
	for (const cJSON *e = v->child; e && !r->oom; e = e->next) {
		dk_json_keys(r->doc, r->d, e, "activity", keys);
		const cJSON *name = need(r, e, "name", "activity");
		const cJSON *f = need(r, e, "factor", "activity");
		char *s = name ? string(r, name, "activity name") : NULL;
		if (!s)
			continue;
		if (find_name(&p->activities[0].name, sizeof *p->activities,
			      p->n_activities, s) >= 0)
			ERR(r, name, false, "activity '%s' is named twice", s);
		dk_activity *a = &p->activities[p->n_activities++];
		a->name = s;
		if (f)
			e4(r, f, "factor", 1000 * DK_E4, &a->factor);
	}
}

static void read_day(reader *r, const cJSON *v, const char *field, dk_day *day)
{
	dk_pricing *p = r->p;
	if (!cJSON_IsObject(v)) {
		ERR(r, v, false, "%s: %s; expected an object from activity to hours, "
				 "such as {\"forelesning\": 2}",
		    field, dk_json_type(v));
		return;
	}
	day->parts = calloc((size_t)cJSON_GetArraySize(v) + 1, sizeof *day->parts);
	if (!day->parts) {
		r->oom = 1;
		return;
	}
	int64_t total = 0;  /* ten-thousandths of an hour */
	for (const cJSON *e = v->child; e; e = e->next) {
		int a = p->activities ? find_name(&p->activities[0].name,
						  sizeof *p->activities,
						  p->n_activities, e->string)
				      : -1;
		if (a < 0) {
			char q[80];
			dk_quote(e->string, q, sizeof q);
			ERR(r, e, true, "%s: '%s' is not an activity of the template",
			    field, q);
			continue;
		}
		for (size_t k = 0; k < day->n; k++)
			if (day->parts[k].activity == (size_t)a)
				ERR(r, e, true, "%s: '%s' given twice", field, e->string);
		dk_day_part *dp = &day->parts[day->n++];
		dp->activity = (size_t)a;
		if (e4(r, e, field, 1000 * DK_E4, &dp->hours) != 0)
			continue;
		if (dp->hours > 24 * DK_E4) {
			char raw[80], q[80];
			dk_json_raw(r->doc, e, raw, sizeof raw);
			dk_quote(e->string, q, sizeof q);
			ERR(r, e, false, "%s: '%s' has %s hours; a delivery day has "
					 "at most 24", field, q, raw);
			dp->hours = 0;
			continue;
		}
		total += dp->hours;
	}
	if (total > 24 * DK_E4) {
		char t[40];
		dk_scaled_plain(total, 4, t, sizeof t);
		ERR(r, v, false, "%s: %s hours in all; a delivery day has at most "
				 "24 hours, activities together", field, t);
	}
}

static void read_staffing(reader *r, const cJSON *v)
{
	static const char *const keys[] = {"role", "persons", "charged_share", NULL};
	dk_pricing *p = r->p;
	if (!array_of_objects(r, v, "staffing"))
		return;
	p->staff = calloc((size_t)cJSON_GetArraySize(v) + 1, sizeof *p->staff);
	if (!p->staff) {
		r->oom = 1;
		return;
	}
	for (const cJSON *e = v->child; e; e = e->next) {
		dk_json_keys(r->doc, r->d, e, "staffing", keys);
		const cJSON *role = need(r, e, "role", "staffing");
		if (!role)
			continue;
		int k = cJSON_IsString(role) && p->roles
			? find_name(&p->roles[0].name, sizeof *p->roles, p->n_roles,
				    role->valuestring) : -1;
		if (k < 0) {
			char raw[80];
			dk_json_raw(r->doc, role, raw, sizeof raw);
			ERR(r, role, false, "staffing: role %s is not a role of the "
					    "template", raw);
			continue;
		}
		dk_staff *s = &p->staff[p->n_staff++];
		s->role = (size_t)k;
		s->persons = DK_E4;
		s->charged_share = DK_E4;
		const cJSON *x;
		if ((x = get(e, "persons")))
			e4(r, x, "persons", 1000 * DK_E4, &s->persons);
		if ((x = get(e, "charged_share")))
			e4(r, x, "charged_share", DK_E4, &s->charged_share);
	}
}

static void read_packages(reader *r, const cJSON *v)
{
	static const char *const keys[] = {"name", "days", "semesters", "basic",
					   "addon", "day", NULL};
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
		dk_json_keys(r->doc, r->d, e, "package", keys);
		const cJSON *name = need(r, e, "name", "package");
		char *s = name ? string(r, name, "package name") : NULL;
		if (!s)
			continue;
		if (find_name(&p->packages[0].name, sizeof *p->packages, p->n_packages,
			      s) >= 0)
			ERR(r, name, false, "package '%s' is named twice", s);
		dk_package *k = &p->packages[p->n_packages++];
		k->name = s;
		k->semesters = 1;
		const cJSON *x;
		if ((x = need(r, e, "days", "package")) &&
		    e4(r, x, "days", 1000 * DK_E4, &k->days) == 0 && k->days == 0)
			ERR(r, x, false, "package '%s': 0 days; expected more than 0", s);
		if ((x = get(e, "semesters"))) {
			int64_t sem;
			if (read_num(r, x, "semesters", 0, 12, &sem) == 0) {
				if (sem < 1)
					ERR(r, x, false, "semesters: 0; expected 1 to 12");
				k->semesters = (int)(sem < 1 ? 1 : sem);
			}
		}
		if ((x = get(e, "basic"))) {
			if (!cJSON_IsBool(x))
				ERR(r, x, false, "basic: %s; expected true or false",
				    dk_json_type(x));
			k->basic = cJSON_IsTrue(x);
		}
		if ((x = get(e, "addon"))) {
			if (!cJSON_IsBool(x))
				ERR(r, x, false, "addon: %s; expected true or false",
				    dk_json_type(x));
			k->addon = cJSON_IsTrue(x);
		}
		if (k->basic && k->addon)
			ERR(r, e, false, "package '%s' is both basic and an add-on; "
					 "expected one or the other", s);
		basics += k->basic;
		if ((x = get(e, "day"))) {
			k->own_day = true;
			read_day(r, x, "package day", &k->day);
		}
	}
	if (basics != 1)
		ERR(r, v, false, "packages: %d basic packages; expected exactly one "
				 "with \"basic\": true", basics);
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
		ERR(r, v, false, "start_term: %s is not a term; expected H (autumn) "
				 "or V (spring) and a year, such as \"H2022\"", raw);
		return;
	}
	r->p->start_autumn = s[0] == 'H';
	r->p->start_year = year;
}

dk_status dk_pricing_read(const dk_input *in, dk_pricing *p, dk_diags *d)
{
	static const char *const keys[] = {"institution", "project_type", "margin",
					   "min_margin", "round_to", "start_term",
					   "roles", "activities", "day", "staffing",
					   "travel_per_day", "packages", NULL};
	static const char *const required[] = {"institution", "project_type",
					       "start_term", "roles", "activities",
					       "day", "staffing", "packages", NULL};
	size_t before = d->n + d->dropped;
	dk_pricing_init(p);
	dk_json_doc doc;
	dk_status st = dk_json_doc_parse(&doc, in->name, in->text, in->len, d);
	if (st != DK_OK)
		return st;
	reader r = {&doc, d, p, 0};
	const cJSON *root = doc.root, *x;
	if (!cJSON_IsObject(root)) {
		ERR(&r, root, false, "price template: %s; expected an object",
		    dk_json_type(root));
		goto done;
	}
	dk_json_keys(&doc, d, root, "price template", keys);
	int missing = 0;
	for (size_t k = 0; required[k]; k++)
		if (!need(&r, root, required[k], "price template"))
			missing = 1;
	if (missing)
		goto done;
	p->institution = string(&r, get(root, "institution"), "institution");
	x = get(root, "project_type");
	if (cJSON_IsString(x) && strcmp(x->valuestring, "oppdrag") == 0)
		p->type = DK_OPPDRAG;
	else if (cJSON_IsString(x) && strcmp(x->valuestring, "bidrag") == 0)
		p->type = DK_BIDRAG;
	else {
		char raw[80];
		dk_json_raw(&doc, x, raw, sizeof raw);
		ERR(&r, x, false, "project_type: %s; expected \"oppdrag\" or "
				  "\"bidrag\"", raw);
	}
	if ((x = get(root, "margin")))
		e4(&r, x, "margin", 10 * DK_E4, &p->margin);
	if ((x = get(root, "min_margin")))
		e4(&r, x, "min_margin", 10 * DK_E4, &p->min_margin);
	if ((x = get(root, "round_to")) && money(&r, x, "round_to", &p->round_to) == 0 &&
	    p->round_to == 0)
		ERR(&r, x, false, "round_to: 0; expected a unit of at least 0.01");
	if ((x = get(root, "travel_per_day")))
		money(&r, x, "travel_per_day", &p->travel_per_day);
	read_term(&r, get(root, "start_term"));
	read_roles(&r, get(root, "roles"));
	if (!r.oom)
		read_activities(&r, get(root, "activities"));
	if (!r.oom && p->activities)
		read_day(&r, get(root, "day"), "day", &p->day);
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

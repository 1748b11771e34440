/*
 * json_scenarios.c: the scenario file reader (see json_scenarios.h and
 * docs/scenarios.md).
 *
 * Every path is resolved here, against the plan and the networks already
 * read, into a dk_target; a path that names no field a scenario can set, a
 * network or institution that does not exist, or a value the field cannot
 * hold is bad input at its place in the file. Values are read exactly from
 * their text, with the decimals of the field they set. Distribution
 * parameters are read as doubles: they only shape random draws, which the
 * engine rounds to the field's decimals.
 */
#include "io/json_scenarios.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/i18n.h"
#include "io/json_doc.h"
#include "io/limits.h"
#include "io/networks.h"
#include "models/fields.h"
#include "models/numtext.h"

typedef struct {
	const dk_json_doc *doc;
	dk_error *d;
	const dk_plan *p;
	const dk_networks *nets;
	const dk_pricing *pricing; /* NULL without -P */
	int oom;
} reader;

#define ERR(r, node, key, ...) dk_json_error((r)->doc, (r)->d, node, key, __VA_ARGS__)
#define MAX_SWEEP_POINTS 10000
#define MAX_RUNS 1000000L

static const cJSON *get(const cJSON *obj, const char *key)
{
	return cJSON_GetObjectItemCaseSensitive(obj, key);
}

/* The number of UTF-8 characters of s (the readers' text is valid UTF-8). */
static size_t utf8_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* Splits a JSON Pointer into unescaped segments (~1 is '/', ~0 is '~');
 * returns their number, or -1 when it is not a pointer. */
static int split_pointer(const char *path, char seg[][256], int max)
{
	if (path[0] != '/')
		return -1;
	int n = 0;
	const char *p = path + 1;
	for (;;) {
		if (n == max)
			return -1;
		size_t o = 0;
		for (; *p && *p != '/'; p++) {
			char c = *p;
			if (c == '~') {
				if (p[1] == '1')
					c = '/';
				else if (p[1] == '0')
					c = '~';
				else
					return -1;
				p++;
			}
			if (o + 1 >= 256)
				return -1;
			seg[n][o++] = c;
		}
		seg[n++][o] = '\0';
		if (!*p)
			return n;
		p++;
	}
}

static void set_range(dk_target *t, int decimals, int64_t min, int64_t max)
{
	t->decimals = decimals;
	t->min = min;
	t->max = max;
}

/* The plan's or template's field a target sets, NULL for a network's
 * column or a check's parameter (numbers, with their own tables). */
static const dk_field *field_of(const dk_target *t)
{
	return dk_field_of_target(t->kind, NULL);
}

static bool is_bool(const dk_target *t)
{
	const dk_field *f = field_of(t);
	return f && f->type == DK_FIELD_BOOL;
}

static bool is_enum(const dk_target *t)
{
	const dk_field *f = field_of(t);
	return f && f->type == DK_FIELD_ENUM;
}

static bool is_number(const dk_target *t)
{
	return !is_enum(t) && !is_bool(t);
}

/* An index segment ("0", "1", ...) below n, or -1. */
static long index_of(const char *seg, size_t n)
{
	char *end;
	long k = strtol(seg, &end, 10);
	if (*end || end == seg || seg[0] == '-' || seg[0] == '+' || k < 0 ||
	    (size_t)k >= n)
		return -1;
	return k;
}

/* Resolves a path below /plan or /pricing (seg[0]) to a field of that
 * file's table (models/fields.c) a scenario can set, with the list entry
 * its "*" stands for; returns 0 or writes what is wrong into why. */
static int resolve_field(reader *r, dk_field_file file, char seg[][256], int n,
			 dk_target *t, char *why, size_t size)
{
	const char *below[6];
	for (int k = 1; k < n; k++)
		below[k - 1] = seg[k];
	const dk_field *f = dk_field_match(file, below, (size_t)(n - 1));
	if (!f || f->target == DK_T_NONE) {
		if (file == DK_FILE_PRICING)
			snprintf(why, size, "%s",
				 _("not a field of the price template a scenario can "
				   "set; see docs/scenarios.md for the paths"));
		else
			snprintf(why, size, "%s",
				 _("not a field a scenario can set; see "
				   "docs/scenarios.md for the paths"));
		return -1;
	}
	long k = 0;
	const char *star = strchr(f->path, '*');
	if (star) {
		int at = 0; /* the segment "*" is, below the root */
		for (const char *c = f->path + 1; c < star; c++)
			at += *c == '/';
		size_t count = dk_target_count(f->target, r->p, r->nets, r->pricing);
		k = index_of(below[at], count);
		if (k < 0) {
			/* the list's key in words in English ("common
			 * measures"), as the key is written in bokmål */
			char list[256];
			snprintf(list, sizeof list, "%s", below[at - 1]);
			for (char *c = list; *c && dk_i18n_english(); c++)
				if (*c == '_')
					*c = ' ';
			if (file == DK_FILE_PLAN)
				snprintf(why, size,
					 _("the plan has %zu %s, numbered "
					   "from 0; '%s' is not one of them"),
					 count, list, below[at]);
			else
				snprintf(why, size,
					 _("the template has %zu %s, "
					   "numbered from 0; '%s' is not one "
					   "of them"),
					 count, list, below[at]);
			return -1;
		}
	}
	dk_field_target(f, (int)k, t);
	return 0;
}

/* /plan/checks/ID/off or /plan/checks/ID/PARAMETER: the check and its
 * parameters are the checks' table's (models/finding.c). */
static int resolve_check(char seg[][256], int n, dk_target *t, char *why, size_t size)
{
	int id = n == 4 ? dk_check_find(seg[2]) : -1;
	if (n == 4 && (id < 0 || dk_check_is_price((dk_check_id)id))) {
		snprintf(why, size,
			 _("'%s' is not a check of the plan (see dekom "
			   "help checks)"),
			 seg[2]);
		return -1;
	}
	if (n == 4 && strcmp(seg[3], "off") == 0) {
		/* "*" is the check's id here, not a list entry */
		dk_field_target(dk_field_get(DK_FILE_PLAN, "/checks/*/off"), 0, t);
		t->column = id;
		return 0;
	}
	if (n != 4) {
		snprintf(why, size,
			 _("not a field a scenario can set; see "
			   "docs/scenarios.md for the paths"));
		return -1;
	}
	const dk_check_def *def = &dk_checks()[id];
	for (int k = 0; k < DK_CHECK_PARAMS; k++) {
		const dk_param_def *pd = &def->params[k];
		if (!pd->name || strcmp(pd->name, seg[3]) != 0)
			continue;
		const dk_field *f = dk_field_of_param(pd->kind);
		if (!f)
			break;
		dk_field_target(f, k, t);
		t->column = id;
		t->index = k;
		return 0;
	}
	snprintf(why, size,
		 _("%s has no numeric parameter '%s' that a "
		   "scenario can set (off, or one of its parameters)"),
		 def->name, seg[3]);
	return -1;
}

/* Resolves the plan part of a path (seg[0] is "plan"). */
static int resolve_plan(reader *r, char seg[][256], int n, dk_target *t, char *why,
			size_t size)
{
	if (n >= 2 && strcmp(seg[1], "checks") == 0)
		return resolve_check(seg, n, t, why, size);
	if (resolve_field(r, DK_FILE_PLAN, seg, n, t, why, size) != 0)
		return -1;
	bool direct = t->kind == DK_T_DIRECT_AMOUNT || t->kind == DK_T_DIRECT_SPLIT ||
		t->kind == DK_T_DIRECT_WEIGHT;
	if (direct && r->p->n_institutions == 0) {
		snprintf(why, size,
			 _("the plan has no institutions to transfer "
			   "to directly"));
		return -1;
	}
	if (t->kind == DK_T_DIRECT_AMOUNT && r->p->split == DK_SPLIT_AMOUNTS) {
		snprintf(why, size,
			 _("the plan splits the direct transfer by "
			   "fixed amounts, which must add up to it; a "
			   "scenario cannot change it"));
		return -1;
	}
	return 0;
}

static int resolve_networks(reader *r, char seg[][256], int n, dk_target *t, char *why,
			    size_t size)
{
	if (n < 3) {
		snprintf(why, size,
			 _("expected /networks/NAME/COLUMN, with * for "
			   "every network"));
		return -1;
	}
	if (strcmp(seg[1], "*") == 0) {
		t->network = -1;
	} else {
		t->network = dk_networks_find(r->nets, seg[1]);
		if (t->network < 0) {
			snprintf(why, size,
				 _("no network named '%s' (a '/' in a name "
				   "is written ~1)"),
				 seg[1]);
			return -1;
		}
	}
	if (n == 4 && strcmp(seg[2], "uh") == 0) {
		int i = dk_plan_institution(r->p, seg[3]);
		if (i < 0) {
			snprintf(why, size, _("'%s' is not an institution of the plan"),
				 seg[3]);
			return -1;
		}
		/* an institution's column is an amount column */
		dk_num_spec spec;
		dk_cell_spec(DK_KIND_AMOUNT, DK_DEC_AUTO, &spec);
		t->kind = DK_T_NET_UH;
		t->index = i;
		set_range(t, spec.decimals, 0, spec.max);
		return 0;
	}
	for (int c = 0; n == 3 && c < DK_COL_COUNT; c++) {
		const dk_column_def *def = dk_column_get((dk_column)c);
		if (strcmp(def->name, seg[2]) != 0)
			continue;
		if (def->kind != DK_KIND_AMOUNT && def->kind != DK_KIND_FTE &&
		    def->kind != DK_KIND_PERCENT)
			break;
		dk_num_spec spec;
		dk_cell_spec(def->kind, DK_DEC_AUTO, &spec);
		t->kind = DK_T_NET_COLUMN;
		t->column = c;
		set_range(t, spec.decimals, 0, spec.max);
		return 0;
	}
	snprintf(why, size,
		 _("expected a number column of a network (need, "
		   "previous, fte, own, coordinator, uh_other, ...) or uh/ID"));
	return -1;
}

/* Resolves /pricing/...: the template's own numbers, in its units (money
 * in øre: 2 decimals; factors, hours, days and shares in e4: 4). */
static int resolve_pricing(reader *r, char seg[][256], int n, dk_target *t, char *why,
			   size_t size)
{
	if (resolve_field(r, DK_FILE_PRICING, seg, n, t, why, size) != 0)
		return -1;
	/* a role priced by hourly_cost has no salary to change, and the
	 * other way round the derivation needs all its figures */
	bool derived = t->kind == DK_T_ROLE_SALARY || t->kind == DK_T_ROLE_SOCIAL ||
		t->kind == DK_T_ROLE_INDIRECT || t->kind == DK_T_ROLE_HOURS;
	if (derived && r->pricing->roles[t->index].direct) {
		snprintf(why, size,
			 _("role '%s' is priced by hourly_cost; set "
			   "/pricing/roles/%d/hourly_cost instead"),
			 r->pricing->roles[t->index].name, t->index);
		return -1;
	}
	return 0;
}

/* Reads a path string into t; reports at the node. */
static int read_path(reader *r, const cJSON *node, bool key, const char *path,
		     dk_target *t)
{
	char seg[6][256], why[400];
	char q[300];
	memset(t, 0, sizeof *t);
	dk_quote(path, q, sizeof q);
	int n = split_pointer(path, seg, 6);
	int rc = -1;
	if (n < 0)
		snprintf(why, sizeof why,
			 _("not a JSON Pointer; expected a path such as "
			   "/plan/frame/prorata or /networks/Fosen/need"));
	else if (strcmp(seg[0], "plan") == 0)
		rc = resolve_plan(r, seg, n, t, why, sizeof why);
	else if (strcmp(seg[0], "networks") == 0)
		rc = resolve_networks(r, seg, n, t, why, sizeof why);
	else if (strcmp(seg[0], "pricing") == 0 && r->pricing)
		rc = resolve_pricing(r, seg, n, t, why, sizeof why);
	else if (strcmp(seg[0], "pricing") == 0)
		snprintf(why, sizeof why,
			 _("a price template path, but no template; "
			   "give one with -P PRICING.json"));
	else
		snprintf(why, sizeof why,
			 _("expected a path under /plan, /networks or "
			   "/pricing"));
	if (rc != 0) {
		ERR(r, node, key, _("path '%s': %s"), q, why);
		return -1;
	}
	t->path = strdup(path);
	if (!t->path) {
		r->oom = 1;
		return -1;
	}
	return 0;
}

/* A number for target t, exact, scaled by its decimals. */
static int read_scaled(reader *r, const cJSON *v, const dk_target *t, const char *field,
		       int64_t *out)
{
	char raw[80];
	dk_json_raw(r->doc, v, raw, sizeof raw);
	dk_num_spec spec = {t->decimals, t->max, false, false, DK_DEC_AUTO};
	dk_num_result res = cJSON_IsNumber(v) ? dk_json_number(r->doc, v, &spec, out)
					      : DK_NUM_SYNTAX;
	if (res == DK_NUM_OK && *out >= t->min)
		return 0;
	char lo[48], hi[48];
	dk_decimal_format(t->min, t->decimals, "", ".", lo, sizeof lo);
	dk_decimal_format(t->max, t->decimals, "", ".", hi, sizeof hi);
	if (res == DK_NUM_DECIMALS && t->decimals == 0)
		ERR(r, v, false, _("%s: %s has decimals; %s takes a whole number"), field,
		    raw, t->path);
	else if (res == DK_NUM_DECIMALS)
		ERR(r, v, false, _("%s: %s has more than %d decimals, the most %s takes"),
		    field, raw, t->decimals, t->path);
	else
		ERR(r, v, false, _("%s: %s is not a number from %s to %s, as %s takes"),
		    field, raw, lo, hi, t->path);
	return -1;
}

static int read_value(reader *r, const cJSON *v, const dk_target *t, int64_t *out)
{
	char raw[80];
	dk_json_raw(r->doc, v, raw, sizeof raw);
	if (is_enum(t)) {
		const dk_field *f = field_of(t);
		for (int k = 0; cJSON_IsString(v) && f->names[k]; k++)
			if (strcmp(v->valuestring, f->names[k]) == 0) {
				*out = k;
				return 0;
			}
		char list[200];
		dk_or_list(f->names, true, list, sizeof list);
		ERR(r, v, false, _("%s: %s is not one of %s"), t->path, raw, list);
		return -1;
	}
	if (is_bool(t)) {
		if (!cJSON_IsBool(v)) {
			ERR(r, v, false, _("%s: %s is %s; expected true or false"),
			    t->path, raw, dk_json_type(v));
			return -1;
		}
		*out = cJSON_IsTrue(v);
		return 0;
	}
	return read_scaled(r, v, t, t->path, out);
}

static int is_object(reader *r, const cJSON *v, const char *what)
{
	if (cJSON_IsObject(v))
		return 1;
	char raw[80];
	dk_json_raw(r->doc, v, raw, sizeof raw);
	ERR(r, v, false, _("%s: %s is %s; expected an object"), what, raw,
	    dk_json_type(v));
	return 0;
}

/* Whether the plan as a scenario changes it still has the data its method
 * and split need (RULES.md section 5, "What a method needs"): a scenario
 * that switches to prorata on a sheet without teacher FTE, or sets
 * floor_previous without last year's amounts, is bad input at the
 * scenario, never a silent run on zeros. */
static int check_needs(reader *r, const cJSON *at, const dk_override *ov, size_t n)
{
	dk_plan q = *r->p; /* a shallow copy: only its scalars are set */
	dk_models m = {&q, NULL, NULL};
	bool changed = false;
	for (size_t k = 0; k < n; k++)
		switch (ov[k].target.kind) {
		case DK_T_METHOD:
		case DK_T_DIRECT_SPLIT:
		case DK_T_DIRECT_WEIGHT:
		case DK_T_FLOOR_PREVIOUS:
			dk_target_set(&ov[k].target, &m, SIZE_MAX, ov[k].value);
			changed = true;
			break;
		default: break;
		}
	if (!changed)
		return 0;
	int line, col;
	dk_json_pos(r->doc, at, false, &line, &col);
	if (dk_networks_check_plan_at(&q, r->nets, r->doc->name, line, col, r->d) !=
	    DK_OK)
		return 1;
	if (q.method != DK_METHOD_PRORATA || r->p->method == DK_METHOD_PRORATA)
		return 0;
	/* prorata needs a value in every network's fte cell */
	int bad = 0;
	for (size_t k = 0; k < r->nets->n; k++)
		if (!dk_network_has(&r->nets->items[k], DK_COL_FTE)) {
			bad = 1;
			char q2[80];
			dk_quote(r->nets->items[k].name, q2, sizeof q2);
			ERR(r, at, false,
			    _("prorata needs teacher FTE for every network: "
			      "'%s' has an empty fte cell; fill it in ('-' "
			      "for 0)"),
			    q2);
		}
	return bad;
}

static void read_named(reader *r, const cJSON *list, dk_scenario_file *s)
{
	if (!cJSON_IsArray(list)) {
		ERR(r, list, false,
		    _("scenarios: expected a list such as [{\"name\": "
		      "\"Ramme 15,9 MNOK\", \"set\": "
		      "{\"/plan/frame/prorata\": 15900000}}]"));
		return;
	}
	static const char *const keys[] = {"name", "set", NULL};
	size_t n = (size_t)cJSON_GetArraySize(list);
	if (n > DK_SCENARIOS_MAX) {
		ERR(r, list, false,
		    _("scenarios: %zu named scenarios, more than "
		      "dekom's limit of %d; use a sweep or Monte Carlo "
		      "runs for many cases"),
		    n, DK_SCENARIOS_MAX);
		return;
	}
	s->scenarios = calloc(n ? n : 1, sizeof *s->scenarios);
	if (!s->scenarios) {
		r->oom = 1;
		return;
	}
	for (const cJSON *e = list->child; e && !r->oom; e = e->next) {
		if (!is_object(r, e, _("scenario")))
			continue;
		dk_json_keys(r->doc, r->d, e, _("scenario"), keys);
		const cJSON *name = get(e, "name"), *set = get(e, "set");
		if (!cJSON_IsString(name) || !*name->valuestring) {
			if (name)
				ERR(r, name, false, "%s",
				    _("scenario: the name is not a non-empty string; "
				      "expected a name of 1 to 200 characters"));
			else
				ERR(r, e, false, "%s",
				    _("scenario: no \"name\"; expected a name of 1 to "
				      "200 characters"));
			continue;
		}
		/* characters, not bytes: 150 × 'ø' is a good name */
		if (utf8_chars(name->valuestring) > DK_NAME_MAX) {
			char q[80];
			dk_quote(name->valuestring, q, sizeof q);
			ERR(r, name, false,
			    _("scenario: the name '%s' is %zu characters "
			      "long; expected at most %d"),
			    q, utf8_chars(name->valuestring), DK_NAME_MAX);
			continue;
		}
		for (size_t k = 0; k < s->n_scenarios; k++)
			if (dk_name_equal(s->scenarios[k].name, name->valuestring)) {
				char q[80];
				dk_quote(name->valuestring, q, sizeof q);
				ERR(r, name, false,
				    _("scenario: the name '%s' is given twice; "
				      "expected each scenario to have its own"),
				    q);
				break;
			}
		if (!set) {
			ERR(r, e, false,
			    _("scenario: no \"set\"; expected the values it "
			      "changes, such as {\"/plan/frame/prorata\": 15900000}"));
			continue;
		}
		if (!is_object(r, set, "set"))
			continue;
		dk_scenario *sc = &s->scenarios[s->n_scenarios++];
		sc->name = strdup(name->valuestring);
		size_t m = (size_t)cJSON_GetArraySize(set);
		sc->overrides = calloc(m ? m : 1, sizeof *sc->overrides);
		if (!sc->name || !sc->overrides) {
			r->oom = 1;
			return;
		}
		size_t problems = r->d->n + r->d->dropped;
		for (const cJSON *o = set->child; o && !r->oom; o = o->next) {
			dk_override *ov = &sc->overrides[sc->n];
			if (read_path(r, o, true, o->string, &ov->target) != 0)
				continue;
			sc->n++;
			if (read_value(r, o, &ov->target, &ov->value) != 0)
				continue;
			/* a split by shares or amounts needs them in the plan */
			if (ov->target.kind == DK_T_DIRECT_SPLIT &&
			    ((ov->value == DK_SPLIT_SHARES &&
			      r->p->split != DK_SPLIT_SHARES) ||
			     (ov->value == DK_SPLIT_AMOUNTS &&
			      r->p->split != DK_SPLIT_AMOUNTS)))
				ERR(r, o, false,
				    _("%s: the plan gives no direct %s to "
				      "split by; use \"equal\" or \"by_up1\""),
				    ov->target.path,
				    ov->value == DK_SPLIT_SHARES ? "shares" : "amounts");
		}
		/* only a scenario whose values all read */
		if (r->d->n + r->d->dropped == problems)
			check_needs(r, set, sc->overrides, sc->n);
	}
}

static void read_sweep(reader *r, const cJSON *v, dk_sweep *sw)
{
	static const char *const keys[] = {"path", "from", "to", "step", NULL};
	if (!is_object(r, v, "sweep"))
		return;
	dk_json_keys(r->doc, r->d, v, "sweep", keys);
	const cJSON *path = get(v, "path");
	if (!cJSON_IsString(path)) {
		ERR(r, path ? path : v, false,
		    _("sweep: expected \"path\", such as "
		      "\"/plan/frame/prorata\""));
		return;
	}
	if (read_path(r, path, false, path->valuestring, &sw->target) != 0)
		return;
	if (!is_number(&sw->target)) {
		ERR(r, path, false,
		    _("sweep: %s is not a number; a sweep steps a "
		      "number from one value to another"),
		    sw->target.path);
		return;
	}
	const char *names[] = {"from", "to", "step"};
	int64_t *vals[] = {&sw->from, &sw->to, &sw->step};
	int bad = 0;
	for (int k = 0; k < 3; k++) {
		const cJSON *x = get(v, names[k]);
		if (!x) {
			ERR(r, v, false, _("sweep: no \"%s\""), names[k]);
			bad = 1;
		} else if (read_scaled(r, x, &sw->target, names[k], vals[k]) != 0) {
			bad = 1;
		}
	}
	if (bad)
		return;
	if (sw->step <= 0)
		ERR(r, get(v, "step"), false, _("sweep: step must be above 0"));
	else if (sw->to < sw->from)
		ERR(r, get(v, "to"), false, _("sweep: \"to\" is below \"from\""));
	else if ((sw->to - sw->from) / sw->step >= MAX_SWEEP_POINTS)
		ERR(r, get(v, "step"), false,
		    _("sweep: more than %d points; expected a "
		      "larger step"),
		    MAX_SWEEP_POINTS);
	else
		for (int64_t x = sw->from; x <= sw->to; x += sw->step) {
			dk_override point = {sw->target, x};
			if (check_needs(r, path, &point, 1))
				break;
		}
}

static int read_double(reader *r, const cJSON *obj, const char *key, const char *what,
		       double *out)
{
	const cJSON *x = get(obj, key);
	if (!x)
		return 1;
	if (!cJSON_IsNumber(x) || !isfinite(x->valuedouble)) {
		char raw[80];
		dk_json_raw(r->doc, x, raw, sizeof raw);
		ERR(r, x, false, _("%s.%s: %s is not a number"), what, key, raw);
		return -1;
	}
	*out = x->valuedouble;
	return 0;
}

static void read_draw(reader *r, const cJSON *e, dk_draw *dr)
{
	static const char *const keys[] = {"path", "uniform", "normal", "triangular",
					   NULL};
	dk_json_keys(r->doc, r->d, e, _("draw"), keys);
	const cJSON *path = get(e, "path");
	if (!cJSON_IsString(path)) {
		ERR(r, path ? path : e, false,
		    _("draw: expected \"path\", such as "
		      "\"/networks/*/need\""));
		return;
	}
	if (read_path(r, path, false, path->valuestring, &dr->target) != 0)
		return;
	if (!is_number(&dr->target)) {
		ERR(r, path, false, _("draw: %s is not a number and cannot be drawn"),
		    dr->target.path);
		return;
	}
	dk_field_file file;
	if (dk_field_of_target(dr->target.kind, &file) && file == DK_FILE_PRICING) {
		ERR(r, path, false,
		    _("draw: %s is a price template figure; the Monte Carlo "
		      "summary is of the recommended amounts, so draw plan or "
		      "network figures (use a sweep or named scenarios for prices)"),
		    dr->target.path);
		return;
	}
	const cJSON *u = get(e, "uniform"), *nrm = get(e, "normal"),
		    *tri = get(e, "triangular");
	if ((u != NULL) + (nrm != NULL) + (tri != NULL) != 1) {
		ERR(r, e, false,
		    _("draw %s: expected exactly one of \"uniform\", "
		      "\"normal\" and \"triangular\""),
		    dr->target.path);
		return;
	}
	int rc;
	if (u) {
		static const char *const uk[] = {"min", "max", NULL};
		dr->kind = DK_DIST_UNIFORM;
		if (!is_object(r, u, "uniform"))
			return;
		dk_json_keys(r->doc, r->d, u, "uniform", uk);
		if ((rc = read_double(r, u, "min", "uniform", &dr->a)) ||
		    (rc = read_double(r, u, "max", "uniform", &dr->b))) {
			if (rc > 0)
				ERR(r, u, false,
				    _("uniform: expected {\"min\": …, \"max\": …}"));
			return;
		}
		if (dr->b < dr->a)
			ERR(r, get(u, "max"), false, _("uniform: max is below min"));
	} else if (nrm) {
		static const char *const nk[] = {"mean", "sd", "relative_sd", NULL};
		dr->kind = DK_DIST_NORMAL;
		if (!is_object(r, nrm, "normal"))
			return;
		dk_json_keys(r->doc, r->d, nrm, "normal", nk);
		int m = read_double(r, nrm, "mean", "normal", &dr->a);
		int sd = read_double(r, nrm, "sd", "normal", &dr->b);
		int rel = read_double(r, nrm, "relative_sd", "normal", &dr->b);
		if (m < 0 || sd < 0 || rel < 0)
			return;
		if ((sd == 0) == (rel == 0)) {
			ERR(r, nrm, false,
			    _("normal: expected exactly one of \"sd\" (in "
			      "the field's unit) and \"relative_sd\" (a "
			      "share of the mean)"));
			return;
		}
		dr->has_mean = m == 0;
		dr->relative = rel == 0;
		if (dr->b < 0)
			ERR(r, get(nrm, dr->relative ? "relative_sd" : "sd"), false,
			    _("normal: the standard deviation is negative"));
	} else {
		static const char *const tk[] = {"min", "mode", "max", NULL};
		dr->kind = DK_DIST_TRIANGULAR;
		if (!is_object(r, tri, "triangular"))
			return;
		dk_json_keys(r->doc, r->d, tri, "triangular", tk);
		if ((rc = read_double(r, tri, "min", "triangular", &dr->a)) ||
		    (rc = read_double(r, tri, "mode", "triangular", &dr->b)) ||
		    (rc = read_double(r, tri, "max", "triangular", &dr->c))) {
			if (rc > 0)
				ERR(r, tri, false,
				    _("triangular: expected {\"min\": …, "
				      "\"mode\": …, \"max\": …}"));
			return;
		}
		if (!(dr->a <= dr->b && dr->b <= dr->c))
			ERR(r, tri, false, _("triangular: expected min ≤ mode ≤ max"));
	}
}

static void read_montecarlo(reader *r, const cJSON *v, dk_montecarlo *mc)
{
	static const char *const keys[] = {"runs", "seed", "draws", NULL};
	if (!is_object(r, v, "montecarlo"))
		return;
	dk_json_keys(r->doc, r->d, v, "montecarlo", keys);
	const cJSON *runs = get(v, "runs"), *seed = get(v, "seed"),
		    *draws = get(v, "draws");
	dk_num_spec spec = {0, MAX_RUNS, false, false, DK_DEC_AUTO};
	int64_t x;
	if (!runs || !cJSON_IsNumber(runs) || dk_json_number(r->doc, runs, &spec, &x) ||
	    x < 1)
		ERR(r, runs ? runs : v, false,
		    _("montecarlo: expected \"runs\", a whole "
		      "number from 1 to %ld"),
		    MAX_RUNS);
	else
		mc->runs = (long)x;
	spec.max = INT64_C(4294967295);
	if (!seed || !cJSON_IsNumber(seed) || dk_json_number(r->doc, seed, &spec, &x))
		ERR(r, seed ? seed : v, false,
		    _("montecarlo: expected \"seed\", a whole "
		      "number from 0 to 4294967295, so that a "
		      "run can be repeated"));
	else
		mc->seed = (unsigned long)x;
	if (!cJSON_IsArray(draws) || cJSON_GetArraySize(draws) == 0) {
		ERR(r, draws ? draws : v, false,
		    _("montecarlo: expected \"draws\", a "
		      "list such as [{\"path\": "
		      "\"/networks/*/need\", \"normal\": "
		      "{\"relative_sd\": 0.1}}]"));
		return;
	}
	size_t n = (size_t)cJSON_GetArraySize(draws);
	mc->draws = calloc(n, sizeof *mc->draws);
	if (!mc->draws) {
		r->oom = 1;
		return;
	}
	for (const cJSON *e = draws->child; e && !r->oom; e = e->next) {
		if (!is_object(r, e, _("draw")))
			continue;
		read_draw(r, e, &mc->draws[mc->n_draws++]);
	}
}

dk_status dk_scenarios_read(const dk_input *in, const dk_plan *p, const dk_networks *nets,
			    const dk_pricing *pricing, dk_scenario_file *s, dk_error *d)
{
	static const char *const keys[] = {"scenarios", "sweep", "montecarlo", NULL};
	size_t before = d->n + d->dropped;
	dk_scenario_file_init(s);
	dk_json_doc doc;
	dk_status st = dk_json_doc_parse(&doc, in->name, in->text, in->len, d);
	if (st != DK_OK)
		return st;
	reader r = {&doc, d, p, nets, pricing, 0};
	if (!is_object(&r, doc.root, _("scenario file")))
		goto done;
	dk_json_keys(&doc, d, doc.root, _("scenario file"), keys);
	const cJSON *x;
	if ((x = get(doc.root, "scenarios")))
		read_named(&r, x, s);
	if (!r.oom && (x = get(doc.root, "sweep"))) {
		s->has_sweep = true;
		read_sweep(&r, x, &s->sweep);
	}
	if (!r.oom && (x = get(doc.root, "montecarlo"))) {
		s->has_montecarlo = true;
		read_montecarlo(&r, x, &s->mc);
	}
	if (!get(doc.root, "scenarios") && !get(doc.root, "sweep") &&
	    !get(doc.root, "montecarlo"))
		ERR(&r, doc.root, false,
		    _("scenario file: nothing to run; expected "
		      "\"scenarios\", \"sweep\" or \"montecarlo\""));
done:
	dk_json_doc_release(&doc);
	if (r.oom)
		return DK_ENOMEM;
	return d->n + d->dropped > before ? DK_EINPUT : DK_OK;
}

/*
 * test_fields.c: the plan's and the price template's table of fields
 * (models/fields.c) is what the readers, the scenarios and the models do.
 *
 * The case: a plan and a template in which every field a scenario can set
 * has a value of its own (the frame 1 500 000 of a total 2 000 000, the
 * second common measure 25 000, a margin of 0.1, the second role's
 * 1 200.50 kr an hour, ...). For every such field the scenario reader
 * resolves its path to a target that reads the value the file gave from
 * the model's own member, and writes a new value into that member. Fields
 * a scenario cannot set are refused. At a few boundaries the readers accept
 * the table's maximum and refuse one step above it.
 */
#include <check.h>

#include "io/i18n.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "io/json_plan.h"
#include "io/json_pricing.h"
#include "io/json_scenarios.h"
#include "io/networks.h"
#include "models/fields.h"

static const char plan_text[] =
	"{\"year\": 2022,\n"
	" \"institutions\": [{\"id\": \"NTNU\"}, {\"id\": \"Nord\"}],\n"
	" \"frame\": {\"total\": 2000000, \"prorata\": 1500000, \"reserve\": 10000,\n"
	"           \"direct\": {\"amount\": 300000, \"split\": \"by_up1\", \"weight\": \"fte\"},\n"
	"           \"common_measures\": [{\"name\": \"Samlinger\", \"amount\": 40000},\n"
	"                               {\"name\": \"Møter\", \"amount\": 25000}]},\n"
	" \"allocation\": {\"method\": \"prorata\", \"base_grant\": 50000,\n"
	"                \"cap_at_need\": false, \"floor_previous\": 0.5,\n"
	"                \"surplus\": \"reserve\", \"rounding\": 100},\n"
	" \"checks\": {\"year-change\": {\"off\": true}}}\n";

static const char nets_text[] = "network;previous;fte;need;up1\n"
				"A;100000;10.5;200000;NTNU\n"
				"B;200000;20;300000;Nord\n";

/* The template; the four %s are a staffing line's charged_share, the
 * first role's productive_hours, the basic package's semesters and the
 * day's hours of forelesning (boundaries change them). */
static const char pricing_format[] =
	"{\"institution\": \"NTNU\", \"project_type\": \"bidrag\",\n"
	" \"margin\": 0.1, \"min_margin\": 0.05, \"round_to\": 50, \"start_term\": \"H2022\",\n"
	" \"roles\": [{\"name\": \"erfaren\", \"annual_salary\": 750000,\n"
	"            \"social_cost_rate\": 0.25, \"indirect_per_fte_year\": 400000,\n"
	"            \"productive_hours\": %s},\n"
	"           {\"name\": \"lektor\", \"hourly_cost\": 1200.5}],\n"
	" \"activities\": [{\"name\": \"forelesning\", \"factor\": 4},\n"
	"                {\"name\": \"seminar\", \"factor\": 3.5}],\n"
	" \"day\": {\"forelesning\": %s},\n"
	" \"staffing\": [{\"role\": \"erfaren\", \"persons\": 2, \"charged_share\": %s},\n"
	"              {\"role\": \"lektor\"}],\n"
	" \"travel_per_day\": 3000,\n"
	" \"packages\": [{\"name\": \"grunnpakke\", \"days\": 4, \"semesters\": %s, \"basic\": true},\n"
	"              {\"name\": \"tillegg\", \"days\": 1.5, \"addon\": true}]}\n";

typedef struct {
	dk_plan plan;
	dk_networks nets;
	dk_pricing pricing;
	dk_error d;
} fx;

/* The first problem the reader reported, or "" when it read the text. */
static void first_problem(const dk_error *d, char *buf, size_t size)
{
	buf[0] = '\0';
	if (d->n > 0)
		dk_diag_format(&d->items[0], buf, size);
}

static dk_status read_plan(const char *text, dk_plan *p, char *problem, size_t size)
{
	dk_input in;
	dk_error d;
	dk_error_init(&d);
	dk_test_input(&in, "plan.json", text);
	dk_status st = dk_plan_read(&in, p, &d);
	first_problem(&d, problem, size);
	dk_input_release(&in);
	dk_error_release(&d);
	return st;
}

static dk_status read_pricing(const char *charged_share, const char *hours,
			      const char *semesters, const char *day, dk_pricing *pr,
			      char *problem, size_t size)
{
	char text[2048];
	snprintf(text, sizeof text, pricing_format, hours, day, charged_share, semesters);
	dk_input in;
	dk_error d;
	dk_error_init(&d);
	dk_test_input(&in, "t.json", text);
	dk_status st = dk_pricing_read(&in, pr, &d);
	first_problem(&d, problem, size);
	dk_input_release(&in);
	dk_error_release(&d);
	return st;
}

static void fx_load(fx *f)
{
	char problem[400];
	memset(f, 0, sizeof *f);
	dk_error_init(&f->d);
	ck_assert_int_eq(read_plan(plan_text, &f->plan, problem, sizeof problem), DK_OK);
	ck_assert_int_eq(read_pricing("0.75", "1600", "2", "2", &f->pricing, problem,
				      sizeof problem),
			 DK_OK);
	dk_input in;
	dk_test_input(&in, "nets.csv", nets_text);
	dk_read_opts ro = {&f->plan, NULL, DK_DEC_AUTO, false, NULL};
	ck_assert_int_eq(dk_networks_read(&in, &ro, &f->nets, &f->d), DK_OK);
	dk_input_release(&in);
}

static void fx_release(fx *f)
{
	dk_networks_release(&f->nets);
	dk_pricing_release(&f->pricing);
	dk_plan_release(&f->plan);
	dk_error_release(&f->d);
}

/* Reads a scenario file that sets `path` to `value`; the status, with
 * the target in *t (its path freed) and the value read in *v. */
static dk_status resolve(fx *f, const char *path, const char *value, dk_target *t,
			 int64_t *v, char *problem, size_t size)
{
	char text[600];
	snprintf(text, sizeof text,
		 "{\"scenarios\": [{\"name\": \"x\", \"set\": {\"%s\": %s}}]}", path,
		 value);
	dk_input in;
	dk_test_input(&in, "s.json", text);
	dk_scenario_file file;
	dk_error d;
	dk_error_init(&d);
	dk_status st = dk_scenarios_read(&in, &f->plan, &f->nets, &f->pricing, &file, &d);
	first_problem(&d, problem, size);
	if (st == DK_OK) {
		ck_assert_uint_eq(file.scenarios[0].n, 1);
		*t = file.scenarios[0].overrides[0].target;
		*v = file.scenarios[0].overrides[0].value;
		t->path = NULL;
	}
	dk_scenario_file_release(&file);
	dk_error_release(&d);
	dk_input_release(&in);
	return st;
}

/* The field a concrete scenario path names, and its table. */
static const dk_field *field_of_path(const char *path, dk_field_file *file)
{
	static const char *const roots[] = {"/plan/", "/pricing/"};
	char copy[256];
	const char *seg[8];
	size_t n = 0;
	*file = strncmp(path, roots[0], strlen(roots[0])) == 0 ? DK_FILE_PLAN
							       : DK_FILE_PRICING;
	snprintf(copy, sizeof copy, "%s", path + strlen(roots[*file]));
	seg[n++] = copy;
	for (char *c = copy; *c && n < 8; c++)
		if (*c == '/') {
			*c = '\0';
			seg[n++] = c + 1;
		}
	return dk_field_match(*file, seg, n);
}

/* A model's member as an integer: a bool, an enum or an int64_t. */
static int64_t member(const void *m, size_t size)
{
	if (size == sizeof(bool))
		return *(const bool *)m;
	if (size == sizeof(int))
		return *(const int *)m;
	return *(const int64_t *)m;
}

START_TEST(every_settable_field_is_a_target)
{
	fx f;
	fx_load(&f);
	dk_plan *p = &f.plan;
	dk_pricing *pr = &f.pricing;
	const struct {
		const char *path, *value; /* as a scenario sets it */
		int64_t set, now;         /* scaled: the value set, the file's */
		const void *member;
		size_t size;
	} cases[] = {
		{"/plan/frame/total", "2100000", 2100000, 2000000, &p->total, 8},
		{"/plan/frame/prorata", "1600000", 1600000, 1500000, &p->prorata, 8},
		{"/plan/frame/reserve", "0", 0, 10000, &p->reserve, 8},
		{"/plan/frame/direct/amount", "350000", 350000, 300000, &p->direct, 8},
		{"/plan/frame/direct/split", "\"equal\"", DK_SPLIT_EQUAL, DK_SPLIT_BY_UP1,
		 &p->split, sizeof p->split},
		{"/plan/frame/direct/weight", "\"network\"", DK_UP1_WEIGHT_NETWORK,
		 DK_UP1_WEIGHT_FTE, &p->up1_weight, sizeof p->up1_weight},
		{"/plan/frame/common_measures/1/amount", "30000", 30000, 25000,
		 &p->measures[1].amount, 8},
		{"/plan/allocation/method", "\"need\"", DK_METHOD_NEED, DK_METHOD_PRORATA,
		 &p->method, sizeof p->method},
		{"/plan/allocation/base_grant", "60000", 60000, 50000, &p->base_grant, 8},
		{"/plan/allocation/base_share", "0.1", 100000, 0, &p->base_share, 8},
		{"/plan/allocation/cap_at_need", "true", 1, 0, &p->cap_at_need,
		 sizeof(bool)},
		{"/plan/allocation/floor_previous", "0.25", 250000, 500000,
		 &p->floor_previous, 8},
		{"/plan/allocation/surplus", "\"redistribute\"", 0, 1,
		 &p->surplus_reserve, sizeof(bool)},
		{"/plan/allocation/rounding", "1000", 1000, 100, &p->rounding, 8},
		{"/plan/checks/year-change/off", "false", 0, 1,
		 &p->checks[DK_CHECK_YEAR_CHANGE].off, sizeof(bool)},
		{"/pricing/margin", "0.2", 2000, 1000, &pr->margin, 8},
		{"/pricing/round_to", "100", 10000, 5000, &pr->round_to, 8},
		{"/pricing/travel_per_day", "2500.5", 250050, 300000, &pr->travel_per_day,
		 8},
		{"/pricing/roles/1/hourly_cost", "1300", 130000, 120050,
		 &pr->roles[1].hourly_cost, 8},
		{"/pricing/roles/0/annual_salary", "800000", 80000000, 75000000,
		 &pr->roles[0].annual_salary, 8},
		{"/pricing/roles/0/social_cost_rate", "0.3", 3000, 2500,
		 &pr->roles[0].social_cost_rate, 8},
		{"/pricing/roles/0/indirect_per_fte_year", "451000", 45100000, 40000000,
		 &pr->roles[0].indirect, 8},
		{"/pricing/roles/0/productive_hours", "1628", 16280000, 16000000,
		 &pr->roles[0].productive_hours, 8},
		{"/pricing/activities/1/factor", "3", 30000, 35000,
		 &pr->activities[1].factor, 8},
		{"/pricing/staffing/0/persons", "1", 10000, 20000, &pr->staff[0].persons,
		 8},
		{"/pricing/staffing/0/charged_share", "1", 10000, 7500,
		 &pr->staff[0].charged_share, 8},
		{"/pricing/packages/1/days", "2", 20000, 15000, &pr->packages[1].days, 8},
	};
	dk_models m = {p, &f.nets, pr};
	bool hit[2][64] = {{false}};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		dk_target t;
		int64_t v;
		char problem[400];
		ck_assert_msg(resolve(&f, cases[i].path, cases[i].value, &t, &v, problem,
				      sizeof problem) == DK_OK,
			      "%s: %s", cases[i].path, problem);
		dk_field_file file;
		const dk_field *fd = field_of_path(cases[i].path, &file);
		ck_assert_msg(fd != NULL, "%s is not in the table", cases[i].path);
		size_t n;
		hit[file][fd - dk_fields(file, &n)] = true;
		ck_assert_int_eq(t.kind, fd->target);
		ck_assert_int_eq(t.decimals, fd->decimals);
		ck_assert_int_eq(t.min, fd->min);
		ck_assert_int_eq(t.max, fd->max);
		ck_assert_int_eq(v, cases[i].set);
		/* reads what the file gave, from the model's own member */
		ck_assert_int_eq(member(cases[i].member, cases[i].size), cases[i].now);
		ck_assert_int_eq(dk_target_get(&t, &m, 0), cases[i].now);
		/* writes there */
		dk_target_set(&t, &m, SIZE_MAX, v);
		ck_assert_int_eq(member(cases[i].member, cases[i].size), cases[i].set);
		ck_assert_int_eq(dk_target_get(&t, &m, 0), cases[i].set);
		dk_target_set(&t, &m, SIZE_MAX, cases[i].now);
	}
	/* and every field with a target has a case */
	static const dk_field_file files[] = {DK_FILE_PLAN, DK_FILE_PRICING};
	for (size_t j = 0; j < 2; j++) {
		size_t n;
		const dk_field *tab = dk_fields(files[j], &n);
		ck_assert_uint_le(n, 64);
		for (size_t i = 0; i < n; i++)
			ck_assert_msg(
				hit[files[j]][i] == (tab[i].target != DK_T_NONE),
				"%s: a target without a case, or the other way round",
				tab[i].path);
	}
	fx_release(&f);
}
END_TEST

START_TEST(other_fields_are_refused)
{
	fx f;
	fx_load(&f);
	static const dk_field_file files[] = {DK_FILE_PLAN, DK_FILE_PRICING};
	size_t refused = 0;
	for (size_t j = 0; j < 2; j++) {
		size_t n;
		const dk_field *tab = dk_fields(files[j], &n);
		for (size_t i = 0; i < n; i++) {
			if (tab[i].target != DK_T_NONE)
				continue;
			char path[200], problem[400];
			size_t o = (size_t)snprintf(path, sizeof path, "%s",
						    j == 0 ? "/plan" : "/pricing");
			for (const char *c = tab[i].path; *c && o + 2 < sizeof path; c++)
				path[o++] = *c == '*' ? '0' : *c;
			path[o] = '\0';
			dk_target t;
			int64_t v;
			ck_assert_int_eq(resolve(&f, path, "1", &t, &v, problem,
						 sizeof problem),
					 DK_EINPUT);
			ck_assert_msg(strstr(problem, "not a field") != NULL, "%s: %s",
				      path, problem);
			refused++;
		}
	}
	ck_assert_uint_eq(refused, 14 + 13); /* /year ... and /institution ... */
	fx_release(&f);
}
END_TEST

START_TEST(lookups)
{
	const char *measure[] = {"frame", "common_measures", "3", "amount"};
	const char *short_path[] = {"frame", "common_measures", "amount"};
	const char *role[] = {"roles", "7", "hourly_cost"};
	ck_assert_str_eq(dk_field_match(DK_FILE_PLAN, measure, 4)->path,
			 "/frame/common_measures/*/amount");
	ck_assert_ptr_null(dk_field_match(DK_FILE_PLAN, short_path, 3));
	ck_assert_ptr_null(dk_field_match(DK_FILE_PRICING, measure, 4));
	ck_assert_str_eq(dk_field_match(DK_FILE_PRICING, role, 3)->path,
			 "/roles/*/hourly_cost");
	ck_assert_ptr_null(dk_field_get(DK_FILE_PLAN, "/frame/common_measures/0/amount"));
	dk_field_file file = DK_FILE_PLAN;
	ck_assert_str_eq(dk_field_of_target(DK_T_PACKAGE_DAYS, &file)->path,
			 "/packages/*/days");
	ck_assert_int_eq(file, DK_FILE_PRICING);
	ck_assert_ptr_null(dk_field_of_target(DK_T_NET_COLUMN, NULL));
	ck_assert_str_eq(dk_field_key(dk_field_get(DK_FILE_PLAN, "/allocation/rounding")),
			 "rounding");
	char buf[80];
	dk_field_choices(dk_field_get(DK_FILE_PLAN, "/allocation/method"), false, buf,
			 sizeof buf);
	ck_assert_str_eq(buf, "prorata, need or status_quo");
	dk_field_choices(dk_field_get(DK_FILE_PRICING, "/project_type"), true, buf,
			 sizeof buf);
	ck_assert_str_eq(buf, "\"oppdrag\" or \"bidrag\"");
}
END_TEST

/* The keys of every object, in the order messages list them. */
static void assert_keys(dk_field_file file, const char *object, const char *want)
{
	dk_field_keys k;
	char got[400] = "";
	size_t o = 0;
	dk_fields_keys(file, object, &k);
	for (size_t i = 0; k.key[i]; i++)
		o += (size_t)snprintf(got + o, sizeof got - o, "%s%s", i ? " " : "",
				      k.key[i]);
	ck_assert_str_eq(got, want);
}

START_TEST(keys_of_the_objects)
{
	assert_keys(DK_FILE_PLAN, "",
		    "year title institutions frame allocation checks decisions");
	assert_keys(DK_FILE_PLAN, "/title", "forum meeting case draft");
	assert_keys(DK_FILE_PLAN, "/institutions/*", "id name aliases");
	assert_keys(DK_FILE_PLAN, "/frame",
		    "total prorata direct common_measures reserve");
	assert_keys(DK_FILE_PLAN, "/frame/direct", "amount split shares amounts weight");
	assert_keys(DK_FILE_PLAN, "/frame/common_measures/*", "name amount");
	assert_keys(
		DK_FILE_PLAN, "/allocation",
		"method base_grant base_share cap_at_need floor_previous surplus rounding");
	assert_keys(DK_FILE_PLAN, "/decisions/*", "network amount reason");
	assert_keys(
		DK_FILE_PRICING, "",
		"institution project_type margin min_margin round_to start_term roles "
		"activities day staffing travel_per_day packages");
	assert_keys(
		DK_FILE_PRICING, "/roles/*",
		"name hourly_cost annual_salary social_cost_rate indirect_per_fte_year "
		"productive_hours");
	assert_keys(DK_FILE_PRICING, "/activities/*", "name factor");
	assert_keys(DK_FILE_PRICING, "/staffing/*", "role persons charged_share");
	assert_keys(DK_FILE_PRICING, "/packages/*",
		    "name days semesters basic addon day");
}
END_TEST

/* The defaults of the table are the models' when a file is silent. */
START_TEST(defaults_are_the_models)
{
	dk_plan p;
	dk_pricing pr;
	dk_plan_init(&p);
	dk_pricing_init(&pr);
	dk_models m = {&p, NULL, &pr};
	size_t n;
	const dk_field *tab = dk_fields(DK_FILE_PLAN, &n);
	size_t checked = 0;
	for (size_t i = 0; i < n; i++) {
		if (tab[i].dflt != DK_DEFAULT_VALUE || tab[i].target == DK_T_NONE ||
		    strchr(tab[i].path, '*'))
			continue;
		dk_target t;
		dk_field_target(&tab[i], 0, &t);
		ck_assert_msg(dk_target_get(&t, &m, 0) == tab[i].def, "%s", tab[i].path);
		checked++;
	}
	ck_assert_uint_eq(checked, 9); /* reserve, split, ... rounding */
	ck_assert_int_eq(p.rounding, 1);
	ck_assert(p.cap_at_need);
	ck_assert_int_eq(pr.round_to, dk_field_get(DK_FILE_PRICING, "/round_to")->def);
	ck_assert_int_eq(pr.round_to, 10000); /* 100 kr */
	ck_assert_int_eq(pr.min_margin,
			 dk_field_get(DK_FILE_PRICING, "/min_margin")->def);
	ck_assert_int_eq(pr.margin, 0);
	ck_assert_int_eq(pr.travel_per_day, 0);
	for (int k = 0; k < 3; k++)
		ck_assert_str_eq(
			dk_method_name((dk_method)k),
			dk_field_get(DK_FILE_PLAN, "/allocation/method")->names[k]);
	for (int k = 0; k < 4; k++)
		ck_assert_str_eq(
			dk_split_name((dk_split)k),
			dk_field_get(DK_FILE_PLAN, "/frame/direct/split")->names[k]);
	dk_plan_release(&p);
	dk_pricing_release(&pr);

	/* a derived role, a staffing line and a package the template says
	 * little about: 0.23, 451 000 kr, 1 628 hours; 1 person charged in
	 * full; 1 semester */
	static const char text[] =
		"{\"institution\": \"NTNU\", \"project_type\": \"oppdrag\", \"start_term\": \"V2023\",\n"
		" \"roles\": [{\"name\": \"ny\", \"annual_salary\": 600000}],\n"
		" \"activities\": [{\"name\": \"seminar\", \"factor\": 3}], \"day\": {\"seminar\": 2},\n"
		" \"staffing\": [{\"role\": \"ny\"}],\n"
		" \"packages\": [{\"name\": \"grunnpakke\", \"days\": 4, \"basic\": true}]}\n";
	dk_input in;
	dk_error d;
	dk_error_init(&d);
	dk_test_input(&in, "t.json", text);
	ck_assert_int_eq(dk_pricing_read(&in, &pr, &d), DK_OK);
	ck_assert_int_eq(pr.roles[0].social_cost_rate, 2300);
	ck_assert_int_eq(pr.roles[0].indirect, INT64_C(45100000));
	ck_assert_int_eq(pr.roles[0].productive_hours, 1628 * DK_E4);
	ck_assert_int_eq(pr.staff[0].persons, DK_E4);
	ck_assert_int_eq(pr.staff[0].charged_share, DK_E4);
	ck_assert_int_eq(pr.packages[0].semesters, 1);
	ck_assert_int_eq(pr.type, DK_OPPDRAG);
	dk_pricing_release(&pr);
	dk_input_release(&in);
	dk_error_release(&d);
}
END_TEST

/* Replaces the first `from` in plan_text with `to`. */
static void plan_with(const char *from, const char *to, char *buf, size_t size)
{
	const char *at = strstr(plan_text, from);
	ck_assert_ptr_nonnull(at);
	snprintf(buf, size, "%.*s%s%s", (int)(at - plan_text), plan_text, to,
		 at + strlen(from));
}

static void assert_plan(const char *from, const char *to, const char *problem)
{
	char text[2048], got[400];
	dk_plan p;
	plan_with(from, to, text, sizeof text);
	dk_status st = read_plan(text, &p, got, sizeof got);
	ck_assert_int_eq(st, problem ? DK_EINPUT : DK_OK);
	if (problem)
		ck_assert_msg(strstr(got, problem) != NULL, "%s: %s", to, got);
	dk_plan_release(&p);
}

static void assert_pricing(const char *share, const char *hours, const char *semesters,
			   const char *day, const char *problem)
{
	char got[400];
	dk_pricing pr;
	dk_status st = read_pricing(share, hours, semesters, day, &pr, got, sizeof got);
	ck_assert_int_eq(st, problem ? DK_EINPUT : DK_OK);
	if (problem)
		ck_assert_msg(strstr(got, problem) != NULL, "%s", got);
	dk_pricing_release(&pr);
}

START_TEST(ranges_at_the_boundaries)
{
	/* the table says, in numbers a person can check */
	ck_assert_int_eq(dk_field_get(DK_FILE_PLAN, "/frame/prorata")->max,
			 INT64_C(1000000000000));
	ck_assert_int_eq(dk_field_get(DK_FILE_PLAN, "/allocation/floor_previous")->max,
			 10000000);
	ck_assert_int_eq(dk_field_get(DK_FILE_PLAN, "/allocation/rounding")->min, 1);
	ck_assert_int_eq(dk_field_get(DK_FILE_PRICING, "/staffing/*/charged_share")->max,
			 10000);
	ck_assert_int_eq(dk_field_get(DK_FILE_PRICING, "/roles/*/productive_hours")->max,
			 INT64_C(87840000));
	ck_assert_int_eq(dk_field_get(DK_FILE_PRICING, "/packages/*/semesters")->max, 12);

	/* the plan reader: the maximum is read, one step above is not */
	assert_plan("\"prorata\": 1500000", "\"prorata\": 1000000000000", NULL);
	assert_plan("\"prorata\": 1500000", "\"prorata\": 1000000000001",
		    "frame.prorata: 1000000000001 is too large; expected at most "
		    "1 000 000 000 000");
	assert_plan("\"floor_previous\": 0.5", "\"floor_previous\": 10", NULL);
	assert_plan("\"floor_previous\": 0.5", "\"floor_previous\": 10.000001",
		    "allocation.floor_previous: 10.000001 is out of range; expected a "
		    "number from 0 to 10");
	assert_plan("\"rounding\": 100", "\"rounding\": 1", NULL);
	assert_plan("\"rounding\": 100", "\"rounding\": 0",
		    "allocation.rounding: 0; expected a unit of 1 krone or more");
	assert_plan("\"method\": \"prorata\"", "\"method\": \"behov\"",
		    "allocation.method: \"behov\" is not one of the choices; expected "
		    "prorata, need or status_quo");
	assert_plan("\"year\": 2022", "\"year\": 9999", NULL);
	assert_plan("\"year\": 2022", "\"year\": 10000", "year: 10000 is not a year");

	/* the template reader */
	assert_pricing("1", "8784", "12", "24", NULL);
	assert_pricing("1.0001", "1600", "2", "2", "charged_share: 1.0001 is too large");
	assert_pricing("0.75", "8784.0001", "2", "2",
		       "productive_hours: 8784.0001 is too large");
	assert_pricing("0.75", "0", "2", "2",
		       "productive_hours: 0; expected the hours a full-time person works "
		       "in a year, such as 1628");
	assert_pricing("0.75", "1600", "13", "2", "semesters: 13 is too large");
	assert_pricing("0.75", "1600", "0", "2", "semesters: 0; expected 1 to 12");
	assert_pricing(
		"0.75", "1600", "2", "24.0001",
		"day: 'forelesning' has 24.0001 hours; a delivery day has at most 24");

	/* the scenario reader, with the same ranges */
	fx f;
	fx_load(&f);
	dk_target t;
	int64_t v;
	char got[400];
	ck_assert_int_eq(resolve(&f, "/plan/allocation/base_share", "1", &t, &v, got,
				 sizeof got),
			 DK_OK);
	ck_assert_int_eq(v, 1000000);
	ck_assert_int_eq(resolve(&f, "/plan/allocation/base_share", "1.000001", &t, &v,
				 got, sizeof got),
			 DK_EINPUT);
	ck_assert_ptr_nonnull(strstr(got,
				     "1.000001 is not a number from 0.000000 to "
				     "1.000000, as /plan/allocation/base_share takes"));
	ck_assert_int_eq(resolve(&f, "/pricing/packages/0/days", "1000", &t, &v, got,
				 sizeof got),
			 DK_OK);
	ck_assert_int_eq(resolve(&f, "/pricing/packages/0/days", "0", &t, &v, got,
				 sizeof got),
			 DK_EINPUT);
	ck_assert_int_eq(resolve(&f, "/plan/frame/common_measures/2/amount", "1", &t, &v,
				 got, sizeof got),
			 DK_EINPUT);
	ck_assert_ptr_nonnull(strstr(got,
				     "the plan has 2 common measures, numbered from 0; "
				     "'2' is not one of them"));
	ck_assert_int_eq(resolve(&f, "/pricing/roles/1/annual_salary", "1", &t, &v, got,
				 sizeof got),
			 DK_EINPUT);
	ck_assert_ptr_nonnull(strstr(got,
				     "role 'lektor' is priced by hourly_cost; set "
				     "/pricing/roles/1/hourly_cost instead"));
	fx_release(&f);
}
END_TEST

int main(void)
{
	dk_i18n_set_english(true); /* the English messages are asserted */
	Suite *s = suite_create("fields");
	TCase *tc = tcase_create("fields");
	tcase_add_test(tc, every_settable_field_is_a_target);
	tcase_add_test(tc, other_fields_are_refused);
	tcase_add_test(tc, lookups);
	tcase_add_test(tc, keys_of_the_objects);
	tcase_add_test(tc, defaults_are_the_models);
	tcase_add_test(tc, ranges_at_the_boundaries);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

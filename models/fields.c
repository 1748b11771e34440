/*
 * fields.c: the plan's and the price template's fields (see fields.h).
 *
 * Each table lists the file's leaves depth first, in the order the readers
 * have always listed their keys, because an object's keys are derived from
 * it and unknown-key messages list them in that order. Ranges are the ones
 * the readers enforce: amounts in kroner from 0 to 10^12 (DK_KR_MAX), money
 * of the template in øre to the same 10^12 kroner, shares and ratios in
 * millionths, the template's factors, hours, days, persons and rates in
 * ten-thousandths. A minimum above 0 is where 0 makes no sense (a rounding
 * unit, a package of no days); the readers say so in their own words.
 */
#include "models/fields.h"
#include "models/msgid.h"

#include <stdio.h>
#include <string.h>

#include "models/money.h"
#include "models/pricing.h"

#define MONEY_MAX (DK_KR_MAX * 100) /* the template's money, in øre */

static const char *const split_names[] = {"equal", "shares", "amounts", "by_up1", NULL};
static const char *const weight_names[] = {"network", "fte", NULL};
static const char *const method_names[] = {"prorata", "need", "status_quo", NULL};
static const char *const surplus_names[] = {"redistribute", "reserve", NULL};
static const char *const type_names[] = {"oppdrag", "bidrag", NULL};

/* Shorthands for the entries: an amount in whole kroner, a share in
 * millionths, money in øre, a figure in ten-thousandths, a bool, an enum,
 * a text. */
#define KR(min, dflt, def, target) \
	DK_FIELD_NUMBER, NULL, 0, (min), DK_KR_MAX, "kr", (dflt), (def), NULL, (target)
#define SHARE(max, def, target) \
	DK_FIELD_NUMBER, NULL, 6, 0, (max), NULL, DK_DEFAULT_VALUE, (def), NULL, (target)
#define MONEY(min, dflt, def, target) \
	DK_FIELD_NUMBER, NULL, 2, (min), MONEY_MAX, "kr", (dflt), (def), NULL, (target)
#define E4(min, max, unit, dflt, def, target) \
	DK_FIELD_NUMBER, NULL, 4, (min), (max), (unit), (dflt), (def), NULL, (target)
#define BOOL(def, target) \
	DK_FIELD_BOOL, NULL, 0, 0, 1, NULL, DK_DEFAULT_VALUE, (def), NULL, (target)
#define ENUM(names, n, dflt, def, target) \
	DK_FIELD_ENUM, (names), 0, 0, (n)-1, NULL, (dflt), (def), NULL, (target)
#define TEXT(dflt) DK_FIELD_TEXT, NULL, 0, 0, 0, NULL, (dflt), 0, NULL, DK_T_NONE

#define REQ DK_DEFAULT_REQUIRED
#define NONE DK_DEFAULT_NONE
#define VAL DK_DEFAULT_VALUE

/* clang-format off */
static const dk_field plan_fields[] = {
	{"/year", DK_FIELD_NUMBER, NULL, 0, 1900, 9999, NULL, NONE, 0, NULL, DK_T_NONE,
	 N_("the plan year; makes 2021 and 'Meldt behov for 2022' aliases")},
	{"/title/forum", TEXT(NONE), N_("the forum's name, at the top of reports")},
	{"/title/meeting", TEXT(NONE), N_("the meeting, at the top of reports")},
	{"/title/case", TEXT(NONE), N_("the case number, at the top of reports")},
	{"/title/draft", BOOL(0, DK_T_NONE), N_("the reports are a draft")},
	{"/institutions/*/id", TEXT(REQ),
	 N_("an institution: a column name of the networks file, unique")},
	{"/institutions/*/name", TEXT(NONE), N_("its full name, used in reports")},
	{"/institutions/*/aliases/*", TEXT(NONE), N_("other column names for it, unique")},
	{"/frame/total", KR(0, NONE, 0, DK_T_FRAME_TOTAL), N_("T, the whole grant")},
	{"/frame/prorata", DK_FIELD_NUMBER, NULL, 0, 0, DK_KR_MAX, "kr", NONE, 0,
	 "T − D − ΣC − R", DK_T_FRAME_PRORATA,
	 N_("F, allocated to the networks (or give the total)")},
	{"/frame/direct/amount", KR(0, REQ, 0, DK_T_DIRECT_AMOUNT),
	 N_("D, paid to the institutions directly (no frame.direct: D = 0)")},
	{"/frame/direct/split", ENUM(split_names, 4, VAL, DK_SPLIT_EQUAL, DK_T_DIRECT_SPLIT),
	 N_("how D is split: equally, by shares or amounts, or by UP1")},
	{"/frame/direct/shares/*", SHARE(DK_RATIO_ONE, 0, DK_T_NONE),
	 N_("split shares: institution *'s share; they sum to 1 exactly")},
	{"/frame/direct/amounts/*", KR(0, VAL, 0, DK_T_NONE),
	 N_("split amounts: institution *'s amount; they sum to D exactly")},
	{"/frame/direct/weight", ENUM(weight_names, 2, VAL, DK_UP1_WEIGHT_NETWORK,
				      DK_T_DIRECT_WEIGHT),
	 N_("split by_up1: a network's UP1 weighs 1, or its teacher FTE")},
	{"/frame/common_measures/*/name", TEXT(REQ), N_("a common measure's name")},
	{"/frame/common_measures/*/amount", KR(0, REQ, 0, DK_T_MEASURE_AMOUNT),
	 N_("C, its amount")},
	{"/frame/reserve", KR(0, VAL, 0, DK_T_FRAME_RESERVE), N_("R, held back")},
	{"/allocation/method", ENUM(method_names, 3, REQ, 0, DK_T_METHOD),
	 N_("how F is allocated (RULES.md §4)")},
	{"/allocation/base_grant", KR(0, VAL, 0, DK_T_BASE_GRANT),
	 N_("base grant B of prorata, in kroner (not with base_share)")},
	{"/allocation/base_share", SHARE(DK_RATIO_ONE, 0, DK_T_BASE_SHARE),
	 N_("B as a share of F (not with base_grant)")},
	{"/allocation/cap_at_need", BOOL(1, DK_T_CAP_AT_NEED),
	 N_("cap each network at its need")},
	{"/allocation/floor_previous", SHARE(10 * DK_RATIO_ONE, 0, DK_T_FLOOR_PREVIOUS),
	 N_("a floor, as a share of last year's amount")},
	{"/allocation/surplus", ENUM(surplus_names, 2, VAL, 0, DK_T_SURPLUS),
	 N_("what F leaves when every network is capped")},
	{"/allocation/rounding", KR(1, VAL, 1, DK_T_ROUNDING),
	 N_("the rounding unit, in kroner")},
	{"/checks/*/off", BOOL(0, DK_T_CHECK_OFF),
	 N_("turns check * off (its parameters: dekom help checks)")},
	{"/decisions/*/network", TEXT(REQ), N_("a decision: a network of the networks file")},
	{"/decisions/*/amount", KR(0, REQ, 0, DK_T_NONE),
	 N_("the forum's amount for it (RULES.md §9)")},
	{"/decisions/*/reason", TEXT(REQ), N_("why the forum departs from the method")},
};
/* clang-format on */

/* clang-format off */
static const dk_field pricing_fields[] = {
	{"/institution", TEXT(REQ), N_("an institution id of the plan (for the budgets)")},
	{"/project_type", ENUM(type_names, 2, REQ, 0, DK_T_NONE),
	 N_("oppdrag: full cost and profit; bidrag: may be below full cost")},
	{"/margin", E4(0, 10 * DK_E4, NULL, VAL, 0, DK_T_PRICE_MARGIN),
	 N_("the margin on cost")},
	{"/min_margin", E4(0, 10 * DK_E4, NULL, VAL, 500, DK_T_NONE),
	 N_("the least margin an oppdrag should carry (margin-low)")},
	{"/round_to", MONEY(1, VAL, 100 * 100, DK_T_PRICE_ROUND_TO),
	 N_("prices are rounded up to a multiple of this")},
	{"/start_term", TEXT(REQ),
	 N_("the first invoice's term: H2022 (autumn), V2023 (spring)")},
	{"/roles/*/name", TEXT(REQ), N_("a role of the staff")},
	{"/roles/*/hourly_cost", MONEY(0, NONE, 0, DK_T_ROLE_HOURLY),
	 N_("full cost per hour; a role has this or annual_salary")},
	{"/roles/*/annual_salary", MONEY(0, NONE, 0, DK_T_ROLE_SALARY),
	 N_("a year's salary; with the three below, gives the hourly cost")},
	{"/roles/*/social_cost_rate", E4(0, 10 * DK_E4, NULL, VAL, 2300, DK_T_ROLE_SOCIAL),
	 N_("social costs, as a share of the salary")},
	{"/roles/*/indirect_per_fte_year",
	 MONEY(0, VAL, INT64_C(451000) * 100, DK_T_ROLE_INDIRECT),
	 N_("indirect costs of a full-time year")},
	{"/roles/*/productive_hours",
	 E4(1, 8784 * DK_E4, N_("hours"), VAL, 1628 * DK_E4, DK_T_ROLE_HOURS),
	 N_("the hours a full-time person works in a year")},
	{"/activities/*/name", TEXT(REQ), N_("an activity")},
	{"/activities/*/factor", E4(0, 1000 * DK_E4, NULL, REQ, 0, DK_T_ACTIVITY_FACTOR),
	 N_("hours of work per delivered hour")},
	{"/day/*", E4(0, 24 * DK_E4, N_("hours"), NONE, 0, DK_T_NONE),
	 N_("a delivery day: delivered hours of activity *, at most 24 in all")},
	{"/staffing/*/role", TEXT(REQ), N_("who comes: a role of the template")},
	{"/staffing/*/persons", E4(0, 1000 * DK_E4, NULL, VAL, DK_E4, DK_T_STAFF_PERSONS),
	 N_("how many of that role")},
	{"/staffing/*/charged_share", E4(0, DK_E4, NULL, VAL, DK_E4, DK_T_STAFF_SHARE),
	 N_("the share charged; the rest is the institution's own investment")},
	{"/travel_per_day", MONEY(0, VAL, 0, DK_T_PRICE_TRAVEL), N_("a fixed sum per delivery day")},
	{"/packages/*/name", TEXT(REQ), N_("a package on offer")},
	{"/packages/*/days", E4(1, 1000 * DK_E4, N_("days"), REQ, 0, DK_T_PACKAGE_DAYS),
	 N_("its delivery days")},
	{"/packages/*/semesters", DK_FIELD_NUMBER, NULL, 0, 1, 12, NULL, VAL, 1, NULL,
	 DK_T_NONE, N_("the terms it is invoiced over")},
	{"/packages/*/basic", BOOL(0, DK_T_NONE), N_("the basic package (exactly one)")},
	{"/packages/*/addon", BOOL(0, DK_T_NONE), N_("sold only with a basic package")},
	{"/packages/*/day/*", E4(0, 24 * DK_E4, N_("hours"), NONE, 0, DK_T_NONE),
	 N_("its own delivery day, instead of the template's")},
};
/* clang-format on */

/* The checks' numeric parameters, by kind: amounts, and shares or
 * percentage points up to 100 (in millionths). */
/* clang-format off */
static const dk_field param_fields[] = {
	{"/checks/*/*", KR(0, VAL, 0, DK_T_CHECK_PARAM), N_("a check's amount")},
	{"/checks/*/*", SHARE(100 * DK_RATIO_ONE, 0, DK_T_CHECK_PARAM),
	 N_("a check's share or percentage points")},
};
/* clang-format on */

const dk_field *dk_field_of_param(dk_param_kind kind)
{
	switch (kind) {
	case DK_PARAM_AMOUNT: return &param_fields[0];
	case DK_PARAM_RATIO:
	case DK_PARAM_PP: return &param_fields[1];
	default: return NULL;
	}
}

const dk_field *dk_fields(dk_field_file file, size_t *n)
{
	if (file == DK_FILE_PLAN) {
		*n = sizeof plan_fields / sizeof plan_fields[0];
		return plan_fields;
	}
	*n = sizeof pricing_fields / sizeof pricing_fields[0];
	return pricing_fields;
}

const dk_field *dk_field_get(dk_field_file file, const char *pattern)
{
	size_t n;
	const dk_field *t = dk_fields(file, &n);
	for (size_t i = 0; i < n; i++)
		if (strcmp(t[i].path, pattern) == 0)
			return &t[i];
	return NULL;
}

/* Whether pattern (a table path) has exactly the n segments seg. */
static bool matches(const char *pattern, const char *const *seg, size_t n)
{
	const char *p = pattern;
	for (size_t k = 0; k < n; k++) {
		if (*p != '/')
			return false;
		p++;
		size_t len = strcspn(p, "/");
		if (!(len == 1 && p[0] == '*') &&
		    (strlen(seg[k]) != len || memcmp(p, seg[k], len) != 0))
			return false;
		p += len;
	}
	return *p == '\0';
}

const dk_field *dk_field_match(dk_field_file file, const char *const *seg, size_t n)
{
	size_t count;
	const dk_field *t = dk_fields(file, &count);
	for (size_t i = 0; i < count; i++)
		if (matches(t[i].path, seg, n))
			return &t[i];
	return NULL;
}

const dk_field *dk_field_of_target(dk_target_kind kind, dk_field_file *file)
{
	static const dk_field_file files[] = {DK_FILE_PLAN, DK_FILE_PRICING};
	if (kind == DK_T_NONE)
		return NULL;
	for (size_t j = 0; j < 2; j++) {
		size_t n;
		const dk_field *t = dk_fields(files[j], &n);
		for (size_t i = 0; i < n; i++)
			if (t[i].target == kind) {
				if (file)
					*file = files[j];
				return &t[i];
			}
	}
	return NULL;
}

const char *dk_field_key(const dk_field *f)
{
	return strrchr(f->path, '/') + 1;
}

void dk_fields_keys(dk_field_file file, const char *object, dk_field_keys *out)
{
	size_t n, nk = 0, o = 0, len = strlen(object);
	const dk_field *t = dk_fields(file, &n);
	for (size_t i = 0; i < n; i++) {
		const char *p = t[i].path;
		if (strncmp(p, object, len) != 0 || p[len] != '/')
			continue;
		p += len + 1;
		size_t klen = strcspn(p, "/");
		bool seen = false;
		for (size_t k = 0; k < nk && !seen; k++)
			seen = strlen(out->key[k]) == klen &&
				memcmp(out->key[k], p, klen) == 0;
		if (seen || nk == DK_FIELD_KEYS_MAX || o + klen + 1 > sizeof out->text)
			continue;
		memcpy(out->text + o, p, klen);
		out->text[o + klen] = '\0';
		out->key[nk++] = out->text + o;
		o += klen + 1;
	}
	out->key[nk] = NULL;
}

void dk_field_choices(const dk_field *f, bool quoted, char *buf, size_t size)
{
	const char *q = quoted ? "\"" : "";
	size_t o = 0;
	if (size == 0)
		return;
	buf[0] = '\0';
	for (int k = 0; f->names && f->names[k] && o < size; k++)
		o += (size_t)snprintf(buf + o, size - o, "%s%s%s%s",
				      k == 0                    ? ""
					      : f->names[k + 1] ? ", "
								: " or ",
				      q, f->names[k], q);
}

void dk_field_target(const dk_field *f, int index, dk_target *t)
{
	memset(t, 0, sizeof *t);
	t->kind = f->target;
	t->index = index;
	t->decimals = f->decimals;
	t->min = f->min;
	t->max = f->max;
}

/*
 * finding.c: the table of checks (see finding.h). Defaults are those of
 * RULES.md section 5.
 */
#include "models/finding.h"
#include "models/msgid.h"

#include <string.h>

#define NOPARAM                                 \
	{                                       \
		NULL, DK_PARAM_AMOUNT, 0, false \
	}

/* clang-format off */
static const dk_check_def table[DK_CHECK_COUNT] = {
	{DK_CHECK_FRAME_SUM, "frame-sum", N_("Frame sum"), DK_SEV_ERROR, {NOPARAM, NOPARAM},
	 N_("F + D + sum of common measures + R = T; F not negative")},
	{DK_CHECK_FRAME_INFEASIBLE, "frame-infeasible", N_("Frame not enough"), DK_SEV_ERROR,
	 {NOPARAM, NOPARAM}, N_("bases and floors exceed the pro-rata frame")},
	{DK_CHECK_FRAME_OVERRUN, "frame-overrun", N_("Over the frame"), DK_SEV_ERROR, {NOPARAM, NOPARAM},
	 N_("sum of recommended, or of stated recommended, above the frame")},
	{DK_CHECK_FRAME_UNUSED, "frame-unused", N_("Not allocated"), DK_SEV_INFO, {NOPARAM, NOPARAM},
	 N_("part of the frame is not allocated")},
	{DK_CHECK_ROW_SUM, "row-sum", N_("Row sum"), DK_SEV_ERROR,
	 {{"tolerance", DK_PARAM_AMOUNT, 0, false}, NOPARAM},
	 N_("own + coordinator + UP2 + other = need")},
	{DK_CHECK_STATED_SHARE, "stated-share", N_("Stated share"), DK_SEV_WARNING,
	 {{"tolerance_pp", DK_PARAM_PP, 1000000, false}, NOPARAM},
	 N_("stated percentages match the amounts")},
	{DK_CHECK_STATED_TOTAL, "stated-total", N_("Stated total"), DK_SEV_ERROR,
	 {{"tolerance", DK_PARAM_AMOUNT, 0, false}, NOPARAM},
	 N_("a totals row equals its column sums")},
	{DK_CHECK_STATED_RECOMMENDATION, "stated-recommendation", N_("Stated recommendation"), DK_SEV_WARNING,
	 {{"tolerance", DK_PARAM_AMOUNT, 0, false}, NOPARAM},
	 N_("a stated recommendation equals the computed one")},
	{DK_CHECK_OVER_NEED, "over-need", N_("Over reported need"), DK_SEV_ERROR, {NOPARAM, NOPARAM},
	 N_("a recommendation above the reported need")},
	{DK_CHECK_SELF_FINANCING, "self-financing", N_("Self-financing"), DK_SEV_WARNING,
	 {{"min_ratio", DK_PARAM_RATIO, 300000, false},
	  {"base", DK_PARAM_BASE, 0, false}},
	 N_("self-financing at least min_ratio times the grant")},
	{DK_CHECK_COORDINATOR_SHARE, "coordinator-share", N_("Coordinator share"), DK_SEV_WARNING,
	 {{"max_share", DK_PARAM_RATIO, 250000, false}, NOPARAM},
	 N_("coordinator at most max_share of the need")},
	{DK_CHECK_UH_UNIDENTIFIED, "uh-unidentified", N_("University not chosen"), DK_SEV_WARNING,
	 {NOPARAM, NOPARAM}, N_("UP2 money with no university chosen")},
	{DK_CHECK_UH_SHARE, "uh-share", N_("University share"), DK_SEV_INFO,
	 {{"min", DK_PARAM_RATIO, 0, true}, {"max", DK_PARAM_RATIO, 0, true}},
	 N_("UH share within [min, max]")},
	{DK_CHECK_YEAR_CHANGE, "year-change", N_("Change from last year"), DK_SEV_WARNING,
	 {{"max_change", DK_PARAM_RATIO, 250000, false}, NOPARAM},
	 N_("change from last year at most max_change")},
	{DK_CHECK_UP1_ASSIGNMENT, "up1-assignment", N_("UP1 assignment"), DK_SEV_ERROR, {NOPARAM, NOPARAM},
	 N_("UP1 shares sum to 1 and name institutions of the plan")},
	{DK_CHECK_TOTALS_LIKE_ROW, "totals-like-row", N_("Looks like a totals row"), DK_SEV_ERROR,
	 {NOPARAM, NOPARAM},
	 N_("a network row whose need is the sum of the other rows' need")},
	{DK_CHECK_DECISION, "decision", N_("The forum's decision"), DK_SEV_INFO, {NOPARAM, NOPARAM},
	 N_("the forum's own amount for a network, against the method's")},
	{DK_CHECK_CRITERIA, "criteria", N_("Criteria"), DK_SEV_WARNING,
	 {{"nei", DK_PARAM_SEVERITY, DK_SEV_WARNING, false},
	  {"delvis", DK_PARAM_SEVERITY, DK_SEV_INFO, false}},
	 N_("a judged criterion answered nei or delvis")},
	{DK_CHECK_KEY_DEVIATION, "key-deviation", N_("Off the key"), DK_SEV_WARNING,
	 {{"k", DK_PARAM_RATIO, 2000000, false}, NOPARAM},
	 N_("calibrate: last year at most k residual sds off the base + FTE key")},
	{DK_CHECK_PRICE_BELOW_COST, "price-below-cost", N_("Price below cost"), DK_SEV_ERROR,
	 {NOPARAM, NOPARAM},
	 N_("price below full cost (error for oppdrag, info for bidrag)")},
	{DK_CHECK_MARGIN_LOW, "margin-low", N_("Low margin"), DK_SEV_WARNING, {NOPARAM, NOPARAM},
	 N_("oppdrag margin under the template's min_margin")},
	{DK_CHECK_ADDON_PER_DAY, "addon-per-day", N_("Add-on cheaper per day"), DK_SEV_WARNING,
	 {NOPARAM, NOPARAM}, N_("an add-on cheaper per day than the basic package")},
	{DK_CHECK_FACTOR_RANGE, "factor-range", N_("Workload factor outside 1 to 8"), DK_SEV_WARNING, {NOPARAM, NOPARAM},
	 N_("a workload factor below 1 or above 8")},
};
/* clang-format on */

const dk_check_def *dk_checks(void)
{
	return table;
}

int dk_check_find(const char *name)
{
	for (int i = 0; i < DK_CHECK_COUNT; i++)
		if (strcmp(table[i].name, name) == 0)
			return i;
	return -1;
}

bool dk_check_is_price(dk_check_id id)
{
	return id >= DK_CHECK_PRICE_BELOW_COST;
}

void dk_check_conf_defaults(dk_check_conf conf[DK_CHECK_COUNT])
{
	for (int i = 0; i < DK_CHECK_COUNT; i++) {
		memset(&conf[i], 0, sizeof conf[i]);
		conf[i].severity = table[i].severity;
		for (int k = 0; k < DK_CHECK_PARAMS; k++) {
			conf[i].param[k] = table[i].params[k].value;
			conf[i].param_set[k] = table[i].params[k].name &&
				!table[i].params[k].unset;
		}
	}
}

static const char *const severity_names[] = {"info", "warning", "error"};

const char *dk_severity_name(dk_severity s)
{
	return severity_names[s];
}

bool dk_severity_parse(const char *text, dk_severity *out)
{
	for (int i = 0; i < 3; i++)
		if (strcmp(text, severity_names[i]) == 0) {
			*out = (dk_severity)i;
			return true;
		}
	return false;
}

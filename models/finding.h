/*
 * finding.h: the consistency checks of RULES.md section 5, and a finding.
 *
 * dk_checks() is the one table of check ids, their default severities and
 * their parameters with defaults: the plan reader validates `checks` against
 * it, the engine reads parameters through it, and the docs list it. A
 * parameter value is a scaled integer: kroner for amounts, millionths for
 * ratios and percentage points, a dk_severity or an enum index otherwise.
 */
#ifndef DK_FINDING_H
#define DK_FINDING_H

#include <stdbool.h>
#include <stdint.h>

#include "models/money.h"

typedef enum { DK_SEV_INFO, DK_SEV_WARNING, DK_SEV_ERROR } dk_severity;

typedef enum {
	DK_CHECK_FRAME_SUM,
	DK_CHECK_FRAME_INFEASIBLE,
	DK_CHECK_FRAME_OVERRUN,
	DK_CHECK_FRAME_UNUSED,
	DK_CHECK_ROW_SUM,
	DK_CHECK_STATED_SHARE,
	DK_CHECK_STATED_TOTAL,
	DK_CHECK_STATED_RECOMMENDATION,
	DK_CHECK_OVER_NEED,
	DK_CHECK_SELF_FINANCING,
	DK_CHECK_COORDINATOR_SHARE,
	DK_CHECK_UH_UNIDENTIFIED,
	DK_CHECK_UH_SHARE,
	DK_CHECK_YEAR_CHANGE,
	DK_CHECK_UP1_ASSIGNMENT,
	DK_CHECK_TOTALS_LIKE_ROW,
	DK_CHECK_DECISION,           /* the forum's decisions (section 9) */
	DK_CHECK_CRITERIA,
	DK_CHECK_KEY_DEVIATION,      /* calibrate (RULES.md section 8) */
	DK_CHECK_PRICE_BELOW_COST,   /* price checks (RULES.md section 6) */
	DK_CHECK_MARGIN_LOW,
	DK_CHECK_ADDON_PER_DAY,
	DK_CHECK_FACTOR_RANGE,
	DK_CHECK_COUNT
} dk_check_id;

typedef enum {
	DK_PARAM_AMOUNT,    /* whole kroner */
	DK_PARAM_RATIO,     /* a share, in millionths */
	DK_PARAM_PP,        /* percentage points, in millionths of a point */
	DK_PARAM_SEVERITY,  /* "error", "warning" or "info" */
	DK_PARAM_BASE       /* "recommended" or "need" */
} dk_param_kind;

#define DK_CHECK_PARAMS 2

typedef struct {
	const char *name;
	dk_param_kind kind;
	int64_t value;      /* default */
	bool unset;         /* no default: the check is off until it is set */
} dk_param_def;

typedef struct {
	dk_check_id id;
	const char *name;
	dk_severity severity;
	dk_param_def params[DK_CHECK_PARAMS];  /* name NULL when unused */
	const char *rule;                      /* in words, for docs and help */
} dk_check_def;

/* A check's settings after the plan: defaults overridden by `checks`. */
typedef struct {
	bool off;
	dk_severity severity;
	int64_t param[DK_CHECK_PARAMS];
	bool param_set[DK_CHECK_PARAMS];   /* has a value (a default or the
					      plan's) */
	bool by_plan[DK_CHECK_PARAMS];     /* the plan set it: messages say
					      whose limit it is */
} dk_check_conf;

const dk_check_def *dk_checks(void);          /* DK_CHECK_COUNT entries */
int dk_check_find(const char *name);          /* index or -1 */
/* True for the checks of a price template, which a plan does not set. */
bool dk_check_is_price(dk_check_id id);
void dk_check_conf_defaults(dk_check_conf conf[DK_CHECK_COUNT]);

const char *dk_severity_name(dk_severity s);
/* The severity in words for people: "feil", "advarsel", "info" in
 * Norwegian, the name otherwise. */
const char *dk_severity_label(dk_severity s, bool english);
bool dk_severity_parse(const char *text, dk_severity *out);

/* One finding. Numeric fields are scaled by `scale` (10^scale: 0 for
 * kroner, 2 for percent in hundredths, 6 for ratios); `has_numbers` is
 * false where a check compares no numbers. */
typedef struct {
	dk_check_id check;
	dk_severity severity;
	long network;        /* index into the networks table, -1: the plan */
	long package;        /* price checks: index into the template's
				packages, -1: the template or no package */
	const char *field;   /* column meant, or NULL (static string) */
	bool has_numbers;
	int scale;
	int64_t expected, actual, difference;
	char *message;       /* owned, English */
	char *message_nb;    /* owned, Norwegian */
} dk_finding;

#endif

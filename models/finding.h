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
	DK_CHECK_DECISION, /* the forum's decisions (section 9) */
	DK_CHECK_CRITERIA,
	DK_CHECK_KEY_DEVIATION,    /* calibrate (RULES.md section 8) */
	DK_CHECK_PRICE_BELOW_COST, /* price checks (RULES.md section 6) */
	DK_CHECK_MARGIN_LOW,
	DK_CHECK_ADDON_PER_DAY,
	DK_CHECK_FACTOR_RANGE,
	DK_CHECK_COUNT
} dk_check_id;

typedef enum {
	DK_PARAM_AMOUNT,   /* whole kroner */
	DK_PARAM_RATIO,    /* a share, in millionths */
	DK_PARAM_PP,       /* percentage points, in millionths of a point */
	DK_PARAM_SEVERITY, /* "error", "warning" or "info" */
	DK_PARAM_BASE      /* "recommended" or "need" */
} dk_param_kind;

#define DK_CHECK_PARAMS 2

typedef struct {
	const char *name;
	dk_param_kind kind;
	int64_t value; /* default */
	bool unset;    /* no default: the check is off until it is set */
} dk_param_def;

typedef struct {
	dk_check_id id;
	const char *name;  /* the id, in the plan and JSON */
	const char *title; /* for people: an English
						  message id, translated by io/
						  ("Row sum": «Radsum») */
	dk_severity severity;
	dk_param_def params[DK_CHECK_PARAMS]; /* name NULL when unused */
	const char *rule;                     /* in words, for docs and help */
} dk_check_def;

/* A check's settings after the plan: defaults overridden by `checks`. */
typedef struct {
	bool off;
	dk_severity severity;
	int64_t param[DK_CHECK_PARAMS];
	bool param_set[DK_CHECK_PARAMS]; /* has a value (a default or the
					      plan's) */
	bool by_plan[DK_CHECK_PARAMS];   /* the plan set it: messages say
					      whose limit it is */
} dk_check_conf;

const dk_check_def *dk_checks(void); /* DK_CHECK_COUNT entries */
int dk_check_find(const char *name); /* index or -1 */
/* True for the checks of a price template, which a plan does not set. */
bool dk_check_is_price(dk_check_id id);
void dk_check_conf_defaults(dk_check_conf conf[DK_CHECK_COUNT]);

/* The severity's name ("warning"), as JSON and the plan write it; in
 * words for people: dk_severity_label (io/report.h, from the catalogue). */
const char *dk_severity_name(dk_severity s);
bool dk_severity_parse(const char *text, dk_severity *out);

/* What a finding says, as a key: the engine names the message and gives
 * its arguments as data; io/finding_text holds each message's sentence and
 * renders it in the reader's language (English, and Norwegian through the
 * gettext catalogue). The engine writes no sentence. */
typedef enum {
	DK_MSG_NONE, /* read back from a file: text only */
	DK_MSG_FRAME_SUM,
	DK_MSG_FRAME_NEGATIVE,
	DK_MSG_FRAME_INFEASIBLE,
	DK_MSG_FRAME_INFEASIBLE_DECIDED,
	DK_MSG_FRAME_UNUSED,
	DK_MSG_FRAME_OVERRUN,
	DK_MSG_FRAME_OVERRUN_STATED,
	DK_MSG_UP1_MISSING,
	DK_MSG_UP1_UNKNOWN,
	DK_MSG_UP1_SUM,
	DK_MSG_DECISION,
	DK_MSG_DECISION_NO_METHOD,
	DK_MSG_ROW_SUM,
	DK_MSG_ROW_SUM_COLUMN,
	DK_MSG_STATED_SHARE_OWN,
	DK_MSG_STATED_SHARE_UH,
	DK_MSG_STATED_TOTAL,
	DK_MSG_STATED_TOTAL_UH,
	DK_MSG_STATED_RECOMMENDATION,
	DK_MSG_STATED_RECOMMENDATION_DECIDED,
	DK_MSG_OVER_NEED_STATED,
	DK_MSG_OVER_NEED_DECIDED,
	DK_MSG_OVER_NEED_COMPUTED,
	DK_MSG_SELF_FINANCING,
	DK_MSG_COORDINATOR_SHARE,
	DK_MSG_UH_UNIDENTIFIED,
	DK_MSG_UH_SHARE,
	DK_MSG_UH_SHARE_MIN,
	DK_MSG_UH_SHARE_MAX,
	DK_MSG_UH_SHARE_TOTAL,
	DK_MSG_UH_SHARE_TOTAL_MIN,
	DK_MSG_UH_SHARE_TOTAL_MAX,
	DK_MSG_YEAR_CHANGE,
	DK_MSG_TOTALS_LIKE_ROW,
	DK_MSG_CRITERIA,
	DK_MSG_KEY_DEVIATION,
	DK_MSG_FACTOR_RANGE,
	DK_MSG_MARGIN_LOW,
	DK_MSG_PRICE_BELOW_COST_OPPDRAG,
	DK_MSG_PRICE_BELOW_COST_BIDRAG,
	DK_MSG_ADDON_PER_DAY,
	DK_MSG_COUNT
} dk_msg;

/* Marks an English message or word for the catalogue (xgettext's
 * keyword) without translating it: the engine passes message ids, and
 * io/finding_text translates them. */
#ifndef N_
#define N_(s) (s)
#endif

/* One argument of a message, as data. */
typedef enum {
	DK_ARG_KR,    /* v whole kroner: "1 234 567" */
	DK_ARG_DEC,   /* v scaled by 10^scale, digit groups, trailing zeros
			   cut down to `shown` decimals: "40,00", "2 454,5" */
	DK_ARG_PCT,   /* num/den as a percentage with `scale` decimals */
	DK_ARG_TEXT,  /* text as it is: a name, a reason (borrowed) */
	DK_ARG_WORD,  /* an English word or phrase, translated (static) */
	DK_ARG_COLUMN /* v: a column of the networks file (dk_column), by its
			   name in English and its label in bokmål */
} dk_arg_kind;

/* 24 bytes: a large recommendation holds hundreds of thousands. */
typedef struct {
	uint8_t kind; /* dk_arg_kind */
	int8_t scale, shown;
	union {                   /* by kind */
		int64_t v;        /* KR, DEC, COLUMN */
		const char *text; /* TEXT, WORD */
		struct {
			/* PCT: amounts and ratios, within int64 as every sum of
			 * a table's amounts is (DK_ROWS_MAX rows of at most
			 * DK_KR_MAX: about 10^18) */
			int64_t num, den;
		};
	};
} dk_arg;

#define DK_MSG_ARGS 8

static inline dk_arg dk_arg_kr(int64_t v)
{
	return (dk_arg){.kind = DK_ARG_KR, .v = v};
}

static inline dk_arg dk_arg_dec(int64_t v, int scale, int shown)
{
	return (dk_arg){.kind = DK_ARG_DEC,
			.v = v,
			.scale = (int8_t)scale,
			.shown = (int8_t)shown};
}

static inline dk_arg dk_arg_pct(int64_t num, int64_t den, int scale)
{
	return (dk_arg){
		.kind = DK_ARG_PCT, .num = num, .den = den, .scale = (int8_t)scale};
}

static inline dk_arg dk_arg_text(const char *s)
{
	return (dk_arg){.kind = DK_ARG_TEXT, .text = s};
}

static inline dk_arg dk_arg_word(const char *s)
{
	return (dk_arg){.kind = DK_ARG_WORD, .text = s};
}

static inline dk_arg dk_arg_column(int col)
{
	return (dk_arg){.kind = DK_ARG_COLUMN, .v = col};
}

/* One finding. Numeric fields are scaled by `scale` (10^scale: 0 for
 * kroner, 2 for percent in hundredths, 6 for ratios); `has_numbers` is
 * false where a check compares no numbers. The message is data (`msg`,
 * `args`, whose texts are borrowed from the models and must outlive the
 * finding until it is rendered); `message` and `message_nb` are filled by
 * io/finding_text (dk_findings_render) for the writers, or read back from
 * a file. */
typedef struct {
	dk_check_id check;
	dk_severity severity;
	long network;      /* index into the networks table, -1: the plan */
	long package;      /* price checks: index into the template's
				packages, -1: the template or no package */
	const char *field; /* column meant, or NULL (static string) */
	bool has_numbers;
	int scale;
	int64_t expected, actual, difference;
	dk_msg msg;
	const dk_arg *args; /* n_args of them, kept by the findings list */
	size_t n_args;
	char *message;    /* owned, English; NULL until rendered */
	char *message_nb; /* owned, Norwegian; NULL until rendered */
} dk_finding;

#endif

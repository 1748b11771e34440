/*
 * plan.h: the forum's plan: year, institutions, the frame and its parts,
 * the allocation method and its parameters, and the checks' settings.
 *
 * Amounts are whole kroner, shares millionths. Optional values carry a
 * `has_` flag so that "not given" and "given as 0" stay apart (RULES.md
 * section 2 treats an omitted pro-rata frame differently from a zero one).
 * The plan owns all its strings and arrays; dk_plan_release frees them.
 */
#ifndef DK_PLAN_H
#define DK_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "models/error.h"
#include "models/finding.h"
#include "models/money.h"

/* At most this many institutions (bit sets in dk_networks use 32 bits). */
#define DK_INSTITUTIONS_MAX 32

typedef struct {
	char *id;       /* "NTNU": also a column name of the networks file */
	char *name;     /* display name, or NULL */
	char **aliases; /* other column names: "Nord U" */
	size_t n_aliases;
} dk_institution;

typedef enum {
	DK_SPLIT_EQUAL,
	DK_SPLIT_SHARES,
	DK_SPLIT_AMOUNTS,
	DK_SPLIT_BY_UP1
} dk_split;

typedef enum { DK_UP1_WEIGHT_NETWORK, DK_UP1_WEIGHT_FTE } dk_up1_weight;

typedef enum { DK_METHOD_PRORATA, DK_METHOD_NEED, DK_METHOD_STATUS_QUO } dk_method;

typedef struct {
	char *name;
	dk_kr amount;
} dk_measure;

/* A decision of the forum (RULES.md section 9): a network's amount fixed
 * by the forum, with its reason. `network` is the name as written in the
 * plan; `index` is the network's row in the networks table, resolved after
 * both files are read (dk_plan_resolve_decisions), -1 before. */
typedef struct {
	char *network;
	long index;
	dk_kr amount;  /* whole kroner, ≥ 0 */
	char *reason;  /* not empty */
	int line, col; /* where it stands in the plan */
} dk_decision;

/* The plan's title, shown at the top of reports; each part may be NULL. */
typedef struct {
	char *forum, *meeting, *case_no;
	bool draft;
} dk_title;

typedef struct {
	int year; /* 0: not given */
	dk_title title;
	dk_institution *institutions;
	size_t n_institutions;

	bool has_total;
	dk_kr total; /* T */
	bool has_prorata;
	dk_kr prorata; /* F */
	dk_kr direct;  /* D */
	dk_split split;
	int64_t *shares; /* per institution, millionths (shares) */
	dk_kr *amounts;  /* per institution (amounts) */
	dk_up1_weight up1_weight;
	dk_measure *measures;
	size_t n_measures;
	dk_kr reserve; /* R */

	dk_method method;
	bool has_base_grant;
	dk_kr base_grant;
	bool has_base_share;
	int64_t base_share;     /* millionths of F */
	bool cap_at_need;       /* default true */
	int64_t floor_previous; /* millionths of previous */
	bool surplus_reserve;   /* surplus: reserve */
	dk_kr rounding;         /* unit, default 1 */

	dk_check_conf checks[DK_CHECK_COUNT];

	dk_decision *decisions; /* section 9; none: NULL, 0 */
	size_t n_decisions;
} dk_plan;

/* Defaults of RULES.md: no institutions, nothing in the frame, method
 * status_quo, cap_at_need, rounding 1 kr, checks at their defaults. */
void dk_plan_init(dk_plan *p);
void dk_plan_release(dk_plan *p);

/* Index of the institution whose id, full name or alias is `name`
 * (trimmed, case-insensitive; RULES.md section 2), or -1. */
int dk_plan_institution(const dk_plan *p, const char *name);

const char *dk_method_name(dk_method m);
/* The method in words for people, an English message id that io/
 * translates: "last year's allocation, capped at the reported need". */
const char *dk_method_words(dk_method m);
const char *dk_split_name(dk_split s);

#endif

/*
 * recommendation.h: what a recommendation contains (RULES.md section 4),
 * and the findings of the checks (section 5).
 *
 * Filled by engine/recommend.c, written out by io/. Amounts are whole
 * kroner. The exact unrounded amount of network i is x_num / lambda_den.
 * When `produced` is false (an infeasible frame, or a negative F), there are
 * no amounts: the writers print null where an amount would be.
 */
#ifndef DK_RECOMMENDATION_H
#define DK_RECOMMENDATION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "models/arena.h"
#include "models/error.h"
#include "models/finding.h"
#include "models/money.h"

typedef enum {
	DK_STATE_FREE,
	DK_STATE_CAPPED,
	DK_STATE_FLOORED,
	DK_STATE_DECIDED /* the forum's own amount (RULES.md section 9) */
} dk_state;

/* The findings' message arguments, in blocks that never move (a finding
 * points into them: a finding is a fifth of what it was with its
 * arguments in place, and a large recommendation has many). */
typedef struct {
	dk_finding *items;
	size_t n, cap;
	bool count_only;  /* keep no findings, only count them per severity
				(Monte Carlo and scenarios need no messages) */
	size_t counts[3]; /* per dk_severity, in either mode */
	dk_arena args;    /* the findings' message arguments */
} dk_findings;

void dk_findings_init(dk_findings *f);
void dk_findings_release(dk_findings *f);

/* Adds a finding of `check` unless the plan turned the check off (in
 * count_only mode it is only counted); severity is the plan's for that
 * check unless `severity` ≥ 0 overrides it (criteria). The message is
 * `msg` with its `n` arguments (copied; their texts are borrowed). DK_OK,
 * or DK_ENOMEM. */
dk_status dk_findings_add(dk_findings *f, const dk_check_conf *conf, dk_check_id check,
			  int severity, long network, const char *field,
			  const int64_t *numbers, int scale, dk_msg msg,
			  const dk_arg *args, size_t n);

/* In count_only mode, what dk_findings_add does (counts the finding unless
 * the plan turned the check off), without the arguments a message would
 * need: the checks of a Monte Carlo run call this before building them. */
static inline void dk_findings_count(dk_findings *f, const dk_check_conf *conf,
				     dk_check_id check, int severity)
{
	if (!conf[check].off)
		f->counts[severity >= 0 ? severity : (int)conf[check].severity]++;
}

/* A finding's message in English or Norwegian, once rendered
 * (io/finding_text); "" before. */
const char *dk_finding_message(const dk_finding *x, bool english);

/* Sorts by severity (error first), then network in input order (the plan's
 * own findings first), then check id, then field, then package. */
void dk_findings_sort(dk_findings *f);

/* The findings of each of n networks, in the list's order: network k's are
 * items[order[at[k]]] to items[order[at[k + 1] - 1]] (a counting sort, so
 * a page per network costs its own findings, not the whole list). `at` has
 * n + 1 entries; both allocated, freed by the caller. DK_OK or DK_ENOMEM
 * (nothing allocated). */
dk_status dk_findings_by_network(const dk_findings *f, size_t n, size_t **at,
				 size_t **order);

typedef struct {
	int64_t base, weight, lo, hi; /* hi < 0: no cap; lo, hi rounded */
	dk_i128 x_num;                /* exact amount × lambda_den */
	dk_state state;
	dk_kr amount;        /* the final amount */
	dk_kr method_amount; /* what the method gives with no
					  decision at all (= amount when the
					  plan has no decisions); -1 when the
					  method alone gives no amounts (the
					  frame is infeasible without the
					  decisions): null in JSON */
	long decision;       /* index into plan->decisions, -1 */
	size_t rank;         /* rounding tie order, 0: none */
	bool got_unit;
	/* components: own, coordinator, UP2 per institution, other, and
	 * unspecified when the network planned no lines */
	dk_kr own, coordinator, uh_other, unspecified;
	dk_kr *uh; /* n_institutions, in the block of rows */
	/* the computed criteria of the criteria sheet (RULES.md section 4),
	 * as dk_judgement values (models/network.h: DK_JUDGE_BLANK when not
	 * judged: no UH money planned, no uh-share bound set, no amount, or
	 * need 0) */
	int uh_identified, reasonable_uh_share, limited_coordinator;
} dk_rec_row;

typedef struct {
	int year;
	bool has_total;
	dk_kr total, prorata, direct, measures, reserve;
	bool produced; /* amounts exist */
	int outcome;   /* dk_wf_outcome */
	dk_kr unused;  /* F − Σ recommended − reserve_cut */
	dk_kr reserve_cut;
	dk_kr shortfall;                /* infeasible: by how much */
	dk_i128 lambda_num, lambda_den; /* per unit of weight */
	int64_t lambda_scale;           /* weight units per reported unit: 100
					  for prorata (weights are FTE in
					  hundredths, λ is reported per FTE) */
	size_t n, n_institutions;
	dk_rec_row *rows;              /* one block with inst_direct, inst_up2 and the
			     rows' uh (dk_recommendation_release frees it) */
	dk_kr *inst_direct, *inst_up2; /* per institution */
	dk_kr total_other;
	dk_findings findings;
	uint32_t not_checked; /* bit (1u << dk_check_id): the check is
					  on but its column is absent, so it
					  could not run (self-financing,
					  year-change) */
} dk_recommendation;

void dk_recommendation_release(dk_recommendation *r);

/* The state's name ("capped"), as JSON and RFC 4180 CSV write it; in
 * words for people: dk_state_label (io/report.h, from the catalogue). */
const char *dk_state_name(dk_state s);
bool dk_state_parse(const char *text, dk_state *out);

#endif

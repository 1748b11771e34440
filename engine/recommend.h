/*
 * recommend.h: from a plan and a networks table to a recommendation
 * (RULES.md sections 2 to 4): the frame and its `frame-sum` rule, the direct
 * transfer split, the method's bases, weights, floors and caps, the
 * water-filling, the components, the institutions' totals.
 */
#ifndef DK_RECOMMEND_H
#define DK_RECOMMEND_H

#include "engine/allocate.h"
#include "models/network.h"
#include "models/plan.h"
#include "models/recommendation.h"

/* Fills r (initialised here; release with dk_recommendation_release). A
 * model whose parts disagree gives findings, not an error; the status is
 * DK_ENOMEM or DK_ERANGE only when the computation itself cannot go on. */
dk_status dk_recommend(const dk_plan *p, const dk_networks *t, dk_recommendation *r);

/* The same, but the findings are only counted (r->findings.counts) and
 * the criteria sheet's answers are left blank: for scenarios and Monte
 * Carlo runs, which report neither. */
dk_status dk_recommend_counted(const dk_plan *p, const dk_networks *t,
			       dk_recommendation *r);

/* What a caller that recommends again and again on models of one size
 * keeps from run to run (the Monte Carlo workers): the recommendation's
 * rows and the water-filling's arrays, made at the first run and reused.
 * Zero it before the first run; dk_rec_work_release at the end. */
typedef struct {
	dk_recommendation rec; /* the last run's, findings only counted */
	dk_wf_item *items;
	dk_wf_out out;
	size_t n, n_institutions; /* the size the arrays were made for */
} dk_rec_work;

/* dk_recommend_counted into w->rec, with w's arrays. */
dk_status dk_recommend_again(const dk_plan *p, const dk_networks *t, dk_rec_work *w);
void dk_rec_work_release(dk_rec_work *w);

/* Validates network i's UP1 assignment against the plan: 1 when its parts
 * name institutions of the plan and their shares sum to 1, 0 when not
 * (an empty cell counts as not valid). */
int dk_up1_valid(const dk_network *n);

#endif

/*
 * checks.h: the consistency checks of RULES.md section 5 that compare the
 * networks' own figures with each other and with the recommendation:
 * row-sum, stated-share, stated-total, stated-recommendation, over-need,
 * self-financing, coordinator-share, uh-unidentified, uh-share,
 * year-change, criteria and frame-overrun. (frame-sum, frame-infeasible,
 * frame-unused and up1-assignment come from the frame and the allocation
 * themselves, in recommend.c.) Thresholds are inclusive: a value exactly at
 * the limit passes. Every comparison is exact, in integers.
 */
#ifndef DK_CHECKS_H
#define DK_CHECKS_H

#include "models/network.h"
#include "models/plan.h"
#include "models/recommendation.h"

/* Adds the findings to r->findings. Checks that need a recommended amount
 * are skipped when r->produced is false. */
dk_status dk_checks_run(const dk_plan *p, const dk_networks *t, dk_recommendation *r);

#endif

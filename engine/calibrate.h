/*
 * calibrate.h: did last year's allocation follow a base-plus-FTE key, and
 * who sits off it? (RULES.md section 8)
 */
#ifndef DK_CALIBRATE_H
#define DK_CALIBRATE_H

#include "models/calibration.h"
#include "models/network.h"
#include "models/plan.h"

/* Fits previousᵢ ≈ B + λ·FTEᵢ over the networks with both above 0 (weight
 * 1; the others weight 0, reported but not fitted) with GSL's
 * gsl_multifit_wlinear, and adds a key-deviation finding for each fitted
 * network whose residual is above k residual standard deviations (k from
 * the plan's checks, default 2; at k exactly it passes). DK_EINPUT with
 * c->problem set when the case cannot be fitted. c is initialised here. */
dk_status dk_calibrate(const dk_plan *p, const dk_networks *t, dk_calibration *c);

#endif

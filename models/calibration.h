/*
 * calibration.h: the fit of last year's allocation to a base-plus-FTE key
 * (RULES.md section 8): previousᵢ ≈ B + λ·FTEᵢ, by weighted least squares.
 *
 * The fit is statistics, not an allocation: B, λ, the fitted values and
 * the residuals are doubles (GSL computes them), and only the findings'
 * expected values are rounded to whole kroner.
 */
#ifndef DK_CALIBRATION_H
#define DK_CALIBRATION_H

#include <stdbool.h>
#include <stddef.h>

#include "models/recommendation.h"

typedef enum {
	DK_CALIB_OK,
	DK_CALIB_NO_PREVIOUS, /* the networks file has no previous column */
	DK_CALIB_NO_FTE,      /* ... no fte column */
	DK_CALIB_TOO_FEW,     /* fewer than 3 networks with both above 0 */
	DK_CALIB_DEGENERATE   /* every FTE the same: no slope to fit */
} dk_calib_problem;

typedef struct {
	dk_calib_problem problem;
	size_t n;            /* networks */
	size_t used;         /* networks in the fit (weight 1) */
	double base, lambda; /* B in kroner, λ in kroner per FTE */
	double se_base, se_lambda;
	double r2, sd;             /* R², residual standard deviation */
	double k;                  /* the key-deviation limit, in sds */
	double *fitted, *residual; /* per network */
	bool *in_fit;
	dk_findings findings;
} dk_calibration;

void dk_calibration_release(dk_calibration *c);

#endif

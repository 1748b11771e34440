/*
 * calibrate.c: the base-plus-FTE fit of last year's allocation (see
 * calibrate.h).
 *
 * GSL does the least squares (gsl_multifit_wlinear on the design matrix
 * [1, FTEᵢ]); the residual standard deviation is sqrt(χ² / (m − 2)) over
 * the m fitted networks, the standard errors are those of the covariance
 * matrix scaled by it (the weights are not known variances), and R² is
 * 1 − χ² / Σ wᵢ(yᵢ − ȳ)². A network with previous or FTE 0 (a new network,
 * or one without FTE) gets weight 0: it would pull the line toward the
 * origin without telling anything about the key.
 */
#include "engine/calibrate.h"

#include <gsl/gsl_multifit.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void dk_calibration_release(dk_calibration *c)
{
	free(c->fitted);
	free(c->residual);
	free(c->in_fit);
	dk_findings_release(&c->findings);
	memset(c, 0, sizeof *c);
}

static dk_status fit(const dk_networks *t, dk_calibration *c)
{
	size_t m = c->used;
	gsl_matrix *X = gsl_matrix_alloc(m, 2), *cov = gsl_matrix_alloc(2, 2);
	gsl_vector *y = gsl_vector_alloc(m), *w = gsl_vector_alloc(m),
		   *coef = gsl_vector_alloc(2);
	gsl_multifit_linear_workspace *ws = gsl_multifit_linear_alloc(m, 2);
	dk_status st = DK_OK;
	if (!X || !cov || !y || !w || !coef || !ws) {
		st = DK_ENOMEM;
		goto done;
	}
	size_t r = 0;
	for (size_t k = 0; k < t->n; k++) {
		if (!c->in_fit[k])
			continue;
		gsl_matrix_set(X, r, 0, 1.0);
		gsl_matrix_set(X, r, 1, (double)t->items[k].v[DK_COL_FTE] / 100);
		gsl_vector_set(y, r, (double)t->items[k].v[DK_COL_PREVIOUS]);
		gsl_vector_set(w, r, 1.0);
		r++;
	}
	double chisq;
	if (gsl_multifit_wlinear(X, w, y, coef, cov, &chisq, ws) != GSL_SUCCESS) {
		c->problem = DK_CALIB_DEGENERATE;
		st = DK_EINPUT;
		goto done;
	}
	c->base = gsl_vector_get(coef, 0);
	c->lambda = gsl_vector_get(coef, 1);
	double s2 = chisq / (double)(m - 2);
	c->sd = sqrt(s2);
	c->se_base = sqrt(gsl_matrix_get(cov, 0, 0) * s2);
	c->se_lambda = sqrt(gsl_matrix_get(cov, 1, 1) * s2);
	double mean = 0, tss = 0;
	for (size_t i = 0; i < m; i++)
		mean += gsl_vector_get(y, i);
	mean /= (double)m;
	for (size_t i = 0; i < m; i++)
		tss += (gsl_vector_get(y, i) - mean) * (gsl_vector_get(y, i) - mean);
	c->r2 = tss > 0 ? 1 - chisq / tss : 1;
done:
	gsl_multifit_linear_free(ws);
	gsl_vector_free(coef);
	gsl_vector_free(w);
	gsl_vector_free(y);
	gsl_matrix_free(cov);
	gsl_matrix_free(X);
	return st;
}

static dk_status deviations(const dk_plan *p, const dk_networks *t, dk_calibration *c)
{
	dk_status st = DK_OK;
	for (size_t k = 0; k < t->n && st == DK_OK; k++) {
		/* off by more than k sds, and by at least half a krone: on an
		 * exact key the residuals are rounding noise */
		if (!c->in_fit[k] || !(fabs(c->residual[k]) > c->k * c->sd) ||
		    llround(c->residual[k]) == 0)
			continue;
		const dk_network *n = &t->items[k];
		dk_kr prev = n->v[DK_COL_PREVIOUS];
		dk_kr expected = (dk_kr)llround(c->fitted[k]);
		int64_t nums[2] = {expected, prev};
		/* GSL's doubles end here: each figure rounded once to the
		 * decimals it is shown with */
		bool above = c->residual[k] > 0;
		dk_arg args[8] = {
			dk_arg_kr(prev),
			dk_arg_word(above ? N_("above") : N_("below")),
			dk_arg_kr((dk_kr)llround(c->base)),
			dk_arg_dec((int64_t)llround(c->lambda * 100), 2, 2),
			dk_arg_dec(n->v[DK_COL_FTE], 2, 2),
			dk_arg_kr(expected),
			dk_arg_dec((int64_t)llround(fabs(c->residual[k]) / c->sd * 10), 1,
				   1),
			dk_arg_dec((int64_t)llround(c->k * 10), 1, 1)};
		st = dk_findings_add(&c->findings, p->checks, DK_CHECK_KEY_DEVIATION, -1,
				     (long)k, "previous", nums, 0, DK_MSG_KEY_DEVIATION,
				     args, 8);
	}
	return st;
}

dk_status dk_calibrate(const dk_plan *p, const dk_networks *t, dk_calibration *c)
{
	size_t n = t->n;
	memset(c, 0, sizeof *c);
	dk_findings_init(&c->findings);
	c->n = n;
	c->k = (double)p->checks[DK_CHECK_KEY_DEVIATION].param[0] / DK_RATIO_ONE;
	if (!((t->columns >> DK_COL_PREVIOUS) & 1u)) {
		c->problem = DK_CALIB_NO_PREVIOUS;
		return DK_EINPUT;
	}
	if (!((t->columns >> DK_COL_FTE) & 1u)) {
		c->problem = DK_CALIB_NO_FTE;
		return DK_EINPUT;
	}
	c->fitted = calloc(n ? n : 1, sizeof *c->fitted);
	c->residual = calloc(n ? n : 1, sizeof *c->residual);
	c->in_fit = calloc(n ? n : 1, sizeof *c->in_fit);
	if (!c->fitted || !c->residual || !c->in_fit)
		return DK_ENOMEM;
	int64_t fte0 = -1;
	bool varies = false;
	for (size_t k = 0; k < n; k++) {
		const dk_network *nw = &t->items[k];
		c->in_fit[k] = nw->v[DK_COL_PREVIOUS] > 0 && nw->v[DK_COL_FTE] > 0;
		if (!c->in_fit[k])
			continue;
		c->used++;
		if (fte0 >= 0 && nw->v[DK_COL_FTE] != fte0)
			varies = true;
		fte0 = nw->v[DK_COL_FTE];
	}
	if (c->used < 3) {
		c->problem = DK_CALIB_TOO_FEW;
		return DK_EINPUT;
	}
	if (!varies) {
		c->problem = DK_CALIB_DEGENERATE;
		return DK_EINPUT;
	}
	dk_status st = fit(t, c);
	if (st != DK_OK)
		return st;
	for (size_t k = 0; k < n; k++) {
		c->fitted[k] =
			c->base + c->lambda * (double)t->items[k].v[DK_COL_FTE] / 100;
		c->residual[k] = (double)t->items[k].v[DK_COL_PREVIOUS] - c->fitted[k];
	}
	st = deviations(p, t, c);
	if (st == DK_OK)
		dk_findings_sort(&c->findings);
	return st;
}

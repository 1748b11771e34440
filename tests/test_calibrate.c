/*
 * test_calibrate.c: the base-plus-FTE fit of RULES.md section 8 on cases
 * whose least-squares line can be found by hand.
 *
 * Five networks with FTE 1 to 5 and previous 100 000 · FTE + 50 000 lie on
 * the line B = 50 000, λ = 100 000. Raising the middle one (FTE 3) by
 * c = 50 000 does not tilt the line (the points are symmetric about it) but
 * lifts it by c/5 = 10 000: B = 60 000, the middle residual is 4c/5 =
 * 40 000, the others −10 000. χ² = 40 000² + 4 · 10 000² = 2·10⁹, so the
 * residual sd is sqrt(2·10⁹ / 3) = 25 819.89 and the middle network sits
 * 40 000 / 25 819.89 = 1.549 sds off.
 */
#include <check.h>
#include <gsl/gsl_errno.h>
#include <stdlib.h>
#include <string.h>

#include "engine/calibrate.h"
#include "io/finding_text.h"
#include "io/i18n.h"

typedef struct {
	dk_plan p;
	dk_networks t;
} fx;

static void fx_init(fx *f, const int64_t *prev, const int64_t *fte, size_t n)
{
	memset(f, 0, sizeof *f);
	dk_plan_init(&f->p);
	f->p.method = DK_METHOD_STATUS_QUO;
	dk_networks_init(&f->t, 0);
	for (size_t k = 0; k < n; k++) {
		char name[32];
		dk_network *nw;
		snprintf(name, sizeof name, "N%zu", k + 1);
		ck_assert_int_eq(dk_networks_add(&f->t, name, (int)k + 2, &nw), DK_OK);
		nw->v[DK_COL_PREVIOUS] = prev[k];
		nw->v[DK_COL_FTE] = fte[k];
		nw->present |= (1u << DK_COL_PREVIOUS) | (1u << DK_COL_FTE);
	}
	f->t.columns |= (1u << DK_COL_NETWORK) | (1u << DK_COL_PREVIOUS) |
		(1u << DK_COL_FTE);
}

static void fx_release(fx *f)
{
	dk_networks_release(&f->t);
	dk_plan_release(&f->p);
}

static const int64_t fte5[] = {100, 200, 300, 400, 500}; /* hundredths */

START_TEST(exact_line)
{
	static const int64_t prev[] = {150000, 250000, 350000, 450000, 550000};
	fx f;
	fx_init(&f, prev, fte5, 5);
	dk_calibration c;
	ck_assert_int_eq(dk_calibrate(&f.p, &f.t, &c), DK_OK);
	ck_assert_int_eq(dk_findings_render(&c.findings), DK_OK);
	ck_assert_double_eq_tol(c.base, 50000, 1e-6);
	ck_assert_double_eq_tol(c.lambda, 100000, 1e-6);
	ck_assert_double_eq_tol(c.r2, 1, 1e-12);
	ck_assert_double_eq_tol(c.sd, 0, 1e-6);
	ck_assert_uint_eq(c.used, 5);
	ck_assert_uint_eq(c.findings.n, 0);
	dk_calibration_release(&c);
	fx_release(&f);
}
END_TEST

START_TEST(one_off_the_key)
{
	static const int64_t prev[] = {150000, 250000, 400000, 450000, 550000};
	fx f;
	fx_init(&f, prev, fte5, 5);
	dk_calibration c;
	/* the default k = 2: 1.549 sds passes */
	ck_assert_int_eq(dk_calibrate(&f.p, &f.t, &c), DK_OK);
	ck_assert_int_eq(dk_findings_render(&c.findings), DK_OK);
	ck_assert_double_eq_tol(c.base, 60000, 1e-6);
	ck_assert_double_eq_tol(c.lambda, 100000, 1e-6);
	ck_assert_double_eq_tol(c.residual[2], 40000, 1e-6);
	ck_assert_double_eq_tol(c.residual[0], -10000, 1e-6);
	ck_assert_double_eq_tol(c.sd, 25819.888974716, 1e-6);
	/* R² = 1 − χ²/Σ(y − ȳ)²: ȳ = 360 000, the deviations from it are
	 * −210, −110, 40, 90 and 190 thousand, Σ of squares 1.02·10¹¹ */
	ck_assert_double_eq_tol(c.r2, 1 - 2e9 / 1.02e11, 1e-12);
	ck_assert_uint_eq(c.findings.n, 0);
	dk_calibration_release(&c);
	/* k = 1.5: the middle network is off the key, the others are not */
	f.p.checks[DK_CHECK_KEY_DEVIATION].param[0] = 1500000;
	ck_assert_int_eq(dk_calibrate(&f.p, &f.t, &c), DK_OK);
	ck_assert_int_eq(dk_findings_render(&c.findings), DK_OK);
	ck_assert_uint_eq(c.findings.n, 1);
	const dk_finding *x = &c.findings.items[0];
	ck_assert_int_eq(x->check, DK_CHECK_KEY_DEVIATION);
	ck_assert_int_eq(x->network, 2);
	ck_assert_int_eq(x->expected, 360000);
	ck_assert_int_eq(x->actual, 400000);
	ck_assert_int_eq(x->difference, 40000);
	ck_assert_ptr_nonnull(strstr(x->message,
				     "above the base-plus-FTE key (60 000 + "
				     "100 000.00 per FTE × 3.00 FTE = 360 000) by "
				     "1.5 residual"));
	ck_assert_ptr_nonnull(strstr(x->message_nb, "ligger over nøkkelen"));
	dk_calibration_release(&c);
	/* k = 1.55 is above 1.549: passes again */
	f.p.checks[DK_CHECK_KEY_DEVIATION].param[0] = 1550000;
	ck_assert_int_eq(dk_calibrate(&f.p, &f.t, &c), DK_OK);
	ck_assert_int_eq(dk_findings_render(&c.findings), DK_OK);
	ck_assert_uint_eq(c.findings.n, 0);
	dk_calibration_release(&c);
	fx_release(&f);
}
END_TEST

START_TEST(left_out_and_too_few)
{
	/* a network with previous 0 is not fitted: the other four are still
	 * on the line */
	static const int64_t prev[] = {150000, 250000, 0, 450000, 550000};
	fx f;
	fx_init(&f, prev, fte5, 5);
	dk_calibration c;
	ck_assert_int_eq(dk_calibrate(&f.p, &f.t, &c), DK_OK);
	ck_assert_int_eq(dk_findings_render(&c.findings), DK_OK);
	ck_assert_uint_eq(c.used, 4);
	ck_assert(!c.in_fit[2]);
	ck_assert_double_eq_tol(c.base, 50000, 1e-6);
	ck_assert_double_eq_tol(c.residual[2], -350000, 1e-6);
	ck_assert_uint_eq(c.findings.n, 0);
	dk_calibration_release(&c);
	fx_release(&f);
	/* two networks: not enough */
	fx_init(&f, prev, fte5, 2);
	ck_assert_int_eq(dk_calibrate(&f.p, &f.t, &c), DK_EINPUT);
	ck_assert_int_eq(c.problem, DK_CALIB_TOO_FEW);
	dk_calibration_release(&c);
	fx_release(&f);
	/* the same FTE everywhere: no slope */
	static const int64_t same[] = {100, 100, 100};
	fx_init(&f, prev, same, 3);
	f.t.items[2].v[DK_COL_PREVIOUS] = 1;
	ck_assert_int_eq(dk_calibrate(&f.p, &f.t, &c), DK_EINPUT);
	ck_assert_int_eq(c.problem, DK_CALIB_DEGENERATE);
	dk_calibration_release(&c);
	fx_release(&f);
}
END_TEST

int main(void)
{
	dk_i18n_init();
	gsl_set_error_handler_off();
	Suite *s = suite_create("calibrate");
	TCase *tc = tcase_create("calibrate");
	tcase_add_test(tc, exact_line);
	tcase_add_test(tc, one_off_the_key);
	tcase_add_test(tc, left_out_and_too_few);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

/*
 * test_allocate.c: the water-filling engine and the recommendation, on
 * cases a person can check by hand. Each case states λ and the exact
 * amounts before rounding.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "engine/allocate.h"
#include "engine/recommend.h"
#include "io/finding_text.h"
#include "io/networks.h"

#define NONE (-1)

typedef struct {
	dk_wf_out out;
} run;

static void wf(run *r, const dk_wf_item *it, size_t n, int64_t frame, int64_t unit,
	       bool reserve)
{
	dk_wf_in in = {it, n, frame, unit, reserve};
	ck_assert_int_eq(dk_wf_run(&in, &r->out), DK_OK);
}

static void lambda_is(const run *r, long long num, long long den)
{
	ck_assert_msg(r->out.lambda_num == num && r->out.lambda_den == den,
		      "lambda is %lld/%lld, expected %lld/%lld",
		      (long long)r->out.lambda_num, (long long)r->out.lambda_den, num,
		      den);
}

START_TEST(need_method)
{
	/* F = 100 over needs 50, 100, 150 (Σ 300): λ = 1/3, exact amounts
	 * 16 2/3, 33 1/3, 50; floors 16 + 33 + 50 = 99 and the krone left goes
	 * to the largest remainder, 2/3 */
	dk_wf_item it[] = {{0, 50, 0, 50}, {0, 100, 0, 100}, {0, 150, 0, 150}};
	run r;
	wf(&r, it, 3, 100, 1, false);
	ck_assert_int_eq(r.out.outcome, DK_WF_SOLVED);
	lambda_is(&r, 1, 3);
	ck_assert_int_eq(r.out.amount[0], 17);
	ck_assert_int_eq(r.out.amount[1], 33);
	ck_assert_int_eq(r.out.amount[2], 50);
	ck_assert_int_eq(r.out.state[2], DK_STATE_FREE);
	ck_assert_int_eq(r.out.unused, 0);
	ck_assert_uint_eq(r.out.rank[0], 1);
	ck_assert(r.out.got_unit[0]);
	dk_wf_release(&r.out);
}
END_TEST

START_TEST(saturated)
{
	/* F = 400 over needs 50, 100, 150: everyone at the cap, 100 unused */
	dk_wf_item it[] = {{0, 50, 0, 50}, {0, 100, 0, 100}, {0, 150, 0, 150}};
	run r;
	wf(&r, it, 3, 400, 1, false);
	ck_assert_int_eq(r.out.outcome, DK_WF_SATURATED);
	for (int i = 0; i < 3; i++)
		ck_assert_int_eq(r.out.state[i], DK_STATE_CAPPED);
	ck_assert_int_eq(r.out.amount[2], 150);
	ck_assert_int_eq(r.out.unused, 100);
	lambda_is(&r, 1, 1);
	dk_wf_release(&r.out);
}
END_TEST

START_TEST(base_plus_weight)
{
	/* prorata: base 10, FTE 1.00 and 3.00 (weights 100 and 300), no cap,
	 * F = 100: 20 + 400λ = 100, λ = 1/5 per hundredth (20 kr per FTE);
	 * amounts 30 and 70 */
	dk_wf_item it[] = {{10, 100, 0, NONE}, {10, 300, 0, NONE}};
	run r;
	wf(&r, it, 2, 100, 1, false);
	lambda_is(&r, 1, 5);
	ck_assert_int_eq(r.out.amount[0], 30);
	ck_assert_int_eq(r.out.amount[1], 70);
	dk_wf_release(&r.out);
}
END_TEST

START_TEST(cap_redistributes)
{
	/* equal weights, the first capped at 10, F = 100: it stops at 10 and
	 * the other two share 90: λ = 45/100, amounts 10, 45, 45 */
	dk_wf_item it[] = {{0, 100, 0, 10}, {0, 100, 0, 1000}, {0, 100, 0, 1000}};
	run r;
	wf(&r, it, 3, 100, 1, false);
	lambda_is(&r, 9, 20);
	ck_assert_int_eq(r.out.state[0], DK_STATE_CAPPED);
	ck_assert_int_eq(r.out.state[1], DK_STATE_FREE);
	ck_assert_int_eq(r.out.amount[0], 10);
	ck_assert_int_eq(r.out.amount[1], 45);
	ck_assert_int_eq(r.out.amount[2], 45);
	dk_wf_release(&r.out);
}
END_TEST

START_TEST(floor_holds)
{
	/* floors 60 and 0, equal weights, F = 100: 60 + 100λ = 100 gives
	 * λ = 2/5; the second gets 40, below the first's floor, so the first
	 * stays at 60 */
	dk_wf_item it[] = {{0, 100, 60, NONE}, {0, 100, 0, NONE}};
	run r;
	wf(&r, it, 2, 100, 1, false);
	lambda_is(&r, 2, 5);
	ck_assert_int_eq(r.out.state[0], DK_STATE_FLOORED);
	ck_assert_int_eq(r.out.amount[0], 60);
	ck_assert_int_eq(r.out.amount[1], 40);
	dk_wf_release(&r.out);
}
END_TEST

START_TEST(infeasible)
{
	/* floors 60 and 50 in a frame of 100: 10 short, no amounts */
	dk_wf_item it[] = {{0, 100, 60, NONE}, {0, 100, 50, NONE}};
	run r;
	wf(&r, it, 2, 100, 1, false);
	ck_assert_int_eq(r.out.outcome, DK_WF_INFEASIBLE);
	ck_assert_int_eq(r.out.shortfall, 10);
	dk_wf_release(&r.out);
}
END_TEST

START_TEST(reserve_mode)
{
	/* surplus: reserve. λ is solved without caps: 33 1/3 each; the cap
	 * cuts the first to 10 (23 1/3 to the reserve); the others share the
	 * whole kroner of 66 2/3, 33 each, and 2/3 goes to the reserve too:
	 * 10 + 33 + 33 = 76 allocated, 24 cut */
	dk_wf_item it[] = {{0, 100, 0, 10}, {0, 100, 0, 1000}, {0, 100, 0, 1000}};
	run r;
	wf(&r, it, 3, 100, 1, true);
	ck_assert_int_eq(r.out.amount[0], 10);
	ck_assert_int_eq(r.out.amount[1], 33);
	ck_assert_int_eq(r.out.amount[2], 33);
	ck_assert_int_eq(r.out.state[0], DK_STATE_CAPPED);
	ck_assert_int_eq(r.out.reserve_cut, 24);
	ck_assert_int_eq(r.out.unused, 0);
	dk_wf_release(&r.out);
}
END_TEST

START_TEST(rounding_unit)
{
	/* need method in hundreds: F = 900 over needs 300, 300, 400: λ = 9/10,
	 * exact 270, 270, 360; floors 200, 200, 300 in hundreds, two hundreds
	 * left for the largest remainders (70, 70 before 60) */
	dk_wf_item it[] = {{0, 300, 0, 300}, {0, 300, 0, 300}, {0, 400, 0, 400}};
	run r;
	wf(&r, it, 3, 900, 100, false);
	lambda_is(&r, 9, 10);
	ck_assert_int_eq(r.out.amount[0], 300);
	ck_assert_int_eq(r.out.amount[1], 300);
	ck_assert_int_eq(r.out.amount[2], 300);
	ck_assert_int_eq(r.out.unused, 0);
	dk_wf_release(&r.out);
	/* caps round down and floors up: cap 350 is 300, floor 120 is 200 */
	dk_wf_item c[] = {{0, 100, 120, 350}, {0, 100, 0, NONE}};
	wf(&r, c, 2, 1000, 100, false);
	ck_assert_int_eq(r.out.hi[0], 300);
	ck_assert_int_eq(r.out.lo[0], 200);
	ck_assert_int_eq(r.out.amount[0], 300);
	ck_assert_int_eq(r.out.amount[1], 700);
	dk_wf_release(&r.out);
}
END_TEST

START_TEST(rounding_the_exact_sum)
{
	/* RULES.md §3's worked example: need, u = 1000, F = 3 500, needs
	 * 1 000 and 4 000: λ = 7/10, exact 700 and 2 800; down to the unit 0
	 * and 2 000; 1 500 is left, one unit goes to the larger remainder
	 * (800 > 700): 0 and 3 000, 500 unused. Rounding the total to 3 000
	 * first would give 1 000 and 2 000. */
	dk_wf_item it[] = {{0, 1000, 0, 1000}, {0, 4000, 0, 4000}};
	run r;
	wf(&r, it, 2, 3500, 1000, false);
	lambda_is(&r, 7, 10);
	ck_assert_int_eq(r.out.amount[0], 0);
	ck_assert_int_eq(r.out.amount[1], 3000);
	ck_assert_int_eq(r.out.unused, 500);
	ck_assert(r.out.got_unit[1]);
	ck_assert(!r.out.got_unit[0]);
	dk_wf_release(&r.out);
	/* surplus: reserve, u = 1: λ = 1/5 without caps gives 2.4, 2.4, 0.4
	 * and 4.8, cut by its cap to 1. The free networks' exact sum is 5.2:
	 * 2, 2, 0 placed, one whole krone left (1.2), and the three equal
	 * remainders (.4) go by the larger weight: 3, 2, 0. (Rounding 5.2
	 * down to 5 first would scale the quotas and give 2, 2, 1.) */
	dk_wf_item q[] = {
		{0, 12, 0, 1000}, {0, 12, 0, 1000}, {0, 2, 0, 1000}, {0, 24, 0, 1}};
	wf(&r, q, 4, 10, 1, true);
	lambda_is(&r, 1, 5);
	ck_assert_int_eq(r.out.amount[0], 3);
	ck_assert_int_eq(r.out.amount[1], 2);
	ck_assert_int_eq(r.out.amount[2], 0);
	ck_assert_int_eq(r.out.amount[3], 1);
	ck_assert_int_eq(r.out.state[3], DK_STATE_CAPPED);
	ck_assert_int_eq(r.out.unused + r.out.reserve_cut, 4);
	dk_wf_release(&r.out);
}
END_TEST

START_TEST(saturated_lambda_skips_a_floor_at_its_cap)
{
	/* A's floor (2 000) is above its cap (1 000), so it is the cap: A is
	 * at its cap from λ = 0. The frame of 2 000 is more than both caps
	 * (1 300): saturated, and the smallest λ with every network at x(∞)
	 * is where B reaches 300: λ = 3 per hundredth of an FTE (300 kr per
	 * FTE), not A's 10. */
	dk_wf_item it[] = {{0, 100, 2000, 1000}, {0, 100, 0, 300}};
	run r;
	wf(&r, it, 2, 2000, 1, false);
	ck_assert_int_eq(r.out.outcome, DK_WF_SATURATED);
	lambda_is(&r, 3, 1);
	ck_assert_int_eq(r.out.amount[0], 1000);
	ck_assert_int_eq(r.out.amount[1], 300);
	ck_assert_int_eq(r.out.unused, 700);
	dk_wf_release(&r.out);
}
END_TEST

START_TEST(status_quo_with_no_previous)
{
	/* previous 0 and 100, need 50 and 200, F = 50: weights and caps
	 * min(previous, need) = 0 and 100; the first gets 0 (at its cap of
	 * 0), the second 50 at λ = 1/2 */
	dk_wf_item it[] = {{0, 0, 0, 0}, {0, 100, 0, 100}};
	run r;
	wf(&r, it, 2, 50, 1, false);
	lambda_is(&r, 1, 2);
	ck_assert_int_eq(r.out.amount[0], 0);
	ck_assert_int_eq(r.out.state[0], DK_STATE_CAPPED);
	ck_assert_int_eq(r.out.amount[1], 50);
	dk_wf_release(&r.out);
}
END_TEST

START_TEST(zero_weight_in_saturated_frame)
{
	/* base 20, FTE 0 and 1.00, needs 100 and 30, F = 1 000: the first
	 * (weight 0) gets its base 20, free; the second its cap 30; 950
	 * unused */
	dk_wf_item it[] = {{20, 0, 0, 100}, {20, 100, 0, 30}};
	run r;
	wf(&r, it, 2, 1000, 1, false);
	ck_assert_int_eq(r.out.outcome, DK_WF_SATURATED);
	ck_assert_int_eq(r.out.amount[0], 20);
	ck_assert_int_eq(r.out.state[0], DK_STATE_FREE);
	ck_assert_int_eq(r.out.amount[1], 30);
	ck_assert_int_eq(r.out.state[1], DK_STATE_CAPPED);
	ck_assert_int_eq(r.out.unused, 950);
	dk_wf_release(&r.out);
}
END_TEST

START_TEST(all_capped_exactly)
{
	/* F equal to the sum of the caps: solved, not saturated, nothing
	 * unused; λ is the last cap's breakpoint */
	dk_wf_item it[] = {{0, 100, 0, 100}, {0, 100, 0, 50}};
	run r;
	wf(&r, it, 2, 150, 1, false);
	ck_assert_int_eq(r.out.outcome, DK_WF_SOLVED);
	ck_assert_int_eq(r.out.amount[0], 100);
	ck_assert_int_eq(r.out.amount[1], 50);
	ck_assert_int_eq(r.out.unused, 0);
	lambda_is(&r, 1, 1);
	dk_wf_release(&r.out);
}
END_TEST

/* A plan and networks built in code, for recommend-level cases. */
static void two_networks(dk_plan *p, dk_networks *t)
{
	dk_plan_init(p);
	p->n_institutions = 2;
	p->institutions = calloc(2, sizeof *p->institutions);
	p->institutions[0].id = strdup("NTNU");
	p->institutions[1].id = strdup("Nord");
	p->has_prorata = true;
	p->prorata = 1000;
	p->direct = 5;
	p->method = DK_METHOD_NEED;
	dk_networks_init(t, 2);
	dk_network *n;
	ck_assert_int_eq(dk_networks_add(t, "A", 2, &n), DK_OK);
	n->v[DK_COL_NEED] = 600;
	n->v[DK_COL_OWN] = 200;
	n->uh[0] = 400;
	n->v[DK_COL_FTE] = 300;
	ck_assert_int_eq(dk_networks_add(t, "B", 3, &n), DK_OK);
	n->v[DK_COL_NEED] = 900;
	n->v[DK_COL_FTE] = 100;
}

START_TEST(recommend_components_and_direct)
{
	/* need method, F = 1 000 over needs 600 and 900: λ = 2/3, A gets 400
	 * and B 600. A planned own 200 and NTNU 400, so its 400 splits 1:2,
	 * 133 and 267 (the krone left goes to the larger remainder). B planned
	 * nothing: 600 unspecified. The direct transfer of 5 splits equally
	 * over two institutions: 3 to NTNU (earlier), 2 to Nord. */
	dk_plan p;
	dk_networks t;
	dk_recommendation r;
	two_networks(&p, &t);
	ck_assert_int_eq(dk_recommend(&p, &t, &r), DK_OK);
	ck_assert(r.produced);
	ck_assert_int_eq(r.rows[0].amount, 400);
	ck_assert_int_eq(r.rows[1].amount, 600);
	ck_assert_int_eq(r.rows[0].own, 133);
	ck_assert_int_eq(r.rows[0].uh[0], 267);
	ck_assert_int_eq(r.rows[1].unspecified, 600);
	ck_assert_int_eq(r.inst_direct[0], 3);
	ck_assert_int_eq(r.inst_direct[1], 2);
	ck_assert_int_eq(r.inst_up2[0], 267);
	ck_assert_uint_eq(r.findings.n, 0);
	dk_recommendation_release(&r);
	/* by_up1 weighted by FTE: A (3.00 FTE) all NTNU, B (1.00) half each:
	 * NTNU 3.5 : Nord 0.5 of 5, so 4.375 and 0.625: 4 and 1 */
	p.split = DK_SPLIT_BY_UP1;
	p.up1_weight = DK_UP1_WEIGHT_FTE;
	char msg[200];
	ck_assert_int_eq(dk_up1_parse("NTNU", &p, &t, &t.items[0], msg, sizeof msg),
			 DK_OK);
	ck_assert_int_eq(dk_up1_parse("NTNU:0.5+Nord:0.5", &p, &t, &t.items[1], msg,
				      sizeof msg),
			 DK_OK);
	ck_assert_int_eq(dk_recommend(&p, &t, &r), DK_OK);
	ck_assert_int_eq(r.inst_direct[0], 4);
	ck_assert_int_eq(r.inst_direct[1], 1);
	dk_recommendation_release(&r);
	dk_networks_release(&t);
	dk_plan_release(&p);
}
END_TEST

START_TEST(recommend_decisions)
{
	/* RULES.md section 9. status_quo, F = 2 000: A had 600 last year but
	 * needs 500, B and C had 1 000 and need 1 000. The method alone caps
	 * A at 500 and shares 2 000 over the weights 500, 1 000, 1 000:
	 * λ = 4/5, so 400, 800, 800. The forum decides A keeps its 600; the
	 * method shares the other 1 400 over B and C: 700 each. */
	dk_plan p;
	dk_networks t;
	dk_recommendation r;
	dk_plan_init(&p);
	dk_networks_init(&t, 0);
	p.has_prorata = true;
	p.prorata = 2000;
	p.method = DK_METHOD_STATUS_QUO;
	static const char *const names[] = {"A", "B", "C"};
	static const int64_t prev[] = {600, 1000, 1000}, need[] = {500, 1000, 1000};
	for (size_t k = 0; k < 3; k++) {
		dk_network *n;
		ck_assert_int_eq(dk_networks_add(&t, names[k], (int)k + 2, &n), DK_OK);
		n->v[DK_COL_PREVIOUS] = prev[k];
		n->v[DK_COL_NEED] = need[k];
	}
	t.columns = (1u << DK_COL_NETWORK) | (1u << DK_COL_PREVIOUS) |
		(1u << DK_COL_NEED);
	p.decisions = calloc(1, sizeof *p.decisions);
	p.decisions[0] = (dk_decision){strdup("A"), 0, 600, strdup("videreført"), 1, 1};
	p.n_decisions = 1;
	ck_assert_int_eq(dk_recommend(&p, &t, &r), DK_OK);
	ck_assert_int_eq(dk_findings_render(&r.findings), DK_OK);
	ck_assert(r.produced);
	ck_assert_int_eq(r.rows[0].amount, 600);
	ck_assert_int_eq(r.rows[0].state, DK_STATE_DECIDED);
	ck_assert_int_eq(r.rows[1].amount, 700);
	ck_assert_int_eq(r.rows[2].amount, 700);
	ck_assert_int_eq(r.rows[0].method_amount, 400);
	ck_assert_int_eq(r.rows[1].method_amount, 800);
	ck_assert_int_eq(r.rows[2].method_amount, 800);
	ck_assert_int_eq(r.unused + r.reserve_cut, 0);
	/* λ is the method's on what is left: 1 400 / 2 000 */
	ck_assert(r.lambda_num == 7 && r.lambda_den == 10);
	/* the decision finding (info) and over-need on the decided amount */
	size_t dec = 0, over = 0;
	for (size_t i = 0; i < r.findings.n; i++) {
		const dk_finding *x = &r.findings.items[i];
		if (x->check == DK_CHECK_DECISION) {
			dec++;
			ck_assert_int_eq(x->severity, DK_SEV_INFO);
			ck_assert_int_eq(x->network, 0);
			ck_assert_int_eq(x->expected, 400);
			ck_assert_int_eq(x->actual, 600);
			ck_assert_int_eq(x->difference, 200);
			ck_assert_str_eq(x->message,
					 "the method gives 400; the forum "
					 "decided 600 because: videreført");
		}
		if (x->check == DK_CHECK_OVER_NEED) {
			over++;
			ck_assert_str_eq(x->field, "recommended");
			ck_assert_int_eq(x->expected, 500);
			ck_assert_int_eq(x->actual, 600);
		}
	}
	ck_assert_uint_eq(dec, 1);
	ck_assert_uint_eq(over, 1);
	dk_recommendation_release(&r);
	/* decided above the frame: infeasible, no amounts; the method
	 * amounts are still there */
	p.decisions[0].amount = 2001;
	ck_assert_int_eq(dk_recommend(&p, &t, &r), DK_OK);
	ck_assert(!r.produced);
	ck_assert_int_eq(r.shortfall, 1);
	ck_assert_int_eq(r.rows[0].method_amount, 400);
	dk_recommendation_release(&r);
	dk_networks_release(&t);
	dk_plan_release(&p);
}
END_TEST

START_TEST(recommend_frame_sum)
{
	dk_plan p;
	dk_networks t;
	dk_recommendation r;
	two_networks(&p, &t);
	/* T = 1 100 but F + D = 1 005: frame-sum, F as given is allocated */
	p.has_total = true;
	p.total = 1100;
	ck_assert_int_eq(dk_recommend(&p, &t, &r), DK_OK);
	ck_assert_uint_eq(r.findings.n, 1);
	ck_assert_int_eq(r.findings.items[0].check, DK_CHECK_FRAME_SUM);
	ck_assert_int_eq(r.findings.items[0].expected, 1100);
	ck_assert_int_eq(r.findings.items[0].actual, 1005);
	ck_assert_int_eq(r.findings.items[0].difference, -95);
	ck_assert(r.produced);
	dk_recommendation_release(&r);
	/* F omitted: T − D = 1 095 is allocated; saturated at 1 500? no:
	 * needs sum to 1 500, so everything is given out */
	p.has_prorata = false;
	ck_assert_int_eq(dk_recommend(&p, &t, &r), DK_OK);
	ck_assert_int_eq(r.prorata, 1095);
	ck_assert_int_eq(r.rows[0].amount + r.rows[1].amount, 1095);
	dk_recommendation_release(&r);
	/* T below D: F would be negative, no amounts */
	p.total = 3;
	ck_assert_int_eq(dk_recommend(&p, &t, &r), DK_OK);
	ck_assert(!r.produced);
	ck_assert_int_eq(r.findings.items[0].check, DK_CHECK_FRAME_SUM);
	dk_recommendation_release(&r);
	dk_networks_release(&t);
	dk_plan_release(&p);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("allocate");
	TCase *tc = tcase_create("hand-checked");
	tcase_add_test(tc, need_method);
	tcase_add_test(tc, saturated);
	tcase_add_test(tc, base_plus_weight);
	tcase_add_test(tc, cap_redistributes);
	tcase_add_test(tc, floor_holds);
	tcase_add_test(tc, infeasible);
	tcase_add_test(tc, reserve_mode);
	tcase_add_test(tc, rounding_unit);
	tcase_add_test(tc, rounding_the_exact_sum);
	tcase_add_test(tc, saturated_lambda_skips_a_floor_at_its_cap);
	tcase_add_test(tc, recommend_decisions);
	tcase_add_test(tc, status_quo_with_no_previous);
	tcase_add_test(tc, zero_weight_in_saturated_frame);
	tcase_add_test(tc, all_capped_exactly);
	tcase_add_test(tc, recommend_components_and_direct);
	tcase_add_test(tc, recommend_frame_sum);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

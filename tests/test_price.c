/*
 * test_price.c: template prices on cases checked by hand, and properties
 * over generated templates: price ≥ cost; raising a factor or a rate never
 * lowers a price; the invoices add up to the price to the øre.
 */
#include <check.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_rng.h>
#include <stdlib.h>
#include <string.h>

#include "engine/price.h"
#include "io/json_pricing.h"

#define SRC DK_SOURCE_DIR "/fixtures/pricing/"

static void load(dk_pricing *p, const char *path)
{
	dk_error d;
	dk_input in;
	dk_error_init(&d);
	dk_input_init(&in);
	ck_assert_int_eq(dk_input_read(&in, path, &d), DK_OK);
	ck_assert_int_eq(dk_input_decode(&in, &d), DK_OK);
	ck_assert_int_eq(dk_pricing_read(&in, p, &d), DK_OK);
	dk_input_release(&in);
	dk_error_release(&d);
}

static size_t pkg(const dk_pricing *p, const char *name)
{
	for (size_t i = 0; i < p->n_packages; i++)
		if (strcmp(p->packages[i].name, name) == 0)
			return i;
	ck_abort_msg("no package %s", name);
	return 0;
}

START_TEST(hourly_cost_derivation)
{
	/* (600 000 × 1.23 + 451 000) / 1 628 = 1 189 000 / 1 628 kr
	 * = 730.3439... kr, exactly 29 725 000 / 407 øre */
	dk_pricing p;
	dk_quotation q;
	load(&p, SRC "ilu-illustrative.json");
	ck_assert_int_eq(dk_price_quote(&p, &q), DK_OK);
	ck_assert(q.hourly[1].num == 29725000 && q.hourly[1].den == 407);
	ck_assert_int_eq(q.hourly_ore[1], 73034);
	/* (750 000 × 1.23 + 451 000) / 1 628 = 843.67 kr */
	ck_assert_int_eq(q.hourly_ore[0], 84367);
	dk_quote_release(&q);
	dk_pricing_release(&p);
}
END_TEST

START_TEST(packages_of_the_illustrative_template)
{
	/* a day: 2 h lecture × 4 + 2 h seminar × 3 = 14 work hours per person;
	 * charged: 14 × (843.6732 + 0.5 × 730.3440) = 16 923.8329 kr plus
	 * 3 000 travel = 19 923.8329 kr a day */
	dk_pricing p;
	dk_quotation q;
	load(&p, SRC "ilu-illustrative.json");
	ck_assert_int_eq(dk_price_quote(&p, &q), DK_OK);
	const dk_quote_package *g = &q.pkgs[pkg(&p, "grunnpakke")];
	ck_assert_int_eq(g->cost, 7969533);       /* 4 days: 79 695.33 */
	ck_assert_int_eq(g->full_cost, 10014496); /* shares 1: 100 144.96 */
	ck_assert_int_eq(g->price, 7970000);      /* up to 100 kr */
	ck_assert_int_eq(g->price_per_day, 1992500);
	ck_assert_int_eq(g->delivered_e8, 16 * INT64_C(100000000));
	ck_assert(g->work_hours.num == 112 && g->work_hours.den == 1); /* 4 × 14 × 2 */
	ck_assert_int_eq(g->travel, 1200000);
	ck_assert_int_eq(g->role_cost[0] + g->role_cost[1] + g->travel, g->cost);
	ck_assert_int_eq(g->rounding, 467);
	ck_assert_int_eq(g->n_invoices, 2);
	ck_assert_int_eq(g->invoices[0], 3985000);
	ck_assert_int_eq(g->invoices[1], 3985000);
	const dk_quote_package *t15 = &q.pkgs[pkg(&p, "tillegg-1,5")];
	ck_assert_int_eq(t15->cost, 2988575); /* 1.5 days: 29 885.75 */
	ck_assert_int_eq(t15->price, 2990000);
	ck_assert_int_eq(t15->price_per_day, 1993333); /* 19 933.333 */
	const dk_quote_package *pl = &q.pkgs[pkg(&p, "planlegging")];
	/* its own day: 6 h planning × 1 = 6 work hours per person */
	ck_assert_int_eq(pl->cost, 1025307);
	/* a bidrag below full cost: info, one per package */
	ck_assert_uint_eq(q.findings.n, 4);
	ck_assert_int_eq(q.findings.items[0].check, DK_CHECK_PRICE_BELOW_COST);
	ck_assert_int_eq(q.findings.items[0].severity, DK_SEV_INFO);
	/* each belongs to its package, in template order */
	for (size_t i = 0; i < 4; i++)
		ck_assert_int_eq(q.findings.items[i].package, (long)i);
	dk_quote_release(&q);
	dk_pricing_release(&p);
}
END_TEST

static size_t count(const dk_quotation *q, dk_check_id id, dk_severity *sev)
{
	size_t k = 0;
	for (size_t i = 0; i < q->findings.n; i++)
		if (q->findings.items[i].check == id) {
			k++;
			if (sev)
				*sev = q->findings.items[i].severity;
		}
	return k;
}

START_TEST(oppdrag_and_bidrag)
{
	dk_pricing p;
	dk_quotation q;
	dk_severity sev;
	load(&p, SRC "ilu-illustrative.json");
	p.type = DK_OPPDRAG; /* margin 0 < 0.05, and below full cost */
	ck_assert_int_eq(dk_price_quote(&p, &q), DK_OK);
	ck_assert_uint_eq(count(&q, DK_CHECK_MARGIN_LOW, NULL), 1);
	ck_assert_uint_eq(count(&q, DK_CHECK_PRICE_BELOW_COST, &sev), 4);
	ck_assert_int_eq(sev, DK_SEV_ERROR);
	dk_quote_release(&q);
	/* full charge and a 5 % margin: exactly min_margin passes, and the
	 * price covers full cost */
	p.staff[1].charged_share = DK_E4;
	p.margin = 500;
	ck_assert_int_eq(dk_price_quote(&p, &q), DK_OK);
	ck_assert_uint_eq(count(&q, DK_CHECK_MARGIN_LOW, NULL), 0);
	ck_assert_uint_eq(count(&q, DK_CHECK_PRICE_BELOW_COST, NULL), 0);
	dk_quote_release(&q);
	dk_pricing_release(&p);
}
END_TEST

START_TEST(addon_cheaper_per_day)
{
	dk_pricing p;
	dk_quotation q;
	load(&p, SRC "ilu-illustrative.json");
	ck_assert_int_eq(dk_price_quote(&p, &q), DK_OK);
	ck_assert_uint_eq(count(&q, DK_CHECK_ADDON_PER_DAY, NULL), 0);
	dk_quote_release(&q);
	/* the 1-day add-on with only 2 h seminar a day: 6 work hours,
	 * 6 × 1 208.85 + 3 000 = 10 253.07, price 10 300 a day < 19 925 */
	size_t k = pkg(&p, "tillegg-1");
	p.packages[k].own_day = true;
	p.packages[k].day.parts = calloc(1, sizeof *p.packages[k].day.parts);
	p.packages[k].day.parts[0].activity = 1;
	p.packages[k].day.parts[0].hours = 2 * DK_E4;
	p.packages[k].day.n = 1;
	ck_assert_int_eq(dk_price_quote(&p, &q), DK_OK);
	ck_assert_uint_eq(count(&q, DK_CHECK_ADDON_PER_DAY, NULL), 1);
	ck_assert_int_eq(q.pkgs[k].price_per_day, 1030000);
	dk_quote_release(&q);
	dk_pricing_release(&p);
}
END_TEST

START_TEST(factor_range)
{
	dk_pricing p;
	dk_quotation q;
	load(&p, SRC "ilu-illustrative.json");
	p.activities[0].factor = 8 * DK_E4; /* at the limit: passes */
	p.activities[3].factor = DK_E4;     /* at the limit: passes */
	ck_assert_int_eq(dk_price_quote(&p, &q), DK_OK);
	ck_assert_uint_eq(count(&q, DK_CHECK_FACTOR_RANGE, NULL), 0);
	dk_quote_release(&q);
	p.activities[0].factor = 8 * DK_E4 + 1;
	p.activities[3].factor = DK_E4 - 1;
	ck_assert_int_eq(dk_price_quote(&p, &q), DK_OK);
	ck_assert_uint_eq(count(&q, DK_CHECK_FACTOR_RANGE, NULL), 2);
	dk_quote_release(&q);
	dk_pricing_release(&p);
}
END_TEST

START_TEST(invoices_odd_ore)
{
	/* a price of 100.00 kr over 3 semesters: 33.34 + 33.33 + 33.33; and
	 * 100.01 over 2: 50.01 + 50.00 */
	dk_pricing p;
	dk_quotation q;
	load(&p, SRC "ilu-illustrative.json");
	p.n_staff = 0;            /* travel only: the price is the travel */
	p.travel_per_day = 10000; /* 100.00 kr */
	p.round_to = 1;           /* to the øre */
	size_t k = pkg(&p, "tillegg-1");
	p.packages[k].semesters = 3;
	ck_assert_int_eq(dk_price_quote(&p, &q), DK_OK);
	ck_assert_int_eq(q.pkgs[k].price, 10000);
	ck_assert_int_eq(q.pkgs[k].invoices[0], 3334);
	ck_assert_int_eq(q.pkgs[k].invoices[1], 3333);
	ck_assert_int_eq(q.pkgs[k].invoices[2], 3333);
	dk_quote_release(&q);
	p.travel_per_day = 10001;
	p.packages[k].semesters = 2;
	ck_assert_int_eq(dk_price_quote(&p, &q), DK_OK);
	ck_assert_int_eq(q.pkgs[k].invoices[0], 5001);
	ck_assert_int_eq(q.pkgs[k].invoices[1], 5000);
	char term[16];
	dk_term_name(&p, 0, term, sizeof term);
	ck_assert_str_eq(term, "H2022");
	dk_term_name(&p, 1, term, sizeof term);
	ck_assert_str_eq(term, "V2023");
	dk_term_name(&p, 2, term, sizeof term);
	ck_assert_str_eq(term, "H2023");
	dk_quote_release(&q);
	dk_pricing_release(&p);
}
END_TEST

START_TEST(what_a_budget_buys)
{
	/* prices: basic 4 days 79 700; add-ons 1.5 days 29 900, 1 day 20 000 */
	dk_pricing p;
	dk_quotation q;
	dk_purchase b;
	load(&p, SRC "ilu-illustrative.json");
	ck_assert_int_eq(dk_price_quote(&p, &q), DK_OK);
	size_t a15 = pkg(&p, "tillegg-1,5"), a1 = pkg(&p, "tillegg-1");
	/* below one basic package: nothing, since add-ons need a basic one */
	ck_assert_int_eq(dk_price_buy(&p, &q, 4516700, &b), DK_OK);
	ck_assert_int_eq(b.basic, 0);
	ck_assert_int_eq(b.addons[a1], 0);
	ck_assert_int_eq(b.days, 0);
	ck_assert_int_eq(b.left, 4516700);
	dk_purchase_release(&b);
	/* 113 649: basic + 1.5 days = 109 600, 5.5 days, 4 049 left */
	ck_assert_int_eq(dk_price_buy(&p, &q, 11364900, &b), DK_OK);
	ck_assert_int_eq(b.basic, 1);
	ck_assert_int_eq(b.addons[a15], 1);
	ck_assert_int_eq(b.days, 55000);
	ck_assert_int_eq(b.left, 404900);
	dk_purchase_release(&b);
	/* 139 700: 7 days two ways, 2 × 1.5 (139 500) or 3 × 1 (139 700):
	 * the tie goes to less spent */
	ck_assert_int_eq(dk_price_buy(&p, &q, 13970000, &b), DK_OK);
	ck_assert_int_eq(b.days, 70000);
	ck_assert_int_eq(b.addons[a15], 2);
	ck_assert_int_eq(b.addons[a1], 0);
	ck_assert_int_eq(b.spent, 13950000);
	dk_purchase_release(&b);
	/* 723 754: 9 basic (36 days, 717 300) ties 8 basic + 2 × 1.5 + 1
	 * (36 days, 717 400): less spent */
	ck_assert_int_eq(dk_price_buy(&p, &q, 72375400, &b), DK_OK);
	ck_assert_int_eq(b.basic, 9);
	ck_assert_int_eq(b.left, 645400);
	dk_purchase_release(&b);
	dk_quote_release(&q);
	dk_pricing_release(&p);
}
END_TEST

/* Generated templates for the properties. */
static int64_t pick(gsl_rng *r, int64_t max)
{
	return (int64_t)gsl_rng_uniform_int(r, (unsigned long)max + 1);
}

static void random_template(gsl_rng *r, dk_pricing *p)
{
	load(p, SRC "ilu-illustrative.json");
	for (size_t i = 0; i < p->n_roles; i++) {
		dk_role *ro = &p->roles[i];
		ro->direct = pick(r, 1);
		ro->hourly_cost = 10000 + pick(r, 300000);
		ro->annual_salary = 30000000 + pick(r, 90000000);
		ro->social_cost_rate = pick(r, 5000);
		ro->indirect = pick(r, 80000000);
		ro->productive_hours = (1000 + pick(r, 1000)) * DK_E4 + pick(r, 9999);
	}
	for (size_t i = 0; i < p->n_activities; i++)
		p->activities[i].factor = DK_E4 / 2 + pick(r, 9 * DK_E4);
	for (size_t i = 0; i < p->day.n; i++)
		p->day.parts[i].hours = pick(r, 6 * DK_E4);
	for (size_t i = 0; i < p->n_staff; i++) {
		p->staff[i].persons = pick(r, 3 * DK_E4);
		p->staff[i].charged_share = pick(r, DK_E4);
	}
	p->travel_per_day = pick(r, 1000000);
	p->margin = pick(r, 3000);
	static const int64_t rounds[] = {1, 100, 10000, 100000};
	p->round_to = rounds[pick(r, 3)];
	for (size_t i = 0; i < p->n_packages; i++) {
		p->packages[i].days = DK_E4 / 4 + pick(r, 8 * DK_E4);
		p->packages[i].semesters = 1 + (int)pick(r, 3);
	}
}

START_TEST(price_properties)
{
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
	gsl_rng_set(r, 2022);
	for (int k = 0; k < 2000; k++) {
		dk_pricing p;
		dk_quotation a, b;
		random_template(r, &p);
		ck_assert_int_eq(dk_price_quote(&p, &a), DK_OK);
		for (size_t i = 0; i < a.n; i++) {
			ck_assert_msg(a.pkgs[i].price >= a.pkgs[i].cost,
				      "case %d: price below cost", k);
			int64_t sum = 0;
			for (int s = 0; s < a.pkgs[i].n_invoices; s++)
				sum += a.pkgs[i].invoices[s];
			ck_assert_msg(sum == a.pkgs[i].price, "case %d: invoices", k);
		}
		/* raise one factor or rate */
		switch (pick(r, 5)) {
		case 0:
			p.activities[pick(r, (int64_t)p.n_activities - 1)].factor +=
				1 + pick(r, DK_E4);
			break;
		case 1:
			p.roles[pick(r, (int64_t)p.n_roles - 1)].hourly_cost +=
				1 + pick(r, 10000);
			break;
		case 2:
			p.roles[pick(r, (int64_t)p.n_roles - 1)].social_cost_rate +=
				1 + pick(r, 1000);
			break;
		case 3:
			p.roles[pick(r, (int64_t)p.n_roles - 1)].indirect +=
				1 + pick(r, 1000000);
			break;
		case 4: p.margin += 1 + pick(r, 500); break;
		default: p.travel_per_day += 1 + pick(r, 10000); break;
		}
		ck_assert_int_eq(dk_price_quote(&p, &b), DK_OK);
		for (size_t i = 0; i < a.n; i++)
			ck_assert_msg(b.pkgs[i].price >= a.pkgs[i].price,
				      "case %d: a raise lowered a price", k);
		dk_quote_release(&a);
		dk_quote_release(&b);
		dk_pricing_release(&p);
	}
	gsl_rng_free(r);
}
END_TEST

int main(void)
{
	gsl_set_error_handler_off();
	Suite *s = suite_create("price");
	TCase *tc = tcase_create("hand-checked");
	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, hourly_cost_derivation);
	tcase_add_test(tc, packages_of_the_illustrative_template);
	tcase_add_test(tc, oppdrag_and_bidrag);
	tcase_add_test(tc, addon_cheaper_per_day);
	tcase_add_test(tc, factor_range);
	tcase_add_test(tc, invoices_odd_ore);
	tcase_add_test(tc, what_a_budget_buys);
	tcase_add_test(tc, price_properties);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

/*
 * test_checks.c: every check of RULES.md section 5 with a passing case, a
 * failing case and the boundary exactly at its tolerance or threshold
 * (thresholds are inclusive: at the limit passes).
 *
 * The fixture: method `need` with a frame larger than every need, so each
 * network's recommended amount is its need, a number the reader can see.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "engine/recommend.h"
#include "io/finding_text.h"
#include "io/i18n.h"
#include "io/networks.h"

typedef struct {
	dk_plan p;
	dk_networks t;
	dk_recommendation r;
	bool ran;
} fx;

static void fx_init(fx *f)
{
	memset(f, 0, sizeof *f);
	dk_plan_init(&f->p);
	f->p.n_institutions = 2;
	f->p.institutions = calloc(2, sizeof *f->p.institutions);
	f->p.institutions[0].id = strdup("NTNU");
	f->p.institutions[1].id = strdup("Nord");
	f->p.has_prorata = true;
	f->p.prorata = 1000;
	f->p.method = DK_METHOD_NEED;
	dk_networks_init(&f->t, 2);
}

/* A network with need 1000 and no budget lines. */
static dk_network *net(fx *f, const char *name)
{
	dk_network *n;
	ck_assert_int_eq(dk_networks_add(&f->t, name, 2, &n), DK_OK);
	n->v[DK_COL_NEED] = 1000;
	n->present |= 1u << DK_COL_NEED;
	f->t.columns |= (1u << DK_COL_NETWORK) | (1u << DK_COL_NEED);
	return n;
}

static void set(fx *f, dk_network *n, dk_column c, int64_t v)
{
	n->v[c] = v;
	n->present |= 1u << c;
	f->t.columns |= 1u << c;
}

static size_t count(fx *f, dk_check_id id)
{
	if (f->ran)
		dk_recommendation_release(&f->r);
	ck_assert_int_eq(dk_recommend(&f->p, &f->t, &f->r), DK_OK);
	ck_assert_int_eq(dk_findings_render(&f->r.findings), DK_OK);
	f->ran = true;
	size_t k = 0;
	for (size_t i = 0; i < f->r.findings.n; i++)
		k += f->r.findings.items[i].check == id;
	return k;
}

static const dk_finding *first(const fx *f, dk_check_id id)
{
	for (size_t i = 0; i < f->r.findings.n; i++)
		if (f->r.findings.items[i].check == id)
			return &f->r.findings.items[i];
	return NULL;
}

static void fx_release(fx *f)
{
	if (f->ran)
		dk_recommendation_release(&f->r);
	dk_networks_release(&f->t);
	dk_plan_release(&f->p);
}

START_TEST(frame_sum)
{
	fx f;
	fx_init(&f);
	net(&f, "A");
	f.p.has_total = true;
	f.p.direct = 100;
	f.p.total = 1100; /* 1 000 + 100: adds up */
	ck_assert_uint_eq(count(&f, DK_CHECK_FRAME_SUM), 0);
	f.p.total = 1101; /* one krone off */
	ck_assert_uint_eq(count(&f, DK_CHECK_FRAME_SUM), 1);
	ck_assert_int_eq(first(&f, DK_CHECK_FRAME_SUM)->difference, -1);
	fx_release(&f);
}
END_TEST

START_TEST(frame_infeasible)
{
	fx f;
	fx_init(&f);
	f.p.method = DK_METHOD_PRORATA;
	f.p.has_base_grant = true;
	f.p.base_grant = 500; /* two bases of 500: exactly the frame */
	net(&f, "A");
	net(&f, "B");
	ck_assert_uint_eq(count(&f, DK_CHECK_FRAME_INFEASIBLE), 0);
	ck_assert(f.r.produced);
	f.p.base_grant = 501; /* 2 short */
	ck_assert_uint_eq(count(&f, DK_CHECK_FRAME_INFEASIBLE), 1);
	ck_assert(!f.r.produced);
	ck_assert_int_eq(f.r.shortfall, 2);
	fx_release(&f);
}
END_TEST

START_TEST(frame_overrun)
{
	fx f;
	fx_init(&f);
	dk_network *a = net(&f, "A"), *b = net(&f, "B");
	set(&f, a, DK_COL_STATED_RECOMMENDED, 500);
	set(&f, b, DK_COL_STATED_RECOMMENDED, 500); /* 1 000: the frame */
	ck_assert_uint_eq(count(&f, DK_CHECK_FRAME_OVERRUN), 0);
	set(&f, b, DK_COL_STATED_RECOMMENDED, 501);
	ck_assert_uint_eq(count(&f, DK_CHECK_FRAME_OVERRUN), 1);
	const dk_finding *x;
	ck_assert_int_eq(first(&f, DK_CHECK_FRAME_OVERRUN)->difference, 1);
	/* a derived frame that is negative: no amounts, the stated half runs */
	f.p.has_prorata = false;
	f.p.has_total = true;
	f.p.total = 100;
	f.p.direct = 200; /* F = -100 */
	ck_assert_uint_eq(count(&f, DK_CHECK_FRAME_OVERRUN), 1);
	ck_assert(!f.r.produced);
	x = first(&f, DK_CHECK_FRAME_OVERRUN);
	ck_assert_str_eq(x->field, "stated_recommended");
	ck_assert_int_eq(x->expected, -100);
	ck_assert_int_eq(x->actual, 1001);
	/* and an empty stated cell states 0 */
	a->present &= ~(1u << DK_COL_STATED_RECOMMENDED);
	a->v[DK_COL_STATED_RECOMMENDED] = 0;
	count(&f, DK_CHECK_FRAME_OVERRUN);
	ck_assert_int_eq(first(&f, DK_CHECK_FRAME_OVERRUN)->actual, 501);
	fx_release(&f);
}
END_TEST

START_TEST(frame_unused)
{
	fx f;
	fx_init(&f);
	net(&f, "A"); /* need 1 000 = F: all used */
	ck_assert_uint_eq(count(&f, DK_CHECK_FRAME_UNUSED), 0);
	f.p.prorata = 1001;
	ck_assert_uint_eq(count(&f, DK_CHECK_FRAME_UNUSED), 1);
	ck_assert_int_eq(first(&f, DK_CHECK_FRAME_UNUSED)->severity, DK_SEV_INFO);
	fx_release(&f);
}
END_TEST

START_TEST(row_sum)
{
	fx f;
	fx_init(&f);
	dk_network *a = net(&f, "A");
	set(&f, a, DK_COL_OWN, 400);
	a->uh[0] = 600;
	a->uh_present = 1;
	ck_assert_uint_eq(count(&f, DK_CHECK_ROW_SUM), 0);
	set(&f, a, DK_COL_COORDINATOR, 5); /* lines 1 005 */
	ck_assert_uint_eq(count(&f, DK_CHECK_ROW_SUM), 1);
	const dk_finding *x = first(&f, DK_CHECK_ROW_SUM);
	ck_assert_int_eq(x->expected, 1000);
	ck_assert_int_eq(x->actual, 1005);
	ck_assert_ptr_nonnull(strstr(x->message, "equals the coordinator column"));
	ck_assert_str_eq(
		x->message_nb,
		"budsjettlinjene summerer til 1 005, men meldt behov er 1 000 "
		"(5 mer). Differansen er lik kolonnen «Koordinator»: ble den lagt "
		"til uten at behovet ble endret? Rett behovet eller linjene så "
		"de stemmer.");
	f.p.checks[DK_CHECK_ROW_SUM].param[0] = 5; /* tolerance 5: passes */
	ck_assert_uint_eq(count(&f, DK_CHECK_ROW_SUM), 0);
	set(&f, a, DK_COL_COORDINATOR, 6);
	ck_assert_uint_eq(count(&f, DK_CHECK_ROW_SUM), 1);
	/* a network with no planned line is not checked */
	dk_network *b = net(&f, "B");
	ck_assert_uint_eq(count(&f, DK_CHECK_ROW_SUM), 1);
	/* nor one whose lines are all 0: a 0 and an empty cell are the same */
	set(&f, b, DK_COL_OWN, 0);
	set(&f, b, DK_COL_COORDINATOR, 0);
	ck_assert_uint_eq(count(&f, DK_CHECK_ROW_SUM), 1);
	fx_release(&f);
}
END_TEST

START_TEST(stated_share)
{
	fx f;
	fx_init(&f);
	dk_network *a = net(&f, "A");
	set(&f, a, DK_COL_OWN, 400); /* 40 % of 1 000 */
	set(&f, a, DK_COL_STATED_OWN_PCT, 4000 * DK_PCT_ONE / 100);
	ck_assert_uint_eq(count(&f, DK_CHECK_STATED_SHARE), 0);
	set(&f, a, DK_COL_STATED_OWN_PCT,
	    4100 * DK_PCT_ONE / 100); /* 1.0 point: the tolerance */
	ck_assert_uint_eq(count(&f, DK_CHECK_STATED_SHARE), 0);
	set(&f, a, DK_COL_STATED_OWN_PCT, 4101 * DK_PCT_ONE / 100); /* 1.01 points */
	ck_assert_uint_eq(count(&f, DK_CHECK_STATED_SHARE), 1);
	/* in kroner: the amounts 400 against 41.01 % of 1 000 = 410 */
	const dk_finding *x = first(&f, DK_CHECK_STATED_SHARE);
	ck_assert_int_eq(x->scale, 0);
	ck_assert_int_eq(x->expected, 400);
	ck_assert_int_eq(x->actual, 410);
	ck_assert_int_eq(x->difference, 10);
	ck_assert_ptr_nonnull(strstr(x->message, "41.01 %"));
	ck_assert_ptr_nonnull(strstr(x->message, "40.00 %"));
	/* Norwegian: decimal commas */
	ck_assert_ptr_nonnull(strstr(x->message_nb, "oppgitt nettverksandel er 41,01 %"));
	ck_assert_ptr_nonnull(strstr(x->message_nb, "gir 40,00 %"));
	ck_assert_str_eq(dk_finding_message(x, false), x->message_nb);
	ck_assert_str_eq(dk_finding_message(x, true), x->message);
	/* the university share is its own finding */
	a->uh[1] = 600;
	a->uh_present = 2;
	set(&f, a, DK_COL_STATED_UH_PCT, 5000 * DK_PCT_ONE / 100);
	ck_assert_uint_eq(count(&f, DK_CHECK_STATED_SHARE), 2);
	fx_release(&f);
}
END_TEST

START_TEST(stated_total)
{
	fx f;
	fx_init(&f);
	net(&f, "A");
	net(&f, "B");
	dk_network *sum;
	ck_assert_int_eq(dk_networks_begin_totals(&f.t, "Sum", 0, &sum), DK_OK);
	f.t.totals.v[DK_COL_NEED] = 2000;
	f.t.totals.present = 1u << DK_COL_NEED;
	ck_assert_uint_eq(count(&f, DK_CHECK_STATED_TOTAL), 0);
	f.t.totals.v[DK_COL_NEED] = 2001;
	ck_assert_uint_eq(count(&f, DK_CHECK_STATED_TOTAL), 1);
	ck_assert_str_eq(first(&f, DK_CHECK_STATED_TOTAL)->field, "need");
	f.p.checks[DK_CHECK_STATED_TOTAL].param[0] = 1;
	ck_assert_uint_eq(count(&f, DK_CHECK_STATED_TOTAL), 0);
	/* an empty totals cell is not stated */
	f.t.totals.present = 0;
	f.p.checks[DK_CHECK_STATED_TOTAL].param[0] = 0;
	ck_assert_uint_eq(count(&f, DK_CHECK_STATED_TOTAL), 0);
	fx_release(&f);
}
END_TEST

START_TEST(stated_recommendation)
{
	fx f;
	fx_init(&f);
	f.p.prorata = 500; /* A's need is 1 000: it gets 500 */
	dk_network *a = net(&f, "A");
	set(&f, a, DK_COL_STATED_RECOMMENDED, 500);
	ck_assert_uint_eq(count(&f, DK_CHECK_STATED_RECOMMENDATION), 0);
	set(&f, a, DK_COL_STATED_RECOMMENDED, 501);
	ck_assert_uint_eq(count(&f, DK_CHECK_STATED_RECOMMENDATION), 1);
	f.p.checks[DK_CHECK_STATED_RECOMMENDATION].param[0] = 1;
	ck_assert_uint_eq(count(&f, DK_CHECK_STATED_RECOMMENDATION), 0);
	/* an empty cell in a file with the column states 0: B gets 500 of a
	 * frame of 1 000 and its empty cell says 0 */
	f.p.checks[DK_CHECK_STATED_RECOMMENDATION].param[0] = 0;
	set(&f, a, DK_COL_STATED_RECOMMENDED, 500);
	f.p.prorata = 1000;
	net(&f, "B");
	ck_assert_uint_eq(count(&f, DK_CHECK_STATED_RECOMMENDATION), 1);
	const dk_finding *x = first(&f, DK_CHECK_STATED_RECOMMENDATION);
	ck_assert_int_eq(x->network, 1);
	ck_assert_int_eq(x->expected, 500);
	ck_assert_int_eq(x->actual, 0);
	fx_release(&f);
}
END_TEST

START_TEST(over_need)
{
	fx f;
	fx_init(&f);
	dk_network *a = net(&f, "A");
	set(&f, a, DK_COL_STATED_RECOMMENDED, 1000); /* exactly the need */
	ck_assert_uint_eq(count(&f, DK_CHECK_OVER_NEED), 0);
	set(&f, a, DK_COL_STATED_RECOMMENDED, 1001);
	ck_assert_uint_eq(count(&f, DK_CHECK_OVER_NEED), 1);
	ck_assert_int_eq(first(&f, DK_CHECK_OVER_NEED)->severity, DK_SEV_ERROR);
	/* a computed amount, when the plan does not cap at need */
	set(&f, a, DK_COL_STATED_RECOMMENDED, 1000);
	f.p.method = DK_METHOD_PRORATA;
	f.p.cap_at_need = false;
	set(&f, a, DK_COL_FTE, 100);
	f.p.prorata = 1001;
	ck_assert_uint_eq(count(&f, DK_CHECK_OVER_NEED), 1);
	ck_assert_str_eq(first(&f, DK_CHECK_OVER_NEED)->field, "recommended");
	fx_release(&f);
}
END_TEST

START_TEST(self_financing)
{
	fx f;
	fx_init(&f);
	dk_network *a = net(&f, "A");
	/* no self-financing column: not run, and listed as not checked */
	ck_assert_uint_eq(count(&f, DK_CHECK_SELF_FINANCING), 0);
	ck_assert(f.r.not_checked & (1u << DK_CHECK_SELF_FINANCING));
	set(&f, a, DK_COL_SELF_FINANCING, 300); /* 30 % of the grant 1 000 */
	ck_assert_uint_eq(count(&f, DK_CHECK_SELF_FINANCING), 0);
	set(&f, a, DK_COL_SELF_FINANCING, 299);
	ck_assert_uint_eq(count(&f, DK_CHECK_SELF_FINANCING), 1);
	const dk_finding *x = first(&f, DK_CHECK_SELF_FINANCING);
	ck_assert_int_eq(x->expected, 300);
	ck_assert_int_eq(x->actual, 299);
	ck_assert_ptr_nonnull(strstr(x->message, "1 short"));
	ck_assert_ptr_nonnull(strstr(x->message_nb,
				     "under dekoms standardgrense på "
				     "30,0 % av anbefalt tilskudd 1 000 "
				     "(300 kreves): det mangler 1."));
	ck_assert(!(f.r.not_checked & (1u << DK_CHECK_SELF_FINANCING)));
	/* base need: the grant of 500 would pass, the need of 1 000 does not */
	f.p.prorata = 500;
	ck_assert_uint_eq(count(&f, DK_CHECK_SELF_FINANCING), 0);
	f.p.checks[DK_CHECK_SELF_FINANCING].param[1] = 1;
	ck_assert_uint_eq(count(&f, DK_CHECK_SELF_FINANCING), 1);
	fx_release(&f);
}
END_TEST

START_TEST(coordinator_share)
{
	fx f;
	fx_init(&f);
	dk_network *a = net(&f, "A");
	set(&f, a, DK_COL_COORDINATOR, 250); /* 25 % of 1 000 */
	ck_assert_uint_eq(count(&f, DK_CHECK_COORDINATOR_SHARE), 0);
	ck_assert_int_eq(f.r.rows[0].limited_coordinator,
			 DK_JUDGE_JA); /* criteria sheet */
	set(&f, a, DK_COL_COORDINATOR, 251);
	ck_assert_uint_eq(count(&f, DK_CHECK_COORDINATOR_SHARE), 1);
	ck_assert_int_eq(f.r.rows[0].limited_coordinator, DK_JUDGE_NEI);
	ck_assert_int_eq(first(&f, DK_CHECK_COORDINATOR_SHARE)->expected, 250);
	/* the default limit is dekom's, not the forum's */
	ck_assert_ptr_nonnull(strstr(first(&f, DK_CHECK_COORDINATOR_SHARE)->message_nb,
				     "over dekoms standardgrense på 25,0 %"));
	f.p.checks[DK_CHECK_COORDINATOR_SHARE].by_plan[0] = true;
	count(&f, DK_CHECK_COORDINATOR_SHARE);
	ck_assert_ptr_nonnull(strstr(first(&f, DK_CHECK_COORDINATOR_SHARE)->message_nb,
				     "over forumets grense på 25,0 %"));
	ck_assert_ptr_nonnull(strstr(first(&f, DK_CHECK_COORDINATOR_SHARE)->message,
				     "above the forum's limit of 25.0 %"));
	/* need 0: skipped (row-sum reports the line), criterion blank */
	set(&f, a, DK_COL_NEED, 0);
	ck_assert_uint_eq(count(&f, DK_CHECK_COORDINATOR_SHARE), 0);
	ck_assert_uint_eq(count(&f, DK_CHECK_ROW_SUM), 1);
	ck_assert_int_eq(f.r.rows[0].limited_coordinator, DK_JUDGE_BLANK);
	set(&f, a, DK_COL_NEED, 1000);
	f.p.checks[DK_CHECK_COORDINATOR_SHARE].param[0] = 300000;
	ck_assert_uint_eq(count(&f, DK_CHECK_COORDINATOR_SHARE), 0);
	f.p.checks[DK_CHECK_COORDINATOR_SHARE].off = true;
	set(&f, a, DK_COL_COORDINATOR, 900);
	ck_assert_uint_eq(count(&f, DK_CHECK_COORDINATOR_SHARE), 0);
	fx_release(&f);
}
END_TEST

START_TEST(uh_unidentified)
{
	fx f;
	fx_init(&f);
	dk_network *a = net(&f, "A");
	set(&f, a, DK_COL_UH_OTHER, 0);
	ck_assert_uint_eq(count(&f, DK_CHECK_UH_UNIDENTIFIED), 0);
	/* criteria sheet: no UH money planned: blank */
	ck_assert_int_eq(f.r.rows[0].uh_identified, DK_JUDGE_BLANK);
	set(&f, a, DK_COL_UH_OTHER, 1);
	ck_assert_uint_eq(count(&f, DK_CHECK_UH_UNIDENTIFIED), 1);
	ck_assert_int_eq(f.r.rows[0].uh_identified, DK_JUDGE_NEI); /* all other */
	a->uh[0] = 5;
	a->uh_present = 1;
	count(&f, DK_CHECK_UH_UNIDENTIFIED);
	ck_assert_int_eq(f.r.rows[0].uh_identified, DK_JUDGE_DELVIS);
	set(&f, a, DK_COL_UH_OTHER, 0);
	count(&f, DK_CHECK_UH_UNIDENTIFIED);
	ck_assert_int_eq(f.r.rows[0].uh_identified, DK_JUDGE_JA);
	fx_release(&f);
}
END_TEST

START_TEST(uh_share)
{
	fx f;
	fx_init(&f);
	dk_network *a = net(&f, "A");
	set(&f, a, DK_COL_OWN, 600);
	a->uh[0] = 400; /* 40 % to the universities */
	a->uh_present = 1;
	/* off unless min and max are set */
	ck_assert_uint_eq(count(&f, DK_CHECK_UH_SHARE), 0);
	ck_assert_int_eq(f.r.rows[0].reasonable_uh_share, DK_JUDGE_BLANK);
	dk_check_conf *c = &f.p.checks[DK_CHECK_UH_SHARE];
	c->param[0] = 400000;
	c->param[1] = 600000;
	c->param_set[0] = c->param_set[1] = true;
	c->by_plan[0] = c->by_plan[1] = true;
	ck_assert_uint_eq(count(&f, DK_CHECK_UH_SHARE), 0); /* 40 %: the limit */
	ck_assert_int_eq(f.r.rows[0].reasonable_uh_share, DK_JUDGE_JA);
	set(&f, a, DK_COL_OWN, 601);
	a->uh[0] = 399;
	/* the network and the whole grant both fall below 40 % */
	ck_assert_uint_eq(count(&f, DK_CHECK_UH_SHARE), 2);
	ck_assert_int_eq(f.r.rows[0].reasonable_uh_share, DK_JUDGE_NEI);
	/* in kroner: 40 % of 1 000 is the limit, 399 the UH amount */
	ck_assert_int_eq(first(&f, DK_CHECK_UH_SHARE)->expected, 400);
	ck_assert_int_eq(first(&f, DK_CHECK_UH_SHARE)->actual, 399);
	/* only min set: the lower bound alone applies */
	c->param_set[1] = false;
	ck_assert_uint_eq(count(&f, DK_CHECK_UH_SHARE), 2);
	ck_assert_ptr_nonnull(strstr(first(&f, DK_CHECK_UH_SHARE)->message,
				     "outside the forum's limit of at least 40.0 %"));
	/* only max set, at 30 %: 39.9 % is above it */
	c->param_set[0] = false;
	c->param_set[1] = true;
	c->param[1] = 300000;
	ck_assert_uint_eq(count(&f, DK_CHECK_UH_SHARE), 2);
	ck_assert_int_eq(first(&f, DK_CHECK_UH_SHARE)->expected, 300);
	ck_assert_int_eq(f.r.rows[0].reasonable_uh_share, DK_JUDGE_NEI);
	/* only max, at 40 %: passes */
	c->param[1] = 400000;
	ck_assert_uint_eq(count(&f, DK_CHECK_UH_SHARE), 0);
	ck_assert_int_eq(f.r.rows[0].reasonable_uh_share, DK_JUDGE_JA);
	fx_release(&f);
}
END_TEST

START_TEST(year_change)
{
	fx f;
	fx_init(&f);
	dk_network *a = net(&f, "A");
	f.p.prorata = 1250;
	set(&f, a, DK_COL_NEED, 1250);
	set(&f, a, DK_COL_PREVIOUS, 1000); /* +25 %: the limit */
	ck_assert_uint_eq(count(&f, DK_CHECK_YEAR_CHANGE), 0);
	f.p.prorata = 1251;
	set(&f, a, DK_COL_NEED, 1251);
	ck_assert_uint_eq(count(&f, DK_CHECK_YEAR_CHANGE), 1);
	/* the limit in kroner: 1 000 + 25 % = 1 250; the amount 1 251 */
	ck_assert_int_eq(first(&f, DK_CHECK_YEAR_CHANGE)->expected, 1250);
	ck_assert_int_eq(first(&f, DK_CHECK_YEAR_CHANGE)->actual, 1251);
	ck_assert(!(f.r.not_checked & (1u << DK_CHECK_YEAR_CHANGE)));
	set(&f, a, DK_COL_PREVIOUS, 0); /* no previous: skipped */
	ck_assert_uint_eq(count(&f, DK_CHECK_YEAR_CHANGE), 0);
	/* no previous column at all: listed as not checked */
	f.t.columns &= ~(1u << DK_COL_PREVIOUS);
	ck_assert_uint_eq(count(&f, DK_CHECK_YEAR_CHANGE), 0);
	ck_assert(f.r.not_checked & (1u << DK_CHECK_YEAR_CHANGE));
	/* unless the plan turned the check off */
	f.p.checks[DK_CHECK_YEAR_CHANGE].off = true;
	count(&f, DK_CHECK_YEAR_CHANGE);
	ck_assert(!(f.r.not_checked & (1u << DK_CHECK_YEAR_CHANGE)));
	fx_release(&f);
}
END_TEST

START_TEST(up1_assignment)
{
	fx f;
	fx_init(&f);
	dk_network *a = net(&f, "A");
	char msg[200];
	f.t.columns |= 1u << DK_COL_UP1;
	ck_assert_int_eq(
		dk_up1_parse("NTNU:0.5+Nord:0.5", &f.p, &f.t, a, msg, sizeof msg), DK_OK);
	ck_assert_uint_eq(count(&f, DK_CHECK_UP1_ASSIGNMENT), 0); /* exactly 1 */
	a->up1 = NULL; /* the parts stay the table's, freed with it */
	a->n_up1 = 0;
	ck_assert_int_eq(
		dk_up1_parse("NTNU:0.5+Nord:0.4", &f.p, &f.t, a, msg, sizeof msg), DK_OK);
	ck_assert_uint_eq(count(&f, DK_CHECK_UP1_ASSIGNMENT), 1);
	ck_assert_int_eq(first(&f, DK_CHECK_UP1_ASSIGNMENT)->actual, 900000);
	/* an empty cell is a finding only under by_up1 */
	dk_network *b = net(&f, "B");
	(void)b;
	ck_assert_uint_eq(count(&f, DK_CHECK_UP1_ASSIGNMENT), 1);
	f.p.split = DK_SPLIT_BY_UP1;
	f.p.direct = 10;
	ck_assert_uint_eq(count(&f, DK_CHECK_UP1_ASSIGNMENT), 2);
	/* also when the direct amount is 0 */
	f.p.direct = 0;
	ck_assert_uint_eq(count(&f, DK_CHECK_UP1_ASSIGNMENT), 2);
	fx_release(&f);
}
END_TEST

START_TEST(criteria)
{
	fx f;
	fx_init(&f);
	dk_network *a = net(&f, "A");
	set(&f, a, DK_COL_LOCALLY_ANCHORED, DK_JUDGE_JA);
	ck_assert_uint_eq(count(&f, DK_CHECK_CRITERIA), 0);
	set(&f, a, DK_COL_LOCALLY_ANCHORED, DK_JUDGE_NEI);
	set(&f, a, DK_COL_UH_PARTNERSHIP, DK_JUDGE_DELVIS);
	ck_assert_uint_eq(count(&f, DK_CHECK_CRITERIA), 2);
	/* sorted: the warning (nei) before the info (delvis) */
	dk_findings_sort(&f.r.findings);
	ck_assert_int_eq(f.r.findings.items[0].severity, DK_SEV_WARNING);
	ck_assert_int_eq(f.r.findings.items[1].severity, DK_SEV_INFO);
	f.p.checks[DK_CHECK_CRITERIA].param[0] = DK_SEV_ERROR;
	count(&f, DK_CHECK_CRITERIA);
	ck_assert_int_eq(first(&f, DK_CHECK_CRITERIA)->severity, DK_SEV_ERROR);
	fx_release(&f);
}
END_TEST

START_TEST(totals_like_row)
{
	fx f;
	fx_init(&f);
	f.p.prorata = 10000;
	net(&f, "A");
	net(&f, "B");
	dk_network *c = net(&f, "Totalt for alle"); /* not a totals label */
	set(&f, c, DK_COL_NEED, 2000);              /* 1 000 + 1 000 */
	ck_assert_uint_eq(count(&f, DK_CHECK_TOTALS_LIKE_ROW), 1);
	const dk_finding *x = first(&f, DK_CHECK_TOTALS_LIKE_ROW);
	ck_assert_int_eq(x->network, 2);
	ck_assert_int_eq(x->severity, DK_SEV_ERROR);
	ck_assert_int_eq(x->expected, 2000);
	ck_assert_ptr_nonnull(strstr(x->message, "Name it Sum, or remove it"));
	set(&f, c, DK_COL_NEED, 2001);
	ck_assert_uint_eq(count(&f, DK_CHECK_TOTALS_LIKE_ROW), 0);
	/* two networks, one the other's equal: only one other row has a
	 * need, so it is not a totals row */
	fx_release(&f);
	fx_init(&f);
	net(&f, "A");
	net(&f, "B");
	ck_assert_uint_eq(count(&f, DK_CHECK_TOTALS_LIKE_ROW), 0);
	/* three, the third the sum of the first two with one of them 0 */
	dk_network *z = net(&f, "C");
	set(&f, z, DK_COL_NEED, 0);
	set(&f, f.t.items + 1, DK_COL_NEED, 1000);
	ck_assert_uint_eq(count(&f, DK_CHECK_TOTALS_LIKE_ROW), 0);
	fx_release(&f);
}
END_TEST

/* A network's findings in list order, by a counting sort: network 1 has
 * items 0, 3 and 4, network 0 item 2, network 2 none; the plan's own
 * (item 1) belongs to no network. */
START_TEST(findings_by_network)
{
	dk_findings f;
	dk_findings_init(&f);
	dk_check_conf conf[DK_CHECK_COUNT];
	dk_check_conf_defaults(conf);
	const long nets[] = {1, -1, 0, 1, 1};
	dk_arg arg = dk_arg_kr(1);
	for (size_t i = 0; i < 5; i++)
		ck_assert_int_eq(dk_findings_add(&f, conf, DK_CHECK_ROW_SUM, -1, nets[i],
						 "need", NULL, 0, DK_MSG_ROW_SUM, &arg,
						 1),
				 DK_OK);
	size_t *at, *order;
	ck_assert_int_eq(dk_findings_by_network(&f, 3, &at, &order), DK_OK);
	const size_t want_at[] = {0, 1, 4, 4}, want_order[] = {2, 0, 3, 4};
	for (size_t k = 0; k < 4; k++) {
		ck_assert_uint_eq(at[k], want_at[k]);
		ck_assert_uint_eq(order[k], want_order[k]);
	}
	free(at);
	free(order);
	dk_findings_release(&f);
}
END_TEST

START_TEST(sort_order)
{
	/* severity first, then network in input order (the plan's own
	 * findings before any network's), then check id */
	fx f;
	fx_init(&f);
	dk_network *a = net(&f, "A"), *b = net(&f, "B");
	set(&f, b, DK_COL_OWN, 999);
	set(&f, b, DK_COL_UH_OTHER, 1); /* warning, B */
	set(&f, a, DK_COL_OWN, 99);
	set(&f, a, DK_COL_COORDINATOR, 900); /* warning, A */
	set(&f, a, DK_COL_UH_OTHER, 1);      /* warning, A */
	f.p.prorata = 5000;                  /* info, plan */
	f.p.has_total = true;
	f.p.total = 1; /* error, plan */
	count(&f, DK_CHECK_FRAME_SUM);
	dk_findings_sort(&f.r.findings);
	const dk_finding *x = f.r.findings.items;
	ck_assert_uint_eq(f.r.findings.n, 5);
	ck_assert_uint_eq(f.r.not_checked,
			  (1u << DK_CHECK_SELF_FINANCING) | (1u << DK_CHECK_YEAR_CHANGE));
	ck_assert_int_eq(x[0].check, DK_CHECK_FRAME_SUM);
	ck_assert_int_eq(x[1].check, DK_CHECK_COORDINATOR_SHARE);
	ck_assert_int_eq(x[1].network, 0);
	ck_assert_int_eq(x[2].check, DK_CHECK_UH_UNIDENTIFIED);
	ck_assert_int_eq(x[2].network, 0);
	ck_assert_int_eq(x[3].network, 1);
	ck_assert_int_eq(x[4].check, DK_CHECK_FRAME_UNUSED);
	fx_release(&f);
}
END_TEST

int main(void)
{
	dk_i18n_init();
	Suite *s = suite_create("checks");
	TCase *tc = tcase_create("each check");
	tcase_add_test(tc, frame_sum);
	tcase_add_test(tc, frame_infeasible);
	tcase_add_test(tc, frame_overrun);
	tcase_add_test(tc, frame_unused);
	tcase_add_test(tc, row_sum);
	tcase_add_test(tc, stated_share);
	tcase_add_test(tc, stated_total);
	tcase_add_test(tc, stated_recommendation);
	tcase_add_test(tc, over_need);
	tcase_add_test(tc, self_financing);
	tcase_add_test(tc, coordinator_share);
	tcase_add_test(tc, uh_unidentified);
	tcase_add_test(tc, uh_share);
	tcase_add_test(tc, year_change);
	tcase_add_test(tc, up1_assignment);
	tcase_add_test(tc, criteria);
	tcase_add_test(tc, totals_like_row);
	tcase_add_test(tc, sort_order);
	tcase_add_test(tc, findings_by_network);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

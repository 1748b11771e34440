/*
 * checks.c: the consistency checks (see checks.h). Each check is one
 * function; each finding says what is wrong, with the numbers, and what the
 * secretariat can do about it.
 *
 * Percentages are compared exactly: a stated share s (hundredths of a
 * percent) against amount a of need N passes when
 * |s·N·10⁴ − a·10⁸| ≤ tol·N, with tol in millionths of a percentage point.
 */
#include "engine/checks.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/exact.h"

typedef struct {
	const dk_plan *p;
	const dk_networks *t;
	dk_recommendation *r;
	dk_status st;
} ctx;

static const char *kr(dk_kr v, char *buf)
{
	dk_kr_format(v, buf, 40);
	return buf;
}

/* a/b as a percentage with one decimal, decimal point: "35.1". */
static const char *pct(dk_i128 a, dk_i128 b, char *buf)
{
	if (b <= 0) {
		snprintf(buf, 40, "-");
		return buf;
	}
	dk_ratio_str(a * 100, b, 1, buf, 40);
	return buf;
}


static const dk_check_conf *conf(const ctx *c, dk_check_id id)
{
	return &c->p->checks[id];
}

/* Whose limit a threshold is (CLI.md, Plan): the plan's when it sets the
 * parameter, dekom's default otherwise. */
static const char *whose(const ctx *c, dk_check_id id, int param, bool english)
{
	bool set = conf(c, id)->by_plan[param];
	if (english)
		return set ? "the forum's limit of" : "dekom's default limit of";
	return set ? "forumets grense på" : "dekoms standardgrense på";
}

/* v·ratio (millionths) in whole kroner, rounded up or down. */
static dk_kr of_ratio(dk_kr v, int64_t ratio, bool up)
{
	dk_i128 x = (dk_i128)v * ratio;
	return (dk_kr)(up ? (x + DK_RATIO_ONE - 1) / DK_RATIO_ONE : x / DK_RATIO_ONE);
}

/* EN and NB are each a parenthesised (format, arguments...) list: the
 * message in English and in Norwegian. EN is formatted first, so NB may
 * reuse the buffers that EN's arguments filled. */
#define ADD(c, id, sev, net, field, nums, scale, EN, NB)                         \
	do {                                                                     \
		if ((c)->st == DK_OK) {                                          \
			bool q_ = (c)->r->findings.count_only;                   \
			char *m_en_ = q_ ? NULL : dk_msgf EN;                    \
			char *m_nb_ = q_ ? NULL : dk_msgf NB;                    \
			(c)->st = dk_findings_add(&(c)->r->findings, (c)->p->checks, \
						  id, sev, net, field, nums, scale, \
						  m_en_, m_nb_);                 \
		}                                                                \
	} while (0)

static dk_kr lines_sum(const ctx *c, const dk_network *n)
{
	dk_kr s = n->v[DK_COL_OWN] + n->v[DK_COL_COORDINATOR] + n->v[DK_COL_UH_OTHER];
	for (size_t i = 0; i < c->p->n_institutions; i++)
		s += n->uh[i];
	return s;
}

static dk_kr up2_sum(const ctx *c, const dk_network *n)
{
	dk_kr s = n->v[DK_COL_UH_OTHER];
	for (size_t i = 0; i < c->p->n_institutions; i++)
		s += n->uh[i];
	return s;
}

/* A network plans budget lines when one of them is above 0: a line of 0
 * and an empty one are the same (RULES.md section 5). */
static bool has_lines(const ctx *c, const dk_network *n)
{
	return lines_sum(c, n) > 0;
}

static void row_sum(ctx *c)
{
	int64_t tol = conf(c, DK_CHECK_ROW_SUM)->param[0];
	for (size_t k = 0; k < c->t->n; k++) {
		const dk_network *n = &c->t->items[k];
		if (!has_lines(c, n))
			continue;
		dk_kr need = n->v[DK_COL_NEED], sum = lines_sum(c, n);
		dk_kr diff = sum - need;
		if ((diff < 0 ? -diff : diff) <= tol)
			continue;
		/* a column whose value equals the difference */
		const char *col = NULL;
		dk_kr ad = diff < 0 ? -diff : diff;
		static const dk_column cols[] = {DK_COL_OWN, DK_COL_COORDINATOR,
						 DK_COL_UH_OTHER};
		for (size_t j = 0; j < 3 && !col; j++)
			if (dk_network_has(n, cols[j]) && n->v[cols[j]] == ad)
				col = dk_column_get(cols[j])->name;
		for (size_t i = 0; i < c->p->n_institutions && !col; i++)
			if (((n->uh_present >> i) & 1u) && n->uh[i] == ad)
				col = c->p->institutions[i].id;
		char a[40], b[40], d[40], hint[200] = "", hint_nb[200] = "";
		if (col) {
			snprintf(hint, sizeof hint,
				 " The difference equals the %s column: was it %s "
				 "without the need being changed?",
				 col, diff > 0 ? "added" : "removed");
			snprintf(hint_nb, sizeof hint_nb,
				 " Differansen er lik kolonnen %s: ble den %s uten "
				 "at behovet ble endret?",
				 col, diff > 0 ? "lagt til" : "tatt bort");
		}
		int64_t nums[2] = {need, sum};
		ADD(c, DK_CHECK_ROW_SUM, -1, (long)k, "need", nums, 0,
		    ("the budget lines sum to %s but the reported need is %s (%s "
		     "%s).%s Correct the need or the lines so that they agree.",
		     kr(sum, a), kr(need, b), kr(ad, d),
		     diff > 0 ? "more" : "less", hint),
		    ("budsjettlinjene summerer til %s, men meldt behov er %s (%s "
		     "%s).%s Rett behovet eller linjene så de stemmer.",
		     a, b, d, diff > 0 ? "mer" : "mindre", hint_nb));
	}
}

/* Stated percentage s (DK_PCT_ONE per percent) of need N against amount
 * a: it passes when |s/100·N − a| ≤ tol/100·N, tol in millionths of a
 * percentage point, compared exactly as integers. Reported in kroner: the
 * amounts (expected, what the rule holds the percentage to) against the
 * stated share of the need (actual, half up to whole kroner); the message
 * gives both percentages. */
static void stated_share(ctx *c)
{
	int64_t tol = conf(c, DK_CHECK_STATED_SHARE)->param[0];
	for (size_t k = 0; k < c->t->n; k++) {
		const dk_network *n = &c->t->items[k];
		dk_kr need = n->v[DK_COL_NEED];
		if (need <= 0)
			continue;
		for (int j = 0; j < 2; j++) {
			dk_column col = j == 0 ? DK_COL_STATED_OWN_PCT : DK_COL_STATED_UH_PCT;
			if (!dk_network_has(n, col))
				continue;
			dk_kr a = j == 0 ? n->v[DK_COL_OWN] + n->v[DK_COL_COORDINATOR]
					 : up2_sum(c, n);
			/* s·N·10⁶ vs a·100·DK_PCT_ONE·10⁶ and tol·N·DK_PCT_ONE */
			dk_i128 lhs = (dk_i128)n->v[col] * need * DK_RATIO_ONE -
				      (dk_i128)a * 100 * DK_PCT_ONE * DK_RATIO_ONE;
			if (lhs < 0)
				lhs = -lhs;
			if (lhs <= (dk_i128)tol * need * DK_PCT_ONE)
				continue;
			char s1[40], x[40], am[40], nd[40], st[40];
			/* as stated, with 2 to DK_PCT_DECIMALS decimals */
			size_t len = dk_decimal_format(n->v[col], DK_PCT_DECIMALS, "", ".", s1,
						       sizeof s1);
			for (int z = 2; z < DK_PCT_DECIMALS && len && s1[len - 1] == '0'; z++)
				s1[--len] = '\0';
			/* the stated share of the need in kroner, half up */
			dk_i128 sd = (dk_i128)100 * DK_PCT_ONE;
			dk_kr stated = (dk_kr)(((dk_i128)n->v[col] * need * 2 + sd) / (2 * sd));
			dk_ratio_str((dk_i128)a * 100, need, 2, x, sizeof x);
			int64_t nums[2] = {a, stated};
			ADD(c, DK_CHECK_STATED_SHARE, -1, (long)k, dk_column_get(col)->name,
			    nums, 0,
			    ("the stated %s share is %s %% (%s of the need %s) but the "
			     "amounts give %s %% (%s). Update the percentage or the "
			     "amounts.",
			     j == 0 ? "network" : "university", s1, kr(stated, st),
			     kr(need, nd), x, kr(a, am)),
			    ("oppgitt %s er %s %% (%s av behovet %s), men beløpene gir "
			     "%s %% (%s). Rett prosenten eller beløpene.",
			     j == 0 ? "nettverksandel" : "UH-andel", s1, st, nd, x, am));
		}
	}
}

static void stated_total(ctx *c)
{
	const dk_networks *t = c->t;
	int64_t tol = conf(c, DK_CHECK_STATED_TOTAL)->param[0];
	if (!t->has_totals)
		return;
	const dk_network *tot = &t->totals;
	for (int col = 1; col < DK_COL_COUNT; col++) {
		const dk_column_def *def = dk_column_get((dk_column)col);
		if (!dk_network_has(tot, (dk_column)col) ||
		    (def->kind != DK_KIND_AMOUNT && def->kind != DK_KIND_FTE))
			continue;
		int64_t sum = 0;
		for (size_t k = 0; k < t->n; k++)
			sum += t->items[k].v[col];
		int64_t diff = tot->v[col] - sum;
		int64_t tl = def->kind == DK_KIND_FTE ? tol * 100 : tol;
		if ((diff < 0 ? -diff : diff) <= tl)
			continue;
		char a[40], b[40], d[40];
		int dec = def->kind == DK_KIND_FTE ? 2 : 0;
		dk_decimal_format(tot->v[col], dec, " ", ",", a, sizeof a);
		dk_decimal_format(sum, dec, " ", ",", b, sizeof b);
		dk_decimal_format(diff < 0 ? -diff : diff, dec, " ", ",", d, sizeof d);
		int64_t nums[2] = {sum, tot->v[col]};
		ADD(c, DK_CHECK_STATED_TOTAL, -1, -1, def->name, nums, dec,
		    ("the totals row states %s %s but the rows sum to %s: the stated "
		     "total is %s too %s. A row was changed without the total; "
		     "update the totals row.",
		     def->name, a, b, d, diff > 0 ? "high" : "low"),
		    ("summeraden oppgir %s %s, men radene summerer til %s: oppgitt "
		     "sum er %s for %s. En rad er endret uten at summen ble det; "
		     "oppdater summeraden.",
		     def->name, a, b, d, diff > 0 ? "høy" : "lav"));
	}
	for (size_t i = 0; i < c->p->n_institutions; i++) {
		if (!((tot->uh_present >> i) & 1u))
			continue;
		int64_t sum = 0;
		for (size_t k = 0; k < t->n; k++)
			sum += t->items[k].uh[i];
		int64_t diff = tot->uh[i] - sum;
		if ((diff < 0 ? -diff : diff) <= tol)
			continue;
		char a[40], b[40];
		int64_t nums[2] = {sum, tot->uh[i]};
		ADD(c, DK_CHECK_STATED_TOTAL, -1, -1, c->p->institutions[i].id, nums, 0,
		    ("the totals row states %s %s but the rows sum to %s. Update the "
		     "totals row.",
		     c->p->institutions[i].id, kr(tot->uh[i], a), kr(sum, b)),
		    ("summeraden oppgir %s %s, men radene summerer til %s. Oppdater "
		     "summeraden.",
		     c->p->institutions[i].id, a, b));
	}
}

/* stated-recommendation, over-need and frame-overrun. In a file with the
 * stated column an empty or '-' cell states 0 (RULES.md section 5); the
 * checks compare the sheet with the final amounts, decisions included. */
static void recommendation_checks(ctx *c)
{
	const dk_networks *t = c->t;
	int64_t tol = conf(c, DK_CHECK_STATED_RECOMMENDATION)->param[0];
	bool stated_col = (t->columns >> DK_COL_STATED_RECOMMENDED) & 1u;
	dk_kr stated_sum = 0;
	for (size_t k = 0; k < t->n; k++) {
		const dk_network *n = &t->items[k];
		const dk_rec_row *row = &c->r->rows[k];
		dk_kr need = n->v[DK_COL_NEED];
		char a[40], b[40], d[40];
		if (stated_col) {
			dk_kr s = n->v[DK_COL_STATED_RECOMMENDED];
			stated_sum += s;
			if (s > need) {
				int64_t nums[2] = {need, s};
				ADD(c, DK_CHECK_OVER_NEED, -1, (long)k, "stated_recommended",
				    nums, 0,
				    ("the stated recommendation %s is above the network's "
				     "own reported need %s by %s. Lower it to the need, or "
				     "ask the network to revise its need.",
				     kr(s, a), kr(need, b), kr(s - need, d)),
				    ("innstilt beløp %s er %s over nettverkets eget meldte "
				     "behov %s. Senk det til behovet, eller be nettverket "
				     "revidere behovet.",
				     a, d, b));
			}
			if (c->r->produced) {
				dk_kr x = row->amount, diff = s - x;
				bool dec = row->state == DK_STATE_DECIDED;
				if ((diff < 0 ? -diff : diff) > tol) {
					int64_t nums[2] = {x, s};
					ADD(c, DK_CHECK_STATED_RECOMMENDATION, -1, (long)k,
					    "stated_recommended", nums, 0,
					    ("the sheet recommends %s but %s%s%s gives %s (%s "
					     "%s). Record why the forum departs from the "
					     "method, or correct the sheet.",
					     kr(s, a), dec ? "the forum's decision"
							   : "the plan's method (",
					     dec ? "" : dk_method_name(c->p->method),
					     dec ? "" : ")", kr(x, b),
					     kr(diff < 0 ? -diff : diff, d),
					     diff > 0 ? "more" : "less"),
					    ("arket innstiller %s, men %s%s%s gir %s (%s %s). "
					     "Skriv ned hvorfor forumet avviker fra metoden, "
					     "eller rett arket.",
					     a, dec ? "forumets vedtak" : "planens metode (",
					     dec ? "" : dk_method_name(c->p->method),
					     dec ? "" : ")", b, d,
					     diff > 0 ? "mer" : "mindre"));
				}
			}
		}
		if (!c->r->produced || row->amount <= need)
			continue;
		dk_kr x = row->amount;
		int64_t nums[2] = {need, x};
		if (row->state == DK_STATE_DECIDED) {
			ADD(c, DK_CHECK_OVER_NEED, -1, (long)k, "recommended", nums, 0,
			    ("the forum's decided amount %s is above the network's own "
			     "reported need %s by %s.",
			     kr(x, a), kr(need, b), kr(x - need, d)),
			    ("forumets vedtatte beløp %s er %s over nettverkets eget "
			     "meldte behov %s.",
			     a, d, b));
		} else if (!c->p->cap_at_need) {
			ADD(c, DK_CHECK_OVER_NEED, -1, (long)k, "recommended", nums, 0,
			    ("the recommended %s is above the network's own reported "
			     "need %s by %s (the plan does not cap at need). Consider "
			     "cap_at_need, or ask the network about its need.",
			     kr(x, a), kr(need, b), kr(x - need, d)),
			    ("anbefalt beløp %s er %s over nettverkets eget meldte "
			     "behov %s (planen bruker ikke behovet som tak). Vurder "
			     "cap_at_need, eller spør nettverket om behovet.",
			     a, d, b));
		}
	}
	dk_kr F = c->r->prorata;
	char a[40], b[40], d[40];
	if (c->r->produced) {
		dk_kr sum = 0;
		for (size_t k = 0; k < t->n; k++)
			sum += c->r->rows[k].amount;
		if (sum > F) {
			int64_t nums[2] = {F, sum};
			ADD(c, DK_CHECK_FRAME_OVERRUN, -1, -1, "recommended", nums, 0,
			    ("the recommended amounts sum to %s, above the pro-rata "
			     "frame %s by %s.",
			     kr(sum, a), kr(F, b), kr(sum - F, d)),
			    ("de anbefalte beløpene summerer til %s, %s over pro "
			     "rata-rammen %s.",
			     a, d, b));
		}
	}
	/* the stated half runs whenever the column is there, also when no
	 * amounts are produced and when the derived frame is negative */
	if (stated_col && stated_sum > F) {
		int64_t nums[2] = {F, stated_sum};
		ADD(c, DK_CHECK_FRAME_OVERRUN, -1, -1, "stated_recommended", nums, 0,
		    ("the stated recommendations sum to %s, above the pro-rata frame "
		     "%s by %s. Lower them, or raise the frame.",
		     kr(stated_sum, a), kr(F, b), kr(stated_sum - F, d)),
		    ("de innstilte beløpene summerer til %s, %s over pro rata-rammen "
		     "%s. Senk dem, eller øk rammen.",
		     a, d, b));
	}
}

static void self_financing(ctx *c)
{
	const dk_check_conf *cf = conf(c, DK_CHECK_SELF_FINANCING);
	if (!((c->t->columns >> DK_COL_SELF_FINANCING) & 1u)) {
		if (!cf->off)
			c->r->not_checked |= 1u << DK_CHECK_SELF_FINANCING;
		return;
	}
	bool on_need = cf->param[1] == 1;
	if (!on_need && !c->r->produced)
		return;
	for (size_t k = 0; k < c->t->n; k++) {
		const dk_network *n = &c->t->items[k];
		dk_kr grant = on_need ? n->v[DK_COL_NEED] : c->r->rows[k].amount;
		dk_kr sf = n->v[DK_COL_SELF_FINANCING];
		if ((dk_i128)sf * DK_RATIO_ONE >= (dk_i128)cf->param[0] * grant)
			continue;
		/* the smallest whole krone amount that passes */
		dk_kr required = of_ratio(grant, cf->param[0], true);
		char a[40], b[40], d[40], r[40], m[40];
		pct(cf->param[0], DK_RATIO_ONE, m);
		int64_t nums[2] = {required, sf};
		ADD(c, DK_CHECK_SELF_FINANCING, -1, (long)k, "self_financing", nums, 0,
		    ("self-financing %s is below %s %s %% of the %s %s (%s required): "
		     "%s short. Ask the school owners to raise their self-financing.",
		     kr(sf, a), whose(c, DK_CHECK_SELF_FINANCING, 0, true), m,
		     on_need ? "need" : "recommended grant", kr(grant, b),
		     kr(required, r), kr(required - sf, d)),
		    ("egenfinansieringen %s er under %s %s %% av %s %s (%s kreves): "
		     "det mangler %s. Be skoleeierne øke egenfinansieringen.",
		     a, whose(c, DK_CHECK_SELF_FINANCING, 0, false), m,
		     on_need ? "meldt behov" : "anbefalt tilskudd", b, r, d));
	}
}

/* Skipped where need is 0: row-sum reports lines without a need. */
static void coordinator_share(ctx *c)
{
	const dk_check_conf *cf = conf(c, DK_CHECK_COORDINATOR_SHARE);
	for (size_t k = 0; k < c->t->n; k++) {
		const dk_network *n = &c->t->items[k];
		dk_kr coord = n->v[DK_COL_COORDINATOR], need = n->v[DK_COL_NEED];
		if (need <= 0 || coord <= 0 ||
		    (dk_i128)coord * DK_RATIO_ONE <= (dk_i128)cf->param[0] * need)
			continue;
		dk_kr allowed = of_ratio(need, cf->param[0], false);
		char a[40], p1[40], p2[40], b[40];
		int64_t nums[2] = {allowed, coord};
		ADD(c, DK_CHECK_COORDINATOR_SHARE, -1, (long)k, "coordinator", nums, 0,
		    ("the coordinator (%s) is %s %% of the need, above %s %s %% (%s). "
		     "Ask the network to justify or reduce it.",
		     kr(coord, a), pct(coord, need, p1),
		     whose(c, DK_CHECK_COORDINATOR_SHARE, 0, true),
		     pct(cf->param[0], DK_RATIO_ONE, p2), kr(allowed, b)),
		    ("koordinator (%s) er %s %% av behovet, over %s %s %% (%s). Be "
		     "nettverket begrunne eller redusere den.",
		     a, p1, whose(c, DK_CHECK_COORDINATOR_SHARE, 0, false), p2, b));
	}
}

static void uh_unidentified(ctx *c)
{
	for (size_t k = 0; k < c->t->n; k++) {
		const dk_network *n = &c->t->items[k];
		dk_kr other = n->v[DK_COL_UH_OTHER];
		if (other <= 0)
			continue;
		char a[40];
		int64_t nums[2] = {0, other};
		ADD(c, DK_CHECK_UH_UNIDENTIFIED, -1, (long)k, "uh_other", nums, 0,
		    ("%s of UP2 money has no university chosen (other/uncertain). "
		     "The network should choose its UP2 partner.",
		     kr(other, a)),
		    ("%s av UP2-midlene har ingen valgt UH-institusjon "
		     "(andre/usikker). Nettverket bør velge sin UP2-partner.",
		     a));
	}
}

/* uh / of within the bounds that are set? 1 yes, 0 no; *limit is the
 * bound passed, in whole kroner (of·min rounded up, of·max rounded down). */
static int uh_within(const ctx *c, dk_i128 uh, dk_kr of, dk_kr *limit)
{
	const dk_check_conf *cf = conf(c, DK_CHECK_UH_SHARE);
	dk_i128 s = uh * DK_RATIO_ONE;
	if (cf->param_set[0] && s < (dk_i128)cf->param[0] * of) {
		*limit = of_ratio(of, cf->param[0], true);
		return 0;
	}
	if (cf->param_set[1] && s > (dk_i128)cf->param[1] * of) {
		*limit = of_ratio(of, cf->param[1], false);
		return 0;
	}
	return 1;
}

/* "40-60 %", "at least 40 %" or "at most 60 %", by the bounds set. */
static const char *uh_bounds(const ctx *c, bool english, char *buf)
{
	const dk_check_conf *cf = conf(c, DK_CHECK_UH_SHARE);
	char p1[40], p2[40];
	pct(cf->param[0], DK_RATIO_ONE, p1);
	pct(cf->param[1], DK_RATIO_ONE, p2);
	const char *who = whose(c, DK_CHECK_UH_SHARE, 0, english);
	if (cf->param_set[0] && cf->param_set[1])
		snprintf(buf, 120, "%s %s-%s %%", who, p1, p2);
	else if (cf->param_set[0])
		snprintf(buf, 120, "%s %s %s %%", who, english ? "at least" : "minst", p1);
	else
		snprintf(buf, 120, "%s %s %s %%", who, english ? "at most" : "høyst", p2);
	return buf;
}

static void uh_share(ctx *c)
{
	const dk_check_conf *cf = conf(c, DK_CHECK_UH_SHARE);
	if (!c->r->produced || (!cf->param_set[0] && !cf->param_set[1]))
		return;
	char p0[40], be[120], bn[120], a[40], l[40];
	uh_bounds(c, true, be);
	uh_bounds(c, false, bn);
	for (size_t k = 0; k < c->t->n; k++) {
		const dk_rec_row *row = &c->r->rows[k];
		if (row->amount <= 0)
			continue;
		dk_kr uh = row->uh_other, limit = 0;
		for (size_t i = 0; i < c->p->n_institutions; i++)
			uh += row->uh[i];
		if (uh_within(c, uh, row->amount, &limit))
			continue;
		int64_t nums[2] = {limit, uh};
		ADD(c, DK_CHECK_UH_SHARE, -1, (long)k, "uh_share", nums, 0,
		    ("the university share of the recommended amount is %s %% (%s), "
		     "outside %s (%s). Discuss the split between the network and "
		     "the universities.",
		     pct(uh, row->amount, p0), kr(uh, a), be, kr(limit, l)),
		    ("UH-andelen av anbefalt beløp er %s %% (%s), utenfor %s (%s). "
		     "Drøft fordelingen mellom nettverket og universitetene.",
		     p0, a, bn, l));
	}
	/* in total: (D + Σ UP2 + Σ other) ÷ (D + Σ recommended) */
	dk_i128 up = (dk_i128)c->r->direct + c->r->total_other, den = c->r->direct;
	for (size_t i = 0; i < c->p->n_institutions; i++)
		up += c->r->inst_up2[i];
	for (size_t k = 0; k < c->t->n; k++)
		den += c->r->rows[k].amount;
	if (den <= 0)
		return;
	dk_kr limit = 0;
	if (uh_within(c, up, (dk_kr)den, &limit))
		return;
	int64_t nums[2] = {limit, (int64_t)up};
	ADD(c, DK_CHECK_UH_SHARE, -1, -1, "uh_share", nums, 0,
	    ("the universities' share of the whole grant (direct transfer plus "
	     "UP2) is %s %% (%s), outside %s (%s).",
	     pct(up, den, p0), kr((dk_kr)up, a), be, kr(limit, l)),
	    ("universitetenes andel av hele tilskuddet (direkte overføring og "
	     "UP2) er %s %% (%s), utenfor %s (%s).",
	     p0, a, bn, l));
}

static void year_change(ctx *c)
{
	const dk_check_conf *cf = conf(c, DK_CHECK_YEAR_CHANGE);
	if (!((c->t->columns >> DK_COL_PREVIOUS) & 1u)) {
		if (!cf->off)
			c->r->not_checked |= 1u << DK_CHECK_YEAR_CHANGE;
		return;
	}
	if (!c->r->produced)
		return;
	for (size_t k = 0; k < c->t->n; k++) {
		dk_kr prev = c->t->items[k].v[DK_COL_PREVIOUS], x = c->r->rows[k].amount;
		if (prev <= 0)
			continue;
		dk_kr d = x - prev, ad = d < 0 ? -d : d;
		if ((dk_i128)ad * DK_RATIO_ONE <= (dk_i128)cf->param[0] * prev)
			continue;
		/* the limit passed, in whole kroner */
		dk_kr room = of_ratio(prev, cf->param[0], false);
		dk_kr limit = d < 0 ? prev - room : prev + room;
		char a[40], b[40], p1[40], p2[40];
		int64_t nums[2] = {limit, x};
		ADD(c, DK_CHECK_YEAR_CHANGE, -1, (long)k, "recommended", nums, 0,
		    ("the recommended %s is %s %% %s last year's %s, more than %s "
		     "%s %%. Give the reason for the change.",
		     kr(x, a), pct(ad, prev, p1), d < 0 ? "below" : "above", kr(prev, b),
		     whose(c, DK_CHECK_YEAR_CHANGE, 0, true),
		     pct(cf->param[0], DK_RATIO_ONE, p2)),
		    ("anbefalt beløp %s er %s %% %s fjorårets %s, mer enn %s %s %%. "
		     "Begrunn endringen.",
		     a, p1, d < 0 ? "under" : "over", b,
		     whose(c, DK_CHECK_YEAR_CHANGE, 0, false), p2));
	}
}

static void criteria(ctx *c)
{
	static const dk_column judged[] = {DK_COL_LOCALLY_ANCHORED,
					   DK_COL_COLLECTIVE_LEARNING,
					   DK_COL_UH_PARTNERSHIP};
	static const char *const words[] = {"locally anchored",
					    "collective learning",
					    "partnership with a university"};
	static const char *const words_nb[] = {"lokalt forankret",
					       "kollektiv læring",
					       "partnerskap med UH"};
	const dk_check_conf *cf = conf(c, DK_CHECK_CRITERIA);
	for (size_t k = 0; k < c->t->n; k++) {
		const dk_network *n = &c->t->items[k];
		for (size_t j = 0; j < 3; j++) {
			if (!dk_network_has(n, judged[j]))
				continue;
			dk_judgement a = (dk_judgement)n->v[judged[j]];
			if (a != DK_JUDGE_NEI && a != DK_JUDGE_DELVIS)
				continue;
			int sev = (int)cf->param[a == DK_JUDGE_NEI ? 0 : 1];
			ADD(c, DK_CHECK_CRITERIA, sev, (long)k,
			    dk_column_get(judged[j])->name, NULL, 0,
			    ("the criteria sheet answers '%s' to \"%s\". Discuss with the "
			     "network what it takes to meet the criterion.",
			     dk_judgement_name(a), words[j]),
			    ("kriteriearket svarer «%s» på «%s». Drøft med nettverket "
			     "hva som skal til for å oppfylle kriteriet.",
			     dk_judgement_name(a), words_nb[j]));
		}
	}
}

/* The three computed answers of the criteria sheet (RULES.md section 4),
 * as dk_judgement values. */
static void criteria_sheet(ctx *c)
{
	const dk_check_conf *us = conf(c, DK_CHECK_UH_SHARE);
	const dk_check_conf *cs = conf(c, DK_CHECK_COORDINATOR_SHARE);
	for (size_t k = 0; k < c->t->n; k++) {
		const dk_network *n = &c->t->items[k];
		dk_rec_row *row = &c->r->rows[k];
		dk_kr up2 = up2_sum(c, n), other = n->v[DK_COL_UH_OTHER];
		/* UH identified? blank without UH money planned */
		row->uh_identified = up2 == 0      ? DK_JUDGE_BLANK
				     : other == 0  ? DK_JUDGE_JA
				     : other == up2 ? DK_JUDGE_NEI
						   : DK_JUDGE_DELVIS;
		/* coordinator of limited scope? blank where the check skips */
		row->limited_coordinator = DK_JUDGE_BLANK;
		if (n->v[DK_COL_NEED] > 0 && !cs->off)
			row->limited_coordinator =
				(dk_i128)n->v[DK_COL_COORDINATOR] * DK_RATIO_ONE <=
						(dk_i128)cs->param[0] * n->v[DK_COL_NEED]
					? DK_JUDGE_JA : DK_JUDGE_NEI;
		/* reasonable split? blank without a bound, an amount, or when
		 * the check is off */
		row->reasonable_uh_share = DK_JUDGE_BLANK;
		if (c->r->produced && row->amount > 0 && !us->off &&
		    (us->param_set[0] || us->param_set[1])) {
			dk_kr uh = row->uh_other, limit;
			for (size_t i = 0; i < c->p->n_institutions; i++)
				uh += row->uh[i];
			row->reasonable_uh_share = uh_within(c, uh, row->amount, &limit)
				? DK_JUDGE_JA : DK_JUDGE_NEI;
		}
	}
}

/* A row read as a network whose need is above 0 and equals the sum of the
 * need of all the other network rows, at least two of which have a need
 * above 0: an unlabelled totals row (RULES.md section 5). */
static void totals_like_row(ctx *c)
{
	const dk_networks *t = c->t;
	dk_i128 sum = 0;
	size_t positive = 0;
	for (size_t k = 0; k < t->n; k++) {
		sum += t->items[k].v[DK_COL_NEED];
		positive += t->items[k].v[DK_COL_NEED] > 0;
	}
	for (size_t k = 0; k < t->n; k++) {
		const dk_network *n = &t->items[k];
		dk_kr need = n->v[DK_COL_NEED];
		/* the others: two with a need above 0 besides this one */
		if (need <= 0 || positive < 3 || sum - need != need)
			continue;
		char a[40];
		int64_t nums[2] = {need, need};
		ADD(c, DK_CHECK_TOTALS_LIKE_ROW, -1, (long)k, "need", nums, 0,
		    ("the row's need %s is the sum of the need of all the other "
		     "rows: is this a totals row? Name it Sum, or remove it.",
		     kr(need, a)),
		    ("radens meldte behov %s er summen av behovet til alle de "
		     "andre radene: er dette en summerad? Kall den Sum, eller "
		     "fjern den.",
		     a));
	}
}

dk_status dk_checks_run(const dk_plan *p, const dk_networks *t,
			dk_recommendation *r)
{
	ctx c = {p, t, r, DK_OK};
	criteria_sheet(&c);
	totals_like_row(&c);
	row_sum(&c);
	stated_share(&c);
	stated_total(&c);
	recommendation_checks(&c);
	self_financing(&c);
	coordinator_share(&c);
	uh_unidentified(&c);
	uh_share(&c);
	year_change(&c);
	criteria(&c);
	return c.st;
}

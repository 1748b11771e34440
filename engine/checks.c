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

/* a/b in hundredths of a percent, rounded half up. */
static int64_t pct_hundredths(dk_i128 a, dk_i128 b)
{
	if (b <= 0)
		return 0;
	return (int64_t)((a * 20000 / b + 1) / 2);
}

static const dk_check_conf *conf(const ctx *c, dk_check_id id)
{
	return &c->p->checks[id];
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

static bool has_lines(const ctx *c, const dk_network *n)
{
	if (n->present & ((1u << DK_COL_OWN) | (1u << DK_COL_COORDINATOR) |
			  (1u << DK_COL_UH_OTHER)))
		return true;
	(void)c;
	return n->uh_present != 0;
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
			dk_i128 lhs = (dk_i128)n->v[col] * need * 10000 - (dk_i128)a * 100000000;
			if (lhs < 0)
				lhs = -lhs;
			if (lhs <= (dk_i128)tol * need)
				continue;
			char s[40], x[40], am[40], nd[40];
			dk_decimal_format(n->v[col], 2, "", ".", s, sizeof s);
			int64_t computed = pct_hundredths(a, need);
			dk_decimal_format(computed, 2, "", ".", x, sizeof x);
			int64_t nums[2] = {computed, n->v[col]};
			ADD(c, DK_CHECK_STATED_SHARE, -1, (long)k, dk_column_get(col)->name,
			    nums, 2,
			    ("the stated %s share is %s %% but the amounts give %s %% (%s "
			     "of the need %s). Update the percentage or the amounts.",
			     j == 0 ? "network" : "university", s, x, kr(a, am),
			     kr(need, nd)),
			    ("oppgitt %s er %s %%, men beløpene gir %s %% (%s av "
			     "behovet %s). Rett prosenten eller beløpene.",
			     j == 0 ? "nettverksandel" : "UH-andel", s, x, am, nd));
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

static void recommendation_checks(ctx *c)
{
	const dk_networks *t = c->t;
	int64_t tol = conf(c, DK_CHECK_STATED_RECOMMENDATION)->param[0];
	dk_kr stated_sum = 0;
	bool any_stated = false;
	for (size_t k = 0; k < t->n; k++) {
		const dk_network *n = &t->items[k];
		dk_kr need = n->v[DK_COL_NEED];
		char a[40], b[40], d[40];
		if (dk_network_has(n, DK_COL_STATED_RECOMMENDED)) {
			dk_kr s = n->v[DK_COL_STATED_RECOMMENDED];
			stated_sum += s;
			any_stated = true;
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
				dk_kr x = c->r->rows[k].amount, diff = s - x;
				if ((diff < 0 ? -diff : diff) > tol) {
					int64_t nums[2] = {x, s};
					ADD(c, DK_CHECK_STATED_RECOMMENDATION, -1, (long)k,
					    "stated_recommended", nums, 0,
					    ("the sheet recommends %s but the plan's method "
					     "(%s) gives %s (%s %s). Record why the forum "
					     "departs from the method, or correct the sheet.",
					     kr(s, a), dk_method_name(c->p->method), kr(x, b),
					     kr(diff < 0 ? -diff : diff, d),
					     diff > 0 ? "more" : "less"),
					    ("arket innstiller %s, men planens metode (%s) "
					     "gir %s (%s %s). Skriv ned hvorfor forumet "
					     "avviker fra metoden, eller rett arket.",
					     a, dk_method_name(c->p->method), b, d,
					     diff > 0 ? "mer" : "mindre"));
				}
			}
		}
		if (c->r->produced && !c->p->cap_at_need && c->r->rows[k].amount > need) {
			dk_kr x = c->r->rows[k].amount;
			int64_t nums[2] = {need, x};
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
	if (any_stated && F >= 0 && stated_sum > F) {
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
	if (!((c->t->columns >> DK_COL_SELF_FINANCING) & 1u))
		return;
	bool on_need = cf->param[1] == 1;
	if (!on_need && !c->r->produced)
		return;
	for (size_t k = 0; k < c->t->n; k++) {
		const dk_network *n = &c->t->items[k];
		dk_kr grant = on_need ? n->v[DK_COL_NEED] : c->r->rows[k].amount;
		dk_kr sf = n->v[DK_COL_SELF_FINANCING];
		dk_i128 need_scaled = (dk_i128)cf->param[0] * grant;
		if ((dk_i128)sf * DK_RATIO_ONE >= need_scaled)
			continue;
		/* the smallest whole krone amount that passes */
		dk_kr required = (dk_kr)((need_scaled + DK_RATIO_ONE - 1) / DK_RATIO_ONE);
		char a[40], b[40], d[40], r[40], m[40];
		pct(cf->param[0], DK_RATIO_ONE, m);
		int64_t nums[2] = {required, sf};
		ADD(c, DK_CHECK_SELF_FINANCING, -1, (long)k, "self_financing", nums, 0,
		    ("self-financing %s is below %s %% of the %s %s (%s required): %s "
		     "short. Ask the school owners to raise their self-financing.",
		     kr(sf, a), m, on_need ? "need" : "recommended grant", kr(grant, b),
		     kr(required, r), kr(required - sf, d)),
		    ("egenfinansieringen %s er under %s %% av %s %s (%s kreves): det "
		     "mangler %s. Be skoleeierne øke egenfinansieringen.",
		     a, m, on_need ? "meldt behov" : "anbefalt tilskudd", b, r, d));
	}
}

static void coordinator_share(ctx *c)
{
	const dk_check_conf *cf = conf(c, DK_CHECK_COORDINATOR_SHARE);
	for (size_t k = 0; k < c->t->n; k++) {
		const dk_network *n = &c->t->items[k];
		dk_kr coord = n->v[DK_COL_COORDINATOR], need = n->v[DK_COL_NEED];
		if (coord <= 0 || (dk_i128)coord * DK_RATIO_ONE <= (dk_i128)cf->param[0] * need)
			continue;
		dk_kr allowed = (dk_kr)((dk_i128)cf->param[0] * need / DK_RATIO_ONE);
		char a[40], p1[40], p2[40], b[40];
		int64_t nums[2] = {allowed, coord};
		ADD(c, DK_CHECK_COORDINATOR_SHARE, -1, (long)k, "coordinator", nums, 0,
		    ("the coordinator (%s) is %s %% of the need, above the %s %% the "
		     "forum allows (%s). Ask the network to justify or reduce it.",
		     kr(coord, a), pct(coord, need, p1),
		     pct(cf->param[0], DK_RATIO_ONE, p2), kr(allowed, b)),
		    ("koordinator (%s) er %s %% av behovet, over de %s %% forumet "
		     "tillater (%s). Be nettverket begrunne eller redusere den.",
		     a, p1, p2, b));
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

static void uh_share(ctx *c)
{
	const dk_check_conf *cf = conf(c, DK_CHECK_UH_SHARE);
	if (!c->r->produced || !cf->param_set[0] || !cf->param_set[1])
		return;
	int64_t lo = cf->param[0], hi = cf->param[1];
	char p0[40], p1[40], p2[40];
	pct(lo, DK_RATIO_ONE, p1);
	pct(hi, DK_RATIO_ONE, p2);
	for (size_t k = 0; k < c->t->n; k++) {
		const dk_rec_row *row = &c->r->rows[k];
		if (row->amount <= 0)
			continue;
		dk_kr uh = row->uh_other;
		for (size_t i = 0; i < c->p->n_institutions; i++)
			uh += row->uh[i];
		dk_i128 s = (dk_i128)uh * DK_RATIO_ONE;
		if (s >= (dk_i128)lo * row->amount && s <= (dk_i128)hi * row->amount)
			continue;
		int64_t share = (int64_t)((dk_i128)uh * DK_RATIO_ONE / row->amount);
		int64_t nums[2] = {s < (dk_i128)lo * row->amount ? lo : hi, share};
		ADD(c, DK_CHECK_UH_SHARE, -1, (long)k, "uh_share", nums, 6,
		    ("the university share of the recommended amount is %s %%, outside "
		     "%s-%s %%. Discuss the split between the network and the "
		     "universities.",
		     pct(uh, row->amount, p0), p1, p2),
		    ("UH-andelen av anbefalt beløp er %s %%, utenfor %s-%s %%. Drøft "
		     "fordelingen mellom nettverket og universitetene.",
		     p0, p1, p2));
	}
	/* in total: (D + Σ UP2 + Σ other) ÷ (D + Σ recommended) */
	dk_i128 up = (dk_i128)c->r->direct + c->r->total_other, den = c->r->direct;
	for (size_t i = 0; i < c->p->n_institutions; i++)
		up += c->r->inst_up2[i];
	for (size_t k = 0; k < c->t->n; k++)
		den += c->r->rows[k].amount;
	if (den <= 0)
		return;
	dk_i128 s = up * DK_RATIO_ONE;
	if (s >= (dk_i128)lo * den && s <= (dk_i128)hi * den)
		return;
	int64_t share = (int64_t)(up * DK_RATIO_ONE / den);
	int64_t nums[2] = {s < (dk_i128)lo * den ? lo : hi, share};
	ADD(c, DK_CHECK_UH_SHARE, -1, -1, "uh_share", nums, 6,
	    ("the universities' share of the whole grant (direct transfer plus "
	     "UP2) is %s %%, outside %s-%s %%.",
	     pct(up, den, p0), p1, p2),
	    ("universitetenes andel av hele tilskuddet (direkte overføring og "
	     "UP2) er %s %%, utenfor %s-%s %%.",
	     p0, p1, p2));
}

static void year_change(ctx *c)
{
	const dk_check_conf *cf = conf(c, DK_CHECK_YEAR_CHANGE);
	if (!c->r->produced || !((c->t->columns >> DK_COL_PREVIOUS) & 1u))
		return;
	for (size_t k = 0; k < c->t->n; k++) {
		dk_kr prev = c->t->items[k].v[DK_COL_PREVIOUS], x = c->r->rows[k].amount;
		if (prev <= 0)
			continue;
		dk_kr d = x - prev, ad = d < 0 ? -d : d;
		if ((dk_i128)ad * DK_RATIO_ONE <= (dk_i128)cf->param[0] * prev)
			continue;
		char a[40], b[40], p1[40], p2[40];
		int64_t nums[2] = {prev, x};
		ADD(c, DK_CHECK_YEAR_CHANGE, -1, (long)k, "recommended", nums, 0,
		    ("the recommended %s is %s %% %s last year's %s, more than the "
		     "%s %% the forum expects. Give the reason for the change.",
		     kr(x, a), pct(ad, prev, p1), d < 0 ? "below" : "above", kr(prev, b),
		     pct(cf->param[0], DK_RATIO_ONE, p2)),
		    ("anbefalt beløp %s er %s %% %s fjorårets %s, mer enn de %s %% "
		     "forumet forventer. Begrunn endringen.",
		     a, p1, d < 0 ? "under" : "over", b, p2));
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

/* The three computed answers of the criteria sheet (RULES.md section 4). */
static void criteria_sheet(ctx *c)
{
	const dk_check_conf *us = conf(c, DK_CHECK_UH_SHARE);
	const dk_check_conf *cs = conf(c, DK_CHECK_COORDINATOR_SHARE);
	for (size_t k = 0; k < c->t->n; k++) {
		const dk_network *n = &c->t->items[k];
		dk_rec_row *row = &c->r->rows[k];
		row->uh_identified = n->v[DK_COL_UH_OTHER] > 0 ? 0 : 1;
		row->limited_coordinator =
			(dk_i128)n->v[DK_COL_COORDINATOR] * DK_RATIO_ONE <=
			(dk_i128)cs->param[0] * n->v[DK_COL_NEED];
		row->reasonable_uh_share = -1;
		if (c->r->produced && row->amount > 0 && us->param_set[0] &&
		    us->param_set[1]) {
			dk_i128 uh = row->uh_other;
			for (size_t i = 0; i < c->p->n_institutions; i++)
				uh += row->uh[i];
			dk_i128 s = uh * DK_RATIO_ONE;
			row->reasonable_uh_share =
				s >= (dk_i128)us->param[0] * row->amount &&
				s <= (dk_i128)us->param[1] * row->amount;
		}
	}
}

dk_status dk_checks_run(const dk_plan *p, const dk_networks *t,
			dk_recommendation *r)
{
	ctx c = {p, t, r, DK_OK};
	criteria_sheet(&c);
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

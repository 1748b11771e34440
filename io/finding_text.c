/*
 * finding_text.c: a finding's sentence, in English and bokmål (see
 * finding_text.h). The engine names the message (dk_msg) and gives its
 * arguments as numbers and names; this file holds each message's sentence,
 * with English as the gettext message id, and writes the numbers the way
 * the language writes them: digit groups with a space, a decimal point in
 * English and a decimal comma in bokmål, the percent sign after a space.
 * Words the engine passes (dk_arg_word) are themselves message ids.
 */
#include "io/finding_text.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/exact.h"
#include "io/i18n.h"
#include "models/columns.h"
#include "models/numtext.h"

/* clang-format off */
static const char *const templates[DK_MSG_COUNT] = {
	[DK_MSG_FRAME_SUM] =
		N_("the frame's parts sum to %s but the total is %s (difference "
		"%s); the pro-rata frame as given is allocated: correct the "
		"total or a part"),
	[DK_MSG_FRAME_NEGATIVE] =
		N_("the direct transfer, common measures and reserve (%s) exceed "
		"the total (%s): the pro-rata frame would be negative, so no "
		"amounts are produced"),
	[DK_MSG_FRAME_INFEASIBLE] =
		N_("the bases and floors alone exceed the pro-rata frame of %s by "
		"%s, so no amounts are produced: lower the base grant or "
		"floor_previous, or raise the frame"),
	[DK_MSG_FRAME_INFEASIBLE_DECIDED] =
		N_("the forum's decided amounts, bases and floors alone exceed the "
		"pro-rata frame of %s by %s, so no amounts are produced: lower "
		"the base grant or floor_previous, revise a decision, or raise "
		"the frame"),
	[DK_MSG_FRAME_UNUSED] =
		N_("%s of the pro-rata frame of %s is not allocated (%s): it goes "
		"to the reserve unless the forum decides otherwise"),
	[DK_MSG_FRAME_OVERRUN] =
		N_("the recommended amounts sum to %s, above the pro-rata frame %s "
		"by %s."),
	[DK_MSG_FRAME_OVERRUN_STATED] =
		N_("the stated recommendations sum to %s, above the pro-rata frame "
		"%s by %s. Lower them, or raise the frame."),
	[DK_MSG_UP1_MISSING] =
		N_("no UP1 assignment, so the network is left out of the by_up1 "
		"split of the direct transfer: fill in its up1 cell (such as "
		"'NTNU')"),
	[DK_MSG_UP1_UNKNOWN] =
		N_("UP1 names '%s', which is not an institution of the plan: use "
		"one of the plan's ids or aliases"),
	[DK_MSG_UP1_SUM] =
		N_("UP1 shares sum to %s, not 1: correct the shares so that they "
		"add up"),
	[DK_MSG_DECISION] =
		N_("the method gives %s; the forum decided %s because: %s"),
	[DK_MSG_DECISION_NO_METHOD] =
		N_("the forum decided %s (the method alone gives no amounts): %s"),
	[DK_MSG_ROW_SUM] =
		N_("the budget lines sum to %s but the reported need is %s (%s %s). "
		"Correct the need or the lines so that they agree."),
	[DK_MSG_ROW_SUM_COLUMN] =
		N_("the budget lines sum to %s but the reported need is %s (%s %s). "
		"The difference equals the %s column: was it %s without the need "
		"being changed? Correct the need or the lines so that they agree."),
	[DK_MSG_STATED_SHARE_OWN] =
		N_("the stated network share is %s %% (%s of the need %s) but the "
		"amounts give %s %% (%s). Update the percentage or the amounts."),
	[DK_MSG_STATED_SHARE_UH] =
		N_("the stated university share is %s %% (%s of the need %s) but "
		"the amounts give %s %% (%s). Update the percentage or the "
		"amounts."),
	[DK_MSG_STATED_TOTAL] =
		N_("the totals row states %s %s but the rows sum to %s: the stated "
		"total is %s too %s. A row was changed without the total; update "
		"the totals row."),
	[DK_MSG_STATED_TOTAL_UH] =
		N_("the totals row states %s %s but the rows sum to %s. Update the "
		"totals row."),
	[DK_MSG_STATED_RECOMMENDATION] =
		N_("the sheet recommends %s but the plan's method (%s) gives %s (%s "
		"%s). Record why the forum departs from the method, or correct "
		"the sheet."),
	[DK_MSG_STATED_RECOMMENDATION_DECIDED] =
		N_("the sheet recommends %s but the forum's decision gives %s (%s "
		"%s). Correct the sheet, or the decision."),
	[DK_MSG_OVER_NEED_STATED] =
		N_("the stated recommendation %s is above the network's own "
		"reported need %s by %s. Lower it to the need, or ask the "
		"network to revise its need."),
	[DK_MSG_OVER_NEED_DECIDED] =
		N_("the forum's decided amount %s is above the network's own "
		"reported need %s by %s."),
	[DK_MSG_OVER_NEED_COMPUTED] =
		N_("the recommended %s is above the network's own reported need %s "
		"by %s (the plan does not cap at need). Consider cap_at_need, or "
		"ask the network about its need."),
	[DK_MSG_SELF_FINANCING] =
		N_("self-financing %s is below %s %s %% of the %s %s (%s required): "
		"%s short. Ask the school owners to raise their self-financing."),
	[DK_MSG_COORDINATOR_SHARE] =
		N_("the coordinator (%s) is %s %% of the need, above %s %s %% (%s). "
		"Ask the network to justify or reduce it."),
	[DK_MSG_UH_UNIDENTIFIED] =
		N_("%s of UP2 money has no university chosen (other/uncertain). The "
		"network should choose its UP2 partner."),
	[DK_MSG_UH_SHARE] =
		N_("the university share of the recommended amount is %s %% (%s), "
		"outside %s %s-%s %% (%s). Discuss the split between the network "
		"and the universities."),
	[DK_MSG_UH_SHARE_MIN] =
		N_("the university share of the recommended amount is %s %% (%s), "
		"outside %s at least %s %% (%s). Discuss the split between the "
		"network and the universities."),
	[DK_MSG_UH_SHARE_MAX] =
		N_("the university share of the recommended amount is %s %% (%s), "
		"outside %s at most %s %% (%s). Discuss the split between the "
		"network and the universities."),
	[DK_MSG_UH_SHARE_TOTAL] =
		N_("the universities' share of the whole grant (direct transfer "
		"plus UP2) is %s %% (%s), outside %s %s-%s %% (%s)."),
	[DK_MSG_UH_SHARE_TOTAL_MIN] =
		N_("the universities' share of the whole grant (direct transfer "
		"plus UP2) is %s %% (%s), outside %s at least %s %% (%s)."),
	[DK_MSG_UH_SHARE_TOTAL_MAX] =
		N_("the universities' share of the whole grant (direct transfer "
		"plus UP2) is %s %% (%s), outside %s at most %s %% (%s)."),
	[DK_MSG_YEAR_CHANGE] =
		N_("the recommended %s is %s %% %s last year's %s, more than %s %s "
		"%%. Give the reason for the change."),
	[DK_MSG_TOTALS_LIKE_ROW] =
		N_("the row's need %s is the sum of the need of all the other rows: "
		"is this a totals row? Name it Sum, or remove it."),
	[DK_MSG_CRITERIA] =
		N_("the criteria sheet answers '%s' to \"%s\". Discuss with the "
		"network what it takes to meet the criterion."),
	[DK_MSG_KEY_DEVIATION] =
		N_("last year's %s is %s the base-plus-FTE key (%s + %s per FTE × "
		"%s FTE = %s) by %s residual standard deviations, more than %s: "
		"ask whether the difference was meant"),
	[DK_MSG_FACTOR_RANGE] =
		N_("activity '%s' has the factor %s, outside 1 to 8 hours of work "
		"per delivered hour: check the template"),
	[DK_MSG_MARGIN_LOW] =
		N_("the margin is %s %%, under the %s %% an oppdrag should carry: "
		"raise the margin"),
	[DK_MSG_PRICE_BELOW_COST_OPPDRAG] =
		N_("package '%s' is priced %s but its full cost is %s: an oppdrag may "
		"not be subsidised; raise the charged shares or the margin"),
	[DK_MSG_PRICE_BELOW_COST_BIDRAG] =
		N_("package '%s' is priced %s, below its full cost %s: the "
		"institution co-finances %s, which a bidrag must show openly"),
	[DK_MSG_ADDON_PER_DAY] =
		N_("add-on '%s' costs %s a day, less than the basic package's %s: "
		"networks would do better buying add-ons; check the add-on's "
		"price"),
};
/* clang-format on */

/* The words findings pass as arguments, listed for the catalogue (the
 * engine writes them as English; dk_tr looks each one up). */
/* clang-format off */
static const char *const words[] = {
	N_("more"),
	N_("less"),
	N_("added"),
	N_("removed"),
	N_("high"),
	N_("low"),
	N_("above"),
	N_("below"),
	N_("the forum's limit of"),
	N_("dekom's default limit of"),
	N_("need"),
	N_("recommended grant"),
	N_("every network is at its cap"),
	N_("every network the forum did not decide is at its cap"),
	N_("caps and rounding cut it to the reserve"),
	N_("rounding leaves it"),
	N_("locally anchored"),
	N_("collective learning"),
	N_("partnership with a university"),
};
/* clang-format on */

const char *dk_msg_template(dk_msg m)
{
	return m > DK_MSG_NONE && m < DK_MSG_COUNT ? templates[m] : NULL;
}

size_t dk_msg_words(const char *const **out)
{
	*out = words;
	return sizeof words / sizeof words[0];
}

/* The bokmål of a static message id (a template or a word), remembered
 * per thread by the id's address: gettext's lookup costs as much as the
 * rest of a sentence, and a large recommendation has hundreds of
 * thousands of them. The ids are literals, at fixed addresses
 * (models/finding.h: a word is static); an entry is good while the
 * catalogue stays bound as it was. */
#define TR_SLOTS 64
static _Thread_local struct {
	const char *id, *text;
	unsigned generation;
} tr_cache[TR_SLOTS];

static const char *tr_static(bool english, const char *id)
{
	if (english)
		return id;
	size_t s = ((uintptr_t)id >> 3) % TR_SLOTS;
	unsigned g = dk_i18n_generation();
	if (tr_cache[s].id != id || tr_cache[s].generation != g) {
		tr_cache[s].text = dk_tr(false, id);
		tr_cache[s].id = id;
		tr_cache[s].generation = g;
	}
	return tr_cache[s].text;
}

/* s itself when it fits in size - 1 bytes, else its first size - 1 bytes
 * in buf (as snprintf cuts it). */
static const char *fitted(const char *s, char *buf, size_t size)
{
	size_t n = strnlen(s, size);
	if (n < size)
		return s;
	memcpy(buf, s, size - 1);
	buf[size - 1] = '\0';
	return buf;
}

/* An argument as the sentence shows it, at most size - 1 bytes: written
 * into buf, or a text of its own (a name, a word) that fits. */
static const char *arg_text(const dk_arg *a, bool english, char *buf, size_t size)
{
	switch ((dk_arg_kind)a->kind) {
	case DK_ARG_KR: dk_kr_format(a->v, buf, size); break;
	case DK_ARG_DEC: {
		dk_numfmt f = DK_NUMFMT_PEOPLE(english, a->shown);
		dk_numtext(a->v, a->scale, &f, buf, size);
		break;
	}
	case DK_ARG_PCT: {
		/* every decimal asked for is shown: "40,00" */
		dk_numfmt f = DK_NUMFMT_PEOPLE(english, a->scale);
		if (a->den <= 0)
			snprintf(buf, size, "-");
		else
			dk_numtext_ratio((dk_i128)a->num * 100, a->den, a->scale, &f, buf,
					 size);
		break;
	}
	case DK_ARG_TEXT: return fitted(a->text ? a->text : "", buf, size);
	case DK_ARG_WORD:
		return fitted(a->text ? tr_static(english, a->text) : "", buf, size);
	case DK_ARG_COLUMN: {
		/* the canonical name in English (what the plan and JSON say),
		 * the column's label in bokmål: «Meldt behov» */
		const dk_column_def *def = dk_column_get((dk_column)a->v);
		if (!def)
			return "?";
		if (english)
			return fitted(def->name, buf, size);
		snprintf(buf, size, "«%s»", def->label_nb);
		break;
	}
	}
	return buf;
}

/* fmt with its %s, %N$s and %% replaced, into out, cut at size - 1 bytes
 * as snprintf cuts: exactly snprintf's text for the conversions a
 * message's template may hold (msgfmt -c keeps the translations' to those
 * of the English), at a fraction of its cost (a large recommendation has
 * hundreds of thousands of sentences). False, with nothing promised in
 * out, for any other conversion: the caller uses snprintf. */
bool dk_msg_expand(const char *fmt, const char *const args[DK_MSG_ARGS], char *out,
		   size_t size)
{
	size_t o = 0, next = 0;
	for (const char *p = fmt; *p;) {
		const char *put = p;
		size_t len;
		if (*p != '%') {
			len = strcspn(p, "%"); /* the text up to the next '%' */
			p += len;
		} else if (p[1] == '%') {
			len = 1;
			p += 2;
		} else {
			size_t k;
			if (p[1] == 's') {
				k = next++;
				p += 2;
			} else if (p[1] >= '1' && p[1] <= '9' && p[2] == '$' &&
				   p[3] == 's') {
				k = (size_t)(p[1] - '1');
				p += 4;
			} else {
				return false;
			}
			if (k >= DK_MSG_ARGS)
				return false;
			put = args[k];
			len = strlen(put);
		}
		size_t room = o + 1 < size ? size - 1 - o : 0;
		size_t n = len < room ? len : room;
		if (n)
			memcpy(out + o, put, n);
		o += n;
	}
	if (size)
		out[o] = '\0';
	return true;
}

/* The message in one language, rendered into out. */
static void render_into(const dk_finding *x, bool english, char *out, size_t size)
{
	char args[DK_MSG_ARGS][256];
	const char *a[DK_MSG_ARGS];
	for (size_t k = 0; k < DK_MSG_ARGS; k++)
		a[k] = k < x->n_args
			? arg_text(&x->args[k], english, args[k], sizeof args[k])
			: "";
	const char *fmt = tr_static(english, templates[x->msg]);
	if (dk_msg_expand(fmt, a, out, size))
		return;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	snprintf(out, size, fmt, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]);
#pragma GCC diagnostic pop
}

const char *dk_finding_sentence(const dk_finding *x, bool english,
				char buf[DK_FINDING_TEXT_MAX])
{
	if (x->message || x->msg <= DK_MSG_NONE || x->msg >= DK_MSG_COUNT)
		return dk_finding_message(x, english);
	render_into(x, english, buf, DK_FINDING_TEXT_MAX);
	return buf;
}

/* The message in one language, newly allocated, or NULL. */
static char *render(const dk_finding *x, bool english)
{
	char out[DK_FINDING_TEXT_MAX];
	render_into(x, english, out, sizeof out);
	return strdup(out);
}

dk_status dk_findings_render(dk_findings *f)
{
	for (size_t i = 0; i < f->n; i++) {
		dk_finding *x = &f->items[i];
		if (x->message || x->msg <= DK_MSG_NONE || x->msg >= DK_MSG_COUNT)
			continue;
		x->message = render(x, true);
		x->message_nb = render(x, false);
		if (!x->message || !x->message_nb)
			return DK_ENOMEM;
	}
	return DK_OK;
}

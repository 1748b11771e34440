/*
 * explain.c: `dekom explain NETWORK`, in words a secretariat member can
 * follow: what the method takes as base, weight, floor and cap for this
 * network, the λ that makes the amounts add up to the frame (as a decimal
 * and as an exact fraction), where the network ends up (free, at its cap, at
 * its floor), and how its amount was rounded, with its place in the tie
 * order of RULES.md section 1.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/exact.h"
#include "io/report.h"
#include "io/strbuf.h"
#include "models/numtext.h"

/* "  label:   value", the values in one column however many bytes the
 * label's letters take (æ, ø and å take two). */
static void say_row(dk_strbuf *t, const char *label, const char *value)
{
	size_t chars = 0;
	for (const char *p = label; *p; p++)
		chars += ((unsigned char)*p & 0xC0) != 0x80;
	dk_strbuf_printf(t, "  %s", label);
	for (; chars < 29; chars++)
		dk_strbuf_puts(t, " ");
	dk_strbuf_printf(t, "%s\n", value);
}

static const char *kr(dk_kr v, char *buf)
{
	dk_kr_format(v, buf, 40);
	return buf;
}

/* num/den as a decimal a person reads (digit groups, at most 6 decimals,
 * trailing zeros cut, a decimal comma in Norwegian) and as a fraction. */
static void fraction(dk_i128 num, dk_i128 den, bool en, char *dec, size_t dsize,
		     char *frac, size_t fsize)
{
	dk_i128 g = dk_gcd(num, den);
	if (g > 1)
		num /= g, den /= g;
	dk_numfmt f = DK_NUMFMT_PEOPLE(en, 0);
	dk_numtext_ratio(num, den, 6, &f, dec, dsize);
	char n[48], d[48];
	dk_i128_str(num, n, sizeof n);
	dk_i128_str(den, d, sizeof d);
	snprintf(frac, fsize, "%s/%s", n, d);
}

char *dk_explain_text(const dk_report *r, size_t k)
{
	const dk_plan *p = r->plan;
	const dk_network *n = &r->nets->items[k];
	const dk_recommendation *rec = r->rec;
	const dk_rec_row *row = &rec->rows[k];
	bool en = r->english;
	dk_strbuf t = {0};
	char a[40], b[40], c[40], dec[64], frac[120];

	dk_strbuf_printf(&t, "%s: %s %s\n\n", n->name, en ? "method" : "metode",
	    dk_method_label(p->method, en));
	/* what the method takes */
	switch (p->method) {
	case DK_METHOD_STATUS_QUO:
		dk_strbuf_printf(&t, en ? "The method keeps last year's amount, capped at the reported "
			     "need: weight and cap are the smaller of last year (%s) and "
			     "the need (%s), that is %s.\n"
			   : "Metoden viderefører fjorårets beløp, begrenset til meldt "
			     "behov: vekt og tak er det minste av fjoråret (%s) og "
			     "meldt behov (%s), altså %s.\n",
		    kr(n->v[DK_COL_PREVIOUS], a), kr(n->v[DK_COL_NEED], b),
		    kr(row->weight, c));
		break;
	case DK_METHOD_NEED:
		dk_strbuf_printf(&t, en ? "The method shares the frame in proportion to the reported need "
			     "(%s), which is also the cap.\n"
			   : "Metoden fordeler rammen i forhold til meldt behov (%s), som "
			     "også er taket.\n",
		    kr(n->v[DK_COL_NEED], a));
		break;
	case DK_METHOD_PRORATA: {
		char fte[32];
		dk_decimal_format(n->v[DK_COL_FTE], 2, " ", en ? "." : ",", fte, sizeof fte);
		dk_strbuf_printf(&t, en ? "The method gives a base grant of %s plus λ kroner per teacher "
			     "FTE; this network has %s FTE.\n"
			   : "Metoden gir et grunntilskudd på %s pluss λ kroner per "
			     "lærerårsverk; nettverket har %s lærerårsverk.\n",
		    kr(row->base, a), fte);
		break;
	}
	}
	say_row(&t, en ? "base b:" : "grunnlag b:", kr(row->base, a));
	if (p->method == DK_METHOD_PRORATA) {
		char fte[32];
		dk_decimal_format(row->weight, 2, " ", en ? "." : ",", fte, sizeof fte);
		say_row(&t, en ? "weight w (FTE):" : "vekt w (lærerårsverk):", fte);
	} else {
		say_row(&t, en ? "weight w:" : "vekt w:", kr(row->weight, a));
	}
	say_row(&t, en ? "floor:" : "gulv:", kr(row->lo, a));
	say_row(&t, en ? "cap:" : "tak:",
	    row->hi >= 0 ? kr(row->hi, a) : (en ? "none" : "ingen"));
	if (!rec->produced) {
		dk_strbuf_printf(&t, en ? "\nNo amounts were produced for this plan: see the "
			     "findings of dekom recommend.\n"
			   : "\nPlanen gir ingen beløp: se funnene fra dekom "
			     "recommend.\n");
		goto done;
	}
	dk_lambda_text l;
	dk_lambda_format(rec->lambda_num, rec->lambda_den, rec->lambda_scale, true, en, &l);
	dk_strbuf_printf(&t, "\n%s λ = %s %s (%s %s/%s).\n",
	    en ? "The frame is shared out at" : "Rammen fordeles med",
	    l.decimal, l.unit, en ? "exactly" : "eksakt", l.num, l.den);
	if (rec->outcome == 1)
		dk_strbuf_printf(&t, en ? "The frame is larger than every network's cap together: "
			     "every network gets its cap (or its base), and the rest "
			     "is not allocated.\n"
			   : "Rammen er større enn alle takene til sammen: hvert "
			     "nettverk får sitt tak (eller sitt grunnlag), og resten "
			     "fordeles ikke.\n");
	if (row->state != DK_STATE_DECIDED) {
		fraction(row->x_num, rec->lambda_den, en, dec, sizeof dec, frac, sizeof frac);
		dk_strbuf_printf(&t, en ? "Unrounded amount x = clamp(b + λ·w, floor, cap) = %s (%s).\n"
			   : "Uavrundet beløp x = b + λ·w innenfor gulv og tak = %s (%s).\n",
		    dec, frac);
	}
	switch (row->state) {
	case DK_STATE_DECIDED: {
		const dk_decision *x = &p->decisions[row->decision];
		dk_strbuf_printf(&t, en ? "State: decided. The forum decided %s for this network "
			     "because: %s\n"
			   : "Status: vedtatt. Forumet har vedtatt %s for dette "
			     "nettverket fordi: %s\n",
		    kr(row->amount, a), x->reason);
		break;
	}
	case DK_STATE_CAPPED:
		dk_strbuf_printf(&t, en ? "State: capped. The network gets exactly its cap, %s.\n"
			   : "Status: tak. Nettverket får nøyaktig taket sitt, %s.\n",
		    kr(row->amount, a));
		break;
	case DK_STATE_FLOORED:
		dk_strbuf_printf(&t, en ? "State: floored. The network gets exactly its floor, %s.\n"
			   : "Status: gulv. Nettverket får nøyaktig gulvet sitt, %s.\n",
		    kr(row->amount, a));
		break;
	case DK_STATE_FREE: {
		dk_kr whole = (dk_kr)(row->x_num / rec->lambda_den);
		int64_t u = p->rounding;
		whole = whole / u * u;
		dk_strbuf_printf(&t, en ? "State: free. Rounding: x is rounded down to %s (a multiple "
			     "of %s kr); the kroner left over in the frame go one unit "
			     "each to the free networks with the largest remainders "
			     "(ties: larger amount, then earlier row).\n"
			   : "Status: fri. Avrunding: x rundes ned til %s (et multiplum "
			     "av %s kr); kronene som blir til overs, går én enhet hver "
			     "til de frie nettverkene med størst rest (likt: større "
			     "beløp, så tidligere rad).\n",
		    kr(whole, a), kr(u, b));
		if (row->rank)
			dk_strbuf_printf(&t, en ? "This network is number %zu in that order and %s.\n"
				   : "Dette nettverket er nummer %zu i den rekkefølgen og %s.\n",
			    row->rank,
			    row->got_unit ? (en ? "got one unit" : "fikk én enhet")
					  : (en ? "got none" : "fikk ingen"));
		else
			dk_strbuf_printf(&t, en ? "Its x is a whole number of units: nothing to round.\n"
				   : "x er et helt antall enheter: ingenting å runde av.\n");
		dk_strbuf_printf(&t, en ? "Recommended: %s.\n" : "Anbefalt: %s.\n", kr(row->amount, a));
		break;
	}
	}
	if (p->n_decisions > 0) {
		if (row->method_amount >= 0)
			dk_strbuf_printf(&t, en ? "Without the forum's decisions the method gives "
				     "%s (the decisions change this network's amount "
				     "by %s).\n"
				   : "Uten forumets vedtak gir metoden %s (vedtakene "
				     "endrer nettverkets beløp med %s).\n",
			    kr(row->method_amount, a), kr(row->amount - row->method_amount, b));
		else
			dk_strbuf_printf(&t, en ? "Without the forum's decisions the method gives "
				     "no amounts (the frame is infeasible).\n"
				   : "Uten forumets vedtak gir metoden ingen beløp "
				     "(rammen strekker ikke til).\n");
	}
	/* components */
	dk_strbuf_printf(&t, en ? "\nSplit over its planned budget lines:\n"
		   : "\nFordelt på de planlagte budsjettpostene:\n");
	if (row->unspecified && row->own == 0 && row->coordinator == 0 && row->uh_other == 0)
		say_row(&t, en ? "unspecified:" : "uspesifisert:",
		    kr(row->unspecified, a));
	else {
		say_row(&t, en ? "own:" : "nettverk (egen):", kr(row->own, a));
		say_row(&t, en ? "coordinator:" : "koordinator:",
		    kr(row->coordinator, a));
		for (size_t i = 0; i < p->n_institutions; i++) {
			char lbl[80];
			snprintf(lbl, sizeof lbl, "%s:", p->institutions[i].id);
			say_row(&t, lbl, kr(row->uh[i], a));
		}
		say_row(&t, en ? "other/uncertain:" : "andre/usikker:",
		    kr(row->uh_other, a));
	}
done:
	return dk_strbuf_done(&t);
}

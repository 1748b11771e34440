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
#include "io/i18n.h"
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

	dk_strbuf_printf(&t, "%s: %s %s\n\n", n->name, dk_tr(en, "method"),
			 dk_method_label(p->method, en));
	/* what the method takes */
	switch (p->method) {
	case DK_METHOD_STATUS_QUO:
		dk_strbuf_printf(
			&t,
			dk_tr(en,
			      "The method keeps last year's amount, capped at the "
			      "reported need: weight and cap are the smaller of "
			      "last year (%s) and the need (%s), that is %s.\n"),
			kr(n->v[DK_COL_PREVIOUS], a), kr(n->v[DK_COL_NEED], b),
			kr(row->weight, c));
		break;
	case DK_METHOD_NEED:
		dk_strbuf_printf(&t,
				 dk_tr(en,
				       "The method shares the frame in proportion to the "
				       "reported need (%s), which is also the cap.\n"),
				 kr(n->v[DK_COL_NEED], a));
		break;
	case DK_METHOD_PRORATA: {
		char fte[32];
		dk_decimal_format(n->v[DK_COL_FTE], 2, " ", en ? "." : ",", fte,
				  sizeof fte);
		dk_strbuf_printf(
			&t,
			dk_tr(en,
			      "The method gives a base grant of %s plus λ kroner "
			      "per teacher FTE; this network has %s FTE.\n"),
			kr(row->base, a), fte);
		break;
	}
	}
	say_row(&t, dk_tr(en, "base b:"), kr(row->base, a));
	if (p->method == DK_METHOD_PRORATA) {
		char fte[32];
		dk_decimal_format(row->weight, 2, " ", en ? "." : ",", fte, sizeof fte);
		say_row(&t, dk_tr(en, "weight w (FTE):"), fte);
	} else {
		say_row(&t, dk_tr(en, "weight w:"), kr(row->weight, a));
	}
	say_row(&t, dk_tr(en, "floor:"), kr(row->lo, a));
	say_row(&t, dk_tr(en, "cap:"), row->hi >= 0 ? kr(row->hi, a) : dk_tr(en, "none"));
	if (!rec->produced) {
		dk_strbuf_printf(
			&t,
			dk_tr(en,
			      "\nNo amounts were produced for this plan: see the "
			      "findings of dekom recommend.\n"));
		goto done;
	}
	dk_lambda_text l;
	dk_lambda_format(rec->lambda_num, rec->lambda_den, rec->lambda_scale, true, en,
			 &l);
	dk_strbuf_printf(&t, "\n%s λ = %s %s (%s %s/%s).\n",
			 dk_tr(en, "The frame is shared out at"), l.decimal, l.unit,
			 dk_tr(en, "exactly"), l.num, l.den);
	if (rec->outcome == 1)
		dk_strbuf_printf(&t,
				 dk_tr(en,
				       "The frame is larger than every network's cap "
				       "together: every network gets its cap (or its "
				       "base), and the rest is not allocated.\n"));
	if (row->state != DK_STATE_DECIDED) {
		fraction(row->x_num, rec->lambda_den, en, dec, sizeof dec, frac,
			 sizeof frac);
		dk_strbuf_printf(
			&t,
			dk_tr(en,
			      "Unrounded amount x = clamp(b + λ·w, floor, cap) = "
			      "%s (%s).\n"),
			dec, frac);
	}
	switch (row->state) {
	case DK_STATE_DECIDED: {
		const dk_decision *x = &p->decisions[row->decision];
		dk_strbuf_printf(&t,
				 dk_tr(en,
				       "State: decided. The forum decided %s for this "
				       "network because: %s\n"),
				 kr(row->amount, a), x->reason);
		break;
	}
	case DK_STATE_CAPPED:
		dk_strbuf_printf(&t,
				 dk_tr(en,
				       "State: capped. The network gets exactly its cap, "
				       "%s.\n"),
				 kr(row->amount, a));
		break;
	case DK_STATE_FLOORED:
		dk_strbuf_printf(
			&t,
			dk_tr(en,
			      "State: floored. The network gets exactly its floor, "
			      "%s.\n"),
			kr(row->amount, a));
		break;
	case DK_STATE_FREE: {
		dk_kr whole = (dk_kr)(row->x_num / rec->lambda_den);
		int64_t u = p->rounding;
		whole = whole / u * u;
		dk_strbuf_printf(
			&t,
			dk_tr(en,
			      "State: free. Rounding: x is rounded down to %s (a "
			      "multiple of %s kr); the kroner left over in the "
			      "frame go one unit each to the free networks with "
			      "the largest remainders (ties: larger amount, then "
			      "earlier row).\n"),
			kr(whole, a), kr(u, b));
		if (row->rank)
			dk_strbuf_printf(&t,
					 dk_tr(en,
					       "This network is number %zu in that order "
					       "and %s.\n"),
					 row->rank,
					 row->got_unit ? dk_tr(en, "got one unit")
						       : dk_tr(en, "got none"));
		else
			dk_strbuf_printf(
				&t,
				dk_tr(en,
				      "Its x is a whole number of units: nothing "
				      "to round.\n"));
		dk_strbuf_printf(&t, dk_tr(en, "Recommended: %s.\n"), kr(row->amount, a));
		break;
	}
	}
	if (p->n_decisions > 0) {
		if (row->method_amount >= 0)
			dk_strbuf_printf(&t,
					 dk_tr(en,
					       "Without the forum's decisions the method "
					       "gives %s (the decisions change this "
					       "network's amount by %s).\n"),
					 kr(row->method_amount, a),
					 kr(row->amount - row->method_amount, b));
		else
			dk_strbuf_printf(&t,
					 dk_tr(en,
					       "Without the forum's decisions the method "
					       "gives no amounts (the frame is "
					       "infeasible).\n"));
	}
	/* components */
	dk_strbuf_printf(&t, dk_tr(en, "\nSplit over its planned budget lines:\n"));
	if (row->unspecified && row->own == 0 && row->coordinator == 0 &&
	    row->uh_other == 0) {
		say_row(&t, dk_tr(en, "unspecified:"), kr(row->unspecified, a));
	} else {
		say_row(&t, dk_tr(en, "own:"), kr(row->own, a));
		say_row(&t, dk_tr(en, "coordinator:"), kr(row->coordinator, a));
		for (size_t i = 0; i < p->n_institutions; i++) {
			char lbl[80];
			snprintf(lbl, sizeof lbl, "%s:", p->institutions[i].id);
			say_row(&t, lbl, kr(row->uh[i], a));
		}
		say_row(&t, dk_tr(en, "other/uncertain:"), kr(row->uh_other, a));
	}
done:
	return dk_strbuf_done(&t);
}

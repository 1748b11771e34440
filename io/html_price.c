/*
 * html_price.c: `dekom price -f html`, one page for the networks that
 * answers "what does it cost, and what do we get?": each package with its
 * days, hours, price and price per day, and with -n/-p what each network's
 * UP2 money buys. Self-contained like the recommendation's report
 * (io/report_html.c): inline style, A4 with its own page numbers, a main
 * landmark, a caption on every table.
 */
#include <stdio.h>
#include <string.h>

#include "io/html.h"
#include "io/i18n.h"
#include "io/report_price.h"
#include "models/numtext.h"

#define NBSP "\xC2\xA0"

/* An amount in øre as kroner: "12 300" when whole, else "12 300,50". */
static void money(dk_strbuf *b, int64_t ore, bool en)
{
	char buf[64];
	if (ore % 100 == 0)
		dk_decimal_format(ore / 100, 0, NBSP, ",", buf, sizeof buf);
	else
		dk_decimal_format(ore, 2, NBSP, en ? "." : ",", buf, sizeof buf);
	dk_strbuf_printf(b, "%s" NBSP "kr", buf);
}

/* A number in ten-thousandths, trailing zeros cut ("4", "1,5"). */
static void e4(dk_strbuf *b, int64_t v, bool en)
{
	char buf[64];
	dk_numfmt f = DK_NUMFMT_PEOPLE(en, 0);
	dk_numtext(v, 4, &f, buf, sizeof buf);
	dk_strbuf_puts(b, buf);
}

static const char style[] =
	"body{font-family:\"DejaVu Sans\",Arial,sans-serif;font-size:10.5pt;color:#111;"
	"margin:2em;max-width:60em}\n"
	"h1{font-size:16pt;margin:0 0 .3em}h2{font-size:12pt;margin:1.4em 0 .4em;"
	"border-bottom:1px solid #888}\n"
	"table{border-collapse:collapse;margin:.3em 0}caption{text-align:left;"
	"font-weight:bold;padding:.2em 0}\n"
	"th,td{padding:.2em .6em;vertical-align:top}th{text-align:left;"
	"border-bottom:1px solid #333}\n"
	"td.n,th.n{text-align:right;white-space:nowrap}\n"
	".sub{color:#444;margin:0}\n"
	"@media print{body{margin:0;max-width:none}}\n";

char *dk_price_html(const dk_price_report *r)
{
	const dk_pricing *p = r->tpl;
	const dk_quotation *q = r->q;
	bool en = r->english;
	dk_strbuf b = {0};
	const char *title = dk_tr(en, "What does it cost? What do we get?");
	dk_strbuf_printf(&b,
			 "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta "
			 "charset=\"utf-8\">\n<title>%s</title>\n<style>\n%s",
			 en ? "en" : "nb", title, style);
	dk_strbuf_puts(&b, "@page{size:A4;margin:15mm;@bottom-right{content:\"");
	for (const char *s = dk_tr(en, "Page &P of &N"); *s; s++) {
		if (s[0] == '&' && (s[1] == 'P' || s[1] == 'N')) {
			dk_strbuf_puts(&b,
				       s[1] == 'P' ? "\" counter(page) \""
						   : "\" counter(pages) \"");
			s++;
		} else if (*s != '"' && *s != '\\' && *s != '<') {
			dk_strbuf_add(&b, s, 1);
		}
	}
	dk_strbuf_printf(&b,
			 "\";font-size:8pt;color:#444}}\n</style>\n</head>\n<body>\n"
			 "<header>\n<h1>%s</h1>\n<p class=\"sub\">",
			 title);
	dk_strbuf_printf(&b, "%s ", dk_tr(en, "The standard offer of"));
	dk_html_esc(&b, p->institution);
	dk_strbuf_printf(&b, " (%s)</p>\n</header>\n<main>\n",
			 p->type == DK_OPPDRAG ? dk_tr(en, "commissioned work (oppdrag)")
					       : dk_tr(en, "contribution (bidrag)"));
	/* what a package costs */
	dk_strbuf_printf(
		&b,
		"<section>\n<h2>%s</h2>\n<p>%s</p>\n<table>\n<caption>%s</caption>\n"
		"<thead><tr><th scope=\"col\">%s</th><th scope=\"col\" "
		"class=\"n\">%s</th><th scope=\"col\" class=\"n\">%s</th><th "
		"scope=\"col\" class=\"n\">%s</th><th scope=\"col\" class=\"n\">%s"
		"</th><th scope=\"col\" class=\"n\">%s</th><th scope=\"col\" "
		"class=\"n\">%s</th></tr></thead>\n<tbody>\n",
		dk_tr(en, "What does it cost?"),
		dk_tr(en,
		      "A package's price is its cost plus the margin, rounded up. The "
		      "cost is the hours the institution charges for (each person's "
		      "hours times the share of them that is charged) at the full "
		      "cost per hour, and travel; the full cost counts every hour. "
		      "Where the price is below the full cost, the institution pays "
		      "the difference itself. The basic package is bought first; "
		      "add-ons come on top of it."),
		dk_tr(en, "The packages and their prices"), dk_tr(en, "Package"),
		dk_tr(en, "Days"), dk_tr(en, "Hours delivered"), dk_tr(en, "Semesters"),
		dk_tr(en, "Price"), dk_tr(en, "Price per day"), dk_tr(en, "Full cost"));
	size_t below = 0;
	for (size_t k = 0; k < p->n_packages; k++) {
		const dk_package *pk = &p->packages[k];
		const dk_quote_package *o = &q->pkgs[k];
		dk_strbuf_puts(&b, "<tr><td>");
		dk_html_esc(&b, pk->name);
		if (pk->addon)
			dk_strbuf_printf(&b, " (%s)", dk_tr(en, "add-on"));
		dk_strbuf_puts(&b, "</td><td class=\"n\">");
		e4(&b, pk->days, en);
		dk_strbuf_puts(&b, "</td><td class=\"n\">");
		e4(&b, o->delivered_e8 / 10000, en);
		dk_strbuf_printf(&b, "</td><td class=\"n\">%d</td><td class=\"n\">",
				 pk->semesters);
		money(&b, o->price, en);
		dk_strbuf_puts(&b, "</td><td class=\"n\">");
		money(&b, o->price_per_day, en);
		dk_strbuf_puts(&b, "</td><td class=\"n\">");
		money(&b, o->full_cost, en);
		dk_strbuf_puts(&b, "</td></tr>\n");
		if (o->price < o->full_cost)
			below++;
	}
	dk_strbuf_puts(&b, "</tbody>\n</table>\n");
	if (below > 0)
		dk_strbuf_printf(
			&b, "<p>%s</p>\n",
			p->type == DK_OPPDRAG
				? dk_tr(en,
					"Some packages are priced below their full "
					"cost, which commissioned work (oppdrag) may "
					"not be: the price must be raised (dekom price "
					"reports it as an error).")
				: dk_tr(en,
					"Some packages are priced below their full "
					"cost: the difference is the institution's "
					"own co-financing of the contribution "
					"(bidrag)."));
	dk_strbuf_puts(&b, "</section>\n");
	/* what the money buys */
	if (r->buys) {
		size_t basic = dk_pricing_basic(p);
		dk_strbuf_printf(
			&b,
			"<section>\n<h2>%s</h2>\n<p>%s</p>\n<table>\n<caption>%s"
			"</caption>\n<thead><tr><th scope=\"col\">%s</th><th "
			"scope=\"col\" class=\"n\">%s</th><th scope=\"col\">%s</th>"
			"<th scope=\"col\" class=\"n\">%s</th><th scope=\"col\" "
			"class=\"n\">%s</th></tr></thead>\n<tbody>\n",
			dk_tr(en, "What do we get?"),
			dk_tr(en,
			      "Each network's recommended UP2 money to the "
			      "institution, spent on the combination of packages "
			      "that gives the most days of delivery."),
			dk_tr(en, "What each network's UP2 money buys"),
			dk_tr(en, "Network"), dk_tr(en, "UP2 money"), dk_tr(en, "Buys"),
			dk_tr(en, "Days"), dk_tr(en, "Left"));
		for (size_t i = 0; i < r->nets->n; i++) {
			const dk_purchase *x = &r->buys[i];
			dk_strbuf_puts(&b, "<tr><td>");
			dk_html_esc(&b, r->nets->items[i].name);
			dk_strbuf_puts(&b, "</td><td class=\"n\">");
			money(&b, x->budget, en);
			dk_strbuf_puts(&b, "</td><td>");
			bool any = false;
			if (x->basic > 0) {
				dk_strbuf_printf(&b, "%lld × ", (long long)x->basic);
				dk_html_esc(&b, p->packages[basic].name);
				any = true;
			}
			for (size_t k = 0; k < p->n_packages; k++) {
				if (!p->packages[k].addon || x->addons[k] == 0)
					continue;
				dk_strbuf_printf(&b, "%s%lld × ", any ? ", " : "",
						 (long long)x->addons[k]);
				dk_html_esc(&b, p->packages[k].name);
				any = true;
			}
			if (!any)
				dk_strbuf_puts(&b,
					       dk_tr(en,
						     "nothing (too little for the "
						     "basic package)"));
			dk_strbuf_puts(&b, "</td><td class=\"n\">");
			e4(&b, x->days, en);
			dk_strbuf_puts(&b, "</td><td class=\"n\">");
			money(&b, x->left, en);
			dk_strbuf_puts(&b, "</td></tr>\n");
		}
		dk_strbuf_puts(&b, "</tbody>\n</table>\n</section>\n");
	}
	dk_strbuf_printf(&b, "<p class=\"sub\">dekom " DEKOM_VERSION ". %s</p>\n",
			 dk_tr(en, "The full calculation: dekom price -f xlsx."));
	dk_strbuf_puts(&b, "</main>\n</body>\n</html>\n");
	return dk_strbuf_done(&b);
}

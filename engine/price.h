/*
 * price.h: the template price of RULES.md section 6: the hourly full cost
 * of each role, and per package its cost, full cost, price, price per day,
 * breakdown and invoice plan, the price checks, and what a budget buys.
 *
 * Everything is exact until the rounding points the rules name: a
 * package's cost and full cost are rounded half up to øre once; the price
 * is rounded up to round_to; the price per day half up to øre; the
 * invoices split the price by apportion, to the øre.
 */
#ifndef DK_PRICE_H
#define DK_PRICE_H

#include "models/exact.h"
#include "models/pricing.h"
#include "models/quotation.h"
#include "models/recommendation.h"

/* Prices every package of the template into q (its types in
 * models/quotation.h). DK_ERANGE when the figures are too fine to keep exact in 128 bits. */
dk_status dk_price_quote(const dk_pricing *p, dk_quotation *q);

/* The most combinations of packages dk_price_buy searches. */
#define DK_BUY_MAX_STEPS 5e7

/* The basic packages and add-ons that maximise days of delivery within
 * `budget`: add-ons only with at least one basic package; ties: less
 * spent, then more basic packages, then more of the earlier add-ons.
 * DK_ERANGE when the prices are so small against the budget that more than
 * DK_BUY_MAX_STEPS combinations would have to be tried. */
dk_status dk_price_buy(const dk_pricing *p, const dk_quotation *q, int64_t budget,
		       dk_purchase *out);

/* What each network's UP2 component to institution `inst` buys (RULES.md
 * section 6, "What a budget buys"): out has rec->n purchases (release each
 * with dk_purchase_release, also after a failure). rec must have amounts. */
dk_status dk_price_budgets(const dk_pricing *p, const dk_quotation *q, int inst,
			   const dk_recommendation *rec, dk_purchase *out);

#endif

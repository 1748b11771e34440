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
#include "models/recommendation.h"

typedef struct {
	int64_t delivered_e8;    /* delivered hours, in 10^-8 hours */
	dk_rat work_hours;       /* all persons on the day, charged or not */
	int64_t cost, full_cost, price, price_per_day;   /* øre */
	int64_t *role_cost;      /* the cost per role (apportioned), øre */
	int64_t travel;          /* øre, part of the cost */
	int64_t margin;          /* cost × margin, half up, øre */
	int64_t rounding;        /* price − cost − margin */
	int64_t *invoices;       /* per semester, øre */
	int n_invoices;
} dk_quote_package;

typedef struct {
	size_t n_roles, n;
	dk_rat *hourly;          /* øre per hour, exact */
	int64_t *hourly_ore;     /* rounded half up, for display */
	dk_quote_package *pkgs;
	dk_findings findings;
} dk_quotation;

/* DK_ERANGE when the figures are too fine to keep exact in 128 bits. */
dk_status dk_price_quote(const dk_pricing *p, dk_quotation *q);
void dk_quote_release(dk_quotation *q);

typedef struct {
	int64_t budget;          /* øre */
	int64_t basic;           /* basic packages bought */
	int64_t *addons;         /* per package index (0 for non-add-ons) */
	int64_t days;            /* e4 */
	int64_t spent, left;     /* øre */
} dk_purchase;

/* The basic packages and add-ons that maximise days of delivery within
 * `budget`: add-ons only with at least one basic package; ties: less
 * spent, then more basic packages, then more of the earlier add-ons. */
dk_status dk_price_buy(const dk_pricing *p, const dk_quotation *q, int64_t budget,
		       dk_purchase *out);
void dk_purchase_release(dk_purchase *b);

#endif

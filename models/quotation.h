/*
 * quotation.h: what pricing a template gives (RULES.md section 6), as a
 * result of the model that io/ writes out: per role the hourly full cost,
 * per package its cost, full cost, price, price per day, breakdown and
 * invoice plan, the price findings; and what a budget buys. Computed by
 * engine/price; amounts in øre, hours in the scales noted.
 */
#ifndef DK_QUOTATION_H
#define DK_QUOTATION_H

#include <stdbool.h>

#include "models/exact.h"
#include "models/recommendation.h"

typedef struct {
	int64_t delivered_e8; /* delivered hours, in 10^-8 hours */
	dk_rat work_hours;    /* all persons on the day, charged or not */
	int64_t cost, full_cost, price, price_per_day; /* øre */
	int64_t *role_cost; /* the cost per role (apportioned), øre */
	int64_t travel;     /* øre, part of the cost */
	int64_t margin;     /* cost × margin, half up, øre */
	int64_t rounding;   /* price − cost − margin */
	int64_t *invoices;  /* per semester, øre */
	int n_invoices;
	/* the exact cost (full cost) lay within 10⁻⁴ øre of a half øre
	 * before it was rounded: too close for a spreadsheet's arithmetic */
	bool cost_near_half, full_near_half;
} dk_quote_package;

typedef struct {
	size_t n_roles, n;
	dk_rat *hourly;      /* øre per hour, exact */
	int64_t *hourly_ore; /* rounded half up, for display */
	dk_quote_package *pkgs;
	dk_findings findings;
} dk_quotation;

/* Frees what a quotation holds (it may be zeroed). */
void dk_quote_release(dk_quotation *q);

typedef struct {
	int64_t budget;      /* øre */
	int64_t basic;       /* basic packages bought */
	int64_t *addons;     /* per package index (0 for non-add-ons) */
	int64_t days;        /* e4 */
	int64_t spent, left; /* øre */
} dk_purchase;

void dk_purchase_release(dk_purchase *b);

#endif

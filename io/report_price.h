/*
 * report_price.h: writing `dekom price`: per package the cost, full cost,
 * price, price per day, breakdown and invoices, the price checks, and with
 * -n/-p what each network's UP2 money to the institution buys.
 */
#ifndef DK_REPORT_PRICE_H
#define DK_REPORT_PRICE_H

#include <stdbool.h>

#include "models/quotation.h"
#include "models/network.h"
#include "models/pricing.h"

typedef struct {
	const dk_pricing *tpl;
	const dk_quotation *q;
	const dk_purchase *buys; /* per network, or NULL */
	const dk_networks *nets; /* with buys */
	bool english;
} dk_price_report;

char *dk_price_json(const dk_price_report *r);
char *dk_price_text(const dk_price_report *r, bool markdown);
char *dk_price_csv(const dk_price_report *r, bool excel_nb);

#endif

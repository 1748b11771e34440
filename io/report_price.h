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
#include "models/error.h"
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

/* The prices as a workbook (io/xlsx_price.c), written to `path` (a
 * temporary file the caller renames into place): Packages, Budgets (with
 * -n/-p), Roles, Day and Staffing, the arithmetic as formulas. DK_EIO with
 * a diagnostic on `name` when it cannot be written. */
dk_status dk_price_xlsx(const dk_price_report *r, const char *path, const char *name,
			dk_error *d);
/* One self-contained HTML page for the networks: what a package costs and
 * what each network's money buys. */
char *dk_price_html(const dk_price_report *r);

#endif

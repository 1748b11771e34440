/*
 * json_pricing.h: reading a price template (CLI.md, "Price template").
 * Unknown keys, a key given twice, a role, activity or package named twice,
 * a staffing or day entry naming an unknown role or activity, a role with
 * both or neither of hourly_cost and annual_salary, and a template without
 * exactly one basic package are bad input.
 */
#ifndef DK_JSON_PRICING_H
#define DK_JSON_PRICING_H

#include "io/text.h"
#include "models/pricing.h"

dk_status dk_pricing_read(const dk_input *in, dk_pricing *p, dk_error *d);

#endif

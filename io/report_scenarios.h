/*
 * report_scenarios.h: writing the results of `dekom scenarios` as JSON or
 * CSV (docs/scenarios.md). Each writer returns a newly allocated text, or
 * NULL when out of memory.
 */
#ifndef DK_REPORT_SCENARIOS_H
#define DK_REPORT_SCENARIOS_H

#include <stdbool.h>

#include "io/report.h"
#include "models/scenario.h"

typedef struct {
	const dk_report *report; /* the baseline's plan and inputs,
					      for the manifest */
	const dk_networks *nets;
	const dk_scenario_file *file;
	const dk_scenario_results *res;
	const dk_pricing *pricing; /* NULL without -P */
} dk_scenario_report;

char *dk_scenarios_json(const dk_scenario_report *r);
char *dk_scenarios_csv(const dk_scenario_report *r, bool excel_nb);

#endif

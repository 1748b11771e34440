/*
 * report_calibrate.h: writing the base-plus-FTE fit of `dekom calibrate`
 * (table, Markdown, CSV, JSON). Each writer returns a newly allocated
 * text, or NULL when out of memory.
 */
#ifndef DK_REPORT_CALIBRATE_H
#define DK_REPORT_CALIBRATE_H

#include <stdbool.h>

#include "io/report.h"
#include "models/calibration.h"

typedef struct {
	const dk_report *report; /* plan, inputs (manifest), language */
	const dk_networks *nets;
	const dk_calibration *calib;
} dk_calibration_report;

char *dk_calibration_json(const dk_calibration_report *r);
char *dk_calibration_csv(const dk_calibration_report *r, bool excel_nb);
char *dk_calibration_text(const dk_calibration_report *r, bool md);

#endif

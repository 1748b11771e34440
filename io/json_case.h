/*
 * json_case.h: reading a case file (CLI.md, "Case files"):
 *
 *     {"title": {"forum": …, "meeting": …, "case": …, "draft": true},
 *      "schemes": [{"id": "dekom", "name": …, "networks": "budsjett.csv",
 *                   "columns": "kolonner.json", "plan": "plan.json"},
 *                  {"id": "rekom", "input": "rekom-2023.xlsx", "sheet": …}]}
 *
 * A scheme has `input` (one workbook: networks and plan) or both
 * `networks` and `plan`; `columns` and `sheet` are optional. Paths are
 * relative to the case file's folder. Unknown keys, a key given twice, an
 * id given twice (case-insensitively) or not made of letters, digits, '-'
 * and '_', and a scheme without its inputs are bad input at their place.
 */
#ifndef DK_JSON_CASE_H
#define DK_JSON_CASE_H

#include "io/text.h"
#include "models/cases.h"

/* Reads the case file `in`, whose paths are relative to `dir` (NULL or "":
 * the working directory), into f (initialised here). */
dk_status dk_case_file_read(const dk_input *in, const char *dir, dk_case_file *f,
			    dk_error *d);

#endif

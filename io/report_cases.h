/*
 * report_cases.h: the combined recommendation of a case file (CLI.md,
 * "Case files"): each scheme's recommendation as a single one would be,
 * with its id, and a summary across the schemes: per institution its
 * direct transfer and UP2 per scheme and in total, per network (matched
 * by name, case-insensitively) its amount per scheme and in total, and per
 * scheme its totals and findings by severity.
 *
 * JSON: {"title": {...}, "schemes": [<recommend -f json of the scheme, with
 * "scheme": ID and "name">], "summary": {"institutions": [{"id", "name",
 * "schemes": [{"scheme", "direct", "up2", "total"}], "direct", "up2",
 * "total"}], "networks": [{"network", "schemes": [{"scheme",
 * "recommended"}], "total"}], "totals": {"schemes": [{"scheme",
 * "recommended", "direct", "up2", "unused", "uh_share", "findings":
 * {"error", "warning", "info"}}], "recommended", "direct", "up2",
 * "unused", "uh_share"}}}.
 * A scheme whose frame gave no amounts (frame-infeasible) has null amounts,
 * and then every total it is part of is null too.
 */
#ifndef DK_REPORT_CASES_H
#define DK_REPORT_CASES_H

#include "io/report.h"
#include "models/cases.h"

typedef struct {
	const dk_case_file *file;
	const dk_report *parts; /* one per scheme, in the file's order */
	size_t n;
	bool english;
} dk_cases_report;

char *dk_cases_json(const dk_cases_report *r);
/* The summary's tables, then each scheme's recommendation table under its
 * id and name. */
char *dk_cases_table(const dk_cases_report *r);
/* The same in Markdown: the summary's tables as pipe tables, then each
 * scheme's `recommend -f md` under its id. */
char *dk_cases_md(const dk_cases_report *r);
/* The summary as one CSV table in a long format (RFC 4180, or the Excel
 * dialect): the columns kind, scheme, name, direct, up2, recommended,
 * total, unused, uh_share, errors, warnings, info, a row per institution
 * and scheme, per network and scheme, and per scheme, each kind also with
 * a row for all the schemes (scheme empty). */
char *dk_cases_csv(const dk_cases_report *r, bool excel_nb);
/* The printed report: the summary's tables on the first page, then each
 * scheme's report (recommend -f html) from a page of its own, its ids
 * prefixed with the scheme's id so that they stay unique. */
char *dk_cases_html(const dk_cases_report *r);
/* The workbook: a summary sheet first, then each scheme's sheets as
 * recommend -f xlsx writes them, named "ID Sheet" (its defined names
 * ID_Name), to the file `path`; `name` is the target as the user named it.
 * A scheme id longer than DK_BOOK_PART_MAX is bad input. */
dk_status dk_cases_xlsx(const dk_cases_report *r, const char *path, const char *name,
			dk_error *d);

/* `check -c`: {"title", "schemes": [{"scheme", "name", "findings",
 * "not_checked"}]}, each scheme's findings as `check -f json` has them;
 * and as text, each scheme's findings under its id. */
char *dk_cases_findings_json(const dk_cases_report *r);
char *dk_cases_findings_table(const dk_cases_report *r);

/* `explain NETWORK -c`: the network's explanation in each scheme that has
 * it (under the scheme's id); *shown is how many schemes had it. */
char *dk_cases_explain(const dk_cases_report *r, const char *network, size_t *shown);

#endif

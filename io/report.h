/*
 * report.h: writing a recommendation out: JSON (the stable fields of
 * CLI.md), an aligned table for the terminal, Markdown, and CSV (RFC 4180,
 * or the excel-nb dialect: semicolons, decimal commas, a UTF-8 byte-order
 * mark so that Norwegian Excel opens it right). Each writer returns a
 * newly allocated NUL-terminated text, or NULL when out of memory.
 */
#ifndef DK_REPORT_H
#define DK_REPORT_H

#include <stdbool.h>

#include "io/strbuf.h"
#include "io/text.h"
#include "models/network.h"
#include "models/plan.h"
#include "models/recommendation.h"

typedef struct {
	const char *role; /* "plan", "columns", "networks" */
	const dk_input *in;
} dk_report_input;

typedef struct {
	const dk_plan *plan;
	const dk_networks *nets;
	const dk_recommendation *rec;
	const dk_report_input *inputs;
	size_t n_inputs;
	bool english; /* --lang en; Norwegian otherwise */
} dk_report;

char *dk_report_json(const dk_report *r);
/* The same text into b, which may hand it on as it grows (dk_strbuf's
 * flush: the output written as it is made); 0, or -1 when out of memory
 * or when b's hand-on failed. */
int dk_report_json_into(const dk_report *r, dk_strbuf *b);
/* The same as a cJSON tree (NULL when out of memory), for a case's part. */
struct cJSON *dk_report_cjson(const dk_report *r);
char *dk_report_table(const dk_report *r);
char *dk_report_md(const dk_report *r);
char *dk_report_csv(const dk_report *r, bool excel_nb);
/* The same into b as they are made (b may hand them on in pieces): 0, or
 * -1 when out of memory or the hand-on failed. */
int dk_report_md_into(const dk_report *r, dk_strbuf *b);
int dk_report_csv_into(const dk_report *r, bool excel_nb, dk_strbuf *b);
/* One self-contained HTML file, printable (A4 landscape). */
char *dk_report_html(const dk_report *r);
/* The same into b as it is made (b may hand it on in pieces): 0, or -1
 * when out of memory or the hand-on failed. */
int dk_report_html_into(const dk_report *r, dk_strbuf *b);

/* `check`: the findings alone. JSON is {"findings": [...]}; CSV has the
 * columns check, severity, network, field, expected, actual, difference,
 * message; the table is a list with a count per severity. */
char *dk_findings_json(const dk_report *r);
char *dk_findings_csv(const dk_report *r, bool excel_nb);
char *dk_findings_table(const dk_report *r);

/* "3 feil, 1 advarsel, 0 til orientering" (or English), from the counts. */
void dk_findings_count_text(dk_strbuf *b, const dk_findings *f, bool english);

/* The findings as lines for people: "BULLETseverity check, network:
 * message", in Norwegian or English; nets may be NULL when no finding
 * names a network. With `md` the network and the message are escaped as
 * Markdown (io/escape.h); otherwise they are as they are, and the caller
 * cleans the whole text for the terminal. */
void dk_finding_lines(dk_strbuf *b, const dk_findings *f, const dk_networks *nets,
		      bool english, const char *bullet, bool md);

/* A check by its title and a method in words, for people («Radsum»,
 * «fjorårets tildeling, begrenset til meldt behov»); the ids stay in JSON,
 * RFC 4180 CSV and where a person configures the plan. */
const char *dk_check_title(dk_check_id c, bool english);
const char *dk_method_label(dk_method m, bool english);
/* A finding's field for people: a column's label («Meldt behov»), or the
 * field in words ("Ramme"); an institution's id as it is. */
const char *dk_field_label(const char *field, bool english);

/* The document's heading for people: the plan's title (forum, case and
 * meeting joined by " – ", and "Utkast" / "Draft" while draft), or
 * "Innstilling 2022" / "Recommendation 2022" when the plan has none. */
void dk_report_heading(const dk_report *r, char *buf, size_t size);

/* Why a computed column of the criteria sheet is blank throughout, in
 * words: no uh-share bound set, coordinator-share off. The count (0 to 2)
 * of sentences written to notes. */
size_t dk_criteria_notes(const dk_report *r, char notes[2][300]);

/* A severity and a state in words, for people: the names in English
 * ("warning", "capped"), the catalogue's words in bokmål ("advarsel",
 * "tak"). */
const char *dk_severity_label(dk_severity s, bool english);
const char *dk_state_label(dk_state s, bool english);

/* Why a check listed in rec->not_checked could not run, in words. */
const char *dk_not_checked_reason(dk_check_id c, bool english);
/* The not_checked list as lines for people ("BULLETcheck: reason"), after
 * a heading line; nothing when the list is empty. */
void dk_not_checked_lines(dk_strbuf *b, const dk_recommendation *rec, bool english,
			  const char *bullet);
/* The same as a JSON array [{"check", "reason"}] (caller frees). */
struct cJSON *dk_not_checked_cjson(const dk_recommendation *rec);

/* `explain NETWORK`: how network k's amount came about, in words. */
char *dk_explain_text(const dk_report *r, size_t k);

/* The findings of `package` (-1: those of no package) as a cJSON array
 * (caller frees), each with "package": package_name when package ≥ 0; nets
 * may be NULL when no finding names a network. */
struct cJSON;
struct cJSON *dk_findings_cjson(const dk_findings *f, const dk_networks *nets,
				long package, const char *package_name);

/* The manifest of CLI.md: inputs with their SHA-256, method and
 * parameters (caller frees). */
struct cJSON *dk_manifest_cjson(const dk_report *r);

/* The workbook (`-f xlsx`), written to the file `path` (a temporary file
 * that the caller renames into place). DK_EIO with a diagnostic on `name`,
 * the target as the user named it, never the temporary file ("cannot
 * write the workbook: No space left on device"). Nothing is printed,
 * libxlsxwriter's own messages included. */
dk_status dk_report_xlsx(const dk_report *r, const char *path, const char *name,
			 dk_error *d);

/* λ as text: num/den (per unit of weight) times scale, reduced, in the unit
 * of RULES.md §3 (kroner per whole FTE for prorata). For JSON (`people`
 * false) the decimal has 12 places with a point; for people digit groups, 6
 * places at most, trailing zeros cut, a decimal comma unless `english`, and
 * the unit in words. Every writer and `explain` print λ through here. */
typedef struct {
	char decimal[64], num[48], den[48];
	char unit[40]; /* for people: "kr per lærerårsverk" (prorata, scale
			    100) or "kr per krone av vekten"; empty for JSON */
} dk_lambda_text;
void dk_lambda_format(dk_i128 num, dk_i128 den, int64_t scale, bool people, bool english,
		      dk_lambda_text *out);
/* The same as a JSON object {"decimal", "numerator", "denominator"}. */
struct cJSON *dk_lambda_cjson(dk_i128 num, dk_i128 den, int64_t scale);

#endif

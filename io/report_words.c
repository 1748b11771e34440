/*
 * report_words.c: words every writer of a recommendation shares: λ as a
 * person reads it (and as JSON writes it), and why a check could not run.
 * One place, so that the table, the report, the workbook, explain and JSON
 * say them alike.
 */
#include <stdio.h>
#include <string.h>

#include "io/i18n.h"
#include "io/report.h"
#include "io/text.h"
#include "models/columns.h"
#include "models/exact.h"
#include "models/numtext.h"

void dk_lambda_format(dk_i128 num, dk_i128 den, int64_t scale, bool people, bool english,
		      dk_lambda_text *out)
{
	dk_i128 ln = num * scale, ld = den;
	dk_i128 g = dk_gcd(ln, ld);
	if (g > 1)
		ln /= g, ld /= g;
	out->unit[0] = '\0';
	if (people) {
		/* digit groups, at most 6 decimals (half up), trailing zeros
		 * cut: "2 454,795487" */
		dk_numfmt f = DK_NUMFMT_PEOPLE(english, 0);
		dk_numtext_ratio(ln, ld, 6, &f, out->decimal, sizeof out->decimal);
		snprintf(out->unit, sizeof out->unit, "%s",
			 scale == 100 ? dk_tr(english, "kr per teacher FTE")
				      : dk_tr(english, "kr per krone of weight"));
	} else {
		dk_ratio_str(ln, ld, 12, out->decimal, sizeof out->decimal);
	}
	dk_i128_str(ln, out->num, sizeof out->num);
	dk_i128_str(ld, out->den, sizeof out->den);
}

const char *dk_not_checked_reason(dk_check_id c, bool english)
{
	switch (c) {
	case DK_CHECK_SELF_FINANCING:
		return dk_tr(english, "the networks file has no self-financing column");
	case DK_CHECK_YEAR_CHANGE:
		return dk_tr(english,
			     "the networks file has no column for last year's "
			     "allocation");
	default: return dk_tr(english, "its column is absent");
	}
}

/* A severity and a state in words for people. The models keep only the
 * names (dk_severity_name, dk_state_name) and call no gettext; the English
 * words are those names, marked here as the message ids of po/nb.po. */
const char *dk_severity_label(dk_severity s, bool english)
{
	static const char *const words[] = {N_("info"), N_("warning"), N_("error")};
	return dk_tr(english, words[s]);
}

const char *dk_state_label(dk_state s, bool english)
{
	static const char *const words[] = {N_("free"), N_("capped"), N_("floored"),
					    N_("decided")};
	return dk_tr(english, words[s]);
}

const char *dk_check_title(dk_check_id c, bool english)
{
	return dk_tr(english, dk_checks()[c].title);
}

const char *dk_method_label(dk_method m, bool english)
{
	return dk_tr(english, dk_method_words(m));
}

const char *dk_field_label(const char *field, bool english)
{
	/* a finding's field that is not a column, in words */
	static const struct {
		const char *field, *en;
	} other[] = {
		{"frame", N_("Frame")},
		{"price", N_("Price")},
		{"price_per_day", N_("Price per day")},
		{"factor", N_("Workload factor")},
		{"margin", N_("Margin")},
	};
	if (!field)
		return "";
	for (int c = 0; c < DK_COL_COUNT; c++) {
		const dk_column_def *d = dk_column_get((dk_column)c);
		if (strcmp(d->name, field) == 0)
			return english ? d->label_en : d->label_nb;
	}
	for (int c = 0; c < DK_OUT_COUNT; c++) {
		const dk_out_column_def *d = dk_out_column_get((dk_out_column)c);
		if (strcmp(d->name, field) == 0)
			return english ? d->label_en : d->label_nb;
	}
	for (size_t k = 0; k < sizeof other / sizeof other[0]; k++)
		if (strcmp(other[k].field, field) == 0)
			return dk_tr(english, other[k].en);
	return field; /* an institution's id */
}

void dk_report_heading(const dk_report *r, char *buf, size_t size)
{
	const dk_title *t = &r->plan->title;
	const char *part[3] = {t->forum, t->case_no, t->meeting};
	size_t k = 0;
	buf[0] = '\0';
	for (int i = 0; i < 3; i++) {
		if (!part[i] || !*part[i])
			continue;
		k += (size_t)snprintf(buf + k, size - k, "%s%s", k ? " – " : "", part[i]);
		if (k >= size) { /* cut short, on a character */
			dk_utf8_trim(buf);
			return;
		}
	}
	if (k == 0) {
		if (r->rec->year)
			snprintf(buf, size, "%s %d", dk_tr(r->english, "Recommendation"),
				 r->rec->year);
		else
			snprintf(buf, size, "%s", dk_tr(r->english, "Recommendation"));
	} else if (t->draft) {
		snprintf(buf + k, size - k, " – %s", dk_tr(r->english, "Draft"));
		dk_utf8_trim(buf);
	}
}

size_t dk_criteria_notes(const dk_report *r, char notes[2][300])
{
	const dk_check_conf *uh = &r->plan->checks[DK_CHECK_UH_SHARE];
	const dk_check_conf *co = &r->plan->checks[DK_CHECK_COORDINATOR_SHARE];
	size_t n = 0;
	if (uh->off || (!uh->param_set[0] && !uh->param_set[1]))
		snprintf(notes[n++], sizeof notes[0],
			 dk_tr(r->english,
			       "Reasonable UH share is blank: the plan sets no "
			       "bound (min or max) for the check '%s'."),
			 dk_check_title(DK_CHECK_UH_SHARE, r->english));
	if (co->off)
		snprintf(notes[n++], sizeof notes[0],
			 dk_tr(r->english,
			       "Limited coordinator is blank: the plan turns the "
			       "check '%s' off."),
			 dk_check_title(DK_CHECK_COORDINATOR_SHARE, r->english));
	return n;
}

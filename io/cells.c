/*
 * cells.c: the rules of a networks file's cells and rows that every reader
 * applies (CLI.md, "Networks file"), in one place, so that CSV and JSON
 * (and a workbook, later) read a sheet alike: the number format of each
 * column kind, the message for a cell that does not read, the UP1 cell, the
 * totals row's names and names that only look like one, a network name's
 * rules, whether an amount written under an explicit decimal mode is
 * plausible, and how a column is named in a message.
 */
#include "io/cells.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/i18n.h"

void dk_cell_spec(dk_column_kind kind, dk_decimal_mode mode, dk_num_spec *out)
{
	memset(out, 0, sizeof *out);
	out->mode = mode;
	switch (kind) {
	case DK_KIND_AMOUNT:
		out->decimals = 0;
		out->max = DK_KR_MAX;
		out->currency = true;
		break;
	case DK_KIND_FTE:
		out->decimals = 2;
		out->max = INT64_C(10000000) * 100;
		break;
	case DK_KIND_PERCENT:
		out->decimals = DK_PCT_DECIMALS;
		out->max = DK_KR_MAX;
		for (int k = 0; k < DK_PCT_DECIMALS; k++)
			out->max *= 10;
		out->percent = true;
		break;
	default:
		out->decimals = 6;
		out->max = DK_RATIO_ONE;
		break;
	}
}

void dk_cell_message(dk_num_result r, const char *field, const char *text,
		     const dk_num_spec *spec, char *buf, size_t size)
{
	char q[80];
	dk_quote(text, q, sizeof q);
	const char *want = _(dk_num_expected(spec));
	switch (r) {
	case DK_NUM_AMBIGUOUS:
		snprintf(buf, size,
			 _("%s: '%s' can be read two ways (a decimal or a digit "
			   "group); give --decimal-comma or --decimal-point to say "
			   "which"),
			 field, q);
		break;
	case DK_NUM_DECIMALS:
		if (spec->percent)
			snprintf(buf, size,
				 _("%s: '%s' has more than %d decimals; "
				   "expected %s"),
				 field, q, spec->decimals, want);
		else
			snprintf(buf, size,
				 _("%s: '%s' has too many decimals; "
				   "expected %s"),
				 field, q, want);
		break;
	case DK_NUM_NEGATIVE:
		snprintf(buf, size, _("%s: '%s' is negative; expected %s"), field, q,
			 want);
		break;
	case DK_NUM_RANGE:
		if (spec->percent)
			snprintf(buf, size,
				 _("%s: '%s' is too large; expected a "
				   "percentage of at most 10^12"),
				 field, q);
		else
			snprintf(buf, size, _("%s: '%s' is too large; expected %s"),
				 field, q, want);
		break;
	default:
		snprintf(buf, size, _("%s: '%s' is not a number; expected %s"), field, q,
			 want);
		break;
	}
}

dk_status dk_up1_parse(const char *text, const dk_plan *plan, dk_networks *t,
		       dk_network *n, char *msg, size_t size)
{
	char q[80]; /* the cell quoted, for a message: made when one is */
	size_t parts = 1;
	for (const char *p = text; *p; p++)
		parts += *p == '+';
	n->up1 = dk_networks_alloc(t, parts * sizeof *n->up1);
	if (!n->up1)
		return DK_ENOMEM;
	const char *p = text;
	for (size_t k = 0; k < parts; k++) {
		const char *end = strchr(p, '+');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		char *part = strndup(p, len);
		if (!part)
			return DK_ENOMEM;
		char *colon = strchr(part, ':');
		int64_t share = DK_RATIO_ONE;
		if (colon) {
			*colon = '\0';
			dk_num_spec spec;
			dk_cell_spec(DK_KIND_UP1, DK_DEC_AUTO, &spec);
			dk_num_result r = dk_decimal_parse(colon + 1, &spec, &share);
			if (r != DK_NUM_OK) {
				dk_quote(text, q, sizeof q);
				snprintf(msg, size,
					 _("up1: '%s' has a share that is not a number "
					   "from 0 to 1; expected 'NTNU' or "
					   "'NTNU:0.5+Nord:0.5'"),
					 q);
				free(part);
				return DK_EINPUT;
			}
		}
		char norm[128];
		dk_header_norm(part, norm, sizeof norm);
		if (!norm[0]) {
			dk_quote(text, q, sizeof q);
			snprintf(msg, size,
				 _("up1: '%s' has an empty institution; expected "
				   "'NTNU' or 'NTNU:0.5+Nord:0.5'"),
				 q);
			free(part);
			return DK_EINPUT;
		}
		/* keep the trimmed name as written */
		char *b = part;
		while (*b == ' ')
			b++;
		size_t bl = strlen(b);
		while (bl && b[bl - 1] == ' ')
			b[--bl] = '\0';
		n->up1[k].institution = dk_networks_intern(t, b);
		free(part);
		if (!n->up1[k].institution)
			return DK_ENOMEM;
		n->up1[k].index = dk_plan_institution(plan, n->up1[k].institution);
		n->up1[k].share = share;
		n->n_up1 = k + 1;
		p = end ? end + 1 : p + len;
	}
	n->present |= 1u << DK_COL_UP1;
	return DK_OK;
}

/* The labels of RULES.md section 5, normalised (lowercase, one space). */
/* clang-format off */
static const char *const totals_labels[] = {
	"sum", "summer", "total", "totalt", "totalsum", "sum totalt",
	"totalt sum", "i alt", "samlet", NULL,
};
/* clang-format on */

/* Length of a white-space character at s (space, tab, CR, LF, U+00A0), or
 * 0. */
static size_t white_len(const unsigned char *s)
{
	if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		return 1;
	return s[0] == 0xC2 && s[1] == 0xA0 ? 2 : 0;
}

/* The name trimmed (also of no-break spaces), lowercased, with runs of
 * spaces inside as one; its first size - 1 bytes. */
static void label_norm(const char *name, char *one, size_t size)
{
	char norm[256], cut[256];
	const unsigned char *b = (const unsigned char *)name;
	size_t k;
	while ((k = white_len(b)) != 0)
		b += k;
	const unsigned char *e = b + strlen((const char *)b);
	for (;;) {
		if (e > b &&
		    (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\n'))
			e--;
		else if (e - b >= 2 && e[-2] == 0xC2 && e[-1] == 0xA0)
			e -= 2;
		else
			break;
	}
	size_t len = (size_t)(e - b) < sizeof cut - 1 ? (size_t)(e - b) : sizeof cut - 1;
	memcpy(cut, b, len);
	cut[len] = '\0';
	dk_header_norm(cut, norm, sizeof norm);
	size_t o = 0;
	for (size_t i = 0; norm[i] && o + 1 < size; i++) {
		int space = norm[i] == ' ' || norm[i] == '\t';
		if (space && o && one[o - 1] == ' ')
			continue;
		one[o++] = space ? ' ' : norm[i];
	}
	one[o] = '\0';
}

/* The two rules on a name already normalised (label_norm). */
static bool totals_label(const char *one)
{
	if (!one[0])
		return true;
	for (size_t i = 0; totals_labels[i]; i++)
		if (strcmp(one, totals_labels[i]) == 0)
			return true;
	return false;
}

static bool totals_like(const char *one)
{
	for (size_t i = 0; totals_labels[i]; i++) {
		size_t n = strlen(totals_labels[i]);
		if (strncmp(one, totals_labels[i], n) != 0 || !one[n])
			continue;
		unsigned char next = (unsigned char)one[n];
		/* a label and then more that is not part of a word: "Sum:",
		 * "Sum 2022", "I alt (kr)", "Sum A og B" */
		if (!(next >= 'a' && next <= 'z') && next < 0x80)
			return true;
	}
	return false;
}

bool dk_is_totals_name(const char *name)
{
	char one[256];
	label_norm(name, one, sizeof one);
	return totals_label(one);
}

dk_name_kind dk_name_kind_of(const char *name)
{
	char one[256];
	label_norm(name, one, sizeof one);
	return totals_label(one)   ? DK_NAME_TOTALS
		: totals_like(one) ? DK_NAME_TOTALS_LIKE
				   : DK_NAME_NETWORK;
}

char *dk_name_trimmed(const char *s)
{
	const unsigned char *b = (const unsigned char *)s;
	size_t k;
	while ((k = white_len(b)) != 0)
		b += k;
	size_t n = strlen((const char *)b);
	for (;;) {
		if (n &&
		    (b[n - 1] == ' ' || b[n - 1] == '\t' || b[n - 1] == '\r' ||
		     b[n - 1] == '\n'))
			n--;
		else if (n >= 2 && b[n - 2] == 0xC2 && b[n - 1] == 0xA0)
			n -= 2;
		else
			break;
	}
	return strndup((const char *)b, n);
}

int dk_network_name_problems(const dk_networks *t, const dk_network *x, char msg[2][400])
{
	char q[80];
	int n = 0;
	size_t chars = dk_utf8_chars(x->name);
	/* the first network of that name, if it is not x itself */
	long prev = dk_networks_first(t, x);
	if (prev >= 0 && &t->items[prev] == x)
		prev = -1;
	if (chars <= DK_NAME_MAX && prev < 0)
		return 0;
	dk_quote(x->name, q, sizeof q);
	if (chars > DK_NAME_MAX)
		snprintf(msg[n++], 400,
			 _("network: '%s' is %zu characters long; expected "
			   "at most %d"),
			 q, chars, DK_NAME_MAX);
	if (prev >= 0)
		snprintf(msg[n++], 400,
			 _("network: '%s' is named twice, here and on line "
			   "%d; expected unique names"),
			 q, t->items[prev].line);
	return n;
}

bool dk_looks_like_totals(const char *name)
{
	char one[256];
	label_norm(name, one, sizeof one);
	return totals_like(one);
}

const char *dk_column_message_name(int col)
{
	const dk_column_def *def = dk_column_get((dk_column)col);
	return !def ? "" : dk_i18n_english() ? def->name : def->label_nb;
}

/* s into buf[size], cut to fit as snprintf(buf, size, "%s", s) would:
 * every cell read asks for its column's text, and a copy is all it takes. */
static void put_text(char *buf, size_t size, const char *s)
{
	size_t n = strlen(s);
	if (size == 0)
		return;
	if (n >= size)
		n = size - 1;
	memcpy(buf, s, n);
	buf[n] = '\0';
}

void dk_column_text(int col, const dk_plan *plan, char *buf, size_t size)
{
	if (col >= DK_COL_INSTITUTION) {
		put_text(buf, size, plan->institutions[col - DK_COL_INSTITUTION].id);
		return;
	}
	const dk_column_def *def = dk_column_get((dk_column)col);
	if (!def) {
		put_text(buf, size, "?");
		return;
	}
	if (dk_i18n_english()) {
		put_text(buf, size, def->name);
		return;
	}
	/* the label inside a sentence: "Meldt behov" as "meldt behov", but
	 * "UP1" as it is */
	put_text(buf, size, def->label_nb);
	if (buf[0] >= 'A' && buf[0] <= 'Z' && !(buf[1] >= 'A' && buf[1] <= 'Z'))
		buf[0] = (char)(buf[0] + 32);
}

/* Under an explicit decimal mode, the decimal separator is followed by
 * exactly three digits and then nothing more of the number. */
bool dk_amount_implausible(const char *text, const char *field, dk_decimal_mode mode,
			   char *msg, size_t size)
{
	if (mode == DK_DEC_AUTO)
		return false;
	char dec = mode == DK_DEC_COMMA ? ',' : '.';
	const char *sep = strrchr(text, dec);
	if (!sep || sep == text || sep[-1] < '0' || sep[-1] > '9')
		return false;
	size_t digits = 0;
	while (sep[1 + digits] >= '0' && sep[1 + digits] <= '9')
		digits++;
	if (digits != 3)
		return false;
	char q[80];
	dk_quote(text, q, sizeof q);
	snprintf(msg, size,
		 _("%s: '%s' has three decimals under %s, but the column holds "
		   "whole kroner; if '%c' groups digits in this file, give %s "
		   "instead"),
		 field, q, mode == DK_DEC_COMMA ? "--decimal-comma" : "--decimal-point",
		 dec, mode == DK_DEC_COMMA ? "--decimal-point" : "--decimal-comma");
	return true;
}

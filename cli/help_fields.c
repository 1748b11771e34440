/*
 * help_fields.c: `dekom help plan` and `dekom help pricing`, printed from
 * the one table of the plan's and the template's fields (models/fields.c),
 * with each field's range and default in words.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "io/i18n.h"
#include "models/fields.h"
#include "models/numtext.h"

/* A scaled value for people: trailing zero decimals cut, digit groups
 * from 10 000 up ("1 000 000 000 000", "0.05", "8784"). */
static void value_text(int64_t v, int decimals, char *buf, size_t size)
{
	int64_t unit = 1;
	for (int k = 0; k < decimals; k++)
		unit *= 10;
	size_t n = dk_decimal_format(v, decimals, v / unit >= 10000 ? " " : "", ".", buf,
				     size);
	while (decimals > 0 && n && buf[n - 1] == '0')
		buf[--n] = '\0';
	if (n && buf[n - 1] == '.')
		buf[--n] = '\0';
}

/* What a field holds: "0 to 1 000 000 000 000 kr", "0 to 1, 6 decimals",
 * "true or false", "prorata, need or status_quo", "text". */
static void range_text(const dk_field *f, char *buf, size_t size)
{
	char lo[48], hi[48];
	switch (f->type) {
	case DK_FIELD_NUMBER:
		value_text(f->min, f->decimals, lo, sizeof lo);
		value_text(f->max, f->decimals, hi, sizeof hi);
		if (f->unit)
			snprintf(buf, size, _("%s to %s %s"), lo, hi, _(f->unit));
		else
			snprintf(buf, size, _("%s to %s"), lo, hi);
		if (f->decimals > 0) {
			size_t n = strlen(buf);
			snprintf(buf + n, size - n, _(", %d decimals"), f->decimals);
		}
		break;
	case DK_FIELD_BOOL: snprintf(buf, size, "%s", _("true or false")); break;
	case DK_FIELD_ENUM: dk_or_list(f->names, false, buf, size); break;
	case DK_FIELD_TEXT: snprintf(buf, size, "%s", _("text")); break;
	}
}

/* "required", "optional", "default 0.23", "default T − D − ΣC − R". */
static void default_text(const dk_field *f, char *buf, size_t size)
{
	char v[48];
	switch (f->dflt) {
	case DK_DEFAULT_REQUIRED: snprintf(buf, size, "%s", _("required")); return;
	case DK_DEFAULT_NONE:
		if (f->def_text)
			snprintf(buf, size, _("default %s"), f->def_text);
		else
			snprintf(buf, size, "%s", _("optional"));
		return;
	case DK_DEFAULT_VALUE: break;
	}
	if (f->type == DK_FIELD_BOOL)
		snprintf(v, sizeof v, "%s", f->def ? "true" : "false");
	else if (f->type == DK_FIELD_ENUM)
		snprintf(v, sizeof v, "%s", f->names[f->def]);
	else
		value_text(f->def, f->decimals, v, sizeof v);
	snprintf(buf, size, _("default %s"), v);
}

void dk_cli_help_fields(FILE *out, dk_field_file file)
{
	static const char plan_head[] =
		N_("Fields of the plan (JSON). PATH is a JSON Pointer below the plan's\n"
		   "root; * is one entry of a list, counted from 0, or one key of an\n"
		   "object (an institution id, a check id). S: a scenario can set the\n"
		   "field, as /plan/PATH (docs/scenarios.md).\n\n");
	static const char pricing_head[] = N_(
		"Fields of the price template (JSON). PATH is a JSON Pointer below the\n"
		"template's root; * is one entry of a list, counted from 0, or one key\n"
		"of an object (an activity of the template). S: a scenario can set the\n"
		"field, as /pricing/PATH, with the template given by -P.\n\n");
	size_t n;
	const dk_field *t = dk_fields(file, &n);
	fputs(_(file == DK_FILE_PLAN ? plan_head : pricing_head), out);
	for (size_t i = 0; i < n; i++) {
		char range[256], dflt[64];
		range_text(&t[i], range, sizeof range);
		default_text(&t[i], dflt, sizeof dflt);
		fprintf(out, "%c %-32s %s\n      %s; %s\n",
			t[i].target != DK_T_NONE ? 'S' : ' ', t[i].path, range,
			_(t[i].meaning), dflt);
	}
}

/*
 * help.c: `dekom --help`, `dekom help COMMAND` and `COMMAND --help`. The
 * column, check and field lists are printed from their tables
 * (models/columns.c, models/finding.c; the plan's and template's fields
 * in help_fields.c), so help, reader and docs cannot disagree. Every text is in the program's language:
 * English message ids, marked N_() in the tables and translated with _()
 * where printed (po/nb.po); names a person writes in a file (column ids,
 * check ids, JSON keys and values) stay as they are.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "io/canonical.h"
#include "io/i18n.h"
#include "io/report.h"
#include "models/finding.h"
#include "models/numtext.h"

static const char inputs_help[] = N_(
	"Inputs (-n and -p together; with neither, the built-in Trøndelag 2022\n"
	"case):\n"
	"  -n, --networks FILE   networks, CSV, JSON, XLSX or ODS ('-' is standard\n"
	"                        input); a second -n adds columns (such as fte)\n"
	"                        by name, with a row for every network of the first\n"
	"      --sheet NAME      a workbook's sheet (default Budsjett, or the only one)\n"
	"  -p, --plan FILE       plan, JSON, or the Plan sheet of a workbook\n"
	"  -i, --input BOOK      networks and plan from one workbook (XLSX or ODS):\n"
	"                        the same as -n BOOK -p BOOK (dekom init writes one)\n"
	"  -c, --case CASE.json  several schemes (Dekom, Rekom, ...) in one\n"
	"                        recommendation, each with its own inputs\n"
	"                        (recommend, check, explain; docs/cases.md)\n"
	"      --columns MAP     header map, JSON: {\"Prosentandel#1\": "
	"\"stated_own_pct\", \"\": \"network\"}\n"
	"      --decimal-comma   read '1,500' as 1.5 (and '.' as digit groups)\n"
	"      --decimal-point   read '1.500' as 1.5 (and ',' as digit groups)\n"
	"Output:\n"
	"  -o FILE               write to FILE; without -f, a name ending in .xlsx,\n"
	"                        .html, .csv, .json or .md chooses the format\n"
	"  -q, --quiet           no line on standard error saying what was written\n"
	"                        and found ('wrote FILE: 3 errors, ...')\n"
	"  -h, --help            this help\n");

typedef struct {
	const char *name;
	const char *usage;
	const char *text;
} topic;

/* clang-format off */
static const topic topics[] = {
	{"recommend", N_("dekom recommend [INPUTS] [-f FORMAT] [-o FILE] [--lang nb|en]"),
	 N_("Allocates the pro-rata frame by the plan's method (one water-filling\n"
	    "engine, exact λ, whole kroner), splits each amount over the network's\n"
	    "budget lines, splits the direct transfer, and reports the findings.\n"
	    "  -f table|csv|json|md|html|xlsx\n"
	    "                         the format (table on a terminal, else json);\n"
	    "                         html is a printable report in one file, xlsx\n"
	    "                         a workbook for the forum, its arithmetic as\n"
	    "                         formulas, printable on A4 (needs -o)\n"
	    "  --csv-dialect excel-nb semicolons, decimal commas and a BOM, for Excel\n"
	    "  --lang nb|en           headings and explanations (default nb)\n"
	    "  --fail-on LEVEL        exit 1 on findings at error (default), warning,\n"
	    "                         or never\n"
	    "  -o FILE                write to FILE (atomically; never over an input)\n")},
	{"show", N_("dekom show [INPUTS] [-f table|json] [-o FILE]"),
	 N_("Prints the networks file as dekom reads it: every column placed,\n"
	    "every number exact. -f json gives the canonical JSON form, which\n"
	    "`-n` reads back to the same table.\n")},
	{"check", N_("dekom check [INPUTS] [-f table|csv|json] [--fail-on error|warning|never] [--lang nb|en]"),
	 N_("Runs the consistency checks (dekom help checks) and prints the findings,\n"
	    "sorted by severity, network and check. Exit 0 when no finding is at or\n"
	    "above --fail-on (default error), 1 when one is, 2 on bad input.\n"
	    "  -f table|csv|json     the format (table on a terminal, else json)\n"
	    "  --csv-dialect excel-nb\n"
	    "  --lang nb|en          the messages (default nb; JSON has both)\n"
	    "  --fail-on LEVEL       error (default), warning or never\n")},
	{"explain", N_("dekom explain NETWORK [INPUTS] [--lang nb|en]"),
	 N_("How one network's amount came about: its base, weight, floor and cap,\n"
	    "λ as a decimal and an exact fraction, whether it is free, capped or\n"
	    "floored, and its rounding step with its place in the tie order.\n"
	    "  -c CASE.json          in every scheme of the case that has the network\n"
	    "  --scheme ID           ... or in this scheme only\n")},
	{"price", N_("dekom price -P PRICING.json [INPUTS] [-f table|csv|json|md|html|xlsx] [-o FILE]"),
	 N_("Template prices: per package the cost, full cost, price, price per day,\n"
	    "breakdown and invoice plan, and the price checks. With -n and -p, also\n"
	    "what each network's UP2 money to the template's institution buys.\n"
	    "  -P, --pricing FILE    the price template (docs/pricing.md)\n"
	    "  -f html               one page for the networks: what it costs, what\n"
	    "                        they get\n"
	    "  -f xlsx               the calculation as formulas, for the economist\n"
	    "                        (needs -o)\n")},
	{"scenarios", N_("dekom scenarios -s SCENARIOS.json [-P PRICING.json] [INPUTS] [-f csv|json] [--threads N] [-o FILE]"),
	 N_("Runs named scenarios, a sweep of one value and Monte Carlo draws on the\n"
	    "case, each with the one allocation engine, and compares every network\n"
	    "with the baseline (amount, change in kroner and percent, state).\n"
	    "Paths are JSON Pointers: /plan/frame/prorata, /networks/Fosen/need,\n"
	    "/networks/*/need (every network); a '/' in a name is written ~1.\n"
	    "  -s, --scenarios FILE  the scenario file (docs/scenarios.md)\n"
	    "  -P, --pricing FILE    a price template: each case is also priced, and\n"
	    "                        /pricing/... paths can be set\n"
	    "  --threads N           Monte Carlo runs at once (default: one per\n"
	    "                        processor; the results are the same for any N)\n"
	    "  -f csv|json           the format (default json)\n"
	    "  -o FILE               write to FILE (atomically; never over an input)\n")},
	{"calibrate", N_("dekom calibrate [INPUTS] [-f table|csv|json|md] [-o FILE]"),
	 N_("Fits last year's allocation to a base grant plus an amount per teacher\n"
	    "FTE (weighted least squares, GSL) and reports B, λ, R² and each\n"
	    "network's deviation; more than k (2) standard deviations off is a\n"
	    "key-deviation finding. Needs the previous and fte columns.\n"
	    "  -f table|csv|json|md  the format (table on a terminal, else json)\n"
	    "  --fail-on LEVEL       exit 1 on findings at error (default), warning,\n"
	    "                        or never\n")},
	{"init", N_("dekom init [-o WORKBOOK.xlsx] [--year YYYY] [--from RECOMMENDATION.json]"),
	 N_("Writes the workbook for a new year, to fill in in Excel or LibreOffice\n"
	    "and read back with `dekom recommend -i WORKBOOK`: Veiledning (what to\n"
	    "fill in), Budsjett (a row per network under the columns' Norwegian\n"
	    "labels, ja/nei/delvis lists, a totals row of sums) and Plan (every\n"
	    "parameter with its default and a note, lists for each choice, and the\n"
	    "blocks Institusjoner, Felles tiltak, Kontroller and Vedtak).\n"
	    "  -o FILE               the workbook (default dekom-YYYY.xlsx); an\n"
	    "                        existing file is never written over\n"
	    "  --year YYYY           the plan year (default this calendar year)\n"
	    "  --from FILE           last year's `recommend -f json`: its networks,\n"
	    "                        with their recommended amounts as previous\n")},
	{"batch", N_("dekom batch -d OUTDIR [--threads N] [--summary FILE.csv] [--fail-on LEVEL] CASE.json..."),
	 N_("Runs many case files (other forums, other years) in one go: each case\n"
	    "to OUTDIR/<its name without .json>.json (as recommend -c -f json), a\n"
	    "table of the cases on standard output (schemes, networks, frame,\n"
	    "recommended, findings by severity, the case's own exit code). A bad\n"
	    "case is reported and the others still run. Exit 3 if an output could\n"
	    "not be written, else 2 if a case was bad input, else 1 if a case had\n"
	    "findings at or above --fail-on, else 0.\n"
	    "  -d, --outdir DIR      the folder for the outputs (it must exist)\n"
	    "  -f json|md|csv|html   the format of each case's output (default json)\n"
	    "  --threads N           cases at once (default: one per processor; the\n"
	    "                        outputs are the same for any N)\n"
	    "  --summary FILE.csv    the table of cases also as CSV\n")},
	{"diff", N_("dekom diff OLD.json NEW.json [-f table|json] [--lang nb|en] [-o FILE]"),
	 N_("Compares two `recommend -f json` outputs: the frame, each network's\n"
	    "need, amount and state before and after, and the findings that are\n"
	    "new or gone (docs/diff.md).\n"
	    "  -f table|json         the format (table on a terminal, else json)\n"
	    "  --lang nb|en          the table's language (default nb)\n")},
};
/* clang-format on */

/* Prints a name of a column once, by its key (spaces, '_' and '-' alike):
 * the label "Meldt behov" and the alias "meldt_behov" are one name to the
 * reader. `shown` holds the keys printed so far on the line. */
static void print_name(FILE *out, const char *name, const char *lead, int *any,
		       char shown[][128], int *n_shown)
{
	char key[128];
	if (!name)
		return;
	dk_header_norm(name, key, sizeof key);
	dk_header_key(key);
	for (int k = 0; k < *n_shown; k++)
		if (strcmp(shown[k], key) == 0)
			return;
	if (*n_shown < 12)
		snprintf(shown[(*n_shown)++], 128, "%s", key);
	fprintf(out, "%s%s", (*any)++ ? ", " : lead, name);
}

/* The key of the canonical name, which the line starts with. */
static void seed_name(const char *name, char key[128])
{
	dk_header_norm(name, key, 128);
	dk_header_key(key);
}

static void print_columns(FILE *out)
{
	const dk_column_def *cols = dk_columns();
	const char *lead = _("                         names: ");
	fprintf(out, "%s",
		_("Columns of the networks file (any case; spaces, '_' and "
		  "'-' alike):\n\n"));
	for (int c = 0; c < DK_COL_COUNT; c++) {
		fprintf(out, "  %-20s %s%s\n", cols[c].name, _(cols[c].meaning),
			cols[c].required ? _(" (required)") : "");
		int any = 0, n_shown = 1;
		char shown[12][128];
		seed_name(cols[c].name, shown[0]);
		print_name(out, cols[c].label_nb, lead, &any, shown, &n_shown);
		print_name(out, cols[c].label_en, lead, &any, shown, &n_shown);
		for (int k = 0; k < 3; k++)
			print_name(out, cols[c].aliases[k], lead, &any, shown, &n_shown);
		if (cols[c].year_alias) {
			char y[64], text[128];
			snprintf(y, sizeof y, "%s%d", cols[c].year_alias,
				 2022 + cols[c].year_offset);
			snprintf(text, sizeof text, _("%s (year %d plan)"), y, 2022);
			print_name(out, text, lead, &any, shown, &n_shown);
		}
		if (any)
			fputc('\n', out);
	}
	fprintf(out, "%s",
		_("\n  an institution id of the plan, or one of its aliases "
		  "(also after uh_, as in\n  uh_NTNU): that institution's "
		  "UP2 amount\n"));
	fprintf(out, "%s",
		_("\nColumns dekom writes in its own tables, read back "
		  "from them:\n\n"));
	for (int c = 0; c < DK_OUT_COUNT; c++) {
		const dk_out_column_def *oc = dk_out_column_get((dk_out_column)c);
		fprintf(out, "  %-20s %s\n", oc->name, _(oc->meaning));
		int any = 0, n_shown = 1;
		char shown[12][128];
		seed_name(oc->name, shown[0]);
		print_name(out, oc->label_nb, lead, &any, shown, &n_shown);
		print_name(out, oc->label_en, lead, &any, shown, &n_shown);
		if (oc->reads_as >= 0)
			fprintf(out, _("; read as %s\n"),
				dk_column_get((dk_column)oc->reads_as)->name);
		else
			fprintf(out, "%s", _("; read and ignored\n"));
	}
	fprintf(out, "%s",
		_("\n'Prosentandel', and any header given twice, needs a "
		  "--columns map.\n'Nettverk' is own, as in the forum's "
		  "sheet, unless another column is own\n('Nettverk (egen)', "
		  "as dekom writes it): then it is network.\n"));
}

static void print_checks(FILE *out)
{
	const dk_check_def *defs = dk_checks();
	fprintf(out, "%s",
		_("Consistency checks (set under \"checks\" in the plan):\n\n"));
	for (int i = 0; i < DK_CHECK_COUNT; i++) {
		if (i == DK_CHECK_PRICE_BELOW_COST)
			fprintf(out, "%s",
				_("\nPrice checks (dekom price; not set in the plan):\n\n"));
		/* the id, which the plan uses, and the title reports use */
		fprintf(out, "  %-22s %-8s %s: %s\n", defs[i].name,
			i == DK_CHECK_CRITERIA ? _("by answer")
					       : dk_severity_name(defs[i].severity),
			dk_check_title((dk_check_id)i, dk_i18n_english()),
			_(defs[i].rule));
		for (int k = 0; k < DK_CHECK_PARAMS; k++) {
			const dk_param_def *p = &defs[i].params[k];
			char v[48];
			if (!p->name)
				continue;
			switch (p->kind) {
			case DK_PARAM_AMOUNT:
				snprintf(v, sizeof v, "%lld kr", (long long)p->value);
				break;
			case DK_PARAM_RATIO:
			case DK_PARAM_PP:
				dk_scaled_plain(p->value, 6, v, sizeof v);
				if (p->kind == DK_PARAM_PP) {
					size_t n = strlen(v);
					snprintf(v + n, sizeof v - n, "%s",
						 _(" percentage points"));
				}
				break;
			case DK_PARAM_SEVERITY:
				snprintf(v, sizeof v, "%s",
					 dk_severity_name((dk_severity)p->value));
				break;
			case DK_PARAM_BASE:
				snprintf(v, sizeof v, "%s", _("recommended (or need)"));
				break;
			}
			fprintf(out, "  %-31s %s: %s\n", "", p->name,
				p->unset ? _("not set (the check is off until set)") : v);
		}
	}
	fprintf(out, "%s",
		_("\nEvery check also takes \"severity\" and \"off\": true.\n"));
}

int dk_cli_help(const char *command, FILE *out)
{
	if (!command) {
		fprintf(out,
			_("dekom %s: allocation and pricing for the Dekom forum\n\n"
			  "Usage:\n"),
			DEKOM_VERSION);
		for (size_t i = 0; i < sizeof topics / sizeof topics[0]; i++)
			fprintf(out, "  %s\n", _(topics[i].usage));
		fprintf(out,
			_("  dekom --version | --help | help COMMAND|columns|checks|plan|pricing\n\n"
			  "%s\nExit codes: 0 done; 1 findings at or above --fail-on; "
			  "2 bad usage or input (nothing written);\n3 an output "
			  "could not be written.\n"),
			_(inputs_help));
		return DK_EXIT_OK;
	}
	if (strcmp(command, "columns") == 0) {
		print_columns(out);
		return DK_EXIT_OK;
	}
	if (strcmp(command, "checks") == 0) {
		print_checks(out);
		return DK_EXIT_OK;
	}
	if (strcmp(command, "plan") == 0 || strcmp(command, "pricing") == 0) {
		dk_cli_help_fields(out,
				   strcmp(command, "plan") == 0 ? DK_FILE_PLAN
								: DK_FILE_PRICING);
		return DK_EXIT_OK;
	}
	for (size_t i = 0; i < sizeof topics / sizeof topics[0]; i++)
		if (strcmp(command, topics[i].name) == 0) {
			fprintf(out, _("Usage: %s\n\n%s\n%s"), _(topics[i].usage),
				_(topics[i].text), _(inputs_help));
			return DK_EXIT_OK;
		}
	char q[80];
	dk_quote(command, q, sizeof q);
	fprintf(stderr, "dekom: error: ");
	fprintf(stderr, _("no help for '%s'; see 'dekom --help'\n"), q);
	return DK_EXIT_USAGE;
}

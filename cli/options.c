/*
 * options.c: a subcommand's options, parsed once with getopt_long into the
 * typed dk_cli_opts every command takes, and checked against each other
 * (the format against the command and the output's name, -n with -p) before
 * anything is read. A usage error is said here, in the program's language,
 * with a pointer to the command's help (exit 2).
 */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/cli.h"
#include "io/i18n.h"

enum {
	OPT_COLUMNS = 256,
	OPT_LANG,
	OPT_FAIL_ON,
	OPT_DEC_COMMA,
	OPT_DEC_POINT,
	OPT_CSV_DIALECT,
	OPT_THREADS,
	OPT_SHEET,
	OPT_YEAR,
	OPT_FROM,
	OPT_SUMMARY,
	OPT_SCHEME
};

/* clang-format off */
static const struct option long_opts[] = {
	{"networks", required_argument, NULL, 'n'},
	{"plan", required_argument, NULL, 'p'},
	{"input", required_argument, NULL, 'i'},
	{"case", required_argument, NULL, 'c'},
	{"pricing", required_argument, NULL, 'P'},
	{"scenarios", required_argument, NULL, 's'},
	{"columns", required_argument, NULL, OPT_COLUMNS},
	{"sheet",         required_argument, NULL, OPT_SHEET},
	{"format", required_argument, NULL, 'f'},
	{"output", required_argument, NULL, 'o'},
	{"lang", required_argument, NULL, OPT_LANG},
	{"fail-on", required_argument, NULL, OPT_FAIL_ON},
	{"decimal-comma", no_argument, NULL, OPT_DEC_COMMA},
	{"decimal-point", no_argument, NULL, OPT_DEC_POINT},
	{"csv-dialect", required_argument, NULL, OPT_CSV_DIALECT},
	{"threads", required_argument, NULL, OPT_THREADS},
	{"year", required_argument, NULL, OPT_YEAR},
	{"from", required_argument, NULL, OPT_FROM},
	{"summary", required_argument, NULL, OPT_SUMMARY},
	{"scheme", required_argument, NULL, OPT_SCHEME},
	{"outdir", required_argument, NULL, 'd'},
	{"quiet", no_argument, NULL, 'q'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};
/* clang-format on */

/* "dekom CMD: error: MESSAGE; see 'dekom help CMD'": the message in the
 * program's language (a format, with an argument a person typed quoted),
 * the "error:" token as it is. */
static int usage_error(const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int usage_error(const char *cmd, const char *fmt, ...)
{
	char text[600];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	fprintf(stderr, "dekom %s: error: ", cmd);
	fprintf(stderr, _("%s; see 'dekom help %s'\n"), text, cmd);
	return DK_EXIT_USAGE;
}

/* The same without the pointer to the command's help. */
static int plain_error(const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int plain_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "dekom %s: error: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return DK_EXIT_USAGE;
}

static int word_in(const char *word, const char *list)
{
	size_t n = strlen(word);
	for (const char *p = list; *p;) {
		const char *e = strchr(p, ' ');
		size_t k = e ? (size_t)(e - p) : strlen(p);
		if (k == n && strncmp(p, word, n) == 0)
			return 1;
		p += k + (e ? 1 : 0);
	}
	return 0;
}

/* The format an output file's name asks for: its ending .xlsx, .html,
 * .csv, .json or .md (any case); NULL for standard output and for other
 * names. */
/* An output name whose ending promises a file dekom does not write: a
 * spreadsheet or document program would open it and find JSON or text. */
static const char *foreign_format(const char *path)
{
	static const char *const foreign[] = {"ods", "xls",  "xlsm", "xlsb", "odt",
					      "doc", "docx", "pdf",  "rtf",  NULL};
	if (!path || strcmp(path, "-") == 0)
		return NULL;
	const char *base = strrchr(path, '/');
	const char *dot = strrchr(base ? base + 1 : path, '.');
	for (size_t k = 0; dot && foreign[k]; k++)
		if (strcasecmp(dot + 1, foreign[k]) == 0)
			return foreign[k];
	return NULL;
}

static const char *format_of_name(const char *path)
{
	static const char *const formats[] = {"xlsx", "html", "csv", "json", "md", NULL};
	if (!path || strcmp(path, "-") == 0)
		return NULL;
	const char *base = strrchr(path, '/');
	const char *dot = strrchr(base ? base + 1 : path, '.');
	if (!dot)
		return NULL;
	for (size_t k = 0; formats[k]; k++)
		if (strcasecmp(dot + 1, formats[k]) == 0)
			return formats[k];
	return NULL;
}

static int parse_threads(const char *text, int *out)
{
	char *end;
	long v = strtol(text, &end, 10);
	if (end == text || *end || v < 1 || v > 64)
		return -1;
	*out = (int)v;
	return 0;
}

int dk_cli_parse(const char *name, const char *formats, int argc, char **argv,
		 dk_cli_opts *out)
{
	dk_cli_opts o;
	memset(&o, 0, sizeof o);
	o.command = name;
	opterr = 0;
	optind = 1;
	int ch;
	while ((ch = getopt_long(argc, argv, "n:p:i:c:d:P:s:f:o:qh", long_opts, NULL)) !=
	       -1) {
		switch (ch) {
		case 'n':
			if (!o.networks)
				o.networks = optarg;
			else if (o.n_more < DK_MORE_NETWORKS)
				o.more_networks[o.n_more++] = optarg;
			else
				return usage_error(
					name, _("too many -n files; at most 5, not '%s'"),
					optarg);
			break;
		case 'p': o.plan = optarg; break;
		case 'i': o.input = optarg; break;
		case 'c': o.case_file = optarg; break;
		case 'd': o.outdir = optarg; break;
		case OPT_SUMMARY: o.summary = optarg; break;
		case OPT_SCHEME: o.scheme = optarg; break;
		case 'P': o.pricing = optarg; break;
		case 's': o.scenarios = optarg; break;
		case 'f': o.format = optarg; break;
		case 'o': o.output = optarg; break;
		case 'q': o.quiet = true; break;
		case OPT_COLUMNS: o.columns = optarg; break;
		case OPT_SHEET: o.sheet = optarg; break;
		case OPT_FROM: o.from = optarg; break;
		case OPT_YEAR: {
			char *end;
			long y = strtol(optarg, &end, 10);
			if (end == optarg || *end || y < 1900 || y > 9999)
				return usage_error(name,
						   _("--year takes a year such as 2023, "
						     "not '%s'"),
						   optarg);
			o.year = (int)y;
			break;
		}
		case OPT_LANG: o.lang = optarg; break;
		case OPT_FAIL_ON: o.fail_on = optarg; break;
		case OPT_DEC_COMMA: o.mode = DK_DEC_COMMA; break;
		case OPT_DEC_POINT: o.mode = DK_DEC_POINT; break;
		case OPT_CSV_DIALECT: o.csv_dialect = optarg; break;
		case OPT_THREADS:
			if (parse_threads(optarg, &o.threads) != 0)
				return usage_error(
					name,
					_("--threads takes a whole number from 1 to 64, "
					  "not '%s'"),
					optarg);
			break;
		case 'h': return dk_cli_help(name, stdout);
		default:
			if (optopt)
				return usage_error(
					name,
					_("option needs a value or is unknown: '%s'"),
					argv[optind - 1]);
			return usage_error(name, _("unknown option '%s'"),
					   argv[optind - 1]);
		}
	}
	if (o.format && !word_in(o.format, formats))
		return usage_error(name, _("unsupported format '%s'"), o.format);
	if ((strcmp(name, "batch") == 0 || strcmp(name, "init") == 0) &&
	    (o.networks || o.plan || o.input || o.case_file || o.columns || o.sheet))
		return usage_error(
			name, "%s",
			strcmp(name, "batch") == 0
				? _("batch reads every input from its case files; "
				    "give no -n, -p, -i, -c or --columns")
				: _("init reads no networks or plan; it takes -o, "
				    "--year and --from"));
	if ((o.outdir || o.summary) && strcmp(name, "batch") != 0)
		return usage_error(name, "%s",
				   _("-d and --summary are options of dekom batch"));
	if (o.output && strcmp(name, "batch") == 0)
		return usage_error(name, "%s",
				   _("batch writes each case to -d OUTDIR, and the table "
				     "of cases to standard output or --summary FILE.csv; "
				     "not to -o"));
	if ((o.year || o.from) && strcmp(name, "init") != 0)
		return usage_error(name, "%s",
				   _("--year and --from are options of dekom init"));
	if (o.case_file && strcmp(name, "recommend") != 0 && strcmp(name, "check") != 0 &&
	    strcmp(name, "explain") != 0)
		return usage_error(name, "%s",
				   _("-c (a case file) works with recommend, check and "
				     "explain so far; run each scheme with -n and -p"));
	if (o.scheme && !(o.case_file && strcmp(name, "explain") == 0))
		return usage_error(name, "%s",
				   _("--scheme chooses a scheme of a case file: give it "
				     "with explain NETWORK -c CASE.json"));
	if (o.case_file && (o.networks || o.plan || o.input))
		return usage_error(name, "%s",
				   _("-c names every scheme's inputs; give -c alone, or "
				     "-n and -p"));
	/* -i WORKBOOK is -n WORKBOOK -p WORKBOOK */
	if (o.input && (o.networks || o.plan))
		return usage_error(name, "%s",
				   _("-i reads the networks and the plan from one "
				     "workbook; give -i alone, or -n and -p"));
	if (o.input && strcmp(o.input, "-") == 0)
		return usage_error(name, "%s",
				   _("-i needs a workbook file; standard input cannot "
				     "be read twice"));
	if (o.input)
		o.networks = o.plan = o.input;
	/* last year's plan must never be mixed silently with this year's
	 * sheet, nor the other way round */
	if (strcmp(name, "diff") != 0 && !o.networks != !o.plan) {
		/* price uses networks and a plan only for budgets, never the
		 * built-in case */
		bool price = strcmp(name, "price") == 0;
		return usage_error(
			name, "%s",
			o.networks
				? (price ? _("-n without -p: give both -n and -p for "
					     "the budgets, or neither for prices alone")
					 : _("-n without -p: give both -n and -p, or "
					     "neither for the built-in 2022 case"))
				: (price ? _("-p without -n: give both -n and -p for "
					     "the budgets, or neither for prices alone")
					 : _("-p without -n: give both -n and -p, or "
					     "neither for the built-in 2022 case")));
	}
	const char *foreign = foreign_format(o.output);
	if (foreign) {
		return plain_error(name,
				   _("the output name '%s' ends in .%s, a format dekom "
				     "does not write; use .xlsx for a workbook, .html "
				     "for the report, or .csv, .json or .md"),
				   o.output, foreign);
	}
	const char *named = format_of_name(o.output);
	if (named && o.format && strcmp(named, o.format) != 0) {
		return plain_error(name,
				   _("-f %s contradicts the output name '%s'; give -f "
				     "%s, or a name that does not end in .%s"),
				   o.format, o.output, named, named);
	}
	if (named && !o.format) {
		if (!word_in(named, formats)) {
			return plain_error(name,
					   _("the output name '%s' asks for %s, which "
					     "dekom %s does not write; give -f (one of: "
					     "%s), or another name"),
					   o.output, named, name, formats);
		}
		o.format = named;
	}
	if (o.csv_dialect && strcmp(o.csv_dialect, "rfc4180") != 0 &&
	    strcmp(o.csv_dialect, "excel-nb") != 0)
		return usage_error(name,
				   _("--csv-dialect takes rfc4180 or excel-nb, not '%s'"),
				   o.csv_dialect);
	if (o.lang && strcmp(o.lang, "nb") != 0 && strcmp(o.lang, "en") != 0)
		return usage_error(name, _("--lang takes nb or en, not '%s'"), o.lang);
	if (o.fail_on && strcmp(o.fail_on, "error") != 0 &&
	    strcmp(o.fail_on, "warning") != 0 && strcmp(o.fail_on, "never") != 0)
		return usage_error(name,
				   _("--fail-on takes error, warning or never, not '%s'"),
				   o.fail_on);
	o.argc = argc - optind;
	o.argv = argv + optind;
	*out = o;
	return DK_CLI_PARSED;
}

/*
 * cli.h: what the subcommands of `dekom` share: the parsed options, the
 * loaded case (plan, column map, networks), and the printing of
 * diagnostics. The cli is the only layer that prints or exits.
 */
#ifndef DK_CLI_H
#define DK_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "io/colmap.h"
#include "io/networks.h"
#include "io/text.h"
#include "models/fields.h"
#include "models/network.h"
#include "models/cases.h"
#include "models/plan.h"
#include "models/recommendation.h"
#include "io/report.h"

/* How many further -n files may add columns to the first. */
#define DK_MORE_NETWORKS 4

/* Exit codes of CLI.md. */
enum { DK_EXIT_OK = 0, DK_EXIT_FINDINGS = 1, DK_EXIT_USAGE = 2, DK_EXIT_IO = 3 };

typedef struct {
	const char *command;
	const char *networks;                        /* the first -n */
	const char *more_networks[DK_MORE_NETWORKS]; /* further -n: columns to add */
	int n_more;
	const char *plan;        /* -p */
	const char *input;       /* -i: networks and plan from one workbook */
	const char *case_file;   /* -c: a case file of several schemes */
	const char *outdir;      /* batch -d: the folder of the outputs */
	const char *summary;     /* batch --summary: the table of cases as CSV */
	const char *scheme;      /* explain -c --scheme: one scheme's id */
	const char *pricing;     /* -P */
	const char *scenarios;   /* -s */
	const char *columns;     /* --columns */
	const char *sheet;       /* --sheet: a workbook's sheet */
	const char *format;      /* -f, or chosen by the -o name's ending */
	const char *output;      /* -o */
	const char *lang;        /* --lang */
	const char *fail_on;     /* --fail-on */
	const char *csv_dialect; /* --csv-dialect rfc4180|excel-nb */
	int threads;             /* --threads, 0: one per processor */
	int year;                /* init --year, 0: not given */
	const char *from;        /* init --from: last year's recommendation */
	dk_decimal_mode mode;    /* --decimal-comma / --decimal-point */
	bool quiet;              /* -q: no "wrote FILE" line */
	int argc;                /* operands after the options */
	char **argv;
} dk_cli_opts;

typedef struct {
	dk_input plan_in, map_in, net_in;
	dk_input more_in[DK_MORE_NETWORKS];
	int n_more;
	dk_plan plan;
	dk_colmap map;
	bool has_map;
	dk_networks nets;
} dk_case;

/* Loads plan, column map and networks as the options say (built-in case
 * where -n/-p are absent). Prints every diagnostic; returns DK_OK or the
 * status that failed. */
dk_status dk_case_load(dk_case *c, const dk_cli_opts *o);
/* The same, with the problems added to d instead of printed (a batch
 * prints each case's in the cases' order). */
dk_status dk_case_load_into(dk_case *c, const dk_cli_opts *o, dk_error *d);
void dk_case_release(dk_case *c);

/* Prints the diagnostics of d to standard error. */
void dk_cli_print_diags(dk_error *d);

/* Maps a status to an exit code, printing a line for DK_ENOMEM. */
int dk_cli_exit(dk_status st);

/* Ends an output: prints its problems as "dekom: error: FILE: MESSAGE"
 * (an output has no line to point at; the file is the target as named),
 * releases d, and returns the exit code for st (3 when it was not
 * written). */
int dk_cli_output_done(dk_status st, dk_error *d);

/* Reads one input (a path, "-" for standard input, or the built-in file
 * when path is NULL) and decodes it to UTF-8. */
dk_status dk_cli_load_input(dk_input *in, const char *path,
			    dk_status (*builtin)(dk_input *), dk_error *d);

/* Loads the case and computes the recommendation (findings sorted, and
 * rendered when `render`: a streamed JSON renders each as it writes it);
 * prints what fails. */
dk_status dk_cli_run_case(dk_case *c, dk_recommendation *rec, const dk_cli_opts *o,
			  bool render);

/* The report's view of a case: its inputs (with their roles), the plan,
 * the networks, the recommendation and the language. inputs has room for
 * 3 + DK_MORE_NETWORKS. */
void dk_cli_report_init(dk_report *r, dk_report_input *inputs, const dk_case *c,
			const dk_recommendation *rec, const dk_cli_opts *o);

/* The format: -f, else a table on a terminal and JSON otherwise. */
const char *dk_cli_default_format(const dk_cli_opts *o);

/* Writes text (taking it) to -o or standard output: DK_EXIT_OK, or the
 * exit code of the failure (printed). */
int dk_cli_write_text(const dk_cli_opts *o, char *text);

/* A workbook writer: writes to `path`, a temporary file, and names
 * `name`, the target as the user gave it, in any diagnostic. */
typedef dk_status (*dk_cli_book_fn)(const void *ctx, const char *path, const char *name,
				    dk_error *d);

/* Writes a workbook to -o (io/outfile.h: a temporary file next to a
 * regular target, renamed into place when complete): DK_EXIT_OK, or the
 * exit code of the failure (printed). */
int dk_cli_write_book(const dk_cli_opts *o, dk_cli_book_fn write, const void *ctx);

/* Writes to -o what write puts into its buffer, handed on as it grows to
 * a temporary file (never the whole text in memory) that becomes the
 * output only when complete, also for standard output; write returns 0,
 * or -1 when out of memory. The exit code, as dk_cli_write_text. */
typedef int (*dk_cli_stream_fn)(const void *ctx, dk_strbuf *b);
int dk_cli_write_stream(const dk_cli_opts *o, dk_cli_stream_fn write, const void *ctx);

/* True, with the usage error said, when -f xlsx has no file to go to. */
bool dk_cli_book_without_file(const dk_cli_opts *o);

/* Appends the newline cJSON does not print (takes t; NULL stays NULL). */
char *dk_cli_with_newline(char *t);

/* After a file is written (not standard output), one line on standard
 * error: what was written and, with findings, what was found; none with
 * -q. */
void dk_cli_say_written(const dk_cli_opts *o, const dk_findings *f);

/* 1 when a finding is at or above --fail-on, else 0. */
int dk_cli_findings_exit(const dk_cli_opts *o, const dk_findings *f);

/* "dekom COMMAND: error: MESSAGE" on standard error (the token `error:`
 * stays English: programs read it); fmt is already in the program's
 * language (_()). command NULL: "dekom: error: ...". */
void dk_cli_error(const char *command, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* A progress line on standard error for a long run (CLI.md, Language:
 * only when standard error is a terminal, never otherwise, and only once
 * the run has taken about a second): "Monte Carlo: 45 000 av 200 000 (22 %),
 * 84 000 per sekund, ca. 2 s igjen". */
typedef struct {
	const char *what; /* an English msgid */
	double start;     /* monotonic seconds */
	bool shown;
} dk_progress;

/* False when standard error is not a terminal (then nothing is shown). */
bool dk_progress_start(dk_progress *p, const char *what);
void dk_progress_report(void *ctx, long done, long total);
void dk_progress_end(dk_progress *p);

/* True for --lang en. */
bool dk_cli_english(const dk_cli_opts *o);

/* Subcommands: each returns an exit code. */
int dk_cmd_recommend(const dk_cli_opts *o);
int dk_cmd_show(const dk_cli_opts *o);
int dk_cmd_explain(const dk_cli_opts *o);
int dk_cmd_check(const dk_cli_opts *o);
int dk_cmd_price(const dk_cli_opts *o);
int dk_cmd_scenarios(const dk_cli_opts *o);
int dk_cmd_calibrate(const dk_cli_opts *o);
int dk_cmd_init(const dk_cli_opts *o);
int dk_cmd_batch(const dk_cli_opts *o);
/* What a case is run for: recommend, check or explain -c CASE.json. */
typedef enum { DK_JOB_RECOMMEND, DK_JOB_CHECK, DK_JOB_EXPLAIN } dk_job_kind;

/* recommend, check or explain with -c CASE.json (cli/cmd_cases.c) */
int dk_cli_run_cases(const dk_cli_opts *o, dk_job_kind kind);

/* One case file, read, computed and written to text (cli/cmd_cases.c),
 * printing nothing: `recommend -c` runs one, `batch` many at once. */
typedef struct {
	const char *path;     /* the case file */
	const char *output;   /* where its output goes (checked against its
				  inputs), or NULL */
	const dk_cli_opts *o; /* language, --fail-on, readers' options */
	const char *format;   /* "json" or "table" */
	dk_job_kind kind;
	const char *network; /* explain: the network */
	/* what the run gives */
	dk_error d; /* its problems */
	dk_status st;
	char *text;                          /* the combined output, when st is DK_OK */
	size_t schemes, networks, counts[3]; /* counts: findings per severity */
	dk_kr frame, recommended, unused;    /* over the schemes */
	dk_i128 uh_num, uh_den; /* the UH share of it all, over the schemes */
	bool produced;          /* every scheme has amounts */
	int findings_exit;      /* 1 when a finding is at or above --fail-on */
	bool wrote;             /* recommend -c -f xlsx: the workbook was written here */
	int book_rc;            /* ... with this exit code */
} dk_case_job;
void dk_case_job_run(dk_case_job *j);
void dk_case_job_release(dk_case_job *j);
/* Reads a case file, its paths against its folder. */
dk_status dk_case_file_load(const char *path, dk_input *in, dk_case_file *f, dk_error *d);
int dk_cmd_diff(const dk_cli_opts *o);

/* Help for one command, or the overview (command NULL). Topics `columns`
 * and `checks` print the alias and check tables. Returns 0, or 2 for an
 * unknown topic. */
int dk_cli_help(const char *command, FILE *out);

/* What dk_cli_parse returns when the options are good and the command may
 * run; any other value is the exit code (a usage error said, or --help
 * printed). */
#define DK_CLI_PARSED (-1)

/* Parses the options of command `name` (argv[0] is the command), whose
 * -f values are the space-separated `formats`, into *o: the arguments
 * after the options are o->argc and o->argv. */
int dk_cli_parse(const char *name, const char *formats, int argc, char **argv,
		 dk_cli_opts *o);

/* `help plan` and `help pricing`: every field of the file, its range,
 * default and meaning, and whether a scenario can set it. */
void dk_cli_help_fields(FILE *out, dk_field_file file);

#endif

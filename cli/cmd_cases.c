/*
 * cmd_cases.c: `recommend -c CASE.json` (CLI.md, "Case files"). Each
 * scheme is loaded and computed exactly as `recommend -n … -p …` (or `-i`)
 * would do it alone, through dk_cli_run_case; the combined output adds the
 * summary (io/report_cases.c). A scheme that is bad input is reported
 * with its diagnostics, the other schemes are still read so that every
 * problem is said at once, and nothing is written.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "io/i18n.h"
#include "io/json_case.h"
#include "io/outfile.h"
#include "io/report_cases.h"

/* The folder of path ("" for a bare name or standard input). */
static void folder(const char *path, char *buf, size_t size)
{
	const char *slash = strcmp(path, "-") == 0 ? NULL : strrchr(path, '/');
	if (!slash) {
		buf[0] = '\0';
		return;
	}
	size_t n = (size_t)(slash - path);
	if (n == 0)
		n = 1; /* "/case.json": the root */
	snprintf(buf, size, "%.*s", (int)n, path);
}

int dk_cli_run_cases(const dk_cli_opts *o)
{
	const char *fmt = dk_cli_default_format(o);
	if (strcmp(fmt, "json") != 0 && strcmp(fmt, "table") != 0) {
		dk_cli_error(o->command,
			     _("-f %s is not written for a case file yet; give -f json "
			       "or -f table, or run each scheme with -n and -p"),
			     fmt);
		return DK_EXIT_USAGE;
	}
	if (o->networks || o->plan || o->columns || o->sheet) {
		dk_cli_error(o->command, "%s",
			     _("-c names every scheme's inputs; give -c alone, or -n "
			       "and -p"));
		return DK_EXIT_USAGE;
	}
	dk_error d;
	dk_input in;
	dk_case_file f;
	char dir[4096];
	dk_error_init(&d);
	dk_input_init(&in);
	memset(&f, 0, sizeof f);
	folder(o->case_file, dir, sizeof dir);
	dk_status st = dk_cli_load_input(&in, o->case_file, NULL, &d);
	if (st == DK_OK)
		st = dk_case_file_read(&in, dir, &f, &d);
	if (st == DK_OK && o->output)
		st = dk_output_check(o->output, &o->case_file, 1, &d);
	dk_cli_print_diags(&d);
	dk_error_release(&d);
	dk_case c[DK_SCHEMES_MAX];
	dk_recommendation rec[DK_SCHEMES_MAX];
	dk_report parts[DK_SCHEMES_MAX];
	dk_report_input inputs[DK_SCHEMES_MAX][3 + DK_MORE_NETWORKS];
	size_t loaded = 0;
	/* every scheme is read, so that all its problems are said at once */
	bool file_ok = st == DK_OK;
	for (size_t k = 0; file_ok && k < f.n; k++) {
		const dk_scheme_ref *s = &f.schemes[k];
		dk_cli_opts so = *o;
		so.case_file = NULL;
		so.input = NULL;
		so.n_more = 0;
		so.networks = s->input ? s->input : s->networks;
		so.plan = s->input ? s->input : s->plan;
		so.columns = s->columns;
		so.sheet = s->sheet;
		dk_status sk = dk_cli_run_case(&c[k], &rec[k], &so);
		loaded = k + 1;
		if (st == DK_OK)
			st = sk;
		if (sk == DK_OK)
			dk_cli_report_init(&parts[k], inputs[k], &c[k], &rec[k], o);
		if (sk == DK_ENOMEM || sk == DK_ERANGE)
			break;
	}
	int rc;
	if (st != DK_OK) {
		rc = dk_cli_exit(st);
	} else {
		dk_cases_report r = {&f, parts, f.n, dk_cli_english(o)};
		rc = dk_cli_write_text(o,
				       strcmp(fmt, "json") == 0
					       ? dk_cli_with_newline(dk_cases_json(&r))
					       : dk_cases_table(&r));
		dk_findings all;
		memset(&all, 0, sizeof all);
		int findings = DK_EXIT_OK;
		for (size_t k = 0; k < f.n; k++) {
			for (int v = 0; v < 3; v++)
				all.counts[v] += rec[k].findings.counts[v];
			if (dk_cli_findings_exit(o, &rec[k].findings) != DK_EXIT_OK)
				findings = DK_EXIT_FINDINGS;
		}
		if (rc == DK_EXIT_OK) {
			dk_cli_say_written(o, &all);
			rc = findings;
		}
	}
	for (size_t k = 0; k < loaded; k++) {
		dk_recommendation_release(&rec[k]);
		dk_case_release(&c[k]);
	}
	dk_case_file_release(&f);
	dk_input_release(&in);
	return rc;
}

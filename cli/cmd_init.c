/*
 * cmd_init.c: `dekom init`, the workbook for a new year (CLI.md).
 *
 * The institutions are the built-in plan's (the forum's universities);
 * with --from, the networks and their recommended amounts come from last
 * year's `recommend -f json`, as last year's allocation. init never
 * writes over an existing file: a workbook the secretariat has filled in
 * must not be lost to a repeated command.
 */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cli/cli.h"
#include "io/builtin.h"
#include "io/i18n.h"
#include "io/json_plan.h"
#include "io/json_recfile.h"
#include "io/outfile.h"
#include "io/xlsx_init.h"

static dk_status write_init(const void *ctx, const char *path, const char *name,
			    dk_error *d)
{
	return dk_init_workbook_write(ctx, path, name, d);
}

static int this_year(void)
{
	time_t now = time(NULL);
	struct tm tm;
	if (now == (time_t)-1 || !localtime_r(&now, &tm))
		return 2023;
	return tm.tm_year + 1900;
}

int dk_cmd_init(const dk_cli_opts *o)
{
	if (o->argc > 0 || o->networks || o->plan || o->columns) {
		dk_cli_error("init", "%s",
			     _("init reads no networks or plan; it takes -o, --year "
			       "and --from"));
		return DK_EXIT_USAGE;
	}
	dk_cli_opts w = *o;
	char name[64];
	w.year = o->year ? o->year : this_year();
	if (!w.output) {
		snprintf(name, sizeof name, "dekom-%d.xlsx", w.year);
		w.output = name;
	}
	if (dk_output_is_stdout(w.output)) {
		dk_cli_error("init", "%s",
			     _("init writes a workbook: give it with -o FILE.xlsx"));
		return DK_EXIT_USAGE;
	}
	struct stat st_out;
	if (stat(w.output, &st_out) == 0) {
		dk_cli_error("init",
			     _("'%s' already exists; init does not write over a "
			       "workbook: give another name with -o, or remove it"),
			     w.output);
		return DK_EXIT_USAGE;
	}
	dk_error d;
	dk_input plan_in, from_in;
	dk_plan plan;
	dk_rec_file from;
	dk_error_init(&d);
	dk_input_init(&plan_in);
	dk_input_init(&from_in);
	dk_plan_init(&plan);
	memset(&from, 0, sizeof from);
	dk_status st = dk_cli_load_input(&plan_in, NULL, dk_builtin_plan_input, &d);
	if (st == DK_OK) {
		dk_plan_release(&plan);
		st = dk_plan_read(&plan_in, &plan, &d);
	}
	if (st == DK_OK && o->from) {
		st = dk_cli_load_input(&from_in, o->from, NULL, &d);
		if (st == DK_OK)
			st = dk_rec_file_read(&from_in, &from, &d);
		if (st == DK_OK)
			st = dk_output_check(w.output, &o->from, 1, &d);
	}
	dk_cli_print_diags(&d);
	dk_error_release(&d);
	int rc;
	if (st != DK_OK) {
		rc = dk_cli_exit(st);
	} else {
		dk_init_book b = {w.year, &plan, o->from ? &from : NULL,
				  dk_cli_english(o)};
		rc = dk_cli_write_book(&w, write_init, &b);
		if (rc == DK_EXIT_OK)
			dk_cli_say_written(&w, NULL);
	}
	dk_rec_file_release(&from);
	dk_plan_release(&plan);
	dk_input_release(&plan_in);
	dk_input_release(&from_in);
	return rc;
}

/*
 * cmd_analysis.c: the analysts' commands: scenarios (named, a sweep, Monte
 * Carlo runs), calibrate (last year against a base-plus-FTE key) and diff
 * (two recommendations side by side).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "io/i18n.h"
#include "engine/calibrate.h"
#include "engine/diff.h"
#include "engine/scenario.h"
#include "io/finding_text.h"
#include "io/json_pricing.h"
#include "io/json_recfile.h"
#include "io/json_scenarios.h"
#include "io/outfile.h"
#include "io/report.h"
#include "io/report_calibrate.h"
#include "io/report_diff.h"
#include "io/report_scenarios.h"

/* `scenarios`: the case, the scenario file read against it, every run,
 * and the comparison with the baseline. */
int dk_cmd_scenarios(const dk_cli_opts *o)
{
	if (!o->scenarios) {
		dk_cli_error("scenarios", "%s",
			     _("no scenario file; expected -s SCENARIOS.json "
			       "(see dekom help scenarios)"));
		return DK_EXIT_USAGE;
	}
	if (o->argc > 0) {
		dk_cli_error("scenarios", _("unexpected argument '%s'"), o->argv[0]);
		return DK_EXIT_USAGE;
	}
	dk_case c;
	dk_input in, tpl_in;
	dk_pricing tpl;
	dk_scenario_file file;
	dk_scenario_results res;
	dk_error d;
	memset(&res, 0, sizeof res);
	dk_input_init(&in);
	dk_input_init(&tpl_in);
	dk_pricing_init(&tpl);
	dk_scenario_file_init(&file);
	dk_status st = dk_case_load(&c, o);
	dk_error_init(&d);
	if (st == DK_OK && o->pricing) {
		st = dk_cli_load_input(&tpl_in, o->pricing, NULL, &d);
		if (st == DK_OK) {
			dk_pricing_release(&tpl);
			st = dk_pricing_read(&tpl_in, &tpl, &d);
		}
		if (st == DK_OK && dk_plan_institution(&c.plan, tpl.institution) < 0) {
			dk_cli_print_diags(&d);
			dk_cli_error("scenarios",
				     _("the template's institution '%s' is not an "
				       "institution of the plan"),
				     tpl.institution);
			st = DK_EINPUT;
		}
	}
	if (st == DK_OK)
		st = dk_cli_load_input(&in, o->scenarios, NULL, &d);
	if (st == DK_OK)
		st = dk_scenarios_read(&in, &c.plan, &c.nets, o->pricing ? &tpl : NULL,
				       &file, &d);
	if (st == DK_OK && o->output) {
		const char *inputs[] = {o->scenarios, o->pricing};
		st = dk_output_check(o->output, inputs, 2, &d);
	}
	dk_cli_print_diags(&d);
	dk_error_release(&d);
	if (st == DK_OK) {
		long cpus = sysconf(_SC_NPROCESSORS_ONLN);
		file.mc.threads = o->threads ? o->threads
			: cpus > 0           ? (int)(cpus < 64 ? cpus : 64)
					     : 1;
		dk_progress pr;
		if (dk_progress_start(&pr, N_("Monte Carlo"))) {
			file.mc.progress = dk_progress_report;
			file.mc.progress_ctx = &pr;
		}
		dk_models m = {&c.plan, &c.nets, o->pricing ? &tpl : NULL};
		st = dk_scenarios_run(&file, &m, &res);
		if (file.mc.progress)
			dk_progress_end(&pr);
		if (st == DK_ERANGE)
			dk_cli_error("scenarios", "%s",
				     _("a scenario's template figures are too "
				       "fine to price exactly in 128 bits"));
	}
	int rc;
	if (st != DK_OK) {
		rc = dk_cli_exit(st);
	} else {
		dk_report r;
		dk_report_input inputs[5 + DK_MORE_NETWORKS];
		dk_cli_report_init(&r, inputs, &c, NULL, o);
		inputs[r.n_inputs++] = (dk_report_input){"scenarios", &in};
		if (o->pricing)
			inputs[r.n_inputs++] = (dk_report_input){"pricing", &tpl_in};
		dk_scenario_report sr = {&r, &c.nets, &file, &res,
					 o->pricing ? &tpl : NULL};
		bool csv = o->format && strcmp(o->format, "csv") == 0;
		rc = dk_cli_write_text(
			o,
			csv ? dk_scenarios_csv(&sr,
					       o->csv_dialect &&
						       strcmp(o->csv_dialect,
							      "excel-nb") == 0)
			    : dk_cli_with_newline(dk_scenarios_json(&sr)));
		if (rc == DK_EXIT_OK)
			dk_cli_say_written(o, NULL);
	}
	dk_scenario_results_release(&res);
	dk_scenario_file_release(&file);
	dk_pricing_release(&tpl);
	dk_input_release(&tpl_in);
	dk_input_release(&in);
	dk_case_release(&c);
	return rc;
}

/* `calibrate`: the base-plus-FTE fit of last year's allocation. */
int dk_cmd_calibrate(const dk_cli_opts *o)
{
	if (o->argc > 0) {
		dk_cli_error("calibrate", _("unexpected argument '%s'"), o->argv[0]);
		return DK_EXIT_USAGE;
	}
	dk_case c;
	dk_calibration cal;
	memset(&cal, 0, sizeof cal);
	dk_status st = dk_case_load(&c, o);
	if (st == DK_OK)
		st = dk_calibrate(&c.plan, &c.nets, &cal);
	if (st == DK_OK)
		st = dk_findings_render(&cal.findings);
	int rc;
	if (st == DK_EINPUT && cal.problem != DK_CALIB_OK) {
		static const char *const why[] = {
			"",
			N_("the networks file has no previous column (last year's "
			   "allocation) to fit"),
			N_("the networks file has no fte column; give teacher FTE, for "
			   "instance with a second -n file (fixtures/trondelag-2022/"
			   "trondelag-2022-illustrative-fte-up1.csv is illustrative)"),
			N_("fewer than 3 networks have both previous and fte above 0; a "
			   "line through two points tells nothing"),
			N_("every network has the same FTE, so no slope can be fitted"),
		};
		dk_cli_error("calibrate", "%s", _(why[cal.problem]));
		rc = DK_EXIT_USAGE;
	} else if (st != DK_OK) {
		rc = dk_cli_exit(st);
	} else {
		dk_report r;
		dk_report_input inputs[3 + DK_MORE_NETWORKS];
		dk_cli_report_init(&r, inputs, &c, NULL, o);
		dk_calibration_report cr = {&r, &c.nets, &cal};
		const char *fmt = dk_cli_default_format(o);
		char *text;
		if (strcmp(fmt, "json") == 0)
			text = dk_cli_with_newline(dk_calibration_json(&cr));
		else if (strcmp(fmt, "csv") == 0)
			text = dk_calibration_csv(&cr,
						  o->csv_dialect &&
							  strcmp(o->csv_dialect,
								 "excel-nb") == 0);
		else
			text = dk_calibration_text(&cr, strcmp(fmt, "md") == 0);
		rc = dk_cli_write_text(o, text);
		if (rc == DK_EXIT_OK) {
			dk_cli_say_written(o, &cal.findings);
			rc = dk_cli_findings_exit(o, &cal.findings);
		}
	}
	dk_calibration_release(&cal);
	dk_case_release(&c);
	return rc;
}

/* `diff OLD.json NEW.json`: two recommend outputs side by side. */
/* diff of two combined recommendations: a diff per scheme, by id. */
static int diff_sets(const dk_cli_opts *o, const dk_rec_set *f)
{
	size_t cap = f[0].n + f[1].n;
	dk_diff_scheme *x = calloc(cap ? cap : 1, sizeof *x);
	dk_diff *diffs = calloc(cap ? cap : 1, sizeof *diffs);
	size_t n = 0;
	dk_status st = x && diffs ? DK_OK : DK_ENOMEM;
	bool en = dk_cli_english(o);
	for (size_t k = 0; st == DK_OK && k < f[1].n; k++) {
		long j = -1;
		for (size_t i = 0; i < f[0].n && j < 0; i++)
			if (f[0].ids[i] && f[1].ids[k] &&
			    strcmp(f[0].ids[i], f[1].ids[k]) == 0)
				j = (long)i;
		x[n] = (dk_diff_scheme){f[1].ids[k],
					{o->argv[0], o->argv[1],
					 j >= 0 ? &f[0].parts[j] : NULL, &f[1].parts[k],
					 &diffs[n], en}};
		if (j >= 0)
			st = dk_diff_run(&f[0].parts[j], &f[1].parts[k], &diffs[n]);
		n++;
	}
	for (size_t i = 0; st == DK_OK && i < f[0].n; i++) {
		bool found = false;
		for (size_t k = 0; k < f[1].n && !found; k++)
			found = f[0].ids[i] && f[1].ids[k] &&
				strcmp(f[0].ids[i], f[1].ids[k]) == 0;
		if (found)
			continue;
		x[n] = (dk_diff_scheme){f[0].ids[i],
					{o->argv[0], o->argv[1], &f[0].parts[i], NULL,
					 &diffs[n], en}};
		n++;
	}
	int rc;
	if (st != DK_OK) {
		rc = dk_cli_exit(st);
	} else {
		dk_diff_sets r = {o->argv[0], o->argv[1], x, n, en};
		rc = dk_cli_write_text(
			o,
			strcmp(dk_cli_default_format(o), "json") == 0
				? dk_cli_with_newline(dk_diff_sets_json(&r))
				: dk_diff_sets_table(&r));
		if (rc == DK_EXIT_OK)
			dk_cli_say_written(o, NULL);
	}
	for (size_t k = 0; diffs && k < cap; k++)
		dk_diff_release(&diffs[k]);
	free(diffs);
	free(x);
	return rc;
}

int dk_cmd_diff(const dk_cli_opts *o)
{
	if (o->argc != 2) {
		dk_cli_error("diff", "%s",
			     _("expected two files, OLD.json and NEW.json, both "
			       "written by dekom recommend -f json"));
		return DK_EXIT_USAGE;
	}
	dk_input in[2];
	dk_rec_set f[2];
	dk_diff diff;
	dk_error d;
	memset(f, 0, sizeof f);
	memset(&diff, 0, sizeof diff);
	dk_error_init(&d);
	dk_status st = DK_OK;
	for (int k = 0; k < 2; k++) {
		dk_input_init(&in[k]);
		dk_status s = dk_cli_load_input(&in[k], o->argv[k], NULL, &d);
		if (s == DK_OK)
			s = dk_rec_set_read(&in[k], &f[k], &d);
		if (st == DK_OK)
			st = s;
	}
	if (st == DK_OK && f[0].combined != f[1].combined) {
		dk_error_add(
			&d, o->argv[f[1].combined ? 0 : 1], 0, 0, "%s",
			_("a single recommendation against a combined one (recommend "
			  "-c); expected two of one kind"));
		st = DK_EINPUT;
	}
	if (st == DK_OK && o->output) {
		const char *inputs[] = {o->argv[0], o->argv[1]};
		st = dk_output_check(o->output, inputs, 2, &d);
	}
	dk_cli_print_diags(&d);
	dk_error_release(&d);
	int rc;
	if (st == DK_OK && f[0].combined) {
		rc = diff_sets(o, f);
	} else {
		if (st == DK_OK)
			st = dk_diff_run(&f[0].parts[0], &f[1].parts[0], &diff);
		if (st != DK_OK) {
			rc = dk_cli_exit(st);
		} else {
			dk_diff_report r = {o->argv[0],     o->argv[1],
					    &f[0].parts[0], &f[1].parts[0],
					    &diff,          dk_cli_english(o)};
			rc = dk_cli_write_text(
				o,
				strcmp(dk_cli_default_format(o), "json") == 0
					? dk_cli_with_newline(dk_diff_json(&r))
					: dk_diff_table(&r));
			if (rc == DK_EXIT_OK)
				dk_cli_say_written(o, NULL);
		}
	}
	dk_diff_release(&diff);
	for (int k = 0; k < 2; k++) {
		dk_rec_set_release(&f[k]);
		dk_input_release(&in[k]);
	}
	return rc;
}

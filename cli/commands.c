/*
 * commands.c: loading the case, printing diagnostics, and the subcommands
 * of CLI.md (recommend, check, explain, price, scenarios, calibrate, diff)
 * and show.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "io/builtin.h"
#include "io/canonical.h"
#include "io/escape.h"
#include "io/finding_text.h"
#include "io/json_plan.h"
#include "engine/recommend.h"
#include "io/outfile.h"
#include "io/report.h"
#include "io/report_price.h"
#include "io/json_pricing.h"
#include "engine/price.h"
#include "io/table.h"
#include "io/json_scenarios.h"
#include "io/report_scenarios.h"
#include "engine/scenario.h"
#include "engine/calibrate.h"
#include "io/report_calibrate.h"
#include "io/json_recfile.h"
#include "io/report_diff.h"
#include "engine/diff.h"
#include "models/finding.h"
#include "models/numtext.h"

void dk_cli_print_diags(dk_diags *d)
{
	char line[1400];
	dk_diags_sort(d);
	for (size_t i = 0; i < d->n; i++) {
		dk_diag_format(&d->items[i], line, sizeof line);
		fprintf(stderr, "%s\n", line);
	}
	if (d->dropped)
		fprintf(stderr, "dekom: %zu more problems not shown\n", d->dropped);
}

int dk_cli_exit(dk_status st)
{
	switch (st) {
	case DK_OK:
		return DK_EXIT_OK;
	case DK_ENOMEM:
		fprintf(stderr, "dekom: error: out of memory\n");
		return DK_EXIT_USAGE;
	case DK_EIO:
		return DK_EXIT_IO;
	default:
		return DK_EXIT_USAGE;
	}
}

static dk_status load_input(dk_input *in, const char *path,
			    dk_status (*builtin)(dk_input *), dk_diags *d)
{
	dk_status st = path ? dk_input_read(in, path, d) : builtin(in);
	if (st == DK_OK)
		st = dk_input_decode(in, d);
	return st;
}

dk_status dk_case_load(dk_case *c, const dk_cli_opts *o)
{
	dk_diags d;
	dk_status st;
	memset(c, 0, sizeof *c);
	dk_plan_init(&c->plan);
	dk_colmap_init(&c->map);
	dk_diags_init(&d);
	st = load_input(&c->plan_in, o->plan, dk_builtin_plan_input, &d);
	if (st == DK_OK) {
		dk_plan_release(&c->plan);
		st = dk_plan_read(&c->plan_in, &c->plan, &d);
	}
	/* the built-in networks come with their own column map */
	if (st == DK_OK && (o->columns || !o->networks)) {
		st = load_input(&c->map_in, o->columns, dk_builtin_columns_input, &d);
		if (st == DK_OK)
			st = dk_colmap_parse(&c->map, &c->map_in, &d);
		c->has_map = st == DK_OK;
	}
	int header_line = 1;
	if (st == DK_OK) {
		dk_read_opts ro = {&c->plan, c->has_map ? &c->map : NULL, o->mode, false};
		st = load_input(&c->net_in, o->networks, dk_builtin_networks_input,
				&d);
		if (st == DK_OK)
			st = dk_networks_read_at(&c->net_in, &ro, &c->nets,
						 &header_line, &d);
	}
	for (int k = 0; st == DK_OK && k < o->n_more; k++) {
		dk_read_opts ro = {&c->plan, c->has_map ? &c->map : NULL, o->mode, true};
		dk_networks more;
		int more_line = 1;
		dk_networks_init(&more, c->plan.n_institutions);
		st = load_input(&c->more_in[k], o->more_networks[k], NULL, &d);
		c->n_more = k + 1;
		if (st == DK_OK)
			st = dk_networks_read_at(&c->more_in[k], &ro, &more,
						 &more_line, &d);
		if (st == DK_OK)
			st = dk_networks_merge(&c->nets, &more, &c->more_in[k],
					       more_line, c->net_in.name, &d);
		dk_networks_release(&more);
	}
	/* what the method needs: only now, since a second -n may add it */
	if (st == DK_OK)
		st = dk_networks_check_plan(&c->plan, &c->nets, &c->net_in,
					    header_line, &d);
	if (st == DK_OK)
		st = dk_plan_resolve_decisions(&c->plan, &c->nets, c->plan_in.name,
					       &d);
	if (st == DK_OK && o->output) {
		const char *inputs[3 + DK_MORE_NETWORKS] = {o->networks, o->plan, o->columns};
		for (int k = 0; k < o->n_more; k++)
			inputs[3 + k] = o->more_networks[k];
		st = dk_output_check(o->output, inputs, (size_t)(3 + o->n_more), &d);
	}
	dk_cli_print_diags(&d);
	if (st == DK_OK)
		st = dk_diags_status(&d);
	dk_diags_release(&d);
	return st;
}

void dk_case_release(dk_case *c)
{
	dk_networks_release(&c->nets);
	dk_colmap_release(&c->map);
	dk_plan_release(&c->plan);
	dk_input_release(&c->plan_in);
	dk_input_release(&c->map_in);
	dk_input_release(&c->net_in);
	for (int k = 0; k < c->n_more; k++)
		dk_input_release(&c->more_in[k]);
}

/* The networks table as read, for the terminal. */
static char *networks_table(const dk_networks *t, const dk_plan *p)
{
	const dk_column_def *cols = dk_columns();
	int colids[DK_COL_COUNT];
	size_t nc = 0;
	for (int c = 0; c < DK_COL_COUNT; c++)
		if (((t->columns >> c) & 1u) && c != DK_COL_UH_OTHER)
			colids[nc++] = c;
	size_t ninst = 0;
	for (size_t i = 0; i < p->n_institutions; i++)
		ninst += (t->uh_columns >> i) & 1u;
	int other = (t->columns >> DK_COL_UH_OTHER) & 1u;
	size_t width = nc + ninst + (size_t)other;
	dk_table tab;
	if (dk_table_init(&tab, width) != DK_OK)
		return NULL;
	const char **cells = calloc(width, sizeof *cells);
	char(*buf)[64] = calloc(width, sizeof *buf);
	char *out = NULL;
	if (!cells || !buf)
		goto done;
	size_t k = 0;
	for (size_t j = 0; j < nc; j++) {
		cells[k] = cols[colids[j]].name;
		tab.right[k++] = cols[colids[j]].kind != DK_KIND_NAME &&
				 cols[colids[j]].kind != DK_KIND_UP1 &&
				 cols[colids[j]].kind != DK_KIND_JUDGEMENT;
	}
	for (size_t i = 0; i < p->n_institutions; i++)
		if ((t->uh_columns >> i) & 1u) {
			cells[k] = p->institutions[i].id;
			tab.right[k++] = true;
		}
	if (other) {
		cells[k] = cols[DK_COL_UH_OTHER].name;
		tab.right[k++] = true;
	}
	if (dk_table_row(&tab, cells) != DK_OK)
		goto done;
	for (size_t r = 0; r <= t->n; r++) {
		const dk_network *n = r < t->n ? &t->items[r] : &t->totals;
		if (r == t->n && !t->has_totals)
			break;
		k = 0;
		for (size_t j = 0; j < nc; j++, k++) {
			int c = colids[j];
			int given = dk_network_has(n, (dk_column)c);
			cells[k] = buf[k];
			buf[k][0] = '\0';
			switch (cols[c].kind) {
			case DK_KIND_NAME:
				cells[k] = r < t->n ? n->name : "(sum)";
				break;
			case DK_KIND_AMOUNT:
				if (given || r < t->n)
					dk_kr_format(n->v[c], buf[k], sizeof buf[k]);
				break;
			case DK_KIND_FTE:
				if (given)
					dk_decimal_format(n->v[c], 2, " ", ",", buf[k],
							  sizeof buf[k]);
				break;
			case DK_KIND_PERCENT:
				if (given) {
					/* as many decimals as given, at least 2 */
					size_t len = dk_decimal_format(
						n->v[c], DK_PCT_DECIMALS, " ", ",",
						buf[k], sizeof buf[k]);
					for (int z = DK_PCT_DECIMALS; z > 2 && len &&
					     buf[k][len - 1] == '0'; z--)
						buf[k][--len] = '\0';
				}
				break;
			case DK_KIND_JUDGEMENT:
				if (given)
					cells[k] = dk_judgement_name((dk_judgement)n->v[c]);
				break;
			case DK_KIND_UP1: {
				size_t o = 0;
				for (size_t u = 0; u < n->n_up1 && o < 40; u++) {
					char s[32];
					dk_scaled_plain(n->up1[u].share, 6, s, sizeof s);
					o += (size_t)snprintf(buf[k] + o, sizeof buf[k] - o,
							      "%s%s:%s", u ? "+" : "",
							      n->up1[u].institution, s);
				}
				break;
			}
			default:
				break;
			}
		}
		for (size_t i = 0; i < p->n_institutions; i++)
			if ((t->uh_columns >> i) & 1u) {
				cells[k] = buf[k];
				buf[k][0] = '\0';
				if (r < t->n || ((n->uh_present >> i) & 1u))
					dk_kr_format(n->uh[i], buf[k], sizeof buf[k]);
				k++;
			}
		if (other) {
			cells[k] = buf[k];
			buf[k][0] = '\0';
			if (r < t->n || dk_network_has(n, DK_COL_UH_OTHER))
				dk_kr_format(n->v[DK_COL_UH_OTHER], buf[k], sizeof buf[k]);
			k++;
		}
		if (dk_table_row(&tab, cells) != DK_OK)
			goto done;
	}
	out = dk_table_render(&tab);
done:
	free(cells);
	free(buf);
	dk_table_release(&tab);
	return out;
}

static int write_text(const dk_cli_opts *o, char *text)
{
	if (!text)
		return dk_cli_exit(DK_ENOMEM);
	char err[512];
	dk_status st = dk_output_write(o->output, text, strlen(text), err,
				       sizeof err);
	free(text);
	if (st != DK_OK) {
		fprintf(stderr, "dekom: error: %s\n", err);
		return DK_EXIT_IO;
	}
	return DK_EXIT_OK;
}

/* After a file is written (not standard output), one line on standard
 * error says what was written and, where there are findings, what was
 * found: "skrev innstilling.xlsx: 3 feil, 13 advarsler, 1 til
 * orientering"; none with -q. */
static void say_written(const dk_cli_opts *o, const dk_findings *f)
{
	if (o->quiet || dk_output_is_stdout(o->output))
		return;
	bool english = o->lang && strcmp(o->lang, "en") == 0;
	dk_strbuf b = {0};
	dk_strbuf_printf(&b, "%s %s", english ? "wrote" : "skrev", o->output);
	if (f) {
		dk_strbuf_puts(&b, ": ");
		dk_findings_count_text(&b, f, english);
	}
	char *line = dk_strbuf_done(&b);
	if (line)
		fprintf(stderr, "%s\n", line);
	free(line);
}

/* Appends a newline to a JSON text (cJSON prints none). */
static char *with_newline(char *t)
{
	if (!t)
		return NULL;
	size_t n = strlen(t);
	char *s = realloc(t, n + 2);
	if (!s) {
		free(t);
		return NULL;
	}
	s[n] = '\n';
	s[n + 1] = '\0';
	return s;
}

int dk_cmd_show(const dk_cli_opts *o)
{
	dk_case c;
	if (o->argc > 0) {
		fprintf(stderr, "dekom show: error: unexpected argument '%s'\n",
			o->argv[0]);
		return DK_EXIT_USAGE;
	}
	dk_status st = dk_case_load(&c, o);
	int rc;
	if (st != DK_OK) {
		rc = dk_cli_exit(st);
	} else if (o->format && strcmp(o->format, "json") == 0) {
		rc = write_text(o, with_newline(dk_networks_json(&c.nets, &c.plan)));
	} else {
		rc = write_text(o, networks_table(&c.nets, &c.plan));
	}
	if (rc == DK_EXIT_OK)
		say_written(o, NULL);
	dk_case_release(&c);
	return rc;
}

/* The exit code for the findings: 1 when one is at or above --fail-on. */
static int findings_exit(const dk_cli_opts *o, const dk_findings *f)
{
	if (o->fail_on && strcmp(o->fail_on, "never") == 0)
		return DK_EXIT_OK;
	dk_severity level = o->fail_on && strcmp(o->fail_on, "warning") == 0
		? DK_SEV_WARNING : DK_SEV_ERROR;
	for (size_t i = 0; i < f->n; i++)
		if (f->items[i].severity >= level)
			return DK_EXIT_FINDINGS;
	return DK_EXIT_OK;
}

/* Loads the case and computes the recommendation; prints what fails. */
static dk_status run_case(dk_case *c, dk_recommendation *rec,
			  const dk_cli_opts *o)
{
	memset(rec, 0, sizeof *rec);
	dk_status st = dk_case_load(c, o);
	if (st != DK_OK)
		return st;
	st = dk_recommend(&c->plan, &c->nets, rec);
	if (st == DK_OK)
		st = dk_findings_render(&rec->findings);
	if (st == DK_OK)
		dk_findings_sort(&rec->findings);
	else if (st == DK_ERANGE)
		fprintf(stderr, "dekom: error: the amounts are too large to "
				"compute exactly; check the inputs for amounts "
				"far above 10^12\n");
	return st;
}

static void report_init(dk_report *r, dk_report_input *inputs, const dk_case *c,
			const dk_recommendation *rec, const dk_cli_opts *o)
{
	size_t n = 0;
	inputs[n++] = (dk_report_input){"plan", &c->plan_in};
	if (c->has_map)
		inputs[n++] = (dk_report_input){"columns", &c->map_in};
	inputs[n++] = (dk_report_input){"networks", &c->net_in};
	for (int k = 0; k < c->n_more; k++)
		inputs[n++] = (dk_report_input){"networks", &c->more_in[k]};
	memset(r, 0, sizeof *r);
	r->plan = &c->plan;
	r->nets = &c->nets;
	r->rec = rec;
	r->inputs = inputs;
	r->n_inputs = n;
	r->english = o->lang && strcmp(o->lang, "en") == 0;
}

static const char *default_format(const dk_cli_opts *o)
{
	if (o->format)
		return o->format;
	return dk_output_is_stdout(o->output) && isatty(STDOUT_FILENO) ? "table"
								      : "json";
}



/* A writer of `recommend` or `check` for one format. */
typedef char *(*report_writer)(const dk_report *r, const char *fmt, bool excel_nb);

static char *recommend_text(const dk_report *r, const char *fmt, bool excel_nb)
{
	if (strcmp(fmt, "json") == 0)
		return with_newline(dk_report_json(r));
	if (strcmp(fmt, "csv") == 0)
		return dk_report_csv(r, excel_nb);
	if (strcmp(fmt, "md") == 0)
		return dk_report_md(r);
	if (strcmp(fmt, "html") == 0)
		return dk_report_html(r);
	return dk_report_table(r);
}

static char *check_text(const dk_report *r, const char *fmt, bool excel_nb)
{
	if (strcmp(fmt, "json") == 0)
		return with_newline(dk_findings_json(r));
	if (strcmp(fmt, "csv") == 0)
		return dk_findings_csv(r, excel_nb);
	return dk_findings_table(r);
}

/* The workbook goes to a temporary file (io/outfile.h: next to a regular
 * target, renamed into place when complete; copied to a device or FIFO),
 * and every message names the target. */
static int write_xlsx(const dk_cli_opts *o, const dk_report *r)
{
	char err[600], why[512];
	dk_output out;
	dk_status st = dk_output_open(&out, o->output, true, err, sizeof err);
	if (st == DK_OK) {
		st = dk_report_xlsx(r, out.tmp, why, sizeof why);
		if (st == DK_EIO)
			snprintf(err, sizeof err, "%s: %s", o->output, why);
	}
	if (st == DK_OK)
		st = dk_output_close(&out, err, sizeof err);
	dk_output_abort(&out);
	if (st == DK_ENOMEM)
		return dk_cli_exit(st);
	if (st != DK_OK) {
		fprintf(stderr, "dekom: error: %s\n", err);
		return DK_EXIT_IO;
	}
	return DK_EXIT_OK;
}

/* `recommend` and `check`: load, compute, write, and exit 1 on findings at
 * or above --fail-on. */
static int run_report(const dk_cli_opts *o, report_writer writer)
{
	dk_case c;
	dk_recommendation rec;
	if (o->argc > 0) {
		fprintf(stderr, "dekom %s: error: unexpected argument '%s'\n",
			o->command, o->argv[0]);
		return DK_EXIT_USAGE;
	}
	if (strcmp(default_format(o), "xlsx") == 0 && dk_output_is_stdout(o->output)) {
		fprintf(stderr, "dekom %s: error: -f xlsx writes a file: give it "
				"with -o FILE.xlsx\n", o->command);
		return DK_EXIT_USAGE;
	}
	dk_status st = run_case(&c, &rec, o);
	int rc;
	if (st != DK_OK) {
		rc = dk_cli_exit(st);
	} else {
		dk_report r;
		dk_report_input inputs[3 + DK_MORE_NETWORKS];
		report_init(&r, inputs, &c, &rec, o);
		if (strcmp(default_format(o), "xlsx") == 0)
			rc = write_xlsx(o, &r);
		else
			rc = write_text(o, writer(&r, default_format(o),
						  o->csv_dialect &&
							  strcmp(o->csv_dialect, "excel-nb") == 0));
		if (rc == DK_EXIT_OK) {
			say_written(o, &rec.findings);
			rc = findings_exit(o, &rec.findings);
		}
	}
	dk_recommendation_release(&rec);
	dk_case_release(&c);
	return rc;
}

int dk_cmd_recommend(const dk_cli_opts *o)
{
	return run_report(o, recommend_text);
}

int dk_cmd_check(const dk_cli_opts *o)
{
	return run_report(o, check_text);
}

int dk_cmd_explain(const dk_cli_opts *o)
{
	if (o->argc != 1) {
		fprintf(stderr, "dekom explain: error: %s; expected one network "
				"name, such as dekom explain Fosen\n",
			o->argc ? "more than one network named" : "no network named");
		return DK_EXIT_USAGE;
	}
	dk_case c;
	dk_recommendation rec;
	dk_status st = run_case(&c, &rec, o);
	int rc;
	if (st != DK_OK) {
		rc = dk_cli_exit(st);
	} else {
		long k = dk_networks_find(&c.nets, o->argv[0]);
		if (k < 0) {
			char q[80];
			dk_quote(o->argv[0], q, sizeof q);
			dk_strbuf b = {0};
			dk_strbuf_printf(&b, "dekom explain: error: no network named '%s'; "
					     "the networks are:", q);
			for (size_t i = 0; i < c.nets.n; i++) {
				dk_strbuf_printf(&b, "%s '", i ? "," : "");
				dk_term_put(&b, c.nets.items[i].name, true);
				dk_strbuf_puts(&b, "'");
			}
			char *line = dk_strbuf_done(&b);
			if (line)
				fprintf(stderr, "%s\n", line);
			free(line);
			rc = line ? DK_EXIT_USAGE : dk_cli_exit(DK_ENOMEM);
		} else {
			dk_report r;
			dk_report_input inputs[3 + DK_MORE_NETWORKS];
			report_init(&r, inputs, &c, &rec, o);
			/* names from the input, for a terminal */
			rc = write_text(o, dk_term_clean(dk_explain_text(&r, (size_t)k)));
			if (rc == DK_EXIT_OK)
				say_written(o, &rec.findings);
		}
	}
	dk_recommendation_release(&rec);
	dk_case_release(&c);
	return rc;
}

/* `scenarios`: the case, the scenario file read against it, every run,
 * and the comparison with the baseline. */
int dk_cmd_scenarios(const dk_cli_opts *o)
{
	if (!o->scenarios) {
		fprintf(stderr, "dekom scenarios: error: no scenario file; expected "
				"-s SCENARIOS.json (see dekom help scenarios)\n");
		return DK_EXIT_USAGE;
	}
	if (o->argc > 0) {
		fprintf(stderr, "dekom scenarios: error: unexpected argument '%s'\n",
			o->argv[0]);
		return DK_EXIT_USAGE;
	}
	dk_case c;
	dk_input in, tpl_in;
	dk_pricing tpl;
	dk_scenario_file file;
	dk_scenario_results res;
	dk_diags d;
	memset(&res, 0, sizeof res);
	dk_input_init(&in);
	dk_input_init(&tpl_in);
	dk_pricing_init(&tpl);
	dk_scenario_file_init(&file);
	dk_status st = dk_case_load(&c, o);
	dk_diags_init(&d);
	if (st == DK_OK && o->pricing) {
		st = load_input(&tpl_in, o->pricing, NULL, &d);
		if (st == DK_OK) {
			dk_pricing_release(&tpl);
			st = dk_pricing_read(&tpl_in, &tpl, &d);
		}
		if (st == DK_OK && dk_plan_institution(&c.plan, tpl.institution) < 0) {
			dk_cli_print_diags(&d);
			fprintf(stderr, "dekom scenarios: error: the template's institution "
					"'%s' is not an institution of the plan\n",
				tpl.institution);
			st = DK_EINPUT;
		}
	}
	if (st == DK_OK)
		st = load_input(&in, o->scenarios, NULL, &d);
	if (st == DK_OK)
		st = dk_scenarios_read(&in, &c.plan, &c.nets, o->pricing ? &tpl : NULL, &file, &d);
	if (st == DK_OK && o->output) {
		const char *inputs[] = {o->scenarios, o->pricing};
		st = dk_output_check(o->output, inputs, 2, &d);
	}
	dk_cli_print_diags(&d);
	dk_diags_release(&d);
	if (st == DK_OK) {
		long cpus = sysconf(_SC_NPROCESSORS_ONLN);
		file.mc.threads = o->threads ? o->threads : cpus > 0 ? (int)(cpus < 64 ? cpus : 64) : 1;
		dk_models m = {&c.plan, &c.nets, o->pricing ? &tpl : NULL};
		st = dk_scenarios_run(&file, &m, &res);
		if (st == DK_ERANGE)
			fprintf(stderr, "dekom scenarios: error: a scenario's template "
					"figures are too fine to price exactly in 128 bits\n");
	}
	int rc;
	if (st != DK_OK) {
		rc = dk_cli_exit(st);
	} else {
		dk_report r;
		dk_report_input inputs[5 + DK_MORE_NETWORKS];
		report_init(&r, inputs, &c, NULL, o);
		inputs[r.n_inputs++] = (dk_report_input){"scenarios", &in};
		if (o->pricing)
			inputs[r.n_inputs++] = (dk_report_input){"pricing", &tpl_in};
		dk_scenario_report sr = {&r, &c.nets, &file, &res, o->pricing ? &tpl : NULL};
		bool csv = o->format && strcmp(o->format, "csv") == 0;
		rc = write_text(o, csv ? dk_scenarios_csv(&sr, o->csv_dialect &&
						       strcmp(o->csv_dialect, "excel-nb") == 0)
				       : with_newline(dk_scenarios_json(&sr)));
		if (rc == DK_EXIT_OK)
			say_written(o, NULL);
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
		fprintf(stderr, "dekom calibrate: error: unexpected argument '%s'\n",
			o->argv[0]);
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
			"the networks file has no previous column (last year's "
			"allocation) to fit",
			"the networks file has no fte column; give teacher FTE, for "
			"instance with a second -n file (fixtures/trondelag-2022/"
			"trondelag-2022-illustrative-fte-up1.csv is illustrative)",
			"fewer than 3 networks have both previous and fte above 0; a "
			"line through two points tells nothing",
			"every network has the same FTE, so no slope can be fitted",
		};
		fprintf(stderr, "dekom calibrate: error: %s\n", why[cal.problem]);
		rc = DK_EXIT_USAGE;
	} else if (st != DK_OK) {
		rc = dk_cli_exit(st);
	} else {
		dk_report r;
		dk_report_input inputs[3 + DK_MORE_NETWORKS];
		report_init(&r, inputs, &c, NULL, o);
		dk_calibration_report cr = {&r, &c.nets, &cal};
		const char *fmt = default_format(o);
		char *text;
		if (strcmp(fmt, "json") == 0)
			text = with_newline(dk_calibration_json(&cr));
		else if (strcmp(fmt, "csv") == 0)
			text = dk_calibration_csv(&cr, o->csv_dialect &&
						       strcmp(o->csv_dialect, "excel-nb") == 0);
		else
			text = dk_calibration_text(&cr, strcmp(fmt, "md") == 0);
		rc = write_text(o, text);
		if (rc == DK_EXIT_OK) {
			say_written(o, &cal.findings);
			rc = findings_exit(o, &cal.findings);
		}
	}
	dk_calibration_release(&cal);
	dk_case_release(&c);
	return rc;
}

/* `diff OLD.json NEW.json`: two recommend outputs side by side. */
int dk_cmd_diff(const dk_cli_opts *o)
{
	if (o->argc != 2) {
		fprintf(stderr, "dekom diff: error: expected two files, OLD.json and "
				"NEW.json, both written by dekom recommend -f json\n");
		return DK_EXIT_USAGE;
	}
	dk_input in[2];
	dk_rec_file f[2];
	dk_diff diff;
	dk_diags d;
	memset(f, 0, sizeof f);
	memset(&diff, 0, sizeof diff);
	dk_diags_init(&d);
	dk_status st = DK_OK;
	for (int k = 0; k < 2; k++) {
		dk_input_init(&in[k]);
		dk_status s = load_input(&in[k], o->argv[k], NULL, &d);
		if (s == DK_OK)
			s = dk_rec_file_read(&in[k], &f[k], &d);
		if (st == DK_OK)
			st = s;
	}
	if (st == DK_OK && o->output) {
		const char *inputs[] = {o->argv[0], o->argv[1]};
		st = dk_output_check(o->output, inputs, 2, &d);
	}
	dk_cli_print_diags(&d);
	dk_diags_release(&d);
	if (st == DK_OK)
		st = dk_diff_run(&f[0], &f[1], &diff);
	int rc;
	if (st != DK_OK) {
		rc = dk_cli_exit(st);
	} else {
		dk_diff_report r = {o->argv[0], o->argv[1], &f[0], &f[1], &diff,
				    o->lang && strcmp(o->lang, "en") == 0};
		rc = write_text(o, strcmp(default_format(o), "json") == 0
					   ? with_newline(dk_diff_json(&r))
					   : dk_diff_table(&r));
		if (rc == DK_EXIT_OK)
			say_written(o, NULL);
	}
	dk_diff_release(&diff);
	for (int k = 0; k < 2; k++) {
		dk_rec_file_release(&f[k]);
		dk_input_release(&in[k]);
	}
	return rc;
}

int dk_cmd_price(const dk_cli_opts *o)
{
	if (!o->pricing) {
		fprintf(stderr, "dekom price: error: no price template; expected "
				"-P PRICING.json (see dekom help price)\n");
		return DK_EXIT_USAGE;
	}
	if (o->argc > 0) {
		fprintf(stderr, "dekom price: error: unexpected argument '%s'\n",
			o->argv[0]);
		return DK_EXIT_USAGE;
	}
	dk_diags d;
	dk_input in;
	dk_pricing tpl;
	dk_quotation q;
	dk_case c;
	dk_recommendation rec;
	dk_purchase *buys = NULL;
	bool with_case = o->networks || o->plan;
	int rc = DK_EXIT_OK;
	memset(&q, 0, sizeof q);
	memset(&c, 0, sizeof c);
	memset(&rec, 0, sizeof rec);
	dk_diags_init(&d);
	dk_input_init(&in);
	dk_pricing_init(&tpl);
	dk_status st = load_input(&in, o->pricing, NULL, &d);
	if (st == DK_OK) {
		dk_pricing_release(&tpl);
		st = dk_pricing_read(&in, &tpl, &d);
	}
	if (st == DK_OK && o->output) {
		const char *inputs[] = {o->pricing};
		st = dk_output_check(o->output, inputs, 1, &d);
	}
	dk_cli_print_diags(&d);
	dk_diags_release(&d);
	if (st == DK_OK && with_case)
		st = run_case(&c, &rec, o);
	if (st == DK_OK)
		st = dk_price_quote(&tpl, &q);
	if (st == DK_OK)
		st = dk_findings_render(&q.findings);
	if (st == DK_ERANGE)
		fprintf(stderr, "dekom price: error: the template's figures are too "
				"fine to compute exactly in 128 bits; use fewer "
				"decimals\n");
	int inst = -1;
	if (st == DK_OK && with_case) {
		inst = dk_plan_institution(&c.plan, tpl.institution);
		if (inst < 0) {
			fprintf(stderr, "dekom price: error: the template's institution "
					"'%s' is not an institution of the plan\n",
				tpl.institution);
			st = DK_EINPUT;
		} else if (!rec.produced) {
			fprintf(stderr, "dekom price: error: the plan produces no "
					"amounts (see dekom check), so no budgets\n");
			st = DK_EINPUT;
		}
	}
	if (st == DK_OK && with_case) {
		buys = calloc(c.nets.n ? c.nets.n : 1, sizeof *buys);
		if (!buys)
			st = DK_ENOMEM;
		for (size_t k = 0; st == DK_OK && k < c.nets.n; k++)
			st = dk_price_buy(&tpl, &q, rec.rows[k].uh[inst] * 100, &buys[k]);
	}
	if (st != DK_OK) {
		rc = dk_cli_exit(st);
	} else {
		dk_price_report r = {&tpl, &q, buys, &c.nets,
				     o->lang && strcmp(o->lang, "en") == 0};
		const char *fmt = default_format(o);
		char *text;
		if (strcmp(fmt, "json") == 0)
			text = with_newline(dk_price_json(&r));
		else if (strcmp(fmt, "csv") == 0)
			text = dk_price_csv(&r, o->csv_dialect &&
						   strcmp(o->csv_dialect, "excel-nb") == 0);
		else
			text = dk_price_text(&r, strcmp(fmt, "md") == 0);
		rc = write_text(o, text);
		if (rc == DK_EXIT_OK) {
			say_written(o, &q.findings);
			rc = findings_exit(o, &q.findings);
		}
	}
	for (size_t k = 0; buys && k < c.nets.n; k++)
		dk_purchase_release(&buys[k]);
	free(buys);
	dk_quote_release(&q);
	if (with_case) {
		dk_recommendation_release(&rec);
		dk_case_release(&c);
	}
	dk_pricing_release(&tpl);
	dk_input_release(&in);
	return rc;
}

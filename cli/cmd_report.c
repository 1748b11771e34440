/*
 * cmd_report.c: the commands that write the recommendation or what was
 * read: recommend, check, explain and show.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "io/i18n.h"
#include "io/canonical.h"
#include "io/escape.h"
#include "io/outfile.h"
#include "io/report.h"
#include "io/report_show.h"

/* A writer of `recommend` or `check` for one format. */
typedef char *(*report_writer)(const dk_report *r, const char *fmt, bool excel_nb);

int dk_cmd_show(const dk_cli_opts *o)
{
	dk_case c;
	if (o->argc > 0) {
		dk_cli_error("show", _("unexpected argument '%s'"), o->argv[0]);
		return DK_EXIT_USAGE;
	}
	dk_status st = dk_case_load(&c, o);
	int rc;
	if (st != DK_OK) {
		rc = dk_cli_exit(st);
	} else if (o->format && strcmp(o->format, "json") == 0) {
		rc = dk_cli_write_text(
			o, dk_cli_with_newline(dk_networks_json(&c.nets, &c.plan)));
	} else {
		rc = dk_cli_write_text(o, dk_networks_table(&c.nets, &c.plan));
	}
	if (rc == DK_EXIT_OK)
		dk_cli_say_written(o, NULL);
	dk_case_release(&c);
	return rc;
}

/* recommend's table, whose columns are as wide as their widest cell (so
 * it is made whole); the other formats are written as they are made
 * (text_stream) */
static char *recommend_text(const dk_report *r, const char *fmt, bool excel_nb)
{
	(void)fmt;
	(void)excel_nb;
	return dk_report_table(r);
}

static char *check_text(const dk_report *r, const char *fmt, bool excel_nb)
{
	if (strcmp(fmt, "json") == 0)
		return dk_cli_with_newline(dk_findings_json(r));
	if (strcmp(fmt, "csv") == 0)
		return dk_findings_csv(r, excel_nb);
	return dk_findings_table(r);
}

/* recommend -f json, html, csv and md, written as they are made: a large
 * recommendation's text is never whole in memory */
typedef struct {
	const dk_report *r;
	const char *fmt;
	bool excel_nb;
} text_job;

static int text_stream(const void *ctx, dk_strbuf *b)
{
	const text_job *j = ctx;
	if (strcmp(j->fmt, "html") == 0)
		return dk_report_html_into(j->r, b);
	if (strcmp(j->fmt, "csv") == 0)
		return dk_report_csv_into(j->r, j->excel_nb, b);
	if (strcmp(j->fmt, "md") == 0)
		return dk_report_md_into(j->r, b);
	int rc = dk_report_json_into(j->r, b);
	if (rc == 0)
		dk_strbuf_add(b, "\n", 1);
	return rc;
}

static dk_status report_book(const void *ctx, const char *path, const char *name,
			     dk_error *d)
{
	return dk_report_xlsx(ctx, path, name, d);
}

/* `recommend` and `check`: load, compute, write, and exit 1 on findings at
 * or above --fail-on. */
static int run_report(const dk_cli_opts *o, report_writer writer)
{
	dk_case c;
	dk_recommendation rec;
	if (o->argc > 0) {
		dk_cli_error(o->command, _("unexpected argument '%s'"), o->argv[0]);
		return DK_EXIT_USAGE;
	}
	if (dk_cli_book_without_file(o))
		return DK_EXIT_USAGE;
	const char *fmt = dk_cli_default_format(o);
	bool excel_nb = o->csv_dialect && strcmp(o->csv_dialect, "excel-nb") == 0;
	bool json = writer == recommend_text && strcmp(fmt, "json") == 0;
	bool stream = json ||
		(writer == recommend_text &&
		 (strcmp(fmt, "html") == 0 || strcmp(fmt, "csv") == 0 ||
		  strcmp(fmt, "md") == 0));
	dk_status st = dk_cli_run_case(&c, &rec, o, !json);
	int rc;
	if (st != DK_OK) {
		rc = dk_cli_exit(st);
	} else {
		dk_report r;
		dk_report_input inputs[3 + DK_MORE_NETWORKS];
		dk_cli_report_init(&r, inputs, &c, &rec, o);
		if (strcmp(fmt, "xlsx") == 0)
			rc = dk_cli_write_book(o, report_book, &r);
		else if (stream)
			rc = dk_cli_write_stream(o, text_stream,
						 &(text_job){&r, fmt, excel_nb});
		else
			rc = dk_cli_write_text(o, writer(&r, fmt, excel_nb));
		if (rc == DK_EXIT_OK) {
			dk_cli_say_written(o, &rec.findings);
			rc = dk_cli_findings_exit(o, &rec.findings);
		}
	}
	dk_recommendation_release(&rec);
	dk_case_release(&c);
	return rc;
}

int dk_cmd_recommend(const dk_cli_opts *o)
{
	if (o->case_file)
		return dk_cli_run_cases(o, DK_JOB_RECOMMEND);
	return run_report(o, recommend_text);
}

int dk_cmd_check(const dk_cli_opts *o)
{
	if (o->case_file)
		return dk_cli_run_cases(o, DK_JOB_CHECK);
	return run_report(o, check_text);
}

int dk_cmd_explain(const dk_cli_opts *o)
{
	if (o->case_file && o->argc == 1)
		return dk_cli_run_cases(o, DK_JOB_EXPLAIN);
	if (o->argc != 1) {
		dk_cli_error(
			"explain", "%s",
			o->argc ? _("more than one network named; expected one network "
				    "name, such as dekom explain Fosen")
				: _("no network named; expected one network name, such "
				    "as dekom explain Fosen"));
		return DK_EXIT_USAGE;
	}
	dk_case c;
	dk_recommendation rec;
	dk_status st = dk_cli_run_case(&c, &rec, o, true);
	int rc;
	if (st != DK_OK) {
		rc = dk_cli_exit(st);
	} else {
		long k = dk_networks_find(&c.nets, o->argv[0]);
		if (k < 0) {
			char q[80];
			dk_quote(o->argv[0], q, sizeof q);
			dk_strbuf b = {0};
			dk_strbuf_puts(&b, "dekom explain: error: ");
			dk_strbuf_printf(
				&b, _("no network named '%s'; the networks are:"), q);
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
			dk_cli_report_init(&r, inputs, &c, &rec, o);
			/* names from the input, for a terminal */
			rc = dk_cli_write_text(
				o, dk_term_clean(dk_explain_text(&r, (size_t)k)));
			if (rc == DK_EXIT_OK)
				dk_cli_say_written(o, &rec.findings);
		}
	}
	dk_recommendation_release(&rec);
	dk_case_release(&c);
	return rc;
}

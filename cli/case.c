/*
 * case.c: what every command shares: loading the inputs (the case),
 * printing diagnostics, computing the recommendation, writing an output
 * and saying what was written, and mapping a status and the findings to an
 * exit code (CLI.md, "Exit codes").
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "engine/recommend.h"
#include "io/builtin.h"
#include "io/i18n.h"
#include "io/finding_text.h"
#include "io/json_plan.h"
#include "io/plan_sheet.h"
#include "io/networks.h"
#include "io/outfile.h"
#include "io/workbook.h"
#include "io/report.h"
#include "models/numtext.h"

void dk_cli_print_diags(dk_error *d)
{
	char line[1400];
	dk_error_sort(d);
	for (size_t i = 0; i < d->n; i++) {
		dk_diag_format(&d->items[i], line, sizeof line);
		fprintf(stderr, "%s\n", line);
	}
	if (d->dropped)
		fprintf(stderr, _("dekom: %zu more problems not shown\n"), d->dropped);
}

int dk_cli_exit(dk_status st)
{
	switch (st) {
	case DK_OK: return DK_EXIT_OK;
	case DK_ENOMEM:
		dk_cli_error(NULL, "%s", _("out of memory"));
		return DK_EXIT_USAGE;
	case DK_EIO: return DK_EXIT_IO;
	default: return DK_EXIT_USAGE;
	}
}

dk_status dk_cli_load_input(dk_input *in, const char *path,
			    dk_status (*builtin)(dk_input *), dk_error *d)
{
	dk_status st = path ? dk_input_read(in, path, d) : builtin(in);
	if (st == DK_OK)
		st = dk_input_decode(in, d);
	return st;
}

/* A networks or plan file: a workbook (XLSX or ODS) stays bytes for its
 * reader; anything else is decoded as text. */
static dk_status load_file(dk_input *in, const char *path,
			   dk_status (*builtin)(dk_input *), dk_error *d)
{
	dk_status st = path ? dk_input_read(in, path, d) : builtin(in);
	if (st == DK_OK && !dk_is_workbook(in))
		st = dk_input_decode(in, d);
	return st;
}

dk_status dk_case_load(dk_case *c, const dk_cli_opts *o)
{
	dk_error d;
	dk_error_init(&d);
	dk_status st = dk_case_load_into(c, o, &d);
	dk_cli_print_diags(&d);
	if (st == DK_OK)
		st = dk_error_status(&d);
	dk_error_release(&d);
	return st;
}

dk_status dk_case_load_into(dk_case *c, const dk_cli_opts *o, dk_error *dp)
{
	dk_status st;
	memset(c, 0, sizeof *c);
	dk_plan_init(&c->plan);
	dk_colmap_init(&c->map);
	size_t before = dp->n + dp->dropped;
	/* a plan is JSON, or the Plan sheet of a workbook */
	st = load_file(&c->plan_in, o->plan, dk_builtin_plan_input, dp);
	if (st == DK_OK) {
		dk_plan_release(&c->plan);
		st = c->plan_in.text
			? dk_plan_read(&c->plan_in, &c->plan, dp)
			: dk_plan_sheet_read(&c->plan_in, o->mode, &c->plan, dp);
	}
	/* the built-in networks come with their own column map */
	if (st == DK_OK && (o->columns || !o->networks)) {
		st = dk_cli_load_input(&c->map_in, o->columns, dk_builtin_columns_input,
				       dp);
		if (st == DK_OK)
			st = dk_colmap_parse(&c->map, &c->map_in, dp);
		c->has_map = st == DK_OK;
	}
	int header_line = 1;
	if (st == DK_OK) {
		dk_read_opts ro = {&c->plan, c->has_map ? &c->map : NULL, o->mode, false,
				   o->sheet};
		st = load_file(&c->net_in, o->networks, dk_builtin_networks_input, dp);
		if (st == DK_OK)
			st = dk_networks_read_at(&c->net_in, &ro, &c->nets, &header_line,
						 dp);
	}
	for (int k = 0; st == DK_OK && k < o->n_more; k++) {
		dk_read_opts ro = {&c->plan, c->has_map ? &c->map : NULL, o->mode, true,
				   o->sheet};
		dk_networks more;
		int more_line = 1;
		dk_networks_init(&more, c->plan.n_institutions);
		st = load_file(&c->more_in[k], o->more_networks[k], NULL, dp);
		c->n_more = k + 1;
		if (st == DK_OK)
			st = dk_networks_read_at(&c->more_in[k], &ro, &more, &more_line,
						 dp);
		if (st == DK_OK)
			st = dk_networks_merge(&c->nets, &more, &c->more_in[k], more_line,
					       c->net_in.name, dp);
		dk_networks_release(&more);
	}
	/* what the method needs: only now, since a second -n may add it */
	if (st == DK_OK)
		st = dk_networks_check_plan(&c->plan, &c->nets, &c->net_in, header_line,
					    dp);
	if (st == DK_OK)
		st = dk_plan_resolve_decisions(&c->plan, &c->nets, c->plan_in.name, dp);
	if (st == DK_OK && o->output) {
		const char *inputs[3 + DK_MORE_NETWORKS] = {o->networks, o->plan,
							    o->columns};
		for (int k = 0; k < o->n_more; k++)
			inputs[3 + k] = o->more_networks[k];
		st = dk_output_check(o->output, inputs, (size_t)(3 + o->n_more), dp);
	}
	if (st == DK_OK && dp->n + dp->dropped > before)
		st = DK_EINPUT;
	if (st == DK_OK && dp->oom)
		st = DK_ENOMEM;
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

int dk_cli_output_done(dk_status st, dk_error *d)
{
	for (size_t i = 0; i < d->n; i++)
		fprintf(stderr, "dekom: error: %s: %s\n", d->items[i].file,
			d->items[i].message);
	dk_error_release(d);
	return dk_cli_exit(st);
}

int dk_cli_write_text(const dk_cli_opts *o, char *text)
{
	if (!text)
		return dk_cli_exit(DK_ENOMEM);
	dk_error d;
	dk_error_init(&d);
	dk_status st = dk_output_write(o->output, text, strlen(text), &d);
	free(text);
	return dk_cli_output_done(st, &d);
}

int dk_cli_write_book(const dk_cli_opts *o, dk_cli_book_fn write, const void *ctx)
{
	dk_error d;
	dk_output out;
	dk_error_init(&d);
	dk_status st = dk_output_open(&out, o->output, true, &d);
	if (st == DK_OK)
		st = write(ctx, out.tmp, out.name, &d);
	if (st == DK_OK)
		st = dk_output_close(&out, &d);
	dk_output_abort(&out);
	return dk_cli_output_done(st, &d);
}

typedef struct {
	dk_output *out;
	dk_error *d;
	dk_status st;
} stream_to;

static int put_out(void *ctx, const char *s, size_t n)
{
	stream_to *t = ctx;
	t->st = dk_output_put(t->out, s, n, t->d);
	return t->st == DK_OK ? 0 : -1;
}

int dk_cli_write_stream(const dk_cli_opts *o, dk_cli_stream_fn write, const void *ctx)
{
	dk_error d;
	dk_output out;
	dk_error_init(&d);
	/* named: a temporary file even for standard output, a pipe or a
	 * device (copied there at the end), so that a failure half-way
	 * leaves nothing written anywhere */
	dk_status st = dk_output_open(&out, o->output, true, &d);
	if (st == DK_OK) {
		stream_to t = {&out, &d, DK_OK};
		dk_strbuf b = {0};
		b.flush = put_out;
		b.flush_ctx = &t;
		int rc = write(ctx, &b);
		if (rc == 0)
			dk_strbuf_flush(&b);
		st = t.st != DK_OK ? t.st : rc != 0 || b.oom ? DK_ENOMEM : DK_OK;
		free(b.data);
	}
	if (st == DK_OK)
		st = dk_output_close(&out, &d);
	dk_output_abort(&out);
	return dk_cli_output_done(st, &d);
}

bool dk_cli_book_without_file(const dk_cli_opts *o)
{
	if (strcmp(dk_cli_default_format(o), "xlsx") != 0 ||
	    !dk_output_is_stdout(o->output))
		return false;
	dk_cli_error(o->command, "%s",
		     _("-f xlsx writes a file: give it with -o FILE.xlsx"));
	return true;
}

/* After a file is written (not standard output), one line on standard
 * error says what was written and, where there are findings, what was
 * found: "skrev innstilling.xlsx: 3 feil, 13 advarsler, 1 til
 * orientering"; none with -q. */
void dk_cli_say_written(const dk_cli_opts *o, const dk_findings *f)
{
	if (o->quiet || dk_output_is_stdout(o->output))
		return;
	bool english = dk_cli_english(o);
	dk_strbuf b = {0};
	dk_strbuf_printf(&b, dk_tr(english, "wrote %s"), o->output);
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
char *dk_cli_with_newline(char *t)
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

/* The exit code for the findings: 1 when one is at or above --fail-on. */
int dk_cli_findings_exit(const dk_cli_opts *o, const dk_findings *f)
{
	if (o->fail_on && strcmp(o->fail_on, "never") == 0)
		return DK_EXIT_OK;
	dk_severity level = o->fail_on && strcmp(o->fail_on, "warning") == 0
		? DK_SEV_WARNING
		: DK_SEV_ERROR;
	for (size_t i = 0; i < f->n; i++)
		if (f->items[i].severity >= level)
			return DK_EXIT_FINDINGS;
	return DK_EXIT_OK;
}

/* Loads the case and computes the recommendation; prints what fails. */
dk_status dk_cli_run_case(dk_case *c, dk_recommendation *rec, const dk_cli_opts *o,
			  bool render)
{
	memset(rec, 0, sizeof *rec);
	dk_status st = dk_case_load(c, o);
	if (st != DK_OK)
		return st;
	st = dk_recommend(&c->plan, &c->nets, rec);
	if (st == DK_OK && render)
		st = dk_findings_render(&rec->findings);
	if (st == DK_OK)
		dk_findings_sort(&rec->findings);
	else if (st == DK_ERANGE)
		dk_cli_error(NULL, "%s",
			     _("the amounts are too large to compute exactly; "
			       "check the inputs for amounts far above 10^12"));
	return st;
}

void dk_cli_report_init(dk_report *r, dk_report_input *inputs, const dk_case *c,
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
	r->english = dk_cli_english(o);
}

const char *dk_cli_default_format(const dk_cli_opts *o)
{
	if (o->format)
		return o->format;
	return dk_output_is_stdout(o->output) && isatty(STDOUT_FILENO) ? "table" : "json";
}

bool dk_cli_english(const dk_cli_opts *o)
{
	return o->lang && strcmp(o->lang, "en") == 0;
}

void dk_cli_error(const char *command, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (command)
		fprintf(stderr, "dekom %s: error: %s\n", command, msg);
	else
		fprintf(stderr, "dekom: error: %s\n", msg);
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

bool dk_progress_start(dk_progress *p, const char *what)
{
	p->what = what;
	p->start = now();
	p->shown = false;
	return isatty(STDERR_FILENO) != 0;
}

void dk_progress_report(void *ctx, long done, long total)
{
	dk_progress *p = ctx;
	double t = now() - p->start;
	if (t < 1.0 || total <= 0)
		return;
	double rate = (double)done / t;
	long left = rate > 0 ? (long)((double)(total - done) / rate + 0.5) : 0;
	char d[32], n[32], r[32];
	dk_kr_format(done, d, sizeof d);
	dk_kr_format(total, n, sizeof n);
	dk_kr_format((int64_t)rate, r, sizeof r);
	fprintf(stderr, _("\r%s: %s of %s (%ld %%), %s per second, about %ld s left "),
		_(p->what), d, n, total ? done * 100 / total : 0, r, left);
	fflush(stderr);
	p->shown = true;
}

void dk_progress_end(dk_progress *p)
{
	if (p->shown)
		fputc('\n', stderr);
}

/*
 * cmd_cases.c: `recommend -c CASE.json` (CLI.md, "Case files"), and the
 * one job a case is, which `dekom batch` runs for many. Each scheme is
 * loaded and computed exactly as `recommend -n … -p …` (or `-i`) would do
 * it alone (dk_case_load_into, dk_recommend); the combined output adds the
 * summary (io/report_cases.c). A scheme that is bad input is reported with
 * its diagnostics, the other schemes are still read so that every problem
 * is said at once, and nothing is written. A job prints nothing: its
 * problems stay in its dk_error, so that cases run at once print theirs
 * in order.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "engine/recommend.h"
#include "io/finding_text.h"
#include "io/i18n.h"
#include "io/json_case.h"
#include "io/outfile.h"
#include "io/escape.h"
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

dk_status dk_case_file_load(const char *path, dk_input *in, dk_case_file *f, dk_error *d)
{
	char dir[4096];
	dk_input_init(in);
	memset(f, 0, sizeof *f);
	folder(path, dir, sizeof dir);
	dk_status st = dk_cli_load_input(in, path, NULL, d);
	if (st == DK_OK)
		st = dk_case_file_read(in, dir, f, d);
	return st;
}

static dk_status cases_book(const void *ctx, const char *path, const char *name,
			    dk_error *d)
{
	return dk_cases_xlsx(ctx, path, name, d);
}

/* explain NETWORK -c: in every scheme that has it, or in --scheme's;
 * *shown is 0 when none has it (reported). */
static char *explain(dk_case_job *j, const dk_cases_report *all, size_t *shown)
{
	const char *scheme = j->o->scheme;
	char q[80];
	dk_cases_report r = *all;
	dk_case_file one;
	if (scheme) {
		size_t k = 0;
		while (k < all->n && strcmp(all->file->schemes[k].id, scheme) != 0)
			k++;
		if (k == all->n) {
			char ids[400] = "";
			for (size_t i = 0; i < all->n; i++)
				snprintf(ids + strlen(ids), sizeof ids - strlen(ids),
					 "%s%s", i ? ", " : "", all->file->schemes[i].id);
			dk_quote(scheme, q, sizeof q);
			dk_error_add(&j->d, j->path, 0, 0,
				     _("no scheme '%s' in the case; expected one of %s"),
				     q, ids);
			*shown = 0;
			return NULL;
		}
		one = *all->file;
		one.schemes = &all->file->schemes[k];
		one.n = 1;
		r.file = &one;
		r.parts = &all->parts[k];
		r.n = 1;
	}
	char *t = dk_cases_explain(&r, j->network, shown);
	if (t && *shown == 0) {
		free(t);
		t = NULL;
		dk_quote(j->network, q, sizeof q);
		if (scheme)
			dk_error_add(&j->d, j->path, 0, 0,
				     _("no network named '%s' in the scheme %s"), q,
				     scheme);
		else
			dk_error_add(&j->d, j->path, 0, 0,
				     _("no network named '%s' in any scheme of the case"),
				     q);
	}
	return t;
}

void dk_case_job_run(dk_case_job *j)
{
	const dk_cli_opts *o = j->o;
	dk_input in;
	dk_case_file f;
	dk_error_init(&j->d);
	j->st = dk_case_file_load(j->path, &in, &f, &j->d);
	if (j->st == DK_OK && j->output)
		j->st = dk_output_check(j->output, &j->path, 1, &j->d);
	dk_case c[DK_SCHEMES_MAX];
	dk_recommendation rec[DK_SCHEMES_MAX];
	dk_report parts[DK_SCHEMES_MAX];
	dk_report_input inputs[DK_SCHEMES_MAX][3 + DK_MORE_NETWORKS];
	size_t loaded = 0;
	/* every scheme is read, so that all its problems are said at once */
	bool file_ok = j->st == DK_OK;
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
		so.output = j->output;
		memset(&rec[k], 0, sizeof rec[k]);
		dk_status sk = dk_case_load_into(&c[k], &so, &j->d);
		loaded = k + 1;
		if (sk == DK_OK)
			sk = dk_recommend(&c[k].plan, &c[k].nets, &rec[k]);
		if (sk == DK_OK)
			sk = dk_findings_render(&rec[k].findings);
		if (sk == DK_OK)
			dk_findings_sort(&rec[k].findings);
		if (sk == DK_ERANGE)
			dk_error_add(&j->d, j->path, s->line, s->col, "%s",
				     _("the amounts are too large to compute exactly; "
				       "check the inputs for amounts far above 10^12"));
		if (j->st == DK_OK)
			j->st = sk;
		if (sk == DK_OK)
			dk_cli_report_init(&parts[k], inputs[k], &c[k], &rec[k], o);
		if (sk == DK_ENOMEM)
			break;
	}
	if (j->st == DK_OK) {
		dk_cases_report r = {&f, parts, f.n, dk_cli_english(o)};
		bool json = strcmp(j->format, "json") == 0;
		size_t shown = 1;
		switch (j->kind) {
		case DK_JOB_RECOMMEND:
			if (strcmp(j->format, "xlsx") == 0) {
				/* a workbook goes to its file here: recommend -c
				 * alone writes one (batch does not) */
				j->wrote = true;
				j->book_rc = dk_cli_write_book(o, cases_book, &r);
			} else if (json)
				j->text = dk_cli_with_newline(dk_cases_json(&r));
			else if (strcmp(j->format, "md") == 0)
				j->text = dk_cases_md(&r);
			else if (strcmp(j->format, "html") == 0)
				j->text = dk_cases_html(&r);
			else if (strcmp(j->format, "csv") == 0)
				j->text = dk_cases_csv(&r,
						       o->csv_dialect &&
							       strcmp(o->csv_dialect,
								      "excel-nb") == 0);
			else
				j->text = dk_cases_table(&r);
			break;
		case DK_JOB_CHECK:
			j->text = json ? dk_cli_with_newline(dk_cases_findings_json(&r))
				       : dk_cases_findings_table(&r);
			break;
		case DK_JOB_EXPLAIN:
			j->text = dk_term_clean(explain(j, &r, &shown));
			break;
		}
		if (!j->text && shown && !j->wrote)
			j->st = DK_ENOMEM;
		else if (!shown)
			j->st = DK_EINPUT;
		j->schemes = f.n;
		j->produced = true;
		for (size_t k = 0; k < f.n; k++) {
			const dk_recommendation *x = &rec[k];
			j->networks += c[k].nets.n;
			j->frame += x->has_total
				? x->total
				: x->prorata + x->direct + x->measures + x->reserve;
			j->produced &= x->produced;
			dk_kr a = 0, up2 = 0;
			for (size_t m = 0; m < x->n; m++)
				a += x->rows[m].amount;
			for (size_t m = 0; m < c[k].plan.n_institutions; m++)
				up2 += x->inst_up2[m];
			j->recommended += a;
			j->unused += x->unused + x->reserve_cut;
			j->uh_num += (dk_i128)x->direct + up2 + x->total_other;
			j->uh_den += (dk_i128)x->direct + a;
			for (int v = 0; v < 3; v++)
				j->counts[v] += x->findings.counts[v];
			if (dk_cli_findings_exit(o, &x->findings) != DK_EXIT_OK)
				j->findings_exit = DK_EXIT_FINDINGS;
		}
	}
	for (size_t k = 0; k < loaded; k++) {
		dk_recommendation_release(&rec[k]);
		dk_case_release(&c[k]);
	}
	dk_case_file_release(&f);
	dk_input_release(&in);
}

void dk_case_job_release(dk_case_job *j)
{
	dk_error_release(&j->d);
	free(j->text);
	j->text = NULL;
}

int dk_cli_run_cases(const dk_cli_opts *o, dk_job_kind kind)
{
	const char *fmt = kind == DK_JOB_EXPLAIN ? "table" : dk_cli_default_format(o);
	bool text = strcmp(fmt, "json") == 0 || strcmp(fmt, "table") == 0 ||
		(kind == DK_JOB_RECOMMEND &&
		 (strcmp(fmt, "md") == 0 || strcmp(fmt, "csv") == 0 ||
		  strcmp(fmt, "html") == 0 || strcmp(fmt, "xlsx") == 0));
	if (!text) {
		if (kind == DK_JOB_RECOMMEND)
			dk_cli_error(
				o->command,
				_("-f %s is not written for a case file; give -f json, "
				  "table, md, csv, html or xlsx"),
				fmt);
		else
			dk_cli_error(
				o->command,
				_("-f %s is not written for a case file; give -f json or "
				  "table"),
				fmt);
		return DK_EXIT_USAGE;
	}
	if (o->columns || o->sheet) {
		dk_cli_error(o->command, "%s",
			     _("-c names every scheme's inputs; give -c alone, or -n "
			       "and -p"));
		return DK_EXIT_USAGE;
	}
	dk_case_job j = {.path = o->case_file,
			 .output = o->output,
			 .o = o,
			 .format = fmt,
			 .kind = kind,
			 .network = kind == DK_JOB_EXPLAIN ? o->argv[0] : NULL};
	if (strcmp(fmt, "xlsx") == 0 && dk_cli_book_without_file(o))
		return DK_EXIT_USAGE;
	dk_case_job_run(&j);
	dk_cli_print_diags(&j.d);
	int rc;
	if (j.st != DK_OK) {
		rc = dk_cli_exit(j.st);
	} else {
		if (j.wrote) {
			rc = j.book_rc;
		} else {
			rc = dk_cli_write_text(o, j.text);
			j.text = NULL; /* written and freed */
		}
		if (rc == DK_EXIT_OK) {
			dk_findings all;
			memset(&all, 0, sizeof all);
			for (int v = 0; v < 3; v++)
				all.counts[v] = j.counts[v];
			dk_cli_say_written(o, &all);
			/* explain reports; only recommend and check exit 1 on findings */
			rc = kind == DK_JOB_EXPLAIN ? DK_EXIT_OK : j.findings_exit;
		}
	}
	dk_case_job_release(&j);
	return rc;
}

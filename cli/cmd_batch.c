/*
 * cmd_batch.c: `dekom batch -d OUTDIR CASE.json...` (CLI.md, "Case
 * files"): many cases (other forums, other years) in one run, each to
 * OUTDIR/<its name without .json>.json, a table of them on standard
 * output (and --summary FILE.csv).
 *
 * Before anything runs: two cases with one name, and an output that is a
 * case's input (its case file or a scheme's file) or the summary, are bad
 * usage. Then the cases run on --threads workers, each a dk_case_job that
 * prints nothing; the main thread prints each case's problems and writes
 * its output in the cases' order, so the outputs, the table and standard
 * error are the same for any number of threads. A bad case is reported
 * and the others still run. The exit code is 3 if an output could not be
 * written, else 2 if any case was bad input, else 1 if any had findings at
 * or above --fail-on, else 0.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "io/i18n.h"
#include "io/outfile.h"
#include "io/strbuf.h"
#include "io/table.h"
#include "models/numtext.h"

typedef struct {
	dk_case_job *jobs;
	size_t n;
	atomic_size_t next, done;
	pthread_mutex_t lock;
	dk_progress *progress; /* NULL when not shown */
} pool;

static void *work(void *arg)
{
	pool *p = arg;
	for (;;) {
		size_t k = atomic_fetch_add(&p->next, 1);
		if (k >= p->n)
			break;
		dk_case_job_run(&p->jobs[k]);
		size_t d = atomic_fetch_add(&p->done, 1) + 1;
		if (p->progress) {
			pthread_mutex_lock(&p->lock);
			dk_progress_report(p->progress, (long)d, (long)p->n);
			pthread_mutex_unlock(&p->lock);
		}
	}
	return NULL;
}

/* Whether two paths name one file, whether or not it exists yet: the same
 * name in the same folder (folders compared by device and inode). */
static bool same_target(const char *a, const char *b)
{
	char da[4096], db[4096];
	const char *sa = strrchr(a, '/'), *sb = strrchr(b, '/');
	const char *ba = sa ? sa + 1 : a, *bb = sb ? sb + 1 : b;
	if (strcmp(ba, bb) != 0)
		return false;
	snprintf(da, sizeof da, "%.*s", sa ? (int)(sa - a) + (sa == a) : 1, sa ? a : ".");
	snprintf(db, sizeof db, "%.*s", sb ? (int)(sb - b) + (sb == b) : 1, sb ? b : ".");
	struct stat x, y;
	if (stat(da, &x) != 0 || stat(db, &y) != 0)
		return strcmp(da, db) == 0;
	return x.st_dev == y.st_dev && x.st_ino == y.st_ino;
}

/* The case's name: its file name without a final .json. */
static void case_name(const char *path, char *buf, size_t size)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t n = strlen(base);
	if (n > 5 && strcmp(base + n - 5, ".json") == 0)
		n -= 5;
	snprintf(buf, size, "%.*s", (int)n, base);
}

/* Every file the cases read: the case files (first, as given), then their
 * schemes' files (copies); a case file that does not read is reported
 * when it runs. */
static const char **inputs_of(const dk_cli_opts *o, size_t *n)
{
	size_t cap = (size_t)o->argc * (1 + 4 * DK_SCHEMES_MAX), m = 0;
	const char **all = calloc(cap ? cap : 1, sizeof *all);
	if (!all)
		return NULL;
	for (int i = 0; i < o->argc; i++)
		all[m++] = o->argv[i];
	for (int i = 0; i < o->argc; i++) {
		dk_input in;
		dk_case_file f;
		dk_error d;
		dk_error_init(&d);
		if (dk_case_file_load(o->argv[i], &in, &f, &d) == DK_OK) {
			for (size_t k = 0; k < f.n; k++) {
				const dk_scheme_ref *s = &f.schemes[k];
				const char *files[] = {s->networks, s->plan, s->columns,
						       s->input};
				for (size_t j = 0; j < 4; j++)
					if (files[j] && !(all[m++] = strdup(files[j])))
						m--;
			}
		}
		dk_case_file_release(&f);
		dk_input_release(&in);
		dk_error_release(&d);
	}
	*n = m;
	return all;
}

static void free_inputs(const dk_cli_opts *o, const char **all, size_t n)
{
	for (size_t i = (size_t)o->argc; i < n; i++)
		free((char *)all[i]);
	free(all);
}

/* The table of the cases, or its CSV (RFC 4180, canonical headers): per
 * case its schemes, networks, frame, recommended, unused, UH share,
 * findings by severity and exit code. */
#define NCOL 11
static char *summary(const dk_cli_opts *o, const dk_case_job *jobs, const int *exits,
		     bool csv)
{
	bool en = dk_cli_english(o);
	static const char *const names[NCOL] = {"case",     "schemes",     "networks",
						"frame",    "recommended", "unused",
						"uh_share", "errors",      "warnings",
						"info",     "exit"};
	const char *head[NCOL];
	if (csv) {
		memcpy(head, names, sizeof head);
	} else {
		const char *labels[NCOL] = {
			dk_tr(en, "Case"),        dk_tr(en, "Schemes"),
			dk_tr(en, "Networks"),    dk_tr(en, "Frame"),
			dk_tr(en, "Recommended"), dk_tr(en, "Unused"),
			dk_tr(en, "UH share"),    dk_tr(en, "Errors"),
			dk_tr(en, "Warnings"),    dk_tr(en, "Info"),
			dk_tr(en, "Exit code")};
		memcpy(head, labels, sizeof head);
	}
	dk_strbuf b = {0};
	dk_table t;
	if (!csv && dk_table_init(&t, NCOL) != DK_OK)
		return NULL;
	for (int i = -1; i < o->argc; i++) {
		char cells[NCOL][48];
		const char *row[NCOL];
		for (int c = 0; c < NCOL; c++) {
			cells[c][0] = '\0';
			row[c] = i < 0 ? head[c] : cells[c];
		}
		if (i >= 0) {
			const dk_case_job *j = &jobs[i];
			const dk_numfmt plain = DK_NUMFMT_PLAIN,
					people = DK_NUMFMT_PEOPLE(en, 0);
			const dk_numfmt *nf = csv ? &plain : &people;
			case_name(j->path, cells[0], sizeof cells[0]);
			if (j->st == DK_OK) {
				snprintf(cells[1], sizeof cells[1], "%zu", j->schemes);
				snprintf(cells[2], sizeof cells[2], "%zu", j->networks);
				dk_numtext(j->frame, 0, nf, cells[3], sizeof cells[3]);
				if (j->produced) {
					dk_numtext(j->recommended, 0, nf, cells[4],
						   sizeof cells[4]);
					dk_numtext(j->unused, 0, nf, cells[5],
						   sizeof cells[5]);
				}
				if (j->produced && j->uh_den > 0) {
					if (csv)
						dk_share_str(j->uh_num, j->uh_den,
							     cells[6], sizeof cells[6]);
					else /* a percentage with one decimal */
						snprintf(cells[6] +
								 dk_numtext_ratio(
									 j->uh_num * 100,
									 j->uh_den, 1, nf,
									 cells[6],
									 sizeof cells[6]),
							 8, " %%");
				}
				snprintf(cells[7], sizeof cells[7], "%zu",
					 j->counts[DK_SEV_ERROR]);
				snprintf(cells[8], sizeof cells[8], "%zu",
					 j->counts[DK_SEV_WARNING]);
				snprintf(cells[9], sizeof cells[9], "%zu",
					 j->counts[DK_SEV_INFO]);
			}
			snprintf(cells[10], sizeof cells[10], "%d", exits[i]);
		}
		if (csv) {
			for (int c = 0; c < NCOL; c++) {
				dk_csv_field(&b, row[c], ',');
				dk_strbuf_puts(&b, c < NCOL - 1 ? "," : "\r\n");
			}
		} else {
			for (int c = 1; c < NCOL; c++)
				t.right[c] = true;
			if (dk_table_row(&t, row) != DK_OK)
				b.oom = 1;
		}
	}
	if (!csv) {
		char *txt = dk_table_render(&t);
		dk_table_release(&t);
		if (!txt)
			b.oom = 1;
		else
			dk_strbuf_puts(&b, txt);
		free(txt);
	}
	return dk_strbuf_done(&b);
}

int dk_cmd_batch(const dk_cli_opts *o)
{
	/* each case as recommend -c writes it: json (the default), md, csv
	 * or html, to OUTDIR/NAME.FORMAT */
	const char *fmt = o->format ? o->format : "json";
	if (!o->outdir || o->argc < 1) {
		dk_cli_error("batch", "%s",
			     !o->outdir
				     ? _("give the folder for the outputs with -d OUTDIR")
				     : _("no case files; expected dekom batch -d OUTDIR "
					 "CASE.json..."));
		return DK_EXIT_USAGE;
	}
	struct stat st_dir;
	if (stat(o->outdir, &st_dir) != 0 || !S_ISDIR(st_dir.st_mode)) {
		dk_cli_error("batch",
			     _("'%s' is not a folder; create it, or give another "
			       "with -d"),
			     o->outdir);
		return DK_EXIT_USAGE;
	}
	size_t n = (size_t)o->argc;
	char **outs = calloc(n, sizeof *outs);
	dk_case_job *jobs = calloc(n, sizeof *jobs);
	int *exits = calloc(n, sizeof *exits);
	size_t n_in = 0;
	const char **ins = inputs_of(o, &n_in);
	int rc = DK_EXIT_OK;
	if (!outs || !jobs || !exits || !ins) {
		rc = dk_cli_exit(DK_ENOMEM);
		goto done;
	}
	/* before anything runs: one output per case, none over an input */
	for (size_t i = 0; i < n && rc == DK_EXIT_OK; i++) {
		char name[256];
		case_name(o->argv[i], name, sizeof name);
		size_t len = strlen(o->outdir) + strlen(name) + 8;
		if (!(outs[i] = malloc(len))) {
			rc = dk_cli_exit(DK_ENOMEM);
			break;
		}
		snprintf(outs[i], len, "%s/%s.%s", o->outdir, name, fmt);
		for (size_t k = 0; k < i; k++)
			if (strcmp(outs[k], outs[i]) == 0) {
				dk_cli_error(
					"batch",
					_("'%s' and '%s' would both write %s; give the "
					  "case files different names"),
					o->argv[k], o->argv[i], outs[i]);
				rc = DK_EXIT_USAGE;
			}
		if (rc == DK_EXIT_OK && o->summary && same_target(outs[i], o->summary)) {
			dk_cli_error(
				"batch",
				_("--summary %s is also where the case '%s' is written; "
				  "give the summary another name"),
				o->summary, o->argv[i]);
			rc = DK_EXIT_USAGE;
		}
		dk_error d;
		dk_error_init(&d);
		if (rc == DK_EXIT_OK &&
		    dk_output_check(outs[i], ins, n_in, &d) != DK_OK) {
			dk_cli_print_diags(&d);
			rc = DK_EXIT_USAGE;
		}
		dk_error_release(&d);
	}
	if (rc == DK_EXIT_OK && o->summary) {
		dk_error d;
		dk_error_init(&d);
		if (dk_output_check(o->summary, ins, n_in, &d) != DK_OK) {
			dk_cli_print_diags(&d);
			rc = DK_EXIT_USAGE;
		}
		dk_error_release(&d);
	}
	if (rc != DK_EXIT_OK)
		goto done;
	for (size_t i = 0; i < n; i++)
		jobs[i] = (dk_case_job){.path = o->argv[i],
					.output = outs[i],
					.o = o,
					.format = fmt,
					.kind = DK_JOB_RECOMMEND};
	long threads = o->threads;
	if (threads < 1) {
		long cpus = sysconf(_SC_NPROCESSORS_ONLN);
		threads = cpus > 0 ? cpus : 1;
	}
	if ((size_t)threads > n)
		threads = (long)n;
	dk_progress prog;
	pool p = {jobs, n, 0, 0, PTHREAD_MUTEX_INITIALIZER, NULL};
	if (dk_progress_start(&prog, N_("Batch")))
		p.progress = &prog;
	pthread_t tid[64];
	long started = 0;
	for (long k = 1; k < threads && k < 64; k++)
		if (pthread_create(&tid[started], NULL, work, &p) == 0)
			started++;
	work(&p); /* the main thread is a worker too */
	for (long k = 0; k < started; k++)
		pthread_join(tid[k], NULL);
	if (p.progress)
		dk_progress_end(&prog);
	/* in the cases' order: problems, outputs, exit codes */
	bool bad = false, unwritten = false, findings = false;
	size_t written = 0;
	for (size_t i = 0; i < n; i++) {
		dk_case_job *j = &jobs[i];
		dk_cli_print_diags(&j->d);
		if (j->st != DK_OK) {
			exits[i] = dk_cli_exit(j->st);
			bad = true;
			continue;
		}
		dk_error d;
		dk_error_init(&d);
		if (dk_output_write(outs[i], j->text, strlen(j->text), &d) != DK_OK) {
			for (size_t k = 0; k < d.n; k++)
				fprintf(stderr, "dekom: error: %s: %s\n", d.items[k].file,
					d.items[k].message);
			exits[i] = DK_EXIT_IO;
			unwritten = true;
		} else {
			exits[i] = j->findings_exit;
			findings |= j->findings_exit != DK_EXIT_OK;
			written++;
		}
		dk_error_release(&d);
	}
	char *table = summary(o, jobs, exits, false);
	if (table)
		fputs(table, stdout);
	free(table);
	if (o->summary) {
		char *csv = summary(o, jobs, exits, true);
		dk_error d;
		dk_error_init(&d);
		dk_status st = csv ? dk_output_write(o->summary, csv, strlen(csv), &d)
				   : DK_ENOMEM;
		free(csv);
		if (st != DK_OK) {
			for (size_t k = 0; k < d.n; k++)
				fprintf(stderr, "dekom: error: %s: %s\n", d.items[k].file,
					d.items[k].message);
			unwritten = true;
		}
		dk_error_release(&d);
	}
	if (!o->quiet)
		fprintf(stderr,
			dk_ntr(dk_cli_english(o), "wrote %zu file in %s\n",
			       "wrote %zu files in %s\n", written),
			written, o->outdir);
	rc = unwritten     ? DK_EXIT_IO
		: bad      ? DK_EXIT_USAGE
		: findings ? DK_EXIT_FINDINGS
			   : DK_EXIT_OK;
done:
	for (size_t i = 0; jobs && i < n; i++)
		dk_case_job_release(&jobs[i]);
	for (size_t i = 0; outs && i < n; i++)
		free(outs[i]);
	free(outs);
	free(jobs);
	free(exits);
	if (ins)
		free_inputs(o, ins, n_in);
	return rc;
}

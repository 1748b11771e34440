/*
 * main.c: the `dekom` program: picks the subcommand, has its options
 * parsed (cli/options.c) and hands over to the command (cli/cmd_*.c).
 * Exit codes are those of CLI.md; nothing else in the program exits.
 *
 * Signals: an interrupted run must not leave a half-written temporary file
 * next to the target (io/outfile.h). SIGINT, SIGTERM, SIGHUP, SIGQUIT and
 * SIGPIPE get a handler that removes the pending temporary file and then
 * dies of the same signal with its default action, so the parent still
 * sees "killed by SIGTERM". A signal that was ignored when dekom started
 * (nohup, a background job) stays ignored. SIGXFSZ (a file-size limit) is
 * ignored, so that the write fails with EFBIG and is reported as any other
 * failed output: exit 3, the target as it was.
 */
#include <gsl/gsl_errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "io/i18n.h"
#include "io/outfile.h"

typedef struct {
	const char *name;
	int (*run)(const dk_cli_opts *o);
	const char *formats; /* allowed -f values, space-separated */
} command;

/* clang-format off */
static const command commands[] = {
	{"recommend", dk_cmd_recommend, "table csv json md html xlsx"},
	{"show", dk_cmd_show, "table json"},
	{"check", dk_cmd_check, "table csv json"},
	{"explain", dk_cmd_explain, "table"},
	{"price", dk_cmd_price, "table csv json md html xlsx"},
	{"scenarios", dk_cmd_scenarios, "csv json"},
	{"calibrate", dk_cmd_calibrate, "table csv json md"},
	{"diff", dk_cmd_diff, "table json"},
	{"init", dk_cmd_init, "xlsx"},
	{"batch", dk_cmd_batch, "json md csv html"},
};
/* clang-format on */
static int run_command(const command *c, int argc, char **argv)
{
	dk_cli_opts o;
	int rc = dk_cli_parse(c->name, c->formats, argc, argv, &o);
	return rc == DK_CLI_PARSED ? c->run(&o) : rc;
}

static void on_fatal_signal(int sig)
{
	dk_output_signal_cleanup();
	/* the signal is blocked until this handler returns, and then kills
	 * the process with its default action */
	signal(sig, SIG_DFL);
	raise(sig);
}

static void install_signal_handlers(void)
{
	static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE};
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
		struct sigaction old, sa;
		if (sigaction(sigs[i], NULL, &old) != 0 || old.sa_handler == SIG_IGN)
			continue;
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_fatal_signal;
		sigfillset(&sa.sa_mask);
		sigaction(sigs[i], &sa, NULL);
	}
	signal(SIGXFSZ, SIG_IGN);
}

int main(int argc, char **argv)
{
	gsl_set_error_handler_off();
	dk_i18n_init();
	/* the language of everything said before the options are read
	 * (usage errors, --help) too */
	for (int k = 1; k < argc; k++)
		if ((strcmp(argv[k], "--lang") == 0 && k + 1 < argc &&
		     strcmp(argv[k + 1], "en") == 0) ||
		    strcmp(argv[k], "--lang=en") == 0)
			dk_i18n_set_english(true);
	install_signal_handlers();
	if (argc < 2)
		return dk_cli_help(NULL, stderr) == 0 ? DK_EXIT_USAGE : DK_EXIT_USAGE;
	const char *cmd = argv[1];
	if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
		printf("dekom %s\n", DEKOM_VERSION);
		return DK_EXIT_OK;
	}
	if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0)
		return dk_cli_help(NULL, stdout);
	if (strcmp(cmd, "help") == 0)
		return dk_cli_help(argc > 2 ? argv[2] : NULL, stdout);
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(cmd, commands[i].name) == 0)
			return run_command(&commands[i], argc - 1, argv + 1);
	fprintf(stderr, "dekom: error: ");
	fprintf(stderr, _("unknown command '%s'; see 'dekom --help'\n"), cmd);
	return DK_EXIT_USAGE;
}

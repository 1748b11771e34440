/*
 * test_docs.c: the docs show what the program does. docs/formats.md must
 * hold every file of docs/examples/ verbatim, the column list exactly as
 * `dekom help columns` prints it from the alias table, and the plan's
 * fields as `dekom help plan` prints them from the fields table;
 * docs/checks.md the checks as `dekom help checks`, docs/pricing.md the
 * template's fields as `dekom help pricing`.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	ck_assert_msg(f != NULL, "cannot open %s", path);
	char *buf = malloc(1 << 20);
	size_t n = fread(buf, 1, (1 << 20) - 1, f);
	fclose(f);
	buf[n] = '\0';
	return buf;
}

static void assert_shown(const char *doc, const char *text, const char *what)
{
	ck_assert_msg(strstr(doc, text) != NULL,
		      "docs/formats.md does not show %s as it is", what);
}

START_TEST(examples_are_shown)
{
	static const char *const files[] = {"networks.csv", "networks.json",
					    "columns.json", "plan.json"};
	char *doc = slurp(DK_SOURCE_DIR "/docs/formats.md");
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		char path[512];
		snprintf(path, sizeof path, "%s/docs/examples/%s", DK_SOURCE_DIR,
			 files[i]);
		char *ex = slurp(path);
		assert_shown(doc, ex, files[i]);
		free(ex);
	}
	free(doc);
}
END_TEST

START_TEST(column_list_is_the_programs)
{
	char *doc = slurp(DK_SOURCE_DIR "/docs/formats.md");
	char *help = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&help, &len);
	ck_assert_int_eq(dk_cli_help("columns", f), 0);
	fclose(f);
	assert_shown(doc, help, "the output of 'dekom help columns'");
	free(help);
	free(doc);
}
END_TEST

/* The output of `dekom help TOPIC`, as a new string. */
static char *help_of(const char *topic)
{
	char *help = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&help, &len);
	ck_assert_int_eq(dk_cli_help(topic, f), 0);
	fclose(f);
	return help;
}

START_TEST(plan_fields_are_the_programs)
{
	char *doc = slurp(DK_SOURCE_DIR "/docs/formats.md");
	char *help = help_of("plan");
	ck_assert_ptr_nonnull(strstr(help, "/allocation/rounding"));
	assert_shown(doc, help, "the output of 'dekom help plan'");
	free(help);
	free(doc);
}
END_TEST

START_TEST(pricing_fields_are_the_programs)
{
	char *doc = slurp(DK_SOURCE_DIR "/docs/pricing.md");
	char *help = help_of("pricing");
	ck_assert_ptr_nonnull(strstr(help, "/roles/*/hourly_cost"));
	ck_assert_msg(strstr(doc, help) != NULL,
		      "docs/pricing.md does not show 'dekom help pricing' as it is");
	free(help);
	free(doc);
}
END_TEST

START_TEST(check_list_is_the_programs)
{
	char *doc = slurp(DK_SOURCE_DIR "/docs/checks.md");
	char *help = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&help, &len);
	ck_assert_int_eq(dk_cli_help("checks", f), 0);
	fclose(f);
	ck_assert_msg(strstr(doc, help) != NULL,
		      "docs/checks.md does not show 'dekom help checks' as it is");
	free(help);
	free(doc);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("docs");
	TCase *tc = tcase_create("formats");
	tcase_add_test(tc, examples_are_shown);
	tcase_add_test(tc, column_list_is_the_programs);
	tcase_add_test(tc, check_list_is_the_programs);
	tcase_add_test(tc, plan_fields_are_the_programs);
	tcase_add_test(tc, pricing_fields_are_the_programs);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

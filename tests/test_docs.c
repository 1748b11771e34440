/*
 * test_docs.c: the docs show what the program does. docs/formats.md must
 * hold every file of docs/examples/ verbatim, the column list exactly as
 * `dekom help columns` prints it from the alias table, and the plan's
 * fields as `dekom help plan` prints them from the fields table;
 * docs/checks.md the checks as `dekom help checks`, docs/pricing.md the
 * template's fields as `dekom help pricing`; docs/veiledning.md the
 * column list and the plan's fields in bokmål, as `dekom help columns` and
 * `dekom help plan` print them by default. `help columns` names, in each
 * language, every name the reader takes for a column, and every name it
 * lists is one the reader takes.
 */
#include <check.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "io/i18n.h"
#include "models/columns.h"

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

/* The key of a name as the reader compares it (spaces, '_' and '-' alike). */
static void key_of(const char *name, char *key, size_t size)
{
	dk_header_norm(name, key, size);
	dk_header_key(key);
}

/* Whether `help` lists a name with the key of `name`: at the start of a
 * line (a canonical name) or in a "names:" list. */
static bool lists(const char *help, const char *name)
{
	char want[256];
	key_of(name, want, sizeof want);
	char *copy = strdup(help), *save = NULL;
	bool found = false;
	for (char *line = strtok_r(copy, "\n", &save); line && !found;
	     line = strtok_r(NULL, "\n", &save)) {
		char *p = line;
		while (*p == ' ')
			p++;
		char *colon = strstr(p, ": ");
		bool names = colon &&
			(strncmp(p, "names:", 6) == 0 || strncmp(p, "navn:", 5) == 0);
		if (!names) {
			/* "  need                 reported need" */
			char first[64];
			size_t k = strcspn(p, " ");
			snprintf(first, sizeof first, "%.*s", (int)k, p);
			char got[256];
			key_of(first, got, sizeof got);
			found = strcmp(got, want) == 0;
			continue;
		}
		char *list = colon + 2, *semi = strchr(list, ';');
		if (semi)
			*semi = '\0';
		char *save2 = NULL;
		for (char *n = strtok_r(list, ",", &save2); n && !found;
		     n = strtok_r(NULL, ",", &save2)) {
			char got[256];
			key_of(n, got, sizeof got);
			found = strcmp(got, want) == 0;
			/* "2021 (year 2022 plan)", but "Nettverk (egen)" */
			char *paren = strstr(n, " (");
			if (!found && paren) {
				*paren = '\0';
				key_of(n, got, sizeof got);
				found = strcmp(got, want) == 0;
			}
		}
	}
	free(copy);
	return found;
}

START_TEST(help_columns_lists_every_name)
{
	for (int en = 0; en < 2; en++) {
		dk_i18n_set_english(en);
		char *help = help_of("columns");
		const dk_column_def *cols = dk_columns();
		for (int c = 0; c < DK_COL_COUNT; c++) {
			const char *names[] = {cols[c].name,       cols[c].label_nb,
					       cols[c].label_en,   cols[c].aliases[0],
					       cols[c].aliases[1], cols[c].aliases[2]};
			for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
				if (!names[k])
					continue;
				ck_assert_msg(lists(help, names[k]),
					      "help columns (%s) does "
					      "not list '%s'",
					      en ? "en" : "nb", names[k]);
				/* and the reader takes it as that column ("Nettverk":
				 * the own share, unless another column is) */
				char norm[256];
				dk_header_norm(names[k], norm, sizeof norm);
				int got = dk_column_match(norm, 2022);
				ck_assert(got == c ||
					  (c == DK_COL_NETWORK && got == DK_COL_OWN &&
					   dk_column_label_clash(norm, got) == c));
			}
			if (cols[c].year_alias) {
				char y[64];
				snprintf(y, sizeof y, "%s%d", cols[c].year_alias,
					 2022 + cols[c].year_offset);
				ck_assert_msg(lists(help, y),
					      "help columns does not list '%s'", y);
			}
		}
		for (int c = 0; c < DK_OUT_COUNT; c++) {
			const dk_out_column_def *oc = dk_out_column_get((dk_out_column)c);
			ck_assert(lists(help, oc->name));
			ck_assert(lists(help, oc->label_nb));
			ck_assert(lists(help, oc->label_en));
		}
		free(help);
	}
	dk_i18n_set_english(true);
}
END_TEST

START_TEST(veiledning_shows_the_norwegian_help)
{
	char *doc = slurp(DK_SOURCE_DIR "/docs/veiledning.md");
	dk_i18n_set_english(false);
	char *cols = help_of("columns"), *plan = help_of("plan");
	dk_i18n_set_english(true);
	ck_assert_ptr_nonnull(strstr(cols, "Kolonnene i nettverksfila"));
	ck_assert_msg(strstr(doc, cols) != NULL,
		      "docs/veiledning.md does not show 'dekom help columns' as it is");
	ck_assert_msg(strstr(doc, plan) != NULL,
		      "docs/veiledning.md does not show 'dekom help plan' as it is");
	free(cols);
	free(plan);
	free(doc);
}
END_TEST

int main(void)
{
	/* the English docs show the English help; veiledning.md the bokmål */
	setenv("LC_ALL", "C", 1);
	dk_i18n_init();
	dk_i18n_set_english(true);
	Suite *s = suite_create("docs");
	TCase *tc = tcase_create("formats");
	tcase_add_test(tc, examples_are_shown);
	tcase_add_test(tc, column_list_is_the_programs);
	tcase_add_test(tc, check_list_is_the_programs);
	tcase_add_test(tc, plan_fields_are_the_programs);
	tcase_add_test(tc, pricing_fields_are_the_programs);
	tcase_add_test(tc, help_columns_lists_every_name);
	tcase_add_test(tc, veiledning_shows_the_norwegian_help);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

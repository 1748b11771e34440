/*
 * test_columns.c: every canonical column, built-in alias and label is
 * found, in any case, with spaces around and with spaces, '_' and '-'
 * alike; year aliases follow the plan's year; a near miss is near and a
 * far one is not.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>

#include "models/columns.h"

static int match(const char *header, int year)
{
	char norm[256];
	dk_header_norm(header, norm, sizeof norm);
	return dk_column_match(norm, year);
}

START_TEST(every_name_and_alias)
{
	const dk_column_def *cols = dk_columns();
	for (int c = 0; c < DK_COL_COUNT; c++) {
		ck_assert_int_eq(cols[c].id, c);
		ck_assert_int_eq(match(cols[c].name, 0), c);
		for (int k = 0; k < 3 && cols[c].aliases[k]; k++)
			ck_assert_int_eq(match(cols[c].aliases[k], 0), c);
	}
}
END_TEST

START_TEST(the_aliases_of_cli_md)
{
	ck_assert_int_eq(match("nettverk_navn", 0), DK_COL_NETWORK);
	ck_assert_int_eq(match("Kompetansenettverk", 0), DK_COL_NETWORK);
	ck_assert_int_eq(match("navn", 0), DK_COL_NETWORK);
	ck_assert_int_eq(match("forrige", 0), DK_COL_PREVIOUS);
	ck_assert_int_eq(match("tildeling_forrige_år", 0), DK_COL_PREVIOUS);
	ck_assert_int_eq(match("TILDELING_FORRIGE_ÅR", 0), DK_COL_PREVIOUS);
	ck_assert_int_eq(match("Lærerårsverk", 0), DK_COL_FTE);
	ck_assert_int_eq(match("LÆRERÅRSVERK", 0), DK_COL_FTE);
	ck_assert_int_eq(match("meldt_behov", 0), DK_COL_NEED);
	ck_assert_int_eq(match("Egenfinansiering", 0), DK_COL_SELF_FINANCING);
	ck_assert_int_eq(match("Nettverk", 0), DK_COL_OWN);
	ck_assert_int_eq(match("egen_andel", 0), DK_COL_OWN);
	ck_assert_int_eq(match("Koordinator", 0), DK_COL_COORDINATOR);
	ck_assert_int_eq(match("Andre/Usikker", 0), DK_COL_UH_OTHER);
	ck_assert_int_eq(match("andre_usikker", 0), DK_COL_UH_OTHER);
	ck_assert_int_eq(match("Innstilt beløp", 0), DK_COL_STATED_RECOMMENDED);
	ck_assert_int_eq(match("innstilt_beløp", 0), DK_COL_STATED_RECOMMENDED);
	ck_assert_int_eq(match("up1", 0), DK_COL_UP1);
	ck_assert_int_eq(match("lokalt_forankret", 0), DK_COL_LOCALLY_ANCHORED);
	ck_assert_int_eq(match("kollektiv_læring", 0), DK_COL_COLLECTIVE_LEARNING);
	ck_assert_int_eq(match("partnerskap_uh", 0), DK_COL_UH_PARTNERSHIP);
	ck_assert_int_eq(match("  need\xC2\xA0", 0), DK_COL_NEED);
}
END_TEST

START_TEST(year_aliases)
{
	ck_assert_int_eq(match("2021", 2022), DK_COL_PREVIOUS);
	ck_assert_int_eq(match("Meldt behov for 2022", 2022), DK_COL_NEED);
	ck_assert_int_eq(match("meldt behov for 2022", 2022), DK_COL_NEED);
	ck_assert_int_eq(match("2022", 2023), DK_COL_PREVIOUS);
	ck_assert_int_eq(match("Meldt behov for 2023", 2023), DK_COL_NEED);
	/* another year, or no year in the plan: not placed */
	ck_assert_int_eq(match("2021", 2023), -1);
	ck_assert_int_eq(match("Meldt behov for 2023", 2022), -1);
	ck_assert_int_eq(match("2021", 0), -1);
}
END_TEST

START_TEST(not_columns)
{
	ck_assert_int_eq(match("Prosentandel", 2022), -1);
	ck_assert_int_eq(match("", 2022), -1);
	ck_assert_int_eq(match("behov", 2022), -1);
	ck_assert_int_eq(match("NTNU", 2022), -1); /* institutions: the plan's */
}
END_TEST

START_TEST(names_fold_after_nfc)
{
	char a[64], b[64];
	/* Ø and ø; a decomposed å (a + U+030A) and a composed Å */
	dk_header_norm("TRØNDELAG SØRVEST", a, sizeof a);
	dk_header_norm("trøndelag sørvest", b, sizeof b);
	ck_assert_str_eq(a, b);
	dk_header_norm("A\xcc\x8alen", a, sizeof a);
	dk_header_norm("\xc3\x85len", b, sizeof b);
	ck_assert_str_eq(a, b);
	ck_assert_str_eq(b, "\xc3\xa5len");
	/* no-break and narrow no-break spaces trim and count as spaces */
	dk_header_norm("\xc2\xa0Meldt\xe2\x80\xaf"
		       "behov\xc2\xa0",
		       a, sizeof a);
	ck_assert_str_eq(a, "meldt behov");
	/* a short buffer never cuts a character in two */
	dk_header_norm("\xc3\x85\xc3\x85", a, 4);
	ck_assert_str_eq(a, "\xc3\xa5");
}
END_TEST

START_TEST(separators_and_labels)
{
	/* spaces, underscores and hyphens alike, runs of them as one */
	ck_assert_int_eq(match("Meldt behov", 0), DK_COL_NEED);
	ck_assert_int_eq(match("meldt_behov", 0), DK_COL_NEED);
	ck_assert_int_eq(match("MELDT-BEHOV", 0), DK_COL_NEED);
	ck_assert_int_eq(match("meldt _- behov", 0), DK_COL_NEED);
	ck_assert_int_eq(match("self-financing", 0), DK_COL_SELF_FINANCING);
	ck_assert_int_eq(match("Meldt-behov-for-2022", 2022), DK_COL_NEED);
	/* every label, in both languages, is its column */
	const dk_column_def *cols = dk_columns();
	for (int c = 0; c < DK_COL_COUNT; c++) {
		int want = c == DK_COL_NETWORK ? DK_COL_OWN : c; /* "Nettverk" */
		ck_assert_int_eq(match(cols[c].label_nb, 0), want);
		ck_assert_int_eq(match(cols[c].label_en, 0), c);
	}
	/* "Nettverk" is the own share, and the name's label: the reader
	 * settles it by the row */
	char norm[64];
	dk_header_norm("Nettverk", norm, sizeof norm);
	ck_assert_int_eq(dk_column_label_clash(norm, DK_COL_OWN), DK_COL_NETWORK);
	dk_header_norm("Koordinator", norm, sizeof norm);
	ck_assert_int_eq(dk_column_label_clash(norm, DK_COL_COORDINATOR), -1);
	/* the columns dekom writes */
	dk_header_norm("UH-andel", norm, sizeof norm);
	ck_assert_int_eq(dk_out_column_match(norm), DK_OUT_UH_SHARE);
	dk_header_norm("Metodens beløp", norm, sizeof norm);
	ck_assert_int_eq(dk_out_column_match(norm), DK_OUT_METHOD_AMOUNT);
	dk_header_norm("recommended", norm, sizeof norm);
	ck_assert_int_eq(dk_out_column_match(norm), DK_OUT_RECOMMENDED);
	ck_assert_int_eq(dk_out_column_get(DK_OUT_RECOMMENDED)->reads_as,
			 DK_COL_STATED_RECOMMENDED);
}
END_TEST

START_TEST(near_names_and_years)
{
	ck_assert_uint_eq(dk_edit_distance("need", "need", 2), 0);
	ck_assert_uint_eq(dk_edit_distance("ned", "need", 2), 1);
	ck_assert_uint_eq(dk_edit_distance("nede", "need", 2), 1); /* a swap */
	ck_assert_uint_eq(dk_edit_distance("lærerårsverk", "larerarsverk", 2), 2);
	ck_assert_uint_eq(dk_edit_distance("koordinator", "need", 2), 3);
	char a[64], b[64];
	dk_header_norm("Egenfinansieing", a, sizeof a);
	dk_header_norm("Egenfinansiering", b, sizeof b);
	ck_assert(dk_header_near(a, b));
	/* a third of the length: "fte" is not near "ftx" + 1 more edit */
	ck_assert(!dk_header_near("fx", "fte"));
	ck_assert(dk_header_near("ftx", "fte"));
	ck_assert(!dk_header_near("budsjett", "need"));
	ck_assert(!dk_header_near("meldt_behov", "meldt behov")); /* the same */
	/* the plan year a year alias asks for */
	dk_header_norm("Meldt behov for 2023", a, sizeof a);
	ck_assert_int_eq(dk_column_year_of(a, DK_COL_NEED), 2023);
	ck_assert_int_eq(dk_column_year_of(a, DK_COL_PREVIOUS), 0);
	ck_assert_int_eq(dk_column_year_of("2022", DK_COL_PREVIOUS), 2023);
	ck_assert_int_eq(dk_column_year_of("22", DK_COL_PREVIOUS), 0);
	ck_assert_int_eq(dk_column_year_of("meldt behov", DK_COL_NEED), 0);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("columns");
	TCase *tc = tcase_create("aliases");
	tcase_add_test(tc, names_fold_after_nfc);
	tcase_add_test(tc, every_name_and_alias);
	tcase_add_test(tc, the_aliases_of_cli_md);
	tcase_add_test(tc, year_aliases);
	tcase_add_test(tc, not_columns);
	tcase_add_test(tc, separators_and_labels);
	tcase_add_test(tc, near_names_and_years);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

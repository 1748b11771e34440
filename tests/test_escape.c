/*
 * test_escape.c: text from the input stays text in every output
 * (io/escape.h): formula leads in spreadsheet cells, Markdown markup, and
 * control characters on a terminal, each checked against the bytes a
 * person can read off OWASP's and CommonMark's rules.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "io/escape.h"
#include "io/table.h"

typedef void (*putter)(dk_strbuf *b, const char *s);

static void csv_comma(dk_strbuf *b, const char *s)
{
	dk_csv_text(b, s, ',');
}

static void csv_semicolon(dk_strbuf *b, const char *s)
{
	dk_csv_text(b, s, ';');
}

static void term_cell(dk_strbuf *b, const char *s)
{
	dk_term_put(b, s, true);
}

static void term_text(dk_strbuf *b, const char *s)
{
	dk_term_put(b, s, false);
}

static void expect(putter put, const char *in, const char *want)
{
	dk_strbuf b = {0};
	put(&b, in);
	char *got = dk_strbuf_done(&b);
	ck_assert_ptr_nonnull(got);
	ck_assert_str_eq(got, want);
	free(got);
}

START_TEST(formula_leads)
{
	ck_assert(dk_formula_lead("=1+1"));
	ck_assert(dk_formula_lead("+47 123"));
	ck_assert(dk_formula_lead("-2+3"));
	ck_assert(dk_formula_lead("@SUM(A1:A2)"));
	ck_assert(dk_formula_lead("\t=1"));
	ck_assert(dk_formula_lead("\r=1"));
	ck_assert(!dk_formula_lead("Fosen"));
	ck_assert(!dk_formula_lead(" =1"));
	ck_assert(!dk_formula_lead(""));
	ck_assert(!dk_formula_lead(NULL));
}
END_TEST

START_TEST(csv_text_cells)
{
	/* OWASP: a quote before the lead, and the field quoted */
	expect(csv_comma, "=1+1", "\"'=1+1\"");
	expect(csv_comma, "+Namdal", "\"'+Namdal\"");
	expect(csv_comma, "-Fosen", "\"'-Fosen\"");
	expect(csv_comma, "@SUM(A1)", "\"'@SUM(A1)\"");
	expect(csv_comma, "\t=1", "\"'\t=1\"");
	expect(csv_comma, "\r=1", "\"'\r=1\"");
	/* quotes inside are doubled as ever */
	expect(csv_comma, "=HYPERLINK(\"http://x\",\"y\")",
	       "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
	expect(csv_semicolon, "=A1;B1", "\"'=A1;B1\"");
	/* other text as dk_csv_field writes it */
	expect(csv_comma, "Fosen", "Fosen");
	expect(csv_comma, "Trondheim, Malvik", "\"Trondheim, Malvik\"");
	expect(csv_semicolon, "Trondheim, Malvik", "Trondheim, Malvik");
	expect(csv_comma, "a=b", "a=b");
	expect(csv_comma, "", "");
}
END_TEST

START_TEST(markdown)
{
	expect(dk_md_text, "<script>alert(1)</script>",
	       "&lt;script&gt;alert(1)&lt;/script&gt;");
	expect(dk_md_text, "A & B | C", "A &amp; B \\| C");
	expect(dk_md_text, "`code` *em* [l](http://e) ~~s~~ a\\b",
	       "\\`code\\` \\*em\\* \\[l\\](http://e) \\~\\~s\\~\\~ a\\\\b");
	/* block markup only where it starts the text */
	expect(dk_md_text, "# Heading", "\\# Heading");
	expect(dk_md_text, "Nr #3", "Nr #3");
	expect(dk_md_text, "- item", "\\- item");
	expect(dk_md_text, "+ item", "\\+ item");
	expect(dk_md_text, "=1+1", "\\=1+1");
	expect(dk_md_text, "1. Ordered", "1\\. Ordered");
	expect(dk_md_text, "12) Ordered", "12\\) Ordered");
	expect(dk_md_text, "2022. Ikke", "2022\\. Ikke");
	expect(dk_md_text, "Fosen 2.0", "Fosen 2.0");
	/* _ inside a word is no emphasis; at a word's edge it could be */
	expect(dk_md_text, "status_quo", "status_quo");
	expect(dk_md_text, "_u_ and__", "\\_u\\_ and\\_\\_");
	expect(dk_md_text, "Trøndelag sørvest", "Trøndelag sørvest");
	/* control characters visible, a line break cannot end a table row */
	expect(dk_md_text, "a\nb\x1b[31m", "a\\x0ab\\x1b\\[31m");
}
END_TEST

START_TEST(terminal)
{
	expect(term_text, "\x1b[31mRed\x07", "\\x1b[31mRed\\x07");
	expect(term_text, "a\tb\nc\rd\x7f", "a\tb\nc\\x0dd\\x7f");
	expect(term_cell, "a\tb\nc", "a\\x09b\\x0ac");
	/* C1 controls as code points, stray bytes as bytes */
	expect(term_text,
	       "\xC2\x9B"
	       "2J \xC2\x85",
	       "\\u009b2J \\u0085");
	expect(term_text,
	       "\x9B"
	       "2J",
	       "\\x9b2J");
	expect(term_text, "\xC3(", "\\xc3(");
	expect(term_text, "\xE0\x80\xAF", "\\xe0\\x80\\xaf"); /* overlong */
	expect(term_text, "\xED\xA0\x80", "\\xed\\xa0\\x80"); /* surrogate */
	/* ordinary text untouched: letters, NBSP (U+00A0), λ, emoji */
	expect(term_text, "Trøndelag\xC2\xA0sørvest λ \xF0\x9F\x98\x80",
	       "Trøndelag\xC2\xA0sørvest λ \xF0\x9F\x98\x80");
}
END_TEST

START_TEST(terminal_clean_whole_text)
{
	char *s = strdup("clean text\n\tλ\n");
	char *t = dk_term_clean(s);
	ck_assert_ptr_eq(t, s); /* nothing to do: the same string back */
	free(t);
	t = dk_term_clean(strdup("x\x1b]0;title\x07y\n"));
	ck_assert_str_eq(t, "x\\x1b]0;title\\x07y\n");
	free(t);
	ck_assert_ptr_null(dk_term_clean(NULL));
}
END_TEST

START_TEST(table_cells_are_one_line)
{
	dk_table t;
	ck_assert_int_eq(dk_table_init(&t, 2), DK_OK);
	const char *head[] = {"network", "need"};
	const char *row[] = {"\x1b[2JRed\nline", "5"};
	ck_assert_int_eq(dk_table_row(&t, head), DK_OK);
	ck_assert_int_eq(dk_table_row(&t, row), DK_OK);
	char *s = dk_table_render(&t);
	ck_assert_str_eq(s,
			 "network             need\n"
			 "------------------------\n"
			 "\\x1b[2JRed\\x0aline  5\n");
	free(s);
	dk_table_release(&t);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("escape");
	TCase *tc = tcase_create("escape");
	tcase_add_test(tc, formula_leads);
	tcase_add_test(tc, csv_text_cells);
	tcase_add_test(tc, markdown);
	tcase_add_test(tc, terminal);
	tcase_add_test(tc, terminal_clean_whole_text);
	tcase_add_test(tc, table_cells_are_one_line);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

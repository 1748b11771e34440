/*
 * test_i18n.c: the message catalogue. Every message a finding can say and
 * every word it passes has a bokmål translation in po/nb.po (a sentence
 * missing there would print in English inside a Norwegian report), the
 * translation takes the same arguments, and it is found whatever locale
 * the machine runs under.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/finding_text.h"
#include "io/i18n.h"
#include "io/report.h"

/* The number of %s (or %n$s) conversions of a format. */
static int conversions(const char *fmt)
{
	int n = 0;
	for (const char *p = fmt; *p; p++) {
		if (*p != '%')
			continue;
		if (p[1] == '%') {
			p++;
			continue;
		}
		n++;
	}
	return n;
}

START_TEST(every_message_is_translated)
{
	for (int m = DK_MSG_NONE + 1; m < DK_MSG_COUNT; m++) {
		const char *en = dk_msg_template((dk_msg)m);
		ck_assert_ptr_nonnull(en);
		const char *nb = dk_tr(false, en);
		ck_assert_msg(strcmp(nb, en) != 0, "no bokmål for message %d: %s", m, en);
		ck_assert_int_eq(conversions(nb), conversions(en));
		ck_assert_str_eq(dk_tr(true, en), en);
	}
	const char *const *words;
	size_t n = dk_msg_words(&words);
	ck_assert_uint_gt(n, 10);
	for (size_t k = 0; k < n; k++)
		ck_assert_msg(strcmp(dk_tr(false, words[k]), words[k]) != 0,
			      "no bokmål for the word '%s'", words[k]);
}
END_TEST

/* dk_msg_expand writes what snprintf writes, for every message in both
 * languages, with arguments of every length and buffers cut anywhere
 * (snprintf is the plain implementation here). */
START_TEST(sentences_as_snprintf_writes_them)
{
	static const char *const texts[] = {"",      "1 234 kr",    "Fosen%s",
					    "100 %", "«Trøndelag»", "%1$s"};
	char big[300];
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	unsigned z = 1;
	for (int m = DK_MSG_NONE + 1; m < DK_MSG_COUNT; m++)
		for (int lang = 0; lang < 2; lang++)
			for (int round = 0; round < 40; round++) {
				const char *fmt =
					dk_tr(lang == 0, dk_msg_template((dk_msg)m));
				const char *a[DK_MSG_ARGS];
				for (int k = 0; k < DK_MSG_ARGS; k++) {
					z = z * 1103515245u + 12345u;
					a[k] = (z >> 16) % 7 == 6 ? big
								  : texts[(z >> 16) % 6];
				}
				size_t size = round == 0 ? 2048
							 : (size_t)(z >> 8) % 400 + 1;
				char want[2048], got[2048];
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
				snprintf(want, size, fmt, a[0], a[1], a[2], a[3], a[4],
					 a[5], a[6], a[7]);
#pragma GCC diagnostic pop
				ck_assert(dk_msg_expand(fmt, a, got, size));
				ck_assert_str_eq(got, want);
			}
	/* what it does not expand, it says so */
	const char *a[DK_MSG_ARGS] = {"1", "2", "3", "4", "5", "6", "7", "8"};
	char out[64];
	ck_assert(!dk_msg_expand("%d", a, out, sizeof out));
	ck_assert(!dk_msg_expand("%9$s", a, out, sizeof out));
	ck_assert(dk_msg_expand("%2$s %1$s %%", a, out, sizeof out));
	ck_assert_str_eq(out, "2 1 %");
}
END_TEST

START_TEST(a_finding_in_both_languages)
{
	/* over-need: the Norwegian puts the difference before the need */
	dk_findings f;
	dk_findings_init(&f);
	dk_check_conf conf[DK_CHECK_COUNT];
	dk_check_conf_defaults(conf);
	int64_t nums[2] = {600000, 669162};
	dk_arg args[3] = {dk_arg_kr(669162), dk_arg_kr(600000), dk_arg_kr(69162)};
	ck_assert_int_eq(dk_findings_add(&f, conf, DK_CHECK_OVER_NEED, -1, 0,
					 "stated_recommended", nums, 0,
					 DK_MSG_OVER_NEED_STATED, args, 3),
			 DK_OK);
	ck_assert_int_eq(dk_findings_render(&f), DK_OK);
	ck_assert_str_eq(f.items[0].message,
			 "the stated recommendation 669 162 is above the network's own "
			 "reported need 600 000 by 69 162. Lower it to the need, or ask "
			 "the network to revise its need.");
	ck_assert_str_eq(f.items[0].message_nb,
			 "innstilt beløp 669 162 er 69 162 over nettverkets eget meldte "
			 "behov 600 000. Senk det til behovet, eller be nettverket "
			 "revidere behovet.");
	dk_findings_release(&f);
}
END_TEST

START_TEST(decimals_follow_the_language)
{
	dk_findings f;
	dk_findings_init(&f);
	dk_check_conf conf[DK_CHECK_COUNT];
	dk_check_conf_defaults(conf);
	/* UP1 shares of 0.9: a point in English, a comma in bokmål */
	dk_arg args[1] = {dk_arg_dec(900000, 6, 1)};
	ck_assert_int_eq(dk_findings_add(&f, conf, DK_CHECK_UP1_ASSIGNMENT, -1, 0, "up1",
					 NULL, 0, DK_MSG_UP1_SUM, args, 1),
			 DK_OK);
	ck_assert_int_eq(dk_findings_render(&f), DK_OK);
	ck_assert_ptr_nonnull(strstr(f.items[0].message, "sum to 0.9, not 1"));
	ck_assert_ptr_nonnull(strstr(f.items[0].message_nb, "summerer til 0,9, ikke 1"));
	dk_findings_release(&f);
}
END_TEST

/* The findings' counts, each in its plural form: the English message ids
 * themselves, the bokmål from po/nb.po's Plural-Forms. */
static char *counts(size_t e, size_t w, size_t i, bool english)
{
	dk_findings f;
	dk_findings_init(&f);
	f.counts[DK_SEV_ERROR] = e;
	f.counts[DK_SEV_WARNING] = w;
	f.counts[DK_SEV_INFO] = i;
	dk_strbuf b = {0};
	dk_findings_count_text(&b, &f, english);
	return dk_strbuf_done(&b);
}

START_TEST(counts_have_plural_forms)
{
	static const struct {
		size_t e, w, i;
		const char *en, *nb;
	} cases[] = {
		{1, 1, 1, "1 error, 1 warning, 1 info",
		 "1 feil, 1 advarsel, 1 til orientering"},
		{2, 13, 0, "2 errors, 13 warnings, 0 info",
		 "2 feil, 13 advarsler, 0 til orientering"},
		{0, 0, 2, "0 errors, 0 warnings, 2 info",
		 "0 feil, 0 advarsler, 2 til orientering"},
	};
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		char *en = counts(cases[k].e, cases[k].w, cases[k].i, true);
		char *nb = counts(cases[k].e, cases[k].w, cases[k].i, false);
		ck_assert_str_eq(en, cases[k].en);
		ck_assert_str_eq(nb, cases[k].nb);
		free(en);
		free(nb);
	}
	ck_assert_str_eq(dk_ntr(true, "%zu warning", "%zu warnings", 1), "%zu warning");
	ck_assert_str_eq(dk_ntr(false, "%zu warning", "%zu warnings", 5),
			 "%zu advarsler");
}
END_TEST

START_TEST(a_word_in_its_context)
{
	/* one English word, two bokmål ones */
	ck_assert_str_eq(dk_trc(false, "frame", "Total"), "Totalramme");
	ck_assert_str_eq(dk_tr(false, "Total"), "Sum");
	ck_assert_str_eq(dk_trc(true, "frame", "Total"), "Total");
	/* a key the catalogue lacks stays English */
	ck_assert_str_eq(dk_trc(false, "no such context", "Total"), "Total");
	/* severities and states in words, from the catalogue */
	ck_assert_str_eq(dk_severity_label(DK_SEV_WARNING, false), "advarsel");
	ck_assert_str_eq(dk_severity_label(DK_SEV_WARNING, true), "warning");
	ck_assert_str_eq(dk_state_label(DK_STATE_CAPPED, false), "tak");
	ck_assert_str_eq(dk_state_label(DK_STATE_CAPPED, true),
			 dk_state_name(DK_STATE_CAPPED));
	for (int s = 0; s < 3; s++)
		ck_assert_str_eq(dk_severity_label((dk_severity)s, true),
				 dk_severity_name((dk_severity)s));
}
END_TEST

int main(void)
{
	/* whatever the environment says, the catalogue must be found */
	setenv("LC_ALL", "C", 1);
	setenv("LANG", "C", 1);
	dk_i18n_init();
	Suite *s = suite_create("i18n");
	TCase *tc = tcase_create("catalogue");
	tcase_add_test(tc, every_message_is_translated);
	tcase_add_test(tc, a_finding_in_both_languages);
	tcase_add_test(tc, sentences_as_snprintf_writes_them);
	tcase_add_test(tc, decimals_follow_the_language);
	tcase_add_test(tc, counts_have_plural_forms);
	tcase_add_test(tc, a_word_in_its_context);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

/*
 * test_money.c: every number format of CLI.md, read and written.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/money.h"
#include "models/numtext.h"

static const dk_num_spec AMOUNT = {0, DK_KR_MAX, true, false, DK_DEC_AUTO};
static const dk_num_spec FTE = {2, 1000000000, false, false, DK_DEC_AUTO};
static const dk_num_spec PCT = {2, 100000, false, true, DK_DEC_AUTO};

static int64_t ok(const char *text, const dk_num_spec *spec)
{
	int64_t v = -1;
	ck_assert_msg(dk_decimal_parse(text, spec, &v) == DK_NUM_OK, "'%s' did not read",
		      text);
	return v;
}

static dk_num_result res(const char *text, const dk_num_spec *spec)
{
	int64_t v;
	return dk_decimal_parse(text, spec, &v);
}

static dk_num_spec with_mode(dk_num_spec s, dk_decimal_mode m)
{
	s.mode = m;
	return s;
}

START_TEST(amounts_with_digit_groups)
{
	ck_assert_int_eq(ok("3 309 141", &AMOUNT), 3309141);
	ck_assert_int_eq(ok("3309141", &AMOUNT), 3309141);
	ck_assert_int_eq(ok("  3 309 141 ", &AMOUNT), 3309141);
	ck_assert_int_eq(ok("3\xC2\xA0"
			    "309\xC2\xA0"
			    "141",
			    &AMOUNT),
			 3309141); /* no-break */
	ck_assert_int_eq(ok("3\xE2\x80\xAF"
			    "309\xE2\x80\xAF"
			    "141",
			    &AMOUNT),
			 3309141); /* narrow */
	ck_assert_int_eq(ok("3\xE2\x80\x89"
			    "309\xE2\x80\x89"
			    "141",
			    &AMOUNT),
			 3309141); /* thin */
	ck_assert_int_eq(ok("1.234.567", &AMOUNT), 1234567);
	ck_assert_int_eq(ok("1,234,567", &AMOUNT), 1234567);
	ck_assert_int_eq(ok("0", &AMOUNT), 0);
	ck_assert_int_eq(res("12 34", &AMOUNT), DK_NUM_SYNTAX);
	ck_assert_int_eq(res("1 2345", &AMOUNT), DK_NUM_SYNTAX);
	ck_assert_int_eq(res("1234 567", &AMOUNT), DK_NUM_SYNTAX);
}
END_TEST

START_TEST(amounts_with_currency)
{
	ck_assert_int_eq(ok("kr 3 309 141", &AMOUNT), 3309141);
	ck_assert_int_eq(ok("3 309 141 kr", &AMOUNT), 3309141);
	ck_assert_int_eq(ok("kr. 500", &AMOUNT), 500);
	ck_assert_int_eq(ok("NOK 910000", &AMOUNT), 910000);
	ck_assert_int_eq(ok("910 000 NOK", &AMOUNT), 910000);
	ck_assert_int_eq(ok("910 000,-", &AMOUNT), 910000);
	/* a currency is not allowed on an FTE */
	ck_assert_int_eq(res("kr 12", &FTE), DK_NUM_SYNTAX);
}
END_TEST

START_TEST(amounts_whole_kroner)
{
	ck_assert_int_eq(ok("3 309 141,00", &AMOUNT), 3309141);
	ck_assert_int_eq(res("3 309 141,50", &AMOUNT), DK_NUM_DECIMALS);
	ck_assert_int_eq(ok("1 000 000 000 000", &AMOUNT), 1000000000000);
	ck_assert_int_eq(res("1 000 000 000 001", &AMOUNT), DK_NUM_RANGE);
	ck_assert_int_eq(res("99999999999999999999999", &AMOUNT), DK_NUM_RANGE);
	ck_assert_int_eq(res("-5", &AMOUNT), DK_NUM_NEGATIVE);
	ck_assert_int_eq(res("\xE2\x88\x92"
			     "5",
			     &AMOUNT),
			 DK_NUM_NEGATIVE); /* U+2212 */
	ck_assert_int_eq(res("tre millioner", &AMOUNT), DK_NUM_SYNTAX);
	ck_assert_int_eq(res("12a", &AMOUNT), DK_NUM_SYNTAX);
}
END_TEST

START_TEST(empty_and_dashes)
{
	ck_assert_int_eq(res("", &AMOUNT), DK_NUM_EMPTY);
	ck_assert_int_eq(res("   ", &AMOUNT), DK_NUM_EMPTY);
	ck_assert_int_eq(res("-", &AMOUNT), DK_NUM_EMPTY);
	ck_assert_int_eq(res("\xE2\x80\x93", &AMOUNT), DK_NUM_EMPTY); /* en dash */
}
END_TEST

START_TEST(decimals)
{
	ck_assert_int_eq(ok("320,5", &FTE), 32050);
	ck_assert_int_eq(ok("320.5", &FTE), 32050);
	ck_assert_int_eq(ok("320,55", &FTE), 32055);
	ck_assert_int_eq(ok("2 070,5", &FTE), 207050);
	ck_assert_int_eq(ok("1.234,56", &FTE), 123456);
	ck_assert_int_eq(ok("1,234.56", &FTE), 123456);
	ck_assert_int_eq(ok("0,500", &FTE), 50); /* a leading 0 is no group */
	ck_assert_int_eq(ok("12,5000", &FTE), 1250);
	ck_assert_int_eq(res("12,345", &FTE), DK_NUM_AMBIGUOUS);
	ck_assert_int_eq(res("12,3456", &FTE), DK_NUM_DECIMALS);
	dk_num_spec comma = with_mode(FTE, DK_DEC_COMMA);
	ck_assert_int_eq(res("320,555", &comma), DK_NUM_DECIMALS);
}
END_TEST

START_TEST(ambiguous_separators)
{
	/* "1,500": one and a half, or fifteen hundred? Never a guess. */
	ck_assert_int_eq(res("1,500", &FTE), DK_NUM_AMBIGUOUS);
	ck_assert_int_eq(res("1.500", &FTE), DK_NUM_AMBIGUOUS);
	ck_assert_int_eq(res("1,500", &AMOUNT), DK_NUM_AMBIGUOUS);
	ck_assert_int_eq(res("1.500", &AMOUNT), DK_NUM_AMBIGUOUS);
	ck_assert_int_eq(res("999,999", &AMOUNT), DK_NUM_AMBIGUOUS);
	dk_num_spec comma = with_mode(FTE, DK_DEC_COMMA);
	dk_num_spec point = with_mode(FTE, DK_DEC_POINT);
	ck_assert_int_eq(ok("1,500", &comma), 150);
	ck_assert_int_eq(ok("1.500", &comma), 150000);
	ck_assert_int_eq(ok("1,500", &point), 150000);
	ck_assert_int_eq(ok("1.500", &point), 150);
	dk_num_spec acomma = with_mode(AMOUNT, DK_DEC_COMMA);
	ck_assert_int_eq(ok("1.500", &acomma), 1500);
	ck_assert_int_eq(res("1,500", &acomma), DK_NUM_DECIMALS);
	/* with spaces as groups, a single separator can only be decimal */
	ck_assert_int_eq(ok("1 234,500", &FTE), 123450);
	/* a mode contradicted by the text is an error, not a reading */
	ck_assert_int_eq(res("1.234,5", &point), DK_NUM_SYNTAX);
}
END_TEST

START_TEST(percentages)
{
	ck_assert_int_eq(ok("40", &PCT), 4000);
	ck_assert_int_eq(ok("40 %", &PCT), 4000);
	ck_assert_int_eq(ok("40%", &PCT), 4000);
	ck_assert_int_eq(ok("40,5 %", &PCT), 4050);
	ck_assert_int_eq(ok("0", &PCT), 0);
	ck_assert_int_eq(res("40 %", &AMOUNT), DK_NUM_SYNTAX);
	ck_assert_int_eq(res("førti", &PCT), DK_NUM_SYNTAX);
}
END_TEST

/* A cell of digits alone is read by a short path; with a space before or
 * after it the full rule reads it. Both must agree on every length (up to
 * past the short path's 15 digits and past int64), every spec and mode:
 * the same result and the same value. */
START_TEST(digits_alone_as_the_full_rule)
{
	static const dk_num_spec ones = {3, 999999999999999999, false, false,
					 DK_DEC_AUTO};
	const dk_num_spec specs[] = {AMOUNT,
				     FTE,
				     PCT,
				     ones,
				     with_mode(AMOUNT, DK_DEC_COMMA),
				     with_mode(FTE, DK_DEC_POINT),
				     {4, 1000000, false, false, DK_DEC_AUTO}};
	unsigned long long z = 3;
	for (int round = 0; round < 20000; round++) {
		char digits[40], padded[48], after[48];
		size_t len = 1 + (size_t)round % 22;
		for (size_t i = 0; i < len; i++) {
			z = z * 6364136223846793005ULL + 1442695040888963407ULL;
			/* leading zeros and nines (the largest values) often */
			unsigned r = (unsigned)(z >> 33) % 12;
			digits[i] = r == 10 ? '0' : r == 11 ? '9' : (char)('0' + r);
		}
		digits[len] = '\0';
		snprintf(padded, sizeof padded, " %s", digits);
		snprintf(after, sizeof after, "%s ", digits);
		for (size_t k = 0; k < sizeof specs / sizeof *specs; k++) {
			int64_t a = -1, b = -1, c = -1;
			dk_num_result ra = dk_decimal_parse(digits, &specs[k], &a);
			dk_num_result rb = dk_decimal_parse(padded, &specs[k], &b);
			dk_num_result rc = dk_decimal_parse(after, &specs[k], &c);
			ck_assert_msg(ra == rb && ra == rc && a == b && a == c,
				      "'%s' spec %zu: %d %lld, full rule %d %lld", digits,
				      k, (int)ra, (long long)a, (int)rb, (long long)b);
		}
	}
	/* by hand: the scale, the limit, the longest short path and beyond */
	ck_assert_int_eq(ok("2529", &FTE), 252900);
	ck_assert_int_eq(ok("007", &AMOUNT), 7);
	ck_assert_int_eq(res("100001",
			     &(dk_num_spec){0, 100000, false, false, DK_DEC_AUTO}),
			 DK_NUM_RANGE);
	ck_assert_int_eq(ok("999999999999999", &ones), 999999999999999000);
	ck_assert_int_eq(res("1000000000001", &AMOUNT), DK_NUM_RANGE);
	ck_assert_int_eq(res("99999999999999999999", &AMOUNT), DK_NUM_RANGE);
}
END_TEST

START_TEST(formatting)
{
	char buf[64];
	dk_kr_format(3309141, buf, sizeof buf);
	ck_assert_str_eq(buf, "3 309 141");
	dk_kr_format(0, buf, sizeof buf);
	ck_assert_str_eq(buf, "0");
	dk_kr_format(999, buf, sizeof buf);
	ck_assert_str_eq(buf, "999");
	dk_kr_format(1000, buf, sizeof buf);
	ck_assert_str_eq(buf, "1 000");
	dk_kr_format(-1000000000000, buf, sizeof buf);
	ck_assert_str_eq(buf, "-1 000 000 000 000");
	dk_decimal_format(-1234567, 2, "\xC2\xA0", ",", buf, sizeof buf);
	ck_assert_str_eq(buf,
			 "-12\xC2\xA0"
			 "345,67");
	dk_decimal_format(5, 2, " ", ",", buf, sizeof buf);
	ck_assert_str_eq(buf, "0,05");
	/* what is written reads back */
	int64_t v;
	dk_decimal_format(207050, 2, " ", ",", buf, sizeof buf);
	ck_assert_int_eq(dk_decimal_parse(buf, &FTE, &v), DK_NUM_OK);
	ck_assert_int_eq(v, 207050);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("money");
	TCase *tc = tcase_create("parse");
	tcase_add_test(tc, amounts_with_digit_groups);
	tcase_add_test(tc, amounts_with_currency);
	tcase_add_test(tc, amounts_whole_kroner);
	tcase_add_test(tc, empty_and_dashes);
	tcase_add_test(tc, decimals);
	tcase_add_test(tc, ambiguous_separators);
	tcase_add_test(tc, percentages);
	tcase_add_test(tc, digits_alone_as_the_full_rule);
	tcase_add_test(tc, formatting);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

/*
 * money.h: amounts as 64-bit integers, and the number formats Norwegian
 * spreadsheets write.
 *
 * An allocation amount is a dk_kr: whole kroner in an int64_t. Other
 * decimal quantities are scaled integers: teacher FTE in hundredths,
 * stated percentages in ten-thousandths (DK_PCT_ONE is one percent),
 * ratios and shares in millionths (DK_RATIO_ONE). No double
 * ever holds an amount.
 *
 * dk_decimal_parse reads one cell: digit groups with spaces, no-break or
 * narrow no-break spaces ("3 309 141"), a decimal comma or point, `kr` or
 * `NOK` around an amount, `%` after a percentage. One separator followed by
 * exactly three digits ("1,500", "1.500") can be read two ways; unless the
 * caller settles it with a dk_decimal_mode it is DK_NUM_AMBIGUOUS, never a
 * guess.
 */
#ifndef DK_MONEY_H
#define DK_MONEY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef int64_t dk_kr;

/* Products and sums of amounts and weights: GCC's 128-bit integers. */
__extension__ typedef __int128 dk_i128;
__extension__ typedef unsigned __int128 dk_u128;

#define DK_KR_MAX INT64_C(1000000000000) /* 10^12 NOK: larger is an error */
#define DK_RATIO_ONE INT64_C(1000000)    /* a ratio of 1 in millionths */
/* Stated percentages keep this many decimals: the value 40 % is
 * 40·10^DK_PCT_DECIMALS, and DK_PCT_ONE is one percent. */
#define DK_PCT_DECIMALS 4
#define DK_PCT_ONE INT64_C(10000)

typedef enum {
	DK_DEC_AUTO = 0, /* decide from the text; ambiguous is an error */
	DK_DEC_COMMA,    /* --decimal-comma: ',' is decimal, '.' groups */
	DK_DEC_POINT     /* --decimal-point: '.' is decimal, ',' groups */
} dk_decimal_mode;

typedef enum {
	DK_NUM_OK = 0,
	DK_NUM_EMPTY,     /* empty, "-" or an en dash: zero where allowed */
	DK_NUM_SYNTAX,    /* not a number */
	DK_NUM_AMBIGUOUS, /* "1,500": one and a half or fifteen hundred? */
	DK_NUM_DECIMALS,  /* more decimals than the field allows */
	DK_NUM_NEGATIVE,  /* a minus sign where values cannot be negative */
	DK_NUM_RANGE      /* above the field's maximum */
} dk_num_result;

typedef struct {
	int decimals;  /* digits after the point kept: value is scaled */
	int64_t max;   /* largest scaled value allowed */
	bool currency; /* `kr`, `kr.`, `NOK` allowed before or after */
	bool percent;  /* `%` allowed after */
	dk_decimal_mode mode;
} dk_num_spec;

/* Parses text (UTF-8, NUL-terminated) into *out, scaled by 10^decimals.
 * Extra decimals are accepted only when they are zeros ("3 309 141,00"). */
dk_num_result dk_decimal_parse(const char *text, const dk_num_spec *spec, int64_t *out);

/* What a field expects, in words, for a message: "a whole amount in
 * kroner", "a number with at most 2 decimals", ...: an English message id
 * (N_), which the caller translates. */
const char *dk_num_expected(const dk_num_spec *spec);

#endif

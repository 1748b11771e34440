/*
 * numtext.h: how a number is written for a person or a file, in one place.
 * Every writer and message uses these, so that λ, an amount or a share
 * reads the same in the table, the report, the workbook, `explain` and the
 * findings (the structure issue's defect: `2 454,795487` in one and
 * `2454,795487` in another).
 *
 * A number is an exact scaled integer or fraction; a format (dk_numfmt)
 * says the digit group, the decimal mark and how many trailing zeros of the
 * fraction are kept. Rounding is half up (away from zero), once, where the
 * caller asks for a number of decimals. No double is involved.
 */
#ifndef DK_NUMTEXT_H
#define DK_NUMTEXT_H

#include <stddef.h>
#include <stdint.h>

#include "models/money.h"

typedef struct {
	const char *group; /* between groups of three digits: "", " ", or a
			       no-break space */
	const char *mark;  /* decimal mark: "." or "," */
	int keep;          /* trailing zero decimals are cut down to this
			       many; -1 keeps them all */
} dk_numfmt;

/* Files and JSON: 1234.5, no digit groups, trailing zeros cut. */
#define DK_NUMFMT_PLAIN ((dk_numfmt){"", ".", 0})
/* People: digit groups with a space, the language's decimal mark,
 * trailing zeros cut down to `keep`. */
#define DK_NUMFMT_PEOPLE(english, k) ((dk_numfmt){" ", (english) ? "." : ",", (k)})

/* v scaled by 10^scale (v = 12345, scale 2: 123.45), in format f. Returns
 * the length written (buf is NUL-terminated, cut to size - 1). */
size_t dk_numtext(int64_t v, int scale, const dk_numfmt *f, char *buf, size_t size);

/* num / den (den > 0) rounded half up to `digits` decimals, in format f. */
size_t dk_numtext_ratio(dk_i128 num, dk_i128 den, int digits, const dk_numfmt *f,
			char *buf, size_t size);

/* For files and JSON (DK_NUMFMT_PLAIN): v scaled by 10^decimals; a
 * fraction rounded half up to `digits`; a share with 6 decimals
 * ("0.498246"). Trailing zeros cut. */
void dk_scaled_plain(int64_t v, int decimals, char *buf, size_t size);
void dk_ratio_plain(dk_i128 num, dk_i128 den, int digits, char *buf, size_t size);
void dk_share_str(dk_i128 num, dk_i128 den, char *buf, size_t size);

/* Writes v (scaled by 10^decimals) with `group` between groups of three
 * ("3 309 141") and `point` before the decimals, trailing zero decimals
 * kept. Returns the length written. */
size_t dk_decimal_format(int64_t v, int decimals, const char *group, const char *point,
			 char *buf, size_t size);

/* Whole kroner with a plain space as group: "3 309 141". */
size_t dk_kr_format(dk_kr v, char *buf, size_t size);

/* Decimal text of v (at most 40 digits and a sign). */
void dk_i128_str(dk_i128 v, char *buf, size_t size);

/* v / d as a decimal with `digits` decimals, rounded half away from zero,
 * trailing zeros kept, a decimal point, no groups. d > 0. */
void dk_ratio_str(dk_i128 v, dk_i128 d, int digits, char *buf, size_t size);

#endif

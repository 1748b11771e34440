/*
 * fuzz_number.c: libFuzzer target for dk_decimal_parse (models/money.c),
 * the one reader of every number a person writes in a cell or a JSON file.
 *
 * The first byte chooses the spec: bits 0-1 the decimal mode (3 is auto
 * too), bit 2 `kr`/`NOK` allowed, bit 3 `%` allowed, bits 4-7 the decimals
 * kept (0 to 15; the readers use 0, 2, 4 and 6). The second byte chooses
 * the largest value from the readers' limits. The rest is the cell, as a
 * NUL-terminated string of its own (so that a read past its end is an
 * AddressSanitizer report).
 *
 * Besides not crashing, a value read must be within 0 and the maximum, a
 * failed read must leave 0, and a value read must come back the same when
 * it is written with Norwegian digit groups (dk_decimal_format) and read
 * again under --decimal-comma, and under --decimal-point when written
 * with a point.
 */
#include <stdlib.h>
#include <string.h>

#include "models/money.h"
#include "tests/fuzz/fuzz.h"
#include "models/numtext.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* clang-format off */
static const int64_t maxima[] = {
	DK_KR_MAX,                          /* amounts */
	INT64_C(10000000) * 100,            /* teacher FTE, hundredths */
	DK_KR_MAX * DK_PCT_ONE,             /* stated percentages */
	DK_RATIO_ONE,                       /* shares */
	100 * DK_RATIO_ONE,                 /* ratios of checks */
	9999,                               /* a year */
	12,                                 /* semesters */
	1000000,                            /* Monte Carlo runs */
	0,
	INT64_MAX,
};
/* clang-format on */

/* Writes v with `group` and `point` and reads it back under `mode`. */
static void round_trip(int64_t v, const dk_num_spec *spec, const char *group,
		       const char *point, dk_decimal_mode mode)
{
	char buf[128];
	dk_num_spec again = *spec;
	again.mode = mode;
	size_t n = dk_decimal_format(v, spec->decimals, group, point, buf, sizeof buf);
	dk_fuzz_assert(n < sizeof buf);
	int64_t back = -1;
	dk_num_result r = dk_decimal_parse(buf, &again, &back);
	dk_fuzz_assert(r == DK_NUM_OK && back == v);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	dk_num_spec spec;
	memset(&spec, 0, sizeof spec);
	spec.mode = (dk_decimal_mode)((data[0] & 3) % 3);
	spec.currency = (data[0] & 4) != 0;
	spec.percent = (data[0] & 8) != 0;
	spec.decimals = data[0] >> 4;
	spec.max = maxima[data[1] % (sizeof maxima / sizeof maxima[0])];

	size_t n = size - 2;
	char *text = malloc(n + 1);
	if (!text)
		return 0;
	memcpy(text, data + 2, n);
	text[n] = '\0';

	int64_t v = -1;
	dk_num_result r = dk_decimal_parse(text, &spec, &v);
	dk_fuzz_assert(r >= DK_NUM_OK && r <= DK_NUM_RANGE);
	dk_fuzz_assert(dk_num_expected(&spec) != NULL);
	if (r == DK_NUM_OK) {
		dk_fuzz_assert(v >= 0 && v <= spec.max);
		round_trip(v, &spec, " ", ",", DK_DEC_COMMA);
		round_trip(v, &spec, "\xC2\xA0", ",", DK_DEC_COMMA);
		round_trip(v, &spec, ",", ".", DK_DEC_POINT);
		round_trip(v, &spec, ".", ",", DK_DEC_COMMA);
	} else {
		dk_fuzz_assert(v == 0);
	}
	free(text);
	return 0;
}

/*
 * money.c: reading and writing numbers the way Norwegian spreadsheets do.
 *
 * The parser first peels what may surround a number (spaces of every kind,
 * `kr`/`NOK`, `%`, a sign), then classifies the separators that remain:
 *
 *   - both ',' and '.': the last one is the decimal separator, the other
 *     groups digits;
 *   - one kind, several times: it groups digits ("3.309.141");
 *   - one kind, once: decimal, unless exactly three digits follow it and the
 *     digits before could be a first group (1 to 3 digits, not "0"): then
 *     "1,500" is fifteen hundred or one and a half, and only the caller's
 *     dk_decimal_mode may settle it;
 *   - spaces group digits; with spaces, a single ',' or '.' is decimal.
 *
 * Groups are checked (first 1-3 digits, then exactly 3), so "12 34" is not
 * read as 1234. Values are accumulated in int64 with overflow checks against
 * spec->max; the result is the exact scaled integer.
 */
#include "money.h"
#include "models/msgid.h"

#include <string.h>

/* Length of a space-like character at s (ASCII space or tab, U+00A0,
 * U+202F, U+2009), or 0. */
static size_t space_len(const unsigned char *s)
{
	if (s[0] == ' ' || s[0] == '\t')
		return 1;
	if (s[0] == 0xC2 && s[1] == 0xA0)
		return 2;
	if (s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0xAF || s[2] == 0x89))
		return 3;
	return 0;
}

static int lower(int c)
{
	return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

static bool has_prefix_ci(const char *s, size_t n, const char *p)
{
	size_t k = strlen(p);
	if (k > n)
		return false;
	for (size_t i = 0; i < k; i++)
		if (lower((unsigned char)s[i]) != p[i])
			return false;
	return true;
}

static bool has_suffix_ci(const char *s, size_t n, const char *p)
{
	size_t k = strlen(p);
	return k <= n && has_prefix_ci(s + n - k, k, p);
}

/* Trims space-like characters from both ends of [*b, *e). */
static void trim(const char **b, const char **e)
{
	size_t k;
	while (*b < *e && (k = space_len((const unsigned char *)*b)) != 0)
		*b += k;
	for (;;) {
		const char *p = *e;
		if (p > *b && (p[-1] == ' ' || p[-1] == '\t'))
			p -= 1;
		else if (p - *b >= 2 && (unsigned char)p[-2] == 0xC2 &&
			 (unsigned char)p[-1] == 0xA0)
			p -= 2;
		else if (p - *b >= 3 && (unsigned char)p[-3] == 0xE2 &&
			 (unsigned char)p[-2] == 0x80 &&
			 ((unsigned char)p[-1] == 0xAF || (unsigned char)p[-1] == 0x89))
			p -= 3;
		else
			break;
		*e = p;
	}
}

static bool is_dash(const char *b, const char *e)
{
	size_t n = (size_t)(e - b);
	return (n == 1 && b[0] == '-') ||
		(n == 3 &&
		 (memcmp(b, "\xE2\x80\x93", 3) == 0 ||
		  memcmp(b, "\xE2\x80\x94", 3) == 0));
}

/* Checks that digits[0..n) split by `group` form valid groups of three. */
static bool groups_ok(const char *s, size_t n, char group)
{
	size_t run = 0, groups = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == group) {
			if (run == 0 || (groups == 0 ? run > 3 : run != 3))
				return false;
			groups++;
			run = 0;
		} else {
			run++;
		}
	}
	if (run == 0)
		return n == 0;
	return groups == 0 || run == 3;
}

static size_t count_char(const char *s, size_t n, char c)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += s[i] == c;
	return k;
}

static const char *last_char(const char *s, size_t n, char c)
{
	for (size_t i = n; i > 0; i--)
		if (s[i - 1] == c)
			return s + i - 1;
	return NULL;
}

/* The common cell: nothing but 1 to 15 ASCII digits. What the full rule
 * below makes of it (no spaces to trim, no unit, sign or separator), in a
 * loop: 10¹⁵ scaled by up to 10³ cannot overflow. False for anything
 * else, which the full rule reads. */
static bool digits_only(const char *text, const dk_num_spec *spec, int64_t *v)
{
	int64_t x = 0;
	size_t n = 0;
	for (; text[n] >= '0' && text[n] <= '9'; n++) {
		if (n == 15)
			return false;
		x = x * 10 + (text[n] - '0');
	}
	if (n == 0 || text[n] != '\0' || spec->decimals > 3)
		return false;
	for (int k = 0; k < spec->decimals; k++)
		x *= 10;
	*v = x;
	return true;
}

dk_num_result dk_decimal_parse(const char *text, const dk_num_spec *spec, int64_t *out)
{
	int64_t fast;
	*out = 0;
	if (digits_only(text, spec, &fast)) {
		if (fast > spec->max)
			return DK_NUM_RANGE;
		*out = fast;
		return DK_NUM_OK;
	}
	const char *b = text, *e = text + strlen(text);
	bool negative = false;

	trim(&b, &e);
	if (b == e || is_dash(b, e))
		return DK_NUM_EMPTY;
	if (spec->currency) {
		if (has_suffix_ci(b, (size_t)(e - b), ",-"))
			e -= 2;
		static const char *const units[] = {"kr.", "kr", "nok"};
		for (size_t i = 0; i < 3; i++) {
			if (has_prefix_ci(b, (size_t)(e - b), units[i])) {
				b += strlen(units[i]);
				break;
			}
		}
		for (size_t i = 0; i < 3; i++) {
			if (has_suffix_ci(b, (size_t)(e - b), units[i])) {
				e -= strlen(units[i]);
				break;
			}
		}
		trim(&b, &e);
	}
	if (spec->percent && e > b && e[-1] == '%') {
		e--;
		trim(&b, &e);
	}
	if (e > b && (*b == '-' || *b == '+')) {
		negative = *b == '-';
		b++;
	} else if (e - b >= 3 && memcmp(b, "\xE2\x88\x92", 3) == 0) {
		negative = true;
		b += 3;
	}
	if (b == e)
		return DK_NUM_SYNTAX;

	/* Normalise to ASCII: digits, ',', '.', and ' ' for any group space. */
	char body[96];
	size_t n = 0;
	for (const char *p = b; p < e;) {
		size_t k = space_len((const unsigned char *)p);
		char c = *p;
		if (k) {
			c = ' ';
			p += k;
		} else if ((c >= '0' && c <= '9') || c == ',' || c == '.') {
			p++;
		} else {
			return DK_NUM_SYNTAX;
		}
		if (n + 1 >= sizeof body)
			return DK_NUM_SYNTAX;
		body[n++] = c;
	}
	body[n] = '\0';

	size_t commas = count_char(body, n, ','), points = count_char(body, n, '.');
	bool spaces = count_char(body, n, ' ') > 0;
	char group = spaces ? ' ' : 0, dec = 0;

	if (commas && points) {
		const char *lc = last_char(body, n, ','), *lp = last_char(body, n, '.');
		dec = lc > lp ? ',' : '.';
		char other = dec == ',' ? '.' : ',';
		if (spaces || count_char(body, n, dec) != 1)
			return DK_NUM_SYNTAX;
		if ((spec->mode == DK_DEC_COMMA && dec != ',') ||
		    (spec->mode == DK_DEC_POINT && dec != '.'))
			return DK_NUM_SYNTAX;
		group = other;
	} else if (commas || points) {
		char c = commas ? ',' : '.';
		size_t count = commas ? commas : points;
		bool mode_says_decimal = (spec->mode == DK_DEC_COMMA && c == ',') ||
			(spec->mode == DK_DEC_POINT && c == '.');
		bool mode_says_group = spec->mode != DK_DEC_AUTO && !mode_says_decimal;
		if (count > 1 || mode_says_group) {
			if (spaces || mode_says_decimal)
				return DK_NUM_SYNTAX;
			group = c;
		} else if (spaces || mode_says_decimal) {
			dec = c;
		} else {
			const char *sep = last_char(body, n, c);
			size_t before = (size_t)(sep - body);
			size_t after = n - before - 1;
			bool could_group = after == 3 && before >= 1 && before <= 3 &&
				!(before == 1 && body[0] == '0');
			if (could_group)
				return DK_NUM_AMBIGUOUS;
			dec = c;
		}
	}

	size_t int_len = n;
	if (dec)
		int_len = (size_t)(last_char(body, n, dec) - body);
	if (group) {
		if (!groups_ok(body, int_len, group))
			return DK_NUM_SYNTAX;
	} else if (int_len == 0 && !dec) {
		return DK_NUM_SYNTAX;
	}

	int64_t v = 0;
	bool any_digit = false;
	int64_t limit = spec->max;
	for (size_t i = 0; i < int_len; i++) {
		if (body[i] == group)
			continue;
		any_digit = true;
		int d = body[i] - '0';
		if (v > (INT64_MAX - d) / 10)
			return DK_NUM_RANGE;
		v = v * 10 + d;
	}
	for (int k = 0; k < spec->decimals; k++) {
		if (v > INT64_MAX / 10)
			return DK_NUM_RANGE;
		v *= 10;
	}
	if (dec) {
		int64_t scale = 1;
		for (int k = 0; k < spec->decimals; k++)
			scale *= 10;
		int64_t frac = 0;
		size_t fi = 0;
		for (size_t i = int_len + 1; i < n; i++, fi++) {
			if (body[i] < '0' || body[i] > '9')
				return DK_NUM_SYNTAX;
			any_digit = true;
			int d = body[i] - '0';
			if ((int)fi < spec->decimals) {
				scale /= 10;
				frac += d * scale;
			} else if (d != 0) {
				return DK_NUM_DECIMALS;
			}
		}
		if (fi == 0 && int_len == 0)
			return DK_NUM_SYNTAX;
		if (v > INT64_MAX - frac)
			return DK_NUM_RANGE;
		v += frac;
	}
	if (!any_digit)
		return DK_NUM_SYNTAX;
	if (negative && v != 0)
		return DK_NUM_NEGATIVE;
	if (v > limit)
		return DK_NUM_RANGE;
	*out = v;
	return DK_NUM_OK;
}

const char *dk_num_expected(const dk_num_spec *spec)
{
	/* message ids: io/ translates them where it shows them */
	if (spec->percent)
		return N_("a percentage such as '40' or '40,5 %'");
	if (spec->currency)
		return N_("a whole amount in kroner such as '3 309 141'");
	if (spec->decimals == 2)
		return N_("a number with at most 2 decimals such as '320,5'");
	return N_("a number");
}

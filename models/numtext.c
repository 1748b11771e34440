/*
 * numtext.c: numbers as text (see numtext.h).
 */
#include "models/numtext.h"

#include <stdbool.h>
#include <string.h>

#include "models/exact.h"

size_t dk_decimal_format(int64_t v, int decimals, const char *group, const char *point,
			 char *buf, size_t size)
{
	char digits[32];
	size_t nd = 0, o = 0;
	bool neg = v < 0;
	uint64_t u = neg ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	do {
		digits[nd++] = (char)('0' + (int)(u % 10));
		u /= 10;
	} while (u || nd <= (size_t)decimals);
	/* digits[] holds the number reversed; the first `decimals` are the
	 * fraction. */
	char tmp[96];
	if (neg)
		tmp[o++] = '-';
	size_t int_digits = nd - (size_t)decimals;
	size_t glen = strlen(group), plen = strlen(point);
	for (size_t i = 0; i < int_digits; i++) {
		tmp[o++] = digits[nd - 1 - i];
		size_t left = int_digits - 1 - i;
		if (left && left % 3 == 0) {
			memcpy(tmp + o, group, glen);
			o += glen;
		}
	}
	if (decimals > 0) {
		memcpy(tmp + o, point, plen);
		o += plen;
		for (int i = decimals - 1; i >= 0; i--)
			tmp[o++] = digits[i];
	}
	tmp[o] = '\0';
	if (size) {
		size_t k = o < size - 1 ? o : size - 1;
		memcpy(buf, tmp, k);
		buf[k] = '\0';
	}
	return o;
}

size_t dk_kr_format(dk_kr v, char *buf, size_t size)
{
	return dk_decimal_format(v, 0, " ", ",", buf, size);
}

void dk_i128_str(dk_i128 v, char *buf, size_t size)
{
	char tmp[48];
	size_t n = 0;
	int neg = v < 0;
	dk_u128 u = neg ? (dk_u128)0 - (dk_u128)v : (dk_u128)v;
	do {
		tmp[n++] = (char)('0' + (int)(u % 10));
		u /= 10;
	} while (u);
	size_t o = 0;
	if (neg && o + 1 < size)
		buf[o++] = '-';
	while (n && o + 1 < size)
		buf[o++] = tmp[--n];
	if (size)
		buf[o] = '\0';
}

void dk_ratio_str(dk_i128 v, dk_i128 d, int digits, char *buf, size_t size)
{
	int neg = v < 0;
	dk_i128 a = neg ? -v : v;
	dk_i128 scale = 1;
	for (int k = 0; k < digits; k++)
		scale *= 10;
	dk_i128 q, r;
	if (dk_muldiv(a, scale, d, &q, &r) != 0) {
		q = a / d * scale; /* cannot happen for the values we print */
		r = 0;
	}
	if (2 * r >= d)
		q++;
	dk_i128 ip = q / scale, fp = q % scale;
	char is[48], fs[48];
	dk_i128_str(ip, is, sizeof is);
	dk_i128_str(fp, fs, sizeof fs);
	char pad[48];
	size_t fl = strlen(fs), o = 0;
	for (size_t k = fl; k < (size_t)digits; k++)
		pad[o++] = '0';
	memcpy(pad + o, fs, fl + 1);
	if (digits == 0)
		pad[0] = '\0';
	size_t w = 0;
	if (neg && q != 0 && w + 1 < size)
		buf[w++] = '-';
	for (const char *s = is; *s && w + 1 < size; s++)
		buf[w++] = *s;
	if (digits > 0 && w + 1 < size)
		buf[w++] = '.';
	for (const char *s = pad; *s && w + 1 < size; s++)
		buf[w++] = *s;
	if (size)
		buf[w] = '\0';
}

/* Cuts trailing zero decimals after `mark` down to `keep`, and the mark
 * itself when none are left. */
static size_t trim(char *buf, size_t n, const char *mark, int keep)
{
	if (keep < 0)
		return n;
	char *m = strstr(buf, mark);
	if (!m)
		return n;
	size_t first = (size_t)(m - buf) + strlen(mark);
	while (n > first + (size_t)keep && buf[n - 1] == '0')
		buf[--n] = '\0';
	if (n == first)
		buf[n = (size_t)(m - buf)] = '\0';
	return n;
}

size_t dk_numtext(int64_t v, int scale, const dk_numfmt *f, char *buf, size_t size)
{
	size_t n = dk_decimal_format(v, scale, f->group, f->mark, buf, size);
	if (n >= size)
		n = size ? size - 1 : 0;
	return scale > 0 ? trim(buf, n, f->mark, f->keep) : n;
}

size_t dk_numtext_ratio(dk_i128 num, dk_i128 den, int digits, const dk_numfmt *f,
			char *buf, size_t size)
{
	/* exact to `digits` decimals, half away from zero, as a scaled integer
	 * when it fits, so that digit groups apply */
	dk_i128 scale = 1, q, r;
	for (int k = 0; k < digits; k++)
		scale *= 10;
	bool neg = (num < 0) != (den < 0);
	dk_i128 a = num < 0 ? -num : num, d = den < 0 ? -den : den;
	if (d != 0 && dk_muldiv(a, scale, d, &q, &r) == 0 && q < (dk_i128)INT64_MAX) {
		if (2 * r >= d)
			q++;
		return dk_numtext(neg ? -(int64_t)q : (int64_t)q, digits, f, buf, size);
	}
	dk_ratio_str(num, den, digits, buf, size);
	return trim(buf, strlen(buf), ".", f->mark[0] == '.' ? f->keep : -1);
}

void dk_scaled_plain(int64_t v, int decimals, char *buf, size_t size)
{
	dk_numfmt f = DK_NUMFMT_PLAIN;
	dk_numtext(v, decimals, &f, buf, size);
}

void dk_ratio_plain(dk_i128 num, dk_i128 den, int digits, char *buf, size_t size)
{
	dk_numfmt f = DK_NUMFMT_PLAIN;
	dk_numtext_ratio(num, den, digits, &f, buf, size);
}

void dk_share_str(dk_i128 num, dk_i128 den, char *buf, size_t size)
{
	dk_ratio_plain(num, den, 6, buf, size);
}

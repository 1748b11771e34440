/*
 * columns.c: the canonical columns, their labels and aliases, and the
 * columns dekom writes besides them (see columns.h).
 *
 * Headers are compared as keys (dk_header_key): normalised (trimmed, NFC,
 * case-folded), with runs of spaces, '_' and '-' as one space, so that a
 * header matches however a person separates its words. The labels are the
 * headers dekom itself prints, so an output table reads back.
 */
#include "models/columns.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <unicase.h>
#include <uninorm.h>

#include <stdio.h>
#include <string.h>

/* clang-format off */
static const dk_column_def table[DK_COL_COUNT] = {
	{DK_COL_NETWORK, "network", "Nettverk", "Network",
	 {"nettverk_navn", "kompetansenettverk", "navn"},
	 NULL, 0, DK_KIND_NAME, true, N_("the network's name")},
	{DK_COL_PREVIOUS, "previous", "Forrige år", "Previous",
	 {"forrige", "tildeling_forrige_år", NULL},
	 "", -1, DK_KIND_AMOUNT, false, N_("last year's allocation")},
	{DK_COL_FTE, "fte", "Lærerårsverk", "FTE", {"lærerårsverk", NULL, NULL},
	 NULL, 0, DK_KIND_FTE, false, N_("teacher FTE, up to 2 decimals")},
	{DK_COL_NEED, "need", "Meldt behov", "Need", {"meldt_behov", NULL, NULL},
	 "Meldt behov for ", 0, DK_KIND_AMOUNT, true, N_("reported need")},
	{DK_COL_SELF_FINANCING, "self_financing", "Egenfinansiering", "Self-financing",
	 {"egenfinansiering", NULL, NULL},
	 NULL, 0, DK_KIND_AMOUNT, false, N_("self-financing")},
	/* "Nettverk" is the own share in the forum's sheet, and the label of
	 * dekom's name column: see dk_column_label_clash */
	{DK_COL_OWN, "own", "Nettverk (egen)", "Own", {"nettverk", "egen_andel", NULL},
	 NULL, 0, DK_KIND_AMOUNT, false, N_("the network's own share of the need")},
	{DK_COL_COORDINATOR, "coordinator", "Koordinator", "Coordinator",
	 {"koordinator", NULL, NULL},
	 NULL, 0, DK_KIND_AMOUNT, false, N_("coordinator")},
	{DK_COL_UH_OTHER, "uh_other", "Andre/usikker", "Other/uncertain",
	 {"andre_usikker", "Andre/Usikker", NULL},
	 NULL, 0, DK_KIND_AMOUNT, false, N_("UP2 not yet assigned to a university")},
	{DK_COL_STATED_OWN_PCT, "stated_own_pct", "Oppgitt nettverksandel",
	 "Stated network share", {NULL, NULL, NULL},
	 NULL, 0, DK_KIND_PERCENT, false, N_("stated network share, percent")},
	{DK_COL_STATED_UH_PCT, "stated_uh_pct", "Oppgitt UH-andel", "Stated UH share",
	 {NULL, NULL, NULL},
	 NULL, 0, DK_KIND_PERCENT, false, N_("stated university share, percent")},
	{DK_COL_STATED_RECOMMENDED, "stated_recommended", "Innstilt beløp",
	 "Stated recommendation", {"innstilt_beløp", "Innstilt beløp", NULL},
	 NULL, 0, DK_KIND_AMOUNT, false, N_("stated recommended amount")},
	{DK_COL_UP1, "up1", "UP1", "UP1", {NULL, NULL, NULL},
	 NULL, 0, DK_KIND_UP1, false, N_("UP1 assignment, 'NTNU' or 'NTNU:0.5+Nord:0.5'")},
	{DK_COL_LOCALLY_ANCHORED, "locally_anchored", "Lokalt forankret",
	 "Locally anchored", {"lokalt_forankret", NULL, NULL},
	 NULL, 0, DK_KIND_JUDGEMENT, false, N_("judged: locally anchored? ja/nei/delvis")},
	{DK_COL_COLLECTIVE_LEARNING, "collective_learning", "Kollektiv læring",
	 "Collective learning", {"kollektiv_læring", NULL, NULL},
	 NULL, 0, DK_KIND_JUDGEMENT, false, N_("judged: collective learning? ja/nei/delvis")},
	{DK_COL_UH_PARTNERSHIP, "uh_partnership", "Partnerskap med UH",
	 "Partnership with UH", {"partnerskap_uh", NULL, NULL},
	 NULL, 0, DK_KIND_JUDGEMENT, false, N_("judged: partnership with UH? ja/nei/delvis")},
};
/* clang-format on */

/* clang-format off */
static const dk_out_column_def out_table[DK_OUT_COUNT] = {
	{DK_OUT_RECOMMENDED, "recommended", "Anbefalt", "Recommended",
	 DK_COL_STATED_RECOMMENDED, N_("the recommended amount")},
	{DK_OUT_METHOD_AMOUNT, "method_amount", "Metodens beløp", "Method amount", -1,
	 N_("what the method gives a network the forum decided")},
	{DK_OUT_STATE, "state", "Status", "State", -1,
	 N_("free, capped, floored or decided")},
	{DK_OUT_UNSPECIFIED, "unspecified", "Uspesifisert", "Unspecified", -1,
	 N_("the part of the amount with no budget line")},
	{DK_OUT_UH_SHARE, "uh_share", "UH-andel", "UH share", -1,
	 N_("the universities' share of the amount")},
	{DK_OUT_FINDINGS, "findings", "Funn", "Findings", -1,
	 N_("the ids of the row's findings")},
	{DK_OUT_UH_IDENTIFIED, "uh_identified", "UH identifisert", "UH identified", -1,
	 N_("computed criterion: UH identified")},
	{DK_OUT_REASONABLE_UH_SHARE, "reasonable_uh_share", "Rimelig UH-andel",
	 "Reasonable UH share", -1, N_("computed criterion: reasonable UH share")},
	{DK_OUT_LIMITED_COORDINATOR, "limited_coordinator", "Begrenset koordinator",
	 "Limited coordinator", -1, N_("computed criterion: limited coordinator")},
};
/* clang-format on */

const dk_column_def *dk_columns(void)
{
	return table;
}

const dk_column_def *dk_column_get(dk_column id)
{
	if ((int)id < 0 || id >= DK_COL_COUNT)
		return NULL;
	return &table[id];
}

const dk_out_column_def *dk_out_columns(void)
{
	return out_table;
}

const dk_out_column_def *dk_out_column_get(dk_out_column id)
{
	if ((int)id < 0 || id >= DK_OUT_COUNT)
		return NULL;
	return &out_table[id];
}

/* Length of a white-space character at s: space, tab, CR, LF, U+00A0
 * (no-break) or U+202F (narrow no-break), or 0. */
static size_t space_len(const unsigned char *s)
{
	if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		return 1;
	if (s[0] == 0xC2 && s[1] == 0xA0)
		return 2;
	if (s[0] == 0xE2 && s[1] == 0x80 && s[2] == 0xAF)
		return 3;
	return 0;
}

bool dk_text_blank(const char *in)
{
	const unsigned char *s = (const unsigned char *)in;
	size_t k;
	while ((k = space_len(s)) != 0)
		s += k;
	return *s == '\0';
}

void dk_header_norm(const char *in, char *out, size_t size)
{
	const unsigned char *s = (const unsigned char *)in;
	size_t k;
	if (size == 0)
		return;
	while ((k = space_len(s)) != 0)
		s += k;
	/* the spaces inside become plain spaces; trailing ones go */
	size_t n = strlen((const char *)s);
	char stack[512], *t = n < sizeof stack ? stack : malloc(n + 1);
	if (!t) {
		out[0] = '\0';
		return;
	}
	size_t m = 0;
	bool ascii = true;
	for (size_t i = 0; i < n;) {
		if ((k = space_len(s + i)) != 0) {
			t[m++] = ' ';
			i += k;
			continue;
		}
		ascii &= s[i] < 0x80;
		t[m++] = (char)s[i++];
	}
	while (m > 0 && t[m - 1] == ' ')
		m--;
	t[m] = '\0';
	size_t o = 0;
	if (ascii) {
		for (; o < m && o + 1 < size; o++)
			out[o] = (char)(t[o] >= 'A' && t[o] <= 'Z' ? t[o] + 32 : t[o]);
	} else {
		/* Unicode simple case folding after NFC (CLI.md), by
		 * libunistring: "Ø" matches "ø", and "A" + combining ring
		 * matches "å" */
		size_t len = 0;
		uint8_t *f =
			u8_casefold((const uint8_t *)t, m, NULL, UNINORM_NFC, NULL, &len);
		if (!f) { /* not UTF-8: compared as it is */
			f = (uint8_t *)t;
			len = m;
		}
		for (; o < len && o + 1 < size; o++)
			out[o] = (char)f[o];
		/* never cut a character in two */
		if (o < len)
			while (o > 0 && (f[o] & 0xC0) == 0x80)
				o--;
		if (f != (uint8_t *)t)
			free(f);
	}
	out[o] = '\0';
	if (t != stack)
		free(t);
}

void dk_header_key(char *s)
{
	size_t o = 0;
	bool gap = false;
	for (size_t i = 0; s[i]; i++) {
		char c = s[i];
		if (c == ' ' || c == '_' || c == '-') {
			gap = o > 0;
			continue;
		}
		if (gap)
			s[o++] = ' ';
		gap = false;
		s[o++] = c;
	}
	s[o] = '\0';
}

/* The key of a name of the tables (or of a header as read). */
static void key_of(const char *name, char *buf, size_t size)
{
	dk_header_norm(name, buf, size);
	dk_header_key(buf);
}

static bool same_key(const char *key, const char *name)
{
	char buf[128];
	key_of(name, buf, sizeof buf);
	return strcmp(key, buf) == 0;
}

/* The header's key (a copy: the caller's text is normalised only). */
static void header_key(const char *norm, char *buf, size_t size)
{
	snprintf(buf, size, "%s", norm);
	dk_header_key(buf);
}

int dk_column_match(const char *norm, int year)
{
	char key[256];
	if (strlen(norm) >= sizeof key)
		return -1; /* longer than any name of the table */
	header_key(norm, key, sizeof key);
	/* names and aliases first, then labels: an alias wins a clash */
	for (int i = 0; i < DK_COL_COUNT; i++) {
		const dk_column_def *c = &table[i];
		if (same_key(key, c->name))
			return i;
		for (int k = 0; k < 3 && c->aliases[k]; k++)
			if (same_key(key, c->aliases[k]))
				return i;
		if (year > 0 && c->year_alias) {
			char raw[128];
			snprintf(raw, sizeof raw, "%s%d", c->year_alias,
				 year + c->year_offset);
			if (same_key(key, raw))
				return i;
		}
	}
	for (int i = 0; i < DK_COL_COUNT; i++)
		if (same_key(key, table[i].label_nb) || same_key(key, table[i].label_en))
			return i;
	return -1;
}

int dk_out_column_match(const char *norm)
{
	char key[256];
	if (strlen(norm) >= sizeof key)
		return -1;
	header_key(norm, key, sizeof key);
	for (int i = 0; i < DK_OUT_COUNT; i++) {
		const dk_out_column_def *c = &out_table[i];
		if (same_key(key, c->name) || same_key(key, c->label_nb) ||
		    same_key(key, c->label_en))
			return i;
	}
	return -1;
}

int dk_column_label_clash(const char *norm, int as_alias)
{
	char key[256];
	if (strlen(norm) >= sizeof key || as_alias < 0 || as_alias >= DK_COL_COUNT)
		return -1;
	header_key(norm, key, sizeof key);
	for (int i = 0; i < DK_COL_COUNT; i++)
		if (i != as_alias &&
		    (same_key(key, table[i].label_nb) ||
		     same_key(key, table[i].label_en)))
			return i;
	return -1;
}

int dk_column_year_of(const char *norm, dk_column c)
{
	const dk_column_def *def = dk_column_get(c);
	char key[256], prefix[128];
	if (!def || !def->year_alias || strlen(norm) >= sizeof key)
		return 0;
	header_key(norm, key, sizeof key);
	key_of(def->year_alias, prefix, sizeof prefix);
	size_t n = strlen(prefix);
	const char *digits = key;
	if (n) {
		if (strncmp(key, prefix, n) != 0 || key[n] != ' ')
			return 0;
		digits = key + n + 1;
	}
	if (strlen(digits) != 4)
		return 0;
	int y = 0;
	for (const char *p = digits; *p; p++) {
		if (*p < '0' || *p > '9')
			return 0;
		y = y * 10 + (*p - '0');
	}
	y -= def->year_offset;
	return y >= 1900 && y <= 9999 ? y : 0;
}

/* Decodes UTF-8 into code points (at most max; an invalid byte is one
 * code point of its own); returns their number, or max + 1 when longer. */
static size_t code_points(const char *s, uint32_t *out, size_t max)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = 0;
	while (*p) {
		if (n == max)
			return max + 1;
		uint32_t c = *p;
		size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
		if (len > 1) {
			c &= 0x3Fu >> (len - 1);
			for (size_t k = 1; k < len; k++) {
				if ((p[k] & 0xC0) != 0x80) {
					c = *p;
					len = 1;
					break;
				}
				c = (c << 6) | (p[k] & 0x3Fu);
			}
		}
		out[n++] = c;
		p += len;
	}
	return n;
}

#define NAME_CHARS_MAX 64

size_t dk_edit_distance(const char *a, const char *b, size_t limit)
{
	uint32_t x[NAME_CHARS_MAX], y[NAME_CHARS_MAX];
	size_t n = code_points(a, x, NAME_CHARS_MAX),
	       m = code_points(b, y, NAME_CHARS_MAX);
	if (n > NAME_CHARS_MAX || m > NAME_CHARS_MAX)
		return limit + 1;
	if ((n > m ? n - m : m - n) > limit)
		return limit + 1;
	/* three rows of the optimal-string-alignment table */
	size_t rows[3][NAME_CHARS_MAX + 1];
	size_t *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
	for (size_t j = 0; j <= m; j++)
		prev[j] = j;
	for (size_t i = 1; i <= n; i++) {
		cur[0] = i;
		for (size_t j = 1; j <= m; j++) {
			size_t cost = x[i - 1] != y[j - 1];
			size_t v = prev[j - 1] + cost;
			if (prev[j] + 1 < v)
				v = prev[j] + 1;
			if (cur[j - 1] + 1 < v)
				v = cur[j - 1] + 1;
			if (i > 1 && j > 1 && x[i - 1] == y[j - 2] &&
			    x[i - 2] == y[j - 1] && prev2[j - 2] + 1 < v)
				v = prev2[j - 2] + 1;
			cur[j] = v;
		}
		size_t *t = prev2;
		prev2 = prev;
		prev = cur;
		cur = t;
	}
	return prev[m] > limit ? limit + 1 : prev[m];
}

bool dk_header_near(const char *typed, const char *known)
{
	char a[256], b[256];
	if (strlen(typed) >= sizeof a || strlen(known) >= sizeof b)
		return false;
	header_key(typed, a, sizeof a);
	header_key(known, b, sizeof b);
	if (!a[0] || !b[0] || strcmp(a, b) == 0)
		return false;
	uint32_t cp[NAME_CHARS_MAX];
	size_t la = code_points(a, cp, NAME_CHARS_MAX),
	       lb = code_points(b, cp, NAME_CHARS_MAX);
	size_t len = la > lb ? la : lb;
	size_t d = dk_edit_distance(a, b, 2);
	return d <= 2 && 3 * d <= len;
}

/*
 * columns.c: the canonical columns and their aliases (see columns.h).
 */
#include "models/columns.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <unicase.h>
#include <uninorm.h>

#include <stdio.h>
#include <string.h>

static const dk_column_def table[DK_COL_COUNT] = {
	{DK_COL_NETWORK, "network", {"nettverk_navn", "kompetansenettverk", "navn"},
	 NULL, 0, DK_KIND_NAME, true, "the network's name"},
	{DK_COL_PREVIOUS, "previous", {"forrige", "tildeling_forrige_år", NULL},
	 "", -1, DK_KIND_AMOUNT, false, "last year's allocation"},
	{DK_COL_FTE, "fte", {"lærerårsverk", NULL, NULL},
	 NULL, 0, DK_KIND_FTE, false, "teacher FTE, up to 2 decimals"},
	{DK_COL_NEED, "need", {"meldt_behov", NULL, NULL},
	 "Meldt behov for ", 0, DK_KIND_AMOUNT, true, "reported need"},
	{DK_COL_SELF_FINANCING, "self_financing", {"egenfinansiering", NULL, NULL},
	 NULL, 0, DK_KIND_AMOUNT, false, "self-financing"},
	{DK_COL_OWN, "own", {"nettverk", "egen_andel", NULL},
	 NULL, 0, DK_KIND_AMOUNT, false, "the network's own share of the need"},
	{DK_COL_COORDINATOR, "coordinator", {"koordinator", NULL, NULL},
	 NULL, 0, DK_KIND_AMOUNT, false, "coordinator"},
	{DK_COL_UH_OTHER, "uh_other", {"andre_usikker", "Andre/Usikker", NULL},
	 NULL, 0, DK_KIND_AMOUNT, false, "UP2 not yet assigned to a university"},
	{DK_COL_STATED_OWN_PCT, "stated_own_pct", {NULL, NULL, NULL},
	 NULL, 0, DK_KIND_PERCENT, false, "stated network share, percent"},
	{DK_COL_STATED_UH_PCT, "stated_uh_pct", {NULL, NULL, NULL},
	 NULL, 0, DK_KIND_PERCENT, false, "stated university share, percent"},
	{DK_COL_STATED_RECOMMENDED, "stated_recommended",
	 {"innstilt_beløp", "Innstilt beløp", NULL},
	 NULL, 0, DK_KIND_AMOUNT, false, "stated recommended amount"},
	{DK_COL_UP1, "up1", {NULL, NULL, NULL},
	 NULL, 0, DK_KIND_UP1, false, "UP1 assignment, 'NTNU' or 'NTNU:0.5+Nord:0.5'"},
	{DK_COL_LOCALLY_ANCHORED, "locally_anchored", {"lokalt_forankret", NULL, NULL},
	 NULL, 0, DK_KIND_JUDGEMENT, false, "judged: locally anchored? ja/nei/delvis"},
	{DK_COL_COLLECTIVE_LEARNING, "collective_learning", {"kollektiv_læring", NULL, NULL},
	 NULL, 0, DK_KIND_JUDGEMENT, false, "judged: collective learning? ja/nei/delvis"},
	{DK_COL_UH_PARTNERSHIP, "uh_partnership", {"partnerskap_uh", NULL, NULL},
	 NULL, 0, DK_KIND_JUDGEMENT, false, "judged: partnership with UH? ja/nei/delvis"},
};

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
		uint8_t *f = u8_casefold((const uint8_t *)t, m, NULL, UNINORM_NFC, NULL, &len);
		if (!f) {  /* not UTF-8: compared as it is */
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

int dk_column_match(const char *norm, int year)
{
	char buf[128];
	for (int i = 0; i < DK_COL_COUNT; i++) {
		const dk_column_def *c = &table[i];
		if (strcmp(norm, c->name) == 0)
			return i;
		for (int k = 0; k < 3 && c->aliases[k]; k++) {
			dk_header_norm(c->aliases[k], buf, sizeof buf);
			if (strcmp(norm, buf) == 0)
				return i;
		}
		if (year > 0 && c->year_alias) {
			char raw[128];
			snprintf(raw, sizeof raw, "%s%d", c->year_alias, year + c->year_offset);
			dk_header_norm(raw, buf, sizeof buf);
			if (strcmp(norm, buf) == 0)
				return i;
		}
	}
	return -1;
}

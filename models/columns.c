/*
 * columns.c: the canonical columns and their aliases (see columns.h).
 */
#include "columns.h"

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

void dk_header_norm(const char *in, char *out, size_t size)
{
	const unsigned char *s = (const unsigned char *)in;
	size_t o = 0;
	if (size == 0)
		return;
	/* skip leading spaces, including U+00A0 */
	for (;;) {
		if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
			s++;
		else if (s[0] == 0xC2 && s[1] == 0xA0)
			s += 2;
		else
			break;
	}
	while (*s && o + 1 < size) {
		unsigned char c = *s++;
		if (c >= 'A' && c <= 'Z') {
			c = (unsigned char)(c + 32);
		} else if (c == 0xC3 && *s >= 0x80 && *s <= 0x9E && *s != 0x97 &&
			   o + 2 < size) {
			/* U+00C0..U+00DE but U+00D7: lowercase is +0x20 */
			out[o++] = (char)c;
			c = (unsigned char)(*s++ + 0x20);
		} else if (c == 0xC2 && *s == 0xA0) {
			s++;
			c = ' ';
		}
		out[o++] = (char)c;
	}
	while (o > 0 && (out[o - 1] == ' ' || out[o - 1] == '\t' ||
			 out[o - 1] == '\r' || out[o - 1] == '\n'))
		o--;
	out[o] = '\0';
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

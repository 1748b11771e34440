/*
 * network.h: the networks table, one row per competence network.
 *
 * Every numeric column of the networks file lives in one scaled integer per
 * column (dk_network.v, indexed by dk_column): amounts in whole kroner, FTE
 * in hundredths, percentages in 10^-DK_PCT_DECIMALS (money.h). A bit in
 * `present` says the cell was given
 * (not empty); for amounts an empty cell still reads as 0, for percentages
 * and judgements it means "not stated". The table owns every string and
 * array it holds, in an arena of its own (dk_networks_alloc): one
 * allocation for many networks, not four or five for each;
 * dk_networks_release frees them all.
 */
#ifndef DK_NETWORK_H
#define DK_NETWORK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "models/arena.h"
#include "models/columns.h"
#include "models/error.h"
#include "models/money.h"

/* Longest network name, in characters. */
#define DK_NAME_MAX 200

typedef enum {
	DK_JUDGE_BLANK = 0,
	DK_JUDGE_JA,
	DK_JUDGE_NEI,
	DK_JUDGE_DELVIS
} dk_judgement;

/* How many texts dk_networks_intern shares, at most; a search of them
 * is a few comparisons. */
#define DK_INTERNED_MAX 16

/* One part of a UP1 assignment: "Nord:0.5". */
typedef struct {
	const char *institution; /* as written (dk_networks_intern) */
	int index;               /* into the plan's institutions, -1 if unknown */
	int64_t share;           /* millionths (DK_RATIO_ONE is the whole) */
} dk_up1_part;

typedef struct {
	char *name;
	char *key;               /* the name trimmed and lowercased */
	int line;                /* where the row starts in its file */
	int64_t v[DK_COL_COUNT]; /* numeric columns; judgements as dk_judgement */
	uint32_t present;        /* bit (1u << dk_column): cell given */
	dk_kr *uh;               /* UP2 per plan institution (n_institutions) */
	uint32_t uh_present;     /* bit per institution: cell given */
	dk_up1_part *up1;
	size_t n_up1;
} dk_network;

typedef struct {
	dk_network *items;
	size_t n, cap;
	/* hash of keys: open addressing; a slot holds item + 1 (0 is empty)
	 * and the key's hash, so that growing and probing read no key but
	 * the one that may match */
	struct dk_net_slot *index;
	size_t index_cap;
	size_t n_institutions; /* length of every uh array */
	uint32_t columns;      /* bit (1u << dk_column): column in the file */
	uint32_t uh_columns;   /* bit per institution: column in the file */
	bool has_totals;       /* a totals row was given */
	dk_network totals;     /* its stated cells (present bits) */
	int totals_line;
	dk_arena mem; /* what the networks hold, freed with the table */
	const char *interned[DK_INTERNED_MAX]; /* dk_networks_intern */
	size_t n_interned;
} dk_networks;

void dk_networks_init(dk_networks *t, size_t n_institutions);
void dk_networks_release(dk_networks *t);

/* n bytes, zeroed and aligned for any value, from the table's arena:
 * what a network holds (its UP2 line, its UP1 parts) is made here, and
 * freed with the table. NULL when out of memory. */
void *dk_networks_alloc(dk_networks *t, size_t n);

/* The first len bytes of s as a text of the table's. */
char *dk_networks_text(dk_networks *t, const char *s, size_t len);

/* s as a text of the table's shared by every network that writes it the
 * same way (an UP1 part's institution: "NTNU" in most rows): made once
 * for the first few such texts, copied for any beyond them. */
const char *dk_networks_intern(dk_networks *t, const char *s);

/* Makes the table's totals row: named `name` (copied), its cells empty;
 * returns it through *out. */
dk_status dk_networks_begin_totals(dk_networks *t, const char *name, int line,
				   dk_network **out);

/* Appends an empty row (all zero, nothing present) named `name` (copied)
 * and returns it through *out. */
dk_status dk_networks_add(dk_networks *t, const char *name, int line, dk_network **out);

/* Index of the network named `name` (trimmed, case-insensitive), or -1;
 * a hash lookup. */
long dk_networks_find(const dk_networks *t, const char *name);

/* The first network of the table with n's name (by its key): n itself
 * unless n repeats a name; -1, as dk_networks_find, for a name longer
 * than any a reader accepts. */
long dk_networks_first(const dk_networks *t, const dk_network *n);

/* Gives back the room the table grew into beyond its rows (it doubles as
 * it grows), once every row is read. */
void dk_networks_trim(dk_networks *t);

static inline bool dk_network_has(const dk_network *n, dk_column c)
{
	return (n->present >> c) & 1u;
}

/* Compares two names as the rules say: trimmed, case-insensitive (ASCII and
 * Latin-1 letters). */
bool dk_name_equal(const char *a, const char *b);

/* A name's key as dk_name_equal compares names (normalised, folded),
 * allocated; equal keys (strcmp) are equal names. NULL when out of
 * memory. */
char *dk_name_key(const char *name);

/* The number of characters (code points) of a UTF-8 text. */
size_t dk_utf8_chars(const char *s);

/* Reads "ja", "nei", "delvis" or blank (any case); false if none. */
bool dk_judgement_parse(const char *text, dk_judgement *out);
const char *dk_judgement_name(dk_judgement j);

#endif

/*
 * columns.h: the one table of the networks file's canonical columns and
 * their built-in Norwegian aliases.
 *
 * The CSV reader, the JSON reader (whose keys are the canonical names), the
 * `--help` text and docs/formats.md all come from this table, so a name is
 * spelled once. Two aliases depend on the plan's year (the previous year
 * itself, "2021", and "Meldt behov for 2022"); dk_column_match handles them.
 * Institution columns are not in the table: their names come from the plan.
 */
#ifndef DK_COLUMNS_H
#define DK_COLUMNS_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
	DK_COL_NETWORK,
	DK_COL_PREVIOUS,
	DK_COL_FTE,
	DK_COL_NEED,
	DK_COL_SELF_FINANCING,
	DK_COL_OWN,
	DK_COL_COORDINATOR,
	DK_COL_UH_OTHER,
	DK_COL_STATED_OWN_PCT,
	DK_COL_STATED_UH_PCT,
	DK_COL_STATED_RECOMMENDED,
	DK_COL_UP1,
	DK_COL_LOCALLY_ANCHORED,
	DK_COL_COLLECTIVE_LEARNING,
	DK_COL_UH_PARTNERSHIP,
	DK_COL_COUNT,
	DK_COL_INSTITUTION = 100  /* + index of the plan's institution */
} dk_column;

typedef enum {
	DK_KIND_NAME,       /* the network's name */
	DK_KIND_AMOUNT,     /* whole kroner; empty, '-' or '–' is 0 */
	DK_KIND_FTE,        /* at most 2 decimals; empty is 0 */
	DK_KIND_PERCENT,    /* at most DK_PCT_DECIMALS (4) decimals, '%' allowed; empty: not stated */
	DK_KIND_UP1,        /* "NTNU" or "NTNU:0.5+Nord:0.5" */
	DK_KIND_JUDGEMENT   /* ja / nei / delvis / blank */
} dk_column_kind;

typedef struct {
	dk_column id;
	const char *name;          /* canonical name, also the JSON key */
	const char *aliases[3];    /* built-in aliases, NULL-terminated */
	const char *year_alias;    /* prefix of the plan year ("" for the year itself), or NULL */
	int year_offset;           /* added to the plan year for year_alias */
	dk_column_kind kind;
	bool required;
	const char *meaning;       /* for --help and docs */
} dk_column_def;

/* The table, DK_COL_COUNT entries in dk_column order. */
const dk_column_def *dk_columns(void);
const dk_column_def *dk_column_get(dk_column id);

/* The header of a percentage column the forum's sheet has twice, which is
 * an error unless a column map says which share it is. */
#define DK_AMBIGUOUS_HEADER "prosentandel"

/* Normalises a header, key or name for comparison (CLI.md): trims white
 * space at both ends (no-break and narrow no-break spaces included), makes
 * each space inside a plain space, and applies Unicode simple case folding
 * after NFC (libunistring), so "Ø" matches "ø" and a decomposed "å"
 * matches a composed one. At most size - 1 bytes, never half a character. */
void dk_header_norm(const char *in, char *out, size_t size);

/* The canonical column a normalised header names, by canonical name, alias
 * or year alias (year 0: no year aliases); -1 when none. */
int dk_column_match(const char *norm_header, int year);

#endif

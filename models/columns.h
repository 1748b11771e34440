/*
 * columns.h: the one table of the networks file's canonical columns, their
 * labels (Norwegian and English) and their built-in Norwegian aliases, and
 * the one table of the columns dekom writes besides them.
 *
 * The CSV reader, the JSON reader (whose keys are the canonical names), the
 * writers' headers (io/grid.c), the messages that name a column, `dekom
 * help columns` and docs/formats.md all come from these tables, so a name
 * is spelled once, and every header dekom prints reads back as its column.
 * Two aliases depend on the plan's year (the previous year itself, "2021",
 * and "Meldt behov for 2022"); dk_column_match handles them. Institution
 * columns are not in the table: their names come from the plan.
 */
#ifndef DK_COLUMNS_H
#define DK_COLUMNS_H

#include <stdbool.h>
#include <stddef.h>

#include "models/msgid.h"

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
	DK_COL_INSTITUTION = 100 /* + index of the plan's institution */
} dk_column;

typedef enum {
	DK_KIND_NAME,   /* the network's name */
	DK_KIND_AMOUNT, /* whole kroner; empty, '-' or '–' is 0 */
	DK_KIND_FTE,    /* at most 2 decimals; empty is 0 */
	DK_KIND_PERCENT, /* at most DK_PCT_DECIMALS (4) decimals, '%' allowed; empty: not stated */
	DK_KIND_UP1,      /* "NTNU" or "NTNU:0.5+Nord:0.5" */
	DK_KIND_JUDGEMENT /* ja / nei / delvis / blank */
} dk_column_kind;

typedef struct {
	dk_column id;
	const char *name;       /* canonical name, also the JSON key */
	const char *label_nb;   /* its Norwegian label: the header of dekom's
				      tables for people ("Meldt behov"), and the
				      column's name in a Norwegian message */
	const char *label_en;   /* its English label in tables ("Need") */
	const char *aliases[3]; /* built-in aliases, NULL-terminated */
	const char *
		year_alias; /* prefix of the plan year ("" for the year itself), or NULL */
	int year_offset;    /* added to the plan year for year_alias */
	dk_column_kind kind;
	bool required;
	const char *meaning; /* for --help and docs: an English msgid (N_) */
} dk_column_def;

/* The table, DK_COL_COUNT entries in dk_column order. */
const dk_column_def *dk_columns(void);
const dk_column_def *dk_column_get(dk_column id);

/* The columns dekom writes besides the input columns (io/grid.c: the
 * recommendation's table, the criteria sheet). An output table is a valid
 * input (CLI.md): a networks file reads each of them as the column
 * `reads_as` (the recommended amount as a stated recommendation, which the
 * stated-recommendation check then compares), or reads and ignores it
 * (-1: the state, the UH share, the findings, ..., which dekom computes). */
typedef enum {
	DK_OUT_RECOMMENDED,
	DK_OUT_METHOD_AMOUNT,
	DK_OUT_STATE,
	DK_OUT_UNSPECIFIED,
	DK_OUT_UH_SHARE,
	DK_OUT_FINDINGS,
	DK_OUT_UH_IDENTIFIED,
	DK_OUT_REASONABLE_UH_SHARE,
	DK_OUT_LIMITED_COORDINATOR,
	DK_OUT_COUNT
} dk_out_column;

typedef struct {
	dk_out_column id;
	const char *name; /* canonical: the header of RFC 4180 CSV */
	const char *label_nb;
	const char *label_en;
	int reads_as;        /* a dk_column, or -1: read and ignored */
	const char *meaning; /* an English msgid (N_) */
} dk_out_column_def;

const dk_out_column_def *dk_out_columns(void);
const dk_out_column_def *dk_out_column_get(dk_out_column id);

/* The header of a percentage column the forum's sheet has twice, which is
 * an error unless a column map says which share it is. */
#define DK_AMBIGUOUS_HEADER "prosentandel"

/* The prefix of an institution's column in canonical CSV output
 * ("uh_NTNU"), read back as that institution's UP2 column. */
#define DK_UH_PREFIX "uh_"

/* Normalises a header, key or name for comparison (CLI.md): trims white
 * space at both ends (no-break and narrow no-break spaces included), makes
 * each space inside a plain space, and applies Unicode simple case folding
 * after NFC (libunistring), so "Ø" matches "ø" and a decomposed "å"
 * matches a composed one. At most size - 1 bytes, never half a character. */
void dk_header_norm(const char *in, char *out, size_t size);

/* Whether text is empty or only white space (the spaces dk_header_norm
 * takes out): a blank cell. */
bool dk_text_blank(const char *text);

/* A normalised header as headers are compared with the columns' names
 * (CLI.md: "spaces, underscores and hyphens alike"): each run of spaces,
 * '_' and '-' becomes one space, and none is left at either end, so
 * "Meldt behov", "meldt_behov" and "meldt-behov" are one key. In place. */
void dk_header_key(char *norm);

/* The canonical column a normalised header names, by canonical name,
 * alias, year alias (year 0: no year aliases) or label (Norwegian or
 * English), spaces, '_' and '-' alike; -1 when none. A name that is both
 * an alias of one column and the label of another is the alias's: the
 * forum's sheet calls the network's own share "Nettverk", which is also
 * the label of dekom's name column (dk_column_label_clash). */
int dk_column_match(const char *norm_header, int year);

/* The output column a normalised header names (its name or a label), or
 * -1. */
int dk_out_column_match(const char *norm_header);

/* When a normalised header is an alias of column `as_alias` and the label
 * of another column, that other column; else -1. "Nettverk": the own share
 * in the forum's sheet, the network's name in dekom's own tables, which
 * also have "Nettverk (egen)" for the own share; the CSV reader settles it
 * by whether another header of the row is the own share. */
int dk_column_label_clash(const char *norm_header, int as_alias);

/* The year a header names by a year alias of column c written for another
 * plan year ("Meldt behov for 2023" is `need` for plan year 2023, "2022"
 * is `previous` for plan year 2023): that plan year, or 0 when the header
 * is no year alias of c. */
int dk_column_year_of(const char *norm_header, dk_column c);

/* The edit distance (Damerau-Levenshtein, adjacent transpositions
 * counted as one edit) between two UTF-8 texts, in characters, for "did
 * you mean". At most `limit` + 1: above the limit the exact figure does
 * not matter. */
size_t dk_edit_distance(const char *a, const char *b, size_t limit);

/* Whether a header a person wrote (`typed`, normalised) is near enough to
 * a known name (`known`, normalised) to suggest it: at most 2 edits, and
 * at most a third of the longer one's length. */
bool dk_header_near(const char *typed, const char *known);

#endif

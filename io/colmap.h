/*
 * colmap.h: the `--columns MAP.json` header map.
 *
 * A map is one JSON object from header to target: {"Prosentandel#1":
 * "stated_own_pct", "": "network"}. Keys match headers case-insensitively
 * after trimming; "#k" at the end of a key means the k-th occurrence of
 * that header (#1 also when there is only one), a key without it every
 * occurrence. A target is a canonical column name or an institution id of
 * the plan; it is resolved when a CSV file is read against a plan, and a
 * key that matches no header is ignored, so one map serves several files.
 */
#ifndef DK_COLMAP_H
#define DK_COLMAP_H

#include <stdbool.h>
#include <stddef.h>

#include "io/text.h"
#include "models/error.h"

typedef struct {
	char *key;      /* normalised header (dk_header_norm) */
	int occurrence; /* 0: every occurrence, else 1-based */
	char *target;   /* as written */
	int line, col;  /* of the target, for diagnostics */
} dk_colmap_entry;

typedef struct {
	char *name; /* the map's file name */
	dk_colmap_entry *items;
	size_t n;
} dk_colmap;

void dk_colmap_init(dk_colmap *m);
void dk_colmap_release(dk_colmap *m);

/* Reads a map from a decoded input. */
dk_status dk_colmap_parse(dk_colmap *m, const dk_input *in, dk_error *d);

/* The entry for the k-th occurrence (1-based) of a normalised header, or
 * NULL. A key without #k is the first occurrence (#1). */
const dk_colmap_entry *dk_colmap_find(const dk_colmap *m, const char *key,
				      int occurrence);

#endif

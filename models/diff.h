/*
 * diff.h: what `dekom diff` compares, two recommendations as written by
 * `recommend -f json`, and what it finds.
 *
 * A dk_rec_file is the part of a recommend output that a comparison needs,
 * read back exactly (amounts as whole kroner). Networks are matched by name
 * the way the networks reader matches them (case-insensitive, trimmed);
 * findings by (check, network, field).
 */
#ifndef DK_DIFF_H
#define DK_DIFF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "models/money.h"

/* A reported budget line of a network: "own", "coordinator", "uh:NTNU". */
typedef struct {
	char *line;
	dk_kr value;
} dk_rec_line;

typedef struct {
	char *name;
	dk_kr previous, need;
	dk_rec_line *budget; /* as reported; NULL in a file without them */
	size_t n_budget;
	bool has_recommended; /* null when the frame was infeasible */
	dk_kr recommended;
	char *state; /* "free", "capped", "floored" or NULL */
} dk_rec_network;

typedef struct {
	char *check, *severity, *network, *field, *message;
	char *message_nb; /* NULL when the file has none */
} dk_rec_finding;

typedef struct {
	char *role, *path, *sha256;
} dk_rec_input;

typedef struct {
	char *version, *method;
	bool has_total;
	dk_kr total, prorata, direct;
	bool has_unused;
	dk_kr unused;
	dk_rec_network *networks;
	size_t n_networks;
	dk_rec_finding *findings;
	size_t n_findings;
	dk_rec_input *inputs;
	size_t n_inputs;
} dk_rec_file;

void dk_rec_file_release(dk_rec_file *f);

/* A recommendation file: one part, or a part per scheme of a case. */
typedef struct {
	bool combined; /* a combined recommendation: parts have ids */
	char **ids;    /* per part: the scheme's id, or NULL */
	dk_rec_file *parts;
	size_t n;
} dk_rec_set;

void dk_rec_set_release(dk_rec_set *s);

/* One network in either file: indexes into old and new (-1: not there). */
typedef struct {
	long old, new;
} dk_diff_pair;

/* A budget line that differs between the two files: its network (the
 * index into dk_diff.networks), the line, and its amounts (absent counts
 * as 0, with has_old/has_new false). */
typedef struct {
	size_t network;
	const char *line;
	bool has_old, has_new;
	dk_kr old, new;
} dk_diff_line;

typedef struct {
	dk_diff_pair *networks; /* new's order, then those only in old */
	dk_diff_line *lines;    /* budget lines changed, in the order of
				   `networks` (io/report_diff.c walks both
				   together) */
	size_t n_lines;
	size_t n_networks;
	long *added, *resolved; /* findings only in new / only in old */
	size_t n_added, n_resolved;
	bool method_changed;
	long *inputs_changed; /* old inputs whose role has another sha256 */
	size_t n_inputs_changed;
} dk_diff;

void dk_diff_release(dk_diff *d);

#endif

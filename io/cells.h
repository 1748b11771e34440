/*
 * cells.h: how every networks reader reads a cell and a row (io/cells.c),
 * and the format readers it is shared by (CSV: io/csv_networks.c, JSON:
 * io/json_networks.c), which io/networks.c chooses between.
 */
#ifndef DK_CELLS_H
#define DK_CELLS_H

#include <stdbool.h>
#include <stddef.h>

#include "io/colmap.h"
#include "io/text.h"
#include "models/columns.h"
#include "models/error.h"
#include "models/money.h"
#include "models/network.h"
#include "models/plan.h"

/* What a reader needs besides the bytes. */
typedef struct {
	const dk_plan *plan;  /* institutions and year */
	const dk_colmap *map; /* may be NULL */
	dk_decimal_mode mode; /* --decimal-comma / --decimal-point */
	bool supplement;      /* a second -n file: only `network` is
				       required */
	const char *sheet;    /* --sheet: a workbook's sheet, or NULL */
} dk_read_opts;

/* The format readers: fill t (initialised here) from a decoded input, and
 * give in *header_line the line of the header row (CSV) or of the
 * "networks" key (JSON) when it is not NULL. */
dk_status dk_networks_read_csv(const dk_input *in, const dk_read_opts *o, dk_networks *t,
			       int *header_line, dk_error *d);
dk_status dk_networks_read_json(const dk_input *in, const dk_read_opts *o, dk_networks *t,
				int *header_line, dk_error *d);
/* An XLSX or ODS workbook (in->raw, not decoded): its sheet (o->sheet, or
 * "Budsjett", or the only one) read with the CSV reader's rules; positions
 * are the sheet's row and column. */
dk_status dk_networks_read_workbook(const dk_input *in, const dk_read_opts *o,
				    dk_networks *t, int *header_line, dk_error *d);

/* Under --decimal-comma or --decimal-point, a whole-krone cell whose
 * decimal separator is followed by exactly three digits ("721,000") was
 * almost certainly written with that separator as a digit group: true
 * then, with a message naming the other option in msg. */
bool dk_amount_implausible(const char *text, const char *field, dk_decimal_mode mode,
			   char *msg, size_t size);

/* The number format of a column kind (amount, FTE, percent). */
void dk_cell_spec(dk_column_kind kind, dk_decimal_mode mode, dk_num_spec *out);

/* Formats the message for a number that did not read: "need: 'x' is not a
 * number; expected a whole amount in kroner". */
void dk_cell_message(dk_num_result r, const char *field, const char *text,
		     const dk_num_spec *spec, char *buf, size_t size);

/* How a message in the program's language names column `col` (a
 * dk_column, or DK_COL_INSTITUTION + i): its canonical name in English
 * ("need"), its Norwegian label inside a sentence in bokmål ("meldt
 * behov"), an institution by its id. Into buf. */
void dk_column_text(int col, const dk_plan *plan, char *buf, size_t size);

/* The same for a dk_column as a static text: the canonical name, or the
 * Norwegian label as written ("Meldt behov"). */
const char *dk_column_message_name(int col);

/* Reads a UP1 cell ("NTNU" or "NTNU:0.5+Nord:0.5") into n->up1, made
 * in t, n's table. On a problem, writes a message to msg and returns
 * DK_EINPUT. */
dk_status dk_up1_parse(const char *text, const dk_plan *plan, dk_networks *t,
		       dk_network *n, char *msg, size_t size);

/* True for a totals row's name (trimmed, any case, spaces inside
 * collapsed): empty, "Sum", "Summer", "Total", "Totalt", "Totalsum",
 * "Sum totalt", "Totalt sum", "I alt" or "Samlet" (RULES.md section 5). */
bool dk_is_totals_name(const char *name);

/* True for a name that starts with a totals label and goes on with
 * something that is not part of a word ("Sum:", "Sum 2022", "Totalt
 * 2022", "Sum A og B"): a totals or subtotal row under another name, which
 * the readers refuse rather than read as a network (never a silent wrong
 * amount). Exact labels are dk_is_totals_name's. */
bool dk_looks_like_totals(const char *name);

/* What a row's name is, read once for both rules above: a totals row's
 * name (dk_is_totals_name), a name that only looks like one and is not
 * (dk_looks_like_totals), or a network's. */
typedef enum { DK_NAME_NETWORK, DK_NAME_TOTALS, DK_NAME_TOTALS_LIKE } dk_name_kind;
dk_name_kind dk_name_kind_of(const char *name);

/* A network's name as read: a new copy without the white space at its
 * ends (no-break spaces included), or NULL when out of memory. */
char *dk_name_trimmed(const char *s);

/* The name rules every networks reader applies to a network's name (CLI.md:
 * at most DK_NAME_MAX characters, unique after trimming and case folding),
 * given the network just added with its name trimmed (n, in t): writes
 * each problem's message (at most two) and returns how many, so that every
 * format says them in the same words. */
int dk_network_name_problems(const dk_networks *t, const dk_network *n, char msg[2][400]);

#endif

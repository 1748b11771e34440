/*
 * networks.h: reading the networks file, CSV or JSON, into dk_networks.
 *
 * Both readers fill the same model and report every problem they find in
 * the file (up to DK_DIAG_LIMIT) with its line and column; on any problem
 * they return DK_EINPUT and the table must not be used. The CSV reader
 * places headers by, in order: the column map, a canonical name, a built-in
 * alias or year alias (columns.h), an institution id or alias of the plan.
 */
#ifndef DK_NETWORKS_H
#define DK_NETWORKS_H

#include "io/cells.h"
#include "io/text.h"
#include "models/network.h"
#include "models/plan.h"

/* Reads a decoded input: JSON when its first non-space character is '{' or '[',
 * CSV otherwise. The table is initialised here. Besides the file's own
 * rules, a reader reports what the plan's method needs of a cell it holds
 * (under prorata, an empty fte cell). */
dk_status dk_networks_read(const dk_input *in, const dk_read_opts *o, dk_networks *t,
			   dk_error *d);

/* The same, and gives in *header_line the line of the header row (CSV) or
 * of the "networks" key (JSON), where messages about the file's columns
 * point. */
dk_status dk_networks_read_at(const dk_input *in, const dk_read_opts *o, dk_networks *t,
			      int *header_line, dk_error *d);

/* Adds the columns of a supplementary networks file (a second -n, such as
 * teacher FTE from another source) to `main`, matching rows by name. A
 * column in both files, a network the main file does not have, or a
 * network of the main file that the supplement does not name is an error
 * in the supplement (the last at its header line, `supp_header_line`). */
dk_status dk_networks_merge(dk_networks *main, const dk_networks *supp,
			    const dk_input *supp_in, int supp_header_line,
			    const char *main_name, dk_error *d);

/* What the plan's method and direct split need of the table, once every
 * networks file is read and merged (RULES.md section 5, "What a method
 * needs"): the previous column for status_quo and for floor_previous above
 * 0, the fte column for prorata and for by_up1 weighted by fte, the up1
 * column for by_up1. A missing column is bad input at the networks file's
 * header line (`net_in`, `header_line`). */
/* The same, reported at `file`:`line`:`col` (a scenario that changes the
 * method or the split). */
dk_status dk_networks_check_plan_at(const dk_plan *p, const dk_networks *t,
				    const char *file, int line, int col, dk_error *d);
dk_status dk_networks_check_plan(const dk_plan *p, const dk_networks *t,
				 const dk_input *net_in, int header_line, dk_error *d);

#endif

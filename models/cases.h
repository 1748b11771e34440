/*
 * cases.h: a case file (CLI.md, "Case files"): a title and the schemes a
 * forum recommends for at once, each with its own inputs. The schemes are
 * allocated and checked one by one, exactly as single recommendations;
 * nothing in engine/ knows about cases.
 */
#ifndef DK_CASES_H
#define DK_CASES_H

#include <stddef.h>

#include "models/plan.h"

/* At most this many schemes in one case. */
#define DK_SCHEMES_MAX 16

typedef struct {
	char *id;   /* "dekom": letters, digits, '-' and '_', unique */
	char *name; /* "Desentralisert ordning (skole)", or NULL */
	/* paths as the case file gives them, resolved against its folder;
	 * NULL when not given: `input` (one workbook), or `networks` and
	 * `plan`, with `columns` and `sheet` optional */
	char *networks, *columns, *plan, *input, *sheet;
	int line, col; /* where the scheme stands in the case file */
} dk_scheme_ref;

typedef struct {
	dk_title title;
	dk_scheme_ref *schemes;
	size_t n;
} dk_case_file;

void dk_case_file_release(dk_case_file *f);

#endif

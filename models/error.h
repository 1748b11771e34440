/*
 * error.h: status codes and the caller's dk_error.
 *
 * Every library call returns a dk_status (0 is success) and puts its results
 * in out-parameters. What went wrong is told in one place, the dk_error the
 * caller supplies (STYLE.md): readers, writers and the engine all add to it,
 * and no call hands a message back any other way (no static buffers; the
 * few helpers of io/cells.h that word a cell's message return its text to
 * the reader, which adds it here with the position). A dk_error holds a
 * list, one entry per problem, each with the file, line and column it
 * refers to, so that the command line can print them all in the form
 * compilers use (FILE:LINE:COLUMN: error: MESSAGE). Nothing here prints;
 * the list owns copies of every string it is given.
 */
#ifndef DK_ERROR_H
#define DK_ERROR_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
	DK_OK = 0,
	DK_EINPUT = 2, /* bad input: diagnostics say what */
	DK_ENOMEM = 4, /* out of memory */
	DK_EIO = 3,    /* an output could not be written */
	DK_ERANGE = 5  /* a number too large to compute exactly */
} dk_status;

/* How many problems one run reports before it stops listing them. */
#define DK_DIAG_LIMIT 50

typedef struct {
	char *file;    /* as named on the command line, or a built-in name */
	int line;      /* 1-based; 0 when the problem is not in a file */
	int col;       /* 1-based character column; 0 when unknown */
	char *message; /* lowercase, what is wrong first, offending text quoted */
} dk_diag;

typedef struct {
	dk_diag *items;
	size_t n, cap;
	size_t dropped; /* problems seen beyond DK_DIAG_LIMIT */
	int oom;        /* an allocation failed while recording */
} dk_error;

void dk_error_init(dk_error *d);
void dk_error_release(dk_error *d);

/* Records one problem (printf-style message). Never fails visibly: on
 * allocation failure it sets d->oom, which dk_error_status reports. */
void dk_error_add(dk_error *d, const char *file, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* Orders the problems as a reader meets them: by file (in the order the
 * files were first mentioned), then line, then column; problems at one
 * place keep the order they were found in. */
void dk_error_sort(dk_error *d);

/* DK_OK when nothing was recorded, else DK_EINPUT (or DK_ENOMEM). */
dk_status dk_error_status(const dk_error *d);

/* True when no further problem will be kept (only counted): a reader need
 * not work out where it is. Positions cost a pass over the text, so a file
 * with many bad cells stays linear. */
static inline bool dk_error_full(const dk_error *d)
{
	return d->n >= DK_DIAG_LIMIT;
}

/* Formats one diagnostic as "FILE:LINE:COL: error: MESSAGE" into buf
 * (always NUL-terminated; truncated if too small). */
void dk_diag_format(const dk_diag *g, char *buf, size_t size);

/* Quotes a user-supplied text for a message: at most 60 characters (cut on
 * a character boundary, with "..."), control characters shown as '?'. */
void dk_quote(const char *text, char *buf, size_t size);

#endif

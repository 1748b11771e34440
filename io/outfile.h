/*
 * outfile.h: writing an output file atomically, and never over an input.
 *
 * Output goes to a temporary file in the target's directory, is flushed to
 * disk, and is renamed over the target only when complete: a reader sees
 * the old file or the new one, never half of one, and a failed run leaves
 * the old file as it was. Before anything is computed, the command line
 * asks dk_output_check whether the target is one of the inputs (same
 * device and inode), which is refused as bad usage.
 */
#ifndef DK_OUTFILE_H
#define DK_OUTFILE_H

#include <stddef.h>

#include "models/diag.h"

/* True when path is standard output ("-" or NULL). */
int dk_output_is_stdout(const char *path);

/* DK_EINPUT (with a diagnostic) when `path` is the same file as one of the
 * `n` input paths (NULL entries are skipped). */
dk_status dk_output_check(const char *path, const char *const *inputs,
			  size_t n, dk_diags *d);

/* Writes len bytes to path atomically (or to standard output). On failure
 * returns DK_EIO with the reason in err. */
dk_status dk_output_write(const char *path, const char *data, size_t len,
			  char *err, size_t errsize);

/* For writers that need a file name (libxlsxwriter): makes an empty
 * temporary file next to path and returns its name in tmp. */
dk_status dk_output_temp(const char *path, char *tmp, size_t size, char *err,
			 size_t errsize);

/* Flushes tmp to disk and renames it to path; removes it on failure. */
dk_status dk_output_commit(const char *tmp, const char *path, char *err,
			   size_t errsize);

#endif

/*
 * outfile.h: writing an output so that it survives a failure, and never
 * replacing what is not dekom's to replace.
 *
 * What happens depends on what the -o name is:
 * - standard output ("-" or no -o), /dev/stdout, /dev/stderr, /dev/fd/N
 *   and /proc/self/fd/N: written to that open descriptor directly;
 * - a character device (/dev/null, /dev/full, a terminal), a FIFO or a
 *   socket: opened and written directly, never replaced by a regular file;
 * - a symbolic link: followed (at most 40 links); what it finally names is
 *   the target, and the link itself stays as it was;
 * - a regular file, or a name that does not exist yet: the bytes go to a
 *   temporary file `.dekom-XXXXXX` in the target's directory, which is
 *   flushed to disk (fsync) and renamed over the target only when complete.
 *   A reader sees the old file or the new one, never half of one; a failure
 *   (a full disk, a signal) removes the temporary file and leaves the old
 *   one as it was; even SIGKILL leaves the old target whole (but may leave
 *   the temporary file, which can be deleted). The new file keeps an
 *   existing target's mode and, where the system lets it, its owner and
 *   group; a new file gets 0666 less the umask, as the shell's `>` gives;
 * - a directory, a block device, or an existing file that the user may not
 *   write: refused, nothing touched.
 * Two runs writing one target each rename a complete file of their own, so
 * the target is one of the two, whole.
 *
 * Problems are reported like every other in dekom, as a diagnostic in the
 * caller's dk_error (models/error.h): its file is the target as given on the
 * command line (never the temporary file), its line 0, and its message
 * the reason ("cannot write: No space left on device").
 *
 * The name of the temporary file being written is the one piece of process
 * state in dekom's libraries, because a signal handler gets no context to
 * find it in: dk_output_signal_cleanup, called from the handlers that
 * cli/main.c installs, removes it. One output is pending at a time.
 */
#ifndef DK_OUTFILE_H
#define DK_OUTFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "models/error.h"

#define DK_OUTPUT_PATH_MAX 4096

/* One output being written. Owned by the caller; dk_output_close or
 * dk_output_abort ends it. */
typedef struct {
	const char *name; /* as given, for messages ("standard output") */
	bool direct;      /* written in place: a descriptor, device or FIFO */
	int alias;        /* for a descriptor name: its number; -1 otherwise */
	bool named;       /* the caller writes `tmp` by name (libxlsxwriter) */
	bool exists;      /* the target is an existing regular file */
	mode_t mode;      /* the mode the file gets */
	uid_t uid;        /* an existing target's owner and group */
	gid_t gid;
	int fd;                          /* what dk_output_put writes to; -1 when none */
	char target[DK_OUTPUT_PATH_MAX]; /* what the -o name finally names */
	char tmp[DK_OUTPUT_PATH_MAX];    /* the temporary file; "" when none */
} dk_output;

/* True when path is standard output ("-" or NULL). */
int dk_output_is_stdout(const char *path);

/* DK_EINPUT (with a diagnostic) when `path` is the same file as one of the
 * `n` input paths, also through links (NULL entries are skipped). */
dk_status dk_output_check(const char *path, const char *const *inputs, size_t n,
			  dk_error *d);

/* Starts an output to path (NULL or "-": standard output). With `named`
 * the caller writes the file o->tmp by name and dk_output_put is not used:
 * for a regular target it is the temporary file next to it, for a direct
 * one a temporary file in $TMPDIR (or /tmp) that dk_output_close copies
 * to the target. DK_EIO with a diagnostic, nothing touched. */
dk_status dk_output_open(dk_output *o, const char *path, bool named, dk_error *d);

/* Appends len bytes. DK_EIO with a diagnostic; the caller then calls
 * dk_output_abort. */
dk_status dk_output_put(dk_output *o, const char *data, size_t len, dk_error *d);

/* Completes the output: a regular target gets its mode (and owner), is
 * flushed to disk and renamed into place. On failure the temporary file is
 * removed, the target is as it was, and a diagnostic says why (DK_EIO). */
dk_status dk_output_close(dk_output *o, dk_error *d);

/* Gives the output up: the temporary file is removed, the target is as it
 * was. Safe to call after a failed dk_output_close or twice. */
void dk_output_abort(dk_output *o);

/* dk_output_open, dk_output_put and dk_output_close of len bytes. */
dk_status dk_output_write(const char *path, const char *data, size_t len, dk_error *d);

/* The system's reason for errno `errnum`, in English whatever the message
 * catalogue's language (the words around it are English, and strerror in
 * another language under the C character set turns "på" into "p?"). */
void dk_output_reason(int errnum, char *buf, size_t size);

/* Removes the temporary file of the output being written, if any. Only
 * async-signal-safe calls: for signal handlers, which then re-raise. */
void dk_output_signal_cleanup(void);

#endif

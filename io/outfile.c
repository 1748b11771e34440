/*
 * outfile.c: outputs that survive, and never replace what is not theirs
 * (see outfile.h).
 *
 * A regular target is written through a temporary file created with
 * O_CREAT | O_EXCL in the target's own directory (so the rename is atomic,
 * and a new file's mode comes from the umask and the directory exactly as
 * for the shell's `>`; an existing target's mode is copied with fchmod),
 * then fsync, rename, and an fsync of the directory so that the rename
 * itself is on disk. A device, FIFO or descriptor is written in place: a
 * rename over /dev/null would replace the machine's /dev/null with a file.
 *
 * The temporary file's name is registered for the signal handlers before
 * the file exists and forgotten only after it is gone or renamed, with
 * signals blocked around both steps, so a signal can neither leave the
 * file behind nor remove a file of the same name that is not ours.
 */
#include "io/outfile.h"

#include "io/i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <locale.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* The temporary file being written, for the signal handlers: set only
 * while `pending_set` is 1, and changed only while it is 0. */
static char pending[DK_OUTPUT_PATH_MAX];
static volatile sig_atomic_t pending_set;

void dk_output_signal_cleanup(void)
{
	if (pending_set)
		unlink(pending);
}

static void block_signals(sigset_t *old)
{
	sigset_t all;
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, old);
}

static void restore_signals(const sigset_t *old)
{
	pthread_sigmask(SIG_SETMASK, old, NULL);
}

static void pending_begin(const char *path)
{
	pending_set = 0;
	atomic_signal_fence(memory_order_seq_cst);
	snprintf(pending, sizeof pending, "%s", path);
	atomic_signal_fence(memory_order_seq_cst);
	pending_set = 1;
}

static void pending_end(void)
{
	pending_set = 0;
	atomic_signal_fence(memory_order_seq_cst);
}

int dk_output_is_stdout(const char *path)
{
	return !path || strcmp(path, "-") == 0;
}

dk_status dk_output_check(const char *path, const char *const *inputs, size_t n,
			  dk_error *d)
{
	struct stat out, in;
	if (dk_output_is_stdout(path) || stat(path, &out) != 0)
		return DK_OK;
	for (size_t i = 0; i < n; i++) {
		if (!inputs[i] || strcmp(inputs[i], "-") == 0 ||
		    stat(inputs[i], &in) != 0)
			continue;
		if (in.st_dev == out.st_dev && in.st_ino == out.st_ino) {
			dk_error_add(d, path, 0, 0,
				     _("the output file is the input '%s'; "
				       "expected a different file for -o"),
				     inputs[i]);
			return DK_EINPUT;
		}
	}
	return DK_OK;
}

static void dir_of(const char *path, char *dir, size_t size)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		snprintf(dir, size, ".");
	else if (slash == path)
		snprintf(dir, size, "/");
	else
		snprintf(dir, size, "%.*s", (int)(slash - path), path);
}

void dk_output_reason(int errnum, char *buf, size_t size)
{
	dk_strerror(errnum, buf, size);
}

/* An output problem is a diagnostic without a position: the file is the
 * target as the user named it, never the temporary file. */
static dk_status fail(const dk_output *o, int errnum, dk_error *d)
{
	char why[160];
	dk_output_reason(errnum, why, sizeof why);
	dk_error_add(d, o->name, 0, 0, _("cannot write: %s"), why);
	return DK_EIO;
}

/* /dev/stdout, /dev/stderr, /dev/fd/N and /proc/self/fd/N name an open
 * descriptor of this process: its number, or -1 for any other name. */
static int fd_alias(const char *p)
{
	if (strcmp(p, "/dev/stdout") == 0)
		return 1;
	if (strcmp(p, "/dev/stderr") == 0)
		return 2;
	const char *rest = NULL;
	if (strncmp(p, "/dev/fd/", 8) == 0)
		rest = p + 8;
	else if (strncmp(p, "/proc/self/fd/", 14) == 0)
		rest = p + 14;
	if (!rest || *rest < '0' || *rest > '9')
		return -1;
	char *end;
	long n = strtol(rest, &end, 10);
	return *end || n > INT_MAX ? -1 : (int)n;
}

/* Follows path through symbolic links to what it finally names (which
 * need not exist); *alias is the descriptor when that is a descriptor
 * name, else -1. 0, or -1 with errno. */
static int follow(const char *path, char *out, size_t size, int *alias)
{
	char cur[DK_OUTPUT_PATH_MAX], link[DK_OUTPUT_PATH_MAX], dir[DK_OUTPUT_PATH_MAX];
	if (snprintf(cur, sizeof cur, "%s", path) >= (int)sizeof cur) {
		errno = ENAMETOOLONG;
		return -1;
	}
	for (int hops = 0;; hops++) {
		struct stat st;
		*alias = fd_alias(cur);
		if (*alias >= 0)
			break;
		if (lstat(cur, &st) != 0) {
			if (errno == ENOENT)
				break;
			return -1;
		}
		if (!S_ISLNK(st.st_mode))
			break;
		if (hops == 40) {
			errno = ELOOP;
			return -1;
		}
		ssize_t n = readlink(cur, link, sizeof link);
		if (n < 0)
			return -1;
		if ((size_t)n >= sizeof link) {
			errno = ENAMETOOLONG;
			return -1;
		}
		link[n] = '\0';
		int len;
		if (link[0] == '/') {
			len = snprintf(cur, sizeof cur, "%s", link);
		} else {
			dir_of(cur, dir, sizeof dir);
			len = snprintf(cur, sizeof cur, "%s/%s", dir, link);
		}
		if (len >= (int)sizeof cur) {
			errno = ENAMETOOLONG;
			return -1;
		}
	}
	if (snprintf(out, size, "%s", cur) >= (int)size) {
		errno = ENAMETOOLONG;
		return -1;
	}
	return 0;
}

/* Six characters for a temporary name; O_EXCL settles collisions. */
static void temp_suffix(char six[7], unsigned attempt)
{
	static const char abc[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	uint64_t x = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 30) ^
		((uint64_t)getpid() << 40) ^ ((uint64_t)attempt * 0x9E3779B97F4A7C15u);
	x ^= x >> 30;
	x *= 0xBF58476D1CE4E5B9u;
	x ^= x >> 27;
	x *= 0x94D049BB133111EBu;
	x ^= x >> 31;
	for (int k = 0; k < 6; k++, x /= 62)
		six[k] = abc[x % 62];
	six[6] = '\0';
}

/* Creates dir/.dekom-XXXXXX with `mode` (less the umask), registered for
 * the signal handlers; its descriptor, or -1 with errno. */
static int make_temp(const char *dir, mode_t mode, char *tmp, size_t size)
{
	for (unsigned attempt = 0; attempt < 100; attempt++) {
		char six[7];
		temp_suffix(six, attempt);
		if (snprintf(tmp, size, "%s/.dekom-%s", dir, six) >= (int)size) {
			errno = ENAMETOOLONG;
			return -1;
		}
		sigset_t old;
		block_signals(&old);
		pending_begin(tmp);
		int fd = open(tmp, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, mode);
		int e = errno;
		if (fd < 0)
			pending_end();
		restore_signals(&old);
		if (fd >= 0)
			return fd;
		if (e != EEXIST) {
			errno = e;
			return -1;
		}
	}
	errno = EEXIST;
	return -1;
}

static void remove_temp(dk_output *o)
{
	if (!o->tmp[0])
		return;
	sigset_t old;
	block_signals(&old);
	unlink(o->tmp);
	pending_end();
	restore_signals(&old);
	o->tmp[0] = '\0';
}

/* Opens a direct target (a descriptor name, a device or a FIFO) for
 * writing; the descriptor, or -1 with errno. */
static int open_direct(const dk_output *o)
{
	if (o->alias >= 0)
		return fcntl(o->alias, F_DUPFD_CLOEXEC, 3);
	int fd = open(o->target, O_WRONLY | O_NOCTTY | O_CLOEXEC);
	struct stat st;
	if (fd >= 0 &&
	    (fstat(fd, &st) != 0 || S_ISREG(st.st_mode) || S_ISDIR(st.st_mode) ||
	     S_ISBLK(st.st_mode))) {
		/* it was replaced by a file between the look and the open */
		close(fd);
		errno = EBUSY;
		return -1;
	}
	return fd;
}

dk_status dk_output_open(dk_output *o, const char *path, bool named, dk_error *d)
{
	memset(o, 0, sizeof *o);
	o->fd = -1;
	o->alias = -1;
	o->named = named;
	o->name = dk_output_is_stdout(path) ? "standard output" : path;
	if (dk_output_is_stdout(path)) {
		o->direct = true;
		o->alias = STDOUT_FILENO;
		fflush(stdout);
	} else {
		struct stat st;
		if (follow(path, o->target, sizeof o->target, &o->alias) != 0)
			return fail(o, errno, d);
		if (o->alias >= 0) {
			o->direct = true;
		} else if (stat(o->target, &st) != 0) {
			if (errno != ENOENT)
				return fail(o, errno, d);
			o->mode = 0666; /* less the umask, by open */
		} else if (S_ISREG(st.st_mode)) {
			/* an existing file is replaced only by one who may write it */
			if (faccessat(AT_FDCWD, o->target, W_OK, AT_EACCESS) != 0)
				return fail(o, errno, d);
			o->exists = true;
			o->mode = st.st_mode & 07777;
			o->uid = st.st_uid;
			o->gid = st.st_gid;
		} else if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode) ||
			   S_ISSOCK(st.st_mode)) {
			o->direct = true;
		} else if (S_ISDIR(st.st_mode)) {
			return fail(o, EISDIR, d);
		} else {
			dk_error_add(
				d, o->name, 0, 0, "%s",
				S_ISBLK(st.st_mode)
					? _("is a block device; dekom writes a file, a "
					    "character device or a FIFO")
					: _("is not a file; dekom writes a file, a "
					    "character device or a FIFO"));
			return DK_EIO;
		}
	}
	char dir[DK_OUTPUT_PATH_MAX];
	if (!o->direct) {
		dir_of(o->target, dir, sizeof dir);
	} else if (named) {
		/* a descriptor that is not open (standard output closed) is
		 * refused now: the temporary file could get its number */
		if (o->alias >= 0 && fcntl(o->alias, F_GETFD) < 0)
			return fail(o, errno, d);
		const char *t = getenv("TMPDIR");
		snprintf(dir, sizeof dir, "%s", t && *t ? t : "/tmp");
	} else {
		o->fd = open_direct(o);
		return o->fd >= 0 ? DK_OK : fail(o, errno, d);
	}
	o->fd = make_temp(dir, o->exists || o->direct ? 0600 : o->mode, o->tmp,
			  sizeof o->tmp);
	if (o->fd < 0) {
		char why[160];
		dk_output_reason(errno, why, sizeof why);
		o->tmp[0] = '\0';
		dk_error_add(d, o->name, 0, 0, _("cannot create a file in '%s': %s"), dir,
			     why);
		return DK_EIO;
	}
	return DK_OK;
}

static int write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t k = write(fd, data, len);
		if (k < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		data += k;
		len -= (size_t)k;
	}
	return 0;
}

dk_status dk_output_put(dk_output *o, const char *data, size_t len, dk_error *d)
{
	if (o->fd < 0)
		return fail(o, EBADF, d);
	return write_all(o->fd, data, len) == 0 ? DK_OK : fail(o, errno, d);
}

/* A direct target written by name: the temporary file's bytes copied to
 * the target. 0, or -1 with errno. */
static int copy_to_direct(dk_output *o)
{
	char buf[65536];
	int to = open_direct(o);
	if (to < 0 || lseek(o->fd, 0, SEEK_SET) != 0) {
		int e = errno;
		if (to >= 0)
			close(to);
		errno = e;
		return -1;
	}
	int rc = 0, e = 0;
	for (;;) {
		ssize_t k = read(o->fd, buf, sizeof buf);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0 || (k > 0 && write_all(to, buf, (size_t)k) != 0)) {
			rc = -1;
			e = errno;
			break;
		}
		if (k == 0)
			break;
	}
	if (close(to) != 0 && rc == 0 && errno != EINTR) {
		rc = -1;
		e = errno;
	}
	errno = e;
	return rc;
}

/* The file gets the target's owner and group where the system lets it,
 * and its mode (set-id bits only with the owner they belong to). */
static int keep_mode_and_owner(const dk_output *o, int fd)
{
	struct stat st;
	mode_t mode = o->mode;
	if (fstat(fd, &st) != 0)
		return -1;
	if (st.st_uid != o->uid || st.st_gid != o->gid) {
		if (fchown(fd, o->uid, o->gid) != 0 && fchown(fd, (uid_t)-1, o->gid) != 0)
			errno = 0; /* not allowed: the file stays ours */
		if (fstat(fd, &st) != 0)
			return -1;
		if (st.st_uid != o->uid)
			mode &= (mode_t)~S_ISUID;
		if (st.st_gid != o->gid)
			mode &= (mode_t)~S_ISGID;
	}
	return fchmod(fd, mode);
}

dk_status dk_output_close(dk_output *o, dk_error *d)
{
	int fd = o->fd;
	o->fd = -1;
	if (fd < 0)
		return fail(o, EBADF, d);
	if (o->direct && !o->named)
		return close(fd) == 0 || errno == EINTR ? DK_OK : fail(o, errno, d);
	if (o->direct) {
		o->fd = fd;
		int rc = copy_to_direct(o);
		int e = errno;
		o->fd = -1;
		close(fd);
		remove_temp(o);
		return rc == 0 ? DK_OK : fail(o, e, d);
	}
	int ok = (!o->exists || keep_mode_and_owner(o, fd) == 0) && fsync(fd) == 0;
	int e = errno;
	if (close(fd) != 0 && ok) {
		ok = 0;
		e = errno;
	}
	struct stat st;
	if (ok && lstat(o->target, &st) == 0 && !S_ISREG(st.st_mode) &&
	    !S_ISLNK(st.st_mode)) {
		/* no longer a file (a device, a directory): not ours to replace */
		ok = 0;
		e = EEXIST;
	}
	if (ok) {
		sigset_t old;
		block_signals(&old);
		if (rename(o->tmp, o->target) == 0) {
			pending_end();
			o->tmp[0] = '\0';
		} else {
			ok = 0;
			e = errno;
		}
		restore_signals(&old);
	}
	if (!ok) {
		remove_temp(o);
		return fail(o, e, d);
	}
	/* the rename itself on disk; not every file system can say */
	char dir[DK_OUTPUT_PATH_MAX];
	dir_of(o->target, dir, sizeof dir);
	int dfd = open(dir, O_RDONLY | O_CLOEXEC);
	if (dfd >= 0) {
		(void)fsync(dfd);
		close(dfd);
	}
	return DK_OK;
}

void dk_output_abort(dk_output *o)
{
	if (o->fd >= 0)
		close(o->fd);
	o->fd = -1;
	remove_temp(o);
}

dk_status dk_output_write(const char *path, const char *data, size_t len, dk_error *d)
{
	dk_output o;
	dk_status st = dk_output_open(&o, path, false, d);
	if (st == DK_OK)
		st = dk_output_put(&o, data, len, d);
	if (st == DK_OK)
		st = dk_output_close(&o, d);
	dk_output_abort(&o);
	return st;
}

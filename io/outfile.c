/*
 * outfile.c: atomic output (see outfile.h).
 */
#include "io/outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int dk_output_is_stdout(const char *path)
{
	return !path || strcmp(path, "-") == 0;
}

dk_status dk_output_check(const char *path, const char *const *inputs,
			  size_t n, dk_diags *d)
{
	struct stat out, in;
	if (dk_output_is_stdout(path) || stat(path, &out) != 0)
		return DK_OK;
	for (size_t i = 0; i < n; i++) {
		if (!inputs[i] || strcmp(inputs[i], "-") == 0 ||
		    stat(inputs[i], &in) != 0)
			continue;
		if (in.st_dev == out.st_dev && in.st_ino == out.st_ino) {
			dk_diags_add(d, path, 0, 0,
				     "the output file is the input '%s'; "
				     "expected a different file for -o",
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

dk_status dk_output_temp(const char *path, char *tmp, size_t size, char *err,
			 size_t errsize)
{
	char dir[4096];
	dir_of(path, dir, sizeof dir);
	if ((size_t)snprintf(tmp, size, "%s/.dekom-XXXXXX", dir) >= size) {
		snprintf(err, errsize, "%s: path too long", path);
		return DK_EIO;
	}
	int fd = mkstemp(tmp);
	if (fd < 0) {
		snprintf(err, errsize, "%s: cannot create a file in '%s': %s", path,
			 dir, strerror(errno));
		return DK_EIO;
	}
	close(fd);
	return DK_OK;
}

dk_status dk_output_commit(const char *tmp, const char *path, char *err,
			   size_t errsize)
{
	int fd = open(tmp, O_RDONLY);
	int ok = fd >= 0 && fsync(fd) == 0;
	if (fd >= 0 && close(fd) != 0)
		ok = 0;
	if (ok)
		ok = chmod(tmp, 0644) == 0 && rename(tmp, path) == 0;
	if (!ok) {
		snprintf(err, errsize, "%s: cannot write: %s", path,
			 strerror(errno));
		unlink(tmp);
		return DK_EIO;
	}
	return DK_OK;
}

dk_status dk_output_write(const char *path, const char *data, size_t len,
			  char *err, size_t errsize)
{
	if (dk_output_is_stdout(path)) {
		if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0) {
			snprintf(err, errsize, "standard output: %s",
				 strerror(errno));
			return DK_EIO;
		}
		return DK_OK;
	}
	char tmp[4200];
	dk_status st = dk_output_temp(path, tmp, sizeof tmp, err, errsize);
	if (st != DK_OK)
		return st;
	FILE *f = fopen(tmp, "wb");
	int ok = f && fwrite(data, 1, len, f) == len;
	if (f && fclose(f) != 0)
		ok = 0;
	if (!ok) {
		snprintf(err, errsize, "%s: cannot write: %s", path,
			 strerror(errno));
		unlink(tmp);
		return DK_EIO;
	}
	return dk_output_commit(tmp, path, err, errsize);
}

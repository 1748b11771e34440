/*
 * test_outfile.c: outputs that survive and never replace what is not
 * theirs (io/outfile.h), in a scratch directory: modes and owners kept,
 * links followed, FIFOs and descriptors written in place, and every
 * failure (a file-size limit, a directory, a signal) leaving the old
 * target whole and no temporary file behind.
 */
#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io/outfile.h"

static char dir[PATH_MAX];

static void scratch_up(void)
{
	const char *t = getenv("TMPDIR");
	snprintf(dir, sizeof dir, "%s/dekom-outfile-XXXXXX", t && *t ? t : "/tmp");
	ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void scratch_down(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char p[PATH_MAX * 2];
	while (d && (e = readdir(d))) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
		if (unlink(p) != 0)
			rmdir(p);
	}
	if (d)
		closedir(d);
	rmdir(dir);
}

static const char *at(const char *name)
{
	static char p[PATH_MAX * 2];
	snprintf(p, sizeof p, "%s/%s", dir, name);
	return p;
}

static void put_file(const char *name, const char *text, mode_t mode)
{
	FILE *f = fopen(at(name), "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
	ck_assert_int_eq(chmod(at(name), mode), 0);
}

static char *slurp(const char *path)
{
	static char buf[4096];
	FILE *f = fopen(path, "r");
	ck_assert_ptr_nonnull(f);
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

/* How many `.dekom-` files the directory d holds. */
static int temps_in(const char *d)
{
	int n = 0;
	DIR *h = opendir(d);
	struct dirent *e;
	while (h && (e = readdir(h)))
		n += strncmp(e->d_name, ".dekom-", 7) == 0;
	if (h)
		closedir(h);
	return n;
}

static mode_t mode_of(const char *path)
{
	struct stat st;
	ck_assert_int_eq(stat(path, &st), 0);
	return st.st_mode & 07777;
}

/* dk_output_write; err gets its diagnostic as the program prints it,
 * "FILE: MESSAGE" (or "" when there is none). */
static dk_status write_err(const char *path, const char *data, size_t len, char *err,
			   size_t size)
{
	dk_error d;
	dk_error_init(&d);
	dk_status st = dk_output_write(path, data, len, &d);
	err[0] = '\0';
	if (d.n > 0)
		snprintf(err, size, "%s: %s", d.items[0].file, d.items[0].message);
	ck_assert_uint_eq(d.n, st == DK_OK ? 0 : 1);
	dk_error_release(&d);
	return st;
}

static dk_status write_text(const char *path, const char *text)
{
	char err[512];
	return write_err(path, text, strlen(text), err, sizeof err);
}

START_TEST(new_file_follows_the_umask)
{
	mode_t old = umask(077);
	ck_assert_int_eq(write_text(at("a.json"), "new\n"), DK_OK);
	umask(022);
	ck_assert_int_eq(write_text(at("b.json"), "new\n"), DK_OK);
	umask(old);
	ck_assert_int_eq(mode_of(at("a.json")), 0600);
	ck_assert_int_eq(mode_of(at("b.json")), 0644);
	ck_assert_str_eq(slurp(at("b.json")), "new\n");
	ck_assert_int_eq(temps_in(dir), 0);
}
END_TEST

START_TEST(existing_file_keeps_its_mode_and_owner)
{
	put_file("a.json", "old\n", 0600);
	put_file("b.json", "old\n", 0640);
	ck_assert_int_eq(write_text(at("a.json"), "new\n"), DK_OK);
	ck_assert_int_eq(write_text(at("b.json"), "new\n"), DK_OK);
	ck_assert_int_eq(mode_of(at("a.json")), 0600);
	ck_assert_int_eq(mode_of(at("b.json")), 0640);
	ck_assert_str_eq(slurp(at("a.json")), "new\n");
	if (geteuid() == 0) {
		/* root can give the new file the old one's owner and group */
		put_file("c.json", "old\n", 0604);
		ck_assert_int_eq(chown(at("c.json"), 65534, 65534), 0);
		ck_assert_int_eq(write_text(at("c.json"), "new\n"), DK_OK);
		struct stat st;
		ck_assert_int_eq(stat(at("c.json"), &st), 0);
		ck_assert_int_eq(st.st_uid, 65534);
		ck_assert_int_eq(st.st_gid, 65534);
		ck_assert_int_eq(st.st_mode & 07777, 0604);
	}
	ck_assert_int_eq(temps_in(dir), 0);
}
END_TEST

START_TEST(a_link_is_followed_and_stays)
{
	put_file("target.json", "old\n", 0640);
	ck_assert_int_eq(symlink("target.json", at("link.json")), 0);
	ck_assert_int_eq(write_text(at("link.json"), "new\n"), DK_OK);
	struct stat st;
	ck_assert_int_eq(lstat(at("link.json"), &st), 0);
	ck_assert(S_ISLNK(st.st_mode));
	ck_assert_str_eq(slurp(at("target.json")), "new\n");
	ck_assert_int_eq(mode_of(at("target.json")), 0640);
	/* a dangling link: its target is created, as the shell's > does */
	ck_assert_int_eq(symlink("later.json", at("dangling.json")), 0);
	ck_assert_int_eq(write_text(at("dangling.json"), "new\n"), DK_OK);
	ck_assert_int_eq(lstat(at("dangling.json"), &st), 0);
	ck_assert(S_ISLNK(st.st_mode));
	ck_assert_str_eq(slurp(at("later.json")), "new\n");
	/* a loop is an error, and nothing is written */
	ck_assert_int_eq(symlink("loop2", at("loop1")), 0);
	ck_assert_int_eq(symlink("loop1", at("loop2")), 0);
	char err[512];
	ck_assert_int_eq(write_err(at("loop1"), "x", 1, err, sizeof err), DK_EIO);
	ck_assert_ptr_nonnull(strstr(err, "loop1: cannot write: "));
	ck_assert_int_eq(temps_in(dir), 0);
}
END_TEST

START_TEST(a_fifo_is_written_in_place)
{
	ck_assert_int_eq(mkfifo(at("fifo"), 0600), 0);
	int r = open(at("fifo"), O_RDONLY | O_NONBLOCK);
	ck_assert_int_ge(r, 0);
	ck_assert_int_eq(write_text(at("fifo"), "through\n"), DK_OK);
	char buf[32] = "";
	ck_assert_int_eq(read(r, buf, sizeof buf - 1), 8);
	ck_assert_str_eq(buf, "through\n");
	close(r);
	struct stat st;
	ck_assert_int_eq(lstat(at("fifo"), &st), 0);
	ck_assert(S_ISFIFO(st.st_mode));
	ck_assert_int_eq(temps_in(dir), 0);
}
END_TEST

START_TEST(a_descriptor_name_is_written_in_place)
{
	int p[2];
	char name[64], buf[32] = "";
	ck_assert_int_eq(pipe(p), 0);
	snprintf(name, sizeof name, "/dev/fd/%d", p[1]);
	ck_assert_int_eq(write_text(name, "piped\n"), DK_OK);
	close(p[1]);
	ck_assert_int_eq(read(p[0], buf, sizeof buf - 1), 6);
	ck_assert_str_eq(buf, "piped\n");
	close(p[0]);
}
END_TEST

START_TEST(a_failed_write_leaves_the_old_file)
{
	put_file("out.json", "old\n", 0644);
	/* a file-size limit of 1 kB: the write fails with EFBIG */
	struct rlimit old, small = {1024, 1024};
	ck_assert_int_eq(getrlimit(RLIMIT_FSIZE, &old), 0);
	void (*was)(int) = signal(SIGXFSZ, SIG_IGN);
	small.rlim_max = old.rlim_max;
	ck_assert_int_eq(setrlimit(RLIMIT_FSIZE, &small), 0);
	char big[4096], err[512];
	memset(big, 'x', sizeof big);
	dk_status st = write_err(at("out.json"), big, sizeof big, err, sizeof err);
	setrlimit(RLIMIT_FSIZE, &old);
	signal(SIGXFSZ, was);
	ck_assert_int_eq(st, DK_EIO);
	ck_assert_ptr_nonnull(strstr(err, "out.json: cannot write: File too large"));
	ck_assert_str_eq(slurp(at("out.json")), "old\n");
	ck_assert_int_eq(temps_in(dir), 0);
}
END_TEST

START_TEST(refused_targets_are_untouched)
{
	char err[512];
	ck_assert_int_eq(mkdir(at("sub"), 0755), 0);
	ck_assert_int_eq(write_err(at("sub"), "x", 1, err, sizeof err), DK_EIO);
	ck_assert_ptr_nonnull(strstr(err, "sub: cannot write: Is a directory"));
	ck_assert_int_eq(write_err(at("missing/out.json"), "x", 1, err, sizeof err),
			 DK_EIO);
	ck_assert_ptr_nonnull(strstr(err, "missing/out.json: cannot create a file in "));
	ck_assert_int_eq(temps_in(dir), 0);
	ck_assert_int_eq(temps_in(at("sub")), 0);
}
END_TEST

START_TEST(signal_cleanup_removes_the_temporary_file)
{
	put_file("out.json", "old\n", 0644);
	dk_output o;
	dk_error d;
	dk_error_init(&d);
	ck_assert_int_eq(dk_output_open(&o, at("out.json"), false, &d), DK_OK);
	ck_assert_int_eq(dk_output_put(&o, "half", 4, &d), DK_OK);
	ck_assert_int_eq(temps_in(dir), 1);
	dk_output_signal_cleanup(); /* what the handlers of cli/main.c call */
	ck_assert_int_eq(temps_in(dir), 0);
	dk_output_abort(&o);
	ck_assert_str_eq(slurp(at("out.json")), "old\n");
	/* a completed output leaves nothing for the handlers to remove */
	ck_assert_int_eq(write_text(at("out.json"), "new\n"), DK_OK);
	dk_output_signal_cleanup();
	ck_assert_str_eq(slurp(at("out.json")), "new\n");
	ck_assert_uint_eq(d.n, 0);
	dk_error_release(&d);
}
END_TEST

START_TEST(named_outputs)
{
	dk_error d;
	dk_error_init(&d);
	dk_output o;
	put_file("book.xlsx", "old\n", 0600);
	/* a regular target: the temporary file is next to it */
	ck_assert_int_eq(dk_output_open(&o, at("book.xlsx"), true, &d), DK_OK);
	ck_assert_int_eq(strncmp(o.tmp, at(".dekom-"), strlen(at(".dekom-"))), 0);
	FILE *f = fopen(o.tmp, "wb");
	fputs("PK new\n", f);
	fclose(f);
	ck_assert_int_eq(dk_output_close(&o, &d), DK_OK);
	dk_output_abort(&o);
	ck_assert_str_eq(slurp(at("book.xlsx")), "PK new\n");
	ck_assert_int_eq(mode_of(at("book.xlsx")), 0600);
	/* a FIFO: the temporary file is in $TMPDIR, copied, then removed */
	ck_assert_int_eq(mkdir(at("tmp"), 0700), 0);
	char *was = getenv("TMPDIR") ? strdup(getenv("TMPDIR")) : NULL;
	setenv("TMPDIR", at("tmp"), 1);
	ck_assert_int_eq(mkfifo(at("fifo"), 0600), 0);
	int r = open(at("fifo"), O_RDONLY | O_NONBLOCK);
	ck_assert_int_eq(dk_output_open(&o, at("fifo"), true, &d), DK_OK);
	ck_assert_int_eq(temps_in(at("tmp")), 1);
	f = fopen(o.tmp, "wb");
	fputs("PK fifo\n", f);
	fclose(f);
	ck_assert_int_eq(dk_output_close(&o, &d), DK_OK);
	dk_output_abort(&o);
	if (was)
		setenv("TMPDIR", was, 1);
	else
		unsetenv("TMPDIR");
	free(was);
	char buf[32] = "";
	ck_assert_int_eq(read(r, buf, sizeof buf - 1), 8);
	ck_assert_str_eq(buf, "PK fifo\n");
	close(r);
	ck_assert_int_eq(temps_in(at("tmp")), 0);
	ck_assert_int_eq(temps_in(dir), 0);
	ck_assert_uint_eq(d.n, 0);
	dk_error_release(&d);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("outfile");
	TCase *tc = tcase_create("outfile");
	tcase_add_checked_fixture(tc, scratch_up, scratch_down);
	tcase_add_test(tc, new_file_follows_the_umask);
	tcase_add_test(tc, existing_file_keeps_its_mode_and_owner);
	tcase_add_test(tc, a_link_is_followed_and_stays);
	tcase_add_test(tc, a_fifo_is_written_in_place);
	tcase_add_test(tc, a_descriptor_name_is_written_in_place);
	tcase_add_test(tc, a_failed_write_leaves_the_old_file);
	tcase_add_test(tc, refused_targets_are_untouched);
	tcase_add_test(tc, signal_cleanup_removes_the_temporary_file);
	tcase_add_test(tc, named_outputs);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

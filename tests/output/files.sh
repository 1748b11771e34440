#!/bin/sh
# -o to regular files (io/outfile.h): a new file follows the umask, an
# existing one keeps its mode and owner, a link is followed and stays, two
# runs on one target leave one whole file, an output equal to an input
# (also through a link) is bad usage, and every target that cannot be
# written (a directory, a missing directory, a link loop, /proc, a file the
# user may not write, a file-size limit, a full disk) gives exit 3, a
# message that names the target, the old file as it was and no temporary
# file.
. "$(dirname "$0")/lib.sh"

# a new file: 0666 less the umask, as the shell's > gives
(umask 077 && "$dekom" recommend -q --fail-on never -f json -o new-077.json)
[ "$(mode_of new-077.json)" = 600 ] || fail "umask 077: mode $(mode_of new-077.json)"
cmp -s new-077.json "$work/ref.json" || fail "umask 077: not the recommendation"
(umask 022 && "$dekom" recommend -q --fail-on never -f json -o new-022.json)
[ "$(mode_of new-022.json)" = 644 ] || fail "umask 022: mode $(mode_of new-022.json)"
(umask 077 && "$dekom" recommend -q --fail-on never -o new-077.xlsx)
[ "$(mode_of new-077.xlsx)" = 600 ] || fail "umask 077 xlsx: mode $(mode_of new-077.xlsx)"

# an existing file keeps its mode (0600 stays 0600, whatever the umask)
for f in keep.json keep.xlsx; do
	printf 'old\n' > $f
	chmod 600 $f
	(umask 022 && "$dekom" recommend -q --fail-on never -o $f)
	[ "$(mode_of $f)" = 600 ] || fail "$f: an existing 0600 file became $(mode_of $f)"
done
cmp -s keep.json "$work/ref.json" || fail "keep.json: not the recommendation"
printf 'old\n' > group.json
chmod 640 group.json
"$dekom" recommend -q --fail-on never -o group.json
[ "$(mode_of group.json)" = 640 ] || fail "group.json: 0640 became $(mode_of group.json)"

# ... and its owner, where the system allows it (root)
if [ "$(id -u)" = 0 ]; then
	printf 'old\n' > owned.json
	chown 65534:65534 owned.json
	"$dekom" recommend -q --fail-on never -o owned.json
	[ "$(stat -c %u:%g owned.json)" = 65534:65534 ] ||
		fail "owned.json: owner 65534:65534 became $(stat -c %u:%g owned.json)"
else
	skip "owner kept: needs root"
fi

# a symbolic link is followed; the link stays a link, its target is replaced
printf 'old\n' > real.csv
chmod 640 real.csv
ln -s real.csv link.csv
run recommend -f csv -o link.csv
expect_rc 1 "link"
[ -L link.csv ] || fail "link.csv is no longer a link"
cmp -s real.csv "$work/ref.csv" || fail "link: its target does not hold the recommendation"
[ "$(mode_of real.csv)" = 640 ] || fail "link: the target's mode 0640 became $(mode_of real.csv)"
expect_stderr "skrev link.csv: 3 feil, 13 advarsler, 1 til orientering" "link"
mkdir sub
ln -s sub/later.csv dangling.csv
"$dekom" recommend -q -f csv -o dangling.csv
[ -L dangling.csv ] && cmp -s sub/later.csv "$work/ref.csv" ||
	fail "a dangling link: its target was not created"
no_temps . "link"
no_temps sub "link"

# an output that is an input, also through a link: exit 2, nothing written
cp "$src/tests/cli/shared/networks.csv" "$src/tests/cli/shared/plan.json" .
cp networks.csv networks.before
ln -s networks.csv alias.csv
run recommend -n networks.csv -p plan.json -o alias.csv
expect_rc 2 "output is an input through a link"
cmp -s networks.csv networks.before || fail "output is an input: the input was changed"

# two runs writing one target: one of the two, whole
i=0
while [ $i -lt 5 ]; do
	"$dekom" recommend -q --fail-on never -f json -o both.out &
	"$dekom" recommend -q --fail-on never -f csv -o both.out &
	wait
	cmp -s both.out "$work/ref.json" || cmp -s both.out "$work/ref.csv" ||
		fail "two runs on one target left neither output whole"
	i=$((i + 1))
done
no_temps . "two runs"

# targets that cannot be written: exit 3, one line naming the target (in
# English, whose system reasons do not depend on the installed catalogues)
printf 'old\n' > old.json
run recommend --lang en -f json -o sub
expect_rc 3 "a directory"
expect_stderr "dekom: error: sub: cannot write: Is a directory" "a directory"
run recommend --lang en -f json -o missing/out.json
expect_rc 3 "a missing directory"
expect_stderr "dekom: error: missing/out.json: cannot create a file in 'missing': No such file or directory" "a missing directory"
run recommend -o missing/out.xlsx
expect_rc 3 "a missing directory, xlsx"
ln -s loop2 loop1
ln -s loop1 loop2
run recommend --lang en -f json -o loop1
expect_rc 3 "a link loop"
expect_stderr "dekom: error: loop1: cannot write: Too many levels of symbolic links" "a link loop"
if [ -f /proc/version ]; then
	before=$(cat /proc/version)
	run recommend -f json -o /proc/version
	expect_rc 3 "/proc/version"
	[ "$(cat /proc/version)" = "$before" ] || fail "/proc/version changed"
fi
[ -e missing ] && fail "a missing directory was created"
no_temps . "refused targets"
no_temps sub "refused targets"

# a file the user may not write (as an ordinary user: root may write any)
if [ "$(id -u)" = 0 ] && command -v setpriv > /dev/null; then
	mkdir shared
	chmod 777 shared
	printf 'old\n' > shared/ro.json
	chmod 444 shared/ro.json
	setpriv --reuid=65534 --regid=65534 --clear-groups \
		"$dekom" recommend --lang en -f json -o shared/ro.json 2> "$work/stderr"
	rc=$?
	expect_rc 3 "a read-only file"
	expect_stderr "dekom: error: shared/ro.json: cannot write: Permission denied" "a read-only file"
	same shared/ro.json old "a read-only file"
	no_temps shared "a read-only file"
elif [ "$(id -u)" != 0 ]; then
	chmod 444 old.json
	run recommend -f json -o old.json
	expect_rc 3 "a read-only file"
	same old.json old "a read-only file"
	chmod 644 old.json
else
	skip "a read-only file: needs setpriv to run as an ordinary user"
fi

# a file-size limit (ulimit -f, in blocks of 512 bytes): EFBIG, not a
# half-written file
printf 'old\n' > old.json
(ulimit -f 8 && "$dekom" recommend --lang en -f json -o old.json 2> "$work/stderr"; echo $? > "$work/rc")
rc=$(cat "$work/rc")
expect_rc 3 "a file-size limit"
expect_stderr "dekom: error: old.json: cannot write: File too large" "a file-size limit"
same old.json old "a file-size limit"
no_temps . "a file-size limit"

# a full disk: a 64 kB tmpfs, filled, in a private mount namespace
if [ "$(id -u)" = 0 ] && unshare -m true 2> /dev/null; then
	mkdir disk
	cat > full.sh <<'FULL'
set -u
mount -t tmpfs -o size=64k tmpfs disk || exit 77
printf 'old\n' > disk/out.json
printf 'old\n' > disk/out.xlsx
dd if=/dev/zero of=disk/fill bs=4096 count=64 2> /dev/null
for f in out.json out.xlsx; do
	"$1" recommend --lang en -o disk/$f 2> err-$f
	echo $? > rc-$f
	cp disk/$f after-$f
	ls -A disk > ls-$f
done
FULL
	unshare -m sh full.sh "$dekom"
	if [ $? = 77 ]; then
		skip "full disk: no tmpfs"
	else
		for f in out.json out.xlsx; do
			rc=$(cat rc-$f)
			expect_rc 3 "a full disk, $f"
			same after-$f old "a full disk, $f"
			grep -q '^\.dekom-' ls-$f && fail "a full disk, $f: a temporary file was left"
			grep -q '\[ERROR\]' err-$f && fail "a full disk, $f: libxlsxwriter's message shown"
			grep -q '\.dekom-' err-$f && fail "a full disk, $f: the message names the temporary file"
		done
		printf 'dekom: error: disk/out.json: cannot write: No space left on device\n' > want
		cmp -s want err-out.json || fail "a full disk, json: $(cat err-out.json)"
		printf 'dekom: error: disk/out.xlsx: cannot write the workbook: No space left on device\n' > want
		cmp -s want err-out.xlsx || fail "a full disk, xlsx: $(cat err-out.xlsx)"
	fi
else
	skip "full disk: needs root and unshare -m (a private tmpfs)"
fi

finish

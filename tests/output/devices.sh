#!/bin/sh
# -o to what is not a regular file (io/outfile.h): devices, FIFOs and
# standard output are written in place and never replaced by a file.
#
# The machine's own /dev is never touched. The null (1,3) and full (1,7)
# devices are made with mknod in a tmpfs inside a private mount namespace
# (unshare -m, as root), where /dev itself is also covered by a tmpfs so
# that the names /dev/null and /dev/full are tried as written; that part is
# skipped, with a message, where unshare or mknod is not allowed. FIFOs
# (mkfifo), standard output (-o -) and /dev/stdout into a pipe or a file
# need no privileges and always run.
. "$(dirname "$0")/lib.sh"

# standard output: -o -, /dev/stdout and /dev/fd/1 into a pipe
for o in - /dev/stdout /dev/fd/1; do
	"$dekom" recommend -q -f json -o $o 2> "$work/stderr" | cat > piped.json
	cmp -s piped.json "$work/ref.json" || fail "-o $o into a pipe: not the recommendation"
done
# /dev/stdout when standard output is a file: written in place, not replaced
printf 'old\n' > stdout.json
inode=$(stat -c %i stdout.json)
"$dekom" recommend -q -f json -o /dev/stdout > stdout.json
cmp -s stdout.json "$work/ref.json" || fail "-o /dev/stdout into a file: not the recommendation"
[ "$(stat -c %i stdout.json)" = "$inode" ] || fail "-o /dev/stdout: the shell's file was replaced"
no_temps . "/dev/stdout"
# standard output closed: exit 3, not a crash
run recommend --lang en -f json -o - >&-
expect_rc 3 "-o - with standard output closed"
expect_stderr "dekom: error: standard output: cannot write: Bad file descriptor" "-o - closed"

# a FIFO: written through, text and workbook, and still a FIFO
mkfifo fifo
for f in json csv xlsx; do
	timeout 30 cat fifo > from-fifo &
	reader=$!
	run recommend -f $f -o fifo
	wait $reader
	expect_rc 1 "FIFO, $f"
	[ -p fifo ] || fail "FIFO, $f: the FIFO was replaced"
	[ -s from-fifo ] || fail "FIFO, $f: nothing came through"
done
head -c 2 from-fifo | grep -q PK || fail "FIFO, xlsx: not a workbook"
"$dekom" recommend -q -f csv -o fifo &
writer=$!
timeout 30 cat fifo > from-fifo
wait $writer
cmp -s from-fifo "$work/ref.csv" || fail "FIFO: not the recommendation"
ln -s fifo fifo-link
timeout 30 cat fifo > from-fifo &
"$dekom" recommend -q -f csv -o fifo-link
wait
[ -L fifo-link ] && [ -p fifo ] || fail "a link to a FIFO was replaced"
cmp -s from-fifo "$work/ref.csv" || fail "a link to a FIFO: not the recommendation"
no_temps . "FIFO"

# devices, in a private mount namespace
if [ "$(id -u)" != 0 ] || ! unshare -m true 2> /dev/null; then
	skip "devices: needs root and unshare -m for private device nodes; the same code paths ran above for a FIFO and a descriptor"
	finish
fi
cat > devices-inside.sh <<'INSIDE'
# Runs in the private mount namespace; $2 is the parent's namespace, to be
# sure that nothing below is mounted over the machine's own /dev.
set -u
dekom=$1
[ "$(readlink /proc/self/ns/mnt)" != "$2" ] || { echo "not in a private namespace"; exit 1; }
mkdir dev-scratch
mount -t tmpfs tmpfs dev-scratch || exit 77
mknod dev-scratch/null c 1 3 && mknod dev-scratch/full c 1 7 || exit 77
printf x > dev-scratch/null || exit 77
mknod dev-scratch/block b 240 0 || exit 77
ln -s null dev-scratch/null-link
for d in dev-scratch/null dev-scratch/full dev-scratch/null-link dev-scratch/block; do
	for f in json csv md xlsx; do
		"$dekom" recommend --lang en -f $f -o $d 2> "err $(basename $d) $f"
		echo $? > "rc $(basename $d) $f"
	done
done
ls -lA dev-scratch > dev-scratch.ls
# the names as written: a tmpfs over /dev, in this namespace only
mount -t tmpfs tmpfs /dev || exit 77
mknod /dev/null c 1 3 && mknod /dev/full c 1 7 || exit 77
for d in /dev/null /dev/full; do
	"$dekom" recommend --lang en -f json -o $d 2> "err $(basename $d) literal"
	echo $? > "rc $(basename $d) literal"
done
ls -lA /dev > dev.ls
INSIDE
unshare -m sh devices-inside.sh "$dekom" "$(readlink /proc/self/ns/mnt)"
case $? in
77) skip "devices: mount or mknod not allowed here"; finish ;;
0) ;;
*) fail "devices: the namespace script failed"; finish ;;
esac
check() { # device format exit-code message
	rc=$(cat "rc $1 $2")
	[ "$rc" = "$3" ] || fail "-o $1 ($2): exit code $rc, expected $3"
	printf '%s\n' "$4" > want
	cmp -s want "err $1 $2" || fail "-o $1 ($2): '$(cat "err $1 $2")', expected '$4'"
}
for f in json csv md xlsx; do
	check null $f 1 "wrote dev-scratch/null: 3 errors, 13 warnings, 1 info"
	check null-link $f 1 "wrote dev-scratch/null-link: 3 errors, 13 warnings, 1 info"
	check full $f 3 "dekom: error: dev-scratch/full: cannot write: No space left on device"
	check block $f 3 "dekom: error: dev-scratch/block: is a block device; dekom writes a file, a character device or a FIFO"
done
check null literal 1 "wrote /dev/null: 3 errors, 13 warnings, 1 info"
check full literal 3 "dekom: error: /dev/full: cannot write: No space left on device"
grep -q '^crw.* 1, *3 .* null$' dev-scratch.ls || fail "the null device was replaced: $(cat dev-scratch.ls)"
grep -q '^crw.* 1, *7 .* full$' dev-scratch.ls || fail "the full device was replaced"
grep -q '^lrw.* null-link -> null$' dev-scratch.ls || fail "the link to null was replaced"
grep -q '^brw.* block$' dev-scratch.ls || fail "the block device was replaced"
grep -q '\.dekom-' dev-scratch.ls && fail "a temporary file was left next to the devices"
grep -q '^crw.* 1, *3 .* null$' dev.ls && grep -q '^crw.* 1, *7 .* full$' dev.ls ||
	fail "/dev/null or /dev/full was replaced: $(cat dev.ls)"
grep -q '\.dekom-' dev.ls && fail "a temporary file was left in /dev"
finish

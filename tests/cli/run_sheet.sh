#!/bin/sh
# One ordinary sheet variation: runs dekom with the case's `args` (one per
# line) in a copy of the case folder, laid over a copy of `shared/`, with
# `-o OUTPUT` appended (OUTPUT from the file `output`, default out.csv,
# which also chooses the format; made beforehand if missing), and asserts:
# the exit code (0, or the one in `exit`), standard error equal to the file
# `stderr` byte for byte (empty when there is none: the diagnostics of bad
# input, or the line saying what was written), nothing on standard output,
# no stray temporary file; then, on exit 2, that the output file is
# unchanged, and otherwise that it equals `expected` (when the case has
# one) and starts with the bytes of `magic` (when it has one: `PK` for a
# workbook). Each case is either the right recommendation, small enough to
# check by hand, or a clear error with nothing written; never a wrong
# amount with exit 0. With DEKOM_REGEN=1 in the environment, `expected`
# and `stderr` are written from the run instead (read the diff).
set -u
dekom=$1
case=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$(dirname "$0")"/shared/. "$work"/
cp -R "$case"/. "$work"/
cd "$work" || exit 1
output=out.csv
[ -f output ] && output=$(cat output)
[ -e "$output" ] || printf 'an earlier output\n' > "$output"
before=$(cksum < "$output")
want_rc=0
[ -f exit ] && want_rc=$(cat exit)
[ -f stderr ] || : > stderr
set --
while IFS= read -r a || [ -n "$a" ]; do set -- "$@" "$a"; done < args
"$dekom" "$@" -o "$output" < /dev/null > stdout.txt 2> stderr.txt
rc=$?
if [ "${DEKOM_REGEN:-}" = 1 ]; then
	cp stderr.txt "$case/stderr"
	[ "$rc" != 2 ] && [ -f "$case/expected" ] && cp "$output" "$case/expected"
	[ -s "$case/stderr" ] || rm -f "$case/stderr"
fi
fail=0
if [ "$rc" != "$want_rc" ]; then
	echo "exit code $rc, expected $want_rc"; cat stderr.txt; fail=1
fi
if ! cmp -s stderr.txt stderr && [ "${DEKOM_REGEN:-}" != 1 ]; then
	echo "standard error differs from the case's stderr:"; diff stderr stderr.txt; fail=1
fi
if [ -s stdout.txt ]; then
	echo "unexpected standard output:"; cat stdout.txt; fail=1
fi
if ls -A | grep -q '^\.dekom-'; then
	echo "a temporary file was left behind"; fail=1
fi
if [ "$rc" = 2 ]; then
	if [ "$(cksum < "$output")" != "$before" ]; then
		echo "the output file $output was changed"; fail=1
	fi
else
	if [ -f expected ] && [ "${DEKOM_REGEN:-}" != 1 ] && ! cmp -s "$output" expected; then
		echo "$output differs from expected:"; diff expected "$output"; fail=1
	fi
	if [ -f magic ]; then
		n=$(wc -c < magic)
		if [ "$(head -c "$n" "$output")" != "$(cat magic)" ]; then
			echo "$output does not start with '$(cat magic)'"; fail=1
		fi
	fi
fi
exit $fail

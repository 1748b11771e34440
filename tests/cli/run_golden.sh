#!/bin/sh
# One golden case: runs dekom with the case's `args` (one per line) in a
# copy of the case folder and asserts the exit code (0, or `exit`) and that
# standard output equals `expected` byte for byte (or the source file
# named in `expected-path`, for examples that the docs show). DK_SOURCE_DIR in an
# argument is replaced by the source tree, so cases can name fixtures.
set -u
dekom=$1
case=$2
src=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$case"/. "$work"/
cd "$work" || exit 1
want_rc=0
[ -f exit ] && want_rc=$(cat exit)
set --
while IFS= read -r a || [ -n "$a" ]; do
	case $a in
	DK_SOURCE_DIR*) a="$src${a#DK_SOURCE_DIR}" ;;
	esac
	set -- "$@" "$a"
done < args
"$dekom" "$@" > stdout.txt 2> stderr.txt < /dev/null
rc=$?
fail=0
if [ "$rc" != "$want_rc" ]; then
	echo "exit code $rc, expected $want_rc"; cat stderr.txt; fail=1
fi
expected=expected
[ -f expected-path ] && expected="$src/$(cat expected-path)"
if ! cmp -s stdout.txt "$expected"; then
	echo "standard output differs from expected:"; diff "$expected" stdout.txt; fail=1
fi
exit $fail

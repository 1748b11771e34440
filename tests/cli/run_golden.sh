#!/bin/sh
# One golden case: runs dekom with the case's `args` (one per line) from the
# source tree, so that file names in the output are the same on every
# machine, and asserts the exit code (0, or the one in `exit`) and that
# standard output equals `expected` byte for byte (or the source file named
# in `expected-path`, for examples that the docs show). CASE_DIR in an
# argument is the case's own folder. With DEKOM_REGEN=1 in the environment
# the output is written to the expected file instead (for a change meant to
# change output; read the diff before committing):
#   DEKOM_REGEN=1 ctest -R golden/
set -u
dekom=$1
case=$2
src=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
want_rc=0
[ -f "$case/exit" ] && want_rc=$(cat "$case/exit")
set --
while IFS= read -r a || [ -n "$a" ]; do
	case $a in
	CASE_DIR*) a="$case${a#CASE_DIR}" ;;
	esac
	set -- "$@" "$a"
done < "$case/args"
(cd "$src" && "$dekom" "$@") > "$work/stdout" 2> "$work/stderr" < /dev/null
rc=$?
fail=0
if [ "$rc" != "$want_rc" ]; then
	echo "exit code $rc, expected $want_rc"; cat "$work/stderr"; fail=1
fi
expected="$case/expected"
[ -f "$case/expected-path" ] && expected="$src/$(cat "$case/expected-path")"
[ "${DEKOM_REGEN:-}" = 1 ] && cp "$work/stdout" "$expected"
if ! cmp -s "$work/stdout" "$expected"; then
	echo "standard output differs from expected:"; diff "$expected" "$work/stdout"; fail=1
fi
exit $fail

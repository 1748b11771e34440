#!/bin/sh
# One bad-input case: runs dekom with the case's `args` (one per line) in a
# copy of the case folder, laid over a copy of `shared/` (the 2022 plan as
# plan.json and a small valid networks.csv, for cases about the other
# file: -n and -p go together), with `-o OUTPUT` appended (OUTPUT from the
# file `output`, default out.txt, made beforehand if missing), and asserts:
# exit code 2 (or the one in `exit`), standard error equal to `expected`
# byte for byte, nothing on standard output, the output file unchanged, and
# no stray temporary file left behind. The messages are in the program's
# language: bokmål, or English for a case whose `args` has `--lang en`.
# With DEKOM_REGEN=1 in the environment, `expected` is written from the run
# instead (for a change meant to change a message; read the diff):
#   DEKOM_REGEN=1 ctest -R bad/
set -u
dekom=$1
case=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$(dirname "$0")"/shared/. "$work"/
cp -R "$case"/. "$work"/
cd "$work" || exit 1
output=out.txt
[ -f output ] && output=$(cat output)
[ -e "$output" ] || printf 'an earlier output\n' > "$output"
before=$(cksum < "$output")
want_rc=2
[ -f exit ] && want_rc=$(cat exit)
set --
while IFS= read -r a || [ -n "$a" ]; do set -- "$@" "$a"; done < args
if [ -f stdin ]; then
	"$dekom" "$@" -o "$output" < stdin > stdout.txt 2> stderr.txt
else
	"$dekom" "$@" -o "$output" < /dev/null > stdout.txt 2> stderr.txt
fi
rc=$?
[ "${DEKOM_REGEN:-}" = 1 ] && cp stderr.txt "$case/expected"
fail=0
if [ "$rc" != "$want_rc" ]; then
	echo "exit code $rc, expected $want_rc"; fail=1
fi
if ! cmp -s stderr.txt expected; then
	echo "standard error differs from expected:"; diff expected stderr.txt; fail=1
fi
if [ -s stdout.txt ]; then
	echo "unexpected standard output:"; cat stdout.txt; fail=1
fi
if [ "$(cksum < "$output")" != "$before" ]; then
	echo "the output file $output was changed"; fail=1
fi
if ls -A | grep -q '^\.dekom-'; then
	echo "a temporary file was left behind"; fail=1
fi
exit $fail

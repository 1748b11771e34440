#!/bin/sh
# Every golden CLI case under valgrind's memcheck: no invalid read or write,
# no use of an uninitialised value, and no definite or indirect leak, on
# the same commands and inputs as tests/cli/run_golden.sh (output is not
# compared here; the golden test does that). Skipped (exit 77) where
# valgrind is absent. Usage: run_valgrind.sh DEKOM GOLDEN_DIR SOURCE_DIR
set -u
dekom=$1
golden=$2
src=$3
command -v valgrind > /dev/null 2>&1 || { echo "valgrind not found: skipped"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
runs=0
for case in "$golden"/*/; do
	case=${case%/}
	set --
	while IFS= read -r a || [ -n "$a" ]; do
		case $a in
		CASE_DIR*) a="$case${a#CASE_DIR}" ;;
		esac
		set -- "$@" "$a"
	done < "$case/args"
	(cd "$src" && valgrind -q --error-exitcode=99 --leak-check=full \
		--errors-for-leak-kinds=definite,indirect \
		--show-leak-kinds=definite,indirect \
		"$dekom" "$@") > "$work/stdout" 2> "$work/stderr" < /dev/null
	rc=$?
	runs=$((runs + 1))
	if [ "$rc" = 99 ] || grep -q '^==[0-9]*==' "$work/stderr"; then
		echo "memcheck: $(basename "$case")"
		grep '^==[0-9]*==' "$work/stderr" | head -40
		fail=1
	fi
done
echo "$runs golden runs under memcheck"
exit $fail

#!/bin/sh
# One bad-input case in both languages (CLI.md, "Language"): runs dekom
# with the case's `args` (as run_bad.sh and run_sheet.sh do, in a copy of
# the case over shared/, with -o OUTPUT) once in the default language and
# once with --lang en (a `--lang en` in `args` is left out of the first),
# and asserts: the same exit code, the same number of lines, every line in
# the form FILE:LINE:COL: error: MESSAGE, FILE: error: MESSAGE or
# dekom[ COMMAND]: error: MESSAGE with the part up to "error: " the same in
# both, and the message in bokmål different from the English one (it was
# translated). An English message listed in lang-pending (a pattern per
# line: a message of a file this test cannot yet expect in bokmål) is only
# checked for its form.
set -u
dekom=$1
case=$2
default_output=$3
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$here"/shared/. "$work"/
cp -R "$case"/. "$work"/
cd "$work" || exit 1
output=$default_output
[ -f output ] && output=$(cat output)
[ -e "$output" ] || printf 'an earlier output\n' > "$output"
# the case's arguments without a --lang pair
set --
skip=0
while IFS= read -r a || [ -n "$a" ]; do
	if [ "$skip" = 1 ]; then skip=0; continue; fi
	if [ "$a" = --lang ]; then skip=1; continue; fi
	set -- "$@" "$a"
done < args
run() {
	if [ -f stdin ]; then
		"$dekom" "$@" -o "$output" < stdin > /dev/null 2> "$out"
	else
		"$dekom" "$@" -o "$output" < /dev/null > /dev/null 2> "$out"
	fi
}
out=nb.txt; run "$@"; rc_nb=$?
out=en.txt; run "$@" --lang en; rc_en=$?
fail=0
if [ "$rc_nb" != "$rc_en" ]; then
	echo "exit code $rc_nb in bokmål, $rc_en in English"; fail=1
fi
if [ "$(wc -l < nb.txt)" != "$(wc -l < en.txt)" ] || [ ! -s en.txt ]; then
	echo "bokmål and English say a different number of lines:"
	cat nb.txt en.txt; exit 1
fi
form='^([^ ]+(:[0-9]+:[0-9]+)?|dekom( [a-z]+)?): error: '
n=$(wc -l < en.txt)
i=1
while [ "$i" -le "$n" ]; do
	nb=$(sed -n "${i}p" nb.txt)
	en=$(sed -n "${i}p" en.txt)
	i=$((i + 1))
	# "dekom: 3 more problems not shown" closes a long list
	case $en in "dekom: "*" more problems not shown") continue ;; esac
	for line in "$en" "$nb"; do
		if ! printf '%s\n' "$line" | grep -Eq "$form"; then
			echo "not in the form FILE:LINE:COL: error: MESSAGE: $line"; fail=1
		fi
	done
	head_en=${en%%error: *}
	head_nb=${nb%%error: *}
	if [ "$head_en" != "$head_nb" ]; then
		echo "the place differs: '$head_nb' in bokmål, '$head_en' in English"; fail=1
	fi
	msg_en=${en#*error: }
	if [ "$nb" = "$en" ]; then
		if printf '%s\n' "$msg_en" | grep -Eqf "$here/lang-pending"; then
			continue
		fi
		echo "not in bokmål: $nb"; fail=1
	fi
done
exit $fail

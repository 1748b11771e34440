#!/bin/sh
# One printed-report case: runs dekom with the case's `args` (one per line,
# from the source tree) and `-f html -o OUT.html`, asserts the exit code (0,
# or the one in `exit`), prints the file to PDF with headless Chromium (A4
# landscape, as the report's print style asks), extracts the text with
# pdftotext -layout, and asserts that every line of `expected-lines`
# appears on a line of the printed text (runs of spaces, non-breaking ones
# too, count as one space). A table row that is cut at the page edge or
# wrapped loses its last cells and fails the comparison.
set -u
dekom=$1
case=$2
src=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
want_rc=0
[ -f "$case/exit" ] && want_rc=$(cat "$case/exit")
set --
while IFS= read -r a || [ -n "$a" ]; do set -- "$@" "$a"; done < "$case/args"
(cd "$src" && "$dekom" "$@" -f html -o "$work/report.html") > "$work/stdout" 2> "$work/stderr"
rc=$?
if [ "$rc" != "$want_rc" ]; then
	echo "exit code $rc, expected $want_rc"; cat "$work/stderr"; exit 1
fi
HOME="$work" timeout 120 chromium --headless --no-sandbox --disable-gpu \
	--no-pdf-header-footer --user-data-dir="$work/profile" \
	--print-to-pdf="$work/report.pdf" "file://$work/report.html" > "$work/chromium.log" 2>&1
if [ ! -s "$work/report.pdf" ]; then
	echo "Chromium printed no PDF:"; cat "$work/chromium.log"; exit 1
fi
pdftotext -layout "$work/report.pdf" - | sed 's/\xc2\xa0/ /g; s/  */ /g; s/^ //; s/ $//' \
	> "$work/text"
fail=0
while IFS= read -r want || [ -n "$want" ]; do
	if ! grep -qxF -- "$want" "$work/text"; then
		echo "not in the printed report: $want"; fail=1
	fi
done < "$case/expected-lines"
[ $fail = 0 ] || { echo "--- printed text:"; cat "$work/text"; }
exit $fail

#!/bin/sh
# A workbook written by libxlsxwriter (tests/workbook/write_xlsx.c: number,
# percentage and formula cells, a title row, a decoy sheet before
# Budsjett) gives the same `recommend -f json` as the CSV of the same
# table, but for the inputs' paths and checksums.
# usage: libxlsxwriter.sh DEKOM WRITER SOURCE_DIR
set -u
dekom=$1
writer=$2
src=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$writer" "$work/nets.xlsx" "$work/nets.csv" || { echo "the writer failed"; exit 1; }
plan="$src/tests/cli/shared/plan-prorata.json"
for f in csv xlsx; do
	(cd "$work" && "$dekom" recommend -n "nets.$f" -p "$plan" -f json) \
		> "$work/$f.json" 2> "$work/$f.err"
	echo $? > "$work/$f.rc"
	grep -v '"path":\|"sha256":' "$work/$f.json" > "$work/$f.cmp"
done
if [ ! -s "$work/csv.cmp" ]; then
	echo "the CSV gave no output:"; cat "$work/csv.err"; exit 1
fi
if ! cmp -s "$work/csv.rc" "$work/xlsx.rc" || ! cmp -s "$work/csv.cmp" "$work/xlsx.cmp"; then
	echo "the workbook does not give what the CSV gives:"
	cat "$work/xlsx.err"
	diff "$work/csv.cmp" "$work/xlsx.cmp" | head -30
	exit 1
fi

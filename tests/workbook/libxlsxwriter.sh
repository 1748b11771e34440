#!/bin/sh
# A workbook written by libxlsxwriter (tests/workbook/write_xlsx.c: number,
# percentage and formula cells, a title row, a decoy sheet before
# Budsjett) gives the same `recommend -f json` as the CSV of the same
# table, but for the inputs' paths and checksums; and so does a workbook
# whose only visible sheet holds the table beside a hidden one, as written
# and saved by LibreOffice as .ods.
# usage: libxlsxwriter.sh DEKOM WRITER SOURCE_DIR
set -u
dekom=$1
writer=$2
src=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$writer" "$work/nets.xlsx" "$work/nets.csv" || { echo "the writer failed"; exit 1; }
plan="$src/tests/cli/shared/plan-prorata.json"
for f in csv; do
	(cd "$work" && "$dekom" recommend -n "nets.$f" -p "$plan" -f json) \
		> "$work/$f.json" 2> "$work/$f.err"
	echo $? > "$work/$f.rc"
	grep -v '"path":\|"sha256":' "$work/$f.json" > "$work/$f.cmp"
done
if [ ! -s "$work/csv.cmp" ]; then
	echo "the CSV gave no output:"; cat "$work/csv.err"; exit 1
fi
"$writer" "$work/hidden.xlsx" "$work/hidden.csv" hidden || { echo "the writer failed"; exit 1; }
mkdir -p "$work/profile"
HOME="$work" timeout 180 soffice "-env:UserInstallation=file://$work/profile" --headless \
	--convert-to ods --outdir "$work" "$work/hidden.xlsx" > "$work/soffice.log" 2>&1
[ -s "$work/hidden.ods" ] || { echo "LibreOffice did not save hidden.ods:"; cat "$work/soffice.log"; exit 1; }
fail=0
for f in xlsx hidden.xlsx hidden.ods; do
	case $f in xlsx) in=nets.xlsx ;; *) in=$f ;; esac
	(cd "$work" && "$dekom" recommend -n "$in" -p "$plan" -f json) \
		> "$work/$f.json" 2> "$work/$f.err"
	echo $? > "$work/$f.rc"
	grep -v '"path":\|"sha256":' "$work/$f.json" > "$work/$f.cmp"
	if ! cmp -s "$work/csv.rc" "$work/$f.rc" || ! cmp -s "$work/csv.cmp" "$work/$f.cmp"; then
		echo "$in does not give what the CSV gives:"
		cat "$work/$f.err"
		diff "$work/csv.cmp" "$work/$f.cmp" | head -30
		fail=1
	fi
done
exit $fail

#!/bin/sh
# The forum's 2022 tables, saved by LibreOffice (headless) as .xlsx and as
# .ods, give the same `recommend -f json` as the CSV they came from, byte
# for byte but for the inputs' paths and checksums: a workbook is read with
# the CSV reader's rules, and the rest of dekom does not know which it was.
# usage: same_as_csv.sh DEKOM SOURCE_DIR
set -u
dekom=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/profile"
fail=0
for table in innstilling innmeldt; do
	csv="$src/fixtures/trondelag-2022/trondelag-2022-$table.csv"
	cp "$csv" "$work/$table.csv"
	for fmt in xlsx ods; do
		# semicolons, double quotes, UTF-8, first line as is
		HOME="$work" timeout 180 soffice "-env:UserInstallation=file://$work/profile" \
			--headless --infilter="CSV:59,34,76,1" --convert-to "$fmt" \
			--outdir "$work" "$work/$table.csv" > "$work/soffice.log" 2>&1
		if [ ! -s "$work/$table.$fmt" ]; then
			echo "LibreOffice did not save $table.$fmt:"; cat "$work/soffice.log"; exit 1
		fi
	done
	for f in csv xlsx ods; do
		(cd "$work" && "$dekom" recommend -n "$table.$f" \
			--columns "$src/fixtures/trondelag-2022/columns.json" \
			-p "$src/fixtures/trondelag-2022/plan.json" -f json) \
			> "$work/$table.$f.json" 2> "$work/$table.$f.err"
		echo $? > "$work/$table.$f.rc"
		grep -v '"path":\|"sha256":' "$work/$table.$f.json" > "$work/$table.$f.cmp"
	done
	for f in xlsx ods; do
		if ! cmp -s "$work/$table.csv.rc" "$work/$table.$f.rc" ||
		   ! cmp -s "$work/$table.csv.cmp" "$work/$table.$f.cmp"; then
			echo "$table.$f does not give what $table.csv gives:"
			cat "$work/$table.$f.err"
			diff "$work/$table.csv.cmp" "$work/$table.$f.cmp" | head -20
			fail=1
		fi
	done
	if [ ! -s "$work/$table.csv.cmp" ]; then
		echo "no output for $table.csv:"; cat "$work/$table.csv.err"; fail=1
	fi
done
exit $fail

#!/bin/sh
# One workbook case: runs dekom with the case's `args` (one per line, from
# the source tree) and `-o OUT.xlsx`, asserts the exit code (0, or the one
# in `exit`) and that a second run gives the same bytes, then has
# LibreOffice (headless, with a profile that recalculates every formula on
# load) save each sheet as CSV, and compares each with
# `expected/<sheet>.csv`. The probe workbook (a formula stored with a wrong
# value) is converted first, to show that recalculation is on. Then the
# same workbook is converted by a LibreOffice that never recalculates
# (the values dekom stored with its formulas): every sheet must read the
# same both ways, so every formula gives dekom's own value as a spreadsheet
# computes it. Last, LibreOffice prints the workbook to PDF: every page is
# A4 (pdfinfo), and for each sheet some page holds both its first and its
# last column header (pdftotext), so no column is printed apart from its
# rows.
# With DEKOM_REGEN=1 in the environment the sheets are written to
# `expected/` instead (for a change meant to change the workbook; read the
# diff before committing): DEKOM_REGEN=1 ctest -R xlsx/
set -u
dekom=$1
probe=$2
case=$3
src=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/profile/user" "$work/csv" "$work/probe" "$work/stored/user" "$work/csv-stored"
cat > "$work/profile/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
XCU
# the same profile, but formulas keep the values stored with them
sed 's/<value>0<\/value>/<value>1<\/value>/' "$work/profile/user/registrymodifications.xcu" \
	> "$work/stored/user/registrymodifications.xcu"
# separator ',', quote '"', UTF-8, cells as shown in en-US, every sheet
filter='csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,true,false,false,-1'
to_csv() {
	HOME="$work" timeout 180 soffice "-env:UserInstallation=file://$work/${3:-profile}" --headless \
		--convert-to "$filter" --outdir "$2" "$1" > "$work/soffice.log" 2>&1
}
"$probe" "$work/probe/probe.xlsx" || { echo "probe workbook not written"; exit 1; }
to_csv "$work/probe/probe.xlsx" "$work/probe"
if [ "$(cat "$work/probe/probe-probe.csv" 2>/dev/null)" != "2" ]; then
	echo "LibreOffice did not recalculate the probe formula:"
	cat "$work/soffice.log" "$work/probe/probe-probe.csv"
	exit 1
fi
mkdir -p "$work/probe-stored"
to_csv "$work/probe/probe.xlsx" "$work/probe-stored" stored
if [ "$(cat "$work/probe-stored/probe-probe.csv" 2>/dev/null)" = "2" ]; then
	echo "LibreOffice recalculated the probe formula where it should keep the stored value"
	exit 1
fi
want_rc=0
[ -f "$case/exit" ] && want_rc=$(cat "$case/exit")
set --
while IFS= read -r a || [ -n "$a" ]; do set -- "$@" "$a"; done < "$case/args"
fail=0
# a case with a `locale` file runs dekom under that locale (built here with
# localedef into a private LOCPATH), such as nb_NO.UTF-8 whose decimal
# mark is a comma: the workbook's numbers must not follow it
if [ -f "$case/locale" ]; then
	loc=$(cat "$case/locale")
	mkdir -p "$work/locales"
	if ! localedef -i "${loc%%.*}" -f "${loc#*.}" "$work/locales/$loc" > "$work/localedef.log" 2>&1 &&
	   [ ! -d "$work/locales/$loc" ]; then
		echo "SKIP: cannot build the locale $loc:"; cat "$work/localedef.log"; exit 77
	fi
	export LOCPATH="$work/locales" LC_ALL="$loc" LANG="$loc"
	[ "$(env printf '%.1f' 1.5 2> /dev/null)" = "1,5" ] ||
		{ echo "SKIP: the locale $loc is not in effect"; exit 77; }
fi
for k in 1 2; do
	(cd "$src" && "$dekom" "$@" -f xlsx -o "$work/run$k.xlsx") > "$work/stdout" 2> "$work/stderr"
	rc=$?
	if [ "$rc" != "$want_rc" ]; then
		echo "run $k: exit code $rc, expected $want_rc"; cat "$work/stderr"; exit 1
	fi
	if [ -s "$work/stdout" ]; then
		echo "unexpected standard output:"; cat "$work/stdout"; fail=1
	fi
done
if ! cmp -s "$work/run1.xlsx" "$work/run2.xlsx"; then
	echo "two runs on equal inputs gave different workbooks"; fail=1
fi
unset LOCPATH LC_ALL LANG
cp "$work/run1.xlsx" "$work/book.xlsx"
to_csv "$work/book.xlsx" "$work/csv"
to_csv "$work/book.xlsx" "$work/csv-stored" stored
for f in "$work"/csv/book-*.csv; do
	b=$(basename "$f")
	if ! cmp -s "$f" "$work/csv-stored/$b"; then
		echo "sheet ${b#book-}: a formula recalculated differs from dekom's value (< stored, > recalculated):"
		diff "$work/csv-stored/$b" "$f"; fail=1
	fi
done
if [ "${DEKOM_REGEN:-}" = 1 ]; then
	rm -f "$case"/expected/*.csv
	for f in "$work"/csv/book-*.csv; do
		b=$(basename "$f")
		cp "$f" "$case/expected/${b#book-}"
	done
fi
for want in "$case"/expected/*.csv; do
	sheet=$(basename "$want")
	got="$work/csv/book-$sheet"
	if ! cmp -s "$want" "$got"; then
		echo "sheet ${sheet%.csv} differs from expected:"; diff "$want" "$got"; fail=1
	fi
done
# printed: A4 pages, and each sheet's header row whole on one page
mkdir -p "$work/pdf"
HOME="$work" timeout 180 soffice "-env:UserInstallation=file://$work/profile" --headless \
	--convert-to pdf --outdir "$work/pdf" "$work/book.xlsx" > "$work/soffice.log" 2>&1
pages=$(pdfinfo "$work/pdf/book.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
if [ -z "$pages" ] || [ "$pages" -lt 1 ]; then
	echo "LibreOffice did not print the workbook to PDF:"; cat "$work/soffice.log"; fail=1
else
	not_a4=$(pdfinfo -f 1 -l "$pages" "$work/pdf/book.pdf" |
		awk '/^Page +[0-9]+ size:/ { w = int($4 + 0.5); h = int($6 + 0.5);
			if (!((w == 595 && h == 842) || (w == 842 && h == 595))) print }')
	if [ -n "$not_a4" ]; then echo "pages that are not A4:"; echo "$not_a4"; fail=1; fi
	k=1
	while [ "$k" -le "$pages" ]; do
		pdftotext -f "$k" -l "$k" -layout "$work/pdf/book.pdf" "$work/pdf/page-$k.txt"
		k=$((k + 1))
	done
	for f in "$work"/csv/book-*.csv; do
		sheet=$(basename "$f" .csv); sheet=${sheet#book-}
		# the header row: the first with three cells or more; of its first
		# and last cell, the longest word (a header may wrap in print)
		words=$(awk '
			# the cells of one CSV line (quotes doubled inside quotes); any awk
			function cells(line, out,   n, i, c, q, cell) {
				n = 0; cell = ""; q = 0
				for (i = 1; i <= length(line); i++) {
					c = substr(line, i, 1)
					if (q && c == "\"" && substr(line, i + 1, 1) == "\"") { cell = cell c; i++ }
					else if (c == "\"") q = !q
					else if (c == "," && !q) { out[++n] = cell; cell = "" }
					else cell = cell c
				}
				out[++n] = cell; return n
			}
			function longest(s,   n, a, i, w) { n = split(s, a, " ");
				w = ""; for (i = 1; i <= n; i++) if (length(a[i]) > length(w)) w = a[i]; return w }
			{ n = cells($0, c); m = 0; first = ""; last = ""
			  for (i = 1; i <= n; i++) if (c[i] != "") { m++; if (first == "") first = c[i]; last = c[i] }
			  if (m >= 3) { print longest(first); print longest(last); exit } }' "$f")
		[ -n "$words" ] || continue
		w1=$(echo "$words" | sed -n 1p); w2=$(echo "$words" | sed -n 2p)
		whole=no
		for t in "$work"/pdf/page-*.txt; do
			if grep -qF -- "$w1" "$t" && grep -qF -- "$w2" "$t"; then whole=yes; break; fi
		done
		if [ "$whole" != yes ]; then
			echo "sheet $sheet: no printed page holds both '$w1' and '$w2' (a column printed apart)"
			fail=1
		fi
	done
fi
n_want=$(ls "$case"/expected/*.csv | wc -l)
n_got=$(ls "$work"/csv/*.csv | wc -l)
if [ "$n_want" != "$n_got" ]; then
	echo "$n_got sheets, expected $n_want:"; ls "$work/csv"; fail=1
fi
exit $fail

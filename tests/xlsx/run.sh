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
# computes it.
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
n_want=$(ls "$case"/expected/*.csv | wc -l)
n_got=$(ls "$work"/csv/*.csv | wc -l)
if [ "$n_want" != "$n_got" ]; then
	echo "$n_got sheets, expected $n_want:"; ls "$work/csv"; fail=1
fi
exit $fail

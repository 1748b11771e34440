#!/bin/sh
# The same numbers in every output (the structure issue's check): λ as a
# person reads it and as a fraction, each network's amount and UH share,
# read from `recommend -f json` and found again in the CSV, the table, the
# Markdown, the HTML report and `explain` of the same case. (The workbook's
# cells are compared with LibreOffice's recalculation in tests/xlsx.)
# Usage: run_same_numbers.sh DEKOM SOURCE_DIR [INPUT ARGS...]
set -u
dekom=$1
src=$2
shift 2
cd "$src" || exit 1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
"$dekom" recommend "$@" -f json > "$work/json" 2> /dev/null
"$dekom" recommend "$@" -f csv > "$work/csv" 2> /dev/null
for f in table md html; do
	"$dekom" recommend "$@" -f $f > "$work/$f" 2> /dev/null
done
num=$(sed -n 's/.*"numerator":[[:space:]]*"\([0-9]*\)".*/\1/p' "$work/json")
den=$(sed -n 's/.*"denominator":[[:space:]]*"\([0-9]*\)".*/\1/p' "$work/json")
# λ for people, from the table: the same text everywhere
lambda=$(sed -n 's/^  λ = \(.*\) (\([0-9]*\)\/\([0-9]*\))$/\1/p' "$work/table")
[ -n "$lambda" ] && [ -n "$num" ] || { echo "no λ found"; exit 1; }
grep -q "($num/$den)" "$work/table" || { echo "table: λ is not $num/$den"; fail=1; }
for f in md html; do
	grep -q "$lambda ($num/$den)" "$work/$f" || { echo "$f: λ is not '$lambda ($num/$den)'"; fail=1; }
done
first=$(sed -n '2s/,.*//p' "$work/csv")
"$dekom" explain "$first" "$@" > "$work/explain" 2> /dev/null
grep -q "λ = $lambda (eksakt $num/$den)" "$work/explain" ||
	{ echo "explain: λ is not '$lambda (eksakt $num/$den)'"; fail=1; }
# every network's amount and UH share: JSON against the CSV, in order
sed -n 's/^\t\t\t"recommended":[[:space:]]*\([0-9]*\),$/\1/p' "$work/json" > "$work/a.json"
sed -n 's/^\t\t\t"uh_share":[[:space:]]*\([0-9.]*\),$/\1/p' "$work/json" > "$work/s.json"
awk -F, 'NR > 1 && $1 != "Sum" { print $5 }' "$work/csv" > "$work/a.csv"
awk -F, 'NR > 1 && $1 != "Sum" { print $13 }' "$work/csv" > "$work/s.csv"
cmp -s "$work/a.json" "$work/a.csv" || { echo "amounts differ:"; diff "$work/a.json" "$work/a.csv"; fail=1; }
cmp -s "$work/s.json" "$work/s.csv" || { echo "UH shares differ:"; diff "$work/s.json" "$work/s.csv"; fail=1; }
[ -s "$work/a.json" ] || { echo "no amounts read"; fail=1; }
# and each amount, grouped as people read it, in the table, md and html
while read -r a; do
	g=$(printf '%s' "$a" | sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\| \)/\1 \2\3/' -e 'ta')
	for f in table md; do
		grep -q "$g" "$work/$f" || { echo "$f: no $g"; fail=1; }
	done
	h=$(printf '%s' "$g" | sed "s/ /$(printf '\302\240')/g")
	grep -q "$h" "$work/html" || { echo "html: no $g"; fail=1; }
done < "$work/a.json"
exit $fail

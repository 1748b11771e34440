#!/bin/sh
# An output table is a valid input (CLI.md, "Networks file (CSV)"): the
# built-in 2022 case's recommendation as Excel CSV (`--csv-dialect
# excel-nb`: semicolons, decimal commas, a BOM, the headers dekom prints)
# and as RFC 4180 CSV is read back with -n and the 2022 plan, and gives the
# same networks: names, last year's amounts, needs, FTE, the recommended
# amount and its split, and the state of each, as in the run on the
# original sheet.
set -u
dekom=$1
src=$2
plan=$src/fixtures/trondelag-2022/plan.json
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
fail=0
shape='[.networks[] | {network, previous, need, recommended, state, components}]'
# exit 1: the 2022 case has findings at error (its sheet's own row sums)
"$dekom" recommend -f json > original.json
[ $? -le 1 ] || { echo "recommend failed"; exit 1; }
jq "$shape" original.json > want.json
for dialect in excel-nb rfc4180; do
	for lang in nb en; do
		"$dekom" recommend -f csv --csv-dialect "$dialect" --lang "$lang" \
			> "out-$dialect-$lang.csv"
		[ $? -le 1 ] || { echo "csv failed"; exit 1; }
		"$dekom" recommend -n "out-$dialect-$lang.csv" -p "$plan" -f json \
			> "back-$dialect-$lang.json" 2> err.txt
		if [ $? -gt 1 ]; then
			echo "$dialect ($lang) does not read back:"; cat err.txt; fail=1; continue
		fi
		jq "$shape" "back-$dialect-$lang.json" > got.json
		if ! cmp -s want.json got.json; then
			echo "$dialect ($lang) read back gives other networks:"
			diff want.json got.json | head -40; fail=1
		fi
	done
done
exit $fail

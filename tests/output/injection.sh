#!/bin/sh
# Names that try to be formulas, markup or terminal controls
# (tests/cli/hostile/, io/escape.h). The golden cases tests/cli/golden/
# hostile-* hold each output byte for byte; this test checks the rules
# themselves, so that a regenerated golden file cannot quietly accept a
# raw control character or a live formula:
# - no output for people (table, md, show, explain, diff, price and
#   calibrate as table or Markdown) carries ESC, BEL or a C1 control;
# - Markdown carries no raw HTML tag from a name;
# - in every CSV, each cell that starts with = + - @ starts with a quote,
#   and negative numbers are numbers;
# - the workbook stores such names as strings with the quote, never as
#   formulas, and as valid XML.
. "$(dirname "$0")/lib.sh"
cd "$src" || exit 1
H=tests/cli/hostile
in="-n $H/networks.csv -p $H/plan.json"
esc=$(printf '\033')
bel=$(printf '\007')
csi=$(printf '\302\233')

people() { # WHAT ARGS...: an output for people, checked for controls
	what=$1
	shift
	"$dekom" "$@" > "$work/out" 2> /dev/null
	if LC_ALL=C grep -q "$esc\|$bel\|$csi" "$work/out"; then
		fail "$what: a raw control character reaches the terminal"
	fi
	grep -q 'x1b' "$work/out" || fail "$what: the escaped name is missing"
}
people "recommend table" recommend $in -f table
people "recommend md" recommend $in -f md
people "check table" check $in -f table
people "show" show $in
people "explain" explain "$(printf '\033[31mRød\033[0m\007 ring')" $in
people "calibrate table" calibrate $in -f table
people "calibrate md" calibrate $in -f md
people "price table" price -P $H/pricing.json $in -f table
people "price md" price -P $H/pricing.json $in -f md
people "diff" diff $H/old.json $H/new.json -f table
"$dekom" explain nobody $in 2> "$work/err"
LC_ALL=C grep -q "$esc\|$bel\|$csi" "$work/err" &&
	fail "explain: the list of names on standard error carries a control character"

for f in recommend calibrate; do
	"$dekom" $f $in -f md > "$work/out" 2> /dev/null
	grep -q '<script>\|<b>\|</' "$work/out" && fail "$f md: a raw HTML tag from the input"
done
"$dekom" price -P $H/pricing.json $in -f md > "$work/out" 2> /dev/null
grep -q '<i>\|<b>' "$work/out" && fail "price md: a raw HTML tag from the input"

# CSV: a formula lead only after a quote; -5 stays a number
csv_cells() { # WHAT DELIM ARGS...
	what=$1
	delim=$2
	shift 2
	"$dekom" "$@" > "$work/out.csv" 2> /dev/null
	# each field that starts with = + - @ (unquoted or quoted) is text that
	# escaped neutralising when it is not a plain number
	bad=$(LC_ALL=C tr -d '\r' < "$work/out.csv" | awk -F "$delim" '{
		for (i = 1; i <= NF; i++) {
			c = $i; sub(/^"/, "", c)
			if (c ~ /^[=+@-]/ && c !~ /^-[0-9][0-9.,]*$/) print c
		}}')
	[ -z "$bad" ] || fail "$what: a cell a spreadsheet would take for a formula: $bad"
	grep -q "\"'" "$work/out.csv" || fail "$what: no neutralised cell at all"
}
csv_cells "recommend csv" , recommend $in -f csv
csv_cells "recommend csv excel-nb" ';' recommend $in -f csv --csv-dialect excel-nb
csv_cells "check csv" , check $in -f csv
csv_cells "check csv excel-nb" ';' check $in -f csv --csv-dialect excel-nb
csv_cells "price csv" , price -P $H/pricing.json -f csv
csv_cells "scenarios csv" , scenarios $in -s $H/scenarios.json -f csv
csv_cells "calibrate csv" , calibrate $in -f csv
# the scenarios' deltas are negative numbers, written as numbers
"$dekom" scenarios $in -s $H/scenarios.json -f csv 2> /dev/null |
	grep -q "^\"'=1+2\",,\"'-Fosen\",200000,79268,-120732,-60.37," ||
	fail "scenarios csv: the row of '-Fosen' in '=1+2' is not as expected"

# the workbook
if ! command -v unzip > /dev/null; then
	skip "workbook: no unzip"
	finish
fi
"$dekom" recommend $in -q -o "$work/book.xlsx"
unzip -p "$work/book.xlsx" xl/sharedStrings.xml > "$work/strings.xml"
for s in "'=HYPERLINK(\"http://x.example\";\"klikk\")" "'+Namdal" "'-Fosen" \
	"'@SUM(A1:A9)" "'=cmd|' /C calc'!A0" "_x001B_[31mRød_x001B_[0m_x0007_ ring"; do
	grep -qF "<t>$s</t>" "$work/strings.xml" || fail "workbook: no string <t>$s</t>"
done
grep -qF "<t>=" "$work/strings.xml" && fail "workbook: a string that starts with ="
unzip -p "$work/book.xlsx" 'xl/worksheets/*.xml' | grep -o '<f>[^<]*</f>' > "$work/formulas"
[ -s "$work/formulas" ] || fail "workbook: no formulas at all (the sums are formulas)"
grep -qi 'HYPERLINK\|cmd\|Namdal' "$work/formulas" && fail "workbook: a name became a formula"
if command -v python3 > /dev/null; then
	for part in xl/sharedStrings.xml xl/worksheets/sheet1.xml xl/worksheets/sheet4.xml; do
		unzip -p "$work/book.xlsx" $part |
			python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parseString(sys.stdin.buffer.read())' ||
			fail "workbook: $part is not well-formed XML"
	done
fi

finish

#!/bin/sh
# dekom batch on three cases: one without findings at --fail-on (exit 0),
# the Dekom + Rekom case with errors (exit 1), and a case with a bad scheme
# (exit 2): the first two are written, the third reported with its
# diagnostics, batch exits 2, the table and --summary list every case with
# its own exit code, and 1 and 2 threads give byte-identical outputs,
# tables and diagnostics. Then two cases with one name, and an output over
# an input, are bad usage before anything is written.
# usage: batch.sh DEKOM SOURCE_DIR
set -u
dekom=$1
src=$2
fx=$src/fixtures
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
cat > "$work/rekom.json" <<JSON
{"schemes": [{"id": "rekom", "networks": "$fx/cases/rekom-illustrative.csv",
              "plan": "$fx/cases/plan-rekom-illustrative.json"}]}
JSON
cat > "$work/dekom-rekom.json" <<JSON
{"title": {"forum": "Forumet"},
 "schemes": [{"id": "dekom", "networks": "$fx/trondelag-2022/trondelag-2022-innstilling.csv",
              "columns": "$fx/trondelag-2022/columns.json",
              "plan": "$fx/trondelag-2022/plan.json"},
             {"id": "rekom", "networks": "$fx/cases/rekom-illustrative.csv",
              "plan": "$fx/cases/plan-rekom-illustrative.json"}]}
JSON
printf 'network;previous;need\nFosen;300 000;tre hundre\n' > "$work/bad.csv"
cat > "$work/bad.json" <<JSON
{"schemes": [{"id": "rekom", "networks": "bad.csv",
              "plan": "$fx/cases/plan-rekom-illustrative.json"}]}
JSON
for t in 1 2; do
	mkdir -p "$work/out$t"
	(cd "$work" && "$dekom" batch -d "out$t" --threads $t --summary "sum$t.csv" --lang en \
		rekom.json dekom-rekom.json bad.json) > "$work/table$t" 2> "$work/err$t"
	echo $? > "$work/rc$t"
done
[ "$(cat "$work/rc1")" = 2 ] || { echo "exit $(cat "$work/rc1"), expected 2"; cat "$work/err1"; fail=1; }
for f in rekom.json dekom-rekom.json; do
	[ -s "$work/out1/$f" ] || { echo "no out1/$f"; fail=1; }
	cmp -s "$work/out1/$f" "$work/out2/$f" || { echo "$f differs between 1 and 2 threads"; fail=1; }
done
[ -e "$work/out1/bad.json" ] && { echo "the bad case was written"; fail=1; }
for f in table rc sum; do
	a=$work/${f}1 b=$work/${f}2
	[ "$f" = sum ] && a=$work/sum1.csv b=$work/sum2.csv
	cmp -s "$a" "$b" || { echo "$f differs between 1 and 2 threads"; diff "$a" "$b"; fail=1; }
done
# standard error: the same but for the folder's name
sed 's/out1/OUT/' "$work/err1" > "$work/e1"
sed 's/out2/OUT/' "$work/err2" > "$work/e2"
cmp -s "$work/e1" "$work/e2" || { echo "standard error differs between 1 and 2 threads"; diff "$work/e1" "$work/e2"; fail=1; }
grep -q "^bad.csv:2:15: error: cell C2: need: 'tre hundre' is not a number" "$work/err1" ||
	{ echo "the bad case's diagnostic is missing:"; cat "$work/err1"; fail=1; }
# each case with its own exit code; the frame and recommended totals by hand:
# Dekom 20 700 000 + Rekom 5 200 000, 13 636 453 + 4 000 000 recommended;
# unused is Dekom's 1 663 547 (Rekom's need method spends its frame); the
# UH shares are the parts' totals.uh_share and, for both, (D + UP2 + other)
# summed over the schemes divided by (D + recommended) summed
cat > "$work/want.csv" <<'CSV'
case,schemes,networks,frame,recommended,unused,uh_share,errors,warnings,info,exit
rekom,1,6,5200000,4000000,0,0.738311,0,6,0,0
dekom-rekom,2,17,25900000,17636453,1663547,0.736421,3,19,1,1
bad,,,,,,,,,,2
CSV
tr -d '\r' < "$work/sum1.csv" | diff "$work/want.csv" - || { echo "the summary CSV is not as worked out"; fail=1; }
# bad usage before anything runs: two cases named alike, an output over an input
mkdir -p "$work/sub" "$work/out3"
cp "$work/rekom.json" "$work/sub/rekom.json"
(cd "$work" && "$dekom" batch --lang en -d out3 rekom.json sub/rekom.json) > /dev/null 2> "$work/err3"
rc=$?
[ "$rc" = 2 ] && grep -q "would both write" "$work/err3" && [ -z "$(ls "$work/out3")" ] ||
	{ echo "two cases with one name: exit $rc"; cat "$work/err3"; fail=1; }
(cd "$work" && "$dekom" batch -d . rekom.json) > /dev/null 2> "$work/err4"
rc=$?
[ "$rc" = 2 ] || { echo "an output over its own case file: exit $rc"; cat "$work/err4"; fail=1; }
mkdir -p "$work/out6"
(cd "$work" && "$dekom" batch -d out6 --summary out6/rekom.json rekom.json) > /dev/null 2> "$work/err6"
rc=$?
[ "$rc" = 2 ] && [ -z "$(ls "$work/out6")" ] ||
	{ echo "the summary over a case's output: exit $rc"; cat "$work/err6"; fail=1; }
# another format: each case as recommend -c writes it
mkdir -p "$work/out5"
(cd "$work" && "$dekom" batch -q -f md -d out5 dekom-rekom.json) > /dev/null 2>&1
(cd "$work" && "$dekom" recommend -c dekom-rekom.json -f md --fail-on never) > "$work/want.md" 2>/dev/null
cmp -s "$work/out5/dekom-rekom.md" "$work/want.md" ||
	{ echo "batch -f md differs from recommend -c -f md"; fail=1; }
exit $fail

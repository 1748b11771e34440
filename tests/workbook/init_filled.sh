#!/bin/sh
# The workbook of `dekom init`, filled in by program as a person would
# (fill_init.py: the networks under their labels on Budsjett, the plan's
# values beside their labels on Plan, common measures and decisions in
# their blocks) and saved by LibreOffice as .xlsx and as .ods, gives the
# same `recommend -f json` (but for the inputs' paths and checksums) as the
# same data given as a JSON networks file and a JSON plan: for the plan,
# the plan with a decision, and pro rata with UP1 and a direct split by
# UP1.
# usage: init_filled.sh DEKOM SOURCE_DIR
set -u
dekom=$1
src=$2
fx=$src/fixtures/trondelag-2022
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# a LibreOffice that recalculates every formula on load: the totals row's
# SUMs take in the rows the script wrote
mkdir -p "$work/profile/user"
cat > "$work/profile/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
XCU
fail=0
run() { # NAME PLAN NETWORKS...
	name=$1 plan=$2
	shift 2
	dir=$work/$name
	mkdir -p "$dir/lo"
	nets=""
	for n in "$@"; do nets="$nets -n $n"; done
	# the networks as dekom reads them, without what init's sheet has no
	# column for (the forum's stated figures and totals)
	# shellcheck disable=SC2086
	"$dekom" show $nets --columns "$fx/columns.json" -p "$plan" -f json > "$dir/shown.json" ||
		{ echo "$name: show failed"; fail=1; return; }
	python3 - "$dir/shown.json" "$dir/networks.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
d.pop("totals", None)
for n in d["networks"]:
    for k in ("stated_own_pct", "stated_uh_pct", "stated_recommended"):
        n.pop(k, None)
json.dump(d, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
PY
	"$dekom" init --year 2022 -o "$dir/init.xlsx" -q || { echo "$name: init failed"; fail=1; return; }
	python3 "$src/tests/workbook/fill_init.py" "$dir/init.xlsx" "$dir/networks.json" "$plan" \
		"$dir/filled.xlsx" || { echo "$name: fill_init.py failed"; fail=1; return; }
	for fmt in xlsx ods; do
		HOME="$work" timeout 180 soffice "-env:UserInstallation=file://$work/profile" \
			--headless --convert-to "$fmt" --outdir "$dir/lo" "$dir/filled.xlsx" \
			> "$dir/soffice.log" 2>&1
		if [ ! -s "$dir/lo/filled.$fmt" ]; then
			echo "LibreOffice did not save filled.$fmt:"; cat "$dir/soffice.log"; fail=1; return
		fi
	done
	"$dekom" recommend -n "$dir/networks.json" -p "$plan" -f json > "$dir/ref.json" 2> "$dir/ref.err"
	echo $? > "$dir/ref.rc"
	grep -v '"path":\|"sha256":' "$dir/ref.json" > "$dir/ref.cmp"
	if [ ! -s "$dir/ref.cmp" ]; then
		echo "$name: no output from the JSON files:"; cat "$dir/ref.err"; fail=1; return
	fi
	for f in lo/filled.xlsx lo/filled.ods; do
		"$dekom" recommend -i "$dir/$f" -f json > "$dir/out.json" 2> "$dir/out.err"
		echo $? > "$dir/out.rc"
		grep -v '"path":\|"sha256":' "$dir/out.json" > "$dir/out.cmp"
		if ! cmp -s "$dir/ref.rc" "$dir/out.rc" || ! cmp -s "$dir/ref.cmp" "$dir/out.cmp"; then
			echo "$name: $f does not give what the JSON files give:"
			cat "$dir/out.err"
			diff "$dir/ref.cmp" "$dir/out.cmp" | head -20
			fail=1
		fi
	done
}
run plan "$fx/plan.json" "$fx/trondelag-2022-innstilling.csv"
run decisions "$fx/plan-decisions.json" "$fx/trondelag-2022-innstilling.csv"
run prorata "$fx/plan-prorata-illustrative.json" "$fx/trondelag-2022-innstilling.csv" \
	"$fx/trondelag-2022-illustrative-fte-up1.csv"
exit $fail

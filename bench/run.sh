#!/bin/sh
# Whole-process timings of dekom (docs/performance.md), printed, never
# asserted. Each case runs RUNS times; the table gives the median, min and
# max of the wall time and of the CPU time (user + system), the median peak
# resident memory, and a ratio against a baseline measured in the same run
# on the same inputs:
#   - the allocation: bench/baseline.py, the same pro-rata rules in plain
#     Python with exact fractions (what an analyst would otherwise write);
#     its amounts are checked against dekom's ("agree");
#   - Monte Carlo: the same baseline drawing and allocating run by run;
#   - the workbook: LibreOffice recalculating the workbook dekom writes.
# The ratio is the baseline's median CPU time over dekom's (per network or
# per run where the counts differ): how many times faster dekom is.
#
#   bench/run.sh [DEKOM] [RUNS]          (RUNS: default 7; 3 for the largest)
#   DEKOM_BENCH_MILLION=0 bench/run.sh   skips the 1 000 000-network case
#
# Needs python3 (bench/measure.py times each process with wait4);
# LibreOffice for the workbook's baseline (skipped when soffice is missing).
set -eu
dekom=${1:-build/dekom}
runs=${2:-7}
here=$(cd "$(dirname "$0")" && pwd)
case $dekom in /*) ;; *) dekom=$(pwd)/$dekom ;; esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# measure NAME N CMD...: runs CMD N times (bench/measure.py); writes
# NAME.w, NAME.c, NAME.m (wall s, CPU s, peak KiB, a line per run) and
# NAME.out (standard output)
measure() {
	m_name=$1 m_n=$2
	shift 2
	python3 "$here/measure.py" "$m_n" "$tmp/$m_name.out" "$@" > "$tmp/$m_name.t"
	awk '{ print $1 }' "$tmp/$m_name.t" > "$tmp/$m_name.w"
	awk '{ print $2 }' "$tmp/$m_name.t" > "$tmp/$m_name.c"
	awk '{ print $3 }' "$tmp/$m_name.t" > "$tmp/$m_name.m"
}
# med / lo / hi of a file of numbers
stat() { sort -g "$1" | awk -v w="$2" '{ a[NR] = $1 } END {
	m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
	if (w == "med") print m; else if (w == "min") print a[1]; else print a[NR] }'; }

printf '%-40s %5s  %-26s  %-26s %8s %9s\n' "case" "runs" "wall s: med (min-max)" "CPU s: med (min-max)" "peak MiB" "ratio"
row() { # NAME LABEL RATIO
	printf '%-40s %5s  %-26s  %-26s %8.1f %9s\n' "$2" "$(wc -l < "$tmp/$1.w")" \
		"$(printf '%.4f (%.4f-%.4f)' "$(stat "$tmp/$1.w" med)" "$(stat "$tmp/$1.w" min)" "$(stat "$tmp/$1.w" max)")" \
		"$(printf '%.4f (%.4f-%.4f)' "$(stat "$tmp/$1.c" med)" "$(stat "$tmp/$1.c" min)" "$(stat "$tmp/$1.c" max)")" \
		"$(stat "$tmp/$1.m" med | awk '{ print $1 / 1024 }')" "$3"
}
# ratio of two medians of CPU time, each divided by its count
ratio() { awk -v a="$(stat "$tmp/$1.c" med)" -v na="$2" -v b="$(stat "$tmp/$3.c" med)" -v nb="$4" \
	'BEGIN { if (a <= 0 || b <= 0) print "-"; else printf "%.1f", (a / na) / (b / nb) }'; }

# --- the process and the built-in case
measure start "$runs" "$dekom" --version
row start "dekom --version (process start)" -
measure builtin "$runs" "$dekom" recommend -f json
row builtin "recommend, built-in 2022 case" -

# --- a row per tenfold: N networks, CSV in, JSON out
sizes="1000 10000 100000"
[ "${DEKOM_BENCH_MILLION:-1}" = 0 ] || sizes="$sizes 1000000"
for n in $sizes; do
	sh "$here/gen_networks.sh" "$n" > "$tmp/n$n.csv"
	sh "$here/gen_plan.sh" "$n" > "$tmp/plan$n.json"
	r=$runs
	[ "$n" -ge 1000000 ] && r=3
	# to a file, as a large output is written (standard output is
	# spooled through a temporary file first, so that a failure leaves
	# nothing half-written: twice the writing)
	measure "rec$n" "$r" "$dekom" recommend -n "$tmp/n$n.csv" -p "$tmp/plan$n.json" -f json \
		-q -o "$tmp/rec$n.json"
	mib=$(ls -l "$tmp/n$n.csv" | awk '{ printf "%.1f", $5 / 1048576 }')
	if [ "$n" -le 100000 ]; then
		measure "py$n" $((r < 3 ? r : 3)) python3 "$here/baseline.py" allocate "$tmp/n$n.csv" "$tmp/plan$n.json"
		python3 -c 'import json, sys
for x in json.load(open(sys.argv[1]))["networks"]: print(x["recommended"])' "$tmp/rec$n.json" > "$tmp/dk$n.txt"
		agree=no; cmp -s "$tmp/dk$n.txt" "$tmp/py$n.out" && agree=yes
		row "rec$n" "recommend, $n networks ($mib MiB CSV)" "$(ratio "py$n" 1 "rec$n" 1)"
		row "py$n" "  baseline.py (agree: $agree)" 1
	else
		row "rec$n" "recommend, $n networks ($mib MiB CSV)" -
	fi
done

# --- Monte Carlo: the built-in case, and an 11-network case beside the
# baseline
cat > "$tmp/mc.json" <<'JSON'
{"montecarlo": {"runs": 200000, "seed": 1, "draws": [
  {"path": "/networks/*/need", "normal": {"relative_sd": 0.05}},
  {"path": "/plan/frame/prorata", "uniform": {"min": 13000000, "max": 15000000}}]}}
JSON
measure mc1 "$runs" "$dekom" scenarios -s "$tmp/mc.json" --threads 1
measure mc2 "$runs" "$dekom" scenarios -s "$tmp/mc.json" --threads 2
row mc1 "Monte Carlo, built-in, 200 000 runs, 1 thr" -
row mc2 "Monte Carlo, built-in, 200 000 runs, 2 thr" -
sh "$here/gen_networks.sh" 11 > "$tmp/n11.csv"
sh "$here/gen_plan.sh" 11 1500000 > "$tmp/plan11.json"
cat > "$tmp/mc11.json" <<'JSON'
{"montecarlo": {"runs": 200000, "seed": 1, "draws": [
  {"path": "/networks/*/need", "normal": {"relative_sd": 0.05}},
  {"path": "/plan/frame/prorata", "uniform": {"min": 14850000, "max": 18150000}}]}}
JSON
measure mc11 "$runs" "$dekom" scenarios -n "$tmp/n11.csv" -p "$tmp/plan11.json" -s "$tmp/mc11.json" --threads 1
measure py11 3 python3 "$here/baseline.py" montecarlo "$tmp/n11.csv" "$tmp/plan11.json" 2000
row mc11 "Monte Carlo, 11 networks, 200 000 runs" "$(ratio py11 2000 mc11 200000)"
row py11 "  baseline.py, 2 000 runs" 1
for t in 1 2; do
	awk -v c="$(stat "$tmp/mc$t.c" med)" -v w="$(stat "$tmp/mc$t.w" med)" -v t=$t 'BEGIN {
		printf "  built-in, %d thread(s): %.0f scenarios per CPU second, %.0f per wall second, %.2f µs CPU each\n", t, 200000 / c, 200000 / w, c / 200000 * 1e6 }'
done

# --- the workbook, and LibreOffice recalculating it
measure xlsx "$runs" "$dekom" recommend -f xlsx -o "$tmp/book.xlsx"
row xlsx "recommend -f xlsx, built-in" -
if command -v soffice > /dev/null; then
	mkdir -p "$tmp/lo/user" "$tmp/recalc"
	# recalculate every formula on load (as tests/xlsx/run.sh does)
	cat > "$tmp/lo/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
XCU
	HOME="$tmp" soffice "-env:UserInstallation=file://$tmp/lo" --headless --terminate_after_init > /dev/null 2>&1 || true
	measure lo 3 env HOME="$tmp" soffice "-env:UserInstallation=file://$tmp/lo" --headless \
		--convert-to xlsx --outdir "$tmp/recalc" "$tmp/book.xlsx"
	row lo "  LibreOffice recalculating it" "$(ratio lo 1 xlsx 1)"
fi

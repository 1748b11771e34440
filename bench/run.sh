#!/bin/sh
# Whole-process timings of dekom, printed as medians of repeated runs (the
# machines here are noisy: medians, not means). Never asserts a time.
#
#   bench/run.sh [DEKOM] [RUNS]
#
# Prints, per case, the median wall time in milliseconds and its ratio to
# `dekom --version` (the cost of starting the process at all).
set -eu
dekom=${1:-build/dekom}
runs=${2:-31}
here=$(dirname "$0")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

now_ns() { date +%s%N; }

# median of the numbers on standard input
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

time_case() {
	i=0
	while [ $i -lt "$runs" ]; do
		t0=$(now_ns)
		"$@" > /dev/null 2>&1 || [ $? -le 1 ]
		t1=$(now_ns)
		echo $(( (t1 - t0) / 1000 ))
		i=$((i + 1))
	done | median
}

sh "$here/gen_networks.sh" 1000 > "$tmp/n1000.csv"
sh "$here/gen_networks.sh" 10000 > "$tmp/n10000.csv"
cat > "$tmp/plan.json" <<'JSON'
{"year": 2022, "institutions": [{"id": "NTNU"}, {"id": "Nord"}],
 "frame": {"prorata": 1500000000, "direct": {"amount": 5000000, "split": "by_up1"}},
 "allocation": {"method": "prorata", "base_grant": 100000}}
JSON

base=$(time_case "$dekom" --version)
printf '%-44s %12s %8s\n' "case ($runs runs each)" "median µs" "ratio"
report() {
	name=$1; shift
	m=$(time_case "$@")
	printf '%-44s %12s %8.1f\n' "$name" "$m" "$(echo "$m $base" | awk '{ print $1 / $2 }')"
}
printf '%-44s %12s %8.1f\n' "dekom --version (process start)" "$base" 1
report "recommend, built-in 2022 case, json" "$dekom" recommend -f json
report "recommend, built-in 2022 case, table" "$dekom" recommend -f table
report "recommend, 1 000 networks, prorata" "$dekom" recommend -n "$tmp/n1000.csv" -p "$tmp/plan.json" -f json
report "recommend, 10 000 networks, prorata" "$dekom" recommend -n "$tmp/n10000.csv" -p "$tmp/plan.json" -f json
"$dekom" show -n "$tmp/n10000.csv" -p "$tmp/plan.json" -f json > "$tmp/n10000.json"
report "recommend, 10 000 networks from JSON" "$dekom" recommend -n "$tmp/n10000.json" -p "$tmp/plan.json" -f json
report "price, illustrative template, 2022 budgets" "$dekom" price -P "$here/../fixtures/pricing/ilu-illustrative.json" -n "$here/../fixtures/trondelag-2022/trondelag-2022-innstilling.csv" --columns "$here/../fixtures/trondelag-2022/columns.json" -p "$here/../fixtures/trondelag-2022/plan.json" -f json
cat > "$tmp/mc.json" <<'JSON'
{"montecarlo": {"runs": 20000, "seed": 1, "draws": [
  {"path": "/networks/*/need", "normal": {"relative_sd": 0.05}},
  {"path": "/plan/frame/prorata", "uniform": {"min": 13000000, "max": 15000000}}]}}
JSON
report "scenarios, 2022 fixture (4 + 5 cases, 2 000 MC)" "$dekom" scenarios -s "$here/../fixtures/trondelag-2022/scenarios.json"
report "scenarios, 20 000 Monte Carlo runs, 1 thread" "$dekom" scenarios -s "$tmp/mc.json" --threads 1
report "scenarios, 20 000 Monte Carlo runs, 2 threads" "$dekom" scenarios -s "$tmp/mc.json" --threads 2

# peak memory (GNU time, Debian package `time`), when it is there
if [ -x /usr/bin/time ]; then
	printf '\n%-44s %12s\n' "peak resident memory" "KiB"
	for n in 1000 10000; do
		kb=$(/usr/bin/time -f %M "$dekom" recommend -n "$tmp/n$n.csv" -p "$tmp/plan.json" -f json 2>&1 >/dev/null | tail -1)
		printf '%-44s %12s\n' "recommend, $n networks" "$kb"
	done
fi

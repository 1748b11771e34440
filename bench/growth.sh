#!/bin/sh
# How every path grows with the input (docs/performance.md): each command
# on N and 10·N generated networks (default 10 000 and 100 000), the median
# CPU time of RUNS runs of each, and the ratio. Growth no worse than
# n log n is a ratio of about 10·log(10N)/log(N) (11.4 from 10 000 to
# 100 000); a path whose ratio is above twice that is marked "<- grows
# faster" (a quadratic path shows about 100). Printed, never asserted.
#
#   bench/growth.sh [DEKOM] [RUNS] [N]
set -eu
dekom=${1:-build/dekom}
runs=${2:-3}
small=${3:-10000}
large=$((small * 10))
here=$(cd "$(dirname "$0")" && pwd)
case $dekom in /*) ;; *) dekom=$(pwd)/$dekom ;; esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"

# the inputs of size n: networks (CSV, JSON, a workbook), a plan, a file
# with a bad cell in every third row, a header n/10 columns wide (a sheet
# has at most 16 384), every name twice, a second file of columns matched
# by name (in reverse order), two recommendations to compare, and a
# scenarios file
inputs() {
	n=$1
	sh "$here/gen_networks.sh" "$n" > "n$n.csv"
	sh "$here/gen_plan.sh" "$n" > "plan$n.json"
	sh "$here/gen_plan.sh" "$n" 800000 > "planb$n.json"
	awk -F';' 'NR == 1 { print "{\"networks\": ["; next }
		{ printf "%s{\"network\": \"%s\", \"previous\": %s, \"need\": %s, \"own\": %s, \"uh\": {\"NTNU\": %s, \"Nord\": %s}, \"fte\": %s, \"up1\": \"%s\"}\n",
			(NR > 2 ? "," : ""), $1, $2, $3, $4, $5, $6, $7, $8 }
		END { print "]}" }' "n$n.csv" > "n$n.json"
	awk -F';' -v OFS=';' 'NR > 1 && NR % 3 == 0 { $3 = "mye" } { print }' "n$n.csv" > "bad$n.csv"
	awk -v n="$((n / 10))" 'BEGIN { printf "network;need"; for (i = 0; i < n; i++) printf ";x%d", i
		print ""; print "A;1" }' > "wide$n.csv"
	{ cat "n$n.csv"; tail -n +2 "n$n.csv"; } > "dup$n.csv"
	{ echo "network;fte"; tail -n +2 "n$n.csv" | cut -d';' -f1,7 | sort -r; } > "fte$n.csv"
	cut -d';' -f1-6,8 "n$n.csv" > "nofte$n.csv"
	"$dekom" recommend -n "n$n.csv" -p "plan$n.json" -f json -q -o "rec$n.json"
	"$dekom" recommend -n "n$n.csv" -p "planb$n.json" -f json -q -o "recb$n.json"
	"$dekom" recommend -n "n$n.csv" -p "plan$n.json" -f xlsx -q -o "book$n.xlsx"
	cat > "sc$n.json" <<'JSON'
{"scenarios": [{"name": "A", "set": {"/plan/allocation/method": "need"}},
               {"name": "B", "set": {"/networks/Nettverk 5/need": 1000000}}],
 "sweep": {"path": "/plan/allocation/base_grant", "from": 0, "to": 100000, "step": 50000},
 "montecarlo": {"runs": 10, "seed": 1, "draws": [{"path": "/networks/*/need", "normal": {"relative_sd": 0.05}}]}}
JSON
}
inputs "$small"
inputs "$large"

med() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
# cpu N CMD: the median CPU seconds of RUNS runs of CMD with $N set
cpu() {
	N=$1
	shift
	eval "set -- $*"
	DEKOM_BENCH_BAD_INPUT=1 python3 "$here/measure.py" "$runs" "$tmp/out" "$@" |
		awk '{ print $2 }' | med
}
bound=$(awk -v a="$small" -v b="$large" 'BEGIN { printf "%.1f", 10 * log(b) / log(a) }')
printf '%-40s %12s %12s %7s   (n log n: %s)\n' "path" "$small" "$large" "ratio" "$bound"
row() { # LABEL CMD (with $N for the size)
	a=$(cpu "$small" "$2")
	b=$(cpu "$large" "$2")
	awk -v l="$1" -v a="$a" -v b="$b" -v k="$bound" 'BEGIN {
		r = a > 0 ? b / a : 0
		mark = (r > 2 * k) ? "   <- grows faster" : ""
		printf "%-40s %12.3f %12.3f %7.1f%s\n", l, a, b, r, mark }'
}
row "recommend -f json" '"$dekom" recommend -n n$N.csv -p plan$N.json -f json -q -o o.json'
row "recommend -f csv" '"$dekom" recommend -n n$N.csv -p plan$N.json -f csv -q -o o.csv'
row "recommend -f md" '"$dekom" recommend -n n$N.csv -p plan$N.json -f md -q -o o.md'
row "recommend -f table" '"$dekom" recommend -n n$N.csv -p plan$N.json -f table -q -o o.txt'
row "recommend -f html" '"$dekom" recommend -n n$N.csv -p plan$N.json -f html -q -o o.html'
row "recommend -f xlsx" '"$dekom" recommend -n n$N.csv -p plan$N.json -f xlsx -q -o o.xlsx'
row "recommend, JSON networks in" '"$dekom" recommend -n n$N.json -p plan$N.json -f json -q -o o.json'
row "recommend, a second -n by name" '"$dekom" recommend -n nofte$N.csv -n fte$N.csv -p plan$N.json -f json -q -o o.json'
row "check -f json" '"$dekom" check -n n$N.csv -p plan$N.json -f json --fail-on never'
row "check (table)" '"$dekom" check -n n$N.csv -p plan$N.json --fail-on never'
row "explain, the last network" '"$dekom" explain "Nettverk $N" -n n$N.csv -p plan$N.json'
row "show -f json" '"$dekom" show -n n$N.csv -p plan$N.json -f json'
row "show (table)" '"$dekom" show -n n$N.csv -p plan$N.json'
row "calibrate" '"$dekom" calibrate -n n$N.csv -p plan$N.json'
row "scenarios, a sweep, 10 MC runs" '"$dekom" scenarios -s sc$N.json -n n$N.csv -p plan$N.json -f json'
row "diff -f json" '"$dekom" diff rec$N.json recb$N.json -f json'
row "diff (table)" '"$dekom" diff rec$N.json recb$N.json'
printf 'rm -f "$2"; exec "$1" init --from "$3" -o "$2"\n' > init.sh
row "init --from a recommendation" 'sh init.sh "$dekom" init.xlsx rec$N.json'
row "bad: every third need not a number" '"$dekom" recommend -n bad$N.csv -p plan$N.json -q -o o.json'
row "bad: every name twice" '"$dekom" recommend -n dup$N.csv -p plan$N.json -q -o o.json'
row "bad: a header N/10 columns wide" '"$dekom" recommend -n wide$N.csv -p plan$N.json -q -o o.json'
row "bad: a workbook dekom wrote, as input" '"$dekom" recommend -n book$N.xlsx -p plan$N.json -q -o o.json'

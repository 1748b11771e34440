#!/bin/sh
# Batch throughput (docs/cases.md): `dekom batch` on 15 county-sized cases
# (two schemes each, 11 to 39 and 8 to 22 networks) and on 1 000 generated
# small cases, on 1 and 2 threads, against running `dekom recommend -c`
# once per case (one process each). Prints the median wall time of RUNS
# runs and cases per second; never asserts a time.
#
#   bench/batch.sh [DEKOM] [RUNS]
set -eu
dekom=${1:-build/dekom}
runs=${2:-5}
here=$(cd "$(dirname "$0")" && pwd)
case $dekom in /*) ;; *) dekom=$(pwd)/$dekom ;; esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
now_ns() { date +%s%N; }
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

cat > "$tmp/plan-a.json" <<'JSON'
{"year": 2023, "institutions": [{"id": "NTNU"}, {"id": "Nord"}],
 "frame": {"prorata": 15000000, "direct": {"amount": 5000000, "split": "by_up1"}},
 "allocation": {"method": "prorata", "base_grant": 100000}}
JSON
cat > "$tmp/plan-b.json" <<'JSON'
{"year": 2023, "institutions": [{"id": "NTNU"}, {"id": "Nord"}],
 "frame": {"prorata": 4000000, "direct": {"amount": 1000000, "split": "equal"}},
 "allocation": {"method": "need", "rounding": 1000}}
JSON
# county cases: a school scheme and a kindergarten scheme each
mkdir -p "$tmp/county" "$tmp/many"
i=1
while [ $i -le 15 ]; do
	sh "$here/gen_networks.sh" $((9 + 2 * i)) > "$tmp/county/a$i.csv"
	sh "$here/gen_networks.sh" $((7 + i)) > "$tmp/county/b$i.csv"
	printf '{"schemes": [{"id": "dekom", "networks": "a%d.csv", "plan": "../plan-a.json"},\n {"id": "rekom", "networks": "b%d.csv", "plan": "../plan-b.json"}]}\n' \
		$i $i > "$tmp/county/fylke-$i.json"
	i=$((i + 1))
done
sh "$here/gen_networks.sh" 12 > "$tmp/many/a.csv"
sh "$here/gen_networks.sh" 8 > "$tmp/many/b.csv"
i=1
while [ $i -le 1000 ]; do
	printf '{"schemes": [{"id": "dekom", "networks": "a.csv", "plan": "../plan-a.json"},\n {"id": "rekom", "networks": "b.csv", "plan": "../plan-b.json"}]}\n' \
		> "$tmp/many/sak-$i.json"
	i=$((i + 1))
done

time_runs() { # COMMAND...: the median wall time in µs
	k=0
	while [ $k -lt "$runs" ]; do
		rm -rf "$tmp/out" && mkdir -p "$tmp/out"
		t0=$(now_ns)
		"$@" > /dev/null 2>&1 || [ $? -le 1 ]
		t1=$(now_ns)
		echo $(( (t1 - t0) / 1000 ))
		k=$((k + 1))
	done | median
}
one_by_one() { # DIR: recommend -c per case, one process each
	for f in "$1"/*.json; do
		"$dekom" recommend -c "$f" -f json -o "$tmp/out/$(basename "$f")" -q --fail-on never || true
	done
}

printf '%-46s %12s %12s %8s\n' "batch ($runs runs each)" "median ms" "cases/s" "ratio"
report() { # NAME CASES BASE_US COMMAND...
	name=$1 n=$2 b=$3
	shift 3
	m=$(time_runs "$@")
	printf '%-46s %12.1f %12.0f %8.2f\n' "$name" "$(echo "$m" | awk '{ print $1 / 1000 }')" \
		"$(echo "$n $m" | awk '{ print $1 / ($2 / 1e6) }')" "$(echo "$b $m" | awk '{ print $1 / $2 }')"
}
for set in county:15 many:1000; do
	dir=${set%%:*} n=${set#*:}
	b=$(time_runs one_by_one "$tmp/$dir")
	printf '%-46s %12.1f %12.0f %8.2f\n' "$n cases, recommend -c once per case" \
		"$(echo "$b" | awk '{ print $1 / 1000 }')" "$(echo "$n $b" | awk '{ print $1 / ($2 / 1e6) }')" 1
	for t in 1 2; do
		report "$n cases, batch --threads $t" "$n" "$b" \
			"$dekom" batch -q -d "$tmp/out" --threads $t "$tmp/$dir"/*.json
	done
done
echo "ratio: the one-process-per-case time divided by the batch time (higher is faster)"

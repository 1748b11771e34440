#!/bin/sh
# Runs one fuzz target (docs/fuzzing.md):
#
#   run.sh smoke FUZZER NAME   every input of corpus/NAME and regressions/NAME
#                              once, whole; then DEKOM_FUZZ_SECONDS (default
#                              20; 0: none) of fuzzing from them into a
#                              fresh scratch folder, with the seed
#                              DEKOM_FUZZ_SEED (default 1). What CTest runs.
#   run.sh fuzz FUZZER NAME    FUZZ_SECONDS (default 60) of fuzzing, new
#                              inputs kept in the scratch folder across runs
#                              (make fuzz).
#   run.sh merge FUZZER NAME   corpus/NAME replaced by the minimal set of
#                              corpus/NAME and the scratch folder that keeps
#                              the code edges they reach (make fuzz-merge).
#
# FUZZER is the built fuzz_NAME; its folder holds fuzz-work/NAME/ (scratch
# corpus, logs, and the crash, leak or timeout inputs, artifacts/). The
# checked-in corpus is written only by merge. Exits 1 on any crash, with
# the end of the fuzzer's log and the path of the input.
set -eu
mode=$1
fuzzer=$2
name=$3
here=$(cd "$(dirname "$0")" && pwd)
max_len=$(awk -v n="$name" '$1 == n { print $3 }' "$here/targets")
if [ -z "$max_len" ]; then
	echo "run.sh: no target '$name' in $here/targets" >&2
	exit 2
fi
corpus=$here/corpus/$name
regressions=$here/regressions/$name
work=$(cd "$(dirname "$fuzzer")" && pwd)/fuzz-work/$name
mkdir -p "$work/artifacts" "$corpus"
# leaks are errors after every input; UB stops the run (compiled so too)
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
common="-timeout=5 -rss_limit_mb=2048 -artifact_prefix=$work/artifacts/"

fail() {
	echo "fuzz/$name: $1"
	tail -n 80 "$2"
	ls "$work/artifacts" | sed "s|^|fuzz/$name: input: $work/artifacts/|"
	exit 1
}

# the value of one of libFuzzer's final statistics in a log
stat() {
	sed -n "s/^stat::$1: *//p" "$2" | tail -n 1
}

# Every checked-in input once, as a file of its own: not cut to max_len.
replay() {
	count=$(find "$corpus" "$regressions" -type f ! -name 'README*' \
		2>/dev/null | wc -l)
	[ "$count" -gt 0 ] || return 0
	find "$corpus" "$regressions" -type f ! -name 'README*' -print0 \
		2>/dev/null | xargs -0 "$fuzzer" $common > "$work/replay.log" 2>&1 \
		|| fail "an input of corpus/$name or regressions/$name fails" \
			"$work/replay.log"
	echo "fuzz/$name: $count inputs of corpus/$name and regressions/$name pass"
}

# Fuzzes for $1 seconds from the corpus into $2.
run() {
	seeds=$corpus
	[ -d "$regressions" ] && seeds="$seeds $regressions"
	"$fuzzer" $common -max_len="$max_len" -dict="$here/$name.dict" \
		-max_total_time="$1" -print_final_stats=1 "$2" $seeds \
		> "$work/fuzz.log" 2>&1 \
		|| fail "the fuzzer found a problem" "$work/fuzz.log"
	echo "fuzz/$name: $1 s, $(stat number_of_executed_units "$work/fuzz.log") runs," \
	     "$(stat new_units_added "$work/fuzz.log") new inputs in $2, no problem found"
}

case $mode in
smoke)
	rm -rf "$work/artifacts"
	mkdir -p "$work/artifacts"
	# a fixed seed: the same tree fuzzes the same way, so a failure in
	# CI comes back when the run is repeated
	common="$common -seed=${DEKOM_FUZZ_SEED:-1}"
	replay
	seconds=${DEKOM_FUZZ_SECONDS:-20}
	if [ "$seconds" -gt 0 ]; then
		rm -rf "$work/smoke"
		mkdir -p "$work/smoke"
		run "$seconds" "$work/smoke"
	fi
	;;
fuzz)
	mkdir -p "$work/corpus"
	run "${FUZZ_SECONDS:-60}" "$work/corpus"
	;;
merge)
	mkdir -p "$work/corpus"
	rm -rf "$work/merged"
	mkdir -p "$work/merged"
	# edges only (no hit counts): a much smaller corpus, nearly as good
	# a start for the next run
	"$fuzzer" $common -merge=1 -use_counters=0 "$work/merged" "$corpus" "$work/corpus" \
		> "$work/merge.log" 2>&1 || fail "the merge failed" "$work/merge.log"
	before=$(find "$corpus" -type f | wc -l)
	find "$corpus" -type f -delete
	cp "$work/merged"/* "$corpus"/ 2>/dev/null || true
	echo "fuzz/$name: corpus/$name: $before inputs before," \
	     "$(find "$corpus" -type f | wc -l) after"
	;;
*)
	echo "run.sh: unknown mode '$mode'; expected smoke, fuzz or merge" >&2
	exit 2
	;;
esac

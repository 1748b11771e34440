#!/bin/sh
# A signal in the middle of writing (cli/main.c, io/outfile.h): SIGTERM and
# SIGINT remove the temporary file and kill dekom with that signal, the old
# target as it was; SIGKILL (which no handler sees) still leaves the old
# target whole.
#
# Two real paths hold a temporary file long enough to be hit:
# - a workbook to a FIFO that nobody reads yet: the workbook is complete in
#   a temporary file in $TMPDIR while dekom waits for a reader;
# - a regular target whose fsync strace holds back for a few seconds (when
#   strace can trace here; skipped with a message otherwise).
. "$(dirname "$0")/lib.sh"

# wait_for_temp DIR: until a .dekom- file shows in DIR (at most 10 s)
wait_for_temp() {
	n=0
	while ! ls -A "$1" | grep -q '^\.dekom-'; do
		n=$((n + 1))
		[ $n -gt 100 ] && return 1
		sleep 0.1
	done
	sleep 0.3
	return 0
}

# a workbook waiting for a FIFO's reader
mkdir tmp
mkfifo fifo
for sig in TERM INT; do
	# a background job starts with SIGINT ignored; dekom keeps what is
	# ignored, so the default comes back with env --default-signal
	TMPDIR="$work/tmp" env --default-signal=INT "$dekom" recommend -f xlsx -o fifo 2> /dev/null &
	pid=$!
	if ! wait_for_temp tmp; then
		fail "SIG$sig: the workbook's temporary file never showed"
		kill -KILL $pid
		continue
	fi
	kill -$sig $pid
	wait $pid
	rc=$?
	case $sig in TERM) want=143 ;; INT) want=130 ;; esac
	[ $rc = $want ] || fail "SIG$sig: exit status $rc, expected $want (killed by SIG$sig)"
	no_temps tmp "SIG$sig while the workbook waits for a FIFO"
	[ -p fifo ] || fail "SIG$sig: the FIFO was replaced"
done

# a regular target, its fsync held back by strace
printf 'old\n' > out.json
if ! command -v strace > /dev/null ||
	! strace -f -qq -o /dev/null true 2> /dev/null; then
	skip "a regular target: strace cannot trace here"
	finish
fi
for sig in TERM INT KILL; do
	strace -f -qq -o /dev/null -e trace=fsync -e inject=fsync:delay_enter=2000000 \
		env --default-signal=INT "$dekom" recommend -f json -o out.json 2> /dev/null &
	tracer=$!
	if ! wait_for_temp .; then
		fail "SIG$sig: the temporary file never showed"
		kill -KILL $tracer
		continue
	fi
	pid=$(cat /proc/$tracer/task/*/children 2> /dev/null | tr ' ' '\n' | grep . | head -n 1)
	if [ -z "$pid" ]; then
		fail "SIG$sig: no dekom under strace"
		kill -KILL $tracer
		continue
	fi
	kill -$sig $pid
	wait $tracer
	same out.json old "SIG$sig during the fsync"
	if [ $sig = KILL ]; then
		# no handler runs: the temporary file may stay, but the target is whole
		rm -f .dekom-*
	else
		no_temps . "SIG$sig during the fsync"
	fi
done

finish

#!/bin/sh
# Every networks reader applies the same name rules in the same words: a
# 201-character name and a name given twice, once in CSV and once in JSON,
# must be refused (exit 2) with the same message, the position (and the
# CSV reader's cell name) aside.
# Usage: run_agree.sh DEKOM CASE_DIR PLAN
set -u
dekom=$1
dir=$2
plan=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
for rule in long dup; do
	for fmt in csv json; do
		"$dekom" recommend -n "$dir/$rule.$fmt" -p "$plan" > /dev/null 2> "$work/$fmt"
		rc=$?
		if [ "$rc" != 2 ]; then
			echo "$rule.$fmt: exit $rc, expected 2"; fail=1
		fi
		sed -e 's/^[^ ]*: error: //' -e 's/^cell [A-Z]*[0-9]*: //' -e 's/^celle [A-Z]*[0-9]*: //' "$work/$fmt" > "$work/$rule.$fmt.msg"
	done
	if [ ! -s "$work/$rule.csv.msg" ] || ! cmp -s "$work/$rule.csv.msg" "$work/$rule.json.msg"; then
		echo "$rule: the readers disagree:"; diff "$work/$rule.csv.msg" "$work/$rule.json.msg"; fail=1
	fi
done
exit $fail

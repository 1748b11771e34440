#!/bin/sh
# Seeds the fuzz corpora (docs/fuzzing.md): copies the inputs of fixtures/,
# tests/cli/bad/ and tests/cli/sheets/ into tests/fuzz/corpus/TARGET/, each
# under the SHA-1 of its bytes (as libFuzzer names its inputs), so seeding
# twice adds nothing. A CLI case's files go where its `args` put them: -n
# to networks_csv or networks_json (by the first character), -p to plan,
# -P to pricing, -s to scenarios, --columns to colmap, and the first -n
# with the -p, joined by a NUL byte, to e2e. The number target gets the
# cells of every CSV file, each behind the two bytes that choose an
# amount's format (fuzz_number.c), and a few cells of the other formats.
# The corpora are minimised afterwards with `make fuzz-merge`.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
corpus=$here/corpus
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# add TARGET FILE: one input, named by its SHA-1
add() {
	mkdir -p "$corpus/$1"
	sum=$(sha1sum < "$2" | cut -c1-40)
	[ -e "$corpus/$1/$sum" ] || cp "$2" "$corpus/$1/$sum"
}

# add_networks FILE: CSV or JSON by its first character that is not a space
add_networks() {
	if [ "$(tr -d ' \t\r\n' < "$1" | head -c 1)" = "{" ]; then
		add networks_json "$1"
	else
		add networks_csv "$1"
	fi
}

# add_e2e NETWORKS PLAN: the two files joined by a NUL byte
add_e2e() {
	{ cat "$1"; printf '\000'; cat "$2"; } > "$tmp/e2e"
	add e2e "$tmp/e2e"
}

# the fixtures, by name
f=$root/fixtures/trondelag-2022
for n in "$f"/*.csv "$f"/variants/*.csv "$f"/trondelag-2022-*.json; do
	add_networks "$n"
	add_e2e "$n" "$f/plan.json"
done
for p in "$f"/plan*.json "$root"/tests/cli/shared/plan*.json; do
	add plan "$p"
done
add_e2e "$f/trondelag-2022-illustrative-fte-up1.csv" "$f/plan-prorata-illustrative.json"
add_e2e "$f/trondelag-2022-innstilling.csv" "$f/plan-decisions.json"
add_e2e "$f/trondelag-2022-innmeldt.csv" "$f/plan-decisions.json"
add colmap "$f/columns.json"
add scenarios "$f/scenarios.json"
add scenarios "$root/fixtures/pricing/scenarios-prices.json"
add pricing "$root/fixtures/pricing/ilu-illustrative.json"

# the CLI cases, by their arguments
for case in "$root"/tests/cli/bad/* "$root"/tests/cli/sheets/*; do
	[ -f "$case/args" ] || continue
	nets="" plan=""
	prev=""
	while IFS= read -r a || [ -n "$a" ]; do
		file=$case/$a
		[ -f "$file" ] || file=$root/tests/cli/shared/$a
		if [ -f "$file" ]; then
			case $prev in
			-n) add_networks "$file"; [ -n "$nets" ] || nets=$file ;;
			-p) add plan "$file"; plan=$file ;;
			-P) add pricing "$file" ;;
			-s) add scenarios "$file" ;;
			--columns) add colmap "$file" ;;
			esac
		fi
		prev=$a
	done < "$case/args"
	if [ -n "$nets" ] && [ -n "$plan" ]; then
		add_e2e "$nets" "$plan"
	elif [ -n "$nets" ]; then
		add e2e "$nets"
	fi
done

# number: byte 0 chooses mode, kr, % and decimals, byte 1 the maximum
# (fuzz_number.c); every distinct CSV cell as an amount (auto, kr, 0
# decimals, up to 10^12), and cells of the other formats
num() {
	printf "$1" > "$tmp/num"
	printf '%s' "$2" >> "$tmp/num"
	add number "$tmp/num"
}
find "$root/fixtures" "$root/tests/cli/bad" "$root/tests/cli/sheets" \
	-name '*.csv' -exec cat {} + | tr ';\r' '\n\n' | sort -u \
	| while IFS= read -r cell; do
		[ ${#cell} -le 40 ] && num '\004\000' "$cell"
	done
for cell in '3 309 141' '3 309 141,00' 'kr 3 309 141,-' '3.309.141' \
	'3,309,141' '1,500' '1.500' '-' '–' '−5' 'NOK 1 000' '1 000 kr.'; do
	num '\004\000' "$cell"
	num '\005\000' "$cell"
	num '\006\000' "$cell"
done
for cell in '320,5' '320.55' '1,500' '0,25' '12 345,67'; do
	num '\040\001' "$cell"; num '\041\001' "$cell"; num '\042\001' "$cell"
done
for cell in '40' '40,5 %' '33,3333%' '100 %' '0,05'; do
	num '\110\002' "$cell"
done
for cell in '0.5' '0,333333' '1' '0.1234567'; do
	num '\140\003' "$cell"
done
for t in number networks_csv networks_json plan pricing scenarios colmap e2e; do
	echo "corpus/$t: $(find "$corpus/$t" -type f 2>/dev/null | wc -l) inputs"
done

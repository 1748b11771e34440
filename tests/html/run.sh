#!/bin/sh
# One printed-report case: runs dekom with the case's `args` (one per line,
# from the source tree) and `-f html -o OUT.html`, asserts the exit code (0,
# or the one in `exit`), prints the file to PDF with headless Chromium (A4
# landscape, as the report's print style asks), extracts the text with
# pdftotext -layout, and asserts that every line of `expected-lines`
# appears on a line of the printed text (runs of spaces, non-breaking ones
# too, count as one space). A table row that is cut at the page edge or
# wrapped loses its last cells and fails the comparison. Then: the
# report numbers its own pages ("Side 1 av N" or "Page 1 of N", N the
# PDF's page count); each network named in the case's `networks` file (one
# per line) starts a page of its own (its name is the first line under the
# running head); and axe-core, run in headless Chromium on the report,
# finds no accessibility violation (AXE is axe.min.js, installed by `make
# deps-test`).
set -u
dekom=$1
case=$2
src=$3
axe=${4:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
want_rc=0
[ -f "$case/exit" ] && want_rc=$(cat "$case/exit")
set --
while IFS= read -r a || [ -n "$a" ]; do set -- "$@" "$a"; done < "$case/args"
(cd "$src" && "$dekom" "$@" -f html -o "$work/report.html") > "$work/stdout" 2> "$work/stderr"
rc=$?
if [ "$rc" != "$want_rc" ]; then
	echo "exit code $rc, expected $want_rc"; cat "$work/stderr"; exit 1
fi
HOME="$work" timeout 120 chromium --headless --no-sandbox --disable-gpu \
	--no-pdf-header-footer --user-data-dir="$work/profile" \
	--print-to-pdf="$work/report.pdf" "file://$work/report.html" > "$work/chromium.log" 2>&1
if [ ! -s "$work/report.pdf" ]; then
	echo "Chromium printed no PDF:"; cat "$work/chromium.log"; exit 1
fi
pdftotext -layout "$work/report.pdf" - | sed 's/\xc2\xa0/ /g; s/  */ /g; s/^ //; s/ $//' \
	> "$work/text"
fail=0
while IFS= read -r want || [ -n "$want" ]; do
	if ! grep -qxF -- "$want" "$work/text"; then
		echo "not in the printed report: $want"; fail=1
	fi
done < "$case/expected-lines"
[ $fail = 0 ] || { echo "--- printed text:"; cat "$work/text"; }
# the report's own page numbers
pages=$(pdfinfo "$work/report.pdf" | awk '/^Pages:/ {print $2}')
if ! grep -qxE "(Side 1 av|Page 1 of) $pages" "$work/text"; then
	echo "no 'Side 1 av $pages' (or 'Page 1 of $pages') printed by the report"; fail=1
fi
# a page per network: its name is the first line under the running head
if [ -f "$case/networks" ]; then
	k=1
	while [ "$k" -le "$pages" ]; do
		pdftotext -f "$k" -l "$k" -layout "$work/report.pdf" - |
			sed 's/\xc2\xa0/ /g; s/  */ /g; s/^ //; s/ $//' | grep -v '^$' | sed -n 2p
		k=$((k + 1))
	done > "$work/page-starts"
	while IFS= read -r name || [ -n "$name" ]; do
		if ! grep -qxF -- "$name" "$work/page-starts"; then
			echo "no page starts with the network '$name'"; fail=1
		fi
	done < "$case/networks"
fi
# accessibility: axe-core in the page, its violations written into the DOM
if [ -z "$axe" ] || [ ! -f "$axe" ]; then
	echo "axe-core is not installed ('$axe'); make deps-test installs it with npm"
	exit 1
fi
cp "$axe" "$work/axe.min.js"
sed 's#</body>#<script src="axe.min.js"></script><script>axe.run(document,{resultTypes:["violations"]}).then(function(r){var p=document.createElement("pre");p.id="axe-result";p.textContent=JSON.stringify(r.violations.map(function(v){return v.id+" ("+v.impact+"): "+v.help+" at "+v.nodes.map(function(n){return n.target.join(" ")}).join(", ")}));document.body.appendChild(p);});</script></body>#' \
	"$work/report.html" > "$work/axe.html"
HOME="$work" timeout 120 chromium --headless --no-sandbox --disable-gpu \
	--user-data-dir="$work/profile" --virtual-time-budget=30000 --dump-dom \
	"file://$work/axe.html" 2> "$work/chromium.log" |
	sed -n 's#.*<pre id="axe-result">\(.*\)</pre>.*#\1#p' > "$work/axe.txt"
if [ ! -s "$work/axe.txt" ]; then
	echo "axe-core did not run in Chromium:"; cat "$work/chromium.log"; fail=1
elif [ "$(cat "$work/axe.txt")" != "[]" ]; then
	echo "accessibility violations (axe-core):"; cat "$work/axe.txt"; echo; fail=1
fi
exit $fail

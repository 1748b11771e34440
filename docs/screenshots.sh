#!/bin/sh
# Makes the pictures in docs/img/ from the built-in 2022 case and the
# illustrative price template, the way a person would see them: the
# printed report (headless Chromium to PDF), the workbook printed by
# LibreOffice, and the price page; each page drawn by pdftoppm.
#   sh docs/screenshots.sh [build/dekom]
# Needs chromium, libreoffice-calc-nogui and poppler-utils (make deps-test).
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
dekom=${1:-$src/build/dekom}
out=$src/docs/img
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
cd "$src"
"$dekom" recommend -q -n fixtures/trondelag-2022/trondelag-2022-innstilling.csv \
	--columns fixtures/trondelag-2022/columns.json \
	-p fixtures/trondelag-2022/plan-decisions.json -o "$work/report.html" || [ $? = 1 ]
"$dekom" recommend -q -n fixtures/trondelag-2022/trondelag-2022-innstilling.csv \
	--columns fixtures/trondelag-2022/columns.json \
	-p fixtures/trondelag-2022/plan-decisions.json -o "$work/book.xlsx" || [ $? = 1 ]
"$dekom" price -q -P fixtures/pricing/ilu-illustrative.json \
	-n fixtures/trondelag-2022/trondelag-2022-innstilling.csv \
	--columns fixtures/trondelag-2022/columns.json \
	-p fixtures/trondelag-2022/plan.json -o "$work/price.html"
pdf() { # HTML to PDF with headless Chromium
	HOME="$work" timeout 120 chromium --headless --no-sandbox --disable-gpu \
		--no-pdf-header-footer --user-data-dir="$work/profile" \
		--print-to-pdf="$2" "file://$1" > /dev/null 2>&1
}
pdf "$work/report.html" "$work/report.pdf"
pdf "$work/price.html" "$work/price.pdf"
HOME="$work" timeout 180 soffice "-env:UserInstallation=file://$work/lo" --headless \
	--convert-to pdf --outdir "$work" "$work/book.xlsx" > /dev/null 2>&1
# page N of a PDF as docs/img/NAME.png, 70 dots per inch
page() {
	pdftoppm -r 70 -png -singlefile -f "$2" -l "$2" "$work/$1.pdf" "$out/$3"
}
page report 1 report-first-page
page report 3 report-charts
first=$(pdftotext -layout "$work/report.pdf" - | awk 'BEGIN {p = 1} /\f/ {p++} /^ *Trondheim\/Malvik *$/ {print p; exit}')
page report "${first:-6}" report-network-page
page book 1 workbook-innstilling
page book 2 workbook-beregning
page price 1 price-page
ls -l "$out"

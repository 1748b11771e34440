#!/bin/sh
# Every text meant for a person is in the one catalogue (po/nb.po): the C
# sources hold the English message ids, never the bokmål. This test reads
# the string and character literals of io/*.c, cli/*.c, engine/*.c and
# models/*.c (comments skipped, adjacent literals joined as the compiler
# joins them) and fails on any that holds æ, ø, å, Æ, Ø or Å.
#
#   no_norwegian_literals.sh SRC
#
# Not checked: models/columns.c, the one table of column labels (label_nb
# beside label_en) and of the headers the readers accept, which is data.
# Allowed inside a literal: the names below, which English message ids
# quote as a person writes them in a file (a place name; a common
# measure's name in the plan); nothing else.
set -u
src=$1
cd "$src" || exit 2
files=$(ls io/*.c cli/*.c engine/*.c models/*.c | grep -v '^models/columns\.c$')
awk '
BEGIN {
	allowed[1] = "Trøndelag"
	allowed[2] = "Samlinger og møter"
	nallowed = 2
	split("æ ø å Æ Ø Å", letters, " ")
	bad = 0
}
function check(file, line, lit,    t, k, p) {
	t = lit
	for (k = 1; k <= nallowed; k++)
		while ((p = index(t, allowed[k])) > 0)
			t = substr(t, 1, p - 1) substr(t, p + length(allowed[k]))
	for (k = 1; k <= 6; k++)
		if (index(t, letters[k]) > 0) {
			printf "%s:%d: bokmål in a literal (put the English in the source and the bokmål in po/nb.po): \"%s\"\n", file, line, lit
			bad = 1
			return
		}
}
# One file at a time, as one text, so that comments and literals may span
# lines.
FNR == 1 && NR > 1 { scan(prev_file, text) }
FNR == 1 { text = ""; prev_file = FILENAME }
{ text = text $0 "\n" }
END {
	if (NR > 0)
		scan(prev_file, text)
	exit bad
}
function scan(file, s,    i, n, c, d, line, lit, litline, pending, q) {
	n = length(s)
	line = 1
	pending = 0
	i = 1
	while (i <= n) {
		c = substr(s, i, 1)
		d = substr(s, i, 2)
		if (d == "/*") {
			i += 2
			while (i <= n && substr(s, i, 2) != "*/") {
				if (substr(s, i, 1) == "\n")
					line++
				i++
			}
			i += 2
		} else if (d == "//") {
			while (i <= n && substr(s, i, 1) != "\n")
				i++
		} else if (c == "\"" || c == "'\''") {
			# a literal; "a" "b" continues the pending one
			q = c
			if (!(pending && q == "\"")) {
				if (pending)
					check(file, litline, lit)
				lit = ""
				litline = line
			}
			i++
			while (i <= n && substr(s, i, 1) != q) {
				if (substr(s, i, 1) == "\\") {
					lit = lit substr(s, i, 2)
					i += 2
				} else {
					if (substr(s, i, 1) == "\n")
						line++
					lit = lit substr(s, i, 1)
					i++
				}
			}
			i++
			pending = 1
			if (q == "'\''") {
				check(file, litline, lit)
				pending = 0
			}
		} else {
			if (c == "\n")
				line++
			else if (c != " " && c != "\t" && pending) {
				check(file, litline, lit)
				pending = 0
			}
			i++
		}
	}
	if (pending)
		check(file, litline, lit)
}
' $files

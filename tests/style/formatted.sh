#!/bin/sh
# The tree is formatted by .clang-format (STYLE.md: style by machine): every
# C file of cli/, engine/, io/, models/, tests/ and cmake/ is what clang-format 14
# (Debian 12's) makes of it. Another major version lays out some lines
# differently, so the test is skipped (77) rather than failed under one.
# To format after a change: clang-format -i FILE.c (or `make format`).
# usage: formatted.sh SOURCE_DIR
src=$1
cf=$(command -v clang-format-14 || command -v clang-format) || {
	echo "clang-format is not installed (make deps-test installs it)"; exit 77; }
case $("$cf" --version) in
*" version 14."*) ;;
*) echo "$("$cf" --version): the tree is laid out by clang-format 14"; exit 77 ;;
esac
cd "$src" || exit 1
bad=0
for f in $(find cli engine io models tests cmake -name '*.[ch]' | sort); do
	if ! "$cf" --style=file "$f" | cmp -s "$f" -; then
		echo "$f: not formatted as .clang-format says; the changes:"
		"$cf" --style=file "$f" | diff -u "$f" - | head -20
		bad=1
	fi
done
[ "$bad" = 0 ] && echo "every C file is formatted"
exit $bad

#!/bin/sh
# The message catalogue (po/nb.po, GNU gettext):
#   catalogue.sh complete SRC BUILD  msgfmt --check --statistics passes and
#                                    reports no untranslated or fuzzy message
#   catalogue.sh covers SRC BUILD    every message id of the C sources
#                                    (xgettext, keywords _, N_, dk_tr,
#                                    dk_trc, dk_ntr: see pot() below) has a
#                                    translation in po/nb.po (msgcmp)
#   catalogue.sh pot SRC OUT.pot     writes the message ids of the sources
#                                    (the build's `pot` target: po/dekom.pot)
set -u
mode=$1
src=$2
build=$3
po=$src/po/nb.po
# the message ids of the C sources, as xgettext finds them
pot() {
	# _() and N_() (io/i18n.h, models/msgid.h); a writer's dk_tr(english,
	# TEXT), dk_trc(english, CONTEXT, TEXT) and dk_ntr(english, ONE, MANY,
	# n) (io/i18n.h) take the language as a parameter
	(cd "$src" && xgettext --language=C --from-code=UTF-8 --keyword=_ --keyword=N_ \
		--keyword=dk_tr:2 --keyword=dk_trc:2c,3 --keyword=dk_ntr:2,3 \
		--package-name=dekom --add-location=file --sort-by-file -o "$1" \
		models/*.c engine/*.c io/*.c cli/*.c)
}
case $mode in
complete)
	stats=$(msgfmt --check --statistics -o /dev/null "$po" 2>&1) || {
		echo "msgfmt --check fails:"; echo "$stats"; exit 1; }
	echo "$stats"
	case $stats in
	*untranslated*|*fuzzy*) echo "po/nb.po is not complete"; exit 1 ;;
	esac
	;;
covers)
	out=$build/dekom-check.pot
	pot "$out" || exit 1
	msgcmp "$po" "$out" || {
		echo "po/nb.po lacks a translation for the message ids above;"
		echo "add them (cmake --build BUILD --target pot writes po/dekom.pot;"
		echo "msgmerge po/nb.po po/dekom.pot adds the new ids)"; exit 1; }
	;;
pot)
	pot "$build" ;;
*)
	echo "usage: catalogue.sh complete|covers|pot SRC BUILD|OUT"; exit 2 ;;
esac

/*
 * msgid.h: marking a text for the message catalogue from models/.
 *
 * The models hold the English texts a person may read (a column's
 * meaning, a check's rule, what a number field expects) as gettext
 * message ids, marked with N_() so that xgettext (keyword N_) puts them in
 * po/dekom.pot; they are translated where io/ or cli/ shows them, with
 * _() or dk_tr() (io/i18n.h), since models call no gettext.
 */
#ifndef DK_MSGID_H
#define DK_MSGID_H

#ifndef N_
#define N_(s) s
#endif

#endif

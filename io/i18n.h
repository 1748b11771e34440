/*
 * i18n.h: the message catalogue, GNU gettext's way. English is the
 * message id in the source; po/nb.po gives the bokmål, compiled by the
 * build into LOCALEDIR/nb/LC_MESSAGES/dekom.mo. The language a person
 * reads is a flag each writer and reader carries (`english`); the
 * catalogue is always bokmål, so the two can be written side by side in
 * one run (JSON's message and message_nb).
 *
 * Only messages follow the catalogue: dk_i18n_init sets LC_MESSAGES alone
 * (to C.UTF-8, which glibc always has, so a machine with no Norwegian
 * locale still reads the catalogue), never LC_NUMERIC, so numbers keep the
 * C locale's decimal point everywhere.
 */
#ifndef DK_I18N_H
#define DK_I18N_H

#include <stdbool.h>
#include <stddef.h>

#include "models/msgid.h" /* N_(): marks a string for the catalogue
			      without translating it here */

#define DK_TEXT_DOMAIN "dekom"

/* Binds the catalogue: the build tree's copy when the program runs from
 * it, else the installed one. Call once, from main (program or test). */
void dk_i18n_init(void);

/* Changes with each dk_i18n_init: a text remembered from the catalogue
 * is good while this stays the same. */
unsigned dk_i18n_generation(void);

/* msgid in bokmål (from the catalogue), or as it is when `english`.
 * format_arg: a translated printf format is checked against the
 * arguments as the English one is. */
const char *dk_tr(bool english, const char *msgid) __attribute__((format_arg(2)));

/* msgid in the context ctx (gettext's msgctxt), for an English text that
 * two places translate differently ("Total": the frame's "Totalramme", a
 * table's "Sum"). ctx and msgid are string literals; xgettext finds them
 * with --keyword=dk_trc:2c,3. */
#define dk_trc(english, ctx, msgid) dk_tr_ctx(english, ctx "\004" msgid, msgid)
const char *dk_tr_ctx(bool english, const char *ctx_msgid, const char *msgid)
	__attribute__((format_arg(3)));

/* A text with a number in it, in the form for n: in English `one` when n
 * is 1 and `many` otherwise (the message ids themselves), in bokmål the
 * catalogue's plural form for n (po/nb.po's Plural-Forms). xgettext finds
 * them with --keyword=dk_ntr:2,3. */
const char *dk_ntr(bool english, const char *one, const char *many, unsigned long n)
	__attribute__((format_arg(2))) __attribute__((format_arg(3)));

/* The language of diagnostics, usage and help: bokmål unless --lang en.
 * Set once by the program after reading its options; it is process state,
 * as the locale is for gettext itself. Writers of reports and findings
 * take their language as a parameter instead, so that JSON can carry
 * both. */
void dk_i18n_set_english(bool english);
bool dk_i18n_english(void);

/* The system's reason for errno `err` in the program's language (libc's
 * own catalogue, in UTF-8: never "p?" for "på"), into buf. */
void dk_strerror(int err, char *buf, size_t size);

/* A list of names in words, in the program's language: "a, b or c"
 * ("a, b eller c"), each name in double quotes when `quoted` (names from
 * a file's table: "prorata", "need", ...). NULL-terminated names; into
 * buf. */
void dk_or_list(const char *const *names, bool quoted, char *buf, size_t size);

/* A diagnostic's or help text's message in the program's language. The
 * rule (docs/architecture.md): every text meant for a person that io/
 * readers and cli/ say goes through _() (or N_() in a static table and _()
 * where it is shown); the English is the message id, po/nb.po the
 * bokmål; xgettext -k_ -kN_ collects them into po/dekom.pot. */
#define _(s) dk_tr(dk_i18n_english(), s)

#endif

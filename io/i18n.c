/*
 * i18n.c: binding the gettext catalogue (see i18n.h).
 *
 * gettext translates only when LC_MESSAGES is not "C" or "POSIX"; C.UTF-8
 * is a locale of its own that glibc (2.35 and later) builds in, so the
 * catalogue works on a fresh machine whatever its locale. LANGUAGE=nb then
 * picks the bokmål catalogue. The catalogue is looked for in the build
 * tree first (so build/dekom works uninstalled), then where `make install`
 * puts it.
 */
#include "io/i18n.h"

#include <libintl.h>
#include <locale.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#ifndef DK_LOCALEDIR_BUILD
#define DK_LOCALEDIR_BUILD ""
#endif
#ifndef DK_LOCALEDIR
#define DK_LOCALEDIR "/usr/local/share/locale"
#endif

/* How many times the catalogue was bound: what a cache of its texts
 * checks (dk_i18n_generation). */
static unsigned generation;

void dk_i18n_init(void)
{
	struct stat st;
	const char *dir = DK_LOCALEDIR;
	if (DK_LOCALEDIR_BUILD[0] &&
	    stat(DK_LOCALEDIR_BUILD "/nb/LC_MESSAGES/dekom.mo", &st) == 0)
		dir = DK_LOCALEDIR_BUILD;
	if (!setlocale(LC_MESSAGES, "C.UTF-8"))
		setlocale(LC_MESSAGES, "");
	/* the catalogues' texts (ours and libc's reasons) are converted to
	 * this character set: UTF-8, never "p?" for "på". Classification of
	 * ASCII is the same as in C; LC_NUMERIC stays C. */
	setlocale(LC_CTYPE, "C.UTF-8");
	setenv("LANGUAGE", "nb", 1);
	bindtextdomain(DK_TEXT_DOMAIN, dir);
	bind_textdomain_codeset(DK_TEXT_DOMAIN, "UTF-8");
	generation++;
}

unsigned dk_i18n_generation(void)
{
	return generation;
}

static bool program_english;

void dk_i18n_set_english(bool english)
{
	program_english = english;
}

bool dk_i18n_english(void)
{
	return program_english;
}

void dk_strerror(int err, char *buf, size_t size)
{
	/* C for English; C.UTF-8 with LANGUAGE=nb for bokmål, in UTF-8 */
	locale_t loc =
		newlocale(LC_ALL_MASK, program_english ? "C" : "C.UTF-8", (locale_t)0);
	snprintf(buf, size, "%s", loc ? strerror_l(err, loc) : strerror(err));
	if (loc)
		freelocale(loc);
}

const char *dk_tr(bool english, const char *msgid)
{
	return english ? msgid : dgettext(DK_TEXT_DOMAIN, msgid);
}

const char *dk_tr_ctx(bool english, const char *ctx_msgid, const char *msgid)
{
	if (english)
		return msgid;
	/* gettext's pgettext: the key is "CONTEXT\004MSGID"; when the
	 * catalogue has no such key, the text is the English one */
	const char *t = dgettext(DK_TEXT_DOMAIN, ctx_msgid);
	return t == ctx_msgid ? msgid : t;
}

const char *dk_ntr(bool english, const char *one, const char *many, unsigned long n)
{
	if (english)
		return n == 1 ? one : many;
	return dngettext(DK_TEXT_DOMAIN, one, many, n);
}

void dk_or_list(const char *const *names, bool quoted, char *buf, size_t size)
{
	const char *q = quoted ? "\"" : "";
	char head[512];
	size_t n = 0, o = 0;
	if (size == 0)
		return;
	buf[0] = head[0] = '\0';
	while (names && names[n])
		n++;
	/* "a, b" and then "or c" */
	for (size_t k = 0; k + 1 < n && o < sizeof head; k++)
		o += (size_t)snprintf(head + o, sizeof head - o, "%s%s%s%s",
				      k ? ", " : "", q, names[k], q);
	if (n == 0)
		return;
	char last[128];
	snprintf(last, sizeof last, "%s%s%s", q, names[n - 1], q);
	if (n == 1)
		snprintf(buf, size, "%s", last);
	else
		snprintf(buf, size, _("%s or %s"), head, last);
}

/*
 * escape.c: input text made safe for spreadsheets, Markdown and terminals
 * (see escape.h).
 *
 * One walk over the UTF-8 text serves Markdown and terminals: a valid
 * sequence is copied unless it is a C1 control (U+0080–U+009F, which some
 * terminals take as an escape introducer); a byte that starts no valid
 * sequence is shown as \xNN, so that an 8-bit CSI (0x9B) or a broken
 * sequence can never reach the terminal raw.
 */
#include "io/escape.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

bool dk_formula_lead(const char *s)
{
	return s &&
		(*s == '=' || *s == '+' || *s == '-' || *s == '@' || *s == '\t' ||
		 *s == '\r');
}

void dk_csv_text(dk_strbuf *b, const char *s, char delim)
{
	if (!dk_formula_lead(s)) {
		dk_csv_field(b, s, delim);
		return;
	}
	dk_strbuf_puts(b, "\"'");
	for (; *s; s++) {
		if (*s == '"')
			dk_strbuf_puts(b, "\"");
		dk_strbuf_add(b, s, 1);
	}
	dk_strbuf_puts(b, "\"");
}

/* The length of the valid UTF-8 sequence at p (1 to 4), or 0 when the
 * bytes at p are not one (libunistring: RFC 3629, no overlong forms, no
 * surrogates, nothing above U+10FFFF). p is NUL-terminated; no byte past
 * the NUL is read. */
static size_t utf8_len(const unsigned char *p)
{
	int n = u8_mblen(p, strnlen((const char *)p, 4));
	return n > 0 ? (size_t)n : 0;
}

/* Appends the visible form of the control character or stray byte at p,
 * or returns 0 when p starts ordinary text (then nothing is appended);
 * otherwise the number of bytes consumed. */
static size_t visible_control(dk_strbuf *b, const unsigned char *p, bool cell)
{
	char e[8];
	unsigned char c = *p;
	if (c < 0x20 || c == 0x7F) {
		if (!cell && (c == '\t' || c == '\n'))
			return 0;
		snprintf(e, sizeof e, "\\x%02x", c);
		dk_strbuf_puts(b, e);
		return 1;
	}
	if (c < 0x80)
		return 0;
	size_t n = utf8_len(p);
	if (n == 0) {
		snprintf(e, sizeof e, "\\x%02x", c);
		dk_strbuf_puts(b, e);
		return 1;
	}
	if (c == 0xC2 && p[1] <= 0x9F) {
		snprintf(e, sizeof e, "\\u%04x", p[1]);
		dk_strbuf_puts(b, e);
		return 2;
	}
	return 0;
}

void dk_term_put(dk_strbuf *b, const char *s, bool cell)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		size_t used = visible_control(b, p, cell);
		if (used) {
			p += used;
			continue;
		}
		size_t n = *p < 0x80 ? 1 : utf8_len(p);
		dk_strbuf_add(b, (const char *)p, n);
		p += n;
	}
}

char *dk_term_clean(char *s)
{
	if (!s)
		return NULL;
	const unsigned char *p = (const unsigned char *)s;
	bool clean = true;
	while (clean && *p) {
		size_t n = *p < 0x80 ? 1 : utf8_len(p);
		if ((*p < 0x20 && *p != '\t' && *p != '\n') || *p == 0x7F || n == 0 ||
		    (*p == 0xC2 && p[1] <= 0x9F))
			clean = false;
		p += n ? n : 1;
	}
	if (clean)
		return s;
	dk_strbuf b = {0};
	dk_term_put(&b, s, false);
	free(s);
	return dk_strbuf_done(&b);
}

/* A letter or digit for Markdown's emphasis rules: ASCII alphanumerics
 * and every byte of a multi-byte character. */
static bool word_byte(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
		(c >= 'a' && c <= 'z') || c >= 0x80;
}

/* Leading digits followed by . or ): an ordered-list marker. */
static size_t list_number(const char *s)
{
	size_t n = strspn(s, "0123456789");
	return n > 0 && n <= 9 && (s[n] == '.' || s[n] == ')') ? n : 0;
}

void dk_md_text(dk_strbuf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t number = list_number(s);
	if (*p == '#' || *p == '+' || *p == '-' || *p == '=')
		dk_strbuf_puts(b, "\\");
	for (const unsigned char *start = p; *p;) {
		size_t used = visible_control(b, p, true);
		if (used) {
			p += used;
			continue;
		}
		switch (*p) {
		case '<':
			dk_strbuf_puts(b, "&lt;");
			p++;
			continue;
		case '>':
			dk_strbuf_puts(b, "&gt;");
			p++;
			continue;
		case '&':
			dk_strbuf_puts(b, "&amp;");
			p++;
			continue;
		case '\\':
		case '`':
		case '*':
		case '[':
		case ']':
		case '|':
		case '~': dk_strbuf_puts(b, "\\"); break;
		case '_':
			/* inside a word (status_quo) it can never be emphasis */
			if (p == start || !word_byte(p[-1]) || !word_byte(p[1]))
				dk_strbuf_puts(b, "\\");
			break;
		case '.':
		case ')':
			if (number && (size_t)(p - start) == number)
				dk_strbuf_puts(b, "\\");
			break;
		default: break;
		}
		size_t n = *p < 0x80 ? 1 : utf8_len(p);
		dk_strbuf_add(b, (const char *)p, n);
		p += n;
	}
}

/*
 * escape.h: how a string from the input (a network's name, an institution
 * id, a decision's reason, a finding's message that quotes them) is put
 * into an output so that it stays text there.
 *
 * - Spreadsheets (CSV and the workbook): a text cell that starts with one
 *   of = + - @ TAB CR would be read as a formula by Excel or LibreOffice
 *   (OWASP "CSV injection"). Such a text gets a leading single quote, and
 *   in CSV the field is quoted: `=HYPERLINK(…)` is written `"'=HYPERLINK(…)"`.
 *   Numbers are never text cells, so a negative amount stays `-5`.
 * - Markdown: the characters that would be markup are escaped (`\*`,
 *   `&lt;`, `\|`, …), so a name is shown as it is and never becomes a
 *   link, a heading, a list, an HTML tag or a broken table row.
 * - Terminals (table, show, explain): control characters (C0 but tab and
 *   line feed, DEL, and C1 U+0080–U+009F) and bytes that are not UTF-8 are
 *   shown as visible escapes (`\x1b`, `\u009b`), so a name cannot move the
 *   cursor, change colours or ring the bell. A backslash is left as it is.
 *
 * The functions append to a dk_strbuf (see strbuf.h for how an allocation
 * failure is remembered) or take and return an owned string.
 */
#ifndef DK_ESCAPE_H
#define DK_ESCAPE_H

#include <stdbool.h>

#include "io/strbuf.h"

/* True when a spreadsheet would take text s for a formula: it starts with
 * =, +, -, @, a tab or a carriage return. */
bool dk_formula_lead(const char *s);

/* One CSV text cell: as dk_csv_field, but a text with a formula lead is
 * written with a single quote before it, and quoted ("'=1+1"). Numbers
 * are written with dk_csv_field. */
void dk_csv_text(dk_strbuf *b, const char *s, char delim);

/* s as Markdown text: \ ` * [ ] | ~ escaped with a backslash, and _
 * unless it is inside a word (status_quo), < > & as entities, a leading
 * # + - = (and the . or ) after leading digits) escaped so that the text
 * never starts a heading or a list, and control characters as in
 * dk_term_put. */
void dk_md_text(dk_strbuf *b, const char *s);

/* s for a terminal: control characters as visible escapes. With `cell`,
 * tab, line feed and carriage return too (a table cell is one line). */
void dk_term_put(dk_strbuf *b, const char *s, bool cell);

/* The whole text s for a terminal (dk_term_put, tab and line feed kept).
 * Consumes s; returns the cleaned text (s itself when nothing needed
 * escaping), or NULL when s is NULL or an allocation fails. */
char *dk_term_clean(char *s);

#endif

/*
 * text.h: reading an input file into memory and decoding it to UTF-8.
 *
 * Norwegian Excel writes CSV in Windows-1252; other tools write UTF-8, with
 * or without a byte-order mark. A file that is valid UTF-8 is taken as
 * UTF-8 (a BOM is dropped); any other file is converted from Windows-1252
 * with iconv, except that the five bytes Windows-1252 leaves undefined
 * (0x81, 0x8D, 0x8F, 0x90, 0x9D), a NUL byte, or invalid UTF-8 after a BOM
 * are errors at their line and column. A text that starts with '{' or '['
 * after white space is JSON, which is UTF-8 only (RFC 8259): each invalid
 * byte in it is an error, never read as Windows-1252. Lines and columns
 * count characters, 1-based, so a position means the same before and after
 * conversion.
 */
#ifndef DK_TEXT_H
#define DK_TEXT_H

#include <stddef.h>

#include "models/error.h"

/* One input as read: the raw bytes (hashed for the manifest) and, once
 * decoded, its UTF-8 text. Owns both buffers. */
typedef struct {
	char *name; /* as given on the command line, or built-in */
	char *path; /* file system path, NULL for stdin/built-in */
	unsigned char *raw;
	size_t raw_len;
	size_t raw_room; /* bytes raw has room for (0: raw_len, set by the
			    readers here; a raw buffer made elsewhere is
			    never written to) */
	char *text;      /* UTF-8, NUL-terminated; where the bytes are UTF-8
			    already, the raw bytes themselves (text_in_raw) */
	size_t len;
	int converted; /* 1 if converted from Windows-1252 */
	int text_in_raw;
} dk_input;

void dk_input_init(dk_input *in);
void dk_input_release(dk_input *in);

/* Reads `path` ("-" is standard input) into in->raw; errors go to d with
 * the file name and no position. */
dk_status dk_input_read(dk_input *in, const char *path, dk_error *d);

/* Takes a copy of built-in bytes as if read from a file named `name`. */
dk_status dk_input_builtin(dk_input *in, const char *name, const unsigned char *bytes,
			   size_t len);

/* Decodes in->raw into in->text as described above. */
dk_status dk_input_decode(dk_input *in, dk_error *d);

/* Line and column (1-based, in characters) of byte offset `off` of a UTF-8
 * text. */
void dk_text_position(const char *text, size_t off, int *line, int *col);

/* The SHA-256 of the raw bytes, as 64 lowercase hex digits (Nettle). */
void dk_input_sha256(const dk_input *in, char hex[65]);

/* Cuts an incomplete UTF-8 sequence off the end of s, as snprintf leaves
 * one when it truncates a text in the middle of a character. */
void dk_utf8_trim(char *s);

#endif

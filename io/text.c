/*
 * text.c: input bytes to UTF-8 text (see text.h). Conversion uses the C
 * library's iconv; the detection rule is ours: a file that is not text
 * (a workbook, a PDF) is named first, then a UTF-16 byte-order mark
 * decides UTF-16, and otherwise valid UTF-8 wins over Windows-1252.
 */
#include "io/text.h"
#include "io/i18n.h"
#include "io/limits.h"

#include <errno.h>
#include <iconv.h>
#include <nettle/sha2.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistr.h>

void dk_input_init(dk_input *in)
{
	memset(in, 0, sizeof *in);
}

void dk_input_release(dk_input *in)
{
	free(in->name);
	free(in->path);
	free(in->raw);
	if (!in->text_in_raw)
		free(in->text);
	memset(in, 0, sizeof *in);
}

dk_status dk_input_read(dk_input *in, const char *path, dk_error *d)
{
	int is_stdin = strcmp(path, "-") == 0;
	FILE *f = is_stdin ? stdin : fopen(path, "rb");
	in->name = strdup(is_stdin ? "<stdin>" : path);
	in->path = is_stdin ? NULL : strdup(path);
	if (!in->name || (!is_stdin && !in->path)) {
		if (f && !is_stdin)
			fclose(f);
		return DK_ENOMEM;
	}
	if (!f) {
		char why[160];
		dk_strerror(errno, why, sizeof why);
		dk_error_add(d, path, 0, 0, _("cannot open: %s"), why);
		return DK_EINPUT;
	}
	size_t cap = 1 << 16, len = 0;
	unsigned char *buf = malloc(cap);
	dk_status st = buf ? DK_OK : DK_ENOMEM;
	while (st == DK_OK) {
		if (len == cap) {
			/* one byte past the limit is enough to know it is
			 * passed */
			size_t grow = cap * 2 > DK_INPUT_MAX_BYTES + 1
				? DK_INPUT_MAX_BYTES + 1
				: cap * 2;
			unsigned char *p = realloc(buf, grow);
			if (!p) {
				st = DK_ENOMEM;
				break;
			}
			buf = p;
			cap = grow;
		}
		size_t k = fread(buf + len, 1, cap - len, f);
		len += k;
		if (len > DK_INPUT_MAX_BYTES) {
			dk_error_add(d, in->name, 0, 0, "%s",
				     _("the file is larger than 1 GiB, dekom's limit "
				       "for one input; split it"));
			st = DK_EINPUT;
			break;
		}
		if (k == 0) {
			if (ferror(f)) {
				char why[160];
				dk_strerror(errno, why, sizeof why);
				dk_error_add(d, in->name, 0, 0, _("cannot read: %s"),
					     why);
				st = DK_EINPUT;
			}
			break;
		}
	}
	if (!is_stdin)
		fclose(f);
	if (st == DK_OK && len == cap) { /* room for the text's NUL */
		unsigned char *p = realloc(buf, cap + 1);
		if (!p)
			st = DK_ENOMEM;
		else
			buf = p, cap++;
	}
	if (st != DK_OK) {
		free(buf);
		return st;
	}
	in->raw = buf;
	in->raw_len = len;
	in->raw_room = cap;
	return DK_OK;
}

dk_status dk_input_builtin(dk_input *in, const char *name, const unsigned char *bytes,
			   size_t len)
{
	in->name = strdup(name);
	in->raw = malloc(len + 1);
	if (!in->name || !in->raw)
		return DK_ENOMEM;
	memcpy(in->raw, bytes, len);
	in->raw_len = len;
	in->raw_room = len + 1;
	return DK_OK;
}

/* Length of the valid UTF-8 sequence at s (at most n bytes), or 0
 * (libunistring: RFC 3629, no overlong forms, no surrogates). A NUL byte
 * is one character here, as in u8_check. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	if (s[0] < 0x80)
		return 1;
	int k = u8_mblen(s, n);
	return k > 0 ? (size_t)k : 0;
}

/* Byte offset of the first invalid UTF-8 sequence, or n if none. */
static size_t utf8_invalid_at(const unsigned char *s, size_t n)
{
	const uint8_t *bad = u8_check(s, n);
	return bad ? (size_t)(bad - s) : n;
}

/* Position of a byte offset in a single-byte text: columns are bytes. */
static void byte_position(const unsigned char *s, size_t off, int *line, int *col)
{
	int l = 1, c = 1;
	for (size_t i = 0; i < off; i++) {
		if (s[i] == '\n')
			l++, c = 1;
		else
			c++;
	}
	*line = l;
	*col = c;
}

/* A text that starts with '{' or '[' after white space is JSON (CLI.md),
 * and JSON is UTF-8 (RFC 8259). */
static int looks_like_json(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
		i++;
	return i < n && (s[i] == '{' || s[i] == '[');
}

/* Reports every invalid UTF-8 sequence of a JSON text at its line and
 * column (characters; an invalid byte counts as one). */
static void report_json_bytes(const dk_input *in, const unsigned char *s, size_t n,
			      dk_error *d)
{
	int line = 1, col = 1;
	size_t i = 0;
	while (i < n) {
		size_t k = utf8_len(s + i, n - i);
		if (k == 0) {
			dk_error_add(d, in->name, line, col,
				     _("byte 0x%02X is not valid UTF-8; a JSON file "
				       "must be UTF-8 (RFC 8259): save it as UTF-8"),
				     s[i]);
			k = 1;
			col++;
		} else if (s[i] == '\n') {
			line++;
			col = 1;
		} else {
			col++;
		}
		i += k;
	}
}

static int undefined_1252(unsigned char c)
{
	return c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D;
}

static dk_status convert_1252(dk_input *in, const unsigned char *s, size_t n)
{
	iconv_t cd = iconv_open("UTF-8", "WINDOWS-1252");
	if (cd == (iconv_t)-1)
		return DK_ENOMEM;
	size_t cap = 3 * n + 1; /* at most 3 UTF-8 bytes per 1252 byte */
	char *out = malloc(cap);
	if (!out) {
		iconv_close(cd);
		return DK_ENOMEM;
	}
	char *ip = (char *)(uintptr_t)s, *op = out;
	size_t il = n, ol = cap - 1;
	size_t r = iconv(cd, &ip, &il, &op, &ol);
	iconv_close(cd);
	if (r == (size_t)-1) {
		free(out);
		return DK_ENOMEM;
	}
	*op = '\0';
	in->text = out;
	in->len = (size_t)(op - out);
	in->converted = 1;
	return DK_OK;
}

/* A file that is not text at all, by its first bytes: a zip (an XLSX or
 * ODS workbook), an Excel 97-2003 workbook (OLE2) or a PDF. Reported at
 * 1:1 with what to do; true when it is one. (Reading workbooks is the
 * workbook reader's, CLI.md "Workbooks"; until then a workbook given
 * where text is read is named, never decoded as Windows-1252.) */
/* True when name ends in `end`, in any case. */
static bool ends_with_ci(const char *name, const char *end)
{
	size_t n = name ? strlen(name) : 0, e = strlen(end);
	return n >= e && strcasecmp(name + n - e, end) == 0;
}

static bool not_text(const dk_input *in, const unsigned char *s, size_t n, dk_error *d)
{
	static const unsigned char zip[] = {'P', 'K', 3, 4};
	static const unsigned char ole2[] = {0xD0, 0xCF, 0x11, 0xE0,
					     0xA1, 0xB1, 0x1A, 0xE1};
	if (n >= sizeof zip && memcmp(s, zip, sizeof zip) == 0)
		dk_error_add(d, in->name, 1, 1, "%s",
			     _("this is a workbook (XLSX or ODS), not CSV text; save "
			       "the sheet as CSV: in Excel File > Save As > 'CSV "
			       "(Comma delimited)' or 'CSV UTF-8', in LibreOffice "
			       "File > Save As > 'Text CSV'"));
	else if (n >= sizeof ole2 && memcmp(s, ole2, sizeof ole2) == 0 &&
		 ends_with_ci(in->name, ".xlsx"))
		/* Excel keeps a password-protected .xlsx in the older container */
		dk_error_add(d, in->name, 1, 1, "%s",
			     _("this workbook is encrypted (saved with a password); "
			       "save it without a password (in Excel File > Info > "
			       "Protect Workbook > Encrypt with Password, and clear "
			       "the password)"));
	else if (n >= sizeof ole2 && memcmp(s, ole2, sizeof ole2) == 0)
		dk_error_add(d, in->name, 1, 1, "%s",
			     _("this is an Excel 97-2003 workbook (XLS), not CSV "
			       "text; save the sheet as CSV: in Excel File > Save "
			       "As > 'CSV (Comma delimited)' or 'CSV UTF-8'"));
	else if (n >= 5 && memcmp(s, "%PDF-", 5) == 0)
		dk_error_add(d, in->name, 1, 1, "%s",
			     _("this is a PDF document, not CSV text, and dekom "
			       "does not read figures from a PDF; open the workbook "
			       "the PDF was made from and save the sheet as CSV (in "
			       "Excel File > Save As > 'CSV (Comma delimited)')"));
	else
		return false;
	return true;
}

/* Whether text without a byte-order mark looks like UTF-16: in its first
 * bytes (up to 200, an even number), every second byte is 0 and the
 * bytes between are not (ASCII text written as UTF-16, little- or
 * big-endian). */
static bool looks_like_utf16(const unsigned char *s, size_t n)
{
	size_t m = n < 200 ? n - n % 2 : 200;
	if (m < 4)
		return false;
	size_t zero[2] = {0, 0};
	for (size_t i = 0; i < m; i++)
		zero[i % 2] += s[i] == 0;
	size_t pairs = m / 2;
	return (zero[1] == pairs && zero[0] == 0) || (zero[0] == pairs && zero[1] == 0);
}

/* UTF-16 with a byte-order mark (Excel's "Unicode-tekst", tab-delimited)
 * to UTF-8 through iconv; the mark tells the byte order. */
static dk_status convert_utf16(dk_input *in, const unsigned char *s, size_t n,
			       dk_error *d)
{
	iconv_t cd = iconv_open("UTF-8", s[0] == 0xFF ? "UTF-16LE" : "UTF-16BE");
	if (cd == (iconv_t)-1)
		return DK_ENOMEM;
	size_t cap = 2 * n + 1; /* at most 3 UTF-8 bytes per 2 UTF-16 bytes */
	char *out = malloc(cap);
	if (!out) {
		iconv_close(cd);
		return DK_ENOMEM;
	}
	char *ip = (char *)(uintptr_t)(s + 2), *op = out;
	size_t il = n - 2, ol = cap - 1;
	size_t r = iconv(cd, &ip, &il, &op, &ol);
	int err = r == (size_t)-1 ? errno : 0;
	iconv_close(cd);
	if (err == E2BIG || (err && err != EILSEQ && err != EINVAL)) {
		free(out);
		return DK_ENOMEM;
	}
	*op = '\0';
	if (err) {
		/* the position of the first bad unit, in characters */
		int line, col;
		dk_text_position(out, (size_t)(op - out), &line, &col);
		dk_error_add(d, in->name, line, col, "%s",
			     _("the file starts with a UTF-16 byte-order mark, but "
			       "this is not UTF-16 text; save it again as UTF-8 "
			       "(in Excel: 'CSV UTF-8')"));
		free(out);
		return DK_EINPUT;
	}
	in->text = out;
	in->len = (size_t)(op - out);
	in->converted = 2;
	return DK_OK;
}

dk_status dk_input_decode(dk_input *in, dk_error *d)
{
	const unsigned char *s = in->raw;
	size_t n = in->raw_len;
	int bom = n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF;
	int line, col;
	if (not_text(in, s, n, d))
		return DK_EINPUT;
	if (n >= 2 &&
	    ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF))) {
		dk_status st = convert_utf16(in, s, n, d);
		if (st != DK_OK)
			return st;
		if (looks_like_json((const unsigned char *)in->text, in->len)) {
			dk_error_add(d, in->name, 1, 1, "%s",
				     _("this JSON file is UTF-16 text; a JSON file "
				       "must be UTF-8 (RFC 8259): save it as UTF-8"));
			st = DK_EINPUT;
		} else if (memchr(in->text, 0, in->len)) {
			size_t at = strlen(in->text);
			dk_text_position(in->text, at, &line, &col);
			dk_error_add(d, in->name, line, col, "%s",
				     _("a NUL character: this is not a text file"));
			st = DK_EINPUT;
		}
		if (st != DK_OK) {
			free(in->text);
			in->text = NULL;
			in->len = 0;
		}
		return st;
	}
	if (bom)
		s += 3, n -= 3;
	const void *nul = memchr(s, 0, n);
	if (nul) {
		if (!bom && looks_like_utf16(s, n)) {
			dk_error_add(
				d, in->name, 1, 1, "%s",
				looks_like_json(s[0] ? s : s + 1, n - (s[0] ? 0 : 1))
					? _("this looks like a JSON file in UTF-16 without a "
					    "byte-order mark; a JSON file must be UTF-8 "
					    "(RFC 8259): save it as UTF-8")
					: _("this looks like UTF-16 text without a "
					    "byte-order mark, which cannot be read safely; "
					    "save it as UTF-8 (in Excel: 'CSV UTF-8'), or as "
					    "Unicode text, which has the mark"));
			return DK_EINPUT;
		}
		byte_position(s, (size_t)((const unsigned char *)nul - s), &line, &col);
		dk_error_add(d, in->name, line, col, "%s",
			     _("a NUL byte: this is not a text file"));
		return DK_EINPUT;
	}
	size_t bad = utf8_invalid_at(s, n);
	if (bad == n && in->raw_room > in->raw_len) {
		/* the text is the bytes as read (after a byte-order mark),
		 * with the NUL in the room after them: no second copy of a
		 * large file. Nothing writes to a text. */
		in->text = (char *)in->raw + (bom ? 3 : 0);
		in->raw[in->raw_len] = '\0';
		in->len = n;
		in->text_in_raw = 1;
		return DK_OK;
	}
	if (bad == n) {
		in->text = malloc(n + 1);
		if (!in->text)
			return DK_ENOMEM;
		memcpy(in->text, s, n);
		in->text[n] = '\0';
		in->len = n;
		return DK_OK;
	}
	if (looks_like_json(s, n)) {
		report_json_bytes(in, s, n, d);
		return DK_EINPUT;
	}
	if (bom) {
		dk_text_position((const char *)s, bad, &line, &col);
		dk_error_add(d, in->name, line, col,
			     _("byte 0x%02X is not valid UTF-8, though the file "
			       "starts with a UTF-8 byte-order mark"),
			     s[bad]);
		return DK_EINPUT;
	}
	int errors = 0;
	for (size_t i = 0; i < n; i++) {
		if (undefined_1252(s[i])) {
			byte_position(s, i, &line, &col);
			dk_error_add(d, in->name, line, col,
				     _("byte 0x%02X is neither UTF-8 nor a "
				       "Windows-1252 character; expected text in "
				       "UTF-8 or Windows-1252"),
				     s[i]);
			errors++;
		}
	}
	if (errors)
		return DK_EINPUT;
	return convert_1252(in, s, n);
}

void dk_text_position(const char *text, size_t off, int *line, int *col)
{
	int l = 1, c = 1;
	for (size_t i = 0; i < off && text[i]; i++) {
		unsigned char ch = (unsigned char)text[i];
		/* a line ends at LF, CRLF, or a lone CR (old Mac files) */
		if (ch == '\n' || (ch == '\r' && text[i + 1] != '\n'))
			l++, c = 1;
		else if (ch != '\r' && (ch & 0xC0) != 0x80)
			c++;
	}
	*line = l;
	*col = c;
}

void dk_input_sha256(const dk_input *in, char hex[65])
{
	struct sha256_ctx ctx;
	uint8_t digest[SHA256_DIGEST_SIZE];
	static const char digits[] = "0123456789abcdef";
	sha256_init(&ctx);
	sha256_update(&ctx, in->raw_len, in->raw);
	sha256_digest(&ctx, SHA256_DIGEST_SIZE, digest);
	for (size_t i = 0; i < SHA256_DIGEST_SIZE; i++) {
		hex[2 * i] = digits[digest[i] >> 4];
		hex[2 * i + 1] = digits[digest[i] & 15];
	}
	hex[64] = '\0';
}

void dk_utf8_trim(char *s)
{
	size_t n = strlen(s), k = n;
	/* back over continuation bytes to the last lead byte (at most 3) */
	while (k > 0 && n - k < 4 && ((unsigned char)s[k - 1] & 0xC0) == 0x80)
		k--;
	if (k == 0)
		return;
	unsigned char lead = (unsigned char)s[k - 1];
	size_t want = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
	if (n - (k - 1) < want)
		s[k - 1] = '\0';
}

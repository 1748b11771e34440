/*
 * strbuf.h: a growing text buffer for the writers, and CSV quoting.
 *
 * An allocation failure is remembered, not reported at each call: the
 * writer goes on, and dk_strbuf_done returns NULL, freeing what was built.
 */
#ifndef DK_STRBUF_H
#define DK_STRBUF_H

#include <stddef.h>
#include <string.h>

typedef struct {
	char *data;
	size_t len, cap;
	int oom; /* an allocation or a hand-on failed: nothing more is added */
	/* when set, the text is handed on in pieces of about 64 KiB as it
	 * grows, and the buffer emptied: an output written as it is made,
	 * never whole in memory. It returns 0, or -1 to stop. */
	int (*flush)(void *ctx, const char *s, size_t n);
	void *flush_ctx;
} dk_strbuf;

#define DK_STRBUF_FLUSH_AT 65536

void dk_strbuf_add_slow(dk_strbuf *b, const char *s, size_t n);

/* Room for n more bytes at the end, to write in place and then count
 * with dk_strbuf_wrote, where adding them needs no growing and no handing
 * on; NULL where it does (then dk_strbuf_add them). */
static inline char *dk_strbuf_room(dk_strbuf *b, size_t n)
{
	if (!b->oom && b->len + n < b->cap &&
	    (!b->flush || b->len + n < DK_STRBUF_FLUSH_AT))
		return b->data + b->len;
	return NULL;
}

static inline void dk_strbuf_wrote(dk_strbuf *b, size_t n)
{
	b->len += n;
	b->data[b->len] = '\0';
}

/* Appends n bytes: inline where they fit (a large output is millions of
 * small appends), through dk_strbuf_add_slow where the buffer must grow
 * or be handed on. */
static inline void dk_strbuf_add(dk_strbuf *b, const char *s, size_t n)
{
	char *at = dk_strbuf_room(b, n);
	if (at) {
		memcpy(at, s, n);
		dk_strbuf_wrote(b, n);
		return;
	}
	dk_strbuf_add_slow(b, s, n);
}
void dk_strbuf_puts(dk_strbuf *b, const char *s);
void dk_strbuf_printf(dk_strbuf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Hands on what b holds (with b->flush) and empties it; -1 on failure. */
int dk_strbuf_flush(dk_strbuf *b);

/* The text (caller frees), or NULL when an allocation failed. */
char *dk_strbuf_done(dk_strbuf *b);

/* One CSV field, quoted (RFC 4180: '"' doubled) when it holds the
 * delimiter, a quote or a line break. */
void dk_csv_field(dk_strbuf *b, const char *s, char delim);

#endif

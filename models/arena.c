/*
 * arena.c: memory handed out in blocks and freed at once (see arena.h).
 */
#include "models/arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct dk_arena_block {
	dk_arena_block *next;
	size_t used, cap;
	_Alignas(16) char data[];
};

#define BLOCK_FIRST ((size_t)4096)
#define BLOCK_MAX ((size_t)1 << 20)

static size_t round16(size_t n)
{
	return n ? (n + 15) & ~(size_t)15 : 16;
}

void *dk_arena_get(dk_arena *a, size_t n)
{
	if (n > SIZE_MAX / 2)
		return NULL;
	n = round16(n);
	dk_arena_block *b = a->head;
	if (n > BLOCK_MAX / 4) {
		/* behind the block being filled, which stays first */
		dk_arena_block *own = malloc(sizeof *own + n);
		if (!own)
			return NULL;
		own->used = own->cap = n;
		own->next = b ? b->next : NULL;
		if (b)
			b->next = own;
		else
			a->head = own;
		return own->data;
	}
	if (!b || b->cap - b->used < n) {
		size_t cap = b ? 2 * b->cap : BLOCK_FIRST;
		if (cap > BLOCK_MAX)
			cap = BLOCK_MAX;
		if (cap < n)
			cap = n;
		dk_arena_block *fresh = malloc(sizeof *fresh + cap);
		if (!fresh)
			return NULL;
		fresh->next = b;
		fresh->used = 0;
		fresh->cap = cap;
		a->head = b = fresh;
	}
	void *p = b->data + b->used;
	b->used += n;
	return p;
}

void *dk_arena_zeroed(dk_arena *a, size_t n)
{
	void *p = dk_arena_get(a, n);
	if (p)
		memset(p, 0, round16(n));
	return p;
}

void dk_arena_trim_last(dk_arena *a, const void *p, size_t n, size_t kept)
{
	dk_arena_block *b = a->head;
	n = round16(n);
	if (b && (const char *)p == b->data + b->used - n)
		b->used -= n - round16(kept);
}

void dk_arena_release(dk_arena *a)
{
	for (dk_arena_block *b = a->head, *next; b; b = next) {
		next = b->next;
		free(b);
	}
	a->head = NULL;
}

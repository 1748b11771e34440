/*
 * arena.h: memory handed out in blocks and freed at once.
 *
 * Many small pieces that live as long as their owner (a table's names and
 * lines, a sheet's fields, the findings' message arguments) come from a
 * few blocks: one allocation for many pieces, not one each, and one free
 * for all of them. Blocks start at 4 KiB and double up to 1 MiB; a piece
 * of more than a quarter of that has a block of its own.
 */
#ifndef DK_ARENA_H
#define DK_ARENA_H

#include <stddef.h>

typedef struct dk_arena_block dk_arena_block;

typedef struct {
	dk_arena_block *head; /* the block being filled first; NULL: none yet */
} dk_arena;                   /* zeroed is empty */

/* n bytes, aligned for any value (16), not zeroed; NULL when out of
 * memory. */
void *dk_arena_get(dk_arena *a, size_t n);

/* The same, zeroed. */
void *dk_arena_zeroed(dk_arena *a, size_t n);

/* Gives back the end of the n bytes dk_arena_get last returned at p, of
 * which only the first `kept` are used (nothing when p was not the last
 * piece of the block being filled). */
void dk_arena_trim_last(dk_arena *a, const void *p, size_t n, size_t kept);

/* Frees every piece; the arena is empty again. */
void dk_arena_release(dk_arena *a);

#endif

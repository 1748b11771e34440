/*
 * network.c: the networks table (see network.h).
 */
#include "models/network.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void dk_networks_init(dk_networks *t, size_t n_institutions)
{
	memset(t, 0, sizeof *t);
	t->n_institutions = n_institutions;
}

void dk_networks_release(dk_networks *t)
{
	dk_arena_release(&t->mem);
	free(t->items);
	free(t->index);
	memset(t, 0, sizeof *t);
}

void *dk_networks_alloc(dk_networks *t, size_t n)
{
	return dk_arena_zeroed(&t->mem, n);
}

char *dk_networks_text(dk_networks *t, const char *s, size_t len)
{
	char *c = dk_networks_alloc(t, len + 1);
	if (c && len)
		memcpy(c, s, len);
	return c;
}

const char *dk_networks_intern(dk_networks *t, const char *s)
{
	for (size_t k = 0; k < t->n_interned; k++)
		if (strcmp(t->interned[k], s) == 0)
			return t->interned[k];
	const char *c = dk_networks_text(t, s, strlen(s));
	if (c && t->n_interned < DK_INTERNED_MAX)
		t->interned[t->n_interned++] = c;
	return c;
}

/* A name's key: normalised, folded (which can lengthen a text: "ß" is
 * "ss"; three times its bytes is room enough), the same in every lookup. */
#define KEY_CAP(len) ((len)*3 + 1)
/* Names are at most DK_NAME_MAX characters of at most 4 bytes each. */
#define NAME_BYTES_MAX (4 * DK_NAME_MAX)

char *dk_name_key(const char *name)
{
	size_t cap = KEY_CAP(strlen(name));
	char *k = malloc(cap);
	if (k)
		dk_header_norm(name, k, cap);
	return k;
}

/* name's key (dk_name_key) as a text of the table's. */
static char *table_key(dk_networks *t, const char *name)
{
	size_t cap = KEY_CAP(strlen(name));
	char *k = dk_networks_alloc(t, cap);
	if (k) {
		dk_header_norm(name, k, cap);
		dk_arena_trim_last(&t->mem, k, cap, strlen(k) + 1);
	}
	return k;
}

/* An empty row named `name`, its UP2 line made; false when out of
 * memory. */
static bool network_begin(dk_networks *t, dk_network *n, const char *name, int line)
{
	memset(n, 0, sizeof *n);
	n->name = dk_networks_text(t, name, strlen(name));
	n->key = table_key(t, name);
	n->uh = dk_networks_alloc(
		t, (t->n_institutions ? t->n_institutions : 1) * sizeof *n->uh);
	n->line = line;
	return n->name && n->key && n->uh;
}

dk_status dk_networks_begin_totals(dk_networks *t, const char *name, int line,
				   dk_network **out)
{
	if (!network_begin(t, &t->totals, name, line))
		return DK_ENOMEM;
	t->has_totals = true;
	t->totals_line = line;
	*out = &t->totals;
	return DK_OK;
}

static size_t hash(const char *s)
{
	size_t h = 1469598103934665603u; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

struct dk_net_slot {
	uint32_t item; /* + 1; 0: empty */
	uint32_t hash; /* the key's hash, its low 32 bits (the index has
			  fewer slots than 2^32) */
};

/* Puts item i, whose key hashes to h, in the index, growing it to keep it
 * at most half full. */
static dk_status index_put(dk_networks *t, size_t i, size_t h)
{
	if (i >= UINT32_MAX)
		return DK_ENOMEM; /* more rows than memory holds anyway */
	if (2 * (t->n + 1) > t->index_cap) {
		size_t cap = t->index_cap ? 2 * t->index_cap : 64;
		struct dk_net_slot *idx = calloc(cap, sizeof *idx);
		if (!idx)
			return DK_ENOMEM;
		for (size_t k = 0; k < t->index_cap; k++)
			if (t->index[k].item) {
				size_t s = t->index[k].hash & (cap - 1);
				while (idx[s].item)
					s = (s + 1) & (cap - 1);
				idx[s] = t->index[k];
			}
		free(t->index);
		t->index = idx;
		t->index_cap = cap;
	}
	size_t s = h & (t->index_cap - 1);
	while (t->index[s].item)
		s = (s + 1) & (t->index_cap - 1);
	t->index[s].item = (uint32_t)(i + 1);
	t->index[s].hash = (uint32_t)h;
	return DK_OK;
}

/* The index of the network whose key is `key`, hashing to h, or -1. */
static long find_hashed(const dk_networks *t, const char *key, size_t h)
{
	if (!t->index_cap)
		return -1;
	for (size_t s = h & (t->index_cap - 1); t->index[s].item;
	     s = (s + 1) & (t->index_cap - 1))
		if (t->index[s].hash == (uint32_t)h &&
		    strcmp(t->items[t->index[s].item - 1].key, key) == 0)
			return (long)t->index[s].item - 1;
	return -1;
}

static long find_key(const dk_networks *t, const char *key)
{
	return find_hashed(t, key, hash(key));
}

dk_status dk_networks_add(dk_networks *t, const char *name, int line, dk_network **out)
{
	if (t->n == t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 16;
		dk_network *p = realloc(t->items, cap * sizeof *p);
		if (!p)
			return DK_ENOMEM;
		t->items = p;
		t->cap = cap;
	}
	dk_network *n = &t->items[t->n];
	if (!network_begin(t, n, name, line))
		return DK_ENOMEM; /* what it made is the table's, freed with it */
	/* a second row with a name already seen is not indexed: the reader
	 * reports it, and lookups find the first */
	size_t h = hash(n->key);
	if (find_hashed(t, n->key, h) < 0 && index_put(t, t->n, h) != DK_OK)
		return DK_ENOMEM;
	t->n++;
	*out = n;
	return DK_OK;
}

long dk_networks_first(const dk_networks *t, const dk_network *n)
{
	if (strlen(n->name) > NAME_BYTES_MAX)
		return -1; /* as dk_networks_find */
	return find_key(t, n->key);
}

void dk_networks_trim(dk_networks *t)
{
	if (t->n == 0 || t->n == t->cap)
		return;
	dk_network *p = realloc(t->items, t->n * sizeof *p);
	if (p) { /* else the larger block stays, as good */
		t->items = p;
		t->cap = t->n;
	}
}

size_t dk_utf8_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

bool dk_name_equal(const char *a, const char *b)
{
	char na[KEY_CAP(NAME_BYTES_MAX)], nb[KEY_CAP(NAME_BYTES_MAX)];
	dk_header_norm(a, na, sizeof na);
	dk_header_norm(b, nb, sizeof nb);
	return strcmp(na, nb) == 0;
}

long dk_networks_find(const dk_networks *t, const char *name)
{
	if (!t->index_cap)
		return -1;
	/* no allocation here: a lookup must not mistake a failed malloc for
	 * "no such network". A name too long for the buffer is longer than
	 * any name in the table (at most DK_NAME_MAX characters). */
	char key[KEY_CAP(NAME_BYTES_MAX)];
	if (strlen(name) > NAME_BYTES_MAX)
		return -1; /* longer than any name a reader accepts */
	dk_header_norm(name, key, sizeof key);
	return find_key(t, key);
}

static const char *const judgement_names[] = {"", "ja", "nei", "delvis"};

bool dk_judgement_parse(const char *text, dk_judgement *out)
{
	char norm[32];
	dk_header_norm(text, norm, sizeof norm);
	for (int j = 0; j < 4; j++)
		if (strcmp(norm, judgement_names[j]) == 0) {
			*out = (dk_judgement)j;
			return true;
		}
	return false;
}

const char *dk_judgement_name(dk_judgement j)
{
	return judgement_names[j];
}

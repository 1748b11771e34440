/*
 * diff.c: two recommendations side by side (see diff.h). Names are
 * compared as the networks reader compares them (dk_name_key); a finding
 * is the same finding when its check, network and field are, whatever its
 * numbers and message say now.
 */
#include "engine/diff.h"

#include <stdlib.h>
#include <string.h>

#include "models/network.h"

static bool same_text(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

/* Texts that may be absent: absent first, and equal only to absent. */
static int text_cmp(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

/* A network or a finding under its key, with its index in the file: a
 * network's key is its name's (dk_name_key); a finding is the same
 * finding when its check, network and field are. Sorted by key, then
 * index, so the first of equal keys is the first in the file. */
typedef struct {
	const char *check, *field; /* findings only */
	char *name;                /* dk_name_key, or NULL */
	long i;
} keyed;

static int keyed_cmp(const void *a, const void *b)
{
	const keyed *x = a, *y = b;
	int c = text_cmp(x->check, y->check);
	if (!c)
		c = text_cmp(x->field, y->field);
	if (!c)
		c = text_cmp(x->name, y->name);
	return c ? c : (x->i > y->i) - (x->i < y->i);
}

static void keyed_free(keyed *t, size_t n)
{
	for (size_t i = 0; t && i < n; i++)
		free(t[i].name);
	free(t);
}

/* The networks (findings when `findings`) of f under their keys, in the
 * file's order; NULL when out of memory. */
static keyed *keys_of(const dk_rec_file *f, bool findings, size_t *n)
{
	*n = findings ? f->n_findings : f->n_networks;
	keyed *t = calloc(*n ? *n : 1, sizeof *t);
	for (size_t i = 0; t && i < *n; i++) {
		const char *name = findings ? f->findings[i].network
					    : f->networks[i].name;
		t[i].i = (long)i;
		if (findings) {
			t[i].check = f->findings[i].check;
			t[i].field = f->findings[i].field;
		}
		if (name && !(t[i].name = dk_name_key(name))) {
			keyed_free(t, i);
			return NULL;
		}
	}
	return t;
}

/* The index in `sorted` (sorted by keyed_cmp) of the first entry with x's
 * key, or -1. A nameless network is in no other file. */
static long find(const keyed *sorted, size_t n, const keyed *x, bool findings)
{
	if (!findings && !x->name)
		return -1;
	size_t lo = 0, hi = n;
	keyed probe = *x;
	probe.i = -1; /* before every entry with the same key */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (keyed_cmp(&sorted[mid], &probe) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == n)
		return -1;
	probe.i = sorted[lo].i;
	return keyed_cmp(&sorted[lo], &probe) == 0 ? sorted[lo].i : -1;
}

/* Both files' networks or findings under their keys: `a` and `b` in file
 * order, `as` and `bs` sorted. False when out of memory. */
typedef struct {
	keyed *a, *b, *as, *bs;
	size_t na, nb;
} keyed_pair;

static void keyed_pair_free(keyed_pair *k)
{
	keyed_free(k->a, k->na);
	keyed_free(k->b, k->nb);
	free(k->as);
	free(k->bs);
}

static bool keyed_pair_of(const dk_rec_file *a, const dk_rec_file *b, bool findings,
			  keyed_pair *k)
{
	memset(k, 0, sizeof *k);
	k->a = keys_of(a, findings, &k->na);
	k->b = keys_of(b, findings, &k->nb);
	k->as = malloc((k->na ? k->na : 1) * sizeof *k->as);
	k->bs = malloc((k->nb ? k->nb : 1) * sizeof *k->bs);
	if (!k->a || !k->b || !k->as || !k->bs) {
		keyed_pair_free(k);
		return false;
	}
	/* the sorted copies share the keys' texts (freed with a and b) */
	memcpy(k->as, k->a, k->na * sizeof *k->as);
	memcpy(k->bs, k->b, k->nb * sizeof *k->bs);
	qsort(k->as, k->na, sizeof *k->as, keyed_cmp);
	qsort(k->bs, k->nb, sizeof *k->bs, keyed_cmp);
	return true;
}

/* The findings of a (k->a) that b (k->bs) does not have, as indexes into
 * a; `rev` for b's that a does not have. */
static long *only_in(const keyed_pair *k, bool rev, size_t *n)
{
	const keyed *x = rev ? k->b : k->a, *in = rev ? k->as : k->bs;
	size_t nx = rev ? k->nb : k->na, nin = rev ? k->na : k->nb;
	long *out = malloc((nx ? nx : 1) * sizeof *out);
	*n = 0;
	for (size_t i = 0; out && i < nx; i++)
		if (find(in, nin, &x[i], true) < 0)
			out[(*n)++] = (long)i;
	return out;
}

dk_status dk_diff_run(const dk_rec_file *old, const dk_rec_file *new, dk_diff *d)
{
	memset(d, 0, sizeof *d);
	d->networks =
		malloc((old->n_networks + new->n_networks + 1) * sizeof *d->networks);
	d->inputs_changed =
		malloc((old->n_inputs ? old->n_inputs : 1) * sizeof *d->inputs_changed);
	if (!d->networks || !d->inputs_changed) {
		dk_diff_release(d);
		return DK_ENOMEM;
	}
	/* names by their keys, sorted: n log n, not a search per name */
	keyed_pair keys;
	if (!keyed_pair_of(old, new, false, &keys)) {
		dk_diff_release(d);
		return DK_ENOMEM;
	}
	for (size_t i = 0; i < new->n_networks; i++)
		d->networks[d->n_networks++] = (dk_diff_pair){
			find(keys.as, keys.na, &keys.b[i], false), (long)i};
	for (size_t i = 0; i < old->n_networks; i++)
		if (find(keys.bs, keys.nb, &keys.a[i], false) < 0)
			d->networks[d->n_networks++] = (dk_diff_pair){(long)i, -1};
	keyed_pair_free(&keys);
	/* the budget lines of each network in both files that differ */
	size_t max = 0;
	for (size_t i = 0; i < d->n_networks; i++)
		if (d->networks[i].old >= 0 && d->networks[i].new >= 0)
			max += old->networks[d->networks[i].old].n_budget +
				new->networks[d->networks[i].new].n_budget;
	d->lines = malloc((max ? max : 1) * sizeof *d->lines);
	if (!d->lines) {
		dk_diff_release(d);
		return DK_ENOMEM;
	}
	for (size_t i = 0; i < d->n_networks; i++) {
		if (d->networks[i].old < 0 || d->networks[i].new < 0)
			continue;
		const dk_rec_network *a = &old->networks[d->networks[i].old],
				     *b = &new->networks[d->networks[i].new];
		if (!a->budget || !b->budget)
			continue; /* a file without budget lines */
		for (size_t k = 0; k < b->n_budget; k++) {
			const dk_rec_line *l = &b->budget[k];
			long j = -1;
			for (size_t m = 0; m < a->n_budget && j < 0; m++)
				if (strcmp(a->budget[m].line, l->line) == 0)
					j = (long)m;
			dk_kr was = j >= 0 ? a->budget[j].value : 0;
			if (j < 0 || was != l->value)
				d->lines[d->n_lines++] = (dk_diff_line){
					i, l->line, j >= 0, true, was, l->value};
		}
		for (size_t m = 0; m < a->n_budget; m++) {
			bool found = false;
			for (size_t k = 0; k < b->n_budget && !found; k++)
				found = strcmp(a->budget[m].line, b->budget[k].line) == 0;
			if (!found)
				d->lines[d->n_lines++] =
					(dk_diff_line){i,     a->budget[m].line,  true,
						       false, a->budget[m].value, 0};
		}
	}
	if (!keyed_pair_of(old, new, true, &keys)) {
		dk_diff_release(d);
		return DK_ENOMEM;
	}
	d->added = only_in(&keys, true, &d->n_added);
	d->resolved = only_in(&keys, false, &d->n_resolved);
	keyed_pair_free(&keys);
	if (!d->added || !d->resolved) {
		dk_diff_release(d);
		return DK_ENOMEM;
	}
	d->method_changed = !same_text(old->method, new->method);
	/* the k-th input of a role in old against the k-th of that role in
	 * new (a second -n is a second "networks") */
	for (size_t i = 0; i < old->n_inputs; i++) {
		size_t k = 0;
		for (size_t j = 0; j < i; j++)
			k += same_text(old->inputs[j].role, old->inputs[i].role);
		for (size_t j = 0; j < new->n_inputs; j++) {
			if (!same_text(old->inputs[i].role, new->inputs[j].role) ||
			    k-- > 0)
				continue;
			if (!same_text(old->inputs[i].sha256, new->inputs[j].sha256))
				d->inputs_changed[d->n_inputs_changed++] = (long)i;
			break;
		}
	}
	return DK_OK;
}

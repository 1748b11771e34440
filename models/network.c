/*
 * network.c: the networks table (see network.h).
 */
#include "models/network.h"

#include <stdlib.h>
#include <string.h>

void dk_networks_init(dk_networks *t, size_t n_institutions)
{
	memset(t, 0, sizeof *t);
	t->n_institutions = n_institutions;
}

static void network_release(dk_network *n)
{
	free(n->name);
	free(n->uh);
	for (size_t k = 0; k < n->n_up1; k++)
		free(n->up1[k].institution);
	free(n->up1);
}

void dk_networks_release(dk_networks *t)
{
	for (size_t i = 0; i < t->n; i++)
		network_release(&t->items[i]);
	free(t->items);
	if (t->has_totals)
		network_release(&t->totals);
	memset(t, 0, sizeof *t);
}

dk_status dk_networks_add(dk_networks *t, const char *name, int line,
			  dk_network **out)
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
	memset(n, 0, sizeof *n);
	n->name = strdup(name);
	n->uh = calloc(t->n_institutions ? t->n_institutions : 1, sizeof *n->uh);
	if (!n->name || !n->uh) {
		free(n->name);
		free(n->uh);
		return DK_ENOMEM;
	}
	n->line = line;
	t->n++;
	*out = n;
	return DK_OK;
}

bool dk_name_equal(const char *a, const char *b)
{
	char na[4 * DK_NAME_MAX + 8], nb[4 * DK_NAME_MAX + 8];
	dk_header_norm(a, na, sizeof na);
	dk_header_norm(b, nb, sizeof nb);
	return strcmp(na, nb) == 0;
}

long dk_networks_find(const dk_networks *t, const char *name)
{
	for (size_t i = 0; i < t->n; i++)
		if (dk_name_equal(t->items[i].name, name))
			return (long)i;
	return -1;
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

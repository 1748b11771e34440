/*
 * diff.c: two recommendations side by side (see diff.h). Names are
 * compared as the networks reader compares them (dk_name_equal); a finding
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

static bool same_finding(const dk_rec_finding *a, const dk_rec_finding *b)
{
	return same_text(a->check, b->check) && same_text(a->field, b->field) &&
		((!a->network && !b->network) ||
		 (a->network && b->network && dk_name_equal(a->network, b->network)));
}

static long find_network(const dk_rec_file *f, const char *name)
{
	for (size_t i = 0; name && i < f->n_networks; i++)
		if (f->networks[i].name && dk_name_equal(f->networks[i].name, name))
			return (long)i;
	return -1;
}

/* The findings of a that b does not have, as indexes into a. */
static long *only_in(const dk_rec_file *a, const dk_rec_file *b, size_t *n)
{
	long *out = malloc((a->n_findings ? a->n_findings : 1) * sizeof *out);
	*n = 0;
	if (!out)
		return NULL;
	for (size_t i = 0; i < a->n_findings; i++) {
		bool found = false;
		for (size_t j = 0; j < b->n_findings && !found; j++)
			found = same_finding(&a->findings[i], &b->findings[j]);
		if (!found)
			out[(*n)++] = (long)i;
	}
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
	for (size_t i = 0; i < new->n_networks; i++)
		d->networks[d->n_networks++] =
			(dk_diff_pair){find_network(old, new->networks[i].name), (long)i};
	for (size_t i = 0; i < old->n_networks; i++)
		if (find_network(new, old->networks[i].name) < 0)
			d->networks[d->n_networks++] = (dk_diff_pair){(long)i, -1};
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
	d->added = only_in(new, old, &d->n_added);
	d->resolved = only_in(old, new, &d->n_resolved);
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

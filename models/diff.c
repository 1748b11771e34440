/*
 * diff.c: the lifetimes of a read-back recommendation and of a diff (see
 * diff.h).
 */
#include "models/diff.h"

#include <stdlib.h>
#include <string.h>

void dk_rec_file_release(dk_rec_file *f)
{
	for (size_t i = 0; i < f->n_networks; i++) {
		free(f->networks[i].name);
		free(f->networks[i].state);
		for (size_t k = 0; k < f->networks[i].n_budget; k++)
			free(f->networks[i].budget[k].line);
		free(f->networks[i].budget);
	}
	for (size_t i = 0; i < f->n_findings; i++) {
		dk_rec_finding *x = &f->findings[i];
		free(x->check);
		free(x->severity);
		free(x->network);
		free(x->field);
		free(x->message);
		free(x->message_nb);
	}
	for (size_t i = 0; i < f->n_inputs; i++) {
		free(f->inputs[i].role);
		free(f->inputs[i].path);
		free(f->inputs[i].sha256);
	}
	free(f->networks);
	free(f->findings);
	free(f->inputs);
	free(f->version);
	free(f->method);
	memset(f, 0, sizeof *f);
}

void dk_diff_release(dk_diff *d)
{
	free(d->networks);
	free(d->lines);
	free(d->added);
	free(d->resolved);
	free(d->inputs_changed);
	memset(d, 0, sizeof *d);
}

void dk_rec_set_release(dk_rec_set *s)
{
	for (size_t i = 0; i < s->n; i++) {
		if (s->parts)
			dk_rec_file_release(&s->parts[i]);
		if (s->ids)
			free(s->ids[i]);
	}
	free(s->parts);
	free(s->ids);
	memset(s, 0, sizeof *s);
}

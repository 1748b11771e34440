/*
 * recommendation.c: the findings list and the recommendation's lifetime
 * (see recommendation.h).
 */
#include "models/recommendation.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void dk_findings_init(dk_findings *f)
{
	memset(f, 0, sizeof *f);
}

void dk_findings_release(dk_findings *f)
{
	for (size_t i = 0; i < f->n; i++) {
		free(f->items[i].message);
		free(f->items[i].message_nb);
	}
	free(f->items);
	dk_arena_release(&f->args);
	memset(f, 0, sizeof *f);
}

/* Room for n arguments in f's arena, or NULL. */
static dk_arg *args_room(dk_findings *f, size_t n)
{
	return dk_arena_get(&f->args, n * sizeof(dk_arg));
}

const char *dk_finding_message(const dk_finding *x, bool english)
{
	const char *m = english || !x->message_nb ? x->message : x->message_nb;
	return m ? m : "";
}

dk_status dk_findings_add(dk_findings *f, const dk_check_conf *conf, dk_check_id check,
			  int severity, long network, const char *field,
			  const int64_t *numbers, int scale, dk_msg msg,
			  const dk_arg *args, size_t n)
{
	if (conf[check].off)
		return DK_OK;
	if (f->count_only) {
		dk_findings_count(f, conf, check, severity);
		return DK_OK;
	}
	if (n > DK_MSG_ARGS)
		n = DK_MSG_ARGS;
	if (f->n == f->cap) {
		size_t cap = f->cap ? 2 * f->cap : 16;
		dk_finding *p = realloc(f->items, cap * sizeof *p);
		if (!p)
			return DK_ENOMEM;
		f->items = p;
		f->cap = cap;
	}
	dk_arg *room = n ? args_room(f, n) : NULL;
	if (n && !room)
		return DK_ENOMEM;
	dk_finding *x = &f->items[f->n];
	memset(x, 0, sizeof *x);
	x->msg = msg;
	x->n_args = n;
	if (n) {
		memcpy(room, args, n * sizeof *args);
		x->args = room;
	}
	x->check = check;
	x->severity = severity >= 0 ? (dk_severity)severity : conf[check].severity;
	x->network = network;
	x->package = -1;
	x->field = field;
	if (numbers) {
		x->has_numbers = true;
		x->expected = numbers[0];
		x->actual = numbers[1];
		x->difference = numbers[1] - numbers[0];
	}
	x->scale = scale;
	f->counts[x->severity]++;
	f->n++;
	return DK_OK;
}

static int finding_cmp(const void *a, const void *b)
{
	const dk_finding *x = a, *y = b;
	if (x->severity != y->severity)
		return x->severity > y->severity ? -1 : 1;
	if (x->network != y->network)
		return x->network < y->network ? -1 : 1;
	int c = strcmp(dk_checks()[x->check].name, dk_checks()[y->check].name);
	if (c)
		return c;
	c = strcmp(x->field ? x->field : "", y->field ? y->field : "");
	if (c)
		return c;
	return (x->package > y->package) - (x->package < y->package);
}

void dk_findings_sort(dk_findings *f)
{
	/* qsort is not stable; the keys above decide every pair that the
	 * rules order, and one finding per (check, network, field) makes the
	 * rest equal */
	if (f->n > 1)
		qsort(f->items, f->n, sizeof *f->items, finding_cmp);
}

void dk_recommendation_release(dk_recommendation *r)
{
	free(r->rows); /* the institutions' totals and the lines are in it */
	dk_findings_release(&r->findings);
	memset(r, 0, sizeof *r);
}

static const char *const state_names[] = {"free", "capped", "floored", "decided"};

const char *dk_state_name(dk_state s)
{
	return state_names[s];
}

bool dk_state_parse(const char *text, dk_state *out)
{
	for (int i = 0; i < 4; i++)
		if (strcmp(text, state_names[i]) == 0) {
			*out = (dk_state)i;
			return true;
		}
	return false;
}

dk_status dk_findings_by_network(const dk_findings *f, size_t n, size_t **at,
				 size_t **order)
{
	size_t *a = calloc(n + 2, sizeof *a);
	size_t *o = malloc((f->n ? f->n : 1) * sizeof *o);
	if (!a || !o) {
		free(a);
		free(o);
		return DK_ENOMEM;
	}
	/* a[k + 2] counts network k's; prefix sums make a[k + 1] its start;
	 * placing them moves it to its end, which is a[k + 1] in the end */
	for (size_t i = 0; i < f->n; i++) {
		long k = f->items[i].network;
		if (k >= 0 && (size_t)k < n)
			a[k + 2]++;
	}
	for (size_t k = 2; k < n + 2; k++)
		a[k] += a[k - 1];
	for (size_t i = 0; i < f->n; i++) {
		long k = f->items[i].network;
		if (k >= 0 && (size_t)k < n)
			o[a[k + 1]++] = i;
	}
	*at = a;
	*order = o;
	return DK_OK;
}

/*
 * pricing.c: the price template's lifetime and terms (see pricing.h).
 */
#include "models/pricing.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void dk_pricing_init(dk_pricing *p)
{
	memset(p, 0, sizeof *p);
	p->min_margin = 500;     /* 0.05 */
	p->round_to = 100 * 100; /* 100 NOK */
}

void dk_pricing_release(dk_pricing *p)
{
	free(p->institution);
	for (size_t i = 0; i < p->n_roles; i++)
		free(p->roles[i].name);
	free(p->roles);
	for (size_t i = 0; i < p->n_activities; i++)
		free(p->activities[i].name);
	free(p->activities);
	free(p->day.parts);
	free(p->staff);
	for (size_t i = 0; i < p->n_packages; i++) {
		free(p->packages[i].name);
		free(p->packages[i].day.parts);
	}
	free(p->packages);
	memset(p, 0, sizeof *p);
}

size_t dk_pricing_basic(const dk_pricing *p)
{
	for (size_t i = 0; i < p->n_packages; i++)
		if (p->packages[i].basic)
			return i;
	return 0;
}

void dk_term_name(const dk_pricing *p, int k, char *buf, size_t size)
{
	/* terms count autumn, spring, autumn, ...: an autumn start is term 0
	 * of its year, a spring start term 1 of the year before */
	int idx = (p->start_autumn ? 0 : 1) + k;
	int year = p->start_year - (p->start_autumn ? 0 : 1) + (idx + 1) / 2;
	snprintf(buf, size, "%c%d", idx % 2 == 0 ? 'H' : 'V', year);
}

/*
 * plan.c: the plan's defaults and lookups (see plan.h).
 */
#include "models/plan.h"

#include <stdlib.h>
#include <string.h>

#include "models/network.h"

void dk_plan_init(dk_plan *p)
{
	memset(p, 0, sizeof *p);
	p->method = DK_METHOD_STATUS_QUO;
	p->cap_at_need = true;
	p->rounding = 1;
	p->split = DK_SPLIT_EQUAL;
	dk_check_conf_defaults(p->checks);
}

void dk_plan_release(dk_plan *p)
{
	for (size_t i = 0; i < p->n_institutions; i++) {
		dk_institution *in = &p->institutions[i];
		free(in->id);
		free(in->name);
		for (size_t k = 0; k < in->n_aliases; k++)
			free(in->aliases[k]);
		free(in->aliases);
	}
	free(p->institutions);
	free(p->shares);
	free(p->amounts);
	for (size_t k = 0; k < p->n_measures; k++)
		free(p->measures[k].name);
	free(p->measures);
	for (size_t k = 0; k < p->n_decisions; k++) {
		free(p->decisions[k].network);
		free(p->decisions[k].reason);
	}
	free(p->decisions);
	free(p->title.forum);
	free(p->title.meeting);
	free(p->title.case_no);
	memset(p, 0, sizeof *p);
}

int dk_plan_institution(const dk_plan *p, const char *name)
{
	for (size_t i = 0; i < p->n_institutions; i++) {
		const dk_institution *in = &p->institutions[i];
		if (dk_name_equal(in->id, name) ||
		    (in->name && dk_name_equal(in->name, name)))
			return (int)i;
		for (size_t k = 0; k < in->n_aliases; k++)
			if (dk_name_equal(in->aliases[k], name))
				return (int)i;
	}
	return -1;
}

static const char *const method_names[] = {"prorata", "need", "status_quo"};
static const char *const split_names[] = {"equal", "shares", "amounts", "by_up1"};

const char *dk_method_words(dk_method m)
{
	static const char *const words[] = {
		N_("base grant plus teacher FTE"),
		N_("in proportion to the reported need"),
		N_("last year's allocation, capped at the reported need")};
	return words[m];
}

const char *dk_method_name(dk_method m)
{
	return method_names[m];
}

const char *dk_split_name(dk_split s)
{
	return split_names[s];
}

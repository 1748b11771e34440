/*
 * scenario.c: reading and setting the field a scenario target names (see
 * scenario.h), and the scenario file's lifetime.
 */
#include "models/scenario.h"

#include <stdlib.h>
#include <string.h>

size_t dk_target_count(dk_target_kind kind, const dk_plan *p, const dk_networks *nets,
		       const dk_pricing *pr)
{
	switch (kind) {
	case DK_T_NET_COLUMN:
	case DK_T_NET_UH: return nets->n;
	case DK_T_MEASURE_AMOUNT: return p->n_measures;
	case DK_T_CHECK_PARAM:
	case DK_T_CHECK_OFF: return DK_CHECK_COUNT;
	case DK_T_ROLE_HOURLY:
	case DK_T_ROLE_SALARY:
	case DK_T_ROLE_SOCIAL:
	case DK_T_ROLE_INDIRECT:
	case DK_T_ROLE_HOURS: return pr->n_roles;
	case DK_T_ACTIVITY_FACTOR: return pr->n_activities;
	case DK_T_STAFF_PERSONS:
	case DK_T_STAFF_SHARE: return pr->n_staff;
	case DK_T_PACKAGE_DAYS: return pr->n_packages;
	default: return 1;
	}
}

int64_t dk_target_get(const dk_target *t, const dk_models *m, size_t k)
{
	const dk_plan *p = m->plan;
	const dk_networks *nets = m->nets;
	const dk_pricing *pr = m->pricing;
	switch (t->kind) {
	case DK_T_NONE: break;
	case DK_T_NET_COLUMN: return nets->items[k].v[t->column];
	case DK_T_NET_UH: return nets->items[k].uh[t->index];
	case DK_T_FRAME_TOTAL: return p->total;
	case DK_T_FRAME_PRORATA: return p->prorata;
	case DK_T_FRAME_RESERVE: return p->reserve;
	case DK_T_DIRECT_AMOUNT: return p->direct;
	case DK_T_DIRECT_SPLIT: return p->split;
	case DK_T_DIRECT_WEIGHT: return p->up1_weight;
	case DK_T_MEASURE_AMOUNT: return p->measures[t->index].amount;
	case DK_T_METHOD: return p->method;
	case DK_T_BASE_GRANT: return p->base_grant;
	case DK_T_BASE_SHARE: return p->base_share;
	case DK_T_CAP_AT_NEED: return p->cap_at_need;
	case DK_T_FLOOR_PREVIOUS: return p->floor_previous;
	case DK_T_SURPLUS: return p->surplus_reserve;
	case DK_T_ROUNDING: return p->rounding;
	case DK_T_CHECK_PARAM: return p->checks[t->column].param[t->index];
	case DK_T_CHECK_OFF: return p->checks[t->column].off;
	case DK_T_PRICE_MARGIN: return pr->margin;
	case DK_T_PRICE_TRAVEL: return pr->travel_per_day;
	case DK_T_PRICE_ROUND_TO: return pr->round_to;
	case DK_T_ROLE_HOURLY: return pr->roles[t->index].hourly_cost;
	case DK_T_ROLE_SALARY: return pr->roles[t->index].annual_salary;
	case DK_T_ROLE_SOCIAL: return pr->roles[t->index].social_cost_rate;
	case DK_T_ROLE_INDIRECT: return pr->roles[t->index].indirect;
	case DK_T_ROLE_HOURS: return pr->roles[t->index].productive_hours;
	case DK_T_ACTIVITY_FACTOR: return pr->activities[t->index].factor;
	case DK_T_STAFF_PERSONS: return pr->staff[t->index].persons;
	case DK_T_STAFF_SHARE: return pr->staff[t->index].charged_share;
	case DK_T_PACKAGE_DAYS: return pr->packages[t->index].days;
	}
	return 0;
}

static void set_network(const dk_target *t, dk_networks *nets, size_t k, int64_t v)
{
	dk_network *n = &nets->items[k];
	if (t->kind == DK_T_NET_UH) {
		n->uh[t->index] = v;
		n->uh_present |= 1u << t->index;
		nets->uh_columns |= 1u << t->index;
	} else {
		n->v[t->column] = v;
		n->present |= 1u << t->column;
		nets->columns |= 1u << t->column;
	}
}

void dk_target_set(const dk_target *t, const dk_models *m, size_t k, int64_t v)
{
	dk_plan *p = m->plan;
	dk_networks *nets = m->nets;
	dk_pricing *pr = m->pricing;
	switch (t->kind) {
	case DK_T_NONE: break;
	case DK_T_NET_COLUMN:
	case DK_T_NET_UH:
		if (k != SIZE_MAX) {
			set_network(t, nets, k, v);
		} else {
			for (size_t j = 0; j < nets->n; j++)
				set_network(t, nets, j, v);
		}
		break;
	case DK_T_FRAME_TOTAL:
		p->total = v;
		p->has_total = true;
		break;
	case DK_T_FRAME_PRORATA:
		p->prorata = v;
		p->has_prorata = true;
		break;
	case DK_T_FRAME_RESERVE: p->reserve = v; break;
	case DK_T_DIRECT_AMOUNT: p->direct = v; break;
	case DK_T_DIRECT_SPLIT: p->split = (dk_split)v; break;
	case DK_T_DIRECT_WEIGHT: p->up1_weight = (dk_up1_weight)v; break;
	case DK_T_MEASURE_AMOUNT: p->measures[t->index].amount = v; break;
	case DK_T_METHOD: p->method = (dk_method)v; break;
	case DK_T_BASE_GRANT:
		p->base_grant = v;
		p->has_base_grant = true;
		p->has_base_share = false;
		break;
	case DK_T_BASE_SHARE:
		p->base_share = v;
		p->has_base_share = true;
		p->has_base_grant = false;
		break;
	case DK_T_CAP_AT_NEED: p->cap_at_need = v != 0; break;
	case DK_T_FLOOR_PREVIOUS: p->floor_previous = v; break;
	case DK_T_SURPLUS: p->surplus_reserve = v != 0; break;
	case DK_T_ROUNDING: p->rounding = v; break;
	case DK_T_CHECK_PARAM:
		p->checks[t->column].param[t->index] = v;
		p->checks[t->column].param_set[t->index] = true;
		break;
	case DK_T_CHECK_OFF: p->checks[t->column].off = v != 0; break;
	case DK_T_PRICE_MARGIN: pr->margin = v; break;
	case DK_T_PRICE_TRAVEL: pr->travel_per_day = v; break;
	case DK_T_PRICE_ROUND_TO: pr->round_to = v; break;
	case DK_T_ROLE_HOURLY:
		pr->roles[t->index].hourly_cost = v;
		pr->roles[t->index].direct = true;
		break;
	case DK_T_ROLE_SALARY: pr->roles[t->index].annual_salary = v; break;
	case DK_T_ROLE_SOCIAL: pr->roles[t->index].social_cost_rate = v; break;
	case DK_T_ROLE_INDIRECT: pr->roles[t->index].indirect = v; break;
	case DK_T_ROLE_HOURS: pr->roles[t->index].productive_hours = v; break;
	case DK_T_ACTIVITY_FACTOR: pr->activities[t->index].factor = v; break;
	case DK_T_STAFF_PERSONS: pr->staff[t->index].persons = v; break;
	case DK_T_STAFF_SHARE: pr->staff[t->index].charged_share = v; break;
	case DK_T_PACKAGE_DAYS: pr->packages[t->index].days = v; break;
	}
}

void dk_scenario_file_init(dk_scenario_file *s)
{
	memset(s, 0, sizeof *s);
}

void dk_scenario_file_release(dk_scenario_file *s)
{
	for (size_t i = 0; i < s->n_scenarios; i++) {
		for (size_t j = 0; j < s->scenarios[i].n; j++)
			free(s->scenarios[i].overrides[j].target.path);
		free(s->scenarios[i].overrides);
		free(s->scenarios[i].name);
	}
	free(s->scenarios);
	free(s->sweep.target.path);
	for (size_t i = 0; i < s->mc.n_draws; i++)
		free(s->mc.draws[i].target.path);
	free(s->mc.draws);
	memset(s, 0, sizeof *s);
}

static void run_release(dk_run *r)
{
	free(r->label);
	free(r->amount);
	free(r->state);
	free(r->price);
	free(r->days);
	free(r->inst_direct);
	free(r->inst_up2);
}

void dk_scenario_results_release(dk_scenario_results *r)
{
	run_release(&r->baseline);
	for (size_t i = 0; i < r->n_runs; i++)
		run_release(&r->runs[i]);
	free(r->runs);
	free(r->mc);
	free(r->mc_inst);
	memset(r, 0, sizeof *r);
}

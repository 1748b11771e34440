/*
 * fuzz_scenarios.c: libFuzzer target for the scenario file reader,
 * dk_scenarios_read (io/json_scenarios.c), against the built-in 2022 case,
 * and for running what it read (engine/scenario.c).
 *
 * Each input is read twice: without a price template (`dekom scenarios
 * -s`, where a /pricing path is bad input) and with the illustrative
 * template (`-P`). A file that reads without the template is then run on a
 * copy of the built-in case of its own, cut down to stay fast: at most
 * five sweep points, three Monte Carlo runs, one thread. (Not with the
 * template: what a budget buys can take hours, tests/fuzz/open/README.md.)
 * The run must leave the case as it found it (dk_scenarios_run's promise):
 * the networks' canonical JSON and the plan's numbers are compared with
 * those before.
 */
#include <stdlib.h>
#include <string.h>

#include "engine/scenario.h"
#include "io/canonical.h"
#include "io/json_scenarios.h"
#include "tests/fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The plan's numbers a scenario can set, for comparing before and after. */
typedef struct {
	dk_kr total, prorata, direct, reserve, base_grant, rounding;
	int64_t base_share, floor_previous;
	int method, split, up1_weight;
	bool cap_at_need, surplus_reserve;
} plan_numbers;

static void numbers_of(const dk_plan *p, plan_numbers *out)
{
	memset(out, 0, sizeof *out);
	out->total = p->total;
	out->prorata = p->prorata;
	out->direct = p->direct;
	out->reserve = p->reserve;
	out->base_grant = p->base_grant;
	out->rounding = p->rounding;
	out->base_share = p->base_share;
	out->floor_previous = p->floor_previous;
	out->method = (int)p->method;
	out->split = (int)p->split;
	out->up1_weight = (int)p->up1_weight;
	out->cap_at_need = p->cap_at_need;
	out->surplus_reserve = p->surplus_reserve;
}

/* The case scenarios run on, and what it looked like before any run. */
typedef struct {
	dk_fuzz_case c;
	char *nets_json;
	plan_numbers plan;
} run_case;

static run_case *the_run_case(void)
{
	static run_case rc;
	static bool loaded;
	if (!loaded) {
		dk_fuzz_assert(dk_fuzz_load_case(&rc.c));
		rc.nets_json = dk_networks_json(&rc.c.nets, &rc.c.plan);
		dk_fuzz_assert(rc.nets_json != NULL);
		numbers_of(&rc.c.plan, &rc.plan);
		loaded = true;
	}
	return &rc;
}

static void run(dk_scenario_file *s)
{
	run_case *rc = the_run_case();
	if (s->has_sweep && (s->sweep.to - s->sweep.from) / s->sweep.step > 4)
		s->sweep.to = s->sweep.from + 4 * s->sweep.step;
	if (s->has_montecarlo && s->mc.runs > 3)
		s->mc.runs = 3;
	s->mc.threads = 1;
	dk_models m = {&rc->c.plan, &rc->c.nets, NULL};
	dk_scenario_results res;
	dk_status st = dk_scenarios_run(s, &m, &res);
	dk_fuzz_assert(st == DK_OK || st == DK_ERANGE);
	dk_scenario_results_release(&res);

	char *after = dk_networks_json(&rc->c.nets, &rc->c.plan);
	plan_numbers now;
	numbers_of(&rc->c.plan, &now);
	dk_fuzz_assert(after && strcmp(after, rc->nets_json) == 0);
	dk_fuzz_assert(memcmp(&now, &rc->plan, sizeof now) == 0);
	free(after);
}

static void read_once(const dk_fuzz_case *c, const dk_input *in,
		      const dk_pricing *pricing)
{
	dk_error d;
	dk_scenario_file s;
	dk_error_init(&d);
	dk_scenario_file_init(&s);
	dk_status st = dk_scenarios_read(in, &c->plan, &c->nets, pricing, &s, &d);
	dk_fuzz_check_diags(st, &d, 0);
	if (st == DK_OK && !pricing)
		run(&s);
	dk_scenario_file_release(&s);
	dk_error_release(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const dk_fuzz_case *c = dk_fuzz_builtin();
	const dk_pricing *pricing = dk_fuzz_pricing();
	dk_error d;
	dk_input in;
	dk_error_init(&d);
	dk_status st = dk_fuzz_input(&in, "scenarios.json", data, size, &d);
	dk_fuzz_check_diags(st, &d, 0);
	if (st == DK_OK) {
		read_once(c, &in, NULL);
		read_once(c, &in, pricing);
	}
	dk_input_release(&in);
	dk_error_release(&d);
	return 0;
}

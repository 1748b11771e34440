/*
 * fuzz_scenarios.c: libFuzzer target for the scenario file reader,
 * dk_scenarios_read (io/json_scenarios.c), against the built-in 2022 case.
 *
 * Each input is read twice: without a price template (`dekom scenarios
 * -s`, where a /pricing path is bad input) and with the illustrative
 * template (`-P`). The scenarios are not run: a Monte Carlo block may ask
 * for a million runs, which is a matter of time, not of reading.
 */
#include "io/json_scenarios.h"
#include "tests/fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void read_once(const dk_fuzz_case *c, const dk_input *in,
		      const dk_pricing *pricing)
{
	dk_diags d;
	dk_scenario_file s;
	dk_diags_init(&d);
	dk_scenario_file_init(&s);
	dk_status st = dk_scenarios_read(in, &c->plan, &c->nets, pricing, &s, &d);
	dk_fuzz_check_diags(st, &d, 0);
	dk_scenario_file_release(&s);
	dk_diags_release(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const dk_fuzz_case *c = dk_fuzz_builtin();
	const dk_pricing *pricing = dk_fuzz_pricing();
	dk_diags d;
	dk_input in;
	dk_diags_init(&d);
	dk_status st = dk_fuzz_input(&in, "scenarios.json", data, size, &d);
	dk_fuzz_check_diags(st, &d, 0);
	if (st == DK_OK) {
		read_once(c, &in, NULL);
		read_once(c, &in, pricing);
	}
	dk_input_release(&in);
	dk_diags_release(&d);
	return 0;
}

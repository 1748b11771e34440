/*
 * fuzz_plan.c: libFuzzer target for the plan reader, dk_plan_read
 * (io/json_plan.c). A plan that reads has its decisions resolved against
 * the built-in 2022 networks, as the command line resolves them against
 * the networks file.
 */
#include "io/json_plan.h"
#include "tests/fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const dk_fuzz_case *c = dk_fuzz_builtin();
	dk_error d;
	dk_input in;
	dk_plan p;
	dk_error_init(&d);
	dk_plan_init(&p);
	dk_status st = dk_fuzz_input(&in, "plan.json", data, size, &d);
	dk_fuzz_check_diags(st, &d, 0);
	if (st == DK_OK) {
		st = dk_plan_read(&in, &p, &d);
		dk_fuzz_check_diags(st, &d, 0);
	}
	if (st == DK_OK) {
		dk_fuzz_assert(p.n_institutions <= DK_INSTITUTIONS_MAX);
		dk_fuzz_assert(p.rounding >= 1);
		for (size_t k = 0; k < p.n_decisions; k++)
			dk_fuzz_assert(p.decisions[k].amount >= 0 &&
				       p.decisions[k].reason && p.decisions[k].reason[0]);
		st = dk_plan_resolve_decisions(&p, &c->nets, in.name, &d);
		dk_fuzz_check_diags(st, &d, 0);
	}
	dk_plan_release(&p);
	dk_input_release(&in);
	dk_error_release(&d);
	return 0;
}

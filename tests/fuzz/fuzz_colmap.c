/*
 * fuzz_colmap.c: libFuzzer target for the column map reader,
 * dk_colmap_parse (io/colmap.c). A map that reads is used as `dekom
 * --columns MAP.json` uses it without -n: the built-in 2022 networks file
 * is read through it (a map that places the columns badly is bad input of
 * the networks file, never a crash).
 */
#include "io/networks.h"
#include "tests/fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const dk_fuzz_case *c = dk_fuzz_builtin();
	dk_error d;
	dk_input in;
	dk_colmap m;
	dk_error_init(&d);
	dk_colmap_init(&m);
	dk_status st = dk_fuzz_input(&in, "columns.json", data, size, &d);
	dk_fuzz_check_diags(st, &d, 0);
	if (st == DK_OK) {
		st = dk_colmap_parse(&m, &in, &d);
		dk_fuzz_check_diags(st, &d, 0);
	}
	if (st == DK_OK) {
		for (size_t k = 0; k < m.n; k++) {
			const dk_colmap_entry *e = &m.items[k];
			dk_fuzz_assert(e->key && e->target && e->occurrence >= 0);
			dk_fuzz_assert(dk_colmap_find(&m, e->key,
						      e->occurrence ? e->occurrence
								    : 1) != NULL);
		}
		dk_networks t;
		dk_read_opts o = {&c->plan, &m, DK_DEC_AUTO, false, NULL};
		st = dk_networks_read(&c->net_in, &o, &t, &d);
		dk_fuzz_check_diags(st, &d, 0);
		dk_networks_release(&t);
	}
	dk_colmap_release(&m);
	dk_input_release(&in);
	dk_error_release(&d);
	return 0;
}

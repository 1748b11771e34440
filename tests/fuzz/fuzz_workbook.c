/*
 * fuzz_workbook.c: libFuzzer target for the workbook readers: the
 * networks sheet (io/workbook.c through dk_networks_read_at, as `-n
 * FILE.xlsx` or `.ods` reads it) and the Plan sheet (io/plan_sheet.c, as
 * `-p` reads it); the input's bytes are the file, undecoded. Whatever the
 * zip and its XML hold, each reader ends in success or bad input with a
 * message, within the limits of workbook.h. The corpus starts from the
 * 2022 tables saved by LibreOffice, the workbook of `dekom init` (as
 * written, and filled in and saved by LibreOffice as .ods) and the
 * hostile workbooks of tests/cli/bad/wb-*.
 */
#include <stdlib.h>
#include <string.h>

#include "io/networks.h"
#include "io/plan_sheet.h"
#include "io/workbook.h"
#include "tests/fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const dk_fuzz_case *c = dk_fuzz_builtin();
	dk_input in;
	dk_input_init(&in);
	in.name = strdup("networks.xlsx");
	in.raw = malloc(size ? size : 1);
	dk_fuzz_assert(in.name && in.raw);
	if (size)
		memcpy(in.raw, data, size);
	in.raw_len = size;
	if (dk_is_workbook(&in)) {
		static const char *const sheets[] = {NULL, "Budsjett", "Ark1"};
		for (size_t k = 0; k < sizeof sheets / sizeof sheets[0]; k++) {
			dk_error d;
			dk_networks t;
			int header_line = 0;
			dk_error_init(&d);
			dk_read_opts o = {&c->plan, &c->map, DK_DEC_AUTO, false,
					  sheets[k]};
			dk_status st = dk_networks_read_at(&in, &o, &t, &header_line, &d);
			dk_fuzz_check_diags(st, &d, 0);
			dk_networks_release(&t);
			dk_error_release(&d);
		}
		dk_error d;
		dk_plan p;
		dk_error_init(&d);
		dk_status st = dk_plan_sheet_read(&in, DK_DEC_AUTO, &p, &d);
		dk_fuzz_check_diags(st, &d, 0);
		dk_plan_release(&p);
		dk_error_release(&d);
	}
	dk_input_release(&in);
	return 0;
}

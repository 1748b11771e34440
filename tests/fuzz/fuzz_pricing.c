/*
 * fuzz_pricing.c: libFuzzer target for the price template reader,
 * dk_pricing_read (io/json_pricing.c). A template that reads is priced
 * (dk_price_quote) and written as `dekom price -P` writes it in JSON, as
 * the command line does with a template and no case.
 */
#include <stdlib.h>

#include "engine/price.h"
#include "io/json_pricing.h"
#include "io/report_price.h"
#include "tests/fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	dk_error d;
	dk_input in;
	dk_pricing p;
	dk_error_init(&d);
	dk_pricing_init(&p);
	dk_status st = dk_fuzz_input(&in, "pricing.json", data, size, &d);
	dk_fuzz_check_diags(st, &d, 0);
	if (st == DK_OK) {
		st = dk_pricing_read(&in, &p, &d);
		dk_fuzz_check_diags(st, &d, 0);
	}
	if (st == DK_OK) {
		size_t basic = 0;
		for (size_t k = 0; k < p.n_packages; k++)
			basic += p.packages[k].basic;
		dk_fuzz_assert(basic == 1 && p.round_to > 0 && p.institution);
		dk_quotation q;
		st = dk_price_quote(&p, &q);
		dk_fuzz_assert(st == DK_OK || st == DK_ERANGE);
		if (st == DK_OK) {
			dk_price_report r = {&p, &q, NULL, NULL, false};
			char *json = dk_price_json(&r);
			dk_fuzz_assert(json != NULL);
			free(json);
		}
		dk_quote_release(&q);
	}
	dk_pricing_release(&p);
	dk_input_release(&in);
	dk_error_release(&d);
	return 0;
}

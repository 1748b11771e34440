/*
 * fuzz.c: the helpers of fuzz.h.
 *
 * The built-in case and the price template are the state the targets keep
 * between inputs. libFuzzer calls one function per input and offers no
 * context pointer, so they live in function-local statics, read on the
 * first call; after that they are only read, never written, so one input
 * cannot change what the next one sees. (fuzz_scenarios.c runs scenarios
 * on a copy of the case of its own, which each run must leave as it was.)
 * LeakSanitizer does not count them: they stay reachable until the process
 * ends.
 */
#include "tests/fuzz/fuzz.h"

#include <stdbool.h>
#include <string.h>

#include "io/builtin.h"
#include "io/json_plan.h"
#include "io/json_pricing.h"
#include "io/networks.h"

extern const unsigned char dk_fuzz_pricing_json[];
extern const size_t dk_fuzz_pricing_json_len;

dk_status dk_fuzz_input(dk_input *in, const char *name, const uint8_t *data, size_t size,
			dk_error *d)
{
	dk_input_init(in);
	dk_status st = dk_input_builtin(in, name, data, size);
	if (st == DK_OK)
		st = dk_input_decode(in, d);
	if (st == DK_OK)
		dk_fuzz_assert(in->text && strlen(in->text) <= in->len);
	return st;
}

void dk_fuzz_check_diags(dk_status st, const dk_error *d, size_t before)
{
	dk_fuzz_assert(st == DK_OK || st == DK_EINPUT);
	dk_fuzz_assert(d->n + d->dropped >= before);
	if (st == DK_EINPUT)
		dk_fuzz_assert(d->n + d->dropped > before);
	dk_fuzz_assert(d->n <= DK_DIAG_LIMIT && !d->oom);
	for (size_t i = 0; i < d->n; i++) {
		const dk_diag *g = &d->items[i];
		char line[1400];
		dk_fuzz_assert(g->file && g->message && g->message[0]);
		dk_fuzz_assert(g->line >= 0 && g->col >= 0);
		dk_diag_format(g, line, sizeof line);
	}
}

/* Reads the built-in case as `dekom recommend` does without -n and -p. */
bool dk_fuzz_load_case(dk_fuzz_case *c)
{
	dk_error d;
	dk_error_init(&d);
	dk_input_init(&c->plan_in);
	dk_input_init(&c->map_in);
	dk_input_init(&c->net_in);
	dk_colmap_init(&c->map);
	dk_status st = dk_builtin_plan_input(&c->plan_in);
	if (st == DK_OK)
		st = dk_input_decode(&c->plan_in, &d);
	if (st == DK_OK)
		st = dk_plan_read(&c->plan_in, &c->plan, &d);
	if (st == DK_OK)
		st = dk_builtin_columns_input(&c->map_in);
	if (st == DK_OK)
		st = dk_input_decode(&c->map_in, &d);
	if (st == DK_OK)
		st = dk_colmap_parse(&c->map, &c->map_in, &d);
	if (st == DK_OK)
		st = dk_builtin_networks_input(&c->net_in);
	if (st == DK_OK)
		st = dk_input_decode(&c->net_in, &d);
	int header_line = 1;
	if (st == DK_OK) {
		dk_read_opts o = {&c->plan, &c->map, DK_DEC_AUTO, false, NULL};
		st = dk_networks_read_at(&c->net_in, &o, &c->nets, &header_line, &d);
	}
	if (st == DK_OK)
		st = dk_networks_check_plan(&c->plan, &c->nets, &c->net_in, header_line,
					    &d);
	bool ok = st == DK_OK && d.n == 0;
	dk_error_release(&d);
	return ok;
}

const dk_fuzz_case *dk_fuzz_builtin(void)
{
	static dk_fuzz_case c;
	static bool loaded;
	if (!loaded) {
		dk_fuzz_assert(dk_fuzz_load_case(&c));
		loaded = true;
	}
	return &c;
}

const dk_pricing *dk_fuzz_pricing(void)
{
	static dk_input in;
	static dk_pricing p;
	static bool loaded;
	if (!loaded) {
		dk_error d;
		dk_error_init(&d);
		dk_input_init(&in);
		dk_status st = dk_input_builtin(&in, "ilu-illustrative.json",
						dk_fuzz_pricing_json,
						dk_fuzz_pricing_json_len);
		if (st == DK_OK)
			st = dk_input_decode(&in, &d);
		if (st == DK_OK)
			st = dk_pricing_read(&in, &p, &d);
		dk_fuzz_assert(st == DK_OK && d.n == 0);
		dk_error_release(&d);
		loaded = true;
	}
	return &p;
}

/*
 * fuzz_networks.c: libFuzzer target for the networks readers, through
 * dk_networks_read_at (io/networks.c), which reads JSON or CSV by the
 * text's first character. It is built twice, as fuzz_networks_csv and
 * fuzz_networks_json: the code is the same, the corpus, the dictionary and
 * the length limit differ.
 *
 * The plan is the built-in 2022 plan. Each input is read three times, as
 * the command line can read it: without a column map under automatic
 * decimals; with the built-in column map under --decimal-comma; and as a
 * second -n file (a supplement) under --decimal-point, which, when it
 * reads, is merged into a fresh copy of the built-in networks. A table
 * that reads is then checked against what the plan's method needs, and
 * the first reading's table goes through its canonical JSON form and back
 * (round_trip).
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "io/canonical.h"
#include "io/networks.h"
#include "tests/fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct {
	dk_decimal_mode mode;
	bool map;
	bool supplement;
} how;

/* Merges supp into a fresh copy of the built-in networks, as a second -n
 * file is merged into the first. */
static void merge(const dk_fuzz_case *c, const dk_networks *supp, const dk_input *in,
		  int header_line)
{
	dk_error d;
	dk_networks main;
	dk_error_init(&d);
	dk_read_opts o = {&c->plan, &c->map, DK_DEC_AUTO, false, NULL};
	dk_status st = dk_networks_read(&c->net_in, &o, &main, &d);
	dk_fuzz_assert(st == DK_OK);
	st = dk_networks_merge(&main, supp, in, header_line, c->net_in.name, &d);
	dk_fuzz_check_diags(st, &d, 0);
	if (st == DK_OK) {
		st = dk_networks_check_plan(&c->plan, &main, &c->net_in, 1, &d);
		dk_fuzz_check_diags(st, &d, 0);
	}
	dk_networks_release(&main);
	dk_error_release(&d);
}

/* The canonical JSON form of a table read (`dekom show -f json`) is a
 * networks file that means the same: it reads without a problem, and
 * written again it gives the same text. */
static void round_trip(const dk_fuzz_case *c, const dk_networks *t)
{
	char *json = dk_networks_json(t, &c->plan);
	dk_fuzz_assert(json != NULL);
	dk_error d;
	dk_input in;
	dk_networks again;
	dk_error_init(&d);
	dk_status st = dk_fuzz_input(&in, "canonical.json", (const uint8_t *)json,
				     strlen(json), &d);
	dk_fuzz_assert(st == DK_OK);
	dk_read_opts o = {&c->plan, NULL, DK_DEC_AUTO, false, NULL};
	st = dk_networks_read(&in, &o, &again, &d);
	dk_fuzz_assert(st == DK_OK && d.n == 0);
	char *json2 = dk_networks_json(&again, &c->plan);
	dk_fuzz_assert(json2 != NULL && strcmp(json, json2) == 0);
	free(json2);
	dk_networks_release(&again);
	dk_input_release(&in);
	dk_error_release(&d);
	free(json);
}

static void read_once(const dk_fuzz_case *c, const dk_input *in, const how *h)
{
	dk_error d;
	dk_networks t;
	int header_line = 0;
	dk_error_init(&d);
	dk_read_opts o = {&c->plan, h->map ? &c->map : NULL, h->mode, h->supplement,
			  NULL};
	dk_status st = dk_networks_read_at(in, &o, &t, &header_line, &d);
	dk_fuzz_check_diags(st, &d, 0);
	dk_fuzz_assert(header_line >= 1);
	if (st == DK_OK) {
		dk_fuzz_assert(t.n_institutions == c->plan.n_institutions);
		for (size_t k = 0; k < t.n; k++)
			dk_fuzz_assert(t.items[k].name &&
				       dk_networks_find(&t, t.items[k].name) >= 0);
		if (h->supplement) {
			merge(c, &t, in, header_line);
		} else {
			if (!h->map)
				round_trip(c, &t);
			size_t before = d.n + d.dropped;
			st = dk_networks_check_plan(&c->plan, &t, in, header_line, &d);
			dk_fuzz_check_diags(st, &d, before);
		}
	}
	dk_networks_release(&t);
	dk_error_release(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const how hows[] = {
		{DK_DEC_AUTO, false, false},
		{DK_DEC_COMMA, true, false},
		{DK_DEC_POINT, false, true},
	};
	const dk_fuzz_case *c = dk_fuzz_builtin();
	dk_error d;
	dk_input in;
	dk_error_init(&d);
	dk_status st = dk_fuzz_input(&in, "networks", data, size, &d);
	dk_fuzz_check_diags(st, &d, 0);
	if (st == DK_OK)
		for (size_t k = 0; k < sizeof hows / sizeof hows[0]; k++)
			read_once(c, &in, &hows[k]);
	dk_input_release(&in);
	dk_error_release(&d);
	return 0;
}

/*
 * fuzz.h: what the libFuzzer targets of tests/fuzz share.
 *
 * Each target is one LLVMFuzzerTestOneInput that feeds the fuzzer's bytes
 * to one reader (or to the whole pipeline) the way the command line does:
 * the bytes become a dk_input as if read from a file, are decoded by
 * io/text, and are read. A target frees everything it allocates
 * (LeakSanitizer runs after every input) and never prints: a crash, a
 * sanitizer report or a broken invariant (dk_fuzz_assert) is the only
 * signal. See docs/fuzzing.md.
 */
#ifndef DK_FUZZ_H
#define DK_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "io/colmap.h"
#include "io/text.h"
#include "models/network.h"
#include "models/plan.h"
#include "models/pricing.h"

/* An invariant of the code under test: when it does not hold, the target
 * stops with a trap, which libFuzzer reports as a crash with the input. */
#define dk_fuzz_assert(cond)              \
	do {                              \
		if (!(cond))              \
			__builtin_trap(); \
	} while (0)

/* Copies data into in as the contents of a file named `name` and decodes
 * it. in is initialised here and must be released whatever is returned;
 * DK_OK means in->text is there to read. */
dk_status dk_fuzz_input(dk_input *in, const char *name, const uint8_t *data, size_t size,
			dk_error *d);

/* What every reader promises about its status and the diagnostics it
 * added beyond the first `before`: bad input comes with at least one
 * message, each message has a file and a place that is not negative, and
 * nothing else than success or bad input is returned for a text (there
 * is no allocation failure in a fuzzing run). Formats each message as the
 * command line would, into a buffer. */
void dk_fuzz_check_diags(dk_status st, const dk_error *d, size_t before);

/* The built-in Trøndelag 2022 case (the plan, the column map, the networks
 * read through the map), read once per process and then shared read-only
 * by every input. A case that does not read is a broken build: the
 * process traps. */
typedef struct {
	dk_input plan_in, map_in, net_in;
	dk_plan plan;
	dk_colmap map;
	dk_networks nets;
} dk_fuzz_case;

const dk_fuzz_case *dk_fuzz_builtin(void);

/* Reads the built-in case into c, for a target that needs a copy it may
 * change (c is never released: it lives as long as the process). False
 * when it does not read. */
bool dk_fuzz_load_case(dk_fuzz_case *c);

/* The illustrative price template (fixtures/pricing/ilu-illustrative.json,
 * compiled into the fuzz targets), read once, for the scenario reader's
 * /pricing paths. */
const dk_pricing *dk_fuzz_pricing(void);

#endif

/*
 * json_scenarios.h: the scenario file (docs/scenarios.md): named sets of
 * overrides, a sweep, Monte Carlo draws. Paths are resolved against the
 * plan and networks already read, which must outlive the result.
 */
#ifndef DK_JSON_SCENARIOS_H
#define DK_JSON_SCENARIOS_H

#include "io/text.h"
#include "models/network.h"
#include "models/plan.h"
#include "models/pricing.h"
#include "models/scenario.h"

/* Reads a decoded input into s (initialised here). DK_EINPUT with every
 * problem in d. pricing may be NULL (no -P): /pricing paths are then bad
 * input. */
dk_status dk_scenarios_read(const dk_input *in, const dk_plan *p, const dk_networks *nets,
			    const dk_pricing *pricing, dk_scenario_file *s, dk_error *d);

#endif

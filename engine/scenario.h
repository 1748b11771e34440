/*
 * scenario.h: running scenarios, a sweep and Monte Carlo draws (RULES.md
 * section 7) with the one recommendation engine.
 */
#ifndef DK_ENGINE_SCENARIO_H
#define DK_ENGINE_SCENARIO_H

#include "models/network.h"
#include "models/plan.h"
#include "models/scenario.h"

/* Runs the baseline, each named scenario, each sweep point and the Monte
 * Carlo runs of s on the models m. With a price template (m->pricing,
 * whose institution is one of the plan's), each case but the Monte Carlo
 * runs also prices the packages and finds what each network's UP2 to that
 * institution buys. The models are changed while it runs and are as they
 * were when it returns. out is initialised here; release it with
 * dk_scenario_results_release. */
dk_status dk_scenarios_run(const dk_scenario_file *s, const dk_models *m,
			   dk_scenario_results *out);

#endif

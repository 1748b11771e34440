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
 * Carlo runs of s on p and t. p and t are changed while it runs and are
 * as they were when it returns. out is initialised here; release it with
 * dk_scenario_results_release. */
dk_status dk_scenarios_run(const dk_scenario_file *s, dk_plan *p, dk_networks *t,
			   dk_scenario_results *out);

#endif

/*
 * json_plan.h: reading the plan (CLI.md, "Plan (JSON)").
 *
 * Every key is checked against the keys its object may have: an unknown key
 * or a key given twice is bad input, so that a typo never falls back to a
 * default silently. Direct-transfer shares that do not sum to 1 and amounts
 * that do not sum to the direct transfer are bad input too (RULES.md
 * section 1); a frame whose parts disagree with its total is not: that is
 * the `frame-sum` finding.
 */
#ifndef DK_JSON_PLAN_H
#define DK_JSON_PLAN_H

#include "io/json_doc.h"
#include "io/text.h"
#include "models/network.h"
#include "models/plan.h"

/* Reads a decoded input into p (initialised here). */
dk_status dk_plan_read(const dk_input *in, dk_plan *p, dk_error *d);

/* Finds each decision's network in t (RULES.md section 9): a decision for a
 * network that is not in the file, or a second decision for one network, is
 * bad input at the decision's place in the plan file `plan_name`. */
dk_status dk_plan_resolve_decisions(dk_plan *p, const dk_networks *t,
				    const char *plan_name, dk_error *d);

/* Reads a title object ({"forum", "meeting", "case", "draft"}) as the plan
 * reads its own, for a case file: into *out (the caller releases its
 * texts). */
dk_status dk_title_read(const dk_json_doc *doc, const cJSON *v, dk_title *out,
			dk_error *d);

#endif

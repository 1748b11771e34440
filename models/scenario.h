/*
 * scenario.h: scenarios (RULES.md section 7): named sets of overrides,
 * a sweep of one value, and Monte Carlo draws, on the plan and the
 * networks.
 *
 * A JSON Pointer of the scenario file (/plan/frame/prorata,
 * /networks/Fosen/need, /networks/∗/need) is resolved once, by the reader,
 * into a dk_target: which field of which model, and how many decimals its
 * values have (the plan's and the template's fields, their paths, decimals
 * and ranges are in models/fields, the networks' columns in
 * models/columns). The plan and template readers write through the same
 * dk_target_set, so a reader and a scenario cannot disagree on where a
 * value goes. Values are scaled integers like the models' own fields
 * (kroner, hundredths of an FTE, millionths of a share), or the index of an
 * enum, or 0/1 for a boolean; so applying a scenario is setting integers,
 * and a Monte Carlo run costs one allocation, not a re-read of the files.
 * dk_target_set also marks the cell as given (a scenario that sets an
 * empty cell fills it), and setting a base grant clears a base share and
 * the other way round (a scenario replaces the base, it does not add a
 * second one).
 */
#ifndef DK_SCENARIO_H
#define DK_SCENARIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "models/money.h"
#include "models/network.h"
#include "models/plan.h"
#include "models/pricing.h"

typedef enum {
	DK_T_NONE,       /* no target: a field no scenario sets */
	DK_T_NET_COLUMN, /* a numeric column of a network */
	DK_T_NET_UH,     /* a network's UP2 to institution `index` */
	DK_T_FRAME_TOTAL,
	DK_T_FRAME_PRORATA,
	DK_T_FRAME_RESERVE,
	DK_T_DIRECT_AMOUNT,
	DK_T_DIRECT_SPLIT,   /* enum dk_split */
	DK_T_DIRECT_WEIGHT,  /* enum dk_up1_weight */
	DK_T_MEASURE_AMOUNT, /* common measure `index` */
	DK_T_METHOD,         /* enum dk_method */
	DK_T_BASE_GRANT,
	DK_T_BASE_SHARE,     /* millionths */
	DK_T_CAP_AT_NEED,    /* 0 or 1 */
	DK_T_FLOOR_PREVIOUS, /* millionths */
	DK_T_SURPLUS,        /* 0 redistribute, 1 reserve */
	DK_T_ROUNDING,
	DK_T_CHECK_PARAM,     /* check `column`, parameter `index` */
	DK_T_CHECK_OFF,       /* check `column`: 0 or 1 */
	DK_T_PRICE_MARGIN,    /* the price template's, e4 */
	DK_T_PRICE_TRAVEL,    /* øre per day */
	DK_T_PRICE_ROUND_TO,  /* øre */
	DK_T_ROLE_HOURLY,     /* role `index`: øre per hour (makes it direct) */
	DK_T_ROLE_SALARY,     /* øre a year (a derived role) */
	DK_T_ROLE_SOCIAL,     /* e4 */
	DK_T_ROLE_INDIRECT,   /* øre per FTE-year */
	DK_T_ROLE_HOURS,      /* productive hours, e4 */
	DK_T_ACTIVITY_FACTOR, /* activity `index`, e4 */
	DK_T_STAFF_PERSONS,   /* staffing line `index`, e4 */
	DK_T_STAFF_SHARE,     /* e4, 0 to 1 */
	DK_T_PACKAGE_DAYS     /* package `index`, e4 */
} dk_target_kind;

/* The models a scenario changes; pricing is NULL without -P. */
typedef struct {
	dk_plan *plan;
	dk_networks *nets;
	dk_pricing *pricing;
} dk_models;

typedef struct {
	dk_target_kind kind;
	long network;     /* DK_T_NET_*: the network, or -1 for every one */
	int column;       /* the dk_column, or the check id */
	int index;        /* institution, measure or parameter */
	int decimals;     /* of the value: 0 kroner, 2 FTE, 6 shares */
	int64_t min, max; /* the field's range, scaled */
	char *path;       /* as written, for output (owned) */
} dk_target;

/* How many entries a target's `index` (or network) ranges over in the
 * models: the networks, the plan's measures, the template's roles, ...;
 * 1 for a field that is not in a list. */
size_t dk_target_count(dk_target_kind kind, const dk_plan *p, const dk_networks *nets,
		       const dk_pricing *pr);

/* The value a target has in the models (network k for DK_T_NET_*). */
int64_t dk_target_get(const dk_target *t, const dk_models *m, size_t k);
/* Sets it (network k, or every network when t->network is -1 and k is
 * SIZE_MAX). */
void dk_target_set(const dk_target *t, const dk_models *m, size_t k, int64_t v);

typedef struct {
	dk_target target;
	int64_t value;
} dk_override;

typedef struct {
	char *name;
	dk_override *overrides;
	size_t n;
} dk_scenario;

typedef struct {
	dk_target target;
	int64_t from, to, step; /* scaled by the target's decimals */
} dk_sweep;

typedef enum { DK_DIST_UNIFORM, DK_DIST_NORMAL, DK_DIST_TRIANGULAR } dk_dist_kind;

typedef struct {
	dk_target target;
	dk_dist_kind kind;
	/* in the field's own unit (kroner, FTE, share): uniform min, max;
	 * normal mean (or the current value when !has_mean) and sd, or sd
	 * relative to the mean; triangular min, mode, max */
	double a, b, c;
	bool has_mean, relative;
} dk_draw;

typedef struct {
	long runs;
	unsigned long seed;
	int threads; /* how many to run at once (not in the file: the
				   caller's choice; results do not depend on it) */
	/* not in the file either: told how far the runs have come (from the
	 * caller's thread, about every thousand runs and at the end), for a
	 * progress line; NULL for none */
	void (*progress)(void *ctx, long done, long total);
	void *progress_ctx;
	/* not in the file: when set, told each run's amounts (run k, the
	 * amount per network in input order; NULL when the run gave none),
	 * from whichever worker ran it: for tests and per-run output */
	void (*each_run)(void *ctx, long k, const dk_kr *amount, size_t n);
	void *each_run_ctx;
	dk_draw *draws;
	size_t n_draws;
} dk_montecarlo;

typedef struct {
	dk_scenario *scenarios;
	size_t n_scenarios;
	bool has_sweep, has_montecarlo;
	dk_sweep sweep;
	dk_montecarlo mc;
} dk_scenario_file;

/* One computed case: the baseline, a named scenario or a sweep point. */
typedef struct {
	char *label;    /* the scenario's name, or "PATH = VALUE" (owned) */
	bool has_value; /* a sweep point: its value, scaled */
	int64_t value;
	bool produced; /* amounts exist (the frame was feasible) */
	dk_kr unused;
	dk_i128 lambda_num, lambda_den;
	int64_t lambda_scale;
	size_t findings[3]; /* per dk_severity */
	dk_kr *amount;      /* per network */
	int *state;         /* per network, a dk_state */
	bool priced;        /* with a price template: */
	int64_t *price;     /* per package, øre */
	int64_t *days;      /* per network, days bought (e4) */
	/* the frame-level outcome analysts compare: per institution its
	 * direct transfer and UP2 (n_institutions each, owned), and the UH
	 * share of it all, (D + Σ UP2 + Σ other) ÷ (D + Σ recommended) */
	size_t n_institutions;
	dk_kr *inst_direct, *inst_up2;
	dk_i128 uh_num, uh_den;
} dk_run;

/* Monte Carlo summary of one network over the runs with amounts. */
typedef struct {
	double mean, sd, q[5]; /* q: p5, p25, p50, p75, p95 */
	long capped;           /* runs in which the network was at its cap */
	double days_mean, days_sd, days_q[5]; /* with a template: days bought */
} dk_mc_summary;

typedef struct {
	size_t n_networks;
	dk_run baseline;
	dk_run *runs; /* the named scenarios, then the sweep points */
	size_t n_runs;
	bool has_mc;
	long mc_runs, mc_produced; /* runs, and runs with amounts */
	bool mc_priced;            /* the summary has days bought */
	dk_mc_summary *mc;         /* per network */
	dk_mc_summary mc_unused;   /* what the frame leaves, over the runs */
	dk_mc_summary *mc_inst;    /* per institution: direct + UP2 */
	size_t n_institutions;
} dk_scenario_results;

void dk_scenario_results_release(dk_scenario_results *r);

void dk_scenario_file_init(dk_scenario_file *s);
void dk_scenario_file_release(dk_scenario_file *s);

#endif

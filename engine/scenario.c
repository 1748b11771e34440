/*
 * scenario.c: scenarios, sweeps and Monte Carlo runs (RULES.md section 7).
 *
 * Every case is the one recommendation (engine/recommend.c) on the models
 * with some fields set: the baseline's fields are saved once, each case
 * sets its targets, runs, and the snapshot is put back, so no case sees
 * another's changes. The snapshot copies whole structs (the plan, the
 * template, each role, activity, staffing line and package, the networks'
 * numbers), never a list of fields: a field added to models/fields.c and
 * its target is saved and restored without a change here.
 *
 * Monte Carlo run k draws from its own generator, GSL's MT19937 seeded from
 * (seed, k) through the SplitMix64 finaliser (engine/rng.c: the same
 * numbers, the state worked out only as far as a run draws), and draws in
 * a fixed order (the draws as listed, networks in input order for `*`):
 * run k gives the same numbers however the runs are scheduled. A draw is
 * converted to the field's decimals (rounded half away from zero) and kept
 * within the field's range (a normal draw below 0 becomes 0): a drawn need
 * is whole kroner like any other. The summaries (mean, standard deviation,
 * quantiles) are GSL's statistics over the sorted samples of the runs that
 * produced amounts (engine/stats.c); they are floating point, being
 * statistics of amounts, not amounts.
 */
#include "engine/scenario.h"

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/price.h"
#include "engine/recommend.h"
#include "engine/rng.h"
#include "engine/stats.h"
#include "models/numtext.h"

typedef struct {
	dk_plan plan;
	dk_kr *measures;
	int64_t *v; /* n × DK_COL_COUNT */
	uint32_t *present, *uh_present;
	dk_kr *uh; /* n × n_institutions */
	uint32_t columns, uh_columns;
	/* the price template, when there is one: the struct and its entries
	 * (their pointers are the template's, never changed by a case) */
	bool priced;
	dk_pricing pricing;
	dk_role *roles;
	dk_activity *activities;
	dk_staff *staff;
	dk_package *packages;
} snapshot;

static void snap_release(snapshot *s)
{
	free(s->measures);
	free(s->v);
	free(s->present);
	free(s->uh_present);
	free(s->uh);
	free(s->roles);
	free(s->activities);
	free(s->staff);
	free(s->packages);
}

static dk_status snap_take_pricing(snapshot *s, const dk_pricing *pr)
{
	s->priced = true;
	s->pricing = *pr;
	s->roles = malloc((pr->n_roles ? pr->n_roles : 1) * sizeof *s->roles);
	s->activities =
		malloc((pr->n_activities ? pr->n_activities : 1) * sizeof *s->activities);
	s->staff = malloc((pr->n_staff ? pr->n_staff : 1) * sizeof *s->staff);
	s->packages = malloc((pr->n_packages ? pr->n_packages : 1) * sizeof *s->packages);
	if (!s->roles || !s->activities || !s->staff || !s->packages)
		return DK_ENOMEM;
	memcpy(s->roles, pr->roles, pr->n_roles * sizeof *s->roles);
	memcpy(s->activities, pr->activities, pr->n_activities * sizeof *s->activities);
	memcpy(s->staff, pr->staff, pr->n_staff * sizeof *s->staff);
	memcpy(s->packages, pr->packages, pr->n_packages * sizeof *s->packages);
	return DK_OK;
}

static void snap_restore_pricing(const snapshot *s, dk_pricing *pr)
{
	if (!s->priced || !pr)
		return;
	*pr = s->pricing;
	memcpy(pr->roles, s->roles, pr->n_roles * sizeof *s->roles);
	memcpy(pr->activities, s->activities, pr->n_activities * sizeof *s->activities);
	memcpy(pr->staff, s->staff, pr->n_staff * sizeof *s->staff);
	memcpy(pr->packages, s->packages, pr->n_packages * sizeof *s->packages);
}

static dk_status snap_take(snapshot *s, const dk_plan *p, const dk_networks *t,
			   const dk_pricing *pr)
{
	size_t n = t->n, ni = t->n_institutions;
	memset(s, 0, sizeof *s);
	s->plan = *p;
	s->measures = malloc((p->n_measures ? p->n_measures : 1) * sizeof *s->measures);
	s->v = malloc((n ? n : 1) * DK_COL_COUNT * sizeof *s->v);
	s->present = malloc((n ? n : 1) * sizeof *s->present);
	s->uh_present = malloc((n ? n : 1) * sizeof *s->uh_present);
	s->uh = malloc((n * ni > 0 ? n * ni : 1) * sizeof *s->uh);
	if (!s->measures || !s->v || !s->present || !s->uh_present || !s->uh) {
		snap_release(s);
		return DK_ENOMEM;
	}
	for (size_t k = 0; k < p->n_measures; k++)
		s->measures[k] = p->measures[k].amount;
	for (size_t k = 0; k < n; k++) {
		memcpy(s->v + k * DK_COL_COUNT, t->items[k].v, sizeof t->items[k].v);
		s->present[k] = t->items[k].present;
		s->uh_present[k] = t->items[k].uh_present;
		if (ni)
			memcpy(s->uh + k * ni, t->items[k].uh, ni * sizeof *s->uh);
	}
	s->columns = t->columns;
	s->uh_columns = t->uh_columns;
	if (pr && snap_take_pricing(s, pr) != DK_OK) {
		snap_release(s);
		return DK_ENOMEM;
	}
	return DK_OK;
}

static void snap_restore_measures(const snapshot *s, dk_plan *p)
{
	for (size_t k = 0; k < p->n_measures; k++)
		p->measures[k].amount = s->measures[k];
}

/* Puts the saved fields back; p keeps its own measures array. */
static void snap_restore(const snapshot *s, dk_plan *p, dk_networks *t)
{
	size_t ni = t->n_institutions;
	dk_measure *measures = p->measures;
	*p = s->plan;
	p->measures = measures;
	snap_restore_measures(s, p);
	for (size_t k = 0; k < t->n; k++) {
		memcpy(t->items[k].v, s->v + k * DK_COL_COUNT, sizeof t->items[k].v);
		t->items[k].present = s->present[k];
		t->items[k].uh_present = s->uh_present[k];
		if (ni)
			memcpy(t->items[k].uh, s->uh + k * ni, ni * sizeof *s->uh);
	}
	t->columns = s->columns;
	t->uh_columns = s->uh_columns;
}

static void apply(const dk_target *tg, int64_t v, const dk_models *m)
{
	dk_target_set(tg, m, tg->network >= 0 ? (size_t)tg->network : SIZE_MAX, v);
}

/* Days bought by each network's UP2 to institution inst, for quote q. */
static dk_status buy_days(const dk_pricing *pr, const dk_quotation *q, int inst,
			  const dk_recommendation *rec, int64_t *days)
{
	dk_purchase *buys = calloc(rec->n ? rec->n : 1, sizeof *buys);
	dk_status st = buys ? dk_price_budgets(pr, q, inst, rec, buys) : DK_ENOMEM;
	for (size_t k = 0; buys && k < rec->n; k++) {
		if (st == DK_OK)
			days[k] = buys[k].days;
		dk_purchase_release(&buys[k]);
	}
	free(buys);
	return st;
}

/* What each network's UP2 to the template's institution buys, and the
 * packages' prices, into out (the recommendation rec has amounts). */
static dk_status price_case(const dk_pricing *pr, int inst, const dk_recommendation *rec,
			    dk_run *out)
{
	dk_quotation q;
	dk_status st = dk_price_quote(pr, &q);
	out->priced = st == DK_OK;
	out->price = calloc(pr->n_packages ? pr->n_packages : 1, sizeof *out->price);
	out->days = calloc(rec->n ? rec->n : 1, sizeof *out->days);
	if (st == DK_OK && (!out->price || !out->days))
		st = DK_ENOMEM;
	for (size_t k = 0; st == DK_OK && k < pr->n_packages; k++)
		out->price[k] = q.pkgs[k].price;
	if (st == DK_OK)
		st = buy_days(pr, &q, inst, rec, out->days);
	dk_quote_release(&q); /* also after a failure: the quote frees what it made */
	return st;
}

/* Runs the recommendation on the models as they are now into *out, and
 * the prices when there is a template (m->pricing, institution inst): with
 * a quote already made (the Monte Carlo runs, which do not change the
 * template), only the days bought, into out->days. A Monte Carlo worker
 * passes its work (w), kept from run to run; the others NULL. */
static dk_status run_case(const dk_models *m, int inst, const dk_quotation *quote,
			  dk_rec_work *w, dk_run *out)
{
	const dk_plan *p = m->plan;
	const dk_networks *t = m->nets;
	dk_recommendation own, *r = w ? &w->rec : &own;
	size_t n = t->n, ni = p->n_institutions;
	/* a Monte Carlo worker passes the same arrays run after run */
	if (!out->amount)
		out->amount = calloc(n ? n : 1, sizeof *out->amount);
	if (!out->state)
		out->state = calloc(n ? n : 1, sizeof *out->state);
	if (!out->inst_direct)
		out->inst_direct = calloc(ni ? ni : 1, sizeof *out->inst_direct);
	if (!out->inst_up2)
		out->inst_up2 = calloc(ni ? ni : 1, sizeof *out->inst_up2);
	out->n_institutions = ni;
	if (!out->amount || !out->state || !out->inst_direct || !out->inst_up2)
		return DK_ENOMEM;
	dk_status st = w ? dk_recommend_again(p, t, w) : dk_recommend_counted(p, t, r);
	if (st == DK_OK) {
		out->produced = r->produced;
		out->unused = r->unused + r->reserve_cut;
		/* the frame-level outcome: what each institution receives, and
		 * the UH share of it all */
		dk_i128 up = (dk_i128)r->direct + r->total_other, den = r->direct;
		for (size_t i = 0; i < ni; i++) {
			out->inst_direct[i] = r->inst_direct[i];
			out->inst_up2[i] = r->produced ? r->inst_up2[i] : 0;
			up += out->inst_up2[i];
		}
		for (size_t k = 0; k < n && r->produced; k++)
			den += r->rows[k].amount;
		out->uh_num = r->produced ? up : 0;
		out->uh_den = r->produced ? den : 0;
		out->lambda_num = r->lambda_num;
		out->lambda_den = r->lambda_den;
		out->lambda_scale = r->lambda_scale;
		memcpy(out->findings, r->findings.counts, sizeof out->findings);
		for (size_t k = 0; k < n && r->produced; k++) {
			out->amount[k] = r->rows[k].amount;
			out->state[k] = (int)r->rows[k].state;
		}
		if (r->produced && m->pricing && inst >= 0 && quote) {
			if (!out->days)
				out->days = calloc(n ? n : 1, sizeof *out->days);
			st = out->days ? buy_days(m->pricing, quote, inst, r, out->days)
				       : DK_ENOMEM;
			out->priced = st == DK_OK;
		} else if (r->produced && m->pricing && inst >= 0) {
			st = price_case(m->pricing, inst, r, out);
		}
	}
	if (!w)
		dk_recommendation_release(r);
	return st;
}

static char *label_of(const dk_target *t, int64_t v)
{
	char num[48], buf[400];
	size_t n = dk_decimal_format(v, t->decimals, "", ".", num, sizeof num);
	/* "3.5000" -> "3.5", "4.0000" -> "4" */
	while (t->decimals > 0 && n && num[n - 1] == '0')
		num[--n] = '\0';
	if (n && num[n - 1] == '.')
		num[--n] = '\0';
	snprintf(buf, sizeof buf, "%s = %s", t->path, num);
	return strdup(buf);
}

/* SplitMix64's finaliser: spreads (seed, k) over the generator's seeds. */
static unsigned long mix(unsigned long seed, unsigned long k)
{
	uint64_t z = ((uint64_t)seed << 32) ^ (uint64_t)k;
	z += UINT64_C(0x9E3779B97F4A7C15);
	z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
	return (unsigned long)(z ^ (z >> 31));
}

static double pow10i(int d)
{
	double f = 1;
	while (d-- > 0)
		f *= 10;
	return f;
}

static double draw_one(const dk_draw *d, gsl_rng *rng, double current)
{
	switch (d->kind) {
	case DK_DIST_UNIFORM: return d->a == d->b ? d->a : gsl_ran_flat(rng, d->a, d->b);
	case DK_DIST_NORMAL: {
		double mean = d->has_mean ? d->a : current;
		double sd = d->relative ? d->b * fabs(mean) : d->b;
		return mean + gsl_ran_gaussian(rng, sd);
	}
	case DK_DIST_TRIANGULAR: {
		double lo = d->a, mode = d->b, hi = d->c, u = gsl_rng_uniform(rng);
		if (hi <= lo)
			return lo;
		double fc = (mode - lo) / (hi - lo);
		return u < fc ? lo + sqrt(u * (hi - lo) * (mode - lo))
			      : hi - sqrt((1 - u) * (hi - lo) * (hi - mode));
	}
	}
	return current;
}

/* The drawn value in the field's scaled integers, within its range. */
static int64_t to_field(const dk_target *t, double x)
{
	double scaled = round(x * pow10i(t->decimals));
	if (!(scaled >= (double)t->min))
		return t->min;
	if (scaled >= (double)t->max)
		return t->max;
	return (int64_t)scaled;
}

static void draw_all(const dk_montecarlo *mc, gsl_rng *rng, const dk_models *m)
{
	const dk_networks *t = m->nets;
	for (size_t j = 0; j < mc->n_draws; j++) {
		const dk_draw *d = &mc->draws[j];
		const dk_target *tg = &d->target;
		double unit = pow10i(tg->decimals);
		bool every = (tg->kind == DK_T_NET_COLUMN || tg->kind == DK_T_NET_UH) &&
			tg->network < 0;
		size_t from = every ? 0 : tg->network >= 0 ? (size_t)tg->network : 0;
		size_t to = every ? t->n : from + 1;
		for (size_t k = from; k < to; k++) {
			double cur = (double)dk_target_get(tg, m, k) / unit;
			dk_target_set(tg, m, k, to_field(tg, draw_one(d, rng, cur)));
		}
	}
}

/* One worker's models: the plan and the networks, with their own copies
 * of everything a target can change (the measures' amounts, the networks'
 * numbers); names, keys and the name index are shared, read-only. */
typedef struct {
	const dk_montecarlo *mc;
	const snapshot *snap;
	const dk_pricing *pricing; /* shared, read-only: draws do not touch it */
	const dk_quotation *quote;
	int inst;
	double *days; /* shared: [network × runs + k], or NULL */
	dk_plan plan;
	dk_networks nets;
	long first, step, runs;  /* this worker's runs: first, first + step, ... */
	double *samples;         /* shared: [network × runs + k] */
	double *unused;          /* shared: [k] */
	double *totals;          /* shared: [institution × runs + k] */
	unsigned char *produced; /* shared: [k] */
	unsigned char *at_cap;   /* shared: [network × runs + k] */
	dk_status st;
} worker;

static dk_status clone_models(const dk_plan *p, const dk_networks *t, worker *w)
{
	size_t ni = t->n_institutions;
	w->plan = *p;
	w->nets = *t;
	/* every pointer this worker will free is its own or NULL, whatever
	 * fails below (release_models frees them) */
	w->plan.measures =
		malloc((p->n_measures ? p->n_measures : 1) * sizeof *p->measures);
	w->nets.items = malloc((t->n ? t->n : 1) * sizeof *t->items);
	if (w->nets.items) {
		if (t->n)
			memcpy(w->nets.items, t->items, t->n * sizeof *t->items);
		for (size_t k = 0; k < t->n; k++)
			w->nets.items[k].uh = NULL;
	}
	if (!w->plan.measures || !w->nets.items)
		return DK_ENOMEM;
	if (p->n_measures)
		memcpy(w->plan.measures, p->measures,
		       p->n_measures * sizeof *p->measures);
	for (size_t k = 0; k < t->n; k++) {
		w->nets.items[k].uh = malloc((ni ? ni : 1) * sizeof *t->items[k].uh);
		if (!w->nets.items[k].uh)
			return DK_ENOMEM;
		if (ni)
			memcpy(w->nets.items[k].uh, t->items[k].uh,
			       ni * sizeof *t->items[k].uh);
	}
	return DK_OK;
}

static void release_models(worker *w)
{
	for (size_t k = 0; w->nets.items && k < w->nets.n; k++)
		free(w->nets.items[k].uh);
	free(w->nets.items);
	free(w->plan.measures);
}

/* Run k's outcome into the shared arrays. */
static void keep_run(worker *w, const dk_run *r, long k)
{
	size_t n = w->nets.n, runs = (size_t)w->runs, at = (size_t)k;
	w->produced[k] = 1;
	w->unused[k] = (double)r->unused;
	for (size_t i = 0; i < r->n_institutions; i++)
		w->totals[i * runs + at] = (double)(r->inst_direct[i] + r->inst_up2[i]);
	for (size_t i = 0; i < n; i++) {
		w->samples[i * runs + at] = (double)r->amount[i];
		w->at_cap[i * runs + at] = r->state[i] == DK_STATE_CAPPED;
		if (w->days && r->priced)
			w->days[i * runs + at] = (double)r->days[i] / DK_E4;
	}
}

/* How far a run's seeded state is worked out ahead (engine/rng.c): the
 * 397 words the first draw needs, and about three words a normal value
 * (the polar method draws two a try) and one any other value draws. */
static int seeded_ahead(const dk_montecarlo *mc, size_t n)
{
	size_t words = 397 + 8;
	for (size_t j = 0; j < mc->n_draws && words < 624; j++) {
		const dk_target *tg = &mc->draws[j].target;
		bool every = (tg->kind == DK_T_NET_COLUMN || tg->kind == DK_T_NET_UH) &&
			tg->network < 0;
		words += (every ? n : 1) * (mc->draws[j].kind == DK_DIST_NORMAL ? 3 : 1);
	}
	return words < 624 ? (int)words : 624;
}

static void *work(void *arg)
{
	worker *w = arg;
	size_t n = w->nets.n;
	gsl_rng *rng[DK_RNG_BATCH] = {NULL};
	for (size_t j = 0; j < DK_RNG_BATCH; j++)
		if (!(rng[j] = gsl_rng_alloc(dk_rng_mt19937)))
			w->st = DK_ENOMEM;
	int ahead = seeded_ahead(w->mc, n);
	dk_run r;
	memset(&r, 0, sizeof r);
	dk_rec_work rw;
	memset(&rw, 0, sizeof rw);
	/* the runs in batches whose generators are seeded together */
	long batch = DK_RNG_BATCH * w->step;
	for (long k0 = w->first; k0 < w->runs && w->st == DK_OK; k0 += batch) {
		unsigned long seeds[DK_RNG_BATCH];
		size_t nb = 0;
		for (long k = k0; k < w->runs && nb < DK_RNG_BATCH; k += w->step)
			seeds[nb++] = mix(w->mc->seed, (unsigned long)k);
		dk_rng_seed_batch(rng, seeds, nb, ahead);
		for (size_t j = 0; j < nb && w->st == DK_OK; j++) {
			long k = k0 + (long)j * w->step;
			/* worker 0 runs in the caller's thread: it says how far
			 * the runs have come (the others keep pace) */
			if (w->first == 0 && w->mc->progress && k % 1024 == 0)
				w->mc->progress(w->mc->progress_ctx, k, w->runs);
			snap_restore(w->snap, &w->plan, &w->nets);
			dk_models m = {&w->plan, &w->nets, (dk_pricing *)w->pricing};
			draw_all(w->mc, rng[j], &m);
			r.produced = r.priced = false;
			w->st = run_case(&m, w->inst, w->quote, &rw, &r);
			if (w->st == DK_OK && w->mc->each_run)
				w->mc->each_run(w->mc->each_run_ctx, k,
						r.produced ? r.amount : NULL, n);
			if (w->st == DK_OK && r.produced)
				keep_run(w, &r, k);
		}
	}
	dk_rec_work_release(&rw);
	free(r.amount);
	free(r.state);
	free(r.price);
	free(r.days);
	free(r.inst_direct);
	free(r.inst_up2);
	for (size_t j = 0; j < DK_RNG_BATCH; j++)
		gsl_rng_free(rng[j]);
	return NULL;
}

/* The runs with amounts, in the order of k, to the front of x. */
static size_t compact(double *x, const unsigned char *produced, long runs)
{
	size_t m = 0;
	for (long k = 0; k < runs; k++)
		if (produced[k])
			x[m++] = x[k];
	return m;
}

/* One summary to make: the samples of one quantity over the runs. */
typedef struct {
	double *x; /* [k], every run's; the produced ones moved to the front */
	double *mean, *sd, *q;
} sum_job;

typedef struct {
	sum_job *jobs;
	size_t n, first, step;
	const unsigned char *produced;
	long runs;
	bool failed;
} sum_worker;

static void *summarize_some(void *arg)
{
	sum_worker *w = arg;
	for (size_t j = w->first; j < w->n; j += w->step) {
		sum_job *b = &w->jobs[j];
		if (dk_summarize(b->x, compact(b->x, w->produced, w->runs), b->mean,
				 b->sd, b->q) != 0)
			w->failed = true;
	}
	return NULL;
}

/* The n summaries over nw threads (job j to thread j mod nw): each is
 * made from its own samples alone, so the thread count changes nothing. */
static dk_status summarize_all(sum_job *jobs, size_t n, const unsigned char *produced,
			       long runs, int nw)
{
	sum_worker ws[64];
	pthread_t tid[64];
	bool started[64] = {false};
	for (int j = 0; j < nw; j++)
		ws[j] = (sum_worker){jobs,     n,    (size_t)j, (size_t)nw,
				     produced, runs, false};
	for (int j = 1; j < nw; j++)
		started[j] = pthread_create(&tid[j], NULL, summarize_some, &ws[j]) == 0;
	for (int j = 0; j < nw; j++)
		if (!started[j])
			summarize_some(&ws[j]);
	bool failed = false;
	for (int j = 0; j < nw; j++) {
		if (started[j])
			pthread_join(tid[j], NULL);
		failed |= ws[j].failed;
	}
	return failed ? DK_ENOMEM : DK_OK;
}

/* The runs are shared out over mc->threads workers, run k to worker
 * k mod threads; each run's numbers depend on k alone, and the summary
 * takes the runs in the order of k, so the result is the same for any
 * number of threads. */
static dk_status monte_carlo(const dk_montecarlo *mc, const snapshot *snap,
			     const dk_plan *p, const dk_networks *t,
			     const dk_pricing *pricing, dk_scenario_results *out)
{
	size_t n = t->n;
	int inst = pricing ? dk_plan_institution(p, pricing->institution) : -1;
	long runs = mc->runs;
	int nw = mc->threads < 1 ? 1 : mc->threads > 64 ? 64 : mc->threads;
	if (nw > runs)
		nw = (int)runs;
	size_t ni = p->n_institutions;
	double *samples = malloc((size_t)runs * (n ? n : 1) * sizeof *samples);
	double *unused = malloc((size_t)runs * sizeof *unused);
	double *totals = malloc((size_t)runs * (ni ? ni : 1) * sizeof *totals);
	out->mc_inst = calloc(ni ? ni : 1, sizeof *out->mc_inst);
	out->n_institutions = ni;
	unsigned char *at_cap = calloc((size_t)runs * (n ? n : 1), 1);
	unsigned char *produced = calloc((size_t)runs, 1);
	worker *ws = calloc((size_t)nw, sizeof *ws);
	pthread_t *tid = calloc((size_t)nw, sizeof *tid);
	bool *started = calloc((size_t)nw, sizeof *started);
	out->mc = calloc(n ? n : 1, sizeof *out->mc);
	dk_status st = samples && unused && totals && out->mc_inst && at_cap &&
			produced && ws && tid && started && out->mc
		? DK_OK
		: DK_ENOMEM;
	/* with a template: one quote for every run (draws do not change it) */
	dk_quotation quote;
	bool quoted = false;
	double *days = NULL;
	if (st == DK_OK && pricing && inst >= 0) {
		st = dk_price_quote(pricing, &quote);
		quoted = true;
		days = malloc((size_t)runs * (n ? n : 1) * sizeof *days);
		if (st == DK_OK && !days)
			st = DK_ENOMEM;
	}
	for (int j = 0; j < nw && st == DK_OK; j++) {
		ws[j] = (worker){mc,
				 snap,
				 days ? pricing : NULL,
				 days ? &quote : NULL,
				 inst,
				 days,
				 {0},
				 {0},
				 j,
				 nw,
				 runs,
				 samples,
				 unused,
				 totals,
				 produced,
				 at_cap,
				 DK_OK};
		st = clone_models(p, t, &ws[j]);
	}
	/* worker 0 runs in this thread; a worker whose thread cannot start
	 * runs here too */
	for (int j = 1; j < nw && st == DK_OK; j++)
		started[j] = pthread_create(&tid[j], NULL, work, &ws[j]) == 0;
	for (int j = 0; j < nw && st == DK_OK; j++)
		if (!started[j])
			work(&ws[j]);
	for (int j = 1; started && j < nw; j++)
		if (started[j])
			pthread_join(tid[j], NULL);
	for (int j = 0; ws && j < nw; j++) {
		if (st == DK_OK)
			st = ws[j].st;
		release_models(&ws[j]);
	}
	if (st == DK_OK && mc->progress)
		mc->progress(mc->progress_ctx, runs, runs);
	out->has_mc = true;
	out->mc_runs = runs;
	long got = 0;
	for (long k = 0; st == DK_OK && k < runs; k++)
		got += produced[k];
	out->mc_produced = got;
	out->mc_priced = days != NULL;
	for (size_t i = 0; i < n && st == DK_OK && got > 0; i++)
		for (long k = 0; k < runs; k++)
			if (produced[k])
				out->mc[i].capped += at_cap[i * (size_t)runs + (size_t)k];
	/* the summaries: each network's amounts (and days bought), unused,
	 * and what each institution receives in all, shared over the same
	 * workers */
	size_t nj = 0;
	sum_job *jobs = calloc(2 * n + ni + 1, sizeof *jobs);
	if (st == DK_OK && !jobs)
		st = DK_ENOMEM;
	for (size_t i = 0; i < n && st == DK_OK && got > 0; i++) {
		dk_mc_summary *s = &out->mc[i];
		jobs[nj++] =
			(sum_job){samples + i * (size_t)runs, &s->mean, &s->sd, s->q};
		if (days)
			jobs[nj++] = (sum_job){days + i * (size_t)runs, &s->days_mean,
					       &s->days_sd, s->days_q};
	}
	if (st == DK_OK && got > 0) {
		dk_mc_summary *u = &out->mc_unused;
		jobs[nj++] = (sum_job){unused, &u->mean, &u->sd, u->q};
		for (size_t i = 0; i < ni; i++) {
			dk_mc_summary *s = &out->mc_inst[i];
			jobs[nj++] = (sum_job){totals + i * (size_t)runs, &s->mean,
					       &s->sd, s->q};
		}
	}
	if (st == DK_OK)
		st = summarize_all(jobs, nj, produced, runs, nw);
	free(jobs);
	if (quoted)
		dk_quote_release(&quote);
	free(unused);
	free(totals);
	free(days);
	free(started);
	free(tid);
	free(ws);
	free(produced);
	free(at_cap);
	free(samples);
	return st;
}

dk_status dk_scenarios_run(const dk_scenario_file *s, const dk_models *m,
			   dk_scenario_results *out)
{
	dk_plan *p = m->plan;
	dk_networks *t = m->nets;
	int inst = m->pricing ? dk_plan_institution(p, m->pricing->institution) : -1;
	memset(out, 0, sizeof *out);
	out->n_networks = t->n;
	snapshot snap;
	dk_status st = snap_take(&snap, p, t, m->pricing);
	if (st != DK_OK)
		return st;
	size_t n_sweep = 0;
	if (s->has_sweep)
		n_sweep = (size_t)((s->sweep.to - s->sweep.from) / s->sweep.step) + 1;
	out->runs = calloc(s->n_scenarios + n_sweep + 1, sizeof *out->runs);
	out->baseline.label = strdup("baseline");
	if (!out->runs || !out->baseline.label)
		st = DK_ENOMEM;
	if (st == DK_OK)
		st = run_case(m, inst, NULL, NULL, &out->baseline);
	for (size_t i = 0; i < s->n_scenarios && st == DK_OK; i++) {
		const dk_scenario *sc = &s->scenarios[i];
		dk_run *r = &out->runs[out->n_runs++];
		r->label = strdup(sc->name);
		if (!r->label) {
			st = DK_ENOMEM;
			break;
		}
		for (size_t j = 0; j < sc->n; j++)
			apply(&sc->overrides[j].target, sc->overrides[j].value, m);
		st = run_case(m, inst, NULL, NULL, r);
		snap_restore(&snap, p, t);
		snap_restore_pricing(&snap, m->pricing);
	}
	for (size_t i = 0; i < n_sweep && st == DK_OK; i++) {
		const dk_sweep *sw = &s->sweep;
		int64_t v = sw->from + (int64_t)i * sw->step;
		dk_run *r = &out->runs[out->n_runs++];
		r->has_value = true;
		r->value = v;
		r->label = label_of(&sw->target, v);
		if (!r->label) {
			st = DK_ENOMEM;
			break;
		}
		apply(&sw->target, v, m);
		st = run_case(m, inst, NULL, NULL, r);
		snap_restore(&snap, p, t);
		snap_restore_pricing(&snap, m->pricing);
	}
	if (st == DK_OK && s->has_montecarlo) {
		snap_restore(&snap, p, t);
		st = monte_carlo(&s->mc, &snap, p, t, m->pricing, out);
	}
	snap_restore(&snap, p, t);
	snap_release(&snap);
	if (st != DK_OK)
		dk_scenario_results_release(out);
	return st;
}

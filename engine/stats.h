/*
 * stats.h: the summaries of Monte Carlo runs (RULES.md section 7): mean,
 * standard deviation and quantiles of a sample, as GSL's statistics
 * functions give them over the sorted sample.
 */
#ifndef DK_STATS_H
#define DK_STATS_H

#include <stddef.h>

/* Sorts x[0..m) ascending (the order gsl_sort gives: numbers, no NaN,
 * no -0), in linear time; 0, or -1 when out of memory. */
int dk_sort_doubles(double *x, size_t m);

/* Sorts the m samples in x and puts their mean, standard deviation and
 * 5 %, 25 %, 50 %, 75 % and 95 % quantiles; -1 when out of memory. */
int dk_summarize(double *x, size_t m, double *mean, double *sd, double q[5]);

#endif

/*
 * stats.c: Monte Carlo summaries (see stats.h).
 *
 * The samples are sorted first and GSL's mean, standard deviation and
 * quantiles are taken over the sorted array, as they always were: the
 * mean and the deviation are sums in floating point, so the order of the
 * samples is part of the result. gsl_sort is a heap sort, and with a
 * million runs it was most of a Monte Carlo run's time; any sort puts
 * numbers in the same ascending order (the samples are amounts and days,
 * never NaN and never -0, the one value a sort on bits would place apart
 * from its equal), so this one is an LSD radix sort
 * on the doubles' bits (flipped so that they order as unsigned integers),
 * eight passes of eight bits, a pass skipped when every sample has the
 * same byte there. No Debian library offers one for plain C arrays.
 */
#include "engine/stats.h"

#include <gsl/gsl_statistics_double.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The bits of x as an unsigned key in the order of the numbers. */
static uint64_t key_of(double x)
{
	uint64_t u;
	memcpy(&u, &x, sizeof u);
	return u >> 63 ? ~u : u | UINT64_C(0x8000000000000000);
}

int dk_sort_doubles(double *x, size_t m)
{
	if (m < 2)
		return 0;
	double *tmp = malloc(m * sizeof *tmp);
	size_t(*count)[256] = calloc(8, sizeof *count);
	if (!tmp || !count) {
		free(tmp);
		free(count);
		return -1;
	}
	for (size_t i = 0; i < m; i++) {
		uint64_t k = key_of(x[i]);
		for (int b = 0; b < 8; b++)
			count[b][(k >> (8 * b)) & 0xff]++;
	}
	double *from = x, *to = tmp;
	for (int b = 0; b < 8; b++) {
		size_t *c = count[b], sum = 0;
		uint64_t first = (key_of(from[0]) >> (8 * b)) & 0xff;
		if (c[first] == m)
			continue; /* every sample has this byte: nothing to move */
		for (int d = 0; d < 256; d++) {
			size_t n = c[d];
			c[d] = sum;
			sum += n;
		}
		for (size_t i = 0; i < m; i++) {
			uint64_t k = key_of(from[i]);
			to[c[(k >> (8 * b)) & 0xff]++] = from[i];
		}
		double *t = from;
		from = to;
		to = t;
	}
	if (from != x)
		memcpy(x, from, m * sizeof *x);
	free(count);
	free(tmp);
	return 0;
}

int dk_summarize(double *x, size_t m, double *mean, double *sd, double q[5])
{
	static const double qs[5] = {0.05, 0.25, 0.50, 0.75, 0.95};
	if (dk_sort_doubles(x, m) != 0)
		return -1;
	*mean = gsl_stats_mean(x, 1, m);
	*sd = m > 1 ? gsl_stats_sd_m(x, 1, m, *mean) : 0;
	for (int k = 0; k < 5; k++)
		q[k] = gsl_stats_quantile_from_sorted_data(x, 1, m, qs[k]);
	return 0;
}

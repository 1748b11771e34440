/*
 * pricing.h: a price template (RULES.md section 6, CLI.md "Price
 * template"): roles and their hourly full cost, activities and their
 * workload factors, the delivery day, staffing, travel, margin, rounding
 * and packages.
 *
 * Money is in øre (int64: "money has at most 2 decimals"); factors, hours,
 * days, persons, shares and rates in ten-thousandths (DK_E4: "at most 4
 * decimals"). The template owns every string and array.
 */
#ifndef DK_PRICING_H
#define DK_PRICING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define DK_E4 INT64_C(10000) /* 1 in ten-thousandths */

typedef enum { DK_OPPDRAG, DK_BIDRAG } dk_project_type;

typedef struct {
	char *name;
	bool direct;              /* hourly_cost given */
	int64_t hourly_cost;      /* øre per hour, when direct */
	int64_t annual_salary;    /* øre */
	int64_t social_cost_rate; /* e4 */
	int64_t indirect;         /* øre per FTE-year */
	int64_t productive_hours; /* e4 hours per year */
} dk_role;

typedef struct {
	char *name;
	int64_t factor; /* e4: work hours per delivered hour */
} dk_activity;

typedef struct {
	size_t activity; /* index into activities */
	int64_t hours;   /* e4 delivered hours per day */
} dk_day_part;

typedef struct {
	dk_day_part *parts;
	size_t n;
} dk_day;

typedef struct {
	size_t role;
	int64_t persons;       /* e4 */
	int64_t charged_share; /* e4, 0..1 */
} dk_staff;

typedef struct {
	char *name;
	int64_t days; /* e4 */
	int semesters;
	bool basic, addon;
	bool own_day; /* its own day composition */
	dk_day day;
} dk_package;

typedef struct {
	char *institution;
	dk_project_type type;
	int64_t margin, min_margin; /* e4 */
	int64_t round_to;           /* øre, > 0 */
	int start_autumn;           /* 1: H (autumn), 0: V (spring) */
	int start_year;
	dk_role *roles;
	size_t n_roles;
	dk_activity *activities;
	size_t n_activities;
	dk_day day;
	dk_staff *staff;
	size_t n_staff;
	int64_t travel_per_day; /* øre */
	dk_package *packages;
	size_t n_packages;
} dk_pricing;

void dk_pricing_init(dk_pricing *p);
void dk_pricing_release(dk_pricing *p);

/* Index of the basic package (the reader makes sure there is one). */
size_t dk_pricing_basic(const dk_pricing *p);

/* "H2022", "V2023": the k-th term from the start (autumn, then spring). */
void dk_term_name(const dk_pricing *p, int k, char *buf, size_t size);

#endif

/*
 * report_show.h: the networks table as read, for `dekom show`.
 */
#ifndef DK_REPORT_SHOW_H
#define DK_REPORT_SHOW_H

#include "models/network.h"
#include "models/plan.h"

/* A newly allocated aligned table of every network and column as read, or
 * NULL when out of memory. */
char *dk_networks_table(const dk_networks *t, const dk_plan *p);

#endif

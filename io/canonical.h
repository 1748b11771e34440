/*
 * canonical.h: the networks table in its canonical JSON form, the form the
 * JSON reader reads. Reading a CSV file and writing it here gives the JSON
 * file that means the same; the tests compare the two byte for byte.
 */
#ifndef DK_CANONICAL_H
#define DK_CANONICAL_H

#include "models/network.h"
#include "models/plan.h"

/* A newly allocated, NUL-terminated JSON text (free with free()), or NULL
 * when out of memory. Network rows list every column of the table (an
 * empty amount as 0, an unstated percentage or answer as null); the totals
 * row lists only its stated cells. */
char *dk_networks_json(const dk_networks *t, const dk_plan *p);

#endif

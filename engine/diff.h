/*
 * diff.h: comparing two recommendations (`dekom diff`).
 */
#ifndef DK_ENGINE_DIFF_H
#define DK_ENGINE_DIFF_H

#include "models/diff.h"
#include "models/error.h"

/* Pairs the networks of old and new by name (new's order, then the ones
 * only old has), and the findings by (check, network, field): those only
 * new has were added, those only old has were resolved. d is initialised
 * here. */
dk_status dk_diff_run(const dk_rec_file *old, const dk_rec_file *new, dk_diff *d);

#endif

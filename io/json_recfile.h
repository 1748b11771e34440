/*
 * json_recfile.h: reading back a `recommend -f json` output for `dekom
 * diff`. Fields dekom does not need are skipped (a newer dekom may have
 * added some); a needed field that is missing or of the wrong type is bad
 * input at its place in the file.
 */
#ifndef DK_JSON_RECFILE_H
#define DK_JSON_RECFILE_H

#include "io/text.h"
#include "models/diff.h"

dk_status dk_rec_file_read(const dk_input *in, dk_rec_file *f, dk_error *d);

/* A recommendation or a combined one (`recommend -c -f json`): one part
 * without an id, or a part per scheme with its id (set->combined). */
dk_status dk_rec_set_read(const dk_input *in, dk_rec_set *set, dk_error *d);

#endif

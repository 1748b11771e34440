/*
 * cases.c: releasing a case file (see cases.h).
 */
#include "models/cases.h"

#include <stdlib.h>
#include <string.h>

void dk_case_file_release(dk_case_file *f)
{
	for (size_t i = 0; i < f->n; i++) {
		dk_scheme_ref *s = &f->schemes[i];
		free(s->id), free(s->name), free(s->networks), free(s->columns);
		free(s->plan), free(s->input), free(s->sheet);
	}
	free(f->schemes);
	free(f->title.forum), free(f->title.meeting), free(f->title.case_no);
	memset(f, 0, sizeof *f);
}

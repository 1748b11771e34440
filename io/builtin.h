/*
 * builtin.h: the Trøndelag 2022 case compiled into the program.
 *
 * The bytes come from fixtures/trondelag-2022/ at build time
 * (cmake/embed.cmake), so the built-in case is the fixture, not a copy of
 * it. Each function fills an input as if the file had been read.
 */
#ifndef DK_BUILTIN_H
#define DK_BUILTIN_H

#include "io/text.h"

#define DK_BUILTIN_PREFIX "built-in:trondelag-2022/"

dk_status dk_builtin_networks_input(dk_input *in);
dk_status dk_builtin_columns_input(dk_input *in);
dk_status dk_builtin_plan_input(dk_input *in);

#endif

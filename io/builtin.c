/*
 * builtin.c: the built-in case as inputs (see builtin.h).
 */
#include "io/builtin.h"

extern const unsigned char dk_builtin_networks[];
extern const size_t dk_builtin_networks_len;
extern const unsigned char dk_builtin_columns[];
extern const size_t dk_builtin_columns_len;
extern const unsigned char dk_builtin_plan[];
extern const size_t dk_builtin_plan_len;

dk_status dk_builtin_networks_input(dk_input *in)
{
	return dk_input_builtin(in, DK_BUILTIN_PREFIX "trondelag-2022-innstilling.csv",
				dk_builtin_networks, dk_builtin_networks_len);
}

dk_status dk_builtin_columns_input(dk_input *in)
{
	return dk_input_builtin(in, DK_BUILTIN_PREFIX "columns.json", dk_builtin_columns,
				dk_builtin_columns_len);
}

dk_status dk_builtin_plan_input(dk_input *in)
{
	return dk_input_builtin(in, DK_BUILTIN_PREFIX "plan.json", dk_builtin_plan,
				dk_builtin_plan_len);
}

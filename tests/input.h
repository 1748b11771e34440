/*
 * input.h: a built-in input for a unit test, from a C string, decoded as
 * the readers expect it; the test stops on any problem (the text is the
 * test's own, so a problem is a fault of the test).
 */
#ifndef DK_TEST_INPUT_H
#define DK_TEST_INPUT_H

#include <check.h>
#include <string.h>

#include "io/text.h"

static inline void dk_test_input(dk_input *in, const char *name, const char *text)
{
	dk_input_init(in);
	ck_assert_int_eq(dk_input_builtin(in, name, (const unsigned char *)text,
					  strlen(text)),
			 DK_OK);
	dk_error d;
	dk_error_init(&d);
	ck_assert_int_eq(dk_input_decode(in, &d), DK_OK);
	dk_error_release(&d);
}

#endif

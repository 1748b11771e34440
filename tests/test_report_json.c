/*
 * test_report_json.c: the recommendation's JSON written as it is made
 * (dk_report_json_into, handed on in 64 KiB pieces) is byte for byte
 * cJSON_Print of the whole tree (dk_report_cjson), on a case whose JSON is
 * several hundred KiB, with names holding the bytes the writer uses as
 * placeholders (U+0001, U+0002) and other control characters.
 */
#include <check.h>
#include <cjson/cJSON.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/recommend.h"
#include "input.h"
#include "io/json_out.h"
#include "io/json_plan.h"
#include "io/networks.h"
#include "io/report.h"
#include "io/strbuf.h"

#define N 400

static int collect(void *ctx, const char *s, size_t n)
{
	dk_strbuf *all = ctx;
	dk_strbuf_add(all, s, n);
	return 0;
}

typedef struct {
	char *nets_text;
	dk_input plan_in, net_in;
	dk_plan plan;
	dk_networks t;
	dk_error d;
	dk_recommendation rec;
	dk_report r;
} fx;

/* Reads the plan and the networks' text (owned by f), recommends, and
 * makes the report of it. */
static void fx_load(fx *f, const char *plan_text, char *nets_text)
{
	memset(f, 0, sizeof *f);
	ck_assert_ptr_nonnull(nets_text);
	f->nets_text = nets_text;
	dk_error_init(&f->d);
	dk_test_input(&f->plan_in, "plan.json", plan_text);
	dk_test_input(&f->net_in, "nets.json", nets_text);
	ck_assert_int_eq(dk_plan_read(&f->plan_in, &f->plan, &f->d), DK_OK);
	dk_read_opts ro = {&f->plan, NULL, DK_DEC_AUTO, false, NULL};
	ck_assert_int_eq(dk_networks_read(&f->net_in, &ro, &f->t, &f->d), DK_OK);
	ck_assert_int_eq(dk_recommend(&f->plan, &f->t, &f->rec), DK_OK);
	f->r.plan = &f->plan;
	f->r.nets = &f->t;
	f->r.rec = &f->rec;
}

static void fx_release(fx *f)
{
	free(f->nets_text);
	dk_recommendation_release(&f->rec);
	dk_networks_release(&f->t);
	dk_plan_release(&f->plan);
	dk_input_release(&f->plan_in);
	dk_input_release(&f->net_in);
	dk_error_release(&f->d);
}

START_TEST(streamed_equals_whole_tree)
{
	static const char plan_text[] =
		"{\"year\": 2023, \"institutions\": [{\"id\": \"A\"}, {\"id\": \"B\"}],"
		" \"frame\": {\"prorata\": 300000000, \"direct\": {\"amount\": 1000000, \"split\": \"equal\"}},"
		" \"allocation\": {\"method\": \"need\"}}";
	dk_strbuf nets = {0};
	dk_strbuf_puts(&nets, "{\"networks\": [");
	for (int k = 0; k < N; k++)
		dk_strbuf_printf(
			&nets,
			"%s{\"network\": \"N%d \\u0001\\u0002\\t\\\"x\\\"\", \"need\": %d,"
			" \"previous\": %d, \"own\": %d, \"uh\": {\"A\": %d, \"B\": 0}}",
			k ? ", " : "", k, 500000 + 997 * k, 400000 + 13 * k, 1000 * k,
			200000);
	dk_strbuf_puts(&nets, "]}");
	fx f;
	fx_load(&f, plan_text, dk_strbuf_done(&nets));
	ck_assert(f.rec.produced);
	ck_assert_uint_gt(f.rec.findings.n, 0);
	const dk_report *r = &f.r;

	cJSON *tree = dk_report_cjson(r);
	char *whole = cJSON_Print(tree);
	cJSON_Delete(tree);
	ck_assert_ptr_nonnull(whole);
	ck_assert_uint_gt(strlen(whole), 4 * 65536);

	char *direct = dk_report_json(r);
	ck_assert_ptr_nonnull(direct);
	ck_assert_str_eq(direct, whole);

	dk_strbuf all = {0}, b = {0};
	b.flush = collect;
	b.flush_ctx = &all;
	ck_assert_int_eq(dk_report_json_into(r, &b), 0);
	ck_assert_int_eq(dk_strbuf_flush(&b), 0);
	char *streamed = dk_strbuf_done(&all);
	ck_assert_ptr_nonnull(streamed);
	ck_assert_str_eq(streamed, whole);

	free(streamed);
	free(b.data);
	free(direct);
	free(whole);
	fx_release(&f);
}
END_TEST

/* Strings written in text mode (eight bytes at a time where none needs an
 * escape) as cJSON prints them: every length up to 40 and so every place
 * of the special bytes within a word, with '"', '\\', control bytes, UTF-8
 * and plain ASCII mixed. */
START_TEST(strings_as_cjson_prints_them)
{
	static const unsigned char pool[] = {'"',  '\\', 1,    2,    8,    9,    10,
					     12,   13,   31,   ' ',  'a',  'Z',  '0',
					     0x7f, 0xc3, 0xa5, 0xe2, 0x88, 0x92, '/'};
	uint64_t z = 42;
	for (int round = 0; round < 20000; round++) {
		char s[48];
		size_t len = (size_t)round % 41;
		for (size_t i = 0; i < len; i++) {
			z = z * 6364136223846793005ULL + 1442695040888963407ULL;
			/* mostly plain letters, so that whole words pass */
			unsigned r = (unsigned)(z >> 33);
			s[i] = r % 4 ? (char)('a' + r % 26)
				     : (char)pool[(r >> 8) % sizeof pool];
		}
		s[len] = '\0';
		dk_strbuf b = {0};
		dk_jw w;
		dk_jw_text(&w, &b, 0);
		dk_jw_open(&w, NULL);
		dk_jw_string(&w, s, s);
		dk_jw_close(&w);
		cJSON *o = cJSON_CreateObject();
		ck_assert_ptr_nonnull(cJSON_AddStringToObject(o, s, s));
		char *want = cJSON_Print(o);
		char *got = dk_strbuf_done(&b);
		ck_assert_ptr_nonnull(got);
		ck_assert_msg(strcmp(got, want) == 0, "round %d: %s\nexpected %s", round,
			      got, want);
		free(got);
		free(want);
		cJSON_Delete(o);
	}
}
END_TEST

/* A hand-on that fails stops the writer: nothing after the failure is
 * handed on. */
static int fail_second(void *ctx, const char *s, size_t n)
{
	(void)s;
	(void)n;
	int *calls = ctx;
	return ++*calls >= 2 ? -1 : 0;
}

START_TEST(failed_hand_on_stops)
{
	static const char plan_text[] =
		"{\"year\": 2023, \"institutions\": [{\"id\": \"A\"}],"
		" \"frame\": {\"prorata\": 300000000}, \"allocation\": {\"method\": \"need\"}}";
	dk_strbuf nets = {0};
	dk_strbuf_puts(&nets, "{\"networks\": [");
	for (int k = 0; k < N; k++)
		dk_strbuf_printf(&nets, "%s{\"network\": \"N%d\", \"need\": %d}",
				 k ? ", " : "", k, 500000 + k);
	dk_strbuf_puts(&nets, "]}");
	fx f;
	fx_load(&f, plan_text, dk_strbuf_done(&nets));
	int calls = 0;
	dk_strbuf b = {0};
	b.flush = fail_second;
	b.flush_ctx = &calls;
	ck_assert_int_eq(dk_report_json_into(&f.r, &b), -1);
	ck_assert_int_eq(calls, 2);
	ck_assert_int_eq(dk_strbuf_flush(&b), -1);
	ck_assert_int_eq(calls, 2);
	free(b.data);
	fx_release(&f);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("report_json");
	TCase *tc = tcase_create("report_json");
	tcase_add_test(tc, streamed_equals_whole_tree);
	tcase_add_test(tc, strings_as_cjson_prints_them);
	tcase_add_test(tc, failed_hand_on_stops);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

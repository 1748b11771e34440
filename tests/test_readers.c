/*
 * test_readers.c: the networks readers (CSV and JSON), the plan reader and
 * the text decoder, on the forum's real 2022 tables.
 *
 * The two tables of ../shared/data are copied byte for byte into
 * fixtures/trondelag-2022/, with the column map the forum's sheet needs and
 * the canonical JSON form of each. Every variant (Windows-1252, comma-
 * delimited with every field quoted) must read to that same JSON text.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/canonical.h"
#include "io/colmap.h"
#include "io/json_plan.h"
#include "io/networks.h"
#include "io/text.h"

#define CASE DK_SOURCE_DIR "/fixtures/trondelag-2022/"

typedef struct {
	dk_input plan_in, map_in, net_in;
	dk_plan plan;
	dk_colmap map;
	dk_networks nets;
	dk_diags d;
} loaded;

static void load_input(dk_input *in, const char *path, dk_diags *d)
{
	dk_input_init(in);
	ck_assert_int_eq(dk_input_read(in, path, d), DK_OK);
	ck_assert_int_eq(dk_input_decode(in, d), DK_OK);
}

/* Reads networks `path` with the 2022 plan and column map; returns the
 * status of the networks reader. */
static dk_status load(loaded *l, const char *path)
{
	memset(l, 0, sizeof *l);
	dk_diags_init(&l->d);
	load_input(&l->plan_in, CASE "plan.json", &l->d);
	ck_assert_int_eq(dk_plan_read(&l->plan_in, &l->plan, &l->d), DK_OK);
	load_input(&l->map_in, CASE "columns.json", &l->d);
	dk_colmap_init(&l->map);
	ck_assert_int_eq(dk_colmap_parse(&l->map, &l->map_in, &l->d), DK_OK);
	dk_input_init(&l->net_in);
	ck_assert_int_eq(dk_input_read(&l->net_in, path, &l->d), DK_OK);
	dk_status st = dk_input_decode(&l->net_in, &l->d);
	if (st != DK_OK)
		return st;
	dk_read_opts o = {&l->plan, &l->map, DK_DEC_AUTO, false};
	return dk_networks_read(&l->net_in, &o, &l->nets, &l->d);
}

static void unload(loaded *l)
{
	dk_networks_release(&l->nets);
	dk_colmap_release(&l->map);
	dk_plan_release(&l->plan);
	dk_input_release(&l->plan_in);
	dk_input_release(&l->map_in);
	dk_input_release(&l->net_in);
	dk_diags_release(&l->d);
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	ck_assert_ptr_nonnull(f);
	static char buf[1 << 16];
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	return strdup(buf);
}

/* The canonical JSON of a networks file equals the committed JSON form. */
static void assert_reads_as(const char *path, const char *json_path)
{
	loaded l;
	ck_assert_int_eq(load(&l, path), DK_OK);
	ck_assert_uint_eq(l.d.n, 0);
	char *got = dk_networks_json(&l.nets, &l.plan);
	char *want = slurp(json_path);
	ck_assert_ptr_nonnull(got);
	/* the committed file ends with a newline */
	size_t n = strlen(want);
	if (n && want[n - 1] == '\n')
		want[n - 1] = '\0';
	ck_assert_str_eq(got, want);
	free(got);
	free(want);
	unload(&l);
}

START_TEST(innmeldt_as_given)
{
	assert_reads_as(CASE "trondelag-2022-innmeldt.csv",
			CASE "trondelag-2022-innmeldt.json");
}
END_TEST

START_TEST(innmeldt_windows_1252)
{
	assert_reads_as(CASE "variants/innmeldt-cp1252.csv",
			CASE "trondelag-2022-innmeldt.json");
}
END_TEST

START_TEST(innmeldt_comma_quoted)
{
	assert_reads_as(CASE "variants/innmeldt-comma.csv",
			CASE "trondelag-2022-innmeldt.json");
}
END_TEST

START_TEST(innmeldt_json_reads_back)
{
	assert_reads_as(CASE "trondelag-2022-innmeldt.json",
			CASE "trondelag-2022-innmeldt.json");
}
END_TEST

START_TEST(innstilling_as_given)
{
	assert_reads_as(CASE "trondelag-2022-innstilling.csv",
			CASE "trondelag-2022-innstilling.json");
}
END_TEST

START_TEST(innstilling_windows_1252)
{
	assert_reads_as(CASE "variants/innstilling-cp1252.csv",
			CASE "trondelag-2022-innstilling.json");
}
END_TEST

START_TEST(innstilling_comma_quoted)
{
	/* this variant also writes one amount as "3 309 141,00" */
	assert_reads_as(CASE "variants/innstilling-comma.csv",
			CASE "trondelag-2022-innstilling.json");
}
END_TEST

START_TEST(innstilling_json_reads_back)
{
	assert_reads_as(CASE "trondelag-2022-innstilling.json",
			CASE "trondelag-2022-innstilling.json");
}
END_TEST

/* Values a person can read off the slide, cell by cell. */
START_TEST(innmeldt_values_by_hand)
{
	loaded l;
	ck_assert_int_eq(load(&l, CASE "trondelag-2022-innmeldt.csv"), DK_OK);
	ck_assert_uint_eq(l.nets.n, 11);
	int ntnu = dk_plan_institution(&l.plan, "NTNU");
	int nord = dk_plan_institution(&l.plan, "Nord U");
	ck_assert_int_eq(ntnu, 0);
	ck_assert_int_eq(nord, 1);
	const dk_network *tm = &l.nets.items[0];
	ck_assert_str_eq(tm->name, "Trondheim/Malvik");
	ck_assert_int_eq(tm->v[DK_COL_PREVIOUS], 3309141);
	ck_assert_int_eq(tm->v[DK_COL_NEED], 3525000);
	ck_assert_int_eq(tm->v[DK_COL_SELF_FINANCING], 3851250);
	ck_assert_int_eq(tm->v[DK_COL_OWN], 1395000);
	ck_assert(!dk_network_has(tm, DK_COL_COORDINATOR));
	ck_assert_int_eq(tm->v[DK_COL_COORDINATOR], 0);
	ck_assert_int_eq(tm->v[DK_COL_STATED_OWN_PCT], 4000);
	ck_assert_int_eq(tm->v[DK_COL_STATED_UH_PCT], 6000);
	ck_assert_int_eq(tm->uh[nord], 100000);
	ck_assert_int_eq(tm->uh[ntnu], 935000);
	ck_assert_int_eq(tm->v[DK_COL_UH_OTHER], 1095000);
	ck_assert_int_eq(tm->line, 2);
	const dk_network *ts = &l.nets.items[4];
	ck_assert_str_eq(ts->name, "Trøndelag sørvest");
	ck_assert_int_eq(ts->v[DK_COL_NEED], 1100000);
	const dk_network *vn = &l.nets.items[5];
	ck_assert_str_eq(vn->name, "Værnesnettverket");
	ck_assert(!dk_network_has(vn, DK_COL_STATED_OWN_PCT));
	ck_assert(!dk_network_has(vn, DK_COL_STATED_UH_PCT));
	ck_assert(l.nets.has_totals);
	ck_assert_int_eq(l.nets.totals_line, 13);
	ck_assert_int_eq(l.nets.totals.v[DK_COL_PREVIOUS], 13708645);
	ck_assert_int_eq(l.nets.totals.v[DK_COL_NEED], 15993692);
	ck_assert(!dk_network_has(&l.nets.totals, DK_COL_OWN));
	unload(&l);
}
END_TEST

START_TEST(innstilling_values_by_hand)
{
	loaded l;
	ck_assert_int_eq(load(&l, CASE "trondelag-2022-innstilling.csv"), DK_OK);
	ck_assert_uint_eq(l.nets.n, 11);
	ck_assert(!((l.nets.columns >> DK_COL_STATED_UH_PCT) & 1u));
	const dk_network *vl = &l.nets.items[6];
	ck_assert_str_eq(vl->name, "Verdal/Levanger");
	ck_assert_int_eq(vl->v[DK_COL_NEED], 1306412);
	ck_assert_int_eq(vl->v[DK_COL_STATED_RECOMMENDED], 842950);
	const dk_network *yn = &l.nets.items[8];
	ck_assert_int_eq(yn->v[DK_COL_SELF_FINANCING], 450000);  /* "450000" */
	ck_assert_int_eq(l.nets.totals.v[DK_COL_NEED], 16053692);
	unload(&l);
}
END_TEST

START_TEST(decoder)
{
	dk_diags d;
	dk_input in;
	dk_diags_init(&d);
	/* a BOM is dropped */
	dk_input_init(&in);
	static const unsigned char bom[] = "\xEF\xBB\xBFnetwork;need\n";
	ck_assert_int_eq(dk_input_builtin(&in, "bom.csv", bom, sizeof bom - 1), DK_OK);
	ck_assert_int_eq(dk_input_decode(&in, &d), DK_OK);
	ck_assert_str_eq(in.text, "network;need\n");
	ck_assert_int_eq(in.converted, 0);
	dk_input_release(&in);
	/* Windows-1252: ø is 0xF8, the en dash 0x96 */
	dk_input_init(&in);
	static const unsigned char cp[] = "S\xF8rvest;\x96\n";
	ck_assert_int_eq(dk_input_builtin(&in, "cp.csv", cp, sizeof cp - 1), DK_OK);
	ck_assert_int_eq(dk_input_decode(&in, &d), DK_OK);
	ck_assert_str_eq(in.text, "S\xC3\xB8rvest;\xE2\x80\x93\n");
	ck_assert_int_eq(in.converted, 1);
	dk_input_release(&in);
	/* 0x81 is not a Windows-1252 character: line 2, column 3 */
	dk_input_init(&in);
	static const unsigned char bad[] = "a;b\nS\xF8\x81;1\n";
	ck_assert_int_eq(dk_input_builtin(&in, "bad.csv", bad, sizeof bad - 1), DK_OK);
	ck_assert_int_eq(dk_input_decode(&in, &d), DK_EINPUT);
	ck_assert_uint_eq(d.n, 1);
	ck_assert_int_eq(d.items[0].line, 2);
	ck_assert_int_eq(d.items[0].col, 3);
	dk_input_release(&in);
	dk_diags_release(&d);
}
END_TEST

START_TEST(positions_count_characters)
{
	int line, col;
	const char *t = "ab\nTr\xC3\xB8ndelag;x";
	dk_text_position(t, 14, &line, &col);  /* the x */
	ck_assert_int_eq(line, 2);
	ck_assert_int_eq(col, 11);
}
END_TEST

START_TEST(builtin_plan)
{
	loaded l;
	ck_assert_int_eq(load(&l, CASE "trondelag-2022-innstilling.csv"), DK_OK);
	const dk_plan *p = &l.plan;
	ck_assert_int_eq(p->year, 2022);
	ck_assert_uint_eq(p->n_institutions, 2);
	ck_assert_str_eq(p->institutions[0].id, "NTNU");
	ck_assert_str_eq(p->institutions[1].id, "Nord");
	ck_assert(p->has_total && p->has_prorata);
	ck_assert_int_eq(p->total, 20700000);
	ck_assert_int_eq(p->prorata, 15300000);
	ck_assert_int_eq(p->direct, 5000000);
	ck_assert_int_eq(p->split, DK_SPLIT_EQUAL);
	ck_assert_uint_eq(p->n_measures, 2);
	ck_assert_int_eq(p->measures[0].amount, 0);
	ck_assert_int_eq(p->measures[1].amount, 400000);
	ck_assert_int_eq(p->method, DK_METHOD_STATUS_QUO);
	ck_assert(p->cap_at_need);
	ck_assert_int_eq(p->rounding, 1);
	ck_assert_int_eq(p->checks[DK_CHECK_COORDINATOR_SHARE].param[0], 250000);
	unload(&l);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("readers");
	TCase *tc = tcase_create("trondelag-2022");
	tcase_add_test(tc, innmeldt_as_given);
	tcase_add_test(tc, innmeldt_windows_1252);
	tcase_add_test(tc, innmeldt_comma_quoted);
	tcase_add_test(tc, innmeldt_json_reads_back);
	tcase_add_test(tc, innstilling_as_given);
	tcase_add_test(tc, innstilling_windows_1252);
	tcase_add_test(tc, innstilling_comma_quoted);
	tcase_add_test(tc, innstilling_json_reads_back);
	tcase_add_test(tc, innmeldt_values_by_hand);
	tcase_add_test(tc, innstilling_values_by_hand);
	tcase_add_test(tc, decoder);
	tcase_add_test(tc, positions_count_characters);
	tcase_add_test(tc, builtin_plan);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

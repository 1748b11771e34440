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
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io/canonical.h"
#include "io/colmap.h"
#include "io/i18n.h"
#include "io/json_plan.h"
#include "io/networks.h"
#include "io/text.h"

#define CASE DK_SOURCE_DIR "/fixtures/trondelag-2022/"

typedef struct {
	dk_input plan_in, map_in, net_in;
	dk_plan plan;
	dk_colmap map;
	dk_networks nets;
	dk_error d;
} loaded;

static void load_input(dk_input *in, const char *path, dk_error *d)
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
	dk_error_init(&l->d);
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
	dk_read_opts o = {&l->plan, &l->map, DK_DEC_AUTO, false, NULL};
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
	dk_error_release(&l->d);
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
	ck_assert_uint_eq(l.nets.cap, 11); /* no room kept beyond the rows */
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
	ck_assert_int_eq(tm->v[DK_COL_STATED_OWN_PCT], 40 * DK_PCT_ONE);
	ck_assert_int_eq(tm->v[DK_COL_STATED_UH_PCT], 60 * DK_PCT_ONE);
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
	ck_assert_int_eq(yn->v[DK_COL_SELF_FINANCING], 450000); /* "450000" */
	ck_assert_int_eq(l.nets.totals.v[DK_COL_NEED], 16053692);
	unload(&l);
}
END_TEST

START_TEST(decoder)
{
	dk_error d;
	dk_input in;
	dk_error_init(&d);
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
	dk_error_release(&d);
}
END_TEST

/* Writes n bytes to path and reads them back as an input (not decoded). */
static void write_and_read(const char *path, const char *bytes, size_t n, dk_input *in,
			   dk_error *d)
{
	FILE *f = fopen(path, "wb");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(bytes, 1, n, f), n);
	fclose(f);
	dk_input_init(in);
	dk_error_init(d);
	ck_assert_int_eq(dk_input_read(in, path, d), DK_OK);
}

/* A file read as UTF-8 is its own text: no second copy, the NUL in the
 * room after the bytes (also for a file of exactly the size the reader
 * grows to, 64 KiB), a byte-order mark left out of the text but not out
 * of the hash, and the hash the same before and after. */
START_TEST(text_is_the_bytes_read)
{
	static const size_t sizes[] = {1, 100, 65535, 65536, 65537, 131072};
	char path[] = "/tmp/dekom-text-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	close(fd);
	dk_input in;
	dk_error d;
	for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++)
		for (int bom = 0; bom < 2; bom++) {
			size_t n = sizes[k];
			char *bytes = malloc(n);
			ck_assert_ptr_nonnull(bytes);
			for (size_t i = 0; i < n; i++)
				bytes[i] = (char)('a' + i % 26);
			if (bom && n >= 3)
				memcpy(bytes, "\xEF\xBB\xBF", 3);
			write_and_read(path, bytes, n, &in, &d);
			char before[65], after[65];
			dk_input_sha256(&in, before);
			ck_assert_int_eq(dk_input_decode(&in, &d), DK_OK);
			dk_input_sha256(&in, after);
			ck_assert_str_eq(before, after);
			size_t skip = bom && n >= 3 ? 3 : 0;
			ck_assert_int_eq(in.text_in_raw, 1);
			ck_assert_uint_eq(in.len, n - skip);
			ck_assert_uint_eq(strlen(in.text), n - skip);
			ck_assert_int_eq(memcmp(in.text, bytes + skip, n - skip), 0);
			dk_input_release(&in);
			dk_error_release(&d);
			free(bytes);
		}
	/* converted text is a text of its own */
	static const char cp[] = "S\xF8rvest;1\n";
	write_and_read(path, cp, sizeof cp - 1, &in, &d);
	ck_assert_int_eq(dk_input_decode(&in, &d), DK_OK);
	ck_assert_int_eq(in.text_in_raw, 0);
	ck_assert_str_eq(in.text, "S\xC3\xB8rvest;1\n");
	dk_input_release(&in);
	dk_error_release(&d);
	unlink(path);
}
END_TEST

START_TEST(positions_count_characters)
{
	int line, col;
	const char *t = "ab\nTr\xC3\xB8ndelag;x";
	dk_text_position(t, 14, &line, &col); /* the x */
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

/* --- Ordinary sheet variations (RULES.md section 5): text in, table or
 * diagnostics out. --- */

/* A small plan: two institutions, plan year 2022, the given method and
 * direct split. */
static void small_plan(dk_plan *p, const char *method, const char *direct)
{
	char text[600];
	snprintf(text, sizeof text,
		 "{\"year\": 2022, \"institutions\": [{\"id\": \"NTNU\"}, "
		 "{\"id\": \"Nord\"}], \"frame\": {\"prorata\": 600000%s}, "
		 "\"allocation\": {\"method\": \"%s\"}}",
		 direct, method);
	dk_input in;
	dk_error d;
	dk_input_init(&in);
	dk_error_init(&d);
	ck_assert_int_eq(dk_input_builtin(&in, "plan.json", (const unsigned char *)text,
					  strlen(text)),
			 DK_OK);
	ck_assert_int_eq(dk_input_decode(&in, &d), DK_OK);
	ck_assert_int_eq(dk_plan_read(&in, p, &d), DK_OK);
	dk_input_release(&in);
	dk_error_release(&d);
}

typedef struct {
	dk_input in;
	dk_networks t;
	dk_error d;
	int header_line;
} sheet;

/* Reads `text` as the networks file nets.csv (or .json) against p. */
static dk_status read_sheet(sheet *s, const char *text, const dk_plan *p,
			    dk_decimal_mode mode, bool supplement)
{
	dk_input_init(&s->in);
	dk_error_init(&s->d);
	ck_assert_int_eq(dk_input_builtin(&s->in, "nets.csv", (const unsigned char *)text,
					  strlen(text)),
			 DK_OK);
	dk_status st = dk_input_decode(&s->in, &s->d);
	if (st != DK_OK)
		return st;
	dk_read_opts o = {p, NULL, mode, supplement, NULL};
	return dk_networks_read_at(&s->in, &o, &s->t, &s->header_line, &s->d);
}

static void sheet_release(sheet *s)
{
	dk_networks_release(&s->t);
	dk_input_release(&s->in);
	dk_error_release(&s->d);
}

static void assert_diag(const dk_error *d, size_t i, int line, int col, const char *part)
{
	ck_assert_uint_gt(d->n, i);
	ck_assert_int_eq(d->items[i].line, line);
	ck_assert_int_eq(d->items[i].col, col);
	ck_assert_msg(strstr(d->items[i].message, part) != NULL,
		      "message '%s' does not say '%s'", d->items[i].message, part);
}

START_TEST(totals_labels)
{
	static const char *const yes[] = {"",
					  "Sum",
					  "Summer",
					  "Total",
					  "Totalt",
					  "Totalsum",
					  "Sum totalt",
					  "Totalt sum",
					  "I alt",
					  "Samlet",
					  "  i   ALT ",
					  "SUM\tTOTALT",
					  "\xC2\xA0Samlet\xC2\xA0",
					  "totalSUM"};
	static const char *const no[] = {"Summen", "I alt for Fosen", "Samlet Namdal",
					 "Fosen",  "Ialt x",          "Sum totalt 2022"};
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
		ck_assert_msg(dk_is_totals_name(yes[i]), "'%s' is a totals label",
			      yes[i]);
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
		ck_assert_msg(!dk_is_totals_name(no[i]), "'%s' is a network", no[i]);
	/* both rules at once, as the readers ask */
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
		ck_assert_int_eq(dk_name_kind_of(yes[i]), DK_NAME_TOTALS);
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
		ck_assert_int_eq(dk_name_kind_of(no[i]),
				 dk_looks_like_totals(no[i]) ? DK_NAME_TOTALS_LIKE
							     : DK_NAME_NETWORK);
	ck_assert_int_eq(dk_name_kind_of("Fosen"), DK_NAME_NETWORK);
	ck_assert_int_eq(dk_name_kind_of("I alt for Fosen"), DK_NAME_TOTALS_LIKE);
}
END_TEST

START_TEST(i_alt_is_the_totals_row)
{
	dk_plan p;
	sheet s;
	small_plan(&p, "status_quo", "");
	ck_assert_int_eq(read_sheet(&s,
				    "network;previous;need\n"
				    "Fosen;400 000;500 000\n"
				    "Namdal;300 000;300 000\n"
				    "I alt;700 000;800 000\n",
				    &p, DK_DEC_AUTO, false),
			 DK_OK);
	ck_assert_uint_eq(s.t.n, 2);
	ck_assert(s.t.has_totals);
	ck_assert_int_eq(s.t.totals_line, 4);
	ck_assert_int_eq(s.t.totals.v[DK_COL_NEED], 800000);
	sheet_release(&s);
	dk_plan_release(&p);
}
END_TEST

START_TEST(note_under_the_table)
{
	dk_plan p;
	sheet s;
	small_plan(&p, "status_quo", "");
	/* a note is bad input; '-' is a figure; an empty labelled totals row
	 * is just an empty totals row */
	ck_assert_int_eq(read_sheet(&s,
				    "network;previous;need\n"
				    "Fosen;400 000;500 000\n"
				    "Hitra;-;\n"
				    "Sum;;\n"
				    "Merknad: tall fra mars;;\n",
				    &p, DK_DEC_AUTO, false),
			 DK_EINPUT);
	ck_assert_uint_eq(s.d.n, 1);
	assert_diag(&s.d, 0, 5, 1, "'Merknad: tall fra mars' has a name but no figures");
	sheet_release(&s);
	/* in a second file that adds columns by name, no figures is fine */
	ck_assert_int_eq(read_sheet(&s, "network;up1\nFosen;NTNU\n", &p, DK_DEC_AUTO,
				    true),
			 DK_OK);
	sheet_release(&s);
	/* the same in JSON */
	ck_assert_int_eq(read_sheet(&s,
				    "{\"networks\": [{\"network\": \"Fosen\", "
				    "\"need\": 1}, {\"network\": \"Merknad\", "
				    "\"need\": null}]}",
				    &p, DK_DEC_AUTO, false),
			 DK_EINPUT);
	assert_diag(&s.d, 0, 1, 60, "'Merknad' has a name but no figures");
	sheet_release(&s);
	dk_plan_release(&p);
}
END_TEST

START_TEST(title_line_above_the_header)
{
	dk_plan p;
	sheet s;
	small_plan(&p, "status_quo", "");
	/* a title without delimiters, in a comma-delimited file */
	ck_assert_int_eq(read_sheet(&s,
				    "Budsjett 2022\n"
				    "network,previous,need\n"
				    "Fosen,\"400 000\",\"500 000\"\n",
				    &p, DK_DEC_AUTO, false),
			 DK_OK);
	ck_assert_int_eq(s.header_line, 2);
	ck_assert_uint_eq(s.t.n, 1);
	ck_assert_int_eq(s.t.items[0].v[DK_COL_NEED], 500000);
	sheet_release(&s);
	/* two filled cells above the header: refused, and said so, rather
	 * than read as a header of unknown names */
	ck_assert_int_eq(read_sheet(&s,
				    "Budsjett;utkast;\n"
				    "network;previous;need\n"
				    "Fosen;400 000;500 000\n",
				    &p, DK_DEC_AUTO, false),
			 DK_EINPUT);
	assert_diag(&s.d, 0, 1, 1,
		    "line 1 holds a title, not the header; the "
		    "header is on line 2");
	ck_assert_uint_eq(s.d.n, 1);
	sheet_release(&s);
	/* a first line of unknown names with no known header below is still
	 * a header of unknown names */
	ck_assert_int_eq(read_sheet(&s,
				    "Budsjett;utkast\n"
				    "Fosen;500 000\n",
				    &p, DK_DEC_AUTO, false),
			 DK_EINPUT);
	assert_diag(&s.d, 0, 1, 1, "unknown header 'Budsjett'");
	sheet_release(&s);
	dk_plan_release(&p);
}
END_TEST

START_TEST(percentages_as_written)
{
	dk_plan p;
	sheet s;
	int64_t unit = DK_PCT_ONE / 100; /* a hundredth of a percent */
	small_plan(&p, "status_quo", "");
	ck_assert_int_eq(read_sheet(&s,
				    "network;previous;need;stated_own_pct;stated_uh_pct\n"
				    "Fosen;1;1;1 500,25 %;1000000000000\n",
				    &p, DK_DEC_AUTO, false),
			 DK_OK);
	ck_assert_int_eq(s.t.items[0].v[DK_COL_STATED_OWN_PCT], 150025 * unit);
	ck_assert_int_eq(s.t.items[0].v[DK_COL_STATED_UH_PCT],
			 INT64_C(100000000000000) * unit);
	sheet_release(&s);
	/* above 10^12, or one decimal more than the model keeps */
	char text[200];
	snprintf(text, sizeof text,
		 "network;previous;need;stated_own_pct;stated_uh_pct\n"
		 "Fosen;1;1;1000000000001;0,%0*d1\n",
		 DK_PCT_DECIMALS, 0);
	ck_assert_int_eq(read_sheet(&s, text, &p, DK_DEC_AUTO, false), DK_EINPUT);
	ck_assert_uint_eq(s.d.n, 2);
	assert_diag(&s.d, 0, 2, 11,
		    "is too large; expected a percentage of at most 10^12");
	assert_diag(&s.d, 1, 2, 25, "decimals");
	sheet_release(&s);
	dk_plan_release(&p);
}
END_TEST

START_TEST(whole_kroner_under_decimal_comma)
{
	dk_plan p;
	sheet s;
	small_plan(&p, "status_quo", "");
	ck_assert_int_eq(read_sheet(&s,
				    "network;previous;need;NTNU\n"
				    "Fosen;721,000;910 000,00;3 309 141,500\n",
				    &p, DK_DEC_COMMA, false),
			 DK_EINPUT);
	ck_assert_uint_eq(s.d.n, 2);
	assert_diag(&s.d, 0, 2, 7,
		    "'721,000' has three decimals under --decimal-comma, "
		    "but the column holds whole kroner");
	assert_diag(&s.d, 0, 2, 7, "give --decimal-point");
	assert_diag(&s.d, 1, 2, 26, "'3 309 141,500' has three decimals");
	sheet_release(&s);
	/* FTE may have a decimal comma and three digits when they are zeros */
	ck_assert_int_eq(read_sheet(&s,
				    "network;previous;need;fte\n"
				    "Fosen;721 155,00;910.000;318,700\n",
				    &p, DK_DEC_COMMA, false),
			 DK_OK);
	ck_assert_int_eq(s.t.items[0].v[DK_COL_PREVIOUS], 721155);
	ck_assert_int_eq(s.t.items[0].v[DK_COL_NEED], 910000);
	ck_assert_int_eq(s.t.items[0].v[DK_COL_FTE], 31870);
	sheet_release(&s);
	dk_plan_release(&p);
}
END_TEST

START_TEST(what_a_method_needs)
{
	dk_plan p;
	sheet s;
	/* status_quo without previous */
	small_plan(&p, "status_quo", "");
	ck_assert_int_eq(
		read_sheet(&s, "Network;Need\nFosen;1\n", &p, DK_DEC_AUTO, false), DK_OK);
	ck_assert_int_eq(dk_networks_check_plan(&p, &s.t, &s.in, s.header_line, &s.d),
			 DK_EINPUT);
	assert_diag(&s.d, 0, 1, 1,
		    "status_quo needs last year's amounts: no column "
		    "'2021' or 'previous'");
	sheet_release(&s);
	dk_plan_release(&p);
	/* prorata without fte, by_up1 without up1 */
	small_plan(&p, "prorata", ", \"direct\": {\"amount\": 1, \"split\": \"by_up1\"}");
	ck_assert_int_eq(
		read_sheet(&s, "network;need\nFosen;1\n", &p, DK_DEC_AUTO, false), DK_OK);
	ck_assert_int_eq(dk_networks_check_plan(&p, &s.t, &s.in, s.header_line, &s.d),
			 DK_EINPUT);
	ck_assert_uint_eq(s.d.n, 2);
	assert_diag(&s.d, 0, 1, 1,
		    "prorata needs teacher FTE: no column 'fte' or "
		    "'lærerårsverk'");
	assert_diag(&s.d, 1, 1, 1,
		    "by_up1 needs each network's UP1 assignment: no "
		    "column 'up1'");
	sheet_release(&s);
	/* prorata: an empty fte cell is bad input at the cell, '-' is 0 */
	ck_assert_int_eq(read_sheet(&s,
				    "network;need;fte;up1\nFosen;1;-;NTNU\n"
				    "Namdal;1; ;Nord\n",
				    &p, DK_DEC_AUTO, false),
			 DK_EINPUT);
	ck_assert_uint_eq(s.d.n, 1);
	assert_diag(&s.d, 0, 3, 10, "fte: the cell of network 'Namdal' is empty");
	sheet_release(&s);
	ck_assert_int_eq(read_sheet(&s,
				    "{\"networks\": [{\"network\": \"Fosen\", "
				    "\"need\": 1, \"fte\": 2},\n{\"network\": "
				    "\"Namdal\", \"need\": 1}]}",
				    &p, DK_DEC_AUTO, false),
			 DK_EINPUT);
	assert_diag(&s.d, 0, 2, 1, "fte: network 'Namdal' has no teacher FTE");
	sheet_release(&s);
	dk_plan_release(&p);
}
END_TEST

START_TEST(second_file_names_every_network)
{
	dk_plan p;
	sheet main_s, supp;
	small_plan(&p, "prorata", "");
	ck_assert_int_eq(read_sheet(&main_s,
				    "network;need\nFosen;1\nNamdal;1\n"
				    "Orkdal;1\n",
				    &p, DK_DEC_AUTO, false),
			 DK_OK);
	ck_assert_int_eq(read_sheet(&supp, "network;fte\nNamdal;2\n", &p, DK_DEC_AUTO,
				    true),
			 DK_OK);
	ck_assert_int_eq(dk_networks_merge(&main_s.t, &supp.t, &supp.in, supp.header_line,
					   "nets.csv", &supp.d),
			 DK_EINPUT);
	ck_assert_uint_eq(supp.d.n, 2);
	assert_diag(&supp.d, 0, 1, 1, "'Fosen' of nets.csv is not in this file");
	assert_diag(&supp.d, 1, 1, 1, "'Orkdal' of nets.csv is not in this file");
	sheet_release(&supp);
	sheet_release(&main_s);
	dk_plan_release(&p);
}
END_TEST

START_TEST(json_is_utf8)
{
	dk_error d;
	dk_input in;
	dk_error_init(&d);
	dk_input_init(&in);
	/* Latin-1 ø in a JSON file: bad input at its place, never Windows-1252 */
	static const unsigned char json[] = "{\"a\":\n \"S\xF8r\", \"b\": \"\xE6\"}";
	ck_assert_int_eq(dk_input_builtin(&in, "plan.json", json, sizeof json - 1),
			 DK_OK);
	ck_assert_int_eq(dk_input_decode(&in, &d), DK_EINPUT);
	ck_assert_uint_eq(d.n, 2);
	assert_diag(&d, 0, 2, 4,
		    "byte 0xF8 is not valid UTF-8; a JSON file must be UTF-8");
	assert_diag(&d, 1, 2, 15, "byte 0xE6");
	dk_input_release(&in);
	dk_error_release(&d);
}
END_TEST

/* Reads raw bytes (UTF-16, a zip, ...) as the networks file nets.csv. */
static dk_status read_bytes(sheet *s, const unsigned char *bytes, size_t len,
			    const dk_plan *p)
{
	dk_input_init(&s->in);
	dk_error_init(&s->d);
	ck_assert_int_eq(dk_input_builtin(&s->in, "nets.csv", bytes, len), DK_OK);
	dk_status st = dk_input_decode(&s->in, &s->d);
	if (st != DK_OK)
		return st;
	dk_read_opts o = {p, NULL, DK_DEC_AUTO, false, NULL};
	return dk_networks_read_at(&s->in, &o, &s->t, &s->header_line, &s->d);
}

START_TEST(cells_named_as_a_spreadsheet_names_them)
{
	dk_plan p;
	sheet s;
	small_plan(&p, "need", "");
	ck_assert_int_eq(read_sheet(&s,
				    "network;previous;need\n"
				    "Fosen;400 000;x\n",
				    &p, DK_DEC_AUTO, false),
			 DK_EINPUT);
	assert_diag(&s.d, 0, 2, 15, "cell C2: need: 'x' is not a number");
	sheet_release(&s);
	/* the 27th column is AA: 24 empty columns between B and AA */
	char text[400];
	snprintf(text, sizeof text, "network;previous%s;need\nFosen;1%s;x\n",
		 ";;;;;;;;;;;;;;;;;;;;;;;;", ";;;;;;;;;;;;;;;;;;;;;;;;");
	ck_assert_int_eq(read_sheet(&s, text, &p, DK_DEC_AUTO, false), DK_EINPUT);
	assert_diag(&s.d, 0, 2, 33, "cell AA2: need: 'x'");
	sheet_release(&s);
	/* a quoted name over two lines is one cell: the row after it is row
	 * 3 of the sheet, though it is on line 4 of the file */
	ck_assert_int_eq(read_sheet(&s,
				    "network;need\n"
				    "\"Fos\nen\";x\n"
				    "Namdal;y\n",
				    &p, DK_DEC_AUTO, false),
			 DK_EINPUT);
	assert_diag(&s.d, 0, 3, 5, "cell B2: need: 'x'");
	assert_diag(&s.d, 1, 4, 8, "cell B3: need: 'y'");
	sheet_release(&s);
	/* the same with CRLF, and with lone CRs (old Mac files), line breaks
	 * inside the quoted name too */
	static const char *const breaks[] = {
		"network;need\r\n\"Fos\r\nen\";x\r\nNamdal;y\r\n",
		"network;need\r\"Fos\ren\";x\rNamdal;y\r"};
	for (size_t k = 0; k < 2; k++) {
		ck_assert_int_eq(read_sheet(&s, breaks[k], &p, DK_DEC_AUTO, false),
				 DK_EINPUT);
		assert_diag(&s.d, 0, 3, 5, "cell B2: need: 'x'");
		assert_diag(&s.d, 1, 4, 8, "cell B3: need: 'y'");
		sheet_release(&s);
	}
	/* a header cell */
	ck_assert_int_eq(read_sheet(&s, "network;behov neste år\nFosen;1\n", &p,
				    DK_DEC_AUTO, false),
			 DK_EINPUT);
	assert_diag(&s.d, 0, 1, 9, "cell B1: unknown header 'behov neste år'");
	sheet_release(&s);
	dk_plan_release(&p);
}
END_TEST

START_TEST(headers_as_people_write_them)
{
	dk_plan p;
	sheet s;
	small_plan(&p, "status_quo", "");
	/* spaces, underscores and hyphens alike; labels as dekom prints them */
	ck_assert_int_eq(read_sheet(&s,
				    "Navn;Forrige-år;MELDT_BEHOV;Egen andel;uh-other\n"
				    "Fosen;400 000;500 000;100 000;1\n",
				    &p, DK_DEC_AUTO, false),
			 DK_OK);
	ck_assert_int_eq(s.t.items[0].v[DK_COL_PREVIOUS], 400000);
	ck_assert_int_eq(s.t.items[0].v[DK_COL_NEED], 500000);
	ck_assert_int_eq(s.t.items[0].v[DK_COL_OWN], 100000);
	ck_assert_int_eq(s.t.items[0].v[DK_COL_UH_OTHER], 1);
	sheet_release(&s);
	/* dekom's own Norwegian table: "Nettverk" is the name when
	 * "Nettverk (egen)" is the own share; the columns dekom computes are
	 * read and ignored, the recommended amount is a stated one, and an
	 * institution reads by its id or after uh_ */
	ck_assert_int_eq(
		read_sheet(&s,
			   "Nettverk;Forrige år;Meldt behov;Lærerårsverk;"
			   "Anbefalt;Status;Nettverk (egen);Koordinator;"
			   "NTNU;uh_Nord;Andre/usikker;Uspesifisert;UH-andel;Funn\n"
			   "Fosen;400 000;500 000;0,00;400 000;tak;100 000;0;"
			   "200 000;50 000;50 000;0;0,5;row-sum\n",
			   &p, DK_DEC_AUTO, false),
		DK_OK);
	ck_assert_str_eq(s.t.items[0].name, "Fosen");
	ck_assert_int_eq(s.t.items[0].v[DK_COL_STATED_RECOMMENDED], 400000);
	ck_assert_int_eq(s.t.items[0].v[DK_COL_OWN], 100000);
	ck_assert_int_eq(s.t.items[0].uh[0], 200000);
	ck_assert_int_eq(s.t.items[0].uh[1], 50000);
	sheet_release(&s);
	/* the forum's own sheet: "Nettverk" alone is the own share */
	ck_assert_int_eq(
		read_sheet(&s,
			   "Kompetansenettverk;2021;Meldt behov for 2022;Nettverk\n"
			   "Fosen;400 000;500 000;100 000\n",
			   &p, DK_DEC_AUTO, false),
		DK_OK);
	ck_assert_int_eq(s.t.items[0].v[DK_COL_OWN], 100000);
	sheet_release(&s);
	dk_plan_release(&p);
}
END_TEST

START_TEST(unknown_headers_say_what_is_near)
{
	dk_plan p;
	sheet s;
	small_plan(&p, "status_quo", "");
	ck_assert_int_eq(read_sheet(&s,
				    "network;2021;need;Egenfinansieing;NTNUU\n"
				    "Fosen;1;2;3;4\n",
				    &p, DK_DEC_AUTO, false),
			 DK_EINPUT);
	assert_diag(&s.d, 0, 1, 19,
		    "cell D1: unknown header 'Egenfinansieing'; "
		    "did you mean 'Egenfinansiering'?");
	assert_diag(&s.d, 1, 1, 35, "unknown header 'NTNUU'; did you mean 'NTNU'?");
	sheet_release(&s);
	/* far from every name: no guess */
	ck_assert_int_eq(read_sheet(&s, "network;2021;need;Budsjett\nFosen;1;2;3\n", &p,
				    DK_DEC_AUTO, false),
			 DK_EINPUT);
	assert_diag(&s.d, 0, 1, 19, "unknown header 'Budsjett'; expected a column name");
	sheet_release(&s);
	/* a year alias of another plan year */
	ck_assert_int_eq(read_sheet(&s, "network;2022;Meldt behov for 2023\nFosen;1;2\n",
				    &p, DK_DEC_AUTO, false),
			 DK_EINPUT);
	assert_diag(&s.d, 0, 1, 9,
		    "the plan's year is 2022, the sheet has '2022': "
		    "set \"year\": 2023");
	assert_diag(&s.d, 1, 1, 14,
		    "the plan's year is 2022, the sheet has 'Meldt "
		    "behov for 2023': set \"year\": 2023");
	sheet_release(&s);
	dk_plan_release(&p);
}
END_TEST

START_TEST(messages_in_bokmal)
{
	dk_plan p;
	sheet s;
	small_plan(&p, "need", "");
	dk_i18n_set_english(false);
	ck_assert_int_eq(read_sheet(&s,
				    "network;previous;need;Egenfinansieing\n"
				    "Fosen;400 000;x;1\n",
				    &p, DK_DEC_AUTO, false),
			 DK_EINPUT);
	assert_diag(&s.d, 0, 1, 23,
		    "celle D1: ukjent overskrift «Egenfinansieing»; "
		    "mente du «Egenfinansiering»?");
	sheet_release(&s);
	ck_assert_int_eq(read_sheet(&s, "network;previous;need\nFosen;400 000;x\n", &p,
				    DK_DEC_AUTO, false),
			 DK_EINPUT);
	assert_diag(&s.d, 0, 2, 15,
		    "celle C2: meldt behov: «x» er ikke et tall; "
		    "forventet et helt beløp i kroner");
	sheet_release(&s);
	dk_i18n_set_english(true);
	dk_plan_release(&p);
}
END_TEST

/* "text" as UTF-16 (ASCII and Latin-1 only), little- or big-endian, with
 * or without a byte-order mark; returns the length. */
static size_t utf16(const char *text, bool big, bool bom, unsigned char *out)
{
	size_t o = 0;
	if (bom) {
		out[o++] = big ? 0xFE : 0xFF;
		out[o++] = big ? 0xFF : 0xFE;
	}
	const unsigned char *t = (const unsigned char *)text;
	while (*t) {
		unsigned cp = *t++;
		if (cp >= 0xC0) /* two-byte UTF-8: Latin-1 here */
			cp = ((cp & 0x1Fu) << 6) | (*t++ & 0x3Fu);
		out[o++] = (unsigned char)(big ? cp >> 8 : cp & 0xFF);
		out[o++] = (unsigned char)(big ? cp & 0xFF : cp >> 8);
	}
	return o;
}

START_TEST(files_that_are_not_utf8_text)
{
	dk_plan p;
	sheet s;
	unsigned char buf[512];
	small_plan(&p, "need", "");
	/* Excel's "Unicode-tekst": UTF-16LE with a mark, tab-delimited */
	size_t n = utf16("network\tneed\r\nTrøndelag sørvest\t500 000\r\n", false, true,
			 buf);
	ck_assert_int_eq(read_bytes(&s, buf, n, &p), DK_OK);
	ck_assert_str_eq(s.t.items[0].name, "Trøndelag sørvest");
	ck_assert_int_eq(s.t.items[0].v[DK_COL_NEED], 500000);
	sheet_release(&s);
	n = utf16("network;need\nFosen;x\n", true, true, buf);
	ck_assert_int_eq(read_bytes(&s, buf, n, &p), DK_EINPUT);
	assert_diag(&s.d, 0, 2, 7, "cell B2: need: 'x'");
	sheet_release(&s);
	/* without the mark: named, not read */
	n = utf16("network;need\nFosen;1\n", false, false, buf);
	ck_assert_int_eq(read_bytes(&s, buf, n, &p), DK_EINPUT);
	assert_diag(&s.d, 0, 1, 1, "looks like UTF-16 text without a byte-order mark");
	sheet_release(&s);
	/* JSON is UTF-8 only */
	n = utf16("{\"networks\": []}", false, true, buf);
	ck_assert_int_eq(read_bytes(&s, buf, n, &p), DK_EINPUT);
	assert_diag(&s.d, 0, 1, 1,
		    "this JSON file is UTF-16 text; a JSON file must be UTF-8");
	sheet_release(&s);
	/* a workbook, an old workbook, a PDF */
	static const unsigned char zip[] = {'P', 'K', 3, 4, 20, 0, 0, 0};
	ck_assert_int_eq(read_bytes(&s, zip, sizeof zip, &p), DK_EINPUT);
	assert_diag(&s.d, 0, 1, 1,
		    "this is a workbook (XLSX or ODS), not CSV text; "
		    "save the sheet as CSV");
	sheet_release(&s);
	static const unsigned char xls[] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1,
					    0xB1, 0x1A, 0xE1, 0};
	ck_assert_int_eq(read_bytes(&s, xls, sizeof xls, &p), DK_EINPUT);
	assert_diag(&s.d, 0, 1, 1, "Excel 97-2003 workbook (XLS)");
	sheet_release(&s);
	ck_assert_int_eq(read_bytes(&s, (const unsigned char *)"%PDF-1.7\n", 9, &p),
			 DK_EINPUT);
	assert_diag(&s.d, 0, 1, 1, "this is a PDF document");
	sheet_release(&s);
	dk_plan_release(&p);
}
END_TEST

/* The table holds what its networks hold in blocks of its own: every
 * text and array as it was made, zeroed, aligned, apart from the others,
 * and an UP1 institution written alike shared. */
START_TEST(table_holds_its_texts)
{
	dk_networks t;
	dk_networks_init(&t, 2);
	char name[40];
	for (int i = 0; i < 3000; i++) {
		dk_network *n;
		snprintf(name, sizeof name, " Nettverk %d ", i);
		ck_assert_int_eq(dk_networks_add(&t, name, i + 2, &n), DK_OK);
		ck_assert_str_eq(n->name, name);
		ck_assert_uint_eq((uintptr_t)n->uh % 16, 0);
		ck_assert(n->uh[0] == 0 && n->uh[1] == 0);
		n->uh[0] = n->uh[1] = -1; /* overwrites nothing of another */
	}
	for (int i = 0; i < 3000; i++) {
		snprintf(name, sizeof name, "nettverk %d", i);
		ck_assert_int_eq(dk_networks_find(&t, name), i);
		ck_assert_str_eq(t.items[i].key, name);
		snprintf(name, sizeof name, " Nettverk %d ", i);
		ck_assert_str_eq(t.items[i].name, name);
		ck_assert_int_eq(t.items[i].uh[0], -1);
	}
	/* a name far longer than any a reader accepts, and its key */
	char *longname = malloc(5000);
	memset(longname, 'A', 4999);
	longname[4999] = '\0';
	dk_network *n;
	ck_assert_int_eq(dk_networks_add(&t, longname, 1, &n), DK_OK);
	ck_assert_uint_eq(strlen(n->key), 4999);
	ck_assert_int_eq(n->key[0], 'a');
	free(longname);
	/* a request larger than a block has its own; the next small one
	 * still comes from the block being filled */
	unsigned char *big = dk_networks_alloc(&t, 600000);
	ck_assert_ptr_nonnull(big);
	ck_assert(big[0] == 0 && big[599999] == 0);
	memset(big, 0xff, 600000);
	unsigned char *small = dk_networks_alloc(&t, 3);
	ck_assert(small[0] == 0 && small[2] == 0);
	/* shared: the same text once; different texts apart, beyond the
	 * shared ones as well */
	const char *a = dk_networks_intern(&t, "NTNU");
	ck_assert_ptr_eq(dk_networks_intern(&t, "NTNU"), a);
	ck_assert_ptr_ne(dk_networks_intern(&t, "ntnu"), a);
	for (int i = 0; i < 3 * DK_INTERNED_MAX; i++) {
		snprintf(name, sizeof name, "Inst %d", i);
		ck_assert_str_eq(dk_networks_intern(&t, name), name);
	}
	ck_assert_str_eq(a, "NTNU");
	/* the totals row */
	dk_network *sum;
	ck_assert_int_eq(dk_networks_begin_totals(&t, "Sum", 7, &sum), DK_OK);
	ck_assert(t.has_totals && sum == &t.totals && t.totals_line == 7);
	ck_assert_str_eq(sum->name, "Sum");
	ck_assert(sum->uh[0] == 0 && sum->uh[1] == 0 && sum->present == 0);
	dk_networks_release(&t);
}
END_TEST

int main(void)
{
	/* the English messages are asserted unless a test says otherwise;
	 * the catalogue is bound for the bokmål ones */
	setenv("LC_ALL", "C", 1);
	dk_i18n_init();
	dk_i18n_set_english(true);
	Suite *s = suite_create("readers");
	TCase *tc = tcase_create("trondelag-2022");
	tcase_add_test(tc, table_holds_its_texts);
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
	tcase_add_test(tc, text_is_the_bytes_read);
	tcase_add_test(tc, positions_count_characters);
	tcase_add_test(tc, builtin_plan);
	suite_add_tcase(s, tc);
	TCase *sh = tcase_create("sheets");
	tcase_add_test(sh, totals_labels);
	tcase_add_test(sh, i_alt_is_the_totals_row);
	tcase_add_test(sh, note_under_the_table);
	tcase_add_test(sh, title_line_above_the_header);
	tcase_add_test(sh, percentages_as_written);
	tcase_add_test(sh, whole_kroner_under_decimal_comma);
	tcase_add_test(sh, what_a_method_needs);
	tcase_add_test(sh, second_file_names_every_network);
	tcase_add_test(sh, json_is_utf8);
	tcase_add_test(sh, cells_named_as_a_spreadsheet_names_them);
	tcase_add_test(sh, headers_as_people_write_them);
	tcase_add_test(sh, unknown_headers_say_what_is_near);
	tcase_add_test(sh, messages_in_bokmal);
	tcase_add_test(sh, files_that_are_not_utf8_text);
	suite_add_tcase(s, sh);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

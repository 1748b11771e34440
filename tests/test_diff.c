/*
 * test_diff.c: dk_diff_run matches networks by name and findings by
 * (check, network, field) through sorted keys; here the same matching is
 * written out plainly, a search of the whole other file per item with
 * dk_name_equal, and the two must agree on generated files with names
 * that differ only in case and spaces, repeated names, absent names,
 * networks and fields.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/diff.h"
#include "models/network.h"

static bool same_text(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

/* the plain matching, as diff.c had it before it sorted */
static long plain_find(const dk_rec_file *f, const char *name)
{
	for (size_t i = 0; name && i < f->n_networks; i++)
		if (f->networks[i].name && dk_name_equal(f->networks[i].name, name))
			return (long)i;
	return -1;
}

static bool plain_same(const dk_rec_finding *a, const dk_rec_finding *b)
{
	return same_text(a->check, b->check) && same_text(a->field, b->field) &&
		((!a->network && !b->network) ||
		 (a->network && b->network && dk_name_equal(a->network, b->network)));
}

static bool plain_in(const dk_rec_file *f, const dk_rec_finding *x)
{
	for (size_t j = 0; j < f->n_findings; j++)
		if (plain_same(x, &f->findings[j]))
			return true;
	return false;
}

static unsigned long state = 88172645463325252UL;
static unsigned pick(unsigned n)
{
	state ^= state << 13;
	state ^= state >> 7;
	state ^= state << 17;
	return (unsigned)(state % n);
}

/* a name from a few, spelled in one of several ways, or none */
static char *name(void)
{
	static const char *const before[] = {"", " ", "  "},
				 *const between[] = {" ", "  ", "_"};
	static const char *const words[] = {"Fosen", "FOSEN", "fosen", "Nett", "NETT"};
	unsigned k = pick(12);
	if (k == 0)
		return NULL;
	char buf[64];
	snprintf(buf, sizeof buf, "%s%s%s%u%s", before[pick(3)], words[pick(5)],
		 between[pick(3)], k % 4, before[pick(3)]);
	return strdup(buf);
}

static char *maybe(const char *const *from, unsigned n)
{
	unsigned k = pick(n + 1);
	return k == n ? NULL : strdup(from[k]);
}

static void generate(dk_rec_file *f)
{
	static const char *const checks[] = {"row_sum", "over_need", "unused"};
	static const char *const fields[] = {"need", "own"};
	memset(f, 0, sizeof *f);
	f->n_networks = pick(15);
	f->networks = calloc(f->n_networks + 1, sizeof *f->networks);
	for (size_t i = 0; i < f->n_networks; i++)
		f->networks[i].name = name();
	f->n_findings = pick(20);
	f->findings = calloc(f->n_findings + 1, sizeof *f->findings);
	for (size_t i = 0; i < f->n_findings; i++) {
		f->findings[i].check = maybe(checks, 3);
		f->findings[i].field = maybe(fields, 2);
		f->findings[i].network = name();
	}
}

START_TEST(sorted_matching_is_the_plain_one)
{
	for (int round = 0; round < 3000; round++) {
		dk_rec_file a, b;
		generate(&a);
		generate(&b);
		dk_diff d;
		ck_assert_int_eq(dk_diff_run(&a, &b, &d), DK_OK);
		/* new's networks in order, each with its first match in old,
		 * then old's that new lacks, in order */
		size_t k = 0;
		for (size_t i = 0; i < b.n_networks; i++, k++) {
			ck_assert_uint_lt(k, d.n_networks);
			ck_assert_int_eq(d.networks[k].new, (long)i);
			ck_assert_int_eq(d.networks[k].old,
					 plain_find(&a, b.networks[i].name));
		}
		for (size_t i = 0; i < a.n_networks; i++) {
			if (plain_find(&b, a.networks[i].name) >= 0)
				continue;
			ck_assert_uint_lt(k, d.n_networks);
			ck_assert_int_eq(d.networks[k].old, (long)i);
			ck_assert_int_eq(d.networks[k].new, -1);
			k++;
		}
		ck_assert_uint_eq(k, d.n_networks);
		k = 0;
		for (size_t i = 0; i < b.n_findings; i++)
			if (!plain_in(&a, &b.findings[i])) {
				ck_assert_uint_lt(k, d.n_added);
				ck_assert_int_eq(d.added[k++], (long)i);
			}
		ck_assert_uint_eq(k, d.n_added);
		k = 0;
		for (size_t i = 0; i < a.n_findings; i++)
			if (!plain_in(&b, &a.findings[i])) {
				ck_assert_uint_lt(k, d.n_resolved);
				ck_assert_int_eq(d.resolved[k++], (long)i);
			}
		ck_assert_uint_eq(k, d.n_resolved);
		dk_diff_release(&d);
		dk_rec_file_release(&a);
		dk_rec_file_release(&b);
	}
}
END_TEST

/* by hand: "Fosen" and " FOSEN " are one network; the unnamed is in
 * neither; a finding without a field is not one with a field */
START_TEST(by_hand)
{
	dk_rec_network on[] = {{.name = "Fosen"}, {.name = NULL}, {.name = "Orkla"}};
	dk_rec_network nn[] = {{.name = "Namdal"}, {.name = " FOSEN "}};
	dk_rec_finding of[] = {{.check = "row_sum", .network = "fosen", .field = NULL}};
	dk_rec_finding nf[] = {{.check = "row_sum", .network = "Fosen", .field = "need"},
			       {.check = "row_sum", .network = "FOSEN", .field = NULL}};
	dk_rec_file a = {
		.networks = on, .n_networks = 3, .findings = of, .n_findings = 1};
	dk_rec_file b = {
		.networks = nn, .n_networks = 2, .findings = nf, .n_findings = 2};
	dk_diff d;
	ck_assert_int_eq(dk_diff_run(&a, &b, &d), DK_OK);
	ck_assert_uint_eq(d.n_networks, 4);
	ck_assert_int_eq(d.networks[0].old, -1); /* Namdal: only new */
	ck_assert_int_eq(d.networks[1].old, 0);  /* FOSEN = Fosen */
	ck_assert_int_eq(d.networks[2].old, 1);  /* the unnamed: only old */
	ck_assert_int_eq(d.networks[3].old, 2);  /* Orkla: only old */
	ck_assert_uint_eq(d.n_added, 1);
	ck_assert_int_eq(d.added[0], 0);
	ck_assert_uint_eq(d.n_resolved, 0);
	dk_diff_release(&d);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("diff");
	TCase *tc = tcase_create("matching");
	tcase_add_test(tc, sorted_matching_is_the_plain_one);
	tcase_add_test(tc, by_hand);
	suite_add_tcase(s, tc);
	SRunner *r = srunner_create(s);
	srunner_run_all(r, CK_NORMAL);
	int failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

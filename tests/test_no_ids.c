/*
 * test_no_ids.c: no Norwegian output for people holds a machine id: no
 * canonical column name, no check id and no method code in the table, the
 * Markdown, the HTML report, the Excel CSV dialect, `explain`, `check` and
 * the workbook's sheets (as LibreOffice exported them for tests/xlsx). The
 * forbidden words come from the model's own tables (columns, checks,
 * methods), never typed again. Ids stay in JSON, RFC 4180 CSV and the
 * help that says how to configure the plan. Usage: test_no_ids DEKOM.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/columns.h"
#include "models/finding.h"
#include "models/plan.h"

static bool word_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		(c >= '0' && c <= '9') || c == '_' || c == '-';
}

/* The first place `word` stands as a word of its own in text, or NULL. */
static const char *find_word(const char *text, const char *word)
{
	size_t n = strlen(word);
	for (const char *p = strstr(text, word); p; p = strstr(p + 1, word))
		if ((p == text || !word_char(p[-1])) && !word_char(p[n]))
			return p;
	return NULL;
}

static char *slurp(FILE *f)
{
	size_t cap = 1 << 16, len = 0;
	char *buf = malloc(cap);
	size_t k;
	while (buf && (k = fread(buf + len, 1, cap - len - 1, f)) > 0) {
		len += k;
		if (len + 1 == cap) {
			char *p = realloc(buf, cap *= 2);
			if (!p) {
				free(buf);
				return NULL;
			}
			buf = p;
		}
	}
	if (buf)
		buf[len] = '\0';
	return buf;
}

static int check(const char *what, const char *text)
{
	int bad = 0;
	const char *words[DK_COL_COUNT + DK_CHECK_COUNT + 3];
	size_t n = 0;
	/* column names of more than one word part, or that are English words
	 * a Norwegian text would not have */
	for (int c = 1; c < DK_COL_COUNT; c++)
		words[n++] = dk_column_get((dk_column)c)->name;
	for (int c = 0; c < DK_CHECK_COUNT; c++)
		words[n++] = dk_checks()[c].name;
	for (int m = 0; m < 3; m++)
		words[n++] = dk_method_name((dk_method)m);
	for (size_t k = 0; k < n; k++) {
		const char *p = find_word(text, words[k]);
		if (p) {
			printf("%s: holds the id '%s': ...%.60s...\n", what, words[k],
			       p > text + 20 ? p - 20 : text);
			bad = 1;
		}
	}
	return bad;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: test_no_ids DEKOM SOURCE_DIR\n");
		return 2;
	}
	static const char *const runs[] = {
		"recommend -f table",
		"recommend -f md",
		"recommend -f html",
		"recommend -f csv --csv-dialect excel-nb",
		"check -f table",
		"check -f csv --csv-dialect excel-nb",
		"explain Fosen",
		"recommend -n fixtures/trondelag-2022/trondelag-2022-innstilling.csv "
		"--columns fixtures/trondelag-2022/columns.json "
		"-p fixtures/trondelag-2022/plan-decisions.json -f table",
		"recommend -n fixtures/trondelag-2022/trondelag-2022-innstilling.csv "
		"-n fixtures/trondelag-2022/trondelag-2022-illustrative-fte-up1.csv "
		"-p fixtures/trondelag-2022/plan-prorata-illustrative.json "
		"--columns fixtures/trondelag-2022/columns.json -f html",
	};
	int bad = 0;
	for (size_t i = 0; i < sizeof runs / sizeof runs[0]; i++) {
		char cmd[1024];
		snprintf(cmd, sizeof cmd, "cd '%s' && '%s' %s 2>/dev/null", argv[2],
			 argv[1], runs[i]);
		FILE *f = popen(cmd, "r");
		char *text = f ? slurp(f) : NULL;
		if (f)
			pclose(f);
		if (!text || !*text) {
			printf("%s: no output\n", runs[i]);
			bad = 1;
		} else {
			bad |= check(runs[i], text);
		}
		free(text);
	}
	/* the workbook's sheets as LibreOffice exports them */
	static const char *const sheets[] = {"Innstilling", "Institusjoner", "Kriterier",
					     "Funn"};
	for (size_t i = 0; i < sizeof sheets / sizeof sheets[0]; i++) {
		char path[512];
		snprintf(path, sizeof path,
			 "%s/tests/xlsx/recommend-2022/expected/%s.csv", argv[2],
			 sheets[i]);
		FILE *f = fopen(path, "rb");
		char *text = f ? slurp(f) : NULL;
		if (f)
			fclose(f);
		if (!text) {
			printf("%s: cannot read\n", path);
			bad = 1;
		} else {
			bad |= check(path, text);
		}
		free(text);
	}
	return bad;
}

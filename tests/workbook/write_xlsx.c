/*
 * write_xlsx.c: writes one networks table twice, as a workbook made by
 * libxlsxwriter (numbers as number cells, a share as a percentage cell, a
 * need as a formula with its cached value, a title row above the header,
 * and a decoy sheet before it) and as the CSV a person would save from it;
 * tests/workbook/libxlsxwriter.sh requires dekom to read both the same.
 * With a third argument `hidden`, the decoy sheet is hidden and the table's
 * sheet is named Tall: the only visible sheet, which dekom must choose.
 */
#include <string.h>
#include <stdio.h>
#include <xlsxwriter.h>

int main(int argc, char **argv)
{
	if (argc != 3 && argc != 4) {
		fprintf(stderr, "usage: write_xlsx FILE.xlsx FILE.csv [hidden]\n");
		return 2;
	}
	int hidden = argc == 4 && strcmp(argv[3], "hidden") == 0;
	static const char *const head[] = {"Nettverk",
					   "Forrige år",
					   "Meldt behov",
					   "Lærerårsverk",
					   "Oppgitt nettverksandel",
					   "Nettverk (egen)",
					   "NTNU",
					   "Andre/usikker"};
	static const struct {
		const char *name;
		double previous, fte, own_pct, own, ntnu, other;
	} rows[] = {
		{"Fosen", 300000, 318.7, 0.405, 160000, 200000, 35000},
		{"Innherred", 250000, 383.6, 0.3, 90000, 150000, 60000},
		{"Ytre Namdal", 100000, 148.25, 0.125, 25000, 125000, 50000},
	};
	lxw_workbook *wb = workbook_new(argv[1]);
	if (!wb)
		return 1;
	lxw_worksheet *decoy = workbook_add_worksheet(wb, "Notater");
	lxw_worksheet *ws = workbook_add_worksheet(wb, hidden ? "Tall" : "Budsjett");
	if (hidden) {
		worksheet_write_string(decoy, 0, 0, "Nettverk", NULL);
		worksheet_activate(ws);
		worksheet_hide(decoy);
	}
	lxw_format *pct = workbook_add_format(wb);
	format_set_num_format(pct, "0.0%");
	lxw_format *kr = workbook_add_format(wb);
	format_set_num_format(kr, "#,##0");
	FILE *csv = fopen(argv[2], "w");
	if (!csv)
		return 1;
	worksheet_write_string(ws, 0, 0, "Budsjett 2022", NULL);
	fprintf(csv, "Budsjett 2022;;;;;;;\n");
	for (lxw_col_t c = 0; c < 8; c++) {
		worksheet_write_string(ws, 2, c, head[c], NULL);
		fprintf(csv, "%s%s", c ? ";" : "", head[c]);
	}
	fprintf(csv, "\n");
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		lxw_row_t r = (lxw_row_t)(3 + i);
		double need = rows[i].own + rows[i].ntnu + rows[i].other;
		char f[64];
		worksheet_write_string(ws, r, 0, rows[i].name, NULL);
		worksheet_write_number(ws, r, 1, rows[i].previous, kr);
		/* the need as the sum of the lines: a formula, its value cached */
		snprintf(f, sizeof f, "=SUM(F%u:H%u)", (unsigned)r + 1, (unsigned)r + 1);
		worksheet_write_formula_num(ws, r, 2, f, kr, need);
		worksheet_write_number(ws, r, 3, rows[i].fte, NULL);
		worksheet_write_number(ws, r, 4, rows[i].own_pct, pct);
		worksheet_write_number(ws, r, 5, rows[i].own, kr);
		worksheet_write_number(ws, r, 6, rows[i].ntnu, kr);
		worksheet_write_number(ws, r, 7, rows[i].other, kr);
		fprintf(csv, "%s;%.0f;%.0f;%s;%s;%.0f;%.0f;%.0f\n", rows[i].name,
			rows[i].previous, need,
			i == 0           ? "318,70"
				: i == 1 ? "383,60"
					 : "148,25",
			i == 0           ? "40,5 %"
				: i == 1 ? "30,0 %"
					 : "12,5 %",
			rows[i].own, rows[i].ntnu, rows[i].other);
	}
	fclose(csv);
	return workbook_close(wb) == LXW_NO_ERROR ? 0 : 1;
}

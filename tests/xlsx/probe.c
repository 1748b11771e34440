/*
 * probe.c: writes a workbook whose one formula, =1+1, is stored with the
 * wrong cached value 5. tests/xlsx/run.sh converts it first: reading 2
 * back shows that LibreOffice recalculated the formulas rather than
 * trusting the values stored with them, so the comparisons that follow
 * test dekom's formulas, not only its cached numbers.
 */
#include <stdio.h>
#include <xlsxwriter.h>

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: probe FILE.xlsx\n");
		return 2;
	}
	lxw_workbook *wb = workbook_new(argv[1]);
	if (!wb)
		return 1;
	lxw_worksheet *ws = workbook_add_worksheet(wb, "probe");
	worksheet_write_formula_num(ws, 0, 0, "=1+1", NULL, 5);
	return workbook_close(wb) == LXW_NO_ERROR ? 0 : 1;
}

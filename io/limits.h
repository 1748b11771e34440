/*
 * limits.h: how large an input dekom reads. Each limit is far above any
 * real forum's files and keeps a hostile file harmless: past it the reader
 * stops with a diagnostic that names the limit, never "out of memory".
 * The sheet limits are Excel's own (a sheet has at most 1 048 576 rows and
 * 16 384 columns, a cell at most 32 767 characters), so anything a
 * spreadsheet can save is read.
 */
#ifndef DK_LIMITS_H
#define DK_LIMITS_H

#define DK_INPUT_MAX_BYTES ((size_t)1 << 30) /* 1 GiB per input file */
#define DK_ROWS_MAX 1048576                  /* rows of a networks file */
#define DK_COLUMNS_MAX 16384                 /* cells in one row */
#define DK_CELL_MAX_BYTES 32767              /* bytes in one cell */
#define DK_SCENARIOS_MAX 10000               /* named scenarios in a file */

#endif

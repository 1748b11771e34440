/*
 * report_show.c: `dekom show` for the terminal: the networks table as read,
 * every column with its value, so the secretariat sees what dekom made of
 * a spreadsheet.
 */
#include "io/report_show.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/escape.h"
#include "io/strbuf.h"
#include "io/table.h"
#include "models/numtext.h"

/* The networks table as read, for the terminal. */
char *dk_networks_table(const dk_networks *t, const dk_plan *p)
{
	const dk_column_def *cols = dk_columns();
	int colids[DK_COL_COUNT];
	size_t nc = 0;
	for (int c = 0; c < DK_COL_COUNT; c++)
		if (((t->columns >> c) & 1u) && c != DK_COL_UH_OTHER)
			colids[nc++] = c;
	size_t ninst = 0;
	for (size_t i = 0; i < p->n_institutions; i++)
		ninst += (t->uh_columns >> i) & 1u;
	int other = (t->columns >> DK_COL_UH_OTHER) & 1u;
	size_t width = nc + ninst + (size_t)other;
	dk_table tab;
	if (dk_table_init(&tab, width) != DK_OK)
		return NULL;
	const char **cells = calloc(width, sizeof *cells);
	char(*buf)[64] = calloc(width, sizeof *buf);
	char *out = NULL;
	if (!cells || !buf)
		goto done;
	size_t k = 0;
	for (size_t j = 0; j < nc; j++) {
		cells[k] = cols[colids[j]].name;
		tab.right[k++] = cols[colids[j]].kind != DK_KIND_NAME &&
			cols[colids[j]].kind != DK_KIND_UP1 &&
			cols[colids[j]].kind != DK_KIND_JUDGEMENT;
	}
	for (size_t i = 0; i < p->n_institutions; i++)
		if ((t->uh_columns >> i) & 1u) {
			cells[k] = p->institutions[i].id;
			tab.right[k++] = true;
		}
	if (other) {
		cells[k] = cols[DK_COL_UH_OTHER].name;
		tab.right[k++] = true;
	}
	if (dk_table_row(&tab, cells) != DK_OK)
		goto done;
	for (size_t r = 0; r <= t->n; r++) {
		const dk_network *n = r < t->n ? &t->items[r] : &t->totals;
		if (r == t->n && !t->has_totals)
			break;
		k = 0;
		for (size_t j = 0; j < nc; j++, k++) {
			int c = colids[j];
			int given = dk_network_has(n, (dk_column)c);
			cells[k] = buf[k];
			buf[k][0] = '\0';
			switch (cols[c].kind) {
			case DK_KIND_NAME: cells[k] = r < t->n ? n->name : "(sum)"; break;
			case DK_KIND_AMOUNT:
				if (given || r < t->n)
					dk_kr_format(n->v[c], buf[k], sizeof buf[k]);
				break;
			case DK_KIND_FTE:
				if (given)
					dk_decimal_format(n->v[c], 2, " ", ",", buf[k],
							  sizeof buf[k]);
				break;
			case DK_KIND_PERCENT:
				if (given) {
					/* as many decimals as given, at least 2 */
					size_t len = dk_decimal_format(n->v[c],
								       DK_PCT_DECIMALS,
								       " ", ",", buf[k],
								       sizeof buf[k]);
					for (int z = DK_PCT_DECIMALS;
					     z > 2 && len && buf[k][len - 1] == '0'; z--)
						buf[k][--len] = '\0';
				}
				break;
			case DK_KIND_JUDGEMENT:
				if (given)
					cells[k] =
						dk_judgement_name((dk_judgement)n->v[c]);
				break;
			case DK_KIND_UP1: {
				size_t o = 0;
				for (size_t u = 0; u < n->n_up1 && o < 40; u++) {
					char s[32];
					dk_scaled_plain(n->up1[u].share, 6, s, sizeof s);
					o += (size_t)snprintf(buf[k] + o,
							      sizeof buf[k] - o,
							      "%s%s:%s", u ? "+" : "",
							      n->up1[u].institution, s);
				}
				break;
			}
			default: break;
			}
		}
		for (size_t i = 0; i < p->n_institutions; i++)
			if ((t->uh_columns >> i) & 1u) {
				cells[k] = buf[k];
				buf[k][0] = '\0';
				if (r < t->n || ((n->uh_present >> i) & 1u))
					dk_kr_format(n->uh[i], buf[k], sizeof buf[k]);
				k++;
			}
		if (other) {
			cells[k] = buf[k];
			buf[k][0] = '\0';
			if (r < t->n || dk_network_has(n, DK_COL_UH_OTHER))
				dk_kr_format(n->v[DK_COL_UH_OTHER], buf[k],
					     sizeof buf[k]);
			k++;
		}
		if (dk_table_row(&tab, cells) != DK_OK)
			goto done;
	}
	out = dk_table_render(&tab);
done:
	free(cells);
	free(buf);
	dk_table_release(&tab);
	return out;
}

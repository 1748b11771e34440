/*
 * canonical.c: the canonical JSON form of a networks table (see
 * canonical.h). Numbers go out through cJSON_CreateRaw from their exact
 * decimal text, so no value passes through a double.
 */
#include "io/canonical.h"

#include "models/exact.h"
#include "io/json_out.h"
#include "io/networks.h"
#include "models/numtext.h"

#include <cjson/cJSON.h>
#include <string.h>

static int decimals_of(dk_column_kind kind)
{
	switch (kind) {
	case DK_KIND_FTE: return 2;
	case DK_KIND_PERCENT: return DK_PCT_DECIMALS;
	case DK_KIND_UP1: return 6;
	default: return 0;
	}
}

static int add_row(cJSON *obj, const dk_network *n, const dk_networks *t,
		   const dk_plan *p, int totals)
{
	const dk_column_def *cols = dk_columns();
	if (!totals && !cJSON_AddStringToObject(obj, "network", n->name))
		return -1;
	for (int c = 1; c < DK_COL_COUNT; c++) {
		if (!((t->columns >> c) & 1u))
			continue;
		int given = dk_network_has(n, (dk_column)c);
		if (totals && !given)
			continue;
		cJSON *v = NULL;
		switch (cols[c].kind) {
		case DK_KIND_AMOUNT:
		case DK_KIND_FTE:
			v = dk_json_scaled(n->v[c], decimals_of(cols[c].kind));
			break;
		case DK_KIND_PERCENT:
			v = given ? dk_json_scaled(n->v[c], DK_PCT_DECIMALS)
				  : cJSON_CreateNull();
			break;
		case DK_KIND_JUDGEMENT:
			v = given ? cJSON_CreateString(
					    dk_judgement_name((dk_judgement)n->v[c]))
				  : cJSON_CreateNull();
			break;
		case DK_KIND_UP1:
			if (!given) {
				v = cJSON_CreateNull();
				break;
			}
			v = cJSON_CreateObject();
			for (size_t k = 0; v && k < n->n_up1; k++) {
				const dk_up1_part *u = &n->up1[k];
				const char *id = u->index >= 0
					? p->institutions[u->index].id
					: u->institution;
				cJSON *s = dk_json_scaled(u->share, 6);
				if (!s || !cJSON_AddItemToObject(v, id, s)) {
					cJSON_Delete(s);
					cJSON_Delete(v);
					return -1;
				}
			}
			break;
		default: break;
		}
		if (!v || !cJSON_AddItemToObject(obj, cols[c].name, v)) {
			cJSON_Delete(v);
			return -1;
		}
	}
	if (t->uh_columns && (!totals || n->uh_present)) {
		cJSON *uh = cJSON_AddObjectToObject(obj, "uh");
		if (!uh)
			return -1;
		for (size_t i = 0; i < t->n_institutions; i++) {
			if (!((t->uh_columns >> i) & 1u))
				continue;
			if (totals && !((n->uh_present >> i) & 1u))
				continue;
			cJSON *v = dk_json_scaled(n->uh[i], 0);
			if (!v || !cJSON_AddItemToObject(uh, p->institutions[i].id, v)) {
				cJSON_Delete(v);
				return -1;
			}
		}
	}
	return 0;
}

char *dk_networks_json(const dk_networks *t, const dk_plan *p)
{
	cJSON *root = cJSON_CreateObject();
	cJSON *list = root ? cJSON_AddArrayToObject(root, "networks") : NULL;
	char *out = NULL;
	if (!list)
		goto done;
	for (size_t i = 0; i < t->n; i++) {
		cJSON *row = cJSON_CreateObject();
		if (!row || !cJSON_AddItemToArray(list, row)) {
			cJSON_Delete(row);
			goto done;
		}
		if (add_row(row, &t->items[i], t, p, 0) < 0)
			goto done;
	}
	if (t->has_totals) {
		cJSON *tot = cJSON_AddObjectToObject(root, "totals");
		if (!tot || add_row(tot, &t->totals, t, p, 1) < 0)
			goto done;
	}
	out = cJSON_Print(root);
done:
	cJSON_Delete(root);
	return out;
}

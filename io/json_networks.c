/*
 * json_networks.c: the networks file as JSON (CLI.md, "Networks file
 * (JSON)"): {"networks": [{"network": ..., "need": ..., "uh": {"NTNU": ...},
 * "up1": {"NTNU": 1}}], "totals": {...}}. Keys are the canonical column
 * names; `null` is an empty cell; `totals` is the stated totals row. Numbers
 * are read from their text, exactly. The CSV reader's rules apply: unique
 * names of at most 200 characters, no network named by a totals label, no
 * network without a number (a note), and under prorata an fte for every
 * network of a file that has the key.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/i18n.h"
#include "io/json_doc.h"
#include "io/limits.h"
#include "io/cells.h"

static dk_status read_number(const dk_json_doc *doc, const dk_read_opts *o,
			     const cJSON *v, const char *field, dk_column_kind kind,
			     int64_t *out, dk_error *d)
{
	dk_num_spec spec;
	char raw[80], msg[600];
	dk_cell_spec(kind, o->mode, &spec);
	if (!cJSON_IsNumber(v)) {
		dk_json_raw(doc, v, raw, sizeof raw);
		dk_json_error(doc, d, v, false, _("%s: %s is %s; expected %s"), field,
			      raw, dk_json_type(v), _(dk_num_expected(&spec)));
		return DK_EINPUT;
	}
	dk_num_result r = dk_json_number(doc, v, &spec, out);
	if (r != DK_NUM_OK) {
		dk_json_raw(doc, v, raw, sizeof raw);
		dk_cell_message(r, field, raw, &spec, msg, sizeof msg);
		dk_json_error(doc, d, v, false, "%s", msg);
		return DK_EINPUT;
	}
	return DK_OK;
}

static dk_status read_uh(const dk_json_doc *doc, const dk_read_opts *o, const cJSON *v,
			 dk_network *n, dk_networks *t, int *figures, dk_error *d)
{
	if (!cJSON_IsObject(v)) {
		dk_json_error(doc, d, v, false,
			      _("uh: %s; expected an object from institution to "
				"amount, such as {\"NTNU\": 670000}"),
			      dk_json_type(v));
		return DK_OK;
	}
	for (const cJSON *m = v->child; m; m = m->next) {
		char q[80];
		dk_quote(m->string, q, sizeof q);
		int i = dk_plan_institution(o->plan, m->string);
		if (i < 0) {
			dk_json_error(doc, d, m, true,
				      _("uh: '%s' is not an institution of the plan"), q);
			continue;
		}
		if ((n->uh_present >> i) & 1u) {
			dk_json_error(doc, d, m, true, _("uh: '%s' given twice"), q);
			continue;
		}
		if (cJSON_IsNull(m))
			continue;
		++*figures;
		int64_t amount;
		if (read_number(doc, o, m, o->plan->institutions[i].id, DK_KIND_AMOUNT,
				&amount, d) == DK_OK) {
			n->uh[i] = amount;
			n->uh_present |= 1u << i;
			t->uh_columns |= 1u << i;
		}
	}
	return DK_OK;
}

static dk_status read_up1(const dk_json_doc *doc, const dk_read_opts *o, const cJSON *v,
			  dk_network *n, dk_networks *t, dk_error *d)
{
	char msg[600];
	if (cJSON_IsString(v)) {
		dk_status st =
			dk_up1_parse(v->valuestring, o->plan, t, n, msg, sizeof msg);
		if (st == DK_EINPUT)
			dk_json_error(doc, d, v, false, "%s", msg);
		return st == DK_ENOMEM ? st : DK_OK;
	}
	if (!cJSON_IsObject(v)) {
		dk_json_error(doc, d, v, false,
			      _("up1: %s; expected an object such as {\"NTNU\": "
				"0.5, \"Nord\": 0.5} or a string 'NTNU'"),
			      dk_json_type(v));
		return DK_OK;
	}
	size_t k = 0;
	for (const cJSON *m = v->child; m; m = m->next)
		k++;
	n->up1 = dk_networks_alloc(t, (k ? k : 1) * sizeof *n->up1);
	if (!n->up1)
		return DK_ENOMEM;
	for (const cJSON *m = v->child; m; m = m->next) {
		int64_t share;
		if (read_number(doc, o, m, "up1", DK_KIND_UP1, &share, d) != DK_OK)
			continue;
		dk_up1_part *p = &n->up1[n->n_up1];
		p->institution = dk_networks_intern(t, m->string);
		if (!p->institution)
			return DK_ENOMEM;
		p->index = dk_plan_institution(o->plan, m->string);
		p->share = share;
		n->n_up1++;
	}
	n->present |= 1u << DK_COL_UP1;
	return DK_OK;
}

/* Reads one network object (or the totals object) into n; counts in
 * *figures the numbers given (not null), readable or not. */
static dk_status read_row(const dk_json_doc *doc, const dk_read_opts *o, const cJSON *obj,
			  dk_network *n, dk_networks *t, bool totals, int *figures,
			  dk_error *d)
{
	const char *keys[DK_COL_COUNT + 2];
	const dk_column_def *cols = dk_columns();
	for (int c = 0; c < DK_COL_COUNT; c++)
		keys[c] = cols[c].name;
	keys[DK_COL_COUNT] = "uh";
	keys[DK_COL_COUNT + 1] = NULL;
	dk_json_keys(doc, d, obj, totals ? "totals" : _("network"), keys);
	/* a key given twice is reported by dk_json_keys; only its first
	 * value is read (a second "up1" must never be appended to the
	 * first's parts) */
	uint32_t seen = 0;
	bool seen_uh = false;
	for (const cJSON *m = obj->child; m; m = m->next) {
		int c;
		dk_status st = DK_OK;
		if (strcmp(m->string, "uh") == 0) {
			if (seen_uh)
				continue;
			seen_uh = true;
			if (!cJSON_IsNull(m))
				st = read_uh(doc, o, m, n, t, figures, d);
			if (st != DK_OK)
				return st;
			continue;
		}
		for (c = 0; c < DK_COL_COUNT; c++)
			if (strcmp(m->string, cols[c].name) == 0)
				break;
		if (c == DK_COL_COUNT || c == DK_COL_NETWORK || ((seen >> c) & 1u))
			continue;
		seen |= 1u << c;
		t->columns |= 1u << c;
		if (cJSON_IsNull(m))
			continue;
		switch (cols[c].kind) {
		case DK_KIND_UP1: st = read_up1(doc, o, m, n, t, d); break;
		case DK_KIND_JUDGEMENT: {
			dk_judgement j;
			if (!cJSON_IsString(m) ||
			    !dk_judgement_parse(m->valuestring, &j)) {
				char raw[80];
				dk_json_raw(doc, m, raw, sizeof raw);
				dk_json_error(doc, d, m, false,
					      _("%s: %s is not an answer; expected "
						"\"ja\", \"nei\", \"delvis\" or null"),
					      cols[c].name, raw);
			} else if (j != DK_JUDGE_BLANK) {
				n->v[c] = j;
				n->present |= 1u << c;
			}
			break;
		}
		default: {
			int64_t v;
			++*figures;
			if (read_number(doc, o, m, cols[c].name, cols[c].kind, &v, d) ==
			    DK_OK) {
				n->v[c] = v;
				n->present |= 1u << c;
			}
			break;
		}
		}
		if (st != DK_OK)
			return st;
	}
	return DK_OK;
}

/* Under prorata every network of a file with the fte key needs a value
 * (RULES.md section 5); positions are the network objects'. */
static void check_fte(const dk_json_doc *doc, const dk_read_opts *o, const cJSON *list,
		      const dk_networks *t, dk_error *d)
{
	if (o->plan->method != DK_METHOD_PRORATA || !((t->columns >> DK_COL_FTE) & 1u))
		return;
	size_t k = 0;
	for (const cJSON *e = list->child; e && k < t->n; e = e->next, k++) {
		const dk_network *n = &t->items[k];
		if (dk_network_has(n, DK_COL_FTE))
			continue;
		const cJSON *f = cJSON_GetObjectItemCaseSensitive(e, "fte");
		char q[80];
		dk_quote(n->name, q, sizeof q);
		dk_json_error(doc, d, f ? f : e, f != NULL,
			      _("fte: network '%s' has no teacher FTE, and prorata "
				"needs every network's; give a number (0 for none)"),
			      q);
	}
}

dk_status dk_networks_read_json(const dk_input *in, const dk_read_opts *o, dk_networks *t,
				int *header_line, dk_error *d)
{
	size_t before = d->n + d->dropped;
	dk_networks_init(t, o->plan->n_institutions);
	dk_json_doc doc;
	dk_status st = dk_json_doc_parse(&doc, in->name, in->text, in->len, d);
	if (st != DK_OK)
		return st;
	static const char *const top[] = {"networks", "totals", NULL};
	const cJSON *list = NULL, *totals = NULL;
	if (!cJSON_IsObject(doc.root)) {
		dk_json_error(&doc, d, doc.root, false,
			      _("networks file: %s; expected an object "
				"{\"networks\": [...]}"),
			      dk_json_type(doc.root));
		goto done;
	}
	dk_json_keys(&doc, d, doc.root, _("networks file"), top);
	list = cJSON_GetObjectItemCaseSensitive(doc.root, "networks");
	totals = cJSON_GetObjectItemCaseSensitive(doc.root, "totals");
	if (!list) {
		dk_json_error(&doc, d, doc.root, false,
			      _("networks file: no \"networks\" key; expected "
				"{\"networks\": [...]}"));
		goto done;
	}
	if (!cJSON_IsArray(list)) {
		dk_json_error(&doc, d, list, false,
			      _("networks: %s; expected an array of networks"),
			      dk_json_type(list));
		goto done;
	}
	if (cJSON_GetArraySize(list) > DK_ROWS_MAX) {
		dk_json_error(&doc, d, list, false,
			      _("networks: more than %d networks, the most a sheet "
				"can hold; split the file"),
			      DK_ROWS_MAX);
		goto done;
	}
	t->columns |= 1u << DK_COL_NETWORK;
	if (header_line) {
		int col;
		dk_json_pos(&doc, list, true, header_line, &col);
	}
	for (const cJSON *e = list->child; e && st == DK_OK; e = e->next) {
		int line, col;
		dk_json_pos(&doc, e, false, &line, &col);
		if (!cJSON_IsObject(e)) {
			dk_json_error(&doc, d, e, false,
				      _("networks: an entry is %s; expected an "
					"object with \"network\" and \"need\""),
				      dk_json_type(e));
			continue;
		}
		const cJSON *name = cJSON_GetObjectItemCaseSensitive(e, "network");
		if (!cJSON_IsString(name)) {
			if (name)
				dk_json_error(&doc, d, name, false,
					      _("network: %s; expected the network's "
						"name as a string"),
					      dk_json_type(name));
			else
				dk_json_error(&doc, d, e, false, "%s",
					      _("network: missing; expected the "
						"network's name as a string"));
			continue;
		}
		char q[80];
		dk_quote(name->valuestring, q, sizeof q);
		dk_name_kind kind = dk_name_kind_of(name->valuestring);
		if (kind == DK_NAME_TOTALS_LIKE) {
			dk_json_error(
				&doc, d, name, false,
				_("network: '%s' looks like a totals or subtotal "
				  "row; put stated totals under \"totals\", remove a "
				  "subtotal, or rename the network"),
				q);
			continue;
		}
		if (kind == DK_NAME_TOTALS) {
			dk_json_error(&doc, d, name, false,
				      _("network: '%s' is the name of a totals row; "
					"put stated totals under \"totals\""),
				      q);
			continue;
		}
		dk_network *n;
		char *trimmed = dk_name_trimmed(name->valuestring);
		if (!trimmed) {
			st = DK_ENOMEM;
			break;
		}
		st = dk_networks_add(t, trimmed, line, &n);
		free(trimmed);
		if (st == DK_OK) {
			char msgs[2][400];
			int np = dk_network_name_problems(t, n, msgs);
			for (int k = 0; k < np; k++)
				dk_json_error(&doc, d, name, false, "%s", msgs[k]);
		}
		int figures = 0;
		if (st == DK_OK)
			st = read_row(&doc, o, e, n, t, false, &figures, d);
		if (!o->supplement && !cJSON_GetObjectItemCaseSensitive(e, "need"))
			dk_json_error(&doc, d, e, false,
				      _("network '%s': no \"need\"; expected the "
					"reported need in kroner"),
				      q);
		else if (!o->supplement && figures == 0)
			dk_json_error(&doc, d, name, false,
				      _("network: '%s' has a name but no figures; is "
					"it a note? remove it from the list, or give "
					"its figures"),
				      q);
	}
	if (st == DK_OK && totals && !cJSON_IsNull(totals)) {
		if (!cJSON_IsObject(totals)) {
			dk_json_error(&doc, d, totals, false,
				      _("totals: %s; expected an object with the "
					"stated column sums"),
				      dk_json_type(totals));
		} else {
			dk_network *n;
			int line, col;
			dk_json_pos(&doc, totals, false, &line, &col);
			st = dk_networks_begin_totals(t, "", line, &n);
			int figures = 0;
			if (st == DK_OK)
				st = read_row(&doc, o, totals, n, t, true, &figures, d);
		}
	}
	if (st == DK_OK && t->n == 0 && d->n + d->dropped == before)
		dk_json_error(&doc, d, list, false,
			      _("networks: the list is empty; expected one entry "
				"per network"));
	if (st == DK_OK && d->n + d->dropped == before)
		check_fte(&doc, o, list, t, d);
done:
	dk_json_doc_release(&doc);
	if (st != DK_OK)
		return st;
	return d->n + d->dropped > before ? DK_EINPUT : DK_OK;
}

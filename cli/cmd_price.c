/*
 * cmd_price.c: `dekom price`: a template's prices, and with networks and a
 * plan what each network's UP2 money buys.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "io/i18n.h"
#include "engine/price.h"
#include "io/finding_text.h"
#include "io/json_pricing.h"
#include "io/outfile.h"
#include "io/report_price.h"

static dk_status price_book(const void *ctx, const char *path, const char *name,
			    dk_error *d)
{
	return dk_price_xlsx(ctx, path, name, d);
}

int dk_cmd_price(const dk_cli_opts *o)
{
	if (!o->pricing) {
		dk_cli_error("price", "%s",
			     _("no price template; expected -P PRICING.json "
			       "(see dekom help price)"));
		return DK_EXIT_USAGE;
	}
	if (o->argc > 0) {
		dk_cli_error("price", _("unexpected argument '%s'"), o->argv[0]);
		return DK_EXIT_USAGE;
	}
	if (dk_cli_book_without_file(o))
		return DK_EXIT_USAGE;
	dk_error d;
	dk_input in;
	dk_pricing tpl;
	dk_quotation q;
	dk_case c;
	dk_recommendation rec;
	dk_purchase *buys = NULL;
	bool with_case = o->networks || o->plan;
	int rc = DK_EXIT_OK;
	memset(&q, 0, sizeof q);
	memset(&c, 0, sizeof c);
	memset(&rec, 0, sizeof rec);
	dk_error_init(&d);
	dk_input_init(&in);
	dk_pricing_init(&tpl);
	dk_status st = dk_cli_load_input(&in, o->pricing, NULL, &d);
	if (st == DK_OK) {
		dk_pricing_release(&tpl);
		st = dk_pricing_read(&in, &tpl, &d);
	}
	if (st == DK_OK && o->output) {
		const char *inputs[] = {o->pricing};
		st = dk_output_check(o->output, inputs, 1, &d);
	}
	dk_cli_print_diags(&d);
	dk_error_release(&d);
	if (st == DK_OK && with_case)
		st = dk_cli_run_case(&c, &rec, o, true);
	if (st == DK_OK)
		st = dk_price_quote(&tpl, &q);
	if (st == DK_OK)
		st = dk_findings_render(&q.findings);
	if (st == DK_ERANGE)
		dk_cli_error("price", "%s",
			     _("the template's figures are too fine to compute "
			       "exactly in 128 bits; use fewer decimals"));
	int inst = -1;
	if (st == DK_OK && with_case) {
		inst = dk_plan_institution(&c.plan, tpl.institution);
		if (inst < 0) {
			dk_cli_error("price",
				     _("the template's institution '%s' is not an "
				       "institution of the plan"),
				     tpl.institution);
			st = DK_EINPUT;
		} else if (!rec.produced) {
			dk_cli_error("price", "%s",
				     _("the plan produces no amounts (see dekom "
				       "check), so no budgets"));
			st = DK_EINPUT;
		}
	}
	if (st == DK_OK && with_case) {
		buys = calloc(c.nets.n ? c.nets.n : 1, sizeof *buys);
		st = buys ? dk_price_budgets(&tpl, &q, inst, &rec, buys) : DK_ENOMEM;
		if (st == DK_ERANGE)
			dk_cli_error(
				"price", "%s",
				_("the packages' prices are so small against the budgets "
				  "that the combinations to try are too many; raise the "
				  "prices or round_to"));
	}
	if (st != DK_OK) {
		rc = dk_cli_exit(st);
	} else {
		dk_price_report r = {&tpl, &q, buys, &c.nets, dk_cli_english(o)};
		const char *fmt = dk_cli_default_format(o);
		if (strcmp(fmt, "xlsx") == 0) {
			rc = dk_cli_write_book(o, price_book, &r);
		} else {
			char *text;
			if (strcmp(fmt, "json") == 0)
				text = dk_cli_with_newline(dk_price_json(&r));
			else if (strcmp(fmt, "html") == 0)
				text = dk_price_html(&r);
			else if (strcmp(fmt, "csv") == 0)
				text = dk_price_csv(&r,
						    o->csv_dialect &&
							    strcmp(o->csv_dialect,
								   "excel-nb") == 0);
			else
				text = dk_price_text(&r, strcmp(fmt, "md") == 0);
			rc = dk_cli_write_text(o, text);
		}
		if (rc == DK_EXIT_OK) {
			dk_cli_say_written(o, &q.findings);
			rc = dk_cli_findings_exit(o, &q.findings);
		}
	}
	for (size_t k = 0; buys && k < c.nets.n; k++)
		dk_purchase_release(&buys[k]);
	free(buys);
	dk_quote_release(&q);
	if (with_case) {
		dk_recommendation_release(&rec);
		dk_case_release(&c);
	}
	dk_pricing_release(&tpl);
	dk_input_release(&in);
	return rc;
}

/*
 * quotation.c: the lifetime of a quotation and a purchase (see
 * quotation.h).
 */
#include "models/quotation.h"

#include <stdlib.h>
#include <string.h>

void dk_quote_release(dk_quotation *q)
{
	for (size_t i = 0; q->pkgs && i < q->n; i++) {
		free(q->pkgs[i].role_cost);
		free(q->pkgs[i].invoices);
	}
	free(q->pkgs);
	free(q->hourly);
	free(q->hourly_ore);
	dk_findings_release(&q->findings);
	memset(q, 0, sizeof *q);
}

void dk_purchase_release(dk_purchase *b)
{
	free(b->addons);
	memset(b, 0, sizeof *b);
}

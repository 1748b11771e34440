/*
 * finding_text.h: what a finding says, in words. The engine emits findings
 * as data (models/finding.h: a message key and its arguments); this module
 * renders each into an English and a bokmål sentence from the message
 * catalogue (io/i18n), so the engine holds no presentation and a wording
 * changes here and in po/nb.po only.
 */
#ifndef DK_FINDING_TEXT_H
#define DK_FINDING_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "models/recommendation.h"

/* Writes message and message_nb of every finding that has a message key
 * and no text yet. Call it once the computation that made the findings is
 * done, before any writer runs (the arguments' names are borrowed from the
 * models). DK_OK or DK_ENOMEM. */
dk_status dk_findings_render(dk_findings *f);

/* A finding's sentence in one language: its text when it has one
 * (rendered, or read back from a file), else rendered into buf (2048
 * bytes, as dk_findings_render renders) and buf returned. A writer that
 * streams a large recommendation renders each finding as it writes it
 * and keeps no sentence. */
#define DK_FINDING_TEXT_MAX 2048
const char *dk_finding_sentence(const dk_finding *x, bool english,
				char buf[DK_FINDING_TEXT_MAX]);

/* fmt (a message's template, English or translated) with its %s, %N$s
 * and %% filled in from args, into out as snprintf would write it; false
 * for any other conversion (then nothing is promised). */
bool dk_msg_expand(const char *fmt, const char *const args[DK_MSG_ARGS], char *out,
		   size_t size);

/* The English sentence (printf format of %s arguments) of a message, or
 * NULL for DK_MSG_NONE; and the words findings pass as arguments. For the
 * catalogue's test. */
const char *dk_msg_template(dk_msg m);
size_t dk_msg_words(const char *const **out);

#endif

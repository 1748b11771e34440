/*
 * finding_text.h: what a finding says, in words. The engine emits findings
 * as data (models/finding.h: a message key and its arguments); this module
 * renders each into an English and a bokmål sentence from the message
 * catalogue (io/i18n), so the engine holds no presentation and a wording
 * changes here and in po/nb.po only.
 */
#ifndef DK_FINDING_TEXT_H
#define DK_FINDING_TEXT_H

#include <stddef.h>

#include "models/recommendation.h"

/* Writes message and message_nb of every finding that has a message key
 * and no text yet. Call it once the computation that made the findings is
 * done, before any writer runs (the arguments' names are borrowed from the
 * models). DK_OK or DK_ENOMEM. */
dk_status dk_findings_render(dk_findings *f);

/* The English sentence (printf format of %s arguments) of a message, or
 * NULL for DK_MSG_NONE; and the words findings pass as arguments. For the
 * catalogue's test. */
const char *dk_msg_template(dk_msg m);
size_t dk_msg_words(const char *const **out);

#endif

// WhatsApp "Export chat" text reader (FORMATS.md section 4). One file (or the `_chat.txt` of an
// export zip) is one chat: one channel, keyed "whatsapp:" + the chat name taken from the file
// name ("WhatsApp Chat with <name>.txt"; for `_chat.txt`, its folder, else "WhatsApp chat").
//
// Contracts:
// - Chunks may split anywhere (inside a UTF-8 sequence, between '\r' and '\n'); the events never
//   depend on the split. Memory: the longest line plus compact records while the date order is
//   undecided (see below), never the text.
// - A message starts at a line "d/m/yy, HH:mm - Name: text" (Android) or
//   "[d/m/yy, HH:mm:ss] Name: text" (iOS), in the layout of the file's first such line; every
//   other line (also a blank one) continues the previous message. Dates are day-month-year,
//   month-day-year or year-month-day with '/', '.' or '-', 2- or 4-digit years; times are 24 h or
//   12 h ("AM", "pm", "a. m."); U+200E/U+200F/U+202A-U+202E/U+2066-U+2069 marks, NBSP and U+202F
//   may appear anywhere in the header.
// - Day/month order is decided per date layout (separator and year width) over the whole file:
//   the first date that is valid in one order only decides. Until then messages are held back
//   as compact records. A layout never decided by the end takes the order under which the dates
//   run (more) chronologically; if that ties too, month-first for '/' dates with an "AM"/"PM"
//   clock, else day-first, with the counted warning "ingest.whatsapp.ambiguous_date_order".
// - Times are the phone's wall clock without a zone: read as UTC (info diagnostic, once).
// - The export has no reply links (ChannelInfo.replies_exported = false), no message ids, no
//   roster. People are keyed by their name as written (a phone number is a name; "You" is the
//   exporter); @mentions of a name or phone number seen before are mentions.
// - System lines (English wording): E2E notices, "created group", "added", "joined using this
//   group's invite link", "left", "removed", subject/icon/description/settings changes,
//   security codes, "is a contact", message timers. Also when iOS writes them as the group
//   "speaking" ("Group: \u200eAlice added Bob"). Joins and leaves are kJoin/kLeave system
//   messages authored by the person who joined or left (one per person added or removed); the
//   rest are kOther, by the actor or, for notices, by the pseudo-person "WhatsApp" (a bot).
// - Media placeholders ("<Media omitted>", "image omitted", "<attached: ...>", "x.jpg (file
//   attached)", "null") and deleted messages are messages with text_bytes 0 (plus any caption
//   lines); "<This message was edited>" is not counted as text.
// - Errors: no message line among the first 1000 lines, or none at all, is kUnsupportedFormat
//   "ingest.whatsapp.not_whatsapp"; a line over 16 MiB is kLimitExceeded
//   "ingest.whatsapp.line_too_long". Text before the first message and dates invalid in the
//   file's order are counted diagnostics.
#pragma once

#include <memory>

#include "ingest/reader.h"
#include "ingest/sniff.h"

namespace meshcheck::ingest {

std::unique_ptr<Reader> MakeWhatsAppTextReader(const ReaderContext& context);
// Yes when the first line is a message line and either the file is named like an export
// ("_chat.txt", "WhatsApp Chat with *.txt", "WhatsApp Chat - *.txt") or a second line of the
// same layout follows (or the input holds just that one line).
bool SniffWhatsAppText(const Head& head);

}  // namespace meshcheck::ingest

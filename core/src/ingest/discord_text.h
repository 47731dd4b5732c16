// DiscordChatExporter PlainText reader (FORMATS.md 1b). Layout (2019 and current DCE):
//
//   ==============================================================
//   Guild: Komodo
//   Channel: official📢            (current DCE: "Category / channel")
//   Topic: ...                     (Messages:, Range: in 2019; After:, Before: now)
//   ==============================================================
//
//   [10-Jun-18 09:43 AM] Author#1234          (current DCE may add " (pinned)")
//   content lines (may hold blank lines)
//
//   {Attachments} / {Embed} / {Stickers} / {Reactions} blocks
//
//   ==============================================================   (current DCE only:)
//   Exported 100 message(s)
//   ==============================================================
//
// Rules (besides those of dce_common.h, shared with CSV):
// - A message starts at a line "[<date>] <author>"; the text is the lines up to the first
//   block marker or the next message, without trailing blank lines. A "[...]" line counts as a
//   message start when its date parses or looks like a date (three digit groups and a ':');
//   one whose date does not parse is kept undated (counted).
// - {Reactions}: the line after it lists "emoji" or "emoji (n)" separated by spaces;
//   reaction_count is the sum (1 when no count is written). Other blocks are skipped.
// - The channel is named by the header's "Channel:" and "Guild:", keyed by the path.
// - A header "Messages: N" or footer "Exported N message(s)" that disagrees with the messages
//   read is a diagnostic ("ingest.discord.count_mismatch": the file may be cut off). Text before
//   the first message that is not the header is counted ("ingest.discord.stray_line").
// - An input with neither the header block nor any message line is kUnsupportedFormat
//   "ingest.discord.not_dce_text". A line over 16 MiB is kLimitExceeded.
// - Memory: one message's first 64 KiB of text (for relays and mentions), never the file.
#pragma once

#include <memory>

#include "ingest/reader.h"
#include "ingest/sniff.h"

namespace meshcheck::ingest {

std::unique_ptr<Reader> MakeDiscordTextReader(const ReaderContext& context);
// Sure when the first lines are a "====" rule, "Guild: ..." and "Channel: ...".
bool SniffDiscordText(const Head& head);

// The reactions line of a PlainText {Reactions} block ("👌 🚀 (2) " -> 3).
uint32_t DceTextReactionCount(std::string_view line);

}  // namespace meshcheck::ingest

// DiscordChatExporter CSV reader (FORMATS.md 1b): the 2019 variant
// `AuthorID;Author;Date;Content;Attachments;Reactions;` (every field quoted, dates like
// "10-Jun-18 09:43 AM" without a zone) and the current one
// `AuthorID,Author,Date,Content,Attachments,Reactions`. One file is one channel or one numbered
// partition of it; the partitions of a channel meet on one channel key (dce_common.h).
//
// Rules (besides those of dce_common.h, shared with PlainText):
// - Columns are found by their header names; AuthorID, Author, Date and Content are required,
//   else kUnsupportedFormat "ingest.discord.not_dce_csv" naming what is missing and found.
// - The delimiter (',' or ';') is the header's; rows of another width are skipped and counted
//   (csv_table.h).
// - Reactions "emoji (n),emoji (n)": reaction_count is the sum of the n (an item without a
//   count counts 1). Who reacted is not exported.
// - Attachments are ignored; the text is Content (its size only).
#pragma once

#include <memory>

#include "ingest/reader.h"
#include "ingest/sniff.h"

namespace meshcheck::ingest {

std::unique_ptr<Reader> MakeDiscordCsvReader(const ReaderContext& context);
// Sure when the first line is exactly DCE's header, with either delimiter (and the 2019
// trailing one).
bool SniffDiscordCsv(const Head& head);

// The sum of the counts in a DCE reactions field ("👍 (3),🚀 (1)" -> 4).
uint32_t DceCsvReactionCount(std::string_view field);

}  // namespace meshcheck::ingest

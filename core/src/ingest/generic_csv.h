// meshcheck's generic CSV reader: the documented format for exports meshcheck has no reader
// for (docs/generic-csv.md is the user-facing contract; keep the two in step).
//
// Rules:
// - The first line is a header; the delimiter is ',', ';' or tab, whichever the header uses
//   most. Columns are found by header name (any case, surrounding spaces ignored), in any
//   order; other columns are ignored. Fields and their default header names: id, timestamp,
//   author, reply_to, thread, channel, kind, text. Options::csv_columns
//   ("field=Header,field=Header") renames them; a bad spec is kInvalidArgument
//   "ingest.csv.bad_columns_option".
// - timestamp and author are required, and so is every column the spec names: if the header
//   lacks one, kUnsupportedFormat "ingest.csv.missing_columns" names what is missing and what
//   the header has.
// - timestamp: ISO 8601 (without a zone: read as UTC, counted "ingest.csv.local_time"), or
//   Unix time as a number: seconds below 100,000,000,000, else milliseconds. Anything else
//   keeps the row undated ("ingest.csv.bad_timestamp").
// - author: the person's stable key and name; a row without one is skipped
//   ("ingest.csv.no_author").
// - id, reply_to, thread: message ids (reply_to and thread point to ids in the same channel).
//   The channel has replies_exported = true only when the header has a reply_to column.
// - channel: the channel key and name; without the column (or value), the file is the channel
//   (key its path, name its file name without extension).
// - kind (any case): message or empty; system; join; leave; bot (a message by a bot); host (a
//   message by the group's host); forward (forwarded, not the author's own words). Other values
//   are read as message and counted ("ingest.csv.unknown_kind").
// - text: only its size is used.
// - Rows of another width than the header are skipped and counted; see csv_table.h for the
//   rest (truncation, limits, UTF-8).
#pragma once

#include <array>
#include <memory>
#include <string>

#include "ingest/reader.h"
#include "ingest/sniff.h"

namespace meshcheck::ingest {

std::unique_ptr<Reader> MakeGenericCsvReader(const ReaderContext& context);
// Sure when the header holds id, timestamp and author under their default names. Asked last.
bool SniffGenericCsv(const Head& head);

// The fields of the generic CSV, in the order of kGenericCsvFields.
enum class CsvField : uint8_t {
  kId,
  kTimestamp,
  kAuthor,
  kReplyTo,
  kThread,
  kChannel,
  kKind,
  kText
};
inline constexpr std::array<std::string_view, 8> kGenericCsvFields = {
    "id", "timestamp", "author", "reply_to", "thread", "channel", "kind", "text"};

// Header names per field from a csv_columns spec; fields the spec does not name keep their
// default name. `named[i]` tells whether the spec named field i. A bad spec is a Status.
struct CsvColumnNames {
  std::array<std::string, 8> header;
  std::array<bool, 8> named{};
};
Status ParseCsvColumns(std::string_view spec, CsvColumnNames* out);

}  // namespace meshcheck::ingest

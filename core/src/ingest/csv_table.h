// CsvTableReader: the Reader mechanics shared by the CSV formats whose first record is a
// header (DCE CSV, YouTube Takeout CSV, generic CSV), over CsvParser (csv.h).
//
// Contracts:
// - Chunks may split anywhere, also inside the UTF-8 BOM (skipped) and the header.
// - The delimiter is chosen from the header line among the reader's candidates: the one that
//   occurs most often outside quotes (a tie goes to the earlier candidate).
// - OnHeader gets the header's fields once; OnRecord every later record whose field count is
//   the header's. A record of another width is skipped and counted ("<prefix>.bad_row"). A
//   non-ok Status from either hook stops the input with that Status.
// - End: a quoted field still open at the end skips the rest of the file and is a diagnostic
//   ("<prefix>.truncated") when records were read before it, else kParseError
//   "ingest.csv.unterminated_quote". A record longer than 16 MiB is kLimitExceeded
//   "ingest.csv.record_too_long"; an input without a header is kParseError "ingest.csv.empty".
// - Strings handed to the sink go through Utf8(): invalid UTF-8 is replaced by U+FFFD and
//   counted once per input ("ingest.invalid_utf8").
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/csv.h"
#include "ingest/json_reader.h"
#include "ingest/reader.h"
#include "ingest/sniff.h"

namespace meshcheck::ingest {

using CsvFields = std::span<const std::string_view>;

// The delimiter among `candidates` that occurs most often outside quotes in `line`.
char DetectCsvDelimiter(std::string_view line, std::string_view candidates);

// The fields of one CSV line (quotes removed); nullopt if a quote is left open.
std::optional<std::vector<std::string>> SplitCsvLine(std::string_view line, char delimiter);

// The index of the first of `fields` equal to `name` (ASCII case-insensitive, surrounding
// spaces ignored), or -1.
int FindCsvColumn(CsvFields fields, std::string_view name);

// Strings made valid UTF-8 for the sink (invalid sequences become U+FFFD), valid until Reset.
// For sniffers: the fields of the first line of `head` split by the delimiter detected among
// `delimiters`; empty if that line is not complete yet or leaves a quote open.
std::vector<std::string> SniffCsvHeader(const Head& head, std::string_view delimiters);

// A column a reader looks for by name; *index gets its position, or -1.
struct CsvColumn {
  std::string_view name;
  int* index;
  bool required = true;
};
// Looks up each of `columns` (FindCsvColumn); returns the required ones not found, as
// "\"A\", \"B\"" (empty when all were found).
std::string FindCsvColumns(CsvFields fields, std::span<const CsvColumn> columns);

// The header's fields as "a, b, c" for error messages (at most 12 fields of 40 bytes).
std::string DescribeCsvHeader(CsvFields fields);

class Utf8Strings {
 public:
  std::string_view Valid(std::string_view text);
  void Reset() { strings_.Reset(); }
  // Adds "ingest.invalid_utf8" with the number of repairs, if there were any.
  void Report(const ReaderContext& context) const;

 private:
  RecordStrings strings_;
  uint64_t repaired_ = 0;
};

class CsvTableReader : public Reader {
 public:
  CsvTableReader(const ReaderContext& context, std::string_view delimiters, std::string id_prefix);

  Status Push(std::string_view chunk) final;
  Status End() final;

 protected:
  virtual Status OnHeader(CsvFields fields) = 0;
  virtual Status OnRecord(CsvFields fields) = 0;
  // After the last record of an input that read well: final diagnostics.
  virtual void OnEnd() {}

  const ReaderContext& context() const { return context_; }
  // Where the current record starts.
  Location Here() const;
  char delimiter() const { return delimiter_; }
  uint64_t records() const { return records_; }
  // `text` as valid UTF-8, valid until the next record.
  std::string_view Utf8(std::string_view text) { return strings_.Valid(text); }

 private:
  Status Feed(std::string_view bytes);
  // Advances scanned_ to the end of the header line (a '\n' outside quotes): true if found.
  bool FindHeaderLineEnd();
  Status StartParser();
  Status ParserError();
  bool Deliver(CsvFields fields);

  ReaderContext context_;
  std::string delimiters_;
  std::string id_prefix_;
  char delimiter_ = ',';
  std::optional<CsvParser> parser_;  // Made once the header line is known.
  std::string held_;                 // Leading bytes held back until then.
  size_t scanned_ = 0;               // Bytes of held_ searched for the header line's end.
  bool scan_quoted_ = false;
  uint64_t skipped_ = 0;  // BOM bytes skipped before the parser.
  bool bom_checked_ = false;
  bool header_seen_ = false;
  size_t header_fields_ = 0;
  uint64_t records_ = 0;
  Status stop_;  // Why a hook stopped the parser.
  Utf8Strings strings_;
};

}  // namespace meshcheck::ingest

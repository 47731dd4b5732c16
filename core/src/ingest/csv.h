// CsvParser: RFC 4180 records from pushed bytes, for the CSV formats (DCE CSV, YouTube Takeout,
// generic CSV).
//
// Contracts:
// - Chunks may split anywhere; records never depend on the split.
// - Fields may be quoted ("a ""b"" c"), and quoted fields may hold the delimiter and newlines.
//   A quote inside an unquoted field is kept as text (real exports have them). Records end at
//   "\n" or "\r\n"; blank lines are skipped (a line holding only `""` is a record of one
//   empty field).
// - `on_record(std::span<const std::string_view> fields)` returns bool (false stops the
//   parser); views are valid only during the call.
// - Finish() delivers a last record without a terminator; an unterminated quoted field at the
//   end is error kUnterminatedQuote (the records before it were delivered). Call it once.
// - A record longer than max_record_bytes is error kRecordTooLong at its first byte.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/limits.h"

namespace meshcheck::ingest {

class CsvParser {
 public:
  enum class Error : uint8_t { kNone, kRecordTooLong, kUnterminatedQuote, kStopped };
  using OnRecord = std::function<bool(std::span<const std::string_view> fields)>;

  static constexpr size_t kDefaultMaxRecordBytes = kCsvMaxRecordBytes;
  explicit CsvParser(char delimiter = ',', size_t max_record_bytes = kDefaultMaxRecordBytes)
      : delimiter_(delimiter), max_record_bytes_(max_record_bytes) {}

  bool Push(std::string_view chunk, const OnRecord& on_record);
  bool Finish(const OnRecord& on_record);

  Error error() const { return error_; }
  uint64_t record_line() const { return record_line_; }      // 1-based line where it starts.
  uint64_t record_offset() const { return record_offset_; }  // Byte offset where it starts.

 private:
  enum class State : uint8_t { kFieldStart, kUnquoted, kQuoted, kQuoteInQuoted, kCr };
  void EndField();
  bool EndRecord(const OnRecord& on_record);
  bool Fail(Error e);

  char delimiter_;
  size_t max_record_bytes_;
  State state_ = State::kFieldStart;
  std::string buffer_;              // The current record's field bytes, back to back.
  std::vector<size_t> field_ends_;  // End offset of each finished field in buffer_.
  std::vector<std::string_view> views_;
  bool in_record_ = false;
  bool quoted_ = false;  // The record has a quoted field: `""` alone is a record, not blank.
  uint64_t offset_ = 0;  // Bytes consumed.
  uint64_t line_ = 1;    // Line of the byte at offset_.
  uint64_t record_line_ = 0;
  uint64_t record_offset_ = 0;
  Error error_ = Error::kNone;
};

}  // namespace meshcheck::ingest

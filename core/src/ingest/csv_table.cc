#include "ingest/csv_table.h"

#include "base/printable.h"
#include "base/strings.h"
#include "base/utf8.h"
#include "ingest/limits.h"

namespace meshcheck::ingest {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

}  // namespace

char DetectCsvDelimiter(std::string_view line, std::string_view candidates) {
  char best = candidates.empty() ? ',' : candidates[0];
  size_t best_count = 0;
  for (char candidate : candidates) {
    size_t count = 0;
    bool quoted = false;
    for (char c : line) {
      if (c == '"')
        quoted = !quoted;
      else if (c == candidate && !quoted)
        ++count;
    }
    if (count > best_count) {
      best = candidate;
      best_count = count;
    }
  }
  return best;
}

std::optional<std::vector<std::string>> SplitCsvLine(std::string_view line, char delimiter) {
  std::vector<std::string> out;
  CsvParser parser(delimiter);
  auto first = [&out](CsvFields fields) {
    out.assign(fields.begin(), fields.end());
    return false;  // One record is enough.
  };
  if (parser.Push(line, first) && !parser.Finish(first) &&
      parser.error() == CsvParser::Error::kUnterminatedQuote) {
    return std::nullopt;
  }
  return out;
}

int FindCsvColumn(CsvFields fields, std::string_view name) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (base::EqualsIgnoreCase(base::TrimAscii(fields[i]), name))
      return static_cast<int>(i);
  }
  return -1;
}

std::string FindCsvColumns(CsvFields fields, std::span<const CsvColumn> columns) {
  std::string missing;
  for (const CsvColumn& c : columns) {
    *c.index = FindCsvColumn(fields, c.name);
    if (*c.index < 0 && c.required) {
      missing += missing.empty() ? "\"" : ", \"";
      missing += c.name;
      missing += '"';
    }
  }
  return missing;
}

std::vector<std::string> SniffCsvHeader(const Head& head, std::string_view delimiters) {
  const std::vector<std::string_view> lines = head.Lines(1);
  if (lines.empty())
    return {};
  return SplitCsvLine(lines[0], DetectCsvDelimiter(lines[0], delimiters))
      .value_or(std::vector<std::string>());
}

std::string DescribeCsvHeader(CsvFields fields) {
  std::string out;
  for (size_t i = 0; i < fields.size() && i < 12; ++i) {
    if (i > 0)
      out += ", ";
    out += '"' + base::Printable(base::TrimAscii(fields[i]), 40) + '"';
  }
  if (fields.size() > 12)
    out += ", ...";
  return out.empty() ? "nothing" : out;
}

CsvTableReader::CsvTableReader(const ReaderContext& context,
                               std::string_view delimiters,
                               std::string id_prefix)
    : context_(context), delimiters_(delimiters), id_prefix_(std::move(id_prefix)) {}

Location CsvTableReader::Here() const {
  if (!parser_)
    return {context_.input, skipped_, 1};
  return {context_.input, skipped_ + parser_->record_offset(), parser_->record_line()};
}

std::string_view Utf8Strings::Valid(std::string_view text) {
  if (base::IsValidUtf8(text))
    return text;
  std::string fixed;
  repaired_ += base::AppendRepairedUtf8(text, &fixed);
  return strings_.Put(fixed);
}

void Utf8Strings::Report(const ReaderContext& context) const {
  if (repaired_ == 0)
    return;
  context.diagnostics->Add("ingest.invalid_utf8", base::Severity::kWarning,
                           "Invalid UTF-8 byte sequences were replaced by U+FFFD.",
                           Location{context.input, 0, 0}, repaired_);
}

bool CsvTableReader::Deliver(CsvFields fields) {
  strings_.Reset();
  if (!header_seen_) {
    header_seen_ = true;
    header_fields_ = fields.size();
    stop_ = OnHeader(fields);
    return stop_.ok();
  }
  if (fields.size() != header_fields_) {
    context_.diagnostics->Add(
        id_prefix_ + ".bad_row", base::Severity::kWarning,
        "Rows whose number of fields differs from the header's were skipped (a stray delimiter "
        "or a damaged line).",
        Here());
    return true;
  }
  ++records_;
  stop_ = OnRecord(fields);
  return stop_.ok();
}

Status CsvTableReader::ParserError() {
  switch (parser_->error()) {
    case CsvParser::Error::kStopped:
      return stop_;
    case CsvParser::Error::kRecordTooLong:
      return Status(StatusCode::kLimitExceeded, "ingest.csv.record_too_long",
                    "A CSV record is longer than " + BytesText(kCsvMaxRecordBytes) +
                        ", beyond the safety limit (a quote that never closes, or not a CSV "
                        "export).",
                    Here());
    case CsvParser::Error::kUnterminatedQuote:
      if (header_seen_ && records_ > 0) {
        context_.diagnostics->Add(id_prefix_ + ".truncated", base::Severity::kWarning,
                                  "A quoted field is never closed: the file looks cut off. The "
                                  "rows before it were read; the rest was skipped.",
                                  Here());
        return Status::Ok();
      }
      return Status(StatusCode::kParseError, "ingest.csv.unterminated_quote",
                    "A quoted CSV field opened here is never closed, so no row could be read.",
                    Here());
    case CsvParser::Error::kNone:
      break;
  }
  return Status::Ok();
}

Status CsvTableReader::Feed(std::string_view bytes) {
  auto deliver = [this](CsvFields fields) { return Deliver(fields); };
  return parser_->Push(bytes, deliver) ? Status::Ok() : ParserError();
}

bool CsvTableReader::FindHeaderLineEnd() {
  for (; scanned_ < held_.size(); ++scanned_) {
    if (held_[scanned_] == '"')
      scan_quoted_ = !scan_quoted_;
    else if (held_[scanned_] == '\n' && !scan_quoted_)
      return true;
  }
  return false;
}

Status CsvTableReader::StartParser() {
  FindHeaderLineEnd();
  delimiter_ = DetectCsvDelimiter(std::string_view(held_).substr(0, scanned_), delimiters_);
  parser_.emplace(delimiter_);
  const std::string bytes = std::move(held_);
  held_.clear();
  return Feed(bytes);
}

Status CsvTableReader::Push(std::string_view chunk) {
  if (parser_)
    return Feed(chunk);
  held_.append(chunk);
  if (!bom_checked_) {
    if (held_.size() < kBom.size() && base::StartsWith(kBom, held_))
      return Status::Ok();
    bom_checked_ = true;
    if (base::StartsWith(held_, kBom)) {
      held_.erase(0, kBom.size());
      skipped_ = kBom.size();
    }
  }
  if (held_.size() < kCsvMaxHeaderWaitBytes && !FindHeaderLineEnd())
    return Status::Ok();
  return StartParser();
}

Status CsvTableReader::End() {
  if (!parser_) {
    Status s = StartParser();
    if (!s.ok())
      return s;
  }
  auto deliver = [this](CsvFields fields) { return Deliver(fields); };
  if (!parser_->Finish(deliver)) {
    Status s = ParserError();
    if (!s.ok())
      return s;
  }
  if (!header_seen_) {
    return Status(StatusCode::kParseError, "ingest.csv.empty",
                  "The file is empty: it has no CSV header, so nothing could be read.",
                  Location{context_.input, 0, 0});
  }
  OnEnd();
  strings_.Report(context_);
  return Status::Ok();
}

}  // namespace meshcheck::ingest

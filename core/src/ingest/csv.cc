#include "ingest/csv.h"

namespace meshcheck::ingest {

bool CsvParser::Fail(Error e) {
  error_ = e;
  return false;
}

void CsvParser::EndField() {
  field_ends_.push_back(buffer_.size());
}

bool CsvParser::EndRecord(const OnRecord& on_record) {
  EndField();
  in_record_ = false;
  state_ = State::kFieldStart;
  const bool blank = field_ends_.size() == 1 && buffer_.empty() && !quoted_;
  bool go_on = true;
  if (!blank) {
    views_.clear();
    size_t start = 0;
    for (size_t end : field_ends_) {
      views_.emplace_back(buffer_.data() + start, end - start);
      start = end;
    }
    go_on = on_record(views_);
  }
  buffer_.clear();
  field_ends_.clear();
  quoted_ = false;
  return go_on || Fail(Error::kStopped);
}

bool CsvParser::Push(std::string_view chunk, const OnRecord& on_record) {
  if (error_ != Error::kNone)
    return false;
  for (size_t i = 0; i < chunk.size(); ++i, ++offset_) {
    const char c = chunk[i];
    if (!in_record_) {
      if (c == '\n') {  // A blank line.
        ++line_;
        continue;
      }
      in_record_ = true;
      record_line_ = line_;
      record_offset_ = offset_;
    }
    if (c == '\n')
      ++line_;
    if (offset_ - record_offset_ >= max_record_bytes_)
      return Fail(Error::kRecordTooLong);
    switch (state_) {
      case State::kFieldStart:
        if (c == '"') {
          state_ = State::kQuoted;
          quoted_ = true;
          break;
        }
        state_ = State::kUnquoted;
        [[fallthrough]];
      case State::kUnquoted:
        if (c == delimiter_) {
          EndField();
          state_ = State::kFieldStart;
        } else if (c == '\n') {
          if (!EndRecord(on_record))
            return false;
        } else if (c == '\r') {
          state_ = State::kCr;
        } else {
          buffer_.push_back(c);
        }
        break;
      case State::kQuoted:
        if (c == '"')
          state_ = State::kQuoteInQuoted;
        else
          buffer_.push_back(c);
        break;
      case State::kQuoteInQuoted:
        if (c == '"') {
          buffer_.push_back('"');
          state_ = State::kQuoted;
        } else if (c == delimiter_) {
          EndField();
          state_ = State::kFieldStart;
        } else if (c == '\n') {
          if (!EndRecord(on_record))
            return false;
        } else if (c == '\r') {
          state_ = State::kCr;
        } else {  // Text after a closing quote: kept, as lenient parsers do.
          buffer_.push_back(c);
          state_ = State::kUnquoted;
        }
        break;
      case State::kCr:
        if (c == '\n') {
          if (!EndRecord(on_record))
            return false;
        } else {  // A lone '\r' is text; this byte is read again as unquoted text.
          buffer_.push_back('\r');
          state_ = State::kUnquoted;
          --i;
          --offset_;
        }
        break;
    }
  }
  return true;
}

bool CsvParser::Finish(const OnRecord& on_record) {
  if (error_ != Error::kNone)
    return false;
  if (!in_record_)
    return true;
  if (state_ == State::kQuoted)
    return Fail(Error::kUnterminatedQuote);
  if (state_ == State::kCr)
    buffer_.push_back('\r');
  return EndRecord(on_record);
}

}  // namespace meshcheck::ingest

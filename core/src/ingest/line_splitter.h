// LineSplitter: turns pushed bytes into lines for the text formats (WhatsApp, DCE PlainText,
// mbox, NDJSON).
//
// Contracts:
// - Chunks may split anywhere, also between '\r' and '\n'; the lines never depend on the split.
// - A line is delivered without its terminator ("\n" or "\r\n"); a lone '\r' stays in the line.
//   The view is valid only during the callback.
// - Finish() delivers a last line that has no terminator (if not empty); call it once.
// - A line longer than max_line_bytes stops the splitter: Push returns false and
//   too_long() is true; line_number()/line_offset() then name that line.
// - Memory: the longest line that straddles chunks, never the input.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "ingest/limits.h"

namespace meshcheck::ingest {

class LineSplitter {
 public:
  static constexpr size_t kDefaultMaxLineBytes = kMaxLineBytes;
  explicit LineSplitter(size_t max_line_bytes = kDefaultMaxLineBytes)
      : max_line_bytes_(max_line_bytes) {}

  // `on_line(std::string_view line)` returns bool: false stops the splitter (Push returns
  // false, too_long() stays false).
  template <class OnLine>
  bool Push(std::string_view chunk, OnLine&& on_line) {
    if (stopped_)
      return false;
    while (!chunk.empty()) {
      const size_t nl = chunk.find('\n');
      if (nl == std::string_view::npos) {
        if (carry_.size() + chunk.size() > max_line_bytes_)
          return TooLong();
        carry_.append(chunk);
        return true;
      }
      std::string_view line = chunk.substr(0, nl);
      const uint64_t consumed = nl + 1;
      chunk.remove_prefix(consumed);
      if (!carry_.empty()) {
        if (carry_.size() + line.size() > max_line_bytes_)
          return TooLong();
        carry_.append(line);
        line = carry_;
      } else if (line.size() > max_line_bytes_) {
        return TooLong();
      }
      if (!Deliver(line, line.size() + 1, on_line))
        return false;
      carry_.clear();
    }
    return true;
  }

  template <class OnLine>
  bool Finish(OnLine&& on_line) {
    if (stopped_ || carry_.empty())
      return !stopped_;
    const std::string last = std::move(carry_);
    carry_.clear();
    return Deliver(last, last.size(), on_line);
  }

  uint64_t line_number() const { return line_number_; }  // 1-based, of the current line.
  uint64_t line_offset() const { return line_offset_; }  // Byte offset where it starts.
  bool too_long() const { return too_long_; }

 private:
  template <class OnLine>
  bool Deliver(std::string_view line, uint64_t size_with_newline, OnLine& on_line) {
    line_offset_ = next_offset_;
    ++line_number_;
    next_offset_ += size_with_newline;
    if (!line.empty() && line.back() == '\r')
      line.remove_suffix(1);
    if (!on_line(line)) {
      stopped_ = true;
      return false;
    }
    return true;
  }
  bool TooLong() {
    line_offset_ = next_offset_;
    line_number_ += 1;
    stopped_ = too_long_ = true;
    return false;
  }

  size_t max_line_bytes_;
  std::string carry_;
  uint64_t line_number_ = 0;
  uint64_t line_offset_ = 0;
  uint64_t next_offset_ = 0;
  bool stopped_ = false;
  bool too_long_ = false;
};

}  // namespace meshcheck::ingest

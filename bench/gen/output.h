// Buffered output with an optional size limit. A writer renders each record at the end of
// buffer(), then Commit() keeps it only if the total, plus the bytes the writer still needs to
// close its document, stays within the limit; otherwise the record is dropped and the writer
// closes the document. Bytes leave in large blocks through a callback, between records only.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace meshcheck::gen {

class Output {
 public:
  // Receives each block; returns false on a write error (which stops the output).
  using Sink = std::function<bool(std::string_view)>;

  explicit Output(Sink sink, uint64_t limit = 0);  // limit 0: none.

  std::string& buffer() { return buffer_; }
  // The buffer's size before a record is rendered.
  size_t Mark() const { return buffer_.size(); }
  // Keeps the bytes rendered since `mark` if they fit with `closing_bytes` more; else drops
  // them and returns false.
  bool Commit(size_t mark, uint64_t closing_bytes);
  // Writes what is buffered. Returns false if any block failed to write.
  bool Finish();

  uint64_t bytes() const { return flushed_ + buffer_.size(); }

 private:
  Sink sink_;
  uint64_t limit_;
  uint64_t flushed_ = 0;
  std::string buffer_;
  bool ok_ = true;
};

}  // namespace meshcheck::gen

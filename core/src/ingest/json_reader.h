// Shared mechanics of readers whose format is one JSON document: the tokenizer, the mapping of
// tokenizer errors to input errors, truncation handling, and a pool of per-record strings.
#pragma once

#include <cstdint>
#include <cstring>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/json_stream.h"
#include "ingest/reader.h"

namespace meshcheck::ingest {

// Strings copied out of transient tokenizer views for the duration of one record. Views stay
// valid until Reset. Short strings are packed into blocks reused from record to record (no
// allocation once the first records have sized them); long ones get a string of their own (a
// deque never moves its elements).
class RecordStrings {
 public:
  std::string_view Put(std::string_view text) {
    if (text.size() > left_) {
      if (text.size() > kBlockBytes / 4)
        return PutLong(text);
      NextBlock();
    }
    char* const at = cursor_;
    if (!text.empty())  // An empty view may hold a null pointer.
      std::memcpy(at, text.data(), text.size());
    cursor_ += text.size();
    left_ -= text.size();
    return {at, text.size()};
  }
  void Reset() {
    next_block_ = 0;
    cursor_ = nullptr;
    left_ = 0;
    long_used_ = 0;
  }

 private:
  static constexpr size_t kBlockBytes = 4096;

  void NextBlock() {
    if (next_block_ == blocks_.size())
      blocks_.push_back(std::make_unique<char[]>(kBlockBytes));
    cursor_ = blocks_[next_block_++].get();
    left_ = kBlockBytes;
  }
  std::string_view PutLong(std::string_view text) {
    if (long_used_ == long_.size())
      long_.emplace_back();
    std::string& slot = long_[long_used_++];
    slot.assign(text);
    return slot;
  }

  std::vector<std::unique_ptr<char[]>> blocks_;
  size_t next_block_ = 0;  // Blocks before it are in use.
  char* cursor_ = nullptr;
  size_t left_ = 0;  // Free bytes at cursor_.
  std::deque<std::string> long_;
  size_t long_used_ = 0;
};

// Maps a tokenizer error to the input's Status: syntax and string errors are parse errors,
// depth and size are limits. `format_label` names the format in messages ("DiscordChatExporter
// JSON").
Status JsonErrorStatus(const JsonError& error, int32_t input, std::string_view format_label);

// Base of a reader over one JSON document: owns the tokenizer driving `Derived`'s SAX handler
// methods, and implements Push/End. Derived provides:
//   uint64_t records() const;           // records delivered so far
//   Status CheckShape() const;          // at End: ok if the document had the expected shape
//   const char* label() const;          // "DiscordChatExporter JSON"
//   const char* id_prefix() const;      // "ingest.discord"
template <class Derived>
class JsonDocumentReader : public Reader {
 public:
  // `self` is the derived reader (its `this`, passed from its constructor: casting our own
  // `this` down before the derived object exists would be undefined).
  JsonDocumentReader(Derived* self, const ReaderContext& context, JsonLimits limits = {})
      : context_(context), tokenizer_(self, limits) {}

  Status Push(std::string_view chunk) override {
    chunk_begin_ = reinterpret_cast<uintptr_t>(chunk.data());
    chunk_size_ = chunk.size();
    const bool ok = tokenizer_.Push(chunk);
    self().ChunkEnd();
    chunk_size_ = 0;
    if (!ok)
      return Failure();
    return Status::Ok();
  }

  Status End() override {
    if (tokenizer_.Finish()) {
      ReportRepairs();
      return self().CheckShape();
    }
    if (tokenizer_.error().kind == JsonErrorKind::kTruncated && self().records() > 0) {
      ReportRepairs();
      const std::string id = std::string(self().id_prefix()) + ".truncated";
      context_.diagnostics->Add(
          id, base::Severity::kWarning,
          "The file ends early (it looks cut off); the messages before the cut were read and "
          "the incomplete last one was skipped.",
          Location{context_.input, tokenizer_.offset(), tokenizer_.line()});
      return Status::Ok();
    }
    return Failure();
  }

 protected:
  const ReaderContext& context() const { return context_; }
  // During a SAX event: where its token starts (the same in every chunking).
  Location Here() const { return {context_.input, tokenizer_.event_offset(), tokenizer_.line()}; }
  // During a SAX event: whether `text` lies in the chunk being pushed (the tokenizer passes a
  // string the chunk holds whole, without escapes or repairs, that way), so it stays valid until
  // the end of this Push.
  bool InChunk(std::string_view text) const {
    return reinterpret_cast<uintptr_t>(text.data()) - chunk_begin_ < chunk_size_;
  }
  // Called at the end of every Push, while InChunk still answers for its chunk: a derived reader
  // that keeps chunk views across events hides this with one that copies them.
  void ChunkEnd() {}

 private:
  Derived& self() { return *static_cast<Derived*>(this); }
  Status Failure() {
    if (tokenizer_.error().kind == JsonErrorKind::kAborted) {
      Status shape = self().CheckShape();  // The reader stopped: it says why.
      if (!shape.ok())
        return shape;
    }
    return JsonErrorStatus(tokenizer_.error(), context_.input, self().label());
  }
  void ReportRepairs() {
    if (tokenizer_.repaired_utf8() == 0)
      return;
    context_.diagnostics->Add("ingest.invalid_utf8", base::Severity::kWarning,
                              "Invalid UTF-8 byte sequences were replaced by U+FFFD.",
                              Location{context_.input, 0, 0}, tokenizer_.repaired_utf8());
  }

  ReaderContext context_;
  JsonTokenizer<Derived> tokenizer_;
  uintptr_t chunk_begin_ = 0;  // The chunk being pushed (chunk_size_ 0 between pushes).
  size_t chunk_size_ = 0;
};

}  // namespace meshcheck::ingest

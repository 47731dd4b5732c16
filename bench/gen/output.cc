#include "gen/output.h"

#include <utility>

namespace meshcheck::gen {
namespace {

constexpr size_t kBlockBytes = 4 << 20;

}  // namespace

Output::Output(Sink sink, uint64_t limit) : sink_(std::move(sink)), limit_(limit) {
  buffer_.reserve(kBlockBytes + (1 << 20));
}

bool Output::Commit(size_t mark, uint64_t closing_bytes) {
  if (limit_ != 0 && bytes() + closing_bytes > limit_) {
    buffer_.resize(mark);
    return false;
  }
  if (buffer_.size() >= kBlockBytes) {
    ok_ = ok_ && sink_(buffer_);
    flushed_ += buffer_.size();
    buffer_.clear();
  }
  return true;
}

bool Output::Finish() {
  if (!buffer_.empty()) {
    ok_ = ok_ && sink_(buffer_);
    flushed_ += buffer_.size();
    buffer_.clear();
  }
  return ok_;
}

}  // namespace meshcheck::gen
